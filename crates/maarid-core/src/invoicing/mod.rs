//! Delivery notes and invoices: made from an accepted quotation (`quotes::convert`),
//! each with its own numbering series, linked both ways to the quotation and to each
//! other. Rights follow the quotation's owner (else whoever made the document), with
//! the delivery note and invoice record types of the permission matrix.

pub mod delivery_notes;
pub mod invoices;

pub use delivery_notes::{
    DeliveryNote, DeliveryNotePage, DeliveryNoteQuery, DeliveryNoteStatus, DeliveryNoteSummary,
};
pub use invoices::{
    Invoice, InvoiceKind, InvoicePage, InvoiceQuery, InvoiceStatus, InvoiceSummary,
};

use crate::search::normalize::{ascii_digits, normalize};

/// Most rows on one page of a list.
pub(crate) const MAX_PAGE: u32 = 500;

/// `LIKE` pattern for a substring, with `\` as the escape character.
pub(crate) fn like(text: &str) -> String {
    let mut out = String::from("%");
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

/// The conditions of a document list (table alias `x`, contact alias `c`) and their
/// named parameters, built up from the query.
#[derive(Default)]
pub(crate) struct Filter {
    conds: Vec<String>,
    args: Vec<(&'static str, Box<dyn rusqlite::ToSql>)>,
}

impl Filter {
    pub fn cond(&mut self, sql: &str) {
        self.conds.push(sql.to_string());
    }

    pub fn arg(&mut self, name: &'static str, v: impl rusqlite::ToSql + 'static) {
        self.args.push((name, Box::new(v)));
    }

    /// Searches the number (as typed, Arabic-Indic digits read as ASCII) and the
    /// contact's names (normalised, so Arabic spelling variants match).
    pub fn text(&mut self, text: Option<&str>) {
        let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        let norm = normalize(t);
        self.cond(
            "(x.number LIKE :raw ESCAPE '\\' OR c.name_latin LIKE :raw ESCAPE '\\'
              OR c.company_name LIKE :raw ESCAPE '\\'
              OR (:norm <> '%%' AND c.name_norm LIKE :norm ESCAPE '\\'))",
        );
        self.arg(":raw", like(&ascii_digits(t)));
        self.arg(":norm", like(&norm));
    }

    /// Keyset paging, newest first: ids are time-ordered (UUIDv7).
    pub fn after(&mut self, after: Option<&str>) {
        if let Some(a) = after.map(str::trim).filter(|a| !a.is_empty()) {
            self.cond("x.id < :after");
            self.arg(":after", a.to_string());
        }
    }

    pub fn where_sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        }
    }

    /// Runs `sql` (which must end with `LIMIT :limit`) for one page of at most `limit`
    /// rows; returns the rows and the cursor of the next page.
    pub fn page<T>(
        mut self,
        conn: &rusqlite::Connection,
        sql: &str,
        limit: Option<u32>,
        id_of: impl Fn(&T) -> String,
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> crate::Result<(Vec<T>, Option<String>)> {
        let limit = limit.unwrap_or(50).clamp(1, MAX_PAGE) as i64;
        self.arg(":limit", limit + 1);
        let named: Vec<(&str, &dyn rusqlite::ToSql)> =
            self.args.iter().map(|(k, v)| (*k, v.as_ref())).collect();
        let mut stmt = conn.prepare(sql)?;
        let mut items = stmt
            .query_map(named.as_slice(), row)?
            .collect::<rusqlite::Result<Vec<T>>>()?;
        let next = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(id_of)
        } else {
            None
        };
        Ok((items, next))
    }
}
