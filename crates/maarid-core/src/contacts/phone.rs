//! Phone and email normalisation.
//!
//! Every phone number a contact gets is stored three ways: as typed (for display),
//! in E.164 (to compare, deduplicate and dial) and as the digits of its national
//! significant number (so a person can find it by typing its end). Parsing and
//! validation use Google's libphonenumber metadata through the `phonenumber` crate;
//! the metadata is compiled into the binary and loaded once, lazily, on first use.
//!
//! # Decisions on ambiguous phone input
//!
//! * **Digits**: ASCII, Arabic-Indic (٠-٩), Persian/Urdu (۰-۹) and full-width (０-９)
//!   digits are all accepted and may be mixed.
//! * **Separators** ignored: spaces (including no-break and thin spaces), tabs,
//!   hyphens and dashes, dots, parentheses and slashes. Invisible bidi and
//!   zero-width marks (LRM, RLM, ALM, embeddings, isolates, ZWSP, BOM…) are
//!   ignored wherever they are.
//! * **Plus**: one `+` (or full-width `＋`) before the first digit, or — as text
//!   typed in a right-to-left field sometimes arrives — after the last digit
//!   (`966551234567+`), which is read as the same leading plus. A plus in the middle,
//!   or two of them, is refused.
//! * **Letters are refused**, including extensions (`ext 12`, `x12`, `تحويلة 12`) and
//!   `tel:` prefixes; so are `#`, `*`, `,` and `;`.
//! * **Which interpretation wins** when there is no `+`, in this order (the first
//!   *valid* one is taken):
//!   1. the digits as a national number of the default region, with or without its
//!      trunk `0` (`0551234567`, `551234567`);
//!   2. what libphonenumber makes of them for the default region — its own
//!      international prefix (`00966…`) or its own country code without `+`
//!      (`966551234567`);
//!   3. the digits as an international number without `+` (`201012345678` with
//!      the default region SA → Egypt), so numbers pasted from WhatsApp exports work;
//!   4. a leading `00` as the international prefix, whatever the default region's
//!      own prefix is.
//!
//!   Because the national reading is tried first and must be *valid*, a Kuwaiti
//!   mobile that happens to start with 965 (`96512345`) stays Kuwaiti, while
//!   `966551234567` for a Saudi company is +966 55 123 4567.
//! * A trunk `0` typed after the country code (`+966 055…`, `+20 010…`) is dropped,
//!   as libphonenumber does.
//! * **Invalid numbers are refused** — too short, too long, or outside every range
//!   the country allocates. Numbers of non-geographic entities (+800, +882…) are
//!   refused too, as they have no country.
//! * **Kind**: libphonenumber's `FixedLineOrMobile` (countries such as the US and
//!   Canada where the two cannot be told apart) is reported as [`PhoneKind::Mobile`],
//!   so the app still offers SMS/WhatsApp; toll-free, shared-cost (e.g. Saudi 9200…),
//!   VoIP, UAN, pager and the like are [`PhoneKind::Other`].
//! * An unknown or empty default region is not an error: only numbers that carry
//!   their country code are then accepted.
//!
//! # Email
//!
//! A practical check, not RFC 5322: see [`normalize_email`].

use phonenumber::metadata::{Metadata, DATABASE};
use phonenumber::{country, Mode, PhoneNumber, Type};
use serde::{Deserialize, Serialize};

use crate::{Error, Result, Rule};

/// A phone number as stored on a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// As the user typed it (trimmed of surrounding white space), kept for display.
    pub raw: String,
    /// E.164, e.g. "+966551234567".
    pub e164: String,
    /// Digits of the national significant number, e.g. "551234567" — what a person
    /// types to find a number by its end.
    pub national: String,
    /// ISO 3166-1 alpha-2 of the number's country, e.g. "SA".
    pub region: String,
    pub kind: PhoneKind,
}

/// What a number is for. `FixedLineOrMobile` counts as `Mobile`; special services
/// (toll-free, shared-cost, VoIP…) are `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    Mobile,
    Fixed,
    Other,
}

