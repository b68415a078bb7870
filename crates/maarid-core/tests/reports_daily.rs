//! The daily employee report on a real database: what each person logged on the
//! showroom's local day (Riyadh here, so a call at 23:50 the evening before is not
//! today's), inquiries created and quotations sent and accepted, who may read whose
//! day, and the report as a real PDF (read back with pdftotext) and workbook (read back
//! with calamine).

mod common;
mod sales_fixtures;

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Asia::Riyadh;
use maarid_core::access::Actor;
use maarid_core::contacts::{self, ContactInput, PhoneInput, PhoneLabel};
use maarid_core::interactions::{self, InteractionInput, InteractionKind};
use maarid_core::quotes::{self, QuoteStatus, StatusChange};
use maarid_core::reports::{self, ActivityKind};
use maarid_core::{alerts, tasks, users, Db, Error, Locale};
use sales_fixtures::{input, line};

struct Day {
    t: common::TestDb,
    admin: Actor,
    sara: Actor,
    omar: Actor,
    today: NaiveDate,
}

fn at_local(day: NaiveDate, h: u32, m: u32) -> String {
    let local = day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap());
    Riyadh
        .from_local_datetime(&local)
        .unwrap()
        .with_timezone(&Utc)
        .to_rfc3339()
}

fn log(db: &Db, a: &Actor, contact: &str, kind: InteractionKind, at: String, body: &str) {
    interactions::log(
        db,
        a,
        &InteractionInput {
            contact_id: contact.into(),
            kind,
            direction: None,
            outcome: if kind == InteractionKind::Call {
                "answered".into()
            } else {
                String::new()
            },
            body: body.into(),
            occurred_at: Some(at),
            doc_id: None,
        },
    )
    .unwrap();
}

fn status(db: &Db, a: &Actor, id: &str, status: QuoteStatus) {
    let change = StatusChange {
        status,
        lost_reason: String::new(),
        competitor: String::new(),
    };
    quotes::set_status(db, a, id, &change).unwrap();
}

