//! Invoices: made from an accepted quotation (see `quotes::convert`), simplified (to
//! consumers; Saudi ones carry the ZATCA QR code when printed) or standard. Issued
//! invoices are in the contact's purchase history; paid and cancelled are final, and
//! cancelling takes the invoice out of the purchase history and puts its vehicles back
//! on sale.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Filter, ListQuery, OWNER};
use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::now;
use crate::keyed::keyed_enum;
use crate::quotes::print::customer;
use crate::quotes::store::{date, dec, read_lines, write_lines, ymd, CONTACT_NAME};
use crate::sales::events::{self, NewEvent};
use crate::sales::lines::{self, Line, Totals};
use crate::sales::print_model::{PrintDoc, PrintKind, PrintRef};
use crate::{audit, Error, Result};

keyed_enum!(InvoiceKind {
    /// To consumers (B2C).
    Simplified = "simplified",
    /// To VAT-registered businesses (B2B).
    Standard = "standard",
});

keyed_enum!(InvoiceStatus {
    Issued = "issued",
    Paid = "paid",
    Cancelled = "cancelled",
});

/// What `set_status` accepts: issued → paid or cancelled; paid and cancelled are final.
pub const TRANSITIONS: &[(InvoiceStatus, &[InvoiceStatus])] = &[
    (
        InvoiceStatus::Issued,
        &[InvoiceStatus::Paid, InvoiceStatus::Cancelled],
    ),
    (InvoiceStatus::Paid, &[]),
    (InvoiceStatus::Cancelled, &[]),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub number: String,
    pub kind: InvoiceKind,
    pub quote_id: Option<String>,
    pub quote_number: Option<String>,
    pub delivery_note_id: Option<String>,
    pub delivery_note_number: Option<String>,
    pub contact_id: String,
    pub contact_name: String,
    pub status: InvoiceStatus,
    pub issue_date: NaiveDate,
    /// The moment of issue, UTC RFC 3339 (printed, and in the ZATCA QR code).
    pub issued_at: String,
    pub currency: String,
    pub prices_include_vat: bool,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub terms: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceSummary {
    pub id: String,
    pub number: String,
    pub kind: InvoiceKind,
    pub status: InvoiceStatus,
    pub contact_id: String,
    pub contact_name: String,
    pub issue_date: NaiveDate,
    pub currency: String,
    pub total: Decimal,
    pub quote_id: Option<String>,
    pub quote_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceQuery {
    /// Part of the number, or of the customer's name.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub status: Option<InvoiceStatus>,
    #[serde(default)]
    pub contact_id: Option<String>,
    #[serde(default)]
    pub quote_id: Option<String>,
    /// 1–500, default 50.
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoicePage {
    pub items: Vec<InvoiceSummary>,
    pub next: Option<String>,
}

fn select() -> String {
    format!(
        "SELECT x.id, x.number, x.kind, x.quote_id, q.number, x.delivery_note_id, d.number, x.contact_id,
            {CONTACT_NAME}, x.status, x.issue_date, x.issued_at, x.currency, x.prices_include_vat, x.terms,
            x.notes, x.created_at, x.updated_at, {OWNER}
         FROM invoices x
         JOIN contacts c ON c.id = x.contact_id
         LEFT JOIN quotes q ON q.id = x.quote_id
         LEFT JOIN delivery_notes d ON d.id = x.delivery_note_id"
    )
}

fn header(r: &Row) -> rusqlite::Result<(Invoice, Option<String>)> {
    let kind: String = r.get(2)?;
    let status: String = r.get(9)?;
    Ok((
        Invoice {
            id: r.get(0)?,
            number: r.get(1)?,
            kind: InvoiceKind::parse(&kind).unwrap_or(InvoiceKind::Simplified),
            quote_id: r.get(3)?,
            quote_number: r.get(4)?,
            delivery_note_id: r.get(5)?,
            delivery_note_number: r.get(6)?,
            contact_id: r.get(7)?,
            contact_name: r.get(8)?,
            status: InvoiceStatus::parse(&status).unwrap_or(InvoiceStatus::Issued),
            issue_date: date(r, 10)?,
            issued_at: r.get(11)?,
            currency: r.get(12)?,
            prices_include_vat: r.get(13)?,
            terms: r.get(14)?,
            notes: r.get(15)?,
            created_at: r.get(16)?,
            updated_at: r.get(17)?,
            lines: Vec::new(),
            totals: Totals::default(),
        },
        r.get(18)?,
    ))
}

/// An invoice in full, and its owner (for the rights).
pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<(Invoice, Option<String>)> {
    let (mut inv, owner) = conn
        .prepare_cached(&format!(
            "{} WHERE x.id = ?1 AND x.deleted_at IS NULL",
            select()
        ))?
        .query_row([id.trim()], header)
        .optional()?
        .ok_or_else(|| Error::not_found("invoice", id))?;
    inv.lines = read_lines(conn, &inv.id)?;
    inv.totals = lines::totals(&inv.lines);
    Ok((inv, owner))
}

/// What `quotes::convert` writes.
pub(crate) struct NewInvoice<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub kind: InvoiceKind,
    pub quote_id: &'a str,
    pub delivery_note_id: Option<&'a str>,
    pub contact_id: &'a str,
    pub issue_date: NaiveDate,
    pub issued_at: &'a str,
    pub currency: &'a str,
    pub prices_include_vat: bool,
    pub lines: &'a [Line],
    pub totals: &'a Totals,
    pub terms: &'a str,
    pub notes: &'a str,
    pub created_by: Option<&'a str>,
}

pub(crate) fn insert_in(conn: &Connection, n: &NewInvoice) -> Result<()> {
    let at = now();
    conn.execute(
        "INSERT INTO invoices (id, number, kind, quote_id, delivery_note_id, contact_id, status, issue_date,
            issued_at, currency, prices_include_vat, subtotal, discount_total, net_total, vat_total, total,
            terms, notes, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'issued', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?19)",
        params![
            n.id,
            n.number,
            n.kind.key(),
            n.quote_id,
            n.delivery_note_id,
            n.contact_id,
            ymd(n.issue_date),
            n.issued_at,
            n.currency,
            n.prices_include_vat,
            n.totals.subtotal.to_string(),
            n.totals.discount_total.to_string(),
            n.totals.net_total.to_string(),
            n.totals.vat_total.to_string(),
            n.totals.total.to_string(),
            n.terms,
            n.notes,
            n.created_by,
            at
        ],
    )?;
    write_lines(conn, n.id, "invoice", n.lines)
}

/// Vehicles on the invoice become `status` (sold when invoiced, available again when
/// the invoice is cancelled).
pub(crate) fn set_vehicles(
    conn: &Connection,
    invoice_id: &str,
    from: &[&str],
    to: &str,
) -> Result<usize> {
    let from = from
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(conn.execute(
        &format!(
            "UPDATE products SET stock_status = ?2, updated_at = ?3
             WHERE kind = 'vehicle' AND deleted_at IS NULL
               AND (stock_status IS NULL OR stock_status IN ({from}))
               AND id IN (SELECT product_id FROM document_lines WHERE doc_id = ?1 AND product_id IS NOT NULL)"
        ),
        params![invoice_id, to, now()],
    )?)
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Invoice> {
    let (inv, owner) = db.read(|c| get_in(c, id))?;
    actor.authorize(
        DocType::Invoice,
        Action::Read,
        Target::OwnedBy(owner.as_deref()),
    )?;
    Ok(inv)
}

/// Newest first, a page at a time (`next` is the cursor of the following page).
pub fn list(db: &Db, actor: &Actor, q: &InvoiceQuery) -> Result<InvoicePage> {
    let f = Filter::for_list(
        actor,
        DocType::Invoice,
        &ListQuery {
            status: q.status.map(|s| s.key()),
            contact_id: q.contact_id.as_deref(),
            quote_id: q.quote_id.as_deref(),
            text: q.text.as_deref(),
            after: q.after.as_deref(),
        },
    )?;
    let sql = format!(
        "SELECT x.id, x.number, x.kind, x.status, x.contact_id, {CONTACT_NAME}, x.issue_date, x.currency,
            x.total, x.quote_id, q.number
         FROM invoices x
         JOIN contacts c ON c.id = x.contact_id
         LEFT JOIN quotes q ON q.id = x.quote_id
         {}
         ORDER BY x.id DESC LIMIT :limit",
        f.where_sql()
    );
    let (items, next) = db.read(|conn| {
        f.page(
            conn,
            &sql,
            q.limit,
            |s: &InvoiceSummary| s.id.clone(),
            |r| {
                let kind: String = r.get(2)?;
                let status: String = r.get(3)?;
                Ok(InvoiceSummary {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    kind: InvoiceKind::parse(&kind).unwrap_or(InvoiceKind::Simplified),
                    status: InvoiceStatus::parse(&status).unwrap_or(InvoiceStatus::Issued),
                    contact_id: r.get(4)?,
                    contact_name: r.get(5)?,
                    issue_date: date(r, 6)?,
                    currency: r.get(7)?,
                    total: dec(r, 8)?,
                    quote_id: r.get(9)?,
                    quote_number: r.get(10)?,
                })
            },
        )
    })?;
    Ok(InvoicePage { items, next })
}

/// issued → paid (write right) or cancelled (cancel right). Cancelling takes the
/// invoice out of the contact's purchase history and puts its vehicles back on sale.
pub fn set_status(db: &Db, actor: &Actor, id: &str, to: InvoiceStatus) -> Result<Invoice> {
    db.write(|tx| {
        let (before, owner) = get_in(tx, id)?;
        let action = if to == InvoiceStatus::Cancelled {
            Action::Cancel
        } else {
            Action::Write
        };
        actor.authorize(DocType::Invoice, action, Target::OwnedBy(owner.as_deref()))?;
        let ok = TRANSITIONS
            .iter()
            .any(|(f, t)| *f == before.status && t.contains(&to));
        if !ok {
            return Err(Error::StatusNotAllowed {
                entity: "invoice",
                number: before.number.clone(),
                from: before.status.key(),
                to: to.key(),
            });
        }
        let at = now();
        tx.execute(
            "UPDATE invoices SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![before.id, to.key(), at],
        )?;
        if to == InvoiceStatus::Cancelled {
            tx.execute(
                "UPDATE contact_purchases SET deleted_at = ?2
                 WHERE doc_type = 'invoice' AND doc_id = ?1 AND deleted_at IS NULL",
                params![before.id, at],
            )?;
            set_vehicles(tx, &before.id, &["sold"], "available")?;
        }
        events::record(
            tx,
            actor,
            &NewEvent {
                contact_id: &before.contact_id,
                doc_type: "invoice",
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
            "invoice.status",
            "invoice",
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The invoice as printed (simplified or standard; with its moment of issue and the
/// quotation and delivery note it refers to). Reads only: `sales::print`
/// records the "printed" event once the PDF is laid out.
pub fn print_doc(db: &Db, actor: &Actor, id: &str) -> Result<PrintDoc> {
    db.read(|tx| {
        let (inv, owner) = get_in(tx, id)?;
        actor.authorize(
            DocType::Invoice,
            Action::Read,
            Target::OwnedBy(owner.as_deref()),
        )?;
        let mut references = Vec::new();
        if let Some(n) = &inv.quote_number {
            references.push(PrintRef {
                kind: PrintKind::Quotation,
                number: n.clone(),
            });
        }
        if let Some(n) = &inv.delivery_note_number {
            references.push(PrintRef {
                kind: PrintKind::DeliveryNote,
                number: n.clone(),
            });
        }
        let salesperson: Option<String> = match &inv.quote_id {
            Some(q) => tx
                .query_row(
                    "SELECT COALESCE(NULLIF(u.full_name, ''), u.username) FROM quotes q
                     JOIN users u ON u.id = q.owner_id WHERE q.id = ?1",
                    [q],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        let doc = PrintDoc {
            kind: match inv.kind {
                InvoiceKind::Simplified => PrintKind::SimplifiedInvoice,
                InvoiceKind::Standard => PrintKind::Invoice,
            },
            number: inv.number.clone(),
            revision: 0,
            status: inv.status.key().to_string(),
            issue_date: inv.issue_date,
            due_date: None,
            issued_at: chrono::DateTime::parse_from_rfc3339(&inv.issued_at)
                .ok()
                .map(|t| t.with_timezone(&chrono::Utc)),
            references,
            currency: inv.currency.clone(),
            prices_include_vat: inv.prices_include_vat,
            customer: customer(tx, &inv.contact_id)?,
            lines: inv.lines.clone(),
            totals: Some(inv.totals.clone()),
            terms: inv.terms.clone(),
            notes: inv.notes.clone(),
            salesperson: salesperson.unwrap_or_default(),
            delivery_address: String::new(),
        };
        Ok(doc)
    })
}
