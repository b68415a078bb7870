//! One import from start to end: read the sheet, find the header and the mapping,
//! check every row against the rules and the saved records, then — unless it is a dry
//! run — write every row that passed in one transaction, recorded as a batch.
//!
//! Nothing is written before every row has been checked, and the writing is one
//! SQLite transaction: a crash, a kill or a cancel leaves the database as it was.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::batches::doc_type;
use super::fields::{match_key, FieldInfo};
use super::kind::{DateOrderKey, ImportKind, OnDuplicate, RowOutcome};
use super::mapping::{detect_header, from_profile, suggest, ColumnMap, FieldColumns};
use super::problem::ImportProblem;
use super::read::{read_sheet, Sheet};
use super::values::{detect_date_order, text_from_cell, Cell, DateOrder};
use super::{contacts, inquiries, products, profiles, quotes};
use crate::access::{Action, Actor, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::{audit, Error, ErrorPayload, Result};

/// What the user chose for this import. Everything but `kind` may be left out: the
/// sheet is the first, the header row and the mapping are found, duplicates are
/// skipped, and the date order is detected (day first when the dates do not say).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportOptions {
    pub kind: ImportKind,
    #[serde(default)]
    pub sheet: Option<String>,
    /// The header's row, 1-based as the spreadsheet numbers rows.
    #[serde(default)]
    pub header_row: Option<usize>,
    #[serde(default)]
    pub mapping: Option<Vec<ColumnMap>>,
    /// A saved mapping, by name (used when `mapping` is not given).
    #[serde(default)]
    pub profile: Option<String>,
    #[serde(default = "skip")]
    pub on_duplicate: OnDuplicate,
    #[serde(default)]
    pub date_order: Option<DateOrderKey>,
}

fn skip() -> OnDuplicate {
    OnDuplicate::Skip
}

impl ImportOptions {
    pub fn new(kind: ImportKind) -> Self {
        ImportOptions {
            kind,
            sheet: None,
            header_row: None,
            mapping: None,
            profile: None,
            on_duplicate: OnDuplicate::Skip,
            date_order: None,
        }
    }
}

/// Where a long import is: reading the file, checking rows, writing rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Read,
    Check,
    Write,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

/// Told of progress every [`PROGRESS_EVERY`] rows; returns false to cancel.
pub type OnProgress<'a> = &'a mut dyn FnMut(Progress) -> bool;

pub const PROGRESS_EVERY: usize = 500;

/// Something a row resembles: a saved record or an earlier row of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowMatch {
    /// The saved record, when that is what it resembles.
    pub id: Option<String>,
    /// The earlier row of the file (spreadsheet row number), when that is what it resembles.
    pub row: Option<usize>,
    pub name: String,
    /// same_phone, same_email, similar_name_same_city, same_code…
    pub reason: String,
    /// The value that matched.
    pub matched: String,
}

/// One data row of the sheet and what became (or would become) of it.
#[derive(Debug, Clone, Serialize)]
pub struct RowReport {
    /// The row's number as the spreadsheet shows it (1-based).
    pub row: usize,
    pub outcome: RowOutcome,
    /// Why the row is refused, each naming its field, in Arabic and English.
    pub problems: Vec<ErrorPayload>,
    pub matches: Vec<RowMatch>,
    /// The saved record this row updates (or updated).
    pub target: Option<String>,
    /// The row's values as they will be saved (field → text); only for the first rows,
    /// which the preview shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub new: usize,
    pub updated: usize,
    pub duplicate: usize,
    pub invalid: usize,
}

/// A column of the sheet, for the mapping step.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnInfo {
    pub index: usize,
    /// The header cell's text (may be empty).
    pub header: String,
    /// A few values from the first data rows.
    pub samples: Vec<String>,
}

/// Everything the preview, the dry run and the real run report.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file_name: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// 1-based.
    pub header_row: usize,
    pub columns: Vec<ColumnInfo>,
    pub fields: Vec<FieldInfo>,
    pub mapping: Vec<ColumnMap>,
    pub on_duplicate: OnDuplicate,
    pub date_order: DateOrderKey,
    /// What the dates of the file say, when they say it.
    pub date_order_detected: Option<DateOrderKey>,
    pub counts: Counts,
    /// Trailing rows left out as totals ("المجموع", "Total"), by row number.
    pub total_rows: Vec<usize>,
    pub rows: Vec<RowReport>,
    pub dry_run: bool,
    /// The batch the rows were written as (not on a dry run).
    pub batch_id: Option<String>,
}

