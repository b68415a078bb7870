//! Inquiry storage: checking input, the rows and their items.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::model::*;
use crate::{catalog, Error, Result, Rule};

/// Most items one inquiry may list.
pub const MAX_ITEMS: usize = 100;

pub(super) struct CleanItem {
    pub product_id: Option<String>,
    pub description: String,
    pub quantity: Decimal,
}

/// The parts of an input that are checked the same way on create and edit.
pub(super) struct Clean {
    pub items: Vec<CleanItem>,
    pub budget: Option<Decimal>,
    pub notes: String,
    pub follow_up_on: Option<NaiveDate>,
}

pub(super) fn clean(conn: &Connection, input: &InquiryInput) -> Result<Clean> {
    if input.items.len() > MAX_ITEMS {
        return Err(Error::invalid("items", Rule::TooLong));
    }
    let big = Decimal::from(1_000_000_000_000i64);
    let mut items = Vec::with_capacity(input.items.len());
    for (i, it) in input.items.iter().enumerate() {
        let at = |field, rule| Error::invalid(field, rule).at(i);
        let product_id = it
            .product_id
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let product = match product_id {
            Some(p) => Some(catalog::get_in(conn, p, false).map_err(|e| match e {
                Error::NotFound { .. } => at("product", Rule::UnknownValue),
                other => other,
            })?),
            None => None,
        };
        let mut description = it.description.trim().to_string();
        if description.is_empty() {
            if let Some(p) = &product {
                description = product_label(p);
            }
        }
        if description.is_empty() {
            return Err(at("description", Rule::Required));
        }
        if description.chars().count() > 2000 {
            return Err(at("description", Rule::TooLong));
        }
        if it.quantity <= Decimal::ZERO || it.quantity >= big || it.quantity.normalize().scale() > 3
        {
            return Err(at("quantity", Rule::OutOfRange));
        }
        items.push(CleanItem {
            product_id: product.map(|p| p.id),
            description,
            quantity: it.quantity.normalize(),
        });
    }
    if let Some(b) = input.budget {
        if b < Decimal::ZERO || b >= big {
            return Err(Error::invalid("budget", Rule::OutOfRange));
        }
        if b.normalize().scale() > 3 {
            return Err(Error::invalid("budget", Rule::BadFormat));
        }
    }
    let notes = input.notes.trim().to_string();
    if notes.chars().count() > 20_000 {
        return Err(Error::invalid("notes", Rule::TooLong));
    }
    if let Some(d) = input.follow_up_on {
        use chrono::Datelike;
        if !(2000..=2200).contains(&d.year()) {
            return Err(Error::invalid("follow_up_on", Rule::OutOfRange));
        }
    }
    Ok(Clean {
        items,
        budget: input.budget.map(|b| b.normalize()),
        notes,
        follow_up_on: input.follow_up_on,
    })
}

/// How a catalog item is named on an inquiry: its name, and for a vehicle the model
/// year, trim and colour.
pub(super) fn product_label(p: &catalog::Product) -> String {
    let mut parts = vec![p.display_name().to_string()];
    if p.kind == catalog::ProductKind::Vehicle {
        if let Some(y) = p.year {
            let y = y.to_string();
            if !parts[0].contains(&y) {
                parts.push(y);
            }
        }
        for extra in [&p.trim, &p.colour] {
            if !extra.is_empty() && !parts[0].contains(extra.as_str()) {
                parts.push(extra.clone());
            }
        }
    }
    parts.join(" ")
}

/// An owner must be a user that exists (not deleted).
pub(super) fn check_owner(conn: &Connection, id: &str) -> Result<()> {
    let live: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND deleted_at IS NULL)")?
        .query_row([id], |r| r.get(0))?;
    if !live {
        return Err(Error::invalid("owner", Rule::UnknownValue));
    }
    Ok(())
}

