//! Inquiries on a real database: contacts chosen or created on the fly (by the CRM
//! setting), the status table, lost reasons, approval rights, follow-ups logged as
//! interactions, closing unanswered inquiries, the contact's timeline and merges.

mod common;

use chrono::{Duration, NaiveDate, Utc};
use maarid_core::access::roles::{self, RoleInput};
use maarid_core::access::{Actor, PermissionMap, Scope};
use maarid_core::catalog::{self, ProductInput, ProductKind};
use maarid_core::contacts::{
    self, ContactInput, ContactKind, MergeInput, PhoneInput, PhoneLabel, Source, TimelineQuery,
};
use maarid_core::inquiries::{
    self, FollowUpInput, InquiryChannel, InquiryInput, InquiryItemInput, InquiryQuery,
    InquiryStatus, StatusChange,
};
use maarid_core::interactions::{Direction, InteractionKind};
use maarid_core::sales::print_model::PrintKind;
use maarid_core::{settings, users, Db, Error, Rule};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn person(name_ar: &str, phone: &str) -> ContactInput {
    ContactInput {
        kind: Some(ContactKind::Customer),
        name_ar: name_ar.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        ..Default::default()
    }
}

fn for_contact(contact_id: &str) -> InquiryInput {
    InquiryInput {
        contact_id: Some(contact_id.into()),
        new_contact: None,
        create_contact: false,
        allow_duplicate: false,
        channel: InquiryChannel::WalkIn,
        items: vec![InquiryItemInput {
            product_id: None,
            description: "سيارة عائلية سبعة مقاعد".into(),
            quantity: Decimal::ONE,
        }],
        budget: None,
        notes: String::new(),
        owner_id: None,
        follow_up_on: None,
    }
}

fn with_new_contact(name: &str, phone: &str) -> InquiryInput {
    InquiryInput {
        contact_id: None,
        new_contact: Some(ContactInput {
            kind: None,
            ..person(name, phone)
        }),
        ..for_contact("")
    }
}

fn year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

struct Fx {
    t: common::TestDb,
    admin: Actor,
    contact: String,
}

fn fixture() -> Fx {
    let (t, admin) = common::ready_db();
    let c = contacts::create(
        &t.db,
        &admin.actor,
        &person("فهد العتيبي", "0551234567"),
        false,
    )
    .unwrap();
    Fx {
        t,
        admin: admin.actor,
        contact: c.id,
    }
}

fn status(db: &Db, a: &Actor, id: &str) -> InquiryStatus {
    inquiries::get(db, a, id).unwrap().inquiry.status
}

fn change(to: InquiryStatus) -> StatusChange {
    StatusChange {
        status: to,
        lost_reason: if to == InquiryStatus::Lost {
            "price".into()
        } else {
            String::new()
        },
        competitor: String::new(),
    }
}

#[track_caller]
fn invalid<T: std::fmt::Debug>(r: maarid_core::Result<T>, field: &str, rule: Rule) {
    match r {
        Err(Error::Invalid {
            field: f,
            rule: got,
            ..
        }) => assert_eq!((f, got), (field, rule)),
        other => panic!("expected invalid {field}: {other:?}"),
    }
}

