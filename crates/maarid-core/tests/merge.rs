//! Merging contacts and undoing the merge, on a real database with linked records.

mod common;

use std::collections::BTreeMap;

use maarid_core::contacts::{
    self, ContactInput, ContactKind, MergeInput, PhoneInput, PhoneLabel, PurchaseInput,
    SearchQuery, TimelineQuery,
};
use maarid_core::interactions::{self, InteractionInput, InteractionKind};
use maarid_core::{users, Error};

fn person(kind: ContactKind, name_ar: &str, phone: &str) -> ContactInput {
    ContactInput {
        kind: Some(kind),
        name_ar: name_ar.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        ..Default::default()
    }
}

fn call(
    t: &common::TestDb,
    actor: &maarid_core::access::Actor,
    contact: &str,
    body: &str,
) -> String {
    interactions::log(
        &t.db,
        actor,
        &InteractionInput {
            contact_id: contact.into(),
            kind: InteractionKind::Call,
            direction: None,
            outcome: "answered".into(),
            body: body.into(),
            occurred_at: None,
            doc_id: None,
        },
    )
    .unwrap()
    .id
}

fn purchase(t: &common::TestDb, contact: &str) -> String {
    t.db.write(|tx| {
        contacts::purchases::record_in(
            tx,
            &PurchaseInput {
                contact_id: contact.into(),
                doc_type: "invoice".into(),
                doc_id: None,
                doc_number: "INV-1".into(),
                description: "ثلاجة".into(),
                amount: "3499.00".parse().unwrap(),
                currency: "SAR".into(),
                purchased_at: "2026-10-01T08:00:00.000Z".into(),
            },
        )
    })
    .unwrap()
}

