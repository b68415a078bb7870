//! The totals block (subtotal, discount, total excluding VAT, VAT per rate, total
//! including VAT) at the end side under the table, the ZATCA QR code and the note on
//! VAT-inclusive prices at the start side, and the amount in words across the page.

use rust_decimal::Decimal;

use super::labels::{self, Label};
use super::sheet::Sheet;
use super::{qr, Ctx, INK, MUTED, NAVY, RULE, TINT};
use crate::money::amount_in_words;
use crate::pdf::{Align, Color, Document, TextStyle};
use crate::sales::print_model::PrintLang;
use crate::{Locale, Result};

struct Row {
    ar: String,
    en: String,
    value: String,
    grand: bool,
    /// Shorter labels, when these do not fit on one line.
    short: Option<Label>,
}

fn row(l: Label, value: String) -> Row {
    Row {
        ar: l.ar.to_string(),
        en: l.en.to_string(),
        value,
        grand: false,
        short: None,
    }
}

fn rows(ctx: &Ctx) -> Vec<Row> {
    let Some(t) = &ctx.doc.totals else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !t.discount_total.is_zero() {
        let subtotal = if ctx.doc.prices_include_vat {
            labels::SUBTOTAL_WITH_VAT
        } else {
            labels::SUBTOTAL
        };
        out.push(row(subtotal, ctx.money(t.subtotal)));
        out.push(row(labels::DISCOUNT, ctx.money(t.discount_total)));
    }
    out.push(row(labels::TAXABLE, ctx.money(t.net_total)));
    let rates: Vec<_> = t.vat_breakdown.iter().collect();
    if rates.is_empty() {
        out.push(row(labels::VAT, ctx.money(t.vat_total)));
    }
    for b in rates {
        let en_rate = super::format::percent(b.rate, false);
        out.push(Row {
            ar: format!("{} ({})", labels::VAT.ar, ctx.percent(b.rate)),
            en: format!("{} ({en_rate})", labels::VAT.en),
            value: ctx.money(b.vat),
            grand: false,
            short: None,
        });
    }
    let cur = ctx.doc.currency.trim();
    let with_cur = |s: &str| {
        if cur.is_empty() {
            s.to_string()
        } else {
            format!("{s} ({cur})")
        }
    };
    out.push(Row {
        ar: with_cur(labels::TOTAL.ar),
        en: with_cur(labels::TOTAL.en),
        value: ctx.money(t.total),
        grand: true,
        short: Some(labels::TOTAL),
    });
    out
}

/// The totals box, `w` wide.
fn totals_box(ctx: &Ctx, pdf: &Document, rows: &[Row], w: f64) -> Sheet {
    let pad = 2.2;
    let gap = 2.0;
    let inner = w - 2.0 * pad;
    let value_w = 30.0;
    let label_w = match ctx.lang {
        PrintLang::Both => (inner - value_w - 2.0 * gap) / 2.0,
        _ => inner - value_w - gap,
    };
    let mut s = Sheet::new();
    let mut y = 0.0;
    for (i, r) in rows.iter().enumerate() {
        let (size, color) = if r.grand {
            (9.5, Color::WHITE)
        } else {
            (8.5, INK)
        };
        let mut st = TextStyle::new(size).color(color).line_height(1.4);
        if r.grand {
            st = st.bold();
        }
        let vpad = if r.grand { 1.5 } else { 0.9 };
        let value = pdf.layout(&r.value, &st.clone().align(Align::Right), value_w);
        let mut h = value.height();
        let ar_st = ctx.ar_style(st.clone()).align(Align::Right);
        let en_st = ctx.en_style(st.clone()).align(Align::Left);
        let lay = |ar: &str, en: &str| -> Vec<(crate::pdf::TextBlock, f64)> {
            let mut out = Vec::new();
            if ctx.ar() {
                out.push((pdf.layout(ar, &ar_st, label_w), w - pad - label_w));
            }
            if ctx.en() {
                out.push((pdf.layout(en, &en_st, label_w), pad));
            }
            out
        };
        let mut labels = lay(&r.ar, &r.en);
        if let Some(short) = r.short {
            if labels.iter().any(|(b, _)| b.line_count() > 1) {
                labels = lay(short.ar, short.en);
            }
        }
        let value_x = match ctx.lang {
            PrintLang::Ar => pad,
            PrintLang::En => w - pad - value_w,
            PrintLang::Both => pad + label_w + gap,
        };
        for (b, _) in &labels {
            h = h.max(b.height());
        }
        let row_h = h + 2.0 * vpad;
        if r.grand {
            s.fill(0.0, y, w, row_h, NAVY);
        } else if i % 2 == 1 {
            s.fill(0.0, y, w, row_h, Color::rgb(0xF7, 0xF8, 0xFA));
        }
        for (b, x) in labels {
            s.text_on_baseline_of(b, &value, x, y + vpad);
        }
        s.text(value, value_x, y + vpad);
        y += row_h;
        if !r.grand {
            s.line(0.0, y, w, y, TINT, 0.6);
        }
    }
    s.frame(0.0, 0.0, w, y, RULE, 0.6);
    s.height = y;
    s
}