#[test]
fn an_inquiry_for_an_existing_contact_gets_a_number_and_its_items() {
    let f = fixture();
    let a = &f.admin;
    let camry = catalog::create(
        &f.t.db,
        a,
        &ProductInput {
            kind: ProductKind::Vehicle,
            code: "TY-CAM".into(),
            name_ar: "تويوتا كامري".into(),
            name_en: String::new(),
            description: String::new(),
            unit: "سيارة".into(),
            price: dec("125000"),
            vat_rate: None,
            category: String::new(),
            make: "تويوتا".into(),
            model: "كامري".into(),
            year: Some(2026),
            trim: "GLE".into(),
            colour: "أبيض".into(),
            vin: String::new(),
            stock_status: None,
            image_data_url: None,
        },
    )
    .unwrap();
    let mut input = for_contact(&f.contact);
    input.items.insert(
        0,
        InquiryItemInput {
            product_id: Some(camry.id.clone()),
            description: String::new(),
            quantity: dec("2"),
        },
    );
    input.budget = Some(dec("240000.50"));
    input.follow_up_on = NaiveDate::from_ymd_opt(2026, 11, 23);
    input.notes = "يفضل اللون الأبيض".into();
    let d = inquiries::create(&f.t.db, a, &input).unwrap();
    let i = &d.inquiry;
    assert_eq!(i.number, format!("INQ-{}-00001", year()));
    assert_eq!(i.status, InquiryStatus::Open);
    assert_eq!(i.contact_name, "فهد العتيبي");
    assert_eq!(i.currency, "SAR");
    assert_eq!(i.budget, Some(dec("240000.5")));
    assert_eq!(i.owner_id, a.user_id, "the creator is in charge by default");
    assert_eq!(i.items.len(), 2);
    assert_eq!(i.items[0].description, "تويوتا كامري 2026 GLE أبيض");
    assert_eq!(i.items[0].product_code.as_deref(), Some("TY-CAM"));
    assert_eq!(i.items[0].unit, "سيارة");
    assert_eq!(i.items[0].quantity, dec("2"));
    assert_eq!(i.items[1].product_id, None);
    assert_eq!(d.events.len(), 1);
    assert_eq!(
        (d.events[0].event.as_str(), d.events[0].status.as_deref()),
        ("created", Some("open"))
    );
    assert_eq!(
        common::count(
            &f.t.db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'inquiry.create'"
        ),
        1
    );
    let second = inquiries::create(&f.t.db, a, &for_contact(&f.contact)).unwrap();
    assert_eq!(second.inquiry.number, format!("INQ-{}-00002", year()));

    // Bad input saves nothing and takes no number.
    let bad: Vec<(InquiryInput, &str, Rule)> = vec![
        (
            InquiryInput {
                items: vec![InquiryItemInput {
                    product_id: None,
                    description: " ".into(),
                    quantity: Decimal::ONE,
                }],
                ..for_contact(&f.contact)
            },
            "description",
            Rule::Required,
        ),
        (
            InquiryInput {
                items: vec![InquiryItemInput {
                    product_id: Some("no-such-product".into()),
                    description: String::new(),
                    quantity: Decimal::ONE,
                }],
                ..for_contact(&f.contact)
            },
            "product",
            Rule::UnknownValue,
        ),
        (
            InquiryInput {
                items: vec![InquiryItemInput {
                    product_id: None,
                    description: "x".into(),
                    quantity: Decimal::ZERO,
                }],
                ..for_contact(&f.contact)
            },
            "quantity",
            Rule::OutOfRange,
        ),
        (
            InquiryInput {
                budget: Some(dec("-5")),
                ..for_contact(&f.contact)
            },
            "budget",
            Rule::OutOfRange,
        ),
        (
            for_contact("no-such-contact"),
            "contact",
            Rule::UnknownValue,
        ),
        (
            InquiryInput {
                contact_id: None,
                ..for_contact("")
            },
            "contact",
            Rule::Required,
        ),
        (
            InquiryInput {
                new_contact: Some(person("سالم", "0501112222")),
                ..for_contact(&f.contact)
            },
            "contact",
            Rule::BadFormat,
        ),
    ];
    for (input, field, rule) in bad {
        invalid(inquiries::create(&f.t.db, a, &input), field, rule);
    }
    assert_eq!(common::count(&f.t.db, "SELECT COUNT(*) FROM inquiries"), 2);
    let third = inquiries::create(&f.t.db, a, &for_contact(&f.contact)).unwrap();
    assert_eq!(third.inquiry.number, format!("INQ-{}-00003", year()));
}

