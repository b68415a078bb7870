//! `reminders …` and `due`: the real binary on temporary databases.

mod common;

use common::{assert_help, Env};

impl Env {
    /// Set up, in Riyadh time (no daylight saving: 09:00 local is 06:00Z), with Sara.
    fn in_riyadh_with_sara() -> Self {
        let e = Env::ready();
        e.run(&[
            "users",
            "add",
            "sara",
            "--role",
            "sales_user",
            "--password",
            "sara-password",
        ])
        .ok();
        e.json(&["reminders", "settings", "--time-zone", "Asia/Riyadh"]);
        e
    }
}

#[test]
fn help_explains_reminders_and_due_to_a_newcomer() {
    assert_help(
        &["reminders"],
        &[
            "add",
            "list",
            "done",
            "dismiss",
            "snooze",
            "settings",
            "local time",
        ],
    );
    assert_help(
        &["reminders", "add"],
        &[
            "--title", "--at", "--for", "--repeat", "--on", "--day", "--until", "--times",
        ],
    );
    assert_help(&["reminders", "snooze"], &["10m", "1h", "tomorrow"]);
    assert_help(&["due"], &["--at", "offset", "Nothing is recorded"]);
}

#[test]
fn add_list_and_due_as_json_in_the_showrooms_time_zone() {
    let e = Env::in_riyadh_with_sara();
    let r = e.json(&[
        "reminders",
        "add",
        "--for",
        "sara",
        "--title",
        "اتصل بأحمد",
        "--note",
        "بخصوص عرض كامري",
        "--at",
        "2026-12-01 09:00",
    ]);
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["next_at"], "2026-12-01T06:00:00Z");
    assert_eq!(r["next_local"], "2026-12-01T09:00:00");
    assert_eq!(r["status"], "active");

    let weekly = e.json(&[
        "reminders",
        "add",
        "--for",
        "admin",
        "--title",
        "اجتماع المبيعات",
        "--at",
        "2026-12-01T10:00",
        "--repeat",
        "weekly",
        "--on",
        "sun,wed",
        "--times",
        "4",
    ]);
    assert_eq!(
        weekly["next_local"], "2026-12-02T10:00:00",
        "first Wednesday"
    );
    assert_eq!(weekly["recurrence"]["ends"]["value"], 4);

    let all = e.json(&["reminders", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let saras = e.json(&["reminders", "list", "--for", "sara"]);
    assert_eq!(saras.as_array().unwrap().len(), 1);
    assert_eq!(saras[0]["id"], id.as_str());

    let before = e.json(&["due", "--at", "2026-12-01T08:59"]);
    assert_eq!(before["occurrences"].as_array().unwrap().len(), 0);
    let at = e.json(&["due", "--at", "2026-12-01T09:00"]);
    assert_eq!(at["time_zone"], "Asia/Riyadh");
    assert_eq!(at["at"], "2026-12-01T06:00:00Z");
    let occ = at["occurrences"].as_array().unwrap();
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0]["kind"], "reminder");
    assert_eq!(occ[0]["source_id"], id.as_str());
    assert_eq!(occ[0]["title"]["ar"], "اتصل بأحمد");
    assert_eq!(occ[0]["body"]["ar"], "بخصوص عرض كامري");
    // The same moment given with its offset.
    let utc = e.json(&["due", "--at", "2026-12-01T06:00Z"]);
    assert_eq!(utc["occurrences"], at["occurrences"]);
    // Only what is for a user.
    let admins = e.json(&["due", "--at", "2026-12-02T10:00", "--for", "admin"]);
    let titles: Vec<&str> = admins["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"]["en"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["اجتماع المبيعات"]);
    // `due` only looks: nothing recorded, so asking again gives the same.
    assert_eq!(e.count("SELECT count(*) FROM notification_deliveries"), 0);
    let again = e.json(&["due", "--at", "2026-12-01T09:00"]);
    assert_eq!(again["occurrences"], at["occurrences"]);
}

