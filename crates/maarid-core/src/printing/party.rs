//! The title band, and under it the customer block beside the document's facts
//! (number, revision, dates, references, salesperson, currency).

use super::format;
use super::labels::{self, Label};
use super::sheet::Sheet;
use super::{Ctx, INK, MUTED, NAVY, RULE, TINT};
use crate::pdf::{isolate_ltr, Align, Color, Document, TextStyle};
use crate::sales::print_model::{PrintKind, PrintLang};
use crate::Result;

/// A label and its value, one row of a box.
pub(crate) struct Pair {
    pub label: Label,
    pub value: String,
}

fn pair(label: Label, value: impl Into<String>) -> Pair {
    Pair {
        label,
        value: value.into(),
    }
}

/// The document's title on a navy band across the page.
pub(crate) fn title(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let c = pdf.setup().content();
    let t = labels::title(ctx.doc.kind);
    let style = TextStyle::new(13.0).bold().color(Color::WHITE);
    let h = 9.5;
    let mut s = Sheet::new();
    s.fill(0.0, 0.0, c.w, h, super::NAVY);
    let pad = 4.0;
    let inner = c.w - 2.0 * pad;
    let mut put = |text: &str, style: TextStyle| {
        let b = pdf.layout(text, &style, inner);
        let y = (h - b.height()) / 2.0;
        s.text(b, pad, y);
    };
    match ctx.lang {
        PrintLang::Ar => put(t.ar, ctx.ar_style(style).align(Align::Center)),
        PrintLang::En => put(t.en, ctx.en_style(style).align(Align::Center)),
        PrintLang::Both => {
            put(t.ar, ctx.ar_style(style.clone()).align(Align::Right));
            put(t.en, ctx.en_style(style).align(Align::Left));
        }
    }
    super::place(pdf, h + 3.5, |canvas, r| s.draw(canvas, r.x, r.y))
}

/// The customer's rows; empty fields are left out.
fn customer(ctx: &Ctx) -> Vec<Pair> {
    let p = &ctx.doc.customer;
    let mut rows = Vec::new();
    let names: Vec<&str> = [p.name_ar.trim(), p.name_latin.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    rows.push(pair(
        labels::NAME,
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join("\n")
        },
    ));
    let mut opt = |label, v: &str, ltr: bool| {
        let v = v.trim();
        if !v.is_empty() {
            rows.push(pair(label, if ltr { isolate_ltr(v) } else { v.into() }));
        }
    };
    opt(labels::COMPANY, &p.company_name, false);
    opt(labels::ADDRESS, &p.address, false);
    opt(labels::PHONE, &p.phone, true);
    opt(labels::EMAIL, &p.email, true);
    opt(labels::VAT_NUMBER, &p.vat_number, false);
    if ctx.doc.kind == PrintKind::DeliveryNote {
        opt(labels::DELIVERY_ADDRESS, &ctx.doc.delivery_address, false);
    }
    rows
}

/// The document's facts.
fn facts(ctx: &Ctx) -> Vec<Pair> {
    let d = ctx.doc;
    let mut rows = vec![pair(labels::number(d.kind), d.number.clone())];
    if d.revision > 0 {
        rows.push(pair(labels::REVISION, d.revision.to_string()));
    }
    match d.issued_at {
        Some(t) => rows.push(pair(
            labels::ISSUED_AT,
            // Date before time in both directions.
            isolate_ltr(&format::moment(t, &ctx.company.country)),
        )),
        None => rows.push(pair(labels::DATE, format::date(d.issue_date))),
    }
    if let Some(due) = d.due_date {
        rows.push(pair(labels::due_date(d.kind), format::date(due)));
    }
    for r in &d.references {
        let kind = labels::title(r.kind);
        let name = if ctx.lang == PrintLang::En {
            kind.en
        } else {
            kind.ar
        };
        rows.push(pair(labels::REFERENCE, format!("{name} {}", r.number)));
    }
    if !d.salesperson.trim().is_empty() {
        rows.push(pair(labels::SALESPERSON, d.salesperson.trim()));
    }
    if super::lines::priced(ctx) && !d.currency.is_empty() {
        rows.push(pair(labels::CURRENCY, d.currency.clone()));
    }
    rows
}

