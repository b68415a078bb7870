//! Contacts from a sheet: the columns people keep (name, mobile, email, city, visit
//! date…), read faithfully, checked with the same rules and duplicate checks as a
//! contact saved by hand.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::engine::{BatchLog, Ctx, Importer, RowCheck, RowMatch};
use super::fields::{split_multi, text, Choices, FieldInfo, Users};
use super::header::CONTACT_SYNONYMS;
use super::kind::{OnDuplicate, RowOutcome};
use super::values::{date_from_cell, phone_from_cell, Cell};
use crate::access::Actor;
use crate::contacts::import::{self as store, FileRows, Prepared, Rules};
use crate::contacts::phone::Phone;
use crate::contacts::{
    Address, AddressLabel, BatchMatch, Channel, ContactInput, ContactKind, DuplicateReason,
    PhoneInput, PhoneLabel, Source,
};
use crate::fields::{self as custom, FieldType};
use crate::i18n::Text;
use crate::ids::{new_id, now};
use crate::interactions::{self, InteractionInput, InteractionKind};
use crate::{Error, ErrorPayload, Result, Rule};

fn synonyms(key: &str) -> &'static [&'static str] {
    // The header list names the one-value form.
    let key = match key {
        "phones" => "phone",
        "emails" => "email",
        k => k,
    };
    CONTACT_SYNONYMS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, s)| *s)
        .unwrap_or(&[])
}

/// The contact fields a column can feed, then one per custom field.
pub(crate) fn fields(conn: &Connection) -> Result<Vec<FieldInfo>> {
    let f = |key: &str, ar: &'static str, en: &'static str, multi: bool, extra: &[&str]| {
        let mut s: Vec<&str> = synonyms(key).to_vec();
        s.extend_from_slice(extra);
        FieldInfo::new(key, Text::new(ar, en), false, multi, &s)
    };
    let mut out = vec![
        f(
            "name_ar",
            "الاسم",
            "Name",
            false,
            &["الاسم بالعربية", "name in arabic"],
        ),
        f(
            "name_latin",
            "الاسم بالأحرف اللاتينية",
            "Name in Latin letters",
            false,
            &[],
        ),
        f("company_name", "اسم الشركة", "Company name", false, &[]),
        f("job_title", "المسمى الوظيفي", "Job title", false, &[]),
        f(
            "kind",
            "النوع",
            "Type",
            false,
            &["نوع جهة الاتصال", "contact type", "type"],
        ),
        f(
            "phones",
            "الهواتف",
            "Phones",
            true,
            &[
                "phone",
                "phones",
                "الهواتف",
                "phone 2",
                "mobile 2",
                "جوال 2",
                "هاتف العمل",
                "work phone",
                "هاتف آخر",
                "other phone",
            ],
        ),
        f(
            "emails",
            "البريد الإلكتروني",
            "Emails",
            true,
            &["email", "emails", "البريد الالكتروني", "email 2"],
        ),
        f("city", "المدينة", "City", false, &[]),
        f(
            "address",
            "العنوان",
            "Address",
            false,
            &["address", "الحي", "district", "street", "الشارع"],
        ),
        f(
            "region",
            "المنطقة",
            "Region",
            false,
            &["region", "province", "state", "المنطقه"],
        ),
        f("country", "الدولة", "Country", false, &["country", "البلد"]),
        f(
            "website",
            "الموقع الإلكتروني",
            "Website",
            false,
            &["website", "web", "الموقع"],
        ),
        f("source", "المصدر", "Source", false, &[]),
        f(
            "preferred_channel",
            "وسيلة التواصل المفضلة",
            "Preferred channel",
            false,
            &["preferred channel", "قناة التواصل", "channel"],
        ),
        f(
            "tags",
            "الوسوم",
            "Tags",
            true,
            &["tags", "تصنيف", "التصنيف", "labels", "category"],
        ),
        f(
            "owner",
            "المسؤول",
            "Owner",
            false,
            &[
                "owner",
                "salesperson",
                "sales person",
                "البائع",
                "مندوب المبيعات",
                "الموظف",
            ],
        ),
        f("notes", "الملاحظات", "Notes", false, &[]),
        f("visit_date", "تاريخ الزيارة", "Visit date", false, &[]),
    ];
    out.last_mut().expect("visit date").date = true;
    for c in custom::list_in(conn)? {
        let mut info = FieldInfo::new(
            &format!("custom.{}", c.id),
            Text::new("", ""),
            false,
            false,
            &[],
        );
        info.label = Text::new(c.label_ar.clone(), c.label_en.clone());
        info.date = c.field_type == FieldType::Date;
        out.push(info);
    }
    Ok(out)
}

