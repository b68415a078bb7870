//! Contact lists: every filter, every order both ways, paging through everything without
//! gaps or repeats, the "own records" restriction, and what a list row carries.

mod common;

use std::collections::BTreeSet;

use maarid_core::access::{Actor, PermissionMap, Scope};
use maarid_core::contacts::{
    self, ContactInput, ContactKind, DuplicatePolicy, PhoneInput, PhoneLabel, SearchPage,
    SearchQuery, SortKey, Source,
};
use maarid_core::search::normalize::normalize;
use maarid_core::users;

/// A contact of the fixture, with the times it is given afterwards.
struct Spec {
    name_ar: &'static str,
    kind: ContactKind,
    source: Option<Source>,
    /// Owned by sara rather than the administrator.
    sara: bool,
    tags: &'static [&'static str],
    created: &'static str,
    updated: &'static str,
    phone: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn spec(
    name_ar: &'static str,
    kind: ContactKind,
    source: Option<Source>,
    sara: bool,
    tags: &'static [&'static str],
    created: &'static str,
    updated: &'static str,
    phone: &'static str,
) -> Spec {
    Spec {
        name_ar,
        kind,
        source,
        sara,
        tags,
        created,
        updated,
        phone,
    }
}

use ContactKind::{Company, Customer, Lead};
use Source::{Phone, Referral, WalkIn};

/// Names repeat, times repeat (ties are broken by the contact number), days straddle
/// midnight UTC.
const SPECS: &[Spec] = &[
    spec(
        "سامي العتيبي",
        Lead,
        Some(WalkIn),
        false,
        &["VIP"],
        "2026-01-05T08:00:00.000Z",
        "2026-02-01T10:00:00.000Z",
        "0551000001",
    ),
    spec(
        "أحمد سامي",
        Customer,
        Some(Phone),
        true,
        &["تمويل"],
        "2026-01-05T08:00:00.000Z",
        "2026-01-06T10:00:00.000Z",
        "0551000002",
    ),
    spec(
        "سامية محمد",
        Lead,
        None,
        false,
        &[],
        "2026-01-06T23:59:59.999Z",
        "2026-01-07T00:00:00.000Z",
        "0551000003",
    ),
    spec(
        "سامي الحربي",
        Company,
        Some(Referral),
        true,
        &["vip", "كاش"],
        "2026-01-07T00:00:00.000Z",
        "2026-01-07T00:00:00.000Z",
        "0551000004",
    ),
    spec(
        "سامي العتيبي",
        Customer,
        Some(WalkIn),
        false,
        &["عميل مميّز"],
        "2026-01-07T12:00:00.000Z",
        "2026-03-01T09:00:00.000Z",
        "0551000005",
    ),
    spec(
        "خالد الدوسري",
        Lead,
        Some(Phone),
        true,
        &["عميل مميز"],
        "2026-01-08T09:00:00.000Z",
        "2026-01-08T09:00:00.000Z",
        "0551000006",
    ),
    spec(
        "فاطمة الزهراني",
        Customer,
        Some(WalkIn),
        false,
        &[],
        "2026-01-08T09:00:00.000Z",
        "2026-02-01T10:00:00.000Z",
        "0551000007",
    ),
    spec(
        "Zaid Hamdan",
        Lead,
        Some(Referral),
        false,
        &["VIP"],
        "2026-01-09T10:00:00.000Z",
        "2026-01-09T10:00:00.000Z",
        "0551000008",
    ),
    spec(
        "ahmad zaki",
        Customer,
        None,
        true,
        &[],
        "2026-01-10T10:00:00.000Z",
        "2026-01-11T10:00:00.000Z",
        "0551000009",
    ),
    spec(
        "نورة سامي",
        Lead,
        Some(WalkIn),
        false,
        &["كاش"],
        "2026-01-10T10:00:00.000Z",
        "2026-01-10T10:00:00.000Z",
        "0551000010",
    ),
    spec(
        "مؤسسة السامي",
        Company,
        Some(Phone),
        false,
        &[],
        "2026-01-11T10:00:00.000Z",
        "2026-01-12T10:00:00.000Z",
        "0551000011",
    ),
    spec(
        "سامي",
        Lead,
        Some(WalkIn),
        true,
        &["VIP"],
        "2026-01-12T10:00:00.000Z",
        "2026-01-12T10:00:00.000Z",
        "0551000012",
    ),
];

