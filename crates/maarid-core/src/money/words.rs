//! The total of a quotation or invoice in words (التفقيط), in Arabic and English:
//! «فقط مائة وخمسة وعشرون ألف ريال سعودي لا غير» /
//! "One hundred twenty-five thousand Saudi riyals only".
//!
//! # Rounding
//! The amount is first rounded to the currency's minor unit (2 decimals, or 3 for
//! KWD, BHD, OMR and JOD) **half away from zero**: 1.005 SAR → 1.01, 1.025 SAR →
//! 1.03. Banker's rounding (half to even, `Decimal`'s default) would print 1.02 for
//! the second, which is not what a customer checking the invoice by hand expects.
//! Use [`round_to_minor_unit`] for the figures printed next to the words, so the two
//! always agree. Negative amounts and amounts of 1,000,000,000,000 or more (after
//! rounding) are refused.
//!
//! # Arabic style
//! Grammatical Modern Standard Arabic, as a careful writer puts it on a Gulf
//! invoice or cheque:
//!
//! * Framed «فقط … لا غير». The number is in the nominative (it is the amount
//!   itself: اثنا عشر، مائتان، ألفان).
//! * The counted noun agrees with the **last** part of the number:
//!   1 → «ريال سعودي واحد»; 2 → «ريالان سعوديان»; 3–10 → plural, with the number in
//!   the opposite gender of the noun's singular («ثلاثة ريالات سعودية»,
//!   «ثلاث هللات»); 11–99 → accusative singular («خمسون ريالًا سعوديًا»); 100, 1000…
//!   (a last part of 0) → genitive singular («مائة ريال سعودي»). The same rules
//!   count ألف/مليون/مليار: «ألفان»، «ثلاثة آلاف»، «أحد عشر ألفًا»، «مائة ألف».
//! * A number word directly followed by its counted noun is in construct (إضافة):
//!   «مائتا ريال» (not مائتان ريال), «ألفا ريال», «مليونا ريال», and «عشرون ألف ريال»
//!   (the construct drops the tanween of ألفًا), while «عشرون ألفًا وخمسمائة ريال»
//!   keeps it.
//! * Case endings are not written (no vowel marks), except the tanween where it
//!   changes the spelling: the fathatan of the tanween alif («ريالًا»، «ألفًا» — the
//!   alif is spelled in any case; the mark tells it from a dual like «ألفا ريال»,
//!   and matches how the rest of Maarid writes أولًا، رقمًا) and «ثمانٍ» (whose ya
//!   drops: «ثمانٍ وعشرون هللة» but «ثماني هللات» and «ثماني عشرة هللة»). Feminine
//!   nouns in ة take no mark («خمسون هللة»).
//!
//!   We deliberately do not use the "pausal" invoice style «… ألف وثلاثمائة وخمسون
//!   ريال سعودي»: even in pause, the accusative tanween of «ريالًا» is written with
//!   an alif, so that style is not a pausal form but a grammatical error, and it
//!   would also need its own rules for the construct forms above.
//! * Parts are joined with «و» attached to the next word, descending order:
//!   «مائة وخمسة وعشرون ألفًا وثلاثمائة وخمسون ريالًا سعوديًا».
//! * When a group of thousands/millions/billions ends in 1 or 2 after hundreds, the
//!   scale word is repeated — «مائة ألف وألف» for 101,000, «مائة ألف وألفان» for
//!   102,000 — because «مائة وألف» reads as 1,100 (the unambiguous "legal" form used
//!   on cheques). With the currency noun there is no such doubt: 101 is
//!   «مائة وريال سعودي واحد», 1001 is «ألف وريال سعودي واحد».
//! * Hundreds are spelled with the alif, as on Saudi and Gulf documents: مائة،
//!   مائتان، ثلاثمائة … تسعمائة (the alif is not pronounced). 10⁹ is مليار.
//! * The minor unit follows with «و»: «… ريالًا سعوديًا وخمسون هللة». A whole
//!   amount has no minor part, and an amount under one unit has no major part
//!   («فقط خمسون هللة لا غير»). Zero is «فقط صفر ريال سعودي لا غير» (صفر is a noun, in
//!   construct with the genitive singular like مائة).
//!
//! # English style
//! US style without "and" inside numbers ("one hundred twenty-five thousand three
//! hundred fifty"), hyphenated tens ("twenty-one"), short scale (billion = 10⁹), so
//! the only "and" joins the major and minor units: "One hundred one Saudi riyals
//! and fifty halalas only". Only the first letter is capitalized. Zero is "Zero
//! Saudi riyals only". Fils and baisa have no English plural.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::{Error, Locale, Result, Rule};

