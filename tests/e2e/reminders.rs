//! Reminders and desktop notifications in the real window, observed for real: Debian's
//! `dunst` runs inside the test's D-Bus session, and `dbus-monitor` timestamps every
//! `org.freedesktop.Notifications.Notify` call the app makes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Timelike, Utc};
use maarid_core::alerts;
use maarid_core::contacts::{self, ContactInput, ContactKind, PhoneInput, PhoneLabel};
use maarid_core::reminders::{self, Recurrence, ReminderInput};
use maarid_core::{users, Db};
use serde_json::json;

use super::driver::{exclusive, within, App};
use crate::{login, painted_screenshot, prepared_db, set_value, ADMIN_PW};

/// Starts the notification server and the monitor inside the session, and waits until
/// the server owns its bus name (so the app's first notification finds it).
fn prelude(out: &Path) -> String {
    format!(
        r#"out='{out}'
dunst > "$out/dunst.log" 2>&1 &
dbus-monitor "interface='org.freedesktop.Notifications'" > "$out/monitor.log" 2>&1 &
echo "$DBUS_SESSION_BUS_ADDRESS" > "$out/bus"
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q true
do i=$((i+1)); [ $i -gt 200 ] && break; sleep 0.05; done"#,
        out = out.display()
    )
}

#[derive(Debug)]
struct NotifyCall {
    at: DateTime<Utc>,
    summary: String,
}

/// The Notify calls in a dbus-monitor log: the call's time and its summary (the third
/// string argument: app name, icon, summary, body).
fn notify_calls(log: &Path) -> Vec<NotifyCall> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut calls = Vec::new();
    let mut current: Option<(DateTime<Utc>, Vec<String>)> = None;
    for line in text.lines() {
        if line.starts_with("method call ")
            || line.starts_with("signal ")
            || line.starts_with("method return")
        {
            if let Some((at, strings)) = current.take() {
                if let Some(s) = strings.get(2) {
                    calls.push(NotifyCall {
                        at,
                        summary: s.clone(),
                    });
                }
            }
            if line.starts_with("method call ") && line.contains("member=Notify") {
                let t: f64 = line
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("time="))
                    .and_then(|t| t.parse().ok())
                    .expect("a timestamp on the call");
                let at = DateTime::from_timestamp(
                    (t * 1e6) as i64 / 1_000_000,
                    ((t * 1e6) as i64 % 1_000_000 * 1000) as u32,
                )
                .unwrap();
                current = Some((at, Vec::new()));
            }
        } else if let Some((_, strings)) = current.as_mut() {
            if let Some(s) = line.trim_start().strip_prefix("string \"") {
                strings.push(s.trim_end_matches('"').to_string());
            }
        }
    }
    if let Some((at, strings)) = current {
        if let Some(s) = strings.get(2) {
            calls.push(NotifyCall {
                at,
                summary: s.clone(),
            });
        }
    }
    calls
}

