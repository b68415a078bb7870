//! The schedule against a controllable clock on a real database file: the instant to
//! sleep until, what is due, delivery exactly once (across a reopened file and two
//! processes' worth of connections racing), the catch-up group, re-planning after an
//! edit and a snooze, done, and muting.

mod common;
mod reminder_fixtures;

use std::sync::{Arc, Barrier};

use chrono::Duration;
use maarid_core::alerts::{self, NotificationKind, RecordKind};
use maarid_core::reminders::{self, Ends, ReminderStatus, Repeat, Snooze};
use maarid_core::{Db, Locale};
use reminder_fixtures::*;

fn next_due(db: &Db, now: &str) -> Option<String> {
    db.read(|c| alerts::next_due(c, utc(now)))
        .unwrap()
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn due(db: &Db, now: &str) -> Vec<alerts::Occurrence> {
    db.read(|c| alerts::due_at(c, utc(now))).unwrap()
}

fn titles(v: &[alerts::Occurrence]) -> Vec<String> {
    v.iter().map(|o| o.title.en.clone()).collect()
}

#[test]
fn a_one_off_is_due_at_its_time_and_delivered_once() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let r = add(&t.db, a, &once("اتصل بأحمد", "2026-12-01T09:00"), None);

    assert_eq!(
        next_due(&t.db, "2026-11-30T12:00:00Z").as_deref(),
        Some("2026-12-01T06:00:00Z")
    );
    assert!(due(&t.db, "2026-12-01T05:59:59Z").is_empty(), "not yet");
    let now = utc("2026-12-01T06:00:00Z");
    let d = due(&t.db, "2026-12-01T06:00:00Z");
    assert_eq!(titles(&d), ["اتصل بأحمد"]);
    assert_eq!(d[0].kind, NotificationKind::Reminder);
    assert_eq!(d[0].recipient_id, admin.user.id.clone().into());
    assert_eq!(d[0].open.as_ref().unwrap().kind, RecordKind::Reminder);
    assert_eq!(d[0].body.en, "Due at 09:00", "local time in the body");
    // Due and undelivered: the instant to wake at is already here.
    assert_eq!(
        next_due(&t.db, "2026-12-01T06:30:00Z").as_deref(),
        Some("2026-12-01T06:00:00Z")
    );

    let fresh = alerts::deliver(&t.db, &d, now).unwrap();
    assert_eq!(fresh.len(), 1);
    assert!(alerts::deliver(&t.db, &d, now).unwrap().is_empty(), "twice");
    assert!(due(&t.db, "2026-12-01T06:01:00Z").is_empty());
    assert_eq!(next_due(&t.db, "2026-12-01T06:01:00Z"), None);
    // Still active until done: delivery is not doing.
    let r = reminders::get(&t.db, a, &r.id).unwrap();
    assert_eq!(r.status, ReminderStatus::Active);
    let r = reminders::done(&t.db, a, &r.id, utc("2026-12-01T07:00:00Z")).unwrap();
    assert_eq!(r.status, ReminderStatus::Done);
    let e = reminders::done(&t.db, a, &r.id, utc("2026-12-01T07:00:00Z")).unwrap_err();
    assert_eq!(e.code(), "reminder_not_active");
}

#[test]
fn nothing_is_delivered_twice_after_the_database_is_reopened() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    add(&t.db, a, &once("أ", "2026-12-01T09:00"), None);
    add(&t.db, a, &once("ب", "2026-12-01T09:05"), None);
    let path = t.db.path().to_path_buf();
    let now = utc("2026-12-01T06:10:00Z");
    let d = due(&t.db, "2026-12-01T06:10:00Z");
    assert_eq!(alerts::deliver(&t.db, &d, now).unwrap().len(), 2);
    drop(t.db);

    // A "restart": a new process opens the same file.
    let db = Db::open(&path).unwrap();
    assert!(due(&db, "2026-12-01T06:11:00Z").is_empty());
    assert!(alerts::deliver(&db, &d, now + Duration::minutes(1))
        .unwrap()
        .is_empty());
    assert_eq!(
        db.read(alerts::delivered).unwrap(),
        2,
        "one row per occurrence"
    );
}

