//! Recurrence rules and the series they make: pure date arithmetic in local wall-clock
//! time, turned into instants only at the end (so 09:00 stays 09:00 across DST).
//!
//! Every occurrence falls on the first occurrence's time of day. Periods (days, weeks,
//! months, years) are counted from the first occurrence's date, so "every 2 months on
//! the 31st" started on 31 January falls on 31 January, 31 March, 31 May…, and a day
//! a month lacks falls on that month's last day (30 April, 28 or 29 February);
//! yearly on 29 February falls on 28 February in common years.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::error::ReminderError;
use crate::alerts::zone;
use crate::keyed::keyed_enum;

keyed_enum!(
    /// How a reminder repeats.
    Repeat {
        None = "none",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        Yearly = "yearly",
    }
);

/// When a series stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Ends {
    #[default]
    Never,
    /// No occurrence after this local date (inclusive).
    Until(NaiveDate),
    /// After this many occurrences in all.
    After(u32),
}

/// A repetition rule as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub repeat: Repeat,
    /// Every N days / weeks / months / years.
    #[serde(default = "one")]
    pub every: u32,
    /// Weekly: the days it falls on.
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
    /// Monthly: 1–31, or -1 for the last day; none = the first occurrence's day.
    #[serde(default)]
    pub month_day: Option<i32>,
    #[serde(default)]
    pub ends: Ends,
}

fn one() -> u32 {
    1
}

impl Default for Recurrence {
    fn default() -> Self {
        Recurrence {
            repeat: Repeat::None,
            every: 1,
            weekdays: Vec::new(),
            month_day: None,
            ends: Ends::Never,
        }
    }
}

pub const MAX_EVERY: u32 = 999;
pub const MAX_COUNT: u32 = 10_000;

