//! OpenDocument spreadsheets (.ods), read by our own streaming reader rather than
//! calamine's: calamine expands every sheet of the file into memory when it opens
//! it, repeated cells and rows included (a 1 KB file can ask for 100 million cells,
//! and `<text:s text:c="…"/>` for billions of spaces). Here one sheet is read, cell
//! by cell, into a [`Grid`] that counts what it keeps; repeated empty cells and rows
//! cost nothing, repeated values are counted before they are copied, and no single
//! XML event may exceed [`MAX_EVENT_BYTES`].
//!
//! Values as LibreOffice writes them: numbers, percentages and currencies as
//! [`Cell::Float`] (a phone typed as a number lost its zero, as in Excel), dates and
//! times as their ISO text, booleans, and text from the cell's paragraphs (joined
//! by line breaks; comments left out). Formulas give their cached value.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

use super::file_problem::FileProblem;
use super::guard::{bad, damaged, Bounded, Grid, Limits};
use super::values::Cell;
use crate::{Error, Result};

/// No XML event (a tag, a run of text) may be longer: a cell holds at most 32,767
/// characters, which even fully escaped is well under this.
pub(crate) const MAX_EVENT_BYTES: u64 = 4 * 1024 * 1024;

/// The widest sheet LibreOffice and Excel make; repeated cells beyond it are ignored.
const MAX_COLUMNS: u64 = 16_384;

/// The sheet names, and the sheet asked for (by name, or the first) as rows.
pub(crate) struct OdsRead {
    pub names: Vec<String>,
    pub sheet: Option<(String, Vec<Vec<Cell>>)>,
}

/// What to read: only the names, or the names and one sheet.
pub(crate) enum Want<'a> {
    Names,
    First,
    Named(&'a str),
}

pub(crate) fn read(path: &Path, want: Want<'_>, limits: &Limits) -> Result<OdsRead> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| damaged())?;
    if encrypted(&mut zip)? {
        return Err(bad(FileProblem::PasswordProtected));
    }
    let content = zip.by_name("content.xml").map_err(|_| damaged())?;
    let mut x = Xml::new(content);
    let mut out = OdsRead {
        names: Vec::new(),
        sheet: None,
    };
    loop {
        let (name, has_content) = match x.next().map_err(|_| damaged())? {
            Event::Start(e) if is(&e, "table:table") => (table_name(&e)?, true),
            Event::Empty(e) if is(&e, "table:table") => (table_name(&e)?, false),
            Event::Eof => break,
            _ => continue,
        };
        let wanted = out.sheet.is_none()
            && match want {
                Want::Names => false,
                Want::First => true,
                Want::Named(n) => n == name,
            };
        if wanted {
            let mut grid = Grid::new(&name, limits);
            if has_content {
                read_table(&mut x, &mut grid)?;
            }
            let rows = grid.into_rows();
            out.sheet = Some((name.clone(), rows));
        } else if has_content {
            x.skip_to_end("table:table")?;
        }
        out.names.push(name);
    }
    Ok(out)
}

