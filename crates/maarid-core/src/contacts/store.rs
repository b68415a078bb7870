//! Contact storage: validation, the rows, and the two search indexes kept in step in
//! the same transaction.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use super::phone::{normalize_email, normalize_phone, Phone};
use crate::fields;
use crate::ids::{new_id, now};
use crate::search::normalize::{digits, normalize};
use crate::{Error, Result, Rule};

/// A contact ready to store: trimmed, phones parsed, emails checked, custom values
/// canonical. Its id and timestamps are empty until it is saved.
pub(super) type Clean = Contact;

fn text(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong));
    }
    Ok(v.to_string())
}

/// The company's country: the default region for phone numbers typed without one.
/// (Only the country column: it is read for every contact saved, and the whole profile
/// would also decode the logo.)
pub(super) fn home_region(conn: &Connection) -> Result<String> {
    let country: Option<String> = conn
        .prepare_cached("SELECT country FROM company WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(country.unwrap_or_else(|| "SA".to_string()))
}

pub(super) fn clean(
    conn: &Connection,
    input: &ContactInput,
    default_owner: Option<&str>,
) -> Result<Clean> {
    clean_with(conn, input, default_owner, None)
}

/// `clean`, with the phones already parsed by the caller (one per entry of
/// `input.phones`, in order): an import parses each number once, not twice.
pub(super) fn clean_with(
    conn: &Connection,
    input: &ContactInput,
    default_owner: Option<&str>,
    parsed: Option<&[Phone]>,
) -> Result<Clean> {
    let name_ar = text("name_ar", &input.name_ar, 200)?;
    let name_latin = text("name_latin", &input.name_latin, 200)?;
    let company_name = text("company_name", &input.company_name, 200)?;
    if name_ar.is_empty() && name_latin.is_empty() && company_name.is_empty() {
        return Err(Error::invalid("name", Rule::Required));
    }
    // Read only when a number still needs parsing: an import hands them in parsed.
    let mut region: Option<String> = None;
    let mut phones: Vec<ContactPhone> = Vec::new();
    // Errors name the entry (its position in the input) so the form marks that row.
    for (i, p) in input
        .phones
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.number.trim().is_empty())
    {
        let parsed = match parsed.and_then(|all| all.get(i)) {
            Some(done) => done.clone(),
            None => {
                if region.is_none() {
                    region = Some(home_region(conn)?);
                }
                let region = region.as_deref().unwrap_or_default();
                normalize_phone(&p.number, region).map_err(|e| e.at(i))?
            }
        };
        if !phones.iter().any(|q| q.e164 == parsed.e164) {
            phones.push(ContactPhone {
                label: p.label,
                raw: p.number.trim().to_string(),
                e164: parsed.e164,
                national: parsed.national,
            });
        }
    }
    let mut emails: Vec<String> = Vec::new();
    for (i, e) in input
        .emails
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.trim().is_empty())
    {
        let e = normalize_email(e).map_err(|err| err.at(i))?;
        if !emails.contains(&e) {
            emails.push(e);
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for t in input
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        if t.chars().count() > 50 {
            return Err(Error::invalid("tags", Rule::TooLong));
        }
        if !tags.iter().any(|u| normalize(u) == normalize(t)) {
            tags.push(t.to_string());
        }
    }
    for (field, n, max) in [
        ("phones", phones.len(), 20),
        ("email", emails.len(), 20),
        ("tags", tags.len(), 50),
    ] {
        if n > max {
            return Err(Error::invalid(field, Rule::TooLong));
        }
    }
    let owner_id = input
        .owner_id
        .clone()
        .filter(|o| !o.is_empty())
        .or(default_owner.map(str::to_string));
    if let Some(o) = &owner_id {
        check_owner(conn, o)?;
    }
    let kind = input.kind.unwrap_or(ContactKind::Lead);
    // An import keeps every row's contact until it writes them.
    phones.shrink_to_fit();
    emails.shrink_to_fit();
    tags.shrink_to_fit();
    Ok(Clean {
        id: String::new(),
        kind,
        name_ar,
        name_latin,
        company_name,
        job_title: text("job_title", &input.job_title, 200)?,
        phones,
        emails,
        city: text("city", &input.city, 100)?,
        website: website(&input.website)?,
        addresses: addresses(&input.addresses)?,
        social: social(&input.social)?,
        custom: custom_values(conn, kind, &input.custom)?,
        source: input.source,
        preferred_channel: input.preferred_channel,
        owner_id,
        tags,
        notes: text("notes", &input.notes, 20_000)?,
        created_at: String::new(),
        updated_at: String::new(),
    })
}

