//! Every human-readable string of the CLI, Arabic and English side by side, so a
//! translator can review them in one place. (The core's error messages live in the
//! core; help text is English only, as clap prints it before the language is known.)

use std::path::Path;

use maarid_core::company::Company;
use maarid_core::contacts::{
    BatchReport, MergeOutcome, MergeRecord, RowOutcome, TimelinePage, VcfImport,
};
use maarid_core::contacts::{
    Channel, Contact, ContactKind, ContactPhone, ContactSummary, DuplicateMatch, DuplicateReason,
    PhoneLabel, SearchPage, Source,
};
use maarid_core::db::{BackupInfo, MigrationReport};
use maarid_core::i18n::Text;
use maarid_core::interactions::Interaction;
use maarid_core::numbering::Series;
use maarid_core::users::User;
use maarid_core::Locale;

fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

fn both(ar: String, en: String) -> Text<String> {
    Text::new(ar, en)
}

// ---- Errors the CLI detects itself -------------------------------------------------
// Options like --yes are wrapped in \u{200e} (left-to-right mark) inside Arabic text so
// terminals that apply bidi show the dashes on the correct side.

pub fn admin_password_missing() -> Text<String> {
    both(
        "كلمة مرور المدير مطلوبة: استخدم \u{200e}--admin-password-file\u{200e} أو \u{200e}--admin-password\u{200e} أو متغير البيئة MAARID_ADMIN_PASSWORD.".into(),
        "The administrator's password is required: give --admin-password-file, --admin-password or the MAARID_ADMIN_PASSWORD environment variable.".into(),
    )
}

pub fn user_password_missing() -> Text<String> {
    both(
        "كلمة مرور المستخدم مطلوبة: استخدم \u{200e}--password-file\u{200e} أو \u{200e}--password\u{200e} أو متغير البيئة MAARID_USER_PASSWORD.".into(),
        "The user's password is required: give --password-file, --password or the MAARID_USER_PASSWORD environment variable.".into(),
    )
}

pub fn no_default_currency(country: &str) -> Text<String> {
    both(
        format!("لا توجد عملة افتراضية للدولة {country}؛ حدّدها بالخيار \u{200e}--currency\u{200e}."),
        format!(
            "There is no default currency for the country {country}; give one with --currency."
        ),
    )
}

pub fn confirm_restore() -> Text<String> {
    both(
        "الاستعادة تستبدل قاعدة البيانات الحالية بالكامل. أعد تشغيل الأمر مع \u{200e}--yes\u{200e} للتأكيد.".into(),
        "Restoring replaces the whole current database. Run the command again with --yes to confirm.".into(),
    )
}

pub fn backup_target_exists(p: &Path) -> Text<String> {
    let p = p.display();
    both(
        format!(
            "الملف موجود مسبقًا: {p}. اختر اسمًا آخر، أو أضف \u{200e}--force\u{200e} للكتابة فوقه."
        ),
        format!(
            "The file already exists: {p}. Choose another name, or add --force to overwrite it."
        ),
    )
}

pub fn no_database(p: &Path) -> Text<String> {
    let p = p.display();
    both(
        format!("لا توجد قاعدة بيانات في {p}. تحقّق من الخيار \u{200e}--db\u{200e} أو متغير البيئة MAARID_DB."),
        format!("There is no database at {p}. Check --db or the MAARID_DB environment variable."),
    )
}

pub fn same_file_as_database(p: &Path) -> Text<String> {
    let p = p.display();
    both(
        format!("الملف {p} هو قاعدة البيانات الحالية نفسها؛ اختر ملفًا آخر."),
        format!("{p} is the current database itself; choose another file."),
    )
}

// ---- Notes (stderr) ------------------------------------------------------------------

/// Shown when opening the database for some other command updated its schema.
pub fn migrated_on_open(l: Locale, r: &MigrationReport) -> String {
    let (from, to) = (r.from_version, r.to_version);
    let backup = r.backup.as_deref().map(|p| p.display().to_string());
    match backup {
        Some(b) => pick(
            l,
            format!("ملاحظة: حُدّثت قاعدة البيانات من الإصدار {from} إلى {to}، وحُفظت نسخة احتياطية قبل ذلك في: {b}"),
            format!("Note: the database was updated from schema version {from} to {to}; a backup was saved first to: {b}"),
        ),
        None => pick(
            l,
            format!("ملاحظة: حُدّثت قاعدة البيانات من الإصدار {from} إلى {to}."),
            format!("Note: the database was updated from schema version {from} to {to}."),
        ),
    }
}

// ---- Results (stdout) ----------------------------------------------------------------

pub fn role_name(l: Locale, u: &User) -> String {
    match l {
        Locale::En if !u.role_name_en.trim().is_empty() => u.role_name_en.clone(),
        _ => u.role_name_ar.clone(),
    }
}

