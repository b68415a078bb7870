//! `contacts list` and `contacts search` with filters, sorting and paging: the real
//! binary on a seeded temporary database.

use std::collections::BTreeSet;

use maarid_core::search::normalize::normalize;
use serde_json::Value;

mod common;

use common::{assert_help, Env};

impl Env {
    /// Set up, with 60 generated contacts and one owned by the administrator.
    fn seeded() -> Self {
        let e = Env::ready();
        e.run(&["seed", "contacts", "60", "--seed", "5", "--json"])
            .ok();
        e.run(&[
            "contacts",
            "add",
            "--name-ar",
            "زياد المالك",
            "--owner",
            "admin",
            "--json",
        ])
        .ok();
        e
    }

    /// Every item of every page of `args` (pages of `size`), following the cursor.
    fn all(&self, args: &[&str], size: usize) -> Vec<Value> {
        let size = size.to_string();
        let mut after: Option<String> = None;
        let mut out = Vec::new();
        loop {
            let mut a: Vec<&str> = args.to_vec();
            a.extend(["--json", "--limit", &size]);
            if let Some(c) = &after {
                a.extend(["--after", c]);
            }
            let page = self.run(&a).ok().json();
            out.extend(page["items"].as_array().unwrap().iter().cloned());
            match page["next"].as_str() {
                Some(c) => after = Some(c.to_string()),
                None => break,
            }
        }
        let ids: BTreeSet<&str> = out.iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), out.len(), "a contact came twice: {args:?}");
        out
    }
}

fn display(c: &Value) -> String {
    ["name_ar", "name_latin", "company_name"]
        .iter()
        .map(|k| c[k].as_str().unwrap())
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string()
}

#[test]
fn help_lists_the_filters() {
    for cmd in ["list", "search"] {
        assert_help(
            &["contacts", cmd],
            &[
                "--kind", "--owner", "--source", "--tag", "--from", "--to", "--sort", "--desc",
                "--limit", "--after",
            ],
        );
    }
}

#[test]
fn sorted_lists_page_through_everything_in_order() {
    let e = Env::seeded();
    let everyone = e.all(&["contacts", "list"], 500);
    assert_eq!(everyone.len(), 61);
    for (sort, key) in [
        ("name", "name"),
        ("created", "created_at"),
        ("updated", "updated_at"),
    ] {
        for desc in [false, true] {
            let mut args = vec!["contacts", "list", "--sort", sort];
            if desc {
                args.push("--desc");
            }
            let items = e.all(&args, 7);
            assert_eq!(items.len(), 61, "{args:?}");
            let keys: Vec<String> = items
                .iter()
                .map(|c| {
                    if key == "name" {
                        normalize(&display(c))
                    } else {
                        c[key].as_str().unwrap().to_string()
                    }
                })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            if desc {
                sorted.reverse();
            }
            assert_eq!(keys, sorted, "{args:?}");
        }
    }
}

#[test]
fn filters_keep_only_their_contacts() {
    let e = Env::seeded();
    let everyone = e.all(&["contacts", "list"], 500);
    let count = |f: &dyn Fn(&Value) -> bool| everyone.iter().filter(|c| f(c)).count();

    let leads = e.all(&["contacts", "list", "--kind", "lead"], 9);
    assert!(!leads.is_empty() && leads.iter().all(|c| c["kind"] == "lead"));
    assert_eq!(leads.len(), count(&|c| c["kind"] == "lead"));

    let walk_ins = e.all(&["contacts", "list", "--source", "walk_in"], 9);
    assert!(!walk_ins.is_empty());
    assert_eq!(walk_ins.len(), count(&|c| c["source"] == "walk_in"));

    let vip = e.all(&["contacts", "list", "--tag", "vip"], 9);
    assert!(!vip.is_empty());
    assert_eq!(
        vip.len(),
        count(&|c| c["tags"].as_array().unwrap().iter().any(|t| t == "VIP"))
    );

    let mine = e.all(&["contacts", "list", "--owner", "admin"], 9);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["name_ar"], "زياد المالك");

    let today = everyone[0]["created_at"].as_str().unwrap()[..10].to_string();
    assert_eq!(
        e.all(&["contacts", "list", "--from", &today, "--to", &today], 50)
            .len(),
        61
    );
    assert!(e
        .all(&["contacts", "list", "--to", "2000-01-01"], 50)
        .is_empty());

    // Search text with the same filters.
    let found = e.all(&["contacts", "search", "محمد", "--kind", "lead"], 3);
    assert!(found.iter().all(|c| c["kind"] == "lead"));
    let all_found = e.all(&["contacts", "search", "محمد"], 50);
    assert_eq!(
        found.len(),
        all_found.iter().filter(|c| c["kind"] == "lead").count()
    );
    let by_name = e.all(&["contacts", "search", "محمد", "--sort", "name"], 4);
    assert_eq!(by_name.len(), all_found.len());
}

#[test]
fn wrong_filters_are_refused() {
    let e = Env::seeded();
    for args in [
        &["contacts", "list", "--desc"][..],
        &["contacts", "list", "--sort", "price"],
        &["contacts", "list", "--kind", "vip"],
        &["contacts", "search", "x", "--source", "tv"],
    ] {
        assert_eq!(e.run(args).code, 2, "{args:?}");
    }
    let err = e
        .run(&["contacts", "list", "--from", "2026-02-30", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "created_from");
    let err = e
        .run(&["contacts", "list", "--after", "not-a-cursor", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "after");
    e.run(&["contacts", "list", "--owner", "ghost", "--json"])
        .json_error(4, "not_found");
    // Human: the message names the field, in Arabic by default.
    let r = e.run(&["contacts", "list", "--to", "31/12/2026"]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("تاريخ الإنشاء إلى"), "{}", r.stderr);
}

#[test]
fn the_printed_cursor_continues_a_sorted_list() {
    let e = Env::seeded();
    let r = e
        .run(&[
            "contacts", "list", "--sort", "name", "--limit", "5", "--lang", "en",
        ])
        .ok();
    let cursor = r
        .stdout
        .split("--after ")
        .nth(1)
        .expect("the next page's cursor is printed")
        .trim()
        .to_string();
    let next = e
        .run(&[
            "contacts", "list", "--sort", "name", "--limit", "5", "--after", &cursor, "--json",
        ])
        .ok()
        .json();
    assert_eq!(next["items"].as_array().unwrap().len(), 5);
    let by_name = e.all(&["contacts", "list", "--sort", "name"], 10);
    assert_eq!(next["items"][0]["id"], by_name[5]["id"]);
}