impl ImportReport {
    /// The report with only the first `first` rows and the rows with problems (at most
    /// `problems` of them): what a screen shows of a 100,000-row import.
    pub fn trimmed(&self, first: usize, problems: usize) -> ImportReport {
        let mut out = self.clone();
        let mut shown_problems = 0;
        out.rows = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                if *i < first {
                    return true;
                }
                let bad = r.outcome != RowOutcome::New && r.outcome != RowOutcome::Updated;
                if bad && shown_problems < problems {
                    shown_problems += 1;
                    return true;
                }
                false
            })
            .map(|(_, r)| r.clone())
            .collect();
        out
    }
}

/// How many checked rows a streaming run writes at a time (see `Importer::streams`).
const WRITE_EVERY: usize = 4096;

/// How many rows get their values in the report, for the preview.
pub const PREVIEW_ROWS: usize = 50;

/// What an importer gets to check and write rows with.
pub(crate) struct Ctx<'a> {
    pub cols: &'a FieldColumns,
    pub region: String,
    pub date_order: DateOrder,
    pub on_duplicate: OnDuplicate,
    /// Where each data row is in the sheet (0-based), by its index among the data rows.
    pub data: &'a [usize],
}

impl Ctx<'_> {
    /// The spreadsheet's number (1-based) of the data row at `index`, for messages.
    pub fn row_number(&self, index: usize) -> usize {
        self.data.get(index).map_or(index + 1, |r| r + 1)
    }
}

/// What checking one row found.
pub(crate) struct RowCheck {
    pub outcome: RowOutcome,
    pub problems: Vec<ErrorPayload>,
    pub matches: Vec<RowMatch>,
    pub target: Option<String>,
}

/// One kind of import: checks rows (no writes), then writes the ones it kept.
pub(crate) trait Importer {
    /// Checks the row at `index` among the data rows. Rows resembling earlier rows of
    /// the file name them by their index; the engine turns that into row numbers.
    fn check(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        index: usize,
        row: &[Cell],
    ) -> Result<RowCheck>;

    /// Whether the rows checked so far may be written (`write`) while later rows are
    /// still being checked. Only when no row's outcome depends on what earlier rows
    /// wrote, so that a run counts exactly what its dry run counted.
    fn streams(&self, _ctx: &Ctx) -> bool {
        false
    }

    /// Called once after every row was checked. Rows that belong together (the lines
    /// of one quotation) are settled here: the rows whose check changed are returned
    /// with their new check, by index.
    fn finish(
        &mut self,
        _conn: &Connection,
        _actor: &Actor,
        _ctx: &Ctx,
    ) -> Result<Vec<(usize, RowCheck)>> {
        Ok(Vec::new())
    }

    /// The row's values as they will be saved, for the preview (a checked row).
    fn values(&self, index: usize) -> BTreeMap<String, String>;

    /// Writes every row checked as new or updated and not written yet, in order,
    /// logging each record.
    fn write(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        log: &mut BatchLog,
        tick: &mut dyn FnMut() -> Result<()>,
    ) -> Result<()>;
}

/// The records a batch wrote, for its undo. A streaming run opens the batch before its
/// first chunk and flushes the records after each, so they are not all held at once.
pub(crate) struct BatchLog {
    /// The batch's id, chosen before anything is written.
    id: String,
    /// Whether the batch's row is in the database yet (its items refer to it).
    opened: bool,
    items: Vec<LogItem>,
}

/// What a batch's row says of it besides its counts.
struct BatchHead<'a> {
    kind: ImportKind,
    file_name: String,
    sheet: &'a str,
    /// JSON: the mapping and choices, so the batch can be understood later.
    options: String,
}

struct LogItem {
    entity: &'static str,
    id: String,
    created: bool,
    before: Option<String>,
    written_at: String,
}

impl BatchLog {
    fn new() -> Self {
        BatchLog {
            id: new_id(),
            opened: false,
            items: Vec::new(),
        }
    }

