//! Contact lists and search as you type.
//!
//! Text is matched as word prefixes over names, company, title, city, notes, tags and
//! emails (Arabic-normalised), or as digit substrings of phone numbers; digits typed
//! beside words ("محمد 4567") match a phone as well as the start of a word. Lists can
//! be filtered (kind, owner, source, tag, creation dates) and sorted by relevance, name,
//! creation or last change, either way, and are paged by keyset (the cursor holds the
//! last row's sort value and number), so every page costs about the same as the first.
//!
//! Relevance ranks cheaply, in grades: an exact phone number first, then contacts whose
//! name starts with the first word, then the rest; newest first within a grade. Each
//! grade is read in number order straight from its index and stops at the end of the
//! page, so a two-letter prefix that matches half the contacts does not have to gather
//! them all before the first page can be shown.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::model::{ContactKind, Source};
use crate::keyed::keyed_enum;
use crate::search::normalize::{digits, normalize, search_terms};
use crate::{Error, Result, Rule};

keyed_enum!(
    /// The order of a contact list. `Relevance` is best match first (see the module
    /// documentation); the others sort by the normalised display name, the creation
    /// time or the time of the last change. `SearchQuery::desc` reverses any of them.
    SortKey {
        Relevance = "relevance",
        Name = "name",
        Created = "created",
        Updated = "updated",
    }
);

/// What to list. Every field is optional: an empty query lists every contact the
/// user may read, newest first.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Words and/or phone digits, as typed.
    pub text: String,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page (opaque; only valid with the same
    /// sort, direction and filters).
    pub after: Option<String>,
    pub kind: Option<ContactKind>,
    /// Only contacts this user owns.
    pub owner_id: Option<String>,
    pub source: Option<Source>,
    /// Only contacts with this tag (compared in normalised form: «عميل مميز» finds
    /// «عميل مميّز», «VIP» finds «vip»).
    pub tag: Option<String>,
    /// Created on or after this day, `YYYY-MM-DD`. Days are UTC days (times are
    /// stored in UTC), so a contact created just after midnight local time in Riyadh
    /// belongs to the previous day.
    pub created_from: Option<String>,
    /// Created on or before this day (inclusive), `YYYY-MM-DD`, a UTC day.
    pub created_to: Option<String>,
    /// Default: `Relevance` when there is text, else `Created` newest first.
    pub sort: Option<SortKey>,
    /// Reverse the order of `sort` (ignored when `sort` is not given).
    pub desc: bool,
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
    pub source: Option<Source>,
    /// The first email.
    pub email: Option<String>,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    pub items: Vec<ContactSummary>,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<String>,
}

/// What the text asks for.
enum Mode {
    All,
    /// Word prefixes; `digits` are terms of 3+ digits typed beside words, which match
    /// a phone number or the start of a word.
    Words {
        words: Vec<String>,
        digits: Vec<String>,
    },
    /// Only digits: a substring of a phone number.
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
    let (digit_terms, words): (Vec<String>, Vec<String>) = search_terms(text)
        .into_iter()
        .partition(|t| t.len() >= 3 && t.bytes().all(|b| b.is_ascii_digit()));
    if words.is_empty() {
        return Mode::All;
    }
    Mode::Words {
        words,
        digits: digit_terms,
    }
}

fn phrase(t: &str) -> String {
    format!("\"{}\"", t.replace('"', "\"\""))
}

fn prefix(t: &str) -> String {
    format!("{}*", phrase(t))
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Order {
    key: SortKey,
    desc: bool,
}

impl Order {
    fn of(q: &SearchQuery, has_text: bool) -> Order {
        match q.sort {
            Some(key) => Order { key, desc: q.desc },
            None if has_text => Order {
                key: SortKey::Relevance,
                desc: false,
            },
            None => Order {
                key: SortKey::Created,
                desc: true,
            },
        }
    }

    /// Tells cursors of one order from another's.
    fn tag(self) -> String {
        let k = match self.key {
            SortKey::Relevance => 'r',
            SortKey::Name => 'n',
            SortKey::Created => 'c',
            SortKey::Updated => 'u',
        };
        format!("{k}{}", if self.desc { 'd' } else { 'a' })
    }

    /// The column a non-relevance order sorts on.
    fn column(self) -> &'static str {
        match self.key {
            SortKey::Name => "c.name_norm",
            SortKey::Updated => "c.updated_at",
            SortKey::Created | SortKey::Relevance => "c.created_at",
        }
    }
}

