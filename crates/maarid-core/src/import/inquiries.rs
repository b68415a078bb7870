//! Inquiries from a sheet: who asked (found by mobile number first, then email, then
//! name; someone unknown is saved as a new lead in the same batch), through which
//! channel, about what, when, with which budget and salesperson. A row repeats a saved
//! inquiry (or an earlier row) when it is the same contact, the same day and the same
//! items of interest.
//!
//! Also the contact columns and the contact finder that the import of quotations uses.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::Decimal;

use super::engine::{BatchLog, Ctx, Importer, RowCheck, RowMatch};
use super::fields::{match_key, text, Choices, FieldInfo, Users};
use super::header::CONTACT_SYNONYMS;
use super::kind::{OnDuplicate, RowOutcome};
use super::problem::ImportProblem;
use super::products::{decimal, has_arabic, row_error};
use super::values::{date_from_cell, phone_from_cell, Cell};
use crate::access::{Action, Actor, DocType, Target};
use crate::contacts::import::{self as people, Prepared as NewPerson, Rules};
use crate::contacts::phone::Phone;
use crate::contacts::{ContactInput, ContactKind, PhoneInput, PhoneLabel, Source};
use crate::i18n::Text;
use crate::ids::{new_id, now};
use crate::inquiries::import::{self as store, Changes, NewInquiry, Prepared};
use crate::inquiries::{
    Inquiry, InquiryChannel, InquiryInput, InquiryItemInput, InquiryStatus, LOST_REASONS,
};
use crate::numbering::import as series;
use crate::search::normalize::normalize;
use crate::{numbering, Error, ErrorPayload, Result, Rule};

// ---- Contact columns, shared with quotations ------------------------------------------

fn contact_synonyms(key: &str) -> Vec<&'static str> {
    CONTACT_SYNONYMS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, s)| s.to_vec())
        .unwrap_or_default()
}

/// The columns that say who: name, mobile, email and city (for a new contact).
pub(super) fn contact_fields() -> Vec<FieldInfo> {
    let f = |key: &str, ar: &'static str, en: &'static str, syn: &str, extra: &[&str]| {
        let mut s = contact_synonyms(syn);
        s.extend_from_slice(extra);
        FieldInfo::new(key, Text::new(ar, en), false, false, &s)
    };
    vec![
        f(
            "contact_name",
            "اسم العميل",
            "Customer name",
            "name_ar",
            &["العميل", "contact", "contact name"],
        ),
        f("phone", "الجوال", "Mobile", "phone", &["الهاتف"]),
        f("email", "البريد الإلكتروني", "Email", "email", &[]),
        f("city", "المدينة", "City", "city", &[]),
    ]
}

/// The contact columns of a row.
#[derive(Debug, Clone, Default)]
pub(super) struct Party {
    pub name: String,
    pub phone: Option<Phone>,
    pub email: String,
    pub city: String,
}

impl Party {
    pub fn read(ctx: &Ctx, row: &[Cell], problems: &mut Vec<ErrorPayload>) -> Party {
        let cols = ctx.cols;
        let mut txt = |field: &'static str| {
            text(cols.cell(row, field), field).unwrap_or_else(|e| {
                problems.push(e.to_payload());
                String::new()
            })
        };
        let (name, email, city) = (txt("contact_name"), txt("email"), txt("city"));
        let phone = phone_from_cell(cols.cell(row, "phone"), &ctx.region).unwrap_or_else(|e| {
            problems.push(e.to_payload());
            None
        });
        Party {
            name,
            phone,
            email: email.to_lowercase(),
            city,
        }
    }

    /// How the row names its contact, for messages.
    pub fn shown(&self) -> String {
        [
            self.name.as_str(),
            self.phone.as_ref().map_or("", |p| p.raw.as_str()),
            self.email.as_str(),
        ]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string()
    }
}

/// The contact of a row: a saved one, or one the batch will create (by its index).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Who {
    Saved(String),
    New(usize),
}

/// What a contact the batch creates is.
pub(super) struct NewContact {
    pub kind: ContactKind,
    pub source: Option<Source>,
    pub owner_id: Option<String>,
}

struct Pending {
    person: Box<NewPerson>,
    name: String,
}

