//! The `#[tauri::command]` layer: each command takes the actor from the Rust-side
//! session and calls the core, which checks the actor's rights. Errors cross to the UI
//! as `{code, message_ar, message_en, field?}` — never a debug string.

pub mod account;
pub mod admin;
pub mod app;
pub mod catalog;
pub mod company;
pub mod contacts;
pub mod export;
pub mod fields;
pub mod import;
pub mod inquiries;
pub mod interactions;
pub mod invoicing;
pub mod print;
pub mod quotes;
pub mod reminders;
pub mod tasks;

use maarid_core::ErrorPayload;

pub type CmdResult<T> = Result<T, ErrorPayload>;

/// Converts a core result for the UI, logging failures that are not the user's doing.
pub fn out<T>(r: maarid_core::Result<T>) -> CmdResult<T> {
    r.map_err(payload)
}

/// A core error as the UI gets it, logged when it is not the user's doing.
pub fn payload(e: maarid_core::Error) -> ErrorPayload {
    if matches!(e.exit_code(), 1 | 11) {
        log::error!("command failed: {e}");
    }
    e.to_payload()
}
