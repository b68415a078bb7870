//! What happened to a sales document (inquiry, quotation, delivery note, invoice):
//! one row per event, shown on the contact's timeline and in the document's history.
//! Written inside the caller's transaction, next to the change it describes.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::ids::{new_id, now};
use crate::Result;

/// An event to record. `status` is the document's status after the event when the
/// event changed it; `detail` is free text such as a lost reason or the number of the
/// document made from this one.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub contact_id: &'a str,
    /// "inquiry", "quotation", "delivery_note" or "invoice".
    pub doc_type: &'static str,
    pub doc_id: &'a str,
    pub doc_number: &'a str,
    /// created, updated, status, approved, revised, copied, converted, printed,
    /// follow_up, closed_automatically, deleted, restored.
    pub event: &'static str,
    pub status: Option<&'a str>,
    pub detail: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub contact_id: String,
    pub doc_type: String,
    pub doc_id: String,
    pub doc_number: String,
    pub event: String,
    pub status: Option<String>,
    pub detail: String,
    pub at: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
}

pub fn record(conn: &Connection, actor: &Actor, e: &NewEvent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sales_events (id, contact_id, doc_type, doc_id, doc_number, event, status, detail, at, actor_id, actor_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        new_id(),
        e.contact_id,
        e.doc_type,
        e.doc_id,
        e.doc_number,
        e.event,
        e.status,
        e.detail,
        now(),
        actor.user_id,
        actor.name
    ])?;
    Ok(())
}

/// A document's history, oldest first.
pub fn for_doc(conn: &Connection, doc_id: &str) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, contact_id, doc_type, doc_id, doc_number, event, status, detail, at, actor_id, actor_name
         FROM sales_events WHERE doc_id = ?1 ORDER BY at, id",
    )?;
    let out = stmt
        .query_map([doc_id], |r| {
            Ok(Event {
                id: r.get(0)?,
                contact_id: r.get(1)?,
                doc_type: r.get(2)?,
                doc_id: r.get(3)?,
                doc_number: r.get(4)?,
                event: r.get(5)?,
                status: r.get(6)?,
                detail: r.get(7)?,
                at: r.get(8)?,
                actor_id: r.get(9)?,
                actor_name: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
