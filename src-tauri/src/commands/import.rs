//! Importing a spreadsheet from the window. The file's bytes arrive as a raw IPC body
//! and wait under `<app data>/imports/staged/`; checks (dry runs) and the run go
//! through the core, which checks the rights, reads every row and writes all or
//! nothing. Progress reaches the window as `import-progress` events, and the Cancel
//! button stops the work between rows.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use maarid_core::import::{
    self, batches, error_report, profiles, row_reason, ImportKind, ImportOptions, ImportProblem,
    ImportReport, Phase, Progress, RowOutcome,
};
use maarid_core::{Error, ErrorPayload};
use serde::{Deserialize, Serialize};
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::{out, payload, CmdResult};
use crate::state::{locked, AppState, LastImport, Staged};

/// Larger files are refused before anything is written: a showroom's sheets are a few
/// MB, and every check reads the whole file.
const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

/// What the window gets of a report: the first rows and at most this many problem rows.
const SHOWN_ROWS: usize = 50;
const SHOWN_PROBLEMS: usize = 500;

fn problem(code: &'static str, ar: &str, en: &str) -> ErrorPayload {
    ErrorPayload {
        code,
        message_ar: ar.to_string(),
        message_en: en.to_string(),
        field: None,
        index: None,
        details: None,
    }
}

fn too_large(size: usize) -> ErrorPayload {
    let mb = size.div_ceil(1024 * 1024);
    ErrorPayload {
        message_ar: format!(
            "الملف كبير جدًا ({mb} م.ب). أقصى حجم للاستيراد 200 م.ب؛ قسّمه إلى ملفات أصغر."
        ),
        message_en: format!(
            "The file is too large ({mb} MB). Imports take files up to 200 MB; split it into smaller files."
        ),
        ..problem("import_file_too_large", "", "")
    }
}

fn file_gone() -> ErrorPayload {
    problem(
        "import_file_gone",
        "لم يعد الملف المختار متاحًا. اختر الملف مرة أخرى.",
        "The chosen file is no longer available. Choose the file again.",
    )
}

fn no_report() -> ErrorPayload {
    problem(
        "import_no_report",
        "لا يوجد فحص أو استيراد حديث لكتابة تقرير الأخطاء منه.",
        "There is no recent check or import to write an error report from.",
    )
}

/// `<app data>/imports`, created when missing.
fn imports_dir(app: &AppHandle) -> Result<PathBuf, Error> {
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| Error::Internal(format!("no data folder: {e}")))?
        .join("imports");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}

/// The file name the window sent (URI-encoded in the `x-file-name` header), reduced
/// to a plain name: no folders, no control characters.
fn file_name(request: &Request<'_>) -> String {
    let raw = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
    let base = decoded.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(150).collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "file.xlsx".to_string()
    } else {
        clean
    }
}

/// The body as bytes. WebKit sends a raw body; the postMessage fallback (when the
/// custom protocol is blocked) sends the same bytes as a JSON array of numbers.
fn body_bytes<'a>(request: &'a Request<'_>) -> Result<Cow<'a, [u8]>, ErrorPayload> {
    let bad = || problem("import_no_file", "لم يصل الملف.", "No file arrived.");
    match request.body() {
        InvokeBody::Raw(b) => Ok(Cow::Borrowed(b.as_slice())),
        InvokeBody::Json(serde_json::Value::Array(items)) => {
            if items.len() > MAX_FILE_BYTES {
                return Err(too_large(items.len()));
            }
            items
                .iter()
                .map(|v| v.as_u64().and_then(|n| u8::try_from(n).ok()))
                .collect::<Option<Vec<u8>>>()
                .map(Cow::Owned)
                .ok_or_else(bad)
        }
        InvokeBody::Json(_) => Err(bad()),
    }
}

#[derive(Debug, Serialize)]
pub struct StagedFile {
    pub token: String,
    pub name: String,
    pub size: u64,
}

/// Receives a file from the window (raw body, name in `x-file-name`) and keeps it for
/// the checks and the run. The file staged before, if any, is removed.
#[tauri::command(async)]
pub fn import_stage(
    app: AppHandle,
    state: State<'_, AppState>,
    request: Request<'_>,
) -> CmdResult<StagedFile> {
    out(state.actor())?;
    let bytes = body_bytes(&request)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    let name = file_name(&request);
    out((|| {
        let staged = imports_dir(&app)?.join("staged");
        let mut slot = locked(&state.import.staged);
        // One file at a time: the one before (and anything a crash left) goes.
        if staged.exists() {
            std::fs::remove_dir_all(&staged).map_err(|e| Error::io(&staged, e))?;
        }
        let token = maarid_core::ids::new_id();
        let dir = staged.join(&token);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(&name);
        std::fs::write(&path, &bytes).map_err(|e| Error::io(&path, e))?;
        *slot = Some(Staged {
            token: token.clone(),
            path,
        });
        *locked(&state.import.last) = None;
        Ok(StagedFile {
            token,
            name,
            size: bytes.len() as u64,
        })
    })())
}

