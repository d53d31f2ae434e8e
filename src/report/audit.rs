//! The editor-facing audit of `dossier report`: one model, built from a loaded dossier and its
//! check results, that the Markdown, HTML and JSON renderers all present.
//!
//! The audit has four parts: a [`Summary`] (counts and each article's traced share), the
//! editor's [`worklist`](Audit::worklist) (open findings, most severe first), one
//! [`ArticleAudit`] per article (metadata and a row per claim) and one [`SourceAudit`] per
//! source entry (what is missing and which claims rely on it). [`build`] makes it; a
//! [`Filter`] narrows it to some articles, rules or a minimum severity.

mod build;
mod filter;

pub use build::build;
pub use filter::{Filter, FilterError};

use crate::check::{Reviewed, Rule, Severity};
pub use crate::evidence::verify::{Evidence, Status as EvidenceStatus};
use crate::link::How;
use crate::model::review::Review;
use crate::model::ClaimKind;
use serde::Serialize;

/// Version of the audit's JSON form (`"version"`).
pub const AUDIT_VERSION: u32 = 1;

/// Longest claim text shown in a table cell or an excerpt, in characters.
pub const EXCERPT_CHARS: usize = 200;

/// The whole audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// Always [`AUDIT_VERSION`].
    pub version: u32,
    /// The filter the audit was built with.
    pub filter: Filter,
    pub summary: Summary,
    /// Open findings, errors first, then by file and position.
    pub worklist: Vec<WorkItem>,
    /// One entry per article, in claim-file order.
    pub articles: Vec<ArticleAudit>,
    /// One entry per source id, sorted by id.
    pub sources: Vec<SourceAudit>,
}

/// A claim or source entry an editor rejected (`not-a-claim`, `not-a-source`): it produces
/// no findings, and the report lists it in a section of its own, never silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// The article's slug, for a claim; `None` for a source entry.
    pub article: Option<String>,
    /// The claim id or source id.
    pub id: String,
    /// The claim's words (shortened by renderers), or the source entry's title or id.
    pub text: String,
    pub review: Review,
}

impl Rejected {
    /// What was rejected, as both reports name it: `claim ARTICLE/ID` or `source ID`.
    pub fn label(&self) -> String {
        match &self.article {
            Some(a) => format!("claim {a}/{}", self.id),
            None => format!("source {}", self.id),
        }
    }

    /// The line that heads the collapsed list of `n` rejected items in both reports.
    pub fn summary(n: usize) -> String {
        format!("{n} rejected by an editor: no findings are reported about them")
    }
}

impl Audit {
    /// The claims and source entries rejected by a current review, claims first, in the
    /// audit's order.
    pub fn rejected(&self) -> Vec<Rejected> {
        let current = |r: &Option<Review>, stale: bool| {
            r.as_ref()
                .filter(|r| r.verdict.rejects() && !stale)
                .cloned()
        };
        let claims = self.articles.iter().flat_map(|a| {
            a.claims.iter().filter_map(move |c| {
                current(&c.review, c.review_stale).map(|review| Rejected {
                    article: Some(a.slug.clone()),
                    id: c.id.clone(),
                    text: c.text.clone(),
                    review,
                })
            })
        });
        let sources = self.sources.iter().filter_map(|s| {
            current(&s.review, s.review_stale).map(|review| Rejected {
                article: None,
                id: s.id.clone(),
                text: s
                    .cited_as
                    .first()
                    .or(s.title.as_ref())
                    .cloned()
                    .unwrap_or_else(|| s.id.clone()),
                review,
            })
        });
        claims.chain(sources).collect()
    }
}

/// Counts over the (filtered) audit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub claims: ClaimCounts,
    pub references: usize,
    pub findings: FindingCounts,
    pub sources: SourceCounts,
    /// Each article's share of claims traced to a source with a locator.
    pub traced: Vec<TracedShare>,
}