impl Recurrence {
    /// Refuses rules that cannot make a series starting at `anchor`.
    pub fn validate(&self, anchor: NaiveDateTime) -> Result<(), ReminderError> {
        if self.repeat != Repeat::None && !(1..=MAX_EVERY).contains(&self.every) {
            return Err(ReminderError::EveryOutOfRange);
        }
        if self.repeat == Repeat::Weekly && self.weekdays.is_empty() {
            return Err(ReminderError::NoWeekday);
        }
        if let Some(d) = self.month_day {
            if self.repeat == Repeat::Monthly && !(d == -1 || (1..=31).contains(&d)) {
                return Err(ReminderError::MonthDayOutOfRange);
            }
        }
        match self.ends {
            Ends::After(n) if !(1..=MAX_COUNT).contains(&n) => {
                return Err(ReminderError::CountOutOfRange)
            }
            Ends::Until(until) => {
                let first = self.first_date(anchor.date());
                if until < anchor.date() || first.is_none_or(|f| until < f) {
                    return Err(ReminderError::EndBeforeStart {
                        until,
                        first: first.unwrap_or(anchor.date()),
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub fn weekday_mask(&self) -> u8 {
        self.weekdays
            .iter()
            .fold(0, |m, d| m | 1 << d.num_days_from_monday())
    }

    pub fn weekdays_from_mask(mask: u8) -> Vec<Weekday> {
        (0..7u8)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| Weekday::try_from(i).expect("0..7 is a weekday"))
            .collect()
    }

    fn month_day_of(&self, anchor: NaiveDate) -> i32 {
        self.month_day.unwrap_or(anchor.day() as i32)
    }

    /// The local date of the first occurrence: the anchor's own date, except for a
    /// weekly rule (the first chosen weekday on or after it) and a monthly rule on a
    /// day before the anchor's (that day next period).
    pub fn first_date(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        match self.repeat {
            Repeat::None | Repeat::Daily | Repeat::Yearly => Some(anchor),
            Repeat::Weekly => self.weekly_from(anchor, anchor),
            Repeat::Monthly => {
                let d = day_in_month(anchor.year(), anchor.month(), self.month_day_of(anchor))?;
                if d >= anchor {
                    Some(d)
                } else {
                    self.month_period(anchor, 1)
                }
            }
        }
    }

    /// The local date of the occurrence after one on `prev` (ends not applied).
    pub fn next_date(&self, anchor: NaiveDate, prev: NaiveDate) -> Option<NaiveDate> {
        let every = self.every.max(1);
        match self.repeat {
            Repeat::None => None,
            Repeat::Daily => prev.checked_add_signed(Duration::days(i64::from(every))),
            Repeat::Weekly => self.weekly_from(anchor, prev.succ_opt()?),
            Repeat::Monthly => {
                let done = months(prev) - months(anchor);
                self.month_period(anchor, done / i64::from(every) + 1)
            }
            Repeat::Yearly => {
                let year = prev.year().checked_add(every as i32)?;
                day_in_month(year, anchor.month(), anchor.day() as i32)
            }
        }
    }

    /// Monthly: the date in period `n` (n × every months after the anchor's month).
    fn month_period(&self, anchor: NaiveDate, n: i64) -> Option<NaiveDate> {
        let m = months(anchor) + n * i64::from(self.every.max(1));
        let (year, month) = (m.div_euclid(12) as i32, m.rem_euclid(12) as u32 + 1);
        day_in_month(year, month, self.month_day_of(anchor))
    }

    /// Weekly: the first chosen weekday on or after `from`, in a week that counts
    /// (weeks run Monday to Sunday; every N weeks from the anchor's week).
    fn weekly_from(&self, anchor: NaiveDate, from: NaiveDate) -> Option<NaiveDate> {
        let mask = self.weekday_mask();
        if mask == 0 {
            return None;
        }
        let week0 = monday(anchor);
        let every = i64::from(self.every.max(1));
        let mut d = from;
        // A whole cycle of weeks holds at least one chosen day.
        for _ in 0..(7 * every + 7) {
            let week = (monday(d) - week0).num_days() / 7;
            if week % every == 0 && mask & (1 << d.weekday().num_days_from_monday()) != 0 {
                return Some(d);
            }
            d = d.succ_opt()?;
        }
        None
    }
}

fn months(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Day `day` of a month (-1: the last), or the month's last day when it is shorter.
pub fn day_in_month(year: i32, month: u32, day: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?
        .day();
    let d = if day < 1 {
        last
    } else {
        (day as u32).min(last)
    };
    NaiveDate::from_ymd_opt(year, month, d)
}

/// One occurrence of a series: its 0-based number, wall clock and instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occ {
    pub index: u32,
    pub local: NaiveDateTime,
    pub at: DateTime<Utc>,
}

/// A rule anchored at its first wall-clock time, in a zone.
#[derive(Debug, Clone)]
pub struct Series<'a> {
    pub rule: &'a Recurrence,
    pub anchor: NaiveDateTime,
    pub tz: Tz,
}

impl Series<'_> {
    fn make(&self, index: u32, date: NaiveDate) -> Option<Occ> {
        match self.rule.ends {
            Ends::Until(u) if date > u => return None,
            Ends::After(n) if index >= n => return None,
            _ => {}
        }
        let local = date.and_time(self.anchor.time());
        Some(Occ {
            index,
            local,
            at: zone::to_utc(self.tz, local),
        })
    }

    pub fn first(&self) -> Option<Occ> {
        self.make(0, self.rule.first_date(self.anchor.date())?)
    }

    pub fn after(&self, prev: &Occ) -> Option<Occ> {
        let date = self.rule.next_date(self.anchor.date(), prev.local.date())?;
        self.make(prev.index.checked_add(1)?, date)
    }

    /// The same occurrence replanned (the zone may have changed since it was stored).
    pub fn at(&self, index: u32, local: NaiveDateTime) -> Occ {
        Occ {
            index,
            local,
            at: zone::to_utc(self.tz, local),
        }
    }

    /// The latest occurrence at or before `now`, starting from `from`: occurrences
    /// missed while the app was closed collapse into the latest one.
    pub fn roll(&self, from: Occ, now: DateTime<Utc>) -> Occ {
        let mut cur = from;
        while let Some(n) = self.after(&cur).filter(|n| n.at <= now) {
            cur = n;
        }
        cur
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn last_day_of_month() {
        assert_eq!(day_in_month(2026, 2, 31), Some(d(2026, 2, 28)));
        assert_eq!(day_in_month(2028, 2, -1), Some(d(2028, 2, 29)));
        assert_eq!(day_in_month(2026, 4, 31), Some(d(2026, 4, 30)));
        assert_eq!(day_in_month(2026, 12, 31), Some(d(2026, 12, 31)));
    }

    #[test]
    fn weekly_every_two_weeks_counts_from_the_anchor_week() {
        let r = Recurrence {
            repeat: Repeat::Weekly,
            every: 2,
            weekdays: vec![Weekday::Mon, Weekday::Thu],
            ..Default::default()
        };
        // 2026-12-01 is a Tuesday: Thursday that week, then Monday two weeks on.
        let a = d(2026, 12, 1);
        let first = r.first_date(a).unwrap();
        assert_eq!(first, d(2026, 12, 3));
        let second = r.next_date(a, first).unwrap();
        assert_eq!(second, d(2026, 12, 14));
        assert_eq!(r.next_date(a, second).unwrap(), d(2026, 12, 17));
    }
}
