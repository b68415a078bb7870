//! One spreadsheet cell read faithfully, whatever the file format made of it.
//!
//! What spreadsheets do to data, and what we do about it:
//! - A phone typed as a number loses its leading zero (`0551234567` → `551234567.0`),
//!   even with a `0000000000` number format: it is read with the company's country as
//!   the numbering plan and shown again in national form with its trunk zero.
//! - Numbers of 16 digits or more (national ids, VINs typed as numbers) no longer fit a
//!   float exactly: they are refused with a message saying so, never imported with
//!   wrong digits.
//! - Dates come as serial numbers (Excel's 1900 system), ISO text (.ods), or text such as
//!   `15/03/2024` or `١٥/٠٣/٢٠٢٤`, day-first or month-first ([`detect_date_order`]).
//! - Arabic-Indic digits are read as digits everywhere.

use chrono::{Duration, NaiveDate};

use crate::contacts::phone::{normalize_phone, normalize_phone_dialled, Phone};
use crate::search::normalize::ascii_digits;
use crate::{Error, Result, Rule};

/// A cell as the readers hand it over (formulas give their cached value).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date-formatted number: Excel's serial day count (1900 system).
    DateSerial(f64),
}

/// The order of day and month in dates typed as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// 15/03/2024 — the usual order in Arabic-speaking countries.
    DayFirst,
    /// 03/15/2024.
    MonthFirst,
}

/// Whole numbers a float holds exactly (2^53); anything longer may have lost digits.
const EXACT_FLOAT_DIGITS: usize = 15;

/// The cell as text, as a person would read it: whole numbers without ".0", Arabic-
/// Indic digits as ASCII, surrounding space trimmed. Long numbers that a float cannot
/// hold exactly are refused (`Rule::PrecisionLost`).
pub fn text_from_cell(cell: &Cell, field: &'static str) -> Result<String> {
    Ok(match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => ascii_digits(t.trim()),
        Cell::Int(i) => i.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Float(f) | Cell::DateSerial(f) => float_text(*f, field)?,
    })
}

fn float_text(f: f64, field: &'static str) -> Result<String> {
    if !f.is_finite() {
        return Err(Error::invalid(field, Rule::NotANumber));
    }
    if f.fract() == 0.0 {
        let whole = format!("{f:.0}");
        if whole.trim_start_matches('-').len() > EXACT_FLOAT_DIGITS {
            return Err(Error::invalid(field, Rule::PrecisionLost));
        }
        return Ok(whole);
    }
    // The shortest text that reads back as the same float: 1250.5, not 1250.4999….
    Ok(format!("{f}"))
}

/// A phone number from a cell, read with `region` (the company's country) as the
/// numbering plan; a number that lost its trunk zero gets it back in `raw`.
pub fn phone_from_cell(cell: &Cell, region: &str) -> Result<Option<Phone>> {
    let text = text_from_cell(cell, "phone")?;
    if text.is_empty() {
        return Ok(None);
    }
    // Shown as it is dialled at home: the national number with its trunk zero.
    if matches!(cell, Cell::Int(_) | Cell::Float(_)) {
        return normalize_phone_dialled(&text, region).map(Some);
    }
    normalize_phone(&text, region).map(Some)
}

/// Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the
/// 29 February 1900 that never was (kept from Lotus 1-2-3), so from serial 61 on the
/// days count from 30 December 1899.
fn excel_epoch(serial: f64) -> NaiveDate {
    let day = if serial < 61.0 { 31 } else { 30 };
    NaiveDate::from_ymd_opt(1899, 12, day).expect("valid date")
}

/// A calendar date from a cell: an Excel serial, ISO text (`2024-03-15`, with or without
/// a time), or day/month/year text in `order` (separators `/`, `-`, `.`; Arabic-Indic
/// digits; two-digit years read as 20xx up to 69, else 19xx).
pub fn date_from_cell(
    cell: &Cell,
    order: DateOrder,
    field: &'static str,
) -> Result<Option<NaiveDate>> {
    let bad = || Error::invalid(field, Rule::BadFormat);
    match cell {
        Cell::Empty => Ok(None),
        Cell::DateSerial(f) | Cell::Float(f) => serial(*f).map(Some).ok_or_else(bad),
        Cell::Int(i) => serial(*i as f64).map(Some).ok_or_else(bad),
        Cell::Bool(_) => Err(bad()),
        Cell::Text(t) => {
            let t = ascii_digits(t.trim()).replace(['\u{200f}', '\u{200e}'], "");
            if t.is_empty() {
                return Ok(None);
            }
            parse_text_date(&t, order).map(Some).ok_or_else(bad)
        }
    }
}

fn serial(f: f64) -> Option<NaiveDate> {
    // Serials below 1 are times of day only; above 2958465 is past the year 9999.
    if !(1.0..2_958_466.0).contains(&f) || f.floor() == 60.0 {
        return None;
    }
    excel_epoch(f).checked_add_signed(Duration::days(f.floor() as i64))
}

