//! `reminders add|list|done|dismiss|snooze|delete|settings`, acting as the administrator.

use std::path::Path;

use chrono::{NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use maarid_core::alerts::{self, zone, NotificationSettings, RecordRef};
use maarid_core::i18n::Text;
use maarid_core::reminders::{
    self, Ends, Recurrence, Reminder, ReminderInput, ReminderQuery, Repeat, Snooze,
};
use maarid_core::search::normalize::ascii_digits;
use maarid_core::Locale;

use super::due::{instant, wall};
use crate::args::{link_of, NotificationSettingsArgs, ReminderAddArgs, RemindersCommand};
use crate::output::{CliError, CliResult, Out};
use crate::text::table;

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: RemindersCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let now = Utc::now();
    let tz = alerts::settings::get(&db)?.zone();
    let show = |r: &Reminder, ar: &str, en: &str| {
        out.done(r, |l| format!("{}\n{}", pick(l, ar, en), card(l, r, tz)))
    };
    match cmd {
        RemindersCommand::Add(a) => {
            let input = input_of(&a, tz)?;
            let r = reminders::create(&db, &actor, &input, now)?;
            show(&r, "أُضيف التذكير:", "Reminder added:")
        }
        RemindersCommand::List(a) => {
            let q = ReminderQuery {
                assignee: a.assignee,
                status: a.status.and_then(|s| s.0),
                all_statuses: a.all,
                ..Default::default()
            };
            let list = reminders::list(&db, &actor, &q)?;
            out.done(&list, |l| list_text(l, &list, tz))
        }
        RemindersCommand::Done { id } => {
            let r = reminders::done(&db, &actor, &id, now)?;
            show(&r, "تم.", "Done.")
        }
        RemindersCommand::Dismiss { id } => {
            let r = reminders::dismiss(&db, &actor, &id, now)?;
            show(&r, "تم التجاهل.", "Dismissed.")
        }
        RemindersCommand::Snooze { id, how } => {
            let how = match ascii_digits(how.trim()).to_lowercase().as_str() {
                "10m" | "10min" => Snooze::TenMinutes,
                "1h" | "60m" => Snooze::OneHour,
                "tomorrow" | "غدا" | "غدًا" => Snooze::TomorrowMorning,
                _ => Snooze::Until(instant("for", &how, tz)?),
            };
            let r = reminders::snooze(&db, &actor, &id, how, now)?;
            show(&r, "أُجّل التذكير:", "Reminder snoozed:")
        }
        RemindersCommand::Delete { id } => {
            reminders::delete(&db, &actor, &id, now)?;
            #[derive(serde::Serialize)]
            struct Deleted<'a> {
                deleted: &'a str,
            }
            out.done(&Deleted { deleted: &id }, |l| {
                pick(l, "حُذف التذكير.", "Reminder deleted.")
            })
        }
        RemindersCommand::Settings(a) => settings(out, &db, &actor, a),
    }
}

fn pick(l: Locale, ar: &str, en: &str) -> String {
    match l {
        Locale::Ar => ar.into(),
        Locale::En => en.into(),
    }
}

fn bad(option: &'static str, ar: String, en: String) -> CliError {
    CliError::invalid(option, Text::new(ar, en))
}

fn input_of(a: &ReminderAddArgs, tz: Tz) -> CliResult<ReminderInput> {
    let weekdays = a
        .on
        .iter()
        .filter(|d| !d.trim().is_empty())
        .map(|d| {
            d.trim().parse::<Weekday>().map_err(|_| {
                bad(
                    "on",
                    format!("«{d}» ليس يومًا من أيام الأسبوع؛ اكتب sun أو mon أو tue أو wed أو thu أو fri أو sat."),
                    format!("“{d}” is not a day of the week; write sun, mon, tue, wed, thu, fri or sat."),
                )
            })
        })
        .collect::<CliResult<Vec<_>>>()?;
    let month_day = match a.day.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("last") | Some("آخر") => Some(-1),
        Some(d) => Some(ascii_digits(d).parse::<i32>().map_err(|_| {
            bad(
                "day",
                format!("«{d}» ليس يومًا من الشهر؛ اكتب رقمًا من 1 إلى 31 أو last."),
                format!("“{d}” is not a day of the month; write 1 to 31, or last."),
            )
        })?),
    };
    let ends = match (a.until.as_deref(), a.times) {
        (Some(u), _) => Ends::Until(
            NaiveDate::parse_from_str(&ascii_digits(u.trim()), "%Y-%m-%d").map_err(|_| {
                bad(
                    "until",
                    format!("التاريخ «{u}» ليس بصيغة YYYY-MM-DD."),
                    format!("“{u}” is not a date like YYYY-MM-DD."),
                )
            })?,
        ),
        (None, Some(n)) => Ends::After(n),
        (None, None) => Ends::Never,
    };
    Ok(ReminderInput {
        title: a.title.clone(),
        note: a.note.clone(),
        due: wall("at", &a.at, tz)?,
        link: link_of(a).map(|(kind, id)| RecordRef {
            kind,
            id: id.to_string(),
        }),
        assignee: a.assignee.clone(),
        recurrence: Recurrence {
            repeat: a.repeat.and_then(|r| r.0).unwrap_or(Repeat::None),
            every: a.every,
            weekdays,
            month_day,
            ends,
        },
    })
}

