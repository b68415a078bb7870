//! Team tasks: a title, a description, one or more assignees, an optional linked
//! record (contact, inquiry, quotation), a priority, an estimate, a due date (a local
//! date, optionally with a time), a status with its history, and attached files.
//!
//! # Status
//! To do → in progress → done, or cancelled; any open task may go to any status, and
//! a done or cancelled task can be reopened (back to "to do"). Every change is a row
//! in `task_events` (who, when, from, to); asking for the status a task already has
//! is refused.
//!
//! # Rights
//! `DocType::Task`. With the "own" scope a user sees and changes the tasks they
//! created or are assigned to; with "all" (managers) the whole team's. Whoever may
//! change a task may (re)assign it, to any active colleague: handing work to a
//! colleague is what team tasks are for. Cancelling needs the cancel right, deleting
//! (a tombstone) the delete right.
//!
//! # Alerts
//! An open task with a due date raises a `task_due` notification to each assignee on
//! the morning of its due day (lead days before, from the settings), once; see
//! `alerts::sources`.

mod attachments;
mod error;
mod events;
mod list;
mod model;
mod store;

pub use attachments::{
    attach, attachment_path, attachments, remove_attachment, MAX_ATTACHMENT_BYTES,
};
pub use error::TaskError;
pub use model::*;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::access::{Action, Actor, DocType, Target};
use crate::alerts::RecordKind;
use crate::db::Db;
use crate::ids::{new_id, stamp};
use crate::{audit, users, Error, Result};

use store::Clean;

const ENTITY: &str = "task";
const MAX_TITLE: usize = 200;
const MAX_DESCRIPTION: usize = 10_000;
const MAX_ASSIGNEES: usize = 20;
const MAX_ESTIMATE: u32 = 100_000;

/// A task is the actor's own when they created it or are assigned to it.
pub(crate) fn authorize_on(actor: &Actor, action: Action, t: &Task) -> Result<()> {
    let me = actor.user_id.as_deref();
    let mine = me.is_some_and(|me| t.created_by.as_deref() == Some(me) || t.is_assigned_to(me));
    let target = if mine {
        Target::OwnedBy(me)
    } else {
        Target::Anyone
    };
    actor.authorize(DocType::Task, action, target)
}

/// Checks the input, resolves assignees (default: the acting user) and the link.
fn check(conn: &Connection, actor: &Actor, input: &TaskInput) -> Result<Clean> {
    let title = input.title.trim().to_string();
    if title.is_empty() {
        return Err(TaskError::TitleRequired.into());
    }
    if title.chars().count() > MAX_TITLE {
        return Err(TaskError::TitleTooLong.into());
    }
    let description = input.description.trim().to_string();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(TaskError::DescriptionTooLong.into());
    }
    if input
        .estimate_minutes
        .is_some_and(|m| m == 0 || m > MAX_ESTIMATE)
    {
        return Err(TaskError::EstimateOutOfRange.into());
    }
    if input.due_time.is_some() && input.due_on.is_none() {
        return Err(TaskError::TimeWithoutDate.into());
    }
    let link = match &input.link {
        Some(l) => {
            let mut l = l.clone();
            l.id = l.id.trim().to_string();
            check_link(conn, l.kind, &l.id)?;
            Some(l)
        }
        None => None,
    };
    let mut assignees: Vec<String> = Vec::new();
    for key in input
        .assignees
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
    {
        let id = users::find_in(conn, key)?.id;
        if !assignees.contains(&id) {
            assignees.push(id);
        }
    }
    if assignees.is_empty() {
        assignees.push(actor.user_id.clone().ok_or(TaskError::NoAssignee)?);
    }
    if assignees.len() > MAX_ASSIGNEES {
        return Err(TaskError::TooManyAssignees.into());
    }
    Ok(Clean {
        title,
        description,
        link,
        priority: input.priority,
        estimate_minutes: input.estimate_minutes,
        due_on: input.due_on,
        due_time: input.due_time,
        assignees,
    })
}

/// Tasks link to contacts, inquiries and quotations; the record must be live.
fn check_link(conn: &Connection, kind: RecordKind, id: &str) -> Result<()> {
    let table = match kind {
        RecordKind::Contact | RecordKind::Inquiry | RecordKind::Quotation => kind.table(),
        _ => None,
    }
    .ok_or(TaskError::LinkNotAllowed(kind.key()))?;
    let exists: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL)"),
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::not_found(kind.key(), id))
    }
}

