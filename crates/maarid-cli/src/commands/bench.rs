//! `bench search`: seeds generated contacts through the batch path, then times the
//! searches people type — word prefixes, spelling variants, phone digits, words with
//! digits — through the public `contacts::search` (first page of 50), against a naive
//! `LIKE '%…%'` query over the same tables in the same run, and times saving one
//! contact with its duplicate check.
//!
//! Everything is deterministic for a given --contacts, --queries and --seed: the
//! contacts (see `crate::sample`) and the queries, which are drawn from the contacts
//! that were saved, so each query has an intended contact.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use maarid_core::access::Actor;
use maarid_core::company::CompanyInput;
use maarid_core::contacts::phone::normalize_phone;
use maarid_core::contacts::{self, ContactInput, SearchQuery};
use maarid_core::search::normalize::normalize;
use maarid_core::settings::Settings;
use maarid_core::setup::{self, AdminInput, SetupInput};
use maarid_core::{Db, Error};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::Serialize;

use super::seed::{insert_batch, BATCH};
use crate::args::{BenchCommand, BenchSearchArgs};
use crate::output::{CliError, CliResult, Out};
use crate::sample::{Generator, Rng};
use crate::text;

/// The page size measured: what the contacts list asks for.
const PAGE: u32 = 50;
/// `app_meta` key marking a database made by this command, with its count and seed.
const MARK: &str = "bench_search";
/// A name shared by more contacts than this cannot be told apart by name alone, so
/// spelling-variant queries use names held by at most this many.
const MAX_SAME_NAME: i64 = 20;
/// The naive LIKE query reads the whole table for rare words: it runs on the first
/// queries of each set only.
const LIKE_SAMPLE: usize = 20;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Set {
    WordPrefixArabic,
    WordPrefixLatin,
    SpellingVariants,
    PhoneDigits,
    Mixed,
}

/// Latency figures of one set of queries, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub count: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub mean_ms: f64,
}

fn stats(mut ms: Vec<f64>) -> Stats {
    ms.sort_by(f64::total_cmp);
    let n = ms.len();
    // Nearest rank.
    let at = |q: f64| {
        if n == 0 {
            0.0
        } else {
            ms[((q * n as f64).ceil() as usize).clamp(1, n) - 1]
        }
    };
    let r = |x: f64| (x * 1000.0).round() / 1000.0;
    Stats {
        count: n,
        p50_ms: r(at(0.50)),
        p95_ms: r(at(0.95)),
        p99_ms: r(at(0.99)),
        max_ms: r(ms.last().copied().unwrap_or(0.0)),
        mean_ms: r(ms.iter().sum::<f64>() / n.max(1) as f64),
    }
}

#[derive(Debug, Serialize)]
pub struct DatabaseInfo {
    pub path: PathBuf,
    /// False: a temporary file, deleted at the end.
    pub kept: bool,
    /// True: an earlier run's database (same count and seed) was used as it was.
    pub reused: bool,
    /// Size of the database file after a WAL checkpoint.
    pub size_mb: f64,
}

#[derive(Debug, Serialize)]
pub struct InsertInfo {
    pub contacts: u64,
    pub batch: u64,
    pub seconds: f64,
    pub per_second: f64,
}

#[derive(Debug, Serialize)]
pub struct SearchStats {
    /// Arabic and Latin together.
    pub word_prefix: Stats,
    pub word_prefix_arabic: Stats,
    pub word_prefix_latin: Stats,
    pub spelling_variants: Stats,
    pub phone_digits: Stats,
    pub mixed: Stats,
}

#[derive(Debug, Serialize)]
pub struct Found {
    pub found: usize,
    pub total: usize,
    pub percent: f64,
    /// The queries whose intended contact was not on the first page.
    pub missed: Vec<String>,
}

/// One of the slowest searches of the run.
#[derive(Debug, Serialize)]
pub struct Slow {
    pub set: Set,
    pub text: String,
    pub ms: f64,
}

#[derive(Debug, Serialize)]
pub struct Comparison {
    /// The naive query, on the first `sample` queries of the set.
    pub like: Stats,
    /// `contacts::search` on the same queries.
    pub fts: Stats,
    /// LIKE p50 / search p50.
    pub p50_ratio: f64,
    /// LIKE p99 / search p99.
    pub p99_ratio: f64,
}

