//! `invoices list|get|status|print` and `delivery-notes list|get|status|print`.

use std::path::Path;

use maarid_core::invoicing::{
    delivery_notes, invoices, DeliveryNote, DeliveryNotePage, DeliveryNoteQuery, Invoice,
    InvoicePage, InvoiceQuery,
};
use maarid_core::Locale;

use super::quotes::{lines_table, money, page_foot, pick, print, status, table, totals_text};
use crate::args::{DeliveryNotesCommand, GlobalLang, InvoicesCommand};
use crate::output::{CliResult, Out};

fn text_of(words: Vec<String>) -> Option<String> {
    let t = words.join(" ");
    (!t.trim().is_empty()).then_some(t)
}

pub fn run_invoices(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    cmd: InvoicesCommand,
) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let a = &actor;
    match cmd {
        InvoicesCommand::List(args) => {
            let p = invoices::list(
                &db,
                a,
                &InvoiceQuery {
                    text: text_of(args.text),
                    status: args.status.and_then(|s| s.0),
                    contact_id: args.contact,
                    quote_id: args.quote,
                    limit: Some(args.page.limit),
                    after: args.page.after,
                },
            )?;
            out.done(&p, |l| invoices_page(l, &p))
        }
        InvoicesCommand::Get { id } => {
            let i = invoices::get(&db, a, id.trim())?;
            out.done(&i, |l| invoice_card(l, &i))
        }
        InvoicesCommand::Status { id, status: s } => {
            let i = invoices::set_status(&db, a, id.trim(), s.0.expect("known status"))?;
            out.done(&i, |l| {
                let st = status(l, i.status.key());
                let head = pick(
                    l,
                    format!("أصبحت الفاتورة {} في حالة «{st}».", i.number),
                    format!("Invoice {} is now “{st}”.", i.number),
                );
                format!("{head}\n{}", invoice_card(l, &i))
            })
        }
        InvoicesCommand::Print(args) => print(out, &db, a, lang, args, "invoice"),
    }
}

pub fn run_delivery_notes(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    cmd: DeliveryNotesCommand,
) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let a = &actor;
    match cmd {
        DeliveryNotesCommand::List(args) => {
            let p = delivery_notes::list(
                &db,
                a,
                &DeliveryNoteQuery {
                    text: text_of(args.text),
                    status: args.status.and_then(|s| s.0),
                    contact_id: args.contact,
                    quote_id: args.quote,
                    limit: Some(args.page.limit),
                    after: args.page.after,
                },
            )?;
            out.done(&p, |l| delivery_notes_page(l, &p))
        }
        DeliveryNotesCommand::Get { id } => {
            let d = delivery_notes::get(&db, a, id.trim())?;
            out.done(&d, |l| delivery_note_card(l, &d))
        }
        DeliveryNotesCommand::Status { id, status: s } => {
            let d = delivery_notes::set_status(&db, a, id.trim(), s.0.expect("known status"))?;
            out.done(&d, |l| {
                let st = status(l, d.status.key());
                let head = pick(
                    l,
                    format!("أصبح سند التسليم {} في حالة «{st}».", d.number),
                    format!("Delivery note {} is now “{st}”.", d.number),
                );
                format!("{head}\n{}", delivery_note_card(l, &d))
            })
        }
        DeliveryNotesCommand::Print(args) => print(out, &db, a, lang, args, "delivery_note"),
    }
}

