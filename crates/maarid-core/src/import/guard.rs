//! Limits that keep a hostile or broken file from exhausting memory, and the checks
//! that apply them before any reader inflates or allocates.
//!
//! The default [`Limits`] and why (the legitimate file they are sized for is the
//! import target: 100,000 rows × 12 columns, read within the ≤ 200 MB import budget):
//!
//! | limit | default | why |
//! |---|---|---|
//! | file on disk | 64 MiB | that file is ≈ 5 MB as .xlsx, ≈ 20 MB as .csv, ≈ 35 MB as UTF-16 text |
//! | all zip parts unpacked | 512 MiB | its sheet XML is 44 MB (shared strings) or 76 MB (inline strings, as our own export writes it) |
//! | one sheet part (`sheet*.xml`, `.bin`, ods `content.xml`) | 256 MiB | 4 million cells written inline |
//! | `styles.xml` | 8 MiB | Excel's own maximum of 64,000 cell formats is ≈ 8 MB; calamine keeps each one in memory |
//! | any other part (shared strings, workbook, …) | 64 MiB | loaded whole by calamine; the target's shared strings are 9 MB |
//! | compression ratio of a part over 1 MiB | 200 | real sheets compress 9–17× (measured, including a million formatted empty rows); zip bombs ≈ 1,000× |
//! | zip entries | 10,000 | a workbook has tens; the zip crate keeps every directory entry in memory |
//! | cells kept | 4,000,000 | 3.3 × the target's 1.2 million; at 32 bytes a cell that is ≤ 128 MB of cells |
//! | text kept | 128 MiB | the target holds ≈ 30 MB of text |
//! | one cell | 32,767 characters | Excel's own limit per cell |
//!
//! Sizes in a zip are checked as the central directory declares them, before anything
//! is inflated; the zip crate then refuses to inflate a part beyond its declared size,
//! so a part that lies about its size fails as damaged instead of growing.
//!
//! Cells are counted as they are kept ([`Grid`]): a row costs the cells reserved for it
//! (at least one), so a value in column XFD costs 16,384 cells and a million rows cost
//! a million, and reading stops with a clear error at the limit instead of allocating.
//! Empty cells, formatted or not, are never kept, and trailing empty rows and columns
//! never exist.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use super::file_problem::FileProblem;
use super::values::Cell;
use crate::{Error, Result};

/// How much of a file the import reads before refusing it. See the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_unpacked_bytes: u64,
    pub max_sheet_part_bytes: u64,
    pub max_styles_bytes: u64,
    pub max_other_part_bytes: u64,
    /// Unpacked ÷ packed size of one part, checked for parts over `ratio_floor_bytes`.
    pub max_ratio: u64,
    pub ratio_floor_bytes: u64,
    pub max_zip_entries: u64,
    pub max_cells: u64,
    pub max_text_bytes: u64,
    pub max_cell_chars: u64,
}

const MIB: u64 = 1024 * 1024;

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 64 * MIB,
        max_unpacked_bytes: 512 * MIB,
        max_sheet_part_bytes: 256 * MIB,
        max_styles_bytes: 8 * MIB,
        max_other_part_bytes: 64 * MIB,
        max_ratio: 200,
        ratio_floor_bytes: MIB,
        max_zip_entries: 10_000,
        max_cells: 4_000_000,
        max_text_bytes: 128 * MIB,
        max_cell_chars: 32_767,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

pub(crate) fn bad(problem: FileProblem) -> Error {
    Error::BadFile(problem)
}

pub(crate) fn damaged() -> Error {
    Error::BadFile(FileProblem::Damaged)
}

/// The rows of one sheet, kept sparse at the end: only non-empty cells are put, each
/// row is as long as its last non-empty cell, and every cell reserved is counted
/// against [`Limits::max_cells`] before it is allocated.
pub(crate) struct Grid<'a> {
    rows: Vec<Vec<Cell>>,
    cells: u64,
    text: u64,
    widest: u64,
    /// The length of the row last grown: a new row reserves that much at once, so
    /// rows of the usual width are allocated exactly (no doubling waste).
    hint: usize,
    limits: &'a Limits,
    sheet: &'a str,
}

