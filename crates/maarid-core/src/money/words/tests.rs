use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn ar(amount: &str, currency: &str) -> String {
    amount_in_words(d(amount), currency, Locale::Ar).unwrap()
}

fn en(amount: &str, currency: &str) -> String {
    amount_in_words(d(amount), currency, Locale::En).unwrap()
}

/// (amount, currency, the words between «فقط» and «لا غير»).
const ARABIC: &[(&str, &str, &str)] = &[
    // Zero and the small numbers: 1 and 2 are said by the noun, 3–10 take the plural
    // with the number in the opposite gender, 11–99 the accusative singular.
    ("0", "SAR", "صفر ريال سعودي"),
    ("0.00", "SAR", "صفر ريال سعودي"),
    ("1", "SAR", "ريال سعودي واحد"),
    ("2", "SAR", "ريالان سعوديان"),
    ("3", "SAR", "ثلاثة ريالات سعودية"),
    ("8", "SAR", "ثمانية ريالات سعودية"),
    ("10", "SAR", "عشرة ريالات سعودية"),
    ("11", "SAR", "أحد عشر ريالًا سعوديًا"),
    ("12", "SAR", "اثنا عشر ريالًا سعوديًا"),
    ("13", "SAR", "ثلاثة عشر ريالًا سعوديًا"),
    ("19", "SAR", "تسعة عشر ريالًا سعوديًا"),
    ("20", "SAR", "عشرون ريالًا سعوديًا"),
    ("21", "SAR", "واحد وعشرون ريالًا سعوديًا"),
    ("22", "SAR", "اثنان وعشرون ريالًا سعوديًا"),
    ("99", "SAR", "تسعة وتسعون ريالًا سعوديًا"),
    // Hundreds: genitive singular after a round hundred, مائتا in construct.
    ("100", "SAR", "مائة ريال سعودي"),
    ("101", "SAR", "مائة وريال سعودي واحد"),
    ("102", "SAR", "مائة وريالان سعوديان"),
    ("103", "SAR", "مائة وثلاثة ريالات سعودية"),
    ("110", "SAR", "مائة وعشرة ريالات سعودية"),
    ("111", "SAR", "مائة وأحد عشر ريالًا سعوديًا"),
    ("200", "SAR", "مائتا ريال سعودي"),
    ("250", "SAR", "مائتان وخمسون ريالًا سعوديًا"),
    ("300", "SAR", "ثلاثمائة ريال سعودي"),
    ("800", "SAR", "ثمانمائة ريال سعودي"),
    ("999", "SAR", "تسعمائة وتسعة وتسعون ريالًا سعوديًا"),
    // Thousands.
    ("1000", "SAR", "ألف ريال سعودي"),
    ("1001", "SAR", "ألف وريال سعودي واحد"),
    ("1100", "SAR", "ألف ومائة ريال سعودي"),
    ("2000", "SAR", "ألفا ريال سعودي"),
    ("2500", "SAR", "ألفان وخمسمائة ريال سعودي"),
    ("3000", "SAR", "ثلاثة آلاف ريال سعودي"),
    ("10000", "SAR", "عشرة آلاف ريال سعودي"),
    ("11000", "SAR", "أحد عشر ألف ريال سعودي"),
    ("11500", "SAR", "أحد عشر ألفًا وخمسمائة ريال سعودي"),
    ("20000", "SAR", "عشرون ألف ريال سعودي"),
    ("100000", "SAR", "مائة ألف ريال سعودي"),
    ("101000", "SAR", "مائة ألف وألف ريال سعودي"),
    ("102000", "SAR", "مائة ألف وألفا ريال سعودي"),
    ("102500", "SAR", "مائة ألف وألفان وخمسمائة ريال سعودي"),
    ("103000", "SAR", "مائة وثلاثة آلاف ريال سعودي"),
    ("125000", "SAR", "مائة وخمسة وعشرون ألف ريال سعودي"),
    (
        "125350.50",
        "SAR",
        "مائة وخمسة وعشرون ألفًا وثلاثمائة وخمسون ريالًا سعوديًا وخمسون هللة",
    ),
    ("200000", "SAR", "مائتا ألف ريال سعودي"),
    // Millions and billions.
    ("1000000", "SAR", "مليون ريال سعودي"),
    ("1001000", "SAR", "مليون وألف ريال سعودي"),
    ("2000000", "SAR", "مليونا ريال سعودي"),
    ("2000001", "SAR", "مليونان وريال سعودي واحد"),
    ("3000000", "SAR", "ثلاثة ملايين ريال سعودي"),
    (
        "15000120",
        "SAR",
        "خمسة عشر مليونًا ومائة وعشرون ريالًا سعوديًا",
    ),
    ("1000000000", "SAR", "مليار ريال سعودي"),
    ("2500000000", "SAR", "ملياران وخمسمائة مليون ريال سعودي"),
    ("11000000000", "SAR", "أحد عشر مليار ريال سعودي"),
    // Halalas: هللة is feminine — ثلاث هللات, إحدى عشرة هللة, ثمانٍ وعشرون هللة.
    ("0.01", "SAR", "هللة واحدة"),
    ("0.02", "SAR", "هللتان"),
    ("0.03", "SAR", "ثلاث هللات"),
    ("0.08", "SAR", "ثماني هللات"),
    ("0.1", "SAR", "عشر هللات"),
    ("0.11", "SAR", "إحدى عشرة هللة"),
    ("0.12", "SAR", "اثنتا عشرة هللة"),
    ("0.18", "SAR", "ثماني عشرة هللة"),
    ("0.21", "SAR", "إحدى وعشرون هللة"),
    ("0.22", "SAR", "اثنتان وعشرون هللة"),
    ("0.28", "SAR", "ثمانٍ وعشرون هللة"),
    ("0.50", "SAR", "خمسون هللة"),
    ("1.05", "SAR", "ريال سعودي واحد وخمس هللات"),
    ("2.02", "SAR", "ريالان سعوديان وهللتان"),
    ("100.99", "SAR", "مائة ريال سعودي وتسع وتسعون هللة"),
    // Rounding half away from zero (banker's would give 1.02 and 0.00).
    ("1.025", "SAR", "ريال سعودي واحد وثلاث هللات"),
    ("0.005", "SAR", "هللة واحدة"),
    ("0.004", "SAR", "صفر ريال سعودي"),
    ("1.999", "SAR", "ريالان سعوديان"),
    // UAE: درهم and فلس are masculine.
    ("1", "AED", "درهم إماراتي واحد"),
    ("3.25", "AED", "ثلاثة دراهم إماراتية وخمسة وعشرون فلسًا"),
    ("0.01", "AED", "فلس واحد"),
    // Kuwait: 1000 fils.
    (
        "12.250",
        "KWD",
        "اثنا عشر دينارًا كويتيًا ومائتان وخمسون فلسًا",
    ),
    ("5.003", "KWD", "خمسة دنانير كويتية وثلاثة فلوس"),
    ("0.001", "KWD", "فلس واحد"),
    (
        "1.2345",
        "KWD",
        "دينار كويتي واحد ومائتان وخمسة وثلاثون فلسًا",
    ),
    (
        "999999999999.999",
        "KWD",
        "تسعمائة وتسعة وتسعون مليارًا وتسعمائة وتسعة وتسعون مليونًا وتسعمائة وتسعة وتسعون ألفًا \
         وتسعمائة وتسعة وتسعون دينارًا كويتيًا وتسعمائة وتسعة وتسعون فلسًا",
    ),
    // Qatar: the dirham is the minor unit.
    ("2.02", "QAR", "ريالان قطريان ودرهمان"),
    ("11.11", "QAR", "أحد عشر ريالًا قطريًا وأحد عشر درهمًا"),
    // Bahrain.
    ("200.200", "BHD", "مائتا دينار بحريني ومائتا فلس"),
    ("0.101", "BHD", "مائة وفلس واحد"),
    // Oman: بيسة is feminine.
    ("8.008", "OMR", "ثمانية ريالات عمانية وثماني بيسات"),
    ("0.500", "OMR", "خمسمائة بيسة"),
    ("1.012", "OMR", "ريال عماني واحد واثنتا عشرة بيسة"),
    ("2.001", "OMR", "ريالان عمانيان وبيسة واحدة"),
    // Jordan: 1000 fils.
    ("2.750", "JOD", "ديناران أردنيان وسبعمائة وخمسون فلسًا"),
    ("1000", "JOD", "ألف دينار أردني"),
    // Egypt.
    ("3.03", "EGP", "ثلاثة جنيهات مصرية وثلاثة قروش"),
    ("11", "EGP", "أحد عشر جنيهًا مصريًا"),
    // US dollar and euro share the cent.
    ("1.01", "USD", "دولار أمريكي واحد وسنت واحد"),
    ("100.99", "USD", "مائة دولار أمريكي وتسعة وتسعون سنتًا"),
    ("1", "EUR", "يورو واحد"),
    ("2", "EUR", "يوروان"),
    ("5", "EUR", "خمسة يوروهات"),
    ("20.50", "EUR", "عشرون يورو وخمسون سنتًا"),
    ("1000", "EUR", "ألف يورو"),
];

