//! The company profile: names, logo, address, tax number, country and currency.
//! It heads every printed document (the letterhead).

use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::now;
use crate::{audit, Error, Result, Rule};

const MAX_LOGO_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyInput {
    pub name_ar: String,
    #[serde(default)]
    pub name_en: String,
    /// `data:image/png;base64,…` (png, jpeg or svg), or null for no logo.
    #[serde(default)]
    pub logo_data_url: Option<String>,
    #[serde(default)]
    pub address_ar: String,
    #[serde(default)]
    pub address_en: String,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub tax_number: String,
    /// ISO 3166-1 alpha-2, e.g. SA.
    pub country: String,
    /// ISO 4217, e.g. SAR.
    pub currency: String,
    /// Percent as a decimal string, e.g. "15".
    pub default_vat_rate: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Company {
    #[serde(flatten)]
    pub profile: CompanyInput,
    pub created_at: String,
    pub updated_at: String,
}

/// The logo as stored: raw bytes and their type (PDF printing needs the bytes).
struct Logo {
    bytes: Vec<u8>,
    mime: String,
}

fn parse_logo(data_url: &str) -> Result<Logo> {
    let bad = || Error::invalid("logo", Rule::BadFormat);
    let rest = data_url.strip_prefix("data:").ok_or_else(bad)?;
    let (mime, b64) = rest.split_once(";base64,").ok_or_else(bad)?;
    if !matches!(mime, "image/png" | "image/jpeg" | "image/svg+xml") {
        return Err(bad());
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| bad())?;
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Error::invalid("logo", Rule::TooLong));
    }
    Ok(Logo {
        bytes,
        mime: mime.to_string(),
    })
}

fn logo_url(bytes: Option<Vec<u8>>, mime: Option<String>) -> Option<String> {
    let (bytes, mime) = (bytes?, mime?);
    Some(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

impl CompanyInput {
    /// Trims text, upper-cases codes, and refuses what cannot be right.
    fn cleaned(&self) -> Result<CompanyInput> {
        let t = |s: &str| s.trim().to_string();
        let c = CompanyInput {
            name_ar: t(&self.name_ar),
            name_en: t(&self.name_en),
            logo_data_url: self.logo_data_url.clone().filter(|s| !s.trim().is_empty()),
            address_ar: t(&self.address_ar),
            address_en: t(&self.address_en),
            phones: self
                .phones
                .iter()
                .map(|p| t(p))
                .filter(|p| !p.is_empty())
                .collect(),
            email: t(&self.email).to_lowercase(),
            website: t(&self.website),
            tax_number: t(&self.tax_number),
            country: t(&self.country).to_ascii_uppercase(),
            currency: t(&self.currency).to_ascii_uppercase(),
            default_vat_rate: t(&self.default_vat_rate),
        };
        if c.name_ar.is_empty() {
            return Err(Error::invalid("name_ar", Rule::Required));
        }
        for (field, v) in [("name_ar", &c.name_ar), ("name_en", &c.name_en)] {
            if v.chars().count() > 200 {
                return Err(Error::invalid(field, Rule::TooLong));
            }
        }
        let letters = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
        if !letters(&c.country, 2) {
            return Err(Error::invalid("country", Rule::BadFormat));
        }
        if !letters(&c.currency, 3) {
            return Err(Error::invalid("currency", Rule::BadFormat));
        }
        let rate: Decimal = c
            .default_vat_rate
            .parse()
            .map_err(|_| Error::invalid("default_vat_rate", Rule::NotANumber))?;
        if rate < Decimal::ZERO || rate > Decimal::ONE_HUNDRED {
            return Err(Error::invalid("default_vat_rate", Rule::OutOfRange));
        }
        if !c.email.is_empty() && !c.email.contains('@') {
            return Err(Error::invalid("email", Rule::BadFormat));
        }
        if c.tax_number.chars().count() > 40 {
            return Err(Error::invalid("tax_number", Rule::TooLong));
        }
        if c.phones.len() > 10 || c.phones.iter().any(|p| p.chars().count() > 40) {
            return Err(Error::invalid("phones", Rule::TooLong));
        }
        Ok(CompanyInput {
            default_vat_rate: rate.normalize().to_string(),
            ..c
        })
    }
}

pub(crate) fn get_in(conn: &Connection) -> Result<Option<Company>> {
    Ok(conn
        .query_row(
            "SELECT name_ar, name_en, logo, logo_mime, address_ar, address_en, phones, email, website,
                tax_number, country, currency, default_vat_rate, created_at, updated_at
             FROM company WHERE id = 1",
            [],
            |r| {
                let phones: String = r.get(6)?;
                Ok(Company {
                    profile: CompanyInput {
                        name_ar: r.get(0)?,
                        name_en: r.get(1)?,
                        logo_data_url: logo_url(r.get(2)?, r.get(3)?),
                        address_ar: r.get(4)?,
                        address_en: r.get(5)?,
                        phones: serde_json::from_str(&phones).unwrap_or_default(),
                        email: r.get(7)?,
                        website: r.get(8)?,
                        tax_number: r.get(9)?,
                        country: r.get(10)?,
                        currency: r.get(11)?,
                        default_vat_rate: r.get(12)?,
                    },
                    created_at: r.get(13)?,
                    updated_at: r.get(14)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn put_in(conn: &Connection, input: &CompanyInput) -> Result<Company> {
    let c = input.cleaned()?;
    let logo = c.logo_data_url.as_deref().map(parse_logo).transpose()?;
    let (logo_bytes, logo_mime) = logo.map(|l| (l.bytes, l.mime)).unzip();
    let phones = serde_json::to_string(&c.phones).map_err(|e| Error::Internal(e.to_string()))?;
    let at = now();
    conn.execute(
        "INSERT INTO company (id, name_ar, name_en, logo, logo_mime, address_ar, address_en, phones, email,
            website, tax_number, country, currency, default_vat_rate, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
         ON CONFLICT (id) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en,
            logo = excluded.logo, logo_mime = excluded.logo_mime, address_ar = excluded.address_ar,
            address_en = excluded.address_en, phones = excluded.phones, email = excluded.email,
            website = excluded.website, tax_number = excluded.tax_number, country = excluded.country,
            currency = excluded.currency, default_vat_rate = excluded.default_vat_rate,
            updated_at = excluded.updated_at",
        params![
            c.name_ar, c.name_en, logo_bytes, logo_mime, c.address_ar, c.address_en, phones, c.email,
            c.website, c.tax_number, c.country, c.currency, c.default_vat_rate, at
        ],
    )?;
    get_in(conn)?.ok_or_else(|| Error::Internal("company row vanished".into()))
}

/// Every logged-in user reads the profile (it heads the screens and printouts).
pub fn get(db: &Db) -> Result<Company> {
    db.read(get_in)?.ok_or(Error::SetupRequired)
}

pub fn update(db: &Db, actor: &Actor, input: &CompanyInput) -> Result<Company> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx)?.ok_or(Error::SetupRequired)?;
        let after = put_in(tx, input)?;
        audit::record(
            tx,
            actor,
            "company.update",
            "company",
            None,
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
