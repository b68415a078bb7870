//! What the spreadsheet import (`crate::import`) needs of the catalog, inside its one
//! transaction: the same checks as a save, the saved items a row repeats (same code
//! or VIN), an insert and an update, and the undo of both.

use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::model::*;
use super::store::{self, Clean};
use crate::Result;

/// A row's item, checked as a save checks it.
pub(crate) struct Prepared(Clean);

impl Prepared {
    /// The item as it will be stored (no id yet).
    pub(crate) fn product(&self) -> &Product {
        &self.0.p
    }
}

/// The company's default VAT rate, for rows without one.
pub(crate) fn default_vat(conn: &Connection) -> Result<Decimal> {
    store::default_vat(conn)
}

/// Checks and tidies `input` as `catalog::create` (or `update`, with `current`) would.
pub(crate) fn prepare(
    input: &ProductInput,
    default_vat: Decimal,
    current: Option<&Product>,
) -> Result<Prepared> {
    store::clean(input, default_vat, current).map(Prepared)
}

/// Live items with the code (any case) or the VIN, each with which of the two matched.
pub(crate) fn saved_matches(
    conn: &Connection,
    code: &str,
    vin: &str,
) -> Result<Vec<(Product, &'static str)>> {
    let mut out: Vec<(Product, &'static str)> = Vec::new();
    let by_code = conn
        .prepare_cached(&format!(
            "SELECT {} FROM products WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL",
            store::COLUMNS
        ))?
        .query_row([code], store::row)
        .optional()?;
    out.extend(by_code.map(|p| (p, "same_code")));
    if !vin.is_empty() {
        let by_vin = conn
            .prepare_cached(&format!(
                "SELECT {} FROM products WHERE vin = ?1 AND deleted_at IS NULL",
                store::COLUMNS
            ))?
            .query_row([vin], store::row)
            .optional()?;
        if let Some(p) = by_vin {
            if !out.iter().any(|(q, _)| q.id == p.id) {
                out.push((p, "same_vin"));
            }
        }
    }
    Ok(out)
}

/// Refuses a code or VIN another live item has (`except`: the item being updated).
pub(crate) fn check_unique(conn: &Connection, p: &Prepared, except: Option<&str>) -> Result<()> {
    store::check_unique(conn, &p.0.p, except)
}

pub(crate) fn insert(conn: &Connection, id: &str, p: &Prepared, at: &str) -> Result<()> {
    store::insert(conn, id, &p.0, at)
}

pub(crate) fn update(conn: &Connection, id: &str, p: &Prepared, at: &str) -> Result<()> {
    store::update(conn, id, &p.0, at)
}

/// The `updated_at` of a live item (None when deleted or gone).
pub(crate) fn updated_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT updated_at FROM products WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Whether a document or an inquiry names the item.
pub(crate) fn in_use(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM document_lines WHERE product_id = ?1)
                OR EXISTS (SELECT 1 FROM inquiry_items WHERE product_id = ?1)",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// Removes an item the import created, as if it had never been imported.
pub(crate) fn remove_created(conn: &Connection, id: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM products WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Puts back an item the import updated, as it was before (its image was never touched).
pub(crate) fn restore_before(conn: &Connection, before: &Product) -> Result<()> {
    let c = store::clean(&ProductInput::from(before), before.vat_rate, Some(before))?;
    store::update(conn, &before.id, &c, &before.updated_at)
}

/// How an item is named in messages: its name, else its code.
pub(crate) fn name_of(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(nullif(name_ar, ''), nullif(name_en, ''), code) FROM products WHERE id = ?1",
        )?
        .query_row([id], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_else(|| id.to_string()))
}
