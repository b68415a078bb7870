//! Reminders: a title, a note, a due time, an optional linked record (contact, inquiry,
//! quotation; tasks and documents once they exist) and the user it is for, one-off or
//! repeating (see [`recurrence`]).
//!
//! # Occurrences
//! A reminder waits on one *pending* occurrence (`next_index`, `next_local`,
//! `next_at`). **Done** and **dismiss** act on the occurrence in hand and move a
//! series on to its next occurrence (a one-off, or a series at its end, is then
//! finished). **Snooze** moves only the occurrence in hand to a later instant; the
//! series' later occurrences keep their times, and one that comes before the snooze
//! ends supersedes it. Occurrences of a series that fell due while the app was
//! closed collapse into the latest one: a daily reminder missed for a week fires
//! once, not seven times.
//!
//! **Editing** the time or the rule re-plans: the pending occurrence becomes the
//! first of the new series not before now (a one-off's only one, even if past), the
//! snooze is dropped, and a finished reminder becomes active again.
//!
//! # Time
//! Due times are typed as local wall-clock times in the notification time zone (see
//! `alerts::settings`); occurrences are planned in that zone and stored as UTC
//! instants. Every function that depends on the time takes `now` explicitly.
//!
//! # Rights
//! `DocType::Reminder`, owned by the assignee: with "own" a user sees and changes
//! only reminders assigned to them and cannot assign one to someone else; deleting
//! is a tombstone (`deleted_at`), like every other record.

mod error;
mod model;
pub mod recurrence;
mod store;

pub use error::ReminderError;
pub use model::*;
pub use recurrence::{Ends, Recurrence, Repeat};

pub(crate) use store::{active, plan, Plan};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::{params, params_from_iter, types::Value, Connection};

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::alerts::{self, zone, NotificationKind, Occurrence, RecordKind, RecordRef};
use crate::db::Db;
use crate::i18n::Text;
use crate::ids::{new_id, stamp};
use crate::{audit, users, Error, Result};

use store::{first_pending, series, Saved};

const ENTITY: &str = "reminder";
const MAX_TITLE: usize = 200;
const MAX_NOTE: usize = 5000;

fn zone_in(conn: &Connection) -> Result<Tz> {
    Ok(alerts::settings::get_in(conn)?.zone())
}

fn authorize_on(actor: &Actor, action: Action, r: &Reminder) -> Result<()> {
    actor.authorize(
        DocType::Reminder,
        action,
        Target::OwnedBy(Some(&r.assignee_id)),
    )
}

/// Checks the input and resolves the assignee (default: the acting user).
fn check(conn: &Connection, actor: &Actor, input: &ReminderInput) -> Result<String> {
    let title = input.title.trim();
    if title.is_empty() {
        return Err(ReminderError::TitleRequired.into());
    }
    if title.chars().count() > MAX_TITLE {
        return Err(ReminderError::TitleTooLong.into());
    }
    if input.note.trim().chars().count() > MAX_NOTE {
        return Err(ReminderError::NoteTooLong.into());
    }
    input.recurrence.validate(input.due)?;
    if let Some(link) = &input.link {
        check_link(conn, link)?;
    }
    match input
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        Some(key) => Ok(users::find_in(conn, key)?.id),
        None => actor
            .user_id
            .clone()
            .ok_or_else(|| ReminderError::NoAssignee.into()),
    }
}

/// The linked record must exist (and not be deleted). Kinds without a table yet
/// (tasks, documents) are refused until their module adds the table.
fn check_link(conn: &Connection, link: &RecordRef) -> Result<()> {
    let table = match link.kind {
        RecordKind::Reminder => None,
        k => k.table(),
    }
    .ok_or(ReminderError::LinkNotAvailable(link.kind.key()))?;
    let exists: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL)"),
        [link.id.trim()],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::not_found(link.kind.key(), link.id.trim()))
    }
}

