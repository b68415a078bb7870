//! Many contacts at once, all or nothing: sample data now, vCard and spreadsheet
//! imports later.
//!
//! Every row is cleaned, validated and checked for duplicates — against the database
//! and against the earlier rows of the same batch — before anything is written. If any
//! row is refused, nothing is written and the report says, row by row, what was wrong;
//! otherwise all the rows are written in one transaction with prepared statements, and
//! one `contact.import` audit entry records the batch.
//!
//! The rows are written through `store::insert_as`, the writer of a single save (its
//! statements are cached), so a batch stores exactly what a save stores.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::Serialize;

use super::model::*;
use super::store::{self, Clean};
use crate::access::{Action, Actor, DocType, Target};
use crate::db::Db;
use crate::ids::{new_id, now};
use crate::keyed::keyed_enum;
use crate::{audit, Error, ErrorPayload, Result};

keyed_enum!(
    /// What a batch does with a row that looks like an existing contact or an earlier
    /// row of the same batch: `Refuse` makes it an error (then nothing of the batch is
    /// written), `Skip` leaves it out and writes the others, `Allow` writes it anyway
    /// (the user's "save anyway"; the report and the audit entry still list what it
    /// resembles).
    DuplicatePolicy {
        Refuse = "refuse",
        Skip = "skip",
        Allow = "allow",
    }
);

keyed_enum!(
    /// What became of one row: `Created` — written (or, when the batch was refused,
    /// valid and would have been written); `SkippedDuplicate` — left out as a likely
    /// duplicate under `DuplicatePolicy::Skip`; `Error` — refused, see the row's `error`.
    RowOutcome {
        Created = "created",
        SkippedDuplicate = "skipped_duplicate",
        Error = "error",
    }
);

/// Something a row resembles: a saved contact, or an earlier row of the same batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchMatch {
    /// The saved contact it resembles, if that is what it resembles.
    pub contact_id: Option<String>,
    /// The earlier row (0-based) of this batch it resembles, if that is what it resembles.
    pub row: Option<usize>,
    pub display_name: String,
    pub reason: DuplicateReason,
    /// The phone (as typed in this row), email or name that matched.
    pub matched: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BatchRow {
    /// Position of the row in the input (0-based).
    pub index: usize,
    pub outcome: RowOutcome,
    /// The new contact's id, once written.
    pub id: Option<String>,
    /// Why the row was refused, in Arabic and English, with the field (and the entry
    /// of a list field) to mark. For a duplicate refused under `Refuse` the code is
    /// `possible_duplicate` and `details` holds the same list as `duplicates`.
    pub error: Option<ErrorPayload>,
    /// What the row resembles (empty when nothing); also filled for rows written under
    /// `Allow` and rows skipped under `Skip`.
    pub duplicates: Vec<BatchMatch>,
}

/// The outcome of `create_batch`, row by row.
#[derive(Debug, Clone, Serialize)]
pub struct BatchReport {
    /// True when the batch was written. False when a row was refused: then nothing
    /// was written, and rows marked `created` are the ones that were fine.
    pub saved: bool,
    pub total: usize,
    /// Rows marked `created`.
    pub created: usize,
    /// Rows marked `skipped_duplicate`.
    pub skipped: usize,
    /// Rows marked `error`.
    pub errors: usize,
    /// Rows marked `created` although they resemble another contact (`Allow`).
    pub duplicates_accepted: usize,
    pub rows: Vec<BatchRow>,
}

/// The audit entry of a written batch.
#[derive(Serialize)]
struct ImportAudit<'a> {
    count: usize,
    ids: Vec<&'a str>,
    skipped_duplicates: usize,
    /// Contacts written although they resemble another one ("save anyway"). Only the
    /// ids: with what they resemble, a large import's entry would weigh megabytes.
    duplicates_accepted: Vec<&'a str>,
}

/// Saves `inputs` as new contacts, all or nothing (see the module documentation).
///
/// Rights are those of `create`: creating contacts, and creating them for all users
/// when a row names another owner. A row refused for a right is a row error like a
/// validation error. Database failures are returned as `Err` and write nothing.
pub fn create_batch(
    db: &Db,
    actor: &Actor,
    inputs: &[ContactInput],
    on_duplicate: DuplicatePolicy,
) -> Result<BatchReport> {
    actor.authorize(DocType::Contact, Action::Create, Target::Own)?;
    db.write(|tx| {
        // A large batch changes index pages all over a large file: with the default
        // page cache (2 MB) they are written out and read back again and again before
        // the commit. A bigger cache for this transaction only; given back after.
        let cache: i64 = tx.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        let big = inputs.len() >= BIG_BATCH;
        if big {
            tx.pragma_update(None, "cache_size", BIG_BATCH_CACHE_KIB)?;
        }
        let out = write_batch(tx, actor, inputs, on_duplicate);
        if big {
            tx.pragma_update(None, "cache_size", cache)?;
        }
        out
    })
}

