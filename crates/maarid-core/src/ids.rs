//! Record ids and timestamps, in one place so every table uses the same format.

use chrono::{DateTime, SecondsFormat, Utc};

/// A new record id: UUIDv7 (time-ordered, so indexes stay append-mostly, and unique
/// across devices, so records can later be synced without renumbering).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current time as stored: RFC 3339 in UTC with milliseconds. Strings in this
/// format sort in time order.
pub fn now() -> String {
    stamp(Utc::now())
}

pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}
