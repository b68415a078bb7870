//! What a quotation is, as the UI, the CLI and the storage see it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::invoicing::{DeliveryNote, Invoice, InvoiceKind};
use crate::keyed::keyed_enum;
use crate::sales::lines::{Line, LineInput, Totals};

keyed_enum!(QuoteStatus {
    Draft = "draft",
    Sent = "sent",
    Accepted = "accepted",
    Rejected = "rejected",
    Expired = "expired",
    Cancelled = "cancelled",
    Superseded = "superseded",
});

/// What a person fills in for a new quotation (or an edit of a draft). Every optional
/// field has a default: see each one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInput {
    /// Required to save; may be empty (or left out) for `preview`.
    #[serde(default)]
    pub contact_id: String,
    /// Links the quotation to an approved inquiry (which then becomes "quoted").
    #[serde(default)]
    pub inquiry_id: Option<String>,
    /// None → today (the machine's local date); an edit keeps the saved date.
    #[serde(default)]
    pub issue_date: Option<NaiveDate>,
    /// None → issue date + the CRM setting's validity days; an edit keeps the saved date.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// None → the company's currency; an edit keeps the saved currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// None → the company setting; an edit keeps the saved value.
    #[serde(default)]
    pub prices_include_vat: Option<bool>,
    pub lines: Vec<LineInput>,
    /// None → the setting's quotation terms; an edit keeps the saved terms.
    #[serde(default)]
    pub terms: Option<String>,
    #[serde(default)]
    pub notes: String,
    /// None → whoever creates it; an edit keeps the saved owner.
    #[serde(default)]
    pub owner_id: Option<String>,
}

/// Another document, by id and number, with its status key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRef {
    pub id: String,
    pub number: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    /// QTN-2026-00001; revisions QTN-2026-00001-R1, -R2…
    pub number: String,
    /// The id of revision 0 of this chain.
    pub root_id: String,
    pub revision: i64,
    /// The revision this one replaced.
    pub previous_id: Option<String>,
    /// The revision that replaced this one.
    pub superseded_by: Option<String>,
    /// The quotation this one was copied from (another chain).
    pub copied_from: Option<String>,
    pub inquiry_id: Option<String>,
    pub inquiry_number: Option<String>,
    pub contact_id: String,
    /// Arabic name, else Latin name, else company.
    pub contact_name: String,
    pub status: QuoteStatus,
    pub issue_date: NaiveDate,
    pub valid_until: NaiveDate,
    pub currency: String,
    pub prices_include_vat: bool,
    /// Show the inquiry's communications with this quotation.
    pub carry_forward: bool,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub terms: String,
    pub notes: String,
    pub lost_reason: String,
    pub competitor: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub sent_at: Option<String>,
    /// When it was accepted, rejected, expired or cancelled.
    pub decided_at: Option<String>,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The whole chain, oldest first, this one included.
    pub revisions: Vec<DocRef>,
    pub delivery_notes: Vec<DocRef>,
    pub invoices: Vec<DocRef>,
    /// Only drafts can be edited.
    pub editable: bool,
    /// The statuses `set_status` accepts from here.
    pub allowed: Vec<QuoteStatus>,
}

/// A row of the quotation list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSummary {
    pub id: String,
    pub number: String,
    pub revision: i64,
    pub status: QuoteStatus,
    pub contact_id: String,
    pub contact_name: String,
    pub issue_date: NaiveDate,
    pub valid_until: NaiveDate,
    pub currency: String,
    pub total: Decimal,
    pub owner_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteQuery {
    /// Part of the number, or of the customer's name (Arabic spelling variants match).
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub status: Option<QuoteStatus>,
    #[serde(default)]
    pub contact_id: Option<String>,
    /// Superseded revisions are left out unless this is true.
    #[serde(default)]
    pub include_superseded: bool,
    /// 1–500, default 50.
    #[serde(default)]
    pub limit: Option<u32>,
    /// The `next` of the previous page.
    #[serde(default)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotePage {
    pub items: Vec<QuoteSummary>,
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: QuoteStatus,
    /// Required when rejecting.
    #[serde(default)]
    pub lost_reason: String,
    #[serde(default)]
    pub competitor: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConvertInput {
    #[serde(default)]
    pub delivery_note: bool,
    #[serde(default)]
    pub invoice: bool,
    /// Default simplified.
    #[serde(default)]
    pub invoice_kind: Option<InvoiceKind>,
    #[serde(default)]
    pub delivery_address: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversion {
    pub quote: Quote,
    pub delivery_note: Option<DeliveryNote>,
    pub invoice: Option<Invoice>,
}

/// Lines and totals as they would be saved (for live totals in the editor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub lines: Vec<Line>,
    pub totals: Totals,
}
