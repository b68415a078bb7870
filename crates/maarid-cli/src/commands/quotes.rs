//! `quotes add|get|list|status|revise|copy|convert|print|history|expire`: the core's
//! quotation operations, acting as the local administrator. The human-readable text
//! of these commands (and of `invoices`/`delivery-notes`) is here, in both languages.

use std::path::Path;

use chrono::NaiveDate;
use maarid_core::access::Actor;
use maarid_core::i18n::{status_name, Text};
use maarid_core::quotes::{
    self, Conversion, ConvertInput, DocRef, Quote, QuoteInput, QuotePage, QuoteQuery, StatusChange,
};
use maarid_core::sales::events::Event;
use maarid_core::sales::print_model::PrintLang;
use maarid_core::sales::{DiscountKind, Line, LineInput, Totals};
use maarid_core::search::normalize::ascii_digits;
use maarid_core::{company, users, Db, Error, Locale};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::{GlobalLang, PrintArgs, QuoteAddArgs, QuoteListArgs, QuotesCommand};
use crate::output::{CliError, CliResult, Out};

pub fn run(
    out: &Out,
    db_flag: Option<&Path>,
    lang: Option<GlobalLang>,
    cmd: QuotesCommand,
) -> CliResult {
    let db = super::open_set_up(out, db_flag)?;
    let actor = super::actor();
    let a = &actor;
    match cmd {
        QuotesCommand::Add(args) => add(out, &db, a, args),
        QuotesCommand::Get { id } => {
            let q = quotes::get(&db, a, id.trim())?;
            out.done(&q, |l| quote_card(l, &q))
        }
        QuotesCommand::List(args) => list(out, &db, a, args),
        QuotesCommand::Status(args) => {
            let q = quotes::set_status(
                &db,
                a,
                args.id.trim(),
                &StatusChange {
                    status: args.status.0.expect("clap accepts only known statuses"),
                    lost_reason: args.reason,
                    competitor: args.competitor,
                },
            )?;
            out.done(&q, |l| {
                let st = status(l, q.status.key());
                let head = pick(
                    l,
                    format!("أصبح عرض السعر {} في حالة «{st}».", q.number),
                    format!("Quotation {} is now “{st}”.", q.number),
                );
                format!("{head}\n{}", quote_card(l, &q))
            })
        }
        QuotesCommand::Revise { id } => {
            let q = quotes::revise(&db, a, id.trim())?;
            out.done(&q, |l| {
                let old = q
                    .revisions
                    .iter()
                    .rev()
                    .nth(1)
                    .map(|r| r.number.as_str())
                    .unwrap_or("");
                let head = pick(
                    l,
                    format!("أُنشئت المراجعة {} (مسودة) وحلّت محل {old}.", q.number),
                    format!("Revision {} (draft) was made and replaces {old}.", q.number),
                );
                format!("{head}\n{}", quote_card(l, &q))
            })
        }
        QuotesCommand::Copy { id, contact } => {
            let q = quotes::copy(&db, a, id.trim(), contact)?;
            out.done(&q, |l| {
                let head = pick(
                    l,
                    format!("نُسخ عرض السعر إلى مسودة جديدة {}.", q.number),
                    format!("The quotation was copied into a new draft, {}.", q.number),
                );
                format!("{head}\n{}", quote_card(l, &q))
            })
        }
        QuotesCommand::Convert(args) => {
            let c = quotes::convert(
                &db,
                a,
                args.id.trim(),
                &ConvertInput {
                    delivery_note: args.delivery_note,
                    invoice: args.invoice,
                    invoice_kind: args.kind.and_then(|k| k.0),
                    delivery_address: args.address,
                },
            )?;
            out.done(&c, |l| converted(l, &c))
        }
        QuotesCommand::Print(args) => print(out, &db, a, lang, args, "quotation"),
        QuotesCommand::History { id } => {
            let h = quotes::history(&db, a, id.trim())?;
            out.done(&h, |l| history(l, &h))
        }
        QuotesCommand::Expire { today } => {
            let today = match today {
                Some(d) => date("today", &d)?,
                None => chrono::Local::now().date_naive(),
            };
            let n = quotes::expire_due(&db, today)?;
            #[derive(Serialize)]
            struct Expired {
                expired: usize,
                today: NaiveDate,
            }
            out.done(&Expired { expired: n, today }, |l| {
                pick(
                    l,
                    format!("انتهت صلاحية {n} عرض سعر (حتى {today})."),
                    format!("{n} quotation(s) expired (as of {today})."),
                )
            })
        }
    }
}

