//! Notification settings: the time zone reminders are planned in, the hour of
//! "tomorrow morning" and of date alerts, when a catch-up is grouped, and per kind of
//! notification whether it is muted and how many days ahead it warns.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{zone, NotificationKind};
use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::stamp;
use crate::reminders::ReminderError;
use crate::{audit, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindSetting {
    pub kind: NotificationKind,
    pub muted: bool,
    /// Expiry alerts: how many days before the date they warn (0 = on the day).
    pub lead_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationSettings {
    /// IANA name; none = the computer's zone.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// The hour (local) of "tomorrow morning" snoozes and of date alerts.
    pub morning_hour: u32,
    /// More occurrences than this missed while the app was closed make one grouped
    /// notification instead of one each.
    pub group_over: u32,
    /// Every kind, in `NotificationKind::ALL` order.
    pub kinds: Vec<KindSetting>,
    /// The zone in force (the setting, or the computer's), for display.
    #[serde(default, skip_deserializing)]
    pub effective_time_zone: String,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        NotificationSettings {
            time_zone: None,
            morning_hour: 9,
            group_over: 3,
            kinds: NotificationKind::ALL
                .iter()
                .map(|&kind| KindSetting {
                    kind,
                    muted: false,
                    lead_days: kind.default_lead_days(),
                })
                .collect(),
            effective_time_zone: String::new(),
        }
    }
}

impl NotificationSettings {
    pub fn zone(&self) -> Tz {
        self.time_zone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or_else(zone::system)
    }

    pub fn kind(&self, kind: NotificationKind) -> KindSetting {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .cloned()
            .unwrap_or(KindSetting {
                kind,
                muted: false,
                lead_days: kind.default_lead_days(),
            })
    }

    pub fn is_muted(&self, kind: NotificationKind) -> bool {
        self.kind(kind).muted
    }

    /// Mutes or unmutes one kind (a convenience for callers editing a copy).
    pub fn set_kind(&mut self, kind: NotificationKind, muted: Option<bool>, lead: Option<u32>) {
        let mut k = self.kind(kind);
        if let Some(m) = muted {
            k.muted = m;
        }
        if let Some(l) = lead {
            k.lead_days = l;
        }
        self.kinds.retain(|x| x.kind != kind);
        self.kinds.push(k);
        self.kinds.sort_by_key(|k| k.kind);
    }

    fn validate(&self) -> Result<()> {
        if let Some(z) = self.time_zone.as_deref().filter(|z| !z.trim().is_empty()) {
            zone::parse(z)?;
        }
        if self.morning_hour > 23 {
            return Err(ReminderError::HourOutOfRange.into());
        }
        if !(1..=100).contains(&self.group_over) {
            return Err(ReminderError::GroupOutOfRange.into());
        }
        if self.kinds.iter().any(|k| k.lead_days > 365) {
            return Err(ReminderError::LeadOutOfRange.into());
        }
        Ok(())
    }
}

pub(crate) fn get_in(conn: &Connection) -> Result<NotificationSettings> {
    let mut s = NotificationSettings::default();
    if let Some((tz, hour, group)) = conn
        .query_row(
            "SELECT time_zone, morning_hour, group_over FROM notification_settings WHERE id = 1",
            [],
            |r| Ok((r.get::<_, Option<String>>(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
    {
        s.time_zone = tz;
        s.morning_hour = hour;
        s.group_over = group;
    }
    let mut stmt = conn.prepare("SELECT kind, muted, lead_days FROM notification_kinds")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?, r.get(2)?))
    })?;
    for row in rows {
        let (kind, muted, lead) = row?;
        // A kind written by a newer version is kept in the table but not shown.
        if let Some(kind) = NotificationKind::parse(&kind) {
            s.set_kind(kind, Some(muted), Some(lead));
        }
    }
    s.effective_time_zone = s.zone().name().to_string();
    Ok(s)
}

pub fn get(db: &Db) -> Result<NotificationSettings> {
    db.read(get_in)
}

/// Saves the settings. A new time zone replans every active reminder: the wall
/// clock of each pending occurrence stays, its instant moves.
pub fn update(
    db: &Db,
    actor: &Actor,
    s: &NotificationSettings,
    now: DateTime<Utc>,
) -> Result<NotificationSettings> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    s.validate()?;
    db.write(|tx| {
        let before = get_in(tx)?;
        let tz = s
            .time_zone
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty());
        tx.execute(
            "INSERT INTO notification_settings (id, time_zone, morning_hour, group_over, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone,
                morning_hour = excluded.morning_hour, group_over = excluded.group_over,
                updated_at = excluded.updated_at",
            params![tz, s.morning_hour, s.group_over, stamp(now)],
        )?;
        for k in &s.kinds {
            tx.execute(
                "INSERT INTO notification_kinds (kind, muted, lead_days) VALUES (?1, ?2, ?3)
                 ON CONFLICT (kind) DO UPDATE SET muted = excluded.muted, lead_days = excluded.lead_days",
                params![k.kind.key(), k.muted, k.lead_days],
            )?;
        }
        let after = get_in(tx)?;
        if after.zone() != before.zone() {
            crate::reminders::replan_zone(tx, after.zone())?;
        }
        audit::record(
            tx,
            actor,
            "notification_settings.update",
            "settings",
            None,
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
