//! What a file really is, told by its content rather than its name: people rename
//! files, and other programs save web pages and CSV text under an `.xls` name.
//!
//! - A zip is a workbook by its parts: `xl/workbook.xml` (.xlsx; with a
//!   `vbaProject.bin`, .xlsm), `xl/workbook.bin` (.xlsb), or a `mimetype` of an
//!   OpenDocument spreadsheet (.ods). Word, PowerPoint and other archives are named.
//! - An OLE compound file is an .xls when it holds a `Workbook` (or `Book`) stream, a
//!   password-protected .xlsx when it holds an `EncryptedPackage`.
//! - PDFs, pictures and archives are recognised by their first bytes.
//! - Anything else that decodes to text is read as CSV, unless it is HTML or XML.
//!
//! The extension matters only when the content is text or unknown: text with a
//! spreadsheet or text extension is read as CSV, and anything with another
//! extension is refused as an unsupported type.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::csv::{decode, detect_encoding};
use super::file_problem::{FileKind, FileProblem};
use super::guard::{bad, check_zip, damaged, Limits, ZipEntry};
use crate::{Error, Result};

/// A spreadsheet format the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    /// An .xlsx with macros (read the same way; macros never run).
    Xlsm,
    Xlsb,
    Xls,
    Ods,
    /// Delimited text: .csv, .tsv, .txt.
    Csv,
}

/// Extensions the import accepts for text content (a spreadsheet extension on text
/// is common: programs export CSV named .xls).
const KNOWN_EXTENSIONS: &[&str] = &[
    "xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "tsv", "txt", "xltx", "xltm", "xlt", "ots",
];

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The outcome of looking at a file: its format and, for a zip, its parts.
pub(crate) struct Sniffed {
    pub format: Format,
    pub len: u64,
    pub zip: Vec<ZipEntry>,
}

/// The format of the file at `path`, told by its content (see the module docs).
pub fn detect_format(path: &Path) -> Result<Format> {
    Ok(sniff(path, &Limits::DEFAULT)?.format)
}

pub(crate) fn sniff(path: &Path, limits: &Limits) -> Result<Sniffed> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if len == 0 {
        return Err(bad(FileProblem::Empty));
    }
    if len > limits.max_file_bytes {
        return Err(bad(FileProblem::TooLarge {
            bytes: len,
            max: limits.max_file_bytes,
        }));
    }
    let mut head = Vec::with_capacity(8192);
    (&mut file)
        .take(8192)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    let extension = extension(path);
    let not = |kind| Err(bad(FileProblem::NotASpreadsheet { kind }));
    let sniffed = |format, zip| Ok(Sniffed { format, len, zip });

    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let entries = check_zip(&mut file, len, limits)?;
        return match zip_kind(&mut file, &entries)? {
            Ok(format) => sniffed(format, entries),
            Err(kind) => not(kind),
        };
    }
    if head.starts_with(OLE_MAGIC) {
        return match ole_kind(file)? {
            Ok(format) => sniffed(format, Vec::new()),
            Err(kind) => not(kind),
        };
    }
    if let Some(kind) = binary_kind(&head) {
        return not(kind);
    }
    let known = KNOWN_EXTENSIONS.contains(&extension.as_str());
    let unsupported = || {
        Err(bad(FileProblem::UnsupportedType {
            extension: extension.clone(),
        }))
    };
    match text_kind(&head) {
        TextKind::Delimited if known => sniffed(Format::Csv, Vec::new()),
        TextKind::Delimited => unsupported(),
        TextKind::Other(kind) => not(kind),
        // Unreadable bytes under a spreadsheet's name: most likely a damaged workbook.
        TextKind::Binary if known => Err(damaged()),
        TextKind::Binary => unsupported(),
    }
}

