//! The file reading layer of the import (issue 5), on real files: the checked-in
//! fixtures (.xls and .ods made by LibreOffice, .csv/.txt in every legacy encoding;
//! see tests/fixtures/import/README.md) read back cell for cell, files are told by
//! their content whatever their name, and hostile files built here at run time
//! (truncated zips, zip bombs, a million empty rows, 16,384 columns, 10 MB strings,
//! repeated-cell bombs…) are refused with a clear error or read, without large
//! memory. Memory is measured by a counting allocator, per test thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell as Counter;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use maarid_core::import::{
    detect_format, read_sheet, read_sheet_with, sheet_names, Cell, Encoding, FileKind, FileProblem,
    Format, Limits, ReadOptions, Sheet, TextFormat,
};
use maarid_core::{Error, Locale};
use rust_xlsxwriter::{Format as XlsxFormat, Formula, Workbook};

// ---------------------------------------------------------------------------
// Memory: the bytes this thread has allocated at most while `f` ran.

struct Counting;

thread_local! {
    static LIVE: Counter<usize> = const { Counter::new(0) };
    static PEAK: Counter<usize> = const { Counter::new(0) };
}

fn grew(n: usize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + n;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrank(n: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(n)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: usize = 1024 * 1024;

/// Runs `f` and returns its result and the most memory it held at once.
fn peak<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(|l| l.get());
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(|p| p.get()) - base)
}

// ---------------------------------------------------------------------------
// Helpers

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn texts(cells: &[&str]) -> Vec<Cell> {
    cells
        .iter()
        .map(|s| if s.is_empty() { Cell::Empty } else { t(s) })
        .collect()
}

