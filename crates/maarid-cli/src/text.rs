//! Every human-readable string of the CLI, Arabic and English side by side, so a
//! translator can review them in one place. (The core's error messages live in the
//! core; help text is English only, as clap prints it before the language is known.)

use std::path::Path;

use maarid_core::company::Company;
use maarid_core::db::{BackupInfo, MigrationReport};
use maarid_core::i18n::Text;
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
fn table<const N: usize>(rows: &[[String; N]]) -> String {
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
