//! Lines of quotations, invoices and delivery notes: one row per line, linked to its
//! document by `number`, in the order of the documents, then line by line. Whose lines
//! a user may export follows their document (the same filter as the document's table).

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{Created, Filter};
use super::source::{self, Currency, Field, Query, Read};
use super::table::{Column, Table};
use crate::i18n::{Locale, Text};
use crate::invoicing::OWNER;
use crate::Result;

/// Which documents' lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinesOf {
    Quotes,
    Invoices,
    DeliveryNotes,
}

impl LinesOf {
    pub fn key(self) -> &'static str {
        match self {
            LinesOf::Quotes => "quote_lines",
            LinesOf::Invoices => "invoice_lines",
            LinesOf::DeliveryNotes => "delivery_note_lines",
        }
    }

    pub fn name(self) -> Text<String> {
        let (ar, en) = match self {
            LinesOf::Quotes => ("بنود عروض الأسعار", "Quotation lines"),
            LinesOf::Invoices => ("بنود الفواتير", "Invoice lines"),
            LinesOf::DeliveryNotes => ("بنود سندات التسليم", "Delivery note lines"),
        };
        Text::new(ar.into(), en.into())
    }

    /// The document table (alias `x`) joined to its lines (`l`), with what the owner
    /// filter and the currency need.
    fn from(self) -> &'static str {
        match self {
            LinesOf::Quotes => {
                "quotes x JOIN document_lines l ON l.doc_id = x.id AND l.doc_type = 'quotation'
                 LEFT JOIN products p ON p.id = l.product_id"
            }
            LinesOf::Invoices => {
                "invoices x JOIN document_lines l ON l.doc_id = x.id AND l.doc_type = 'invoice'
                 LEFT JOIN quotes q ON q.id = x.quote_id
                 LEFT JOIN products p ON p.id = l.product_id"
            }
            LinesOf::DeliveryNotes => {
                "delivery_notes x JOIN document_lines l ON l.doc_id = x.id AND l.doc_type = 'delivery_note'
                 LEFT JOIN quotes q ON q.id = x.quote_id
                 LEFT JOIN company co ON co.id = 1
                 LEFT JOIN products p ON p.id = l.product_id"
            }
        }
    }

    fn owner(self) -> &'static str {
        match self {
            LinesOf::Quotes => "x.owner_id",
            LinesOf::Invoices | LinesOf::DeliveryNotes => OWNER,
        }
    }

    /// A delivery note has no currency of its own: its quotation's, else the company's.
    fn currency(self) -> &'static str {
        match self {
            LinesOf::Quotes | LinesOf::Invoices => "x.currency",
            LinesOf::DeliveryNotes => "COALESCE(q.currency, co.currency)",
        }
    }
}

fn fields(of: LinesOf) -> Vec<Field> {
    let f = Field::new;
    let money = || Read::Money(Currency::Field("currency"));
    vec![
        f(
            "number",
            "رقم المستند",
            "Document number",
            "x.number",
            Read::Text,
        ),
        f(
            "line_no",
            "رقم البند",
            "Line no.",
            "l.position + 1",
            Read::Integer,
        ),
        f(
            "product_id",
            "معرّف المنتج",
            "Product ID",
            "l.product_id",
            Read::Text,
        ),
        f(
            "product_code",
            "رمز المنتج",
            "Product code",
            "p.code",
            Read::Text,
        ),
        f(
            "description",
            "الوصف",
            "Description",
            "l.description",
            Read::Text,
        ),
        f("unit", "الوحدة", "Unit", "l.unit", Read::Text),
        f(
            "quantity",
            "الكمية",
            "Quantity",
            "l.quantity",
            Read::Decimal,
        ),
        f(
            "unit_price",
            "سعر الوحدة",
            "Unit price",
            "l.unit_price",
            money(),
        ),
        f(
            "discount_kind",
            "نوع الخصم",
            "Discount type",
            "l.discount_kind",
            Read::Word(Vocabulary::DiscountKind),
        ),
        f("discount", "الخصم", "Discount", "l.discount", Read::Decimal),
        f(
            "vat_rate",
            "نسبة ضريبة القيمة المضافة",
            "VAT rate",
            "l.vat_rate",
            Read::Decimal,
        ),
        f("gross", "الإجمالي قبل الخصم", "Gross", "l.gross", money()),
        f(
            "discount_amount",
            "مبلغ الخصم",
            "Discount amount",
            "l.discount_amount",
            money(),
        ),
        f(
            "net",
            "الصافي قبل الضريبة",
            "Net before VAT",
            "l.net",
            money(),
        ),
        f("vat", "ضريبة القيمة المضافة", "VAT", "l.vat", money()),
        f(
            "total",
            "الإجمالي شامل الضريبة",
            "Total with VAT",
            "l.total",
            money(),
        ),
        f("currency", "العملة", "Currency", of.currency(), Read::Text),
    ]
}

pub fn columns(of: LinesOf) -> Vec<Column> {
    fields(of).into_iter().map(|f| f.column).collect()
}

/// `own`: only lines of documents this user owns (as their document's table).
/// `created` applies to the documents.
pub fn table<'c>(
    conn: &'c Connection,
    of: LinesOf,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    let q = Query {
        fields: fields(of),
        from: of.from().into(),
        filter: Filter::new("x", created).owned_by(of.owner(), own),
        order: "x.created_at, x.id, l.position".into(),
        params: Vec::new(),
        lists: Vec::new(),
        list_key: "id",
    };
    source::table(conn, of.key(), of.name(), q, lang)
}
