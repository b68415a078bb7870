//! Products, services and vehicles from a sheet: a price list or a stock list of cars,
//! with Arabic or English headers, checked with the same rules as an item saved by hand.
//! A row repeats a saved item (or an earlier row) when it has the same code or the same
//! VIN; codes and VINs are unique, so "create anyway" cannot apply and such rows are
//! left out unless the policy is to update the saved item.
//!
//! Also the number readers the other importers share: prices, rates and years.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use rusqlite::Connection;
use rust_decimal::Decimal;

use super::engine::{BatchLog, Ctx, Importer, RowCheck, RowMatch};
use super::fields::{text, Choices, FieldInfo};
use super::kind::{OnDuplicate, RowOutcome};
use super::values::{date_from_cell, Cell, DateOrder};
use crate::access::{Action, Actor, DocType, Target};
use crate::catalog::import::{self as store, Prepared};
use crate::catalog::{normalize_vin, Product, ProductInput, ProductKind, StockStatus};
use crate::i18n::Text;
use crate::ids::{new_id, now};
use crate::search::normalize::ascii_digits;
use crate::{Error, ErrorPayload, Result, Rule};

/// The item fields a column can feed (the keys of `ProductInput`); only the code is
/// required as a column. A name (Arabic or English) is required in every row, and a
/// price in every row that makes a new item.
pub(crate) fn fields() -> Vec<FieldInfo> {
    let f = |key: &str, ar: &'static str, en: &'static str, required: bool, s: &[&str]| {
        FieldInfo::new(key, Text::new(ar, en), required, false, s)
    };
    vec![
        f(
            "code",
            "الكود",
            "Code",
            true,
            &[
                "الرمز",
                "رمز الصنف",
                "كود الصنف",
                "رقم الصنف",
                "رقم القطعة",
                "الباركود",
                "item code",
                "product code",
                "sku",
                "part number",
                "part no",
                "ref",
            ],
        ),
        f(
            "name_ar",
            "الصنف",
            "Name",
            false,
            &[
                "اسم الصنف",
                "الاسم",
                "اسم المنتج",
                "المنتج",
                "الاسم بالعربية",
                "الاسم بالعربي",
                "name",
                "item",
                "item name",
                "product",
                "product name",
                "arabic name",
            ],
        ),
        f(
            "name_en",
            "الاسم بالإنجليزية",
            "Name in English",
            false,
            &[
                "الاسم بالانجليزي",
                "الاسم الانجليزي",
                "english name",
                "name (english)",
                "name en",
            ],
        ),
        f(
            "kind",
            "النوع",
            "Type",
            false,
            &["نوع الصنف", "kind", "type", "item type"],
        ),
        f(
            "description",
            "الوصف",
            "Description",
            false,
            &["المواصفات", "التفاصيل", "description", "details", "specs"],
        ),
        f(
            "unit",
            "الوحدة",
            "Unit",
            false,
            &["وحدة القياس", "unit", "uom"],
        ),
        f(
            "price",
            "السعر",
            "Price",
            false,
            &[
                "سعر البيع",
                "سعر الوحدة",
                "السعر قبل الضريبة",
                "price",
                "selling price",
                "sale price",
                "unit price",
            ],
        ),
        f(
            "vat_rate",
            "نسبة الضريبة",
            "VAT rate",
            false,
            &[
                "الضريبة",
                "ضريبة القيمة المضافة",
                "نسبة ضريبة القيمة المضافة",
                "vat",
                "vat %",
                "tax",
                "tax rate",
            ],
        ),
        f(
            "category",
            "الفئة",
            "Category",
            false,
            &["التصنيف", "القسم", "المجموعة", "category", "group"],
        ),
        f(
            "make",
            "الماركة",
            "Make",
            false,
            &[
                "الشركة المصنعة",
                "الصانع",
                "العلامة التجارية",
                "make",
                "brand",
                "manufacturer",
            ],
        ),
        f("model", "الموديل", "Model", false, &["الطراز", "model"]),
        f(
            "year",
            "سنة الصنع",
            "Year",
            false,
            &["السنة", "سنة الموديل", "year", "model year"],
        ),
        f(
            "trim",
            "التجهيز",
            "Trim",
            false,
            &["فئة التجهيز", "درجة التجهيز", "trim", "grade"],
        ),
        f(
            "colour",
            "اللون",
            "Colour",
            false,
            &["اللون الخارجي", "colour", "color", "exterior colour"],
        ),
        f(
            "vin",
            "رقم الهيكل",
            "VIN",
            false,
            &[
                "رقم الشاصي",
                "الشاصي",
                "رقم الشاسيه",
                "vin",
                "chassis",
                "chassis number",
                "chassis no",
            ],
        ),
        f(
            "stock_status",
            "الحالة",
            "Stock status",
            false,
            &[
                "حالة المخزون",
                "التوفر",
                "الحالة في المخزون",
                "status",
                "stock",
                "availability",
            ],
        ),
    ]
}

