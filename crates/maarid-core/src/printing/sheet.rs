//! A piece of a page laid out before it is drawn: text blocks, fills, lines, an image
//! and a QR code at positions relative to the piece's top-left corner, and its height.
//! The flow needs a block's height before it can place it (or move it to the next
//! page), so each part of a document is measured into a `Sheet` and then drawn.

use crate::pdf::{Canvas, Color, Image, TextBlock, PT_PER_MM};
use crate::Result;

enum Item {
    Text(TextBlock, f64, f64),
    Fill(f64, f64, f64, f64, Color),
    Frame(f64, f64, f64, f64, Color, f64),
    Line(f64, f64, f64, f64, Color, f64),
    Image(Image, f64, f64, f64, f64),
    Qr(String, f64, f64, f64),
}

#[derive(Default)]
pub(crate) struct Sheet {
    items: Vec<Item>,
    /// Millimetres.
    pub height: f64,
}

impl Sheet {
    pub fn new() -> Self {
        Sheet::default()
    }

    /// Places a text block with its box's top-left corner at (`x`, `y`); returns its
    /// height and grows the sheet to hold it.
    pub fn text(&mut self, block: TextBlock, x: f64, y: f64) -> f64 {
        let h = block.height();
        self.grow(y + h);
        self.items.push(Item::Text(block, x, y));
        h
    }

    /// Places `block` so that its first baseline sits on `other`'s, both boxes'
    /// tops being at `y` otherwise: a small label beside a larger value.
    pub fn text_on_baseline_of(
        &mut self,
        block: TextBlock,
        other: &TextBlock,
        x: f64,
        y: f64,
    ) -> f64 {
        let dy = (other.first_baseline - block.first_baseline) / PT_PER_MM;
        self.text(block, x, y + dy) + dy
    }

    pub fn fill(&mut self, x: f64, y: f64, w: f64, h: f64, color: Color) {
        self.grow(y + h);
        self.items.push(Item::Fill(x, y, w, h, color));
    }

    /// An outlined rectangle, `width` points thick.
    pub fn frame(&mut self, x: f64, y: f64, w: f64, h: f64, color: Color, width: f64) {
        self.grow(y + h);
        self.items.push(Item::Frame(x, y, w, h, color, width));
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, color: Color, width: f64) {
        self.grow(y1.max(y2));
        self.items.push(Item::Line(x1, y1, x2, y2, color, width));
    }

    pub fn image(&mut self, image: Image, x: f64, y: f64, w: f64, h: f64) {
        self.grow(y + h);
        self.items.push(Item::Image(image, x, y, w, h));
    }

    pub fn qr(&mut self, data: String, x: f64, y: f64, size: f64) {
        self.grow(y + size);
        self.items.push(Item::Qr(data, x, y, size));
    }

    /// Moves everything of `other` into this sheet, its top-left corner at (`x`, `y`).
    pub fn append(&mut self, other: Sheet, x: f64, y: f64) {
        self.grow(y + other.height);
        self.items
            .extend(other.items.into_iter().map(|item| match item {
                Item::Text(b, dx, dy) => Item::Text(b, x + dx, y + dy),
                Item::Fill(dx, dy, w, h, c) => Item::Fill(x + dx, y + dy, w, h, c),
                Item::Frame(dx, dy, w, h, c, t) => Item::Frame(x + dx, y + dy, w, h, c, t),
                Item::Line(x1, y1, x2, y2, c, t) => {
                    Item::Line(x + x1, y + y1, x + x2, y + y2, c, t)
                }
                Item::Image(i, dx, dy, w, h) => Item::Image(i, x + dx, y + dy, w, h),
                Item::Qr(d, dx, dy, s) => Item::Qr(d, x + dx, y + dy, s),
            }));
    }

    fn grow(&mut self, bottom: f64) {
        self.height = self.height.max(bottom);
    }

    /// Draws everything with the sheet's top-left corner at (`x`, `y`), in the order
    /// it was placed.
    pub fn draw(&self, c: &mut Canvas, x: f64, y: f64) -> Result<()> {
        for item in &self.items {
            match item {
                Item::Text(b, dx, dy) => c.block(b, x + dx, y + dy),
                Item::Fill(dx, dy, w, h, color) => {
                    c.rect(x + dx, y + dy, *w, *h, Some(*color), None)
                }
                Item::Frame(dx, dy, w, h, color, width) => {
                    c.rect(x + dx, y + dy, *w, *h, None, Some((*color, *width)))
                }
                Item::Line(x1, y1, x2, y2, color, width) => {
                    c.line(x + x1, y + y1, x + x2, y + y2, *color, *width)
                }
                Item::Image(img, dx, dy, w, h) => c.image(img, x + dx, y + dy, *w, *h),
                Item::Qr(data, dx, dy, size) => c.qr(data, x + dx, y + dy, *size)?,
            }
        }
        Ok(())
    }
}