    /// Writes the batch's row (counts follow in `record_batch`).
    fn open(&mut self, tx: &Connection, actor: &Actor, head: &BatchHead) -> Result<()> {
        tx.execute(
            "INSERT INTO import_batches (id, kind, file_name, sheet, options, rows_total, created,
                updated, duplicates, invalid, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0, 0, ?6, ?7)",
            params![
                self.id,
                head.kind.key(),
                head.file_name,
                head.sheet,
                head.options,
                actor.user_id,
                now()
            ],
        )?;
        self.opened = true;
        Ok(())
    }

    /// Writes the records logged so far (the batch is open).
    fn flush(&mut self, tx: &Connection) -> Result<()> {
        let mut item = tx.prepare_cached(
            "INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before, written_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for i in self.items.drain(..) {
            item.execute(params![
                self.id,
                i.entity,
                i.id,
                if i.created { "created" } else { "updated" },
                i.before,
                i.written_at
            ])?;
        }
        Ok(())
    }

    pub fn created(&mut self, entity: &'static str, id: &str, written_at: &str) {
        self.items.push(LogItem {
            entity,
            id: id.to_string(),
            created: true,
            before: None,
            written_at: written_at.to_string(),
        });
    }

    pub fn updated<T: Serialize>(
        &mut self,
        entity: &'static str,
        id: &str,
        before: &T,
        written_at: &str,
    ) -> Result<()> {
        let before = serde_json::to_string(before).map_err(|e| Error::Internal(e.to_string()))?;
        self.items.push(LogItem {
            entity,
            id: id.to_string(),
            created: false,
            before: Some(before),
            written_at: written_at.to_string(),
        });
        Ok(())
    }
}

pub(crate) fn fields_of(conn: &Connection, kind: ImportKind) -> Result<Vec<FieldInfo>> {
    match kind {
        ImportKind::Contacts => contacts::fields(conn),
        ImportKind::Products => Ok(products::fields()),
        ImportKind::Inquiries => Ok(inquiries::fields()),
        ImportKind::Quotes => Ok(quotes::fields()),
    }
}

fn importer(conn: &Connection, kind: ImportKind) -> Result<Box<dyn Importer>> {
    Ok(match kind {
        ImportKind::Contacts => Box::new(contacts::ContactImporter::new(conn)?),
        ImportKind::Products => Box::new(products::ProductImporter::new(conn)?),
        ImportKind::Inquiries => Box::new(inquiries::InquiryImporter::new(conn)?),
        ImportKind::Quotes => Box::new(quotes::QuoteImporter::new(conn)?),
    })
}

/// The sheet read, with its header, mapping and data rows settled.
struct Loaded {
    sheet: Sheet,
    header: usize,
    fields: Vec<FieldInfo>,
    mapping: Vec<ColumnMap>,
    cols: FieldColumns,
    /// Indexes (into `sheet.rows`) of the rows to import.
    data: Vec<usize>,
    totals: Vec<usize>,
    date_order: DateOrder,
    detected: Option<DateOrder>,
}

pub(crate) fn is_blank(row: &[Cell]) -> bool {
    row.iter().all(|c| match c {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        _ => false,
    })
}

/// A row that sums the rows above it: it has a "total" word and no other text.
fn is_total_row(row: &[Cell]) -> bool {
    const WORDS: [&str; 8] = [
        "المجموع",
        "الاجمالي",
        "اجمالي",
        "المجموع الكلي",
        "الإجمالي الكلي",
        "total",
        "totals",
        "grand total",
    ];
    let words: Vec<String> = WORDS.iter().map(|w| match_key(w)).collect();
    let texts: Vec<String> = row
        .iter()
        .filter_map(|c| match c {
            Cell::Text(t) if !t.trim().is_empty() => Some(match_key(t)),
            _ => None,
        })
        .collect();
    texts.len() == 1 && words.iter().any(|w| texts[0].starts_with(w.as_str()))
}

/// The header row (0-based; `None` when none was given and none is found) and the
/// mapping for `o` on `sheet`: given, from the named profile, or suggested from the
/// header's texts. Shared by the check and the layout step, so both see the same.
pub(crate) struct Settled {
    pub header: Option<usize>,
    pub mapping: Vec<ColumnMap>,
    pub profile: Option<profiles::Profile>,
}