fn problem<T: std::fmt::Debug>(r: maarid_core::Result<T>) -> FileProblem {
    match r {
        Err(Error::BadFile(p)) => p,
        other => panic!("expected a file problem, got {other:?}"),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A zip written honestly by the zip crate (deflated parts).
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    for (name, bytes) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// The smallest .xlsx calamine opens: one sheet, optional shared strings.
fn xlsx_of(sheet_data: &str, shared_strings: Option<&str>) -> Vec<u8> {
    xlsx_with(sheet_data, shared_strings, "", None)
}

/// An .xlsx with workbook properties (`<workbookPr …/>`) and a styles part.
fn xlsx_with(
    sheet_data: &str,
    shared_strings: Option<&str>,
    workbook_pr: &str,
    styles: Option<&str>,
) -> Vec<u8> {
    let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let root_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<workbook xmlns="{MAIN_NS}" xmlns:r="{rels}">{workbook_pr}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let workbook_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
    );
    let sheet =
        format!(r#"<worksheet xmlns="{MAIN_NS}"><sheetData>{sheet_data}</sheetData></worksheet>"#);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(s) = shared_strings {
        parts.push(("xl/sharedStrings.xml", s.as_bytes()));
    }
    if let Some(s) = styles {
        parts.push(("xl/styles.xml", s.as_bytes()));
    }
    zip_of(&parts)
}

/// The smallest .ods: a mimetype, a manifest and the content.
fn ods_of(tables: &str, manifest_extra: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = format!(
        r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}</manifest:file-entry></manifest:manifest>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

// ---------------------------------------------------------------------------
// The fixtures, cell for cell

const TITLE: &str = "كشف عملاء معرض النخبة 2023";
const HEADER: [&str; 6] = [
    "م",
    "اسم العميل",
    "رقم الجوال",
    "المدينة",
    "تاريخ الزيارة",
    "المبلغ",
];

/// The customer list as a text export holds it: every cell text, exactly as written.
fn text_rows(arabic_digits: bool, decimal: &str) -> Vec<Vec<Cell>> {
    let amount = |a: &str| a.replace('.', decimal);
    let (phone4, date4) = if arabic_digits {
        ("٠٥٠٢٢٢٣٣٣٤", "٢١/٠٣/٢٠٢٤")
    } else {
        ("0502223334", "21/03/2024")
    };
    vec![
        vec![t(TITLE)],
        vec![],
        texts(&HEADER),
        texts(&[
            "1",
            "أحمد القحطاني",
            "551234567",
            "الرياض",
            "15/03/2024",
            &amount("1500.5"),
        ]),
        texts(&[
            "2",
            "سارة العتيبي",
            "0561234567",
            "جدة",
            "16/03/2024",
            "2000",
        ]),
        texts(&[
            "3",
            "Al-Harbi, Mohammed",
            "966501112233",
            "الدمام",
            "45372",
            "750",
        ]),
        texts(&["4", "فاطمة الزهراني", phone4, "مكة المكرمة", date4, "300"]),
        texts(&[
            "5",
            "خالد الدوسري",
            "0551112222",
            "الخبر\nحي العقربية",
            "2024-03-22",
            "1000",
        ]),
        texts(&["", "الإجمالي", "", "", "", &amount("5550.5")]),
    ]
}

#[test]
fn every_text_fixture_reads_back_cell_for_cell() {
    let cases = [
        ("customers-utf8.csv", Encoding::Utf8, false, ',', true, "."),
        (
            "customers-utf8-bom.csv",
            Encoding::Utf8,
            true,
            ',',
            true,
            ".",
        ),
        (
            "customers-utf16le-bom.txt",
            Encoding::Utf16Le,
            true,
            '\t',
            true,
            ".",
        ),
        (
            "customers-utf16le.csv",
            Encoding::Utf16Le,
            false,
            ',',
            true,
            ".",
        ),
        (
            "customers-windows1256.csv",
            Encoding::Windows1256,
            false,
            ',',
            false,
            ".",
        ),
        (
            "customers-semicolon.csv",
            Encoding::Utf8,
            false,
            ';',
            true,
            ",",
        ),
    ];
    for (file, encoding, bom, delimiter, arabic_digits, decimal) in cases {
        let sheet = read_sheet(&fixture(file), None).unwrap();
        let stem = file.rsplit_once('.').unwrap().0;
        assert_eq!(
            sheet.name, stem,
            "{file}: a text file's sheet is named after it"
        );
        assert_eq!(sheet.sheet_names, vec![stem.to_string()]);
        assert_eq!(sheet.format, Format::Csv);
        assert_eq!(
            sheet.text,
            Some(TextFormat {
                encoding,
                bom,
                delimiter
            }),
            "{file}"
        );
        assert_eq!(sheet.rows, text_rows(arabic_digits, decimal), "{file}");
        // The one sheet can be asked for by name.
        assert_eq!(
            read_sheet(&fixture(file), Some(stem)).unwrap().rows,
            sheet.rows
        );
    }
}

#[test]
fn the_xls_fixture_reads_back_with_its_types() {
    let path = fixture("customers.xls");
    let sheet = read_sheet(&path, None).unwrap();
    assert_eq!(sheet.format, Format::Xls);
    assert_eq!((sheet.name.as_str(), sheet.text), ("العملاء", None));
    assert_eq!(sheet.sheet_names, ["العملاء", "المنتجات"]);
    let f = Cell::Float;
    let i = Cell::Int;
    assert_eq!(
        sheet.rows,
        vec![
            vec![t(TITLE)],
            vec![],
            texts(&HEADER),
            // The phone typed as a number lost its zero; the date cell is a serial.
            vec![
                i(1),
                t("أحمد القحطاني"),
                f(551234567.0),
                t("الرياض"),
                Cell::DateSerial(45366.0),
                f(1500.5)
            ],
            vec![
                i(2),
                t("سارة العتيبي"),
                t("0561234567"),
                t("جدة"),
                t("16/03/2024"),
                i(2000)
            ],
            vec![
                i(3),
                t("Al-Harbi, Mohammed"),
                f(966501112233.0),
                t("الدمام"),
                i(45372),
                i(750)
            ],
            vec![
                i(4),
                t("فاطمة الزهراني"),
                t("٠٥٠٢٢٢٣٣٣٤"),
                t("مكة المكرمة"),
                t("٢١/٠٣/٢٠٢٤"),
                i(300)
            ],
            vec![
                i(5),
                t("خالد الدوسري"),
                t("0551112222"),
                t("الخبر\nحي العقربية"),
                t("2024-03-22"),
                i(1000)
            ],
            // The totals row's SUM gives its cached value.
            vec![
                Cell::Empty,
                t("الإجمالي"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                f(5550.5)
            ],
        ]
    );
    let products = read_sheet(&path, Some("المنتجات")).unwrap();
    assert_eq!(
        products.rows,
        vec![
            texts(&["الرمز", "الاسم", "السعر"]),
            vec![t("CAM-26"), t("تويوتا كامري"), i(125000)]
        ]
    );
}

#[test]
fn the_ods_fixture_reads_back_with_its_types() {
    let path = fixture("customers.ods");
    let sheet = read_sheet(&path, None).unwrap();
    assert_eq!(sheet.format, Format::Ods);
    assert_eq!(sheet.name, "العملاء");
    assert_eq!(sheet.sheet_names, ["العملاء", "المنتجات"]);
    let f = Cell::Float;
    assert_eq!(
        sheet.rows,
        vec![
            vec![t(TITLE)],
            vec![],
            texts(&HEADER),
            // OpenDocument keeps a date cell as ISO text.
            vec![
                f(1.0),
                t("أحمد القحطاني"),
                f(551234567.0),
                t("الرياض"),
                t("2024-03-15"),
                f(1500.5)
            ],
            vec![
                f(2.0),
                t("سارة العتيبي"),
                t("0561234567"),
                t("جدة"),
                t("16/03/2024"),
                f(2000.0)
            ],
            vec![
                f(3.0),
                t("Al-Harbi, Mohammed"),
                f(966501112233.0),
                t("الدمام"),
                f(45372.0),
                f(750.0)
            ],
            vec![
                f(4.0),
                t("فاطمة الزهراني"),
                t("٠٥٠٢٢٢٣٣٣٤"),
                t("مكة المكرمة"),
                t("٢١/٠٣/٢٠٢٤"),
                f(300.0)
            ],
            vec![
                f(5.0),
                t("خالد الدوسري"),
                t("0551112222"),
                t("الخبر\nحي العقربية"),
                t("2024-03-22"),
                f(1000.0)
            ],
            vec![
                Cell::Empty,
                t("الإجمالي"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                f(5550.5)
            ],
        ]
    );
    let products = read_sheet(&path, Some("المنتجات")).unwrap();
    assert_eq!(
        products.rows[1],
        vec![t("CAM-26"), t("تويوتا كامري"), f(125000.0)]
    );
}

#[test]
fn sheets_are_listed_for_picking_and_read_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .set_name("قائمة")
        .unwrap()
        .write(0, 0, "أ")
        .unwrap();
    wb.add_worksheet()
        .set_name("Lookups")
        .unwrap()
        .set_hidden(true)
        .write(0, 0, "hidden list")
        .unwrap();
    wb.add_worksheet()
        .set_name("2024")
        .unwrap()
        .write(4, 2, 7)
        .unwrap();
    wb.save(&path).unwrap();

    assert_eq!(sheet_names(&path).unwrap(), ["قائمة", "Lookups", "2024"]);
    assert_eq!(
        sheet_names(&fixture("customers.xls")).unwrap(),
        ["العملاء", "المنتجات"]
    );
    assert_eq!(
        sheet_names(&fixture("customers.ods")).unwrap(),
        ["العملاء", "المنتجات"]
    );
    assert_eq!(
        sheet_names(&fixture("customers-utf8.csv")).unwrap(),
        ["customers-utf8"]
    );

    let s = read_sheet(&path, Some("2024")).unwrap();
    assert_eq!(s.format, Format::Xlsx);
    // Rows and columns keep their place in the sheet: C5 is rows[4][2].
    assert_eq!(
        s.rows,
        vec![
            vec![],
            vec![],
            vec![],
            vec![],
            vec![Cell::Empty, Cell::Empty, Cell::Float(7.0)]
        ]
    );
    assert_eq!(
        read_sheet(&path, Some("Lookups")).unwrap().rows,
        vec![vec![t("hidden list")]]
    );
    for file in [
        path.clone(),
        fixture("customers.xls"),
        fixture("customers.ods"),
        fixture("customers-utf8.csv"),
    ] {
        match read_sheet(&file, Some("nope")) {
            Err(Error::NotFound { entity, key }) => {
                assert_eq!((entity, key.as_str()), ("sheet", "nope"))
            }
            other => panic!("{}: {other:?}", file.display()),
        }
    }
}

#[test]
fn the_user_can_correct_encoding_and_delimiter() {
    let path = fixture("customers-windows1256.csv");
    let as_utf8 = ReadOptions {
        encoding: Some(Encoding::Utf8),
        ..ReadOptions::default()
    };
    let wrong = read_sheet_with(&path, None, &as_utf8).unwrap();
    assert_eq!(wrong.text.unwrap().encoding, Encoding::Utf8);
    assert!(matches!(&wrong.rows[0][0], Cell::Text(s) if s.contains('\u{FFFD}')));
    let by_tab = ReadOptions {
        delimiter: Some('\t'),
        ..ReadOptions::default()
    };
    let one_column = read_sheet_with(&fixture("customers-utf8.csv"), None, &by_tab).unwrap();
    assert_eq!(one_column.rows[2], vec![t(&HEADER.join(","))]);
}

// ---------------------------------------------------------------------------
// Content, not name

#[test]
fn a_file_is_read_by_its_content_whatever_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = |from: &Path, to: &str| {
        let path = dir.path().join(to);
        std::fs::copy(from, &path).unwrap();
        path
    };
    let xlsx = dir.path().join("real.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().write(0, 0, "xlsx content").unwrap();
    wb.save(&xlsx).unwrap();

    let cases = [
        (
            fixture("customers.ods"),
            "from-libreoffice.xlsx",
            Format::Ods,
        ),
        (fixture("customers.xls"), "legacy.xlsx", Format::Xls),
        // Programs often save CSV text under an .xls name.
        (fixture("customers-utf8.csv"), "export.xls", Format::Csv),
        (xlsx.clone(), "book.csv", Format::Xlsx),
        (xlsx.clone(), "book.ods", Format::Xlsx),
    ];
    for (original, name, format) in cases {
        let path = renamed(&original, name);
        assert_eq!(detect_format(&path).unwrap(), format, "{name}");
        let read = read_sheet(&path, None).unwrap();
        assert_eq!(read.format, format);
        assert_eq!(
            read.rows,
            read_sheet(&original, None).unwrap().rows,
            "{name}"
        );
    }
}

#[test]
fn files_that_are_not_spreadsheets_say_what_they_really_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let not = |kind| FileProblem::NotASpreadsheet { kind };
    let pdf = write(
        d,
        "report.xlsx",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    );
    assert_eq!(problem(read_sheet(&pdf, None)), not(FileKind::Pdf));
    let png = write(d, "scan.xls", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    assert_eq!(problem(read_sheet(&png, None)), not(FileKind::Picture));
    let jpeg = write(d, "photo.csv", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0");
    assert_eq!(problem(read_sheet(&jpeg, None)), not(FileKind::Picture));
    let html = write(
        d,
        "export.xls",
        "<html dir=\"rtl\"><body><table><tr><td>أحمد</td></tr></table></body></html>".as_bytes(),
    );
    assert_eq!(problem(read_sheet(&html, None)), not(FileKind::WebPage));
    let xml2003 = write(
        d,
        "old.xls",
        br#"<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>"#,
    );
    assert_eq!(
        problem(read_sheet(&xml2003, None)),
        not(FileKind::XmlSpreadsheet)
    );
    let docx = write(
        d,
        "letter.xlsx",
        &zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
        ]),
    );
    assert_eq!(
        problem(read_sheet(&docx, None)),
        not(FileKind::WordDocument)
    );
    let archive = write(
        d,
        "backup.xlsx",
        &zip_of(&[("photos/1.jpg", b"\xFF\xD8\xFF")]),
    );
    assert_eq!(problem(read_sheet(&archive, None)), not(FileKind::Archive));
    let odt = write(
        d,
        "letter.ods",
        &zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]),
    );
    assert_eq!(problem(read_sheet(&odt, None)), not(FileKind::WordDocument));

    // OLE compound files: a Word .doc, and an .xlsx saved with a password.
    let ole = |name: &str, stream: &str| {
        let path = d.join(name);
        let mut c = cfb::create(&path).unwrap();
        c.create_stream(stream)
            .unwrap()
            .write_all(&[0u8; 64])
            .unwrap();
        c.flush().unwrap();
        path
    };
    assert_eq!(
        problem(read_sheet(&ole("letter.xls", "/WordDocument"), None)),
        not(FileKind::WordDocument)
    );
    let locked = ole("salaries.xlsx", "/EncryptedPackage");
    assert_eq!(
        problem(read_sheet(&locked, None)),
        FileProblem::PasswordProtected
    );
    assert_eq!(
        problem(sheet_names(&locked)),
        FileProblem::PasswordProtected
    );
    // An .ods saved with a password says so in its manifest.
    let locked_ods = write(d, "locked.ods", &ods_of("", "<manifest:encryption-data/>"));
    assert_eq!(
        problem(read_sheet(&locked_ods, None)),
        FileProblem::PasswordProtected
    );
}

