//! What reminders and notification settings refuse, in both languages. Every refusal
//! happens before anything is written.

use chrono::NaiveDate;

use crate::i18n::Text;

#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error("a reminder needs a title")]
    TitleRequired,
    #[error("title too long")]
    TitleTooLong,
    #[error("note too long")]
    NoteTooLong,
    #[error("weekly rule without a weekday")]
    NoWeekday,
    #[error("repeat interval out of range")]
    EveryOutOfRange,
    #[error("day of month out of range")]
    MonthDayOutOfRange,
    #[error("occurrence count out of range")]
    CountOutOfRange,
    #[error("the series ends ({until}) before it starts ({first})")]
    EndBeforeStart { until: NaiveDate, first: NaiveDate },
    #[error("unknown time zone {0}")]
    UnknownTimeZone(String),
    /// Tasks and documents arrive later; reminders cannot point at them yet.
    #[error("cannot link a reminder to a {0} yet")]
    LinkNotAvailable(&'static str),
    /// From the command line nobody is logged in, so the assignee must be named.
    #[error("no assignee")]
    NoAssignee,
    #[error("the reminder is no longer active")]
    NotActive,
    #[error("snooze time is not in the future")]
    SnoozeInPast,
    #[error("hour out of range")]
    HourOutOfRange,
    #[error("lead time out of range")]
    LeadOutOfRange,
    #[error("group size out of range")]
    GroupOutOfRange,
}

impl ReminderError {
    pub fn code(&self) -> &'static str {
        match self {
            ReminderError::NotActive => "reminder_not_active",
            ReminderError::UnknownTimeZone(_) => "unknown_time_zone",
            ReminderError::EndBeforeStart { .. } => "end_before_start",
            ReminderError::NoWeekday => "no_weekday",
            ReminderError::LinkNotAvailable(_) => "link_not_available",
            _ => "invalid_input",
        }
    }

    /// The input field to correct.
    pub fn field(&self) -> &'static str {
        match self {
            ReminderError::TitleRequired | ReminderError::TitleTooLong => "title",
            ReminderError::NoteTooLong => "note",
            ReminderError::NoWeekday => "weekdays",
            ReminderError::EveryOutOfRange => "every",
            ReminderError::MonthDayOutOfRange => "month_day",
            ReminderError::CountOutOfRange | ReminderError::EndBeforeStart { .. } => "ends",
            ReminderError::UnknownTimeZone(_) => "time_zone",
            ReminderError::LinkNotAvailable(_) => "link",
            ReminderError::NoAssignee => "assignee",
            ReminderError::NotActive => "status",
            ReminderError::SnoozeInPast => "snooze",
            ReminderError::HourOutOfRange => "morning_hour",
            ReminderError::LeadOutOfRange => "lead_days",
            ReminderError::GroupOutOfRange => "group_over",
        }
    }

    /// Exit status for the command line: 3 for bad input, 9 for a state that forbids it.
    pub fn exit_code(&self) -> i32 {
        match self {
            ReminderError::NotActive => 9,
            _ => 3,
        }
    }

    pub fn text(&self) -> Text<String> {
        let s = |ar: &str, en: &str| Text::new(ar.to_string(), en.to_string());
        match self {
            ReminderError::TitleRequired => s("اكتب عنوانًا للتذكير.", "Give the reminder a title."),
            ReminderError::TitleTooLong => s(
                "عنوان التذكير أطول من 200 حرف.",
                "The reminder's title is longer than 200 characters.",
            ),
            ReminderError::NoteTooLong => s(
                "ملاحظة التذكير أطول من 5000 حرف.",
                "The reminder's note is longer than 5,000 characters.",
            ),
            ReminderError::NoWeekday => s(
                "التكرار الأسبوعي يحتاج إلى يوم واحد من أيام الأسبوع على الأقل.",
                "A weekly repeat needs at least one day of the week.",
            ),
            ReminderError::EveryOutOfRange => s(
                "فترة التكرار يجب أن تكون بين 1 و999.",
                "The repeat interval must be between 1 and 999.",
            ),
            ReminderError::MonthDayOutOfRange => s(
                "يوم الشهر يجب أن يكون بين 1 و31، أو «آخر يوم».",
                "The day of the month must be between 1 and 31, or “last”.",
            ),
            ReminderError::CountOutOfRange => s(
                "عدد المرات يجب أن يكون بين 1 و10000.",
                "The number of occurrences must be between 1 and 10,000.",
            ),
            ReminderError::EndBeforeStart { until, first } => Text::new(
                format!("تاريخ انتهاء التكرار {until} يسبق أول موعد {first}."),
                format!("The repeat ends on {until}, before its first occurrence on {first}."),
            ),
            ReminderError::UnknownTimeZone(z) => Text::new(
                format!("المنطقة الزمنية «{z}» غير معروفة. اكتب اسمًا مثل Asia/Riyadh أو Europe/Berlin."),
                format!("“{z}” is not a known time zone. Use a name such as Asia/Riyadh or Europe/Berlin."),
            ),
            ReminderError::LinkNotAvailable(kind) => {
                let d = crate::i18n::doc_type_name(kind);
                Text::new(
                    format!("لا يمكن ربط التذكير بـ«{}» بعد.", d.ar),
                    format!("A reminder cannot be linked to a {} yet.", d.en.to_lowercase()),
                )
            }
            ReminderError::NoAssignee => s(
                "حدد المستخدم الذي يصله التذكير.",
                "Name the user the reminder is for.",
            ),
            ReminderError::NotActive => s(
                "هذا التذكير منتهٍ (تم أو تجاهلته)؛ عدّل موعده لإعادة تفعيله.",
                "This reminder is finished (done or dismissed); change its time to make it active again.",
            ),
            ReminderError::SnoozeInPast => s(
                "وقت التأجيل يجب أن يكون في المستقبل.",
                "The snooze time must be in the future.",
            ),
            ReminderError::HourOutOfRange => s(
                "الساعة يجب أن تكون بين 0 و23.",
                "The hour must be between 0 and 23.",
            ),
            ReminderError::LeadOutOfRange => s(
                "مدة التنبيه المسبق يجب أن تكون بين 0 و365 يومًا.",
                "The lead time must be between 0 and 365 days.",
            ),
            ReminderError::GroupOutOfRange => s(
                "حد تجميع الإشعارات يجب أن يكون بين 1 و100.",
                "The grouping threshold must be between 1 and 100.",
            ),
        }
    }
}
