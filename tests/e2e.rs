//! End-to-end tests: the real app window, driven through WebDriver under Xvfb.
//! Run with the rest of the suite by `cargo test`; needs tauri-driver, WebKitWebDriver,
//! xvfb-run and dbus-run-session (bash .ci/run installs them).

mod e2e {
    pub mod driver;
    pub mod reminders;
    pub mod save_dialog;
}

use e2e::driver::{exclusive, within, App};
use e2e::save_dialog::Screen;
use maarid_core::company::CompanyInput;
use maarid_core::setup::{AdminInput, SetupInput};
use maarid_core::users::{self, NewUser};
use maarid_core::{settings, Db};
use serde_json::json;

const ADMIN_PW: &str = "admin-pass-1";

/// A database with setup already done (through the core, as the CLI would).
fn prepared_db(
    dir: &tempfile::TempDir,
    users_to_add: &[(&str, &str)],
    max_failed: i64,
) -> std::path::PathBuf {
    let path = dir.path().join("maarid.sqlite");
    let db = Db::open(&path).unwrap();
    let admin = maarid_core::setup::complete(
        &db,
        &SetupInput {
            company: CompanyInput {
                name_ar: "معرض الأمانة للسيارات".into(),
                name_en: "Al Amana Motors".into(),
                logo_data_url: None,
                address_ar: "جدة، شارع التحلية".into(),
                address_en: "Tahlia St, Jeddah".into(),
                phones: vec!["0126543210".into()],
                email: "sales@amana.example".into(),
                website: String::new(),
                tax_number: "310000000000003".into(),
                country: "SA".into(),
                currency: "SAR".into(),
                default_vat_rate: "15".into(),
            },
            settings: settings::Settings {
                max_failed_logins: max_failed,
                ..Default::default()
            },
            series: vec![],
            admin: AdminInput {
                username: "admin".into(),
                full_name: "خالد المدير".into(),
                email: String::new(),
                password: ADMIN_PW.into(),
                locale: None,
            },
        },
    )
    .unwrap();
    for (name, role) in users_to_add {
        users::add(
            &db,
            &admin.actor,
            &NewUser {
                username: name.to_string(),
                full_name: format!("{name} الموظف"),
                email: String::new(),
                password: format!("{name}-password"),
                role_id: role.to_string(),
                locale: None,
            },
        )
        .unwrap();
    }
    path
}

async fn login(app: &App, username: &str, password: &str) {
    app.wait_for("#login-form").await;
    app.fill("#login-form [name=username]", username).await;
    app.fill("#login-form [name=password]", password).await;
    app.click("#login-submit").await;
}

async fn set_field(app: &App, name: &str, value: &str) {
    // Works for inputs and selects alike, and fires the events a person's typing would.
    let script = format!(
        "const el = document.querySelector('#setup-form [name={name}]');
         if (!el) throw new Error('no field {name}');
         el.value = {v}; el.dispatchEvent(new Event('input', {{bubbles: true}}));
         el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;",
        v = json!(value)
    );
    let got = app.js(&script).await;
    assert_eq!(got, json!(value), "field {name}");
}

