//! Export to real .xlsx and .csv files, read back with calamine, the zip archive's
//! XML and plain text: headers in the chosen language, right-to-left Arabic sheets
//! with a frozen, filtered header, dates as date cells, money as numbers with the
//! currency's decimals, a BOM in .csv, chosen columns, the "own records" scope, the
//! created-date filter, and refusals that write nothing.

mod common;
mod sales_fixtures;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::{DateTime, Local, NaiveDate, Utc};
use maarid_core::access::roles::{self, RoleInput};
use maarid_core::access::{Actor, Scope};
use maarid_core::catalog::{self, ProductInput, ProductKind, StockStatus};
use maarid_core::contacts::{
    self, Address, AddressLabel, Channel, ContactInput, ContactKind, PhoneInput, PhoneLabel, Source,
};
use maarid_core::export::{self, ExportKind, ExportRequest};
use maarid_core::fields::{self, FieldInput, FieldType};
use maarid_core::inquiries::{self, InquiryChannel, InquiryInput, InquiryItemInput};
use maarid_core::quotes::{self, ConvertInput, QuoteStatus, StatusChange};
use maarid_core::{users, Db, Locale};
use sales_fixtures::{d, input, line};

/// A showroom with two salespeople and a little of everything: contacts (one
/// deleted), a custom number and date field, a vehicle, an inquiry, quotations (one
/// in KWD), and an invoice and a delivery note made from Sara's quotation.
struct World {
    t: common::TestDb,
    admin: Actor,
    sara: Actor,
    omar: Actor,
    ahmed: String,
    khalid: String,
    sara_quote: String,
}

