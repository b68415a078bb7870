//! The permission matrix: for each record type and action, a scope (none, own, all).

use std::collections::BTreeMap;

use crate::keyed::keyed_enum;
use crate::{Error, Result, Rule};

keyed_enum!(
    /// Record types that permissions are granted on.
    DocType {
        Contact = "contact",
        Inquiry = "inquiry",
        Quotation = "quotation",
        DeliveryNote = "delivery_note",
        Invoice = "invoice",
        Product = "product",
        Letter = "letter",
        Document = "document",
        Task = "task",
        Reminder = "reminder",
        Report = "report",
        User = "user",
        Role = "role",
        Settings = "settings",
        AuditLog = "audit_log",
    }
);

keyed_enum!(Action {
    Read = "read",
    Write = "write",
    Create = "create",
    Delete = "delete",
    Submit = "submit",
    Cancel = "cancel",
});

keyed_enum!(
    /// How far a grant reaches: nothing, the records the user owns, or every record.
    Scope {
        None = "none",
        Own = "own",
        All = "all",
    }
);

/// A role's grants. Anything not listed is `Scope::None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PermissionSet {
    grants: BTreeMap<(DocType, Action), Scope>,
}

impl PermissionSet {
    pub fn all() -> Self {
        let mut p = PermissionSet::default();
        for &d in DocType::ALL {
            for &a in Action::ALL {
                p.set(d, a, Scope::All);
            }
        }
        p
    }

    pub fn scope(&self, doc_type: DocType, action: Action) -> Scope {
        self.grants
            .get(&(doc_type, action))
            .copied()
            .unwrap_or(Scope::None)
    }

    pub fn set(&mut self, doc_type: DocType, action: Action, scope: Scope) {
        if scope == Scope::None {
            self.grants.remove(&(doc_type, action));
        } else {
            self.grants.insert((doc_type, action), scope);
        }
    }

    pub fn grants(&self) -> impl Iterator<Item = (DocType, Action, Scope)> + '_ {
        self.grants.iter().map(|(&(d, a), &s)| (d, a, s))
    }

    /// The nested map the UI edits: `{doc_type: {action: scope}}`, every cell present.
    pub fn to_map(&self) -> PermissionMap {
        DocType::ALL
            .iter()
            .map(|&d| {
                let row = Action::ALL
                    .iter()
                    .map(|&a| (a.key().to_string(), self.scope(d, a)))
                    .collect();
                (d.key().to_string(), row)
            })
            .collect()
    }

    /// Reads the UI's map; unknown record types, actions or scopes are refused.
    pub fn from_map(map: &PermissionMap) -> Result<Self> {
        let mut p = PermissionSet::default();
        for (d, row) in map {
            let d = DocType::parse(d).ok_or(Error::invalid("doc_type", Rule::UnknownValue))?;
            for (a, &s) in row {
                let a = Action::parse(a).ok_or(Error::invalid("action", Rule::UnknownValue))?;
                p.set(d, a, s);
            }
        }
        Ok(p)
    }
}

pub type PermissionMap = BTreeMap<String, BTreeMap<String, Scope>>;
