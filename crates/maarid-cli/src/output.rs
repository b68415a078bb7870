//! Printing results and errors: human text in the chosen language, or exactly one
//! JSON document on stdout for scripts. Nothing else writes to stdout.

use std::io::Write;

use maarid_core::i18n::Text;
use maarid_core::{Error, ErrorPayload, Locale};
use serde::Serialize;

use crate::text;

/// A failure: either from the core, or one the CLI itself detects (missing
/// password, missing --yes…). Both carry a stable code and an exit code.
#[derive(Debug)]
pub enum CliError {
    Core(Error),
    Cli {
        code: &'static str,
        exit: i32,
        text: Text<String>,
        field: Option<&'static str>,
    },
    /// A refusal that comes with a report (e.g. an import, row by row): the report is
    /// the error's `details` with --json, and `lines` are printed under the message.
    Report(Box<Refusal>),
}

/// See `CliError::Report`.
#[derive(Debug)]
pub struct Refusal {
    pub code: &'static str,
    pub exit: i32,
    pub text: Text<String>,
    pub details: serde_json::Value,
    pub lines: Text<String>,
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

impl CliError {
    pub fn new(code: &'static str, exit: i32, text: Text<String>) -> Self {
        CliError::Cli {
            code,
            exit,
            text,
            field: None,
        }
    }

    /// An invalid-input error on `field`, with the same code and exit status the core
    /// uses, but a message that names the command-line option to fix.
    pub fn invalid(field: &'static str, text: Text<String>) -> Self {
        CliError::Cli {
            code: "invalid_input",
            exit: 3,
            text,
            field: Some(field),
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Core(e) => e.exit_code(),
            CliError::Cli { exit, .. } => *exit,
            CliError::Report(r) => r.exit,
        }
    }

    /// Lines shown under the message for people (with --json the payload's
    /// `details` carries the same): the contacts a new one may duplicate.
    pub fn details_text(&self, l: Locale) -> Option<String> {
        match self {
            CliError::Core(Error::PossibleDuplicates(m)) => Some(text::duplicate_matches(l, m)),
            CliError::Report(r) => Some(r.lines.get(l).clone()),
            _ => None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        match self {
            CliError::Core(e) => e.to_payload(),
            CliError::Cli {
                code, text, field, ..
            } => ErrorPayload {
                code,
                message_ar: text.ar.clone(),
                message_en: text.en.clone(),
                field: *field,
                index: None,
                details: None,
            },
            CliError::Report(r) => ErrorPayload {
                code: r.code,
                message_ar: r.text.ar.clone(),
                message_en: r.text.en.clone(),
                field: None,
                index: None,
                details: Some(Box::new(r.details.clone())),
            },
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// Where and how results go.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub locale: Locale,
    pub json: bool,
}

impl Out {
    /// Prints a successful result: `data` as JSON, or the human text.
    pub fn done<T: Serialize + ?Sized>(
        &self,
        data: &T,
        human: impl FnOnce(Locale) -> String,
    ) -> CliResult {
        let text = if self.json {
            serde_json::to_string_pretty(data)
                .map_err(|e| CliError::Core(Error::Internal(e.to_string())))?
        } else {
            human(self.locale)
        };
        print_stdout(&text);
        Ok(())
    }

    /// A side remark for people (e.g. "the database was updated first"). Goes to
    /// stderr, and not at all with --json, so stdout stays one document.
    pub fn note(&self, text: impl FnOnce(Locale) -> String) {
        if !self.json {
            let _ = writeln!(std::io::stderr(), "{}", text(self.locale));
        }
    }

    /// Reports a failure and returns the process exit code.
    pub fn fail(&self, err: &CliError) -> i32 {
        let p = err.payload();
        if self.json {
            #[derive(Serialize)]
            struct Wrapped<'a> {
                error: &'a ErrorPayload,
            }
            // Serializing plain strings cannot fail; fall back to nothing rather than panic.
            let doc = serde_json::to_string_pretty(&Wrapped { error: &p }).unwrap_or_default();
            print_stdout(&doc);
        } else {
            let msg = match self.locale {
                Locale::Ar => &p.message_ar,
                Locale::En => &p.message_en,
            };
            let mut err_out = std::io::stderr().lock();
            let _ = writeln!(err_out, "error[{}]: {msg}", p.code);
            if let Some(more) = err.details_text(self.locale) {
                let _ = writeln!(err_out, "{more}");
            }
        }
        err.exit_code()
    }
}

/// Writes to stdout without panicking when the reader went away (`| head`).
fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}
