//! A pass over an .xls file's records before calamine reads it. calamine parses
//! every sheet of an .xls when it opens it and lays each one out as a full rectangle
//! (two cells at A1 and IV65536 make 16.7 million), copies a shared string into every
//! cell that uses it, and trusts the sizes the file declares. This pass follows the
//! records the way calamine will and refuses the file, with the sheet's name, when
//! what calamine would build is larger than the [`Limits`] allow, or when the file
//! declares sizes it cannot hold (those make calamine allocate or panic).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::file_problem::FileProblem;
use super::guard::{bad, damaged, Limits};
use crate::{Error, Result};

/// Excel writes an .xls record of at most 8,224 bytes, so even a 64 MB string table
/// needs fewer than 10,000 continuations; calamine's handling of them is quadratic.
const MAX_CONTINUES: usize = 20_000;

pub(crate) fn check(path: &Path, len: u64, limits: &Limits) -> Result<()> {
    check_directory(path, len)?;
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut ole = cfb::CompoundFile::open(file).map_err(|_| damaged())?;
    let name = if ole.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut stream = Vec::new();
    ole.open_stream(name)
        .map_err(|_| damaged())?
        .take(len)
        .read_to_end(&mut stream)
        .map_err(|_| damaged())?;
    scan(&stream, limits)
}

/// calamine takes the first directory entry named Workbook (or Book) and reads as
/// many bytes as it declares, following the sector chain round and round if it loops.
/// Every 128-byte slot that could be such an entry must declare at most the file's
/// length, and there must be one such stream.
fn check_directory(path: &Path, len: u64) -> Result<()> {
    let mut file = BufReader::new(File::open(path).map_err(|e| Error::io(path, e))?);
    let mut header = [0u8; 512];
    file.read_exact(&mut header).map_err(|_| damaged())?;
    let big_sectors = u16::from_le_bytes([header[0x1E], header[0x1F]]) != 9;
    let mut slot = [0u8; 128];
    let (mut workbooks, mut books) = (0, 0);
    while file.read_exact(&mut slot).is_ok() {
        let named = |name: &str| {
            let units = name.len() * 2;
            name.bytes()
                .enumerate()
                .all(|(i, b)| slot[2 * i].eq_ignore_ascii_case(&b) && slot[2 * i + 1] == 0)
                && slot[units] == 0
                && slot[units + 1] == 0
        };
        let (is_workbook, is_book) = (named("workbook"), named("book"));
        if !is_workbook && !is_book {
            continue;
        }
        let size = if big_sectors {
            u64::from_le_bytes(slot[120..128].try_into().expect("8 bytes"))
        } else {
            u32::from_le_bytes(slot[120..124].try_into().expect("4 bytes")) as u64
        };
        if size > len {
            return Err(damaged());
        }
        // Type 2 is a stream.
        if slot[66] == 2 {
            workbooks += is_workbook as u32;
            books += is_book as u32;
        }
    }
    if workbooks > 1 || (workbooks == 0 && books > 1) {
        return Err(damaged());
    }
    Ok(())
}

/// One record and its continuations, as calamine's record iterator yields them.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.stream;
        if s.len() < 4 {
            return (!s.is_empty()).then(|| Err(damaged()));
        }
        let typ = u16_at(s, 0);
        let len = u16_at(s, 2) as usize;
        if s.len() < len + 4 {
            return Some(Err(damaged()));
        }
        let data = &s[4..4 + len];
        self.stream = &s[4 + len..];
        let mut cont = Vec::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == 0x003C {
            let len = u16_at(self.stream, 2) as usize;
            if self.stream.len() < len + 4 || cont.len() >= MAX_CONTINUES {
                return Some(Err(damaged()));
            }
            cont.push(&self.stream[4..4 + len]);
            self.stream = &self.stream[4 + len..];
        }
        Some(Ok(Record { typ, data, cont }))
    }
}

fn u16_at(s: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([s[at], s[at + 1]])
}

fn u32_at(s: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"))
}

/// The bounding box of a sheet's cells: what `Range::from_sparse` allocates.
#[derive(Default)]
struct Rect {
    min: Option<(u32, u32)>,
    max: (u32, u32),
}

impl Rect {
    fn add(&mut self, row: u32, col: u32) {
        let (r0, c0) = self.min.unwrap_or((row, col));
        self.min = Some((r0.min(row), c0.min(col)));
        self.max = (self.max.0.max(row), self.max.1.max(col));
    }

    fn area(&self) -> u64 {
        self.min.map_or(0, |(r0, c0)| {
            (self.max.0 - r0 + 1) as u64 * (self.max.1 - c0 + 1) as u64
        })
    }
}

