//! Importing a log of past inquiries: contacts found by mobile number, email or name,
//! unknown people saved as leads in the same batch, items named by catalog code,
//! past dates kept, duplicates (same person, day and items) in the file and against
//! the database, bad rows reported, and the whole batch undone.

mod common;

use std::path::{Path, PathBuf};

use maarid_core::access::Actor;
use maarid_core::catalog::{self, ProductInput, ProductKind};
use maarid_core::contacts::{
    self, ContactInput, ContactKind, PhoneInput, PhoneLabel, SearchQuery, Source, TimelineQuery,
};
use maarid_core::import::{
    self, batches, DateOrderKey, ImportKind, ImportOptions, OnDuplicate, RowOutcome,
};
use maarid_core::inquiries::{self, InquiryChannel, InquiryQuery, InquiryStatus};
use maarid_core::numbering;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn go(_: import::Progress) -> bool {
    true
}

/// Every table an import of inquiries touches, counted.
fn counts(t: &common::TestDb) -> Vec<i64> {
    [
        "inquiries",
        "inquiry_items",
        "contacts",
        "contact_phones",
        "contact_emails",
        "sales_events",
    ]
    .iter()
    .map(|table| common::count(&t.db, &format!("SELECT count(*) FROM {table}")))
    .collect()
}

fn series_preview(t: &common::TestDb, a: &Actor) -> String {
    numbering::list(&t.db, a)
        .unwrap()
        .into_iter()
        .find(|s| s.doc_type == "inquiry")
        .unwrap()
        .preview
}

/// A saved customer and a catalog item the file refers to.
fn saved(t: &common::TestDb, a: &Actor) -> (String, String) {
    let ahmed = contacts::create(
        &t.db,
        a,
        &ContactInput {
            kind: Some(ContactKind::Customer),
            name_ar: "أحمد القحطاني".into(),
            phones: vec![PhoneInput {
                number: "0551234567".into(),
                label: PhoneLabel::Mobile,
            }],
            ..Default::default()
        },
        false,
    )
    .unwrap()
    .id;
    let camry = catalog::create(
        &t.db,
        a,
        &ProductInput {
            kind: ProductKind::Vehicle,
            code: "CAM-24".into(),
            name_ar: "تويوتا كامري".into(),
            name_en: String::new(),
            description: String::new(),
            unit: String::new(),
            price: dec("125000"),
            vat_rate: None,
            category: String::new(),
            make: "Toyota".into(),
            model: "Camry".into(),
            year: Some(2024),
            trim: String::new(),
            colour: String::new(),
            vin: String::new(),
            stock_status: None,
            image_data_url: None,
        },
    )
    .unwrap()
    .id;
    (ahmed, camry)
}

