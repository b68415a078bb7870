//! Start-up, first-run setup and logging in.

use serde::Serialize;
use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::setup::{self, SetupInput};
use maarid_core::users::{self, Session};
use maarid_core::{settings, Locale};

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    db_path: String,
    setup_done: bool,
    default_locale: Locale,
    digits: settings::Digits,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    out((|| {
        let s = settings::get(&state.db)?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            db_path: state.db.path().display().to_string(),
            setup_done: setup::is_done(&state.db)?,
            default_locale: s.default_locale,
            digits: s.digits,
        })
    })())
}

/// Called by the UI once its first screen is drawn; reports start-up time when
/// `MAARID_STARTUP_PROBE` is set (see scripts/measure-startup.sh).
#[tauri::command]
pub fn ui_ready() {
    crate::startup_probe::ui_ready();
}

#[tauri::command(async)]
pub fn setup_complete(state: State<'_, AppState>, input: SetupInput) -> CmdResult<Session> {
    let session = out(setup::complete(&state.db, &input))?;
    state.set_session(Some(session.clone()));
    // A new user: their notifications, including what fell due while away.
    crate::notify::replan();
    Ok(session)
}

#[tauri::command(async)]
pub fn login(state: State<'_, AppState>, username: String, password: String) -> CmdResult<Session> {
    out(setup::require_done(&state.db))?;
    state.set_session(None);
    let session = out(users::login(&state.db, &username, &password))?;
    state.set_session(Some(session.clone()));
    // A new user: their notifications, including what fell due while away.
    crate::notify::replan();
    Ok(session)
}

#[tauri::command]
pub fn logout(state: State<'_, AppState>) {
    state.set_session(None);
    crate::notify::replan();
}

#[tauri::command(async)]
pub fn me(state: State<'_, AppState>) -> Option<Session> {
    state.session().ok()
}
