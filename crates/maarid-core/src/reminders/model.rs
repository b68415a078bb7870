//! Reminder records as they cross the boundary to the UI, the CLI and `--json`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::recurrence::Recurrence;
use crate::alerts::RecordRef;
use crate::keyed::keyed_enum;

keyed_enum!(
    /// Active until done or dismissed (a series: after its last occurrence).
    ReminderStatus {
        Active = "active",
        Done = "done",
        Dismissed = "dismissed",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReminderInput {
    pub title: String,
    #[serde(default)]
    pub note: String,
    /// The (first) due time, local wall clock in the notification time zone.
    pub due: NaiveDateTime,
    #[serde(default)]
    pub link: Option<RecordRef>,
    /// User id or username; none = the user creating it.
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub recurrence: Recurrence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    pub id: String,
    pub title: String,
    pub note: String,
    /// The first occurrence as typed (local wall clock).
    pub due: NaiveDateTime,
    pub link: Option<RecordRef>,
    pub assignee_id: String,
    pub assignee_name: String,
    pub recurrence: Recurrence,
    pub status: ReminderStatus,
    /// The pending occurrence: its number in the series (0 = first), wall clock and
    /// instant.
    pub next_index: u32,
    pub next_local: NaiveDateTime,
    pub next_at: DateTime<Utc>,
    pub snoozed_until: Option<DateTime<Utc>>,
    /// When it next fires: the snooze, else the pending occurrence.
    pub fires_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// How long to snooze.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "until")]
pub enum Snooze {
    TenMinutes,
    OneHour,
    /// Tomorrow (local) at the settings' morning hour.
    TomorrowMorning,
    Until(DateTime<Utc>),
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ReminderQuery {
    /// Only this user's (id or username); the user's own when their right is "own".
    #[serde(default)]
    pub assignee: Option<String>,
    /// Default: active only.
    #[serde(default)]
    pub status: Option<ReminderStatus>,
    #[serde(default)]
    pub all_statuses: bool,
    /// Only those firing before this instant.
    #[serde(default)]
    pub before: Option<DateTime<Utc>>,
    #[serde(default)]
    pub link: Option<RecordRef>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// What became of one occurrence (done or dismissed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccurrenceOutcome {
    pub occurrence_at: DateTime<Utc>,
    pub outcome: String,
    pub at: String,
}

pub(super) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