/// Totals, QR code, note and amount in words.
pub(crate) fn draw(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let rows = rows(ctx);
    let qr = qr::payload(ctx)?;
    let c = pdf.setup().content();
    let note = ctx.doc.prices_include_vat && ctx.doc.totals.is_some();
    if rows.is_empty() && qr.is_none() {
        return Ok(());
    }
    let box_w = if ctx.lang == PrintLang::Both {
        112.0
    } else {
        88.0
    };
    let mut s = Sheet::new();
    if !rows.is_empty() {
        let b = totals_box(ctx, pdf, &rows, box_w);
        s.append(b, ctx.at_end(0.0, c.w, box_w), 0.0);
    }
    // The start side: the QR code, then the note.
    let side_w = c.w - box_w - 6.0;
    let side_x = ctx.at_start(0.0, c.w, side_w);
    let mut y = 0.0;
    if let Some(data) = qr {
        let size = qr::SIZE;
        s.qr(data, ctx.at_start(side_x, side_w, size), 0.0, size);
        y += size + 1.0;
    }
    if note {
        let st = TextStyle::new(8.0).color(MUTED).align(ctx.start());
        let mut put = |text: &str, st: TextStyle| {
            let b = pdf.layout(text, &st, side_w);
            y += s.text(b, side_x, y);
        };
        if ctx.ar() {
            put(labels::PRICES_INCLUDE_VAT.ar, ctx.ar_style(st.clone()));
        }
        if ctx.en() {
            put(labels::PRICES_INCLUDE_VAT.en, ctx.en_style(st));
        }
    }
    let h = s.height;
    super::place(pdf, h + 3.0, |canvas, r| s.draw(canvas, r.x, r.y))?;
    words(ctx, pdf)
}

/// The total in words, in each of the document's languages, on a tinted strip.
fn words(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let Some(t) = &ctx.doc.totals else {
        return Ok(());
    };
    let say = |locale| amount_in_words(t.total.max(Decimal::ZERO), &ctx.doc.currency, locale);
    let (Ok(ar), Ok(en)) = (say(Locale::Ar), say(Locale::En)) else {
        // A currency the words do not know: the figures stand alone.
        return Ok(());
    };
    let c = pdf.setup().content();
    let pad = 2.5;
    let inner = c.w - 2.0 * pad;
    let mut s = Sheet::new();
    let st = TextStyle::new(9.0).color(INK).line_height(1.45);
    let mut y = pad - 0.5;
    if ctx.ar() {
        let text = format!("{}: {ar}", labels::AMOUNT_IN_WORDS.ar);
        let b = pdf.layout(&text, &ctx.ar_style(st.clone()).align(Align::Right), inner);
        y += s.text(b, pad, y);
    }
    if ctx.en() {
        let text = format!("{}: {en}", labels::AMOUNT_IN_WORDS.en);
        let b = pdf.layout(&text, &ctx.en_style(st).align(Align::Left), inner);
        y += s.text(b, pad, y);
    }
    let h = y + pad - 0.5;
    let mut framed = Sheet::new();
    framed.fill(0.0, 0.0, c.w, h, TINT);
    framed.line(
        ctx.at_start(0.0, c.w, 0.0),
        0.0,
        ctx.at_start(0.0, c.w, 0.0),
        h,
        super::GOLD,
        2.0,
    );
    framed.append(s, 0.0, 0.0);
    framed.height = h;
    super::place(pdf, h + 4.0, |canvas, r| framed.draw(canvas, r.x, r.y))
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;
    use crate::sales::print_model::{PrintKind, PrintOptions};
    use crate::sales::VatBreakdown;
    use crate::settings::Digits;

    fn labels_of(
        lang: PrintLang,
        doc: &crate::sales::print_model::PrintDoc,
    ) -> Vec<(String, String)> {
        let (_, company) = sample(PrintKind::Quotation);
        let opts = PrintOptions {
            lang,
            digits: Digits::Latn,
        };
        let ctx = Ctx::new(doc, &company.profile, &opts);
        rows(&ctx).into_iter().map(|r| (r.en, r.value)).collect()
    }

    #[test]
    fn a_vat_row_per_rate_and_discount_rows_only_with_a_discount() {
        let (mut doc, _) = sample(PrintKind::Quotation);
        let t = doc.totals.as_mut().unwrap();
        t.vat_breakdown.push(VatBreakdown {
            rate: Decimal::ZERO,
            net: "100".parse().unwrap(),
            vat: Decimal::ZERO,
        });
        let rows = labels_of(PrintLang::En, &doc);
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "Subtotal incl. VAT",
                "Discount",
                "Total excluding VAT",
                "VAT (15%)",
                "VAT (0%)",
                "Total including VAT (SAR)"
            ]
        );
        assert_eq!(rows[4].1, "0.00");
        let t = doc.totals.as_mut().unwrap();
        t.discount_total = Decimal::ZERO;
        doc.prices_include_vat = false;
        let rows = labels_of(PrintLang::En, &doc);
        assert_eq!(rows[0].0, "Total excluding VAT");
        // Kuwaiti dinars: three decimals.
        doc.currency = "KWD".into();
        let rows = labels_of(PrintLang::En, &doc);
        assert!(rows.last().unwrap().1.ends_with(".000"), "{rows:?}");
    }
}
