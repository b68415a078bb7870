//! The catalog on a real database: products, vehicles and services; codes and VINs
//! unique among live items; VIN rules; images; Arabic-aware search; paging; rights.

mod common;

use maarid_core::access::Actor;
use maarid_core::catalog::{self, Product, ProductInput, ProductKind, ProductQuery, StockStatus};
use maarid_core::{users, Error, Rule};
use rust_decimal::Decimal;

/// A 1×1 PNG.
const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn item(kind: ProductKind, code: &str, name_ar: &str) -> ProductInput {
    ProductInput {
        kind,
        code: code.into(),
        name_ar: name_ar.into(),
        name_en: String::new(),
        description: String::new(),
        unit: String::new(),
        price: dec("100"),
        vat_rate: None,
        category: String::new(),
        make: String::new(),
        model: String::new(),
        year: None,
        trim: String::new(),
        colour: String::new(),
        vin: String::new(),
        stock_status: None,
        image_data_url: None,
    }
}

fn camry() -> ProductInput {
    ProductInput {
        name_en: "Toyota Camry".into(),
        price: dec("125000.50"),
        category: "سيدان".into(),
        make: "تويوتا".into(),
        model: "كامري".into(),
        year: Some(2026),
        trim: "GLE".into(),
        colour: "أبيض لؤلؤي".into(),
        vin: " jtdbr32e-720 123 456 ".into(),
        ..item(ProductKind::Vehicle, "TY-CAM-2026", "تويوتا كامري")
    }
}

#[track_caller]
fn invalid<T: std::fmt::Debug>(r: maarid_core::Result<T>, field: &str, rule: Rule) {
    match r {
        Err(Error::Invalid {
            field: f,
            rule: got,
            ..
        }) => {
            assert_eq!((f, got), (field, rule))
        }
        other => panic!("expected invalid {field}: {other:?}"),
    }
}

fn find(db: &maarid_core::Db, actor: &Actor, text: &str) -> Vec<String> {
    catalog::list(
        db,
        actor,
        &ProductQuery {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .into_iter()
    .map(|p| p.code)
    .collect()
}

#[test]
fn a_vehicle_is_saved_tidied_with_the_company_vat_and_available() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let p = catalog::create(&t.db, a, &camry()).unwrap();
    assert_eq!(p.kind, ProductKind::Vehicle);
    assert_eq!(
        p.vin, "JTDBR32E720123456",
        "upper case, no spaces or dashes"
    );
    assert_eq!(p.vat_rate, dec("15"), "the company's default rate");
    assert_eq!(p.price, dec("125000.5"));
    assert_eq!(p.stock_status, Some(StockStatus::Available));
    assert!(!p.has_image);
    assert_eq!(catalog::get(&t.db, a, &p.id).unwrap(), p);
    // Stored as text, never floating point.
    assert_eq!(
        common::count(
            &t.db,
            "SELECT COUNT(*) FROM products WHERE price = '125000.5' AND vat_rate = '15'"
        ),
        1
    );

    // A service with its own rate, and no stock status.
    let mut s = item(ProductKind::Service, "SRV-1", "صيانة دورية");
    s.vat_rate = Some(dec("0"));
    s.unit = "ساعة".into();
    let s = catalog::create(&t.db, a, &s).unwrap();
    assert_eq!((s.vat_rate, s.stock_status), (dec("0"), None));
}

#[test]
fn update_delete_and_restore_are_audited() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let p = catalog::create(&t.db, a, &camry()).unwrap();
    let mut edit = ProductInput::from(&p);
    edit.price = dec("119999.99");
    edit.stock_status = None; // keeps the current status
    let reserved = catalog::set_stock_status(&t.db, a, &p.id, StockStatus::Reserved).unwrap();
    assert_eq!(reserved.stock_status, Some(StockStatus::Reserved));
    let after = catalog::update(&t.db, a, &p.id, &edit).unwrap();
    assert_eq!(after.price, dec("119999.99"));
    assert_eq!(after.stock_status, Some(StockStatus::Reserved));
    assert_eq!(after.created_at, p.created_at);

    catalog::delete(&t.db, a, &p.id).unwrap();
    assert!(matches!(
        catalog::get(&t.db, a, &p.id),
        Err(Error::NotFound { .. })
    ));
    assert!(
        find(&t.db, a, "كامري").is_empty(),
        "deleted items leave lists"
    );
    let back = catalog::restore(&t.db, a, &p.id).unwrap();
    assert_eq!(back.price, dec("119999.99"));
    assert_eq!(find(&t.db, a, "كامري"), ["TY-CAM-2026"]);

    for action in [
        "product.create",
        "product.stock",
        "product.update",
        "product.delete",
        "product.restore",
    ] {
        assert_eq!(
            common::count(
                &t.db,
                &format!(
                    "SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND entity_id = '{}'",
                    p.id
                )
            ),
            1,
            "{action}"
        );
    }
}

