//! A sales document as it is printed: plain data, built by the quotation, delivery
//! note and invoice modules from what they store, and laid out by `printing`. Keeping
//! it separate lets the layout be tested without a database and the documents be
//! tested without a PDF.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::lines::{Line, Totals};
use crate::keyed::keyed_enum;
use crate::settings::Digits;

keyed_enum!(PrintKind {
    Inquiry = "inquiry",
    Quotation = "quotation",
    DeliveryNote = "delivery_note",
    /// Simplified VAT invoice (to consumers); carries the ZATCA QR code in Saudi Arabia.
    SimplifiedInvoice = "simplified_invoice",
    /// Standard VAT invoice (to VAT-registered businesses).
    Invoice = "invoice",
});

keyed_enum!(
    /// Which language(s) the document is printed in.
    PrintLang {
    Ar = "ar",
    En = "en",
    /// Arabic and English side by side.
    Both = "both",
}
);

/// The customer block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrintParty {
    /// The name in Arabic script (may be empty when only a Latin name is known).
    pub name_ar: String,
    pub name_latin: String,
    pub company_name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub vat_number: String,
}

/// Another document this one refers to, e.g. the quotation an invoice came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintRef {
    pub kind: PrintKind,
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintDoc {
    pub kind: PrintKind,
    pub number: String,
    /// 0 for the first version of a quotation.
    pub revision: i64,
    /// The document's status key (draft, sent, superseded, cancelled, issued…). The
    /// layout marks drafts, superseded and cancelled documents across the page.
    pub status: String,
    pub issue_date: NaiveDate,
    /// Quotations: valid till. Delivery notes: delivery date, when known.
    pub due_date: Option<NaiveDate>,
    /// Invoices: the moment of issue (printed, and in the ZATCA QR code).
    pub issued_at: Option<DateTime<Utc>>,
    pub references: Vec<PrintRef>,
    pub currency: String,
    pub prices_include_vat: bool,
    pub customer: PrintParty,
    /// Delivery notes print quantities only (their lines carry no prices).
    pub lines: Vec<Line>,
    /// `None` for delivery notes.
    pub totals: Option<Totals>,
    pub terms: String,
    pub notes: String,
    pub salesperson: String,
    /// Delivery notes: where the goods go.
    pub delivery_address: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PrintOptions {
    pub lang: PrintLang,
    pub digits: Digits,
}
