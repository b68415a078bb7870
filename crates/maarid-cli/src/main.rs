//! `maarid-cli`: Maarid's headless command line for administrators and scripts.
//! Parsing and exit codes live here; the work is done by the core library.

mod args;
mod commands;
mod output;
mod sample;
mod text;

use clap::Parser;
use maarid_core::{Error, Locale};

use crate::output::{CliError, Out};

fn main() {
    // Usage errors and --help/--version are handled by clap (exit 2 / 0).
    let cli = args::Cli::parse();
    let out = Out {
        locale: cli
            .global
            .lang
            .map(Into::into)
            .unwrap_or_else(locale_from_env),
        json: cli.global.json,
    };
    install_panic_hook(out);
    let code = match commands::run(cli, &out) {
        Ok(()) => 0,
        Err(e) => out.fail(&e),
    };
    std::process::exit(code);
}

/// MAARID_LANG, read leniently so values like `en_US.UTF-8` also work; Arabic otherwise.
fn locale_from_env() -> Locale {
    std::env::var("MAARID_LANG")
        .ok()
        .and_then(|v| v.split(['_', '-', '.']).next().and_then(Locale::parse))
        .unwrap_or_default()
}

/// A bug must still end as a normal `internal_error` (exit 1) in the chosen format,
/// not as a Rust panic dump that scripts and people cannot read.
fn install_panic_hook(out: Out) {
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unexpected failure".into());
        let code = out.fail(&CliError::Core(Error::Internal(what)));
        std::process::exit(code);
    }));
}
