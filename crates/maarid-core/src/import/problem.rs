//! Why an import, or the undo of one, stopped. Each problem has its own message in
//! Arabic and English; in every case nothing was changed.

use crate::i18n::Text;

#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    /// The user pressed cancel (or the caller's progress callback said stop).
    Cancelled,
    /// No row among the first rows names at least two known columns, and no mapping was given.
    NoHeader,
    /// A required field has no column.
    ColumnNotMapped { label: Text<String> },
    /// A mapping names a field this kind of import does not have.
    UnknownField(String),
    /// A mapping names a column past the sheet's last one.
    NoSuchColumn(usize),
    /// The header row asked for is past the sheet's last row.
    NoSuchRow(usize),
    /// The sheet has no rows below its header.
    NoRows,
    /// `undo` of a batch that was undone already.
    AlreadyUndone,
    /// Records of the batch were changed or used since the import: undoing would lose that work.
    ChangedSince { count: usize, example: String },
    /// A row names its contact only by a name that several saved contacts have.
    AmbiguousContact { name: String, count: usize },
    /// A line of a quotation was refused, so the quotation's other lines are left out too
    /// (`row`: the refused line's row in the sheet).
    QuotationLineRefused { number: String, row: usize },
    /// Two lines of one quotation give different values for a header column (`field`).
    QuotationDiffers {
        number: String,
        field: &'static str,
        row: usize,
    },
    /// A line's total in the file is not its total as computed (with or without VAT).
    LineTotalMismatch { in_file: String, computed: String },
    /// The file's total of a quotation is not the total of its lines, as computed.
    TotalMismatch {
        number: String,
        in_file: String,
        computed: String,
    },
}

impl ImportProblem {
    pub fn code(&self) -> &'static str {
        match self {
            ImportProblem::Cancelled => "import_cancelled",
            ImportProblem::NoHeader => "import_no_header",
            ImportProblem::ColumnNotMapped { .. } => "import_column_not_mapped",
            ImportProblem::UnknownField(_) => "import_unknown_field",
            ImportProblem::NoSuchColumn(_) => "import_no_such_column",
            ImportProblem::NoSuchRow(_) => "import_no_such_row",
            ImportProblem::NoRows => "import_no_rows",
            ImportProblem::AlreadyUndone => "import_already_undone",
            ImportProblem::ChangedSince { .. } => "import_changed_since",
            ImportProblem::AmbiguousContact { .. } => "import_ambiguous_contact",
            ImportProblem::QuotationLineRefused { .. } => "import_quotation_line_refused",
            ImportProblem::QuotationDiffers { .. } => "import_quotation_differs",
            ImportProblem::LineTotalMismatch { .. } => "import_line_total_mismatch",
            ImportProblem::TotalMismatch { .. } => "import_total_mismatch",
        }
    }

    pub fn text(&self) -> Text<String> {
        let s = |ar: &str, en: &str| Text::new(ar.to_string(), en.to_string());
        match self {
            ImportProblem::Cancelled => s(
                "أُلغي الاستيراد، ولم يُحفظ شيء.",
                "The import was cancelled; nothing was saved.",
            ),
            ImportProblem::NoHeader => s(
                "لم يُعثر على صف العناوين في الورقة. اختر صف العناوين وحدد الأعمدة يدويًا.",
                "No header row was found in the sheet. Pick the header row and map the columns yourself.",
            ),
            ImportProblem::ColumnNotMapped { label } => Text::new(
                format!("لم يُحدَّد عمود للحقل المطلوب «{}».", label.ar),
                format!("No column is mapped to the required field “{}”.", label.en),
            ),
            ImportProblem::UnknownField(f) => Text::new(
                format!("الحقل «{f}» غير معروف في هذا النوع من الاستيراد."),
                format!("“{f}” is not a field of this kind of import."),
            ),
            ImportProblem::NoSuchRow(r) => Text::new(
                format!("الصف رقم {r} غير موجود في الورقة."),
                format!("Row {r} does not exist in the sheet."),
            ),
            ImportProblem::NoSuchColumn(c) => Text::new(
                format!("العمود رقم {} غير موجود في الورقة.", c + 1),
                format!("Column {} does not exist in the sheet.", c + 1),
            ),
            ImportProblem::NoRows => s(
                "لا توجد صفوف بيانات تحت صف العناوين.",
                "There are no data rows below the header row.",
            ),
            ImportProblem::AlreadyUndone => s(
                "تم التراجع عن هذا الاستيراد من قبل.",
                "This import was already undone.",
            ),
            ImportProblem::ChangedSince { count, example } => Text::new(
                format!(
                    "لا يمكن التراجع: {count} من السجلات المستوردة عُدّلت أو استُخدمت بعد الاستيراد (مثل «{example}»). لم يتغير شيء."
                ),
                format!(
                    "Cannot undo: {count} imported record(s) were changed or used after the import (e.g. “{example}”). Nothing was changed."
                ),
            ),
            ImportProblem::AmbiguousContact { name, count } => Text::new(
                format!(
                    "الاسم «{name}» يطابق {count} من جهات الاتصال المحفوظة؛ أضف رقم الجوال أو البريد الإلكتروني ليُعرف المقصود."
                ),
                format!(
                    "The name “{name}” matches {count} saved contacts; add the mobile number or the email to say which one."
                ),
            ),
            ImportProblem::QuotationLineRefused { number, row } => Text::new(
                format!(
                    "لم يُستورد عرض السعر {number} لأن بندًا منه في الصف {row} رُفض؛ يُستورد عرض السعر كاملًا أو لا يُستورد."
                ),
                format!(
                    "Quotation {number} was not imported because its line on row {row} was refused; a quotation is imported whole or not at all."
                ),
            ),
            ImportProblem::QuotationDiffers { number, field, row } => {
                let f = crate::i18n::field_name(field);
                Text::new(
                    format!(
                        "الصف {row} يذكر «{}» مختلفًا لعرض السعر {number} نفسه.",
                        f.ar
                    ),
                    format!(
                        "Row {row} gives another “{}” for the same quotation {number}.",
                        f.en
                    ),
                )
            }
            ImportProblem::LineTotalMismatch { in_file, computed } => Text::new(
                format!(
                    "إجمالي البند في الملف ({in_file}) لا يطابق الكمية × السعر بعد الخصم، بالضريبة أو بدونها ({computed})."
                ),
                format!(
                    "The line's total in the file ({in_file}) is not quantity × price less the discount, with or without VAT ({computed})."
                ),
            ),
            ImportProblem::TotalMismatch {
                number,
                in_file,
                computed,
            } => Text::new(
                format!(
                    "إجمالي عرض السعر {number} في الملف ({in_file}) لا يطابق مجموع بنوده المحسوب ({computed})؛ راجع الكميات والأسعار والخصم والضريبة."
                ),
                format!(
                    "The file's total of quotation {number} ({in_file}) is not the total of its lines as computed ({computed}); check the quantities, prices, discounts and VAT."
                ),
            ),
        }
    }
}
