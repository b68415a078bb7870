//! Command-line definitions (clap). Help text is written for a showroom administrator
//! who runs these commands from a terminal or a script, not for developers.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use maarid_core::contacts::{
    Channel, ContactKind, DuplicatePolicy, PhoneInput, PhoneLabel, SortKey, Source,
};
use maarid_core::interactions::{Direction, InteractionKind};
use maarid_core::Locale;

mod export;
mod import;
mod inquiries;
mod invoicing;
mod products;
mod quotes;
mod reminders;
mod report;
mod tasks;
pub use export::*;
pub use import::*;
pub use inquiries::*;
pub use invoicing::*;
pub use products::*;
pub use quotes::*;
pub use reminders::*;
pub use report::*;
pub use tasks::*;

const ABOUT: &str = "Maarid (معارض) command line: first-run setup, users, contacts, catalog, \
inquiries, quotations, invoices, reminders, tasks, exports to Excel, sample data, backups, restores and database updates";

const LONG_ABOUT: &str = "\
Maarid (معارض) command line: first-run setup, users, contacts, quotations, delivery notes
and invoices, sample data, backups, restores and database updates.

It works directly on the Maarid database file, without the desktop app, and acts as the
local administrator (anyone who can open the database file can already change it).
Every change it makes is written to the audit log under the name \"cli:<your login name>\".

The database is, in this order: the file given with --db, the file in the MAARID_DB
environment variable, or the usual per-user location (for example
~/.local/share/maarid/maarid.sqlite on Linux, %APPDATA%\\Maarid\\Maarid\\data\\maarid.sqlite
on Windows).

Messages are in Arabic unless --lang en is given (or MAARID_LANG=en is set).
With --json, the result is printed as one JSON document, for scripts.

Examples:
  maarid-cli setup --company-ar \"معرض النخبة\" --admin-user admin --admin-password-file pw.txt
  maarid-cli users list --lang en
  maarid-cli contacts add --name-ar \"محمد عبدالله القحطاني\" --phone 0551234567 --city الرياض
  maarid-cli contacts search احمد
  maarid-cli quotes add --contact <ID> --line \"تظليل حراري;1;1500;10%;15\"
  maarid-cli export contacts --out contacts.xlsx
  maarid-cli reminders add --for sara --title \"اتصل بأحمد\" --at \"2026-12-01 10:00\"
  maarid-cli due --at 2026-12-01T09:00 --json
  maarid-cli tasks add --title \"تجهيز السيارة\" --for sara --due 2026-12-03
  maarid-cli backup --out D:\\Backups\\maarid-2026-03-01.sqlite";

/// Help section for the options every command accepts.
const GLOBAL: &str = "Global options";

const EXIT_CODES: &str = "\
Exit codes (stable, for scripts):
  0   success
  1   other error (database error, failed migration, internal error)
  2   wrong command-line usage (unknown option, missing argument)
  3   invalid input (a value was refused, a confirmation such as --yes is missing, or
      `contacts edit` was given nothing to change)
  4   not found (user, role, contact, quotation, invoice, catalog item or file)
  5   already exists (user name taken, file already there, the quotation already has
      a live invoice)
  6   not permitted
  7   wrong credentials, or the account is locked or disabled
  8   first-run setup required, or setup was already done
  9   refused by the administrator rules (the last active System Manager must stay),
      or by a document's status (status_not_allowed: e.g. a draft cannot be rejected;
      read_only: only draft quotations can be edited; reminder_not_active: the reminder
      is already done or dismissed; task_status_unchanged: the task already has
      that status)
  10  not a Maarid database, or the database is newer than this program
  11  a file could not be read or written
  12  possible duplicate: a contact with the same phone or email, or a similar name in
      the same city, already exists (add --allow-duplicate to save anyway)

On failure the message is printed to standard error as `error[<code>]: <message>`;
with --json, `{\"error\": {\"code\", \"message_ar\", \"message_en\", \"field\"?}}` is
printed to standard output instead (for possible_duplicate also \"details\": the list of
matching contacts). The <code> values (e.g. setup_required, already_exists, last_admin,
possible_duplicate) never change meaning.";

#[derive(Debug, Parser)]
#[command(
    name = "maarid-cli",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXIT_CODES,
    propagate_version = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database file to work on [env: MAARID_DB; default: the per-user data folder]
    // The environment fallback is left to the core (`resolve_db_path`) so the CLI and
    // the desktop app can never disagree on where the database is.
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,

    /// Print the result (or the error) as one JSON document on standard output
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Language of messages: ar (Arabic) or en (English); the `print` commands also take
    /// both (documents in Arabic and English side by side) [env: MAARID_LANG; default: ar]
    #[arg(long, global = true, value_enum, value_name = "LANG", help_heading = GLOBAL)]
    pub lang: Option<GlobalLang>,
}

/// The global --lang: a message language, or `both` for printed documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GlobalLang {
    /// Arabic
    Ar,
    /// English
    En,
    /// Arabic and English (printed documents; messages in Arabic)
    Both,
}

impl From<GlobalLang> for Locale {
    fn from(l: GlobalLang) -> Self {
        match l {
            GlobalLang::Ar | GlobalLang::Both => Locale::Ar,
            GlobalLang::En => Locale::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Arabic
    Ar,
    /// English
    En,
}

impl From<Lang> for Locale {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Ar => Locale::Ar,
            Lang::En => Locale::En,
        }
    }
}

