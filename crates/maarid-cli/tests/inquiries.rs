//! `inquiries …`: the real binary on temporary databases.

use serde_json::Value;

mod common;

use common::{assert_help, Env};

impl Env {
    fn with_camry() -> Self {
        let e = Env::ready();
        e.json(&[
            "products",
            "add",
            "--kind",
            "vehicle",
            "--code",
            "TY-CAM-2026",
            "--name-ar",
            "تويوتا كامري",
            "--year",
            "2026",
            "--price",
            "125000",
        ]);
        e
    }

    fn execute(&self, sql: &str) {
        self.sql().execute(sql, []).unwrap();
    }

    /// A walk-in with a new contact; returns the inquiry.
    fn walk_in(&self, name: &str, phone: &str) -> Value {
        self.json(&[
            "inquiries",
            "add",
            "--name",
            name,
            "--phone",
            phone,
            "--product",
            "TY-CAM-2026:2",
            "--item",
            "تظليل حراري",
            "--budget",
            "٢٥٠٠٠٠",
            "--follow-up",
            "2030-01-15",
            "--owner",
            "admin",
        ])
    }

    fn numbers(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["inquiries", "list"];
        all.extend_from_slice(args);
        self.json(&all)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["number"].as_str().unwrap().to_string())
            .collect()
    }
}

fn year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

fn number(n: u32) -> String {
    format!("INQ-{}-{n:05}", year())
}

#[test]
fn help_explains_the_inquiry_commands() {
    assert_help(
        &["inquiries"],
        &[
            "add",
            "follow-up",
            "close-unanswered",
            "print",
            "approve",
            "Examples",
            "--create-contact",
        ],
    );
    assert_help(
        &["inquiries", "add"],
        &[
            "--contact",
            "--name",
            "--phone",
            "--channel",
            "--product",
            "--item",
            "--budget",
            "--follow-up",
            "--owner",
        ],
    );
    assert_help(
        &["inquiries", "status"],
        &["contacted", "quoted", "--reason", "--competitor", "final"],
    );
    assert_help(
        &["inquiries", "follow-up"],
        &["--direction", "--outcome", "--next"],
    );
    assert_help(
        &["inquiries", "close-unanswered"],
        &["--now", "no_response"],
    );
    assert_help(&["inquiries", "print"], &["--out", "--force", "both"]);
}

