//! Backups and restores through SQLite's online backup API: consistent copies even
//! while the app is writing, and restores that never leave a half-copied database.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::Serialize;

use super::migrate::{current_version, has_table, schema_version};
use super::{backups_dir, Db};
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub bytes: u64,
    pub schema_version: i64,
}

/// Writes a consistent copy of the database to `out`. The copy is written beside the
/// target under a temporary name and renamed into place, so a crash never leaves a
/// truncated file that looks like a backup.
pub fn backup_to(db: &Db, out: &Path) -> Result<BackupInfo> {
    db.with_writer(|conn| copy_to(conn, out))?;
    validate_backup_file(out)
}

pub(super) fn backup_before_migration(
    conn: &Connection,
    db_path: &Path,
    from: i64,
) -> Result<PathBuf> {
    let name = format!(
        "{}-before-v{}-{}.sqlite",
        db_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("maarid"),
        schema_version(),
        chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ")
    );
    let out = backups_dir(db_path).join(name);
    copy_to(conn, &out)?;
    tracing::info!(from, backup = %out.display(), "backup written before migration");
    Ok(out)
}

fn copy_to(conn: &Connection, out: &Path) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let tmp = out.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    conn.backup(MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)?;
    // The backup is a rollback-journal file; make it self-contained.
    std::fs::rename(&tmp, out).map_err(|e| Error::io(out, e))?;
    Ok(())
}

/// Checks that `path` is an intact Maarid database this program can open.
pub fn validate_backup_file(path: &Path) -> Result<BackupInfo> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let shown = path.display().to_string();
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| Error::NotAMaaridDatabase(shown.clone()))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|_| Error::NotAMaaridDatabase(shown.clone()))?;
    if check != "ok" || !has_table(&conn, "company").unwrap_or(false) {
        return Err(Error::NotAMaaridDatabase(shown));
    }
    let version = current_version(&mut conn)?;
    if version > schema_version() {
        return Err(Error::DatabaseTooNew(version));
    }
    Ok(BackupInfo {
        path: path.to_path_buf(),
        bytes: meta.len(),
        schema_version: version,
    })
}

/// Replaces the whole database with the backup at `src`. The current database is
/// first saved to the backups folder (returned), so a restore can itself be undone.
pub fn restore_from(db: &Db, src: &Path) -> Result<PathBuf> {
    validate_backup_file(src)?;
    let safety = backups_dir(db.path()).join(format!(
        "{}-before-restore-{}.sqlite",
        db.path()
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("maarid"),
        chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ")
    ));
    db.with_writer(|conn| {
        copy_to(conn, &safety)?;
        conn.restore(MAIN_DB, src, None::<fn(rusqlite::backup::Progress)>)?;
        // An older backup is brought up to this program's schema straight away.
        super::migrate::run(conn, db.path())?;
        Ok(())
    })?;
    db.reset_readers();
    Ok(safety)
}