#[tokio::test(flavor = "current_thread")]
async fn first_run_setup_in_arabic_then_logout_and_login() {
    let _turn = exclusive().await;
    within(async {
        let app = App::launch_fresh().await;
        app.wait_for("#setup-form").await;
        assert_eq!(app.js("return document.documentElement.dir").await, "rtl");
        assert_eq!(app.js("return document.documentElement.lang").await, "ar");
        // Nothing else is reachable before setup: the shell is not there.
        assert_eq!(
            app.js("return document.querySelector('#main-nav') === null")
                .await,
            true
        );
        app.screenshot("01-setup-company").await;
        // Every screen string exists in both languages.
        let missing = app
            .js_async("import('./js/i18n.js').then(m => done(m.missingKeys()))")
            .await;
        assert_eq!(
            missing,
            json!({"ar": [], "en": []}),
            "keys missing from a dictionary"
        );

        // Next refuses an empty required name.
        app.click("#setup-next").await;
        app.wait_until(
            "the required-name warning",
            "document.querySelector('#setup-form [name=name_ar][aria-invalid=true]')",
        )
        .await;

        app.fill("#setup-form [name=name_ar]", "معرض الواحة للأثاث")
            .await;
        app.fill("#setup-form [name=name_en]", "Oasis Furniture")
            .await;
        set_field(&app, "country", "AE").await;
        set_field(&app, "tax_number", "100000000000003").await;
        app.click("#setup-next").await;
        app.wait_for("#setup-form [name=max_failed_logins]").await;
        app.screenshot("02-setup-settings").await;
        app.click("#setup-next").await;
        app.wait_for("#setup-form [name=pattern], #setup-form [data-doc-type]")
            .await;
        app.screenshot("03-setup-numbering").await;
        app.click("#setup-next").await;
        app.fill("#setup-form [name=username]", "owner").await;
        app.fill("#setup-form [name=full_name]", "سالم المالك")
            .await;
        app.fill("#setup-form [name=password]", "owner-pass-1")
            .await;
        app.fill("#setup-form [name=password_confirm]", "owner-pass-1")
            .await;
        app.screenshot("04-setup-admin").await;
        app.click("#setup-next").await;
        app.wait_until(
            "the review step",
            "document.querySelector('#setup-step-review')?.offsetParent !== null",
        )
        .await;
        app.screenshot("04b-setup-review").await;
        app.click("#setup-finish").await;

        // The administrator is logged in and lands in the shell.
        app.wait_for("#main-nav").await;
        app.wait_until(
            "the user's name in the top bar",
            "document.querySelector('#user-menu')?.textContent.includes('سالم المالك')",
        )
        .await;
        for route in [
            "home",
            "contacts",
            "inquiries",
            "quotations",
            "letters",
            "calendar",
            "tasks",
            "reports",
            "settings",
        ] {
            app.wait_for(&format!("#main-nav a[data-route={route}]"))
                .await;
        }
        app.screenshot("05-home-ar").await;

        // What the wizard saved is what the database holds.
        {
            let db = Db::open(&app.db_path).unwrap();
            let c = maarid_core::company::get(&db).unwrap();
            assert_eq!(c.profile.name_ar, "معرض الواحة للأثاث");
            assert_eq!(c.profile.country, "AE");
            assert_eq!(c.profile.currency, "AED", "currency follows the country");
            assert_eq!(c.profile.default_vat_rate, "5", "VAT follows the country");
            let s = maarid_core::setup::is_done(&db).unwrap();
            assert!(s);
        }

        // Modules not built yet say so plainly.
        app.route("#/letters").await;
        app.wait_for(".not-built").await;
        app.screenshot("06-not-built-ar").await;

        app.click("#logout").await;
        login(&app, "owner", "wrong-password").await;
        app.wait_until(
            "the wrong-password message",
            "document.querySelector('#login-error')?.textContent.includes('غير صحيحة')",
        )
        .await;
        app.screenshot("07-login-wrong-password").await;
        login(&app, "owner", "owner-pass-1").await;
        app.wait_for("#main-nav").await;
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn switching_to_english_mirrors_the_layout_and_back() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(&dir, &[], 5);
        let app = App::launch_with(dir, db).await;
        app.screenshot("08-login-ar").await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        let nav_ar = app.text("#main-nav").await;
        assert!(nav_ar.contains("جهات الاتصال"), "{nav_ar}");
        let side_ar = app
            .js("return document.querySelector('#main-nav').getBoundingClientRect().left")
            .await;

        app.click("#lang-toggle").await;
        app.wait_until(
            "English layout",
            "document.documentElement.dir === 'ltr' && document.documentElement.lang === 'en'",
        )
        .await;
        let nav_en = app.text("#main-nav").await;
        assert!(
            nav_en.contains("Contacts") && !nav_en.contains("جهات"),
            "{nav_en}"
        );
        let side_en = app
            .js("return document.querySelector('#main-nav').getBoundingClientRect().left")
            .await;
        assert!(
            side_ar.as_f64().unwrap() > side_en.as_f64().unwrap(),
            "the sidebar moves from right to left: {side_ar} vs {side_en}"
        );
        app.screenshot("09-home-en").await;
        for (route, shot) in [
            ("#/settings/company", "10-settings-en"),
            ("#/admin/users", "11-users-en"),
            ("#/admin/roles", "12-roles-en"),
            ("#/admin/audit", "13-audit-en"),
        ] {
            app.route(route).await;
            app.wait_until(
            "the screen to load",
            "document.querySelector('#view') && !document.querySelector('#view [aria-busy=true]')",
        )
        .await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            app.screenshot(shot).await;
        }
        // Settings save for real: change the English company name.
        app.route("#/settings/company").await;
        app.fill("#company-form [name=name_en]", "Al Amana Motors Co.")
            .await;
        app.click("#company-save").await;
        app.wait_until(
            "the saved message",
            "document.querySelector('#toast')?.textContent.trim().length > 0",
        )
        .await;
        app.wait_until(
            "the new name in the top bar",
            "document.querySelector('#company-brand')?.textContent.includes('Al Amana Motors Co.')",
        )
        .await;

        // The audit log names every action in words, the company change included.
        app.route("#/admin/audit").await;
        app.wait_until("translated audit actions", "document.querySelector('#audit-table tr[data-action=\"login.ok\"]')?.textContent.includes('Logged in') && document.querySelector('#audit-table tr[data-action=\"company.update\"]') && document.querySelectorAll('#audit-table code.audit-action').length === 0 && document.querySelector('#audit-table tr[data-action=\"user.create\"] td:nth-child(4)')?.textContent.includes('admin') && !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(document.querySelector('#audit-table tr[data-action=\"login.ok\"] td:nth-child(4)')?.textContent)").await;

        // The choice is the user's own preference, kept in the database.
        {
            let db = Db::open(&app.db_path).unwrap();
            let admin = maarid_core::access::Actor::system("test");
            let u = users::get(&db, &admin, "admin").unwrap();
            assert_eq!(u.locale, Some(maarid_core::Locale::En));
            let c = maarid_core::company::get(&db).unwrap();
            assert_eq!(c.profile.name_en, "Al Amana Motors Co.");
            assert_eq!(
                c.profile.name_ar, "معرض الأمانة للسيارات",
                "the rest is unchanged"
            );
        }

        app.click("#lang-toggle").await;
        app.wait_until(
            "Arabic layout",
            "document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'",
        )
        .await;
        assert!(app.text("#main-nav").await.contains("جهات الاتصال"));
        for (route, shot) in [
            ("#/settings/company", "14-settings-ar"),
            ("#/admin/users", "15-users-ar"),
            ("#/admin/roles", "16-roles-ar"),
        ] {
            app.route(route).await;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            app.screenshot(shot).await;
        }
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_sales_user_is_refused_user_management_in_the_ui_and_through_invoke() {
    let _turn = exclusive().await;
    within(async {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(&dir, &[("rami", "sales_user")], 5);
    let app = App::launch_with(dir, db).await;
    login(&app, "rami", "rami-password").await;
    app.wait_for("#main-nav").await;
    // No admin entries in the navigation…
    assert_eq!(
        app.js("return document.querySelector('#main-nav a[data-route=users]') === null")
            .await,
        true
    );
    // …and typing the address anyway shows the backend's refusal.
    app.route("#/admin/users").await;
    let banner = app.wait_for(".error-banner[data-code=not_permitted]").await;
    assert!(banner.text().await.unwrap().contains("غير مسموح"));
    app.screenshot("17-sales-user-refused").await;

    // Straight to the Rust commands, as from the devtools console.
    let err = app.invoke("users_list", json!({})).await.unwrap_err();
    assert_eq!(err["code"], "not_permitted", "{err}");
    assert!(err["message_en"]
        .as_str()
        .unwrap()
        .starts_with("Not permitted"));
    let err = app
        .invoke(
            "users_add",
            json!({"input": {"username": "rami2", "password": "whatever-123", "role_id": "system_manager"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(err["code"], "not_permitted");
    let err = app
        .invoke("users_unlock", json!({"id": "admin"}))
        .await
        .unwrap_err();
    assert_eq!(err["code"], "not_permitted");
    let err = app.invoke("settings_update", json!({"input": {
        "allow_lead_duplicates_by_email": true, "auto_create_contact_for_lead": true,
        "close_unanswered_inquiries_days": 0, "default_quotation_validity_days": 15,
        "carry_forward_communications": true, "digits": "latn", "default_locale": "ar", "max_failed_logins": 100}})).await.unwrap_err();
    assert_eq!(err["code"], "not_permitted");
    // What the user may do still works.
    let me = app.invoke("me", json!({})).await.unwrap();
    assert_eq!(me["user"]["username"], "rami");

    // After logging out, nothing at all.
    app.invoke("logout", json!({})).await.unwrap();
    let err = app.invoke("company_get", json!({})).await.unwrap_err();
    assert_eq!(err["code"], "not_logged_in");

    let db = Db::open(&app.db_path).unwrap();
    let n: i64 = db
        .read(|c| Ok(c.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(n, 2, "no user was added");
    assert_eq!(
        settings::get(&db).unwrap().max_failed_logins,
        5,
        "settings unchanged"
    );
    app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn wrong_passwords_lock_the_account() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(&dir, &[("mona", "sales_manager")], 3);
        let app = App::launch_with(dir, db).await;
        for attempt in 1..=2 {
            login(&app, "mona", &format!("wrong-{attempt}")).await;
            app.wait_until(
                "the wrong-password message",
                "document.querySelector('#login-error')?.textContent.includes('غير صحيحة')",
            )
            .await;
            app.js("document.querySelector('#login-error').textContent = ''")
                .await;
        }
        login(&app, "mona", "wrong-3").await;
        app.wait_until(
            "the locked message",
            "document.querySelector('#login-error')?.textContent.includes('مقفل')",
        )
        .await;
        app.screenshot("18-login-locked").await;
        // The right password no longer helps.
        app.js("document.querySelector('#login-error').textContent = ''")
            .await;
        login(&app, "mona", "mona-password").await;
        app.wait_until(
            "the locked message again",
            "document.querySelector('#login-error')?.textContent.includes('مقفل')",
        )
        .await;
        assert_eq!(
            app.js("return document.querySelector('#main-nav') === null")
                .await,
            true
        );

        // An administrator unlocks her from the users screen.
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        app.route("#/admin/users").await;
        let row = app.wait_for("tr[data-username=mona]").await;
        assert!(row.text().await.unwrap().contains("مقفل"));
        app.invoke("users_unlock", json!({"id": "mona"}))
            .await
            .unwrap();
        let db = Db::open(&app.db_path).unwrap();
        let mona = users::get(&db, &maarid_core::access::Actor::system("test"), "mona").unwrap();
        assert!(!mona.locked);
        app.quit().await;
    })
    .await;
}

/// Fills the contact dialog's first phone and the Arabic name, then saves.
async fn add_contact(app: &App, name_ar: &str, phone: &str) {
    app.click("#contact-add").await;
    app.wait_for("#contact-dialog[open]").await;
    app.fill("#contact-form [name=name_ar]", name_ar).await;
    app.fill("#contact-form [name=phone]", phone).await;
    app.click("#contact-save").await;
}

#[tokio::test(flavor = "current_thread")]
async fn contacts_are_found_by_spelling_variants_and_last_digits_and_duplicates_are_caught() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(&dir, &[], 5);
        let app = App::launch_with(dir, db).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        app.click("#main-nav a[data-route=contacts]").await;
        app.wait_for("#contact-search").await;

// A number that cannot be right is marked on its own row, and nothing is saved.
add_contact(&app, "رقم خاطئ", "12").await;
app.wait_until("the phone row marked", "document.querySelector('#contact-form [name=phone][aria-invalid=true]') && document.querySelector('#contact-dialog[open]')").await;
app.click("#contact-cancel").await;

        // A phone typed with Arabic-Indic digits.
        add_contact(&app, "أحمد عبد الله القحطاني", "٠٥٥١٢٣٤٥٦٧").await;
        app.wait_until("the dialog to close", "!document.querySelector('#contact-dialog[open]')").await;
        add_contact(&app, "فاطمة الزهراء", "0509876543").await;
        app.wait_until("the dialog to close", "!document.querySelector('#contact-dialog[open]')").await;

        // Found by a spelling variant (no hamza) and by the last digits.
        for (typed, want) in [("احمد", "أحمد عبد الله القحطاني"), ("فاطمه", "فاطمة الزهراء"), ("4567", "أحمد عبد الله القحطاني")] {
            app.fill("#contact-search", typed).await;
            let script = format!(
                "(() => {{ const rows = [...document.querySelectorAll('#contacts-table tr[data-contact-id]')];
                 return rows.length === 1 && rows[0].textContent.includes({}); }})()",
                json!(want)
            );
            app.wait_until(&format!("search for {typed}"), &script).await;
        }
        app.screenshot("19-contacts-search").await;

        // The same phone typed differently is caught; the user saves anyway.
        add_contact(&app, "أحمد القحطاني", "+966 55 123 4567").await;
        app.wait_for("#duplicate-dialog[open]").await;
        let text = app.text("#duplicate-dialog").await;
        assert!(text.contains("أحمد عبد الله القحطاني"), "{text}");
        app.screenshot("20-contacts-duplicate").await;
        app.click("#duplicate-save-anyway").await;
        app.wait_until("both dialogs to close", "!document.querySelector('#duplicate-dialog[open]') && !document.querySelector('#contact-dialog[open]')").await;

        let db = Db::open(&app.db_path).unwrap();
        let n: i64 = db.read(|c| Ok(c.query_row("SELECT count(*) FROM contact_phones WHERE e164 = '+966551234567'", [], |r| r.get(0))?)).unwrap();
        assert_eq!(n, 2, "saved anyway, both with the same E.164 number");
        let accepted: i64 = db
            .read(|c| Ok(c.query_row("SELECT count(*) FROM audit_log WHERE action = 'contact.duplicate_accepted'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(accepted, 1, "the choice is recorded");
        let bad: i64 = db.read(|c| Ok(c.query_row("SELECT count(*) FROM contacts WHERE name_ar = 'رقم خاطئ'", [], |r| r.get(0))?)).unwrap();
        assert_eq!(bad, 0, "the refused contact was not saved");

        // The duplicate prompt's merge: what was typed goes into the existing contact,
        // and Undo separates them again.
        add_contact(&app, "فاطمة", "+966 50 987 6543").await;
        app.wait_for("#duplicate-dialog[open] [data-action=merge-duplicate]").await;
        app.click("#duplicate-dialog [data-action=merge-duplicate]").await;
        app.wait_until("the existing card with the merge", "document.querySelector('#merge-notice') && document.querySelector('#contact-name')?.textContent === 'فاطمة الزهراء'").await;
        app.click("#toast-action").await;
        app.wait_until("the merge undone", "!document.querySelector('#merge-notice')").await;
        app.click("#contact-back").await;
        app.wait_for("#contact-search").await;

        // A contact from pasted text: the form comes filled in, the user saves it.
        app.click("#contact-paste").await;
        app.wait_for("#paste-dialog[open]").await;
        let signature = "مع التحية،\nم. خالد عبدالله الغامدي\nمدير المبيعات - معرض النخبة للسيارات\nجوال: ٠٥٥٠١٢٣٤٥٦\nkhalid@nukhba.example";
        app.js(&format!("document.querySelector('#paste-text').value = {}; return true;", json!(signature))).await;
        app.screenshot("24-paste-text").await;
        app.click("#paste-fill").await;
        app.wait_until(
            "the form filled from the text",
            "document.querySelector('#contact-dialog[open] [name=name_ar]')?.value === 'خالد عبدالله الغامدي'",
        )
        .await;
        assert_eq!(app.js("return document.querySelector('#contact-form [name=company_name]').value").await, json!("معرض النخبة للسيارات"));
        assert_eq!(app.js("return document.querySelector('#contact-form [name=phone]').value").await, json!("٠٥٥٠١٢٣٤٥٦"));
        app.screenshot("25-paste-filled-form").await;
        app.click("#contact-save").await;
        app.wait_until("the pasted contact saved", "!document.querySelector('#contact-dialog[open]')").await;
        let pasted: i64 = db
            .read(|c| Ok(c.query_row("SELECT count(*) FROM contact_emails WHERE email = 'khalid@nukhba.example'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(pasted, 1);

        // A .vcf file from a phone: four cards in, then the same file again is refused
        // as duplicates until the user chooses to skip them.
        let vcf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/crates/maarid-core/tests/fixtures/vcf/02-iphone-export-4-cards.vcf")).unwrap();
        let pick_file = format!(
            "const dt = new DataTransfer(); dt.items.add(new File([{}], 'contacts.vcf', {{type: 'text/vcard'}}));
             const input = document.querySelector('#import-vcf-file'); input.files = dt.files;
             input.dispatchEvent(new Event('change')); return true;",
            json!(vcf)
        );
        app.wait_for("#contact-import-vcf").await;
        app.js(&pick_file).await;
        app.wait_until("the import report", "document.querySelector('#import-summary[data-saved=true]')").await;
        assert_eq!(app.js("return document.querySelectorAll('#import-rows li[data-outcome=created]').length").await, json!(4));
        app.click("#import-dialog [data-close]").await;
        app.js(&pick_file).await;
        app.wait_until("the refused import", "document.querySelector('#import-summary[data-saved=false]')").await;
        app.screenshot("26-import-refused").await;
        app.click("#import-skip").await;
        app.wait_until("the duplicates skipped", "document.querySelectorAll('#import-rows li[data-outcome=skipped_duplicate]').length === 4").await;
        let imported: i64 = db.read(|c| Ok(c.query_row("SELECT count(*) FROM audit_log WHERE action = 'contact.import'", [], |r| r.get(0))?)).unwrap();
        assert_eq!(imported, 1, "one batch written, the refused one left no trace but its report");
        app.quit().await;
    })
    .await;
}

/// Two contacts for the same person, the second with a visit on its timeline.
fn duplicates_on_file(path: &std::path::Path) -> (String, String) {
    use maarid_core::contacts::{self, ContactInput, ContactKind, PhoneInput, PhoneLabel};
    use maarid_core::interactions::{self, InteractionInput, InteractionKind};
    let db = Db::open(path).unwrap();
    let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
    let person = |name: &str, phone: &str, city: &str| ContactInput {
        kind: Some(ContactKind::Customer),
        name_ar: name.into(),
        city: city.into(),
        phones: vec![PhoneInput {
            number: phone.into(),
            label: PhoneLabel::Mobile,
        }],
        ..Default::default()
    };
    let keep = contacts::create(
        &db,
        &admin.actor,
        &person("سلطان بن فهد العنزي", "0551002003", "جدة"),
        false,
    )
    .unwrap();
    let dup = contacts::create(
        &db,
        &admin.actor,
        &person("سلطان العنزي", "0509008007", "الرياض"),
        false,
    )
    .unwrap();
    interactions::log(
        &db,
        &admin.actor,
        &InteractionInput {
            contact_id: dup.id.clone(),
            kind: InteractionKind::Visit,
            direction: None,
            outcome: "interested".into(),
            body: "سأل عن لاندكروزر ٢٠٢٦".into(),
            occurred_at: None,
            doc_id: None,
        },
    )
    .unwrap();
    // A purchase on the kept contact: its amount is a decimal string end to end.
    db.write(|tx| {
        contacts::purchases::record_in(
            tx,
            &contacts::PurchaseInput {
                contact_id: keep.id.clone(),
                doc_type: "invoice".into(),
                doc_id: None,
                doc_number: "INV-2026-00007".into(),
                description: "تويوتا لاندكروزر 2026".into(),
                amount: "126500.55".parse().unwrap(),
                currency: "SAR".into(),
                purchased_at: "2026-11-01T09:00:00.000Z".into(),
            },
        )
    })
    .unwrap();
    (keep.id, dup.id)
}

fn owner_of_visit(path: &std::path::Path) -> String {
    let db = Db::open(path).unwrap();
    db.read(|c| {
        Ok(c.query_row(
            "SELECT contact_id FROM interactions WHERE kind = 'visit'",
            [],
            |r| r.get(0),
        )?)
    })
    .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn a_call_is_logged_in_two_clicks_and_duplicates_are_merged_then_unmerged() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[], 5);
        let (keep, dup) = duplicates_on_file(&path);
        let app = App::launch_with(dir, path.clone()).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        app.route(&format!("#/contacts/{keep}")).await;
        app.wait_for("#contact-timeline #log-call").await;
        let amount = app.text("#contact-purchases td.num").await;
        assert!(amount.contains("126") && amount.contains("500.55"), "{amount}");

        // Two clicks: the call button, then how it went.
        app.click("#log-call").await;
        app.click("#quick-call [data-outcome=answered]").await;
        app.wait_until(
            "the call on the timeline",
            "document.querySelector('#timeline-list li[data-source=interaction][data-kind=call] .outcome[data-outcome=answered]')",
        )
        .await;
        app.wait_for("#toast-action").await;
        app.screenshot("21-card-timeline").await;

        // Merge the duplicate into this contact, keeping the duplicate's city.
        app.click("#contact-merge").await;
        app.wait_for("#merge-dialog[open]").await;
        app.fill("#merge-search", "العنزي").await;
        let candidate = format!("#merge-candidates li[data-contact-id='{dup}'] input[name=merge-with]");
        app.click(&candidate).await;
        app.click("#merge-next").await;
        app.wait_for("#merge-step-fields:not([hidden]) #merge-fields tr[data-field=city]").await;
        app.click(&format!("#merge-fields tr[data-field=city] input[value='{dup}']")).await;
        app.screenshot("22-merge-fields").await;
        app.click("#merge-confirm").await;
        app.wait_for("#merge-notice").await;
        app.wait_until("both phones on the card", "document.querySelectorAll('#contact-phones li').length === 2").await;
        let city = app.text("dd[data-field=city]").await;
        assert_eq!(city, "الرياض");
        app.wait_until(
            "the duplicate's visit moved here",
            "document.querySelector('#timeline-list li[data-source=interaction][data-kind=visit]')",
        )
        .await;
        assert_eq!(owner_of_visit(&path), keep);
        app.screenshot("23-merged-card").await;

        // Undo: everything goes back.
        app.click("#merge-undo").await;
        app.wait_until("the merge notice gone", "!document.querySelector('#merge-notice')").await;
        app.wait_until("one phone again", "document.querySelectorAll('#contact-phones li').length === 1").await;
        assert_eq!(app.text("dd[data-field=city]").await, "جدة");
        assert_eq!(owner_of_visit(&path), dup);
        app.route(&format!("#/contacts/{dup}")).await;
        app.wait_until(
            "the duplicate is back with its visit",
            "document.querySelector('#contact-name')?.textContent === 'سلطان العنزي' && document.querySelector('#timeline-list li[data-kind=visit]')",
        )
        .await;
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_list_filters_sorts_chooses_columns_and_changes_many_at_once() {
    use maarid_core::contacts::{
        self, ContactInput, ContactKind, DuplicatePolicy, PhoneInput, PhoneLabel, Source,
    };
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[("noura", "sales_user")], 5);
        let noura_id = {
            let db = Db::open(&path).unwrap();
            let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
            let row = |name: &str, kind, source, phone: &str, email: &str| ContactInput {
                kind: Some(kind),
                name_ar: name.into(),
                source: Some(source),
                phones: vec![PhoneInput { number: phone.into(), label: PhoneLabel::Mobile }],
                emails: vec![email.into()],
                ..Default::default()
            };
            let rows = [
                row("ياسر", ContactKind::Lead, Source::WalkIn, "0551000001", "yaser@example.com"),
                row("بدر", ContactKind::Customer, Source::Referral, "0551000002", "badr@example.com"),
                row("حسن", ContactKind::Lead, Source::Website, "0551000003", "hasan@example.com"),
                row("ثامر", ContactKind::Customer, Source::WalkIn, "0551000004", "thamer@example.com"),
            ];
            let r = contacts::create_batch(&db, &admin.actor, &rows, DuplicatePolicy::Refuse).unwrap();
            assert!(r.saved);
            users::get(&db, &admin.actor, "noura").unwrap().id
        };
        let app = App::launch_with(dir, path.clone()).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        app.click("#main-nav a[data-route=contacts]").await;
        app.wait_until("four rows", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 4").await;
        let names = "[...document.querySelectorAll('#contacts-table tr[data-contact-id] .contact-link')].map(a => a.textContent).join(',')";

        // Filter: customers only.
        app.js("const s = document.querySelector('#filter-kind'); s.value = 'customer'; s.dispatchEvent(new Event('change')); return true;").await;
        app.wait_until("customers only", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 2 && document.querySelector('#filters-clear:not([hidden])')").await;
        app.click("#filters-clear").await;
        app.wait_until("all four again", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 4").await;

        // Sort by name, A→Z then Z→A (Arabic alphabetical order).
        app.click("#contacts-table th button[data-sort=name]").await;
        app.wait_until("sorted by name", &format!("({names}) === 'بدر,ثامر,حسن,ياسر'")).await;
        app.click("#contacts-table th button[data-sort=name]").await;
        app.wait_until("sorted by name, descending", &format!("({names}) === 'ياسر,حسن,ثامر,بدر'")).await;

        // Column chooser: show the email column.
        app.click("#columns-button").await;
        app.click("#columns-menu input[value=email]").await;
        app.wait_until("the email column", "document.querySelector('#contacts-table th.col-email') && document.querySelector('#contacts-table td.col-email')?.textContent.includes('@example.com')").await;
        app.click("#columns-button").await;

        // Select two rows (one by keyboard) and tag them, then give them to Noura.
        app.click("#contacts-table tr:nth-child(1) input[name=select]").await;
        app.js("const a = document.querySelector('#contacts-table tr:nth-child(2) .contact-link'); a.focus(); a.dispatchEvent(new KeyboardEvent('keydown', {key: ' ', bubbles: true})); return true;").await;
        app.wait_until("two selected", "document.querySelector('#bulk-bar:not([hidden])') && document.querySelectorAll('input[name=select]:checked').length === 2").await;
        app.screenshot("27-list-bulk").await;
        app.fill("#bulk-tag", "معرض الربيع").await;
        app.click("#bulk-tag-add").await;
        app.wait_until("the tag shown", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 4 && document.querySelector('#bulk-bar[hidden]')").await;
        let db = Db::open(&path).unwrap();
        let tagged: i64 = db.read(|c| Ok(c.query_row("SELECT count(*) FROM contact_tags WHERE tag = 'معرض الربيع'", [], |r| r.get(0))?)).unwrap();
        assert_eq!(tagged, 2);
        app.click("#contacts-table tr:nth-child(1) input[name=select]").await;
        app.js(&format!("const s = document.querySelector('#bulk-owner'); s.value = {}; return true;", json!(noura_id))).await;
        app.click("#bulk-assign").await;
        app.wait_until("assigned", "document.querySelector('#bulk-bar[hidden]')").await;
        let hers: i64 = db.read(|c| Ok(c.query_row("SELECT count(*) FROM contacts WHERE owner_id = ?1", [&noura_id], |r| r.get(0))?)).unwrap();
        assert_eq!(hers, 1);
        // The tag filter finds the two tagged ones.
        app.fill("#filter-tag", "معرض الربيع").await;
        app.wait_until("two by tag", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 2").await;
        app.screenshot("28-list-filtered").await;
        app.quit().await;
    })
    .await;
}

/// Sets a control (input or select) by script and fires the events typing would.
async fn set_value(app: &App, css: &str, value: &str) {
    let script = format!(
        "const el = document.querySelector({css});
         if (!el) throw new Error('no control ' + {css});
         el.value = {v}; el.dispatchEvent(new Event('input', {{bubbles: true}}));
         el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;",
        css = json!(css),
        v = json!(value)
    );
    assert_eq!(app.js(&script).await, json!(value), "control {css}");
}

/// Waits for two painted frames (or 2 s), then takes the screenshot.
async fn painted_screenshot(app: &App, name: &str) {
    let painted = app
        .client
        .execute_async(
            "const done = arguments[0];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
             setTimeout(() => done(false), 2000);",
            vec![],
        )
        .await
        .unwrap();
    if painted != json!(true) {
        eprintln!("screenshot {name}: no frame painted within 2 s; the image may be stale");
    }
    app.screenshot(name).await;
}

#[tokio::test(flavor = "current_thread")]
async fn custom_fields_and_addresses() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(&dir, &[("rami", "sales_user")], 5);
        let app = App::launch_with(dir, db).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;

        // Settings → Custom fields: a choice field, mandatory for customers.
        app.click("#main-nav a[data-route=settings]").await;
        app.click(".tabs a[data-tab=fields]").await;
        app.wait_for("#fields-empty:not([hidden])").await;
        app.click("#field-add").await;
        app.wait_for("#field-dialog[open]").await;
        app.fill("#field-form [name=label_ar]", "طريقة الدفع").await;
        app.fill("#field-form [name=label_en]", "Payment method").await;
        set_value(&app, "#field-form [name=field_type]", "choice").await;
        for (i, (ar, en)) in [("نقدًا", "Cash"), ("تقسيط", "Instalments"), ("تمويل بنكي", "Bank finance")]
            .into_iter()
            .enumerate()
        {
            if i >= 2 {
                app.click("#field-form [data-action=add-choice]").await;
            }
            let row = format!("#field-choice-rows > li:nth-child({})", i + 1);
            app.fill(&format!("{row} [name=choice_ar]"), ar).await;
            app.fill(&format!("{row} [name=choice_en]"), en).await;
        }
        app.click("#field-form [name=required_kinds][value=customer]").await;
        painted_screenshot(&app, "30-custom-field-dialog-ar").await;
        app.click("#field-save").await;
        app.wait_until("the field in the table", "!document.querySelector('#field-dialog[open]') && document.querySelectorAll('#fields-table tr[data-field-id]').length === 1 && document.querySelector('#fields-table').textContent.includes('طريقة الدفع')").await;

        // A second field (made directly), moved above the first, deleted, and brought back.
        let budget = app
            .invoke("fields_create", json!({"input": {"label_ar": "الميزانية المتوقعة", "label_en": "Expected budget", "field_type": "number"}}))
            .await
            .unwrap();
        let budget_id = budget["id"].as_str().unwrap().to_string();
        app.route("#/settings/company").await;
        app.wait_for("#company-form").await;
        app.click(".tabs a[data-tab=fields]").await;
        let second = format!("#fields-table tr[data-field-id=\"{budget_id}\"]");
        app.click(&format!("{second} [data-action=move-up]")).await;
        app.wait_until("the budget field first", &format!("document.querySelector('#fields-table tbody tr')?.dataset.fieldId === {}", json!(budget_id))).await;
        app.click(&format!("{second} [data-action=delete]")).await;
        app.click("#confirm-ok").await;
        app.wait_until("the field gone", &format!("!document.querySelector({})", json!(second))).await;
        app.click("#toast-action").await;
        app.wait_for(&second).await;
        app.wait_until("both fields listed", "document.querySelectorAll('#fields-table tr[data-field-id]').length === 2").await;
        painted_screenshot(&app, "31-custom-fields-ar").await;

        // A customer without the mandatory field: the form marks that control.
        app.click("#main-nav a[data-route=contacts]").await;
        app.wait_for("#contact-search").await;
        app.click("#contact-add").await;
        app.wait_for("#contact-dialog[open]").await;
        // Not mandatory for a lead; it is as soon as the kind is customer.
        app.wait_until("no asterisk for a lead", "document.querySelector('#contact-form select[name^=\"custom:\"]')?.getAttribute('aria-required') === 'false'").await;
        set_value(&app, "#contact-form [name=kind]", "customer").await;
        app.wait_until("the asterisk for a customer", "document.querySelector('#contact-form select[name^=\"custom:\"]')?.getAttribute('aria-required') === 'true' && document.querySelector('#contact-more').open").await;
        app.fill("#contact-form [name=name_ar]", "سعد العتيبي").await;
        app.fill("#contact-form [name=phone]", "0551112233").await;
        app.click("#contact-save").await;
        app.wait_until(
            "the custom field marked with the Arabic message",
            "(() => { const c = document.querySelector('#contact-form select[name^=\"custom:\"][aria-invalid=true]');
              const msg = c && document.getElementById(c.getAttribute('aria-describedby').split(' ').pop());
              return msg && msg.textContent.includes('طريقة الدفع') && msg.textContent.includes('مطلوب') && document.activeElement === c; })()",
        )
        .await;
        assert_eq!(app.js("return document.querySelector('#contact-dialog[open]') !== null").await, true);

        // Filled in, with an address, an Instagram account and a website: saved.
        app.js("const s = document.querySelector('#contact-form select[name^=\"custom:\"]');
                s.value = [...s.options].find((o) => o.textContent === 'تقسيط').value;
                s.dispatchEvent(new Event('change', {bubbles: true}));")
            .await;
        app.fill("#contact-form [name=website]", "saad-cars.sa").await;
        app.click("#contact-addresses > summary").await;
        app.fill("#contact-form [name=address_line]", "حي الروضة، شارع الأمير سلطان").await;
        app.fill("#contact-form [name=address_city]", "جدة").await;
        app.fill("#contact-form [name=address_postal_code]", "23435").await;
        app.click("#contact-social > summary").await;
        app.fill("#contact-form [name=social_handle]", "@saad.cars").await;
        app.wait_until("the mark gone once a choice is made", "!document.querySelector('#contact-form [aria-invalid=true]')").await;
        app.js("document.querySelector('#contact-more').scrollIntoView({block: 'start'})").await;
        painted_screenshot(&app, "32-contact-form-custom-ar").await;
        app.click("#contact-save").await;
        app.wait_until("the dialog to close", "!document.querySelector('#contact-dialog[open]')").await;

        // The card opens.
        app.fill("#contact-search", "العتيبي").await;
        app.wait_until("the new contact listed", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 1").await;
        app.click("#contacts-table tr[data-contact-id] .contact-link").await;
        app.wait_until("the card", "document.querySelector('#contact-name')?.textContent.includes('سعد العتيبي')").await;
        painted_screenshot(&app, "33-contact-card-custom-ar").await;

        // Editing: the saved values are back, their sections open; then the same in English.
        app.click("#contact-edit").await;
        app.wait_for("#contact-dialog[open]").await;
        app.wait_until(
            "the form filled from the saved contact",
            "document.querySelector('#contact-more').open && document.querySelector('#contact-addresses').open
             && document.querySelector('#contact-social').open
             && document.querySelector('#contact-form [name=address_city]').value === 'جدة'
             && document.querySelector('#contact-form [name=social_handle]').value === 'saad.cars'
             && document.querySelector('#contact-form [name=website]').value === 'https://saad-cars.sa'
             && document.querySelector('#contact-form select[name^=\"custom:\"]').selectedOptions[0].textContent === 'تقسيط'",
        )
        .await;
        app.js("document.dispatchEvent(new CustomEvent('maarid:toggle-locale'))").await;
        app.wait_until(
            "English labels",
            "document.documentElement.dir === 'ltr' && document.querySelector('#contact-form select[name^=\"custom:\"]').selectedOptions[0].textContent === 'Instalments'",
        )
        .await;
        app.js("document.querySelector('#contact-more').scrollIntoView({block: 'start'})").await;
        painted_screenshot(&app, "34-contact-form-custom-en").await;
        app.click("#contact-cancel").await;

        let db = Db::open(&app.db_path).unwrap();
        let (id, website): (String, String) = db
            .read(|c| Ok(c.query_row("SELECT id, website FROM contacts WHERE name_ar = 'سعد العتيبي' AND kind = 'customer'", [], |r| Ok((r.get(0)?, r.get(1)?)))?))
            .unwrap();
        assert_eq!(website, "https://saad-cars.sa");
        let value: String = db
            .read(|c| Ok(c.query_row("SELECT v.value FROM contact_field_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.contact_id = ?1 AND f.label_en = 'Payment method'", [&id], |r| r.get(0))?))
            .unwrap();
        let choices: String = db
            .read(|c| Ok(c.query_row("SELECT choices FROM custom_fields WHERE label_en = 'Payment method'", [], |r| r.get(0))?))
            .unwrap();
        let choices: serde_json::Value = serde_json::from_str(&choices).unwrap();
        let key = choices.as_array().unwrap().iter().find(|c| c["en"] == "Instalments").unwrap()["key"].clone();
        assert_eq!(json!(value), key, "saved by the choice's key");
        let address: (String, String, String, String) = db
            .read(|c| Ok(c.query_row("SELECT label, line, city, country FROM contact_addresses WHERE contact_id = ?1", [&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?))
            .unwrap();
        assert_eq!(
            address,
            (
                "home".to_string(),
                "حي الروضة، شارع الأمير سلطان".to_string(),
                "جدة".to_string(),
                "SA".to_string()
            ),
            "the company's country by default"
        );
        let social: (String, String) = db
            .read(|c| Ok(c.query_row("SELECT network, handle FROM contact_social WHERE contact_id = ?1", [&id], |r| Ok((r.get(0)?, r.get(1)?)))?))
            .unwrap();
        assert_eq!(social, ("instagram".to_string(), "saad.cars".to_string()));

        // A salesperson fills the fields but is not offered the screen that defines them.
        app.click("#logout").await;
        login(&app, "rami", "rami-password").await;
        app.wait_for("#main-nav").await;
        app.route("#/settings/company").await;
        app.wait_for(".tabs a[data-tab=company]").await;
        assert_eq!(app.js("return document.querySelector('.tabs a[data-tab=fields]') === null").await, true);
        app.route("#/contacts").await;
        app.click("#contact-add").await;
        app.wait_for("#contact-dialog[open] #contact-form select[name^=\"custom:\"]").await;
        app.quit().await;
    })
    .await;
}

/// Text of a PDF, as pdftotext gives it (logical order).
fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    assert!(out.status.success(), "pdftotext {path}");
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn a_walk_in_becomes_an_approved_inquiry_a_quotation_an_invoice_and_a_printed_pdf() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[], 5);
        let app = App::launch_with(dir, path.clone()).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        for (kind, code, name, price) in [
            ("vehicle", "CAM-26", "تويوتا كامري 2026", "125000"),
            ("product", "SEAT-01", "مفرش جلد فاخر", "1800"),
        ] {
            app.invoke(
                "products_create",
                json!({"input": {"kind": kind, "code": code, "name_ar": name, "price": price, "vat_rate": "15", "unit": "قطعة"}}),
            )
            .await
            .unwrap();
        }

        // A walk-in asks about the Camry, typed with a variant spelling.
        app.route("#/inquiries").await;
        app.click("#inquiry-add").await;
        app.wait_for("#inquiry-dialog[open]").await;
        app.click("label[for=inquiry-channel-walk_in]").await;
        app.click("label[for=inquiry-contact-mode-new]").await;
        app.fill("#inquiry-new-name", "فهد الدوسري").await;
        app.fill("#inquiry-new-phone", "0557778899").await;
        app.fill("#inquiry-item-search", "كامرى").await;
        app.click("#inquiry-item-results li button[data-product-id]").await;
        app.wait_for("#inquiry-items li.item-row").await;
        app.click("#inquiry-save").await;
        app.wait_for("#inquiry-number").await;
        app.click("#inquiry-approve").await;
        app.wait_for("#inquiry-make-quote").await;
        painted_screenshot(&app, "40-inquiry-approved-ar").await;

        // The quotation starts from the inquiry; two more lines, one from the catalog and
        // one typed with Arabic-Indic digits and a 10% discount.
        app.click("#inquiry-make-quote").await;
        app.wait_until(
            "the quotation editor (or an error)",
            "document.querySelector(\"#quote-lines tbody tr[data-line='0']\") || document.querySelector('.view .error-banner')",
        )
        .await;
        let problem = app
            .js("return document.querySelector('.view .error-banner')?.textContent || ''")
            .await;
        assert_eq!(problem, json!(""), "making the quotation failed");
        app.click("#quote-add-product").await;
        app.wait_for("#product-picker[open]").await;
        app.fill("#product-search", "مفرش").await;
        app.wait_until(
            "only the seat cover found",
            "(() => { const b = document.querySelectorAll('#product-results li button[data-product-id]');
              return b.length === 1 && b[0].textContent.includes('مفرش'); })()",
        )
        .await;
        app.click("#product-results li button[data-product-id]").await;
        app.wait_for("#quote-lines tbody tr[data-line='1']").await;
        app.click("#quote-add-line").await;
        let row = "#quote-lines tbody tr[data-line='2']";
        set_value(&app, &format!("{row} [name=description]"), "تظليل حراري للزجاج").await;
        set_value(&app, &format!("{row} [name=quantity]"), "١").await;
        set_value(&app, &format!("{row} [name=unit_price]"), "٩٥٠").await;
        set_value(&app, &format!("{row} [name=discount]"), "10").await;
        // 125000 + 1800 + 855 net, 15% VAT on each: the backend's totals, not the UI's.
        let totals = app
            .js_async(
                "const read = () => [...document.querySelectorAll('#quote-totals [data-total] [data-money]')]
                     .map((e) => e.closest('[data-total]').dataset.total + '=' + e.dataset.money).join(' ');
                 const t0 = Date.now();
                 (function poll() {
                   const r = read();
                   if (r.includes('total=146803.25') || Date.now() - t0 > 10000) done(r);
                   else setTimeout(poll, 100);
                 })();",
            )
            .await;
        assert_eq!(
            totals,
            json!("subtotal=127750 discount=95 net=127655 vat=19148.25 total=146803.25"),
            "the backend's totals, shown as they come"
        );
        painted_screenshot(&app, "41-quote-editor-ar").await;
        app.click("#quote-save").await;
        app.wait_for("#quote-number").await;
        app.wait_for("#quote-lines-view tr[data-line='2']").await;

        // Accepted, then invoiced.
        app.click("#quote-accept").await;
        app.wait_for("#quote-status [data-status=accepted]").await;
        painted_screenshot(&app, "42-quote-accepted-ar").await;
        app.click("#quote-convert").await;
        app.wait_for("#convert-dialog[open]").await;
        app.click("#convert-confirm").await;
        app.wait_for("#doc-number").await;
        app.wait_until(
            "the invoice's total",
            "document.querySelector('#doc-totals [data-total=total] [data-money]')?.dataset.money === '146803.25'",
        )
        .await;
        let invoice_number = app.text("#doc-number").await;
        painted_screenshot(&app, "43-invoice-ar").await;

        // Printed: the PDF is written and holds the invoice in Arabic.
        app.click("#doc-print").await;
        app.wait_for("#print-dialog[open]").await;
        app.click("input[name=print-lang][value=ar]").await;
        app.click("#print-open").await;
        app.wait_for("#print-result[data-path]").await;
        let pdf = app
            .js("return document.querySelector('#print-result').dataset.path")
            .await;
        let pdf = pdf.as_str().unwrap().to_string();
        let text = pdf_text(&pdf);
        for needle in [invoice_number.as_str(), "فهد الدوسري", "فاتورة ضريبية مبسطة", "146,803.25", "19,148.25"] {
            assert!(text.contains(needle), "{needle} missing from the PDF:\n{text}");
        }
        let png = e2e::driver::artifacts_dir().join("44-invoice-pdf");
        let rendered = std::process::Command::new("pdftoppm")
            .args(["-r", "60", "-png", "-singlefile", &pdf, png.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(rendered.success());

        // The invoices list has it, reached from the quotations' tabs.
        app.route("#/quotations").await;
        app.click(".doc-tabs a[data-tab=invoice]").await;
        app.wait_until(
            "the invoice listed",
            &format!("document.querySelector('#docs-table tr[data-doc-id][data-status=issued]')?.textContent.includes({})", json!(invoice_number)),
        )
        .await;

        // The money path left its marks: purchase history, inquiry won, timeline entries.
        let db = Db::open(&path).unwrap();
        let (contact, amount, inquiry): (String, String, String) = db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT p.contact_id, p.amount, i.status FROM contact_purchases p
                     JOIN inquiries i ON i.contact_id = p.contact_id WHERE p.doc_type = 'invoice'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?)
            })
            .unwrap();
        assert_eq!(amount.trim_end_matches('0').trim_end_matches('.'), "146803.25");
        assert_eq!(inquiry, "won");
        let printed: i64 = db
            .read(|c| Ok(c.query_row("SELECT count(*) FROM sales_events WHERE doc_type = 'invoice' AND event = 'printed'", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(printed, 1);
        app.route(&format!("#/contacts/{contact}")).await;
        app.wait_until(
            "sales documents on the contact's timeline",
            "document.querySelectorAll('#timeline-list li[data-source=sales]').length >= 4",
        )
        .await;
        painted_screenshot(&app, "45-contact-timeline-sales-ar").await;
        app.quit().await;
    })
    .await;
}

/// A showroom's legacy customer list as people keep them: a merged title above the
/// header, an empty row, Arabic titles, mobiles and office phones typed as numbers (their
/// zero gone), an office-phone column no synonym knows, a bad email, a row repeated, a
/// row sharing another's office phone, and a totals row. 3,000 customers and 2 more rows.
fn messy_customers(dir: &std::path::Path) -> std::path::PathBuf {
    use rust_xlsxwriter::{Format, Workbook};
    const FIRST: [&str; 30] = [
        "أحمد",
        "محمد",
        "عبدالله",
        "خالد",
        "فهد",
        "سعد",
        "ناصر",
        "سلطان",
        "فيصل",
        "تركي",
        "ماجد",
        "بندر",
        "سارة",
        "نورة",
        "منى",
        "هند",
        "ريم",
        "لمى",
        "عبير",
        "أمل",
        "وليد",
        "يوسف",
        "إبراهيم",
        "عمر",
        "حسن",
        "علي",
        "طلال",
        "مشعل",
        "جواهر",
        "دانة",
    ];
    const FAMILY: [&str; 20] = [
        "القحطاني",
        "الغامدي",
        "الزهراني",
        "الدوسري",
        "العتيبي",
        "الشمري",
        "المطيري",
        "الحربي",
        "السبيعي",
        "العنزي",
        "الشهري",
        "البقمي",
        "الرشيد",
        "العمري",
        "المالكي",
        "الجهني",
        "الحازمي",
        "السهلي",
        "اليامي",
        "الخالدي",
    ];
    const CITIES: [&str; 5] = ["الرياض", "جدة", "الدمام", "مكة", "أبها"];
    let path = dir.join("عملاء المعرض 2024.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("العملاء").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        5,
        "كشف عملاء معرض الأمانة 2024",
        &Format::new().set_bold(),
    )
    .unwrap();
    for (c, title) in [
        "م",
        "اسم العميل",
        "رقم الجوال",
        "تلفون المكتب",
        "البريد الإلكتروني",
        "المدينة",
    ]
    .iter()
    .enumerate()
    {
        ws.write(2, c as u16, *title).unwrap();
    }
    let customer = |i: usize| {
        (
            format!("{} {}", FIRST[i % 30], FAMILY[(i / 30) % 20]),
            551_000_000.0 + i as f64,
            112_000_000.0 + i as f64,
            CITIES[i / 600],
        )
    };
    let mut r = 3u32;
    let mut write = |no: u32, name: &str, mobile: f64, office: f64, email: &str, city: &str| {
        ws.write(r, 0, no).unwrap();
        ws.write(r, 1, name).unwrap();
        ws.write(r, 2, mobile).unwrap();
        ws.write(r, 3, office).unwrap();
        if !email.is_empty() {
            ws.write(r, 4, email).unwrap();
        }
        ws.write(r, 5, city).unwrap();
        r += 1;
    };
    for i in 0..3000 {
        let (name, mobile, office, city) = customer(i);
        // Row 10 of the sheet (the 7th customer) has an email that cannot be right.
        let email = match i {
            6 => "not-an-email".to_string(),
            i if i % 3 == 0 => format!("c{i}@amana.example"),
            _ => String::new(),
        };
        write(i as u32 + 1, &name, mobile, office, &email, city);
    }
    // The third customer typed again (sheet row 3004), and someone new at the fifth
    // customer's office (row 3005): a duplicate only once the office column is mapped.
    let (name, mobile, office, city) = customer(2);
    write(3001, &name, mobile, office, "", city);
    write(
        3002,
        "زائر من نفس المكتب",
        559_999_999.0,
        customer(4).2,
        "",
        "تبوك",
    );
    ws.write(r, 1, "المجموع").unwrap();
    ws.write(r, 0, 3002).unwrap();
    wb.save(&path).unwrap();
    path
}

/// The count a strip shows: `#import-counts [data-count=new]` and the like.
async fn count_shown(app: &App, strip: &str, key: &str) -> i64 {
    let v = app
        .js(&format!(
            "return document.querySelector('#{strip} [data-count={key}]')?.dataset.value ?? null"
        ))
        .await;
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or(-1)
}

#[tokio::test(flavor = "current_thread")]
async fn a_messy_workbook_is_mapped_previewed_imported_reported_and_undone_in_the_window() {
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[], 5);
        let workbook = messy_customers(dir.path());
        // The system's "open" is a script that writes down what it was given.
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let opened_log = dir.path().join("opened.txt");
        let stub = bin.join("xdg-open");
        std::fs::write(&stub, format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", opened_log.display())).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut search_path = std::ffi::OsString::from(&bin);
        search_path.push(":");
        search_path.push(std::env::var_os("PATH").unwrap_or_default());
        let app = App::launch_with_env(dir, path.clone(), &[("PATH", search_path)]).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        let db = Db::open(&path).unwrap();
        let contacts = || -> i64 {
            db.read(|c| Ok(c.query_row("SELECT count(*) FROM contacts WHERE deleted_at IS NULL", [], |r| r.get(0))?)).unwrap()
        };

        // From the contacts list to the wizard.
        app.click("#main-nav a[data-route=contacts]").await;
        app.click("#contact-import-excel").await;
        app.wait_for("#import-drop").await;
        assert_eq!(app.js("return document.querySelector('#import-kind').value").await, json!("contacts"));
        painted_screenshot(&app, "50-import-file-ar").await;

        // The workbook goes into the file input as a person's pick would.
        let bytes = std::fs::read(&workbook).unwrap();
        app.client
            .execute(
                "const [bytes, name] = arguments; const dt = new DataTransfer();
                 dt.items.add(new File([new Uint8Array(bytes)], name, {type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}));
                 const input = document.querySelector('#import-file'); input.files = dt.files;
                 input.dispatchEvent(new Event('change')); return true;",
                vec![json!(bytes), json!("عملاء المعرض 2024.xlsx")],
            )
            .await
            .unwrap();
        app.wait_until("the first check", "document.querySelector('#import-counts [data-count=total]')?.dataset.value === '3002'").await;
        assert_eq!(app.js("return document.querySelector('#import-header-row').value").await, json!("3"), "the header under the title");
        assert_eq!(app.js("return document.querySelector('#import-sheet').value").await, json!("العملاء"));
        assert_eq!(count_shown(&app, "import-counts", "duplicate").await, 1, "only the repeated row, the office column unmapped");
        assert_eq!(count_shown(&app, "import-counts", "invalid").await, 1);
        assert_eq!(count_shown(&app, "import-counts", "new").await, 3000);
        assert_eq!(contacts(), 0, "a check writes nothing");

        // The columns: the synonyms found all but the office phone, mapped here by hand.
        app.click("#import-next").await;
        app.wait_for("#import-step-map:not([hidden]) #import-map select[data-column='3']").await;
        let mapped = app
            .js("return [...document.querySelectorAll('#import-map select[data-column]')].map((s) => s.value)")
            .await;
        assert_eq!(mapped, json!(["", "name_ar", "phones", "", "emails", "city"]));
        let office = app.text("#import-map tr[data-column='3'] .col-header").await;
        assert!(office.contains("تلفون المكتب"), "{office}");
        // The values as the file holds them: the mobile typed as a number, its zero gone.
        let samples = app.js("return document.querySelector(\"#import-map tr[data-column='2']\").outerHTML").await;
        let samples = samples.as_str().unwrap_or_default();
        assert!(samples.contains(">551000000<") && samples.contains(">551000001<"), "{samples}");
        set_value(&app, "#import-map select[data-column='3']", "phones").await;
        app.wait_until(
            "the check with the office phones",
            "document.querySelector('#import-counts [data-count=duplicate]')?.dataset.value === '2' && !document.querySelector('#import-busy:not([hidden])')",
        )
        .await;
        assert_eq!(count_shown(&app, "import-counts", "new").await, 2999);
        // Kept as a profile for next month's file.
        app.fill("#import-profile-name", "كشف العملاء الشهري").await;
        app.click("#import-profile-save").await;
        app.wait_until("the profile listed", "document.querySelector('#import-profile').value === 'كشف العملاء الشهري'").await;
        let profile: String = db
            .read(|c| Ok(c.query_row("SELECT mapping FROM import_profiles WHERE name = 'كشف العملاء الشهري'", [], |r| r.get(0))?))
            .unwrap();
        assert!(profile.contains("تلفون المكتب") && profile.contains("phones"), "{profile}");
        painted_screenshot(&app, "51-import-mapping-ar").await;

        // The preview: rows as they will be saved, problems marked with their reason.
        app.click("#import-next").await;
        app.wait_for("#import-step-preview:not([hidden]) #import-preview tr[data-row='4']").await;
        let first = app.text("#import-preview tr[data-row='4'] [data-field=phones]").await;
        assert!(first.contains("0551000000") && first.contains("0112000000"), "both phones with their zero: {first}");
        let bad = app.text("#import-preview tr[data-row='10'][data-outcome=invalid] .col-reason").await;
        assert!(bad.contains("البريد"), "the reason names the email: {bad}");
        // The visitor at the fifth customer's office (row 8 of the sheet) is named as such.
        let dup = app.text("#import-preview tr[data-row='3005'][data-outcome=duplicate] .col-reason").await;
        assert!(dup.contains("للصف 8 "), "the row it repeats: {dup}");
        painted_screenshot(&app, "52-import-preview-ar").await;

        // The import, with the progress bar watched as it moves.
        app.click("#import-next").await;
        app.wait_for("#import-step-run:not([hidden]) #import-run:not([disabled])").await;
        app.js(
            "window.__progress = []; const bar = document.querySelector('#import-progress');
             new MutationObserver(() => { if (bar.hasAttribute('value')) window.__progress.push(bar.value); })
               .observe(bar, {attributes: true, attributeFilter: ['value']}); return true;",
        )
        .await;
        app.click("#import-run").await;
        app.wait_until("the result", "document.querySelector('#import-result[data-batch-id]:not([hidden])')?.dataset.batchId").await;
        let seen = app.js("return window.__progress").await;
        let values: Vec<f64> = seen.as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
        eprintln!("progress values seen during the import: {values:?}");
        assert!(values.iter().any(|v| *v > 0.0), "the progress bar moved: {values:?}");
        assert_eq!(count_shown(&app, "import-result-counts", "new").await, 2999);
        assert_eq!(count_shown(&app, "import-result-counts", "duplicate").await, 2);
        assert_eq!(count_shown(&app, "import-result-counts", "invalid").await, 1);
        assert_eq!(contacts(), 2999);
        let batch = app.js("return document.querySelector('#import-result').dataset.batchId").await;
        let batch = batch.as_str().unwrap().to_string();
        assert_eq!(app.text("#import-batch-id").await, batch);
        painted_screenshot(&app, "53-import-result-ar").await;

        // The error report: the three rows left out, as they were, with their reasons.
        app.click("#import-errors-open").await;
        app.wait_for("#import-errors-file[data-path]").await;
        let report = app.js("return document.querySelector('#import-errors-file').dataset.path").await;
        let report = std::path::PathBuf::from(report.as_str().unwrap());
        assert!(report.is_file(), "{}", report.display());
        assert_eq!(report.extension().and_then(|e| e.to_str()), Some("xlsx"));
        // The opener starts the program detached: give it a moment to write.
        let mut handed = String::new();
        for _ in 0..50 {
            handed = std::fs::read_to_string(&opened_log).unwrap_or_default();
            if !handed.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(handed.trim(), report.display().to_string(), "the system was asked to open the report");
        {
            use calamine::{open_workbook_auto, Data, Reader};
            let mut wb = open_workbook_auto(&report).unwrap();
            let name = wb.sheet_names()[0].clone();
            let rows: Vec<Vec<Data>> = wb.worksheet_range(&name).unwrap().rows().map(|r| r.to_vec()).collect();
            let text = |d: &Data| match d {
                Data::String(s) => s.clone(),
                Data::Float(f) => f.to_string(),
                Data::Int(i) => i.to_string(),
                other => format!("{other:?}"),
            };
            let head: Vec<String> = rows[0].iter().map(text).collect();
            assert_eq!(head[0], "الصف / Row");
            assert_eq!(&head[2..5], ["اسم العميل", "رقم الجوال", "تلفون المكتب"]);
            assert_eq!(&head[head.len() - 2..], ["السبب", "Reason"]);
            let left: Vec<String> = rows[1..].iter().map(|r| text(&r[0])).collect();
            assert_eq!(left, ["10", "3004", "3005"]);
            assert_eq!(text(&rows[1][5]), "not-an-email", "the row as it was in the file");
            for r in &rows[1..] {
                assert!(!text(&r[head.len() - 2]).is_empty() && !text(&r[head.len() - 1]).is_empty(), "a reason in both languages: {r:?}");
            }
        }

        // The contacts list has them, the phone with its leading zero.
        app.route("#/contacts").await;
        app.fill("#contact-search", "1000004").await;
        app.wait_until(
            "the imported contact",
            "(() => { const rows = [...document.querySelectorAll('#contacts-table tr[data-contact-id]')];
               return rows.length === 1 && rows[0].textContent.includes('0551000004') && rows[0].textContent.includes('فهد القحطاني'); })()",
        )
        .await;
        painted_screenshot(&app, "54-import-contacts-ar").await;

        // Undone from the history: every imported contact goes.
        app.route("#/import").await;
        let row = format!("#import-history tr[data-batch-id='{batch}']");
        app.wait_for(&format!("{row}[data-undone=false]")).await;
        let by = app.text(&row).await;
        let by: String = by.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')).collect();
        assert!(by.contains("خالد المدير") && by.contains("عملاء المعرض 2024.xlsx"), "{by}");
        app.click(&format!("{row} button[data-action=undo]")).await;
        app.wait_for("#confirm-dialog[open]").await;
        painted_screenshot(&app, "55-import-undo-confirm-ar").await;
        app.click("#confirm-ok").await;
        app.wait_for(&format!("{row}[data-undone=true]")).await;
        assert_eq!(contacts(), 0, "the batch is undone completely");
        app.js("document.querySelector('#import-history').scrollIntoView({block: 'start'}); return true;").await;
        painted_screenshot(&app, "56-import-history-ar").await;
        app.route("#/contacts").await;
        app.fill("#contact-search", "1000004").await;
        app.wait_until("the contact gone", "document.querySelector('#contacts-empty[data-state=no-results]:not([hidden])')").await;

        // Straight through the commands: a stale token is refused, and a mapping that does
        // not fit still sends the sheet's columns so they can be mapped by hand.
        let gone = app
            .invoke("import_check", json!({"token": "no-such-token", "options": {"kind": "contacts"}}))
            .await
            .unwrap_err();
        assert_eq!(gone["code"], "import_file_gone");
        let staged = app
            .js_async(&format!(
                "window.__TAURI__.core.invoke('import_stage', new Uint8Array({}), {{headers: {{'x-file-name': encodeURIComponent('عملاء.xlsx')}}}}).then(done, (e) => done({{error: e}}));",
                json!(bytes)
            ))
            .await;
        assert_eq!(staged["name"], "عملاء.xlsx", "{staged}");
        assert_eq!(staged["size"], json!(bytes.len()));
        let refused = app
            .invoke(
                "import_check",
                json!({"token": staged["token"], "options": {"kind": "contacts", "mapping": [{"column": 1, "field": "shoe_size"}]}}),
            )
            .await
            .unwrap_err();
        assert_eq!(refused["code"], "import_unknown_field");
        let layout = &refused["details"]["layout"];
        assert_eq!(layout["header_row"], 3, "{refused}");
        assert_eq!(layout["columns"][3]["header"], "تلفون المكتب");
        assert!(layout["fields"].as_array().unwrap().iter().any(|f| f["key"] == "phones"));

        // The same wizard in English lays out left to right.
        app.route("#/import").await;
        app.wait_for("#import-drop").await;
        app.click(".lang-toggle").await;
        app.wait_until("English", "document.documentElement.dir === 'ltr'").await;
        painted_screenshot(&app, "57-import-file-en").await;
        app.quit().await;
    })
    .await;
}

/// A PATH whose `xdg-open` writes down what it was given (to `log`), ahead of the real one.
fn recording_opener(dir: &std::path::Path, log: &std::path::Path) -> std::ffi::OsString {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let stub = bin.join("xdg-open");
    std::fs::write(
        &stub,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut search_path = std::ffi::OsString::from(&bin);
    search_path.push(":");
    search_path.push(std::env::var_os("PATH").unwrap_or_default());
    search_path
}

/// Waits until the recording opener has been given `what`.
async fn handed_to_system(log: &std::path::Path, what: &std::path::Path) {
    for _ in 0..50 {
        let handed = std::fs::read_to_string(log).unwrap_or_default();
        if handed.lines().any(|l| l == what.to_string_lossy()) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "{} was not handed to the system: {:?}",
        what.display(),
        std::fs::read_to_string(log)
    );
}

/// The keys of the ticked columns, in the order the file will have them.
const CHOSEN: &str = "[...document.querySelectorAll('#export-columns input[type=checkbox]:checked')].map((b) => b.value)";

#[tokio::test(flavor = "current_thread")]
async fn the_contacts_list_exports_the_chosen_columns_in_their_order_through_the_save_dialog() {
    use maarid_core::contacts::{self, ContactInput, DuplicatePolicy, PhoneInput, PhoneLabel};
    use maarid_core::export::{self, ExportKind};
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[], 5);
        let people = [
            ("فهد القحطاني", vec!["0551000001", "0112000001"], "fahad@example.com", "الرياض"),
            ("سارة العتيبي", vec!["0551000002"], "", "جدة"),
            ("محمد الزهراني", vec!["0551000003"], "mohammed@example.com", ""),
            ("نورة الشهري", vec!["0551000004"], "", "الدمام"),
            ("عبدالله الغامدي", vec!["0551000005"], "", "مكة"),
        ];
        let labels: std::collections::HashMap<String, String> = {
            let db = Db::open(&path).unwrap();
            let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
            let rows: Vec<ContactInput> = people
                .iter()
                .map(|(name, phones, email, city)| ContactInput {
                    name_ar: name.to_string(),
                    phones: phones.iter().map(|p| PhoneInput { number: p.to_string(), label: PhoneLabel::Mobile }).collect(),
                    emails: if email.is_empty() { vec![] } else { vec![email.to_string()] },
                    city: city.to_string(),
                    ..Default::default()
                })
                .collect();
            assert!(contacts::create_batch(&db, &admin.actor, &rows, DuplicatePolicy::Refuse).unwrap().saved);
            export::columns(&db, &admin.actor, ExportKind::Contacts).unwrap().into_iter().map(|c| (c.key, c.label.ar)).collect()
        };
        let exports = dir.path().join("exports");
        std::fs::create_dir_all(&exports).unwrap();
        let target = exports.join("customers.xlsx");
        let opened_log = dir.path().join("opened.txt");
        let search_path = recording_opener(dir.path(), &opened_log);
        let app = App::launch_with_env(dir, path.clone(), &[("PATH", search_path)]).await;
        login(&app, "admin", ADMIN_PW).await;
        app.wait_for("#main-nav").await;
        app.click("#main-nav a[data-route=contacts]").await;
        app.wait_until("five contacts", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 5").await;

        painted_screenshot(&app, "59-export-contacts-list-ar").await;

        // The dialog lists every column in the core's order, ids unticked.
        app.click("#export-button").await;
        app.wait_for("#export-dialog[open] #export-columns li[data-key=name_ar] input:checked").await;
        assert_eq!(app.js("return document.querySelector('#export-columns li[data-key=id] input').checked").await, json!(false));
        assert_eq!(app.js("return document.querySelector('#export-lang').value").await, json!("ar"), "the sheet in the UI's language");
        assert_eq!(app.js("return document.querySelector('input[name=export-format]:checked').value").await, json!("xlsx"));
        painted_screenshot(&app, "60-export-dialog-ar").await;

        // None, then five ticked by hand; the city above the emails, the phones to the top.
        app.click("#export-none").await;
        assert_eq!(app.js(&format!("return {CHOSEN}")).await, json!([]));
        assert_eq!(app.js("return document.querySelector('#export-run').disabled").await, json!(true), "nothing to export");
        for key in ["name_ar", "phones", "emails", "city", "notes"] {
            app.click(&format!("#export-columns li[data-key='{key}'] input")).await;
        }
        app.click("#export-columns li[data-key=city] button[data-move=up]").await;
        for _ in 0..5 {
            app.click("#export-columns li[data-key=phones] button[data-move=up]").await;
        }
        let chosen = ["phones", "name_ar", "city", "emails", "notes"];
        assert_eq!(app.js(&format!("return {CHOSEN}")).await, json!(chosen));
        assert_eq!(app.js("return document.querySelector('#export-columns li[data-key=phones] button[data-move=up]').disabled").await, json!(true), "the first row cannot go higher");
        painted_screenshot(&app, "61-export-columns-chosen-ar").await;

        // Export: the GTK file chooser is answered by typing the path, as a person would.
        let screen = Screen::of_app(&app.db_path);
        let before = screen.windows();
        app.click("#export-run").await;
        let title = screen.save_as(&before, &target).await;
        assert_eq!(title, "حفظ الملف المُصدَّر", "the chooser in the user's language");
        app.wait_for("#export-result[data-path]:not([hidden])").await;
        assert_eq!(app.js("return document.querySelector('#export-result').dataset.path").await, json!(target.to_string_lossy()));
        assert_eq!(app.js("return document.querySelector('#export-result').dataset.rows").await, json!("5"));
        painted_screenshot(&app, "62-export-result-ar").await;

        // The file: exactly those columns in that order, Arabic headers, every contact,
        // phones as text with their leading zero.
        {
            use calamine::{open_workbook_auto, Data, Reader};
            let mut wb = open_workbook_auto(&target).unwrap();
            let sheet = wb.sheet_names()[0].clone();
            let rows: Vec<Vec<Data>> = wb.worksheet_range(&sheet).unwrap().rows().map(|r| r.to_vec()).collect();
            let text = |d: &Data| match d {
                Data::String(s) => s.clone(),
                Data::Empty => String::new(),
                other => panic!("a text cell expected, got {other:?}"),
            };
            let head: Vec<String> = rows[0].iter().map(text).collect();
            let want: Vec<String> = chosen.iter().map(|k| labels[*k].clone()).collect();
            assert_eq!(head, want);
            assert_eq!(head[..3], ["أرقام الهاتف", "الاسم بالعربية", "المدينة"], "{head:?}");
            assert_eq!(rows.len(), 1 + people.len(), "every contact");
            for (name, phones, email, city) in &people {
                let row = rows[1..].iter().find(|r| text(&r[1]) == *name).unwrap_or_else(|| panic!("{name} missing"));
                assert_eq!(text(&row[0]), phones.join("; "), "phones as typed, zero and all");
                assert_eq!(text(&row[2]), *city);
                assert_eq!(text(&row[3]), *email);
                assert_eq!(row.len(), chosen.len());
            }
        }

        // Open and Show in folder hand the file, then its folder, to the system.
        app.click("#export-open").await;
        handed_to_system(&opened_log, &target).await;
        app.click("#export-reveal").await;
        handed_to_system(&opened_log, &exports).await;
        // Only files this window exported: not any path a page names.
        let refused = app.invoke("export_reveal", json!({"path": "/etc/passwd", "action": "open"})).await.unwrap_err();
        assert_eq!(refused["code"], "export_file_unknown");

        // The choice is remembered for next time.
        app.click("#export-dialog [data-close]").await;
        app.click("#export-button").await;
        app.wait_for("#export-dialog[open] #export-columns li[data-key=phones]").await;
        app.wait_until("the remembered columns", &format!("JSON.stringify({CHOSEN}) === '{}'", json!(chosen))).await;

        // Quotations offer their lines too: choosing them lists the lines' columns.
        app.click("#export-dialog [data-close]").await;
        app.click("#main-nav a[data-route=quotations]").await;
        app.click("#export-button").await;
        app.wait_for("#export-dialog[open] #export-columns li[data-key=valid_until]").await;
        let kinds = app.js("return [...document.querySelectorAll('#export-kind option')].map((o) => o.value)").await;
        assert_eq!(kinds, json!(["quotes", "quote_lines"]));
        set_value(&app, "#export-kind", "quote_lines").await;
        app.wait_for("#export-dialog[open] #export-columns li[data-key=unit_price] input:checked").await;
        painted_screenshot(&app, "64-export-quote-lines-ar").await;

        // In English the dialog lays out left to right.
        app.click("#export-dialog [data-close]").await;
        app.click("#main-nav a[data-route=contacts]").await;
        app.click(".lang-toggle").await;
        app.wait_until("English", "document.documentElement.dir === 'ltr'").await;
        app.click("#export-button").await;
        app.wait_for("#export-dialog[open] #export-columns li[data-key=phones]").await;
        painted_screenshot(&app, "63-export-dialog-en").await;
        app.quit().await;
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_user_exports_only_what_their_role_may_read() {
    use maarid_core::access::roles::{self, RoleInput};
    use maarid_core::access::Scope;
    use maarid_core::contacts::{self, ContactInput, PhoneInput, PhoneLabel};
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(&dir, &[], 5);
        {
            let db = Db::open(&path).unwrap();
            let admin = users::login(&db, "admin", ADMIN_PW).unwrap().actor;
            // A role that reads its own contacts and nothing else.
            let permissions = std::collections::BTreeMap::from([(
                "contact".to_string(),
                std::collections::BTreeMap::from([("read".to_string(), Scope::Own)]),
            )]);
            let role = roles::create(&db, &admin, &RoleInput { name_ar: "قارئ جهاته".into(), name_en: "Own contacts reader".into(), permissions }).unwrap();
            let lina = users::add(
                &db,
                &admin,
                &NewUser { username: "lina".into(), full_name: "لينا".into(), email: String::new(), password: "lina-password".into(), role_id: role.id, locale: None },
            )
            .unwrap();
            let mut ids = Vec::new();
            for (name, phone) in [("ريم الحربي", "0552000001"), ("ماجد السبيعي", "0552000002"), ("هند المطيري", "0552000003")] {
                let input = ContactInput { name_ar: name.into(), phones: vec![PhoneInput { number: phone.into(), label: PhoneLabel::Mobile }], ..Default::default() };
                ids.push(contacts::create(&db, &admin, &input, false).unwrap().id);
            }
            contacts::assign_owner(&db, &admin, &ids[..1], Some(&lina.id)).unwrap();
        }
        let exports = dir.path().join("exports");
        std::fs::create_dir_all(&exports).unwrap();
        let app = App::launch_with(dir, path.clone()).await;
        login(&app, "lina", "lina-password").await;
        app.wait_for("#main-nav").await;
        let screen = Screen::of_app(&app.db_path);

        // Her list and her export: her one contact.
        app.click("#main-nav a[data-route=contacts]").await;
        app.wait_until("her contact", "document.querySelectorAll('#contacts-table tr[data-contact-id]').length === 1").await;
        app.click("#export-button").await;
        app.wait_for("#export-dialog[open] #export-run:not([disabled])").await;
        let before = screen.windows();
        app.click("#export-run").await;
        let mine = exports.join("mine.csv");
        screen.save_as(&before, &mine).await;
        app.wait_for("#export-result[data-path]:not([hidden])").await;
        assert_eq!(app.js("return document.querySelector('#export-result').dataset.rows").await, json!("1"));
        // Excel was chosen but she typed .csv: the name she typed decides.
        let text = std::fs::read_to_string(&mine).unwrap();
        assert!(text.contains("ريم الحربي") && text.contains("0552000001"), "{text}");
        assert!(!text.contains("ماجد") && !text.contains("هند"), "only her own: {text}");

        // Straight through the commands, as from the devtools: refused before any dialog.
        let refused = app.invoke("export_columns", json!({"kind": "quotes"})).await.unwrap_err();
        assert_eq!(refused["code"], "not_permitted");
        let before = screen.windows();
        let refused = app
            .invoke("export_run", json!({"request": {"kind": "invoices", "columns": ["number"], "lang": "ar"}, "format": "xlsx"}))
            .await
            .unwrap_err();
        assert_eq!(refused["code"], "not_permitted");
        assert_eq!(screen.windows(), before, "no save dialog for a refused export");

        // Everything she may read: the contacts sheet alone, her contact alone.
        app.route("#/import").await;
        app.click("#export-everything").await;
        app.wait_for("#export-everything-dialog[open]").await;
        painted_screenshot(&app, "65-export-everything-ar").await;
        let before = screen.windows();
        app.click("#export-everything-dialog #export-run").await;
        let all = exports.join("all-of-it");
        screen.save_as(&before, &all).await;
        app.wait_for("#export-everything-dialog #export-result[data-path]:not([hidden])").await;
        let written = exports.join("all-of-it.xlsx");
        assert_eq!(app.js("return document.querySelector('#export-everything-dialog #export-result').dataset.path").await, json!(written.to_string_lossy()), "the extension added");
        {
            use calamine::{open_workbook_auto, Reader};
            let mut wb = open_workbook_auto(&written).unwrap();
            assert_eq!(wb.sheet_names(), ["جهات الاتصال"]);
            let range = wb.worksheet_range("جهات الاتصال").unwrap();
            assert_eq!(range.height(), 2, "the header and her contact");
        }
        painted_screenshot(&app, "66-export-everything-done-ar").await;

        // The same name again: the chooser cannot know the completed name exists, so the
        // app asks before replacing it; Escape keeps the file as it was.
        let stamp = std::fs::metadata(&written).unwrap().modified().unwrap();
        let before = screen.windows();
        app.click("#export-everything-dialog #export-run").await;
        screen.save_as(&before, &all).await;
        let before = screen.windows();
        screen.answer_next(&before, "Escape").await;
        app.wait_until("the export given up", "document.querySelector('#export-everything-dialog #export-result').hidden && !document.querySelector('#export-everything-dialog #export-busy:not([hidden])')").await;
        assert_eq!(std::fs::metadata(&written).unwrap().modified().unwrap(), stamp, "not replaced");
        assert_eq!(app.js("return document.querySelector('#export-everything-dialog #export-error').children.length").await, json!(0), "a choice, not an error");
        app.quit().await;
    })
    .await;
}

/// Team tasks (issue 6 item 5): a sales user makes a task on a contact card and gives
/// it to her manager too, works it through "My tasks", and the manager sees it done in
/// "Team tasks"; the contact's timeline shows its steps.
#[tokio::test(flavor = "current_thread")]
async fn a_task_from_a_contact_card_is_assigned_done_and_seen_in_team_tasks() {
    use maarid_core::contacts::{self, ContactInput};
    use maarid_core::tasks::{self, TaskQuery, TaskStatus};
    let _turn = exclusive().await;
    within(async {
        let dir = tempfile::tempdir().unwrap();
        let path = prepared_db(
            &dir,
            &[("sara", "sales_user"), ("mona", "sales_manager")],
            5,
        );
        let (contact, mona_id) = {
            let db = Db::open(&path).unwrap();
            let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
            let input = ContactInput {
                name_ar: "فيصل الحربي".into(),
                ..Default::default()
            };
            let c = contacts::create(&db, &admin.actor, &input, false).unwrap();
            (c.id, users::get(&db, &admin.actor, "mona").unwrap().id)
        };
        let app = App::launch_with(dir, path.clone()).await;
        login(&app, "sara", "sara-password").await;
        app.wait_for("#main-nav").await;

        // From the contact card: the dialog comes linked to the contact.
        app.route(&format!("#/contacts/{contact}")).await;
        app.click("#new-task-button").await;
        app.wait_for("#task-dialog[open] #task-link:not([hidden])")
            .await;
        assert!(app.text("#task-link").await.contains("فيصل الحربي"));
        app.fill("#task-title", "تجهيز السيارة للتسليم").await;
        app.fill("#task-description", "غسيل وتلميع وفحص الإطارات قبل الموعد")
            .await;
        set_value(&app, "#task-priority", "high").await;
        set_value(&app, "#task-estimate", "90").await;
        set_value(&app, "#task-due-on", "2026-12-03").await;
        set_value(&app, "#task-due-time", "14:30").await;
        app.click(&format!("#task-assignees input[value='{mona_id}']"))
            .await;
        painted_screenshot(&app, "70-task-dialog-ar").await;
        app.click("#task-save").await;
        app.wait_until(
            "the dialog closed",
            "!document.querySelector('#task-dialog[open]')",
        )
        .await;
        let saved = {
            let db = Db::open(&path).unwrap();
            let admin = users::login(&db, "admin", ADMIN_PW).unwrap();
            let list = tasks::list(&db, &admin.actor, &TaskQuery::default()).unwrap();
            assert_eq!(list.len(), 1);
            list.into_iter().next().unwrap()
        };
        assert_eq!(
            saved.link.as_ref().map(|l| l.id.as_str()),
            Some(contact.as_str())
        );
        assert_eq!(saved.assignees.len(), 2, "Sara and Mona");
        assert_eq!(saved.estimate_minutes, Some(90));
        assert_eq!(
            saved.due_time.map(|t| t.to_string()),
            Some("14:30:00".into())
        );

        // My tasks: a sales user has no team tab.
        app.route("#/tasks").await;
        let row = format!("#tasks-table tr[data-task-id='{}']", saved.id);
        app.wait_for(&format!("{row}[data-status=to_do]")).await;
        assert_eq!(
            app.js("return document.querySelectorAll('.task-tabs a').length")
                .await,
            json!(1)
        );
        app.click(&format!("{row} button[data-action=start]")).await;
        app.wait_for(&format!("{row}[data-status=in_progress]"))
            .await;
        painted_screenshot(&app, "71-my-tasks-ar").await;
        app.click(&format!("{row} button[data-action=done]")).await;
        app.wait_for("#tasks-empty[data-state=no-tasks]").await;

        // The contact's timeline tells the story.
        app.route(&format!("#/contacts/{contact}")).await;
        app.wait_until(
            "the task's steps on the timeline",
            "document.querySelectorAll('#timeline-list li[data-source=task]').length === 3",
        )
        .await;
        painted_screenshot(&app, "73-card-task-timeline-ar").await;

        // The manager sees it, done, among the team's tasks.
        app.click("#logout").await;
        login(&app, "mona", "mona-password").await;
        app.wait_for("#main-nav").await;
        app.route("#/tasks/team").await;
        app.wait_for(".task-tabs a[data-tab=team][aria-current=page]")
            .await;
        set_value(&app, "#tasks-filter-status", "done").await;
        app.wait_for(&format!("{row}[data-status=done]")).await;
        painted_screenshot(&app, "72-team-tasks-ar").await;
        // Opened again: its history, who did what.
        app.click(&format!("{row} button[data-action=edit]")).await;
        app.wait_for("#task-dialog[open] #task-history li[data-to=done]")
            .await;
        assert_eq!(
            app.js("return document.querySelectorAll('#task-history li').length")
                .await,
            json!(3)
        );
        app.js("document.querySelector('#task-history').scrollIntoView({block: 'end'})")
            .await;
        painted_screenshot(&app, "74-task-edit-ar").await;
        let db = Db::open(&path).unwrap();
        let steps: Vec<TaskStatus> = db
            .read(|c| {
                let mut s = c.prepare("SELECT to_status FROM task_events ORDER BY at, id")?;
                let rows = s.query_map([], |r| r.get::<_, String>(0))?;
                Ok(rows
                    .map(|r| TaskStatus::parse(&r.unwrap()).unwrap())
                    .collect())
            })
            .unwrap();
        assert_eq!(
            steps,
            [TaskStatus::ToDo, TaskStatus::InProgress, TaskStatus::Done]
        );
        app.quit().await;
    })
    .await;
}
