//! `inquiries add|get|list|edit|status|approve|follow-up|cancel|close-unanswered|print`,
//! acting as the administrator. Inquiries are named by id or by number.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use maarid_core::access::Actor;
use maarid_core::contacts::{ContactInput, PhoneInput, PhoneLabel};
use maarid_core::i18n::Text;
use maarid_core::inquiries::{
    self, FollowUpInput, Inquiry, InquiryChannel, InquiryDetail, InquiryInput, InquiryItemInput,
    InquiryPage, InquiryQuery, StatusChange,
};
use maarid_core::sales::print_model::PrintLang;
use maarid_core::search::normalize::{ascii_digits, has_arabic};
use maarid_core::{users, Db, Error, Locale};
use rust_decimal::Decimal;
use serde::Serialize;

use super::products::{self, decimal};
use crate::args::{GlobalLang, InquiriesCommand, InquiryFields, InquiryListArgs, InquiryPrintArgs};
use crate::output::{CliError, CliResult, Out};
use crate::text::table;

pub fn run(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    cmd: InquiriesCommand,
) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    match cmd {
        InquiriesCommand::Add(a) => {
            let mut input = InquiryInput {
                contact_id: None,
                new_contact: None,
                create_contact: false,
                allow_duplicate: false,
                channel: InquiryChannel::WalkIn,
                items: Vec::new(),
                budget: None,
                notes: String::new(),
                owner_id: None,
                follow_up_on: None,
            };
            apply(&db, &actor, &mut input, a.fields)?;
            let d = inquiries::create(&db, &actor, &input)?;
            out.done(&d, |l| {
                format!(
                    "{}\n{}",
                    pick(l, "سُجّل الاستفسار:", "Inquiry recorded:"),
                    card(l, &d)
                )
            })
        }
        InquiriesCommand::Get { key } => {
            let d = find(&db, &actor, &key)?;
            out.done(&d, |l| card(l, &d))
        }
        InquiriesCommand::List(a) => list(out, &db, &actor, a),
        InquiriesCommand::Edit(a) => {
            let before = find(&db, &actor, &a.key)?.inquiry;
            let mut input = input_of(&before);
            if a.clear_items {
                input.items.clear();
            }
            apply(&db, &actor, &mut input, a.fields)?;
            let d = inquiries::update(&db, &actor, &before.id, &input)?;
            out.done(&d, |l| {
                format!(
                    "{}\n{}",
                    pick(l, "عُدّل الاستفسار:", "Inquiry changed:"),
                    card(l, &d)
                )
            })
        }
        InquiriesCommand::Status(a) => {
            let id = find(&db, &actor, &a.key)?.inquiry.id;
            let d = inquiries::set_status(
                &db,
                &actor,
                &id,
                &StatusChange {
                    status: a.status.0.expect("clap accepts only known statuses"),
                    lost_reason: a.reason,
                    competitor: a.competitor,
                },
            )?;
            out.done(&d, |l| short(l, &d.inquiry))
        }
        InquiriesCommand::Approve { key } => {
            let id = find(&db, &actor, &key)?.inquiry.id;
            let d = inquiries::approve(&db, &actor, &id)?;
            out.done(&d, |l| {
                pick2(
                    l,
                    format!(
                        "اعتُمد الاستفسار {}؛ يمكن الآن إعداد عرض سعر منه.",
                        d.inquiry.number
                    ),
                    format!(
                        "Inquiry {} is approved; a quotation can now be made from it.",
                        d.inquiry.number
                    ),
                )
            })
        }
        InquiriesCommand::FollowUp(a) => {
            let id = find(&db, &actor, &a.key)?.inquiry.id;
            let next = a.next.as_deref().map(date).transpose()?.flatten();
            let d = inquiries::follow_up(
                &db,
                &actor,
                &id,
                &FollowUpInput {
                    kind: a.kind.0.expect("clap accepts only known kinds"),
                    direction: a.direction.and_then(|d| d.0),
                    outcome: a.outcome,
                    body: a.text,
                    next_follow_up_on: next,
                },
            )?;
            out.done(&d, |l| short(l, &d.inquiry))
        }
        InquiriesCommand::Cancel { key } => {
            let id = find(&db, &actor, &key)?.inquiry.id;
            let d = inquiries::cancel(&db, &actor, &id)?;
            out.done(&d, |l| short(l, &d.inquiry))
        }
        InquiriesCommand::CloseUnanswered { now } => {
            let now = match now.as_deref().map(str::trim) {
                None | Some("") => Utc::now(),
                Some(t) => chrono::DateTime::parse_from_rfc3339(&ascii_digits(t))
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| {
                        CliError::invalid(
                            "now",
                            Text::new(
                                format!("الوقت «{t}» ليس بصيغة RFC 3339، مثل 2026-12-31T09:00:00+03:00."),
                                format!("“{t}” is not an RFC 3339 time such as 2026-12-31T09:00:00+03:00."),
                            ),
                        )
                    })?,
            };
            let closed = inquiries::close_unanswered(&db, now)?;
            #[derive(Serialize)]
            struct Closed {
                closed: usize,
            }
            out.done(&Closed { closed }, |l| {
                pick2(
                    l,
                    format!("أُغلق {closed} استفسار بلا رد."),
                    format!("{closed} unanswered inquiry(ies) closed."),
                )
            })
        }
        InquiriesCommand::Print(a) => print(out, &db, &actor, lang, a),
    }
}

