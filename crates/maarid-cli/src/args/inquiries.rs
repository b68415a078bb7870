//! `maarid-cli inquiries …`: visitors' and callers' inquiries, and their follow-up.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use maarid_core::inquiries::{InquiryChannel, InquiryStatus};
use maarid_core::interactions::{Direction, InteractionKind};

use super::{keyed, Keyed};

pub const INQUIRIES_LONG: &str = "\
Record and follow up inquiries: someone walked in, called or wrote about a car, a
product or a service. An inquiry has a number (INQ-2026-00001, from the numbering
series), a contact, the channel it came through (walk_in, phone, email, website,
social, whatsapp), the items of interest (catalog items or free text), a budget, notes,
the salesperson in charge and a follow-up date.

Statuses: open → contacted / replied → quoted → won, or lost (with a reason) or
cancelled. Won, lost and cancelled are final; only open, contacted and replied
inquiries can be edited. An inquiry must be approved before a quotation is made from
it. Every change appears on the contact's timeline (`contacts timeline ID`).

The contact is an existing one (--contact ID) or a new one typed in (--name and
--phone), saved as a lead. When the CRM setting \"create contacts for leads
automatically\" is off, a new contact also needs --create-contact. A new contact that
looks like an existing one is refused with exit code 12 and the matches are listed:
use --contact with the existing one's id, or add --allow-duplicate.

Inquiries are found by their id or their number: `inquiries get INQ-2026-00001` works.

Examples:
  maarid-cli inquiries add --name \"سلمان الدوسري\" --phone 0567654321 --channel walk_in \\
      --product TY-CAM-2026 --budget 130000 --follow-up 2026-11-25
  maarid-cli inquiries add --contact 0193b3c4-… --channel phone --item \"جيب عائلي 7 مقاعد\"
  maarid-cli inquiries follow-up INQ-2026-00001 call --direction out --outcome no_answer --next 2026-11-26
  maarid-cli inquiries status INQ-2026-00001 lost --reason price --competitor \"معرض الجزيرة\"
  maarid-cli inquiries list --due
  maarid-cli inquiries print INQ-2026-00001 --out inquiry.pdf --lang both";

const ADD_LONG: &str = "\
Record an inquiry. Give the contact with --contact ID, or a new contact with --name
(Arabic or Latin letters) and usually --phone and/or --email.

Items: --product CODE (a catalog item, by code or id) and --item TEXT (free text); both
repeat, and both take a quantity after a colon: --product TY-CAM-2026:2.
The salesperson in charge is --owner USERNAME (default: nobody, as the command line is
not a user).

Examples:
  maarid-cli inquiries add --name \"سلمان الدوسري\" --phone 0567654321 --product TY-CAM-2026 \\
      --item \"تظليل\" --budget 130000 --follow-up 2026-11-25 --owner sara
  maarid-cli inquiries add --contact 0193b3c4-… --channel whatsapp --item \"قطع غيار هايلكس:4\" --json";

const EDIT_LONG: &str = "\
Change an inquiry that is still open, contacted or replied. Only the options given
change. --product and --item ADD items; --clear-items removes the existing ones first.
--budget \"\" and --follow-up \"\" clear those.

Example:
  maarid-cli inquiries edit INQ-2026-00001 --budget 150000 --follow-up 2026-12-01";

const STATUS_LONG: &str = "\
Move an inquiry to another status. Allowed moves:
  open       → contacted, replied, quoted, lost, cancelled
  contacted  → replied, quoted, lost, cancelled
  replied    → contacted, quoted, lost, cancelled
  quoted     → won, lost, cancelled
Won, lost and cancelled are final. Any other move is refused (exit 9).
lost needs --reason: price, competitor, financing, not_available, changed_mind,
no_response, other, or your own words; --competitor names who won the sale.

Examples:
  maarid-cli inquiries status INQ-2026-00001 contacted
  maarid-cli inquiries status INQ-2026-00001 lost --reason competitor --competitor \"معرض الجزيرة\"";

