//! "The data changed, plan again": a counter behind a Condvar that commands bump and
//! the loop waits on, so a poke between two waits is never lost.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

#[derive(Default)]
pub struct Signal {
    generation: Mutex<u64>,
    changed: Condvar,
}

impl Signal {
    pub fn poke(&self) {
        *crate::state::locked(&self.generation) += 1;
        self.changed.notify_all();
    }

    /// The current generation, read before planning.
    pub fn seen(&self) -> u64 {
        *crate::state::locked(&self.generation)
    }

    /// Waits until poked after `seen`, or `timeout` passed (none: no time limit).
    /// Returns whether it was poked.
    pub fn wait(&self, seen: u64, timeout: Option<Duration>) -> bool {
        let g = crate::state::locked(&self.generation);
        let still = |g: &mut u64| *g == seen;
        let g = match timeout {
            Some(t) => {
                self.changed
                    .wait_timeout_while(g, t, still)
                    .unwrap_or_else(|p| p.into_inner())
                    .0
            }
            None => self
                .changed
                .wait_while(g, still)
                .unwrap_or_else(|p| p.into_inner()),
        };
        *g != seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;

    #[test]
    fn a_poke_wakes_the_waiter_early_and_one_before_the_wait_is_not_lost() {
        let s = Arc::new(Signal::default());
        let seen = s.seen();
        s.poke();
        assert!(s.wait(seen, Some(Duration::from_secs(5))), "poked before");

        let seen = s.seen();
        let other = s.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            other.poke();
        });
        let start = Instant::now();
        assert!(s.wait(seen, Some(Duration::from_secs(5))));
        assert!(start.elapsed() < Duration::from_secs(2));
        t.join().unwrap();

        let seen = s.seen();
        assert!(!s.wait(seen, Some(Duration::from_millis(20))), "timed out");
    }
}