fn scan(stream: &[u8], limits: &Limits) -> Result<()> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut sst: Vec<u64> = Vec::new();
    let mut unicode = true;
    for record in (Records { stream }) {
        let r = record?;
        match r.typ {
            // FilePass: the workbook is encrypted.
            0x002F => {
                if r.data.len() < 2 {
                    return Err(damaged());
                }
                if u16_at(r.data, 0) != 0 {
                    return Err(bad(FileProblem::PasswordProtected));
                }
            }
            // CodePage: 1200 is UTF-16; any other makes strings one byte a character.
            0x0042 => {
                if r.data.len() < 2 {
                    return Err(damaged());
                }
                unicode = u16_at(r.data, 0) == 1200;
            }
            // BOF
            0x0809 if r.data.len() < 2 => return Err(damaged()),
            // BoundSheet8: where a sheet's records start, and its name.
            0x0085 => {
                if r.data.len() < 8 {
                    return Err(damaged());
                }
                let pos = u32_at(r.data, 0) as usize;
                if pos > stream.len() {
                    return Err(damaged());
                }
                sheets.push((pos, sheet_name(&r.data[6..])));
            }
            // SST: the shared strings.
            0x00FC => sst = string_sizes(r, unicode)?,
            // EOF of the workbook globals.
            0x000A => break,
            _ => {}
        }
    }
    let mut cells = 0u64;
    let mut text = 0u64;
    for (pos, name) in &sheets {
        let s = scan_sheet(&stream[*pos..], &sst)?;
        let too_many = |rows: u64| {
            bad(FileProblem::TooManyCells {
                sheet: name.clone(),
                rows,
                columns: s.columns,
                max: limits.max_cells,
            })
        };
        if s.reserved > limits.max_cells {
            return Err(too_many(s.rows));
        }
        cells = cells.saturating_add(s.cells);
        if cells > limits.max_cells {
            return Err(too_many(s.rows));
        }
        text = text.saturating_add(s.text);
        if text > limits.max_text_bytes {
            return Err(bad(FileProblem::TooMuchText {
                sheet: name.clone(),
                max_bytes: limits.max_text_bytes,
            }));
        }
    }
    Ok(())
}

/// What calamine will build for one sheet.
struct SheetCost {
    /// Cells reserved up front from the sheet's declared dimensions.
    reserved: u64,
    /// Cells of the value and formula rectangles.
    cells: u64,
    /// Bytes of text, at most (a shared string is copied into each cell using it).
    text: u64,
    /// How far the sheet reaches (1-based), for the message.
    rows: u64,
    columns: u64,
}

fn scan_sheet(stream: &[u8], sst: &[u64]) -> Result<SheetCost> {
    let mut values = Rect::default();
    let mut formulas = Rect::default();
    let mut reserved = 0u64;
    let mut text = 0u64;
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for record in (Records { stream }) {
        let r = record?;
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let d = r.data;
        let at = || (u16_at(d, 0) as u32, u16_at(d, 2) as u32);
        match r.typ {
            // A chart or other sheet embedded in this one.
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => reserved = reserved.max(dimensions(d)?),
            // Number, Label, RString, BoolErr, RK.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E if d.len() >= 4 => {
                let (row, col) = at();
                values.add(row, col);
                if matches!(r.typ, 0x0204 | 0x00D6) {
                    text += 2 * d.len() as u64;
                }
            }
            // LabelSst: a cell only when the index is in the table.
            0x00FD if d.len() >= 10 => {
                if let Some(len) = sst.get(u32_at(d, 6) as usize) {
                    let (row, col) = at();
                    values.add(row, col);
                    text += len;
                }
            }
            // MulRk: several numbers in a row.
            0x00BD if d.len() >= 6 => {
                let (row, first) = at();
                let last = u16_at(d, d.len() - 2) as u32;
                if last < first {
                    return Err(damaged());
                }
                values.add(row, first);
                values.add(row, last);
            }
            // Formula: its cached value, and its text in the formula range.
            0x0006 if d.len() >= 20 => {
                formula_at = at();
                values.add(formula_at.0, formula_at.1);
                formulas.add(formula_at.0, formula_at.1);
            }
            // String: a formula's cached text.
            0x0207 => {
                values.add(formula_at.0, formula_at.1);
                text += 2 * d.len() as u64;
            }
            0x000A => break,
            _ => {}
        }
    }
    let rows = values.max.0.max(formulas.max.0) as u64 + 1;
    let columns = values.max.1.max(formulas.max.1) as u64 + 1;
    Ok(SheetCost {
        reserved,
        cells: values.area() + formulas.area(),
        text,
        rows,
        columns,
    })
}

