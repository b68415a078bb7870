//! `seed contacts COUNT [--seed S]`: generated sample data (see `crate::sample`).

use std::path::Path;
use std::time::Instant;

use maarid_core::{company, contacts};
use serde::Serialize;

use crate::args::SeedCommand;
use crate::output::{CliResult, Out};
use crate::sample::Generator;
use crate::text;

/// Progress is reported after every this many contacts.
const PROGRESS_EVERY: u64 = 10_000;

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
            for done in 0..a.count {
                // Each create is its own transaction (and audit entry): slower than one
                // big transaction, but exactly what the app does for each save.
                let input = generator.contact();
                if let Err(e) = contacts::create(&db, &actor, &input, true) {
                    out.note(|l| text::seed_stopped(l, done));
                    return Err(e.into());
                }
                let done = done + 1;
                if done % PROGRESS_EVERY == 0 && done < a.count {
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
