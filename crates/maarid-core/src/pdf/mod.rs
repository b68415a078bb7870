//! PDF printing that sets Arabic like a typesetter: joined letters, right-to-left lines,
//! numbers and dates in their right order, fonts embedded once and subset, text that
//! copies out in logical order.
//!
//! How text gets on the page: each paragraph is split into bidi runs (`unicode-bidi`,
//! numbers wrapped in directional isolates), every run is set in the font for its script
//! (Noto Naskh Arabic or Noto Sans, falling back to the other for a missing glyph),
//! shaped with `rustybuzz`, broken into lines by measured advance, ordered visually and
//! written to the PDF as glyph ids by printpdf, each glyph carrying the text it stands
//! for (the ToUnicode map that makes the text copyable).
//!
//! Geometry is in millimetres from the page's top-left corner, y growing downwards; font
//! sizes are in points. `f64` is used for geometry only: money reaches this module as
//! text already formatted by the caller.
//!
//! ```
//! use maarid_core::pdf::{Align, Document, PageSetup, TextStyle};
//! let mut doc = Document::new(PageSetup::a4())?;
//! doc.paragraph("عرض سعر رقم QTN-2026-00012", &TextStyle::new(14.0).bold());
//! doc.footer(|page, info| {
//!     let style = TextStyle::new(8.0).align(Align::Center);
//!     page.text(&info.label(maarid_core::Locale::Ar), &style, 20.0, 285.0, 170.0);
//! });
//! let pdf: Vec<u8> = doc.finish()?;
//! # Ok::<(), maarid_core::Error>(())
//! ```

mod canvas;
mod doc;
mod fonts;
mod image;
mod layout;
mod qr;
mod shape;
mod table;

pub use canvas::Canvas;
pub use doc::{Document, PageInfo, PageSetup, Rect};
pub use image::Image;
pub use layout::TextBlock;
pub use shape::{isolate_ltr, to_arabic_indic};
pub use table::{Column, ColumnWidth, Table, TableStyle};

/// Millimetres to PDF points.
pub(crate) const PT_PER_MM: f64 = 72.0 / 25.4;

/// The base direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dir {
    /// From the first strong character (Arabic → right-to-left, Latin → left-to-right);
    /// text with none (only digits, say) takes the document's direction.
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// Horizontal alignment. `Start` and `End` follow the paragraph's direction (`Start` is
/// the right edge of an Arabic paragraph); `Left` and `Right` do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Start,
    End,
    Center,
    Left,
    Right,
}

impl Align {
    /// Where the line goes for a paragraph of the given direction: 0 left, 1 centre, 2 right.
    pub(crate) fn resolve(self, rtl: bool) -> Align {
        match (self, rtl) {
            (Align::Start, false) | (Align::End, true) | (Align::Left, _) => Align::Left,
            (Align::Start, true) | (Align::End, false) | (Align::Right, _) => Align::Right,
            (Align::Center, _) => Align::Center,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Weight {
    #[default]
    Regular,
    Bold,
}

/// How numbers are written. Only digits in numbers are converted (`2026-11-23`,
/// `1,250.50`), never digits inside a code that contains letters (`QTN-2026-00012`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    /// 0123456789
    #[default]
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩, with the Arabic decimal and thousands separators (٫ ٬).
    ArabicIndic,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const BLACK: Color = Color::rgb(0, 0, 0);
    pub const WHITE: Color = Color::rgb(255, 255, 255);
    pub const GREY: Color = Color::rgb(0x80, 0x80, 0x80);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b }
    }

    /// `#1f4e79` or `1f4e79`; `None` for anything else.
    pub fn hex(s: &str) -> Option<Self> {
        let h = s.strip_prefix('#').unwrap_or(s);
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Color::rgb(c(0)?, c(2)?, c(4)?))
    }

    pub(crate) fn to_pdf(self) -> printpdf::Color {
        let f = |v: u8| f32::from(v) / 255.0;
        printpdf::Color::Rgb(printpdf::Rgb {
            r: f(self.r),
            g: f(self.g),
            b: f(self.b),
            icc_profile: None,
        })
    }
}

/// How a piece of text looks and runs.
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f64,
    pub weight: Weight,
    pub color: Color,
    pub dir: Dir,
    pub align: Align,
    /// `None`: the document's setting ([`PageSetup::digits`]).
    pub digits: Option<Digits>,
    /// Distance between baselines, as a multiple of the size.
    pub line_height: f64,
}

impl TextStyle {
    /// Regular black text of `size` points, direction from the text, aligned to its start.
    pub fn new(size: f64) -> Self {
        TextStyle {
            size,
            weight: Weight::Regular,
            color: Color::BLACK,
            dir: Dir::Auto,
            align: Align::Start,
            digits: None,
            line_height: 1.5,
        }
    }

    pub fn bold(mut self) -> Self {
        self.weight = Weight::Bold;
        self
    }

    pub fn weight(mut self, weight: Weight) -> Self {
        self.weight = weight;
        self
    }

    pub fn color(mut self, color: Color) -> Self {
        self.color = color;
        self
    }

    pub fn dir(mut self, dir: Dir) -> Self {
        self.dir = dir;
        self
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    pub fn digits(mut self, digits: Digits) -> Self {
        self.digits = Some(digits);
        self
    }

    pub fn line_height(mut self, factor: f64) -> Self {
        self.line_height = factor;
        self
    }
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle::new(10.0)
    }
}
