//! Recurrence on a real database: each series walked occurrence by occurrence (marked
//! done at its own time), in zones with and without daylight saving time.

mod common;
mod reminder_fixtures;

use chrono::Weekday;
use maarid_core::reminders::{self, Ends, ReminderStatus, Repeat};
use reminder_fixtures::*;

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn monthly_on_the_31st_falls_on_the_last_day_of_shorter_months() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let mut input = repeating(
        "تجديد الاشتراك",
        "2026-01-31T09:00",
        Repeat::Monthly,
        Ends::After(5),
    );
    input.recurrence.month_day = Some(31);
    let r = add(&t.db, a, &input, None);
    assert_eq!(
        walk(&t.db, a, &r.id, 10),
        pairs(&[
            ("2026-01-31T09:00", "2026-01-31T06:00Z"),
            ("2026-02-28T09:00", "2026-02-28T06:00Z"),
            ("2026-03-31T09:00", "2026-03-31T06:00Z"),
            ("2026-04-30T09:00", "2026-04-30T06:00Z"),
            ("2026-05-31T09:00", "2026-05-31T06:00Z"),
        ])
    );
    let done = reminders::get(&t.db, a, &r.id).unwrap();
    assert_eq!(
        done.status,
        ReminderStatus::Done,
        "five occurrences, then done"
    );
    assert_eq!(reminders::history(&t.db, a, &r.id).unwrap().len(), 5);
}

#[test]
fn monthly_on_the_last_day_follows_leap_years() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let mut input = repeating(
        "إقفال الشهر",
        "2028-01-31T17:00",
        Repeat::Monthly,
        Ends::After(3),
    );
    input.recurrence.month_day = Some(-1);
    let r = add(&t.db, a, &input, None);
    let days: Vec<String> = walk(&t.db, a, &r.id, 10)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        days,
        ["2028-01-31T17:00", "2028-02-29T17:00", "2028-03-31T17:00"]
    );
}

#[test]
fn monthly_on_an_earlier_day_starts_next_month_and_every_two_months_skips_one() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let mut input = repeating("دفعة", "2026-03-20T10:00", Repeat::Monthly, Ends::After(3));
    input.recurrence.month_day = Some(5);
    input.recurrence.every = 2;
    let r = add(&t.db, a, &input, None);
    let days: Vec<String> = walk(&t.db, a, &r.id, 10)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    // Periods run from March in steps of two months; March's 5th is before the 20th,
    // so the first occurrence is in the next period: May, then July, September.
    assert_eq!(
        days,
        ["2026-05-05T10:00", "2026-07-05T10:00", "2026-09-05T10:00"]
    );
}

#[test]
fn yearly_on_29_february_falls_on_28_february_in_common_years() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let input = repeating(
        "عيد ميلاد",
        "2028-02-29T08:00",
        Repeat::Yearly,
        Ends::After(5),
    );
    let r = add(&t.db, a, &input, None);
    let days: Vec<String> = walk(&t.db, a, &r.id, 10)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        days,
        [
            "2028-02-29T08:00",
            "2029-02-28T08:00",
            "2030-02-28T08:00",
            "2031-02-28T08:00",
            "2032-02-29T08:00"
        ]
    );
}

#[test]
fn daily_nine_oclock_stays_nine_oclock_across_both_dst_changes_in_berlin() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Europe/Berlin");
    let spring = add(
        &t.db,
        a,
        &repeating("افتتاح", "2026-03-28T09:00", Repeat::Daily, Ends::After(3)),
        None,
    );
    assert_eq!(
        walk(&t.db, a, &spring.id, 10),
        pairs(&[
            ("2026-03-28T09:00", "2026-03-28T08:00Z"),
            ("2026-03-29T09:00", "2026-03-29T07:00Z"),
            ("2026-03-30T09:00", "2026-03-30T07:00Z"),
        ])
    );
    let autumn = add(
        &t.db,
        a,
        &repeating(
            "افتتاح",
            "2026-10-24T09:00",
            Repeat::Daily,
            Ends::Until(chrono::NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()),
        ),
        None,
    );
    assert_eq!(
        walk(&t.db, a, &autumn.id, 10),
        pairs(&[
            ("2026-10-24T09:00", "2026-10-24T07:00Z"),
            ("2026-10-25T09:00", "2026-10-25T08:00Z"),
        ])
    );
}

#[test]
fn a_skipped_local_time_moves_forward_by_the_gap_and_a_repeated_one_takes_the_earlier_instant() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Europe/Berlin");
    // 02:30 on 29 March 2026 does not exist in Berlin (02:00 → 03:00): 03:30 CEST.
    let gap = add(
        &t.db,
        a,
        &repeating(
            "نسخ احتياطي",
            "2026-03-28T02:30",
            Repeat::Daily,
            Ends::After(3),
        ),
        None,
    );
    assert_eq!(
        walk(&t.db, a, &gap.id, 10)
            .into_iter()
            .map(|(_, u)| u)
            .collect::<Vec<_>>(),
        [
            "2026-03-28T01:30Z", // 02:30 CET
            "2026-03-29T01:30Z", // the gap: 03:30 CEST
            "2026-03-30T00:30Z", // back to 02:30, now CEST
        ]
    );
    // 02:30 on 25 October 2026 happens twice (03:00 CEST → 02:00 CET): the first one.
    let twice = add(&t.db, a, &once("جرد", "2026-10-25T02:30"), None);
    assert_eq!(twice.next_at, utc("2026-10-25T00:30:00Z"));
}

