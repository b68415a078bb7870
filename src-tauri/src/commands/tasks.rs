//! Team tasks (issue 6 item 5). The actor comes from the session; the core checks the
//! rights (own: created or assigned; all: the team). Files are picked and opened here,
//! in Rust, so the UI never hands a path to the backend.

use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::tasks::{self, Attachment, Task, TaskEvent, TaskInput, TaskQuery, TaskStatus};
use maarid_core::Error;

#[tauri::command(async)]
pub fn tasks_list(state: State<'_, AppState>, query: TaskQuery) -> CmdResult<Vec<Task>> {
    out(state
        .actor()
        .and_then(|a| tasks::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn tasks_get(state: State<'_, AppState>, id: String) -> CmdResult<Task> {
    out(state.actor().and_then(|a| tasks::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn tasks_create(state: State<'_, AppState>, input: TaskInput) -> CmdResult<Task> {
    out(state
        .actor()
        .and_then(|a| tasks::create(&state.db, &a, &input, chrono::Utc::now())))
}

#[tauri::command(async)]
pub fn tasks_update(state: State<'_, AppState>, id: String, input: TaskInput) -> CmdResult<Task> {
    out(state
        .actor()
        .and_then(|a| tasks::update(&state.db, &a, &id, &input, chrono::Utc::now())))
}

#[tauri::command(async)]
pub fn tasks_set_status(
    state: State<'_, AppState>,
    id: String,
    status: TaskStatus,
) -> CmdResult<Task> {
    out(state
        .actor()
        .and_then(|a| tasks::set_status(&state.db, &a, &id, status, chrono::Utc::now())))
}

#[tauri::command(async)]
pub fn tasks_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| tasks::delete(&state.db, &a, &id, chrono::Utc::now())))
}

#[tauri::command(async)]
pub fn tasks_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<TaskEvent>> {
    out(state
        .actor()
        .and_then(|a| tasks::history(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn tasks_attachments(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Attachment>> {
    out(state
        .actor()
        .and_then(|a| tasks::attachments(&state.db, &a, &id)))
}

/// Asks for a file and attaches a copy; `null` when the dialog was closed.
#[tauri::command(async)]
pub fn tasks_attach_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Option<Attachment>> {
    out((|| {
        let actor = state.actor()?;
        // Refuse before the dialog when the task cannot be changed anyway.
        tasks::get(&state.db, &actor, &id)?;
        let Some(chosen) = app.dialog().file().blocking_pick_file() else {
            return Ok(None);
        };
        let path = chosen
            .into_path()
            .map_err(|e| Error::Internal(format!("picked path: {e}")))?;
        tasks::attach(&state.db, &actor, &id, &path, chrono::Utc::now()).map(Some)
    })())
}

/// Opens the task's copy of the file with the computer's default program.
#[tauri::command(async)]
pub fn tasks_attachment_open(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out((|| {
        let actor = state.actor()?;
        let path = tasks::attachment_path(&state.db, &actor, &id)?;
        tauri_plugin_opener::open_path(&path, None::<&str>)
            .map_err(|e| Error::Internal(format!("open {}: {e}", path.display())))
    })())
}

#[tauri::command(async)]
pub fn tasks_attachment_remove(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| tasks::remove_attachment(&state.db, &a, &id, chrono::Utc::now())))
}
