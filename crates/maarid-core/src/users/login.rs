//! Logging in, with a lockout after too many failed attempts.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{get_in, password, User};
use crate::access::roles::{self, Role};
use crate::access::Actor;
use crate::db::Db;
use crate::ids::now;
use crate::{audit, settings, Error, Result};

/// A logged-in user: who they are, their role, and the actor their actions run as.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub user: User,
    pub role: Role,
    #[serde(skip)]
    pub actor: Actor,
}

impl Session {
    pub(crate) fn build(conn: &rusqlite::Connection, user: User) -> Result<Session> {
        let role = roles::get_in(conn, &user.role_id)?;
        let actor = Actor {
            user_id: Some(user.id.clone()),
            name: user.username.clone(),
            role_id: Some(user.role_id.clone()),
            permissions: roles::load_permissions(conn, &user.role_id)?,
        };
        Ok(Session { user, role, actor })
    }

    /// Reloads the user and role (after an admin changed them).
    pub fn refresh(&self, db: &Db) -> Result<Session> {
        db.read(|c| {
            let user = get_in(c, &self.user.id)?;
            if !user.enabled {
                return Err(Error::AccountDisabled);
            }
            if user.locked {
                return Err(Error::AccountLocked);
            }
            Session::build(c, user)
        })
    }
}

/// Checks a username and password. A wrong password counts towards the lockout
/// limit of the settings; reaching it locks the account until an administrator
/// unlocks it. Every attempt on a known account is written to the audit log.
pub fn login(db: &Db, username: &str, password_text: &str) -> Result<Session> {
    let username = username.trim();
    let found: Option<(String, String)> = db.read(|c| {
        Ok(c.query_row(
            "SELECT id, password_hash FROM users WHERE username = ?1 AND deleted_at IS NULL",
            [username],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
    })?;
    let Some((id, phc)) = found else {
        password::burn_time(password_text);
        return Err(Error::InvalidCredentials);
    };
    let ok = password::verify(password_text, &phc);
    db.write(|tx| {
        let user = get_in(tx, &id)?;
        let who = Actor { user_id: Some(id.clone()), name: user.username.clone(), ..Actor::system("") };
        if user.locked {
            audit::record_event(tx, &who, "login.refused_locked", "user", Some(&id))?;
            return Ok(Err(Error::AccountLocked));
        }
        if !user.enabled {
            audit::record_event(tx, &who, "login.refused_disabled", "user", Some(&id))?;
            return Ok(Err(Error::AccountDisabled));
        }
        let at = now();
        if !ok {
            let limit = settings::get_in(tx)?.max_failed_logins;
            let failed = user.failed_logins + 1;
            let lock = failed >= limit;
            tx.execute(
                "UPDATE users SET failed_logins = ?2, locked_at = CASE WHEN ?3 THEN ?4 ELSE locked_at END,
                    updated_at = ?4 WHERE id = ?1",
                params![id, failed, lock, at],
            )?;
            audit::record_event(tx, &who, "login.failed", "user", Some(&id))?;
            if lock {
                let after = get_in(tx, &id)?;
                audit::record(tx, &who, "user.locked", "user", Some(&id), Some(&user), Some(&after))?;
                return Ok(Err(Error::AccountLocked));
            }
            return Ok(Err(Error::InvalidCredentials));
        }
        tx.execute(
            "UPDATE users SET failed_logins = 0, last_login_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        audit::record_event(tx, &who, "login.ok", "user", Some(&id))?;
        Ok(Ok(Session::build(tx, get_in(tx, &id)?)?))
    })?
}
