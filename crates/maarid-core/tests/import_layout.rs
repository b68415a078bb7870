//! The sheet's shape for the mapping step when a check cannot run yet: a header no
//! synonym knows is refused by the check, but its columns, their values and the fields
//! are still there to map by hand — and the hand-made mapping then checks.

mod common;

use std::path::{Path, PathBuf};

use maarid_core::import::{self, ColumnMap, ImportKind, ImportOptions, ImportProblem};
use maarid_core::Error;
use rust_xlsxwriter::Workbook;

/// A title, then a header of words no synonym knows, then two rows.
fn odd_headers(dir: &Path) -> PathBuf {
    let path = dir.join("قائمة.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("ورقة").unwrap();
    ws.write(0, 0, "قائمة الزوار").unwrap();
    ws.write(2, 0, "الاسم").unwrap();
    ws.write(2, 1, "تلفون المكتب").unwrap();
    ws.write(3, 0, "سلمان").unwrap();
    ws.write(3, 1, 112345678.0).unwrap();
    ws.write(5, 0, "نورة").unwrap();
    ws.write(5, 1, "0551112222").unwrap();
    wb.add_worksheet().set_name("أخرى").unwrap();
    wb.save(&path).unwrap();
    path
}

fn go(_: import::Progress) -> bool {
    true
}

#[test]
fn a_sheet_the_check_refuses_still_shows_its_columns_to_map_by_hand() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let path = odd_headers(t.dir.path());
    let mut o = ImportOptions::new(ImportKind::Contacts);
    let e = import::check(&t.db, a, &path, &o, &mut go).unwrap_err();
    assert!(matches!(e, Error::Import(ImportProblem::NoHeader)), "{e:?}");

    let l = import::layout(&t.db, a, &path, &o).unwrap();
    assert_eq!(l.sheet, "ورقة");
    assert_eq!(l.sheet_names, vec!["ورقة", "أخرى"]);
    assert_eq!(l.header_row, None, "no row names two known columns");
    assert_eq!(l.columns.len(), 2);
    assert_eq!(l.columns[0].samples, vec!["قائمة الزوار", "الاسم", "سلمان"]);
    assert!(l.fields.iter().any(|f| f.key == "phones"));
    assert!(l.mapping.is_empty());

    // The header row picked by hand: its texts, the values under it (blank rows
    // skipped, the phone's number as text), and only the name suggested.
    o.header_row = Some(3);
    let l = import::layout(&t.db, a, &path, &o).unwrap();
    assert_eq!(l.header_row, Some(3));
    assert_eq!(l.columns[0].header, "الاسم");
    assert_eq!(l.columns[1].header, "تلفون المكتب");
    assert_eq!(l.columns[0].samples, vec!["سلمان", "نورة"]);
    assert_eq!(l.columns[1].samples[1], "0551112222");
    assert_eq!(
        l.mapping,
        vec![ColumnMap {
            column: 0,
            field: "name_ar".into()
        }]
    );

    // Mapped by hand, the same sheet checks: the office phone gets its zero back.
    o.mapping = Some(vec![
        ColumnMap {
            column: 0,
            field: "name_ar".into(),
        },
        ColumnMap {
            column: 1,
            field: "phones".into(),
        },
    ]);
    let r = import::check(&t.db, a, &path, &o, &mut go).unwrap();
    assert_eq!(r.counts.new, 2);
    assert_eq!(r.rows[0].values.as_ref().unwrap()["phones"], "0112345678");

    // Another sheet by name; an unknown one is refused.
    o.sheet = Some("أخرى".into());
    o.header_row = None;
    o.mapping = None;
    let l = import::layout(&t.db, a, &path, &o).unwrap();
    assert_eq!(l.sheet, "أخرى");
    assert!(l.columns.is_empty());
    o.sheet = Some("لا توجد".into());
    assert!(matches!(
        import::layout(&t.db, a, &path, &o),
        Err(Error::NotFound { .. })
    ));
}
