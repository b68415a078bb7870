//! Interactions: calls, visits, emails, messages and notes logged against a contact.
//! They make up most of the contact's timeline (see `contacts::timeline`). Logging
//! needs the write right on the contact; deleting is soft and can be undone.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::access::{Action, Actor};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::keyed::keyed_enum;
use crate::{audit, Error, Result, Rule};

keyed_enum!(InteractionKind {
    Call = "call",
    Visit = "visit",
    Email = "email",
    Message = "message",
    Note = "note",
});

keyed_enum!(Direction {
    In = "in",
    Out = "out",
});

/// The outcomes offered for each kind (the quick-log buttons of the card). Kinds
/// without a list take no outcome.
pub fn outcomes(kind: InteractionKind) -> &'static [&'static str] {
    match kind {
        InteractionKind::Call => &["answered", "no_answer", "busy", "call_back"],
        InteractionKind::Visit => &["browsed", "interested", "negotiated", "bought"],
        _ => &[],
    }
}

/// What an outcome key says, in both languages (the card's buttons say the same).
pub fn outcome_label(key: &str) -> Option<crate::i18n::Text<&'static str>> {
    use crate::i18n::Text;
    Some(match key {
        "answered" => Text::new("تم الرد", "Answered"),
        "no_answer" => Text::new("لم يرد", "No answer"),
        "busy" => Text::new("مشغول", "Busy"),
        "call_back" => Text::new("طلب معاودة الاتصال", "Asked to call back"),
        "browsed" => Text::new("تجوّل في المعرض", "Looked around"),
        "interested" => Text::new("مهتم", "Interested"),
        "negotiated" => Text::new("تفاوض على السعر", "Negotiated the price"),
        "bought" => Text::new("اشترى", "Bought"),
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionInput {
    pub contact_id: String,
    pub kind: InteractionKind,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub body: String,
    /// RFC 3339; now when empty. Stored in UTC.
    #[serde(default)]
    pub occurred_at: Option<String>,
    /// The document (e.g. an inquiry) the interaction is about, if any. Set when it is
    /// logged and never changed by an edit.
    #[serde(default)]
    pub doc_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: String,
    pub contact_id: String,
    pub kind: InteractionKind,
    pub direction: Option<Direction>,
    pub outcome: String,
    pub body: String,
    pub occurred_at: String,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The document it is about (an inquiry, a quotation…), if any.
    #[serde(default)]
    pub doc_id: Option<String>,
}

pub(crate) const COLUMNS: &str =
    "id, contact_id, kind, direction, outcome, body, occurred_at, created_by, created_at, updated_at, doc_id";

pub(crate) fn row(r: &rusqlite::Row) -> rusqlite::Result<Interaction> {
    let kind: String = r.get(2)?;
    let direction: Option<String> = r.get(3)?;
    Ok(Interaction {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        kind: InteractionKind::parse(&kind).unwrap_or(InteractionKind::Note),
        direction: direction.as_deref().and_then(Direction::parse),
        outcome: r.get(4)?,
        body: r.get(5)?,
        occurred_at: r.get(6)?,
        created_by: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
        doc_id: r.get(10)?,
    })
}

fn get_in(conn: &Connection, id: &str, deleted: bool) -> Result<Interaction> {
    let cond = if deleted {
        "deleted_at IS NOT NULL"
    } else {
        "deleted_at IS NULL"
    };
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM interactions WHERE id = ?1 AND {cond}"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("interaction", id))
}

fn authorize(conn: &Connection, actor: &Actor, contact_id: &str) -> Result<()> {
    crate::contacts::authorize_on(conn, actor, Action::Write, contact_id)
}

/// The time in UTC, RFC 3339 with milliseconds (like every stored time).
fn utc(v: &str) -> Result<String> {
    chrono::DateTime::parse_from_rfc3339(v.trim())
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .map_err(|_| Error::invalid("occurred_at", Rule::BadFormat))
}

struct Clean {
    direction: Option<Direction>,
    outcome: String,
    body: String,
    occurred_at: String,
}

fn clean(input: &InteractionInput) -> Result<Clean> {
    let outcome = input.outcome.trim().to_string();
    if !outcome.is_empty() && !outcomes(input.kind).contains(&outcome.as_str()) {
        return Err(Error::invalid("outcome", Rule::UnknownValue));
    }
    let body = input.body.trim().to_string();
    if body.chars().count() > 20_000 {
        return Err(Error::invalid("body", Rule::TooLong));
    }
    if input.kind == InteractionKind::Note && body.is_empty() {
        return Err(Error::invalid("body", Rule::Required));
    }
    let occurred_at = match input.occurred_at.as_deref().map(str::trim) {
        None | Some("") => now(),
        Some(v) => utc(v)?,
    };
    Ok(Clean {
        direction: input.direction,
        outcome,
        body,
        occurred_at,
    })
}

pub fn log(db: &Db, actor: &Actor, input: &InteractionInput) -> Result<Interaction> {
    db.write(|tx| {
        authorize(tx, actor, &input.contact_id)?;
        insert_in(tx, actor, input)
    })
}

/// Saves an interaction inside the caller's transaction, without a rights check (the
/// caller checked its own, e.g. the write right on the inquiry it is about).
pub(crate) fn insert_in(
    tx: &Connection,
    actor: &Actor,
    input: &InteractionInput,
) -> Result<Interaction> {
    let c = clean(input)?;
    let id = new_id();
    let at = now();
    let doc_id = input
        .doc_id
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    tx.execute(
        &format!("INSERT INTO interactions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)"),
        params![
            id, input.contact_id, input.kind.key(), c.direction.map(Direction::key),
            c.outcome, c.body, c.occurred_at, actor.user_id, at, doc_id
        ],
    )?;
    let saved = get_in(tx, &id, false)?;
    audit::record::<(), _>(
        tx,
        actor,
        "interaction.create",
        "interaction",
        Some(&id),
        None,
        Some(&saved),
    )?;
    Ok(saved)
}

/// Saves an interaction that is part of a larger recorded change (an import batch,
/// audited as a whole): no rights check, no audit entry of its own, nothing read back.
/// Returns its id and time of writing.
pub(crate) fn insert_quiet(
    tx: &Connection,
    actor: &Actor,
    input: &InteractionInput,
) -> Result<(String, String)> {
    let c = clean(input)?;
    let id = new_id();
    let at = now();
    tx.prepare_cached(&format!(
        "INSERT INTO interactions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)"
    ))?
    .execute(params![
        id,
        input.contact_id,
        input.kind.key(),
        c.direction.map(Direction::key),
        c.outcome,
        c.body,
        c.occurred_at,
        actor.user_id,
        at,
        input.doc_id
    ])?;
    Ok((id, at))
}

/// The live interactions about a document, newest first.
pub(crate) fn for_doc(conn: &Connection, doc_id: &str) -> Result<Vec<Interaction>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM interactions WHERE doc_id = ?1 AND deleted_at IS NULL
         ORDER BY occurred_at DESC, id DESC"
    ))?;
    let out = stmt
        .query_map([doc_id], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Changes what was logged (not the contact it belongs to).
pub fn update(db: &Db, actor: &Actor, id: &str, input: &InteractionInput) -> Result<Interaction> {
    db.write(|tx| {
        let before = get_in(tx, id, false)?;
        authorize(tx, actor, &before.contact_id)?;
        let c = clean(&InteractionInput {
            kind: input.kind,
            contact_id: before.contact_id.clone(),
            occurred_at: input.occurred_at.clone().or(Some(before.occurred_at.clone())),
            ..input.clone()
        })?;
        tx.execute(
            "UPDATE interactions SET kind = ?2, direction = ?3, outcome = ?4, body = ?5, occurred_at = ?6, updated_at = ?7
             WHERE id = ?1",
            params![id, input.kind.key(), c.direction.map(Direction::key), c.outcome, c.body, c.occurred_at, now()],
        )?;
        let after = get_in(tx, id, false)?;
        audit::record(tx, actor, "interaction.update", "interaction", Some(id), Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// Soft delete; `restore` undoes it.
pub fn delete(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    db.write(|tx| {
        let before = get_in(tx, id, false)?;
        authorize(tx, actor, &before.contact_id)?;
        tx.execute(
            "UPDATE interactions SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "interaction.delete",
            "interaction",
            Some(id),
            Some(&before),
            None,
        )
    })
}

pub fn restore(db: &Db, actor: &Actor, id: &str) -> Result<Interaction> {
    db.write(|tx| {
        let before = get_in(tx, id, true)?;
        authorize(tx, actor, &before.contact_id)?;
        tx.execute(
            "UPDATE interactions SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        let after = get_in(tx, id, false)?;
        audit::record::<(), _>(
            tx,
            actor,
            "interaction.restore",
            "interaction",
            Some(id),
            None,
            Some(&after),
        )?;
        Ok(after)
    })
}
