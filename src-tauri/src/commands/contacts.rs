//! Contacts. Rights (create, write own/all, read own/all) are checked in the core.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::contacts::{
    self, Contact, ContactInput, ContactKind, DuplicateMatch, DuplicatePolicy, MergeInput,
    MergeOutcome, MergeRecord, Purchase, SearchPage, SearchQuery, TimelinePage, TimelineQuery,
    VcfImport,
};
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

#[tauri::command(async)]
pub fn contacts_restore(state: State<'_, AppState>, id: String) -> CmdResult<Contact> {
    out(state
        .actor()
        .and_then(|a| contacts::restore(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn contacts_timeline(
    state: State<'_, AppState>,
    id: String,
    query: TimelineQuery,
) -> CmdResult<TimelinePage> {
    out(state
        .actor()
        .and_then(|a| contacts::timeline(&state.db, &a, &id, &query)))
}

#[tauri::command(async)]
pub fn contacts_purchases(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Purchase>> {
    out(state
        .actor()
        .and_then(|a| contacts::purchases(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn contacts_merge(state: State<'_, AppState>, input: MergeInput) -> CmdResult<MergeOutcome> {
    out(state
        .actor()
        .and_then(|a| contacts::merge(&state.db, &a, &input)))
}

/// `key`: a merge id, or a contact of the merge (its newest merge not yet undone).
#[tauri::command(async)]
pub fn contacts_unmerge(state: State<'_, AppState>, key: String) -> CmdResult<MergeRecord> {
    out(state
        .actor()
        .and_then(|a| contacts::unmerge(&state.db, &a, &key)))
}

#[tauri::command(async)]
pub fn contacts_merges(state: State<'_, AppState>, id: String) -> CmdResult<Vec<MergeRecord>> {
    out(state
        .actor()
        .and_then(|a| contacts::merges(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn contacts_assign_owner(
    state: State<'_, AppState>,
    ids: Vec<String>,
    owner_id: Option<String>,
) -> CmdResult<usize> {
    out(state
        .actor()
        .and_then(|a| contacts::assign_owner(&state.db, &a, &ids, owner_id.as_deref())))
}

#[tauri::command(async)]
pub fn contacts_bulk_tag(
    state: State<'_, AppState>,
    ids: Vec<String>,
    add: Vec<String>,
    remove: Vec<String>,
) -> CmdResult<usize> {
    out(state
        .actor()
        .and_then(|a| contacts::bulk_tag(&state.db, &a, &ids, &add, &remove)))
}

/// The duplicate prompt's "merge": saves what was typed into the existing contact.
#[tauri::command(async)]
pub fn contacts_create_into(
    state: State<'_, AppState>,
    input: ContactInput,
    existing_id: String,
) -> CmdResult<MergeOutcome> {
    out(state
        .actor()
        .and_then(|a| contacts::create_into(&state.db, &a, &input, &existing_id)))
}

/// "Contact from text": the new-contact form filled from pasted text (nothing saved).
#[tauri::command(async)]
pub fn contacts_parse_text(state: State<'_, AppState>, text: String) -> CmdResult<ContactInput> {
    out(state
        .actor()
        .and_then(|a| contacts::from_text(&state.db, &a, &text)))
}

/// Imports the text of a .vcf file, all or nothing, with a report per card.
#[tauri::command(async)]
pub fn contacts_import_vcf(
    state: State<'_, AppState>,
    text: String,
    kind: ContactKind,
    on_duplicate: DuplicatePolicy,
) -> CmdResult<VcfImport> {
    out(state
        .actor()
        .and_then(|a| contacts::import_vcf(&state.db, &a, &text, kind, on_duplicate)))
}
