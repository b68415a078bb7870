//! Task due dates raise a `task_due` notification to each assignee, once, on the
//! morning of the day (lead days before); not for done, cancelled or deleted tasks.

mod common;
mod reminder_fixtures;
mod task_fixtures;

use maarid_core::alerts::{self, NotificationKind, Occurrence, RecordKind};
use maarid_core::tasks::{self, TaskStatus};
use maarid_core::{Db, Locale};
use reminder_fixtures::{set_kind, set_zone, utc};
use task_fixtures::*;

fn due(db: &Db, now: &str) -> Vec<Occurrence> {
    let mut d = db.read(|c| alerts::due_at(c, utc(now))).unwrap();
    d.retain(|o| o.kind == NotificationKind::TaskDue);
    d
}

#[test]
fn a_due_task_alerts_each_assignee_once_and_done_tasks_stay_quiet() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let team = team(&t.db, &admin);
    let mut input = task_for("تجهيز السيارة", &["sara", "omar"], Some("2026-12-03"));
    input.due_time = Some(chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    let shared = tasks::create(&t.db, a, &input, t0()).unwrap();
    let finished = tasks::create(
        &t.db,
        a,
        &task_for("منجزة مسبقًا", &["sara"], Some("2026-12-03")),
        t0(),
    )
    .unwrap();
    tasks::set_status(&t.db, a, &finished.id, TaskStatus::Done, t0()).unwrap();
    let cancelled = tasks::create(
        &t.db,
        a,
        &task_for("ملغاة", &["sara"], Some("2026-12-03")),
        t0(),
    )
    .unwrap();
    tasks::set_status(&t.db, a, &cancelled.id, TaskStatus::Cancelled, t0()).unwrap();
    let deleted = tasks::create(
        &t.db,
        a,
        &task_for("محذوفة", &["sara"], Some("2026-12-03")),
        t0(),
    )
    .unwrap();
    tasks::delete(&t.db, a, &deleted.id, t0()).unwrap();
    tasks::create(&t.db, a, &task_for("بلا موعد", &["sara"], None), t0()).unwrap();

    // The morning of the due day: 09:00 Riyadh = 06:00Z.
    assert_eq!(
        t.db.read(|c| alerts::next_due(c, utc("2026-11-25T00:00:00Z")))
            .unwrap(),
        Some(utc("2026-12-03T06:00:00Z"))
    );
    assert!(due(&t.db, "2026-12-03T05:59:00Z").is_empty());
    let d = due(&t.db, "2026-12-03T06:00:00Z");
    let mut to: Vec<&str> = d.iter().filter_map(|o| o.recipient_id.as_deref()).collect();
    to.sort();
    let mut expected = [team.sara.user.id.as_str(), team.omar.user.id.as_str()];
    expected.sort();
    assert_eq!(to, expected, "one each, only for the open task");
    for o in &d {
        let open = o.open.as_ref().unwrap();
        assert_eq!(
            (open.kind, open.id.as_str()),
            (RecordKind::Task, shared.id.as_str())
        );
        assert!(
            o.title.ar.contains("تجهيز السيارة (14:30)"),
            "{}",
            o.title.ar
        );
        assert!(o.body.en.contains("today"), "{}", o.body.en);
    }

    // Sara's app shows hers, once; Omar's is still waiting for him.
    let shown = alerts::take_due(
        &t.db,
        Some(&team.sara.user.id),
        Locale::En,
        utc("2026-12-03T06:00:30Z"),
    )
    .unwrap();
    assert_eq!(shown.len(), 1);
    assert!(shown[0].title.starts_with("Task: تجهيز السيارة"));
    let again = alerts::take_due(
        &t.db,
        Some(&team.sara.user.id),
        Locale::En,
        utc("2026-12-04T06:00:00Z"),
    )
    .unwrap();
    assert!(again.is_empty(), "delivered once");
    let omars = due(&t.db, "2026-12-04T06:00:00Z");
    assert_eq!(omars.len(), 1);
    assert_eq!(
        omars[0].recipient_id.as_deref(),
        Some(team.omar.user.id.as_str())
    );
    assert!(
        omars[0].body.en.contains("was due on 2026-12-03"),
        "overdue stays due"
    );

    // Done now: Omar is not told any more.
    tasks::set_status(&t.db, &team.omar.actor, &shared.id, TaskStatus::Done, t0()).unwrap();
    assert!(due(&t.db, "2026-12-04T06:00:00Z").is_empty());
}

#[test]
fn lead_days_and_muting_come_from_the_settings() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    tasks::create(
        &t.db,
        a,
        &task_for("تسليم", &["admin"], Some("2026-12-10")),
        t0(),
    )
    .unwrap();
    set_kind(&t.db, a, NotificationKind::TaskDue, false, Some(2));
    assert!(due(&t.db, "2026-12-08T05:59:00Z").is_empty());
    let d = due(&t.db, "2026-12-08T06:00:00Z");
    assert_eq!(d.len(), 1);
    assert!(d[0].body.en.contains("on 2026-12-10"), "{}", d[0].body.en);
    set_kind(&t.db, a, NotificationKind::TaskDue, true, Some(2));
    assert!(due(&t.db, "2026-12-10T06:00:00Z").is_empty(), "muted");
}
