//! Contacts on a real database: saving with phones typed many ways, Arabic-aware search
//! by spelling variants and by the last digits, duplicate detection, permissions.

mod common;

use maarid_core::contacts::{
    self, ContactInput, ContactKind, DuplicateReason, PhoneInput, PhoneLabel, SearchQuery,
};
use maarid_core::users;

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

fn names(page: &contacts::SearchPage) -> Vec<String> {
    page.items.iter().map(|c| c.name_ar.clone()).collect()
}

fn find(t: &common::TestDb, actor: &maarid_core::access::Actor, text: &str) -> Vec<String> {
    names(
        &contacts::search(
            &t.db,
            actor,
            &SearchQuery {
                text: text.into(),
                ..Default::default()
            },
        )
        .unwrap(),
    )
}

#[test]
fn a_contact_keeps_phones_as_typed_and_in_e164() {
    let (t, admin) = common::ready_db();
    let mut input = person("أحمد الغامدي", "٠٥٥١٢٣٤٥٦٧");
    input.phones.push(PhoneInput {
        number: "+966 11 234 5678".into(),
        label: PhoneLabel::Work,
    });
    input.emails = vec!["  Ahmed@Example.COM ".into()];
    input.tags = vec!["VIP".into(), "vip".into(), "سيارات".into()];
    let c = contacts::create(&t.db, &admin.actor, &input, false).unwrap();
    assert_eq!(c.phones[0].raw, "٠٥٥١٢٣٤٥٦٧");
    assert_eq!(c.phones[0].e164, "+966551234567");
    assert_eq!(c.phones[1].e164, "+966112345678");
    assert_eq!(c.emails, ["ahmed@example.com"]);
    assert_eq!(
        c.tags.len(),
        2,
        "tags differing only in case are one tag: {:?}",
        c.tags
    );
    assert_eq!(
        c.owner_id, admin.actor.user_id,
        "the creator owns it by default"
    );
    assert_eq!(contacts::get(&t.db, &admin.actor, &c.id).unwrap(), c);
}

#[test]
fn bad_input_is_refused_and_nothing_is_saved() {
    let (t, admin) = common::ready_db();
    let e = contacts::create(&t.db, &admin.actor, &ContactInput::default(), false).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let e = contacts::create(&t.db, &admin.actor, &person("سعيد", "12"), false).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let mut bad_email = person("سعيد", "0551234567");
    bad_email.emails = vec!["not-an-email".into()];
    assert_eq!(
        contacts::create(&t.db, &admin.actor, &bad_email, false)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM contacts"), 0);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM contact_phones"),
        0
    );
}

#[test]
fn search_finds_spelling_variants_and_phone_digits() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    contacts::create(
        &t.db,
        a,
        &person("أحمد عبد الله القحطاني", "0551234567"),
        false,
    )
    .unwrap();
    contacts::create(&t.db, a, &person("فاطمة الزهراء", "0509876543"), false).unwrap();
    contacts::create(
        &t.db,
        a,
        &person("مصطفى إبراهيم", "+971 50 123 4567"),
        false,
    )
    .unwrap();
    contacts::create(&t.db, a, &person("مؤسسة النخبة", "0114567890"), false).unwrap();

    // Hamza forms, diacritics, tatweel, ta marbuta, alef maqsura.
    assert_eq!(find(&t, a, "احمد"), ["أحمد عبد الله القحطاني"]);
    assert_eq!(find(&t, a, "أَحْمَد"), ["أحمد عبد الله القحطاني"]);
    assert_eq!(find(&t, a, "احـــمد"), ["أحمد عبد الله القحطاني"]);
    assert_eq!(find(&t, a, "فاطمه"), ["فاطمة الزهراء"]);
    assert_eq!(find(&t, a, "مصطفي ابراهيم"), ["مصطفى إبراهيم"]);
    assert_eq!(find(&t, a, "موسسه"), ["مؤسسة النخبة"]);
    // Word prefixes, in any order.
    assert_eq!(find(&t, a, "القحط أح"), ["أحمد عبد الله القحطاني"]);
    // Phone digits: the last digits, the national form, Arabic-Indic digits, 00 prefix.
    // "1234567" ends 0551234567 and +971501234567; "4567" is also in 0114567890.
    let mut last7 = find(&t, a, "1234567");
    last7.sort();
    assert_eq!(last7, ["أحمد عبد الله القحطاني", "مصطفى إبراهيم"]);
    assert_eq!(find(&t, a, "4567").len(), 3);
    assert_eq!(find(&t, a, "٤٥٦٧").len(), 3, "Arabic-Indic digits");
    assert_eq!(find(&t, a, "0509876543"), ["فاطمة الزهراء"]);
    assert_eq!(find(&t, a, "00971501234567"), ["مصطفى إبراهيم"]);
    assert!(find(&t, a, "خالد").is_empty());
}