/// The last row of a page: its sort value (the grade, for relevance) and number.
struct Cursor {
    value: String,
    num: i64,
}

fn encode_cursor(order: Order, value: &str, num: i64) -> String {
    format!(
        "{}.{num}.{}",
        order.tag(),
        URL_SAFE_NO_PAD.encode(value.as_bytes())
    )
}

fn decode_cursor(order: Order, s: &str) -> Result<Cursor> {
    let bad = || Error::invalid("after", Rule::BadFormat);
    let mut parts = s.trim().split('.');
    let (Some(tag), Some(num), Some(value), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if tag != order.tag() {
        return Err(bad());
    }
    let num = num.parse::<i64>().map_err(|_| bad())?;
    let value = URL_SAFE_NO_PAD
        .decode(value)
        .ok()
        .and_then(|v| String::from_utf8(v).ok())
        .ok_or_else(bad)?;
    Ok(Cursor { value, num })
}

/// SQL text with its positional arguments.
#[derive(Default, Clone)]
struct Sql {
    text: String,
    args: Vec<Value>,
}

impl Sql {
    /// Adds an argument; returns its placeholder.
    fn arg(&mut self, v: impl Into<Value>) -> String {
        self.args.push(v.into());
        format!("?{}", self.args.len())
    }
}

/// The conditions every row must meet, on `contacts c`: live, the filters, and the
/// owner restriction of a user who may read only their own contacts.
fn filters(
    conn: &Connection,
    q: &SearchQuery,
    owner_filter: Option<&str>,
    sql: &mut Sql,
) -> Result<Option<String>> {
    let mut conds = vec!["c.deleted_at IS NULL".to_string()];
    for owner in [
        owner_filter,
        q.owner_id.as_deref().filter(|o| !o.is_empty()),
    ]
    .into_iter()
    .flatten()
    {
        conds.push(format!("c.owner_id = {}", sql.arg(owner.to_string())));
    }
    if let Some(k) = q.kind {
        conds.push(format!("c.kind = {}", sql.arg(k.key().to_string())));
    }
    if let Some(s) = q.source {
        conds.push(format!("c.source = {}", sql.arg(s.key().to_string())));
    }
    if let Some(tag) = q.tag.as_deref().filter(|t| !t.trim().is_empty()) {
        let stored = tag_spellings(conn, tag)?;
        if stored.is_empty() {
            // No contact has this tag: nothing to list.
            return Ok(None);
        }
        let list = stored
            .into_iter()
            .map(|t| sql.arg(t))
            .collect::<Vec<_>>()
            .join(", ");
        conds.push(format!(
            "EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag IN ({list}))"
        ));
    }
    if let Some(from) = day(q.created_from.as_deref(), "created_from")? {
        conds.push(format!("c.created_at >= {}", sql.arg(from.to_string())));
    }
    if let Some(to) = day(q.created_to.as_deref(), "created_to")? {
        // Inclusive: everything before the start of the next day.
        let next = to
            .succ_opt()
            .ok_or_else(|| Error::invalid("created_to", Rule::OutOfRange))?;
        conds.push(format!("c.created_at < {}", sql.arg(next.to_string())));
    }
    Ok(Some(conds.join(" AND ")))
}

/// A `YYYY-MM-DD` day (None when not given).
fn day(value: Option<&str>, field: &'static str) -> Result<Option<NaiveDate>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::invalid(field, Rule::BadFormat)),
    }
}

/// The stored spellings of a tag: those whose normalised form is the tag's. Walks the
/// distinct tags through their index, one step per distinct tag.
fn tag_spellings(conn: &Connection, tag: &str) -> Result<Vec<String>> {
    let wanted = normalize(tag);
    let mut next =
        conn.prepare_cached("SELECT tag FROM contact_tags WHERE tag > ?1 ORDER BY tag LIMIT 1")?;
    let mut out = Vec::new();
    let mut last = String::new();
    while let Some(t) = next
        .query_row([&last], |r| r.get::<_, String>(0))
        .optional()?
    {
        if normalize(&t) == wanted {
            out.push(t.clone());
        }
        last = t;
    }
    Ok(out)
}

