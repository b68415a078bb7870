//! A messy legacy workbook, written with rust_xlsxwriter the way people make them
//! (a merged title, an empty row, phones typed as numbers, dates as date cells and as
//! text, a 19-digit id), read back through calamine: every value comes out right.

use maarid_core::import::{
    date_from_cell, detect_date_order, find_header, phone_from_cell, read_sheet, text_from_cell,
    Cell, DateOrder, FileProblem, CONTACT_SYNONYMS,
};
use maarid_core::{Error, Rule};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

#[test]
fn a_messy_workbook_reads_back_faithfully() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("legacy.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("العملاء").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let zeros = Format::new().set_num_format("0000000000");
    ws.merge_range(0, 0, 0, 4, "كشف عملاء معرض النخبة 2023", &Format::new())
        .unwrap();
    for (c, h) in [
        "م",
        "اسم العميل",
        "رقم الجوال",
        "تاريخ الزيارة",
        "رقم الهوية",
    ]
    .iter()
    .enumerate()
    {
        ws.write(2, c as u16, *h).unwrap();
    }
    ws.write(3, 0, 1).unwrap();
    ws.write(3, 1, "أحمد القحطاني").unwrap();
    // Typed 0551234567 into a number cell: Excel keeps 551234567.
    ws.write_with_format(3, 2, 551234567, &zeros).unwrap();
    ws.write_with_format(3, 3, ExcelDateTime::from_ymd(2024, 3, 15).unwrap(), &date)
        .unwrap();
    ws.write(3, 4, 1_234_567_890_123_456_789f64).unwrap();
    ws.write(4, 0, 2).unwrap();
    ws.write(4, 1, "سارة العتيبي").unwrap();
    ws.write(4, 2, "٠٥٦١٢٣٤٥٦٧").unwrap();
    ws.write(4, 3, "١٦/٠٣/٢٠٢٤").unwrap();
    ws.write(4, 4, "1029384756").unwrap();
    wb.save(&path).unwrap();

    let sheet = read_sheet(&path, None).unwrap();
    assert_eq!(sheet.name, "العملاء");
    let h = find_header(&sheet.rows, CONTACT_SYNONYMS).expect("a header row");
    assert_eq!(h.row, 2, "under the merged title and the empty row");
    assert_eq!(
        h.columns,
        vec![(1, "name_ar"), (2, "phone"), (3, "visit_date")]
    );
    assert_eq!(
        h.unknown,
        vec![0, 4],
        "the row number and the id are for the user to map"
    );

    let data = &sheet.rows[h.row + 1..];
    let phones: Vec<String> = data
        .iter()
        .map(|r| phone_from_cell(&r[2], "SA").unwrap().unwrap().raw)
        .collect();
    assert_eq!(phones, ["0551234567", "0561234567"]);

    let text_dates: Vec<&str> = data
        .iter()
        .filter_map(|r| match &r[3] {
            Cell::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let order = detect_date_order(text_dates).unwrap_or(DateOrder::DayFirst);
    let dates: Vec<String> = data
        .iter()
        .map(|r| {
            date_from_cell(&r[3], order, "visit_date")
                .unwrap()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(dates, ["2024-03-15", "2024-03-16"]);

    match text_from_cell(&data[0][4], "national_id") {
        Err(Error::Invalid { rule, .. }) => assert_eq!(rule, Rule::PrecisionLost),
        other => panic!("a 19-digit number must be refused, got {other:?}"),
    }
    assert_eq!(
        text_from_cell(&data[1][4], "national_id").unwrap(),
        "1029384756"
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is not really a zip").unwrap();
    match read_sheet(&path, None) {
        Err(Error::BadFile(p)) => assert_eq!(p, FileProblem::Damaged),
        other => panic!("{other:?}"),
    }
    let ok = dir.path().join("ok.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().write(0, 0, "x").unwrap();
    wb.save(&ok).unwrap();
    assert!(matches!(
        read_sheet(&ok, Some("nope")),
        Err(Error::NotFound { .. })
    ));
}