fn staged_path(state: &AppState, token: &str) -> Result<PathBuf, ErrorPayload> {
    match &*locked(&state.import.staged) {
        Some(s) if s.token == token && s.path.is_file() => Ok(s.path.clone()),
        _ => Err(file_gone()),
    }
}

/// Removes the staged file once its rows are saved.
fn unstage(state: &AppState, path: &Path) {
    let mut slot = locked(&state.import.staged);
    if slot.as_ref().is_some_and(|s| s.path == path) {
        *slot = None;
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::remove_dir_all(dir) {
                log::warn!("could not remove {}: {e}", dir.display());
            }
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct ProgressEvent {
    /// check | run
    op: &'static str,
    phase: Phase,
    done: usize,
    total: usize,
}

/// Why a row shown was left out, in both languages (duplicates name what they match).
#[derive(Debug, Serialize)]
pub struct Reason {
    pub row: usize,
    pub ar: String,
    pub en: String,
}

/// The report as the window gets it: trimmed, with the reasons worded.
#[derive(Debug, Serialize)]
pub struct Shown {
    #[serde(flatten)]
    pub report: ImportReport,
    pub reasons: Vec<Reason>,
}

fn shown(full: &ImportReport) -> Shown {
    let report = full.trimmed(SHOWN_ROWS, SHOWN_PROBLEMS);
    let reasons = report
        .rows
        .iter()
        .filter(|r| matches!(r.outcome, RowOutcome::Invalid | RowOutcome::Duplicate))
        .map(|r| {
            let t = row_reason(r);
            Reason {
                row: r.row,
                ar: t.ar,
                en: t.en,
            }
        })
        .collect();
    Shown { report, reasons }
}

/// A check that cannot read rows yet (no header found, a required field without a
/// column, a mapping that does not fit) still sends the sheet's shape in `details.layout`,
/// so the mapping step can be done by hand.
fn with_layout(state: &AppState, path: &Path, options: &ImportOptions, e: Error) -> ErrorPayload {
    let mappable = matches!(
        &e,
        Error::Import(
            ImportProblem::NoHeader
                | ImportProblem::ColumnNotMapped { .. }
                | ImportProblem::UnknownField(_)
                | ImportProblem::NoSuchColumn(_)
                | ImportProblem::NoRows
        )
    );
    let mut payload = payload(e);
    if mappable {
        let layout = state
            .actor()
            .and_then(|a| import::layout(&state.db, &a, path, options));
        if let Ok(l) =
            layout.and_then(|l| serde_json::to_value(l).map_err(|e| Error::Internal(e.to_string())))
        {
            payload.details = Some(Box::new(serde_json::json!({ "layout": l })));
        }
    }
    payload
}

fn emitter<'a>(
    app: &'a AppHandle,
    state: &'a AppState,
    op: &'static str,
    check: Option<u64>,
) -> impl FnMut(Progress) -> bool + 'a {
    move |p: Progress| {
        let _ = app.emit(
            "import-progress",
            ProgressEvent {
                op,
                phase: p.phase,
                done: p.done,
                total: p.total,
            },
        );
        let newest = check.is_none_or(|n| state.import.checks.load(Ordering::SeqCst) == n);
        newest && !state.import.cancel.load(Ordering::SeqCst)
    }
}

/// A dry run: every row checked, nothing written. A newer check stops this one.
#[tauri::command(async)]
pub fn import_check(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    options: ImportOptions,
) -> CmdResult<Shown> {
    let actor = out(state.actor())?;
    let path = staged_path(&state, &token)?;
    let n = state.import.checks.fetch_add(1, Ordering::SeqCst) + 1;
    state.import.cancel.store(false, Ordering::SeqCst);
    let mut progress = emitter(&app, &state, "check", Some(n));
    match import::check(&state.db, &actor, &path, &options, &mut progress) {
        Ok(report) => {
            let view = shown(&report);
            if state.import.checks.load(Ordering::SeqCst) == n {
                *locked(&state.import.last) = Some(Arc::new(LastImport {
                    report,
                    source: Some(path),
                    errors_file: None,
                }));
            }
            Ok(view)
        }
        Err(e) => Err(with_layout(&state, &path, &options, e)),
    }
}

