//! `report daily`: the daily employee report on screen, as JSON, or written to a file.

use std::path::PathBuf;

use clap::{Args, Subcommand};

pub const REPORT_LONG: &str = "\
Reports from what people logged. `report daily` shows, for each person and day, the
calls, visits and messages they logged, the inquiries they created and the quotations
they sent and that were accepted — counted, and listed in time order. The day is the
showroom's local day (the notification time zone, see `reminders settings`).

Examples:
  maarid-cli report daily --date 2026-12-01
  maarid-cli report daily --user sara --date 2026-12-01 --out sara-2026-12-01.pdf
  maarid-cli report daily --date 2026-12-01 --out team.xlsx --lang en";

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// What each person did on a day: counts and the list, on screen or to .pdf/.xlsx/.csv
    Daily(DailyArgs),
}

#[derive(Debug, Args)]
pub struct DailyArgs {
    /// The day, YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Only this person (username or id); default: everyone
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Write the report to this file: .pdf (printable), .xlsx (summary and activities
    /// sheets) or .csv (the activities)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace --out if it exists
    #[arg(long, requires = "out")]
    pub force: bool,
}
