//! How long the notification loop waits before it looks again: a pure function of the
//! next due instant and the wall clock, so it is tested without waiting.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// What to do after planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Something is due: take it now.
    Now,
    /// Wait this long, then read the wall clock again (or until re-planned).
    For(Duration),
    /// Nothing is planned: wait until the data changes.
    UntilChanged,
}

/// The wait before `next` (from `alerts::next_due_for`) at wall-clock `now`, never
/// longer than `cap`. The cap exists because a timed wait runs on the monotonic clock,
/// which stops while the computer sleeps and ignores a changed system clock: after
/// each capped wait the loop compares the wall clock with `next` again, so an item
/// is at most `cap` late after a resume that nothing announced.
pub fn wait(next: Option<DateTime<Utc>>, now: DateTime<Utc>, cap: Duration) -> Wait {
    let Some(next) = next else {
        return Wait::UntilChanged;
    };
    match (next - now).to_std() {
        Ok(d) if !d.is_zero() => Wait::For(d.min(cap)),
        _ => Wait::Now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, s).unwrap()
    }

    const CAP: Duration = Duration::from_secs(60);

    #[test]
    fn sleeps_exactly_until_a_near_item() {
        assert_eq!(
            wait(Some(at(9, 0, 10)), at(9, 0, 0), CAP),
            Wait::For(Duration::from_secs(10))
        );
        let next = at(9, 0, 0) + chrono::Duration::milliseconds(1500);
        assert_eq!(
            wait(Some(next), at(9, 0, 0), CAP),
            Wait::For(Duration::from_millis(1500))
        );
    }

    #[test]
    fn a_far_item_is_waited_for_in_capped_steps_against_the_wall_clock() {
        let next = Some(at(17, 0, 0));
        assert_eq!(wait(next, at(9, 0, 0), CAP), Wait::For(CAP));
        // The computer slept from 09:01 to 18:00: the next look finds it due.
        assert_eq!(wait(next, at(18, 0, 0), CAP), Wait::Now);
        // The last step is only what is left.
        assert_eq!(
            wait(next, at(16, 59, 30), CAP),
            Wait::For(Duration::from_secs(30))
        );
    }

    #[test]
    fn due_or_overdue_is_now_and_nothing_planned_waits_for_a_change() {
        assert_eq!(wait(Some(at(9, 0, 0)), at(9, 0, 0), CAP), Wait::Now);
        assert_eq!(wait(Some(at(8, 0, 0)), at(9, 0, 0), CAP), Wait::Now);
        assert_eq!(wait(None, at(9, 0, 0), CAP), Wait::UntilChanged);
    }
}
