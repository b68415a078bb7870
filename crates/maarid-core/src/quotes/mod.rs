//! Quotations: from an approved inquiry or from scratch, with lines from the catalog
//! or free text and totals in decimal arithmetic (`sales::lines`). A quotation is
//! edited while it is a draft; then it is sent, accepted, rejected (with a lost reason
//! and competitor), cancelled, or expires when its valid-till date passes. A revision
//! makes a new draft in the same chain (QTN-2026-00001-R1) and supersedes the old one,
//! which stays readable and printable. An accepted quotation converts into a delivery
//! note and/or an invoice (`convert`, `crate::invoicing`).
//!
//! Rights: the quotation record type, own or all by the quotation's owner; sending,
//! accepting and rejecting need `submit`, cancelling needs `cancel`.

mod convert;
pub(crate) mod import;
mod inquiry;
mod model;
pub(crate) mod print;
pub mod status;
pub(crate) mod store;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

pub use convert::convert;
pub use model::*;

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::interactions::Interaction;
use crate::invoicing::Filter;
use crate::sales::events::{self, Event, NewEvent};
use crate::sales::lines::{self, DiscountKind, LineInput};
use crate::sales::print_model::PrintDoc;
use crate::{audit, company, contacts, numbering, settings, Error, Result, Rule};

use store::{Chain, CONTACT_NAME, NEW_CHAIN, USER_NAME};

fn authorize(actor: &Actor, action: Action, q: &Quote) -> Result<()> {
    actor.authorize(
        DocType::Quotation,
        action,
        Target::OwnedBy(q.owner_id.as_deref()),
    )
}

/// Records an event of the quotation (its history and the contact's timeline).
fn event(
    conn: &Connection,
    actor: &Actor,
    q: &Quote,
    event: &'static str,
    status: Option<&str>,
    detail: &str,
) -> Result<()> {
    events::record(
        conn,
        actor,
        &NewEvent {
            contact_id: &q.contact_id,
            doc_type: "quotation",
            doc_id: &q.id,
            doc_number: &q.number,
            event,
            status,
            detail,
        },
    )
}

/// A new draft quotation (see `QuoteInput` for the defaults). With `inquiry_id`, the
/// inquiry must be approved and still open, belong to the same contact, and becomes
/// "quoted".
pub fn create(db: &Db, actor: &Actor, input: &QuoteInput) -> Result<Quote> {
    actor.authorize(DocType::Quotation, Action::Create, Target::Own)?;
    db.write(|tx| create_in(tx, actor, input))
}

fn create_in(tx: &Connection, actor: &Actor, input: &QuoteInput) -> Result<Quote> {
    let c = store::clean(tx, input, None, actor.user_id.as_deref())?;
    if c.owner_id != actor.user_id {
        // A quotation for someone else needs the right over all quotations.
        actor.authorize(DocType::Quotation, Action::Create, Target::Anyone)?;
    }
    contacts::authorize_on(tx, actor, Action::Read, &c.contact_id)?;
    if let Some(iid) = &c.inquiry_id {
        let i = inquiry::get(tx, iid)?;
        actor.authorize(
            DocType::Inquiry,
            Action::Read,
            Target::OwnedBy(i.owner_id.as_deref()),
        )?;
        inquiry::check_quotable(&i)?;
        if i.contact_id != c.contact_id {
            return Err(Error::invalid("inquiry", Rule::UnknownValue));
        }
    }
    let id = new_id();
    // Numbered by today's date, not the (possibly back-dated) issue date: a series
    // that restarts yearly would otherwise restart for an old date and repeat numbers.
    let number = numbering::take_next(tx, "quotation", store::today())?;
    let carry = settings::get_in(tx)?.carry_forward_communications;
    store::insert(
        tx,
        &id,
        &number,
        &NEW_CHAIN,
        &c,
        carry,
        actor.user_id.as_deref(),
    )?;
    if let Some(iid) = &c.inquiry_id {
        inquiry::move_to(tx, actor, iid, "quoted", "", "", &number)?;
    }
    let q = store::get(tx, &id)?;
    event(tx, actor, &q, "created", Some("draft"), "")?;
    audit::record::<(), _>(
        tx,
        actor,
        "quotation.create",
        "quotation",
        Some(&id),
        None,
        Some(&q),
    )?;
    Ok(q)
}

