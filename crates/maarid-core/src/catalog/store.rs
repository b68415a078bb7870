//! Catalog storage: validation, the rows, and the normalised search text kept in step.

use base64::Engine;
use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::model::*;
use crate::search::normalize::{ascii_digits, normalize};
use crate::{Error, Result, Rule};

/// Largest image accepted (the same limit as the company logo).
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

/// Prices and rates stay below this (like document lines).
const BIG: i64 = 1_000_000_000_000;

/// An item ready to store: trimmed and checked. `image` is what to do with the image.
pub(super) struct Clean {
    pub p: Product,
    pub image: ImageChange,
}

pub(super) enum ImageChange {
    Keep,
    Remove,
    Set { bytes: Vec<u8>, mime: String },
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong));
    }
    Ok(v.to_string())
}

/// A VIN or chassis number as stored: trimmed, upper case, without spaces and dashes
/// (Arabic-Indic digits read as ASCII). 5 to 20 letters and digits; a 17-character
/// VIN (ISO 3779) never contains I, O or Q, which are too easily read as 1 and 0.
pub fn normalize_vin(raw: &str) -> Result<String> {
    let v: String = ascii_digits(raw)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '–' | '—' | '_'))
        .flat_map(char::to_uppercase)
        .collect();
    if v.is_empty() {
        return Ok(v);
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::invalid("vin", Rule::BadFormat));
    }
    let n = v.chars().count();
    if n < 5 {
        return Err(Error::invalid("vin", Rule::TooShort));
    }
    if n > 20 {
        return Err(Error::invalid("vin", Rule::TooLong));
    }
    if n == 17 && v.contains(['I', 'O', 'Q']) {
        return Err(Error::invalid("vin", Rule::BadFormat));
    }
    Ok(v)
}

/// A `data:` URL of a PNG or JPEG image: its bytes and type. The bytes must really be
/// such an image (they are printed on documents), and at most 1 MB.
fn parse_image(data_url: &str) -> Result<(Vec<u8>, String)> {
    let bad = || Error::invalid("image", Rule::BadFormat);
    let rest = data_url.trim().strip_prefix("data:").ok_or_else(bad)?;
    let (mime, b64) = rest.split_once(";base64,").ok_or_else(bad)?;
    let mime = match mime {
        "image/png" => "image/png",
        "image/jpeg" | "image/jpg" => "image/jpeg",
        _ => return Err(bad()),
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| bad())?;
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::invalid("image", Rule::TooLong));
    }
    let png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    if (mime == "image/png") != png {
        return Err(bad());
    }
    // Decoding proves the image can be printed later (errors name the field "image").
    crate::pdf::Image::from_bytes(&bytes)?;
    Ok((bytes, mime.to_string()))
}

fn max_year() -> i32 {
    // Model years run ahead of the calendar: up to the year after next.
    chrono::Local::now().year() + 2
}

