//! Reports built from what people logged: for now the daily employee report.

pub mod daily;
mod daily_pdf;
mod daily_xlsx;

pub use daily::{daily, Activity, ActivityKind, DailyReport, DayCounts, UserDay};
pub use daily_pdf::daily_pdf;
pub use daily_xlsx::daily_xlsx;
