//! Printing any sales document the same way from the window and the command line:
//! the document's own module builds its print model (checking the right to read it),
//! `printing` lays it out, and a "printed" event goes on the document's history and
//! the contact's timeline.

use serde::Serialize;

use super::events::{self, NewEvent};
use super::print_model::{PrintLang, PrintOptions};
use crate::access::Actor;
use crate::db::Db;
use crate::{company, inquiries, invoicing, printing, quotes, settings, Error, Result, Rule};

/// A laid-out PDF and the file name it should be saved under (e.g. QTN-2026-00001.pdf).
#[derive(Debug, Clone, Serialize)]
pub struct PrintedFile {
    pub file_name: String,
    /// The document's number and its printed kind (e.g. "simplified_invoice").
    pub number: String,
    pub kind: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The stored table of each printable document type.
fn table(doc_type: &str) -> Option<(&'static str, &'static str)> {
    Some(match doc_type {
        "inquiry" => ("inquiries", "inquiry"),
        "quotation" => ("quotes", "quotation"),
        "delivery_note" => ("delivery_notes", "delivery_note"),
        "invoice" => ("invoices", "invoice"),
        _ => return None,
    })
}

/// A name that is safe on every file system: letters, digits, `-` and `_` only.
fn file_name(number: &str, lang: PrintLang) -> String {
    let base: String = number
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    match lang {
        PrintLang::Ar => format!("{base}.pdf"),
        other => format!("{base}-{}.pdf", other.key()),
    }
}

/// Lays out the document `doc_type` ("inquiry", "quotation", "delivery_note",
/// "invoice") `id` in `lang` with the company's digit setting.
pub fn document(
    db: &Db,
    actor: &Actor,
    doc_type: &str,
    id: &str,
    lang: PrintLang,
) -> Result<PrintedFile> {
    let (table, event_type) =
        table(doc_type).ok_or_else(|| Error::invalid("doc_type", Rule::UnknownValue))?;
    let doc = match doc_type {
        "inquiry" => inquiries::print_doc(db, actor, id)?,
        "quotation" => quotes::print_doc(db, actor, id)?,
        "delivery_note" => invoicing::delivery_notes::print_doc(db, actor, id)?,
        _ => invoicing::invoices::print_doc(db, actor, id)?,
    };
    let opts = PrintOptions {
        lang,
        digits: settings::get(db)?.digits,
    };
    let bytes = printing::render(&doc, &company::get(db)?, &opts)?;
    db.write(|tx| {
        let contact_id: String = tx.query_row(
            &format!("SELECT contact_id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?;
        events::record(
            tx,
            actor,
            &NewEvent {
                contact_id: &contact_id,
                doc_type: event_type,
                doc_id: id,
                doc_number: &doc.number,
                event: "printed",
                status: None,
                detail: lang.key(),
            },
        )
    })?;
    Ok(PrintedFile {
        file_name: file_name(&doc.number, lang),
        number: doc.number.clone(),
        kind: doc.kind.key().to_string(),
        bytes,
    })
}