/// A draft quotation from an approved inquiry: its contact, and a line per item of
/// interest (see `inquiry::lines`). The inquiry becomes "quoted". Refused (status not
/// allowed) when the inquiry is not approved or is already won, lost or cancelled.
pub fn from_inquiry(db: &Db, actor: &Actor, inquiry_id: &str) -> Result<Quote> {
    actor.authorize(DocType::Quotation, Action::Create, Target::Own)?;
    db.write(|tx| {
        let i = inquiry::get(tx, inquiry_id)?;
        actor.authorize(
            DocType::Inquiry,
            Action::Read,
            Target::OwnedBy(i.owner_id.as_deref()),
        )?;
        inquiry::check_quotable(&i)?;
        let vat: Decimal = company::get_in(tx)?
            .ok_or(Error::SetupRequired)?
            .profile
            .default_vat_rate
            .parse()
            .unwrap_or_default();
        let input = QuoteInput {
            contact_id: i.contact_id.clone(),
            inquiry_id: Some(i.id.clone()),
            issue_date: None,
            valid_until: None,
            currency: None,
            prices_include_vat: None,
            lines: inquiry::lines(tx, &i.id, vat)?,
            terms: None,
            notes: String::new(),
            owner_id: None,
        };
        create_in(tx, actor, &input)
    })
}

/// The lines and totals the input would be saved with; nothing is written, and no
/// contact or line description is needed yet (for live totals in the editor). Other
/// refused values (a zero quantity, a discount above the amount…) are refused as
/// `create` would, naming the line.
pub fn preview(db: &Db, actor: &Actor, input: &QuoteInput) -> Result<Preview> {
    actor.authorize(DocType::Quotation, Action::Create, Target::Own)?;
    db.read(|conn| {
        let currency = match input.currency.as_deref().map(str::trim) {
            Some(c) if !c.is_empty() => c.to_ascii_uppercase(),
            _ => {
                company::get_in(conn)?
                    .ok_or(Error::SetupRequired)?
                    .profile
                    .currency
            }
        };
        let incl = match input.prices_include_vat {
            Some(v) => v,
            None => settings::get_in(conn)?.prices_include_vat,
        };
        // A row whose description is not typed yet still counts in the totals.
        let mut inputs = store::catalog_lines(conn, &input.lines)?;
        let blank: Vec<bool> = inputs
            .iter()
            .map(|l| l.description.trim().is_empty())
            .collect();
        for l in inputs
            .iter_mut()
            .filter(|l| l.description.trim().is_empty())
        {
            l.description = "-".into();
        }
        let (mut lines, totals) = lines::compute(&inputs, incl, &currency)?;
        for (l, blank) in lines.iter_mut().zip(blank) {
            if blank {
                l.description.clear();
            }
        }
        Ok(Preview { lines, totals })
    })
}

/// A line for a catalog item, by code (or id): its name (Arabic, else English), unit,
/// price and VAT rate, for `quantity`.
pub fn line_from_product(
    db: &Db,
    actor: &Actor,
    code: &str,
    quantity: Decimal,
) -> Result<LineInput> {
    actor.authorize(DocType::Product, Action::Read, Target::Anyone)?;
    db.read(|conn| {
        let p = match store::product(conn, code, true)? {
            Some(p) => p,
            None => store::product(conn, code, false)?
                .ok_or_else(|| Error::not_found("product", code))?,
        };
        Ok(LineInput {
            product_id: Some(p.id),
            description: p.name,
            unit: p.unit,
            quantity,
            unit_price: p.price,
            discount_kind: DiscountKind::Percent,
            discount: Decimal::ZERO,
            vat_rate: p.vat_rate,
        })
    })
}

pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<Quote> {
    let q = db.read(|c| store::get(c, id))?;
    authorize(actor, Action::Read, &q)?;
    Ok(q)
}