/// Largest whole part we write: 999,999,999,999.
const MAX_WHOLE: u64 = 999_999_999_999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// A counted noun (with its adjective, if any) in the forms number agreement needs.
struct ArNoun {
    /// Genitive singular: after 100, 1000… and before «واحد» («ريال سعودي»).
    singular: &'static str,
    /// Nominative dual, for 2 («ريالان سعوديان»).
    dual: &'static str,
    /// Plural, for 3–10 («ريالات سعودية»).
    plural: &'static str,
    /// Accusative singular, for 11–99 («ريالًا سعوديًا»).
    accusative: &'static str,
    /// Gender of the singular (decides ثلاثة/ثلاث, واحد/واحدة, أحد عشر/إحدى عشرة).
    gender: Gender,
}

struct EnNoun {
    singular: &'static str,
    plural: &'static str,
}

struct Currency {
    code: &'static str,
    /// Decimal places of the minor unit (2 → 1/100, 3 → 1/1000).
    minor_digits: u32,
    unit_ar: ArNoun,
    minor_ar: ArNoun,
    unit_en: EnNoun,
    minor_en: EnNoun,
}

const fn ar(
    singular: &'static str,
    dual: &'static str,
    plural: &'static str,
    accusative: &'static str,
    gender: Gender,
) -> ArNoun {
    ArNoun {
        singular,
        dual,
        plural,
        accusative,
        gender,
    }
}

const fn en(singular: &'static str, plural: &'static str) -> EnNoun {
    EnNoun { singular, plural }
}

use Gender::{Feminine, Masculine};

const HALALA: ArNoun = ar("هللة", "هللتان", "هللات", "هللة", Feminine);
const FILS: ArNoun = ar("فلس", "فلسان", "فلوس", "فلسًا", Masculine);
const BAISA: ArNoun = ar("بيسة", "بيستان", "بيسات", "بيسة", Feminine);
const QIRSH: ArNoun = ar("قرش", "قرشان", "قروش", "قرشًا", Masculine);
const CENT: ArNoun = ar("سنت", "سنتان", "سنتات", "سنتًا", Masculine);
const DIRHAM: ArNoun = ar("درهم", "درهمان", "دراهم", "درهمًا", Masculine);

const FILS_EN: EnNoun = en("fils", "fils");
const CENT_EN: EnNoun = en("cent", "cents");

static CURRENCIES: [Currency; 10] = [
    Currency {
        code: "SAR",
        minor_digits: 2,
        unit_ar: ar(
            "ريال سعودي",
            "ريالان سعوديان",
            "ريالات سعودية",
            "ريالًا سعوديًا",
            Masculine,
        ),
        minor_ar: HALALA,
        unit_en: en("Saudi riyal", "Saudi riyals"),
        minor_en: en("halala", "halalas"),
    },
    Currency {
        code: "AED",
        minor_digits: 2,
        unit_ar: ar(
            "درهم إماراتي",
            "درهمان إماراتيان",
            "دراهم إماراتية",
            "درهمًا إماراتيًا",
            Masculine,
        ),
        minor_ar: FILS,
        unit_en: en("UAE dirham", "UAE dirhams"),
        minor_en: FILS_EN,
    },
    Currency {
        code: "KWD",
        minor_digits: 3,
        unit_ar: ar(
            "دينار كويتي",
            "ديناران كويتيان",
            "دنانير كويتية",
            "دينارًا كويتيًا",
            Masculine,
        ),
        minor_ar: FILS,
        unit_en: en("Kuwaiti dinar", "Kuwaiti dinars"),
        minor_en: FILS_EN,
    },
    Currency {
        code: "QAR",
        minor_digits: 2,
        unit_ar: ar(
            "ريال قطري",
            "ريالان قطريان",
            "ريالات قطرية",
            "ريالًا قطريًا",
            Masculine,
        ),
        minor_ar: DIRHAM,
        unit_en: en("Qatari riyal", "Qatari riyals"),
        minor_en: en("dirham", "dirhams"),
    },
    Currency {
        code: "BHD",
        minor_digits: 3,
        unit_ar: ar(
            "دينار بحريني",
            "ديناران بحرينيان",
            "دنانير بحرينية",
            "دينارًا بحرينيًا",
            Masculine,
        ),
        minor_ar: FILS,
        unit_en: en("Bahraini dinar", "Bahraini dinars"),
        minor_en: FILS_EN,
    },
    Currency {
        code: "OMR",
        minor_digits: 3,
        unit_ar: ar(
            "ريال عماني",
            "ريالان عمانيان",
            "ريالات عمانية",
            "ريالًا عمانيًا",
            Masculine,
        ),
        minor_ar: BAISA,
        // The Central Bank of Oman spells the unit "rial" and uses "baisa" as plural.
        unit_en: en("Omani rial", "Omani rials"),
        minor_en: en("baisa", "baisa"),
    },
    Currency {
        code: "JOD",
        // The dinar is 1000 fils (the piastre, قرش, is 10 fils and not a minor unit).
        minor_digits: 3,
        unit_ar: ar(
            "دينار أردني",
            "ديناران أردنيان",
            "دنانير أردنية",
            "دينارًا أردنيًا",
            Masculine,
        ),
        minor_ar: FILS,
        unit_en: en("Jordanian dinar", "Jordanian dinars"),
        minor_en: FILS_EN,
    },
    Currency {
        code: "EGP",
        minor_digits: 2,
        unit_ar: ar(
            "جنيه مصري",
            "جنيهان مصريان",
            "جنيهات مصرية",
            "جنيهًا مصريًا",
            Masculine,
        ),
        minor_ar: QIRSH,
        unit_en: en("Egyptian pound", "Egyptian pounds"),
        minor_en: en("piastre", "piastres"),
    },
    Currency {
        code: "USD",
        minor_digits: 2,
        unit_ar: ar(
            "دولار أمريكي",
            "دولاران أمريكيان",
            "دولارات أمريكية",
            "دولارًا أمريكيًا",
            Masculine,
        ),
        minor_ar: CENT,
        unit_en: en("US dollar", "US dollars"),
        minor_en: CENT_EN,
    },
    Currency {
        code: "EUR",
        minor_digits: 2,
        // A loanword ending in a long vowel: it cannot carry the tanween alif, so
        // the accusative is spelled like the singular («عشرون يورو»).
        unit_ar: ar("يورو", "يوروان", "يوروهات", "يورو", Masculine),
        minor_ar: CENT,
        unit_en: en("euro", "euros"),
        minor_en: CENT_EN,
    },
];

