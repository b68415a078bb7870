//! The PDF engine checked from outside, with poppler's tools: fonts embedded and subset,
//! Arabic text that copies out in logical order, page count, repeated table header, and
//! page images to look at (written to `artifacts/pdf/`, which git ignores).

mod pdf_sample;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use pdf_sample::{arabic, render, BODY_EN, TITLE_EN};

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a poppler tool; `None` (test skipped) when poppler is not installed, except on
/// CI, which must have it.
fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    match Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: {tool} not available ({e}); install poppler-utils");
            None
        }
        Err(e) => panic!("{tool} is required on CI: {e}"),
    }
}

/// The sample document with 120 table rows, written once for all tests.
fn sample() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = artifacts().join("sample.pdf");
        std::fs::write(&path, render(&arabic(), 120)).unwrap();
        path
    })
}

fn text(args: &[&str]) -> Option<String> {
    let path = sample().to_str().unwrap().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    all.push("-");
    poppler("pdftotext", &all)
}

/// Drops the directional marks pdftotext puts around right-to-left and embedded
/// left-to-right text, and collapses whitespace, so phrases can be searched for.
fn squash(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_font_is_embedded_and_subset() {
    let Some(out) = poppler("pdffonts", &[sample().to_str().unwrap()]) else {
        return;
    };
    // A face may be embedded more than once (a glyph that stands for different text in
    // different places gets a second copy), each copy subset.
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(rows.len() >= 4, "two families, regular and bold:\n{out}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object-id: count from the end.
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "emb/sub/uni in: {row}"
        );
        assert!(cols[0].contains('+'), "subset tag on {}", cols[0]);
    }
    for family in [
        "NotoNaskhArabic-Regular",
        "NotoNaskhArabic-Bold",
        "NotoSans-Regular",
        "NotoSans-Bold",
    ] {
        assert!(out.contains(family), "{family} missing:\n{out}");
    }
}

/// `squash` without any whitespace. pdftotext (poppler 22) rebuilds a right-to-left line
/// greedily: a left-to-right stretch (a number, a code) takes the space before it and
/// leaves none after, so «لمدة 15 يومًا» comes out as «لمدة  15يومًا» whatever the PDF.
/// For the same reason a bracket between Arabic and a following number joins the number
/// («بتاريخ 2026-11-23 (صالح» comes out «بتاريخ ( 2026-11-23صالح»). Phrases that mix in
/// numbers are compared without spaces and stop short of such brackets.
fn tight(s: &str) -> String {
    squash(s).split(' ').collect()
}

#[test]
fn arabic_and_english_copy_out_in_logical_order() {
    let Some(raw) = text(&[]) else { return };
    let all = squash(&raw);
    for phrase in [
        "عرض سعر رقم QTN-2026-00012 بتاريخ",
        "صالح لمدة 15 يومًا",
        "خلال 7 أيام عمل",
        "سنتين (24 شهرًا) على جميع القطع",
        "مكيف سبليت 18000 وحدة - موديل",
        "صفحة ١ من ٣",
    ] {
        assert!(
            tight(&raw).contains(&tight(phrase)),
            "«{phrase}» not in the text:\n{all}"
        );
    }
    for phrase in [
        "عرض سعر رقم",
        "QTN-2026-00012",
        "2026-11-23",
        "شركة النخبة للأجهزة المنزلية",
        "يسرّنا أن نقدم لكم",
        "شاملًا التوصيل",
        "تحية طيبة وبعد",
        "وتشمل ضريبة القيمة المضافة",
        // On a page that poppler reads as right-to-left, an English line's closing
        // bracket is moved to the line's start: ")Quotation … (valid for 15 days".
        TITLE_EN.trim_end_matches(')'),
        "Elite Home Appliances Co.",
        "Saudi riyals and include 15% VAT.",
        "Page 3 of 3",
    ] {
        assert!(all.contains(phrase), "«{phrase}» not in the text:\n{all}");
    }
    // The date never comes out reversed.
    assert!(!all.contains("23-11-2026"));
    assert!(BODY_EN.starts_with("Dear Al-Ofuq"));
    assert!(all.contains("Dear Al-Ofuq Trading Co., we are pleased"));
}

