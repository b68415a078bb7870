//! The catalog: products, vehicles and services. Rights (product read/create/write/
//! delete) are checked in the core.

use tauri::State;

use super::{out, CmdResult};
use crate::state::AppState;
use maarid_core::catalog::{self, Product, ProductInput, ProductPage, ProductQuery, StockStatus};

#[tauri::command(async)]
pub fn products_list(state: State<'_, AppState>, query: ProductQuery) -> CmdResult<ProductPage> {
    out(state
        .actor()
        .and_then(|a| catalog::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn products_get(state: State<'_, AppState>, id: String) -> CmdResult<Product> {
    out(state.actor().and_then(|a| catalog::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn products_create(state: State<'_, AppState>, input: ProductInput) -> CmdResult<Product> {
    out(state
        .actor()
        .and_then(|a| catalog::create(&state.db, &a, &input)))
}

#[tauri::command(async)]
pub fn products_update(
    state: State<'_, AppState>,
    id: String,
    input: ProductInput,
) -> CmdResult<Product> {
    out(state
        .actor()
        .and_then(|a| catalog::update(&state.db, &a, &id, &input)))
}

#[tauri::command(async)]
pub fn products_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    out(state
        .actor()
        .and_then(|a| catalog::delete(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn products_restore(state: State<'_, AppState>, id: String) -> CmdResult<Product> {
    out(state
        .actor()
        .and_then(|a| catalog::restore(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn products_set_stock(
    state: State<'_, AppState>,
    id: String,
    status: StockStatus,
) -> CmdResult<Product> {
    out(state
        .actor()
        .and_then(|a| catalog::set_stock_status(&state.db, &a, &id, status)))
}

/// The item's image as a `data:` URL, or null.
#[tauri::command(async)]
pub fn products_image(state: State<'_, AppState>, id: String) -> CmdResult<Option<String>> {
    out(state
        .actor()
        .and_then(|a| catalog::image_data_url(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn products_categories(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    out(state
        .actor()
        .and_then(|a| catalog::categories(&state.db, &a)))
}
