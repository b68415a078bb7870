//! Reading one sheet of a file into rows of [`Cell`], whatever the format: .xlsx,
//! .xlsm, .xlsb and .xls through calamine, .ods through our own streaming reader
//! (ods.rs), and delimited text (csv.rs). The format is told by the content
//! (sniff.rs), and hostile or broken files are refused with a clear message before
//! they can exhaust memory (guard.rs, xls_scan.rs). Formulas give their cached value.
//!
//! Rows keep their place in the sheet: `rows[i]` is the sheet's row `i + 1` and
//! `rows[i][j]` its column `j` (A = 0), so a row number in a message is the one the
//! user sees. Empty cells are [`Cell::Empty`]; trailing empty cells and rows are not
//! kept, so a sheet with a million formatted empty rows below its data costs nothing.

use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{
    Data, DataRef, ExcelDateTime, ExcelDateTimeType, Reader, SheetType, SheetVisible, Xls, Xlsb,
    Xlsx,
};
use quick_xml::events::Event;

use super::csv::{self, Encoding, TextFormat};
use super::file_problem::FileProblem;
use super::guard::{bad, damaged, Grid, Limits, ZipEntry};
use super::ods::{self, Want};
use super::sniff::{sniff, Format};
use super::values::Cell;
use super::xls_scan;
use crate::{Error, Result};

/// One sheet: its name, the names of all the file's sheets (for the "pick the sheet"
/// step), its rows (see the module docs), and how the file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub sheet_names: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub format: Format,
    /// For a text file: the encoding and delimiter detected (or chosen).
    pub text: Option<TextFormat>,
}

/// How to read a file. The default detects everything and applies [`Limits::DEFAULT`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub limits: Limits,
    /// For a text file: read it in this encoding instead of the detected one.
    pub encoding: Option<Encoding>,
    /// For a text file: split fields on this instead of the sniffed delimiter.
    pub delimiter: Option<char>,
}

/// Reads the sheet `sheet` (by name), or the first visible worksheet, with the
/// default options.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    read_sheet_with(path, sheet, &ReadOptions::default())
}

/// Reads the sheet `sheet` (by name), or the first visible worksheet.
pub fn read_sheet_with(path: &Path, sheet: Option<&str>, options: &ReadOptions) -> Result<Sheet> {
    let limits = &options.limits;
    let sniffed = sniff(path, limits)?;
    let format = sniffed.format;
    let (name, sheet_names, rows, text) = match format {
        Format::Csv => {
            let name = csv_sheet_name(path);
            if sheet.is_some_and(|s| s != name) {
                return Err(Error::not_found("sheet", sheet.unwrap_or_default()));
            }
            let mut bytes = Vec::with_capacity(sniffed.len as usize);
            File::open(path)
                .and_then(|f| f.take(limits.max_file_bytes).read_to_end(&mut bytes))
                .map_err(|e| Error::io(path, e))?;
            let (rows, text) =
                csv::read(&bytes, &name, options.encoding, options.delimiter, limits)?;
            (name.clone(), vec![name], rows, Some(text))
        }
        Format::Ods => {
            let want = sheet.map_or(Want::First, Want::Named);
            let read = ods::read(path, want, limits)?;
            let (name, rows) = read.sheet.ok_or_else(|| missing(sheet))?;
            (name, read.names, rows, None)
        }
        Format::Xlsx | Format::Xlsm | Format::Xlsb => {
            check_shared_strings(path, &sniffed.zip)?;
            let (name, names, rows) = calamine_guarded(|| {
                if format == Format::Xlsb {
                    read_xlsb(path, sheet, limits)
                } else {
                    read_xlsx(path, sheet, limits)
                }
            })?;
            (name, names, rows, None)
        }
        Format::Xls => {
            xls_scan::check(path, sniffed.len, limits)?;
            let (name, names, rows) = calamine_guarded(|| read_xls(path, sheet, limits))?;
            (name, names, rows, None)
        }
    };
    Ok(Sheet {
        name,
        sheet_names,
        rows,
        format,
        text,
    })
}

/// The names of the file's worksheets, in order, for the user to pick one. No
/// sheet's cells are read (calamine still loads an .xlsx's shared strings, and
/// parses an .xls whole; legacy .xls files are small by nature).
pub fn sheet_names(path: &Path) -> Result<Vec<String>> {
    let limits = Limits::DEFAULT;
    let sniffed = sniff(path, &limits)?;
    match sniffed.format {
        Format::Csv => Ok(vec![csv_sheet_name(path)]),
        Format::Ods => Ok(ods::read(path, Want::Names, &limits)?.names),
        Format::Xlsx | Format::Xlsm => {
            check_shared_strings(path, &sniffed.zip)?;
            calamine_guarded(|| Ok(worksheets(&open_xlsx(path)?)))
        }
        Format::Xlsb => calamine_guarded(|| Ok(worksheets(&open_xlsb(path)?))),
        Format::Xls => {
            xls_scan::check(path, sniffed.len, &limits)?;
            calamine_guarded(|| Ok(worksheets(&open_xls(path)?)))
        }
    }
}

/// A text file's one sheet is named after the file.
fn csv_sheet_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn missing(sheet: Option<&str>) -> Error {
    match sheet {
        Some(s) => Error::not_found("sheet", s),
        // A workbook without a single worksheet.
        None => damaged(),
    }
}

/// A sheet's name, all the sheet names, and the sheet's rows.
type SheetRows = (String, Vec<String>, Vec<Vec<Cell>>);

