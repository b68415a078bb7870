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
        /// The whole text, normalised: a name equal to it ranks first.
        full: String,
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
        full: normalize(text),
    }
}

fn phrase(t: &str) -> String {
    format!("\"{}\"", t.replace('"', "\"\""))
}

fn prefix(t: &str) -> String {
    format!("{}*", phrase(t))
}

/// "Some word starts with `w`", as an FTS expression. A word of one letter has no prefix
/// index (only two and three letters do): SQLite would first merge the lists of every
/// word starting with it, half the index for a common letter. It is asked instead as
/// that letter alone or any of its two-letter starts, each read from the index as
/// needed. (Second letters outside the Latin and Arabic alphabets and digits are not
/// looked for.) `anchored`: the word must be the first of the contact's text.
fn word_expr(w: &str, anchored: bool) -> String {
    let caret = if anchored { "^" } else { "" };
    let mut chars = w.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return format!("{caret}{}", prefix(w));
    };
    let Some(seconds) = second_letters(c) else {
        return format!("{caret}{}", prefix(w));
    };
    let mut alts = vec![format!("{caret}{}", phrase(w))];
    alts.extend(
        seconds
            .iter()
            .map(|s| format!("{caret}{}", prefix(&format!("{c}{s}")))),
    );
    format!("({})", alts.join(" OR "))
}

/// Every word must be matched: the words' expressions joined with AND.
fn words_expr(words: &[String]) -> String {
    words
        .iter()
        .map(|w| word_expr(w, false))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The characters that can follow `c` in an indexed word, when `c` is a Latin letter or
/// digit or an Arabic letter: ASCII letters and digits, or the Arabic letters left by
/// normalisation and digits.
fn second_letters(c: char) -> Option<&'static [char]> {
    use std::sync::OnceLock;
    static LATIN: OnceLock<Vec<char>> = OnceLock::new();
    static ARABIC: OnceLock<Vec<char>> = OnceLock::new();
    if c.is_ascii_alphanumeric() {
        return Some(LATIN.get_or_init(|| ('a'..='z').chain('0'..='9').collect()));
    }
    if ('\u{0620}'..='\u{06FF}').contains(&c) && c.is_alphanumeric() {
        return Some(ARABIC.get_or_init(|| {
            ('\u{0620}'..='\u{06FF}')
                .filter(|&a| a.is_alphanumeric() && normalize(&a.to_string()) == a.to_string())
                .chain('0'..='9')
                .collect()
        }));
    }
    None
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

/// The columns of a `ContactSummary`, from `contacts c`.
const PROJECTION: &str =
    "c.id, c.kind, c.name_ar, c.name_latin, c.company_name, c.city, c.owner_id,
     (SELECT raw FROM contact_phones p WHERE p.contact_id = c.id ORDER BY position LIMIT 1),
     c.source,
     (SELECT email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY position LIMIT 1),
     (SELECT json_group_array(t.tag ORDER BY t.tag) FROM contact_tags t WHERE t.contact_id = c.id),
     c.created_at, c.updated_at";

/// A row of a page before it is read in full: its number and sort value (the grade,
/// for relevance).
struct Key {
    num: i64,
    key: String,
}

/// Runs a query giving rows as `n` (number) and `k` (sort value), in order.
fn keys(conn: &Connection, sql: &Sql) -> Result<Vec<Key>> {
    let mut stmt = conn.prepare_cached(&sql.text)?;
    let mut rows = stmt.query(params_from_iter(sql.args.iter()))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let key = match r.get_ref(1)? {
            rusqlite::types::ValueRef::Integer(i) => i.to_string(),
            v => v.as_str().unwrap_or_default().to_string(),
        };
        out.push(Key {
            num: r.get(0)?,
            key,
        });
    }
    Ok(out)
}

