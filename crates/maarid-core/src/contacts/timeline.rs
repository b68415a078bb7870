//! One timeline of everything that happened with a contact, newest first: logged
//! interactions, purchases, merges and the contact's creation. Later modules
//! (inquiries, quotations, letters, tasks, documents) add their rows to `SOURCES`.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::Result;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct TimelineQuery {
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// What kind of record: "interaction", "purchase", "merge", "contact".
    pub source: String,
    pub id: String,
    /// UTC, RFC 3339.
    pub at: String,
    /// Interaction kind (call, visit, …), "created", "merged", "merge_undone", or the
    /// document type of a purchase.
    pub kind: String,
    pub direction: Option<String>,
    pub outcome: String,
    /// Interaction text, purchase description, or the names of merged contacts.
    pub body: String,
    pub by: Option<String>,
    pub by_name: Option<String>,
    /// Purchases: decimal amount as text, its currency and document number.
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    pub items: Vec<TimelineEntry>,
    pub next: Option<String>,
}

/// Each source selects: source, id, at, kind, direction, outcome, body, actor, amount,
/// currency, reference — for the contact `?1`. The first names the columns.
const SOURCES: &[&str] = &[
    "SELECT 'interaction' AS source, id, occurred_at AS at, kind, direction, outcome, body,
            created_by AS actor, NULL AS amount, NULL AS currency, NULL AS reference
       FROM interactions WHERE contact_id = ?1 AND deleted_at IS NULL",
    "SELECT 'purchase', id, purchased_at, doc_type, NULL, '', description, NULL, amount, currency, doc_number
       FROM contact_purchases WHERE contact_id = ?1 AND deleted_at IS NULL",
    "SELECT 'merge', id, COALESCE(undone_at, merged_at),
            CASE WHEN undone_at IS NULL THEN 'merged' ELSE 'merge_undone' END,
            NULL, '', merged_names, COALESCE(undone_by, merged_by), NULL, NULL, NULL
       FROM contact_merges WHERE survivor_id = ?1",
    "SELECT 'contact', id, created_at, 'created', NULL, '', '', created_by, NULL, NULL, NULL
       FROM contacts WHERE id = ?1",
];

pub(super) fn run(conn: &Connection, contact_id: &str, q: &TimelineQuery) -> Result<TimelinePage> {
    let limit = q.limit.unwrap_or(50).clamp(1, 200) as i64;
    // The cursor is the (time, id) of the last entry shown; ids break ties in time.
    let (after_at, after_id) = q
        .after
        .as_deref()
        .and_then(|a| a.split_once('|'))
        .map(|(a, i)| (a.to_string(), i.to_string()))
        .unwrap_or_else(|| ("\u{10FFFF}".to_string(), String::new()));
    let sql = format!(
        "SELECT t.*, u.full_name FROM ({}) AS t
         LEFT JOIN users u ON u.id = t.actor
         WHERE t.at < ?2 OR (t.at = ?2 AND t.id < ?3)
         ORDER BY t.at DESC, t.id DESC
         LIMIT ?4",
        SOURCES.join(" UNION ALL ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut items: Vec<TimelineEntry> = stmt
        .query_map(
            rusqlite::params![contact_id, after_at, after_id, limit + 1],
            |r| {
                Ok(TimelineEntry {
                    source: r.get(0)?,
                    id: r.get(1)?,
                    at: r.get(2)?,
                    kind: r.get(3)?,
                    direction: r.get(4)?,
                    outcome: r.get(5)?,
                    body: r.get(6)?,
                    by: r.get(7)?,
                    amount: r.get(8)?,
                    currency: r.get(9)?,
                    reference: r.get(10)?,
                    by_name: r.get(11)?,
                })
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let next = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(|e| format!("{}|{}", e.at, e.id))
    } else {
        None
    };
    Ok(TimelinePage { items, next })
}