/// From this many rows, a batch gets a bigger page cache.
const BIG_BATCH: usize = 1_000;
/// Its size, in KiB (negative: SQLite's unit for a size rather than a page count).
const BIG_BATCH_CACHE_KIB: i64 = -256 * 1024;

fn write_batch(
    tx: &rusqlite::Transaction,
    actor: &Actor,
    inputs: &[ContactInput],
    on_duplicate: DuplicatePolicy,
) -> Result<BatchReport> {
    let me = actor.user_id.as_deref();
    let lead_emails_count = super::emails_count(tx, ContactKind::Lead)?;
    let mut seen = Seen::default();
    let mut rows = Vec::with_capacity(inputs.len());
    // Each row to write, with its name key (computed once: it normalises two fields).
    let mut clean_rows: Vec<Option<(Clean, String)>> = Vec::with_capacity(inputs.len());
    for (index, input) in inputs.iter().enumerate() {
        let mut row = BatchRow {
            index,
            outcome: RowOutcome::Created,
            id: None,
            error: None,
            duplicates: Vec::new(),
        };
        let checked = store::clean(tx, input, me).and_then(|c| {
            if c.owner_id.as_deref() != me {
                actor.authorize(DocType::Contact, Action::Create, Target::Anyone)?;
            }
            Ok(c)
        });
        let c = match checked {
            Ok(c) => c,
            Err(e @ (Error::Db(_) | Error::Internal(_) | Error::Io { .. })) => return Err(e),
            Err(e) => {
                row.outcome = RowOutcome::Error;
                row.error = Some(e.to_payload());
                rows.push(row);
                clean_rows.push(None);
                continue;
            }
        };
        let emails_count = c.kind != ContactKind::Lead || lead_emails_count;
        let key = store::name_key(&c);
        row.duplicates = saved_duplicates(tx, &c, &key, emails_count, i64::MAX)?;
        seen.matches(&c, &key, emails_count, &mut row.duplicates);
        if !row.duplicates.is_empty() {
            match on_duplicate {
                DuplicatePolicy::Allow => {}
                DuplicatePolicy::Skip => row.outcome = RowOutcome::SkippedDuplicate,
                DuplicatePolicy::Refuse => {
                    row.outcome = RowOutcome::Error;
                    row.error = Some(duplicate_payload(&row.duplicates));
                }
            }
        }
        if row.outcome == RowOutcome::Created {
            seen.add(index, &c, &key);
            clean_rows.push(Some((c, key)));
        } else {
            clean_rows.push(None);
        }
        rows.push(row);
    }

    let count = |o: RowOutcome| rows.iter().filter(|r| r.outcome == o).count();
    let mut report = BatchReport {
        saved: false,
        total: rows.len(),
        created: count(RowOutcome::Created),
        skipped: count(RowOutcome::SkippedDuplicate),
        errors: count(RowOutcome::Error),
        duplicates_accepted: rows
            .iter()
            .filter(|r| r.outcome == RowOutcome::Created && !r.duplicates.is_empty())
            .count(),
        rows,
    };
    if report.errors > 0 {
        return Ok(report);
    }
    let at = now();
    for (row, c) in report.rows.iter_mut().zip(&clean_rows) {
        if let Some((c, _)) = c {
            let id = new_id();
            store::insert_as(tx, &id, c, &at, me)?;
            row.id = Some(id);
        }
    }
    report.saved = true;
    if report.created > 0 {
        let created = report.rows.iter().filter_map(|r| r.id.as_deref());
        audit::record::<(), _>(
            tx,
            actor,
            "contact.import",
            "contact",
            None,
            None,
            Some(&ImportAudit {
                count: report.created,
                ids: created.collect(),
                skipped_duplicates: report.skipped,
                duplicates_accepted: report
                    .rows
                    .iter()
                    .filter(|r| !r.duplicates.is_empty())
                    .filter_map(|r| r.id.as_deref())
                    .collect(),
            }),
        )?;
    }
    Ok(report)
}

/// The payload of a row refused as a duplicate: the message of
/// `Error::PossibleDuplicates`, with the batch's own list of matches as details.
fn duplicate_payload(matches: &[BatchMatch]) -> ErrorPayload {
    let as_contact_matches = matches
        .iter()
        .map(|m| DuplicateMatch {
            contact_id: m.contact_id.clone().unwrap_or_default(),
            display_name: m.display_name.clone(),
            reason: m.reason,
            matched: m.matched.clone(),
        })
        .collect();
    let mut p = Error::PossibleDuplicates(as_contact_matches).to_payload();
    p.details = serde_json::to_value(matches).ok().map(Box::new);
    p
}

/// The display name of a saved contact from its three name columns (as
/// `Contact::display_name`).
pub(super) const DISPLAY_NAME: &str =
    "coalesce(nullif(c.name_ar, ''), nullif(c.name_latin, ''), c.company_name)";

