//! A bilingual quotation-like document, shared by `tests/pdf.rs` and `benches/pdf.rs`.
#![allow(dead_code)]

use maarid_core::pdf::{
    Align, Color, Column, ColumnWidth, Dir, Document, Image, PageSetup, Table, TableStyle,
    TextStyle,
};
use maarid_core::Locale;

pub const TITLE_AR: &str = "عرض سعر رقم QTN-2026-00012 بتاريخ 2026-11-23 (صالح لمدة 15 يومًا)";
pub const TITLE_EN: &str = "Quotation QTN-2026-00012 dated 2026-11-23 (valid for 15 days)";
pub const BODY_AR: &str = "السادة شركة الأفق للتجارة المحترمين، تحية طيبة وبعد: يسرّنا أن نقدم لكم \
عرض السعر التالي لتوريد وتركيب أجهزة التكييف المذكورة أدناه، شاملًا التوصيل إلى موقعكم في \
الرياض خلال 7 أيام عمل من تاريخ أمر الشراء، وضمانًا لمدة سنتين (24 شهرًا) على جميع القطع. \
الأسعار بالريال السعودي وتشمل ضريبة القيمة المضافة 15%.";
pub const BODY_EN: &str = "Dear Al-Ofuq Trading Co., we are pleased to offer the following \
supply and installation of air conditioners, delivered to your site in Riyadh within 7 working \
days of the purchase order, with a two-year (24 months) warranty on all parts. Prices are in \
Saudi riyals and include 15% VAT.";

const NAVY: Color = Color::rgb(0x1F, 0x3A, 0x5F);

/// A logo drawn in code: a navy rounded badge with a gold bar, 240×80, with transparency.
pub fn logo_png() -> Vec<u8> {
    let (w, h) = (240u32, 80u32);
    let mut px = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let inside = {
                let (cx, cy) = (x.clamp(20, w - 21) as i64, y.clamp(20, h - 21) as i64);
                let (dx, dy) = (x as i64 - cx, y as i64 - cy);
                dx * dx + dy * dy <= 400
            };
            let gold = (30..50).contains(&y) && (30..210).contains(&x);
            let [r, g, b, a] = match (inside, gold) {
                (false, _) => [0, 0, 0, 0],
                (true, true) => [0xC9, 0xA2, 0x27, 255],
                (true, false) => [0x1F, 0x3A, 0x5F, 255],
            };
            px.extend_from_slice(&[r, g, b, a]);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header().unwrap().write_image_data(&px).unwrap();
    }
    out
}