// Parsed once at start-up, so the size difference between variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run first-run setup without the desktop app: company profile and first administrator
    #[command(long_about = SETUP_LONG)]
    Setup(SetupArgs),

    /// Add users, list them, change their role, lock or unlock their accounts
    #[command(long_about = USERS_LONG, subcommand_required = true, arg_required_else_help = true)]
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },

    /// Add, show, change, delete, search and list contacts (customers, leads, companies)
    #[command(long_about = CONTACTS_LONG, subcommand_required = true, arg_required_else_help = true)]
    Contacts {
        #[command(subcommand)]
        command: ContactsCommand,
    },

    /// The catalog: add, show, change, list and delete products, vehicles and services
    #[command(long_about = PRODUCTS_LONG, subcommand_required = true, arg_required_else_help = true)]
    Products {
        #[command(subcommand)]
        command: ProductsCommand,
    },

    /// Inquiries: record, follow up, change status, approve, cancel and print them
    #[command(long_about = INQUIRIES_LONG, subcommand_required = true, arg_required_else_help = true)]
    Inquiries {
        #[command(subcommand)]
        command: InquiriesCommand,
    },

    /// Fill the database with generated sample data, for tests, demos and benchmarks
    #[command(long_about = SEED_LONG, subcommand_required = true, arg_required_else_help = true)]
    Seed {
        #[command(subcommand)]
        command: SeedCommand,
    },

    /// Measure search and export speed on generated contacts (a separate, temporary database by default)
    #[command(long_about = BENCH_LONG, subcommand_required = true, arg_required_else_help = true)]
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },

    /// Quotations: add, show, list, change status, revise, copy, convert to invoice, print
    #[command(long_about = QUOTES_LONG, subcommand_required = true, arg_required_else_help = true)]
    Quotes {
        #[command(subcommand)]
        command: QuotesCommand,
    },

    /// Invoices made from quotations: list, show, mark paid or cancelled, print
    #[command(long_about = INVOICES_LONG, subcommand_required = true, arg_required_else_help = true)]
    Invoices {
        #[command(subcommand)]
        command: InvoicesCommand,
    },

    /// Delivery notes made from quotations: list, show, mark delivered or cancelled, print
    #[command(name = "delivery-notes", long_about = DELIVERY_NOTES_LONG, subcommand_required = true, arg_required_else_help = true)]
    DeliveryNotes {
        #[command(subcommand)]
        command: DeliveryNotesCommand,
    },

    /// Reminders: add, list, done, dismiss, snooze, delete; notification settings
    #[command(long_about = REMINDERS_LONG, subcommand_required = true, arg_required_else_help = true)]
    Reminders {
        #[command(subcommand)]
        command: RemindersCommand,
    },

    /// Reports: the daily employee report, on screen or as .pdf/.xlsx/.csv
    #[command(long_about = REPORT_LONG, subcommand_required = true, arg_required_else_help = true)]
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },

    /// Team tasks: add, list, show, start, done, cancel, reopen, assign, attach, delete
    #[command(long_about = TASKS_LONG, subcommand_required = true, arg_required_else_help = true)]
    Tasks {
        #[command(subcommand)]
        command: TasksCommand,
    },

    /// What would fire at a moment: due reminders and expiry alerts, without recording them
    #[command(long_about = DUE_LONG)]
    Due(DueArgs),

    /// Import contacts, products, inquiries or past quotations from a spreadsheet (.xlsx, .xls, .ods, .csv…)
    #[command(long_about = IMPORT_LONG, arg_required_else_help = true)]
    Import(ImportCmd),
    /// Export records to an Excel workbook (.xlsx) or .csv file; `export all` writes everything
    #[command(long_about = EXPORT_LONG)]
    Export(ExportArgs),

    /// Write a consistent copy of the database to a file
    #[command(long_about = BACKUP_LONG)]
    Backup(BackupArgs),

    /// Replace the database with a backup file (the current database is saved first)
    #[command(long_about = RESTORE_LONG)]
    Restore(RestoreArgs),

    /// Bring the database up to this program's version (after installing an update)
    #[command(long_about = MIGRATE_LONG)]
    Migrate,
}

const SETUP_LONG: &str = "\
Run first-run setup without the desktop app, for scripted installations and tests.

Creates the company profile, the default settings and numbering series (QTN-2026-00001
and so on), the built-in roles, and the first user, who becomes System Manager. This can
be done only once per database; afterwards change the company in the app's Settings.

The administrator's password is taken from --admin-password-file (first line of the
file), else --admin-password, else the MAARID_ADMIN_PASSWORD environment variable. It
must be at least 8 characters. It is never printed. Prefer the file or the environment
variable: a password typed on the command line can be seen by other users of the computer.

Currency and VAT rate default from the country: SA → SAR 15%, AE → AED 5%, KW → KWD 0%,
QA → QAR 0%, BH → BHD 10%, OM → OMR 5%, JO → JOD 16%, EG → EGP 14%. For any other country
give --currency (and --vat if VAT applies).

Examples:
  maarid-cli setup --company-ar \"معرض النخبة للسيارات\" --company-en \"Elite Motors\" \\
      --admin-user admin --admin-name \"Khalid Al-Harbi\" --admin-password-file pw.txt
  MAARID_ADMIN_PASSWORD='s3cret-pass' maarid-cli setup --company-ar \"معرض الخليج\" \\
      --country AE --tax-number 100123456700003 --phone 043334444 --admin-user admin";

const USERS_LONG: &str = "\
Manage who can log in to Maarid and with which role.

