//! Document lines and totals for quotations and invoices, in decimal arithmetic.
//!
//! # Rounding (what the printed document shows, line by line)
//! Every figure is rounded to the currency's minor unit (2 decimals for SAR, 3 for
//! KWD/BHD/OMR/JOD), half away from zero, at the step where it appears:
//! 1. `gross = quantity × unit price`, rounded.
//! 2. `discount amount` = `gross × percent / 100` rounded, or the amount typed
//!    (which may not exceed the gross).
//! 3. `amount = gross − discount amount`.
//! 4. Prices **without** VAT: `net = amount`, `VAT = net × rate / 100` rounded,
//!    `total = net + VAT`.
//!    Prices **with** VAT included: `total = amount`,
//!    `net = total × 100 / (100 + rate)` rounded, `VAT = total − net` (so the line
//!    total is exactly what was typed).
//! 5. Document totals are the sums of the line figures, so the printed columns always
//!    add up to the printed totals.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;
use crate::{Error, Result, Rule};

/// Most lines a document may have (a printed document runs to a few pages).
pub const MAX_LINES: usize = 500;

keyed_enum!(DiscountKind {
    Percent = "percent",
    Amount = "amount",
});

/// A line as typed: a catalog item or free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineInput {
    #[serde(default)]
    pub product_id: Option<String>,
    /// Required; filled from the catalog item when a product is picked.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub unit: String,
    pub quantity: Decimal,
    #[serde(default)]
    pub unit_price: Decimal,
    #[serde(default = "percent")]
    pub discount_kind: DiscountKind,
    #[serde(default)]
    pub discount: Decimal,
    /// Percent, e.g. 15.
    #[serde(default)]
    pub vat_rate: Decimal,
}

fn percent() -> DiscountKind {
    DiscountKind::Percent
}

/// A line with its computed figures, as stored and printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub position: i64,
    pub product_id: Option<String>,
    pub description: String,
    pub unit: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
    pub discount_kind: DiscountKind,
    pub discount: Decimal,
    pub vat_rate: Decimal,
    /// quantity × unit price.
    pub gross: Decimal,
    pub discount_amount: Decimal,
    /// Without VAT, after the discount.
    pub net: Decimal,
    pub vat: Decimal,
    /// With VAT.
    pub total: Decimal,
}

impl Line {
    pub fn to_input(&self) -> LineInput {
        LineInput {
            product_id: self.product_id.clone(),
            description: self.description.clone(),
            unit: self.unit.clone(),
            quantity: self.quantity,
            unit_price: self.unit_price,
            discount_kind: self.discount_kind,
            discount: self.discount,
            vat_rate: self.vat_rate,
        }
    }
}

/// VAT per rate, for the totals block when a document mixes rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VatBreakdown {
    pub rate: Decimal,
    pub net: Decimal,
    pub vat: Decimal,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// Sum of the gross amounts (before discounts).
    pub subtotal: Decimal,
    pub discount_total: Decimal,
    /// Taxable amount: sum of the nets.
    pub net_total: Decimal,
    pub vat_total: Decimal,
    /// What the customer pays.
    pub total: Decimal,
    pub vat_breakdown: Vec<VatBreakdown>,
}