/// Live saved contacts that look like `c`: the same checks as `store::duplicates`,
/// each one query that also returns the name to show.
/// Saved contacts `c` resembles, among those numbered up to `up_to` (an import that
/// writes as it checks looks only at contacts saved before it began).
pub(super) fn saved_duplicates(
    conn: &Connection,
    c: &Clean,
    key: &str,
    emails_count: bool,
    up_to: i64,
) -> Result<Vec<BatchMatch>> {
    let mut out: Vec<BatchMatch> = Vec::new();
    let mut push = |id: String, display_name: String, reason: DuplicateReason, matched: &str| {
        if !out
            .iter()
            .any(|m| m.contact_id.as_deref() == Some(id.as_str()) && m.reason == reason)
        {
            out.push(BatchMatch {
                contact_id: Some(id),
                row: None,
                display_name,
                reason,
                matched: matched.to_string(),
            });
        }
    };
    let mut by_phone = conn.prepare_cached(&format!(
        "SELECT DISTINCT c.id, {DISPLAY_NAME} FROM contact_phones x
         JOIN contacts c ON c.id = x.contact_id AND c.deleted_at IS NULL
         WHERE x.e164 = ?1 AND c.num <= ?2"
    ))?;
    for p in &c.phones {
        let mut rows = by_phone.query(params![p.e164, up_to])?;
        while let Some(r) = rows.next()? {
            push(r.get(0)?, r.get(1)?, DuplicateReason::SamePhone, &p.raw);
        }
    }
    if emails_count {
        let mut by_email = conn.prepare_cached(&format!(
            "SELECT DISTINCT c.id, {DISPLAY_NAME} FROM contact_emails x
             JOIN contacts c ON c.id = x.contact_id AND c.deleted_at IS NULL
             WHERE x.email = ?1 AND c.num <= ?2"
        ))?;
        for e in &c.emails {
            let mut rows = by_email.query(params![e, up_to])?;
            while let Some(r) = rows.next()? {
                push(r.get(0)?, r.get(1)?, DuplicateReason::SameEmail, e);
            }
        }
    }
    if !key.is_empty() {
        let mut by_name = conn.prepare_cached(&format!(
            "SELECT c.id, {DISPLAY_NAME} FROM contacts c
             WHERE c.name_key = ?1 AND c.name_key <> '' AND c.deleted_at IS NULL AND c.num <= ?2
             LIMIT 5"
        ))?;
        let shown = shown_name(c);
        let mut rows = by_name.query(params![key, up_to])?;
        while let Some(r) = rows.next()? {
            push(
                r.get(0)?,
                r.get(1)?,
                DuplicateReason::SimilarNameSameCity,
                shown,
            );
        }
    }
    Ok(out)
}

/// The name a "similar name" match reports (as `store::duplicates`).
fn shown_name(c: &Clean) -> &str {
    if c.name_ar.is_empty() {
        &c.name_latin
    } else {
        &c.name_ar
    }
}

fn display_name(c: &Clean) -> String {
    [&c.name_ar, &c.name_latin, &c.company_name]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// The rows of this batch that will be written, by what a later row may share with
/// them: (first row, its display name).
#[derive(Default)]
pub(super) struct Seen {
    phones: HashMap<String, (usize, String)>,
    emails: HashMap<String, (usize, String)>,
    names: HashMap<String, (usize, String)>,
}

impl Seen {
    pub(super) fn add(&mut self, index: usize, c: &Clean, key: &str) {
        let name = display_name(c);
        for p in &c.phones {
            self.phones
                .entry(p.e164.clone())
                .or_insert_with(|| (index, name.clone()));
        }
        for e in &c.emails {
            self.emails
                .entry(e.clone())
                .or_insert_with(|| (index, name.clone()));
        }
        if !key.is_empty() {
            self.names.entry(key.to_string()).or_insert((index, name));
        }
    }

    /// Adds to `out` the earlier rows `c` resembles.
    pub(super) fn matches(
        &self,
        c: &Clean,
        key: &str,
        emails_count: bool,
        out: &mut Vec<BatchMatch>,
    ) {
        let mut push = |found: Option<&(usize, String)>, reason, matched: &str| {
            if let Some((row, name)) = found {
                if !out
                    .iter()
                    .any(|m| m.row == Some(*row) && m.reason == reason)
                {
                    out.push(BatchMatch {
                        contact_id: None,
                        row: Some(*row),
                        display_name: name.clone(),
                        reason,
                        matched: matched.to_string(),
                    });
                }
            }
        };
        for p in &c.phones {
            push(self.phones.get(&p.e164), DuplicateReason::SamePhone, &p.raw);
        }
        if emails_count {
            for e in &c.emails {
                push(self.emails.get(e), DuplicateReason::SameEmail, e);
            }
        }
        if !key.is_empty() {
            push(
                self.names.get(key),
                DuplicateReason::SimilarNameSameCity,
                shown_name(c),
            );
        }
    }
}