#[test]
fn empty_files_and_unsupported_types_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        problem(read_sheet(&write(d, "empty.xlsx", b""), None)),
        FileProblem::Empty
    );
    assert_eq!(
        problem(sheet_names(&write(d, "empty.csv", b""))),
        FileProblem::Empty
    );
    assert_eq!(
        problem(read_sheet(
            &write(d, "data.json", br#"{"name": "x"}"#),
            None
        )),
        FileProblem::UnsupportedType {
            extension: "json".into()
        }
    );
    assert_eq!(
        problem(read_sheet(&write(d, "README", b"name,phone\n"), None)),
        FileProblem::UnsupportedType {
            extension: String::new()
        }
    );
    // Unreadable bytes under a spreadsheet's name.
    assert_eq!(
        problem(read_sheet(
            &write(d, "junk.xls", &[0u8, 1, 2, 3, 250, 251, 0, 7, 8]),
            None
        )),
        FileProblem::Damaged
    );
}

#[test]
fn messages_say_what_is_wrong_and_what_to_do_in_both_languages() {
    let cases = [
        (
            FileProblem::Damaged,
            "file_damaged",
            "damaged or incomplete",
            "تالف",
        ),
        (
            FileProblem::PasswordProtected,
            "file_password_protected",
            "protected by a password",
            "محمي بكلمة مرور",
        ),
        (
            FileProblem::NotASpreadsheet {
                kind: FileKind::Pdf,
            },
            "file_not_a_spreadsheet",
            "a PDF document",
            "مستند PDF",
        ),
        (
            FileProblem::TooManyCells {
                sheet: "S".into(),
                rows: 245,
                columns: 16_384,
                max: 4_000_000,
            },
            "sheet_too_many_cells",
            "column XFD",
            "العمود XFD",
        ),
        (
            FileProblem::CellTooLong {
                sheet: "S".into(),
                row: 4,
                column: 2,
                max: 32_767,
            },
            "cell_too_long",
            "Cell C5",
            "الخلية C5",
        ),
        (
            FileProblem::TooLarge {
                bytes: 100 << 20,
                max: 64 << 20,
            },
            "file_too_large",
            "100 MB",
            "64 MB",
        ),
    ];
    for (p, code, en, ar) in cases {
        let e = Error::BadFile(p);
        let payload = e.to_payload();
        assert_eq!(payload.code, code);
        assert_eq!(e.exit_code(), 3);
        assert!(payload.message_en.contains(en), "{}", payload.message_en);
        assert!(payload.message_ar.contains(ar), "{}", payload.message_ar);
        assert_eq!(e.message(Locale::Ar), payload.message_ar);
        assert!(
            payload.details.is_some(),
            "the UI gets the problem's fields"
        );
    }
}