#[test]
fn two_deliverers_racing_on_the_same_file_share_the_occurrences_exactly_once() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    for i in 0..30 {
        add(&t.db, a, &once(&format!("r{i}"), "2026-12-01T09:00"), None);
    }
    let path = t.db.path().to_path_buf();
    let now = utc("2026-12-01T06:00:00Z");
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                // Each thread is its own app instance: its own connections to the file.
                let db = Db::open(&path).unwrap();
                let d = db.read(|c| alerts::due_at(c, now)).unwrap();
                assert_eq!(d.len(), 30, "both see everything due");
                barrier.wait();
                let mut mine = Vec::new();
                // In small batches, so the two interleave.
                for chunk in d.chunks(3) {
                    mine.extend(alerts::deliver(&db, chunk, now).unwrap());
                }
                mine.into_iter().map(|o| o.source_id).collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert_eq!(all.len(), 30, "each occurrence handed out once in all");
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 30, "and never to both");
}

#[test]
fn after_a_long_gap_missed_occurrences_come_as_one_grouped_notification() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    for (i, day) in ["01", "02", "03", "04", "05"].iter().enumerate() {
        add(
            &t.db,
            a,
            &once(
                &format!("Call customer {i}"),
                &format!("2026-12-{day}T10:00"),
            ),
            None,
        );
    }
    // A daily reminder missed for a week fires once, for its latest occurrence.
    let daily = add(
        &t.db,
        a,
        &repeating(
            "Open the showroom",
            "2026-12-01T08:00",
            Repeat::Daily,
            Ends::Never,
        ),
        None,
    );
    let back = utc("2026-12-08T09:00:00Z"); // 12:00 in Riyadh, a week later
    let d = due(&t.db, "2026-12-08T09:00:00Z");
    assert_eq!(d.len(), 6, "{:?}", titles(&d));
    let daily_occ: Vec<_> = d.iter().filter(|o| o.source_id == daily.id).collect();
    assert_eq!(daily_occ.len(), 1);
    assert_eq!(daily_occ[0].fire_at, utc("2026-12-08T05:00:00Z"));

    let fresh = alerts::deliver(&t.db, &d, back).unwrap();
    let tz = chrono_tz::Asia::Riyadh;
    let en = alerts::compose(&fresh, Locale::En, back, 3, tz);
    assert_eq!(en.len(), 1, "{en:?}");
    assert_eq!(en[0].title, "6 reminders while you were away");
    assert_eq!(en[0].count, 6);
    assert_eq!(en[0].open, None, "a group opens the notification center");
    assert!(en[0].body.contains("Call customer 0 (2026-12-01 10:00)"));
    assert!(en[0].body.contains("Open the showroom (2026-12-08 08:00)"));
    let ar = alerts::compose(&fresh, Locale::Ar, back, 3, tz);
    assert_eq!(ar[0].title, "تذكيرات أثناء غيابك: 6");

    // Three missed (not more than the threshold) stay one each; on-time ones too.
    let few = &fresh[..3];
    assert_eq!(alerts::compose(few, Locale::En, back, 3, tz).len(), 3);
    let on_time: Vec<_> = fresh
        .iter()
        .map(|o| alerts::Occurrence {
            fire_at: back,
            ..o.clone()
        })
        .collect();
    assert_eq!(alerts::compose(&on_time, Locale::En, back, 3, tz).len(), 6);

    // The daily series settled on today's occurrence: tomorrow's is next.
    assert_eq!(
        next_due(&t.db, "2026-12-08T09:00:00Z").as_deref(),
        Some("2026-12-09T05:00:00Z")
    );
}

