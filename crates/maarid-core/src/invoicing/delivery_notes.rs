//! Delivery notes: what goes to the customer (descriptions, units and quantities — no
//! prices), made from an accepted quotation with `quotes::convert`. issued → delivered
//! or cancelled; delivered and cancelled are final.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{Filter, ListQuery, OWNER};
use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::now;
use crate::keyed::keyed_enum;
use crate::quotes::print::customer;
use crate::quotes::store::{date, read_lines, write_lines, ymd, CONTACT_NAME};
use crate::sales::events::{self, NewEvent};
use crate::sales::lines::{DiscountKind, Line};
use crate::sales::print_model::{PrintDoc, PrintKind, PrintRef};
use crate::{audit, Error, Result};

keyed_enum!(DeliveryNoteStatus {
    Issued = "issued",
    Delivered = "delivered",
    Cancelled = "cancelled",
});

/// What `set_status` accepts: issued → delivered or cancelled; the others are final.
pub const TRANSITIONS: &[(DeliveryNoteStatus, &[DeliveryNoteStatus])] = &[
    (
        DeliveryNoteStatus::Issued,
        &[DeliveryNoteStatus::Delivered, DeliveryNoteStatus::Cancelled],
    ),
    (DeliveryNoteStatus::Delivered, &[]),
    (DeliveryNoteStatus::Cancelled, &[]),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryNote {
    pub id: String,
    pub number: String,
    pub quote_id: Option<String>,
    pub quote_number: Option<String>,
    pub invoice_id: Option<String>,
    pub invoice_number: Option<String>,
    pub contact_id: String,
    pub contact_name: String,
    pub status: DeliveryNoteStatus,
    pub issue_date: NaiveDate,
    /// When it was marked delivered (UTC RFC 3339).
    pub delivered_at: Option<String>,
    pub address: String,
    pub notes: String,
    /// Description, unit and quantity (prices and amounts are zero).
    pub lines: Vec<Line>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryNoteSummary {
    pub id: String,
    pub number: String,
    pub status: DeliveryNoteStatus,
    pub contact_id: String,
    pub contact_name: String,
    pub issue_date: NaiveDate,
    pub quote_id: Option<String>,
    pub quote_number: Option<String>,
    pub invoice_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryNoteQuery {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub status: Option<DeliveryNoteStatus>,
    #[serde(default)]
    pub contact_id: Option<String>,
    #[serde(default)]
    pub quote_id: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryNotePage {
    pub items: Vec<DeliveryNoteSummary>,
    pub next: Option<String>,
}

fn header(r: &Row) -> rusqlite::Result<(DeliveryNote, Option<String>)> {
    let status: String = r.get(8)?;
    Ok((
        DeliveryNote {
            id: r.get(0)?,
            number: r.get(1)?,
            quote_id: r.get(2)?,
            quote_number: r.get(3)?,
            invoice_id: r.get(4)?,
            invoice_number: r.get(5)?,
            contact_id: r.get(6)?,
            contact_name: r.get(7)?,
            status: DeliveryNoteStatus::parse(&status).unwrap_or(DeliveryNoteStatus::Issued),
            issue_date: date(r, 9)?,
            delivered_at: r.get(10)?,
            address: r.get(11)?,
            notes: r.get(12)?,
            created_at: r.get(13)?,
            updated_at: r.get(14)?,
            lines: Vec::new(),
        },
        r.get(15)?,
    ))
}

pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<(DeliveryNote, Option<String>)> {
    let (mut d, owner) = conn
        .prepare_cached(&format!(
            "SELECT x.id, x.number, x.quote_id, q.number, x.invoice_id, i.number, x.contact_id, {CONTACT_NAME},
                x.status, x.issue_date, x.delivered_at, x.address, x.notes, x.created_at, x.updated_at, {OWNER}
             FROM delivery_notes x
             JOIN contacts c ON c.id = x.contact_id
             LEFT JOIN quotes q ON q.id = x.quote_id
             LEFT JOIN invoices i ON i.id = x.invoice_id
             WHERE x.id = ?1 AND x.deleted_at IS NULL"
        ))?
        .query_row([id.trim()], header)
        .optional()?
        .ok_or_else(|| Error::not_found("delivery_note", id))?;
    d.lines = read_lines(conn, &d.id)?;
    Ok((d, owner))
}

/// The delivery note's lines: what the quotation's lines deliver, without prices.
pub(crate) fn lines_of(lines: &[Line]) -> Vec<Line> {
    lines
        .iter()
        .map(|l| Line {
            position: l.position,
            product_id: l.product_id.clone(),
            description: l.description.clone(),
            unit: l.unit.clone(),
            quantity: l.quantity,
            unit_price: Default::default(),
            discount_kind: DiscountKind::Percent,
            discount: Default::default(),
            vat_rate: Default::default(),
            gross: Default::default(),
            discount_amount: Default::default(),
            net: Default::default(),
            vat: Default::default(),
            total: Default::default(),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_in(
    conn: &Connection,
    id: &str,
    number: &str,
    quote_id: &str,
    contact_id: &str,
    issue_date: NaiveDate,
    address: &str,
    lines: &[Line],
    created_by: Option<&str>,
) -> Result<()> {
    let at = now();
    conn.execute(
        "INSERT INTO delivery_notes (id, number, quote_id, contact_id, status, issue_date, address, notes,
            created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'issued', ?5, ?6, '', ?7, ?8, ?8)",
        params![id, number, quote_id, contact_id, ymd(issue_date), address, created_by, at],
    )?;
    write_lines(conn, id, "delivery_note", &lines_of(lines))
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<DeliveryNote> {
    let (d, owner) = db.read(|c| get_in(c, id))?;
    actor.authorize(
        DocType::DeliveryNote,
        Action::Read,
        Target::OwnedBy(owner.as_deref()),
    )?;
    Ok(d)
}

/// Newest first, a page at a time.
pub fn list(db: &Db, actor: &Actor, q: &DeliveryNoteQuery) -> Result<DeliveryNotePage> {
    let f = Filter::for_list(
        actor,
        DocType::DeliveryNote,
        &ListQuery {
            status: q.status.map(|s| s.key()),
            contact_id: q.contact_id.as_deref(),
            quote_id: q.quote_id.as_deref(),
            text: q.text.as_deref(),
            after: q.after.as_deref(),
        },
    )?;
    let sql = format!(
        "SELECT x.id, x.number, x.status, x.contact_id, {CONTACT_NAME}, x.issue_date, x.quote_id, q.number,
            i.number
         FROM delivery_notes x
         JOIN contacts c ON c.id = x.contact_id
         LEFT JOIN quotes q ON q.id = x.quote_id
         LEFT JOIN invoices i ON i.id = x.invoice_id
         {}
         ORDER BY x.id DESC LIMIT :limit",
        f.where_sql()
    );
    let (items, next) = db.read(|conn| {
        f.page(
            conn,
            &sql,
            q.limit,
            |s: &DeliveryNoteSummary| s.id.clone(),
            |r| {
                let status: String = r.get(2)?;
                Ok(DeliveryNoteSummary {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    status: DeliveryNoteStatus::parse(&status)
                        .unwrap_or(DeliveryNoteStatus::Issued),
                    contact_id: r.get(3)?,
                    contact_name: r.get(4)?,
                    issue_date: date(r, 5)?,
                    quote_id: r.get(6)?,
                    quote_number: r.get(7)?,
                    invoice_number: r.get(8)?,
                })
            },
        )
    })?;
    Ok(DeliveryNotePage { items, next })
}

/// issued → delivered (write right; sets `delivered_at`) or cancelled (cancel right).
pub fn set_status(
    db: &Db,
    actor: &Actor,
    id: &str,
    to: DeliveryNoteStatus,
) -> Result<DeliveryNote> {
    db.write(|tx| {
        let (before, owner) = get_in(tx, id)?;
        let action = if to == DeliveryNoteStatus::Cancelled {
            Action::Cancel
        } else {
            Action::Write
        };
        actor.authorize(
            DocType::DeliveryNote,
            action,
            Target::OwnedBy(owner.as_deref()),
        )?;
        let ok = TRANSITIONS
            .iter()
            .any(|(f, t)| *f == before.status && t.contains(&to));
        if !ok {
            return Err(Error::StatusNotAllowed {
                entity: "delivery_note",
                number: before.number.clone(),
                from: before.status.key(),
                to: to.key(),
            });
        }
        let at = now();
        tx.execute(
            "UPDATE delivery_notes SET status = ?2, updated_at = ?3,
                delivered_at = CASE WHEN ?2 = 'delivered' THEN ?3 ELSE delivered_at END
             WHERE id = ?1",
            params![before.id, to.key(), at],
        )?;
        events::record(
            tx,
            actor,
            &NewEvent {
                contact_id: &before.contact_id,
                doc_type: "delivery_note",
                doc_id: &before.id,
                doc_number: &before.number,
                event: "status",
                status: Some(to.key()),
                detail: "",
            },
        )?;
        let (after, _) = get_in(tx, id)?;
        audit::record(
            tx,
            actor,
            "delivery_note.status",
            "delivery_note",
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The delivery note as printed (quantities only; the delivery date once delivered;
/// the quotation and invoice it refers to). Reads only: `sales::print`
/// records the "printed" event once the PDF is laid out.
pub fn print_doc(db: &Db, actor: &Actor, id: &str) -> Result<PrintDoc> {
    db.read(|tx| {
        let (d, owner) = get_in(tx, id)?;
        actor.authorize(
            DocType::DeliveryNote,
            Action::Read,
            Target::OwnedBy(owner.as_deref()),
        )?;
        let mut references = Vec::new();
        if let Some(n) = &d.quote_number {
            references.push(PrintRef {
                kind: PrintKind::Quotation,
                number: n.clone(),
            });
        }
        if let Some(n) = &d.invoice_number {
            references.push(PrintRef {
                kind: PrintKind::Invoice,
                number: n.clone(),
            });
        }
        let delivered = d
            .delivered_at
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&chrono::Local).date_naive());
        let (currency, salesperson): (String, Option<String>) = match &d.quote_id {
            Some(q) => tx
                .query_row(
                    "SELECT q.currency, COALESCE(NULLIF(u.full_name, ''), u.username) FROM quotes q
                     LEFT JOIN users u ON u.id = q.owner_id WHERE q.id = ?1",
                    [q],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .unwrap_or_default(),
            None => Default::default(),
        };
        let doc = PrintDoc {
            kind: PrintKind::DeliveryNote,
            number: d.number.clone(),
            revision: 0,
            status: d.status.key().to_string(),
            issue_date: d.issue_date,
            due_date: delivered,
            issued_at: None,
            references,
            currency,
            prices_include_vat: false,
            customer: customer(tx, &d.contact_id)?,
            lines: d.lines.clone(),
            totals: None,
            terms: String::new(),
            notes: d.notes.clone(),
            salesperson: salesperson.unwrap_or_default(),
            delivery_address: d.address.clone(),
        };
        Ok(doc)
    })
}
