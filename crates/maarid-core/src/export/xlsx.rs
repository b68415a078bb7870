//! Tables as an .xlsx workbook, one sheet per table, written row by row in
//! rust_xlsxwriter's constant-memory mode: each row goes to a temporary file as soon as
//! the next one starts, so memory stays flat however many rows there are.
//!
//! Each sheet: right to left when Arabic, a bold filled header row that stays in view
//! (frozen) with filter buttons, column widths from the header and the first rows,
//! dates and moments as real date cells (moments in the computer's local time), money
//! as numbers with its currency's decimals. A table longer than a sheet's 1,048,576
//! rows goes on in a second sheet with the same header.

use std::path::Path;

use chrono::{Local, NaiveDate, NaiveDateTime};
use rust_decimal::prelude::ToPrimitive;
use std::sync::mpsc::{Receiver, SyncSender};

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::table::{Column, Table, Value};
use super::TableSummary;
use crate::i18n::Locale;
use crate::{Error, Result};

/// Rows of a sheet below its header.
const MAX_DATA_ROWS: u32 = 1_048_575;
/// An Excel cell holds at most this many characters.
const MAX_CELL_CHARS: usize = 32_767;
/// Rows looked at to size the columns.
const WIDTH_SAMPLE: u32 = 200;
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

struct Formats {
    header: Format,
    date: Format,
    moment: Format,
    /// Index: the currency's decimals (0 to 4).
    money: Vec<Format>,
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00DD_EBF7))
                .set_border_bottom(FormatBorder::Thin),
            // Year first: unambiguous in every locale, and sorts as it reads.
            date: Format::new().set_num_format("yyyy-mm-dd"),
            moment: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            money: (0..=4)
                .map(|dp| {
                    let f = if dp == 0 {
                        "#,##0".to_string()
                    } else {
                        format!("#,##0.{}", "0".repeat(dp))
                    };
                    Format::new().set_num_format(f)
                })
                .collect(),
        }
    }
}

/// Rows handed from the reading thread to the writing one at a time.
const BATCH: usize = 256;
/// Batches waiting at most: this bounds the memory between the two threads.
const BATCHES_IN_FLIGHT: usize = 8;

/// What the reading thread sends the writing one.
enum Msg {
    /// A new table starts: its sheet's title and its columns.
    Table {
        key: String,
        title: String,
        columns: Vec<Column>,
    },
    Rows(Vec<Vec<Value>>),
    /// Every table was read: save the workbook.
    Done,
}

/// Writes `tables` to `path`, one sheet (or more, for very long tables) each.
///
/// Two threads: this one reads the rows (the tables' sources hold the database
/// connection), a second one turns them into sheet XML, so on a machine with two
/// cores reading and writing overlap. A few batches of rows wait between them at most.
pub(super) fn write(path: &Path, tables: Vec<Table>, lang: Locale) -> Result<Vec<TableSummary>> {
    write_sheets_of(path, tables, lang, MAX_DATA_ROWS)
}

/// `write`, with at most `max_rows` rows on a sheet.
fn write_sheets_of(
    path: &Path,
    tables: Vec<Table>,
    lang: Locale,
    max_rows: u32,
) -> Result<Vec<TableSummary>> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(BATCHES_IN_FLIGHT);
        let writer = scope.spawn(move || write_sheets(path, rx, lang, max_rows));
        let read = send_tables(tables, &tx, lang);
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Error::Internal("the xlsx writer stopped".into())));
        match (read, written) {
            // A failed read is the cause; the writer only saw the rows stop.
            (Err(e), _) => Err(e),
            (Ok(()), Ok(Some(summaries))) => Ok(summaries),
            (Ok(()), Ok(None)) => Err(Error::Internal("the xlsx writer stopped".into())),
            (Ok(()), Err(e)) => Err(e),
        }
    })
}

/// The reading side: every table's rows, in batches. Stops early (Ok) when the
/// writer has gone, which then reports why.
fn send_tables(tables: Vec<Table>, tx: &SyncSender<Msg>, lang: Locale) -> Result<()> {
    for table in tables {
        let start = Msg::Table {
            key: table.key.clone(),
            title: table.name.get(lang).clone(),
            columns: table.columns().cloned().collect(),
        };
        if tx.send(start).is_err() {
            return Ok(());
        }
        let mut gone = false;
        let mut batch = Vec::with_capacity(BATCH);
        let read = table.for_each_row(|values| {
            batch.push(values.map(std::mem::take).collect());
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send(Msg::Rows(full)).is_err() {
                    // Stops the source; the writer's own error is what to report.
                    gone = true;
                    return Err(Error::Internal("the xlsx writer stopped".into()));
                }
            }
            Ok(())
        });
        if gone {
            return Ok(());
        }
        read?;
        if !batch.is_empty() && tx.send(Msg::Rows(batch)).is_err() {
            return Ok(());
        }
    }
    let _ = tx.send(Msg::Done);
    Ok(())
}