/// A checked row kept for writing.
enum Kept {
    New {
        p: Box<Prepared>,
        visit: Option<NaiveDate>,
    },
    Update {
        target: String,
        input: Box<ContactInput>,
        visit: Option<NaiveDate>,
    },
}

pub(crate) struct ContactImporter {
    rules: Rules,
    users: Users,
    kinds: Choices<ContactKind>,
    sources: Choices<Source>,
    channels: Choices<Channel>,
    custom: Vec<custom::CustomField>,
    file: FileRows,
    /// Saved contacts an earlier row updates, with that row: a second row for the same
    /// contact is a duplicate of the first.
    targeted: HashMap<String, usize>,
    kept: Vec<Option<Kept>>,
    /// Rows before this one were written already (`Importer::write` as the check goes).
    written: usize,
    /// The newest contact saved before the import: see `store::last_num`.
    saved_up_to: i64,
}

impl ContactImporter {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        let t = Text::new;
        Ok(ContactImporter {
            rules: Rules::load(conn)?,
            users: Users::load(conn)?,
            kinds: Choices::new(&[
                (ContactKind::Lead, "lead", t("عميل محتمل", "Lead")),
                (ContactKind::Customer, "customer", t("عميل", "Customer")),
                (ContactKind::Company, "company", t("شركة", "Company")),
            ])
            .with(ContactKind::Lead, &["محتمل", "prospect"])
            .with(ContactKind::Customer, &["زبون", "client"]),
            sources: Choices::new(&[
                (Source::WalkIn, "walk_in", t("زيارة للمعرض", "Walk-in")),
                (Source::Phone, "phone", t("اتصال هاتفي", "Phone call")),
                (Source::Website, "website", t("الموقع الإلكتروني", "Website")),
                (
                    Source::SocialMedia,
                    "social_media",
                    t("وسائل التواصل الاجتماعي", "Social media"),
                ),
                (Source::Referral, "referral", t("توصية", "Referral")),
                (Source::Campaign, "campaign", t("حملة تسويقية", "Campaign")),
                (Source::Other, "other", t("أخرى", "Other")),
            ])
            .with(
                Source::WalkIn,
                &[
                    "زيارة",
                    "حضور للمعرض",
                    "المعرض",
                    "showroom",
                    "walk in",
                    "visit",
                ],
            )
            .with(Source::Phone, &["هاتف", "اتصال", "call"])
            .with(
                Source::SocialMedia,
                &[
                    "سوشيال ميديا",
                    "انستقرام",
                    "instagram",
                    "twitter",
                    "snapchat",
                ],
            )
            .with(Source::Referral, &["توصية من عميل", "referred"]),
            channels: Choices::new(&[
                (Channel::Phone, "phone", t("الهاتف", "Phone")),
                (Channel::Whatsapp, "whatsapp", t("واتساب", "WhatsApp")),
                (Channel::Email, "email", t("البريد الإلكتروني", "Email")),
                (Channel::Sms, "sms", t("رسالة نصية", "SMS")),
                (Channel::Visit, "visit", t("زيارة", "Visit")),
            ])
            .with(Channel::Phone, &["اتصال", "call", "هاتف"])
            .with(Channel::Email, &["ايميل", "بريد"]),
            custom: custom::list_in(conn)?,
            file: FileRows::default(),
            targeted: HashMap::new(),
            kept: Vec::new(),
            written: 0,
            saved_up_to: store::last_num(conn)?,
        })
    }

    /// The row as a contact to save, and the visit date; or the row's problems.
    fn read_row(
        &self,
        ctx: &Ctx,
        row: &[Cell],
        problems: &mut Vec<ErrorPayload>,
    ) -> (ContactInput, Vec<Phone>, Option<NaiveDate>) {
        let cols = ctx.cols;
        let mut note = |e: Error| problems.push(e.to_payload());
        let txt = |field: &'static str, note: &mut dyn FnMut(Error)| -> String {
            match text(cols.cell(row, field), field) {
                Ok(t) => t,
                Err(e) => {
                    note(e);
                    String::new()
                }
            }
        };
        let mut c = ContactInput {
            name_ar: txt("name_ar", &mut note),
            name_latin: txt("name_latin", &mut note),
            company_name: txt("company_name", &mut note),
            job_title: txt("job_title", &mut note),
            city: txt("city", &mut note),
            website: txt("website", &mut note),
            notes: txt("notes", &mut note),
            ..ContactInput::default()
        };
        // A name in Latin letters in the one "name" column goes where Latin names go.
        if c.name_latin.is_empty()
            && !c.name_ar.is_empty()
            && !c
                .name_ar
                .chars()
                .any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch))
        {
            c.name_latin = std::mem::take(&mut c.name_ar);
        }
        let mut phones = Vec::new();
        for cell in cols.cells(row, "phones") {
            let numbers: Vec<Cell> = match cell {
                Cell::Text(t) => split_multi(t).map(|s| Cell::Text(s.to_string())).collect(),
                other => vec![other.clone()],
            };
            for n in numbers {
                match phone_from_cell(&n, &ctx.region) {
                    Ok(Some(p)) => {
                        c.phones.push(PhoneInput {
                            number: p.raw.clone(),
                            label: PhoneLabel::Mobile,
                        });
                        phones.push(p);
                    }
                    Ok(None) => {}
                    Err(e) => note(retarget(e, "phones")),
                }
            }
        }
        for cell in cols.cells(row, "emails") {
            match text(cell, "emails") {
                Ok(t) => c.emails.extend(split_multi(&t).map(str::to_string)),
                Err(e) => note(e),
            }
        }
        for cell in cols.cells(row, "tags") {
            match text(cell, "tags") {
                Ok(t) => c.tags.extend(split_multi(&t).map(str::to_string)),
                Err(e) => note(e),
            }
        }
        let kind = txt("kind", &mut note);
        if !kind.is_empty() {
            match self.kinds.get(&kind) {
                Some(k) => c.kind = Some(k),
                None => note(Error::invalid("kind", Rule::UnknownValue)),
            }
        }
        let source = txt("source", &mut note);
        if !source.is_empty() {
            match self.sources.get(&source) {
                Some(s) => c.source = Some(s),
                None => note(Error::invalid("source", Rule::UnknownValue)),
            }
        }
        let channel = txt("preferred_channel", &mut note);
        if !channel.is_empty() {
            match self.channels.get(&channel) {
                Some(s) => c.preferred_channel = Some(s),
                None => note(Error::invalid("preferred_channel", Rule::UnknownValue)),
            }
        }
        let owner = txt("owner", &mut note);
        if !owner.is_empty() {
            match self.users.find(&owner) {
                Some(id) => c.owner_id = Some(id.to_string()),
                None => note(Error::invalid("owner", Rule::UnknownValue)),
            }
        }
        let line = txt("address", &mut note);
        let region = txt("region", &mut note);
        let country = txt("country", &mut note);
        if !line.is_empty() || !region.is_empty() {
            c.addresses.push(Address {
                label: AddressLabel::Home,
                line,
                city: c.city.clone(),
                region,
                postal_code: String::new(),
                country,
            });
        }
        for f in &self.custom {
            let key = format!("custom.{}", f.id);
            let cell = cols.cell(row, &key);
            let value = if f.field_type == FieldType::Date {
                date_from_cell(cell, ctx.date_order, "custom")
                    .map(|d| d.map(|d| d.to_string()).unwrap_or_default())
            } else {
                text(cell, "custom")
            };
            match value {
                Ok(v) if !v.is_empty() => {
                    c.custom.insert(f.id.clone(), v);
                }
                Ok(_) => {}
                Err(Error::Invalid { rule, .. }) => note(Error::InvalidCustom {
                    field_id: f.id.clone(),
                    label: f.label(),
                    rule,
                }),
                Err(e) => note(e),
            }
        }
        let visit = match date_from_cell(cols.cell(row, "visit_date"), ctx.date_order, "visit_date")
        {
            Ok(d) => d,
            Err(e) => {
                note(e);
                None
            }
        };
        (c, phones, visit)
    }
}