/// Whether the package's manifest says its parts are encrypted (a password).
fn encrypted(zip: &mut zip::ZipArchive<File>) -> Result<bool> {
    let Ok(manifest) = zip.by_name("META-INF/manifest.xml") else {
        return Ok(false);
    };
    let mut x = Xml::new(manifest);
    loop {
        match x.next().map_err(|_| damaged())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "encryption-data" => {
                return Ok(true)
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

fn read_table(x: &mut Xml<impl Read>, grid: &mut Grid<'_>) -> Result<()> {
    let mut row = 0u64;
    loop {
        let (start, repeat) = match x.next().map_err(|_| damaged())? {
            Event::Start(e) if is(&e, "table:table-row") => {
                (true, count(&e, "table:number-rows-repeated"))
            }
            Event::Empty(e) if is(&e, "table:table-row") => {
                (false, count(&e, "table:number-rows-repeated"))
            }
            Event::End(e) if e.name().as_ref() == "table:table" => return Ok(()),
            Event::Eof => return Err(damaged()),
            // Columns, row groups and header rows hold nothing to read themselves.
            _ => continue,
        };
        if start {
            read_row(x, grid, row, repeat)?;
        }
        row = row.saturating_add(repeat);
    }
}

/// One `<table:table-row>`, put `repeat` times from `row` on.
fn read_row(x: &mut Xml<impl Read>, grid: &mut Grid<'_>, row: u64, repeat: u64) -> Result<()> {
    let mut col = 0u64;
    // The row's values, to copy when the row is repeated.
    let mut kept: Vec<(u64, Cell)> = Vec::new();
    loop {
        let (value, span, open) = match x.next().map_err(|b| b.at(grid, row, col))? {
            Event::Start(e) if is_cell(&e) => (value(&e)?, span(&e), true),
            Event::Empty(e) if is_cell(&e) => (value(&e)?, span(&e), false),
            Event::End(e) if e.name().as_ref() == "table:table-row" => break,
            Event::Eof => return Err(damaged()),
            _ => continue,
        };
        let cell = match (value, open) {
            (Value::Content, true) => text_content(x, grid, row, col)?,
            (v, true) => {
                x.skip_to_end_of_cell().map_err(|b| b.at(grid, row, col))?;
                v.into_cell()
            }
            (v, false) => v.into_cell(),
        };
        if cell != Cell::Empty {
            for c in col..col.saturating_add(span).min(MAX_COLUMNS) {
                grid.put(row, c, cell.clone())?;
                if repeat > 1 {
                    kept.push((c, cell.clone()));
                }
            }
        }
        col = col.saturating_add(span);
    }
    if !kept.is_empty() {
        for r in 1..repeat {
            for (c, cell) in &kept {
                grid.put(row.saturating_add(r), *c, cell.clone())?;
            }
        }
    }
    Ok(())
}

/// A cell's value as its attributes give it, or where to find it.
enum Value {
    Cell(Cell),
    /// Text held in the cell's paragraphs.
    Content,
    Nothing,
}

impl Value {
    fn into_cell(self) -> Cell {
        match self {
            Value::Cell(c) => c,
            _ => Cell::Empty,
        }
    }
}

fn value(e: &BytesStart<'_>) -> Result<Value> {
    let attr = |name: &str| -> Result<Option<String>> {
        match e.try_get_attribute(name).map_err(|_| damaged())? {
            None => Ok(None),
            Some(a) => Ok(Some(
                a.normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|_| damaged())?
                    .into_owned(),
            )),
        }
    };
    let Some(kind) = attr("office:value-type")? else {
        // LibreOffice writes an error's text (#DIV/0!…) with no office type.
        return Ok(match attr("calcext:value-type")?.as_deref() {
            Some("error") => Value::Content,
            _ => Value::Nothing,
        });
    };
    Ok(match kind.as_str() {
        "float" | "percentage" | "currency" => {
            match attr("office:value")?.and_then(|v| v.trim().parse::<f64>().ok()) {
                Some(f) => Value::Cell(Cell::Float(f)),
                None => Value::Content,
            }
        }
        "date" => attr("office:date-value")?.map_or(Value::Content, |v| Value::Cell(Cell::Text(v))),
        "time" => attr("office:time-value")?.map_or(Value::Content, |v| Value::Cell(Cell::Text(v))),
        "boolean" => match attr("office:boolean-value")?.as_deref() {
            Some(v) => Value::Cell(Cell::Bool(v.eq_ignore_ascii_case("true"))),
            None => Value::Content,
        },
        _ => match attr("office:string-value")? {
            Some(v) => Value::Cell(Cell::Text(v)),
            None => Value::Content,
        },
    })
}

/// The text of a cell's paragraphs, up to its end tag. Counts characters as it goes,
/// so `<text:s text:c="1000000000"/>` is refused without writing a space.
fn text_content(x: &mut Xml<impl Read>, grid: &mut Grid<'_>, row: u64, col: u64) -> Result<Cell> {
    let max = grid.limits().max_cell_chars;
    let mut text = String::new();
    let mut chars = 0u64;
    let mut paragraphs = 0u32;
    // For each open element inside the cell: whether it is a paragraph.
    let mut open: Vec<bool> = Vec::new();
    let mut in_paragraph = 0u32;
    loop {
        let piece: Cow<'_, str> = match x.next().map_err(|b| b.at(grid, row, col))? {
            Event::Start(e) if e.name().as_ref() == "office:annotation" => {
                x.skip_to_end("office:annotation")?;
                continue;
            }
            Event::Start(e) => {
                let paragraph = is_paragraph(&e);
                open.push(paragraph);
                if paragraph {
                    in_paragraph += 1;
                    paragraphs += 1;
                    if paragraphs > 1 {
                        Cow::Borrowed("\n")
                    } else {
                        continue;
                    }
                } else {
                    inline_mark(&e, chars, max).map_err(|()| grid.cell_too_long(row, col))?
                }
            }
            Event::Empty(e) if is_paragraph(&e) => {
                paragraphs += 1;
                if paragraphs > 1 {
                    Cow::Borrowed("\n")
                } else {
                    continue;
                }
            }
            Event::Empty(e) => {
                inline_mark(&e, chars, max).map_err(|()| grid.cell_too_long(row, col))?
            }
            Event::Text(t) if in_paragraph > 0 => Cow::Owned(t.xml10_content().into_owned()),
            Event::CData(t) if in_paragraph > 0 => Cow::Owned(t.xml10_content().into_owned()),
            Event::GeneralRef(r) if in_paragraph > 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => Cow::Owned(c.to_string()),
                _ => Cow::Borrowed(
                    quick_xml::escape::resolve_predefined_entity(&r.into_inner()).unwrap_or(""),
                ),
            },
            Event::End(_) => match open.pop() {
                None => break,
                Some(paragraph) => {
                    if paragraph {
                        in_paragraph -= 1;
                    }
                    continue;
                }
            },
            Event::Eof => return Err(damaged()),
            _ => continue,
        };
        chars += piece.chars().count() as u64;
        if chars > max {
            return Err(grid.cell_too_long(row, col));
        }
        text.push_str(&piece);
    }
    Ok(if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    })
}

