//! What the desktop app keeps in memory: the database and the logged-in session.
//! The session lives here, in Rust; the UI never tells us who the user is.

use std::sync::{Arc, Mutex};

use maarid_core::access::Actor;
use maarid_core::users::Session;
use maarid_core::{setup, Db, Error, Result};

pub struct AppState {
    pub db: Arc<Db>,
    session: Mutex<Option<Session>>,
}

impl AppState {
    pub fn new(db: Arc<Db>) -> Self {
        AppState {
            db,
            session: Mutex::new(None),
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