/// An owner must be a user that exists (not deleted).
pub(super) fn check_owner(conn: &Connection, id: &str) -> Result<()> {
    let live: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND deleted_at IS NULL)")?
        .query_row([id], |r| r.get(0))?;
    if !live {
        return Err(Error::invalid("owner", Rule::UnknownValue));
    }
    Ok(())
}

/// A web address with its scheme ("showroom.sa" → "https://showroom.sa").
fn website(v: &str) -> Result<String> {
    let v = text("website", v, 300)?;
    if v.is_empty() {
        return Ok(v);
    }
    if v.chars().any(char::is_whitespace) || !v.contains('.') {
        return Err(Error::invalid("website", Rule::BadFormat));
    }
    let lower = v.to_lowercase();
    Ok(
        if lower.starts_with("http://") || lower.starts_with("https://") {
            v
        } else {
            format!("https://{v}")
        },
    )
}

fn addresses(input: &[Address]) -> Result<Vec<Address>> {
    let mut out = Vec::new();
    for (i, a) in input.iter().enumerate() {
        let at = |e: Error| e.at(i);
        let a = Address {
            label: a.label,
            line: text("addresses", &a.line, 300).map_err(at)?,
            city: text("addresses", &a.city, 100).map_err(at)?,
            region: text("addresses", &a.region, 100).map_err(at)?,
            postal_code: text("addresses", &a.postal_code, 20).map_err(at)?,
            country: a.country.trim().to_uppercase(),
        };
        if !a.country.is_empty()
            && (a.country.len() != 2 || !a.country.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(Error::invalid("addresses", Rule::BadFormat).at(i));
        }
        let empty = [&a.line, &a.city, &a.region, &a.postal_code]
            .iter()
            .all(|s| s.is_empty());
        if !empty && !out.contains(&a) {
            out.push(a);
        }
    }
    if out.len() > 10 {
        return Err(Error::invalid("addresses", Rule::TooLong));
    }
    Ok(out)
}

fn social(input: &[SocialAccount]) -> Result<Vec<SocialAccount>> {
    let mut out: Vec<SocialAccount> = Vec::new();
    for (i, s) in input.iter().enumerate() {
        let handle =
            text("social", s.handle.trim().trim_start_matches('@'), 200).map_err(|e| e.at(i))?;
        if handle.is_empty() {
            continue;
        }
        if handle.chars().any(char::is_whitespace) {
            return Err(Error::invalid("social", Rule::BadFormat).at(i));
        }
        let s = SocialAccount {
            network: s.network,
            handle,
        };
        if !out
            .iter()
            .any(|o| o.network == s.network && o.handle.eq_ignore_ascii_case(&s.handle))
        {
            out.push(s);
        }
    }
    if out.len() > 20 {
        return Err(Error::invalid("social", Rule::TooLong));
    }
    Ok(out)
}

/// Checks custom values against the live field definitions and the mandatory rules
/// for this kind of contact. Values of unknown or deleted fields are refused.
fn custom_values(
    conn: &Connection,
    kind: ContactKind,
    input: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let fields = fields::list_in(conn)?;
    if let Some(id) = input.keys().find(|id| !fields.iter().any(|f| &f.id == *id)) {
        return Err(Error::not_found("custom_field", id.clone()));
    }
    let mut out = BTreeMap::new();
    for f in &fields {
        let v = fields::canonical_value(f, input.get(&f.id).map(String::as_str).unwrap_or(""))?;
        if v.is_empty() {
            if f.required_for(kind) {
                return Err(Error::InvalidCustom {
                    field_id: f.id.clone(),
                    label: f.label(),
                    rule: Rule::Required,
                });
            }
        } else {
            out.insert(f.id.clone(), v);
        }
    }
    Ok(out)
}