pub fn setup_done(
    l: Locale,
    database: &Path,
    company: &Company,
    admin: &User,
    series: &[Series],
) -> String {
    let c = &company.profile;
    let db = database.display();
    let name = if c.name_en.is_empty() {
        c.name_ar.clone()
    } else {
        format!("{} ({})", c.name_ar, c.name_en)
    };
    let admin_name = if admin.full_name.is_empty() {
        admin.username.clone()
    } else {
        format!("{} ({})", admin.username, admin.full_name)
    };
    let role = role_name(l, admin);
    let numbers = series
        .iter()
        .map(|s| s.preview.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    pick(
        l,
        format!(
            "اكتمل الإعداد الأولي.\n\
             قاعدة البيانات: {db}\n\
             المنشأة: {name}\n\
             الدولة: {}، العملة: {}، ضريبة القيمة المضافة: {}٪\n\
             المستخدم الأول: {admin_name}، بدور «{role}»\n\
             أرقام المستندات التالية: {numbers}\n\
             الإعدادات: القيم الافتراضية (تُعدَّل من شاشة الإعدادات في البرنامج).",
            c.country, c.currency, c.default_vat_rate
        ),
        format!(
            "First-run setup is complete.\n\
             Database: {db}\n\
             Company: {name}\n\
             Country: {}, currency: {}, VAT: {}%\n\
             First user: {admin_name}, role {role}\n\
             Next document numbers: {numbers}\n\
             Settings: the defaults (change them in the app's Settings screen).",
            c.country, c.currency, c.default_vat_rate
        ),
    )
}

pub fn user_added(l: Locale, u: &User) -> String {
    let role = role_name(l, u);
    pick(
        l,
        format!("تمت إضافة المستخدم «{}» بدور «{role}».", u.username),
        format!("User “{}” added with the role {role}.", u.username),
    )
}

pub fn role_changed(l: Locale, u: &User) -> String {
    let role = role_name(l, u);
    pick(
        l,
        format!("أصبح دور المستخدم «{}»: «{role}».", u.username),
        format!("User “{}” now has the role {role}.", u.username),
    )
}

pub fn user_locked(l: Locale, u: &User) -> String {
    pick(
        l,
        format!(
            "قُفل حساب المستخدم «{}»، ولن يتمكن من الدخول حتى يُفتح.",
            u.username
        ),
        format!(
            "User “{}” is locked and cannot log in until unlocked.",
            u.username
        ),
    )
}

pub fn user_unlocked(l: Locale, u: &User) -> String {
    pick(
        l,
        format!("فُتح حساب المستخدم «{}» ويمكنه الدخول الآن.", u.username),
        format!("User “{}” is unlocked and can log in again.", u.username),
    )
}

fn status(l: Locale, u: &User) -> &'static str {
    let (ar, en) = if !u.enabled {
        ("معطّل", "disabled")
    } else if u.locked {
        ("مقفل", "locked")
    } else {
        ("نشط", "active")
    };
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

/// "2026-03-09T10:11:12.345Z" → "2026-03-09 10:11 UTC" (stored times are UTC).
fn short_time(l: Locale, at: Option<&str>) -> String {
    match at {
        Some(t) if t.len() >= 16 => format!("{} {} UTC", &t[..10], &t[11..16]),
        Some(t) => t.to_string(),
        None => pick(l, "لم يدخل بعد".into(), "never".into()),
    }
}

pub fn users_table(l: Locale, users: &[User]) -> String {
    if users.is_empty() {
        return pick(l, "لا يوجد مستخدمون.".into(), "No users.".into());
    }
    let header: [&str; 5] = match l {
        Locale::Ar => ["اسم المستخدم", "الاسم الكامل", "الدور", "الحالة", "آخر دخول"],
        Locale::En => ["Username", "Full name", "Role", "Status", "Last login"],
    };
    let mut rows = vec![header.map(String::from)];
    for u in users {
        rows.push([
            u.username.clone(),
            u.full_name.clone(),
            role_name(l, u),
            status(l, u).to_string(),
            short_time(l, u.last_login_at.as_deref()),
        ]);
    }
    table(&rows)
}

/// Columns padded by character count (Arabic letters are one column each).
pub(crate) fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let lines: Vec<String> = rows
        .iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < N {
                    let pad = widths[i] - cell.chars().count() + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line.trim_end().to_string()
        })
        .collect();
    lines.join("\n")
}

fn size(l: Locale, bytes: u64) -> String {
    let kb = bytes as f64 / 1024.0;
    let mb = kb / 1024.0;
    match l {
        Locale::Ar if mb >= 1.0 => format!("{mb:.1} ميغابايت ({bytes} بايت)"),
        Locale::Ar if bytes >= 1024 => format!("{kb:.1} كيلوبايت ({bytes} بايت)"),
        Locale::Ar => format!("{bytes} بايت"),
        Locale::En if mb >= 1.0 => format!("{mb:.1} MB ({bytes} bytes)"),
        Locale::En if bytes >= 1024 => format!("{kb:.1} KB ({bytes} bytes)"),
        Locale::En => format!("{bytes} bytes"),
    }
}