fn pick(l: Locale, ar: &str, en: &str) -> String {
    match l {
        Locale::Ar => ar.into(),
        Locale::En => en.into(),
    }
}

fn pick2(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

/// An inquiry by id, else by its number (any case; digits in either script).
fn find(db: &Db, actor: &Actor, key: &str) -> CliResult<InquiryDetail> {
    let key = key.trim();
    match inquiries::get(db, actor, key) {
        Err(Error::NotFound { .. }) => {}
        other => return Ok(other?),
    }
    let number = ascii_digits(key);
    let page = inquiries::list(
        db,
        actor,
        &InquiryQuery {
            text: number.clone(),
            limit: Some(500),
            ..Default::default()
        },
    )?;
    let hit = page
        .items
        .into_iter()
        .find(|s| s.number.eq_ignore_ascii_case(&number))
        .ok_or_else(|| Error::not_found("inquiry", key))?;
    Ok(inquiries::get(db, actor, &hit.id)?)
}

fn date(s: &str) -> CliResult<Option<NaiveDate>> {
    let s = ascii_digits(s.trim());
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            CliError::invalid(
                "follow_up_on",
                Text::new(
                    format!("التاريخ «{s}» ليس بصيغة YYYY-MM-DD، مثل 2026-11-25."),
                    format!("The date “{s}” is not in the form YYYY-MM-DD, e.g. 2026-11-25."),
                ),
            )
        })
}

/// "TEXT" or "TEXT:QTY" (a trailing number after the last colon is the quantity).
fn with_quantity(s: &str) -> CliResult<(String, Decimal)> {
    if let Some((head, tail)) = s.rsplit_once([':', '：']) {
        let tail = ascii_digits(tail.trim());
        if !tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Ok((
                head.trim().to_string(),
                decimal("quantity", "--item", &tail)?,
            ));
        }
    }
    Ok((s.trim().to_string(), Decimal::ONE))
}

/// The saved inquiry as input, so an edit can change parts of it.
fn input_of(i: &Inquiry) -> InquiryInput {
    InquiryInput {
        contact_id: Some(i.contact_id.clone()),
        new_contact: None,
        create_contact: false,
        allow_duplicate: false,
        channel: i.channel,
        items: i
            .items
            .iter()
            .map(|it| InquiryItemInput {
                product_id: it.product_id.clone(),
                description: it.description.clone(),
                quantity: it.quantity,
            })
            .collect(),
        budget: i.budget,
        notes: i.notes.clone(),
        owner_id: None,
        follow_up_on: i.follow_up_on,
    }
}

/// Puts the options given into `input`.
fn apply(db: &Db, actor: &Actor, input: &mut InquiryInput, f: InquiryFields) -> CliResult {
    if let Some(c) = f.contact {
        input.contact_id = Some(c.trim().to_string());
        input.new_contact = None;
    }
    if let Some(name) = f.name {
        let name = name.trim().to_string();
        let mut c = ContactInput::default();
        if has_arabic(&name) {
            c.name_ar = name;
        } else {
            c.name_latin = name;
        }
        c.phones = f
            .phone
            .into_iter()
            .map(|n| PhoneInput {
                number: n,
                label: PhoneLabel::Mobile,
            })
            .collect();
        c.emails = f.email.into_iter().collect();
        input.contact_id = None;
        input.new_contact = Some(c);
    }
    input.create_contact |= f.create_contact;
    input.allow_duplicate |= f.allow_duplicate;
    if let Some(ch) = f.channel.and_then(|c| c.0) {
        input.channel = ch;
    }
    for p in f.product {
        let (key, quantity) = with_quantity(&p)?;
        let product = products::find(db, actor, &key)?;
        input.items.push(InquiryItemInput {
            product_id: Some(product.id),
            description: String::new(),
            quantity,
        });
    }
    for it in f.item {
        let (description, quantity) = with_quantity(&it)?;
        input.items.push(InquiryItemInput {
            product_id: None,
            description,
            quantity,
        });
    }
    if let Some(b) = f.budget {
        input.budget = if b.trim().is_empty() {
            None
        } else {
            Some(decimal("budget", "--budget", &b)?)
        };
    }
    if let Some(n) = f.notes {
        input.notes = n;
    }
    if let Some(o) = f.owner {
        input.owner_id = Some(users::get(db, actor, o.trim())?.id);
    }
    if let Some(d) = f.follow_up {
        input.follow_up_on = date(&d)?;
    }
    Ok(())
}