// ---- add -----------------------------------------------------------------------------

fn add(out: &Out, db: &Db, a: &Actor, args: QuoteAddArgs) -> CliResult {
    let default_vat: Decimal = company::get(db)?
        .profile
        .default_vat_rate
        .parse()
        .unwrap_or_default();
    let mut lines = Vec::new();
    for (i, raw) in args.line.iter().enumerate() {
        lines.push(parse_line(db, a, raw, i, default_vat, "--line")?);
    }
    for (i, raw) in args.product.iter().enumerate() {
        let raw = format!("@{}", raw.trim().trim_start_matches('@'));
        lines.push(parse_line(db, a, &raw, i, default_vat, "--product")?);
    }
    let issue_date = args
        .issue_date
        .as_deref()
        .map(|d| date("issue_date", d))
        .transpose()?;
    let valid_until = args
        .valid_until
        .as_deref()
        .map(|d| date("valid_until", d))
        .transpose()?;
    let prices_include_vat = if args.prices_include_vat {
        Some(true)
    } else if args.prices_exclude_vat {
        Some(false)
    } else {
        None
    };
    let owner_id = match &args.owner {
        Some(name) => Some(users::get(db, a, name.trim())?.id),
        None => None,
    };
    let q = match &args.from_inquiry {
        Some(inquiry) => {
            let q = quotes::from_inquiry(db, a, inquiry.trim())?;
            let changes = !lines.is_empty()
                || issue_date.is_some()
                || valid_until.is_some()
                || args.currency.is_some()
                || prices_include_vat.is_some()
                || args.terms.is_some()
                || args.notes.is_some()
                || owner_id.is_some();
            if changes {
                let mut all: Vec<LineInput> = q.lines.iter().map(Line::to_input).collect();
                all.extend(lines);
                quotes::update(
                    db,
                    a,
                    &q.id,
                    &QuoteInput {
                        contact_id: q.contact_id.clone(),
                        inquiry_id: q.inquiry_id.clone(),
                        issue_date,
                        valid_until,
                        currency: args.currency,
                        prices_include_vat,
                        lines: all,
                        terms: args.terms,
                        notes: args.notes.unwrap_or(q.notes.clone()),
                        owner_id,
                    },
                )?
            } else {
                q
            }
        }
        None => quotes::create(
            db,
            a,
            &QuoteInput {
                contact_id: args.contact.unwrap_or_default().trim().to_string(),
                inquiry_id: None,
                issue_date,
                valid_until,
                currency: args.currency,
                prices_include_vat,
                lines,
                terms: args.terms,
                notes: args.notes.unwrap_or_default(),
                owner_id,
            },
        )?,
    };
    out.done(&q, |l| {
        let head = pick(
            l,
            format!("أُضيف عرض السعر {} (مسودة):", q.number),
            format!("Quotation {} added (draft):", q.number),
        );
        format!("{head}\n{}", quote_card(l, &q))
    })
}

/// A number as typed: Arabic-Indic digits and the Arabic decimal separator read too.
fn number(s: &str) -> Option<Decimal> {
    let s = ascii_digits(s.trim()).replace(['٫', '،'], ".");
    s.parse::<Decimal>().ok()
}

