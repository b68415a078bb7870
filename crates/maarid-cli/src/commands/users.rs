//! `users add|list|set-role|lock|unlock`.

use std::path::Path;

use maarid_core::users::{self, NewUser};

use crate::args::UsersCommand;
use crate::output::{CliError, CliResult, Out};
use crate::text;

pub fn run(out: &Out, db_flag: Option<&Path>, cmd: UsersCommand) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    match cmd {
        UsersCommand::Add(a) => {
            let password = super::read_password(
                a.password_file.as_deref(),
                a.password,
                "MAARID_USER_PASSWORD",
                || CliError::invalid("password", text::user_password_missing()),
            )?;
            let user = users::add(
                &db,
                &actor,
                &NewUser {
                    username: a.username,
                    full_name: a.full_name,
                    email: a.email,
                    password,
                    role_id: a.role,
                    locale: a.locale.map(Into::into),
                },
            )?;
            out.done(&user, |l| text::user_added(l, &user))
        }
        UsersCommand::List => {
            let list = users::list(&db, &actor)?;
            out.done(&list, |l| text::users_table(l, &list))
        }
        UsersCommand::SetRole { username, role } => {
            let user = users::set_role(&db, &actor, &username, &role)?;
            out.done(&user, |l| text::role_changed(l, &user))
        }
        UsersCommand::Lock { username } => {
            let user = users::lock(&db, &actor, &username)?;
            out.done(&user, |l| text::user_locked(l, &user))
        }
        UsersCommand::Unlock { username } => {
            let user = users::unlock(&db, &actor, &username)?;
            out.done(&user, |l| text::user_unlocked(l, &user))
        }
    }
}