#[test]
fn editing_the_time_replans_and_the_old_time_never_fires() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let r = add(&t.db, a, &once("موعد", "2026-12-01T09:00"), None);
    let mut input = once("موعد مؤجل", "2026-12-02T11:30");
    input.note = "أحضر العقد".into();
    let now = utc("2026-11-30T10:00:00Z");
    reminders::update(&t.db, a, &r.id, &input, now).unwrap();
    assert_eq!(
        next_due(&t.db, "2026-11-30T10:00:00Z").as_deref(),
        Some("2026-12-02T08:30:00Z")
    );
    assert!(due(&t.db, "2026-12-01T07:00:00Z").is_empty());
    let d = due(&t.db, "2026-12-02T08:30:00Z");
    assert_eq!(titles(&d), ["موعد مؤجل"]);
    assert_eq!(d[0].body.ar, "أحضر العقد");

    // An edit that leaves the time alone keeps the delivered occurrence delivered.
    alerts::deliver(&t.db, &d, utc("2026-12-02T08:30:00Z")).unwrap();
    input.title = "موعد مهم".into();
    reminders::update(&t.db, a, &r.id, &input, utc("2026-12-02T08:31:00Z")).unwrap();
    assert!(due(&t.db, "2026-12-02T08:32:00Z").is_empty());

    // Deleted reminders never fire.
    let gone = add(&t.db, a, &once("ملغى", "2026-12-03T09:00"), None);
    reminders::delete(&t.db, a, &gone.id, now).unwrap();
    assert!(due(&t.db, "2026-12-03T09:00:00Z").is_empty());
    assert_eq!(
        reminders::get(&t.db, a, &gone.id).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_snoozed_occurrence_fires_again_at_the_new_time_only() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut s = set_zone(&t.db, a, "Asia/Riyadh");
    s.morning_hour = 8;
    alerts::settings::update(&t.db, a, &s, setup_time()).unwrap();
    let r = add(&t.db, a, &once("اتصل", "2026-12-01T09:00"), None);
    let at = utc("2026-12-01T06:00:00Z");
    alerts::deliver(&t.db, &due(&t.db, "2026-12-01T06:00:00Z"), at).unwrap();

    let r = reminders::snooze(&t.db, a, &r.id, Snooze::TenMinutes, at).unwrap();
    assert_eq!(r.fires_at, utc("2026-12-01T06:10:00Z"));
    assert!(
        due(&t.db, "2026-12-01T06:05:00Z").is_empty(),
        "original not again"
    );
    assert_eq!(
        next_due(&t.db, "2026-12-01T06:05:00Z").as_deref(),
        Some("2026-12-01T06:10:00Z")
    );
    let d = due(&t.db, "2026-12-01T06:10:00Z");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].occurrence_at, utc("2026-12-01T06:10:00Z"));
    assert_eq!(
        alerts::deliver(&t.db, &d, utc("2026-12-01T06:10:00Z"))
            .unwrap()
            .len(),
        1
    );

    // Tomorrow morning: 08:00 Riyadh time the next day.
    let r = reminders::snooze(
        &t.db,
        a,
        &r.id,
        Snooze::TomorrowMorning,
        utc("2026-12-01T20:30:00Z"), // 23:30 local
    )
    .unwrap();
    assert_eq!(r.fires_at, utc("2026-12-02T05:00:00Z"));
    let e = reminders::snooze(
        &t.db,
        a,
        &r.id,
        Snooze::Until(utc("2026-12-01T00:00:00Z")),
        utc("2026-12-01T20:30:00Z"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(
        reminders::get(&t.db, a, &r.id).unwrap().fires_at,
        utc("2026-12-02T05:00:00Z"),
        "a refused snooze changes nothing"
    );
}

#[test]
fn done_on_a_series_moves_it_on_and_a_newer_occurrence_supersedes_a_snooze() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let r = add(
        &t.db,
        a,
        &repeating(
            "تقرير يومي",
            "2026-12-01T09:00",
            Repeat::Daily,
            Ends::After(3),
        ),
        None,
    );
    let r = reminders::done(&t.db, a, &r.id, utc("2026-12-01T06:30:00Z")).unwrap();
    assert_eq!(r.status, ReminderStatus::Active);
    assert_eq!(r.next_at, utc("2026-12-02T06:00:00Z"));
    assert_eq!(
        next_due(&t.db, "2026-12-01T06:30:00Z").as_deref(),
        Some("2026-12-02T06:00:00Z")
    );

    // Snoozed past the next occurrence: at 09:00 the next day's occurrence fires.
    let r = reminders::snooze(
        &t.db,
        a,
        &r.id,
        Snooze::Until(utc("2026-12-03T12:00:00Z")),
        utc("2026-12-02T06:00:00Z"),
    )
    .unwrap();
    assert_eq!(r.fires_at, utc("2026-12-03T12:00:00Z"));
    assert_eq!(
        next_due(&t.db, "2026-12-02T06:01:00Z").as_deref(),
        Some("2026-12-03T06:00:00Z")
    );
    let d = due(&t.db, "2026-12-03T06:00:00Z");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].occurrence_at, utc("2026-12-03T06:00:00Z"));
    alerts::deliver(&t.db, &d, utc("2026-12-03T06:00:00Z")).unwrap();
    assert!(
        due(&t.db, "2026-12-03T12:00:00Z").is_empty(),
        "the superseded snooze does not fire"
    );
    let r = reminders::dismiss(&t.db, a, &r.id, utc("2026-12-03T13:00:00Z")).unwrap();
    assert_eq!(
        r.status,
        ReminderStatus::Dismissed,
        "the third was the last"
    );
    let h = reminders::history(&t.db, a, &r.id).unwrap();
    let outcomes: Vec<&str> = h.iter().map(|o| o.outcome.as_str()).collect();
    assert_eq!(outcomes, ["dismissed", "done"]);
}

