//! `contacts …` and `seed contacts`: the real binary on temporary databases.

use serde_json::Value;

mod common;

use common::{assert_help, Env};

impl Env {
    /// `contacts add ARGS --json`, which must succeed; returns the contact.
    fn add(&self, args: &[&str]) -> Value {
        let mut all = vec!["contacts", "add", "--json"];
        all.extend_from_slice(args);
        self.run(&all).ok().json()
    }

    fn get(&self, id: &str) -> Value {
        self.run(&["contacts", "get", id, "--json"]).ok().json()
    }

    /// Ids found by `contacts search TEXT --json`.
    fn search_ids(&self, text: &str) -> Vec<String> {
        let v = self
            .run(&["contacts", "search", text, "--json"])
            .ok()
            .json();
        ids(&v["items"])
    }

    fn live_contacts(&self) -> i64 {
        self.sql()
            .query_row(
                "SELECT count(*) FROM contacts WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }
}

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

#[test]
fn help_of_every_contacts_and_seed_command_exits_0() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[],
            &[
                "contacts",
                "seed",
                "12 ",
                "possible_duplicate",
                "--allow-duplicate",
            ],
        ),
        (
            &["contacts"],
            &[
                "add", "get", "edit", "delete", "search", "list", "Examples", "12",
            ],
        ),
        (
            &["contacts", "add"],
            &[
                "--kind",
                "--name-ar",
                "--name-latin",
                "--company",
                "--job-title",
                "--phone",
                "whatsapp:",
                "--email",
                "--city",
                "--source",
                "walk_in",
                "--channel",
                "--owner",
                "--tag",
                "--notes",
                "--allow-duplicate",
                "Examples",
            ],
        ),
        (&["contacts", "get"], &["<ID>", "Example"]),
        (
            &["contacts", "edit"],
            &[
                "<ID>",
                "--city",
                "--phone",
                "--clear-phones",
                "--clear-emails",
                "--clear-tags",
                "--allow-duplicate",
                "Examples",
            ],
        ),
        (&["contacts", "delete"], &["<ID>", "soft delete", "Example"]),
        (
            &["contacts", "search"],
            &["<TEXT>", "--limit", "--after", "أحمد/احمد", "Examples"],
        ),
        (
            &["contacts", "list"],
            &["--limit", "--after", "newest", "Examples"],
        ),
        (
            &["contacts", "merge"],
            &["<SURVIVOR>", "<OTHERS>", "--take", "unmerge", "Example"],
        ),
        (&["contacts", "unmerge"], &["<KEY>", "Example"]),
        (
            &["contacts", "log"],
            &[
                "<ID>",
                "<KIND>",
                "--outcome",
                "no_answer",
                "--at",
                "Examples",
            ],
        ),
        (&["contacts", "timeline"], &["<ID>", "--limit", "--after"]),
        (&["contacts", "restore"], &["<ID>"]),
        (
            &["contacts", "import-vcf"],
            &["<FILE>", "--kind", "--on-duplicate", "skip", "Examples"],
        ),
        (&["seed"], &["contacts", "Example"]),
        (
            &["seed", "contacts"],
            &["<COUNT>", "--seed", "per_second", "Examples"],
        ),
    ];
    for (args, expected) in cases {
        assert_help(args, expected);
    }
}