/// The columns of a `ContactSummary`, then the sort value, from `contacts c`.
fn projection(sort_value: &str) -> String {
    format!(
        "c.num, c.id, c.kind, c.name_ar, c.name_latin, c.company_name, c.city, c.owner_id,
         (SELECT raw FROM contact_phones p WHERE p.contact_id = c.id ORDER BY position LIMIT 1),
         c.source,
         (SELECT email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY position LIMIT 1),
         (SELECT json_group_array(t.tag ORDER BY t.tag) FROM contact_tags t WHERE t.contact_id = c.id),
         c.created_at, c.updated_at, {sort_value}"
    )
}

struct Row {
    summary: ContactSummary,
    num: i64,
    /// The sort value, as text (the grade, for relevance).
    key: String,
}

fn fetch(conn: &Connection, sql: &Sql) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&sql.text)?;
    let mut rows = stmt.query(params_from_iter(sql.args.iter()))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        let source: Option<String> = r.get(9)?;
        let tags: Option<String> = r.get(11)?;
        let key = match r.get_ref(14)? {
            rusqlite::types::ValueRef::Integer(i) => i.to_string(),
            v => v.as_str().unwrap_or_default().to_string(),
        };
        out.push(Row {
            summary: ContactSummary {
                id: r.get(1)?,
                kind: ContactKind::parse(&kind).unwrap_or(ContactKind::Lead),
                name_ar: r.get(3)?,
                name_latin: r.get(4)?,
                company_name: r.get(5)?,
                city: r.get(6)?,
                owner_id: r.get(7)?,
                phone: r.get(8)?,
                source: source.as_deref().and_then(Source::parse),
                email: r.get(10)?,
                tags: tags
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default(),
                created_at: r.get(12)?,
                updated_at: r.get(13)?,
            },
            num: r.get(0)?,
            key,
        });
    }
    Ok(out)
}

/// Below this many names starting with the first word, the names are read from the
/// name index rather than by scanning the word's matches for ones at the start.
const FEW_NAMES: i64 = 1000;

/// `owner_filter`: only contacts owned by this user (a read right of "own records").
pub(super) fn run(
    conn: &Connection,
    q: &SearchQuery,
    owner_filter: Option<&str>,
) -> Result<SearchPage> {
    let limit = q.limit.unwrap_or(50).clamp(1, 500) as usize;
    let mode = mode(&q.text);
    let order = Order::of(q, !matches!(mode, Mode::All));
    let after = q
        .after
        .as_deref()
        .filter(|a| !a.trim().is_empty())
        .map(|a| decode_cursor(order, a))
        .transpose()?;

    let mut base = Sql::default();
    let Some(conds) = filters(conn, q, owner_filter, &mut base)? else {
        return Ok(SearchPage {
            items: Vec::new(),
            next: None,
        });
    };
    // One row more than a page: its presence says there is a next page.
    let want = limit + 1;
    let rows = if order.key == SortKey::Relevance {
        by_relevance(conn, &mode, order.desc, after, &base, &conds, want)?
    } else {
        sorted(conn, &mode, order, after, &base, &conds, want)?
    };
    let more = rows.len() > limit;
    let next = if more {
        rows.get(limit - 1)
            .map(|r| encode_cursor(order, &r.key, r.num))
    } else {
        None
    };
    Ok(SearchPage {
        items: rows.into_iter().take(limit).map(|r| r.summary).collect(),
        next,
    })
}

/// Conditions on a contact number `num` for the digit terms typed beside words: each
/// must be part of a phone number or the start of a word.
fn digit_conds(digit_terms: &[String], num: &str, sql: &mut Sql) -> String {
    digit_terms
        .iter()
        .map(|d| {
            let phone = sql.arg(phrase(d));
            let word = sql.arg(prefix(d));
            format!(
                " AND ({num} IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH {phone})
                   OR {num} IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH {word}))"
            )
        })
        .collect()
}

