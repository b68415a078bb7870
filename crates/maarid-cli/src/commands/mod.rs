//! One module per command. Each opens the database itself, because the commands
//! differ in whether a missing database file may be created.

mod backup;
pub(crate) mod bench;
mod bench_export;
mod bench_import;
mod contacts;
mod due;
mod export;
mod import;
mod inquiries;
mod invoicing;
mod migrate;
mod products;
mod quotes;
mod reminders;
mod report;
mod seed;
mod setup;
mod tasks;
mod users;

use std::path::{Path, PathBuf};

use maarid_core::access::Actor;
use maarid_core::i18n::Text;
use maarid_core::{db, Db, Error};

use crate::args::{Cli, Command};
use crate::output::{CliError, CliResult, Out};
use crate::text;

pub fn run(cli: Cli, out: &Out) -> CliResult {
    let db_flag = cli.global.db.as_deref();
    let lang = cli.global.lang;
    match cli.command {
        Command::Setup(a) => setup::run(out, db_flag, a),
        Command::Users { command } => users::run(out, db_flag, command),
        Command::Contacts { command } => contacts::run(out, db_flag, command),
        Command::Products { command } => products::run(out, db_flag, command),
        Command::Inquiries { command } => inquiries::run(out, db_flag, cli.global.lang, command),
        Command::Import(cmd) => import::run(out, db_flag, cmd),
        Command::Seed { command } => seed::run(out, db_flag, command),
        Command::Bench { command } => bench::run(out, db_flag, command),
        Command::Quotes { command } => quotes::run(out, db_flag, lang, command),
        Command::Invoices { command } => invoicing::run_invoices(out, db_flag, lang, command),
        Command::DeliveryNotes { command } => {
            invoicing::run_delivery_notes(out, db_flag, lang, command)
        }
        Command::Reminders { command } => reminders::run(out, db_flag, command),
        Command::Tasks { command } => tasks::run(out, db_flag, command),
        Command::Due(a) => due::run(out, db_flag, a),
        Command::Report { command } => report::run(out, db_flag, lang, command),
        Command::Export(a) => export::run(out, db_flag, lang, a),
        Command::Backup(a) => backup::backup(out, db_flag, a),
        Command::Restore(a) => backup::restore(out, db_flag, a),
        Command::Migrate => migrate::run(db_flag, out),
    }
}

/// The database path (--db, else MAARID_DB, else the per-user default), made absolute
/// so every path we print (and the core's backups folder beside it) is unambiguous.
fn db_path(flag: Option<&Path>) -> CliResult<PathBuf> {
    absolute(&db::resolve_db_path(flag)?)
}

/// The file a command writes, as an absolute path: never the database itself, and an
/// existing file only with `--force`.
fn output_file(db: &Db, target: &Path, force: bool) -> CliResult<PathBuf> {
    let target = absolute(target)?;
    if same_file(db.path(), &target) {
        return Err(CliError::invalid(
            "file",
            crate::text::same_file_as_database(&target),
        ));
    }
    if target.exists() && !force {
        return Err(CliError::new(
            "already_exists",
            5,
            Text::new(
                format!(
                    "الملف {} موجود. أضف ‎--force لاستبداله، أو اختر اسمًا آخر.",
                    target.display()
                ),
                format!(
                    "The file {} already exists. Add --force to replace it, or choose another name.",
                    target.display()
                ),
            ),
        ));
    }
    Ok(target)
}

fn absolute(p: &Path) -> CliResult<PathBuf> {
    std::path::absolute(p).map_err(|e| Error::io(p, e).into())
}

/// Opens (and if needed creates and migrates) the database, telling a person when
/// an older database was updated on the way.
fn open(out: &Out, path: &Path) -> CliResult<Db> {
    let db = Db::open(path)?;
    let r = db.migration_report();
    if r.from_version > 0 && !r.applied.is_empty() {
        out.note(|l| text::migrated_on_open(l, r));
    }
    Ok(db)
}

/// Opens the database for a command that needs first-run setup to have been done.
fn open_set_up(out: &Out, db_flag: Option<&Path>) -> CliResult<Db> {
    let path = db_path(db_flag)?;
    // No database yet means no setup yet; do not create an empty file just to say so.
    if !path.exists() {
        return Err(Error::SetupRequired.into());
    }
    let db = open(out, &path)?;
    maarid_core::setup::require_done(&db)?;
    Ok(db)
}

/// The CLI acts as the local administrator; the audit log names the OS account.
fn actor() -> Actor {
    let who = ["USER", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty());
    match who {
        Some(u) => Actor::system(format!("cli:{}", u.trim())),
        None => Actor::system("cli"),
    }
}

/// A password from a file (its first line), else the option, else the environment.
/// Empty environment values count as absent, so `VAR= cmd` does not set a blank password.
fn read_password(
    file: Option<&Path>,
    flag: Option<String>,
    env: &str,
    missing: impl FnOnce() -> CliError,
) -> CliResult<String> {
    if let Some(f) = file {
        let content = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        let first = content.lines().next().unwrap_or("");
        return Ok(first.to_string());
    }
    if let Some(p) = flag {
        return Ok(p);
    }
    match std::env::var(env) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => Err(missing()),
    }
}

/// True when both paths exist and are the same file (also through links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