// ---------------------------------------------------------------------------
// Hostile and broken files

#[test]
fn truncated_and_corrupt_files_are_damaged_or_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..200u32 {
        ws.write(r, 0, format!("عميل رقم {r}")).unwrap();
        ws.write(r, 1, 550_000_000 + r).unwrap();
    }
    let xlsx = wb.save_to_buffer().unwrap();
    for cut in [xlsx.len() / 2, xlsx.len() - 30, 100] {
        let path = write(d, "cut.xlsx", &xlsx[..cut]);
        assert_eq!(
            problem(read_sheet(&path, None)),
            FileProblem::Damaged,
            "cut at {cut}"
        );
    }
    let fake = write(d, "fake.xlsx", b"PK\x03\x04 this is not really a zip");
    assert_eq!(problem(read_sheet(&fake, None)), FileProblem::Damaged);
    // A byte flipped inside the compressed sheet.
    let mut flipped = xlsx.clone();
    let at = flipped.len() / 3;
    flipped[at] ^= 0xFF;
    flipped[at + 1] ^= 0x55;
    let path = write(d, "flipped.xlsx", &flipped);
    assert_eq!(problem(read_sheet(&path, None)), FileProblem::Damaged);

    // The fixtures cut anywhere: damaged, or read if the cut left a whole file; never
    // a crash.
    for name in ["customers.xls", "customers.ods"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        for cut in (1..bytes.len()).step_by(397) {
            let path = write(d, name, &bytes[..cut]);
            match read_sheet(&path, None) {
                Ok(_) | Err(Error::BadFile(FileProblem::Damaged)) => {}
                other => panic!("{name} cut at {cut}: {other:?}"),
            }
        }
    }
}