/// A new row reserves at most this many cells ahead (and pays for them).
const MAX_HINT: usize = 256;

impl<'a> Grid<'a> {
    pub fn new(sheet: &'a str, limits: &'a Limits) -> Self {
        Grid {
            rows: Vec::new(),
            cells: 0,
            text: 0,
            widest: 0,
            hint: 0,
            limits,
            sheet,
        }
    }

    /// Puts a cell at `row`, `col` (0-based, as in the sheet). Empty cells and empty
    /// text are not kept.
    pub fn put(&mut self, row: u64, col: u64, cell: Cell) -> Result<()> {
        if let Cell::Text(t) = &cell {
            if t.is_empty() {
                return Ok(());
            }
            self.check_text(row, col, t)?;
        } else if cell == Cell::Empty {
            return Ok(());
        }
        // Either index alone would need more cells than allowed; refusing here also
        // keeps the casts below honest.
        if row >= self.limits.max_cells || col >= self.limits.max_cells {
            return Err(self.too_many(row, col));
        }
        let (r, c) = (row as usize, col as usize);
        if r >= self.rows.len() {
            let new_rows = (r + 1 - self.rows.len()) as u64;
            self.charge(new_rows, row, col)?;
            self.rows.resize_with(r + 1, Vec::new);
        }
        let len = self.rows[r].len();
        if c >= len {
            let cap = self.rows[r].capacity();
            let need = c + 1;
            let target = if cap >= need {
                cap
            } else if cap == 0 {
                need.max(self.hint.min(MAX_HINT))
            } else {
                need.max(cap.saturating_mul(2))
            };
            // The row was already counted as one cell while it had no capacity.
            self.charge((target - cap.max(1)) as u64, row, col)?;
            let cells = &mut self.rows[r];
            cells.reserve_exact(target - len);
            cells.resize(need, Cell::Empty);
            self.hint = need;
            self.widest = self.widest.max(need as u64);
        }
        self.rows[r][c] = cell;
        Ok(())
    }

    /// Refuses a text longer than a cell can hold, and counts it against the text limit.
    pub fn check_text(&mut self, row: u64, col: u64, text: &str) -> Result<()> {
        let max = self.limits.max_cell_chars;
        if text.len() as u64 > max && text.chars().count() as u64 > max {
            return Err(self.cell_too_long(row, col));
        }
        self.text += text.len() as u64;
        if self.text > self.limits.max_text_bytes {
            return Err(bad(FileProblem::TooMuchText {
                sheet: self.sheet.to_string(),
                max_bytes: self.limits.max_text_bytes,
            }));
        }
        Ok(())
    }

    pub fn cell_too_long(&self, row: u64, col: u64) -> Error {
        bad(FileProblem::CellTooLong {
            sheet: self.sheet.to_string(),
            row,
            column: col,
            max: self.limits.max_cell_chars,
        })
    }

    fn charge(&mut self, n: u64, row: u64, col: u64) -> Result<()> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > self.limits.max_cells {
            return Err(self.too_many(row, col));
        }
        Ok(())
    }

    fn too_many(&self, row: u64, col: u64) -> Error {
        bad(FileProblem::TooManyCells {
            sheet: self.sheet.to_string(),
            rows: row.saturating_add(1),
            columns: self.widest.max(col.saturating_add(1)),
            max: self.limits.max_cells,
        })
    }

    pub fn limits(&self) -> &Limits {
        self.limits
    }

    pub fn into_rows(self) -> Vec<Vec<Cell>> {
        self.rows
    }
}

/// One part of a zip as its central directory declares it.
#[derive(Debug, Clone)]
pub(crate) struct ZipEntry {
    pub name: String,
    pub size: u64,
    pub packed: u64,
    pub encrypted: bool,
}

