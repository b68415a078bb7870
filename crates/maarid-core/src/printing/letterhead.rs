//! The letterhead: the company's logo, names, address, phones, e-mail and VAT number,
//! and a double rule under them. Arabic documents put the Arabic block at the right
//! and the logo at the left; English ones mirror that; bilingual ones face the Arabic
//! block (right) and the English one (left) with the logo between them.

use super::sheet::Sheet;
use super::{labels, Ctx, GOLD, MUTED, NAVY};
use crate::pdf::{isolate_ltr, Align, Dir, Document, Image, TextStyle};
use crate::sales::print_model::PrintLang;
use crate::Result;

const LOGO_MAX_W: f64 = 44.0;
const LOGO_MAX_H: f64 = 22.0;

/// The company's logo, when it has one that can be printed (PNG or JPEG).
fn logo(ctx: &Ctx) -> Option<Image> {
    let url = ctx.company.logo_data_url.as_deref()?;
    match Image::from_data_url(url) {
        Ok(img) => Some(img),
        Err(e) => {
            tracing::debug!(?e, "the logo cannot be printed (SVG?); printing without it");
            None
        }
    }
}

/// The lines under the company's name, in one language. Each entry is a group of
/// parts that share a line (joined with « · ») when they fit on one.
fn contact_lines(ctx: &Ctx, arabic: bool) -> Vec<Vec<String>> {
    let c = ctx.company;
    let pick = |ar: &str, en: &str| -> String {
        let (first, other) = if arabic { (ar, en) } else { (en, ar) };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
        .trim()
        .to_string()
    };
    let mut out = Vec::new();
    let address = pick(&c.address_ar, &c.address_en);
    if !address.is_empty() {
        out.push(vec![address]);
    }
    let label = |l: labels::Label| if arabic { l.ar } else { l.en };
    if !c.phones.is_empty() {
        let phones: Vec<String> = c.phones.iter().map(|p| isolate_ltr(p)).collect();
        out.push(vec![format!(
            "{}: {}",
            label(labels::PHONE_SHORT),
            phones.join(" · ")
        )]);
    }
    let web: Vec<String> = [&c.email, &c.website]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| isolate_ltr(s))
        .collect();
    if !web.is_empty() {
        out.push(web);
    }
    if !c.tax_number.is_empty() {
        out.push(vec![format!(
            "{}: {}",
            label(labels::VAT_NUMBER),
            c.tax_number
        )]);
    }
    out
}

/// One language's block: the name large, the rest small, aligned to `align`.
fn side(ctx: &Ctx, pdf: &Document, arabic: bool, align: Align, w: f64) -> Sheet {
    let c = ctx.company;
    let name = if arabic || c.name_en.is_empty() {
        &c.name_ar
    } else {
        &c.name_en
    };
    // The direction comes from each line: a side may fall back to the other
    // language's name or address («الرياض 12211» must keep its number at its end).
    let lang = |s: TextStyle| {
        if arabic {
            s
        } else {
            ctx.en_style(s).dir(Dir::Auto)
        }
    };
    let mut s = Sheet::new();
    let name_style = lang(TextStyle::new(if arabic { 15.0 } else { 14.0 }))
        .bold()
        .color(NAVY)
        .align(align)
        .line_height(1.35);
    let mut y = s.text(pdf.layout(name, &name_style, w), 0.0, 0.0) + 0.6;
    let small = lang(TextStyle::new(8.0))
        .color(MUTED)
        .align(align)
        .line_height(1.45);
    for parts in contact_lines(ctx, arabic) {
        let joined = pdf.layout(&parts.join(" · "), &small, w);
        if joined.line_count() == 1 || parts.len() == 1 {
            y += s.text(joined, 0.0, y);
        } else {
            for part in &parts {
                y += s.text(pdf.layout(part, &small, w), 0.0, y);
            }
        }
    }
    s
}

pub(crate) fn draw(ctx: &Ctx, pdf: &mut Document) -> Result<()> {
    let c = pdf.setup().content();
    let logo = logo(ctx);
    let (lw, lh) = match &logo {
        Some(img) => {
            let a = img.aspect().max(0.01);
            let w = LOGO_MAX_W.min(LOGO_MAX_H * a);
            (w, w / a)
        }
        None => (0.0, 0.0),
    };
    let gap = if logo.is_some() { 8.0 } else { 0.0 };
    let mut s = Sheet::new();
    match ctx.lang {
        PrintLang::Ar | PrintLang::En => {
            let arabic = ctx.lang == PrintLang::Ar;
            let w = c.w - lw - gap;
            let block = side(ctx, pdf, arabic, ctx.start(), w);
            let x = ctx.at_start(0.0, c.w, w);
            s.append(block, x, 0.0);
            if let Some(img) = logo {
                s.image(img, ctx.at_end(0.0, c.w, lw), 0.0, lw, lh);
            }
        }
        PrintLang::Both => {
            let w = (c.w - lw - 2.0 * gap.max(6.0)) / 2.0;
            let ar = side(ctx, pdf, true, Align::Right, w);
            let en = side(ctx, pdf, false, Align::Left, w);
            s.append(ar, c.w - w, 0.0);
            s.append(en, 0.0, 0.0);
            if let Some(img) = logo {
                s.image(img, (c.w - lw) / 2.0, 0.0, lw, lh);
            }
        }
    }
    let h = s.height.max(lh) + 2.0;
    s.line(0.0, h, c.w, h, NAVY, 1.4);
    s.line(0.0, h + 1.0, c.w, h + 1.0, GOLD, 0.6);
    let total = s.height + 3.5;
    super::place(pdf, total, |canvas, r| s.draw(canvas, r.x, r.y))
}
