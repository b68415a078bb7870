//! Drawing at absolute positions on one page: text, boxes, lines, images, QR codes.

use std::collections::HashMap;

use printpdf::{
    Codepoint, CurTransMat, ExtendedGraphicsState, ExtendedGraphicsStateId, FontId,
    Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, Point, Pt, TextItem,
    TextMatrix, XObjectId,
};

use super::doc::PageSetup;
use super::fonts::{FaceId, Fonts};
use super::image::Image;
use super::layout::{layout, TextBlock};
use super::shape::Shaper;
use super::{Color, TextStyle, PT_PER_MM};
use crate::{Error, Result};

/// One embedded copy of a face, and the text each of its glyphs stands for.
///
/// A PDF font maps each glyph to one text (its ToUnicode map), but a glyph may stand for
/// different text in different places: the same bracket glyph is `(` in English and the
/// mirrored `)` in Arabic, a letter's glyph carries a mark above it in one word and not
/// in the next. When a glyph is needed with new text, the face is embedded once more
/// (each copy subset to the glyphs it draws), so copied text is always right.
struct Slot {
    id: FontId,
    texts: HashMap<u16, Box<str>>,
}

/// What a document shares between its pages: the fonts and images it has embedded.
pub(crate) struct Resources {
    pub pdf: PdfDocument,
    pub fonts: &'static Fonts,
    pub shaper: Shaper,
    slots: [Vec<Slot>; 4],
    images: HashMap<u64, XObjectId>,
    /// Graphics states with a constant opacity, by the opacity's bits.
    alphas: HashMap<u32, ExtendedGraphicsStateId>,
    /// The first failure while drawing (reported by `finish`).
    pub error: Option<Error>,
}

impl Resources {
    pub(crate) fn new(title: &str, fonts: &'static Fonts) -> Self {
        Resources {
            pdf: PdfDocument::new(title),
            fonts,
            shaper: Shaper::new(fonts),
            slots: Default::default(),
            images: HashMap::new(),
            alphas: HashMap::new(),
            error: None,
        }
    }

    /// The embedded copy of `face` in which `gid` stands for `text` (its index and id),
    /// embedding the face (again) when needed.
    fn font(&mut self, face: FaceId, gid: u16, text: &str) -> Option<(usize, FontId)> {
        let slots = &mut self.slots[face.index()];
        for (k, slot) in slots.iter_mut().enumerate() {
            match slot.texts.get(&gid) {
                Some(t) if &**t == text => return Some((k, slot.id.clone())),
                Some(_) => continue,
                None => {
                    slot.texts.insert(gid, text.into());
                    return Some((k, slot.id.clone()));
                }
            }
        }
        match self.fonts.face(face).embeddable() {
            Ok(parsed) => {
                let id = self.pdf.add_font(parsed);
                let slots = &mut self.slots[face.index()];
                slots.push(Slot {
                    id: id.clone(),
                    texts: HashMap::from([(gid, text.into())]),
                });
                Some((slots.len() - 1, id))
            }
            Err(e) => {
                self.error.get_or_insert(e);
                None
            }
        }
    }

    /// A graphics state that paints fills and strokes with `opacity` (0–1).
    fn alpha(&mut self, opacity: f32) -> ExtendedGraphicsStateId {
        let pdf = &mut self.pdf;
        self.alphas
            .entry(opacity.to_bits())
            .or_insert_with(|| {
                pdf.add_graphics_state(
                    ExtendedGraphicsState::default()
                        .with_current_fill_alpha(opacity)
                        .with_current_stroke_alpha(opacity),
                )
            })
            .clone()
    }

    fn image(&mut self, image: &Image) -> XObjectId {
        if let Some(id) = self.images.get(&image.id()) {
            return id.clone();
        }
        let id = image.register(&mut self.pdf);
        self.images.insert(image.id(), id.clone());
        id
    }
}

/// One page to draw on. Positions and sizes are in millimetres from the page's top-left
/// corner; line widths in points.
pub struct Canvas<'a> {
    pub(crate) ops: &'a mut Vec<Op>,
    pub(crate) res: &'a mut Resources,
    pub(crate) setup: &'a PageSetup,
}