/// Finds the contacts rows name, and keeps the new ones until they are written.
pub(super) struct ContactFinder {
    rules: Rules,
    /// Normalised names of saved contacts → (id, display name); read when first needed.
    names: Option<HashMap<String, Vec<(String, String)>>>,
    shown: HashMap<String, String>,
    pending: Vec<Pending>,
    by_phone: HashMap<String, usize>,
    by_email: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// The ids of pending contacts once written.
    written: HashMap<usize, String>,
}

type Found = std::result::Result<Who, ErrorPayload>;

impl ContactFinder {
    pub fn new(conn: &Connection) -> Result<Self> {
        Ok(ContactFinder {
            rules: Rules::load(conn)?,
            names: None,
            shown: HashMap::new(),
            pending: Vec::new(),
            by_phone: HashMap::new(),
            by_email: HashMap::new(),
            by_name: HashMap::new(),
            written: HashMap::new(),
        })
    }

    /// The first of `found` the actor may read; the refusal when there are some but
    /// none readable (a contact of another salesperson is not silently duplicated).
    fn readable(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        found: Vec<(String, String)>,
    ) -> Result<Option<Found>> {
        let mut refused = None;
        for (id, name) in found {
            match crate::contacts::authorize_on(conn, actor, Action::Read, &id) {
                Ok(()) => {
                    self.shown.insert(id.clone(), name);
                    return Ok(Some(Ok(Who::Saved(id))));
                }
                Err(e) => refused = Some(Err(row_error(e, "contact")?)),
            }
        }
        Ok(refused)
    }

    fn saved_by_name(&mut self, conn: &Connection, key: &str) -> Result<Vec<(String, String)>> {
        if self.names.is_none() {
            let mut names: HashMap<String, Vec<(String, String)>> = HashMap::new();
            store::contact_names(conn, |id, shown, all| {
                for n in all.iter().map(|n| normalize(n)).filter(|n| !n.is_empty()) {
                    let e = names.entry(n).or_default();
                    if !e.iter().any(|(i, _)| i == id) {
                        e.push((id.to_string(), shown.to_string()));
                    }
                }
            })?;
            self.names = Some(names);
        }
        Ok(self
            .names
            .as_ref()
            .and_then(|n| n.get(key))
            .cloned()
            .unwrap_or_default())
    }

    /// The row's contact: by mobile number, else email, else (when the row has neither)
    /// by name; someone unknown becomes a contact the batch creates, as `new` says.
    pub fn find(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        party: &Party,
        new: &NewContact,
    ) -> Result<Found> {
        let name_key = normalize(&party.name);
        if let Some(p) = &party.phone {
            if let Some(found) =
                self.readable(conn, actor, store::contacts_by_phone(conn, &p.e164)?)?
            {
                return Ok(found);
            }
            if let Some(&k) = self.by_phone.get(&p.e164) {
                return Ok(Ok(Who::New(k)));
            }
        }
        if !party.email.is_empty() {
            if let Some(found) =
                self.readable(conn, actor, store::contacts_by_email(conn, &party.email)?)?
            {
                return Ok(found);
            }
            if let Some(&k) = self.by_email.get(&party.email) {
                return Ok(Ok(Who::New(k)));
            }
        }
        if party.phone.is_none() && party.email.is_empty() {
            if name_key.is_empty() {
                return Ok(Err(Error::invalid("contact", Rule::Required).to_payload()));
            }
            let saved = self.saved_by_name(conn, &name_key)?;
            let readable: Vec<(String, String)> = saved
                .into_iter()
                .filter(|(id, _)| {
                    crate::contacts::authorize_on(conn, actor, Action::Read, id).is_ok()
                })
                .collect();
            if readable.len() > 1 {
                let e = Error::Import(ImportProblem::AmbiguousContact {
                    name: party.name.clone(),
                    count: readable.len(),
                });
                return Ok(Err(row_error(e, "contact")?));
            }
            if let Some(found) = self.readable(conn, actor, readable)? {
                return Ok(found);
            }
            if let Some(&k) = self.by_name.get(&name_key) {
                return Ok(Ok(Who::New(k)));
            }
        }
        self.add(conn, actor, party, new)
    }

