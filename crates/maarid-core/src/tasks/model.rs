//! Task records as they cross the boundary to the UI, the CLI and `--json`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::alerts::RecordRef;
use crate::i18n::Text;
use crate::keyed::keyed_enum;

keyed_enum!(
    /// Lists sort the most pressing first.
    #[derive(Default)]
    Priority {
        Low = "low",
        #[default]
        Normal = "normal",
        High = "high",
        Urgent = "urgent",
    }
);

impl Priority {
    pub fn name(self) -> Text {
        match self {
            Priority::Low => Text::new("منخفضة", "Low"),
            Priority::Normal => Text::new("عادية", "Normal"),
            Priority::High => Text::new("عالية", "High"),
            Priority::Urgent => Text::new("عاجلة", "Urgent"),
        }
    }
}

keyed_enum!(
    /// To do and in progress are open; done and cancelled are closed (and can be
    /// reopened to "to do").
    TaskStatus {
        ToDo = "to_do",
        InProgress = "in_progress",
        Done = "done",
        Cancelled = "cancelled",
    }
);

impl TaskStatus {
    pub fn is_open(self) -> bool {
        matches!(self, TaskStatus::ToDo | TaskStatus::InProgress)
    }

    pub fn name(self) -> Text {
        match self {
            TaskStatus::ToDo => Text::new("للتنفيذ", "To do"),
            TaskStatus::InProgress => Text::new("قيد التنفيذ", "In progress"),
            TaskStatus::Done => Text::new("منجزة", "Done"),
            TaskStatus::Cancelled => Text::new("ملغاة", "Cancelled"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// User ids or usernames; empty = the user creating it.
    #[serde(default)]
    pub assignees: Vec<String>,
    /// A contact, an inquiry or a quotation.
    #[serde(default)]
    pub link: Option<RecordRef>,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub estimate_minutes: Option<u32>,
    /// Local date; the task-due alert fires on its morning (lead days before).
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// Optional local time on `due_on`, shown and sorted on; alerts stay by the day.
    #[serde(default)]
    pub due_time: Option<NaiveTime>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignee {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub description: String,
    pub link: Option<RecordRef>,
    /// What the linked record is called: the contact's name, the document's number.
    pub link_label: Option<String>,
    pub priority: Priority,
    pub estimate_minutes: Option<u32>,
    pub due_on: Option<NaiveDate>,
    pub due_time: Option<NaiveTime>,
    pub status: TaskStatus,
    pub status_changed_at: String,
    pub status_changed_by: Option<String>,
    pub assignees: Vec<Assignee>,
    pub attachments: u32,
    pub created_by: Option<String>,
    pub created_by_name: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl Task {
    pub fn is_assigned_to(&self, user_id: &str) -> bool {
        self.assignees.iter().any(|a| a.id == user_id)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TaskQuery {
    /// "My tasks": only those assigned to the acting user.
    #[serde(default)]
    pub mine: bool,
    /// Only those assigned to this user (id or username).
    #[serde(default)]
    pub assignee: Option<String>,
    /// These statuses; empty = the open ones (to do, in progress).
    #[serde(default)]
    pub statuses: Vec<TaskStatus>,
    #[serde(default)]
    pub all_statuses: bool,
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Due on or after / on or before (tasks without a due date are then left out).
    #[serde(default)]
    pub due_from: Option<NaiveDate>,
    #[serde(default)]
    pub due_to: Option<NaiveDate>,
    #[serde(default)]
    pub link: Option<RecordRef>,
    /// Page size (default 100, at most 1000) and how many to skip.
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: Option<u32>,
}

/// One status a task took: its creation (`from` none) or a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskEvent {
    pub at: String,
    pub by: Option<String>,
    pub by_name: Option<String>,
    pub from: Option<TaskStatus>,
    pub to: TaskStatus,
}

/// A file kept with a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    pub id: String,
    pub task_id: String,
    pub file_name: String,
    pub size: u64,
    pub sha256: String,
    pub added_by: Option<String>,
    pub added_at: String,
}
