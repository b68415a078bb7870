//! The one connection manager: a single writer connection (SQLite allows one writer at
//! a time anyway, and serialising here avoids SQLITE_BUSY) plus a small pool of reader
//! connections that WAL lets run beside the writer. Commands and background jobs share
//! one `Arc<Db>`.

mod backup;
mod migrate;
mod paths;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use backup::{backup_to, restore_from, validate_backup_file, BackupInfo};
pub use migrate::{schema_version, MigrationReport};
pub use paths::{backups_dir, default_db_path, resolve_db_path};

use crate::{Error, Result};

const MAX_IDLE_READERS: usize = 4;

/// Pages are read through a memory map of the file (up to this size, SQLite's own
/// ceiling) rather than one system call and copy per page: a search or an import on a
/// large contact list touches thousands of pages, and with a copy per page that cost
/// more than the search itself. Mapped pages are the operating system's file cache,
/// shared and reclaimable, not memory of the app.
const MMAP_SIZE: i64 = 0x7fff_0000;

pub struct Db {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    migration: MigrationReport,
}

impl Db {
    /// Opens (creating if needed) the database at `path` and brings its schema up to
    /// date. A non-empty database is backed up before any migration touches it.
    pub fn open(path: impl AsRef<Path>) -> Result<Db> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let not_ours = |e: Error| match e {
            Error::Db(ref d)
                if d.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
            {
                Error::NotAMaaridDatabase(path.display().to_string())
            }
            other => other,
        };
        let mut writer = open_connection(&path, false).map_err(not_ours)?;
        // Refuse a file that is not ours before writing a single byte to it.
        migrate::preflight(&mut writer, &path).map_err(not_ours)?;
        // journal_mode is persistent in the file; readers inherit it.
        writer.pragma_update(None, "journal_mode", "WAL")?;
        let migration = migrate::run(&mut writer, &path)?;
        Ok(Db {
            path,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            migration,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What happened to the schema when this database was opened.
    pub fn migration_report(&self) -> &MigrationReport {
        &self.migration
    }

    /// Runs `f` on a reader connection. Reads see the last committed state.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = match lock(&self.readers).pop() {
            Some(c) => c,
            None => open_connection(&self.path, true)?,
        };
        let out = f(&conn);
        let mut idle = lock(&self.readers);
        if idle.len() < MAX_IDLE_READERS {
            idle.push(conn);
        }
        out
    }

    /// Runs `f` inside one write transaction: all of it is committed, or none of it
    /// when `f` returns an error.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Direct access to the writer, for whole-database operations (backup, restore).
    pub(crate) fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        f(&mut conn)
    }

    /// Drops idle readers so they reopen on the next read (after a restore).
    pub(crate) fn reset_readers(&self) {
        lock(&self.readers).clear();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves a connection that is still valid: SQLite
    // rolled back the open transaction when the Transaction was dropped.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

pub(crate) fn open_connection(path: &Path, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    // Plans never depend on the values bound: otherwise SQLite recompiles a statement
    // whenever a parameter it peeked at changes (for a partial index, that is every
    // call), which made saving contacts in bulk a tenth slower.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_wal_foreign_keys_and_normal_sync() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("m.sqlite")).unwrap();
        db.with_writer(|c| {
            let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
            let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
            let sync: i64 = c.pragma_query_value(None, "synchronous", |r| r.get(0))?;
            let timeout: i64 = c.pragma_query_value(None, "busy_timeout", |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(fk, 1);
            assert_eq!(sync, 1, "NORMAL is 1");
            assert_eq!(timeout, 5000);
            let mmap: i64 = c.pragma_query_value(None, "mmap_size", |r| r.get(0))?;
            assert_eq!(mmap, MMAP_SIZE);
            assert!(c.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG)?);
            Ok(())
        })
        .unwrap();
        db.read(|c| {
            let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
            assert_eq!(fk, 1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn failed_write_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("m.sqlite")).unwrap();
        let r: Result<()> = db.write(|tx| {
            tx.execute(
                "INSERT INTO number_series (doc_type, pattern, updated_at) VALUES ('x', 'X-{#}', 'now')",
                [],
            )?;
            Err(Error::Internal("boom".into()))
        });
        assert!(r.is_err());
        let n: i64 = db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT count(*) FROM number_series WHERE doc_type = 'x'",
                    [],
                    |r| r.get(0),
                )?)
            })
            .unwrap();
        assert_eq!(n, 0);
    }
}
