//! `dossier correct`: an editor's value for an extracted field of a claim (speaker, role,
//! cue, venue, kind) or of a reference (outlet, year, title, url), recorded as a
//! [`Correction`] that every later `extract` keeps; and confirming or dropping corrections.

use super::{find_claim, suggest, ClaimRef, Desk, ReviewError};
use crate::model::correction::{known_field, Correctable, Correction, FieldError};
use crate::model::review::text_fingerprint;
use crate::model::ClaimFile;
use serde::Serialize;

/// What `dossier correct` names: a claim, or a reference of one claim file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CorrectTarget {
    /// A claim, named as `ID` or `ARTICLE/ID`.
    Claim(ClaimRef),
    /// A reference of the claim file `file`, named as `ARTICLE/REF-ID`: the [`ClaimRef`]'s
    /// `id` is the reference's id (`ref-N`, `inline-N`), not a claim's.
    Reference(ClaimRef),
}

impl std::fmt::Display for CorrectTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorrectTarget::Claim(c) => write!(f, "claim {c}"),
            CorrectTarget::Reference(c) => write!(f, "reference {c}"),
        }
    }
}

/// One change `dossier correct` makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Give the field the editor's value.
    Set {
        /// The field's name: one of [`CLAIM_FIELDS`](crate::model::correction::CLAIM_FIELDS)
        /// for a claim, of [`REFERENCE_FIELDS`](crate::model::correction::REFERENCE_FIELDS)
        /// for a reference.
        field: String,
        /// The editor's value; trimmed before it is stored, and refused when empty.
        value: String,
    },
    /// Drop the field's correction: the field goes back to what extract found.
    Drop {
        /// The name of the field whose correction is dropped.
        field: String,
    },
    /// Keep every correction of the item for its current words (after a `stale-correction`).
    Confirm,
}

impl Desk {
    /// Resolve `given`: a claim (`ID` or `ARTICLE/ID`), or a reference as `ARTICLE/REF-ID`.
    pub fn resolve_correct_target(&self, given: &str) -> Result<CorrectTarget, ReviewError> {
        if let Some((article, id)) = given.rsplit_once('/') {
            let article = article.trim_end_matches(".yaml");
            let file = format!("claims/{article}.yaml");
            let path = self.dossier.root.join(&file);
            if let Ok(text) = crate::store::fs::read_text_inside(
                &self.dossier.root,
                &path,
                crate::store::yaml::MAX_YAML_BYTES,
            ) {
                if let Ok(data) = crate::store::yaml::from_str::<ClaimFile>(&text) {
                    if data.references.iter().any(|r| r.id == id) {
                        return Ok(CorrectTarget::Reference(ClaimRef {
                            file,
                            article: article.to_string(),
                            id: id.to_string(),
                        }));
                    }
                    if !data.claims.iter().any(|c| c.id == id) {
                        return Err(ReviewError::UnknownReference {
                            given: given.to_string(),
                            suggestions: suggest(
                                id,
                                data.claims
                                    .iter()
                                    .map(|c| c.id.clone())
                                    .chain(data.references.iter().map(|r| r.id.clone())),
                            )
                            .into_iter()
                            .map(|s| format!("{article}/{s}"))
                            .collect(),
                        });
                    }
                }
            }
        }
        self.resolve_claim(given).map(CorrectTarget::Claim)
    }

    /// Make `edits` on the target, as `by` on `date`, and return its corrections as stored.
    pub fn correct(
        &self,
        target: &CorrectTarget,
        edits: &[Edit],
        by: &str,
        date: &str,
    ) -> Result<Vec<Correction>, ReviewError> {
        super::check_decision(by, date)?;
        let (file, c) = match target {
            CorrectTarget::Claim(c) | CorrectTarget::Reference(c) => (c.file.as_str(), c),
        };
        self.modify_claims(file, |data| match target {
            CorrectTarget::Claim(_) => edit(find_claim(data, c)?, edits, by, date),
            CorrectTarget::Reference(_) => {
                let k = data
                    .references
                    .iter()
                    .position(|r| r.id == c.id)
                    .ok_or_else(|| ReviewError::UnknownReference {
                        given: c.to_string(),
                        suggestions: Vec::new(),
                    })?;
                edit(&mut data.references[k], edits, by, date)
            }
        })
    }
}

