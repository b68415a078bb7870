//! Contacts. Rights (create, write own/all, read own/all) are checked in the core.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::contacts::{self, Contact, ContactInput, DuplicateMatch, SearchPage, SearchQuery};
use maarid_core::users::{self, Colleague};

#[tauri::command(async)]
pub fn contacts_search(state: State<'_, AppState>, query: SearchQuery) -> CmdResult<SearchPage> {
    out(state
        .actor()
        .and_then(|a| contacts::search(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn contacts_get(state: State<'_, AppState>, id: String) -> CmdResult<Contact> {
    out(state
        .actor()
        .and_then(|a| contacts::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn contacts_create(
    state: State<'_, AppState>,
    input: ContactInput,
    allow_duplicate: Option<bool>,
) -> CmdResult<Contact> {
    let allow = allow_duplicate.unwrap_or(false);
    out(state
        .actor()
        .and_then(|a| contacts::create(&state.db, &a, &input, allow)))
}

#[tauri::command(async)]
pub fn contacts_update(
    state: State<'_, AppState>,
    id: String,
    input: ContactInput,
    allow_duplicate: Option<bool>,
) -> CmdResult<Contact> {
    let allow = allow_duplicate.unwrap_or(false);
    out(state
        .actor()
        .and_then(|a| contacts::update(&state.db, &a, &id, &input, allow)))
}

#[tauri::command(async)]
pub fn contacts_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| contacts::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn contacts_check_duplicates(
    state: State<'_, AppState>,
    input: ContactInput,
    except: Option<String>,
) -> CmdResult<Vec<DuplicateMatch>> {
    out(state
        .actor()
        .and_then(|a| contacts::check_duplicates(&state.db, &a, &input, except.as_deref())))
}

#[tauri::command(async)]
pub fn users_directory(state: State<'_, AppState>) -> CmdResult<Vec<Colleague>> {
    out(state.actor().and_then(|a| users::directory(&state.db, &a)))
}
