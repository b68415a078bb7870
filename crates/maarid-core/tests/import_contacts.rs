//! Importing contacts from a messy legacy workbook: the preview and dry run write
//! nothing, the run writes every valid row in one batch, the batch undoes completely,
//! duplicates follow the chosen policy, a saved profile maps a reshuffled file, the
//! error report holds the rows left out with their reasons, and a cancel keeps nothing.

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use maarid_core::contacts::{self, ContactInput, ContactKind, PhoneInput, PhoneLabel};
use maarid_core::import::{
    self, batches, error_report, profiles, ColumnMap, DateOrderKey, ImportKind, ImportOptions,
    ImportProblem, OnDuplicate, Phase, RowOutcome,
};
use maarid_core::Error;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn contacts_live(t: &common::TestDb) -> i64 {
    common::count(
        &t.db,
        "SELECT count(*) FROM contacts WHERE deleted_at IS NULL",
    )
}

/// The kind of sheet a showroom keeps: a merged title, an empty row, a header in
/// Arabic, phones typed as numbers, visit dates as date cells and as day-first text,
/// a bad email, a row repeated, a 19-digit id, and a totals row at the bottom.
fn legacy_workbook(dir: &Path) -> PathBuf {
    let path = dir.join("عملاء 2023.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("العملاء").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 5, "كشف عملاء معرض النخبة 2023", &Format::new())
        .unwrap();
    let header = [
        "م",
        "اسم العميل",
        "رقم الجوال",
        "البريد الإلكتروني",
        "المدينة",
        "تاريخ الزيارة",
        "رقم الهوية",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, &str, &str); 6] = [
        ("أحمد القحطاني", 551234567.0, "ahmed@example.sa", "الرياض"),
        ("Sara Ali", 561112222.0, "sara@example.com", "جدة"),
        ("خالد", 501234567.0, "not-an-email", "الدمام"),
        ("أحمد القحطاني", 551234567.0, "", "الرياض"),
        ("منى", 531234567.0, "mona@example.sa", "الرياض"),
        ("فهد", 541234567.0, "", "مكة"),
    ];
    for (i, (name, phone, email, city)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write(r, 0, (i + 1) as u32).unwrap();
        ws.write(r, 1, *name).unwrap();
        ws.write(r, 2, *phone).unwrap();
        if !email.is_empty() {
            ws.write(r, 3, *email).unwrap();
        }
        ws.write(r, 4, *city).unwrap();
    }
    ws.write_with_format(3, 5, ExcelDateTime::from_ymd(2024, 3, 15).unwrap(), &date)
        .unwrap();
    ws.write(4, 5, "25/03/2024").unwrap();
    ws.write(7, 5, "١٥/٠٤/٢٠٢٤").unwrap();
    // Typed as a number: the last digits are gone.
    ws.write(8, 6, 1_234_567_890_123_456_789f64).unwrap();
    ws.write(9, 1, "المجموع").unwrap();
    ws.write(9, 0, 6).unwrap();
    wb.save(&path).unwrap();
    path
}

fn go(_: import::Progress) -> bool {
    true
}

