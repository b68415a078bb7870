//! Custom fields: anyone who reads contacts may list them; defining them is a
//! settings change (checked in the core).

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::fields::{self, CustomField, FieldInput};

#[tauri::command(async)]
pub fn fields_list(state: State<'_, AppState>) -> CmdResult<Vec<CustomField>> {
    out(state.actor().and_then(|a| fields::list(&state.db, &a)))
}

#[tauri::command(async)]
pub fn fields_create(state: State<'_, AppState>, input: FieldInput) -> CmdResult<CustomField> {
    out(state
        .actor()
        .and_then(|a| fields::create(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn fields_update(
    state: State<'_, AppState>,
    id: String,
    input: FieldInput,
) -> CmdResult<CustomField> {
    out(state
        .actor()
        .and_then(|a| fields::update(&state.db, &a, &id, &input)))
}

#[tauri::command(async)]
pub fn fields_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| fields::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn fields_restore(state: State<'_, AppState>, id: String) -> CmdResult<CustomField> {
    out(state
        .actor()
        .and_then(|a| fields::restore(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn fields_reorder(state: State<'_, AppState>, ids: Vec<String>) -> CmdResult<Vec<CustomField>> {
    out(state
        .actor()
        .and_then(|a| fields::reorder(&state.db, &a, &ids)))
}