fn accept(db: &Db, a: &Actor, id: &str) {
    quotes::set_status(
        db,
        a,
        id,
        &StatusChange {
            status: QuoteStatus::Accepted,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
    .unwrap();
}

fn world() -> World {
    let (t, admin) = common::ready_db();
    let a = admin.actor;
    users::add(&t.db, &a, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, &a, &common::new_user("omar", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let omar = users::login(&t.db, "omar", "omar-password").unwrap().actor;

    let budget = fields::create(
        &t.db,
        &a,
        &FieldInput {
            label_ar: "الميزانية".into(),
            label_en: "Budget".into(),
            field_type: Some(FieldType::Number),
            ..Default::default()
        },
    )
    .unwrap();
    let visit = fields::create(
        &t.db,
        &a,
        &FieldInput {
            label_ar: "تاريخ الزيارة".into(),
            label_en: "Visit date".into(),
            field_type: Some(FieldType::Date),
            ..Default::default()
        },
    )
    .unwrap();

    let ahmed = contacts::create(
        &t.db,
        &a,
        &ContactInput {
            kind: Some(ContactKind::Customer),
            name_ar: "أحمد القحطاني".into(),
            name_latin: "Ahmed Al-Qahtani".into(),
            phones: vec![
                PhoneInput {
                    number: "0551234567".into(),
                    label: PhoneLabel::Mobile,
                },
                PhoneInput {
                    number: "0501112233".into(),
                    label: PhoneLabel::Whatsapp,
                },
            ],
            emails: vec!["ahmed@example.com".into()],
            city: "الرياض".into(),
            addresses: vec![Address {
                label: AddressLabel::Home,
                line: "حي النخيل، شارع ١٢".into(),
                city: "الرياض".into(),
                region: "منطقة الرياض".into(),
                postal_code: String::new(),
                country: "SA".into(),
            }],
            custom: BTreeMap::from([
                (budget.id.clone(), "250000".into()),
                (visit.id.clone(), "2026-03-15".into()),
            ]),
            source: Some(Source::WalkIn),
            preferred_channel: Some(Channel::Whatsapp),
            owner_id: sara.user_id.clone(),
            tags: vec!["VIP".into(), "تمويل".into()],
            notes: "يريد سيارة عائلية".into(),
            ..Default::default()
        },
        true,
    )
    .unwrap()
    .id;
    let khalid = contacts::create(
        &t.db,
        &omar,
        &ContactInput {
            kind: Some(ContactKind::Lead),
            name_ar: "خالد العتيبي".into(),
            phones: vec![PhoneInput {
                number: "0569876543".into(),
                label: PhoneLabel::Mobile,
            }],
            ..Default::default()
        },
        true,
    )
    .unwrap()
    .id;
    let gone = sales_fixtures::contact(&t.db, &a, "محذوف", "0540000000");
    contacts::delete(&t.db, &a, &gone).unwrap();

    let camry = catalog::create(
        &t.db,
        &a,
        &ProductInput {
            kind: ProductKind::Vehicle,
            code: "CAM-26".into(),
            name_ar: "تويوتا كامري".into(),
            name_en: "Toyota Camry".into(),
            description: String::new(),
            unit: "سيارة".into(),
            price: d("125000"),
            vat_rate: Some(d("15")),
            category: "سيدان".into(),
            make: "Toyota".into(),
            model: "Camry".into(),
            year: Some(2026),
            trim: "GLE".into(),
            colour: "أبيض".into(),
            vin: "JTNB11HK0J3000001".into(),
            stock_status: Some(StockStatus::Available),
            image_data_url: None,
        },
    )
    .unwrap();

    inquiries::create(
        &t.db,
        &sara,
        &InquiryInput {
            contact_id: Some(ahmed.clone()),
            new_contact: None,
            create_contact: false,
            allow_duplicate: false,
            channel: InquiryChannel::WalkIn,
            items: vec![
                InquiryItemInput {
                    product_id: Some(camry.id.clone()),
                    description: String::new(),
                    quantity: d("1"),
                },
                InquiryItemInput {
                    product_id: None,
                    description: "تظليل".into(),
                    quantity: d("2"),
                },
            ],
            budget: Some(d("130000")),
            notes: String::new(),
            owner_id: None,
            follow_up_on: NaiveDate::from_ymd_opt(2026, 12, 1),
        },
    )
    .unwrap();

    // Sara's quotation: 1000 + 15% and 2 × 500 + 15% → 2300 with VAT.
    let mut sq = input(
        &ahmed,
        vec![
            line("سيارة تويوتا كامري", "1", "1000", "15"),
            line("تظليل", "2", "500", "15"),
        ],
    );
    sq.issue_date = NaiveDate::from_ymd_opt(2026, 11, 23);
    let sara_quote = quotes::create(&t.db, &sara, &sq).unwrap().id;
    accept(&t.db, &a, &sara_quote);
    quotes::convert(
        &t.db,
        &a,
        &sara_quote,
        &ConvertInput {
            delivery_note: true,
            invoice: true,
            invoice_kind: None,
            delivery_address: "الرياض".into(),
        },
    )
    .unwrap();
    quotes::create(
        &t.db,
        &omar,
        &input(&khalid, vec![line("خدمة صيانة", "1", "300", "15")]),
    )
    .unwrap();
    let mut kwd = input(&khalid, vec![line("أثاث", "1", "1.2345", "0")]);
    kwd.currency = Some("KWD".into());
    quotes::create(&t.db, &a, &kwd).unwrap();

    World {
        t,
        admin: a,
        sara,
        omar,
        ahmed,
        khalid,
        sara_quote,
    }
}

impl World {
    fn path(&self, name: &str) -> PathBuf {
        self.t.dir.path().join(name)
    }

    fn export(&self, actor: &Actor, req: &ExportRequest, name: &str) -> PathBuf {
        let path = self.path(name);
        let summary = export::export(&self.t.db, actor, req, &path).unwrap();
        assert_eq!(summary.path, path);
        assert!(path.is_file());
        path
    }
}

fn request(kind: ExportKind, lang: Locale) -> ExportRequest {
    ExportRequest {
        kind,
        columns: None,
        from: None,
        to: None,
        lang,
    }
}

/// Every sheet of a workbook, by name, as rows of cells.
fn read_xlsx(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

/// A part of the .xlsx zip archive, e.g. `xl/worksheets/sheet1.xml`.
fn xml(path: &Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// A .csv file: checks the BOM, returns the header and the rows.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut all: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    let header = all.remove(0);
    (header, all)
}

fn header(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(|c| c.to_string()).collect()
}

/// The cell of `row` under the column headed `label`.
fn at<'a>(rows: &'a [Vec<Data>], row: usize, label: &str) -> &'a Data {
    let c = header(rows)
        .iter()
        .position(|h| h == label)
        .unwrap_or_else(|| panic!("no column {label}: {:?}", header(rows)));
    &rows[row][c]
}

fn csv_at<'a>(h: &[String], row: &'a [String], label: &str) -> &'a str {
    let c = h.iter().position(|x| x == label).unwrap();
    &row[c]
}

/// The day of an Excel date serial (days since 1899-12-30).
fn serial_day(serial: f64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Days::new(serial.floor() as u64)
}

fn local_date(stored_utc: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(stored_utc)
        .unwrap()
        .with_timezone(&Local)
        .date_naive()
}

#[test]
fn every_record_type_writes_xlsx_and_csv_that_read_back() {
    let w = world();
    // Live rows the administrator may read.
    let expected = [
        (ExportKind::Contacts, 2),
        (ExportKind::Products, 1),
        (ExportKind::Inquiries, 1),
        (ExportKind::Quotes, 3),
        (ExportKind::QuoteLines, 4),
        (ExportKind::Invoices, 1),
        (ExportKind::InvoiceLines, 2),
        (ExportKind::DeliveryNotes, 1),
        (ExportKind::DeliveryNoteLines, 2),
    ];
    assert_eq!(expected.len(), ExportKind::ALL.len());
    for (kind, rows) in expected {
        let columns = export::columns(&w.t.db, &w.admin, kind).unwrap();
        let xlsx = w.export(
            &w.admin,
            &request(kind, Locale::Ar),
            &format!("{}.xlsx", kind.key()),
        );
        let sheets = read_xlsx(&xlsx);
        assert_eq!(sheets.len(), 1);
        let (name, cells) = &sheets[0];
        assert_eq!(name, &kind.name().ar);
        let labels: Vec<String> = columns.iter().map(|c| c.label.ar.clone()).collect();
        assert_eq!(header(cells), labels, "{kind}: Arabic headers");
        assert_eq!(cells.len(), rows + 1, "{kind}: header and {rows} rows");

        let csv = w.export(
            &w.admin,
            &request(kind, Locale::En),
            &format!("{}.csv", kind.key()),
        );
        let (h, data) = read_csv(&csv);
        let labels: Vec<String> = columns.iter().map(|c| c.label.en.clone()).collect();
        assert_eq!(h, labels, "{kind}: English headers");
        assert_eq!(data.len(), rows, "{kind}");
        assert!(data.iter().all(|r| r.len() == labels.len()));
    }
}

#[test]
fn an_arabic_contact_sheet_is_right_to_left_with_typed_cells() {
    let w = world();
    let path = w.export(
        &w.admin,
        &request(ExportKind::Contacts, Locale::Ar),
        "c.xlsx",
    );
    let sheet = xml(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"rightToLeft="1""#), "{sheet}");
    assert!(
        sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#),
        "header row frozen"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:"), "filter buttons");
    assert!(sheet.contains("<cols>"), "column widths");
    let styles = xml(&path, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "bold header");
    assert!(styles.contains("yyyy-mm-dd"), "a date format");

    let (_, rows) = read_xlsx(&path).remove(0);
    let ahmed = contacts::get(&w.t.db, &w.admin, &w.ahmed).unwrap();
    // Oldest first: Ahmed, then Khalid; the deleted contact is not there.
    assert_eq!(at(&rows, 1, "الاسم بالعربية").to_string(), "أحمد القحطاني");
    assert_eq!(at(&rows, 2, "الاسم بالعربية").to_string(), "خالد العتيبي");
    assert_eq!(at(&rows, 1, "النوع").to_string(), "عميل");
    assert_eq!(at(&rows, 2, "النوع").to_string(), "عميل محتمل");
    assert_eq!(
        at(&rows, 1, "أرقام الهاتف").to_string(),
        "0551234567; 0501112233",
        "phones as typed, with their leading zero"
    );
    assert_eq!(at(&rows, 1, "الوسوم").to_string(), "VIP; تمويل");
    assert_eq!(at(&rows, 1, "المصدر").to_string(), "زيارة للمعرض");
    assert_eq!(at(&rows, 1, "وسيلة التواصل المفضلة").to_string(), "واتساب");
    assert_eq!(at(&rows, 1, "العنوان").to_string(), "حي النخيل، شارع ١٢");
    assert_eq!(at(&rows, 1, "المنطقة").to_string(), "منطقة الرياض");
    assert_eq!(at(&rows, 1, "الدولة").to_string(), "SA");
    assert_eq!(at(&rows, 1, "المسؤول").to_string(), "sara");
    assert_eq!(at(&rows, 1, "المعرّف").to_string(), w.ahmed);
    // Custom fields under their own labels: a number cell and a date cell.
    assert_eq!(at(&rows, 1, "الميزانية"), &Data::Float(250_000.0));
    match at(&rows, 1, "تاريخ الزيارة") {
        Data::DateTime(dt) => assert_eq!(
            serial_day(dt.as_f64()),
            NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
        ),
        other => panic!("a date cell expected, got {other:?}"),
    }
    // The moment it was added: a date cell in local time.
    match at(&rows, 1, "تاريخ الإضافة") {
        Data::DateTime(dt) => {
            assert_eq!(serial_day(dt.as_f64()), local_date(&ahmed.created_at))
        }
        other => panic!("a date cell expected, got {other:?}"),
    }
    assert_eq!(at(&rows, 2, "الميزانية"), &Data::Empty);

    // In English: left to right, English headers and words.
    let en = w.export(
        &w.admin,
        &request(ExportKind::Contacts, Locale::En),
        "c-en.xlsx",
    );
    assert!(!xml(&en, "xl/worksheets/sheet1.xml").contains("rightToLeft"));
    let (name, rows) = read_xlsx(&en).remove(0);
    assert_eq!(name, "Contacts");
    assert_eq!(at(&rows, 1, "Type").to_string(), "Customer");
    assert_eq!(at(&rows, 1, "Source").to_string(), "Walk-in");
    assert!(matches!(at(&rows, 1, "Visit date"), Data::DateTime(_)));
}

#[test]
fn money_is_a_number_with_its_currency_decimals() {
    let w = world();
    let path = w.export(&w.admin, &request(ExportKind::Quotes, Locale::En), "q.xlsx");
    let (_, rows) = read_xlsx(&path).remove(0);
    let sar = (1..rows.len())
        .find(|&r| at(&rows, r, "ID").to_string() == w.sara_quote)
        .unwrap();
    assert_eq!(at(&rows, sar, "Total with VAT"), &Data::Float(2300.0));
    assert_eq!(at(&rows, sar, "VAT total"), &Data::Float(300.0));
    assert_eq!(at(&rows, sar, "Status").to_string(), "Accepted");
    assert_eq!(at(&rows, sar, "Prices include VAT").to_string(), "No");
    assert_eq!(at(&rows, sar, "Owner").to_string(), "sara");
    match at(&rows, sar, "Issue date") {
        Data::DateTime(dt) => assert_eq!(
            serial_day(dt.as_f64()),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        ),
        other => panic!("a date cell expected, got {other:?}"),
    }
    let kwd = (1..rows.len())
        .find(|&r| at(&rows, r, "Currency") == &Data::String("KWD".into()))
        .unwrap();
    assert_eq!(at(&rows, kwd, "Total with VAT"), &Data::Float(1.235));
    let styles = xml(&path, "xl/styles.xml");
    assert!(styles.contains(r##"formatCode="#,##0.00""##), "{styles}");
    assert!(
        styles.contains(r##"formatCode="#,##0.000""##),
        "KWD: 3 decimals"
    );

    // In .csv: plain decimals, the currency's number of them, dates ISO.
    let csv = w.export(&w.admin, &request(ExportKind::Quotes, Locale::En), "q.csv");
    let (h, data) = read_csv(&csv);
    let row = |cur: &str| data.iter().find(|r| csv_at(&h, r, "Currency") == cur);
    let sar_rows: Vec<_> = data
        .iter()
        .filter(|r| csv_at(&h, r, "ID") == w.sara_quote)
        .collect();
    assert_eq!(csv_at(&h, sar_rows[0], "Total with VAT"), "2300.00");
    assert_eq!(csv_at(&h, sar_rows[0], "Issue date"), "2026-11-23");
    assert_eq!(csv_at(&h, row("KWD").unwrap(), "Total with VAT"), "1.235");
    let created = csv_at(&h, sar_rows[0], "Created");
    let parsed = DateTime::parse_from_rfc3339(created).expect("ISO 8601 with offset");
    let stored: String =
        w.t.db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT created_at FROM quotes WHERE id = ?1",
                    [&w.sara_quote],
                    |r| r.get(0),
                )?)
            })
            .unwrap();
    let stored = DateTime::parse_from_rfc3339(&stored).unwrap();
    assert!(
        (parsed.with_timezone(&Utc) - stored.with_timezone(&Utc))
            .num_seconds()
            .abs()
            < 1
    );

    // Lines: linked by the document's number, money in the document's currency.
    let lines = w.export(
        &w.admin,
        &request(ExportKind::InvoiceLines, Locale::En),
        "il.xlsx",
    );
    let (_, rows) = read_xlsx(&lines).remove(0);
    assert_eq!(at(&rows, 2, "Line no."), &Data::Float(2.0));
    assert_eq!(at(&rows, 2, "Quantity"), &Data::Float(2.0));
    assert_eq!(at(&rows, 2, "Unit price"), &Data::Float(500.0));
    assert_eq!(at(&rows, 2, "Total with VAT"), &Data::Float(1150.0));
    assert!(at(&rows, 2, "Document number")
        .to_string()
        .starts_with("INV-"));
}

#[test]
fn chosen_columns_are_written_in_the_order_given() {
    let w = world();
    let mut req = request(ExportKind::Contacts, Locale::En);
    req.columns = Some(vec!["phones".into(), "name_ar".into(), "kind".into()]);
    let path = w.export(&w.admin, &req, "some.xlsx");
    let (_, rows) = read_xlsx(&path).remove(0);
    assert_eq!(header(&rows), ["Phone numbers", "Name in Arabic", "Type"]);
    assert_eq!(rows[1][0].to_string(), "0551234567; 0501112233");

    let path = w.export(&w.admin, &req, "some.csv");
    let (h, data) = read_csv(&path);
    assert_eq!(h, ["Phone numbers", "Name in Arabic", "Type"]);
    assert_eq!(data[1], ["0569876543", "خالد العتيبي", "Lead"]);
}

#[test]
fn refused_exports_write_nothing() {
    let w = world();
    let dir_entries = || std::fs::read_dir(w.t.dir.path()).unwrap().count();
    let before = dir_entries();

    let mut req = request(ExportKind::Contacts, Locale::En);
    req.columns = Some(vec!["name_ar".into(), "shoe_size".into()]);
    let path = w.path("bad.xlsx");
    let e = export::export(&w.t.db, &w.admin, &req, &path).unwrap_err();
    assert_eq!(e.code(), "unknown_column");
    assert_eq!(e.exit_code(), 3);
    let en = e.text().en;
    assert!(en.contains("shoe_size") && en.contains("name_ar") && en.contains("custom."));
    assert!(e.text().ar.contains("shoe_size"));
    let payload = e.to_payload();
    assert_eq!(payload.field, Some("columns"));
    assert!(payload.details.unwrap()["valid"]
        .as_array()
        .unwrap()
        .contains(&"phones".into()));

    req.columns = Some(vec!["name_ar".into(), "name_ar".into()]);
    let e = export::export(&w.t.db, &w.admin, &req, &path).unwrap_err();
    assert_eq!(e.code(), "repeated_column");
    req.columns = Some(vec![]);
    let e = export::export(&w.t.db, &w.admin, &req, &path).unwrap_err();
    assert_eq!(e.code(), "no_columns");

    let req = request(ExportKind::Contacts, Locale::Ar);
    let e = export::export(&w.t.db, &w.admin, &req, &w.path("c.txt")).unwrap_err();
    assert_eq!(e.code(), "unsupported_file_type");
    assert!(e.text().ar.contains(".txt"));
    let e = export::export(&w.t.db, &w.admin, &req, &w.path("noext")).unwrap_err();
    assert_eq!(e.code(), "unsupported_file_type");
    let e = export::export_all(&w.t.db, &w.admin, &w.path("all.csv"), Locale::Ar).unwrap_err();
    assert_eq!(e.code(), "csv_holds_one_table");

    let mut dates = request(ExportKind::Contacts, Locale::Ar);
    dates.from = NaiveDate::from_ymd_opt(2026, 2, 1);
    dates.to = NaiveDate::from_ymd_opt(2026, 1, 1);
    let e = export::export(&w.t.db, &w.admin, &dates, &path).unwrap_err();
    assert_eq!(e.code(), "invalid_input");

    // An existing file is kept as it was when the export is refused.
    std::fs::write(&path, b"keep me").unwrap();
    let mut req = request(ExportKind::Contacts, Locale::En);
    req.columns = Some(vec!["nope".into()]);
    export::export(&w.t.db, &w.admin, &req, &path).unwrap_err();
    assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
    assert_eq!(dir_entries(), before + 1, "no other file, no partial file");
}

#[test]
fn own_scope_exports_only_the_users_records() {
    let w = world();
    let db = &w.t.db;
    // Sales users read every contact but only their own documents.
    let rows = |actor: &Actor, kind: ExportKind| {
        export::export(db, actor, &request(kind, Locale::En), &w.path("s.csv"))
            .unwrap()
            .rows
    };
    assert_eq!(rows(&w.sara, ExportKind::Contacts), 2);
    assert_eq!(rows(&w.sara, ExportKind::Quotes), 1);
    assert_eq!(rows(&w.omar, ExportKind::Quotes), 1);
    assert_eq!(rows(&w.sara, ExportKind::QuoteLines), 2);
    assert_eq!(rows(&w.omar, ExportKind::QuoteLines), 1);
    assert_eq!(rows(&w.sara, ExportKind::Inquiries), 1);
    assert_eq!(rows(&w.omar, ExportKind::Inquiries), 0);
    // The invoice and delivery note belong to Sara through her quotation.
    for kind in [
        ExportKind::Invoices,
        ExportKind::DeliveryNotes,
        ExportKind::InvoiceLines,
    ] {
        assert!(rows(&w.sara, kind) > 0, "{kind}");
        assert_eq!(rows(&w.omar, kind), 0, "{kind}");
    }

    // A role that reads only its own contacts (and nothing else).
    let mut perms = BTreeMap::new();
    perms.insert(
        "contact".to_string(),
        BTreeMap::from([("read".to_string(), Scope::Own)]),
    );
    roles::create(
        db,
        &w.admin,
        &RoleInput {
            name_ar: "قارئ جهاته".into(),
            name_en: "Own contacts reader".into(),
            permissions: perms,
        },
    )
    .unwrap();
    users::add(
        db,
        &w.admin,
        &common::new_user("lina", "Own contacts reader"),
    )
    .unwrap();
    let lina = users::login(db, "lina", "lina-password").unwrap().actor;
    assert_eq!(rows(&lina, ExportKind::Contacts), 0);
    contacts::assign_owner(
        db,
        &w.admin,
        std::slice::from_ref(&w.khalid),
        lina.user_id.as_deref(),
    )
    .unwrap();
    let path = w.path("lina.xlsx");
    let s = export::export(db, &lina, &request(ExportKind::Contacts, Locale::En), &path).unwrap();
    assert_eq!(s.rows, 1);
    let (_, cells) = read_xlsx(&path).remove(0);
    assert_eq!(at(&cells, 1, "ID").to_string(), w.khalid);
    // Ahmed's phones, read beside the contacts, are passed over, not given to Khalid.
    assert_eq!(at(&cells, 1, "Phone numbers").to_string(), "0569876543");

    // No read right on quotations: refused, and nothing written.
    let none = w.path("none.xlsx");
    let e = export::export(db, &lina, &request(ExportKind::Quotes, Locale::En), &none).unwrap_err();
    assert_eq!(e.code(), "not_permitted");
    assert!(!none.exists());

    // Everything she may read: the contacts sheet alone.
    let all = w.path("lina-all.xlsx");
    let s = export::export_all(db, &lina, &all, Locale::En).unwrap();
    assert_eq!(s.tables.len(), 1);
    assert_eq!(read_xlsx(&all).len(), 1);
}

#[test]
fn the_created_date_filter_includes_both_days() {
    let w = world();
    w.t.db
        .write(|tx| {
            tx.execute(
                "UPDATE contacts SET created_at = '2020-06-30T21:30:00.000Z' WHERE id = ?1",
                [&w.khalid],
            )?;
            Ok(())
        })
        .unwrap();
    let count = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        let mut req = request(ExportKind::Contacts, Locale::En);
        req.from = from;
        req.to = to;
        export::export(&w.t.db, &w.admin, &req, &w.path("d.csv"))
            .unwrap()
            .rows
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(count(None, None), 2);
    assert_eq!(count(day(2020, 6, 30), day(2020, 6, 30)), 1);
    assert_eq!(count(None, day(2020, 6, 29)), 0);
    assert_eq!(count(day(2020, 7, 1), None), 1);
}

#[test]
fn export_all_writes_every_record_type_the_user_may_read() {
    let w = world();
    let path = w.path("everything.xlsx");
    let s = export::export_all(&w.t.db, &w.admin, &path, Locale::Ar).unwrap();
    let sheets = read_xlsx(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    let expected: Vec<String> = ExportKind::ALL.iter().map(|k| k.name().ar).collect();
    assert_eq!(names, expected);
    for ((_, rows), t) in sheets.iter().zip(&s.tables) {
        assert_eq!(rows.len() as u64, t.rows + 1, "{}", t.key);
    }
    assert_eq!(s.rows, s.tables.iter().map(|t| t.rows).sum::<u64>());
    assert_eq!(s.rows, 2 + 1 + 1 + 3 + 4 + 1 + 2 + 1 + 2);
    for i in 1..=sheets.len() {
        let sheet = xml(&path, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains(r#"rightToLeft="1""#), "sheet {i}");
    }

    // Omar: every contact and product, but only his own documents.
    let s = export::export_all(&w.t.db, &w.omar, &w.path("omar.xlsx"), Locale::Ar).unwrap();
    let rows: BTreeMap<&str, u64> = s.tables.iter().map(|t| (t.key.as_str(), t.rows)).collect();
    assert_eq!(rows["contacts"], 2);
    assert_eq!(rows["products"], 1);
    assert_eq!(rows["quotes"], 1);
    assert_eq!(rows["invoices"], 0);
}

/// A report's table, as the daily reports will build theirs: a date and an amount
/// in KWD per row; with `fail`, its source breaks on the third row.
fn daily_report(fail: bool) -> export::Table<'static> {
    use export::{Column, ColumnType, Table, Value};
    let columns = vec![
        Column::fixed("day", "اليوم", "Day", ColumnType::Date),
        Column::fixed("sales", "المبيعات", "Sales", ColumnType::Money),
    ];
    Table::new(
        "daily_sales",
        maarid_core::i18n::Text::new("المبيعات اليومية".into(), "Daily sales".into()),
        columns,
        move |sink| {
            for day in 1..=3 {
                if fail && day == 3 {
                    return Err(maarid_core::Error::Internal("the report broke".into()));
                }
                sink(&mut [
                    Value::Date(NaiveDate::from_ymd_opt(2026, 11, day).unwrap()),
                    Value::Money(d("1500.5") * d(&day.to_string()), 3),
                ])?;
            }
            Ok(())
        },
    )
}

#[test]
fn a_report_table_goes_through_the_same_writers_and_a_broken_one_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("daily.xlsx");
    let s = export::write_tables(&xlsx, vec![daily_report(false)], Locale::En).unwrap();
    assert_eq!((s.rows, s.tables[0].key.as_str()), (3, "daily_sales"));
    let (name, rows) = read_xlsx(&xlsx).remove(0);
    assert_eq!(name, "Daily sales");
    assert_eq!(header(&rows), ["Day", "Sales"]);
    assert_eq!(rows[2][1], Data::Float(3001.0));
    match &rows[2][0] {
        Data::DateTime(dt) => assert_eq!(
            serial_day(dt.as_f64()),
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
        ),
        other => panic!("a date cell expected, got {other:?}"),
    }
    let csv = dir.path().join("daily.csv");
    export::write_tables(&csv, vec![daily_report(false)], Locale::Ar).unwrap();
    let (h, data) = read_csv(&csv);
    assert_eq!(h, ["اليوم", "المبيعات"]);
    assert_eq!(data[1], ["2026-11-02", "3001.000"]);

    for name in ["broken.xlsx", "broken.csv"] {
        let path = dir.path().join(name);
        let e = export::write_tables(&path, vec![daily_report(true)], Locale::En).unwrap_err();
        assert_eq!(e.code(), "internal_error", "{name}");
        assert!(e.text().en.contains("the report broke"), "{name}: {e}");
        assert!(!path.exists(), "{name}");
    }
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "only the two good files: {left:?}");
}