/// A box of rows under a heading strip, `w` wide. Labels stand at the start side and
/// the values after them; in bilingual documents the Arabic labels stand at the right,
/// the English ones at the left and the values between them.
pub(crate) fn pairs_box(ctx: &Ctx, pdf: &Document, heading: Label, rows: &[Pair], w: f64) -> Sheet {
    let pad = 2.2;
    let gap = 2.5;
    let inner = w - 2.0 * pad;
    let mut s = Sheet::new();

    // Heading strip.
    let head_h = 6.6;
    s.fill(0.0, 0.0, w, head_h, TINT);
    let hs = TextStyle::new(9.0).bold().color(NAVY);
    let mut head = |text: &str, style: TextStyle| {
        let b = pdf.layout(text, &style, inner);
        let y = (head_h - b.height()) / 2.0;
        s.text(b, pad, y);
    };
    match ctx.lang {
        PrintLang::Ar => head(heading.ar, ctx.ar_style(hs).align(Align::Right)),
        PrintLang::En => head(heading.en, ctx.en_style(hs).align(Align::Left)),
        PrintLang::Both => {
            head(heading.ar, ctx.ar_style(hs.clone()).align(Align::Right));
            head(heading.en, ctx.en_style(hs).align(Align::Left));
        }
    }
    s.line(0.0, head_h, w, head_h, RULE, 0.5);

    let label_style = TextStyle::new(8.0).color(MUTED).line_height(1.4);
    let value_style = TextStyle::new(9.0).color(INK).line_height(1.4);
    let widest = |ar: bool| -> f64 {
        rows.iter()
            .map(|r| {
                let (t, st) = if ar {
                    (r.label.ar, ctx.ar_style(label_style.clone()))
                } else {
                    (r.label.en, ctx.en_style(label_style.clone()))
                };
                pdf.layout(t, &st, inner).text_width()
            })
            .fold(0.0, f64::max)
            + 0.5
    };
    let cap = if ctx.lang == PrintLang::Both {
        inner * 0.3
    } else {
        inner * 0.42
    };
    let ar_w = if ctx.ar() { widest(true).min(cap) } else { 0.0 };
    let en_w = if ctx.en() {
        widest(false).min(cap)
    } else {
        0.0
    };
    let (value_x, value_w, value_align) = match ctx.lang {
        PrintLang::Ar => (pad, inner - ar_w - gap, Align::Right),
        PrintLang::En => (pad + en_w + gap, inner - en_w - gap, Align::Left),
        PrintLang::Both => (
            pad + en_w + gap,
            inner - en_w - ar_w - 2.0 * gap,
            Align::Center,
        ),
    };

    let mut y = head_h + 1.3;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            s.line(pad, y - 0.65, w - pad, y - 0.65, TINT, 0.6);
        }
        let value = pdf.layout(&row.value, &value_style.clone().align(value_align), value_w);
        let mut h = value.height();
        if ctx.ar() {
            let st = ctx.ar_style(label_style.clone()).align(Align::Right);
            let b = pdf.layout(row.label.ar, &st, ar_w);
            h = h.max(s.text_on_baseline_of(b, &value, w - pad - ar_w, y));
        }
        if ctx.en() {
            let st = ctx.en_style(label_style.clone()).align(Align::Left);
            let b = pdf.layout(row.label.en, &st, en_w);
            h = h.max(s.text_on_baseline_of(b, &value, pad, y));
        }
        s.text(value, value_x, y);
        y += h + 1.3;
    }
    s.height = y + 0.3;
    s
}

/// The customer block (start side) beside the document's facts (end side).
pub(crate) fn draw(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let c = pdf.setup().content();
    let gap = 5.0;
    let cw = (c.w - gap) * 0.54;
    let fw = c.w - gap - cw;
    let mut who = pairs_box(ctx, pdf, labels::CUSTOMER, &customer(ctx), cw);
    let mut what = pairs_box(ctx, pdf, labels::DOCUMENT, &facts(ctx), fw);
    let h = who.height.max(what.height);
    who.frame(0.0, 0.0, cw, h, RULE, 0.6);
    what.frame(0.0, 0.0, fw, h, RULE, 0.6);
    let mut s = Sheet::new();
    s.append(who, ctx.at_start(0.0, c.w, cw), 0.0);
    s.append(what, ctx.at_end(0.0, c.w, fw), 0.0);
    super::place(pdf, h + 4.0, |canvas, r| s.draw(canvas, r.x, r.y))
}
