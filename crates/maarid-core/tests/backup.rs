//! Backup and restore through SQLite's online backup API, on real files.

mod common;

use maarid_core::db::{backup_to, restore_from, validate_backup_file};
use maarid_core::users;

#[test]
fn backup_then_restore_brings_back_the_exact_state_and_keeps_a_safety_copy() {
    let (t, admin) = common::ready_db();
    users::add(
        &t.db,
        &admin.actor,
        &common::new_user("before", "sales_user"),
    )
    .unwrap();
    let out = t.dir.path().join("copies/shop-backup.sqlite");
    let info = backup_to(&t.db, &out).unwrap();
    assert!(info.bytes > 0);
    assert!(!out.with_extension("partial").exists());

    users::add(
        &t.db,
        &admin.actor,
        &common::new_user("after", "sales_user"),
    )
    .unwrap();
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM users WHERE username = 'after'"),
        1
    );

    let safety = restore_from(&t.db, &out).unwrap();
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM users WHERE username = 'after'"),
        0
    );
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM users WHERE username = 'before'"
        ),
        1
    );
    // The state just replaced was saved and is itself a valid backup.
    validate_backup_file(&safety).unwrap();
    let c = rusqlite::Connection::open(&safety).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM users WHERE username = 'after'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    // Logging in works on the restored database.
    users::login(&t.db, "before", "before-password").unwrap();
}

#[test]
fn restoring_something_that_is_not_a_maarid_database_changes_nothing() {
    let (t, _admin) = common::ready_db();
    let junk = t.dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"this is not a database at all").unwrap();
    assert_eq!(
        restore_from(&t.db, &junk).unwrap_err().code(),
        "not_a_maarid_database"
    );
    let other = t.dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute("CREATE TABLE t (x)", [])
        .unwrap();
    assert_eq!(
        restore_from(&t.db, &other).unwrap_err().code(),
        "not_a_maarid_database"
    );
    assert_eq!(
        restore_from(&t.db, &t.dir.path().join("missing.sqlite"))
            .unwrap_err()
            .code(),
        "file_error"
    );
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM users"), 1);
}
