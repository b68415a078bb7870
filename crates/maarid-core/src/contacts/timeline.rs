//! One timeline of everything that happened with a contact, newest first: logged
//! interactions, purchases, merges, what happened to the contact's inquiries,
//! quotations, delivery notes and invoices (`sales_events`), and the contact's creation.
//! Tasks linked to the contact add their status history. Later modules (letters,
//! documents) add their rows to `SOURCES`.

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
    /// What kind of record: "interaction", "purchase", "merge", "sales", "task", "contact".
    pub source: String,
    pub id: String,
    /// UTC, RFC 3339.
    pub at: String,
    /// Interaction kind (call, visit, …), "created", "merged", "merge_undone", or the
    /// document type of a purchase or a sales event (inquiry, quotation, …).
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
    /// Sales events: the document's id and its status after the event; the event
    /// itself (created, status, revised, converted, …) is in `outcome`. Tasks: the
    /// task's id, its status after the event, the status before in `outcome` ("" when
    /// created) and its title in `body`.
    pub doc_id: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    pub items: Vec<TimelineEntry>,
    pub next: Option<String>,
}

/// Each source selects: source, id, at, kind, direction, outcome, body, actor, amount,
/// currency, reference, doc_id, status — for the contact `?1`. The first names the
/// columns.
const SOURCES: &[&str] = &[
    "SELECT 'interaction' AS source, id, occurred_at AS at, kind, direction, outcome, body,
            created_by AS actor, NULL AS amount, NULL AS currency, NULL AS reference,
            doc_id, NULL AS status
       FROM interactions WHERE contact_id = ?1 AND deleted_at IS NULL",
    "SELECT 'purchase', id, purchased_at, doc_type, NULL, '', description, NULL, amount, currency,
            doc_number, doc_id, NULL
       FROM contact_purchases WHERE contact_id = ?1 AND deleted_at IS NULL",
    "SELECT 'merge', id, COALESCE(undone_at, merged_at),
            CASE WHEN undone_at IS NULL THEN 'merged' ELSE 'merge_undone' END,
            NULL, '', merged_names, COALESCE(undone_by, merged_by), NULL, NULL, NULL, NULL, NULL
       FROM contact_merges WHERE survivor_id = ?1",
    "SELECT 'sales', id, at, doc_type, NULL, event, detail, actor_id, NULL, NULL, doc_number,
            doc_id, status
       FROM sales_events WHERE contact_id = ?1",
    // A task linked to the contact: its creation and each status change.
    "SELECT 'task', e.id, e.at, 'task', NULL, COALESCE(e.from_status, ''), t.title, e.by_user,
            NULL, NULL, NULL, t.id, e.to_status
       FROM task_events e JOIN tasks t ON t.id = e.task_id
      WHERE t.link_kind = 'contact' AND t.link_id = ?1 AND t.deleted_at IS NULL",
    "SELECT 'contact', id, created_at, 'created', NULL, '', '', created_by, NULL, NULL, NULL,
            NULL, NULL
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
                    doc_id: r.get(11)?,
                    status: r.get(12)?,
                    by_name: r.get(13)?,
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