fn currency(code: &str) -> Result<&'static Currency> {
    let code = code.trim();
    CURRENCIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .ok_or_else(|| Error::invalid("currency", Rule::UnknownValue))
}

/// The ISO 4217 codes [`amount_in_words`] knows.
pub fn supported_currencies() -> impl Iterator<Item = &'static str> {
    CURRENCIES.iter().map(|c| c.code)
}

/// Decimal places of the currency's minor unit: 2 for SAR (halalas), 3 for KWD (fils).
/// Currencies this module does not know are refused like in [`amount_in_words`].
pub fn minor_digits(currency_code: &str) -> Result<u32> {
    Ok(currency(currency_code)?.minor_digits)
}

/// Rounds to the currency's minor unit, half away from zero (see the module notes),
/// and checks the range [`amount_in_words`] accepts.
pub fn round_to_minor_unit(amount: Decimal, currency_code: &str) -> Result<Decimal> {
    let c = currency(currency_code)?;
    Ok(rounded(amount, c)?.0)
}

/// The rounded amount, its whole part and its minor part (in minor units).
fn rounded(amount: Decimal, c: &Currency) -> Result<(Decimal, u64, u64)> {
    let out_of_range = || Error::invalid("amount", Rule::OutOfRange);
    if amount < Decimal::ZERO {
        return Err(out_of_range());
    }
    let r = amount.round_dp_with_strategy(c.minor_digits, RoundingStrategy::MidpointAwayFromZero);
    let whole = r.trunc();
    if whole > Decimal::from(MAX_WHOLE) {
        return Err(out_of_range());
    }
    let whole_n = whole.to_u64().ok_or_else(out_of_range)?;
    let minor = ((r - whole) * Decimal::from(10u64.pow(c.minor_digits)))
        .to_u64()
        .ok_or_else(out_of_range)?;
    // -0 and 0.000 both print as 0.
    let r = if r.is_zero() { Decimal::ZERO } else { r };
    Ok((r, whole_n, minor))
}

/// The amount in words for a printed document, e.g.
/// `amount_in_words(dec!(125000), "SAR", Locale::Ar)` →
/// «فقط مائة وخمسة وعشرون ألف ريال سعودي لا غير».
///
/// `currency` is an ISO 4217 code (any letter case) among [`supported_currencies`];
/// any other is refused as `Error::Invalid { field: "currency", rule: UnknownValue }`.
/// Negative amounts, and amounts that round to 1,000,000,000,000 or more (the
/// largest is 999,999,999,999.99, or .999 for three-decimal currencies), are refused
/// as `Error::Invalid { field: "amount", rule: OutOfRange }`.
pub fn amount_in_words(amount: Decimal, currency_code: &str, locale: Locale) -> Result<String> {
    let c = currency(currency_code)?;
    let (_, whole, minor) = rounded(amount, c)?;
    Ok(match locale {
        Locale::Ar => arabic(whole, minor, c),
        Locale::En => english(whole, minor, c),
    })
}

