//! Who sees and changes which tasks: a Sales User those they created or are assigned
//! to, a Sales Manager the whole team's; reminders can now link to a task.

mod common;
mod reminder_fixtures;
mod sales_fixtures;
mod task_fixtures;

use maarid_core::access::{Action, BuiltinRole, DocType, Scope};
use maarid_core::alerts::{RecordKind, RecordRef};
use maarid_core::reminders;
use maarid_core::tasks::{self, TaskQuery, TaskStatus};
use task_fixtures::*;

#[test]
fn builtin_roles_grant_own_tasks_to_sales_users_and_all_to_managers() {
    let user = BuiltinRole::SalesUser.default_permissions();
    let manager = BuiltinRole::SalesManager.default_permissions();
    for a in [
        Action::Read,
        Action::Create,
        Action::Write,
        Action::Delete,
        Action::Cancel,
    ] {
        assert_eq!(user.scope(DocType::Task, a), Scope::Own, "{a}");
        assert_eq!(manager.scope(DocType::Task, a), Scope::All, "{a}");
    }
}

#[test]
fn sales_users_see_tasks_they_created_or_are_assigned_to_and_managers_see_all() {
    let (t, admin) = common::ready_db();
    let team = team(&t.db, &admin);
    let (sara, omar, mona) = (&team.sara.actor, &team.omar.actor, &team.mona.actor);

    // Sara's own (assigned to her by default).
    let hers = tasks::create(&t.db, sara, &task("متابعة عرض السعر"), t0()).unwrap();
    assert_eq!(hers.assignees[0].id, team.sara.user.id);
    // Omar hands one to Sara: both see it.
    let handed =
        tasks::create(&t.db, omar, &task_for("تجهيز العقد", &["sara"], None), t0()).unwrap();
    // The manager gives Omar one Sara has nothing to do with.
    let omars = tasks::create(&t.db, mona, &task_for("جرد المعرض", &["omar"], None), t0()).unwrap();

    let titles = |actor, q: TaskQuery| -> Vec<String> {
        let mut v: Vec<String> = tasks::list(&t.db, actor, &q)
            .unwrap()
            .into_iter()
            .map(|x| x.title)
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        titles(sara, TaskQuery::default()),
        ["تجهيز العقد", "متابعة عرض السعر"]
    );
    assert_eq!(
        titles(omar, TaskQuery::default()),
        ["تجهيز العقد", "جرد المعرض"]
    );
    let mine = TaskQuery {
        mine: true,
        ..Default::default()
    };
    assert_eq!(
        titles(omar, mine.clone()),
        ["جرد المعرض"],
        "created ≠ assigned"
    );
    assert_eq!(
        titles(mona, TaskQuery::default()).len(),
        3,
        "the whole team"
    );
    assert!(titles(mona, mine).is_empty());
    // Asking for a colleague's tasks gives a sales user only what they may read.
    let omars_q = TaskQuery {
        assignee: Some("omar".into()),
        ..Default::default()
    };
    assert!(titles(sara, omars_q.clone()).is_empty());
    assert_eq!(titles(mona, omars_q), ["جرد المعرض"]);

    // Sara cannot read, change, cancel or delete Omar's task; the manager can.
    for e in [
        tasks::get(&t.db, sara, &omars.id).unwrap_err(),
        tasks::set_status(&t.db, sara, &omars.id, TaskStatus::Done, t0()).unwrap_err(),
        tasks::set_status(&t.db, sara, &omars.id, TaskStatus::Cancelled, t0()).unwrap_err(),
        tasks::assign(&t.db, sara, &omars.id, &["sara".into()], t0()).unwrap_err(),
        tasks::delete(&t.db, sara, &omars.id, t0()).unwrap_err(),
    ] {
        assert_eq!(e.code(), "not_permitted", "{e}");
    }
    assert_eq!(
        tasks::get(&t.db, omar, &omars.id).unwrap().status,
        TaskStatus::ToDo
    );
    // Sara works on the task handed to her, and may cancel it.
    tasks::set_status(&t.db, sara, &handed.id, TaskStatus::InProgress, t0()).unwrap();
    tasks::set_status(&t.db, sara, &handed.id, TaskStatus::Cancelled, t0()).unwrap();
    tasks::set_status(&t.db, mona, &omars.id, TaskStatus::Done, t0()).unwrap();
    tasks::delete(&t.db, sara, &hers.id, t0()).unwrap();

    // Once reassigned away from her, a task Sara neither created nor holds is gone for her.
    let reassigned = tasks::create(&t.db, mona, &task_for("اتصال", &["sara"], None), t0()).unwrap();
    tasks::get(&t.db, sara, &reassigned.id).unwrap();
    tasks::assign(&t.db, mona, &reassigned.id, &["omar".into()], t0()).unwrap();
    assert_eq!(
        tasks::get(&t.db, sara, &reassigned.id).unwrap_err().code(),
        "not_permitted"
    );
}

#[test]
fn links_must_point_at_a_live_contact_inquiry_or_quotation_and_reminders_link_to_tasks() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = sales_fixtures::contact(&t.db, a, "أحمد", "0551234567");
    let mut linked = task("اتصل بالعميل");
    linked.link = Some(RecordRef {
        kind: RecordKind::Contact,
        id: format!("  {c} "),
    });
    let task = tasks::create(&t.db, a, &linked, t0()).unwrap();
    assert_eq!(task.link.as_ref().unwrap().id, c, "trimmed");

    for (kind, code) in [
        (RecordKind::Inquiry, "not_found"),
        (RecordKind::Quotation, "not_found"),
        (RecordKind::Task, "link_not_available"),
        (RecordKind::Document, "link_not_available"),
    ] {
        let mut bad = linked.clone();
        bad.link = Some(RecordRef {
            kind,
            id: c.clone(),
        });
        let e = tasks::create(&t.db, a, &bad, t0()).unwrap_err();
        assert_eq!(e.code(), code, "{kind}");
    }
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM tasks"), 1);

    // A reminder about the task; a deleted task can no longer be linked.
    let mut r = reminder_fixtures::once("راجع المهمة", "2026-12-01T09:00");
    r.link = Some(RecordRef {
        kind: RecordKind::Task,
        id: task.id.clone(),
    });
    let saved = reminders::create(&t.db, a, &r, t0()).unwrap();
    assert_eq!(saved.link.unwrap().kind, RecordKind::Task);
    tasks::delete(&t.db, a, &task.id, t0()).unwrap();
    let e = reminders::create(&t.db, a, &r, t0()).unwrap_err();
    assert_eq!(e.code(), "not_found");
}
