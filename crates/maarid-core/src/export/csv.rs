//! A table as a .csv file: UTF-8 with a byte-order mark (without it, Excel reads the
//! file in the machine's ANSI code page and Arabic turns into gibberish), the header
//! in the chosen language, RFC 4180 quoting and CRLF line ends. Values are plain
//! text: dates as YYYY-MM-DD, moments as ISO 8601 in local time with their offset,
//! amounts as decimal numbers with their currency's decimals, no thousands separator.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::Local;
use rust_decimal::RoundingStrategy;

use super::table::{Table, Value};
use super::TableSummary;
use crate::i18n::Locale;
use crate::{Error, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn write(path: &Path, table: Table, lang: Locale) -> Result<TableSummary> {
    let io = |e: std::io::Error| Error::io(path, e);
    let mut file = BufWriter::with_capacity(1 << 16, File::create(path).map_err(io)?);
    file.write_all(BOM).map_err(io)?;
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(file);
    let csv_err = |e: ::csv::Error| match e.into_kind() {
        ::csv::ErrorKind::Io(e) => Error::io(path, e),
        other => Error::Internal(format!("csv: {other:?}")),
    };
    let columns: Vec<String> = table.columns().map(|c| c.key.clone()).collect();
    w.write_record(table.columns().map(|c| c.header(lang)))
        .map_err(csv_err)?;
    let summary_name = table.name.get(lang).clone();
    let key = table.key.clone();
    let mut rows = 0u64;
    let mut field = String::new();
    table.for_each_row(|values| {
        for v in values {
            field.clear();
            text(v, &mut field);
            w.write_field(&field).map_err(csv_err)?;
        }
        w.write_record(None::<&[u8]>).map_err(csv_err)?;
        rows += 1;
        Ok(())
    })?;
    w.into_inner()
        .map_err(|e| Error::io(path, std::io::Error::other(e.to_string())))?
        .flush()
        .map_err(io)?;
    Ok(TableSummary {
        key,
        name: summary_name,
        sheets: Vec::new(),
        rows,
        columns,
    })
}

fn text(v: &Value, out: &mut String) {
    use std::fmt::Write as _;
    // Writing to a String cannot fail.
    let _ = match v {
        Value::Empty => Ok(()),
        Value::Text(s) => {
            out.push_str(s);
            Ok(())
        }
        Value::Date(d) => write!(out, "{}", d.format("%Y-%m-%d")),
        Value::DateTime(t) => write!(
            out,
            "{}",
            t.with_timezone(&Local).format("%Y-%m-%dT%H:%M:%S%:z")
        ),
        Value::Money(d, dp) => {
            let r = d.round_dp_with_strategy(*dp, RoundingStrategy::MidpointAwayFromZero);
            write!(out, "{:.*}", *dp as usize, r)
        }
        Value::Decimal(d) => write!(out, "{}", d.normalize()),
        Value::Integer(i) => write!(out, "{i}"),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn shown(v: Value) -> String {
        let mut s = String::new();
        text(&v, &mut s);
        s
    }

    #[test]
    fn amounts_keep_their_currency_decimals_without_separators() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(shown(Value::Money(d("125000"), 2)), "125000.00");
        assert_eq!(shown(Value::Money(d("1.2345"), 3)), "1.235");
        assert_eq!(shown(Value::Decimal(d("15.00"))), "15");
        assert_eq!(shown(Value::Integer(2026)), "2026");
    }
}