#[derive(Debug, Serialize)]
pub struct Baseline {
    pub sample: usize,
    pub word_prefix: Comparison,
    pub phone_digits: Comparison,
}

#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub contacts: u64,
    pub queries: usize,
    pub seed: u64,
    pub page_size: u32,
    pub database: DatabaseInfo,
    /// None when an earlier run's database was reused.
    pub insert: Option<InsertInfo>,
    pub search: SearchStats,
    /// Spelling-variant queries whose intended contact is on the first page.
    pub spelling_variants_found: Found,
    /// The three slowest searches of each set, slowest first.
    pub slowest: Vec<Slow>,
    pub like_baseline: Baseline,
    /// `contacts::create` of a new contact (duplicate check, then saved even if it
    /// resembles another, as "save anyway" does), on the seeded database.
    pub create_with_duplicate_check: Stats,
}

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: BenchCommand) -> CliResult {
    match cmd {
        BenchCommand::Search(a) => search(out, db_flag, a),
        BenchCommand::Import(a) => super::bench_import::run(out, a),
        BenchCommand::ImportPhase(a) => super::bench_import::phase(a),
        BenchCommand::Export(a) => super::bench_export::run(out, db_flag, a),
        BenchCommand::ExportPhase(a) => super::bench_export::phase(out, db_flag, a),
    }
}

/// Deletes a temporary database (and its WAL files) however the run ends.
pub(super) struct TempFile(pub(super) Option<PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            for suffix in ["", "-wal", "-shm"] {
                let mut f = p.clone().into_os_string();
                f.push(suffix);
                let _ = std::fs::remove_file(f);
            }
        }
    }
}