struct Fixture {
    t: common::TestDb,
    admin: Actor,
    sara: Actor,
    /// The saved contacts, in SPECS order: (id, number).
    saved: Vec<(String, i64)>,
}

fn fixture() -> Fixture {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let mut saved = Vec::new();
    for s in SPECS {
        let input = ContactInput {
            kind: Some(s.kind),
            name_ar: s.name_ar.into(),
            source: s.source,
            owner_id: if s.sara {
                sara.user_id.clone()
            } else {
                admin.actor.user_id.clone()
            },
            tags: s.tags.iter().map(|t| t.to_string()).collect(),
            phones: vec![PhoneInput {
                number: s.phone.into(),
                label: PhoneLabel::Mobile,
            }],
            emails: vec![format!("c{}@example.com", saved.len())],
            ..Default::default()
        };
        let c = contacts::create(&t.db, &admin.actor, &input, true).unwrap();
        t.db.write(|tx| {
            tx.execute(
                "UPDATE contacts SET created_at = ?2, updated_at = ?3 WHERE id = ?1",
                [&c.id, s.created, s.updated],
            )?;
            Ok(())
        })
        .unwrap();
        let num =
            t.db.read(|c2| {
                Ok(
                    c2.query_row("SELECT num FROM contacts WHERE id = ?1", [&c.id], |r| {
                        r.get::<_, i64>(0)
                    })?,
                )
            })
            .unwrap();
        saved.push((c.id, num));
    }
    Fixture {
        t,
        admin: admin.actor,
        sara,
        saved,
    }
}

impl Fixture {
    /// Every page of `q` (pages of `size`), checking no contact comes twice.
    fn all(&self, actor: &Actor, q: &SearchQuery, size: u32) -> Vec<String> {
        let mut q = q.clone();
        q.limit = Some(size);
        q.after = None;
        let mut out: Vec<String> = Vec::new();
        for _ in 0..100 {
            let page = contacts::search(&self.t.db, actor, &q).unwrap();
            assert!(page.items.len() <= size as usize);
            out.extend(page.items.iter().map(|c| c.id.clone()));
            match page.next {
                Some(n) => {
                    assert_eq!(page.items.len(), size as usize, "only full pages go on");
                    q.after = Some(n);
                }
                None => {
                    let unique: BTreeSet<&String> = out.iter().collect();
                    assert_eq!(unique.len(), out.len(), "a contact came twice: {q:?}");
                    return out;
                }
            }
        }
        panic!("paging did not end");
    }

    /// The ids of SPECS entries chosen by `keep`, in SPECS order.
    fn ids(&self, keep: impl Fn(&Spec) -> bool) -> Vec<String> {
        SPECS
            .iter()
            .zip(&self.saved)
            .filter(|(s, _)| keep(s))
            .map(|(_, (id, _))| id.clone())
            .collect()
    }

    /// The SPECS entries chosen by `keep`, sorted by `key` then number, as `desc` says.
    fn ordered<K: Ord>(
        &self,
        keep: impl Fn(&Spec) -> bool,
        key: impl Fn(&Spec, i64) -> K,
        desc: bool,
    ) -> Vec<String> {
        let mut v: Vec<(K, i64, String)> = SPECS
            .iter()
            .zip(&self.saved)
            .filter(|(s, _)| keep(s))
            .map(|(s, (id, num))| (key(s, *num), *num, id.clone()))
            .collect();
        v.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        if desc {
            v.reverse();
        }
        v.into_iter().map(|(_, _, id)| id).collect()
    }
}

