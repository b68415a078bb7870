//! What follows the figures — terms, notes, the signature and stamp boxes — and what
//! every page carries: the running head (from page 2), the footer with the page number
//! and the document number, and the mark across drafts, superseded and cancelled
//! documents.

use super::labels::{self, Label};
use super::sheet::Sheet;
use super::{Ctx, INK, MUTED, NAVY, RULE, TINT};
use crate::pdf::{Align, Canvas, Color, Digits, Dir, Document, TextStyle};
use crate::sales::print_model::{PrintKind, PrintLang};
use crate::{Locale, Result};

/// The mark's colour and opacity: a red that reads as "not in force", faint enough
/// that the page stays legible under it.
const MARK: Color = Color::rgb(0xB0, 0x2A, 0x1E);
const MARK_OPACITY: f64 = 0.14;

/// A heading in the document's language(s): one line, Arabic at the right and English
/// at the left in bilingual documents.
fn heading(ctx: &Ctx, pdf: &Document, l: Label, size: f64, w: f64) -> Sheet {
    let st = TextStyle::new(size).bold().color(NAVY);
    let mut s = Sheet::new();
    if ctx.ar() {
        let b = pdf.layout(l.ar, &ctx.ar_style(st.clone()).align(Align::Right), w);
        s.text(b, 0.0, 0.0);
    }
    if ctx.en() {
        let b = pdf.layout(l.en, &ctx.en_style(st).align(Align::Left), w);
        s.text(b, 0.0, 0.0);
    }
    s
}

/// Terms and notes, each under its heading; long texts flow onto the next page.
pub(crate) fn terms(ctx: &Ctx, pdf: &mut Document) {
    let c = pdf.setup().content();
    let body = TextStyle::new(8.5).color(INK).line_height(1.45);
    let line_h = pdf.layout("x", &body, c.w).height();
    for (label, text) in [
        (labels::TERMS, &ctx.doc.terms),
        (labels::NOTES, &ctx.doc.notes),
    ] {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let mut h = heading(ctx, pdf, label, 9.5, c.w);
        let hh = h.height + 1.0;
        h.line(0.0, hh, c.w, hh, TINT, 0.8);
        // Keep the heading with at least two lines of its text.
        pdf.ensure(hh + 1.5 + 2.0 * line_h);
        let _ = super::place(pdf, hh + 1.5, |canvas, r| h.draw(canvas, r.x, r.y));
        pdf.paragraph(text, &body);
        pdf.space(3.0);
    }
}

/// The boxes at the foot of the document: signature and stamp, or, on a delivery
/// note, who delivered and who received (name, signature, date). Inquiries have none.
pub(crate) fn signatures(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let boxes: [(Label, bool); 2] = match ctx.doc.kind {
        PrintKind::Inquiry => return Ok(()),
        PrintKind::DeliveryNote => [(labels::DELIVERED_BY, true), (labels::RECEIVED_BY, true)],
        _ => [(labels::SIGNATURE, false), (labels::STAMP, false)],
    };
    let c = pdf.setup().content();
    let gap = 8.0;
    let w = (c.w - gap) / 2.0;
    let h = if boxes[0].1 { 28.0 } else { 24.0 };
    let mut s = Sheet::new();
    for (k, (label, form)) in boxes.into_iter().enumerate() {
        let mut b = Sheet::new();
        let pad = 2.2;
        b.fill(0.0, 0.0, w, 6.6, TINT);
        let head = heading(ctx, pdf, label, 9.0, w - 2.0 * pad);
        let y = (6.6 - head.height) / 2.0;
        b.append(head, pad, y);
        let st = TextStyle::new(8.0).color(MUTED);
        if form {
            // Name, signature and date, each on a line to write on.
            let rows = [labels::NAME, labels::SIGN, labels::DATE];
            let mut y = 8.6;
            for l in rows {
                let text = ctx.joined(l);
                let lb = pdf.layout(&text, &st.clone().align(ctx.start()), w - 2.0 * pad);
                let lw = lb.text_width();
                let lh = lb.height();
                b.text(lb, pad, y);
                let (x1, x2) = if ctx.rtl() {
                    (pad, w - pad - lw - 2.0)
                } else {
                    (pad + lw + 2.0, w - pad)
                };
                b.line(x1, y + lh - 0.8, x2, y + lh - 0.8, RULE, 0.6);
                y += 6.2;
            }
        } else if k == 0 {
            b.line(pad + 6.0, h - 6.0, w - pad - 6.0, h - 6.0, RULE, 0.6);
        }
        b.frame(0.0, 0.0, w, h, RULE, 0.6);
        b.height = h;
        // The first box at the start side.
        let x = if k == 0 {
            ctx.at_start(0.0, c.w, w)
        } else {
            ctx.at_end(0.0, c.w, w)
        };
        s.append(b, x, 0.0);
    }
    pdf.space(1.0);
    super::place(pdf, h, |canvas, r| s.draw(canvas, r.x, r.y))
}

