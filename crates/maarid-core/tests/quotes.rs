//! Quotations on a real database: totals through `create`, every status transition,
//! expiry, the revision chain, copies, quotations from inquiries, rights, search,
//! communications carried forward, and the contact's timeline.

mod common;
mod sales_fixtures;

use chrono::{Local, NaiveDate};
use maarid_core::access::Actor;
use maarid_core::contacts::{self, TimelineQuery};
use maarid_core::interactions::{self, InteractionInput, InteractionKind};
use maarid_core::quotes::{self, ConvertInput, QuoteInput, QuoteQuery, QuoteStatus, StatusChange};
use maarid_core::sales::print_model::PrintKind;
use maarid_core::sales::DiscountKind::{Amount, Percent};
use maarid_core::{settings, users, Db};
use sales_fixtures::*;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn change(status: QuoteStatus) -> StatusChange {
    StatusChange {
        status,
        lost_reason: String::new(),
        competitor: String::new(),
    }
}

fn reject(reason: &str, competitor: &str) -> StatusChange {
    StatusChange {
        status: QuoteStatus::Rejected,
        lost_reason: reason.into(),
        competitor: competitor.into(),
    }
}

fn status_of(db: &Db, actor: &Actor, id: &str) -> QuoteStatus {
    quotes::get(db, actor, id).unwrap().status
}

#[test]
fn totals_are_computed_through_create_and_stored_as_printed() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "أحمد الغامدي", "0551234567");
    // (lines, prices include VAT, currency) → (subtotal, discount, net, vat, total)
    #[rustfmt::skip]
    let cases = vec![
        (vec![line("a", "1", "100", "15")], false, "SAR", ("100.00", "0", "100.00", "15.00", "115.00")),
        (vec![discounted(line("a", "2", "49.99", "15"), Percent, "10")], false, "SAR",
            ("99.98", "10.00", "89.98", "13.50", "103.48")),
        (vec![discounted(line("a", "1", "125000", "15"), Amount, "5000")], false, "SAR",
            ("125000.00", "5000.00", "120000.00", "18000.00", "138000.00")),
        (vec![line("a", "1", "115", "15")], true, "SAR", ("115.00", "0", "100.00", "15.00", "115.00")),
        (vec![discounted(line("a", "1", "1150", "15"), Percent, "10"), line("b", "3", "10", "0")], true, "SAR",
            ("1180.00", "115.00", "930.00", "135.00", "1065.00")),
        (vec![line("a", "1.5", "10.005", "5")], false, "KWD", ("15.008", "0", "15.008", "0.750", "15.758")),
        (vec![discounted(line("a", "3", "2.125", "0"), Amount, "0.125")], false, "KWD",
            ("6.375", "0.125", "6.250", "0", "6.250")),
        (vec![line("a", "1", "1.150", "15")], true, "KWD", ("1.150", "0", "1.000", "0.150", "1.150")),
    ];
    for (i, (lines, incl, currency, want)) in cases.into_iter().enumerate() {
        let mut inp = input(&c, lines);
        inp.prices_include_vat = Some(incl);
        inp.currency = Some(currency.to_lowercase());
        let preview = quotes::preview(&t.db, a, &inp).unwrap();
        let q = quotes::create(&t.db, a, &inp).unwrap();
        assert_eq!(q.currency, currency, "case {i}");
        assert_eq!(q.prices_include_vat, incl, "case {i}");
        let got = &q.totals;
        assert_eq!(
            (
                got.subtotal,
                got.discount_total,
                got.net_total,
                got.vat_total,
                got.total
            ),
            (d(want.0), d(want.1), d(want.2), d(want.3), d(want.4)),
            "case {i}"
        );
        assert_eq!(preview.totals, q.totals, "preview = saved, case {i}");
        assert_eq!(preview.lines, q.lines, "case {i}");
        let stored: (String, String, String, String, String) = t
            .db
            .read(|conn| {
                Ok(conn.query_row(
                    "SELECT subtotal, discount_total, net_total, vat_total, total FROM quotes WHERE id = ?1",
                    [&q.id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )?)
            })
            .unwrap();
        assert_eq!(d(&stored.4), got.total, "case {i}");
        assert_eq!(d(&stored.3), got.vat_total, "case {i}");
        // Reading back gives the same lines and totals.
        let again = quotes::get(&t.db, a, &q.id).unwrap();
        assert_eq!(again.lines, q.lines);
        assert_eq!(again.totals, q.totals);
    }
    // JSON: decimals are strings, dates are YYYY-MM-DD.
    let q = draft(&t.db, a, &c);
    let v = serde_json::to_value(&q).unwrap();
    assert_eq!(d(v["totals"]["total"].as_str().unwrap()), d("1150"));
    assert_eq!(v["lines"][0]["unit_price"], "1000");
    assert_eq!(v["status"], "draft");
    assert_eq!(v["issue_date"], today().format("%Y-%m-%d").to_string());
    assert_eq!(
        v["allowed"],
        serde_json::json!(["sent", "accepted", "cancelled"])
    );
}

