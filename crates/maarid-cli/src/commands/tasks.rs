//! `tasks add|list|show|start|done|cancel|reopen|assign|attach|delete`, acting as the
//! administrator.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Utc};
use maarid_core::alerts::{RecordKind, RecordRef};
use maarid_core::i18n::Text;
use maarid_core::search::normalize::ascii_digits;
use maarid_core::tasks::{self, Attachment, Task, TaskEvent, TaskInput, TaskQuery, TaskStatus};
use maarid_core::Locale;
use serde::Serialize;

use crate::args::{TaskAddArgs, TaskListArgs, TasksCommand};
use crate::output::{CliError, CliResult, Out};
use crate::text::table;

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: TasksCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let now = Utc::now();
    let show = |t: &Task, ar: &str, en: &str| {
        out.done(t, |l| format!("{}\n{}", pick(l, ar, en), card(l, t)))
    };
    let status = |id: &str, to: TaskStatus, ar: &str, en: &str| {
        let t = tasks::set_status(&db, &actor, id, to, now)?;
        show(&t, ar, en)
    };
    match cmd {
        TasksCommand::Add(a) => {
            let input = input_of(&a)?;
            // Every file is checked before the task is saved: a missing one adds nothing.
            for f in &a.attach {
                if !f.is_file() {
                    let missing = tasks::TaskError::FileMissing(f.display().to_string());
                    return Err(maarid_core::Error::from(missing).into());
                }
            }
            let t = tasks::create(&db, &actor, &input, now)?;
            for f in &a.attach {
                tasks::attach(&db, &actor, &t.id, f, now)?;
            }
            let t = tasks::get(&db, &actor, &t.id)?;
            show(&t, "أُضيفت المهمة:", "Task added:")
        }
        TasksCommand::List(a) => {
            let q = query_of(a)?;
            let list = tasks::list(&db, &actor, &q)?;
            out.done(&list, |l| list_text(l, &list))
        }
        TasksCommand::Show { id } => {
            #[derive(Serialize)]
            struct Full {
                #[serde(flatten)]
                task: Task,
                history: Vec<TaskEvent>,
                files: Vec<Attachment>,
            }
            let task = tasks::get(&db, &actor, &id)?;
            let history = tasks::history(&db, &actor, &id)?;
            let files = tasks::attachments(&db, &actor, &id)?;
            let full = Full {
                task,
                history,
                files,
            };
            out.done(&full, |l| {
                format!(
                    "{}\n\n{}",
                    card(l, &full.task),
                    details(l, &full.history, &full.files)
                )
            })
        }
        TasksCommand::Start { id } => status(
            &id,
            TaskStatus::InProgress,
            "بدأ العمل على المهمة:",
            "Task started:",
        ),
        TasksCommand::Done { id } => status(&id, TaskStatus::Done, "أُنجزت المهمة:", "Task done:"),
        TasksCommand::Cancel { id } => status(
            &id,
            TaskStatus::Cancelled,
            "أُلغيت المهمة:",
            "Task cancelled:",
        ),
        TasksCommand::Reopen { id } => {
            status(&id, TaskStatus::ToDo, "أُعيد فتح المهمة:", "Task reopened:")
        }
        TasksCommand::Assign { id, users } => {
            let users: Vec<String> = users
                .iter()
                .flat_map(|u| u.split(','))
                .map(|u| u.trim().to_string())
                .collect();
            let t = tasks::assign(&db, &actor, &id, &users, now)?;
            show(&t, "أُسندت المهمة:", "Task assigned:")
        }
        TasksCommand::Attach { id, file } => {
            let a = tasks::attach(&db, &actor, &id, &file, now)?;
            out.done(&a, |l| {
                format!(
                    "{}\n{}",
                    pick(l, "أُرفق الملف:", "File attached:"),
                    files_text(l, std::slice::from_ref(&a))
                )
            })
        }
        TasksCommand::Delete { id } => {
            tasks::delete(&db, &actor, &id, now)?;
            #[derive(Serialize)]
            struct Deleted<'a> {
                deleted: &'a str,
            }
            out.done(&Deleted { deleted: &id }, |l| {
                pick(l, "حُذفت المهمة.", "Task deleted.")
            })
        }
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

