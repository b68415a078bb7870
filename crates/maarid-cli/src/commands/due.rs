//! `due --at TIME`: what would fire at a moment, without recording anything. Also the
//! time parsing shared with `reminders`.

use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use maarid_core::alerts::{self, zone, Occurrence};
use maarid_core::i18n::Text;
use maarid_core::search::normalize::ascii_digits;
use maarid_core::{users, Locale};
use serde::Serialize;

use crate::args::DueArgs;
use crate::output::{CliError, CliResult, Out};

/// A typed time: an instant when it has an offset (…Z, …+03:00), else a local wall
/// clock. Digits may be Arabic-Indic; a space may stand for the T.
pub enum Typed {
    Instant(DateTime<Utc>),
    Wall(NaiveDateTime),
}

pub fn parse_time(option: &'static str, text: &str) -> CliResult<Typed> {
    let mut t = ascii_digits(text.trim());
    if t.len() > 10 && t.as_bytes()[10] == b' ' {
        t.replace_range(10..11, "T");
    }
    let with_offset = t.strip_suffix(['Z', 'z']).map(|s| format!("{s}+00:00"));
    let t = with_offset.unwrap_or(t);
    for f in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%:z"] {
        if let Ok(x) = DateTime::parse_from_str(&t, f) {
            return Ok(Typed::Instant(x.with_timezone(&Utc)));
        }
    }
    for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(x) = NaiveDateTime::parse_from_str(&t, f) {
            return Ok(Typed::Wall(x));
        }
    }
    Err(CliError::invalid(
        option,
        Text::new(
            format!("الوقت «{text}» غير مفهوم. اكتبه مثل 2026-12-01T09:00 (بالتوقيت المحلي) أو 2026-12-01T09:00+03:00."),
            format!("“{text}” is not a time. Write it like 2026-12-01T09:00 (local time) or 2026-12-01T09:00+03:00."),
        ),
    ))
}

pub fn instant(option: &'static str, text: &str, tz: Tz) -> CliResult<DateTime<Utc>> {
    Ok(match parse_time(option, text)? {
        Typed::Instant(t) => t,
        Typed::Wall(w) => zone::to_utc(tz, w),
    })
}

pub fn wall(option: &'static str, text: &str, tz: Tz) -> CliResult<NaiveDateTime> {
    Ok(match parse_time(option, text)? {
        Typed::Instant(t) => zone::local(tz, t),
        Typed::Wall(w) => w,
    })
}

#[derive(Serialize)]
struct Due {
    at: DateTime<Utc>,
    local: NaiveDateTime,
    time_zone: String,
    occurrences: Vec<Occurrence>,
}

pub fn run(out: &Out, db_flag: Option<&Path>, a: DueArgs) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let tz = alerts::settings::get(&db)?.zone();
    let at = match a.at.as_deref() {
        Some(t) => instant("at", t, tz)?,
        None => Utc::now(),
    };
    let mut occurrences = db.read(|c| alerts::due_at(c, at))?;
    if let Some(u) = a.user.as_deref() {
        let user = users::get(&db, &super::actor(), u)?;
        occurrences.retain(|o| o.is_for(&user.id));
    }
    let due = Due {
        at,
        local: zone::local(tz, at),
        time_zone: tz.name().to_string(),
        occurrences,
    };
    out.done(&due, |l| human(l, &due, tz))
}

fn human(l: Locale, d: &Due, tz: Tz) -> String {
    let when = d.local.format("%Y-%m-%d %H:%M");
    if d.occurrences.is_empty() {
        return match l {
            Locale::Ar => format!("لا شيء مستحق في {when} ({}).", d.time_zone),
            Locale::En => format!("Nothing is due at {when} ({}).", d.time_zone),
        };
    }
    let mut lines = vec![match l {
        Locale::Ar => format!(
            "المستحق في {when} ({}): {}",
            d.time_zone,
            d.occurrences.len()
        ),
        Locale::En => format!("Due at {when} ({}): {}", d.time_zone, d.occurrences.len()),
    }];
    for o in &d.occurrences {
        lines.push(format!(
            "  {}  {} — {}  [{}]",
            zone::local(tz, o.fire_at).format("%Y-%m-%d %H:%M"),
            o.title.get(l),
            o.body.get(l),
            o.kind.name().get(l)
        ));
    }
    lines.join("\n")
}
