//! Delivery notes and invoices made from quotations (rights: their record types, own
//! or all by the quotation's owner).

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::invoicing::{
    delivery_notes, invoices, DeliveryNote, DeliveryNotePage, DeliveryNoteQuery,
    DeliveryNoteStatus, Invoice, InvoicePage, InvoiceQuery, InvoiceStatus,
};

#[tauri::command(async)]
pub fn invoices_list(state: State<'_, AppState>, query: InvoiceQuery) -> CmdResult<InvoicePage> {
    out(state
        .actor()
        .and_then(|a| invoices::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn invoices_get(state: State<'_, AppState>, id: String) -> CmdResult<Invoice> {
    out(state
        .actor()
        .and_then(|a| invoices::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn invoices_set_status(
    state: State<'_, AppState>,
    id: String,
    status: InvoiceStatus,
) -> CmdResult<Invoice> {
    out(state
        .actor()
        .and_then(|a| invoices::set_status(&state.db, &a, &id, status)))
}

#[tauri::command(async)]
pub fn delivery_notes_list(
    state: State<'_, AppState>,
    query: DeliveryNoteQuery,
) -> CmdResult<DeliveryNotePage> {
    out(state
        .actor()
        .and_then(|a| delivery_notes::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn delivery_notes_get(state: State<'_, AppState>, id: String) -> CmdResult<DeliveryNote> {
    out(state
        .actor()
        .and_then(|a| delivery_notes::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn delivery_notes_set_status(
    state: State<'_, AppState>,
    id: String,
    status: DeliveryNoteStatus,
) -> CmdResult<DeliveryNote> {
    out(state
        .actor()
        .and_then(|a| delivery_notes::set_status(&state.db, &a, &id, status)))
}