pub fn create(db: &Db, actor: &Actor, input: &TaskInput, now: DateTime<Utc>) -> Result<Task> {
    actor.authorize(DocType::Task, Action::Create, Target::Own)?;
    db.write(|tx| {
        let clean = check(tx, actor, input)?;
        let id = new_id();
        let by = actor.user_id.as_deref();
        store::insert(tx, &id, &clean, by, now)?;
        events::record(tx, &id, by, None, TaskStatus::ToDo, now)?;
        let after = store::get_in(tx, &id)?;
        audit::record::<(), _>(
            tx,
            actor,
            "task.create",
            ENTITY,
            Some(&id),
            None,
            Some(&after),
        )?;
        Ok(after)
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Task> {
    let t = db.read(|c| store::get_in(c, id))?;
    authorize_on(actor, Action::Read, &t)?;
    Ok(t)
}

/// Changes everything but the status. Empty assignees keep the current ones.
pub fn update(
    db: &Db,
    actor: &Actor,
    id: &str,
    input: &TaskInput,
    now: DateTime<Utc>,
) -> Result<Task> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        let mut input = input.clone();
        if input.assignees.is_empty() {
            input.assignees = before.assignees.iter().map(|a| a.id.clone()).collect();
        }
        let clean = check(tx, actor, &input)?;
        store::update(tx, &before.id, &clean, actor.user_id.as_deref(), now)?;
        let after = store::get_in(tx, &before.id)?;
        audit::record(
            tx,
            actor,
            "task.update",
            ENTITY,
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Replaces the assignees (user ids or usernames; at least one).
pub fn assign(
    db: &Db,
    actor: &Actor,
    id: &str,
    assignees: &[String],
    now: DateTime<Utc>,
) -> Result<Task> {
    if assignees.iter().all(|a| a.trim().is_empty()) {
        return Err(TaskError::NoAssignee.into());
    }
    let before = get(db, actor, id)?;
    let input = TaskInput {
        title: before.title.clone(),
        description: before.description.clone(),
        assignees: assignees.to_vec(),
        link: before.link.clone(),
        priority: before.priority,
        estimate_minutes: before.estimate_minutes,
        due_on: before.due_on,
        due_time: before.due_time,
    };
    update(db, actor, &before.id, &input, now)
}

/// Moves the task to `to`, recording who and when.
pub fn set_status(
    db: &Db,
    actor: &Actor,
    id: &str,
    to: TaskStatus,
    now: DateTime<Utc>,
) -> Result<Task> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        let action = if to == TaskStatus::Cancelled {
            Action::Cancel
        } else {
            Action::Write
        };
        authorize_on(actor, action, &before)?;
        if before.status == to {
            return Err(TaskError::AlreadyInStatus(to.key()).into());
        }
        let by = actor.user_id.as_deref();
        tx.execute(
            "UPDATE tasks SET status = ?2, status_changed_at = ?3, status_changed_by = ?4,
                updated_at = ?3 WHERE id = ?1",
            params![before.id, to.key(), stamp(now), by],
        )?;
        events::record(tx, &before.id, by, Some(before.status), to, now)?;
        let after = store::get_in(tx, &before.id)?;
        audit::record(
            tx,
            actor,
            &format!("task.{}", to.key()),
            ENTITY,
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Tombstones the task; it no longer lists or alerts.
pub fn delete(db: &Db, actor: &Actor, id: &str, now: DateTime<Utc>) -> Result<()> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Delete, &before)?;
        tx.execute(
            "UPDATE tasks SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![before.id, stamp(now)],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "task.delete",
            ENTITY,
            Some(&before.id),
            Some(&before),
            None,
        )
    })
}

/// Tasks the actor may read, by due date then priority (see `TaskQuery`).
pub fn list(db: &Db, actor: &Actor, q: &TaskQuery) -> Result<Vec<Task>> {
    db.read(|c| list::run(c, actor, q))
}

/// The task's status history, oldest first.
pub fn history(db: &Db, actor: &Actor, id: &str) -> Result<Vec<TaskEvent>> {
    let t = get(db, actor, id)?;
    db.read(|c| events::list(c, &t.id))
}