/// Sara: a call this morning, a visit late yesterday, an inquiry, a quotation sent and
/// accepted, a task done. Omar: a WhatsApp message this morning.
fn day() -> Day {
    let (t, admin) = common::ready_db();
    let admin = admin.actor;
    let mut s = alerts::settings::get(&t.db).unwrap();
    s.time_zone = Some("Asia/Riyadh".into());
    alerts::settings::update(&t.db, &admin, &s, Utc::now()).unwrap();
    users::add(&t.db, &admin, &common::new_user("sara", "sales_user")).unwrap();
    users::add(&t.db, &admin, &common::new_user("omar", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let omar = users::login(&t.db, "omar", "omar-password").unwrap().actor;
    let today = Utc::now().with_timezone(&Riyadh).date_naive();
    let yesterday = today.pred_opt().unwrap();

    let customer = |a: &Actor, name: &str, phone: &str| {
        let input = ContactInput {
            name_ar: name.into(),
            phones: vec![PhoneInput {
                number: phone.into(),
                label: PhoneLabel::Mobile,
            }],
            ..Default::default()
        };
        contacts::create(&t.db, a, &input, false).unwrap().id
    };
    let ahmed = customer(&sara, "أحمد القحطاني", "0551234567");
    let khalid = customer(&omar, "خالد العتيبي", "0569876543");
    log(
        &t.db,
        &sara,
        &ahmed,
        InteractionKind::Call,
        at_local(today, 0, 5),
        "يريد كامري",
    );
    log(
        &t.db,
        &sara,
        &ahmed,
        InteractionKind::Visit,
        at_local(yesterday, 23, 50),
        "",
    );
    log(
        &t.db,
        &omar,
        &khalid,
        InteractionKind::Message,
        at_local(today, 0, 1),
        "",
    );

    maarid_core::inquiries::create(
        &t.db,
        &sara,
        &maarid_core::inquiries::InquiryInput {
            contact_id: Some(ahmed.clone()),
            new_contact: None,
            create_contact: false,
            allow_duplicate: false,
            channel: maarid_core::inquiries::InquiryChannel::WalkIn,
            items: vec![maarid_core::inquiries::InquiryItemInput {
                product_id: None,
                description: "كامري 2026".into(),
                quantity: sales_fixtures::d("1"),
            }],
            budget: None,
            notes: String::new(),
            owner_id: None,
            follow_up_on: None,
        },
    )
    .unwrap();
    let q = quotes::create(
        &t.db,
        &sara,
        &input(&ahmed, vec![line("كامري", "1", "125000", "15")]),
    )
    .unwrap()
    .id;
    status(&t.db, &sara, &q, QuoteStatus::Sent);
    status(&t.db, &sara, &q, QuoteStatus::Accepted);
    let task = tasks::create(
        &t.db,
        &sara,
        &tasks::TaskInput {
            title: "تجهيز السيارة للتسليم".into(),
            description: String::new(),
            assignees: Vec::new(),
            link: None,
            priority: tasks::Priority::Normal,
            estimate_minutes: None,
            due_on: None,
            due_time: None,
        },
        Utc::now(),
    )
    .unwrap();
    tasks::set_status(&t.db, &sara, &task.id, tasks::TaskStatus::Done, Utc::now()).unwrap();
    Day {
        t,
        admin,
        sara,
        omar,
        today,
    }
}

#[test]
fn each_person_s_day_is_counted_and_listed_in_the_showroom_s_local_day() {
    let d = day();
    let r = reports::daily(&d.t.db, &d.admin, None, d.today).unwrap();
    assert_eq!(r.time_zone, "Asia/Riyadh");
    let by = |u: &str| r.users.iter().find(|x| x.username == u).unwrap();
    let sara = by("sara");
    let c = &sara.counts;
    assert_eq!(
        (
            c.calls,
            c.visits,
            c.messages,
            c.inquiries_created,
            c.quotations_sent,
            c.quotations_accepted,
            c.tasks_done
        ),
        (1, 0, 0, 1, 1, 1, 1),
        "yesterday evening's visit is not today's: {:?}",
        sara.activities
    );
    let kinds: Vec<ActivityKind> = sara.activities.iter().map(|a| a.kind).collect();
    assert_eq!(kinds[0], ActivityKind::Call, "in time order: {kinds:?}");
    assert_eq!(sara.activities[0].subject, "أحمد القحطاني");
    assert_eq!(sara.activities[0].detail.ar, "تم الرد — يريد كامري");
    assert_eq!(sara.activities[0].detail.en, "Answered — يريد كامري");
    assert_eq!(by("omar").counts.messages, 1);
    assert!(by("admin").activities.is_empty());

    let yesterday =
        reports::daily(&d.t.db, &d.admin, Some("sara"), d.today.pred_opt().unwrap()).unwrap();
    assert_eq!(yesterday.users.len(), 1);
    assert_eq!(yesterday.users[0].counts.visits, 1);
}

#[test]
fn a_salesperson_reads_only_their_own_day_and_a_manager_reads_everyone_s() {
    let d = day();
    let mine = reports::daily(&d.t.db, &d.sara, None, d.today).unwrap();
    assert_eq!(mine.users.len(), 1);
    assert_eq!(mine.users[0].username, "sara");
    let e = reports::daily(&d.t.db, &d.sara, Some("omar"), d.today).unwrap_err();
    assert!(matches!(e, Error::NotPermitted { .. }), "{e:?}");
    assert!(reports::daily(&d.t.db, &d.omar, Some("omar"), d.today).is_ok());
    let e = reports::daily(&d.t.db, &d.admin, Some("nobody"), d.today).unwrap_err();
    assert!(matches!(e, Error::Invalid { field: "user", .. }), "{e:?}");
}

#[test]
fn the_report_prints_as_a_pdf_with_copyable_arabic_and_exports_as_a_workbook() {
    let d = day();
    let r = reports::daily(&d.t.db, &d.admin, None, d.today).unwrap();
    let company = maarid_core::company::get(&d.t.db).unwrap();
    // Kept under artifacts/ to be looked at (pdftoppm) after a run.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("daily-report.pdf");
    std::fs::write(
        &pdf,
        reports::daily_pdf(&r, &company.profile, Locale::Ar).unwrap(),
    )
    .unwrap();
    match std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        Ok(out) => {
            let text: String = String::from_utf8(out.stdout)
                .unwrap()
                .chars()
                .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
                .collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for phrase in [
                "التقرير اليومي للموظفين",
                "sara full",
                "أحمد القحطاني",
                "مكالمة",
                "عرض سعر قُبل",
            ] {
                assert!(text.contains(phrase), "«{phrase}» not in:\n{text}");
            }
        }
        Err(e) if std::env::var_os("CI").is_none() => eprintln!("skipped pdftotext: {e}"),
        Err(e) => panic!("pdftotext is required on CI: {e}"),
    }

    let xlsx = d.t.dir.path().join("daily.xlsx");
    reports::daily_xlsx(&r, &xlsx, Locale::Ar).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), vec!["الملخص", "الأنشطة"]);
    let summary = wb.worksheet_range("الملخص").unwrap();
    let sara_row = summary
        .rows()
        .find(|row| row.get(1) == Some(&Data::String("sara full".into())))
        .expect("a summary row for Sara");
    let counts: Vec<f64> = sara_row[2..].iter().map(|c| c.as_f64().unwrap()).collect();
    assert_eq!(counts, vec![1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]);
    let activities = wb.worksheet_range("الأنشطة").unwrap();
    assert_eq!(activities.height(), 1 + 6, "a header and six things done");
}
