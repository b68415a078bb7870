//! Quotations (rights: the quotation record type, own or all by the quotation's
//! owner), and the daily expiry of quotations whose valid-till date has passed.

use tauri::State;

use super::reminders::changed;
use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::interactions::Interaction;
use maarid_core::quotes::{
    self, Conversion, ConvertInput, Preview, Quote, QuoteInput, QuotePage, QuoteQuery, StatusChange,
};
use maarid_core::sales::events::Event;

#[tauri::command(async)]
pub fn quotes_list(state: State<'_, AppState>, query: QuoteQuery) -> CmdResult<QuotePage> {
    out(state
        .actor()
        .and_then(|a| quotes::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn quotes_get(state: State<'_, AppState>, id: String) -> CmdResult<Quote> {
    out(state.actor().and_then(|a| quotes::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn quotes_create(state: State<'_, AppState>, input: QuoteInput) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::create(&state.db, &a, &input)),
    )
}

#[tauri::command(async)]
pub fn quotes_from_inquiry(state: State<'_, AppState>, inquiry_id: String) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::from_inquiry(&state.db, &a, &inquiry_id)),
    )
}

#[tauri::command(async)]
pub fn quotes_preview(state: State<'_, AppState>, input: QuoteInput) -> CmdResult<Preview> {
    out(state
        .actor()
        .and_then(|a| quotes::preview(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn quotes_update(
    state: State<'_, AppState>,
    id: String,
    input: QuoteInput,
) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::update(&state.db, &a, &id, &input)),
    )
}

#[tauri::command(async)]
pub fn quotes_set_status(
    state: State<'_, AppState>,
    id: String,
    change: StatusChange,
) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::set_status(&state.db, &a, &id, &change)),
    )
}

#[tauri::command(async)]
pub fn quotes_revise(state: State<'_, AppState>, id: String) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::revise(&state.db, &a, &id)),
    )
}

#[tauri::command(async)]
pub fn quotes_copy(
    state: State<'_, AppState>,
    id: String,
    contact_id: Option<String>,
) -> CmdResult<Quote> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::copy(&state.db, &a, &id, contact_id)),
    )
}

#[tauri::command(async)]
pub fn quotes_convert(
    state: State<'_, AppState>,
    id: String,
    input: ConvertInput,
) -> CmdResult<Conversion> {
    changed(
        state
            .actor()
            .and_then(|a| quotes::convert(&state.db, &a, &id, &input)),
    )
}

#[tauri::command(async)]
pub fn quotes_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Event>> {
    out(state
        .actor()
        .and_then(|a| quotes::history(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn quotes_communications(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<Interaction>> {
    out(state
        .actor()
        .and_then(|a| quotes::communications(&state.db, &a, &id)))
}
