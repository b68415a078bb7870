//! Setup, users, login lockout, the last-administrator guard and the audit trail.

mod common;

use maarid_core::audit::{self, AuditQuery};
use maarid_core::users::{self, UserUpdate};
use maarid_core::{company, numbering, settings, setup, Error};

#[test]
fn setup_saves_everything_once_and_logs_the_admin_in() {
    let t = common::empty_db();
    assert!(!setup::is_done(&t.db).unwrap());
    assert_eq!(company::get(&t.db).unwrap_err().code(), "setup_required");
    let admin = setup::complete(&t.db, &common::setup_input()).unwrap();
    assert_eq!(admin.user.username, "admin");
    assert_eq!(admin.role.builtin_key.as_deref(), Some("system_manager"));
    let c = company::get(&t.db).unwrap();
    assert_eq!(c.profile.country, "SA", "codes are upper-cased");
    assert_eq!(c.profile.email, "info@elite.example");
    assert_eq!(
        c.profile.default_vat_rate, "15",
        "decimal normalised, never a float"
    );
    assert_eq!(numbering::list(&t.db, &admin.actor).unwrap().len(), 6);
    assert_eq!(settings::get(&t.db).unwrap().max_failed_logins, 5);
    assert!(setup::is_done(&t.db).unwrap());
    assert_eq!(
        setup::complete(&t.db, &common::setup_input())
            .unwrap_err()
            .code(),
        "setup_already_done"
    );
}

#[test]
fn bad_setup_input_changes_nothing() {
    let t = common::empty_db();
    let mut input = common::setup_input();
    input.admin.password = "short".into();
    let e = setup::complete(&t.db, &input).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                field: "password",
                ..
            }
        ),
        "{e}"
    );
    let mut input = common::setup_input();
    input.company.default_vat_rate = "fifteen".into();
    assert!(matches!(
        setup::complete(&t.db, &input).unwrap_err(),
        Error::Invalid {
            field: "default_vat_rate",
            ..
        }
    ));
    for table in [
        "company",
        "settings",
        "number_series",
        "users",
        "roles",
        "audit_log",
    ] {
        assert_eq!(
            common::count(&t.db, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
}

#[test]
fn wrong_passwords_lock_the_account_after_the_configured_limit() {
    let (t, admin) = common::ready_db();
    let mut s = settings::get(&t.db).unwrap();
    s.max_failed_logins = 3;
    settings::update(&t.db, &admin.actor, &s).unwrap();
    users::add(&t.db, &admin.actor, &common::new_user("omar", "sales_user")).unwrap();

    assert_eq!(
        users::login(&t.db, "omar", "wrong-1").unwrap_err().code(),
        "invalid_credentials"
    );
    assert_eq!(
        users::login(&t.db, "OMAR", "wrong-2").unwrap_err().code(),
        "invalid_credentials"
    );
    assert_eq!(
        users::login(&t.db, "omar", "wrong-3").unwrap_err().code(),
        "account_locked"
    );
    // Locked means locked: even the right password is refused.
    assert_eq!(
        users::login(&t.db, "omar", "omar-password")
            .unwrap_err()
            .code(),
        "account_locked"
    );
    let omar = users::get(&t.db, &admin.actor, "omar").unwrap();
    assert!(omar.locked && omar.failed_logins == 3);

    users::unlock(&t.db, &admin.actor, "omar").unwrap();
    let session = users::login(&t.db, "omar", "omar-password").unwrap();
    assert_eq!(session.user.failed_logins, 0);
    // A success resets the count.
    assert!(users::login(&t.db, "omar", "wrong").is_err());
    users::login(&t.db, "omar", "omar-password").unwrap();
    assert_eq!(
        users::get(&t.db, &admin.actor, "omar")
            .unwrap()
            .failed_logins,
        0
    );

    let events: Vec<String> = audit::list(
        &t.db,
        &admin.actor,
        &AuditQuery {
            entity: Some("user".into()),
            ..Default::default()
        },
    )
    .unwrap()
    .into_iter()
    .map(|e| e.action)
    .collect();
    for want in [
        "login.failed",
        "user.locked",
        "login.refused_locked",
        "user.unlock",
        "login.ok",
    ] {
        assert!(
            events.iter().any(|e| e == want),
            "missing {want} in {events:?}"
        );
    }
    // Unknown users get the same answer as a wrong password.
    assert_eq!(
        users::login(&t.db, "nobody", "x").unwrap_err().code(),
        "invalid_credentials"
    );
}

#[test]
fn disabled_and_deleted_users_cannot_log_in() {
    let (t, admin) = common::ready_db();
    users::add(
        &t.db,
        &admin.actor,
        &common::new_user("huda", "sales_manager"),
    )
    .unwrap();
    let upd = UserUpdate {
        full_name: "هدى".into(),
        email: "Huda@X.example".into(),
        role_id: "sales_manager".into(),
        locale: None,
        enabled: false,
    };
    let u = users::update(&t.db, &admin.actor, "huda", &upd).unwrap();
    assert_eq!(u.email, "huda@x.example");
    assert_eq!(
        users::login(&t.db, "huda", "huda-password")
            .unwrap_err()
            .code(),
        "account_disabled"
    );
    users::delete(&t.db, &admin.actor, "huda").unwrap();
    assert_eq!(
        users::login(&t.db, "huda", "huda-password")
            .unwrap_err()
            .code(),
        "invalid_credentials"
    );
    // Soft delete: the row stays as a tombstone and the name can be reused.
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM users WHERE username = 'huda' AND deleted_at IS NOT NULL"
        ),
        1
    );
    users::add(&t.db, &admin.actor, &common::new_user("huda", "sales_user")).unwrap();
}

