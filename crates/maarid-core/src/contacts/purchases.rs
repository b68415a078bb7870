//! Purchase history: what a contact bought. Invoices (and accepted quotations) add
//! rows through `record_in` inside their own transaction; amounts are decimals.

use rusqlite::{params, Connection};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{new_id, now};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseInput {
    pub contact_id: String,
    /// "invoice", "quotation" or "manual".
    pub doc_type: String,
    pub doc_id: Option<String>,
    pub doc_number: String,
    pub description: String,
    pub amount: Decimal,
    pub currency: String,
    /// UTC, RFC 3339.
    pub purchased_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Purchase {
    pub id: String,
    pub doc_type: String,
    pub doc_id: Option<String>,
    pub doc_number: String,
    pub description: String,
    pub amount: Decimal,
    pub currency: String,
    pub purchased_at: String,
}

/// Adds a purchase to a contact's history (called by the documents that sell).
pub fn record_in(conn: &Connection, p: &PurchaseInput) -> Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO contact_purchases (id, contact_id, doc_type, doc_id, doc_number, description, amount, currency, purchased_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id, p.contact_id, p.doc_type, p.doc_id, p.doc_number, p.description,
            p.amount.to_string(), p.currency, p.purchased_at, now()
        ],
    )?;
    Ok(id)
}

pub(super) fn list_in(conn: &Connection, contact_id: &str) -> Result<Vec<Purchase>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, doc_type, doc_id, doc_number, description, amount, currency, purchased_at
         FROM contact_purchases WHERE contact_id = ?1 AND deleted_at IS NULL
         ORDER BY purchased_at DESC, id DESC",
    )?;
    let out = stmt
        .query_map([contact_id], |r| {
            let amount: String = r.get(5)?;
            Ok(Purchase {
                id: r.get(0)?,
                doc_type: r.get(1)?,
                doc_id: r.get(2)?,
                doc_number: r.get(3)?,
                description: r.get(4)?,
                amount: amount.parse().unwrap_or_default(),
                currency: r.get(6)?,
                purchased_at: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
