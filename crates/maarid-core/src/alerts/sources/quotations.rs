//! Quotation validity: a draft or sent quotation warns its owner before it expires.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{date, when, AlertItem, AlertSource, CONTACT_NAME};
use crate::alerts::{NotificationKind, RecordKind, RecordRef};
use crate::i18n::Text;
use crate::Result;

pub struct QuotationExpiry;

impl AlertSource for QuotationExpiry {
    fn kind(&self) -> NotificationKind {
        NotificationKind::QuotationExpiry
    }

    fn items(&self, conn: &Connection, from: NaiveDate) -> Result<Vec<AlertItem>> {
        // Same condition as the quotes_expiry index; past dates are the daily
        // expiry's business, not an alert's.
        let mut stmt = conn.prepare(&format!(
            "SELECT q.id, q.valid_until, q.owner_id, q.number, {CONTACT_NAME}
             FROM quotes q JOIN contacts c ON c.id = q.contact_id
             WHERE q.status IN ('draft', 'sent') AND q.deleted_at IS NULL AND q.valid_until >= ?1"
        ))?;
        let rows = stmt.query_map([from.format("%Y-%m-%d").to_string()], |r| {
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
            let (id, valid, owner, number, name) = row?;
            let Some(event_on) = date(&valid) else {
                continue;
            };
            out.push(AlertItem {
                open: RecordRef {
                    kind: RecordKind::Quotation,
                    id: id.clone(),
                },
                source_id: id,
                event_on,
                recipient_id: owner,
                subject: subject(&number, name.as_deref()),
            });
        }
        Ok(out)
    }

    fn text(&self, item: &AlertItem, today: NaiveDate) -> (Text<String>, Text<String>) {
        let w = when(item.event_on, today);
        (
            Text::new(
                format!("عرض السعر {} ينتهي {}", item.subject, w.ar),
                format!("Quotation {} expires {}", item.subject, w.en),
            ),
            Text::new(
                format!("صالح حتى {}. تابع مع العميل قبل انتهائه.", item.event_on),
                format!(
                    "Valid until {}. Follow up with the customer before it expires.",
                    item.event_on
                ),
            ),
        )
    }
}

pub(super) fn subject(number: &str, contact: Option<&str>) -> String {
    match contact.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("{number} — {n}"),
        None => number.to_string(),
    }
}
