//! Named column mappings, saved per kind of import so next month's file of the same
//! shape maps itself.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::batches::doc_type;
use super::kind::{DateOrderKey, ImportKind, OnDuplicate};
use super::mapping::HeaderMap;
use crate::access::{Action, Actor, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::{Error, Result, Rule};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub kind: ImportKind,
    pub mapping: Vec<HeaderMap>,
    #[serde(default)]
    pub date_order: Option<DateOrderKey>,
    #[serde(default)]
    pub on_duplicate: Option<OnDuplicate>,
}

/// A profile row as stored: name, kind, mapping JSON, date order, duplicate policy.
type Stored = (String, String, String, Option<String>, Option<String>);

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Stored> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn build((name, kind, mapping, date_order, on_duplicate): Stored) -> Result<Profile> {
    Ok(Profile {
        name,
        kind: ImportKind::parse(&kind)
            .ok_or_else(|| Error::Internal(format!("profile kind {kind}")))?,
        mapping: serde_json::from_str(&mapping).map_err(|e| Error::Internal(e.to_string()))?,
        date_order: date_order.as_deref().and_then(DateOrderKey::parse),
        on_duplicate: on_duplicate.as_deref().and_then(OnDuplicate::parse),
    })
}

const COLUMNS: &str = "name, kind, mapping, date_order, on_duplicate";

pub(crate) fn get_in(conn: &Connection, kind: ImportKind, name: &str) -> Result<Profile> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM import_profiles WHERE kind = ?1 AND name = ?2"),
            params![kind.key(), name.trim()],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("import_profile", name))?;
    build(row)
}

/// Saves (or replaces) the profile named `profile.name` for its kind.
pub fn save(db: &Db, actor: &Actor, profile: &Profile) -> Result<Profile> {
    actor.authorize(doc_type(profile.kind), Action::Create, Target::Own)?;
    let name = profile.name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", Rule::Required));
    }
    if name.chars().count() > 100 {
        return Err(Error::invalid("name", Rule::TooLong));
    }
    let mapping =
        serde_json::to_string(&profile.mapping).map_err(|e| Error::Internal(e.to_string()))?;
    db.write(|tx| {
        let at = now();
        tx.execute(
            "INSERT INTO import_profiles (id, kind, name, mapping, date_order, on_duplicate, created_by, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
             ON CONFLICT (kind, name) DO UPDATE SET mapping = excluded.mapping,
                date_order = excluded.date_order, on_duplicate = excluded.on_duplicate,
                updated_at = excluded.updated_at",
            params![
                new_id(),
                profile.kind.key(),
                name,
                mapping,
                profile.date_order.map(DateOrderKey::key),
                profile.on_duplicate.map(OnDuplicate::key),
                actor.user_id,
                at
            ],
        )?;
        get_in(tx, profile.kind, name)
    })
}

pub fn list(db: &Db, _actor: &Actor, kind: ImportKind) -> Result<Vec<Profile>> {
    db.read(|conn| {
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM import_profiles WHERE kind = ?1 ORDER BY name"
        ))?;
        let rows = stmt
            .query_map([kind.key()], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(build).collect()
    })
}

pub fn delete(db: &Db, actor: &Actor, kind: ImportKind, name: &str) -> Result<()> {
    actor.authorize(doc_type(kind), Action::Create, Target::Own)?;
    db.write(|tx| {
        let n = tx.execute(
            "DELETE FROM import_profiles WHERE kind = ?1 AND name = ?2",
            params![kind.key(), name.trim()],
        )?;
        if n == 0 {
            return Err(Error::not_found("import_profile", name));
        }
        Ok(())
    })
}

/// Saves the mapping `options` gives for the file at `path` as the profile `name`,
/// by the header texts of its columns (so next month's file with its columns moved
/// maps itself), with the options' date order and duplicate policy.
pub fn save_from_file(
    db: &Db,
    actor: &Actor,
    name: &str,
    path: &std::path::Path,
    options: &super::ImportOptions,
) -> Result<Profile> {
    let layout = super::layout::layout(db, actor, path, options)?;
    let header: Vec<super::Cell> = layout
        .columns
        .iter()
        .map(|c| super::Cell::Text(c.header.clone()))
        .collect();
    save(
        db,
        actor,
        &Profile {
            name: name.to_string(),
            kind: options.kind,
            mapping: super::mapping::to_profile(&header, &layout.mapping),
            date_order: options.date_order,
            on_duplicate: Some(options.on_duplicate),
        },
    )
}
