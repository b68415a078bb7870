//! Inquiries, oldest first. The items of interest are one cell: each item's
//! description, with «× quantity» when more than one, joined with "; ".

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{Created, Filter};
use super::source::{self, Currency, Field, Query, Read};
use super::table::{Column, Table};
use crate::i18n::{Locale, Text};
use crate::Result;

pub fn name() -> Text<String> {
    Text::new("الاستفسارات".into(), "Inquiries".into())
}

fn fields() -> Vec<Field> {
    let f = Field::new;
    let [contact_id, contact_name] = source::customer("i");
    let mut out = vec![
        f("number", "الرقم", "Number", "i.number", Read::Text),
        contact_id,
        contact_name,
        f(
            "channel",
            "قناة الاستفسار",
            "Channel",
            "i.channel",
            Read::Word(Vocabulary::InquiryChannel),
        ),
        f(
            "status",
            "الحالة",
            "Status",
            "i.status",
            Read::Word(Vocabulary::Status),
        ),
        f(
            "items",
            "الأصناف المطلوبة",
            "Items of interest",
            "(SELECT group_concat(CASE WHEN CAST(it.quantity AS REAL) = 1 THEN it.description
                    ELSE it.description || ' × ' || it.quantity END, '; ' ORDER BY it.position)
                FROM inquiry_items it WHERE it.inquiry_id = i.id)",
            Read::Text,
        ),
        f(
            "budget",
            "الميزانية",
            "Budget",
            "i.budget",
            Read::Money(Currency::Field("currency")),
        ),
        f("currency", "العملة", "Currency", "i.currency", Read::Text),
        f("notes", "ملاحظات", "Notes", "i.notes", Read::Text),
        f(
            "owner_id",
            "معرّف المسؤول",
            "Owner ID",
            "i.owner_id",
            Read::Text,
        ),
        f("owner", "المسؤول", "Owner", "u.username", Read::Text),
        f(
            "follow_up_on",
            "تاريخ المتابعة",
            "Follow-up date",
            "i.follow_up_on",
            Read::Date,
        ),
        f(
            "approved_at",
            "تاريخ الاعتماد",
            "Approved",
            "i.approved_at",
            Read::Moment,
        ),
        f(
            "lost_reason",
            "سبب الخسارة",
            "Lost reason",
            "i.lost_reason",
            Read::Word(Vocabulary::LostReason),
        ),
        f(
            "competitor",
            "المنافس",
            "Competitor",
            "i.competitor",
            Read::Text,
        ),
        f(
            "closed_at",
            "تاريخ الإغلاق",
            "Closed",
            "i.closed_at",
            Read::Moment,
        ),
    ];
    out.extend(source::record_stamps("i"));
    out
}

pub fn columns() -> Vec<Column> {
    fields().into_iter().map(|f| f.column).collect()
}

/// `own`: only the inquiries this user owns.
pub fn table<'c>(
    conn: &'c Connection,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    let q = Query {
        fields: fields(),
        from: "inquiries i
            LEFT JOIN contacts c ON c.id = i.contact_id
            LEFT JOIN users u ON u.id = i.owner_id"
            .into(),
        filter: Filter::new("i", created).owned_by("i.owner_id", own),
        order: "i.created_at, i.id".into(),
        params: Vec::new(),
        lists: Vec::new(),
        list_key: "id",
    };
    source::table(conn, "inquiries", name(), q, lang)
}