#[test]
fn the_last_active_system_manager_is_protected() {
    let (t, admin) = common::ready_db();
    for r in [
        users::set_role(&t.db, &admin.actor, "admin", "sales_user").map(drop),
        users::lock(&t.db, &admin.actor, "admin").map(drop),
        users::delete(&t.db, &admin.actor, "admin"),
    ] {
        assert_eq!(r.unwrap_err().code(), "last_admin");
    }
    // With a second System Manager, the first may step down.
    users::add(
        &t.db,
        &admin.actor,
        &common::new_user("boss2", "system_manager"),
    )
    .unwrap();
    users::set_role(&t.db, &admin.actor, "admin", "sales_manager").unwrap();
    assert_eq!(
        users::lock(&t.db, &admin.actor, "boss2")
            .unwrap_err()
            .code(),
        "last_admin"
    );
}

#[test]
fn usernames_are_unique_case_insensitively_and_validated() {
    let (t, admin) = common::ready_db();
    let e = users::add(
        &t.db,
        &admin.actor,
        &common::new_user("ADMIN", "sales_user"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "already_exists");
    let e = users::add(
        &t.db,
        &admin.actor,
        &common::new_user("two words", "sales_user"),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        Error::Invalid {
            field: "username",
            ..
        }
    ));
    let e = users::add(
        &t.db,
        &admin.actor,
        &common::new_user("ali", "no_such_role"),
    )
    .unwrap_err();
    assert!(matches!(e, Error::Invalid { field: "role", .. }));
    users::add(&t.db, &admin.actor, &common::new_user("علي", "sales_user")).unwrap();
}

#[test]
fn every_change_is_audited_with_before_and_after_and_no_secrets() {
    let (t, admin) = common::ready_db();
    users::add(
        &t.db,
        &admin.actor,
        &common::new_user("nasser", "sales_user"),
    )
    .unwrap();
    users::set_role(&t.db, &admin.actor, "nasser", "sales_manager").unwrap();
    users::reset_password(&t.db, &admin.actor, "nasser", "another-pass").unwrap();
    let mut c = common::company();
    c.name_en = "Elite Motors".into();
    company::update(&t.db, &admin.actor, &c).unwrap();

    let log = audit::list(&t.db, &admin.actor, &AuditQuery::default()).unwrap();
    let find = |action: &str| {
        log.iter()
            .find(|e| e.action == action)
            .unwrap_or_else(|| panic!("no {action}"))
    };
    let set_role = find("user.set_role");
    assert_eq!(set_role.actor_name, "admin");
    assert_eq!(set_role.before.as_ref().unwrap()["role_id"], "sales_user");
    assert_eq!(set_role.after.as_ref().unwrap()["role_id"], "sales_manager");
    let co = find("company.update");
    assert_eq!(
        co.before.as_ref().unwrap()["name_en"],
        "Elite Motors Showroom"
    );
    assert_eq!(co.after.as_ref().unwrap()["name_en"], "Elite Motors");
    find("user.create");
    find("user.reset_password");
    find("company.create");

    let everything: String =
        t.db.read(|c| {
            Ok(c.query_row(
                "SELECT group_concat(coalesce(before, '') || coalesce(after, '')) FROM audit_log",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(
        !everything.contains("argon2"),
        "password hashes never reach the audit log"
    );
    assert!(!everything.contains("nasser-password") && !everything.contains("another-pass"));

    // Newest first, pageable.
    let page1 = audit::list(
        &t.db,
        &admin.actor,
        &AuditQuery {
            limit: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    let page2 = audit::list(
        &t.db,
        &admin.actor,
        &AuditQuery {
            limit: Some(2),
            before: Some(page1[1].id.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page1[0].id, log[0].id);
    assert_eq!(page2[0].id, log[2].id);
}

#[test]
fn own_password_change_needs_the_current_password() {
    let (t, admin) = common::ready_db();
    assert_eq!(
        users::change_own_password(&t.db, &admin.actor, "wrong", "new-password-1")
            .unwrap_err()
            .code(),
        "invalid_credentials"
    );
    users::change_own_password(
        &t.db,
        &admin.actor,
        common::ADMIN_PASSWORD,
        "new-password-1",
    )
    .unwrap();
    assert!(users::login(&t.db, "admin", common::ADMIN_PASSWORD).is_err());
    users::login(&t.db, "admin", "new-password-1").unwrap();
}

#[test]
fn the_directory_lists_active_colleagues_for_everyone_without_secrets() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, &admin.actor, &common::new_user("gone", "sales_user")).unwrap();
    users::delete(&t.db, &admin.actor, "gone").unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap();
    assert_eq!(
        users::list(&t.db, &sara.actor).unwrap_err().code(),
        "not_permitted"
    );
    let dir = users::directory(&t.db, &sara.actor).unwrap();
    let names: Vec<&str> = dir.iter().map(|c| c.username.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"admin") && names.contains(&"sara") && !names.contains(&"gone"));
    let json = serde_json::to_string(&dir).unwrap();
    assert!(
        !json.contains("argon2") && !json.contains("email"),
        "{json}"
    );
}
