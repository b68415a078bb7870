//! The permission matrix, exhaustively: every built-in role × record type × action ×
//! (own record, someone else's record, listing/creating), checked through real users
//! logged in against a real database. The expected table is written out by hand here,
//! independently of the code that defines the defaults.

mod common;

use maarid_core::access::{Action, DocType, Target};
use maarid_core::users;

/// Columns: read write create delete submit cancel. Cells: `-` none, `own`, `all`.
const SYSTEM_MANAGER: &str = "
contact       all all all all all all
inquiry       all all all all all all
quotation     all all all all all all
delivery_note all all all all all all
invoice       all all all all all all
product       all all all all all all
letter        all all all all all all
document      all all all all all all
task          all all all all all all
reminder      all all all all all all
report        all all all all all all
user          all all all all all all
role          all all all all all all
settings      all all all all all all
audit_log     all all all all all all
";

const SALES_MANAGER: &str = "
contact       all all all all all all
inquiry       all all all all all all
quotation     all all all all all all
delivery_note all all all all all all
invoice       all all all all all all
product       all all all all all all
letter        all all all all all all
document      all all all all all all
task          all all all all all all
reminder      all all all all all all
report        all -   -   -   -   -
user          all -   -   -   -   -
role          all -   -   -   -   -
settings      all -   -   -   -   -
audit_log     all -   -   -   -   -
";

const SALES_USER: &str = "
contact       all own own -   -   -
inquiry       own own own -   own own
quotation     own own own -   own own
delivery_note own own own -   -   -
invoice       own own own -   -   -
product       all -   -   -   -   -
letter        own own own -   -   -
document      own own own -   -   -
task          own own own own -   own
reminder      own own own own -   own
report        own -   -   -   -   -
user          -   -   -   -   -   -
role          -   -   -   -   -   -
settings      -   -   -   -   -   -
audit_log     -   -   -   -   -   -
";

const ACTIONS: [Action; 6] = [
    Action::Read,
    Action::Write,
    Action::Create,
    Action::Delete,
    Action::Submit,
    Action::Cancel,
];

fn expected(table: &str) -> Vec<(DocType, Action, &str)> {
    let mut out = Vec::new();
    for line in table.lines().filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells.len(), 7, "{line}");
        let d =
            DocType::parse(cells[0]).unwrap_or_else(|| panic!("unknown record type {}", cells[0]));
        for (a, cell) in ACTIONS.iter().zip(&cells[1..]) {
            out.push((d, *a, *cell));
        }
    }
    let rows: std::collections::BTreeSet<_> = out.iter().map(|(d, _, _)| *d).collect();
    assert_eq!(
        rows.len(),
        DocType::ALL.len(),
        "every record type has a row"
    );
    out
}

