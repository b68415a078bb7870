//! Quotation storage: validation of the input, the rows, and the document lines that
//! quotations, delivery notes and invoices share (`document_lines`).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use rust_decimal::Decimal;

use super::model::*;
use super::status;
use crate::ids::now;
use crate::sales::lines::{self, DiscountKind, Line, LineInput, Totals};
use crate::{company, settings, Error, Result, Rule};

/// The contact's name to show: Arabic, else Latin, else the company (SQL, alias `c`).
pub(crate) const CONTACT_NAME: &str =
    "COALESCE(NULLIF(c.name_ar, ''), NULLIF(c.name_latin, ''), c.company_name)";

/// A user's name to show (SQL, alias `u`).
pub(crate) const USER_NAME: &str = "COALESCE(NULLIF(u.full_name, ''), u.username)";

fn conversion(i: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

/// A stored calendar date ('YYYY-MM-DD').
pub(crate) fn date(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| conversion(i, e))
}

/// A stored decimal (text).
pub(crate) fn dec(r: &Row, i: usize) -> rusqlite::Result<Decimal> {
    let s: String = r.get(i)?;
    s.parse::<Decimal>().map_err(|e| conversion(i, e))
}

pub(crate) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Today on this machine's calendar (what a person calls "today").
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

// ---- Lines ---------------------------------------------------------------------------

