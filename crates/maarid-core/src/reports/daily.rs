//! The daily employee report: for each user and day, what they did — calls, visits
//! and messages logged, inquiries created, quotations sent and accepted, tasks done —
//! counted and
//! listed in time order. The day is the showroom's local day (the notification time
//! zone), so an evening call is not filed under tomorrow.
//!
//! Rights: `report` read. With "own" a user sees their own day only; with "all"
//! (managers) anyone's, or everyone's at once.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::alerts::zone;
use crate::db::Db;
use crate::i18n::Text;
use crate::{Error, Result, Rule};

/// What kind of thing a person did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Call,
    Visit,
    Message,
    Email,
    Note,
    InquiryCreated,
    QuotationSent,
    QuotationAccepted,
    TaskDone,
}

impl ActivityKind {
    pub fn label(self) -> Text<&'static str> {
        use ActivityKind::*;
        match self {
            Call => Text::new("مكالمة", "Call"),
            Visit => Text::new("زيارة", "Visit"),
            Message => Text::new("رسالة", "Message"),
            Email => Text::new("بريد إلكتروني", "Email"),
            Note => Text::new("ملاحظة", "Note"),
            InquiryCreated => Text::new("استفسار جديد", "New inquiry"),
            QuotationSent => Text::new("عرض سعر أُرسل", "Quotation sent"),
            QuotationAccepted => Text::new("عرض سعر قُبل", "Quotation accepted"),
            TaskDone => Text::new("مهمة أُنجزت", "Task done"),
        }
    }
}

/// One thing done, at a moment of the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub at: DateTime<Utc>,
    pub kind: ActivityKind,
    /// The contact, or the document's number and its contact.
    pub subject: String,
    /// The outcome and note logged, if any (the outcome in each language).
    pub detail: Text<String>,
}

/// The day's counts, one per column of the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DayCounts {
    pub calls: usize,
    pub visits: usize,
    /// Messages and emails.
    pub messages: usize,
    pub inquiries_created: usize,
    pub quotations_sent: usize,
    pub quotations_accepted: usize,
    pub tasks_done: usize,
}

impl DayCounts {
    fn add(&mut self, kind: ActivityKind) {
        use ActivityKind::*;
        match kind {
            Call => self.calls += 1,
            Visit => self.visits += 1,
            Message | Email => self.messages += 1,
            Note => {}
            InquiryCreated => self.inquiries_created += 1,
            QuotationSent => self.quotations_sent += 1,
            QuotationAccepted => self.quotations_accepted += 1,
            TaskDone => self.tasks_done += 1,
        }
    }
}

/// One user's day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserDay {
    pub user_id: String,
    pub username: String,
    pub name: String,
    pub counts: DayCounts,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyReport {
    pub date: NaiveDate,
    /// The IANA zone the day was cut in.
    pub time_zone: String,
    pub users: Vec<UserDay>,
}

/// The report of `date` for `user` (a username or id), or for every user the actor
/// may see when `user` is None.
pub fn daily(db: &Db, actor: &Actor, user: Option<&str>, date: NaiveDate) -> Result<DailyReport> {
    let scope = actor.scope(DocType::Report, Action::Read);
    db.read(|conn| {
        let wanted = match user.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) => vec![find_user(conn, u)?],
            None if scope == Scope::All => all_users(conn)?,
            None => vec![find_user(
                conn,
                actor.user_id.as_deref().unwrap_or_default(),
            )?],
        };
        // "Own" reaches one's own day only; managers read anyone's.
        for (id, ..) in &wanted {
            actor.authorize(DocType::Report, Action::Read, Target::OwnedBy(Some(id)))?;
        }
        let tz = crate::alerts::settings::get_in(conn)?.zone();
        let from = zone::to_utc(tz, date.and_time(NaiveTime::MIN));
        let to = zone::to_utc(tz, date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN));
        let mut users = Vec::with_capacity(wanted.len());
        for (user_id, username, name) in wanted {
            let mut activities = activities(conn, &user_id, from, to)?;
            activities.sort_by_key(|a| a.at);
            let mut counts = DayCounts::default();
            for a in &activities {
                counts.add(a.kind);
            }
            users.push(UserDay {
                user_id,
                username,
                name,
                counts,
                activities,
            });
        }
        Ok(DailyReport {
            date,
            time_zone: tz.name().to_string(),
            users,
        })
    })
}

