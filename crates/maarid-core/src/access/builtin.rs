//! The built-in roles and their default grants.

use super::matrix::{Action, DocType, PermissionSet, Scope};
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinRole {
    SystemManager,
    SalesManager,
    SalesUser,
}

/// Record types the sales side works on every day.
pub const SALES_DOCS: &[DocType] = &[
    DocType::Contact,
    DocType::Inquiry,
    DocType::Quotation,
    DocType::DeliveryNote,
    DocType::Invoice,
    DocType::Product,
    DocType::Letter,
    DocType::Document,
    DocType::Task,
    DocType::Reminder,
];

impl BuiltinRole {
    pub const ALL: &'static [BuiltinRole] = &[
        BuiltinRole::SystemManager,
        BuiltinRole::SalesManager,
        BuiltinRole::SalesUser,
    ];

    /// Also the role's id: fixed, so the same role is the same record on every device.
    pub fn key(self) -> &'static str {
        match self {
            BuiltinRole::SystemManager => "system_manager",
            BuiltinRole::SalesManager => "sales_manager",
            BuiltinRole::SalesUser => "sales_user",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.key() == key)
    }

    pub fn name(self) -> Text {
        match self {
            BuiltinRole::SystemManager => Text::new("مدير النظام", "System Manager"),
            BuiltinRole::SalesManager => Text::new("مدير المبيعات", "Sales Manager"),
            BuiltinRole::SalesUser => Text::new("مندوب مبيعات", "Sales User"),
        }
    }

    /// The System Manager's grants are fixed so nobody can lock the shop out.
    pub fn is_editable(self) -> bool {
        self != BuiltinRole::SystemManager
    }

    pub fn default_permissions(self) -> PermissionSet {
        use Action::*;
        use Scope::{All, Own};
        match self {
            BuiltinRole::SystemManager => PermissionSet::all(),
            BuiltinRole::SalesManager => {
                let mut p = PermissionSet::default();
                for &d in SALES_DOCS {
                    for &a in Action::ALL {
                        p.set(d, a, All);
                    }
                }
                for d in [
                    DocType::Report,
                    DocType::User,
                    DocType::Role,
                    DocType::Settings,
                    DocType::AuditLog,
                ] {
                    p.set(d, Read, All);
                }
                p
            }
            BuiltinRole::SalesUser => {
                let mut p = PermissionSet::default();
                // Everyone at the counter must find any customer, but edits their own.
                p.set(DocType::Contact, Read, All);
                p.set(DocType::Contact, Create, Own);
                p.set(DocType::Contact, Write, Own);
                for d in [DocType::Inquiry, DocType::Quotation] {
                    for a in [Read, Create, Write, Submit, Cancel] {
                        p.set(d, a, Own);
                    }
                }
                for d in [
                    DocType::DeliveryNote,
                    DocType::Invoice,
                    DocType::Letter,
                    DocType::Document,
                ] {
                    for a in [Read, Create, Write] {
                        p.set(d, a, Own);
                    }
                }
                for d in [DocType::Task, DocType::Reminder] {
                    for a in [Read, Create, Write, Delete, Cancel] {
                        p.set(d, a, Own);
                    }
                }
                p.set(DocType::Product, Read, All);
                p.set(DocType::Report, Read, Own);
                p
            }
        }
    }
}
