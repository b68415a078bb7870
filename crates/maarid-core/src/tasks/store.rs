//! Reading and writing task rows and their assignees.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use crate::alerts::{RecordKind, RecordRef};
use crate::ids::stamp;
use crate::{Error, Result};

/// The linked record's name: a contact's display name, a document's number.
const LINK_LABEL: &str = "CASE t.link_kind
        WHEN 'contact' THEN (SELECT COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''),
            c.company_name) FROM contacts c WHERE c.id = t.link_id)
        WHEN 'inquiry' THEN (SELECT i.number FROM inquiries i WHERE i.id = t.link_id)
        WHEN 'quotation' THEN (SELECT q.number FROM quotes q WHERE q.id = t.link_id)
    END";

pub(super) fn select() -> String {
    format!(
        "SELECT t.id, t.title, t.description, t.link_kind, t.link_id, {LINK_LABEL}, t.priority,
            t.estimate_minutes, t.due_on, t.due_time, t.status, t.status_changed_at,
            t.status_changed_by, t.created_by, COALESCE(NULLIF(u.full_name, ''), u.username),
            t.created_at, t.updated_at,
            (SELECT count(*) FROM task_attachments a WHERE a.task_id = t.id AND a.deleted_at IS NULL)
         FROM tasks t LEFT JOIN users u ON u.id = t.created_by
         WHERE t.deleted_at IS NULL"
    )
}

fn bad(e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
}

pub(super) fn map(r: &Row) -> rusqlite::Result<Task> {
    let link = match (
        r.get::<_, Option<String>>(3)?,
        r.get::<_, Option<String>>(4)?,
    ) {
        (Some(k), Some(id)) => RecordKind::parse(&k).map(|kind| RecordRef { kind, id }),
        _ => None,
    };
    let due_on = r
        .get::<_, Option<String>>(8)?
        .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| bad(e.to_string())))
        .transpose()?;
    let due_time = r
        .get::<_, Option<String>>(9)?
        .map(|t| NaiveTime::parse_from_str(&t, "%H:%M").map_err(|e| bad(e.to_string())))
        .transpose()?;
    Ok(Task {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        link,
        link_label: r.get(5)?,
        priority: Priority::parse(&r.get::<_, String>(6)?).unwrap_or_default(),
        estimate_minutes: r.get(7)?,
        due_on,
        due_time,
        status: TaskStatus::parse(&r.get::<_, String>(10)?).unwrap_or(TaskStatus::ToDo),
        status_changed_at: r.get(11)?,
        status_changed_by: r.get(12)?,
        created_by: r.get(13)?,
        created_by_name: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
        attachments: r.get(17)?,
        assignees: Vec::new(),
    })
}

pub(super) fn assignees(conn: &Connection, task_id: &str) -> Result<Vec<Assignee>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, COALESCE(NULLIF(u.full_name, ''), u.username)
         FROM task_assignees a JOIN users u ON u.id = a.user_id
         WHERE a.task_id = ?1 ORDER BY a.assigned_at, u.username",
    )?;
    let rows = stmt.query_map([task_id], |r| {
        Ok(Assignee {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn with_assignees(conn: &Connection, mut t: Task) -> Result<Task> {
    t.assignees = assignees(conn, &t.id)?;
    Ok(t)
}

pub(super) fn get_in(conn: &Connection, id: &str) -> Result<Task> {
    let t = conn
        .query_row(&format!("{} AND t.id = ?1", select()), [id.trim()], map)
        .optional()?
        .ok_or_else(|| Error::not_found("task", id.trim()))?;
    with_assignees(conn, t)
}

/// A checked input, ready to write.
pub(super) struct Clean {
    pub title: String,
    pub description: String,
    pub link: Option<RecordRef>,
    pub priority: Priority,
    pub estimate_minutes: Option<u32>,
    pub due_on: Option<NaiveDate>,
    pub due_time: Option<NaiveTime>,
    /// User ids, without repeats, in the order given.
    pub assignees: Vec<String>,
}

pub(super) fn insert(
    conn: &Connection,
    id: &str,
    c: &Clean,
    by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO tasks (id, title, status, status_changed_at, status_changed_by, created_by,
            created_at, updated_at)
         VALUES (?1, '', 'to_do', ?2, ?3, ?3, ?2, ?2)",
        params![id, stamp(now), by],
    )?;
    update(conn, id, c, by, now)
}

/// Writes the fields and brings the assignees in line (kept ones keep their date).
pub(super) fn update(
    conn: &Connection,
    id: &str,
    c: &Clean,
    by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE tasks SET title = ?2, description = ?3, link_kind = ?4, link_id = ?5,
            priority = ?6, estimate_minutes = ?7, due_on = ?8, due_time = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            c.title,
            c.description,
            c.link.as_ref().map(|l| l.kind.key()),
            c.link.as_ref().map(|l| l.id.as_str()),
            c.priority.key(),
            c.estimate_minutes,
            c.due_on.map(|d| d.format("%Y-%m-%d").to_string()),
            c.due_time.map(|t| t.format("%H:%M").to_string()),
            stamp(now),
        ],
    )?;
    let mut kept = conn.prepare_cached("SELECT user_id FROM task_assignees WHERE task_id = ?1")?;
    let before: Vec<String> = kept
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for gone in before.iter().filter(|u| !c.assignees.contains(u)) {
        conn.execute(
            "DELETE FROM task_assignees WHERE task_id = ?1 AND user_id = ?2",
            params![id, gone],
        )?;
    }
    for new in c.assignees.iter().filter(|u| !before.contains(u)) {
        conn.execute(
            "INSERT INTO task_assignees (task_id, user_id, assigned_at, assigned_by)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, new, stamp(now), by],
        )?;
    }
    Ok(())
}
