//! Custom fields: extra fields an administrator adds to contacts (text, number, date
//! or choice), each optionally mandatory for some contact kinds. Values are kept as
//! canonical text so they sort, compare and export the same everywhere.

mod value;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::access::{Action, Actor, DocType, Target};
use crate::contacts::ContactKind;
use crate::db::Db;
use crate::i18n::Text;
use crate::ids::{new_id, now};
use crate::keyed::keyed_enum;
use crate::{audit, Error, Result, Rule};

pub use value::canonical_value;

keyed_enum!(FieldType {
    Text = "text",
    Number = "number",
    Date = "date",
    Choice = "choice",
});

/// One option of a choice field. The key is fixed when the option is created, so
/// renaming an option keeps the values already saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub key: String,
    pub ar: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomField {
    pub id: String,
    pub label_ar: String,
    pub label_en: String,
    pub field_type: FieldType,
    pub choices: Vec<Choice>,
    /// Kinds of contact for which the field must be filled; empty means optional.
    pub required_kinds: Vec<ContactKind>,
    pub position: i64,
}

impl CustomField {
    pub fn label(&self) -> Text<String> {
        Text::new(self.label_ar.clone(), self.label_en.clone())
    }

    pub fn required_for(&self, kind: ContactKind) -> bool {
        self.required_kinds.contains(&kind)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldInput {
    pub label_ar: String,
    pub label_en: String,
    pub field_type: Option<FieldType>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    #[serde(default)]
    pub required_kinds: Vec<ContactKind>,
}

const COLUMNS: &str = "id, label_ar, label_en, field_type, choices, required_kinds, position";

fn row(r: &rusqlite::Row) -> rusqlite::Result<CustomField> {
    let t: String = r.get(3)?;
    let choices: String = r.get(4)?;
    let kinds: String = r.get(5)?;
    Ok(CustomField {
        id: r.get(0)?,
        label_ar: r.get(1)?,
        label_en: r.get(2)?,
        field_type: FieldType::parse(&t).unwrap_or(FieldType::Text),
        choices: serde_json::from_str(&choices).unwrap_or_default(),
        required_kinds: kinds.split(',').filter_map(ContactKind::parse).collect(),
        position: r.get(6)?,
    })
}

/// The live contact fields, in the order the administrator set.
pub fn list_in(conn: &Connection) -> Result<Vec<CustomField>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM custom_fields WHERE doc_type = 'contact' AND deleted_at IS NULL ORDER BY position, created_at"
    ))?;
    let out = stmt
        .query_map([], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Everyone who may read contacts may see which fields exist.
pub fn list(db: &Db, actor: &Actor) -> Result<Vec<CustomField>> {
    actor.authorize(DocType::Contact, Action::Read, Target::Own)?;
    db.read(list_in)
}

fn get_in(conn: &Connection, id: &str) -> Result<CustomField> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM custom_fields WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("custom_field", id))
}

fn label(field: &'static str, v: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    if v.chars().count() > 80 {
        return Err(Error::invalid(field, Rule::TooLong));
    }
    Ok(v.to_string())
}

