//! Lines: breaking a shaped paragraph by measured advance, ordering each line's runs
//! visually (rule L2 of the bidi algorithm) and aligning it in its box.

use std::ops::Range;

use super::fonts::FaceId;
use super::shape::{prepare, ShapedPara, Shaper};
use super::{Align, Color, Digits, TextStyle, PT_PER_MM};

/// A glyph placed on a line. `x` is from the line's left end, in points.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub face: FaceId,
    pub gid: u16,
    pub x: f64,
    pub dy: f64,
    /// Index of the paragraph in [`TextBlock::paras`] and the bytes this glyph stands for.
    pub para: u32,
    pub text: Range<u32>,
    /// Set right to left (its text, when several characters, is written in reverse).
    pub rtl: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub glyphs: Vec<Placed>,
    /// Offset of the line's left end from the box's left edge, in points.
    pub x: f64,
    pub width: f64,
}

/// Text laid out for a given width: lines ready to draw. Make one with
/// [`Document::layout`](super::Document::layout) to measure before drawing.
#[derive(Debug, Clone)]
pub struct TextBlock {
    pub(crate) paras: Vec<String>,
    pub(crate) lines: Vec<Line>,
    pub(crate) size: f64,
    pub(crate) color: Color,
    /// Baseline-to-baseline distance, and the first baseline below the top, in points.
    pub(crate) line_pitch: f64,
    pub(crate) first_baseline: f64,
}

impl TextBlock {
    /// Height of the block in millimetres.
    pub fn height(&self) -> f64 {
        self.lines.len() as f64 * self.line_pitch / PT_PER_MM
    }

    /// Height of one line in millimetres.
    pub fn line_height(&self) -> f64 {
        self.line_pitch / PT_PER_MM
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Width of the longest line in millimetres.
    pub fn text_width(&self) -> f64 {
        self.lines.iter().map(|l| l.width).fold(0.0, f64::max) / PT_PER_MM
    }
}

/// Lays `text` out in a box `width_mm` wide. `\n` starts a new paragraph, whose
/// direction is found again when the style's direction is `Auto`.
pub(crate) fn layout(
    shaper: &Shaper,
    text: &str,
    style: &TextStyle,
    width_mm: f64,
    default_rtl: bool,
    default_digits: Digits,
) -> TextBlock {
    let max_w = width_mm * PT_PER_MM;
    let (ascent, descent) = shaper.fonts.line_metrics(style.weight);
    let line_pitch = style.size * style.line_height;
    // Centre the font's ascent+descent in the line's pitch.
    let first_baseline = (line_pitch - (ascent + descent) * style.size) / 2.0 + ascent * style.size;
    let mut block = TextBlock {
        paras: Vec::new(),
        lines: Vec::new(),
        size: style.size,
        color: style.color,
        line_pitch,
        first_baseline,
    };
    let digits = style.digits.unwrap_or(default_digits);
    for (k, source) in text.split('\n').enumerate() {
        let (prepared, rtl) = prepare(source, style.dir, default_rtl, digits);
        let para = shaper.paragraph(prepared, rtl, style.weight, style.size);
        let align = style.align.resolve(rtl);
        for range in break_lines(&para, max_w) {
            let mut line = visual_line(&para, range, k as u32);
            line.x = match align {
                Align::Right => max_w - line.width,
                Align::Center => (max_w - line.width) / 2.0,
                _ => 0.0,
            };
            block.lines.push(line);
        }
        block.paras.push(para.text);
    }
    block
}

/// Advance of everything before each byte offset: `prefix[b] - prefix[a]` is the width of
/// the text `a..b` as shaped. Also which offsets start a cluster (where a word too long
/// for the line may be cut).
struct Measure {
    prefix: Vec<f64>,
    cluster_start: Vec<bool>,
}

impl Measure {
    fn new(p: &ShapedPara) -> Self {
        let n = p.text.len();
        let mut at = vec![0.0; n + 1];
        let mut cluster_start = vec![false; n + 1];
        for run in &p.runs {
            for g in &run.glyphs {
                at[g.cluster as usize] += g.advance;
                cluster_start[g.cluster as usize] = true;
            }
        }
        let mut prefix = vec![0.0; n + 1];
        for i in 0..n {
            prefix[i + 1] = prefix[i] + at[i];
        }
        cluster_start[n] = true;
        Measure {
            prefix,
            cluster_start,
        }
    }

