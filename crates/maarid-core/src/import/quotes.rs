//! Past quotations from a sheet where each row is a line: the quotation's columns
//! (number, date, customer, status, valid till) repeat on each of its lines, or are
//! only on its first line with blanks below. Rows are grouped by quotation number into
//! one quotation; its figures are computed by `sales::lines` as for a quotation typed
//! by hand, never taken from the file. A total the file gives is checked against them.
//!
//! A quotation is imported whole or not at all: when one of its lines is refused, its
//! other lines are refused too, saying which line was wrong. It keeps the number the
//! file gives; a number already saved is a duplicate.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::Decimal;

use super::engine::{BatchLog, Ctx, Importer, RowCheck, RowMatch};
use super::fields::{text, Choices, FieldInfo, Users};
use super::inquiries::{
    contact_fields, day_stamp, log_series, today, ContactFinder, NewContact, Party, Who,
};
use super::kind::{OnDuplicate, RowOutcome};
use super::problem::ImportProblem;
use super::products::{decimal, percent, row_error};
use super::values::{date_from_cell, Cell};
use crate::access::{Action, Actor, DocType, Target};
use crate::contacts::ContactKind;
use crate::i18n::Text;
use crate::ids::{new_id, now};
use crate::numbering::import as series;
use crate::quotes::import::{self as store, Defaults, NewQuote, Prepared};
use crate::quotes::{Quote, QuoteStatus};
use crate::sales::lines::{compute_line, DiscountKind, Line, LineInput};
use crate::search::normalize::normalize;
use crate::{Error, ErrorPayload, Result, Rule};

/// The quotation fields (repeated on its lines) and the line fields. Required columns:
/// the number, the date, the description and the unit price; a customer (name, mobile
/// or email) is required on the quotation's first line at least.
pub(crate) fn fields() -> Vec<FieldInfo> {
    let f = |key: &str, ar: &'static str, en: &'static str, required: bool, s: &[&str]| {
        FieldInfo::new(key, Text::new(ar, en), required, false, s)
    };
    let mut out = vec![
        f(
            "number",
            "رقم عرض السعر",
            "Quotation number",
            true,
            &[
                "رقم العرض",
                "رقم التسعيرة",
                "رقم عرض الأسعار",
                "quotation no",
                "quote no",
                "quote number",
                "quotation number",
                "quotation",
            ],
        ),
        f(
            "issue_date",
            "تاريخ العرض",
            "Date",
            true,
            &[
                "التاريخ",
                "تاريخ الإصدار",
                "تاريخ عرض السعر",
                "date",
                "quote date",
                "quotation date",
                "issue date",
            ],
        ),
        f(
            "valid_until",
            "صالح حتى",
            "Valid till",
            false,
            &[
                "صالح لغاية",
                "تاريخ الانتهاء",
                "الصلاحية",
                "ينتهي في",
                "valid until",
                "valid till",
                "expiry",
                "expires",
                "expiry date",
            ],
        ),
    ];
    out.extend(contact_fields());
    out.extend([
        f(
            "status",
            "الحالة",
            "Status",
            false,
            &["حالة العرض", "status"],
        ),
        f(
            "owner",
            "البائع",
            "Salesperson",
            false,
            &[
                "المندوب",
                "مندوب المبيعات",
                "الموظف",
                "salesperson",
                "sales person",
                "sales rep",
                "owner",
                "owner_name",
            ],
        ),
        f(
            "notes",
            "الملاحظات",
            "Notes",
            false,
            &["ملاحظات", "notes", "remarks"],
        ),
        f(
            "total",
            "إجمالي العرض",
            "Quotation total",
            false,
            &[
                "الإجمالي الكلي",
                "إجمالي عرض السعر",
                "المجموع الكلي",
                "الإجمالي شامل الضريبة",
                "grand total",
                "quotation total",
                "quote total",
                "total with vat",
            ],
        ),
        f(
            "description",
            "الوصف",
            "Description",
            true,
            &[
                "البيان",
                "الصنف",
                "البند",
                "اسم الصنف",
                "description",
                "item",
                "product",
                "details",
            ],
        ),
        f("unit", "الوحدة", "Unit", false, &["unit", "uom"]),
        f(
            "quantity",
            "الكمية",
            "Quantity",
            false,
            &["العدد", "qty", "quantity"],
        ),
        f(
            "unit_price",
            "سعر الوحدة",
            "Unit price",
            true,
            &[
                "السعر",
                "سعر البيع",
                "السعر الإفرادي",
                "الإفرادي",
                "price",
                "unit price",
                "rate",
            ],
        ),
        f(
            "discount",
            "الخصم",
            "Discount",
            false,
            &["قيمة الخصم", "discount", "discount amount"],
        ),
        f(
            "discount_percent",
            "نسبة الخصم",
            "Discount %",
            false,
            &["الخصم %", "الخصم ٪", "discount %", "discount percent"],
        ),
        f(
            "vat_rate",
            "نسبة الضريبة",
            "VAT rate",
            false,
            &[
                "الضريبة %",
                "الضريبة",
                "ضريبة القيمة المضافة",
                "vat",
                "vat %",
                "tax",
                "tax rate",
            ],
        ),
        f(
            "line_total",
            "الإجمالي",
            "Line total",
            false,
            &[
                "المجموع",
                "المبلغ",
                "القيمة",
                "إجمالي البند",
                "total",
                "amount",
                "line total",
            ],
        ),
    ]);
    for f in out.iter_mut() {
        f.date = matches!(f.key.as_str(), "issue_date" | "valid_until");
    }
    out
}