/// A zip whose one sheet really inflates to `rows` × 26 bytes of
/// `<row><c><v>1</v></c></row>`, declaring `declared` as its size. Written by hand:
/// the rows are deflated once in 1 MiB chunks, each flushed to a byte boundary, and
/// the chunk repeated, so gigabytes take a second to build. The CRC is not computed
/// (a reader must refuse long before the end, where it is checked).
fn zip_bomb(chunks: usize, declared: Option<u32>) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    const ROW: &[u8] = b"<row><c><v>1</v></c></row>";
    let deflate = |data: &[u8], flush| {
        let mut c = Compress::new(Compression::best(), false);
        // compress_vec writes only into the capacity given: room for stored blocks.
        let mut out = Vec::with_capacity(data.len() + 1024);
        c.compress_vec(data, &mut out, flush).unwrap();
        assert_eq!(c.total_in(), data.len() as u64);
        out
    };
    let head = format!(r#"<worksheet xmlns="{MAIN_NS}"><sheetData>"#);
    let rows = ROW.repeat((1 << 20) / ROW.len());
    let tail = b"</sheetData></worksheet>";
    let chunk = deflate(&rows, FlushCompress::Full);
    let mut data = deflate(head.as_bytes(), FlushCompress::Full);
    for _ in 0..chunks {
        data.extend_from_slice(&chunk);
    }
    data.extend(deflate(tail, FlushCompress::Finish));
    let real = (head.len() + rows.len() * chunks + tail.len()) as u32;
    let size = declared.unwrap_or(real);

    // The other parts of a workbook, from a real one.
    let plain = xlsx_of("", None);
    let mut archive = zip::ZipArchive::new(Cursor::new(plain)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name != "xl/worksheets/sheet1.xml" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
            parts.push((name, bytes));
        }
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in &parts {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        zip_entry(
            &mut out,
            &mut central,
            name,
            0,
            crc.sum(),
            bytes,
            bytes.len() as u32,
        );
    }
    zip_entry(
        &mut out,
        &mut central,
        "xl/worksheets/sheet1.xml",
        8,
        0,
        &data,
        size,
    );
    let count = (parts.len() + 1) as u16;
    let (cd_offset, cd_len) = (out.len() as u32, central.len() as u32);
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// One part of a hand-written zip: its local header and data to `out`, its
/// directory entry to `central`, with the sizes given (true or not).
fn zip_entry(
    out: &mut Vec<u8>,
    central: &mut Vec<u8>,
    name: &str,
    method: u16,
    crc: u32,
    packed: &[u8],
    size: u32,
) {
    let offset = out.len() as u32;
    let fixed = |v: &mut Vec<u8>| {
        v.extend(20u16.to_le_bytes()); // version needed
        v.extend(0u16.to_le_bytes()); // flags
        v.extend(method.to_le_bytes());
        v.extend([0u8; 4]); // time, date
        v.extend(crc.to_le_bytes());
        v.extend((packed.len() as u32).to_le_bytes());
        v.extend(size.to_le_bytes());
        v.extend((name.len() as u16).to_le_bytes());
        v.extend(0u16.to_le_bytes()); // extra field length
    };
    out.extend(b"PK\x03\x04");
    fixed(out);
    out.extend(name.as_bytes());
    out.extend(packed);
    central.extend(b"PK\x01\x02");
    central.extend(20u16.to_le_bytes()); // made by
    fixed(central);
    // Comment length, disk, internal and external attributes.
    central.extend([0u8; 10]);
    central.extend(offset.to_le_bytes());
    central.extend(name.as_bytes());
}

#[test]
fn a_zip_bomb_is_refused_before_anything_is_inflated() {
    let dir = tempfile::tempdir().unwrap();
    // 2 GiB of rows (80 million cells) in about 5 MB.
    let bomb = zip_bomb(2047, None);
    assert!(bomb.len() < 8 * MB, "{} bytes", bomb.len());
    let path = write(dir.path(), "bomb.xlsx", &bomb);
    // It is a real bomb: the sheet inflates to rows and rows of cells.
    let mut archive = zip::ZipArchive::new(Cursor::new(&bomb)).unwrap();
    let mut start = String::new();
    std::io::Read::read_to_string(
        &mut std::io::Read::take(
            archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
            10 * MB as u64,
        ),
        &mut start,
    )
    .unwrap();
    assert!(start.matches("<row><c><v>1</v></c></row>").count() > 400_000);
    let (result, used) = peak(|| read_sheet(&path, None));
    assert!(
        matches!(problem(result), FileProblem::CompressedTooMuch { ratio, max: 200 } if ratio > 300),
        "compressed hundreds of times over"
    );
    assert!(used < 4 * MB, "{used} bytes");
    assert!(matches!(
        problem(sheet_names(&path)),
        FileProblem::CompressedTooMuch { .. }
    ));

    // The same bomb lying about its size (64 KiB): the zip reader stops at the
    // declared size, so the file is damaged, not a memory hog.
    let lie = zip_bomb(2047, Some(64 * 1024));
    let mut archive = zip::ZipArchive::new(Cursor::new(&lie)).unwrap();
    let mut sheet = archive.by_name("xl/worksheets/sheet1.xml").unwrap();
    let err = std::io::Read::read_to_end(&mut sheet, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("declared"), "{err}");
    drop(sheet);
    let liar = write(dir.path(), "liar.xlsx", &lie);
    let (result, used) = peak(|| read_sheet(&liar, None));
    assert_eq!(problem(result), FileProblem::Damaged);
    assert!(used < 8 * MB, "{used} bytes");
}

#[test]
fn a_million_formatted_empty_rows_below_the_data_cost_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formatted.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    let fill = XlsxFormat::new().set_background_color("FFFF00");
    ws.write(0, 0, "الاسم").unwrap();
    ws.write(1, 0, "أحمد").unwrap();
    // Formatted to the last row of the sheet, as when whole columns are coloured.
    for r in 2..1_048_576u32 {
        ws.write_blank(r, 0, &fill).unwrap();
    }
    wb.save(&path).unwrap();
    let (sheet, used) = peak(|| read_sheet(&path, None).unwrap());
    assert_eq!(sheet.rows, vec![vec![t("الاسم")], vec![t("أحمد")]]);
    assert!(used < 4 * MB, "{used} bytes");
}