#[test]
fn a_legacy_workbook_is_previewed_imported_reported_and_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let path = legacy_workbook(t.dir.path());
    let o = ImportOptions::new(ImportKind::Contacts);

    let dry = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(dry.header_row, 3, "the header is found under the title");
    assert_eq!(dry.sheet, "العملاء");
    assert_eq!(dry.total_rows, vec![10], "the totals row is left out");
    let fields: Vec<(usize, &str)> = dry
        .mapping
        .iter()
        .map(|m| (m.column, m.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            (1, "name_ar"),
            (2, "phones"),
            (3, "emails"),
            (4, "city"),
            (5, "visit_date")
        ]
    );
    assert_eq!(dry.date_order, DateOrderKey::Dmy);
    assert_eq!(dry.date_order_detected, Some(DateOrderKey::Dmy));
    let c = dry.counts;
    assert_eq!((c.total, c.new, c.duplicate, c.invalid), (6, 4, 1, 1));
    assert_eq!(contacts_live(&t), 0, "a dry run writes nothing");
    let first = &dry.rows[0];
    assert_eq!(first.row, 4);
    let v = first.values.as_ref().unwrap();
    assert_eq!(v["phones"], "0551234567", "the lost trunk zero is back");
    assert_eq!(v["visit_date"], "2024-03-15");
    let sara = dry.rows[1].values.as_ref().unwrap();
    assert_eq!(
        sara["name_latin"], "Sara Ali",
        "a Latin name goes to the Latin field"
    );
    assert_eq!(sara["visit_date"], "2024-03-25");
    let bad = &dry.rows[2];
    assert_eq!(bad.outcome, RowOutcome::Invalid);
    assert_eq!(bad.problems[0].field, Some("email"));
    let dup = &dry.rows[3];
    assert_eq!(dup.outcome, RowOutcome::Duplicate);
    assert_eq!(dup.matches[0].row, Some(4), "it repeats row 4 of the file");

    let done = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        done.counts, dry.counts,
        "the run does what the dry run said"
    );
    let batch = done.batch_id.clone().unwrap();
    assert_eq!(contacts_live(&t), 4);
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM interactions WHERE kind = 'visit'"
        ),
        3,
        "visit dates are on the timelines"
    );
    let found = contacts::search(
        &t.db,
        a,
        &contacts::SearchQuery {
            text: "0551234567".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.items.len(), 1);

    // The error report: the two rows left out, as they were, with both reasons.
    let out = t.dir.path().join("errors.xlsx");
    assert_eq!(error_report(&path, &done, &out).unwrap(), 2);
    let mut wb = open_workbook_auto(&out).unwrap();
    let sheet = wb.worksheet_range("لم تُستورد").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][2], Data::String("اسم العميل".into()));
    assert_eq!(rows[1][0], Data::Float(6.0), "the spreadsheet row number");
    assert_eq!(rows[1][2], Data::String("خالد".into()));
    assert_eq!(
        rows[1][3],
        Data::Float(501234567.0),
        "the original cell, as it was"
    );
    let reason_en = rows[1][9].to_string();
    assert!(reason_en.contains("Email"), "{reason_en}");
    let reason_ar = rows[2][8].to_string();
    assert!(reason_ar.contains("مكرر للصف 4"), "{reason_ar}");

    // The batch is listed and undone completely.
    let listed = batches::list(&t.db, a).unwrap();
    assert_eq!(listed[0].id, batch);
    assert_eq!((listed[0].created, listed[0].duplicates), (4, 1));
    batches::undo(&t.db, a, &batch).unwrap();
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM contacts"), 0);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM contact_phones"),
        0
    );
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM interactions"), 0);
    let again = batches::undo(&t.db, a, &batch).unwrap_err();
    assert!(matches!(again, Error::Import(ImportProblem::AlreadyUndone)));
    // Imported again after the undo, nothing is a duplicate any more.
    let redo = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(redo.counts.new, 4);
}

#[test]
fn a_long_number_is_refused_not_rounded() {
    let (t, admin) = common::ready_db();
    let path = legacy_workbook(t.dir.path());
    let mut o = ImportOptions::new(ImportKind::Contacts);
    let base = import::check(&t.db, &admin.actor, &path, &o, &mut go).unwrap();
    let mut mapping = base.mapping.clone();
    mapping.push(ColumnMap {
        column: 6,
        field: "notes".into(),
    });
    o.mapping = Some(mapping);
    let r = import::check(&t.db, &admin.actor, &path, &o, &mut go).unwrap();
    let row = r.rows.iter().find(|r| r.row == 9).unwrap();
    assert_eq!(row.outcome, RowOutcome::Invalid);
    assert!(row.problems[0].message_en.contains("digits lost"));
}

fn saved(t: &common::TestDb, a: &maarid_core::access::Actor, name: &str, phone: &str) -> String {
    contacts::create(
        &t.db,
        a,
        &ContactInput {
            kind: Some(ContactKind::Customer),
            name_ar: name.into(),
            phones: vec![PhoneInput {
                number: phone.into(),
                label: PhoneLabel::Mobile,
            }],
            notes: "عميل قديم".into(),
            ..Default::default()
        },
        false,
    )
    .unwrap()
    .id
}