/// Longest input looked at; a phone number, even with separators, is far shorter.
const MAX_PHONE_INPUT_CHARS: usize = 64;
/// Most digits a number may have: 15 (E.164) plus an international prefix and a
/// stray trunk zero.
const MAX_PHONE_DIGITS: usize = 20;

fn bad_phone() -> Error {
    Error::invalid("phone", Rule::BadFormat)
}

/// Parses what a person typed, with the company's country as the default region.
///
/// See the module documentation for what is accepted and how ambiguous input is
/// read. Refusals are `Error::Invalid { field: "phone", rule: BadFormat, .. }`.
pub fn normalize_phone(input: &str, default_region: &str) -> Result<Phone> {
    parse_phone(input, default_region).map(|(p, _)| p)
}

/// As [`normalize_phone`], but a number of the default region keeps, as `raw`, the
/// national form it is dialled with at home (trunk zero included: `0551234567`). For
/// numbers that lost that zero in a spreadsheet; one parse, not two.
pub fn normalize_phone_dialled(input: &str, default_region: &str) -> Result<Phone> {
    let (mut p, number) = parse_phone(input, default_region)?;
    if p.region.eq_ignore_ascii_case(default_region.trim()) {
        p.raw = number
            .format()
            .mode(Mode::National)
            .to_string()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
    }
    Ok(p)
}

fn parse_phone(input: &str, default_region: &str) -> Result<(Phone, PhoneNumber)> {
    let raw = input.trim();
    let (plus, digits) = clean_phone_input(raw).ok_or_else(bad_phone)?;
    let region = default_region_meta(default_region);

    let mut buf = String::with_capacity(digits.len() + 4);
    let found = if plus {
        international(&mut buf, &digits)
    } else {
        region
            .and_then(|(meta, _)| {
                // 1. National number of the default region.
                buf.clear();
                buf.push('+');
                buf.push_str(&meta.country_code().to_string());
                buf.push_str(&digits);
                valid(phonenumber::parse(None, &buf))
            })
            // 2. libphonenumber's reading for the region (IDD, own country code).
            .or_else(|| region.and_then(|(_, id)| valid(phonenumber::parse(Some(id), &digits))))
            // 3. International without "+".
            .or_else(|| international(&mut buf, &digits))
            // 4. "00" as the international prefix.
            .or_else(|| {
                digits
                    .strip_prefix("00")
                    .and_then(|rest| international(&mut buf, rest))
            })
    };
    let (number, meta, kind) = found.ok_or_else(bad_phone)?;

    let region = meta.id();
    if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_uppercase()) {
        // Non-geographic entity ("001").
        return Err(bad_phone());
    }
    let phone = Phone {
        raw: raw.to_string(),
        e164: number.format().mode(Mode::E164).to_string(),
        national: number.national().to_string(),
        region: region.to_string(),
        kind,
    };
    Ok((phone, number))
}

/// Parses `+digits`.
fn international(
    buf: &mut String,
    digits: &str,
) -> Option<(PhoneNumber, &'static Metadata, PhoneKind)> {
    buf.clear();
    buf.push('+');
    buf.push_str(digits);
    valid(phonenumber::parse(None, buf.as_str()))
}

/// The default region's metadata and id, if it is a known region.
fn default_region_meta(region: &str) -> Option<(&'static Metadata, country::Id)> {
    let region = region.trim();
    if region.len() != 2 {
        return None;
    }
    let region = region.to_ascii_uppercase();
    let id: country::Id = region.parse().ok()?;
    Some((DATABASE.by_id(region.as_str())?, id))
}