/// The writing side. Ok(None): the rows stopped before `Done` (the reader failed).
fn write_sheets(
    path: &Path,
    rx: Receiver<Msg>,
    lang: Locale,
    max_rows: u32,
) -> Result<Option<Vec<TableSummary>>> {
    let mut wb = Workbook::new();
    let formats = Formats::new();
    let mut used: Vec<String> = Vec::new();
    let mut out: Vec<TableSummary> = Vec::new();
    let mut current: Option<(Sheet, String, Vec<Column>)> = None;
    for msg in rx {
        match msg {
            Msg::Table {
                key,
                title,
                columns,
            } => {
                if let Some((sheet, ..)) = &current {
                    sheet.finish(&mut wb)?;
                }
                let sheet = Sheet::start(&mut wb, &formats, &mut used, &title, &columns, lang)?;
                out.push(TableSummary {
                    key,
                    name: title.clone(),
                    sheets: vec![sheet.name.clone()],
                    rows: 0,
                    columns: columns.iter().map(|c| c.key.clone()).collect(),
                });
                current = Some((sheet, title, columns));
            }
            Msg::Rows(rows) => {
                let (sheet, title, columns) = current
                    .as_mut()
                    .ok_or_else(|| Error::Internal("rows before a table".into()))?;
                let summary = out.last_mut().expect("a table was started");
                for mut row in rows {
                    if sheet.row > max_rows {
                        sheet.finish(&mut wb)?;
                        *sheet = Sheet::start(&mut wb, &formats, &mut used, title, columns, lang)?;
                        summary.sheets.push(sheet.name.clone());
                    }
                    sheet.write_row(&mut wb, &formats, &mut row.iter_mut())?;
                    summary.rows += 1;
                }
            }
            Msg::Done => {
                if let Some((sheet, ..)) = &current {
                    sheet.finish(&mut wb)?;
                }
                wb.save(path).map_err(|e| xlsx_error(path, e))?;
                return Ok(Some(out));
            }
        }
    }
    Ok(None)
}

/// The sheet being written: its index in the workbook, the next row, and the widest
/// value seen per column.
struct Sheet {
    index: usize,
    name: String,
    row: u32,
    widths: Vec<usize>,
}

impl Sheet {
    fn start(
        wb: &mut Workbook,
        formats: &Formats,
        used: &mut Vec<String>,
        title: &str,
        columns: &[Column],
        lang: Locale,
    ) -> Result<Sheet> {
        let name = sheet_name(title, used);
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name(&name).map_err(internal)?;
        ws.set_right_to_left(lang == Locale::Ar);
        for (c, column) in columns.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, column.header(lang), &formats.header)
                .map_err(internal)?;
        }
        let index = wb.worksheets().len() - 1;
        used.push(name.clone());
        Ok(Sheet {
            index,
            name,
            row: 1,
            // Room for the filter button beside the header text.
            widths: columns
                .iter()
                .map(|c| c.header(lang).chars().count() + 4)
                .collect(),
        })
    }

    fn write_row(
        &mut self,
        wb: &mut Workbook,
        formats: &Formats,
        values: &mut dyn Iterator<Item = &mut Value>,
    ) -> Result<()> {
        let ws = wb.worksheet_from_index(self.index).map_err(internal)?;
        let sample = self.row <= WIDTH_SAMPLE;
        for (c, value) in values.enumerate() {
            if sample {
                self.widths[c] = self.widths[c].max(shown_width(value));
            }
            write_cell(ws, self.row, col(c)?, value, formats)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Header kept in view, filter buttons over every row written, column widths.
    fn finish(&self, wb: &mut Workbook) -> Result<()> {
        let ws = wb.worksheet_from_index(self.index).map_err(internal)?;
        let last_col = col(self.widths.len().saturating_sub(1))?;
        ws.set_freeze_panes(1, 0).map_err(internal)?;
        ws.autofilter(0, 0, self.row - 1, last_col)
            .map_err(internal)?;
        for (c, w) in self.widths.iter().enumerate() {
            let w = (*w).clamp(MIN_WIDTH, MAX_WIDTH) as f64 * 1.1;
            ws.set_column_width(col(c)?, w).map_err(internal)?;
        }
        Ok(())
    }
}

fn write_cell(ws: &mut Worksheet, row: u32, c: u16, value: &mut Value, f: &Formats) -> Result<()> {
    let written = match value {
        Value::Empty => return Ok(()),
        Value::Text(s) => {
            // Maarid keeps texts far shorter; a longer one cannot fit in a cell.
            if s.len() > MAX_CELL_CHARS {
                if let Some((at, _)) = s.char_indices().nth(MAX_CELL_CHARS) {
                    s.truncate(at);
                }
            }
            ws.write_string(row, c, std::mem::take(s))
        }
        Value::Date(d) => ws.write_number_with_format(row, c, serial_date(*d), &f.date),
        Value::DateTime(t) => {
            let local = t.with_timezone(&Local).naive_local();
            ws.write_number_with_format(row, c, serial_datetime(local), &f.moment)
        }
        Value::Money(d, dp) => {
            let n = d.to_f64().unwrap_or(0.0);
            ws.write_number_with_format(row, c, n, &f.money[(*dp).min(4) as usize])
        }
        Value::Decimal(d) => ws.write_number(row, c, d.to_f64().unwrap_or(0.0)),
        Value::Integer(i) => ws.write_number(row, c, *i as f64),
    };
    written.map(|_| ()).map_err(internal)
}

/// How many characters wide a value shows (for the column widths).
fn shown_width(value: &Value) -> usize {
    match value {
        Value::Empty => 0,
        Value::Text(s) => s.chars().take(MAX_WIDTH).count(),
        Value::Date(_) => 10,
        Value::DateTime(_) => 16,
        Value::Money(d, dp) => amount_width(d.to_f64().unwrap_or(0.0), (*dp).min(4) as usize),
        Value::Decimal(d) => d.normalize().to_string().len(),
        Value::Integer(i) => i.to_string().len(),
    }
}

/// Characters of an amount shown with thousands separators and `dp` decimals.
fn amount_width(n: f64, dp: usize) -> usize {
    let whole = format!("{:.0}", n.abs().trunc()).len();
    whole + (whole - 1) / 3 + if dp > 0 { dp + 1 } else { 0 } + usize::from(n < 0.0)
}

/// Excel's day number: days since 1899-12-30 (right for every date from March 1900).
fn serial_date(d: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
    (d - epoch).num_days() as f64
}

fn serial_datetime(t: NaiveDateTime) -> f64 {
    let seconds = t.time().signed_duration_since(chrono::NaiveTime::MIN);
    serial_date(t.date()) + seconds.num_milliseconds() as f64 / 86_400_000.0
}

/// A valid, unused sheet name: at most 31 characters, none of `[]:*?/\`; a second
/// sheet of the same table is «الاسم (2)».
fn sheet_name(title: &str, used: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|ch| if "[]:*?/\\".contains(ch) { '_' } else { ch })
        .collect();
    let clean = clean.trim_matches('\'');
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    let fit = |s: &str, room: usize| s.chars().take(room).collect::<String>();
    let taken = |n: &str| used.iter().any(|u| u.eq_ignore_ascii_case(n));
    let first = fit(clean, 31);
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|i| {
            let suffix = format!(" ({i})");
            format!("{}{suffix}", fit(clean, 31 - suffix.len()))
        })
        .find(|n| !taken(n))
        .expect("some number is free")
}

