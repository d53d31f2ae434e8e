//! Why a desk operation failed, and what the editor can do about it.

use crate::store::dossier::DossierError;
use crate::store::lock::LockError;
use crate::suggest::hint;
use std::path::PathBuf;

/// Why a desk operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The dossier itself could not be found or used.
    #[error(transparent)]
    Dossier(#[from] DossierError),
    /// The dossier's write lock could not be opened, or another process held it for longer
    /// than [`Desk::wait`](super::Desk::wait).
    #[error(transparent)]
    Lock(#[from] LockError),
    /// No claim file holds a claim with the id given (or the claim left its file before the
    /// change could be written).
    #[error("no claim `{given}` in this dossier{}", hint(suggestions))]
    UnknownClaim {
        /// The claim as the user named it: `ID` or `ARTICLE/ID`.
        given: String,
        /// Up to three claim ids close to it (bare or as `ARTICLE/ID`), closest first.
        suggestions: Vec<String>,
    },
    /// A bare claim id is in more than one claim file, so it names no one claim.
    #[error("claim id `{given}` is in several claim files: {}; name one as ARTICLE/ID", candidates.join(", "))]
    AmbiguousClaim {
        /// The id as the user gave it.
        given: String,
        /// Every claim with that id, as `ARTICLE/ID`, in claim-file order.
        candidates: Vec<String>,
    },
    #[error(
        "no source entry `{given}` (sources/{given}.yaml){}",
        hint(suggestions)
    )]
    /// No `sources/<id>.yaml` (or `.yml`) has the source id given as a verdict's evidence
    /// (`--source`) or as the source to link or unlink.
    UnknownSource {
        /// The source id as the user gave it.
        given: String,
        /// Up to three source ids close to it, closest first.
        suggestions: Vec<String>,
    },
    #[error(
        "no claim or source entry `{given}` in this dossier{}",
        hint(suggestions)
    )]
    /// The name given is neither a claim (`ID` or `ARTICLE/ID`) nor a source id.
    UnknownTarget {
        /// The name as the user gave it.
        given: String,
        /// Up to three claim or source ids close to it, closest first.
        suggestions: Vec<String>,
    },
    /// A verdict for one kind of item was given to the other: `not-a-claim` to a source
    /// entry, or `not-a-source` to a claim.
    #[error("the verdict `{verdict}` is for {}, and {target} is not one", if *verdict == crate::model::Verdict::NotAClaim { "a claim" } else { "a source entry" })]
    WrongVerdict {
        /// The verdict given.
        verdict: crate::model::Verdict,
        /// The item it was given to, as `claim ARTICLE/ID` or `source ID`.
        target: String,
    },
    /// `dossier correct` was given `ARTICLE/ID` where the claim file of `ARTICLE` has no
    /// reference or claim with that id (or the reference left the file before the change
    /// could be written).
    #[error("no reference or claim `{given}` in this dossier{}", hint(suggestions))]
    UnknownReference {
        /// The name as the user gave it (`ARTICLE/REF-ID`).
        given: String,
        /// Up to three claim or reference ids of that article close to it, as `ARTICLE/ID`,
        /// closest first.
        suggestions: Vec<String>,
    },
    /// A correction names a field the item does not have, or gives a value the field cannot
    /// hold (a `kind` that is no claim kind, a `year` that is no year).
    #[error(transparent)]
    Field(crate::model::correction::FieldError),
    /// A correction gives a field a value that is empty or only white space.
    #[error("the value for `{field}` is empty")]
    EmptyValue {
        /// The field's name (`speaker`, `outlet`, …).
        field: String,
    },
    /// A correction is to be dropped from a field that has none.
    #[error("`{field}` has no correction to drop{}", if corrected.is_empty() { String::new() } else { format!(" (corrected: {})", corrected.join(", ")) })]
    NoCorrection {
        /// The field named.
        field: String,
        /// The fields of the item that do have a correction.
        corrected: Vec<String>,
    },
    /// The date of a verdict, link decision or correction is not an ISO 8601 calendar date.
    #[error("`{given}` is not a date of the form YYYY-MM-DD")]
    InvalidDate {
        /// The date as the user gave it.
        given: String,
    },
    /// The editor's name for a verdict, link decision or correction is empty or only white
    /// space (the binary also gives it when
    /// [`editor_name`](crate::store::dossier::editor_name) finds no name).
    #[error("the reviewer's name is empty")]
    NoReviewer,
    /// The claim file or source entry to change could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file: the dossier root joined with its path in the dossier.
        path: PathBuf,
        /// Why it could not be read (missing, not a regular file, too large, not UTF-8, …).
        #[source]
        source: crate::util::fs::ReadError,
    },
    /// The claim file or source entry to change is not valid YAML of its kind; nothing was
    /// written.
    #[error("{path}:{line}:{column}: cannot parse: {message}")]
    Parse {
        /// The file: the dossier root joined with its path in the dossier.
        path: PathBuf,
        /// 1-based line of the problem (1 when the parser does not say).
        line: usize,
        /// 1-based column of the problem (1 when the parser does not say).
        column: usize,
        /// The parser's description of the problem.
        message: String,
    },
    /// The changed claim file or source entry could not be turned back into YAML (a bug);
    /// nothing was written.
    #[error("{path}: cannot serialise: {message}")]
    Serialise {
        /// The file that was being changed.
        path: PathBuf,
        /// The serialiser's description of the problem.
        message: String,
    },
    /// The changed file could not be written back.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file: the dossier root joined with its path in the dossier.
        path: PathBuf,
        /// Why: the target resolves outside the dossier or is not a regular file, or the
        /// atomic write (temporary file, then rename) failed.
        #[source]
        source: std::io::Error,
    },
    /// An editor's `#` comment in the file could not be carried to its place in the
    /// rewritten file, so the change was refused and nothing was written.
    #[error("{path}:{line}:{column}: this comment cannot be kept in the rewritten file; nothing was written")]
    Comments {
        /// The file: the dossier root joined with its path in the dossier.
        path: PathBuf,
        /// 1-based line of the first such comment, in the file as it was.
        line: usize,
        /// 1-based column (in characters) of its `#`.
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
