//! Exporting from the window: the columns a record type offers, one record type to
//! .xlsx or .csv, and everything to one workbook. The core checks the rights (the read
//! right on the record type, "own records" filtered as the lists filter them) and
//! writes the file; here we only ask where to save it and, afterwards, open the file
//! or its folder — only a file this window exported, never a path the page names.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use maarid_core::export::{self, ColumnType, ExportKind, ExportRequest, ExportSummary, FileFormat};
use maarid_core::i18n::Text;
use maarid_core::{Error, ErrorPayload, Locale, Rule};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use super::{out, CmdResult};
use crate::state::{locked, AppState};

/// The files exported since the app started: the only ones "Open" and "Show in
/// folder" accept.
#[derive(Default)]
pub struct ExportState {
    written: Mutex<Vec<PathBuf>>,
}

/// A column as the chooser lists it.
#[derive(Debug, Serialize)]
pub struct ColumnChoice {
    pub key: String,
    pub label: Text<String>,
    #[serde(rename = "type")]
    pub ty: ColumnType,
    /// Ticked when the user has no remembered choice.
    pub default: bool,
}

/// Ids (`id`, `contact_id`…) are for taking data back in, not for reading: offered,
/// but unticked at first.
fn ticked_at_first(key: &str) -> bool {
    key != "id" && !key.ends_with("_id")
}

#[tauri::command(async)]
pub fn export_columns(
    state: State<'_, AppState>,
    kind: ExportKind,
) -> CmdResult<Vec<ColumnChoice>> {
    let actor = out(state.actor())?;
    let columns = out(export::columns(&state.db, &actor, kind))?;
    Ok(columns
        .into_iter()
        .map(|c| ColumnChoice {
            default: ticked_at_first(&c.key),
            key: c.key,
            label: c.label,
            ty: c.ty,
        })
        .collect())
}

fn extension(format: FileFormat) -> &'static str {
    match format {
        FileFormat::Xlsx => "xlsx",
        FileFormat::Csv => "csv",
    }
}

/// `<name> <today>.<ext>`, without characters file systems refuse.
fn default_name(name: &str, format: FileFormat) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    let day = chrono::Local::now().format("%Y-%m-%d");
    format!("{clean} {day}.{}", extension(format))
}

fn same_file_as_database(path: &Path) -> ErrorPayload {
    let p = path.display();
    ErrorPayload {
        code: "same_file_as_database",
        message_ar: format!("الملف {p} هو قاعدة البيانات نفسها؛ اختر اسمًا آخر للتصدير."),
        message_en: format!("{p} is the database itself; choose another name for the export."),
        field: Some("file"),
        index: None,
        details: None,
    }
}

/// Asks where to save; None when the dialog was closed. A name typed without .xlsx or
/// .csv gets the chosen format's extension (the file chooser does not add it).
fn ask_path(
    app: &AppHandle,
    state: &AppState,
    name: &str,
    format: FileFormat,
) -> CmdResult<Option<PathBuf>> {
    let ext = extension(format);
    // The chooser speaks the user's language (the one last chosen in the window).
    let ui = out(state.session())?.user.locale.unwrap_or_default();
    let title = Text::new("حفظ الملف المُصدَّر", "Save the export");
    let mut dialog = app
        .dialog()
        .file()
        .set_title(*title.get(ui))
        .set_file_name(default_name(name, format));
    dialog = match format {
        FileFormat::Xlsx => dialog.add_filter("Excel", &[ext]),
        FileFormat::Csv => dialog.add_filter("CSV", &[ext]),
    };
    if let Ok(dir) = app.path().document_dir() {
        if dir.is_dir() {
            dialog = dialog.set_directory(dir);
        }
    }
    let Some(chosen) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    let mut path = out(chosen
        .into_path()
        .map_err(|e| Error::Internal(format!("save path: {e}"))))?;
    if FileFormat::of(&path).is_err() {
        let mut with_ext = path.into_os_string();
        with_ext.push(format!(".{ext}"));
        path = with_ext.into();
        if path.exists() && !may_replace(app, &path, ui) {
            return Ok(None);
        }
    }
    // The core replaces the file it is given; the database must never be that file.
    let database = std::fs::canonicalize(state.db.path()).ok();
    let target = std::fs::canonicalize(&path).ok();
    if database.is_some() && database == target {
        return Err(same_file_as_database(&path));
    }
    Ok(Some(path))
}

