//! Contacts: one row per live contact, oldest first. The column keys are the ones the
//! import maps to, so an exported sheet imports back unchanged. Phones (as typed, with
//! their leading zero), emails and tags are joined with "; "; address, region and
//! country are those of the contact's first address; custom fields follow the notes.

use rusqlite::Connection;

use super::labels::Vocabulary;
use super::query::{Created, Filter};
use super::source::{self, Field, Query, Read};
use super::table::{Column, Table};
use crate::fields::{self, CustomField};
use crate::i18n::{Locale, Text};
use crate::Result;

pub fn name() -> Text<String> {
    Text::new("جهات الاتصال".into(), "Contacts".into())
}

/// Phones, emails and tags: read beside the contacts, in the contacts' order (by id).
const LISTS: [&str; 3] = [
    "SELECT contact_id, raw FROM contact_phones ORDER BY contact_id, position",
    "SELECT contact_id, email FROM contact_emails ORDER BY contact_id, position",
    "SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag",
];
const PHONES: usize = 0;
const EMAILS: usize = 1;
const TAGS: usize = 2;

fn fields(custom: &[CustomField]) -> Vec<Field> {
    let f = Field::new;
    let mut out = vec![
        f(
            "name_ar",
            "الاسم بالعربية",
            "Name in Arabic",
            "c.name_ar",
            Read::Text,
        ),
        f(
            "name_latin",
            "الاسم بالأحرف اللاتينية",
            "Name in Latin letters",
            "c.name_latin",
            Read::Text,
        ),
        f(
            "company_name",
            "اسم الشركة",
            "Company name",
            "c.company_name",
            Read::Text,
        ),
        f(
            "job_title",
            "المسمى الوظيفي",
            "Job title",
            "c.job_title",
            Read::Text,
        ),
        f(
            "kind",
            "النوع",
            "Type",
            "c.kind",
            Read::Word(Vocabulary::ContactKind),
        ),
        f(
            "phones",
            "أرقام الهاتف",
            "Phone numbers",
            "NULL",
            Read::List(PHONES),
        ),
        f(
            "emails",
            "البريد الإلكتروني",
            "Emails",
            "NULL",
            Read::List(EMAILS),
        ),
        f("city", "المدينة", "City", "c.city", Read::Text),
        f("address", "العنوان", "Address", "a.line", Read::Text),
        f("region", "المنطقة", "Region", "a.region", Read::Text),
        f("country", "الدولة", "Country", "a.country", Read::Text),
        f(
            "website",
            "الموقع الإلكتروني",
            "Website",
            "c.website",
            Read::Text,
        ),
        f(
            "source",
            "المصدر",
            "Source",
            "c.source",
            Read::Word(Vocabulary::ContactSource),
        ),
        f(
            "preferred_channel",
            "وسيلة التواصل المفضلة",
            "Preferred channel",
            "c.preferred_channel",
            Read::Word(Vocabulary::PreferredChannel),
        ),
        f("tags", "الوسوم", "Tags", "NULL", Read::List(TAGS)),
        f("owner", "المسؤول", "Owner", "u.username", Read::Text),
        f("notes", "ملاحظات", "Notes", "c.notes", Read::Text),
    ];
    for (i, field) in custom.iter().enumerate() {
        out.push(Field::labelled(
            &format!("custom.{}", field.id),
            field.label(),
            format!(
                "(SELECT v.value FROM contact_field_values v WHERE v.contact_id = c.id AND v.field_id = :f{i})"
            ),
            Read::Custom(Box::new(field.clone())),
        ));
    }
    out.extend(source::record_stamps("c"));
    out
}

/// Every column, the administrator's custom fields included.
pub fn columns(conn: &Connection) -> Result<Vec<Column>> {
    let custom = fields::list_in(conn)?;
    Ok(fields(&custom).into_iter().map(|f| f.column).collect())
}

/// `own`: only the contacts this user owns (a read right of "own records").
pub fn table<'c>(
    conn: &'c Connection,
    own: Option<&str>,
    created: &Created,
    lang: Locale,
) -> Result<Table<'c>> {
    let custom = fields::list_in(conn)?;
    let params = custom
        .iter()
        .enumerate()
        .map(|(i, f)| (format!(":f{i}"), f.id.clone()))
        .collect();
    let q = Query {
        fields: fields(&custom),
        from: "contacts c
            LEFT JOIN users u ON u.id = c.owner_id
            LEFT JOIN contact_addresses a ON a.id = (SELECT a2.id FROM contact_addresses a2
                WHERE a2.contact_id = c.id AND a2.position =
                    (SELECT min(a3.position) FROM contact_addresses a3 WHERE a3.contact_id = c.id)
                LIMIT 1)"
            .into(),
        filter: Filter::new("c", created).owned_by("c.owner_id", own),
        // Ids are time-ordered (UUIDv7): oldest first, and the side lists' order.
        order: "c.id".into(),
        params,
        lists: LISTS.to_vec(),
        list_key: "id",
    };
    source::table(conn, "contacts", name(), q, lang)
}
