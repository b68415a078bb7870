//! What the spreadsheet import (`crate::import`) needs of quotations, inside its one
//! transaction: the defaults a new quotation gets, the checks of a save, the saved
//! quotation with a number, an insert of a past quotation under its own number with
//! its status and dates, an update, and the undo of both.
//!
//! A past quotation keeps the number it was given: `number` is the printed reference
//! and nothing requires it to come from the series (revisions append "-R1" to any
//! number). The caller keeps the series from handing that number out again
//! (`numbering::import::reserve`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::model::*;
use super::store::{self, Clean, NEW_CHAIN};
use crate::access::Actor;
use crate::sales::lines::{self, Line};
use crate::{company, money, settings, Error, Result, Rule};

/// What a new quotation gets when the file does not say.
pub(crate) struct Defaults {
    pub currency: String,
    pub minor_digits: u32,
    pub prices_include_vat: bool,
    pub vat_rate: Decimal,
    validity_days: i64,
    terms: String,
    carry_forward: bool,
}

pub(crate) fn defaults(conn: &Connection) -> Result<Defaults> {
    let c = company::get_in(conn)?.ok_or(Error::SetupRequired)?.profile;
    let s = settings::get_in(conn)?;
    Ok(Defaults {
        minor_digits: money::minor_digits(&c.currency)?,
        currency: c.currency,
        prices_include_vat: s.prices_include_vat,
        vat_rate: c.default_vat_rate.parse().unwrap_or_default(),
        validity_days: s.default_quotation_validity_days,
        terms: s.quotation_terms,
        carry_forward: s.carry_forward_communications,
    })
}

/// An imported quotation, checked as a save checks it; its contact is set when written
/// (the batch may create it).
pub(crate) struct Prepared(Clean);

impl Prepared {
    pub(crate) fn issue_date(&self) -> NaiveDate {
        self.0.issue_date
    }

    pub(crate) fn valid_until(&self) -> NaiveDate {
        self.0.valid_until
    }

    pub(crate) fn total(&self) -> Decimal {
        self.0.totals.total
    }
}

/// `lines` were computed by `sales::lines::compute_line` with `d`'s rounding; a missing
/// `valid_until` is the issue date plus the usual validity.
pub(crate) fn prepare(
    d: &Defaults,
    lines: Vec<Line>,
    issue_date: NaiveDate,
    valid_until: Option<NaiveDate>,
    notes: &str,
    owner_id: Option<String>,
) -> Result<Prepared> {
    let valid_until = valid_until.unwrap_or(issue_date + chrono::Duration::days(d.validity_days));
    if valid_until < issue_date {
        return Err(Error::invalid("valid_until", Rule::OutOfRange));
    }
    if lines.len() > lines::MAX_LINES {
        return Err(Error::invalid("lines", Rule::TooLong));
    }
    let notes = notes.trim();
    if notes.chars().count() > 20_000 {
        return Err(Error::invalid("notes", Rule::TooLong));
    }
    Ok(Prepared(Clean {
        contact_id: String::new(),
        inquiry_id: None,
        issue_date,
        valid_until,
        currency: d.currency.clone(),
        prices_include_vat: d.prices_include_vat,
        totals: lines::totals(&lines),
        lines,
        terms: d.terms.clone(),
        notes: notes.to_string(),
        owner_id,
    }))
}

/// The numbers of the live quotations (revisions and superseded ones too), in lower
/// case, with their ids: read once, so that checking many quotations stays quick.
pub(crate) fn numbers(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare("SELECT lower(number), id FROM quotes WHERE deleted_at IS NULL")?;
    let out = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// A quotation in full.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Quote> {
    store::get(conn, id)
}

/// A quotation nothing was made from yet (no revision, copy, delivery note or invoice):
/// the only kind an import may overwrite.
pub(crate) fn replaceable(q: &Quote) -> bool {
    q.revision == 0
        && q.superseded_by.is_none()
        && q.revisions.len() <= 1
        && q.delivery_notes.is_empty()
        && q.invoices.is_empty()
}

/// The status and the moments that go with it, as the file tells them: sent and
/// decided on the issue date (the only date the file gives).
fn set_status(
    conn: &Connection,
    id: &str,
    status: QuoteStatus,
    issued: &str,
    at: &str,
) -> Result<()> {
    use QuoteStatus::*;
    let sent = matches!(status, Sent | Accepted | Rejected).then_some(issued);
    let decided = matches!(status, Accepted | Rejected | Expired | Cancelled).then_some(issued);
    let reason = if status == Rejected { "other" } else { "" };
    conn.prepare_cached(
        "UPDATE quotes SET status = ?2, sent_at = ?3, decided_at = ?4, lost_reason = ?5, competitor = '',
            updated_at = ?6
         WHERE id = ?1",
    )?
    .execute(params![id, status.key(), sent, decided, reason, at])?;
    Ok(())
}

