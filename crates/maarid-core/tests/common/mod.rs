//! Shared set-up for the core's integration tests: real SQLite files in a temp dir.
#![allow(dead_code)]

use maarid_core::company::CompanyInput;
use maarid_core::setup::{AdminInput, SetupInput};
use maarid_core::users::{NewUser, Session};
use maarid_core::Db;

pub const ADMIN_PASSWORD: &str = "admin-pass-1";

pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub db: Db,
}

pub fn empty_db() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path().join("maarid.sqlite")).unwrap();
    TestDb { dir, db }
}

pub fn company() -> CompanyInput {
    CompanyInput {
        name_ar: "معرض النخبة للسيارات".into(),
        name_en: "Elite Motors Showroom".into(),
        logo_data_url: None,
        address_ar: "الرياض، طريق الملك فهد".into(),
        address_en: "King Fahd Road, Riyadh".into(),
        phones: vec!["0112345678".into()],
        email: "Info@Elite.example".into(),
        website: "elite.example".into(),
        tax_number: "300000000000003".into(),
        country: "sa".into(),
        currency: "sar".into(),
        default_vat_rate: "15.00".into(),
    }
}

pub fn setup_input() -> SetupInput {
    SetupInput {
        company: company(),
        settings: Default::default(),
        series: vec![],
        admin: AdminInput {
            username: "admin".into(),
            full_name: "مدير النظام".into(),
            email: "admin@elite.example".into(),
            password: ADMIN_PASSWORD.into(),
            locale: None,
        },
    }
}

/// A database with setup done; returns the admin's session too.
pub fn ready_db() -> (TestDb, Session) {
    let t = empty_db();
    let admin = maarid_core::setup::complete(&t.db, &setup_input()).unwrap();
    (t, admin)
}

pub fn new_user(username: &str, role: &str) -> NewUser {
    NewUser {
        username: username.into(),
        full_name: format!("{username} full"),
        email: String::new(),
        password: format!("{username}-password"),
        role_id: role.into(),
        locale: None,
    }
}

pub fn count(db: &Db, sql: &str) -> i64 {
    db.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .unwrap()
}
