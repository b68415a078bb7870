//! Runs the real `maarid-cli` binary against real SQLite files in temporary folders
//! and checks exit codes, stdout/stderr and what ended up in the database.

use std::path::{Path, PathBuf};

use serde_json::Value;

const ADMIN_PW: &str = "admin-pass-1";
const USER_PW: &str = "user-pass-22";

mod common;

use common::{assert_help, command, finish, Env, Run};

impl Env {
    fn setup(&self) -> Value {
        self.run(&[
            "setup",
            "--json",
            "--company-ar",
            "معرض النخبة للسيارات",
            "--company-en",
            "Elite Motors",
            "--admin-user",
            "admin",
            "--admin-name",
            "Khalid",
            "--admin-password",
            ADMIN_PW,
        ])
        .ok()
        .json()
    }

    fn add_user(&self, name: &str, role: &str) -> Run {
        self.run(&[
            "users",
            "add",
            name,
            "--role",
            role,
            "--password",
            USER_PW,
            "--json",
        ])
    }

    fn usernames(&self) -> Vec<String> {
        let c = self.sql();
        let mut s = c
            .prepare("SELECT username FROM users WHERE deleted_at IS NULL ORDER BY username")
            .unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// (role_id, locked) of a user, read straight from the table.
    fn user_row(&self, name: &str) -> (String, bool) {
        self.sql()
            .query_row(
                "SELECT role_id, locked_at IS NOT NULL FROM users WHERE username = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }

    fn can_log_in(&self, user: &str, password: &str) -> bool {
        let db = maarid_core::Db::open(&self.db).unwrap();
        maarid_core::users::login(&db, user, password).is_ok()
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn help_of_every_command_exits_0_and_lists_its_options() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[],
            &[
                "setup",
                "users",
                "backup",
                "restore",
                "migrate",
                "Exit codes",
                "setup_required",
                "10 ",
                "11 ",
            ],
        ),
        (
            &["setup"],
            &[
                "--company-ar",
                "--company-en",
                "--country",
                "--currency",
                "--vat",
                "--tax-number",
                "--address-ar",
                "--address-en",
                "--phone",
                "--email",
                "--admin-user",
                "--admin-name",
                "--admin-email",
                "--admin-password",
                "--admin-password-file",
                "MAARID_ADMIN_PASSWORD",
                "--locale",
                "Examples",
            ],
        ),
        (
            &["users"],
            &["add", "list", "set-role", "lock", "unlock", "Examples"],
        ),
        (
            &["users", "add"],
            &[
                "--role",
                "--full-name",
                "--email",
                "--locale",
                "--password",
                "--password-file",
                "MAARID_USER_PASSWORD",
            ],
        ),
        (&["users", "list"], &["status", "last login", "Example"]),
        (
            &["users", "set-role"],
            &["<USERNAME>", "<ROLE>", "sales_manager"],
        ),
        (&["users", "lock"], &["<USERNAME>", "Example"]),
        (&["users", "unlock"], &["<USERNAME>", "Example"]),
        (&["backup"], &["--out", "--force", "Examples"]),
        (&["restore"], &["<FILE>", "--yes", "safety", "Examples"]),
        (&["migrate"], &["schema", "backup", "Examples"]),
    ];
    for (args, expected) in cases {
        assert_help(args, expected);
    }
}

#[test]
fn usage_errors_exit_2() {
    let e = Env::new();
    assert_eq!(e.run(&["frobnicate"]).code, 2);
    assert_eq!(
        e.run(&["setup", "--admin-user", "a"]).code,
        2,
        "--company-ar is required"
    );
    assert_eq!(e.run(&["users", "list", "--lang", "fr"]).code, 2);
    assert_eq!(
        e.run(&[
            "setup",
            "--company-ar",
            "x",
            "--admin-user",
            "a",
            "--admin-password",
            "p",
            "--admin-password-file",
            "f"
        ])
        .code,
        2,
        "password and password file conflict"
    );
    assert!(!e.db.exists(), "usage errors touch nothing");
}

#[test]
fn setup_creates_company_and_admin_and_refuses_a_second_run() {
    let e = Env::new();
    let v = e.setup();
    assert_eq!(v["company"]["name_ar"], "معرض النخبة للسيارات");
    assert_eq!(v["company"]["country"], "SA");
    assert_eq!(v["company"]["currency"], "SAR");
    assert_eq!(v["company"]["default_vat_rate"], "15");
    assert_eq!(v["admin"]["username"], "admin");
    assert_eq!(v["admin"]["role_id"], "system_manager");
    assert_eq!(
        v["series"].as_array().unwrap().len(),
        6,
        "default numbering series"
    );
    assert!(
        !v.to_string().contains(ADMIN_PW),
        "the password is never printed"
    );

    let (name, currency): (String, String) = e
        .sql()
        .query_row("SELECT name_ar, currency FROM company", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (name.as_str(), currency.as_str()),
        ("معرض النخبة للسيارات", "SAR")
    );
    assert_eq!(e.usernames(), ["admin"]);
    assert!(e.can_log_in("admin", ADMIN_PW));

    let again = e.run(&[
        "setup",
        "--json",
        "--company-ar",
        "شركة أخرى",
        "--admin-user",
        "other",
        "--admin-password",
        ADMIN_PW,
    ]);
    again.json_error(8, "setup_already_done");
    let name: String = e
        .sql()
        .query_row("SELECT name_ar FROM company", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "معرض النخبة للسيارات", "second setup changed nothing");
    assert_eq!(e.usernames(), ["admin"]);
}

#[test]
fn setup_human_output_names_what_was_created() {
    let e = Env::new();
    let r = e
        .run(&[
            "setup",
            "--lang",
            "en",
            "--company-ar",
            "معرض",
            "--admin-user",
            "boss",
            "--admin-password",
            ADMIN_PW,
        ])
        .ok();
    assert!(
        r.stdout.contains("First-run setup is complete"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("boss"), "{}", r.stdout);
    assert!(r.stdout.contains("System Manager"), "{}", r.stdout);
    assert!(r.stdout.contains("QTN-"), "{}", r.stdout);
    assert!(!r.stdout.contains(ADMIN_PW) && !r.stderr.contains(ADMIN_PW));
}

#[test]
fn setup_takes_currency_and_vat_from_the_country() {
    for (country, currency, vat) in [("AE", "AED", "5"), ("kw", "KWD", "0"), ("EG", "EGP", "14")] {
        let e = Env::new();
        let v = e
            .run(&[
                "setup",
                "--json",
                "--company-ar",
                "معرض",
                "--country",
                country,
                "--admin-user",
                "admin",
                "--admin-password",
                ADMIN_PW,
            ])
            .ok()
            .json();
        assert_eq!(v["company"]["country"], country.to_uppercase());
        assert_eq!(v["company"]["currency"], currency);
        assert_eq!(v["company"]["default_vat_rate"], vat);
    }
    // Explicit values win over the defaults.
    let e = Env::new();
    let v = e
        .run(&[
            "setup",
            "--json",
            "--company-ar",
            "معرض",
            "--country",
            "SA",
            "--currency",
            "USD",
            "--vat",
            "7.5",
            "--phone",
            "0111",
            "--phone",
            "0222",
            "--tax-number",
            "300000000000003",
            "--locale",
            "en",
            "--admin-user",
            "admin",
            "--admin-password",
            ADMIN_PW,
        ])
        .ok()
        .json();
    assert_eq!(v["company"]["currency"], "USD");
    assert_eq!(v["company"]["default_vat_rate"], "7.5");
    assert_eq!(v["company"]["phones"], serde_json::json!(["0111", "0222"]));
    assert_eq!(v["company"]["tax_number"], "300000000000003");
    assert_eq!(v["admin"]["locale"], "en");
}

#[test]
fn setup_refuses_unknown_country_without_currency_and_bad_values() {
    let e = Env::new();
    let err = e
        .run(&[
            "setup",
            "--json",
            "--company-ar",
            "معرض",
            "--country",
            "FR",
            "--admin-user",
            "admin",
            "--admin-password",
            ADMIN_PW,
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "currency");
    assert!(
        err["message_en"].as_str().unwrap().contains("--currency"),
        "{err}"
    );

    let err = e
        .run(&[
            "setup",
            "--json",
            "--company-ar",
            "معرض",
            "--vat",
            "150",
            "--admin-user",
            "admin",
            "--admin-password",
            ADMIN_PW,
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "default_vat_rate");

    let n: i64 = e
        .sql()
        .query_row("SELECT count(*) FROM company", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "failed setups saved nothing");
}

#[test]
fn setup_password_from_file_or_environment_and_required() {
    let e = Env::new();
    let err = e
        .run(&[
            "setup",
            "--json",
            "--company-ar",
            "معرض",
            "--admin-user",
            "admin",
        ])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "password");
    assert!(
        err["message_en"]
            .as_str()
            .unwrap()
            .contains("MAARID_ADMIN_PASSWORD"),
        "{err}"
    );
    assert!(e.usernames().is_empty());

    // From a file: the first line, without its line ending.
    let pw_file = e.path("pw.txt");
    std::fs::write(&pw_file, "from-file-pass\r\nignored second line\n").unwrap();
    e.run(&[
        "setup",
        "--company-ar",
        "معرض",
        "--admin-user",
        "admin",
        "--admin-password-file",
        pw_file.to_str().unwrap(),
    ])
    .ok();
    assert!(e.can_log_in("admin", "from-file-pass"));

    // From the environment.
    let e = Env::new();
    let r = e
        .run_env(
            &["setup", "--company-ar", "معرض", "--admin-user", "admin"],
            &[("MAARID_ADMIN_PASSWORD", "from-env-pass")],
        )
        .ok();
    assert!(!r.stdout.contains("from-env-pass") && !r.stderr.contains("from-env-pass"));
    assert!(e.can_log_in("admin", "from-env-pass"));

    // A missing password file is a file error.
    let e = Env::new();
    let r = e.run(&[
        "setup",
        "--company-ar",
        "معرض",
        "--admin-user",
        "admin",
        "--admin-password-file",
        "/nonexistent/pw",
    ]);
    assert_eq!(r.code, 11, "{}", r.stderr);
    assert!(r.stderr.starts_with("error[file_error]: "), "{}", r.stderr);
}

#[test]
fn users_add_list_set_role_lock_unlock_round_trip() {
    let e = Env::new();
    e.setup();

    let added = e
        .run(&[
            "users",
            "add",
            "sara",
            "--role",
            "sales_user",
            "--full-name",
            "Sara Ali",
            "--email",
            "Sara@Example.com",
            "--locale",
            "en",
            "--password",
            USER_PW,
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(added["username"], "sara");
    assert_eq!(added["role_id"], "sales_user");
    assert_eq!(added["email"], "sara@example.com");
    assert_eq!(added["locked"], false);
    assert!(added.get("password_hash").is_none());
    assert!(e.can_log_in("sara", USER_PW));

    let list = e.run(&["users", "list", "--json"]).ok().json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "sara"]);

    // By built-in key, then by English role name.
    let v = e
        .run(&["users", "set-role", "sara", "sales_manager", "--json"])
        .ok()
        .json();
    assert_eq!(v["role_id"], "sales_manager");
    assert_eq!(e.user_row("sara").0, "sales_manager");
    let v = e
        .run(&["users", "set-role", "sara", "Sales User", "--json"])
        .ok()
        .json();
    assert_eq!(v["role_id"], "sales_user");

    let v = e.run(&["users", "lock", "sara", "--json"]).ok().json();
    assert_eq!(v["locked"], true);
    assert!(e.user_row("sara").1, "locked in the database");
    assert!(
        !e.can_log_in("sara", USER_PW),
        "a locked user cannot log in"
    );

    let table = e.run(&["users", "list", "--lang", "en"]).ok().stdout;
    let sara_line = table
        .lines()
        .find(|l| l.starts_with("sara"))
        .expect("sara listed");
    assert!(
        sara_line.contains("Sara Ali")
            && sara_line.contains("Sales User")
            && sara_line.contains("locked"),
        "{table}"
    );
    assert!(
        table.lines().next().unwrap().starts_with("Username"),
        "{table}"
    );

    let v = e.run(&["users", "unlock", "sara", "--json"]).ok().json();
    assert_eq!(v["locked"], false);
    assert!(!e.user_row("sara").1);
    assert!(e.can_log_in("sara", USER_PW));

    // Human output in Arabic by default.
    let r = e.run(&["users", "lock", "sara"]).ok();
    assert!(
        r.stdout.contains("قُفل حساب المستخدم «sara»"),
        "{}",
        r.stdout
    );
    let table = e.run(&["users", "list"]).ok().stdout;
    assert!(
        table.contains("اسم المستخدم") && table.contains("مدير النظام") && table.contains("مقفل"),
        "{table}"
    );
}

#[test]
fn users_add_password_from_environment_or_file() {
    let e = Env::new();
    e.setup();
    e.run_env(
        &["users", "add", "omar", "--role", "sales_user"],
        &[("MAARID_USER_PASSWORD", "env-user-pass")],
    )
    .ok();
    assert!(e.can_log_in("omar", "env-user-pass"));

    let f = e.path("pw");
    std::fs::write(&f, "file-user-pass\n").unwrap();
    e.run(&[
        "users",
        "add",
        "huda",
        "--role",
        "sales_user",
        "--password-file",
        f.to_str().unwrap(),
    ])
    .ok();
    assert!(e.can_log_in("huda", "file-user-pass"));

    let err = e
        .run(&["users", "add", "noor", "--role", "sales_user", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "password");
    assert_eq!(e.usernames(), ["admin", "huda", "omar"]);
}

#[test]
fn duplicate_user_exits_5() {
    let e = Env::new();
    e.setup();
    e.add_user("sara", "sales_user").ok();
    e.add_user("sara", "sales_manager")
        .json_error(5, "already_exists");
    assert_eq!(
        e.user_row("sara").0,
        "sales_user",
        "the first account is untouched"
    );
}

#[test]
fn unknown_role_exits_3() {
    let e = Env::new();
    e.setup();
    let err = e.add_user("sara", "boss").json_error(3, "invalid_input");
    assert_eq!(err["field"], "role");
    assert_eq!(e.usernames(), ["admin"]);

    e.add_user("sara", "sales_user").ok();
    e.run(&["users", "set-role", "sara", "boss", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(e.user_row("sara").0, "sales_user");
}

#[test]
fn unknown_user_exits_4() {
    let e = Env::new();
    e.setup();
    e.run(&["users", "lock", "ghost", "--json"])
        .json_error(4, "not_found");
    e.run(&["users", "set-role", "ghost", "sales_user", "--json"])
        .json_error(4, "not_found");
}

#[test]
fn the_last_admin_cannot_be_locked_or_demoted() {
    let e = Env::new();
    e.setup();
    e.run(&["users", "lock", "admin", "--json"])
        .json_error(9, "last_admin");
    e.run(&["users", "set-role", "admin", "sales_user", "--json"])
        .json_error(9, "last_admin");
    assert_eq!(e.user_row("admin"), ("system_manager".to_string(), false));

    // With a second System Manager, the first one may be locked.
    e.add_user("deputy", "system_manager").ok();
    e.run(&["users", "lock", "admin"]).ok();
    assert!(e.user_row("admin").1);
}

#[test]
fn users_commands_before_setup_exit_8() {
    let e = Env::new();
    // No database file at all: not created just to say setup is missing.
    e.run(&["users", "list", "--json"])
        .json_error(8, "setup_required");
    assert!(!e.db.exists(), "no database file created");
    e.add_user("sara", "sales_user")
        .json_error(8, "setup_required");
    // A database that exists (migrated) but was never set up.
    e.run(&["migrate"]).ok();
    assert!(e.db.exists());
    e.run(&["users", "lock", "x", "--json"])
        .json_error(8, "setup_required");
    let r = e.run(&["users", "list"]);
    assert_eq!(r.code, 8);
    assert!(r.stdout.is_empty());
}

#[test]
fn backup_then_restore_brings_back_the_old_state() {
    let e = Env::new();
    e.setup();
    let out = e.path("b.sqlite");
    let info = e
        .run(&["backup", "--out", out.to_str().unwrap(), "--json"])
        .ok()
        .json();
    assert_eq!(Path::new(info["path"].as_str().unwrap()), out);
    assert_eq!(
        info["bytes"].as_u64().unwrap(),
        std::fs::metadata(&out).unwrap().len()
    );
    assert_eq!(
        info["schema_version"].as_i64().unwrap(),
        maarid_core::db::schema_version()
    );
    maarid_core::db::validate_backup_file(&out).expect("a valid backup");

    e.add_user("sara", "sales_user").ok();
    assert_eq!(e.usernames(), ["admin", "sara"]);

    let v = e
        .run(&["restore", out.to_str().unwrap(), "--yes", "--json"])
        .ok()
        .json();
    assert_eq!(v.as_object().unwrap().len(), 2, "{v}");
    assert_eq!(Path::new(v["restored_from"].as_str().unwrap()), out);
    let safety = PathBuf::from(v["safety_copy"].as_str().unwrap());
    assert!(safety.is_file(), "safety copy exists");
    assert_eq!(safety.parent().unwrap(), e.path("backups"));

    assert_eq!(
        e.usernames(),
        ["admin"],
        "the user added after the backup is gone"
    );
    // The safety copy holds the replaced state, so the restore can be undone.
    let c = rusqlite::Connection::open(&safety).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM users WHERE username = 'sara'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(c);
    let r = e
        .run(&["restore", safety.to_str().unwrap(), "--yes", "--lang", "en"])
        .ok();
    assert!(r.stdout.contains("To undo this restore"), "{}", r.stdout);
    assert_eq!(e.usernames(), ["admin", "sara"]);
}

#[test]
fn backup_human_output_shows_path_size_and_version() {
    let e = Env::new();
    e.setup();
    let out = e.path("b.sqlite");
    let r = e
        .run(&["backup", "--out", out.to_str().unwrap(), "--lang", "en"])
        .ok();
    assert!(r.stdout.contains(out.to_str().unwrap()), "{}", r.stdout);
    assert!(r.stdout.contains("bytes"), "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "Schema version: {}",
            maarid_core::db::schema_version()
        )),
        "{}",
        r.stdout
    );
}

#[test]
fn restore_of_a_non_database_exits_10_and_changes_nothing() {
    let e = Env::new();
    e.setup();
    e.add_user("sara", "sales_user").ok();
    let before = std::fs::read(&e.db).unwrap();
    let bogus = e.path("notes.txt");
    std::fs::write(
        &bogus,
        "this is not a database, just some text that is long enough",
    )
    .unwrap();

    e.run(&["restore", bogus.to_str().unwrap(), "--yes", "--json"])
        .json_error(10, "not_a_maarid_database");
    // An SQLite file that is not a Maarid database is refused too.
    let other = e.path("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    e.run(&["restore", other.to_str().unwrap(), "--yes", "--json"])
        .json_error(10, "not_a_maarid_database");

    assert_eq!(
        std::fs::read(&e.db).unwrap(),
        before,
        "database file unchanged"
    );
    assert_eq!(e.usernames(), ["admin", "sara"]);
    assert!(
        files_in(&e.path("backups")).is_empty(),
        "no safety copy was needed"
    );
}

#[test]
fn restore_requires_yes() {
    let e = Env::new();
    e.setup();
    let out = e.path("b.sqlite");
    e.run(&["backup", "--out", out.to_str().unwrap()]).ok();
    e.add_user("sara", "sales_user").ok();

    let err = e
        .run(&["restore", out.to_str().unwrap(), "--json"])
        .json_error(3, "confirmation_required");
    assert!(
        err["message_en"].as_str().unwrap().contains("--yes"),
        "{err}"
    );
    let r = e.run(&["restore", out.to_str().unwrap()]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert_eq!(e.usernames(), ["admin", "sara"], "nothing restored");
    assert!(files_in(&e.path("backups")).is_empty());
}

#[test]
fn backup_refuses_to_overwrite_unless_forced() {
    let e = Env::new();
    e.setup();
    let out = e.path("existing.sqlite");
    std::fs::write(&out, "precious").unwrap();

    e.run(&["backup", "--out", out.to_str().unwrap(), "--json"])
        .json_error(5, "already_exists");
    let r = e.run(&["backup", "--out", out.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "precious",
        "file untouched"
    );

    e.run(&["backup", "--out", out.to_str().unwrap(), "--force"])
        .ok();
    maarid_core::db::validate_backup_file(&out).expect("overwritten with a valid backup");

    // Never onto the database itself, even with --force.
    e.run(&[
        "backup",
        "--out",
        e.db.to_str().unwrap(),
        "--force",
        "--json",
    ])
    .json_error(3, "invalid_input");
    assert_eq!(e.usernames(), ["admin"]);
}

#[test]
fn backup_without_a_database_exits_4() {
    let e = Env::new();
    let out = e.path("b.sqlite");
    e.run(&["backup", "--out", out.to_str().unwrap(), "--json"])
        .json_error(4, "not_found");
    assert!(!e.db.exists() && !out.exists());
}

#[test]
fn migrate_a_fresh_file_then_again() {
    let e = Env::new();
    let current = maarid_core::db::schema_version();
    let v = e.run(&["migrate", "--json"]).ok().json();
    assert_eq!(v["from_version"], 0);
    assert_eq!(v["to_version"], current);
    assert_eq!(v["applied"].as_array().unwrap().last().unwrap(), current);
    assert!(v["backup"].is_null(), "an empty database needs no backup");
    assert!(e.db.is_file());
    let recorded: i64 = e
        .sql()
        .query_row(
            "SELECT max(version) FROM refinery_schema_history",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(recorded, current);

    let v = e.run(&["migrate", "--json"]).ok().json();
    assert_eq!(v["from_version"], current);
    assert_eq!(v["to_version"], current);
    assert_eq!(v["applied"], serde_json::json!([]));
    assert!(v["backup"].is_null());
    assert!(files_in(&e.path("backups")).is_empty());

    let r = e.run(&["migrate", "--lang", "en"]).ok();
    assert!(
        r.stdout.contains("up to date") && r.stdout.contains(&current.to_string()),
        "{}",
        r.stdout
    );
}

#[test]
fn not_a_database_file_exits_10_for_every_command() {
    let e = Env::new();
    std::fs::write(&e.db, "plain text, not SQLite").unwrap();
    e.run(&["migrate", "--json"])
        .json_error(10, "not_a_maarid_database");
    e.run(&["users", "list", "--json"])
        .json_error(10, "not_a_maarid_database");
    assert_eq!(
        std::fs::read_to_string(&e.db).unwrap(),
        "plain text, not SQLite"
    );
}

#[test]
fn maarid_db_environment_variable_is_used_without_db_flag() {
    let e = Env::new();
    let from_env = e.path("env.sqlite");
    let r = finish(
        command()
            .env("MAARID_DB", &from_env)
            .args([
                "setup",
                "--json",
                "--company-ar",
                "معرض",
                "--admin-user",
                "admin",
                "--admin-password",
                ADMIN_PW,
            ])
            .output()
            .unwrap(),
    )
    .ok();
    assert_eq!(Path::new(r.json()["database"].as_str().unwrap()), from_env);
    assert!(from_env.is_file());
    assert!(!e.db.exists());

    let list = finish(
        command()
            .env("MAARID_DB", &from_env)
            .args(["users", "list", "--json"])
            .output()
            .unwrap(),
    )
    .ok()
    .json();
    assert_eq!(list[0]["username"], "admin");

    // --db wins over the environment.
    let r = finish(
        command()
            .env("MAARID_DB", &from_env)
            .arg("--db")
            .arg(&e.db)
            .args(["users", "list", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(r.code, 8, "the --db file is not set up: {}", r.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn without_flag_or_environment_the_per_user_data_folder_is_used() {
    let home = tempfile::tempdir().unwrap();
    let r = finish(
        command()
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .args(["migrate", "--json"])
            .output()
            .unwrap(),
    )
    .ok();
    assert_eq!(r.json()["from_version"], 0);
    assert!(home.path().join("data/maarid/maarid.sqlite").is_file());
}

#[test]
fn messages_are_arabic_by_default_and_english_on_request() {
    let e = Env::new();
    let ar = e.run(&["users", "list"]);
    assert_eq!(ar.code, 8);
    assert!(ar.stdout.is_empty());
    assert_eq!(
        ar.stderr.trim_end(),
        "error[setup_required]: لم يكتمل الإعداد الأولي بعد."
    );

    let en = e.run(&["users", "list", "--lang", "en"]);
    assert_eq!(en.code, 8);
    assert_eq!(
        en.stderr.trim_end(),
        "error[setup_required]: First-run setup has not been completed yet."
    );

    // Global options also go before the command, and MAARID_LANG sets the default.
    let r = finish(
        command()
            .args(["--lang", "en", "--db"])
            .arg(&e.db)
            .args(["users", "list"])
            .output()
            .unwrap(),
    );
    assert!(r.stderr.contains("First-run setup"), "{}", r.stderr);
    let r = e.run_env(&["users", "list"], &[("MAARID_LANG", "en")]);
    assert!(r.stderr.contains("First-run setup"), "{}", r.stderr);
    let r = e.run_env(&["users", "list", "--lang", "ar"], &[("MAARID_LANG", "en")]);
    assert!(
        r.stderr.contains("الإعداد الأولي"),
        "--lang wins: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked") && !r.stderr.contains("Error {"));
}

#[test]
fn json_errors_have_the_payload_shape() {
    let e = Env::new();
    e.setup();
    let r = e.run(&[
        "users",
        "add",
        "bad name",
        "--role",
        "sales_user",
        "--password",
        USER_PW,
        "--json",
    ]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.is_empty());
    let v = r.json();
    let err = v["error"].as_object().unwrap();
    let mut keys: Vec<&str> = err.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["code", "field", "message_ar", "message_en"]);
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "username");
    assert!(err["message_ar"].as_str().unwrap().contains("اسم المستخدم"));
    assert!(err["message_en"].as_str().unwrap().contains("Username"));

    // Without a field, the key is absent (not null).
    let err = e
        .run(&["users", "lock", "admin", "--json"])
        .json_error(9, "last_admin");
    assert!(err.get("field").is_none(), "{err}");
    assert!(
        !err["message_ar"].as_str().unwrap().is_empty()
            && !err["message_en"].as_str().unwrap().is_empty()
    );
}