Built-in roles: system_manager (everything), sales_manager (all sales records, reports),
sales_user (own customers and documents). Custom roles made in the app can be given by
their name or id. The last active System Manager can never be locked or given another
role, so the showroom cannot lock itself out.

Setup must have been done first (see `maarid-cli setup --help`).

Examples:
  maarid-cli users list
  maarid-cli users add sara --role sales_user --full-name \"Sara Ali\" --password-file pw.txt
  maarid-cli users unlock sara";

const BACKUP_LONG: &str = "\
Write a consistent copy of the whole database to FILE. It is safe to run while the
desktop app is open. The copy can later be put back with `maarid-cli restore`.

An existing file is not overwritten unless --force is given.

Examples:
  maarid-cli backup --out /mnt/usb/maarid-2026-03-01.sqlite
  maarid-cli backup --out D:\\Backups\\maarid.sqlite --force --json";

const RESTORE_LONG: &str = "\
Replace the current database with the backup FILE (made by `maarid-cli backup` or the
app). The file is checked first; nothing changes if it is not a valid Maarid backup.

Before replacing anything, the current database is saved as a safety copy in the
`backups` folder next to it, and that copy's path is printed, so a restore can itself be
undone by restoring the safety copy. Because everything entered since the backup is replaced, --yes is required.
Close the desktop app before restoring.

Examples:
  maarid-cli restore /mnt/usb/maarid-2026-03-01.sqlite --yes";

const MIGRATE_LONG: &str = "\
Update the database's structure to this version of Maarid. The desktop app and every
other command do this automatically when they open the database; this command does only
that, and reports what happened: the schema version before and after, and the backup
that was written first (a database holding data is always backed up into the `backups`
folder next to it before it is changed). Running it again does nothing.

Examples:
  maarid-cli migrate
  maarid-cli migrate --db /srv/maarid/maarid.sqlite --json";

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Company name in Arabic (printed on every document)
    #[arg(long, value_name = "NAME")]
    pub company_ar: String,

    /// Company name in English
    #[arg(
        long,
        value_name = "NAME",
        default_value = "",
        hide_default_value = true
    )]
    pub company_en: String,

    /// Country, as a two-letter code (SA, AE, KW, QA, BH, OM, JO, EG, …)
    #[arg(long, value_name = "CODE", default_value = "SA")]
    pub country: String,

    /// Currency, as a three-letter code (default: the country's currency, e.g. SAR for SA)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,

    /// Default VAT rate in percent, e.g. 15 (default: the country's standard rate)
    #[arg(long, value_name = "PERCENT")]
    pub vat: Option<String>,

    /// VAT registration number
    #[arg(
        long,
        value_name = "NUMBER",
        default_value = "",
        hide_default_value = true
    )]
    pub tax_number: String,

    /// Address in Arabic
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        hide_default_value = true
    )]
    pub address_ar: String,

    /// Address in English
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        hide_default_value = true
    )]
    pub address_en: String,

    /// Company phone number; repeat for several (--phone 0112345678 --phone 0551234567)
    #[arg(long, value_name = "NUMBER")]
    pub phone: Vec<String>,

    /// Company email address
    #[arg(
        long,
        value_name = "EMAIL",
        default_value = "",
        hide_default_value = true
    )]
    pub email: String,

    /// Login name of the first administrator (System Manager)
    #[arg(long, value_name = "NAME")]
    pub admin_user: String,

    /// Administrator's full name
    #[arg(
        long,
        value_name = "NAME",
        default_value = "",
        hide_default_value = true
    )]
    pub admin_name: String,

    /// Administrator's email address
    #[arg(
        long,
        value_name = "EMAIL",
        default_value = "",
        hide_default_value = true
    )]
    pub admin_email: String,

    /// Administrator's password (visible to other users of this computer; prefer --admin-password-file) [env: MAARID_ADMIN_PASSWORD]
    #[arg(long, value_name = "PASSWORD", conflicts_with = "admin_password_file")]
    pub admin_password: Option<String>,

    /// File whose first line is the administrator's password
    #[arg(long, value_name = "FILE")]
    pub admin_password_file: Option<PathBuf>,

    /// Language of the administrator's screens in the app: ar or en
    #[arg(long, value_enum, value_name = "LANG")]
    pub locale: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Create a user account
    #[command(long_about = USERS_ADD_LONG)]
    Add(UserAddArgs),

    /// Show all users with their role, status and last login
    #[command(long_about = USERS_LIST_LONG)]
    List,

    /// Give a user another role
    #[command(long_about = USERS_SET_ROLE_LONG)]
    SetRole {
        /// The user's login name
        username: String,
        /// system_manager, sales_manager, sales_user, or a custom role's name or id
        role: String,
    },

    /// Lock a user's account so they cannot log in
    #[command(long_about = USERS_LOCK_LONG)]
    Lock {
        /// The user's login name
        username: String,
    },

    /// Unlock a user's account (also clears the count of failed logins)
    #[command(long_about = USERS_UNLOCK_LONG)]
    Unlock {
        /// The user's login name
        username: String,
    },
}

const USERS_ADD_LONG: &str = "\
Create a user account. The login name may contain letters (Arabic or Latin), digits and
. _ - @, but no spaces.

The password is taken from --password-file (first line of the file), else --password,
else the MAARID_USER_PASSWORD environment variable. It must be at least 8 characters and
is never printed.

Examples:
  maarid-cli users add sara --role sales_user --full-name \"Sara Ali\" --password-file pw.txt
  MAARID_USER_PASSWORD='temp-pass-2026' maarid-cli users add omar --role sales_manager --locale en";

