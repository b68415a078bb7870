//! Shared by the reminders tests: a controllable clock (plain instants passed as
//! `now`), the notification time zone, and reminder inputs.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDateTime, Utc};
use maarid_core::access::Actor;
use maarid_core::alerts::{self, NotificationKind, NotificationSettings};
use maarid_core::reminders::{self, Ends, Recurrence, Reminder, ReminderInput, Repeat};
use maarid_core::Db;

/// An instant: "2026-12-01T06:00:00Z".
pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A wall-clock time: "2026-12-01T09:00".
pub fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// Any fixed moment well before the tests' dates, for set-up calls.
pub fn setup_time() -> DateTime<Utc> {
    utc("2026-01-01T00:00:00Z")
}

pub fn set_zone(db: &Db, admin: &Actor, zone: &str) -> NotificationSettings {
    let mut s = alerts::settings::get(db).unwrap();
    s.time_zone = Some(zone.into());
    alerts::settings::update(db, admin, &s, setup_time()).unwrap()
}

pub fn set_kind(db: &Db, admin: &Actor, kind: NotificationKind, muted: bool, lead: Option<u32>) {
    let mut s = alerts::settings::get(db).unwrap();
    s.set_kind(kind, Some(muted), lead);
    alerts::settings::update(db, admin, &s, setup_time()).unwrap();
}

pub fn once(title: &str, due: &str) -> ReminderInput {
    ReminderInput {
        title: title.into(),
        note: String::new(),
        due: wall(due),
        link: None,
        assignee: None,
        recurrence: Recurrence::default(),
    }
}

pub fn repeating(title: &str, due: &str, repeat: Repeat, ends: Ends) -> ReminderInput {
    ReminderInput {
        recurrence: Recurrence {
            repeat,
            ends,
            ..Default::default()
        },
        ..once(title, due)
    }
}

/// Creates as `actor`, for `assignee` (the admin from `ready_db` when none).
pub fn add(db: &Db, actor: &Actor, input: &ReminderInput, assignee: Option<&str>) -> Reminder {
    let mut i = input.clone();
    if i.assignee.is_none() {
        i.assignee = assignee.map(Into::into);
    }
    reminders::create(db, actor, &i, setup_time()).unwrap()
}

/// The wall-clock times of a series, walked by marking each occurrence done at its
/// own time, until the reminder is finished or `max` occurrences were seen.
pub fn walk(db: &Db, actor: &Actor, id: &str, max: usize) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let mut r = reminders::get(db, actor, id).unwrap();
    while r.status == reminders::ReminderStatus::Active && seen.len() < max {
        seen.push((
            r.next_local.format("%Y-%m-%dT%H:%M").to_string(),
            r.next_at.format("%Y-%m-%dT%H:%MZ").to_string(),
        ));
        r = reminders::done(db, actor, id, r.next_at).unwrap();
    }
    seen
}