#[test]
fn a_new_contact_is_created_as_a_lead_when_the_setting_is_on() {
    let f = fixture();
    let a = &f.admin;
    assert!(settings::get(&f.t.db).unwrap().auto_create_contact_for_lead);
    let d =
        inquiries::create(&f.t.db, a, &with_new_contact("سلمان الدوسري", "0567654321")).unwrap();
    let c = contacts::get(&f.t.db, a, &d.inquiry.contact_id).unwrap();
    assert_eq!(c.kind, ContactKind::Lead);
    assert_eq!(c.source, Some(Source::WalkIn), "from the channel");
    assert_eq!(c.phones[0].e164, "+966567654321");
    assert_eq!(d.inquiry.contact_name, "سلمان الدوسري");

    // The same phone again: the usual duplicate refusal, listing the existing contact,
    // and nothing saved (no contact, no inquiry, no number taken).
    let again = with_new_contact("سلمان", "٠٥٦٧٦٥٤٣٢١");
    match inquiries::create(&f.t.db, a, &again) {
        Err(Error::PossibleDuplicates(m)) => assert_eq!(m[0].contact_id, c.id),
        other => panic!("{other:?}"),
    }
    assert_eq!(common::count(&f.t.db, "SELECT COUNT(*) FROM contacts"), 2);
    assert_eq!(common::count(&f.t.db, "SELECT COUNT(*) FROM inquiries"), 1);
    // "Use the existing contact"…
    let used = inquiries::create(&f.t.db, a, &for_contact(&c.id)).unwrap();
    assert_eq!(used.inquiry.number, format!("INQ-{}-00002", year()));
    // …or "save anyway".
    let anyway = inquiries::create(
        &f.t.db,
        a,
        &InquiryInput {
            allow_duplicate: true,
            ..again
        },
    )
    .unwrap();
    assert_ne!(anyway.inquiry.contact_id, c.id);
    assert_eq!(common::count(&f.t.db, "SELECT COUNT(*) FROM contacts"), 3);
}

#[test]
fn with_the_setting_off_a_new_contact_needs_confirming() {
    let f = fixture();
    let a = &f.admin;
    let mut s = settings::get(&f.t.db).unwrap();
    s.auto_create_contact_for_lead = false;
    settings::update(&f.t.db, a, &s).unwrap();

    let input = with_new_contact("نورة القحطاني", "0509998888");
    invalid(
        inquiries::create(&f.t.db, a, &input),
        "contact",
        Rule::Required,
    );
    assert_eq!(common::count(&f.t.db, "SELECT COUNT(*) FROM contacts"), 1);
    let d = inquiries::create(
        &f.t.db,
        a,
        &InquiryInput {
            create_contact: true,
            channel: InquiryChannel::Whatsapp,
            ..input
        },
    )
    .unwrap();
    let c = contacts::get(&f.t.db, a, &d.inquiry.contact_id).unwrap();
    assert_eq!(
        (c.kind, c.name_ar.as_str()),
        (ContactKind::Lead, "نورة القحطاني")
    );
    // An existing contact needs no confirmation.
    inquiries::create(&f.t.db, a, &for_contact(&f.contact)).unwrap();
}

/// An inquiry brought to `s` by allowed moves.
fn at_status(f: &Fx, s: InquiryStatus) -> String {
    use InquiryStatus::*;
    let (db, a) = (&f.t.db, &f.admin);
    let id = inquiries::create(db, a, &for_contact(&f.contact))
        .unwrap()
        .inquiry
        .id;
    let path: &[InquiryStatus] = match s {
        Open => &[],
        Contacted => &[Contacted],
        Replied => &[Replied],
        Quoted => &[Quoted],
        Won => &[Quoted, Won],
        Lost => &[Lost],
        Cancelled => &[Cancelled],
    };
    for &step in path {
        inquiries::set_status(db, a, &id, &change(step)).unwrap();
    }
    assert_eq!(status(db, a, &id), s);
    id
}

