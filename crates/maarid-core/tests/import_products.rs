//! Importing a showroom's price and stock list: prices read exactly (never through a
//! float's noise), vehicles recognised by their details, duplicates by code or VIN in
//! the file and against the catalog, a refused price reported, the batch undone.

mod common;

use std::path::{Path, PathBuf};

use maarid_core::catalog::{self, ProductInput, ProductKind, ProductQuery, StockStatus};
use maarid_core::import::{
    self, batches, ImportKind, ImportOptions, ImportProblem, OnDuplicate, RowOutcome,
};
use maarid_core::Error;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn go(_: import::Progress) -> bool {
    true
}

/// Every table an import of products touches, counted.
fn counts(t: &common::TestDb) -> [i64; 3] {
    [
        common::count(&t.db, "SELECT count(*) FROM products"),
        common::count(&t.db, "SELECT count(*) FROM import_batches"),
        common::count(&t.db, "SELECT count(*) FROM audit_log"),
    ]
}

/// A stock list as a showroom keeps it: a merged title, an empty row, Arabic headers,
/// a VAT column formatted as a percentage, prices as numbers and as text with Arabic
/// digits, a code repeated, a VIN repeated, a price nobody can read and a totals row.
fn stock_list(dir: &Path) -> PathBuf {
    let path = dir.join("قائمة الأسعار.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("المخزون").unwrap();
    ws.merge_range(0, 0, 0, 11, "قائمة أسعار معرض النخبة 2024", &Format::new())
        .unwrap();
    let header = [
        "م",
        "الكود",
        "الصنف",
        "الماركة",
        "الموديل",
        "سنة الصنع",
        "اللون",
        "رقم الهيكل",
        "سعر البيع",
        "الضريبة",
        "الحالة",
        "الفئة",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    let pct = Format::new().set_num_format("0%");
    #[rustfmt::skip]
    let rows: [[&str; 12]; 7] = [
        ["1", "CAM-24", "تويوتا كامري", "تويوتا", "كامري", "2024", "أبيض", "JTNB11HK0J3000001", "#125000", "%0.15", "متاح", "سيدان"],
        ["2", "LC-24", "تويوتا لاندكروزر", "تويوتا", "لاندكروزر", "٢٠٢٤", "أسود", "JTMHV05J8-04000002", "٣٤٥٬٠٠٠", "15%", "محجوز", "SUV"],
        ["3", "TINT", "Thermal window tint", "", "", "", "", "", "#950.5", "#15", "", "خدمات"],
        ["4", "cam-24", "كامري مكررة", "تويوتا", "كامري", "2024", "أبيض", "", "#125000", "", "", ""],
        ["5", "ACC-1", "مفارش جلد", "", "", "", "", "", "على الطلب", "", "", "اكسسوارات"],
        ["6", "SON-23", "هيونداي سوناتا", "هيونداي", "سوناتا", "#2023", "فضي", "jtnb11hk0j3000001", "#98000", "", "", ""],
        ["7", "ELN-24", "هيونداي النترا", "هيونداي", "النترا", "#2024", "رمادي", "KMHD841CBLU000007", "#89000.75", "", "مباع", "سيدان"],
    ];
    for (i, row) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            if let Some(n) = v.strip_prefix('#') {
                ws.write(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if let Some(n) = v.strip_prefix('%') {
                ws.write_with_format(r, c, n.parse::<f64>().unwrap(), &pct)
                    .unwrap();
            } else if c == 0 {
                ws.write(r, c, v.parse::<f64>().unwrap()).unwrap();
            } else if !v.is_empty() {
                ws.write(r, c, *v).unwrap();
            }
        }
    }
    ws.write(10, 2, "المجموع").unwrap();
    ws.write(10, 8, 782_000.0).unwrap();
    wb.save(&path).unwrap();
    path
}

fn find(t: &common::TestDb, a: &maarid_core::access::Actor, code: &str) -> catalog::Product {
    let page = catalog::list(
        &t.db,
        a,
        &ProductQuery {
            text: code.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let p = page
        .items
        .into_iter()
        .find(|p| p.code.eq_ignore_ascii_case(code))
        .unwrap_or_else(|| panic!("{code} not found"));
    catalog::get(&t.db, a, &p.id).unwrap()
}

#[test]
fn a_stock_list_is_checked_imported_read_back_and_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let path = stock_list(t.dir.path());
    let before = counts(&t);
    let o = ImportOptions::new(ImportKind::Products);

    let dry = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(dry.header_row, 3);
    assert_eq!(dry.total_rows, vec![11], "the totals row is left out");
    let mapped: Vec<(usize, &str)> = dry
        .mapping
        .iter()
        .map(|m| (m.column, m.field.as_str()))
        .collect();
    assert_eq!(
        mapped,
        vec![
            (1, "code"),
            (2, "name_ar"),
            (3, "make"),
            (4, "model"),
            (5, "year"),
            (6, "colour"),
            (7, "vin"),
            (8, "price"),
            (9, "vat_rate"),
            (10, "stock_status"),
            (11, "category"),
        ]
    );
    let c = dry.counts;
    assert_eq!((c.total, c.new, c.duplicate, c.invalid), (7, 4, 2, 1));
    assert_eq!(counts(&t), before, "a dry run writes nothing");

    let v = dry.rows[0].values.as_ref().unwrap();
    assert_eq!(v["kind"], "vehicle", "vehicle details make a vehicle");
    assert_eq!(v["price"], "125000");
    assert_eq!(v["vat_rate"], "15", "a percentage cell holds 0.15");
    assert_eq!(v["stock_status"], "available");
    let lc = dry.rows[1].values.as_ref().unwrap();
    assert_eq!(
        (lc["price"].as_str(), lc["year"].as_str()),
        ("345000", "2024")
    );
    assert_eq!(lc["vin"], "JTMHV05J804000002", "the VIN is tidied");
    let tint = dry.rows[2].values.as_ref().unwrap();
    assert_eq!(tint["name_en"], "Thermal window tint");
    assert_eq!(tint["kind"], "product");
    let same_code = &dry.rows[3];
    assert_eq!(same_code.outcome, RowOutcome::Duplicate);
    assert_eq!(
        (
            same_code.matches[0].row,
            same_code.matches[0].reason.as_str()
        ),
        (Some(4), "same_code"),
        "codes compare without case"
    );
    let bad = &dry.rows[4];
    assert_eq!(bad.outcome, RowOutcome::Invalid);
    assert_eq!(bad.problems[0].field, Some("price"));
    assert!(bad.problems[0].message_ar.contains("السعر"));
    assert!(bad.problems[0].message_en.contains("Price"));
    let same_vin = &dry.rows[5];
    assert_eq!(same_vin.outcome, RowOutcome::Duplicate);
    assert_eq!(same_vin.matches[0].reason, "same_vin");

    let done = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(done.counts, dry.counts);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM products"),
        before[0] + 4
    );
    let cam = find(&t, a, "CAM-24");
    assert_eq!(cam.kind, ProductKind::Vehicle);
    assert_eq!(cam.price, dec("125000"));
    assert_eq!(cam.vat_rate, dec("15"));
    assert_eq!(
        (cam.make.as_str(), cam.model.as_str(), cam.year),
        ("تويوتا", "كامري", Some(2024))
    );
    assert_eq!(cam.stock_status, Some(StockStatus::Available));
    assert_eq!(
        find(&t, a, "LC-24").stock_status,
        Some(StockStatus::Reserved)
    );
    let eln = find(&t, a, "ELN-24");
    assert_eq!(eln.price, dec("89000.75"), "exactly, not 89000.75000000001");
    assert_eq!(eln.vat_rate, dec("15"), "the company's default rate");
    assert_eq!(eln.stock_status, Some(StockStatus::Sold));
    let tint = find(&t, a, "TINT");
    assert_eq!(
        (tint.name_en.as_str(), tint.price, tint.stock_status),
        ("Thermal window tint", dec("950.5"), None)
    );

    batches::undo(&t.db, a, done.batch_id.as_deref().unwrap()).unwrap();
    let after = counts(&t);
    assert_eq!(after[0], before[0], "every imported item is gone");
    let again = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(again.counts.new, 4, "nothing is a duplicate after the undo");
}

fn saved_camry(t: &common::TestDb, a: &maarid_core::access::Actor) -> catalog::Product {
    catalog::create(
        &t.db,
        a,
        &ProductInput {
            kind: ProductKind::Vehicle,
            code: "CAM-24".into(),
            name_ar: "كامري".into(),
            name_en: String::new(),
            description: "وصف يبقى".into(),
            unit: String::new(),
            price: dec("120000"),
            vat_rate: None,
            category: String::new(),
            make: "Toyota".into(),
            model: "Camry".into(),
            year: Some(2024),
            trim: "GLE".into(),
            colour: "أحمر".into(),
            vin: String::new(),
            stock_status: None,
            image_data_url: None,
        },
    )
    .unwrap()
}

#[test]
fn a_saved_code_is_skipped_or_updated_and_the_update_undone() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let saved = saved_camry(&t, a);
    let path = stock_list(t.dir.path());
    let mut o = ImportOptions::new(ImportKind::Products);

    let skip = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!((skip.counts.new, skip.counts.duplicate), (4, 2));
    let m = &skip.rows[0].matches[0];
    assert_eq!(
        (m.id.as_deref(), m.reason.as_str()),
        (Some(saved.id.as_str()), "same_code")
    );
    o.on_duplicate = OnDuplicate::Create;
    let create = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        create.counts.duplicate, 2,
        "codes are unique: creating anyway cannot apply"
    );

    o.on_duplicate = OnDuplicate::Update;
    let up = import::run(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(
        (up.counts.new, up.counts.updated, up.counts.duplicate),
        (3, 1, 2)
    );
    assert_eq!(up.rows[0].target.as_deref(), Some(saved.id.as_str()));
    let now = catalog::get(&t.db, a, &saved.id).unwrap();
    assert_eq!(now.price, dec("125000"));
    assert_eq!(now.colour, "أبيض");
    assert_eq!(now.vin, "JTNB11HK0J3000001");
    assert_eq!(
        now.description, "وصف يبقى",
        "what the file does not say stays"
    );
    assert_eq!(now.trim, "GLE");

    batches::undo(&t.db, a, up.batch_id.as_deref().unwrap()).unwrap();
    let back = catalog::get(&t.db, a, &saved.id).unwrap();
    assert_eq!(back, saved, "the saved item is exactly as it was");
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM products"), 1);
}

#[test]
fn an_undo_after_the_stock_changed_is_refused() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let path = stock_list(t.dir.path());
    let done = import::run(
        &t.db,
        a,
        &path,
        &ImportOptions::new(ImportKind::Products),
        &mut go,
    )
    .unwrap();
    let lc = find(&t, a, "LC-24");
    std::thread::sleep(std::time::Duration::from_millis(5));
    catalog::set_stock_status(&t.db, a, &lc.id, StockStatus::Sold).unwrap();
    let e = batches::undo(&t.db, a, done.batch_id.as_deref().unwrap()).unwrap_err();
    match e {
        Error::Import(ImportProblem::ChangedSince { count, example }) => {
            assert_eq!((count, example.as_str()), (1, "تويوتا لاندكروزر"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM products"),
        4,
        "a refused undo changes nothing"
    );
}