/// Replaces a document's lines.
pub(crate) fn write_lines(
    conn: &Connection,
    doc_id: &str,
    doc_type: &str,
    lines: &[Line],
) -> Result<()> {
    conn.prepare_cached("DELETE FROM document_lines WHERE doc_id = ?1")?
        .execute([doc_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO document_lines (doc_id, doc_type, position, product_id, description, unit, quantity,
            unit_price, discount_kind, discount, vat_rate, gross, discount_amount, net, vat, total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for (i, l) in lines.iter().enumerate() {
        stmt.execute(params![
            doc_id,
            doc_type,
            i as i64,
            l.product_id,
            l.description,
            l.unit,
            l.quantity.to_string(),
            l.unit_price.to_string(),
            l.discount_kind.key(),
            l.discount.to_string(),
            l.vat_rate.to_string(),
            l.gross.to_string(),
            l.discount_amount.to_string(),
            l.net.to_string(),
            l.vat.to_string(),
            l.total.to_string(),
        ])?;
    }
    Ok(())
}

pub(crate) fn read_lines(conn: &Connection, doc_id: &str) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare_cached(
        "SELECT position, product_id, description, unit, quantity, unit_price, discount_kind, discount,
            vat_rate, gross, discount_amount, net, vat, total
         FROM document_lines WHERE doc_id = ?1 ORDER BY position",
    )?;
    let out = stmt
        .query_map([doc_id], |r| {
            let kind: String = r.get(6)?;
            Ok(Line {
                position: r.get(0)?,
                product_id: r.get(1)?,
                description: r.get(2)?,
                unit: r.get(3)?,
                quantity: dec(r, 4)?,
                unit_price: dec(r, 5)?,
                discount_kind: DiscountKind::parse(&kind).unwrap_or(DiscountKind::Percent),
                discount: dec(r, 7)?,
                vat_rate: dec(r, 8)?,
                gross: dec(r, 9)?,
                discount_amount: dec(r, 10)?,
                net: dec(r, 11)?,
                vat: dec(r, 12)?,
                total: dec(r, 13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// A catalog item as a line needs it.
pub(crate) struct Product {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub price: Decimal,
    pub vat_rate: Decimal,
}

/// A live catalog item by id, or by code when `by_code`.
pub(crate) fn product(conn: &Connection, key: &str, by_code: bool) -> Result<Option<Product>> {
    let col = if by_code {
        "code = ?1 COLLATE NOCASE"
    } else {
        "id = ?1"
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT id, COALESCE(NULLIF(name_ar, ''), NULLIF(name_en, ''), code), unit, price, vat_rate
             FROM products WHERE {col} AND deleted_at IS NULL"
        ))?
        .query_row([key.trim()], |r| {
            Ok(Product {
                id: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
                price: dec(r, 3)?,
                vat_rate: dec(r, 4)?,
            })
        })
        .optional()?)
}

/// Checks the catalog items of the lines (unknown or deleted ones are refused, naming
/// the line) and fills an empty description or unit from the item.
pub(crate) fn catalog_lines(conn: &Connection, inputs: &[LineInput]) -> Result<Vec<LineInput>> {
    let mut out = Vec::with_capacity(inputs.len());
    for (i, l) in inputs.iter().enumerate() {
        let mut l = l.clone();
        l.product_id = l.product_id.filter(|p| !p.trim().is_empty());
        if let Some(pid) = &l.product_id {
            let p = product(conn, pid, false)?
                .ok_or_else(|| Error::invalid("product", Rule::UnknownValue).at(i))?;
            if l.description.trim().is_empty() {
                l.description = p.name;
            }
            if l.unit.trim().is_empty() {
                l.unit = p.unit;
            }
        }
        out.push(l);
    }
    Ok(out)
}

// ---- Input ---------------------------------------------------------------------------

/// A quotation ready to store: every default applied, lines computed.
#[derive(Debug, Clone)]
pub(crate) struct Clean {
    pub contact_id: String,
    pub inquiry_id: Option<String>,
    pub issue_date: NaiveDate,
    pub valid_until: NaiveDate,
    pub currency: String,
    pub prices_include_vat: bool,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub terms: String,
    pub notes: String,
    pub owner_id: Option<String>,
}

fn text(field: &'static str, v: &str, max: usize) -> Result<String> {
    let v = v.trim();
    if v.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong));
    }
    Ok(v.to_string())
}

/// The validity of a new quotation issued on `issue`.
pub(crate) fn default_valid_until(conn: &Connection, issue: NaiveDate) -> Result<NaiveDate> {
    let days = settings::get_in(conn)?.default_quotation_validity_days;
    Ok(issue + chrono::Duration::days(days))
}

/// Applies the defaults (from `base`, the saved quotation, for an edit; else from the
/// settings and the company) and checks everything. Rights are the caller's business.
pub(crate) fn clean(
    conn: &Connection,
    input: &QuoteInput,
    base: Option<&Quote>,
    default_owner: Option<&str>,
) -> Result<Clean> {
    let contact_id = input.contact_id.trim().to_string();
    if contact_id.is_empty() {
        return Err(Error::invalid("contact", Rule::Required));
    }
    let live: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1 AND deleted_at IS NULL)",
        )?
        .query_row([&contact_id], |r| r.get(0))?;
    if !live {
        return Err(Error::invalid("contact", Rule::UnknownValue));
    }
    let s = settings::get_in(conn)?;
    let issue_date = match (input.issue_date, base) {
        (Some(d), _) => d,
        (None, Some(b)) => b.issue_date,
        (None, None) => today(),
    };
    let valid_until = match (input.valid_until, base) {
        (Some(d), _) => d,
        (None, Some(b)) => b.valid_until,
        (None, None) => issue_date + chrono::Duration::days(s.default_quotation_validity_days),
    };
    if valid_until < issue_date {
        return Err(Error::invalid("valid_until", Rule::OutOfRange));
    }
    let currency = match (&input.currency, base) {
        (Some(c), _) if !c.trim().is_empty() => c.trim().to_ascii_uppercase(),
        (_, Some(b)) => b.currency.clone(),
        _ => {
            company::get_in(conn)?
                .ok_or(Error::SetupRequired)?
                .profile
                .currency
        }
    };
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::invalid("currency", Rule::BadFormat));
    }
    let prices_include_vat = input
        .prices_include_vat
        .or(base.map(|b| b.prices_include_vat))
        .unwrap_or(s.prices_include_vat);
    let terms = match (&input.terms, base) {
        (Some(t), _) => t.clone(),
        (None, Some(b)) => b.terms.clone(),
        (None, None) => s.quotation_terms.clone(),
    };
    let owner_id = match (&input.owner_id, base) {
        (Some(o), _) if !o.trim().is_empty() => Some(o.trim().to_string()),
        (_, Some(b)) => b.owner_id.clone(),
        _ => default_owner.map(str::to_string),
    };
    if let Some(o) = &owner_id {
        let live: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND deleted_at IS NULL)",
            )?
            .query_row([o], |r| r.get(0))?;
        if !live {
            return Err(Error::invalid("owner", Rule::UnknownValue));
        }
    }
    let inputs = catalog_lines(conn, &input.lines)?;
    let (lines, totals) = lines::compute(&inputs, prices_include_vat, &currency)?;
    Ok(Clean {
        contact_id,
        inquiry_id: input
            .inquiry_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or(base.and_then(|b| b.inquiry_id.clone())),
        issue_date,
        valid_until,
        currency,
        prices_include_vat,
        lines,
        totals,
        terms: text("terms", &terms, 10_000)?,
        notes: text("notes", &input.notes, 20_000)?,
        owner_id,
    })
}

