//! `maarid-cli tasks …`: team tasks.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use maarid_core::alerts::RecordKind;
use maarid_core::tasks::{Priority, TaskStatus};

use super::{keyed, Keyed};

pub const TASKS_LONG: &str = "\
Team tasks: \"prepare the Camry for delivery by Thursday\", \"collect the signed contract\".
A task has a title, an optional description, one or more users it is assigned to, a
priority (low, normal, high, urgent), an optional estimate of the time it takes, an
optional due date (a day, optionally with a time), and may point at a contact, an
inquiry or a quotation. Files can be attached: they are copied into the data folder
(tasks/attachments beside the database), at most 25 MB each.

A task is to do, in progress, done or cancelled; `start`, `done`, `cancel` and `reopen`
change that, and every change is kept with who made it and when (`show` lists them).
The desktop app notifies each assignee on the morning of the due day (or earlier: see
the task_due lead time in `reminders settings`), until the task is done or cancelled.

Tasks are named by their id (shown by `add` and `list`). Lists show open tasks (to do
and in progress) unless --status or --all, soonest due first, then the most urgent.

The command line is not a logged-in user, so `add` needs --for USER; it sees every task.

Examples:
  maarid-cli tasks add --title \"تجهيز السيارة للتسليم\" --for sara --for omar \\
      --due \"2026-12-03 14:30\" --priority high --estimate 1h30m --contact <ID>
  maarid-cli tasks list --for sara
  maarid-cli tasks list --all --due-from 2026-12-01 --due-to 2026-12-31 --json
  maarid-cli tasks start <ID> ; maarid-cli tasks done <ID>
  maarid-cli tasks assign <ID> mona
  maarid-cli tasks attach <ID> ~/contract.pdf";

#[derive(Debug, Subcommand)]
pub enum TasksCommand {
    /// Add a task
    #[command(long_about = ADD_LONG)]
    Add(TaskAddArgs),
    /// List tasks, soonest due first (open ones unless --status or --all)
    List(TaskListArgs),
    /// Show one task with its history and attached files
    Show {
        /// The task's id
        id: String,
    },
    /// Mark the task in progress
    Start {
        /// The task's id
        id: String,
    },
    /// Mark the task done
    Done {
        /// The task's id
        id: String,
    },
    /// Cancel the task (it is kept, and can be reopened)
    Cancel {
        /// The task's id
        id: String,
    },
    /// Put a done or cancelled task back to "to do"
    Reopen {
        /// The task's id
        id: String,
    },
    /// Give the task to other users (replaces who it is assigned to)
    Assign {
        /// The task's id
        id: String,
        /// Usernames or ids, one or more
        #[arg(required = true, value_name = "USER")]
        users: Vec<String>,
    },
    /// Attach a copy of a file (at most 25 MB)
    Attach {
        /// The task's id
        id: String,
        /// The file to copy in
        file: PathBuf,
    },
    /// Delete a task (it no longer lists or notifies)
    Delete {
        /// The task's id
        id: String,
    },
}

const ADD_LONG: &str = "\
Add a task. --title and --for (who does it; repeat --for, or separate names with
commas, for several people) are needed.

--due takes a day (2026-12-03) or a day and a local time (\"2026-12-03 14:30\").
--estimate takes minutes (90) or hours and minutes (1h30m, 2h, 45m).
--attach copies a file in with the task (repeat it for several files).

Examples:
  maarid-cli tasks add --title \"اتصل بالعميل\" --for sara --due 2026-12-03
  maarid-cli tasks add --title \"Prepare delivery\" --for sara,omar --priority urgent \\
      --estimate 2h --quotation <ID> --attach checklist.pdf";

#[derive(Debug, Args)]
pub struct TaskAddArgs {
    /// What to do, e.g. "تجهيز السيارة للتسليم"
    #[arg(long)]
    pub title: String,
    /// More detail
    #[arg(long, default_value = "")]
    pub description: String,
    /// Who does it (username or id); repeat or separate with commas for several
    #[arg(long = "for", value_name = "USER", value_delimiter = ',')]
    pub assignees: Vec<String>,
    /// low, normal (the default), high or urgent
    #[arg(long, value_name = "LEVEL", value_parser = keyed(Priority::ALL, Priority::key, false))]
    pub priority: Option<Keyed<Priority>>,
    /// How long it should take: minutes (90) or 1h30m
    #[arg(long, value_name = "TIME")]
    pub estimate: Option<String>,
    /// Due day, optionally with a local time: 2026-12-03 or "2026-12-03 14:30"
    #[arg(long, value_name = "DAY")]
    pub due: Option<String>,
    /// Link to a contact (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub contact: Option<String>,
    /// Link to an inquiry (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub inquiry: Option<String>,
    /// Link to a quotation (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub quotation: Option<String>,
    /// A file to attach (repeat for several)
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
}

impl TaskAddArgs {
    /// The record kind a link option names.
    pub fn link(&self) -> Option<(RecordKind, &str)> {
        self.contact
            .as_deref()
            .map(|id| (RecordKind::Contact, id))
            .or(self.inquiry.as_deref().map(|id| (RecordKind::Inquiry, id)))
            .or(self
                .quotation
                .as_deref()
                .map(|id| (RecordKind::Quotation, id)))
    }
}

#[derive(Debug, Args)]
pub struct TaskListArgs {
    /// Only tasks assigned to this user (username or id)
    #[arg(long = "for", value_name = "USER")]
    pub assignee: Option<String>,
    /// Only these statuses: to_do, in_progress, done, cancelled (comma-separated)
    #[arg(long, value_delimiter = ',', value_parser = keyed(TaskStatus::ALL, TaskStatus::key, false))]
    pub status: Vec<Keyed<TaskStatus>>,
    /// Every status
    #[arg(long, conflicts_with = "status")]
    pub all: bool,
    /// Only this priority: low, normal, high, urgent
    #[arg(long, value_name = "LEVEL", value_parser = keyed(Priority::ALL, Priority::key, false))]
    pub priority: Option<Keyed<Priority>>,
    /// Due on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DAY")]
    pub due_from: Option<String>,
    /// Due on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DAY")]
    pub due_to: Option<String>,
    /// Only tasks linked to this contact (id)
    #[arg(long, value_name = "ID")]
    pub contact: Option<String>,
    /// At most this many (default 100)
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Skip this many first (for the next page)
    #[arg(long, value_name = "N")]
    pub offset: Option<u32>,
}
