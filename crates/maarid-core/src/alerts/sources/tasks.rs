//! Task due dates: an open task reminds each of its assignees on the morning of its
//! due day (lead days before). One alert per assignee: the delivery log is keyed by
//! source id, so the item's id is "<task id>/<user id>".

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{date, when, AlertItem, AlertSource};
use crate::alerts::{NotificationKind, RecordKind, RecordRef};
use crate::i18n::Text;
use crate::Result;

pub struct TaskDue;

impl AlertSource for TaskDue {
    fn kind(&self) -> NotificationKind {
        NotificationKind::TaskDue
    }

    /// Overdue open tasks stay due (until delivered once), like follow-ups: the work
    /// still needs doing, so `from` is not applied.
    fn items(&self, conn: &Connection, _from: NaiveDate) -> Result<Vec<AlertItem>> {
        let mut stmt = conn.prepare(
            "SELECT t.id, t.due_on, t.due_time, t.title, a.user_id
             FROM tasks t JOIN task_assignees a ON a.task_id = t.id
             WHERE t.due_on IS NOT NULL AND t.deleted_at IS NULL
               AND t.status IN ('to_do', 'in_progress')",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, on, at, title, user) = row?;
            let Some(event_on) = date(&on) else {
                continue;
            };
            // A due time is part of what the user reads: "Prepare the car (14:30)".
            let subject = match at {
                Some(t) => format!("{title} ({t})"),
                None => title,
            };
            out.push(AlertItem {
                source_id: format!("{id}/{user}"),
                event_on,
                recipient_id: Some(user),
                subject,
                open: RecordRef {
                    kind: RecordKind::Task,
                    id,
                },
            });
        }
        Ok(out)
    }

    fn text(&self, item: &AlertItem, today: NaiveDate) -> (Text<String>, Text<String>) {
        let title = &item.subject;
        let heading = Text::new(format!("مهمة: {title}"), format!("Task: {title}"));
        let body = if item.event_on < today {
            Text::new(
                format!("كان موعد إنجازها {} ولم تُنجز بعد.", item.event_on),
                format!("It was due on {} and is not done yet.", item.event_on),
            )
        } else {
            let w = when(item.event_on, today);
            Text::new(format!("موعد الإنجاز {}.", w.ar), format!("Due {}.", w.en))
        };
        (heading, body)
    }
}
