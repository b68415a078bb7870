//! Merging contacts: the user keeps one contact (the survivor), picks which contact
//! each field's value comes from, and everything linked to the others moves to the
//! survivor. The merge keeps the contacts as they were and the rows it moved, so
//! undoing it puts everything back.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::model::*;
use super::store;
use crate::ids::{new_id, now};
use crate::{Error, Result, Rule};

/// Tables whose rows belong to a contact and follow it into a merge: (table, column).
/// Modules that link records to contacts add theirs here.
pub(super) const LINKED: &[(&str, &str)] = &[
    ("interactions", "contact_id"),
    ("contact_purchases", "contact_id"),
    ("inquiries", "contact_id"),
    ("quotes", "contact_id"),
    ("delivery_notes", "contact_id"),
    ("invoices", "contact_id"),
    ("sales_events", "contact_id"),
];

/// Fields a merge can take from a chosen contact. Custom fields are `custom:<id>`.
pub const PICKABLE: &[&str] = &[
    "kind",
    "name_ar",
    "name_latin",
    "company_name",
    "job_title",
    "city",
    "website",
    "source",
    "preferred_channel",
    "owner_id",
    "notes",
];

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MergeInput {
    pub survivor_id: String,
    pub merged_ids: Vec<String>,
    /// Field → id of the contact whose value to keep. Fields not named keep the
    /// survivor's value, or the first non-empty one. Phones, emails, tags, addresses
    /// and social accounts of all contacts are kept together.
    #[serde(default)]
    pub picks: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    pub id: String,
    pub survivor_id: String,
    pub merged_ids: Vec<String>,
    pub merged_names: String,
    pub merged_by: Option<String>,
    pub merged_at: String,
    pub undone_by: Option<String>,
    pub undone_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MergeOutcome {
    pub merge: MergeRecord,
    pub survivor: Contact,
    /// How many linked rows moved, per table.
    pub moved: BTreeMap<String, usize>,
}

/// The survivor's content after the merge (before validation).
pub fn compose(
    contacts: &[Contact],
    survivor_id: &str,
    picks: &BTreeMap<String, String>,
) -> Result<ContactInput> {
    let survivor = contacts
        .iter()
        .find(|c| c.id == survivor_id)
        .ok_or_else(|| Error::not_found("contact", survivor_id))?;
    // The survivor first, then the others in the order given.
    let ordered: Vec<&Contact> = std::iter::once(survivor)
        .chain(contacts.iter().filter(|c| c.id != survivor_id))
        .collect();
    for (field, from) in picks {
        let known = PICKABLE.contains(&field.as_str()) || field.starts_with("custom:");
        if !known {
            return Err(Error::invalid("survivor", Rule::UnknownValue));
        }
        if !contacts.iter().any(|c| &c.id == from) {
            return Err(Error::not_found("contact", from.clone()));
        }
    }
    let chosen = |field: &str| -> Option<&Contact> {
        picks
            .get(field)
            .and_then(|id| contacts.iter().find(|c| &c.id == id))
    };
    let text = |field: &str, get: fn(&Contact) -> &String| -> String {
        match chosen(field) {
            Some(c) => get(c).clone(),
            None => ordered
                .iter()
                .map(|c| get(c))
                .find(|v| !v.is_empty())
                .cloned()
                .unwrap_or_default(),
        }
    };
    let opt = |field: &str, get: fn(&Contact) -> Option<String>| -> Option<String> {
        match chosen(field) {
            Some(c) => get(c),
            None => ordered.iter().find_map(|c| get(c)),
        }
    };
    // Notes are joined unless one contact's notes were picked: nothing is lost.
    let notes = match chosen("notes") {
        Some(c) => c.notes.clone(),
        None => {
            let mut seen: Vec<&str> = Vec::new();
            for c in &ordered {
                if !c.notes.is_empty() && !seen.contains(&c.notes.as_str()) {
                    seen.push(&c.notes);
                }
            }
            seen.join("\n\n")
        }
    };
    let mut input = ContactInput {
        kind: Some(chosen("kind").unwrap_or(survivor).kind),
        name_ar: text("name_ar", |c| &c.name_ar),
        name_latin: text("name_latin", |c| &c.name_latin),
        company_name: text("company_name", |c| &c.company_name),
        job_title: text("job_title", |c| &c.job_title),
        city: text("city", |c| &c.city),
        website: text("website", |c| &c.website),
        source: opt("source", |c| c.source.map(|s| s.key().to_string()))
            .as_deref()
            .and_then(Source::parse),
        preferred_channel: opt("preferred_channel", |c| {
            c.preferred_channel.map(|s| s.key().to_string())
        })
        .as_deref()
        .and_then(Channel::parse),
        owner_id: opt("owner_id", |c| c.owner_id.clone()),
        notes,
        ..ContactInput::default()
    };
    for c in &ordered {
        input.phones.extend(c.phones.iter().map(|p| PhoneInput {
            number: p.raw.clone(),
            label: p.label,
        }));
        input.emails.extend(c.emails.iter().cloned());
        input.tags.extend(c.tags.iter().cloned());
        input.addresses.extend(c.addresses.iter().cloned());
        input.social.extend(c.social.iter().cloned());
        for (field, value) in &c.custom {
            input
                .custom
                .entry(field.clone())
                .or_insert_with(|| value.clone());
        }
    }
    for (field, from) in picks {
        if let Some(id) = field.strip_prefix("custom:") {
            let c = contacts
                .iter()
                .find(|c| &c.id == from)
                .expect("checked above");
            match c.custom.get(id) {
                Some(v) => input.custom.insert(id.to_string(), v.clone()),
                None => input.custom.remove(id),
            };
        }
    }
    Ok(input)
}

pub(super) fn record_row(r: &rusqlite::Row) -> rusqlite::Result<MergeRecord> {
    let ids: String = r.get(2)?;
    Ok(MergeRecord {
        id: r.get(0)?,
        survivor_id: r.get(1)?,
        merged_ids: serde_json::from_str(&ids).unwrap_or_default(),
        merged_names: r.get(3)?,
        merged_by: r.get(4)?,
        merged_at: r.get(5)?,
        undone_by: r.get(6)?,
        undone_at: r.get(7)?,
    })
}

pub(super) const RECORD_COLUMNS: &str =
    "id, survivor_id, merged_ids, merged_names, merged_by, merged_at, undone_by, undone_at";

pub(super) fn get_record(conn: &Connection, id: &str) -> Result<MergeRecord> {
    conn.query_row(
        &format!("SELECT {RECORD_COLUMNS} FROM contact_merges WHERE id = ?1"),
        [id],
        record_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("merge", id))
}

/// The newest merge that `key` names: the merge's own id, or a contact that was the
/// survivor or one of the merged. Merges already undone are skipped.
pub(super) fn find_live(conn: &Connection, key: &str) -> Result<MergeRecord> {
    conn.query_row(
        &format!(
            "SELECT {RECORD_COLUMNS} FROM contact_merges
             WHERE undone_at IS NULL AND (id = ?1 OR survivor_id = ?1
                OR EXISTS (SELECT 1 FROM json_each(merged_ids) WHERE value = ?1))
             ORDER BY merged_at DESC, id DESC LIMIT 1"
        ),
        [key],
        record_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("merge", key))
}

/// Moves every linked row of `from` to `to`; returns (table, row id, old contact).
pub(super) fn move_linked(
    conn: &Connection,
    from: &[String],
    to: &str,
) -> Result<Vec<(String, String, String)>> {
    let mut moved = Vec::new();
    for (table, column) in LINKED {
        for id in from {
            let rows: Vec<String> = conn
                .prepare_cached(&format!("SELECT id FROM {table} WHERE {column} = ?1"))?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            conn.execute(
                &format!("UPDATE {table} SET {column} = ?2 WHERE {column} = ?1"),
                params![id, to],
            )?;
            moved.extend(rows.into_iter().map(|r| (table.to_string(), r, id.clone())));
        }
    }
    Ok(moved)
}

/// Puts moved rows back on the contact they came from.
pub(super) fn move_back(conn: &Connection, moved: &[(String, String, String)]) -> Result<()> {
    for (table, row, contact) in moved {
        let column = LINKED
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, c)| *c)
            .ok_or_else(|| Error::Internal(format!("unknown linked table {table}")))?;
        conn.execute(
            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
            params![row, contact],
        )?;
    }
    Ok(())
}

