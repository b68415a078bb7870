//! The audit log: who changed what, when, with the record before and after.
//! Entries are written in the same transaction as the change they describe.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::Result;

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: String,
    pub at: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Records one change. `before`/`after` are the record as the user would see it;
/// secrets (password hashes) must already be left out by the caller's type.
pub fn record<B: Serialize, A: Serialize>(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let before = before
        .map(serde_json::to_string)
        .transpose()
        .map_err(internal)?;
    let after = after
        .map(serde_json::to_string)
        .transpose()
        .map_err(internal)?;
    conn.execute(
        "INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![new_id(), now(), actor.user_id, actor.name, action, entity, entity_id, before, after],
    )?;
    Ok(())
}

/// An entry without a before/after body (logins, lockouts).
pub fn record_event(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
) -> Result<()> {
    record::<(), ()>(conn, actor, action, entity, entity_id, None, None)
}

fn internal(e: serde_json::Error) -> crate::Error {
    crate::Error::Internal(e.to_string())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct AuditQuery {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// Keyset paging: entries strictly older than this entry id.
    pub before: Option<String>,
    pub limit: Option<u32>,
}

/// Newest first.
pub fn list(db: &Db, actor: &Actor, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
    actor.authorize(DocType::AuditLog, Action::Read, Target::Anyone)?;
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    db.read(|c| {
        let before_at: Option<(String, String)> = match &q.before {
            Some(id) => c
                .query_row("SELECT at, id FROM audit_log WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?,
            None => None,
        };
        let (bat, bid) = before_at.unzip();
        let mut stmt = c.prepare(
            "SELECT id, at, actor_id, actor_name, action, entity, entity_id, before, after
             FROM audit_log
             WHERE (?1 IS NULL OR entity = ?1)
               AND (?2 IS NULL OR entity_id = ?2)
               AND (?3 IS NULL OR (at, id) < (?3, ?4))
             ORDER BY at DESC, id DESC
             LIMIT ?5",
        )?;
        let rows = stmt.query_map(params![q.entity, q.entity_id, bat, bid, limit], |r| {
            let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor_id: r.get(2)?,
                actor_name: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                before: json(r.get(7)?),
                after: json(r.get(8)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}