// ---- Numbers shared by the importers --------------------------------------------------

/// A number as typed in a money or quantity column: Arabic-Indic digits, thousands
/// separators (`,` `٬`), the Arabic decimal separator `٫`, and a currency written
/// before or after it ("SAR 1,250", "125٬000 ر.س") are all read. A cell Excel holds as
/// a float is read through its shortest text, so 1250.5 is 1250.5 exactly.
pub(super) fn decimal(cell: &Cell, field: &'static str) -> Result<Option<Decimal>> {
    let t = text(cell, field)?;
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || Error::invalid(field, Rule::NotANumber);
    let t: Vec<char> = t
        .replace('٫', ".")
        .chars()
        .filter(|c| !matches!(c, ',' | '٬' | '\'' | '\u{a0}' | '\u{202f}') && !c.is_whitespace())
        .collect();
    let numeric = |i: usize| {
        t[i].is_ascii_digit()
            || (matches!(t[i], '-' | '.')
                && t.get(i + 1)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.'))
    };
    let start = (0..t.len()).find(|&i| numeric(i)).ok_or_else(bad)?;
    let end = t.iter().rposition(char::is_ascii_digit).ok_or_else(bad)? + 1;
    // Only a currency may stand around the number: letters and money signs.
    let currency = |c: &char| c.is_alphabetic() || matches!(c, '.' | '$' | '€' | '£' | '﷼');
    if start >= end || !t[..start].iter().all(currency) || !t[end..].iter().all(currency) {
        return Err(bad());
    }
    let n: String = t[start..end].iter().collect();
    n.parse::<Decimal>().map(Some).map_err(|_| bad())
}

/// A percentage: "15", "15%", "١٥٪", or a cell formatted as a percentage, which
/// holds the fraction (0.15) — a rate between 0 and 1 per cent is not a real rate.
pub(super) fn percent(cell: &Cell, field: &'static str) -> Result<Option<Decimal>> {
    match cell {
        Cell::Float(f) if *f > 0.0 && *f < 1.0 => {
            Ok(decimal(cell, field)?.map(|d| (d * Decimal::ONE_HUNDRED).normalize()))
        }
        Cell::Text(t) => {
            let t = t
                .trim()
                .trim_end_matches(['%', '٪'])
                .trim_start_matches(['%', '٪']);
            decimal(&Cell::Text(t.to_string()), field)
        }
        other => decimal(other, field),
    }
}

/// A model year: a number, or a date cell (its year).
fn year(cell: &Cell) -> Result<Option<i32>> {
    let bad = || Error::invalid("year", Rule::NotANumber);
    if let Cell::DateSerial(f) = cell {
        // A year typed into a date-formatted column is a serial such as 2024; a larger
        // serial is a real date, whose year is meant.
        if *f > 2200.0 {
            let d = date_from_cell(cell, DateOrder::DayFirst, "year")?;
            return Ok(d.map(|d| d.year()));
        }
    }
    let t = text(cell, "year")?;
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i32>().map(Some).map_err(|_| bad())
}

/// Whether a text has Arabic letters (a name in the Arabic column may be in English).
pub(super) fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

// ---- The importer ---------------------------------------------------------------------

/// A row as read: empty text and None mean "not in the row".
#[derive(Debug, Default, Clone)]
struct RowValues {
    code: String,
    name_ar: String,
    name_en: String,
    description: String,
    unit: String,
    category: String,
    make: String,
    model: String,
    trim: String,
    colour: String,
    vin: String,
    kind: Option<ProductKind>,
    price: Option<Decimal>,
    vat_rate: Option<Decimal>,
    year: Option<i32>,
    stock_status: Option<StockStatus>,
}

impl RowValues {
    /// A vehicle sheet rarely has a "type" column: vehicle details say it.
    fn kind(&self) -> ProductKind {
        let vehicle = [&self.make, &self.model, &self.trim, &self.colour, &self.vin]
            .iter()
            .any(|s| !s.is_empty())
            || self.year.is_some()
            || self.stock_status.is_some();
        self.kind.unwrap_or(if vehicle {
            ProductKind::Vehicle
        } else {
            ProductKind::Product
        })
    }

    fn new_input(&self) -> ProductInput {
        ProductInput {
            kind: self.kind(),
            code: self.code.clone(),
            name_ar: self.name_ar.clone(),
            name_en: self.name_en.clone(),
            description: self.description.clone(),
            unit: self.unit.clone(),
            price: self.price.unwrap_or_default(),
            vat_rate: self.vat_rate,
            category: self.category.clone(),
            make: self.make.clone(),
            model: self.model.clone(),
            year: self.year,
            trim: self.trim.clone(),
            colour: self.colour.clone(),
            vin: self.vin.clone(),
            stock_status: self.stock_status,
            image_data_url: None,
        }
    }

    /// The saved item with what the row says on top; what the row leaves empty stays.
    fn onto(&self, base: &Product) -> ProductInput {
        let mut i = ProductInput::from(base);
        let set = |to: &mut String, from: &String| {
            if !from.is_empty() {
                to.clone_from(from);
            }
        };
        set(&mut i.code, &self.code);
        set(&mut i.name_ar, &self.name_ar);
        set(&mut i.name_en, &self.name_en);
        set(&mut i.description, &self.description);
        set(&mut i.unit, &self.unit);
        set(&mut i.category, &self.category);
        set(&mut i.make, &self.make);
        set(&mut i.model, &self.model);
        set(&mut i.trim, &self.trim);
        set(&mut i.colour, &self.colour);
        set(&mut i.vin, &self.vin);
        i.kind = self.kind.unwrap_or(base.kind);
        i.price = self.price.unwrap_or(base.price);
        i.vat_rate = self.vat_rate.or(Some(base.vat_rate));
        i.year = self.year.or(base.year);
        i.stock_status = self.stock_status.or(base.stock_status);
        i
    }
}

fn kinds() -> Choices<ProductKind> {
    let t = Text::new;
    Choices::new(&[
        (ProductKind::Product, "product", t("منتج", "Product")),
        (ProductKind::Vehicle, "vehicle", t("مركبة", "Vehicle")),
        (ProductKind::Service, "service", t("خدمة", "Service")),
    ])
    .with(
        ProductKind::Product,
        &[
            "سلعة",
            "بضاعة",
            "صنف",
            "قطعة",
            "اكسسوار",
            "item",
            "goods",
            "part",
        ],
    )
    .with(
        ProductKind::Vehicle,
        &["سيارة", "سيارات", "مركبات", "car", "auto"],
    )
    .with(ProductKind::Service, &["خدمات", "صيانة", "labour", "labor"])
}

fn stock_statuses() -> Choices<StockStatus> {
    let t = Text::new;
    Choices::new(&[
        (StockStatus::Available, "available", t("متاحة", "Available")),
        (StockStatus::Reserved, "reserved", t("محجوزة", "Reserved")),
        (StockStatus::Sold, "sold", t("مباعة", "Sold")),
    ])
    .with(
        StockStatus::Available,
        &["متاح", "متوفر", "متوفرة", "موجود", "في المخزون", "in stock"],
    )
    .with(
        StockStatus::Reserved,
        &["محجوز", "حجز", "on hold", "booked"],
    )
    .with(StockStatus::Sold, &["مباع", "تم البيع", "بيعت"])
}

enum Kept {
    New(Box<Prepared>),
    Update {
        before: Box<Product>,
        p: Box<Prepared>,
    },
}

pub(crate) struct ProductImporter {
    vat: Decimal,
    kinds: Choices<ProductKind>,
    stock: Choices<StockStatus>,
    /// Codes (lower case) and VINs of the rows kept so far, with their row.
    codes: HashMap<String, usize>,
    vins: HashMap<String, usize>,
    /// Saved items an earlier row updates, with that row.
    targeted: HashMap<String, usize>,
    kept: Vec<Option<Kept>>,
}

impl ProductImporter {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        Ok(ProductImporter {
            vat: store::default_vat(conn)?,
            kinds: kinds(),
            stock: stock_statuses(),
            codes: HashMap::new(),
            vins: HashMap::new(),
            targeted: HashMap::new(),
            kept: Vec::new(),
        })
    }

    fn read_row(&self, ctx: &Ctx, row: &[Cell], problems: &mut Vec<ErrorPayload>) -> RowValues {
        let cols = ctx.cols;
        let mut note = |e: Error| problems.push(e.to_payload());
        let mut txt = |field: &'static str| match text(cols.cell(row, field), field) {
            Ok(t) => t,
            Err(e) => {
                note(e);
                String::new()
            }
        };
        let mut v = RowValues {
            code: txt("code"),
            name_ar: txt("name_ar"),
            name_en: txt("name_en"),
            description: txt("description"),
            unit: txt("unit"),
            category: txt("category"),
            make: txt("make"),
            model: txt("model"),
            trim: txt("trim"),
            colour: txt("colour"),
            vin: txt("vin"),
            ..RowValues::default()
        };
        let kind = txt("kind");
        let stock = txt("stock_status");
        let mut note = |e: Error| problems.push(e.to_payload());
        // An English name in the one "name" column goes where English names go.
        if v.name_en.is_empty() && !v.name_ar.is_empty() && !has_arabic(&v.name_ar) {
            v.name_en = std::mem::take(&mut v.name_ar);
        }
        if !kind.is_empty() {
            match self.kinds.get(&kind) {
                Some(k) => v.kind = Some(k),
                None => note(Error::invalid("kind", Rule::UnknownValue)),
            }
        }
        if !stock.is_empty() {
            match self.stock.get(&stock) {
                Some(s) => v.stock_status = Some(s),
                None => note(Error::invalid("stock_status", Rule::UnknownValue)),
            }
        }
        match decimal(cols.cell(row, "price"), "price") {
            Ok(p) => v.price = p,
            Err(e) => note(e),
        }
        match percent(cols.cell(row, "vat_rate"), "vat_rate") {
            Ok(r) => v.vat_rate = r,
            Err(e) => note(e),
        }
        match year(cols.cell(row, "year")) {
            Ok(y) => v.year = y,
            Err(e) => note(e),
        }
        v
    }

    /// The rows of the file kept so far that have this code or VIN.
    fn file_matches(&self, code: &str, vin: &str, name: &str) -> Vec<RowMatch> {
        let mut out = Vec::new();
        if let Some(&row) = self.codes.get(&code.to_lowercase()) {
            out.push(file_match(row, name, "same_code", code));
        }
        if let Some(&row) = self.vins.get(vin).filter(|_| !vin.is_empty()) {
            if out.iter().all(|m| m.row != Some(row)) {
                out.push(file_match(row, name, "same_vin", vin));
            }
        }
        out
    }

    fn keep(&mut self, index: usize, p: &Product) {
        self.codes.insert(p.code.to_lowercase(), index);
        if !p.vin.is_empty() {
            self.vins.insert(p.vin.clone(), index);
        }
    }
}

