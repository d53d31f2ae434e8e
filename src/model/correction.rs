//! Editors' corrections of extracted fields: an editor changes `speaker:` (or another field
//! extract fills) in a claim file, or runs `dossier correct`, and every later `extract` keeps
//! the editor's value.
//!
//! Each claim and reference records `extracted`, a short hash of its correctable fields as
//! dossier last wrote them. When the file's fields no longer hash to it, an editor changed
//! them by hand: the next `extract` records each field that differs from what it finds as a
//! [`Correction`] (who, when, the value it replaced) and keeps the editor's value. A file
//! without `extracted` (written before corrections existed) is taken as extract's own output.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The fields of a claim an editor can correct.
pub const CLAIM_FIELDS: &[&str] = &["kind", "speaker", "role", "cue", "venue"];

/// The fields of a reference an editor can correct.
pub const REFERENCE_FIELDS: &[&str] = &["outlet", "year", "title", "url"];

/// An editor's value for one extracted field, kept by every re-extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Correction {
    /// The field corrected (`speaker`, `role`, `cue`, `venue`, `kind`; for a reference
    /// `outlet`, `year`, `title`, `url`).
    pub field: String,
    /// The editor's value (`null`: the field is empty).
    pub value: Option<String>,
    /// What extract had found, which the editor's value replaced.
    pub extracted: Option<String>,
    /// Who made the correction.
    pub by: String,
    /// ISO 8601 date of the correction.
    pub date: String,
    /// The [`text_fingerprint`](super::review::text_fingerprint) of the words corrected (the
    /// claim's text, the reference as written). When the words change, the correction is
    /// stale (`stale-correction`) until the editor confirms or drops it.
    pub judged: String,
}

/// Why a field cannot take a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// The field named is not one the item lets an editor correct.
    #[error("no field `{field}` to correct{}", crate::suggest::hint(&crate::suggest::suggest(field, fields.iter().map(|f| f.to_string()))))]
    Unknown {
        /// The field name as the editor gave it.
        field: String,
        /// The item's correctable fields ([`CLAIM_FIELDS`] or [`REFERENCE_FIELDS`]), from
        /// which the message suggests the nearest.
        fields: &'static [&'static str],
    },
    /// The value cannot be read as the field's type: a `kind` that is no claim kind, a `year`
    /// that is no number.
    #[error("`{value}` is not a valid {field}: {reason}")]
    Invalid {
        /// The field being set (`kind` or `year`).
        field: &'static str,
        /// The value as the editor gave it.
        value: String,
        /// What a valid value looks like, for the message.
        reason: &'static str,
    },
}

/// Something with correctable fields: a claim or a reference.
pub trait Correctable {
    /// The names of its correctable fields.
    const FIELDS: &'static [&'static str];
    /// The field's current value as text (a year as digits); `None` when the field is empty
    /// or not one of [`Correctable::FIELDS`].
    fn get(&self, field: &str) -> Option<String>;
    /// Give the field `value` (`None` empties it), or say why it cannot take it: an unknown
    /// field, or a value that does not parse as the field's type.
    fn set(&mut self, field: &str, value: Option<&str>) -> Result<(), FieldError>;
    /// The words corrections judge.
    fn words(&self) -> &str;
    /// The editors' corrections recorded on it (its `corrections` field).
    fn corrections(&self) -> &[Correction];
    /// The corrections recorded on it, for changing.
    fn corrections_mut(&mut self) -> &mut Vec<Correction>;
    /// Its `extracted` hash: the [`Correctable::fields_hash`] dossier last wrote; `None` in a
    /// file written before corrections existed.
    fn extracted(&self) -> Option<&str>;
    /// Record `hash` as its `extracted` hash.
    fn set_extracted(&mut self, hash: Option<String>);

    /// The short hash of the correctable fields as they are now.
    fn fields_hash(&self) -> String {
        let mut key = String::new();
        for f in Self::FIELDS {
            key.push_str(f);
            key.push('=');
            match self.get(f) {
                Some(v) => {
                    key.push('+');
                    key.push_str(&v);
                }
                None => key.push('-'),
            }
            key.push('\0');
        }
        let full = crate::util::fingerprint(key.as_bytes());
        full.trim_start_matches("sha256:")
            .chars()
            .take(16)
            .collect()
    }

    /// Were its fields changed by hand since dossier last wrote them?
    fn hand_edited(&self) -> bool {
        self.extracted().is_some_and(|h| h != self.fields_hash())
    }

    /// Its corrections made for other words than its current ones.
    fn stale_corrections(&self) -> Vec<&Correction> {
        let now = super::review::text_fingerprint(self.words());
        self.corrections()
            .iter()
            .filter(|c| c.judged != now)
            .collect()
    }
}