fn day(option: &'static str, s: &str) -> CliResult<NaiveDate> {
    NaiveDate::parse_from_str(&ascii_digits(s.trim()), "%Y-%m-%d").map_err(|_| {
        bad(
            option,
            format!("التاريخ «{s}» ليس بصيغة YYYY-MM-DD."),
            format!("“{s}” is not a date like YYYY-MM-DD."),
        )
    })
}

/// "2026-12-03", "2026-12-03 14:30" or "2026-12-03T14:30".
fn due_of(s: &str) -> CliResult<(NaiveDate, Option<NaiveTime>)> {
    let t = ascii_digits(s.trim()).replace('T', " ");
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Ok((d, None));
    }
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M")
        .map(|dt| (dt.date(), Some(dt.time())))
        .map_err(|_| {
            bad(
                "due",
                format!("«{s}» ليس يومًا مثل 2026-12-03 أو يومًا ووقتًا مثل \"2026-12-03 14:30\"."),
                format!("“{s}” is not a day like 2026-12-03, or a day and time like \"2026-12-03 14:30\"."),
            )
        })
}

/// Minutes from "90", "90m", "2h" or "1h30m".
fn minutes_of(s: &str) -> CliResult<u32> {
    let t = ascii_digits(s.trim()).to_lowercase();
    let parsed = if let Ok(m) = t.parse::<u32>() {
        Some(m)
    } else {
        let (h, rest) = match t.split_once('h') {
            Some((h, rest)) => (h.parse::<u32>().ok(), rest),
            None => (Some(0), t.as_str()),
        };
        let m = match rest.strip_suffix('m') {
            Some(m) => m.parse::<u32>().ok(),
            None if rest.is_empty() => Some(0),
            None => None,
        };
        h.zip(m)
            .and_then(|(h, m)| h.checked_mul(60)?.checked_add(m))
    };
    parsed.ok_or_else(|| {
        bad(
            "estimate",
            format!("«{s}» ليس مدة؛ اكتب الدقائق (90) أو الساعات والدقائق (1h30m)."),
            format!("“{s}” is not a duration; write minutes (90) or hours and minutes (1h30m)."),
        )
    })
}

fn input_of(a: &TaskAddArgs) -> CliResult<TaskInput> {
    let (due_on, due_time) = match a.due.as_deref() {
        Some(d) => {
            let (on, at) = due_of(d)?;
            (Some(on), at)
        }
        None => (None, None),
    };
    Ok(TaskInput {
        title: a.title.clone(),
        description: a.description.clone(),
        assignees: a.assignees.clone(),
        link: a.link().map(|(kind, id)| RecordRef {
            kind,
            id: id.to_string(),
        }),
        priority: a.priority.and_then(|p| p.0).unwrap_or_default(),
        estimate_minutes: a.estimate.as_deref().map(minutes_of).transpose()?,
        due_on,
        due_time,
    })
}

fn query_of(a: TaskListArgs) -> CliResult<TaskQuery> {
    Ok(TaskQuery {
        mine: false,
        assignee: a.assignee,
        statuses: a.status.into_iter().filter_map(|s| s.0).collect(),
        all_statuses: a.all,
        priority: a.priority.and_then(|p| p.0),
        due_from: a
            .due_from
            .as_deref()
            .map(|d| day("due-from", d))
            .transpose()?,
        due_to: a.due_to.as_deref().map(|d| day("due-to", d)).transpose()?,
        link: a.contact.map(|id| RecordRef {
            kind: RecordKind::Contact,
            id,
        }),
        limit: a.limit,
        offset: a.offset,
    })
}

fn due_text(t: &Task) -> String {
    match (t.due_on, t.due_time) {
        (Some(d), Some(at)) => format!("{d} {}", at.format("%H:%M")),
        (Some(d), None) => d.to_string(),
        _ => "—".into(),
    }
}

