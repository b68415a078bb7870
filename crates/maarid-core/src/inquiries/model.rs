//! What an inquiry is, its statuses and the moves between them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::contacts::ContactInput;
use crate::interactions::{Direction, Interaction, InteractionKind};
use crate::keyed::keyed_enum;
use crate::sales::events::Event;

keyed_enum!(
    /// How the inquiry reached the showroom.
    InquiryChannel {
        WalkIn = "walk_in",
        Phone = "phone",
        Email = "email",
        Website = "website",
        Social = "social",
        Whatsapp = "whatsapp",
    }
);

keyed_enum!(InquiryStatus {
    Open = "open",
    Contacted = "contacted",
    Replied = "replied",
    Quoted = "quoted",
    Won = "won",
    Lost = "lost",
    Cancelled = "cancelled",
});

/// Every status an inquiry may move to from each status — the one place the moves
/// are defined. Anything else is refused with `Error::StatusNotAllowed`.
///
/// `quoted` and `won` are normally set by the quotation module (a quotation made from
/// the inquiry, then accepted); a person may also set them by hand. Won, lost and
/// cancelled are final.
pub const TRANSITIONS: &[(InquiryStatus, &[InquiryStatus])] = {
    use InquiryStatus::*;
    &[
        (Open, &[Contacted, Replied, Quoted, Lost, Cancelled]),
        (Contacted, &[Replied, Quoted, Lost, Cancelled]),
        (Replied, &[Contacted, Quoted, Lost, Cancelled]),
        (Quoted, &[Won, Lost, Cancelled]),
        (Won, &[]),
        (Lost, &[]),
        (Cancelled, &[]),
    ]
};

impl InquiryStatus {
    /// The statuses this one may move to (see [`TRANSITIONS`]).
    pub fn next(self) -> &'static [InquiryStatus] {
        TRANSITIONS
            .iter()
            .find(|(from, _)| *from == self)
            .map(|(_, to)| *to)
            .unwrap_or(&[])
    }

    pub fn can_go_to(self, to: InquiryStatus) -> bool {
        self.next().contains(&to)
    }

    /// Won, lost or cancelled: the inquiry is over and can no longer change.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            InquiryStatus::Won | InquiryStatus::Lost | InquiryStatus::Cancelled
        )
    }

    /// Its details may still be edited (not once quoted or closed).
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            InquiryStatus::Open | InquiryStatus::Contacted | InquiryStatus::Replied
        )
    }
}

/// Lost reasons offered in the screens (translated there); any other text is kept as
/// typed. `no_response` is what closing unanswered inquiries records.
pub const LOST_REASONS: &[&str] = &[
    "price",
    "competitor",
    "financing",
    "not_available",
    "changed_mind",
    "no_response",
    "other",
];

/// What the inquiry is about: a catalog item or free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InquiryItemInput {
    #[serde(default)]
    pub product_id: Option<String>,
    /// Required for free text; defaults to the item's name when a product is picked.
    #[serde(default)]
    pub description: String,
    #[serde(default = "one")]
    pub quantity: Decimal,
}

fn one() -> Decimal {
    Decimal::ONE
}

/// What a person fills in to record or edit an inquiry.
///
/// The contact is either an existing one (`contact_id`) or a new one typed in
/// (`new_contact`), which is saved as a lead in the same transaction. See the module
/// documentation for when that needs `create_contact`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InquiryInput {
    #[serde(default)]
    pub contact_id: Option<String>,
    #[serde(default)]
    pub new_contact: Option<ContactInput>,
    /// The user confirmed that `new_contact` is to be saved as a new contact (needed
    /// when the CRM setting "create contacts for leads automatically" is off).
    #[serde(default)]
    pub create_contact: bool,
    /// Save `new_contact` even though it looks like an existing contact.
    #[serde(default)]
    pub allow_duplicate: bool,
    pub channel: InquiryChannel,
    #[serde(default)]
    pub items: Vec<InquiryItemInput>,
    /// What the customer means to spend, in the company's currency.
    #[serde(default)]
    pub budget: Option<Decimal>,
    #[serde(default)]
    pub notes: String,
    /// The salesperson in charge. New inquiries: the actor when None. Edits: None
    /// keeps the current one.
    #[serde(default)]
    pub owner_id: Option<String>,
    #[serde(default)]
    pub follow_up_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InquiryItem {
    pub position: i64,
    pub product_id: Option<String>,
    pub description: String,
    pub quantity: Decimal,
    /// The catalog item's code and unit, when one was picked and still exists.
    pub product_code: Option<String>,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inquiry {
    pub id: String,
    pub number: String,
    pub contact_id: String,
    /// The contact's display name (Arabic, else Latin, else company).
    pub contact_name: String,
    pub channel: InquiryChannel,
    pub status: InquiryStatus,
    /// Where the status may go from here (for the status buttons).
    pub next_statuses: Vec<InquiryStatus>,
    pub budget: Option<Decimal>,
    pub currency: String,
    pub notes: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    pub approved_at: Option<String>,
    pub approved_by: Option<String>,
    pub approved_by_name: Option<String>,
    /// A key of [`LOST_REASONS`] or free text.
    pub lost_reason: String,
    pub competitor: String,
    pub closed_at: Option<String>,
    pub closed_automatically: bool,
    pub last_activity_at: String,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub items: Vec<InquiryItem>,
}

/// An inquiry with its history and the communications logged about it.
#[derive(Debug, Clone, Serialize)]
pub struct InquiryDetail {
    #[serde(flatten)]
    pub inquiry: Inquiry,
    /// Oldest first.
    pub events: Vec<Event>,
    /// Interactions logged about this inquiry, newest first.
    pub communications: Vec<Interaction>,
}

/// A status change asked for by a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: InquiryStatus,
    /// Required for `lost`.
    #[serde(default)]
    pub lost_reason: String,
    /// Who won the sale instead, for `lost` (optional).
    #[serde(default)]
    pub competitor: String,
}

/// A follow-up: a call, visit, message… about the inquiry, logged on the contact's
/// timeline with the inquiry's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpInput {
    pub kind: InteractionKind,
    /// `out`: we reached them (an open inquiry becomes contacted); `in`: they reached
    /// us (open or contacted becomes replied).
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub body: String,
    /// The next follow-up date; None clears it (this follow-up was done).
    #[serde(default)]
    pub next_follow_up_on: Option<NaiveDate>,
}

/// A row of an inquiry list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InquirySummary {
    pub id: String,
    pub number: String,
    pub contact_id: String,
    pub contact_name: String,
    pub channel: InquiryChannel,
    pub status: InquiryStatus,
    pub budget: Option<Decimal>,
    pub currency: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    pub approved: bool,
    /// The first item's description, and how many items there are.
    pub first_item: Option<String>,
    pub item_count: i64,
    pub last_activity_at: String,
    pub created_at: String,
}

/// What to list. Every field is optional: an empty query lists every inquiry the user
/// may read, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryQuery {
    /// Words or digits: each must appear in the number, the contact's name or one of
    /// the contact's phone numbers.
    pub text: String,
    pub status: Option<InquiryStatus>,
    pub channel: Option<InquiryChannel>,
    pub owner_id: Option<String>,
    pub contact_id: Option<String>,
    /// Only inquiries still running whose follow-up date is today or earlier, the
    /// earliest first.
    pub follow_up_due: bool,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<u32>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InquiryPage {
    pub items: Vec<InquirySummary>,
    pub next: Option<String>,
}
