//! Export: any record type to .xlsx or .csv, the columns the user chooses, and
//! "export everything" — every record type the user may read, one sheet each, so a
//! showroom can always take its data away.
//!
//! Rows are read straight from SQLite and written as they are read (never all in
//! memory). Rights are the lists' own: the read right on the record type; with the
//! "own records" scope, only the user's records, filtered exactly as the lists filter
//! them. Deleted records are never exported.
//!
//! Everything an export can refuse (an unknown column, a file type other than .xlsx
//! or .csv, no right) is refused before the file is created. The file is written
//! under a temporary name beside the target and renamed into place when complete, so
//! a failed export leaves no half-written file (and an existing file as it was).
//!
//! [`Table`] is the shape both writers take: reports can build their own tables and
//! write them with [`write_tables`].

mod contacts;
mod csv;
mod delivery_notes;
mod error;
mod inquiries;
mod invoices;
pub mod labels;
mod lines;
mod products;
mod query;
mod quotes;
mod source;
mod table;
mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

pub use error::ExportError;
pub use table::{Column, ColumnType, RowSink, Table, Value};

use crate::access::{Actor, DocType};
use crate::db::Db;
use crate::i18n::{Locale, Text};
use crate::keyed::keyed_enum;
use crate::{Error, Result};
use lines::LinesOf;
use query::{readable, Created};

keyed_enum!(
    /// What can be exported: each record type, and the lines of the documents that
    /// have lines.
    ExportKind {
        Contacts = "contacts",
        Products = "products",
        Inquiries = "inquiries",
        Quotes = "quotes",
        QuoteLines = "quote_lines",
        Invoices = "invoices",
        InvoiceLines = "invoice_lines",
        DeliveryNotes = "delivery_notes",
        DeliveryNoteLines = "delivery_note_lines",
    }
);

impl ExportKind {
    /// The record type whose read right the export needs.
    pub fn doc_type(self) -> DocType {
        match self {
            ExportKind::Contacts => DocType::Contact,
            ExportKind::Products => DocType::Product,
            ExportKind::Inquiries => DocType::Inquiry,
            ExportKind::Quotes | ExportKind::QuoteLines => DocType::Quotation,
            ExportKind::Invoices | ExportKind::InvoiceLines => DocType::Invoice,
            ExportKind::DeliveryNotes | ExportKind::DeliveryNoteLines => DocType::DeliveryNote,
        }
    }

    /// The sheet name, in both languages.
    pub fn name(self) -> Text<String> {
        match self {
            ExportKind::Contacts => contacts::name(),
            ExportKind::Products => products::name(),
            ExportKind::Inquiries => inquiries::name(),
            ExportKind::Quotes => quotes::name(),
            ExportKind::Invoices => invoices::name(),
            ExportKind::DeliveryNotes => delivery_notes::name(),
            ExportKind::QuoteLines => LinesOf::Quotes.name(),
            ExportKind::InvoiceLines => LinesOf::Invoices.name(),
            ExportKind::DeliveryNoteLines => LinesOf::DeliveryNotes.name(),
        }
    }

    fn lines(self) -> Option<LinesOf> {
        match self {
            ExportKind::QuoteLines => Some(LinesOf::Quotes),
            ExportKind::InvoiceLines => Some(LinesOf::Invoices),
            ExportKind::DeliveryNoteLines => Some(LinesOf::DeliveryNotes),
            _ => None,
        }
    }
}

/// The file type, from the file name's extension (in any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Xlsx,
    Csv,
}

impl FileFormat {
    pub fn of(path: &Path) -> Result<FileFormat> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xlsx" => Ok(FileFormat::Xlsx),
            "csv" => Ok(FileFormat::Csv),
            _ => Err(ExportError::UnsupportedFormat(ext).into()),
        }
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ExportRequest {
    pub kind: ExportKind,
    /// Column keys in the order wanted; None: every column.
    #[serde(default)]
    pub columns: Option<Vec<String>>,
    /// Records created on or after this day (UTC, as the lists filter).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Records created on or before this day.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Language of the headers, the sheet names and the words for stored keys.
    #[serde(default)]
    pub lang: Locale,
}

/// One table as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableSummary {
    /// `contacts`, `quote_lines`…
    pub key: String,
    /// Its name in the export's language.
    pub name: String,
    /// The sheets it fills (.xlsx; more than one only past 1,048,575 rows).
    pub sheets: Vec<String>,
    pub rows: u64,
    /// The column keys written, in order.
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportSummary {
    pub path: PathBuf,
    pub format: FileFormat,
    /// Rows of every table together.
    pub rows: u64,
    pub tables: Vec<TableSummary>,
}