#[test]
fn add_with_arabic_indic_digits_then_get_shows_e164_and_the_typed_form() {
    let e = Env::ready();
    let c = e.add(&[
        "--name-ar",
        "أحمد عبدالله القحطاني",
        "--phone",
        "٠٥٥١٢٣٤٥٦٧",
        "--phone",
        "whatsapp:+971 50 123 4567",
        "--city",
        "الرياض",
    ]);
    assert_eq!(c["phones"][0]["e164"], "+966551234567");
    assert_eq!(c["phones"][0]["raw"], "٠٥٥١٢٣٤٥٦٧");
    assert_eq!(c["phones"][0]["label"], "mobile");
    assert_eq!(c["phones"][1]["e164"], "+971501234567");
    assert_eq!(c["phones"][1]["label"], "whatsapp");
    assert_eq!(c["kind"], "lead", "lead is the default kind");
    assert_eq!(c["owner_id"], Value::Null, "no owner unless --owner");
    let id = c["id"].as_str().unwrap();

    // --json get gives the same record.
    assert_eq!(e.get(id), c);

    // The human card (Arabic by default) shows both forms and the id.
    let card = e.run(&["contacts", "get", id]).ok().stdout;
    for part in [
        "أحمد عبدالله القحطاني",
        id,
        "+966551234567",
        "٠٥٥١٢٣٤٥٦٧",
        "+971501234567",
        "واتساب",
        "الرياض",
    ] {
        assert!(card.contains(part), "card should show {part}:\n{card}");
    }
    let card = e.run(&["contacts", "get", id, "--lang", "en"]).ok().stdout;
    assert!(
        card.contains("+966551234567 (mobile, as typed: ٠٥٥١٢٣٤٥٦٧)"),
        "{card}"
    );

    // The human result of add names the contact, its id and its phone.
    let r = e
        .run(&[
            "contacts",
            "add",
            "--name-latin",
            "Sara Ali",
            "--phone",
            "0501112233",
        ])
        .ok();
    assert!(r.stdout.starts_with("أُضيفت جهة الاتصال"), "{}", r.stdout);
    assert!(r.stdout.contains("Sara Ali") && r.stdout.contains("+966501112233"));
    assert!(r.stdout.contains("0501112233"), "{}", r.stdout);
}

