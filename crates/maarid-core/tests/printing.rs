//! Printed sales documents checked from outside, with poppler's tools: every font
//! embedded and subset (`pdffonts`), the text coming back in logical order with the
//! amounts present (`pdftotext`), long tables with their header on every page, page
//! numbers, digits, the mark across drafts, and the ZATCA QR code read back from the
//! rendered page. Every document is also rendered to PNG under `artifacts/print/`
//! (ignored by git) to be looked at.

mod pdf_sample;
mod print_sample;

use std::path::{Path, PathBuf};
use std::process::Command;

use maarid_core::company::Company;
use maarid_core::money::ZatcaQr;
use maarid_core::printing::render;
use maarid_core::sales::print_model::{PrintDoc, PrintKind, PrintLang, PrintOptions};
use maarid_core::settings::Digits;
use print_sample::{
    company, doc, many_lines, quotation, three_lines, COMPANY_AR, COMPANY_EN, CUSTOMER_AR,
    CUSTOMER_LATIN, ISSUED_AT, VAT_NUMBER,
};

const WORDS_AR: &str = "فقط مائة وخمسة وعشرون ألف ريال سعودي لا غير";
const WORDS_EN: &str = "One hundred twenty-five thousand Saudi riyals only";

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/print");
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

/// Drops the directional marks pdftotext puts around right-to-left text and collapses
/// whitespace, so phrases can be searched for.
fn squash(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `squash` without any whitespace: pdftotext moves the spaces around a number inside
/// a right-to-left line (see tests/pdf.rs), so phrases that mix in numbers are
/// compared without them.
fn tight(s: &str) -> String {
    squash(s).split(' ').collect()
}

fn opts(lang: PrintLang, digits: Digits) -> PrintOptions {
    PrintOptions { lang, digits }
}

/// A rendered document: written to `artifacts/print/<name>.pdf`, its pages to
/// `<name>-<n>.png`.
struct Printed {
    path: PathBuf,
    bytes: Vec<u8>,
}

fn print(name: &str, doc: &PrintDoc, company: &Company, opts: PrintOptions) -> Printed {
    let bytes = render(doc, company, &opts).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = artifacts().join(format!("{name}.pdf"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    Printed { path, bytes }
}

impl Printed {
    fn file(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// The whole text, squashed; `None` without poppler.
    fn text(&self) -> Option<String> {
        poppler("pdftotext", &[self.file(), "-"]).map(|t| squash(&t))
    }

    /// One page's raw text.
    fn page_text(&self, page: usize) -> Option<String> {
        let p = page.to_string();
        poppler("pdftotext", &["-f", &p, "-l", &p, self.file(), "-"])
    }

    fn pages(&self) -> Option<usize> {
        let info = poppler("pdfinfo", &[self.file()])?;
        Some(
            info.lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .unwrap()
                .trim()
                .parse()
                .unwrap(),
        )
    }

    /// Renders the pages to PNG at 70 dpi next to the PDF, to be looked at.
    fn pngs(&self) -> Option<Vec<PathBuf>> {
        let prefix = self.path.with_extension("");
        poppler(
            "pdftoppm",
            &["-r", "70", "-png", self.file(), prefix.to_str().unwrap()],
        )?;
        let n = self.pages()?;
        let width = n.to_string().len();
        Some(
            (1..=n)
                .map(|p| {
                    let name = prefix.file_name().unwrap().to_str().unwrap();
                    // pdftoppm pads the page number to the width of the last one.
                    self.path.with_file_name(format!("{name}-{p:0width$}.png"))
                })
                .collect(),
        )
    }

    /// Asserts every font is embedded, subset and has a ToUnicode map.
    fn check_fonts(&self) {
        let Some(out) = poppler("pdffonts", &[self.file()]) else {
            return;
        };
        let rows: Vec<&str> = out.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{}:\n{out}", self.file());
        for row in &rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                (cols[n - 5], cols[n - 4], cols[n - 3]),
                ("yes", "yes", "yes"),
                "emb/sub/uni in {}: {row}",
                self.file()
            );
            assert!(cols[0].contains('+'), "subset tag on {}", cols[0]);
        }
    }
}

fn has(all: &str, phrases: &[&str]) {
    for p in phrases {
        assert!(all.contains(p), "«{p}» not in the text:\n{all}");
    }
}

/// `tight`, and without punctuation: pdftotext also moves neutral characters at the
/// edge of a right-to-left run (an Arabic comma, a bracket next to Latin or digits)
/// to the other side of a word, though the page shows them in place.
fn loose(s: &str) -> String {
    tight(s)
        .chars()
        .filter(|c| !matches!(c, '،' | ',' | '(' | ')' | ':' | '.' | '·'))
        .collect()
}

/// Phrases that mix Arabic with numbers, Latin or punctuation: the same words in the
/// same order, spaces and punctuation aside. (Where two left-to-right words meet in
/// Arabic text — «كامري 2026 GLE» — pdftotext joins them into one left-to-right
/// stretch and reads them back swapped, though the page shows them as a browser
/// would; phrases here avoid that.)
fn has_tight(raw: &str, phrases: &[&str]) {
    let t = loose(raw);
    for p in phrases {
        assert!(
            t.contains(&loose(p)),
            "«{p}» not in the text:\n{}",
            squash(raw)
        );
    }
}

fn lacks(all: &str, phrases: &[&str]) {
    for p in phrases {
        assert!(!all.contains(p), "«{p}» should not be in the text:\n{all}");
    }
}

/// Every kind of document, in the languages it is tested in.
fn all_documents() -> Vec<(&'static str, PrintDoc, PrintLang)> {
    let ar = three_lines(false);
    let en = three_lines(true);
    vec![
        ("quotation-ar", quotation(PrintLang::Ar), PrintLang::Ar),
        ("quotation-en", quotation(PrintLang::En), PrintLang::En),
        (
            "quotation-both",
            quotation(PrintLang::Both),
            PrintLang::Both,
        ),
        (
            "simplified-invoice",
            doc(PrintKind::SimplifiedInvoice, PrintLang::Both, &ar),
            PrintLang::Both,
        ),
        (
            "invoice",
            doc(PrintKind::Invoice, PrintLang::Ar, &ar),
            PrintLang::Ar,
        ),
        (
            "delivery-note",
            doc(PrintKind::DeliveryNote, PrintLang::Ar, &ar),
            PrintLang::Ar,
        ),
        (
            "inquiry",
            doc(PrintKind::Inquiry, PrintLang::En, &en),
            PrintLang::En,
        ),
    ]
}

#[test]
fn every_document_embeds_subset_fonts_and_renders_to_png() {
    let company = company();
    for (name, d, lang) in all_documents() {
        let p = print(name, &d, &company, opts(lang, Digits::Latn));
        p.check_fonts();
        let Some(pngs) = p.pngs() else { return };
        for png in pngs {
            let size = std::fs::metadata(&png)
                .unwrap_or_else(|e| panic!("{png:?}: {e}"))
                .len();
            assert!(size > 5_000, "{png:?} is {size} bytes");
        }
    }
}

#[test]
fn arabic_quotation_reads_in_logical_order() {
    let p = print(
        "checks/quotation-ar",
        &quotation(PrintLang::Ar),
        &company(),
        opts(PrintLang::Ar, Digits::Latn),
    );
    let Some(all) = p.text() else { return };
    let raw = p.page_text(1).unwrap();
    has(
        &all,
        &[
            "عرض سعر",
            COMPANY_AR,
            CUSTOMER_AR,
            CUSTOMER_LATIN,
            "شركة الأفق للتجارة",
            "QTN-2026-00012",
            "INQ-2026-00031",
            "2026-11-23",
            "2026-12-08",
            "+966 55 765 4321",
            "sales@elite-motors.sa",
            WORDS_AR,
            "المبلغ كتابةً",
            "الأسعار شاملة ضريبة القيمة المضافة",
            "الإجمالي غير شامل الضريبة",
            "الإجمالي شامل الضريبة",
            "الشروط والأحكام",
            "التوقيع المعتمد",
            "الختم",
            // Figures: the line totals, the discount, the taxable amount, VAT, total.
            "95,000.00",
            "1,000.00",
            "108,695.66",
            "16,304.34",
            "125,000.00",
            // Table headers.
            "الوصف",
            "الكمية",
            "سعر الوحدة",
            "الخصم",
            "نسبة الضريبة",
        ],
    );
    has_tight(
        &raw,
        &[
            "طريق الملك فهد، حي العليا، الرياض 12211",
            "تويوتا كامري",
            "أبيض لؤلؤي، ضمان 5 سنوات",
            "تظليل حراري وحماية للطلاء (PPF)",
            "العرض صالح لمدة 15 يومًا من تاريخه",
            "صفحة 1 من 1",
            "ضريبة القيمة المضافة (15%)",
        ],
    );
    // Dates never come out reversed; no English on an Arabic page but the names.
    lacks(
        &all,
        &["23-11-2026", "Quotation", "Page 1", "DRAFT", "مسودة"],
    );
}

#[test]
fn english_quotation_reads_left_to_right() {
    let p = print(
        "checks/quotation-en",
        &quotation(PrintLang::En),
        &company(),
        opts(PrintLang::En, Digits::Arab),
    );
    let Some(all) = p.text() else { return };
    has(
        &all,
        &[
            "Quotation",
            COMPANY_EN,
            CUSTOMER_LATIN,
            CUSTOMER_AR,
            "Quotation No. QTN-2026-00012",
            "Valid until 2026-12-08",
            "Reference Inquiry INQ-2026-00031",
            "Toyota Camry 2026 GLE, pearl white, 5-year warranty",
            &format!("Amount in words: {WORDS_EN}"),
            "Prices include VAT",
            "2. This quotation is valid for 15 days from its date.",
            "Authorized signature",
            "Page 1 of 1",
        ],
    );
    // Row by row, as laid out on the page.
    let layout = poppler("pdftotext", &["-layout", p.file(), "-"]).unwrap();
    let rows: Vec<String> = layout.lines().map(squash).collect();
    for row in [
        "# Description Unit Qty Unit price Discount VAT % VAT Total",
        "1 Toyota Camry 2026 GLE, pearl car 1 95,000.00 15% 12,391.30 95,000.00",
        "2 Scheduled maintenance package 2 13,000.00 1,000.00 15% 3,260.87 25,000.00",
        "Subtotal incl. VAT 126,000.00",
        "Discount 1,000.00",
        "Total excluding VAT 108,695.66",
        "VAT (15%) 16,304.34",
        "Total including VAT (SAR) 125,000.00",
    ] {
        assert!(
            rows.iter().any(|r| r.ends_with(row)),
            "no row «{row}» in:\n{layout}"
        );
    }
    // English documents keep Latin digits whatever the setting, and no Arabic labels.
    lacks(&all, &["١", "عرض سعر", "الإجمالي", "فقط"]);
}

#[test]
fn bilingual_quotation_has_both_languages() {
    let p = print(
        "checks/quotation-both",
        &quotation(PrintLang::Both),
        &company(),
        opts(PrintLang::Both, Digits::Latn),
    );
    let Some(all) = p.text() else { return };
    has(
        &all,
        &[
            "عرض سعر",
            "Quotation",
            COMPANY_AR,
            COMPANY_EN,
            "بيانات العميل",
            "Customer",
            WORDS_AR,
            WORDS_EN,
            "الكمية",
            "Qty",
            "سعر الوحدة",
            "Unit price",
            "Total excluding VAT",
            "الإجمالي غير شامل الضريبة",
            "125,000.00",
            "Page 1 of 1",
            "Terms and conditions",
            "الشروط والأحكام",
        ],
    );
    has_tight(&p.page_text(1).unwrap(), &["صفحة 1 من 1"]);
}

#[test]
fn arabic_indic_digits_when_the_settings_ask() {
    let p = print(
        "checks/quotation-ar-digits",
        &quotation(PrintLang::Ar),
        &company(),
        opts(PrintLang::Ar, Digits::Arab),
    );
    let Some(all) = p.text() else { return };
    has(
        &all,
        &[
            "١٢٥٬٠٠٠٫٠٠",
            "١٠٨٬٦٩٥٫٦٦",
            "١٦٬٣٠٤٫٣٤",
            "٣١٠١٢٣٤٥٦٧٠٠٠٠٣",
            WORDS_AR,
        ],
    );
    has_tight(&p.page_text(1).unwrap(), &["صفحة ١ من ١", "(١٥٪)"]);
    // Codes keep their digits; amounts do not appear in Latin digits.
    has(&all, &["QTN-2026-00012"]);
    lacks(&all, &["125,000.00", "16,304.34"]);
}

#[test]
fn a_long_quotation_repeats_the_table_header_on_every_page() {
    let d = doc(PrintKind::Quotation, PrintLang::Both, &many_lines(120));
    let p = print(
        "quotation-long",
        &d,
        &company(),
        opts(PrintLang::Both, Digits::Arab),
    );
    let Some(n) = p.pages() else { return };
    assert!(n >= 3, "120 lines take {n} pages");
    for page in 1..=n {
        let raw = p.page_text(page).unwrap();
        let text = squash(&raw);
        for head in [
            "الوصف",
            "Description",
            "سعر الوحدة",
            "Unit price",
            "الإجمالي",
            "Total",
        ] {
            assert!(text.contains(head), "page {page} lacks «{head}»:\n{text}");
        }
        assert!(
            text.contains(&format!("Page {page} of {n}")),
            "page {page}:\n{text}"
        );
        let indic = |k: usize| {
            k.to_string()
                .chars()
                .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
                .collect::<String>()
        };
        has_tight(&raw, &[&format!("صفحة {} من {}", indic(page), indic(n))]);
        if page > 1 {
            // The running head: the company and the document.
            has(&text, &[COMPANY_AR, "QTN-2026-00012"]);
        }
    }
    // Each of the 120 lines once: rows never split or repeat.
    let all = p.text().unwrap();
    for i in 1..=120 {
        assert_eq!(all.matches(&format!("PN-{i:04}")).count(), 1, "line {i}");
    }
    // The totals and the words come after the last line.
    let last = squash(&p.page_text(n).unwrap());
    has(&last, &["الإجمالي شامل الضريبة", "Amount in words"]);
    p.pngs();
}

#[test]
fn simplified_invoice_of_a_saudi_company_carries_the_zatca_qr() {
    let d = doc(
        PrintKind::SimplifiedInvoice,
        PrintLang::Both,
        &three_lines(false),
    );
    let p = print(
        "checks/simplified-invoice",
        &d,
        &company(),
        opts(PrintLang::Both, Digits::Latn),
    );
    let Some(all) = p.text() else { return };
    has(
        &all,
        &[
            "فاتورة ضريبية مبسطة",
            "Simplified Tax Invoice",
            "SINV-2026-00107",
            // 14:30 UTC is 17:30 in Riyadh.
            "2026-11-23 17:30",
            WORDS_AR,
            WORDS_EN,
        ],
    );
    let Some(codes) = qr_codes(&p) else { return };
    assert_eq!(codes.len(), 1, "{codes:?}");
    let qr = ZatcaQr::from_base64(&codes[0]).unwrap();
    let want = ZatcaQr {
        seller_name: COMPANY_AR.into(),
        vat_number: VAT_NUMBER.into(),
        timestamp: ISSUED_AT.parse().unwrap(),
        total_with_vat: "125000.00".parse().unwrap(),
        vat_total: "16304.34".parse().unwrap(),
    };
    assert_eq!(qr, want);
    // The code on the page is the one the document's figures give.
    assert_eq!(codes[0], want.to_base64().unwrap());
}

#[test]
fn no_qr_code_on_other_documents_or_outside_saudi_arabia() {
    let lines = three_lines(false);
    let mut uae = company();
    uae.profile.country = "AE".into();
    for (name, d, c) in [
        (
            "checks/invoice-no-qr",
            doc(PrintKind::Invoice, PrintLang::Ar, &lines),
            company(),
        ),
        (
            "checks/simplified-invoice-ae",
            doc(PrintKind::SimplifiedInvoice, PrintLang::Ar, &lines),
            uae,
        ),
    ] {
        let p = print(name, &d, &c, opts(PrintLang::Ar, Digits::Latn));
        let Some(codes) = qr_codes(&p) else { return };
        assert!(codes.is_empty(), "{name}: {codes:?}");
    }
}

/// The QR codes read from page 1 rendered at 200 dpi, in greyscale.
fn qr_codes(p: &Printed) -> Option<Vec<String>> {
    let prefix = p.path.with_file_name(format!(
        "{}-qr",
        p.path.file_stem().unwrap().to_str().unwrap()
    ));
    poppler(
        "pdftoppm",
        &[
            "-r",
            "200",
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            p.file(),
            prefix.to_str().unwrap(),
        ],
    )?;
    let png = std::fs::read(prefix.with_extension("png")).unwrap();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = info.color_type.samples();
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[(y * w + x) * channels]);
    Some(
        img.detect_grids()
            .iter()
            .map(|g| g.decode().expect("a QR code that reads").1)
            .collect(),
    )
}

#[test]
fn standard_invoice_delivery_note_and_inquiry() {
    let c = company();
    let lines = three_lines(false);
    let inv = print(
        "checks/invoice",
        &doc(PrintKind::Invoice, PrintLang::Ar, &lines),
        &c,
        opts(PrintLang::Ar, Digits::Latn),
    );
    let Some(all) = inv.text() else { return };
    has(
        &all,
        &[
            "فاتورة ضريبية",
            "INV-2026-00045",
            "رقم الفاتورة",
            "300987654300003",
            "125,000.00",
            WORDS_AR,
            "التوقيع المعتمد",
        ],
    );
    lacks(&all, &["مبسطة"]);

    let dn = print(
        "checks/delivery-note",
        &doc(PrintKind::DeliveryNote, PrintLang::Ar, &lines),
        &c,
        opts(PrintLang::Ar, Digits::Latn),
    );
    let all = dn.text().unwrap();
    has(
        &all,
        &[
            "سند تسليم",
            "DN-2026-00019",
            "عنوان التسليم",
            "الوصف",
            "الوحدة",
            "الكمية",
            "تاريخ التسليم",
        ],
    );
    has_tight(
        &dn.page_text(1).unwrap(),
        &["مستودع العميل، المنطقة الصناعية الثانية، الرياض"],
    );
    // Quantities only: no prices, totals or amount in words.
    lacks(
        &all,
        &["سعر الوحدة", "95,000.00", "125,000.00", "فقط", "العملة"],
    );

    let inq = print(
        "checks/inquiry",
        &doc(PrintKind::Inquiry, PrintLang::En, &three_lines(true)),
        &c,
        opts(PrintLang::En, Digits::Latn),
    );
    let all = inq.text().unwrap();
    has(
        &all,
        &[
            "Inquiry",
            "Inquiry No. INQ-2026-00031",
            "Follow-up date 2026-11-26",
            "# Description Unit Qty",
            "Scheduled maintenance package (3 years) package 2",
            "The customer would like a test drive next Saturday.",
        ],
    );
    lacks(
        &all,
        &["Unit price", "Total", "Authorized signature", "Currency"],
    );
}

/// Page 1 rendered at `dpi` in RGB: width, height, pixels.
fn rgb_page(p: &Printed, dpi: u32, suffix: &str) -> Option<(usize, usize, Vec<[u8; 3]>)> {
    let prefix = p.path.with_file_name(format!(
        "{}-{suffix}",
        p.path.file_stem().unwrap().to_str().unwrap()
    ));
    let dpi = dpi.to_string();
    poppler(
        "pdftoppm",
        &[
            "-r",
            &dpi,
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            p.file(),
            prefix.to_str().unwrap(),
        ],
    )?;
    let png = std::fs::read(prefix.with_extension("png")).unwrap();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let px = buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    Some((info.width as usize, info.height as usize, px))
}

/// Pixels tinted by the mark: its see-through red over white paper is a pale pink
/// (red well above green, green close to blue), a colour nothing else on the page
/// has (the navy, the gold and the greys all fail it).
fn mark_pixels(p: &Printed) -> Option<(usize, usize)> {
    let (w, h, px) = rgb_page(p, 40, "mark")?;
    let pink = px
        .iter()
        .filter(|[r, g, b]| {
            let (r, g, b) = (i32::from(*r), i32::from(*g), i32::from(*b));
            r > 200 && r - g > 12 && (g - b).abs() < 10
        })
        .count();
    Some((pink, w * h))
}

#[test]
fn drafts_superseded_and_cancelled_documents_are_marked() {
    let c = company();
    for (status, lang, marked) in [
        ("draft", PrintLang::Ar, true),
        ("draft", PrintLang::En, true),
        ("draft", PrintLang::Both, true),
        ("superseded", PrintLang::En, true),
        ("cancelled", PrintLang::Ar, true),
        ("sent", PrintLang::Ar, false),
        ("accepted", PrintLang::En, false),
        ("issued", PrintLang::Both, false),
    ] {
        let mut d = quotation(lang);
        d.status = status.into();
        let name = format!("checks/quotation-{status}-{}", lang.key());
        let p = print(&name, &d, &c, opts(lang, Digits::Latn));
        let Some((pink, all)) = mark_pixels(&p) else {
            return;
        };
        // The mark is large (its strokes cover some 4% of the page); without it,
        // nothing is pink.
        if marked {
            assert!(pink * 50 > all, "{name}: {pink} of {all} pixels marked");
        } else {
            assert_eq!(pink, 0, "{name}: {pink} pixels look marked");
        }
        // The page under the mark still reads.
        let text = p.text().unwrap();
        has(&text, &["125,000.00", "QTN-2026-00012"]);
        if lang != PrintLang::Ar {
            has(&text, &[WORDS_EN]);
        }
        if lang != PrintLang::En {
            has(&text, &[WORDS_AR]);
        }
        if status == "draft" {
            // A copy beside the other documents' pictures, to be looked at.
            let name = format!("quotation-draft-{}", lang.key());
            print(&name, &d, &c, opts(lang, Digits::Latn)).pngs();
        }
    }
}

#[test]
fn a_one_page_quotation_is_small() {
    for lang in [PrintLang::Ar, PrintLang::En, PrintLang::Both] {
        let p = print(
            &format!("checks/quotation-one-page-{}", lang.key()),
            &quotation(lang),
            &company(),
            opts(lang, Digits::Latn),
        );
        assert!(
            p.bytes.len() < 40 * 1024,
            "{lang:?}: one page is {} KB",
            p.bytes.len() / 1024
        );
        if let Some(n) = p.pages() {
            assert_eq!(n, 1, "{lang:?}");
        }
    }
}

#[test]
fn a_sparse_document_still_prints_sensibly() {
    // A company with no English name, no logo it can print (SVG), no contact details;
    // a walk-in customer with a Latin name only; long notes.
    let mut c = company();
    c.profile.name_en.clear();
    c.profile.address_en.clear();
    c.profile.phones.clear();
    c.profile.email.clear();
    c.profile.website.clear();
    c.profile.logo_data_url = Some("data:image/svg+xml;base64,PHN2Zy8+".into());
    let mut d = quotation(PrintLang::En);
    d.customer = maarid_core::sales::print_model::PrintParty {
        name_latin: "John Smith".into(),
        ..Default::default()
    };
    d.references.clear();
    d.salesperson.clear();
    d.terms.clear();
    d.notes = "Delivery to the customer's villa. ".repeat(40);
    let p = print("sparse-en", &d, &c, opts(PrintLang::En, Digits::Latn));
    let Some(all) = p.text() else { return };
    // The Arabic name stands in for the missing English one.
    has(
        &all,
        &[
            COMPANY_AR,
            "John Smith",
            "Notes",
            "125,000.00",
            "Page 1 of 1",
        ],
    );
    lacks(
        &all,
        &[
            "Reference",
            "Salesperson",
            "Company",
            "Terms and conditions",
        ],
    );
    p.pngs();
}
