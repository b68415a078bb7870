//! Printed sales documents: inquiry, quotation, delivery note, simplified and standard
//! tax invoice as A4 PDFs on the company letterhead, in Arabic, English or both. Input
//! is the plain [`PrintDoc`]; layout is done with [`crate::pdf`].
//!
//! A page, top to bottom: the letterhead (logo, names, address, phones, VAT number),
//! the title band, the customer block beside the document's facts, the lines table
//! (its header repeated on every page), the totals with the ZATCA QR code of a Saudi
//! simplified invoice, the amount in words, terms and notes, and the signature and
//! stamp boxes. Every page has the page number («صفحة ١ من ٣» / "Page 1 of 3") and,
//! after the first, a running head; drafts, superseded and cancelled documents are
//! marked across every page.
//!
//! Languages: `ar` sets a right-to-left page, `en` a left-to-right one, `both` a
//! right-to-left page with the English beside (labels at the left edge, facing the
//! Arabic ones at the right) or below the Arabic (table headers, amount in words).
//! Arabic-Indic digits, when the settings ask for them, are used for the Arabic text
//! and the figures of `ar` and `both` documents; English text keeps Latin digits.

mod footer;
mod format;
pub mod labels;
mod letterhead;
mod lines;
mod party;
mod qr;
mod sheet;
mod totals;

use crate::company::{Company, CompanyInput};
use crate::pdf::{Align, Color, Digits, Dir, Document, PageSetup, TextStyle};
use crate::sales::print_model::{PrintDoc, PrintLang, PrintOptions};
use crate::settings;
use crate::Result;

use labels::Label;

pub(crate) const NAVY: Color = Color::rgb(0x1F, 0x3A, 0x5F);
pub(crate) const GOLD: Color = Color::rgb(0xB8, 0x8A, 0x1E);
pub(crate) const INK: Color = Color::rgb(0x1E, 0x1E, 0x1E);
pub(crate) const MUTED: Color = Color::rgb(0x5B, 0x66, 0x75);
pub(crate) const TINT: Color = Color::rgb(0xEC, 0xF0, 0xF6);
pub(crate) const RULE: Color = Color::rgb(0xB8, 0xC0, 0xCC);

/// Lays `doc` out and returns the PDF file's bytes.
///
/// Fails only when the document cannot be printed correctly: a Saudi simplified
/// invoice whose company has no valid VAT number cannot carry its ZATCA QR code
/// (`Error::Invalid { field: "vat_number", .. }`).
pub fn render(doc: &PrintDoc, company: &Company, opts: &PrintOptions) -> Result<Vec<u8>> {
    let ctx = Ctx::new(doc, &company.profile, opts);
    let title = labels::title(doc.kind);
    let setup = PageSetup::a4()
        .margins(16.0, 15.0, 20.0, 15.0)
        .dir(if ctx.rtl() { Dir::Rtl } else { Dir::Ltr })
        .digits(ctx.digits)
        .title(format!("{} {}", ctx.one(title), doc.number));
    let mut pdf = Document::new(setup)?;
    footer::decorate(&ctx, &mut pdf);
    letterhead::draw(&ctx, &mut pdf)?;
    party::title(&ctx, &mut pdf)?;
    party::draw(&ctx, &mut pdf)?;
    lines::draw(&ctx, &mut pdf);
    totals::draw(&ctx, &mut pdf)?;
    footer::terms(&ctx, &mut pdf);
    footer::signatures(&ctx, &mut pdf)?;
    pdf.finish()
}

/// What every part of the layout needs to know.
pub(crate) struct Ctx<'a> {
    pub doc: &'a PrintDoc,
    pub company: &'a CompanyInput,
    pub lang: PrintLang,
    /// The document's digits (Latin for English documents).
    pub digits: Digits,
    /// The currency's minor digits (2 when the currency is not known).
    pub decimals: u32,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a PrintDoc, company: &'a CompanyInput, opts: &PrintOptions) -> Self {
        let digits = match (opts.lang, opts.digits) {
            (PrintLang::En, _) | (_, settings::Digits::Latn) => Digits::Latin,
            (_, settings::Digits::Arab) => Digits::ArabicIndic,
        };
        Ctx {
            doc,
            company,
            lang: opts.lang,
            digits,
            decimals: crate::money::minor_digits(&doc.currency).unwrap_or(2),
        }
    }

    /// The page runs right to left (Arabic and bilingual documents).
    pub fn rtl(&self) -> bool {
        self.lang != PrintLang::En
    }

    /// The document prints Arabic text.
    pub fn ar(&self) -> bool {
        self.lang != PrintLang::En
    }

    /// The document prints English text.
    pub fn en(&self) -> bool {
        self.lang != PrintLang::Ar
    }

    /// The label in the document's main language.
    pub fn one(&self, l: Label) -> &'static str {
        if self.lang == PrintLang::En {
            l.en
        } else {
            l.ar
        }
    }

    /// Both languages on one line where the document has both: «العميل / Customer».
    pub fn joined(&self, l: Label) -> String {
        match self.lang {
            PrintLang::Ar => l.ar.to_string(),
            PrintLang::En => l.en.to_string(),
            PrintLang::Both => format!("{} / {}", l.ar, l.en),
        }
    }

    /// Arabic over English where the document has both: table headers.
    pub fn stacked(&self, l: Label) -> String {
        match self.lang {
            PrintLang::Ar => l.ar.to_string(),
            PrintLang::En => l.en.to_string(),
            PrintLang::Both => format!("{}\n{}", l.ar, l.en),
        }
    }

    pub fn money(&self, v: rust_decimal::Decimal) -> String {
        format::money(v, self.decimals)
    }

    pub fn percent(&self, v: rust_decimal::Decimal) -> String {
        format::percent(v, self.digits == Digits::ArabicIndic)
    }

    /// A style for English text: always Latin digits, set left to right.
    pub fn en_style(&self, s: TextStyle) -> TextStyle {
        s.digits(Digits::Latin).dir(Dir::Ltr)
    }

    /// A style for Arabic text, set right to left.
    pub fn ar_style(&self, s: TextStyle) -> TextStyle {
        s.dir(Dir::Rtl)
    }

    /// The page side where lines start: right on Arabic pages.
    pub fn start(&self) -> Align {
        if self.rtl() {
            Align::Right
        } else {
            Align::Left
        }
    }

    /// The page side where lines end.
    pub fn end(&self) -> Align {
        if self.rtl() {
            Align::Left
        } else {
            Align::Right
        }
    }

    /// The x of a box `w` wide at the start side of the span (`x`, `span`).
    pub fn at_start(&self, x: f64, span: f64, w: f64) -> f64 {
        if self.rtl() {
            x + span - w
        } else {
            x
        }
    }

    /// The x of a box `w` wide at the end side of the span (`x`, `span`).
    pub fn at_end(&self, x: f64, span: f64, w: f64) -> f64 {
        if self.rtl() {
            x
        } else {
            x + span - w
        }
    }
}