/// The whole rows of a page, in its order: the first phone, email and tags are looked
/// up for the rows shown only, not for every row compared on the way.
fn load(conn: &Connection, page: &[Key]) -> Result<Vec<ContactSummary>> {
    if page.is_empty() {
        return Ok(Vec::new());
    }
    let nums: Vec<i64> = page.iter().map(|k| k.num).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROJECTION} FROM json_each(?1) r CROSS JOIN contacts c ON c.num = r.value
         ORDER BY r.key"
    ))?;
    let rows = stmt.query_map([json_nums(&nums)], |r| {
        let kind: String = r.get(1)?;
        let source: Option<String> = r.get(8)?;
        let tags: Option<String> = r.get(10)?;
        Ok(ContactSummary {
            id: r.get(0)?,
            kind: ContactKind::parse(&kind).unwrap_or(ContactKind::Lead),
            name_ar: r.get(2)?,
            name_latin: r.get(3)?,
            company_name: r.get(4)?,
            city: r.get(5)?,
            owner_id: r.get(6)?,
            phone: r.get(7)?,
            source: source.as_deref().and_then(Source::parse),
            email: r.get(9)?,
            tags: tags
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default(),
            created_at: r.get(11)?,
            updated_at: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Below this many names starting with the first word, the names are read from the
/// name index rather than by scanning the word's matches for ones at the start.
const FEW_NAMES: i64 = 1000;

/// Text matching fewer contacts than this is ranked in one query over all of them.
/// With more, a first page ranks this many newest matches and reads older ones grade
/// by grade only if they are needed; later pages read each grade in number order from
/// the cursor on.
const FEW_MATCHES: usize = 300;

/// A digit term matching more contacts than this is checked row by row in SQL instead
/// of as a list of numbers.
const DIGIT_LIST_MAX: usize = 20_000;

/// Phone digits are looked up in the trigram index by their last this many digits and
/// then checked whole: a long number's every trigram list is long, and reading them all
/// costs more than checking the few contacts that end the same way.
const PHONE_WINDOW: usize = 7;

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
    let mut page = if order.key == SortKey::Relevance {
        by_relevance(conn, &mode, order.desc, after, &base, &conds, want)?
    } else {
        sorted(conn, &mode, order, after, &base, &conds, want)?
    };
    let next = if page.len() > limit {
        page.truncate(limit);
        page.last().map(|k| encode_cursor(order, &k.key, k.num))
    } else {
        None
    };
    Ok(SearchPage {
        items: load(conn, &page)?,
        next,
    })
}

/// Up to `cap` numbers of the contacts whose `table` entry matches `expr`, newest first.
fn fts_nums(conn: &Connection, table: &str, expr: &str, cap: usize) -> Result<Vec<i64>> {
    fts_nums_in(conn, table, expr, cap, "DESC")
}

fn fts_nums_in(
    conn: &Connection,
    table: &str,
    expr: &str,
    cap: usize,
    dir: &str,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid {dir} LIMIT ?2"
    ))?;
    let nums = stmt
        .query_map(
            rusqlite::params![expr, i64::try_from(cap).unwrap_or(i64::MAX)],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(nums)
}

/// Words beside digits held by few contacts: up to this many of the words' matches
/// are read to cross them with those contacts.
const WORDS_TO_CROSS: usize = 300_000;

/// As `fts_nums` for phone digits. Seven digits usually match a handful of contacts,
/// but their trigram lists can be long (a trigram of the country code is in nearly
/// every number), and FTS5 reads long lists faster forwards: the few matches are read
/// oldest first and turned round; only when there are `cap` or more is the newest end
/// read again.
fn phone_fts_nums(conn: &Connection, d: &str, cap: usize) -> Result<Vec<i64>> {
    let expr = phone_fts(d);
    let mut nums = fts_nums_in(conn, "contacts_phone_fts", &expr, cap, "ASC")?;
    if nums.len() >= cap {
        return fts_nums(conn, "contacts_phone_fts", &expr, cap);
    }
    nums.reverse();
    Ok(nums)
}

/// A list of numbers as a JSON array, for `json_each`.
fn json_nums(nums: &[i64]) -> String {
    let mut s = String::with_capacity(nums.len() * 8 + 2);
    s.push('[');
    for (i, n) in nums.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&n.to_string());
    }
    s.push(']');
    s
}

/// The trigram-index query for phone digits `d` (its last PHONE_WINDOW digits).
fn phone_fts(d: &str) -> String {
    phrase(&d[d.len().saturating_sub(PHONE_WINDOW)..])
}