#[test]
fn status_moves_follow_the_table() {
    use InquiryStatus::*;
    let f = fixture();
    let a = &f.admin;
    // The moves the issue allows, written out here independently of the code's table.
    let allowed: &[(InquiryStatus, &[InquiryStatus])] = &[
        (Open, &[Contacted, Replied, Quoted, Lost, Cancelled]),
        (Contacted, &[Replied, Quoted, Lost, Cancelled]),
        (Replied, &[Contacted, Quoted, Lost, Cancelled]),
        (Quoted, &[Won, Lost, Cancelled]),
        (Won, &[]),
        (Lost, &[]),
        (Cancelled, &[]),
    ];
    for &(from, tos) in allowed {
        for &to in InquiryStatus::ALL {
            let id = at_status(&f, from);
            let r = inquiries::set_status(&f.t.db, a, &id, &change(to));
            if tos.contains(&to) {
                let d = r.unwrap_or_else(|e| panic!("{from} → {to}: {e}"));
                assert_eq!(d.inquiry.status, to);
                assert_eq!(
                    d.inquiry.closed_at.is_some(),
                    to.is_closed(),
                    "{from} → {to}"
                );
                let last = d.events.last().unwrap();
                assert_eq!(
                    (last.event.as_str(), last.status.as_deref()),
                    ("status", Some(to.key()))
                );
            } else {
                match r {
                    Err(Error::StatusNotAllowed {
                        entity,
                        from: f_,
                        to: t_,
                        ..
                    }) => assert_eq!((entity, f_, t_), ("inquiry", from.key(), to.key())),
                    other => panic!("{from} → {to} should be refused: {other:?}"),
                }
                assert_eq!(status(&f.t.db, a, &id), from, "unchanged");
            }
        }
    }
    // The table in the code says the same.
    for &(from, tos) in allowed {
        assert_eq!(from.next(), tos);
    }
}

#[test]
fn lost_needs_a_reason_and_closed_inquiries_are_read_only() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let id = at_status(&f, InquiryStatus::Contacted);
    let no_reason = StatusChange {
        status: InquiryStatus::Lost,
        lost_reason: "  ".into(),
        competitor: "معرض الجزيرة".into(),
    };
    invalid(
        inquiries::set_status(db, a, &id, &no_reason),
        "lost_reason",
        Rule::Required,
    );
    assert_eq!(status(db, a, &id), InquiryStatus::Contacted);
    let d = inquiries::set_status(
        db,
        a,
        &id,
        &StatusChange {
            lost_reason: "price".into(),
            ..no_reason
        },
    )
    .unwrap();
    let i = &d.inquiry;
    assert_eq!(
        (i.lost_reason.as_str(), i.competitor.as_str()),
        ("price", "معرض الجزيرة")
    );
    assert!(i.closed_at.is_some() && !i.closed_automatically);
    assert_eq!(d.events.last().unwrap().detail, "price");

    for r in [
        inquiries::update(db, a, &id, &for_contact(&f.contact)).map(|_| ()),
        inquiries::approve(db, a, &id).map(|_| ()),
        inquiries::follow_up(
            db,
            a,
            &id,
            &FollowUpInput {
                kind: InteractionKind::Call,
                direction: Some(Direction::Out),
                outcome: String::new(),
                body: String::new(),
                next_follow_up_on: None,
            },
        )
        .map(|_| ()),
    ] {
        match r {
            Err(Error::ReadOnly { entity, status, .. }) => {
                assert_eq!((entity, status), ("inquiry", "lost"))
            }
            other => panic!("{other:?}"),
        }
    }
    // A quoted inquiry is no longer edited either (its quotation is).
    let quoted = at_status(&f, InquiryStatus::Quoted);
    assert!(matches!(
        inquiries::update(db, a, &quoted, &for_contact(&f.contact)),
        Err(Error::ReadOnly {
            status: "quoted",
            ..
        })
    ));
    // Cancelling is a status too.
    let open = at_status(&f, InquiryStatus::Open);
    let c = inquiries::cancel(db, a, &open).unwrap();
    assert_eq!(c.inquiry.status, InquiryStatus::Cancelled);
}

#[test]
fn edits_change_the_inquiry_and_say_what_changed() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let id = at_status(&f, InquiryStatus::Open);
    let mut input = for_contact(&f.contact);
    input.budget = Some(dec("90000"));
    input.items[0].quantity = dec("2");
    input.channel = InquiryChannel::Phone;
    let d = inquiries::update(db, a, &id, &input).unwrap();
    assert_eq!(d.inquiry.budget, Some(dec("90000")));
    assert_eq!(d.inquiry.channel, InquiryChannel::Phone);
    assert_eq!(d.inquiry.items[0].quantity, dec("2"));
    let last = d.events.last().unwrap();
    assert_eq!(last.event, "updated");
    assert_eq!(last.detail, "channel,budget,items");
}

