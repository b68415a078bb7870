//! `bench export`: seeds generated contacts, then times exporting them to .xlsx two
//! ways in the same run — ours (`export::export`, as the app does it) and a baseline
//! (one plain SELECT written as bare text with rust_xlsxwriter's constant-memory mode)
//! — and prints seconds, rows/s, peak memory and the ratio ours ÷ baseline.
//!
//! Each measured run is a child process of this same binary (`bench export-phase`,
//! hidden), so the peak memory the kernel reports for it (VmHWM) is the phase's own
//! and not the seeding's. The phases alternate, and the median run is reported.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use maarid_core::export::{self, ExportKind, ExportRequest};
use maarid_core::{setup, Db, Error, Locale};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::bench::{bench_setup, TempFile};
use super::seed::{insert_batch, BATCH};
use crate::args::{BenchExportArgs, BenchExportPhaseArgs, BenchPhase};
use crate::output::{CliError, CliResult, Out};
use crate::sample::Generator;
use crate::text;

/// `app_meta` key marking a database made by this command, with its count and seed.
const MARK: &str = "bench_export";
/// Runs of each phase; the median is reported.
const RUNS: usize = 3;
/// The targets, for this many rows.
const TARGET_ROWS: u64 = 100_000;
const TARGET_SECONDS: f64 = 1.5;
const TARGET_PEAK_MB: f64 = 50.0;
/// The baseline's columns: the contacts table's own, read with one plain SELECT.
const BASELINE_SQL: &str = "SELECT name_ar, name_latin, company_name, job_title, kind, city,
    website, source, preferred_channel, owner_id, notes, id, created_at, updated_at
    FROM contacts WHERE deleted_at IS NULL ORDER BY num";

