//! Importing legacy spreadsheets (issue 5), built up in steps. The part every file
//! format shares: reading a file safely into one sheet of cells (read.rs, with the
//! format told by content in sniff.rs and hostile files refused in guard.rs),
//! reading a cell's value faithfully (phones that Excel turned into numbers, dates
//! in every shape people type them, Arabic-Indic digits, ids too long for a float)
//! and finding the real header row under title rows.

pub mod batches;
mod contacts;
pub mod csv;
mod engine;
pub mod fields;
pub mod file_problem;
pub mod guard;
pub mod header;
mod inquiries;
pub mod kind;
mod layout;
pub mod mapping;
mod ods;
mod problem;
mod products;
pub mod profiles;
mod quotes;
pub mod read;
mod report;
pub mod sniff;
pub mod values;
mod xls_scan;

pub use csv::{Encoding, TextFormat};
pub use engine::{
    check, run, ColumnInfo, Counts, ImportOptions, ImportReport, OnProgress, Phase, Progress,
    RowMatch, RowReport, PREVIEW_ROWS, PROGRESS_EVERY,
};
pub use file_problem::{column_letters, FileKind, FileProblem};
pub use guard::Limits;
pub use header::{find_header, HeaderMatch, CONTACT_SYNONYMS};
pub use kind::{DateOrderKey, ImportKind, OnDuplicate, RowOutcome};
pub use layout::{layout, Layout};
pub use mapping::{ColumnMap, HeaderMap};
pub use problem::ImportProblem;
pub use read::{read_sheet, read_sheet_with, sheet_names, ReadOptions, Sheet};
pub use report::{error_report, row_reason};
pub use sniff::{detect_format, Format};
pub use values::{
    date_from_cell, detect_date_order, phone_from_cell, text_from_cell, Cell, DateOrder,
};