type UserRow = (String, String, String);

fn find_user(conn: &Connection, who: &str) -> Result<UserRow> {
    conn.query_row(
        "SELECT id, username, full_name FROM users
         WHERE (id = ?1 OR username = ?1) AND deleted_at IS NULL",
        [who],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::invalid("user", Rule::UnknownValue),
        e => e.into(),
    })
}

fn all_users(conn: &Connection) -> Result<Vec<UserRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, username, full_name FROM users WHERE deleted_at IS NULL
         ORDER BY full_name COLLATE NOCASE, username",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const CONTACT_NAME: &str =
    "COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name)";

fn stamp(t: DateTime<Utc>) -> String {
    crate::ids::stamp(t)
}

fn parse(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// What `user` logged between `from` and `to`: interactions by when they happened,
/// sales events by when they were recorded.
fn activities(
    conn: &Connection,
    user: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Activity>> {
    let (from, to) = (stamp(from), stamp(to));
    let mut out = Vec::new();
    let mut logged = conn.prepare_cached(&format!(
        "SELECT i.occurred_at, i.kind, {CONTACT_NAME}, i.outcome, i.body
         FROM interactions i JOIN contacts c ON c.id = i.contact_id
         WHERE i.created_by = ?1 AND i.deleted_at IS NULL
           AND i.occurred_at >= ?2 AND i.occurred_at < ?3"
    ))?;
    let rows = logged.query_map(params![user, from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (at, kind, name, outcome, body) = row?;
        let kind = match kind.as_str() {
            "call" => ActivityKind::Call,
            "visit" => ActivityKind::Visit,
            "message" => ActivityKind::Message,
            "email" => ActivityKind::Email,
            _ => ActivityKind::Note,
        };
        let Some(at) = parse(&at) else { continue };
        let outcome = crate::interactions::outcome_label(outcome.trim());
        let join = |o: Option<&str>| {
            [o.unwrap_or_default(), body.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — ")
        };
        let detail = Text::new(
            join(outcome.as_ref().map(|o| o.ar)),
            join(outcome.as_ref().map(|o| o.en)),
        );
        out.push(Activity {
            at,
            kind,
            subject: name.unwrap_or_default(),
            detail,
        });
    }
    let mut events = conn.prepare_cached(&format!(
        "SELECT e.at, e.doc_type, e.event, e.status, e.doc_number, {CONTACT_NAME}
         FROM sales_events e JOIN contacts c ON c.id = e.contact_id
         WHERE e.actor_id = ?1 AND e.at >= ?2 AND e.at < ?3
           AND ((e.doc_type = 'inquiry' AND e.event = 'created')
             OR (e.doc_type = 'quotation' AND e.event = 'status' AND e.status IN ('sent', 'accepted')))"
    ))?;
    let rows = events.query_map(params![user, from, to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    for row in rows {
        let (at, doc, status, number, name) = row?;
        let kind = match (doc.as_str(), status.as_deref()) {
            ("inquiry", _) => ActivityKind::InquiryCreated,
            (_, Some("accepted")) => ActivityKind::QuotationAccepted,
            _ => ActivityKind::QuotationSent,
        };
        let Some(at) = parse(&at) else { continue };
        let subject = match name.filter(|n| !n.trim().is_empty()) {
            Some(n) => format!("{number} — {n}"),
            None => number,
        };
        out.push(Activity {
            at,
            kind,
            subject,
            detail: Text::new(String::new(), String::new()),
        });
    }
    let mut done = conn.prepare_cached(
        "SELECT e.at, t.title FROM task_events e JOIN tasks t ON t.id = e.task_id
         WHERE e.to_status = 'done' AND e.by_user = ?1 AND e.at >= ?2 AND e.at < ?3
           AND t.deleted_at IS NULL",
    )?;
    let rows = done.query_map(params![user, from, to], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (at, title) = row?;
        let Some(at) = parse(&at) else { continue };
        out.push(Activity {
            at,
            kind: ActivityKind::TaskDone,
            subject: title,
            detail: Text::new(String::new(), String::new()),
        });
    }
    Ok(out)
}
