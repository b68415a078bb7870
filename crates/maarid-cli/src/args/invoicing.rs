//! `invoices …` and `delivery-notes …`: the documents made from quotations.

use clap::{Args, Subcommand};
use maarid_core::invoicing::{DeliveryNoteStatus, InvoiceStatus};

use super::quotes::{DocPageArgs, PrintArgs, PRINT_LONG};
use super::{keyed, Keyed};

pub const INVOICES_LONG: &str = "\
Invoices (الفواتير), made from accepted quotations with `quotes convert`: list them,
show one, mark it paid or cancel it, and print it as a PDF. Simplified invoices of
Saudi companies carry the ZATCA QR code.

Statuses: issued → paid or cancelled; both are final. Cancelling takes the invoice out
of the customer's purchase history and puts its vehicles back on sale (available);
the quotation can then be invoiced again.

Examples:
  maarid-cli invoices list --status issued
  maarid-cli invoices get 0190c701-…
  maarid-cli invoices status 0190c701-… paid
  maarid-cli invoices print 0190c701-… --out INV-2026-00001.pdf";

pub const DELIVERY_NOTES_LONG: &str = "\
Delivery notes (سندات التسليم), made from accepted quotations with `quotes convert`:
what is handed to the customer (descriptions and quantities, no prices). List them,
show one, mark it delivered or cancel it, and print it as a PDF.

Statuses: issued → delivered or cancelled; both are final.

Examples:
  maarid-cli delivery-notes list
  maarid-cli delivery-notes status 0190c702-… delivered
  maarid-cli delivery-notes print 0190c702-… --out DN-2026-00001.pdf --lang both";

#[derive(Debug, Subcommand)]
pub enum InvoicesCommand {
    /// List invoices, newest first
    List(InvoiceListArgs),

    /// Show one invoice in full
    Get {
        /// The invoice's id (shown by list and by `quotes convert`)
        id: String,
    },

    /// Mark an invoice paid, or cancel it
    Status {
        /// The invoice's id
        id: String,
        /// The new status: paid or cancelled
        #[arg(value_name = "STATUS", value_parser = keyed(InvoiceStatus::ALL, InvoiceStatus::key, false))]
        status: Keyed<InvoiceStatus>,
    },

    /// Print an invoice as a PDF file
    #[command(long_about = PRINT_LONG)]
    Print(PrintArgs),
}

#[derive(Debug, Args)]
pub struct InvoiceListArgs {
    /// Part of the number or of the customer's name
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only this status
    #[arg(long, value_name = "STATUS", value_parser = keyed(InvoiceStatus::ALL, InvoiceStatus::key, false))]
    pub status: Option<Keyed<InvoiceStatus>>,

    /// Only this contact's invoices (contact id)
    #[arg(long, value_name = "ID")]
    pub contact: Option<String>,

    /// Only invoices of this quotation (quotation id)
    #[arg(long, value_name = "ID")]
    pub quote: Option<String>,

    #[command(flatten)]
    pub page: DocPageArgs,
}

#[derive(Debug, Subcommand)]
pub enum DeliveryNotesCommand {
    /// List delivery notes, newest first
    List(DeliveryNoteListArgs),

    /// Show one delivery note in full
    Get {
        /// The delivery note's id (shown by list and by `quotes convert`)
        id: String,
    },

    /// Mark a delivery note delivered, or cancel it
    Status {
        /// The delivery note's id
        id: String,
        /// The new status: delivered or cancelled
        #[arg(value_name = "STATUS", value_parser = keyed(DeliveryNoteStatus::ALL, DeliveryNoteStatus::key, false))]
        status: Keyed<DeliveryNoteStatus>,
    },

    /// Print a delivery note as a PDF file
    #[command(long_about = PRINT_LONG)]
    Print(PrintArgs),
}

#[derive(Debug, Args)]
pub struct DeliveryNoteListArgs {
    /// Part of the number or of the customer's name
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only this status
    #[arg(long, value_name = "STATUS", value_parser = keyed(DeliveryNoteStatus::ALL, DeliveryNoteStatus::key, false))]
    pub status: Option<Keyed<DeliveryNoteStatus>>,

    /// Only this contact's delivery notes (contact id)
    #[arg(long, value_name = "ID")]
    pub contact: Option<String>,

    /// Only delivery notes of this quotation (quotation id)
    #[arg(long, value_name = "ID")]
    pub quote: Option<String>,

    #[command(flatten)]
    pub page: DocPageArgs,
}
