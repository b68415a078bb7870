//! QR codes as vector rectangles: sharp at any zoom or printer, a few hundred bytes.

use std::collections::BTreeMap;
use std::fmt::Write;

use printpdf::{DictItem, ExternalStream, ExternalXObject};
use qrcode::{Color as Module, EcLevel, QrCode};

use crate::{Error, Result, Rule};

/// Modules of quiet zone on each side.
const QUIET: usize = 4;

/// A run of dark modules in a row: row (from the top), first column, length.
type DarkRun = (usize, usize, usize);

/// The code's runs of dark modules (quiet zone not included) and its width in modules.
fn dark_runs(data: &str) -> Result<(Vec<DarkRun>, usize)> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|_| Error::invalid("qr_code", Rule::TooLong))?;
    let n = code.width();
    let mut runs = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if code[(col, row)] != Module::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && code[(col, row)] == Module::Dark {
                col += 1;
            }
            runs.push((row, start, col - start));
        }
    }
    Ok((runs, n))
}

/// A QR code for `data` as a form XObject drawn in module units (one unit a module,
/// origin at the bottom-left corner of the quiet zone), and its size in modules, quiet
/// zone included. Neighbouring dark modules in a row are one rectangle.
pub(crate) fn form(data: &str) -> Result<(ExternalXObject, usize)> {
    let (runs, n) = dark_runs(data)?;
    let size = n + 2 * QUIET;
    let mut ops = String::with_capacity(runs.len() * 14 + 8);
    ops.push_str("0 g\n");
    for (row, col, len) in runs {
        // PDF's y goes up: the top row is the highest.
        let y = size - QUIET - 1 - row;
        let _ = writeln!(ops, "{} {y} {len} 1 re", col + QUIET);
    }
    ops.push_str("f\n");
    let side = size as i64;
    let dict = BTreeMap::from([
        ("Type".to_string(), DictItem::Name(b"XObject".to_vec())),
        ("Subtype".to_string(), DictItem::Name(b"Form".to_vec())),
        (
            "BBox".to_string(),
            DictItem::Array([0, 0, side, side].map(DictItem::Int).to_vec()),
        ),
    ]);
    let form = ExternalXObject {
        stream: ExternalStream {
            dict,
            content: ops.into_bytes(),
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    };
    Ok((form, size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_in_whole_units_inside_the_quiet_zone() {
        let (form, n) = form("https://example.com").unwrap();
        // Version 2: 25 modules, plus 4 of quiet zone each side.
        assert_eq!(n, 33);
        let ops = String::from_utf8(form.stream.content).unwrap();
        // The top-left finder pattern's first row: seven modules, at the top.
        assert!(ops.contains("\n4 28 7 1 re\n"), "{ops}");
        assert!(ops.starts_with("0 g\n") && ops.ends_with("f\n"));
        for line in ops.lines().filter(|l| l.ends_with(" re")) {
            let v: Vec<usize> = line
                .split(' ')
                .take(4)
                .map(|p| p.parse().unwrap())
                .collect();
            assert!(
                v[0] >= 4 && v[0] + v[2] <= 29 && v[1] >= 4 && v[1] < 29,
                "{line}"
            );
        }
    }

    #[test]
    fn too_much_data_is_refused() {
        let long = "x".repeat(5000);
        assert_eq!(form(&long).unwrap_err().code(), "invalid_input");
    }
}