fn invoice_card(l: Locale, i: &Invoice) -> String {
    let st = status(l, i.status.key());
    let kind = match (l, i.kind.key()) {
        (Locale::Ar, "standard") => "فاتورة ضريبية",
        (Locale::Ar, _) => "فاتورة ضريبية مبسطة",
        (Locale::En, "standard") => "Tax invoice",
        (Locale::En, _) => "Simplified tax invoice",
    };
    let mut out = vec![
        format!("{kind} {} — {st}", i.number),
        pick(
            l,
            format!("العميل: {} ({})", i.contact_name, i.contact_id),
            format!("Customer: {} ({})", i.contact_name, i.contact_id),
        ),
        pick(
            l,
            format!("تاريخ الإصدار: {} ({})", i.issue_date, i.issued_at),
            format!("Issued: {} ({})", i.issue_date, i.issued_at),
        ),
    ];
    if let Some(n) = &i.quote_number {
        out.push(pick(
            l,
            format!("عرض السعر: {n}"),
            format!("Quotation: {n}"),
        ));
    }
    if let Some(n) = &i.delivery_note_number {
        out.push(pick(
            l,
            format!("سند التسليم: {n}"),
            format!("Delivery note: {n}"),
        ));
    }
    out.push(lines_table(l, &i.lines, &i.currency, true));
    out.push(totals_text(l, &i.totals, &i.currency));
    out.push(pick(
        l,
        format!("المعرّف: {}", i.id),
        format!("Id: {}", i.id),
    ));
    out.join("\n")
}

fn delivery_note_card(l: Locale, d: &DeliveryNote) -> String {
    let st = status(l, d.status.key());
    let mut out = vec![
        pick(
            l,
            format!("سند التسليم {} — {st}", d.number),
            format!("Delivery note {} — {st}", d.number),
        ),
        pick(
            l,
            format!("العميل: {} ({})", d.contact_name, d.contact_id),
            format!("Customer: {} ({})", d.contact_name, d.contact_id),
        ),
        pick(
            l,
            format!("تاريخ الإصدار: {}", d.issue_date),
            format!("Issued: {}", d.issue_date),
        ),
    ];
    if let Some(t) = &d.delivered_at {
        out.push(pick(l, format!("سُلّم في: {t}"), format!("Delivered: {t}")));
    }
    if !d.address.is_empty() {
        out.push(pick(
            l,
            format!("عنوان التسليم: {}", d.address),
            format!("Delivery address: {}", d.address),
        ));
    }
    if let Some(n) = &d.quote_number {
        out.push(pick(
            l,
            format!("عرض السعر: {n}"),
            format!("Quotation: {n}"),
        ));
    }
    if let Some(n) = &d.invoice_number {
        out.push(pick(l, format!("الفاتورة: {n}"), format!("Invoice: {n}")));
    }
    out.push(lines_table(l, &d.lines, "", false));
    out.push(pick(
        l,
        format!("المعرّف: {}", d.id),
        format!("Id: {}", d.id),
    ));
    out.join("\n")
}

fn invoices_page(l: Locale, p: &InvoicePage) -> String {
    if p.items.is_empty() {
        return pick(l, "لا توجد فواتير.".into(), "No invoices found.".into());
    }
    let header: [&str; 6] = match l {
        Locale::Ar => ["الرقم", "الحالة", "العميل", "التاريخ", "الإجمالي", "المعرّف"],
        Locale::En => ["Number", "Status", "Customer", "Date", "Total", "Id"],
    };
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for s in &p.items {
        rows.push(vec![
            s.number.clone(),
            status(l, s.status.key()).to_string(),
            s.contact_name.clone(),
            s.issue_date.to_string(),
            money(s.total, &s.currency),
            s.id.clone(),
        ]);
    }
    format!(
        "{}\n{}",
        table(&rows),
        page_foot(l, p.items.len(), p.next.as_deref())
    )
}

fn delivery_notes_page(l: Locale, p: &DeliveryNotePage) -> String {
    if p.items.is_empty() {
        return pick(
            l,
            "لا توجد سندات تسليم.".into(),
            "No delivery notes found.".into(),
        );
    }
    let header: [&str; 6] = match l {
        Locale::Ar => [
            "الرقم",
            "الحالة",
            "العميل",
            "التاريخ",
            "عرض السعر",
            "المعرّف",
        ],
        Locale::En => ["Number", "Status", "Customer", "Date", "Quotation", "Id"],
    };
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for s in &p.items {
        rows.push(vec![
            s.number.clone(),
            status(l, s.status.key()).to_string(),
            s.contact_name.clone(),
            s.issue_date.to_string(),
            s.quote_number.clone().unwrap_or_default(),
            s.id.clone(),
        ]);
    }
    format!(
        "{}\n{}",
        table(&rows),
        page_foot(l, p.items.len(), p.next.as_deref())
    )
}
