//! A contact from pasted text: an e-mail signature, a contact forwarded on
//! WhatsApp, the text of a business card read by OCR, or a vCard — in Arabic,
//! English or both. Pure functions, no database: the result pre-fills the contact
//! form, where the user checks it before saving.
//!
//! # How text is read
//!
//! * Invisible marks (LRM, RLM, embeddings, isolates, ZWSP, BOM) and tatweel are
//!   removed; lines are split further at `|`, `•` and `·`.
//! * Greetings and closings ("Best regards", «مع التحية», "Sent from my iPhone",
//!   "Hi Ahmed,") are dropped, and so is a disclaimer's whole paragraph. A closing
//!   makes the next line the likely name, even if it is one word.
//! * A labelled line ("M:", "Tel.", «جوال:», "E-mail", «سناب:», "📍", …) is read as
//!   its label says, when the value fits it.
//! * Otherwise e-mail addresses, web addresses (social profiles among them) and
//!   phone numbers are taken out wherever they are; a phone number is kept only if
//!   [`normalize_phone`](super::phone::normalize_phone) accepts it with the
//!   caller's default region, as written in the text. Its label comes from the
//!   words around it, else from its kind (mobile → mobile, else work). A fax is
//!   not a phone: the line goes to the notes. A number with an extension is kept
//!   without it, and the whole line goes to the notes.
//! * What is left is a job title, a company, an address or a person's name, told
//!   by keywords (Manager, «مدير», Motors, «معرض», W.L.L, Road, «حي», cities and
//!   countries…). A line holding two of them ("Sales Manager - Al Jazirah Motors",
//!   «مدير معرض الإسكندرية للأثاث») is cut in two.
//! * Names lose their honorifics (Dr., Eng., «م.», «د.», «الأستاذ»…); a Latin name
//!   written in capitals is put in title case. A name in Arabic script fills
//!   `name_ar`, one in Latin script `name_latin`.
//! * Nothing is invented, and nothing is lost: a line that was not understood, or
//!   a second company or title, goes to the notes as it was written.
//!
//! Text starting with `BEGIN:VCARD` is read as a vCard (see [`parse_vcards`]).

mod address;
mod labels;
mod lines;
mod names;
mod phones;
mod social;
mod text;
mod vcard;
mod web;

use serde::Serialize;

use super::{PhoneInput, PhoneLabel};
use address::AddressParts;

/// What could be read from pasted text, ready to fill the contact form.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PastedContact {
    /// A name written in Arabic script.
    pub name_ar: String,
    /// A name written in Latin script.
    pub name_latin: String,
    pub company_name: String,
    pub job_title: String,
    /// Numbers as they appeared in the text (trimmed), each accepted by
    /// `normalize_phone`, with a guessed label.
    pub phones: Vec<PhoneInput>,
    /// Lower-cased, valid.
    pub emails: Vec<String>,
    /// With a scheme ("https://" added if none was written).
    pub website: String,
    pub address: Option<PastedAddress>,
    pub social: Vec<PastedSocial>,
    /// Lines that were not understood, kept so nothing is lost.
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PastedAddress {
    /// Street, district, building, PO box… in the order written.
    pub line: String,
    /// A recognised city in the script it was written in, or the text of a
    /// "City:" label or a vCard's locality.
    pub city: String,
    pub region: String,
    /// ASCII digits.
    pub postal_code: String,
    /// ISO 3166 alpha-2 if recognised (or implied by a recognised city), else "".
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PastedSocial {
    /// One of: instagram, x, facebook, linkedin, snapchat, tiktok, telegram,
    /// youtube, other.
    pub network: String,
    /// The handle without "@"; for LinkedIn the path after the domain
    /// ("in/name", "company/name"); for YouTube "name" for "/@name", else the path
    /// ("channel/ID"); for `other` the URL.
    pub handle: String,
}

/// Reads a block of pasted text (email signature, WhatsApp-forwarded contact,
/// business-card OCR text, or a vCard) in Arabic, English or mixed.
/// `default_region` (e.g. "SA") reads national phone numbers.
pub fn parse_text(text: &str, default_region: &str) -> PastedContact {
    if vcard::looks_like_vcard(text) {
        if let Some(first) = vcard::parse(text, default_region).into_iter().next() {
            return first;
        }
    }
    text::parse(text, default_region)
}

/// Reads a .vcf file's text: one or many cards (vCard 2.1, 3.0 and 4.0).
pub fn parse_vcards(text: &str, default_region: &str) -> Vec<PastedContact> {
    vcard::parse(text, default_region)
}

/// Collects what the text and vCard readers find, keeping the first of each
/// single-valued field and sending the rest to the notes.
struct Builder<'r> {
    c: PastedContact,
    region: &'r str,
    e164s: Vec<String>,
    addr: AddressParts,
    notes: Vec<String>,
}

impl<'r> Builder<'r> {
    fn new(region: &'r str) -> Self {
        Builder {
            c: PastedContact::default(),
            region,
            e164s: Vec::new(),
            addr: AddressParts::default(),
            notes: Vec::new(),
        }
    }

