//! The sales housekeeping the desktop app runs at start-up and then once a day, as the
//! system: quotations past their valid-till date expire, and inquiries left unanswered
//! longer than the CRM setting allows close.

use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use crate::db::Db;
use crate::{inquiries, quotes, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Housekeeping {
    pub quotes_expired: usize,
    pub inquiries_closed: usize,
}

/// Runs both jobs as of `now` (quotations expire by the local calendar day).
pub fn run(db: &Db, now: DateTime<Utc>) -> Result<Housekeeping> {
    Ok(Housekeeping {
        quotes_expired: quotes::expire_due(db, now.with_timezone(&Local).date_naive())?,
        inquiries_closed: inquiries::close_unanswered(db, now)?,
    })
}