const ENGLISH: &[(&str, &str, &str)] = &[
    ("0", "SAR", "Zero Saudi riyals only"),
    ("1", "SAR", "One Saudi riyal only"),
    ("2", "SAR", "Two Saudi riyals only"),
    ("12", "SAR", "Twelve Saudi riyals only"),
    ("21", "SAR", "Twenty-one Saudi riyals only"),
    ("40", "SAR", "Forty Saudi riyals only"),
    ("101", "SAR", "One hundred one Saudi riyals only"),
    ("0.01", "SAR", "One halala only"),
    ("0.50", "SAR", "Fifty halalas only"),
    ("1.05", "SAR", "One Saudi riyal and five halalas only"),
    (
        "125000",
        "SAR",
        "One hundred twenty-five thousand Saudi riyals only",
    ),
    (
        "125350.50",
        "SAR",
        "One hundred twenty-five thousand three hundred fifty Saudi riyals and fifty halalas only",
    ),
    ("1000000", "SAR", "One million Saudi riyals only"),
    ("1000000000", "SAR", "One billion Saudi riyals only"),
    (
        "2500000000",
        "SAR",
        "Two billion five hundred million Saudi riyals only",
    ),
    ("1.025", "SAR", "One Saudi riyal and three halalas only"),
    ("3.25", "AED", "Three UAE dirhams and twenty-five fils only"),
    ("0.01", "AED", "One fils only"),
    (
        "12.250",
        "KWD",
        "Twelve Kuwaiti dinars and two hundred fifty fils only",
    ),
    ("2.02", "QAR", "Two Qatari riyals and two dirhams only"),
    ("1.001", "BHD", "One Bahraini dinar and one fils only"),
    ("1.500", "OMR", "One Omani rial and five hundred baisa only"),
    (
        "19.019",
        "JOD",
        "Nineteen Jordanian dinars and nineteen fils only",
    ),
    ("1.01", "EGP", "One Egyptian pound and one piastre only"),
    (
        "21.21",
        "USD",
        "Twenty-one US dollars and twenty-one cents only",
    ),
    ("1.01", "EUR", "One euro and one cent only"),
    (
        "999999999999.999",
        "KWD",
        "Nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred \
         ninety-nine thousand nine hundred ninety-nine Kuwaiti dinars and nine hundred \
         ninety-nine fils only",
    ),
];

