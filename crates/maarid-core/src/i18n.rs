//! Locales and the core's own bilingual names (record types, actions, fields).
//! The UI keeps its screen strings in ui/i18n; the core names what appears in
//! error messages and exports, so the CLI and the app say the same thing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Arabic is the default everywhere.
    #[default]
    Ar,
    En,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Locale::Ar),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::En => "en",
        }
    }
}

/// A string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Text<T = &'static str> {
    pub ar: T,
    pub en: T,
}

impl<T> Text<T> {
    pub const fn new(ar: T, en: T) -> Self {
        Text { ar, en }
    }

    pub fn get(&self, locale: Locale) -> &T {
        match locale {
            Locale::Ar => &self.ar,
            Locale::En => &self.en,
        }
    }
}

/// Name of a record type (see `roles::DocType`) or other entity key used in errors.
pub fn doc_type_name(key: &str) -> Text {
    match key {
        "contact" => Text::new("جهة الاتصال", "Contact"),
        "inquiry" => Text::new("الاستفسار", "Inquiry"),
        "quotation" => Text::new("عرض السعر", "Quotation"),
        "delivery_note" => Text::new("سند التسليم", "Delivery note"),
        "invoice" => Text::new("الفاتورة", "Invoice"),
        "product" => Text::new("المنتج", "Product"),
        "letter" => Text::new("الخطاب", "Letter"),
        "document" => Text::new("المستند", "Document"),
        "task" => Text::new("المهمة", "Task"),
        "attachment" => Text::new("المرفق", "Attachment"),
        "reminder" => Text::new("التذكير", "Reminder"),
        "report" => Text::new("التقارير", "Reports"),
        "user" => Text::new("المستخدم", "User"),
        "role" => Text::new("الدور", "Role"),
        "settings" => Text::new("الإعدادات", "Settings"),
        "audit_log" => Text::new("سجل التدقيق", "Audit log"),
        "number_series" => Text::new("سلسلة الترقيم", "Numbering series"),
        "company" => Text::new("بيانات المنشأة", "Company profile"),
        "file" => Text::new("الملف", "File"),
        "custom_field" => Text::new("الحقل المخصص", "Custom field"),
        "interaction" => Text::new("التواصل", "Interaction"),
        "merge" => Text::new("عملية الدمج", "Merge"),
        "sheet" => Text::new("ورقة العمل", "Sheet"),
        _ => Text::new("السجل", "Record"),
    }
}

/// Statuses of inquiries, quotations, delivery notes, invoices and vehicles.
pub fn status_name(key: &str) -> Text {
    match key {
        "open" => Text::new("مفتوح", "Open"),
        "contacted" => Text::new("تم التواصل", "Contacted"),
        "replied" => Text::new("تم الرد", "Replied"),
        "quoted" => Text::new("تم التسعير", "Quoted"),
        "won" => Text::new("تم البيع", "Won"),
        "lost" => Text::new("خسارة", "Lost"),
        "cancelled" => Text::new("ملغى", "Cancelled"),
        "draft" => Text::new("مسودة", "Draft"),
        "sent" => Text::new("مُرسل", "Sent"),
        "accepted" => Text::new("مقبول", "Accepted"),
        "rejected" => Text::new("مرفوض", "Rejected"),
        "expired" => Text::new("منتهي الصلاحية", "Expired"),
        "superseded" => Text::new("مُستبدل بمراجعة", "Superseded"),
        "issued" => Text::new("صادر", "Issued"),
        "delivered" => Text::new("تم التسليم", "Delivered"),
        "paid" => Text::new("مدفوعة", "Paid"),
        "available" => Text::new("متاح", "Available"),
        "reserved" => Text::new("محجوز", "Reserved"),
        "sold" => Text::new("مباع", "Sold"),
        "not_approved" => Text::new("غير معتمد", "Not approved"),
        "converted" => Text::new(
            "محوّل إلى سند تسليم أو فاتورة",
            "Converted to a delivery note or invoice",
        ),
        _ => Text::new("غير معروفة", "Unknown"),
    }
}

