//! The QR code of a Saudi simplified VAT invoice, ZATCA e-invoicing phase 1.
//!
//! The payload is five TLV records — tag (1 byte), length of the value **in bytes**
//! (1 byte, so at most 255), value — in this order:
//!
//! | tag | value |
//! |-----|-------|
//! | 1 | seller name, UTF-8 |
//! | 2 | VAT registration number (15 digits, first and last 3) |
//! | 3 | invoice time, ISO 8601 in UTC to the second: `2026-11-23T14:30:00Z` |
//! | 4 | invoice total with VAT, two decimals: `1150.00` |
//! | 5 | VAT total, two decimals: `150.00` |
//!
//! and the QR code holds the whole payload in standard base64 (with padding).
//! Totals are rounded to the halala half away from zero, as the printed invoice is
//! (see `money::words`); sub-second precision of the time is dropped.

use base64::Engine;
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::{Error, Result, Rule};

const SELLER_NAME: u8 = 1;
const VAT_NUMBER: u8 = 2;
const TIMESTAMP: u8 = 3;
const TOTAL_WITH_VAT: u8 = 4;
const VAT_TOTAL: u8 = 5;

/// What the phase-1 QR code of a simplified tax invoice says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZatcaQr {
    pub seller_name: String,
    /// The seller's VAT registration number: 15 digits, first and last 3.
    pub vat_number: String,
    pub timestamp: DateTime<Utc>,
    pub total_with_vat: Decimal,
    pub vat_total: Decimal,
}

impl ZatcaQr {
    /// The base64 text to put in the QR code.
    pub fn to_base64(&self) -> Result<String> {
        Ok(base64::engine::general_purpose::STANDARD.encode(self.to_tlv()?))
    }

    /// The raw TLV bytes (before base64), after checking every value.
    pub fn to_tlv(&self) -> Result<Vec<u8>> {
        self.validate()?;
        let records: [(u8, &'static str, String); 5] = [
            (SELLER_NAME, "seller_name", self.seller_name.clone()),
            (VAT_NUMBER, "vat_number", self.vat_number.clone()),
            (TIMESTAMP, "timestamp", timestamp_text(&self.timestamp)),
            (
                TOTAL_WITH_VAT,
                "total_with_vat",
                amount_text(self.total_with_vat),
            ),
            (VAT_TOTAL, "vat_total", amount_text(self.vat_total)),
        ];
        let mut out = Vec::new();
        for (tag, field, value) in records {
            let len =
                u8::try_from(value.len()).map_err(|_| Error::invalid(field, Rule::TooLong))?;
            out.push(tag);
            out.push(len);
            out.extend_from_slice(value.as_bytes());
        }
        Ok(out)
    }

    /// Reads a QR payload back (to verify a printed code, and in tests). The five
    /// phase-1 tags must each appear once, in any order; later tags (phase 2 adds
    /// 6–9: hash, signature, key…) are skipped. The values are checked as on
    /// encoding. The time must be RFC 3339 with a zone (`Z` or an offset).
    pub fn from_base64(text: &str) -> Result<ZatcaQr> {
        let bad = || Error::invalid("qr_code", Rule::BadFormat);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|_| bad())?;
        let mut values: [Option<&[u8]>; 5] = [None; 5];
        let mut rest = bytes.as_slice();
        while !rest.is_empty() {
            let [tag, len, tail @ ..] = rest else {
                return Err(bad());
            };
            let len = usize::from(*len);
            if tail.len() < len {
                return Err(bad());
            }
            let (value, tail) = tail.split_at(len);
            if (SELLER_NAME..=VAT_TOTAL).contains(tag) {
                let slot = &mut values[usize::from(tag - 1)];
                if slot.is_some() {
                    return Err(bad());
                }
                *slot = Some(value);
            }
            rest = tail;
        }
        let [Some(name), Some(vat), Some(time), Some(total), Some(vat_total)] = values else {
            return Err(bad());
        };
        let text = |v: &[u8]| String::from_utf8(v.to_vec()).map_err(|_| bad());
        let time = text(time)?;
        let qr = ZatcaQr {
            seller_name: text(name)?,
            vat_number: text(vat)?,
            timestamp: DateTime::parse_from_rfc3339(&time)
                .map_err(|_| Error::invalid("timestamp", Rule::BadFormat))?
                .with_timezone(&Utc),
            total_with_vat: parse_amount(&text(total)?, "total_with_vat")?,
            vat_total: parse_amount(&text(vat_total)?, "vat_total")?,
        };
        qr.validate()?;
        Ok(qr)
    }

