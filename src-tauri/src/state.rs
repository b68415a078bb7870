//! What the desktop app keeps in memory: the database, the logged-in session and the
//! import under way. The session lives here, in Rust; the UI never tells us who the
//! user is.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};

use maarid_core::access::Actor;
use maarid_core::import::ImportReport;
use maarid_core::users::Session;
use maarid_core::{setup, Db, Error, Result};

pub struct AppState {
    pub db: Arc<Db>,
    session: Mutex<Option<Session>>,
    pub import: ImportState,
}

/// A spreadsheet handed over by the window, waiting under `<app data>/imports/staged/`.
#[derive(Debug, Clone)]
pub struct Staged {
    pub token: String,
    /// The file, under its own name (the batch records that name).
    pub path: PathBuf,
}

/// The last check or run, for its error report.
#[derive(Debug)]
pub struct LastImport {
    /// The full report (every row), not the trimmed one the window got.
    pub report: ImportReport,
    /// The staged file the rows are read back from, while it is there.
    pub source: Option<PathBuf>,
    /// Written right after a run, before its staged file was removed.
    pub errors_file: Option<PathBuf>,
}

#[derive(Default)]
pub struct ImportState {
    /// The Cancel button; cleared when a check or a run starts.
    pub cancel: AtomicBool,
    /// Each check takes the next number; one that is no longer the newest stops (the
    /// mapping changed under it).
    pub checks: AtomicU64,
    pub staged: Mutex<Option<Staged>>,
    pub last: Mutex<Option<Arc<LastImport>>>,
}

/// A lock that outlives a panicked holder: the data behind it is replaced whole.
pub fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl AppState {
    pub fn new(db: Arc<Db>) -> Self {
        AppState {
            db,
            session: Mutex::new(None),
            import: ImportState::default(),
        }
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_session(&self, s: Option<Session>) {
        *self.slot() = s;
    }

    /// The current session, re-read from the database so that a role change, a lock
    /// or a disabled account takes effect on the very next command.
    pub fn session(&self) -> Result<Session> {
        setup::require_done(&self.db)?;
        let current = self.slot().clone().ok_or(Error::NotLoggedIn)?;
        match current.refresh(&self.db) {
            Ok(fresh) => {
                self.set_session(Some(fresh.clone()));
                Ok(fresh)
            }
            Err(e) => {
                self.set_session(None);
                Err(match e {
                    Error::NotFound { .. } => Error::NotLoggedIn,
                    other => other,
                })
            }
        }
    }

    /// The acting user for a command; fails with "not logged in" otherwise.
    pub fn actor(&self) -> Result<Actor> {
        Ok(self.session()?.actor)
    }
}
