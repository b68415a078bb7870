//! What a contact is, as the UI, the CLI and the storage see it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;

keyed_enum!(ContactKind {
    Lead = "lead",
    Customer = "customer",
    Company = "company",
});

keyed_enum!(
    /// How the contact first reached the showroom.
    Source {
        WalkIn = "walk_in",
        Phone = "phone",
        Website = "website",
        SocialMedia = "social_media",
        Referral = "referral",
        Campaign = "campaign",
        Other = "other",
    }
);

keyed_enum!(Channel {
    Phone = "phone",
    Whatsapp = "whatsapp",
    Email = "email",
    Sms = "sms",
    Visit = "visit",
});

keyed_enum!(PhoneLabel {
    Mobile = "mobile",
    Work = "work",
    Whatsapp = "whatsapp",
    Home = "home",
    Other = "other",
});

keyed_enum!(AddressLabel {
    Home = "home",
    Work = "work",
    Showroom = "showroom",
    Billing = "billing",
    Delivery = "delivery",
    Other = "other",
});

keyed_enum!(SocialNetwork {
    Instagram = "instagram",
    X = "x",
    Facebook = "facebook",
    Linkedin = "linkedin",
    Snapchat = "snapchat",
    Tiktok = "tiktok",
    Telegram = "telegram",
    Youtube = "youtube",
    Other = "other",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default = "home")]
    pub label: AddressLabel,
    /// Street, district, building.
    #[serde(default)]
    pub line: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub postal_code: String,
    /// ISO 3166 alpha-2, or empty.
    #[serde(default)]
    pub country: String,
}

fn home() -> AddressLabel {
    AddressLabel::Home
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SocialAccount {
    pub network: SocialNetwork,
    /// The handle without "@", or a link for "other".
    pub handle: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhoneInput {
    pub number: String,
    #[serde(default = "mobile")]
    pub label: PhoneLabel,
}

fn mobile() -> PhoneLabel {
    PhoneLabel::Mobile
}

/// What a person fills in. At least one name or the company name is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactInput {
    pub kind: Option<ContactKind>,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_latin: String,
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub phones: Vec<PhoneInput>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub addresses: Vec<Address>,
    #[serde(default)]
    pub social: Vec<SocialAccount>,
    /// Custom field values by field id, as typed (numbers, YYYY-MM-DD dates, choice keys).
    #[serde(default)]
    pub custom: BTreeMap<String, String>,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub preferred_channel: Option<Channel>,
    /// The salesperson in charge; defaults to whoever creates the contact.
    #[serde(default)]
    pub owner_id: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactPhone {
    pub label: PhoneLabel,
    /// As typed.
    pub raw: String,
    pub e164: String,
    pub national: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub kind: ContactKind,
    pub name_ar: String,
    pub name_latin: String,
    pub company_name: String,
    pub job_title: String,
    pub phones: Vec<ContactPhone>,
    pub emails: Vec<String>,
    pub city: String,
    pub website: String,
    pub addresses: Vec<Address>,
    pub social: Vec<SocialAccount>,
    /// Custom field values by field id, in canonical form.
    pub custom: BTreeMap<String, String>,
    pub source: Option<Source>,
    pub preferred_channel: Option<Channel>,
    pub owner_id: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A saved contact as input, so an edit can change parts of it. Phones are given as
/// they were typed.
impl From<&Contact> for ContactInput {
    fn from(c: &Contact) -> Self {
        ContactInput {
            kind: Some(c.kind),
            name_ar: c.name_ar.clone(),
            name_latin: c.name_latin.clone(),
            company_name: c.company_name.clone(),
            job_title: c.job_title.clone(),
            phones: c
                .phones
                .iter()
                .map(|p| PhoneInput {
                    number: p.raw.clone(),
                    label: p.label,
                })
                .collect(),
            emails: c.emails.clone(),
            city: c.city.clone(),
            website: c.website.clone(),
            addresses: c.addresses.clone(),
            social: c.social.clone(),
            custom: c.custom.clone(),
            source: c.source,
            preferred_channel: c.preferred_channel,
            owner_id: c.owner_id.clone(),
            tags: c.tags.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl Contact {
    /// The name to show: Arabic, else Latin, else the company.
    pub fn display_name(&self) -> &str {
        [&self.name_ar, &self.name_latin, &self.company_name]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

keyed_enum!(
    /// Why an existing contact looks like the one being saved.
    DuplicateReason {
        SamePhone = "same_phone",
        SameEmail = "same_email",
        SimilarNameSameCity = "similar_name_same_city",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateMatch {
    pub contact_id: String,
    pub display_name: String,
    pub reason: DuplicateReason,
    /// The phone or email that matched, or the name.
    pub matched: String,
}
