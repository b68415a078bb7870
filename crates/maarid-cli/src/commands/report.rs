//! `report daily`: the core's daily employee report, as the local administrator (so
//! everyone's day), on screen, as JSON, or written to .pdf, .xlsx or .csv.

use std::path::Path;

use chrono::Local;
use chrono_tz::Tz;
use maarid_core::i18n::Text;
use maarid_core::reports::{self, DailyReport};
use maarid_core::{company, Locale};
use serde::Serialize;

use super::quotes::date;
use crate::args::{DailyArgs, GlobalLang, ReportCommand};
use crate::output::{CliError, CliResult, Out};

pub fn run(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    command: ReportCommand,
) -> CliResult {
    match command {
        ReportCommand::Daily(a) => daily(out, db_flag, lang, a),
    }
}

#[derive(Serialize)]
struct Written<'a> {
    file: String,
    report: &'a DailyReport,
}

fn daily(out: &Out, db_flag: Option<&Path>, lang: Option<GlobalLang>, a: DailyArgs) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let day = match a.date.as_deref() {
        Some(d) => date("date", d)?,
        None => Local::now().date_naive(),
    };
    let report = reports::daily(&db, &super::actor(), a.user.as_deref(), day)?;
    let Some(target) = a.out.as_deref() else {
        return out.done(&report, |l| human(l, &report));
    };
    if lang == Some(GlobalLang::Both) {
        return Err(CliError::invalid(
            "lang",
            Text::new(
                "يُكتب التقرير بلغة واحدة: اختر ‎--lang ar أو ‎--lang en.".into(),
                "A report file is in one language: choose --lang ar or --lang en.".into(),
            ),
        ));
    }
    let ext = target
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "pdf" | "xlsx" | "csv") {
        return Err(CliError::invalid(
            "file",
            Text::new(
                format!("لا يُكتب التقرير في ملف من نوع «.{ext}». اختر اسمًا ينتهي بـ ‎.pdf أو ‎.xlsx أو ‎.csv."),
                format!("A report cannot be written to a “.{ext}” file. Choose a name ending in .pdf, .xlsx or .csv."),
            ),
        ));
    }
    let is_pdf = ext == "pdf";
    let target = super::output_file(&db, target, a.force)?;
    if is_pdf {
        let company = company::get(&db)?;
        let bytes = reports::daily_pdf(&report, &company.profile, out.locale)?;
        std::fs::write(&target, bytes).map_err(|e| maarid_core::Error::io(&target, e))?;
    } else {
        reports::daily_xlsx(&report, &target, out.locale)?;
    }
    let w = Written {
        file: target.display().to_string(),
        report: &report,
    };
    out.done(&w, |l| match l {
        Locale::Ar => format!("كُتب التقرير اليومي ليوم {day} في {}", w.file),
        Locale::En => format!("The daily report of {day} was written to {}", w.file),
    })
}

fn human(l: Locale, r: &DailyReport) -> String {
    let tz: Tz = r.time_zone.parse().unwrap_or(Tz::UTC);
    let mut lines = vec![match l {
        Locale::Ar => format!("التقرير اليومي ليوم {} ({})", r.date, r.time_zone),
        Locale::En => format!("Daily report of {} ({})", r.date, r.time_zone),
    }];
    for u in &r.users {
        let c = &u.counts;
        let who = if u.name.is_empty() {
            &u.username
        } else {
            &u.name
        };
        lines.push(String::new());
        lines.push(match l {
            Locale::Ar => format!(
                "{who}: مكالمات {}، زيارات {}، رسائل {}، استفسارات جديدة {}، عروض أُرسلت {}، عروض قُبلت {}، مهام أُنجزت {}",
                c.calls, c.visits, c.messages, c.inquiries_created, c.quotations_sent, c.quotations_accepted, c.tasks_done
            ),
            Locale::En => format!(
                "{who}: calls {}, visits {}, messages {}, new inquiries {}, quotations sent {}, accepted {}, tasks done {}",
                c.calls, c.visits, c.messages, c.inquiries_created, c.quotations_sent, c.quotations_accepted, c.tasks_done
            ),
        });
        for a in &u.activities {
            let detail = match a.detail.get(l) {
                d if d.is_empty() => String::new(),
                d => format!(" — {d}"),
            };
            lines.push(format!(
                "  {}  {}: {}{detail}",
                a.at.with_timezone(&tz).format("%H:%M"),
                a.kind.label().get(l),
                a.subject
            ));
        }
    }
    lines.join("\n")
}
