//! A document: pages in flow (paragraphs, blocks and tables go down the page and onto
//! new pages), a header and footer drawn on every page once the page count is known.

use printpdf::{Mm, Op, PdfPage, PdfSaveOptions};

use super::canvas::{Canvas, Resources};
use super::fonts::Fonts;
use super::layout::{layout, TextBlock};
use super::shape::to_arabic_indic;
use super::{Color, Digits, Dir, TextStyle};
use crate::{Error, Locale, Result};

/// Page size, margins and the document's defaults. Millimetres.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSetup {
    pub width: f64,
    pub height: f64,
    pub margin_top: f64,
    pub margin_bottom: f64,
    pub margin_left: f64,
    pub margin_right: f64,
    /// The direction of text that has no letters (numbers alone) and of tables.
    /// `Auto` counts as right-to-left.
    pub dir: Dir,
    /// How numbers are written unless a style says otherwise.
    pub digits: Digits,
    /// The PDF's title (shown by viewers).
    pub title: String,
}

impl PageSetup {
    /// A4 portrait, 18 mm margins left and right, 20 mm top and bottom, right-to-left.
    pub fn a4() -> Self {
        PageSetup {
            width: 210.0,
            height: 297.0,
            margin_top: 20.0,
            margin_bottom: 20.0,
            margin_left: 18.0,
            margin_right: 18.0,
            dir: Dir::Rtl,
            digits: Digits::Latin,
            title: String::new(),
        }
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    pub fn dir(mut self, dir: Dir) -> Self {
        self.dir = dir;
        self
    }

    pub fn digits(mut self, digits: Digits) -> Self {
        self.digits = digits;
        self
    }

    /// All four margins: top, right, bottom, left (as in CSS).
    pub fn margins(mut self, top: f64, right: f64, bottom: f64, left: f64) -> Self {
        (
            self.margin_top,
            self.margin_right,
            self.margin_bottom,
            self.margin_left,
        ) = (top, right, bottom, left);
        self
    }

    pub(crate) fn rtl(&self) -> bool {
        self.dir != Dir::Ltr
    }

    /// The area between the margins.
    pub fn content(&self) -> Rect {
        Rect {
            x: self.margin_left,
            y: self.margin_top,
            w: self.width - self.margin_left - self.margin_right,
            h: self.height - self.margin_top - self.margin_bottom,
        }
    }
}

/// A box on the page, in millimetres from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Which page a header or footer is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// From 1.
    pub number: usize,
    pub total: usize,
}

impl PageInfo {
    /// "Page 1 of 3", or «صفحة ١ من ٣» with Arabic-Indic digits.
    pub fn label(&self, locale: Locale) -> String {
        let digits = match locale {
            Locale::Ar => Digits::ArabicIndic,
            Locale::En => Digits::Latin,
        };
        self.label_with(locale, digits)
    }

    /// The label in `locale` with the digits asked for.
    pub fn label_with(&self, locale: Locale, digits: Digits) -> String {
        let s = match locale {
            Locale::Ar => format!("صفحة {} من {}", self.number, self.total),
            Locale::En => format!("Page {} of {}", self.number, self.total),
        };
        match digits {
            Digits::Latin => s,
            Digits::ArabicIndic => to_arabic_indic(&s),
        }
    }
}

type PageDecor<'a> = Box<dyn Fn(&mut Canvas, &PageInfo) + 'a>;

/// A document being written. Content flows from the top margin down; whatever does not
/// fit on the page goes on to the next. Finish with [`Document::finish`].
pub struct Document<'a> {
    pub(crate) setup: PageSetup,
    pub(crate) res: Resources,
    pages: Vec<Vec<Op>>,
    pub(crate) page: Vec<Op>,
    /// The flow's position: millimetres from the top of the current page.
    pub(crate) y: f64,
    header: Option<PageDecor<'a>>,
    footer: Option<PageDecor<'a>>,
}

impl<'a> Document<'a> {
    pub fn new(setup: PageSetup) -> Result<Self> {
        let fonts = Fonts::get()?;
        let mut res = Resources::new(&setup.title, fonts);
        let info = &mut res.pdf.metadata.info;
        info.creation_date = printpdf::OffsetDateTime::now_utc();
        info.modification_date = info.creation_date;
        info.producer = "Maarid".to_string();
        info.creator = "Maarid".to_string();
        Ok(Document {
            y: setup.margin_top,
            setup,
            res,
            pages: Vec::new(),
            page: Vec::new(),
            header: None,
            footer: None,
        })
    }

    pub fn setup(&self) -> &PageSetup {
        &self.setup
    }

    /// Draws `f` on every page, when the document is finished (so `PageInfo::total` is
    /// known). Headers and footers live in the margins: the flow never goes there.
    pub fn header(&mut self, f: impl Fn(&mut Canvas, &PageInfo) + 'a) {
        self.header = Some(Box::new(f));
    }

    /// See [`Document::header`].
    pub fn footer(&mut self, f: impl Fn(&mut Canvas, &PageInfo) + 'a) {
        self.footer = Some(Box::new(f));
    }

    /// Where the flow is: millimetres from the top of the current page.
    pub fn cursor(&self) -> f64 {
        self.y
    }

    /// Millimetres left above the bottom margin.
    pub fn remaining(&self) -> f64 {
        self.bottom() - self.y
    }