/// Checks and tidies an input. `default_vat` fills a missing VAT rate; `current` is
/// the stored item on an edit (its stock status stays when none is given).
pub(super) fn clean(
    input: &ProductInput,
    default_vat: Decimal,
    current: Option<&Product>,
) -> Result<Clean> {
    let code = ascii_digits(&text("code", &input.code, 40)?);
    if code.is_empty() {
        return Err(Error::invalid("code", Rule::Required));
    }
    let name_ar = text("name_ar", &input.name_ar, 200)?;
    let name_en = text("name_en", &input.name_en, 200)?;
    if name_ar.is_empty() && name_en.is_empty() {
        return Err(Error::invalid("name_ar", Rule::Required));
    }
    let description = text("description", &input.description, 5000)?;
    let unit = text("unit", &input.unit, 40)?;
    let category = text("category", &input.category, 100)?;
    if input.price < Decimal::ZERO || input.price >= Decimal::from(BIG) {
        return Err(Error::invalid("price", Rule::OutOfRange));
    }
    if input.price.normalize().scale() > 3 {
        return Err(Error::invalid("price", Rule::BadFormat));
    }
    let vat_rate = input.vat_rate.unwrap_or(default_vat);
    if vat_rate < Decimal::ZERO || vat_rate > Decimal::ONE_HUNDRED {
        return Err(Error::invalid("vat_rate", Rule::OutOfRange));
    }
    if vat_rate.normalize().scale() > 3 {
        return Err(Error::invalid("vat_rate", Rule::BadFormat));
    }
    let make = text("make", &input.make, 100)?;
    let model = text("model", &input.model, 100)?;
    let trim = text("trim", &input.trim, 100)?;
    let colour = text("colour", &input.colour, 100)?;
    let vin = normalize_vin(&input.vin)?;
    let vehicle = input.kind == ProductKind::Vehicle;
    let stock_status = if vehicle {
        if let Some(y) = input.year {
            if !(1900..=max_year()).contains(&y) {
                return Err(Error::invalid("year", Rule::OutOfRange));
            }
        }
        Some(
            input
                .stock_status
                .or(current.and_then(|c| c.stock_status))
                .unwrap_or(StockStatus::Available),
        )
    } else {
        // Vehicle details on a product or a service are a mistake worth saying.
        let given = [
            ("make", !make.is_empty()),
            ("model", !model.is_empty()),
            ("year", input.year.is_some()),
            ("trim", !trim.is_empty()),
            ("colour", !colour.is_empty()),
            ("vin", !vin.is_empty()),
            ("stock_status", input.stock_status.is_some()),
        ];
        if let Some((field, _)) = given.iter().find(|(_, set)| *set) {
            return Err(Error::invalid(field, Rule::NotApplicable));
        }
        None
    };
    let image = match input.image_data_url.as_deref().map(str::trim) {
        None => ImageChange::Keep,
        Some("") => ImageChange::Remove,
        Some(url) => {
            let (bytes, mime) = parse_image(url)?;
            ImageChange::Set { bytes, mime }
        }
    };
    Ok(Clean {
        p: Product {
            id: String::new(),
            num: 0,
            kind: input.kind,
            code,
            name_ar,
            name_en,
            description,
            unit,
            price: input.price.normalize(),
            vat_rate: vat_rate.normalize(),
            category,
            make,
            model,
            year: if vehicle { input.year } else { None },
            trim,
            colour,
            vin,
            stock_status,
            has_image: false,
            created_at: String::new(),
            updated_at: String::new(),
        },
        image,
    })
}

/// What search matches: every text a person might type to find the item.
pub(super) fn search_norm(p: &Product) -> String {
    let year = p.year.map(|y| y.to_string()).unwrap_or_default();
    normalize(
        &[
            p.code.as_str(),
            &p.name_ar,
            &p.name_en,
            &p.make,
            &p.model,
            &year,
            &p.trim,
            &p.colour,
            &p.category,
            &p.vin,
        ]
        .join(" "),
    )
}

/// Refuses a code or VIN another live item already has.
pub(super) fn check_unique(conn: &Connection, p: &Product, except: Option<&str>) -> Result<()> {
    let except = except.unwrap_or("");
    let taken: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM products WHERE code = ?1 COLLATE NOCASE
                AND deleted_at IS NULL AND id <> ?2)",
        )?
        .query_row(params![p.code, except], |r| r.get(0))?;
    if taken {
        return Err(Error::AlreadyExists {
            entity: "product",
            key: p.code.clone(),
        });
    }
    if !p.vin.is_empty() {
        let taken: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM products WHERE vin = ?1
                    AND deleted_at IS NULL AND id <> ?2)",
            )?
            .query_row(params![p.vin, except], |r| r.get(0))?;
        if taken {
            return Err(Error::AlreadyExists {
                entity: "product",
                key: p.vin.clone(),
            });
        }
    }
    Ok(())
}

pub(super) const COLUMNS: &str = "id, num, kind, code, name_ar, name_en, description, unit, price, vat_rate,
    category, make, model, year, trim, colour, vin, stock_status, image IS NOT NULL, created_at, updated_at";

