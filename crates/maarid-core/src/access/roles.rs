//! Roles storage: built-in and custom roles with their permission matrices.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{Action, Actor, BuiltinRole, DocType, PermissionMap, PermissionSet, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::{audit, Error, Result, Rule};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Role {
    pub id: String,
    pub builtin_key: Option<String>,
    pub name_ar: String,
    pub name_en: String,
    pub editable: bool,
    pub user_count: i64,
    pub permissions: PermissionMap,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RoleInput {
    pub name_ar: String,
    pub name_en: String,
    #[serde(default)]
    pub permissions: PermissionMap,
}

/// Creates the built-in roles if they are missing. Called by setup.
pub(crate) fn ensure_builtin(conn: &Connection) -> Result<()> {
    let at = now();
    for &b in BuiltinRole::ALL {
        let name = b.name();
        let inserted = conn.execute(
            "INSERT OR IGNORE INTO roles (id, builtin_key, name_ar, name_en, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?3, ?4, ?4)",
            params![b.key(), name.ar, name.en, at],
        )?;
        if inserted > 0 {
            write_permissions(conn, b.key(), &b.default_permissions())?;
        }
    }
    Ok(())
}

fn write_permissions(conn: &Connection, role_id: &str, p: &PermissionSet) -> Result<()> {
    conn.execute("DELETE FROM role_permissions WHERE role_id = ?1", [role_id])?;
    let mut stmt = conn.prepare(
        "INSERT INTO role_permissions (role_id, doc_type, action, scope) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (d, a, s) in p.grants() {
        stmt.execute(params![role_id, d.key(), a.key(), s.key()])?;
    }
    Ok(())
}

pub fn load_permissions(conn: &Connection, role_id: &str) -> Result<PermissionSet> {
    let mut stmt =
        conn.prepare("SELECT doc_type, action, scope FROM role_permissions WHERE role_id = ?1")?;
    let mut rows = stmt.query([role_id])?;
    let mut p = PermissionSet::default();
    while let Some(r) = rows.next()? {
        let (d, a, s): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        // Rows written by a newer version with unknown keys are ignored, not fatal.
        if let (Some(d), Some(a), Some(s)) = (
            DocType::parse(&d),
            Action::parse(&a),
            super::Scope::parse(&s),
        ) {
            p.set(d, a, s);
        }
    }
    Ok(p)
}

type RoleRow = (String, Option<String>, String, String, i64);

fn map_role(r: &rusqlite::Row) -> rusqlite::Result<RoleRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

const SELECT_ROLE: &str = "SELECT r.id, r.builtin_key, r.name_ar, r.name_en,
        (SELECT count(*) FROM users u WHERE u.role_id = r.id AND u.deleted_at IS NULL)
     FROM roles r WHERE r.deleted_at IS NULL";

fn build(conn: &Connection, row: RoleRow) -> Result<Role> {
    let (id, builtin_key, name_ar, name_en, user_count) = row;
    let editable = builtin_key
        .as_deref()
        .and_then(BuiltinRole::parse)
        .is_none_or(|b| b.is_editable());
    let permissions = load_permissions(conn, &id)?.to_map();
    Ok(Role {
        id,
        builtin_key,
        name_ar,
        name_en,
        editable,
        user_count,
        permissions,
    })
}

pub fn get_in(conn: &Connection, id: &str) -> Result<Role> {
    let row = conn
        .query_row(&format!("{SELECT_ROLE} AND r.id = ?1"), [id], |r| {
            map_role(r)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("role", id))?;
    build(conn, row)
}

/// Finds a role by id, built-in key, or Arabic/English name (for the command line).
pub fn find_in(conn: &Connection, key: &str) -> Result<Role> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM roles WHERE deleted_at IS NULL
               AND (id = ?1 OR builtin_key = ?1 OR name_ar = ?1 OR lower(name_en) = lower(?1)
                    OR replace(lower(name_en), ' ', '_') = lower(?1))
             ORDER BY builtin_key IS NULL LIMIT 1",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    get_in(conn, &id.ok_or_else(|| Error::not_found("role", key))?)
}

pub fn list(db: &Db, actor: &Actor) -> Result<Vec<Role>> {
    actor.authorize(DocType::Role, Action::Read, Target::Anyone)?;
    db.read(list_in)
}

pub(crate) fn list_in(conn: &Connection) -> Result<Vec<Role>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT_ROLE} ORDER BY r.builtin_key IS NULL, r.created_at"
    ))?;
    let rows: Vec<_> = stmt
        .query_map([], map_role)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|row| build(conn, row)).collect()
}

fn validate(input: &RoleInput) -> Result<PermissionSet> {
    if input.name_ar.trim().is_empty() {
        return Err(Error::invalid("name_ar", Rule::Required));
    }
    if input.name_ar.chars().count() > 100 {
        return Err(Error::invalid("name_ar", Rule::TooLong));
    }
    if input.name_en.chars().count() > 100 {
        return Err(Error::invalid("name_en", Rule::TooLong));
    }
    PermissionSet::from_map(&input.permissions)
}

fn name_taken(conn: &Connection, input: &RoleInput, except: Option<&str>) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM roles WHERE deleted_at IS NULL AND id IS NOT ?3
            AND (name_ar = ?1 OR (?2 <> '' AND lower(name_en) = lower(?2))))",
        params![input.name_ar.trim(), input.name_en.trim(), except],
        |r| r.get(0),
    )?)
}

pub fn create(db: &Db, actor: &Actor, input: &RoleInput) -> Result<Role> {
    actor.authorize(DocType::Role, Action::Create, Target::Anyone)?;
    let perms = validate(input)?;
    db.write(|tx| {
        if name_taken(tx, input, None)? {
            return Err(Error::AlreadyExists { entity: "role", key: input.name_ar.trim().into() });
        }
        let id = new_id();
        let at = now();
        tx.execute(
            "INSERT INTO roles (id, name_ar, name_en, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id, input.name_ar.trim(), input.name_en.trim(), at],
        )?;
        write_permissions(tx, &id, &perms)?;
        let role = get_in(tx, &id)?;
        audit::record::<(), _>(tx, actor, "role.create", "role", Some(&id), None, Some(&role))?;
        Ok(role)
    })
}

pub fn update(db: &Db, actor: &Actor, id: &str, input: &RoleInput) -> Result<Role> {
    actor.authorize(DocType::Role, Action::Write, Target::Anyone)?;
    let perms = validate(input)?;
    db.write(|tx| {
        let before = get_in(tx, id)?;
        if !before.editable {
            return Err(Error::BuiltinRole(before.name_en.clone()));
        }
        if name_taken(tx, input, Some(id))? {
            return Err(Error::AlreadyExists {
                entity: "role",
                key: input.name_ar.trim().into(),
            });
        }
        tx.execute(
            "UPDATE roles SET name_ar = ?2, name_en = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, input.name_ar.trim(), input.name_en.trim(), now()],
        )?;
        write_permissions(tx, id, &perms)?;
        let after = get_in(tx, id)?;
        audit::record(
            tx,
            actor,
            "role.update",
            "role",
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Soft-deletes a custom role that no user has.
pub fn delete(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    actor.authorize(DocType::Role, Action::Delete, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx, id)?;
        if before.builtin_key.is_some() {
            return Err(Error::BuiltinRole(before.name_en.clone()));
        }
        if before.user_count > 0 {
            return Err(Error::RoleInUse(before.user_count));
        }
        tx.execute(
            "UPDATE roles SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "role.delete",
            "role",
            Some(id),
            Some(&before),
            None,
        )?;
        Ok(())
    })
}
