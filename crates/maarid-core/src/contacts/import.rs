//! What the spreadsheet import (`crate::import`) needs of contacts, inside its one
//! transaction: the same cleaning and duplicate rules as a save, an insert, a merge
//! of imported values into an existing contact, and the undo of both.

use rusqlite::{params, Connection, OptionalExtension};

use super::batch::{saved_duplicates, Seen, DISPLAY_NAME};
use super::model::*;
use super::phone::Phone;
use super::store::{self, Clean};
use super::BatchMatch;
use crate::access::{Action, Actor, DocType, Target};
use crate::Result;

/// A row's contact, cleaned and keyed for the duplicate checks.
pub(crate) struct Prepared {
    pub clean: Clean,
    key: String,
    emails_count: bool,
}

/// Rules that stay the same for the whole import, read once.
pub(crate) struct Rules {
    lead_emails_count: bool,
}

impl Rules {
    pub(crate) fn load(conn: &Connection) -> Result<Rules> {
        Ok(Rules {
            lead_emails_count: super::emails_count(conn, ContactKind::Lead)?,
        })
    }
}

/// Cleans `input` as a save would, with the actor as default owner; naming another
/// owner needs the right over all contacts. `phones` are `input.phones` already
/// parsed, in order.
pub(crate) fn prepare(
    conn: &Connection,
    actor: &Actor,
    rules: &Rules,
    input: &ContactInput,
    phones: &[Phone],
) -> Result<Prepared> {
    let me = actor.user_id.as_deref();
    let clean = store::clean_with(conn, input, me, Some(phones))?;
    if clean.owner_id.as_deref() != me {
        actor.authorize(DocType::Contact, Action::Create, Target::Anyone)?;
    }
    let key = store::name_key(&clean);
    let emails_count = clean.kind != ContactKind::Lead || rules.lead_emails_count;
    Ok(Prepared {
        clean,
        key,
        emails_count,
    })
}

/// Saved contacts the row resembles (phone, email, similar name in the same city),
/// among those numbered up to `up_to` (see `last_num`).
pub(crate) fn saved_matches(
    conn: &Connection,
    p: &Prepared,
    up_to: i64,
) -> Result<Vec<BatchMatch>> {
    saved_duplicates(conn, &p.clean, &p.key, p.emails_count, up_to)
}

/// The number of the newest contact: an import that writes as it checks compares its
/// rows with the contacts up to here, and with its own rows through `FileRows`.
pub(crate) fn last_num(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(num), 0) FROM contacts", [], |r| {
            r.get(0)
        })?,
    )
}

/// The rows of the file kept so far, for duplicates inside the file.
#[derive(Default)]
pub(crate) struct FileRows(Seen);

impl FileRows {
    pub(crate) fn matches(&self, p: &Prepared, out: &mut Vec<BatchMatch>) {
        self.0.matches(&p.clean, &p.key, p.emails_count, out)
    }

    pub(crate) fn add(&mut self, index: usize, p: &Prepared) {
        self.0.add(index, &p.clean, &p.key)
    }
}

pub(crate) fn insert(
    conn: &Connection,
    id: &str,
    p: &Prepared,
    at: &str,
    created_by: Option<&str>,
) -> Result<()> {
    store::insert_as(conn, id, &p.clean, at, created_by)
}

