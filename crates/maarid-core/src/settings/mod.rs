//! CRM, display and security settings (one row).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::i18n::Locale;
use crate::ids::now;
use crate::{audit, Error, Result, Rule};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// 0123456789
    #[default]
    Latn,
    /// ٠١٢٣٤٥٦٧٨٩
    Arab,
}

impl Digits {
    fn key(self) -> &'static str {
        match self {
            Digits::Latn => "latn",
            Digits::Arab => "arab",
        }
    }
}

/// The settings of ERPNext's CRM Settings, plus display and login security.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub allow_lead_duplicates_by_email: bool,
    pub auto_create_contact_for_lead: bool,
    /// 0 means never.
    pub close_unanswered_inquiries_days: i64,
    pub default_quotation_validity_days: i64,
    pub carry_forward_communications: bool,
    pub digits: Digits,
    pub default_locale: Locale,
    pub max_failed_logins: i64,
    /// Prices typed into quotations and invoices already include VAT.
    #[serde(default)]
    pub prices_include_vat: bool,
    /// Terms printed on a new quotation unless the user writes others.
    #[serde(default)]
    pub quotation_terms: String,
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allow_lead_duplicates_by_email: false,
            auto_create_contact_for_lead: true,
            close_unanswered_inquiries_days: 0,
            default_quotation_validity_days: 15,
            carry_forward_communications: true,
            digits: Digits::Latn,
            default_locale: Locale::Ar,
            max_failed_logins: 5,
            prices_include_vat: false,
            quotation_terms: String::new(),
            updated_at: None,
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<()> {
        if !(0..=3650).contains(&self.close_unanswered_inquiries_days) {
            return Err(Error::invalid(
                "close_unanswered_inquiries_days",
                Rule::OutOfRange,
            ));
        }
        if !(1..=3650).contains(&self.default_quotation_validity_days) {
            return Err(Error::invalid(
                "default_quotation_validity_days",
                Rule::OutOfRange,
            ));
        }
        if !(1..=100).contains(&self.max_failed_logins) {
            return Err(Error::invalid("max_failed_logins", Rule::OutOfRange));
        }
        if self.quotation_terms.chars().count() > 10_000 {
            return Err(Error::invalid("terms", Rule::TooLong));
        }
        Ok(())
    }
}

/// The settings row; defaults when setup has not written it yet.
pub(crate) fn get_in(conn: &Connection) -> Result<Settings> {
    let s = conn
        .query_row(
            "SELECT allow_lead_duplicates_by_email, auto_create_contact_for_lead,
                close_unanswered_inquiries_days, default_quotation_validity_days,
                carry_forward_communications, digits, default_locale, max_failed_logins, updated_at,
                prices_include_vat, quotation_terms
             FROM settings WHERE id = 1",
            [],
            |r| {
                let digits: String = r.get(5)?;
                let locale: String = r.get(6)?;
                Ok(Settings {
                    allow_lead_duplicates_by_email: r.get(0)?,
                    auto_create_contact_for_lead: r.get(1)?,
                    close_unanswered_inquiries_days: r.get(2)?,
                    default_quotation_validity_days: r.get(3)?,
                    carry_forward_communications: r.get(4)?,
                    digits: if digits == "arab" {
                        Digits::Arab
                    } else {
                        Digits::Latn
                    },
                    default_locale: Locale::parse(&locale).unwrap_or_default(),
                    max_failed_logins: r.get(7)?,
                    updated_at: r.get(8)?,
                    prices_include_vat: r.get(9)?,
                    quotation_terms: r.get(10)?,
                })
            },
        )
        .optional()?;
    Ok(s.unwrap_or_default())
}

pub(crate) fn put_in(conn: &Connection, s: &Settings) -> Result<Settings> {
    s.validate()?;
    conn.execute(
        "INSERT INTO settings (id, allow_lead_duplicates_by_email, auto_create_contact_for_lead,
            close_unanswered_inquiries_days, default_quotation_validity_days,
            carry_forward_communications, digits, default_locale, max_failed_logins, updated_at,
            prices_include_vat, quotation_terms)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET
            allow_lead_duplicates_by_email = excluded.allow_lead_duplicates_by_email,
            auto_create_contact_for_lead = excluded.auto_create_contact_for_lead,
            close_unanswered_inquiries_days = excluded.close_unanswered_inquiries_days,
            default_quotation_validity_days = excluded.default_quotation_validity_days,
            carry_forward_communications = excluded.carry_forward_communications,
            digits = excluded.digits, default_locale = excluded.default_locale,
            max_failed_logins = excluded.max_failed_logins, updated_at = excluded.updated_at,
            prices_include_vat = excluded.prices_include_vat,
            quotation_terms = excluded.quotation_terms",
        params![
            s.allow_lead_duplicates_by_email,
            s.auto_create_contact_for_lead,
            s.close_unanswered_inquiries_days,
            s.default_quotation_validity_days,
            s.carry_forward_communications,
            s.digits.key(),
            s.default_locale.as_str(),
            s.max_failed_logins,
            now(),
            s.prices_include_vat,
            s.quotation_terms.trim()
        ],
    )?;
    get_in(conn)
}

/// Everyone logged in reads the settings (the UI needs digits and language).
pub fn get(db: &Db) -> Result<Settings> {
    db.read(get_in)
}

pub fn update(db: &Db, actor: &Actor, s: &Settings) -> Result<Settings> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx)?;
        let after = put_in(tx, s)?;
        audit::record(
            tx,
            actor,
            "settings.update",
            "settings",
            None,
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