fn trimmed(input: &ReminderInput) -> ReminderInput {
    let mut i = input.clone();
    i.title = i.title.trim().to_string();
    i.note = i.note.trim().to_string();
    if let Some(l) = i.link.as_mut() {
        l.id = l.id.trim().to_string();
    }
    i
}

pub fn create(
    db: &Db,
    actor: &Actor,
    input: &ReminderInput,
    now: DateTime<Utc>,
) -> Result<Reminder> {
    actor.authorize(DocType::Reminder, Action::Create, Target::Own)?;
    db.write(|tx| {
        let assignee = check(tx, actor, input)?;
        actor.authorize(
            DocType::Reminder,
            Action::Create,
            Target::OwnedBy(Some(&assignee)),
        )?;
        let input = trimmed(input);
        let tz = zone_in(tx)?;
        let s = recurrence::Series {
            rule: &input.recurrence,
            anchor: input.due,
            tz,
        };
        let pending = first_pending(&s, now).ok_or(ReminderError::EndBeforeStart {
            until: input.due.date(),
            first: input.due.date(),
        })?;
        let id = new_id();
        let row = Saved {
            input: &input,
            assignee_id: &assignee,
            status: ReminderStatus::Active,
            pending,
            snoozed_until: None,
        };
        store::insert(tx, &id, &row, actor.user_id.as_deref(), now)?;
        let after = store::get_in(tx, &id)?;
        audit::record::<(), _>(
            tx,
            actor,
            "reminder.create",
            ENTITY,
            Some(&id),
            None,
            Some(&after),
        )?;
        Ok(after)
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Reminder> {
    let r = db.read(|c| store::get_in(c, id))?;
    authorize_on(actor, Action::Read, &r)?;
    Ok(r)
}

/// Changes a reminder. A new time or rule re-plans it (see the module documentation).
pub fn update(
    db: &Db,
    actor: &Actor,
    id: &str,
    input: &ReminderInput,
    now: DateTime<Utc>,
) -> Result<Reminder> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        let mut input = trimmed(input);
        // Keeping the assignee needs no name; an own-scope user cannot hand it on.
        if input.assignee.is_none() {
            input.assignee = Some(before.assignee_id.clone());
        }
        let assignee = check(tx, actor, &input)?;
        actor.authorize(
            DocType::Reminder,
            Action::Write,
            Target::OwnedBy(Some(&assignee)),
        )?;
        let same_schedule = input.due == before.due && input.recurrence == before.recurrence;
        let (status, pending, snoozed) = if same_schedule {
            let s = series(&before, zone_in(tx)?);
            (
                before.status,
                s.at(before.next_index, before.next_local),
                before.snoozed_until,
            )
        } else {
            let s = recurrence::Series {
                rule: &input.recurrence,
                anchor: input.due,
                tz: zone_in(tx)?,
            };
            let p = first_pending(&s, now).ok_or(ReminderError::EndBeforeStart {
                until: input.due.date(),
                first: input.due.date(),
            })?;
            (ReminderStatus::Active, p, None)
        };
        let row = Saved {
            input: &input,
            assignee_id: &assignee,
            status,
            pending,
            snoozed_until: snoozed,
        };
        store::update(tx, &before.id, &row, now)?;
        let after = store::get_in(tx, &before.id)?;
        audit::record(
            tx,
            actor,
            "reminder.update",
            ENTITY,
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Tombstones the reminder; it no longer fires or lists.
pub fn delete(db: &Db, actor: &Actor, id: &str, now: DateTime<Utc>) -> Result<()> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Delete, &before)?;
        tx.execute(
            "UPDATE reminders SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![before.id, stamp(now)],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "reminder.delete",
            ENTITY,
            Some(&before.id),
            Some(&before),
            None,
        )
    })
}

/// The occurrence in hand is done; a series moves on to its next occurrence.
pub fn done(db: &Db, actor: &Actor, id: &str, now: DateTime<Utc>) -> Result<Reminder> {
    close_occurrence(db, actor, id, now, ReminderStatus::Done)
}