/// The chooser asked before replacing the name as typed, not the one we completed:
/// ask the same for it.
fn may_replace(app: &AppHandle, path: &Path, ui: Locale) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = Text::new(
        format!("الملف «{name}» موجود. هل تريد استبداله بالملف المُصدَّر؟"),
        format!("“{name}” already exists. Replace it with the export?"),
    );
    let replace = Text::new("استبدال", "Replace");
    let cancel = Text::new("إلغاء", "Cancel");
    app.dialog()
        .message(text.get(ui).clone())
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            replace.get(ui).to_string(),
            cancel.get(ui).to_string(),
        ))
        .blocking_show()
}

fn remember(exports: &ExportState, summary: &ExportSummary) {
    let mut written = locked(&exports.written);
    if !written.contains(&summary.path) {
        written.push(summary.path.clone());
    }
}

/// One record type, the chosen columns in the chosen order, to the file the user
/// names. `null` when the save dialog was closed.
#[tauri::command(async)]
pub fn export_run(
    app: AppHandle,
    state: State<'_, AppState>,
    exports: State<'_, ExportState>,
    request: ExportRequest,
    format: FileFormat,
) -> CmdResult<Option<ExportSummary>> {
    let actor = out(state.actor())?;
    // Refused before the save dialog (as the core would refuse them after it), so
    // nobody names a file for nothing.
    out(export::columns(&state.db, &actor, request.kind))?;
    if matches!((request.from, request.to), (Some(f), Some(t)) if t < f) {
        return Err(Error::invalid("created_to", Rule::OutOfRange).to_payload());
    }
    let name = request.kind.name();
    let Some(path) = ask_path(&app, &state, name.get(request.lang), format)? else {
        return Ok(None);
    };
    let summary = out(export::export(&state.db, &actor, &request, &path))?;
    remember(&exports, &summary);
    Ok(Some(summary))
}

/// Every record type the user may read, a sheet each, to one workbook.
#[tauri::command(async)]
pub fn export_everything(
    app: AppHandle,
    state: State<'_, AppState>,
    exports: State<'_, ExportState>,
    lang: Locale,
) -> CmdResult<Option<ExportSummary>> {
    let actor = out(state.actor())?;
    let name = Text::new("بيانات معارض", "Maarid data");
    let Some(path) = ask_path(&app, &state, name.get(lang), FileFormat::Xlsx)? else {
        return Ok(None);
    };
    let summary = out(export::export_all(&state.db, &actor, &path, lang))?;
    remember(&exports, &summary);
    Ok(Some(summary))
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reveal {
    /// The file, in the system's spreadsheet app.
    Open,
    /// Its folder, with the file selected where the file manager can.
    Folder,
}

fn not_exported() -> ErrorPayload {
    ErrorPayload {
        code: "export_file_unknown",
        message_ar: "هذا الملف ليس من ملفات التصدير في هذه الجلسة، أو لم يعد موجودًا.".into(),
        message_en: "This file is not one exported in this session, or it is gone.".into(),
        field: None,
        index: None,
        details: None,
    }
}

/// Opens an exported file or shows it in its folder. False when no program could be
/// started for it (the file is there all the same).
#[tauri::command(async)]
pub fn export_reveal(
    state: State<'_, AppState>,
    exports: State<'_, ExportState>,
    path: String,
    action: Reveal,
) -> CmdResult<bool> {
    out(state.actor())?;
    let path = PathBuf::from(path);
    if !locked(&exports.written).contains(&path) || !path.is_file() {
        return Err(not_exported());
    }
    let opened = match action {
        Reveal::Open => tauri_plugin_opener::open_path(&path, None::<&str>).is_ok(),
        // Without a file manager that selects files, the folder alone.
        Reveal::Folder => {
            tauri_plugin_opener::reveal_item_in_dir(&path).is_ok()
                || path
                    .parent()
                    .is_some_and(|dir| tauri_plugin_opener::open_path(dir, None::<&str>).is_ok())
        }
    };
    if !opened {
        log::warn!("could not hand {} to the system", path.display());
    }
    Ok(opened)
}