#[test]
fn codes_and_vins_are_unique_among_live_items() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let first = catalog::create(&t.db, a, &camry()).unwrap();

    let mut same_code = item(ProductKind::Product, "ty-cam-2026", "سجادة");
    match catalog::create(&t.db, a, &same_code) {
        Err(Error::AlreadyExists { entity, key }) => {
            assert_eq!((entity, key.as_str()), ("product", "ty-cam-2026"))
        }
        other => panic!("{other:?}"),
    }
    let mut same_vin = camry();
    same_vin.code = "TY-CAM-2026-B".into();
    same_vin.vin = "JTDBR32E720123456".into();
    assert!(matches!(
        catalog::create(&t.db, a, &same_vin),
        Err(Error::AlreadyExists { .. })
    ));
    assert_eq!(common::count(&t.db, "SELECT COUNT(*) FROM products"), 1);

    // Once the first is deleted, its code and VIN are free again…
    catalog::delete(&t.db, a, &first.id).unwrap();
    same_code.code = "TY-CAM-2026".into();
    let second = catalog::create(&t.db, a, &same_code).unwrap();
    // …and the first cannot come back while the code is taken.
    assert!(matches!(
        catalog::restore(&t.db, a, &first.id),
        Err(Error::AlreadyExists { .. })
    ));
    catalog::delete(&t.db, a, &second.id).unwrap();
    catalog::restore(&t.db, a, &first.id).unwrap();
    // An edit may keep its own code.
    let mut edit = ProductInput::from(&catalog::get(&t.db, a, &first.id).unwrap());
    edit.colour = "أسود".into();
    catalog::update(&t.db, a, &first.id, &edit).unwrap();
}

#[test]
fn refused_input_names_the_field_and_saves_nothing() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let next_year = {
        use chrono::Datelike;
        chrono::Local::now().year() + 1
    };
    type Change = Box<dyn Fn(&mut ProductInput)>;
    let cases: Vec<(Change, &str, Rule)> = vec![
        (Box::new(|p| p.code = "  ".into()), "code", Rule::Required),
        (
            Box::new(|p| {
                p.name_ar.clear();
                p.name_en.clear()
            }),
            "name_ar",
            Rule::Required,
        ),
        (Box::new(|p| p.price = dec("-1")), "price", Rule::OutOfRange),
        (
            Box::new(|p| p.price = dec("10.1234")),
            "price",
            Rule::BadFormat,
        ),
        (
            Box::new(|p| p.vat_rate = Some(dec("101"))),
            "vat_rate",
            Rule::OutOfRange,
        ),
        (Box::new(|p| p.year = Some(1899)), "year", Rule::OutOfRange),
        (
            Box::new(move |p| p.year = Some(next_year + 2)),
            "year",
            Rule::OutOfRange,
        ),
        (Box::new(|p| p.vin = "AB12".into()), "vin", Rule::TooShort),
        (Box::new(|p| p.vin = "A".repeat(21)), "vin", Rule::TooLong),
        (
            Box::new(|p| p.vin = "JTDBR32E72O123456".into()),
            "vin",
            Rule::BadFormat,
        ),
        (
            Box::new(|p| p.vin = "JTDBR32E72Q123456".into()),
            "vin",
            Rule::BadFormat,
        ),
        (
            Box::new(|p| p.vin = "JTD/BR32".into()),
            "vin",
            Rule::BadFormat,
        ),
        (
            Box::new(|p| p.image_data_url = Some("data:image/gif;base64,R0lGOD".into())),
            "image",
            Rule::BadFormat,
        ),
        (
            Box::new(|p| p.image_data_url = Some("data:image/png;base64,aGVsbG8=".into())),
            "image",
            Rule::BadFormat,
        ),
    ];
    for (change, field, rule) in cases {
        let mut input = camry();
        change(&mut input);
        invalid(catalog::create(&t.db, a, &input), field, rule);
    }
    // 1 MB of image is the limit.
    let mut big = camry();
    big.image_data_url = Some(format!(
        "data:image/png;base64,{}",
        "A".repeat((catalog::MAX_IMAGE_BYTES + 3) / 3 * 4 + 8)
    ));
    invalid(catalog::create(&t.db, a, &big), "image", Rule::TooLong);
    // Next year's model is fine (model years run ahead).
    let mut ok = camry();
    ok.year = Some(next_year);
    ok.vin = "FJ40-OQI12".into(); // old chassis numbers may hold O, Q, I
    let p = catalog::create(&t.db, a, &ok).unwrap();
    assert_eq!(p.vin, "FJ40OQI12");
    assert_eq!(common::count(&t.db, "SELECT COUNT(*) FROM products"), 1);

    // Vehicle details belong to vehicles only.
    for (field, change) in [
        (
            "make",
            Box::new(|p: &mut ProductInput| p.make = "تويوتا".into())
                as Box<dyn Fn(&mut ProductInput)>,
        ),
        ("year", Box::new(|p: &mut ProductInput| p.year = Some(2020))),
        (
            "vin",
            Box::new(|p: &mut ProductInput| p.vin = "ABC12345".into()),
        ),
        (
            "stock_status",
            Box::new(|p: &mut ProductInput| p.stock_status = Some(StockStatus::Sold)),
        ),
    ] {
        let mut input = item(ProductKind::Product, "P-1", "زيت محرك");
        change(&mut input);
        invalid(
            catalog::create(&t.db, a, &input),
            field,
            Rule::NotApplicable,
        );
    }
    let oil = catalog::create(&t.db, a, &item(ProductKind::Product, "P-1", "زيت محرك")).unwrap();
    invalid(
        catalog::set_stock_status(&t.db, a, &oil.id, StockStatus::Sold),
        "stock_status",
        Rule::NotApplicable,
    );
}