// ---- Rows ----------------------------------------------------------------------------

/// Where a new quotation sits: its own chain (revision 0) or a revision of another.
pub(crate) struct Chain<'a> {
    pub root_id: Option<&'a str>,
    pub revision: i64,
    pub previous_id: Option<&'a str>,
    pub copied_from: Option<&'a str>,
}

pub(crate) const NEW_CHAIN: Chain<'static> = Chain {
    root_id: None,
    revision: 0,
    previous_id: None,
    copied_from: None,
};

pub(crate) fn insert(
    conn: &Connection,
    id: &str,
    number: &str,
    chain: &Chain,
    c: &Clean,
    carry_forward: bool,
    created_by: Option<&str>,
) -> Result<()> {
    let at = now();
    conn.execute(
        "INSERT INTO quotes (id, number, root_id, revision, previous_id, copied_from, inquiry_id, contact_id,
            status, issue_date, valid_until, currency, prices_include_vat, carry_forward, subtotal,
            discount_total, net_total, vat_total, total, terms, notes, owner_id, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?23)",
        params![
            id,
            number,
            chain.root_id.unwrap_or(id),
            chain.revision,
            chain.previous_id,
            chain.copied_from,
            c.inquiry_id,
            c.contact_id,
            ymd(c.issue_date),
            ymd(c.valid_until),
            c.currency,
            c.prices_include_vat,
            carry_forward,
            c.totals.subtotal.to_string(),
            c.totals.discount_total.to_string(),
            c.totals.net_total.to_string(),
            c.totals.vat_total.to_string(),
            c.totals.total.to_string(),
            c.terms,
            c.notes,
            c.owner_id,
            created_by,
            at
        ],
    )?;
    write_lines(conn, id, "quotation", &c.lines)
}

pub(crate) fn update(conn: &Connection, id: &str, c: &Clean) -> Result<()> {
    conn.execute(
        "UPDATE quotes SET inquiry_id = ?2, contact_id = ?3, issue_date = ?4, valid_until = ?5, currency = ?6,
            prices_include_vat = ?7, subtotal = ?8, discount_total = ?9, net_total = ?10, vat_total = ?11,
            total = ?12, terms = ?13, notes = ?14, owner_id = ?15, updated_at = ?16
         WHERE id = ?1",
        params![
            id,
            c.inquiry_id,
            c.contact_id,
            ymd(c.issue_date),
            ymd(c.valid_until),
            c.currency,
            c.prices_include_vat,
            c.totals.subtotal.to_string(),
            c.totals.discount_total.to_string(),
            c.totals.net_total.to_string(),
            c.totals.vat_total.to_string(),
            c.totals.total.to_string(),
            c.terms,
            c.notes,
            c.owner_id,
            now()
        ],
    )?;
    write_lines(conn, id, "quotation", &c.lines)
}

fn select() -> String {
    format!(
        "SELECT q.id, q.number, q.root_id, q.revision, q.previous_id, q.superseded_by, q.copied_from,
            q.inquiry_id, i.number, q.contact_id, {CONTACT_NAME}, q.status, q.issue_date, q.valid_until,
            q.currency, q.prices_include_vat, q.carry_forward, q.terms, q.notes, q.lost_reason, q.competitor,
            q.owner_id, {USER_NAME}, q.sent_at, q.decided_at, q.created_by, q.created_at, q.updated_at
         FROM quotes q
         JOIN contacts c ON c.id = q.contact_id
         LEFT JOIN inquiries i ON i.id = q.inquiry_id
         LEFT JOIN users u ON u.id = q.owner_id"
    )
}