/// Keeps a parsed number only if it is valid, returning its region's metadata and
/// its kind.
///
/// The region and type are worked out here from the full national significant
/// number, leading zeros included: `phonenumber`'s own `metadata()`/`number_type()`
/// drop them, which loses Italian landlines (+39 06…).
fn valid(
    parsed: std::result::Result<PhoneNumber, phonenumber::ParseError>,
) -> Option<(PhoneNumber, &'static Metadata, PhoneKind)> {
    let number = parsed.ok()?;
    if number.extension().is_some() {
        return None;
    }
    let nsn = number.national().to_string();
    let candidates = DATABASE.by_code(&number.code().value())?;
    let meta = if candidates.len() == 1 {
        candidates[0]
    } else {
        // As libphonenumber's getRegionCodeForNumberFromRegionList.
        candidates.into_iter().find(|m| match m.leading_digits() {
            Some(lead) => lead.find(&nsn).is_some_and(|m| m.start() == 0),
            None => kind_in(m, &nsn).is_some(),
        })?
    };
    let kind = kind_in(meta, &nsn)?;
    Some((number, meta, kind))
}

/// The kind of a national significant number in a region, `None` if the region
/// does not allocate it. Same order of checks as libphonenumber's
/// `getNumberTypeHelper`.
fn kind_in(meta: &Metadata, nsn: &str) -> Option<PhoneKind> {
    let d = meta.descriptors();
    let matches = |t: Type| d.get(t).is_some_and(|desc| desc.is_match(nsn));
    if !matches(Type::Unknown) {
        // Type::Unknown selects the general descriptor.
        return None;
    }
    let special = [
        Type::PremiumRate,
        Type::TollFree,
        Type::SharedCost,
        Type::Voip,
        Type::PersonalNumber,
        Type::Pager,
        Type::Uan,
        Type::Voicemail,
    ];
    if special.into_iter().any(matches) {
        return Some(PhoneKind::Other);
    }
    if matches(Type::FixedLine) {
        // A number in both ranges is FixedLineOrMobile: reachable by SMS as far as
        // we can tell, so Mobile.
        return Some(if matches(Type::Mobile) {
            PhoneKind::Mobile
        } else {
            PhoneKind::Fixed
        });
    }
    matches(Type::Mobile).then_some(PhoneKind::Mobile)
}

/// Characters that are invisible and carry no meaning in a phone number or an
/// email address: bidi marks, embeddings and isolates, zero-width characters, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// ASCII value of a decimal digit in any of the scripts people type phones in.
fn digit_value(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic (Persian, Urdu)
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // Full-width
        _ => return None,
    };
    Some(b'0' + (c as u32 - base as u32) as u8)
}

fn is_phone_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{00A0}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{202F}'
            | '\u{3000}'
            | '-'
            | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{FF0D}'
                | '.'
                | '\u{FF0E}'
                | '('
                | ')'
                | '\u{FF08}'
                | '\u{FF09}'
                | '/'
    )
}

/// Reduces the input to ASCII digits and whether it had a (leading or trailing)
/// plus. `None` when it holds anything else, no digit, or too many.
fn clean_phone_input(input: &str) -> Option<(bool, String)> {
    let mut digits = String::with_capacity(16);
    let mut plus = false;
    let mut trailing_plus = false;
    for (i, c) in input.chars().enumerate() {
        if i >= MAX_PHONE_INPUT_CHARS {
            return None;
        }
        if let Some(d) = digit_value(c) {
            if trailing_plus || digits.len() >= MAX_PHONE_DIGITS {
                return None;
            }
            digits.push(char::from(d));
        } else if c == '+' || c == '\u{FF0B}' {
            if plus {
                return None;
            }
            plus = true;
            trailing_plus = !digits.is_empty();
        } else if !(is_phone_separator(c) || is_invisible(c)) {
            return None;
        }
    }
    (!digits.is_empty()).then_some((plus, digits))
}

const MAX_EMAIL_CHARS: usize = 254;
const MAX_LOCAL_CHARS: usize = 64;
const MAX_LABEL_CHARS: usize = 63;

fn bad_email() -> Error {
    Error::invalid("email", Rule::BadFormat)
}