fn statuses() -> Choices<QuoteStatus> {
    let t = Text::new;
    Choices::new(&[
        (QuoteStatus::Draft, "draft", t("مسودة", "Draft")),
        (QuoteStatus::Sent, "sent", t("مرسل", "Sent")),
        (QuoteStatus::Accepted, "accepted", t("مقبول", "Accepted")),
        (QuoteStatus::Rejected, "rejected", t("مرفوض", "Rejected")),
        (QuoteStatus::Expired, "expired", t("منتهي", "Expired")),
        (QuoteStatus::Cancelled, "cancelled", t("ملغي", "Cancelled")),
    ])
    .with(QuoteStatus::Draft, &["جديد", "new"])
    .with(
        QuoteStatus::Sent,
        &[
            "أرسل",
            "مرسلة",
            "تم الإرسال",
            "بانتظار الرد",
            "pending",
            "open",
        ],
    )
    .with(
        QuoteStatus::Accepted,
        &[
            "مقبولة",
            "موافق",
            "تمت الموافقة",
            "تم البيع",
            "won",
            "approved",
        ],
    )
    .with(
        QuoteStatus::Rejected,
        &["مرفوضة", "رفض", "خسارة", "lost", "declined"],
    )
    .with(
        QuoteStatus::Expired,
        &["منتهية", "منتهي الصلاحية", "انتهت", "انتهى"],
    )
    .with(QuoteStatus::Cancelled, &["ملغى", "ملغاة", "canceled"])
}

/// The quotation's columns on one line; None or empty when blank there.
#[derive(Debug, Clone, Default)]
struct Head {
    issue_date: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    status: Option<QuoteStatus>,
    owner: Option<String>,
    total: Option<Decimal>,
    notes: String,
    party: Party,
}

/// One row: its quotation's columns, its line, and what was wrong with it.
struct LineRow {
    group: Option<usize>,
    head: Head,
    line: LineInput,
    line_total: Option<Decimal>,
    problems: Vec<ErrorPayload>,
}

struct Group {
    /// As the first row typed it.
    number: String,
    rows: Vec<usize>,
}

/// A quotation kept for writing.
struct Settled {
    who: Who,
    p: Box<Prepared>,
    status: QuoteStatus,
    owner: Option<String>,
    target: Option<Box<Quote>>,
    lines: Vec<Line>,
}