#[test]
fn names_starting_with_the_query_come_first_and_pages_do_not_overlap() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    for i in 0..30 {
        contacts::create(
            &t.db,
            a,
            &person(&format!("عميل {i}"), &format!("05512{:05}", i * 7)),
            false,
        )
        .unwrap();
    }
    // Names that start with the first word come before names that only contain it,
    // newest first within each group.
    contacts::create(&t.db, a, &person("سامي الأحمد", "0557000001"), false).unwrap();
    contacts::create(&t.db, a, &person("أحمد سامي", "0557000002"), false).unwrap();
    contacts::create(&t.db, a, &person("سامية محمد", "0557000003"), false).unwrap();
    assert_eq!(
        find(&t, a, "سامي"),
        ["سامية محمد", "سامي الأحمد", "أحمد سامي"]
    );

    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = contacts::search(
            &t.db,
            a,
            &SearchQuery {
                text: "عميل".into(),
                limit: Some(7),
                after: after.clone(),
                ..Default::default()
            },
        )
        .unwrap();
        seen.extend(names(&page));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 30, "every contact exactly once across pages");
}

#[test]
fn the_same_phone_typed_differently_is_a_duplicate_until_the_user_saves_anyway() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let first = contacts::create(&t.db, a, &person("خالد", "0551234567"), false).unwrap();
    for typed in [
        "+966 55 123 4567",
        "00966551234567",
        "966551234567",
        "٠٥٥-١٢٣-٤٥٦٧",
    ] {
        let e = contacts::create(&t.db, a, &person("خالد السبيعي", typed), false).unwrap_err();
        assert_eq!(e.code(), "possible_duplicate", "{typed}");
        let details = e.to_payload().details.expect("the matches go to the UI");
        assert_eq!(details[0]["contact_id"], first.id.as_str());
        assert_eq!(details[0]["reason"], "same_phone");
    }
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM contacts"), 1);
    let second =
        contacts::create(&t.db, a, &person("خالد السبيعي", "+966 55 123 4567"), true).unwrap();
    assert_ne!(second.id, first.id);
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM audit_log WHERE action = 'contact.duplicate_accepted'"
        ),
        1
    );
    // Editing either contact does not ask again about the duplicate already accepted,
    // nor flag a contact as its own duplicate.
    contacts::update(
        &t.db,
        a,
        &first.id,
        &person("خالد العتيبي", "0551234567"),
        false,
    )
    .unwrap();
    contacts::update(
        &t.db,
        a,
        &second.id,
        &person("خالد السبيعي", "+966 55 123 4567"),
        false,
    )
    .unwrap();
    // A new match introduced by an edit is still caught.
    contacts::create(&t.db, a, &person("سالم", "0509999999"), false).unwrap();
    let e = contacts::update(
        &t.db,
        a,
        &first.id,
        &person("خالد العتيبي", "0509999999"),
        false,
    )
    .unwrap_err();
    assert_eq!(e.code(), "possible_duplicate");
    let only = contacts::check_duplicates(&t.db, a, &person("خالد", "0551234567"), Some(&first.id))
        .unwrap();
    assert!(only.iter().all(|m| m.contact_id != first.id));
}