/// Lower-cased, trimmed, validated email.
///
/// A practical check rather than RFC 5322: exactly one `@`; a local part of 1 to 64
/// characters made of letters, digits and ``!#$%&'*+/=?^_`{|}~-`` separated by
/// single dots (no quoted local parts); a domain of at least two dot-separated
/// labels of 1 to 63 letters, digits or hyphens, not starting or ending with a
/// hyphen, the last one at least two characters and not all digits (no IP
/// literals); at most 254 characters in all. Non-ASCII letters and digits are
/// accepted in both parts, so internationalised domains typed in Unicode
/// (`info@مثال.السعودية`) are kept as typed — they are not converted to punycode.
/// White space and invisible bidi marks around the address are trimmed; inside it
/// they are refused. Lengths are counted in characters.
pub fn normalize_email(input: &str) -> Result<String> {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.is_empty() || trimmed.chars().count() > MAX_EMAIL_CHARS {
        return Err(bad_email());
    }
    let email = trimmed.to_lowercase();
    if email.chars().count() > MAX_EMAIL_CHARS {
        return Err(bad_email());
    }
    let (local, domain) = email.split_once('@').ok_or_else(bad_email)?;
    if !valid_local(local) || !valid_domain(domain) {
        return Err(bad_email());
    }
    Ok(email)
}

/// A letter or digit in any script, or a combining mark common in Latin and
/// Arabic text (accents, harakat).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{0300}'..='\u{036F}'
                | '\u{0610}'..='\u{061A}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0670}'
                | '\u{06D6}'..='\u{06DC}'
                | '\u{06DF}'..='\u{06E8}'
                | '\u{06EA}'..='\u{06ED}'
        )
}

fn valid_local(local: &str) -> bool {
    let len = local.chars().count();
    (1..=MAX_LOCAL_CHARS).contains(&len)
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom.chars().all(|c| {
                    is_word_char(c)
                        || (c.is_ascii_punctuation() && "!#$%&'*+/=?^_`{|}~-".contains(c))
                })
        })
}

