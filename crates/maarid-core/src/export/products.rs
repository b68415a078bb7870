//! The catalog: products, vehicles and services, in the order they were added. Prices
//! are in the company's currency. Catalog items belong to nobody, so any read right
//! exports all of them. Images are not exported.

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{decimals_of, Created, Filter};
use super::source::{self, Currency, Field, Query, Read};
use super::table::{Column, Table};
use crate::i18n::{Locale, Text};
use crate::Result;

pub fn name() -> Text<String> {
    Text::new("المنتجات".into(), "Products".into())
}

fn fields(decimals: u32) -> Vec<Field> {
    let f = Field::new;
    vec![
        f(
            "kind",
            "النوع",
            "Type",
            "p.kind",
            Read::Word(Vocabulary::ProductKind),
        ),
        f("code", "الرمز", "Code", "p.code", Read::Text),
        f(
            "name_ar",
            "الاسم بالعربية",
            "Name in Arabic",
            "p.name_ar",
            Read::Text,
        ),
        f(
            "name_en",
            "الاسم بالإنجليزية",
            "Name in English",
            "p.name_en",
            Read::Text,
        ),
        f(
            "description",
            "الوصف",
            "Description",
            "p.description",
            Read::Text,
        ),
        f("unit", "الوحدة", "Unit", "p.unit", Read::Text),
        f(
            "price",
            "السعر",
            "Price",
            "p.price",
            Read::Money(Currency::Fixed(decimals)),
        ),
        f(
            "vat_rate",
            "نسبة ضريبة القيمة المضافة",
            "VAT rate",
            "p.vat_rate",
            Read::Decimal,
        ),
        f("category", "الفئة", "Category", "p.category", Read::Text),
        f("make", "الشركة المصنعة", "Make", "p.make", Read::Text),
        f("model", "الطراز", "Model", "p.model", Read::Text),
        f("year", "سنة الصنع", "Year", "p.year", Read::Integer),
        f("trim", "الفئة (التجهيز)", "Trim", "p.trim", Read::Text),
        f("colour", "اللون", "Colour", "p.colour", Read::Text),
        f(
            "vin",
            "رقم الهيكل (VIN)",
            "VIN / chassis number",
            "p.vin",
            Read::Text,
        ),
        f(
            "stock_status",
            "حالة المخزون",
            "Stock status",
            "p.stock_status",
            Read::Word(Vocabulary::Status),
        ),
    ]
    .into_iter()
    .chain(source::record_stamps("p"))
    .collect()
}

pub fn columns() -> Vec<Column> {
    fields(2).into_iter().map(|f| f.column).collect()
}

pub fn table<'c>(conn: &'c Connection, created: &Created, lang: Locale) -> Result<Table<'c>> {
    let currency: String =
        conn.query_row("SELECT currency FROM company WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    let q = Query {
        fields: fields(decimals_of(&currency)),
        from: "products p".into(),
        filter: Filter::new("p", created),
        order: "p.num".into(),
        params: Vec::new(),
        lists: Vec::new(),
        list_key: "id",
    };
    source::table(conn, "products", name(), q, lang)
}
