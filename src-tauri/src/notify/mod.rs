//! Desktop notifications for reminders and expiry alerts.
//!
//! One background thread sleeps until the logged-in user's next due instant
//! (`alerts::next_due_for`), never polling minute by minute. It wakes early when the
//! data changes: the reminder, inquiry, quotation and settings commands, login and
//! logout call [`replan`]. On waking it calls `alerts::take_due`, which records each
//! occurrence as delivered before it is shown, so a restart or a second process never
//! shows one twice, and what fell due while the app was closed is caught up at login
//! (grouped by the core when there are many).
//!
//! Sleep and clock changes: timed waits run on the monotonic clock, which stops while
//! the computer sleeps. So the loop waits in steps of at most [`CAP`] and compares
//! the wall clock with the due instant after each step (a clock read, no database
//! work). On Linux logind's resume signal re-plans at once, and the step is long;
//! elsewhere a missed item is at most a minute late after a resume.

mod center;
mod plan;
mod resume;
mod show;
mod signal;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chrono::Utc;
use maarid_core::{alerts, settings, Locale};
use tauri::{AppHandle, Emitter, Manager};

pub use center::CenterList;

use crate::state::AppState;
use plan::Wait;
use signal::Signal;

/// The step without a resume signal: a missed item is at most this late after a resume.
const CAP: Duration = Duration::from_secs(60);
/// With logind's resume signal, the step only catches a system clock set by hand.
const CAP_WITH_RESUME: Duration = Duration::from_secs(15 * 60);
/// After a failed pass (the database busy or broken), try again this much later.
const RETRY: Duration = Duration::from_secs(30);

/// Sent to the window for each notification raised, for the bell.
pub const SHOWN_EVENT: &str = "notify:shown";

struct Notifier {
    signal: Signal,
    center: center::Center,
}

static NOTIFIER: OnceLock<Arc<Notifier>> = OnceLock::new();

fn notifier() -> &'static Arc<Notifier> {
    NOTIFIER.get_or_init(|| {
        Arc::new(Notifier {
            signal: Signal::default(),
            center: center::Center::default(),
        })
    })
}

/// The data the schedule depends on changed: plan the next wake again.
pub fn replan() {
    notifier().signal.poke();
}

/// The logged-in user's notifications raised in this run.
pub fn recent(user_id: &str) -> CenterList {
    notifier().center.list(user_id)
}

pub fn mark_seen() {
    notifier().center.mark_seen();
}

/// Starts the loop (once, from the app's setup).
pub fn start(app: AppHandle) {
    let n = notifier().clone();
    let has_resume = resume::listen(replan);
    let cap = if has_resume { CAP_WITH_RESUME } else { CAP };
    let spawned = std::thread::Builder::new()
        .name("notifications".into())
        .spawn(move || run(app, n, cap));
    if let Err(e) = spawned {
        log::warn!("could not start notifications: {e}");
    }
}

/// Who is logged in and in which language; none before login.
fn recipient(state: &AppState) -> Option<(String, Locale)> {
    let session = state.session().ok()?;
    let locale = session.user.locale.unwrap_or_else(|| {
        settings::get(&state.db)
            .map(|s| s.default_locale)
            .unwrap_or(Locale::Ar)
    });
    Some((session.user.id, locale))
}

fn run(app: AppHandle, n: Arc<Notifier>, cap: Duration) {
    loop {
        let seen = n.signal.seen();
        let state = app.state::<AppState>();
        let Some((user, locale)) = recipient(&state) else {
            n.signal.wait(seen, None);
            continue;
        };
        let next = match pass(&app, &n, &state, &user, locale) {
            Ok(next) => next,
            Err(e) => {
                log::warn!("notifications: {e}");
                n.signal.wait(seen, Some(RETRY));
                continue;
            }
        };
        // Wait for the due instant by the wall clock, in steps, unless re-planned.
        loop {
            match plan::wait(next, Utc::now(), cap) {
                Wait::Now => break,
                Wait::For(d) => {
                    if n.signal.wait(seen, Some(d)) {
                        break;
                    }
                }
                Wait::UntilChanged => {
                    n.signal.wait(seen, None);
                    break;
                }
            }
        }
    }
}

/// Raises what is due now and returns the next instant to wake at.
fn pass(
    app: &AppHandle,
    n: &Notifier,
    state: &AppState,
    user: &str,
    locale: Locale,
) -> maarid_core::Result<Option<chrono::DateTime<Utc>>> {
    let now = Utc::now();
    for note in alerts::take_due(&state.db, Some(user), locale, now)? {
        let shown = n.center.add(user, &note, now);
        show::raise(app, &shown, locale);
        let _ = app.emit(SHOWN_EVENT, &shown);
    }
    let next = state
        .db
        .read(|c| alerts::next_due_for(c, Some(user), Utc::now()))?;
    // take_due left nothing due for this user, so a past instant can only be one that
    // fell due just now; a short pause keeps a disagreement from spinning the loop.
    Ok(next.map(|t| t.max(Utc::now() + chrono::Duration::milliseconds(100))))
}