pub(crate) struct QuoteImporter {
    d: Defaults,
    users: Users,
    usernames: HashMap<String, String>,
    statuses: Choices<QuoteStatus>,
    contacts: ContactFinder,
    rows: Vec<LineRow>,
    groups: Vec<Group>,
    by_number: HashMap<String, usize>,
    /// Saved quotation numbers (lower case) → ids, read when first needed.
    saved: Option<HashMap<String, String>>,
    settled: Vec<Option<Settled>>,
}

/// Quotation numbers compared without case or surrounding space.
fn number_key(n: &str) -> String {
    n.trim().to_lowercase()
}

fn payload(p: ImportProblem, field: &'static str) -> ErrorPayload {
    let mut out = Error::Import(p).to_payload();
    out.field = Some(field);
    out
}

/// A line's refusal names the row's column, not an entry of a list.
fn unindexed(e: Error) -> Error {
    match e {
        Error::Invalid { field, rule, .. } => Error::invalid(field, rule),
        other => other,
    }
}

impl QuoteImporter {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        let mut usernames = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, coalesce(nullif(full_name, ''), username) FROM users WHERE deleted_at IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            usernames.insert(r.get(0)?, r.get(1)?);
        }
        Ok(QuoteImporter {
            d: store::defaults(conn)?,
            users: Users::load(conn)?,
            usernames,
            statuses: statuses(),
            contacts: ContactFinder::new(conn)?,
            rows: Vec::new(),
            groups: Vec::new(),
            by_number: HashMap::new(),
            saved: None,
            settled: Vec::new(),
        })
    }

    fn read_row(&self, ctx: &Ctx, row: &[Cell]) -> (String, LineRow) {
        let cols = ctx.cols;
        let mut problems = Vec::new();
        let party = Party::read(ctx, row, &mut problems);
        let mut note = |e: Error| problems.push(e.to_payload());
        let txt = |field: &'static str, note: &mut dyn FnMut(Error)| {
            text(cols.cell(row, field), field).unwrap_or_else(|e| {
                note(e);
                String::new()
            })
        };
        let date = |field: &'static str, note: &mut dyn FnMut(Error)| {
            date_from_cell(cols.cell(row, field), ctx.date_order, field).unwrap_or_else(|e| {
                note(e);
                None
            })
        };
        let number = |field: &'static str, note: &mut dyn FnMut(Error)| {
            decimal(cols.cell(row, field), field).unwrap_or_else(|e| {
                note(e);
                None
            })
        };
        let no = txt("number", &mut note);
        let status = txt("status", &mut note);
        let owner = txt("owner", &mut note);
        let mut head = Head {
            issue_date: date("issue_date", &mut note),
            valid_until: date("valid_until", &mut note),
            total: number("total", &mut note),
            notes: txt("notes", &mut note),
            party,
            ..Head::default()
        };
        if !status.is_empty() {
            head.status = self.statuses.get(&status);
            if head.status.is_none() {
                note(Error::invalid("status", Rule::UnknownValue));
            }
        }
        if !owner.is_empty() {
            head.owner = self.users.find(&owner).map(str::to_string);
            if head.owner.is_none() {
                note(Error::invalid("owner", Rule::UnknownValue));
            }
        }
        let unit_price = match decimal(cols.cell(row, "unit_price"), "unit_price") {
            Ok(Some(p)) => p,
            Ok(None) => {
                note(Error::invalid("unit_price", Rule::Required));
                Decimal::ZERO
            }
            Err(e) => {
                note(e);
                Decimal::ZERO
            }
        };
        let mut line = LineInput {
            product_id: None,
            description: txt("description", &mut note),
            unit: txt("unit", &mut note),
            quantity: number("quantity", &mut note).unwrap_or(Decimal::ONE),
            unit_price,
            discount_kind: DiscountKind::Percent,
            discount: Decimal::ZERO,
            vat_rate: self.d.vat_rate,
        };
        match percent(cols.cell(row, "vat_rate"), "vat_rate") {
            Ok(Some(r)) => line.vat_rate = r,
            Ok(None) => {}
            Err(e) => note(e),
        }
        let by_percent = percent(cols.cell(row, "discount_percent"), "discount_percent")
            .unwrap_or_else(|e| {
                note(e);
                None
            });
        let typed = txt("discount", &mut note);
        if let Some(p) = by_percent {
            line.discount = p;
        } else if let Some(p) = typed.strip_suffix(['%', '٪']) {
            match percent(&Cell::Text(p.to_string()), "discount") {
                Ok(p) => line.discount = p.unwrap_or_default(),
                Err(e) => note(e),
            }
        } else if !typed.is_empty() {
            line.discount_kind = DiscountKind::Amount;
            match decimal(&Cell::Text(typed), "discount") {
                Ok(d) => line.discount = d.unwrap_or_default(),
                Err(e) => note(e),
            }
        }
        let line_total = number("line_total", &mut note);
        (
            no,
            LineRow {
                group: None,
                head,
                line,
                line_total,
                problems,
            },
        )
    }

    /// The quotation's columns from its lines: the first value given, unless another
    /// line gives a different one (then the row that does is named).
    fn merged(&self, ctx: &Ctx, g: &Group) -> std::result::Result<Head, ErrorPayload> {
        let mut h = Head::default();
        let mut notes: Vec<&str> = Vec::new();
        for &r in &g.rows {
            let x = &self.rows[r].head;
            let differs = |field: &'static str| {
                payload(
                    ImportProblem::QuotationDiffers {
                        number: g.number.clone(),
                        field,
                        row: ctx.row_number(r),
                    },
                    field,
                )
            };
            fn take<T: Clone + PartialEq>(to: &mut Option<T>, from: &Option<T>) -> bool {
                match (to.as_ref(), from) {
                    (_, None) => true,
                    (None, Some(v)) => {
                        *to = Some(v.clone());
                        true
                    }
                    (Some(a), Some(b)) => a == b,
                }
            }
            let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
            let checks: [(&'static str, bool); 8] = [
                ("issue_date", take(&mut h.issue_date, &x.issue_date)),
                ("valid_until", take(&mut h.valid_until, &x.valid_until)),
                ("status", take(&mut h.status, &x.status)),
                ("owner", take(&mut h.owner, &x.owner)),
                ("total", take(&mut h.total, &x.total)),
                ("phone", {
                    let mut mine = h.party.phone.as_ref().map(|p| p.e164.clone());
                    let same = take(&mut mine, &x.party.phone.as_ref().map(|p| p.e164.clone()));
                    if h.party.phone.is_none() {
                        h.party.phone = x.party.phone.clone();
                    }
                    same
                }),
                ("email", {
                    let mut mine = opt(&h.party.email);
                    let same = take(&mut mine, &opt(&x.party.email));
                    h.party.email = mine.unwrap_or_default();
                    same
                }),
                ("contact_name", {
                    let mut mine = opt(&normalize(&h.party.name));
                    let same = take(&mut mine, &opt(&normalize(&x.party.name)));
                    if h.party.name.is_empty() {
                        h.party.name.clone_from(&x.party.name);
                    }
                    same
                }),
            ];
            if let Some((field, _)) = checks.iter().find(|(_, same)| !same) {
                return Err(differs(field));
            }
            if h.party.city.is_empty() {
                h.party.city.clone_from(&x.party.city);
            }
            if !x.notes.is_empty() && !notes.contains(&x.notes.as_str()) {
                notes.push(&x.notes);
            }
        }
        h.notes = notes.join("\n");
        Ok(h)
    }

    /// Settles one quotation: every row's check, and what to write.
    fn settle(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
        gi: usize,
    ) -> Result<(Vec<RowCheck>, Option<Settled>)> {
        let g = &self.groups[gi];
        let n = g.rows.len();
        let all = |outcome: RowOutcome, problem: Option<ErrorPayload>| -> Vec<RowCheck> {
            (0..n)
                .map(|_| RowCheck {
                    outcome,
                    problems: problem.iter().cloned().collect(),
                    matches: Vec::new(),
                    target: None,
                })
                .collect()
        };
        // A refused line refuses its quotation.
        let refused = |problems: &[Vec<ErrorPayload>]| -> Vec<RowCheck> {
            let first = problems.iter().position(|p| !p.is_empty()).unwrap_or(0);
            let why = payload(
                ImportProblem::QuotationLineRefused {
                    number: g.number.clone(),
                    row: ctx.row_number(g.rows[first]),
                },
                "number",
            );
            problems
                .iter()
                .map(|p| RowCheck {
                    outcome: RowOutcome::Invalid,
                    problems: if p.is_empty() {
                        vec![why.clone()]
                    } else {
                        p.clone()
                    },
                    matches: Vec::new(),
                    target: None,
                })
                .collect()
        };
        let own: Vec<Vec<ErrorPayload>> = g
            .rows
            .iter()
            .map(|&r| self.rows[r].problems.clone())
            .collect();
        if own.iter().any(|p| !p.is_empty()) {
            return Ok((refused(&own), None));
        }
        let head = match self.merged(ctx, g) {
            Ok(h) => h,
            Err(p) => return Ok((all(RowOutcome::Invalid, Some(p)), None)),
        };
        let Some(issue_date) = head.issue_date else {
            let p = Error::invalid("issue_date", Rule::Required).to_payload();
            return Ok((all(RowOutcome::Invalid, Some(p)), None));
        };
        if self.saved.is_none() {
            self.saved = Some(store::numbers(conn)?);
        }
        let saved_id = self
            .saved
            .as_ref()
            .and_then(|s| s.get(&number_key(&g.number)))
            .cloned();
        let mut target = None;
        if let Some(q) = saved_id.map(|id| store::get(conn, &id)).transpose()? {
            if ctx.on_duplicate != OnDuplicate::Update {
                let mut out = all(RowOutcome::Duplicate, None);
                for c in &mut out {
                    c.matches.push(RowMatch {
                        id: Some(q.id.clone()),
                        row: None,
                        name: format!("{} ({})", q.number, q.contact_name),
                        reason: "same_number".into(),
                        matched: g.number.clone(),
                    });
                }
                return Ok((out, None));
            }
            let allowed = actor
                .authorize(
                    DocType::Quotation,
                    Action::Write,
                    Target::OwnedBy(q.owner_id.as_deref()),
                )
                .and_then(|_| {
                    if store::replaceable(&q) {
                        Ok(())
                    } else {
                        Err(Error::ReadOnly {
                            entity: "quotation",
                            number: q.number.clone(),
                            status: q.status.key(),
                        })
                    }
                });
            if let Err(e) = allowed {
                return Ok((
                    all(RowOutcome::Invalid, Some(row_error(e, "number")?)),
                    None,
                ));
            }
            target = Some(Box::new(q));
        }
        let owner = head.owner.clone().or_else(|| match &target {
            Some(q) => q.owner_id.clone(),
            None => actor.user_id.clone(),
        });
        let someone_else =
            owner != actor.user_id && owner != target.as_ref().and_then(|q| q.owner_id.clone());
        if someone_else {
            let action = if target.is_some() {
                Action::Write
            } else {
                Action::Create
            };
            if let Err(e) = actor.authorize(DocType::Quotation, action, Target::Anyone) {
                return Ok((all(RowOutcome::Invalid, Some(row_error(e, "owner")?)), None));
            }
        }
        let status = head
            .status
            .or(target.as_ref().map(|q| q.status))
            .unwrap_or(QuoteStatus::Draft);
        let kind = if status == QuoteStatus::Accepted {
            ContactKind::Customer
        } else {
            ContactKind::Lead
        };
        let who = match self.contacts.find(
            conn,
            actor,
            &head.party,
            &NewContact {
                kind,
                source: None,
                owner_id: owner.clone(),
            },
        )? {
            Ok(w) => w,
            Err(p) => return Ok((all(RowOutcome::Invalid, Some(p)), None)),
        };
        // The lines, computed as a quotation typed by hand; a total the file gives for
        // a line must be its total with VAT or without.
        let minor = Decimal::new(1, self.d.minor_digits);
        let mut lines = Vec::with_capacity(n);
        let mut problems: Vec<Vec<ErrorPayload>> = vec![Vec::new(); n];
        for (pos, &r) in g.rows.iter().enumerate() {
            let row = &self.rows[r];
            match compute_line(
                &row.line,
                pos,
                self.d.prices_include_vat,
                self.d.minor_digits,
            ) {
                Ok(l) => {
                    if let Some(t) = row.line_total {
                        let amount = l.gross - l.discount_amount;
                        if [l.total, l.net, amount]
                            .iter()
                            .all(|v| (t - v).abs() > minor)
                        {
                            problems[pos].push(payload(
                                ImportProblem::LineTotalMismatch {
                                    in_file: t.normalize().to_string(),
                                    computed: if l.total == l.net {
                                        l.total.to_string()
                                    } else {
                                        format!("{} / {}", l.total, l.net)
                                    },
                                },
                                "line_total",
                            ));
                        }
                    }
                    lines.push(l);
                }
                Err(e) => problems[pos].push(row_error(unindexed(e), "lines")?),
            }
        }
        if problems.iter().any(|p| !p.is_empty()) {
            return Ok((refused(&problems), None));
        }
        let p = match store::prepare(
            &self.d,
            lines.clone(),
            issue_date,
            head.valid_until,
            &head.notes,
            owner.clone(),
        ) {
            Ok(p) => p,
            Err(e) => {
                return Ok((
                    all(RowOutcome::Invalid, Some(row_error(e, "number")?)),
                    None,
                ))
            }
        };
        if let Some(t) = head.total {
            let totals = crate::sales::lines::totals(&lines);
            let tolerance = minor * Decimal::from(n);
            if (t - totals.total).abs() > tolerance && (t - totals.net_total).abs() > tolerance {
                let why = payload(
                    ImportProblem::TotalMismatch {
                        number: g.number.clone(),
                        in_file: t.normalize().to_string(),
                        computed: totals.total.to_string(),
                    },
                    "total",
                );
                return Ok((all(RowOutcome::Invalid, Some(why)), None));
            }
        }
        // What the daily housekeeping would do at once: a draft or sent quotation past
        // its validity is expired.
        let status = if matches!(status, QuoteStatus::Draft | QuoteStatus::Sent)
            && p.valid_until() < today()
        {
            QuoteStatus::Expired
        } else {
            status
        };
        let (outcome, target_id) = match &target {
            Some(q) => (RowOutcome::Updated, Some(q.id.clone())),
            None => (RowOutcome::New, None),
        };
        let mut out = all(outcome, None);
        for c in &mut out {
            c.target.clone_from(&target_id);
        }
        Ok((
            out,
            Some(Settled {
                who,
                p: Box::new(p),
                status,
                owner,
                target,
                lines,
            }),
        ))
    }
}

