//! Invoices, oldest first. Their lines are a table of their own (`lines.rs`).

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{Created, Filter};
use super::source::{self, Field, Query, Read};
use super::table::{Column, Table};
use crate::i18n::{Locale, Text};
use crate::invoicing::OWNER;
use crate::Result;

pub fn name() -> Text<String> {
    Text::new("الفواتير".into(), "Invoices".into())
}

fn fields() -> Vec<Field> {
    let f = Field::new;
    let [contact_id, contact_name] = source::customer("x");
    let mut out = vec![
        f("number", "الرقم", "Number", "x.number", Read::Text),
        f(
            "kind",
            "نوع الفاتورة",
            "Invoice type",
            "x.kind",
            Read::Word(Vocabulary::InvoiceKind),
        ),
        f(
            "status",
            "الحالة",
            "Status",
            "x.status",
            Read::Word(Vocabulary::Status),
        ),
        contact_id,
        contact_name,
        f(
            "quote_id",
            "معرّف عرض السعر",
            "Quotation ID",
            "x.quote_id",
            Read::Text,
        ),
        f(
            "quote_number",
            "رقم عرض السعر",
            "Quotation number",
            "q.number",
            Read::Text,
        ),
        f(
            "delivery_note_number",
            "رقم سند التسليم",
            "Delivery note number",
            "d.number",
            Read::Text,
        ),
        f(
            "issue_date",
            "تاريخ الإصدار",
            "Issue date",
            "x.issue_date",
            Read::Date,
        ),
        f(
            "issued_at",
            "وقت الإصدار",
            "Issued at",
            "x.issued_at",
            Read::Moment,
        ),
        f("currency", "العملة", "Currency", "x.currency", Read::Text),
        f(
            "prices_include_vat",
            "الأسعار شاملة الضريبة",
            "Prices include VAT",
            "x.prices_include_vat",
            Read::YesNo,
        ),
    ];
    out.extend(super::quotes::totals());
    out.extend([
        f(
            "terms",
            "الشروط والأحكام",
            "Terms and conditions",
            "x.terms",
            Read::Text,
        ),
        f("notes", "ملاحظات", "Notes", "x.notes", Read::Text),
    ]);
    out.extend(source::record_stamps("x"));
    out
}

pub fn columns() -> Vec<Column> {
    fields().into_iter().map(|f| f.column).collect()
}

/// `own`: only invoices of this user's quotations (else made by them), as the
/// invoice list shows them.
pub fn table<'c>(
    conn: &'c Connection,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    let q = Query {
        fields: fields(),
        from: "invoices x
            LEFT JOIN contacts c ON c.id = x.contact_id
            LEFT JOIN quotes q ON q.id = x.quote_id
            LEFT JOIN delivery_notes d ON d.id = x.delivery_note_id"
            .into(),
        filter: Filter::new("x", created).owned_by(OWNER, own),
        order: "x.created_at, x.id".into(),
        params: Vec::new(),
        lists: Vec::new(),
        list_key: "id",
    };
    source::table(conn, "invoices", name(), q, lang)
}