    fn validate(&self) -> Result<()> {
        if self.seller_name.trim().is_empty() {
            return Err(Error::invalid("seller_name", Rule::Required));
        }
        if self.seller_name.len() > 255 {
            return Err(Error::invalid("seller_name", Rule::TooLong));
        }
        if !is_saudi_vat_number(&self.vat_number) {
            return Err(Error::invalid("vat_number", Rule::BadFormat));
        }
        if !(0..=9999).contains(&self.timestamp.year()) {
            return Err(Error::invalid("timestamp", Rule::OutOfRange));
        }
        let total = round(self.total_with_vat);
        let vat = round(self.vat_total);
        if total < Decimal::ZERO {
            return Err(Error::invalid("total_with_vat", Rule::OutOfRange));
        }
        // The VAT is part of the total, so it cannot be negative or exceed it.
        if vat < Decimal::ZERO || vat > total {
            return Err(Error::invalid("vat_total", Rule::OutOfRange));
        }
        Ok(())
    }
}

/// 15 ASCII digits, the first and the last 3 (the Saudi VAT registration format).
pub fn is_saudi_vat_number(s: &str) -> bool {
    s.len() == 15 && s.bytes().all(|b| b.is_ascii_digit()) && s.starts_with('3') && s.ends_with('3')
}

fn round(d: Decimal) -> Decimal {
    let r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        Decimal::ZERO
    } else {
        r
    }
}

/// Two decimals, no sign, no exponent: `1150.00`.
fn amount_text(d: Decimal) -> String {
    let mut r = round(d);
    r.rescale(2);
    r.to_string()
}