impl Importer for QuoteImporter {
    fn check(
        &mut self,
        _conn: &Connection,
        _actor: &Actor,
        ctx: &Ctx,
        index: usize,
        row: &[Cell],
    ) -> Result<RowCheck> {
        debug_assert_eq!(index, self.rows.len());
        let (number, mut line) = self.read_row(ctx, row);
        // A blank number continues the quotation of the row above.
        line.group = if number.is_empty() {
            self.rows.last().and_then(|r| r.group)
        } else {
            let key = number_key(&number);
            let next = self.groups.len();
            let g = *self.by_number.entry(key).or_insert(next);
            if g == next {
                self.groups.push(Group {
                    number: number.trim().to_string(),
                    rows: Vec::new(),
                });
            }
            Some(g)
        };
        match line.group {
            Some(g) => self.groups[g].rows.push(index),
            None => line
                .problems
                .push(Error::invalid("number", Rule::Required).to_payload()),
        }
        let outcome = if line.problems.is_empty() {
            RowOutcome::New
        } else {
            RowOutcome::Invalid
        };
        let problems = line.problems.clone();
        self.rows.push(line);
        // Settled with the quotation's other lines in `finish`.
        Ok(RowCheck {
            outcome,
            problems,
            matches: Vec::new(),
            target: None,
        })
    }