fn contact_of(t: &common::TestDb, table: &str, id: &str) -> String {
    t.db.read(|c| {
        Ok(c.query_row(
            &format!("SELECT contact_id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?)
    })
    .unwrap()
}

fn hits(t: &common::TestDb, actor: &maarid_core::access::Actor, text: &str) -> Vec<String> {
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
    .into_iter()
    .map(|c| c.id)
    .collect()
}

#[test]
fn merge_moves_everything_to_the_survivor_and_undo_puts_it_all_back() {
    let (t, admin) = common::ready_db();
    let mut a = person(ContactKind::Customer, "عبدالله الدوسري", "0551230001");
    a.emails = vec!["abdullah@example.com".into()];
    a.notes = "عميل منذ ٢٠٢٠".into();
    a.tags = vec!["VIP".into()];
    let a = contacts::create(&t.db, &admin.actor, &a, false).unwrap();
    let mut b = person(ContactKind::Lead, "عبد الله الدوسري", "0561230002");
    b.name_latin = "Abdullah Aldosari".into();
    b.city = "الخبر".into();
    b.notes = "يسأل عن التقسيط".into();
    b.tags = vec!["تمويل".into()];
    let b = contacts::create(&t.db, &admin.actor, &b, false).unwrap();
    let c = contacts::create(
        &t.db,
        &admin.actor,
        &person(ContactKind::Lead, "أبو فيصل", "0571230003"),
        false,
    )
    .unwrap();

    let call_a = call(&t, &admin.actor, &a.id, "سأل عن الضمان");
    let call_b = call(&t, &admin.actor, &b.id, "حجز موعد");
    let call_c = call(&t, &admin.actor, &c.id, "");
    let buy_b = purchase(&t, &b.id);

    // The user keeps A, takes B's Arabic spelling, and leaves the rest to the defaults.
    let out = contacts::merge(
        &t.db,
        &admin.actor,
        &MergeInput {
            survivor_id: a.id.clone(),
            merged_ids: vec![b.id.clone(), c.id.clone()],
            picks: BTreeMap::from([("name_ar".to_string(), b.id.clone())]),
        },
    )
    .unwrap();
    let s = &out.survivor;
    assert_eq!(s.name_ar, "عبد الله الدوسري");
    assert_eq!(
        s.kind,
        ContactKind::Customer,
        "the survivor's kind by default"
    );
    assert_eq!(
        s.name_latin, "Abdullah Aldosari",
        "an empty field takes the first filled one"
    );
    assert_eq!(s.city, "الخبر");
    assert_eq!(s.phones.len(), 3);
    assert_eq!(s.tags.len(), 2);
    assert!(
        s.notes.contains("عميل منذ") && s.notes.contains("التقسيط"),
        "notes are joined: {}",
        s.notes
    );
    assert_eq!(out.moved["interactions"], 2);
    assert_eq!(out.moved["contact_purchases"], 1);
    for row in [&call_a, &call_b, &call_c] {
        assert_eq!(contact_of(&t, "interactions", row), a.id);
    }
    assert_eq!(contact_of(&t, "contact_purchases", &buy_b), a.id);
    // The merged contacts leave lists and searches; their phones find the survivor.
    assert!(contacts::get(&t.db, &admin.actor, &b.id).is_err());
    assert_eq!(hits(&t, &admin.actor, "1230002"), vec![a.id.clone()]);
    assert_eq!(hits(&t, &admin.actor, "ابو فيصل"), Vec::<String>::new());
    let tl = contacts::timeline(&t.db, &admin.actor, &a.id, &TimelineQuery::default()).unwrap();
    assert!(tl
        .items
        .iter()
        .any(|e| e.kind == "merged" && e.body.contains("أبو فيصل")));

    // Something logged after the merge stays with the survivor on undo.
    let later = call(&t, &admin.actor, &a.id, "بعد الدمج");

    let undone = contacts::unmerge(&t.db, &admin.actor, &b.id).unwrap();
    assert!(undone.undone_at.is_some());
    assert_eq!(
        contacts::get(&t.db, &admin.actor, &a.id).unwrap().phones,
        a.phones
    );
    let back_a = contacts::get(&t.db, &admin.actor, &a.id).unwrap();
    assert_eq!(
        (back_a.name_ar.as_str(), back_a.notes.as_str()),
        (a.name_ar.as_str(), a.notes.as_str())
    );
    assert_eq!(back_a.tags, a.tags);
    let mut back_b = contacts::get(&t.db, &admin.actor, &b.id).unwrap();
    assert!(
        back_b.updated_at > b.updated_at,
        "coming back is a change (for sync)"
    );
    back_b.updated_at = b.updated_at.clone();
    assert_eq!(back_b, b, "the merged contact returns exactly as it was");
    assert_eq!(contact_of(&t, "interactions", &call_b), b.id);
    assert_eq!(contact_of(&t, "interactions", &call_c), c.id);
    assert_eq!(contact_of(&t, "interactions", &call_a), a.id);
    assert_eq!(contact_of(&t, "interactions", &later), a.id);
    assert_eq!(contact_of(&t, "contact_purchases", &buy_b), b.id);
    assert_eq!(hits(&t, &admin.actor, "1230002"), vec![b.id.clone()]);
    assert_eq!(hits(&t, &admin.actor, "ابو فيصل"), vec![c.id.clone()]);

    // Undoing twice is refused and changes nothing.
    assert!(matches!(
        contacts::unmerge(&t.db, &admin.actor, &undone.id),
        Err(Error::MergeAlreadyUndone)
    ));
    let tl = contacts::timeline(&t.db, &admin.actor, &a.id, &TimelineQuery::default()).unwrap();
    assert!(tl.items.iter().any(|e| e.kind == "merge_undone"));
}

#[test]
fn a_merge_that_breaks_a_rule_changes_nothing() {
    let (t, admin) = common::ready_db();
    let a = contacts::create(
        &t.db,
        &admin.actor,
        &person(ContactKind::Lead, "هند", "0551110001"),
        false,
    )
    .unwrap();
    let b = contacts::create(
        &t.db,
        &admin.actor,
        &person(ContactKind::Lead, "هند", "0551110002"),
        true,
    )
    .unwrap();
    let bad = |m: MergeInput| contacts::merge(&t.db, &admin.actor, &m).unwrap_err();
    // Not two contacts, the same one twice, an unknown field.
    assert!(matches!(
        bad(MergeInput {
            survivor_id: a.id.clone(),
            merged_ids: vec![],
            ..Default::default()
        }),
        Error::Invalid { .. }
    ));
    assert!(matches!(
        bad(MergeInput {
            survivor_id: a.id.clone(),
            merged_ids: vec![a.id.clone()],
            ..Default::default()
        }),
        Error::Invalid { .. }
    ));
    assert!(matches!(
        bad(MergeInput {
            survivor_id: a.id.clone(),
            merged_ids: vec![b.id.clone()],
            picks: BTreeMap::from([("password".to_string(), b.id.clone())]),
        }),
        Error::Invalid { .. }
    ));
    assert_eq!(
        common::count(&t.db, "SELECT COUNT(*) FROM contact_merges"),
        0
    );
    assert_eq!(
        common::count(
            &t.db,
            "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"
        ),
        2
    );
}

#[test]
fn merging_needs_the_rights_over_every_contact_involved() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sami", "sales_user")).unwrap();
    let sami = users::login(&t.db, "sami", "sami-password").unwrap();
    let mine = contacts::create(
        &t.db,
        &sami.actor,
        &person(ContactKind::Lead, "نواف", "0559990001"),
        false,
    )
    .unwrap();
    let theirs = contacts::create(
        &t.db,
        &admin.actor,
        &person(ContactKind::Lead, "نواف", "0559990002"),
        true,
    )
    .unwrap();
    let e = contacts::merge(
        &t.db,
        &sami.actor,
        &MergeInput {
            survivor_id: mine.id.clone(),
            merged_ids: vec![theirs.id.clone()],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, Error::NotPermitted { .. }), "{e:?}");
    assert!(contacts::get(&t.db, &admin.actor, &theirs.id).is_ok());
}

#[test]
fn merging_from_the_duplicate_prompt_adds_the_new_details_and_can_be_undone() {
    let (t, admin) = common::ready_db();
    let existing = contacts::create(
        &t.db,
        &admin.actor,
        &person(ContactKind::Customer, "ماجد الحربي", "0553217654"),
        false,
    )
    .unwrap();
    let mut typed = person(ContactKind::Lead, "ماجد", "+966 55 321 7654");
    typed.emails = vec!["majed@example.com".into()];
    typed.city = "بريدة".into();
    let out = contacts::create_into(&t.db, &admin.actor, &typed, &existing.id).unwrap();
    let s = &out.survivor;
    assert_eq!(s.id, existing.id);
    assert_eq!(
        s.name_ar, "ماجد الحربي",
        "the existing contact keeps its values"
    );
    assert_eq!(s.phones.len(), 1, "the same number is not added twice");
    assert_eq!(s.emails, ["majed@example.com"]);
    assert_eq!(s.city, "بريدة", "empty fields are filled");
    assert_eq!(
        common::count(
            &t.db,
            "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"
        ),
        1
    );
    contacts::unmerge(&t.db, &admin.actor, &out.merge.id).unwrap();
    assert_eq!(
        common::count(
            &t.db,
            "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"
        ),
        2
    );
    assert!(contacts::get(&t.db, &admin.actor, &existing.id)
        .unwrap()
        .emails
        .is_empty());
}