fn set(v: Vec<String>) -> BTreeSet<String> {
    v.into_iter().collect()
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

/// Words of a fixture contact that a search can find (only names are varied here).
fn matches_text(s: &Spec, text: &str) -> bool {
    let words: Vec<String> = normalize(s.name_ar)
        .split(' ')
        .map(str::to_string)
        .collect();
    normalize(text)
        .split(' ')
        .all(|t| words.iter().any(|w| w.starts_with(t)))
}

#[test]
fn each_filter_keeps_exactly_its_contacts() {
    let f = fixture();
    let a = &f.admin;
    let check = |q: SearchQuery, keep: &dyn Fn(&Spec) -> bool| {
        for size in [2, 50] {
            assert_eq!(set(f.all(a, &q, size)), set(f.ids(keep)), "{q:?}");
        }
    };
    for kind in [Lead, Customer, Company] {
        check(
            SearchQuery {
                kind: Some(kind),
                ..query("")
            },
            &|s| s.kind == kind,
        );
    }
    for source in [WalkIn, Phone, Referral, Source::Campaign] {
        check(
            SearchQuery {
                source: Some(source),
                ..query("")
            },
            &|s| s.source == Some(source),
        );
    }
    check(
        SearchQuery {
            owner_id: f.sara.user_id.clone(),
            ..query("")
        },
        &|s| s.sara,
    );
    check(
        SearchQuery {
            owner_id: a.user_id.clone(),
            ..query("")
        },
        &|s| !s.sara,
    );
    // Tags compare in normalised form: case, and shadda here.
    check(
        SearchQuery {
            tag: Some("vip".into()),
            ..query("")
        },
        &|s| s.tags.iter().any(|t| t.eq_ignore_ascii_case("vip")),
    );
    check(
        SearchQuery {
            tag: Some("عميل مميز".into()),
            ..query("")
        },
        &|s| s.tags.iter().any(|t| t.starts_with("عميل")),
    );
    check(
        SearchQuery {
            tag: Some("لا يوجد".into()),
            ..query("")
        },
        &|_| false,
    );
    // Days are UTC days, both ends included.
    check(
        SearchQuery {
            created_from: Some("2026-01-07".into()),
            created_to: Some("2026-01-08".into()),
            ..query("")
        },
        &|s| ("2026-01-07".."2026-01-09").contains(&s.created),
    );
    check(
        SearchQuery {
            created_to: Some("2026-01-06".into()),
            ..query("")
        },
        &|s| s.created < "2026-01-07",
    );
    check(
        SearchQuery {
            created_from: Some("2026-01-10".into()),
            ..query("")
        },
        &|s| s.created >= "2026-01-10",
    );
    // Filters combine with each other and with text.
    check(
        SearchQuery {
            kind: Some(Lead),
            tag: Some("VIP".into()),
            created_from: Some("2026-01-06".into()),
            ..query("")
        },
        &|s| s.kind == Lead && s.tags.contains(&"VIP") && s.created >= "2026-01-06",
    );
    check(
        SearchQuery {
            source: Some(WalkIn),
            ..query("سامي")
        },
        &|s| s.source == Some(WalkIn) && matches_text(s, "سامي"),
    );
    check(
        SearchQuery {
            owner_id: f.sara.user_id.clone(),
            ..query("055100")
        },
        &|s| s.sara,
    );
}

#[test]
fn every_order_both_ways_pages_through_everything_once() {
    let f = fixture();
    let a = &f.admin;
    let name = |s: &Spec, _| normalize(s.name_ar);
    let created = |s: &Spec, _| s.created.to_string();
    let updated = |s: &Spec, _| s.updated.to_string();
    for text in ["", "سامي", "0551"] {
        let keep = |s: &Spec| text.is_empty() || text.starts_with('0') || matches_text(s, text);
        for desc in [false, true] {
            let cases: [(SortKey, Vec<String>); 3] = [
                (SortKey::Name, f.ordered(keep, name, desc)),
                (SortKey::Created, f.ordered(keep, created, desc)),
                (SortKey::Updated, f.ordered(keep, updated, desc)),
            ];
            for (sort, expected) in cases {
                for size in [1, 3, 5, 100] {
                    let q = SearchQuery {
                        sort: Some(sort),
                        desc,
                        ..query(text)
                    };
                    assert_eq!(
                        f.all(a, &q, size),
                        expected,
                        "{sort} desc={desc} size={size} text={text:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn relevance_is_grade_then_newest_and_reverses() {
    let f = fixture();
    let a = &f.admin;
    let first = normalize("سامي");
    // Names starting with the word first, then the rest; newest (highest number) first.
    let grade = |s: &Spec, num: i64| {
        let g = if normalize(s.name_ar).starts_with(&first) {
            1
        } else {
            2
        };
        (g, -num)
    };
    let keep = |s: &Spec| matches_text(s, "سامي");
    let best_first = f.ordered(keep, grade, false);
    assert_eq!(best_first.len(), 7);
    for size in [1, 2, 4, 50] {
        assert_eq!(
            f.all(a, &query("سامي"), size),
            best_first,
            "default for text"
        );
        let q = SearchQuery {
            sort: Some(SortKey::Relevance),
            ..query("سامي")
        };
        assert_eq!(f.all(a, &q, size), best_first);
        let q = SearchQuery {
            sort: Some(SortKey::Relevance),
            desc: true,
            ..query("سامي")
        };
        let mut worst_first = best_first.clone();
        worst_first.reverse();
        assert_eq!(f.all(a, &q, size), worst_first);
    }
    // Without text: newest first by default; relevance is then number order.
    let newest = f.ordered(|_| true, |s, _| s.created.to_string(), true);
    assert_eq!(f.all(a, &query(""), 4), newest);
    let by_number = f.ordered(|_| true, |_, num| num, true);
    let q = SearchQuery {
        sort: Some(SortKey::Relevance),
        ..query("")
    };
    assert_eq!(f.all(a, &q, 4), by_number);

    // Phone digits: the exact number first, then the others holding the digits.
    let exact = &f.saved[4].0;
    let found = f.all(a, &query("0551000005"), 1);
    assert_eq!(found, std::slice::from_ref(exact));
    let found = f.all(a, &query("55100000"), 2);
    assert_eq!(found.len(), 9, "0551000001…9");
    let found = f.all(a, &query("551000005"), 2);
    assert_eq!(found[0], *exact, "the national number is an exact match");
}

#[test]
fn many_names_starting_with_the_word_rank_the_same_way() {
    // Over a thousand names starting with the word: grade one is read from the word
    // index instead of the name index; the order must not change.
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut inputs: Vec<ContactInput> = (0..1_100)
        .map(|i| ContactInput {
            name_ar: format!("سامر {i}"),
            ..Default::default()
        })
        .collect();
    for i in 0..30 {
        inputs.insert(
            i * 30,
            ContactInput {
                name_ar: format!("وليد سامر {i}"),
                ..Default::default()
            },
        );
    }
    let report = contacts::create_batch(&t.db, a, &inputs, DuplicatePolicy::Refuse).unwrap();
    assert!(report.saved);
    let ids = |page: &SearchPage| {
        page.items
            .iter()
            .map(|c| c.name_ar.clone())
            .collect::<Vec<_>>()
    };
    let q = SearchQuery {
        limit: Some(500),
        ..query("سامر")
    };
    let mut all = Vec::new();
    let mut q = q;
    loop {
        let page = contacts::search(&t.db, a, &q).unwrap();
        all.extend(ids(&page));
        match page.next {
            Some(n) => q.after = Some(n),
            None => break,
        }
    }
    assert_eq!(all.len(), 1_130);
    let (grade1, grade2) = all.split_at(1_100);
    assert!(grade1.iter().all(|n| n.starts_with("سامر")));
    assert!(grade2.iter().all(|n| n.starts_with("وليد")));
    assert_eq!(grade1[0], "سامر 1099", "newest first");
    assert_eq!(grade2[0], "وليد سامر 29");
    // Two words: the first decides the grade.
    let page = contacts::search(&t.db, a, &query("سامر 10")).unwrap();
    assert!(page.items[0].name_ar.starts_with("سامر 10"));
}

#[test]
fn own_records_only_limits_every_list() {
    use maarid_core::access::roles::{self, RoleInput};
    let f = fixture();
    let mut perms = PermissionMap::new();
    perms
        .entry("contact".into())
        .or_default()
        .insert("read".into(), Scope::Own);
    let role = roles::create(
        &f.t.db,
        &f.admin,
        &RoleInput {
            name_ar: "قارئ جهاته".into(),
            name_en: "Own reader".into(),
            permissions: perms,
        },
    )
    .unwrap();
    users::set_role(&f.t.db, &f.admin, "sara", &role.id).unwrap();
    let sara = users::login(&f.t.db, "sara", "sara-password")
        .unwrap()
        .actor;
    let hers = set(f.ids(|s| s.sara));
    for sort in [None, Some(SortKey::Name), Some(SortKey::Updated)] {
        let q = SearchQuery { sort, ..query("") };
        assert_eq!(set(f.all(&sara, &q, 2)), hers);
        let q = SearchQuery {
            sort,
            ..query("سامي")
        };
        assert_eq!(
            set(f.all(&sara, &q, 2)),
            set(f.ids(|s| s.sara && matches_text(s, "سامي")))
        );
    }
    // Asking for someone else's contacts gives nothing, not theirs.
    let q = SearchQuery {
        owner_id: f.admin.user_id.clone(),
        ..query("")
    };
    assert!(f.all(&sara, &q, 5).is_empty());
    assert_eq!(set(f.all(&sara, &query("0551"), 3)), hers);
}

#[test]
fn a_row_carries_source_first_email_tags_and_times() {
    let f = fixture();
    let page = contacts::search(
        &f.t.db,
        &f.admin,
        &SearchQuery {
            tag: Some("كاش".into()),
            sort: Some(SortKey::Created),
            ..query("")
        },
    )
    .unwrap();
    let c = &page.items[0];
    assert_eq!(c.id, f.saved[3].0);
    assert_eq!(c.source, Some(Referral));
    assert_eq!(c.email.as_deref(), Some("c3@example.com"));
    assert_eq!(c.tags, ["vip", "كاش"]);
    assert_eq!(c.created_at, "2026-01-07T00:00:00.000Z");
    assert_eq!(c.updated_at, "2026-01-07T00:00:00.000Z");
    assert_eq!(c.phone.as_deref(), Some("0551000004"));
    let json = serde_json::to_value(c).unwrap();
    for key in ["source", "email", "tags", "created_at", "updated_at"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
}

#[test]
fn words_with_digits_match_a_phone_or_a_word() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mk = |name: &str, phone: &str, notes: &str| ContactInput {
        name_ar: name.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        notes: notes.into(),
        ..Default::default()
    };
    let one = contacts::create(&t.db, a, &mk("محمد القحطاني", "0551234567", ""), true).unwrap();
    contacts::create(&t.db, a, &mk("محمد الحربي", "0559876543", ""), true).unwrap();
    let car = contacts::create(
        &t.db,
        a,
        &mk("سالم", "0501112222", "يرغب في كامري 2024"),
        true,
    )
    .unwrap();
    let ids = |text: &str| -> Vec<String> {
        contacts::search(&t.db, a, &query(text))
            .unwrap()
            .items
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(ids("محمد 4567"), std::slice::from_ref(&one.id));
    assert_eq!(
        ids("محم ٤٥٦٧"),
        std::slice::from_ref(&one.id),
        "Arabic-Indic digits"
    );
    assert_eq!(ids("القح 055123"), std::slice::from_ref(&one.id));
    assert_eq!(
        ids("كامري 2024"),
        std::slice::from_ref(&car.id),
        "digits at the start of a word"
    );
    assert!(ids("محمد 1111").is_empty());
    for sort in [SortKey::Name, SortKey::Created] {
        let q = SearchQuery {
            sort: Some(sort),
            ..query("محمد 4567")
        };
        let page = contacts::search(&t.db, a, &q).unwrap();
        assert_eq!(page.items.len(), 1);
    }
}

#[test]
fn bad_days_and_cursors_are_refused_with_the_field() {
    let f = fixture();
    let a = &f.admin;
    for (q, field) in [
        (
            SearchQuery {
                created_from: Some("2026-13-01".into()),
                ..query("")
            },
            "created_from",
        ),
        (
            SearchQuery {
                created_to: Some("yesterday".into()),
                ..query("")
            },
            "created_to",
        ),
        (
            SearchQuery {
                after: Some("garbage".into()),
                ..query("")
            },
            "after",
        ),
    ] {
        let p = contacts::search(&f.t.db, a, &q).unwrap_err().to_payload();
        assert_eq!((p.code, p.field), ("invalid_input", Some(field)));
        assert!(!p.message_ar.is_empty() && !p.message_en.is_empty());
    }
    // A cursor belongs to its order.
    let page = contacts::search(
        &f.t.db,
        a,
        &SearchQuery {
            limit: Some(2),
            sort: Some(SortKey::Name),
            ..query("")
        },
    )
    .unwrap();
    let e = contacts::search(
        &f.t.db,
        a,
        &SearchQuery {
            limit: Some(2),
            sort: Some(SortKey::Created),
            after: page.next,
            ..query("")
        },
    )
    .unwrap_err();
    assert_eq!(e.to_payload().field, Some("after"));
}