/// Normalised display name (Arabic, else Latin, else company), for ranking.
fn name_norm(c: &Clean) -> String {
    let name = [&c.name_ar, &c.name_latin, &c.company_name]
        .into_iter()
        .find(|s| !s.is_empty());
    normalize(name.map(String::as_str).unwrap_or(""))
}

/// Normalised name and city, for "same name in the same city" hints (empty when
/// either is missing: a name alone is too weak a hint).
pub(super) fn name_key(c: &Clean) -> String {
    let name = normalize(if c.name_ar.is_empty() {
        &c.name_latin
    } else {
        &c.name_ar
    });
    let city = normalize(&c.city);
    if name.is_empty() || city.is_empty() {
        return String::new();
    }
    format!("{name}\u{1f}{city}")
}

/// `text_fields`: ids of the custom text fields, whose values are searchable too.
fn search_body(c: &Clean, text_fields: &[String]) -> String {
    let mut parts = vec![
        &c.name_ar,
        &c.name_latin,
        &c.company_name,
        &c.job_title,
        &c.city,
        &c.notes,
    ];
    parts.extend(c.tags.iter());
    parts.extend(c.emails.iter());
    parts.extend(
        c.custom
            .iter()
            .filter(|(id, _)| text_fields.contains(id))
            .map(|(_, v)| v),
    );
    normalize(
        &parts
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Every form a person might type a number in: national, with the trunk 0, and
/// international without "+".
fn phone_body(c: &Clean) -> String {
    let mut out = Vec::new();
    for p in &c.phones {
        out.push(p.national.clone());
        out.push(format!("0{}", p.national));
        out.push(digits(&p.e164));
    }
    out.join(" ")
}

/// Removes a contact's child rows before they are written again (an edit). Values of
/// deleted custom fields stay, so restoring a field brings them back.
fn clear_children(conn: &Connection, id: &str) -> Result<()> {
    for table in [
        "contact_phones",
        "contact_emails",
        "contact_tags",
        "contact_addresses",
        "contact_social",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE contact_id = ?1"))?
            .execute([id])?;
    }
    conn.prepare_cached(
        "DELETE FROM contact_field_values WHERE contact_id = ?1
           AND field_id IN (SELECT id FROM custom_fields WHERE deleted_at IS NULL)",
    )?
    .execute([id])?;
    Ok(())
}

/// Writes phones, emails, tags, addresses, social accounts and custom values. Every
/// statement is cached: batches write thousands of contacts through here.
fn write_children(conn: &Connection, id: &str, c: &Clean) -> Result<()> {
    let mut phone = conn.prepare_cached(
        "INSERT INTO contact_phones (id, contact_id, label, raw, e164, national, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, p) in c.phones.iter().enumerate() {
        phone.execute(params![
            new_id(),
            id,
            p.label.key(),
            p.raw,
            p.e164,
            p.national,
            i as i64
        ])?;
    }
    let mut email = conn.prepare_cached(
        "INSERT INTO contact_emails (id, contact_id, email, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, e) in c.emails.iter().enumerate() {
        email.execute(params![new_id(), id, e, i as i64])?;
    }
    let mut tag =
        conn.prepare_cached("INSERT INTO contact_tags (contact_id, tag) VALUES (?1, ?2)")?;
    for t in &c.tags {
        tag.execute(params![id, t])?;
    }
    for (i, a) in c.addresses.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO contact_addresses (id, contact_id, label, line, city, region, postal_code, country, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![new_id(), id, a.label.key(), a.line, a.city, a.region, a.postal_code, a.country, i as i64])?;
    }
    for (i, s) in c.social.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO contact_social (id, contact_id, network, handle, position) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![new_id(), id, s.network.key(), s.handle, i as i64])?;
    }
    for (field, value) in &c.custom {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO contact_field_values (contact_id, field_id, value) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, field, value])?;
    }
    Ok(())
}

/// Replaces a contact's entries in the search indexes (None: removes them).
pub(super) fn index(conn: &Connection, num: i64, c: Option<&Clean>) -> Result<()> {
    conn.prepare_cached("DELETE FROM contacts_fts WHERE rowid = ?1")?
        .execute([num])?;
    conn.prepare_cached("DELETE FROM contacts_phone_fts WHERE rowid = ?1")?
        .execute([num])?;
    match c {
        Some(c) => add_to_index(conn, num, c),
        None => Ok(()),
    }
}

