//! Contacts: customers, leads and companies — several phones and emails, tags, an
//! owner, and Arabic-aware search. Every function checks the actor's rights; the
//! read right "own records" limits searches to the contacts the user owns.

mod batch;
mod model;
pub mod phone;
mod search;
mod store;

use rusqlite::params;

pub use batch::{create_batch, BatchMatch, BatchReport, BatchRow, DuplicatePolicy, RowOutcome};
pub use model::*;
pub use search::{ContactSummary, SearchPage, SearchQuery, SortKey};

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::db::Db;
use crate::ids::now;
use crate::{audit, settings, Error, Result};

/// Email duplicates count unless the contact is a lead and the CRM settings allow
/// leads to share an email.
fn emails_count(conn: &rusqlite::Connection, kind: ContactKind) -> Result<bool> {
    Ok(kind != ContactKind::Lead || !settings::get_in(conn)?.allow_lead_duplicates_by_email)
}

/// Saves a new contact. Possible duplicates are refused with
/// `Error::PossibleDuplicates` (listing them) unless `allow_duplicate` — the user's
/// "save anyway", which is recorded in the audit log.
pub fn create(
    db: &Db,
    actor: &Actor,
    input: &ContactInput,
    allow_duplicate: bool,
) -> Result<Contact> {
    actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
    db.write(|tx| {
        let c = store::clean(tx, input, actor.user_id.as_deref())?;
        if c.owner_id != actor.user_id {
            // Creating a contact for someone else needs the right over all records.
            actor.authorize(DocType::Contact, Action::Create, Target::Anyone)?;
        }
        let dups = store::duplicates(tx, &c, None, emails_count(tx, c.kind)?)?;
        if !dups.is_empty() && !allow_duplicate {
            return Err(Error::PossibleDuplicates(dups));
        }
        let id = store::insert(tx, &c, actor.user_id.as_deref())?;
        let saved = store::get(tx, &id)?;
        audit::record::<(), _>(
            tx,
            actor,
            "contact.create",
            "contact",
            Some(&id),
            None,
            Some(&saved),
        )?;
        if !dups.is_empty() {
            audit::record::<(), _>(
                tx,
                actor,
                "contact.duplicate_accepted",
                "contact",
                Some(&id),
                None,
                Some(&dups),
            )?;
        }
        Ok(saved)
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Contact> {
    let c = db.read(|conn| store::get(conn, id))?;
    actor.authorize(
        DocType::Contact,
        Action::Read,
        Target::OwnedBy(c.owner_id.as_deref()),
    )?;
    Ok(c)
}

pub fn update(
    db: &Db,
    actor: &Actor,
    id: &str,
    input: &ContactInput,
    allow_duplicate: bool,
) -> Result<Contact> {
    db.write(|tx| {
        let before = store::get(tx, id)?;
        actor.authorize(
            DocType::Contact,
            Action::Write,
            Target::OwnedBy(before.owner_id.as_deref()),
        )?;
        let c = store::clean(tx, input, before.owner_id.as_deref())?;
        if c.owner_id != before.owner_id {
            // Handing a contact to someone else is a change to "all records".
            actor.authorize(DocType::Contact, Action::Write, Target::Anyone)?;
        }
        // Only matches this edit introduces count: ones the user already accepted when
        // saving earlier are not asked about again.
        let known = store::duplicates(
            tx,
            &store::clean_of(&before),
            Some(id),
            emails_count(tx, before.kind)?,
        )?;
        let dups: Vec<DuplicateMatch> =
            store::duplicates(tx, &c, Some(id), emails_count(tx, c.kind)?)?
                .into_iter()
                .filter(|m| {
                    !known
                        .iter()
                        .any(|k| k.contact_id == m.contact_id && k.reason == m.reason)
                })
                .collect();
        if !dups.is_empty() && !allow_duplicate {
            return Err(Error::PossibleDuplicates(dups));
        }
        store::update(tx, id, &c)?;
        let after = store::get(tx, id)?;
        audit::record(
            tx,
            actor,
            "contact.update",
            "contact",
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Soft delete: the row stays (for history and sync) but leaves lists and searches.
pub fn delete(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    db.write(|tx| {
        let before = store::get(tx, id)?;
        actor.authorize(
            DocType::Contact,
            Action::Delete,
            Target::OwnedBy(before.owner_id.as_deref()),
        )?;
        let num = store::num_of(tx, id)?;
        tx.execute(
            "UPDATE contacts SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        store::index(tx, num, None)?;
        audit::record::<_, ()>(
            tx,
            actor,
            "contact.delete",
            "contact",
            Some(id),
            Some(&before),
            None,
        )
    })
}

/// What a contact would duplicate, without saving anything (for the form, as the
/// user types a phone or email).
pub fn check_duplicates(
    db: &Db,
    actor: &Actor,
    input: &ContactInput,
    except: Option<&str>,
) -> Result<Vec<DuplicateMatch>> {
    actor.authorize(DocType::Contact, Action::Read, Target::Own)?;
    db.read(|conn| {
        let c = store::clean(conn, input, actor.user_id.as_deref())?;
        store::duplicates(conn, &c, except, emails_count(conn, c.kind)?)
    })
}

pub fn search(db: &Db, actor: &Actor, q: &SearchQuery) -> Result<SearchPage> {
    actor.authorize(DocType::Contact, Action::Read, Target::Own)?;
    let own_only = actor.scope(DocType::Contact, Action::Read) == Scope::Own;
    let me = actor.user_id.clone().unwrap_or_default();
    db.read(|conn| search::run(conn, q, own_only.then_some(me.as_str())))
}