/// Runs `draw` in a flow block and hands back its error, if any (blocks draw through a
/// closure that cannot return one).
pub(crate) fn place(
    pdf: &mut Document,
    height: f64,
    draw: impl FnOnce(&mut crate::pdf::Canvas, crate::pdf::Rect) -> Result<()>,
) -> Result<()> {
    let mut out = Ok(());
    pdf.block(height, |c, r| out = draw(c, r));
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::sales::print_model::{PrintKind, PrintParty};
    use crate::sales::{compute, DiscountKind, LineInput};

    /// A small quotation of a Saudi company (three lines, one discounted).
    pub(crate) fn sample(kind: PrintKind) -> (PrintDoc, Company) {
        let line = |d: &str, q: i64, p: i64, disc: i64| LineInput {
            product_id: None,
            description: d.into(),
            unit: "حبة".into(),
            quantity: q.into(),
            unit_price: p.into(),
            discount_kind: DiscountKind::Percent,
            discount: disc.into(),
            vat_rate: 15.into(),
        };
        let (lines, totals) = compute(
            &[
                line("سيارة تويوتا كامري 2026", 1, 95_000, 0),
                line("باقة صيانة", 2, 12_500, 10),
                line("Window tint", 1, 5_000, 0),
            ],
            true,
            "SAR",
        )
        .unwrap();
        let doc = PrintDoc {
            kind,
            number: "QTN-2026-00012".into(),
            revision: 0,
            status: "sent".into(),
            issue_date: "2026-11-23".parse().unwrap(),
            due_date: None,
            issued_at: None,
            references: vec![],
            currency: "SAR".into(),
            prices_include_vat: true,
            customer: PrintParty {
                name_ar: "محمد العتيبي".into(),
                ..PrintParty::default()
            },
            lines,
            totals: Some(totals),
            terms: String::new(),
            notes: String::new(),
            salesperson: String::new(),
            delivery_address: String::new(),
        };
        let company = Company {
            profile: CompanyInput {
                name_ar: "معرض النخبة للسيارات".into(),
                name_en: "Elite Motors".into(),
                logo_data_url: None,
                address_ar: String::new(),
                address_en: String::new(),
                phones: vec![],
                email: String::new(),
                website: String::new(),
                tax_number: "300000000000003".into(),
                country: "SA".into(),
                currency: "SAR".into(),
                default_vat_rate: "15".into(),
            },
            created_at: String::new(),
            updated_at: String::new(),
        };
        (doc, company)
    }

    fn opts(lang: PrintLang) -> PrintOptions {
        PrintOptions {
            lang,
            digits: settings::Digits::Latn,
        }
    }

    #[test]
    fn every_kind_and_language_renders() {
        for kind in [
            PrintKind::Inquiry,
            PrintKind::Quotation,
            PrintKind::DeliveryNote,
            PrintKind::SimplifiedInvoice,
            PrintKind::Invoice,
        ] {
            for lang in [PrintLang::Ar, PrintLang::En, PrintLang::Both] {
                let (doc, company) = sample(kind);
                let pdf = render(&doc, &company, &opts(lang)).unwrap();
                assert!(pdf.starts_with(b"%PDF-"), "{kind:?} {lang:?}");
            }
        }
    }

    #[test]
    fn a_saudi_simplified_invoice_needs_a_valid_vat_number() {
        let (doc, mut company) = sample(PrintKind::SimplifiedInvoice);
        company.profile.tax_number = "12345".into();
        let err = render(&doc, &company, &opts(PrintLang::Ar)).unwrap_err();
        assert!(format!("{err:?}").contains("vat_number"), "{err:?}");
        // Elsewhere, or on other documents, no QR code and no such need.
        company.profile.country = "AE".into();
        render(&doc, &company, &opts(PrintLang::Ar)).unwrap();
        let (doc, mut company) = sample(PrintKind::Invoice);
        company.profile.tax_number.clear();
        render(&doc, &company, &opts(PrintLang::Ar)).unwrap();
    }

    #[test]
    fn english_documents_keep_latin_digits() {
        let (doc, company) = sample(PrintKind::Quotation);
        let arab = |lang| PrintOptions {
            lang,
            digits: settings::Digits::Arab,
        };
        assert_eq!(
            Ctx::new(&doc, &company.profile, &arab(PrintLang::En)).digits,
            Digits::Latin
        );
        assert_eq!(
            Ctx::new(&doc, &company.profile, &arab(PrintLang::Both)).digits,
            Digits::ArabicIndic
        );
    }
}
