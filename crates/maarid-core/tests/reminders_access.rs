//! Who sees and changes which reminders: a Sales User their own (and cannot hand one
//! to a colleague), a Sales Manager everyone's; the linked record must exist.

mod common;
mod reminder_fixtures;
mod sales_fixtures;

use maarid_core::access::{Action, BuiltinRole, DocType, Scope};
use maarid_core::alerts::{RecordKind, RecordRef};
use maarid_core::reminders::{self, ReminderQuery};
use maarid_core::users;
use reminder_fixtures::*;

#[test]
fn builtin_roles_grant_own_reminders_to_sales_users_and_all_to_managers() {
    let user = BuiltinRole::SalesUser.default_permissions();
    let manager = BuiltinRole::SalesManager.default_permissions();
    for a in [Action::Read, Action::Create, Action::Write, Action::Delete] {
        assert_eq!(user.scope(DocType::Reminder, a), Scope::Own, "{a}");
        assert_eq!(manager.scope(DocType::Reminder, a), Scope::All, "{a}");
    }
}

#[test]
fn a_sales_user_sees_and_changes_only_their_own_reminders() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, a, &common::new_user("omar", "sales_user")).unwrap();
    users::add(&t.db, a, &common::new_user("mona", "sales_manager")).unwrap();
    let login = |u: &str| users::login(&t.db, u, &format!("{u}-password")).unwrap();
    let (sara, omar, mona) = (login("sara"), login("omar"), login("mona"));

    let c = sales_fixtures::contact(&t.db, a, "أحمد", "0551234567");
    let mut input = once("اتصل بأحمد", "2026-12-01T09:00");
    input.link = Some(RecordRef {
        kind: RecordKind::Contact,
        id: c.clone(),
    });
    // Sara's own, assigned by default to her.
    let mine = reminders::create(&t.db, &sara.actor, &input, setup_time()).unwrap();
    assert_eq!(mine.assignee_id, sara.user.id);
    assert_eq!(mine.link.as_ref().unwrap().id, c);
    // She cannot assign one to Omar; the manager can.
    let mut for_omar = input.clone();
    for_omar.assignee = Some("omar".into());
    let e = reminders::create(&t.db, &sara.actor, &for_omar, setup_time()).unwrap_err();
    assert_eq!(e.code(), "not_permitted");
    let omars = reminders::create(&t.db, &mona.actor, &for_omar, setup_time()).unwrap();
    assert_eq!(omars.assignee_id, omar.user.id);

    let ids = |actor, q: &ReminderQuery| -> Vec<String> {
        reminders::list(&t.db, actor, q)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let all = ReminderQuery::default();
    assert_eq!(ids(&sara.actor, &all), vec![mine.id.clone()]);
    assert_eq!(ids(&omar.actor, &all), vec![omars.id.clone()]);
    let mut everyone = ids(&mona.actor, &all);
    everyone.sort();
    let mut expected = vec![mine.id.clone(), omars.id.clone()];
    expected.sort();
    assert_eq!(everyone, expected, "the manager sees all");
    let just_omar = ReminderQuery {
        assignee: Some("omar".into()),
        ..Default::default()
    };
    assert_eq!(ids(&mona.actor, &just_omar), vec![omars.id.clone()]);
    assert_eq!(
        reminders::list(&t.db, &sara.actor, &just_omar)
            .unwrap_err()
            .code(),
        "not_permitted",
        "asking for a colleague's list is refused, not silently emptied"
    );

    // Omar's reminder is out of Sara's reach, whatever she tries.
    let now = utc("2026-12-01T06:00:00Z");
    for e in [
        reminders::get(&t.db, &sara.actor, &omars.id).map(|_| ()),
        reminders::done(&t.db, &sara.actor, &omars.id, now).map(|_| ()),
        reminders::delete(&t.db, &sara.actor, &omars.id, now),
        reminders::update(&t.db, &sara.actor, &omars.id, &input, now).map(|_| ()),
    ] {
        assert_eq!(e.unwrap_err().code(), "not_permitted");
    }
    // Her own she completes.
    reminders::done(&t.db, &sara.actor, &mine.id, now).unwrap();
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM reminders WHERE status = 'active'"
        ),
        1
    );
}
