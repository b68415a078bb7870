//! Changes to many contacts at once from the list: assign an owner, add or remove
//! tags. All or nothing: one contact the user may not change refuses the whole batch.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::store;
use crate::access::{Action, Actor, DocType, Target};
use crate::ids::now;
use crate::search::normalize::normalize;
use crate::{Error, Result, Rule};

/// At most this many contacts per call (the list selects a page at a time).
const MAX: usize = 5_000;

#[derive(Debug, Clone, Serialize)]
pub struct BulkChange {
    pub id: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// One contact's change, for the audit entry of the batch.
pub(super) fn change<A: Serialize, B: Serialize>(
    id: &str,
    field: &str,
    before: &A,
    after: &B,
) -> BulkChange {
    BulkChange {
        id: id.to_string(),
        before: serde_json::json!({ field: before }),
        after: serde_json::json!({ field: after }),
    }
}

/// Writes the batch's audit entry; returns how many contacts changed.
pub(super) fn recorded(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    changes: Vec<BulkChange>,
) -> Result<usize> {
    crate::audit::record::<(), _>(conn, actor, action, "contact", None, None, Some(&changes))?;
    Ok(changes.len())
}

pub(super) fn check_ids(ids: &[String]) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::invalid("contacts", Rule::Required));
    }
    if ids.len() > MAX {
        return Err(Error::invalid("contacts", Rule::TooLong));
    }
    Ok(())
}

/// Authorises a write on each contact; returns their current owners.
pub(super) fn owners(
    conn: &Connection,
    actor: &Actor,
    ids: &[String],
) -> Result<Vec<Option<String>>> {
    ids.iter()
        .map(|id| {
            let owner = store::owner_of(conn, id)?;
            actor.authorize(
                DocType::Contact,
                Action::Write,
                Target::OwnedBy(owner.as_deref()),
            )?;
            Ok(owner)
        })
        .collect()
}

pub(super) fn set_owner(conn: &Connection, id: &str, owner: Option<&str>) -> Result<()> {
    conn.prepare_cached("UPDATE contacts SET owner_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, owner, now()])?;
    Ok(())
}

/// Adds and removes tags on one contact (tags compare Arabic-normalised), keeping the
/// search index in step. Returns the tags before and after.
pub(super) fn retag(
    conn: &Connection,
    id: &str,
    add: &[String],
    remove: &[String],
) -> Result<(Vec<String>, Vec<String>)> {
    let mut c = store::get(conn, id)?;
    let before = c.tags.clone();
    let gone: Vec<String> = remove.iter().map(|t| normalize(t)).collect();
    c.tags.retain(|t| !gone.contains(&normalize(t)));
    for t in add {
        if !c.tags.iter().any(|u| normalize(u) == normalize(t)) {
            c.tags.push(t.clone());
        }
    }
    if c.tags.len() > 50 {
        return Err(Error::invalid("tags", Rule::TooLong));
    }
    if c.tags != before {
        conn.prepare_cached("DELETE FROM contact_tags WHERE contact_id = ?1")?
            .execute([id])?;
        for t in &c.tags {
            conn.prepare_cached("INSERT INTO contact_tags (contact_id, tag) VALUES (?1, ?2)")?
                .execute(params![id, t])?;
        }
        conn.prepare_cached("UPDATE contacts SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![id, now()])?;
        store::index(conn, store::num_of(conn, id)?, Some(&c))?;
    }
    let after = c.tags;
    Ok((before, after))
}

/// Trimmed, non-empty tags of at most 50 characters.
pub(super) fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let t = t.trim();
        if t.chars().count() > 50 {
            return Err(Error::invalid("tags", Rule::TooLong).at(i));
        }
        if !t.is_empty() {
            out.push(t.to_string());
        }
    }
    Ok(out)
}
