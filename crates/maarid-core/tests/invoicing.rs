//! Delivery notes and invoices made from accepted quotations: links both ways, one
//! live invoice per quotation, purchase history, vehicles sold and back on sale,
//! statuses, printing models, rights, and contact merges.

mod common;
mod sales_fixtures;

use maarid_core::access::Actor;
use maarid_core::contacts::{self, MergeInput};
use maarid_core::invoicing::{
    delivery_notes, invoices, DeliveryNoteQuery, DeliveryNoteStatus, InvoiceKind, InvoiceQuery,
    InvoiceStatus,
};
use maarid_core::quotes::{self, ConvertInput, Quote, QuoteStatus, StatusChange};
use maarid_core::sales::print_model::PrintKind;
use maarid_core::{users, Db};
use sales_fixtures::*;

fn accepted(db: &Db, a: &Actor, contact_id: &str, vehicle: Option<&str>) -> Quote {
    let mut lines = vec![line("تظليل", "2", "500", "15")];
    if let Some(v) = vehicle {
        let mut l = line("", "1", "98000", "15");
        l.product_id = Some(v.into());
        lines.insert(0, l);
    }
    let q = quotes::create(db, a, &input(contact_id, lines)).unwrap();
    quotes::set_status(
        db,
        a,
        &q.id,
        &StatusChange {
            status: QuoteStatus::Accepted,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
    .unwrap()
}

fn both(address: &str) -> ConvertInput {
    ConvertInput {
        delivery_note: true,
        invoice: true,
        invoice_kind: None,
        delivery_address: address.into(),
    }
}

fn invoice_only() -> ConvertInput {
    ConvertInput {
        invoice: true,
        ..Default::default()
    }
}

#[test]
fn converting_makes_linked_documents_a_purchase_and_sells_the_vehicle() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد القحطاني", "0551111111");
    let car = product(
        &t.db,
        "vehicle",
        "CAM-24",
        "تويوتا كامري 2024",
        "98000",
        "15",
    );
    let inq = inquiry(&t.db, &c, "open", true, &[(Some(car.as_str()), "", "1")]);
    let q = quotes::from_inquiry(&t.db, a, &inq).unwrap();
    let mut edit = input(&c, q.lines.iter().map(|l| l.to_input()).collect());
    edit.lines.push(line("تظليل", "2", "500", "15"));
    let q = quotes::update(&t.db, a, &q.id, &edit).unwrap();
    assert_eq!(q.totals.total, d("113850"));
    // Only accepted quotations convert.
    assert_eq!(
        quotes::convert(&t.db, a, &q.id, &both(""))
            .unwrap_err()
            .code(),
        "status_not_allowed"
    );
    quotes::set_status(
        &t.db,
        a,
        &q.id,
        &StatusChange {
            status: QuoteStatus::Sent,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
    .unwrap();
    quotes::set_status(
        &t.db,
        a,
        &q.id,
        &StatusChange {
            status: QuoteStatus::Accepted,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
    .unwrap();
    assert_eq!(inquiry_state(&t.db, &inq).0, "won");
    assert_eq!(
        quotes::convert(&t.db, a, &q.id, &ConvertInput::default())
            .unwrap_err()
            .to_payload()
            .field,
        Some("documents")
    );

    let conv = quotes::convert(&t.db, a, &q.id, &both("  الرياض، حي النرجس ")).unwrap();
    let dn = conv.delivery_note.unwrap();
    let inv = conv.invoice.unwrap();
    let year = chrono::Local::now().format("%Y").to_string();
    assert_eq!(dn.number, format!("DN-{year}-00001"));
    assert_eq!(inv.number, format!("INV-{year}-00001"));
    // Linked both ways.
    assert_eq!(dn.quote_id.as_deref(), Some(q.id.as_str()));
    assert_eq!(dn.quote_number.as_deref(), Some(q.number.as_str()));
    assert_eq!(dn.invoice_id.as_deref(), Some(inv.id.as_str()));
    assert_eq!(dn.invoice_number.as_deref(), Some(inv.number.as_str()));
    assert_eq!(inv.quote_id.as_deref(), Some(q.id.as_str()));
    assert_eq!(inv.delivery_note_id.as_deref(), Some(dn.id.as_str()));
    assert_eq!(
        inv.delivery_note_number.as_deref(),
        Some(dn.number.as_str())
    );
    assert_eq!(conv.quote.delivery_notes.len(), 1);
    assert_eq!(conv.quote.delivery_notes[0].number, dn.number);
    assert_eq!(conv.quote.invoices[0].number, inv.number);
    assert_eq!(conv.quote.invoices[0].status, "issued");
    assert_eq!(conv.quote.status, QuoteStatus::Accepted);
    assert!(
        conv.quote.allowed.is_empty(),
        "no cancelling while invoiced"
    );
    // The documents copy the lines; the delivery note without prices.
    assert_eq!(dn.address, "الرياض، حي النرجس");
    assert_eq!(dn.status, DeliveryNoteStatus::Issued);
    assert_eq!(dn.lines.len(), 2);
    assert_eq!(dn.lines[0].description, "تويوتا كامري 2024");
    assert_eq!(dn.lines[1].quantity, d("2"));
    assert!(dn
        .lines
        .iter()
        .all(|l| l.total.is_zero() && l.unit_price.is_zero()));
    assert_eq!(inv.kind, InvoiceKind::Simplified);
    assert_eq!(inv.status, InvoiceStatus::Issued);
    assert_eq!(inv.lines, q.lines);
    assert_eq!(inv.totals.total, d("113850"));
    assert!(chrono::DateTime::parse_from_rfc3339(&inv.issued_at).is_ok());
    assert_eq!(inv.contact_name, "سعيد القحطاني");
    // The contact's purchase history, the vehicle, the inquiry.
    let bought = contacts::purchases(&t.db, a, &c).unwrap();
    assert_eq!(bought.len(), 1);
    assert_eq!(bought[0].doc_type, "invoice");
    assert_eq!(bought[0].doc_number, inv.number);
    assert_eq!(bought[0].amount, d("113850"));
    assert_eq!(bought[0].currency, "SAR");
    assert!(bought[0].description.contains("تويوتا كامري 2024"));
    assert_eq!(stock_status(&t.db, &car).as_deref(), Some("sold"));
    assert_eq!(inquiry_state(&t.db, &inq).0, "won");
    // Events on each document.
    let last = quotes::history(&t.db, a, &q.id).unwrap().pop().unwrap();
    assert_eq!(last.event, "converted");
    assert_eq!(last.detail, format!("{}, {}", dn.number, inv.number));
    assert_eq!(
        count(
            &t.db,
            &format!(
                "SELECT COUNT(*) FROM sales_events WHERE doc_id = '{}'",
                inv.id
            )
        ),
        1
    );
    // Reading them again gives the same.
    assert_eq!(invoices::get(&t.db, a, &inv.id).unwrap(), inv);
    assert_eq!(delivery_notes::get(&t.db, a, &dn.id).unwrap(), dn);

    // A second invoice for the same quotation is refused; nothing is written.
    let e = quotes::convert(&t.db, a, &q.id, &invoice_only()).unwrap_err();
    assert_eq!(e.code(), "already_exists");
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM invoices"), 1);
    assert_eq!(contacts::purchases(&t.db, a, &c).unwrap().len(), 1);
}

#[test]
fn an_invoice_made_after_the_delivery_note_is_linked_to_it() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = accepted(&t.db, a, &c, None);
    let first = quotes::convert(
        &t.db,
        a,
        &q.id,
        &ConvertInput {
            delivery_note: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(first.invoice.is_none());
    assert!(
        contacts::purchases(&t.db, a, &c).unwrap().is_empty(),
        "no invoice, no purchase"
    );
    let dn = first.delivery_note.unwrap();
    assert_eq!(dn.invoice_id, None);
    let second = quotes::convert(
        &t.db,
        a,
        &q.id,
        &ConvertInput {
            invoice: true,
            invoice_kind: Some(InvoiceKind::Standard),
            ..Default::default()
        },
    )
    .unwrap();
    let inv = second.invoice.unwrap();
    assert_eq!(inv.kind, InvoiceKind::Standard);
    assert_eq!(inv.delivery_note_id.as_deref(), Some(dn.id.as_str()));
    let dn = delivery_notes::get(&t.db, a, &dn.id).unwrap();
    assert_eq!(dn.invoice_number.as_deref(), Some(inv.number.as_str()));
}

#[test]
fn cancelling_an_invoice_undoes_the_sale_and_final_statuses_stay() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let car = product(&t.db, "vehicle", "LC-24", "لاندكروزر", "300000", "15");
    let q = accepted(&t.db, a, &c, Some(&car));
    let inv = quotes::convert(&t.db, a, &q.id, &invoice_only())
        .unwrap()
        .invoice
        .unwrap();
    assert_eq!(stock_status(&t.db, &car).as_deref(), Some("sold"));
    // The quotation cannot be cancelled while the invoice is live.
    let e = quotes::set_status(
        &t.db,
        a,
        &q.id,
        &StatusChange {
            status: QuoteStatus::Cancelled,
            lost_reason: String::new(),
            competitor: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "status_not_allowed");

    let cancelled = invoices::set_status(&t.db, a, &inv.id, InvoiceStatus::Cancelled).unwrap();
    assert_eq!(cancelled.status, InvoiceStatus::Cancelled);
    assert!(contacts::purchases(&t.db, a, &c).unwrap().is_empty());
    assert_eq!(
        count(
            &t.db,
            "SELECT COUNT(*) FROM contact_purchases WHERE deleted_at IS NOT NULL"
        ),
        1,
        "kept, marked deleted"
    );
    assert_eq!(stock_status(&t.db, &car).as_deref(), Some("available"));
    let q = quotes::get(&t.db, a, &q.id).unwrap();
    assert_eq!(q.allowed, vec![QuoteStatus::Cancelled]);
    // Cancelled and paid are final.
    for to in InvoiceStatus::ALL {
        assert_eq!(
            invoices::set_status(&t.db, a, &inv.id, *to)
                .unwrap_err()
                .code(),
            "status_not_allowed"
        );
    }
    // A new invoice can be made now.
    let again = quotes::convert(&t.db, a, &q.id, &invoice_only()).unwrap();
    let inv2 = again.invoice.unwrap();
    assert_eq!(stock_status(&t.db, &car).as_deref(), Some("sold"));
    let paid = invoices::set_status(&t.db, a, &inv2.id, InvoiceStatus::Paid).unwrap();
    assert_eq!(paid.status, InvoiceStatus::Paid);
    for to in InvoiceStatus::ALL {
        assert_eq!(
            invoices::set_status(&t.db, a, &inv2.id, *to)
                .unwrap_err()
                .code(),
            "status_not_allowed"
        );
    }
    assert_eq!(contacts::purchases(&t.db, a, &c).unwrap().len(), 1);
    let h: Vec<String> =
        t.db.read(|conn| maarid_core::sales::events::for_doc(conn, &inv2.id))
            .unwrap()
            .into_iter()
            .map(|e| e.event)
            .collect();
    assert_eq!(h, ["created", "status"]);
}

#[test]
fn delivery_notes_are_delivered_or_cancelled_once() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let make = || {
        let q = accepted(&t.db, a, &c, None);
        quotes::convert(
            &t.db,
            a,
            &q.id,
            &ConvertInput {
                delivery_note: true,
                ..Default::default()
            },
        )
        .unwrap()
        .delivery_note
        .unwrap()
    };
    let dn = make();
    assert!(dn.delivered_at.is_none());
    let done = delivery_notes::set_status(&t.db, a, &dn.id, DeliveryNoteStatus::Delivered).unwrap();
    assert!(done.delivered_at.is_some());
    let other = make();
    delivery_notes::set_status(&t.db, a, &other.id, DeliveryNoteStatus::Cancelled).unwrap();
    for id in [&dn.id, &other.id] {
        for to in DeliveryNoteStatus::ALL {
            assert_eq!(
                delivery_notes::set_status(&t.db, a, id, *to)
                    .unwrap_err()
                    .code(),
                "status_not_allowed"
            );
        }
    }
    let p = delivery_notes::print_doc(&t.db, a, &dn.id).unwrap();
    assert_eq!(p.kind, PrintKind::DeliveryNote);
    assert!(p.totals.is_none());
    assert!(p.due_date.is_some(), "the delivery date");
    assert_eq!(p.references[0].kind, PrintKind::Quotation);
    assert_eq!(p.status, "delivered");
    let page = delivery_notes::list(
        &t.db,
        a,
        &DeliveryNoteQuery {
            status: Some(DeliveryNoteStatus::Cancelled),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].id, other.id);
}

#[test]
fn invoices_print_with_their_kind_moment_and_references() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = accepted(&t.db, a, &c, None);
    let conv = quotes::convert(&t.db, a, &q.id, &both("جدة")).unwrap();
    let inv = conv.invoice.unwrap();
    let p = invoices::print_doc(&t.db, a, &inv.id).unwrap();
    assert_eq!(p.kind, PrintKind::SimplifiedInvoice);
    assert_eq!(p.number, inv.number);
    assert!(p.issued_at.is_some());
    let refs: Vec<(PrintKind, String)> = p
        .references
        .iter()
        .map(|r| (r.kind, r.number.clone()))
        .collect();
    assert_eq!(
        refs,
        [
            (PrintKind::Quotation, q.number.clone()),
            (PrintKind::DeliveryNote, conv.delivery_note.unwrap().number)
        ]
    );
    assert_eq!(p.totals.unwrap().total, inv.totals.total);
    assert_eq!(p.customer.name_ar, "سعيد");
    assert_eq!(p.salesperson, "مدير النظام");
    let q2 = accepted(&t.db, a, &c, None);
    let std = quotes::convert(
        &t.db,
        a,
        &q2.id,
        &ConvertInput {
            invoice: true,
            invoice_kind: Some(InvoiceKind::Standard),
            ..Default::default()
        },
    )
    .unwrap()
    .invoice
    .unwrap();
    assert_eq!(
        invoices::print_doc(&t.db, a, &std.id).unwrap().kind,
        PrintKind::Invoice
    );
    // Lists: newest first, by status, by text.
    let all = invoices::list(&t.db, a, &InvoiceQuery::default()).unwrap();
    assert_eq!(all.items.len(), 2);
    assert_eq!(all.items[0].id, std.id);
    assert_eq!(
        all.items[1].quote_number.as_deref(),
        Some(q.number.as_str())
    );
    let by_text = invoices::list(
        &t.db,
        a,
        &InvoiceQuery {
            text: Some(inv.number.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(by_text.items.len(), 1);
    assert_eq!(by_text.items[0].total, inv.totals.total);
}

#[test]
fn sales_users_work_on_their_own_documents_and_cannot_cancel_invoices() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, a, &common::new_user("omar", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let omar = users::login(&t.db, "omar", "omar-password").unwrap().actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = accepted(&t.db, &sara, &c, None);
    let conv = quotes::convert(&t.db, &sara, &q.id, &both("")).unwrap();
    let inv = conv.invoice.unwrap();
    let dn = conv.delivery_note.unwrap();
    assert_eq!(invoices::get(&t.db, &sara, &inv.id).unwrap().id, inv.id);
    assert_eq!(
        invoices::get(&t.db, &omar, &inv.id).unwrap_err().code(),
        "not_permitted"
    );
    assert_eq!(
        delivery_notes::get(&t.db, &omar, &dn.id)
            .unwrap_err()
            .code(),
        "not_permitted"
    );
    assert!(invoices::list(&t.db, &omar, &InvoiceQuery::default())
        .unwrap()
        .items
        .is_empty());
    assert_eq!(
        invoices::list(&t.db, &sara, &InvoiceQuery::default())
            .unwrap()
            .items
            .len(),
        1
    );
    assert_eq!(
        invoices::set_status(&t.db, &sara, &inv.id, InvoiceStatus::Cancelled)
            .unwrap_err()
            .code(),
        "not_permitted",
        "sales users have no cancel right on invoices"
    );
    assert_eq!(
        invoices::set_status(&t.db, &omar, &inv.id, InvoiceStatus::Paid)
            .unwrap_err()
            .code(),
        "not_permitted"
    );
    invoices::set_status(&t.db, &sara, &inv.id, InvoiceStatus::Paid).unwrap();
    delivery_notes::set_status(&t.db, &sara, &dn.id, DeliveryNoteStatus::Delivered).unwrap();
}

#[test]
fn merging_contacts_moves_their_quotations_and_invoices() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let keep = contact(&t.db, a, "سعيد القحطاني", "0551111111");
    let dup = contact(&t.db, a, "سعيد قحطاني", "0552222222");
    let q = accepted(&t.db, a, &dup, None);
    let inv = quotes::convert(&t.db, a, &q.id, &invoice_only())
        .unwrap()
        .invoice
        .unwrap();
    contacts::merge(
        &t.db,
        a,
        &MergeInput {
            survivor_id: keep.clone(),
            merged_ids: vec![dup.clone()],
            picks: Default::default(),
        },
    )
    .unwrap();
    let q = quotes::get(&t.db, a, &q.id).unwrap();
    assert_eq!(q.contact_id, keep);
    assert_eq!(q.contact_name, "سعيد القحطاني");
    assert_eq!(invoices::get(&t.db, a, &inv.id).unwrap().contact_id, keep);
    let of_keep = invoices::list(
        &t.db,
        a,
        &InvoiceQuery {
            contact_id: Some(keep.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(of_keep.items.len(), 1);
    assert_eq!(contacts::purchases(&t.db, a, &keep).unwrap().len(), 1);
    let tl = contacts::timeline(&t.db, a, &keep, &Default::default()).unwrap();
    assert!(tl
        .items
        .iter()
        .any(|e| e.source == "sales" && e.doc_id.as_deref() == Some(inv.id.as_str())));
    // Undoing the merge sends them back.
    contacts::unmerge(&t.db, a, &keep).unwrap();
    assert_eq!(quotes::get(&t.db, a, &q.id).unwrap().contact_id, dup);
    assert_eq!(invoices::get(&t.db, a, &inv.id).unwrap().contact_id, dup);
}
