//! Delimited text files (.csv, .tsv, .txt) as one sheet of text cells.
//!
//! - Encoding, detected: a UTF-8 or UTF-16 byte-order mark; UTF-16 without a mark by
//!   its pattern of zero bytes (ASCII characters such as digits, delimiters and line
//!   ends have a zero high byte); otherwise UTF-8 when the bytes are valid UTF-8, and
//!   Windows-1256 when they are not (what Arabic Windows and Excel save as "CSV").
//! - Delimiter, sniffed among `,` `;` tab and `|` over the first records, with quotes
//!   respected: the one that splits the most records into the same number of fields
//!   (more than one). A first line `sep=;` (Excel's own hint) decides it outright.
//! - Quoted fields may hold delimiters, doubled quotes and line breaks.
//! - Every non-empty field is [`Cell::Text`], exactly as written, so leading zeros
//!   survive; numbers, dates and Arabic-Indic digits are read later (values.rs).
//! - Row numbers are kept as a spreadsheet shows the file: a blank line is an empty
//!   row, and a record whose quoted field spans lines is one row.

use std::borrow::Cow;

use serde::Serialize;

use super::guard::{Grid, Limits};
use super::values::Cell;
use crate::Result;

/// The character encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Arabic Windows' legacy code page.
    Windows1256,
}

impl Encoding {
    /// The encoding's usual name, for the preview.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1256 => "Windows-1256",
        }
    }
}

/// How a text file was read: shown in the preview so the user can correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextFormat {
    pub encoding: Encoding,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    pub delimiter: char,
}

/// The delimiters sniffed, in order of preference when they tie.
pub const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// The encoding of `bytes` and the length of its byte-order mark.
pub(crate) fn detect_encoding(bytes: &[u8]) -> (Encoding, usize) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return (Encoding::Utf8, 3);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (Encoding::Utf16Le, 2);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (Encoding::Utf16Be, 2);
    }
    if let Some(e) = utf16_without_bom(bytes) {
        return (e, 0);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => (Encoding::Utf8, 0),
        // Only the last character cut short (a sample, or a file cut while copying).
        Err(e) if e.error_len().is_none() => (Encoding::Utf8, 0),
        Err(_) => (Encoding::Windows1256, 0),
    }
}

/// UTF-16 without a byte-order mark, told by where its zero bytes are: text in any
/// language has ASCII digits, delimiters and line ends, whose high byte is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += (pair[0] == 0) as usize;
        odd += (pair[1] == 0) as usize;
    }
    let enough = |n: usize| n * 10 >= units;
    if enough(odd) && odd > even * 4 {
        Some(Encoding::Utf16Le)
    } else if enough(even) && even > odd * 4 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// `bytes` (without their byte-order mark) as text. Invalid sequences become U+FFFD.
pub(crate) fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes),
        Encoding::Utf16Le => encoding_rs::UTF_16LE.decode_without_bom_handling(bytes).0,
        Encoding::Utf16Be => encoding_rs::UTF_16BE.decode_without_bom_handling(bytes).0,
        Encoding::Windows1256 => {
            encoding_rs::WINDOWS_1256
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// Reads a whole text file's bytes into rows. `encoding` and `delimiter` override
/// the detection when given.
pub(crate) fn read(
    bytes: &[u8],
    sheet: &str,
    encoding: Option<Encoding>,
    delimiter: Option<char>,
    limits: &Limits,
) -> Result<(Vec<Vec<Cell>>, TextFormat)> {
    let (detected, bom) = detect_encoding(bytes);
    let encoding = encoding.unwrap_or(detected);
    // A mark of another encoding than the one chosen is not a mark.
    let bom = match (encoding, bom) {
        (Encoding::Utf8, 3) | (Encoding::Utf16Le | Encoding::Utf16Be, 2) => bom,
        _ => 0,
    };
    let text = decode(&bytes[bom..], encoding);
    let (hinted, body) = sep_hint(&text);
    let delimiter = delimiter
        .or(hinted)
        .unwrap_or_else(|| sniff_delimiter(body));
    let rows = parse(body, delimiter, sheet, limits)?;
    Ok((
        rows,
        TextFormat {
            encoding,
            bom: bom > 0,
            delimiter,
        },
    ))
}

/// Excel's `sep=;` first line: the delimiter, and the text after that line.
fn sep_hint(text: &str) -> (Option<char>, &str) {
    let Some(rest) = text.strip_prefix("sep=") else {
        return (None, text);
    };
    let mut chars = rest.chars();
    let Some(d) = chars.next() else {
        return (None, text);
    };
    let after = chars.as_str();
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'));
    match after {
        Some(body) if d.is_ascii() && d != '"' => (Some(d), body),
        _ => (None, text),
    }
}

/// The delimiter that splits the first records most consistently (see module docs).
pub fn sniff_delimiter(text: &str) -> char {
    const SAMPLE: usize = 64 * 1024;
    const RECORDS: usize = 200;
    let mut cut = text.len().min(SAMPLE);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let truncated = cut < text.len();
    let mut best = (0usize, 0usize, DELIMITERS[0]);
    for d in DELIMITERS {
        let mut reader = reader(sample.as_bytes(), d);
        let mut counts: Vec<usize> = Vec::new();
        let mut record = csv::ByteRecord::new();
        while counts.len() < RECORDS {
            match reader.read_byte_record(&mut record) {
                Ok(true) => counts.push(record.len()),
                _ => break,
            }
        }
        // The last record of a cut sample may be cut too.
        if truncated && counts.len() < RECORDS {
            counts.pop();
        }
        let mut modal = (0usize, 0usize); // (records, fields)
        let mut seen = counts.clone();
        seen.sort_unstable();
        seen.dedup();
        for fields in seen.into_iter().filter(|&f| f > 1) {
            let n = counts.iter().filter(|&&c| c == fields).count();
            if n > modal.0 || (n == modal.0 && fields > modal.1) {
                modal = (n, fields);
            }
        }
        if modal.0 > best.0 || (modal.0 == best.0 && modal.0 > 0 && modal.1 > best.1) {
            best = (modal.0, modal.1, d);
        }
    }
    best.2
}

fn reader(bytes: &[u8], delimiter: char) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(bytes)
}