#[test]
fn a_value_a_million_rows_down_is_read_without_a_grid_in_between() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "far.xlsx",
        &xlsx_of(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>top</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>"#,
            None,
        ),
    );
    let (sheet, used) = peak(|| read_sheet(&path, None).unwrap());
    assert_eq!(sheet.rows.len(), 1_048_576);
    assert_eq!(sheet.rows[1_048_575], vec![Cell::Float(1.0)]);
    assert!(sheet.rows[1..1_048_575].iter().all(Vec::is_empty));
    // One empty row costs a few bytes, not a row of cells.
    assert!(used < 40 * MB, "{used} bytes");
}

#[test]
fn column_xfd_is_read_on_one_row_and_refused_on_many() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "الاسم").unwrap();
    ws.write(0, 16_383, "stray").unwrap();
    ws.write(1, 0, "أحمد").unwrap();
    wb.save(&one).unwrap();
    let sheet = read_sheet(&one, None).unwrap();
    assert_eq!(sheet.rows[0].len(), 16_384);
    assert_eq!(sheet.rows[0][16_383], t("stray"));
    assert_eq!(sheet.rows[1], vec![t("أحمد")]);

    let many = dir.path().join("many.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    for r in 0..1_000u32 {
        ws.write(r, 0, "x").unwrap();
        ws.write(r, 16_383, "y").unwrap();
    }
    wb.save(&many).unwrap();
    let (result, used) = peak(|| read_sheet(&many, None));
    match problem(result) {
        FileProblem::TooManyCells {
            sheet,
            rows,
            columns,
            max,
        } => {
            assert_eq!(
                (sheet.as_str(), columns, max),
                ("Sheet1", 16_384, 4_000_000)
            );
            assert!((240..=250).contains(&rows), "stopped at row {rows}");
        }
        other => panic!("{other:?}"),
    }
    // At most the cell limit (4 million × 32 bytes) was ever held.
    assert!(used < 140 * MB, "{used} bytes");
}