    /// Someone the file names and the database does not know: checked as a new contact
    /// is, kept for writing.
    fn add(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        party: &Party,
        new: &NewContact,
    ) -> Result<Found> {
        if let Err(e) = actor.authorize(DocType::Contact, Action::Create, Target::Own) {
            return Ok(Err(row_error(e, "contact")?));
        }
        let (name_ar, name_latin) = if has_arabic(&party.name) || party.name.is_empty() {
            (party.name.clone(), String::new())
        } else {
            (String::new(), party.name.clone())
        };
        let input = ContactInput {
            kind: Some(new.kind),
            name_ar,
            name_latin,
            phones: party
                .phone
                .iter()
                .map(|p| PhoneInput {
                    number: p.raw.clone(),
                    label: PhoneLabel::Mobile,
                })
                .collect(),
            emails: [party.email.clone()]
                .into_iter()
                .filter(|e| !e.is_empty())
                .collect(),
            city: party.city.clone(),
            source: new.source,
            owner_id: new.owner_id.clone(),
            ..ContactInput::default()
        };
        let person = match people::prepare(conn, actor, &self.rules, &input, &[]) {
            Ok(p) => p,
            Err(e) => return Ok(Err(row_error(unindexed(e), "contact")?)),
        };
        let k = self.pending.len();
        if let Some(p) = &party.phone {
            self.by_phone.insert(p.e164.clone(), k);
        }
        if !party.email.is_empty() {
            self.by_email.insert(party.email.clone(), k);
        }
        let name_key = normalize(&party.name);
        if !name_key.is_empty() {
            self.by_name.entry(name_key).or_insert(k);
        }
        self.pending.push(Pending {
            person: Box::new(person),
            name: party.shown(),
        });
        Ok(Ok(Who::New(k)))
    }

    /// The contact's name, for the preview.
    pub fn name(&self, who: &Who) -> String {
        match who {
            Who::Saved(id) => self.shown.get(id).cloned().unwrap_or_default(),
            Who::New(k) => self.pending[*k].name.clone(),
        }
    }

    /// The contact's id, writing it first when the batch creates it.
    pub fn id(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        who: &Who,
        at: &str,
        log: &mut BatchLog,
    ) -> Result<String> {
        let k = match who {
            Who::Saved(id) => return Ok(id.clone()),
            Who::New(k) => *k,
        };
        if let Some(id) = self.written.get(&k) {
            return Ok(id.clone());
        }
        let id = new_id();
        people::insert(
            conn,
            &id,
            &self.pending[k].person,
            at,
            actor.user_id.as_deref(),
        )?;
        log.created("contact", &id, at);
        self.written.insert(k, id.clone());
        Ok(id)
    }
}

/// A refusal of a new contact's phone or email names the row's one column.
fn unindexed(e: Error) -> Error {
    match e {
        Error::Invalid { field, rule, .. } => {
            let field = match field {
                "phones" => "phone",
                f => f,
            };
            Error::invalid(field, rule)
        }
        other => other,
    }
}

/// A day as stored for a past document: noon UTC, so it stays that day everywhere.
pub(super) fn day_stamp(day: NaiveDate) -> String {
    format!("{day}T12:00:00.000Z")
}

pub(super) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Logs the series' state from before the batch took numbers, for the undo.
pub(super) fn log_series(
    conn: &Connection,
    doc_type: &'static str,
    before: Option<series::SeriesState>,
    log: &mut BatchLog,
) -> Result<()> {
    let Some(before) = before else {
        return Ok(());
    };
    if let Some(after) = series::state(conn, doc_type)? {
        if after.updated_at != before.updated_at {
            log.updated("number_series", doc_type, &before, &after.updated_at)?;
        }
    }
    Ok(())
}

// ---- Inquiries ----------------------------------------------------------------------------