// ---------------------------------------------------------------- Arabic

/// A scale word (ألف، مليون، مليار), itself a masculine counted noun.
struct Scale {
    singular: &'static str,
    dual: &'static str,
    /// The dual in construct, when the currency noun follows directly: «ألفا ريال».
    dual_construct: &'static str,
    plural: &'static str,
    accusative: &'static str,
}

const THOUSAND: Scale = Scale {
    singular: "ألف",
    dual: "ألفان",
    dual_construct: "ألفا",
    plural: "آلاف",
    accusative: "ألفًا",
};
const MILLION: Scale = Scale {
    singular: "مليون",
    dual: "مليونان",
    dual_construct: "مليونا",
    plural: "ملايين",
    accusative: "مليونًا",
};
const BILLION: Scale = Scale {
    singular: "مليار",
    dual: "ملياران",
    dual_construct: "مليارا",
    plural: "مليارات",
    accusative: "مليارًا",
};

fn arabic(whole: u64, minor: u64, c: &Currency) -> String {
    let mut out = String::from("فقط ");
    if whole == 0 && minor == 0 {
        out.push_str("صفر ");
        out.push_str(c.unit_ar.singular);
    }
    if whole > 0 {
        out.push_str(&arabic_whole(whole, &c.unit_ar));
    }
    if minor > 0 {
        if whole > 0 {
            out.push_str(" و");
        }
        out.push_str(&counted(minor, &c.minor_ar));
    }
    out.push_str(" لا غير");
    out
}

/// 1 ..= 999,999,999,999 of `noun`, e.g. «مائة وخمسة وعشرون ألف ريال سعودي».
fn arabic_whole(n: u64, noun: &ArNoun) -> String {
    let groups = [
        (n / 1_000_000_000 % 1000, Some(&BILLION)),
        (n / 1_000_000 % 1000, Some(&MILLION)),
        (n / 1000 % 1000, Some(&THOUSAND)),
        (n % 1000, None),
    ];
    let last = groups
        .iter()
        .rposition(|(g, _)| *g > 0)
        .expect("n is not zero");
    let mut parts = Vec::new();
    for (i, (g, scale)) in groups.iter().enumerate() {
        if *g == 0 {
            continue;
        }
        match scale {
            // The last non-empty group of a whole thousand/million/billion is
            // followed directly by the currency noun, in construct.
            Some(s) if i == last => {
                parts.push(format!("{} {}", scaled(*g, s, true), noun.singular))
            }
            Some(s) => parts.push(scaled(*g, s, false)),
            None => parts.push(counted(*g, noun)),
        }
    }
    parts.join(" و")
}

/// 1..=999 of a noun that ends the phrase (the currency or its minor unit).
fn counted(g: u64, noun: &ArNoun) -> String {
    let (h, r) = (g / 100, g % 100);
    if r == 0 {
        return format!("{} {}", hundreds(h, true), noun.singular);
    }
    let head = if h > 0 {
        format!("{} و", hundreds(h, false))
    } else {
        String::new()
    };
    let tail = match r {
        1 => format!("{} {}", noun.singular, one(noun.gender)),
        2 => noun.dual.to_string(),
        3..=10 => format!("{} {}", three_to_ten(r, noun.gender), noun.plural),
        _ => format!("{} {}", eleven_to_99(r, noun.gender), noun.accusative),
    };
    head + &tail
}

/// 1..=999 thousands/millions/billions. `construct`: the currency noun follows.
fn scaled(g: u64, s: &Scale, construct: bool) -> String {
    let (h, r) = (g / 100, g % 100);
    if r == 0 {
        return format!("{} {}", hundreds(h, true), s.singular);
    }
    let dual = if construct { s.dual_construct } else { s.dual };
    match r {
        // 1 and 2 are said by the scale word alone; after hundreds it is repeated
        // («مائة ألف وألف»), since «مائة وألف» would read as 1,100.
        1 | 2 => {
            let head = if h > 0 {
                format!("{} {} و", hundreds(h, true), s.singular)
            } else {
                String::new()
            };
            head + if r == 1 { s.singular } else { dual }
        }
        _ => {
            let head = if h > 0 {
                format!("{} و", hundreds(h, false))
            } else {
                String::new()
            };
            let tail = if r <= 10 {
                format!("{} {}", three_to_ten(r, Masculine), s.plural)
            } else {
                // In construct the tanween goes: «عشرون ألف ريال».
                let noun = if construct { s.singular } else { s.accusative };
                format!("{} {}", eleven_to_99(r, Masculine), noun)
            };
            head + &tail
        }
    }
}

