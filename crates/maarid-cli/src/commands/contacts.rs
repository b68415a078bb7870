//! `contacts add|get|edit|delete|search|list`: the core's contact operations, acting as
//! the administrator (every right; sees every contact).

use std::path::Path;

use maarid_core::access::Actor;
use maarid_core::contacts::{
    self, Contact, ContactInput, ContactKind, DuplicatePolicy, MergeInput, SearchQuery,
    TimelineQuery,
};
use maarid_core::interactions::{self, InteractionInput};
use maarid_core::{users, Db, Locale};
use serde::Serialize;

use crate::args::{
    ContactEditArgs, ContactFields, ContactsCommand, ListFilters, MergeArgs, PageArgs,
};
use crate::output::{CliError, CliResult, Out, Refusal};
use crate::text;

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: ContactsCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    match cmd {
        ContactsCommand::Add(f) => add(out, &db, &actor, f),
        ContactsCommand::Get { id } => {
            let c = contacts::get(&db, &actor, id.trim())?;
            let owner = owner_name(&db, &actor, &c);
            out.done(&c, |l| text::contact_card(l, &c, owner.as_deref()))
        }
        ContactsCommand::Edit(a) => edit(out, &db, &actor, a),
        ContactsCommand::Delete { id } => delete(out, &db, &actor, id.trim()),
        ContactsCommand::Search(a) => page(out, &db, &actor, a.text.join(" "), a.filters, a.page),
        ContactsCommand::List(a) => page(out, &db, &actor, String::new(), a.filters, a.page),
        ContactsCommand::Merge(a) => merge(out, &db, &actor, a),
        ContactsCommand::Unmerge { key } => {
            let r = contacts::unmerge(&db, &actor, key.trim())?;
            out.done(&r, |l| text::unmerged(l, &r))
        }
        ContactsCommand::Restore { id } => {
            let c = contacts::restore(&db, &actor, id.trim())?;
            let owner = owner_name(&db, &actor, &c);
            out.done(&c, |l| text::contact_restored(l, &c, owner.as_deref()))
        }
        ContactsCommand::Timeline { id, page } => {
            let p = contacts::timeline(
                &db,
                &actor,
                id.trim(),
                &TimelineQuery {
                    limit: Some(page.limit),
                    after: page.after,
                },
            )?;
            out.done(&p, |l| text::timeline(l, &p))
        }
        ContactsCommand::Log(a) => {
            let kind = a.kind.0.expect("clap accepts only known kinds");
            let i = interactions::log(
                &db,
                &actor,
                &InteractionInput {
                    contact_id: a.id.trim().to_string(),
                    kind,
                    direction: a.direction.and_then(|d| d.0),
                    outcome: a.outcome,
                    body: a.text,
                    occurred_at: a.at,
                    doc_id: None,
                },
            )?;
            out.done(&i, |l| text::interaction_logged(l, &i))
        }
        ContactsCommand::ImportVcf(a) => {
            let raw = std::fs::read(&a.file).map_err(|e| maarid_core::Error::io(&a.file, e))?;
            // Old phones write Latin-1 files; UTF-8 is what nearly everyone uses.
            let text = String::from_utf8(raw)
                .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect());
            let kind = a.kind.0.unwrap_or(ContactKind::Lead);
            let policy = a.on_duplicate.0.unwrap_or(DuplicatePolicy::Refuse);
            let r = contacts::import_vcf(&db, &actor, &text, kind, policy)?;
            if r.report.saved {
                return out.done(&r, |l| text::vcf_import(l, &r));
            }
            Err(CliError::Report(Box::new(Refusal {
                code: "import_refused",
                exit: 3,
                text: text::import_refused(&r.report),
                details: serde_json::to_value(&r).unwrap_or_default(),
                lines: maarid_core::i18n::Text::new(
                    text::vcf_import(Locale::Ar, &r),
                    text::vcf_import(Locale::En, &r),
                ),
            })))
        }
    }
}

fn merge(out: &Out, db: &Db, actor: &Actor, a: MergeArgs) -> CliResult {
    let input = MergeInput {
        survivor_id: a.survivor.trim().to_string(),
        merged_ids: a.others.iter().map(|s| s.trim().to_string()).collect(),
        picks: a.take.into_iter().collect(),
    };
    let m = contacts::merge(db, actor, &input)?;
    let owner = owner_name(db, actor, &m.survivor);
    out.done(&m, |l| text::merged(l, &m, owner.as_deref()))
}