fn list(out: &Out, db: &Db, actor: &Actor, a: InquiryListArgs) -> CliResult {
    let owner_id = match a.owner {
        Some(name) => Some(users::get(db, actor, name.trim())?.id),
        None => None,
    };
    let page = inquiries::list(
        db,
        actor,
        &InquiryQuery {
            text: a.text.join(" "),
            status: a.status.and_then(|s| s.0),
            channel: a.channel.and_then(|c| c.0),
            owner_id,
            contact_id: a.contact,
            follow_up_due: a.due,
            limit: Some(a.limit),
            after: a.after,
        },
    )?;
    out.done(&page, |l| page_text(l, &page))
}

fn page_text(l: Locale, page: &InquiryPage) -> String {
    if page.items.is_empty() {
        return pick(l, "لا توجد استفسارات.", "No inquiries found.");
    }
    let header = match l {
        Locale::Ar => ["الرقم", "العميل", "الحالة", "القناة", "المتابعة", "المعرّف"],
        Locale::En => ["Number", "Contact", "Status", "Channel", "Follow-up", "Id"],
    };
    let mut rows = vec![header.map(String::from)];
    for s in &page.items {
        rows.push([
            s.number.clone(),
            s.contact_name.clone(),
            status_name(l, s.status.key()),
            channel_name(l, s.channel),
            s.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
            s.id.clone(),
        ]);
    }
    let mut text = table(&rows);
    if let Some(n) = &page.next {
        text.push('\n');
        text.push_str(&pick2(
            l,
            format!("للمزيد: --after {n}"),
            format!("More: --after {n}"),
        ));
    }
    text
}

fn print(
    out: &Out,
    db: &Db,
    actor: &Actor,
    lang: Option<GlobalLang>,
    a: InquiryPrintArgs,
) -> CliResult {
    let id = find(db, actor, &a.key)?.inquiry.id;
    if a.out.exists() && !a.force {
        return Err(Error::AlreadyExists {
            entity: "file",
            key: a.out.display().to_string(),
        }
        .into());
    }
    let lang = match lang {
        Some(GlobalLang::Ar) => PrintLang::Ar,
        Some(GlobalLang::En) => PrintLang::En,
        Some(GlobalLang::Both) => PrintLang::Both,
        None => match out.locale {
            Locale::Ar => PrintLang::Ar,
            Locale::En => PrintLang::En,
        },
    };
    let file = maarid_core::sales::print::document(db, actor, "inquiry", &id, lang)?;
    let pdf = file.bytes;
    std::fs::write(&a.out, &pdf).map_err(|e| Error::io(&a.out, e))?;
    #[derive(Serialize)]
    struct Printed {
        path: String,
        bytes: usize,
        number: String,
    }
    let done = Printed {
        path: std::path::absolute(&a.out)
            .unwrap_or(a.out.clone())
            .display()
            .to_string(),
        bytes: pdf.len(),
        number: file.number,
    };
    out.done(&done, |l| {
        pick2(
            l,
            format!("طُبع الاستفسار {} في {}.", done.number, done.path),
            format!("Inquiry {} printed to {}.", done.number, done.path),
        )
    })
}

pub(crate) fn channel_name(l: Locale, c: InquiryChannel) -> String {
    let (ar, en) = match c {
        InquiryChannel::WalkIn => ("حضور للمعرض", "Walk-in"),
        InquiryChannel::Phone => ("هاتف", "Phone"),
        InquiryChannel::Email => ("بريد إلكتروني", "Email"),
        InquiryChannel::Website => ("الموقع الإلكتروني", "Website"),
        InquiryChannel::Social => ("وسائل التواصل الاجتماعي", "Social media"),
        InquiryChannel::Whatsapp => ("واتساب", "WhatsApp"),
    };
    pick(l, ar, en)
}

fn status_name(l: Locale, key: &str) -> String {
    let t = maarid_core::i18n::status_name(key);
    pick(l, t.ar, t.en)
}

fn event_name(l: Locale, key: &str) -> String {
    let (ar, en) = match key {
        "created" => ("أُنشئ", "created"),
        "updated" => ("عُدّل", "changed"),
        "status" => ("تغيّرت الحالة", "status changed"),
        "approved" => ("اعتُمد", "approved"),
        "follow_up" => ("متابعة", "follow-up"),
        "closed_automatically" => ("أُغلق تلقائيًا", "closed automatically"),
        "printed" => ("طُبع", "printed"),
        other => (other, other),
    };
    pick(l, ar, en)
}

