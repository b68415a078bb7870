//! Maarid desktop app: opens the database, then the window. All business logic is in
//! the maarid-core crate; this crate only wires it to Tauri.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod notify;
mod startup_probe;
mod state;

use std::path::PathBuf;
use std::sync::Arc;

use maarid_core::{db, Db, Locale};
use tauri::Manager;

const HELP: &str = "\
Maarid (معارض) — offline-first CRM for showrooms

Usage: maarid [--db PATH]

Options:
  --db PATH     Use the database file at PATH (created if missing).
                Default: $MAARID_DB, else the per-user data directory.
  -h, --help    Show this help.
  -V, --version Show the version.

The command-line tool for administrators and scripts is maarid-cli (see maarid-cli --help).";

fn db_flag() -> Result<Option<PathBuf>, String> {
    let mut args = std::env::args().skip(1);
    let mut db = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            "-V" | "--version" => {
                println!("maarid {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--db" => db = Some(args.next().ok_or("--db needs a file path")?.into()),
            s if s.starts_with("--db=") => db = Some(s["--db=".len()..].into()),
            // Other arguments (e.g. from the OS or a WebDriver) are not ours.
            _ => {}
        }
    }
    Ok(db)
}

fn open_db() -> Result<Db, String> {
    let flag = db_flag()?;
    let path = db::resolve_db_path(flag.as_deref()).map_err(|e| e.message(Locale::En))?;
    Db::open(&path).map_err(|e| {
        let t = e.text();
        format!("{}\n{}\n({})", t.ar, t.en, path.display())
    })
}

/// Sales housekeeping (quotations expire, unanswered inquiries close) at start-up and
/// then every hour, so a day change is caught soon; the core does the work.
fn start_housekeeping(db: Arc<Db>) {
    let spawned = std::thread::Builder::new()
        .name("housekeeping".into())
        .spawn(move || loop {
            match maarid_core::sales::daily::run(&db, chrono::Utc::now()) {
                Ok(h) if h != Default::default() => log::info!("housekeeping: {h:?}"),
                Ok(_) => {}
                Err(e) => log::warn!("housekeeping failed: {e}"),
            }
            std::thread::sleep(std::time::Duration::from_secs(3600));
        });
    if let Err(e) = spawned {
        log::warn!("could not start housekeeping: {e}");
    }
}