pub(crate) fn settle(
    conn: &Connection,
    sheet: &Sheet,
    fields: &[FieldInfo],
    o: &ImportOptions,
) -> Result<Settled> {
    let profile = match (&o.mapping, &o.profile) {
        (None, Some(name)) => Some(profiles::get_in(conn, o.kind, name)?),
        _ => None,
    };
    let header = match o.header_row {
        Some(r) if r >= 1 && r <= sheet.rows.len() => Some(r - 1),
        Some(r) => return Err(Error::Import(ImportProblem::NoSuchRow(r))),
        None => detect_header(&sheet.rows, fields),
    };
    let header_cells: &[Cell] = header.map_or(&[], |h| sheet.rows[h].as_slice());
    let mapping = match (&o.mapping, &profile) {
        (Some(m), _) => m.clone(),
        (None, Some(p)) => from_profile(header_cells, &p.mapping),
        (None, None) => suggest(header_cells, fields),
    };
    Ok(Settled {
        header,
        mapping,
        profile,
    })
}

/// The sheet's columns: header texts and the values of the `samples` rows.
pub(crate) fn column_infos(
    sheet: &Sheet,
    header: Option<usize>,
    samples: &[usize],
) -> Vec<ColumnInfo> {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let text = |row: usize, col: usize| {
        sheet.rows[row]
            .get(col)
            .and_then(|c| text_from_cell(c, "sample").ok())
            .unwrap_or_default()
    };
    (0..width)
        .map(|index| ColumnInfo {
            index,
            header: header.map(|h| text(h, index)).unwrap_or_default(),
            samples: samples.iter().map(|&r| text(r, index)).collect(),
        })
        .collect()
}

