//! Why a desk operation failed, and what the editor can do about it.

use crate::store::dossier::DossierError;
use crate::store::lock::LockError;
use crate::suggest::hint;
use std::path::PathBuf;

/// Why a desk operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Dossier(#[from] DossierError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("no claim `{given}` in this dossier{}", hint(suggestions))]
    UnknownClaim {
        given: String,
        suggestions: Vec<String>,
    },
    #[error("claim id `{given}` is in several claim files: {}; name one as ARTICLE/ID", candidates.join(", "))]
    AmbiguousClaim {
        given: String,
        candidates: Vec<String>,
    },
    #[error(
        "no source entry `{given}` (sources/{given}.yaml){}",
        hint(suggestions)
    )]
    UnknownSource {
        given: String,
        suggestions: Vec<String>,
    },
    #[error(
        "no claim or source entry `{given}` in this dossier{}",
        hint(suggestions)
    )]
    UnknownTarget {
        given: String,
        suggestions: Vec<String>,
    },
    #[error("the verdict `{verdict}` is for {}, and {target} is not one", if *verdict == crate::model::Verdict::NotAClaim { "a claim" } else { "a source entry" })]
    WrongVerdict {
        verdict: crate::model::Verdict,
        target: String,
    },
    #[error("no reference or claim `{given}` in this dossier{}", hint(suggestions))]
    UnknownReference {
        given: String,
        suggestions: Vec<String>,
    },
    #[error(transparent)]
    Field(crate::model::correction::FieldError),
    #[error("the value for `{field}` is empty")]
    EmptyValue { field: String },
    #[error("`{field}` has no correction to drop{}", if corrected.is_empty() { String::new() } else { format!(" (corrected: {})", corrected.join(", ")) })]
    NoCorrection {
        field: String,
        corrected: Vec<String>,
    },
    #[error("`{given}` is not a date of the form YYYY-MM-DD")]
    InvalidDate { given: String },
    #[error("the reviewer's name is empty")]
    NoReviewer,
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: crate::util::fs::ReadError,
    },
    #[error("{path}:{line}:{column}: cannot parse: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: cannot serialise: {message}")]
    Serialise { path: PathBuf, message: String },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: this comment cannot be kept in the rewritten file; nothing was written")]
    Comments {
        path: PathBuf,
        line: usize,
        column: usize,
    },
}

impl crate::util::Advice for ReviewError {
    fn help(&self) -> &'static str {
        match self {
            ReviewError::Dossier(e) => e.help(),
            ReviewError::Lock(e) => e.help(),
            ReviewError::UnknownClaim { .. } | ReviewError::UnknownTarget { .. } => {
                "list the claims waiting for review with `dossier review --list`, or look up ids in claims/*.yaml"
            }
            ReviewError::AmbiguousClaim { .. } => {
                "prefix the id with the article's slug, e.g. my-article/q-1a2b3c4d"
            }
            ReviewError::UnknownSource { .. } => {
                "source ids are the file names in sources/ without .yaml; create the entry first if the work is new"
            }
            ReviewError::WrongVerdict { .. } => {
                "use `not-a-claim` for a claim and `not-a-source` for a source entry"
            }
            ReviewError::UnknownReference { .. } => {
                "name a reference as ARTICLE/REF-ID (e.g. port-strike/ref-1); the ids are in claims/ARTICLE.yaml"
            }
            ReviewError::Field(_) => {
                "a claim's fields are speaker, role, cue, venue and kind; a reference's outlet, year, title and url"
            }
            ReviewError::EmptyValue { .. } => {
                "give the editor's value, or drop the correction with --drop FIELD"
            }
            ReviewError::NoCorrection { .. } => "list the item's corrections in its claim file under `corrections:`",
            ReviewError::InvalidDate { .. } => "give the date as an ISO 8601 calendar date, e.g. 2025-04-21",
            ReviewError::NoReviewer => "give a name with --by, or set DOSSIER_REVIEWER",
            ReviewError::Read { .. } | ReviewError::Write { .. } => {
                "check that the file exists and that you may read and write it"
            }
            ReviewError::Parse { .. } => {
                "fix the file (`dossier check` points at the problem) and run the command again"
            }
            ReviewError::Serialise { .. } => "this is a bug in dossier; please report it",
            ReviewError::Comments { .. } => {
                "move the comment into `notes:` (`dossier review ID --note ...`) or delete it, and run the command again"
            }
        }
    }
}
