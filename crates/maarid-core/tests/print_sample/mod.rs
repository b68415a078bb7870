//! Sample sales documents to print, without a database: a Saudi showroom, a customer,
//! and a quotation, invoices, a delivery note and an inquiry built from the same
//! lines. Shared by `tests/printing.rs` and `benches/print.rs`.
#![allow(dead_code)]

use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use maarid_core::company::{Company, CompanyInput};
use maarid_core::sales::lines::{compute_line, totals};
use maarid_core::sales::print_model::{PrintDoc, PrintKind, PrintLang, PrintParty, PrintRef};
use maarid_core::sales::{compute, DiscountKind, LineInput};
use rust_decimal::Decimal;

use super::pdf_sample::logo_png;

pub const COMPANY_AR: &str = "معرض النخبة للسيارات";
pub const COMPANY_EN: &str = "Elite Motors Showroom";
pub const VAT_NUMBER: &str = "310123456700003";
pub const CUSTOMER_AR: &str = "عبدالله بن سعد القحطاني";
pub const CUSTOMER_LATIN: &str = "Abdullah S. Al-Qahtani";
pub const ISSUED_AT: &str = "2026-11-23T14:30:00Z";

pub fn company() -> Company {
    let logo = base64::engine::general_purpose::STANDARD.encode(logo_png());
    Company {
        profile: CompanyInput {
            name_ar: COMPANY_AR.into(),
            name_en: COMPANY_EN.into(),
            logo_data_url: Some(format!("data:image/png;base64,{logo}")),
            address_ar: "طريق الملك فهد، حي العليا، الرياض 12211".into(),
            address_en: "King Fahd Road, Al Olaya, Riyadh 12211".into(),
            phones: vec!["+966 11 234 5678".into(), "+966 50 123 4567".into()],
            email: "sales@elite-motors.sa".into(),
            website: "www.elite-motors.sa".into(),
            tax_number: VAT_NUMBER.into(),
            country: "SA".into(),
            currency: "SAR".into(),
            default_vat_rate: "15".into(),
        },
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
    }
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn line(description: &str, unit: &str, qty: &str, price: &str, discount: &str) -> LineInput {
    LineInput {
        product_id: None,
        description: description.into(),
        unit: unit.into(),
        quantity: dec(qty),
        unit_price: dec(price),
        discount_kind: DiscountKind::Amount,
        discount: dec(discount),
        vat_rate: dec("15"),
    }
}

/// Three lines, prices including VAT, one discounted: 95,000 + (2 × 13,000 − 1,000) +
/// 5,000 = 125,000.00 SAR in all («فقط مائة وخمسة وعشرون ألف ريال سعودي لا غير»).
pub fn three_lines(english: bool) -> Vec<LineInput> {
    if english {
        vec![
            line(
                "Toyota Camry 2026 GLE, pearl white, 5-year warranty",
                "car",
                "1",
                "95000",
                "0",
            ),
            line(
                "Scheduled maintenance package (3 years)",
                "package",
                "2",
                "13000",
                "1000",
            ),
            line(
                "Heat-insulating tint and paint protection film (PPF)",
                "service",
                "1",
                "5000",
                "0",
            ),
        ]
    } else {
        vec![
            line(
                "تويوتا كامري 2026 GLE، أبيض لؤلؤي، ضمان 5 سنوات",
                "سيارة",
                "1",
                "95000",
                "0",
            ),
            line(
                "باقة صيانة دورية لمدة 3 سنوات",
                "باقة",
                "2",
                "13000",
                "1000",
            ),
            line("تظليل حراري وحماية للطلاء (PPF)", "خدمة", "1", "5000", "0"),
        ]
    }
}

/// `n` lines, for long documents.
pub fn many_lines(n: usize) -> Vec<LineInput> {
    (1..=n)
        .map(|i| {
            let d = if i % 7 == 0 {
                format!(
                    "قطعة غيار رقم PN-{i:04} — فلتر زيت أصلي مع جلدة التصريف، متوافق مع \
                     موديلات 2018 إلى 2026، يشمل التركيب في مركز الخدمة"
                )
            } else {
                format!("قطعة غيار رقم PN-{i:04} — فلتر زيت أصلي")
            };
            line(
                &d,
                "حبة",
                &(1 + i % 4).to_string(),
                &(85 + 5 * (i % 9)).to_string(),
                "0",
            )
        })
        .collect()
}

pub fn customer() -> PrintParty {
    PrintParty {
        name_ar: CUSTOMER_AR.into(),
        name_latin: CUSTOMER_LATIN.into(),
        company_name: "شركة الأفق للتجارة".into(),
        address: "حي النرجس، الرياض".into(),
        phone: "+966 55 765 4321".into(),
        email: "abdullah@alofuq.sa".into(),
        vat_number: "300987654300003".into(),
    }
}

pub const TERMS_AR: &str = "1. الأسعار بالريال السعودي وشاملة ضريبة القيمة المضافة 15%.\n\
2. العرض صالح لمدة 15 يومًا من تاريخه.\n\
3. التسليم خلال 7 أيام عمل من تاريخ الدفع الكامل.";
pub const TERMS_EN: &str = "1. Prices are in Saudi riyals and include 15% VAT.\n\
2. This quotation is valid for 15 days from its date.\n\
3. Delivery within 7 working days of full payment.";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A document of `kind` with the given lines, its texts in the language of `lang`.
/// Documents hold at most `sales::lines::MAX_LINES` lines (a dozen pages); longer
/// ones, for the benchmark's 100 pages, are computed line by line past that limit.
pub fn doc(kind: PrintKind, lang: PrintLang, inputs: &[LineInput]) -> PrintDoc {
    let (lines, totals) = if inputs.len() <= maarid_core::sales::lines::MAX_LINES {
        compute(inputs, true, "SAR").unwrap()
    } else {
        let lines: Vec<_> = inputs
            .iter()
            .enumerate()
            .map(|(i, l)| compute_line(l, i, true, 2).unwrap())
            .collect();
        let t = totals(&lines);
        (lines, t)
    };
    let english = lang == PrintLang::En;
    let (number, status, due, issued_at, references) = match kind {
        PrintKind::Quotation => (
            "QTN-2026-00012",
            "sent",
            Some(date("2026-12-08")),
            None,
            vec![PrintRef {
                kind: PrintKind::Inquiry,
                number: "INQ-2026-00031".into(),
            }],
        ),
        PrintKind::SimplifiedInvoice | PrintKind::Invoice => (
            if kind == PrintKind::Invoice {
                "INV-2026-00045"
            } else {
                "SINV-2026-00107"
            },
            "issued",
            None,
            Some(ISSUED_AT.parse::<DateTime<Utc>>().unwrap()),
            vec![PrintRef {
                kind: PrintKind::Quotation,
                number: "QTN-2026-00012".into(),
            }],
        ),
        PrintKind::DeliveryNote => (
            "DN-2026-00019",
            "issued",
            Some(date("2026-11-25")),
            None,
            vec![PrintRef {
                kind: PrintKind::Invoice,
                number: "INV-2026-00045".into(),
            }],
        ),
        PrintKind::Inquiry => (
            "INQ-2026-00031",
            "open",
            Some(date("2026-11-26")),
            None,
            vec![],
        ),
    };
    let priced = matches!(
        kind,
        PrintKind::Quotation | PrintKind::SimplifiedInvoice | PrintKind::Invoice
    );
    PrintDoc {
        kind,
        number: number.into(),
        revision: if kind == PrintKind::Quotation { 1 } else { 0 },
        status: status.into(),
        issue_date: date("2026-11-23"),
        due_date: due,
        issued_at,
        references,
        currency: "SAR".into(),
        prices_include_vat: true,
        customer: customer(),
        lines,
        totals: priced.then_some(totals),
        terms: match (kind, english) {
            (PrintKind::Quotation, false) => TERMS_AR.into(),
            (PrintKind::Quotation, true) => TERMS_EN.into(),
            _ => String::new(),
        },
        notes: match (kind, english) {
            (PrintKind::Inquiry, false) => "يرغب العميل في تجربة قيادة يوم السبت القادم.".into(),
            (PrintKind::Inquiry, true) => {
                "The customer would like a test drive next Saturday.".into()
            }
            (_, false) => "شكرًا لتعاملكم معنا.".into(),
            (_, true) => "Thank you for your business.".into(),
        },
        salesperson: if english {
            "Khalid Al-Shammari"
        } else {
            "خالد الشمري"
        }
        .into(),
        delivery_address: if kind == PrintKind::DeliveryNote {
            "مستودع العميل، المنطقة الصناعية الثانية، الرياض".into()
        } else {
            String::new()
        },
    }
}

/// The three-line quotation in `lang`.
pub fn quotation(lang: PrintLang) -> PrintDoc {
    doc(
        PrintKind::Quotation,
        lang,
        &three_lines(lang == PrintLang::En),
    )
}