/// How many columns a cell covers (`number-columns-repeated`).
fn span(e: &BytesStart<'_>) -> u64 {
    count(e, "table:number-columns-repeated")
}

/// Spaces, tabs and line breaks written as elements inside a paragraph.
fn inline_mark(
    e: &BytesStart<'_>,
    chars: u64,
    max: u64,
) -> std::result::Result<Cow<'static, str>, ()> {
    Ok(match e.name().as_ref() {
        "text:s" => {
            let n = count(e, "text:c");
            if chars.saturating_add(n) > max {
                return Err(());
            }
            Cow::Owned(" ".repeat(n as usize))
        }
        "text:tab" => Cow::Borrowed("\t"),
        "text:line-break" => Cow::Borrowed("\n"),
        _ => Cow::Borrowed(""),
    })
}

fn is(e: &BytesStart<'_>, name: &str) -> bool {
    e.name().as_ref() == name
}

fn is_cell(e: &BytesStart<'_>) -> bool {
    is(e, "table:table-cell") || is(e, "table:covered-table-cell")
}

fn is_paragraph(e: &BytesStart<'_>) -> bool {
    is(e, "text:p") || is(e, "text:h")
}

fn table_name(e: &BytesStart<'_>) -> Result<String> {
    match e.try_get_attribute("table:name").map_err(|_| damaged())? {
        Some(a) => Ok(a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|_| damaged())?
            .into_owned()),
        None => Ok(String::new()),
    }
}

/// A repeat count attribute (1 when absent or unreadable).
fn count(e: &BytesStart<'_>, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Why reading the XML stopped.
enum Broken {
    /// One event longer than [`MAX_EVENT_BYTES`].
    TooLong,
    Damaged,
}

impl Broken {
    fn at(self, grid: &Grid<'_>, row: u64, col: u64) -> Error {
        match self {
            Broken::TooLong => grid.cell_too_long(row, col),
            Broken::Damaged => damaged(),
        }
    }
}

/// An XML part read one bounded event at a time.
struct Xml<R: Read> {
    reader: quick_xml::Reader<BufReader<Bounded<R>>>,
    buf: Vec<u8>,
}

impl<R: Read> Xml<R> {
    fn new(part: R) -> Self {
        let mut reader =
            quick_xml::Reader::from_reader(BufReader::new(Bounded::new(part, MAX_EVENT_BYTES)));
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        config.expand_empty_elements = false;
        Xml {
            reader,
            buf: Vec::with_capacity(1024),
        }
    }

    fn next(&mut self) -> std::result::Result<Event<'_>, Broken> {
        self.buf.clear();
        self.reader.get_mut().get_mut().reset();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(e) => Ok(e),
            Err(_) if self.reader.get_mut().get_mut().exceeded() => Err(Broken::TooLong),
            Err(_) => Err(Broken::Damaged),
        }
    }

    /// Skips to the end tag of the element `name` just opened (nested ones included).
    fn skip_to_end(&mut self, name: &str) -> Result<()> {
        let mut depth = 0u32;
        loop {
            match self.next().map_err(|_| damaged())? {
                Event::Start(e) if e.name().as_ref() == name => depth += 1,
                Event::End(e) if e.name().as_ref() == name => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Event::Eof => return Err(damaged()),
                _ => {}
            }
        }
    }

    /// Skips the content of a cell whose value its attributes already gave.
    fn skip_to_end_of_cell(&mut self) -> std::result::Result<(), Broken> {
        let mut depth = 0u32;
        loop {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Event::Eof => return Err(Broken::Damaged),
                _ => {}
            }
        }
    }
}
