//! Fixtures for the quotation and invoicing tests: contacts, catalog items and
//! inquiries. Catalog items and inquiries are written with plain SQL so these tests do
//! not depend on the catalog and inquiries modules.
#![allow(dead_code)]

use maarid_core::access::Actor;
use maarid_core::contacts::{self, ContactInput, ContactKind, PhoneInput, PhoneLabel};
use maarid_core::ids::{new_id, now};
use maarid_core::quotes::{self, Quote, QuoteInput};
use maarid_core::sales::{DiscountKind, LineInput};
use maarid_core::Db;
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn contact(db: &Db, actor: &Actor, name_ar: &str, phone: &str) -> String {
    contacts::create(
        db,
        actor,
        &ContactInput {
            kind: Some(ContactKind::Customer),
            name_ar: name_ar.into(),
            phones: vec![PhoneInput {
                number: phone.into(),
                label: PhoneLabel::Mobile,
            }],
            ..Default::default()
        },
        true,
    )
    .unwrap()
    .id
}

/// A catalog item; `kind` is product, vehicle or service.
pub fn product(db: &Db, kind: &str, code: &str, name_ar: &str, price: &str, vat: &str) -> String {
    let id = new_id();
    db.write(|tx| {
        tx.execute(
            "INSERT INTO products (id, num, kind, code, name_ar, name_en, unit, price, vat_rate, stock_status,
                created_at, updated_at)
             VALUES (?1, (SELECT COALESCE(MAX(num), 0) + 1 FROM products), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            rusqlite::params![
                id,
                kind,
                code,
                name_ar,
                format!("{code} (en)"),
                if kind == "vehicle" { "سيارة" } else { "قطعة" },
                price,
                vat,
                (kind == "vehicle").then_some("available"),
                now()
            ],
        )?;
        Ok(())
    })
    .unwrap();
    id
}

pub fn stock_status(db: &Db, product_id: &str) -> Option<String> {
    db.read(|c| {
        Ok(c.query_row(
            "SELECT stock_status FROM products WHERE id = ?1",
            [product_id],
            |r| r.get(0),
        )?)
    })
    .unwrap()
}

/// An inquiry with items: (product id, description, quantity).
pub fn inquiry(
    db: &Db,
    contact_id: &str,
    status: &str,
    approved: bool,
    items: &[(Option<&str>, &str, &str)],
) -> String {
    let id = new_id();
    let at = now();
    db.write(|tx| {
        let n: i64 = tx.query_row("SELECT COUNT(*) + 1 FROM inquiries", [], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO inquiries (id, number, contact_id, channel, status, currency, approved_at,
                last_activity_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'walk_in', ?4, 'SAR', ?5, ?6, ?6, ?6)",
            rusqlite::params![
                id,
                format!("INQ-T-{n:05}"),
                contact_id,
                status,
                approved.then_some(at.clone()),
                at
            ],
        )?;
        for (i, (p, desc, qty)) in items.iter().enumerate() {
            tx.execute(
                "INSERT INTO inquiry_items (inquiry_id, position, product_id, description, quantity)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![id, i as i64, p, desc, qty],
            )?;
        }
        Ok(())
    })
    .unwrap();
    id
}

/// (status, lost_reason, competitor) of an inquiry.
pub fn inquiry_state(db: &Db, id: &str) -> (String, String, String) {
    db.read(|c| {
        Ok(c.query_row(
            "SELECT status, lost_reason, competitor FROM inquiries WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    })
    .unwrap()
}

pub fn line(desc: &str, qty: &str, price: &str, vat: &str) -> LineInput {
    LineInput {
        product_id: None,
        description: desc.into(),
        unit: String::new(),
        quantity: d(qty),
        unit_price: d(price),
        discount_kind: DiscountKind::Percent,
        discount: Decimal::ZERO,
        vat_rate: d(vat),
    }
}

pub fn discounted(mut l: LineInput, kind: DiscountKind, discount: &str) -> LineInput {
    l.discount_kind = kind;
    l.discount = d(discount);
    l
}

pub fn input(contact_id: &str, lines: Vec<LineInput>) -> QuoteInput {
    QuoteInput {
        contact_id: contact_id.into(),
        inquiry_id: None,
        issue_date: None,
        valid_until: None,
        currency: None,
        prices_include_vat: None,
        lines,
        terms: None,
        notes: String::new(),
        owner_id: None,
    }
}

/// A draft with one line of 1000 + 15% VAT.
pub fn draft(db: &Db, actor: &Actor, contact_id: &str) -> Quote {
    quotes::create(
        db,
        actor,
        &input(
            contact_id,
            vec![line("سيارة تويوتا كامري", "1", "1000", "15")],
        ),
    )
    .unwrap()
}

pub fn count(db: &Db, sql: &str) -> i64 {
    db.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .unwrap()
}
