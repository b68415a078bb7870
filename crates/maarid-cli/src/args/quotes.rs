//! `quotes …`: quotations from the command line.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use maarid_core::invoicing::InvoiceKind;
use maarid_core::quotes::QuoteStatus;

use super::{keyed, Keyed};

pub const QUOTES_LONG: &str = "\
Quotations (عروض الأسعار): add one for a customer (or from an approved inquiry), list
and show them, send, accept, reject or cancel them, make a revision or a copy, convert an
accepted one into a delivery note and/or an invoice, and print it as a PDF.

A quotation is numbered from the \"quotation\" series (QTN-2026-00001); a revision
keeps the number with -R1, -R2… and replaces the old one, which stays readable and
printable. Totals are computed by Maarid in decimal arithmetic, rounded line by line
to the currency's smallest unit (halalas, fils).

Statuses: draft → sent → accepted / rejected / cancelled; a draft can also be accepted
or cancelled directly; an accepted one can be cancelled only while it has no live
invoice. Drafts and sent quotations whose valid-till date has passed become expired
(the desktop app does this every day; `quotes expire` does it now).

Examples:
  maarid-cli quotes add --contact 0190c6d2-… --line \"تظليل حراري;1;1500;10%;15\" --line \"@CAM-24;1\"
  maarid-cli quotes add --from-inquiry 0190c6e1-… --valid-until 2026-04-30
  maarid-cli quotes list احمد --status sent
  maarid-cli quotes status 0190c6f0-… accepted
  maarid-cli quotes convert 0190c6f0-… --delivery-note --invoice --address \"الرياض، حي النرجس\"
  maarid-cli quotes print 0190c6f0-… --out QTN-2026-00001.pdf --lang both";

