//! What is imported, and the choices an import is made with.

use serde::{Deserialize, Serialize};

use super::values::DateOrder;
use crate::keyed::keyed_enum;

keyed_enum!(
    /// The record type a sheet's rows become.
    ImportKind {
        Contacts = "contacts",
        Products = "products",
        Inquiries = "inquiries",
        Quotes = "quotes",
    }
);

keyed_enum!(
    /// What to do with a row that looks like a saved record (or an earlier row of the
    /// file): leave it out, fold its values into the saved record, or save it anyway.
    OnDuplicate {
        Skip = "skip",
        Update = "update",
        Create = "create",
    }
);

keyed_enum!(
    /// What a row becomes: a new record, an update of a saved one, a duplicate left
    /// out, or a row refused for the problems listed with it.
    RowOutcome {
        New = "new",
        Updated = "updated",
        Duplicate = "duplicate",
        Invalid = "invalid",
    }
);

/// Day/month order as the import options name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrderKey {
    Dmy,
    Mdy,
}

impl DateOrderKey {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "dmy" => Some(DateOrderKey::Dmy),
            "mdy" => Some(DateOrderKey::Mdy),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DateOrderKey::Dmy => "dmy",
            DateOrderKey::Mdy => "mdy",
        }
    }
}

impl From<DateOrderKey> for DateOrder {
    fn from(k: DateOrderKey) -> Self {
        match k {
            DateOrderKey::Dmy => DateOrder::DayFirst,
            DateOrderKey::Mdy => DateOrder::MonthFirst,
        }
    }
}

impl From<DateOrder> for DateOrderKey {
    fn from(o: DateOrder) -> Self {
        match o {
            DateOrder::DayFirst => DateOrderKey::Dmy,
            DateOrder::MonthFirst => DateOrderKey::Mdy,
        }
    }
}