#[test]
fn human_output_in_arabic_by_default_and_english_on_request() {
    let e = Env::in_riyadh_with_sara();
    let ar = e
        .run(&[
            "reminders",
            "add",
            "--for",
            "sara",
            "--title",
            "تجديد الترخيص",
            "--at",
            "2027-01-31T09:00",
            "--repeat",
            "monthly",
            "--day",
            "last",
        ])
        .ok();
    assert!(ar.stdout.contains("أُضيف التذكير"), "{}", ar.stdout);
    assert!(ar.stdout.contains("شهريًا: آخر يوم"), "{}", ar.stdout);
    assert!(ar.stdout.contains("2027-01-31 09:00 (Asia/Riyadh)"));
    let en = e.run(&["reminders", "list", "--lang", "en"]).ok();
    assert!(en.stdout.contains("monthly: last day"), "{}", en.stdout);
    let due = e
        .run(&["due", "--at", "2027-01-31T09:00", "--lang", "en"])
        .ok();
    assert!(
        due.stdout
            .contains("Due at 2027-01-31 09:00 (Asia/Riyadh): 1"),
        "{}",
        due.stdout
    );
    let none = e.run(&["due", "--at", "2027-01-30T09:00"]).ok();
    assert!(none.stdout.contains("لا شيء مستحق"), "{}", none.stdout);
}

#[test]
fn snooze_done_and_dismiss_move_the_reminder_on() {
    let e = Env::in_riyadh_with_sara();
    let r = e.json(&[
        "reminders",
        "add",
        "--for",
        "sara",
        "--title",
        "زيارة العميل",
        "--at",
        "2030-01-01T09:00",
    ]);
    let id = r["id"].as_str().unwrap();
    let s = e.json(&["reminders", "snooze", id, "2030-01-01T15:30"]);
    assert_eq!(s["fires_at"], "2030-01-01T12:30:00Z");
    assert_eq!(
        s["next_at"], "2030-01-01T06:00:00Z",
        "the occurrence keeps its time"
    );
    let d = e.json(&["reminders", "done", id]);
    assert_eq!(d["status"], "done");
    let err = e
        .run(&["reminders", "dismiss", id, "--json"])
        .json_error(9, "reminder_not_active");
    assert!(err["message_en"].as_str().unwrap().contains("finished"));
    assert_eq!(e.json(&["reminders", "list"]).as_array().unwrap().len(), 0);
    assert_eq!(
        e.json(&["reminders", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    e.json(&["reminders", "delete", id]);
    assert_eq!(
        e.json(&["reminders", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        e.count("SELECT count(*) FROM reminders WHERE deleted_at IS NOT NULL"),
        1,
        "a tombstone, like other records"
    );
}

#[test]
fn bad_input_is_refused_with_a_reason_and_nothing_is_saved() {
    let e = Env::in_riyadh_with_sara();
    let base = ["reminders", "add", "--for", "sara", "--title", "x"];
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--at", "2026-12-01T09:00", "--repeat", "weekly"],
            "no_weekday",
            "weekdays",
        ),
        (&["--at", "tomorrow at nine"], "invalid_input", "at"),
        (
            &[
                "--at",
                "2026-12-01T09:00",
                "--repeat",
                "daily",
                "--until",
                "2026-11-01",
            ],
            "end_before_start",
            "ends",
        ),
        (
            &[
                "--at",
                "2026-12-01T09:00",
                "--repeat",
                "monthly",
                "--day",
                "32",
            ],
            "invalid_input",
            "month_day",
        ),
        (
            &["--at", "2026-12-01T09:00", "--contact", "nobody"],
            "not_found",
            "",
        ),
    ];
    for (extra, code, field) in cases {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        args.push("--json");
        let err = e
            .run(&args)
            .json_error(if *code == "not_found" { 4 } else { 3 }, code);
        if !field.is_empty() {
            assert_eq!(err["field"], *field, "{err}");
        }
        assert_ne!(err["message_ar"], err["message_en"]);
    }
    // Without --for the command line has no user to give it to.
    let err = e
        .run(&[
            "reminders",
            "add",
            "--title",
            "x",
            "--at",
            "2026-12-01T09:00",
            "--json",
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "assignee");
    assert_eq!(e.count("SELECT count(*) FROM reminders"), 0);

    let err = e
        .run(&[
            "reminders",
            "settings",
            "--time-zone",
            "Asia/Atlantis",
            "--json",
        ])
        .json_error(3, "unknown_time_zone");
    assert!(err["message_en"]
        .as_str()
        .unwrap()
        .contains("Asia/Atlantis"));
    let s = e.json(&["reminders", "settings"]);
    assert_eq!(s["time_zone"], "Asia/Riyadh", "unchanged");
}
