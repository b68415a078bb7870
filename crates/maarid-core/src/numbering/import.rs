//! What the spreadsheet import needs of the numbering series: a copy of a series'
//! state before a batch takes numbers (so its undo can give them back), and keeping a
//! series from ever handing out a number that an imported document already has.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::ids::now;
use crate::Result;

/// Where a series stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SeriesState {
    pub next_number: i64,
    pub last_year: Option<i32>,
    pub updated_at: String,
}

pub(crate) fn state(conn: &Connection, doc_type: &str) -> Result<Option<SeriesState>> {
    Ok(conn
        .prepare_cached(
            "SELECT next_number, last_year, updated_at FROM number_series WHERE doc_type = ?1",
        )?
        .query_row([doc_type], |r| {
            Ok(SeriesState {
                next_number: r.get(0)?,
                last_year: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })
        .optional()?)
}

/// Puts a series back where it stood.
pub(crate) fn restore(conn: &Connection, doc_type: &str, s: &SeriesState) -> Result<()> {
    conn.prepare_cached(
        "UPDATE number_series SET next_number = ?2, last_year = ?3, updated_at = ?4 WHERE doc_type = ?1",
    )?
    .execute(params![doc_type, s.next_number, s.last_year, s.updated_at])?;
    Ok(())
}

/// The counter `number` has when the series' pattern, on `today`'s calendar year, could
/// produce it: literal parts equal, the year parts this year's, the counter padded as
/// the series pads it. None when the series could never give this number from now on.
fn counter_of(pattern: &str, padding: i64, number: &str, today: NaiveDate) -> Option<i64> {
    let mut rest = number;
    let mut pat = pattern;
    let mut counter = None;
    let digits = |s: &str, n: usize| -> Option<u32> {
        let head = s.get(..n)?;
        head.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| head.parse().ok())?
    };
    while !pat.is_empty() {
        if let Some(p) = pat.strip_prefix("{YYYY}") {
            if digits(rest, 4)? != today.year() as u32 {
                return None;
            }
            (rest, pat) = (&rest[4..], p);
        } else if let Some(p) = pat.strip_prefix("{YY}") {
            if digits(rest, 2)? != (today.year() % 100) as u32 {
                return None;
            }
            (rest, pat) = (&rest[2..], p);
        } else if let Some(p) = pat.strip_prefix("{MM}") {
            // Later months of this year are still to come, so any month counts.
            if !(1..=12).contains(&digits(rest, 2)?) {
                return None;
            }
            (rest, pat) = (&rest[2..], p);
        } else if let Some(p) = pat.strip_prefix("{#}") {
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            let text = &rest[..n];
            let value: i64 = text.parse().ok()?;
            if text != format!("{:0width$}", value, width = padding.clamp(1, 12) as usize) {
                return None;
            }
            counter = Some(value);
            (rest, pat) = (&rest[n..], p);
        } else {
            let c = pat.chars().next()?;
            rest = rest.strip_prefix(c)?;
            pat = &pat[c.len_utf8()..];
        }
    }
    if rest.is_empty() {
        counter
    } else {
        None
    }
}

/// Moves the series `doc_type` past `number` when it could otherwise hand that number
/// to a new document later (see [`counter_of`]). Returns whether it moved.
pub(crate) fn reserve(
    conn: &Connection,
    doc_type: &str,
    number: &str,
    today: NaiveDate,
) -> Result<bool> {
    let found: Option<(String, i64, i64, bool, Option<i32>)> = conn
        .prepare_cached(
            "SELECT pattern, padding, next_number, reset_yearly, last_year FROM number_series
             WHERE doc_type = ?1",
        )?
        .query_row([doc_type], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((pattern, padding, next, reset_yearly, last_year)) = found else {
        return Ok(false);
    };
    let Some(counter) = counter_of(&pattern, padding, number, today) else {
        return Ok(false);
    };
    // A series that restarts yearly and has not given a number this year starts at 1.
    let next = if reset_yearly && last_year != Some(today.year()) {
        1
    } else {
        next
    };
    if counter < next {
        return Ok(false);
    }
    conn.prepare_cached(
        "UPDATE number_series SET next_number = ?2, last_year = ?3, updated_at = ?4 WHERE doc_type = ?1",
    )?
    .execute(params![doc_type, counter + 1, today.year(), now()])?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_numbers_the_series_could_still_give_have_a_counter() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        let c = |p: &str, n: &str| counter_of(p, 5, n, d);
        assert_eq!(c("QTN-{YYYY}-{#}", "QTN-2026-00042"), Some(42));
        assert_eq!(c("QTN-{YYYY}-{#}", "QTN-2026-123456"), Some(123456));
        assert_eq!(c("QTN-{YYYY}-{#}", "QTN-2025-00042"), None, "a past year");
        assert_eq!(c("QTN-{YYYY}-{#}", "QTN-2026-42"), None, "not padded so");
        assert_eq!(c("QTN-{YYYY}-{#}", "Q-2026-00042"), None);
        assert_eq!(c("QTN-{YYYY}-{#}", "QTN-2026-00042-R1"), None);
        assert_eq!(c("{YY}{MM}/{#}", "2611/00007"), Some(7));
        assert_eq!(c("{YY}{MM}/{#}", "2613/00007"), None);
        assert_eq!(c("عرض-{#}", "عرض-00100"), Some(100));
    }
}
