//! Contacts from pasted text and vCard files, against hand-written expectations.
//!
//! `tests/fixtures/paste/NN-name.txt` is read with `parse_text` and compared with
//! `NN-name.expected.json` (the `PastedContact` a careful person would fill in);
//! `tests/fixtures/vcf/NN-name.vcf` is read with `parse_vcards` and compared with
//! its `.expected.json` array. A mismatch names the fixture and lists every field
//! that differs.

use std::fs;
use std::path::{Path, PathBuf};

use maarid_core::contacts::paste::{parse_text, parse_vcards, PastedContact};
use maarid_core::contacts::PhoneLabel;
use serde_json::Value;

/// The company's country for a fixture (the default region for national phone
/// numbers); Saudi Arabia unless listed.
const REGIONS: &[(&str, &str)] = &[
    ("02-en-dubai-furniture", "AE"),
    ("03-en-kuwait-trading", "KW"),
    ("04-en-egypt-electronics", "EG"),
    ("09-en-oman-signature", "OM"),
    ("10-en-jordan-appliances", "JO"),
    ("12-en-uae-ocr-card", "AE"),
    ("19-ar-kuwait-furniture", "KW"),
    ("20-ar-egypt-appliances", "EG"),
    ("22-ar-amman-furniture", "JO"),
    ("24-ar-sharjah-electronics", "AE"),
    ("25-ar-bahrain-showroom", "BH"),
    ("26-ar-muscat-trading", "OM"),
    ("27-ar-alexandria-furniture", "EG"),
    ("33-mix-arabic-sig-english-company", "AE"),
];

fn region(stem: &str) -> &'static str {
    REGIONS
        .iter()
        .find(|(s, _)| *s == stem)
        .map_or("SA", |(_, r)| r)
}

fn fixtures(dir: &str, ext: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn expected(path: &Path) -> Value {
    let json = path.with_extension("expected.json");
    let text = fs::read_to_string(&json).unwrap_or_else(|e| panic!("{}: {e}", json.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", json.display()))
}

/// Every path where two JSON values differ, with both sides.
fn diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            let mut keys: Vec<&String> = w.keys().chain(g.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let (wv, gv) = (
                    w.get(k).unwrap_or(&Value::Null),
                    g.get(k).unwrap_or(&Value::Null),
                );
                diff(&format!("{path}.{k}"), wv, gv, out);
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(&format!("{path}[{i}]"), wv, gv, out);
            }
        }
        _ if want != got => out.push(format!("  {path}\n    want: {want}\n    got:  {got}")),
        _ => {}
    }
}

fn check(name: &str, want: &Value, got: &Value, failures: &mut Vec<String>) {
    let mut d = Vec::new();
    diff("", want, got, &mut d);
    if !d.is_empty() {
        failures.push(format!("{name}:\n{}", d.join("\n")));
    }
}

#[test]
fn pasted_text_fixtures() {
    let all = fixtures("paste", "txt");
    assert!(all.len() >= 30, "only {} fixtures", all.len());
    let mut failures = Vec::new();
    for (stem, path) in &all {
        let text = fs::read_to_string(path).unwrap();
        let got = serde_json::to_value(parse_text(&text, region(stem))).unwrap();
        check(stem, &expected(path), &got, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

#[test]
fn vcard_file_fixtures() {
    let all = fixtures("vcf", "vcf");
    assert!(!all.is_empty());
    let mut failures = Vec::new();
    for (stem, path) in &all {
        let text = fs::read_to_string(path).unwrap();
        let got = serde_json::to_value(parse_vcards(&text, region(stem))).unwrap();
        check(stem, &expected(path), &got, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn parse_text_reads_the_first_card_of_a_vcard() {
    let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:First Person\r\nEND:VCARD\r\n\
               BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Second Person\r\nEND:VCARD\r\n";
    assert_eq!(parse_text(vcf, "SA").name_latin, "First Person");
    assert_eq!(parse_vcards(vcf, "SA").len(), 2);
}

#[test]
fn empty_and_noise() {
    assert_eq!(parse_text("", "SA"), PastedContact::default());
    assert_eq!(
        parse_text("  \n\u{200F}\n-- \n", "SA"),
        PastedContact::default()
    );
    assert!(parse_vcards("no cards here", "SA").is_empty());
}

#[test]
fn directional_marks_are_stripped_everywhere() {
    let c = parse_text(
        "\u{200F}\u{202B}خالد الغامدي\u{202C}\n\u{2066}جوال: \u{200E}+966 55 012 3456\u{200E}\u{2069}",
        "SA",
    );
    assert_eq!(c.name_ar, "خالد الغامدي");
    assert_eq!(c.phones.len(), 1);
    assert_eq!(c.phones[0].number, "+966 55 012 3456");
    assert_eq!(c.phones[0].label, PhoneLabel::Mobile);
}

#[test]
fn an_extension_is_kept_in_the_notes() {
    let c = parse_text("Tel: 011 456 7890 ext. 204", "SA");
    assert_eq!(c.phones[0].number, "011 456 7890");
    assert_eq!(c.phones[0].label, PhoneLabel::Work);
    assert_eq!(c.notes, "Tel: 011 456 7890 ext. 204");
}

#[test]
fn nothing_is_invented() {
    let c = parse_text("Call me tomorrow after 5\n12345", "SA");
    assert!(c.phones.is_empty());
    assert_eq!(c.name_latin, "");
    assert_eq!(c.notes, "Call me tomorrow after 5\n12345");
}

#[test]
fn whatsapp_links_and_wa_me() {
    let c = parse_text("Khalid\nhttps://wa.me/966551234567", "SA");
    assert_eq!(c.name_latin, "Khalid");
    assert_eq!(c.phones[0].number, "+966551234567");
    assert_eq!(c.phones[0].label, PhoneLabel::Whatsapp);
}

#[test]
fn a_fax_keeps_its_label_in_the_notes() {
    let c = parse_text("Tel: +966 11 465 0000 / Fax: +966 11 465 0001", "SA");
    assert_eq!(c.phones.len(), 1);
    assert_eq!(c.phones[0].number, "+966 11 465 0000");
    assert_eq!(c.notes, "Fax: +966 11 465 0001");
    let c = parse_text("Fax: 011 456 7891 / 011 456 7892", "SA");
    assert!(c.phones.is_empty());
    assert_eq!(c.notes, "Fax: 011 456 7891 / 011 456 7892");
}

#[test]
fn whatsapp_chat_export_prefixes_are_dropped() {
    let c = parse_text(
        "[10:32, 12/03/2024] Sami: Majed Al-Anazi\n[10:33, 12/03/2024] Sami: 0533344556",
        "SA",
    );
    assert_eq!(c.name_latin, "Majed Al-Anazi");
    assert_eq!(c.phones[0].number, "0533344556");
    assert_eq!(c.notes, "");
}

#[test]
fn a_car_is_not_a_company() {
    let c = parse_text("Toyota Camry 2024 - white", "SA");
    assert_eq!(c.company_name, "");
    assert_eq!(c.notes, "Toyota Camry 2024 - white");
}