const FOLLOW_UP_LONG: &str = "\
Log a follow-up on an inquiry: a call, visit, email, message or note, which also
appears on the contact's timeline. An outgoing follow-up (--direction out) moves an open
inquiry to contacted; an incoming one (--direction in) moves an open or contacted
inquiry to replied. --next sets the next follow-up date (without it the date is cleared).

Outcomes: call: answered, no_answer, busy, call_back; visit: browsed, interested,
negotiated, bought.

Examples:
  maarid-cli inquiries follow-up INQ-2026-00001 call --direction out --outcome answered \\
      --text \"يريد عرض سعر بالتقسيط\" --next 2026-11-28
  maarid-cli inquiries follow-up INQ-2026-00001 message --direction in --text \"أرسل صورة الهوية\"";

const CLOSE_LONG: &str = "\
Close, as lost with the reason no_response, every contacted or replied inquiry with no
activity for the number of days in the CRM settings (\"close unanswered inquiries
after\"). Nothing happens when that setting is 0. The desktop app does this at start
and daily; run it from a scheduled task when the app is not used every day. Running it
again closes nothing more.

Examples:
  maarid-cli inquiries close-unanswered
  maarid-cli inquiries close-unanswered --now 2026-12-31T09:00:00+03:00 --json";

const PRINT_LONG: &str = "\
Print an inquiry as an A4 PDF on the company letterhead: the customer, the items of
interest with their quantities (no prices), the notes and the salesperson. The global
--lang chooses the document's language: ar, en or both (Arabic and English); digits
follow the company setting. An existing file is not overwritten unless --force is given.

Examples:
  maarid-cli inquiries print INQ-2026-00001 --out inquiry.pdf
  maarid-cli inquiries print INQ-2026-00001 --out /tmp/inq.pdf --lang both --force";

#[derive(Debug, Subcommand)]
pub enum InquiriesCommand {
    /// Record an inquiry (with an existing contact or a new one)
    #[command(long_about = ADD_LONG)]
    Add(InquiryAddArgs),

    /// Show one inquiry with its items and history (by id or number)
    Get {
        /// The inquiry's id or number (INQ-2026-00001)
        key: String,
    },

    /// List inquiries, newest first (or those due for follow-up)
    List(InquiryListArgs),

    /// Change an open, contacted or replied inquiry: only the options given change
    #[command(long_about = EDIT_LONG)]
    Edit(InquiryEditArgs),

    /// Move an inquiry to another status (lost needs --reason)
    #[command(long_about = STATUS_LONG)]
    Status(InquiryStatusArgs),

    /// Approve an inquiry, so a quotation can be made from it
    Approve {
        /// The inquiry's id or number
        key: String,
    },

    /// Log a call, visit, message… about an inquiry and set the next follow-up date
    #[command(name = "follow-up", long_about = FOLLOW_UP_LONG)]
    FollowUp(FollowUpArgs),

    /// Cancel an inquiry
    Cancel {
        /// The inquiry's id or number
        key: String,
    },

    /// Close unanswered inquiries as lost (after the days in the CRM settings)
    #[command(name = "close-unanswered", long_about = CLOSE_LONG)]
    CloseUnanswered {
        /// Take this moment as now (RFC 3339), e.g. to catch up; default: now
        #[arg(long, value_name = "TIME")]
        now: Option<String>,
    },

    /// Print an inquiry to a PDF file
    #[command(long_about = PRINT_LONG)]
    Print(InquiryPrintArgs),
}

/// What `inquiries add` and `inquiries edit` can set.
#[derive(Debug, Args)]
pub struct InquiryFields {
    /// The contact's id (an existing contact)
    #[arg(long, value_name = "ID", conflicts_with = "name")]
    pub contact: Option<String>,

    /// A new contact's name (Arabic or Latin letters), saved as a lead
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// The new contact's phone
    #[arg(long, value_name = "NUMBER", requires = "name")]
    pub phone: Option<String>,

    /// The new contact's email
    #[arg(long, value_name = "EMAIL", requires = "name")]
    pub email: Option<String>,

    /// Save the new contact even when the CRM setting does not create contacts for leads automatically
    #[arg(long, requires = "name")]
    pub create_contact: bool,

    /// Save the new contact even if it looks like an existing one
    #[arg(long, requires = "name")]
    pub allow_duplicate: bool,

    /// How the inquiry came: walk_in, phone, email, website, social or whatsapp
    #[arg(long, value_name = "CHANNEL", value_parser = keyed(InquiryChannel::ALL, InquiryChannel::key, false))]
    pub channel: Option<Keyed<InquiryChannel>>,

    /// A catalog item of interest, by code or id, optionally with a quantity: TY-CAM-2026:2; repeat for several
    #[arg(long, value_name = "CODE[:QTY]")]
    pub product: Vec<String>,

    /// An item of interest in free text, optionally with a quantity: "إطارات:4"; repeat for several
    #[arg(long, value_name = "TEXT[:QTY]")]
    pub item: Vec<String>,

    /// Budget, in the company's currency (\"\": none)
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,

    /// Notes
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,

    /// Login name of the salesperson in charge
    #[arg(long, value_name = "USERNAME")]
    pub owner: Option<String>,

    /// Follow-up date, YYYY-MM-DD (\"\": none)
    #[arg(long = "follow-up", value_name = "DATE")]
    pub follow_up: Option<String>,
}

#[derive(Debug, Args)]
pub struct InquiryAddArgs {
    #[command(flatten)]
    pub fields: InquiryFields,
}

#[derive(Debug, Args)]
pub struct InquiryEditArgs {
    /// The inquiry's id or number
    pub key: String,

    #[command(flatten)]
    pub fields: InquiryFields,

    /// Remove the existing items first (then add the --product and --item values given)
    #[arg(long)]
    pub clear_items: bool,
}

#[derive(Debug, Args)]
pub struct InquiryListArgs {
    /// Words or digits: the number, the contact's name or phone
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only this status
    #[arg(long, value_name = "STATUS", value_parser = keyed(InquiryStatus::ALL, InquiryStatus::key, false))]
    pub status: Option<Keyed<InquiryStatus>>,

    /// Only this channel
    #[arg(long, value_name = "CHANNEL", value_parser = keyed(InquiryChannel::ALL, InquiryChannel::key, false))]
    pub channel: Option<Keyed<InquiryChannel>>,

    /// Only inquiries of this salesperson (login name)
    #[arg(long, value_name = "USERNAME")]
    pub owner: Option<String>,

    /// Only inquiries of this contact (id)
    #[arg(long, value_name = "ID")]
    pub contact: Option<String>,

    /// Only running inquiries whose follow-up date is today or earlier, earliest first
    #[arg(long)]
    pub due: bool,

    /// Most inquiries to show, 1 to 500
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,

    /// Show the page after this cursor (printed at the end of the previous page)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

#[derive(Debug, Args)]
pub struct InquiryStatusArgs {
    /// The inquiry's id or number
    pub key: String,
    /// contacted, replied, quoted, won, lost or cancelled
    #[arg(value_parser = keyed(InquiryStatus::ALL, InquiryStatus::key, false))]
    pub status: Keyed<InquiryStatus>,
    /// Why it was lost (required for lost)
    #[arg(long, value_name = "REASON", default_value = "")]
    pub reason: String,
    /// Who won the sale instead (for lost)
    #[arg(long, value_name = "NAME", default_value = "")]
    pub competitor: String,
}

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// The inquiry's id or number
    pub key: String,
    /// call, visit, email, message or note
    #[arg(value_parser = keyed(InteractionKind::ALL, InteractionKind::key, false))]
    pub kind: Keyed<InteractionKind>,
    /// out (we reached them) or in (they reached us)
    #[arg(long, value_parser = keyed(Direction::ALL, Direction::key, false))]
    pub direction: Option<Keyed<Direction>>,
    /// How it went (see the list above)
    #[arg(long, value_name = "OUTCOME", default_value = "")]
    pub outcome: String,
    /// What was said or done
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub text: String,
    /// The next follow-up date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub next: Option<String>,
}

#[derive(Debug, Args)]
pub struct InquiryPrintArgs {
    /// The inquiry's id or number
    pub key: String,
    /// The PDF file to write
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Overwrite FILE if it already exists
    #[arg(long)]
    pub force: bool,
}
