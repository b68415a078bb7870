//! `maarid-cli reminders …` and `maarid-cli due`: reminders and what falls due when.

use clap::{Args, Subcommand};
use maarid_core::alerts::{NotificationKind, RecordKind};
use maarid_core::reminders::{ReminderStatus, Repeat};

use super::{keyed, Keyed};

pub const REMINDERS_LONG: &str = "\
Reminders: \"call Ahmed back tomorrow at 10\", \"renew the showroom licence every year\".
A reminder has a title, an optional note, a due time, the user it is for, and may point
at a contact, an inquiry or a quotation. It can repeat: daily (every N days), weekly on
chosen days, monthly on a day of the month or on the last day, or yearly; until a date,
a number of times, or for ever.

Times are the showroom's local time (the notification time zone, see
`reminders settings`), written 2026-12-01T09:00 or \"2026-12-01 09:00\"; a time with an
offset (2026-12-01T09:00+03:00 or …Z) is taken as that instant. A repeating reminder
keeps its local time across daylight-saving changes; a monthly one on the 31st falls on
the last day of shorter months, a yearly one on 29 February on 28 February in common
years.

The desktop app shows a notification when a reminder falls due. Done and dismiss close
the occurrence in hand (a repeating reminder moves on to its next one); snooze shows it
again later. Reminders are named by their id (shown by `add` and `list`).

The command line is not a logged-in user, so `add` needs --for USER.

Examples:
  maarid-cli reminders add --for sara --title \"اتصل بأحمد\" --at \"2026-12-01 10:00\" --contact <ID>
  maarid-cli reminders add --for sara --title \"اجتماع المبيعات\" --at 2026-12-06T09:00 \\
      --repeat weekly --on sun,wed --until 2027-06-30
  maarid-cli reminders add --for admin --title \"تجديد الترخيص\" --at 2027-01-31T09:00 --repeat monthly --day last
  maarid-cli reminders list --for sara
  maarid-cli reminders snooze <ID> 1h
  maarid-cli reminders done <ID>
  maarid-cli reminders settings --time-zone Asia/Riyadh --lead quotation_expiry=3 --mute inquiry_follow_up";

pub const DUE_LONG: &str = "\
Show what would fire at a moment: reminders and expiry alerts (quotations about to
expire, inquiry follow-up dates) that are due then and not yet shown by the app, muted
kinds left out. Nothing is recorded, so the app still shows them.

--at is the showroom's local time (the notification time zone) unless it carries an
offset; without --at, now.

Examples:
  maarid-cli due --at 2026-12-01T09:00
  maarid-cli due --at 2026-12-01T06:00Z --for sara --json";

#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Add a reminder (one-off or repeating)
    #[command(long_about = ADD_LONG)]
    Add(ReminderAddArgs),
    /// List reminders, soonest first (active ones unless --status or --all)
    List(ReminderListArgs),
    /// Mark the occurrence in hand done (a repeating reminder moves on)
    Done {
        /// The reminder's id
        id: String,
    },
    /// Let the occurrence in hand go without doing it (a repeating reminder moves on)
    Dismiss {
        /// The reminder's id
        id: String,
    },
    /// Show the reminder again later
    #[command(long_about = SNOOZE_LONG)]
    Snooze {
        /// The reminder's id
        id: String,
        /// 10m, 1h, tomorrow (tomorrow morning at the settings' morning hour), or a time
        #[arg(value_name = "FOR")]
        how: String,
    },
    /// Delete a reminder (it no longer fires or lists)
    Delete {
        /// The reminder's id
        id: String,
    },
    /// Show or change the notification settings (time zone, morning hour, lead times, muting)
    #[command(long_about = SETTINGS_LONG)]
    Settings(NotificationSettingsArgs),
}

const ADD_LONG: &str = "\
Add a reminder. --title and --at are needed, and --for (the user it is for).

Repeating: --repeat daily|weekly|monthly|yearly, with --every N (every N days, weeks,
months or years; default 1). Weekly needs --on with the days (sun,mon,tue,wed,thu,fri,sat).
Monthly falls on the day of --at unless --day gives another (1–31, or last).
It ends never, on --until DATE (no occurrence after that day), or after --times N.

Examples:
  maarid-cli reminders add --for sara --title \"اتصل بأحمد\" --at \"2026-12-01 10:00\" --contact <ID>
  maarid-cli reminders add --for sara --title \"Stock count\" --at 2026-12-05T08:00 --repeat daily --every 3 --times 10";

