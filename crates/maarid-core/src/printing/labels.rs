//! Every word the printed documents carry, in Arabic and English. The Arabic is the
//! wording of Saudi and Gulf commercial documents (ZATCA's for the invoice titles).

use crate::sales::print_model::PrintKind;

/// One printed label in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub ar: &'static str,
    pub en: &'static str,
}

const fn l(ar: &'static str, en: &'static str) -> Label {
    Label { ar, en }
}

// Document titles.
pub const INQUIRY: Label = l("استفسار", "Inquiry");
pub const QUOTATION: Label = l("عرض سعر", "Quotation");
pub const DELIVERY_NOTE: Label = l("سند تسليم", "Delivery Note");
pub const SIMPLIFIED_INVOICE: Label = l("فاتورة ضريبية مبسطة", "Simplified Tax Invoice");
pub const INVOICE: Label = l("فاتورة ضريبية", "Tax Invoice");

/// The document's title.
pub fn title(kind: PrintKind) -> Label {
    match kind {
        PrintKind::Inquiry => INQUIRY,
        PrintKind::Quotation => QUOTATION,
        PrintKind::DeliveryNote => DELIVERY_NOTE,
        PrintKind::SimplifiedInvoice => SIMPLIFIED_INVOICE,
        PrintKind::Invoice => INVOICE,
    }
}

/// "Quotation No." and the like.
pub fn number(kind: PrintKind) -> Label {
    match kind {
        PrintKind::Inquiry => l("رقم الاستفسار", "Inquiry No."),
        PrintKind::Quotation => l("رقم العرض", "Quotation No."),
        PrintKind::DeliveryNote => l("رقم السند", "Delivery Note No."),
        PrintKind::SimplifiedInvoice | PrintKind::Invoice => l("رقم الفاتورة", "Invoice No."),
    }
}

/// What the document's second date means.
pub fn due_date(kind: PrintKind) -> Label {
    match kind {
        PrintKind::Inquiry => l("تاريخ المتابعة", "Follow-up date"),
        PrintKind::Quotation => l("صالح حتى", "Valid until"),
        PrintKind::DeliveryNote => l("تاريخ التسليم", "Delivery date"),
        PrintKind::SimplifiedInvoice | PrintKind::Invoice => l("تاريخ الاستحقاق", "Due date"),
    }
}

// Letterhead.
pub const PHONE_SHORT: Label = l("هاتف", "Tel.");
pub const VAT_NUMBER: Label = l("الرقم الضريبي", "VAT No.");

// Document facts.
pub const DOCUMENT: Label = l("بيانات المستند", "Document details");
pub const REVISION: Label = l("رقم المراجعة", "Revision");
pub const DATE: Label = l("التاريخ", "Date");
pub const ISSUED_AT: Label = l("تاريخ ووقت الإصدار", "Issue date and time");
pub const REFERENCE: Label = l("المرجع", "Reference");
pub const SALESPERSON: Label = l("مندوب المبيعات", "Salesperson");
pub const CURRENCY: Label = l("العملة", "Currency");

// Customer block.
pub const CUSTOMER: Label = l("بيانات العميل", "Customer");
pub const NAME: Label = l("الاسم", "Name");
pub const COMPANY: Label = l("الشركة", "Company");
pub const ADDRESS: Label = l("العنوان", "Address");
pub const PHONE: Label = l("الهاتف", "Phone");
pub const EMAIL: Label = l("البريد الإلكتروني", "Email");
pub const DELIVERY_ADDRESS: Label = l("عنوان التسليم", "Delivery address");

// Lines table.
pub const COL_NO: Label = l("م", "#");
pub const COL_DESCRIPTION: Label = l("الوصف", "Description");
pub const COL_UNIT: Label = l("الوحدة", "Unit");
pub const COL_QTY: Label = l("الكمية", "Qty");
pub const COL_UNIT_PRICE: Label = l("سعر الوحدة", "Unit price");
pub const COL_DISCOUNT: Label = l("الخصم", "Discount");
pub const COL_VAT_RATE: Label = l("نسبة الضريبة", "VAT %");
pub const COL_VAT: Label = l("الضريبة", "VAT");
pub const COL_TOTAL: Label = l("الإجمالي", "Total");

// Totals.
pub const SUBTOTAL: Label = l("المجموع", "Subtotal");
/// The subtotal when the prices typed include VAT.
pub const SUBTOTAL_WITH_VAT: Label = l("المجموع شامل الضريبة", "Subtotal incl. VAT");
pub const DISCOUNT: Label = l("إجمالي الخصم", "Discount");
pub const TAXABLE: Label = l("الإجمالي غير شامل الضريبة", "Total excluding VAT");
pub const VAT: Label = l("ضريبة القيمة المضافة", "VAT");
pub const TOTAL: Label = l("الإجمالي شامل الضريبة", "Total including VAT");
pub const AMOUNT_IN_WORDS: Label = l("المبلغ كتابةً", "Amount in words");
pub const PRICES_INCLUDE_VAT: Label = l("الأسعار شاملة ضريبة القيمة المضافة", "Prices include VAT");

// After the totals.
pub const TERMS: Label = l("الشروط والأحكام", "Terms and conditions");
pub const NOTES: Label = l("ملاحظات", "Notes");
pub const SIGNATURE: Label = l("التوقيع المعتمد", "Authorized signature");
pub const STAMP: Label = l("الختم", "Stamp");
pub const DELIVERED_BY: Label = l("المُسلِّم", "Delivered by");
pub const RECEIVED_BY: Label = l("المُستلِم", "Received by");
pub const SIGN: Label = l("التوقيع", "Signature");

/// The mark across the page of a document that is not (or no longer) in force.
pub fn status_mark(status: &str) -> Option<Label> {
    match status {
        "draft" => Some(l("مسودة", "DRAFT")),
        "superseded" => Some(l("مستبدل", "SUPERSEDED")),
        "cancelled" => Some(l("ملغى", "CANCELLED")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_titles() {
        for kind in [
            PrintKind::Inquiry,
            PrintKind::Quotation,
            PrintKind::DeliveryNote,
            PrintKind::SimplifiedInvoice,
            PrintKind::Invoice,
        ] {
            for label in [title(kind), number(kind), due_date(kind)] {
                assert!(!label.ar.is_empty() && !label.en.is_empty(), "{kind:?}");
                assert!(label
                    .ar
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
                assert!(label.en.is_ascii());
            }
        }
        assert_eq!(
            title(PrintKind::SimplifiedInvoice).ar,
            "فاتورة ضريبية مبسطة"
        );
    }

    #[test]
    fn marks_only_for_documents_out_of_force() {
        assert_eq!(status_mark("draft").unwrap().en, "DRAFT");
        assert_eq!(status_mark("cancelled").unwrap().ar, "ملغى");
        assert!(status_mark("superseded").is_some());
        for s in ["sent", "accepted", "issued", "open", ""] {
            assert!(status_mark(s).is_none(), "{s}");
        }
    }
}
