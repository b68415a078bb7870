//! Company profile, settings and numbering series.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::company::{self, Company, CompanyInput};
use maarid_core::numbering::{self, Series, SeriesInput};
use maarid_core::settings::{self, Settings};

#[tauri::command(async)]
pub fn company_get(state: State<'_, AppState>) -> CmdResult<Company> {
    out(state.session().and_then(|_| company::get(&state.db)))
}

#[tauri::command(async)]
pub fn company_update(state: State<'_, AppState>, input: CompanyInput) -> CmdResult<Company> {
    out(state
        .actor()
        .and_then(|a| company::update(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    out(state.session().and_then(|_| settings::get(&state.db)))
}

#[tauri::command(async)]
pub fn settings_update(state: State<'_, AppState>, input: Settings) -> CmdResult<Settings> {
    out(state
        .actor()
        .and_then(|a| settings::update(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn series_list(state: State<'_, AppState>) -> CmdResult<Vec<Series>> {
    out(state.actor().and_then(|a| numbering::list(&state.db, &a)))
}

#[tauri::command(async)]
pub fn series_update(state: State<'_, AppState>, input: SeriesInput) -> CmdResult<Series> {
    out(state
        .actor()
        .and_then(|a| numbering::update(&state.db, &a, &input)))
}
