//! The fields a sheet's columns can be mapped to, and helpers every importer uses to
//! turn a row's cells into values.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::values::{text_from_cell, Cell};
use crate::i18n::Text;
use crate::search::normalize::normalize;
use crate::Result;

/// A field of an import, as the mapping step shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FieldInfo {
    pub key: String,
    pub label: Text<String>,
    /// A row without a value here is refused; the mapping must give it a column.
    pub required: bool,
    /// Several columns may feed it (e.g. "Mobile" and "Phone 2"), and one cell may hold
    /// several values separated by `;`, `,`, `،` or new lines.
    pub multi: bool,
    /// Dates typed as text in its column tell the file's day/month order.
    pub date: bool,
    /// Header texts that suggest this field (besides its own labels).
    #[serde(skip)]
    pub synonyms: Vec<String>,
}

impl FieldInfo {
    pub fn new(key: &str, label: Text, required: bool, multi: bool, synonyms: &[&str]) -> Self {
        FieldInfo {
            key: key.to_string(),
            label: Text::new(label.ar.to_string(), label.en.to_string()),
            required,
            multi,
            date: false,
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Every header text that names this field: its key, its labels, its synonyms.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [
            self.key.as_str(),
            self.label.ar.as_str(),
            self.label.en.as_str(),
        ]
        .into_iter()
        .chain(self.synonyms.iter().map(String::as_str))
    }
}

/// A header or value as compared: Arabic-aware normalisation, lower case, no
/// punctuation around.
pub fn match_key(text: &str) -> String {
    normalize(text)
        .to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// One cell holding several values: `a; b`, `a, b`, `a، b` or one per line.
pub fn split_multi(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ',', '،', '؛', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The cell as text; a problem for the field when it cannot be read as text (a long
/// number that lost digits).
pub fn text(cell: &Cell, field: &'static str) -> Result<String> {
    text_from_cell(cell, field)
}

/// A keyed value (kind, source, channel…) written as its key or as its label in either
/// language.
pub struct Choices<T: Copy> {
    by_name: HashMap<String, T>,
}

impl<T: Copy> Choices<T> {
    pub fn new(items: &[(T, &str, Text)]) -> Self {
        let mut by_name = HashMap::new();
        for (v, key, label) in items {
            for n in [*key, label.ar, label.en] {
                by_name.insert(match_key(n), *v);
            }
        }
        Choices { by_name }
    }

    /// Adds other names people use for a value.
    pub fn with(mut self, v: T, names: &[&str]) -> Self {
        for n in names {
            self.by_name.insert(match_key(n), v);
        }
        self
    }

    pub fn get(&self, text: &str) -> Option<T> {
        self.by_name.get(&match_key(text)).copied()
    }
}

/// Live users by username and by full name, for an "owner"/"salesperson" column.
pub struct Users {
    by_name: HashMap<String, String>,
}

impl Users {
    pub fn load(conn: &Connection) -> Result<Users> {
        let mut by_name = HashMap::new();
        let mut stmt =
            conn.prepare("SELECT id, username, full_name FROM users WHERE deleted_at IS NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let username: String = r.get(1)?;
            let full: String = r.get(2)?;
            by_name.insert(match_key(&full), id.clone());
            by_name.insert(match_key(&username), id);
        }
        Ok(Users { by_name })
    }

    pub fn find(&self, text: &str) -> Option<&str> {
        self.by_name.get(&match_key(text)).map(String::as_str)
    }
}