#[test]
fn preview_needs_no_contact_or_description_and_writes_nothing() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let inp: QuoteInput = serde_json::from_value(serde_json::json!({
        "lines": [
            {"description": "", "quantity": "2", "unit_price": "100", "vat_rate": "15"},
            {"description": "x", "quantity": "1", "unit_price": "50", "discount_kind": "amount", "discount": "5"}
        ]
    }))
    .unwrap();
    let p = quotes::preview(&t.db, a, &inp).unwrap();
    assert_eq!(p.lines[0].description, "");
    assert_eq!(p.lines[0].total, d("230"));
    assert_eq!(p.totals.total, d("275"));
    let e = quotes::preview(&t.db, a, &input("", vec![line("x", "0", "1", "0")])).unwrap_err();
    assert_eq!(e.to_payload().field, Some("quantity"));
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM quotes"), 0);
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM sales_events"), 0);
    // Saving still needs both.
    assert_eq!(
        quotes::create(&t.db, a, &inp)
            .unwrap_err()
            .to_payload()
            .field,
        Some("contact")
    );
}

#[test]
fn a_new_quotation_takes_its_defaults_from_the_settings() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut s = settings::get(&t.db).unwrap();
    s.default_quotation_validity_days = 30;
    s.quotation_terms = "الأسعار شاملة التسجيل".into();
    s.prices_include_vat = true;
    settings::update(&t.db, a, &s).unwrap();
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = draft(&t.db, a, &c);
    let year = today().format("%Y").to_string();
    assert_eq!(q.number, format!("QTN-{year}-00001"));
    assert_eq!(q.revision, 0);
    assert_eq!(q.root_id, q.id);
    assert_eq!(q.status, QuoteStatus::Draft);
    assert!(q.editable);
    assert_eq!(q.issue_date, today());
    assert_eq!(q.valid_until, today() + chrono::Duration::days(30));
    assert_eq!(q.terms, "الأسعار شاملة التسجيل");
    assert_eq!(q.currency, "SAR");
    assert!(q.prices_include_vat);
    assert_eq!(q.totals.total, d("1000.00"), "price typed with VAT");
    assert_eq!(q.owner_id, admin.actor.user_id);
    assert_eq!(q.owner_name.as_deref(), Some("مدير النظام"));
    assert_eq!(q.contact_name, "سعيد");
    assert!(q.carry_forward);
    assert_eq!(q.revisions.len(), 1);
    assert_eq!(q.revisions[0].number, q.number);
    assert_eq!(
        q.allowed,
        vec![
            QuoteStatus::Sent,
            QuoteStatus::Accepted,
            QuoteStatus::Cancelled
        ]
    );
    let second = draft(&t.db, a, &c);
    assert_eq!(second.number, format!("QTN-{year}-00002"));
}