fn user(db: &Db, admin: &Actor, name: &str, role: &str) -> Actor {
    users::add(db, admin, &common::new_user(name, role)).unwrap();
    users::login(db, name, &format!("{name}-password"))
        .unwrap()
        .actor
}

#[test]
fn approving_needs_the_submit_right_on_the_inquiry() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let sara = user(db, a, "sara", "sales_user");

    // A salesperson approves her own inquiry…
    let hers =
        inquiries::create(db, &sara, &with_new_contact("ماجد الشهري", "0541239876")).unwrap();
    assert_eq!(hers.inquiry.owner_id, sara.user_id);
    let d = inquiries::approve(db, &sara, &hers.inquiry.id).unwrap();
    assert!(d.inquiry.approved_at.is_some());
    assert_eq!(d.inquiry.approved_by, sara.user_id);
    assert_eq!(d.inquiry.approved_by_name.as_deref(), Some("sara full"));
    assert_eq!(d.events.last().unwrap().event, "approved");
    // Approving again changes nothing.
    let again = inquiries::approve(db, &sara, &hers.inquiry.id).unwrap();
    assert_eq!(again.events.len(), d.events.len());

    // …but not someone else's, which she does not even see.
    let admins = at_status(&f, InquiryStatus::Open);
    for r in [
        inquiries::approve(db, &sara, &admins).map(|_| ()),
        inquiries::get(db, &sara, &admins).map(|_| ()),
        inquiries::set_status(db, &sara, &admins, &change(InquiryStatus::Contacted)).map(|_| ()),
    ] {
        assert!(
            matches!(
                r,
                Err(Error::NotPermitted {
                    doc_type: "inquiry",
                    ..
                })
            ),
            "{r:?}"
        );
    }
    let mine = inquiries::list(db, &sara, &InquiryQuery::default()).unwrap();
    assert_eq!(mine.items.len(), 1);
    assert_eq!(mine.items[0].id, hers.inquiry.id);
    // Handing an inquiry to someone else needs the right over all inquiries.
    let mut other = for_contact(&f.contact);
    other.owner_id = a.user_id.clone();
    assert!(matches!(
        inquiries::create(db, &sara, &other),
        Err(Error::NotPermitted { .. })
    ));

    // A role that may record and edit inquiries but not approve them.
    let mut perms = PermissionMap::new();
    for action in ["read", "create", "write"] {
        perms
            .entry("inquiry".into())
            .or_default()
            .insert(action.into(), Scope::All);
    }
    perms
        .entry("contact".into())
        .or_default()
        .insert("read".into(), Scope::All);
    let role = roles::create(
        db,
        a,
        &RoleInput {
            name_ar: "موظف استقبال".into(),
            name_en: "Reception".into(),
            permissions: perms,
        },
    )
    .unwrap();
    let reception = user(db, a, "reem", &role.id);
    let theirs = inquiries::create(db, &reception, &for_contact(&f.contact)).unwrap();
    match inquiries::approve(db, &reception, &theirs.inquiry.id) {
        Err(Error::NotPermitted { doc_type, action }) => {
            assert_eq!((doc_type, action), ("inquiry", "submit"))
        }
        other => panic!("{other:?}"),
    }
    assert!(inquiries::get(db, a, &theirs.inquiry.id)
        .unwrap()
        .inquiry
        .approved_at
        .is_none());
}

fn follow(
    kind: InteractionKind,
    direction: Option<Direction>,
    next: Option<NaiveDate>,
) -> FollowUpInput {
    FollowUpInput {
        kind,
        direction,
        outcome: if kind == InteractionKind::Call {
            "answered".into()
        } else {
            String::new()
        },
        body: "سأل عن التمويل".into(),
        next_follow_up_on: next,
    }
}