/// The inquiry fields a column can feed. None is required as a column: a row needs a
/// contact (mobile, email or name); everything else has a default.
pub(crate) fn fields() -> Vec<FieldInfo> {
    let f = |key: &str, ar: &'static str, en: &'static str, s: &[&str]| {
        FieldInfo::new(key, Text::new(ar, en), false, false, s)
    };
    let mut out = contact_fields();
    out.extend([
        f(
            "channel",
            "قناة الاستفسار",
            "Channel",
            &[
                "القناة",
                "طريقة التواصل",
                "وسيلة التواصل",
                "مصدر الاستفسار",
                "المصدر",
                "channel",
                "source",
                "via",
            ],
        ),
        f(
            "status",
            "الحالة",
            "Status",
            &["حالة الاستفسار", "status", "stage"],
        ),
        f(
            "date",
            "التاريخ",
            "Date",
            &[
                "تاريخ الاستفسار",
                "تاريخ الطلب",
                "تاريخ الزيارة",
                "تاريخ التواصل",
                "date",
                "inquiry date",
                "created_at",
            ],
        ),
        f(
            "items",
            "الأصناف المطلوبة",
            "Items of interest",
            &[
                "المطلوب",
                "الصنف المطلوب",
                "السيارة المطلوبة",
                "الاهتمام",
                "يرغب في",
                "الصنف",
                "السيارة",
                "items",
                "interest",
                "interested in",
                "product",
                "car",
                "vehicle",
            ],
        ),
        f(
            "budget",
            "الميزانية",
            "Budget",
            &["الميزانيه", "الميزانية المتوقعة", "budget"],
        ),
        f(
            "owner",
            "البائع",
            "Salesperson",
            &[
                "المندوب",
                "مندوب المبيعات",
                "الموظف",
                "المسؤول",
                "salesperson",
                "sales person",
                "sales rep",
                "owner",
                "assigned to",
                "owner_name",
            ],
        ),
        f(
            "follow_up_on",
            "تاريخ المتابعة",
            "Follow-up date",
            &[
                "موعد المتابعة",
                "المتابعة القادمة",
                "follow up",
                "follow-up",
                "next follow up",
            ],
        ),
        f(
            "notes",
            "الملاحظات",
            "Notes",
            &["ملاحظات", "notes", "remarks", "comments"],
        ),
        f(
            "lost_reason",
            "سبب الخسارة",
            "Lost reason",
            &["سبب عدم الشراء", "lost reason", "reason lost"],
        ),
    ]);
    for f in out.iter_mut() {
        f.date = matches!(f.key.as_str(), "date" | "follow_up_on");
    }
    out
}

pub(super) fn channels() -> Choices<InquiryChannel> {
    let t = Text::new;
    Choices::new(&[
        (
            InquiryChannel::WalkIn,
            "walk_in",
            t("زيارة للمعرض", "Walk-in"),
        ),
        (
            InquiryChannel::Phone,
            "phone",
            t("اتصال هاتفي", "Phone call"),
        ),
        (
            InquiryChannel::Email,
            "email",
            t("البريد الإلكتروني", "Email"),
        ),
        (
            InquiryChannel::Website,
            "website",
            t("الموقع الإلكتروني", "Website"),
        ),
        (
            InquiryChannel::Social,
            "social",
            t("وسائل التواصل الاجتماعي", "Social media"),
        ),
        (
            InquiryChannel::Whatsapp,
            "whatsapp",
            t("واتساب", "WhatsApp"),
        ),
    ])
    .with(
        InquiryChannel::WalkIn,
        &["زيارة", "حضور", "المعرض", "walk in", "visit", "showroom"],
    )
    .with(InquiryChannel::Phone, &["هاتف", "اتصال", "جوال", "call"])
    .with(InquiryChannel::Email, &["ايميل", "بريد", "e-mail", "mail"])
    .with(
        InquiryChannel::Website,
        &["الموقع", "موقع", "web", "online"],
    )
    .with(
        InquiryChannel::Social,
        &[
            "سوشيال ميديا",
            "تواصل اجتماعي",
            "انستقرام",
            "تويتر",
            "سناب",
            "سناب شات",
            "تيك توك",
            "فيسبوك",
            "instagram",
            "twitter",
            "snapchat",
            "tiktok",
            "facebook",
            "social_media",
        ],
    )
    .with(InquiryChannel::Whatsapp, &["واتس", "واتس اب", "whats app"])
}

