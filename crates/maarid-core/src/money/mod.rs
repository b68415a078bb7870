//! Money on printed documents: the total in words (Arabic and English) and the
//! ZATCA phase-1 QR payload of Saudi simplified VAT invoices. Both are pure —
//! no database, no clock — and money is always a `Decimal`, never a float.

pub mod words;
pub mod zatca;

pub use words::{amount_in_words, minor_digits, round_to_minor_unit};
pub use zatca::ZatcaQr;
