//! What the sales documents share: lines and totals in decimal arithmetic, the event
//! history that feeds the contact's timeline, and the printable form of a document.
//! The documents themselves live in `catalog`, `inquiries`, `quotes` and `invoicing`.

pub mod daily;
pub mod events;
pub mod lines;
pub mod print;
pub mod print_model;

pub use lines::{compute, DiscountKind, Line, LineInput, Totals, VatBreakdown};