fn bad_line(option: &str, i: usize, raw: &str, why: Text<&str>) -> CliError {
    let n = i + 1;
    CliError::invalid(
        "lines",
        Text::new(
            format!(
                "البند رقم {n} في \u{200e}{option}\u{200e} غير صحيح ({}): «{raw}». الصيغة: \u{200e}\"DESCRIPTION;QTY;PRICE[;DISCOUNT[%][;VAT]]\"\u{200e} أو \u{200e}\"@CODE;QTY\"\u{200e}.",
                why.ar
            ),
            format!(
                "{option} no. {n} is not right ({}): “{raw}”. Write \"DESCRIPTION;QTY;PRICE[;DISCOUNT[%][;VAT]]\" or \"@CODE;QTY\".",
                why.en
            ),
        ),
    )
}

/// `DESCRIPTION;QTY;PRICE[;DISCOUNT[%][;VAT]]` or `@CODE[;QTY[;DISCOUNT[%]]]`.
fn parse_line(
    db: &Db,
    a: &Actor,
    raw: &str,
    i: usize,
    default_vat: Decimal,
    option: &str,
) -> CliResult<LineInput> {
    let fields: Vec<&str> = raw.split([';', '؛']).map(str::trim).collect();
    let bad = |why| bad_line(option, i, raw, why);
    let qty = |s: Option<&&str>| -> CliResult<Decimal> {
        match s.filter(|s| !s.is_empty()) {
            None => Ok(Decimal::ONE),
            Some(s) => number(s).ok_or_else(|| {
                bad(Text::new(
                    "الكمية ليست رقمًا",
                    "the quantity is not a number",
                ))
            }),
        }
    };
    let discount = |s: Option<&&str>| -> CliResult<(DiscountKind, Decimal)> {
        match s.filter(|s| !s.is_empty()) {
            None => Ok((DiscountKind::Percent, Decimal::ZERO)),
            Some(s) => {
                let (kind, v) = match s.strip_suffix(['%', '٪']) {
                    Some(v) => (DiscountKind::Percent, v),
                    None => (DiscountKind::Amount, *s),
                };
                let v = number(v).ok_or_else(|| {
                    bad(Text::new("الخصم ليس رقمًا", "the discount is not a number"))
                })?;
                Ok((kind, v))
            }
        }
    };
    if let Some(code) = fields[0].strip_prefix('@') {
        if fields.len() > 3 || code.trim().is_empty() {
            return Err(bad(Text::new("بند من الكتالوج", "a catalog line")));
        }
        let mut l = quotes::line_from_product(db, a, code.trim(), qty(fields.get(1))?)?;
        (l.discount_kind, l.discount) = discount(fields.get(2))?;
        return Ok(l);
    }
    if !(3..=5).contains(&fields.len()) {
        return Err(bad(Text::new(
            "عدد الحقول يجب أن يكون من 3 إلى 5",
            "it needs 3 to 5 fields",
        )));
    }
    let price = number(fields[2])
        .ok_or_else(|| bad(Text::new("السعر ليس رقمًا", "the price is not a number")))?;
    let (discount_kind, discount) = discount(fields.get(3))?;
    let vat_rate = match fields.get(4).filter(|s| !s.is_empty()) {
        None => default_vat,
        Some(s) => number(s.trim_end_matches(['%', '٪'])).ok_or_else(|| {
            bad(Text::new(
                "نسبة الضريبة ليست رقمًا",
                "the VAT rate is not a number",
            ))
        })?,
    };
    Ok(LineInput {
        product_id: None,
        description: fields[0].to_string(),
        unit: String::new(),
        quantity: qty(fields.get(1))?,
        unit_price: price,
        discount_kind,
        discount,
        vat_rate,
    })
}

/// A date typed as YYYY-MM-DD (Arabic-Indic digits accepted).
pub(super) fn date(field: &'static str, s: &str) -> CliResult<NaiveDate> {
    NaiveDate::parse_from_str(&ascii_digits(s.trim()), "%Y-%m-%d").map_err(|_| {
        CliError::invalid(
            field,
            Text::new(
                format!("التاريخ «{s}» غير صحيح؛ اكتبه بالصيغة YYYY-MM-DD، مثل 2026-04-30."),
                format!("The date “{s}” is not right; write it as YYYY-MM-DD, e.g. 2026-04-30."),
            ),
        )
    })
}

