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

use crate::access::{Action, Actor, DocType, Scope, Target};
use crate::search::normalize::{ascii_digits, normalize};

/// Who a delivery note or invoice belongs to: its quotation's owner (alias `q`), else
/// whoever made it.
pub(crate) const OWNER: &str = "COALESCE(q.owner_id, x.created_by)";

/// What the two document lists filter on alike.
pub(crate) struct ListQuery<'a> {
    pub status: Option<&'static str>,
    pub contact_id: Option<&'a str>,
    pub quote_id: Option<&'a str>,
    pub text: Option<&'a str>,
    pub after: Option<&'a str>,
}

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
    /// The filter of a delivery-note or invoice list: checks the read right, keeps live
    /// rows (only the user's own with the "own" scope), then status, contact,
    /// quotation, text and the page cursor.
    pub fn for_list(actor: &Actor, doc: DocType, q: &ListQuery) -> crate::Result<Filter> {
        actor.authorize(doc, Action::Read, Target::Own)?;
        let mut f = Filter::default();
        f.cond("x.deleted_at IS NULL");
        if actor.scope(doc, Action::Read) != Scope::All {
            f.cond(&format!("{OWNER} = :me"));
            f.arg(":me", actor.user_id.clone().unwrap_or_default());
        }
        if let Some(s) = q.status {
            f.cond("x.status = :status");
            f.arg(":status", s);
        }
        if let Some(c) = q.contact_id.filter(|c| !c.is_empty()) {
            f.cond("x.contact_id = :contact");
            f.arg(":contact", c.to_string());
        }
        if let Some(qid) = q.quote_id.filter(|c| !c.is_empty()) {
            f.cond("x.quote_id = :quote");
            f.arg(":quote", qid.to_string());
        }
        f.text(q.text);
        f.after(q.after);
        Ok(f)
    }

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