/// The file's extension, lower case, without the dot ("" when it has none).
pub(crate) fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// A zip's format by its parts, or what else it is.
fn zip_kind(
    file: &mut File,
    entries: &[ZipEntry],
) -> Result<std::result::Result<Format, FileKind>> {
    if entries.iter().any(|e| e.encrypted) {
        return Err(bad(FileProblem::PasswordProtected));
    }
    let has = |suffix: &str| {
        entries
            .iter()
            .any(|e| e.name.to_ascii_lowercase().ends_with(suffix))
    };
    let starts = |prefix: &str| {
        entries
            .iter()
            .any(|e| e.name.to_ascii_lowercase().starts_with(prefix))
    };
    if has("workbook.bin") {
        return Ok(Ok(Format::Xlsb));
    }
    if has("workbook.xml") {
        return Ok(Ok(if has("vbaproject.bin") {
            Format::Xlsm
        } else {
            Format::Xlsx
        }));
    }
    if let Some(mime) = odf_mimetype(file, entries)? {
        return Ok(match mime.as_str() {
            "application/vnd.oasis.opendocument.spreadsheet"
            | "application/vnd.oasis.opendocument.spreadsheet-template" => Ok(Format::Ods),
            m if m.starts_with("application/vnd.oasis.opendocument.text") => {
                Err(FileKind::WordDocument)
            }
            m if m.starts_with("application/vnd.oasis.opendocument.presentation") => {
                Err(FileKind::Presentation)
            }
            _ => Err(FileKind::OtherDocument),
        });
    }
    if starts("xl/") {
        // Excel's parts under other names: calamine finds the workbook through the
        // package's relationships, or says the file is broken.
        return Ok(Ok(Format::Xlsx));
    }
    if starts("word/") {
        return Ok(Err(FileKind::WordDocument));
    }
    if starts("ppt/") {
        return Ok(Err(FileKind::Presentation));
    }
    if has("[content_types].xml") {
        return Ok(Err(FileKind::OtherDocument));
    }
    Ok(Err(FileKind::Archive))
}

/// The OpenDocument `mimetype` part (a few bytes, stored first), if there is one.
fn odf_mimetype(file: &mut File, entries: &[ZipEntry]) -> Result<Option<String>> {
    if !entries.iter().any(|e| e.name == "mimetype") {
        return Ok(None);
    }
    let mut zip = zip::ZipArchive::new(&mut *file).map_err(|_| damaged())?;
    let part = zip.by_name("mimetype").map_err(|_| damaged())?;
    let mut mime = String::new();
    part.take(128)
        .read_to_string(&mut mime)
        .map_err(|_| damaged())?;
    Ok(Some(mime.trim().to_string()))
}

/// An OLE compound file's format by its streams, or what else it is.
fn ole_kind(file: File) -> Result<std::result::Result<Format, FileKind>> {
    let ole = cfb::CompoundFile::open(file).map_err(|_| damaged())?;
    if ole.is_stream("/EncryptedPackage") {
        return Err(bad(FileProblem::PasswordProtected));
    }
    if ole.is_stream("/Workbook") || ole.is_stream("/Book") {
        return Ok(Ok(Format::Xls));
    }
    if ole.is_stream("/WordDocument") {
        return Ok(Err(FileKind::WordDocument));
    }
    if ole.is_stream("/PowerPoint Document") {
        return Ok(Err(FileKind::Presentation));
    }
    Ok(Err(FileKind::OtherDocument))
}

/// Kinds of files told by their first bytes.
fn binary_kind(head: &[u8]) -> Option<FileKind> {
    let starts = |m: &[u8]| head.starts_with(m);
    if starts(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if starts(b"\x89PNG\r\n\x1a\n")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || (starts(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || (head.get(4..8) == Some(b"ftyp")
            && matches!(head.get(8..12), Some(b"heic" | b"heix" | b"mif1" | b"avif")))
    {
        Some(FileKind::Picture)
    } else if starts(b"Rar!\x1A\x07")
        || starts(b"7z\xBC\xAF\x27\x1C")
        || starts(b"\x1F\x8B")
        || starts(b"PK\x07\x08")
    {
        Some(FileKind::Archive)
    } else {
        None
    }
}

enum TextKind {
    Delimited,
    Other(FileKind),
    Binary,
}

/// Whether the first bytes read as delimited text, as markup, or not as text at all.
fn text_kind(head: &[u8]) -> TextKind {
    let (encoding, bom) = detect_encoding(head);
    let text = decode(&head[bom..], encoding);
    let mut chars = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        chars += 1;
        // Tab, line ends, form feed and the old DOS end-of-file mark are fine in text.
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C' | '\x1A')) {
            control += 1;
        }
    }
    if text.contains('\0') || control * 100 > chars {
        return TextKind::Binary;
    }
    let start = text.trim_start().to_lowercase();
    if start.starts_with('<') {
        let head: String = start.chars().take(2048).collect();
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet")
            || head.contains("<workbook")
        {
            return TextKind::Other(FileKind::XmlSpreadsheet);
        }
        if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") {
            return TextKind::Other(FileKind::WebPage);
        }
        if head.starts_with("<?xml") {
            return TextKind::Other(FileKind::Xml);
        }
    }
    TextKind::Delimited
}
