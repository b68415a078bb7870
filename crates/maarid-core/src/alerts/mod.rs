//! Notifications: what falls due and when (reminders and expiry alerts alike), the
//! record of what was delivered, and the text the user sees.
//!
//! Everything here is a pure function of the database and an explicit `now`: the
//! desktop shell owns the clock. It sleeps until [`next_due`], asks [`due_at`] what
//! fell due, records it with [`deliver`] (which returns only what no one delivered
//! before, so a restart or a second process never shows an occurrence twice), turns
//! that into [`Notification`]s with [`compose`] and hands them to the OS ([`take_due`]
//! does those three steps for one user in one call). After any
//! change to reminders, records or settings it asks [`next_due`] again (re-planning).
//!
//! # Sources
//! Reminders are one source; expiry alerts are computed from the data by one
//! [`AlertSource`] per kind (quotation validity, inquiry follow-up dates, task due
//! dates). Document expiry (national ID, licence, insurance, registration, warranty)
//! comes with the document center: it adds a module in `sources/` and an entry in
//! [`sources::all`]; its kind already exists so it can be muted.
//! Customer birthdays: contacts have no birth date yet, so there is no such source;
//! once a birth-date field exists it is one more source (yearly, on the day).

mod delivery;
mod notification;
mod schedule;
pub mod settings;
pub mod sources;
mod take;
pub mod zone;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::i18n::Text;
use crate::keyed::keyed_enum;

pub use delivery::{deliver, delivered};
pub use notification::{compose, Notification};
pub use schedule::{due_at, next_due, next_due_for};
pub use settings::{KindSetting, NotificationSettings};
pub use sources::{AlertItem, AlertSource};
pub use take::take_due;

keyed_enum!(
    /// A kind of notification; each can be muted in the settings.
    NotificationKind {
        Reminder = "reminder",
        QuotationExpiry = "quotation_expiry",
        InquiryFollowUp = "inquiry_follow_up",
        /// Open tasks on (or lead days before) their due date, to each assignee.
        TaskDue = "task_due",
        /// The document center arrives later.
        DocumentExpiry = "document_expiry",
    }
);

impl NotificationKind {
    pub fn default_lead_days(self) -> u32 {
        match self {
            NotificationKind::QuotationExpiry => 2,
            NotificationKind::DocumentExpiry => 30,
            _ => 0,
        }
    }

    pub fn name(self) -> Text {
        match self {
            NotificationKind::Reminder => Text::new("التذكيرات", "Reminders"),
            NotificationKind::QuotationExpiry => {
                Text::new("انتهاء صلاحية عروض الأسعار", "Quotation validity")
            }
            NotificationKind::InquiryFollowUp => {
                Text::new("مواعيد متابعة الاستفسارات", "Inquiry follow-ups")
            }
            NotificationKind::TaskDue => Text::new("مواعيد المهام", "Task due dates"),
            NotificationKind::DocumentExpiry => {
                Text::new("انتهاء المستندات والعقود", "Document and contract expiry")
            }
        }
    }
}

keyed_enum!(
    /// A kind of record a reminder links to, or a notification opens.
    RecordKind {
        Contact = "contact",
        Inquiry = "inquiry",
        Quotation = "quotation",
        Task = "task",
        Document = "document",
        Reminder = "reminder",
    }
);

impl RecordKind {
    /// The table holding this kind (none yet for documents).
    pub fn table(self) -> Option<&'static str> {
        match self {
            RecordKind::Contact => Some("contacts"),
            RecordKind::Inquiry => Some("inquiries"),
            RecordKind::Quotation => Some("quotes"),
            RecordKind::Reminder => Some("reminders"),
            RecordKind::Task => Some("tasks"),
            RecordKind::Document => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: String,
}

/// One thing that falls due: an occurrence of a reminder, or an alert about a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    pub kind: NotificationKind,
    /// The reminder's id, or the record's the alert is about.
    pub source_id: String,
    /// Identifies the occurrence for delivery: a reminder's planned (or snoozed-to)
    /// instant; an alert's date at the morning hour (so changing the lead time does not
    /// alert twice about the same date, while a new date alerts again).
    pub occurrence_at: DateTime<Utc>,
    /// When it fires (an alert fires its lead time before `occurrence_at`).
    pub fire_at: DateTime<Utc>,
    /// Whose it is (assignee or owner); none = anyone's.
    pub recipient_id: Option<String>,
    pub title: Text<String>,
    pub body: Text<String>,
    /// The date an alert is about.
    pub event_on: Option<NaiveDate>,
    /// What clicking it opens.
    pub open: Option<RecordRef>,
}

impl Occurrence {
    /// For the user `user_id` (items without a recipient are for everyone).
    pub fn is_for(&self, user_id: &str) -> bool {
        self.recipient_id.as_deref().is_none_or(|r| r == user_id)
    }
}