/// " AND contact `id` has a phone holding the digits `d`" when `phone_fts` looked up
/// only part of them; empty otherwise.
fn phone_holds(d: &str, id: &str, sql: &mut Sql) -> String {
    if d.len() <= PHONE_WINDOW {
        return String::new();
    }
    let d = sql.arg(d.to_string());
    format!(
        " AND EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = {id}
           AND (instr(p.national, {d}) OR instr('0' || p.national, {d}) OR instr(substr(p.e164, 2), {d})))"
    )
}

/// The numbers of the contacts with a phone holding the digits `d` (at most `cap`
/// looked up), newest first.
fn phone_nums(conn: &Connection, d: &str, cap: usize) -> Result<Vec<i64>> {
    let nums = phone_fts_nums(conn, d, cap)?;
    if d.len() <= PHONE_WINDOW || nums.is_empty() {
        return Ok(nums);
    }
    let mut sql = Sql::default();
    let list = sql.arg(json_nums(&nums));
    let holds = phone_holds(d, "c.id", &mut sql);
    sql.text = format!(
        "SELECT c.num, 0 FROM contacts c WHERE c.num IN (SELECT value FROM json_each({list})){holds}
         ORDER BY c.num DESC"
    );
    Ok(keys(conn, &sql)?.into_iter().map(|k| k.num).collect())
}

/// The digit terms typed beside words: each must be part of a phone number or the
/// start of a word.
enum Digits {
    /// No digit terms.
    None,
    /// The numbers of the contacts that meet them all (newest first).
    List(Vec<i64>),
    /// Too many contacts to list: checked row by row.
    Each(Vec<String>),
}

fn digit_matches(conn: &Connection, terms: &[String]) -> Result<Digits> {
    if terms.is_empty() {
        return Ok(Digits::None);
    }
    let mut all: Option<Vec<i64>> = None;
    for d in terms {
        let mut nums = phone_nums(conn, d, DIGIT_LIST_MAX)?;
        let words = fts_nums_in(conn, "contacts_fts", &prefix(d), DIGIT_LIST_MAX, "ASC")?;
        if nums.len() >= DIGIT_LIST_MAX || words.len() >= DIGIT_LIST_MAX {
            return Ok(Digits::Each(terms.to_vec()));
        }
        nums.extend(words);
        nums.sort_unstable_by(|a, b| b.cmp(a));
        nums.dedup();
        all = Some(match all {
            None => nums,
            Some(before) => intersect(&before, &nums),
        });
    }
    Ok(Digits::List(all.unwrap_or_default()))
}

/// Numbers in both lists, in the order of the first.
fn intersect(a: &[i64], b: &[i64]) -> Vec<i64> {
    let set: std::collections::HashSet<i64> = b.iter().copied().collect();
    a.iter().copied().filter(|n| set.contains(n)).collect()
}

/// Conditions on a contact number `num` (an SQL expression) for the digit terms.
fn digit_filter(digits: &Digits, num: &str, sql: &mut Sql) -> String {
    match digits {
        Digits::None => String::new(),
        Digits::List(nums) => {
            let list = sql.arg(json_nums(nums));
            // "+" keeps SQLite from handing the list to an FTS table one number at a
            // time (each would run the whole text query again).
            format!(" AND +{num} IN (SELECT value FROM json_each({list}))")
        }
        Digits::Each(terms) => digit_conds(terms, num, sql),
    }
}

/// Conditions on a contact number `num` for digit terms, checked row by row: each must
/// be part of a phone number or the start of a word.
fn digit_conds(digit_terms: &[String], num: &str, sql: &mut Sql) -> String {
    digit_terms
        .iter()
        .map(|d| {
            let phone = sql.arg(phone_fts(d));
            let word = sql.arg(prefix(d));
            let holds = phone_holds(d, &format!("(SELECT id FROM contacts WHERE num = {num})"), sql);
            format!(
                " AND (({num} IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH {phone}){holds})
                   OR {num} IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH {word}))"
            )
        })
        .collect()
}