#[test]
fn bad_input_is_refused_and_nothing_is_saved() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let gone = contact(&t.db, a, "محذوف", "0552222222");
    contacts::delete(&t.db, a, &gone).unwrap();
    let ok = || line("x", "1", "10", "15");
    let mut product_line = ok();
    product_line.product_id = Some("no-such-product".into());
    let mut late = input(&c, vec![ok()]);
    late.issue_date = Some(ymd("2026-03-10"));
    late.valid_until = Some(ymd("2026-03-09"));
    let mut currency = input(&c, vec![ok()]);
    currency.currency = Some("XYZ".into());
    let cases: Vec<(QuoteInput, &str, Option<usize>)> = vec![
        (input("", vec![ok()]), "contact", None),
        (input("nobody", vec![ok()]), "contact", None),
        (input(&gone, vec![ok()]), "contact", None),
        (input(&c, vec![]), "lines", None),
        (input(&c, vec![ok(), product_line]), "product", Some(1)),
        (
            input(&c, vec![ok(), line("", "1", "1", "0")]),
            "description",
            Some(1),
        ),
        (
            input(&c, vec![line("x", "0", "1", "0")]),
            "quantity",
            Some(0),
        ),
        (late, "valid_until", None),
        (currency, "currency", None),
    ];
    for (inp, field, index) in cases {
        match quotes::create(&t.db, a, &inp) {
            Err(maarid_core::Error::Invalid {
                field: f, index: i, ..
            }) => {
                assert_eq!((f, i), (field, index), "{inp:?}")
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM quotes"), 0);
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM document_lines"), 0);
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM sales_events"), 0);
    // The numbering series was not used up by the refusals.
    let q = draft(&t.db, a, &c);
    assert!(q.number.ends_with("-00001"), "{}", q.number);
}

#[test]
fn catalog_lines_take_the_item_name_and_unknown_items_are_refused() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let p = product(&t.db, "product", "MAT-01", "دواسات أرضية", "250", "15");
    let from_code = quotes::line_from_product(&t.db, a, "mat-01", d("2")).unwrap();
    assert_eq!(from_code.product_id.as_deref(), Some(p.as_str()));
    assert_eq!(from_code.description, "دواسات أرضية");
    assert_eq!(from_code.unit_price, d("250"));
    assert_eq!(from_code.vat_rate, d("15"));
    let mut l = line("", "2", "250", "15");
    l.product_id = Some(p.clone());
    let q = quotes::create(&t.db, a, &input(&c, vec![l])).unwrap();
    assert_eq!(q.lines[0].description, "دواسات أرضية");
    assert_eq!(q.lines[0].unit, "قطعة");
    assert_eq!(q.totals.total, d("575.00"));
    assert_eq!(
        quotes::line_from_product(&t.db, a, "NOPE", d("1"))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

/// The expected table, written out here (not read from the code under test).
const ALLOWED: &[(QuoteStatus, QuoteStatus)] = &[
    (QuoteStatus::Draft, QuoteStatus::Sent),
    (QuoteStatus::Draft, QuoteStatus::Accepted),
    (QuoteStatus::Draft, QuoteStatus::Cancelled),
    (QuoteStatus::Sent, QuoteStatus::Accepted),
    (QuoteStatus::Sent, QuoteStatus::Rejected),
    (QuoteStatus::Sent, QuoteStatus::Cancelled),
    (QuoteStatus::Accepted, QuoteStatus::Cancelled),
];

/// A quotation brought to `status` the way a user would.
fn quote_in(db: &Db, a: &Actor, contact_id: &str, status: QuoteStatus) -> String {
    use QuoteStatus::*;
    let mut inp = input(contact_id, vec![line("x", "1", "10", "15")]);
    if status == Expired {
        inp.issue_date = Some(ymd("2020-01-01"));
        inp.valid_until = Some(ymd("2020-01-31"));
    }
    let q = quotes::create(db, a, &inp).unwrap();
    let id = q.id.clone();
    let to = |s: StatusChange| {
        quotes::set_status(db, a, &id, &s).unwrap();
    };
    match status {
        Draft => {}
        Sent => to(change(Sent)),
        Accepted => to(change(Accepted)),
        Rejected => {
            to(change(Sent));
            to(reject("السعر مرتفع", ""));
        }
        Cancelled => to(change(Cancelled)),
        Expired => {
            quotes::expire_due(db, ymd("2020-02-01")).unwrap();
        }
        Superseded => {
            to(change(Sent));
            quotes::revise(db, a, &id).unwrap();
        }
    }
    assert_eq!(status_of(db, a, &id), status);
    id
}

#[test]
fn every_status_transition_is_allowed_or_refused_as_the_table_says() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    for &from in QuoteStatus::ALL {
        for &to in QuoteStatus::ALL {
            let id = quote_in(&t.db, a, &c, from);
            let before = quotes::get(&t.db, a, &id).unwrap();
            let ch = if to == QuoteStatus::Rejected {
                reject("السعر", "معرض المنافس")
            } else {
                change(to)
            };
            let r = quotes::set_status(&t.db, a, &id, &ch);
            let expected = ALLOWED.contains(&(from, to));
            assert_eq!(
                before.allowed.contains(&to),
                expected,
                "allowed list {from} → {to}"
            );
            match r {
                Ok(q) => {
                    assert!(expected, "{from} → {to} should be refused");
                    assert_eq!(q.status, to);
                    assert!(!q.editable);
                }
                Err(e) => {
                    assert!(!expected, "{from} → {to} should be allowed: {e:?}");
                    assert_eq!(e.code(), "status_not_allowed", "{from} → {to}");
                    assert_eq!(status_of(&t.db, a, &id), from, "unchanged");
                }
            }
        }
    }
}

#[test]
fn status_changes_record_moments_reasons_and_events() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = draft(&t.db, a, &c);
    let sent = quotes::set_status(&t.db, a, &q.id, &change(QuoteStatus::Sent)).unwrap();
    assert!(sent.sent_at.is_some());
    assert!(sent.decided_at.is_none());
    let e = quotes::set_status(&t.db, a, &q.id, &reject("  ", "x")).unwrap_err();
    assert_eq!(e.to_payload().field, Some("lost_reason"));
    assert_eq!(status_of(&t.db, a, &q.id), QuoteStatus::Sent);
    let r = quotes::set_status(&t.db, a, &q.id, &reject(" السعر أعلى ", "معرض الخليج")).unwrap();
    assert_eq!(r.lost_reason, "السعر أعلى");
    assert_eq!(r.competitor, "معرض الخليج");
    assert!(r.decided_at.is_some());
    assert!(r.allowed.is_empty());
    let h = quotes::history(&t.db, a, &q.id).unwrap();
    let events: Vec<(&str, Option<&str>)> = h
        .iter()
        .map(|e| (e.event.as_str(), e.status.as_deref()))
        .collect();
    assert_eq!(
        events,
        [
            ("created", Some("draft")),
            ("status", Some("sent")),
            ("status", Some("rejected"))
        ]
    );
    assert_eq!(h[2].detail, "السعر أعلى");
    // Only drafts are edited.
    let e =
        quotes::update(&t.db, a, &q.id, &input(&c, vec![line("y", "1", "1", "0")])).unwrap_err();
    assert_eq!(e.code(), "read_only");
}

#[test]
fn a_draft_is_edited_and_unchanged_fields_keep_their_values() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let other = contact(&t.db, a, "خالد", "0553333333");
    let mut inp = input(&c, vec![line("x", "1", "10", "15")]);
    inp.issue_date = Some(ymd("2026-05-01"));
    inp.valid_until = Some(ymd("2026-05-20"));
    inp.terms = Some("الدفع نقدًا".into());
    let q = quotes::create(&t.db, a, &inp).unwrap();
    let mut edit = input(
        &other,
        vec![line("x", "2", "10", "15"), line("y", "1", "5", "0")],
    );
    edit.notes = "تم التفاوض".into();
    let e = quotes::update(&t.db, a, &q.id, &edit).unwrap();
    assert_eq!(e.number, q.number);
    assert_eq!(e.contact_id, other);
    assert_eq!(e.issue_date, ymd("2026-05-01"));
    assert_eq!(e.valid_until, ymd("2026-05-20"));
    assert_eq!(e.terms, "الدفع نقدًا");
    assert_eq!(e.notes, "تم التفاوض");
    assert_eq!(e.lines.len(), 2);
    assert_eq!(e.totals.total, d("28.00"));
    assert_eq!(
        count(&t.db, "SELECT COUNT(*) FROM document_lines"),
        2,
        "old lines replaced"
    );
    let h = quotes::history(&t.db, a, &q.id).unwrap();
    assert_eq!(h.last().unwrap().event, "updated");
    // A refused edit changes nothing.
    let bad = quotes::update(&t.db, a, &q.id, &input(&c, vec![])).unwrap_err();
    assert_eq!(bad.code(), "invalid_input");
    assert_eq!(quotes::get(&t.db, a, &q.id).unwrap().lines.len(), 2);
}