    fn finish(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        ctx: &Ctx,
    ) -> Result<Vec<(usize, RowCheck)>> {
        let mut out = Vec::with_capacity(self.rows.len());
        for gi in 0..self.groups.len() {
            let (checks, settled) = self.settle(conn, actor, ctx, gi)?;
            out.extend(self.groups[gi].rows.iter().copied().zip(checks));
            self.settled.push(settled);
        }
        Ok(out)
    }

    fn values(&self, index: usize) -> BTreeMap<String, String> {
        let mut v = BTreeMap::new();
        let Some(gi) = self.rows.get(index).and_then(|r| r.group) else {
            return v;
        };
        let Some(s) = self.settled.get(gi).and_then(Option::as_ref) else {
            return v;
        };
        let g = &self.groups[gi];
        let pos = g.rows.iter().position(|&r| r == index).unwrap_or(0);
        let l = &s.lines[pos];
        let mut put = |k: &str, s: String| {
            if !s.is_empty() {
                v.insert(k.to_string(), s);
            }
        };
        put("number", g.number.clone());
        put("issue_date", s.p.issue_date().to_string());
        put("valid_until", s.p.valid_until().to_string());
        put("contact_name", self.contacts.name(&s.who));
        put("status", s.status.key().to_string());
        put(
            "owner",
            s.owner
                .as_ref()
                .and_then(|o| self.usernames.get(o))
                .cloned()
                .unwrap_or_default(),
        );
        put("description", l.description.clone());
        put("unit", l.unit.clone());
        put("quantity", l.quantity.to_string());
        put("unit_price", l.unit_price.to_string());
        if !l.discount.is_zero() {
            put(
                "discount",
                match l.discount_kind {
                    DiscountKind::Percent => format!("{}%", l.discount),
                    DiscountKind::Amount => l.discount.to_string(),
                },
            );
        }
        put("vat_rate", l.vat_rate.to_string());
        put("line_total", l.total.to_string());
        put("total", s.p.total().to_string());
        v
    }