/// The cells calamine reserves for a Dimensions record, computed as it does; sizes
/// that would overflow its arithmetic are damage.
fn dimensions(d: &[u8]) -> Result<u64> {
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (
            u16_at(d, 0) as u32,
            u16_at(d, 2) as u32,
            u16_at(d, 4) as u32,
            u16_at(d, 6) as u32,
        ),
        14 | 16 => (
            u32_at(d, 0),
            u32_at(d, 4),
            u16_at(d, 8) as u32,
            u16_at(d, 10) as u32,
        ),
        _ => return Err(damaged()),
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    let rows = end_r.checked_sub(rf).ok_or_else(damaged)? as u64 + 1;
    let cols = end_c.checked_sub(cf).ok_or_else(damaged)? as u64 + 1;
    Ok(rows.saturating_mul(cols))
}

/// The decoded size, at most, of each string in an SST record, following its
/// continuations exactly as calamine reads them.
fn string_sizes(r: Record<'_>, unicode: bool) -> Result<Vec<u64>> {
    if r.data.len() < 8 {
        return Err(damaged());
    }
    let mut c = Cursor {
        data: &r.data[8..],
        cont: &r.cont,
    };
    let mut sizes = Vec::new();
    while !c.data.is_empty() || c.next_part() {
        if c.data.is_empty() {
            sizes.push(0);
            continue;
        }
        if c.data.len() < 3 {
            return Err(damaged());
        }
        let cch = u16_at(c.data, 0) as usize;
        let flags = c.data[2];
        c.data = &c.data[3..];
        let mut runs = 0usize;
        if flags & 0x8 != 0 {
            if c.data.len() < 2 {
                return Err(damaged());
            }
            runs = u16_at(c.data, 0) as usize;
            c.data = &c.data[2..];
        }
        let mut ext = 0usize;
        if flags & 0x4 != 0 {
            if c.data.len() < 4 {
                return Err(damaged());
            }
            ext = i32::from_le_bytes(c.data[..4].try_into().expect("4 bytes")) as usize;
            c.data = &c.data[4..];
        }
        let mut high = flags & 0x1 != 0;
        let mut left = cch;
        let mut size = 0u64;
        while left > 0 {
            let width = if unicode && high { 2 } else { 1 };
            let n = left.min(c.data.len() / width);
            c.data = &c.data[n * width..];
            left -= n;
            // Up to three bytes of UTF-8 a character.
            size += 3 * n as u64;
            if left > 0 {
                if !c.next_part() || c.data.is_empty() {
                    return Err(damaged());
                }
                high = c.data[0] & 0x1 != 0;
                c.data = &c.data[1..];
            }
        }
        c.skip(runs * 4)?;
        c.skip(ext)?;
        sizes.push(size);
    }
    Ok(sizes)
}

struct Cursor<'a, 'b> {
    data: &'a [u8],
    cont: &'b [&'a [u8]],
}

impl Cursor<'_, '_> {
    fn next_part(&mut self) -> bool {
        match self.cont.split_first() {
            Some((first, rest)) => {
                self.data = first;
                self.cont = rest;
                true
            }
            None => false,
        }
    }

    fn skip(&mut self, mut n: usize) -> Result<()> {
        while n > 0 {
            if self.data.is_empty() && !self.next_part() {
                return Err(damaged());
            }
            let k = n.min(self.data.len());
            self.data = &self.data[k..];
            n -= k;
        }
        Ok(())
    }
}

/// A BoundSheet8 name (BIFF8: a length, a flags byte, then Latin-1 or UTF-16 text),
/// for messages only.
fn sheet_name(d: &[u8]) -> String {
    let (Some(&cch), Some(&flags)) = (d.first(), d.get(1)) else {
        return String::new();
    };
    let chars = &d[2..];
    if flags & 1 != 0 {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch as usize)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars
            .iter()
            .take(cch as usize)
            .map(|&b| b as char)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_follow_calamine_and_refuse_overflows() {
        // BIFF8: rows 0..100, columns 0..12 → 100 × 12.
        let mut d = Vec::new();
        d.extend(0u32.to_le_bytes());
        d.extend(100u32.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(12u16.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        assert_eq!(dimensions(&d).unwrap(), 1_200);
        // First row after the last: calamine would underflow.
        let mut bad = d.clone();
        bad[..4].copy_from_slice(&200u32.to_le_bytes());
        assert!(dimensions(&bad).is_err());
        // An empty sheet is one cell.
        assert_eq!(dimensions(&[0u8; 14]).unwrap(), 1);
    }

    #[test]
    fn shared_string_sizes_follow_continuations() {
        // Two strings: "ab" compressed, then "أ" (UTF-16) split over a continuation.
        let mut data = vec![0u8; 8];
        data.extend([2, 0, 0, b'a', b'b']);
        data.extend([1, 0, 1]);
        let cont: &[u8] = &[1, 0x23, 0x06];
        let r = Record {
            typ: 0x00FC,
            data: &data,
            cont: vec![cont],
        };
        assert_eq!(string_sizes(r, true).unwrap(), vec![6, 3]);
    }
}
