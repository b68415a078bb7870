//! Reading a workbook's sheet into rows of [`Cell`] with calamine, whatever the format
//! (.xlsx, .xlsm, .xls, .xlsb, .ods). Formulas give their cached value.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::values::Cell;
use crate::{Error, Result, Rule};

/// One sheet: its name, the names of all the workbook's sheets, and its rows from the
/// top of the used range (row 0 is the sheet's first used row).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub sheet_names: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Float(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::DateSerial(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        // #N/A, #DIV/0! and the like stay visible so the row report can name them.
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// Reads the sheet `sheet` (by name), or the first sheet. A file that is not a
/// readable workbook is refused as `Invalid { field: "file", rule: BadFormat }`.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let bad = || Error::invalid("file", Rule::BadFormat);
    let mut wb = open_workbook_auto(path).map_err(|_| bad())?;
    let sheet_names = wb.sheet_names().to_vec();
    let name = match sheet {
        Some(s) => sheet_names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| Error::not_found("sheet", s))?,
        None => sheet_names.first().cloned().ok_or_else(bad)?,
    };
    let range = wb.worksheet_range(&name).map_err(|_| bad())?;
    let rows = range.rows().map(|r| r.iter().map(cell).collect()).collect();
    Ok(Sheet {
        name,
        sheet_names,
        rows,
    })
}
