//! Saving many contacts at once: all or nothing, duplicates against the database and
//! within the batch under each policy, rights, one audit entry, and the same stored
//! contact as a single save.

mod common;

use maarid_core::contacts::{
    self, ContactInput, ContactKind, DuplicatePolicy, DuplicateReason, PhoneInput, PhoneLabel,
    RowOutcome, SearchQuery,
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

fn live(t: &common::TestDb) -> i64 {
    common::count(
        &t.db,
        "SELECT count(*) FROM contacts WHERE deleted_at IS NULL",
    )
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
fn a_clean_batch_is_saved_whole_with_one_audit_entry() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let inputs: Vec<ContactInput> = (0..50)
        .map(|i| person(&format!("عميل رقم {i}"), &format!("05512{:05}", i)))
        .collect();
    let r = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Refuse).unwrap();
    assert!(r.saved);
    assert_eq!((r.total, r.created, r.skipped, r.errors), (50, 50, 0, 0));
    assert!(r.rows.iter().all(|row| row.outcome == RowOutcome::Created
        && row.id.is_some()
        && row.error.is_none()
        && row.duplicates.is_empty()));
    assert_eq!(live(&t), 50);
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM audit_log WHERE action = 'contact.import'"
        ),
        1
    );
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM audit_log WHERE action = 'contact.create'"
        ),
        0,
        "one entry for the batch, not one per contact"
    );
    let after: String =
        t.db.read(|c| {
            Ok(c.query_row(
                "SELECT after FROM audit_log WHERE action = 'contact.import'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["count"], 50);
    assert_eq!(after["ids"].as_array().unwrap().len(), 50);
    assert_eq!(after["ids"][7], r.rows[7].id.as_deref().unwrap());
    // Searchable by words and phone digits, owned by the creator.
    assert_eq!(found(&t, a, "عميل"), 50);
    assert_eq!(found(&t, a, "1200007"), 1);
    let c = contacts::get(&t.db, a, r.rows[3].id.as_deref().unwrap()).unwrap();
    assert_eq!(c.owner_id, a.user_id);
    assert_eq!(c.phones[0].e164, "+966551200003");
    // Nothing to save is not an error.
    let r = contacts::create_batch(&t.db, a, &[], DuplicatePolicy::Refuse).unwrap();
    assert!(r.saved && r.rows.is_empty());
}

#[test]
fn one_bad_row_saves_nothing_and_the_report_names_it() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut bad_phone = person("هند", "0551234567");
    bad_phone.phones.push(PhoneInput {
        number: "12".into(),
        label: PhoneLabel::Work,
    });
    let inputs = vec![
        person("سعد", "0551111111"),
        ContactInput::default(),
        bad_phone,
        person("سعود", "0552222222"),
    ];
    let r = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Allow).unwrap();
    assert!(!r.saved);
    assert_eq!((r.created, r.errors), (2, 2));
    assert_eq!(live(&t), 0);
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM contact_phones"),
        0
    );
    assert_eq!(
        common::count(
            &t.db,
            "SELECT count(*) FROM audit_log WHERE action = 'contact.import'"
        ),
        0
    );
    let outcomes: Vec<RowOutcome> = r.rows.iter().map(|row| row.outcome).collect();
    assert_eq!(
        outcomes,
        [
            RowOutcome::Created,
            RowOutcome::Error,
            RowOutcome::Error,
            RowOutcome::Created
        ]
    );
    assert!(
        r.rows.iter().all(|row| row.id.is_none()),
        "nothing was saved"
    );
    let e = r.rows[1].error.as_ref().unwrap();
    assert_eq!((e.code, e.field), ("invalid_input", Some("name")));
    let e = r.rows[2].error.as_ref().unwrap();
    assert_eq!((e.field, e.index), (Some("phone"), Some(1)));
    assert!(e.message_ar.contains("رقم 2") && e.message_en.contains("no. 2"));

    // The report is what the UI and --json show.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["saved"], false);
    assert_eq!(json["rows"][2]["outcome"], "error");
    assert_eq!(json["rows"][2]["error"]["field"], "phone");
    assert_eq!(json["rows"][0]["outcome"], "created");
}

