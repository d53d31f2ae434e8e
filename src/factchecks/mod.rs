//! Published fact-checks (schema.org `ClaimReview`) kept in the dossier, and claim matching:
//! which of the dossier's claims say what a stored fact-check already reviewed.
//!
//! - [`parse`]: ClaimReview JSON-LD as one object, an array, JSON Lines or `@graph` wrappers.
//! - [`store`]: `factchecks/factchecks.yaml`, de-duplicated by url and `claimReviewed`.
//! - [`matching`]: an inverted index over normalised words, and the similarity threshold.

pub mod matching;
pub mod parse;
pub mod store;

pub use matching::{Index, Match, THRESHOLD};
pub use parse::{parse_claim_reviews, ImportError};
pub use store::Imported;
pub use store::{FactCheckStore, StoreError, STORE_PATH};

use crate::model::review::LinkAction;
use serde::{Deserialize, Serialize};

/// One published fact-check, as `factchecks import` stores it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FactCheck {
    /// The fact-check's own address (`url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The words reviewed (`claimReviewed`).
    pub claim_reviewed: String,
    /// The rating in words (`reviewRating.alternateName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// Who published the fact-check (`author.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact_checker: Option<String>,
    /// When it was published (`datePublished`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who made the claim (`itemReviewed.author.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// Editors' decisions on the matches `check` suggested. Kept by every re-import.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<MatchDecision>,
}

/// An editor's decision on one suggested match: the claim does (confirm) or does not
/// (reject) say what the fact-check reviewed. A rejected match is no longer reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MatchDecision {
    /// The claim's id.
    pub claim: String,
    /// Confirm (the claim says what was reviewed) or reject (it does not).
    pub action: LinkAction,
    /// Who decided (`$DOSSIER_REVIEWER`, else git's `user.name`, else `$USER`); `None` when
    /// none of them is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The day of the decision, as ISO 8601 (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl FactCheck {
    /// What identifies a fact-check across imports: its url and its words (white space
    /// runs made one space).
    pub fn key(&self) -> (String, String) {
        let words: Vec<&str> = self.claim_reviewed.split_whitespace().collect();
        (self.url.clone().unwrap_or_default(), words.join(" "))
    }

    /// The editor's decision on its match with `claim`, if any (the last one recorded).
    pub fn decision(&self, claim: &str) -> Option<LinkAction> {
        self.decisions
            .iter()
            .rev()
            .find(|d| d.claim == claim)
            .map(|d| d.action)
    }
}

/// The index of the fact-checks stored in the dossier at `root` (empty when there are
/// none), and the problem of a store that cannot be read (then treated as empty). The
/// index's fingerprint is the store's hash, so that cached checks made with other
/// fact-checks are not reused.
pub fn load_index(root: &std::path::Path) -> (Index, Option<crate::store::load::Problem>) {
    use crate::store::load::{Pos, Problem, ProblemKind};
    match FactCheckStore::load(root) {
        Ok((store, text)) => {
            let print = if text.is_empty() {
                "none".to_string()
            } else {
                crate::util::sha256_hex(text.as_bytes())
            };
            (Index::new(store.factchecks, print), None)
        }
        Err(e) => {
            let (line, column) = match &e {
                StoreError::Yaml { line, column, .. } => (*line, *column),
                _ => (1, 1),
            };
            let problem = Problem {
                kind: ProblemKind::InvalidYaml,
                file: STORE_PATH.to_string(),
                pos: Pos {
                    line,
                    column,
                    offset: 0,
                    len: 0,
                },
                message: format!("{e}; {}", crate::util::Advice::help(&e)),
                source: None,
                help: None,
            };
            (Index::new(Vec::new(), "unreadable".into()), Some(problem))
        }
    }
}
