//! `quotes …`, `invoices …` and `delivery-notes …`: the real binary on temporary
//! databases.

use serde_json::Value;

mod common;

use common::{assert_help, Env};

impl Env {
    fn contact(&self, name: &str, phone: &str) -> String {
        self.json(&["contacts", "add", "--name-ar", name, "--phone", phone])["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn product(&self, code: &str, name: &str, price: &str) -> String {
        let id = format!("p-{code}");
        self.sql()
            .execute(
                "INSERT INTO products (id, num, kind, code, name_ar, unit, price, vat_rate, stock_status,
                    created_at, updated_at)
                 VALUES (?1, (SELECT COALESCE(MAX(num), 0) + 1 FROM products), 'vehicle', ?2, ?3, 'سيارة',
                    ?4, '15', 'available', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                rusqlite::params![id, code, name, price],
            )
            .unwrap();
        id
    }

    fn inquiry(&self, contact: &str, approved: bool, product: &str) -> String {
        let id = format!("inq-{}", rand_suffix());
        let c = self.sql();
        c.execute(
            "INSERT INTO inquiries (id, number, contact_id, channel, status, currency, approved_at,
                last_activity_at, created_at, updated_at)
             VALUES (?1, ?1, ?2, 'walk_in', 'open', 'SAR', ?3, '2026-01-01T00:00:00.000Z',
                '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            rusqlite::params![id, contact, approved.then_some("2026-01-01T00:00:00.000Z")],
        )
        .unwrap();
        c.execute(
            "INSERT INTO inquiry_items (inquiry_id, position, product_id, description, quantity)
             VALUES (?1, 0, ?2, '', '1')",
            rusqlite::params![id, product],
        )
        .unwrap();
        id
    }
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos()
        .to_string()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// A decimal string as a number with two decimals, for comparisons.
fn amount(v: &Value) -> String {
    let d: f64 = s(v).parse().unwrap();
    format!("{d:.2}")
}

#[test]
fn help_of_every_sales_command_exits_0_and_shows_examples() {
    let cases: &[(&[&str], &[&str])] = &[
        (&[], &["quotes", "invoices", "delivery-notes"]),
        (
            &["quotes"],
            &[
                "add", "get", "list", "status", "revise", "copy", "convert", "print", "expire",
                "Examples",
            ],
        ),
        (
            &["quotes", "add"],
            &[
                "--contact",
                "--from-inquiry",
                "--line",
                "--product",
                "--valid-until",
                "--terms",
                "--notes",
                "--prices-include-vat",
                "@CODE",
                "10%",
                "Examples",
            ],
        ),
        (
            &["quotes", "status"],
            &["--reason", "--competitor", "rejected", "Examples"],
        ),
        (
            &["quotes", "convert"],
            &[
                "--delivery-note",
                "--invoice",
                "--kind",
                "--address",
                "Examples",
            ],
        ),
        (
            &["quotes", "print"],
            &["--out", "--force", "both", "Examples"],
        ),
        (
            &["invoices"],
            &["list", "get", "status", "print", "Examples"],
        ),
        (&["invoices", "status"], &["paid", "cancelled"]),
        (
            &["delivery-notes"],
            &["list", "get", "status", "print", "Examples"],
        ),
        (&["delivery-notes", "status"], &["delivered", "cancelled"]),
    ];
    for (args, expected) in cases {
        assert_help(args, expected);
    }
}

#[test]
fn a_quotation_goes_from_draft_to_invoice_from_the_command_line() {
    let e = Env::ready();
    let c = e.contact("سعيد القحطاني", "0551234567");
    e.product("CAM-24", "تويوتا كامري 2024", "98000");
    let q = e.json(&[
        "quotes",
        "add",
        "--contact",
        &c,
        "--line",
        "تظليل حراري;٢;1500;10%;15",
        "--line",
        "@cam-24;1;2000",
        "--product",
        "CAM-24",
        "--valid-until",
        "2099-12-31",
        "--terms",
        "السعر يشمل التسجيل",
        "--notes",
        "عميل مميز",
    ]);
    assert_eq!(q["status"], "draft");
    assert!(s(&q["number"]).starts_with("QTN-"));
    assert_eq!(q["valid_until"], "2099-12-31");
    assert_eq!(q["terms"], "السعر يشمل التسجيل");
    assert_eq!(q["notes"], "عميل مميز");
    let lines = q["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["quantity"], "2");
    assert_eq!(lines[0]["discount_kind"], "percent");
    assert_eq!(lines[1]["description"], "تويوتا كامري 2024");
    assert_eq!(lines[1]["discount_kind"], "amount");
    assert_eq!(lines[2]["product_id"], "p-CAM-24");
    // 2×1500 −10% = 2700 +15% = 3105; 98000−2000 = 96000 +15% = 110400; 98000 +15% = 112700
    assert_eq!(amount(&q["totals"]["total"]), "226205.00");
    let id = s(&q["id"]).to_string();

    // Lists and search.
    let list = e.json(&["quotes", "list", "سعيد"]);
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert!(e.json(&["quotes", "list", "خالد"])["items"]
        .as_array()
        .unwrap()
        .is_empty());
    let human = e.run(&["quotes", "get", &id, "--lang", "en"]).ok().stdout;
    assert!(
        human.contains(&format!("Quotation {}", s(&q["number"]))),
        "{human}"
    );
    assert!(human.contains("226205.00 SAR"), "{human}");

    // Rejecting needs a reason; statuses follow the table.
    let err = e
        .run(&["quotes", "status", &id, "rejected", "--json"])
        .json_error(9, "status_not_allowed");
    assert!(s(&err["message_en"]).contains("Draft"));
    e.json(&["quotes", "status", &id, "sent"]);
    let err = e
        .run(&["quotes", "status", &id, "rejected", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "lost_reason");
    let rej = e.json(&[
        "quotes",
        "status",
        &id,
        "rejected",
        "--reason",
        "السعر",
        "--competitor",
        "معرض الخليج",
    ]);
    assert_eq!(rej["competitor"], "معرض الخليج");

    // A revision, then a copy.
    let r1 = e.json(&["quotes", "revise", &id]);
    assert_eq!(r1["number"], format!("{}-R1", s(&q["number"])).as_str());
    assert_eq!(r1["status"], "draft");
    let old = e.json(&["quotes", "get", &id]);
    assert_eq!(old["status"], "superseded");
    let other = e.contact("خالد", "0559876543");
    let cp = e.json(&["quotes", "copy", s(&r1["id"]), "--contact", &other]);
    assert_eq!(cp["contact_id"], other.as_str());
    assert_eq!(cp["copied_from"], r1["id"]);
    let all = e.json(&["quotes", "list", "--all"]);
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        e.json(&["quotes", "list"])["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Accept and convert.
    let r1_id = s(&r1["id"]).to_string();
    e.run(&["quotes", "convert", &r1_id, "--invoice", "--json"])
        .json_error(9, "status_not_allowed");
    e.json(&["quotes", "status", &r1_id, "accepted"]);
    let conv = e.json(&[
        "quotes",
        "convert",
        &r1_id,
        "--delivery-note",
        "--invoice",
        "--kind",
        "standard",
        "--address",
        "الرياض، حي النرجس",
    ]);
    let inv = &conv["invoice"];
    let dn = &conv["delivery_note"];
    assert!(s(&inv["number"]).starts_with("INV-"));
    assert!(s(&dn["number"]).starts_with("DN-"));
    assert_eq!(inv["kind"], "standard");
    assert_eq!(inv["delivery_note_id"], dn["id"]);
    assert_eq!(dn["invoice_id"], inv["id"]);
    assert_eq!(dn["address"], "الرياض، حي النرجس");
    assert_eq!(amount(&inv["totals"]["total"]), "226205.00");
    e.run(&["quotes", "convert", &r1_id, "--invoice", "--json"])
        .json_error(5, "already_exists");
    e.run(&["quotes", "convert", &r1_id, "--json"])
        .json_error(3, "invalid_input");
    // The vehicle is sold, the purchase is on the contact's card.
    let stock: String = e
        .sql()
        .query_row(
            "SELECT stock_status FROM products WHERE id = 'p-CAM-24'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stock, "sold");
    let tl = e.json(&["contacts", "timeline", &c]);
    assert!(tl["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["source"] == "purchase" && i["reference"] == inv["number"]));

    // Invoices and delivery notes.
    let inv_id = s(&inv["id"]).to_string();
    let dn_id = s(&dn["id"]).to_string();
    let invs = e.json(&["invoices", "list", "--status", "issued"]);
    assert_eq!(invs["items"][0]["id"], inv_id.as_str());
    assert_eq!(
        e.json(&["invoices", "get", &inv_id])["quote_id"],
        r1_id.as_str()
    );
    let paid = e.json(&["invoices", "status", &inv_id, "paid"]);
    assert_eq!(paid["status"], "paid");
    e.run(&["invoices", "status", &inv_id, "cancelled", "--json"])
        .json_error(9, "status_not_allowed");
    let dns = e.json(&["delivery-notes", "list", "--quote", &r1_id]);
    assert_eq!(dns["items"][0]["id"], dn_id.as_str());
    let done = e.json(&["delivery-notes", "status", &dn_id, "delivered"]);
    assert!(done["delivered_at"].is_string());
    let card = e
        .run(&["delivery-notes", "get", &dn_id, "--lang", "en"])
        .ok()
        .stdout;
    assert!(card.contains("Delivery note DN-"), "{card}");
    assert!(card.contains("Delivered"), "{card}");
    let card = e.run(&["invoices", "get", &inv_id]).ok().stdout;
    assert!(card.contains("فاتورة ضريبية"), "{card}");

    // History of the quotation.
    let h = e.json(&["quotes", "history", &r1_id]);
    let events: Vec<&str> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| s(&e["event"]))
        .collect();
    assert_eq!(events, ["created", "status", "converted"]);
}

#[test]
fn wrong_lines_dates_and_contacts_exit_3_and_save_nothing() {
    let e = Env::ready();
    let c = e.contact("سعيد", "0551234567");
    for (args, field) in [
        (vec!["--contact", c.as_str(), "--line", "only;two"], "lines"),
        (vec!["--contact", c.as_str(), "--line", "x;one;10"], "lines"),
        (
            vec!["--contact", c.as_str(), "--line", "x;1;10;abc"],
            "lines",
        ),
        (
            vec!["--contact", c.as_str(), "--line", "x;0;10"],
            "quantity",
        ),
        (
            vec![
                "--contact",
                c.as_str(),
                "--line",
                "x;1;10",
                "--valid-until",
                "31/12/2026",
            ],
            "valid_until",
        ),
        (vec!["--contact", "nobody", "--line", "x;1;10"], "contact"),
        (vec!["--contact", c.as_str()], "lines"),
    ] {
        let mut all = vec!["quotes", "add", "--json"];
        all.extend(args);
        let err = e.run(&all).json_error(3, "invalid_input");
        assert_eq!(err["field"], field, "{all:?}");
    }
    e.run(&[
        "quotes",
        "add",
        "--contact",
        &c,
        "--line",
        "@NOPE;1",
        "--json",
    ])
    .json_error(4, "not_found");
    assert_eq!(
        e.run(&["quotes", "add", "--line", "x;1;1"]).code,
        2,
        "--contact or --from-inquiry is required"
    );
    let n: i64 = e
        .sql()
        .query_row("SELECT COUNT(*) FROM quotes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_quotation_from_an_approved_inquiry() {
    let e = Env::ready();
    let c = e.contact("سعيد", "0551234567");
    let p = e.product("LC-24", "لاندكروزر", "300000");
    let pending = e.inquiry(&c, false, &p);
    let err = e
        .run(&["quotes", "add", "--from-inquiry", &pending, "--json"])
        .json_error(9, "status_not_allowed");
    assert!(s(&err["message_en"]).contains("Not approved"), "{err}");
    let inq = e.inquiry(&c, true, &p);
    let q = e.json(&[
        "quotes",
        "add",
        "--from-inquiry",
        &inq,
        "--valid-until",
        "2099-01-31",
        "--line",
        "تسجيل ولوحات;1;750;;0",
    ]);
    assert_eq!(q["contact_id"], c.as_str());
    assert_eq!(q["inquiry_id"], inq.as_str());
    assert_eq!(q["valid_until"], "2099-01-31");
    assert_eq!(q["lines"][0]["description"], "لاندكروزر");
    assert_eq!(q["lines"][1]["description"], "تسجيل ولوحات");
    assert_eq!(amount(&q["totals"]["total"]), "345750.00");
    let status: String = e
        .sql()
        .query_row("SELECT status FROM inquiries WHERE id = ?1", [&inq], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(status, "quoted");
}

#[test]
fn expire_marks_past_quotations_and_says_how_many() {
    let e = Env::ready();
    let c = e.contact("سعيد", "0551234567");
    let q = e.json(&[
        "quotes",
        "add",
        "--contact",
        &c,
        "--line",
        "x;1;10",
        "--issue-date",
        "2026-01-01",
        "--valid-until",
        "2026-01-15",
    ]);
    let r = e.json(&["quotes", "expire", "--today", "2026-01-15"]);
    assert_eq!(r["expired"], 0);
    let r = e.json(&["quotes", "expire", "--today", "2026-01-16"]);
    assert_eq!(r["expired"], 1);
    assert_eq!(e.json(&["quotes", "get", s(&q["id"])])["status"], "expired");
    let out = e
        .run(&["quotes", "expire", "--today", "2026-01-16", "--lang", "en"])
        .ok();
    assert!(
        out.stdout.contains("0 quotation(s) expired"),
        "{}",
        out.stdout
    );
}

#[test]
fn print_refuses_to_overwrite_a_file_or_an_unknown_document() {
    let e = Env::ready();
    let c = e.contact("سعيد", "0551234567");
    let q = e.json(&["quotes", "add", "--contact", &c, "--line", "x;1;10"]);
    let id = s(&q["id"]);
    let existing = e.dir.path().join("exists.pdf");
    std::fs::write(&existing, b"keep").unwrap();
    e.run(&[
        "quotes",
        "print",
        id,
        "--out",
        existing.to_str().unwrap(),
        "--json",
    ])
    .json_error(5, "already_exists");
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep");
    e.run(&["quotes", "print", "nope", "--out", "x.pdf", "--json"])
        .json_error(4, "not_found");
}

#[test]
fn print_writes_a_pdf_and_records_it() {
    let e = Env::ready();
    let c = e.contact("سعيد", "0551234567");
    let q = e.json(&["quotes", "add", "--contact", &c, "--line", "x;1;10"]);
    let id = s(&q["id"]);
    e.json(&["quotes", "status", id, "accepted"]);
    let conv = e.json(&["quotes", "convert", id, "--invoice", "--delivery-note"]);
    // A Saudi simplified invoice needs the seller's VAT number for its QR code: without
    // one it is refused with a message that names the field, and nothing is written.
    let refused = e.dir.path().join("refused.pdf");
    let inv = s(&conv["invoice"]["id"]).to_string();
    e.run(&[
        "invoices",
        "print",
        &inv,
        "--out",
        refused.to_str().unwrap(),
        "--json",
    ])
    .json_error(3, "invalid_input");
    assert!(!refused.exists());
    let setup_db = maarid_core::Db::open(&e.db).unwrap();
    setup_db
        .write(|c| Ok(c.execute("UPDATE company SET tax_number = '310000000000003'", [])?))
        .unwrap();
    drop(setup_db);
    for (cmd, doc_id, name) in [
        ("quotes", id, "q.pdf"),
        ("invoices", s(&conv["invoice"]["id"]), "i.pdf"),
        ("delivery-notes", s(&conv["delivery_note"]["id"]), "d.pdf"),
    ] {
        let out = e.dir.path().join(name);
        let r = e.json(&[
            cmd,
            "print",
            doc_id,
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "both",
        ]);
        assert_eq!(r["lang"], "both");
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{cmd}");
        // The document's number comes back out of the PDF as text.
        let text = std::process::Command::new("pdftotext")
            .arg(&out)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by .ci/run");
        let number = r["number"].as_str().unwrap().to_string();
        assert!(
            String::from_utf8_lossy(&text.stdout).contains(&number),
            "{cmd}: {number}"
        );
    }
    let history = e.json(&["quotes", "history", id]);
    let printed: Vec<_> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|ev| ev["event"] == "printed")
        .collect();
    assert_eq!(printed.len(), 1, "one printed event: {history}");
    assert_eq!(printed[0]["detail"], "both");
}