/// `n` Arabic letters that do not repeat in any pattern, so they compress like text
/// (one letter repeated would compress like a zip bomb, and be refused as one).
fn arabic_noise(n: usize) -> String {
    let mut x = 0x2545_F491_u32;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from_u32(0x0621 + x % 26).unwrap()
        })
        .collect()
}

#[test]
fn a_ten_megabyte_string_in_a_cell_is_refused_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let huge = arabic_noise(5 * MB); // 10 MB of UTF-8
    let shared = format!(
        r#"<sst xmlns="{MAIN_NS}" count="1" uniqueCount="2"><si><t>ok</t></si><si><t>{huge}</t></si></sst>"#
    );
    let path = write(
        d,
        "huge.xlsx",
        &xlsx_of(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c></row>"#,
            Some(&shared),
        ),
    );
    let (result, used) = peak(|| read_sheet(&path, None));
    assert_eq!(
        problem(result),
        FileProblem::CellTooLong {
            sheet: "Sheet1".into(),
            row: 2,
            column: 1,
            max: 32_767
        }
    );
    assert!(used < 64 * MB, "{used} bytes");

    let csv = write(
        d,
        "huge.csv",
        format!("name,notes\nأحمد,\"{huge}\"\n").as_bytes(),
    );
    let (result, used) = peak(|| read_sheet(&csv, None));
    assert!(matches!(
        problem(result),
        FileProblem::CellTooLong {
            row: 1,
            column: 1,
            ..
        }
    ));
    assert!(used < 64 * MB, "{used} bytes");

    let ods = write(
        d,
        "huge.ods",
        &ods_of(
            &format!(
                r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>{huge}</text:p></table:table-cell></table:table-row></table:table>"#
            ),
            "",
        ),
    );
    let (result, used) = peak(|| read_sheet(&ods, None));
    assert!(matches!(
        problem(result),
        FileProblem::CellTooLong {
            row: 0,
            column: 0,
            ..
        }
    ));
    assert!(used < 16 * MB, "{used} bytes");

    // The largest a cell can hold is read.
    let full = "ش".repeat(32_767);
    let ok = write(d, "full.csv", format!("{full}\n").as_bytes());
    assert_eq!(read_sheet(&ok, None).unwrap().rows, vec![vec![t(&full)]]);
}

