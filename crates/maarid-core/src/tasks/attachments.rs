//! Files attached to a task: copied into `tasks/attachments/<id>/<original name>`
//! beside the database, with their size and SHA-256, so the task keeps them when the
//! original moves. Kept apart from the rest of the module so the document center
//! (a later issue) can take it over.
//!
//! Backups copy the database only; the attachments folder is copied separately.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{authorize_on, store, Attachment, TaskError};
use crate::access::{Action, Actor};
use crate::db::Db;
use crate::ids::{new_id, stamp};
use crate::{audit, Error, Result};

/// Larger files belong in the document center, not in a task.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

const DIR: &str = "tasks/attachments";

fn root(db: &Db) -> PathBuf {
    db.path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

const SELECT: &str = "SELECT id, task_id, file_name, size, sha256, added_by, added_at, stored_path
     FROM task_attachments WHERE deleted_at IS NULL";

fn map(r: &rusqlite::Row) -> rusqlite::Result<(Attachment, String)> {
    Ok((
        Attachment {
            id: r.get(0)?,
            task_id: r.get(1)?,
            file_name: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
            sha256: r.get(4)?,
            added_by: r.get(5)?,
            added_at: r.get(6)?,
        },
        r.get(7)?,
    ))
}

fn get_in(conn: &Connection, id: &str) -> Result<(Attachment, String)> {
    conn.query_row(&format!("{SELECT} AND id = ?1"), [id.trim()], map)
        .optional()?
        .ok_or_else(|| Error::not_found("attachment", id.trim()))
}

/// Copies `source` in, hashing it on the way; stops (and refuses) past the limit
/// even if the file grew after it was measured.
fn copy_hashed(source: &Path, dest: &Path) -> Result<(u64, String)> {
    let mut from = File::open(source).map_err(|e| Error::io(source, e))?;
    let mut to = File::create(dest).map_err(|e| Error::io(dest, e))?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = from.read(&mut buf).map_err(|e| Error::io(source, e))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > MAX_ATTACHMENT_BYTES {
            return Err(TaskError::FileTooLarge {
                size,
                limit: MAX_ATTACHMENT_BYTES,
            }
            .into());
        }
        hash.update(&buf[..n]);
        to.write_all(&buf[..n]).map_err(|e| Error::io(dest, e))?;
    }
    to.sync_all().map_err(|e| Error::io(dest, e))?;
    let hex = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok((size, hex))
}

/// Attaches a copy of the file at `source` to the task.
pub fn attach(
    db: &Db,
    actor: &Actor,
    task_id: &str,
    source: &Path,
    now: DateTime<Utc>,
) -> Result<Attachment> {
    let task = db.read(|c| store::get_in(c, task_id))?;
    authorize_on(actor, Action::Write, &task)?;
    let meta = std::fs::metadata(source)
        .ok()
        .filter(|m| m.is_file())
        .ok_or_else(|| TaskError::FileMissing(source.display().to_string()))?;
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(TaskError::FileTooLarge {
            size: meta.len(),
            limit: MAX_ATTACHMENT_BYTES,
        }
        .into());
    }
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.chars().count() <= 255)
        .ok_or(TaskError::BadFileName)?
        .to_string();
    let id = new_id();
    let rel = format!("{DIR}/{id}/{name}");
    let dir = root(db).join(DIR).join(&id);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let saved =
        copy_hashed(source, &dir.join(&name)).and_then(|(size, sha256)| {
            db.write(|tx| {
                // The task may have been deleted or reassigned while the file was copied.
                let task = store::get_in(tx, &task.id)?;
                authorize_on(actor, Action::Write, &task)?;
                tx.execute(
                "INSERT INTO task_attachments (id, task_id, file_name, size, sha256, stored_path,
                    added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, task.id, name, size as i64, sha256, rel, actor.user_id, stamp(now)],
            )?;
                tx.execute(
                    "UPDATE tasks SET updated_at = ?2 WHERE id = ?1",
                    params![task.id, stamp(now)],
                )?;
                let (a, _) = get_in(tx, &id)?;
                audit::record::<(), _>(
                    tx,
                    actor,
                    "task.attach",
                    "task",
                    Some(&task.id),
                    None,
                    Some(&a),
                )?;
                Ok(a)
            })
        });
    if saved.is_err() {
        // Nothing may remain of a refused attachment.
        let _ = std::fs::remove_dir_all(&dir);
    }
    saved
}

/// The task's files, oldest first.
pub fn attachments(db: &Db, actor: &Actor, task_id: &str) -> Result<Vec<Attachment>> {
    let task = db.read(|c| store::get_in(c, task_id))?;
    authorize_on(actor, Action::Read, &task)?;
    db.read(|c| {
        let mut stmt = c.prepare(&format!("{SELECT} AND task_id = ?1 ORDER BY added_at, id"))?;
        let rows = stmt.query_map([&task.id], map)?;
        Ok(rows
            .map(|r| r.map(|(a, _)| a))
            .collect::<rusqlite::Result<_>>()?)
    })
}

/// Where the copy of an attachment is, to open it.
pub fn attachment_path(db: &Db, actor: &Actor, attachment_id: &str) -> Result<PathBuf> {
    let (a, rel) = db.read(|c| get_in(c, attachment_id))?;
    let task = db.read(|c| store::get_in(c, &a.task_id))?;
    authorize_on(actor, Action::Read, &task)?;
    let path = rel.split('/').fold(root(db), |p, part| p.join(part));
    if !path.is_file() {
        return Err(TaskError::FileMissing(path.display().to_string()).into());
    }
    Ok(path)
}

/// Takes the file off the task (tombstone; the copy stays on disk, like deleted records).
pub fn remove_attachment(
    db: &Db,
    actor: &Actor,
    attachment_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    db.write(|tx| {
        let (a, _) = get_in(tx, attachment_id)?;
        let task = store::get_in(tx, &a.task_id)?;
        authorize_on(actor, Action::Write, &task)?;
        tx.execute(
            "UPDATE task_attachments SET deleted_at = ?2 WHERE id = ?1",
            params![a.id, stamp(now)],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "task.detach",
            "task",
            Some(&task.id),
            Some(&a),
            None,
        )
    })
}
