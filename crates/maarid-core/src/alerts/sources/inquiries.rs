//! Inquiry follow-up dates: an inquiry still in progress reminds its salesperson on
//! (or, with a lead time, before) the day set for the next follow-up.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{dated_items, when, AlertItem, AlertSource, CONTACT_NAME};
use crate::alerts::{NotificationKind, RecordKind};
use crate::i18n::Text;
use crate::Result;

pub struct InquiryFollowUp;

impl AlertSource for InquiryFollowUp {
    fn kind(&self) -> NotificationKind {
        NotificationKind::InquiryFollowUp
    }

    /// Overdue follow-ups stay due (until delivered once): unlike an expiry, a missed
    /// follow-up still needs doing, so `from` is not applied.
    fn items(&self, conn: &Connection, _from: NaiveDate) -> Result<Vec<AlertItem>> {
        dated_items(
            conn,
            &format!(
                "SELECT i.id, i.follow_up_on, i.owner_id, i.number, {CONTACT_NAME}
                 FROM inquiries i JOIN contacts c ON c.id = i.contact_id
                 WHERE i.follow_up_on IS NOT NULL AND i.deleted_at IS NULL
                   AND i.status NOT IN ('won', 'lost', 'cancelled')"
            ),
            [],
            RecordKind::Inquiry,
        )
    }

    fn text(&self, item: &AlertItem, today: NaiveDate) -> (Text<String>, Text<String>) {
        let title = Text::new(
            format!("متابعة الاستفسار {}", item.subject),
            format!("Follow up inquiry {}", item.subject),
        );
        let body = if item.event_on < today {
            Text::new(
                format!("كانت المتابعة مقررة في {} ولم تُسجّل بعد.", item.event_on),
                format!(
                    "The follow-up was due on {} and is not logged yet.",
                    item.event_on
                ),
            )
        } else {
            let w = when(item.event_on, today);
            Text::new(
                format!("موعد المتابعة {}.", w.ar),
                format!("The follow-up is due {}.", w.en),
            )
        };
        (title, body)
    }
}