pub fn backup_written(l: Locale, b: &BackupInfo) -> String {
    let (p, v, s) = (b.path.display(), b.schema_version, size(l, b.bytes));
    pick(
        l,
        format!("حُفظت النسخة الاحتياطية: {p}\nالحجم: {s}\nإصدار المخطط: {v}"),
        format!("Backup written: {p}\nSize: {s}\nSchema version: {v}"),
    )
}

pub fn restored(l: Locale, database: &Path, from: &Path, safety: &Path) -> String {
    let (db, from, safety) = (database.display(), from.display(), safety.display());
    pick(
        l,
        format!(
            "استُعيدت قاعدة البيانات {db} من النسخة {from}.\n\
             حُفظت قاعدة البيانات السابقة في: {safety}\n\
             للتراجع عن الاستعادة: maarid-cli restore \"{safety}\" --yes"
        ),
        format!(
            "The database {db} was restored from {from}.\n\
             The previous database was saved to: {safety}\n\
             To undo this restore: maarid-cli restore \"{safety}\" --yes"
        ),
    )
}

pub fn migrated(l: Locale, database: &Path, r: &MigrationReport) -> String {
    let db = database.display();
    let (from, to) = (r.from_version, r.to_version);
    if r.applied.is_empty() {
        return pick(
            l,
            format!("قاعدة البيانات {db} محدّثة (إصدار المخطط {to})، ولم يُطبَّق أي تحديث."),
            format!("The database {db} is up to date (schema version {to}); nothing was applied."),
        );
    }
    let applied = r
        .applied
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let head = pick(
        l,
        format!("حُدّثت قاعدة البيانات {db} من الإصدار {from} إلى {to} (التحديثات المطبّقة: {applied})."),
        format!("The database {db} was updated from schema version {from} to {to} (applied: {applied})."),
    );
    let tail = match r.backup.as_deref() {
        Some(b) => pick(
            l,
            format!("نسخة احتياطية قبل التحديث: {}", b.display()),
            format!("Backup written before updating: {}", b.display()),
        ),
        None => pick(
            l,
            "لم تلزم نسخة احتياطية لأن قاعدة البيانات كانت فارغة.".into(),
            "No backup was needed: the database was empty.".into(),
        ),
    };
    format!("{head}\n{tail}")
}

// ---- Contacts ------------------------------------------------------------------------

fn pick_static(l: Locale, ar: &'static str, en: &'static str) -> &'static str {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

pub fn kind_name(l: Locale, k: ContactKind) -> &'static str {
    match k {
        ContactKind::Lead => pick_static(l, "عميل محتمل", "lead"),
        ContactKind::Customer => pick_static(l, "عميل", "customer"),
        ContactKind::Company => pick_static(l, "شركة", "company"),
    }
}

pub fn source_name(l: Locale, s: Source) -> &'static str {
    match s {
        Source::WalkIn => pick_static(l, "زيارة المعرض", "walk-in"),
        Source::Phone => pick_static(l, "اتصال هاتفي", "phone call"),
        Source::Website => pick_static(l, "الموقع الإلكتروني", "website"),
        Source::SocialMedia => pick_static(l, "وسائل التواصل الاجتماعي", "social media"),
        Source::Referral => pick_static(l, "توصية", "referral"),
        Source::Campaign => pick_static(l, "حملة تسويقية", "campaign"),
        Source::Other => pick_static(l, "أخرى", "other"),
    }
}

pub fn channel_name(l: Locale, c: Channel) -> &'static str {
    match c {
        Channel::Phone => pick_static(l, "الهاتف", "phone"),
        Channel::Whatsapp => pick_static(l, "واتساب", "WhatsApp"),
        Channel::Email => pick_static(l, "البريد الإلكتروني", "email"),
        Channel::Sms => pick_static(l, "رسالة نصية", "SMS"),
        Channel::Visit => pick_static(l, "زيارة", "visit"),
    }
}

/// Also accepted as labels in `--phone LABEL:NUMBER` (the Arabic ones).
pub fn phone_label(l: Locale, p: PhoneLabel) -> &'static str {
    match p {
        PhoneLabel::Mobile => pick_static(l, "جوال", "mobile"),
        PhoneLabel::Work => pick_static(l, "عمل", "work"),
        PhoneLabel::Whatsapp => pick_static(l, "واتساب", "WhatsApp"),
        PhoneLabel::Home => pick_static(l, "منزل", "home"),
        PhoneLabel::Other => pick_static(l, "آخر", "other"),
    }
}

