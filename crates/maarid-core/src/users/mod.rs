//! Users: accounts, roles, lockout, and logging in.

mod login;
pub mod password;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

pub use login::{login, Session};

use crate::access::roles;
use crate::access::{Action, Actor, BuiltinRole, DocType, Target};
use crate::db::Db;
use crate::i18n::Locale;
use crate::ids::{new_id, now};
use crate::{audit, Error, Result, Rule};

/// A user as shown and audited. The password hash never leaves the users table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct User {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub email: String,
    pub role_id: String,
    pub role_name_ar: String,
    pub role_name_en: String,
    pub locale: Option<Locale>,
    pub enabled: bool,
    pub locked: bool,
    pub locked_at: Option<String>,
    pub failed_logins: i64,
    pub last_login_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewUser {
    pub username: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub email: String,
    pub password: String,
    /// Role id, built-in key or name.
    pub role_id: String,
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserUpdate {
    pub full_name: String,
    #[serde(default)]
    pub email: String,
    pub role_id: String,
    #[serde(default)]
    pub locale: Option<Locale>,
    pub enabled: bool,
}

const SELECT_USER: &str = "SELECT u.id, u.username, u.full_name, u.email, u.role_id, r.name_ar, r.name_en,
        u.locale, u.enabled, u.locked_at, u.failed_logins, u.last_login_at, u.created_at, u.updated_at
     FROM users u JOIN roles r ON r.id = u.role_id
     WHERE u.deleted_at IS NULL";

fn map_user(r: &Row) -> rusqlite::Result<User> {
    let locale: Option<String> = r.get(7)?;
    let locked_at: Option<String> = r.get(9)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        full_name: r.get(2)?,
        email: r.get(3)?,
        role_id: r.get(4)?,
        role_name_ar: r.get(5)?,
        role_name_en: r.get(6)?,
        locale: locale.as_deref().and_then(Locale::parse),
        enabled: r.get(8)?,
        locked: locked_at.is_some(),
        locked_at,
        failed_logins: r.get(10)?,
        last_login_at: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<User> {
    conn.query_row(&format!("{SELECT_USER} AND u.id = ?1"), [id], map_user)
        .optional()?
        .ok_or_else(|| Error::not_found("user", id))
}

/// Finds a live user by id or username (case-insensitive).
pub(crate) fn find_in(conn: &Connection, key: &str) -> Result<User> {
    conn.query_row(
        &format!("{SELECT_USER} AND (u.id = ?1 OR u.username = ?1)"),
        [key],
        map_user,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("user", key))
}

pub fn list(db: &Db, actor: &Actor) -> Result<Vec<User>> {
    actor.authorize(DocType::User, Action::Read, Target::Anyone)?;
    db.read(|c| {
        let mut stmt = c.prepare(&format!("{SELECT_USER} ORDER BY u.username"))?;
        let rows = stmt.query_map([], map_user)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

/// A colleague as anyone logged in may see them: enough to pick an owner or assignee.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Colleague {
    pub id: String,
    pub username: String,
    pub full_name: String,
}

/// Active users, for owner and assignee pickers: any logged-in user may see them, no
/// user-management right needed.
pub fn directory(db: &Db, _actor: &Actor) -> Result<Vec<Colleague>> {
    db.read(|c| {
        let mut stmt = c.prepare(
            "SELECT id, username, full_name FROM users
             WHERE deleted_at IS NULL AND enabled = 1 ORDER BY full_name, username",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Colleague {
                id: r.get(0)?,
                username: r.get(1)?,
                full_name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

pub fn get(db: &Db, actor: &Actor, key: &str) -> Result<User> {
    let user = db.read(|c| find_in(c, key))?;
    if actor.user_id.as_deref() != Some(user.id.as_str()) {
        actor.authorize(DocType::User, Action::Read, Target::Anyone)?;
    }
    Ok(user)
}

fn validate_username(username: &str) -> Result<String> {
    let u = username.trim();
    if u.is_empty() {
        return Err(Error::invalid("username", Rule::Required));
    }
    if u.chars().count() > 64 {
        return Err(Error::invalid("username", Rule::TooLong));
    }
    // Letters of any script, digits and . _ - @ — no spaces, so it can be typed and scripted.
    if !u
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        return Err(Error::invalid("username", Rule::BadFormat));
    }
    Ok(u.to_string())
}

fn validate_email(email: &str) -> Result<String> {
    let e = email.trim().to_lowercase();
    if e.is_empty() {
        return Ok(e);
    }
    let ok = e.len() <= 254
        && !e.contains(char::is_whitespace)
        && e.split_once('@').is_some_and(|(l, d)| {
            !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
        });
    if ok {
        Ok(e)
    } else {
        Err(Error::invalid("email", Rule::BadFormat))
    }
}

fn validate_full_name(name: &str) -> Result<String> {
    let n = name.trim();
    if n.chars().count() > 200 {
        return Err(Error::invalid("full_name", Rule::TooLong));
    }
    Ok(n.to_string())
}

/// Inserts a user inside an open transaction (used by `add` and by setup).
pub(crate) fn insert(conn: &Connection, actor: &Actor, input: &NewUser) -> Result<User> {
    let username = validate_username(&input.username)?;
    let full_name = validate_full_name(&input.full_name)?;
    let email = validate_email(&input.email)?;
    password::validate(&input.password)?;
    let role = roles::find_in(conn, &input.role_id)
        .map_err(|_| Error::invalid("role", Rule::UnknownValue))?;
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1 AND deleted_at IS NULL)",
        [&username],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::AlreadyExists {
            entity: "user",
            key: username,
        });
    }
    let id = new_id();
    let at = now();
    conn.execute(
        "INSERT INTO users (id, username, full_name, email, password_hash, role_id, locale, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, username, full_name, email, password::hash(&input.password)?, role.id, input.locale.map(Locale::as_str), at],
    )?;
    let user = get_in(conn, &id)?;
    audit::record::<(), _>(
        conn,
        actor,
        "user.create",
        "user",
        Some(&id),
        None,
        Some(&user),
    )?;
    Ok(user)
}

pub fn add(db: &Db, actor: &Actor, input: &NewUser) -> Result<User> {
    actor.authorize(DocType::User, Action::Create, Target::Anyone)?;
    db.write(|tx| insert(tx, actor, input))
}

/// True when `user` is an active System Manager and no other active one exists.
fn is_last_admin(conn: &Connection, user: &User) -> Result<bool> {
    let admin = BuiltinRole::SystemManager.key();
    if user.role_id != admin || !user.enabled || user.locked {
        return Ok(false);
    }
    let others: i64 = conn.query_row(
        "SELECT count(*) FROM users WHERE role_id = ?1 AND id <> ?2 AND enabled = 1
           AND locked_at IS NULL AND deleted_at IS NULL",
        params![admin, user.id],
        |r| r.get(0),
    )?;
    Ok(others == 0)
}

/// Applies `change` to a user in one transaction with an audit entry, refusing
/// changes that would leave the company without an active System Manager.
fn change(
    db: &Db,
    actor: &Actor,
    action: Action,
    key: &str,
    audit_action: &str,
    f: impl FnOnce(&Connection, &User) -> Result<()>,
) -> Result<User> {
    actor.authorize(DocType::User, action, Target::Anyone)?;
    db.write(|tx| {
        let before = find_in(tx, key)?;
        f(tx, &before)?;
        let after = get_in(tx, &before.id)?;
        let still_admin = after.role_id == before.role_id && after.enabled && !after.locked;
        if !still_admin && is_last_admin(tx, &before)? {
            return Err(Error::LastAdmin);
        }
        audit::record(
            tx,
            actor,
            audit_action,
            "user",
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

pub fn update(db: &Db, actor: &Actor, key: &str, input: &UserUpdate) -> Result<User> {
    let full_name = validate_full_name(&input.full_name)?;
    let email = validate_email(&input.email)?;
    change(db, actor, Action::Write, key, "user.update", |tx, u| {
        let role = roles::find_in(tx, &input.role_id)
            .map_err(|_| Error::invalid("role", Rule::UnknownValue))?;
        tx.execute(
            "UPDATE users SET full_name = ?2, email = ?3, role_id = ?4, locale = ?5, enabled = ?6, updated_at = ?7 WHERE id = ?1",
            params![u.id, full_name, email, role.id, input.locale.map(Locale::as_str), input.enabled, now()],
        )?;
        Ok(())
    })
}

pub fn set_role(db: &Db, actor: &Actor, key: &str, role: &str) -> Result<User> {
    change(db, actor, Action::Write, key, "user.set_role", |tx, u| {
        let role =
            roles::find_in(tx, role).map_err(|_| Error::invalid("role", Rule::UnknownValue))?;
        tx.execute(
            "UPDATE users SET role_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![u.id, role.id, now()],
        )?;
        Ok(())
    })
}

pub fn lock(db: &Db, actor: &Actor, key: &str) -> Result<User> {
    change(db, actor, Action::Write, key, "user.lock", |tx, u| {
        tx.execute(
            "UPDATE users SET locked_at = coalesce(locked_at, ?2), updated_at = ?2 WHERE id = ?1",
            params![u.id, now()],
        )?;
        Ok(())
    })
}

pub fn unlock(db: &Db, actor: &Actor, key: &str) -> Result<User> {
    change(db, actor, Action::Write, key, "user.unlock", |tx, u| {
        tx.execute(
            "UPDATE users SET locked_at = NULL, failed_logins = 0, updated_at = ?2 WHERE id = ?1",
            params![u.id, now()],
        )?;
        Ok(())
    })
}

pub fn reset_password(db: &Db, actor: &Actor, key: &str, new_password: &str) -> Result<User> {
    password::validate(new_password)?;
    let hash = password::hash(new_password)?;
    change(
        db,
        actor,
        Action::Write,
        key,
        "user.reset_password",
        |tx, u| {
            tx.execute(
                "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1",
                params![u.id, hash, now()],
            )?;
            Ok(())
        },
    )
}

/// Soft delete: the row stays as a tombstone so history and sync keep their references.
pub fn delete(db: &Db, actor: &Actor, key: &str) -> Result<()> {
    actor.authorize(DocType::User, Action::Delete, Target::Anyone)?;
    db.write(|tx| {
        let before = find_in(tx, key)?;
        if actor.user_id.as_deref() == Some(before.id.as_str()) || is_last_admin(tx, &before)? {
            return Err(Error::LastAdmin);
        }
        tx.execute(
            "UPDATE users SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![before.id, now()],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "user.delete",
            "user",
            Some(&before.id),
            Some(&before),
            None,
        )?;
        Ok(())
    })
}

/// A user changes their own password; the current one must be given.
pub fn change_own_password(
    db: &Db,
    actor: &Actor,
    current: &str,
    new_password: &str,
) -> Result<()> {
    let id = actor.user_id.as_deref().ok_or(Error::NotLoggedIn)?;
    password::validate(new_password)?;
    let hash = password::hash(new_password)?;
    db.write(|tx| {
        let phc: String =
            tx.query_row("SELECT password_hash FROM users WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        if !password::verify(current, &phc) {
            return Err(Error::InvalidCredentials);
        }
        tx.execute(
            "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, hash, now()],
        )?;
        audit::record_event(tx, actor, "user.change_password", "user", Some(id))
    })
}

/// A user's own language preference.
pub fn set_own_locale(db: &Db, actor: &Actor, locale: Locale) -> Result<()> {
    let id = actor.user_id.as_deref().ok_or(Error::NotLoggedIn)?;
    db.write(|tx| {
        tx.execute(
            "UPDATE users SET locale = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, locale.as_str(), now()],
        )?;
        Ok(())
    })
}