#[test]
fn email_duplicates_of_leads_follow_the_crm_setting_and_names_need_the_same_city() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let lead = |name: &str, email: &str, city: &str| ContactInput {
        kind: Some(ContactKind::Lead),
        name_ar: name.into(),
        emails: vec![email.into()],
        city: city.into(),
        ..Default::default()
    };
    contacts::create(
        &t.db,
        a,
        &lead("نورة", "noura@example.com", "الرياض"),
        false,
    )
    .unwrap();
    let e =
        contacts::create(&t.db, a, &lead("نوره س", "NOURA@example.com", ""), false).unwrap_err();
    assert_eq!(e.code(), "possible_duplicate");
    let mut s = maarid_core::settings::get(&t.db).unwrap();
    s.allow_lead_duplicates_by_email = true;
    maarid_core::settings::update(&t.db, a, &s).unwrap();
    contacts::create(&t.db, a, &lead("نوره س", "noura@example.com", ""), false).unwrap();

    // Same normalised name in the same city is a possible duplicate; another city is not.
    let m = contacts::check_duplicates(&t.db, a, &lead("نوره", "x@example.com", "الرياض"), None)
        .unwrap();
    assert!(
        m.iter()
            .any(|m| m.reason == DuplicateReason::SimilarNameSameCity),
        "{m:?}"
    );
    let m =
        contacts::check_duplicates(&t.db, a, &lead("نوره", "x@example.com", "جدة"), None).unwrap();
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn sales_users_find_every_contact_but_edit_only_their_own() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let admins = contacts::create(
        &t.db,
        &admin.actor,
        &person("عميل المدير", "0551111111"),
        false,
    )
    .unwrap();
    let hers = contacts::create(&t.db, &sara, &person("عميلة سارة", "0552222222"), false).unwrap();
    assert_eq!(hers.owner_id, sara.user_id);
    assert_eq!(
        find(&t, &sara, "عميل").len(),
        2,
        "read right is 'all' for contacts"
    );
    contacts::update(
        &t.db,
        &sara,
        &hers.id,
        &person("عميلة سارة الجديدة", "0552222222"),
        false,
    )
    .unwrap();
    let e = contacts::update(
        &t.db,
        &sara,
        &admins.id,
        &person("تغيير", "0551111111"),
        false,
    )
    .unwrap_err();
    assert_eq!(e.code(), "not_permitted");
    assert_eq!(
        contacts::delete(&t.db, &sara, &hers.id).unwrap_err().code(),
        "not_permitted"
    );
    let mut for_admin = person("لغيري", "0553333333");
    for_admin.owner_id = admin.actor.user_id.clone();
    assert_eq!(
        contacts::create(&t.db, &sara, &for_admin, false)
            .unwrap_err()
            .code(),
        "not_permitted"
    );

    contacts::delete(&t.db, &admin.actor, &admins.id).unwrap();
    assert_eq!(
        find(&t, &admin.actor, "عميل"),
        ["عميلة سارة الجديدة"],
        "deleted contacts leave search"
    );
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL"
        ),
        1,
        "kept as a tombstone"
    );
}

#[test]
fn a_refused_phone_or_email_names_its_entry() {
    let (t, admin) = common::ready_db();
    let mut input = person("هند", "0551234567");
    input.phones.push(PhoneInput {
        number: "12".into(),
        label: PhoneLabel::Work,
    });
    let e = contacts::create(&t.db, &admin.actor, &input, false).unwrap_err();
    let p = e.to_payload();
    assert_eq!(
        (p.code, p.field, p.index),
        ("invalid_input", Some("phone"), Some(1))
    );
    assert!(p.message_ar.contains("رقم 2"), "{}", p.message_ar);
    assert!(p.message_en.contains("no. 2"), "{}", p.message_en);

    let mut input = person("هند", "0551234567");
    input.emails = vec!["hind@example.com".into(), "".into(), "broken@".into()];
    let p = contacts::create(&t.db, &admin.actor, &input, false)
        .unwrap_err()
        .to_payload();
    assert_eq!(
        (p.field, p.index),
        (Some("email"), Some(2)),
        "the position in the list sent"
    );
    assert_eq!(common::count(&t.db, "SELECT count(*) FROM contacts"), 0);
}
