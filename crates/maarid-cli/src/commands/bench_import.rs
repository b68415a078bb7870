//! `bench import`: a generated legacy contacts workbook (ROWS × 12 columns: names, company, phones
//! typed as numbers, visit dates as date cells) imported through `import::run` —
//! validated, normalised, deduplicated, committed — against the floor measured in the
//! same run: the same file read with calamine plus a prepared-statement insert of the
//! same cells into a plain table, in one transaction.
//!
//! Each phase runs in a child process of this binary (`bench import-phase`, hidden),
//! so its peak memory (VmHWM, Linux) is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use calamine::{open_workbook_auto, Data, Reader};
use maarid_core::company::CompanyInput;
use maarid_core::contacts::PhoneLabel;
use maarid_core::import::{self, ImportKind, ImportOptions};
use maarid_core::setup::{self, AdminInput, SetupInput};
use maarid_core::{Db, Error};
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde::{Deserialize, Serialize};

use crate::args::{BenchImportArgs, BenchImportPhaseArgs};
use crate::output::{CliError, CliResult, Out};
use crate::sample::Generator;

fn internal(e: impl std::fmt::Display) -> CliError {
    CliError::Core(Error::Internal(e.to_string()))
}

const HEADER: [&str; 12] = [
    "م",
    "اسم العميل",
    "Customer name",
    "رقم الجوال",
    "هاتف آخر",
    "البريد الإلكتروني",
    "المدينة",
    "الشركة",
    "المصدر",
    "التصنيف",
    "ملاحظات",
    "تاريخ الزيارة",
];

/// Writes the workbook: a title row, the header, then `rows` generated contacts.
fn write_workbook(path: &Path, rows: u32, seed: u64) -> CliResult {
    let mut generator = Generator::new(seed, "SA");
    let mut wb = Workbook::new();
    let ws = wb
        .add_worksheet_with_constant_memory()
        .set_name("العملاء")
        .map_err(internal)?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write(0, 0, "كشف عملاء المعرض").map_err(internal)?;
    for (c, h) in HEADER.iter().enumerate() {
        ws.write(1, c as u16, *h).map_err(internal)?;
    }
    for i in 0..rows {
        let c = generator.contact();
        let r = i + 2;
        ws.write(r, 0, i + 1).map_err(internal)?;
        ws.write(r, 1, &c.name_ar).map_err(internal)?;
        ws.write(r, 2, &c.name_latin).map_err(internal)?;
        let mut phones = c.phones.iter();
        if let Some(p) = phones.next() {
            // As Excel keeps a mobile typed into a number cell: digits, no trunk zero.
            let digits: String = p.number.chars().filter(char::is_ascii_digit).collect();
            match digits.trim_start_matches('0').parse::<f64>() {
                Ok(n) if p.label == PhoneLabel::Mobile && digits.len() <= 12 => {
                    ws.write(r, 3, n).map_err(internal)?
                }
                _ => ws.write(r, 3, &p.number).map_err(internal)?,
            };
        }
        if let Some(p) = phones.next() {
            ws.write(r, 4, &p.number).map_err(internal)?;
        }
        ws.write(r, 5, c.emails.first().map(String::as_str).unwrap_or(""))
            .map_err(internal)?;
        ws.write(r, 6, &c.city).map_err(internal)?;
        ws.write(r, 7, &c.company_name).map_err(internal)?;
        ws.write(r, 8, c.source.map(|s| s.key()).unwrap_or(""))
            .map_err(internal)?;
        ws.write(r, 9, c.tags.join("; ")).map_err(internal)?;
        ws.write(r, 10, &c.notes).map_err(internal)?;
        let day = ExcelDateTime::from_ymd(2023, 1 + (i % 12) as u8, 1 + (i % 28) as u8)
            .map_err(internal)?;
        ws.write_with_format(r, 11, &day, &date).map_err(internal)?;
    }
    wb.save(path).map_err(internal)?;
    Ok(())
}

/// What one phase reports to the parent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PhaseFigures {
    pub seconds: f64,
    pub rows: u64,
    /// Peak resident memory of the phase's process, in MB (None where not measurable).
    pub peak_mb: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ImportBench {
    pub rows: u32,
    pub columns: usize,
    pub file_mb: f64,
    pub floor: PhaseFigures,
    pub import: PhaseFigures,
    pub new: usize,
    pub duplicate: usize,
    pub invalid: usize,
    /// import seconds / floor seconds.
    pub ratio: f64,
    pub targets: Targets,
}