    fn write(
        &mut self,
        conn: &Connection,
        actor: &Actor,
        log: &mut BatchLog,
        tick: &mut dyn FnMut() -> Result<()>,
    ) -> Result<()> {
        let at = now();
        let day = today();
        let before = series::state(conn, "quotation")?;
        let settled = std::mem::take(&mut self.settled);
        for (gi, s) in settled.into_iter().enumerate() {
            let Some(s) = s else { continue };
            let g = &self.groups[gi];
            let contact_id = self.contacts.id(conn, actor, &s.who, &at, log)?;
            let issued = day_stamp(s.p.issue_date());
            match s.target {
                Some(q) => {
                    store::update(conn, &q.id, &contact_id, s.status, &s.p, &issued, &at)?;
                    log.updated("quote", &q.id, &q, &at)?;
                }
                None => {
                    series::reserve(conn, "quotation", &g.number, day)?;
                    let id = new_id();
                    store::insert(
                        conn,
                        actor,
                        &self.d,
                        &NewQuote {
                            id: &id,
                            number: &g.number,
                            contact_id: &contact_id,
                            status: s.status,
                            issued: &issued,
                            at: &at,
                        },
                        &s.p,
                    )?;
                    log.created("quote", &id, &at);
                }
            }
            for _ in &g.rows {
                tick()?;
            }
        }
        log_series(conn, "quotation", before, log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(statuses().get("مقبول"), Some(QuoteStatus::Accepted));
        assert_eq!(statuses().get("Sent"), Some(QuoteStatus::Sent));
        assert_eq!(statuses().get("منتهي الصلاحية"), Some(QuoteStatus::Expired));
        assert_eq!(statuses().get("superseded"), None, "not importable");
    }

    #[test]
    fn every_field_key_has_a_translated_name() {
        for f in fields() {
            let name = crate::i18n::field_name(&f.key);
            assert_ne!(name.en, "Value", "{} has no name in errors", f.key);
        }
    }
}