#[test]
fn new_york_changes_on_its_own_date_and_riyadh_never_changes() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "America/New_York");
    let ny = add(
        &t.db,
        a,
        &repeating("call", "2026-03-07T09:00", Repeat::Daily, Ends::After(2)),
        None,
    );
    assert_eq!(
        walk(&t.db, a, &ny.id, 10)
            .into_iter()
            .map(|(_, u)| u)
            .collect::<Vec<_>>(),
        ["2026-03-07T14:00Z", "2026-03-08T13:00Z"]
    );

    set_zone(&t.db, a, "Asia/Riyadh");
    let riyadh = add(
        &t.db,
        a,
        &repeating("اتصال", "2026-03-27T09:00", Repeat::Daily, Ends::After(4)),
        None,
    );
    let utcs: Vec<String> = walk(&t.db, a, &riyadh.id, 10)
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    assert_eq!(utcs.len(), 4);
    assert!(utcs.iter().all(|u| u.ends_with("T06:00Z")), "{utcs:?}");
}

#[test]
fn weekly_on_chosen_days_until_a_date_and_every_three_days_n_times() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let mut weekly = repeating(
        "اجتماع",
        "2026-12-01T10:00", // a Tuesday
        Repeat::Weekly,
        Ends::Until(chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap()),
    );
    weekly.recurrence.weekdays = vec![Weekday::Sun, Weekday::Wed];
    let r = add(&t.db, a, &weekly, None);
    let days: Vec<String> = walk(&t.db, a, &r.id, 10)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        days,
        [
            "2026-12-02T10:00",
            "2026-12-06T10:00",
            "2026-12-09T10:00",
            "2026-12-13T10:00"
        ]
    );

    let mut every3 = repeating("سقي", "2026-12-01T07:00", Repeat::Daily, Ends::After(4));
    every3.recurrence.every = 3;
    let r = add(&t.db, a, &every3, None);
    let days: Vec<String> = walk(&t.db, a, &r.id, 10)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        days,
        [
            "2026-12-01T07:00",
            "2026-12-04T07:00",
            "2026-12-07T07:00",
            "2026-12-10T07:00"
        ]
    );
}

#[test]
fn changing_the_time_zone_keeps_the_wall_clock_of_pending_occurrences() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let r = add(&t.db, a, &once("زيارة", "2026-12-01T09:00"), None);
    assert_eq!(r.next_at, utc("2026-12-01T06:00:00Z"));
    set_zone(&t.db, a, "Europe/Berlin");
    let r = reminders::get(&t.db, a, &r.id).unwrap();
    assert_eq!(r.next_local, wall("2026-12-01T09:00"));
    assert_eq!(r.next_at, utc("2026-12-01T08:00:00Z"));
}

#[test]
fn bad_rules_are_refused_with_a_translated_reason_and_nothing_is_saved() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let base = once("اتصال", "2026-12-01T09:00");

    let no_day = repeating("اتصال", "2026-12-01T09:00", Repeat::Weekly, Ends::Never);
    let ends_early = repeating(
        "اتصال",
        "2026-12-01T09:00",
        Repeat::Daily,
        Ends::Until(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
    );
    let mut bad_day = repeating("اتصال", "2026-12-01T09:00", Repeat::Monthly, Ends::Never);
    bad_day.recurrence.month_day = Some(32);
    let mut blank = base.clone();
    blank.title = "   ".into();
    let mut to_document = base.clone();
    to_document.link = Some(maarid_core::alerts::RecordRef {
        kind: maarid_core::alerts::RecordKind::Document,
        id: "x".into(),
    });
    let mut to_ghost = base.clone();
    to_ghost.link = Some(maarid_core::alerts::RecordRef {
        kind: maarid_core::alerts::RecordKind::Contact,
        id: "no-such-contact".into(),
    });
    let mut nobody = base.clone();
    nobody.assignee = Some("nobody".into());

    for (input, code, field, en) in [
        (
            &no_day,
            "no_weekday",
            "weekdays",
            "at least one day of the week",
        ),
        (
            &ends_early,
            "end_before_start",
            "ends",
            "before its first occurrence",
        ),
        (&bad_day, "invalid_input", "month_day", "between 1 and 31"),
        (&blank, "invalid_input", "title", "title"),
        (&to_document, "link_not_available", "link", "document"),
    ] {
        let e = reminders::create(&t.db, a, input, setup_time()).unwrap_err();
        let p = e.to_payload();
        assert_eq!((p.code, p.field), (code, Some(field)), "{e}");
        assert!(p.message_en.contains(en), "{}", p.message_en);
        assert!(!p.message_ar.is_empty() && p.message_ar != p.message_en);
        assert_eq!(e.exit_code(), 3);
    }
    for input in [&to_ghost, &nobody] {
        let e = reminders::create(&t.db, a, input, setup_time()).unwrap_err();
        assert_eq!(e.code(), "not_found", "{e}");
    }
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM reminders"),
        0,
        "nothing saved"
    );

    // An unknown zone changes no setting.
    let before = maarid_core::alerts::settings::get(&t.db).unwrap();
    let mut s = before.clone();
    s.time_zone = Some("Mars/Olympus".into());
    let e = maarid_core::alerts::settings::update(&t.db, a, &s, setup_time()).unwrap_err();
    assert_eq!(e.code(), "unknown_time_zone");
    assert!(e.to_payload().message_en.contains("Mars/Olympus"));
    assert_eq!(maarid_core::alerts::settings::get(&t.db).unwrap(), before);
}
