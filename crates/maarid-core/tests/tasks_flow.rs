//! A task's life: created with a link, assignees and a due date, started, done and
//! reopened, each change recorded (who, when, from, to); bad input refused with a
//! translated reason and nothing changed; lists sorted by due date then priority.

mod common;
mod sales_fixtures;
mod task_fixtures;

use maarid_core::alerts::{RecordKind, RecordRef};
use maarid_core::contacts::{self, TimelineQuery};
use maarid_core::tasks::{self, Priority, TaskQuery, TaskStatus};
use task_fixtures::*;

#[test]
fn a_task_goes_from_to_do_to_done_and_every_change_is_recorded() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let team = team(&t.db, &admin);
    let c = sales_fixtures::contact(&t.db, a, "أحمد القحطاني", "0551234567");

    let mut input = task_for(
        "تجهيز السيارة للتسليم",
        &["sara", "omar"],
        Some("2026-12-03"),
    );
    input.description = "  غسيل وتلميع قبل الموعد ".into();
    input.link = Some(RecordRef {
        kind: RecordKind::Contact,
        id: c.clone(),
    });
    input.priority = Priority::High;
    input.estimate_minutes = Some(90);
    input.due_time = Some(chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    let task = tasks::create(&t.db, a, &input, t0()).unwrap();
    assert_eq!(task.status, TaskStatus::ToDo);
    assert_eq!(task.description, "غسيل وتلميع قبل الموعد", "trimmed");
    assert_eq!(task.link_label.as_deref(), Some("أحمد القحطاني"));
    // Assigned at the same moment: listed by username.
    let ids: Vec<&str> = task.assignees.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        [team.omar.user.id.as_str(), team.sara.user.id.as_str()]
    );
    assert_eq!(task.assignees[1].name, "sara full");
    assert_eq!(task.created_by.as_deref(), Some(admin.user.id.as_str()));

    // Sara starts it and finishes it the next day.
    let started = tasks::set_status(
        &t.db,
        &team.sara.actor,
        &task.id,
        TaskStatus::InProgress,
        at("2026-12-02T07:00:00Z"),
    )
    .unwrap();
    assert_eq!(started.status, TaskStatus::InProgress);
    let done = tasks::set_status(
        &t.db,
        &team.sara.actor,
        &task.id,
        TaskStatus::Done,
        at("2026-12-03T10:15:00Z"),
    )
    .unwrap();
    assert_eq!(done.status, TaskStatus::Done);
    assert_eq!(
        done.status_changed_by.as_deref(),
        Some(team.sara.user.id.as_str())
    );
    assert!(done.status_changed_at.starts_with("2026-12-03T10:15"));

    // Done twice is refused, translated, and records nothing.
    let e =
        tasks::set_status(&t.db, &team.sara.actor, &task.id, TaskStatus::Done, t0()).unwrap_err();
    let p = e.to_payload();
    assert_eq!((p.code, p.field), ("task_status_unchanged", Some("status")));
    assert!(p.message_ar.contains("منجزة") && p.message_en.contains("Done"));
    assert_eq!(e.exit_code(), 9);

    let h = tasks::history(&t.db, a, &task.id).unwrap();
    let steps: Vec<(Option<TaskStatus>, TaskStatus, Option<&str>)> =
        h.iter().map(|e| (e.from, e.to, e.by.as_deref())).collect();
    assert_eq!(
        steps,
        [
            (None, TaskStatus::ToDo, Some(admin.user.id.as_str())),
            (
                Some(TaskStatus::ToDo),
                TaskStatus::InProgress,
                Some(team.sara.user.id.as_str())
            ),
            (
                Some(TaskStatus::InProgress),
                TaskStatus::Done,
                Some(team.sara.user.id.as_str())
            ),
        ]
    );
    // The daily report's question is one query on task_events.
    let done_by_sara_on = |day: &str| {
        t.db.read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM task_events WHERE to_status = 'done' AND by_user = ?1
                   AND at >= ?2 || 'T00:00:00' AND at < date(?2, '+1 day') || 'T00:00:00'",
                rusqlite::params![team.sara.user.id, day],
                |r| r.get::<_, i64>(0),
            )?)
        })
        .unwrap()
    };
    assert_eq!(
        (done_by_sara_on("2026-12-03"), done_by_sara_on("2026-12-02")),
        (1, 0)
    );

    // The contact's timeline shows the task's steps, newest first.
    let tl = contacts::timeline(&t.db, a, &c, &TimelineQuery::default()).unwrap();
    let task_rows: Vec<(&str, Option<&str>)> = tl
        .items
        .iter()
        .filter(|e| e.source == "task")
        .map(|e| (e.outcome.as_str(), e.status.as_deref()))
        .collect();
    assert_eq!(
        task_rows,
        [
            ("in_progress", Some("done")),
            ("to_do", Some("in_progress")),
            ("", Some("to_do"))
        ]
    );
    assert!(tl.items.iter().any(|e| e.body == "تجهيز السيارة للتسليم"));

    // Reopened; reassigned to Mona alone.
    let reopened =
        tasks::set_status(&t.db, &team.mona.actor, &task.id, TaskStatus::ToDo, t0()).unwrap();
    assert_eq!(reopened.status, TaskStatus::ToDo);
    let moved = tasks::assign(&t.db, a, &task.id, &["mona".into()], t0()).unwrap();
    assert_eq!(moved.assignees.len(), 1);
    assert_eq!(moved.assignees[0].id, team.mona.user.id);
    assert_eq!(moved.title, task.title, "assigning keeps the rest");
    assert_eq!(moved.due_time, task.due_time);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM task_assignees"),
        1
    );
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM task_events"), 4);
    assert!(
        common::count(
            &t.db,
            "SELECT count(*) FROM audit_log WHERE action IN ('task.create', 'task.done', 'task.update')"
        ) >= 3
    );

    // Deleted: gone from lists and lookups, the row kept as a tombstone.
    tasks::delete(&t.db, a, &task.id, t0()).unwrap();
    assert_eq!(
        tasks::get(&t.db, a, &task.id).unwrap_err().code(),
        "not_found"
    );
    let q = TaskQuery {
        all_statuses: true,
        ..Default::default()
    };
    assert!(tasks::list(&t.db, a, &q).unwrap().is_empty());
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM tasks WHERE deleted_at IS NOT NULL"
        ),
        1
    );
}