const USERS_LIST_LONG: &str = "\
Show all users: login name, full name, role, status (active, locked or disabled) and
last login time (UTC). With --json, prints the full user records.

Examples:
  maarid-cli users list
  maarid-cli users list --json";

const USERS_SET_ROLE_LONG: &str = "\
Give a user another role. ROLE is a built-in role (system_manager, sales_manager,
sales_user) or a custom role's Arabic or English name or id. The last active System
Manager cannot be given another role.

Examples:
  maarid-cli users set-role sara sales_manager
  maarid-cli users set-role omar \"Branch Manager\"";

const USERS_LOCK_LONG: &str = "\
Lock a user's account: they cannot log in until it is unlocked. Accounts are also
locked automatically after too many failed logins. The last active System Manager
cannot be locked.

Example:
  maarid-cli users lock omar";

const USERS_UNLOCK_LONG: &str = "\
Unlock a user's account, for example after it was locked by too many failed logins.
The count of failed logins starts again from zero.

Example:
  maarid-cli users unlock omar";

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Login name of the new user
    pub username: String,

    /// system_manager, sales_manager, sales_user, or a custom role's name or id
    #[arg(long, value_name = "ROLE")]
    pub role: String,

    /// The user's full name
    #[arg(
        long,
        value_name = "NAME",
        default_value = "",
        hide_default_value = true
    )]
    pub full_name: String,

    /// The user's email address
    #[arg(
        long,
        value_name = "EMAIL",
        default_value = "",
        hide_default_value = true
    )]
    pub email: String,

    /// Language of the user's screens in the app: ar or en
    #[arg(long, value_enum, value_name = "LANG")]
    pub locale: Option<Lang>,

    /// The user's password (visible to other users of this computer; prefer --password-file) [env: MAARID_USER_PASSWORD]
    #[arg(long, value_name = "PASSWORD", conflicts_with = "password_file")]
    pub password: Option<String>,

    /// File whose first line is the user's password
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// File to write the backup to
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// Overwrite FILE if it already exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Backup file to restore
    pub file: PathBuf,

    /// Confirm that the current database is to be replaced (required)
    #[arg(long)]
    pub yes: bool,
}

// ---- contacts ------------------------------------------------------------------------

const CONTACTS_LONG: &str = "\
Add, show, change, delete, search and list contacts: leads (people who may buy),
customers and companies. A contact has an Arabic and/or Latin name or a company name,
any number of phones (stored as typed and in international E.164 form, so 0551234567,
٠٥٥١٢٣٤٥٦٧ and +966 55 123 4567 are the same number), emails, a city, tags and notes.

Before saving, Maarid looks for contacts that seem to be the same person: the same
phone, the same email, or a similar name in the same city. Such a save is refused with
exit code 12 and the matches are listed; add --allow-duplicate to save anyway (this is
recorded in the audit log).

Search understands Arabic spelling variants (أحمد/احمد, فاطمة/فاطمه…), the beginnings of
words, and any part of a phone number such as its last 4 digits.

The command line acts as the administrator and sees every contact. Setup must have been
done first (see `maarid-cli setup --help`).

Examples:
  maarid-cli contacts add --name-ar \"محمد عبدالله القحطاني\" --phone 0551234567 --city الرياض
  maarid-cli contacts search احمد
  maarid-cli quotes add --contact <ID> --line \"تظليل حراري;1;1500;10%;15\"
  maarid-cli contacts search 4567
  maarid-cli contacts get 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b
  maarid-cli contacts edit 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b --kind customer --tag VIP
  maarid-cli contacts list --limit 20 --json";

const CONTACTS_ADD_LONG: &str = "\
Add a contact. At least one of --name-ar, --name-latin or --company is required.

Phones: give --phone once per number. A number may start with a label and a colon to say
what it is for: mobile (the default), work, whatsapp, home or other, e.g.
--phone whatsapp:0551234567. Numbers without a country code are read as numbers of the
company's country (set at setup); Arabic-Indic digits (٠٥٥…), spaces and dashes are fine.

If a contact with the same phone or email, or a similar name in the same city, already
exists, nothing is saved: the matches are listed and the exit code is 12. Check them
(`maarid-cli contacts get ID`), then run the command again with --allow-duplicate to
save anyway.

The new contact is printed, with its id (needed by get, edit and delete).

Examples:
  maarid-cli contacts add --name-ar \"محمد عبدالله القحطاني\" --phone 0551234567 --city الرياض
  maarid-cli contacts add --kind customer --name-ar \"نورة سعد العتيبي\" --name-latin \"Noura Al-Otaibi\" \\
      --phone ٠٥٠١٢٣٤٥٦٧ --phone whatsapp:+971501234567 --email noura@example.com \\
      --source walk_in --channel whatsapp --tag VIP --tag تمويل --owner sara
  maarid-cli contacts add --kind company --company \"شركة النخبة للتجارة\" --name-ar \"خالد الحربي\" \\
      --job-title \"مدير المشتريات\" --phone work:0114567890 --json";

const CONTACTS_GET_LONG: &str = "\
Show one contact in full: names, kind, phones (international form and as typed), emails,
city, source, preferred channel, owner, tags, notes and when it was created and last
changed. With --json, prints the contact record.

Examples:
  maarid-cli contacts get 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b
  maarid-cli contacts get 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b --json";

const CONTACTS_EDIT_LONG: &str = "\
Change a contact. Only the options given change; everything else stays as it is.