/// Claims by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClaimCounts {
    pub total: usize,
    pub quote: usize,
    pub reported: usize,
    pub assertion: usize,
}

/// Findings by severity and by rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    pub total: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Most severe first, then by rule code.
    pub by_rule: Vec<RuleCount>,
    /// Findings an editor's verdict resolved (not counted above).
    pub resolved: usize,
}

/// How many findings one rule produced at one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: Rule,
    pub severity: Severity,
    pub count: usize,
}

/// Source ids by [`SourceState`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    pub total: usize,
    pub verified: usize,
    pub no_locator: usize,
    pub missing: usize,
    pub unreadable: usize,
}

/// The share of an article's claims traced to a source with a locator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TracedShare {
    /// The article's slug (its claim file's name).
    pub article: String,
    pub title: Option<String>,
    pub claims: usize,
    pub traced: usize,
    /// Rounded percentage; `None` for an article without claims.
    pub percent: Option<u32>,
}

/// A place in a file of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// One open finding on the editor's worklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkItem {
    pub severity: Severity,
    pub rule: Rule,
    /// Where the finding points (a claim file or a source entry).
    pub at: Location,
    /// The passage of the article it concerns, when there is one.
    pub article_at: Option<Location>,
    /// The article's slug, for findings in a claim file.
    pub article: Option<String>,
    pub claim: Option<String>,
    pub source: Option<String>,
    /// The claim's words, shortened to [`EXCERPT_CHARS`].
    pub excerpt: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What would fix it.
    pub help: String,
    /// The editor's verdict that downgraded or raised this finding, if any.
    pub review: Option<Reviewed>,
}

/// A finding as listed beside a claim, an article or a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingNote {
    pub severity: Severity,
    pub rule: Rule,
    pub message: String,
    /// The editor's verdict that resolved, downgraded or raised this finding, if any.
    pub review: Option<Reviewed>,
    /// The reason of the `[[suppress]]` entry of `dossier.toml` that closed it, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

impl FindingNote {
    /// Did a verdict or a suppression close this finding?
    pub fn resolved(&self) -> bool {
        self.suppressed.is_some()
            || self.review.as_ref().is_some_and(|r| {
                matches!(
                    r.effect,
                    crate::model::review::VerdictEffect::Resolve
                        | crate::model::review::VerdictEffect::Reject
                )
            })
    }

    /// How the report names a closed finding: `resolved` (a verdict) or `suppressed`.
    pub fn closed_as(&self) -> &'static str {
        if self.suppressed.is_some() {
            "suppressed"
        } else if self
            .review
            .as_ref()
            .is_some_and(|r| r.effect == crate::model::review::VerdictEffect::Reject)
        {
            "rejected"
        } else {
            "resolved"
        }
    }
}

/// One article: its metadata, its claims and the findings about it as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleAudit {
    /// The claim file's name without `.yaml`.
    pub slug: String,
    pub claim_file: String,
    /// The article's path, relative to the dossier root.
    pub path: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    /// Metadata fields the article does not give.
    pub missing: Vec<String>,
    pub references: usize,
    pub traced: TracedShare,
    /// Findings about the article rather than one claim (metadata, stale file, references).
    pub findings: Vec<FindingNote>,
    pub claims: Vec<ClaimAudit>,
}

/// How far a claim is traced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimState {
    /// A confirmed link to a source entry with a locator.
    Traced,
    /// Confirmed links only to entries without a locator, missing or unreadable.
    Unverified,
    /// No confirmed link; inferred candidates only.
    Suggested,
    /// No link at all.
    Untraced,
}

impl ClaimState {
    /// A few words for the report.
    pub fn label(self) -> &'static str {
        match self {
            ClaimState::Traced => "traced",
            ClaimState::Unverified => "source unverified",
            ClaimState::Suggested => "suggestions only",
            ClaimState::Untraced => "untraced",
        }
    }
}