fn header(r: &Row) -> rusqlite::Result<Quote> {
    let status: String = r.get(11)?;
    Ok(Quote {
        id: r.get(0)?,
        number: r.get(1)?,
        root_id: r.get(2)?,
        revision: r.get(3)?,
        previous_id: r.get(4)?,
        superseded_by: r.get(5)?,
        copied_from: r.get(6)?,
        inquiry_id: r.get(7)?,
        inquiry_number: r.get(8)?,
        contact_id: r.get(9)?,
        contact_name: r.get(10)?,
        status: QuoteStatus::parse(&status).unwrap_or(QuoteStatus::Draft),
        issue_date: date(r, 12)?,
        valid_until: date(r, 13)?,
        currency: r.get(14)?,
        prices_include_vat: r.get(15)?,
        carry_forward: r.get(16)?,
        terms: r.get(17)?,
        notes: r.get(18)?,
        lost_reason: r.get(19)?,
        competitor: r.get(20)?,
        owner_id: r.get(21)?,
        owner_name: r.get(22)?,
        sent_at: r.get(23)?,
        decided_at: r.get(24)?,
        created_by: r.get(25)?,
        created_at: r.get(26)?,
        updated_at: r.get(27)?,
        lines: Vec::new(),
        totals: Totals::default(),
        revisions: Vec::new(),
        delivery_notes: Vec::new(),
        invoices: Vec::new(),
        editable: false,
        allowed: Vec::new(),
    })
}

fn refs(conn: &Connection, sql: &str, key: &str) -> Result<Vec<DocRef>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let out = stmt
        .query_map([key], |r| {
            Ok(DocRef {
                id: r.get(0)?,
                number: r.get(1)?,
                status: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// True while an invoice made from the quotation is issued or paid.
pub(crate) fn has_live_invoice(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE quote_id = ?1 AND status <> 'cancelled'
               AND deleted_at IS NULL)",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// A quotation in full (also superseded ones; not deleted ones).
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Quote> {
    let mut q = conn
        .prepare_cached(&format!(
            "{} WHERE q.id = ?1 AND q.deleted_at IS NULL",
            select()
        ))?
        .query_row([id.trim()], header)
        .optional()?
        .ok_or_else(|| Error::not_found("quotation", id))?;
    q.lines = read_lines(conn, &q.id)?;
    q.totals = lines::totals(&q.lines);
    q.revisions = refs(
        conn,
        "SELECT id, number, status FROM quotes WHERE root_id = ?1 AND deleted_at IS NULL ORDER BY revision",
        &q.root_id,
    )?;
    q.delivery_notes = refs(
        conn,
        "SELECT id, number, status FROM delivery_notes WHERE quote_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
        &q.id,
    )?;
    q.invoices = refs(
        conn,
        "SELECT id, number, status FROM invoices WHERE quote_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
        &q.id,
    )?;
    q.editable = q.status == QuoteStatus::Draft;
    q.allowed = status::allowed(q.status, has_live_invoice(conn, &q.id)?);
    Ok(q)
}

/// Sets the status (and the moments that go with it).
pub(crate) fn set_status(
    conn: &Connection,
    id: &str,
    to: QuoteStatus,
    lost_reason: &str,
    competitor: &str,
) -> Result<()> {
    let at = now();
    let sent = (to == QuoteStatus::Sent).then_some(at.as_str());
    let decided = matches!(
        to,
        QuoteStatus::Accepted
            | QuoteStatus::Rejected
            | QuoteStatus::Expired
            | QuoteStatus::Cancelled
    )
    .then_some(at.as_str());
    conn.prepare_cached(
        "UPDATE quotes SET status = ?2, sent_at = COALESCE(?3, sent_at), decided_at = COALESCE(?4, decided_at),
            lost_reason = CASE WHEN ?2 = 'rejected' THEN ?5 ELSE lost_reason END,
            competitor = CASE WHEN ?2 = 'rejected' THEN ?6 ELSE competitor END, updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![id, to.key(), sent, decided, lost_reason, competitor, at])?;
    Ok(())
}

/// The number of a new revision: the chain's first number with "-R<n>".
pub(crate) fn revision_number(conn: &Connection, root_id: &str, revision: i64) -> Result<String> {
    let root: String =
        conn.query_row("SELECT number FROM quotes WHERE id = ?1", [root_id], |r| {
            r.get(0)
        })?;
    Ok(format!("{root}-R{revision}"))
}
