//! Printed sales documents benchmark: `cargo bench -p maarid-core --bench print`.
//!
//! Whole renders of `printing::render` to bytes (layout, shaping, font subsetting,
//! compression), p50 of N runs: a one-page quotation in Arabic and bilingual, a
//! 100-page quotation, and the one-page file's size. Baselines measured in the same
//! run:
//!
//! - "engine sample": the PDF engine's own one-page sample (letterhead, paragraphs,
//!   a 12-row table; `tests/pdf_sample`), i.e. what the engine costs without the
//!   document layout;
//! - "bare": a PDF engine document with one Arabic line, i.e. the fixed cost of a
//!   document (fonts embedded and subset, file written).
//!
//! Targets: one page ≤ 20 ms, 100 pages ≤ 0.5 s, one page ≤ 40 KB.

#[path = "../tests/pdf_sample/mod.rs"]
mod pdf_sample;
#[path = "../tests/print_sample/mod.rs"]
mod print_sample;

use std::time::{Duration, Instant};

use maarid_core::pdf::{Document, PageSetup, TextStyle};
use maarid_core::printing::render;
use maarid_core::sales::print_model::{PrintKind, PrintLang, PrintOptions};
use maarid_core::settings::Digits;

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

fn kb(n: usize) -> f64 {
    n as f64 / 1024.0
}

/// Page objects in a PDF: "/Type /Page" not followed by "s".
fn pages(pdf: &[u8]) -> usize {
    let s = String::from_utf8_lossy(pdf);
    s.matches("/Type/Page").count() + s.matches("/Type /Page").count()
        - s.matches("/Type/Pages").count()
        - s.matches("/Type /Pages").count()
}

fn bare() -> usize {
    let mut doc = Document::new(PageSetup::a4()).unwrap();
    doc.paragraph("عرض سعر رقم QTN-2026-00012", &TextStyle::new(12.0));
    doc.finish().unwrap().len()
}

fn main() {
    let company = print_sample::company();
    let opts = |lang| PrintOptions {
        lang,
        digits: Digits::Latn,
    };
    let ar = print_sample::quotation(PrintLang::Ar);
    let both = print_sample::quotation(PrintLang::Both);

    // The first document of the process also parses the fonts.
    let t = Instant::now();
    let first = render(&ar, &company, &opts(PrintLang::Ar)).unwrap();
    let cold = t.elapsed();

    // Lines for a 100-page quotation: measured, not guessed.
    let long_doc = |n: usize| {
        print_sample::doc(
            PrintKind::Quotation,
            PrintLang::Ar,
            &print_sample::many_lines(n),
        )
    };
    let mut n = 100 * 36;
    let long = loop {
        let d = long_doc(n);
        let pdf = render(&d, &company, &opts(PrintLang::Ar)).unwrap();
        let p = pages(&pdf);
        if p == 100 {
            break d;
        }
        let per_page = n as f64 / p as f64;
        n = if p < 100 {
            n + (per_page * (100 - p) as f64).ceil().max(1.0) as usize
        } else {
            n - (per_page * (p - 100) as f64).floor().max(1.0) as usize
        };
    };
    let long_pages = pages(&render(&long, &company, &opts(PrintLang::Ar)).unwrap());

    let sample = pdf_sample::arabic();
    let (t_bare, size_bare) = p50(41, bare);
    let (t_sample, size_sample) = p50(41, || pdf_sample::render(&sample, 12).len());
    let (t_ar, size_ar) = p50(41, || {
        render(&ar, &company, &opts(PrintLang::Ar)).unwrap().len()
    });
    let (t_both, size_both) = p50(41, || {
        render(&both, &company, &opts(PrintLang::Both))
            .unwrap()
            .len()
    });
    let (t_long, size_long) = p50(5, || {
        render(&long, &company, &opts(PrintLang::Ar)).unwrap().len()
    });
    let (t_sample_long, _) = p50(5, || pdf_sample::render(&sample, 31 + 99 * 47).len());

    println!("Printed documents (release, p50; whole render to bytes)");
    println!(
        "  first document in the process (fonts parsed): {:7.2} ms ({} page)",
        ms(cold),
        pages(&first)
    );
    println!(
        "  one-page quotation  ar {:6.2} ms | both {:6.2} ms | engine sample {:6.2} ms (x{:.2}) | bare {:6.2} ms (x{:.2})   target <= 20 ms",
        ms(t_ar),
        ms(t_both),
        ms(t_sample),
        ms(t_ar) / ms(t_sample),
        ms(t_bare),
        ms(t_ar) / ms(t_bare),
    );
    println!(
        "  {:3}-page quotation ({} lines) ar {:7.2} ms | engine sample 100 pages {:7.2} ms (x{:.2}) | {:.2} ms a page   target <= 500 ms",
        long_pages,
        long.lines.len(),
        ms(t_long),
        ms(t_sample_long),
        ms(t_long) / ms(t_sample_long),
        ms(t_long) / long_pages as f64,
    );
    println!(
        "  one-page size       ar {:6.1} KB | both {:6.1} KB | engine sample {:6.1} KB (x{:.2}) | bare {:6.1} KB   target <= 40 KB",
        kb(size_ar),
        kb(size_both),
        kb(size_sample),
        size_ar as f64 / size_sample as f64,
        kb(size_bare),
    );
    println!(
        "  100-page size       ar {:6.1} KB ({:.1} KB a page)",
        kb(size_long),
        kb(size_long) / long_pages as f64
    );
}