Text options replace the old value; give an empty value to clear one (--city \"\").
--source none and --channel none clear those.
--phone, --email and --tag ADD to the contact's phones, emails and tags. To replace a
list instead, add --clear-phones, --clear-emails or --clear-tags: the list is emptied
first, then the values given (if any) are put in.

The same duplicate check as for `contacts add` applies (exit code 12; --allow-duplicate
saves anyway). The changed contact is printed.

Examples:
  maarid-cli contacts edit 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b --kind customer --tag VIP
  maarid-cli contacts edit 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b --clear-phones --phone 0559876543
  maarid-cli contacts edit 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b --city جدة --owner sara --notes \"\"";

const CONTACTS_DELETE_LONG: &str = "\
Delete a contact. This is a soft delete: the contact disappears from lists, searches and
duplicate checks, but its record stays in the database (and in the audit log) for
history and synchronisation.

Example:
  maarid-cli contacts delete 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

const CONTACTS_SEARCH_LONG: &str = "\
Find contacts by name, company, job title, city, notes, tags or email — or by any part
of a phone number. Words match from their beginning and in any spelling variant
(أحمد/احمد, فاطمة/فاطمه, مصطفى/مصطفي…); every word must match. Text made only of digits
(at least 3) searches phone numbers: the last 4 digits are enough, and 055…, 55…, 966…
and +966… forms all work. Digits typed beside words (محمد 4567) must be part of a phone
number or the start of a word. An exact phone match comes first, then names starting
with the first word, then the rest, newest first; --sort gives another order.

The same filters as `contacts list` narrow the results (--kind, --owner, --source,
--tag, --from, --to).

Results are shown a page at a time (--limit, 50 by default). When there are more, the
cursor for the next page is printed: run the same command again with --after CURSOR.
With --json, prints {\"items\": [...], \"next\": CURSOR or null}.

Examples:
  maarid-cli contacts search احمد
  maarid-cli quotes add --contact <ID> --line \"تظليل حراري;1;1500;10%;15\"
  maarid-cli contacts search محمد القحطاني --limit 10
  maarid-cli contacts search 4567
  maarid-cli contacts search محمد 4567
  maarid-cli contacts search الرياض --kind customer --sort name --json";

const CONTACTS_LIST_LONG: &str = "\
List contacts, newest first, a page at a time (--limit, 50 by default). When there are
more, the cursor for the next page is printed: run the same command again with
--after CURSOR. With --json, prints {\"items\": [...], \"next\": CURSOR or null}; each
item has the contact's kind, names, city, first phone and email, owner, source, tags and
when it was created and last changed.

Filters (they combine): --kind lead|customer|company, --owner USERNAME, --source SOURCE,
--tag TAG (spelling variants match), --from DATE and --to DATE (creation day,
YYYY-MM-DD, both included; days are UTC days).
Order: --sort name|created|updated|relevance, and --desc to reverse it.

Examples:
  maarid-cli contacts list
  maarid-cli contacts list --kind customer --tag VIP --sort name
  maarid-cli contacts list --owner sara --from 2026-01-01 --to 2026-01-31 --json
  maarid-cli contacts list --sort updated --desc --limit 500 --json";

#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Add a contact (checks for possible duplicates first)
    #[command(long_about = CONTACTS_ADD_LONG)]
    Add(ContactFields),

    /// Show one contact in full
    #[command(long_about = CONTACTS_GET_LONG)]
    Get {
        /// The contact's id (shown by add, search and list)
        id: String,
    },

    /// Change a contact: only the options given change
    #[command(long_about = CONTACTS_EDIT_LONG)]
    Edit(ContactEditArgs),

    /// Delete a contact (soft delete: the record is kept for history)
    #[command(long_about = CONTACTS_DELETE_LONG)]
    Delete {
        /// The contact's id (shown by add, search and list)
        id: String,
    },

    /// Find contacts by name, city, tag, email… or part of a phone number
    #[command(long_about = CONTACTS_SEARCH_LONG)]
    Search(ContactSearchArgs),

    /// List contacts, newest first or sorted, optionally filtered
    #[command(long_about = CONTACTS_LIST_LONG)]
    List(ContactListArgs),

    /// Merge duplicates into one contact (undo with `contacts unmerge`)
    #[command(long_about = CONTACTS_MERGE_LONG)]
    Merge(MergeArgs),

    /// Undo a merge: every contact and linked record goes back as it was
    #[command(long_about = CONTACTS_UNMERGE_LONG)]
    Unmerge {
        /// The merge's id, or the id of a contact in it (its newest merge)
        key: String,
    },

    /// Bring back a deleted contact
    Restore {
        /// The contact's id
        id: String,
    },

    /// Show everything that happened with a contact, newest first
    Timeline {
        /// The contact's id
        id: String,
        #[command(flatten)]
        page: PageArgs,
    },

    /// Log a call, visit, email, message or note on a contact
    #[command(long_about = CONTACTS_LOG_LONG)]
    Log(LogArgs),

    /// Import contacts from a .vcf file (one or many cards), all or nothing
    #[command(name = "import-vcf", long_about = CONTACTS_IMPORT_VCF_LONG)]
    ImportVcf(ImportVcfArgs),
}

const CONTACTS_IMPORT_VCF_LONG: &str = "\
Import the contacts of a .vcf file (vCard 2.1, 3.0 or 4.0, as exported by phones and
mail programs; one or many cards). Every card is checked first; if any card is refused,
nothing is imported and the report says, card by card, what was wrong (exit 3).
Phone numbers without a country code are read with the company's country.

Examples:
  maarid-cli contacts import-vcf contacts.vcf
  maarid-cli contacts import-vcf customers.vcf --kind customer --on-duplicate skip";

#[derive(Debug, Args)]
pub struct ImportVcfArgs {
    /// The .vcf file
    pub file: PathBuf,
    /// What the imported contacts are
    #[arg(long, default_value = "lead", value_parser = keyed(ContactKind::ALL, ContactKind::key, false))]
    pub kind: Keyed<ContactKind>,
    /// A card that looks like an existing contact (or an earlier card): refuse the
    /// import, skip that card, or allow it anyway
    #[arg(long, value_name = "WHAT", default_value = "refuse", value_parser = keyed(DuplicatePolicy::ALL, DuplicatePolicy::key, false))]
    pub on_duplicate: Keyed<DuplicatePolicy>,
}

const CONTACTS_MERGE_LONG: &str = "\
Merge one or more duplicates into the contact to keep (the first id). The kept contact
keeps its own values unless --take names another contact for a field; empty fields take
the first filled value; notes are joined; phones, emails, tags, addresses and social
accounts of all are kept. Everything linked to the duplicates (calls, visits, purchases…)
moves to the kept contact, and the duplicates leave lists and searches. The merge is
recorded: `contacts unmerge` undoes it completely.

Fields for --take: kind, name_ar, name_latin, company_name, job_title, city, website,
source, preferred_channel, owner_id, notes, custom:<field id>.

Example:
  maarid-cli contacts merge 0193b3c4-… 0193b3c9-… --take name_ar=0193b3c9-…";

const CONTACTS_UNMERGE_LONG: &str = "\
Undo a merge. The kept contact gets back the values it had, the merged contacts return,
and every record that moved goes back to its contact. Records added to the kept contact
after the merge stay with it.

Example:
  maarid-cli contacts unmerge 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

const CONTACTS_LOG_LONG: &str = "\
Log an interaction on a contact's timeline.

Kinds and their outcomes:
  call   answered, no_answer, busy, call_back
  visit  browsed, interested, negotiated, bought
  email, message, note (a note needs --text)

Examples:
  maarid-cli contacts log 0193b3c4-… call --outcome answered --text \"يريد عرض سعر\"
  maarid-cli contacts log 0193b3c4-… visit --outcome interested --at 2026-11-20T17:30:00+03:00";

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The contact to keep
    pub survivor: String,
    /// The duplicates to merge into it
    #[arg(required = true)]
    pub others: Vec<String>,
    /// Take a field's value from another contact: FIELD=CONTACT_ID; repeat for several
    #[arg(long, value_name = "FIELD=ID", value_parser = parse_take)]
    pub take: Vec<(String, String)>,
}

