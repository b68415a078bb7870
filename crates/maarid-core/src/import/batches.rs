//! Imports as batches: listed with their counts, and undone as a whole — records the
//! batch created are removed, records it updated are put back as they were. An undo
//! that would throw away work done since the import is refused and changes nothing.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::kind::ImportKind;
use super::problem::ImportProblem;
use crate::access::{Action, Actor, DocType, Target};
use crate::catalog::import as catalog;
use crate::catalog::Product;
use crate::contacts::import as contacts;
use crate::contacts::Contact;
use crate::db::Db;
use crate::ids::now;
use crate::inquiries::import as inquiries;
use crate::inquiries::Inquiry;
use crate::numbering::import as series;
use crate::quotes::import as quotes;
use crate::quotes::Quote;
use crate::{audit, Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    pub id: String,
    pub kind: ImportKind,
    pub file_name: String,
    pub sheet: String,
    pub rows_total: i64,
    pub created: i64,
    pub updated: i64,
    pub duplicates: i64,
    pub invalid: i64,
    pub created_by: Option<String>,
    /// The importing user's name, for the list.
    pub created_by_name: String,
    pub created_at: String,
    pub undone_at: Option<String>,
}

const COLUMNS: &str = "b.id, b.kind, b.file_name, b.sheet, b.rows_total, b.created, b.updated,
    b.duplicates, b.invalid, b.created_by, coalesce(nullif(u.full_name, ''), u.username, ''),
    b.created_at, b.undone_at";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Batch> {
    let kind: String = r.get(1)?;
    Ok(Batch {
        id: r.get(0)?,
        kind: ImportKind::parse(&kind).unwrap_or(ImportKind::Contacts),
        file_name: r.get(2)?,
        sheet: r.get(3)?,
        rows_total: r.get(4)?,
        created: r.get(5)?,
        updated: r.get(6)?,
        duplicates: r.get(7)?,
        invalid: r.get(8)?,
        created_by: r.get(9)?,
        created_by_name: r.get(10)?,
        created_at: r.get(11)?,
        undone_at: r.get(12)?,
    })
}

fn get_in(conn: &Connection, id: &str) -> Result<Batch> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM import_batches b LEFT JOIN users u ON u.id = b.created_by WHERE b.id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("import_batch", id))
}

pub(crate) fn doc_type(kind: ImportKind) -> DocType {
    match kind {
        ImportKind::Contacts => DocType::Contact,
        ImportKind::Products => DocType::Product,
        ImportKind::Inquiries => DocType::Inquiry,
        ImportKind::Quotes => DocType::Quotation,
    }
}