/// A phone problem named for the import's field.
fn retarget(e: Error, field: &'static str) -> Error {
    match e {
        Error::Invalid { rule, index, .. } => Error::Invalid { field, rule, index },
        other => other,
    }
}

fn to_row_match(m: BatchMatch) -> RowMatch {
    RowMatch {
        id: m.contact_id,
        row: m.row,
        name: m.display_name,
        reason: m.reason.key().to_string(),
        matched: m.matched,
    }
}

/// Errors that are the row's fault (reported with it) rather than the database's.
fn row_error(e: Error) -> Result<ErrorPayload> {
    match e {
        Error::Db(_) | Error::Internal(_) | Error::Io { .. } => Err(e),
        e => Ok(e.to_payload()),
    }
}

impl Importer for ContactImporter {
    /// A row only ever adds a contact (or is left out), so rows can be written as they
    /// are checked, and the import never holds the whole file as contacts. Updating
    /// saved contacts waits for the full check: an update changes what later rows are
    /// compared with.
    fn streams(&self, ctx: &Ctx) -> bool {
        ctx.on_duplicate != OnDuplicate::Update
    }

    fn finish(
        &mut self,
        _conn: &Connection,
        _actor: &Actor,
        _ctx: &Ctx,
    ) -> Result<Vec<(usize, RowCheck)>> {
        // The duplicate checks are over: their indexes of the file's rows can go.
        self.file = FileRows::default();
        self.targeted = HashMap::new();
        Ok(Vec::new())
    }

