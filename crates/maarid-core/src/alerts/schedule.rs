//! What falls due when: the one instant the app sleeps until, and what is due now.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::{settings, sources, zone, Occurrence};
use crate::alerts::NotificationKind;
use crate::reminders;
use crate::Result;

/// Every source's occurrence in hand (due or not yet), and the later instants at
/// which something new falls due (with whose it is).
struct Plan {
    candidates: Vec<Occurrence>,
    later: Vec<(DateTime<Utc>, String)>,
}

fn plan(conn: &Connection, now: DateTime<Utc>) -> Result<Plan> {
    let s = settings::get_in(conn)?;
    let tz = s.zone();
    let today = zone::local(tz, now).date();
    let mut out = Plan {
        candidates: Vec::new(),
        later: Vec::new(),
    };
    if !s.is_muted(NotificationKind::Reminder) {
        for r in reminders::active(conn)? {
            let p = reminders::plan(&r, tz, now);
            out.candidates.push(reminders::occurrence(&r, &p, tz));
            if let Some(n) = p.next {
                out.later.push((n.at, r.assignee_id.clone()));
            }
        }
    }
    for source in sources::all() {
        let kind = source.kind();
        let k = s.kind(kind);
        if k.muted {
            continue;
        }
        for item in source.items(conn, today)? {
            let occurrence_at = zone::at_hour(tz, item.event_on, s.morning_hour);
            let fire_day = item.event_on - Duration::days(i64::from(k.lead_days));
            let fire_at = zone::at_hour(tz, fire_day, s.morning_hour);
            let (title, body) = source.text(&item, today);
            out.candidates.push(Occurrence {
                kind,
                source_id: item.source_id,
                occurrence_at,
                fire_at,
                recipient_id: item.recipient_id,
                title,
                body,
                event_on: Some(item.event_on),
                open: Some(item.open),
            });
        }
    }
    Ok(out)
}

/// Everything due at `now` and not delivered yet, oldest first: reminder occurrences
/// and alerts alike, muted kinds left out. Nothing is recorded.
pub fn due_at(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Occurrence>> {
    let mut due = Vec::new();
    for o in plan(conn, now)?.candidates {
        if o.fire_at <= now && !super::delivery::is_delivered(conn, &o)? {
            due.push(o);
        }
    }
    due.sort_by(|a, b| (a.fire_at, &a.source_id).cmp(&(b.fire_at, &b.source_id)));
    Ok(due)
}

/// The single instant the app sleeps until: the earliest undelivered occurrence
/// (in the past when something is already due), or none when nothing is planned.
pub fn next_due(conn: &Connection, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    next_due_for(conn, None, now)
}

/// [`next_due`] for what one user is shown (all users' when none). The app plans with
/// this: another user's undelivered item, already due, must not wake it again and again.
pub fn next_due_for(
    conn: &Connection,
    user_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let p = plan(conn, now)?;
    let mine = |who: Option<&str>| match (user_id, who) {
        (Some(u), Some(w)) => u == w,
        _ => true,
    };
    let mut best = p
        .later
        .into_iter()
        .filter(|(t, who)| *t > now && mine(Some(who)))
        .map(|(t, _)| t)
        .min();
    for o in p.candidates {
        if !mine(o.recipient_id.as_deref()) || best.is_some_and(|b| o.fire_at >= b) {
            continue;
        }
        if o.fire_at > now || !super::delivery::is_delivered(conn, &o)? {
            best = Some(o.fire_at);
        }
    }
    Ok(best)
}
