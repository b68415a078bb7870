//! Expiry alerts computed from the data: a quotation's validity (its lead time before)
//! and an inquiry's follow-up date (on the day), delivered once, muted by kind, and
//! gone when the record no longer waits on its date.

mod common;
mod reminder_fixtures;
mod sales_fixtures;

use chrono::NaiveDate;
use maarid_core::alerts::{self, NotificationKind, RecordKind};
use maarid_core::inquiries::{self, InquiryChannel, InquiryInput, InquiryItemInput};
use maarid_core::quotes::{self, QuoteStatus, StatusChange};
use maarid_core::{users, Db};
use reminder_fixtures::*;
use rust_decimal::Decimal;
use sales_fixtures::{contact, input, line};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn due(db: &Db, now: &str) -> Vec<alerts::Occurrence> {
    db.read(|c| alerts::due_at(c, utc(now))).unwrap()
}

fn next_due(db: &Db, now: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    db.read(|c| alerts::next_due(c, utc(now))).unwrap()
}

#[test]
fn a_quotation_warns_its_owner_two_days_before_it_expires_once() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let c = contact(&t.db, a, "أحمد القحطاني", "0551234567");
    let mut q = input(&c, vec![line("تويوتا كامري", "1", "125000", "15")]);
    q.valid_until = Some(ymd(2026, 12, 10));
    let q = quotes::create(&t.db, a, &q).unwrap();

    // Lead time 2 days (the default), at the morning hour (09:00 Riyadh = 06:00Z).
    assert_eq!(
        next_due(&t.db, "2026-12-01T00:00:00Z"),
        Some(utc("2026-12-08T06:00:00Z"))
    );
    assert!(due(&t.db, "2026-12-08T05:59:00Z").is_empty());
    let d = due(&t.db, "2026-12-08T06:00:00Z");
    assert_eq!(d.len(), 1);
    let o = &d[0];
    assert_eq!(o.kind, NotificationKind::QuotationExpiry);
    assert_eq!(o.source_id, q.id);
    assert_eq!(o.event_on, Some(ymd(2026, 12, 10)));
    assert_eq!(
        o.occurrence_at,
        utc("2026-12-10T06:00:00Z"),
        "identified by the date"
    );
    assert_eq!(o.recipient_id.as_deref(), Some(admin.user.id.as_str()));
    assert_eq!(o.open.as_ref().unwrap().kind, RecordKind::Quotation);
    assert!(o.title.en.contains(&q.number) && o.title.en.contains("أحمد القحطاني"));
    assert!(o.title.ar.starts_with("عرض السعر"));

    assert_eq!(
        alerts::deliver(&t.db, &d, utc("2026-12-08T06:00:00Z"))
            .unwrap()
            .len(),
        1
    );
    assert!(
        due(&t.db, "2026-12-09T06:00:00Z").is_empty(),
        "delivered once"
    );

    // A longer lead time does not alert again about the same date.
    set_kind(&t.db, a, NotificationKind::QuotationExpiry, false, Some(5));
    assert!(due(&t.db, "2026-12-09T06:00:00Z").is_empty());
}

#[test]
fn lead_time_and_mute_come_from_the_settings_and_decided_quotations_stay_quiet() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let c = contact(&t.db, a, "سعد", "0551112233");
    let mut inp = input(&c, vec![line("تظليل", "1", "950", "15")]);
    inp.valid_until = Some(ymd(2026, 12, 10));
    let open = quotes::create(&t.db, a, &inp).unwrap();
    let accepted = quotes::create(&t.db, a, &inp).unwrap();
    for s in [QuoteStatus::Sent, QuoteStatus::Accepted] {
        quotes::set_status(
            &t.db,
            a,
            &accepted.id,
            &StatusChange {
                status: s,
                lost_reason: String::new(),
                competitor: String::new(),
            },
        )
        .unwrap();
    }

    set_kind(&t.db, a, NotificationKind::QuotationExpiry, false, Some(5));
    let d = due(&t.db, "2026-12-05T06:00:00Z");
    assert_eq!(
        d.iter().map(|o| o.source_id.as_str()).collect::<Vec<_>>(),
        [open.id.as_str()],
        "five days before; the accepted one never"
    );
    assert!(due(&t.db, "2026-12-05T05:00:00Z").is_empty());

    set_kind(&t.db, a, NotificationKind::QuotationExpiry, true, Some(5));
    assert!(due(&t.db, "2026-12-09T06:00:00Z").is_empty(), "muted");
    assert_eq!(next_due(&t.db, "2026-12-01T00:00:00Z"), None);
}

#[test]
fn an_inquiry_follow_up_alerts_its_salesperson_on_the_day() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    set_zone(&t.db, a, "Asia/Riyadh");
    let sara = users::add(&t.db, a, &common::new_user("sara", "sales_user")).unwrap();
    let c = contact(&t.db, a, "فهد الدوسري", "0557778899");
    let inq = inquiries::create(
        &t.db,
        a,
        &InquiryInput {
            contact_id: Some(c),
            new_contact: None,
            create_contact: false,
            allow_duplicate: false,
            channel: InquiryChannel::WalkIn,
            items: vec![InquiryItemInput {
                product_id: None,
                description: "سيارة عائلية".into(),
                quantity: Decimal::ONE,
            }],
            budget: None,
            notes: String::new(),
            owner_id: Some(sara.id.clone()),
            follow_up_on: Some(ymd(2026, 12, 5)),
        },
    )
    .unwrap()
    .inquiry;

    assert_eq!(
        next_due(&t.db, "2026-12-01T00:00:00Z"),
        Some(utc("2026-12-05T06:00:00Z"))
    );
    let d = due(&t.db, "2026-12-05T06:00:00Z");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, NotificationKind::InquiryFollowUp);
    assert_eq!(d[0].recipient_id.as_deref(), Some(sara.id.as_str()));
    assert!(d[0].is_for(&sara.id) && !d[0].is_for(&admin.user.id));
    assert_eq!(d[0].body.en, "The follow-up is due today.");
    assert_eq!(d[0].open.as_ref().unwrap().id, inq.id);

    // Missed while the app was closed: still due days later, and says it is overdue.
    let late = due(&t.db, "2026-12-07T06:00:00Z");
    assert_eq!(late.len(), 1);
    assert!(late[0].body.en.contains("was due on 2026-12-05"));
    set_kind(&t.db, a, NotificationKind::InquiryFollowUp, true, None);
    assert!(due(&t.db, "2026-12-07T06:00:00Z").is_empty(), "muted");
}
