//! Search as you type: word prefixes over names, company, title, city, notes, tags and
//! emails (Arabic-normalised), or digit substrings of phone numbers. Ranked cheaply:
//! an exact phone match first, then names that start with the first word, then the
//! rest, newest first; paged by keyset so the next page costs the same as the first.

use rusqlite::{params_from_iter, types::Value, Connection};
use serde::{Deserialize, Serialize};

use super::model::ContactKind;
use crate::search::normalize::{digits, normalize, search_terms};
use crate::Result;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    pub text: String,
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactSummary {
    pub id: String,
    pub kind: ContactKind,
    pub name_ar: String,
    pub name_latin: String,
    pub company_name: String,
    pub city: String,
    /// The first phone as typed.
    pub phone: Option<String>,
    pub owner_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    pub items: Vec<ContactSummary>,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<String>,
}

enum Mode {
    All,
    Words(String, String),
    Phone(String),
}

fn mode(text: &str) -> Mode {
    let d = digits(text);
    // Arabic letters are alphabetic too, so this covers both scripts.
    if !text.chars().any(char::is_alphabetic) && d.len() >= 3 {
        // "00966…" is how many people type the international prefix.
        let d = d.strip_prefix("00").map(str::to_string).unwrap_or(d);
        return Mode::Phone(d);
    }
    let terms = search_terms(text);
    if terms.is_empty() {
        return Mode::All;
    }
    let fts = terms
        .iter()
        .map(|t| format!("\"{}\"*", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ");
    Mode::Words(fts, terms[0].clone())
}

/// `owner_filter`: only contacts owned by this user (a read right of "own records").
pub(super) fn run(
    conn: &Connection,
    q: &SearchQuery,
    owner_filter: Option<&str>,
) -> Result<SearchPage> {
    let limit = q.limit.unwrap_or(50).clamp(1, 500) as i64;
    let (after_grade, after_num) = q
        .after
        .as_deref()
        .and_then(|a| a.split_once(':'))
        .and_then(|(g, n)| Some((g.parse::<i64>().ok()?, n.parse::<i64>().ok()?)))
        .unwrap_or((-1, i64::MAX));

    let mut args: Vec<Value> = Vec::new();
    let (candidates, grade) = match mode(&q.text) {
        Mode::All => ("SELECT num FROM contacts".to_string(), "2".to_string()),
        Mode::Words(fts, first) => {
            args.push(Value::Text(fts));
            args.push(Value::Text(normalize(&first)));
            (
                "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1".to_string(),
                "CASE WHEN substr(c.name_norm, 1, length(?2)) = ?2 THEN 1 ELSE 2 END".to_string(),
            )
        }
        Mode::Phone(d) => {
            args.push(Value::Text(format!("\"{d}\"")));
            args.push(Value::Text(d.clone()));
            (
                "SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH ?1".to_string(),
                "CASE WHEN EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id
                     AND (p.national = ?2 OR '0' || p.national = ?2 OR p.e164 = '+' || ?2)) THEN 0 ELSE 2 END"
                    .to_string(),
            )
        }
    };
    let n = args.len();
    args.push(Value::Text(owner_filter.unwrap_or("").to_string()));
    args.push(Value::Integer(after_grade));
    args.push(Value::Integer(after_num));
    args.push(Value::Integer(limit + 1));
    let (p_owner, p_ag, p_an, p_lim) = (n + 1, n + 2, n + 3, n + 4);
    let sql = format!(
        "SELECT * FROM (
            SELECT c.num, c.id, c.kind, c.name_ar, c.name_latin, c.company_name, c.city, c.owner_id,
                (SELECT raw FROM contact_phones p WHERE p.contact_id = c.id ORDER BY position LIMIT 1) AS phone,
                {grade} AS grade
            FROM contacts c
            WHERE c.num IN ({candidates}) AND c.deleted_at IS NULL
              AND (?{p_owner} = '' OR c.owner_id = ?{p_owner})
         )
         WHERE grade > ?{p_ag} OR (grade = ?{p_ag} AND num < ?{p_an})
         ORDER BY grade, num DESC
         LIMIT ?{p_lim}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    // LIMIT asks for one row more than a page: its presence says there is a next page.
    let mut items = Vec::new();
    let mut keys = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        items.push(ContactSummary {
            id: r.get(1)?,
            kind: ContactKind::parse(&kind).unwrap_or(ContactKind::Lead),
            name_ar: r.get(3)?,
            name_latin: r.get(4)?,
            company_name: r.get(5)?,
            city: r.get(6)?,
            owner_id: r.get(7)?,
            phone: r.get(8)?,
        });
        keys.push((r.get::<_, i64>(9)?, r.get::<_, i64>(0)?));
    }
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next = if more {
        keys.get(limit as usize - 1)
            .map(|(g, n)| format!("{g}:{n}"))
    } else {
        None
    };
    Ok(SearchPage { items, next })
}
