//! `export TYPE|all --out FILE` and `bench export`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use maarid_core::export::ExportKind;

pub const EXPORT_LONG: &str = "\
Export records to an Excel workbook (.xlsx) or a .csv file, to open in Excel or
LibreOffice, to send to an accountant, or to keep: `export all` writes every record
type into one workbook, one sheet each, so the showroom can always take its data away.

TYPE is one of: contacts, products, inquiries, quotes, invoices, delivery-notes, the
lines of documents (quote-lines, invoice-lines, delivery-note-lines; each line names
its document in the `number` column), or all (.xlsx only).

The file type follows the name given to --out: .xlsx or .csv. An existing file is not
replaced unless --force is given. The file appears only once it is complete.

.xlsx: one sheet per record type, right to left when the language is Arabic, a bold
header row that stays in view and has filter buttons, dates as real dates (moments
such as \"created\" in this computer's local time), amounts as numbers with the
currency's decimals (3 for KWD, BHD, OMR and JOD, otherwise 2).
.csv: UTF-8 with a byte-order mark (Excel then shows Arabic correctly), one header row,
dates as YYYY-MM-DD, moments as ISO 8601 with their UTC offset, amounts as plain
decimal numbers.

The global --lang (ar or en; default Arabic) sets the language of the headers, of the
sheet names and of words such as a contact's type («عميل» / Customer). Several phones,
emails or tags share one cell, separated by \"; \". Deleted records are never exported.

--columns chooses the columns and their order, by key (see below, or run
`maarid-cli export TYPE --list-columns`, which also shows the custom fields). The
keys are the field names the import reads, so an exported sheet imports back.

Column keys (all of them are written when --columns is not given):
  contacts:        name_ar, name_latin, company_name, job_title, kind, phones, emails,
                   city, address, region, country, website, source, preferred_channel,
                   tags, owner, notes, custom.<field id> (one per custom field), id,
                   created_at, updated_at
  products:        kind, code, name_ar, name_en, description, unit, price, vat_rate,
                   category, make, model, year, trim, colour, vin, stock_status, id,
                   created_at, updated_at
  inquiries:       number, contact_id, contact_name, channel, status, items, budget,
                   currency, notes, owner_id, owner, follow_up_on, approved_at,
                   lost_reason, competitor, closed_at, id, created_at, updated_at
  quotes:          number, revision, status, contact_id, contact_name, inquiry_id,
                   inquiry_number, issue_date, valid_until, currency,
                   prices_include_vat, subtotal, discount_total, net_total, vat_total,
                   total, terms, notes, lost_reason, competitor, owner_id, owner,
                   sent_at, decided_at, id, created_at, updated_at
  invoices:        number, kind, status, contact_id, contact_name, quote_id,
                   quote_number, delivery_note_number, issue_date, issued_at, currency,
                   prices_include_vat, subtotal, discount_total, net_total, vat_total,
                   total, terms, notes, id, created_at, updated_at
  delivery-notes:  number, status, contact_id, contact_name, quote_id, quote_number,
                   invoice_number, issue_date, delivered_at, address, notes, id,
                   created_at, updated_at
  *-lines:         number, line_no, product_id, product_code, description, unit,
                   quantity, unit_price, discount_kind, discount, vat_rate, gross,
                   discount_amount, net, vat, total, currency

`owner` is the salesperson's login name; the `*_id` columns and `id` are Maarid's own
record ids (the `*_name` and `*_number` beside them are for people).

--from and --to keep the records created on those days and between them (YYYY-MM-DD,
days in UTC, as the lists in the app count them).

Examples:
  maarid-cli export contacts --out contacts.xlsx
  maarid-cli export contacts --out contacts.csv --columns name_ar,phones,city --lang en
  maarid-cli export quotes --out q-2026.xlsx --from 2026-01-01 --to 2026-12-31
  maarid-cli export contacts --list-columns
  maarid-cli export all --out maarid-everything.xlsx --json";

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// Contacts: customers, leads and companies
    Contacts,
    /// The catalog: products, vehicles and services
    Products,
    /// Inquiries
    Inquiries,
    /// Quotations, every revision
    Quotes,
    /// The lines of quotations
    #[value(alias = "quote_lines")]
    QuoteLines,
    /// Invoices
    Invoices,
    /// The lines of invoices
    #[value(alias = "invoice_lines")]
    InvoiceLines,
    /// Delivery notes
    #[value(alias = "delivery_notes")]
    DeliveryNotes,
    /// The lines of delivery notes
    #[value(alias = "delivery_note_lines")]
    DeliveryNoteLines,
    /// Everything above, one sheet each (.xlsx only)
    All,
}

