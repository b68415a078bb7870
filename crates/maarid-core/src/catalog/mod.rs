//! The catalog: products, vehicles and services the showroom offers — code, names in
//! Arabic and English, price and VAT rate, category; for vehicles also make, model,
//! year, trim, colour, VIN/chassis number and stock status; an optional image.
//!
//! Rights: every function checks `DocType::Product`. Catalog items belong to nobody,
//! so a grant of the right with either scope (own or all) is enough.
//! Codes are unique among live items (regardless of case), and so are VINs; deleting
//! is soft and `restore` undoes it (unless another item took the code or VIN meanwhile).

pub(crate) mod import;
mod model;
mod search;
mod store;

pub use model::*;
pub use store::{normalize_vin, MAX_IMAGE_BYTES};

use rusqlite::{params, OptionalExtension};

use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::{audit, Error, Result, Rule};

fn authorize(actor: &Actor, action: Action) -> Result<()> {
    actor.authorize(DocType::Product, action, Target::Own)
}

/// A live catalog item, for documents that pick one (quotations, inquiries).
pub(crate) use store::get_in;

pub fn create(db: &Db, actor: &Actor, input: &ProductInput) -> Result<Product> {
    authorize(actor, Action::Create)?;
    db.write(|tx| {
        let c = store::clean(input, store::default_vat(tx)?, None)?;
        store::check_unique(tx, &c.p, None)?;
        let id = new_id();
        store::insert(tx, &id, &c, &now())?;
        let saved = get_in(tx, &id, false)?;
        audit::record::<(), _>(
            tx,
            actor,
            "product.create",
            "product",
            Some(&id),
            None,
            Some(&saved),
        )?;
        Ok(saved)
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Product> {
    authorize(actor, Action::Read)?;
    db.read(|c| get_in(c, id, false))
}

/// Replaces the item's fields with `input` (the image only when one is given).
pub fn update(db: &Db, actor: &Actor, id: &str, input: &ProductInput) -> Result<Product> {
    authorize(actor, Action::Write)?;
    db.write(|tx| {
        let before = get_in(tx, id, false)?;
        let c = store::clean(input, store::default_vat(tx)?, Some(&before))?;
        store::check_unique(tx, &c.p, Some(id))?;
        store::update(tx, id, &c, &now())?;
        let after = get_in(tx, id, false)?;
        audit::record(
            tx,
            actor,
            "product.update",
            "product",
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Soft delete: the item leaves lists and pickers; documents that name it keep it.
pub fn delete(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    authorize(actor, Action::Delete)?;
    db.write(|tx| {
        let before = get_in(tx, id, false)?;
        let at = now();
        tx.execute(
            "UPDATE products SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "product.delete",
            "product",
            Some(id),
            Some(&before),
            None,
        )
    })
}

/// Brings back a deleted item, unless a live one has taken its code or VIN since.
pub fn restore(db: &Db, actor: &Actor, id: &str) -> Result<Product> {
    authorize(actor, Action::Delete)?;
    db.write(|tx| {
        let gone = get_in(tx, id, true)?;
        store::check_unique(tx, &gone, Some(id))?;
        tx.execute(
            "UPDATE products SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        let after = get_in(tx, id, false)?;
        audit::record::<(), _>(
            tx,
            actor,
            "product.restore",
            "product",
            Some(id),
            None,
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Marks a vehicle available, reserved or sold. Other kinds have no stock status.
pub fn set_stock_status(db: &Db, actor: &Actor, id: &str, status: StockStatus) -> Result<Product> {
    authorize(actor, Action::Write)?;
    db.write(|tx| {
        let before = get_in(tx, id, false)?;
        if before.kind != ProductKind::Vehicle {
            return Err(Error::invalid("stock_status", Rule::NotApplicable));
        }
        if before.stock_status == Some(status) {
            return Ok(before);
        }
        tx.execute(
            "UPDATE products SET stock_status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status.key(), now()],
        )?;
        let after = get_in(tx, id, false)?;
        audit::record(
            tx,
            actor,
            "product.stock",
            "product",
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The item's image: its bytes and type (image/png or image/jpeg), if it has one.
pub fn image(db: &Db, actor: &Actor, id: &str) -> Result<Option<(Vec<u8>, String)>> {
    authorize(actor, Action::Read)?;
    db.read(|c| {
        let found: Option<(Option<Vec<u8>>, Option<String>)> = c
            .query_row(
                "SELECT image, image_mime FROM products WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (bytes, mime) = found.ok_or_else(|| Error::not_found("product", id))?;
        Ok(bytes.zip(mime))
    })
}

/// The image as a `data:` URL, for the screens.
pub fn image_data_url(db: &Db, actor: &Actor, id: &str) -> Result<Option<String>> {
    use base64::Engine;
    Ok(image(db, actor, id)?.map(|(bytes, mime)| {
        format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    }))
}

/// Live items by name (then code), a page at a time.
pub fn list(db: &Db, actor: &Actor, q: &ProductQuery) -> Result<ProductPage> {
    authorize(actor, Action::Read)?;
    db.read(|c| search::run(c, q))
}

/// The categories in use (distinct, sorted), for suggestions.
pub fn categories(db: &Db, actor: &Actor) -> Result<Vec<String>> {
    authorize(actor, Action::Read)?;
    db.read(search::categories)
}
