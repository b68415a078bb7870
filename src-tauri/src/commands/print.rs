//! Printing a sales document from the window: the core lays it out (and checks the
//! right to read it); here the PDF is written to a file and then opened in the system
//! viewer, saved where the user chooses, or sent to the printer.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::sales::print::{self, PrintedFile};
use maarid_core::sales::print_model::PrintLang;
use maarid_core::Error;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrintAction {
    /// Write the PDF to the prints folder and open it in the system's PDF viewer.
    Open,
    /// Ask where to save it (the system's save dialog), then write it there.
    Save,
    /// Write it to the prints folder and send it to the default printer.
    Print,
}

#[derive(Debug, Serialize)]
pub struct Printed {
    /// Where the PDF was written.
    pub path: String,
    /// False when the viewer or printer could not be started; the file is there anyway.
    pub opened: bool,
}

/// `<data dir>/prints`, beside the database's usual home.
fn prints_dir(app: &AppHandle) -> Result<PathBuf, Error> {
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| Error::Internal(format!("no data folder: {e}")))?
        .join("prints");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}

fn write(path: &Path, file: &PrintedFile) -> Result<(), Error> {
    std::fs::write(path, &file.bytes).map_err(|e| Error::io(path, e))
}

/// Sends a PDF to the default printer with the system's own tool.
fn send_to_printer(path: &Path) -> bool {
    #[cfg(windows)]
    let status = std::process::Command::new("powershell")
        .args([
            "-NoProfile",
            "-Command",
            "Start-Process -FilePath $args[0] -Verb Print",
        ])
        .arg(path)
        .status();
    #[cfg(not(windows))]
    let status = std::process::Command::new("lp").arg(path).status();
    matches!(status, Ok(s) if s.success())
}

#[tauri::command(async)]
pub fn print_document(
    app: AppHandle,
    state: State<'_, AppState>,
    doc_type: String,
    id: String,
    lang: PrintLang,
    action: PrintAction,
) -> CmdResult<Option<Printed>> {
    out((|| {
        let actor = state.actor()?;
        let file = print::document(&state.db, &actor, &doc_type, &id, lang)?;
        let printed = match action {
            PrintAction::Save => {
                let chosen = app
                    .dialog()
                    .file()
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(&file.file_name)
                    .blocking_save_file();
                let Some(chosen) = chosen else {
                    return Ok(None);
                };
                let path = chosen
                    .into_path()
                    .map_err(|e| Error::Internal(format!("save path: {e}")))?;
                write(&path, &file)?;
                Printed {
                    path: path.display().to_string(),
                    opened: true,
                }
            }
            PrintAction::Open | PrintAction::Print => {
                let path = prints_dir(&app)?.join(&file.file_name);
                write(&path, &file)?;
                let opened = match action {
                    PrintAction::Print => send_to_printer(&path),
                    _ => tauri_plugin_opener::open_path(&path, None::<&str>).is_ok(),
                };
                if !opened {
                    log::warn!(
                        "could not hand {} to the system; the file is written",
                        path.display()
                    );
                }
                Printed {
                    path: path.display().to_string(),
                    opened,
                }
            }
        };
        Ok(Some(printed))
    })())
}
