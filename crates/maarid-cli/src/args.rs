//! Command-line definitions (clap). Help text is written for a showroom administrator
//! who runs these commands from a terminal or a script, not for developers.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use maarid_core::Locale;

const ABOUT: &str =
    "Maarid (معارض) command line: first-run setup, users, backups, restores and database updates";

const LONG_ABOUT: &str = "\
Maarid (معارض) command line: first-run setup, users, backups, restores and database updates.

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
  maarid-cli backup --out D:\\Backups\\maarid-2026-03-01.sqlite";

/// Help section for the options every command accepts.
const GLOBAL: &str = "Global options";

const EXIT_CODES: &str = "\
Exit codes (stable, for scripts):
  0   success
  1   other error (database error, failed migration, internal error)
  2   wrong command-line usage (unknown option, missing argument)
  3   invalid input (a value was refused, or a confirmation such as --yes is missing)
  4   not found (user, role or file)
  5   already exists (user name taken, backup file already there)
  6   not permitted
  7   wrong credentials, or the account is locked or disabled
  8   first-run setup required, or setup was already done
  9   refused by the administrator rules (the last active System Manager must stay)
  10  not a Maarid database, or the database is newer than this program
  11  a file could not be read or written

On failure the message is printed to standard error as `error[<code>]: <message>`;
with --json, `{\"error\": {\"code\", \"message_ar\", \"message_en\", \"field\"?}}` is
printed to standard output instead. The <code> values (e.g. setup_required,
already_exists, last_admin) never change meaning.";

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

    /// Language of messages: ar (Arabic) or en (English) [env: MAARID_LANG; default: ar]
    #[arg(long, global = true, value_enum, value_name = "LANG", help_heading = GLOBAL)]
    pub lang: Option<Lang>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