#[test]
fn a_muted_kind_is_neither_due_nor_planned() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    add(&t.db, a, &once("صامت", "2026-12-01T09:00"), None);
    set_kind(&t.db, a, NotificationKind::Reminder, true, None);
    assert!(due(&t.db, "2026-12-01T07:00:00Z").is_empty());
    assert_eq!(next_due(&t.db, "2026-11-30T00:00:00Z"), None);
    set_kind(&t.db, a, NotificationKind::Reminder, false, None);
    assert_eq!(due(&t.db, "2026-12-01T07:00:00Z").len(), 1);
    assert_eq!(
        next_due(&t.db, "2026-11-30T00:00:00Z").as_deref(),
        Some("2026-12-01T06:00:00Z")
    );
}

#[test]
fn a_reminder_deleted_between_due_and_deliver_does_not_fail_the_batch() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let gone = add(&t.db, a, &once("يُحذف", "2026-12-01T09:00"), None);
    add(&t.db, a, &once("يبقى", "2026-12-01T09:00"), None);
    let now = utc("2026-12-01T06:00:00Z");
    let d = due(&t.db, "2026-12-01T06:00:00Z");
    assert_eq!(d.len(), 2);
    reminders::delete(&t.db, a, &gone.id, now).unwrap();
    assert_eq!(alerts::deliver(&t.db, &d, now).unwrap().len(), 2);
    assert!(due(&t.db, "2026-12-01T06:00:00Z").is_empty());
}

#[test]
fn take_due_hands_each_user_their_own_notifications_once_in_their_language() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut s = set_zone(&t.db, a, "Asia/Riyadh");
    s.group_over = 2;
    alerts::settings::update(&t.db, a, &s, setup_time()).unwrap();
    let sara = maarid_core::users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    for i in 0..3 {
        add(
            &t.db,
            a,
            &once(&format!("لسارة {i}"), "2026-12-01T09:00"),
            Some("sara"),
        );
    }
    add(&t.db, a, &once("للمدير", "2026-12-01T09:00"), None);

    // On time: one notification each, Sara's only.
    let now = utc("2026-12-01T06:00:30Z");
    let hers = alerts::take_due(&t.db, Some(&sara.id), Locale::Ar, now).unwrap();
    assert_eq!(hers.len(), 3);
    assert!(hers
        .iter()
        .all(|n| n.title.starts_with("لسارة") && n.body == "الموعد 09:00"));
    assert!(alerts::take_due(&t.db, Some(&sara.id), Locale::Ar, now)
        .unwrap()
        .is_empty());
    // The admin's, taken an hour late, stays single (one is not more than two).
    let later = utc("2026-12-01T07:00:00Z");
    let his = alerts::take_due(&t.db, Some(&admin.user.id), Locale::En, later).unwrap();
    assert_eq!(his.len(), 1);
    assert_eq!(his[0].body, "Due at 09:00");

    // Three of Sara's missed the next day: more than the setting's two, so grouped.
    for i in 0..3 {
        add(
            &t.db,
            a,
            &once(&format!("غدًا {i}"), "2026-12-02T09:00"),
            Some("sara"),
        );
    }
    let back = utc("2026-12-02T10:00:00Z");
    let grouped = alerts::take_due(&t.db, Some(&sara.id), Locale::Ar, back).unwrap();
    assert_eq!(grouped.len(), 1);
    assert_eq!(grouped[0].title, "تذكيرات أثناء غيابك: 3");
}

#[test]
fn another_users_undelivered_item_does_not_hold_the_next_wake_in_the_past() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let sara = maarid_core::users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    add(&t.db, a, &once("لسارة", "2026-12-01T09:00"), Some("sara"));
    add(&t.db, a, &once("للمدير", "2026-12-01T11:00"), None);
    let now = utc("2026-12-01T07:00:00Z");
    let at = |user: Option<&str>| {
        t.db.read(|c| alerts::next_due_for(c, user, now))
            .unwrap()
            .map(|t| t.format("%H:%M").to_string())
    };
    // Sara's 09:00 (06:00Z) is due and not delivered (she is not logged in): for
    // everyone the wake is in the past; for the admin it is his own 11:00 (08:00Z).
    assert_eq!(at(None).as_deref(), Some("06:00"));
    assert_eq!(at(Some(&admin.user.id)).as_deref(), Some("08:00"));
    assert_eq!(at(Some(&sara.id)).as_deref(), Some("06:00"));
}
