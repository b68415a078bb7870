//! `products …`: the real binary on temporary databases.

use serde_json::Value;

mod common;

use common::{assert_help, Env};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0xF8, 0xCF, 0x50,
    0x0F, 0x00, 0x03, 0x86, 0x01, 0x80, 0x5A, 0x34, 0x7D, 0x6B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

impl Env {
    fn camry(&self) -> Value {
        self.json(&[
            "products",
            "add",
            "--kind",
            "vehicle",
            "--code",
            "TY-CAM-2026",
            "--name-ar",
            "تويوتا كامري",
            "--name-en",
            "Toyota Camry",
            "--make",
            "تويوتا",
            "--model",
            "كامري",
            "--year",
            "٢٠٢٦",
            "--trim",
            "GLE",
            "--vin",
            "jtdbr32e-720 123 456",
            "--price",
            "١٢٥٬٠٠٠٫٥٠",
            "--category",
            "سيدان",
        ])
    }

    fn codes(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["products", "list"];
        all.extend_from_slice(args);
        let v = self.json(&all);
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_string())
            .collect()
    }
}

#[test]
fn help_explains_the_catalog_commands() {
    assert_help(
        &["products"],
        &[
            "add",
            "edit",
            "list",
            "stock",
            "restore",
            "Examples",
            "TY-CAM-2026",
        ],
    );
    assert_help(
        &["products", "add"],
        &[
            "--kind",
            "--code",
            "--name-ar",
            "--price",
            "--vat",
            "--vin",
            "--stock",
            "--image",
            "vehicle",
        ],
    );
    assert_help(
        &["products", "edit"],
        &["--remove-image", "Only the options given"],
    );
    assert_help(
        &["products", "list"],
        &["--kind", "--category", "--stock", "--after"],
    );
}

#[test]
fn a_vehicle_is_added_found_and_changed() {
    let e = Env::ready();
    let car = e.camry();
    assert_eq!(car["kind"], "vehicle");
    assert_eq!(
        car["price"], "125000.5",
        "Arabic-Indic digits and separators read"
    );
    assert_eq!(car["vat_rate"], "15", "the company's default rate");
    assert_eq!(car["year"], 2026);
    assert_eq!(car["vin"], "JTDBR32E720123456");
    assert_eq!(car["stock_status"], "available");
    let id = car["id"].as_str().unwrap();

    // By code or id.
    assert_eq!(e.json(&["products", "get", "ty-cam-2026"])["id"], id);
    assert_eq!(e.json(&["products", "get", id])["code"], "TY-CAM-2026");
    // Arabic-aware search.
    assert_eq!(e.codes(&["كامرى"]), ["TY-CAM-2026"]);
    assert_eq!(e.codes(&["تويوتا", "٢٠٢٦"]), ["TY-CAM-2026"]);
    assert!(e.codes(&["هايلكس"]).is_empty());

    // Edit: only what is given changes; an image from a file.
    let png = e.dir.path().join("camry.png");
    std::fs::write(&png, PNG).unwrap();
    let changed = e.json(&[
        "products",
        "edit",
        "TY-CAM-2026",
        "--price",
        "119999.99",
        "--image",
        png.to_str().unwrap(),
    ]);
    assert_eq!(changed["price"], "119999.99");
    assert_eq!(changed["model"], "كامري");
    assert_eq!(changed["has_image"], true);
    let no_image = e.json(&["products", "edit", id, "--remove-image"]);
    assert_eq!(no_image["has_image"], false);

    // Stock status, and the filter on it.
    let reserved = e.json(&["products", "stock", "TY-CAM-2026", "reserved"]);
    assert_eq!(reserved["stock_status"], "reserved");
    assert_eq!(e.codes(&["--stock", "reserved"]), ["TY-CAM-2026"]);
    assert!(e.codes(&["--stock", "available"]).is_empty());

    // Human output, in Arabic by default and in English on request.
    let ar = e.run(&["products", "get", "TY-CAM-2026"]).ok();
    assert!(
        ar.stdout.contains("محجوز") && ar.stdout.contains("119999.99 SAR"),
        "{}",
        ar.stdout
    );
    let en = e.run(&["products", "list", "--lang", "en"]).ok();
    assert!(
        en.stdout.contains("TY-CAM-2026") && en.stdout.contains("vehicle"),
        "{}",
        en.stdout
    );
}