#[test]
fn bad_input_is_refused_with_a_translated_reason_and_nothing_changes() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = sales_fixtures::contact(&t.db, a, "أحمد", "0551234567");
    let good = task("اتصل بالعميل");

    let mut blank = good.clone();
    blank.title = "   ".into();
    let mut long = good.clone();
    long.title = "م".repeat(201);
    let mut zero = good.clone();
    zero.estimate_minutes = Some(0);
    let mut time_only = good.clone();
    time_only.due_time = Some(chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    let mut to_reminder = good.clone();
    to_reminder.link = Some(RecordRef {
        kind: RecordKind::Reminder,
        id: "x".into(),
    });
    for (input, code, field, en) in [
        (&blank, "invalid_input", "title", "title"),
        (&long, "invalid_input", "title", "200 characters"),
        (&zero, "invalid_input", "estimate_minutes", "between 1 and"),
        (&time_only, "invalid_input", "due_time", "due date"),
        (
            &to_reminder,
            "link_not_available",
            "link",
            "contact, an inquiry or a quotation",
        ),
    ] {
        let e = tasks::create(&t.db, a, input, t0()).unwrap_err();
        let p = e.to_payload();
        assert_eq!((p.code, p.field), (code, Some(field)), "{e}");
        assert!(p.message_en.contains(en), "{}", p.message_en);
        assert!(!p.message_ar.is_empty() && p.message_ar != p.message_en);
        assert_eq!(e.exit_code(), 3);
    }
    let mut ghost_link = good.clone();
    ghost_link.link = Some(RecordRef {
        kind: RecordKind::Quotation,
        id: "no-such-quote".into(),
    });
    let mut ghost_user = good.clone();
    ghost_user.assignees = vec!["nobody".into()];
    for input in [&ghost_link, &ghost_user] {
        let e = tasks::create(&t.db, a, input, t0()).unwrap_err();
        assert_eq!(e.code(), "not_found", "{e}");
    }
    // The command line's actor is nobody: it must name an assignee.
    let cli = maarid_core::access::Actor::system("cli");
    let e = tasks::create(&t.db, &cli, &good, t0()).unwrap_err();
    assert_eq!(e.to_payload().field, Some("assignees"));
    for table in ["tasks", "task_assignees", "task_events"] {
        assert_eq!(
            common::count(&t.db, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }

    // A bad edit leaves the saved task as it was.
    let mut linked = good.clone();
    linked.link = Some(RecordRef {
        kind: RecordKind::Contact,
        id: c,
    });
    let saved = tasks::create(&t.db, a, &linked, t0()).unwrap();
    let e = tasks::update(&t.db, a, &saved.id, &blank, t0()).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let e = tasks::assign(&t.db, a, &saved.id, &["  ".into()], t0()).unwrap_err();
    assert_eq!(e.to_payload().field, Some("assignees"));
    assert_eq!(tasks::get(&t.db, a, &saved.id).unwrap(), saved);
}

#[test]
fn lists_sort_by_due_date_then_priority_and_filter() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let team = team(&t.db, &admin);
    let c = sales_fixtures::contact(&t.db, a, "أحمد", "0551234567");
    let mk = |title: &str, who: &str, due: Option<&str>, p: Priority| {
        let mut i = task_for(title, &[who], due);
        i.priority = p;
        tasks::create(&t.db, a, &i, t0()).unwrap()
    };
    mk("بلا موعد", "sara", None, Priority::Urgent);
    mk("لاحقًا", "omar", Some("2026-12-10"), Priority::Urgent);
    mk("منخفضة", "sara", Some("2026-12-05"), Priority::Low);
    mk("عاجلة", "sara", Some("2026-12-05"), Priority::Urgent);
    let mut li = task_for("مربوطة", &["omar"], Some("2026-12-07"));
    li.link = Some(RecordRef {
        kind: RecordKind::Contact,
        id: c.clone(),
    });
    tasks::create(&t.db, a, &li, t0()).unwrap();
    let finished = mk("منجزة", "sara", Some("2026-12-01"), Priority::Normal);
    tasks::set_status(&t.db, a, &finished.id, TaskStatus::Done, t0()).unwrap();

    let ids = |q: TaskQuery| -> Vec<String> {
        tasks::list(&t.db, a, &q)
            .unwrap()
            .into_iter()
            .map(|x| x.title)
            .collect()
    };
    assert_eq!(
        ids(TaskQuery::default()),
        ["عاجلة", "منخفضة", "مربوطة", "لاحقًا", "بلا موعد"],
        "open ones, by due date, then priority, undated last"
    );
    assert_eq!(
        ids(TaskQuery {
            assignee: Some("sara".into()),
            ..Default::default()
        }),
        ["عاجلة", "منخفضة", "بلا موعد"]
    );
    assert_eq!(
        ids(TaskQuery {
            priority: Some(Priority::Urgent),
            due_from: Some(ymd("2026-12-06")),
            ..Default::default()
        }),
        ["لاحقًا"]
    );
    assert_eq!(
        ids(TaskQuery {
            due_to: Some(ymd("2026-12-07")),
            statuses: vec![TaskStatus::Done, TaskStatus::ToDo],
            ..Default::default()
        }),
        ["منجزة", "عاجلة", "منخفضة", "مربوطة"]
    );
    assert_eq!(
        ids(TaskQuery {
            link: Some(RecordRef {
                kind: RecordKind::Contact,
                id: c
            }),
            ..Default::default()
        }),
        ["مربوطة"]
    );
    assert_eq!(
        ids(TaskQuery {
            all_statuses: true,
            limit: Some(2),
            offset: Some(1),
            ..Default::default()
        }),
        ["عاجلة", "منخفضة"],
        "a page"
    );
    // Sara's "my tasks".
    let mine: Vec<String> = tasks::list(
        &t.db,
        &team.sara.actor,
        &TaskQuery {
            mine: true,
            ..Default::default()
        },
    )
    .unwrap()
    .into_iter()
    .map(|x| x.title)
    .collect();
    assert_eq!(mine, ["عاجلة", "منخفضة", "بلا موعد"]);
}
