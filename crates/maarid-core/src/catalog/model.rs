//! What a catalog item is, as the UI, the CLI and the storage see it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;

keyed_enum!(
    /// What the showroom offers: goods, vehicles (with make, model, VIN and stock
    /// status) and services.
    ProductKind {
        Product = "product",
        Vehicle = "vehicle",
        Service = "service",
    }
);

keyed_enum!(
    /// Where a vehicle stands. Only vehicles have one.
    StockStatus {
        Available = "available",
        Reserved = "reserved",
        Sold = "sold",
    }
);

/// What a person fills in. At least one name and a code are required; the vehicle
/// fields (make … stock_status) are for vehicles only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductInput {
    pub kind: ProductKind,
    pub code: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description: String,
    /// e.g. «قطعة», "set", "hour".
    #[serde(default)]
    pub unit: String,
    /// Per unit, a decimal string ("125000.50"), at most 3 decimals.
    pub price: Decimal,
    /// Percent; None takes the company's default VAT rate.
    #[serde(default)]
    pub vat_rate: Option<Decimal>,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub make: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub trim: String,
    #[serde(default)]
    pub colour: String,
    /// VIN or chassis number, in any case, with or without spaces and dashes.
    #[serde(default)]
    pub vin: String,
    /// Vehicles only. None: available for a new vehicle, unchanged on an edit.
    #[serde(default)]
    pub stock_status: Option<StockStatus>,
    /// `data:image/png;base64,…` or `data:image/jpeg;base64,…` (at most 1 MB).
    /// None keeps the current image; an empty string removes it.
    #[serde(default)]
    pub image_data_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    /// Stable number (paging key).
    pub num: i64,
    pub kind: ProductKind,
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
    pub description: String,
    pub unit: String,
    pub price: Decimal,
    pub vat_rate: Decimal,
    pub category: String,
    pub make: String,
    pub model: String,
    pub year: Option<i32>,
    pub trim: String,
    pub colour: String,
    pub vin: String,
    pub stock_status: Option<StockStatus>,
    /// The image itself comes from `catalog::image`.
    pub has_image: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl Product {
    /// The name to show: Arabic, else English, else the code.
    pub fn display_name(&self) -> &str {
        [&self.name_ar, &self.name_en, &self.code]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

impl From<&Product> for ProductInput {
    /// A saved item as input, so an edit can change parts of it (the image is kept).
    fn from(p: &Product) -> Self {
        ProductInput {
            kind: p.kind,
            code: p.code.clone(),
            name_ar: p.name_ar.clone(),
            name_en: p.name_en.clone(),
            description: p.description.clone(),
            unit: p.unit.clone(),
            price: p.price,
            vat_rate: Some(p.vat_rate),
            category: p.category.clone(),
            make: p.make.clone(),
            model: p.model.clone(),
            year: p.year,
            trim: p.trim.clone(),
            colour: p.colour.clone(),
            vin: p.vin.clone(),
            stock_status: p.stock_status,
            image_data_url: None,
        }
    }
}

/// What to list. Every field is optional: an empty query lists every live item by name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductQuery {
    /// Words, as typed: each must appear in the code, a name, the make, model, trim,
    /// colour, category, year or VIN (Arabic-normalised, digits in any script).
    pub text: String,
    pub kind: Option<ProductKind>,
    /// Exact category (compared without regard to case).
    pub category: Option<String>,
    pub stock_status: Option<StockStatus>,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductPage {
    pub items: Vec<Product>,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<String>,
}
