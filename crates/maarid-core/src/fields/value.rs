//! A custom field's value in canonical form: numbers as plain decimal strings, dates
//! as YYYY-MM-DD, choices by key. Accepts what people type (Arabic-Indic digits, the
//! Arabic decimal comma, day-first dates, a choice's label in either language).

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{CustomField, FieldType};
use crate::search::normalize::{ascii_digits, normalize};
use crate::{Error, Result, Rule};

fn refuse(f: &CustomField, rule: Rule) -> Error {
    Error::InvalidCustom {
        field_id: f.id.clone(),
        label: f.label(),
        rule,
    }
}

/// The canonical text of `raw` for field `f`; an empty string means "no value".
pub fn canonical_value(f: &CustomField, raw: &str) -> Result<String> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(String::new());
    }
    match f.field_type {
        FieldType::Text => {
            if v.chars().count() > 1000 {
                return Err(refuse(f, Rule::TooLong));
            }
            Ok(v.to_string())
        }
        FieldType::Number => {
            let ascii: String = ascii_digits(v)
                .chars()
                .filter(|c| !matches!(c, ',' | '٬' | ' ' | '\u{a0}'))
                .map(|c| if c == '٫' { '.' } else { c })
                .collect();
            let d = Decimal::from_str(&ascii).map_err(|_| refuse(f, Rule::NotANumber))?;
            Ok(d.normalize().to_string())
        }
        FieldType::Date => {
            let ascii = ascii_digits(v);
            NaiveDate::parse_from_str(&ascii, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(&ascii, "%d/%m/%Y"))
                .or_else(|_| NaiveDate::parse_from_str(&ascii, "%d-%m-%Y"))
                .map(|d| d.format("%Y-%m-%d").to_string())
                .map_err(|_| refuse(f, Rule::BadFormat))
        }
        FieldType::Choice => {
            let n = normalize(v);
            f.choices
                .iter()
                .find(|c| c.key == v || normalize(&c.ar) == n || normalize(&c.en) == n)
                .map(|c| c.key.clone())
                .ok_or_else(|| refuse(f, Rule::UnknownValue))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Choice;

    fn field(t: FieldType) -> CustomField {
        CustomField {
            id: "f".into(),
            label_ar: "حقل".into(),
            label_en: "Field".into(),
            field_type: t,
            choices: vec![Choice {
                key: "c1".into(),
                ar: "نقدًا".into(),
                en: "Cash".into(),
            }],
            required_kinds: vec![],
            position: 1,
        }
    }

    #[test]
    fn numbers_dates_and_choices_become_canonical() {
        let n = field(FieldType::Number);
        assert_eq!(canonical_value(&n, "١٢٬٥٠٠٫٥٠").unwrap(), "12500.5");
        assert_eq!(canonical_value(&n, "1,200").unwrap(), "1200");
        assert!(canonical_value(&n, "twelve").is_err());
        let d = field(FieldType::Date);
        assert_eq!(canonical_value(&d, "٠٥/٠٣/٢٠٢٦").unwrap(), "2026-03-05");
        assert_eq!(canonical_value(&d, "2026-03-05").unwrap(), "2026-03-05");
        assert!(canonical_value(&d, "2026-02-30").is_err());
        let c = field(FieldType::Choice);
        assert_eq!(canonical_value(&c, "نقدا").unwrap(), "c1");
        assert_eq!(canonical_value(&c, "cash").unwrap(), "c1");
        assert_eq!(canonical_value(&c, "c1").unwrap(), "c1");
        assert!(canonical_value(&c, "cheque").is_err());
        assert_eq!(canonical_value(&c, "  ").unwrap(), "");
    }
}
