//! The sheet's shape alone: its columns with a few values, the fields they can feed and
//! the mapping as far as it goes. A check refuses a sheet whose header is not found or
//! whose required fields have no column; the mapping step still needs this much so the
//! person can pick the header row and the columns themselves.

use std::path::Path;

use serde::Serialize;

use super::batches::doc_type;
use super::engine::{
    column_infos, fields_of, is_blank, settle, ColumnInfo, ImportOptions, Settled,
};
use super::fields::FieldInfo;
use super::kind::ImportKind;
use super::mapping::ColumnMap;
use super::read::read_sheet;
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

/// Reads the sheet's shape for `options` (sheet, header row, mapping or profile).
/// Checks no row and writes nothing.
pub fn layout(db: &Db, actor: &Actor, path: &Path, options: &ImportOptions) -> Result<Layout> {
    actor.authorize(doc_type(options.kind), Action::Create, Target::Own)?;
    let sheet = read_sheet(path, options.sheet.as_deref())?;
    db.read(|conn| {
        let fields = fields_of(conn, options.kind)?;
        // A header row past the sheet's end is ignored here: this step exists to let
        // the user pick another one.
        let mut o = options.clone();
        if o.header_row.is_some_and(|r| r == 0 || r > sheet.rows.len()) {
            o.header_row = None;
        }
        let Settled {
            header, mapping, ..
        } = settle(conn, &sheet, &fields, &o)?;
        let samples: Vec<usize> = (header.map_or(0, |h| h + 1)..sheet.rows.len())
            .filter(|&r| !is_blank(&sheet.rows[r]))
            .take(SAMPLES)
            .collect();
        let columns = column_infos(&sheet, header, &samples);
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
