//! Schema migrations: SQL files in the repository's `migrations/` folder, embedded at
//! compile time and applied by refinery at start-up, all in one transaction.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use super::backup::backup_before_migration;
use crate::{Error, Result};

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct MigrationReport {
    /// Schema version before opening (0 for a new file).
    pub from_version: i64,
    pub to_version: i64,
    /// Versions applied now.
    pub applied: Vec<i64>,
    /// Copy written before the first migration touched existing data.
    pub backup: Option<std::path::PathBuf>,
}

/// The newest schema version this program knows.
pub fn schema_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

pub(super) fn current_version(conn: &mut Connection) -> Result<i64> {
    if !has_table(conn, "refinery_schema_history")? {
        return Ok(0);
    }
    let v: Option<i64> = conn.query_row(
        "SELECT max(version) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?;
    Ok(v.unwrap_or(0))
}

pub(super) fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

fn is_empty(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')",
        [],
        |r| r.get(0),
    )?)
}

/// Reads (never writes) the file: not SQLite at all, or another program's SQLite
/// file (tables but no Maarid migration history), is refused.
pub(super) fn preflight(conn: &mut Connection, db_path: &Path) -> Result<i64> {
    let from = current_version(conn)?;
    if from == 0 && !is_empty(conn)? {
        return Err(Error::NotAMaaridDatabase(db_path.display().to_string()));
    }
    Ok(from)
}

pub(super) fn run(conn: &mut Connection, db_path: &Path) -> Result<MigrationReport> {
    let target = schema_version();
    let from = preflight(conn, db_path)?;
    if from > target {
        return Err(Error::DatabaseTooNew(from));
    }
    let mut report = MigrationReport {
        from_version: from,
        to_version: target,
        ..Default::default()
    };
    if from == target {
        return Ok(report);
    }
    if from > 0 {
        report.backup = Some(backup_before_migration(conn, db_path, from)?);
    }
    let applied = embedded::migrations::runner()
        .set_grouped(true)
        .run(conn)?
        .applied_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .collect();
    report.applied = applied;
    tracing::info!(from, to = target, backup = ?report.backup, "database migrated");
    Ok(report)
}