const SNOOZE_LONG: &str = "\
Show the occurrence in hand again later: 10m (ten minutes), 1h (an hour), tomorrow
(tomorrow morning at the settings' morning hour), or a time such as 2026-12-01T15:00.
Later occurrences of a repeating reminder keep their times.

Examples:
  maarid-cli reminders snooze <ID> 10m
  maarid-cli reminders snooze <ID> tomorrow";

const SETTINGS_LONG: &str = "\
Show the notification settings, or change the ones given:
  --time-zone     the zone reminders are planned in (an IANA name such as Asia/Riyadh;
                  \"\" = the computer's zone)
  --morning-hour  the hour of \"tomorrow morning\" snoozes and of date alerts (0–23)
  --group-over    more missed notifications than this come as one group (1–100)
  --mute/--unmute a kind: reminder, quotation_expiry, inquiry_follow_up, task_due,
                  document_expiry
  --lead KIND=DAYS  how many days before its date an expiry alert warns

Example:
  maarid-cli reminders settings --time-zone Asia/Riyadh --morning-hour 8 --lead quotation_expiry=3";

#[derive(Debug, Args)]
pub struct ReminderAddArgs {
    /// What to do, e.g. "اتصل بأحمد"
    #[arg(long)]
    pub title: String,
    /// When (local time), e.g. 2026-12-01T09:00
    #[arg(long, value_name = "TIME")]
    pub at: String,
    /// More detail shown in the notification
    #[arg(long, default_value = "")]
    pub note: String,
    /// The user it is for (username or id)
    #[arg(long = "for", value_name = "USER")]
    pub assignee: Option<String>,
    /// Link to a contact (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub contact: Option<String>,
    /// Link to an inquiry (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub inquiry: Option<String>,
    /// Link to a quotation (id)
    #[arg(long, value_name = "ID", group = "link")]
    pub quotation: Option<String>,
    /// Repeat: none, daily, weekly, monthly, yearly
    #[arg(long, value_name = "HOW", value_parser = keyed(Repeat::ALL, Repeat::key, false))]
    pub repeat: Option<Keyed<Repeat>>,
    /// Every N days / weeks / months / years
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub every: u32,
    /// Weekly: the days, e.g. sun,wed
    #[arg(long, value_name = "DAYS", value_delimiter = ',')]
    pub on: Vec<String>,
    /// Monthly: day of the month (1–31) or last
    #[arg(long, value_name = "DAY")]
    pub day: Option<String>,
    /// No occurrence after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", conflicts_with = "times")]
    pub until: Option<String>,
    /// Stop after this many occurrences
    #[arg(long, value_name = "N")]
    pub times: Option<u32>,
}

#[derive(Debug, Args)]
pub struct ReminderListArgs {
    /// Only this user's reminders (username or id)
    #[arg(long = "for", value_name = "USER")]
    pub assignee: Option<String>,
    /// Only this status: active, done, dismissed
    #[arg(long, value_parser = keyed(ReminderStatus::ALL, ReminderStatus::key, false))]
    pub status: Option<Keyed<ReminderStatus>>,
    /// Every status
    #[arg(long, conflicts_with = "status")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct NotificationSettingsArgs {
    /// IANA time zone, e.g. Asia/Riyadh ("" = the computer's zone)
    #[arg(long, value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// Hour of "tomorrow morning" and of date alerts (0–23)
    #[arg(long, value_name = "HOUR")]
    pub morning_hour: Option<u32>,
    /// Group missed notifications when there are more than this many
    #[arg(long, value_name = "N")]
    pub group_over: Option<u32>,
    /// Mute a kind of notification
    #[arg(long, value_name = "KIND", value_parser = keyed(NotificationKind::ALL, NotificationKind::key, false))]
    pub mute: Vec<Keyed<NotificationKind>>,
    /// Unmute a kind of notification
    #[arg(long, value_name = "KIND", value_parser = keyed(NotificationKind::ALL, NotificationKind::key, false))]
    pub unmute: Vec<Keyed<NotificationKind>>,
    /// Lead time of an expiry alert, KIND=DAYS (e.g. quotation_expiry=3)
    #[arg(long, value_name = "KIND=DAYS")]
    pub lead: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// The moment (local time unless an offset is given); default now
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Only what is for this user (username or id)
    #[arg(long = "for", value_name = "USER")]
    pub user: Option<String>,
}

/// The record kind a link option names.
pub fn link_of(a: &ReminderAddArgs) -> Option<(RecordKind, &str)> {
    a.contact
        .as_deref()
        .map(|id| (RecordKind::Contact, id))
        .or(a.inquiry.as_deref().map(|id| (RecordKind::Inquiry, id)))
        .or(a.quotation.as_deref().map(|id| (RecordKind::Quotation, id)))
}
