//! Who is acting, and the one function every operation calls to check a right.

use super::matrix::{Action, DocType, PermissionSet, Scope};
use crate::{Error, Result};

/// The person (or tool) behind an operation. In the desktop app it is built from the
/// logged-in session kept in Rust state; the UI never supplies it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<String>,
    pub name: String,
    pub role_id: Option<String>,
    pub permissions: PermissionSet,
}

/// Whose record an operation touches.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// A listing or a new record: an `own` grant suffices (lists are filtered to the
    /// user's records; new records are owned by the user).
    Own,
    /// An existing record owned by this user id (None: nobody owns it).
    OwnedBy(Option<&'a str>),
    /// Something only an `all` grant covers (company-wide data, other people).
    Anyone,
}

impl Actor {
    /// The command line and other local administration: every right. Whoever can
    /// open the database file can do everything anyway.
    pub fn system(name: impl Into<String>) -> Self {
        Actor {
            user_id: None,
            name: name.into(),
            role_id: None,
            permissions: PermissionSet::all(),
        }
    }

    pub fn scope(&self, doc_type: DocType, action: Action) -> Scope {
        self.permissions.scope(doc_type, action)
    }

    /// Ok if this actor may do `action` on `doc_type` for `target`.
    pub fn authorize(&self, doc_type: DocType, action: Action, target: Target<'_>) -> Result<()> {
        let allowed = match (self.scope(doc_type, action), target) {
            (Scope::All, _) => true,
            (Scope::Own, Target::Own) => true,
            (Scope::Own, Target::OwnedBy(owner)) => {
                owner.is_some() && owner == self.user_id.as_deref()
            }
            (Scope::Own, Target::Anyone) | (Scope::None, _) => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(Error::NotPermitted {
                doc_type: doc_type.key(),
                action: action.key(),
            })
        }
    }
}