/// Newest first, a page at a time; superseded revisions only when asked for. A user
/// with the "own" read right sees only the quotations they own.
pub fn list(db: &Db, actor: &Actor, q: &QuoteQuery) -> Result<QuotePage> {
    actor.authorize(DocType::Quotation, Action::Read, Target::Own)?;
    let mut f = Filter::default();
    f.cond("x.deleted_at IS NULL");
    if actor.scope(DocType::Quotation, Action::Read) != Scope::All {
        f.cond("x.owner_id = :me");
        f.arg(":me", actor.user_id.clone().unwrap_or_default());
    }
    match q.status {
        Some(s) => {
            f.cond("x.status = :status");
            f.arg(":status", s.key());
        }
        None if !q.include_superseded => f.cond("x.status <> 'superseded'"),
        None => {}
    }
    if let Some(c) = q.contact_id.as_deref().filter(|c| !c.is_empty()) {
        f.cond("x.contact_id = :contact");
        f.arg(":contact", c.to_string());
    }
    f.text(q.text.as_deref());
    f.after(q.after.as_deref());
    let sql = format!(
        "SELECT x.id, x.number, x.revision, x.status, x.contact_id, {CONTACT_NAME}, x.issue_date,
            x.valid_until, x.currency, x.total, {USER_NAME}
         FROM quotes x
         JOIN contacts c ON c.id = x.contact_id
         LEFT JOIN users u ON u.id = x.owner_id
         {}
         ORDER BY x.id DESC LIMIT :limit",
        f.where_sql()
    );
    let (items, next) = db.read(|conn| {
        f.page(
            conn,
            &sql,
            q.limit,
            |s: &QuoteSummary| s.id.clone(),
            |r| {
                let status: String = r.get(3)?;
                Ok(QuoteSummary {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    revision: r.get(2)?,
                    status: QuoteStatus::parse(&status).unwrap_or(QuoteStatus::Draft),
                    contact_id: r.get(4)?,
                    contact_name: r.get(5)?,
                    issue_date: store::date(r, 6)?,
                    valid_until: store::date(r, 7)?,
                    currency: r.get(8)?,
                    total: store::dec(r, 9)?,
                    owner_name: r.get(10)?,
                })
            },
        )
    })?;
    Ok(QuotePage { items, next })
}