fn parse_text_date(t: &str, order: DateOrder) -> Option<NaiveDate> {
    let date_part = t.split(['T', ' ']).next()?;
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0] as i32, n[1], n[2])
    } else {
        let year = match parts[2].len() {
            4 => n[2] as i32,
            2 if n[2] < 70 => 2000 + n[2] as i32,
            2 => 1900 + n[2] as i32,
            _ => return None,
        };
        match order {
            DateOrder::DayFirst => (year, n[1], n[0]),
            DateOrder::MonthFirst => (year, n[0], n[1]),
        }
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The day/month order that a column's text dates must have, when they say: a first
/// number above 12 means day-first, a second above 12 month-first. `None` when every
/// sample is ambiguous (the import then asks, with day-first proposed) or when the
/// samples contradict each other.
pub fn detect_date_order<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for s in samples {
        let s = ascii_digits(s.trim());
        let parts: Vec<u32> = s
            .split(['/', '-', '.'])
            .take(2)
            .filter_map(|p| p.parse().ok())
            .collect();
        if parts.len() < 2
            || s.split(['/', '-', '.'])
                .next()
                .is_some_and(|p| p.len() == 4)
        {
            continue;
        }
        day_first |= parts[0] > 12;
        month_first |= parts[1] > 12;
    }
    match (day_first, month_first) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_phone_that_excel_made_a_number_gets_its_zero_back() {
        let p = phone_from_cell(&Cell::Float(551234567.0), "SA")
            .unwrap()
            .unwrap();
        assert_eq!(p.e164, "+966551234567");
        assert_eq!(p.raw, "0551234567");
        let p = phone_from_cell(&Cell::Int(501112233), "AE")
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.e164.as_str(), p.raw.as_str()),
            ("+971501112233", "0501112233")
        );
        // Typed as text it stays as typed; Arabic-Indic digits are digits.
        let p = phone_from_cell(&Cell::Text("٠٥٥١٢٣٤٥٦٧".into()), "SA")
            .unwrap()
            .unwrap();
        assert_eq!(p.e164, "+966551234567");
        assert_eq!(phone_from_cell(&Cell::Empty, "SA").unwrap(), None);
        assert!(phone_from_cell(&Cell::Text("123".into()), "SA").is_err());
    }

    #[test]
    fn long_numbers_that_lost_digits_are_refused_not_imported() {
        // 1234567890123456789 is stored by Excel as 1234567890123456800.
        match text_from_cell(&Cell::Float(1_234_567_890_123_456_800.0), "national_id") {
            Err(Error::Invalid { field, rule, .. }) => {
                assert_eq!((field, rule), ("national_id", Rule::PrecisionLost))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            text_from_cell(&Cell::Float(123_456_789_012_345.0), "x").unwrap(),
            "123456789012345"
        );
        assert_eq!(text_from_cell(&Cell::Float(1250.5), "x").unwrap(), "1250.5");
        assert_eq!(
            text_from_cell(&Cell::Float(0.1 + 0.2), "x").unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(
            text_from_cell(&Cell::Text(" ١٢٣ ".into()), "x").unwrap(),
            "123"
        );
    }

    #[test]
    fn dates_in_every_shape() {
        let dmy = DateOrder::DayFirst;
        let mdy = DateOrder::MonthFirst;
        #[rustfmt::skip]
        let cases = [
            (Cell::DateSerial(45366.0), dmy, ymd(2024, 3, 15)),
            (Cell::Float(45366.75), dmy, ymd(2024, 3, 15)),
            (Cell::Int(1), dmy, ymd(1900, 1, 1)),
            (Cell::Int(59), dmy, ymd(1900, 2, 28)),
            (Cell::Int(61), dmy, ymd(1900, 3, 1)),
            (Cell::Text("2024-03-15".into()), mdy, ymd(2024, 3, 15)),
            (Cell::Text("2024-03-15T10:30:00".into()), dmy, ymd(2024, 3, 15)),
            (Cell::Text("15/03/2024".into()), dmy, ymd(2024, 3, 15)),
            (Cell::Text("03/15/2024".into()), mdy, ymd(2024, 3, 15)),
            (Cell::Text("١٥/٠٣/٢٠٢٤".into()), dmy, ymd(2024, 3, 15)),
            (Cell::Text("15-3-24".into()), dmy, ymd(2024, 3, 15)),
            (Cell::Text("1.2.99".into()), dmy, ymd(1999, 2, 1)),
            (Cell::Text("\u{200f}15/03/2024".into()), dmy, ymd(2024, 3, 15)),
        ];
        for (i, (cell, order, want)) in cases.into_iter().enumerate() {
            assert_eq!(
                date_from_cell(&cell, order, "date").unwrap(),
                Some(want),
                "case {i}"
            );
        }
        for bad in [
            "31/02/2024",
            "15/13/2024",
            "2024/03",
            "yesterday",
            "15/03/202",
        ] {
            assert!(
                date_from_cell(&Cell::Text(bad.into()), dmy, "date").is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            date_from_cell(&Cell::Text("  ".into()), dmy, "date").unwrap(),
            None
        );
        assert!(date_from_cell(&Cell::Float(-3.0), dmy, "date").is_err());
    }

    #[test]
    fn the_date_order_is_detected_when_the_data_says_it() {
        assert_eq!(
            detect_date_order(["01/02/2024", "15/03/2024"]),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            detect_date_order(["01/02/2024", "03/15/2024"]),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(detect_date_order(["١٥/٠٣/٢٠٢٤"]), Some(DateOrder::DayFirst));
        assert_eq!(
            detect_date_order(["01/02/2024", "05/06/2024"]),
            None,
            "ambiguous"
        );
        assert_eq!(
            detect_date_order(["13/02/2024", "02/13/2024"]),
            None,
            "contradictory"
        );
        assert_eq!(
            detect_date_order(["2024-03-15"]),
            None,
            "ISO says nothing about text order"
        );
    }
}
