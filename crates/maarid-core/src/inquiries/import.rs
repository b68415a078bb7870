//! What the spreadsheet import (`crate::import`) needs of inquiries, inside its one
//! transaction: the same checks as a save, the saved inquiries a row repeats, an
//! insert of a past inquiry (dated as the file says), an update, and the undo of both.
//! Also the contact look-ups that imports of inquiries and quotations share.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use super::store::{self, Clean};
use crate::access::Actor;
use crate::ids::new_id;
use crate::Result;

/// A row's inquiry, checked as a save checks it.
pub(crate) struct Prepared(Clean);

impl Prepared {
    /// The items as they will be stored: their descriptions (a catalog item's name
    /// when the row named its code).
    pub(crate) fn item_descriptions(&self) -> impl Iterator<Item = &str> {
        self.0.items.iter().map(|i| i.description.as_str())
    }

    pub(crate) fn budget(&self) -> Option<rust_decimal::Decimal> {
        self.0.budget
    }

    pub(crate) fn notes(&self) -> &str {
        &self.0.notes
    }

    pub(crate) fn follow_up_on(&self) -> Option<NaiveDate> {
        self.0.follow_up_on
    }
}

/// Checks items, budget, notes and follow-up date as `inquiries::create` would (the
/// contact and the salesperson are the caller's business).
pub(crate) fn prepare(conn: &Connection, input: &InquiryInput) -> Result<Prepared> {
    store::clean(conn, input).map(Prepared)
}

/// A live catalog item's id by its code (any case), for items typed as a code.
pub(crate) fn product_by_code(conn: &Connection, code: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM products WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL",
        )?
        .query_row([code.trim()], |r| r.get(0))
        .optional()?)
}

/// The contact's live inquiries made on `day`, with their items.
pub(crate) fn on_day(conn: &Connection, contact_id: &str, day: NaiveDate) -> Result<Vec<Inquiry>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT id FROM inquiries WHERE contact_id = ?1 AND substr(created_at, 1, 10) = ?2
               AND deleted_at IS NULL ORDER BY created_at, id",
        )?
        .query_map(params![contact_id, day.to_string()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| store::get_in(conn, id)).collect()
}

/// A past inquiry as the file tells it.
pub(crate) struct NewInquiry<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub contact_id: &'a str,
    pub channel: InquiryChannel,
    pub status: InquiryStatus,
    pub lost_reason: &'a str,
    pub owner_id: Option<&'a str>,
    /// The day it was made, as a stored timestamp.
    pub created_at: &'a str,
    /// When it was written (its `updated_at` and last activity).
    pub at: &'a str,
}

/// Inserts the inquiry with its items, and its "created" event on the day it was made
/// (so the contact's timeline shows it in its place).
pub(crate) fn insert(conn: &Connection, actor: &Actor, n: &NewInquiry, p: &Prepared) -> Result<()> {
    let c = &p.0;
    let closed = n.status.is_closed().then_some(n.created_at);
    conn.prepare_cached(
        "INSERT INTO inquiries (id, number, contact_id, channel, status, budget, currency, notes,
            owner_id, follow_up_on, lost_reason, closed_at, last_activity_at, created_by, created_at,
            updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?13)",
    )?
    .execute(params![
        n.id,
        n.number,
        n.contact_id,
        n.channel.key(),
        n.status.key(),
        c.budget.map(|b| b.to_string()),
        store::company_currency(conn)?,
        c.notes,
        n.owner_id,
        c.follow_up_on.map(|d| d.to_string()),
        n.lost_reason,
        closed,
        n.at,
        actor.user_id,
        n.created_at,
    ])?;
    store::put_items(conn, n.id, &c.items)?;
    imported_event(
        conn,
        actor,
        &ImportedEvent {
            contact_id: n.contact_id,
            doc_type: "inquiry",
            doc_id: n.id,
            doc_number: n.number,
            status: n.status.key(),
            at: n.created_at,
        },
    )
}

/// What an update from a file changes; the items stay (they are what made the row
/// match this inquiry).
pub(crate) struct Changes<'a> {
    pub channel: InquiryChannel,
    pub status: InquiryStatus,
    pub lost_reason: &'a str,
    pub owner_id: Option<&'a str>,
    pub at: &'a str,
}

pub(crate) fn update(conn: &Connection, id: &str, ch: &Changes, p: &Prepared) -> Result<()> {
    let c = &p.0;
    conn.prepare_cached(
        "UPDATE inquiries SET channel = ?2, status = ?3, budget = ?4, notes = ?5, owner_id = ?6,
            follow_up_on = ?7, lost_reason = ?8,
            closed_at = CASE WHEN ?9 THEN COALESCE(closed_at, ?10) ELSE NULL END, updated_at = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        ch.channel.key(),
        ch.status.key(),
        c.budget.map(|b| b.to_string()),
        c.notes,
        ch.owner_id,
        c.follow_up_on.map(|d| d.to_string()),
        ch.lost_reason,
        ch.status.is_closed(),
        ch.at,
    ])?;
    Ok(())
}