/// One claim, as a row of its article's table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimAudit {
    pub id: String,
    pub kind: ClaimKind,
    /// The claim's full words (renderers shorten them).
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// Position in the article.
    pub line: usize,
    pub column: usize,
    pub state: ClaimState,
    /// Confirmed links first, then inferred suggestions by score.
    pub links: Vec<LinkAudit>,
    /// Open findings, then those a verdict resolved.
    pub findings: Vec<FindingNote>,
    /// The editor's verdict (`verified`, …), with ` (stale)` when the words changed since.
    pub verdict: Option<String>,
    /// The editor's review, if any.
    pub review: Option<Review>,
    /// True when the review judged other words than the claim's current ones.
    pub review_stale: bool,
    /// The claim checked against its sources' snapshots (absent when none has one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A link from a claim to a source entry, and the state of that entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkAudit {
    pub source: String,
    pub reference: String,
    pub how: How,
    /// Similarity, for inferred links.
    pub score: Option<f64>,
    /// False for inferred suggestions, which an editor has not confirmed.
    pub confirmed: bool,
    pub source_state: SourceState,
}

/// What the dossier holds for a source id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceState {
    /// The entry exists and has a URL, DOI, archived copy or snapshot.
    Verified,
    /// The entry exists but gives no way to find the work.
    NoLocator,
    /// A reference names the entry but `sources/<id>.yaml` does not exist.
    Missing,
    /// The entry exists but could not be read.
    Unreadable,
}

impl SourceState {
    /// A few words for the report.
    pub fn label(self) -> &'static str {
        match self {
            SourceState::Verified => "verified locator",
            SourceState::NoLocator => "no locator",
            SourceState::Missing => "missing",
            SourceState::Unreadable => "unreadable",
        }
    }
}

/// One source entry: its fields, what it lacks, and the claims that rest on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceAudit {
    pub id: String,
    /// `sources/<id>.yaml` when the entry exists.
    pub file: Option<String>,
    pub state: SourceState,
    /// The entry type (`article`, `web`, …).
    pub kind: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    /// The publisher, or the containing work.
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub archive_url: Option<String>,
    pub doi: Option<String>,
    pub snapshot: Option<String>,
    pub cited_as: Vec<String>,
    pub notes: Vec<String>,
    /// What the entry lacks: `entry`, `locator`, `title`, `date`, `publisher`.
    pub missing: Vec<String>,
    /// Slugs of the articles whose references name it.
    pub cited_by: Vec<String>,
    /// Claims with a confirmed link to it.
    pub relied_on_by: Vec<ClaimUse>,
    /// Claims it may support: inferred, not yet confirmed.
    pub suggested_for: Vec<ClaimUse>,
    /// Open findings, then those a verdict resolved.
    pub findings: Vec<FindingNote>,
    /// The editor's review of the entry, if any.
    pub review: Option<Review>,
    /// True when the entry changed since its review.
    pub review_stale: bool,
    /// True when the entry is marked as made up ([`crate::model::SourceEntry::is_demonstration`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub demonstration: bool,
}

/// A claim's use of a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimUse {
    pub article: String,
    pub claim: String,
    pub reference: String,
    pub how: How,
    pub score: Option<f64>,
    /// The claim's words, shortened to [`EXCERPT_CHARS`].
    pub excerpt: String,
}

/// How a link was made, in words.
pub fn how_label(how: How) -> &'static str {
    match how {
        How::Explicit => "explicit",
        How::Venue => "venue",
        How::Inferred => "inferred",
        How::Manual => "manual",
    }
}

/// `url` as a link target when it is a web URL as `check` accepts one
/// ([`crate::util::url::WebUrl`]), with every byte outside the URL-safe ASCII set
/// percent-encoded (so it can hold no quote, `<`, `>`, `|` or backtick); `None` for any other
/// scheme (`javascript:`, `data:`), a relative path, or an address with white space in it.
pub fn web_url(url: &str) -> Option<String> {
    crate::util::url::WebUrl::parse(url).ok().map(|u| u.href())
}

