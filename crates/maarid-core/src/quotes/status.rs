//! The quotation's life: which status may follow which. One table, read by
//! `set_status`, by `Quote::allowed` and by the tests.
//!
//! ```text
//! draft ──► sent ──► accepted ──► cancelled (only while it has no live invoice)
//!   │         ├────► rejected   (needs a lost reason)
//!   │         └────► cancelled
//!   ├──► accepted
//!   └──► cancelled
//! ```
//! Besides `set_status`: `expire_due` moves draft and sent quotations whose valid-till
//! date has passed to `expired`, and `revise` moves a sent, rejected or expired one to
//! `superseded`. Rejected, expired, cancelled and superseded are final.

use super::model::QuoteStatus;
use crate::access::Action;

use QuoteStatus::*;

/// What `set_status` accepts: from → to.
pub const TRANSITIONS: &[(QuoteStatus, &[QuoteStatus])] = &[
    (Draft, &[Sent, Accepted, Cancelled]),
    (Sent, &[Accepted, Rejected, Cancelled]),
    (Accepted, &[Cancelled]),
    (Rejected, &[]),
    (Expired, &[]),
    (Cancelled, &[]),
    (Superseded, &[]),
];

/// Statuses `expire_due` moves to expired once the valid-till date has passed.
pub const EXPIRABLE: &[QuoteStatus] = &[Draft, Sent];

/// Statuses a revision can be made from (drafts are edited directly).
pub const REVISABLE: &[QuoteStatus] = &[Sent, Rejected, Expired];

/// The statuses `set_status` accepts from `from`. An accepted quotation can be
/// cancelled only while no invoice made from it is live (issued or paid).
pub fn allowed(from: QuoteStatus, has_live_invoice: bool) -> Vec<QuoteStatus> {
    TRANSITIONS
        .iter()
        .find(|(f, _)| *f == from)
        .map(|(_, to)| to.to_vec())
        .unwrap_or_default()
        .into_iter()
        .filter(|to| !(from == Accepted && *to == Cancelled && has_live_invoice))
        .collect()
}

/// The right a change needs: cancelling is `cancel`, every other step is `submit`.
pub fn action_for(to: QuoteStatus) -> Action {
    match to {
        Cancelled => Action::Cancel,
        _ => Action::Submit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_row() {
        for s in QuoteStatus::ALL {
            assert_eq!(TRANSITIONS.iter().filter(|(f, _)| f == s).count(), 1, "{s}");
        }
    }

    #[test]
    fn a_live_invoice_blocks_cancelling_an_accepted_quotation() {
        assert_eq!(allowed(Accepted, false), vec![Cancelled]);
        assert!(allowed(Accepted, true).is_empty());
        assert_eq!(allowed(Sent, true), vec![Accepted, Rejected, Cancelled]);
    }
}
