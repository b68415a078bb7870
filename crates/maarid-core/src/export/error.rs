//! What an export refuses, with a message in both languages. Every refusal happens
//! before the file is created, so a refused export writes nothing.

use crate::i18n::Text;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A column key the table does not have; `valid` lists the ones it has.
    #[error("unknown column {key}")]
    UnknownColumn {
        table: Text<String>,
        key: String,
        valid: Vec<String>,
    },
    #[error("column {0} is given twice")]
    RepeatedColumn(String),
    #[error("no column chosen")]
    NoColumns,
    /// The file name's extension (without the dot; empty when there is none).
    #[error("unsupported file type: {0:?}")]
    UnsupportedFormat(String),
    /// Exporting everything needs a workbook: a .csv file holds a single table.
    #[error("several tables cannot go into one .csv file")]
    CsvHoldsOneTable,
}

impl ExportError {
    /// Stable code for scripts and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::UnknownColumn { .. } => "unknown_column",
            ExportError::RepeatedColumn(_) => "repeated_column",
            ExportError::NoColumns => "no_columns",
            ExportError::UnsupportedFormat(_) => "unsupported_file_type",
            ExportError::CsvHoldsOneTable => "csv_holds_one_table",
        }
    }

    /// The field of the request to correct.
    pub fn field(&self) -> &'static str {
        match self {
            ExportError::UnknownColumn { .. }
            | ExportError::RepeatedColumn(_)
            | ExportError::NoColumns => "columns",
            ExportError::UnsupportedFormat(_) | ExportError::CsvHoldsOneTable => "file",
        }
    }

    pub fn text(&self) -> Text<String> {
        match self {
            ExportError::UnknownColumn { table, key, valid } => {
                let list = valid.join(", ");
                Text::new(
                    format!(
                        "لا يوجد عمود باسم «{key}» في «{}». الأعمدة المتاحة: {list}",
                        table.ar
                    ),
                    format!(
                        "“{}” has no column “{key}”. The columns are: {list}",
                        table.en
                    ),
                )
            }
            ExportError::RepeatedColumn(key) => Text::new(
                format!("العمود «{key}» مذكور أكثر من مرة."),
                format!("The column “{key}” is given more than once."),
            ),
            ExportError::NoColumns => Text::new(
                "لم يُختر أي عمود للتصدير.".into(),
                "No column was chosen to export.".into(),
            ),
            ExportError::UnsupportedFormat(ext) => {
                let shown = if ext.is_empty() {
                    Text::new("بلا امتداد".to_string(), "no extension".to_string())
                } else {
                    Text::new(format!(".{ext}"), format!(".{ext}"))
                };
                Text::new(
                    format!(
                        "لا يمكن التصدير إلى ملف من نوع «{}». اختر اسم ملف ينتهي بـ ‎.xlsx أو ‎.csv",
                        shown.ar
                    ),
                    format!(
                        "Cannot export to a file of type “{}”. Choose a file name ending in .xlsx or .csv.",
                        shown.en
                    ),
                )
            }
            ExportError::CsvHoldsOneTable => Text::new(
                "ملف ‎.csv يتسع لجدول واحد فقط؛ صدّر كل البيانات إلى ملف ‎.xlsx (ورقة لكل نوع).".into(),
                "A .csv file holds one table only; export everything to an .xlsx file (one sheet per record type).".into(),
            ),
        }
    }

    /// Structured detail for the UI and `--json`: the valid column keys.
    pub fn details(&self) -> Option<serde_json::Value> {
        match self {
            ExportError::UnknownColumn { key, valid, .. } => {
                Some(serde_json::json!({ "column": key, "valid": valid }))
            }
            _ => None,
        }
    }
}
