//! Inquiries: someone asked about something — a walk-in, a call, a message. An
//! inquiry names its contact, the channel, the catalog items or free-text wishes, a
//! budget, notes, the salesperson in charge and a follow-up date, and moves through
//! the statuses of [`TRANSITIONS`]: open → contacted / replied → quoted → won, or lost
//! (with a reason, optionally the competitor) or cancelled. Won, lost and cancelled
//! close it (`closed_at`); only open, contacted and replied inquiries can be edited.
//!
//! # The contact
//! The input names an existing contact (`contact_id`) or carries a new one
//! (`new_contact`: a name and a phone typed at the counter), which is saved as a lead
//! in the same transaction as the inquiry, through the usual duplicate check: a new
//! contact that looks like an existing one is refused with
//! `Error::PossibleDuplicates` (listing the matches, so the screen can offer "use the
//! existing contact"), unless `allow_duplicate` is set.
//! The CRM setting `auto_create_contact_for_lead` decides whether that needs asking:
//! when it is on, a `new_contact` is saved without further ado; when it is off, the
//! caller must also set `create_contact` (the user confirmed "save as a new contact"),
//! otherwise the inquiry is refused as having no contact (`invalid_input` on
//! `contact`). Giving both `contact_id` and `new_contact` is refused too.
//! The new lead belongs to the inquiry's salesperson and its source follows the
//! channel (walk-in, phone, website, social media).
//!
//! # History
//! Every change records a sales event (created, updated, status, approved, follow_up,
//! closed_automatically, printed), shown on the contact's timeline and in the
//! inquiry's history; follow-ups are also logged as interactions carrying the
//! inquiry's id (`doc_id`).
//!
//! # Rights
//! `DocType::Inquiry`: read, create and write (edit, status, follow-up) on the
//! inquiries the user owns or all; approving needs `submit`, cancelling `cancel`.
//! Handing an inquiry to another salesperson needs the right over all inquiries.
//!
//! # Closing unanswered inquiries
//! [`close_unanswered`] marks lost (reason `no_response`) the contacted or replied
//! inquiries with no activity for the CRM setting's number of days. The desktop app
//! runs it at start and daily.

pub(crate) mod import;
mod list;
mod model;
mod store;

pub use model::*;
pub use store::MAX_ITEMS;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::contacts::{self, ContactKind, Source};
use crate::db::Db;
use crate::ids::{new_id, now, stamp};
use crate::interactions::{self, Direction, InteractionInput};
use crate::sales::events::{self, NewEvent};
use crate::sales::lines::{DiscountKind, Line};
use crate::sales::print_model::{PrintDoc, PrintKind, PrintParty};
use crate::{audit, numbering, settings, Error, Result, Rule};

pub(crate) use store::get_in;

const ENTITY: &str = "inquiry";

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn authorize_on(actor: &Actor, action: Action, inq: &Inquiry) -> Result<()> {
    actor.authorize(
        DocType::Inquiry,
        action,
        Target::OwnedBy(inq.owner_id.as_deref()),
    )
}

fn event(
    tx: &Connection,
    actor: &Actor,
    inq: &Inquiry,
    name: &'static str,
    status: Option<InquiryStatus>,
    detail: &str,
) -> Result<()> {
    events::record(
        tx,
        actor,
        &NewEvent {
            contact_id: &inq.contact_id,
            doc_type: ENTITY,
            doc_id: &inq.id,
            doc_number: &inq.number,
            event: name,
            status: status.map(InquiryStatus::key),
            detail,
        },
    )
}

fn source_for(channel: InquiryChannel) -> Option<Source> {
    match channel {
        InquiryChannel::WalkIn => Some(Source::WalkIn),
        InquiryChannel::Phone => Some(Source::Phone),
        InquiryChannel::Website => Some(Source::Website),
        InquiryChannel::Social | InquiryChannel::Whatsapp => Some(Source::SocialMedia),
        InquiryChannel::Email => None,
    }
}

