mod pdf_sample;
mod print_sample;

use std::path::{Path, PathBuf};

use maarid_core::printing::render;
use maarid_core::sales::print_model::{PrintKind, PrintLang, PrintOptions};
use maarid_core::settings::Digits;

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/print");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn scratch() {
    let company = print_sample::company();
    for (name, kind, lang) in [
        ("quotation-ar", PrintKind::Quotation, PrintLang::Ar),
        ("quotation-en", PrintKind::Quotation, PrintLang::En),
        ("quotation-both", PrintKind::Quotation, PrintLang::Both),
        (
            "simplified-invoice",
            PrintKind::SimplifiedInvoice,
            PrintLang::Both,
        ),
        ("invoice", PrintKind::Invoice, PrintLang::Ar),
        ("delivery-note", PrintKind::DeliveryNote, PrintLang::Ar),
        ("inquiry", PrintKind::Inquiry, PrintLang::En),
    ] {
        let doc = print_sample::doc(
            kind,
            lang,
            &print_sample::three_lines(lang == PrintLang::En),
        );
        let pdf = render(
            &doc,
            &company,
            &PrintOptions {
                lang,
                digits: Digits::Latn,
            },
        )
        .unwrap();
        std::fs::write(artifacts().join(format!("{name}.pdf")), pdf).unwrap();
    }
}