    /// A phone number already accepted by `normalize_phone`. The same number
    /// twice is kept once; a mobile also given as WhatsApp becomes WhatsApp.
    fn phone(&mut self, number: &str, e164: &str, label: PhoneLabel) {
        if let Some(i) = self.e164s.iter().position(|e| e == e164) {
            let p = &mut self.c.phones[i];
            if label == PhoneLabel::Whatsapp && p.label == PhoneLabel::Mobile {
                p.label = PhoneLabel::Whatsapp;
            }
            return;
        }
        self.e164s.push(e164.to_string());
        self.c.phones.push(PhoneInput {
            number: number.trim().to_string(),
            label,
        });
    }

    fn email(&mut self, email: String) {
        if !self.c.emails.contains(&email) {
            self.c.emails.push(email);
        }
    }

    fn social(&mut self, s: PastedSocial) {
        if !self.c.social.contains(&s) {
            self.c.social.push(s);
        }
    }

    /// A web address: a social profile, a WhatsApp link, or the website (the
    /// first one; later ones go to the notes).
    fn url(&mut self, url: &str) {
        let (host, path) = web::split(url);
        match social::link(&host, path) {
            Some(social::Link::Profile(n, h)) => self.social(social::social(n, &h)),
            Some(social::Link::Whatsapp(number)) => {
                match super::phone::normalize_phone(&number, self.region) {
                    Ok(p) => self.phone(&number, &p.e164, PhoneLabel::Whatsapp),
                    Err(_) => self.note(url),
                }
            }
            Some(social::Link::Other) => self.social(PastedSocial {
                network: "other".into(),
                handle: web::website(url),
            }),
            None => {
                let site = web::website(url);
                if self.c.website.is_empty() {
                    self.c.website = site;
                } else if self.c.website != site {
                    self.note(url);
                }
            }
        }
    }

    fn note(&mut self, text: &str) {
        let t = text.trim();
        if !t.is_empty() && !self.notes.iter().any(|n| n == t) {
            self.notes.push(t.to_string());
        }
    }

    /// A person's name (honorifics already removed): into the slot of its script
    /// if that is empty. A text with one name in each script fills both. False if
    /// nothing could be placed.
    fn name(&mut self, name: &str) -> bool {
        if let Some((ar, la)) = names::split_scripts(name) {
            let a = self.name_in(&ar);
            let l = self.name_in(&la);
            if !(a && l) {
                // Keep whatever did not fit.
                if !a {
                    self.note(&ar);
                }
                if !l {
                    self.note(&la);
                }
            }
            return true;
        }
        self.name_in(name)
    }

    fn name_in(&mut self, name: &str) -> bool {
        let slot = if crate::search::normalize::has_arabic(name) {
            &mut self.c.name_ar
        } else {
            &mut self.c.name_latin
        };
        if !slot.is_empty() {
            return false;
        }
        *slot = names::tidy_name(name.trim());
        true
    }

    fn company(&mut self, text: &str) -> bool {
        fill(&mut self.c.company_name, text)
    }

    fn title(&mut self, text: &str) -> bool {
        fill(&mut self.c.job_title, text)
    }

    fn finish(mut self) -> PastedContact {
        if let Some(a) = self.addr.build(self.region) {
            self.c.address = Some(a);
        }
        self.c.notes = self.notes.join("\n");
        self.c
    }
}

/// Sets an empty field; false if it already had a value.
fn fill(field: &mut String, text: &str) -> bool {
    let t = text.trim();
    if !field.is_empty() || t.is_empty() {
        return false;
    }
    *field = t.to_string();
    true
}

impl PastedContact {
    /// The contact form's input: a lead unless the user says otherwise; an address
    /// is a work address when a company was found, else a home address.
    pub fn to_input(&self) -> super::ContactInput {
        use super::{Address, AddressLabel, SocialAccount, SocialNetwork};
        let addresses = self
            .address
            .iter()
            .map(|a| Address {
                label: if self.company_name.is_empty() {
                    AddressLabel::Home
                } else {
                    AddressLabel::Work
                },
                line: a.line.clone(),
                city: a.city.clone(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
            })
            .collect();
        super::ContactInput {
            kind: Some(super::ContactKind::Lead),
            name_ar: self.name_ar.clone(),
            name_latin: self.name_latin.clone(),
            company_name: self.company_name.clone(),
            job_title: self.job_title.clone(),
            phones: self.phones.clone(),
            emails: self.emails.clone(),
            city: self
                .address
                .as_ref()
                .map(|a| a.city.clone())
                .unwrap_or_default(),
            website: self.website.clone(),
            addresses,
            social: self
                .social
                .iter()
                .map(|s| SocialAccount {
                    network: SocialNetwork::parse(&s.network).unwrap_or(SocialNetwork::Other),
                    handle: s.handle.clone(),
                })
                .collect(),
            notes: self.notes.clone(),
            ..Default::default()
        }
    }
}