    /// Pages so far (the current one included).
    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }

    pub(crate) fn bottom(&self) -> f64 {
        self.setup.height - self.setup.margin_bottom
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.setup.margin_top + 1e-9
    }

    /// Lays text out for a box `width` wide, to measure it before drawing.
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

    /// The current page, to draw on at absolute positions (the flow does not move).
    pub fn canvas(&mut self) -> Canvas<'_> {
        Canvas {
            ops: &mut self.page,
            res: &mut self.res,
            setup: &self.setup,
        }
    }

    /// Starts a new page; the flow continues at its top margin.
    pub fn page_break(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = self.setup.margin_top;
    }

    /// Moves to a new page unless `height` millimetres fit below the flow (or the page
    /// is still empty, when nothing would be gained).
    pub fn ensure(&mut self, height: f64) {
        if self.y + height > self.bottom() + 1e-9 && !self.at_page_top() {
            self.page_break();
        }
    }

    /// Leaves `height` millimetres empty (never carried over to the next page).
    pub fn space(&mut self, height: f64) {
        self.y = (self.y + height).min(self.bottom());
    }

    /// A paragraph across the content width. Lines that do not fit go on the next page.
    pub fn paragraph(&mut self, text: &str, style: &TextStyle) {
        let c = self.setup.content();
        let block = self.layout(text, style, c.w);
        let pitch = block.line_height();
        let mut i = 0;
        while i < block.line_count() {
            self.ensure(pitch);
            let fit = ((self.remaining() + 1e-9) / pitch).floor().max(1.0) as usize;
            let n = fit.min(block.line_count() - i);
            let y = self.y;
            self.canvas().block_lines(&block, i..i + n, c.x, y);
            self.y += n as f64 * pitch;
            i += n;
        }
    }

    /// A horizontal line across the content width, `width` points thick.
    pub fn rule(&mut self, color: Color, width: f64) {
        let c = self.setup.content();
        let y = self.y;
        self.canvas().line(c.x, y, c.right(), y, color, width);
    }

    /// Reserves `height` millimetres across the content width (on a new page if they
    /// do not fit) and lets `draw` fill them: a letterhead, a totals box, a signature.
    pub fn block(&mut self, height: f64, draw: impl FnOnce(&mut Canvas, Rect)) {
        self.ensure(height);
        let c = self.setup.content();
        let area = Rect {
            x: c.x,
            y: self.y,
            w: c.w,
            h: height,
        };
        draw(&mut self.canvas(), area);
        self.y += height;
    }

    /// Draws the headers and footers and writes the PDF.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        let mut pages = std::mem::take(&mut self.pages);
        pages.push(std::mem::take(&mut self.page));
        let total = pages.len();
        for (i, ops) in pages.iter_mut().enumerate() {
            let info = PageInfo {
                number: i + 1,
                total,
            };
            let mut canvas = Canvas {
                ops,
                res: &mut self.res,
                setup: &self.setup,
            };
            if let Some(h) = &self.header {
                h(&mut canvas, &info);
            }
            if let Some(f) = &self.footer {
                f(&mut canvas, &info);
            }
        }
        if let Some(e) = self.res.error.take() {
            return Err(e);
        }
        let (w, h) = (Mm(self.setup.width as f32), Mm(self.setup.height as f32));
        let pages = pages
            .into_iter()
            .map(|ops| PdfPage::new(w, h, ops))
            .collect();
        self.res.pdf.with_pages(pages);
        let opts = PdfSaveOptions {
            // printpdf would compress every stream at zlib's slowest level, a fifth of
            // the whole render; the default level gives nearly the same size.
            optimize: false,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut pdf = self.res.pdf.to_lopdf_document(&opts, &mut warnings);
        for w in &warnings {
            tracing::debug!(?w, "pdf");
        }
        for object in pdf.objects.values_mut() {
            if let lopdf::Object::Stream(stream) = object {
                compress(stream)?;
            }
        }
        let mut bytes = Vec::new();
        pdf.save_to(&mut bytes)
            .map_err(|e| Error::Internal(format!("writing the PDF: {e}")))?;
        Ok(bytes)
    }
}

/// Deflates a stream that is not compressed yet (images and QR codes come compressed).
fn compress(stream: &mut lopdf::Stream) -> Result<()> {
    use std::io::Write;
    if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
        return Ok(());
    }
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let packed = e
        .write_all(&stream.content)
        .and_then(|_| e.finish())
        .map_err(|e| Error::Internal(format!("compressing the PDF: {e}")))?;
    if packed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_labels() {
        let p = PageInfo {
            number: 1,
            total: 3,
        };
        assert_eq!(p.label(Locale::Ar), "صفحة ١ من ٣");
        assert_eq!(p.label(Locale::En), "Page 1 of 3");
        assert_eq!(p.label_with(Locale::Ar, Digits::Latin), "صفحة 1 من 3");
    }

    #[test]
    fn paragraphs_flow_onto_new_pages() {
        let mut doc = Document::new(PageSetup::a4()).unwrap();
        let style = TextStyle::new(12.0);
        let pitch = doc.layout("x", &style, 100.0).line_height();
        let per_page = (doc.setup().content().h / pitch).floor() as usize;
        let text = vec!["سطر"; per_page + 3].join("\n");
        doc.paragraph(&text, &style);
        assert_eq!(doc.page_count(), 2);
        assert!((doc.cursor() - (20.0 + 3.0 * pitch)).abs() < 1e-9);
        // A block that does not fit goes to the next page whole.
        doc.space(doc.remaining() - 10.0);
        doc.block(30.0, |_, area| assert_eq!(area.y, 20.0));
        assert_eq!(doc.page_count(), 3);
        let pdf = doc.finish().unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
