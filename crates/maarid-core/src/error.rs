//! One error type for the core. Every variant has a stable machine code (for scripts
//! and the UI), a process exit code (for the CLI) and a message in Arabic and English.

use serde::Serialize;

use crate::i18n::{Locale, Text};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not logged in")]
    NotLoggedIn,
    #[error("not permitted: {action} on {doc_type}")]
    NotPermitted {
        doc_type: &'static str,
        action: &'static str,
    },
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("account locked")]
    AccountLocked,
    #[error("account disabled")]
    AccountDisabled,
    #[error("setup has not been completed")]
    SetupRequired,
    #[error("setup was already completed")]
    SetupAlreadyDone,
    #[error("{entity} not found: {key}")]
    NotFound { entity: &'static str, key: String },
    #[error("invalid {field}: {rule}")]
    Invalid {
        field: &'static str,
        rule: Rule,
        /// Which entry of a list field (0-based), e.g. the second phone number.
        index: Option<usize>,
    },
    /// A custom field's value was refused (the field is named by its own labels).
    #[error("invalid custom field {field_id}: {rule}")]
    InvalidCustom {
        field_id: String,
        label: Text<String>,
        rule: Rule,
    },
    #[error("this merge was already undone")]
    MergeAlreadyUndone,
    /// A document cannot go from its status to the one asked for (e.g. a rejected
    /// quotation cannot be accepted; a draft cannot be converted).
    #[error("{entity} {number}: cannot go from {from} to {to}")]
    StatusNotAllowed {
        entity: &'static str,
        number: String,
        from: &'static str,
        to: &'static str,
    },
    /// The document can no longer be edited (sent, superseded, cancelled…).
    #[error("{entity} {number} is read-only in status {status}")]
    ReadOnly {
        entity: &'static str,
        number: String,
        status: &'static str,
    },
    #[error("{entity} already exists: {key}")]
    AlreadyExists { entity: &'static str, key: String },
    #[error("the last active System Manager cannot be removed, disabled, locked or demoted")]
    LastAdmin,
    #[error("built-in role cannot be changed: {0}")]
    BuiltinRole(String),
    #[error("role is still assigned to {0} user(s)")]
    RoleInUse(i64),
    #[error("possible duplicate of {} existing contact(s)", .0.len())]
    PossibleDuplicates(Vec<crate::contacts::DuplicateMatch>),
    #[error("not a Maarid database: {0}")]
    NotAMaaridDatabase(String),
    #[error("database is newer than this program (schema version {0})")]
    DatabaseTooNew(i64),
    #[error("file error at {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("internal error: {0}")]
    Internal(String),
    /// A spreadsheet import, or its undo, stopped (see `import::ImportProblem`).
    #[error("import: {}", .0.code())]
    Import(crate::import::ImportProblem),
    /// A file to import cannot be read as a spreadsheet (issue 5); the problem says why.
    #[error("cannot import this file: {0:?}")]
    BadFile(crate::import::FileProblem),
    /// An export refused before writing anything (unknown column, file type…).
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A reminder or notification setting refused (see `reminders::ReminderError`).
    #[error(transparent)]
    Reminder(#[from] crate::reminders::ReminderError),
    /// A task or attachment refused (see `tasks::TaskError`).
    #[error(transparent)]
    Task(#[from] crate::tasks::TaskError),
}

/// Why a value was refused. Kept as an enum so each rule has its own translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Required,
    TooLong,
    TooShort,
    /// Fewer characters than the number given.
    MinChars(u16),
    NotANumber,
    OutOfRange,
    BadFormat,
    UnknownValue,
    /// The field does not apply to this kind of record (e.g. a VIN on a service).
    NotApplicable,
    /// A number too long for a spreadsheet to keep exactly (16 digits or more).
    PrecisionLost,
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl Rule {
    fn text(self) -> Text<String> {
        let s = |t: Text| Text::new(t.ar.to_string(), t.en.to_string());
        s(match self {
            Rule::MinChars(n) => {
                return Text::new(
                    format!("يجب ألا يقل عن {n} أحرف"),
                    format!("must have at least {n} characters"),
                )
            }
            Rule::Required => Text::new("مطلوب", "is required"),
            Rule::TooLong => Text::new("أطول من المسموح", "is too long"),
            Rule::TooShort => Text::new("أقصر من المسموح", "is too short"),
            Rule::NotANumber => Text::new("ليس رقمًا صحيحًا", "is not a valid number"),
            Rule::OutOfRange => Text::new("خارج النطاق المسموح", "is out of range"),
            Rule::BadFormat => Text::new("بصيغة غير صحيحة", "has a wrong format"),
            Rule::UnknownValue => Text::new("قيمة غير معروفة", "is not a known value"),
            Rule::PrecisionLost => Text::new(
                "رقم طويل فقد بعض خاناته في ملف Excel؛ اجعل عمود هذا الحقل نصيًا في الملف ثم أعد الاستيراد",
                "is a long number that the spreadsheet stored with some digits lost; format the column as text in the file and import again",
            ),
            Rule::NotApplicable => Text::new(
                "لا ينطبق على هذا النوع",
                "does not apply to this kind of record",
            ),
        })
    }
}

impl Error {
    pub fn invalid(field: &'static str, rule: Rule) -> Self {
        Error::Invalid {
            field,
            rule,
            index: None,
        }
    }

    /// Names the entry of a list field that was refused (the UI marks that row).
    pub fn at(self, i: usize) -> Self {
        match self {
            Error::Invalid { field, rule, .. } => Error::Invalid {
                field,
                rule,
                index: Some(i),
            },
            other => other,
        }
    }

    pub fn not_found(entity: &'static str, key: impl Into<String>) -> Self {
        Error::NotFound {
            entity,
            key: key.into(),
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// Stable code for scripts and the UI. Never change a published code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotLoggedIn => "not_logged_in",
            Error::NotPermitted { .. } => "not_permitted",
            Error::InvalidCredentials => "invalid_credentials",
            Error::AccountLocked => "account_locked",
            Error::AccountDisabled => "account_disabled",
            Error::SetupRequired => "setup_required",
            Error::SetupAlreadyDone => "setup_already_done",
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } | Error::InvalidCustom { .. } => "invalid_input",
            Error::MergeAlreadyUndone => "merge_already_undone",
            Error::StatusNotAllowed { .. } => "status_not_allowed",
            Error::ReadOnly { .. } => "read_only",
            Error::AlreadyExists { .. } => "already_exists",
            Error::LastAdmin => "last_admin",
            Error::BuiltinRole(_) => "builtin_role",
            Error::RoleInUse(_) => "role_in_use",
            Error::PossibleDuplicates(_) => "possible_duplicate",
            Error::NotAMaaridDatabase(_) => "not_a_maarid_database",
            Error::DatabaseTooNew(_) => "database_too_new",
            Error::Io { .. } => "file_error",
            Error::Db(_) => "database_error",
            Error::Migration(_) => "migration_failed",
            Error::Internal(_) => "internal_error",
            Error::Import(p) => p.code(),
            Error::BadFile(p) => p.code(),
            Error::Export(e) => e.code(),
            Error::Reminder(e) => e.code(),
            Error::Task(e) => e.code(),
        }
    }

    /// Exit status for the command line. 2 is left to argument parsing (clap).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid { .. }
            | Error::InvalidCustom { .. }
            | Error::BadFile(_)
            | Error::Export(_) => 3,
            Error::MergeAlreadyUndone | Error::StatusNotAllowed { .. } | Error::ReadOnly { .. } => {
                9
            }
            Error::NotFound { .. } => 4,
            Error::AlreadyExists { .. } => 5,
            Error::NotPermitted { .. } | Error::NotLoggedIn => 6,
            Error::InvalidCredentials | Error::AccountLocked | Error::AccountDisabled => 7,
            Error::SetupRequired | Error::SetupAlreadyDone => 8,
            Error::LastAdmin | Error::BuiltinRole(_) | Error::RoleInUse(_) => 9,
            Error::NotAMaaridDatabase(_) | Error::DatabaseTooNew(_) => 10,
            Error::Io { .. } => 11,
            Error::PossibleDuplicates(_) => 12,
            Error::Db(_) | Error::Migration(_) | Error::Internal(_) => 1,
            Error::Import(_) => 13,
            Error::Reminder(e) => e.exit_code(),
            Error::Task(e) => e.exit_code(),
        }
    }

    /// The message a person reads, in both languages.
    pub fn text(&self) -> Text<String> {
        use crate::i18n::{doc_type_name, field_name, status_name};
        let s = |ar: &str, en: &str| Text::new(ar.to_string(), en.to_string());
        match self {
            Error::NotLoggedIn => s("يجب تسجيل الدخول أولًا.", "Please log in first."),
            Error::NotPermitted { doc_type, action } => {
                let d = doc_type_name(doc_type);
                let a = crate::i18n::action_name(action);
                Text::new(
                    format!("غير مسموح: لا تملك صلاحية «{}» على «{}».", a.ar, d.ar),
                    format!(
                        "Not permitted: you do not have the “{}” right on “{}”.",
                        a.en, d.en
                    ),
                )
            }
            Error::InvalidCredentials => s(
                "اسم المستخدم أو كلمة المرور غير صحيحة.",
                "Wrong username or password.",
            ),
            Error::AccountLocked => s(
                "الحساب مقفل بعد محاولات دخول فاشلة متكررة. اطلب من مدير النظام فتحه.",
                "This account is locked after too many failed logins. Ask a System Manager to unlock it.",
            ),
            Error::AccountDisabled => s("هذا الحساب معطّل.", "This account is disabled."),
            Error::SetupRequired => s(
                "لم يكتمل الإعداد الأولي بعد.",
                "First-run setup has not been completed yet.",
            ),
            Error::SetupAlreadyDone => s(
                "تم الإعداد الأولي من قبل.",
                "First-run setup was already completed.",
            ),
            Error::NotFound { entity, key } => {
                let d = doc_type_name(entity);
                Text::new(
                    format!("لم يُعثر على «{}»: {key}", d.ar),
                    format!("{} not found: {key}", d.en),
                )
            }
            Error::Invalid { field, rule, index } => {
                let f = field_name(field);
                let r = rule.text();
                match index {
                    Some(i) => Text::new(
                        format!("الحقل «{}» رقم {} {}.", f.ar, i + 1, r.ar),
                        format!("“{}” no. {} {}.", f.en, i + 1, r.en),
                    ),
                    None => Text::new(
                        format!("الحقل «{}» {}.", f.ar, r.ar),
                        format!("“{}” {}.", f.en, r.en),
                    ),
                }
            }
            Error::InvalidCustom { label, rule, .. } => {
                let r = rule.text();
                Text::new(
                    format!("الحقل «{}» {}.", label.ar, r.ar),
                    format!("“{}” {}.", label.en, r.en),
                )
            }
            Error::MergeAlreadyUndone => s(
                "تم التراجع عن هذا الدمج من قبل.",
                "This merge was already undone.",
            ),
            Error::StatusNotAllowed {
                entity,
                number,
                from,
                to,
            } => {
                let d = doc_type_name(entity);
                let (f, t) = (status_name(from), status_name(to));
                Text::new(
                    format!(
                        "لا يمكن نقل «{}» {number} من حالة «{}» إلى «{}».",
                        d.ar, f.ar, t.ar
                    ),
                    format!(
                        "{} {number} cannot go from “{}” to “{}”.",
                        d.en, f.en, t.en
                    ),
                )
            }
            Error::ReadOnly {
                entity,
                number,
                status,
            } => {
                let d = doc_type_name(entity);
                let st = status_name(status);
                Text::new(
                    format!(
                        "لا يمكن تعديل «{}» {number} وهو في حالة «{}». أنشئ مراجعة أو نسخة بدلًا من ذلك.",
                        d.ar, st.ar
                    ),
                    format!(
                        "{} {number} cannot be edited in status “{}”. Make a revision or a copy instead.",
                        d.en, st.en
                    ),
                )
            }
            Error::AlreadyExists { entity, key } => {
                let d = doc_type_name(entity);
                Text::new(
                    format!("«{}» موجود مسبقًا: {key}", d.ar),
                    format!("{} already exists: {key}", d.en),
                )
            }
            Error::LastAdmin => s(
                "لا يمكن إزالة أو تعطيل أو قفل أو تغيير دور آخر مدير نظام نشط.",
                "The last active System Manager cannot be removed, disabled, locked or given another role.",
            ),
            Error::BuiltinRole(_) => s(
                "صلاحيات دور «مدير النظام» ثابتة ولا يمكن تعديلها أو حذفه.",
                "The System Manager role is fixed: it cannot be edited or deleted.",
            ),
            Error::RoleInUse(n) => Text::new(
                format!("لا يمكن حذف الدور: ما زال مُسندًا إلى {n} مستخدم."),
                format!("The role cannot be deleted: {n} user(s) still have it."),
            ),
            Error::PossibleDuplicates(m) => Text::new(
                format!(
                    "يبدو أن جهة الاتصال موجودة مسبقًا ({} تطابق). افتح الموجودة، أو احفظ على أي حال.",
                    m.len()
                ),
                format!(
                    "This contact seems to exist already ({} match(es)). Open the existing one, or save anyway.",
                    m.len()
                ),
            ),
            Error::NotAMaaridDatabase(p) => Text::new(
                format!("الملف ليس قاعدة بيانات معارض صالحة: {p}"),
                format!("This file is not a valid Maarid database: {p}"),
            ),
            Error::DatabaseTooNew(v) => Text::new(
                format!("قاعدة البيانات من إصدار أحدث من هذا البرنامج (المخطط {v}). حدّث البرنامج."),
                format!("The database comes from a newer version of Maarid (schema {v}). Please update the program."),
            ),
            Error::Io { path, source } => Text::new(
                format!("تعذّر الوصول إلى الملف {path}: {source}"),
                format!("Could not access the file {path}: {source}"),
            ),
            Error::Db(e) => Text::new(
                format!("خطأ في قاعدة البيانات: {e}"),
                format!("Database error: {e}"),
            ),
            Error::Migration(e) => Text::new(
                format!("فشل تحديث قاعدة البيانات، ولم يتغير شيء: {e}"),
                format!("Updating the database failed and nothing was changed: {e}"),
            ),
            Error::Internal(e) => Text::new(format!("خطأ داخلي: {e}"), format!("Internal error: {e}")),
            Error::Import(p) => p.text(),
            Error::BadFile(p) => file_problem_text(p),
            Error::Export(e) => e.text(),
            Error::Reminder(e) => e.text(),
            Error::Task(e) => e.text(),
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        self.text().get(locale).to_string()
    }

    /// What crosses the boundary to the UI and to `--json` output.
    pub fn to_payload(&self) -> ErrorPayload {
        let text = self.text();
        ErrorPayload {
            code: self.code(),
            message_ar: text.ar,
            message_en: text.en,
            field: match self {
                Error::Invalid { field, .. } => Some(field),
                Error::InvalidCustom { .. } => Some("custom"),
                Error::BadFile(_) => Some("file"),
                Error::Export(e) => Some(e.field()),
                Error::Reminder(e) => Some(e.field()),
                Error::Task(e) => Some(e.field()),
                _ => None,
            },
            index: match self {
                Error::Invalid { index, .. } => *index,
                _ => None,
            },
            details: match self {
                Error::PossibleDuplicates(m) => serde_json::to_value(m).ok().map(Box::new),
                Error::InvalidCustom { field_id, .. } => {
                    Some(Box::new(serde_json::json!({ "field_id": field_id })))
                }
                Error::BadFile(p) => serde_json::to_value(p).ok().map(Box::new),
                Error::Export(e) => e.details().map(Box::new),
                _ => None,
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorPayload {
    pub code: &'static str,
    pub message_ar: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    /// For a list field, which entry was refused (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// Structured detail for the UI, e.g. the existing contacts a new one duplicates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<serde_json::Value>>,
}

impl From<refinery::Error> for Error {
    fn from(e: refinery::Error) -> Self {
        Error::Migration(e.to_string())
    }
}

/// The message for a file that cannot be imported: what is wrong, then what to do.
/// (The marks \u{200e} and \u{200f} keep ".xlsx" and parentheses the right way round
/// inside Arabic text.)
fn file_problem_text(p: &crate::import::FileProblem) -> Text<String> {
    use crate::import::{column_letters, FileKind, FileProblem as P};
    let s = |ar: &str, en: &str| Text::new(ar.to_string(), en.to_string());
    match p {
        P::Empty => s(
            "الملف فارغ، لا يحتوي على أي بيانات.",
            "The file is empty: it holds no data.",
        ),
        P::UnsupportedType { extension } if extension.is_empty() => s(
            "لا يمكن استيراد هذا النوع من الملفات. يقرأ الاستيراد ملفات Excel \u{200f}(.xlsx و.xlsm و.xlsb و.xls) وOpenDocument \u{200f}(.ods) والملفات النصية (.csv و.tsv و.txt).",
            "This type of file cannot be imported. Import reads Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) and text (.csv, .tsv, .txt) files.",
        ),
        P::UnsupportedType { extension } => Text::new(
            format!("لا يمكن استيراد ملفات من نوع «.{extension}». يقرأ الاستيراد ملفات Excel \u{200f}(.xlsx و.xlsm و.xlsb و.xls) وOpenDocument \u{200f}(.ods) والملفات النصية (.csv و.tsv و.txt)."),
            format!("Files of type “.{extension}” cannot be imported. Import reads Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) and text (.csv, .tsv, .txt) files."),
        ),
        P::NotASpreadsheet { kind } => {
            let k = match kind {
                FileKind::Pdf => Text::new("مستند PDF", "a PDF document"),
                FileKind::Picture => Text::new("صورة", "a picture"),
                FileKind::Archive => Text::new(
                    "ملف مضغوط (zip أو rar أو 7z…)",
                    "a compressed archive (zip, rar, 7z…)",
                ),
                FileKind::WordDocument => Text::new("مستند Word", "a Word document"),
                FileKind::Presentation => {
                    Text::new("عرض تقديمي (PowerPoint)", "a presentation (PowerPoint)")
                }
                FileKind::OtherDocument => Text::new(
                    "مستند لا يحتوي على ورقة عمل",
                    "a document that holds no worksheet",
                ),
                FileKind::WebPage => Text::new(
                    "صفحة ويب (HTML) محفوظة باسم جدول بيانات",
                    "a web page (HTML) saved under a spreadsheet's name",
                ),
                FileKind::XmlSpreadsheet => Text::new(
                    "بصيغة «XML Spreadsheet 2003» القديمة",
                    "in the old “XML Spreadsheet 2003” format",
                ),
                FileKind::Xml => Text::new("ملف بيانات XML", "an XML data file"),
                FileKind::Unknown => Text::new(
                    "بيانات من نوع غير معروف",
                    "data of an unknown kind",
                ),
            };
            Text::new(
                format!("هذا الملف {} وليس جدول بيانات يمكن استيراده. افتح البيانات في Excel أو LibreOffice واحفظها بصيغة \u{200e}.xlsx أو \u{200e}.csv ثم استورد ذلك الملف.", k.ar),
                format!("This file is {}, not a spreadsheet that can be imported. Open the data in Excel or LibreOffice, save it as .xlsx or .csv, and import that file.", k.en),
            )
        }
        P::PasswordProtected => s(
            "المصنف محمي بكلمة مرور. افتحه في Excel وأزل كلمة المرور (ملف ← معلومات ← حماية المصنف)، ثم احفظه وأعد الاستيراد.",
            "The workbook is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook), save it, and import again.",
        ),
        P::Damaged => s(
            "الملف تالف أو غير مكتمل (ربما انقطع أثناء النسخ أو التنزيل). افتحه في Excel للتحقق منه واحفظه من جديد، ثم استورد النسخة المحفوظة.",
            "The file is damaged or incomplete (it may have been cut short while copying or downloading). Open it in Excel to check it, save it again, and import the saved copy.",
        ),
        P::TooLarge { bytes, max } => Text::new(
            format!("الملف أكبر من أن يُستورد ({}، والحد الأقصى {}). قسّم البيانات إلى عدة ملفات.", size_text(*bytes), size_text(*max)),
            format!("The file is too large to import ({}; at most {}). Split the data into several files.", size_text(*bytes), size_text(*max)),
        ),
        P::UnpacksTooLarge { bytes, max } => Text::new(
            format!("محتوى الملف يبلغ {} بعد فك ضغطه، وهذا أكثر مما يقبله الاستيراد (الحد الأقصى {}). لم يُفك ضغط أي شيء. قسّم البيانات إلى عدة ملفات.", size_text(*bytes), size_text(*max)),
            format!("The file's contents unpack to {}, more than the import accepts ({} at most). Nothing was unpacked. Split the data into several files.", size_text(*bytes), size_text(*max)),
        ),
        P::CompressedTooMuch { ratio, max } => Text::new(
            format!("جزء من هذا الملف مضغوط {} ضعفًا، وجداول البيانات لا تُضغط أكثر من {} ضعفًا. يبدو أنه «قنبلة ضغط» فلم يُفتح.", grouped(*ratio), grouped(*max)),
            format!("Part of this file is compressed {} times over, and spreadsheets never compress more than {} times. It looks like a “zip bomb” and was not opened.", grouped(*ratio), grouped(*max)),
        ),
        P::TooManyCells { sheet, rows, columns, max } => {
            let col = column_letters(columns.saturating_sub(1));
            Text::new(
                format!("ورقة العمل «{sheet}» أكبر من أن تُستورد: تمتد حتى الصف {} والعمود {col}، والحد الأقصى {} خلية. قيمة شاردة في أسفل الورقة أو في آخر أعمدتها تجعل النطاق كله محسوبًا: احذف الصفوف والأعمدة غير المستخدمة أو قسّم الورقة.", grouped(*rows), grouped(*max)),
                format!("The sheet “{sheet}” is too large to import: it reaches row {} and column {col}, and at most {} cells are read. A stray value far down or far to the side makes the whole range count: delete the unused rows and columns, or split the sheet.", grouped(*rows), grouped(*max)),
            )
        }
        P::TooMuchText { sheet, max_bytes } => Text::new(
            format!("ورقة العمل «{sheet}» تحتوي على نص أكثر مما يقرؤه الاستيراد (الحد الأقصى {}). قسّم البيانات إلى عدة ملفات.", size_text(*max_bytes)),
            format!("The sheet “{sheet}” holds more text than the import reads ({} at most). Split the data into several files.", size_text(*max_bytes)),
        ),
        P::CellTooLong { sheet, row, column, max } => {
            let cell = format!("{}{}", column_letters(*column), row + 1);
            Text::new(
                format!("الخلية {cell} في ورقة العمل «{sheet}» تحتوي على أكثر من {} حرف، وهذا أكثر مما تتسع له خلية جدول البيانات. في ملفات \u{200e}.csv يعني هذا غالبًا علامة اقتباس (\") فُتحت ولم تُغلق.", grouped(*max)),
                format!("Cell {cell} of the sheet “{sheet}” holds more than {} characters, more than a spreadsheet cell can. In a .csv file this usually means a quote mark (\") that was opened and never closed.", grouped(*max)),
            )
        }
    }
}

/// 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A file size as people say it: "64 MB", "1.5 GB", "12 KB".
fn size_text(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    const GB: u64 = 1024 * MB;
    match bytes {
        b if b >= GB => format!("{:.1} GB", b as f64 / GB as f64),
        b if b >= 10 * MB => format!("{} MB", (b + MB / 2) / MB),
        b if b >= MB => format!("{:.1} MB", b as f64 / MB as f64),
        b if b >= KB => format!("{} KB", (b + KB / 2) / KB),
        b => format!("{b} bytes"),
    }
}