/// Folds an imported row into the saved contact `id`: values the row has replace
/// single values; phones, emails, tags, addresses and custom values are added to the
/// contact's own. Returns the contact as it was, for undo.
pub(crate) fn merge_into(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    row: &ContactInput,
) -> Result<Contact> {
    let before = store::get(conn, id)?;
    actor.authorize(
        DocType::Contact,
        Action::Write,
        Target::OwnedBy(before.owner_id.as_deref()),
    )?;
    let mut input = ContactInput::from(&before);
    let set = |to: &mut String, from: &str| {
        if !from.trim().is_empty() {
            *to = from.to_string();
        }
    };
    set(&mut input.name_ar, &row.name_ar);
    set(&mut input.name_latin, &row.name_latin);
    set(&mut input.company_name, &row.company_name);
    set(&mut input.job_title, &row.job_title);
    set(&mut input.city, &row.city);
    set(&mut input.website, &row.website);
    if !row.notes.trim().is_empty() && !before.notes.contains(row.notes.trim()) {
        input.notes = if before.notes.is_empty() {
            row.notes.clone()
        } else {
            format!("{}\n{}", before.notes, row.notes)
        };
    }
    input.kind = row.kind.or(input.kind);
    input.source = row.source.or(input.source);
    input.preferred_channel = row.preferred_channel.or(input.preferred_channel);
    if row.owner_id.is_some() {
        input.owner_id = row.owner_id.clone();
    }
    input.phones.extend(row.phones.iter().cloned());
    input.emails.extend(row.emails.iter().cloned());
    input.tags.extend(row.tags.iter().cloned());
    for a in &row.addresses {
        if !input.addresses.contains(a) {
            input.addresses.push(a.clone());
        }
    }
    input
        .custom
        .extend(row.custom.iter().map(|(k, v)| (k.clone(), v.clone())));
    let clean = store::clean(conn, &input, before.owner_id.as_deref())?;
    if clean.owner_id != before.owner_id {
        actor.authorize(DocType::Contact, Action::Write, Target::Anyone)?;
    }
    store::update(conn, id, &clean)?;
    Ok(before)
}

/// The `updated_at` of a live contact (None when deleted or gone).
pub(crate) fn updated_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT updated_at FROM contacts WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Records that point at contact `id`, other than its own details: interactions,
/// inquiries, quotations, delivery notes, invoices, purchases, merges.
pub(crate) fn linked_records(conn: &Connection, id: &str) -> Result<i64> {
    let mut n = 0;
    for sql in [
        "SELECT count(*) FROM interactions WHERE contact_id = ?1",
        "SELECT count(*) FROM inquiries WHERE contact_id = ?1",
        "SELECT count(*) FROM quotes WHERE contact_id = ?1",
        "SELECT count(*) FROM delivery_notes WHERE contact_id = ?1",
        "SELECT count(*) FROM invoices WHERE contact_id = ?1",
        "SELECT count(*) FROM contact_purchases WHERE contact_id = ?1",
        "SELECT count(*) FROM contact_merges WHERE survivor_id = ?1",
        "SELECT count(*) FROM contacts WHERE merged_into = ?1",
    ] {
        n += conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get::<_, i64>(0))?;
    }
    Ok(n)
}

/// Removes a contact the import created, with its details and search entries, as if
/// it had never been imported.
pub(crate) fn remove_created(conn: &Connection, id: &str) -> Result<()> {
    let num = store::num_of(conn, id)?;
    store::index(conn, num, None)?;
    for table in [
        "contact_phones",
        "contact_emails",
        "contact_tags",
        "contact_addresses",
        "contact_social",
        "contact_field_values",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE contact_id = ?1"))?
            .execute([id])?;
    }
    conn.prepare_cached("DELETE FROM contacts WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Puts back a contact the import updated, as it was before.
pub(crate) fn restore_before(conn: &Connection, before: &Contact) -> Result<()> {
    let input = ContactInput::from(before);
    let clean = store::clean(conn, &input, before.owner_id.as_deref())?;
    store::update(conn, &before.id, &clean)?;
    conn.prepare_cached("UPDATE contacts SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![before.id, before.updated_at])?;
    Ok(())
}

/// Kept for errors that name the contact of a failed undo.
pub(crate) fn name_of(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {DISPLAY_NAME} FROM contacts c WHERE c.id = ?1"
        ))?
        .query_row([id], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_else(|| id.to_string()))
}

/// The company's country: the numbering plan for phones written without one.
pub(crate) fn home_region(conn: &Connection) -> Result<String> {
    store::home_region(conn)
}
