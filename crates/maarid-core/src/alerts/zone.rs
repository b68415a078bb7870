//! The notification time zone: wall-clock times typed by people become instants here.

use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::reminders::ReminderError;
use crate::Result;

/// An IANA zone name ("Asia/Riyadh"), refused with a translated error when unknown.
pub fn parse(name: &str) -> Result<Tz> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| ReminderError::UnknownTimeZone(name.trim().to_string()).into())
}

/// The computer's own zone; UTC when the system does not say (or names a zone the
/// bundled database does not know).
pub fn system() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse::<Tz>().ok())
        .unwrap_or(Tz::UTC)
}

/// The instant of a local wall-clock time. A time skipped by a spring-forward change
/// (02:30 when clocks jump from 02:00 to 03:00) moves forward by the gap (03:30); a
/// time that happens twice in the autumn takes the earlier instant.
pub fn to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => {
            // Read the time with the offset in force before the gap: that instant is
            // the same distance past the jump as the typed time is past its start.
            let before = tz
                .from_local_datetime(&(local - Duration::days(1)))
                .earliest()
                .map(|t| t.offset().fix())
                .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"));
            (local - before).and_utc()
        }
    }
}

/// `date` at `hour`:00 local.
pub fn at_hour(tz: Tz, date: NaiveDate, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).expect("valid hour");
    to_utc(tz, date.and_time(time))
}

/// The local wall clock of an instant.
pub fn local(tz: Tz, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}