#[test]
fn follow_ups_are_logged_on_the_contact_and_move_the_status() {
    use InquiryStatus::*;
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let id = at_status(&f, Open);
    let next = NaiveDate::from_ymd_opt(2030, 1, 15);
    let d = inquiries::follow_up(
        db,
        a,
        &id,
        &follow(InteractionKind::Call, Some(Direction::Out), next),
    )
    .unwrap();
    assert_eq!(d.inquiry.status, Contacted);
    assert_eq!(d.inquiry.follow_up_on, next);
    assert_eq!(d.communications.len(), 1);
    let call = &d.communications[0];
    assert_eq!(call.doc_id.as_deref(), Some(id.as_str()));
    assert_eq!(call.contact_id, f.contact);
    assert_eq!(
        (call.kind, call.outcome.as_str()),
        (InteractionKind::Call, "answered")
    );
    let ev = d.events.last().unwrap();
    assert_eq!(
        (ev.event.as_str(), ev.status.as_deref(), ev.detail.as_str()),
        ("follow_up", Some("contacted"), "call:answered")
    );

    // They write back: replied. A note moves nothing, and clears the date.
    let d = inquiries::follow_up(
        db,
        a,
        &id,
        &follow(InteractionKind::Message, Some(Direction::In), next),
    )
    .unwrap();
    assert_eq!(d.inquiry.status, Replied);
    let d = inquiries::follow_up(db, a, &id, &follow(InteractionKind::Note, None, None)).unwrap();
    assert_eq!(d.inquiry.status, Replied);
    assert_eq!(d.inquiry.follow_up_on, None);
    assert_eq!(d.events.last().unwrap().status, None, "no status change");
    assert_eq!(d.communications.len(), 3);

    // An incoming message on an open inquiry: replied straight away.
    let other = at_status(&f, Open);
    let d = inquiries::follow_up(
        db,
        a,
        &other,
        &follow(InteractionKind::Message, Some(Direction::In), None),
    )
    .unwrap();
    assert_eq!(d.inquiry.status, Replied);
    // The interaction's outcome is checked like any other.
    let mut bad = follow(InteractionKind::Call, Some(Direction::Out), None);
    bad.outcome = "sold_a_car".into();
    invalid(
        inquiries::follow_up(db, a, &other, &bad),
        "outcome",
        Rule::UnknownValue,
    );
}

#[test]
fn unanswered_inquiries_close_after_the_settings_days() {
    use InquiryStatus::*;
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let contacted = at_status(&f, Contacted);
    let replied = at_status(&f, Replied);
    let open = at_status(&f, Open);
    let quoted = at_status(&f, Quoted);
    let now = Utc::now();

    // The setting is 0 (never) by default.
    assert_eq!(
        inquiries::close_unanswered(db, now + Duration::days(365)).unwrap(),
        0
    );
    let mut s = settings::get(db).unwrap();
    s.close_unanswered_inquiries_days = 3;
    settings::update(db, a, &s).unwrap();

    assert_eq!(
        inquiries::close_unanswered(db, now + Duration::days(2)).unwrap(),
        0
    );
    assert_eq!(
        inquiries::close_unanswered(db, now + Duration::days(4)).unwrap(),
        2
    );
    for id in [&contacted, &replied] {
        let d = inquiries::get(db, a, id).unwrap();
        let i = &d.inquiry;
        assert_eq!(i.status, Lost);
        assert_eq!(i.lost_reason, "no_response");
        assert!(i.closed_automatically);
        assert_eq!(
            i.closed_at.as_deref(),
            Some(maarid_core::ids::stamp(now + Duration::days(4)).as_str())
        );
        let ev = d.events.last().unwrap();
        assert_eq!(
            (
                ev.event.as_str(),
                ev.status.as_deref(),
                ev.actor_name.as_str(),
                ev.actor_id.as_deref()
            ),
            ("closed_automatically", Some("lost"), "system", None)
        );
    }
    assert_eq!(
        status(db, a, &open),
        Open,
        "never contacted: not unanswered"
    );
    assert_eq!(status(db, a, &quoted), Quoted);
    // Again: nothing more to close, and no second event.
    assert_eq!(
        inquiries::close_unanswered(db, now + Duration::days(30)).unwrap(),
        0
    );
    assert_eq!(
        common::count(
            db,
            "SELECT COUNT(*) FROM sales_events WHERE event = 'closed_automatically'"
        ),
        2
    );
    assert_eq!(
        common::count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'inquiry.close_automatically' AND actor_name = 'system'"),
        2
    );
}

