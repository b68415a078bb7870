//! Contacts: customers, leads and companies — several phones and emails, tags, an
//! owner, and Arabic-aware search. Every function checks the actor's rights; the
//! read right "own records" limits searches to the contacts the user owns.

mod batch;
mod bulk;
pub(crate) mod import;
mod merge;
mod model;
pub mod paste;
pub mod phone;
pub mod purchases;
mod search;
mod store;
mod timeline;

use rusqlite::{params, OptionalExtension};

pub use batch::{create_batch, BatchMatch, BatchReport, BatchRow, DuplicatePolicy, RowOutcome};
pub use merge::{compose as compose_merge, MergeInput, MergeOutcome, MergeRecord, PICKABLE};
pub use model::*;
pub use purchases::{Purchase, PurchaseInput};
pub use search::{ContactSummary, SearchPage, SearchQuery, SortKey};
pub use timeline::{TimelineEntry, TimelinePage, TimelineQuery};

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::db::Db;
use crate::ids::now;
use crate::{audit, settings, Error, Result, Rule};

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
    db.write(|tx| create_in(tx, actor, input, allow_duplicate))
}

/// `create` inside the caller's transaction (an inquiry creating its lead on the fly).
/// The caller checks the create right first; handing the contact to another owner is
/// checked here.
pub(crate) fn create_in(
    tx: &rusqlite::Connection,
    actor: &Actor,
    input: &ContactInput,
    allow_duplicate: bool,
) -> Result<Contact> {
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
}

/// The duplicate prompt's "merge": the contact being typed is saved and at once
/// merged into the existing one (which keeps its values; the new phones, emails and
/// tags are added, empty fields filled). `unmerge` separates them again.
pub fn create_into(
    db: &Db,
    actor: &Actor,
    input: &ContactInput,
    existing_id: &str,
) -> Result<MergeOutcome> {
    actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
    db.write(|tx| {
        let new = create_in(tx, actor, input, true)?;
        merge_in(
            tx,
            actor,
            &MergeInput {
                survivor_id: existing_id.to_string(),
                merged_ids: vec![new.id],
                picks: Default::default(),
            },
        )
    })
}

