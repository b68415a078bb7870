//! `export …` and `bench export`: the real binary on temporary databases, the files it
//! writes read back with calamine and as text.

use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

mod common;

use common::{assert_help, command, finish, Env, Run};

const TYPES: [&str; 9] = [
    "contacts",
    "products",
    "inquiries",
    "quotes",
    "quote-lines",
    "invoices",
    "invoice-lines",
    "delivery-notes",
    "delivery-note-lines",
];

impl Env {
    /// Set up, with two contacts.
    fn with_two_contacts() -> Self {
        let e = Env::ready();
        e.run(&[
            "contacts",
            "add",
            "--name-ar",
            "أحمد القحطاني",
            "--phone",
            "0551234567",
            "--phone",
            "whatsapp:0501112233",
            "--city",
            "الرياض",
            "--kind",
            "customer",
            "--json",
        ])
        .ok();
        e.run(&[
            "contacts",
            "add",
            "--name-ar",
            "خالد العتيبي",
            "--phone",
            "0569876543",
            "--json",
        ])
        .ok();
        e
    }

    fn export(&self, args: &[&str], file: &str) -> Run {
        let out = self.path(file);
        let mut all: Vec<&str> = vec!["export"];
        all.extend_from_slice(args);
        all.push("--out");
        all.push(out.to_str().unwrap());
        self.run(&all)
    }
}

fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let rows = wb
                .worksheet_range(&n)
                .unwrap()
                .rows()
                .map(|r| r.to_vec())
                .collect();
            (n, rows)
        })
        .collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(|c| c.to_string()).collect()
}

#[test]
fn help_explains_export_and_its_columns() {
    let mut words = vec![
        "--out",
        "--columns",
        "--from",
        "--to",
        "--force",
        "--list-columns",
        ".xlsx",
        ".csv",
        "all",
        "right to left",
        "byte-order mark",
        "Examples",
    ];
    words.extend(TYPES);
    assert_help(&["export"], &words);
    assert_help(
        &["bench", "export"],
        &["--rows", "--seed", "baseline", "VmHWM", "1.5 s", "Examples"],
    );
    assert_help(&["bench"], &["search", "export"]);
    let top = finish(command().arg("--help").output().unwrap());
    assert!(top.stdout.contains("export"), "{}", top.stdout);
    let hidden = finish(command().args(["bench", "--help"]).output().unwrap());
    assert!(
        !hidden.stdout.contains("export-phase"),
        "internal, not listed"
    );
}

#[test]
fn the_help_lists_every_column_key_of_every_type() {
    let e = Env::with_two_contacts();
    let help = e.run(&["export", "--help"]).ok().stdout;
    for t in TYPES {
        let cols = e
            .run(&["export", t, "--list-columns", "--json"])
            .ok()
            .json();
        let cols = cols.as_array().unwrap();
        assert!(!cols.is_empty(), "{t}");
        for c in cols {
            let key = c["key"].as_str().unwrap();
            assert!(
                help.contains(key),
                "`export --help` should list {t}'s {key}"
            );
            assert!(c["label"]["ar"].is_string() && c["label"]["en"].is_string());
        }
    }
    let human = e
        .run(&["export", "contacts", "--list-columns", "--lang", "en"])
        .ok()
        .stdout;
    assert!(
        human.contains("phones") && human.contains("Phone numbers"),
        "{human}"
    );
}

#[test]
fn contacts_export_to_xlsx_and_csv_and_read_back() {
    let e = Env::with_two_contacts();
    let r = e.export(&["contacts", "--json"], "c.xlsx").ok();
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["rows"], 2);
    assert_eq!(v["format"], "xlsx");
    assert_eq!(v["tables"][0]["key"], "contacts");
    assert_eq!(v["path"], e.path("c.xlsx").to_str().unwrap());

    let (name, rows) = sheets(&e.path("c.xlsx")).remove(0);
    assert_eq!(name, "جهات الاتصال");
    assert_eq!(rows.len(), 3);
    let head = texts(&rows[0]);
    assert_eq!(head[0], "الاسم بالعربية");
    let phones = head.iter().position(|h| h == "أرقام الهاتف").unwrap();
    assert_eq!(texts(&rows[1])[0], "أحمد القحطاني");
    assert_eq!(texts(&rows[1])[phones], "0551234567; 0501112233");
    let created = head.iter().position(|h| h == "تاريخ الإضافة").unwrap();
    assert!(matches!(rows[1][created], Data::DateTime(_)), "a date cell");

    let r = e
        .export(
            &["contacts", "--columns", "name_ar,phones", "--lang", "en"],
            "c.csv",
        )
        .ok();
    assert!(r.stdout.contains("2"), "{}", r.stdout);
    let bytes = std::fs::read(e.path("c.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(
        text,
        "Name in Arabic,Phone numbers\r\n\
         أحمد القحطاني,0551234567; 0501112233\r\n\
         خالد العتيبي,0569876543\r\n"
    );
}

