//! Calls, visits and notes logged on a contact (rights: writing the contact).

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::interactions::{self, Interaction, InteractionInput};

#[tauri::command(async)]
pub fn interactions_log(
    state: State<'_, AppState>,
    input: InteractionInput,
) -> CmdResult<Interaction> {
    out(state
        .actor()
        .and_then(|a| interactions::log(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn interactions_update(
    state: State<'_, AppState>,
    id: String,
    input: InteractionInput,
) -> CmdResult<Interaction> {
    out(state
        .actor()
        .and_then(|a| interactions::update(&state.db, &a, &id, &input)))
}

#[tauri::command(async)]
pub fn interactions_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| interactions::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn interactions_restore(state: State<'_, AppState>, id: String) -> CmdResult<Interaction> {
    out(state
        .actor()
        .and_then(|a| interactions::restore(&state.db, &a, &id)))
}