fn errors_name(report: &ImportReport) -> String {
    let stem = Path::new(&report.file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import".into());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    format!("{stem}-errors-{stamp}.xlsx")
}

fn left_out(report: &ImportReport) -> usize {
    report.counts.duplicate + report.counts.invalid
}

/// The import: every row checked, then the rows that passed written in one
/// transaction as a batch. The staged file is removed afterwards; the rows left out are
/// written to the error report first, as it reads them back from the file.
#[tauri::command(async)]
pub fn import_run(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    options: ImportOptions,
) -> CmdResult<Shown> {
    let actor = out(state.actor())?;
    let path = staged_path(&state, &token)?;
    state.import.cancel.store(false, Ordering::SeqCst);
    let mut progress = emitter(&app, &state, "run", None);
    let report = import::run(&state.db, &actor, &path, &options, &mut progress)
        .map_err(|e| with_layout(&state, &path, &options, e))?;
    let view = shown(&report);
    let mut errors_file = None;
    if left_out(&report) > 0 {
        let written = imports_dir(&app).and_then(|dir| {
            let file = dir.join(errors_name(&report));
            error_report(&path, &report, &file).map(|_| file)
        });
        match written {
            Ok(file) => errors_file = Some(file),
            Err(e) => log::warn!("error report not written after the import: {e}"),
        }
    }
    // Without its error report the file stays, so the report can still be asked for.
    let keep = left_out(&report) > 0 && errors_file.is_none();
    if !keep {
        unstage(&state, &path);
    }
    *locked(&state.import.last) = Some(Arc::new(LastImport {
        report,
        source: keep.then_some(path),
        errors_file,
    }));
    Ok(view)
}

/// Stops the check or run under way (between rows); nothing is written.
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.import.cancel.store(true, Ordering::SeqCst);
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    /// Write it to `<app data>/imports/` and open it in the system's spreadsheet app.
    Open,
    /// Ask where to save it, then write it there.
    Save,
}

#[derive(Debug, Serialize)]
pub struct ReportFile {
    pub path: String,
    /// False when no program could be started to open it; the file is there anyway.
    pub opened: bool,
    /// Rows in the report.
    pub rows: usize,
}

/// Writes the error report of `last` to `dest` (copying the one written after a run).
fn write_report(last: &LastImport, dest: &Path) -> Result<(), Error> {
    match (&last.errors_file, &last.source) {
        (Some(file), _) if file == dest => Ok(()),
        (Some(file), _) => std::fs::copy(file, dest)
            .map(|_| ())
            .map_err(|e| Error::io(dest, e)),
        (None, Some(source)) => error_report(source, &last.report, dest).map(|_| ()),
        (None, None) => Err(Error::Internal("no rows to report".into())),
    }
}

/// The rows of the last check or run that were not imported, with their reasons, as an
/// .xlsx: opened in the system's app, or saved where the user chooses. `null` when the
/// save dialog was closed.
#[tauri::command(async)]
pub fn import_error_report(
    app: AppHandle,
    state: State<'_, AppState>,
    action: ReportAction,
) -> CmdResult<Option<ReportFile>> {
    out(state.actor())?;
    let last = locked(&state.import.last).clone().ok_or_else(no_report)?;
    if last.errors_file.is_none() && last.source.is_none() {
        return Err(no_report());
    }
    let rows = left_out(&last.report);
    out((|| {
        let (path, opened) = match action {
            ReportAction::Save => {
                let chosen = app
                    .dialog()
                    .file()
                    .add_filter("Excel", &["xlsx"])
                    .set_file_name(errors_name(&last.report))
                    .blocking_save_file();
                let Some(chosen) = chosen else {
                    return Ok(None);
                };
                let path = chosen
                    .into_path()
                    .map_err(|e| Error::Internal(format!("save path: {e}")))?;
                write_report(&last, &path)?;
                (path, true)
            }
            ReportAction::Open => {
                let path = match &last.errors_file {
                    Some(file) => file.clone(),
                    None => imports_dir(&app)?.join(errors_name(&last.report)),
                };
                write_report(&last, &path)?;
                let opened = tauri_plugin_opener::open_path(&path, None::<&str>).is_ok();
                if !opened {
                    log::warn!("could not open {}; the file is written", path.display());
                }
                (path, opened)
            }
        };
        Ok(Some(ReportFile {
            path: path.display().to_string(),
            opened,
            rows,
        }))
    })())
}

#[tauri::command(async)]
pub fn import_batches(state: State<'_, AppState>) -> CmdResult<Vec<batches::Batch>> {
    out(state.actor().and_then(|a| batches::list(&state.db, &a)))
}

#[tauri::command(async)]
pub fn import_undo(state: State<'_, AppState>, id: String) -> CmdResult<batches::Batch> {
    out(state
        .actor()
        .and_then(|a| batches::undo(&state.db, &a, id.trim())))
}

#[tauri::command(async)]
pub fn import_profiles(
    state: State<'_, AppState>,
    kind: ImportKind,
) -> CmdResult<Vec<profiles::Profile>> {
    out(state
        .actor()
        .and_then(|a| profiles::list(&state.db, &a, kind)))
}

/// Saves the mapping of `options` as a profile named `name`, by the header texts of
/// the staged file (so next month's file with its columns moved maps itself).
#[tauri::command(async)]
pub fn import_profile_save(
    state: State<'_, AppState>,
    kind: ImportKind,
    name: String,
    token: String,
    mut options: ImportOptions,
) -> CmdResult<profiles::Profile> {
    let path = staged_path(&state, &token)?;
    options.kind = kind;
    out(state
        .actor()
        .and_then(|actor| profiles::save_from_file(&state.db, &actor, &name, &path, &options)))
}

#[tauri::command(async)]
pub fn import_profile_delete(
    state: State<'_, AppState>,
    kind: ImportKind,
    name: String,
) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| profiles::delete(&state.db, &a, kind, &name)))
}