/// The inquiry log: text dates day first, a follow-up date as a date cell, a phone
/// typed as a number, the same person by phone then by email, a repeated row, an
/// impossible date, a row naming nobody, a future date, a person known only by name.
fn inquiry_log(dir: &Path) -> PathBuf {
    let path = dir.join("استفسارات.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "سجل الاستفسارات").unwrap();
    let header = [
        "التاريخ",
        "اسم العميل",
        "الجوال",
        "البريد الإلكتروني",
        "المطلوب",
        "الميزانية",
        "القناة",
        "الحالة",
        "البائع",
        "تاريخ المتابعة",
        "ملاحظات",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(1, c as u16, *h).unwrap();
    }
    #[rustfmt::skip]
    let rows: [[&str; 11]; 8] = [
        ["15/03/2024", "أحمد القحطاني", "#551234567", "", "cam-24", "120,000", "زيارة", "مفتوح", "مدير النظام", "", "يريد اللون الأبيض"],
        ["16/03/2024", "سارة علي", "0561112222", "Sara@Example.com", "لاندكروزر؛ تظليل حراري", "#300000", "واتساب", "تم التواصل", "", "", ""],
        ["20/03/2024", "سارة علي", "", "sara@example.com", "كامري هايبرد", "", "انستقرام", "خسارة", "", "", "السعر مرتفع"],
        ["16/03/2024", "Sara Ali", "+966561112222", "", "لاندكروزر ; تظليل حراري", "", "واتساب", "", "", "", ""],
        ["31/02/2024", "منى", "0531234567", "", "سوناتا", "", "", "", "", "", ""],
        ["17/03/2024", "", "", "", "شيء ما", "", "", "", "", "", ""],
        ["01/01/2099", "خالد", "0541234567", "", "النترا", "", "", "", "", "", ""],
        ["18/03/2024", "فهد الدوسري", "", "", "باترول", "", "هاتف", "", "admin", "", ""],
    ];
    for (i, row) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        for (c, v) in row.iter().enumerate() {
            if let Some(n) = v.strip_prefix('#') {
                ws.write(r, c as u16, n.parse::<f64>().unwrap()).unwrap();
            } else if !v.is_empty() {
                ws.write(r, c as u16, *v).unwrap();
            }
        }
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_with_format(2, 9, ExcelDateTime::from_ymd(2024, 3, 20).unwrap(), &date)
        .unwrap();
    wb.save(&path).unwrap();
    path
}

fn by_contact(t: &common::TestDb, a: &Actor, contact_id: &str) -> Vec<inquiries::Inquiry> {
    inquiries::list(
        &t.db,
        a,
        &InquiryQuery {
            contact_id: Some(contact_id.into()),
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .into_iter()
    .map(|s| inquiries::get(&t.db, a, &s.id).unwrap().inquiry)
    .collect()
}

fn contact_named(t: &common::TestDb, a: &Actor, text: &str) -> contacts::Contact {
    let found = contacts::search(
        &t.db,
        a,
        &SearchQuery {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.items.len(), 1, "{text}");
    contacts::get(&t.db, a, &found.items[0].id).unwrap()
}

#[test]
fn an_inquiry_log_is_imported_with_new_leads_and_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let (ahmed, camry) = saved(&t, a);
    let path = inquiry_log(t.dir.path());
    let before = counts(&t);
    let series_before = series_preview(&t, a);
    let o = ImportOptions::new(ImportKind::Inquiries);

    let dry = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(dry.header_row, 2);
    assert_eq!(dry.date_order_detected, Some(DateOrderKey::Dmy));
    let fields: Vec<&str> = dry.mapping.iter().map(|m| m.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "date",
            "contact_name",
            "phone",
            "email",
            "items",
            "budget",
            "channel",
            "status",
            "owner",
            "follow_up_on",
            "notes"
        ]
    );
    let c = dry.counts;
    assert_eq!((c.total, c.new, c.duplicate, c.invalid), (8, 4, 1, 3));
    assert_eq!(counts(&t), before, "a dry run writes nothing");
    let first = dry.rows[0].values.as_ref().unwrap();
    assert_eq!(first["contact_name"], "أحمد القحطاني", "found by the phone");
    assert_eq!(
        first["items"], "تويوتا كامري 2024",
        "named by its catalog code"
    );
    assert_eq!(first["date"], "2024-03-15");
    assert_eq!(first["budget"], "120000");
    assert_eq!(first["follow_up_on"], "2024-03-20");
    let repeated = &dry.rows[3];
    assert_eq!(repeated.outcome, RowOutcome::Duplicate);
    assert_eq!(
        (repeated.matches[0].row, repeated.matches[0].reason.as_str()),
        (Some(4), "same_inquiry"),
        "the same lead (same phone), day and items as row 4"
    );
    let wrong_day = &dry.rows[4];
    assert_eq!(
        (wrong_day.outcome, wrong_day.problems[0].field),
        (RowOutcome::Invalid, Some("date"))
    );
    let nobody = &dry.rows[5];
    assert_eq!(nobody.problems[0].field, Some("contact"));
    assert!(nobody.problems[0].message_ar.contains("العميل"));
    assert_eq!(dry.rows[6].problems[0].field, Some("date"), "a future date");

    let done = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(done.counts, dry.counts);

    let mine = by_contact(&t, a, &ahmed);
    assert_eq!(mine.len(), 1);
    let i = &mine[0];
    assert_eq!(i.items[0].product_id.as_deref(), Some(camry.as_str()));
    assert_eq!(i.budget, Some(dec("120000")));
    assert_eq!(i.channel, InquiryChannel::WalkIn);
    assert_eq!(i.status, InquiryStatus::Open);
    assert_eq!(i.owner_id, admin.actor.user_id);
    assert_eq!(i.follow_up_on.map(|d| d.to_string()).unwrap(), "2024-03-20");
    assert!(
        i.created_at.starts_with("2024-03-15"),
        "dated as the file says: {}",
        i.created_at
    );
    assert_eq!(i.notes, "يريد اللون الأبيض");
    let timeline = contacts::timeline(&t.db, a, &ahmed, &TimelineQuery::default()).unwrap();
    assert!(timeline
        .items
        .iter()
        .any(|e| e.doc_id.as_deref() == Some(i.id.as_str()) && e.at.starts_with("2024-03-15")));

    let sara = contact_named(&t, a, "سارة");
    assert_eq!(sara.kind, ContactKind::Lead);
    assert_eq!(sara.source, Some(Source::SocialMedia), "from the channel");
    assert_eq!(sara.emails, vec!["sara@example.com"]);
    assert_eq!(sara.phones[0].e164, "+966561112222");
    let hers = by_contact(&t, a, &sara.id);
    assert_eq!(
        hers.len(),
        2,
        "found again by email: one lead, two inquiries"
    );
    let lost = hers
        .iter()
        .find(|i| i.status == InquiryStatus::Lost)
        .unwrap();
    assert_eq!(lost.lost_reason, "other");
    assert!(lost.closed_at.is_some());
    let two = hers
        .iter()
        .find(|i| i.status == InquiryStatus::Contacted)
        .unwrap();
    let items: Vec<&str> = two.items.iter().map(|i| i.description.as_str()).collect();
    assert_eq!(items, ["لاندكروزر", "تظليل حراري"]);
    assert_eq!(two.channel, InquiryChannel::Whatsapp);
    let fahd = contact_named(&t, a, "فهد");
    assert_eq!(
        by_contact(&t, a, &fahd.id)[0].channel,
        InquiryChannel::Phone
    );
    assert_ne!(series_preview(&t, a), series_before);

    batches::undo(&t.db, a, done.batch_id.as_deref().unwrap()).unwrap();
    assert_eq!(counts(&t), before, "the database is as before");
    assert_eq!(
        series_preview(&t, a),
        series_before,
        "the numbers taken are given back"
    );
}

#[test]
fn saved_inquiries_are_skipped_or_updated_and_the_update_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let (ahmed, _) = saved(&t, a);
    let path = inquiry_log(t.dir.path());
    let o = ImportOptions::new(ImportKind::Inquiries);
    import::run(&t.db, a, &path, &o, &mut go).unwrap();

    let again = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    let c = again.counts;
    assert_eq!(
        (c.new, c.duplicate, c.invalid),
        (0, 5, 3),
        "every row imported before is now a duplicate of a saved inquiry"
    );
    assert!(again.rows[0].matches[0].id.is_some());

    // Next month's follow-up sheet: the same inquiries, moved on (a lost one cannot be).
    let update = t.dir.path().join("متابعة.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        [
            "الجوال",
            "البريد الإلكتروني",
            "التاريخ",
            "المطلوب",
            "الحالة",
            "الميزانية",
        ],
        [
            "0551234567",
            "",
            "2024-03-15",
            "CAM-24",
            "تم التواصل",
            "125000",
        ],
        [
            "",
            "sara@example.com",
            "2024-03-20",
            "كامري هايبرد",
            "مفتوح",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&update).unwrap();
    let saved_before = by_contact(&t, a, &ahmed).remove(0);
    let mut o = ImportOptions::new(ImportKind::Inquiries);
    o.on_duplicate = OnDuplicate::Update;
    let up = import::run(&t.db, a, &update, &o, &mut go).unwrap();
    assert_eq!(
        (up.counts.updated, up.counts.new, up.counts.invalid),
        (1, 0, 1)
    );
    let closed = &up.rows[1].problems[0];
    assert_eq!((closed.code, closed.field), ("read_only", Some("inquiry")));
    let now = by_contact(&t, a, &ahmed).remove(0);
    assert_eq!(now.id, saved_before.id);
    assert_eq!(now.status, InquiryStatus::Contacted);
    assert_eq!(now.budget, Some(dec("125000")));
    assert_eq!(
        now.notes, "يريد اللون الأبيض",
        "what the file does not say stays"
    );

    batches::undo(&t.db, a, up.batch_id.as_deref().unwrap()).unwrap();
    let back = by_contact(&t, a, &ahmed).remove(0);
    assert_eq!(back, saved_before, "the inquiry is exactly as it was");
}

#[test]
fn a_name_alone_finds_one_contact_and_never_guesses_between_two() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let (ahmed, _) = saved(&t, a);
    for phone in ["0501111111", "0502222222"] {
        contacts::create(
            &t.db,
            a,
            &ContactInput {
                kind: Some(ContactKind::Lead),
                name_ar: "محمد العتيبي".into(),
                phones: vec![PhoneInput {
                    number: phone.into(),
                    label: PhoneLabel::Mobile,
                }],
                ..Default::default()
            },
            true,
        )
        .unwrap();
    }
    let path = t.dir.path().join("names.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["اسم العميل", "المطلوب"],
        ["احمد القحطانى", "صيانة"],
        ["محمد العتيبي", "تظليل"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let r = import::check(
        &t.db,
        a,
        &path,
        &ImportOptions::new(ImportKind::Inquiries),
        &mut go,
    )
    .unwrap();
    assert_eq!(r.rows[0].outcome, RowOutcome::New);
    assert_eq!(
        r.rows[0].values.as_ref().unwrap()["contact_name"],
        "أحمد القحطاني",
        "the saved contact, whatever the spelling of hamza and ya"
    );
    let two = &r.rows[1];
    assert_eq!(two.outcome, RowOutcome::Invalid);
    assert_eq!(
        (two.problems[0].code, two.problems[0].field),
        ("import_ambiguous_contact", Some("contact"))
    );
    assert!(two.problems[0].message_en.contains("2 saved contacts"));
    let done = import::run(
        &t.db,
        a,
        &path,
        &ImportOptions::new(ImportKind::Inquiries),
        &mut go,
    )
    .unwrap();
    assert_eq!(done.counts.new, 1);
    assert_eq!(by_contact(&t, a, &ahmed).len(), 1);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM contacts"),
        3,
        "no contact was made up"
    );
}