#[test]
fn draft_and_sent_quotations_expire_once_valid_till_has_passed() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let make = |valid: &str, status: Option<QuoteStatus>| {
        let mut inp = input(&c, vec![line("x", "1", "10", "15")]);
        inp.issue_date = Some(ymd("2026-01-01"));
        inp.valid_until = Some(ymd(valid));
        let q = quotes::create(&t.db, a, &inp).unwrap();
        if let Some(s) = status {
            quotes::set_status(&t.db, a, &q.id, &change(s)).unwrap();
        }
        q.id
    };
    let draft_10 = make("2026-01-10", None);
    let sent_20 = make("2026-01-20", Some(QuoteStatus::Sent));
    let accepted_05 = make("2026-01-05", Some(QuoteStatus::Accepted));
    let draft_later = make("2026-02-01", None);
    assert_eq!(
        quotes::expire_due(&t.db, ymd("2026-01-10")).unwrap(),
        0,
        "valid through the 10th"
    );
    assert_eq!(quotes::expire_due(&t.db, ymd("2026-01-11")).unwrap(), 1);
    assert_eq!(status_of(&t.db, a, &draft_10), QuoteStatus::Expired);
    assert_eq!(status_of(&t.db, a, &sent_20), QuoteStatus::Sent);
    assert_eq!(quotes::expire_due(&t.db, ymd("2026-01-21")).unwrap(), 1);
    assert_eq!(
        quotes::expire_due(&t.db, ymd("2026-01-21")).unwrap(),
        0,
        "idempotent"
    );
    let expired = quotes::get(&t.db, a, &sent_20).unwrap();
    assert_eq!(expired.status, QuoteStatus::Expired);
    assert!(expired.decided_at.is_some());
    assert!(expired.allowed.is_empty());
    assert_eq!(
        status_of(&t.db, a, &accepted_05),
        QuoteStatus::Accepted,
        "decided ones stay"
    );
    assert_eq!(status_of(&t.db, a, &draft_later), QuoteStatus::Draft);
    let last = quotes::history(&t.db, a, &sent_20).unwrap().pop().unwrap();
    assert_eq!(last.status.as_deref(), Some("expired"));
    assert_eq!(last.actor_name, "system");
    assert_eq!(last.actor_id, None);
    assert_eq!(
        count(
            &t.db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'quotation.expire'"
        ),
        2
    );
    // An expired quotation can be revised.
    let r = quotes::revise(&t.db, a, &sent_20).unwrap();
    assert_eq!(r.status, QuoteStatus::Draft);
}