fn reason_name(l: Locale, r: DuplicateReason) -> &'static str {
    match r {
        DuplicateReason::SamePhone => pick_static(l, "رقم الهاتف نفسه", "same phone"),
        DuplicateReason::SameEmail => pick_static(l, "البريد الإلكتروني نفسه", "same email"),
        DuplicateReason::SimilarNameSameCity => pick_static(
            l,
            "اسم مشابه في المدينة نفسها",
            "similar name in the same city",
        ),
    }
}

/// Arabic list separator where it reads naturally.
fn list_sep(l: Locale) -> &'static str {
    pick_static(l, "، ", ", ")
}

/// The name to show for a search result: like `Contact::display_name`, with the
/// company added when the name is a person's.
fn summary_name(s: &ContactSummary) -> String {
    let name = [&s.name_ar, &s.name_latin, &s.company_name]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .unwrap_or_default();
    if !s.company_name.is_empty() && name != s.company_name {
        format!("{name} ({})", s.company_name)
    } else {
        name
    }
}

/// "+966551234567 (mobile, as typed: 055 123 4567)".
fn phone_line(l: Locale, p: &ContactPhone) -> String {
    let label = phone_label(l, p.label);
    if p.raw == p.e164 {
        format!("{} ({label})", p.e164)
    } else {
        pick(
            l,
            format!("{} ({label}، كما كُتب: {})", p.e164, p.raw),
            format!("{} ({label}, as typed: {})", p.e164, p.raw),
        )
    }
}

/// Everything about a contact, one field a line; empty fields are left out.
/// `owner` is the owner's login name when it could be found.
pub fn contact_card(l: Locale, c: &Contact, owner: Option<&str>) -> String {
    let sep = list_sep(l);
    let mut lines = vec![c.display_name().to_string()];
    let mut field = |ar: &str, en: &str, value: String| {
        if !value.is_empty() {
            let label = pick(l, ar.into(), en.into());
            let gap = if value.starts_with('\n') { "" } else { " " };
            lines.push(format!("  {label}:{gap}{value}"));
        }
    };
    field("المعرّف", "Id", c.id.clone());
    field("النوع", "Kind", kind_name(l, c.kind).into());
    if c.display_name() != c.name_ar {
        field("الاسم بالعربية", "Name in Arabic", c.name_ar.clone());
    }
    if c.display_name() != c.name_latin {
        field(
            "الاسم باللاتينية",
            "Name in Latin letters",
            c.name_latin.clone(),
        );
    }
    if c.display_name() != c.company_name {
        field("الشركة", "Company", c.company_name.clone());
    }
    field("المسمى الوظيفي", "Job title", c.job_title.clone());
    match c.phones.len() {
        0 => {}
        1 => field("الهاتف", "Phone", phone_line(l, &c.phones[0])),
        _ => {
            let all = c
                .phones
                .iter()
                .map(|p| format!("\n    {}", phone_line(l, p)))
                .collect::<String>();
            field("الهواتف", "Phones", all);
        }
    }
    field("البريد الإلكتروني", "Email", c.emails.join(sep));
    field("المدينة", "City", c.city.clone());
    field("الموقع الإلكتروني", "Website", c.website.clone());
    field(
        "العناوين",
        "Addresses",
        c.addresses
            .iter()
            .map(|a| {
                let parts = [&a.line, &a.city, &a.region, &a.postal_code, &a.country];
                let text: Vec<&str> = parts
                    .iter()
                    .map(|s| s.as_str())
                    .filter(|s| !s.is_empty())
                    .collect();
                format!("\n    {}: {}", a.label.key(), text.join(sep))
            })
            .collect::<String>(),
    );
    field(
        "حسابات التواصل الاجتماعي",
        "Social accounts",
        c.social
            .iter()
            .map(|s| format!("{}: {}", s.network.key(), s.handle))
            .collect::<Vec<_>>()
            .join(sep),
    );
    field(
        "حقول إضافية",
        "Custom fields",
        c.custom
            .iter()
            .map(|(k, v)| format!("\n    {k}: {v}"))
            .collect::<String>(),
    );
    field(
        "المصدر",
        "Source",
        c.source
            .map(|s| source_name(l, s).to_string())
            .unwrap_or_default(),
    );
    field(
        "وسيلة التواصل المفضلة",
        "Preferred channel",
        c.preferred_channel
            .map(|s| channel_name(l, s).to_string())
            .unwrap_or_default(),
    );
    field(
        "المسؤول",
        "Owner",
        match (owner, &c.owner_id) {
            (Some(name), _) => name.to_string(),
            (None, Some(id)) => id.clone(),
            (None, None) => String::new(),
        },
    );
    field("الوسوم", "Tags", c.tags.join(sep));
    field("الملاحظات", "Notes", c.notes.replace('\n', "\n    "));
    field("أُنشئت", "Created", short_time(l, Some(&c.created_at)));
    if c.updated_at != c.created_at {
        field(
            "آخر تعديل",
            "Last changed",
            short_time(l, Some(&c.updated_at)),
        );
    }
    lines.join("\n")
}