#[derive(Debug, Serialize)]
pub struct Targets {
    pub seconds: f64,
    pub ratio: f64,
    pub peak_mb: f64,
}

fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn set_up(db_path: &Path) -> CliResult<Db> {
    let db = Db::open(db_path)?;
    setup::complete(
        &db,
        &SetupInput {
            company: CompanyInput {
                name_ar: "معرض القياس".into(),
                name_en: "Bench Motors".into(),
                logo_data_url: None,
                address_ar: String::new(),
                address_en: String::new(),
                phones: vec![],
                email: String::new(),
                website: String::new(),
                tax_number: String::new(),
                country: "SA".into(),
                currency: "SAR".into(),
                default_vat_rate: "15".into(),
            },
            settings: Default::default(),
            series: vec![],
            admin: AdminInput {
                username: "admin".into(),
                full_name: "Bench".into(),
                email: String::new(),
                password: "bench-pass-1".into(),
                locale: None,
            },
        },
    )?;
    Ok(db)
}

/// The floor: calamine read of the sheet plus a prepared insert of every cell as text.
fn floor(file: &Path, db_path: &Path) -> CliResult<u64> {
    let mut wb = open_workbook_auto(file).map_err(internal)?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| internal("no sheet"))?
        .map_err(internal)?;
    let mut conn = Connection::open(db_path).map_err(internal)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE t (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12);",
    )
    .map_err(internal)?;
    let tx = conn.transaction().map_err(internal)?;
    let mut n = 0;
    {
        let mut stmt = tx
            .prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .map_err(internal)?;
        for row in range.rows().skip(2) {
            let v: Vec<rusqlite::types::Value> = (0..12)
                .map(|i| match row.get(i) {
                    Some(Data::String(s)) => rusqlite::types::Value::Text(s.clone()),
                    Some(Data::Float(f)) => rusqlite::types::Value::Real(*f),
                    Some(Data::Int(x)) => rusqlite::types::Value::Integer(*x),
                    Some(Data::DateTime(d)) => rusqlite::types::Value::Real(d.as_f64()),
                    _ => rusqlite::types::Value::Null,
                })
                .collect();
            stmt.execute(rusqlite::params_from_iter(v))
                .map_err(internal)?;
            n += 1;
        }
    }
    tx.commit().map_err(internal)?;
    Ok(n)
}

/// One phase, in this (child) process; prints its figures as JSON.
pub fn phase(a: BenchImportPhaseArgs) -> CliResult {
    let started = Instant::now();
    let rows = match a.phase.as_str() {
        "floor" => floor(&a.file, &a.db)?,
        _ => {
            let db = set_up(&a.db)?;
            let actor = maarid_core::access::Actor::system("bench");
            // Setup is not part of the import.
            let started = Instant::now();
            // When each phase began, for the breakdown.
            let mut phases: Vec<(import::Phase, f64)> = Vec::new();
            let r = import::run(
                &db,
                &actor,
                &a.file,
                &ImportOptions::new(ImportKind::Contacts),
                &mut |p| {
                    if phases.last().is_none_or(|(ph, _)| *ph != p.phase) {
                        phases.push((p.phase, started.elapsed().as_secs_f64()));
                    }
                    true
                },
            )?;
            let end = started.elapsed().as_secs_f64();
            let at = |ph| {
                phases
                    .iter()
                    .find(|(q, _)| *q == ph)
                    .map(|(_, t)| *t)
                    .unwrap_or(end)
            };
            eprintln!(
                "read {:.2} s, check {:.2} s, write {:.2} s",
                at(import::Phase::Check) - at(import::Phase::Read),
                at(import::Phase::Write) - at(import::Phase::Check),
                end - at(import::Phase::Write)
            );
            let figures = PhaseFigures {
                seconds: started.elapsed().as_secs_f64(),
                rows: r.counts.total as u64,
                peak_mb: peak_mb(),
            };
            println!(
                "{}",
                serde_json::json!({ "figures": figures, "counts": r.counts })
            );
            return Ok(());
        }
    };
    let figures = PhaseFigures {
        seconds: started.elapsed().as_secs_f64(),
        rows,
        peak_mb: peak_mb(),
    };
    println!("{}", serde_json::json!({ "figures": figures }));
    Ok(())
}

