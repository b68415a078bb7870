//! Reminders, notification settings and the notification center. The actor comes from
//! the session; the core checks rights. Every change re-plans the notification loop.

use chrono::Utc;
use tauri::State;

use super::{out, CmdResult};
use crate::notify;
use crate::state::AppState;
use maarid_core::alerts::{self, NotificationSettings};
use maarid_core::reminders::{
    self, OccurrenceOutcome, Reminder, ReminderInput, ReminderQuery, Snooze,
};

/// A change that may move what falls due (reminders, quotations' validity, inquiries'
/// follow-up dates, settings): re-plan the notifications, then hand the result on.
pub(crate) fn changed<T>(r: maarid_core::Result<T>) -> CmdResult<T> {
    if r.is_ok() {
        notify::replan();
    }
    out(r)
}

#[tauri::command(async)]
pub fn reminders_list(
    state: State<'_, AppState>,
    query: ReminderQuery,
) -> CmdResult<Vec<Reminder>> {
    out(state
        .actor()
        .and_then(|a| reminders::list(&state.db, &a, &query)))
}

#[tauri::command(async)]
pub fn reminders_get(state: State<'_, AppState>, id: String) -> CmdResult<Reminder> {
    out(state
        .actor()
        .and_then(|a| reminders::get(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn reminders_history(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<OccurrenceOutcome>> {
    out(state
        .actor()
        .and_then(|a| reminders::history(&state.db, &a, &id)))
}

#[tauri::command(async)]
pub fn reminders_create(state: State<'_, AppState>, input: ReminderInput) -> CmdResult<Reminder> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::create(&state.db, &a, &input, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn reminders_update(
    state: State<'_, AppState>,
    id: String,
    input: ReminderInput,
) -> CmdResult<Reminder> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::update(&state.db, &a, &id, &input, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn reminders_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::delete(&state.db, &a, &id, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn reminders_done(state: State<'_, AppState>, id: String) -> CmdResult<Reminder> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::done(&state.db, &a, &id, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn reminders_dismiss(state: State<'_, AppState>, id: String) -> CmdResult<Reminder> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::dismiss(&state.db, &a, &id, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn reminders_snooze(
    state: State<'_, AppState>,
    id: String,
    how: Snooze,
) -> CmdResult<Reminder> {
    changed(
        state
            .actor()
            .and_then(|a| reminders::snooze(&state.db, &a, &id, how, Utc::now())),
    )
}

#[tauri::command(async)]
pub fn notification_settings_get(state: State<'_, AppState>) -> CmdResult<NotificationSettings> {
    out(state.actor().and_then(|_| alerts::settings::get(&state.db)))
}

#[tauri::command(async)]
pub fn notification_settings_update(
    state: State<'_, AppState>,
    input: NotificationSettings,
) -> CmdResult<NotificationSettings> {
    changed(
        state
            .actor()
            .and_then(|a| alerts::settings::update(&state.db, &a, &input, Utc::now())),
    )
}

/// The notification center: what was raised for this user in this run of the app.
/// `seen` marks them read (the list was opened).
#[tauri::command(async)]
pub fn notifications_recent(
    state: State<'_, AppState>,
    seen: bool,
) -> CmdResult<notify::CenterList> {
    let user = out(state.session())?.user.id;
    let list = notify::recent(&user);
    if seen {
        notify::mark_seen();
    }
    Ok(list)
}