pub fn contact_added(l: Locale, c: &Contact, owner: Option<&str>) -> String {
    let head = pick(l, "أُضيفت جهة الاتصال:".into(), "Contact added:".into());
    format!("{head}\n{}", contact_card(l, c, owner))
}

pub fn contact_updated(l: Locale, c: &Contact, owner: Option<&str>) -> String {
    let head = pick(l, "عُدّلت جهة الاتصال:".into(), "Contact changed:".into());
    format!("{head}\n{}", contact_card(l, c, owner))
}

pub fn contact_deleted(l: Locale, name: &str, id: &str) -> String {
    pick(
        l,
        format!(
            "حُذفت جهة الاتصال «{name}» ({id}).\n\
             الحذف مؤقت: لن تظهر بعد الآن في القوائم والبحث، لكن سجلها يبقى في قاعدة البيانات وفي سجل التدقيق."
        ),
        format!(
            "Contact “{name}” ({id}) was deleted.\n\
             This is a soft delete: it no longer appears in lists and searches, but its record stays in the database and in the audit log."
        ),
    )
}

/// The lines listing possible duplicates, printed under the error message.
pub fn duplicate_matches(l: Locale, matches: &[DuplicateMatch]) -> String {
    let mut lines: Vec<String> = matches
        .iter()
        .map(|m| {
            format!(
                "  - {} — {}: {} — {}",
                m.display_name,
                reason_name(l, m.reason),
                m.matched,
                m.contact_id
            )
        })
        .collect();
    lines.push(pick(
        l,
        "اعرض أيًّا منها بالأمر: maarid-cli contacts get <المعرّف>. وللحفظ على أي حال أعد تشغيل الأمر مع \u{200e}--allow-duplicate\u{200e}.".into(),
        "See one with: maarid-cli contacts get <id>. To save anyway, run the command again with --allow-duplicate.".into(),
    ));
    lines.join("\n")
}

/// Note after a save that went ahead despite possible duplicates (--allow-duplicate).
pub fn duplicates_accepted(l: Locale, matches: &[DuplicateMatch]) -> String {
    let head = pick(
        l,
        format!(
            "ملاحظة: حُفظت رغم تشابهها مع {} جهة اتصال موجودة:",
            matches.len()
        ),
        format!(
            "Note: saved although it resembles {} existing contact(s):",
            matches.len()
        ),
    );
    let list = matches
        .iter()
        .map(|m| {
            format!(
                "\n  - {} — {}: {} — {}",
                m.display_name,
                reason_name(l, m.reason),
                m.matched,
                m.contact_id
            )
        })
        .collect::<String>();
    format!("{head}{list}")
}

pub fn nothing_to_change() -> Text<String> {
    both(
        "لم يُحدَّد أي تغيير. أضف خيارًا واحدًا على الأقل، مثل \u{200e}--city\u{200e} أو \u{200e}--phone\u{200e} أو \u{200e}--tag\u{200e} (انظر \u{200e}maarid-cli contacts edit --help\u{200e}).".into(),
        "Nothing to change. Give at least one option, such as --city, --phone or --tag (see maarid-cli contacts edit --help).".into(),
    )
}

/// A page of search results, with how to get the next page.
pub fn contacts_page(l: Locale, page: &SearchPage) -> String {
    if page.items.is_empty() {
        return pick(
            l,
            "لم يُعثر على جهات اتصال.".into(),
            "No contacts found.".into(),
        );
    }
    let header: [&str; 5] = match l {
        Locale::Ar => ["الاسم", "النوع", "الهاتف", "المدينة", "المعرّف"],
        Locale::En => ["Name", "Kind", "Phone", "City", "Id"],
    };
    let mut rows = vec![header.map(String::from)];
    for s in &page.items {
        rows.push([
            summary_name(s),
            kind_name(l, s.kind).to_string(),
            s.phone.clone().unwrap_or_default(),
            s.city.clone(),
            s.id.clone(),
        ]);
    }
    let n = page.items.len();
    let foot = match &page.next {
        Some(cursor) => pick(
            l,
            format!("عُرضت {n} جهة اتصال، وهناك المزيد. للصفحة التالية أعد الأمر نفسه مع: \u{200e}--after {cursor}\u{200e}"),
            format!("{n} contact(s) shown; there are more. For the next page, run the same command with: --after {cursor}"),
        ),
        None => pick(
            l,
            format!("عدد النتائج: {n}"),
            format!("{n} contact(s)."),
        ),
    };
    format!("{}\n\n{foot}", table(&rows))
}

// ---- Seeding ---------------------------------------------------------------------------

pub fn seed_progress(l: Locale, done: u64, total: u64) -> String {
    pick(
        l,
        format!("أُضيفت {done} من {total} جهة اتصال…"),
        format!("{done} of {total} contacts added…"),
    )
}

pub fn seed_stopped(l: Locale, done: u64) -> String {
    pick(
        l,
        format!("توقّف التوليد بسبب خطأ، بعد إضافة {done} جهة اتصال."),
        format!("Seeding stopped by an error after {done} contacts were added."),
    )
}