fn load(conn: &Connection, path: &Path, o: &ImportOptions) -> Result<Loaded> {
    let sheet = read_sheet(path, o.sheet.as_deref())?;
    let fields = fields_of(conn, o.kind)?;
    let Settled {
        header,
        mapping,
        profile,
    } = settle(conn, &sheet, &fields, o)?;
    let header = header.ok_or(Error::Import(ImportProblem::NoHeader))?;
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let cols = FieldColumns::check(&mapping, &fields, width)?;

    let mut data: Vec<usize> = (header + 1..sheet.rows.len())
        .filter(|&i| !is_blank(&sheet.rows[i]))
        .collect();
    let mut totals = Vec::new();
    while let Some(&last) = data.last() {
        if !is_total_row(&sheet.rows[last]) {
            break;
        }
        totals.push(last + 1);
        data.pop();
    }
    totals.reverse();
    if data.is_empty() {
        return Err(Error::Import(ImportProblem::NoRows));
    }

    // The dates typed as text say their order when a day is above 12.
    let date_cols: Vec<usize> = fields
        .iter()
        .filter(|f| f.date)
        .flat_map(|f| cols.columns(&f.key).to_vec())
        .collect();
    let samples: Vec<String> = data
        .iter()
        .flat_map(|&i| date_cols.iter().map(move |&c| (i, c)))
        .filter_map(|(i, c)| match sheet.rows[i].get(c) {
            Some(Cell::Text(t)) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let detected = detect_date_order(samples.iter().map(String::as_str));
    let date_order = o
        .date_order
        .map(DateOrder::from)
        .or(detected)
        .or(profile
            .as_ref()
            .and_then(|p| p.date_order)
            .map(DateOrder::from))
        .unwrap_or(DateOrder::DayFirst);
    Ok(Loaded {
        sheet,
        header,
        fields,
        mapping,
        cols,
        data,
        totals,
        date_order,
        detected,
    })
}

fn columns(l: &Loaded) -> Vec<ColumnInfo> {
    let samples: Vec<usize> = l.data.iter().take(3).copied().collect();
    column_infos(&l.sheet, Some(l.header), &samples)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn cancelled() -> Error {
    Error::Import(ImportProblem::Cancelled)
}

/// Checks every row; the report says what a run would do. Writes nothing.
pub fn check(
    db: &Db,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    progress: OnProgress,
) -> Result<ImportReport> {
    actor.authorize(doc_type(options.kind), Action::Create, Target::Own)?;
    db.read(|conn| {
        let (report, _, _) = plan(conn, actor, path, options, progress, None)?;
        Ok(report)
    })
}

/// SQLite's page cache during an import, in KiB (negative: a size, not a page count).
/// Measured on the 100,000-row bench: 32 MB imports as fast as 64 MB (pages that do
/// not fit go to the WAL file and are rarely needed again) and peaks 40 MB lower.
const IMPORT_CACHE_KIB: i64 = -32 * 1024;

/// Checks every row, then writes the rows that passed in one transaction, recorded
/// as a batch that `undo` takes back. Rows refused or left out as duplicates are in
/// the report (and in the error report `error_report` writes).
pub fn run(
    db: &Db,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    progress: OnProgress,
) -> Result<ImportReport> {
    actor.authorize(doc_type(options.kind), Action::Create, Target::Own)?;
    db.write(|tx| {
        let big = tx.pragma_query_value(None, "cache_size", |r| r.get::<_, i64>(0))?;
        tx.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let out = run_in(tx, actor, path, options, progress);
        tx.pragma_update(None, "cache_size", big)?;
        out
    })
}

fn run_in(
    tx: &Connection,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    progress: OnProgress,
) -> Result<ImportReport> {
    let mut log = BatchLog::new();
    let (mut report, mut imp, mut done) = plan(tx, actor, path, options, progress, Some(&mut log))?;
    let total = report.counts.new + report.counts.updated;
    if !progress(Progress {
        phase: Phase::Write,
        done,
        total,
    }) {
        return Err(cancelled());
    }
    let mut tick = || {
        done += 1;
        if done % PROGRESS_EVERY == 0
            && !progress(Progress {
                phase: Phase::Write,
                done,
                total,
            })
        {
            return Err(cancelled());
        }
        Ok(())
    };
    imp.write(tx, actor, &mut log, &mut tick)?;
    record_batch(tx, actor, &report, options, &mut log)?;
    report.dry_run = false;
    report.batch_id = Some(log.id);
    Ok(report)
}

fn plan(
    conn: &Connection,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    progress: OnProgress,
    mut log: Option<&mut BatchLog>,
) -> Result<(ImportReport, Box<dyn Importer>, usize)> {
    if !progress(Progress {
        phase: Phase::Read,
        done: 0,
        total: 0,
    }) {
        return Err(cancelled());
    }
    let mut l = load(conn, path, options)?;
    // Taken now: a checked row's cells are let go as the check moves on (the error
    // report reads the file again), so a big file is never held twice, as cells and as
    // records.
    let column_infos = columns(&l);
    let ctx = Ctx {
        cols: &l.cols,
        region: crate::contacts::import::home_region(conn)?,
        date_order: l.date_order,
        on_duplicate: options.on_duplicate,
        data: &l.data,
    };
    let mut imp = importer(conn, options.kind)?;
    let total = l.data.len();
    let mut checks = Vec::with_capacity(total);
    // A run whose importer streams writes each chunk of rows once it is checked; the
    // preview's values are taken before their rows are written.
    let streams = log.is_some() && imp.streams(&ctx);
    if let Some(log) = log.as_deref_mut().filter(|_| streams) {
        let head = BatchHead {
            kind: options.kind,
            file_name: file_name(path),
            sheet: &l.sheet.name,
            options: batch_options(&BatchOptions {
                sheet: &l.sheet.name,
                header_row: l.header + 1,
                mapping: &l.mapping,
                on_duplicate: options.on_duplicate,
                date_order: l.date_order.into(),
                profile: options.profile.as_deref(),
            })?,
        };
        log.open(conn, actor, &head)?;
    }
    let mut previews: Vec<Option<BTreeMap<String, String>>> = Vec::new();
    let mut written = 0;
    for (index, &r) in l.data.iter().enumerate() {
        if index % PROGRESS_EVERY == 0
            && !progress(Progress {
                phase: Phase::Check,
                done: index,
                total,
            })
        {
            return Err(cancelled());
        }
        let row = std::mem::take(&mut l.sheet.rows[r]);
        let c = imp.check(conn, actor, &ctx, index, &row)?;
        if streams && index < PREVIEW_ROWS {
            previews.push((c.outcome != RowOutcome::Invalid).then(|| imp.values(index)));
        }
        checks.push(c);
        if let Some(log) = log
            .as_deref_mut()
            .filter(|_| streams && (index + 1) % WRITE_EVERY == 0)
        {
            imp.write(conn, actor, log, &mut || {
                written += 1;
                Ok(())
            })?;
            log.flush(conn)?;
        }
    }
    for (index, c) in imp.finish(conn, actor, &ctx)? {
        checks[index] = c;
    }
    let mut rows = Vec::with_capacity(total);
    let mut counts = Counts {
        total,
        ..Counts::default()
    };
    for (index, (c, &r)) in checks.into_iter().zip(&l.data).enumerate() {
        match c.outcome {
            RowOutcome::New => counts.new += 1,
            RowOutcome::Updated => counts.updated += 1,
            RowOutcome::Duplicate => counts.duplicate += 1,
            RowOutcome::Invalid => counts.invalid += 1,
        }
        let matches = c
            .matches
            .into_iter()
            .map(|mut m| {
                // Importers name earlier rows by index among the data rows.
                m.row = m.row.map(|i| l.data[i] + 1);
                m
            })
            .collect();
        rows.push(RowReport {
            row: r + 1,
            outcome: c.outcome,
            problems: c.problems,
            matches,
            target: c.target,
            values: match previews.get_mut(index) {
                Some(v) => v.take(),
                None => (index < PREVIEW_ROWS && c.outcome != RowOutcome::Invalid)
                    .then(|| imp.values(index)),
            },
        });
    }
    let report = ImportReport {
        kind: options.kind,
        file_name: file_name(path),
        sheet: l.sheet.name.clone(),
        sheet_names: l.sheet.sheet_names.clone(),
        header_row: l.header + 1,
        columns: column_infos,
        fields: l.fields.clone(),
        mapping: l.mapping.clone(),
        on_duplicate: options.on_duplicate,
        date_order: l.date_order.into(),
        date_order_detected: l.detected.map(Into::into),
        counts,
        total_rows: l.totals.clone(),
        rows,
        dry_run: true,
        batch_id: None,
    };
    Ok((report, imp, written))
}

#[derive(Serialize)]
struct BatchOptions<'a> {
    sheet: &'a str,
    header_row: usize,
    mapping: &'a [ColumnMap],
    on_duplicate: OnDuplicate,
    date_order: DateOrderKey,
    profile: Option<&'a str>,
}

fn batch_options(o: &BatchOptions) -> Result<String> {
    serde_json::to_string(o).map_err(|e| Error::Internal(e.to_string()))
}

/// Completes the batch's row with the counts (writing it first unless a streaming run
/// did) and writes the records not flushed yet.
fn record_batch(
    tx: &Connection,
    actor: &Actor,
    r: &ImportReport,
    o: &ImportOptions,
    log: &mut BatchLog,
) -> Result<()> {
    if !log.opened {
        let head = BatchHead {
            kind: r.kind,
            file_name: r.file_name.clone(),
            sheet: &r.sheet,
            options: batch_options(&BatchOptions {
                sheet: &r.sheet,
                header_row: r.header_row,
                mapping: &r.mapping,
                on_duplicate: r.on_duplicate,
                date_order: r.date_order,
                profile: o.profile.as_deref(),
            })?,
        };
        log.open(tx, actor, &head)?;
    }
    tx.execute(
        "UPDATE import_batches SET rows_total = ?2, created = ?3, updated = ?4, duplicates = ?5,
            invalid = ?6, created_at = ?7
         WHERE id = ?1",
        params![
            log.id,
            r.counts.total as i64,
            r.counts.new as i64,
            r.counts.updated as i64,
            r.counts.duplicate as i64,
            r.counts.invalid as i64,
            now()
        ],
    )?;
    log.flush(tx)?;
    let id = log.id.as_str();
    audit::record::<(), _>(
        tx,
        actor,
        "import.run",
        "import_batch",
        Some(id),
        None,
        Some(&serde_json::json!({
            "kind": r.kind.key(),
            "file_name": r.file_name,
            "counts": r.counts,
        })),
    )
}