fn file_match(row: usize, name: &str, reason: &str, matched: &str) -> RowMatch {
    RowMatch {
        id: None,
        row: Some(row),
        name: name.to_string(),
        reason: reason.to_string(),
        matched: matched.to_string(),
    }
}

/// Errors that are the row's fault (reported with it, naming `field` when the error
/// itself names none) rather than the database's.
pub(super) fn row_error(e: Error, field: &'static str) -> Result<ErrorPayload> {
    match e {
        Error::Db(_) | Error::Internal(_) | Error::Io { .. } => Err(e),
        e => {
            let mut p = e.to_payload();
            p.field = p.field.or(Some(field));
            Ok(p)
        }
    }
}

impl Importer for ProductImporter {
    fn check(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        index: usize,
        row: &[Cell],
    ) -> Result<RowCheck> {
        debug_assert_eq!(index, self.kept.len());
        let mut out = RowCheck {
            outcome: RowOutcome::Invalid,
            problems: Vec::new(),
            matches: Vec::new(),
            target: None,
        };
        let v = self.read_row(ctx, row, &mut out.problems);
        let code = ascii_digits(&v.code);
        if code.is_empty() {
            out.problems
                .push(Error::invalid("code", Rule::Required).to_payload());
        }
        let vin = match normalize_vin(&v.vin) {
            Ok(vin) => vin,
            Err(e) => {
                out.problems.push(e.to_payload());
                String::new()
            }
        };
        if !out.problems.is_empty() {
            self.kept.push(None);
            return Ok(out);
        }
        let name = [&v.name_ar, &v.name_en, &code]
            .into_iter()
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_default();
        out.matches = self.file_matches(&code, &vin, &name);
        let saved = store::saved_matches(conn, &code, &vin)?;
        out.matches.extend(saved.iter().map(|(p, reason)| RowMatch {
            id: Some(p.id.clone()),
            row: None,
            name: p.display_name().to_string(),
            reason: reason.to_string(),
            matched: if *reason == "same_vin" {
                vin.clone()
            } else {
                p.code.clone()
            },
        }));
        let checked = if out.matches.is_empty() {
            if v.price.is_none() {
                out.problems
                    .push(Error::invalid("price", Rule::Required).to_payload());
                self.kept.push(None);
                return Ok(out);
            }
            store::prepare(&v.new_input(), self.vat, None).map(|p| Kept::New(Box::new(p)))
        } else {
            // Codes and VINs are unique: only an update can use a row that repeats one.
            let target = match (&saved[..], ctx.on_duplicate) {
                ([(p, _)], OnDuplicate::Update)
                    if out.matches.iter().all(|m| m.row.is_none())
                        && !self.targeted.contains_key(&p.id) =>
                {
                    p
                }
                ([(p, _)], OnDuplicate::Update) if self.targeted.contains_key(&p.id) => {
                    let earlier = self.targeted[&p.id];
                    out.matches
                        .push(file_match(earlier, p.display_name(), "same_code", &p.code));
                    out.outcome = RowOutcome::Duplicate;
                    self.kept.push(None);
                    return Ok(out);
                }
                _ => {
                    out.outcome = RowOutcome::Duplicate;
                    self.kept.push(None);
                    return Ok(out);
                }
            };
            actor
                .authorize(DocType::Product, Action::Write, Target::Own)
                .and_then(|_| store::prepare(&v.onto(target), self.vat, Some(target)))
                .and_then(|p| {
                    store::check_unique(conn, &p, Some(&target.id))?;
                    Ok(Kept::Update {
                        before: Box::new(target.clone()),
                        p: Box::new(p),
                    })
                })
        };
        let kept = match checked {
            Ok(k) => k,
            Err(e) => {
                out.problems.push(row_error(e, "code")?);
                self.kept.push(None);
                return Ok(out);
            }
        };
        match &kept {
            Kept::New(p) => {
                out.outcome = RowOutcome::New;
                self.keep(index, p.product());
            }
            Kept::Update { before, p } => {
                out.outcome = RowOutcome::Updated;
                out.target = Some(before.id.clone());
                self.targeted.insert(before.id.clone(), index);
                self.keep(index, p.product());
            }
        }
        self.kept.push(Some(kept));
        Ok(out)
    }

