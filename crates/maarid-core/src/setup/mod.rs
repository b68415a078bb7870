//! First-run setup: company, settings, numbering and the first administrator, saved
//! together or not at all. Nothing else works until it is done.

use rusqlite::Connection;
use serde::Deserialize;

use crate::access::{roles, Actor, BuiltinRole};
use crate::company::{self, CompanyInput};
use crate::db::Db;
use crate::i18n::Locale;
use crate::numbering::{self, SeriesInput};
use crate::settings::{self, Settings};
use crate::users::{self, NewUser, Session};
use crate::{audit, Error, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct AdminInput {
    pub username: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SetupInput {
    pub company: CompanyInput,
    #[serde(default)]
    pub settings: Settings,
    /// Missing series get their defaults.
    #[serde(default)]
    pub series: Vec<SeriesInput>,
    pub admin: AdminInput,
}

pub(crate) fn is_done_in(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM company) AND EXISTS (SELECT 1 FROM users WHERE deleted_at IS NULL)",
        [],
        |r| r.get(0),
    )?)
}

pub fn is_done(db: &Db) -> Result<bool> {
    db.read(is_done_in)
}

/// Fails with `SetupRequired` until setup is complete.
pub fn require_done(db: &Db) -> Result<()> {
    if is_done(db)? {
        Ok(())
    } else {
        Err(Error::SetupRequired)
    }
}

/// Saves everything and returns the administrator's session.
pub fn complete(db: &Db, input: &SetupInput) -> Result<Session> {
    db.write(|tx| {
        if is_done_in(tx)? {
            return Err(Error::SetupAlreadyDone);
        }
        let actor = Actor::system("setup");
        roles::ensure_builtin(tx)?;
        let company = company::put_in(tx, &input.company)?;
        audit::record::<(), _>(
            tx,
            &actor,
            "company.create",
            "company",
            None,
            None,
            Some(&company),
        )?;
        let settings = settings::put_in(tx, &input.settings)?;
        audit::record::<(), _>(
            tx,
            &actor,
            "settings.create",
            "settings",
            None,
            None,
            Some(&settings),
        )?;
        for default in numbering::default_inputs() {
            let s = input
                .series
                .iter()
                .find(|s| s.doc_type == default.doc_type)
                .unwrap_or(&default);
            numbering::put_in(tx, s)?;
        }
        for s in &input.series {
            s.validate()?; // also refuses unknown document types
        }
        let a = &input.admin;
        let admin = users::insert(
            tx,
            &actor,
            &NewUser {
                username: a.username.clone(),
                full_name: a.full_name.clone(),
                email: a.email.clone(),
                password: a.password.clone(),
                role_id: BuiltinRole::SystemManager.key().to_string(),
                locale: a.locale,
            },
        )?;
        Session::build(tx, admin)
    })
}