/// The columns `kind` can export (custom fields included), for choosing them.
pub fn columns(db: &Db, actor: &Actor, kind: ExportKind) -> Result<Vec<Column>> {
    readable(actor, kind.doc_type())?;
    Ok(match kind {
        ExportKind::Contacts => db.read(contacts::columns)?,
        ExportKind::Products => products::columns(),
        ExportKind::Inquiries => inquiries::columns(),
        ExportKind::Quotes => quotes::columns(),
        ExportKind::Invoices => invoices::columns(),
        ExportKind::DeliveryNotes => delivery_notes::columns(),
        ExportKind::QuoteLines | ExportKind::InvoiceLines | ExportKind::DeliveryNoteLines => {
            lines::columns(kind.lines().expect("a kind of lines"))
        }
    })
}

/// Writes the records of one type to `path` (.xlsx or .csv, by its extension),
/// replacing the file if it exists.
pub fn export(db: &Db, actor: &Actor, req: &ExportRequest, path: &Path) -> Result<ExportSummary> {
    FileFormat::of(path)?;
    let created = Created {
        from: req.from,
        to: req.to,
    };
    created.check()?;
    let own = readable(actor, req.kind.doc_type())?;
    db.read(|conn| {
        let t = table(conn, req.kind, own.as_deref(), &created, req.lang)?;
        let t = match &req.columns {
            Some(keys) => t.select(keys)?,
            None => t,
        };
        write_tables(path, vec![t], req.lang)
    })
}

/// Writes every record the actor may read to the workbook `path` (.xlsx): one sheet
/// per record type, and the lines of quotations, invoices and delivery notes on
/// sheets of their own. Record types the actor may not read are left out; with no
/// read right at all, the export is refused. All sheets show one moment of the
/// database (one read transaction).
pub fn export_all(db: &Db, actor: &Actor, path: &Path, lang: Locale) -> Result<ExportSummary> {
    if FileFormat::of(path)? != FileFormat::Xlsx {
        return Err(ExportError::CsvHoldsOneTable.into());
    }
    let mut allowed = Vec::new();
    let mut refused = None;
    for &kind in ExportKind::ALL {
        match readable(actor, kind.doc_type()) {
            Ok(own) => allowed.push((kind, own)),
            Err(e @ Error::NotPermitted { .. }) => refused = refused.or(Some(e)),
            Err(e) => return Err(e),
        }
    }
    if allowed.is_empty() {
        return Err(refused.unwrap_or(Error::NotLoggedIn));
    }
    db.read(|conn| {
        let snapshot = conn.unchecked_transaction()?;
        let created = Created::default();
        let tables = allowed
            .iter()
            .map(|(kind, own)| table(&snapshot, *kind, own.as_deref(), &created, lang))
            .collect::<Result<Vec<_>>>()?;
        write_tables(path, tables, lang)
    })
}

fn table<'c>(
    conn: &'c Connection,
    kind: ExportKind,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    match kind {
        ExportKind::Contacts => contacts::table(conn, own, created, lang),
        ExportKind::Products => products::table(conn, created, lang),
        ExportKind::Inquiries => inquiries::table(conn, own, created, lang),
        ExportKind::Quotes => quotes::table(conn, own, created, lang),
        ExportKind::Invoices => invoices::table(conn, own, created, lang),
        ExportKind::DeliveryNotes => delivery_notes::table(conn, own, created, lang),
        ExportKind::QuoteLines | ExportKind::InvoiceLines | ExportKind::DeliveryNoteLines => {
            let of = kind.lines().expect("a kind of lines");
            lines::table(conn, of, own, created, lang)
        }
    }
}

/// Writes `tables` to `path`: a workbook with a sheet per table (.xlsx), or one table
/// (.csv). The file appears only when it is complete.
pub fn write_tables(path: &Path, tables: Vec<Table>, lang: Locale) -> Result<ExportSummary> {
    let format = FileFormat::of(path)?;
    if format == FileFormat::Csv && tables.len() != 1 {
        return Err(ExportError::CsvHoldsOneTable.into());
    }
    let partial = partial_path(path);
    let written = match format {
        FileFormat::Xlsx => xlsx::write(&partial, tables, lang),
        FileFormat::Csv => {
            let table = tables.into_iter().next().expect("checked: one table");
            csv::write(&partial, table, lang).map(|t| vec![t])
        }
    }
    .and_then(|t| {
        settle(&partial, path)?;
        Ok(t)
    })
    // Name the file the user asked for, not the temporary one.
    .map_err(|e| match e {
        Error::Io { source, .. } => Error::io(path, source),
        other => other,
    });
    match written {
        Ok(tables) => Ok(ExportSummary {
            path: path.to_path_buf(),
            format,
            rows: tables.iter().map(|t| t.rows).sum(),
            tables,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// A hidden name beside `path` for the file while it is written.
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// Makes the finished file durable, then gives it its name.
fn settle(partial: &Path, path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(partial, e))?;
    std::fs::rename(partial, path).map_err(|e| Error::io(path, e))
}
