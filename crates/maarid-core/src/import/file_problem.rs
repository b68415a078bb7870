//! Why a file cannot be imported, in terms a person can act on. Each problem is an
//! [`Error::BadFile`](crate::Error::BadFile) with its own stable code and a message in
//! Arabic and English (see `error.rs`).

use serde::Serialize;

/// What is wrong with the file as a whole (before any row is looked at).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FileProblem {
    /// The file holds no bytes at all.
    Empty,
    /// Neither the name nor the content is a type the import reads (`extension`
    /// without its dot, lower case; empty when the name has none).
    UnsupportedType { extension: String },
    /// The content is something else: a PDF, a picture, a Word document…
    NotASpreadsheet { kind: FileKind },
    /// The workbook is encrypted with a password.
    PasswordProtected,
    /// Cut short, corrupt, or its parts contradict each other.
    Damaged,
    /// Larger on disk than the import reads.
    TooLarge { bytes: u64, max: u64 },
    /// Its compressed parts declare more data than the import unpacks. Refused before
    /// anything is unpacked (a "zip bomb" looks like this).
    UnpacksTooLarge { bytes: u64, max: u64 },
    /// One part is compressed far more than spreadsheets ever are (a zip bomb).
    CompressedTooMuch { ratio: u64, max: u64 },
    /// The sheet reaches further than the import keeps in memory. `rows` and
    /// `columns` say how far it reached when reading stopped.
    TooManyCells {
        sheet: String,
        rows: u64,
        columns: u64,
        max: u64,
    },
    /// The sheet holds more text in total than the import keeps in memory.
    TooMuchText { sheet: String, max_bytes: u64 },
    /// One cell holds more characters than a spreadsheet cell can (32,767).
    /// `row` and `column` are 0-based.
    CellTooLong {
        sheet: String,
        row: u64,
        column: u64,
        max: u64,
    },
}

/// What a file that is not a spreadsheet really is, to tell the user plainly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Picture,
    /// A zip, rar, 7z or gzip archive that is not a workbook.
    Archive,
    WordDocument,
    Presentation,
    /// Another Office or OpenDocument file (neither a workbook nor the above).
    OtherDocument,
    /// A web page (HTML), often saved by other programs with an .xls name.
    WebPage,
    /// Excel's 2003 XML format ("XML Spreadsheet"), also often named .xls.
    XmlSpreadsheet,
    /// Other XML data.
    Xml,
    /// Binary content of no known kind.
    Unknown,
}

impl FileProblem {
    /// Stable code for scripts and the UI. Never change a published code.
    pub fn code(&self) -> &'static str {
        match self {
            FileProblem::Empty => "file_empty",
            FileProblem::UnsupportedType { .. } => "file_unsupported_type",
            FileProblem::NotASpreadsheet { .. } => "file_not_a_spreadsheet",
            FileProblem::PasswordProtected => "file_password_protected",
            FileProblem::Damaged => "file_damaged",
            FileProblem::TooLarge { .. } => "file_too_large",
            FileProblem::UnpacksTooLarge { .. } => "file_unpacks_too_large",
            FileProblem::CompressedTooMuch { .. } => "file_compressed_too_much",
            FileProblem::TooManyCells { .. } => "sheet_too_many_cells",
            FileProblem::TooMuchText { .. } => "sheet_too_much_text",
            FileProblem::CellTooLong { .. } => "cell_too_long",
        }
    }
}

/// A column's letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.
pub fn column_letters(column: u64) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::column_letters;

    #[test]
    fn columns_are_named_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16_383), "XFD");
    }
}