fn decimal(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Decimal> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn row(r: &rusqlite::Row) -> rusqlite::Result<Product> {
    let kind: String = r.get(2)?;
    let stock: Option<String> = r.get(17)?;
    Ok(Product {
        id: r.get(0)?,
        num: r.get(1)?,
        kind: ProductKind::parse(&kind).unwrap_or(ProductKind::Product),
        code: r.get(3)?,
        name_ar: r.get(4)?,
        name_en: r.get(5)?,
        description: r.get(6)?,
        unit: r.get(7)?,
        price: decimal(r, 8)?,
        vat_rate: decimal(r, 9)?,
        category: r.get(10)?,
        make: r.get(11)?,
        model: r.get(12)?,
        year: r.get(13)?,
        trim: r.get(14)?,
        colour: r.get(15)?,
        vin: r.get(16)?,
        stock_status: stock.as_deref().and_then(StockStatus::parse),
        has_image: r.get(18)?,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

/// A live item (`deleted`: a deleted one instead).
pub(crate) fn get_in(conn: &Connection, id: &str, deleted: bool) -> Result<Product> {
    let cond = if deleted {
        "deleted_at IS NOT NULL"
    } else {
        "deleted_at IS NULL"
    };
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM products WHERE id = ?1 AND {cond}"
    ))?
    .query_row([id], row)
    .optional()?
    .ok_or_else(|| Error::not_found("product", id))
}

pub(super) fn insert(conn: &Connection, id: &str, c: &Clean, at: &str) -> Result<()> {
    let p = &c.p;
    let num: i64 = conn.query_row("SELECT COALESCE(MAX(num), 0) + 1 FROM products", [], |r| {
        r.get(0)
    })?;
    let (image, mime) = match &c.image {
        ImageChange::Set { bytes, mime } => (Some(bytes.as_slice()), Some(mime.as_str())),
        _ => (None, None),
    };
    conn.execute(
        "INSERT INTO products (id, num, kind, code, name_ar, name_en, description, unit, price, vat_rate,
            category, make, model, year, trim, colour, vin, stock_status, image, image_mime, search_norm,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?22)",
        params![
            id, num, p.kind.key(), p.code, p.name_ar, p.name_en, p.description, p.unit,
            p.price.to_string(), p.vat_rate.to_string(), p.category, p.make, p.model, p.year, p.trim,
            p.colour, p.vin, p.stock_status.map(StockStatus::key), image, mime, search_norm(p), at
        ],
    )?;
    Ok(())
}

pub(super) fn update(conn: &Connection, id: &str, c: &Clean, at: &str) -> Result<()> {
    let p = &c.p;
    conn.execute(
        "UPDATE products SET kind = ?2, code = ?3, name_ar = ?4, name_en = ?5, description = ?6,
            unit = ?7, price = ?8, vat_rate = ?9, category = ?10, make = ?11, model = ?12, year = ?13,
            trim = ?14, colour = ?15, vin = ?16, stock_status = ?17, search_norm = ?18, updated_at = ?19
         WHERE id = ?1",
        params![
            id, p.kind.key(), p.code, p.name_ar, p.name_en, p.description, p.unit,
            p.price.to_string(), p.vat_rate.to_string(), p.category, p.make, p.model, p.year, p.trim,
            p.colour, p.vin, p.stock_status.map(StockStatus::key), search_norm(p), at
        ],
    )?;
    match &c.image {
        ImageChange::Keep => {}
        ImageChange::Remove => {
            conn.execute(
                "UPDATE products SET image = NULL, image_mime = NULL WHERE id = ?1",
                [id],
            )?;
        }
        ImageChange::Set { bytes, mime } => {
            conn.execute(
                "UPDATE products SET image = ?2, image_mime = ?3 WHERE id = ?1",
                params![id, bytes, mime],
            )?;
        }
    }
    Ok(())
}

/// The company's default VAT rate (0 before setup).
pub(super) fn default_vat(conn: &Connection) -> Result<Decimal> {
    let rate: Option<String> = conn
        .prepare_cached("SELECT default_vat_rate FROM company WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(rate.and_then(|r| r.parse().ok()).unwrap_or(Decimal::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vins_are_tidied_and_checked() {
        assert_eq!(
            normalize_vin(" jtdbr32e-720 123 456 ").unwrap(),
            "JTDBR32E720123456"
        );
        assert_eq!(normalize_vin("").unwrap(), "");
        assert_eq!(normalize_vin("ab-12c").unwrap(), "AB12C");
        for (bad, rule) in [
            ("AB1", Rule::TooShort),
            ("A".repeat(21).as_str(), Rule::TooLong),
            ("JTDBR32E72O123456", Rule::BadFormat), // O in a 17-char VIN
            ("JTDBR32E72I123456", Rule::BadFormat),
            ("JTDBR32E72Q123456", Rule::BadFormat),
            ("ABC/12345", Rule::BadFormat),
        ] {
            match normalize_vin(bad) {
                Err(Error::Invalid { field, rule: r, .. }) => {
                    assert_eq!((field, r), ("vin", rule), "{bad}")
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        // Outside 17 characters, I/O/Q are allowed (old chassis numbers).
        assert_eq!(normalize_vin("FJ40-OQI12").unwrap(), "FJ40OQI12");
        // Arabic-Indic digits are read as ASCII.
        assert_eq!(normalize_vin("AB-١٢٣٤٥").unwrap(), "AB12345");
    }
}
