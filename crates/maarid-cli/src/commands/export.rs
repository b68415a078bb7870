//! `export TYPE|all --out FILE`: the core's export, acting as the local administrator,
//! with the file checks a command line owes its user (never the database itself, an
//! existing file only with --force). Its human text is here, in both languages.

use std::path::Path;

use maarid_core::export::{self, Column, ColumnType, ExportRequest, ExportSummary};
use maarid_core::i18n::Text;
use maarid_core::Locale;

use super::quotes::date;
use crate::args::{ExportArgs, GlobalLang};
use crate::output::{CliError, CliResult, Out};

pub fn run(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    a: ExportArgs,
) -> CliResult {
    if lang == Some(GlobalLang::Both) {
        return Err(CliError::invalid(
            "lang",
            Text::new(
                "يُصدَّر الملف بلغة واحدة: اختر ‎--lang ar أو ‎--lang en.".into(),
                "An export is in one language: choose --lang ar or --lang en.".into(),
            ),
        ));
    }
    let lang = out.locale;
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();

    if a.list_columns {
        let kind = a.target.kind().ok_or_else(|| {
            CliError::invalid(
                "target",
                Text::new(
                    "اختر نوعًا واحدًا لعرض أعمدته، مثل contacts.".into(),
                    "Choose one record type to list its columns, e.g. contacts.".into(),
                ),
            )
        })?;
        let columns = export::columns(&db, &actor, kind)?;
        return out.done(&columns, |l| column_list(l, &columns));
    }

    let target = a.out.as_deref().expect("clap requires --out here");
    // Fail on the file type before looking at the file system.
    export::FileFormat::of(target)?;
    let target = super::output_file(&db, target, a.force)?;
    let summary = match a.target.kind() {
        None => {
            if a.columns.is_some() || a.from.is_some() || a.to.is_some() {
                return Err(CliError::invalid(
                    "columns",
                    Text::new(
                        "يصدّر ‎export all كل الأعمدة وكل السجلات؛ لا يقبل ‎--columns ولا ‎--from ولا ‎--to.".into(),
                        "`export all` writes every column of every record; it takes no --columns, --from or --to.".into(),
                    ),
                ));
            }
            export::export_all(&db, &actor, &target, lang)?
        }
        Some(kind) => {
            let req = ExportRequest {
                kind,
                columns: a.columns,
                from: a.from.as_deref().map(|d| date("from", d)).transpose()?,
                to: a.to.as_deref().map(|d| date("to", d)).transpose()?,
                lang,
            };
            export::export(&db, &actor, &req, &target)?
        }
    };
    out.done(&summary, |l| exported(l, &summary))
}

fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

fn exported(l: Locale, s: &ExportSummary) -> String {
    let mut lines = vec![pick(
        l,
        format!("صُدّر {} سجلًا إلى {}", s.rows, s.path.display()),
        format!("Exported {} rows to {}", s.rows, s.path.display()),
    )];
    for t in &s.tables {
        lines.push(pick(
            l,
            format!("  {}: {} سجلًا، {} عمودًا", t.name, t.rows, t.columns.len()),
            format!("  {}: {} rows, {} columns", t.name, t.rows, t.columns.len()),
        ));
    }
    lines.join("\n")
}

fn column_list(l: Locale, columns: &[Column]) -> String {
    let width = columns.iter().map(|c| c.key.len()).max().unwrap_or(0);
    columns
        .iter()
        .map(|c| {
            format!(
                "{:width$}  {}  ({})",
                c.key,
                c.header(l),
                type_name(l, c.ty)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn type_name(l: Locale, t: ColumnType) -> &'static str {
    let t = match t {
        ColumnType::Text => Text::new("نص", "text"),
        ColumnType::Date => Text::new("تاريخ", "date"),
        ColumnType::DateTime => Text::new("تاريخ ووقت", "date and time"),
        ColumnType::Money => Text::new("مبلغ", "amount"),
        ColumnType::Decimal => Text::new("رقم", "number"),
        ColumnType::Integer => Text::new("عدد صحيح", "whole number"),
    };
    t.get(l)
}