/// A live contact, without a rights check (the caller made its own).
pub(crate) fn get_in(conn: &rusqlite::Connection, id: &str) -> Result<Contact> {
    store::get(conn, id)
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
        let known = store::duplicates(tx, &before, Some(id), emails_count(tx, before.kind)?)?;
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

/// Brings back a deleted contact (not one that was merged away: undo the merge).
pub fn restore(db: &Db, actor: &Actor, id: &str) -> Result<Contact> {
    db.write(|tx| {
        let owner: Option<String> = tx
            .query_row(
                "SELECT owner_id FROM contacts WHERE id = ?1 AND deleted_at IS NOT NULL AND merged_into IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("contact", id))?;
        actor.authorize(DocType::Contact, Action::Delete, Target::OwnedBy(owner.as_deref()))?;
        tx.execute(
            "UPDATE contacts SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        let c = store::get(tx, id)?;
        store::index(tx, store::num_of(tx, id)?, Some(&c))?;
        audit::record::<(), _>(tx, actor, "contact.restore", "contact", Some(id), None, Some(&c))?;
        Ok(c)
    })
}

/// Checks that the actor may `action` the live contact `id` (reads only its owner).
pub(crate) fn authorize_on(
    conn: &rusqlite::Connection,
    actor: &Actor,
    action: Action,
    id: &str,
) -> Result<()> {
    let owner = store::owner_of(conn, id)?;
    actor.authorize(DocType::Contact, action, Target::OwnedBy(owner.as_deref()))
}

/// Everything that happened with a contact, newest first.
pub fn timeline(db: &Db, actor: &Actor, id: &str, q: &TimelineQuery) -> Result<TimelinePage> {
    db.read(|conn| {
        authorize_on(conn, actor, Action::Read, id)?;
        timeline::run(conn, id, q)
    })
}

/// What the contact bought, newest first.
pub fn purchases(db: &Db, actor: &Actor, id: &str) -> Result<Vec<Purchase>> {
    db.read(|conn| {
        authorize_on(conn, actor, Action::Read, id)?;
        purchases::list_in(conn, id)
    })
}

/// Merges `merged_ids` into `survivor_id`. The survivor takes the values the user
/// picked; phones, emails, tags, addresses and social accounts of all are kept; every
/// linked record moves to the survivor; the others are removed from lists. The whole
/// merge is recorded, and `unmerge` undoes it.
pub fn merge(db: &Db, actor: &Actor, input: &MergeInput) -> Result<MergeOutcome> {
    db.write(|tx| merge_in(tx, actor, input))
}

fn merge_in(tx: &rusqlite::Connection, actor: &Actor, input: &MergeInput) -> Result<MergeOutcome> {
    let mut ids: Vec<&str> = Vec::new();
    for id in input.merged_ids.iter().map(String::as_str) {
        if id == input.survivor_id || ids.contains(&id) {
            return Err(Error::invalid("contacts", Rule::UnknownValue));
        }
        ids.push(id);
    }
    if ids.is_empty() {
        return Err(Error::invalid("contacts", Rule::TooShort));
    }
    let survivor = store::get(tx, &input.survivor_id)?;
    actor.authorize(
        DocType::Contact,
        Action::Write,
        Target::OwnedBy(survivor.owner_id.as_deref()),
    )?;
    let mut before = vec![survivor.clone()];
    for id in &ids {
        let c = store::get(tx, id)?;
        actor.authorize(
            DocType::Contact,
            Action::Delete,
            Target::OwnedBy(c.owner_id.as_deref()),
        )?;
        before.push(c);
    }
    let composed = merge::compose(&before, &survivor.id, &input.picks)?;
    let c = store::clean(tx, &composed, survivor.owner_id.as_deref())?;
    if c.owner_id != survivor.owner_id {
        actor.authorize(DocType::Contact, Action::Write, Target::Anyone)?;
    }
    let merged: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let at = now();
    for id in &merged {
        let num = store::num_of(tx, id)?;
        tx.execute(
            "UPDATE contacts SET deleted_at = ?2, updated_at = ?2, merged_into = ?3 WHERE id = ?1",
            params![id, at, survivor.id],
        )?;
        store::index(tx, num, None)?;
    }
    store::update(tx, &survivor.id, &c)?;
    let moved = merge::move_linked(tx, &merged, &survivor.id)?;
    let record = merge::save_record(tx, &survivor.id, &before, &moved, actor.user_id.as_deref())?;
    let after = store::get(tx, &survivor.id)?;
    audit::record(
        tx,
        actor,
        "contact.merge",
        "contact",
        Some(&survivor.id),
        Some(&before),
        Some(&after),
    )?;
    let mut counts = std::collections::BTreeMap::new();
    for (table, _, _) in &moved {
        *counts.entry(table.clone()).or_insert(0) += 1;
    }
    Ok(MergeOutcome {
        merge: record,
        survivor: after,
        moved: counts,
    })
}

/// Undoes a merge completely: the survivor gets back the values it had, the merged
/// contacts return, and every moved record goes back to its contact. Records added
/// to the survivor after the merge stay with it. `key` is the merge's id or the id of
/// a contact in it (then its newest merge that was not undone).
pub fn unmerge(db: &Db, actor: &Actor, key: &str) -> Result<MergeRecord> {
    db.write(|tx| {
        let record = match merge::get_record(tx, key) {
            Ok(r) if r.undone_at.is_some() => return Err(Error::MergeAlreadyUndone),
            Ok(r) => r,
            Err(Error::NotFound { .. }) => merge::find_live(tx, key)?,
            Err(e) => return Err(e),
        };
        let (before, moved) = merge::saved_state(tx, &record.id)?;
        let current = store::get(tx, &record.survivor_id)?;
        actor.authorize(
            DocType::Contact,
            Action::Write,
            Target::OwnedBy(current.owner_id.as_deref()),
        )?;
        for c in before.iter().filter(|c| c.id != record.survivor_id) {
            actor.authorize(
                DocType::Contact,
                Action::Delete,
                Target::OwnedBy(c.owner_id.as_deref()),
            )?;
        }
        for c in &before {
            if c.id == record.survivor_id {
                store::update(tx, &c.id, c)?;
            } else {
                merge::revive(tx, c)?;
            }
        }
        merge::move_back(tx, &moved)?;
        tx.execute(
            "UPDATE contact_merges SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
            params![record.id, now(), actor.user_id],
        )?;
        let after = store::get(tx, &record.survivor_id)?;
        audit::record(
            tx,
            actor,
            "contact.unmerge",
            "contact",
            Some(&record.survivor_id),
            Some(&current),
            Some(&after),
        )?;
        merge::get_record(tx, &record.id)
    })
}

/// The merges a contact survived, newest first (for "undo merge" on the card).
pub fn merges(db: &Db, actor: &Actor, id: &str) -> Result<Vec<MergeRecord>> {
    db.read(|conn| {
        authorize_on(conn, actor, Action::Read, id)?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM contact_merges WHERE survivor_id = ?1 ORDER BY merged_at DESC, id DESC",
            merge::RECORD_COLUMNS
        ))?;
        let out = stmt
            .query_map([id], merge::record_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    })
}

/// Gives many contacts to one salesperson (None: to nobody). Needs the write right on
/// every contact and, for handing them to someone else, over all records.
pub fn assign_owner(
    db: &Db,
    actor: &Actor,
    ids: &[String],
    owner_id: Option<&str>,
) -> Result<usize> {
    bulk::check_ids(ids)?;
    db.write(|tx| {
        let owners = bulk::owners(tx, actor, ids)?;
        let owner = owner_id.filter(|o| !o.is_empty());
        if owner != actor.user_id.as_deref() {
            actor.authorize(DocType::Contact, Action::Write, Target::Anyone)?;
        }
        if let Some(o) = owner {
            store::check_owner(tx, o)?;
        }
        let mut changes = Vec::new();
        for (id, before) in ids.iter().zip(owners) {
            if before.as_deref() != owner {
                bulk::set_owner(tx, id, owner)?;
                changes.push(bulk::change(id, "owner_id", &before, &owner));
            }
        }
        bulk::recorded(tx, actor, "contact.bulk_assign", changes)
    })
}

/// Adds and removes tags on many contacts. Returns how many contacts changed.
pub fn bulk_tag(
    db: &Db,
    actor: &Actor,
    ids: &[String],
    add: &[String],
    remove: &[String],
) -> Result<usize> {
    bulk::check_ids(ids)?;
    let add = bulk::clean_tags(add)?;
    let remove = bulk::clean_tags(remove)?;
    if add.is_empty() && remove.is_empty() {
        return Err(Error::invalid("tags", Rule::Required));
    }
    db.write(|tx| {
        bulk::owners(tx, actor, ids)?;
        let mut changes = Vec::new();
        for id in ids {
            let (before, after) = bulk::retag(tx, id, &add, &remove)?;
            if before != after {
                changes.push(bulk::change(id, "tags", &before, &after));
            }
        }
        bulk::recorded(tx, actor, "contact.bulk_tag", changes)
    })
}

/// Reads pasted text (a signature, a forwarded WhatsApp contact, a business card, a
/// vCard) into a new contact's form. Nothing is saved: the user checks and saves.
/// Phone numbers without a country code are read with the company's country.
pub fn from_text(db: &Db, actor: &Actor, text: &str) -> Result<ContactInput> {
    actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
    if text.chars().count() > 100_000 {
        return Err(Error::invalid("text", Rule::TooLong));
    }
    let region = db.read(store::home_region)?;
    Ok(paste::parse_text(text, &region).to_input())
}

/// The result of a vCard import: the batch report, and each card's name so a person
/// can tell which row is which.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VcfImport {
    pub names: Vec<String>,
    pub report: BatchReport,
}

/// Imports a .vcf file (one or many cards) as contacts of `kind`, all or nothing
/// (see `create_batch`). A file with no card in it is refused.
pub fn import_vcf(
    db: &Db,
    actor: &Actor,
    text: &str,
    kind: ContactKind,
    on_duplicate: DuplicatePolicy,
) -> Result<VcfImport> {
    actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
    let region = db.read(store::home_region)?;
    let inputs: Vec<ContactInput> = paste::parse_vcards(text, &region)
        .iter()
        .map(|p| ContactInput {
            kind: Some(kind),
            ..p.to_input()
        })
        .collect();
    if inputs.is_empty() {
        return Err(Error::invalid("file", Rule::BadFormat));
    }
    let names = inputs
        .iter()
        .map(|i| {
            [&i.name_ar, &i.name_latin, &i.company_name]
                .into_iter()
                .find(|s| !s.is_empty())
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let report = create_batch(db, actor, &inputs, on_duplicate)?;
    Ok(VcfImport { names, report })
}
