//! What the user sees: one notification per occurrence, or one for the lot when many
//! fell due while the app was closed.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{zone, NotificationKind, Occurrence, RecordRef};
use crate::Locale;

/// An occurrence that fired more than this before it is shown was missed (the app was
/// closed or the computer asleep), rather than shown on time.
const LATE: Duration = Duration::minutes(1);

/// What the app hands to the OS (notify-rust) and to its notification center.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notification {
    pub title: String,
    pub body: String,
    /// The record to open on click; none for a group (opens the notification center).
    pub open: Option<RecordRef>,
    /// None for a group.
    pub kind: Option<NotificationKind>,
    /// How many occurrences it stands for.
    pub count: usize,
}

/// Notifications for freshly delivered occurrences, in `locale`. When more than
/// `group_over` of them were missed, those become one grouped notification listing
/// them ("N reminders while you were away"); on-time ones stay one each.
pub fn compose(
    occurrences: &[Occurrence],
    locale: Locale,
    now: DateTime<Utc>,
    group_over: usize,
    tz: Tz,
) -> Vec<Notification> {
    let (missed, on_time): (Vec<&Occurrence>, Vec<&Occurrence>) =
        occurrences.iter().partition(|o| now - o.fire_at > LATE);
    let mut out = Vec::new();
    let single = |o: &Occurrence| Notification {
        title: o.title.get(locale).clone(),
        body: o.body.get(locale).clone(),
        open: o.open.clone(),
        kind: Some(o.kind),
        count: 1,
    };
    if missed.len() > group_over {
        let n = missed.len();
        let title = match locale {
            Locale::Ar => format!("تذكيرات أثناء غيابك: {n}"),
            Locale::En => format!("{n} reminders while you were away"),
        };
        let body = missed
            .iter()
            .map(|o| {
                let at = zone::local(tz, o.fire_at).format("%Y-%m-%d %H:%M");
                format!("• {} ({at})", o.title.get(locale))
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.push(Notification {
            title,
            body,
            open: None,
            kind: None,
            count: n,
        });
    } else {
        out.extend(missed.into_iter().map(single));
    }
    out.extend(on_time.into_iter().map(single));
    out
}