/// Below this many matches, text sorted by a column is sorted in one query; with more,
/// the column's index is read in order and each row is looked up among the matches.
const FEW_TO_SORT: usize = 2_000;

/// Sorted by name, creation or last change, through the sort's index.
fn sorted(
    conn: &Connection,
    mode: &Mode,
    order: Order,
    after: Option<Cursor>,
    base: &Sql,
    conds: &str,
    want: usize,
) -> Result<Vec<Key>> {
    let mut sql = base.clone();
    let col = order.column();
    let mut where_ = conds.to_string();
    // The contacts matching the text, all of them (None: no text).
    let matching: Option<Vec<i64>> = match mode {
        Mode::All => None,
        Mode::Words { words, digits, .. } => {
            let mut found =
                fts_nums_in(conn, "contacts_fts", &words_expr(words), usize::MAX, "ASC")?;
            // All of them are read, so forwards: FTS5 reads a list backwards by
            // rebuilding an array per page, and a word with no prefix index (one of
            // four letters or more) is merged into a single page as long as the list.
            found.reverse();
            Some(match digit_matches(conn, digits)? {
                Digits::None => found,
                Digits::List(list) => intersect(&found, &list),
                Digits::Each(terms) => {
                    where_.push_str(&digit_conds(&terms, "c.num", &mut sql));
                    found
                }
            })
        }
        Mode::Phone(d) => Some(phone_nums(conn, d, usize::MAX)?),
    };
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
    let scan = |sql: &mut Sql, where_: &str, limit: String| {
        sql.text = format!(
            "SELECT c.num, {col} FROM contacts c WHERE {where_}
             ORDER BY {col} {dir}, c.num {dir}{limit}"
        );
    };
    match matching {
        None => {
            let lim = sql.arg(want as i64);
            scan(&mut sql, &where_, format!(" LIMIT {lim}"));
            keys(conn, &sql)
        }
        Some(nums) if nums.len() < FEW_TO_SORT => {
            if nums.is_empty() {
                return Ok(Vec::new());
            }
            let list = sql.arg(json_nums(&nums));
            let lim = sql.arg(want as i64);
            let where_ = format!("c.num IN (SELECT value FROM json_each({list})) AND {where_}");
            scan(&mut sql, &where_, format!(" LIMIT {lim}"));
            keys(conn, &sql)
        }
        Some(nums) => {
            // Many matches: the index order, keeping the rows that match, until the
            // page is full (matches are common, so that is soon).
            scan(&mut sql, &where_, String::new());
            let mut stmt = conn.prepare_cached(&sql.text)?;
            let mut rows = stmt.query(params_from_iter(sql.args.iter()))?;
            let mut out = Vec::new();
            while out.len() < want {
                let Some(r) = rows.next()? else { break };
                let num: i64 = r.get(0)?;
                // `nums` is newest first: sorted, descending.
                if nums.binary_search_by(|n| num.cmp(n)).is_ok() {
                    out.push(Key {
                        num,
                        key: r.get(1)?,
                    });
                }
            }
            Ok(out)
        }
    }
}

