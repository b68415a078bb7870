//! `backup` and `restore`: whole-database copies through the core (SQLite's online
//! backup API), with the checks that protect the user's data done first.

use std::path::{Path, PathBuf};

use maarid_core::db::{self, validate_backup_file};
use serde::Serialize;

use crate::args::{BackupArgs, RestoreArgs};
use crate::output::{CliError, CliResult, Out};
use crate::text;

pub fn backup(out: &Out, db_flag: Option<&Path>, a: BackupArgs) -> CliResult {
    let path = super::db_path(db_flag)?;
    // Backing up a path with no database would create an empty one and copy that.
    if !path.is_file() {
        return Err(CliError::new("not_found", 4, text::no_database(&path)));
    }
    let target = super::absolute(&a.out)?;
    if super::same_file(&path, &target) {
        return Err(CliError::invalid(
            "file",
            text::same_file_as_database(&target),
        ));
    }
    if target.exists() && !a.force {
        return Err(CliError::new(
            "already_exists",
            5,
            text::backup_target_exists(&target),
        ));
    }
    let db = super::open(out, &path)?;
    let info = db::backup_to(&db, &target)?;
    out.done(&info, |l| text::backup_written(l, &info))
}

#[derive(Serialize)]
struct Restored {
    restored_from: PathBuf,
    safety_copy: PathBuf,
}

pub fn restore(out: &Out, db_flag: Option<&Path>, a: RestoreArgs) -> CliResult {
    let path = super::db_path(db_flag)?;
    let source = super::absolute(&a.file)?;
    if super::same_file(&path, &source) {
        return Err(CliError::invalid(
            "file",
            text::same_file_as_database(&source),
        ));
    }
    // Check the file before opening (and possibly creating or migrating) the current
    // database, so a wrong file leaves everything exactly as it was. The check comes
    // before the --yes question so people learn early that a file is unusable.
    validate_backup_file(&source)?;
    if !a.yes {
        return Err(CliError::new(
            "confirmation_required",
            3,
            text::confirm_restore(),
        ));
    }
    let db = super::open(out, &path)?;
    let safety_copy = db::restore_from(&db, &source)?;
    let result = Restored {
        restored_from: source,
        safety_copy,
    };
    out.done(&result, |l| {
        text::restored(l, &path, &result.restored_from, &result.safety_copy)
    })
}
