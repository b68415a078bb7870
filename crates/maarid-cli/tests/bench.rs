//! `bench search` on a small generated database: the shape of its JSON report, every
//! spelling variant found, the temporary file removed, a kept file reused, and a real
//! database never touched. Not a timing test: the figures are only checked to exist.

use serde_json::Value;

mod common;

use common::{assert_help, command, finish, Run};

fn bench(args: &[&str]) -> Run {
    finish(
        command()
            .args(["bench", "search", "--contacts", "2000", "--queries", "20"])
            .args(args)
            .output()
            .unwrap(),
    )
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

const STATS: [&str; 6] = ["count", "max_ms", "mean_ms", "p50_ms", "p95_ms", "p99_ms"];

#[test]
fn help_explains_the_benchmark() {
    assert_help(&["bench"], &["search"]);
    assert_help(
        &["bench", "search"],
        &[
            "--contacts",
            "--queries",
            "--seed",
            "LIKE",
            "p99",
            "Examples",
        ],
    );
}

#[test]
fn json_report_has_every_figure_and_finds_every_variant() {
    let r = bench(&["--json"]).ok();
    assert!(r.stderr.is_empty(), "nothing but JSON: {}", r.stderr);
    let v = r.json();
    assert_eq!(
        keys(&v),
        [
            "contacts",
            "create_with_duplicate_check",
            "database",
            "insert",
            "like_baseline",
            "page_size",
            "queries",
            "search",
            "seed",
            "slowest",
            "spelling_variants_found"
        ]
    );
    assert_eq!(v["contacts"], 2000);
    assert_eq!(v["page_size"], 50);
    assert_eq!(
        keys(&v["insert"]),
        ["batch", "contacts", "per_second", "seconds"]
    );
    assert!(v["insert"]["per_second"].as_f64().unwrap() > 0.0);
    assert!(v["database"]["size_mb"].as_f64().unwrap() > 0.0);
    assert_eq!(v["database"]["kept"], false);
    assert_eq!(
        keys(&v["search"]),
        [
            "mixed",
            "phone_digits",
            "spelling_variants",
            "word_prefix",
            "word_prefix_arabic",
            "word_prefix_latin"
        ]
    );
    for (name, s) in v["search"].as_object().unwrap() {
        assert_eq!(keys(s), STATS, "{name}");
        assert!(s["count"].as_u64().unwrap() >= 10, "{name}: {s}");
        assert!(s["p50_ms"].as_f64().unwrap() <= s["p99_ms"].as_f64().unwrap());
    }
    assert_eq!(v["search"]["word_prefix"]["count"], 20);
    assert_eq!(v["search"]["spelling_variants"]["count"], 20);
    let found = &v["spelling_variants_found"];
    assert_eq!(found["total"], 20);
    assert_eq!(found["found"], 20);
    assert_eq!(found["percent"], 100.0);
    assert_eq!(found["missed"], serde_json::json!([]));
    assert_eq!(
        v["slowest"].as_array().unwrap().len(),
        15,
        "three of each set"
    );
    assert_eq!(keys(&v["slowest"][0]), ["ms", "set", "text"]);
    for set in ["word_prefix", "phone_digits"] {
        let c = &v["like_baseline"][set];
        assert_eq!(keys(c), ["fts", "like", "p50_ratio", "p99_ratio"]);
        assert_eq!(keys(&c["like"]), STATS);
        assert!(c["like"]["count"].as_u64().unwrap() > 0);
    }
    assert_eq!(keys(&v["create_with_duplicate_check"]), STATS);
    assert_eq!(v["create_with_duplicate_check"]["count"], 20);

    // The temporary database is gone.
    let path = v["database"]["path"].as_str().unwrap();
    assert!(!std::path::Path::new(path).exists(), "{path}");
}

#[test]
fn a_kept_database_is_reused_and_a_real_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.sqlite");
    let db = db.to_str().unwrap();
    let first = bench(&["--db", db, "--json"]).ok().json();
    assert_eq!(first["database"]["kept"], true);
    assert_eq!(first["database"]["reused"], false);
    let again = bench(&["--db", db, "--json"]).ok().json();
    assert_eq!(again["database"]["reused"], true);
    assert_eq!(again["insert"], Value::Null);
    assert_eq!(again["spelling_variants_found"]["percent"], 100.0);
    // Another seed does not match the kept database.
    bench(&["--db", db, "--seed", "2", "--json"]).json_error(3, "bench_database_mismatch");

    // A showroom's database is never used.
    let real = dir.path().join("maarid.sqlite");
    finish(
        command()
            .arg("--db")
            .arg(&real)
            .args([
                "setup",
                "--company-ar",
                "معرض",
                "--admin-user",
                "admin",
                "--admin-password",
                "admin-pass-1",
            ])
            .output()
            .unwrap(),
    )
    .ok();
    let before = std::fs::read(&real).unwrap();
    bench(&["--db", real.to_str().unwrap(), "--json"]).json_error(3, "not_a_bench_database");
    assert_eq!(std::fs::read(&real).unwrap(), before, "untouched");
}

#[test]
fn human_report_is_a_table_in_the_chosen_language() {
    let r = bench(&["--lang", "en"]).ok();
    for words in [
        "contacts/s",
        "Database size",
        "word prefix",
        "spelling variants",
        "phone digits",
        "LIKE",
        "p99",
        "create with duplicate check",
        "20 of 20 (100.0%)",
    ] {
        assert!(r.stdout.contains(words), "{words}:\n{}", r.stdout);
    }
    let r = bench(&[]).ok();
    assert!(r.stdout.contains("الصيغ الإملائية"), "{}", r.stdout);
}