#[test]
fn dates_of_a_workbook_counting_from_1904_come_in_the_1900_system() {
    let dir = tempfile::tempdir().unwrap();
    let styles = format!(
        r#"<styleSheet xmlns="{MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#
    );
    // 15/03/2024 is 43904 days after 1904-01-01.
    let sheet = r#"<row r="1"><c r="A1" s="1"><v>43904</v></c><c r="B1"><v>43904</v></c></row>"#;
    let path = write(
        dir.path(),
        "mac.xlsx",
        &xlsx_with(sheet, None, r#"<workbookPr date1904="1"/>"#, Some(&styles)),
    );
    let rows = read_sheet(&path, None).unwrap().rows;
    assert_eq!(
        rows,
        vec![vec![Cell::DateSerial(45366.0), Cell::Float(43904.0)]]
    );
    let date = maarid_core::import::date_from_cell(
        &rows[0][0],
        maarid_core::import::DateOrder::DayFirst,
        "visit_date",
    );
    assert_eq!(date.unwrap().unwrap().to_string(), "2024-03-15");
    // The same workbook in the 1900 system is not shifted.
    let path = write(
        dir.path(),
        "pc.xlsx",
        &xlsx_with(sheet, None, "", Some(&styles)),
    );
    assert_eq!(
        read_sheet(&path, None).unwrap().rows[0][0],
        Cell::DateSerial(43904.0)
    );
}

#[test]
fn a_sheet_full_of_formulas_gives_their_cached_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formulas.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..500u32 {
        ws.write(r, 0, r).unwrap();
        ws.write_formula(
            r,
            1,
            Formula::new(format!("=A{}*2", r + 1)).set_result((r * 2).to_string()),
        )
        .unwrap();
        ws.write_formula(
            r,
            2,
            Formula::new(format!("=\"رقم \"&A{}", r + 1)).set_result(format!("رقم {r}")),
        )
        .unwrap();
    }
    wb.save(&path).unwrap();
    let sheet = read_sheet(&path, None).unwrap();
    assert_eq!(sheet.rows.len(), 500);
    for (r, row) in sheet.rows.iter().enumerate() {
        assert_eq!(row[1], Cell::Float(r as f64 * 2.0), "row {r}");
        assert_eq!(row[2], t(&format!("رقم {r}")), "row {r}");
    }
}

#[test]
fn repeated_cells_in_an_ods_are_counted_before_they_are_copied() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Under a kilobyte: one value repeated over 16,384 columns and 6,000 rows.
    let bomb = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
    let path = write(d, "repeat.ods", &ods_of(bomb, ""));
    let (result, used) = peak(|| read_sheet(&path, None));
    assert!(matches!(
        problem(result),
        FileProblem::TooManyCells {
            columns: 16_384,
            ..
        }
    ));
    assert!(used < 140 * MB, "{used} bytes");

    // A billion spaces asked for in 40 bytes.
    let spaces = r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row></table:table>"#;
    let path = write(d, "spaces.ods", &ods_of(spaces, ""));
    let (result, used) = peak(|| read_sheet(&path, None));
    assert!(matches!(
        problem(result),
        FileProblem::CellTooLong {
            row: 0,
            column: 0,
            ..
        }
    ));
    assert!(used < 4 * MB, "{used} bytes");

    // Repeated empty rows and cells cost nothing; repeated values are copied.
    let fine = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>ab</text:p><text:p>c<text:s text:c="2"/>d</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table><table:table table:name="T"/>"#;
    let path = write(d, "fine.ods", &ods_of(fine, ""));
    let (sheet, used) = peak(|| read_sheet(&path, None).unwrap());
    let mut row = vec![t("ab\nc  d"), t("ab\nc  d")];
    row.resize(16_002, Cell::Empty);
    row.push(Cell::Bool(true));
    assert_eq!(sheet.rows, vec![row.clone(), row]);
    assert_eq!(sheet.sheet_names, ["S", "T"]);
    assert!(used < 4 * MB, "{used} bytes");
}

#[test]
fn a_shared_string_count_the_part_cannot_hold_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    // calamine would reserve room for this many strings before reading one.
    let shared =
        format!(r#"<sst xmlns="{MAIN_NS}" uniqueCount="99999999999999"><si><t>a</t></si></sst>"#);
    let path = write(
        dir.path(),
        "count.xlsx",
        &xlsx_of(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            Some(&shared),
        ),
    );
    let (result, used) = peak(|| read_sheet(&path, None));
    assert_eq!(problem(result), FileProblem::Damaged);
    assert!(used < 4 * MB, "{used} bytes");
}

#[test]
fn a_million_text_rows_are_refused_at_the_cell_limit_not_after() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_cells: 100_000,
        ..Limits::DEFAULT
    };
    let options = ReadOptions {
        limits,
        ..ReadOptions::default()
    };
    let lines = "0551234567\n".repeat(200_000);
    let path = write(dir.path(), "phones.csv", lines.as_bytes());
    match problem(read_sheet_with(&path, None, &options)) {
        FileProblem::TooManyCells {
            rows, columns, max, ..
        } => {
            assert_eq!((rows, columns, max), (100_001, 1, 100_000))
        }
        other => panic!("{other:?}"),
    }
    // Under the limit the same file reads whole.
    let sheet: Sheet = read_sheet(&path, None).unwrap();
    assert_eq!(sheet.rows.len(), 200_000);
    assert_eq!(sheet.rows[199_999], vec![t("0551234567")]);
}