fn main() {
    startup_probe::mark_start();
    let db = match open_db() {
        Ok(db) => Arc::new(db),
        Err(msg) => {
            eprintln!("maarid: {msg}");
            std::process::exit(1);
        }
    };

    // The phone-number tables load on first use (tens of ms); do it off the UI path so
    // the first contact a user saves is not the slow one.
    std::thread::spawn(|| {
        let _ = maarid_core::contacts::phone::normalize_phone("0500000000", "SA");
    });

    start_housekeeping(db.clone());

    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second launch brings the running window forward instead.
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new(db))
        .manage(commands::export::ExportState::default())
        .setup(|app| {
            notify::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::app::setup_complete,
            commands::app::login,
            commands::app::logout,
            commands::app::me,
            commands::company::company_get,
            commands::company::company_update,
            commands::company::settings_get,
            commands::company::settings_update,
            commands::company::series_list,
            commands::company::series_update,
            commands::account::password_change,
            commands::account::locale_set,
            commands::admin::users_list,
            commands::admin::users_add,
            commands::admin::users_update,
            commands::admin::users_reset_password,
            commands::admin::users_lock,
            commands::admin::users_unlock,
            commands::admin::users_delete,
            commands::admin::roles_list,
            commands::admin::roles_create,
            commands::admin::roles_update,
            commands::admin::roles_delete,
            commands::admin::audit_list,
            commands::contacts::contacts_search,
            commands::contacts::contacts_get,
            commands::contacts::contacts_create,
            commands::contacts::contacts_update,
            commands::contacts::contacts_delete,
            commands::contacts::contacts_check_duplicates,
            commands::contacts::users_directory,
            commands::contacts::contacts_restore,
            commands::contacts::contacts_timeline,
            commands::contacts::contacts_purchases,
            commands::contacts::contacts_merge,
            commands::contacts::contacts_unmerge,
            commands::contacts::contacts_merges,
            commands::contacts::contacts_assign_owner,
            commands::contacts::contacts_bulk_tag,
            commands::contacts::contacts_create_into,
            commands::contacts::contacts_parse_text,
            commands::contacts::contacts_import_vcf,
            commands::fields::fields_list,
            commands::fields::fields_create,
            commands::fields::fields_update,
            commands::fields::fields_delete,
            commands::fields::fields_restore,
            commands::fields::fields_reorder,
            commands::interactions::interactions_log,
            commands::interactions::interactions_update,
            commands::interactions::interactions_delete,
            commands::interactions::interactions_restore,
            commands::tasks::tasks_list,
            commands::tasks::tasks_get,
            commands::tasks::tasks_create,
            commands::tasks::tasks_update,
            commands::tasks::tasks_set_status,
            commands::tasks::tasks_delete,
            commands::tasks::tasks_history,
            commands::tasks::tasks_attachments,
            commands::tasks::tasks_attach_pick,
            commands::tasks::tasks_attachment_open,
            commands::tasks::tasks_attachment_remove,
            commands::print::print_document,
            commands::quotes::quotes_list,
            commands::quotes::quotes_get,
            commands::quotes::quotes_create,
            commands::quotes::quotes_from_inquiry,
            commands::quotes::quotes_preview,
            commands::quotes::quotes_update,
            commands::quotes::quotes_set_status,
            commands::quotes::quotes_revise,
            commands::quotes::quotes_copy,
            commands::quotes::quotes_convert,
            commands::quotes::quotes_history,
            commands::quotes::quotes_communications,
            commands::invoicing::invoices_list,
            commands::invoicing::invoices_get,
            commands::invoicing::invoices_set_status,
            commands::invoicing::delivery_notes_list,
            commands::invoicing::delivery_notes_get,
            commands::invoicing::delivery_notes_set_status,
            commands::catalog::products_list,
            commands::catalog::products_get,
            commands::catalog::products_create,
            commands::catalog::products_update,
            commands::catalog::products_delete,
            commands::catalog::products_restore,
            commands::catalog::products_set_stock,
            commands::catalog::products_image,
            commands::catalog::products_categories,
            commands::inquiries::inquiries_list,
            commands::inquiries::inquiries_get,
            commands::inquiries::inquiries_create,
            commands::inquiries::inquiries_update,
            commands::inquiries::inquiries_set_status,
            commands::inquiries::inquiries_approve,
            commands::inquiries::inquiries_follow_up,
            commands::inquiries::inquiries_cancel,
            commands::import::import_stage,
            commands::import::import_check,
            commands::import::import_run,
            commands::import::import_cancel,
            commands::import::import_error_report,
            commands::import::import_batches,
            commands::import::import_undo,
            commands::import::import_profiles,
            commands::import::import_profile_save,
            commands::import::import_profile_delete,
            commands::export::export_columns,
            commands::export::export_run,
            commands::export::export_everything,
            commands::export::export_reveal,
            commands::reminders::reminders_list,
            commands::reminders::reminders_get,
            commands::reminders::reminders_history,
            commands::reminders::reminders_create,
            commands::reminders::reminders_update,
            commands::reminders::reminders_delete,
            commands::reminders::reminders_done,
            commands::reminders::reminders_dismiss,
            commands::reminders::reminders_snooze,
            commands::reminders::notification_settings_get,
            commands::reminders::notification_settings_update,
            commands::reminders::notifications_recent,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("maarid: could not start the window: {e}");
            std::process::exit(1);
        });
}
