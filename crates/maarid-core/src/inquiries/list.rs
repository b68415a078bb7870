//! Inquiry lists: filters, text search over the number and the contact, keyset paging.
//! Newest first; the follow-up list ("due") runs from the earliest date.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value, Connection};

use super::model::*;
use super::store::{date_opt, decimal_opt, CONTACT_NAME};
use crate::search::normalize::search_terms;
use crate::{Error, Result, Rule};

fn parse_cursor(s: &str) -> Result<(String, String)> {
    let bad = || Error::invalid("after", Rule::BadFormat);
    let bytes = URL_SAFE_NO_PAD.decode(s.trim()).map_err(|_| bad())?;
    serde_json::from_slice::<(String, String)>(&bytes).map_err(|_| bad())
}

fn cursor(key: &str, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::json!([key, id]).to_string())
}

/// `own_only`: the user's own inquiries only (their read right is "own").
pub(super) fn run(
    conn: &Connection,
    q: &InquiryQuery,
    own_only: Option<&str>,
    today: NaiveDate,
) -> Result<InquiryPage> {
    let limit = i64::from(q.limit.unwrap_or(50).clamp(1, 500));
    let mut cond = vec!["i.deleted_at IS NULL".to_string()];
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    for term in search_terms(&q.text) {
        let digits = term.chars().all(|c| c.is_ascii_digit());
        let a = arg(Value::Text(term));
        let phone = if digits {
            format!(
                " OR EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = i.contact_id
                    AND instr(p.national, {a}) > 0)"
            )
        } else {
            String::new()
        };
        cond.push(format!(
            "(instr(lower(i.number), {a}) > 0 OR instr(c.name_norm, {a}) > 0{phone})"
        ));
    }
    if let Some(s) = q.status {
        let a = arg(Value::Text(s.key().into()));
        cond.push(format!("i.status = {a}"));
    }
    if let Some(ch) = q.channel {
        let a = arg(Value::Text(ch.key().into()));
        cond.push(format!("i.channel = {a}"));
    }
    for owner in [q.owner_id.as_deref(), own_only]
        .into_iter()
        .flatten()
        .filter(|o| !o.is_empty())
    {
        let a = arg(Value::Text(owner.into()));
        cond.push(format!("i.owner_id = {a}"));
    }
    if let Some(c) = q.contact_id.as_deref().filter(|c| !c.is_empty()) {
        let a = arg(Value::Text(c.into()));
        cond.push(format!("i.contact_id = {a}"));
    }
    // Keyset: (created_at, id) newest first, or (follow_up_on, id) earliest first.
    let (key_col, order) = if q.follow_up_due {
        let a = arg(Value::Text(today.format("%Y-%m-%d").to_string()));
        cond.push(format!(
            "i.follow_up_on IS NOT NULL AND i.follow_up_on <= {a}
             AND i.status NOT IN ('won', 'lost', 'cancelled')"
        ));
        ("i.follow_up_on", "ASC")
    } else {
        ("i.created_at", "DESC")
    };
    if let Some(after) = q.after.as_deref().filter(|a| !a.trim().is_empty()) {
        let (key, id) = parse_cursor(after)?;
        let k = arg(Value::Text(key));
        let i = arg(Value::Text(id));
        let cmp = if order == "ASC" { ">" } else { "<" };
        cond.push(format!(
            "({key_col} {cmp} {k} OR ({key_col} = {k} AND i.id {cmp} {i}))"
        ));
    }
    let l = arg(Value::Integer(limit + 1));
    let sql = format!(
        "SELECT i.id, i.number, i.contact_id, {CONTACT_NAME}, i.channel, i.status, i.budget,
            i.currency, i.owner_id, COALESCE(NULLIF(o.full_name, ''), o.username), i.follow_up_on,
            i.approved_at IS NOT NULL,
            (SELECT description FROM inquiry_items it WHERE it.inquiry_id = i.id ORDER BY position LIMIT 1),
            (SELECT COUNT(*) FROM inquiry_items it WHERE it.inquiry_id = i.id),
            i.last_activity_at, i.created_at, {key_col}
         FROM inquiries i
         LEFT JOIN contacts c ON c.id = i.contact_id
         LEFT JOIN users o ON o.id = i.owner_id
         WHERE {}
         ORDER BY {key_col} {order}, i.id {order}
         LIMIT {l}",
        cond.join(" AND ")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows: Vec<(InquirySummary, String)> = stmt
        .query_map(params_from_iter(args), |r| {
            let channel: String = r.get(4)?;
            let status: String = r.get(5)?;
            Ok((
                InquirySummary {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    contact_id: r.get(2)?,
                    contact_name: r.get(3)?,
                    channel: InquiryChannel::parse(&channel).unwrap_or(InquiryChannel::WalkIn),
                    status: InquiryStatus::parse(&status).unwrap_or(InquiryStatus::Open),
                    budget: decimal_opt(r, 6)?,
                    currency: r.get(7)?,
                    owner_id: r.get(8)?,
                    owner_name: r.get(9)?,
                    follow_up_on: date_opt(r, 10)?,
                    approved: r.get(11)?,
                    first_item: r.get(12)?,
                    item_count: r.get(13)?,
                    last_activity_at: r.get(14)?,
                    created_at: r.get(15)?,
                },
                r.get::<_, String>(16)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|(s, key)| cursor(key, &s.id))
    } else {
        None
    };
    Ok(InquiryPage {
        items: rows.into_iter().map(|(s, _)| s).collect(),
        next,
    })
}
