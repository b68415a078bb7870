//! The daily report as a workbook (or, for one table, .csv): a summary sheet with a
//! row per person and an activities sheet with a row per thing done.

use std::path::Path;

use super::daily::DailyReport;
use crate::export::{self, Column, ColumnType, ExportSummary, Table, Value};
use crate::i18n::{Locale, Text};
use crate::Result;

/// Writes `report` to `path` (.xlsx: both sheets; .csv: the activities).
pub fn daily_xlsx(report: &DailyReport, path: &Path, lang: Locale) -> Result<ExportSummary> {
    let csv = export::FileFormat::of(path)? == export::FileFormat::Csv;
    let mut tables = Vec::new();
    if !csv {
        tables.push(summary(report));
    }
    tables.push(activities(report, lang));
    export::write_tables(path, tables, lang)
}

fn person(name: &str, username: &str) -> String {
    if name.trim().is_empty() {
        username.to_string()
    } else {
        name.to_string()
    }
}

fn summary(report: &DailyReport) -> Table<'_> {
    let int = ColumnType::Integer;
    let columns = vec![
        Column::fixed("date", "اليوم", "Day", ColumnType::Date),
        Column::fixed("user", "الموظف", "Employee", ColumnType::Text),
        Column::fixed("calls", "مكالمات", "Calls", int),
        Column::fixed("visits", "زيارات", "Visits", int),
        Column::fixed("messages", "رسائل", "Messages", int),
        Column::fixed("inquiries_created", "استفسارات جديدة", "New inquiries", int),
        Column::fixed("quotations_sent", "عروض أُرسلت", "Quotations sent", int),
        Column::fixed(
            "quotations_accepted",
            "عروض قُبلت",
            "Quotations accepted",
            int,
        ),
        Column::fixed("tasks_done", "مهام أُنجزت", "Tasks done", int),
    ];
    Table::new(
        "daily_summary",
        Text::new("الملخص".into(), "Summary".into()),
        columns,
        move |sink| {
            for u in &report.users {
                let c = &u.counts;
                let n = |v: usize| Value::Integer(v as i64);
                sink(&mut [
                    Value::Date(report.date),
                    Value::Text(person(&u.name, &u.username)),
                    n(c.calls),
                    n(c.visits),
                    n(c.messages),
                    n(c.inquiries_created),
                    n(c.quotations_sent),
                    n(c.quotations_accepted),
                    n(c.tasks_done),
                ])?;
            }
            Ok(())
        },
    )
}

fn activities(report: &DailyReport, lang: Locale) -> Table<'_> {
    let columns = vec![
        Column::fixed("at", "الوقت", "Time", ColumnType::DateTime),
        Column::fixed("user", "الموظف", "Employee", ColumnType::Text),
        Column::fixed("kind", "النشاط", "Activity", ColumnType::Text),
        Column::fixed(
            "subject",
            "العميل أو المستند",
            "Customer or document",
            ColumnType::Text,
        ),
        Column::fixed("detail", "التفاصيل", "Details", ColumnType::Text),
    ];
    Table::new(
        "daily_activities",
        Text::new("الأنشطة".into(), "Activities".into()),
        columns,
        move |sink| {
            for u in &report.users {
                for a in &u.activities {
                    sink(&mut [
                        Value::DateTime(a.at),
                        Value::Text(person(&u.name, &u.username)),
                        Value::Text(a.kind.label().get(lang).to_string()),
                        Value::Text(a.subject.clone()),
                        Value::Text(a.detail.get(lang).clone()),
                    ])?;
                }
            }
            Ok(())
        },
    )
}