/// The contact of an input: an existing one the actor may see, or a new lead saved
/// now (see the module documentation).
fn resolve_contact(
    tx: &Connection,
    actor: &Actor,
    input: &InquiryInput,
    owner: Option<&str>,
) -> Result<String> {
    let existing = input
        .contact_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    match (existing, &input.new_contact) {
        (Some(_), Some(_)) => Err(Error::invalid("contact", Rule::BadFormat)),
        (Some(id), None) => {
            contacts::authorize_on(tx, actor, Action::Read, id).map_err(|e| match e {
                Error::NotFound { .. } => Error::invalid("contact", Rule::UnknownValue),
                other => other,
            })?;
            Ok(id.to_string())
        }
        (None, Some(new)) => {
            if !settings::get_in(tx)?.auto_create_contact_for_lead && !input.create_contact {
                return Err(Error::invalid("contact", Rule::Required));
            }
            actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
            let mut c = new.clone();
            c.kind = c.kind.or(Some(ContactKind::Lead));
            c.source = c.source.or_else(|| source_for(input.channel));
            if c.owner_id.as_deref().is_none_or(str::is_empty) {
                c.owner_id = owner.map(str::to_string);
            }
            Ok(contacts::create_in(tx, actor, &c, input.allow_duplicate)?.id)
        }
        (None, None) => Err(Error::invalid("contact", Rule::Required)),
    }
}

fn owner_target<'a>(actor: &Actor, owner: Option<&'a str>) -> Target<'a> {
    if owner == actor.user_id.as_deref() {
        Target::Own
    } else {
        Target::Anyone
    }
}

/// Records a new inquiry (status open) with the next number of the "inquiry" series.
pub fn create(db: &Db, actor: &Actor, input: &InquiryInput) -> Result<InquiryDetail> {
    let owner = input
        .owner_id
        .clone()
        .filter(|o| !o.trim().is_empty())
        .or_else(|| actor.user_id.clone());
    actor.authorize(
        DocType::Inquiry,
        Action::Create,
        owner_target(actor, owner.as_deref()),
    )?;
    let id = db.write(|tx| {
        let c = store::clean(tx, input)?;
        if let Some(o) = &owner {
            store::check_owner(tx, o)?;
        }
        let contact_id = resolve_contact(tx, actor, input, owner.as_deref())?;
        let number = numbering::take_next(tx, ENTITY, today())?;
        let id = new_id();
        let at = now();
        tx.execute(
            "INSERT INTO inquiries (id, number, contact_id, channel, status, budget, currency, notes,
                owner_id, follow_up_on, last_activity_at, created_by, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?10)",
            params![
                id,
                number,
                contact_id,
                input.channel.key(),
                c.budget.map(|b| b.to_string()),
                store::company_currency(tx)?,
                c.notes,
                owner,
                c.follow_up_on.map(|d| d.to_string()),
                at,
                actor.user_id
            ],
        )?;
        store::put_items(tx, &id, &c.items)?;
        let saved = get_in(tx, &id)?;
        event(
            tx,
            actor,
            &saved,
            "created",
            Some(InquiryStatus::Open),
            input.channel.key(),
        )?;
        audit::record::<(), _>(
            tx,
            actor,
            "inquiry.create",
            ENTITY,
            Some(&id),
            None,
            Some(&saved),
        )?;
        Ok(id)
    })?;
    db.read(|c| detail_in(c, &id))
}

fn detail_in(conn: &Connection, id: &str) -> Result<InquiryDetail> {
    Ok(InquiryDetail {
        inquiry: get_in(conn, id)?,
        events: events::for_doc(conn, id)?,
        communications: interactions::for_doc(conn, id)?,
    })
}

/// The inquiry with its items, history and communications.
pub fn get(db: &Db, actor: &Actor, id: &str) -> Result<InquiryDetail> {
    db.read(|c| {
        let inq = get_in(c, id)?;
        authorize_on(actor, Action::Read, &inq)?;
        detail_in(c, id)
    })
}

fn read_only(inq: &Inquiry) -> Error {
    Error::ReadOnly {
        entity: ENTITY,
        number: inq.number.clone(),
        status: inq.status.key(),
    }
}

/// Which fields an edit changed, for the history ("budget, follow_up_on").
fn changed_fields(before: &Inquiry, after: &Inquiry) -> String {
    let mut out = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            out.push(name);
        }
    };
    check("contact", before.contact_id != after.contact_id);
    check("channel", before.channel != after.channel);
    check("budget", before.budget != after.budget);
    check("notes", before.notes != after.notes);
    check("owner", before.owner_id != after.owner_id);
    check("follow_up_on", before.follow_up_on != after.follow_up_on);
    check("items", before.items != after.items);
    out.join(",")
}