fn search(out: &Out, db_flag: Option<&Path>, a: BenchSearchArgs) -> CliResult {
    let (path, keep) = match db_flag {
        Some(p) => (super::absolute(p)?, true),
        None => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default();
            let name = format!("maarid-bench-{}-{stamp}.sqlite", std::process::id());
            (std::env::temp_dir().join(name), false)
        }
    };
    let _cleanup = TempFile((!keep).then(|| path.clone()));
    let mark = format!("{}:{}", a.contacts, a.seed);
    let reused = path.exists();
    if reused {
        check_mark(&path, &mark)?;
    }
    let db = Db::open(&path)?;
    let actor = super::actor();
    if !reused {
        setup::complete(&db, &bench_setup())?;
    }

    // The contacts, generated in order; the ones the queries are drawn from are kept.
    let mut rng = Rng::new(a.seed ^ 0x6d61_6172_6964_6221);
    let n = a.contacts as usize;
    let q = a.queries as usize;
    let mut picks: HashMap<Set, Vec<usize>> = HashMap::new();
    for (set, many) in [
        (Set::WordPrefixArabic, q.div_ceil(2)),
        (Set::WordPrefixLatin, 8 * q),
        (Set::SpellingVariants, 8 * q),
        (Set::PhoneDigits, 2 * q),
        (Set::Mixed, 2 * q),
    ] {
        let v = (0..many).map(|_| rng.below(n as u64) as usize).collect();
        picks.insert(set, v);
    }
    let wanted: BTreeSet<usize> = picks.values().flatten().copied().collect();
    let mut kept: HashMap<usize, ContactInput> = HashMap::new();
    let mut generator = Generator::new(a.seed, "SA");
    let started = Instant::now();
    let mut done = 0usize;
    while done < n {
        let batch: Vec<ContactInput> = (0..(BATCH as usize).min(n - done))
            .map(|_| generator.contact())
            .collect();
        for (i, c) in batch.iter().enumerate() {
            if wanted.contains(&(done + i)) {
                kept.insert(done + i, c.clone());
            }
        }
        if !reused {
            insert_batch(&db, &actor, &batch)?;
        }
        done += batch.len();
        if !reused && done < n && done.is_multiple_of(100_000) {
            out.note(|l| text::seed_progress(l, done as u64, n as u64));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let raw = Connection::open(&path).map_err(Error::from)?;
    // Read the file the way the app's own connections do (see maarid_core::db).
    raw.pragma_update(None, "mmap_size", 0x7fff_0000_i64)
        .map_err(Error::from)?;
    let insert = if reused {
        None
    } else {
        raw.execute(
            "INSERT INTO app_meta (key, value) VALUES (?1, ?2)",
            [MARK, &mark],
        )
        .map_err(Error::from)?;
        Some(InsertInfo {
            contacts: a.contacts,
            batch: BATCH,
            seconds: round(seconds, 3),
            per_second: round(a.contacts as f64 / seconds.max(1e-9), 1),
        })
    };
    if let Some(i) = &insert {
        out.note(|l| text::bench_seeded(l, i.contacts, i.seconds, i.per_second));
    }
    raw.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(Error::from)?;
    let size_mb = std::fs::metadata(&path)
        .map_err(|e| Error::io(&path, e))?
        .len() as f64
        / (1024.0 * 1024.0);

    // The first contact generated has the smallest number; the rest follow in order.
    let first_num: i64 = raw
        .query_row("SELECT min(num) FROM contacts", [], |r| r.get(0))
        .map_err(Error::from)?;
    let id_of = |index: usize| -> CliResult<String> {
        Ok(raw
            .query_row(
                "SELECT id FROM contacts WHERE num = ?1",
                [first_num + index as i64],
                |r| r.get(0),
            )
            .map_err(Error::from)?)
    };

    let queries = build_queries(&raw, &mut rng, &picks, &kept, q)?;
    out.note(|l| text::bench_searching(l, queries.values().map(Vec::len).sum()));

    // A few searches first, so the statement caches are warm (not counted).
    for set in queries.values() {
        for query in set.iter().take(3) {
            time_search(&db, &actor, &query.text)?;
        }
    }
    let mut times: HashMap<Set, Vec<f64>> = HashMap::new();
    let mut found = 0;
    let mut missed = Vec::new();
    let mut slowest: Vec<Slow> = Vec::new();
    for (set, list) in &queries {
        for query in list {
            let (ms, page) = time_search(&db, &actor, &query.text)?;
            times.entry(*set).or_default().push(ms);
            slowest.push(Slow {
                set: *set,
                text: query.text.clone(),
                ms: round(ms, 3),
            });
            if *set == Set::SpellingVariants {
                let id = id_of(query.target)?;
                if page.items.iter().any(|c| c.id == id) {
                    found += 1;
                } else {
                    missed.push(query.text.clone());
                }
            }
        }
    }
    // The three slowest of each set, slowest first.
    slowest.sort_by(|a, b| b.ms.total_cmp(&a.ms));
    let mut per_set: HashMap<Set, usize> = HashMap::new();
    slowest.retain(|s| {
        let n = per_set.entry(s.set).or_default();
        *n += 1;
        *n <= 3
    });
    let get = |s: Set| times.get(&s).cloned().unwrap_or_default();
    let words: Vec<f64> = [get(Set::WordPrefixArabic), get(Set::WordPrefixLatin)].concat();
    let search = SearchStats {
        word_prefix: stats(words),
        word_prefix_arabic: stats(get(Set::WordPrefixArabic)),
        word_prefix_latin: stats(get(Set::WordPrefixLatin)),
        spelling_variants: stats(get(Set::SpellingVariants)),
        phone_digits: stats(get(Set::PhoneDigits)),
        mixed: stats(get(Set::Mixed)),
    };
    let variants = queries.get(&Set::SpellingVariants).map_or(0, Vec::len);
    let spelling_variants_found = Found {
        found,
        total: variants,
        percent: round(100.0 * found as f64 / variants.max(1) as f64, 2),
        missed,
    };

    // The naive way, on the same data: LIKE '%word%' over every text column and phone.
    out.note(|l| text::bench_baseline(l, LIKE_SAMPLE));
    let sample_of = |sets: &[Set]| -> Vec<&Query> {
        let per = LIKE_SAMPLE.div_ceil(sets.len());
        sets.iter()
            .flat_map(|s| queries.get(s).into_iter().flatten().take(per))
            .take(LIKE_SAMPLE)
            .collect()
    };
    let compare = |sample: Vec<&Query>| -> CliResult<Comparison> {
        let mut like = Vec::new();
        let mut fts = Vec::new();
        for query in sample {
            like.push(time_like(&raw, &query.text)?);
            fts.push(time_search(&db, &actor, &query.text)?.0);
        }
        let (like, fts) = (stats(like), stats(fts));
        Ok(Comparison {
            p50_ratio: round(like.p50_ms / fts.p50_ms.max(1e-3), 1),
            p99_ratio: round(like.p99_ms / fts.p99_ms.max(1e-3), 1),
            like,
            fts,
        })
    };
    let like_baseline = Baseline {
        sample: LIKE_SAMPLE,
        word_prefix: compare(sample_of(&[Set::WordPrefixArabic, Set::WordPrefixLatin]))?,
        phone_digits: compare(sample_of(&[Set::PhoneDigits]))?,
    };

    // Saving one more contact, duplicate check included, on the full database.
    let mut create = Vec::new();
    for _ in 0..q.min(200) {
        let input = generator.contact();
        let t = Instant::now();
        contacts::create(&db, &actor, &input, true)?;
        create.push(t.elapsed().as_secs_f64() * 1000.0);
    }

    let report = BenchReport {
        contacts: a.contacts,
        queries: q,
        seed: a.seed,
        page_size: PAGE,
        database: DatabaseInfo {
            path: path.clone(),
            kept: keep,
            reused,
            size_mb: round(size_mb, 1),
        },
        insert,
        search,
        spelling_variants_found,
        slowest,
        like_baseline,
        create_with_duplicate_check: stats(create),
    };
    drop(raw);
    drop(db);
    out.done(&report, |l| text::bench_report(l, &report))
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// A database given with --db that already exists must be one this command made with
/// the same count and seed: never a showroom's real database.
fn check_mark(path: &Path, mark: &str) -> CliResult {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(Error::from)?;
    let found: Option<String> = conn
        .query_row("SELECT value FROM app_meta WHERE key = ?1", [MARK], |r| {
            r.get(0)
        })
        .optional()
        .unwrap_or(None);
    match found {
        Some(m) if m == mark => Ok(()),
        Some(_) => Err(CliError::new(
            "bench_database_mismatch",
            3,
            text::bench_db_mismatch(path),
        )),
        None => Err(CliError::new(
            "not_a_bench_database",
            3,
            text::not_a_bench_db(path),
        )),
    }
}

pub(super) fn bench_setup() -> SetupInput {
    SetupInput {
        company: CompanyInput {
            name_ar: "قاعدة بيانات قياس الأداء".into(),
            name_en: "Benchmark database".into(),
            logo_data_url: None,
            address_ar: String::new(),
            address_en: String::new(),
            phones: Vec::new(),
            email: String::new(),
            website: String::new(),
            tax_number: String::new(),
            country: "SA".into(),
            currency: "SAR".into(),
            default_vat_rate: "15".into(),
        },
        settings: Settings::default(),
        series: Vec::new(),
        admin: AdminInput {
            username: "bench".into(),
            full_name: String::new(),
            email: String::new(),
            password: "bench-password".into(),
            locale: None,
        },
    }
}

fn time_search(
    db: &Db,
    actor: &Actor,
    text: &str,
) -> CliResult<(f64, maarid_core::contacts::SearchPage)> {
    let query = SearchQuery {
        text: text.to_string(),
        limit: Some(PAGE),
        ..SearchQuery::default()
    };
    let t = Instant::now();
    let page = contacts::search(db, actor, &query)?;
    Ok((t.elapsed().as_secs_f64() * 1000.0, page))
}

/// The naive search: every word of the text as `LIKE '%word%'` over the text columns,
/// emails, tags and phones, all words required, newest first, first page.
fn time_like(conn: &Connection, text: &str) -> CliResult<f64> {
    let words: Vec<String> = text.split_whitespace().map(|w| format!("%{w}%")).collect();
    let conds: Vec<String> = (1..=words.len())
        .map(|i| {
            format!(
                "(c.name_ar LIKE ?{i} OR c.name_latin LIKE ?{i} OR c.company_name LIKE ?{i}
                  OR c.job_title LIKE ?{i} OR c.city LIKE ?{i} OR c.notes LIKE ?{i}
                  OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.email LIKE ?{i})
                  OR EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag LIKE ?{i})
                  OR EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id
                             AND (p.raw LIKE ?{i} OR p.national LIKE ?{i} OR p.e164 LIKE ?{i})))"
            )
        })
        .collect();
    let sql = format!(
        "SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND {} ORDER BY c.num DESC LIMIT {PAGE}",
        conds.join(" AND ")
    );
    let t = Instant::now();
    let mut stmt = conn.prepare_cached(&sql).map_err(Error::from)?;
    let rows = stmt
        .query_map(params_from_iter(words.iter()), |r| r.get::<_, String>(0))
        .map_err(Error::from)?
        .count();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(rows);
    Ok(ms)
}

