//! `report daily`: the real binary on a temporary database — help for a newcomer, the
//! day as JSON, and the report written as .pdf and .xlsx with the file checks.

mod common;

use common::{assert_help, Env};

#[test]
fn help_explains_the_daily_report() {
    assert_help(
        &["report", "daily"],
        &["--date", "--user", "--out", ".pdf", ".xlsx"],
    );
}

#[test]
fn the_day_comes_as_json_and_as_files_and_bad_targets_change_nothing() {
    let e = Env::ready();
    let v = e.json(&["report", "daily", "--date", "٢٠٢٦-١٢-٠١"]);
    assert_eq!(v["date"], "2026-12-01", "Arabic-Indic digits are read");
    let users = v["users"].as_array().unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0]["username"], "admin");
    assert_eq!(users[0]["counts"]["calls"], 0);

    let pdf = e.path("day.pdf");
    let w = e.json(&[
        "report",
        "daily",
        "--date",
        "2026-12-01",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(w["file"], pdf.to_str().unwrap());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let again = e.run(&["report", "daily", "--out", pdf.to_str().unwrap(), "--json"]);
    again.json_error(5, "already_exists");
    e.json(&["report", "daily", "--out", pdf.to_str().unwrap(), "--force"]);

    let xlsx = e.path("day.xlsx");
    e.json(&[
        "report",
        "daily",
        "--lang",
        "en",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert!(xlsx.exists());

    let txt = e.path("day.txt");
    e.run(&["report", "daily", "--out", txt.to_str().unwrap(), "--json"])
        .json_error(3, "invalid_input");
    assert!(!txt.exists());
    e.run(&["report", "daily", "--user", "nobody", "--json"])
        .json_error(3, "invalid_input");
}
