//! `setup`: non-interactive first-run setup, the same operation as the app's wizard.

use std::path::{Path, PathBuf};

use maarid_core::access::roles::Role;
use maarid_core::company::{self, Company, CompanyInput};
use maarid_core::numbering::{self, Series};
use maarid_core::settings::{self, Settings};
use maarid_core::setup::{self, AdminInput, SetupInput};
use maarid_core::users::User;
use maarid_core::Error;
use serde::Serialize;

use crate::args::SetupArgs;
use crate::output::{CliError, CliResult, Out};
use crate::text;

/// Everything setup created, as printed with --json.
#[derive(Serialize)]
struct SetupReport {
    database: PathBuf,
    company: Company,
    settings: Settings,
    series: Vec<Series>,
    admin: User,
    role: Role,
}

/// The currency a showroom in `country` almost always uses.
fn default_currency(country: &str) -> Option<&'static str> {
    Some(match country {
        "SA" => "SAR",
        "AE" => "AED",
        "KW" => "KWD",
        "QA" => "QAR",
        "BH" => "BHD",
        "OM" => "OMR",
        "JO" => "JOD",
        "EG" => "EGP",
        _ => return None,
    })
}

/// Standard VAT rate in percent; 0 where there is no VAT (or we do not know it).
fn default_vat(country: &str) -> &'static str {
    match country {
        "SA" => "15",
        "AE" | "OM" => "5",
        "BH" => "10",
        "EG" => "14",
        "JO" => "16",
        _ => "0",
    }
}

pub fn run(out: &Out, db_flag: Option<&Path>, a: SetupArgs) -> CliResult {
    let path = super::db_path(db_flag)?;
    let db = super::open(out, &path)?;
    // Checked before the password so a second run says "already done", not "password missing".
    if setup::is_done(&db)? {
        return Err(Error::SetupAlreadyDone.into());
    }
    let password = super::read_password(
        a.admin_password_file.as_deref(),
        a.admin_password,
        "MAARID_ADMIN_PASSWORD",
        || CliError::invalid("password", text::admin_password_missing()),
    )?;
    let country = a.country.trim().to_ascii_uppercase();
    let currency = match a.currency {
        Some(c) => c,
        None => default_currency(&country)
            .ok_or_else(|| CliError::invalid("currency", text::no_default_currency(&country)))?
            .to_string(),
    };
    let vat = a.vat.unwrap_or_else(|| default_vat(&country).to_string());
    let input = SetupInput {
        company: CompanyInput {
            name_ar: a.company_ar,
            name_en: a.company_en,
            logo_data_url: None,
            address_ar: a.address_ar,
            address_en: a.address_en,
            phones: a.phone,
            email: a.email,
            website: String::new(),
            tax_number: a.tax_number,
            country,
            currency,
            default_vat_rate: vat,
        },
        settings: Settings::default(),
        series: Vec::new(), // every series takes its default
        admin: AdminInput {
            username: a.admin_user,
            full_name: a.admin_name,
            email: a.admin_email,
            password,
            locale: a.locale.map(Into::into),
        },
    };
    let session = setup::complete(&db, &input)?;
    let report = SetupReport {
        company: company::get(&db)?,
        settings: settings::get(&db)?,
        series: numbering::list(&db, &super::actor())?,
        admin: session.user,
        role: session.role,
        database: path,
    };
    out.done(&report, |l| {
        text::setup_done(
            l,
            &report.database,
            &report.company,
            &report.admin,
            &report.series,
        )
    })
}
