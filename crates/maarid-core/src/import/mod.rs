//! Importing legacy spreadsheets (issue 5), built up in steps. The part every file
//! format shares: reading a file safely into one sheet of cells (read.rs, with the
//! format told by content in sniff.rs and hostile files refused in guard.rs),
//! reading a cell's value faithfully (phones that Excel turned into numbers, dates
//! in every shape people type them, Arabic-Indic digits, ids too long for a float)
//! and finding the real header row under title rows.

pub mod csv;
pub mod guard;
pub mod header;
mod ods;
pub mod problem;
pub mod read;
pub mod sniff;
pub mod values;
mod xls_scan;

pub use csv::{Encoding, TextFormat};
pub use guard::Limits;
pub use header::{find_header, HeaderMatch, CONTACT_SYNONYMS};
pub use problem::{column_letters, FileKind, FileProblem};
pub use read::{read_sheet, read_sheet_with, sheet_names, ReadOptions, Sheet};
pub use sniff::{detect_format, Format};
pub use values::{
    date_from_cell, detect_date_order, phone_from_cell, text_from_cell, Cell, DateOrder,
};
