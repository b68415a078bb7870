//! Quotations, oldest first, every revision included (the status column tells which
//! were superseded). Their lines are a table of their own (`lines.rs`).

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{Created, Filter};
use super::source::{self, Currency, Field, Query, Read};
use super::table::{Column, Table};
use crate::i18n::{Locale, Text};
use crate::Result;

pub fn name() -> Text<String> {
    Text::new("عروض الأسعار".into(), "Quotations".into())
}

/// The totals of a quotation or invoice (alias `x`), in its currency.
pub(super) fn totals() -> [Field; 5] {
    let money = || Read::Money(Currency::Field("currency"));
    let f = Field::new;
    [
        f(
            "subtotal",
            "المجموع قبل الخصم",
            "Subtotal",
            "x.subtotal",
            money(),
        ),
        f(
            "discount_total",
            "إجمالي الخصم",
            "Discount total",
            "x.discount_total",
            money(),
        ),
        f(
            "net_total",
            "الصافي قبل الضريبة",
            "Net before VAT",
            "x.net_total",
            money(),
        ),
        f(
            "vat_total",
            "إجمالي ضريبة القيمة المضافة",
            "VAT total",
            "x.vat_total",
            money(),
        ),
        f(
            "total",
            "الإجمالي شامل الضريبة",
            "Total with VAT",
            "x.total",
            money(),
        ),
    ]
}

fn fields() -> Vec<Field> {
    let f = Field::new;
    let [contact_id, contact_name] = source::customer("x");
    let mut out = vec![
        f("number", "الرقم", "Number", "x.number", Read::Text),
        f(
            "revision",
            "المراجعة",
            "Revision",
            "x.revision",
            Read::Integer,
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
            "inquiry_id",
            "معرّف الاستفسار",
            "Inquiry ID",
            "x.inquiry_id",
            Read::Text,
        ),
        f(
            "inquiry_number",
            "رقم الاستفسار",
            "Inquiry number",
            "iq.number",
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
            "valid_until",
            "صالح حتى",
            "Valid till",
            "x.valid_until",
            Read::Date,
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
    out.extend(totals());
    out.extend([
        f(
            "terms",
            "الشروط والأحكام",
            "Terms and conditions",
            "x.terms",
            Read::Text,
        ),
        f("notes", "ملاحظات", "Notes", "x.notes", Read::Text),
        f(
            "lost_reason",
            "سبب الرفض",
            "Rejection reason",
            "x.lost_reason",
            Read::Word(Vocabulary::LostReason),
        ),
        f(
            "competitor",
            "المنافس",
            "Competitor",
            "x.competitor",
            Read::Text,
        ),
        f(
            "owner_id",
            "معرّف المسؤول",
            "Owner ID",
            "x.owner_id",
            Read::Text,
        ),
        f("owner", "المسؤول", "Owner", "u.username", Read::Text),
        f("sent_at", "تاريخ الإرسال", "Sent", "x.sent_at", Read::Moment),
        f(
            "decided_at",
            "تاريخ القرار",
            "Decided",
            "x.decided_at",
            Read::Moment,
        ),
    ]);
    out.extend(source::record_stamps("x"));
    out
}

pub fn columns() -> Vec<Column> {
    fields().into_iter().map(|f| f.column).collect()
}

/// `own`: only the quotations this user owns.
pub fn table<'c>(
    conn: &'c Connection,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    let q = Query {
        fields: fields(),
        from: "quotes x
            LEFT JOIN contacts c ON c.id = x.contact_id
            LEFT JOIN inquiries iq ON iq.id = x.inquiry_id
            LEFT JOIN users u ON u.id = x.owner_id"
            .into(),
        filter: Filter::new("x", created).owned_by("x.owner_id", own),
        order: "x.created_at, x.id".into(),
        params: Vec::new(),
        lists: Vec::new(),
        list_key: "id",
    };
    source::table(conn, "quotes", name(), q, lang)
}
