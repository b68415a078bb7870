//! Schema migrations on real files: from empty, and on a populated older database,
//! which must be backed up first.

mod common;

use maarid_core::db::{schema_version, validate_backup_file};
use maarid_core::{Db, Error};
use rusqlite::Connection;

#[test]
fn migrates_an_empty_file_to_the_newest_schema_without_a_backup() {
    let t = common::empty_db();
    let report = t.db.migration_report();
    assert_eq!(report.from_version, 0);
    assert_eq!(report.to_version, schema_version());
    // Every migration, in order (version numbers may leave gaps).
    assert_eq!(report.applied.last().copied(), Some(schema_version()));
    assert!(report.applied.windows(2).all(|w| w[0] < w[1]));
    assert!(report.backup.is_none(), "nothing to back up in a new file");
    for table in [
        "company",
        "settings",
        "number_series",
        "roles",
        "role_permissions",
        "users",
        "audit_log",
        "app_meta",
    ] {
        let n = common::count(
            &t.db,
            &format!("SELECT count(*) FROM sqlite_master WHERE name = '{table}'"),
        );
        assert_eq!(n, 1, "table {table}");
    }
    // Opening again changes nothing.
    drop(t.db);
    let again = Db::open(t.dir.path().join("maarid.sqlite")).unwrap();
    assert!(again.migration_report().applied.is_empty());
}

#[test]
fn a_populated_older_database_is_backed_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.sqlite");
    // Build a version-1 database the way an older release did, with data in it.
    {
        let mut conn = Connection::open(&path).unwrap();
        let v1 = refinery::Migration::unapplied(
            "V1__foundation",
            include_str!("../../../migrations/V1__foundation.sql"),
        )
        .unwrap();
        refinery::Runner::new(&[v1]).run(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO company (id, name_ar, country, currency, created_at, updated_at)
             VALUES (1, 'معرض قديم', 'SA', 'SAR', 'x', 'x')",
            [],
        )
        .unwrap();
    }

    let db = Db::open(&path).unwrap();
    let report = db.migration_report().clone();
    assert_eq!(report.from_version, 1);
    assert_eq!(report.to_version, schema_version());
    let backup = report.backup.expect("a backup must be written");
    assert!(
        backup.starts_with(dir.path().join("backups")),
        "{}",
        backup.display()
    );

    // The backup is the old database, intact, with its data.
    let info = validate_backup_file(&backup).unwrap();
    assert_eq!(info.schema_version, 1);
    let old = Connection::open(&backup).unwrap();
    let name: String = old
        .query_row("SELECT name_ar FROM company", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "معرض قديم");
    let has_meta: i64 = old
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'app_meta'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(has_meta, 0, "the backup predates the migration");

    // The live database kept its data and gained the new table.
    assert_eq!(common::count(&db, "SELECT count(*) FROM company"), 1);
    assert_eq!(
        common::count(
            &db,
            "SELECT count(*) FROM app_meta WHERE key = 'database_id'"
        ),
        1
    );
}

#[test]
fn a_database_from_a_newer_program_is_refused_untouched() {
    let t = common::empty_db();
    let path = t.dir.path().join("maarid.sqlite");
    t.db.write(|tx| {
        tx.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', 'x', '0')",
            [],
        )?;
        Ok(())
    })
    .unwrap();
    drop(t.db);
    let before = std::fs::read(&path).unwrap();
    match Db::open(&path) {
        Err(Error::DatabaseTooNew(999)) => {}
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a newer database must be refused"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn files_that_are_not_maarid_databases_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "a shopping list, not a database ".repeat(100)).unwrap();
    let foreign = dir.path().join("other-app.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE stock (sku TEXT); INSERT INTO stock VALUES ('A1');")
        .unwrap();
    for path in [&text, &foreign] {
        let before = std::fs::read(path).unwrap();
        match Db::open(path) {
            Err(e) => assert_eq!(e.code(), "not_a_maarid_database", "{}: {e}", path.display()),
            Ok(_) => panic!("{} must be refused", path.display()),
        }
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} untouched",
            path.display()
        );
    }
    assert!(
        !dir.path().join("backups").exists(),
        "nothing to back up for a refused file"
    );
}