#[derive(Debug, Clone)]
struct Query {
    text: String,
    /// Position of the intended contact among the generated ones.
    target: usize,
}

fn build_queries(
    conn: &Connection,
    rng: &mut Rng,
    picks: &HashMap<Set, Vec<usize>>,
    kept: &HashMap<usize, ContactInput>,
    q: usize,
) -> CliResult<std::collections::BTreeMap<Set, Vec<Query>>> {
    let mut out = std::collections::BTreeMap::new();
    let input = |i: &usize| kept.get(i).expect("kept while generating");

    // Word prefixes: 2–5 letters of one or two words of the name.
    let mut ar = Vec::new();
    for &i in &picks[&Set::WordPrefixArabic] {
        let c = input(&i);
        let name = if c.name_ar.is_empty() {
            &c.company_name
        } else {
            &c.name_ar
        };
        ar.push(Query {
            text: word_prefixes(rng, name),
            target: i,
        });
    }
    out.insert(Set::WordPrefixArabic, ar);
    let latin: Vec<Query> = picks[&Set::WordPrefixLatin]
        .iter()
        .filter(|i| !input(i).name_latin.is_empty())
        .take(q / 2)
        .map(|&i| Query {
            text: word_prefixes(rng, &input(&i).name_latin),
            target: i,
        })
        .collect();
    out.insert(Set::WordPrefixLatin, latin);

    // Spelling variants of names that exist, and phones in Arabic-Indic digits.
    let mut variants = Vec::new();
    let mut same_name = conn
        .prepare("SELECT count(*) FROM contacts WHERE name_norm = ?1 AND deleted_at IS NULL")
        .map_err(Error::from)?;
    let mut candidates = picks[&Set::SpellingVariants].iter();
    'queries: for k in 0..q {
        let kind = VARIANTS[k % VARIANTS.len()];
        for &i in candidates.by_ref() {
            let c = input(&i);
            let text = if kind == Variant::Digits {
                match national(c) {
                    Some(nat) => indic_digits(rng, &nat),
                    None => continue,
                }
            } else {
                if c.name_ar.is_empty() {
                    continue;
                }
                let Some(text) = spell(rng, kind, &c.name_ar) else {
                    continue;
                };
                let shared: i64 = same_name
                    .query_row([normalize(&c.name_ar)], |r| r.get(0))
                    .map_err(Error::from)?;
                if shared > MAX_SAME_NAME {
                    continue;
                }
                text
            };
            variants.push(Query { text, target: i });
            continue 'queries;
        }
        break;
    }
    out.insert(Set::SpellingVariants, variants);

    // Phone digits: the last 4–7 digits, or the whole number with 0 or 00966.
    let phones: Vec<Query> = picks[&Set::PhoneDigits]
        .iter()
        .filter_map(|&i| national(input(&i)).map(|nat| (i, nat)))
        .take(q)
        .map(|(i, (cc, nat))| {
            let text = match rng.below(10) {
                0..=5 => last_digits(rng, &nat),
                6 | 7 => format!("0{nat}"),
                _ => format!("00{cc}{nat}"),
            };
            Query { text, target: i }
        })
        .collect();
    out.insert(Set::PhoneDigits, phones);

    // A word of the name (or its first 3–5 letters) and the last 4–7 digits.
    let mixed: Vec<Query> = picks[&Set::Mixed]
        .iter()
        .filter(|i| !input(i).name_ar.is_empty())
        .filter_map(|&i| national(input(&i)).map(|nat| (i, nat)))
        .take(q)
        .map(|(i, (_, nat))| {
            let words: Vec<&str> = input(&i).name_ar.split(' ').collect();
            let word = *rng.pick(&words);
            let letters = word.chars().count();
            let take = if rng.chance(50) {
                letters
            } else {
                (3 + rng.below(3) as usize).min(letters)
            };
            let word: String = word.chars().take(take).collect();
            Query {
                text: format!("{word} {}", last_digits(rng, &nat)),
                target: i,
            }
        })
        .collect();
    out.insert(Set::Mixed, mixed);
    Ok(out)
}