fn reason_name(l: Locale, key: &str) -> String {
    let (ar, en) = match key {
        "price" => ("السعر", "price"),
        "competitor" => ("اشترى من منافس", "bought from a competitor"),
        "financing" => ("التمويل", "financing"),
        "not_available" => ("غير متوفر", "not available"),
        "changed_mind" => ("غيّر رأيه", "changed their mind"),
        "no_response" => ("لا رد", "no response"),
        "other" => ("أخرى", "other"),
        other => return other.to_string(),
    };
    pick(l, ar, en)
}

/// An event's detail in words: the channel of a new inquiry, what a follow-up was,
/// the fields an edit changed, a lost reason.
fn event_detail(l: Locale, event: &str, detail: &str) -> String {
    match event {
        "created" => InquiryChannel::parse(detail)
            .map(|c| channel_name(l, c))
            .unwrap_or_else(|| detail.to_string()),
        "follow_up" => {
            let (kind, outcome) = detail.split_once(':').unwrap_or((detail, ""));
            let kind = maarid_core::interactions::InteractionKind::parse(kind)
                .map(|k| interaction_name(l, k))
                .unwrap_or_else(|| kind.to_string());
            if outcome.is_empty() {
                kind
            } else {
                format!("{kind}: {}", outcome.replace('_', " "))
            }
        }
        "updated" => detail
            .split(',')
            .map(|f| {
                let n = maarid_core::i18n::field_name(f);
                pick(l, n.ar, n.en)
            })
            .collect::<Vec<_>>()
            .join(if l == Locale::Ar { "، " } else { ", " }),
        _ => reason_name(l, detail),
    }
}

fn interaction_name(l: Locale, k: maarid_core::interactions::InteractionKind) -> String {
    use maarid_core::interactions::InteractionKind::*;
    let (ar, en) = match k {
        Call => ("مكالمة", "call"),
        Visit => ("زيارة", "visit"),
        Email => ("بريد إلكتروني", "email"),
        Message => ("رسالة", "message"),
        Note => ("ملاحظة", "note"),
    };
    pick(l, ar, en)
}

fn short(l: Locale, i: &Inquiry) -> String {
    let mut s = format!("{} — {}", i.number, status_name(l, i.status.key()));
    if !i.lost_reason.is_empty() {
        s.push_str(&format!(" ({})", reason_name(l, &i.lost_reason)));
    }
    s
}

fn card(l: Locale, d: &InquiryDetail) -> String {
    let i = &d.inquiry;
    let mut lines = vec![short(l, i)];
    let mut field = |key: &str, value: String| {
        if !value.is_empty() {
            let name = maarid_core::i18n::field_name(key);
            let label = match l {
                Locale::Ar => name.ar,
                Locale::En => name.en,
            };
            let gap = if value.starts_with('\n') { "" } else { " " };
            lines.push(format!("  {label}:{gap}{value}"));
        }
    };
    field("contact", format!("{} ({})", i.contact_name, i.contact_id));
    field("channel", channel_name(l, i.channel));
    field(
        "items",
        i.items
            .iter()
            .map(|it| {
                let code = it
                    .product_code
                    .as_ref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                format!("\n    - {} × {}{code}", it.quantity, it.description)
            })
            .collect(),
    );
    field(
        "budget",
        i.budget
            .map(|b| format!("{b} {}", i.currency))
            .unwrap_or_default(),
    );
    field("owner", i.owner_name.clone().unwrap_or_default());
    field(
        "follow_up_on",
        i.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
    );
    field("competitor", i.competitor.clone());
    field("notes", i.notes.clone());
    if let Some(at) = &i.approved_at {
        let by = i.approved_by_name.clone().unwrap_or_default();
        lines.push(format!("  {}: {at} {by}", pick(l, "اعتُمد", "Approved")));
    }
    if !d.events.is_empty() {
        lines.push(format!("  {}:", pick(l, "السجل", "History")));
        for e in &d.events {
            let mut line = format!("    {}  {}", e.at, event_name(l, &e.event));
            if let Some(s) = &e.status {
                line.push_str(&format!(" → {}", status_name(l, s)));
            }
            if !e.detail.is_empty() {
                line.push_str(&format!(" — {}", event_detail(l, &e.event, &e.detail)));
            }
            if !e.actor_name.is_empty() {
                line.push_str(&format!(" ({})", e.actor_name));
            }
            lines.push(line);
        }
    }
    lines.push(format!("  {}: {}", pick(l, "المعرّف", "Id"), i.id));
    lines.join("\n")
}