#[test]
fn refusals_have_stable_codes_and_change_nothing() {
    let e = Env::ready();
    e.camry();
    let add = |extra: &[&str]| {
        let mut args = vec!["products", "add", "--json"];
        args.extend_from_slice(extra);
        e.run(&args)
    };
    // Duplicate code (any case), duplicate VIN.
    add(&[
        "--code",
        "ty-cam-2026",
        "--name-ar",
        "سجادة",
        "--price",
        "10",
    ])
    .json_error(5, "already_exists");
    add(&[
        "--kind",
        "vehicle",
        "--code",
        "X-1",
        "--name-ar",
        "س",
        "--price",
        "1",
        "--vin",
        "JTDBR32E720123456",
    ])
    .json_error(5, "already_exists");
    // Field errors name the field.
    for (args, field) in [
        (&["--code", "A", "--name-ar", "س"][..], "price"),
        (
            &["--code", "A", "--name-ar", "س", "--price", "abc"][..],
            "price",
        ),
        (
            &["--code", "A", "--name-ar", "س", "--price", "1.2345"][..],
            "price",
        ),
        (&["--code", "A", "--price", "1"][..], "name_ar"),
        (
            &[
                "--code",
                "A",
                "--name-ar",
                "س",
                "--price",
                "1",
                "--make",
                "تويوتا",
            ][..],
            "make",
        ),
        (
            &[
                "--kind",
                "vehicle",
                "--code",
                "A",
                "--name-ar",
                "س",
                "--price",
                "1",
                "--vin",
                "JTDBR32E72O123456",
            ][..],
            "vin",
        ),
        (
            &[
                "--kind",
                "vehicle",
                "--code",
                "A",
                "--name-ar",
                "س",
                "--price",
                "1",
                "--year",
                "1800",
            ][..],
            "year",
        ),
    ] {
        let err = add(args).json_error(3, "invalid_input");
        assert_eq!(err["field"], field, "{args:?}");
    }
    let txt = e.dir.path().join("not-an-image.png");
    std::fs::write(&txt, "hello").unwrap();
    let err = add(&[
        "--code",
        "A",
        "--name-ar",
        "س",
        "--price",
        "1",
        "--image",
        txt.to_str().unwrap(),
    ])
    .json_error(3, "invalid_input");
    assert_eq!(err["field"], "image");
    assert_eq!(e.codes(&[]), ["TY-CAM-2026"]);

    // A product has no stock status; unknown items are not found.
    add(&["--code", "MAT-01", "--name-ar", "دواسات", "--price", "350"]);
    let err = e
        .run(&["products", "stock", "MAT-01", "sold", "--json"])
        .json_error(3, "invalid_input");
    assert_eq!(err["field"], "stock_status");
    e.run(&["products", "get", "NOPE", "--json"])
        .json_error(4, "not_found");
    // Clap refuses unknown kinds and statuses before anything runs.
    assert_eq!(e.run(&["products", "stock", "MAT-01", "gone"]).code, 2);
}

#[test]
fn delete_and_restore() {
    let e = Env::ready();
    let car = e.camry();
    let id = car["id"].as_str().unwrap();
    let gone = e.json(&["products", "delete", "TY-CAM-2026"]);
    assert_eq!(gone["soft_deleted"], true);
    assert!(e.codes(&[]).is_empty());
    e.run(&["products", "get", id, "--json"])
        .json_error(4, "not_found");
    let back = e.json(&["products", "restore", id]);
    assert_eq!(back["code"], "TY-CAM-2026");
    assert_eq!(e.codes(&[]), ["TY-CAM-2026"]);
    let audit: i64 = rusqlite::Connection::open(&e.db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action IN ('product.delete', 'product.restore')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, 2);
}
