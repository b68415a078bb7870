//! The customer card on a real database: addresses, social accounts, custom fields with
//! mandatory rules, interactions and the timeline, purchases, restore after delete.

mod common;

use std::collections::BTreeMap;

use maarid_core::contacts::{
    self, Address, AddressLabel, ContactInput, ContactKind, PhoneInput, PhoneLabel, PurchaseInput,
    SearchQuery, SocialAccount, SocialNetwork, TimelineQuery,
};
use maarid_core::fields::{self, Choice, FieldInput, FieldType};
use maarid_core::interactions::{self, Direction, InteractionInput, InteractionKind};
use maarid_core::{users, Error};

fn lead(name_ar: &str, phone: &str) -> ContactInput {
    ContactInput {
        kind: Some(ContactKind::Lead),
        name_ar: name_ar.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        ..Default::default()
    }
}

fn field(label_ar: &str, label_en: &str, t: FieldType) -> FieldInput {
    FieldInput {
        label_ar: label_ar.into(),
        label_en: label_en.into(),
        field_type: Some(t),
        ..Default::default()
    }
}

fn found(t: &common::TestDb, actor: &maarid_core::access::Actor, text: &str) -> usize {
    contacts::search(
        &t.db,
        actor,
        &SearchQuery {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .len()
}

#[test]
fn addresses_social_accounts_and_website_are_kept_and_cleaned() {
    let (t, admin) = common::ready_db();
    let mut input = lead("سارة القحطاني", "0551112233");
    input.website = "nukhba.sa".into();
    input.addresses = vec![
        Address {
            label: AddressLabel::Home,
            line: " حي العليا، شارع التحلية ".into(),
            city: "الرياض".into(),
            region: String::new(),
            postal_code: "12211".into(),
            country: "sa".into(),
        },
        // An empty address row from the form is dropped, not saved.
        Address {
            label: AddressLabel::Work,
            line: " ".into(),
            city: String::new(),
            region: String::new(),
            postal_code: String::new(),
            country: String::new(),
        },
    ];
    input.social = vec![SocialAccount {
        network: SocialNetwork::Instagram,
        handle: "@sara.cars".into(),
    }];
    let c = contacts::create(&t.db, &admin.actor, &input, false).unwrap();
    assert_eq!(c.website, "https://nukhba.sa");
    assert_eq!(c.addresses.len(), 1);
    assert_eq!(c.addresses[0].line, "حي العليا، شارع التحلية");
    assert_eq!(c.addresses[0].country, "SA");
    assert_eq!(c.social[0].handle, "sara.cars");
    assert_eq!(contacts::get(&t.db, &admin.actor, &c.id).unwrap(), c);

    input.addresses[0].country = "Saudi".into();
    let e = contacts::update(&t.db, &admin.actor, &c.id, &input, false).unwrap_err();
    assert_eq!(e.to_payload().field, Some("addresses"));
    assert_eq!(e.to_payload().index, Some(0));
    assert_eq!(
        contacts::get(&t.db, &admin.actor, &c.id).unwrap(),
        c,
        "a refused edit changes nothing"
    );
}

#[test]
fn custom_fields_follow_their_type_and_mandatory_rules() {
    let (t, admin) = common::ready_db();
    let budget = fields::create(
        &t.db,
        &admin.actor,
        &field("الميزانية", "Budget", FieldType::Number),
    )
    .unwrap();
    let mut pay = field("طريقة الدفع", "Payment", FieldType::Choice);
    pay.choices = vec![
        Choice {
            key: String::new(),
            ar: "نقدًا".into(),
            en: "Cash".into(),
        },
        Choice {
            key: String::new(),
            ar: "تمويل".into(),
            en: "Financing".into(),
        },
    ];
    // Mandatory for customers only.
    pay.required_kinds = vec![ContactKind::Customer];
    let pay = fields::create(&t.db, &admin.actor, &pay).unwrap();
    let model = fields::create(
        &t.db,
        &admin.actor,
        &field("الموديل المطلوب", "Wanted model", FieldType::Text),
    )
    .unwrap();
    assert_eq!(pay.choices[1].key, "c2");

    let mut input = lead("خالد العتيبي", "0552223344");
    input.custom = BTreeMap::from([
        (budget.id.clone(), "١٢٠٬٠٠٠".into()),
        (model.id.clone(), "لاندكروزر ٢٠٢٥".into()),
    ]);
    // A lead may leave the payment empty…
    let c = contacts::create(&t.db, &admin.actor, &input, false).unwrap();
    assert_eq!(c.custom[&budget.id], "120000");
    // …and custom text is searchable, Arabic-normalised.
    assert_eq!(found(&t, &admin.actor, "لاندكروزر"), 1);

    // Turning it into a customer needs the payment.
    input.kind = Some(ContactKind::Customer);
    let e = contacts::update(&t.db, &admin.actor, &c.id, &input, false).unwrap_err();
    let p = e.to_payload();
    assert_eq!(p.code, "invalid_input");
    assert_eq!(p.field, Some("custom"));
    assert!(p.message_ar.contains("طريقة الدفع"), "{}", p.message_ar);
    assert!(p.message_en.contains("Payment"), "{}", p.message_en);
    input.custom.insert(pay.id.clone(), "Financing".into());
    let c = contacts::update(&t.db, &admin.actor, &c.id, &input, false).unwrap();
    assert_eq!(c.custom[&pay.id], "c2");

    // A wrong value names the field and changes nothing.
    input.custom.insert(budget.id.clone(), "a lot".into());
    assert!(matches!(
        contacts::update(&t.db, &admin.actor, &c.id, &input, false),
        Err(Error::InvalidCustom { .. })
    ));

    // Deleting a field hides its values; restoring it brings them back.
    fields::delete(&t.db, &admin.actor, &budget.id).unwrap();
    let mut edit = ContactInput::from(&contacts::get(&t.db, &admin.actor, &c.id).unwrap());
    assert!(!edit.custom.contains_key(&budget.id));
    edit.notes = "يفضل اللون الأبيض".into();
    contacts::update(&t.db, &admin.actor, &c.id, &edit, false).unwrap();
    fields::restore(&t.db, &admin.actor, &budget.id).unwrap();
    assert_eq!(
        contacts::get(&t.db, &admin.actor, &c.id).unwrap().custom[&budget.id],
        "120000"
    );

    // Only administrators define fields.
    let u = users::add(&t.db, &admin.actor, &common::new_user("sami", "sales_user")).unwrap();
    let sales = users::login(&t.db, "sami", "sami-password").unwrap();
    assert!(fields::list(&t.db, &sales.actor).is_ok());
    assert!(matches!(
        fields::create(&t.db, &sales.actor, &field("س", "X", FieldType::Text)),
        Err(Error::NotPermitted { .. })
    ));
    let _ = u;
}

#[test]
fn the_timeline_lists_interactions_newest_first_in_pages() {
    let (t, admin) = common::ready_db();
    let c = contacts::create(
        &t.db,
        &admin.actor,
        &lead("منى الشهري", "0553334455"),
        false,
    )
    .unwrap();
    let log = |kind, outcome: &str, at: &str| {
        interactions::log(
            &t.db,
            &admin.actor,
            &InteractionInput {
                contact_id: c.id.clone(),
                kind,
                direction: Some(Direction::Out),
                outcome: outcome.into(),
                body: String::new(),
                occurred_at: Some(at.into()),
                doc_id: None,
            },
        )
        .unwrap()
    };
    log(
        InteractionKind::Call,
        "no_answer",
        "2026-11-20T09:00:00+03:00",
    );
    let visit = log(
        InteractionKind::Visit,
        "interested",
        "2026-11-21T17:30:00+03:00",
    );
    log(
        InteractionKind::Call,
        "answered",
        "2026-11-22T10:00:00+03:00",
    );
    // Times are stored in UTC.
    assert_eq!(visit.occurred_at, "2026-11-21T14:30:00.000Z");
    // An outcome that does not belong to the kind is refused.
    let e = interactions::log(
        &t.db,
        &admin.actor,
        &InteractionInput {
            contact_id: c.id.clone(),
            kind: InteractionKind::Call,
            direction: None,
            outcome: "bought".into(),
            body: String::new(),
            occurred_at: None,
            doc_id: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.to_payload().field, Some("outcome"));

    let first = contacts::timeline(
        &t.db,
        &admin.actor,
        &c.id,
        &TimelineQuery {
            limit: Some(2),
            after: None,
        },
    )
    .unwrap();
    // The contact's creation (now) is newest, then the call of the 22nd.
    let kinds: Vec<&str> = first.items.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "call"]);
    assert_eq!(first.items[0].by_name.as_deref(), Some("مدير النظام"));
    let second = contacts::timeline(
        &t.db,
        &admin.actor,
        &c.id,
        &TimelineQuery {
            limit: Some(2),
            after: first.next.clone(),
        },
    )
    .unwrap();
    let outcomes: Vec<&str> = second.items.iter().map(|e| e.outcome.as_str()).collect();
    assert_eq!(outcomes, ["interested", "no_answer"]);
    assert!(second.next.is_none());

    // Deleting an interaction can be undone.
    interactions::delete(&t.db, &admin.actor, &visit.id).unwrap();
    let all = contacts::timeline(&t.db, &admin.actor, &c.id, &TimelineQuery::default()).unwrap();
    assert_eq!(all.items.len(), 3);
    interactions::restore(&t.db, &admin.actor, &visit.id).unwrap();
    let all = contacts::timeline(&t.db, &admin.actor, &c.id, &TimelineQuery::default()).unwrap();
    assert_eq!(all.items.len(), 4);
}

#[test]
fn purchases_show_on_the_card_and_in_the_timeline() {
    let (t, admin) = common::ready_db();
    let c = contacts::create(&t.db, &admin.actor, &lead("فهد", "0554445566"), false).unwrap();
    t.db.write(|tx| {
        contacts::purchases::record_in(
            tx,
            &PurchaseInput {
                contact_id: c.id.clone(),
                doc_type: "invoice".into(),
                doc_id: None,
                doc_number: "INV-2026-0001".into(),
                description: "تويوتا كامري 2026".into(),
                amount: "126500.50".parse().unwrap(),
                currency: "SAR".into(),
                purchased_at: "2026-11-01T10:00:00.000Z".into(),
            },
        )
    })
    .unwrap();
    let p = contacts::purchases(&t.db, &admin.actor, &c.id).unwrap();
    assert_eq!(p[0].amount.to_string(), "126500.50");
    let tl = contacts::timeline(&t.db, &admin.actor, &c.id, &TimelineQuery::default()).unwrap();
    let purchase = tl.items.iter().find(|e| e.source == "purchase").unwrap();
    assert_eq!(purchase.amount.as_deref(), Some("126500.50"));
    assert_eq!(purchase.reference.as_deref(), Some("INV-2026-0001"));
}

#[test]
fn a_deleted_contact_can_be_restored_and_is_found_again() {
    let (t, admin) = common::ready_db();
    let c = contacts::create(&t.db, &admin.actor, &lead("ريم", "0555556677"), false).unwrap();
    contacts::delete(&t.db, &admin.actor, &c.id).unwrap();
    assert_eq!(found(&t, &admin.actor, "ريم"), 0);
    contacts::restore(&t.db, &admin.actor, &c.id).unwrap();
    assert_eq!(found(&t, &admin.actor, "ريم"), 1);
    assert_eq!(found(&t, &admin.actor, "6677"), 1);
}

#[test]
fn bulk_assign_and_tag_change_all_or_nothing() {
    let (t, admin) = common::ready_db();
    let sami = users::add(&t.db, &admin.actor, &common::new_user("sami", "sales_user")).unwrap();
    let ids: Vec<String> = (0..3)
        .map(|i| {
            contacts::create(
                &t.db,
                &admin.actor,
                &lead(&format!("عميل {i}"), &format!("055000000{i}")),
                false,
            )
            .unwrap()
            .id
        })
        .collect();
    assert_eq!(
        contacts::assign_owner(&t.db, &admin.actor, &ids, Some(&sami.id)).unwrap(),
        3
    );
    assert_eq!(
        contacts::get(&t.db, &admin.actor, &ids[2])
            .unwrap()
            .owner_id,
        Some(sami.id.clone())
    );
    assert_eq!(
        contacts::bulk_tag(&t.db, &admin.actor, &ids, &["معرض الربيع".into()], &[]).unwrap(),
        3
    );
    // Tags are searchable straight away, and removing compares Arabic-normalised.
    assert_eq!(found(&t, &admin.actor, "الربيع"), 3);
    contacts::bulk_tag(&t.db, &admin.actor, &ids[..1], &[], &["معرض الربيع".into()]).unwrap();
    assert_eq!(found(&t, &admin.actor, "الربيع"), 2);

    // A sales user owning only some of them may not change the batch: nothing changes.
    let mine = contacts::create(&t.db, &admin.actor, &lead("ليلى", "0551239876"), false).unwrap();
    let sales = users::login(&t.db, "sami", "sami-password").unwrap();
    let mut mixed = ids.clone();
    mixed.push(mine.id.clone());
    assert!(contacts::bulk_tag(&t.db, &sales.actor, &mixed, &["x".into()], &[]).is_err());
    assert_eq!(found(&t, &admin.actor, "x"), 0);
    // …but may tag their own.
    assert_eq!(
        contacts::bulk_tag(&t.db, &sales.actor, &ids, &["متابعة".into()], &[]).unwrap(),
        3
    );
    // Handing contacts to someone else needs the right over all records.
    assert!(contacts::assign_owner(&t.db, &sales.actor, &ids, Some(&admin.user.id)).is_err());
}

#[test]
fn pasted_text_fills_a_contact_that_saves_as_is() {
    let (t, admin) = common::ready_db();
    let text = "مع التحية،\nم. خالد عبدالله الغامدي\nمدير المبيعات - معرض النخبة للسيارات\nجوال: ٠٥٥٠١٢٣٤٥٦\nIG: @alnukhba_cars\nالرياض، حي العليا، طريق الملك فهد";
    let input = contacts::from_text(&t.db, &admin.actor, text).unwrap();
    assert_eq!(input.name_ar, "خالد عبدالله الغامدي");
    assert_eq!(input.company_name, "معرض النخبة للسيارات");
    assert_eq!(input.addresses[0].label, AddressLabel::Work);
    let c = contacts::create(&t.db, &admin.actor, &input, false).unwrap();
    assert_eq!(c.phones[0].e164, "+966550123456");
    assert_eq!(c.social[0].network, SocialNetwork::Instagram);
    assert_eq!(c.city, "الرياض");
}

#[test]
fn a_vcf_file_imports_all_its_cards_or_none() {
    use maarid_core::contacts::{DuplicatePolicy, RowOutcome};
    let (t, admin) = common::ready_db();
    let vcf = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/vcf/02-iphone-export-4-cards.vcf"
    ))
    .unwrap();
    let r = contacts::import_vcf(
        &t.db,
        &admin.actor,
        &vcf,
        ContactKind::Customer,
        DuplicatePolicy::Refuse,
    )
    .unwrap();
    assert!(r.report.saved, "{:?}", r.report);
    assert_eq!((r.report.total, r.report.created), (4, 4));
    assert_eq!(r.names.len(), 4);
    let id = r.report.rows[0].id.clone().unwrap();
    assert_eq!(
        contacts::get(&t.db, &admin.actor, &id).unwrap().kind,
        ContactKind::Customer
    );
    // The same file again: every card is a duplicate, so nothing is written…
    let again = contacts::import_vcf(
        &t.db,
        &admin.actor,
        &vcf,
        ContactKind::Customer,
        DuplicatePolicy::Refuse,
    )
    .unwrap();
    assert!(!again.report.saved);
    assert!(again
        .report
        .rows
        .iter()
        .all(|r| r.outcome == RowOutcome::Error));
    assert_eq!(common::count(&t.db, "SELECT COUNT(*) FROM contacts"), 4);
    // …unless duplicates are skipped.
    let skip = contacts::import_vcf(
        &t.db,
        &admin.actor,
        &vcf,
        ContactKind::Customer,
        DuplicatePolicy::Skip,
    )
    .unwrap();
    assert!(skip.report.saved);
    assert_eq!(skip.report.skipped, 4);
    // Not a vCard at all.
    assert!(contacts::import_vcf(
        &t.db,
        &admin.actor,
        "hello",
        ContactKind::Lead,
        DuplicatePolicy::Refuse
    )
    .is_err());
}