pub(super) fn company_currency(conn: &Connection) -> Result<String> {
    let c: Option<String> = conn
        .prepare_cached("SELECT currency FROM company WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    c.ok_or(Error::SetupRequired)
}

/// The contact's display name, as the screens show it.
pub(super) const CONTACT_NAME: &str =
    "COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name, '')";

const SELECT: &str = "SELECT i.id, i.number, i.contact_id,
        COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name, ''),
        i.channel, i.status, i.budget, i.currency, i.notes, i.owner_id,
        COALESCE(NULLIF(o.full_name, ''), o.username), i.follow_up_on, i.approved_at, i.approved_by,
        COALESCE(NULLIF(a.full_name, ''), a.username), i.lost_reason, i.competitor, i.closed_at,
        i.closed_automatically, i.last_activity_at, i.created_by, i.created_at, i.updated_at
    FROM inquiries i
    LEFT JOIN contacts c ON c.id = i.contact_id
    LEFT JOIN users o ON o.id = i.owner_id
    LEFT JOIN users a ON a.id = i.approved_by";

pub(super) fn decimal_opt(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<Decimal>> {
    let s: Option<String> = r.get(i)?;
    s.map(|s| {
        s.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

pub(super) fn date_opt(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(i)?;
    Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Inquiry> {
    let channel: String = r.get(4)?;
    let status: String = r.get(5)?;
    let status = InquiryStatus::parse(&status).unwrap_or(InquiryStatus::Open);
    Ok(Inquiry {
        id: r.get(0)?,
        number: r.get(1)?,
        contact_id: r.get(2)?,
        contact_name: r.get(3)?,
        channel: InquiryChannel::parse(&channel).unwrap_or(InquiryChannel::WalkIn),
        status,
        next_statuses: status.next().to_vec(),
        budget: decimal_opt(r, 6)?,
        currency: r.get(7)?,
        notes: r.get(8)?,
        owner_id: r.get(9)?,
        owner_name: r.get(10)?,
        follow_up_on: date_opt(r, 11)?,
        approved_at: r.get(12)?,
        approved_by: r.get(13)?,
        approved_by_name: r.get(14)?,
        lost_reason: r.get(15)?,
        competitor: r.get(16)?,
        closed_at: r.get(17)?,
        closed_automatically: r.get(18)?,
        last_activity_at: r.get(19)?,
        created_by: r.get(20)?,
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
        items: Vec::new(),
    })
}

fn items_of(conn: &Connection, id: &str) -> Result<Vec<InquiryItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT it.position, it.product_id, it.description, it.quantity, p.code, COALESCE(p.unit, '')
         FROM inquiry_items it LEFT JOIN products p ON p.id = it.product_id
         WHERE it.inquiry_id = ?1 ORDER BY it.position",
    )?;
    let out = stmt
        .query_map([id], |r| {
            let q: String = r.get(3)?;
            Ok(InquiryItem {
                position: r.get(0)?,
                product_id: r.get(1)?,
                description: r.get(2)?,
                quantity: q.parse().unwrap_or(Decimal::ONE),
                product_code: r.get(4)?,
                unit: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// A live inquiry with its items.
pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<Inquiry> {
    let mut inq = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE i.id = ?1 AND i.deleted_at IS NULL"
        ))?
        .query_row([id], row)
        .optional()?
        .ok_or_else(|| Error::not_found("inquiry", id))?;
    inq.items = items_of(conn, id)?;
    Ok(inq)
}

/// The ids of the inquiries `close_unanswered` closes.
pub(super) fn unanswered(conn: &Connection, before: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM inquiries
         WHERE status IN ('contacted', 'replied') AND deleted_at IS NULL AND last_activity_at < ?1
         ORDER BY last_activity_at",
    )?;
    let out = stmt
        .query_map([before], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

pub(super) fn put_items(conn: &Connection, id: &str, items: &[CleanItem]) -> Result<()> {
    conn.execute("DELETE FROM inquiry_items WHERE inquiry_id = ?1", [id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO inquiry_items (inquiry_id, position, product_id, description, quantity)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, it) in items.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            it.product_id,
            it.description,
            it.quantity.to_string()
        ])?;
    }
    Ok(())
}
