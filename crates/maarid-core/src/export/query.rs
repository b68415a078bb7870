//! What the record types' queries share: the rows a user may export (live ones, only
//! their own with an "own" read right, created within the dates asked for), and
//! turning stored text into typed cell values.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row, ToSql};
use rust_decimal::Decimal;

use super::labels::{self, Vocabulary};
use super::table::Value;
use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::i18n::Locale;
use crate::{money, Error, Result, Rule};

/// Created-date bounds, both days included.
#[derive(Debug, Clone, Copy, Default)]
pub struct Created {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Created {
    pub fn check(&self) -> Result<()> {
        match (self.from, self.to) {
            (Some(f), Some(t)) if t < f => Err(Error::invalid("created_to", Rule::OutOfRange)),
            _ => Ok(()),
        }
    }
}

/// Checks the read right on `doc` and returns whose records may be read: None for
/// everyone's, Some(user id) with the "own" scope (as the record lists do).
pub fn readable(actor: &Actor, doc: DocType) -> Result<Option<String>> {
    actor.authorize(doc, Action::Read, Target::Own)?;
    Ok(match actor.scope(doc, Action::Read) {
        Scope::All => None,
        _ => Some(actor.user_id.clone().unwrap_or_default()),
    })
}

/// The WHERE clause of an export query and its named parameters.
pub struct Filter {
    conds: Vec<String>,
    args: Vec<(&'static str, String)>,
}

impl Filter {
    /// Live rows of the table aliased `alias` created within `created` (compared as
    /// the lists compare them: the stored UTC timestamp against the day).
    pub fn new(alias: &str, created: &Created) -> Self {
        let mut f = Filter {
            conds: vec![format!("{alias}.deleted_at IS NULL")],
            args: Vec::new(),
        };
        if let Some(from) = created.from {
            f.conds.push(format!("{alias}.created_at >= :from"));
            f.args.push((":from", from.format("%Y-%m-%d").to_string()));
        }
        if let Some(next) = created.to.and_then(|t| t.succ_opt()) {
            f.conds.push(format!("{alias}.created_at < :to"));
            f.args.push((":to", next.format("%Y-%m-%d").to_string()));
        }
        f
    }

    /// Only rows whose owner (the SQL expression `owner`) is `me`, when given.
    pub fn owned_by(mut self, owner: &str, me: Option<&str>) -> Self {
        if let Some(me) = me {
            self.conds.push(format!("{owner} = :me"));
            self.args.push((":me", me.to_string()));
        }
        self
    }

    pub fn sql(&self) -> String {
        self.conds.join(" AND ")
    }

    /// Runs `sql` with this filter's parameters (plus `extra`), calling `each` per row.
    pub fn each_row(
        &self,
        conn: &Connection,
        sql: &str,
        extra: &[(&str, &dyn ToSql)],
        mut each: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let mut params: Vec<(&str, &dyn ToSql)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v as &dyn ToSql))
            .collect();
        params.extend_from_slice(extra);
        let mut rows = stmt.query(params.as_slice())?;
        while let Some(r) = rows.next()? {
            each(r)?;
        }
        Ok(())
    }
}

/// The stored text of column `i` (None for NULL).
fn raw<'r>(r: &'r Row, i: usize) -> Result<Option<&'r str>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Text(t) => {
            Some(std::str::from_utf8(t).map_err(|e| Error::Internal(e.to_string()))?)
        }
        other => {
            return Err(Error::Internal(format!(
                "column {i}: text expected, found {:?}",
                other.data_type()
            )))
        }
    })
}

/// Text, empty for NULL.
pub fn text(r: &Row, i: usize) -> Result<Value> {
    Ok(match raw(r, i)? {
        None | Some("") => Value::Empty,
        Some(s) => Value::Text(s.to_string()),
    })
}

/// A stored key written as its word in `lang`.
pub fn word(r: &Row, i: usize, v: Vocabulary, lang: Locale) -> Result<Value> {
    Ok(match raw(r, i)? {
        None | Some("") => Value::Empty,
        Some(s) => Value::Text(labels::label(v, s, lang)),
    })
}

/// 0/1 as «نعم»/«لا», "Yes"/"No".
pub fn yes_no(r: &Row, i: usize, lang: Locale) -> Result<Value> {
    let v: Option<bool> = r.get(i)?;
    Ok(v.map_or(Value::Empty, |b| Value::Text(labels::yes_no(b, lang))))
}

pub fn integer(r: &Row, i: usize) -> Result<Value> {
    let v: Option<i64> = r.get(i)?;
    Ok(v.map_or(Value::Empty, Value::Integer))
}

/// A decimal kept as text. Text that is not a number (never written by Maarid) is
/// exported as it is rather than lost.
pub fn decimal(r: &Row, i: usize) -> Result<Value> {
    Ok(match raw(r, i)? {
        None | Some("") => Value::Empty,
        Some(s) => match s.parse::<Decimal>() {
            Ok(d) => Value::Decimal(d),
            Err(_) => Value::Text(s.to_string()),
        },
    })
}

/// An amount in a currency with `decimals` decimals.
pub fn amount(r: &Row, i: usize, decimals: u32) -> Result<Value> {
    Ok(match decimal(r, i)? {
        Value::Decimal(d) => Value::Money(d, decimals),
        other => other,
    })
}

/// Decimals of a currency's minor unit: 3 for KWD, BHD, OMR and JOD, otherwise 2
/// (also for a currency Maarid does not know).
pub fn decimals_of(currency: &str) -> u32 {
    money::minor_digits(currency).unwrap_or(2)
}

/// A `YYYY-MM-DD` date.
pub fn date(r: &Row, i: usize) -> Result<Value> {
    Ok(match raw(r, i)? {
        None | Some("") => Value::Empty,
        Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Value::Date(d),
            Err(_) => Value::Text(s.to_string()),
        },
    })
}

/// An RFC 3339 moment (stored in UTC).
pub fn moment(r: &Row, i: usize) -> Result<Value> {
    Ok(match raw(r, i)? {
        None | Some("") => Value::Empty,
        Some(s) => match DateTime::parse_from_rfc3339(s) {
            Ok(t) => Value::DateTime(t.with_timezone(&Utc)),
            Err(_) => Value::Text(s.to_string()),
        },
    })
}
