//! The logged-in user's own account.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::{users, Locale};

#[tauri::command(async)]
pub fn password_change(state: State<'_, AppState>, current: String, new: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| users::change_own_password(&state.db, &a, &current, &new)))
}

#[tauri::command(async)]
pub fn locale_set(state: State<'_, AppState>, locale: Locale) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| users::set_own_locale(&state.db, &a, locale)))
}