fn list(out: &Out, db: &Db, a: &Actor, args: QuoteListArgs) -> CliResult {
    let text = args.text.join(" ");
    let p = quotes::list(
        db,
        a,
        &QuoteQuery {
            text: (!text.trim().is_empty()).then_some(text),
            status: args.status.and_then(|s| s.0),
            contact_id: args.contact,
            include_superseded: args.all,
            limit: Some(args.page.limit),
            after: args.page.after,
        },
    )?;
    out.done(&p, |l| quotes_page(l, &p))
}

// ---- print ---------------------------------------------------------------------------

#[derive(Serialize)]
struct Printed {
    file: std::path::PathBuf,
    bytes: usize,
    kind: String,
    number: String,
    lang: PrintLang,
}

/// Renders a document's PDF and writes it to `--out` (not over an existing file
/// unless `--force`).
pub(super) fn print(
    out: &Out,
    db: &Db,
    a: &Actor,
    lang: Option<GlobalLang>,
    args: PrintArgs,
    doc_type: &str,
) -> CliResult {
    let target = super::absolute(&args.out)?;
    if target.exists() && !args.force {
        let p = target.display();
        return Err(CliError::new(
            "already_exists",
            5,
            Text::new(
                format!("الملف موجود مسبقًا: {p}. اختر اسمًا آخر، أو أضف \u{200e}--force\u{200e} للكتابة فوقه."),
                format!("The file already exists: {p}. Choose another name, or add --force to overwrite it."),
            ),
        ));
    }
    let print_lang = match lang {
        Some(GlobalLang::Both) => PrintLang::Both,
        Some(GlobalLang::En) => PrintLang::En,
        Some(GlobalLang::Ar) => PrintLang::Ar,
        None => match out.locale {
            Locale::Ar => PrintLang::Ar,
            Locale::En => PrintLang::En,
        },
    };
    let file = maarid_core::sales::print::document(db, a, doc_type, args.id.trim(), print_lang)?;
    let bytes = file.bytes;
    std::fs::write(&target, &bytes).map_err(|e| Error::io(&target, e))?;
    let result = Printed {
        file: target,
        bytes: bytes.len(),
        kind: file.kind,
        number: file.number,
        lang: print_lang,
    };
    out.done(&result, |l| {
        let f = result.file.display();
        pick(
            l,
            format!(
                "طُبع {} في الملف {f} ({} بايت).",
                result.number, result.bytes
            ),
            format!(
                "{} was printed to {f} ({} bytes).",
                result.number, result.bytes
            ),
        )
    })
}

// ---- text ----------------------------------------------------------------------------

pub(super) fn pick(l: Locale, ar: String, en: String) -> String {
    match l {
        Locale::Ar => ar,
        Locale::En => en,
    }
}

pub(super) fn status(l: Locale, key: &str) -> &'static str {
    let t = status_name(key);
    match l {
        Locale::Ar => t.ar,
        Locale::En => t.en,
    }
}

/// An amount with its currency's decimals (1,150.00 SAR is shown 1150.00 SAR).
pub(super) fn money(v: Decimal, currency: &str) -> String {
    let dp = maarid_core::money::minor_digits(currency).unwrap_or(2) as usize;
    format!("{:.dp$} {currency}", v.round_dp(dp as u32))
}

/// Columns padded by characters (Arabic letters are one column each).
pub(super) fn table(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; n];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    let pad = widths[i] - cell.chars().count() + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "N shown; for the next page …" under a list.
pub(super) fn page_foot(l: Locale, n: usize, next: Option<&str>) -> String {
    match next {
        Some(cursor) => pick(
            l,
            format!("عُرض {n}، وهناك المزيد. للصفحة التالية أعد الأمر نفسه مع: \u{200e}--after {cursor}\u{200e}"),
            format!("{n} shown; there are more. For the next page, run the same command with: --after {cursor}"),
        ),
        None => pick(l, format!("العدد: {n}"), format!("Total: {n}")),
    }
}