fn round(v: Decimal, dp: u32) -> Decimal {
    let r = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        Decimal::ZERO
    } else {
        r.normalize().round_dp(dp)
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Checks one line and computes its figures (see the module notes for the rounding).
pub fn compute_line(
    input: &LineInput,
    position: usize,
    prices_include_vat: bool,
    minor_digits: u32,
) -> Result<Line> {
    let at = |field, rule| Error::invalid(field, rule).at(position);
    let description = input.description.trim().to_string();
    if description.is_empty() {
        return Err(at("description", Rule::Required));
    }
    if description.chars().count() > 2000 {
        return Err(at("description", Rule::TooLong));
    }
    let unit = input.unit.trim().to_string();
    if unit.chars().count() > 40 {
        return Err(at("unit", Rule::TooLong));
    }
    let big = Decimal::from(1_000_000_000_000i64);
    if input.quantity <= Decimal::ZERO || input.quantity >= big || input.quantity.scale() > 3 {
        return Err(at("quantity", Rule::OutOfRange));
    }
    if input.unit_price < Decimal::ZERO || input.unit_price >= big {
        return Err(at("unit_price", Rule::OutOfRange));
    }
    if input.vat_rate < Decimal::ZERO || input.vat_rate > HUNDRED {
        return Err(at("vat_rate", Rule::OutOfRange));
    }
    let gross = round(input.quantity * input.unit_price, minor_digits);
    if gross >= big {
        return Err(at("unit_price", Rule::OutOfRange));
    }
    let discount_amount = match input.discount_kind {
        DiscountKind::Percent => {
            if input.discount < Decimal::ZERO || input.discount > HUNDRED {
                return Err(at("discount", Rule::OutOfRange));
            }
            round(gross * input.discount / HUNDRED, minor_digits)
        }
        DiscountKind::Amount => {
            let d = round(input.discount, minor_digits);
            if d < Decimal::ZERO || d > gross {
                return Err(at("discount", Rule::OutOfRange));
            }
            d
        }
    };
    let amount = gross - discount_amount;
    let (net, vat, total) = if prices_include_vat {
        let net = round(amount * HUNDRED / (HUNDRED + input.vat_rate), minor_digits);
        (net, amount - net, amount)
    } else {
        let vat = round(amount * input.vat_rate / HUNDRED, minor_digits);
        (amount, vat, amount + vat)
    };
    Ok(Line {
        position: position as i64,
        product_id: input.product_id.clone().filter(|p| !p.trim().is_empty()),
        description,
        unit,
        quantity: input.quantity.normalize(),
        unit_price: input.unit_price.normalize(),
        discount_kind: input.discount_kind,
        discount: input.discount.normalize(),
        vat_rate: input.vat_rate.normalize(),
        gross,
        discount_amount,
        net,
        vat,
        total,
    })
}

/// Checks and computes every line and the document totals. A document needs at least
/// one line; `currency` decides the rounding (see the module notes).
pub fn compute(
    inputs: &[LineInput],
    prices_include_vat: bool,
    currency: &str,
) -> Result<(Vec<Line>, Totals)> {
    if inputs.is_empty() {
        return Err(Error::invalid("lines", Rule::Required));
    }
    if inputs.len() > MAX_LINES {
        return Err(Error::invalid("lines", Rule::TooLong));
    }
    let dp = crate::money::minor_digits(currency)?;
    let lines = inputs
        .iter()
        .enumerate()
        .map(|(i, l)| compute_line(l, i, prices_include_vat, dp))
        .collect::<Result<Vec<_>>>()?;
    Ok((lines.clone(), totals(&lines)))
}

/// The sums of already computed lines.
pub fn totals(lines: &[Line]) -> Totals {
    let mut t = Totals::default();
    for l in lines {
        t.subtotal += l.gross;
        t.discount_total += l.discount_amount;
        t.net_total += l.net;
        t.vat_total += l.vat;
        t.total += l.total;
        match t.vat_breakdown.iter_mut().find(|b| b.rate == l.vat_rate) {
            Some(b) => {
                b.net += l.net;
                b.vat += l.vat;
            }
            None => t.vat_breakdown.push(VatBreakdown {
                rate: l.vat_rate,
                net: l.net,
                vat: l.vat,
            }),
        }
    }
    t.vat_breakdown.sort_by_key(|b| std::cmp::Reverse(b.rate));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! dec {
        ($v:literal) => {
            stringify!($v).parse::<Decimal>().unwrap()
        };
    }

    fn line(q: Decimal, p: Decimal, kind: DiscountKind, d: Decimal, vat: Decimal) -> LineInput {
        LineInput {
            product_id: None,
            description: "x".into(),
            unit: String::new(),
            quantity: q,
            unit_price: p,
            discount_kind: kind,
            discount: d,
            vat_rate: vat,
        }
    }

    #[test]
    fn table_of_lines() {
        use DiscountKind::*;
        // (qty, price, kind, discount, vat, incl, dp) → (gross, disc, net, vat, total)
        #[rustfmt::skip]
        let cases = [
            (dec!(1), dec!(100), Percent, dec!(0), dec!(15), false, 2, (dec!(100), dec!(0), dec!(100), dec!(15), dec!(115))),
            (dec!(3), dec!(33.333), Percent, dec!(0), dec!(15), false, 2, (dec!(100), dec!(0), dec!(100), dec!(15), dec!(115))),
            (dec!(2), dec!(49.99), Percent, dec!(10), dec!(15), false, 2, (dec!(99.98), dec!(10), dec!(89.98), dec!(13.50), dec!(103.48))),
            (dec!(1), dec!(115), Percent, dec!(0), dec!(15), true, 2, (dec!(115), dec!(0), dec!(100), dec!(15), dec!(115))),
            (dec!(1), dec!(100), Amount, dec!(0.005), dec!(15), true, 2, (dec!(100), dec!(0.01), dec!(86.95), dec!(13.04), dec!(99.99))),
            (dec!(1.5), dec!(10.005), Percent, dec!(0), dec!(5), false, 3, (dec!(15.008), dec!(0), dec!(15.008), dec!(0.750), dec!(15.758))),
            (dec!(1), dec!(0.05), Percent, dec!(0), dec!(15), false, 2, (dec!(0.05), dec!(0), dec!(0.05), dec!(0.01), dec!(0.06))),
            (dec!(1), dec!(125000), Amount, dec!(5000), dec!(0), false, 2, (dec!(125000), dec!(5000), dec!(120000), dec!(0), dec!(120000))),
        ];
        for (i, (q, p, k, d, v, incl, dp, want)) in cases.into_iter().enumerate() {
            let l = compute_line(&line(q, p, k, d, v), 0, incl, dp).unwrap();
            assert_eq!(
                (l.gross, l.discount_amount, l.net, l.vat, l.total),
                want,
                "case {i}"
            );
        }
    }

    #[test]
    fn refused_lines_name_the_line() {
        let bad = [
            line(dec!(0), dec!(1), DiscountKind::Percent, dec!(0), dec!(15)),
            line(dec!(1), dec!(-1), DiscountKind::Percent, dec!(0), dec!(15)),
            line(
                dec!(1),
                dec!(10),
                DiscountKind::Percent,
                dec!(101),
                dec!(15),
            ),
            line(dec!(1), dec!(10), DiscountKind::Amount, dec!(11), dec!(15)),
            line(dec!(1), dec!(10), DiscountKind::Percent, dec!(0), dec!(150)),
            line(
                dec!(0.0001),
                dec!(10),
                DiscountKind::Percent,
                dec!(0),
                dec!(15),
            ),
        ];
        for b in bad {
            let ok = line(dec!(1), dec!(1), DiscountKind::Percent, dec!(0), dec!(15));
            match compute(&[ok, b], false, "SAR") {
                Err(Error::Invalid { index, .. }) => assert_eq!(index, Some(1)),
                other => panic!("{other:?}"),
            }
        }
        assert!(compute(&[], false, "SAR").is_err());
    }

    #[test]
    fn totals_are_sums_of_lines_with_a_vat_breakdown() {
        let (lines, t) = compute(
            &[
                line(
                    dec!(1),
                    dec!(1000),
                    DiscountKind::Percent,
                    dec!(5),
                    dec!(15),
                ),
                line(dec!(2), dec!(250), DiscountKind::Amount, dec!(50), dec!(0)),
                line(
                    dec!(1),
                    dec!(10.10),
                    DiscountKind::Percent,
                    dec!(0),
                    dec!(15),
                ),
            ],
            false,
            "SAR",
        )
        .unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(t.subtotal, dec!(1510.10));
        assert_eq!(t.discount_total, dec!(100));
        assert_eq!(t.net_total, dec!(1410.10));
        assert_eq!(t.vat_total, dec!(144.02)); // 142.50 + 0 + 1.52 (1.515 → 1.52)
        assert_eq!(t.total, dec!(1554.12));
        assert_eq!(t.vat_breakdown.len(), 2);
        assert_eq!(t.vat_breakdown[0].rate, dec!(15));
    }
}