fn estimate_text(l: Locale, m: u32) -> String {
    let (h, m) = (m / 60, m % 60);
    match (l, h, m) {
        (Locale::Ar, 0, m) => format!("{m} دقيقة"),
        (Locale::Ar, h, 0) => format!("{h} ساعة"),
        (Locale::Ar, h, m) => format!("{h} ساعة و{m} دقيقة"),
        (Locale::En, 0, m) => format!("{m} min"),
        (Locale::En, h, 0) => format!("{h} h"),
        (Locale::En, h, m) => format!("{h} h {m} min"),
    }
}

fn names(l: Locale, t: &Task) -> String {
    t.assignees
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(&pick(l, "، ", ", "))
}

fn link_text(l: Locale, t: &Task) -> String {
    match &t.link {
        None => "—".into(),
        Some(r) => {
            let kind = maarid_core::i18n::doc_type_name(r.kind.key());
            let label = t.link_label.clone().unwrap_or_else(|| r.id.clone());
            format!("{}: {label}", kind.get(l))
        }
    }
}

fn card(l: Locale, t: &Task) -> String {
    let rows: [[String; 2]; 8] = [
        [pick(l, "العنوان", "Title"), t.title.clone()],
        [
            pick(l, "الحالة", "Status"),
            t.status.name().get(l).to_string(),
        ],
        [
            pick(l, "الأولوية", "Priority"),
            t.priority.name().get(l).to_string(),
        ],
        [pick(l, "الاستحقاق", "Due"), due_text(t)],
        [pick(l, "لـ", "For"), names(l, t)],
        [
            pick(l, "الوقت المقدّر", "Estimate"),
            t.estimate_minutes
                .map(|m| estimate_text(l, m))
                .unwrap_or_else(|| "—".into()),
        ],
        [pick(l, "مرتبطة بـ", "Linked to"), link_text(l, t)],
        [pick(l, "المعرّف", "Id"), t.id.clone()],
    ];
    let mut text = table(&rows);
    if !t.description.is_empty() {
        text.push('\n');
        text.push_str(&t.description);
    }
    text
}

fn details(l: Locale, history: &[TaskEvent], files: &[Attachment]) -> String {
    let mut rows = vec![[
        pick(l, "الوقت (UTC)", "When (UTC)"),
        pick(l, "الحالة", "Status"),
        pick(l, "بواسطة", "By"),
    ]];
    for e in history {
        let step = match e.from {
            None => format!("{} ({})", e.to.name().get(l), pick(l, "أُنشئت", "created")),
            Some(f) => format!("{} → {}", f.name().get(l), e.to.name().get(l)),
        };
        let by = e.by_name.clone().unwrap_or_else(|| "cli".into());
        rows.push([e.at.get(..16).unwrap_or(&e.at).replace('T', " "), step, by]);
    }
    let mut text = format!("{}\n{}", pick(l, "السجل:", "History:"), table(&rows));
    if !files.is_empty() {
        text.push_str(&format!(
            "\n\n{}\n{}",
            pick(l, "المرفقات:", "Files:"),
            files_text(l, files)
        ));
    }
    text
}

fn files_text(l: Locale, files: &[Attachment]) -> String {
    let mut rows = vec![[
        pick(l, "الملف", "File"),
        pick(l, "الحجم (بايت)", "Size (bytes)"),
        "SHA-256".to_string(),
    ]];
    for f in files {
        rows.push([f.file_name.clone(), f.size.to_string(), f.sha256.clone()]);
    }
    table(&rows)
}

fn list_text(l: Locale, list: &[Task]) -> String {
    if list.is_empty() {
        return pick(l, "لا توجد مهام.", "No tasks.");
    }
    let mut rows = vec![[
        pick(l, "الاستحقاق", "Due"),
        pick(l, "الأولوية", "Priority"),
        pick(l, "العنوان", "Title"),
        pick(l, "لـ", "For"),
        pick(l, "الحالة", "Status"),
        pick(l, "المعرّف", "Id"),
    ]];
    for t in list {
        rows.push([
            due_text(t),
            t.priority.name().get(l).to_string(),
            t.title.clone(),
            names(l, t),
            t.status.name().get(l).to_string(),
            t.id.clone(),
        ]);
    }
    table(&rows)
}