fn day_name(l: Locale, d: Weekday) -> &'static str {
    let (ar, en) = match d {
        Weekday::Sat => ("السبت", "Sat"),
        Weekday::Sun => ("الأحد", "Sun"),
        Weekday::Mon => ("الاثنين", "Mon"),
        Weekday::Tue => ("الثلاثاء", "Tue"),
        Weekday::Wed => ("الأربعاء", "Wed"),
        Weekday::Thu => ("الخميس", "Thu"),
        Weekday::Fri => ("الجمعة", "Fri"),
    };
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

/// "daily", "every 3 days", "weekly: Sun, Wed, until 2027-06-30"…
fn repeat_text(l: Locale, r: &Recurrence) -> String {
    let n = r.every;
    let every = |ar1: &str, en1: &str, ar: &str, en: &str| {
        if n == 1 {
            pick(l, ar1, en1)
        } else {
            match l {
                Locale::Ar => format!("كل {n} {ar}"),
                Locale::En => format!("every {n} {en}"),
            }
        }
    };
    let sep = pick(l, "، ", ", ");
    let base = match r.repeat {
        Repeat::None => return pick(l, "مرة واحدة", "once"),
        Repeat::Daily => every("يوميًا", "daily", "أيام", "days"),
        Repeat::Weekly => {
            let days: Vec<&str> = r.weekdays.iter().map(|d| day_name(l, *d)).collect();
            format!(
                "{}: {}",
                every("أسبوعيًا", "weekly", "أسابيع", "weeks"),
                days.join(&sep)
            )
        }
        Repeat::Monthly => {
            let day = match r.month_day {
                Some(-1) => pick(l, "آخر يوم", "last day"),
                Some(d) => match l {
                    Locale::Ar => format!("يوم {d}"),
                    Locale::En => format!("day {d}"),
                },
                None => pick(l, "اليوم نفسه", "same day"),
            };
            format!("{}: {day}", every("شهريًا", "monthly", "أشهر", "months"))
        }
        Repeat::Yearly => every("سنويًا", "yearly", "سنوات", "years"),
    };
    let end = match (r.ends, l) {
        (Ends::Never, _) => String::new(),
        (Ends::Until(d), Locale::Ar) => format!("{sep}حتى {d}"),
        (Ends::Until(d), Locale::En) => format!("{sep}until {d}"),
        (Ends::After(c), Locale::Ar) => format!("{sep}عدد المرات: {c}"),
        (Ends::After(c), Locale::En) => format!("{sep}{c} times"),
    };
    base + &end
}

fn status_text(l: Locale, r: &Reminder) -> String {
    use reminders::ReminderStatus::*;
    match r.status {
        Active => pick(l, "نشط", "active"),
        Done => pick(l, "تم", "done"),
        Dismissed => pick(l, "متجاهَل", "dismissed"),
    }
}

