//! `products add|get|edit|list|delete|restore|stock`: the catalog, acting as the
//! administrator. Items are named by id or by code.

use std::path::Path;

use base64::Engine;
use maarid_core::access::Actor;
use maarid_core::catalog::{self, Product, ProductInput, ProductKind, ProductQuery, StockStatus};
use maarid_core::i18n::Text;
use maarid_core::search::normalize::ascii_digits;
use maarid_core::{company, Db, Error, Locale, Rule};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::{
    ProductAddArgs, ProductEditArgs, ProductFields, ProductListArgs, ProductsCommand,
};
use crate::output::{CliError, CliResult, Out};
use crate::text::table;

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: ProductsCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let currency = company::get(&db)?.profile.currency;
    match cmd {
        ProductsCommand::Add(a) => add(out, &db, &actor, &currency, a),
        ProductsCommand::Get { key } => {
            let p = find(&db, &actor, &key)?;
            out.done(&p, |l| card(l, &p, &currency))
        }
        ProductsCommand::Edit(a) => edit(out, &db, &actor, &currency, a),
        ProductsCommand::List(a) => list(out, &db, &actor, &currency, a),
        ProductsCommand::Delete { key } => {
            let p = find(&db, &actor, &key)?;
            catalog::delete(&db, &actor, &p.id)?;
            let done = Deleted {
                id: p.id.clone(),
                code: p.code.clone(),
                soft_deleted: true,
            };
            out.done(&done, |l| {
                pick(
                    l,
                    format!(
                        "حُذف «{}» ({}). لإعادته: maarid-cli products restore {}",
                        p.display_name(),
                        p.code,
                        p.id
                    ),
                    format!(
                        "Deleted “{}” ({}). To bring it back: maarid-cli products restore {}",
                        p.display_name(),
                        p.code,
                        p.id
                    ),
                )
            })
        }
        ProductsCommand::Restore { id } => {
            let p = catalog::restore(&db, &actor, id.trim())?;
            out.done(&p, |l| {
                format!(
                    "{}\n{}",
                    pick(l, "أُعيد:".into(), "Restored:".into()),
                    card(l, &p, &currency)
                )
            })
        }
        ProductsCommand::Stock { key, status } => {
            let p = find(&db, &actor, &key)?;
            let status = status.0.expect("clap accepts only known statuses");
            let p = catalog::set_stock_status(&db, &actor, &p.id, status)?;
            out.done(&p, |l| {
                pick(
                    l,
                    format!(
                        "«{}» ({}): {}",
                        p.display_name(),
                        p.code,
                        stock_name(l, status)
                    ),
                    format!(
                        "“{}” ({}): {}",
                        p.display_name(),
                        p.code,
                        stock_name(l, status)
                    ),
                )
            })
        }
    }
}

#[derive(Serialize)]
struct Deleted {
    id: String,
    code: String,
    soft_deleted: bool,
}

fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

/// An item by id, else by its code (any case; digits in either script).
pub(crate) fn find(db: &Db, actor: &Actor, key: &str) -> CliResult<Product> {
    let key = key.trim();
    match catalog::get(db, actor, key) {
        Err(Error::NotFound { .. }) => {}
        other => return Ok(other?),
    }
    let code = ascii_digits(key);
    let page = catalog::list(
        db,
        actor,
        &ProductQuery {
            text: code.clone(),
            limit: Some(500),
            ..Default::default()
        },
    )?;
    page.items
        .into_iter()
        .find(|p| p.code.eq_ignore_ascii_case(&code))
        .ok_or_else(|| Error::not_found("product", key).into())
}