/// One grade of a relevance order, read in number order from its own index.
enum Grade {
    /// Rows of an FTS table matching an expression, with more conditions on the row
    /// (SQL text using placeholders already bound).
    Fts {
        table: &'static str,
        expr: String,
        extra: String,
    },
    /// Contacts whose name starts with `prefix`, through the name index.
    NamePrefix { prefix: String, extra: String },
    /// Contacts whose name is exactly `name`, through the name index.
    ExactName { name: String, extra: String },
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
) -> Result<Vec<Key>> {
    let after_grade = match &after {
        Some(a) => Some(
            a.value
                .parse::<i64>()
                .map_err(|_| Error::invalid("after", Rule::BadFormat))?,
        ),
        None => None,
    };
    let at = Position {
        desc,
        grade: after_grade,
        num: after.as_ref().map(|a| a.num),
    };
    let mut sql = base.clone();
    match mode {
        Mode::All => graded(conn, &[(2, Grade::All)], &sql, conds, at, want),
        Mode::Phone(d) => {
            let holds = phone_holds(d, "c.id", &mut sql);
            let exact = exact_phone(d, "c.id", &mut sql);
            let found = phone_fts_nums(conn, d, FEW_MATCHES)?;
            if found.len() < FEW_MATCHES {
                let grade = format!("CASE WHEN {exact} THEN 0 ELSE 2 END");
                return ranked(conn, &mut sql, conds, &found, &grade, &holds, at, want);
            }
            let grades = [
                (0, Grade::ExactPhone(d.clone())),
                (
                    2,
                    Grade::Fts {
                        table: "contacts_phone_fts",
                        expr: phone_fts(d),
                        extra: format!("{holds} AND NOT {exact}"),
                    },
                ),
            ];
            graded(conn, &grades, &sql, conds, at, want)
        }
        Mode::Words {
            words,
            digits,
            full,
        } => {
            let digits = digit_matches(conn, digits)?;
            if matches!(&digits, Digits::List(l) if l.is_empty()) {
                return Ok(Vec::new());
            }
            let all = words_expr(words);
            let first = &words[0];
            // Words of letters and digits only are single tokens, so a name made of
            // them certainly matches them, and "the name starts with the first word"
            // is "the first token starts with it", which the word index answers.
            let tokens = |t: &str| t.split(' ').all(|w| w.chars().all(char::is_alphanumeric));
            let exact_name = tokens(full).then_some(full.as_str());
            let one_token = tokens(first);
            let starts = name_starts(first, &mut sql);
            let not_exact = match exact_name {
                Some(n) => format!(" AND c.name_norm <> {}", sql.arg(n.to_string())),
                None => String::new(),
            };
            let grade = match exact_name {
                Some(n) => format!(
                    "CASE WHEN c.name_norm = {} THEN 0 WHEN {starts} THEN 1 ELSE 2 END",
                    sql.arg(n.to_string())
                ),
                None => format!("CASE WHEN {starts} THEN 1 ELSE 2 END"),
            };
            // One word, the start of many names: the first page is those names (the
            // newest of them) and needs no text index at all.
            if words.len() == 1
                && one_token
                && matches!(digits, Digits::None)
                && after.is_none()
                && !desc
            {
                if let Some(page) =
                    names_first(conn, &sql, conds, exact_name, first, &not_exact, want)?
                {
                    return Ok(page);
                }
            }
            // Few contacts hold the digits: check the words of each of them. Cheap
            // when the words are read from the prefix indexes (two or three letters);
            // longer ones make SQLite merge their words' lists at every check.
            // Longer words: all their matches are read once, forwards, and crossed
            // with the contacts holding the digits.
            if let Digits::List(list) = &digits {
                let short = words.iter().all(|w| (2..=3).contains(&w.chars().count()));
                if list.len() <= 500 && short {
                    let m = sql.arg(all.clone());
                    let matches = format!(
                        " AND EXISTS (SELECT 1 FROM contacts_fts
                                      WHERE contacts_fts MATCH {m} AND rowid = c.num)"
                    );
                    return ranked(conn, &mut sql, conds, list, &grade, &matches, at, want);
                }
                if list.len() <= 500 {
                    let worded = fts_nums_in(conn, "contacts_fts", &all, WORDS_TO_CROSS, "ASC")?;
                    if worded.len() < WORDS_TO_CROSS {
                        let both = intersect(list, &worded);
                        return ranked(conn, &mut sql, conds, &both, &grade, "", at, want);
                    }
                }
            }
            let found = fts_nums(conn, "contacts_fts", &all, FEW_MATCHES)?;
            let row_digits = match &digits {
                Digits::Each(terms) => digit_conds(terms, "c.num", &mut sql),
                _ => String::new(),
            };
            let listed = |nums: &[i64]| match &digits {
                Digits::List(l) => intersect(nums, l),
                _ => nums.to_vec(),
            };
            if found.len() < FEW_MATCHES {
                return ranked(
                    conn,
                    &mut sql,
                    conds,
                    &listed(&found),
                    &grade,
                    &row_digits,
                    at,
                    want,
                );
            }

            // Many matches: each grade from its own index, in number order.
            let names = names_starting_with(conn, first, FEW_NAMES)?;
            let fts_extra = digit_filter(&digits, "contacts_fts.rowid", &mut sql) + &not_exact;
            let row_extra = digit_filter(&digits, "c.num", &mut sql) + &not_exact;
            let mut grades = Vec::new();
            if let Some(n) = exact_name {
                grades.push((
                    0,
                    Grade::ExactName {
                        name: n.to_string(),
                        extra: digit_filter(&digits, "c.num", &mut sql),
                    },
                ));
            }
            if names > 0 {
                let source = if names < FEW_NAMES && one_token && words.len() == 1 {
                    Grade::NamePrefix {
                        prefix: first.clone(),
                        extra: row_extra.clone(),
                    }
                } else if one_token {
                    let mut expr = word_expr(first, true);
                    if words.len() > 1 {
                        expr = format!("{expr} AND {}", words_expr(&words[1..]));
                    }
                    Grade::Fts {
                        table: "contacts_fts",
                        expr,
                        extra: fts_extra.clone(),
                    }
                } else {
                    Grade::Fts {
                        table: "contacts_fts",
                        expr: all.clone(),
                        extra: format!("{fts_extra} AND {starts}"),
                    }
                };
                grades.push((1, source));
            }
            let rest = if names == 0 {
                Grade::Fts {
                    table: "contacts_fts",
                    expr: all,
                    extra: fts_extra,
                }
            } else if one_token {
                Grade::Fts {
                    table: "contacts_fts",
                    expr: format!("({all}) NOT {}", word_expr(first, true)),
                    extra: fts_extra,
                }
            } else {
                Grade::Fts {
                    table: "contacts_fts",
                    expr: all,
                    extra: format!("{fts_extra} AND NOT {starts}"),
                }
            };
            grades.push((2, rest));
            if after.is_none() && !desc {
                // The first page: the newest matches are at hand; rank them, and read
                // older ones of a grade only if the page needs them.
                let newest = ranked(
                    conn,
                    &mut sql.clone(),
                    conds,
                    &listed(&found),
                    &grade,
                    &row_digits,
                    at,
                    found.len(),
                )?;
                let oldest = found.last().copied().unwrap_or(0);
                return first_page(conn, &grades, &sql, conds, newest, oldest, want);
            }
            graded(conn, &grades, &sql, conds, at, want)
        }
    }
}