    fn check(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        index: usize,
        row: &[Cell],
    ) -> Result<RowCheck> {
        debug_assert_eq!(index, self.kept.len());
        let mut problems = Vec::new();
        let (input, phones, visit) = self.read_row(ctx, row, &mut problems);
        let mut out = RowCheck {
            outcome: RowOutcome::Invalid,
            problems,
            matches: Vec::new(),
            target: None,
        };
        if !out.problems.is_empty() {
            self.kept.push(None);
            return Ok(out);
        }
        let p = match store::prepare(conn, actor, &self.rules, &input, &phones) {
            Ok(p) => p,
            Err(e) => {
                out.problems.push(row_error(e)?);
                self.kept.push(None);
                return Ok(out);
            }
        };
        // With no contact saved before the import (a first import), there is nothing to
        // look up; the file's own rows are compared below.
        let mut matches = if self.saved_up_to > 0 {
            store::saved_matches(conn, &p, self.saved_up_to)?
        } else {
            Vec::new()
        };
        self.file.matches(&p, &mut matches);
        let kept = if matches.is_empty() {
            out.outcome = RowOutcome::New;
            self.file.add(index, &p);
            Some(Kept::New {
                p: Box::new(p),
                visit,
            })
        } else {
            match ctx.on_duplicate {
                OnDuplicate::Create => {
                    out.outcome = RowOutcome::New;
                    self.file.add(index, &p);
                    Some(Kept::New {
                        p: Box::new(p),
                        visit,
                    })
                }
                OnDuplicate::Skip => {
                    out.outcome = RowOutcome::Duplicate;
                    None
                }
                OnDuplicate::Update => {
                    // Only a shared phone or email says which saved contact this is; a
                    // similar name alone is too weak to overwrite anyone.
                    let target = matches.iter().find_map(|m| match m.reason {
                        DuplicateReason::SamePhone | DuplicateReason::SameEmail => {
                            m.contact_id.clone()
                        }
                        _ => None,
                    });
                    match target {
                        Some(t) if self.targeted.contains_key(&t) => {
                            out.outcome = RowOutcome::Duplicate;
                            let earlier = self.targeted[&t];
                            let first = &matches[0];
                            matches.push(BatchMatch {
                                contact_id: None,
                                row: Some(earlier),
                                display_name: first.display_name.clone(),
                                reason: first.reason,
                                matched: first.matched.clone(),
                            });
                            None
                        }
                        Some(t) => {
                            self.targeted.insert(t.clone(), index);
                            out.outcome = RowOutcome::Updated;
                            out.target = Some(t.clone());
                            Some(Kept::Update {
                                target: t,
                                input: Box::new(input),
                                visit,
                            })
                        }
                        None => {
                            out.outcome = RowOutcome::Duplicate;
                            None
                        }
                    }
                }
            }
        };
        out.matches = matches.into_iter().map(to_row_match).collect();
        self.kept.push(kept);
        Ok(out)
    }