/// The sample's text, Arabic or Latin-only (the benchmark's baseline).
pub struct Texts {
    pub company: &'static str,
    pub company_en: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub body: &'static str,
    pub body_en: &'static str,
    pub columns: [&'static str; 5],
    pub item: fn(usize) -> String,
    pub locale: Locale,
}

pub fn arabic() -> Texts {
    Texts {
        company: "شركة النخبة للأجهزة المنزلية",
        company_en: "Elite Home Appliances Co.",
        title: TITLE_AR,
        title_en: TITLE_EN,
        body: BODY_AR,
        body_en: BODY_EN,
        columns: ["م", "البند", "الكمية", "سعر الوحدة", "الإجمالي"],
        item: |i| format!("مكيف سبليت 18000 وحدة - موديل AC-{i:03} (أبيض)"),
        locale: Locale::Ar,
    }
}

pub fn latin() -> Texts {
    Texts {
        company: "Elite Home Appliances Company",
        company_en: "Elite Home Appliances Co.",
        title: TITLE_EN,
        title_en: TITLE_EN,
        body: BODY_EN,
        body_en: BODY_EN,
        columns: ["No.", "Item", "Qty", "Unit price", "Total"],
        item: |i| format!("Split air conditioner 18000 BTU - model AC-{i:03} (white)"),
        locale: Locale::En,
    }
}

/// The document: letterhead with logo and QR, titles, paragraphs, a table of `rows`
/// rows, header and footer with page numbers.
pub fn render(t: &Texts, rows: usize) -> Vec<u8> {
    let logo = Image::from_bytes(&logo_png()).unwrap();
    let setup = PageSetup::a4()
        .title(t.title_en)
        .dir(if t.locale == Locale::Ar {
            Dir::Rtl
        } else {
            Dir::Ltr
        })
        .margins(18.0, 15.0, 16.0, 15.0);
    let mut doc = Document::new(setup).unwrap();

    let rtl = t.locale == Locale::Ar;
    // The far side from the company name, which starts the line.
    let far = if rtl { Align::Left } else { Align::Right };
    doc.header(move |page, info| {
        if info.number == 1 {
            return;
        }
        let c = page.setup().content();
        let style = TextStyle::new(8.0).color(Color::GREY);
        page.text(t.company, &style, c.x, 9.0, c.w);
        page.text(t.title_en, &style.clone().align(far), c.x, 9.0, c.w);
        page.line(c.x, 14.0, c.right(), 14.0, Color::GREY, 0.4);
    });
    doc.footer(|page, info| {
        let c = page.setup().content();
        let y = page.setup().height - 12.0;
        page.line(c.x, y - 1.5, c.right(), y - 1.5, Color::GREY, 0.4);
        let style = TextStyle::new(8.0).color(Color::GREY);
        page.text(
            &info.label(Locale::Ar),
            &style.clone().align(Align::Right),
            c.x,
            y,
            c.w,
        );
        page.text(
            &info.label(Locale::En),
            &style.clone().align(Align::Left),
            c.x,
            y,
            c.w,
        );
        page.text(t.company_en, &style.align(Align::Center), c.x, y, c.w);
    });

    // Letterhead: logo at the start side, names beside it, QR at the end side.
    doc.block(28.0, |page, r| {
        let logo_w = 22.0 * logo.aspect();
        let logo_x = if rtl { r.right() - logo_w } else { r.x };
        page.image(&logo, logo_x, r.y, logo_w, 22.0);
        let names_x = if rtl { r.x + 30.0 } else { r.x + logo_w + 5.0 };
        let names_w = r.w - logo_w - 35.0;
        let y = r.y
            + page.text(
                t.company,
                &TextStyle::new(16.0).bold().color(NAVY),
                names_x,
                r.y,
                names_w,
            );
        page.text(
            t.company_en,
            &TextStyle::new(10.0).color(NAVY),
            names_x,
            y,
            names_w,
        );
        let qr_x = if rtl { r.x } else { r.right() - 26.0 };
        page.qr("https://maarid.example/q/QTN-2026-00012", qr_x, r.y, 26.0)
            .unwrap();
    });
    doc.rule(NAVY, 1.0);
    doc.space(4.0);
    doc.paragraph(t.title, &TextStyle::new(14.0).bold().color(NAVY));
    doc.paragraph(t.title_en, &TextStyle::new(11.0).color(NAVY));
    doc.space(2.0);
    doc.paragraph(t.body, &TextStyle::new(10.5).align(Align::Start));
    doc.space(1.5);
    doc.paragraph(
        t.body_en,
        &TextStyle::new(9.5).color(Color::rgb(0x44, 0x44, 0x44)),
    );
    doc.space(4.0);

    let mut table = Table::new(vec![
        Column::new(t.columns[0], ColumnWidth::Mm(10.0)).align(Align::Center),
        Column::new(t.columns[1], ColumnWidth::Share(1.0)),
        Column::new(t.columns[2], ColumnWidth::Mm(16.0)).align(Align::Center),
        Column::new(t.columns[3], ColumnWidth::Mm(26.0)).align(Align::End),
        Column::new(t.columns[4], ColumnWidth::Mm(28.0)).align(Align::End),
    ])
    .style(TableStyle {
        head: TextStyle::new(8.0).bold().line_height(1.3),
        body: TextStyle::new(8.0).line_height(1.3),
        padding: 0.9,
        ..TableStyle::default()
    });
    for i in 1..=rows {
        let qty = 1 + i % 4;
        let unit = 1_850 + 25 * (i % 9);
        table.row([
            i.to_string(),
            (t.item)(i),
            qty.to_string(),
            format!("{},{:03}.00", unit / 1000, unit % 1000),
            format!("{},{:03}.00", qty * unit / 1000, qty * unit % 1000),
        ]);
    }
    doc.table(&table);
    doc.finish().unwrap()
}