#[test]
fn images_are_kept_replaced_and_removed() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let mut input = camry();
    input.image_data_url = Some(PNG.into());
    let p = catalog::create(&t.db, a, &input).unwrap();
    assert!(p.has_image);
    let (bytes, mime) = catalog::image(&t.db, a, &p.id).unwrap().unwrap();
    assert_eq!(mime, "image/png");
    assert!(bytes.starts_with(b"\x89PNG"));
    assert_eq!(
        catalog::image_data_url(&t.db, a, &p.id).unwrap().as_deref(),
        Some(PNG)
    );

    // An edit without an image keeps it; an empty one removes it.
    let mut edit = ProductInput::from(&p);
    edit.price = dec("1");
    assert!(catalog::update(&t.db, a, &p.id, &edit).unwrap().has_image);
    edit.image_data_url = Some(String::new());
    assert!(!catalog::update(&t.db, a, &p.id, &edit).unwrap().has_image);
    assert_eq!(catalog::image(&t.db, a, &p.id).unwrap(), None);
}

fn product(
    db: &maarid_core::Db,
    a: &Actor,
    kind: ProductKind,
    code: &str,
    name: &str,
    category: &str,
) -> Product {
    let mut i = item(kind, code, name);
    i.category = category.into();
    catalog::create(db, a, &i).unwrap()
}