async fn wait_for_notify(log: &Path, title: &str, within_secs: u64) -> NotifyCall {
    let deadline = Instant::now() + Duration::from_secs(within_secs);
    loop {
        if let Some(c) = notify_calls(log).into_iter().find(|c| c.summary == title) {
            return c;
        }
        assert!(
            Instant::now() < deadline,
            "no Notify for {title:?} in {}:\n{}",
            log.display(),
            std::fs::read_to_string(log).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn dunstctl(out: &Path, args: &[&str]) {
    let bus = std::fs::read_to_string(out.join("bus")).unwrap();
    let ok = std::process::Command::new("dunstctl")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", bus.trim())
        .status()
        .expect("run dunstctl")
        .success();
    assert!(ok, "dunstctl {args:?}");
}

/// A reminder for the admin, added straight to the file (as the CLI would) while the app
/// is closed, due `ago` in the past.
fn missed_reminder(db: &Path, title: &str, ago: chrono::Duration) {
    let db = Db::open(db).unwrap();
    let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
    let now = Utc::now();
    let input = ReminderInput {
        title: title.into(),
        note: String::new(),
        due: (now - ago).naive_utc(),
        link: None,
        assignee: None,
        recurrence: Recurrence::default(),
    };
    reminders::create(&db, &admin.actor, &input, now).unwrap();
}

/// Setup done, notifications planned in UTC (so the wall clock typed in the form is the
/// instant the test measures against) and one contact to link a reminder to.
fn reminder_db(dir: &Path) -> (PathBuf, String) {
    let tmp = tempfile::tempdir_in(dir).unwrap();
    let made = prepared_db(&tmp, &[], 5);
    let path = dir.join("maarid.sqlite");
    std::fs::rename(&made, &path).unwrap();
    let db = Db::open(&path).unwrap();
    let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
    let mut s = alerts::settings::get(&db).unwrap();
    s.time_zone = Some("UTC".into());
    alerts::settings::update(&db, &admin.actor, &s, Utc::now()).unwrap();
    let contact = contacts::create(
        &db,
        &admin.actor,
        &ContactInput {
            kind: Some(ContactKind::Customer),
            name_ar: "فهد الدوسري".into(),
            phones: vec![PhoneInput {
                number: "0557778899".into(),
                label: PhoneLabel::Mobile,
            }],
            ..Default::default()
        },
        false,
    )
    .unwrap();
    (path, contact.id)
}

async fn bell_titles(app: &App) -> Vec<String> {
    app.click("#notify-bell").await;
    app.wait_for("#notify-panel:not([hidden]) li").await;
    let v = app
        .js("return [...document.querySelectorAll('#notify-panel li[data-notification-id] .notify-title')].map(e => e.textContent)")
        .await;
    app.click("#notify-bell").await;
    serde_json::from_value(v).unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn a_reminder_made_in_the_window_is_notified_on_time_once_and_listed_in_the_bell() {
    let _turn = exclusive().await;
    for tool in ["dunst", "dunstctl", "dbus-monitor", "dbus-send"] {
        let found = std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .unwrap()
            .status
            .success();
        assert!(
            found,
            "this test needs `{tool}` (Debian packages dunst and dbus; bash .ci/run installs them)"
        );
    }
    within(async {
        let data = tempfile::tempdir().unwrap();
        let (db, contact) = reminder_db(data.path());
        let missed = "اتصل بالعميل قبل الظهر";
        missed_reminder(&db, missed, chrono::Duration::hours(1));

        // ---- First run: the missed one is caught up at login.
        let run1 = tempfile::tempdir().unwrap();
        let out1 = run1.path().join("out");
        std::fs::create_dir_all(&out1).unwrap();
        let app = App::launch_in_session(run1, db.clone(), &[], Some(&prelude(&out1))).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav a[data-route=reminders]").await;
        wait_for_notify(&out1.join("monitor.log"), missed, 20).await;
        dunstctl(&out1, &["close-all"]);

        // ---- A reminder made from the contact card, due a few seconds ahead.
        app.route(&format!("#/contacts/{contact}")).await;
        app.click("#reminder-add-here").await;
        app.wait_for("#reminder-dialog[open] #reminder-link:not([hidden])").await;
        let title = "موعد تجربة القيادة مع فهد";
        app.fill("#reminder-title", title).await;
        app.fill("#reminder-note", "كامري 2026 — الفرع الرئيسي").await;
        let mut due = (Utc::now() + chrono::Duration::seconds(14)).naive_utc();
        due = due.with_nanosecond(0).unwrap();
        if due.second() == 0 {
            due += chrono::Duration::seconds(1); // WebKit drops ":00" seconds from the value
        }
        set_value(&app, "#reminder-due", &due.format("%Y-%m-%dT%H:%M:%S").to_string()).await;
        painted_screenshot(&app, "rem-01-dialog-ar").await;
        app.click("#reminder-save").await;
        app.wait_until("the form to close", "!document.querySelector('#reminder-dialog[open]')").await;

        app.click("#main-nav a[data-route=reminders]").await;
        app.wait_for("#reminders-table tr[data-reminder-id]").await;
        let rows = app.js("return document.querySelectorAll('#reminders-table tr[data-reminder-id]').length").await;
        assert_eq!(rows, json!(2));
        assert_eq!(app.js("return document.documentElement.dir").await, "rtl");
        painted_screenshot(&app, "rem-02-list-ar").await;
        app.click("#lang-toggle").await;
        app.wait_until("English", "document.documentElement.dir === 'ltr'").await;
        painted_screenshot(&app, "rem-02-list-en").await;
        app.click("#lang-toggle").await;
        app.wait_until("Arabic again", "document.documentElement.dir === 'rtl'").await;

        // ---- The notification, on time: measured from the Notify call's own timestamp.
        let call = wait_for_notify(&out1.join("monitor.log"), title, 40).await;
        let due_at = due.and_utc();
        let late = (call.at - due_at).num_milliseconds();
        eprintln!("notification delay after its due time: {late} ms (Notify at {}, due {due_at})", call.at);
        assert!((0..=1000).contains(&late), "Notify {late} ms after the due time");

        // ---- The bell counts it and lists both; the list opens the record.
        app.wait_until("the bell to count", "document.querySelector('#notify-bell')?.dataset.unread === '2'").await;
        app.click("#notify-bell").await;
        app.wait_for("#notify-panel:not([hidden]) li[data-notification-id]").await;
        painted_screenshot(&app, "rem-03-bell-ar").await;
        let titles = app
            .js("return [...document.querySelectorAll('#notify-panel .notify-title')].map(e => e.textContent)")
            .await;
        assert_eq!(titles, json!([title, missed]), "newest first");
        app.click("#notify-panel li:first-child button.notify-item").await;
        app.wait_until("the contact card", &format!("location.hash === '#/contacts/{contact}'")).await;
        assert_eq!(app.js("return document.querySelector('#notify-bell').dataset.unread").await, "0");

        // ---- The administrators' settings: time zone, hours, muting per kind.
        app.route("#/settings/notifications").await;
        app.wait_for("#notify-kinds tr[data-kind=quotation_expiry] input[name=lead_days]").await;
        assert_eq!(app.js("return document.querySelector('#notify-time-zone').value").await, "UTC");
        painted_screenshot(&app, "rem-04-settings-ar").await;

        // ---- Snooze and done from the list.
        app.route("#/reminders").await;
        let row = |t: &str| format!("[...document.querySelectorAll('#reminders-table tr[data-reminder-id]')].find(r => r.textContent.includes({}))", json!(t));
        app.js(&format!("{}.querySelector('details.snooze-menu summary').click()", row(missed))).await;
        app.js(&format!("{}.querySelector('[data-snooze=ten_minutes]').click()", row(missed))).await;
        app.wait_until("the snoozed mark", &format!("{}?.querySelector('.col-due .badge')?.dataset.i18n === 'rem.snoozed'", row(missed))).await;
        app.js(&format!("{}.querySelector('button[data-action=done]').click()", row(title))).await;
        app.wait_until("the done one to leave the active list", &format!("!{}", row(title))).await;

        // ---- Clicking the desktop notification (dunst's default action) opens it too.
        app.route("#/home").await;
        app.wait_for("#welcome").await;
        dunstctl(&out1, &["action", "0"]);
        app.wait_until("the click to open the contact", &format!("location.hash === '#/contacts/{contact}'")).await;
        // ---- The form with a weekly rule, for the eye.
        app.route("#/reminders").await;
        app.click("#reminder-add").await;
        app.wait_for("#reminder-dialog[open]").await;
        set_value(&app, "#reminder-repeat", "weekly").await;
        app.click("label[for=reminder-day-Sun]").await;
        app.click("label[for=reminder-day-Wed]").await;
        app.click("label[for=reminder-ends-after]").await;
        app.wait_until("the count field", "!document.querySelector('#reminder-count').closest('.field').hidden").await;
        painted_screenshot(&app, "rem-05-dialog-weekly-ar").await;
        app.click("#reminder-cancel").await;
        app.quit().await;

        let delivered = || {
            let db = Db::open(&db).unwrap();
            db.read(alerts::delivered).unwrap()
        };
        assert_eq!(delivered(), 2);

        // ---- Second run: one more missed while closed; nothing shown twice.
        let closed = "راجع عرض السعر المعلّق";
        missed_reminder(&db, closed, chrono::Duration::minutes(5));
        let run2 = tempfile::tempdir().unwrap();
        let out2 = run2.path().join("out");
        std::fs::create_dir_all(&out2).unwrap();
        let app = App::launch_in_session(run2, db.clone(), &[], Some(&prelude(&out2))).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        wait_for_notify(&out2.join("monitor.log"), closed, 20).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let again: Vec<String> = notify_calls(&out2.join("monitor.log")).into_iter().map(|c| c.summary).collect();
        assert_eq!(again, [closed], "only the new one after the restart");
        assert_eq!(bell_titles(&app).await, [closed]);
        assert_eq!(delivered(), 3);

        // ---- A muted kind is not shown; unmuting re-plans and shows what fell due.
        app.route("#/settings/notifications").await;
        app.click("#notify-kinds tr[data-kind=reminder] input[name=muted]").await;
        app.click("#notify-settings-save").await;
        app.wait_until("saved muted", "document.querySelector('#notify-kinds tr[data-kind=reminder] input[name=muted]')?.checked && !document.querySelector('#notify-settings-save').disabled").await;
        let quiet = "تذكير في وقت الكتم";
        let due = (Utc::now() + chrono::Duration::seconds(3)).naive_utc().with_nanosecond(0).unwrap();
        app.invoke("reminders_create", json!({"input": {"title": quiet, "due": due.format("%Y-%m-%dT%H:%M:%S").to_string()}}))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(notify_calls(&out2.join("monitor.log")).iter().all(|c| c.summary != quiet), "muted, yet shown");
        app.click("#notify-kinds tr[data-kind=reminder] input[name=muted]").await;
        let unmuted = Utc::now();
        app.click("#notify-settings-save").await;
        let call = wait_for_notify(&out2.join("monitor.log"), quiet, 10).await;
        let after = (call.at - unmuted).num_milliseconds();
        eprintln!("shown {after} ms after unmuting");
        assert!(after < 2000, "unmuting re-plans at once ({after} ms)");
        app.quit().await;
    })
    .await;
}
