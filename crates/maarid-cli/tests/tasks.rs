//! `tasks …`: the real binary on temporary databases.

mod common;

use common::{assert_help, Env};

impl Env {
    /// Set up, with Sara and Omar.
    fn with_sara_and_omar() -> Self {
        let e = Env::ready();
        for u in ["sara", "omar"] {
            e.run(&[
                "users",
                "add",
                u,
                "--role",
                "sales_user",
                "--full-name",
                u,
                "--password",
                "long-password",
            ])
            .ok();
        }
        e
    }
}

#[test]
fn help_explains_tasks_to_a_newcomer() {
    assert_help(
        &["tasks"],
        &[
            "add", "list", "show", "start", "done", "cancel", "assign", "attach", "delete", "25 MB",
        ],
    );
    assert_help(
        &["tasks", "add"],
        &[
            "--title",
            "--for",
            "--due",
            "--priority",
            "--estimate",
            "--contact",
            "--attach",
            "1h30m",
        ],
    );
    assert_help(
        &["tasks", "list"],
        &["--for", "--status", "--all", "--due-from", "--limit"],
    );
}

#[test]
fn a_task_is_added_worked_on_and_done_as_json() {
    let e = Env::with_sara_and_omar();
    let file = e.dir.path().join("checklist.txt");
    std::fs::write(&file, "abc").unwrap();
    let t = e.json(&[
        "tasks",
        "add",
        "--title",
        "تجهيز السيارة للتسليم",
        "--for",
        "sara,omar",
        "--due",
        "2026-12-03 14:30",
        "--priority",
        "high",
        "--estimate",
        "1h30m",
        "--attach",
        file.to_str().unwrap(),
    ]);
    let id = t["id"].as_str().unwrap().to_string();
    assert_eq!(t["status"], "to_do");
    assert_eq!(t["priority"], "high");
    assert_eq!(t["due_on"], "2026-12-03");
    assert_eq!(t["due_time"], "14:30:00");
    assert_eq!(t["estimate_minutes"], 90);
    assert_eq!(t["assignees"].as_array().unwrap().len(), 2);
    assert_eq!(t["attachments"], 1);

    e.json(&["tasks", "add", "--title", "جرد المعرض", "--for", "omar"]);
    let saras = e.json(&["tasks", "list", "--for", "sara"]);
    assert_eq!(saras.as_array().unwrap().len(), 1);
    assert_eq!(saras[0]["id"], id.as_str());

    assert_eq!(e.json(&["tasks", "start", &id])["status"], "in_progress");
    let moved = e.json(&["tasks", "assign", &id, "omar"]);
    assert_eq!(moved["assignees"][0]["name"], "omar");
    assert_eq!(e.json(&["tasks", "done", &id])["status"], "done");
    assert!(
        e.json(&["tasks", "list", "--for", "omar"])
            .as_array()
            .unwrap()
            .len()
            == 1
    );
    let done = e.json(&["tasks", "list", "--status", "done"]);
    assert_eq!(done[0]["id"], id.as_str());

    let full = e.json(&["tasks", "show", &id]);
    let steps: Vec<&str> = full["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["to_do", "in_progress", "done"]);
    assert_eq!(
        full["files"][0]["sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(full["files"][0]["file_name"], "checklist.txt");

    // Done twice: refused, nothing recorded.
    e.run(&["tasks", "done", &id, "--json"])
        .json_error(9, "task_status_unchanged");
    assert_eq!(e.count("SELECT count(*) FROM task_events"), 4);
    e.json(&["tasks", "delete", &id]);
    assert_eq!(
        e.json(&["tasks", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn human_output_in_arabic_by_default_and_english_on_request() {
    let e = Env::with_sara_and_omar();
    let ar = e
        .run(&[
            "tasks",
            "add",
            "--title",
            "اتصل بالعميل",
            "--for",
            "sara",
            "--due",
            "2026-12-03",
            "--estimate",
            "45",
        ])
        .ok();
    assert!(ar.stdout.contains("أُضيفت المهمة"), "{}", ar.stdout);
    assert!(
        ar.stdout.contains("للتنفيذ") && ar.stdout.contains("45 دقيقة"),
        "{}",
        ar.stdout
    );
    let en = e.run(&["tasks", "list", "--lang", "en"]).ok();
    assert!(
        en.stdout.contains("To do") && en.stdout.contains("2026-12-03"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("Normal"), "{}", en.stdout);
    let none = e
        .run(&["tasks", "list", "--status", "cancelled", "--lang", "en"])
        .ok();
    assert!(none.stdout.contains("No tasks."));
}

#[test]
fn bad_input_is_refused_with_its_reason_and_adds_nothing() {
    let e = Env::with_sara_and_omar();
    let missing = e.dir.path().join("no-such-file.pdf");
    for (args, exit, code) in [
        (vec!["--title", "x"], 3, "invalid_input"),
        (vec!["--title", " ", "--for", "sara"], 3, "invalid_input"),
        (vec!["--title", "x", "--for", "nobody"], 4, "not_found"),
        (
            vec!["--title", "x", "--for", "sara", "--due", "3/12/2026"],
            3,
            "invalid_input",
        ),
        (
            vec!["--title", "x", "--for", "sara", "--estimate", "soon"],
            3,
            "invalid_input",
        ),
        (
            vec!["--title", "x", "--for", "sara", "--contact", "ghost"],
            4,
            "not_found",
        ),
        (
            vec![
                "--title",
                "x",
                "--for",
                "sara",
                "--attach",
                missing.to_str().unwrap(),
            ],
            4,
            "file_missing",
        ),
    ] {
        let mut all = vec!["tasks", "add"];
        all.extend(args.iter().copied());
        all.push("--json");
        let err = e.run(&all).json_error(exit, code);
        assert!(!err["message_ar"].as_str().unwrap().is_empty());
    }
    let r = e.run(&["tasks", "add", "--title", "x", "--lang", "en"]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("at least one user"), "{}", r.stderr);
    assert_eq!(e.count("SELECT count(*) FROM tasks"), 0);
    e.run(&["tasks", "list", "--due-from", "tomorrow", "--json"])
        .json_error(3, "invalid_input");
    e.run(&["tasks", "done", "ghost", "--json"])
        .json_error(4, "not_found");
}