impl Audit {
    /// The audit as pretty-printed JSON, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}

impl TracedShare {
    /// A share of `traced` out of `claims`, as a whole percent.
    pub fn new(article: &str, title: Option<&str>, claims: usize, traced: usize) -> TracedShare {
        // Rounded, but 0 % and 100 % only when that is exact.
        let percent = (claims > 0).then(|| {
            let p = ((200 * traced + claims) / (2 * claims)) as u32;
            match traced {
                0 => 0,
                t if t >= claims => 100,
                _ => p.clamp(1, 99),
            }
        });
        TracedShare {
            article: article.to_string(),
            title: title.map(str::to_string),
            claims,
            traced,
            percent,
        }
    }

    /// How many of `cells` a bar for this share fills: none only at 0 %, all only at 100 %.
    pub fn filled(&self, cells: u32) -> u32 {
        match self.percent {
            None | Some(0) => 0,
            Some(p) if p >= 100 => cells,
            Some(p) => ((p * cells + 50) / 100).clamp(1, cells.saturating_sub(1)),
        }
    }
}

/// What a verdict did to a finding, in words: `resolved`, `downgraded from error`, …
pub fn verdict_effect(r: &Reviewed) -> String {
    use crate::model::review::VerdictEffect;
    match r.effect {
        VerdictEffect::Resolve => "resolved".to_string(),
        VerdictEffect::Reject => "rejected".to_string(),
        VerdictEffect::Downgrade => format!("downgraded from {}", r.was.as_str()),
        VerdictEffect::Raise if r.was != Severity::Error => {
            format!("raised from {}", r.was.as_str())
        }
        VerdictEffect::Raise => "kept".to_string(),
    }
}

/// How the report introduces a passage of a snapshot, e.g. `closest passage (line 12, 71%)`:
/// what the passage is to the claim, where it is, and (except beside a word diff, which says
/// it better) how much of the claim it matches.
pub fn passage_caption(
    status: EvidenceStatus,
    p: &crate::evidence::verify::EvidencePassage,
) -> String {
    let what = match status {
        EvidenceStatus::Verified => "passage",
        EvidenceStatus::Altered => "the source says",
        EvidenceStatus::NotFound => "closest passage",
        EvidenceStatus::Translated => "the original the review records",
        EvidenceStatus::Suggested => "may support it",
    };
    let score = p
        .score
        .filter(|_| status != EvidenceStatus::Altered)
        .map(|s| format!(", {:.0}%", s * 100.0))
        .unwrap_or_default();
    format!("{what} (line {}{score})", p.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_and_bars_never_lie_at_the_ends() {
        let s = TracedShare::new("a", None, 3, 1);
        assert_eq!(s.percent, Some(33));
        assert_eq!(s.filled(10), 3);
        assert_eq!(TracedShare::new("a", None, 0, 0).percent, None);
        assert_eq!(TracedShare::new("a", None, 200, 1).filled(10), 1);
        assert_eq!(TracedShare::new("a", None, 200, 199).percent, Some(99));
        assert_eq!(TracedShare::new("a", None, 200, 199).filled(10), 9);
        assert_eq!(TracedShare::new("a", None, 1000, 1).percent, Some(1));
        assert_eq!(TracedShare::new("a", None, 2, 2).filled(10), 10);
    }

    #[test]
    fn web_urls_are_encoded_and_nothing_else_is_one() {
        assert_eq!(
            web_url(" HTTPS://x.org/a|b\"<é>").as_deref(),
            Some("https://x.org/a%7Cb%22%3C%C3%A9%3E")
        );
        assert_eq!(web_url("http://x.org").as_deref(), Some("http://x.org"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "/a",
            "https://",
            "https://x.org/a b",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }
}
