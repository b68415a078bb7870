//! Turning an accepted quotation into a delivery note and/or an invoice.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use super::{event, inquiry, store};
use crate::access::{Action, Actor, DocType, Target};
use crate::contacts::purchases::{self, PurchaseInput};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::invoicing::{delivery_notes, invoices, InvoiceKind};
use crate::sales::events::{self, NewEvent};
use crate::{audit, numbering, Error, Result, Rule};

/// The purchase-history line of an invoice: its lines' descriptions.
fn description(q: &Quote) -> String {
    let all = q
        .lines
        .iter()
        .map(|l| l.description.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    if all.chars().count() > 300 {
        let mut s: String = all.chars().take(299).collect();
        s.push('…');
        s
    } else {
        all
    }
}

/// A live delivery note of the quotation not linked to an invoice yet (the newest).
fn unlinked_delivery_note(conn: &Connection, quote_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM delivery_notes WHERE quote_id = ?1 AND invoice_id IS NULL
               AND status <> 'cancelled' AND deleted_at IS NULL
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row([quote_id], |r| r.get(0))
        .optional()?)
}

fn doc_event(
    conn: &Connection,
    actor: &Actor,
    contact_id: &str,
    doc_type: &'static str,
    id: &str,
    number: &str,
    detail: &str,
) -> Result<()> {
    events::record(
        conn,
        actor,
        &NewEvent {
            contact_id,
            doc_type,
            doc_id: id,
            doc_number: number,
            event: "created",
            status: Some("issued"),
            detail,
        },
    )
}

/// Makes a delivery note and/or an invoice from an accepted quotation. Both copy the
/// quotation's lines (the delivery note without prices) and are linked both ways; an
/// invoice made later is linked to a delivery note made earlier. A quotation has at
/// most one live (issued or paid) invoice. The invoice goes into the contact's
/// purchase history, its vehicles are marked sold, and the inquiry the quotation came
/// from is won.
pub fn convert(db: &Db, actor: &Actor, id: &str, input: &ConvertInput) -> Result<Conversion> {
    if !input.delivery_note && !input.invoice {
        return Err(Error::invalid("documents", Rule::Required));
    }
    let address = input.delivery_address.trim().to_string();
    if address.chars().count() > 500 {
        return Err(Error::invalid("delivery_address", Rule::TooLong));
    }
    db.write(|tx| {
        let q = store::get(tx, id)?;
        let owner = Target::OwnedBy(q.owner_id.as_deref());
        actor.authorize(DocType::Quotation, Action::Read, owner)?;
        if input.delivery_note {
            actor.authorize(DocType::DeliveryNote, Action::Create, owner)?;
        }
        if input.invoice {
            actor.authorize(DocType::Invoice, Action::Create, owner)?;
        }
        if q.status != QuoteStatus::Accepted {
            return Err(Error::StatusNotAllowed {
                entity: "quotation",
                number: q.number.clone(),
                from: q.status.key(),
                to: "converted",
            });
        }
        if input.invoice {
            if let Some(existing) = q.invoices.iter().find(|i| i.status != "cancelled") {
                return Err(Error::AlreadyExists {
                    entity: "invoice",
                    key: existing.number.clone(),
                });
            }
        }
        let today = store::today();
        let by = actor.user_id.as_deref();
        let mut made = Vec::new();

        let dn_id = if input.delivery_note {
            let dn_id = new_id();
            let number = numbering::take_next(tx, "delivery_note", today)?;
            delivery_notes::insert_in(
                tx,
                &dn_id,
                &number,
                &q.id,
                &q.contact_id,
                today,
                &address,
                &q.lines,
                by,
            )?;
            doc_event(
                tx,
                actor,
                &q.contact_id,
                "delivery_note",
                &dn_id,
                &number,
                &q.number,
            )?;
            made.push(number);
            Some(dn_id)
        } else {
            None
        };

        let inv_id = if input.invoice {
            let inv_id = new_id();
            let number = numbering::take_next(tx, "invoice", today)?;
            let issued_at = now();
            let link = match &dn_id {
                Some(d) => Some(d.clone()),
                None => unlinked_delivery_note(tx, &q.id)?,
            };
            invoices::insert_in(
                tx,
                &invoices::NewInvoice {
                    id: &inv_id,
                    number: &number,
                    kind: input.invoice_kind.unwrap_or(InvoiceKind::Simplified),
                    quote_id: &q.id,
                    delivery_note_id: link.as_deref(),
                    contact_id: &q.contact_id,
                    issue_date: today,
                    issued_at: &issued_at,
                    currency: &q.currency,
                    prices_include_vat: q.prices_include_vat,
                    lines: &q.lines,
                    totals: &q.totals,
                    terms: &q.terms,
                    notes: &q.notes,
                    created_by: by,
                },
            )?;
            if let Some(d) = &link {
                tx.execute(
                    "UPDATE delivery_notes SET invoice_id = ?2, updated_at = ?3 WHERE id = ?1",
                    params![d, inv_id, now()],
                )?;
            }
            purchases::record_in(
                tx,
                &PurchaseInput {
                    contact_id: q.contact_id.clone(),
                    doc_type: "invoice".into(),
                    doc_id: Some(inv_id.clone()),
                    doc_number: number.clone(),
                    description: description(&q),
                    amount: q.totals.total,
                    currency: q.currency.clone(),
                    purchased_at: issued_at.clone(),
                },
            )?;
            invoices::set_vehicles(tx, &inv_id, &["available", "reserved"], "sold")?;
            doc_event(
                tx,
                actor,
                &q.contact_id,
                "invoice",
                &inv_id,
                &number,
                &q.number,
            )?;
            made.push(number);
            Some(inv_id)
        } else {
            None
        };

        let made = made.join(", ");
        if let Some(i) = &q.inquiry_id {
            inquiry::move_to(tx, actor, i, "won", "", "", &q.number)?;
        }
        event(tx, actor, &q, "converted", None, &made)?;
        let delivery_note = dn_id
            .map(|d| delivery_notes::get_in(tx, &d).map(|(d, _)| d))
            .transpose()?;
        let invoice = inv_id
            .map(|i| invoices::get_in(tx, &i).map(|(i, _)| i))
            .transpose()?;
        if let Some(d) = &delivery_note {
            audit::record::<(), _>(
                tx,
                actor,
                "delivery_note.create",
                "delivery_note",
                Some(&d.id),
                None,
                Some(d),
            )?;
        }
        if let Some(i) = &invoice {
            audit::record::<(), _>(
                tx,
                actor,
                "invoice.create",
                "invoice",
                Some(&i.id),
                None,
                Some(i),
            )?;
        }
        Ok(Conversion {
            quote: store::get(tx, &q.id)?,
            delivery_note,
            invoice,
        })
    })
}