#[test]
fn search_is_arabic_aware() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    catalog::create(&t.db, a, &camry()).unwrap();
    let mut hilux = camry();
    hilux.code = "TY-HLX-٢٠٢٥".into(); // typed with Arabic-Indic digits
    hilux.name_ar = "تويوتا هايلكس".into();
    hilux.name_en = "Toyota Hilux".into();
    hilux.model = "هايلكس".into();
    hilux.year = Some(2025);
    hilux.vin = "MR0FA3CD800123987".into();
    hilux.category = "بيك أب".into();
    hilux.colour = "رمادي".into();
    let h = catalog::create(&t.db, a, &hilux).unwrap();
    assert_eq!(h.code, "TY-HLX-2025", "digits stored as ASCII");
    product(
        &t.db,
        a,
        ProductKind::Product,
        "MAT-01",
        "دواسات أرضية مطاطية",
        "إكسسوارات",
    );
    product(
        &t.db,
        a,
        ProductKind::Service,
        "SRV-PPF",
        "تظليل وحماية الطلاء",
        "خدمات",
    );

    let cases: &[(&str, &[&str])] = &[
        ("تويوتا كامري", &["TY-CAM-2026"]),
        ("كامرى", &["TY-CAM-2026"]), // alef maqsura for ya
        ("تويوتا", &["TY-CAM-2026", "TY-HLX-2025"]),
        ("٢٠٢٦", &["TY-CAM-2026"]), // Arabic-Indic digits: year and code
        ("٢٠٢٥", &["TY-HLX-2025"]),
        ("hilux", &["TY-HLX-2025"]),
        ("TY-HLX", &["TY-HLX-2025"]),
        ("123987", &["TY-HLX-2025"]), // the last digits of a VIN
        ("jtdbr", &["TY-CAM-2026"]),
        ("لؤلؤي", &["TY-CAM-2026"]), // hamza seats
        ("لولوي", &["TY-CAM-2026"]),
        ("دواسات ارضيه", &["MAT-01"]), // أ/ا and ة/ه
        ("اكسسوارات", &["MAT-01"]),    // category
        ("تظليل", &["SRV-PPF"]),
        ("مرسيدس", &[]),
    ];
    for (q, want) in cases {
        let mut got = find(&t.db, a, q);
        got.sort();
        assert_eq!(&got, want, "search {q:?}");
    }

    let vehicles = catalog::list(
        &t.db,
        a,
        &ProductQuery {
            kind: Some(ProductKind::Vehicle),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(vehicles.items.len(), 2);
    catalog::set_stock_status(&t.db, a, &h.id, StockStatus::Sold).unwrap();
    let sold = catalog::list(
        &t.db,
        a,
        &ProductQuery {
            stock_status: Some(StockStatus::Sold),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(sold.items.len(), 1);
    assert_eq!(sold.items[0].id, h.id);
    let by_category = catalog::list(
        &t.db,
        a,
        &ProductQuery {
            category: Some("خدمات".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(by_category.items.len(), 1);
    assert_eq!(
        catalog::categories(&t.db, a).unwrap(),
        ["إكسسوارات", "بيك أب", "خدمات", "سيدان"]
    );
}

#[test]
fn lists_page_by_name_without_gaps_or_repeats() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    // Two share a name: the code decides their order.
    let names = [
        ("C-5", "هـ"),
        ("C-1", "أ"),
        ("C-3", "ج"),
        ("C-2b", "ب"),
        ("C-2a", "ب"),
        ("C-4", "د"),
        ("C-0", "Zeta"),
    ];
    for (code, name) in names {
        product(&t.db, a, ProductKind::Product, code, name, "");
    }
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = catalog::list(
            &t.db,
            a,
            &ProductQuery {
                limit: Some(2),
                after: after.clone(),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|p| p.code.clone()));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen, ["C-0", "C-1", "C-2a", "C-2b", "C-3", "C-4", "C-5"]);
    invalid(
        catalog::list(
            &t.db,
            a,
            &ProductQuery {
                after: Some("not a cursor".into()),
                ..Default::default()
            },
        ),
        "after",
        Rule::BadFormat,
    );
}

#[test]
fn a_role_without_the_create_right_is_refused() {
    let (t, admin) = common::ready_db();
    users::add(&t.db, &admin.actor, &common::new_user("sara", "sales_user")).unwrap();
    let sara = users::login(&t.db, "sara", "sara-password").unwrap().actor;
    let p = catalog::create(&t.db, &admin.actor, &camry()).unwrap();

    // A salesperson reads the catalog…
    assert_eq!(find(&t.db, &sara, "كامري"), ["TY-CAM-2026"]);
    assert_eq!(catalog::get(&t.db, &sara, &p.id).unwrap().id, p.id);
    // …but may not change it.
    let refused = |r: maarid_core::Result<()>| {
        assert!(
            matches!(
                r,
                Err(Error::NotPermitted {
                    doc_type: "product",
                    ..
                })
            ),
            "{r:?}"
        )
    };
    refused(catalog::create(&t.db, &sara, &item(ProductKind::Product, "X", "س")).map(|_| ()));
    refused(catalog::update(&t.db, &sara, &p.id, &camry()).map(|_| ()));
    refused(catalog::set_stock_status(&t.db, &sara, &p.id, StockStatus::Sold).map(|_| ()));
    refused(catalog::delete(&t.db, &sara, &p.id));
    assert_eq!(common::count(&t.db, "SELECT COUNT(*) FROM products"), 1);
}
