//! What a quotation does to the inquiry it came from, in plain SQL so this module does
//! not depend on the inquiries module: an approved inquiry becomes `quoted` when a
//! quotation is made from it, `won` when the quotation is accepted or converted, and
//! `lost` (with the same reason and competitor) when it is rejected. The inquiry's own
//! rules apply: only open, contacted, replied or quoted inquiries move; won, lost and
//! cancelled ones stay as they are.

use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use crate::access::Actor;
use crate::ids::now;
use crate::sales::events::{self, NewEvent};
use crate::sales::lines::LineInput;
use crate::{audit, Error, Result};

/// Inquiry statuses a quotation can still move on (to quoted, won or lost).
const OPEN: &[&str] = &["open", "contacted", "replied", "quoted"];

pub(crate) struct Inquiry {
    pub id: String,
    pub number: String,
    pub contact_id: String,
    pub status: String,
    pub approved: bool,
    pub owner_id: Option<String>,
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Inquiry> {
    conn.prepare_cached(
        "SELECT id, number, contact_id, status, approved_at IS NOT NULL, owner_id
         FROM inquiries WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id.trim()], |r| {
        Ok(Inquiry {
            id: r.get(0)?,
            number: r.get(1)?,
            contact_id: r.get(2)?,
            status: r.get(3)?,
            approved: r.get(4)?,
            owner_id: r.get(5)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found("inquiry", id))
}

/// The stored status key as a static str (for error messages).
fn key(status: &str) -> &'static str {
    [
        "open",
        "contacted",
        "replied",
        "quoted",
        "won",
        "lost",
        "cancelled",
    ]
    .into_iter()
    .find(|k| *k == status)
    .unwrap_or("unknown")
}

/// Refuses to quote an inquiry that is not approved, or is already won, lost or
/// cancelled.
pub(crate) fn check_quotable(i: &Inquiry) -> Result<()> {
    if !i.approved {
        return Err(Error::StatusNotAllowed {
            entity: "inquiry",
            number: i.number.clone(),
            from: "not_approved",
            to: "quoted",
        });
    }
    if !OPEN.contains(&i.status.as_str()) {
        return Err(Error::StatusNotAllowed {
            entity: "inquiry",
            number: i.number.clone(),
            from: key(&i.status),
            to: "quoted",
        });
    }
    Ok(())
}

/// Moves the inquiry to `to` ("quoted", "won" or "lost") when its rules allow it,
/// records the event on its history and the contact's timeline, and says whether it
/// moved. `detail` is the lost reason (or the quotation's number).
pub(crate) fn move_to(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    to: &'static str,
    lost_reason: &str,
    competitor: &str,
    detail: &str,
) -> Result<bool> {
    let i = get(conn, id)?;
    if i.status == to || !OPEN.contains(&i.status.as_str()) {
        return Ok(false);
    }
    let at = now();
    let closes = matches!(to, "won" | "lost");
    conn.execute(
        "UPDATE inquiries SET status = ?2, updated_at = ?3, last_activity_at = ?3,
            closed_at = CASE WHEN ?4 THEN ?3 ELSE closed_at END,
            lost_reason = CASE WHEN ?2 = 'lost' THEN ?5 ELSE lost_reason END,
            competitor = CASE WHEN ?2 = 'lost' THEN ?6 ELSE competitor END
         WHERE id = ?1",
        params![id, to, at, closes, lost_reason, competitor],
    )?;
    events::record(
        conn,
        actor,
        &NewEvent {
            contact_id: &i.contact_id,
            doc_type: "inquiry",
            doc_id: &i.id,
            doc_number: &i.number,
            event: "status",
            status: Some(to),
            detail,
        },
    )?;
    #[derive(serde::Serialize)]
    struct State<'a> {
        status: &'a str,
    }
    audit::record(
        conn,
        actor,
        "inquiry.status",
        "inquiry",
        Some(id),
        Some(&State { status: &i.status }),
        Some(&State { status: to }),
    )?;
    Ok(true)
}

/// The inquiry's items as quotation lines: a catalog item gives its name (Arabic,
/// else English), unit, price and VAT rate; free text gives its description at price
/// 0 with the company's VAT rate.
pub(crate) fn lines(conn: &Connection, id: &str, default_vat: Decimal) -> Result<Vec<LineInput>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, ii.description, ii.quantity,
            COALESCE(NULLIF(p.name_ar, ''), NULLIF(p.name_en, ''), p.code), p.unit, p.price, p.vat_rate
         FROM inquiry_items ii
         LEFT JOIN products p ON p.id = ii.product_id AND p.deleted_at IS NULL
         WHERE ii.inquiry_id = ?1 ORDER BY ii.position",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let num = |v: Option<String>| v.and_then(|s| s.parse::<Decimal>().ok());
    Ok(rows
        .into_iter()
        .map(|(pid, desc, qty, name, unit, price, vat)| {
            let quantity = qty
                .parse::<Decimal>()
                .ok()
                .filter(|q| *q > Decimal::ZERO)
                .unwrap_or(Decimal::ONE);
            match pid {
                Some(pid) => LineInput {
                    product_id: Some(pid),
                    description: name.filter(|n| !n.is_empty()).unwrap_or(desc),
                    unit: unit.unwrap_or_default(),
                    quantity,
                    unit_price: num(price).unwrap_or_default(),
                    discount_kind: crate::sales::DiscountKind::Percent,
                    discount: Decimal::ZERO,
                    vat_rate: num(vat).unwrap_or(default_vat),
                },
                None => LineInput {
                    product_id: None,
                    description: desc,
                    unit: String::new(),
                    quantity,
                    unit_price: Decimal::ZERO,
                    discount_kind: crate::sales::DiscountKind::Percent,
                    discount: Decimal::ZERO,
                    vat_rate: default_vat,
                },
            }
        })
        .collect())
}
