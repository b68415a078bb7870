//! `maarid-cli import …`: spreadsheets in, every row accounted for.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use maarid_core::import::{DateOrderKey, ImportKind, OnDuplicate};

use super::{keyed, Keyed};

pub const IMPORT_LONG: &str = "\
Import contacts, products and vehicles, inquiries or past quotations from a spreadsheet:
.xlsx, .xlsm, .xls, .xlsb, .ods or .csv (UTF-8, UTF-16 or Windows-1256, detected).

The header row is found under title rows, and the columns are matched to fields from
their Arabic or English names (الاسم، رقم الجوال، البريد الإلكتروني، المدينة، تاريخ
الزيارة …). Adjust with --header-row and --map, or use a mapping saved earlier with
--profile (save one with --save-profile).

Every row is checked before anything is written: required fields, phone numbers (a
phone that Excel stored as a number gets its leading zero back), emails, dates (day or
month first: detected, or --date-order), numbers too long for Excel (refused, never
rounded), and duplicates inside the file and against the database (--on-duplicate).
Then all the rows that passed are written in one transaction: if anything fails, or
the program is stopped, nothing is written. Rows left out are listed; --errors writes
them, as they were, with their reasons in Arabic and English, to an .xlsx file.

Fields for --map (contacts): name_ar, name_latin, company_name, job_title, kind (lead,
customer, company), phones, emails, tags (these three take several columns, and several
values in a cell separated by ; or ,), city, address, region, country (2 letters),
website, source, preferred_channel, owner (username or full name), notes, visit_date
(logged as a visit on the contact's timeline), and custom.<field id> for custom fields.
Products: code (required), name_ar, name_en, kind, description, unit, price, vat_rate,
category, make, model, year, trim, colour, vin, stock_status. Inquiries: contact_name,
phone, email, city, channel, status, date, items, budget, owner, follow_up_on, notes,
lost_reason (the contact is found by phone, email or name, or created as a lead).
Quotes, one row per line: number, issue_date, description and unit_price (required),
valid_until, contact_name, phone, email, city, status, owner, notes, total, unit,
quantity, discount, discount_percent, vat_rate, line_total (totals are recomputed and
checked against the file's).

Each import is recorded as a batch: `maarid-cli import list` shows them and
`maarid-cli import undo BATCH` takes one back completely.

Examples:
  maarid-cli import customers-2023.xlsx --type contacts --dry-run
  maarid-cli import customers-2023.xlsx --type contacts --errors not-imported.xlsx
  maarid-cli import stock.xls --type products --sheet \"المخزون\" --on-duplicate update
  maarid-cli import branch.csv --type contacts --map C=phones --map \"اسم العميل=name_ar\" \\
      --save-profile \"كشف الفرع\"
  maarid-cli import branch-april.csv --type contacts --profile \"كشف الفرع\" --json
  maarid-cli import undo 0193a7c2-…";

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportCmd {
    #[command(subcommand)]
    pub command: Option<ImportCommand>,
    #[command(flatten)]
    pub run: Option<ImportArgs>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Take a whole import back: what it created is removed, what it updated is put back
    #[command(long_about = UNDO_LONG)]
    Undo {
        /// The batch id, as printed by the import or by `import list`
        batch: String,
    },
    /// List imports, newest first, with their counts
    List,
    /// List the saved column mappings (profiles) of a kind of import
    Profiles {
        #[arg(long = "type", value_name = "TYPE", value_parser = keyed(ImportKind::ALL, ImportKind::key, false))]
        kind: Keyed<ImportKind>,
    },
}

const UNDO_LONG: &str = "\
Take back a whole import, in one transaction: the records it created are removed and
the records it updated get their earlier values back. If any of them was changed or
used since (edited, given an inquiry or a quotation, merged…), the undo is refused and
nothing changes, so no later work is lost. Records deleted since are left as they are.";

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet to import
    #[arg(value_name = "FILE", required = true)]
    pub file: Option<PathBuf>,
    /// What the rows are: contacts, products (and vehicles), inquiries or quotes
    #[arg(long = "type", value_name = "TYPE", required = true, value_parser = keyed(ImportKind::ALL, ImportKind::key, false))]
    pub kind: Option<Keyed<ImportKind>>,
    /// The sheet to read (by its name); the first sheet by default
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The header row's number as the spreadsheet shows it; found automatically by default
    #[arg(long, value_name = "ROW")]
    pub header_row: Option<usize>,
    /// Map a column to a field: COLUMN=FIELD, where COLUMN is a letter (C), a number (3)
    /// or the header text. Repeat for each column; with --map, only the columns given are
    /// imported
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Use a column mapping saved earlier (see --save-profile)
    #[arg(long, value_name = "NAME", conflicts_with = "map")]
    pub profile: Option<String>,
    /// Save this import's column mapping under a name, for next time
    #[arg(long, value_name = "NAME")]
    pub save_profile: Option<String>,
    /// Check every row and print the counts, without writing anything
    #[arg(long)]
    pub dry_run: bool,
    /// A row that looks like a saved record: skip it, update the saved record with it,
    /// or create it anyway
    #[arg(long, value_name = "WHAT", default_value = "skip", value_parser = keyed(OnDuplicate::ALL, OnDuplicate::key, false))]
    pub on_duplicate: Keyed<OnDuplicate>,
    /// Dates typed as text: day first (15/03/2024) or month first (03/15/2024); detected by default
    #[arg(long, value_name = "ORDER", value_parser = ["dmy", "mdy"])]
    pub date_order: Option<String>,
    /// Write the rows not imported, with their reasons, to this .xlsx file
    #[arg(long, value_name = "OUT.xlsx")]
    pub errors: Option<PathBuf>,
}

impl ImportArgs {
    pub fn date_order(&self) -> Option<DateOrderKey> {
        self.date_order.as_deref().and_then(DateOrderKey::parse)
    }
}
