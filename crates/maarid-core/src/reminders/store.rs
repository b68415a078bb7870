//! Reading and writing reminder rows, and where a reminder stands at a given moment.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use super::recurrence::{Ends, Occ, Recurrence, Repeat, Series};
use crate::alerts::{RecordKind, RecordRef};
use crate::ids::stamp;
use crate::{Error, Result};

const LOCAL: &str = "%Y-%m-%dT%H:%M:%S";

pub(super) fn local_text(t: NaiveDateTime) -> String {
    t.format(LOCAL).to_string()
}

fn parse_local(s: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, LOCAL).map_err(|e| bad(e.to_string()))
}

fn parse_utc(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| bad(e.to_string()))
}

fn bad(e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
}

pub(super) const SELECT: &str = "SELECT r.id, r.title, r.note, r.anchor_local, r.link_kind,
        r.link_id, r.assignee_id, COALESCE(NULLIF(u.full_name, ''), u.username, ''), r.repeat,
        r.every, r.weekdays, r.month_day, r.until_on, r.max_count, r.status, r.next_index,
        r.next_local, r.next_at, r.snoozed_until, r.created_by, r.created_at, r.updated_at
     FROM reminders r LEFT JOIN users u ON u.id = r.assignee_id
     WHERE r.deleted_at IS NULL";

pub(super) fn map(r: &Row) -> rusqlite::Result<Reminder> {
    let link = match (
        r.get::<_, Option<String>>(4)?,
        r.get::<_, Option<String>>(5)?,
    ) {
        (Some(k), Some(id)) => RecordKind::parse(&k).map(|kind| RecordRef { kind, id }),
        _ => None,
    };
    let until: Option<String> = r.get(12)?;
    let count: Option<u32> = r.get(13)?;
    let ends = match (until, count) {
        (Some(u), _) => {
            Ends::Until(NaiveDate::parse_from_str(&u, "%Y-%m-%d").map_err(|e| bad(e.to_string()))?)
        }
        (None, Some(n)) => Ends::After(n),
        _ => Ends::Never,
    };
    let next_at = parse_utc(&r.get::<_, String>(17)?)?;
    let snoozed_until = r
        .get::<_, Option<String>>(18)?
        .map(|s| parse_utc(&s))
        .transpose()?;
    Ok(Reminder {
        id: r.get(0)?,
        title: r.get(1)?,
        note: r.get(2)?,
        due: parse_local(&r.get::<_, String>(3)?)?,
        link,
        assignee_id: r.get(6)?,
        assignee_name: r.get(7)?,
        recurrence: Recurrence {
            repeat: Repeat::parse(&r.get::<_, String>(8)?).unwrap_or(Repeat::None),
            every: r.get(9)?,
            weekdays: Recurrence::weekdays_from_mask(r.get(10)?),
            month_day: r.get(11)?,
            ends,
        },
        status: ReminderStatus::parse(&r.get::<_, String>(14)?).unwrap_or(ReminderStatus::Done),
        next_index: r.get(15)?,
        next_local: parse_local(&r.get::<_, String>(16)?)?,
        next_at,
        snoozed_until,
        fires_at: snoozed_until.unwrap_or(next_at),
        created_by: r.get(19)?,
        created_at: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

pub(super) fn get_in(conn: &Connection, id: &str) -> Result<Reminder> {
    conn.query_row(&format!("{SELECT} AND r.id = ?1"), [id.trim()], map)
        .optional()?
        .ok_or_else(|| Error::not_found("reminder", id))
}

/// A reminder as written: the input, its assignee, status and pending occurrence.
pub(super) struct Saved<'a> {
    pub input: &'a ReminderInput,
    pub assignee_id: &'a str,
    pub status: ReminderStatus,
    pub pending: Occ,
    pub snoozed_until: Option<DateTime<Utc>>,
}

pub(super) fn insert(
    conn: &Connection,
    id: &str,
    row: &Saved,
    by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    // The row's keys first, then the same UPDATE an edit runs: one column list to keep
    // in step with the schema.
    conn.execute(
        "INSERT INTO reminders (id, title, note, anchor_local, assignee_id, next_local, next_at,
            created_by, created_at, updated_at)
         VALUES (?1, '', '', ?2, ?3, ?2, ?4, ?5, ?4, ?4)",
        params![
            id,
            local_text(row.input.due),
            row.assignee_id,
            stamp(now),
            by
        ],
    )?;
    update(conn, id, row, now)
}

pub(super) fn update(conn: &Connection, id: &str, row: &Saved, now: DateTime<Utc>) -> Result<()> {
    let i = row.input;
    let rule = &i.recurrence;
    let (until, count) = match rule.ends {
        Ends::Never => (None, None),
        Ends::Until(d) => (Some(ymd(d)), None),
        Ends::After(n) => (None, Some(n)),
    };
    let monthly = rule.repeat == Repeat::Monthly;
    conn.execute(
        "UPDATE reminders SET title = ?2, note = ?3, anchor_local = ?4, link_kind = ?5,
            link_id = ?6, assignee_id = ?7, repeat = ?8, every = ?9, weekdays = ?10,
            month_day = ?11, until_on = ?12, max_count = ?13, status = ?14, next_index = ?15,
            next_local = ?16, next_at = ?17, snoozed_until = ?18, updated_at = ?19
         WHERE id = ?1",
        params![
            id,
            i.title.trim(),
            i.note.trim(),
            local_text(i.due),
            i.link.as_ref().map(|l| l.kind.key()),
            i.link.as_ref().map(|l| l.id.as_str()),
            row.assignee_id,
            rule.repeat.key(),
            if rule.repeat == Repeat::None {
                1
            } else {
                rule.every
            },
            if rule.repeat == Repeat::Weekly {
                rule.weekday_mask()
            } else {
                0
            },
            if monthly { rule.month_day } else { None },
            until,
            count,
            row.status.key(),
            row.pending.index,
            local_text(row.pending.local),
            stamp(row.pending.at),
            row.snoozed_until.map(stamp),
            stamp(now),
        ],
    )?;
    Ok(())
}

/// Moves the pending occurrence (and its snooze), or finishes the reminder.
pub(super) fn set_pending(
    conn: &Connection,
    id: &str,
    pending: Option<Occ>,
    snoozed_until: Option<DateTime<Utc>>,
    finished_as: ReminderStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    match pending {
        Some(p) => conn.execute(
            "UPDATE reminders SET next_index = ?2, next_local = ?3, next_at = ?4,
                snoozed_until = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                id,
                p.index,
                local_text(p.local),
                stamp(p.at),
                snoozed_until.map(stamp),
                stamp(now)
            ],
        )?,
        None => conn.execute(
            "UPDATE reminders SET status = ?2, snoozed_until = NULL, updated_at = ?3 WHERE id = ?1",
            params![id, finished_as.key(), stamp(now)],
        )?,
    };
    Ok(())
}