    fn values(&self, index: usize) -> BTreeMap<String, String> {
        let mut v = BTreeMap::new();
        let mut put = |k: &str, s: String| {
            if !s.is_empty() {
                v.insert(k.to_string(), s);
            }
        };
        match self.kept.get(index).and_then(Option::as_ref) {
            Some(Kept::New { p, visit }) => {
                let c = &p.clean;
                put("name_ar", c.name_ar.clone());
                put("name_latin", c.name_latin.clone());
                put("company_name", c.company_name.clone());
                put("job_title", c.job_title.clone());
                put("kind", c.kind.key().to_string());
                put(
                    "phones",
                    c.phones
                        .iter()
                        .map(|p| p.raw.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                put("emails", c.emails.join("; "));
                put("city", c.city.clone());
                put("website", c.website.clone());
                put(
                    "source",
                    c.source.map(|s| s.key().to_string()).unwrap_or_default(),
                );
                put(
                    "preferred_channel",
                    c.preferred_channel
                        .map(|s| s.key().to_string())
                        .unwrap_or_default(),
                );
                put("tags", c.tags.join("; "));
                put("notes", c.notes.clone());
                if let Some(a) = c.addresses.first() {
                    put("address", a.line.clone());
                    put("region", a.region.clone());
                    put("country", a.country.clone());
                }
                put(
                    "visit_date",
                    visit.map(|d| d.to_string()).unwrap_or_default(),
                );
                for (k, val) in &c.custom {
                    put(&format!("custom.{k}"), val.clone());
                }
            }
            Some(Kept::Update { input, visit, .. }) => {
                put("name_ar", input.name_ar.clone());
                put("name_latin", input.name_latin.clone());
                put(
                    "phones",
                    input
                        .phones
                        .iter()
                        .map(|p| p.number.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                put("emails", input.emails.join("; "));
                put("city", input.city.clone());
                put(
                    "visit_date",
                    visit.map(|d| d.to_string()).unwrap_or_default(),
                );
            }
            None => {}
        }
        v
    }

    fn write(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        log: &mut BatchLog,
        tick: &mut dyn FnMut() -> Result<()>,
    ) -> Result<()> {
        let at = now();
        let me = actor.user_id.as_deref();
        // Slots stay (as None), so that row indexes keep their meaning.
        let start = self.written;
        self.written = self.kept.len();
        for kept in self.kept[start..].iter_mut().filter_map(Option::take) {
            let (id, visit) = match kept {
                Kept::New { p, visit } => {
                    let id = new_id();
                    store::insert(conn, &id, &p, &at, me)?;
                    log.created("contact", &id, &at);
                    (id, visit)
                }
                Kept::Update {
                    target,
                    input,
                    visit,
                } => {
                    let before = store::merge_into(conn, actor, &target, &input)?;
                    let written = store::updated_at(conn, &target)?.unwrap_or_default();
                    log.updated("contact", &target, &before, &written)?;
                    (target, visit)
                }
            };
            if let Some(day) = visit {
                let (iid, iat) = interactions::insert_quiet(
                    conn,
                    actor,
                    &InteractionInput {
                        contact_id: id,
                        kind: InteractionKind::Visit,
                        direction: None,
                        outcome: String::new(),
                        body: String::new(),
                        occurred_at: Some(format!("{day}T12:00:00Z")),
                        doc_id: None,
                    },
                )?;
                log.created("interaction", &iid, &iat);
            }
            tick()?;
        }
        Ok(())
    }
}
