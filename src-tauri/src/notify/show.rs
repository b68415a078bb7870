//! Hands a notification to the OS (notify-rust) and, where the OS reports clicks
//! (freedesktop notification servers on Linux), opens its record in the window.

use maarid_core::alerts::RecordRef;
use maarid_core::Locale;
use tauri::{AppHandle, Emitter, Manager};

use super::center::Shown;

/// Tells the window to open a record (or the notification center when none).
pub const OPEN_EVENT: &str = "notify:open";

pub fn raise(app: &AppHandle, shown: &Shown, locale: Locale) {
    let app = app.clone();
    let shown = shown.clone();
    // One thread per notification: showing is a D-Bus round trip, and waiting for the
    // click blocks until the notification is clicked or closed.
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let mut n = notify_rust::Notification::new();
            n.appname("Maarid")
                .summary(&shown.title)
                .body(&shown.body)
                // "default" is the click on the notification itself.
                .action(
                    "default",
                    match locale {
                        Locale::Ar => "فتح",
                        Locale::En => "Open",
                    },
                );
            match n.show() {
                Ok(handle) => wait_for_click(app, handle, shown.open),
                Err(e) => log::warn!("could not show a notification: {e}"),
            }
        });
    if let Err(e) = spawned {
        log::warn!("could not start a notification thread: {e}");
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn wait_for_click(
    app: AppHandle,
    handle: notify_rust::NotificationHandle,
    open: Option<RecordRef>,
) {
    handle.wait_for_action(|action| {
        if action == "default" {
            open_in_window(&app, open);
        }
    });
}

/// Elsewhere the OS brings the app forward itself; there is no click to wait for.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn wait_for_click<H>(_app: AppHandle, _handle: H, _open: Option<RecordRef>) {}

pub fn open_in_window(app: &AppHandle, open: Option<RecordRef>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
    if let Err(e) = app.emit(OPEN_EVENT, open) {
        log::warn!("could not tell the window to open a record: {e}");
    }
}