/// A past quotation as the file tells it.
pub(crate) struct NewQuote<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub contact_id: &'a str,
    pub status: QuoteStatus,
    /// The issue date as a stored timestamp (its creation and its "created" event).
    pub issued: &'a str,
    /// When it was written (its `updated_at`).
    pub at: &'a str,
}

pub(crate) fn insert(
    conn: &Connection,
    actor: &Actor,
    d: &Defaults,
    n: &NewQuote,
    p: &Prepared,
) -> Result<()> {
    let mut c = p.0.clone();
    c.contact_id = n.contact_id.to_string();
    store::insert(
        conn,
        n.id,
        n.number,
        &NEW_CHAIN,
        &c,
        d.carry_forward,
        actor.user_id.as_deref(),
    )?;
    conn.prepare_cached("UPDATE quotes SET created_at = ?2 WHERE id = ?1")?
        .execute(params![n.id, n.issued])?;
    set_status(conn, n.id, n.status, n.issued, n.at)?;
    crate::inquiries::import::imported_event(
        conn,
        actor,
        &crate::inquiries::import::ImportedEvent {
            contact_id: n.contact_id,
            doc_type: "quotation",
            doc_id: n.id,
            doc_number: n.number,
            status: n.status.key(),
            at: n.issued,
        },
    )
}

/// Replaces a quotation's contact, dates, lines, notes, owner and status with the file's.
pub(crate) fn update(
    conn: &Connection,
    id: &str,
    contact_id: &str,
    status: QuoteStatus,
    p: &Prepared,
    issued: &str,
    at: &str,
) -> Result<()> {
    let mut c = p.0.clone();
    c.contact_id = contact_id.to_string();
    store::update(conn, id, &c)?;
    set_status(conn, id, status, issued, at)
}

pub(crate) fn updated_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT updated_at FROM quotes WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Whether anything was done with the quotation since: a revision, a copy, a delivery
/// note, an invoice, a communication, an event other than its import.
pub(crate) fn in_use(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM quotes WHERE (previous_id = ?1 OR copied_from = ?1) AND id <> ?1)
                OR EXISTS (SELECT 1 FROM delivery_notes WHERE quote_id = ?1)
                OR EXISTS (SELECT 1 FROM invoices WHERE quote_id = ?1)
                OR EXISTS (SELECT 1 FROM interactions WHERE doc_id = ?1)
                OR EXISTS (SELECT 1 FROM sales_events WHERE doc_id = ?1
                    AND NOT (event = 'created' AND detail = 'import'))",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// Removes a quotation the import created (lines, history, row), as if never imported.
pub(crate) fn remove_created(conn: &Connection, id: &str) -> Result<()> {
    for sql in [
        "DELETE FROM document_lines WHERE doc_id = ?1",
        "DELETE FROM sales_events WHERE doc_id = ?1",
        "DELETE FROM quotes WHERE id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// Puts back a quotation the import updated, as it was before, figures included.
pub(crate) fn restore_before(conn: &Connection, b: &Quote) -> Result<()> {
    let t = &b.totals;
    conn.prepare_cached(
        "UPDATE quotes SET contact_id = ?2, issue_date = ?3, valid_until = ?4, currency = ?5,
            prices_include_vat = ?6, subtotal = ?7, discount_total = ?8, net_total = ?9, vat_total = ?10,
            total = ?11, terms = ?12, notes = ?13, owner_id = ?14, status = ?15, sent_at = ?16,
            decided_at = ?17, lost_reason = ?18, competitor = ?19, updated_at = ?20
         WHERE id = ?1",
    )?
    .execute(params![
        b.id,
        b.contact_id,
        store::ymd(b.issue_date),
        store::ymd(b.valid_until),
        b.currency,
        b.prices_include_vat,
        t.subtotal.to_string(),
        t.discount_total.to_string(),
        t.net_total.to_string(),
        t.vat_total.to_string(),
        t.total.to_string(),
        b.terms,
        b.notes,
        b.owner_id,
        b.status.key(),
        b.sent_at,
        b.decided_at,
        b.lost_reason,
        b.competitor,
        b.updated_at,
    ])?;
    store::write_lines(conn, &b.id, "quotation", &b.lines)
}

pub(crate) fn number_of(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT number FROM quotes WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_else(|| id.to_string()))
}
