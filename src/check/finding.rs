//! Findings: what `check` reports, one per problem, each pointing at a file position.

use super::rule::{Rule, Severity};
use crate::model::review::{Verdict, VerdictEffect};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A second place a finding concerns: the sentence in the article for a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    /// Path of the other file, relative to the dossier root (the article, or for the
    /// cross-article rules another article).
    pub file: String,
    /// 1-based line of the place in `file`.
    pub line: usize,
    /// 1-based column, in characters, of the place in `file`.
    pub column: usize,
    /// A few words saying what is there (`in the article`, `cited here`, `the other wording`).
    pub message: String,
    /// Byte range in `file` (for diagnostics; not serialised).
    #[serde(skip)]
    pub span: (usize, usize),
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The rule that made the finding.
    pub rule: Rule,
    /// How serious it is: the severity the configuration gives the rule, or the one an
    /// editor's verdict raised or lowered it to.
    pub severity: Severity,
    /// One line saying what is wrong, for people.
    pub message: String,
    /// Path relative to the dossier root.
    pub file: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    /// 1-based column, in characters, of the finding's place on its line.
    pub column: usize,
    /// The claim concerned, if any.
    pub claim: Option<String>,
    /// The source entry concerned, if any.
    pub source: Option<String>,
    /// How to put the problem right: the rule's general help, or advice made for this
    /// finding.
    // The rule's own help is borrowed, not copied into each of half a million findings.
    pub help: std::borrow::Cow<'static, str>,
    /// A second place the finding concerns (the claim's sentence in the article), if any.
    // Boxed, as `review` is: half a million findings are held at once on a large dossier,
    // and most have no verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Box<Related>>,
    /// The editor's verdict that changed this finding, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<Reviewed>>,
    /// Why the finding is not open: the reason of the `[[suppress]]` entry of `dossier.toml`
    /// that matched it (suppressed findings are listed with the resolved ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
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
    /// The verdict, on the claim or source entry the finding concerns.
    pub verdict: Verdict,
    /// Who gave the verdict.
    pub by: String,
    /// ISO 8601 date the verdict was given.
    pub date: String,
    /// What the verdict did to the finding.
    pub effect: VerdictEffect,
    /// The severity the finding had before the verdict.
    pub was: Severity,
}

impl Finding {
    /// What identifies the finding from one run to the next while its problem stays: a hash
    /// of the rule, the file and the claim and source ids, never of a line or column, so that
    /// editing elsewhere in the file leaves it unchanged. A finding of neither a claim nor a
    /// source (a YAML error, an article without a byline) adds its message, digits left out,
    /// since positions may be written into it. 16 hex digits (SARIF's `partialFingerprints`).
    pub fn fingerprint(&self) -> String {
        let mut key = format!(
            "{}\0{}\0{}\0{}",
            self.rule.code(),
            self.file,
            self.claim.as_deref().unwrap_or(""),
            self.source.as_deref().unwrap_or("")
        );
        if self.claim.is_none() && self.source.is_none() {
            key.push('\0');
            key.extend(self.message.chars().filter(|c| !c.is_ascii_digit()));
        }
        let full = crate::article::fingerprint(key.as_bytes());
        let hex = full.strip_prefix("sha256:").unwrap_or(&full);
        hex.chars().take(16).collect()
    }
}

#[cfg(test)]
impl Finding {
    /// For tests: an `uncited-claim` warning in `file` at `line`, column 3, saying
    /// `message`, with nothing else set.
    pub(crate) fn example(file: &str, line: usize, message: &str) -> Finding {
        Finding {
            rule: Rule::UncitedClaim,
            severity: Severity::Warning,
            message: message.into(),
            file: file.into(),
            line,
            column: 3,
            claim: None,
            source: None,
            help: "".into(),
            related: None,
            review: None,
            suppressed: None,
            evidence: None,
            span: (0, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: usize, claim: Option<&str>, message: &str) -> Finding {
        Finding {
            claim: claim.map(str::to_string),
            span: (line * 10, line * 10 + 4),
            ..Finding::example("claims/a.yaml", line, message)
        }
    }

    #[test]
    fn fingerprints_ignore_positions_but_not_identity() {
        let a = finding(3, Some("q-1"), "quote q-1 has no source");
        assert_eq!(a.fingerprint().len(), 16);
        assert_eq!(
            a.fingerprint(),
            finding(40, Some("q-1"), "quote q-1 has no source").fingerprint()
        );
        assert_ne!(
            a.fingerprint(),
            finding(3, Some("q-2"), "quote q-1 has no source").fingerprint()
        );
        let mut b = a.clone();
        b.file = "claims/b.yaml".into();
        assert_ne!(a.fingerprint(), b.fingerprint());
        let mut c = a.clone();
        c.rule = Rule::StaleClaim;
        assert_ne!(a.fingerprint(), c.fingerprint());
        // Without ids, the message tells findings apart, its numbers aside.
        let y1 = finding(3, None, "unknown field `spekaer` at line 3");
        let y2 = finding(9, None, "unknown field `spekaer` at line 9");
        let y3 = finding(3, None, "unknown field `venu` at line 3");
        assert_eq!(y1.fingerprint(), y2.fingerprint());
        assert_ne!(y1.fingerprint(), y3.fingerprint());
    }
}