/// Where a reminder stands at `now`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    /// The occurrence in hand: the pending one, or the latest one since that fell due.
    pub current: Occ,
    /// When `current` fires: its snooze, else its own time.
    pub fire_at: DateTime<Utc>,
    pub snoozed: Option<DateTime<Utc>>,
    /// The occurrence after it, if the series goes on.
    pub next: Option<Occ>,
}

pub(crate) fn series(r: &Reminder, tz: Tz) -> Series<'_> {
    Series {
        rule: &r.recurrence,
        anchor: r.due,
        tz,
    }
}

pub(crate) fn plan(r: &Reminder, tz: Tz, now: DateTime<Utc>) -> Plan {
    let s = series(r, tz);
    let pending = s.at(r.next_index, r.next_local);
    let current = s.roll(pending, now);
    // A newer occurrence that has come supersedes the snooze of an older one.
    let snoozed = r.snoozed_until.filter(|_| current.index == pending.index);
    Plan {
        current,
        fire_at: snoozed.unwrap_or(current.at),
        snoozed,
        next: s.after(&current),
    }
}

/// The occurrence a new or re-planned series waits on: a one-off's only one (even
/// if already past: it is overdue), else the first not before `now`.
pub(super) fn first_pending(s: &Series, now: DateTime<Utc>) -> Option<Occ> {
    let first = s.first()?;
    let rolled = s.roll(first, now);
    if rolled.at < now {
        Some(s.after(&rolled).unwrap_or(rolled))
    } else {
        Some(rolled)
    }
}

/// Active reminders (for the schedule).
pub(crate) fn active(conn: &Connection) -> Result<Vec<Reminder>> {
    let mut stmt = conn.prepare(&format!("{SELECT} AND r.status = 'active'"))?;
    let rows = stmt.query_map([], map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