fn valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let len = label.chars().count();
        if !(1..=MAX_LABEL_CHARS).contains(&len)
            || label.starts_with('-')
            || label.ends_with('-')
            || !label.chars().all(|c| c == '-' || is_word_char(c))
        {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && last.chars().count() >= 2 && !last.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use PhoneKind::{Fixed, Mobile, Other};

    /// (input, default region, expected E.164, expected kind)
    const VALID: &[(&str, &str, &str, PhoneKind)] = &[
        // Saudi Arabia
        ("0551234567", "SA", "+966551234567", Mobile),
        ("+966551234567", "SA", "+966551234567", Mobile),
        ("00966551234567", "SA", "+966551234567", Mobile),
        ("966551234567", "SA", "+966551234567", Mobile),
        ("055 123 4567", "SA", "+966551234567", Mobile),
        ("055-123-4567", "SA", "+966551234567", Mobile),
        ("+966 (55) 123.4567", "SA", "+966551234567", Mobile),
        ("551234567", "SA", "+966551234567", Mobile),
        ("0501234567", "SA", "+966501234567", Mobile),
        ("+966 055 123 4567", "SA", "+966551234567", Mobile),
        ("011 234 5678", "SA", "+966112345678", Fixed),
        ("0126123456", "SA", "+966126123456", Fixed),
        ("920012345", "SA", "+966920012345", Other),
        ("8001234567", "SA", "+9668001234567", Other),
        // United Arab Emirates
        ("050 123 4567", "AE", "+971501234567", Mobile),
        ("+971501234567", "AE", "+971501234567", Mobile),
        ("00971501234567", "AE", "+971501234567", Mobile),
        ("971501234567", "AE", "+971501234567", Mobile),
        ("056-123-4567", "AE", "+971561234567", Mobile),
        ("04 234 5678", "AE", "+97142345678", Fixed),
        ("02-412-3456", "AE", "+97124123456", Fixed),
        // Egypt
        ("01012345678", "EG", "+201012345678", Mobile),
        ("+201012345678", "EG", "+201012345678", Mobile),
        ("00201012345678", "EG", "+201012345678", Mobile),
        ("201012345678", "EG", "+201012345678", Mobile),
        ("0111 234 5678", "EG", "+201112345678", Mobile),
        ("+20 010 1234 5678", "EG", "+201012345678", Mobile),
        ("02 2345 6789", "EG", "+20223456789", Fixed),
        // Kuwait
        ("51234567", "KW", "+96551234567", Mobile),
        ("+96566123456", "KW", "+96566123456", Mobile),
        ("0096599123456", "KW", "+96599123456", Mobile),
        ("96551234567", "KW", "+96551234567", Mobile),
        ("9412 3456", "KW", "+96594123456", Mobile),
        ("2234 5678", "KW", "+96522345678", Fixed),
        // A Kuwaiti mobile that starts with 965: national reading must win.
        ("96512345", "KW", "+96596512345", Mobile),
        // Qatar
        ("33123456", "QA", "+97433123456", Mobile),
        ("+97455123456", "QA", "+97455123456", Mobile),
        ("0097466123456", "QA", "+97466123456", Mobile),
        ("97471234567", "QA", "+97471234567", Mobile),
        ("3312-3456", "QA", "+97433123456", Mobile),
        ("4412 3456", "QA", "+97444123456", Fixed),
        // Jordan
        ("0791234567", "JO", "+962791234567", Mobile),
        ("+962771234567", "JO", "+962771234567", Mobile),
        ("00962781234567", "JO", "+962781234567", Mobile),
        ("962791234567", "JO", "+962791234567", Mobile),
        ("079 123 4567", "JO", "+962791234567", Mobile),
        ("06 412 3456", "JO", "+96264123456", Fixed),
        // Bahrain
        ("36123456", "BH", "+97336123456", Mobile),
        ("+97333123456", "BH", "+97333123456", Mobile),
        ("0097339123456", "BH", "+97339123456", Mobile),
        ("97336123456", "BH", "+97336123456", Mobile),
        ("3612 3456", "BH", "+97336123456", Mobile),
        ("1712-3456", "BH", "+97317123456", Fixed),
        // Oman
        ("92123456", "OM", "+96892123456", Mobile),
        ("+96872123456", "OM", "+96872123456", Mobile),
        ("0096891234567", "OM", "+96891234567", Mobile),
        ("96892123456", "OM", "+96892123456", Mobile),
        ("9212 3456", "OM", "+96892123456", Mobile),
        ("2412 3456", "OM", "+96824123456", Fixed),
        ("96812345", "OM", "+96896812345", Mobile),
        // Arabic-Indic, Persian and full-width digits, mixed scripts.
        ("٠٥٥١٢٣٤٥٦٧", "SA", "+966551234567", Mobile),
        ("۰۵۵۱۲۳۴۵۶۷", "SA", "+966551234567", Mobile),
        ("+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧", "SA", "+966551234567", Mobile),
        ("٠٠٩٧١٥٠١٢٣٤٥٦٧", "AE", "+971501234567", Mobile),
        ("٠١٠١٢٣٤٥٦٧٨", "EG", "+201012345678", Mobile),
        ("05٥1234۵67", "SA", "+966551234567", Mobile),
        ("０５５１２３４５６７", "SA", "+966551234567", Mobile),
        // Right-to-left artefacts: trailing plus, bidi marks.
        ("966551234567+", "SA", "+966551234567", Mobile),
        ("971501234567+", "SA", "+971501234567", Mobile),
        (
            "\u{200F}+966 55 123 4567\u{200E}",
            "SA",
            "+966551234567",
            Mobile,
        ),
        ("\u{202B}٠٥٥١٢٣٤٥٦٧\u{202C}", "SA", "+966551234567", Mobile),
        ("  0551234567\t", "SA", "+966551234567", Mobile),
        // Another country's number while the company is in Saudi Arabia.
        ("+971 50 123 4567", "SA", "+971501234567", Mobile),
        ("00201012345678", "SA", "+201012345678", Mobile),
        ("201012345678", "SA", "+201012345678", Mobile),
        ("966551234567", "AE", "+966551234567", Mobile),
        ("+44 7400 123456", "SA", "+447400123456", Mobile),
        ("+1 201-555-0123", "SA", "+12015550123", Mobile),
        ("+39 06 1234 5678", "SA", "+390612345678", Fixed),
        // Default region spelled in lower case, or unknown.
        ("0551234567", "sa", "+966551234567", Mobile),
        ("+966551234567", "", "+966551234567", Mobile),
        ("00966551234567", "XX", "+966551234567", Mobile),
    ];

    #[test]
    fn valid_numbers() {
        for &(input, region, e164, kind) in VALID {
            let p = normalize_phone(input, region)
                .unwrap_or_else(|e| panic!("{input:?} ({region}) refused: {e}"));
            assert_eq!(p.e164, e164, "{input:?} ({region})");
            assert_eq!(p.kind, kind, "{input:?} ({region})");
            assert_eq!(p.raw, input.trim(), "{input:?}");
            assert!(
                p.e164.ends_with(&p.national),
                "{input:?}: national {} not the end of {}",
                p.national,
                p.e164
            );
        }
        assert!(VALID.len() >= 40);
    }

    #[test]
    fn fields() {
        let p = normalize_phone("055 123 4567", "SA").unwrap();
        assert_eq!(
            p,
            Phone {
                raw: "055 123 4567".into(),
                e164: "+966551234567".into(),
                national: "551234567".into(),
                region: "SA".into(),
                kind: Mobile,
            }
        );
        let p = normalize_phone("+201012345678", "SA").unwrap();
        assert_eq!(p.region, "EG");
        assert_eq!(p.national, "1012345678");
        let p = normalize_phone("+447400123456", "SA").unwrap();
        assert_eq!(p.region, "GB");
        let p = normalize_phone("+39 06 1234 5678", "SA").unwrap();
        assert_eq!(
            (p.region.as_str(), p.national.as_str()),
            ("IT", "0612345678")
        );
    }

    #[test]
    fn national_digits_for_suffix_search() {
        for (input, region, national) in [
            ("0551234567", "SA", "551234567"),
            ("+966 55 123 4567", "SA", "551234567"),
            ("٠٥٥١٢٣٤٥٦٧", "SA", "551234567"),
            ("01012345678", "EG", "1012345678"),
            ("51234567", "KW", "51234567"),
            ("0791234567", "JO", "791234567"),
        ] {
            let p = normalize_phone(input, region).unwrap();
            assert_eq!(p.national, national, "{input}");
        }
    }

    #[test]
    fn refused_numbers() {
        for (input, region) in [
            ("", "SA"),
            ("   ", "SA"),
            ("\u{200F}", "SA"),
            ("+", "SA"),
            ("-- ()", "SA"),
            ("055123456", "SA"),   // one digit short
            ("05512345678", "SA"), // one digit too many
            ("12345", "SA"),       // too short
            ("0", "SA"),
            ("00", "SA"),
            ("+966", "SA"),
            ("+9665512345", "SA"),
            ("0501234", "AE"),
            ("0101234567", "EG"), // Egyptian mobile one digit short
            ("1234567", "KW"),
            ("31234567", "KW"),   // not an allocated range
            ("0451234567", "SA"), // not an allocated range
            ("055123456a", "SA"),
            ("abc", "SA"),
            ("055 123 4567 ext 12", "SA"),
            ("055 123 4567 x12", "SA"),
            ("055 123 4567 تحويلة 12", "SA"),
            ("tel:+966551234567", "SA"),
            ("0551234567#", "SA"),
            ("*0551234567", "SA"),
            ("0551234567, 0501234567", "SA"),
            ("++966551234567", "SA"),
            ("+966551234567+", "SA"),
            ("9665+51234567", "SA"),
            ("966551234567+1", "SA"),
            ("0551234567", ""), // national without a default region
            ("0551234567", "XX"),
            ("+80012345678", "SA"), // non-geographic
            ("000000000000000000", "SA"),
            ("123456789012345678901234", "SA"),
            ("٠٥٥١٢٣", "SA"),
            ("!@#$%", "SA"),
        ] {
            match normalize_phone(input, region) {
                Err(Error::Invalid {
                    field: "phone",
                    rule: Rule::BadFormat,
                    ..
                }) => {}
                other => panic!("{input:?} ({region}) should be refused, got {other:?}"),
            }
        }
        let long = "5".repeat(10_000);
        assert!(normalize_phone(&long, "SA").is_err());
    }

    #[test]
    fn phone_serde() {
        let p = normalize_phone("0112345678", "SA").unwrap();
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["kind"], "fixed");
        assert_eq!(json["e164"], "+966112345678");
        let back: Phone = serde_json::from_value(json).unwrap();
        assert_eq!(back, p);
        assert_eq!(serde_json::to_string(&Other).unwrap(), "\"other\"");
        assert_eq!(serde_json::to_string(&Mobile).unwrap(), "\"mobile\"");
    }

    #[test]
    fn valid_emails() {
        for (input, expected) in [
            ("ali@example.com", "ali@example.com"),
            ("  Ali.Hassan@Example.COM ", "ali.hassan@example.com"),
            ("\u{200F}sales@showroom.sa\u{200E}", "sales@showroom.sa"),
            (
                "first.last+tag@mail.example.co.uk",
                "first.last+tag@mail.example.co.uk",
            ),
            (
                "o'neil_99@sub-domain.example.org",
                "o'neil_99@sub-domain.example.org",
            ),
            ("x@a.io", "x@a.io"),
            ("info@مثال.السعودية", "info@مثال.السعودية"),
            ("Info@معرض-السيارات.مصر", "info@معرض-السيارات.مصر"),
            ("محمد@مثال.امارات", "محمد@مثال.امارات"),
            (
                "user@xn--mgbh0fb.xn--mgberp4a5d4ar",
                "user@xn--mgbh0fb.xn--mgberp4a5d4ar",
            ),
        ] {
            assert_eq!(normalize_email(input).unwrap(), expected, "{input:?}");
        }
        let local = "a".repeat(64);
        let ok = format!("{local}@example.com");
        assert_eq!(normalize_email(&ok).unwrap(), ok);
    }

    #[test]
    fn refused_emails() {
        let long_local = format!("{}@example.com", "a".repeat(65));
        let long_label = format!("a@{}.com", "b".repeat(64));
        let long_total = format!("a@{}.com", vec!["b".repeat(60); 5].join("."));
        for input in [
            "",
            "   ",
            "ali",
            "ali@",
            "@example.com",
            "ali@@example.com",
            "ali@x@example.com",
            "ali@example",
            "ali@example.",
            "ali@.example.com",
            "ali@example..com",
            "ali@-example.com",
            "ali@example-.com",
            "ali@example.c",
            "ali@1.2.3.4",
            "ali@[1.2.3.4]",
            "ali hassan@example.com",
            "ali@exa mple.com",
            "ali@example.com\u{200F}x",
            ".ali@example.com",
            "ali.@example.com",
            "ali..hassan@example.com",
            "\"ali\"@example.com",
            "ali(x)@example.com",
            "ali@example_co.com",
            "Ali <ali@example.com>",
            "mailto:ali@example.com",
            "ali@example.com,bob@example.com",
            "ali@example。com",
            "ali\u{200B}@example.com",
            long_local.as_str(),
            long_label.as_str(),
            long_total.as_str(),
        ] {
            match normalize_email(input) {
                Err(Error::Invalid {
                    field: "email",
                    rule: Rule::BadFormat,
                    ..
                }) => {}
                other => panic!("{input:?} should be refused, got {other:?}"),
            }
        }
    }
}
