//! The in-app notification center: what was raised in this run of the app, kept in
//! memory. The delivery log in the database keeps keys only (what was delivered, not
//! its text), so the list starts empty after a restart; what was missed while the app
//! was closed is raised at login and so lands here too.

use std::collections::VecDeque;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use maarid_core::alerts::{Notification, NotificationKind, RecordRef};
use serde::Serialize;

use crate::state::locked;

/// Enough for a day's work; older ones fall off.
const KEEP: usize = 100;

#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub id: u64,
    /// Whose it was (the list shows the logged-in user's only).
    #[serde(skip)]
    pub user_id: String,
    pub title: String,
    pub body: String,
    pub open: Option<RecordRef>,
    pub kind: Option<NotificationKind>,
    pub count: usize,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CenterList {
    /// Newest first.
    pub items: Vec<Shown>,
    /// Raised since the list was last opened.
    pub unread: usize,
}

#[derive(Default)]
pub struct Center {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    items: VecDeque<Shown>,
    /// The newest id the user had seen when they last opened the list.
    seen_upto: u64,
}

impl Center {
    pub fn add(&self, user_id: &str, n: &Notification, at: DateTime<Utc>) -> Shown {
        let mut g = locked(&self.inner);
        g.next_id += 1;
        let shown = Shown {
            id: g.next_id,
            user_id: user_id.to_string(),
            title: n.title.clone(),
            body: n.body.clone(),
            open: n.open.clone(),
            kind: n.kind,
            count: n.count,
            at,
        };
        g.items.push_front(shown.clone());
        g.items.truncate(KEEP);
        shown
    }

    pub fn list(&self, user_id: &str) -> CenterList {
        let g = locked(&self.inner);
        let items: Vec<Shown> = g
            .items
            .iter()
            .filter(|s| s.user_id == user_id)
            .cloned()
            .collect();
        let unread = items.iter().filter(|s| s.id > g.seen_upto).count();
        CenterList { items, unread }
    }

    /// The user opened the list: everything in it is read.
    pub fn mark_seen(&self) {
        let mut g = locked(&self.inner);
        g.seen_upto = g.next_id;
    }
}