/// Sorted by name, creation or last change: one query over the sort's index, the
/// text (if any) as a condition.
fn sorted(
    conn: &Connection,
    mode: &Mode,
    order: Order,
    after: Option<Cursor>,
    base: &Sql,
    conds: &str,
    want: usize,
) -> Result<Vec<Row>> {
    let mut sql = base.clone();
    let col = order.column();
    let mut where_ = conds.to_string();
    match mode {
        Mode::All => {}
        Mode::Words { words, digits } => {
            let all = words
                .iter()
                .map(|w| prefix(w))
                .collect::<Vec<_>>()
                .join(" ");
            let m = sql.arg(all);
            where_.push_str(&format!(
                " AND c.num IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH {m})"
            ));
            where_.push_str(&digit_conds(digits, "c.num", &mut sql));
        }
        Mode::Phone(d) => {
            let m = sql.arg(phrase(d));
            where_.push_str(&format!(
                " AND c.num IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH {m})"
            ));
        }
    }
    let (cmp, dir) = if order.desc {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some(a) = after {
        let v = sql.arg(a.value);
        let n = sql.arg(a.num);
        where_.push_str(&format!(" AND ({col}, c.num) {cmp} ({v}, {n})"));
    }
    let lim = sql.arg(want as i64);
    sql.text = format!(
        "SELECT {} FROM contacts c WHERE {where_} ORDER BY {col} {dir}, c.num {dir} LIMIT {lim}",
        projection(col)
    );
    fetch(conn, &sql)
}

/// One grade of a relevance order: where its rows come from, read in number order.
enum Grade {
    /// Rows of an FTS table matching an expression.
    Fts {
        table: &'static str,
        expr: String,
        /// More conditions on the row (SQL text using placeholders already bound).
        extra: String,
    },
    /// Contacts whose name starts with `prefix`, through the name index.
    NamePrefix { prefix: String, extra: String },
    /// Contacts with a phone equal to the digits typed, through the phone indexes.
    ExactPhone(String),
    /// Every contact.
    All,
}

/// Best match first (or last, `desc`), newest first within a grade.
fn by_relevance(
    conn: &Connection,
    mode: &Mode,
    desc: bool,
    after: Option<Cursor>,
    base: &Sql,
    conds: &str,
    want: usize,
) -> Result<Vec<Row>> {
    let mut sql = base.clone();
    let mut grades: Vec<(i64, Grade)> = Vec::new();
    match mode {
        Mode::All => grades.push((2, Grade::All)),
        Mode::Phone(d) => {
            grades.push((0, Grade::ExactPhone(d.clone())));
            let exact = exact_phone(d, "c.id", &mut sql);
            grades.push((
                2,
                Grade::Fts {
                    table: "contacts_phone_fts",
                    expr: phrase(d),
                    extra: format!(" AND NOT {exact}"),
                },
            ));
        }
        Mode::Words { words, digits } => {
            let extra = digit_conds(digits, "c.num", &mut sql);
            let all = words
                .iter()
                .map(|w| prefix(w))
                .collect::<Vec<_>>()
                .join(" ");
            let first = &words[0];
            let names = names_starting_with(conn, first)?;
            // A single word that is all letters and digits is one token: a name
            // starting with it certainly matches, so the name index alone can say.
            let one_token = words.len() == 1 && first.chars().all(char::is_alphanumeric);
            if names > 0 && names < FEW_NAMES && one_token {
                grades.push((
                    1,
                    Grade::NamePrefix {
                        prefix: first.clone(),
                        extra: extra.clone(),
                    },
                ));
            } else if names > 0 {
                let rest = words[1..].iter().map(|w| prefix(w)).collect::<Vec<_>>();
                grades.push((
                    1,
                    Grade::Fts {
                        table: "contacts_fts",
                        expr: format!("^{} {}", prefix(first), rest.join(" "))
                            .trim()
                            .to_string(),
                        extra: extra.clone(),
                    },
                ));
            }
            let expr = if names > 0 {
                format!("({all}) NOT ^{}", prefix(first))
            } else {
                all
            };
            grades.push((
                2,
                Grade::Fts {
                    table: "contacts_fts",
                    expr,
                    extra,
                },
            ));
        }
    }
    if desc {
        grades.reverse();
    }
    let after_grade = match &after {
        Some(a) => Some(
            a.value
                .parse::<i64>()
                .map_err(|_| Error::invalid("after", Rule::BadFormat))?,
        ),
        None => None,
    };
    let mut out: Vec<Row> = Vec::new();
    for (grade, source) in &grades {
        if out.len() >= want {
            break;
        }
        // Grades before the cursor's are done; the cursor's own goes on after its row.
        let from_num = match (after_grade, &after) {
            (Some(g), Some(a)) if g == *grade => Some(a.num),
            (Some(g), _) if (desc && *grade > g) || (!desc && *grade < g) => continue,
            _ => None,
        };
        let rows = grade_rows(
            conn,
            &sql,
            conds,
            *grade,
            source,
            desc,
            from_num,
            want - out.len(),
        )?;
        out.extend(rows);
    }
    Ok(out)
}

/// How many live contacts have a name starting with `first` (counted up to FEW_NAMES).
fn names_starting_with(conn: &Connection, first: &str) -> Result<i64> {
    let (lo, hi) = name_range(first);
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT 1 FROM contacts c
             WHERE c.name_norm >= ?1 AND c.name_norm < ?2 AND c.deleted_at IS NULL LIMIT ?3)",
        )?
        .query_row(rusqlite::params![lo, hi, FEW_NAMES], |r| r.get(0))?)
}