fn statuses() -> Choices<InquiryStatus> {
    let t = Text::new;
    Choices::new(&[
        (InquiryStatus::Open, "open", t("مفتوح", "Open")),
        (
            InquiryStatus::Contacted,
            "contacted",
            t("تم التواصل", "Contacted"),
        ),
        (InquiryStatus::Replied, "replied", t("تم الرد", "Replied")),
        (InquiryStatus::Quoted, "quoted", t("تم تقديم عرض", "Quoted")),
        (InquiryStatus::Won, "won", t("ناجح", "Won")),
        (InquiryStatus::Lost, "lost", t("خسارة", "Lost")),
        (
            InquiryStatus::Cancelled,
            "cancelled",
            t("ملغي", "Cancelled"),
        ),
    ])
    .with(InquiryStatus::Open, &["جديد", "مفتوحة", "new", "pending"])
    .with(
        InquiryStatus::Contacted,
        &["تم الاتصال", "تم التواصل معه", "اتصلنا"],
    )
    .with(InquiryStatus::Replied, &["رد", "رد العميل", "answered"])
    .with(
        InquiryStatus::Quoted,
        &["عرض سعر", "تم إرسال عرض", "أرسل عرض"],
    )
    .with(
        InquiryStatus::Won,
        &["تم البيع", "مباع", "ناجحة", "بيع", "sold", "closed won"],
    )
    .with(
        InquiryStatus::Lost,
        &["خسرنا", "مفقود", "لم يشتر", "لم يتم", "closed lost"],
    )
    .with(
        InquiryStatus::Cancelled,
        &["ملغى", "ملغاة", "الغاء", "canceled"],
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

/// A row as read: None means "not in the row".
struct RowValues {
    party: Party,
    channel: Option<InquiryChannel>,
    status: Option<InquiryStatus>,
    lost_reason: String,
    date: Option<NaiveDate>,
    items: Vec<String>,
    budget: Option<Decimal>,
    owner: Option<String>,
    follow_up_on: Option<NaiveDate>,
    notes: String,
}

enum Kept {
    New {
        who: Who,
        p: Box<Prepared>,
        channel: InquiryChannel,
        status: InquiryStatus,
        lost_reason: String,
        owner: Option<String>,
        day: Option<NaiveDate>,
    },
    Update {
        before: Box<Inquiry>,
        p: Box<Prepared>,
        channel: InquiryChannel,
        status: InquiryStatus,
        lost_reason: String,
        owner: Option<String>,
    },
}

pub(crate) struct InquiryImporter {
    users: Users,
    channels: Choices<InquiryChannel>,
    statuses: Choices<InquiryStatus>,
    contacts: ContactFinder,
    /// (contact, day, items) of the rows kept so far, with their row.
    seen: HashMap<(Who, NaiveDate, String), usize>,
    targeted: HashMap<String, usize>,
    usernames: HashMap<String, String>,
    kept: Vec<Option<Kept>>,
}

/// Items compared as people read them: the same words, whatever the spelling variant.
fn items_key<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(match_key).collect::<Vec<_>>().join("\n")
}

impl InquiryImporter {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        let mut usernames = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, coalesce(nullif(full_name, ''), username) FROM users WHERE deleted_at IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            usernames.insert(r.get(0)?, r.get(1)?);
        }
        Ok(InquiryImporter {
            users: Users::load(conn)?,
            channels: channels(),
            statuses: statuses(),
            contacts: ContactFinder::new(conn)?,
            seen: HashMap::new(),
            targeted: HashMap::new(),
            usernames,
            kept: Vec::new(),
        })
    }

    fn read_row(&self, ctx: &Ctx, row: &[Cell], problems: &mut Vec<ErrorPayload>) -> RowValues {
        let cols = ctx.cols;
        let party = Party::read(ctx, row, problems);
        let mut note = |e: Error| problems.push(e.to_payload());
        let txt = |field: &'static str, note: &mut dyn FnMut(Error)| {
            text(cols.cell(row, field), field).unwrap_or_else(|e| {
                note(e);
                String::new()
            })
        };
        let date = |field: &'static str, note: &mut dyn FnMut(Error)| {
            date_from_cell(cols.cell(row, field), ctx.date_order, field).unwrap_or_else(|e| {
                note(e);
                None
            })
        };
        let channel = txt("channel", &mut note);
        let status = txt("status", &mut note);
        let owner = txt("owner", &mut note);
        let items = txt("items", &mut note);
        let mut v = RowValues {
            party,
            channel: None,
            status: None,
            lost_reason: txt("lost_reason", &mut note),
            date: date("date", &mut note),
            items: items
                .split([';', '؛', '\n', '\r'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            budget: decimal(cols.cell(row, "budget"), "budget").unwrap_or_else(|e| {
                note(e);
                None
            }),
            owner: None,
            follow_up_on: date("follow_up_on", &mut note),
            notes: txt("notes", &mut note),
        };
        if !channel.is_empty() {
            v.channel = self.channels.get(&channel);
            if v.channel.is_none() {
                note(Error::invalid("channel", Rule::UnknownValue));
            }
        }
        if !status.is_empty() {
            v.status = self.statuses.get(&status);
            if v.status.is_none() {
                note(Error::invalid("status", Rule::UnknownValue));
            }
        }
        if !owner.is_empty() {
            v.owner = self.users.find(&owner).map(str::to_string);
            if v.owner.is_none() {
                note(Error::invalid("owner", Rule::UnknownValue));
            }
        }
        if v.date.is_some_and(|d| d > today()) {
            note(Error::invalid("date", Rule::OutOfRange));
        }
        v
    }

    /// The items as an inquiry's input: a code of the catalog names that item.
    fn item_inputs(conn: &Connection, items: &[String]) -> Result<Vec<InquiryItemInput>> {
        items
            .iter()
            .map(|text| {
                let product_id = store::product_by_code(conn, text)?;
                Ok(InquiryItemInput {
                    description: if product_id.is_some() {
                        String::new()
                    } else {
                        text.clone()
                    },
                    product_id,
                    quantity: Decimal::ONE,
                })
            })
            .collect()
    }

    fn owner_right(&self, actor: &Actor, owner: Option<&str>, action: Action) -> Result<()> {
        let target = if owner.is_none() || owner == actor.user_id.as_deref() {
            Target::Own
        } else {
            Target::Anyone
        };
        actor.authorize(DocType::Inquiry, action, target)
    }

    fn check_row(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        index: usize,
        v: RowValues,
        out: &mut RowCheck,
    ) -> Result<Option<Kept>> {
        let channel = v.channel.unwrap_or(InquiryChannel::WalkIn);
        let owner = v.owner.clone().or_else(|| actor.user_id.clone());
        if let Err(e) = self.owner_right(actor, owner.as_deref(), Action::Create) {
            out.problems.push(row_error(e, "owner")?);
            return Ok(None);
        }
        let who = match self.contacts.find(
            conn,
            actor,
            &v.party,
            &NewContact {
                kind: ContactKind::Lead,
                source: source_for(channel),
                owner_id: owner.clone(),
            },
        )? {
            Ok(w) => w,
            Err(p) => {
                out.problems.push(p);
                return Ok(None);
            }
        };
        let input = InquiryInput {
            contact_id: None,
            new_contact: None,
            create_contact: false,
            allow_duplicate: false,
            channel,
            items: Self::item_inputs(conn, &v.items)?,
            budget: v.budget,
            notes: v.notes.clone(),
            owner_id: owner.clone(),
            follow_up_on: v.follow_up_on,
        };
        let p = match store::prepare(conn, &input) {
            Ok(p) => p,
            Err(e) => {
                out.problems.push(row_error(e, "inquiry")?);
                return Ok(None);
            }
        };
        let day = v.date.unwrap_or_else(today);
        let key = (who.clone(), day, items_key(p.item_descriptions()));
        let shown = self.contacts.name(&who);
        let matched = format!("{shown} — {day} — {}", v.items.join("; "));
        if let Some(&row) = self.seen.get(&key) {
            out.matches.push(RowMatch {
                id: None,
                row: Some(row),
                name: shown.clone(),
                reason: "same_inquiry".into(),
                matched: matched.clone(),
            });
        }
        if let Who::Saved(id) = &who {
            for saved in store::on_day(conn, id, day)? {
                if items_key(saved.items.iter().map(|i| i.description.as_str())) == key.2 {
                    out.matches.push(RowMatch {
                        id: Some(saved.id.clone()),
                        row: None,
                        name: format!("{} ({})", saved.number, shown),
                        reason: "same_inquiry".into(),
                        matched: matched.clone(),
                    });
                }
            }
        }
        let status = v.status.unwrap_or(InquiryStatus::Open);
        let lost_reason = match (status, v.lost_reason.trim()) {
            (InquiryStatus::Lost, "") => "other".to_string(),
            (InquiryStatus::Lost, r) => LOST_REASONS
                .iter()
                .find(|k| match_key(k) == match_key(r))
                .map_or(r.to_string(), |k| k.to_string()),
            _ => String::new(),
        };
        if out.matches.is_empty() || ctx.on_duplicate == OnDuplicate::Create {
            out.outcome = RowOutcome::New;
            self.seen.entry(key).or_insert(index);
            return Ok(Some(Kept::New {
                who,
                p: Box::new(p),
                channel,
                status,
                lost_reason,
                owner,
                day: v.date,
            }));
        }
        out.outcome = RowOutcome::Duplicate;
        let target = match ctx.on_duplicate {
            OnDuplicate::Update if out.matches.iter().all(|m| m.row.is_none()) => {
                out.matches[0].id.clone().unwrap_or_default()
            }
            _ => return Ok(None),
        };
        if let Some(&earlier) = self.targeted.get(&target) {
            out.matches.push(RowMatch {
                id: None,
                row: Some(earlier),
                name: shown,
                reason: "same_inquiry".into(),
                matched,
            });
            return Ok(None);
        }
        let before = store::get(conn, &target)?;
        match self.update_of(conn, actor, &before, &v, channel) {
            Ok(kept) => {
                out.outcome = RowOutcome::Updated;
                out.target = Some(target.clone());
                self.targeted.insert(target, index);
                Ok(Some(kept))
            }
            Err(e) => {
                out.outcome = RowOutcome::Invalid;
                out.problems.push(row_error(e, "inquiry")?);
                Ok(None)
            }
        }
    }

    /// The saved inquiry with what the row says on top, checked as an edit and a status
    /// change by hand are (only open, contacted and replied inquiries can change).
    fn update_of(
        &self,
        conn: &Connection,
        actor: &Actor,
        before: &Inquiry,
        v: &RowValues,
        channel: InquiryChannel,
    ) -> Result<Kept> {
        actor.authorize(
            DocType::Inquiry,
            Action::Write,
            Target::OwnedBy(before.owner_id.as_deref()),
        )?;
        if !before.status.is_editable() {
            return Err(Error::ReadOnly {
                entity: "inquiry",
                number: before.number.clone(),
                status: before.status.key(),
            });
        }
        let owner = v.owner.clone().or_else(|| before.owner_id.clone());
        if owner != before.owner_id {
            actor.authorize(DocType::Inquiry, Action::Write, Target::Anyone)?;
        }
        let status = v.status.unwrap_or(before.status);
        if status != before.status && !before.status.can_go_to(status) {
            return Err(Error::StatusNotAllowed {
                entity: "inquiry",
                number: before.number.clone(),
                from: before.status.key(),
                to: status.key(),
            });
        }
        let input = InquiryInput {
            contact_id: None,
            new_contact: None,
            create_contact: false,
            allow_duplicate: false,
            channel: v.channel.unwrap_or(before.channel),
            items: before
                .items
                .iter()
                .map(|i| InquiryItemInput {
                    product_id: i.product_id.clone(),
                    description: i.description.clone(),
                    quantity: i.quantity,
                })
                .collect(),
            budget: v.budget.or(before.budget),
            notes: if v.notes.is_empty() {
                before.notes.clone()
            } else {
                v.notes.clone()
            },
            owner_id: owner.clone(),
            follow_up_on: v.follow_up_on.or(before.follow_up_on),
        };
        let p = store::prepare(conn, &input)?;
        let lost_reason = match status {
            InquiryStatus::Lost if v.lost_reason.is_empty() => "other".to_string(),
            InquiryStatus::Lost => v.lost_reason.clone(),
            _ => before.lost_reason.clone(),
        };
        Ok(Kept::Update {
            before: Box::new(before.clone()),
            p: Box::new(p),
            channel: if v.channel.is_some() {
                channel
            } else {
                before.channel
            },
            status,
            lost_reason,
            owner,
        })
    }
}