/// A decimal typed in either script: "125000", "١٢٥٠٠٠٫٥٠", "125,000.50".
pub(crate) fn decimal(field: &'static str, option: &str, s: &str) -> CliResult<Decimal> {
    let clean: String = ascii_digits(s.trim())
        .replace('٫', ".")
        .chars()
        .filter(|c| !matches!(c, ',' | '٬' | ' ' | '\u{a0}'))
        .collect();
    clean.parse().map_err(|_| {
        CliError::invalid(
            field,
            Text::new(
                format!("القيمة «{s}» للخيار \u{200e}{option}\u{200e} ليست رقمًا صحيحًا، مثل 125000 أو 125000.50."),
                format!("“{s}” is not a valid number for {option}; write it like 125000 or 125000.50."),
            ),
        )
    })
}

/// An image file as a data URL (PNG or JPEG; the core checks the rest).
fn image_url(path: &Path) -> CliResult<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let mime = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "image/jpeg"
    } else {
        return Err(Error::invalid("image", Rule::BadFormat).into());
    };
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

fn year(s: &str) -> CliResult<Option<i32>> {
    let s = ascii_digits(s.trim());
    if s.is_empty() || s == "none" {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| {
        CliError::invalid(
            "year",
            Text::new(
                format!("السنة «{s}» ليست رقمًا، مثل 2026."),
                format!("The year “{s}” is not a number such as 2026."),
            ),
        )
    })
}

/// Puts the options given into `input`.
fn apply(input: &mut ProductInput, f: ProductFields) -> CliResult {
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut input.code, f.code);
    set(&mut input.name_ar, f.name_ar);
    set(&mut input.name_en, f.name_en);
    set(&mut input.description, f.description);
    set(&mut input.unit, f.unit);
    set(&mut input.category, f.category);
    set(&mut input.make, f.make);
    set(&mut input.model, f.model);
    set(&mut input.trim, f.trim);
    set(&mut input.colour, f.colour);
    set(&mut input.vin, f.vin);
    if let Some(p) = f.price {
        input.price = decimal("price", "--price", &p)?;
    }
    if let Some(v) = f.vat {
        input.vat_rate = Some(decimal("vat_rate", "--vat", &v)?);
    }
    if let Some(y) = f.year {
        input.year = year(&y)?;
    }
    if let Some(s) = f.stock {
        input.stock_status = s.0;
    }
    if let Some(path) = f.image {
        input.image_data_url = Some(image_url(&path)?);
    }
    Ok(())
}

fn add(out: &Out, db: &Db, actor: &Actor, currency: &str, a: ProductAddArgs) -> CliResult {
    if a.fields.price.is_none() {
        return Err(CliError::invalid(
            "price",
            Text::new(
                "السعر مطلوب: أضف \u{200e}--price\u{200e}، مثل \u{200e}--price 125000\u{200e}."
                    .into(),
                "The price is required: add --price, e.g. --price 125000.".into(),
            ),
        ));
    }
    let mut input = ProductInput {
        kind: a.kind.0.unwrap_or(ProductKind::Product),
        code: String::new(),
        name_ar: String::new(),
        name_en: String::new(),
        description: String::new(),
        unit: String::new(),
        price: Decimal::ZERO,
        vat_rate: None,
        category: String::new(),
        make: String::new(),
        model: String::new(),
        year: None,
        trim: String::new(),
        colour: String::new(),
        vin: String::new(),
        stock_status: None,
        image_data_url: None,
    };
    apply(&mut input, a.fields)?;
    let p = catalog::create(db, actor, &input)?;
    out.done(&p, |l| {
        format!(
            "{}\n{}",
            pick(l, "أُضيف:".into(), "Added:".into()),
            card(l, &p, currency)
        )
    })
}

fn edit(out: &Out, db: &Db, actor: &Actor, currency: &str, a: ProductEditArgs) -> CliResult {
    let before = find(db, actor, &a.key)?;
    let mut input = ProductInput::from(&before);
    if let Some(k) = a.kind.and_then(|k| k.0) {
        input.kind = k;
    }
    apply(&mut input, a.fields)?;
    if a.remove_image {
        input.image_data_url = Some(String::new());
    }
    let p = catalog::update(db, actor, &before.id, &input)?;
    out.done(&p, |l| {
        format!(
            "{}\n{}",
            pick(l, "عُدّل:".into(), "Changed:".into()),
            card(l, &p, currency)
        )
    })
}