/// Changes an inquiry that is still open, contacted or replied (others are read-only).
/// `owner_id: None` keeps the salesperson.
pub fn update(db: &Db, actor: &Actor, id: &str, input: &InquiryInput) -> Result<InquiryDetail> {
    db.write(|tx| {
        let before = get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        if !before.status.is_editable() {
            return Err(read_only(&before));
        }
        let owner = match input.owner_id.as_deref().map(str::trim) {
            Some("") => None,
            Some(o) => Some(o.to_string()),
            None => before.owner_id.clone(),
        };
        if owner != before.owner_id {
            actor.authorize(DocType::Inquiry, Action::Write, Target::Anyone)?;
            if let Some(o) = &owner {
                store::check_owner(tx, o)?;
            }
        }
        let c = store::clean(tx, input)?;
        let contact_id = resolve_contact(tx, actor, input, owner.as_deref())?;
        tx.execute(
            "UPDATE inquiries SET contact_id = ?2, channel = ?3, budget = ?4, notes = ?5, owner_id = ?6,
                follow_up_on = ?7, updated_at = ?8
             WHERE id = ?1",
            params![
                id,
                contact_id,
                input.channel.key(),
                c.budget.map(|b| b.to_string()),
                c.notes,
                owner,
                c.follow_up_on.map(|d| d.to_string()),
                now()
            ],
        )?;
        store::put_items(tx, id, &c.items)?;
        let after = get_in(tx, id)?;
        event(tx, actor, &after, "updated", None, &changed_fields(&before, &after))?;
        audit::record(
            tx,
            actor,
            "inquiry.update",
            ENTITY,
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        detail_in(tx, id)
    })
}

/// How a status change is carried out (by a person, the quotation module or the
/// daily closing of unanswered inquiries).
struct Move<'a> {
    to: InquiryStatus,
    lost_reason: &'a str,
    competitor: &'a str,
    /// The event recorded: "status" or "closed_automatically".
    event: &'static str,
    detail: &'a str,
    automatic: bool,
    at: String,
}

/// Checks the move against [`TRANSITIONS`] and applies it with its event.
fn apply_move(tx: &Connection, actor: &Actor, before: &Inquiry, m: &Move) -> Result<Inquiry> {
    if !before.status.can_go_to(m.to) {
        return Err(Error::StatusNotAllowed {
            entity: ENTITY,
            number: before.number.clone(),
            from: before.status.key(),
            to: m.to.key(),
        });
    }
    let lost = m.to == InquiryStatus::Lost;
    let reason = m.lost_reason.trim();
    let competitor = m.competitor.trim();
    if lost && reason.is_empty() {
        return Err(Error::invalid("lost_reason", Rule::Required));
    }
    if reason.chars().count() > 500 {
        return Err(Error::invalid("lost_reason", Rule::TooLong));
    }
    if competitor.chars().count() > 200 {
        return Err(Error::invalid("competitor", Rule::TooLong));
    }
    let activity = matches!(m.to, InquiryStatus::Contacted | InquiryStatus::Replied);
    tx.execute(
        "UPDATE inquiries SET status = ?2, lost_reason = ?3, competitor = ?4,
            closed_at = CASE WHEN ?5 THEN ?6 ELSE closed_at END,
            closed_automatically = ?7,
            last_activity_at = CASE WHEN ?8 THEN ?6 ELSE last_activity_at END,
            updated_at = ?6
         WHERE id = ?1",
        params![
            before.id,
            m.to.key(),
            if lost { reason } else { "" },
            if lost { competitor } else { "" },
            m.to.is_closed(),
            m.at,
            m.automatic,
            activity
        ],
    )?;
    let after = get_in(tx, &before.id)?;
    let detail = if m.detail.is_empty() && lost {
        reason
    } else {
        m.detail
    };
    event(tx, actor, &after, m.event, Some(m.to), detail)?;
    audit::record(
        tx,
        actor,
        if m.automatic {
            "inquiry.close_automatically"
        } else {
            "inquiry.status"
        },
        ENTITY,
        Some(&before.id),
        Some(before),
        Some(&after),
    )?;
    Ok(after)
}