/// Adds a contact that is not in the search indexes yet.
fn add_to_index(conn: &Connection, num: i64, c: &Clean) -> Result<()> {
    let text_fields: Vec<String> = if c.custom.is_empty() {
        Vec::new()
    } else {
        fields::list_in(conn)?
            .into_iter()
            .filter(|f| f.field_type == fields::FieldType::Text)
            .map(|f| f.id)
            .collect()
    };
    conn.prepare_cached("INSERT INTO contacts_fts (rowid, body) VALUES (?1, ?2)")?
        .execute(params![num, search_body(c, &text_fields)])?;
    if !c.phones.is_empty() {
        conn.prepare_cached("INSERT INTO contacts_phone_fts (rowid, digits) VALUES (?1, ?2)")?
            .execute(params![num, phone_body(c)])?;
    }
    Ok(())
}

pub(super) fn insert(conn: &Connection, c: &Clean, created_by: Option<&str>) -> Result<String> {
    let id = new_id();
    insert_as(conn, &id, c, &now(), created_by)?;
    Ok(id)
}

/// Writes a new contact with a given id and time (a batch gives all its rows one time).
pub(super) fn insert_as(
    conn: &Connection,
    id: &str,
    c: &Clean,
    at: &str,
    created_by: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contacts (id, kind, name_ar, name_latin, company_name, job_title, city, source,
            preferred_channel, owner_id, notes, name_key, name_norm, created_by, created_at, updated_at, website)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)",
    )?
    .execute(params![
        id, c.kind.key(), c.name_ar, c.name_latin, c.company_name, c.job_title, c.city,
        c.source.map(Source::key), c.preferred_channel.map(Channel::key), c.owner_id, c.notes,
        name_key(c), name_norm(c), created_by, at, c.website
    ])?;
    let num = conn.last_insert_rowid();
    write_children(conn, id, c)?;
    add_to_index(conn, num, c)
}

pub(super) fn update(conn: &Connection, id: &str, c: &Clean) -> Result<()> {
    let num = num_of(conn, id)?;
    conn.execute(
        "UPDATE contacts SET kind = ?2, name_ar = ?3, name_latin = ?4, company_name = ?5, job_title = ?6,
            city = ?7, source = ?8, preferred_channel = ?9, owner_id = ?10, notes = ?11, name_key = ?12,
            name_norm = ?13, updated_at = ?14, website = ?15
         WHERE id = ?1",
        params![
            id, c.kind.key(), c.name_ar, c.name_latin, c.company_name, c.job_title, c.city,
            c.source.map(Source::key), c.preferred_channel.map(Channel::key), c.owner_id, c.notes,
            name_key(c), name_norm(c), now(), c.website
        ],
    )?;
    clear_children(conn, id)?;
    write_children(conn, id, c)?;
    index(conn, num, Some(c))
}