impl ExportTarget {
    /// The record type, or None for `all`.
    pub fn kind(self) -> Option<ExportKind> {
        Some(match self {
            ExportTarget::Contacts => ExportKind::Contacts,
            ExportTarget::Products => ExportKind::Products,
            ExportTarget::Inquiries => ExportKind::Inquiries,
            ExportTarget::Quotes => ExportKind::Quotes,
            ExportTarget::QuoteLines => ExportKind::QuoteLines,
            ExportTarget::Invoices => ExportKind::Invoices,
            ExportTarget::InvoiceLines => ExportKind::InvoiceLines,
            ExportTarget::DeliveryNotes => ExportKind::DeliveryNotes,
            ExportTarget::DeliveryNoteLines => ExportKind::DeliveryNoteLines,
            ExportTarget::All => return None,
        })
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export (see the list above), or `all`
    #[arg(value_enum, value_name = "TYPE")]
    pub target: ExportTarget,

    /// File to write: its name must end in .xlsx or .csv
    #[arg(long, value_name = "FILE", required_unless_present = "list_columns")]
    pub out: Option<PathBuf>,

    /// Only these columns, in this order: keys separated by commas (e.g. name_ar,phones,city)
    #[arg(long, value_name = "KEYS", value_delimiter = ',', num_args = 1)]
    pub columns: Option<Vec<String>>,

    /// Only records created on or after this day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only records created on or before this day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Replace FILE if it already exists
    #[arg(long)]
    pub force: bool,

    /// Show the column keys and headers of TYPE (custom fields included) instead of exporting
    #[arg(long, conflicts_with_all = ["out", "columns", "from", "to", "force"])]
    pub list_columns: bool,
}

pub const BENCH_EXPORT_LONG: &str = "\
Measure exporting contacts to .xlsx on COUNT generated contacts (see
`maarid-cli seed contacts --help`), against a baseline measured in the same run.

1. Saves the contacts in batches of 10,000 (not timed here; `bench search` times it).
2. Ours: `maarid-cli export contacts` as the app does it: every column, phones, emails,
   tags and the first address gathered per contact, words for stored keys, dates as
   date cells in local time, widths, styles, right to left.
3. Baseline: the same contacts read with one plain SELECT of the contacts table and
   written as bare text with rust_xlsxwriter's constant-memory mode, no styling.

Each phase runs 3 times, alternating, each time in a process of its own, so the memory
figures are the phase's own (Linux; \"n/a\" elsewhere): the private peak (heap and
stacks: the highest RssAnon, sampled every 2 ms) and the resident peak (VmHWM, which
also counts the database pages the process mapped to read them, the system's file
cache). Prints for the median run: seconds, processor seconds (all threads), rows/s,
cells written, file size and both peaks, and ours ÷ baseline. The targets are 100,000
rows in at most 1.5 s and 50 MB (judged on the private peak).

Without --db the contacts go into a temporary database, deleted at the end. With --db
PATH the database is kept; running again with the same PATH, COUNT and --seed reuses
it. A PATH that exists but was not made by this command is refused. Use a release build
for meaningful figures.

Examples:
  maarid-cli bench export --rows 100000
  maarid-cli bench export --rows 100000 --db /tmp/bench-export.sqlite --json";

#[derive(Debug, Args)]
pub struct BenchExportArgs {
    /// How many contacts to generate and export (100 to 1,000,000)
    #[arg(long, value_name = "COUNT", default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(100..=1_000_000))]
    pub rows: u64,

    /// Starting value of the generator: another seed gives other contacts
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// One measured phase of `bench export`, run by the benchmark in a child process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchPhase {
    Ours,
    Baseline,
}

#[derive(Debug, Args)]
pub struct BenchExportPhaseArgs {
    #[arg(long, value_enum)]
    pub phase: BenchPhase,

    /// The workbook to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}