fn parse_take(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((f, id)) if !f.trim().is_empty() && !id.trim().is_empty() => {
            Ok((f.trim().to_string(), id.trim().to_string()))
        }
        _ => Err("expected FIELD=CONTACT_ID, e.g. name_ar=0193b3c4-…".into()),
    }
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The contact's id
    pub id: String,
    /// call, visit, email, message or note
    #[arg(value_parser = keyed(InteractionKind::ALL, InteractionKind::key, false))]
    pub kind: Keyed<InteractionKind>,
    /// How it went (see the list above)
    #[arg(long, value_name = "OUTCOME", default_value = "")]
    pub outcome: String,
    /// What was said or done
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub text: String,
    /// When it happened (RFC 3339, e.g. 2026-11-20T17:30:00+03:00); default now
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// in (they reached us) or out (we reached them)
    #[arg(long, value_parser = keyed(Direction::ALL, Direction::key, false))]
    pub direction: Option<Keyed<Direction>>,
}

/// What `contacts add` and `contacts edit` can set.
#[derive(Debug, Args)]
pub struct ContactFields {
    /// lead (someone who may buy; the default for a new contact), customer or company
    #[arg(long, value_name = "KIND", value_parser = keyed(ContactKind::ALL, ContactKind::key, false))]
    pub kind: Option<Keyed<ContactKind>>,

    /// Name in Arabic, e.g. "محمد عبدالله القحطاني"
    #[arg(long, value_name = "NAME")]
    pub name_ar: Option<String>,

    /// Name in Latin letters, e.g. "Mohammed Al-Qahtani"
    #[arg(long, value_name = "NAME")]
    pub name_latin: Option<String>,

    /// Company name: the company itself (--kind company) or where the person works
    #[arg(long, value_name = "NAME")]
    pub company: Option<String>,

    /// Job title, e.g. "مدير المشتريات"
    #[arg(long, value_name = "TEXT")]
    pub job_title: Option<String>,

    /// Phone number, optionally labelled: 0551234567 or whatsapp:0551234567; repeat for several (labels: mobile [default], work, whatsapp, home, other)
    #[arg(long, value_name = "[LABEL:]NUMBER", value_parser = parse_phone)]
    pub phone: Vec<PhoneInput>,

    /// Email address; repeat for several
    #[arg(long, value_name = "EMAIL")]
    pub email: Vec<String>,

    /// City, e.g. الرياض
    #[arg(long, value_name = "CITY")]
    pub city: Option<String>,

    /// How the contact first reached the showroom (none: not known)
    #[arg(long, value_name = "SOURCE", value_parser = keyed(Source::ALL, Source::key, true))]
    pub source: Option<Keyed<Source>>,

    /// The contact's preferred way to be reached (none: no preference)
    #[arg(long, value_name = "CHANNEL", value_parser = keyed(Channel::ALL, Channel::key, true))]
    pub channel: Option<Keyed<Channel>>,