/// The names that start with `prefix` are those in `lo <= name < hi`.
fn name_range(prefix: &str) -> (String, String) {
    (prefix.to_string(), format!("{prefix}\u{10FFFF}"))
}

/// "Contact `id` has a phone equal to the digits `d`": as national number, with the
/// trunk 0, or international without the "+".
fn exact_phone(d: &str, id: &str, sql: &mut Sql) -> String {
    let national = sql.arg(d.to_string());
    let trunk = sql.arg(d.strip_prefix('0').unwrap_or(d).to_string());
    let e164 = sql.arg(format!("+{d}"));
    format!(
        "EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = {id}
           AND (p.national IN ({national}, {trunk}) OR p.e164 = {e164}))"
    )
}

#[allow(clippy::too_many_arguments)]
fn grade_rows(
    conn: &Connection,
    base: &Sql,
    conds: &str,
    grade: i64,
    source: &Grade,
    desc: bool,
    from_num: Option<i64>,
    want: usize,
) -> Result<Vec<Row>> {
    let mut sql = base.clone();
    // Relevance reads newest first; reversed, oldest first.
    let (cmp, dir) = if desc { (">", "ASC") } else { ("<", "DESC") };
    let proj = projection(&grade.to_string());
    let text = match source {
        Grade::Fts { table, expr, extra } => {
            let m = sql.arg(expr.clone());
            let keyset = from_num
                .map(|n| format!(" AND {table}.rowid {cmp} {}", sql.arg(n)))
                .unwrap_or_default();
            let lim = sql.arg(want as i64);
            // The FTS table drives, in rowid order, so the LIMIT stops the scan.
            format!(
                "SELECT {proj} FROM {table} CROSS JOIN contacts c ON c.num = {table}.rowid
                 WHERE {table} MATCH {m}{keyset} AND {conds}{extra}
                 ORDER BY {table}.rowid {dir} LIMIT {lim}"
            )
        }
        Grade::NamePrefix { prefix, extra } => {
            let (lo, hi) = name_range(prefix);
            let (lo, hi) = (sql.arg(lo), sql.arg(hi));
            let keyset = from_num
                .map(|n| format!(" AND c.num {cmp} {}", sql.arg(n)))
                .unwrap_or_default();
            let lim = sql.arg(want as i64);
            format!(
                "SELECT {proj} FROM contacts c INDEXED BY contacts_list_name
                 WHERE c.name_norm >= {lo} AND c.name_norm < {hi}{keyset} AND {conds}{extra}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
        Grade::ExactPhone(d) => {
            let national = sql.arg(d.to_string());
            let trunk = sql.arg(d.strip_prefix('0').unwrap_or(d).to_string());
            let e164 = sql.arg(format!("+{d}"));
            let keyset = from_num
                .map(|n| format!(" AND c.num {cmp} {}", sql.arg(n)))
                .unwrap_or_default();
            let lim = sql.arg(want as i64);
            format!(
                "SELECT {proj} FROM contacts c
                 WHERE c.id IN (SELECT contact_id FROM contact_phones
                                WHERE national IN ({national}, {trunk}) OR e164 = {e164}){keyset}
                   AND {conds}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
        Grade::All => {
            let keyset = from_num
                .map(|n| format!(" AND c.num {cmp} {}", sql.arg(n)))
                .unwrap_or_default();
            let lim = sql.arg(want as i64);
            format!(
                "SELECT {proj} FROM contacts c WHERE {conds}{keyset} ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
    };
    sql.text = text;
    fetch(conn, &sql)
}