/// Lists a zip's parts and refuses it before anything is inflated when its central
/// directory says it holds too many parts, unpacks to too much, or compresses too
/// well. A zip without its end record (cut short) is damaged.
pub(crate) fn check_zip(file: &mut File, len: u64, limits: &Limits) -> Result<Vec<ZipEntry>> {
    let count = zip_entry_count(file, len)?;
    if count > limits.max_zip_entries {
        return Err(damaged());
    }
    file.seek(SeekFrom::Start(0)).map_err(|_| damaged())?;
    let archive = zip::ZipArchive::new(&mut *file).map_err(|_| damaged())?;
    let mut entries = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let e = archive.by_index_data(i).map_err(|_| damaged())?;
        entries.push(ZipEntry {
            name: e.name().map_err(|_| damaged())?.into_owned(),
            size: e.size(),
            packed: e.compressed_size(),
            encrypted: e.encrypted(),
        });
    }
    check_entries(&entries, limits)?;
    Ok(entries)
}

/// The size rules of [`check_zip`], on the declared sizes alone.
pub(crate) fn check_entries(entries: &[ZipEntry], limits: &Limits) -> Result<()> {
    let mut total = 0u64;
    for e in entries {
        if e.size > limits.ratio_floor_bytes {
            let ratio = e.size / e.packed.max(1);
            if ratio > limits.max_ratio {
                return Err(bad(FileProblem::CompressedTooMuch {
                    ratio,
                    max: limits.max_ratio,
                }));
            }
        }
        let cap = part_cap(&e.name, limits);
        if e.size > cap {
            return Err(bad(FileProblem::UnpacksTooLarge {
                bytes: e.size,
                max: cap,
            }));
        }
        total = total.saturating_add(e.size);
    }
    if total > limits.max_unpacked_bytes {
        return Err(bad(FileProblem::UnpacksTooLarge {
            bytes: total,
            max: limits.max_unpacked_bytes,
        }));
    }
    Ok(())
}

/// Sheets are streamed cell by cell and may be large; every other part a reader
/// loads whole, so it gets a tighter cap.
fn part_cap(name: &str, limits: &Limits) -> u64 {
    let file = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    let is_sheet = (file.starts_with("sheet")
        && (file.ends_with(".xml") || file.ends_with(".bin")))
        || file == "content.xml";
    if is_sheet {
        limits.max_sheet_part_bytes
    } else if file == "styles.xml" || file == "styles.bin" {
        limits.max_styles_bytes
    } else {
        limits.max_other_part_bytes
    }
}

/// The number of entries the zip's end record declares (zip64 included), read before
/// the zip crate builds its directory in memory.
fn zip_entry_count(file: &mut File, len: u64) -> Result<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail_len = len.min(22 + 65_535);
    let mut tail = vec![0u8; tail_len as usize];
    file.seek(SeekFrom::Start(len - tail_len))
        .and_then(|_| file.read_exact(&mut tail))
        .map_err(|_| damaged())?;
    let at = tail
        .windows(4)
        .rposition(|w| w == EOCD)
        .filter(|&at| at + 22 <= tail.len())
        .ok_or_else(damaged)?;
    let u16_at = |o: usize| u16::from_le_bytes([tail[at + o], tail[at + o + 1]]) as u64;
    let entries = u16_at(10);
    if entries != 0xFFFF {
        return Ok(entries);
    }
    // Zip64: the locator just before the end record points at the zip64 end record.
    let loc = (at as u64 + len - tail_len)
        .checked_sub(20)
        .ok_or_else(damaged)?;
    let mut locator = [0u8; 20];
    file.seek(SeekFrom::Start(loc))
        .and_then(|_| file.read_exact(&mut locator))
        .map_err(|_| damaged())?;
    if &locator[..4] != b"PK\x06\x07" {
        return Err(damaged());
    }
    let offset = u64::from_le_bytes(locator[8..16].try_into().expect("8 bytes"));
    let mut record = [0u8; 56];
    file.seek(SeekFrom::Start(offset))
        .and_then(|_| file.read_exact(&mut record))
        .map_err(|_| damaged())?;
    if &record[..4] != b"PK\x06\x06" {
        return Err(damaged());
    }
    Ok(u64::from_le_bytes(
        record[32..40].try_into().expect("8 bytes"),
    ))
}

/// Wraps a part being inflated so that one XML event can never need more than
/// `max` bytes: the reader calls [`Bounded::reset`] after each event, and a single
/// event longer than `max` fails the read instead of growing a buffer.
pub(crate) struct Bounded<R> {
    inner: R,
    since_reset: u64,
    max: u64,
}

