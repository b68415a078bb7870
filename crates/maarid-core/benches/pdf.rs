//! PDF engine benchmark: `cargo bench -p maarid-core --bench pdf`.
//!
//! Whole renders to bytes (layout, shaping, font subsetting, compression), p50 of N runs,
//! for a one-page quotation and a 100-page table, and the one-page file's size. Beside
//! each: a baseline measured in the same run, and the ratio.
//!
//! - "latin": the same document with Latin-only text through the same engine (what the
//!   Arabic costs);
//! - "raw printpdf": the one page's text written with printpdf's built-in Helvetica and
//!   no shaping, layout or embedded fonts (what the engine costs over the bare library).
//!
//! Targets: one page ≤ 20 ms, 100 pages ≤ 0.5 s, one page ≤ 40 KB.

#[path = "../tests/pdf_sample/mod.rs"]
mod pdf_sample;

use std::time::{Duration, Instant};

use pdf_sample::{arabic, latin, render, Texts};
use printpdf::{
    BuiltinFont, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};

/// Rows of the one-page sample, and of the hundred-page one (31 rows fit on the first
/// page under the letterhead, 47 on each further page).
const ONE_PAGE_ROWS: usize = 12;
const HUNDRED_PAGE_ROWS: usize = 31 + 99 * 47;

fn p50(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = std::hint::black_box(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times[runs / 2], size)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The one-page sample's strings, each on its own line in Helvetica, as printpdf writes
/// them without any shaping (Arabic comes out as unjoined, unordered boxes).
fn raw_printpdf(t: &Texts) -> usize {
    let mut lines: Vec<String> = vec![
        t.company.into(),
        t.company_en.into(),
        t.title.into(),
        t.title_en.into(),
    ];
    lines.extend(
        t.body
            .split(' ')
            .collect::<Vec<_>>()
            .chunks(12)
            .map(|w| w.join(" ")),
    );
    lines.extend(
        t.body_en
            .split(' ')
            .collect::<Vec<_>>()
            .chunks(14)
            .map(|w| w.join(" ")),
    );
    for i in 1..=ONE_PAGE_ROWS {
        lines.push(format!("{i}  {}  2  1,850.00  3,700.00", (t.item)(i)));
    }
    let mut ops = vec![Op::StartTextSection];
    for (k, line) in lines.iter().enumerate() {
        ops.push(Op::SetFont {
            font: PdfFontHandle::Builtin(BuiltinFont::Helvetica),
            size: Pt(9.0),
        });
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(40.0),
                y: Pt(800.0 - 14.0 * k as f32),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(line.clone())],
        });
        ops.push(Op::EndTextSection);
        ops.push(Op::StartTextSection);
    }
    ops.push(Op::EndTextSection);
    let mut doc = PdfDocument::new("raw");
    doc.with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), ops)]);
    doc.save(&PdfSaveOptions::default(), &mut Vec::new()).len()
}

fn main() {
    let ar = arabic();
    let la = latin();

    // The first document of the process also parses the fonts.
    let t = Instant::now();
    let first = render(&ar, ONE_PAGE_ROWS);
    let cold = t.elapsed();

    let pages = |pdf: &[u8]| {
        // Page objects: "/Type /Page" not followed by "s".
        let s = String::from_utf8_lossy(pdf);
        s.matches("/Type/Page").count() + s.matches("/Type /Page").count()
            - s.matches("/Type/Pages").count()
            - s.matches("/Type /Pages").count()
    };

    let (one_ar, size_ar) = p50(41, || render(&ar, ONE_PAGE_ROWS).len());
    let (one_la, size_la) = p50(41, || render(&la, ONE_PAGE_ROWS).len());
    let (one_raw, size_raw) = p50(41, || raw_printpdf(&ar));

    let long = render(&ar, HUNDRED_PAGE_ROWS);
    let (hundred_ar, _) = p50(5, || render(&ar, HUNDRED_PAGE_ROWS).len());
    let (hundred_la, _) = p50(5, || render(&la, HUNDRED_PAGE_ROWS).len());

    println!("PDF engine (release, p50; whole render to bytes)");
    println!(
        "  first document in the process (fonts parsed): {:7.2} ms ({} page)",
        ms(cold),
        pages(&first)
    );
    println!(
        "  one page            arabic {:7.2} ms | latin {:7.2} ms (x{:.2}) | raw printpdf {:6.2} ms (x{:.2})   target <= 20 ms",
        ms(one_ar),
        ms(one_la),
        ms(one_ar) / ms(one_la),
        ms(one_raw),
        ms(one_ar) / ms(one_raw)
    );
    println!(
        "  {:3} pages           arabic {:7.2} ms | latin {:7.2} ms (x{:.2})   target <= 500 ms",
        pages(&long),
        ms(hundred_ar),
        ms(hundred_la),
        ms(hundred_ar) / ms(hundred_la)
    );
    println!(
        "  one page size       arabic {:7.1} KB | latin {:7.1} KB (x{:.2}) | raw printpdf {:5.1} KB   target <= 40 KB",
        size_ar as f64 / 1024.0,
        size_la as f64 / 1024.0,
        size_ar as f64 / size_la as f64,
        size_raw as f64 / 1024.0
    );
}
