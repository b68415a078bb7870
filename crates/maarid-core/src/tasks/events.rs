//! The status history of a task (`task_events`): who moved it from what to what, and
//! when. The daily report counts "done by U on day D" from here.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::{TaskEvent, TaskStatus};
use crate::ids::{new_id, stamp};
use crate::Result;

pub(super) fn record(
    conn: &Connection,
    task_id: &str,
    by: Option<&str>,
    from: Option<TaskStatus>,
    to: TaskStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO task_events (id, task_id, at, by_user, from_status, to_status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new_id(),
            task_id,
            stamp(now),
            by,
            from.map(|s| s.key()),
            to.key()
        ],
    )?;
    Ok(())
}

/// Oldest first.
pub(super) fn list(conn: &Connection, task_id: &str) -> Result<Vec<TaskEvent>> {
    let mut stmt = conn.prepare(
        "SELECT e.at, e.by_user, COALESCE(NULLIF(u.full_name, ''), u.username), e.from_status,
                e.to_status
         FROM task_events e LEFT JOIN users u ON u.id = e.by_user
         WHERE e.task_id = ?1 ORDER BY e.at, e.id",
    )?;
    let rows = stmt.query_map([task_id], |r| {
        Ok(TaskEvent {
            at: r.get(0)?,
            by: r.get(1)?,
            by_name: r.get(2)?,
            from: r
                .get::<_, Option<String>>(3)?
                .and_then(|s| TaskStatus::parse(&s)),
            to: TaskStatus::parse(&r.get::<_, String>(4)?).unwrap_or(TaskStatus::ToDo),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
