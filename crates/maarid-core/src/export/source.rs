//! A table read straight from SQLite: each field names its column, the SQL expression
//! that gives its stored value, and how that value becomes a cell. The record types
//! are lists of fields; the query is built from the list, so a column and its SQL
//! cannot drift apart.

use rusqlite::{Connection, Row};

use super::labels::Vocabulary;
use super::query::{self, Filter};
use super::table::{Column, ColumnType, Table, Value};
use crate::fields::{CustomField, FieldType};
use crate::i18n::{Locale, Text};
use crate::{Error, Result};

/// How a stored value becomes a cell.
#[derive(Debug, Clone)]
pub enum Read {
    Text,
    /// A stored key, written as its word in the export's language.
    Word(Vocabulary),
    /// 0/1, written as yes/no in the export's language.
    YesNo,
    Integer,
    Decimal,
    Date,
    /// An RFC 3339 moment in UTC.
    Moment,
    /// An amount in the currency of the field keyed `currency`, or in `fixed`.
    Money(Currency),
    /// A custom field's canonical text.
    Custom(Box<CustomField>),
    /// The values of side list `n` of the query for this row, joined with "; " (the
    /// field's SQL is not used).
    List(usize),
}

#[derive(Debug, Clone, Copy)]
pub enum Currency {
    /// Decimals of one currency for every row (the company's, for catalog prices).
    Fixed(u32),
    /// The row's own currency, in the field with this key.
    Field(&'static str),
}

pub struct Field {
    pub column: Column,
    /// SQL expression for the stored value.
    pub sql: String,
    pub read: Read,
}

impl Field {
    pub fn new(key: &str, ar: &str, en: &str, sql: &str, read: Read) -> Self {
        Field::labelled(
            key,
            Text::new(ar.to_string(), en.to_string()),
            sql.to_string(),
            read,
        )
    }

    pub fn labelled(key: &str, label: Text<String>, sql: String, read: Read) -> Self {
        let ty = match &read {
            Read::Text | Read::Word(_) | Read::YesNo | Read::List(_) => ColumnType::Text,
            Read::Integer => ColumnType::Integer,
            Read::Decimal => ColumnType::Decimal,
            Read::Date => ColumnType::Date,
            Read::Moment => ColumnType::DateTime,
            Read::Money(_) => ColumnType::Money,
            Read::Custom(f) => match f.field_type {
                FieldType::Number => ColumnType::Decimal,
                FieldType::Date => ColumnType::Date,
                FieldType::Text | FieldType::Choice => ColumnType::Text,
            },
        };
        Field {
            column: Column::new(key, label, ty),
            sql,
            read,
        }
    }
}

/// What to read: the fields, the FROM clause (joins included), the filter (on the
/// aliases of `from`) and the order of the rows.
pub struct Query {
    pub fields: Vec<Field>,
    pub from: String,
    pub filter: Filter,
    pub order: String,
    /// Named parameters used by the fields' SQL (e.g. custom field ids).
    pub params: Vec<(String, String)>,
    /// Several values per row from another table (a contact's phones…), read in one
    /// ordered pass beside the rows instead of one query per row. Each is
    /// `SELECT key, value … ORDER BY key, <order within a key>`; the rows must then be
    /// ordered by the field keyed `list_key`, compared the same way (bytes).
    pub lists: Vec<&'static str>,
    pub list_key: &'static str,
}

/// A table whose rows are read one at a time from `conn` while it is written.
pub fn table<'c>(
    conn: &'c Connection,
    key: &str,
    name: Text<String>,
    q: Query,
    lang: Locale,
) -> Result<Table<'c>> {
    let key_index = |k: &str| {
        q.fields
            .iter()
            .position(|f| f.column.key == k)
            .ok_or_else(|| Error::Internal(format!("export of {key}: no field {k}")))
    };
    // Where each money field finds its currency.
    let currency_at: Vec<Option<usize>> = q
        .fields
        .iter()
        .map(|f| match f.read {
            Read::Money(Currency::Field(k)) => key_index(k).map(Some),
            _ => Ok(None),
        })
        .collect::<Result<_>>()?;
    let select: Vec<&str> = q.fields.iter().map(|f| f.sql.as_str()).collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE {} ORDER BY {}",
        select.join(", "),
        q.from,
        q.filter.sql(),
        q.order
    );
    let list_key_at = if q.lists.is_empty() {
        None
    } else {
        Some(key_index(q.list_key)?)
    };
    let columns = q.fields.iter().map(|f| f.column.clone()).collect();
    let reads: Vec<Read> = q.fields.into_iter().map(|f| f.read).collect();
    let (filter, params, lists) = (q.filter, q.params, q.lists);
    Ok(Table::new(key, name, columns, move |sink| {
        let extra: Vec<(&str, &dyn rusqlite::ToSql)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v as &dyn rusqlite::ToSql))
            .collect();
        let mut statements = lists
            .iter()
            .map(|sql| conn.prepare(sql))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut sides = statements
            .iter_mut()
            .map(Side::open)
            .collect::<Result<Vec<_>>>()?;
        let mut row = Vec::with_capacity(reads.len());
        filter.each_row(conn, &sql, &extra, |r| {
            let list_key: Option<String> = list_key_at.map(|k| r.get(k)).transpose()?;
            row.clear();
            for (i, read) in reads.iter().enumerate() {
                row.push(match (read, &list_key) {
                    (Read::List(n), Some(k)) => sides[*n].take(k)?,
                    _ => cell(r, i, read, currency_at[i], lang)?,
                });
            }
            sink(&mut row)
        })
    }))
}