fn child(kind: &str, file: &Path, db: &Path) -> CliResult<serde_json::Value> {
    let exe = std::env::current_exe().map_err(internal)?;
    let output = Command::new(exe)
        .args(["bench", "import-phase", "--phase", kind, "--file"])
        .arg(file)
        .arg("--db")
        .arg(db)
        .output()
        .map_err(internal)?;
    if !output.status.success() {
        return Err(internal(String::from_utf8_lossy(&output.stderr)));
    }
    // The phase's own breakdown, for whoever runs the bench.
    eprint!("{kind}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).map_err(internal)
}

pub fn run(out: &Out, a: BenchImportArgs) -> CliResult {
    let dir = tempfile_dir()?;
    let file = dir.join("legacy-contacts.xlsx");
    out.note(|_| format!("writing {} rows × 12 columns to {}", a.rows, file.display()));
    write_workbook(&file, a.rows, a.seed)?;
    let file_mb = std::fs::metadata(&file).map_err(internal)?.len() as f64 / 1e6;
    let mut floor_runs = Vec::new();
    let mut import_runs = Vec::new();
    let mut counts = serde_json::Value::Null;
    // Alternated, so both phases see the same machine state; the best of each is kept.
    for round in 0..a.rounds {
        let fdb = dir.join(format!("floor-{round}.sqlite"));
        let idb = dir.join(format!("import-{round}.sqlite"));
        let f = child("floor", &file, &fdb)?;
        floor_runs
            .push(serde_json::from_value::<PhaseFigures>(f["figures"].clone()).map_err(internal)?);
        let i = child("import", &file, &idb)?;
        import_runs
            .push(serde_json::from_value::<PhaseFigures>(i["figures"].clone()).map_err(internal)?);
        counts = i["counts"].clone();
        for p in [fdb, idb] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
            }
        }
    }
    let best = |v: &[PhaseFigures]| {
        v.iter()
            .min_by(|x, y| x.seconds.total_cmp(&y.seconds))
            .cloned()
            .expect("at least one round")
    };
    let (floor, import) = (best(&floor_runs), best(&import_runs));
    let report = ImportBench {
        rows: a.rows,
        columns: HEADER.len(),
        file_mb,
        ratio: import.seconds / floor.seconds,
        floor,
        import,
        new: counts["new"].as_u64().unwrap_or(0) as usize,
        duplicate: counts["duplicate"].as_u64().unwrap_or(0) as usize,
        invalid: counts["invalid"].as_u64().unwrap_or(0) as usize,
        targets: Targets {
            seconds: 3.0,
            ratio: 3.0,
            peak_mb: 200.0,
        },
    };
    if let Some(keep) = &a.keep_file {
        std::fs::copy(&file, keep).map_err(|e| CliError::Core(Error::io(keep, e)))?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    out.done(&report, |_| human(&report))
}

fn mb(v: Option<f64>) -> String {
    v.map(|m| format!("{m:.0} MB"))
        .unwrap_or_else(|| "n/a".into())
}

fn human(r: &ImportBench) -> String {
    format!(
        "import of {} rows × {} columns ({:.1} MB .xlsx)\n\
         floor (calamine read + prepared insert): {:.2} s, peak {}\n\
         import (checked, normalised, deduplicated, committed): {:.2} s, peak {}\n\
         ratio import/floor: {:.2}×   rows: {} new, {} duplicate, {} invalid\n\
         targets: ≤ {:.1} s, ≤ {:.0}× floor, ≤ {:.0} MB",
        r.rows,
        r.columns,
        r.file_mb,
        r.floor.seconds,
        mb(r.floor.peak_mb),
        r.import.seconds,
        mb(r.import.peak_mb),
        r.ratio,
        r.new,
        r.duplicate,
        r.invalid,
        r.targets.seconds,
        r.targets.ratio,
        r.targets.peak_mb
    )
}

fn tempfile_dir() -> CliResult<PathBuf> {
    let dir = std::env::temp_dir().join(format!("maarid-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(internal)?;
    Ok(dir)
}