/// The newest contacts are scanned this far back for names starting with a word.
const NAME_SCAN: i64 = 20_000;

/// The first page of a one-word search when enough of the newest contacts have a name
/// starting with the word (None otherwise): the names equal to it, then those starting
/// with it, newest first. A name starting with a word of letters and digits contains
/// it, so these rows match without asking the text index; and the text index, for a
/// word of one letter (no prefix index) or of four and more (merged from every word
/// starting so), would cost far more.
fn names_first(
    conn: &Connection,
    base: &Sql,
    conds: &str,
    exact_name: Option<&str>,
    first: &str,
    not_exact: &str,
    want: usize,
) -> Result<Option<Vec<Key>>> {
    // Worth it only if the names starting with the word are common enough that the
    // newest NAME_SCAN contacts should hold a page of them.
    let newest: i64 = conn
        .prepare_cached("SELECT coalesce(max(num), 0) FROM contacts")?
        .query_row([], |r| r.get(0))?;
    let needed = ((want as i64 * newest + NAME_SCAN - 1) / NAME_SCAN).max(want as i64);
    if names_starting_with(conn, first, needed)? < needed {
        return Ok(None);
    }
    let mut out = Vec::new();
    if let Some(name) = exact_name {
        let at = Position {
            desc: false,
            grade: None,
            num: None,
        };
        let source = Grade::ExactName {
            name: name.to_string(),
            extra: String::new(),
        };
        out = grade_rows(conn, base, conds, 0, &source, at, want)?;
    }
    let mut sql = base.clone();
    let starts = name_starts(first, &mut sql);
    let from = sql.arg(newest - NAME_SCAN);
    let lim = sql.arg((want - out.len()) as i64);
    sql.text = format!(
        "SELECT c.num, 1 FROM contacts c
         WHERE c.num > {from} AND {starts}{not_exact} AND {conds}
         ORDER BY c.num DESC LIMIT {lim}"
    );
    out.extend(keys(conn, &sql)?);
    Ok((out.len() >= want).then_some(out))
}

