//! Tables: columns of fixed or shared width, cells that wrap, rows that never split, the
//! header row repeated on every page the table reaches.

use super::canvas::Canvas;
use super::doc::Document;
use super::layout::TextBlock;
use super::{Align, Color, Dir, TextStyle};

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnWidth {
    /// Millimetres.
    Mm(f64),
    /// A share of what the fixed columns leave (`Share(2.0)` is twice `Share(1.0)`).
    Share(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: ColumnWidth,
    /// Relative to the table's direction: `Start` is the right side of an Arabic table.
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, width: ColumnWidth) -> Self {
        Column {
            title: title.into(),
            width,
            align: Align::Start,
        }
    }

    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableStyle {
    pub head: TextStyle,
    pub body: TextStyle,
    pub head_fill: Option<Color>,
    /// Fill for every other body row.
    pub zebra: Option<Color>,
    /// Cell borders: colour and width in points.
    pub border: Option<(Color, f64)>,
    /// Inside each cell, millimetres.
    pub padding: f64,
    /// Column order: the first column is on the right of a right-to-left table.
    /// `Auto` follows the document.
    pub dir: Dir,
}

impl Default for TableStyle {
    fn default() -> Self {
        TableStyle {
            head: TextStyle::new(9.5).bold().line_height(1.4),
            body: TextStyle::new(9.5).line_height(1.4),
            head_fill: Some(Color::rgb(0xE4, 0xEA, 0xF2)),
            zebra: Some(Color::rgb(0xF6, 0xF7, 0xF9)),
            border: Some((Color::rgb(0xB8, 0xC0, 0xCC), 0.5)),
            padding: 1.5,
            dir: Dir::Auto,
        }
    }
}

/// A table of text cells. Money and quantities arrive already formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub style: TableStyle,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
            style: TableStyle::default(),
        }
    }

    pub fn style(mut self, style: TableStyle) -> Self {
        self.style = style;
        self
    }

    /// Appends a row (missing cells are empty, extra ones ignored).
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Self {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// Column widths in millimetres for a table `total` wide.
    pub(crate) fn widths(&self, total: f64) -> Vec<f64> {
        let fixed: f64 = self
            .columns
            .iter()
            .filter_map(|c| match c.width {
                ColumnWidth::Mm(w) => Some(w),
                ColumnWidth::Share(_) => None,
            })
            .sum();
        let shares: f64 = self
            .columns
            .iter()
            .filter_map(|c| match c.width {
                ColumnWidth::Share(s) => Some(s.max(0.0)),
                ColumnWidth::Mm(_) => None,
            })
            .sum();
        let left = (total - fixed).max(0.0);
        self.columns
            .iter()
            .map(|c| match c.width {
                ColumnWidth::Mm(w) => w,
                ColumnWidth::Share(s) if shares > 0.0 => left * s.max(0.0) / shares,
                ColumnWidth::Share(_) => 0.0,
            })
            .collect()
    }
}

/// One laid-out row: a block per cell and the row's height.
struct Row {
    cells: Vec<TextBlock>,
    height: f64,
}

impl Document<'_> {
    /// A table across the content width, from the flow's position. A row that does not
    /// fit on the page goes whole to the next one, under a repeated header row.
    pub fn table(&mut self, table: &Table) {
        let c = self.setup.content();
        let style = &table.style;
        let rtl = match style.dir {
            Dir::Auto => self.setup.rtl(),
            d => d == Dir::Rtl,
        };
        let widths = table.widths(c.w);
        // Left edge of each column.
        let mut xs = Vec::with_capacity(widths.len());
        let mut acc = 0.0;
        for w in &widths {
            xs.push(if rtl { c.right() - acc - w } else { c.x + acc });
            acc += w;
        }
        let pad = style.padding;
        let row_of = |doc: &Document, cells: &[String], base: &TextStyle| -> Row {
            let blocks: Vec<TextBlock> = table
                .columns
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (col, w))| {
                    let s = base.clone().align(col.align.resolve(rtl));
                    let text = cells.get(i).map_or("", String::as_str);
                    doc.layout(text, &s, (w - 2.0 * pad).max(0.1))
                })
                .collect();
            let height = blocks.iter().map(TextBlock::height).fold(0.0, f64::max) + 2.0 * pad;
            Row {
                cells: blocks,
                height,
            }
        };
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let head = row_of(self, &titles, &style.head);

        let draw = |canvas: &mut Canvas, row: &Row, y: f64, fill: Option<Color>| {
            if let Some(f) = fill {
                canvas.rect(c.x, y, acc, row.height, Some(f), None);
            }
            for (block, x) in row.cells.iter().zip(&xs) {
                canvas.block(block, x + pad, y + pad);
            }
            if let Some((color, width)) = style.border {
                let cells: Vec<_> = xs
                    .iter()
                    .zip(&widths)
                    .map(|(x, w)| (*x, y, *w, row.height))
                    .collect();
                canvas.stroke_rects(&cells, color, width);
            }
        };

        let mut head_on_page = false;
        for (k, cells) in table.rows.iter().enumerate() {
            let row = row_of(self, cells, &style.body);
            if !head_on_page {
                self.ensure(head.height + row.height);
            } else if self.y + row.height > self.bottom() + 1e-9 {
                self.page_break();
                head_on_page = false;
            }
            if !head_on_page {
                let y = self.y;
                draw(&mut self.canvas(), &head, y, style.head_fill);
                self.y += head.height;
                head_on_page = true;
            }
            let fill = if k % 2 == 1 { style.zebra } else { None };
            let y = self.y;
            draw(&mut self.canvas(), &row, y, fill);
            self.y += row.height;
        }
        if table.rows.is_empty() {
            self.ensure(head.height);
            let y = self.y;
            draw(&mut self.canvas(), &head, y, style.head_fill);
            self.y += head.height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::PageSetup;

    #[test]
    fn widths_fixed_then_shared() {
        let t = Table::new(vec![
            Column::new("#", ColumnWidth::Mm(10.0)),
            Column::new("a", ColumnWidth::Share(2.0)),
            Column::new("b", ColumnWidth::Share(1.0)),
        ]);
        assert_eq!(t.widths(100.0), vec![10.0, 60.0, 30.0]);
    }

    #[test]
    fn header_repeats_and_rows_do_not_split() {
        let mut doc = Document::new(PageSetup::a4()).unwrap();
        let mut t = Table::new(vec![
            Column::new("رقم", ColumnWidth::Mm(15.0)),
            Column::new("الوصف", ColumnWidth::Share(1.0)),
        ]);
        for i in 0..120 {
            t.row([i.to_string(), format!("بند رقم {i}")]);
        }
        doc.table(&t);
        let pages = doc.page_count();
        assert!(pages >= 2, "120 rows take more than a page");
        // Every page's flow ends within the content area.
        assert!(doc.cursor() <= 297.0 - 20.0 + 1e-9);
        doc.finish().unwrap();
    }
}