impl<R> Bounded<R> {
    pub fn new(inner: R, max: u64) -> Self {
        Bounded {
            inner,
            since_reset: 0,
            max,
        }
    }

    pub fn reset(&mut self) {
        self.since_reset = 0;
    }

    pub fn exceeded(&self) -> bool {
        self.since_reset > self.max
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.exceeded() {
            return Err(std::io::Error::other("one XML event is too long"));
        }
        let n = self.inner.read(buf)?;
        self.since_reset += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, size: u64, packed: u64) -> ZipEntry {
        ZipEntry {
            name: name.into(),
            size,
            packed,
            encrypted: false,
        }
    }

    fn problem(r: Result<()>) -> FileProblem {
        match r {
            Err(Error::BadFile(p)) => p,
            other => panic!("expected a file problem, got {other:?}"),
        }
    }

    #[test]
    fn the_measured_target_workbook_passes() {
        // The 100,000 × 12 contacts workbook written by rust_xlsxwriter (measured).
        let l = Limits::DEFAULT;
        let shared = [
            entry("xl/worksheets/sheet1.xml", 44_378_819, 4_646_993),
            entry("xl/sharedStrings.xml", 9_300_910, 563_957),
            entry("xl/styles.xml", 867, 401),
        ];
        check_entries(&shared, &l).unwrap();
        let inline = [entry("xl/worksheets/sheet1.xml", 75_752_094, 5_263_614)];
        check_entries(&inline, &l).unwrap();
        // A million formatted empty rows compress 16×: nowhere near a bomb.
        let empty_rows = [entry("xl/worksheets/sheet1.xml", 41_881_279, 2_612_406)];
        check_entries(&empty_rows, &l).unwrap();
    }

    #[test]
    fn declared_sizes_refuse_bombs_before_inflating() {
        let l = Limits::DEFAULT;
        assert_eq!(
            problem(check_entries(
                &[entry("xl/worksheets/sheet1.xml", 2 << 30, 2 << 20)],
                &l
            )),
            FileProblem::CompressedTooMuch {
                ratio: 1024,
                max: 200
            }
        );
        // Many parts each under the ratio, together too much.
        let many: Vec<_> = (0..3)
            .map(|i| entry(&format!("xl/worksheets/sheet{i}.xml"), 200 * MIB, 20 * MIB))
            .collect();
        assert_eq!(
            problem(check_entries(&many, &l)),
            FileProblem::UnpacksTooLarge {
                bytes: 600 * MIB,
                max: 512 * MIB
            }
        );
        // Parts loaded whole have their own, tighter caps.
        assert_eq!(
            problem(check_entries(&[entry("xl/styles.xml", 9 * MIB, MIB)], &l)),
            FileProblem::UnpacksTooLarge {
                bytes: 9 * MIB,
                max: 8 * MIB
            }
        );
        assert!(matches!(
            problem(check_entries(
                &[entry("xl/sharedStrings.xml", 65 * MIB, 7 * MIB)],
                &l
            )),
            FileProblem::UnpacksTooLarge { .. }
        ));
        // A small, very compressible part is not a bomb.
        check_entries(&[entry("xl/styles.xml", 900_000, 1_000)], &l).unwrap();
    }

    #[test]
    fn the_grid_counts_what_it_reserves() {
        let limits = Limits {
            max_cells: 100,
            ..Limits::DEFAULT
        };
        let mut g = Grid::new("s", &limits);
        g.put(0, 0, Cell::Text("a".into())).unwrap();
        g.put(0, 2, Cell::Int(1)).unwrap();
        g.put(3, 1, Cell::Empty).unwrap();
        g.put(2, 0, Cell::Text(String::new())).unwrap();
        assert_eq!(g.cells, 3, "one row of three; empty cells cost nothing");
        // A far column is refused before it is allocated.
        match g.put(1, 16_383, Cell::Int(1)) {
            Err(Error::BadFile(FileProblem::TooManyCells { rows, columns, .. })) => {
                assert_eq!((rows, columns), (2, 16_384))
            }
            other => panic!("{other:?}"),
        }
        let rows = Grid::new("s", &limits).into_rows();
        assert!(rows.is_empty());
    }
}