#[test]
fn revisions_make_a_chain_and_superseded_ones_stay_readable_and_printable() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let mut inp = input(
        &c,
        vec![discounted(line("x", "2", "500", "15"), Percent, "5")],
    );
    inp.issue_date = Some(ymd("2026-01-05"));
    inp.terms = Some("شروط".into());
    inp.notes = "ملاحظة".into();
    let r0 = quotes::create(&t.db, a, &inp).unwrap();
    let e = quotes::revise(&t.db, a, &r0.id).unwrap_err();
    assert_eq!(
        e.code(),
        "status_not_allowed",
        "drafts are edited, not revised"
    );
    quotes::set_status(&t.db, a, &r0.id, &change(QuoteStatus::Sent)).unwrap();
    let r1 = quotes::revise(&t.db, a, &r0.id).unwrap();
    assert_eq!(r1.number, format!("{}-R1", r0.number));
    assert_eq!((r1.revision, r1.root_id.as_str()), (1, r0.id.as_str()));
    assert_eq!(r1.previous_id.as_deref(), Some(r0.id.as_str()));
    assert_eq!(r1.status, QuoteStatus::Draft);
    assert_eq!(r1.issue_date, today());
    assert_eq!(r1.valid_until, today() + chrono::Duration::days(15));
    assert_eq!(r1.lines, r0.lines);
    assert_eq!((r1.terms.as_str(), r1.notes.as_str()), ("شروط", "ملاحظة"));
    let old = quotes::get(&t.db, a, &r0.id).unwrap();
    assert_eq!(old.status, QuoteStatus::Superseded);
    assert_eq!(old.superseded_by.as_deref(), Some(r1.id.as_str()));
    assert!(!old.editable);
    assert!(old.allowed.is_empty());
    assert_eq!(
        quotes::update(&t.db, a, &r0.id, &inp).unwrap_err().code(),
        "read_only"
    );
    assert_eq!(
        quotes::revise(&t.db, a, &r0.id).unwrap_err().code(),
        "status_not_allowed"
    );
    quotes::set_status(&t.db, a, &r1.id, &change(QuoteStatus::Sent)).unwrap();
    quotes::set_status(&t.db, a, &r1.id, &reject("السعر", "")).unwrap();
    let r2 = quotes::revise(&t.db, a, &r1.id).unwrap();
    assert_eq!(r2.number, format!("{}-R2", r0.number));
    let chain: Vec<(String, String)> = r2
        .revisions
        .iter()
        .map(|r| (r.number.clone(), r.status.clone()))
        .collect();
    assert_eq!(
        chain,
        [
            (r0.number.clone(), "superseded".to_string()),
            (r1.number.clone(), "superseded".to_string()),
            (r2.number.clone(), "draft".to_string())
        ]
    );
    // Printable: the old revision prints as it was, marked superseded.
    let p = quotes::print_doc(&t.db, a, &r0.id).unwrap();
    assert_eq!(p.kind, PrintKind::Quotation);
    assert_eq!((p.number.as_str(), p.revision), (r0.number.as_str(), 0));
    assert_eq!(p.status, "superseded");
    assert_eq!(p.totals.as_ref().unwrap().total, r0.totals.total);
    assert_eq!(p.issue_date, ymd("2026-01-05"));
    assert_eq!(p.customer.name_ar, "سعيد");
    assert_eq!(p.customer.phone, "0551111111");
    assert_eq!(quotes::print_doc(&t.db, a, &r2.id).unwrap().revision, 2);
    // Laying it out for real records the print on its history.
    let pdf = maarid_core::sales::print::document(
        &t.db,
        a,
        "quotation",
        &r0.id,
        maarid_core::sales::print_model::PrintLang::Ar,
    )
    .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(pdf.file_name, format!("{}.pdf", r0.number));
    assert_eq!(
        quotes::history(&t.db, a, &r0.id)
            .unwrap()
            .last()
            .unwrap()
            .event,
        "printed"
    );
    // Lists show the current revision unless asked for all.
    let live = quotes::list(&t.db, a, &QuoteQuery::default()).unwrap();
    assert_eq!(live.items.len(), 1);
    assert_eq!(live.items[0].id, r2.id);
    let all = quotes::list(
        &t.db,
        a,
        &QuoteQuery {
            include_superseded: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(all.items.len(), 3);
}

#[test]
fn a_copy_starts_a_new_chain_for_any_contact() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let other = contact(&t.db, a, "خالد", "0553333333");
    let inq = inquiry(&t.db, &c, "open", true, &[(None, "سيارة", "1")]);
    let mut inp = input(&c, vec![line("x", "3", "99.99", "15")]);
    inp.inquiry_id = Some(inq);
    inp.issue_date = Some(ymd("2025-12-01"));
    inp.valid_until = Some(ymd("2025-12-02"));
    let src = quotes::create(&t.db, a, &inp).unwrap();
    quotes::set_status(&t.db, a, &src.id, &change(QuoteStatus::Sent)).unwrap();
    let cp = quotes::copy(&t.db, a, &src.id, Some(other.clone())).unwrap();
    assert_ne!(cp.number, src.number);
    assert!(!cp.number.contains("-R"));
    assert_eq!((cp.revision, cp.root_id.as_str()), (0, cp.id.as_str()));
    assert_eq!(cp.copied_from.as_deref(), Some(src.id.as_str()));
    assert_eq!(cp.status, QuoteStatus::Draft);
    assert_eq!(cp.contact_id, other);
    assert_eq!(cp.inquiry_id, None);
    assert_eq!(cp.issue_date, today());
    assert_eq!(cp.lines, src.lines);
    assert_eq!(
        status_of(&t.db, a, &src.id),
        QuoteStatus::Sent,
        "the source is untouched"
    );
    let same = quotes::copy(&t.db, a, &src.id, None).unwrap();
    assert_eq!(same.contact_id, c);
    assert_eq!(
        quotes::history(&t.db, a, &cp.id).unwrap()[0].event,
        "copied"
    );
    assert_eq!(
        quotes::copy(&t.db, a, &src.id, Some("nobody".into()))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}

#[test]
fn a_quotation_from_an_approved_inquiry_takes_its_items_and_marks_it_quoted() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let car = product(
        &t.db,
        "vehicle",
        "CAM-24",
        "تويوتا كامري 2024",
        "98000",
        "15",
    );
    let en_only = product(&t.db, "product", "TINT", "", "750", "15");
    let pending = inquiry(&t.db, &c, "open", false, &[(Some(car.as_str()), "", "1")]);
    let e = quotes::from_inquiry(&t.db, a, &pending).unwrap_err();
    assert_eq!(e.code(), "status_not_allowed");
    assert!(
        e.message(maarid_core::Locale::En).contains("Not approved"),
        "{e}"
    );
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM quotes"), 0);
    assert_eq!(inquiry_state(&t.db, &pending).0, "open");

    let won = inquiry(&t.db, &c, "won", true, &[(None, "x", "1")]);
    assert_eq!(
        quotes::from_inquiry(&t.db, a, &won).unwrap_err().code(),
        "status_not_allowed"
    );
    assert_eq!(
        quotes::from_inquiry(&t.db, a, "nope").unwrap_err().code(),
        "not_found"
    );

    let inq = inquiry(
        &t.db,
        &c,
        "contacted",
        true,
        &[
            (Some(car.as_str()), "", "1"),
            (Some(en_only.as_str()), "", "2"),
            (None, "تركيب جهاز تتبع", "1"),
        ],
    );
    let q = quotes::from_inquiry(&t.db, a, &inq).unwrap();
    assert_eq!(q.contact_id, c);
    assert_eq!(q.inquiry_id.as_deref(), Some(inq.as_str()));
    assert!(q.inquiry_number.as_deref().unwrap().starts_with("INQ-T-"));
    let lines: Vec<(&str, &str, String, String, String)> = q
        .lines
        .iter()
        .map(|l| {
            (
                l.description.as_str(),
                l.unit.as_str(),
                l.quantity.to_string(),
                l.unit_price.to_string(),
                l.vat_rate.to_string(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "تويوتا كامري 2024",
                "سيارة",
                "1".into(),
                "98000".into(),
                "15".into()
            ),
            ("TINT (en)", "قطعة", "2".into(), "750".into(), "15".into()),
            ("تركيب جهاز تتبع", "", "1".into(), "0".into(), "15".into()),
        ]
    );
    assert_eq!(q.lines[0].product_id.as_deref(), Some(car.as_str()));
    assert_eq!(q.totals.total, d("114425.00"));
    assert_eq!(inquiry_state(&t.db, &inq).0, "quoted");
    let inquiry_events = count(
        &t.db,
        &format!("SELECT COUNT(*) FROM sales_events WHERE doc_id = '{inq}' AND status = 'quoted'"),
    );
    assert_eq!(inquiry_events, 1);
    // A quoted inquiry can be quoted again (e.g. a second offer).
    let again = quotes::from_inquiry(&t.db, a, &inq).unwrap();
    assert_eq!(again.inquiry_id.as_deref(), Some(inq.as_str()));
    // Print: the inquiry is referred to.
    let p = quotes::print_doc(&t.db, a, &q.id).unwrap();
    assert_eq!(p.references.len(), 1);
    assert_eq!(p.references[0].kind, PrintKind::Inquiry);
}

#[test]
fn the_inquiry_is_won_when_accepted_and_lost_when_rejected() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let i1 = inquiry(&t.db, &c, "open", true, &[(None, "سيارة", "1")]);
    let q1 = quotes::from_inquiry(&t.db, a, &i1).unwrap();
    quotes::set_status(&t.db, a, &q1.id, &change(QuoteStatus::Accepted)).unwrap();
    assert_eq!(inquiry_state(&t.db, &i1).0, "won");

    let i2 = inquiry(&t.db, &c, "replied", true, &[(None, "سيارة", "1")]);
    let q2 = quotes::from_inquiry(&t.db, a, &i2).unwrap();
    quotes::set_status(&t.db, a, &q2.id, &change(QuoteStatus::Sent)).unwrap();
    quotes::set_status(&t.db, a, &q2.id, &reject("وجد سعرًا أقل", "معرض الخليج")).unwrap();
    assert_eq!(
        inquiry_state(&t.db, &i2),
        ("lost".into(), "وجد سعرًا أقل".into(), "معرض الخليج".into())
    );
    // An inquiry that was cancelled meanwhile stays cancelled.
    let i3 = inquiry(&t.db, &c, "open", true, &[(None, "سيارة", "1")]);
    let q3 = quotes::from_inquiry(&t.db, a, &i3).unwrap();
    t.db.write(|tx| {
        tx.execute(
            "UPDATE inquiries SET status = 'cancelled' WHERE id = ?1",
            [&i3],
        )?;
        Ok(())
    })
    .unwrap();
    quotes::set_status(&t.db, a, &q3.id, &change(QuoteStatus::Accepted)).unwrap();
    assert_eq!(inquiry_state(&t.db, &i3).0, "cancelled");
}

