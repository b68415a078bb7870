//! Importing legacy spreadsheets (issue 5), built up in steps. This first step is the
//! part every file format shares: reading a cell's value faithfully (phones that
//! Excel turned into numbers, dates in every shape people type them, Arabic-Indic
//! digits, ids too long for a float) and finding the real header row under title rows.
//! The readers (calamine for .xlsx/.xls/.xlsb/.ods, csv) map their cells to [`Cell`].

pub mod header;
pub mod read;
pub mod values;

pub use header::{find_header, HeaderMatch, CONTACT_SYNONYMS};
pub use read::{read_sheet, Sheet};
pub use values::{
    date_from_cell, detect_date_order, phone_from_cell, text_from_cell, Cell, DateOrder,
};