/// The running head, the footer and the mark, drawn on every page once the page
/// count is known.
pub(crate) fn decorate(ctx: &Ctx, pdf: &mut Document) {
    let lang = ctx.lang;
    let rtl = ctx.rtl();
    let digits = ctx.digits;
    let number = ctx.doc.number.clone();
    let company = match lang {
        PrintLang::En if !ctx.company.name_en.is_empty() => ctx.company.name_en.clone(),
        _ => ctx.company.name_ar.clone(),
    };
    let title = format!("{} {}", ctx.one(labels::title(ctx.doc.kind)), number);
    let (start, end) = (ctx.start(), ctx.end());

    pdf.header(move |page, info| {
        if info.number == 1 {
            return;
        }
        let c = page.setup().content();
        let st = TextStyle::new(8.0).color(MUTED);
        page.text(&company, &st.clone().align(start), c.x, 7.5, c.w);
        page.text(&title, &st.align(end), c.x, 7.5, c.w);
        page.line(c.x, 12.5, c.right(), 12.5, RULE, 0.5);
    });

    let mark = labels::status_mark(&ctx.doc.status).map(|l| match lang {
        PrintLang::Ar => l.ar.to_string(),
        PrintLang::En => l.en.to_string(),
        PrintLang::Both => format!("{}  {}", l.ar, l.en),
    });
    pdf.footer(move |page, info| {
        let c = page.setup().content();
        let y = page.setup().height - 14.0;
        page.line(c.x, y, c.right(), y, RULE, 0.5);
        let st = TextStyle::new(8.0).color(MUTED);
        let ty = y + 1.5;
        let en_label = info.label_with(Locale::En, Digits::Latin);
        let ar_label = info.label_with(Locale::Ar, digits);
        let en_st = st.clone().dir(Dir::Ltr).digits(Digits::Latin);
        match lang {
            PrintLang::Both => {
                page.text(&ar_label, &st.clone().align(Align::Right), c.x, ty, c.w);
                page.text(&en_label, &en_st.align(Align::Left), c.x, ty, c.w);
                page.text(&number, &st.align(Align::Center), c.x, ty, c.w);
            }
            PrintLang::Ar | PrintLang::En => {
                let label = if lang == PrintLang::Ar {
                    ar_label
                } else {
                    en_label
                };
                page.text(&label, &st.clone().align(Align::Center), c.x, ty, c.w);
                page.text(&number, &st.align(start), c.x, ty, c.w);
            }
        }
        if let Some(text) = &mark {
            draw_mark(page, text, rtl);
        }
    });
}

/// The mark across the page: large, turned along the page's diagonal (rising to the
/// right), see-through.
fn draw_mark(page: &mut Canvas, text: &str, rtl: bool) {
    let (pw, ph) = (page.setup().width, page.setup().height);
    let diagonal = pw.hypot(ph);
    let probe = TextStyle::new(100.0).bold();
    let w100 = page.layout(text, &probe, 1000.0).text_width().max(1.0);
    let size = (100.0 * diagonal * 0.6 / w100).clamp(30.0, 220.0);
    let style = TextStyle::new(size)
        .bold()
        .color(MARK)
        .line_height(1.1)
        .align(Align::Center)
        .dir(if rtl { Dir::Rtl } else { Dir::Auto });
    let block = page.layout(text, &style, diagonal);
    let (cx, cy) = (pw / 2.0, ph / 2.0);
    let angle = ph.atan2(pw).to_degrees();
    let h = block.height();
    page.translucent(MARK_OPACITY, |page| {
        page.rotated(angle, cx, cy, |page| {
            page.block(&block, cx - diagonal / 2.0, cy - h / 2.0);
        });
    });
}
