//! The sheet's shape alone: its columns with a few values, the fields they can feed and
//! the mapping as far as it goes. A check refuses a sheet whose header is not found or
//! whose required fields have no column; the mapping step still needs this much so the
//! person can pick the header row and the columns themselves.

use std::path::Path;

use serde::Serialize;

use super::batches::doc_type;
use super::engine::{fields_of, ColumnInfo, ImportOptions};
use super::fields::FieldInfo;
use super::kind::ImportKind;
use super::mapping::{detect_header, from_profile, suggest, ColumnMap};
use super::profiles;
use super::read::read_sheet;
use super::values::{text_from_cell, Cell};
use crate::access::{Action, Actor, Target};
use crate::db::Db;
use crate::Result;

/// How many values each column shows under its header.
const SAMPLES: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub kind: ImportKind,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// 1-based; `None` when no row names enough known columns and none was given.
    pub header_row: Option<usize>,
    pub columns: Vec<ColumnInfo>,
    pub fields: Vec<FieldInfo>,
    /// As given, from the profile, or suggested from the header's texts.
    pub mapping: Vec<ColumnMap>,
}

fn is_blank(row: &[Cell]) -> bool {
    row.iter().all(|c| match c {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        _ => false,
    })
}

fn text(cell: Option<&Cell>) -> String {
    cell.and_then(|c| text_from_cell(c, "sample").ok())
        .unwrap_or_default()
}

/// Reads the sheet's shape for `options` (sheet, header row, mapping or profile).
/// Checks no row and writes nothing.
pub fn layout(db: &Db, actor: &Actor, path: &Path, options: &ImportOptions) -> Result<Layout> {
    actor.authorize(doc_type(options.kind), Action::Create, Target::Own)?;
    let sheet = read_sheet(path, options.sheet.as_deref())?;
    db.read(|conn| {
        let fields = fields_of(conn, options.kind)?;
        let header = match options.header_row {
            Some(r) if r >= 1 && r <= sheet.rows.len() => Some(r - 1),
            _ => detect_header(&sheet.rows, &fields),
        };
        let header_cells: &[Cell] = header.map(|h| sheet.rows[h].as_slice()).unwrap_or(&[]);
        let mapping = match (&options.mapping, &options.profile) {
            (Some(m), _) => m.clone(),
            (None, Some(name)) => from_profile(
                header_cells,
                &profiles::get_in(conn, options.kind, name)?.mapping,
            ),
            (None, None) => suggest(header_cells, &fields),
        };
        let below = header.map_or(0, |h| h + 1);
        let samples: Vec<&Vec<Cell>> = sheet
            .rows
            .iter()
            .skip(below)
            .filter(|r| !is_blank(r))
            .take(SAMPLES)
            .collect();
        let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
        let columns = (0..width)
            .map(|index| ColumnInfo {
                index,
                header: text(header_cells.get(index)),
                samples: samples.iter().map(|r| text(r.get(index))).collect(),
            })
            .collect();
        Ok(Layout {
            kind: options.kind,
            sheet: sheet.name.clone(),
            sheet_names: sheet.sheet_names.clone(),
            header_row: header.map(|h| h + 1),
            columns,
            fields,
            mapping,
        })
    })
}