/// What one child process measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PhaseRun {
    pub rows: u64,
    /// Rows × columns.
    pub cells: u64,
    pub seconds: f64,
    /// Processor time of the phase, every thread (user + system; Linux only): less
    /// disturbed than `seconds` by other programs competing for the processor.
    pub cpu_seconds: Option<f64>,
    pub file_mb: f64,
    /// Peak resident memory of the process (VmHWM): the program, its heap, and the
    /// pages of the database file it mapped to read them. None off Linux.
    pub peak_mb: Option<f64>,
    /// Peak private memory (RssAnon, sampled every 2 ms): the heap and stacks,
    /// without the mapped database pages, which are the system's file cache.
    pub private_peak_mb: Option<f64>,
    /// Private memory just before the phase started (the program, the open database).
    pub private_start_mb: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct PhaseStats {
    /// The median run.
    pub seconds: f64,
    pub runs_seconds: Vec<f64>,
    /// Processor time of the median run (see `PhaseRun`).
    pub cpu_seconds: Option<f64>,
    pub rows_per_second: f64,
    pub cells: u64,
    pub file_mb: f64,
    /// The highest of the runs (see `PhaseRun`).
    pub peak_mb: Option<f64>,
    pub private_peak_mb: Option<f64>,
    pub private_start_mb: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Ratio {
    pub seconds: f64,
    pub cpu_seconds: Option<f64>,
    /// Of the private peaks.
    pub private_memory: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Targets {
    pub rows: u64,
    pub seconds: f64,
    pub peak_mb: f64,
    /// Ours within both (memory: the private peak); None when the run had another
    /// number of rows or the memory could not be measured.
    pub met: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct ExportBenchReport {
    pub rows: u64,
    pub seed: u64,
    pub runs: usize,
    pub database: PathBuf,
    pub kept: bool,
    pub reused: bool,
    pub ours: PhaseStats,
    pub baseline: PhaseStats,
    /// ours ÷ baseline.
    pub ratio: Ratio,
    pub targets: Targets,
}

pub fn run(out: &Out, db_flag: Option<&Path>, a: BenchExportArgs) -> CliResult {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let (path, keep) = match db_flag {
        Some(p) => (super::absolute(p)?, true),
        None => {
            let name = format!("maarid-bench-export-{}-{stamp}.sqlite", std::process::id());
            (std::env::temp_dir().join(name), false)
        }
    };
    let _cleanup = TempFile((!keep).then(|| path.clone()));
    let mark = format!("{}:{}", a.rows, a.seed);
    let reused = path.exists();
    if reused {
        check_mark(&path, &mark)?;
    } else {
        seed(out, &path, &a, &mark)?;
    }

    let dir = std::env::temp_dir().join(format!(
        "maarid-bench-export-{}-{stamp}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let _out_dir = RemoveDir(dir.clone());
    out.note(|l| {
        pick(
            l,
            format!("قياس التصدير ({RUNS} مرات لكل طريقة، كل مرة في عملية مستقلة)…"),
            format!("Timing the export ({RUNS} runs of each way, each in a process of its own)…"),
        )
    });
    let mut ours = Vec::new();
    let mut baseline = Vec::new();
    for i in 0..RUNS {
        baseline.push(child(
            &path,
            BenchPhase::Baseline,
            &dir.join(format!("baseline-{i}.xlsx")),
        )?);
        ours.push(child(
            &path,
            BenchPhase::Ours,
            &dir.join(format!("ours-{i}.xlsx")),
        )?);
    }
    let ours = stats(ours);
    let baseline = stats(baseline);
    let ratio = Ratio {
        seconds: round(ours.seconds / baseline.seconds.max(1e-9), 2),
        cpu_seconds: ours
            .cpu_seconds
            .zip(baseline.cpu_seconds)
            .map(|(o, b)| round(o / b.max(1e-9), 2)),
        private_memory: ours
            .private_peak_mb
            .zip(baseline.private_peak_mb)
            .map(|(o, b)| round(o / b.max(1e-9), 2)),
    };
    let targets = Targets {
        rows: TARGET_ROWS,
        seconds: TARGET_SECONDS,
        peak_mb: TARGET_PEAK_MB,
        met: ours
            .private_peak_mb
            .filter(|_| a.rows == TARGET_ROWS)
            .map(|p| ours.seconds <= TARGET_SECONDS && p <= TARGET_PEAK_MB),
    };
    let report = ExportBenchReport {
        rows: a.rows,
        seed: a.seed,
        runs: RUNS,
        database: path.clone(),
        kept: keep,
        reused,
        ours,
        baseline,
        ratio,
        targets,
    };
    out.done(&report, |l| human(l, &report))
}

/// Runs one measured phase in a child process and reads its JSON report.
fn child(db: &Path, phase: BenchPhase, file: &Path) -> CliResult<PhaseRun> {
    let exe = std::env::current_exe().map_err(|e| Error::io("maarid-cli", e))?;
    let name = match phase {
        BenchPhase::Ours => "ours",
        BenchPhase::Baseline => "baseline",
    };
    let output = Command::new(exe)
        .arg("--db")
        .arg(db)
        .args(["--json", "bench", "export-phase", "--phase", name, "--out"])
        .arg(file)
        .output()
        .map_err(|e| Error::io("maarid-cli", e))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(Error::Internal(format!(
            "bench export-phase {name} failed: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        ))
        .into());
    }
    serde_json::from_str(&stdout)
        .map_err(|e| Error::Internal(format!("bench export-phase {name}: {e}: {stdout}")).into())
}

/// The hidden `bench export-phase`: one timed export in this process.
pub fn phase(out: &Out, db_flag: Option<&Path>, a: BenchExportPhaseArgs) -> CliResult {
    let path = super::db_path(db_flag)?;
    let db = Db::open(&path)?;
    let actor = super::actor();
    let private_start_mb = status_mb("RssAnon:");
    let sampler = PrivatePeak::start();
    let cpu_start = cpu_seconds();
    let started = Instant::now();
    let (rows, cells) = match a.phase {
        BenchPhase::Ours => {
            let req = ExportRequest {
                kind: ExportKind::Contacts,
                columns: None,
                from: None,
                to: None,
                lang: Locale::Ar,
            };
            let s = export::export(&db, &actor, &req, &a.out)?;
            let columns = s.tables.first().map_or(0, |t| t.columns.len()) as u64;
            (s.rows, s.rows * columns)
        }
        BenchPhase::Baseline => baseline(&path, &a.out)?,
    };
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_start).map(|(end, start)| end - start);
    let private_peak_mb = sampler.stop();
    let file_mb = std::fs::metadata(&a.out)
        .map_err(|e| Error::io(&a.out, e))?
        .len() as f64
        / MB;
    let run = PhaseRun {
        rows,
        cells,
        seconds: round(seconds, 3),
        cpu_seconds: cpu.map(|c| round(c, 2)),
        file_mb: round(file_mb, 2),
        peak_mb: status_mb("VmHWM:").map(|m| round(m, 1)),
        private_peak_mb: private_peak_mb.map(|m| round(m, 1)),
        private_start_mb: private_start_mb.map(|m| round(m, 1)),
    };
    out.done(&run, |_| format!("{run:?}"))
}

/// The floor: the contacts table read with one SELECT (through the same memory-mapped
/// reads the app's connections use) and every value written as a plain string.
fn baseline(db: &Path, file: &Path) -> CliResult<(u64, u64)> {
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(Error::from)?;
    conn.pragma_update(None, "mmap_size", 0x7fff_0000_i64)
        .map_err(Error::from)?;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    let bad = |e: rust_xlsxwriter::XlsxError| CliError::from(Error::Internal(e.to_string()));
    let mut stmt = conn.prepare(BASELINE_SQL).map_err(Error::from)?;
    let width = stmt.column_count();
    let mut rows = stmt.query([]).map_err(Error::from)?;
    let mut n = 0u32;
    while let Some(r) = rows.next().map_err(Error::from)? {
        for c in 0..width {
            if let Some(s) = r
                .get_ref(c)
                .map_err(Error::from)?
                .as_str_or_null()
                .ok()
                .flatten()
            {
                ws.write_string(n, c as u16, s).map_err(bad)?;
            }
        }
        n += 1;
    }
    wb.save(file).map_err(bad)?;
    Ok((u64::from(n), u64::from(n) * width as u64))
}

fn seed(out: &Out, path: &Path, a: &BenchExportArgs, mark: &str) -> CliResult {
    let db = Db::open(path)?;
    setup::complete(&db, &bench_setup())?;
    let actor = super::actor();
    let mut generator = Generator::new(a.seed, "SA");
    let started = Instant::now();
    let mut done = 0;
    while done < a.rows {
        let batch: Vec<_> = (0..BATCH.min(a.rows - done))
            .map(|_| generator.contact())
            .collect();
        insert_batch(&db, &actor, &batch)?;
        done += batch.len() as u64;
        if done < a.rows {
            out.note(|l| text::seed_progress(l, done, a.rows));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    out.note(|l| text::bench_seeded(l, a.rows, seconds, a.rows as f64 / seconds.max(1e-9)));
    db.write(|tx| {
        tx.execute(
            "INSERT INTO app_meta (key, value) VALUES (?1, ?2)",
            [MARK, mark],
        )?;
        Ok(())
    })?;
    drop(db);
    // Every phase then starts from the same file, with nothing left in the WAL.
    Connection::open(path)
        .and_then(|c| c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())))
        .map_err(Error::from)?;
    Ok(())
}

/// A database given with --db that exists must be one this command made with the same
/// count and seed: never a showroom's real database.
fn check_mark(path: &Path, mark: &str) -> CliResult {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(Error::from)?;
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

const MB: f64 = 1024.0 * 1024.0;

/// A memory figure of this process from /proc/self/status (e.g. `VmHWM:`), in MB;
/// None off Linux.
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Processor time of this process so far, all threads, from /proc/self/stat (in the
/// kernel's fixed USER_HZ of 100 ticks a second); None off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces): state is field 3.
    let rest: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| rest.get(field - 3)?.parse::<f64>().ok();
    Some((ticks(14)? + ticks(15)?) / 100.0)
}

/// Samples RssAnon every 2 ms on a thread of its own, keeping the highest: the
/// kernel keeps a peak of all resident memory only (VmHWM).
struct PrivatePeak {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<Option<f64>>,
}

impl PrivatePeak {
    fn start() -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut peak: Option<f64> = None;
            loop {
                let now = status_mb("RssAnon:");
                peak = match (peak, now) {
                    (Some(p), Some(n)) => Some(p.max(n)),
                    (p, n) => p.or(n),
                };
                if flag.load(Ordering::Relaxed) {
                    return peak;
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        });
        PrivatePeak { stop, thread }
    }

    fn stop(self) -> Option<f64> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or(None)
    }
}

fn stats(mut runs: Vec<PhaseRun>) -> PhaseStats {
    let runs_seconds: Vec<f64> = runs.iter().map(|r| r.seconds).collect();
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let highest =
        |f: fn(&PhaseRun) -> Option<f64>| runs.iter().filter_map(f).max_by(f64::total_cmp);
    let peak_mb = highest(|r| r.peak_mb);
    let private_peak_mb = highest(|r| r.private_peak_mb);
    let private_start_mb = highest(|r| r.private_start_mb);
    let median = &runs[runs.len() / 2];
    PhaseStats {
        seconds: median.seconds,
        runs_seconds,
        cpu_seconds: median.cpu_seconds,
        rows_per_second: round(median.rows as f64 / median.seconds.max(1e-9), 0),
        cells: median.cells,
        file_mb: median.file_mb,
        peak_mb,
        private_peak_mb,
        private_start_mb,
    }
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

fn mb(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |m| format!("{m:.1} MB"))
}

fn human(l: Locale, r: &ExportBenchReport) -> String {
    let line = |c: [String; 8]| {
        format!(
            "{:<16}{:>10}{:>10}{:>10}{:>12}{:>11}{:>15}{:>15}",
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]
        )
    };
    let row = |name: String, s: &PhaseStats| {
        line([
            name,
            format!("{:.3} s", s.seconds),
            s.cpu_seconds
                .map_or_else(|| "n/a".into(), |c| format!("{c:.2} s")),
            format!("{:.0}", s.rows_per_second),
            s.cells.to_string(),
            format!("{:.2} MB", s.file_mb),
            mb(s.private_peak_mb),
            mb(s.peak_mb),
        ])
    };
    let head = pick(
        l,
        format!(
            "تصدير {} جهة اتصال إلى ‎.xlsx (الوسيط من {} مرات، كل مرة في عملية مستقلة)",
            r.rows, r.runs
        ),
        format!(
            "Exporting {} contacts to .xlsx (median of {} runs, each in a process of its own)",
            r.rows, r.runs
        ),
    );
    let titles = match l {
        Locale::Ar => [
            "",
            "الزمن",
            "زمن المعالج",
            "صف/ث",
            "خلايا",
            "الملف",
            "ذاكرة خاصة",
            "ذاكرة مقيمة",
        ],
        Locale::En => [
            "",
            "time",
            "cpu",
            "rows/s",
            "cells",
            "file",
            "private peak",
            "resident peak",
        ],
    };
    let memory = r
        .ratio
        .private_memory
        .map_or("n/a".into(), |m| format!("{m:.2}×"));
    let cpu = r
        .ratio
        .cpu_seconds
        .map_or("n/a".into(), |c| format!("{c:.2}×"));
    let ratio = pick(
        l,
        format!(
            "طريقتنا ÷ الأساس: الزمن {:.2}×، زمن المعالج {cpu}، الذاكرة الخاصة {memory}",
            r.ratio.seconds
        ),
        format!(
            "ours ÷ baseline: time {:.2}×, cpu {cpu}, private memory {memory}",
            r.ratio.seconds
        ),
    );
    let t = &r.targets;
    let verdict = match (t.met, l) {
        (Some(true), Locale::Ar) => "متحقق",
        (Some(true), Locale::En) => "met",
        (Some(false), Locale::Ar) => "غير متحقق",
        (Some(false), Locale::En) => "missed",
        (None, Locale::Ar) => "لم يُحكم عليه في هذا التشغيل",
        (None, Locale::En) => "not judged by this run",
    };
    let target = pick(
        l,
        format!(
            "الهدف: {} صف في {} ث و{} م.ب على الأكثر — {verdict}",
            t.rows, t.seconds, t.peak_mb
        ),
        format!(
            "target: {} rows in at most {} s and {} MB — {verdict}",
            t.rows, t.seconds, t.peak_mb
        ),
    );
    let note = pick(
        l,
        "الذاكرة الخاصة: الكومة والمكدسات (أعلى قيمة لـ RssAnon، كل 2 ملّي ثانية)؛ المقيمة (VmHWM) تشمل أيضًا صفحات ملف قاعدة البيانات المقروءة عبر الذاكرة المعيّنة، وهي من ذاكرة التخزين المؤقت للنظام.".into(),
        "private: heap and stacks (highest RssAnon, sampled every 2 ms); resident (VmHWM) also counts the database file's pages mapped to read them, which are the system's file cache.".into(),
    );
    [
        head,
        line(titles.map(String::from)),
        row(pick(l, "طريقتنا".into(), "ours".into()), &r.ours),
        row(pick(l, "الأساس".into(), "baseline".into()), &r.baseline),
        ratio,
        target,
        note,
    ]
    .join("\n")
}

/// Deletes the folder of the benchmark's workbooks however the run ends.
struct RemoveDir(PathBuf);

impl Drop for RemoveDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