/// Changes a draft. Fields left out (None) keep their saved values. Anything but a
/// draft is refused with `Error::ReadOnly` (make a revision or a copy instead).
pub fn update(db: &Db, actor: &Actor, id: &str, input: &QuoteInput) -> Result<Quote> {
    db.write(|tx| {
        let before = store::get(tx, id)?;
        authorize(actor, Action::Write, &before)?;
        if before.status != QuoteStatus::Draft {
            return Err(Error::ReadOnly {
                entity: "quotation",
                number: before.number.clone(),
                status: before.status.key(),
            });
        }
        let c = store::clean(tx, input, Some(&before), None)?;
        if c.owner_id != before.owner_id {
            actor.authorize(DocType::Quotation, Action::Write, Target::Anyone)?;
        }
        if c.contact_id != before.contact_id {
            contacts::authorize_on(tx, actor, Action::Read, &c.contact_id)?;
        }
        let linked = c
            .inquiry_id
            .as_ref()
            .filter(|i| Some(*i) != before.inquiry_id.as_ref());
        if let Some(iid) = linked {
            let i = inquiry::get(tx, iid)?;
            actor.authorize(
                DocType::Inquiry,
                Action::Read,
                Target::OwnedBy(i.owner_id.as_deref()),
            )?;
            inquiry::check_quotable(&i)?;
            inquiry::move_to(tx, actor, iid, "quoted", "", "", &before.number)?;
        }
        store::update(tx, id, &c)?;
        let after = store::get(tx, id)?;
        event(tx, actor, &after, "updated", None, "")?;
        audit::record(
            tx,
            actor,
            "quotation.update",
            "quotation",
            Some(&after.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Moves the quotation along `status::TRANSITIONS`. Rejecting needs a lost reason
/// (the competitor is optional). A quotation from an inquiry makes it won when
/// accepted, and lost (same reason and competitor) when rejected.
pub fn set_status(db: &Db, actor: &Actor, id: &str, change: &StatusChange) -> Result<Quote> {
    db.write(|tx| {
        let before = store::get(tx, id)?;
        let to = change.status;
        authorize(actor, status::action_for(to), &before)?;
        if !before.allowed.contains(&to) {
            return Err(Error::StatusNotAllowed {
                entity: "quotation",
                number: before.number.clone(),
                from: before.status.key(),
                to: to.key(),
            });
        }
        let (reason, competitor) = if to == QuoteStatus::Rejected {
            let reason = change.lost_reason.trim();
            if reason.is_empty() {
                return Err(Error::invalid("lost_reason", Rule::Required));
            }
            if reason.chars().count() > 500 {
                return Err(Error::invalid("lost_reason", Rule::TooLong));
            }
            let competitor = change.competitor.trim();
            if competitor.chars().count() > 200 {
                return Err(Error::invalid("competitor", Rule::TooLong));
            }
            (reason, competitor)
        } else {
            ("", "")
        };
        store::set_status(tx, id, to, reason, competitor)?;
        if let Some(iid) = &before.inquiry_id {
            match to {
                QuoteStatus::Accepted => {
                    inquiry::move_to(tx, actor, iid, "won", "", "", &before.number)?;
                }
                QuoteStatus::Rejected => {
                    inquiry::move_to(tx, actor, iid, "lost", reason, competitor, reason)?;
                }
                _ => {}
            }
        }
        let after = store::get(tx, id)?;
        event(tx, actor, &after, "status", Some(to.key()), reason)?;
        audit::record(
            tx,
            actor,
            "quotation.status",
            "quotation",
            Some(&after.id),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Draft and sent quotations whose valid-till date is before `today` become expired
/// (recorded as done by the system). Returns how many; running it again does nothing.
pub fn expire_due(db: &Db, today: NaiveDate) -> Result<usize> {
    let actor = Actor::system("system");
    db.write(|tx| {
        let ids: Vec<String> = tx
            .prepare(
                "SELECT id FROM quotes WHERE status IN ('draft', 'sent') AND valid_until < ?1
                   AND deleted_at IS NULL ORDER BY id",
            )?
            .query_map([store::ymd(today)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &ids {
            let before = store::get(tx, id)?;
            store::set_status(tx, id, QuoteStatus::Expired, "", "")?;
            let after = store::get(tx, id)?;
            event(
                tx,
                &actor,
                &after,
                "status",
                Some("expired"),
                &store::ymd(before.valid_until),
            )?;
            audit::record(
                tx,
                &actor,
                "quotation.expire",
                "quotation",
                Some(id),
                Some(&before),
                Some(&after),
            )?;
        }
        Ok(ids.len())
    })
}

/// A new draft revision of a sent, rejected or expired quotation: same chain and
/// contact, lines, terms, notes and inquiry; issued today with a fresh validity. The
/// old one becomes superseded (read-only, still printable).
pub fn revise(db: &Db, actor: &Actor, id: &str) -> Result<Quote> {
    db.write(|tx| {
        let old = store::get(tx, id)?;
        authorize(actor, Action::Write, &old)?;
        actor.authorize(DocType::Quotation, Action::Create, Target::Own)?;
        if !status::REVISABLE.contains(&old.status) {
            return Err(Error::StatusNotAllowed {
                entity: "quotation",
                number: old.number.clone(),
                from: old.status.key(),
                to: "superseded",
            });
        }
        let revision: i64 = tx.query_row(
            "SELECT MAX(revision) + 1 FROM quotes WHERE root_id = ?1",
            [&old.root_id],
            |r| r.get(0),
        )?;
        let number = store::revision_number(tx, &old.root_id, revision)?;
        let issue = store::today();
        let input = QuoteInput {
            contact_id: old.contact_id.clone(),
            inquiry_id: old.inquiry_id.clone(),
            issue_date: Some(issue),
            valid_until: Some(store::default_valid_until(tx, issue)?),
            currency: Some(old.currency.clone()),
            prices_include_vat: Some(old.prices_include_vat),
            lines: old.lines.iter().map(|l| l.to_input()).collect(),
            terms: Some(old.terms.clone()),
            notes: old.notes.clone(),
            owner_id: old.owner_id.clone(),
        };
        let c = store::clean(tx, &input, None, None)?;
        let new = new_id();
        store::insert(
            tx,
            &new,
            &number,
            &Chain {
                root_id: Some(&old.root_id),
                revision,
                previous_id: Some(&old.id),
                copied_from: None,
            },
            &c,
            old.carry_forward,
            actor.user_id.as_deref(),
        )?;
        tx.execute(
            "UPDATE quotes SET status = 'superseded', superseded_by = ?2, updated_at = ?3 WHERE id = ?1",
            params![old.id, new, now()],
        )?;
        event(tx, actor, &old, "revised", Some("superseded"), &number)?;
        let q = store::get(tx, &new)?;
        event(tx, actor, &q, "created", Some("draft"), &old.number)?;
        audit::record(
            tx,
            actor,
            "quotation.revise",
            "quotation",
            Some(&new),
            Some(&old),
            Some(&q),
        )?;
        Ok(q)
    })
}

/// A new quotation (its own number and chain) with the lines, terms and notes of
/// `id`, dated today, as a draft — for the same contact or for `contact_id`. Not
/// linked to an inquiry.
pub fn copy(db: &Db, actor: &Actor, id: &str, contact_id: Option<String>) -> Result<Quote> {
    actor.authorize(DocType::Quotation, Action::Create, Target::Own)?;
    db.write(|tx| {
        let src = store::get(tx, id)?;
        authorize(actor, Action::Read, &src)?;
        let contact_id = contact_id
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| src.contact_id.clone());
        let input = QuoteInput {
            contact_id,
            inquiry_id: None,
            issue_date: None,
            valid_until: None,
            currency: Some(src.currency.clone()),
            prices_include_vat: Some(src.prices_include_vat),
            lines: src.lines.iter().map(|l| l.to_input()).collect(),
            terms: Some(src.terms.clone()),
            notes: src.notes.clone(),
            owner_id: None,
        };
        let mut c = store::clean(tx, &input, None, actor.user_id.as_deref())?;
        c.inquiry_id = None;
        contacts::authorize_on(tx, actor, Action::Read, &c.contact_id)?;
        let new = new_id();
        let number = numbering::take_next(tx, "quotation", store::today())?;
        let carry = settings::get_in(tx)?.carry_forward_communications;
        store::insert(
            tx,
            &new,
            &number,
            &Chain {
                copied_from: Some(&src.id),
                ..NEW_CHAIN
            },
            &c,
            carry,
            actor.user_id.as_deref(),
        )?;
        let q = store::get(tx, &new)?;
        event(tx, actor, &q, "copied", Some("draft"), &src.number)?;
        audit::record::<(), _>(
            tx,
            actor,
            "quotation.copy",
            "quotation",
            Some(&new),
            None,
            Some(&q),
        )?;
        Ok(q)
    })
}

/// Calls, visits, emails… logged about this quotation or an earlier revision of its
/// chain, and — when communications carry forward and it came from an inquiry — about
/// the inquiry. Newest first.
pub fn communications(db: &Db, actor: &Actor, id: &str) -> Result<Vec<Interaction>> {
    db.read(|conn| {
        let q = store::get(conn, id)?;
        authorize(actor, Action::Read, &q)?;
        let mut doc_ids: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM quotes WHERE root_id = ?1 AND revision <= ?2 AND deleted_at IS NULL",
            )?
            .query_map(params![q.root_id, q.revision], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if q.carry_forward {
            doc_ids.extend(q.inquiry_id.clone());
        }
        let marks = vec!["?"; doc_ids.len()].join(", ");
        let mut stmt = conn.prepare(&format!(
            "SELECT id, contact_id, kind, direction, outcome, body, occurred_at, created_by, created_at,
                updated_at, doc_id
             FROM interactions WHERE deleted_at IS NULL AND doc_id IN ({marks})
             ORDER BY occurred_at DESC, id DESC"
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(doc_ids.iter()), |r| {
                // Built through serde so a field added to `Interaction` later (e.g.
                // its `doc_id`) is filled here without this code changing.
                Ok(serde_json::json!({
                    "id": r.get::<_, String>(0)?,
                    "contact_id": r.get::<_, String>(1)?,
                    "kind": r.get::<_, String>(2)?,
                    "direction": r.get::<_, Option<String>>(3)?,
                    "outcome": r.get::<_, String>(4)?,
                    "body": r.get::<_, String>(5)?,
                    "occurred_at": r.get::<_, String>(6)?,
                    "created_by": r.get::<_, Option<String>>(7)?,
                    "created_at": r.get::<_, String>(8)?,
                    "updated_at": r.get::<_, String>(9)?,
                    "doc_id": r.get::<_, Option<String>>(10)?,
                }))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|v| serde_json::from_value(v).map_err(|e| Error::Internal(e.to_string())))
            .collect()
    })
}

/// What happened to the quotation, oldest first.
pub fn history(db: &Db, actor: &Actor, id: &str) -> Result<Vec<Event>> {
    db.read(|conn| {
        let q = store::get(conn, id)?;
        authorize(actor, Action::Read, &q)?;
        events::for_doc(conn, &q.id)
    })
}

/// The quotation as printed (superseded ones too). Reads only: `sales::print` records
/// the "printed" event once the PDF is laid out.
pub fn print_doc(db: &Db, actor: &Actor, id: &str) -> Result<PrintDoc> {
    db.read(|conn| {
        let q = store::get(conn, id)?;
        authorize(actor, Action::Read, &q)?;
        print::quote_doc(conn, &q)
    })
}