/// Moves an inquiry to another status (see [`TRANSITIONS`]). Lost needs a reason;
/// cancelling needs the cancel right, every other move the write right.
pub fn set_status(
    db: &Db,
    actor: &Actor,
    id: &str,
    change: &StatusChange,
) -> Result<InquiryDetail> {
    db.write(|tx| {
        let before = get_in(tx, id)?;
        let action = if change.status == InquiryStatus::Cancelled {
            Action::Cancel
        } else {
            Action::Write
        };
        authorize_on(actor, action, &before)?;
        apply_move(
            tx,
            actor,
            &before,
            &Move {
                to: change.status,
                lost_reason: &change.lost_reason,
                competitor: &change.competitor,
                event: "status",
                detail: "",
                automatic: false,
                at: now(),
            },
        )?;
        detail_in(tx, id)
    })
}

/// Cancels an inquiry (the cancel right).
pub fn cancel(db: &Db, actor: &Actor, id: &str) -> Result<InquiryDetail> {
    set_status(
        db,
        actor,
        id,
        &StatusChange {
            status: InquiryStatus::Cancelled,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
}

/// Approves the inquiry so a quotation can be made from it (the submit right).
/// Approving twice changes nothing; a closed inquiry cannot be approved.
pub fn approve(db: &Db, actor: &Actor, id: &str) -> Result<InquiryDetail> {
    db.write(|tx| {
        let before = get_in(tx, id)?;
        authorize_on(actor, Action::Submit, &before)?;
        if before.status.is_closed() {
            return Err(read_only(&before));
        }
        if before.approved_at.is_none() {
            tx.execute(
                "UPDATE inquiries SET approved_at = ?2, approved_by = ?3, updated_at = ?2 WHERE id = ?1",
                params![id, now(), actor.user_id],
            )?;
            let after = get_in(tx, id)?;
            event(tx, actor, &after, "approved", None, "")?;
            audit::record(
                tx,
                actor,
                "inquiry.approve",
                ENTITY,
                Some(id),
                Some(&before),
                Some(&after),
            )?;
        }
        detail_in(tx, id)
    })
}

/// Logs a follow-up (an interaction about the inquiry, on the contact's timeline),
/// moves an open inquiry to contacted (outgoing) or an open or contacted one to
/// replied (incoming), and sets the next follow-up date.
pub fn follow_up(db: &Db, actor: &Actor, id: &str, input: &FollowUpInput) -> Result<InquiryDetail> {
    db.write(|tx| {
        let before = get_in(tx, id)?;
        authorize_on(actor, Action::Write, &before)?;
        if before.status.is_closed() {
            return Err(read_only(&before));
        }
        if let Some(d) = input.next_follow_up_on {
            use chrono::Datelike;
            if !(2000..=2200).contains(&d.year()) {
                return Err(Error::invalid("follow_up_on", Rule::OutOfRange));
            }
        }
        let logged = interactions::insert_in(
            tx,
            actor,
            &InteractionInput {
                contact_id: before.contact_id.clone(),
                kind: input.kind,
                direction: input.direction,
                outcome: input.outcome.clone(),
                body: input.body.clone(),
                occurred_at: None,
                doc_id: Some(id.to_string()),
            },
        )?;
        use InquiryStatus::*;
        let to = match (before.status, input.direction) {
            (Open, Some(Direction::Out)) => Contacted,
            (Open | Contacted, Some(Direction::In)) => Replied,
            (s, _) => s,
        };
        let at = now();
        tx.execute(
            "UPDATE inquiries SET status = ?2, follow_up_on = ?3, last_activity_at = ?4, updated_at = ?4
             WHERE id = ?1",
            params![
                id,
                to.key(),
                input.next_follow_up_on.map(|d| d.to_string()),
                at
            ],
        )?;
        let after = get_in(tx, id)?;
        let detail = if logged.outcome.is_empty() {
            logged.kind.key().to_string()
        } else {
            format!("{}:{}", logged.kind.key(), logged.outcome)
        };
        event(
            tx,
            actor,
            &after,
            "follow_up",
            (to != before.status).then_some(to),
            &detail,
        )?;
        audit::record(
            tx,
            actor,
            "inquiry.follow_up",
            ENTITY,
            Some(id),
            Some(&before),
            Some(&after),
        )?;
        detail_in(tx, id)
    })
}

/// Closes, as lost with the reason `no_response`, every contacted or replied inquiry
/// whose last activity is older than the CRM setting `close_unanswered_inquiries_days`
/// (nothing when it is 0). Acts as the system; one event each. Running it again
/// closes nothing more. Returns how many were closed.
pub fn close_unanswered(db: &Db, now_utc: DateTime<Utc>) -> Result<usize> {
    db.write(|tx| {
        let days = settings::get_in(tx)?.close_unanswered_inquiries_days;
        if days <= 0 {
            return Ok(0);
        }
        let cutoff = stamp(now_utc - chrono::Duration::days(days));
        let ids = store::unanswered(tx, &cutoff)?;
        let system = Actor::system("system");
        for id in &ids {
            let before = get_in(tx, id)?;
            apply_move(
                tx,
                &system,
                &before,
                &Move {
                    to: InquiryStatus::Lost,
                    lost_reason: "no_response",
                    competitor: "",
                    event: "closed_automatically",
                    detail: "no_response",
                    automatic: true,
                    at: stamp(now_utc),
                },
            )?;
        }
        Ok(ids.len())
    })
}

/// Inquiries the user may read (a user whose right is "own" sees their own).
pub fn list(db: &Db, actor: &Actor, q: &InquiryQuery) -> Result<InquiryPage> {
    actor.authorize(DocType::Inquiry, Action::Read, Target::Own)?;
    let own_only = actor.scope(DocType::Inquiry, Action::Read) == Scope::Own;
    let me = actor.user_id.clone().unwrap_or_default();
    db.read(|c| list::run(c, q, own_only.then_some(me.as_str()), today()))
}

/// The printable form of an inquiry: its items as lines with quantities and no
/// prices (no totals).
pub fn print_doc(db: &Db, actor: &Actor, id: &str) -> Result<PrintDoc> {
    db.read(|c| {
        let inq = get_in(c, id)?;
        authorize_on(actor, Action::Read, &inq)?;
        let contact = contacts::get_in(c, &inq.contact_id)?;
        let address = contact
            .addresses
            .first()
            .map(|a| {
                [a.line.as_str(), &a.city, &a.region, &a.postal_code]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("، ")
            })
            .unwrap_or_else(|| contact.city.clone());
        let issue_date = DateTime::parse_from_rfc3339(&inq.created_at)
            .map(|t| t.with_timezone(&chrono::Local).date_naive())
            .unwrap_or_else(|_| today());
        let lines = inq
            .items
            .iter()
            .map(|it| Line {
                position: it.position,
                product_id: it.product_id.clone(),
                description: it.description.clone(),
                unit: it.unit.clone(),
                quantity: it.quantity,
                unit_price: Default::default(),
                discount_kind: DiscountKind::Percent,
                discount: Default::default(),
                vat_rate: Default::default(),
                gross: Default::default(),
                discount_amount: Default::default(),
                net: Default::default(),
                vat: Default::default(),
                total: Default::default(),
            })
            .collect();
        Ok(PrintDoc {
            kind: PrintKind::Inquiry,
            number: inq.number.clone(),
            revision: 0,
            status: inq.status.key().to_string(),
            issue_date,
            due_date: inq.follow_up_on,
            issued_at: None,
            references: Vec::new(),
            currency: inq.currency.clone(),
            prices_include_vat: false,
            customer: PrintParty {
                name_ar: contact.name_ar.clone(),
                name_latin: contact.name_latin.clone(),
                company_name: contact.company_name.clone(),
                address,
                phone: contact
                    .phones
                    .first()
                    .map(|p| p.raw.clone())
                    .unwrap_or_default(),
                email: contact.emails.first().cloned().unwrap_or_default(),
                vat_number: String::new(),
            },
            lines,
            totals: None,
            terms: String::new(),
            notes: inq.notes.clone(),
            salesperson: inq.owner_name.clone().unwrap_or_default(),
            delivery_address: String::new(),
        })
    })
}