    /// Login name of the salesperson in charge of the contact (default for a new contact: nobody)
    #[arg(long, value_name = "USERNAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub owner: Option<String>,

    /// Tag, e.g. VIP or تمويل; repeat for several
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// Free-text notes
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,

    /// Save even if the contact looks like one that already exists
    #[arg(long)]
    pub allow_duplicate: bool,
}

#[derive(Debug, Args)]
pub struct ContactEditArgs {
    /// The contact's id (shown by add, search and list)
    pub id: String,

    #[command(flatten)]
    pub fields: ContactFields,

    /// Remove the contact's phones first (then add the --phone values given, if any)
    #[arg(long)]
    pub clear_phones: bool,

    /// Remove the contact's emails first (then add the --email values given, if any)
    #[arg(long)]
    pub clear_emails: bool,

    /// Remove the contact's tags first (then add the --tag values given, if any)
    #[arg(long)]
    pub clear_tags: bool,
}

#[derive(Debug, Args)]
pub struct ContactSearchArgs {
    /// What to look for: words (several words need not be quoted) or digits of a phone
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,

    #[command(flatten)]
    pub filters: ListFilters,

    #[command(flatten)]
    pub page: PageArgs,
}

#[derive(Debug, Args)]
pub struct ContactListArgs {
    #[command(flatten)]
    pub filters: ListFilters,

    #[command(flatten)]
    pub page: PageArgs,
}

/// Which contacts a list or search shows, and in which order.
#[derive(Debug, Args)]
pub struct ListFilters {
    /// Only this kind: lead, customer or company
    #[arg(long, value_name = "KIND", value_parser = keyed(ContactKind::ALL, ContactKind::key, false))]
    pub kind: Option<Keyed<ContactKind>>,

    /// Only contacts of this salesperson (login name)
    #[arg(long, value_name = "USERNAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub owner: Option<String>,

    /// Only contacts that came from this source
    #[arg(long, value_name = "SOURCE", value_parser = keyed(Source::ALL, Source::key, false))]
    pub source: Option<Keyed<Source>>,

    /// Only contacts with this tag (spelling variants match: VIP = vip, عميل مميز = عميل مميّز)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,

    /// Only contacts created on or after this day, YYYY-MM-DD (UTC)
    #[arg(long = "from", value_name = "DATE")]
    pub created_from: Option<String>,

    /// Only contacts created on or before this day, YYYY-MM-DD (UTC)
    #[arg(long = "to", value_name = "DATE")]
    pub created_to: Option<String>,

    /// Order: relevance (best match first; the default with search text), name, created (the default without text: newest first) or updated
    #[arg(long, value_name = "ORDER", value_parser = keyed(SortKey::ALL, SortKey::key, false))]
    pub sort: Option<Keyed<SortKey>>,

    /// Reverse the order given with --sort (e.g. --sort name --desc: Z to A)
    #[arg(long, requires = "sort")]
    pub desc: bool,
}

#[derive(Debug, Args)]
pub struct PageArgs {
    /// Most contacts to show, 1 to 500
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,

    /// Show the page after this cursor (printed at the end of the previous page)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

/// A value of one of the core's keyed enums, or `None` for "none" (to clear it).
#[derive(Debug, Clone, Copy)]
pub struct Keyed<T>(pub Option<T>);

/// Accepts exactly the enum's keys (and "none" if `clearable`), listed in `--help`
/// and in the usage error for a wrong value.
fn keyed<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    clearable: bool,
) -> impl clap::builder::TypedValueParser<Value = Keyed<T>> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    let mut names: Vec<&'static str> = all.iter().map(|v| key(*v)).collect();
    if clearable {
        names.push("none");
    }
    PossibleValuesParser::new(names).map(move |s| Keyed(all.iter().copied().find(|v| key(*v) == s)))
}

/// `NUMBER` or `LABEL:NUMBER`; the label may also be given in Arabic (واتساب:055…).
fn parse_phone(s: &str) -> Result<PhoneInput, String> {
    let labels = || {
        PhoneLabel::ALL
            .iter()
            .map(|l| l.key())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some((label, number)) = s.split_once([':', '：']) {
        let name = label.trim().to_lowercase();
        let found = PhoneLabel::ALL.iter().copied().find(|l| {
            l.key() == name || crate::text::phone_label(maarid_core::Locale::Ar, *l) == name
        });
        return match found {
            Some(label) if !number.trim().is_empty() => Ok(PhoneInput {
                number: number.trim().to_string(),
                label,
            }),
            Some(_) => Err("the phone number is missing after the label".into()),
            None => Err(format!(
                "unknown phone label “{}” (use one of: {})",
                label.trim(),
                labels()
            )),
        };
    }
    if s.trim().is_empty() {
        return Err("the phone number is empty".into());
    }
    Ok(PhoneInput {
        number: s.trim().to_string(),
        label: PhoneLabel::Mobile,
    })
}

// ---- seed ----------------------------------------------------------------------------

const SEED_LONG: &str = "\
Fill the database with generated sample data, for tests, demonstrations and speed
measurements. Never run it on a showroom's real database: the records look real.

The data is deterministic: the same count and --seed always give the same records
(only ids and times differ), so test results can be compared between runs and machines.

Example:
  maarid-cli seed contacts 10000 --seed 7";

const SEED_CONTACTS_LONG: &str = "\
Add COUNT generated contacts: Arabic names (first, father and family name, male and
female, with common spelling variants such as أحمد/احمد), some with Latin spellings,
Saudi and other Gulf mobile numbers typed in the ways people type them (0551234567,
+966 55…, ٠٥٥…), some emails, cities, kinds, sources, tags (VIP، تمويل، سيارات مستعملة…)
and short notes. Duplicates between generated contacts are saved without asking.
Contacts are saved in batches of 10,000, each one transaction with one audit entry.

