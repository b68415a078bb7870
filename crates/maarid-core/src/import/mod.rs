//! Importing legacy spreadsheets (issue 5), built up in steps. This first step is the
//! part every file format shares: reading a cell's value faithfully (phones that
//! Excel turned into numbers, dates in every shape people type them, Arabic-Indic
//! digits, ids too long for a float) and finding the real header row under title rows.
//! The readers (calamine for .xlsx/.xls/.xlsb/.ods, csv) map their cells to [`Cell`].

pub mod batches;
mod contacts;
mod engine;
pub mod fields;
pub mod header;
pub mod kind;
mod layout;
pub mod mapping;
mod problem;
pub mod profiles;
pub mod read;
mod report;
pub mod values;

pub use engine::{
    check, run, ColumnInfo, Counts, ImportOptions, ImportReport, OnProgress, Phase, Progress,
    RowMatch, RowReport, PREVIEW_ROWS, PROGRESS_EVERY,
};
pub use header::{find_header, HeaderMatch, CONTACT_SYNONYMS};
pub use kind::{DateOrderKey, ImportKind, OnDuplicate, RowOutcome};
pub use layout::{layout, Layout};
pub use mapping::{ColumnMap, HeaderMap};
pub use problem::ImportProblem;
pub use read::{read_sheet, Sheet};
pub use report::{error_report, row_reason};
pub use values::{
    date_from_cell, detect_date_order, phone_from_cell, text_from_cell, Cell, DateOrder,
};