/// A generated row the core refused (a bug in the generator): which row, and why.
pub fn batch_row_refused(index: usize, e: &maarid_core::ErrorPayload) -> Text<String> {
    let n = index + 1;
    both(
        format!("رُفض الصف رقم {n}: {}", e.message_ar),
        format!("Row {n} was refused: {}", e.message_en),
    )
}

pub fn seeded(l: Locale, created: u64, seconds: f64, per_second: f64) -> String {
    pick(
        l,
        format!("أُضيفت {created} جهة اتصال مولّدة في {seconds:.1} ثانية ({per_second:.0} جهة اتصال/ثانية)."),
        format!("{created} generated contacts added in {seconds:.1} s ({per_second:.0} contacts/s)."),
    )
}

// ---- Benchmark ---------------------------------------------------------------------------

pub fn not_a_bench_db(p: &Path) -> Text<String> {
    let p = p.display();
    both(
        format!("الملف {p} موجود ولم يُنشئه أمر قياس الأداء؛ لن يُستخدم للقياس. اختر مسارًا آخر."),
        format!("{p} exists and was not made by the benchmark; it will not be used. Choose another path."),
    )
}

pub fn bench_db_mismatch(p: &Path) -> Text<String> {
    let p = p.display();
    both(
        format!("قاعدة بيانات القياس {p} وُلّدت بعدد أو بذرة أخرى. احذفها أو اختر مسارًا آخر."),
        format!("The benchmark database {p} was generated with another count or seed. Delete it or choose another path."),
    )
}

pub fn bench_seeded(l: Locale, created: u64, seconds: f64, per_second: f64) -> String {
    seeded(l, created, seconds, per_second)
}

pub fn bench_searching(l: Locale, n: usize) -> String {
    pick(
        l,
        format!("قياس {n} عملية بحث…"),
        format!("Timing {n} searches…"),
    )
}

pub fn bench_baseline(l: Locale, n: usize) -> String {
    pick(
        l,
        format!("قياس البحث البسيط ‎LIKE‎ على أول {n} استعلام من الكلمات والهواتف…"),
        format!("Timing the naive LIKE search on the first {n} word and phone queries…"),
    )
}

fn ms(x: f64) -> String {
    format!("{x:.2}")
}

fn stats_row(name: String, s: &crate::commands::bench::Stats) -> [String; 6] {
    [
        name,
        s.count.to_string(),
        ms(s.p50_ms),
        ms(s.p95_ms),
        ms(s.p99_ms),
        ms(s.max_ms),
    ]
}