#[test]
fn a_walk_in_with_a_new_contact_is_recorded_and_followed_up() {
    let e = Env::with_camry();
    let i = e.walk_in("سلمان الدوسري", "0567654321");
    assert_eq!(i["number"], number(1));
    assert_eq!(i["status"], "open");
    assert_eq!(i["channel"], "walk_in");
    assert_eq!(i["budget"], "250000");
    assert_eq!(i["follow_up_on"], "2030-01-15");
    assert_eq!(i["owner_name"], "admin");
    let items = i["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["description"], "تويوتا كامري 2026");
    assert_eq!(items[0]["quantity"], "2");
    assert_eq!(items[1]["description"], "تظليل حراري");
    let contact = e.json(&["contacts", "get", i["contact_id"].as_str().unwrap()]);
    assert_eq!(contact["kind"], "lead");
    assert_eq!(contact["source"], "walk_in");

    // By number, in any case.
    let got = e.json(&["inquiries", "get", &number(1).to_lowercase()]);
    assert_eq!(got["id"], i["id"]);
    assert_eq!(got["events"][0]["event"], "created");

    // An outgoing call: contacted, logged with the inquiry's id.
    let f = e.json(&[
        "inquiries",
        "follow-up",
        &number(1),
        "call",
        "--direction",
        "out",
        "--outcome",
        "answered",
        "--text",
        "يريد تمويلًا",
        "--next",
        "2030-01-20",
    ]);
    assert_eq!(f["status"], "contacted");
    assert_eq!(f["follow_up_on"], "2030-01-20");
    assert_eq!(f["communications"][0]["doc_id"], i["id"]);
    // On the contact's timeline.
    let tl = e.json(&["contacts", "timeline", i["contact_id"].as_str().unwrap()]);
    let sales: Vec<&str> = tl["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["source"] == "sales")
        .map(|x| x["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(sales, ["follow_up", "created"]);

    // The same person again: the duplicate refusal, then "save anyway".
    let again = [
        "inquiries",
        "add",
        "--name",
        "سلمان",
        "--phone",
        "٠٥٦٧٦٥٤٣٢١",
        "--item",
        "زيت",
        "--json",
    ];
    let err = e.run(&again).json_error(12, "possible_duplicate");
    assert_eq!(err["details"][0]["contact_id"], i["contact_id"]);
    let mut anyway = again.to_vec();
    anyway.push("--allow-duplicate");
    let second = e.run(&anyway).ok().json();
    assert_eq!(
        second["number"],
        number(2),
        "the refused attempt took no number"
    );
    // Or with the existing contact.
    let third = e.json(&[
        "inquiries",
        "add",
        "--contact",
        i["contact_id"].as_str().unwrap(),
        "--channel",
        "phone",
    ]);
    assert_eq!(third["channel"], "phone");
}

#[test]
fn a_new_contact_needs_confirming_when_the_setting_is_off() {
    let e = Env::with_camry();
    e.execute("UPDATE settings SET auto_create_contact_for_lead = 0");
    let args = [
        "inquiries",
        "add",
        "--name",
        "نورة",
        "--phone",
        "0509998888",
        "--json",
    ];
    let err = e.run(&args).json_error(3, "invalid_input");
    assert_eq!(err["field"], "contact");
    let mut confirmed = args.to_vec();
    confirmed.push("--create-contact");
    assert_eq!(e.run(&confirmed).ok().json()["status"], "open");
}

#[test]
fn statuses_edits_approval_and_cancelling() {
    let e = Env::with_camry();
    let i = e.walk_in("فهد العتيبي", "0551234567");
    let n = number(1);
    // Edit while open: only what is given changes.
    let edited = e.json(&[
        "inquiries",
        "edit",
        &n,
        "--budget",
        "300000",
        "--clear-items",
        "--item",
        "هايلكس",
    ]);
    assert_eq!(edited["budget"], "300000");
    assert_eq!(edited["items"].as_array().unwrap().len(), 1);
    assert_eq!(edited["follow_up_on"], "2030-01-15");
    assert_eq!(edited["owner_id"], i["owner_id"]);

    let approved = e.json(&["inquiries", "approve", &n]);
    assert!(approved["approved_at"].is_string());
    // Lost needs a reason.
    let err = e
        .run(&["inquiries", "status", &n, "lost", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "lost_reason");
    let lost = e.json(&[
        "inquiries",
        "status",
        &n,
        "lost",
        "--reason",
        "price",
        "--competitor",
        "معرض الجزيرة",
    ]);
    assert_eq!(
        (lost["status"].as_str(), lost["lost_reason"].as_str()),
        (Some("lost"), Some("price"))
    );
    // Final: no more moves, no more edits.
    e.run(&["inquiries", "status", &n, "won", "--json"])
        .json_error(9, "status_not_allowed");
    e.run(&["inquiries", "edit", &n, "--notes", "x", "--json"])
        .json_error(9, "read_only");
    let human = e.run(&["inquiries", "get", &n, "--lang", "en"]).ok();
    assert!(human.stdout.contains("Lost (price)"), "{}", human.stdout);

    let other = e.walk_in("سالم", "0501112222");
    let cancelled = e.json(&["inquiries", "cancel", other["id"].as_str().unwrap()]);
    assert_eq!(cancelled["status"], "cancelled");
    e.run(&["inquiries", "get", "INQ-1999-00001", "--json"])
        .json_error(4, "not_found");
}

#[test]
fn lists_filter_and_unanswered_inquiries_close() {
    let e = Env::with_camry();
    e.walk_in("فهد العتيبي", "0551234567");
    e.walk_in("أحمد الزهراني", "0539876543");
    e.json(&[
        "inquiries",
        "add",
        "--name",
        "سالم",
        "--phone",
        "0501112222",
        "--follow-up",
        "2020-01-01",
    ]);
    e.json(&["inquiries", "status", &number(1), "contacted"]);
    assert_eq!(e.numbers(&[]), [number(3), number(2), number(1)]);
    assert_eq!(e.numbers(&["--status", "contacted"]), [number(1)]);
    assert_eq!(e.numbers(&["--due"]), [number(3)]);
    assert_eq!(e.numbers(&["احمد"]), [number(2)]);
    assert_eq!(e.numbers(&["9876"]), [number(2)]);
    let en = e.run(&["inquiries", "list", "--lang", "en"]).ok();
    assert!(
        en.stdout.contains("Contacted") && en.stdout.contains("Walk-in"),
        "{}",
        en.stdout
    );

    // Closing unanswered inquiries: nothing while the setting is 0.
    let later = (chrono::Utc::now() + chrono::Duration::days(10)).to_rfc3339();
    assert_eq!(
        e.json(&["inquiries", "close-unanswered", "--now", &later])["closed"],
        0
    );
    e.execute("UPDATE settings SET close_unanswered_inquiries_days = 3");
    assert_eq!(
        e.json(&["inquiries", "close-unanswered"])["closed"],
        0,
        "not yet"
    );
    assert_eq!(
        e.json(&["inquiries", "close-unanswered", "--now", &later])["closed"],
        1
    );
    assert_eq!(
        e.json(&["inquiries", "close-unanswered", "--now", &later])["closed"],
        0
    );
    let closed = e.json(&["inquiries", "get", &number(1)]);
    assert_eq!(closed["status"], "lost");
    assert_eq!(closed["lost_reason"], "no_response");
    assert_eq!(closed["closed_automatically"], true);
    let err = e
        .run(&[
            "inquiries",
            "close-unanswered",
            "--now",
            "tomorrow",
            "--json",
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "now");
}

#[test]
fn print_writes_a_pdf_and_keeps_an_existing_file() {
    let e = Env::with_camry();
    e.walk_in("فهد العتيبي", "0551234567");
    let pdf = e.dir.path().join("inquiry.pdf");
    let p = pdf.to_str().unwrap();
    e.run(&[
        "inquiries",
        "print",
        &number(1),
        "--out",
        p,
        "--lang",
        "both",
        "--json",
    ])
    .ok();
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    // The customer's name comes back out of the PDF as text, in logical order.
    let text = std::process::Command::new("pdftotext")
        .args([p, "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("فهد العتيبي") && text.contains(&number(1)),
        "{text}"
    );
    let d = e.json(&["inquiries", "get", &number(1)]);
    assert_eq!(
        d["events"].as_array().unwrap().last().unwrap()["event"],
        "printed"
    );
    // An existing file is kept unless --force.
    std::fs::write(&pdf, b"keep me").unwrap();
    e.run(&["inquiries", "print", &number(1), "--out", p, "--json"])
        .json_error(5, "already_exists");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"keep me");
    e.run(&[
        "inquiries",
        "print",
        &number(1),
        "--out",
        p,
        "--force",
        "--json",
    ])
    .ok();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}
