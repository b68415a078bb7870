//! Quotation validity: a draft or sent quotation warns its owner before it expires.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{dated_items, when, AlertItem, AlertSource, CONTACT_NAME};
use crate::alerts::{NotificationKind, RecordKind};
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
        dated_items(
            conn,
            &format!(
                "SELECT q.id, q.valid_until, q.owner_id, q.number, {CONTACT_NAME}
                 FROM quotes q JOIN contacts c ON c.id = q.contact_id
                 WHERE q.status IN ('draft', 'sent') AND q.deleted_at IS NULL
                   AND q.valid_until >= ?1"
            ),
            [from.format("%Y-%m-%d").to_string()],
            RecordKind::Quotation,
        )
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
