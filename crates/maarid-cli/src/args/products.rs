//! `maarid-cli products …`: the catalog of products, vehicles and services.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use maarid_core::catalog::{ProductKind, StockStatus};

use super::{keyed, Keyed};

pub const PRODUCTS_LONG: &str = "\
Add, show, change, list, delete and restore the items the showroom offers: products
(goods and accessories), vehicles and services. Every item has a code (unique, e.g.
TY-CAM-2026), a name in Arabic and/or English, a price per unit and a VAT rate (the
company's default rate unless --vat is given). Vehicles also have a make, model, year,
trim, colour, a VIN or chassis number (unique; stored in capitals without spaces or
dashes) and a stock status: available, reserved or sold.

Prices are decimals with at most 3 decimals (125000, 125000.50); Arabic-Indic digits
are fine. Search understands Arabic spelling variants (كامري/كامرى), digits in either
script, and the last digits of a VIN.

Items are found by their id or by their code: `products get TY-CAM-2026` works.

Examples:
  maarid-cli products add --kind vehicle --code TY-CAM-2026 --name-ar \"تويوتا كامري\" \\
      --make تويوتا --model كامري --year 2026 --trim GLE --colour \"أبيض لؤلؤي\" \\
      --vin JTDBR32E720123456 --price 125000
  maarid-cli products add --code MAT-01 --name-ar \"دواسات أرضية\" --unit طقم --price 350 --category إكسسوارات
  maarid-cli products list كامري
  maarid-cli products stock TY-CAM-2026 reserved
  maarid-cli products list --kind vehicle --stock available --json";

const ADD_LONG: &str = "\
Add a product, vehicle or service. --code, --price and a name (--name-ar or --name-en)
are required. The vehicle options (--make, --model, --year, --trim, --colour, --vin,
--stock) are for --kind vehicle only; a new vehicle is available unless --stock says
otherwise. --image takes a PNG or JPEG file of at most 1 MB.

A code or VIN that another item already has is refused (exit 5).

Examples:
  maarid-cli products add --kind vehicle --code TY-CAM-2026 --name-ar \"تويوتا كامري\" \\
      --name-en \"Toyota Camry\" --make تويوتا --model كامري --year 2026 --vin JTDBR32E720123456 \\
      --price 125000 --category سيدان --image camry.jpg
  maarid-cli products add --kind service --code SRV-PPF --name-ar \"تظليل وحماية الطلاء\" \\
      --unit خدمة --price 2500 --vat 15";

const EDIT_LONG: &str = "\
Change an item. Only the options given change; give an empty value to clear a text
(--trim \"\"). --image FILE replaces the image, --remove-image removes it. Changing
--kind away from vehicle requires clearing the vehicle options too.

Examples:
  maarid-cli products edit TY-CAM-2026 --price 119999.99 --colour أسود
  maarid-cli products edit TY-CAM-2026 --image camry-front.png";

const LIST_LONG: &str = "\
List items by name (then code), a page at a time (--limit, 50 by default). Words given
must all appear in the code, a name, the make, model, year, trim, colour, category or
VIN. When there are more, the cursor for the next page is printed: run the same
command again with --after CURSOR. With --json, prints {\"items\": [...], \"next\"}.

Examples:
  maarid-cli products list
  maarid-cli products list تويوتا ٢٠٢٦
  maarid-cli products list --kind vehicle --stock available
  maarid-cli products list --category إكسسوارات --json";

#[derive(Debug, Subcommand)]
pub enum ProductsCommand {
    /// Add a product, vehicle or service
    #[command(long_about = ADD_LONG)]
    Add(ProductAddArgs),

    /// Show one item in full (by id or code)
    Get {
        /// The item's id or code
        key: String,
    },

    /// Change an item: only the options given change
    #[command(long_about = EDIT_LONG)]
    Edit(ProductEditArgs),

    /// List or search items, by name
    #[command(long_about = LIST_LONG)]
    List(ProductListArgs),

    /// Delete an item (soft delete: documents that name it keep it; `restore` undoes it)
    Delete {
        /// The item's id or code
        key: String,
    },

    /// Bring back a deleted item
    Restore {
        /// The item's id (shown when it was deleted)
        id: String,
    },

    /// Set a vehicle's stock status: available, reserved or sold
    Stock {
        /// The vehicle's id or code
        key: String,
        /// available, reserved or sold
        #[arg(value_parser = keyed(StockStatus::ALL, StockStatus::key, false))]
        status: Keyed<StockStatus>,
    },
}

/// What `products add` and `products edit` can set.
#[derive(Debug, Args)]
pub struct ProductFields {
    /// Code, unique among items, e.g. TY-CAM-2026
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,

    /// Name in Arabic, e.g. "تويوتا كامري"
    #[arg(long, value_name = "NAME")]
    pub name_ar: Option<String>,

    /// Name in English, e.g. "Toyota Camry"
    #[arg(long, value_name = "NAME")]
    pub name_en: Option<String>,

    /// Description, printed under the name on documents
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Unit, e.g. قطعة, طقم, ساعة, piece
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Price per unit, e.g. 125000 or 125000.50
    #[arg(long, value_name = "AMOUNT")]
    pub price: Option<String>,

    /// VAT rate in percent, e.g. 15 (default for a new item: the company's rate)
    #[arg(long, value_name = "PERCENT")]
    pub vat: Option<String>,

    /// Category, e.g. سيدان or إكسسوارات
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,

    /// Vehicles: make, e.g. تويوتا
    #[arg(long, value_name = "TEXT")]
    pub make: Option<String>,

    /// Vehicles: model, e.g. كامري
    #[arg(long, value_name = "TEXT")]
    pub model: Option<String>,

    /// Vehicles: model year, e.g. 2026 (none: clear it)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// Vehicles: trim, e.g. GLE
    #[arg(long, value_name = "TEXT")]
    pub trim: Option<String>,

    /// Vehicles: colour, e.g. "أبيض لؤلؤي"
    #[arg(long, value_name = "TEXT")]
    pub colour: Option<String>,

    /// Vehicles: VIN or chassis number (5 to 20 letters and digits; a 17-character VIN has no I, O or Q)
    #[arg(long, value_name = "VIN")]
    pub vin: Option<String>,

    /// Vehicles: stock status
    #[arg(long, value_name = "STATUS", value_parser = keyed(StockStatus::ALL, StockStatus::key, false))]
    pub stock: Option<Keyed<StockStatus>>,

    /// Image: a PNG or JPEG file of at most 1 MB
    #[arg(long, value_name = "FILE")]
    pub image: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProductAddArgs {
    /// product (the default), vehicle or service
    #[arg(long, value_name = "KIND", default_value = "product", value_parser = keyed(ProductKind::ALL, ProductKind::key, false))]
    pub kind: Keyed<ProductKind>,

    #[command(flatten)]
    pub fields: ProductFields,
}

#[derive(Debug, Args)]
pub struct ProductEditArgs {
    /// The item's id or code
    pub key: String,

    /// product, vehicle or service
    #[arg(long, value_name = "KIND", value_parser = keyed(ProductKind::ALL, ProductKind::key, false))]
    pub kind: Option<Keyed<ProductKind>>,

    #[command(flatten)]
    pub fields: ProductFields,

    /// Remove the item's image
    #[arg(long, conflicts_with = "image")]
    pub remove_image: bool,
}

#[derive(Debug, Args)]
pub struct ProductListArgs {
    /// Words to look for (all must match)
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only this kind: product, vehicle or service
    #[arg(long, value_name = "KIND", value_parser = keyed(ProductKind::ALL, ProductKind::key, false))]
    pub kind: Option<Keyed<ProductKind>>,

    /// Only this category
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,

    /// Only vehicles in this stock status
    #[arg(long, value_name = "STATUS", value_parser = keyed(StockStatus::ALL, StockStatus::key, false))]
    pub stock: Option<Keyed<StockStatus>>,

    /// Most items to show, 1 to 500
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,

    /// Show the page after this cursor (printed at the end of the previous page)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}