    fn width(&self, r: Range<usize>) -> f64 {
        self.prefix[r.end] - self.prefix[r.start]
    }
}

/// The end of `r` without trailing spaces (they hang past the line's end, unseen).
fn trim_end(text: &str, r: Range<usize>) -> usize {
    r.start + text[r].trim_end_matches(' ').len()
}

/// Breaks a paragraph into lines no wider than `max_w` points: after spaces when possible,
/// inside a word (between clusters) when the word alone is too wide. Returns byte ranges,
/// trailing spaces excluded; an empty paragraph gives one empty line.
pub(crate) fn break_lines(p: &ShapedPara, max_w: f64) -> Vec<Range<usize>> {
    let text = p.text.as_str();
    let n = text.len();
    let m = Measure::new(p);
    // Break opportunities: the start of each word that follows a space, and the end.
    let mut breaks: Vec<usize> = text
        .char_indices()
        .zip(text.chars().skip(1))
        .filter(|&((_, c), next)| c == ' ' && next != ' ')
        .map(|((i, _), _)| i + 1)
        .collect();
    breaks.push(n);

    let mut lines = Vec::new();
    let mut start = text.len() - text.trim_start_matches(' ').len();
    let mut fit: Option<usize> = None;
    let mut k = 0;
    while k < breaks.len() {
        let b = breaks[k];
        if b <= start {
            k += 1;
            continue;
        }
        let end = trim_end(text, start..b);
        if m.width(start..end) <= max_w + 1e-6 {
            fit = Some(b);
            k += 1;
            continue;
        }
        if let Some(f) = fit.take() {
            lines.push(start..trim_end(text, start..f));
            start = f;
            continue; // the same opportunity again, from the new line's start
        }
        // One word wider than the line: cut it at the last cluster that still fits
        // (at least one cluster, so the text always advances).
        let mut cut = start;
        for i in start + 1..=end {
            if m.cluster_start[i] && text.is_char_boundary(i) {
                if m.width(start..i) <= max_w + 1e-6 || cut == start {
                    cut = i;
                } else {
                    break;
                }
            }
        }
        lines.push(start..cut);
        start = cut;
    }
    if start < n || lines.is_empty() {
        lines.push(start..trim_end(text, start..n));
    }
    lines
}

/// The glyphs of `range` in visual order, placed from x = 0.
pub(crate) fn visual_line(p: &ShapedPara, range: Range<usize>, para: u32) -> Line {
    // Pieces of runs on this line, in logical order, each with its level.
    let mut pieces: Vec<(usize, Range<usize>, u8)> = p
        .runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let a = r.range.start.max(range.start);
            let b = r.range.end.min(range.end);
            (a < b).then_some((i, a..b, r.level))
        })
        .collect();
    // Rule L2: from the highest level down to the lowest odd one, reverse every
    // maximal sequence of pieces at that level or higher.
    let max = pieces.iter().map(|x| x.2).max().unwrap_or(0);
    let min_odd = pieces
        .iter()
        .map(|x| x.2)
        .min()
        .map_or(1, |l| if l % 2 == 1 { l } else { l + 1 });
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].2 >= level {
                let j = (i..pieces.len())
                    .find(|&j| pieces[j].2 < level)
                    .unwrap_or(pieces.len());
                pieces[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }

    let mut glyphs = Vec::new();
    let mut x = 0.0;
    for (run_index, r, _) in pieces {
        let run = &p.runs[run_index];
        for g in &run.glyphs {
            let c = g.cluster as usize;
            if c < r.start || c >= r.end {
                continue;
            }
            glyphs.push(Placed {
                face: run.face,
                gid: g.gid,
                x: x + g.dx,
                dy: g.dy,
                para,
                text: g.cluster..g.text_end.min(r.end as u32),
                rtl: run.level % 2 == 1,
            });
            x += g.advance;
        }
    }
    Line {
        glyphs,
        x: 0.0,
        width: x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::Fonts;
    use crate::pdf::{Dir, Weight};

    fn para(text: &str) -> ShapedPara {
        let (t, rtl) = prepare(text, Dir::Auto, true, Digits::Latin);
        Shaper::new(Fonts::get().unwrap()).paragraph(t, rtl, Weight::Regular, 10.0)
    }

    fn lines_of(p: &ShapedPara, max_w: f64) -> Vec<&str> {
        break_lines(p, max_w)
            .into_iter()
            .map(|r| &p.text[r])
            .collect()
    }

    fn width(p: &ShapedPara, text: &str) -> f64 {
        let m = Measure::new(p);
        let a = p.text.find(text).unwrap();
        m.width(a..a + text.len())
    }

    #[test]
    fn breaks_after_spaces_by_measured_width() {
        let p = para("one two three four");
        let w = width(&p, "one two").max(width(&p, "three four"));
        assert!(width(&p, "one two three") > w);
        assert_eq!(lines_of(&p, w), ["one two", "three four"]);
        // Narrower than "one two": "two" moves down.
        let w = width(&p, "one two") - 0.1;
        assert_eq!(lines_of(&p, w), ["one", "two", "three", "four"]);
        // Wide enough: one line.
        assert_eq!(lines_of(&p, 1000.0), ["one two three four"]);
    }

    #[test]
    fn trailing_and_leading_spaces_do_not_count() {
        let p = para("  one   two  ");
        let w = width(&p, "one");
        assert_eq!(lines_of(&p, w), ["one", "two"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_between_clusters() {
        let p = para("abcdefghij");
        let w = width(&p, "abcd");
        let lines = lines_of(&p, w);
        assert_eq!(lines.concat(), "abcdefghij");
        assert_eq!(lines[0], "abcd");
        assert!(lines.len() >= 3);
        // Even narrower than one letter: one cluster per line, never stuck.
        assert_eq!(lines_of(&p, 0.1).len(), 10);
    }

    #[test]
    fn arabic_lines_break_too() {
        let p = para("عرض سعر رقم واحد");
        let w = width(&p, "عرض سعر");
        assert_eq!(lines_of(&p, w), ["عرض سعر", "رقم واحد"]);
    }

    #[test]
    fn empty_paragraph_is_one_empty_line() {
        let p = para("");
        assert_eq!(lines_of(&p, 100.0), [""]);
    }

    /// The logical text of a line's glyphs, read in visual order (left to right).
    fn visual(p: &ShapedPara, line: &Line) -> Vec<String> {
        line.glyphs
            .iter()
            .map(|g| p.text[g.text.start as usize..g.text.end as usize].to_string())
            .filter(|s| !s.is_empty() && s != " ")
            .collect()
    }

    #[test]
    fn right_to_left_line_order() {
        let p = para("رقم QTN-7 بتاريخ 2026-11-23");
        let line = visual_line(&p, 0..p.text.len(), 0);
        let v = visual(&p, &line).concat();
        // Left to right on the page: the date (digits in order), then the Arabic word
        // reversed, then the Latin code as is, then the first Arabic word.
        assert_eq!(v, "2026-11-23خيرات\u{0628}QTN-7مقر");
    }

    #[test]
    fn left_to_right_paragraph_with_arabic_inside() {
        let p = para("Offer عرض 12 days");
        let line = visual_line(&p, 0..p.text.len(), 0);
        // The number after the Arabic word belongs with it (rule W2), so it reads
        // "Offer 12 ضرع days" on the page.
        assert_eq!(visual(&p, &line).concat(), "Offer12ضرعdays");
    }

    #[test]
    fn layout_aligns_in_the_paragraph_direction() {
        let fonts = &Shaper::new(Fonts::get().unwrap());
        let style = TextStyle::new(10.0);
        let ar = layout(fonts, "مرحبا", &style, 100.0, false, Digits::Latin);
        let en = layout(fonts, "Hello", &style, 100.0, true, Digits::Latin);
        let box_w = 100.0 * PT_PER_MM;
        let l = &ar.lines[0];
        assert!(
            (l.x + l.width - box_w).abs() < 1e-6,
            "Arabic starts at the right"
        );
        assert_eq!(en.lines[0].x, 0.0, "English starts at the left");
        let centred = layout(
            fonts,
            "Hello",
            &style.clone().align(Align::Center),
            100.0,
            true,
            Digits::Latin,
        );
        let c = &centred.lines[0];
        assert!((c.x - (box_w - c.width) / 2.0).abs() < 1e-6);
        let end = layout(
            fonts,
            "مرحبا",
            &style.align(Align::End),
            100.0,
            true,
            Digits::Latin,
        );
        assert_eq!(end.lines[0].x, 0.0, "the end of an Arabic line is its left");
        // Two paragraphs, two lines.
        let two = layout(
            fonts,
            "سطر\nline",
            &TextStyle::new(10.0),
            100.0,
            true,
            Digits::Latin,
        );
        assert_eq!(two.line_count(), 2);
        assert!((two.height() - 2.0 * 15.0 / PT_PER_MM).abs() < 1e-9);
    }
}
