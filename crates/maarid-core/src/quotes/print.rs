//! The printable form of a quotation, and the customer block every sales document
//! shares.

use rusqlite::{Connection, OptionalExtension};

use super::model::Quote;
use crate::sales::print_model::{PrintDoc, PrintKind, PrintParty, PrintRef};
use crate::search::normalize::has_arabic;
use crate::Result;

/// The customer block from the contact: names, company, the first address (with its
/// city, else the contact's city), the first phone and the first email.
pub(crate) fn customer(conn: &Connection, contact_id: &str) -> Result<PrintParty> {
    let (name_ar, name_latin, company_name, city): (String, String, String, String) = conn
        .prepare_cached(
            "SELECT name_ar, name_latin, company_name, city FROM contacts WHERE id = ?1",
        )?
        .query_row([contact_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?
        .unwrap_or_default();
    let address: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT line, city FROM contact_addresses WHERE contact_id = ?1 ORDER BY position LIMIT 1",
        )?
        .query_row([contact_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (line, a_city) = address.unwrap_or_default();
    let parts: Vec<&str> = [
        line.as_str(),
        if a_city.is_empty() { &city } else { &a_city },
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let sep = if parts.iter().any(|p| has_arabic(p)) {
        "، "
    } else {
        ", "
    };
    let first = |sql: &str| -> Result<String> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([contact_id], |r| r.get::<_, String>(0))
            .optional()?
            .unwrap_or_default())
    };
    Ok(PrintParty {
        name_ar,
        name_latin,
        company_name,
        address: parts.join(sep),
        phone: first(
            "SELECT raw FROM contact_phones WHERE contact_id = ?1 ORDER BY position LIMIT 1",
        )?,
        email: first(
            "SELECT email FROM contact_emails WHERE contact_id = ?1 ORDER BY position LIMIT 1",
        )?,
        vat_number: String::new(),
    })
}

pub(crate) fn quote_doc(conn: &Connection, q: &Quote) -> Result<PrintDoc> {
    let references = q
        .inquiry_number
        .iter()
        .map(|n| PrintRef {
            kind: PrintKind::Inquiry,
            number: n.clone(),
        })
        .collect();
    Ok(PrintDoc {
        kind: PrintKind::Quotation,
        number: q.number.clone(),
        revision: q.revision,
        status: q.status.key().to_string(),
        issue_date: q.issue_date,
        due_date: Some(q.valid_until),
        issued_at: None,
        references,
        currency: q.currency.clone(),
        prices_include_vat: q.prices_include_vat,
        customer: customer(conn, &q.contact_id)?,
        lines: q.lines.clone(),
        totals: Some(q.totals.clone()),
        terms: q.terms.clone(),
        notes: q.notes.clone(),
        salesperson: q.owner_name.clone().unwrap_or_default(),
        delivery_address: String::new(),
    })
}