#[test]
fn export_all_writes_a_sheet_per_record_type() {
    let e = Env::with_two_contacts();
    let v = e
        .export(&["all", "--json", "--lang", "en"], "all.xlsx")
        .ok()
        .json();
    let keys: Vec<&str> = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = TYPES.iter().map(|t| t.replace('-', "_")).collect();
    assert_eq!(keys, expected);
    let names: Vec<String> = sheets(&e.path("all.xlsx"))
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(names.len(), 9);
    assert_eq!(names[0], "Contacts");
    assert_eq!(v["rows"], 2);
}

#[test]
fn refused_exports_change_nothing() {
    let e = Env::with_two_contacts();
    let file = e.path("c.xlsx");

    let err = e
        .export(
            &["contacts", "--columns", "name_ar,shoe_size", "--json"],
            "c.xlsx",
        )
        .json_error(3, "unknown_column");
    assert_eq!(err["field"], "columns");
    assert!(err["message_en"].as_str().unwrap().contains("shoe_size"));
    assert!(err["details"]["valid"]
        .as_array()
        .unwrap()
        .contains(&Value::from("phones")));
    assert!(!file.exists(), "nothing written");

    e.export(&["contacts", "--json"], "c.txt")
        .json_error(3, "unsupported_file_type");
    e.export(&["all", "--json"], "all.csv")
        .json_error(3, "csv_holds_one_table");
    e.export(&["contacts", "--json", "--lang", "both"], "c.xlsx")
        .json_error(3, "invalid_input");
    e.export(&["all", "--columns", "name_ar", "--json"], "all.xlsx")
        .json_error(3, "invalid_input");
    e.export(&["contacts", "--from", "2026-13-01", "--json"], "c.xlsx")
        .json_error(3, "invalid_input");
    assert!(!file.exists());

    std::fs::write(&file, b"keep").unwrap();
    let r = e.export(&["contacts"], "c.xlsx");
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), b"keep");
    e.export(&["contacts", "--force"], "c.xlsx").ok();
    assert_eq!(sheets(&file)[0].1.len(), 3);

    let db = e.db.to_str().unwrap().to_string();
    e.run(&["export", "contacts", "--out", &db, "--json"])
        .json_error(3, "unsupported_file_type");

    let names: Vec<String> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("partial")),
        "no half-written file: {names:?}"
    );
}

#[test]
fn bench_export_reports_both_phases() {
    let r = finish(
        command()
            .args(["bench", "export", "--rows", "300", "--json"])
            .output()
            .unwrap(),
    )
    .ok();
    let v = r.json();
    assert_eq!(v["rows"], 300);
    assert_eq!(v["kept"], false);
    assert!(
        !Path::new(v["database"].as_str().unwrap()).exists(),
        "temporary file removed"
    );
    for phase in ["ours", "baseline"] {
        let p = &v[phase];
        assert!(p["seconds"].as_f64().unwrap() > 0.0, "{phase}");
        assert!(p["rows_per_second"].as_f64().unwrap() > 0.0, "{phase}");
        assert_eq!(p["runs_seconds"].as_array().unwrap().len(), 3);
        assert!(p["file_mb"].as_f64().unwrap() > 0.0);
        if cfg!(target_os = "linux") {
            assert!(p["peak_mb"].as_f64().unwrap() > 0.0);
            assert!(p["private_peak_mb"].as_f64().unwrap() > 0.0);
        }
    }
    assert_eq!(v["ours"]["cells"], 300 * 20);
    assert_eq!(v["baseline"]["cells"], 300 * 14);
    assert!(v["ratio"]["seconds"].as_f64().unwrap() > 0.0);
    assert_eq!(
        v["targets"]["met"],
        Value::Null,
        "judged at 100,000 rows only"
    );

    // A database that is not the benchmark's own is never used.
    let e = Env::with_two_contacts();
    let r = e.run(&["bench", "export", "--rows", "300", "--json"]);
    r.json_error(3, "not_a_bench_database");
}
