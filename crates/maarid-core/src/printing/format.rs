//! Figures as printed: amounts with thousands separators and exactly the currency's
//! decimals, quantities, rates, dates and times. Always Latin digits here: the PDF
//! engine writes them as Arabic-Indic digits (with ٬ and ٫) where the document asks.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rust_decimal::{Decimal, RoundingStrategy};

/// `1234567.5` with 2 decimals → `1,234,567.50`. Rounded half away from zero, like
/// the totals (`sales::lines`).
pub fn money(v: Decimal, decimals: u32) -> String {
    let r = v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let r = if r.is_zero() { Decimal::ZERO } else { r };
    let text = format!("{:.*}", decimals as usize, r);
    group(&text)
}

/// A quantity as typed, without trailing zeros: `2`, `1.5`, `1,000`.
pub fn quantity(v: Decimal) -> String {
    group(&v.normalize().to_string())
}

/// A rate: `15%`, or `15٪` when the document uses Arabic-Indic digits.
pub fn percent(v: Decimal, arabic_sign: bool) -> String {
    let sign = if arabic_sign { '٪' } else { '%' };
    format!("{}{sign}", v.normalize())
}

/// Thousands separators in the whole part of a plain decimal number.
fn group(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `2026-11-23`: unambiguous in both languages.
pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The UTC offset of countries that keep one all year, to print a moment in local
/// time. Others print it in UTC, saying so.
fn offset_of(country: &str) -> Option<FixedOffset> {
    let hours = match country {
        "SA" | "KW" | "BH" | "QA" | "IQ" | "YE" | "JO" => 3,
        "AE" | "OM" => 4,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

/// `2026-11-23 17:30` in the company's country's time, or `2026-11-23 14:30 UTC`.
pub fn moment(t: DateTime<Utc>, country: &str) -> String {
    match offset_of(country) {
        Some(o) => t.with_timezone(&o).format("%Y-%m-%d %H:%M").to_string(),
        None => t.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_has_grouping_and_exactly_the_minor_digits() {
        assert_eq!(money(d("125000"), 2), "125,000.00");
        assert_eq!(money(d("1234567.5"), 2), "1,234,567.50");
        assert_eq!(money(d("999.995"), 2), "1,000.00");
        assert_eq!(money(d("1.0045"), 3), "1.005");
        assert_eq!(money(d("12.5"), 3), "12.500");
        assert_eq!(money(d("100"), 0), "100");
        assert_eq!(money(d("0"), 2), "0.00");
        assert_eq!(money(d("-0.001"), 2), "0.00");
        assert_eq!(money(d("-1234.5"), 2), "-1,234.50");
    }

    #[test]
    fn quantities_and_rates() {
        assert_eq!(quantity(d("2.000")), "2");
        assert_eq!(quantity(d("1.50")), "1.5");
        assert_eq!(quantity(d("12000")), "12,000");
        assert_eq!(percent(d("15.00"), false), "15%");
        assert_eq!(percent(d("5"), true), "5٪");
    }

    #[test]
    fn moments_in_local_time_where_known() {
        let t: DateTime<Utc> = "2026-11-23T14:30:00Z".parse().unwrap();
        assert_eq!(moment(t, "SA"), "2026-11-23 17:30");
        assert_eq!(moment(t, "AE"), "2026-11-23 18:30");
        assert_eq!(moment(t, "EG"), "2026-11-23 14:30 UTC");
        assert_eq!(date(t.date_naive()), "2026-11-23");
    }
}