#[test]
fn duplicates_of_saved_contacts_and_of_earlier_rows_follow_the_policy() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let existing = contacts::create(&t.db, a, &person("خالد", "0551234567"), false).unwrap();
    let mut same_email = person("ريم", "0503333333");
    same_email.emails = vec!["reem@example.com".into()];
    let mut same_email_again = person("ريما", "0504444444");
    same_email_again.emails = vec!["REEM@example.com".into()];
    let mut named = person("ماجد", "0505555555");
    named.city = "الرياض".into();
    let mut named_again = person("ماجد", "0506666666");
    named_again.city = "الرياض".into();
    let inputs = vec![
        person("خالد السبيعي", "+966 55 123 4567"), // the saved contact's phone
        person("سالم", "0507777777"),
        person("سالم الثاني", "٠٥٠٧٧٧٧٧٧٧"), // row 1's phone
        same_email,
        same_email_again, // row 3's email
        named,
        named_again, // row 5's name in the same city
    ];

    let r = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Refuse).unwrap();
    assert!(!r.saved);
    assert_eq!(live(&t), 1);
    let dup_rows: Vec<usize> = r
        .rows
        .iter()
        .filter(|row| row.outcome == RowOutcome::Error)
        .map(|row| row.index)
        .collect();
    assert_eq!(dup_rows, [0, 2, 4, 6]);
    let row0 = &r.rows[0];
    assert_eq!(row0.duplicates.len(), 1);
    assert_eq!(
        row0.duplicates[0].contact_id.as_deref(),
        Some(existing.id.as_str())
    );
    assert_eq!(row0.duplicates[0].reason, DuplicateReason::SamePhone);
    assert_eq!(row0.duplicates[0].display_name, "خالد");
    let e = row0.error.as_ref().unwrap();
    assert_eq!(e.code, "possible_duplicate");
    assert!(!e.message_ar.is_empty() && !e.message_en.is_empty());
    let details = e.details.as_ref().unwrap();
    assert_eq!(details[0]["contact_id"], existing.id.as_str());
    let row2 = &r.rows[2];
    assert_eq!(row2.duplicates[0].row, Some(1));
    assert_eq!(row2.duplicates[0].contact_id, None);
    assert_eq!(row2.duplicates[0].display_name, "سالم");
    assert_eq!(r.rows[4].duplicates[0].reason, DuplicateReason::SameEmail);
    assert_eq!(r.rows[4].duplicates[0].row, Some(3));
    assert_eq!(
        r.rows[6].duplicates[0].reason,
        DuplicateReason::SimilarNameSameCity
    );
    let e = r.rows[2].error.as_ref().unwrap();
    assert_eq!(e.details.as_ref().unwrap()[0]["row"], 1);

    let r = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Skip).unwrap();
    assert!(r.saved);
    assert_eq!((r.created, r.skipped, r.errors), (3, 4, 0));
    assert_eq!(live(&t), 4);
    assert!(r.rows[0].id.is_none() && r.rows[1].id.is_some());

    // Now rows 1, 3 and 5 are saved: every row resembles something, and Allow saves all.
    let r = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Allow).unwrap();
    assert!(r.saved);
    assert_eq!((r.created, r.duplicates_accepted), (7, 7));
    assert_eq!(live(&t), 11);
    let after: String = t
        .db
        .read(|c| {
            Ok(c.query_row(
                "SELECT after FROM audit_log WHERE action = 'contact.import' ORDER BY at DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["count"], 7);
    assert_eq!(after["duplicates_accepted"].as_array().unwrap().len(), 7);
}

#[test]
fn duplicate_checks_agree_with_single_saves() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut saved = person("نورة العتيبي", "0551234567");
    saved.city = "جدة".into();
    saved.emails = vec!["noura@example.com".into()];
    contacts::create(&t.db, a, &saved, false).unwrap();
    let mut lead = person("نوره العتيبي", "0559999999");
    lead.kind = Some(ContactKind::Lead);
    lead.city = "جدة".into();
    lead.emails = vec!["noura@example.com".into()];
    for allow_lead_emails in [false, true] {
        let mut s = maarid_core::settings::get(&t.db).unwrap();
        s.allow_lead_duplicates_by_email = allow_lead_emails;
        maarid_core::settings::update(&t.db, a, &s).unwrap();
        for input in [&saved, &lead, &person("أحمد", "0551234567")] {
            let single: Vec<(String, DuplicateReason)> =
                contacts::check_duplicates(&t.db, a, input, None)
                    .unwrap()
                    .into_iter()
                    .map(|m| (m.contact_id, m.reason))
                    .collect();
            let r = contacts::create_batch(
                &t.db,
                a,
                std::slice::from_ref(input),
                DuplicatePolicy::Refuse,
            )
            .unwrap();
            let batch: Vec<(String, DuplicateReason)> = r.rows[0]
                .duplicates
                .iter()
                .map(|m| (m.contact_id.clone().unwrap(), m.reason))
                .collect();
            assert_eq!(
                batch, single,
                "{input:?} allow_lead_emails={allow_lead_emails}"
            );
        }
    }
}

#[test]
fn rights_are_those_of_a_single_save() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let mut for_admin = person("لغيري", "0553333333");
    for_admin.owner_id = admin.actor.user_id.clone();
    let r = contacts::create_batch(
        &t.db,
        &sara,
        &[person("لي", "0551111111"), for_admin],
        DuplicatePolicy::Refuse,
    )
    .unwrap();
    assert!(!r.saved);
    assert_eq!(r.rows[1].error.as_ref().unwrap().code, "not_permitted");
    assert_eq!(live(&t), 0);
    let r = contacts::create_batch(
        &t.db,
        &sara,
        &[person("لي", "0551111111")],
        DuplicatePolicy::Refuse,
    )
    .unwrap();
    assert!(r.saved);
    let c = contacts::get(&t.db, &sara, r.rows[0].id.as_deref().unwrap()).unwrap();
    assert_eq!(c.owner_id, sara.user_id);

    // Without the right to create contacts at all, the batch is refused whole.
    let nobody = maarid_core::access::Actor {
        permissions: Default::default(),
        ..sara.clone()
    };
    let e = contacts::create_batch(
        &t.db,
        &nobody,
        &[person("x", "0551111112")],
        DuplicatePolicy::Allow,
    )
    .unwrap_err();
    assert_eq!(e.code(), "not_permitted");
}

/// A batch stores exactly what a single save stores, every detail included.
#[test]
fn batch_writes_what_create_writes() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let model = maarid_core::fields::create(
        &t.db,
        a,
        &maarid_core::fields::FieldInput {
            label_ar: "الطراز".into(),
            label_en: "Model".into(),
            field_type: Some(maarid_core::fields::FieldType::Text),
            ..Default::default()
        },
    )
    .unwrap();
    let full = ContactInput {
        kind: Some(ContactKind::Company),
        name_ar: "شركة الأفق".into(),
        name_latin: "Al-Ofoq Co.".into(),
        company_name: "الأفق للتجارة".into(),
        job_title: "مدير المشتريات".into(),
        phones: vec![
            PhoneInput {
                number: "0114567890".into(),
                label: PhoneLabel::Work,
            },
            PhoneInput {
                number: "+971 50 123 4567".into(),
                label: PhoneLabel::Whatsapp,
            },
        ],
        emails: vec!["Info@Ofoq.example".into()],
        city: "الدمام".into(),
        source: Some(maarid_core::contacts::Source::Campaign),
        preferred_channel: Some(maarid_core::contacts::Channel::Whatsapp),
        owner_id: a.user_id.clone(),
        tags: vec!["أسطول".into(), "VIP".into()],
        notes: "عقد سنوي".into(),
        website: "ofoq.example".into(),
        addresses: vec![maarid_core::contacts::Address {
            label: maarid_core::contacts::AddressLabel::Billing,
            line: "طريق الملك سعود".into(),
            city: "الدمام".into(),
            region: "الشرقية".into(),
            postal_code: "32241".into(),
            country: "SA".into(),
        }],
        social: vec![maarid_core::contacts::SocialAccount {
            network: maarid_core::contacts::SocialNetwork::Linkedin,
            handle: "company/ofoq".into(),
        }],
        custom: [(model.id.clone(), "هايلكس".to_string())].into(),
    };
    let single = contacts::create(&t.db, a, &full, true).unwrap();
    let r = contacts::create_batch(
        &t.db,
        a,
        std::slice::from_ref(&full),
        DuplicatePolicy::Allow,
    )
    .unwrap();
    let batched = contacts::get(&t.db, a, r.rows[0].id.as_deref().unwrap()).unwrap();
    let mut same = batched.clone();
    same.id = single.id.clone();
    same.created_at = single.created_at.clone();
    same.updated_at = single.updated_at.clone();
    assert_eq!(same, single);
    // The same row columns and search entries.
    let row = |id: &str| -> Vec<String> {
        t.db.read(|c| {
            Ok(c.query_row(
                "SELECT name_norm, name_key, created_by, num FROM contacts WHERE id = ?1",
                [id],
                |r| {
                    Ok(vec![
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    ])
                },
            )?)
        })
        .unwrap()
    };
    assert_eq!(row(&batched.id), row(&single.id));
    for text in [
        "الأفق",
        "ofoq",
        "4567890",
        "مدير",
        "أسطول",
        "info@ofoq.example",
        "1234567",
    ] {
        assert_eq!(found(&t, a, text), 2, "{text}");
    }
}

#[test]
fn a_few_thousand_rows_go_in_one_call() {
    // Not a timing test: a sanity check that a few thousand rows go through in one
    // call (the CLI's `bench search` measures the rate).
    let (t, admin) = common::ready_db();
    let inputs: Vec<ContactInput> = (0..3_000)
        .map(|i| person(&format!("عميل {i}"), &format!("0551{:06}", i)))
        .collect();
    let r = contacts::create_batch(&t.db, &admin.actor, &inputs, DuplicatePolicy::Refuse).unwrap();
    assert!(r.saved);
    assert_eq!(live(&t), 3_000);
}
