//! The app's one call when it wakes: what is due for the user, recorded as delivered,
//! as the notifications to show.

use chrono::{DateTime, Utc};

use super::{compose, deliver, due_at, settings, Notification};
use crate::db::Db;
use crate::{Locale, Result};

/// Everything due at `now` for `user_id` (all users' when none) that nobody delivered
/// yet, recorded as delivered and turned into notifications in `locale` (grouped when
/// many were missed). A second call, here or in another process, gets none of them.
pub fn take_due(
    db: &Db,
    user_id: Option<&str>,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<Vec<Notification>> {
    let (s, mut due) = db.read(|c| Ok((settings::get_in(c)?, due_at(c, now)?)))?;
    if let Some(u) = user_id {
        due.retain(|o| o.is_for(u));
    }
    let fresh = deliver(db, &due, now)?;
    Ok(compose(
        &fresh,
        locale,
        now,
        s.group_over as usize,
        s.zone(),
    ))
}
