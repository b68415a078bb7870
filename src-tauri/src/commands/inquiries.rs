//! Inquiries. Rights (inquiry read/create/write own or all, submit to approve, cancel)
//! are checked in the core. Each change returns the inquiry with its history.

use tauri::State;

use super::reminders::changed;
use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::inquiries::{
    self, FollowUpInput, InquiryDetail, InquiryInput, InquiryPage, InquiryQuery, StatusChange,
};

#[tauri::command(async)]
pub fn inquiries_list(state: State<'_, AppState>, query: InquiryQuery) -> CmdResult<InquiryPage> {
    out(state
        .actor()
        .and_then(|a| inquiries::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn inquiries_get(state: State<'_, AppState>, id: String) -> CmdResult<InquiryDetail> {
    out(state
        .actor()
        .and_then(|a| inquiries::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn inquiries_create(
    state: State<'_, AppState>,
    input: InquiryInput,
) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::create(&state.db, &a, &input)),
    )
}

#[tauri::command(async)]
pub fn inquiries_update(
    state: State<'_, AppState>,
    id: String,
    input: InquiryInput,
) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::update(&state.db, &a, &id, &input)),
    )
}

#[tauri::command(async)]
pub fn inquiries_set_status(
    state: State<'_, AppState>,
    id: String,
    change: StatusChange,
) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::set_status(&state.db, &a, &id, &change)),
    )
}

#[tauri::command(async)]
pub fn inquiries_approve(state: State<'_, AppState>, id: String) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::approve(&state.db, &a, &id)),
    )
}

#[tauri::command(async)]
pub fn inquiries_follow_up(
    state: State<'_, AppState>,
    id: String,
    input: FollowUpInput,
) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::follow_up(&state.db, &a, &id, &input)),
    )
}

#[tauri::command(async)]
pub fn inquiries_cancel(state: State<'_, AppState>, id: String) -> CmdResult<InquiryDetail> {
    changed(
        state
            .actor()
            .and_then(|a| inquiries::cancel(&state.db, &a, &id)),
    )
}