/// Checks a definition; `old` keeps the keys of options that already exist.
fn clean(input: &FieldInput, old: Option<&CustomField>) -> Result<CustomField> {
    let field_type = match (input.field_type, old) {
        (Some(t), _) => t,
        (None, Some(o)) => o.field_type,
        (None, None) => return Err(Error::invalid("field_type", Rule::Required)),
    };
    if let Some(o) = old {
        // Changing the type would make saved values unreadable.
        if o.field_type != field_type {
            return Err(Error::invalid("field_type", Rule::UnknownValue));
        }
    }
    let mut choices: Vec<Choice> = Vec::new();
    if field_type == FieldType::Choice {
        let mut next = old
            .map(|o| {
                o.choices
                    .iter()
                    .filter_map(|c| c.key.strip_prefix('c')?.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        for (i, c) in input.choices.iter().enumerate() {
            let (ar, en) = (c.ar.trim(), c.en.trim());
            if ar.is_empty() && en.is_empty() {
                continue;
            }
            if ar.chars().count() > 80 || en.chars().count() > 80 {
                return Err(Error::invalid("choices", Rule::TooLong).at(i));
            }
            let key = if !c.key.is_empty()
                && old.is_some_and(|o| o.choices.iter().any(|p| p.key == c.key))
            {
                c.key.clone()
            } else {
                next += 1;
                format!("c{next}")
            };
            // A missing translation falls back to the other language.
            choices.push(Choice {
                key,
                ar: if ar.is_empty() { en } else { ar }.to_string(),
                en: if en.is_empty() { ar } else { en }.to_string(),
            });
        }
        if choices.is_empty() {
            return Err(Error::invalid("choices", Rule::Required));
        }
        if choices.len() > 100 {
            return Err(Error::invalid("choices", Rule::TooLong));
        }
    }
    let mut required_kinds = input.required_kinds.clone();
    required_kinds.sort();
    required_kinds.dedup();
    Ok(CustomField {
        id: old.map(|o| o.id.clone()).unwrap_or_default(),
        label_ar: label("label_ar", &input.label_ar)?,
        label_en: label("label_en", &input.label_en)?,
        field_type,
        choices,
        required_kinds,
        position: old.map(|o| o.position).unwrap_or(0),
    })
}

fn kinds_text(f: &CustomField) -> String {
    f.required_kinds
        .iter()
        .map(|k| k.key())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn create(db: &Db, actor: &Actor, input: &FieldInput) -> Result<CustomField> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let mut f = clean(input, None)?;
        f.id = new_id();
        f.position = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields WHERE doc_type = 'contact'",
            [],
            |r| r.get(0),
        )?;
        let at = now();
        tx.execute(
            "INSERT INTO custom_fields (id, doc_type, label_ar, label_en, field_type, choices, required_kinds, position, created_at, updated_at)
             VALUES (?1, 'contact', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                f.id, f.label_ar, f.label_en, f.field_type.key(),
                serde_json::to_string(&f.choices).map_err(|e| Error::Internal(e.to_string()))?,
                kinds_text(&f), f.position, at
            ],
        )?;
        audit::record::<(), _>(tx, actor, "custom_field.create", "custom_field", Some(&f.id), None, Some(&f))?;
        Ok(f)
    })
}

pub fn update(db: &Db, actor: &Actor, id: &str, input: &FieldInput) -> Result<CustomField> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx, id)?;
        let f = clean(input, Some(&before))?;
        tx.execute(
            "UPDATE custom_fields SET label_ar = ?2, label_en = ?3, choices = ?4, required_kinds = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                id, f.label_ar, f.label_en,
                serde_json::to_string(&f.choices).map_err(|e| Error::Internal(e.to_string()))?,
                kinds_text(&f), now()
            ],
        )?;
        audit::record(tx, actor, "custom_field.update", "custom_field", Some(id), Some(&before), Some(&f))?;
        Ok(f)
    })
}

/// Hides the field. Saved values stay in the database (a field deleted by mistake is
/// brought back by `restore`).
pub fn delete(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let before = get_in(tx, id)?;
        tx.execute(
            "UPDATE custom_fields SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        audit::record::<_, ()>(
            tx,
            actor,
            "custom_field.delete",
            "custom_field",
            Some(id),
            Some(&before),
            None,
        )
    })
}

/// Brings a deleted field back with the values it had.
pub fn restore(db: &Db, actor: &Actor, id: &str) -> Result<CustomField> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE custom_fields SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
            params![id, now()],
        )?;
        if n == 0 {
            return Err(Error::not_found("custom_field", id));
        }
        let f = get_in(tx, id)?;
        audit::record::<(), _>(tx, actor, "custom_field.restore", "custom_field", Some(id), None, Some(&f))?;
        Ok(f)
    })
}

/// Sets the order fields appear in, first to last.
pub fn reorder(db: &Db, actor: &Actor, ids: &[String]) -> Result<Vec<CustomField>> {
    actor.authorize(DocType::Settings, Action::Write, Target::Anyone)?;
    db.write(|tx| {
        for (i, id) in ids.iter().enumerate() {
            get_in(tx, id)?;
            tx.execute(
                "UPDATE custom_fields SET position = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, i as i64 + 1, now()],
            )?;
        }
        audit::record::<(), _>(
            tx,
            actor,
            "custom_field.reorder",
            "custom_field",
            None,
            None,
            Some(&ids),
        )?;
        list_in(tx)
    })
}
