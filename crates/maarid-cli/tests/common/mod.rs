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

/// A temporary folder holding one database file, and ways to run the CLI on it. Test
/// files add their own helpers in `impl Env` blocks of their own.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
}

impl Env {
    /// An empty folder: the first command creates the database.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("maarid.sqlite");
        Env { dir, db }
    }

    /// After first-run setup: a showroom in Saudi Arabia (SAR, 15% VAT) and the
    /// administrator `admin` with the password `admin-pass-1`.
    pub fn ready() -> Self {
        let e = Env::new();
        e.run(&[
            "setup",
            "--company-ar",
            "معرض النخبة للسيارات",
            "--admin-user",
            "admin",
            "--admin-password",
            "admin-pass-1",
            "--json",
        ])
        .ok();
        e
    }

    /// A path inside the folder.
    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the CLI on this database with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut c = command();
        c.arg("--db").arg(&self.db).args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        finish(c.output().unwrap())
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs with `--json`, which must succeed; the document printed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        self.run(&all).ok().json()
    }

    /// The database file, opened directly (to look behind the CLI's back).
    pub fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.sql().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}