#[test]
fn every_change_shows_on_the_contacts_timeline() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let id = at_status(&f, InquiryStatus::Open);
    inquiries::update(db, a, &id, &for_contact(&f.contact)).unwrap();
    inquiries::approve(db, a, &id).unwrap();
    inquiries::follow_up(
        db,
        a,
        &id,
        &follow(InteractionKind::Call, Some(Direction::Out), None),
    )
    .unwrap();
    inquiries::set_status(db, a, &id, &change(InquiryStatus::Lost)).unwrap();
    // Printing (the PDF is laid out for real) records the event too.
    maarid_core::sales::print::document(
        db,
        a,
        "inquiry",
        &id,
        maarid_core::sales::print_model::PrintLang::Ar,
    )
    .unwrap();

    let page = contacts::timeline(db, a, &f.contact, &TimelineQuery::default()).unwrap();
    let number = inquiries::get(db, a, &id).unwrap().inquiry.number;
    let sales: Vec<(String, Option<String>)> = page
        .items
        .iter()
        .filter(|e| e.source == "sales")
        .map(|e| {
            assert_eq!(e.kind, "inquiry");
            assert_eq!(e.doc_id.as_deref(), Some(id.as_str()));
            assert_eq!(e.reference.as_deref(), Some(number.as_str()));
            (e.outcome.clone(), e.status.clone())
        })
        .collect();
    let s = |e: &str, st: Option<&str>| (e.to_string(), st.map(str::to_string));
    assert_eq!(
        sales,
        [
            s("printed", None),
            s("status", Some("lost")),
            s("follow_up", Some("contacted")),
            s("approved", None),
            s("updated", None),
            s("created", Some("open")),
        ],
        "newest first"
    );
    let call = page
        .items
        .iter()
        .find(|e| e.source == "interaction")
        .expect("the follow-up call");
    assert_eq!(call.doc_id.as_deref(), Some(id.as_str()));
}

