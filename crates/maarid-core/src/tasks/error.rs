//! What tasks refuse, in both languages. Every refusal happens before anything is
//! written (an attachment's copied file is removed again).

use crate::i18n::Text;

#[derive(Debug, thiserror::Error)]
pub enum TaskError {
    #[error("a task needs a title")]
    TitleRequired,
    #[error("title too long")]
    TitleTooLong,
    #[error("description too long")]
    DescriptionTooLong,
    #[error("estimate out of range")]
    EstimateOutOfRange,
    #[error("a due time needs a due date")]
    TimeWithoutDate,
    #[error("too many assignees")]
    TooManyAssignees,
    /// From the command line nobody is logged in, so an assignee must be named.
    #[error("no assignee")]
    NoAssignee,
    /// Tasks link to contacts, inquiries and quotations only.
    #[error("cannot link a task to a {0}")]
    LinkNotAllowed(&'static str),
    #[error("the task is already {0}")]
    AlreadyInStatus(&'static str),
    #[error("file not found: {0}")]
    FileMissing(String),
    #[error("file too large: {size} bytes")]
    FileTooLarge { size: u64, limit: u64 },
    #[error("file name not usable")]
    BadFileName,
}

impl TaskError {
    pub fn code(&self) -> &'static str {
        match self {
            TaskError::AlreadyInStatus(_) => "task_status_unchanged",
            TaskError::LinkNotAllowed(_) => "link_not_available",
            TaskError::FileMissing(_) => "file_missing",
            TaskError::FileTooLarge { .. } => "file_too_large",
            _ => "invalid_input",
        }
    }

    /// The input field to correct.
    pub fn field(&self) -> &'static str {
        match self {
            TaskError::TitleRequired | TaskError::TitleTooLong => "title",
            TaskError::DescriptionTooLong => "description",
            TaskError::EstimateOutOfRange => "estimate_minutes",
            TaskError::TimeWithoutDate => "due_time",
            TaskError::TooManyAssignees | TaskError::NoAssignee => "assignees",
            TaskError::LinkNotAllowed(_) => "link",
            TaskError::AlreadyInStatus(_) => "status",
            TaskError::FileMissing(_) | TaskError::FileTooLarge { .. } | TaskError::BadFileName => {
                "file"
            }
        }
    }

    /// Exit status for the command line: 3 for bad input, 4 for a missing file, 9 for
    /// a state that forbids it.
    pub fn exit_code(&self) -> i32 {
        match self {
            TaskError::AlreadyInStatus(_) => 9,
            TaskError::FileMissing(_) => 4,
            _ => 3,
        }
    }

    pub fn text(&self) -> Text<String> {
        let s = |ar: &str, en: &str| Text::new(ar.to_string(), en.to_string());
        match self {
            TaskError::TitleRequired => s("اكتب عنوانًا للمهمة.", "Give the task a title."),
            TaskError::TitleTooLong => s(
                "عنوان المهمة أطول من 200 حرف.",
                "The task's title is longer than 200 characters.",
            ),
            TaskError::DescriptionTooLong => s(
                "وصف المهمة أطول من 10000 حرف.",
                "The task's description is longer than 10,000 characters.",
            ),
            TaskError::EstimateOutOfRange => s(
                "الوقت المقدّر يجب أن يكون بين دقيقة و100000 دقيقة.",
                "The estimated time must be between 1 and 100,000 minutes.",
            ),
            TaskError::TimeWithoutDate => s(
                "حدد تاريخ الاستحقاق قبل الوقت.",
                "Set a due date before a due time.",
            ),
            TaskError::TooManyAssignees => s(
                "يمكن إسناد المهمة إلى 20 مستخدمًا على الأكثر.",
                "A task can be assigned to at most 20 users.",
            ),
            TaskError::NoAssignee => s(
                "حدد مستخدمًا واحدًا على الأقل تُسند إليه المهمة.",
                "Name at least one user to assign the task to.",
            ),
            TaskError::LinkNotAllowed(kind) => {
                let d = crate::i18n::doc_type_name(kind);
                Text::new(
                    format!("لا يمكن ربط المهمة بـ«{}»؛ اربطها بجهة اتصال أو استفسار أو عرض سعر.", d.ar),
                    format!(
                        "A task cannot be linked to a {}; link it to a contact, an inquiry or a quotation.",
                        d.en.to_lowercase()
                    ),
                )
            }
            TaskError::AlreadyInStatus(status) => {
                let st = super::TaskStatus::parse(status)
                    .map(|s| s.name())
                    .unwrap_or(Text::new("", ""));
                Text::new(
                    format!("حالة المهمة «{}» بالفعل.", st.ar),
                    format!("The task is already “{}”.", st.en),
                )
            }
            TaskError::FileMissing(p) => Text::new(
                format!("الملف غير موجود أو ليس ملفًا عاديًا: {p}"),
                format!("The file does not exist or is not a regular file: {p}"),
            ),
            TaskError::FileTooLarge { size, limit } => {
                let mb = |b: u64| format!("{:.1}", b as f64 / 1_048_576.0);
                Text::new(
                    format!(
                        "حجم الملف {} م.ب أكبر من الحد المسموح للمرفقات ({} م.ب).",
                        mb(*size),
                        mb(*limit)
                    ),
                    format!(
                        "The file is {} MB, more than attachments may be ({} MB).",
                        mb(*size),
                        mb(*limit)
                    ),
                )
            }
            TaskError::BadFileName => s(
                "لا يمكن استخدام اسم هذا الملف.",
                "This file's name cannot be used.",
            ),
        }
    }
}