pub fn action_name(key: &str) -> Text {
    match key {
        "read" => Text::new("القراءة", "read"),
        "write" => Text::new("التعديل", "write"),
        "create" => Text::new("الإنشاء", "create"),
        "delete" => Text::new("الحذف", "delete"),
        "submit" => Text::new("الاعتماد", "submit"),
        "cancel" => Text::new("الإلغاء", "cancel"),
        _ => Text::new("الإجراء", "action"),
    }
}

/// Name of an input field, as shown next to a validation error.
pub fn field_name(key: &str) -> Text {
    match key {
        "name_ar" => Text::new("الاسم بالعربية", "Name in Arabic"),
        "name_en" => Text::new("الاسم بالإنجليزية", "Name in English"),
        "country" => Text::new("الدولة", "Country"),
        "currency" => Text::new("العملة", "Currency"),
        "default_vat_rate" => Text::new("نسبة الضريبة الافتراضية", "Default VAT rate"),
        "tax_number" => Text::new("الرقم الضريبي", "VAT number"),
        "email" => Text::new("البريد الإلكتروني", "Email"),
        "phones" => Text::new("الهواتف", "Phones"),
        "logo" => Text::new("الشعار", "Logo"),
        "image" => Text::new("الصورة", "Image"),
        "qr_code" => Text::new("رمز الاستجابة السريعة (QR)", "QR code"),
        "username" => Text::new("اسم المستخدم", "Username"),
        "password" => Text::new("كلمة المرور", "Password"),
        "full_name" => Text::new("الاسم الكامل", "Full name"),
        "role" => Text::new("الدور", "Role"),
        "locale" => Text::new("اللغة", "Language"),
        "after" => Text::new("مؤشر الصفحة التالية", "Next-page cursor"),
        "created_from" => Text::new("تاريخ الإنشاء من", "Created from"),
        "created_to" => Text::new("تاريخ الإنشاء إلى", "Created to"),
        "digits" => Text::new("شكل الأرقام", "Digits"),
        "max_failed_logins" => Text::new("عدد محاولات الدخول المسموحة", "Allowed failed logins"),
        "close_unanswered_inquiries_days" => Text::new(
            "أيام إغلاق الاستفسارات غير المجاب عنها",
            "Days before unanswered inquiries close",
        ),
        "default_quotation_validity_days" => Text::new(
            "مدة صلاحية عرض السعر الافتراضية",
            "Default quotation validity",
        ),
        "pattern" => Text::new("نمط الترقيم", "Numbering pattern"),
        "padding" => Text::new("عدد الخانات", "Digits in the number"),
        "next_number" => Text::new("الرقم التالي", "Next number"),
        "doc_type" => Text::new("نوع السجل", "Record type"),
        "action" => Text::new("الإجراء", "Action"),
        "scope" => Text::new("النطاق", "Scope"),
        "file" => Text::new("الملف", "File"),
        "phone" => Text::new("رقم الهاتف", "Phone number"),
        "name" => Text::new("الاسم", "Name"),
        "name_latin" => Text::new("الاسم بالأحرف اللاتينية", "Name in Latin letters"),
        "company_name" => Text::new("اسم الشركة", "Company name"),
        "job_title" => Text::new("المسمى الوظيفي", "Job title"),
        "city" => Text::new("المدينة", "City"),
        "notes" => Text::new("الملاحظات", "Notes"),
        "text" => Text::new("النص", "Text"),
        "tags" => Text::new("الوسوم", "Tags"),
        "owner" => Text::new("المسؤول", "Owner"),
        "website" => Text::new("الموقع الإلكتروني", "Website"),
        "addresses" => Text::new("العنوان", "Address"),
        "social" => Text::new("حساب التواصل الاجتماعي", "Social account"),
        "label_ar" => Text::new("الاسم بالعربية", "Arabic label"),
        "label_en" => Text::new("الاسم بالإنجليزية", "English label"),
        "field_type" => Text::new("نوع الحقل", "Field type"),
        "choices" => Text::new("الخيارات", "Choices"),
        "kind" => Text::new("النوع", "Type"),
        "outcome" => Text::new("النتيجة", "Outcome"),
        "body" => Text::new("التفاصيل", "Details"),
        "occurred_at" => Text::new("الوقت", "Time"),
        "contacts" => Text::new("جهات الاتصال", "Contacts"),
        "survivor" => Text::new("جهة الاتصال الباقية", "Contact to keep"),
        "amount" => Text::new("المبلغ", "Amount"),
        "seller_name" => Text::new("اسم البائع", "Seller name"),
        "vat_number" => Text::new("رقم التسجيل الضريبي", "VAT registration number"),
        "timestamp" => Text::new("وقت إصدار الفاتورة", "Invoice time"),
        "total_with_vat" => Text::new("الإجمالي شامل ضريبة القيمة المضافة", "Total with VAT"),
        "vat_total" => Text::new("إجمالي ضريبة القيمة المضافة", "VAT total"),
        "terms" => Text::new("الشروط والأحكام", "Terms and conditions"),
        "lines" => Text::new("البنود", "Lines"),
        "description" => Text::new("الوصف", "Description"),
        "unit" => Text::new("الوحدة", "Unit"),
        "quantity" => Text::new("الكمية", "Quantity"),
        "unit_price" => Text::new("سعر الوحدة", "Unit price"),
        "discount" => Text::new("الخصم", "Discount"),
        "vat_rate" => Text::new("نسبة ضريبة القيمة المضافة", "VAT rate"),
        "price" => Text::new("السعر", "Price"),
        "code" => Text::new("الرمز", "Code"),
        "category" => Text::new("الفئة", "Category"),
        "make" => Text::new("الشركة المصنعة", "Make"),
        "model" => Text::new("الطراز", "Model"),
        "year" => Text::new("سنة الصنع", "Year"),
        "trim" => Text::new("الفئة (التجهيز)", "Trim"),
        "colour" => Text::new("اللون", "Colour"),
        "vin" => Text::new("رقم الهيكل (VIN)", "VIN / chassis number"),
        "stock_status" => Text::new("حالة المخزون", "Stock status"),
        "product" => Text::new("المنتج", "Product"),
        "channel" => Text::new("قناة الاستفسار", "Channel"),
        "budget" => Text::new("الميزانية", "Budget"),
        "follow_up_on" => Text::new("تاريخ المتابعة", "Follow-up date"),
        "status" => Text::new("الحالة", "Status"),
        "lost_reason" => Text::new("سبب الخسارة", "Lost reason"),
        "competitor" => Text::new("المنافس", "Competitor"),
        "issue_date" => Text::new("تاريخ الإصدار", "Issue date"),
        "valid_until" => Text::new("صالح حتى", "Valid till"),
        "contact" => Text::new("العميل", "Customer"),
        "quote" => Text::new("عرض السعر", "Quotation"),
        "inquiry" => Text::new("الاستفسار", "Inquiry"),
        "items" => Text::new("الأصناف المطلوبة", "Items of interest"),
        "image_data_url" => Text::new("الصورة", "Image"),
        "documents" => Text::new(
            "المستندات المطلوبة (سند تسليم أو فاتورة)",
            "Documents to make (delivery note or invoice)",
        ),
        "delivery_address" => Text::new("عنوان التسليم", "Delivery address"),
        "number" => Text::new("الرقم", "Number"),
        "date" => Text::new("التاريخ", "Date"),
        "total" => Text::new("الإجمالي", "Total"),
        "line_total" => Text::new("إجمالي البند", "Line total"),
        "discount_percent" => Text::new("نسبة الخصم", "Discount percent"),
        "contact_name" => Text::new("اسم العميل", "Customer name"),
        _ => Text::new("القيمة", "Value"),
    }
}