fn timestamp_text(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A plain decimal as written in tags 4 and 5 (digits with at most one point).
fn parse_amount(s: &str, field: &'static str) -> Result<Decimal> {
    let nan = || Error::invalid(field, Rule::NotANumber);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || s.ends_with('.') {
        return Err(nan());
    }
    s.parse().map_err(|_| nan())
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::TimeZone;

    use super::*;
    use crate::Locale;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn sample() -> ZatcaQr {
        ZatcaQr {
            seller_name: "مؤسسة المعارض للسيارات".into(),
            vat_number: "310122393500003".into(),
            timestamp: Utc.with_ymd_and_hms(2026, 11, 23, 14, 30, 0).unwrap(),
            total_with_vat: d("1150.00"),
            vat_total: d("150.00"),
        }
    }

    fn assert_invalid(r: Result<impl std::fmt::Debug>, want_field: &str, want_rule: Rule) {
        match r {
            Err(Error::Invalid { field, rule, .. }) => {
                assert_eq!((field, rule), (want_field, want_rule))
            }
            other => panic!("expected {want_field}/{want_rule:?}, got {other:?}"),
        }
    }

    /// One TLV record, written out independently of the code under test.
    fn record(tag: u8, value: &str) -> Vec<u8> {
        let mut v = vec![tag, value.len() as u8];
        v.extend_from_slice(value.as_bytes());
        v
    }

    #[test]
    fn known_answer_from_hand_built_bytes() {
        // The example of ZATCA's QR guideline.
        let qr = ZatcaQr {
            seller_name: "Bobs Records".into(),
            vat_number: "310122393500003".into(),
            timestamp: Utc.with_ymd_and_hms(2022, 4, 25, 15, 30, 0).unwrap(),
            total_with_vat: d("1000"),
            vat_total: d("150"),
        };
        let mut want: Vec<u8> = vec![0x01, 12];
        want.extend_from_slice(b"Bobs Records");
        want.extend_from_slice(&[0x02, 15]);
        want.extend_from_slice(b"310122393500003");
        want.extend_from_slice(&[0x03, 20]);
        want.extend_from_slice(b"2022-04-25T15:30:00Z");
        want.extend_from_slice(&[0x04, 7]);
        want.extend_from_slice(b"1000.00");
        want.extend_from_slice(&[0x05, 6]);
        want.extend_from_slice(b"150.00");
        assert_eq!(qr.to_tlv().unwrap(), want);
        assert_eq!(
            qr.to_base64().unwrap(),
            "AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA=="
        );
    }

    #[test]
    fn arabic_seller_name_is_counted_in_bytes() {
        let qr = ZatcaQr {
            seller_name: "مؤسسة المعارض".into(), // 13 characters, 25 bytes
            vat_number: "300000000000003".into(),
            ..sample()
        };
        let mut want = record(1, "مؤسسة المعارض");
        assert_eq!(want[1], 25);
        want.extend(record(2, "300000000000003"));
        want.extend(record(3, "2026-11-23T14:30:00Z"));
        want.extend(record(4, "1150.00"));
        want.extend(record(5, "150.00"));
        assert_eq!(qr.to_tlv().unwrap(), want);
        assert_eq!(
            qr.to_base64().unwrap(),
            "ARnZhdik2LPYs9ipINin2YTZhdi52KfYsdi2Ag8zMDAwMDAwMDAwMDAwMDMDFDIwMjYtMTEtMjNUMTQ6MzA6MDBaBAcxMTUwLjAwBQYxNTAuMDA="
        );
    }

    #[test]
    fn round_trip_with_an_arabic_seller_name() {
        let qr = sample();
        let text = qr.to_base64().unwrap();
        assert_eq!(ZatcaQr::from_base64(&text).unwrap(), qr);
        // Whitespace around the text (e.g. from a scanner) is ignored.
        assert_eq!(ZatcaQr::from_base64(&format!(" {text}\n")).unwrap(), qr);
    }

    #[test]
    fn totals_are_written_with_two_decimals_rounded_half_away_from_zero() {
        let qr = ZatcaQr {
            total_with_vat: d("1150.005"),
            vat_total: d("150"),
            ..sample()
        };
        let back = ZatcaQr::from_base64(&qr.to_base64().unwrap()).unwrap();
        assert_eq!(back.total_with_vat.to_string(), "1150.01");
        assert_eq!(back.vat_total.to_string(), "150.00");
        assert_eq!(amount_text(d("0")), "0.00");
        assert_eq!(amount_text(d("-0")), "0.00");
        assert_eq!(amount_text(d("12.5")), "12.50");
        assert_eq!(amount_text(d("0.125")), "0.13");
    }

    #[test]
    fn sub_seconds_are_dropped() {
        let qr = ZatcaQr {
            timestamp: Utc
                .with_ymd_and_hms(2026, 11, 23, 14, 30, 0)
                .unwrap()
                .checked_add_signed(chrono::Duration::milliseconds(789))
                .unwrap(),
            ..sample()
        };
        let back = ZatcaQr::from_base64(&qr.to_base64().unwrap()).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn a_value_over_255_bytes_is_refused() {
        // 128 Arabic letters: only 128 characters, but 256 bytes.
        let name = "م".repeat(128);
        assert_eq!(name.chars().count(), 128);
        let qr = ZatcaQr {
            seller_name: name,
            ..sample()
        };
        assert_invalid(qr.to_base64(), "seller_name", Rule::TooLong);
        let e = qr.to_base64().unwrap_err();
        assert_eq!(e.message(Locale::Ar), "الحقل «اسم البائع» أطول من المسموح.");
        assert_eq!(e.message(Locale::En), "“Seller name” is too long.");

        // Exactly 255 bytes fits.
        let qr = ZatcaQr {
            seller_name: format!("{}a", "م".repeat(127)),
            ..sample()
        };
        let tlv = qr.to_tlv().unwrap();
        assert_eq!((tlv[0], tlv[1]), (1, 255));
        assert_eq!(ZatcaQr::from_base64(&qr.to_base64().unwrap()).unwrap(), qr);
    }

    #[test]
    fn an_empty_seller_name_is_refused() {
        for name in ["", "   "] {
            let qr = ZatcaQr {
                seller_name: name.into(),
                ..sample()
            };
            assert_invalid(qr.to_base64(), "seller_name", Rule::Required);
        }
    }

    #[test]
    fn a_bad_vat_number_is_refused() {
        for vat in [
            "",
            "31012239350000",   // 14 digits
            "3101223935000033", // 16 digits
            "210122393500003",  // does not start with 3
            "310122393500001",  // does not end with 3
            "3101223935O0003",  // a letter O
            "٣١٠١٢٢٣٩٣٥٠٠٠٠٣",  // Arabic-Indic digits are not written into the code
            " 310122393500003",
        ] {
            let qr = ZatcaQr {
                vat_number: vat.into(),
                ..sample()
            };
            assert_invalid(qr.to_base64(), "vat_number", Rule::BadFormat);
        }
        let e = ZatcaQr {
            vat_number: "123".into(),
            ..sample()
        }
        .to_base64()
        .unwrap_err();
        assert_eq!(
            e.message(Locale::Ar),
            "الحقل «رقم التسجيل الضريبي» بصيغة غير صحيحة."
        );
        assert_eq!(
            e.message(Locale::En),
            "“VAT registration number” has a wrong format."
        );
        assert!(is_saudi_vat_number("300000000000003"));
    }

    #[test]
    fn totals_out_of_range_are_refused() {
        let with = |total: &str, vat: &str| ZatcaQr {
            total_with_vat: d(total),
            vat_total: d(vat),
            ..sample()
        };
        assert_invalid(
            with("-1", "0").to_base64(),
            "total_with_vat",
            Rule::OutOfRange,
        );
        assert_invalid(with("100", "-1").to_base64(), "vat_total", Rule::OutOfRange);
        assert_invalid(
            with("100", "100.01").to_base64(),
            "vat_total",
            Rule::OutOfRange,
        );
        assert!(with("0", "0").to_base64().is_ok());
        assert!(with("100", "100").to_base64().is_ok());
    }

    #[test]
    fn phase_two_tags_are_skipped_and_order_does_not_matter() {
        let mut bytes = Vec::new();
        bytes.extend(record(5, "150.00"));
        bytes.extend(record(3, "2026-11-23T17:30:00+03:00"));
        bytes.extend(record(1, "مؤسسة المعارض للسيارات"));
        bytes.extend(record(6, "hash"));
        bytes.extend(record(2, "310122393500003"));
        bytes.extend(record(4, "1150.00"));
        bytes.extend(record(8, "key"));
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        assert_eq!(ZatcaQr::from_base64(&text).unwrap(), sample());
    }

    #[test]
    fn malformed_payloads_are_refused() {
        let b64 = |bytes: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(bytes);
        let good = sample().to_tlv().unwrap();
        assert_invalid(
            ZatcaQr::from_base64("not base64!"),
            "qr_code",
            Rule::BadFormat,
        );
        assert_invalid(ZatcaQr::from_base64(""), "qr_code", Rule::BadFormat);
        // Cut short in the middle of a value, and after a lone tag byte.
        assert_invalid(
            ZatcaQr::from_base64(&b64(good[..good.len() - 1].to_vec())),
            "qr_code",
            Rule::BadFormat,
        );
        let mut lone = good.clone();
        lone.push(7);
        assert_invalid(ZatcaQr::from_base64(&b64(lone)), "qr_code", Rule::BadFormat);
        // A tag twice.
        let mut twice = good.clone();
        twice.extend(record(2, "310122393500003"));
        assert_invalid(
            ZatcaQr::from_base64(&b64(twice)),
            "qr_code",
            Rule::BadFormat,
        );
        // A tag missing.
        let mut missing = record(1, "Seller");
        missing.extend(record(2, "310122393500003"));
        missing.extend(record(3, "2026-11-23T14:30:00Z"));
        missing.extend(record(4, "1150.00"));
        assert_invalid(
            ZatcaQr::from_base64(&b64(missing)),
            "qr_code",
            Rule::BadFormat,
        );
        // A name that is not UTF-8.
        let mut latin1 = vec![1, 3, 0x43, 0xE9, 0x73];
        latin1.extend_from_slice(&good[good[1] as usize + 2..]);
        assert_invalid(
            ZatcaQr::from_base64(&b64(latin1)),
            "qr_code",
            Rule::BadFormat,
        );

        let with = |tag: u8, value: &str| {
            let fields = [
                (1, "Seller"),
                (2, "310122393500003"),
                (3, "2026-11-23T14:30:00Z"),
                (4, "1150.00"),
                (5, "150.00"),
            ];
            let mut bytes = Vec::new();
            for (t, v) in fields {
                bytes.extend(record(t, if t == tag { value } else { v }));
            }
            ZatcaQr::from_base64(&b64(bytes))
        };
        assert!(with(0, "").is_ok());
        assert_invalid(with(2, "123"), "vat_number", Rule::BadFormat);
        assert_invalid(with(3, "2026-11-23 14:30"), "timestamp", Rule::BadFormat);
        // No zone: the time cannot be placed, so it is refused rather than guessed.
        assert_invalid(with(3, "2026-11-23T14:30:00"), "timestamp", Rule::BadFormat);
        for bad in ["", "1,150.00", "-5.00", "+5", "1e3", "12.", ".5", "١١٥٠"] {
            assert_invalid(with(4, bad), "total_with_vat", Rule::NotANumber);
        }
        assert_invalid(with(5, "abc"), "vat_total", Rule::NotANumber);
        assert_invalid(with(5, "2000.00"), "vat_total", Rule::OutOfRange);
    }
}
