//! Importing past quotations from a sheet of lines: rows grouped by quotation number
//! (header columns repeated on every line, or only on the first), totals computed and
//! a disagreeing file total refused, one bad line refusing its whole quotation, the
//! original numbers kept (and kept away from the series), duplicates of saved numbers
//! skipped or updated, and the batch undone.

mod common;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use maarid_core::access::Actor;
use maarid_core::contacts::{self, ContactInput, ContactKind, PhoneInput, PhoneLabel};
use maarid_core::import::{self, batches, ImportKind, ImportOptions, OnDuplicate, RowOutcome};
use maarid_core::numbering;
use maarid_core::quotes::{self, QuoteInput, QuoteQuery, QuoteStatus};
use maarid_core::sales::lines::{DiscountKind, LineInput};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn go(_: import::Progress) -> bool {
    true
}

/// Every table an import of quotations touches, counted.
fn counts(t: &common::TestDb) -> Vec<i64> {
    [
        "quotes",
        "document_lines",
        "contacts",
        "contact_phones",
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
        .find(|s| s.doc_type == "quotation")
        .unwrap()
        .preview
}

/// A saved customer with a draft quotation (it takes the series' first number).
fn saved(t: &common::TestDb, a: &Actor) -> (String, quotes::Quote) {
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
    let q = quotes::create(
        &t.db,
        a,
        &QuoteInput {
            contact_id: ahmed.clone(),
            inquiry_id: None,
            issue_date: None,
            valid_until: None,
            currency: None,
            prices_include_vat: None,
            lines: vec![LineInput {
                product_id: None,
                description: "فحص شامل".into(),
                unit: String::new(),
                quantity: Decimal::ONE,
                unit_price: dec("500"),
                discount_kind: DiscountKind::Percent,
                discount: Decimal::ZERO,
                vat_rate: dec("15"),
            }],
            terms: None,
            notes: String::new(),
            owner_id: None,
        },
    )
    .unwrap();
    (ahmed, q)
}

/// The sheet of quotation lines. `#` marks a number cell, `@` a date cell.
fn write_sheet(path: &Path, header: &[&str], rows: &[Vec<String>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 5, "عروض الأسعار 2024", &Format::new())
        .unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write(1, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, row) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            if let Some(n) = v.strip_prefix('#') {
                ws.write(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if let Some(d) = v.strip_prefix('@') {
                let d = ymd(d);
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                    .unwrap();
                ws.write_with_format(r, c, dt, &date).unwrap();
            } else if !v.is_empty() {
                ws.write(r, c, v.as_str()).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

const HEADER: [&str; 13] = [
    "رقم العرض",
    "التاريخ",
    "العميل",
    "الجوال",
    "الحالة",
    "صالح حتى",
    "الوصف",
    "الكمية",
    "السعر",
    "الخصم",
    "الضريبة",
    "الإجمالي",
    "إجمالي العرض",
];

fn row(cells: [&str; 13]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

/// Q-1001: two lines, header repeated, line totals and the quotation total given.
/// Q-1002: header on its first line only. Q-1003: a total that is not the lines'.
/// Q-1004: a line with no quantity. The saved quotation's number: a duplicate. Q-1005:
/// two dates for one quotation. Then a number of this program's own series.
fn quote_sheet(dir: &Path, saved_number: &str, own_series: &str) -> PathBuf {
    let path = dir.join("عروض.xlsx");
    #[rustfmt::skip]
    let rows = vec![
        row(["Q-1001", "10/01/2024", "أحمد القحطاني", "#551234567", "مقبول", "25/01/2024", "تويوتا كامري 2024", "#1", "#125000", "5000", "%15", "#138000", "139,967.54"]),
        row(["Q-1001", "10/01/2024", "أحمد القحطاني", "#551234567", "مقبول", "25/01/2024", "تظليل حراري", "#2", "#950.5", "10%", "15", "#1967.54", "139,967.54"]),
        row(["Q-1002", "@2024-02-05", "سارة علي", "0561112222", "مرسل", "", "تويوتا لاندكروزر", "#1", "#345000", "", "#15", "", ""]),
        row(["", "", "", "", "", "", "ضمان إضافي سنتين", "#1", "#2000", "", "#15", "", ""]),
        row(["Q-1003", "01/03/2024", "فهد الدوسري", "", "مسودة", "31/12/2099", "فرش أرضيات", "#4", "#250", "", "#15", "", "#1200"]),
        row(["Q-1004", "02/03/2024", "فهد الدوسري", "", "", "31/12/2099", "مفارش جلد", "#2", "#300", "", "#15", "", ""]),
        row(["Q-1004", "02/03/2024", "فهد الدوسري", "", "", "31/12/2099", "دواسات", "#0", "#150", "", "#15", "", ""]),
        row([saved_number, "03/03/2024", "أحمد القحطاني", "#551234567", "", "", "شيء", "#1", "#10", "", "#15", "", ""]),
        row(["Q-1005", "04/03/2024", "فهد الدوسري", "", "", "", "بند", "#1", "#10", "", "#15", "", ""]),
        row(["Q-1005", "05/03/2024", "فهد الدوسري", "", "", "", "بند آخر", "#1", "#10", "", "#15", "", ""]),
        row([own_series, "06/03/2024", "فهد الدوسري", "", "مسودة", "31/12/2099", "صيانة دورية", "#1", "#400", "", "#15", "", ""]),
    ];
    write_sheet(&path, &HEADER, &rows);
    path
}

fn find(t: &common::TestDb, a: &Actor, number: &str) -> quotes::Quote {
    let page = quotes::list(
        &t.db,
        a,
        &QuoteQuery {
            text: Some(number.into()),
            ..Default::default()
        },
    )
    .unwrap();
    let s = page
        .items
        .into_iter()
        .find(|q| q.number == number)
        .unwrap_or_else(|| panic!("{number} not found"));
    quotes::get(&t.db, a, &s.id).unwrap()
}

fn year() -> i32 {
    chrono::Local::now().year()
}

#[test]
fn past_quotations_are_grouped_computed_checked_imported_and_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let (ahmed, saved_q) = saved(&t, a);
    let own = format!("QTN-{}-00007", year());
    let path = quote_sheet(t.dir.path(), &saved_q.number, &own);
    let before = counts(&t);
    let series_before = series_preview(&t, a);
    let o = ImportOptions::new(ImportKind::Quotes);

    let dry = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(dry.header_row, 2);
    let c = dry.counts;
    assert_eq!((c.total, c.new, c.duplicate, c.invalid), (11, 5, 1, 5));
    assert_eq!(counts(&t), before, "a dry run writes nothing");
    let outcomes: Vec<RowOutcome> = dry.rows.iter().map(|r| r.outcome).collect();
    use RowOutcome::*;
    assert_eq!(
        outcomes,
        [New, New, New, New, Invalid, Invalid, Invalid, Duplicate, Invalid, Invalid, New]
    );
    let l1 = dry.rows[0].values.as_ref().unwrap();
    assert_eq!(l1["number"], "Q-1001");
    assert_eq!(l1["contact_name"], "أحمد القحطاني");
    assert_eq!(dec(&l1["line_total"]), dec("138000"));
    assert_eq!(
        dec(&l1["total"]),
        dec("139967.54"),
        "computed, and equal to the file's"
    );
    assert_eq!(l1["discount"], "5000", "an amount");
    let l2 = dry.rows[1].values.as_ref().unwrap();
    assert_eq!(l2["discount"], "10%");
    let below = dry.rows[3].values.as_ref().unwrap();
    assert_eq!(
        below["number"], "Q-1002",
        "a line with a blank number belongs to the quotation above"
    );
    assert_eq!(below["status"], "expired", "sent, and past its validity");

    let mismatch = &dry.rows[4].problems[0];
    assert_eq!(
        (mismatch.code, mismatch.field),
        ("import_total_mismatch", Some("total"))
    );
    assert!(
        mismatch.message_en.contains("1200"),
        "{}",
        mismatch.message_en
    );
    assert!(
        mismatch.message_en.contains("(1150)"),
        "{}",
        mismatch.message_en
    );
    let zero = &dry.rows[6].problems[0];
    assert_eq!(zero.field, Some("quantity"));
    let sibling = &dry.rows[5].problems[0];
    assert_eq!(sibling.code, "import_quotation_line_refused");
    assert!(
        sibling.message_ar.contains("الصف 9"),
        "names the bad line's row: {}",
        sibling.message_ar
    );
    let dup = &dry.rows[7];
    assert_eq!(dup.matches[0].id.as_deref(), Some(saved_q.id.as_str()));
    assert_eq!(dup.matches[0].reason, "same_number");
    let differs = &dry.rows[8].problems[0];
    assert_eq!(
        (differs.code, differs.field),
        ("import_quotation_differs", Some("issue_date"))
    );
    assert!(
        differs.message_en.contains("Row 12"),
        "{}",
        differs.message_en
    );

    let done = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(done.counts, dry.counts);

    let q1 = find(&t, a, "Q-1001");
    assert_eq!(q1.contact_id, ahmed, "found by the phone");
    assert_eq!(q1.status, QuoteStatus::Accepted);
    assert_eq!(q1.issue_date, ymd("2024-01-10"));
    assert_eq!(q1.valid_until, ymd("2024-01-25"));
    assert_eq!(q1.lines.len(), 2);
    assert_eq!(
        (q1.lines[0].discount_kind, q1.lines[0].discount),
        (DiscountKind::Amount, dec("5000"))
    );
    assert_eq!(
        (q1.lines[1].discount_kind, q1.lines[1].discount),
        (DiscountKind::Percent, dec("10"))
    );
    assert_eq!(q1.lines[1].unit_price, dec("950.5"));
    assert_eq!(q1.totals.total, dec("139967.54"));
    assert!(q1.created_at.starts_with("2024-01-10"));
    let q2 = find(&t, a, "Q-1002");
    assert_eq!(q2.status, QuoteStatus::Expired);
    assert_eq!(q2.valid_until, ymd("2024-02-20"), "issue date + 15 days");
    assert_eq!(q2.totals.total, dec("399050"));
    let sara = contacts::get(&t.db, a, &q2.contact_id).unwrap();
    assert_eq!(
        (sara.name_ar.as_str(), sara.kind),
        ("سارة علي", ContactKind::Lead)
    );
    let own_q = find(&t, a, &own);
    assert_eq!(own_q.status, QuoteStatus::Draft);
    assert_eq!(
        series_preview(&t, a),
        format!("QTN-{}-00008", year()),
        "the series moves past a number it would have given again"
    );

    batches::undo(&t.db, a, done.batch_id.as_deref().unwrap()).unwrap();
    assert_eq!(counts(&t), before, "the database is as before");
    assert_eq!(series_preview(&t, a), series_before);
    assert_eq!(quotes::get(&t.db, a, &saved_q.id).unwrap(), saved_q);
}

#[test]
fn a_saved_number_is_skipped_or_its_quotation_replaced_and_the_update_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let (_, saved_q) = saved(&t, a);
    let path = t.dir.path().join("تحديث.xlsx");
    #[rustfmt::skip]
    let rows = vec![
        row([&saved_q.number, "03/03/2024", "أحمد القحطاني", "0551234567", "مرسل", "31/12/2099", "فحص شامل وتغيير زيت", "#1", "#650", "", "#15", "#747.5", ""]),
        row(["", "", "", "", "", "", "فلتر هواء", "#1", "#80", "", "#15", "", ""]),
    ];
    write_sheet(&path, &HEADER, &rows);
    let mut o = ImportOptions::new(ImportKind::Quotes);
    let skip = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        (skip.counts.duplicate, skip.counts.new),
        (2, 0),
        "both lines of a saved number are left out"
    );

    o.on_duplicate = OnDuplicate::Update;
    let up = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(up.counts.updated, 2);
    let now = quotes::get(&t.db, a, &saved_q.id).unwrap();
    assert_eq!(now.status, QuoteStatus::Sent);
    assert_eq!(now.issue_date, ymd("2024-03-03"));
    assert_eq!(now.lines.len(), 2);
    assert_eq!(now.totals.total, dec("839.50"));

    batches::undo(&t.db, a, up.batch_id.as_deref().unwrap()).unwrap();
    assert_eq!(
        quotes::get(&t.db, a, &saved_q.id).unwrap(),
        saved_q,
        "lines, figures and status as they were"
    );
}