#[test]
fn search_finds_spelling_variants_and_the_last_digits_of_a_phone() {
    let e = Env::ready();
    let ahmed = e.add(&[
        "--name-ar",
        "أحمد عبدالله القحطاني",
        "--phone",
        "0551234567",
        "--city",
        "الرياض",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let fatima = e.add(&[
        "--name-ar",
        "فاطمة سعد العتيبي",
        "--phone",
        "0509876543",
        "--city",
        "جدة",
        "--tag",
        "VIP",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();

    assert_eq!(e.search_ids("احمد"), [ahmed.as_str()], "أحمد typed as احمد");
    assert_eq!(e.search_ids("أحمد"), [ahmed.as_str()]);
    assert_eq!(e.search_ids("4567"), [ahmed.as_str()], "last 4 digits");
    assert_eq!(e.search_ids("+966551234567"), [ahmed.as_str()]);
    assert_eq!(e.search_ids("فاطمه"), [fatima.as_str()], "ة typed as ه");
    assert_eq!(e.search_ids("vip"), [fatima.as_str()], "tags are searched");
    assert!(e.search_ids("خالد").is_empty());

    // Several words without quotes: every word must match.
    let v = e
        .run(&["contacts", "search", "احمد", "القحطاني", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&v["items"]), [ahmed.as_str()]);
    let v = e
        .run(&["contacts", "search", "احمد", "العتيبي", "--json"])
        .ok()
        .json();
    assert!(ids(&v["items"]).is_empty());

    // Human: a table with name, kind, phone, city and id; or "nothing found".
    let r = e.run(&["contacts", "search", "احمد", "--lang", "en"]).ok();
    for part in [
        "Name",
        "Kind",
        "Phone",
        "City",
        "Id",
        "أحمد عبدالله القحطاني",
        "lead",
        "0551234567",
        "الرياض",
        &ahmed,
    ] {
        assert!(r.stdout.contains(part), "{part} in\n{}", r.stdout);
    }
    assert!(!r.stdout.contains(&fatima));
    let r = e.run(&["contacts", "search", "خالد", "--lang", "en"]).ok();
    assert_eq!(r.stdout.trim(), "No contacts found.");
}

#[test]
fn the_same_phone_typed_differently_exits_12_and_lists_the_match() {
    let e = Env::ready();
    let first = e.add(&[
        "--name-ar",
        "محمد عبدالله القحطاني",
        "--phone",
        "0551234567",
    ]);
    let id = first["id"].as_str().unwrap();

    // Human, English: the error, then the matching contact with reason, value and id.
    let r = e.run(&[
        "contacts",
        "add",
        "--name-latin",
        "M. Qahtani",
        "--phone",
        "+966 55 123 4567",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 12, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.starts_with("error[possible_duplicate]: "),
        "{}",
        r.stderr
    );
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_else(|| panic!("the match's id is listed:\n{}", r.stderr));
    assert!(line.contains("محمد عبدالله القحطاني"), "{line}");
    assert!(line.contains("same phone"), "{line}");
    assert!(line.contains("+966 55 123 4567"), "{line}");
    assert!(r.stderr.contains("--allow-duplicate"), "{}", r.stderr);

    // Arabic (default): the reason is in Arabic.
    let r = e.run(&[
        "contacts",
        "add",
        "--name-latin",
        "x",
        "--phone",
        "٠٥٥١٢٣٤٥٦٧",
    ]);
    assert_eq!(r.code, 12);
    assert!(r.stderr.contains("رقم الهاتف نفسه"), "{}", r.stderr);
    assert_eq!(e.live_contacts(), 1, "nothing saved");

    // JSON: the details list the match.
    let err = e
        .run(&[
            "contacts",
            "add",
            "--name-latin",
            "x",
            "--phone",
            "966551234567",
            "--json",
        ])
        .json_error(12, "possible_duplicate");
    let d = &err["details"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{err}");
    assert_eq!(
        keys(&d[0]),
        ["contact_id", "display_name", "matched", "reason"]
    );
    assert_eq!(d[0]["contact_id"], id);
    assert_eq!(d[0]["display_name"], "محمد عبدالله القحطاني");
    assert_eq!(d[0]["reason"], "same_phone");
    assert_eq!(d[0]["matched"], "966551234567");

    // --allow-duplicate saves it, and says what it resembles.
    let r = e
        .run(&[
            "contacts",
            "add",
            "--name-latin",
            "M. Qahtani",
            "--phone",
            "+966 55 123 4567",
            "--allow-duplicate",
            "--lang",
            "en",
        ])
        .ok();
    assert!(r.stderr.contains(id), "{}", r.stderr);
    assert_eq!(e.live_contacts(), 2);
    let dup = e.search_ids("4567");
    assert_eq!(dup.len(), 2);

    // The same email (in another case) is a duplicate too.
    e.add(&[
        "--kind",
        "customer",
        "--name-ar",
        "ريم",
        "--email",
        "reem@example.com",
    ]);
    let err = e
        .run(&[
            "contacts",
            "add",
            "--kind",
            "customer",
            "--name-ar",
            "ريم سعد",
            "--email",
            "REEM@example.com",
            "--json",
        ])
        .json_error(12, "possible_duplicate");
    assert_eq!(err["details"][0]["reason"], "same_email");
}

#[test]
fn edit_changes_only_what_was_given() {
    let e = Env::ready();
    let before = e.add(&[
        "--kind",
        "customer",
        "--name-ar",
        "نورة سعد العتيبي",
        "--name-latin",
        "Noura Al-Otaibi",
        "--company",
        "شركة الأفق",
        "--job-title",
        "مديرة المشتريات",
        "--phone",
        "0551234567",
        "--email",
        "noura@example.com",
        "--city",
        "الرياض",
        "--source",
        "walk_in",
        "--channel",
        "whatsapp",
        "--tag",
        "VIP",
        "--notes",
        "تفضل التواصل مساءً",
    ]);
    let id = before["id"].as_str().unwrap();

    let after = e
        .run(&[
            "contacts",
            "edit",
            id,
            "--city",
            "جدة",
            "--tag",
            "تمويل",
            "--phone",
            "work:0114567890",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(after["city"], "جدة");
    let mut tags = strs(&after["tags"]);
    tags.sort();
    assert_eq!(tags, ["VIP", "تمويل"], "tags are added to");
    let phones: Vec<&str> = after["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["e164"].as_str().unwrap())
        .collect();
    assert_eq!(
        phones,
        ["+966551234567", "+966114567890"],
        "phones added to"
    );
    assert_eq!(after["phones"][1]["label"], "work");
    assert_eq!(after["phones"][0]["raw"], "0551234567", "typed form kept");
    for unchanged in [
        "id",
        "kind",
        "name_ar",
        "name_latin",
        "company_name",
        "job_title",
        "emails",
        "source",
        "preferred_channel",
        "owner_id",
        "notes",
        "created_at",
    ] {
        assert_eq!(after[unchanged], before[unchanged], "{unchanged} changed");
    }
    assert_eq!(e.get(id), after, "saved");

    // --clear-* replaces a list; an empty value clears a text; none clears a choice.
    let after = e
        .run(&[
            "contacts",
            "edit",
            id,
            "--clear-phones",
            "--phone",
            "0559998888",
            "--clear-tags",
            "--clear-emails",
            "--notes",
            "",
            "--source",
            "none",
            "--kind",
            "lead",
            "--owner",
            "admin",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(after["phones"].as_array().unwrap().len(), 1);
    assert_eq!(after["phones"][0]["e164"], "+966559998888");
    assert!(strs(&after["tags"]).is_empty());
    assert!(strs(&after["emails"]).is_empty());
    assert_eq!(after["notes"], "");
    assert_eq!(after["source"], Value::Null);
    assert_eq!(after["preferred_channel"], "whatsapp", "not given: kept");
    assert_eq!(after["kind"], "lead");
    assert_eq!(after["city"], "جدة");
    assert_eq!(after["name_ar"], "نورة سعد العتيبي");
    let admin_id: String = e
        .sql()
        .query_row("SELECT id FROM users WHERE username = 'admin'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(after["owner_id"], admin_id.as_str());

    // The human result shows the changed card, with the owner's login name.
    let r = e
        .run(&["contacts", "edit", id, "--job-title", "", "--lang", "en"])
        .ok();
    assert!(r.stdout.starts_with("Contact changed:"), "{}", r.stdout);
    assert!(r.stdout.contains("Owner: admin"), "{}", r.stdout);
    assert!(!r.stdout.contains("Job title"), "{}", r.stdout);

    // Nothing to change, an unknown contact or owner: refused, nothing saved.
    let saved = e.get(id);
    e.run(&["contacts", "edit", id, "--json"])
        .json_error(3, "nothing_to_change");
    e.run(&["contacts", "edit", id, "--allow-duplicate", "--json"])
        .json_error(3, "nothing_to_change");
    e.run(&["contacts", "edit", "no-such-id", "--city", "x", "--json"])
        .json_error(4, "not_found");
    e.run(&["contacts", "edit", id, "--owner", "nobody", "--json"])
        .json_error(4, "not_found");
    let err = e
        .run(&["contacts", "edit", id, "--phone", "12", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "phone");
    assert_eq!(e.get(id), saved);
}

#[test]
fn edit_into_a_duplicate_exits_12_unless_allowed() {
    let e = Env::ready();
    let a = e.add(&["--name-ar", "خالد", "--phone", "0551111111"]);
    let b = e.add(&["--name-ar", "بدر", "--phone", "0552222222"]);
    let b_id = b["id"].as_str().unwrap();
    let err = e
        .run(&["contacts", "edit", b_id, "--phone", "0551111111", "--json"])
        .json_error(12, "possible_duplicate");
    assert_eq!(err["details"][0]["contact_id"], a["id"]);
    assert_eq!(e.get(b_id), b, "nothing saved");
    let after = e
        .run(&[
            "contacts",
            "edit",
            b_id,
            "--phone",
            "0551111111",
            "--allow-duplicate",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(after["phones"].as_array().unwrap().len(), 2);
}

#[test]
fn delete_is_soft_and_the_contact_leaves_searches() {
    let e = Env::ready();
    let c = e.add(&["--name-ar", "سلطان الحربي", "--phone", "0557654321"]);
    let id = c["id"].as_str().unwrap();
    assert_eq!(e.search_ids("سلطان"), [id]);

    let r = e.run(&["contacts", "delete", id, "--lang", "en"]).ok();
    assert!(r.stdout.contains("soft delete"), "{}", r.stdout);
    assert!(r.stdout.contains("سلطان الحربي") && r.stdout.contains(id));

    assert!(e.search_ids("سلطان").is_empty());
    assert!(e.search_ids("4321").is_empty());
    let list = e.run(&["contacts", "list", "--json"]).ok().json();
    assert!(ids(&list["items"]).is_empty());
    e.run(&["contacts", "get", id, "--json"])
        .json_error(4, "not_found");
    e.run(&["contacts", "delete", id, "--json"])
        .json_error(4, "not_found");

    // The row is still there, marked deleted.
    let deleted: bool = e
        .sql()
        .query_row(
            "SELECT deleted_at IS NOT NULL FROM contacts WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(deleted);

    // A deleted contact is no longer a duplicate.
    e.add(&["--name-ar", "سلطان", "--phone", "0557654321"]);
}

#[test]
fn list_is_newest_first_in_pages_with_a_cursor() {
    let e = Env::ready();
    for name in ["الأول", "الثاني", "الثالث"] {
        e.add(&["--name-ar", name]);
    }
    let p1 = e
        .run(&["contacts", "list", "--limit", "2", "--json"])
        .ok()
        .json();
    let names: Vec<&str> = p1["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name_ar"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["الثالث", "الثاني"]);
    let next = p1["next"].as_str().expect("a next page").to_string();
    let p2 = e
        .run(&[
            "contacts", "list", "--limit", "2", "--after", &next, "--json",
        ])
        .ok()
        .json();
    assert_eq!(p2["items"][0]["name_ar"], "الأول");
    assert_eq!(p2["items"].as_array().unwrap().len(), 1);
    assert_eq!(p2["next"], Value::Null);

    // Human: the cursor to pass is printed when there is more.
    let r = e
        .run(&["contacts", "list", "--limit", "2", "--lang", "en"])
        .ok();
    assert!(
        r.stdout.contains(&format!("--after {next}")),
        "{}",
        r.stdout
    );
    let r = e.run(&["contacts", "list", "--lang", "en"]).ok();
    assert!(!r.stdout.contains("--after"), "{}", r.stdout);
    assert!(r.stdout.contains("3 contact(s)"), "{}", r.stdout);
}

/// What a listed contact is, without what differs between databases (id, times).
fn content(list: &Value) -> Vec<Value> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let o = c.as_object_mut().unwrap();
            for differs in ["id", "created_at", "updated_at"] {
                o.remove(differs);
            }
            c
        })
        .collect()
}

#[test]
fn seeding_is_deterministic() {
    let seed = |s: &str| {
        let e = Env::ready();
        let r = e
            .run(&["seed", "contacts", "200", "--seed", s, "--json"])
            .ok();
        assert!(r.stderr.is_empty(), "nothing but JSON: {}", r.stderr);
        let v = r.json();
        assert_eq!(keys(&v), ["created", "per_second", "seconds"]);
        assert_eq!(v["created"], 200);
        assert!(v["per_second"].as_f64().unwrap() > 0.0);
        let list = e
            .run(&["contacts", "list", "--json", "--limit", "500"])
            .ok()
            .json();
        assert_eq!(list["next"], Value::Null);
        content(&list)
    };
    let a = seed("7");
    let b = seed("7");
    assert_eq!(a.len(), 200);
    assert_eq!(a, b, "same count and seed, same contacts");
    assert_ne!(a, seed("8"), "another seed, other contacts");

    // The data looks like a showroom's: Arabic three-part names, Saudi mobiles.
    let names = a
        .iter()
        .filter(|c| c["name_ar"].as_str().unwrap().split(' ').count() >= 3)
        .count();
    assert!(names > 120, "{names} of 200 have a full Arabic name");
    assert!(a.iter().all(|c| {
        !c["name_ar"].as_str().unwrap().is_empty()
            || !c["company_name"].as_str().unwrap().is_empty()
    }));
    let phones = a.iter().filter(|c| c["phone"].is_string()).count();
    assert!(phones > 180, "{phones} of 200 have a phone");
}

#[test]
fn seeding_reports_count_and_rate_and_the_data_is_searchable() {
    let e = Env::ready();
    let r = e
        .run(&["seed", "contacts", "150", "--seed", "3", "--lang", "en"])
        .ok();
    assert!(
        r.stdout.starts_with("150 generated contacts added in "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("contacts/s"), "{}", r.stdout);
    assert_eq!(e.live_contacts(), 150);
    // Every generated phone was stored in E.164 (Gulf numbers only).
    let bad: i64 = e
        .sql()
        .query_row(
            "SELECT count(*) FROM contact_phones WHERE e164 NOT GLOB '+9[67][0-9]*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // Search works on generated data: some common name is found.
    assert!(!e.search_ids("محمد").is_empty());
}

#[test]
fn json_shapes() {
    let e = Env::ready();
    let c = e.add(&["--name-ar", "ماجد", "--phone", "0551234567"]);
    assert_eq!(
        keys(&c),
        [
            "addresses",
            "city",
            "company_name",
            "created_at",
            "custom",
            "emails",
            "id",
            "job_title",
            "kind",
            "name_ar",
            "name_latin",
            "notes",
            "owner_id",
            "phones",
            "preferred_channel",
            "social",
            "source",
            "tags",
            "updated_at",
            "website"
        ]
    );
    assert_eq!(keys(&c["phones"][0]), ["e164", "label", "national", "raw"]);
    assert_eq!(c["phones"][0]["national"], "551234567");

    let page = e.run(&["contacts", "search", "ماجد", "--json"]).ok().json();
    assert_eq!(keys(&page), ["items", "next"]);
    assert_eq!(
        keys(&page["items"][0]),
        [
            "city",
            "company_name",
            "created_at",
            "email",
            "id",
            "kind",
            "name_ar",
            "name_latin",
            "owner_id",
            "phone",
            "source",
            "tags",
            "updated_at"
        ]
    );
    assert_eq!(page["items"][0]["phone"], "0551234567");

    let id = c["id"].as_str().unwrap();
    let d = e.run(&["contacts", "delete", id, "--json"]).ok().json();
    assert_eq!(keys(&d), ["display_name", "id", "soft_deleted"]);
    assert_eq!(d["id"], id);
    assert_eq!(d["display_name"], "ماجد");
    assert_eq!(d["soft_deleted"], true);
}

#[test]
fn invalid_input_exits_3_with_the_field() {
    let e = Env::ready();
    let err = e
        .run(&["contacts", "add", "--phone", "0551234567", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "name");
    let err = e
        .run(&[
            "contacts",
            "add",
            "--name-ar",
            "x",
            "--phone",
            "12345",
            "--json",
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "phone");
    let err = e
        .run(&[
            "contacts",
            "add",
            "--name-ar",
            "x",
            "--email",
            "not-an-email",
            "--json",
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "email");
    e.run(&[
        "contacts",
        "add",
        "--name-ar",
        "x",
        "--owner",
        "ghost",
        "--json",
    ])
    .json_error(4, "not_found");
    // Human: the message says which field, in Arabic by default.
    let r = e.run(&["contacts", "add", "--name-ar", "x", "--phone", "12345"]);
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.starts_with("error[invalid_input]: ") && r.stderr.contains("رقم الهاتف"),
        "{}",
        r.stderr
    );
    assert_eq!(e.live_contacts(), 0);
}

#[test]
fn usage_errors_exit_2_and_touch_nothing() {
    let e = Env::ready();
    for args in [
        &[
            "contacts",
            "add",
            "--name-ar",
            "x",
            "--phone",
            "fax:0551234567",
        ][..],
        &["contacts", "add", "--name-ar", "x", "--phone", "whatsapp:"],
        &["contacts", "add", "--name-ar", "x", "--kind", "vip"],
        &["contacts", "add", "--name-ar", "x", "--source", "tv"],
        &["contacts", "add", "--name-ar", "x", "--owner", ""],
        &["contacts", "search"],
        &["contacts", "list", "--limit", "0"],
        &["contacts", "list", "--limit", "501"],
        &["contacts", "get"],
        &["seed", "contacts", "0"],
        &["seed", "contacts", "ten"],
        &["seed", "people", "10"],
    ] {
        let r = e.run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
    assert_eq!(e.live_contacts(), 0);
    // A phone label may be given in Arabic too.
    let c = e.add(&["--name-ar", "x", "--phone", "واتساب:0551234567"]);
    assert_eq!(c["phones"][0]["label"], "whatsapp");
}

#[test]
fn contacts_and_seed_before_setup_exit_8_without_creating_a_database() {
    let e = Env::new();
    for args in [
        &["contacts", "list", "--json"][..],
        &["contacts", "add", "--name-ar", "x", "--json"],
        &["seed", "contacts", "5", "--json"],
    ] {
        e.run(args).json_error(8, "setup_required");
    }
    assert!(!e.db.exists());
    let r = e.run(&["contacts", "list", "--lang", "en"]);
    assert_eq!(r.code, 8);
    assert!(
        r.stderr.starts_with("error[setup_required]"),
        "{}",
        r.stderr
    );
}

#[test]
fn log_merge_timeline_and_unmerge_through_the_cli() {
    let e = Env::ready();
    let keep = e.add(&[
        "--name-ar",
        "تركي السبيعي",
        "--phone",
        "0554443322",
        "--city",
        "الرياض",
    ]);
    let dup = e.add(&[
        "--name-ar",
        "تركي",
        "--phone",
        "0569998877",
        "--city",
        "جدة",
        "--allow-duplicate",
    ]);
    let (keep, dup) = (keep["id"].as_str().unwrap(), dup["id"].as_str().unwrap());

    let call = e
        .run(&[
            "contacts",
            "log",
            dup,
            "call",
            "--outcome",
            "answered",
            "--text",
            "يريد عرض سعر",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(call["outcome"], "answered");
    // An outcome that does not fit the kind: exit 3, translated, nothing logged.
    let r = e.run(&["contacts", "log", dup, "call", "--outcome", "bought"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("النتيجة"), "{}", r.stderr);

    let m = e
        .run(&[
            "contacts",
            "merge",
            keep,
            dup,
            "--take",
            &format!("city={dup}"),
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(m["survivor"]["city"], "جدة");
    assert_eq!(m["survivor"]["phones"].as_array().unwrap().len(), 2);
    assert_eq!(m["moved"]["interactions"], 1);
    assert_eq!(e.live_contacts(), 1);
    let tl = e.run(&["contacts", "timeline", keep]).ok();
    assert!(
        tl.stdout.contains("مكالمة — تم الرد: يريد عرض سعر"),
        "{}",
        tl.stdout
    );
    assert!(tl.stdout.contains("دمج"), "{}", tl.stdout);

    // Undo by naming the merged contact.
    let u = e.run(&["--lang", "en", "contacts", "unmerge", dup]).ok();
    assert!(u.stdout.contains("undone"), "{}", u.stdout);
    assert_eq!(e.live_contacts(), 2);
    assert_eq!(e.get(keep)["city"], "الرياض");
    let tl = e.run(&["contacts", "timeline", dup, "--json"]).ok().json();
    assert!(tl["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["kind"] == "call"));
    e.run(&["contacts", "unmerge", dup, "--json"])
        .json_error(4, "not_found");
}

#[test]
fn import_vcf_is_all_or_nothing_with_a_report_per_card() {
    let e = Env::ready();
    let vcf = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../maarid-core/tests/fixtures/vcf/02-iphone-export-4-cards.vcf"
    );
    let v = e
        .run(&[
            "contacts",
            "import-vcf",
            vcf,
            "--kind",
            "customer",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(v["report"]["created"], 4);
    assert_eq!(e.live_contacts(), 4);
    // Again: every card is now a duplicate; nothing is written, exit 3, the report says why.
    let err = e
        .run(&["contacts", "import-vcf", vcf, "--json"])
        .json_error(3, "import_refused");
    assert_eq!(err["details"]["report"]["errors"], 4);
    assert_eq!(
        err["details"]["report"]["rows"][0]["error"]["code"],
        "possible_duplicate"
    );
    assert_eq!(e.live_contacts(), 4);
    let human = e.run(&["contacts", "import-vcf", vcf]);
    assert_eq!(human.code, 3);
    assert!(human.stderr.contains("لم يُستورد شيء"), "{}", human.stderr);
    assert!(human.stderr.contains("  1. "), "{}", human.stderr);
    // Skipping duplicates imports the rest (here: none left).
    let v = e
        .run(&[
            "contacts",
            "import-vcf",
            vcf,
            "--on-duplicate",
            "skip",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(v["report"]["skipped"], 4);
}