/// Writes the merge record; returns it.
pub(super) fn save_record(
    conn: &Connection,
    survivor_id: &str,
    before: &[Contact],
    moved: &[(String, String, String)],
    by: Option<&str>,
) -> Result<MergeRecord> {
    let merged: Vec<&Contact> = before.iter().filter(|c| c.id != survivor_id).collect();
    let ids: Vec<&str> = merged.iter().map(|c| c.id.as_str()).collect();
    let names = merged
        .iter()
        .map(|c| c.display_name())
        .collect::<Vec<_>>()
        .join("، ");
    let id = new_id();
    conn.execute(
        "INSERT INTO contact_merges (id, survivor_id, merged_ids, merged_names, snapshot, moved, merged_by, merged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, survivor_id, json(&ids)?, names, json(before)?, json(moved)?, by, now()],
    )?;
    get_record(conn, &id)
}

/// The contacts as they were and the rows that moved, as saved by `save_record`.
#[allow(clippy::type_complexity)]
pub(super) fn saved_state(
    conn: &Connection,
    id: &str,
) -> Result<(Vec<Contact>, Vec<(String, String, String)>)> {
    let (snapshot, moved): (String, String) = conn.query_row(
        "SELECT snapshot, moved FROM contact_merges WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let bad = |e: serde_json::Error| Error::Internal(format!("merge {id}: {e}"));
    Ok((
        serde_json::from_str(&snapshot).map_err(bad)?,
        serde_json::from_str(&moved).map_err(bad)?,
    ))
}

/// Brings a merged-away contact back as it was (its own rows were never touched).
pub(super) fn revive(conn: &Connection, c: &Contact) -> Result<()> {
    conn.execute(
        "UPDATE contacts SET deleted_at = NULL, merged_into = NULL, updated_at = ?2 WHERE id = ?1",
        params![c.id, now()],
    )?;
    let num = store::num_of(conn, &c.id)?;
    store::index(conn, num, Some(c))
}

fn json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::Internal(e.to_string()))
}
