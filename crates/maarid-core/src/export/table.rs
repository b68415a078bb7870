//! The one shape every export writes: a table of typed columns and a source that
//! hands its rows over one at a time. Record types (contacts, quotations…) build one
//! from SQL; later, reports can build theirs the same way and reuse both writers.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use super::ExportError;
use crate::i18n::{Locale, Text};
use crate::Result;

/// How a column's values are written. It decides the cell type and format in .xlsx
/// and the text in .csv.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Text,
    /// A calendar date (a date cell).
    Date,
    /// A moment kept in UTC, written in the computer's local time (a date-time cell).
    DateTime,
    /// An amount in a currency, with that currency's decimals (a number cell).
    Money,
    /// A quantity or a rate (a number cell, as many decimals as it has).
    Decimal,
    Integer,
}

/// One column: its key (what `--columns` and the import name it by), its header in
/// both languages, and its type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub key: String,
    pub label: Text<String>,
    #[serde(rename = "type")]
    pub ty: ColumnType,
}

impl Column {
    pub fn new(key: impl Into<String>, label: Text<String>, ty: ColumnType) -> Self {
        Column {
            key: key.into(),
            label,
            ty,
        }
    }

    /// A column with a fixed key and header.
    pub fn fixed(key: &str, ar: &str, en: &str, ty: ColumnType) -> Self {
        Column::new(key, Text::new(ar.to_string(), en.to_string()), ty)
    }

    pub fn header(&self, lang: Locale) -> &str {
        let label = self.label.get(lang);
        if label.is_empty() {
            &self.label.ar
        } else {
            label
        }
    }
}

/// One cell's value.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    #[default]
    Empty,
    Text(String),
    Date(NaiveDate),
    /// Stored in UTC; the writers convert it to local time.
    DateTime(DateTime<Utc>),
    /// An amount and the number of decimals of its currency (2, or 3 for KWD…).
    Money(Decimal, u32),
    Decimal(Decimal),
    Integer(i64),
}

/// Receives one row at a time: the values of every column of the table, in order.
/// The writer may take the values out (the source fills the row afresh each time).
pub type RowSink<'s> = dyn FnMut(&mut [Value]) -> Result<()> + 's;

type RowSource<'a> = Box<dyn FnOnce(&mut RowSink<'_>) -> Result<()> + 'a>;

/// Columns and the rows to fill them. Rows are produced while they are written, so
/// a table of a million rows never sits in memory.
pub struct Table<'a> {
    /// What the table holds, e.g. `contacts` (named in the summary).
    pub key: String,
    /// Its sheet name.
    pub name: Text<String>,
    columns: Vec<Column>,
    /// Indexes of the columns written, in the order written.
    shown: Vec<usize>,
    rows: RowSource<'a>,
}

impl<'a> Table<'a> {
    /// `rows` must call the sink once per row, with one value per column.
    pub fn new(
        key: impl Into<String>,
        name: Text<String>,
        columns: Vec<Column>,
        rows: impl FnOnce(&mut RowSink<'_>) -> Result<()> + 'a,
    ) -> Self {
        let shown = (0..columns.len()).collect();
        Table {
            key: key.into(),
            name,
            columns,
            shown,
            rows: Box::new(rows),
        }
    }

    /// Every column the table can write.
    pub fn all_columns(&self) -> &[Column] {
        &self.columns
    }

    /// The columns that will be written, in order.
    pub fn columns(&self) -> impl Iterator<Item = &Column> {
        self.shown.iter().map(|&i| &self.columns[i])
    }

    /// Writes only `keys`, in that order. An unknown key is refused, naming it and
    /// the valid ones; so is an empty list or a key given twice.
    pub fn select(mut self, keys: &[String]) -> Result<Self> {
        let valid = || self.columns.iter().map(|c| c.key.clone()).collect();
        let mut shown = Vec::with_capacity(keys.len());
        for key in keys.iter().map(|k| k.trim()) {
            let Some(i) = self.columns.iter().position(|c| c.key == key) else {
                return Err(ExportError::UnknownColumn {
                    table: self.name.clone(),
                    key: key.to_string(),
                    valid: valid(),
                }
                .into());
            };
            if shown.contains(&i) {
                return Err(ExportError::RepeatedColumn(key.to_string()).into());
            }
            shown.push(i);
        }
        if shown.is_empty() {
            return Err(ExportError::NoColumns.into());
        }
        self.shown = shown;
        Ok(self)
    }

    /// Hands every row to `sink` as the values of the shown columns, in order.
    pub(super) fn for_each_row(
        self,
        mut sink: impl FnMut(&mut dyn Iterator<Item = &mut Value>) -> Result<()>,
    ) -> Result<()> {
        let shown = self.shown;
        let width = self.columns.len();
        let mut picked: Vec<Value> = Vec::with_capacity(shown.len());
        (self.rows)(&mut |row: &mut [Value]| {
            if row.len() != width {
                return Err(crate::Error::Internal(format!(
                    "export row has {} values for {width} columns",
                    row.len()
                )));
            }
            // Moved, not copied: the source fills its row afresh for the next one.
            picked.clear();
            picked.extend(shown.iter().map(|&i| std::mem::take(&mut row[i])));
            sink(&mut picked.iter_mut())
        })
    }
}
