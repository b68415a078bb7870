//! Expiry alerts computed from the data: one source per kind of date. A source lists
//! the live records still waiting on their date; the schedule turns each into an
//! occurrence at the morning hour, its lead time before the date.

mod inquiries;
mod quotations;
mod tasks;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{NotificationKind, RecordKind, RecordRef};
use crate::i18n::Text;
use crate::Result;

/// A record an alert is about.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertItem {
    pub source_id: String,
    /// The date the alert is about (valid until, follow up on, expires on…).
    pub event_on: NaiveDate,
    pub recipient_id: Option<String>,
    /// What the record is called: its number and contact.
    pub subject: String,
    pub open: RecordRef,
}

/// One kind of date alert. The document center and tasks add one each.
pub trait AlertSource {
    fn kind(&self) -> NotificationKind;

    /// The live records still waiting on their date, whose date is `from` or later
    /// (older ones are past saying anything useful about, or handled elsewhere).
    fn items(&self, conn: &Connection, from: NaiveDate) -> Result<Vec<AlertItem>>;

    /// Title and body of the alert, both languages; `today` is the local date.
    fn text(&self, item: &AlertItem, today: NaiveDate) -> (Text<String>, Text<String>);
}

/// Every source the app knows.
pub fn all() -> Vec<Box<dyn AlertSource>> {
    vec![
        Box::new(quotations::QuotationExpiry),
        Box::new(inquiries::InquiryFollowUp),
        Box::new(tasks::TaskDue),
    ]
}

/// A contact's display name in SQL (`c` is the contacts table).
pub(super) const CONTACT_NAME: &str =
    "COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name)";

pub(super) fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// "today", "tomorrow" or the date, in both languages.
pub(super) fn when(day: NaiveDate, today: NaiveDate) -> Text<String> {
    match (day - today).num_days() {
        0 => Text::new("اليوم".into(), "today".into()),
        1 => Text::new("غدًا".into(), "tomorrow".into()),
        _ => Text::new(format!("في {day}"), format!("on {day}")),
    }
}

/// Runs `sql`, which selects (id, date, recipient, number, contact name), into items
/// about records of `kind`; a row whose date does not read as one is left out.
pub(super) fn dated_items(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    kind: RecordKind,
) -> Result<Vec<AlertItem>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, on, recipient_id, number, name) = row?;
        let Some(event_on) = date(&on) else {
            continue;
        };
        out.push(AlertItem {
            open: RecordRef {
                kind,
                id: id.clone(),
            },
            source_id: id,
            event_on,
            recipient_id,
            subject: subject(&number, name.as_deref()),
        });
    }
    Ok(out)
}

/// "Q-2026-0007 — أحمد": the record's number and its contact's name.
fn subject(number: &str, contact: Option<&str>) -> String {
    match contact.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("{number} — {n}"),
        None => number.to_string(),
    }
}