fn list(out: &Out, db: &Db, actor: &Actor, currency: &str, a: ProductListArgs) -> CliResult {
    let page = catalog::list(
        db,
        actor,
        &ProductQuery {
            text: a.text.join(" "),
            kind: a.kind.and_then(|k| k.0),
            category: a.category,
            stock_status: a.stock.and_then(|s| s.0),
            limit: Some(a.limit),
            after: a.after,
        },
    )?;
    out.done(&page, |l| {
        if page.items.is_empty() {
            return pick(l, "لا توجد أصناف.".into(), "No items found.".into());
        }
        let header = match l {
            Locale::Ar => ["الرمز", "الاسم", "النوع", "السعر", "المخزون", "المعرّف"],
            Locale::En => ["Code", "Name", "Kind", "Price", "Stock", "Id"],
        };
        let mut rows = vec![header.map(String::from)];
        for p in &page.items {
            rows.push([
                p.code.clone(),
                p.display_name().to_string(),
                kind_name(l, p.kind).to_string(),
                format!("{} {currency}", p.price),
                p.stock_status
                    .map(|s| stock_name(l, s).to_string())
                    .unwrap_or_default(),
                p.id.clone(),
            ]);
        }
        let mut text = table(&rows);
        if let Some(n) = &page.next {
            text.push('\n');
            text.push_str(&pick(
                l,
                format!("للمزيد: --after {n}"),
                format!("More: --after {n}"),
            ));
        }
        text
    })
}

pub(crate) fn kind_name(l: Locale, k: ProductKind) -> &'static str {
    match (l, k) {
        (Locale::Ar, ProductKind::Product) => "منتج",
        (Locale::Ar, ProductKind::Vehicle) => "مركبة",
        (Locale::Ar, ProductKind::Service) => "خدمة",
        (Locale::En, ProductKind::Product) => "product",
        (Locale::En, ProductKind::Vehicle) => "vehicle",
        (Locale::En, ProductKind::Service) => "service",
    }
}

fn stock_name(l: Locale, s: StockStatus) -> &'static str {
    let t = maarid_core::i18n::status_name(s.key());
    match l {
        Locale::Ar => t.ar,
        Locale::En => t.en,
    }
}

fn card(l: Locale, p: &Product, currency: &str) -> String {
    let mut lines = vec![format!("{} ({})", p.display_name(), p.code)];
    let mut field = |key: &str, value: String| {
        if !value.is_empty() {
            let name = maarid_core::i18n::field_name(key);
            let label = match l {
                Locale::Ar => name.ar,
                Locale::En => name.en,
            };
            lines.push(format!("  {label}: {value}"));
        }
    };
    field("kind", kind_name(l, p.kind).into());
    if p.display_name() != p.name_ar {
        field("name_ar", p.name_ar.clone());
    }
    if p.display_name() != p.name_en {
        field("name_en", p.name_en.clone());
    }
    field("price", format!("{} {currency}", p.price));
    field("vat_rate", format!("{}%", p.vat_rate));
    field("unit", p.unit.clone());
    field("category", p.category.clone());
    field("make", p.make.clone());
    field("model", p.model.clone());
    field("year", p.year.map(|y| y.to_string()).unwrap_or_default());
    field("trim", p.trim.clone());
    field("colour", p.colour.clone());
    field("vin", p.vin.clone());
    field(
        "stock_status",
        p.stock_status
            .map(|s| stock_name(l, s).to_string())
            .unwrap_or_default(),
    );
    field("description", p.description.clone());
    if p.has_image {
        field("image", pick(l, "نعم".into(), "yes".into()));
    }
    lines.push(format!(
        "  {}: {}",
        pick(l, "المعرّف".into(), "Id".into()),
        p.id
    ));
    lines.join("\n")
}
