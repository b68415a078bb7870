//! "My tasks" and "team tasks": every task the actor may read, filtered, by due date
//! (undated last) then priority (most pressing first).

use rusqlite::{params_from_iter, types::Value, Connection};

use super::model::*;
use super::store;
use crate::access::{Action, Actor, DocType, Scope};
use crate::{users, Error, Result};

const DEFAULT_LIMIT: u32 = 100;
const MAX_LIMIT: u32 = 1000;

/// Tasks the user created or is assigned to (`t` is the tasks table, `?N` the user).
pub(super) fn own_condition(n: usize) -> String {
    format!(
        "(t.created_by = ?{n} OR EXISTS (SELECT 1 FROM task_assignees x
            WHERE x.task_id = t.id AND x.user_id = ?{n}))"
    )
}

pub(super) fn run(conn: &Connection, actor: &Actor, q: &TaskQuery) -> Result<Vec<Task>> {
    let own_only = match actor.scope(DocType::Task, Action::Read) {
        Scope::None => {
            return Err(Error::NotPermitted {
                doc_type: DocType::Task.key(),
                action: Action::Read.key(),
            })
        }
        Scope::Own => Some(actor.user_id.clone().unwrap_or_default()),
        Scope::All => None,
    };
    let mut sql = store::select();
    let mut args: Vec<Value> = Vec::new();
    let push = |sql: &mut String, args: &mut Vec<Value>, cond: &dyn Fn(usize) -> String, v| {
        args.push(v);
        sql.push_str(" AND ");
        sql.push_str(&cond(args.len()));
    };
    let assigned = |n: usize| {
        format!(
            "EXISTS (SELECT 1 FROM task_assignees y WHERE y.task_id = t.id AND y.user_id = ?{n})"
        )
    };
    if let Some(me) = own_only {
        push(&mut sql, &mut args, &own_condition, Value::Text(me));
    }
    if q.mine {
        // The command line is nobody: "mine" then matches nothing rather than everything.
        let me = actor.user_id.clone().unwrap_or_default();
        push(&mut sql, &mut args, &assigned, Value::Text(me));
    }
    if let Some(a) = q
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        let user = users::find_in(conn, a)?;
        push(&mut sql, &mut args, &assigned, Value::Text(user.id));
    }
    let statuses: Vec<TaskStatus> = if q.all_statuses {
        Vec::new()
    } else if q.statuses.is_empty() {
        vec![TaskStatus::ToDo, TaskStatus::InProgress]
    } else {
        q.statuses.clone()
    };
    if !statuses.is_empty() {
        let list = statuses
            .iter()
            .map(|s| format!("'{}'", s.key()))
            .collect::<Vec<_>>()
            .join(", ");
        sql.push_str(&format!(" AND t.status IN ({list})"));
    }
    if let Some(p) = q.priority {
        push(
            &mut sql,
            &mut args,
            &|n| format!("t.priority = ?{n}"),
            Value::Text(p.key().into()),
        );
    }
    let ymd = |d: chrono::NaiveDate| Value::Text(d.format("%Y-%m-%d").to_string());
    if let Some(d) = q.due_from {
        push(
            &mut sql,
            &mut args,
            &|n| format!("t.due_on >= ?{n}"),
            ymd(d),
        );
    }
    if let Some(d) = q.due_to {
        push(
            &mut sql,
            &mut args,
            &|n| format!("t.due_on <= ?{n}"),
            ymd(d),
        );
    }
    if let Some(l) = &q.link {
        push(
            &mut sql,
            &mut args,
            &|n| format!("t.link_kind = ?{n}"),
            Value::Text(l.kind.key().into()),
        );
        push(
            &mut sql,
            &mut args,
            &|n| format!("t.link_id = ?{n}"),
            Value::Text(l.id.trim().into()),
        );
    }
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let offset = q.offset.unwrap_or(0);
    sql.push_str(&format!(
        " ORDER BY t.due_on IS NULL, t.due_on, t.due_time IS NULL, t.due_time,
            CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
            t.created_at, t.id
          LIMIT {limit} OFFSET {offset}"
    ));
    let mut stmt = conn.prepare(&sql)?;
    let rows: Vec<Task> = stmt
        .query_map(params_from_iter(args), store::map)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|t| store::with_assignees(conn, t))
        .collect()
}