fn parse(text: &str, delimiter: char, sheet: &str, limits: &Limits) -> Result<Vec<Vec<Cell>>> {
    let mut grid = Grid::new(sheet, limits);
    let mut reader = reader(text.as_bytes(), delimiter);
    let mut record = csv::StringRecord::new();
    let (mut consumed, mut row) = (0usize, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // The text is valid UTF-8 and the reader is flexible: nothing else fails.
            Err(_) => return Err(super::guard::damaged()),
        }
        // The reader skips blank lines; a spreadsheet shows each as an empty row.
        let end = (reader.position().byte() as usize).min(text.len());
        let mut raw = &text.as_bytes()[consumed.min(end)..end];
        // The reader may stop between the \r and \n of the last record's line end.
        if consumed > 0 && text.as_bytes()[consumed - 1] == b'\r' {
            raw = raw.strip_prefix(b"\n").unwrap_or(raw);
        }
        row += blank_lines(raw);
        consumed = end;
        for (col, field) in record.iter().enumerate() {
            if !field.is_empty() {
                grid.put(row, col as u64, Cell::Text(field.to_string()))?;
            }
        }
        row += 1;
    }
    Ok(grid.into_rows())
}

/// How many empty lines `raw` (a record as read, blank lines before it included)
/// starts with.
fn blank_lines(raw: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\r' if raw.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Cell::Text(t) => t.clone(),
                        Cell::Empty => String::new(),
                        other => panic!("not text: {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn delimiters_are_sniffed_with_quotes_respected() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2,5;3\n"), ';');
        assert_eq!(sniff_delimiter("name\tcity\n\"Riyadh, KSA\"\tx\n"), '\t');
        assert_eq!(sniff_delimiter("a|b\n\"1|2\"|3\n"), '|');
        // A title line above the header does not decide.
        assert_eq!(
            sniff_delimiter("كشف العملاء\nالاسم;الجوال\nأحمد;0551234567\n"),
            ';'
        );
        assert_eq!(sniff_delimiter("one column\nonly\n"), ',');
    }

    #[test]
    fn blank_lines_and_quoted_breaks_keep_spreadsheet_rows() {
        let rows = parse("a,b\n\n\"x\ny\",z\nlast\n", ',', "s", &Limits::DEFAULT).unwrap();
        assert_eq!(
            texts(&rows),
            vec![
                vec!["a".to_string(), "b".into()],
                vec![],
                vec!["x\ny".into(), "z".into()],
                vec!["last".into()],
            ]
        );
        let rows = parse("a\r\n\r\n\r\nb\r\n", ',', "s", &Limits::DEFAULT).unwrap();
        assert_eq!(
            texts(&rows),
            vec![vec!["a".to_string()], vec![], vec![], vec!["b".into()]]
        );
    }

    #[test]
    fn excel_sep_hint_decides_and_is_not_a_row() {
        let (rows, f) = read(b"sep=;\r\na;b,c\r\n", "s", None, None, &Limits::DEFAULT).unwrap();
        assert_eq!(f.delimiter, ';');
        assert_eq!(texts(&rows), vec![vec!["a".to_string(), "b,c".into()]]);
    }

    #[test]
    fn encodings_are_detected() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa"), (Encoding::Utf8, 3));
        assert_eq!(detect_encoding(b"\xFF\xFEa\0"), (Encoding::Utf16Le, 2));
        assert_eq!(detect_encoding(b"\xFE\xFF\0a"), (Encoding::Utf16Be, 2));
        let le: Vec<u8> = "أحمد,0551\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detect_encoding(&le), (Encoding::Utf16Le, 0));
        let be: Vec<u8> = "أحمد,0551\r\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(detect_encoding(&be), (Encoding::Utf16Be, 0));
        assert_eq!(detect_encoding("أحمد".as_bytes()), (Encoding::Utf8, 0));
        // "أحمد" in Windows-1256 is not valid UTF-8.
        assert_eq!(
            detect_encoding(b"\xC3\xCD\xE3\xCF,1"),
            (Encoding::Windows1256, 0)
        );
        // A sample cut inside a character is still UTF-8.
        assert_eq!(detect_encoding(&"أ".as_bytes()[..1]), (Encoding::Utf8, 0));
    }
}
