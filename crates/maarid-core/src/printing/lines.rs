//! The lines table: #, description, unit, quantity, unit price, discount, VAT rate,
//! VAT and total — or #, description, unit and quantity for delivery notes and
//! inquiries. The discount column is left out when no line has a discount. Figures
//! are right-aligned so their decimal points line up; the header row (Arabic over
//! English in bilingual documents) repeats on every page the table reaches.

use rust_decimal::Decimal;

use super::format;
use super::labels::{self, Label};
use super::{Ctx, INK, NAVY};
use crate::pdf::{Align, Color, Column, ColumnWidth, Document, Table, TableStyle, TextStyle};
use crate::sales::print_model::PrintKind;
use crate::sales::Line;

/// Whether the document prints prices (delivery notes and inquiries do not).
pub(crate) fn priced(ctx: &Ctx) -> bool {
    !matches!(ctx.doc.kind, PrintKind::DeliveryNote | PrintKind::Inquiry)
}

enum Cell {
    No,
    Description,
    Unit,
    Qty,
    UnitPrice,
    Discount,
    VatRate,
    Vat,
    Total,
}

const PADDING: f64 = 1.3;

fn head_style() -> TextStyle {
    TextStyle::new(8.0).bold().color(NAVY).line_height(1.3)
}

fn body_style() -> TextStyle {
    TextStyle::new(8.5).color(INK).line_height(1.35)
}

/// A column just wide enough for its widest entry and its header's longest word, so
/// that neither breaks inside a word, within `min`..`max` millimetres.
fn fitted(pdf: &Document, ctx: &Ctx, label: Label, cells: &[String], min: f64, max: f64) -> f64 {
    let head = head_style();
    let body = body_style();
    let words = ctx.stacked(label);
    let head_w = words
        .split(['\n', ' '])
        .map(|w| pdf.layout(w, &head, 1000.0).text_width())
        .fold(0.0, f64::max);
    let body_w = cells
        .iter()
        .map(|c| pdf.layout(c, &body, 1000.0).text_width())
        .fold(0.0, f64::max);
    (head_w.max(body_w) + 2.0 * PADDING + 0.8).clamp(min, max)
}

fn columns(ctx: &Ctx, pdf: &Document) -> Vec<(Cell, Label, ColumnWidth, Align)> {
    use ColumnWidth::{Mm, Share};
    let num = Align::Right;
    let units: Vec<String> = unique(ctx.doc.lines.iter().map(|l| l.unit.clone()));
    let qtys: Vec<String> = unique(ctx.doc.lines.iter().map(|l| format::quantity(l.quantity)));
    if !priced(ctx) {
        return vec![
            (Cell::No, labels::COL_NO, Mm(10.0), Align::Center),
            (
                Cell::Description,
                labels::COL_DESCRIPTION,
                Share(1.0),
                Align::Start,
            ),
            (
                Cell::Unit,
                labels::COL_UNIT,
                Mm(fitted(pdf, ctx, labels::COL_UNIT, &units, 22.0, 40.0)),
                Align::Center,
            ),
            (
                Cell::Qty,
                labels::COL_QTY,
                Mm(fitted(pdf, ctx, labels::COL_QTY, &qtys, 20.0, 30.0)),
                Align::Center,
            ),
        ];
    }
    let mut cols = vec![
        (Cell::No, labels::COL_NO, Mm(8.0), Align::Center),
        (
            Cell::Description,
            labels::COL_DESCRIPTION,
            Share(1.0),
            Align::Start,
        ),
        (
            Cell::Unit,
            labels::COL_UNIT,
            Mm(fitted(pdf, ctx, labels::COL_UNIT, &units, 12.0, 26.0)),
            Align::Center,
        ),
        (
            Cell::Qty,
            labels::COL_QTY,
            Mm(fitted(pdf, ctx, labels::COL_QTY, &qtys, 11.0, 22.0)),
            Align::Center,
        ),
        (Cell::UnitPrice, labels::COL_UNIT_PRICE, Mm(22.0), num),
    ];
    if ctx.doc.lines.iter().any(|l| !l.discount_amount.is_zero()) {
        cols.push((Cell::Discount, labels::COL_DISCOUNT, Mm(19.0), num));
    }
    cols.extend([
        (Cell::VatRate, labels::COL_VAT_RATE, Mm(14.0), Align::Center),
        (Cell::Vat, labels::COL_VAT, Mm(19.0), num),
        (Cell::Total, labels::COL_TOTAL, Mm(24.0), num),
    ]);
    cols
}

/// Distinct values, in first-seen order (measuring each once).
fn unique(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    values.filter(|v| seen.insert(v.clone())).collect()
}

fn cell(ctx: &Ctx, c: &Cell, i: usize, l: &Line) -> String {
    let money = |v: Decimal| ctx.money(v);
    match c {
        Cell::No => (i + 1).to_string(),
        Cell::Description => l.description.clone(),
        Cell::Unit => l.unit.clone(),
        Cell::Qty => format::quantity(l.quantity),
        Cell::UnitPrice => money(l.unit_price),
        Cell::Discount if l.discount_amount.is_zero() => String::new(),
        Cell::Discount => money(l.discount_amount),
        Cell::VatRate => ctx.percent(l.vat_rate),
        Cell::Vat => money(l.vat),
        Cell::Total => money(l.total),
    }
}

/// The table, built (exposed to the crate so tests can check its columns).
pub(crate) fn table(ctx: &Ctx, pdf: &Document) -> Table {
    let cols = columns(ctx, pdf);
    let mut t = Table::new(
        cols.iter()
            .map(|(_, label, w, a)| Column::new(ctx.stacked(*label), *w).align(*a))
            .collect(),
    )
    .style(TableStyle {
        head: head_style(),
        body: body_style(),
        head_fill: Some(super::TINT),
        zebra: Some(Color::rgb(0xF7, 0xF8, 0xFA)),
        border: Some((super::RULE, 0.5)),
        padding: PADDING,
        ..TableStyle::default()
    });
    t.rows = ctx
        .doc
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| cols.iter().map(|(c, ..)| cell(ctx, c, i, l)).collect())
        .collect();
    t
}

pub(crate) fn draw(ctx: &Ctx, pdf: &mut Document) {
    let t = table(ctx, pdf);
    pdf.table(&t);
    pdf.space(4.0);
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;
    use crate::sales::print_model::PrintLang;

    #[test]
    fn priced_documents_have_nine_columns_or_eight_without_discounts() {
        let (mut doc, company) = sample(PrintKind::Quotation);
        let opts = crate::sales::print_model::PrintOptions {
            lang: PrintLang::Both,
            digits: crate::settings::Digits::Latn,
        };
        let pdf = Document::new(crate::pdf::PageSetup::a4()).unwrap();
        let ctx = Ctx::new(&doc, &company.profile, &opts);
        let t = table(&ctx, &pdf);
        assert_eq!(t.columns.len(), 9);
        assert_eq!(t.columns[3].title, "الكمية\nQty");
        assert_eq!(t.rows[0][0], "1");
        for l in &mut doc.lines {
            l.discount_amount = Decimal::ZERO;
        }
        let ctx = Ctx::new(&doc, &company.profile, &opts);
        assert_eq!(table(&ctx, &pdf).columns.len(), 8);
        doc.kind = PrintKind::DeliveryNote;
        let ctx = Ctx::new(&doc, &company.profile, &opts);
        let t = table(&ctx, &pdf);
        let titles: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            ["م\n#", "الوصف\nDescription", "الوحدة\nUnit", "الكمية\nQty"]
        );
    }
}