#[test]
fn duplicates_of_saved_contacts_follow_the_policy_and_updates_undo() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let id = saved(&t, a, "أحمد القحطاني", "0551234567");
    let path = legacy_workbook(t.dir.path());
    let mut o = ImportOptions::new(ImportKind::Contacts);

    let skip = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!((skip.counts.new, skip.counts.duplicate), (3, 2));
    assert_eq!(skip.rows[0].matches[0].id.as_deref(), Some(id.as_str()));

    o.on_duplicate = OnDuplicate::Create;
    let create = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!((create.counts.new, create.counts.duplicate), (5, 0));

    o.on_duplicate = OnDuplicate::Update;
    let up = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        (up.counts.new, up.counts.updated, up.counts.duplicate),
        (3, 1, 1),
        "the file's second row for the same person is a duplicate of its first"
    );
    let c = contacts::get(&t.db, a, &id).unwrap();
    assert_eq!(
        c.emails,
        vec!["ahmed@example.sa"],
        "the file's email is added"
    );
    assert_eq!(c.city, "الرياض");
    assert_eq!(c.notes, "عميل قديم", "what the file does not say stays");
    assert_eq!(contacts_live(&t), 4);

    batches::undo(&t.db, a, up.batch_id.as_deref().unwrap()).unwrap();
    let back = contacts::get(&t.db, a, &id).unwrap();
    assert!(back.emails.is_empty(), "the update is taken back");
    assert_eq!(back.city, "");
    assert_eq!(contacts_live(&t), 1);
}

#[test]
fn an_undo_that_would_lose_later_work_is_refused() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let path = legacy_workbook(t.dir.path());
    let o = ImportOptions::new(ImportKind::Contacts);
    let r = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    let found = contacts::search(
        &t.db,
        a,
        &contacts::SearchQuery {
            text: "منى".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mona = &found.items[0].id;
    let mut input = ContactInput::from(&contacts::get(&t.db, a, mona).unwrap());
    input.notes = "اتصلت وسألت عن السعر".into();
    std::thread::sleep(std::time::Duration::from_millis(5));
    contacts::update(&t.db, a, mona, &input, false).unwrap();

    let e = batches::undo(&t.db, a, r.batch_id.as_deref().unwrap()).unwrap_err();
    match e {
        Error::Import(ImportProblem::ChangedSince { count, example }) => {
            assert_eq!((count, example.as_str()), (1, "منى"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(contacts_live(&t), 4, "a refused undo changes nothing");
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM interactions"),
        3,
        "not even the visits"
    );
}

#[test]
fn a_saved_profile_maps_next_months_file_with_moved_columns() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    // Headers nobody's synonyms know.
    let write = |name: &str, order: [usize; 3]| {
        let path = t.dir.path().join(name);
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let cols = [
            ("الزبون الكريم", "نورة"),
            ("تلفون", "0559876543"),
            ("ملاحظة", "VIP"),
        ];
        for (c, &k) in order.iter().enumerate() {
            ws.write(0, c as u16, cols[k].0).unwrap();
            ws.write(1, c as u16, cols[k].1).unwrap();
        }
        wb.save(&path).unwrap();
        path
    };
    let first = write("march.xlsx", [0, 1, 2]);
    let mut o = ImportOptions::new(ImportKind::Contacts);
    let e = import::check(&t.db, a, &first, &o, &mut go).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::NoHeader)));
    o.header_row = Some(1);
    o.mapping = Some(vec![
        ColumnMap {
            column: 0,
            field: "name_ar".into(),
        },
        ColumnMap {
            column: 1,
            field: "phones".into(),
        },
        ColumnMap {
            column: 2,
            field: "tags".into(),
        },
    ]);
    let r = import::check(&t.db, a, &first, &o, &mut go).unwrap();
    assert_eq!(r.counts.new, 1);
    profiles::save(
        &t.db,
        a,
        &profiles::Profile {
            name: "كشف الفرع".into(),
            kind: ImportKind::Contacts,
            mapping: import::mapping::to_profile(
                &[
                    import::Cell::Text("الزبون الكريم".into()),
                    import::Cell::Text("تلفون".into()),
                    import::Cell::Text("ملاحظة".into()),
                ],
                o.mapping.as_ref().unwrap(),
            ),
            date_order: None,
            on_duplicate: None,
        },
    )
    .unwrap();

    let next = write("april.xlsx", [2, 0, 1]);
    let mut o2 = ImportOptions::new(ImportKind::Contacts);
    o2.header_row = Some(1);
    o2.profile = Some("كشف الفرع".into());
    let r2 = import::run(&t.db, a, &next, &o2, &mut go).unwrap();
    assert_eq!(r2.counts.new, 1);
    let found = contacts::search(
        &t.db,
        a,
        &contacts::SearchQuery {
            text: "نوره".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let c = contacts::get(&t.db, a, &found.items[0].id).unwrap();
    assert_eq!(c.phones[0].raw, "0559876543");
    assert_eq!(c.tags, vec!["VIP"]);
}

#[test]
fn a_required_field_without_a_column_and_an_unknown_field_are_refused() {
    let (t, admin) = common::ready_db();
    let path = legacy_workbook(t.dir.path());
    let mut o = ImportOptions::new(ImportKind::Contacts);
    o.mapping = Some(vec![ColumnMap {
        column: 1,
        field: "shoe_size".into(),
    }]);
    let e = import::check(&t.db, &admin.actor, &path, &o, &mut go).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::UnknownField(ref f)) if f == "shoe_size"));
    assert!(e
        .message(maarid_core::i18n::Locale::Ar)
        .contains("shoe_size"));
    o.mapping = Some(vec![ColumnMap {
        column: 99,
        field: "name_ar".into(),
    }]);
    let e = import::check(&t.db, &admin.actor, &path, &o, &mut go).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::NoSuchColumn(99))));
    let mut o = ImportOptions::new(ImportKind::Contacts);
    o.header_row = Some(500);
    let e = import::check(&t.db, &admin.actor, &path, &o, &mut go).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::NoSuchRow(500))));
    assert!(e.message(maarid_core::i18n::Locale::En).contains("Row 500"));
}