fn add(out: &Out, db: &Db, actor: &Actor, f: ContactFields) -> CliResult {
    let mut input = ContactInput {
        kind: Some(ContactKind::Lead),
        ..ContactInput::default()
    };
    let allow_duplicate = f.allow_duplicate;
    apply(db, actor, &mut input, f)?;
    // With --allow-duplicate, still tell people what the new contact resembles.
    let dups = if allow_duplicate {
        contacts::check_duplicates(db, actor, &input, None)?
    } else {
        Vec::new()
    };
    let c = contacts::create(db, actor, &input, allow_duplicate)?;
    if !dups.is_empty() {
        out.note(|l| text::duplicates_accepted(l, &dups));
    }
    let owner = owner_name(db, actor, &c);
    out.done(&c, |l| text::contact_added(l, &c, owner.as_deref()))
}

fn edit(out: &Out, db: &Db, actor: &Actor, a: ContactEditArgs) -> CliResult {
    if !a.clear_phones && !a.clear_emails && !a.clear_tags && !a.fields.changes_something() {
        return Err(CliError::new(
            "nothing_to_change",
            3,
            text::nothing_to_change(),
        ));
    }
    let id = a.id.trim();
    let before = contacts::get(db, actor, id)?;
    let mut input = ContactInput::from(&before);
    if a.clear_phones {
        input.phones.clear();
    }
    if a.clear_emails {
        input.emails.clear();
    }
    if a.clear_tags {
        input.tags.clear();
    }
    let allow_duplicate = a.fields.allow_duplicate;
    apply(db, actor, &mut input, a.fields)?;
    let dups = if allow_duplicate {
        contacts::check_duplicates(db, actor, &input, Some(id))?
    } else {
        Vec::new()
    };
    let c = contacts::update(db, actor, id, &input, allow_duplicate)?;
    if !dups.is_empty() {
        out.note(|l| text::duplicates_accepted(l, &dups));
    }
    let owner = owner_name(db, actor, &c);
    out.done(&c, |l| text::contact_updated(l, &c, owner.as_deref()))
}

#[derive(Serialize)]
struct Deleted {
    id: String,
    display_name: String,
    /// Always true: the row is kept, marked as deleted.
    soft_deleted: bool,
}

fn delete(out: &Out, db: &Db, actor: &Actor, id: &str) -> CliResult {
    let c = contacts::get(db, actor, id)?;
    contacts::delete(db, actor, id)?;
    let result = Deleted {
        id: c.id.clone(),
        display_name: c.display_name().to_string(),
        soft_deleted: true,
    };
    out.done(&result, |l| {
        text::contact_deleted(l, &result.display_name, &result.id)
    })
}

fn page(out: &Out, db: &Db, actor: &Actor, text: String, f: ListFilters, p: PageArgs) -> CliResult {
    let owner_id = match f.owner {
        Some(name) => Some(users::get(db, actor, name.trim())?.id),
        None => None,
    };
    let page = contacts::search(
        db,
        actor,
        &SearchQuery {
            text,
            limit: Some(p.limit),
            after: p.after,
            kind: f.kind.and_then(|k| k.0),
            owner_id,
            source: f.source.and_then(|s| s.0),
            tag: f.tag,
            created_from: f.created_from,
            created_to: f.created_to,
            sort: f.sort.and_then(|s| s.0),
            desc: f.desc,
        },
    )?;
    out.done(&page, |l| text::contacts_page(l, &page))
}

/// Puts the options given into `input`: values replace, list items are appended.
fn apply(db: &Db, actor: &Actor, input: &mut ContactInput, f: ContactFields) -> CliResult {
    if let Some(k) = f.kind.and_then(|k| k.0) {
        input.kind = Some(k);
    }
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut input.name_ar, f.name_ar);
    set(&mut input.name_latin, f.name_latin);
    set(&mut input.company_name, f.company);
    set(&mut input.job_title, f.job_title);
    set(&mut input.city, f.city);
    set(&mut input.notes, f.notes);
    if let Some(s) = f.source {
        input.source = s.0;
    }
    if let Some(c) = f.channel {
        input.preferred_channel = c.0;
    }
    if let Some(name) = f.owner {
        input.owner_id = Some(users::get(db, actor, name.trim())?.id);
    }
    input.phones.extend(f.phone);
    input.emails.extend(f.email);
    input.tags.extend(f.tag);
    Ok(())
}

/// The owner's login name for display; the id is shown instead if the user is gone.
fn owner_name(db: &Db, actor: &Actor, c: &Contact) -> Option<String> {
    let id = c.owner_id.as_deref()?;
    users::get(db, actor, id).ok().map(|u| u.username)
}

impl ContactFields {
    /// True if any option that changes a contact was given.
    fn changes_something(&self) -> bool {
        self.kind.is_some()
            || self.name_ar.is_some()
            || self.name_latin.is_some()
            || self.company.is_some()
            || self.job_title.is_some()
            || !self.phone.is_empty()
            || !self.email.is_empty()
            || self.city.is_some()
            || self.source.is_some()
            || self.channel.is_some()
            || self.owner.is_some()
            || !self.tag.is_empty()
            || self.notes.is_some()
    }
}