fn col(c: usize) -> Result<u16> {
    u16::try_from(c)
        .ok()
        .filter(|&c| c < 16_384)
        .ok_or_else(|| Error::Internal(format!("too many columns: {c}")))
}

fn internal(e: XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

fn xlsx_error(path: &Path, e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(io) => Error::io(path, io),
        other => internal(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_match_excel() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        // =DATE(2026,11,23) in Excel.
        assert_eq!(serial_date(d), 46_349.0);
        let t = d.and_hms_opt(18, 0, 0).unwrap();
        assert_eq!(serial_datetime(t), 46_349.75);
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let used = vec!["Contacts".to_string()];
        assert_eq!(sheet_name("Contacts", &used), "Contacts (2)");
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        let long = "x".repeat(40);
        let second = sheet_name(&long, &[long.chars().take(31).collect()]);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"));
    }

    #[test]
    fn a_table_longer_than_a_sheet_goes_on_in_more_sheets() {
        use crate::i18n::Text;
        use calamine::{open_workbook, Reader, Xlsx};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.xlsx");
        let columns = vec![Column::fixed(
            "n",
            "الرقم",
            "No.",
            super::super::ColumnType::Integer,
        )];
        let table = Table::new(
            "numbers",
            Text::new("أرقام".into(), "Numbers".into()),
            columns,
            |sink| {
                for i in 1..=5 {
                    sink(&mut [Value::Integer(i)])?;
                }
                Ok(())
            },
        );
        let s = write_sheets_of(&path, vec![table], Locale::En, 2).unwrap();
        assert_eq!(s[0].rows, 5);
        assert_eq!(s[0].sheets, ["Numbers", "Numbers (2)", "Numbers (3)"]);
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(wb.sheet_names(), ["Numbers", "Numbers (2)", "Numbers (3)"]);
        let counts: Vec<Vec<String>> = ["Numbers", "Numbers (2)", "Numbers (3)"]
            .iter()
            .map(|n| {
                let r = wb.worksheet_range(n).unwrap();
                r.rows().map(|row| row[0].to_string()).collect()
            })
            .collect();
        assert_eq!(
            counts,
            [
                vec!["No.", "1", "2"],
                vec!["No.", "3", "4"],
                vec!["No.", "5"]
            ]
        );
    }

    #[test]
    fn amount_widths_count_separators() {
        assert_eq!(amount_width(1_234_567.5, 2), "1,234,567.50".len());
        assert_eq!(amount_width(5.0, 3), "5.000".len());
        assert_eq!(amount_width(-12.0, 0), "-12".len());
    }
}
