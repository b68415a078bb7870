//! The daily report as an A4 PDF: the company and the day at the top, then for each
//! person their counts and the list of what they did, in time order. Arabic pages run
//! right to left; the table headers repeat on every page a long day reaches.

use chrono_tz::Tz;

use super::daily::{DailyReport, UserDay};
use crate::company::CompanyInput;
use crate::i18n::{Locale, Text};
use crate::pdf::{
    Align, Color, Column, ColumnWidth, Digits, Dir, Document, PageSetup, Table, TableStyle,
    TextStyle,
};
use crate::Result;

const NAVY: Color = Color::rgb(0x1F, 0x3A, 0x5F);
const MUTED: Color = Color::rgb(0x5B, 0x66, 0x75);

/// The PDF file's bytes.
pub fn daily_pdf(report: &DailyReport, company: &CompanyInput, lang: Locale) -> Result<Vec<u8>> {
    let t = |ar: &'static str, en: &'static str| *Text::new(ar, en).get(lang);
    let rtl = lang == Locale::Ar;
    let title = format!(
        "{} — {}",
        t("التقرير اليومي للموظفين", "Daily employee report"),
        report.date
    );
    let setup = PageSetup::a4()
        .margins(16.0, 15.0, 18.0, 15.0)
        .dir(if rtl { Dir::Rtl } else { Dir::Ltr })
        .digits(Digits::Latin)
        .title(title.clone());
    let mut pdf = Document::new(setup)?;
    let company_name = match lang {
        Locale::En if !company.name_en.trim().is_empty() => company.name_en.clone(),
        _ => company.name_ar.clone(),
    };
    pdf.paragraph(&company_name, &TextStyle::new(11.0).color(MUTED));
    pdf.paragraph(&title, &TextStyle::new(16.0).bold().color(NAVY));
    pdf.paragraph(
        &format!(
            "{} {}",
            t("المنطقة الزمنية:", "Time zone:"),
            report.time_zone
        ),
        &TextStyle::new(8.5).color(MUTED).dir(Dir::Auto),
    );
    pdf.space(4.0);
    let tz: Tz = report.time_zone.parse().unwrap_or(Tz::UTC);
    if report.users.is_empty() {
        pdf.paragraph(t("لا يوجد موظفون.", "No employees."), &TextStyle::new(10.0));
    }
    for (i, u) in report.users.iter().enumerate() {
        if i > 0 {
            pdf.space(6.0);
        }
        person(&mut pdf, u, lang, tz);
    }
    pdf.finish()
}

fn person(pdf: &mut Document, u: &UserDay, lang: Locale, tz: Tz) {
    let t = |ar: &'static str, en: &'static str| *Text::new(ar, en).get(lang);
    let name = if u.name.trim().is_empty() {
        u.username.clone()
    } else {
        format!("{} ({})", u.name, u.username)
    };
    pdf.ensure(30.0);
    pdf.paragraph(&name, &TextStyle::new(12.5).bold().color(NAVY));
    let c = &u.counts;
    let mut counts = Table::new(
        [
            t("مكالمات", "Calls"),
            t("زيارات", "Visits"),
            t("رسائل", "Messages"),
            t("استفسارات جديدة", "New inquiries"),
            t("عروض أُرسلت", "Quotations sent"),
            t("عروض قُبلت", "Quotations accepted"),
            t("مهام أُنجزت", "Tasks done"),
        ]
        .into_iter()
        .map(|h| Column::new(h, ColumnWidth::Share(1.0)).align(Align::Center))
        .collect(),
    )
    .style(TableStyle {
        zebra: None,
        ..TableStyle::default()
    });
    counts.row(
        [
            c.calls,
            c.visits,
            c.messages,
            c.inquiries_created,
            c.quotations_sent,
            c.quotations_accepted,
            c.tasks_done,
        ]
        .map(|n| n.to_string()),
    );
    pdf.table(&counts);
    pdf.space(2.5);
    if u.activities.is_empty() {
        pdf.paragraph(
            t(
                "لم يُسجَّل نشاط في هذا اليوم.",
                "Nothing was logged on this day.",
            ),
            &TextStyle::new(9.5).color(MUTED),
        );
        return;
    }
    let mut list = Table::new(vec![
        Column::new(t("الوقت", "Time"), ColumnWidth::Mm(16.0)).align(Align::Center),
        Column::new(t("النشاط", "Activity"), ColumnWidth::Mm(34.0)),
        Column::new(
            t("العميل أو المستند", "Customer or document"),
            ColumnWidth::Share(1.0),
        ),
        Column::new(t("التفاصيل", "Details"), ColumnWidth::Share(1.2)),
    ]);
    for a in &u.activities {
        list.row([
            a.at.with_timezone(&tz).format("%H:%M").to_string(),
            a.kind.label().get(lang).to_string(),
            a.subject.clone(),
            a.detail.get(lang).clone(),
        ]);
    }
    pdf.table(&list);
}