/// A field's value as a name of the field list, or the error for an unknown one.
pub fn known_field(
    field: &str,
    fields: &'static [&'static str],
) -> Result<&'static str, FieldError> {
    fields
        .iter()
        .copied()
        .find(|f| *f == field)
        .ok_or_else(|| FieldError::Unknown {
            field: field.to_string(),
            fields,
        })
}

/// Who and when, for corrections found by `extract`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The editor's name, or `unknown editor` when none can be found.
    pub by: String,
    /// ISO 8601 date (`YYYY-MM-DD`) of the extract run.
    pub date: String,
}

/// Carry `old`'s corrections to `new` (the same item, extracted again), record as new
/// corrections the fields an editor changed by hand in `old`, apply every correction to
/// `new`, and record `new`'s fields hash. `stamp` is asked only when a new correction is
/// recorded.
pub fn carry<T: Correctable>(old: &T, new: &mut T, stamp: &dyn Fn() -> Stamp) {
    let mut corrections = old.corrections().to_vec();
    if old.hand_edited() {
        for field in T::FIELDS {
            let mine = old.get(field);
            match corrections.iter_mut().find(|c| c.field == *field) {
                Some(c) if c.value != mine => {
                    let s = stamp();
                    c.value = mine;
                    c.by = s.by;
                    c.date = s.date;
                    c.judged = super::review::text_fingerprint(old.words());
                }
                Some(_) => {}
                None => {
                    let found = new.get(field);
                    if found != mine {
                        let s = stamp();
                        corrections.push(Correction {
                            field: field.to_string(),
                            value: mine,
                            extracted: found,
                            by: s.by,
                            date: s.date,
                            judged: super::review::text_fingerprint(old.words()),
                        });
                    }
                }
            }
        }
    }
    // In the order of the field list, so that the file does not depend on the order edits
    // were found in.
    corrections.sort_by_key(|c| T::FIELDS.iter().position(|f| *f == c.field));
    for c in &corrections {
        // A value that no longer parses (a hand-edited `kind: quot`) is left as extracted;
        // check reports the file's invalid value before it gets here.
        let _ = new.set(&c.field, c.value.as_deref());
    }
    *new.corrections_mut() = corrections;
    let h = new.fields_hash();
    new.set_extracted(Some(h));
}

fn some(v: Option<&str>) -> Option<String> {
    v.map(str::to_string)
}

impl Correctable for super::Claim {
    const FIELDS: &'static [&'static str] = CLAIM_FIELDS;

    fn get(&self, field: &str) -> Option<String> {
        match field {
            "kind" => Some(self.kind.as_str().to_string()),
            "speaker" => self.speaker.clone(),
            "role" => self.role.clone(),
            "cue" => self.cue.clone(),
            "venue" => self.venue.clone(),
            _ => None,
        }
    }

    fn set(&mut self, field: &str, value: Option<&str>) -> Result<(), FieldError> {
        match known_field(field, CLAIM_FIELDS)? {
            "kind" => {
                let v = value.unwrap_or("");
                self.kind = super::ClaimKind::from_name(v).ok_or(FieldError::Invalid {
                    field: "kind",
                    value: v.to_string(),
                    reason: "a kind is `quote`, `reported` or `assertion`",
                })?;
            }
            "speaker" => self.speaker = some(value),
            "role" => self.role = some(value),
            "cue" => self.cue = some(value),
            _ => self.venue = some(value),
        }
        Ok(())
    }

    fn words(&self) -> &str {
        &self.text
    }
    fn corrections(&self) -> &[Correction] {
        &self.corrections
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
    fn extracted(&self) -> Option<&str> {
        self.extracted.as_deref()
    }
    fn set_extracted(&mut self, hash: Option<String>) {
        self.extracted = hash;
    }
}

impl Correctable for super::Reference {
    const FIELDS: &'static [&'static str] = REFERENCE_FIELDS;

    fn get(&self, field: &str) -> Option<String> {
        match field {
            "outlet" => self.outlet.clone(),
            "year" => self.year.map(|y| y.to_string()),
            "title" => self.title.clone(),
            "url" => self.url.clone(),
            _ => None,
        }
    }

    fn set(&mut self, field: &str, value: Option<&str>) -> Result<(), FieldError> {
        match known_field(field, REFERENCE_FIELDS)? {
            "year" => {
                self.year = match value {
                    None => None,
                    Some(v) => Some(v.trim().parse().map_err(|_| FieldError::Invalid {
                        field: "year",
                        value: v.to_string(),
                        reason: "a year is a number such as 2024",
                    })?),
                }
            }
            "outlet" => self.outlet = some(value),
            "title" => self.title = some(value),
            _ => self.url = some(value),
        }
        Ok(())
    }

    fn words(&self) -> &str {
        &self.raw
    }
    fn corrections(&self) -> &[Correction] {
        &self.corrections
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
    fn extracted(&self) -> Option<&str> {
        self.extracted.as_deref()
    }
    fn set_extracted(&mut self, hash: Option<String>) {
        self.extracted = hash;
    }
}
