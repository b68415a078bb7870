//! Document numbering series: QTN-2026-00001 and the like, one series per document
//! type, optionally restarting every year. Numbers are taken inside the caller's
//! write transaction, so two documents can never get the same number.

pub(crate) mod import;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::now;
use crate::{audit, Error, Result, Rule};

/// Document types that carry a number, with their default patterns.
pub const DEFAULT_SERIES: &[(&str, &str)] = &[
    ("inquiry", "INQ-{YYYY}-{#}"),
    ("quotation", "QTN-{YYYY}-{#}"),
    ("delivery_note", "DN-{YYYY}-{#}"),
    ("invoice", "INV-{YYYY}-{#}"),
    ("letter_in", "IN-{YYYY}-{#}"),
    ("letter_out", "OUT-{YYYY}-{#}"),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesInput {
    pub doc_type: String,
    pub pattern: String,
    pub padding: i64,
    pub next_number: i64,
    pub reset_yearly: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub doc_type: String,
    pub pattern: String,
    pub padding: i64,
    pub next_number: i64,
    pub reset_yearly: bool,
    /// The number the next document will get.
    pub preview: String,
    pub updated_at: String,
}

pub fn default_inputs() -> Vec<SeriesInput> {
    DEFAULT_SERIES
        .iter()
        .map(|(d, p)| SeriesInput {
            doc_type: d.to_string(),
            pattern: p.to_string(),
            padding: 5,
            next_number: 1,
            reset_yearly: true,
        })
        .collect()
}

/// Fills a pattern: {YYYY} {YY} {MM} and {#} (the counter, zero-padded).
pub fn format_number(pattern: &str, padding: i64, number: i64, date: NaiveDate) -> String {
    let counter = format!("{:0width$}", number, width = padding.clamp(1, 12) as usize);
    pattern
        .replace("{YYYY}", &format!("{:04}", date.year()))
        .replace("{YY}", &format!("{:02}", date.year() % 100))
        .replace("{MM}", &format!("{:02}", date.month()))
        .replace("{#}", &counter)
}

impl SeriesInput {
    pub fn validate(&self) -> Result<()> {
        if !DEFAULT_SERIES.iter().any(|(d, _)| *d == self.doc_type) {
            return Err(Error::invalid("doc_type", Rule::UnknownValue));
        }
        let p = self.pattern.trim();
        if p.is_empty() {
            return Err(Error::invalid("pattern", Rule::Required));
        }
        if p.matches("{#}").count() != 1 || p.chars().count() > 40 {
            return Err(Error::invalid("pattern", Rule::BadFormat));
        }
        if !(1..=12).contains(&self.padding) {
            return Err(Error::invalid("padding", Rule::OutOfRange));
        }
        if !(1..=999_999_999_999).contains(&self.next_number) {
            return Err(Error::invalid("next_number", Rule::OutOfRange));
        }
        Ok(())
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn map(r: &rusqlite::Row) -> rusqlite::Result<Series> {
    let pattern: String = r.get(1)?;
    let padding: i64 = r.get(2)?;
    let next_number: i64 = r.get(3)?;
    let reset_yearly: bool = r.get(4)?;
    let last_year: Option<i32> = r.get(5)?;
    let d = today();
    let shown = if reset_yearly && last_year.is_some_and(|y| y != d.year()) {
        1
    } else {
        next_number
    };
    Ok(Series {
        doc_type: r.get(0)?,
        preview: format_number(&pattern, padding, shown, d),
        pattern,
        padding,
        next_number,
        reset_yearly,
        updated_at: r.get(6)?,
    })
}

const SELECT: &str = "SELECT doc_type, pattern, padding, next_number, reset_yearly, last_year, updated_at FROM number_series";

pub(crate) fn get_in(conn: &Connection, doc_type: &str) -> Result<Series> {
    conn.query_row(&format!("{SELECT} WHERE doc_type = ?1"), [doc_type], map)
        .optional()?
        .ok_or_else(|| Error::not_found("number_series", doc_type))
}

pub(crate) fn put_in(conn: &Connection, s: &SeriesInput) -> Result<Series> {
    s.validate()?;
    conn.execute(
        "INSERT INTO number_series (doc_type, pattern, padding, next_number, reset_yearly, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (doc_type) DO UPDATE SET pattern = excluded.pattern, padding = excluded.padding,
            next_number = excluded.next_number, reset_yearly = excluded.reset_yearly,
            last_year = NULL, updated_at = excluded.updated_at",
        params![s.doc_type, s.pattern.trim(), s.padding, s.next_number, s.reset_yearly, now()],
    )?;
    get_in(conn, &s.doc_type)
}

pub fn list(db: &Db, actor: &Actor) -> Result<Vec<Series>> {
    actor.authorize(DocType::Settings, Action::Read, Target::Anyone)?;
    db.read(|c| {
        let mut stmt = c.prepare(&format!("{SELECT} ORDER BY rowid"))?;
        let rows = stmt.query_map([], map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

pub fn update(db: &Db, actor: &Actor, s: &SeriesInput) -> Result<Series> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx, &s.doc_type).ok();
        let after = put_in(tx, s)?;
        audit::record(
            tx,
            actor,
            "number_series.update",
            "number_series",
            Some(&s.doc_type),
            before.as_ref(),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Takes the next number of a series. Call inside the write transaction that saves
/// the document, so the number and the document commit (or roll back) together.
pub fn take_next(conn: &Connection, doc_type: &str, date: NaiveDate) -> Result<String> {
    let (pattern, padding, next, reset_yearly, last_year): (String, i64, i64, bool, Option<i32>) = conn
        .query_row(
            "SELECT pattern, padding, next_number, reset_yearly, last_year FROM number_series WHERE doc_type = ?1",
            [doc_type],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("number_series", doc_type))?;
    let number = if reset_yearly && last_year.is_some_and(|y| y != date.year()) {
        1
    } else {
        next
    };
    conn.execute(
        "UPDATE number_series SET next_number = ?2, last_year = ?3, updated_at = ?4 WHERE doc_type = ?1",
        params![doc_type, number + 1, date.year(), now()],
    )?;
    Ok(format_number(&pattern, padding, number, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_patterns() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(format_number("QTN-{YYYY}-{#}", 5, 42, d), "QTN-2026-00042");
        assert_eq!(format_number("{YY}{MM}/{#}", 3, 7, d), "2603/007");
        assert_eq!(
            format_number("N{#}", 2, 12345, d),
            "N12345",
            "never truncates"
        );
    }

    #[test]
    fn refuses_bad_series() {
        let mut s = default_inputs().remove(0);
        s.pattern = "INQ-{YYYY}".into();
        assert_eq!(s.validate().unwrap_err().code(), "invalid_input");
        s.pattern = "X-{#}".into();
        s.doc_type = "spaceship".into();
        assert!(s.validate().is_err());
    }

    #[test]
    fn numbers_advance_and_restart_each_year() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("n.sqlite")).unwrap();
        let y26 = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let y27 = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let got: Vec<String> = db
            .write(|tx| {
                for s in default_inputs() {
                    put_in(tx, &s)?;
                }
                Ok(vec![
                    take_next(tx, "quotation", y26)?,
                    take_next(tx, "quotation", y26)?,
                    take_next(tx, "quotation", y27)?,
                    take_next(tx, "invoice", y27)?,
                ])
            })
            .unwrap();
        assert_eq!(
            got,
            [
                "QTN-2026-00001",
                "QTN-2026-00002",
                "QTN-2027-00001",
                "INV-2027-00001"
            ]
        );
    }
}
