//! `import FILE --type …`, `import undo BATCH`, `import list`, `import profiles`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use maarid_core::import::{
    self, batches, error_report, mapping, profiles, row_reason, Cell, ColumnMap, ImportOptions,
    ImportReport, Phase, Progress, RowOutcome,
};
use maarid_core::search::normalize::normalize;
use maarid_core::Locale;
use serde::Serialize;

use crate::args::{ImportArgs, ImportCmd, ImportCommand};
use crate::output::{CliError, CliResult, Out};

fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: ImportCmd) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    match (cmd.command, cmd.run) {
        (Some(ImportCommand::Undo { batch }), _) => {
            let b = batches::undo(&db, &actor, batch.trim())?;
            out.done(&b, |l| {
                pick(
                    l,
                    format!(
                        "تم التراجع عن استيراد «{}»: حُذف {} سجل جديد وأُعيد {} سجل إلى ما كان عليه.",
                        b.file_name, b.created, b.updated
                    ),
                    format!(
                        "Import of “{}” undone: {} new record(s) removed, {} record(s) put back as they were.",
                        b.file_name, b.created, b.updated
                    ),
                )
            })
        }
        (Some(ImportCommand::List), _) => {
            let list = batches::list(&db, &actor)?;
            out.done(&list, |l| {
                if list.is_empty() {
                    return pick(l, "لا توجد عمليات استيراد.".into(), "No imports yet.".into());
                }
                list.iter()
                    .map(|b| {
                        let undone = match (&b.undone_at, l) {
                            (Some(_), Locale::Ar) => " (تم التراجع)",
                            (Some(_), Locale::En) => " (undone)",
                            (None, _) => "",
                        };
                        format!(
                            "{}  {}  {}  {}: {} +{} ~{} ={} !{}{undone}",
                            b.id,
                            b.created_at,
                            b.kind.key(),
                            b.file_name,
                            b.rows_total,
                            b.created,
                            b.updated,
                            b.duplicates,
                            b.invalid
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        (Some(ImportCommand::Profiles { kind }), _) => {
            let kind = kind.0.expect("clap accepts only known kinds");
            let list = profiles::list(&db, &actor, kind)?;
            out.done(&list, |_| {
                list.iter()
                    .map(|p| {
                        let cols: Vec<String> = p
                            .mapping
                            .iter()
                            .map(|m| format!("{}={}", m.header, m.field))
                            .collect();
                        format!("{}: {}", p.name, cols.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        (None, Some(a)) => run_import(out, &db, &actor, a),
        (None, None) => unreachable!("clap requires a file or a subcommand"),
    }
}

/// A column named by letter (C, AA), number (3) or header text.
fn column_of(spec: &str, header: &[Cell]) -> Option<usize> {
    let s = spec.trim();
    if !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_alphabetic()) {
        let n = s
            .to_ascii_uppercase()
            .bytes()
            .fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize);
        return Some(n - 1);
    }
    if let Ok(n) = s.parse::<usize>() {
        return n.checked_sub(1);
    }
    let key = normalize(s).to_lowercase();
    header.iter().position(|c| match c {
        Cell::Text(t) => normalize(t).to_lowercase() == key,
        _ => false,
    })
}

fn bad_map(spec: &str) -> CliError {
    CliError::invalid(
        "map",
        maarid_core::i18n::Text::new(
            format!("لم يُعثر على العمود «{spec}». اكتب حرف العمود (C) أو رقمه (3) أو عنوانه كما في الملف، ثم = واسم الحقل."),
            format!("Column “{spec}” was not found. Give the column's letter (C), number (3) or header text as in the file, then = and the field."),
        ),
    )
}

/// `--map` entries as a mapping, reading the header row to find columns named by text.
fn mapping_from_args(a: &ImportArgs, path: &Path) -> CliResult<(Option<usize>, Vec<ColumnMap>)> {
    let sheet = import::read_sheet(path, a.sheet.as_deref())?;
    let pairs: Vec<(&str, &str)> = a
        .map
        .iter()
        .map(|m| m.rsplit_once('=').ok_or_else(|| bad_map(m)))
        .collect::<CliResult<_>>()?;
    // The header row: as given, or the first of the top rows holding a named header.
    let header_row = a.header_row.or_else(|| {
        sheet
            .rows
            .iter()
            .take(mapping::HEADER_SCAN_ROWS)
            .position(|row| {
                pairs
                    .iter()
                    .any(|(col, _)| column_of(col, &[]).is_none() && column_of(col, row).is_some())
            })
            .map(|i| i + 1)
    });
    let header = header_row
        .and_then(|r| sheet.rows.get(r.wrapping_sub(1)))
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for (col, field) in pairs {
        let column = column_of(col, &header).ok_or_else(|| bad_map(col))?;
        out.push(ColumnMap {
            column,
            field: field.trim().to_string(),
        });
    }
    Ok((header_row.or(Some(1)), out))
}

#[derive(Serialize)]
struct Summary<'a> {
    batch_id: Option<&'a str>,
    dry_run: bool,
    file_name: &'a str,
    sheet: &'a str,
    header_row: usize,
    counts: import::Counts,
    total_rows: &'a [usize],
    mapping: &'a [ColumnMap],
    date_order: import::DateOrderKey,
    errors_file: Option<String>,
    /// Every row not imported, with its reasons.
    not_imported: Vec<NotImported>,
}

#[derive(Serialize)]
struct NotImported {
    row: usize,
    outcome: RowOutcome,
    reason_ar: String,
    reason_en: String,
}

fn run_import(
    out: &Out,
    db: &maarid_core::Db,
    actor: &maarid_core::access::Actor,
    a: ImportArgs,
) -> CliResult {
    let path = a.file.clone().expect("clap requires the file");
    let kind = a
        .kind
        .as_ref()
        .and_then(|k| k.0)
        .expect("clap requires --type");
    let mut o = ImportOptions::new(kind);
    o.sheet = a.sheet.clone();
    o.header_row = a.header_row;
    o.profile = a.profile.clone();
    o.on_duplicate = a.on_duplicate.0.expect("clap has a default");
    o.date_order = a.date_order();
    if !a.map.is_empty() {
        let (header_row, m) = mapping_from_args(&a, &path)?;
        o.header_row = header_row;
        o.mapping = Some(m);
    }
    let show = !out.json && std::io::stderr().is_terminal();
    let locale = out.locale;
    let mut progress = |p: Progress| {
        if show && p.total > 0 {
            let phase = match (p.phase, locale) {
                (Phase::Read, Locale::Ar) => "قراءة",
                (Phase::Read, Locale::En) => "Reading",
                (Phase::Check, Locale::Ar) => "فحص",
                (Phase::Check, Locale::En) => "Checking",
                (Phase::Write, Locale::Ar) => "حفظ",
                (Phase::Write, Locale::En) => "Saving",
            };
            let _ = write!(std::io::stderr(), "\r{phase} {}/{}   ", p.done, p.total);
        }
        true
    };
    let report = if a.dry_run {
        import::check(db, actor, &path, &o, &mut progress)?
    } else {
        import::run(db, actor, &path, &o, &mut progress)?
    };
    if show {
        let _ = writeln!(std::io::stderr());
    }
    if let Some(name) = &a.save_profile {
        // The mapping as it was used: the sheet, header row and columns settled above.
        let mut used = o.clone();
        used.sheet = Some(report.sheet.clone());
        used.header_row = Some(report.header_row);
        used.mapping = Some(report.mapping.clone());
        used.profile = None;
        profiles::save_from_file(db, actor, name, &path, &used)?;
    }
    let errors_file = match &a.errors {
        Some(f) if report.counts.invalid + report.counts.duplicate > 0 => {
            error_report(&path, &report, f)?;
            Some(f.display().to_string())
        }
        _ => None,
    };
    let summary = summary(&report, errors_file);
    out.done(&summary, |l| human(l, &report, &summary))
}

fn summary(r: &ImportReport, errors_file: Option<String>) -> Summary<'_> {
    Summary {
        batch_id: r.batch_id.as_deref(),
        dry_run: r.dry_run,
        file_name: &r.file_name,
        sheet: &r.sheet,
        header_row: r.header_row,
        counts: r.counts,
        total_rows: &r.total_rows,
        mapping: &r.mapping,
        date_order: r.date_order,
        errors_file,
        not_imported: r
            .rows
            .iter()
            .filter(|x| matches!(x.outcome, RowOutcome::Invalid | RowOutcome::Duplicate))
            .map(|x| {
                let why = row_reason(x);
                NotImported {
                    row: x.row,
                    outcome: x.outcome,
                    reason_ar: why.ar,
                    reason_en: why.en,
                }
            })
            .collect(),
    }
}

/// How many refused rows the human summary lists before "and N more".
const LISTED: usize = 20;

fn human(l: Locale, r: &ImportReport, s: &Summary) -> String {
    let c = r.counts;
    let mut lines = vec![pick(
        l,
        format!(
            "{} «{}» (الورقة «{}»، صف العناوين {}): {} صف — جديد {}، محدَّث {}، مكرر {}، غير صالح {}.",
            if r.dry_run { "فحص دون حفظ" } else { "استيراد" },
            r.file_name,
            r.sheet,
            r.header_row,
            c.total,
            c.new,
            c.updated,
            c.duplicate,
            c.invalid
        ),
        format!(
            "{} “{}” (sheet “{}”, header row {}): {} rows — new {}, updated {}, duplicate {}, invalid {}.",
            if r.dry_run { "Dry run of" } else { "Imported" },
            r.file_name,
            r.sheet,
            r.header_row,
            c.total,
            c.new,
            c.updated,
            c.duplicate,
            c.invalid
        ),
    )];
    for x in s.not_imported.iter().take(LISTED) {
        let why = match l {
            Locale::Ar => &x.reason_ar,
            Locale::En => &x.reason_en,
        };
        lines.push(pick(
            l,
            format!("  الصف {}: {why}", x.row),
            format!("  row {}: {why}", x.row),
        ));
    }
    if s.not_imported.len() > LISTED {
        let more = s.not_imported.len() - LISTED;
        lines.push(pick(
            l,
            format!("  … و{more} صفًا آخر"),
            format!("  … and {more} more"),
        ));
    }
    if let Some(f) = &s.errors_file {
        lines.push(pick(
            l,
            format!("الصفوف غير المستوردة وأسبابها في: {f}"),
            format!("Rows not imported, with their reasons: {f}"),
        ));
    }
    if let Some(b) = &r.batch_id {
        lines.push(pick(
            l,
            format!("رقم الدفعة: {b} — للتراجع: maarid-cli import undo {b}"),
            format!("Batch: {b} — to undo: maarid-cli import undo {b}"),
        ));
    }
    lines.join("\n")
}