#[test]
fn a_cancel_while_writing_keeps_nothing() {
    let (t, admin) = common::ready_db();
    let path = t.dir.path().join("big.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "الاسم").unwrap();
    ws.write(0, 1, "الجوال").unwrap();
    for i in 1..=1200u32 {
        ws.write(i, 0, format!("عميل {i}")).unwrap();
        ws.write(i, 1, format!("05{:08}", 50_000_000 + i)).unwrap();
    }
    wb.save(&path).unwrap();
    let o = ImportOptions::new(ImportKind::Contacts);
    let mut seen = Vec::new();
    let mut stop_while_writing = |p: import::Progress| {
        seen.push(p.phase);
        !(p.phase == Phase::Write && p.done >= 1000)
    };
    let e = import::run(&t.db, &admin.actor, &path, &o, &mut stop_while_writing).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::Cancelled)));
    assert!(seen.contains(&Phase::Check) && seen.contains(&Phase::Write));
    assert_eq!(contacts_live(&t), 0);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM import_batches"),
        0
    );
    let done = import::run(&t.db, &admin.actor, &path, &o, &mut go).unwrap();
    assert_eq!(done.counts.new, 1200);
}

/// 10,000 customers, so that the run writes its first chunks while later rows are
/// still being checked: a row far down repeating an early row, another repeating a
/// saved contact, and a cancel after the first chunk was written.
#[test]
fn a_big_file_written_as_it_is_checked_counts_what_its_dry_run_counted() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    saved(&t, a, "عميل محفوظ", "0559000000");
    let path = t.dir.path().join("big.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "الاسم").unwrap();
    ws.write(0, 1, "الجوال").unwrap();
    for i in 1..=10_000u32 {
        let phone = match i {
            9_500 => "0500000003".to_string(), // row 4's number, again
            9_000 => "0559000000".to_string(), // the saved contact's number
            _ => format!("05{:08}", i),
        };
        ws.write(i, 0, format!("عميل {i}")).unwrap();
        ws.write(i, 1, phone).unwrap();
    }
    wb.save(&path).unwrap();
    let o = ImportOptions::new(ImportKind::Contacts);

    let dry = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!((dry.counts.new, dry.counts.duplicate), (9_998, 2));

    let mut stop_late = |p: import::Progress| !(p.phase == Phase::Check && p.done >= 9_000);
    let e = import::run(&t.db, a, &path, &o, &mut stop_late).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::Cancelled)));
    assert_eq!(
        contacts_live(&t),
        1,
        "the chunks written before the cancel are gone"
    );

    let run = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        (run.counts.new, run.counts.duplicate),
        (dry.counts.new, dry.counts.duplicate),
        "the run counts what its dry run counted"
    );
    let by_row = |n: usize| run.rows.iter().find(|r| r.row == n).unwrap();
    assert_eq!(
        by_row(9_501).matches[0].row,
        Some(4),
        "named by its row in the file"
    );
    assert!(
        by_row(9_001).matches[0].id.is_some(),
        "the saved contact, not a row of this import"
    );
    assert_eq!(
        run.rows[0].values.as_ref().unwrap()["phones"],
        "0500000001",
        "the preview's values outlive the rows' writing"
    );
    assert_eq!(contacts_live(&t), 9_999);
    batches::undo(&t.db, a, run.batch_id.as_deref().unwrap()).unwrap();
    assert_eq!(contacts_live(&t), 1);
}
