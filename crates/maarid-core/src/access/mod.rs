//! Access control: record types, actions, scopes, roles and the acting user.

mod actor;
mod builtin;
mod matrix;
pub mod roles;

pub use actor::{Actor, Target};
pub use builtin::{BuiltinRole, SALES_DOCS};
pub use matrix::{Action, DocType, PermissionMap, PermissionSet, Scope};