#[test]
fn arabic_table() {
    let mut failures = Vec::new();
    for (amount, currency, words) in ARABIC {
        let want = format!("فقط {words} لا غير");
        let got = ar(amount, currency);
        if got != want {
            failures.push(format!(
                "{amount} {currency}\n  got:  {got}\n  want: {want}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn english_table() {
    let mut failures = Vec::new();
    for (amount, currency, want) in ENGLISH {
        let got = en(amount, currency);
        if got != *want {
            failures.push(format!(
                "{amount} {currency}\n  got:  {got}\n  want: {want}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_tables_cover_every_currency_in_both_languages() {
    for code in supported_currencies() {
        assert!(ARABIC.iter().any(|(_, c, _)| *c == code), "Arabic: {code}");
        assert!(
            ENGLISH.iter().any(|(_, c, _)| *c == code),
            "English: {code}"
        );
    }
    assert_eq!(supported_currencies().count(), 10);
}

#[test]
fn currency_code_is_case_insensitive_and_trimmed() {
    assert_eq!(ar("5", " sar "), ar("5", "SAR"));
    assert_eq!(en("5", "Kwd"), "Five Kuwaiti dinars only");
}

fn assert_invalid(e: Error, want_field: &str, want_rule: Rule) {
    match &e {
        Error::Invalid { field, rule, .. } => {
            assert_eq!((*field, *rule), (want_field, want_rule));
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(e.code(), "invalid_input");
}

#[test]
fn unknown_currency_is_refused_in_both_languages() {
    for code in ["XYZ", "", "SA", "ريال"] {
        let e = amount_in_words(d("1"), code, Locale::Ar).unwrap_err();
        assert_invalid(e, "currency", Rule::UnknownValue);
    }
    let e = amount_in_words(d("1"), "GBP", Locale::En).unwrap_err();
    assert_eq!(e.message(Locale::Ar), "الحقل «العملة» قيمة غير معروفة.");
    assert_eq!(e.message(Locale::En), "“Currency” is not a known value.");
}

#[test]
fn negative_amounts_are_refused() {
    for amount in ["-1", "-0.01", "-0.001"] {
        let e = amount_in_words(d(amount), "SAR", Locale::Ar).unwrap_err();
        assert_invalid(e, "amount", Rule::OutOfRange);
    }
    let e = amount_in_words(d("-5"), "SAR", Locale::En).unwrap_err();
    assert_eq!(e.message(Locale::Ar), "الحقل «المبلغ» خارج النطاق المسموح.");
    assert_eq!(e.message(Locale::En), "“Amount” is out of range.");
    // Negative zero is zero.
    assert_eq!(ar("-0", "SAR"), "فقط صفر ريال سعودي لا غير");
}

#[test]
fn amounts_from_a_trillion_up_are_refused() {
    for (amount, currency) in [
        ("1000000000000", "SAR"),
        // Rounds up to a trillion.
        ("999999999999.995", "SAR"),
        ("999999999999.9995", "KWD"),
        ("79228162514264337593543950335", "SAR"),
    ] {
        let e = amount_in_words(d(amount), currency, Locale::Ar).unwrap_err();
        assert_invalid(e, "amount", Rule::OutOfRange);
    }
    assert!(ar("999999999999.994", "SAR").ends_with("وتسع وتسعون هللة لا غير"));
}

#[test]
fn rounding_is_half_away_from_zero_at_the_minor_unit() {
    let r = |a: &str, c: &str| round_to_minor_unit(d(a), c).unwrap().to_string();
    assert_eq!(r("1.005", "SAR"), "1.01");
    assert_eq!(r("1.025", "SAR"), "1.03");
    assert_eq!(r("1.0249", "SAR"), "1.02");
    assert_eq!(r("2.0005", "KWD"), "2.001");
    assert_eq!(r("2.0004", "OMR"), "2.000");
    assert_eq!(r("7", "SAR"), "7");
    assert_eq!(r("-0", "SAR"), "0");
    assert!(round_to_minor_unit(d("1"), "XXX").is_err());
    assert!(round_to_minor_unit(d("-1"), "SAR").is_err());
}

#[test]
fn every_amount_up_to_2000_reads_grammatically() {
    // Spot rules over a whole range rather than single cases.
    for n in 1..=2000u64 {
        let w = ar(&n.to_string(), "SAR");
        let body = w
            .strip_prefix("فقط ")
            .and_then(|s| s.strip_suffix(" لا غير"))
            .unwrap();
        let r = n % 100;
        let noun = match r {
            0 => "ريال سعودي",
            1 => "ريال سعودي واحد",
            2 => "ريالان سعوديان",
            3..=10 => "ريالات سعودية",
            _ => "ريالًا سعوديًا",
        };
        assert!(body.ends_with(noun), "{n}: {w}");
        assert!(!body.contains("  "), "{n}: {w}");
        assert!(!body.contains(" و "), "{n}: و is attached: {w}");
        assert!(!body.contains("مائتان ريال"), "{n}: {w}");
        assert!(!body.contains("ألفان ريال"), "{n}: {w}");
        assert!(!body.contains("ألفًا ريال"), "{n}: {w}");
        // The minor unit of 0.01–0.99 never uses the masculine numbers.
        if n < 100 {
            let h = ar(&format!("0.{n:02}"), "SAR");
            assert!(!h.contains("ثلاثة") && !h.contains("عشرة هللات"), "{h}");
            assert!(!h.contains("ثمانية"), "{h}");
        }
    }
}

#[test]
fn english_numbers_have_no_inner_and() {
    for n in [101u64, 1_001, 110_110, 999_999_999_999] {
        let w = en(&n.to_string(), "USD");
        assert!(!w.contains(" and "), "{w}");
    }
}
