//! Shared by the tasks tests: a team (two sales users, a sales manager) and task inputs.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use maarid_core::tasks::{Priority, TaskInput};
use maarid_core::users::{self, Session};
use maarid_core::Db;

use crate::common;

pub struct Team {
    pub sara: Session,
    pub omar: Session,
    pub mona: Session,
}

/// sara and omar are sales users, mona a sales manager.
pub fn team(db: &Db, admin: &Session) -> Team {
    let a = &admin.actor;
    users::add(db, a, &common::new_user("sara", "sales_user")).unwrap();
    users::add(db, a, &common::new_user("omar", "sales_user")).unwrap();
    users::add(db, a, &common::new_user("mona", "sales_manager")).unwrap();
    let login = |u: &str| users::login(db, u, &format!("{u}-password")).unwrap();
    Team {
        sara: login("sara"),
        omar: login("omar"),
        mona: login("mona"),
    }
}

pub fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A fixed moment before the tests' due dates.
pub fn t0() -> DateTime<Utc> {
    at("2026-11-20T08:00:00Z")
}

pub fn task(title: &str) -> TaskInput {
    TaskInput {
        title: title.into(),
        description: String::new(),
        assignees: vec![],
        link: None,
        priority: Priority::Normal,
        estimate_minutes: None,
        due_on: None,
        due_time: None,
    }
}

pub fn task_for(title: &str, assignees: &[&str], due: Option<&str>) -> TaskInput {
    let mut t = task(title);
    t.assignees = assignees.iter().map(|s| s.to_string()).collect();
    t.due_on = due.map(ymd);
    t
}
