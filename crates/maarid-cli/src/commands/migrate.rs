//! `migrate`: open the database, which applies pending migrations, and report.

use std::path::Path;

use crate::output::{CliResult, Out};
use crate::text;

pub fn run(db_flag: Option<&Path>, out: &Out) -> CliResult {
    let path = super::db_path(db_flag)?;
    // Not `super::open`: the migration report is this command's result, not a side note.
    let db = maarid_core::Db::open(&path)?;
    let report = db.migration_report();
    out.done(report, |l| text::migrated(l, &path, report))
}
