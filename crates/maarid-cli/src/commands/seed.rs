//! `seed contacts COUNT [--seed S]`: generated sample data (see `crate::sample`).

use std::path::Path;
use std::time::Instant;

use maarid_core::access::Actor;
use maarid_core::contacts::{self, BatchReport, ContactInput, DuplicatePolicy};
use maarid_core::{company, Db};
use serde::Serialize;

use crate::args::SeedCommand;
use crate::output::{CliError, CliResult, Out};
use crate::sample::Generator;
use crate::text;

/// Contacts are written in all-or-nothing batches of this many (one transaction and
/// one audit entry each); progress is reported after each batch.
pub const BATCH: u64 = 10_000;

#[derive(Serialize)]
struct Seeded {
    created: u64,
    seconds: f64,
    per_second: f64,
}

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: SeedCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    match cmd {
        SeedCommand::Contacts(a) => {
            let home = company::get(&db)?.profile.country;
            let mut generator = Generator::new(a.seed, &home);
            let started = Instant::now();
            let mut done = 0;
            while done < a.count {
                let batch: Vec<_> = (0..BATCH.min(a.count - done))
                    .map(|_| generator.contact())
                    .collect();
                // Generated contacts may resemble each other: saved anyway, as before.
                if let Err(e) = insert_batch(&db, &actor, &batch) {
                    out.note(|l| text::seed_stopped(l, done));
                    return Err(e);
                }
                done += batch.len() as u64;
                if done < a.count {
                    out.note(|l| text::seed_progress(l, done, a.count));
                }
            }
            let seconds = started.elapsed().as_secs_f64();
            let per_second = a.count as f64 / seconds.max(1e-9);
            let result = Seeded {
                created: a.count,
                seconds: (seconds * 1000.0).round() / 1000.0,
                per_second: (per_second * 10.0).round() / 10.0,
            };
            out.done(&result, |l| {
                text::seeded(l, result.created, seconds, per_second)
            })
        }
    }
}

/// Writes one batch of generated contacts (duplicates allowed); a refused row becomes
/// the command's error.
pub fn insert_batch(db: &Db, actor: &Actor, batch: &[ContactInput]) -> CliResult<BatchReport> {
    let report = contacts::create_batch(db, actor, batch, DuplicatePolicy::Allow)?;
    if let Some(row) = report.rows.iter().find(|r| r.error.is_some()) {
        let e = row.error.as_ref().expect("found by its error");
        return Err(CliError::new(
            "invalid_input",
            3,
            text::batch_row_refused(row.index, e),
        ));
    }
    Ok(report)
}
