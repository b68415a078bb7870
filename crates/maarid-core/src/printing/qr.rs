//! The ZATCA phase-1 QR code of a Saudi simplified tax invoice: seller name, VAT
//! number, time of issue, total with VAT and VAT total, as base64 TLV.

use chrono::NaiveTime;

use super::Ctx;
use crate::money::ZatcaQr;
use crate::sales::print_model::PrintKind;
use crate::Result;

/// Side of the printed code in millimetres, quiet zone included (ZATCA asks for a
/// code a phone reads from paper; 32 mm gives modules of about half a millimetre).
pub(crate) const SIZE: f64 = 32.0;

/// What the document's QR code says: `Some` for simplified invoices of companies in
/// Saudi Arabia. The seller is the company's Arabic (legal) name; the time is the
/// invoice's moment of issue, or the start of its issue date (UTC) when it has none.
pub(crate) fn zatca(ctx: &Ctx) -> Option<ZatcaQr> {
    let d = ctx.doc;
    if d.kind != PrintKind::SimplifiedInvoice || ctx.company.country != "SA" {
        return None;
    }
    let t = d.totals.as_ref()?;
    Some(ZatcaQr {
        seller_name: ctx.company.name_ar.trim().to_string(),
        vat_number: ctx.company.tax_number.trim().to_string(),
        timestamp: d
            .issued_at
            .unwrap_or_else(|| d.issue_date.and_time(NaiveTime::MIN).and_utc()),
        total_with_vat: t.total,
        vat_total: t.vat_total,
    })
}

/// The QR code's text, or `None` when the document has no code. An invoice that must
/// have one but cannot (no valid VAT number) is an error, not an invoice without it.
pub(crate) fn payload(ctx: &Ctx) -> Result<Option<String>> {
    zatca(ctx).map(|q| q.to_base64()).transpose()
}