/// The lines of a document as a table; `prices` false for delivery notes.
pub(super) fn lines_table(l: Locale, lines: &[Line], currency: &str, prices: bool) -> String {
    let header: Vec<&str> = match (l, prices) {
        (Locale::Ar, true) => vec![
            "#",
            "الوصف",
            "الكمية",
            "السعر",
            "الخصم",
            "الضريبة",
            "الإجمالي",
        ],
        (Locale::En, true) => vec![
            "#",
            "Description",
            "Qty",
            "Price",
            "Discount",
            "VAT",
            "Total",
        ],
        (Locale::Ar, false) => vec!["#", "الوصف", "الكمية", "الوحدة"],
        (Locale::En, false) => vec!["#", "Description", "Qty", "Unit"],
    };
    let mut rows = vec![header.into_iter().map(String::from).collect::<Vec<_>>()];
    for (i, ln) in lines.iter().enumerate() {
        let mut row = vec![(i + 1).to_string(), ln.description.replace('\n', " ")];
        row.push(ln.quantity.to_string());
        if prices {
            row.push(ln.unit_price.to_string());
            row.push(if ln.discount_amount.is_zero() {
                String::new()
            } else {
                ln.discount_amount.to_string()
            });
            row.push(format!("{}%", ln.vat_rate));
            row.push(money(ln.total, currency));
        } else {
            row.push(ln.unit.clone());
        }
        rows.push(row);
    }
    table(&rows)
}

pub(super) fn totals_text(l: Locale, t: &Totals, currency: &str) -> String {
    let m = |v| money(v, currency);
    pick(
        l,
        format!(
            "المجموع: {} — الخصم: {} — الصافي قبل الضريبة: {} — الضريبة: {} — الإجمالي: {}",
            m(t.subtotal),
            m(t.discount_total),
            m(t.net_total),
            m(t.vat_total),
            m(t.total)
        ),
        format!(
            "Subtotal: {} — discount: {} — net before VAT: {} — VAT: {} — total: {}",
            m(t.subtotal),
            m(t.discount_total),
            m(t.net_total),
            m(t.vat_total),
            m(t.total)
        ),
    )
}

pub(super) fn refs(l: Locale, r: &[DocRef]) -> String {
    r.iter()
        .map(|d| format!("{} ({})", d.number, status(l, &d.status)))
        .collect::<Vec<_>>()
        .join(match l {
            Locale::Ar => "، ",
            Locale::En => ", ",
        })
}