/// The benchmark's figures: insert rate, size, then one line per query set.
pub fn bench_report(l: Locale, r: &crate::commands::bench::BenchReport) -> String {
    let mut lines = Vec::new();
    let db = &r.database;
    lines.push(match &r.insert {
        Some(i) => pick(
            l,
            format!(
                "الإدخال: {} جهة اتصال على دفعات من {} في {:.1} ثانية ({:.0} جهة اتصال/ثانية).",
                i.contacts, i.batch, i.seconds, i.per_second
            ),
            format!(
                "Insert: {} contacts in batches of {} in {:.1} s ({:.0} contacts/s).",
                i.contacts, i.batch, i.seconds, i.per_second
            ),
        ),
        None => pick(
            l,
            format!(
                "استُخدمت قاعدة بيانات قياس سابقة فيها {} جهة اتصال مولّدة.",
                r.contacts
            ),
            format!(
                "Reused an earlier benchmark database of {} generated contacts.",
                r.contacts
            ),
        ),
    });
    let kept = if db.kept {
        pick(l, "محفوظة".into(), "kept".into())
    } else {
        pick(l, "مؤقتة، حُذفت".into(), "temporary, deleted".into())
    };
    lines.push(pick(
        l,
        format!(
            "حجم قاعدة البيانات: {:.1} ميغابايت ({}: {})",
            db.size_mb,
            kept,
            db.path.display()
        ),
        format!(
            "Database size: {:.1} MB ({}: {})",
            db.size_mb,
            kept,
            db.path.display()
        ),
    ));
    lines.push(String::new());
    let head: [&str; 6] = match l {
        Locale::Ar => [
            "مجموعة الاستعلامات",
            "العدد",
            "p50 مللي ث",
            "p95",
            "p99",
            "الأقصى",
        ],
        Locale::En => ["Query set", "n", "p50 ms", "p95", "p99", "max"],
    };
    let s = &r.search;
    let name = |ar: &str, en: &str| pick(l, ar.into(), en.into());
    let mut rows = vec![head.map(String::from)];
    rows.push(stats_row(
        name("بادئة كلمة (الكل)", "word prefix (all)"),
        &s.word_prefix,
    ));
    rows.push(stats_row(
        name("  بالعربية", "  Arabic"),
        &s.word_prefix_arabic,
    ));
    rows.push(stats_row(
        name("  باللاتينية", "  Latin"),
        &s.word_prefix_latin,
    ));
    rows.push(stats_row(
        name("صيغ إملائية", "spelling variants"),
        &s.spelling_variants,
    ));
    rows.push(stats_row(
        name("أرقام الهاتف", "phone digits"),
        &s.phone_digits,
    ));
    rows.push(stats_row(name("كلمة مع أرقام", "word + digits"), &s.mixed));
    let b = &r.like_baseline;
    rows.push(stats_row(
        name("LIKE: بادئة كلمة", "LIKE: word prefix"),
        &b.word_prefix.like,
    ));
    rows.push(stats_row(
        name("LIKE: أرقام الهاتف", "LIKE: phone digits"),
        &b.phone_digits.like,
    ));
    rows.push(stats_row(
        name(
            "إضافة جهة اتصال مع فحص التكرار",
            "create with duplicate check",
        ),
        &r.create_with_duplicate_check,
    ));
    lines.push(table(&rows));
    lines.push(String::new());
    let f = &r.spelling_variants_found;
    lines.push(pick(
        l,
        format!(
            "الصيغ الإملائية التي ظهرت جهة الاتصال المقصودة في صفحتها الأولى: {} من {} ({:.1}٪).",
            f.found, f.total, f.percent
        ),
        format!(
            "Spelling variants with the intended contact on the first page: {} of {} ({:.1}%).",
            f.found, f.total, f.percent
        ),
    ));
    for q in &f.missed {
        lines.push(pick(
            l,
            format!("  لم تظهر في الصفحة الأولى: «{q}»"),
            format!("  not on the first page: “{q}”"),
        ));
    }
    if let Some(slow) = r.slowest.first() {
        lines.push(pick(
            l,
            format!("أبطأ بحث: «{}» في {:.2} مللي ثانية.", slow.text, slow.ms),
            format!("Slowest search: “{}” in {:.2} ms.", slow.text, slow.ms),
        ));
    }
    for (ar, en, c) in [
        ("بادئة كلمة", "word prefix", &b.word_prefix),
        ("أرقام الهاتف", "phone digits", &b.phone_digits),
    ] {
        lines.push(pick(
            l,
            format!(
                "LIKE أبطأ في «{ar}» بـ {:.0} مرة عند p50 و{:.0} مرة عند p99 (على أول {} استعلام).",
                c.p50_ratio, c.p99_ratio, c.like.count
            ),
            format!(
                "LIKE is {:.0}× slower for {en} at p50 and {:.0}× at p99 (first {} queries).",
                c.p50_ratio, c.p99_ratio, c.like.count
            ),
        ));
    }
    lines.join("\n")
}

pub fn contact_restored(l: Locale, c: &Contact, owner: Option<&str>) -> String {
    let head = pick(l, "أُعيدت جهة الاتصال:".into(), "Contact restored:".into());
    format!("{head}\n{}", contact_card(l, c, owner))
}

pub fn merged(l: Locale, m: &MergeOutcome, owner: Option<&str>) -> String {
    let moved: usize = m.moved.values().sum();
    let head = pick(
        l,
        format!(
            "دُمجت {} جهة اتصال في هذه ونُقل {moved} سجل مرتبط. للتراجع: maarid-cli contacts unmerge {}",
            m.merge.merged_ids.len(),
            m.merge.id
        ),
        format!(
            "Merged {} contact(s) into this one and moved {moved} linked record(s). To undo: maarid-cli contacts unmerge {}",
            m.merge.merged_ids.len(),
            m.merge.id
        ),
    );
    format!("{head}\n{}", contact_card(l, &m.survivor, owner))
}

pub fn unmerged(l: Locale, r: &MergeRecord) -> String {
    pick(
        l,
        format!(
            "أُلغي الدمج {}: عادت جهات الاتصال ({}) وسجلاتها كما كانت.",
            r.id, r.merged_names
        ),
        format!(
            "Merge {} undone: the contacts ({}) and their records are back as they were.",
            r.id, r.merged_names
        ),
    )
}

fn interaction_kind(l: Locale, k: &str) -> String {
    let (ar, en) = match k {
        "call" => ("مكالمة", "Call"),
        "visit" => ("زيارة", "Visit"),
        "email" => ("بريد إلكتروني", "Email"),
        "message" => ("رسالة", "Message"),
        "note" => ("ملاحظة", "Note"),
        "created" => ("أُضيفت جهة الاتصال", "Contact added"),
        "merged" => ("دمج", "Merged"),
        "merge_undone" => ("إلغاء دمج", "Merge undone"),
        "invoice" => ("فاتورة", "Invoice"),
        "quotation" => ("عرض سعر", "Quotation"),
        other => (other, other),
    };
    pick(l, ar.into(), en.into())
}