impl Importer for InquiryImporter {
    fn check(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        index: usize,
        row: &[Cell],
    ) -> Result<RowCheck> {
        debug_assert_eq!(index, self.kept.len());
        let mut out = RowCheck {
            outcome: RowOutcome::Invalid,
            problems: Vec::new(),
            matches: Vec::new(),
            target: None,
        };
        let v = self.read_row(ctx, row, &mut out.problems);
        let kept = if out.problems.is_empty() {
            self.check_row(conn, actor, ctx, index, v, &mut out)?
        } else {
            None
        };
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
        let (p, channel, status, lost, owner) = match self.kept.get(index).and_then(Option::as_ref)
        {
            Some(Kept::New {
                who,
                p,
                channel,
                status,
                lost_reason,
                owner,
                day,
            }) => {
                put("contact_name", self.contacts.name(who));
                put("date", day.unwrap_or_else(today).to_string());
                (p, channel, status, lost_reason, owner)
            }
            Some(Kept::Update {
                before,
                p,
                channel,
                status,
                lost_reason,
                owner,
            }) => {
                put("contact_name", before.contact_name.clone());
                (p, channel, status, lost_reason, owner)
            }
            None => return v,
        };
        put("channel", channel.key().to_string());
        put("status", status.key().to_string());
        put("lost_reason", lost.clone());
        put(
            "items",
            p.item_descriptions().collect::<Vec<_>>().join("; "),
        );
        put(
            "budget",
            p.budget().map(|b| b.to_string()).unwrap_or_default(),
        );
        put(
            "owner",
            owner
                .as_ref()
                .and_then(|o| self.usernames.get(o))
                .cloned()
                .unwrap_or_default(),
        );
        put(
            "follow_up_on",
            p.follow_up_on().map(|d| d.to_string()).unwrap_or_default(),
        );
        put("notes", p.notes().to_string());
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
        let day = today();
        let before = series::state(conn, "inquiry")?;
        for kept in std::mem::take(&mut self.kept).into_iter().flatten() {
            match kept {
                Kept::New {
                    who,
                    p,
                    channel,
                    status,
                    lost_reason,
                    owner,
                    day: made,
                } => {
                    let contact_id = self.contacts.id(conn, actor, &who, &at, log)?;
                    let number = numbering::take_next(conn, "inquiry", day)?;
                    let id = new_id();
                    store::insert(
                        conn,
                        actor,
                        &NewInquiry {
                            id: &id,
                            number: &number,
                            contact_id: &contact_id,
                            channel,
                            status,
                            lost_reason: &lost_reason,
                            owner_id: owner.as_deref(),
                            created_at: &made.map(day_stamp).unwrap_or_else(|| at.clone()),
                            at: &at,
                        },
                        &p,
                    )?;
                    log.created("inquiry", &id, &at);
                }
                Kept::Update {
                    before,
                    p,
                    channel,
                    status,
                    lost_reason,
                    owner,
                } => {
                    store::update(
                        conn,
                        &before.id,
                        &Changes {
                            channel,
                            status,
                            lost_reason: &lost_reason,
                            owner_id: owner.as_deref(),
                            at: &at,
                        },
                        &p,
                    )?;
                    log.updated("inquiry", &before.id, &before, &at)?;
                }
            }
            tick()?;
        }
        log_series(conn, "inquiry", before, log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_and_statuses_in_both_languages() {
        assert_eq!(channels().get("واتساب"), Some(InquiryChannel::Whatsapp));
        assert_eq!(channels().get("Walk-in"), Some(InquiryChannel::WalkIn));
        assert_eq!(channels().get("انستقرام"), Some(InquiryChannel::Social));
        assert_eq!(statuses().get("تم البيع"), Some(InquiryStatus::Won));
        assert_eq!(statuses().get("lost"), Some(InquiryStatus::Lost));
        assert_eq!(statuses().get("ربما"), None);
    }

    #[test]
    fn items_compare_across_spelling_variants() {
        assert_eq!(
            items_key(["كامري ٢٠٢٤", "لاندكروزر"].into_iter()),
            items_key(["كامرى 2024", "لاندكروزر"].into_iter())
        );
    }
}
