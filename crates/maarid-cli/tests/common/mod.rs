//! What every CLI test file shares: the binary, a clean environment, and the result of
//! one run with its assertions.
#![allow(dead_code)]

use std::process::{Command, Output};

use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_maarid-cli");

/// Variables the CLI reads; removed so the developer's environment cannot leak in.
pub const CLI_ENV: &[&str] = &[
    "MAARID_DB",
    "MAARID_LANG",
    "MAARID_ADMIN_PASSWORD",
    "MAARID_USER_PASSWORD",
];

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", self.stdout))
    }

    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts a `--json` failure: exit code, `{"error": {code, …}}` only, nothing on stderr.
    #[track_caller]
    pub fn json_error(self, exit: i32, code: &str) -> Value {
        assert_eq!(
            self.code, exit,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{v}");
        assert_eq!(v.as_object().unwrap().len(), 1, "only the error key: {v}");
        assert!(
            self.stderr.is_empty(),
            "stderr with --json: {}",
            self.stderr
        );
        v["error"].clone()
    }
}

pub fn command() -> Command {
    let mut c = Command::new(BIN);
    for k in CLI_ENV {
        c.env_remove(k);
    }
    c
}

pub fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// `ARGS --help` exits 0, mentions each expected word and the global options.
#[track_caller]
pub fn assert_help(args: &[&str], expected: &[&str]) {
    let r = finish(command().args(args).arg("--help").output().unwrap());
    assert_eq!(r.code, 0, "{args:?} --help: {}", r.stderr);
    for word in expected.iter().chain(&["--db", "--json", "--lang"]) {
        assert!(
            r.stdout.contains(word),
            "`{args:?} --help` should mention {word}:\n{}",
            r.stdout
        );
    }
}