#[test]
fn a_sales_user_sees_and_changes_only_their_own_quotations() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, a, &common::new_user("omar", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let omar = users::login(&t.db, "omar", "omar-password").unwrap().actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = draft(&t.db, &sara, &c);
    assert_eq!(q.owner_id, sara.user_id);
    assert_eq!(quotes::get(&t.db, &sara, &q.id).unwrap().id, q.id);
    for e in [
        quotes::get(&t.db, &omar, &q.id).unwrap_err(),
        quotes::update(
            &t.db,
            &omar,
            &q.id,
            &input(&c, vec![line("x", "1", "1", "0")]),
        )
        .unwrap_err(),
        quotes::set_status(&t.db, &omar, &q.id, &change(QuoteStatus::Sent)).unwrap_err(),
        quotes::history(&t.db, &omar, &q.id).unwrap_err(),
        quotes::print_doc(&t.db, &omar, &q.id).unwrap_err(),
        quotes::copy(&t.db, &omar, &q.id, None).unwrap_err(),
    ] {
        assert_eq!(e.code(), "not_permitted");
    }
    // A quotation for someone else needs the right over all quotations.
    let mut for_omar = input(&c, vec![line("x", "1", "1", "0")]);
    for_omar.owner_id = omar.user_id.clone();
    assert_eq!(
        quotes::create(&t.db, &sara, &for_omar).unwrap_err().code(),
        "not_permitted"
    );
    let mine = draft(&t.db, &omar, &c);
    let ids = |actor: &Actor| -> Vec<String> {
        quotes::list(&t.db, actor, &QuoteQuery::default())
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(ids(&sara), vec![q.id.clone()]);
    assert_eq!(ids(&omar), vec![mine.id.clone()]);
    assert_eq!(ids(a).len(), 2, "the administrator sees all");
    // Sales users may not make invoices of other people's quotations either.
    quotes::set_status(&t.db, &sara, &q.id, &change(QuoteStatus::Accepted)).unwrap();
    let e = quotes::convert(
        &t.db,
        &omar,
        &q.id,
        &ConvertInput {
            invoice: true,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "not_permitted");
}

#[test]
fn lists_search_numbers_and_arabic_names_and_page_newest_first() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let ahmad = contact(&t.db, a, "أحمد الغامدي", "0551111111");
    let fatima = contact(&t.db, a, "فاطمة الزهراني", "0552222222");
    let q1 = draft(&t.db, a, &ahmad);
    let q2 = draft(&t.db, a, &fatima);
    let q3 = draft(&t.db, a, &ahmad);
    quotes::set_status(&t.db, a, &q3.id, &change(QuoteStatus::Sent)).unwrap();
    let find = |q: QuoteQuery| -> Vec<String> {
        quotes::list(&t.db, a, &q)
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.number)
            .collect()
    };
    let text = |s: &str| QuoteQuery {
        text: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(find(text("احمد")), [q3.number.clone(), q1.number.clone()]);
    assert_eq!(find(text("فاطمه")), vec![q2.number.clone()]);
    assert_eq!(
        find(text("٠٠٠٠٢")),
        vec![q2.number.clone()],
        "Arabic-Indic digits"
    );
    assert_eq!(
        find(text(&q1.number.to_lowercase())),
        vec![q1.number.clone()]
    );
    assert!(find(text("100%")).is_empty());
    assert_eq!(
        find(QuoteQuery {
            status: Some(QuoteStatus::Sent),
            ..Default::default()
        }),
        vec![q3.number.clone()]
    );
    assert_eq!(
        find(QuoteQuery {
            contact_id: Some(fatima.clone()),
            ..Default::default()
        }),
        vec![q2.number.clone()]
    );
    let p1 = quotes::list(
        &t.db,
        a,
        &QuoteQuery {
            limit: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p1.items.len(), 2);
    assert_eq!(p1.items[0].number, q3.number);
    assert_eq!(p1.items[0].total, d("1150.00"));
    assert_eq!(p1.items[0].contact_name, "أحمد الغامدي");
    let p2 = quotes::list(
        &t.db,
        a,
        &QuoteQuery {
            limit: Some(2),
            after: p1.next.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p2.items.len(), 1);
    assert_eq!(p2.items[0].number, q1.number);
    assert!(p2.next.is_none());
}

#[test]
fn communications_carry_forward_from_the_inquiry_and_earlier_revisions() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let log = |doc: &str, body: &str| {
        interactions::log(
            &t.db,
            a,
            &InteractionInput {
                contact_id: c.clone(),
                kind: InteractionKind::Note,
                direction: None,
                outcome: String::new(),
                body: body.into(),
                occurred_at: None,
                doc_id: Some(doc.to_string()),
            },
        )
        .unwrap();
    };
    let inq = inquiry(&t.db, &c, "open", true, &[(None, "سيارة", "1")]);
    log(&inq, "زار المعرض");
    let q = quotes::from_inquiry(&t.db, a, &inq).unwrap();
    log(&q.id, "أرسلنا العرض");
    quotes::set_status(&t.db, a, &q.id, &change(QuoteStatus::Sent)).unwrap();
    let r1 = quotes::revise(&t.db, a, &q.id).unwrap();
    log(&r1.id, "طلب خصمًا");
    log("something-else", "لا علاقة");
    let bodies = |id: &str| -> Vec<String> {
        let mut b: Vec<String> = quotes::communications(&t.db, a, id)
            .unwrap()
            .into_iter()
            .map(|i| i.body)
            .collect();
        b.sort();
        b
    };
    assert_eq!(bodies(&r1.id), ["أرسلنا العرض", "زار المعرض", "طلب خصمًا"]);
    assert_eq!(
        bodies(&q.id),
        ["أرسلنا العرض", "زار المعرض"],
        "not later revisions"
    );
    // Without carry-forward the inquiry's communications stay with the inquiry.
    let mut s = settings::get(&t.db).unwrap();
    s.carry_forward_communications = false;
    settings::update(&t.db, a, &s).unwrap();
    let q2 = quotes::from_inquiry(&t.db, a, &inq).unwrap();
    assert!(!q2.carry_forward);
    assert!(bodies(&q2.id).is_empty());
}

#[test]
fn the_contact_timeline_shows_what_happened_to_the_quotation() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let c = contact(&t.db, a, "سعيد", "0551111111");
    let q = draft(&t.db, a, &c);
    quotes::set_status(&t.db, a, &q.id, &change(QuoteStatus::Accepted)).unwrap();
    quotes::convert(
        &t.db,
        a,
        &q.id,
        &ConvertInput {
            invoice: true,
            ..Default::default()
        },
    )
    .unwrap();
    let tl = contacts::timeline(&t.db, a, &c, &TimelineQuery::default()).unwrap();
    let sales: Vec<(String, String, Option<String>)> = tl
        .items
        .iter()
        .filter(|e| e.source == "sales")
        .map(|e| (e.kind.clone(), e.outcome.clone(), e.status.clone()))
        .collect();
    for want in [
        ("quotation", "created", Some("draft")),
        ("quotation", "status", Some("accepted")),
        ("quotation", "converted", None),
        ("invoice", "created", Some("issued")),
    ] {
        let want = (
            want.0.to_string(),
            want.1.to_string(),
            want.2.map(String::from),
        );
        assert!(sales.contains(&want), "{want:?} in {sales:?}");
    }
    assert!(tl
        .items
        .iter()
        .any(|e| e.source == "purchase" && e.amount.as_deref().map(d) == Some(d("1150"))));
}