/// 100..=900. `construct`: followed directly by the counted noun (مائتا ريال).
fn hundreds(h: u64, construct: bool) -> &'static str {
    match h {
        1 => "مائة",
        2 if construct => "مائتا",
        2 => "مائتان",
        3 => "ثلاثمائة",
        4 => "أربعمائة",
        5 => "خمسمائة",
        6 => "ستمائة",
        7 => "سبعمائة",
        8 => "ثمانمائة",
        9 => "تسعمائة",
        _ => unreachable!("a hundreds digit is 1..=9"),
    }
}

fn one(gender: Gender) -> &'static str {
    match gender {
        Masculine => "واحد",
        Feminine => "واحدة",
    }
}

/// 3..=10 before a plural noun: the opposite gender of the noun's singular.
/// Always in construct, so feminine 8 keeps its ya: «ثماني هللات».
fn three_to_ten(n: u64, noun: Gender) -> &'static str {
    const WITH_TA: [&str; 8] = [
        "ثلاثة",
        "أربعة",
        "خمسة",
        "ستة",
        "سبعة",
        "ثمانية",
        "تسعة",
        "عشرة",
    ];
    const WITHOUT_TA: [&str; 8] = ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"];
    let i = (n - 3) as usize;
    match noun {
        Masculine => WITH_TA[i],
        Feminine => WITHOUT_TA[i],
    }
}

/// 11..=99 in the nominative, for a noun of the given gender.
fn eleven_to_99(n: u64, noun: Gender) -> String {
    let fem = noun == Feminine;
    match n {
        11 => (if fem {
            "إحدى عشرة"
        } else {
            "أحد عشر"
        })
        .to_string(),
        12 => (if fem {
            "اثنتا عشرة"
        } else {
            "اثنا عشر"
        })
        .to_string(),
        13..=19 => format!(
            "{} {}",
            three_to_ten(n - 10, noun),
            if fem { "عشرة" } else { "عشر" }
        ),
        _ => {
            const TENS: [&str; 8] = [
                "عشرون",
                "ثلاثون",
                "أربعون",
                "خمسون",
                "ستون",
                "سبعون",
                "ثمانون",
                "تسعون",
            ];
            let tens = TENS[(n / 10 - 2) as usize];
            let unit = match (n % 10, fem) {
                (0, _) => return tens.to_string(),
                (1, false) => "واحد",
                (1, true) => "إحدى",
                (2, false) => "اثنان",
                (2, true) => "اثنتان",
                // Not in construct here, so feminine 8 is «ثمانٍ».
                (8, true) => "ثمانٍ",
                (u, _) => three_to_ten(u, noun),
            };
            format!("{unit} و{tens}")
        }
    }
}

// ---------------------------------------------------------------- English

fn english(whole: u64, minor: u64, c: &Currency) -> String {
    let noun = |n: u64, e: &EnNoun| if n == 1 { e.singular } else { e.plural };
    let mut out = String::new();
    if whole > 0 || minor == 0 {
        let n = if whole == 0 {
            "zero".to_string()
        } else {
            english_number(whole)
        };
        out = format!("{n} {}", noun(whole, &c.unit_en));
    }
    if minor > 0 {
        if !out.is_empty() {
            out.push_str(" and ");
        }
        out.push_str(&format!(
            "{} {}",
            english_number(minor),
            noun(minor, &c.minor_en)
        ));
    }
    out.push_str(" only");
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// 1..=999,999,999,999, US style: "one hundred twenty-five thousand three hundred fifty".
fn english_number(n: u64) -> String {
    let groups = [
        (n / 1_000_000_000 % 1000, " billion"),
        (n / 1_000_000 % 1000, " million"),
        (n / 1000 % 1000, " thousand"),
        (n % 1000, ""),
    ];
    groups
        .iter()
        .filter(|(g, _)| *g > 0)
        .map(|(g, scale)| format!("{}{scale}", english_under_1000(*g)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn english_under_1000(n: u64) -> String {
    const ONES: [&str; 20] = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let (h, r) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", ONES[h as usize]));
    }
    if r > 0 {
        parts.push(if r < 20 {
            ONES[r as usize].to_string()
        } else if r % 10 == 0 {
            TENS[(r / 10) as usize].to_string()
        } else {
            format!("{}-{}", TENS[(r / 10) as usize], ONES[(r % 10) as usize])
        });
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests;
