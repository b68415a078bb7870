//! `import …`: the real binary on temporary databases and real workbooks — dry run,
//! run, error report, undo, a mapping given by letters and header text and saved as a
//! profile, and a kill in the middle of a large import that leaves the database as it
//! was.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use calamine::{open_workbook_auto, Reader};
use rusqlite::Connection;
use rust_xlsxwriter::Workbook;

mod common;

use common::{command, Env};

impl Env {}

/// Customers as a branch keeps them: a title row, then the header.
fn customers(dir: &Path, name: &str, rows: u32) -> PathBuf {
    let path = dir.join(name);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Sheet1").unwrap();
    ws.write(0, 0, "عملاء فرع جدة").unwrap();
    for (c, h) in ["الاسم", "الجوال", "البريد", "ملاحظة"].iter().enumerate()
    {
        ws.write(1, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = 2 + i;
        ws.write(r, 0, format!("عميل رقم {i}")).unwrap();
        // Typed as numbers: the leading zero is gone.
        ws.write(r, 1, 550_000_000.0 + f64::from(i)).unwrap();
        ws.write(r, 2, format!("c{i}@example.sa")).unwrap();
        ws.write(r, 3, "VIP").unwrap();
    }
    if rows > 2 {
        ws.write(3, 2, "no-at-sign").unwrap();
    }
    wb.save(&path).unwrap();
    path
}

#[test]
fn dry_run_run_error_report_and_undo() {
    let e = Env::ready();
    let file = customers(e.dir.path(), "jeddah.xlsx", 5);
    let f = file.to_str().unwrap();
    let dry = e.json(&["import", f, "--type", "contacts", "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["header_row"], 2);
    assert_eq!(dry["counts"]["new"], 4);
    assert_eq!(dry["counts"]["invalid"], 1);
    assert_eq!(dry["not_imported"][0]["row"], 4);
    assert!(dry["batch_id"].is_null());
    assert_eq!(e.count("SELECT count(*) FROM contacts"), 0);

    let errors = e.dir.path().join("not-imported.xlsx");
    let done = e.json(&[
        "import",
        f,
        "--type",
        "contacts",
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert_eq!(done["counts"]["new"], 4);
    let batch = done["batch_id"].as_str().unwrap().to_string();
    assert_eq!(e.count("SELECT count(*) FROM contacts"), 4);
    assert_eq!(
        e.count("SELECT count(*) FROM contact_phones WHERE raw = '0550000000'"),
        1,
        "the leading zero is back"
    );
    let mut wb = open_workbook_auto(&errors).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.height(), 2, "a header and the one refused row");

    // Importing the same file again: every row is now a duplicate.
    let again = e.json(&["import", f, "--type", "contacts", "--dry-run"]);
    assert_eq!(again["counts"]["duplicate"], 4);

    let human = e.run(&["--lang", "en", "import", "list"]).ok();
    assert!(human.stdout.contains("jeddah.xlsx"), "{}", human.stdout);
    e.json(&["import", "undo", &batch]);
    assert_eq!(e.count("SELECT count(*) FROM contacts"), 0);
    let twice = e.run(&["import", "undo", &batch, "--json"]);
    twice.json_error(13, "import_already_undone");
}

#[test]
fn a_mapping_by_letter_and_header_text_is_saved_and_reused() {
    let e = Env::ready();
    let file = customers(e.dir.path(), "branch.xlsx", 3);
    let f = file.to_str().unwrap();
    let r = e.json(&[
        "import",
        f,
        "--type",
        "contacts",
        "--dry-run",
        "--map",
        "الاسم=name_ar",
        "--map",
        "B=phones",
        "--map",
        "4=tags",
        "--save-profile",
        "فرع جدة",
    ]);
    assert_eq!(r["header_row"], 2);
    assert_eq!(
        r["counts"]["new"], 3,
        "the bad email column is not imported"
    );
    let listed = e.json(&["import", "profiles", "--type", "contacts"]);
    assert_eq!(listed[0]["name"], "فرع جدة");
    let by_profile = e.json(&["import", f, "--type", "contacts", "--profile", "فرع جدة"]);
    assert_eq!(by_profile["counts"]["new"], 3);
    assert_eq!(
        e.count("SELECT count(*) FROM contact_tags WHERE tag = 'VIP'"),
        3
    );
    assert_eq!(e.count("SELECT count(*) FROM contact_emails"), 0);

    let bad = e.run(&[
        "import",
        f,
        "--type",
        "contacts",
        "--map",
        "ZZZ9=phones",
        "--json",
    ]);
    bad.json_error(3, "invalid_input");
}

#[test]
fn killing_a_large_import_leaves_the_database_as_it_was() {
    let e = Env::ready();
    e.json(&[
        "contacts",
        "add",
        "--name-ar",
        "عميل سابق",
        "--phone",
        "0561234567",
    ]);
    let file = customers(e.dir.path(), "large.xlsx", 20_000);
    let wal = PathBuf::from(format!("{}-wal", e.db.display()));
    let mut child = command()
        .arg("--db")
        .arg(&e.db)
        .args([
            "import",
            file.to_str().unwrap(),
            "--type",
            "contacts",
            "--json",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The write-ahead log grows once rows are being written: kill then.
    let start_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    loop {
        let len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if len > start_len + 1_000_000 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed"
        );
        assert!(started.elapsed() < Duration::from_secs(120));
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let c = Connection::open(&e.db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(c);
    assert_eq!(e.count("SELECT count(*) FROM contacts"), 1);
    assert_eq!(e.count("SELECT count(*) FROM contact_phones"), 1);
    assert_eq!(e.count("SELECT count(*) FROM import_batches"), 0);
    // And the same import runs to the end afterwards.
    let done = e.json(&["import", file.to_str().unwrap(), "--type", "contacts"]);
    assert_eq!(done["counts"]["new"], 19_999);
}
