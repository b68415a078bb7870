//! Which column feeds which field: found from the header texts (Arabic and English
//! synonyms), adjusted by the user, saved as a profile that matches columns by their
//! header text so it still fits when next month's file has its columns moved.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::fields::{match_key, FieldInfo};
use super::problem::ImportProblem;
use super::values::{text_from_cell, Cell};
use crate::{Error, Result};

/// How many rows from the top are searched for the header.
pub const HEADER_SCAN_ROWS: usize = 30;

/// Column `column` (0-based) feeds field `field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    pub column: usize,
    pub field: String,
}

/// A profile's entry: the column whose header reads `header` feeds `field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderMap {
    pub header: String,
    pub field: String,
}

fn header_text(cell: &Cell) -> String {
    text_from_cell(cell, "header").unwrap_or_default()
}

/// The field a header names: exactly one of its names, or for a field taking several
/// columns, a name followed by a number or a word ("Phone 2", «جوال العمل»).
fn field_for(header: &str, fields: &[FieldInfo]) -> Option<usize> {
    let k = match_key(header);
    if k.is_empty() {
        return None;
    }
    fields
        .iter()
        .position(|f| f.names().any(|n| match_key(n) == k))
        .or_else(|| {
            fields.iter().position(|f| {
                f.multi
                    && f.names().any(|n| {
                        let n = match_key(n);
                        !n.is_empty() && k.starts_with(&n) && k[n.len()..].starts_with(' ')
                    })
            })
        })
}

/// The row among the first [`HEADER_SCAN_ROWS`] whose cells name the most fields (at
/// least two; the first wins a tie). Title rows and merged banners name at most one.
pub fn detect_header(rows: &[Vec<Cell>], fields: &[FieldInfo]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in rows.iter().take(HEADER_SCAN_ROWS).enumerate() {
        let named = row
            .iter()
            .filter(|c| matches!(c, Cell::Text(_)))
            .filter(|c| field_for(&header_text(c), fields).is_some())
            .count();
        if named >= 2 && best.is_none_or(|(_, n)| named > n) {
            best = Some((i, named));
        }
    }
    best.map(|(i, _)| i)
}

/// The mapping suggested from the header texts. A field taking one column gets the
/// first column naming it.
pub fn suggest(header: &[Cell], fields: &[FieldInfo]) -> Vec<ColumnMap> {
    let mut out: Vec<ColumnMap> = Vec::new();
    for (column, cell) in header.iter().enumerate() {
        if let Some(f) = field_for(&header_text(cell), fields) {
            let field = &fields[f];
            if field.multi || !out.iter().any(|m| m.field == field.key) {
                out.push(ColumnMap {
                    column,
                    field: field.key.clone(),
                });
            }
        }
    }
    out
}

/// A saved profile applied to this sheet's header: columns found by their header text.
/// Headers of the profile missing from the sheet are left out.
pub fn from_profile(header: &[Cell], profile: &[HeaderMap]) -> Vec<ColumnMap> {
    let keys: Vec<String> = header.iter().map(|c| match_key(&header_text(c))).collect();
    let mut out = Vec::new();
    for p in profile {
        let k = match_key(&p.header);
        if let Some(column) = keys.iter().position(|h| !h.is_empty() && *h == k) {
            out.push(ColumnMap {
                column,
                field: p.field.clone(),
            });
        }
    }
    out
}

/// The mapping as a profile stores it: by header text.
pub fn to_profile(header: &[Cell], mapping: &[ColumnMap]) -> Vec<HeaderMap> {
    mapping
        .iter()
        .map(|m| HeaderMap {
            header: header.get(m.column).map(header_text).unwrap_or_default(),
            field: m.field.clone(),
        })
        .filter(|h| !h.header.is_empty())
        .collect()
}

/// The columns of each field, checked: known fields, existing columns, one column for a
/// single-value field, every required field mapped.
#[derive(Debug, Clone, Default)]
pub struct FieldColumns {
    cols: HashMap<String, Vec<usize>>,
}

impl FieldColumns {
    pub fn check(mapping: &[ColumnMap], fields: &[FieldInfo], width: usize) -> Result<Self> {
        let mut cols: HashMap<String, Vec<usize>> = HashMap::new();
        for m in mapping {
            let Some(f) = fields.iter().find(|f| f.key == m.field) else {
                return Err(Error::Import(ImportProblem::UnknownField(m.field.clone())));
            };
            if m.column >= width {
                return Err(Error::Import(ImportProblem::NoSuchColumn(m.column)));
            }
            let e = cols.entry(f.key.clone()).or_default();
            if f.multi || e.is_empty() {
                e.push(m.column);
            }
        }
        if let Some(f) = fields
            .iter()
            .find(|f| f.required && !cols.contains_key(&f.key))
        {
            return Err(Error::Import(ImportProblem::ColumnNotMapped {
                label: f.label.clone(),
            }));
        }
        Ok(FieldColumns { cols })
    }

    pub fn has(&self, field: &str) -> bool {
        self.cols.contains_key(field)
    }

    /// The field's (first) cell in `row`; empty when unmapped or past the row's end.
    pub fn cell<'a>(&self, row: &'a [Cell], field: &str) -> &'a Cell {
        self.cells(row, field).next().unwrap_or(&Cell::Empty)
    }

    /// Every cell of `row` feeding `field`.
    pub fn cells<'a, 'b>(
        &'b self,
        row: &'a [Cell],
        field: &str,
    ) -> impl Iterator<Item = &'a Cell> + 'b
    where
        'a: 'b,
    {
        self.cols
            .get(field)
            .into_iter()
            .flatten()
            .filter_map(move |&c| row.get(c))
    }

    pub fn columns(&self, field: &str) -> &[usize] {
        self.cols.get(field).map(Vec::as_slice).unwrap_or(&[])
    }
}