/// The first page of a best-first order, from the ranked `newest` matches (every
/// match numbered `oldest` or more) and the grades' own indexes for older ones.
fn first_page(
    conn: &Connection,
    grades: &[(i64, Grade)],
    sql: &Sql,
    conds: &str,
    newest: Vec<Key>,
    oldest: i64,
    want: usize,
) -> Result<Vec<Key>> {
    let mut out: Vec<Key> = Vec::new();
    let mut newest = newest.into_iter().peekable();
    for (grade, source) in grades {
        if out.len() >= want {
            break;
        }
        let g = grade.to_string();
        if matches!(source, Grade::ExactName { .. }) {
            // Few, and found through the index whatever their age.
            while newest.next_if(|k| k.key == g).is_some() {}
            let at = Position {
                desc: false,
                grade: None,
                num: None,
            };
            out.extend(grade_rows(
                conn,
                sql,
                conds,
                *grade,
                source,
                at,
                want - out.len(),
            )?);
            continue;
        }
        while out.len() < want {
            match newest.next_if(|k| k.key == g) {
                Some(k) => out.push(k),
                None => break,
            }
        }
        while newest.next_if(|k| k.key == g).is_some() {}
        if out.len() < want {
            let at = Position {
                desc: false,
                grade: Some(*grade),
                num: Some(oldest),
            };
            out.extend(grade_rows(
                conn,
                sql,
                conds,
                *grade,
                source,
                at,
                want - out.len(),
            )?);
        }
    }
    Ok(out)
}

/// Where a relevance page starts: after the cursor's grade and number, if any.
#[derive(Clone, Copy)]
struct Position {
    desc: bool,
    grade: Option<i64>,
    num: Option<i64>,
}

/// "The name starts with `first`" (SQL on `contacts c`).
fn name_starts(first: &str, sql: &mut Sql) -> String {
    let f = sql.arg(first.to_string());
    format!("substr(c.name_norm, 1, length({f})) = {f}")
}

/// Ranks the few contacts `nums` in one query: by `grade` (SQL on `contacts c`), then
/// newest first.
#[allow(clippy::too_many_arguments)]
fn ranked(
    conn: &Connection,
    sql: &mut Sql,
    conds: &str,
    nums: &[i64],
    grade: &str,
    extra: &str,
    at: Position,
    want: usize,
) -> Result<Vec<Key>> {
    if nums.is_empty() {
        return Ok(Vec::new());
    }
    let list = sql.arg(json_nums(nums));
    let (gdir, ndir, gcmp, ncmp) = if at.desc {
        ("DESC", "ASC", "<", ">")
    } else {
        ("ASC", "DESC", ">", "<")
    };
    let keyset = match (at.grade, at.num) {
        (Some(g), Some(n)) => {
            let g = sql.arg(g);
            let n = sql.arg(n);
            format!(" WHERE k {gcmp} {g} OR (k = {g} AND n {ncmp} {n})")
        }
        _ => String::new(),
    };
    let lim = sql.arg(want as i64);
    sql.text = format!(
        "SELECT n, k FROM (
            SELECT c.num AS n, {grade} AS k FROM contacts c
            WHERE c.num IN (SELECT value FROM json_each({list})) AND {conds}{extra}
         ){keyset}
         ORDER BY k {gdir}, n {ndir} LIMIT {lim}"
    );
    keys(conn, sql)
}

