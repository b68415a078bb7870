//! The delivery log: each occurrence is handed to the user once, whatever restarts
//! or second processes happen (the table's primary key decides, not the caller).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::{NotificationKind, Occurrence};
use crate::db::Db;
use crate::ids::stamp;
use crate::{reminders, Result};

pub(super) fn is_delivered(conn: &Connection, o: &Occurrence) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM notification_deliveries
            WHERE source_kind = ?1 AND source_id = ?2 AND occurrence_at = ?3)",
        params![o.kind.key(), o.source_id, stamp(o.occurrence_at)],
        |r| r.get(0),
    )?)
}

/// Records the occurrences as delivered at `now` and returns those that were not
/// delivered before — the only ones to show. Safe to call from two processes at
/// once: each occurrence is returned to exactly one of them.
pub fn deliver(db: &Db, occurrences: &[Occurrence], now: DateTime<Utc>) -> Result<Vec<Occurrence>> {
    db.write(|tx| {
        let mut fresh = Vec::new();
        let mut insert = tx.prepare(
            "INSERT INTO notification_deliveries
                (source_kind, source_id, occurrence_at, recipient_id, delivered_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (source_kind, source_id, occurrence_at) DO NOTHING",
        )?;
        for o in occurrences {
            let n = insert.execute(params![
                o.kind.key(),
                o.source_id,
                stamp(o.occurrence_at),
                o.recipient_id,
                stamp(now)
            ])?;
            if n == 1 {
                if o.kind == NotificationKind::Reminder {
                    reminders::settle_delivered(tx, &o.source_id, now)?;
                }
                fresh.push(o.clone());
            }
        }
        Ok(fresh)
    })
}

/// How many occurrences were delivered (for tests and diagnostics).
pub fn delivered(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) FROM notification_deliveries", [], |r| {
            r.get(0)
        })?,
    )
}
