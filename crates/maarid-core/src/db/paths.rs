//! Where the database lives: `--db` flag, else `MAARID_DB`, else the per-user data
//! directory of the OS (e.g. ~/.local/share/maarid on Linux,
//! %APPDATA%\Maarid\Maarid\data on Windows, ~/Library/Application Support/com.maarid.Maarid on macOS).

use std::path::{Path, PathBuf};

use crate::{Error, Result};

pub const DB_ENV: &str = "MAARID_DB";
const DB_FILE: &str = "maarid.sqlite";

pub fn default_db_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("com", "Maarid", "Maarid")
        .ok_or_else(|| Error::Internal("no home directory to keep the database in".into()))?;
    Ok(dirs.data_dir().join(DB_FILE))
}

/// The database path from a command-line flag, the environment, or the default.
pub fn resolve_db_path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    match std::env::var_os(DB_ENV) {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => default_db_path(),
    }
}

/// Backups sit in a `backups` folder beside the database file.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .map(|p| p.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"))
}