/// The occurrence in hand is let go without being done; a series moves on.
pub fn dismiss(db: &Db, actor: &Actor, id: &str, now: DateTime<Utc>) -> Result<Reminder> {
    close_occurrence(db, actor, id, now, ReminderStatus::Dismissed)
}

fn close_occurrence(
    db: &Db,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
    outcome: ReminderStatus,
) -> Result<Reminder> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        if before.status != ReminderStatus::Active {
            return Err(ReminderError::NotActive.into());
        }
        let p = plan(&before, zone_in(tx)?, now);
        tx.execute(
            "INSERT OR REPLACE INTO reminder_occurrences (reminder_id, occurrence_at, outcome, at, by_user)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![before.id, stamp(p.current.at), outcome.key(), stamp(now), actor.user_id],
        )?;
        store::set_pending(tx, &before.id, p.next, None, outcome, now)?;
        let after = store::get_in(tx, &before.id)?;
        audit::record(
            tx,
            actor,
            &format!("reminder.{}", outcome.key()),
            ENTITY,
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Fires the occurrence in hand again later. The original time is not delivered
/// again: the snoozed occurrence is identified by its new instant.
pub fn snooze(
    db: &Db,
    actor: &Actor,
    id: &str,
    how: Snooze,
    now: DateTime<Utc>,
) -> Result<Reminder> {
    db.write(|tx| {
        let before = store::get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        if before.status != ReminderStatus::Active {
            return Err(ReminderError::NotActive.into());
        }
        let settings = alerts::settings::get_in(tx)?;
        let tz = settings.zone();
        let until = match how {
            Snooze::TenMinutes => now + Duration::minutes(10),
            Snooze::OneHour => now + Duration::hours(1),
            Snooze::TomorrowMorning => {
                let tomorrow = zone::local(tz, now).date() + Duration::days(1);
                zone::at_hour(tz, tomorrow, settings.morning_hour)
            }
            Snooze::Until(t) => t,
        };
        if until <= now {
            return Err(ReminderError::SnoozeInPast.into());
        }
        let p = plan(&before, tz, now);
        store::set_pending(
            tx,
            &before.id,
            Some(p.current),
            Some(until),
            ReminderStatus::Active,
            now,
        )?;
        let after = store::get_in(tx, &before.id)?;
        audit::record(
            tx,
            actor,
            "reminder.snooze",
            ENTITY,
            Some(&before.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Reminders by when they next fire. With the "own" read right, only the user's.
pub fn list(db: &Db, actor: &Actor, q: &ReminderQuery) -> Result<Vec<Reminder>> {
    let own_only = match actor.scope(DocType::Reminder, Action::Read) {
        Scope::None => {
            return Err(Error::NotPermitted {
                doc_type: DocType::Reminder.key(),
                action: Action::Read.key(),
            })
        }
        Scope::Own => Some(actor.user_id.clone().unwrap_or_default()),
        Scope::All => None,
    };
    db.read(|conn| {
        let mut sql = format!("{} ", store::SELECT);
        let mut args: Vec<Value> = Vec::new();
        let mut cond = |sql: &mut String, c: &str, v: Value| {
            args.push(v);
            sql.push_str(&format!(" AND {c} ?{}", args.len()));
        };
        if let Some(a) = q.assignee.as_deref().filter(|a| !a.trim().is_empty()) {
            let user = users::find_in(conn, a.trim())?;
            if let Some(me) = &own_only {
                if *me != user.id {
                    actor.authorize(DocType::Reminder, Action::Read, Target::Anyone)?;
                }
            }
            cond(&mut sql, "r.assignee_id =", Value::Text(user.id));
        }
        if let Some(me) = own_only {
            cond(&mut sql, "r.assignee_id =", Value::Text(me));
        }
        if !q.all_statuses {
            let s = q.status.unwrap_or(ReminderStatus::Active);
            cond(&mut sql, "r.status =", Value::Text(s.key().into()));
        }
        if let Some(b) = q.before {
            cond(
                &mut sql,
                "COALESCE(r.snoozed_until, r.next_at) <",
                Value::Text(stamp(b)),
            );
        }
        if let Some(l) = &q.link {
            cond(&mut sql, "r.link_kind =", Value::Text(l.kind.key().into()));
            cond(&mut sql, "r.link_id =", Value::Text(l.id.clone()));
        }
        let limit = q.limit.unwrap_or(200).clamp(1, 5000);
        sql.push_str(&format!(
            " ORDER BY COALESCE(r.snoozed_until, r.next_at), r.id LIMIT {limit}"
        ));
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), store::map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

/// What became of the occurrences acted on, newest first.
pub fn history(db: &Db, actor: &Actor, id: &str) -> Result<Vec<OccurrenceOutcome>> {
    let r = get(db, actor, id)?;
    db.read(|conn| {
        let mut stmt = conn.prepare(
            "SELECT occurrence_at, outcome, at FROM reminder_occurrences
             WHERE reminder_id = ?1 ORDER BY occurrence_at DESC",
        )?;
        let rows = stmt.query_map([&r.id], |row| {
            let at: String = row.get(0)?;
            Ok((at, row.get(1)?, row.get(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, outcome, when): (String, String, String) = row?;
            let occurrence_at = DateTime::parse_from_rfc3339(&at)
                .map_err(|e| Error::Internal(e.to_string()))?
                .with_timezone(&Utc);
            out.push(OccurrenceOutcome {
                occurrence_at,
                outcome,
                at: when,
            });
        }
        Ok(out)
    })
}

/// After the time zone changed: each pending occurrence keeps its wall clock.
pub(crate) fn replan_zone(conn: &Connection, tz: Tz) -> Result<()> {
    for r in active(conn)? {
        let at = zone::to_utc(tz, r.next_local);
        conn.execute(
            "UPDATE reminders SET next_at = ?2 WHERE id = ?1",
            params![r.id, stamp(at)],
        )?;
    }
    Ok(())
}

/// After an occurrence was delivered: remember the series rolled forward to it, so
/// later plans start there (and a superseded snooze is gone).
pub(crate) fn settle_delivered(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<()> {
    // Deleted or finished since it was found due: nothing to settle, and the delivery
    // itself must still be recorded.
    let r = match store::get_in(conn, id) {
        Ok(r) if r.status == ReminderStatus::Active => r,
        Ok(_) | Err(Error::NotFound { .. }) => return Ok(()),
        Err(e) => return Err(e),
    };
    let p = plan(&r, zone_in(conn)?, now);
    if p.current.index != r.next_index {
        store::set_pending(
            conn,
            id,
            Some(p.current),
            p.snoozed,
            ReminderStatus::Active,
            now,
        )?;
    }
    Ok(())
}

/// The occurrence a plan fires, as a notification source item.
pub(crate) fn occurrence(r: &Reminder, p: &Plan, tz: Tz) -> Occurrence {
    let local = zone::local(tz, p.fire_at).format("%H:%M").to_string();
    let body = if r.note.is_empty() {
        Text::new(format!("الموعد {local}"), format!("Due at {local}"))
    } else {
        Text::new(r.note.clone(), r.note.clone())
    };
    Occurrence {
        kind: NotificationKind::Reminder,
        source_id: r.id.clone(),
        occurrence_at: p.fire_at,
        fire_at: p.fire_at,
        recipient_id: Some(r.assignee_id.clone()),
        title: Text::new(r.title.clone(), r.title.clone()),
        body,
        event_on: None,
        open: Some(r.link.clone().unwrap_or(RecordRef {
            kind: RecordKind::Reminder,
            id: r.id.clone(),
        })),
    }
}