    fn values(&self, index: usize) -> BTreeMap<String, String> {
        let p = match self.kept.get(index).and_then(Option::as_ref) {
            Some(Kept::New(p)) | Some(Kept::Update { p, .. }) => p.product(),
            None => return BTreeMap::new(),
        };
        let year = p.year.map(|y| y.to_string()).unwrap_or_default();
        let stock = p.stock_status.map(|s| s.key()).unwrap_or_default();
        [
            ("code", p.code.as_str()),
            ("name_ar", &p.name_ar),
            ("name_en", &p.name_en),
            ("kind", p.kind.key()),
            ("description", &p.description),
            ("unit", &p.unit),
            ("price", &p.price.to_string()),
            ("vat_rate", &p.vat_rate.to_string()),
            ("category", &p.category),
            ("make", &p.make),
            ("model", &p.model),
            ("year", &year),
            ("trim", &p.trim),
            ("colour", &p.colour),
            ("vin", &p.vin),
            ("stock_status", stock),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn write(
        &mut self,
        conn: &Connection,
        _actor: &Actor,
        log: &mut BatchLog,
        tick: &mut dyn FnMut() -> Result<()>,
    ) -> Result<()> {
        let at = now();
        for kept in std::mem::take(&mut self.kept).into_iter().flatten() {
            match kept {
                Kept::New(p) => {
                    let id = new_id();
                    store::insert(conn, &id, &p, &at)?;
                    log.created("product", &id, &at);
                }
                Kept::Update { before, p } => {
                    store::update(conn, &before.id, &p, &at)?;
                    log.updated("product", &before.id, &before, &at)?;
                }
            }
            tick()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn prices_are_read_as_people_type_them() {
        let cases = [
            (Cell::Float(1250.5), "1250.5"),
            (Cell::Int(125000), "125000"),
            (Cell::Text("125,000".into()), "125000"),
            (Cell::Text("SAR 1,250.75".into()), "1250.75"),
            (Cell::Text("١٢٥٬٠٠٠٫٥٠ ر.س".into()), "125000.50"),
            (Cell::Text("950 ريال".into()), "950"),
            (Cell::Text(" 0.5 ".into()), "0.5"),
        ];
        for (cell, want) in cases {
            assert_eq!(
                decimal(&cell, "price").unwrap(),
                Some(dec(want)),
                "{cell:?}"
            );
        }
        assert_eq!(decimal(&Cell::Empty, "price").unwrap(), None);
        for bad in ["غير معروف", "12abc34", "15%", "1.2.3", "-"] {
            assert!(
                decimal(&Cell::Text(bad.into()), "price").is_err(),
                "{bad} must be refused"
            );
        }
    }

    #[test]
    fn rates_as_numbers_text_or_percent_cells() {
        assert_eq!(
            percent(&Cell::Float(0.15), "vat_rate").unwrap(),
            Some(dec("15"))
        );
        assert_eq!(
            percent(&Cell::Text("١٥٪".into()), "vat_rate").unwrap(),
            Some(dec("15"))
        );
        assert_eq!(percent(&Cell::Int(5), "vat_rate").unwrap(), Some(dec("5")));
        assert_eq!(percent(&Cell::Int(0), "vat_rate").unwrap(), Some(dec("0")));
    }

    #[test]
    fn years_as_numbers_text_or_dates() {
        assert_eq!(year(&Cell::Float(2024.0)).unwrap(), Some(2024));
        assert_eq!(year(&Cell::Text("٢٠٢٣".into())).unwrap(), Some(2023));
        assert_eq!(year(&Cell::DateSerial(2024.0)).unwrap(), Some(2024));
        assert_eq!(year(&Cell::DateSerial(45366.0)).unwrap(), Some(2024));
        assert!(year(&Cell::Text("جديدة".into())).is_err());
    }

    #[test]
    fn choices_accept_keys_and_both_languages() {
        assert_eq!(kinds().get("سيارة"), Some(ProductKind::Vehicle));
        assert_eq!(kinds().get("Service"), Some(ProductKind::Service));
        assert_eq!(stock_statuses().get("محجوز"), Some(StockStatus::Reserved));
        assert_eq!(stock_statuses().get("SOLD"), Some(StockStatus::Sold));
        assert_eq!(stock_statuses().get("لا أعرف"), None);
    }
}