Progress is printed to standard error every 10,000 contacts, and at the end the count,
the time taken and the rate. With --json, prints {\"created\", \"seconds\", \"per_second\"}.

Examples:
  maarid-cli seed contacts 200 --seed 7
  maarid-cli --db /tmp/bench.sqlite seed contacts 100000 --json";

#[derive(Debug, Subcommand)]
pub enum SeedCommand {
    /// Add generated contacts (same COUNT and --seed → same contacts)
    #[command(long_about = SEED_CONTACTS_LONG)]
    Contacts(SeedContactsArgs),
}

#[derive(Debug, Args)]
pub struct SeedContactsArgs {
    /// How many contacts to add (1 to 10,000,000)
    #[arg(value_name = "COUNT", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub count: u64,

    /// Starting value of the generator: another seed gives other contacts
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

// ---- bench ---------------------------------------------------------------------------

const BENCH_LONG: &str = "\
Measure how fast Maarid is on a large, generated contact list. Never touches your own
database: without --db it works on a new temporary file, deleted at the end.";

const BENCH_SEARCH_LONG: &str = "\
Measure contact search on COUNT generated contacts (see `maarid-cli seed contacts --help`),
against the naive way of searching (LIKE '%word%' over every column) on the same data.

1. Saves the contacts in batches of 10,000 and prints the rate (contacts/s) and the
   database size (MB, after a checkpoint).
2. Runs deterministic sets of queries drawn from the saved contacts, each through the
   same search the app uses (first page of 50), and prints p50/p95/p99/max in ms for:
   word prefixes (2-5 letters of 1-2 words, Arabic and Latin); spelling variants of
   names that exist (hamza, ta marbuta, alef maqsura, diacritics, tatweel, phones in
   Arabic-Indic digits) with the share whose intended contact is on the first page;
   phone digits (last 4-7 digits, 0… and 00966… forms); words with digits.
3. Runs the naive LIKE query on the first 20 word and phone queries and prints how many
   times slower it is (p50 and p99).
4. Saves new contacts one at a time, duplicate check included, and prints p50/p99.

With --db PATH the database is kept in PATH; running again with the same PATH, COUNT
and --seed reuses it instead of generating it again. A PATH that exists but was not
made by this command is refused. Use a release build for meaningful figures.

Examples:
  maarid-cli bench search --contacts 100000 --queries 100
  maarid-cli bench search --db /tmp/bench-1m.sqlite --json";

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Time contact search on generated contacts, against a naive LIKE query
    #[command(long_about = BENCH_SEARCH_LONG)]
    Search(BenchSearchArgs),
    /// Time a legacy contacts .xlsx import against calamine read + plain insert of the same file
    #[command(long_about = BENCH_IMPORT_LONG)]
    Import(BenchImportArgs),
    /// One measured phase of `bench import`, in its own process (used by `bench import`)
    #[command(hide = true)]
    ImportPhase(BenchImportPhaseArgs),
    /// Time exporting contacts to .xlsx, against a bare rust_xlsxwriter baseline
    #[command(long_about = BENCH_EXPORT_LONG)]
    Export(BenchExportArgs),
    /// One phase of `bench export`, run by it in a child process (not for people)
    #[command(hide = true)]
    ExportPhase(BenchExportPhaseArgs),
}

const BENCH_IMPORT_LONG: &str = "\
Generate a legacy contacts workbook (ROWS rows × 12 columns: a title row, Arabic and
English headers, mobiles typed as numbers, visit dates as date cells) and time importing
it into a new database through the real import (every row checked, normalised and
deduplicated, then committed in one transaction) against the floor measured in the same
run: reading the same file with calamine and inserting the same cells into a plain table
with one prepared statement. Each phase runs in its own process, so its peak memory is
its own; the best of --rounds runs of each is reported. Use a release build.

Examples:
  maarid-cli bench import --rows 100000
  maarid-cli bench import --rows 20000 --rounds 1 --json";

#[derive(Debug, Args)]
pub struct BenchImportArgs {
    /// Rows in the generated workbook (1,000 to 1,000,000)
    #[arg(long, value_name = "ROWS", default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1_000..=1_000_000))]
    pub rows: u32,
    /// How many times each phase runs (the best is kept)
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub rounds: u32,
    /// Starting value of the generator
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Also keep the generated workbook here (to try the import by hand)
    #[arg(long, value_name = "FILE.xlsx")]
    pub keep_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BenchImportPhaseArgs {
    #[arg(long, value_parser = ["floor", "import"])]
    pub phase: String,
    #[arg(long)]
    pub file: PathBuf,
    #[arg(long)]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct BenchSearchArgs {
    /// How many contacts to generate (1,000 to 10,000,000)
    #[arg(long, value_name = "COUNT", default_value_t = 1_000_000, value_parser = clap::value_parser!(u64).range(1_000..=10_000_000))]
    pub contacts: u64,

    /// How many queries in each set (10 to 100,000)
    #[arg(long, value_name = "Q", default_value_t = 200, value_parser = clap::value_parser!(u32).range(10..=100_000))]
    pub queries: u32,

    /// Starting value of the generator: another seed gives other contacts and queries
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