/// One word's first 2–5 letters, and half the time a second word's.
fn word_prefixes(rng: &mut Rng, name: &str) -> String {
    fn start(rng: &mut Rng, w: &str) -> String {
        let n = 2 + rng.below(4) as usize;
        w.chars().take(n).collect()
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let a = rng.below(words.len() as u64) as usize;
    let first = start(rng, words[a]);
    if words.len() > 1 && rng.chance(50) {
        let b = (a + 1 + rng.below(words.len() as u64 - 1) as usize) % words.len();
        format!("{first} {}", start(rng, words[b]))
    } else {
        first
    }
}

/// The first phone's country code and national number, as stored.
fn national(c: &ContactInput) -> Option<(String, String)> {
    let p = normalize_phone(&c.phones.first()?.number, "SA").ok()?;
    let cc = p
        .e164
        .strip_prefix('+')?
        .strip_suffix(&p.national)?
        .to_string();
    Some((cc, p.national))
}

fn last_digits(rng: &mut Rng, national: &str) -> String {
    let n = (4 + rng.below(4) as usize).min(national.len());
    national[national.len() - n..].to_string()
}

/// The number (with 0, or its last 7 digits) in Arabic-Indic or Persian digits.
fn indic_digits(rng: &mut Rng, (_, national): &(String, String)) -> String {
    let digits = if rng.chance(50) {
        format!("0{national}")
    } else {
        national[national.len().saturating_sub(7)..].to_string()
    };
    let zero = if rng.chance(70) { 0x0660 } else { 0x06F0 };
    digits
        .chars()
        .map(|c| char::from_u32(zero + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Variant {
    Hamza,
    TaMarbuta,
    AlefMaqsura,
    Diacritics,
    Tatweel,
    Digits,
}

const VARIANTS: [Variant; 6] = [
    Variant::Hamza,
    Variant::TaMarbuta,
    Variant::AlefMaqsura,
    Variant::Diacritics,
    Variant::Tatweel,
    Variant::Digits,
];

/// The name as someone else might spell it, or None if this kind of variant does not
/// apply to it.
fn spell(rng: &mut Rng, kind: Variant, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut changed = false;
    let out: Vec<String> = words
        .iter()
        .map(|w| {
            let chars: Vec<char> = w.chars().collect();
            let mut v = chars.clone();
            match kind {
                Variant::Hamza => {
                    for c in v.iter_mut() {
                        let to = match *c {
                            'أ' | 'إ' | 'آ' => 'ا',
                            'ؤ' => 'و',
                            'ئ' => 'ي',
                            _ => continue,
                        };
                        *c = to;
                        changed = true;
                    }
                    if !changed && v.first() == Some(&'ا') && v.get(1) != Some(&'ل') {
                        v[0] = 'أ';
                        changed = true;
                    }
                }
                Variant::TaMarbuta | Variant::AlefMaqsura => {
                    let (a, b) = if kind == Variant::TaMarbuta {
                        ('ة', 'ه')
                    } else {
                        ('ى', 'ي')
                    };
                    if let Some(last) = v.last_mut() {
                        if *last == a {
                            *last = b;
                            changed = true;
                        } else if *last == b {
                            *last = a;
                            changed = true;
                        }
                    }
                }
                Variant::Diacritics => {
                    const MARKS: [char; 5] =
                        ['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}'];
                    v = chars
                        .iter()
                        .flat_map(|&c| {
                            let mark = (rng.chance(50)).then(|| *rng.pick(&MARKS));
                            std::iter::once(c).chain(mark)
                        })
                        .collect();
                    changed = true;
                }
                Variant::Tatweel => {
                    if v.len() >= 3 {
                        v.insert(2, 'ـ');
                        changed = true;
                    }
                }
                Variant::Digits => {}
            }
            v.into_iter().collect()
        })
        .collect();
    changed.then(|| out.join(" "))
}