/// Reads the grades in turn from the cursor on until the page is full.
fn graded(
    conn: &Connection,
    grades: &[(i64, Grade)],
    sql: &Sql,
    conds: &str,
    at: Position,
    want: usize,
) -> Result<Vec<Key>> {
    let mut order: Vec<&(i64, Grade)> = grades.iter().collect();
    if at.desc {
        order.reverse();
    }
    let mut out: Vec<Key> = Vec::new();
    for (grade, source) in order {
        if out.len() >= want {
            break;
        }
        // Grades before the cursor's are done; the cursor's own goes on after its row.
        let from = match at.grade {
            Some(g) if g == *grade => at,
            Some(g) if (at.desc && *grade > g) || (!at.desc && *grade < g) => continue,
            _ => Position {
                grade: None,
                num: None,
                ..at
            },
        };
        out.extend(grade_rows(
            conn,
            sql,
            conds,
            *grade,
            source,
            from,
            want - out.len(),
        )?);
    }
    Ok(out)
}

/// How many live contacts have a name starting with `first` (counted up to `cap`).
fn names_starting_with(conn: &Connection, first: &str, cap: i64) -> Result<i64> {
    let (lo, hi) = name_range(first);
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT 1 FROM contacts c
             WHERE c.name_norm >= ?1 AND c.name_norm < ?2 AND c.deleted_at IS NULL LIMIT ?3)",
        )?
        .query_row(rusqlite::params![lo, hi, cap], |r| r.get(0))?)
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

/// One grade's rows, in number order, after `at.num` (when given).
fn grade_rows(
    conn: &Connection,
    base: &Sql,
    conds: &str,
    grade: i64,
    source: &Grade,
    at: Position,
    want: usize,
) -> Result<Vec<Key>> {
    let mut sql = base.clone();
    // Relevance reads newest first; reversed, oldest first.
    let (cmp, dir) = if at.desc { (">", "ASC") } else { ("<", "DESC") };
    let keyset = |col: &str, sql: &mut Sql| {
        at.num
            .map(|n| format!(" AND {col} {cmp} {}", sql.arg(n)))
            .unwrap_or_default()
    };
    let text = match source {
        Grade::Fts { table, expr, extra } => {
            let m = sql.arg(expr.clone());
            let keyset = keyset(&format!("{table}.rowid"), &mut sql);
            let lim = sql.arg(want as i64);
            // The FTS table drives, in rowid order, so the LIMIT stops the scan.
            format!(
                "SELECT {table}.rowid, {grade}
                 FROM {table} CROSS JOIN contacts c ON c.num = {table}.rowid
                 WHERE {table} MATCH {m}{keyset}{extra} AND {conds}
                 ORDER BY {table}.rowid {dir} LIMIT {lim}"
            )
        }
        Grade::NamePrefix { prefix, extra } => {
            let (lo, hi) = name_range(prefix);
            let (lo, hi) = (sql.arg(lo), sql.arg(hi));
            let keyset = keyset("c.num", &mut sql);
            let lim = sql.arg(want as i64);
            format!(
                "SELECT c.num, {grade} FROM contacts c INDEXED BY contacts_list_name
                 WHERE c.name_norm >= {lo} AND c.name_norm < {hi}{keyset} AND {conds}{extra}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
        Grade::ExactName { name, extra } => {
            let name = sql.arg(name.clone());
            let keyset = keyset("c.num", &mut sql);
            let lim = sql.arg(want as i64);
            format!(
                "SELECT c.num, {grade} FROM contacts c INDEXED BY contacts_list_name
                 WHERE c.name_norm = {name}{keyset} AND {conds}{extra}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
        Grade::ExactPhone(d) => {
            let national = sql.arg(d.to_string());
            let trunk = sql.arg(d.strip_prefix('0').unwrap_or(d).to_string());
            let e164 = sql.arg(format!("+{d}"));
            let keyset = keyset("c.num", &mut sql);
            let lim = sql.arg(want as i64);
            format!(
                "SELECT c.num, {grade} FROM contacts c
                 WHERE c.id IN (SELECT contact_id FROM contact_phones
                                WHERE national IN ({national}, {trunk}) OR e164 = {e164}){keyset}
                   AND {conds}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
        Grade::All => {
            let keyset = keyset("c.num", &mut sql);
            let lim = sql.arg(want as i64);
            format!(
                "SELECT c.num, {grade} FROM contacts c WHERE {conds}{keyset}
                 ORDER BY c.num {dir} LIMIT {lim}"
            )
        }
    };
    sql.text = text;
    keys(conn, &sql)
}