/// Make `edits` on one claim or reference.
fn edit<T: Correctable>(
    item: &mut T,
    edits: &[Edit],
    by: &str,
    date: &str,
) -> Result<Vec<Correction>, ReviewError> {
    let now = text_fingerprint(item.words());
    for e in edits {
        match e {
            Edit::Set { field, value } => {
                let field = known_field(field, T::FIELDS)?;
                let value = value.trim();
                if value.is_empty() {
                    return Err(ReviewError::EmptyValue {
                        field: field.to_string(),
                    });
                }
                let before = item.get(field);
                item.set(field, Some(value))?;
                let record = Correction {
                    field: field.to_string(),
                    value: Some(value.to_string()),
                    extracted: before,
                    by: by.to_string(),
                    date: date.to_string(),
                    judged: now.clone(),
                };
                let list = item.corrections_mut();
                match list.iter_mut().find(|c| c.field == field) {
                    // The first correction's `extracted` stays: it is what extract found.
                    Some(c) => {
                        c.value = record.value;
                        c.by = record.by;
                        c.date = record.date;
                        c.judged = record.judged;
                    }
                    None => list.push(record),
                }
            }
            Edit::Drop { field } => {
                let field = known_field(field, T::FIELDS)?;
                let list = item.corrections_mut();
                let Some(k) = list.iter().position(|c| c.field == field) else {
                    return Err(ReviewError::NoCorrection {
                        field: field.to_string(),
                        corrected: list.iter().map(|c| c.field.clone()).collect(),
                    });
                };
                let gone = list.remove(k);
                item.set(field, gone.extracted.as_deref())?;
            }
            Edit::Confirm => {
                for c in item.corrections_mut() {
                    c.judged = now.clone();
                }
            }
        }
    }
    let fields = T::FIELDS;
    item.corrections_mut()
        .sort_by_key(|c| fields.iter().position(|f| *f == c.field));
    // Written by dossier: not a hand edit for the next extract to find.
    let h = item.fields_hash();
    item.set_extracted(Some(h));
    Ok(item.corrections().to_vec())
}

impl From<FieldError> for ReviewError {
    fn from(e: FieldError) -> ReviewError {
        ReviewError::Field(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    fn claim() -> Claim {
        let text = "\"We will not pay,\" said Ward.";
        let a = crate::article::Article::from_text(
            "articles/a.txt",
            text.to_string(),
            crate::article::Format::Text,
        );
        crate::extract::extract(&a).claims.remove(0)
    }

    #[test]
    fn set_drop_and_confirm_keep_what_extract_found() {
        let mut c = claim();
        let found = c.speaker.clone();
        let set = |f: &str, v: &str| Edit::Set {
            field: f.into(),
            value: v.into(),
        };
        edit(&mut c, &[set("speaker", "Bob Ward")], "Ann", "2025-01-02").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Bob Ward"));
        assert_eq!(c.corrections[0].extracted, found);
        assert!(!c.hand_edited(), "the command's own write is no hand edit");
        // A second value keeps what extract found, not the first correction.
        edit(
            &mut c,
            &[set("speaker", "Robert Ward")],
            "Ann",
            "2025-01-03",
        )
        .unwrap();
        assert_eq!(c.corrections.len(), 1);
        assert_eq!(c.corrections[0].extracted, found);
        // Stale, then confirmed.
        c.text = "\"We will never pay,\" said Ward.".into();
        assert_eq!(c.stale_corrections().len(), 1);
        edit(&mut c, &[Edit::Confirm], "Ann", "2025-01-04").unwrap();
        assert!(c.stale_corrections().is_empty());
        // Dropped: back to extract's value.
        edit(
            &mut c,
            &[Edit::Drop {
                field: "speaker".into(),
            }],
            "Ann",
            "2025-01-05",
        )
        .unwrap();
        assert_eq!(c.speaker, found);
        assert!(c.corrections.is_empty());
    }

    #[test]
    fn bad_fields_and_values_are_refused_with_a_suggestion() {
        let mut c = claim();
        let e = edit(
            &mut c,
            &[Edit::Set {
                field: "speeker".into(),
                value: "Bob".into(),
            }],
            "Ann",
            "2025-01-02",
        )
        .unwrap_err();
        assert!(e.to_string().contains("did you mean speaker"), "{e}");
        let e = edit(
            &mut c,
            &[Edit::Set {
                field: "speaker".into(),
                value: "  ".into(),
            }],
            "Ann",
            "2025-01-02",
        )
        .unwrap_err();
        assert!(matches!(e, ReviewError::EmptyValue { .. }), "{e}");
        let e = edit(
            &mut c,
            &[Edit::Set {
                field: "kind".into(),
                value: "quot".into(),
            }],
            "Ann",
            "2025-01-02",
        )
        .unwrap_err();
        assert!(e.to_string().contains("not a valid kind"), "{e}");
        assert!(c.corrections.is_empty(), "nothing recorded on a refusal");
        let e = edit(
            &mut c,
            &[Edit::Drop {
                field: "role".into(),
            }],
            "Ann",
            "2025-01-02",
        )
        .unwrap_err();
        assert!(matches!(e, ReviewError::NoCorrection { .. }), "{e}");
    }
}
