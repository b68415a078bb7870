//! User, role and audit administration. The core refuses anyone without the right.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::access::roles::{self, Role, RoleInput};
use maarid_core::audit::{self, AuditEntry, AuditQuery};
use maarid_core::users::{self, NewUser, User, UserUpdate};

#[tauri::command(async)]
pub fn users_list(state: State<'_, AppState>) -> CmdResult<Vec<User>> {
    out(state.actor().and_then(|a| users::list(&state.db, &a)))
}

#[tauri::command(async)]
pub fn users_add(state: State<'_, AppState>, input: NewUser) -> CmdResult<User> {
    out(state
        .actor()
        .and_then(|a| users::add(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn users_update(state: State<'_, AppState>, id: String, input: UserUpdate) -> CmdResult<User> {
    out(state
        .actor()
        .and_then(|a| users::update(&state.db, &a, &id, &input)))
}

#[tauri::command(async)]
pub fn users_reset_password(
    state: State<'_, AppState>,
    id: String,
    password: String,
) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| users::reset_password(&state.db, &a, &id, &password))
        .map(drop))
}

#[tauri::command(async)]
pub fn users_lock(state: State<'_, AppState>, id: String) -> CmdResult<User> {
    out(state.actor().and_then(|a| users::lock(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn users_unlock(state: State<'_, AppState>, id: String) -> CmdResult<User> {
    out(state
        .actor()
        .and_then(|a| users::unlock(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn users_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| users::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn roles_list(state: State<'_, AppState>) -> CmdResult<Vec<Role>> {
    out(state.actor().and_then(|a| roles::list(&state.db, &a)))
}

#[tauri::command(async)]
pub fn roles_create(state: State<'_, AppState>, input: RoleInput) -> CmdResult<Role> {
    out(state
        .actor()
        .and_then(|a| roles::create(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn roles_update(state: State<'_, AppState>, id: String, input: RoleInput) -> CmdResult<Role> {
    out(state
        .actor()
        .and_then(|a| roles::update(&state.db, &a, &id, &input)))
}

#[tauri::command(async)]
pub fn roles_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| roles::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn audit_list(
    state: State<'_, AppState>,
    entity: Option<String>,
    limit: Option<u32>,
    before: Option<String>,
) -> CmdResult<Vec<AuditEntry>> {
    let q = AuditQuery {
        entity,
        limit,
        before,
        entity_id: None,
    };
    out(state.actor().and_then(|a| audit::list(&state.db, &a, &q)))
}