/// Imports, newest first: the user's own, or everyone's for those who read all records
/// of the kind.
pub fn list(db: &Db, actor: &Actor) -> Result<Vec<Batch>> {
    db.read(|conn| {
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM import_batches b LEFT JOIN users u ON u.id = b.created_by
             ORDER BY b.created_at DESC LIMIT 500"
        ))?;
        let all = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(all
            .into_iter()
            .filter(|b| {
                actor
                    .authorize(
                        doc_type(b.kind),
                        Action::Read,
                        Target::OwnedBy(b.created_by.as_deref()),
                    )
                    .is_ok()
            })
            .collect())
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Batch> {
    let b = db.read(|conn| get_in(conn, id))?;
    actor.authorize(
        doc_type(b.kind),
        Action::Read,
        Target::OwnedBy(b.created_by.as_deref()),
    )?;
    Ok(b)
}

/// How the undo handles one kind of record a batch wrote.
struct Entity {
    name: &'static str,
    /// The live record's `updated_at` (None when it is gone).
    updated_at: fn(&Connection, &str) -> Result<Option<String>>,
    /// Whether later work points at a record the batch created.
    in_use: fn(&Connection, &str) -> Result<bool>,
    remove: fn(&Connection, &str) -> Result<()>,
    /// Puts the record back from its before-image.
    restore: fn(&Connection, &Item) -> Result<()>,
    /// How a person recognises it (for the refusal).
    name_of: fn(&Connection, &str) -> Result<String>,
}

/// Documents first: the contacts and items they name are then free to go.
const ENTITIES: [Entity; 4] = [
    Entity {
        name: "quote",
        updated_at: quotes::updated_at,
        in_use: quotes::in_use,
        remove: quotes::remove_created,
        restore: |c, i| quotes::restore_before(c, &parse::<Quote>(i)?),
        name_of: quotes::number_of,
    },
    Entity {
        name: "inquiry",
        updated_at: inquiries::updated_at,
        in_use: inquiries::in_use,
        remove: inquiries::remove_created,
        restore: |c, i| inquiries::restore_before(c, &parse::<Inquiry>(i)?),
        name_of: inquiries::number_of,
    },
    Entity {
        name: "product",
        updated_at: catalog::updated_at,
        in_use: catalog::in_use,
        remove: catalog::remove_created,
        restore: |c, i| catalog::restore_before(c, &parse::<Product>(i)?),
        name_of: catalog::name_of,
    },
    Entity {
        name: "contact",
        updated_at: contacts::updated_at,
        in_use: |c, id| Ok(contacts::linked_records(c, id)? > 0),
        remove: contacts::remove_created,
        restore: |c, i| contacts::restore_before(c, &parse::<Contact>(i)?),
        name_of: contacts::name_of,
    },
];

fn parse<T: serde::de::DeserializeOwned>(i: &Item) -> Result<T> {
    serde_json::from_str(i.before.as_deref().unwrap_or("null"))
        .map_err(|e| Error::Internal(e.to_string()))
}

/// Takes one record back; false when it changed (or, created, was used) since.
fn take_back(tx: &Connection, e: &Entity, i: &Item) -> Result<bool> {
    let Some(now_at) = (e.updated_at)(tx, &i.id)? else {
        return Ok(true); // deleted since: nothing to take back
    };
    if now_at != i.written_at || (i.created && (e.in_use)(tx, &i.id)?) {
        return Ok(false);
    }
    if i.created {
        (e.remove)(tx, &i.id)?;
    } else {
        (e.restore)(tx, i)?;
    }
    Ok(true)
}

struct Item {
    entity: String,
    id: String,
    created: bool,
    before: Option<String>,
    written_at: String,
}

/// Takes the whole batch back, in one transaction (see the module documentation).
pub fn undo(db: &Db, actor: &Actor, id: &str) -> Result<Batch> {
    db.write(|tx| {
        let b = get_in(tx, id)?;
        actor.authorize(
            doc_type(b.kind),
            Action::Delete,
            Target::OwnedBy(b.created_by.as_deref()),
        )?;
        if b.undone_at.is_some() {
            return Err(Error::Import(ImportProblem::AlreadyUndone));
        }
        let items: Vec<Item> = tx
            .prepare(
                "SELECT entity, entity_id, action, before, written_at FROM import_batch_items
                 WHERE batch_id = ?1",
            )?
            .query_map([id], |r| {
                Ok(Item {
                    entity: r.get(0)?,
                    id: r.get(1)?,
                    created: r.get::<_, String>(2)? == "created",
                    before: r.get(3)?,
                    written_at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // The batch's own interactions go first, so they do not count as later use; then
        // the documents, so that contacts the batch created for them are unused again.
        for i in items.iter().filter(|i| i.entity == "interaction") {
            tx.prepare_cached("DELETE FROM interactions WHERE id = ?1")?
                .execute([&i.id])?;
        }
        let mut changed: Vec<(&Entity, &str)> = Vec::new();
        for e in &ENTITIES {
            for i in items.iter().filter(|i| i.entity == e.name) {
                if !take_back(tx, e, i)? {
                    changed.push((e, &i.id));
                }
            }
        }
        if let Some((e, id)) = changed.first() {
            return Err(Error::Import(ImportProblem::ChangedSince {
                count: changed.len(),
                example: (e.name_of)(tx, id)?,
            }));
        }
        // Numbers the batch took go back to their series, unless numbers were taken since.
        for i in items.iter().filter(|i| i.entity == "number_series") {
            let now_at = series::state(tx, &i.id)?.map(|s| s.updated_at);
            if now_at.as_deref() == Some(i.written_at.as_str()) {
                series::restore(tx, &i.id, &parse(i)?)?;
            }
        }
        tx.execute(
            "UPDATE import_batches SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
            params![id, now(), actor.user_id],
        )?;
        audit::record::<(), _>(
            tx,
            actor,
            "import.undo",
            "import_batch",
            Some(id),
            None,
            Some(&serde_json::json!({ "kind": b.kind.key(), "file_name": b.file_name })),
        )?;
        get_in(tx, id)
    })
}
