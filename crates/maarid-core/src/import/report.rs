//! The error report: the rows that were not imported, as they were in the file, each
//! with its reason in Arabic and English — to fix in Excel and import again.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};

use super::engine::{ImportReport, RowReport};
use super::kind::RowOutcome;
use super::read::read_sheet;
use super::values::Cell;
use crate::i18n::Text;
use crate::{Error, Result};

fn xlsx_error(out: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| Error::io(out, std::io::Error::other(e.to_string()))
}

fn reason_name(key: &str) -> Text {
    match key {
        "same_phone" => Text::new("نفس رقم الهاتف", "same phone number"),
        "same_email" => Text::new("نفس البريد الإلكتروني", "same email"),
        "similar_name_same_city" => {
            Text::new("اسم مشابه في نفس المدينة", "similar name in the same city")
        }
        "same_code" => Text::new("نفس الرمز", "same code"),
        "same_vin" => Text::new("نفس رقم الهيكل", "same VIN"),
        "same_number" => Text::new("نفس الرقم", "same number"),
        "same_inquiry" => Text::new(
            "نفس العميل والتاريخ والطلب",
            "same customer, day and items of interest",
        ),
        _ => Text::new("تشابه", "similar"),
    }
}

/// Why the row was not imported, in both languages.
pub fn row_reason(r: &RowReport) -> Text<String> {
    let mut ar: Vec<String> = r.problems.iter().map(|p| p.message_ar.clone()).collect();
    let mut en: Vec<String> = r.problems.iter().map(|p| p.message_en.clone()).collect();
    if r.outcome == RowOutcome::Duplicate {
        for m in &r.matches {
            let why = reason_name(&m.reason);
            match m.row {
                Some(row) => {
                    ar.push(format!(
                        "مكرر للصف {row} في الملف ({}: {})",
                        why.ar, m.matched
                    ));
                    en.push(format!(
                        "duplicates row {row} of the file ({}: {})",
                        why.en, m.matched
                    ));
                }
                None => {
                    ar.push(format!(
                        "موجود مسبقًا: «{}» ({}: {})",
                        m.name, why.ar, m.matched
                    ));
                    en.push(format!(
                        "already saved: “{}” ({}: {})",
                        m.name, why.en, m.matched
                    ));
                }
            }
        }
    }
    Text::new(ar.join("؛ "), en.join("; "))
}

/// Writes the rows of `report` that were not imported (refused or left out as
/// duplicates), read again from `source`, to the .xlsx file `out`. Returns how many.
pub fn error_report(source: &Path, report: &ImportReport, out: &Path) -> Result<usize> {
    let sheet = read_sheet(source, Some(&report.sheet))?;
    let e = xlsx_error(out);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    ws.set_name("لم تُستورد").map_err(&e)?;
    ws.set_right_to_left(true);
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xFDE2E1))
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let header = sheet
        .rows
        .get(report.header_row - 1)
        .cloned()
        .unwrap_or_default();
    let width = header.len().max(
        report
            .rows
            .iter()
            .filter_map(|r| sheet.rows.get(r.row - 1))
            .map(Vec::len)
            .max()
            .unwrap_or(0),
    ) as u16;
    ws.write_with_format(0, 0, "الصف / Row", &head)
        .map_err(&e)?;
    for c in 0..width {
        let text = match header.get(c as usize) {
            Some(Cell::Text(t)) => t.clone(),
            Some(Cell::Empty) | None => String::new(),
            Some(other) => super::values::text_from_cell(other, "header").unwrap_or_default(),
        };
        ws.write_with_format(0, c + 1, text, &head).map_err(&e)?;
    }
    ws.write_with_format(0, width + 1, "السبب", &head)
        .map_err(&e)?;
    ws.write_with_format(0, width + 2, "Reason", &head)
        .map_err(&e)?;
    ws.set_column_width(width + 1, 60).map_err(&e)?;
    ws.set_column_width(width + 2, 60).map_err(&e)?;
    ws.set_freeze_panes(1, 0).map_err(&e)?;
    let mut n = 0u32;
    for r in report
        .rows
        .iter()
        .filter(|r| matches!(r.outcome, RowOutcome::Invalid | RowOutcome::Duplicate))
    {
        n += 1;
        ws.write(n, 0, r.row as u32).map_err(&e)?;
        if let Some(cells) = sheet.rows.get(r.row - 1) {
            for (c, cell) in cells.iter().enumerate() {
                let col = c as u16 + 1;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write(n, col, t).map_err(&e)?;
                    }
                    Cell::Int(i) => {
                        ws.write(n, col, *i as f64).map_err(&e)?;
                    }
                    Cell::Float(f) => {
                        ws.write(n, col, *f).map_err(&e)?;
                    }
                    Cell::Bool(b) => {
                        ws.write(n, col, *b).map_err(&e)?;
                    }
                    Cell::DateSerial(f) => {
                        ws.write_with_format(n, col, *f, &date).map_err(&e)?;
                    }
                }
            }
        }
        let why = row_reason(r);
        ws.write(n, width + 1, why.ar).map_err(&e)?;
        ws.write(n, width + 2, why.en).map_err(&e)?;
    }
    ws.autofilter(0, 0, n, width + 2).map_err(&e)?;
    wb.save(out).map_err(&e)?;
    Ok(n as usize)
}