fn outcome_name(l: Locale, o: &str) -> String {
    let (ar, en) = match o {
        "answered" => ("تم الرد", "answered"),
        "no_answer" => ("لم يرد", "no answer"),
        "busy" => ("مشغول", "busy"),
        "call_back" => ("طلب معاودة الاتصال", "asked to call back"),
        "browsed" => ("تجوّل في المعرض", "looked around"),
        "interested" => ("مهتم", "interested"),
        "negotiated" => ("تفاوض على السعر", "negotiated"),
        "bought" => ("اشترى", "bought"),
        other => (other, other),
    };
    pick(l, ar.into(), en.into())
}

pub fn interaction_logged(l: Locale, i: &Interaction) -> String {
    let what = interaction_kind(l, i.kind.key());
    let how = if i.outcome.is_empty() {
        String::new()
    } else {
        format!(" — {}", outcome_name(l, &i.outcome))
    };
    pick(
        l,
        format!("سُجّل التواصل: {what}{how} ({}) — {}", i.occurred_at, i.id),
        format!("Logged: {what}{how} ({}) — {}", i.occurred_at, i.id),
    )
}

pub fn timeline(l: Locale, p: &TimelinePage) -> String {
    if p.items.is_empty() {
        return pick(
            l,
            "لا يوجد شيء في السجل.".into(),
            "Nothing on the timeline.".into(),
        );
    }
    let mut lines: Vec<String> = p
        .items
        .iter()
        .map(|e| {
            let mut line = format!("{}  {}", e.at, interaction_kind(l, &e.kind));
            if !e.outcome.is_empty() {
                line.push_str(&format!(" — {}", outcome_name(l, &e.outcome)));
            }
            if let (Some(a), Some(c)) = (&e.amount, &e.currency) {
                line.push_str(&format!(" — {a} {c}"));
            }
            if let Some(r) = &e.reference {
                line.push_str(&format!(" — {r}"));
            }
            if !e.body.is_empty() {
                line.push_str(&format!(": {}", e.body.replace('\n', " ")));
            }
            if let Some(b) = &e.by_name {
                line.push_str(&format!(" ({b})"));
            }
            line
        })
        .collect();
    if let Some(n) = &p.next {
        lines.push(pick(
            l,
            format!("للمزيد: --after {n}"),
            format!("More: --after {n}"),
        ));
    }
    lines.join("\n")
}

pub fn import_refused(r: &BatchReport) -> Text<String> {
    both(
        format!(
            "لم يُستورد شيء: رُفضت {} من {} بطاقة. صحّح الملف أو اختر --on-duplicate skip ثم أعد المحاولة.",
            r.errors, r.total
        ),
        format!(
            "Nothing was imported: {} of {} card(s) were refused. Fix the file, or choose --on-duplicate skip, and try again.",
            r.errors, r.total
        ),
    )
}

/// The vCard import, card by card.
pub fn vcf_import(l: Locale, r: &VcfImport) -> String {
    let rep = &r.report;
    let mut lines = Vec::new();
    if rep.saved {
        lines.push(pick(
            l,
            format!(
                "استُوردت {} جهة اتصال من {} بطاقة (تُخطيت {} مكررة).",
                rep.created, rep.total, rep.skipped
            ),
            format!(
                "Imported {} contact(s) from {} card(s) ({} duplicate(s) skipped).",
                rep.created, rep.total, rep.skipped
            ),
        ));
    }
    for row in &rep.rows {
        let name = r.names.get(row.index).map(String::as_str).unwrap_or("");
        let what = match (row.outcome, &row.error) {
            (RowOutcome::Error, Some(e)) => match l {
                Locale::Ar => e.message_ar.clone(),
                Locale::En => e.message_en.clone(),
            },
            (RowOutcome::SkippedDuplicate, _) => {
                pick(l, "تُخطيت: مكررة".into(), "skipped: duplicate".into())
            }
            _ if rep.saved => row.id.clone().unwrap_or_default(),
            _ => pick(l, "سليمة".into(), "fine".into()),
        };
        let dup = row
            .duplicates
            .first()
            .map(|d| format!(" ({})", d.display_name))
            .unwrap_or_default();
        lines.push(format!("  {}. {name} — {what}{dup}", row.index + 1));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pads_by_characters_not_bytes() {
        let rows = [
            ["اسم".to_string(), "x".to_string()],
            ["ab".to_string(), "y".to_string()],
        ];
        let t = table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "اسم  x");
        assert_eq!(lines[1], "ab   y");
    }

    #[test]
    fn sizes_and_times() {
        assert_eq!(size(Locale::En, 512), "512 bytes");
        assert_eq!(size(Locale::En, 2048), "2.0 KB (2048 bytes)");
        assert_eq!(
            short_time(Locale::En, Some("2026-03-09T10:11:12.345Z")),
            "2026-03-09 10:11 UTC"
        );
        assert_eq!(short_time(Locale::En, None), "never");
    }
}