const QUOTES_ADD_LONG: &str = "\
Add a draft quotation for a contact (--contact, the id shown by `contacts add`,
`contacts search` and `contacts list`), or from an approved inquiry (--from-inquiry:
its contact and items become the quotation's, and the inquiry becomes \"quoted\").

Each --line is one line of the quotation, fields separated by semicolons:
  \"DESCRIPTION;QUANTITY;UNIT PRICE[;DISCOUNT[;VAT RATE]]\"
  - DISCOUNT is a percentage when it ends with % (\"10%\"), else an amount (\"500\");
    leave it empty for none (\"Tinting;1;1500;;15\").
  - VAT RATE is a percentage without the % sign; default: the company's VAT rate.
  - Arabic-Indic digits (١٥٠٠) are accepted.
A catalog item is written \"@CODE;QUANTITY[;DISCOUNT]\": its name, unit, price and VAT
rate come from the catalog. --product CODE adds one of a catalog item (--product
\"CODE;QUANTITY\" for more); these lines come after the --line lines.

Prices include VAT or not as the company setting says, unless --prices-include-vat or
--prices-exclude-vat is given. Valid till defaults to the issue date plus the setting's
validity days; terms default to the setting's quotation terms.

Examples:
  maarid-cli quotes add --contact 0190c6d2-… --line \"Toyota Camry 2024 GLE;1;98000;2000;15\"
  maarid-cli quotes add --contact 0190c6d2-… --product CAM-24 --product \"MAT-01;4\" \\
      --valid-until 2026-04-30 --terms \"السعر يشمل التسجيل واللوحات\"
  maarid-cli quotes add --from-inquiry 0190c6e1-… --line \"@TINT;1;10%\" --json";

const QUOTES_STATUS_LONG: &str = "\
Move a quotation to another status: sent, accepted, rejected (with --reason, and the
competitor the customer chose with --competitor) or cancelled. A quotation made from an
inquiry makes the inquiry won when accepted, and lost (same reason) when rejected.
Refused changes exit with 9 (status_not_allowed).

Examples:
  maarid-cli quotes status 0190c6f0-… sent
  maarid-cli quotes status 0190c6f0-… rejected --reason \"وجد سعرًا أقل\" --competitor \"معرض الخليج\"";

const QUOTES_CONVERT_LONG: &str = "\
Make a delivery note and/or an invoice from an accepted quotation. Both copy its lines
(the delivery note without prices), get their own numbers (DN-…, INV-…) and are linked
to the quotation and to each other. The invoice is added to the customer's purchase
history and its vehicles are marked sold. A quotation has at most one live invoice
(exit 5, already_exists, for a second one; cancel the first with `invoices status`).

Examples:
  maarid-cli quotes convert 0190c6f0-… --invoice
  maarid-cli quotes convert 0190c6f0-… --delivery-note --invoice --kind standard --address \"جدة\"";

pub(super) const PRINT_LONG: &str = "\
Print the document as an A4 PDF on the company letterhead and write it to --out. The
language is the global --lang: ar (Arabic, the default), en (English) or both (side by
side); digits follow the setting (Latin or Arabic-Indic). An existing file is not
overwritten unless --force is given. Superseded and cancelled documents print too,
marked as such.

Examples:
  maarid-cli quotes print 0190c6f0-… --out QTN-2026-00001.pdf
  maarid-cli invoices print 0190c701-… --out INV-2026-00001.pdf --lang both";

#[derive(Debug, Subcommand)]
pub enum QuotesCommand {
    /// Add a draft quotation for a contact, or from an approved inquiry
    #[command(long_about = QUOTES_ADD_LONG)]
    Add(QuoteAddArgs),

    /// Show one quotation in full: lines, totals, revisions, delivery notes, invoices
    Get {
        /// The quotation's id (shown by add and list)
        id: String,
    },

    /// List quotations, newest first (superseded revisions only with --all)
    List(QuoteListArgs),

    /// Send, accept, reject or cancel a quotation
    #[command(long_about = QUOTES_STATUS_LONG)]
    Status(QuoteStatusArgs),

    /// Make a new draft revision (-R1, -R2…) of a sent, rejected or expired quotation
    Revise {
        /// The quotation's id
        id: String,
    },

    /// Copy a quotation into a new draft (new number), optionally for another contact
    Copy {
        /// The quotation's id
        id: String,
        /// The contact the copy is for (default: the same contact)
        #[arg(long, value_name = "ID")]
        contact: Option<String>,
    },

    /// Make a delivery note and/or an invoice from an accepted quotation
    #[command(long_about = QUOTES_CONVERT_LONG)]
    Convert(QuoteConvertArgs),

    /// Print a quotation as a PDF file
    #[command(long_about = PRINT_LONG)]
    Print(PrintArgs),

    /// Show what happened to a quotation (created, sent, printed…), oldest first
    History {
        /// The quotation's id
        id: String,
    },

    /// Mark draft and sent quotations whose valid-till date has passed as expired
    Expire {
        /// Count as if today were this day, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct QuoteAddArgs {
    /// The customer's contact id
    #[arg(
        long,
        value_name = "ID",
        required_unless_present = "from_inquiry",
        conflicts_with = "from_inquiry"
    )]
    pub contact: Option<String>,

    /// Make the quotation from this approved inquiry (its contact and items)
    #[arg(long, value_name = "ID")]
    pub from_inquiry: Option<String>,

    /// A line: "DESCRIPTION;QTY;PRICE[;DISCOUNT[%][;VAT]]" or "@CODE;QTY[;DISCOUNT[%]]" (repeatable)
    #[arg(long, value_name = "LINE")]
    pub line: Vec<String>,

    /// A catalog item by its code: "CODE" or "CODE;QTY" (repeatable)
    #[arg(long, value_name = "CODE")]
    pub product: Vec<String>,

    /// Issue date, YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE")]
    pub issue_date: Option<String>,

    /// Valid till, YYYY-MM-DD (default: issue date + the setting's validity days)
    #[arg(long, value_name = "DATE")]
    pub valid_until: Option<String>,

    /// Currency code, e.g. SAR (default: the company's currency)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,

    /// The prices typed include VAT (default: the company setting)
    #[arg(long, conflicts_with = "prices_exclude_vat")]
    pub prices_include_vat: bool,

    /// The prices typed do not include VAT (default: the company setting)
    #[arg(long)]
    pub prices_exclude_vat: bool,

    /// Terms and conditions (default: the setting's quotation terms)
    #[arg(long, value_name = "TEXT")]
    pub terms: Option<String>,

    /// Notes printed on the quotation
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,

    /// The salesperson in charge, by login name (default: nobody for the command line)
    #[arg(long, value_name = "USERNAME")]
    pub owner: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuoteListArgs {
    /// Part of the number or of the customer's name (Arabic spelling variants match)
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only this status
    #[arg(long, value_name = "STATUS", value_parser = keyed(QuoteStatus::ALL, QuoteStatus::key, false))]
    pub status: Option<Keyed<QuoteStatus>>,

    /// Only this contact's quotations (contact id)
    #[arg(long, value_name = "ID")]
    pub contact: Option<String>,

    /// Also list superseded revisions
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub page: DocPageArgs,
}

#[derive(Debug, Args)]
pub struct QuoteStatusArgs {
    /// The quotation's id
    pub id: String,

    /// The new status
    #[arg(value_name = "STATUS", value_parser = keyed(QuoteStatus::ALL, QuoteStatus::key, false))]
    pub status: Keyed<QuoteStatus>,

    /// Why the customer said no (required for rejected)
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        hide_default_value = true
    )]
    pub reason: String,

    /// Who the customer bought from instead (for rejected)
    #[arg(
        long,
        value_name = "NAME",
        default_value = "",
        hide_default_value = true
    )]
    pub competitor: String,
}

#[derive(Debug, Args)]
pub struct QuoteConvertArgs {
    /// The accepted quotation's id
    pub id: String,

    /// Make a delivery note
    #[arg(long)]
    pub delivery_note: bool,

    /// Make an invoice
    #[arg(long)]
    pub invoice: bool,

    /// Invoice kind: simplified (to consumers, the default) or standard (to VAT-registered businesses)
    #[arg(long, value_name = "KIND", value_parser = keyed(InvoiceKind::ALL, InvoiceKind::key, false))]
    pub kind: Option<Keyed<InvoiceKind>>,

    /// Where the goods go (printed on the delivery note)
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        hide_default_value = true
    )]
    pub address: String,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// The document's id
    pub id: String,

    /// The PDF file to write
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,

    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DocPageArgs {
    /// Most documents to show, 1 to 500
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,

    /// Show the page after this cursor (printed at the end of the previous page)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}
