//! Maarid's core: domain types, storage and services. No Tauri and no UI here —
//! everything a user can do is a plain function taking the database and an `Actor`,
//! so the desktop app, the command line and the tests all go through the same code.

pub mod access;
pub mod alerts;
pub mod audit;
pub mod catalog;
pub mod company;
pub mod contacts;
pub mod db;
mod error;
pub mod export;
pub mod fields;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod inquiries;
pub mod interactions;
pub mod invoicing;
mod keyed;
pub mod money;
pub mod numbering;
pub mod pdf;
pub mod printing;
pub mod quotes;
pub mod reminders;
pub mod reports;
pub mod sales;
pub mod search;
pub mod settings;
pub mod setup;
pub mod tasks;
pub mod users;

pub use db::Db;
pub use error::{Error, ErrorPayload, Result, Rule};
pub use i18n::Locale;