/// Runs calamine, turning a panic on a malformed file into "damaged" where panics
/// unwind (tests, debug builds).
fn calamine_guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(damaged()))
}

/// The worksheets, hidden ones included (legacy workbooks keep lookup lists there),
/// chart and macro sheets left out.
fn worksheets<RS, R: Reader<RS>>(wb: &R) -> Vec<String>
where
    RS: std::io::Read + std::io::Seek,
{
    wb.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// The sheet asked for, or the first visible worksheet.
fn pick<RS, R: Reader<RS>>(wb: &R, sheet: Option<&str>) -> Result<(String, Vec<String>)>
where
    RS: std::io::Read + std::io::Seek,
{
    let names = worksheets(wb);
    let name = match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).cloned(),
        None => wb
            .sheets_metadata()
            .iter()
            .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .or_else(|| names.first().cloned()),
    };
    Ok((name.ok_or_else(|| missing(sheet))?, names))
}

fn open_xlsx(path: &Path) -> Result<Xlsx<BufReader<File>>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Xlsx::new(BufReader::new(file)).map_err(xlsx_error)
}

fn open_xlsb(path: &Path) -> Result<Xlsb<BufReader<File>>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Xlsb::new(BufReader::new(file)).map_err(|e| match e {
        calamine::XlsbError::Password => bad(FileProblem::PasswordProtected),
        _ => damaged(),
    })
}

fn open_xls(path: &Path) -> Result<Xls<BufReader<File>>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Xls::new(BufReader::new(file)).map_err(|e| match e {
        calamine::XlsError::Password => bad(FileProblem::PasswordProtected),
        _ => damaged(),
    })
}

fn xlsx_error(e: calamine::XlsxError) -> Error {
    match e {
        calamine::XlsxError::Password => bad(FileProblem::PasswordProtected),
        _ => damaged(),
    }
}

/// .xlsx and .xlsm, streamed cell by cell into the grid.
fn read_xlsx(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<SheetRows> {
    let mut wb = open_xlsx(path)?;
    let (name, names) = pick(&wb, sheet)?;
    let mut grid = Grid::new(&name, limits);
    let mut cells = wb.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    while let Some(c) = cells.next_cell().map_err(xlsx_error)? {
        let (row, col) = c.get_position();
        grid.put(row as u64, col as u64, data_ref(c.get_value()))?;
    }
    drop(cells);
    let rows = grid.into_rows();
    Ok((name, names, rows))
}

/// .xlsb, streamed cell by cell into the grid.
fn read_xlsb(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<SheetRows> {
    let mut wb = open_xlsb(path)?;
    let (name, names) = pick(&wb, sheet)?;
    let mut grid = Grid::new(&name, limits);
    let mut cells = wb.worksheet_cells_reader(&name).map_err(|_| damaged())?;
    while let Some(c) = cells.next_cell().map_err(|_| damaged())? {
        let (row, col) = c.get_position();
        grid.put(row as u64, col as u64, data_ref(c.get_value()))?;
    }
    drop(cells);
    let rows = grid.into_rows();
    Ok((name, names, rows))
}

/// .xls: calamine holds every sheet already (xls_scan.rs bounded them); the one
/// asked for is copied into the grid.
fn read_xls(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<SheetRows> {
    let mut wb = open_xls(path)?;
    let (name, names) = pick(&wb, sheet)?;
    let range = wb.worksheet_range(&name).map_err(|_| damaged())?;
    let mut grid = Grid::new(&name, limits);
    if let Some((r0, c0)) = range.start() {
        for (r, c, d) in range.used_cells() {
            grid.put(r as u64 + r0 as u64, c as u64 + c0 as u64, data(d))?;
        }
    }
    let rows = grid.into_rows();
    Ok((name, names, rows))
}

fn data_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => Cell::DateSerial(serial_1900(dt)),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        // #N/A, #DIV/0! and the like stay visible so the row report can name them.
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

fn data(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Float(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::DateSerial(serial_1900(dt)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A date's serial in Excel's 1900 system, which [`Cell::DateSerial`] uses, also
/// for workbooks that count from 1904 (an option of Excel for Mac). calamine keeps
/// the system inside the value without saying which; equality tells.
fn serial_1900(dt: &ExcelDateTime) -> f64 {
    const DAYS_1900_TO_1904: f64 = 1462.0;
    let v = dt.as_f64();
    if dt.is_datetime() && *dt == ExcelDateTime::new(v, ExcelDateTimeType::DateTime, true) {
        v + DAYS_1900_TO_1904
    } else {
        v
    }
}

/// calamine reserves room for as many shared strings as the file says it has,
/// before reading one. A count the part's size cannot hold (each needs at least
/// `<si/>`, five bytes) is a lie.
fn check_shared_strings(path: &Path, zip: &[ZipEntry]) -> Result<()> {
    let Some(part) = zip.iter().find(|e| {
        let name = e.name.to_ascii_lowercase();
        name.ends_with("sharedstrings.xml")
    }) else {
        return Ok(());
    };
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|_| damaged())?;
    let entry = archive.by_name(&part.name).map_err(|_| damaged())?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(|_| damaged())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                let declared = e
                    .try_get_attribute("uniqueCount")
                    .ok()
                    .flatten()
                    .map(|a| a.value.trim_start_matches('+').to_string());
                return match declared {
                    Some(n) if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() => {
                        let n: u128 = n.parse().unwrap_or(u128::MAX);
                        if n > (part.size / 5 + 16) as u128 {
                            Err(damaged())
                        } else {
                            Ok(())
                        }
                    }
                    _ => Ok(()),
                };
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