#[test]
fn a_merge_moves_the_inquiry_to_the_kept_contact() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let dup = contacts::create(db, a, &person("فهد عبدالله العتيبي", "0561112233"), false).unwrap();
    let id = inquiries::create(db, a, &for_contact(&dup.id))
        .unwrap()
        .inquiry
        .id;
    inquiries::follow_up(
        db,
        a,
        &id,
        &follow(InteractionKind::Call, Some(Direction::Out), None),
    )
    .unwrap();

    let out = contacts::merge(
        db,
        a,
        &MergeInput {
            survivor_id: f.contact.clone(),
            merged_ids: vec![dup.id.clone()],
            picks: Default::default(),
        },
    )
    .unwrap();
    let d = inquiries::get(db, a, &id).unwrap();
    assert_eq!(d.inquiry.contact_id, f.contact);
    assert_eq!(d.inquiry.contact_name, "فهد العتيبي");
    assert_eq!(d.communications[0].contact_id, f.contact);
    let page = contacts::timeline(db, a, &f.contact, &TimelineQuery::default()).unwrap();
    assert!(page.items.iter().any(|e| e.source == "sales"
        && e.outcome == "created"
        && e.doc_id.as_deref() == Some(id.as_str())));
    let listed = inquiries::list(
        db,
        a,
        &InquiryQuery {
            contact_id: Some(f.contact.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(listed.items.len(), 1);

    contacts::unmerge(db, a, &out.merge.id).unwrap();
    assert_eq!(
        inquiries::get(db, a, &id).unwrap().inquiry.contact_id,
        dup.id
    );
}

#[test]
fn lists_filter_search_and_page() {
    use InquiryStatus::*;
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let other = contacts::create(db, a, &person("أحمد الزهراني", "0539876543"), false).unwrap();
    let mut ids = Vec::new();
    for (contact, channel) in [
        (&f.contact, InquiryChannel::WalkIn),
        (&other.id, InquiryChannel::Phone),
        (&f.contact, InquiryChannel::Phone),
    ] {
        let mut input = for_contact(contact);
        input.channel = channel;
        ids.push(inquiries::create(db, a, &input).unwrap().inquiry.id);
    }
    inquiries::set_status(db, a, &ids[0], &change(Contacted)).unwrap();
    let mut due = for_contact(&other.id);
    due.follow_up_on = NaiveDate::from_ymd_opt(2020, 5, 1);
    let due_id = inquiries::create(db, a, &due).unwrap().inquiry.id;
    let mut later = for_contact(&other.id);
    later.follow_up_on = NaiveDate::from_ymd_opt(2099, 5, 1);
    let later_id = inquiries::create(db, a, &later).unwrap().inquiry.id;

    let q = |q: InquiryQuery| -> Vec<String> {
        inquiries::list(db, a, &q)
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    let all = q(InquiryQuery::default());
    assert_eq!(all.len(), 5);
    assert_eq!(all[0], later_id, "newest first");
    assert_eq!(all[4], ids[0]);
    assert_eq!(
        q(InquiryQuery {
            status: Some(Contacted),
            ..Default::default()
        }),
        [ids[0].clone()]
    );
    assert_eq!(
        q(InquiryQuery {
            channel: Some(InquiryChannel::Phone),
            ..Default::default()
        }),
        [ids[2].clone(), ids[1].clone()],
        "newest first"
    );
    assert_eq!(
        q(InquiryQuery {
            follow_up_due: true,
            ..Default::default()
        }),
        [due_id]
    );
    // Text: the contact's name in any spelling, a phone's digits, the number.
    assert_eq!(
        q(InquiryQuery {
            text: "احمد".into(),
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        q(InquiryQuery {
            text: "٩٨٧٦٥".into(),
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        q(InquiryQuery {
            text: "فهد".into(),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        q(InquiryQuery {
            text: format!("INQ-{}-00002", year()),
            ..Default::default()
        }),
        [ids[1].clone()]
    );
    // Pages of two, no gaps or repeats.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = inquiries::list(
            db,
            a,
            &InquiryQuery {
                limit: Some(2),
                after: after.clone(),
                ..Default::default()
            },
        )
        .unwrap();
        seen.extend(page.items.into_iter().map(|s| s.id));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen, all);
    let first = inquiries::list(
        db,
        a,
        &InquiryQuery {
            limit: Some(1),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(first.items[0].item_count, 1);
    assert_eq!(
        first.items[0].first_item.as_deref(),
        Some("سيارة عائلية سبعة مقاعد")
    );
}

#[test]
fn the_print_model_lists_the_items_without_prices() {
    let f = fixture();
    let (db, a) = (&f.t.db, &f.admin);
    let mut input = for_contact(&f.contact);
    input.items[0].quantity = dec("2");
    input.notes = "يرغب بتمويل".into();
    let id = inquiries::create(db, a, &input).unwrap().inquiry.id;
    let doc = inquiries::print_doc(db, a, &id).unwrap();
    assert_eq!(doc.kind, PrintKind::Inquiry);
    assert_eq!(doc.number, format!("INQ-{}-00001", year()));
    assert_eq!(doc.customer.name_ar, "فهد العتيبي");
    assert_eq!(doc.customer.phone, "0551234567");
    assert_eq!(doc.lines.len(), 1);
    assert_eq!(doc.lines[0].quantity, dec("2"));
    assert_eq!(doc.lines[0].unit_price, Decimal::ZERO);
    assert_eq!(doc.totals, None);
    assert_eq!(doc.notes, "يرغب بتمويل");
    assert_eq!(doc.salesperson, "مدير النظام");
    assert_eq!(doc.status, "open");
}