#[test]
fn three_pages_with_the_table_header_on_each() {
    let Some(info) = poppler("pdfinfo", &[sample().to_str().unwrap()]) else {
        return;
    };
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages, 3, "{info}");
    for p in 1..=pages {
        let page = p.to_string();
        let out = squash(&text(&["-f", &page, "-l", &page]).unwrap());
        for head in ["البند", "الكمية", "سعر الوحدة", "الإجمالي"] {
            assert!(out.contains(head), "page {p} lacks header «{head}»:\n{out}");
        }
        assert!(out.contains(&format!("Page {p} of 3")), "page {p} footer");
    }
    // Each of the 120 rows once: rows never split or repeat.
    let all = squash(&text(&[]).unwrap());
    for i in 1..=120 {
        assert_eq!(all.matches(&format!("AC-{i:03}")).count(), 1, "row {i}");
    }
}

#[test]
fn pages_render_to_images() {
    let dir = artifacts();
    let prefix = dir.join("page");
    let Some(_) = poppler(
        "pdftoppm",
        &[
            "-r",
            "60",
            "-png",
            sample().to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    ) else {
        return;
    };
    for p in 1..=3 {
        let png = dir.join(format!("page-{p}.png"));
        let size = std::fs::metadata(&png).unwrap().len();
        assert!(size > 5_000, "{png:?} is {size} bytes");
    }
}

#[test]
fn a_one_page_document_is_small() {
    let pdf = render(&arabic(), 12);
    std::fs::write(artifacts().join("one-page.pdf"), &pdf).unwrap();
    assert!(pdf.len() < 40 * 1024, "one page is {} KB", pdf.len() / 1024);
}

/// Writes `pdf` under `artifacts/pdf/` and returns pdftotext's text of it, squashed.
fn text_of(name: &str, pdf: &[u8]) -> Option<String> {
    let path = artifacts().join(name);
    std::fs::write(&path, pdf).unwrap();
    poppler("pdftotext", &[path.to_str().unwrap(), "-"]).map(|t| squash(&t))
}

#[test]
fn arabic_indic_digits_when_asked() {
    use maarid_core::pdf::{Digits, Document, PageSetup, TextStyle};
    let mut doc = Document::new(PageSetup::a4().digits(Digits::ArabicIndic)).unwrap();
    doc.paragraph(
        "عرض سعر رقم QTN-2026-00012 بتاريخ 2026-11-23 بمبلغ 1,250.50 ريال",
        &TextStyle::new(12.0),
    );
    // A style may keep Latin digits in a document that uses Arabic-Indic ones.
    doc.paragraph(
        "Total 1,250.50",
        &TextStyle::new(12.0).digits(Digits::Latin),
    );
    let Some(all) = text_of("digits.pdf", &doc.finish().unwrap()) else {
        return;
    };
    // Arabic-Indic digits are "Arabic numbers" to the bidi algorithm: each number reads
    // left to right but the groups of a date follow the Arabic text, so the year stands
    // at the right and is read first — as a browser or a word processor shows it.
    // pdftotext reports digits in the order they stand on the page.
    for phrase in ["٢٣-١١-٢٠٢٦", "١٬٢٥٠٫٥٠", "QTN-2026-00012", "Total 1,250.50"] {
        assert!(all.contains(phrase), "«{phrase}» not in: {all}");
    }
}

#[test]
fn an_english_document_reads_left_to_right() {
    let Some(all) = text_of("english.pdf", &render(&pdf_sample::latin(), 60)) else {
        return;
    };
    for phrase in [
        pdf_sample::TITLE_EN,
        "Split air conditioner 18000 BTU - model AC-001 (white)",
        "No. Item Qty Unit price Total",
        "Page 1 of 2",
    ] {
        assert!(all.contains(phrase), "«{phrase}» not in: {all}");
    }
}
