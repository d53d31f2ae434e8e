//! Findings: what `check` reports, one per problem, each pointing at a file position.

use super::rule::{Rule, Severity};
use crate::model::review::{Verdict, VerdictEffect};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A second place a finding concerns: the sentence in the article for a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Byte range in `file` (for diagnostics; not serialised).
    #[serde(skip)]
    pub span: (usize, usize),
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// Path relative to the dossier root.
    pub file: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    /// The claim concerned, if any.
    pub claim: Option<String>,
    /// The source entry concerned, if any.
    pub source: Option<String>,
    pub help: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
    /// The editor's verdict that changed this finding, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Reviewed>,
    /// For quote findings: the passage of the snapshot, the score and the word diff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Box<crate::evidence::verify::Evidence>>,
    /// Byte range in `file` (for diagnostics; not serialised).
    #[serde(skip)]
    pub span: (usize, usize),
}

/// How an editor's verdict changed a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reviewed {
    pub verdict: Verdict,
    pub by: String,
    pub date: String,
    pub effect: VerdictEffect,
    /// The severity the finding had before the verdict.
    pub was: Severity,
}