pub(super) fn num_of(conn: &Connection, id: &str) -> Result<i64> {
    conn.query_row(
        "SELECT num FROM contacts WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::not_found("contact", id))
}

/// The owner of a live contact: all a rights check needs (no child rows read).
pub(super) fn owner_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT owner_id FROM contacts WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found("contact", id))
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Contact> {
    let mut c = conn
        .query_row(
            "SELECT id, kind, name_ar, name_latin, company_name, job_title, city, source, preferred_channel,
                owner_id, notes, created_at, updated_at, website
             FROM contacts WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| {
                let kind: String = r.get(1)?;
                let source: Option<String> = r.get(7)?;
                let channel: Option<String> = r.get(8)?;
                Ok(Contact {
                    id: r.get(0)?,
                    kind: ContactKind::parse(&kind).unwrap_or(ContactKind::Lead),
                    name_ar: r.get(2)?,
                    name_latin: r.get(3)?,
                    company_name: r.get(4)?,
                    job_title: r.get(5)?,
                    city: r.get(6)?,
                    source: source.as_deref().and_then(Source::parse),
                    preferred_channel: channel.as_deref().and_then(Channel::parse),
                    owner_id: r.get(9)?,
                    notes: r.get(10)?,
                    created_at: r.get(11)?,
                    updated_at: r.get(12)?,
                    website: r.get(13)?,
                    phones: vec![],
                    emails: vec![],
                    tags: vec![],
                    addresses: vec![],
                    social: vec![],
                    custom: BTreeMap::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("contact", id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT label, raw, e164, national FROM contact_phones WHERE contact_id = ?1 ORDER BY position",
    )?;
    c.phones = stmt
        .query_map([id], |r| {
            let label: String = r.get(0)?;
            Ok(ContactPhone {
                label: PhoneLabel::parse(&label).unwrap_or(PhoneLabel::Other),
                raw: r.get(1)?,
                e164: r.get(2)?,
                national: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT email FROM contact_emails WHERE contact_id = ?1 ORDER BY position",
    )?;
    c.emails = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY tag")?;
    c.tags = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT label, line, city, region, postal_code, country FROM contact_addresses
         WHERE contact_id = ?1 ORDER BY position",
    )?;
    c.addresses = stmt
        .query_map([id], |r| {
            let label: String = r.get(0)?;
            Ok(Address {
                label: AddressLabel::parse(&label).unwrap_or(AddressLabel::Other),
                line: r.get(1)?,
                city: r.get(2)?,
                region: r.get(3)?,
                postal_code: r.get(4)?,
                country: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT network, handle FROM contact_social WHERE contact_id = ?1 ORDER BY position",
    )?;
    c.social = stmt
        .query_map([id], |r| {
            let network: String = r.get(0)?;
            Ok(SocialAccount {
                network: SocialNetwork::parse(&network).unwrap_or(SocialNetwork::Other),
                handle: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT v.field_id, v.value FROM contact_field_values v
         JOIN custom_fields f ON f.id = v.field_id AND f.deleted_at IS NULL
         WHERE v.contact_id = ?1",
    )?;
    c.custom = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

/// Existing live contacts that look like `c` (leaving out `except`, the one being edited).
pub(super) fn duplicates(
    conn: &Connection,
    c: &Clean,
    except: Option<&str>,
    emails_count: bool,
) -> Result<Vec<DuplicateMatch>> {
    let mut out: Vec<DuplicateMatch> = Vec::new();
    let mut push =
        |conn: &Connection, id: String, reason: DuplicateReason, matched: &str| -> Result<()> {
            if Some(id.as_str()) != except
                && !out.iter().any(|m| m.contact_id == id && m.reason == reason)
            {
                let display_name = get(conn, &id)?.display_name().to_string();
                out.push(DuplicateMatch {
                    contact_id: id,
                    display_name,
                    reason,
                    matched: matched.to_string(),
                });
            }
            Ok(())
        };
    let live = "JOIN contacts c ON c.id = x.contact_id AND c.deleted_at IS NULL";
    for p in &c.phones {
        let ids: Vec<String> = conn
            .prepare_cached(&format!(
                "SELECT DISTINCT x.contact_id FROM contact_phones x {live} WHERE x.e164 = ?1"
            ))?
            .query_map([&p.e164], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            push(conn, id, DuplicateReason::SamePhone, &p.raw)?;
        }
    }
    if emails_count {
        for e in &c.emails {
            let ids: Vec<String> = conn
                .prepare_cached(&format!(
                    "SELECT DISTINCT x.contact_id FROM contact_emails x {live} WHERE x.email = ?1"
                ))?
                .query_map([e], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                push(conn, id, DuplicateReason::SameEmail, e)?;
            }
        }
    }
    let key = name_key(c);
    if !key.is_empty() {
        let ids: Vec<String> = conn
            .prepare_cached(
                // `name_key <> ''` lets SQLite use the partial index.
                "SELECT id FROM contacts WHERE name_key = ?1 AND name_key <> '' AND deleted_at IS NULL LIMIT 5",
            )?
            .query_map([&key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let shown = if c.name_ar.is_empty() {
            c.name_latin.clone()
        } else {
            c.name_ar.clone()
        };
        for id in ids {
            push(conn, id, DuplicateReason::SimilarNameSameCity, &shown)?;
        }
    }
    Ok(out)
}
