//! The words an export writes for stored keys (`walk_in` → «زيارة للمعرض» / "Walk-in"),
//! the same words the screens show. The import reads these back as well as the keys.
//! An unknown key (written by a newer version) is exported as it is.

use crate::i18n::{status_name, Locale, Text};

/// What a column of stored keys is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocabulary {
    ContactKind,
    ContactSource,
    PreferredChannel,
    ProductKind,
    InquiryChannel,
    /// Statuses of inquiries, quotations, invoices, delivery notes and vehicles.
    Status,
    InvoiceKind,
    DiscountKind,
    /// Lost reasons offered by the screens; other text is kept as typed.
    LostReason,
}

/// The word for `key` in `lang`; the key itself when it is not known.
pub fn label(vocabulary: Vocabulary, key: &str, lang: Locale) -> String {
    match text(vocabulary, key) {
        Some(t) => t.get(lang).to_string(),
        None => key.to_string(),
    }
}

/// Both words for `key`, for a reader that accepts either language.
pub fn text(vocabulary: Vocabulary, key: &str) -> Option<Text> {
    use Vocabulary::*;
    let t = Text::new;
    Some(match (vocabulary, key) {
        (ContactKind, "lead") => t("عميل محتمل", "Lead"),
        (ContactKind, "customer") => t("عميل", "Customer"),
        (ContactKind, "company") => t("شركة", "Company"),
        (ContactSource, "walk_in") => t("زيارة للمعرض", "Walk-in"),
        (ContactSource, "phone") => t("اتصال هاتفي", "Phone call"),
        (ContactSource, "website") => t("الموقع الإلكتروني", "Website"),
        (ContactSource, "social_media") => t("وسائل التواصل الاجتماعي", "Social media"),
        (ContactSource, "referral") => t("توصية", "Referral"),
        (ContactSource, "campaign") => t("حملة تسويقية", "Campaign"),
        (ContactSource, "other") => t("أخرى", "Other"),
        (PreferredChannel, "phone") => t("هاتف", "Phone"),
        (PreferredChannel, "whatsapp") => t("واتساب", "WhatsApp"),
        (PreferredChannel, "email") => t("بريد إلكتروني", "Email"),
        (PreferredChannel, "sms") => t("رسالة نصية", "Text message"),
        (PreferredChannel, "visit") => t("زيارة", "Visit"),
        (ProductKind, "product") => t("منتج", "Product"),
        (ProductKind, "vehicle") => t("مركبة", "Vehicle"),
        (ProductKind, "service") => t("خدمة", "Service"),
        (InquiryChannel, "walk_in") => t("حضور للمعرض", "Walk-in"),
        (InquiryChannel, "phone") => t("هاتف", "Phone"),
        (InquiryChannel, "email") => t("بريد إلكتروني", "Email"),
        (InquiryChannel, "website") => t("الموقع الإلكتروني", "Website"),
        (InquiryChannel, "social") => t("التواصل الاجتماعي", "Social media"),
        (InquiryChannel, "whatsapp") => t("واتساب", "WhatsApp"),
        (InvoiceKind, "simplified") => t("فاتورة ضريبية مبسطة", "Simplified tax invoice"),
        (InvoiceKind, "standard") => t("فاتورة ضريبية", "Tax invoice"),
        (DiscountKind, "percent") => t("نسبة مئوية", "Percent"),
        (DiscountKind, "amount") => t("مبلغ", "Amount"),
        (LostReason, "price") => t("السعر", "Price"),
        (LostReason, "competitor") => t("اشترى من منافس", "Bought from a competitor"),
        (LostReason, "financing") => t("التمويل", "Financing"),
        (LostReason, "not_available") => t("غير متوفر", "Not available"),
        (LostReason, "changed_mind") => t("غيّر رأيه", "Changed their mind"),
        (LostReason, "no_response") => t("لم يرد", "No response"),
        (LostReason, "other") => t("سبب آخر", "Other reason"),
        (Status, key) => {
            let s = status_name(key);
            if s.en == "Unknown" {
                return None;
            }
            s
        }
        _ => return None,
    })
}

/// «نعم» / "Yes", «لا» / "No".
pub fn yes_no(value: bool, lang: Locale) -> String {
    let t = if value {
        Text::new("نعم", "Yes")
    } else {
        Text::new("لا", "No")
    };
    t.get(lang).to_string()
}
