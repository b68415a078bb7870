//! Catalog lists: filters, Arabic-aware text search and keyset paging by name.
//!
//! A showroom's catalog holds hundreds or a few thousand items, so text is matched as
//! substrings of the stored normalised text (`search_norm`): every word typed must
//! appear in it. Both sides go through `search::normalize`, so «كامرى» finds «كامري»,
//! «٢٠٢٦» finds 2026, and the last digits of a VIN find the vehicle.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rusqlite::{params_from_iter, types::Value, Connection};

use super::model::*;
use super::store::{row, COLUMNS};
use crate::search::normalize::search_terms;
use crate::{Error, Result, Rule};

/// The sort key: the display name, then the code (a tab sorts before any character
/// people type, so a shorter name comes first).
const SORT: &str =
    "(COALESCE(NULLIF(name_ar, ''), NULLIF(name_en, ''), '') || char(9) || code) COLLATE NOCASE";

fn cursor(p: &Product) -> String {
    let key = format!(
        "{}\t{}",
        [&p.name_ar, &p.name_en]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(String::as_str)
            .unwrap_or(""),
        p.code
    );
    URL_SAFE_NO_PAD.encode(serde_json::json!([key, p.num]).to_string())
}

fn parse_cursor(s: &str) -> Result<(String, i64)> {
    let bad = || Error::invalid("after", Rule::BadFormat);
    let bytes = URL_SAFE_NO_PAD.decode(s.trim()).map_err(|_| bad())?;
    serde_json::from_slice::<(String, i64)>(&bytes).map_err(|_| bad())
}

pub(super) fn run(conn: &Connection, q: &ProductQuery) -> Result<ProductPage> {
    let limit = i64::from(q.limit.unwrap_or(50).clamp(1, 500));
    let mut cond = vec!["deleted_at IS NULL".to_string()];
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    for term in search_terms(&q.text) {
        let a = arg(Value::Text(term));
        cond.push(format!("instr(search_norm, {a}) > 0"));
    }
    if let Some(k) = q.kind {
        let a = arg(Value::Text(k.key().into()));
        cond.push(format!("kind = {a}"));
    }
    if let Some(c) = q
        .category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let a = arg(Value::Text(c.into()));
        cond.push(format!("category = {a} COLLATE NOCASE"));
    }
    if let Some(s) = q.stock_status {
        let a = arg(Value::Text(s.key().into()));
        cond.push(format!("stock_status = {a}"));
    }
    if let Some(after) = q.after.as_deref().filter(|a| !a.trim().is_empty()) {
        let (key, num) = parse_cursor(after)?;
        let k = arg(Value::Text(key));
        let n = arg(Value::Integer(num));
        cond.push(format!("({SORT} > {k} OR ({SORT} = {k} AND num > {n}))"));
    }
    let l = arg(Value::Integer(limit + 1));
    let sql = format!(
        "SELECT {COLUMNS} FROM products WHERE {} ORDER BY {SORT}, num LIMIT {l}",
        cond.join(" AND ")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut items: Vec<Product> = stmt
        .query_map(params_from_iter(args), row)?
        .collect::<rusqlite::Result<_>>()?;
    let next = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(cursor)
    } else {
        None
    };
    Ok(ProductPage { items, next })
}

/// The categories in use, for suggestions as a person types one.
pub(super) fn categories(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT category FROM products WHERE deleted_at IS NULL AND category <> ''
         GROUP BY category COLLATE NOCASE ORDER BY category COLLATE NOCASE",
    )?;
    let out = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