/// A live inquiry with its items.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Inquiry> {
    store::get_in(conn, id)
}

pub(crate) fn updated_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT updated_at FROM inquiries WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Whether anything happened to the inquiry besides its import: a quotation made from
/// it, a follow-up logged about it, an event in its history.
pub(crate) fn in_use(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM quotes WHERE inquiry_id = ?1)
                OR EXISTS (SELECT 1 FROM interactions WHERE doc_id = ?1)
                OR EXISTS (SELECT 1 FROM sales_events WHERE doc_id = ?1
                    AND NOT (event = 'created' AND detail = 'import'))",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// Removes an inquiry the import created (items, history, row), as if never imported.
pub(crate) fn remove_created(conn: &Connection, id: &str) -> Result<()> {
    for sql in [
        "DELETE FROM inquiry_items WHERE inquiry_id = ?1",
        "DELETE FROM sales_events WHERE doc_id = ?1",
        "DELETE FROM inquiries WHERE id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// Puts back an inquiry the import updated, as it was before.
pub(crate) fn restore_before(conn: &Connection, b: &Inquiry) -> Result<()> {
    conn.prepare_cached(
        "UPDATE inquiries SET contact_id = ?2, channel = ?3, status = ?4, budget = ?5, notes = ?6,
            owner_id = ?7, follow_up_on = ?8, lost_reason = ?9, competitor = ?10, closed_at = ?11,
            closed_automatically = ?12, last_activity_at = ?13, updated_at = ?14
         WHERE id = ?1",
    )?
    .execute(params![
        b.id,
        b.contact_id,
        b.channel.key(),
        b.status.key(),
        b.budget.map(|v| v.to_string()),
        b.notes,
        b.owner_id,
        b.follow_up_on.map(|d| d.to_string()),
        b.lost_reason,
        b.competitor,
        b.closed_at,
        b.closed_automatically,
        b.last_activity_at,
        b.updated_at,
    ])?;
    let items: Vec<store::CleanItem> = b
        .items
        .iter()
        .map(|i| store::CleanItem {
            product_id: i.product_id.clone(),
            description: i.description.clone(),
            quantity: i.quantity,
        })
        .collect();
    store::put_items(conn, &b.id, &items)
}

pub(crate) fn number_of(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT number FROM inquiries WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_else(|| id.to_string()))
}

// ---- Shared with the import of quotations ----------------------------------------------

/// The "created" event of an imported document, on the day the file gives (its detail
/// "import" tells it from events of later work).
pub(crate) struct ImportedEvent<'a> {
    pub contact_id: &'a str,
    pub doc_type: &'static str,
    pub doc_id: &'a str,
    pub doc_number: &'a str,
    pub status: &'a str,
    pub at: &'a str,
}

pub(crate) fn imported_event(conn: &Connection, actor: &Actor, e: &ImportedEvent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sales_events (id, contact_id, doc_type, doc_id, doc_number, event, status, detail,
            at, actor_id, actor_name)
         VALUES (?1, ?2, ?3, ?4, ?5, 'created', ?6, 'import', ?7, ?8, ?9)",
    )?
    .execute(params![
        new_id(),
        e.contact_id,
        e.doc_type,
        e.doc_id,
        e.doc_number,
        e.status,
        e.at,
        actor.user_id,
        actor.name
    ])?;
    Ok(())
}

/// Live contacts with this phone (E.164), oldest first: (id, display name).
pub(crate) fn contacts_by_phone(conn: &Connection, e164: &str) -> Result<Vec<(String, String)>> {
    contacts_where(
        conn,
        "c.id IN (SELECT contact_id FROM contact_phones WHERE e164 = ?1)",
        e164,
    )
}

/// Live contacts with this email (lower case), oldest first.
pub(crate) fn contacts_by_email(conn: &Connection, email: &str) -> Result<Vec<(String, String)>> {
    contacts_where(
        conn,
        "c.id IN (SELECT contact_id FROM contact_emails WHERE email = ?1)",
        email,
    )
}

fn contacts_where(conn: &Connection, cond: &str, key: &str) -> Result<Vec<(String, String)>> {
    let out = conn
        .prepare_cached(&format!(
            "SELECT c.id, {} FROM contacts c WHERE {cond} AND c.deleted_at IS NULL ORDER BY c.num",
            store::CONTACT_NAME
        ))?
        .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Every live contact's names (Arabic, Latin, company) with its id and display name,
/// for finding contacts by name.
pub(crate) fn contact_names(
    conn: &Connection,
    mut each: impl FnMut(&str, &str, [&str; 3]),
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT c.id, {}, c.name_ar, c.name_latin, c.company_name FROM contacts c
         WHERE c.deleted_at IS NULL ORDER BY c.num",
        store::CONTACT_NAME
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, shown, ar, latin, company): (String, String, String, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        each(&id, &shown, [&ar, &latin, &company]);
    }
    Ok(())
}