/// One side list being read alongside the rows: the next (key, value) not yet used.
struct Side<'s> {
    rows: rusqlite::Rows<'s>,
    next: Option<(String, String)>,
}

impl<'s> Side<'s> {
    fn open(stmt: &'s mut rusqlite::Statement<'_>) -> Result<Self> {
        let mut side = Side {
            rows: stmt.query([])?,
            next: None,
        };
        side.advance()?;
        Ok(side)
    }

    fn advance(&mut self) -> Result<()> {
        self.next = match self.rows.next()? {
            Some(r) => Some((r.get(0)?, r.get(1)?)),
            None => None,
        };
        Ok(())
    }

    /// The values of `key` joined with "; ", skipping those of keys before it (rows
    /// that are not exported, such as deleted contacts').
    fn take(&mut self, key: &str) -> Result<Value> {
        let mut joined = String::new();
        while let Some((k, v)) = &self.next {
            match k.as_str().cmp(key) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    if !joined.is_empty() {
                        joined.push_str("; ");
                    }
                    joined.push_str(v);
                }
                std::cmp::Ordering::Greater => break,
            }
            self.advance()?;
        }
        Ok(if joined.is_empty() {
            Value::Empty
        } else {
            Value::Text(joined)
        })
    }
}

fn cell(r: &Row, i: usize, read: &Read, currency_at: Option<usize>, lang: Locale) -> Result<Value> {
    match read {
        Read::Text => query::text(r, i),
        Read::Word(v) => query::word(r, i, *v, lang),
        Read::YesNo => query::yes_no(r, i, lang),
        Read::Integer => query::integer(r, i),
        Read::Decimal => query::decimal(r, i),
        Read::Date => query::date(r, i),
        Read::Moment => query::moment(r, i),
        Read::Money(Currency::Fixed(decimals)) => query::amount(r, i, *decimals),
        Read::Money(Currency::Field(_)) => {
            let at = currency_at.expect("resolved when the table was built");
            let currency: Option<String> = r.get(at)?;
            query::amount(r, i, query::decimals_of(currency.as_deref().unwrap_or("")))
        }
        Read::Custom(f) => Ok(custom_value(f, query::text(r, i)?, lang)),
        Read::List(_) => Err(Error::Internal("a side list without its key".into())),
    }
}

/// A custom field's canonical text as a cell: numbers and dates typed, choices as
/// their label in the export's language.
fn custom_value(f: &CustomField, stored: Value, lang: Locale) -> Value {
    let Value::Text(s) = stored else {
        return stored;
    };
    match f.field_type {
        FieldType::Text => Value::Text(s),
        FieldType::Number => s.parse().map(Value::Decimal).unwrap_or(Value::Text(s)),
        FieldType::Date => chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Value::Date)
            .unwrap_or(Value::Text(s)),
        FieldType::Choice => match f.choices.iter().find(|c| c.key == s) {
            Some(c) if lang == Locale::En && !c.en.is_empty() => Value::Text(c.en.clone()),
            Some(c) => Value::Text(c.ar.clone()),
            None => Value::Text(s),
        },
    }
}

/// `id`, `created_at` and `updated_at` of the table aliased `alias`: the last columns
/// of every record type.
pub fn record_stamps(alias: &str) -> [Field; 3] {
    [
        Field::new("id", "المعرّف", "ID", &format!("{alias}.id"), Read::Text),
        Field::new(
            "created_at",
            "تاريخ الإضافة",
            "Created",
            &format!("{alias}.created_at"),
            Read::Moment,
        ),
        Field::new(
            "updated_at",
            "آخر تعديل",
            "Last changed",
            &format!("{alias}.updated_at"),
            Read::Moment,
        ),
    ]
}

/// The customer of a document: `contact_id` (as the document's input has it) and the
/// name to read (`c` is the joined contact).
pub fn customer(alias: &str) -> [Field; 2] {
    [
        Field::new(
            "contact_id",
            "معرّف العميل",
            "Customer ID",
            &format!("{alias}.contact_id"),
            Read::Text,
        ),
        Field::new(
            "contact_name",
            "العميل",
            "Customer",
            "COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name)",
            Read::Text,
        ),
    ]
}