fn quote_card(l: Locale, q: &Quote) -> String {
    let st = status(l, q.status.key());
    let mut out = vec![
        pick(
            l,
            format!("عرض السعر {} — {st}", q.number),
            format!("Quotation {} — {st}", q.number),
        ),
        pick(
            l,
            format!("العميل: {} ({})", q.contact_name, q.contact_id),
            format!("Customer: {} ({})", q.contact_name, q.contact_id),
        ),
        pick(
            l,
            format!(
                "تاريخ الإصدار: {} — صالح حتى: {}",
                q.issue_date, q.valid_until
            ),
            format!("Issued: {} — valid till: {}", q.issue_date, q.valid_until),
        ),
    ];
    if let Some(n) = &q.inquiry_number {
        out.push(pick(l, format!("الاستفسار: {n}"), format!("Inquiry: {n}")));
    }
    out.push(lines_table(l, &q.lines, &q.currency, true));
    out.push(totals_text(l, &q.totals, &q.currency));
    out.push(if q.prices_include_vat {
        pick(
            l,
            "الأسعار شاملة الضريبة.".into(),
            "Prices include VAT.".into(),
        )
    } else {
        pick(
            l,
            "الأسعار غير شاملة الضريبة.".into(),
            "Prices exclude VAT.".into(),
        )
    });
    if !q.lost_reason.is_empty() {
        out.push(pick(
            l,
            format!("سبب الخسارة: {} — المنافس: {}", q.lost_reason, q.competitor),
            format!(
                "Lost because: {} — competitor: {}",
                q.lost_reason, q.competitor
            ),
        ));
    }
    if q.revisions.len() > 1 {
        out.push(pick(
            l,
            format!("المراجعات: {}", refs(l, &q.revisions)),
            format!("Revisions: {}", refs(l, &q.revisions)),
        ));
    }
    if !q.delivery_notes.is_empty() {
        out.push(pick(
            l,
            format!("سندات التسليم: {}", refs(l, &q.delivery_notes)),
            format!("Delivery notes: {}", refs(l, &q.delivery_notes)),
        ));
    }
    if !q.invoices.is_empty() {
        out.push(pick(
            l,
            format!("الفواتير: {}", refs(l, &q.invoices)),
            format!("Invoices: {}", refs(l, &q.invoices)),
        ));
    }
    out.push(pick(
        l,
        format!("المعرّف: {}", q.id),
        format!("Id: {}", q.id),
    ));
    out.join("\n")
}

fn quotes_page(l: Locale, p: &QuotePage) -> String {
    if p.items.is_empty() {
        return pick(
            l,
            "لا توجد عروض أسعار.".into(),
            "No quotations found.".into(),
        );
    }
    let header: [&str; 7] = match l {
        Locale::Ar => [
            "الرقم",
            "الحالة",
            "العميل",
            "التاريخ",
            "صالح حتى",
            "الإجمالي",
            "المعرّف",
        ],
        Locale::En => [
            "Number",
            "Status",
            "Customer",
            "Date",
            "Valid till",
            "Total",
            "Id",
        ],
    };
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for s in &p.items {
        rows.push(vec![
            s.number.clone(),
            status(l, s.status.key()).to_string(),
            s.contact_name.clone(),
            s.issue_date.to_string(),
            s.valid_until.to_string(),
            money(s.total, &s.currency),
            s.id.clone(),
        ]);
    }
    format!(
        "{}\n{}",
        table(&rows),
        page_foot(l, p.items.len(), p.next.as_deref())
    )
}

fn converted(l: Locale, c: &Conversion) -> String {
    let mut made = Vec::new();
    if let Some(d) = &c.delivery_note {
        made.push(pick(
            l,
            format!("سند التسليم {} ({})", d.number, d.id),
            format!("delivery note {} ({})", d.number, d.id),
        ));
    }
    if let Some(i) = &c.invoice {
        made.push(pick(
            l,
            format!(
                "الفاتورة {} ({}) بمبلغ {}",
                i.number,
                i.id,
                money(i.totals.total, &i.currency)
            ),
            format!(
                "invoice {} ({}) for {}",
                i.number,
                i.id,
                money(i.totals.total, &i.currency)
            ),
        ));
    }
    pick(
        l,
        format!("أُنشئ من عرض السعر {}: {}.", c.quote.number, made.join("، ")),
        format!(
            "Made from quotation {}: {}.",
            c.quote.number,
            made.join(", ")
        ),
    )
}

pub(super) fn history(l: Locale, h: &[Event]) -> String {
    if h.is_empty() {
        return pick(
            l,
            "لا يوجد شيء في السجل.".into(),
            "Nothing in the history.".into(),
        );
    }
    h.iter()
        .map(|e| {
            let mut line = format!("{}  {}", e.at, e.event);
            if let Some(s) = &e.status {
                line.push_str(&format!(" → {}", status(l, s)));
            }
            if !e.detail.is_empty() {
                line.push_str(&format!(": {}", e.detail));
            }
            if !e.actor_name.is_empty() {
                line.push_str(&format!(" ({})", e.actor_name));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