/// The text a glyph's ToUnicode entry gives. Text extractors (poppler, pdf.js) read a
/// right-to-left line in visual order and reverse it character by character, which
/// would turn a glyph's "مً" (letter and mark) or "لا" (ligature) into "ًم" or "ال":
/// such multi-character texts are written reversed, so they come out in order.
fn glyph_text(text: &str, rtl: bool) -> String {
    if rtl && text.chars().nth(1).is_some() {
        text.chars().rev().collect()
    } else {
        text.to_string()
    }
}

fn pt(mm: f64) -> Pt {
    Pt((mm * PT_PER_MM) as f32)
}

impl Canvas<'_> {
    /// The page's setup (size, margins, direction).
    pub fn setup(&self) -> &PageSetup {
        self.setup
    }

    /// PDF y (points from the bottom) of a distance from the top in millimetres.
    fn y(&self, mm_from_top: f64) -> Pt {
        Pt(((self.setup.height - mm_from_top) * PT_PER_MM) as f32)
    }

    /// Lays text out for a box `width` wide (see [`TextBlock`]).
    pub fn layout(&self, text: &str, style: &TextStyle, width: f64) -> TextBlock {
        layout(
            &self.res.shaper,
            text,
            style,
            width,
            self.setup.rtl(),
            self.setup.digits,
        )
    }

    /// Writes `text` in a box `width` wide whose top-left corner is (`x`, `y`), wrapping
    /// and aligning it. Returns the height used.
    pub fn text(&mut self, text: &str, style: &TextStyle, x: f64, y: f64, width: f64) -> f64 {
        let block = self.layout(text, style, width);
        self.block(&block, x, y);
        block.height()
    }

    /// Draws laid-out text with the top-left corner of its box at (`x`, `y`).
    pub fn block(&mut self, block: &TextBlock, x: f64, y: f64) {
        self.block_lines(block, 0..block.lines.len(), x, y);
    }

    /// Draws some lines of a block, the first of them at `y`.
    pub(crate) fn block_lines(
        &mut self,
        block: &TextBlock,
        lines: std::ops::Range<usize>,
        x: f64,
        y: f64,
    ) {
        if block.lines[lines.clone()]
            .iter()
            .all(|l| l.glyphs.is_empty())
        {
            return;
        }
        let left = x * PT_PER_MM;
        let top = (self.setup.height - y) * PT_PER_MM;
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor {
            col: block.color.to_pdf(),
        });
        let size = block.size;
        let mut current: Option<(FaceId, usize)> = None;
        // A run of glyphs shown by one TJ: where it starts, its glyphs, and where the
        // viewer's pen stands after the last one (it advances by the font's widths).
        let mut run: Vec<Codepoint> = Vec::new();
        let (mut run_x, mut run_y, mut pen) = (0.0, 0.0, 0.0);
        for (k, line) in block.lines[lines].iter().enumerate() {
            let baseline = top - block.first_baseline - k as f64 * block.line_pitch;
            for g in &line.glyphs {
                let para = &block.paras[g.para as usize];
                let text = glyph_text(&para[g.text.start as usize..g.text.end as usize], g.rtl);
                let Some((slot, id)) = self.res.font(g.face, g.gid, &text) else {
                    continue;
                };
                let (x, y) = (left + line.x + g.x, baseline + g.dy);
                let key = Some((g.face, slot));
                // A glyph off the baseline (a mark), a new line or a new font ends the run.
                if !run.is_empty() && (key != current || y != run_y) {
                    self.show(&mut run, run_x, run_y);
                }
                if current != key {
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id),
                        size: Pt(size as f32),
                    });
                    current = key;
                }
                if run.is_empty() {
                    (run_x, run_y, pen) = (x, y, x);
                } else {
                    // Move the pen from where the widths put it to where shaping did
                    // (kerning, marks' neighbours): a TJ number, in thousandths of an em.
                    let adjust = ((pen - x) * 1000.0 / size * 100.0).round() / 100.0;
                    if adjust != 0.0 {
                        if let Some(last) = run.last_mut() {
                            last.offset = adjust as f32;
                        }
                        pen -= adjust * size / 1000.0;
                    }
                }
                run.push(Codepoint {
                    gid: g.gid,
                    offset: 0.0,
                    cid: Some(text),
                });
                pen += self.res.fonts.face(g.face).pdf_width(g.gid) * size / 1000.0;
            }
        }
        self.show(&mut run, run_x, run_y);
        self.ops.push(Op::EndTextSection);
    }

    /// Shows a run of glyphs from (`x`, `y`) in points, and empties it.
    fn show(&mut self, run: &mut Vec<Codepoint>, x: f64, y: f64) {
        if run.is_empty() {
            return;
        }
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x as f32), Pt(y as f32)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(std::mem::take(run))],
        });
    }

    /// Outlines of several rectangles (`(x, y, w, h)` in mm) in one colour and width.
    pub(crate) fn stroke_rects(
        &mut self,
        rects: &[(f64, f64, f64, f64)],
        color: Color,
        width: f64,
    ) {
        if rects.is_empty() {
            return;
        }
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor {
            col: color.to_pdf(),
        });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(width as f32),
        });
        for &(x, y, w, h) in rects {
            self.ops.push(Op::DrawRectangle {
                rectangle: printpdf::Rect {
                    x: pt(x),
                    y: self.y(y + h),
                    width: pt(w),
                    height: pt(h),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            });
        }
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A rectangle, filled and/or outlined (`stroke`: colour and line width in points).
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Option<Color>,
        stroke: Option<(Color, f64)>,
    ) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        self.ops.push(Op::SaveGraphicsState);
        if let Some(c) = fill {
            self.ops.push(Op::SetFillColor { col: c.to_pdf() });
        }
        if let Some((c, width)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: c.to_pdf() });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(width as f32),
            });
        }
        self.ops.push(Op::DrawRectangle {
            rectangle: printpdf::Rect {
                x: pt(x),
                y: self.y(y + h),
                width: pt(w),
                height: pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A straight line from (`x1`, `y1`) to (`x2`, `y2`), `width` points thick.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, color: Color, width: f64) {
        let p = |x: f64, y: f64| LinePoint {
            p: Point {
                x: pt(x),
                y: self.y(y),
            },
            bezier: false,
        };
        let points = vec![p(x1, y1), p(x2, y2)];
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor {
            col: color.to_pdf(),
        });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(width as f32),
        });
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points,
                is_closed: false,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Draws `image` as large as fits in the box (`x`, `y`, `w`, `h`) without distorting
    /// it, centred in the box. The image is embedded once however often it is drawn.
    pub fn image(&mut self, image: &Image, x: f64, y: f64, w: f64, h: f64) {
        let (iw, ih) = image.size();
        if iw == 0 || ih == 0 || w <= 0.0 || h <= 0.0 {
            return;
        }
        let aspect = iw as f64 / ih as f64;
        let (dw, dh) = if w / h > aspect {
            (h * aspect, h)
        } else {
            (w, w / aspect)
        };
        let (dx, dy) = (x + (w - dw) / 2.0, y + (h - dh) / 2.0);
        let id = self.res.image(image);
        // An image XObject fills the unit square: scale it to the box, then place it.
        self.ops.push(Op::UseXobject {
            id,
            transform: printpdf::XObjectTransform {
                translate_x: Some(pt(dx)),
                translate_y: Some(self.y(dy + dh)),
                scale_x: Some((dw * PT_PER_MM) as f32),
                scale_y: Some((dh * PT_PER_MM) as f32),
                no_auto_scale: true,
                ..Default::default()
            },
        });
    }

    /// Draws what `f` draws turned `degrees` anticlockwise about the point (`cx`, `cy`)
    /// (millimetres from the top-left corner): a mark across the page, a label up a
    /// margin. Positions inside `f` are as on the unturned page.
    pub fn rotated(&mut self, degrees: f64, cx: f64, cy: f64, f: impl FnOnce(&mut Self)) {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let (px, py) = (cx * PT_PER_MM, f64::from(self.y(cy).0));
        // Translate the point to the origin, turn, translate back.
        let m = [
            cos,
            sin,
            -sin,
            cos,
            px - px * cos + py * sin,
            py - px * sin - py * cos,
        ]
        .map(|v| v as f32);
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw(m),
        });
        f(self);
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Draws what `f` draws see-through: `opacity` from 0 (invisible) to 1 (opaque), for
    /// text, fills and lines alike. A watermark over the content stays readable under it.
    pub fn translucent(&mut self, opacity: f64, f: impl FnOnce(&mut Self)) {
        let gs = self.res.alpha(opacity.clamp(0.0, 1.0) as f32);
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::LoadGraphicsState { gs });
        f(self);
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A QR code for `data`, `size` millimetres square with its top-left corner at
    /// (`x`, `y`). The square includes the code's quiet zone (four modules each side),
    /// so nothing else should be drawn inside it.
    pub fn qr(&mut self, data: &str, x: f64, y: f64, size: f64) -> Result<()> {
        let (form, modules) = super::qr::form(data)?;
        let id = self.res.pdf.add_xobject(&form);
        // The form is drawn in module units, origin bottom-left: scale, then place.
        let scale = size * PT_PER_MM / modules as f64;
        self.ops.push(Op::UseXobject {
            id,
            transform: printpdf::XObjectTransform {
                translate_x: Some(pt(x)),
                translate_y: Some(self.y(y + size)),
                scale_x: Some(scale as f32),
                scale_y: Some(scale as f32),
                no_auto_scale: true,
                ..Default::default()
            },
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::{Document, PageSetup, TextStyle};
    use printpdf::{CurTransMat, Op};

    #[test]
    fn rotated_wraps_drawing_in_a_turn_about_the_point() {
        let mut doc = Document::new(PageSetup::a4()).unwrap();
        let mut canvas = doc.canvas();
        canvas.rotated(90.0, 105.0, 148.5, |c| {
            c.text("مسودة", &TextStyle::new(40.0), 50.0, 140.0, 110.0);
        });
        let ops = &doc.page;
        assert!(matches!(ops.first(), Some(Op::SaveGraphicsState)));
        assert!(matches!(ops.last(), Some(Op::RestoreGraphicsState)));
        let Some(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw(m),
        }) = ops.get(1)
        else {
            panic!("no matrix: {:?}", ops.get(1));
        };
        // A quarter turn: (cos, sin, -sin, cos) = (0, 1, -1, 0), and the centre stays
        // where it is: M·(px, py) = (px, py).
        let (px, py) = (105.0 * 72.0 / 25.4, (297.0 - 148.5) * 72.0 / 25.4);
        let close = |a: f32, b: f64| (f64::from(a) - b).abs() < 0.01;
        assert!(close(m[0], 0.0) && close(m[1], 1.0) && close(m[2], -1.0) && close(m[3], 0.0));
        let mapped = (
            f64::from(m[0]) * px + f64::from(m[2]) * py + f64::from(m[4]),
            f64::from(m[1]) * px + f64::from(m[3]) * py + f64::from(m[5]),
        );
        assert!(
            close(mapped.0 as f32, px) && close(mapped.1 as f32, py),
            "{mapped:?}"
        );
        assert!(ops.iter().any(|o| matches!(o, Op::ShowText { .. })));
    }

    #[test]
    fn translucent_states_are_shared_by_opacity() {
        let mut doc = Document::new(PageSetup::a4()).unwrap();
        let mut ids = Vec::new();
        for opacity in [0.2, 0.2, 0.5] {
            doc.canvas().translucent(opacity, |c| {
                c.rect(10.0, 10.0, 20.0, 20.0, Some(crate::pdf::Color::BLACK), None)
            });
        }
        for op in &doc.page {
            if let Op::LoadGraphicsState { gs } = op {
                ids.push(gs.clone());
            }
        }
        assert_eq!(ids.len(), 3);
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[2]);
        let pdf = doc.finish().unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.contains("/ca 0.2") || text.contains("/ca 0.200"),
            "fill alpha"
        );
    }
}