fn card(l: Locale, r: &Reminder, tz: Tz) -> String {
    let at = zone::local(tz, r.fires_at).format("%Y-%m-%d %H:%M");
    let rows: [[String; 2]; 6] = [
        [pick(l, "العنوان", "Title"), r.title.clone()],
        [
            pick(l, "الموعد", "Due"),
            format!("{at} ({})", tz.name())
                + if r.snoozed_until.is_some() {
                    match l {
                        Locale::Ar => " — مؤجل",
                        Locale::En => " — snoozed",
                    }
                } else {
                    ""
                },
        ],
        [pick(l, "التكرار", "Repeats"), repeat_text(l, &r.recurrence)],
        [pick(l, "لـ", "For"), r.assignee_name.clone()],
        [pick(l, "الحالة", "Status"), status_text(l, r)],
        [pick(l, "المعرّف", "Id"), r.id.clone()],
    ];
    let mut text = table(&rows);
    if !r.note.is_empty() {
        text.push('\n');
        text.push_str(&r.note);
    }
    text
}

fn list_text(l: Locale, list: &[Reminder], tz: Tz) -> String {
    if list.is_empty() {
        return pick(l, "لا توجد تذكيرات.", "No reminders.");
    }
    let mut rows = vec![[
        pick(l, "الموعد", "Due"),
        pick(l, "العنوان", "Title"),
        pick(l, "لـ", "For"),
        pick(l, "التكرار", "Repeats"),
        pick(l, "المعرّف", "Id"),
    ]];
    for r in list {
        rows.push([
            zone::local(tz, r.fires_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            r.title.clone(),
            r.assignee_name.clone(),
            repeat_text(l, &r.recurrence),
            r.id.clone(),
        ]);
    }
    table(&rows)
}

fn settings(
    out: &Out,
    db: &maarid_core::Db,
    actor: &maarid_core::access::Actor,
    a: NotificationSettingsArgs,
) -> CliResult {
    let mut s = alerts::settings::get(db)?;
    let changing = a.time_zone.is_some()
        || a.morning_hour.is_some()
        || a.group_over.is_some()
        || !a.mute.is_empty()
        || !a.unmute.is_empty()
        || !a.lead.is_empty();
    if let Some(z) = a.time_zone {
        s.time_zone = Some(z.trim().to_string()).filter(|z| !z.is_empty());
    }
    if let Some(h) = a.morning_hour {
        s.morning_hour = h;
    }
    if let Some(g) = a.group_over {
        s.group_over = g;
    }
    for k in a.mute.into_iter().filter_map(|k| k.0) {
        s.set_kind(k, Some(true), None);
    }
    for k in a.unmute.into_iter().filter_map(|k| k.0) {
        s.set_kind(k, Some(false), None);
    }
    for lead in &a.lead {
        let parsed = lead.split_once('=').and_then(|(k, d)| {
            Some((
                alerts::NotificationKind::parse(k.trim())?,
                ascii_digits(d.trim()).parse::<u32>().ok()?,
            ))
        });
        let (kind, days) = parsed.ok_or_else(|| {
            bad(
                "lead",
                format!("«{lead}» ليس بصيغة النوع=الأيام، مثل quotation_expiry=3."),
                format!("“{lead}” is not KIND=DAYS, such as quotation_expiry=3."),
            )
        })?;
        s.set_kind(kind, None, Some(days));
    }
    if changing {
        s = alerts::settings::update(db, actor, &s, Utc::now())?;
    }
    out.done(&s, |l| settings_text(l, &s))
}

fn settings_text(l: Locale, s: &NotificationSettings) -> String {
    let zone = match (&s.time_zone, l) {
        (Some(z), _) => z.clone(),
        (None, Locale::Ar) => format!("{} (منطقة الحاسوب)", s.effective_time_zone),
        (None, Locale::En) => format!("{} (the computer's)", s.effective_time_zone),
    };
    let mut rows = vec![
        [pick(l, "المنطقة الزمنية", "Time zone"), zone],
        [
            pick(l, "ساعة الصباح", "Morning hour"),
            format!("{:02}:00", s.morning_hour),
        ],
        [
            pick(l, "تجميع عند أكثر من", "Group when more than"),
            s.group_over.to_string(),
        ],
    ];
    for k in &s.kinds {
        let state = match (k.muted, l) {
            (true, Locale::Ar) => "مكتوم".to_string(),
            (true, Locale::En) => "muted".to_string(),
            (false, Locale::Ar) => format!("مفعّل، قبل {} يوم", k.lead_days),
            (false, Locale::En) => format!("on, {} day(s) ahead", k.lead_days),
        };
        rows.push([k.kind.name().get(l).to_string(), state]);
    }
    table(&rows)
}