#[test]
fn every_builtin_role_record_type_action_and_scope() {
    let (t, admin) = common::ready_db();
    let mut checked = 0;
    for (role, table) in [
        ("system_manager", SYSTEM_MANAGER),
        ("sales_manager", SALES_MANAGER),
        ("sales_user", SALES_USER),
    ] {
        let name = format!("u_{role}");
        users::add(&t.db, &admin.actor, &common::new_user(&name, role)).unwrap();
        let session = users::login(&t.db, &name, &format!("{name}-password")).unwrap();
        let me = session.actor.user_id.clone();
        let someone_else = Some("0190aaaa-0000-7000-8000-000000000000");
        for (d, a, cell) in expected(table) {
            let own = session
                .actor
                .authorize(d, a, Target::OwnedBy(me.as_deref()))
                .is_ok();
            let other = session
                .actor
                .authorize(d, a, Target::OwnedBy(someone_else))
                .is_ok();
            let unowned = session.actor.authorize(d, a, Target::OwnedBy(None)).is_ok();
            let listing = session.actor.authorize(d, a, Target::Own).is_ok();
            let anyone = session.actor.authorize(d, a, Target::Anyone).is_ok();
            let want = match cell {
                "all" => [true, true, true, true, true],
                "own" => [true, false, false, true, false],
                "-" => [false; 5],
                _ => panic!("bad cell {cell}"),
            };
            assert_eq!(
                [own, other, unowned, listing, anyone],
                want,
                "{role} {d} {a}: [own record, other's record, unowned record, list/create, company-wide]"
            );
            // The role as the UI sees it says the same.
            let shown = session.role.permissions[d.key()][a.key()].key();
            assert_eq!(
                shown,
                if cell == "-" { "none" } else { cell },
                "{role} {d} {a} as shown"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 15 * 6);
}

#[test]
fn refusals_carry_a_translated_not_permitted_error() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap();
    let err = users::list(&t.db, &sara.actor).unwrap_err();
    assert_eq!(err.code(), "not_permitted");
    let text = err.text();
    assert!(
        text.ar.contains("غير مسموح") && text.ar.contains("المستخدم"),
        "{}",
        text.ar
    );
    assert!(text.en.starts_with("Not permitted"), "{}", text.en);
    // And nothing about it was done: a refused create writes no user.
    let before = common::count(&t.db, "SELECT count(*) FROM users");
    assert!(users::add(
        &t.db,
        &sara.actor,
        &common::new_user("mallory", "system_manager")
    )
    .is_err());
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM users"), before);
}

#[test]
fn custom_roles_are_enforced_and_the_system_manager_role_is_fixed() {
    use maarid_core::access::roles::{self, RoleInput};
    let (t, admin) = common::ready_db();
    let mut perms = maarid_core::access::PermissionMap::new();
    perms
        .entry("user".into())
        .or_default()
        .insert("read".into(), maarid_core::access::Scope::All);
    let auditor = roles::create(
        &t.db,
        &admin.actor,
        &RoleInput {
            name_ar: "مدقق".into(),
            name_en: "Auditor".into(),
            permissions: perms,
        },
    )
    .unwrap();
    assert!(auditor.editable);
    users::add(&t.db, &admin.actor, &common::new_user("aud", &auditor.id)).unwrap();
    let aud = users::login(&t.db, "aud", "aud-password").unwrap();
    assert!(users::list(&t.db, &aud.actor).is_ok());
    assert!(users::add(&t.db, &aud.actor, &common::new_user("x1", "sales_user")).is_err());
    assert!(aud
        .actor
        .authorize(DocType::Contact, Action::Read, Target::Anyone)
        .is_err());

    // Editing the role takes effect on the user's next refresh.
    roles::update(
        &t.db,
        &admin.actor,
        &auditor.id,
        &RoleInput {
            name_ar: "مدقق".into(),
            name_en: "Auditor".into(),
            permissions: Default::default(),
        },
    )
    .unwrap();
    let aud = aud.refresh(&t.db).unwrap();
    assert_eq!(
        users::list(&t.db, &aud.actor).unwrap_err().code(),
        "not_permitted"
    );

    // In use: cannot delete. System Manager: cannot edit or delete.
    assert_eq!(
        roles::delete(&t.db, &admin.actor, &auditor.id)
            .unwrap_err()
            .code(),
        "role_in_use"
    );
    let input = RoleInput {
        name_ar: "x".into(),
        name_en: "x".into(),
        permissions: Default::default(),
    };
    assert_eq!(
        roles::update(&t.db, &admin.actor, "system_manager", &input)
            .unwrap_err()
            .code(),
        "builtin_role"
    );
    assert_eq!(
        roles::delete(&t.db, &admin.actor, "sales_user")
            .unwrap_err()
            .code(),
        "builtin_role"
    );
    // Unknown keys in a matrix are refused rather than silently dropped.
    let mut bad = maarid_core::access::PermissionMap::new();
    bad.entry("spaceship".into())
        .or_default()
        .insert("read".into(), maarid_core::access::Scope::All);
    let e = roles::create(
        &t.db,
        &admin.actor,
        &RoleInput {
            name_ar: "س".into(),
            name_en: "s".into(),
            permissions: bad,
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
}
