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
    /// Counts over what the filter kept, and each article's traced share.
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
    /// The current (not stale) review whose verdict rejected it.
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
    /// How many articles (claim files) the audit covers.
    pub articles: usize,
    /// The covered articles' claims, by kind.
    pub claims: ClaimCounts,
    /// How many references the covered claim files list, added up over the articles.
    pub references: usize,
    /// The open findings the filter kept, and how many were closed.
    pub findings: FindingCounts,
    /// The source ids the audit covers, by what the dossier holds for each.
    pub sources: SourceCounts,
    /// Each article's share of claims traced to a source with a locator.
    pub traced: Vec<TracedShare>,
}

/// Claims by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClaimCounts {
    /// Every claim, whatever its kind (the sum of the three below).
    pub total: usize,
    /// Words in quotation marks attributed to someone ([`ClaimKind::Quote`]).
    pub quote: usize,
    /// What someone said, in the writer's words ([`ClaimKind::Reported`]).
    pub reported: usize,
    /// Checkable statements in the writer's own voice ([`ClaimKind::Assertion`]).
    pub assertion: usize,
}

/// Findings by severity and by rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    /// Every open finding (errors, warnings and notes together).
    pub total: usize,
    /// Open findings of severity error, counted after editors' verdicts changed severities.
    pub errors: usize,
    /// Open findings of severity warning.
    pub warnings: usize,
    /// Open findings of severity note (including those a verdict downgraded).
    pub notes: usize,
    /// Most severe first, then by rule code.
    pub by_rule: Vec<RuleCount>,
    /// Findings an editor's verdict resolved (not counted above).
    pub resolved: usize,
}

/// How many findings one rule produced at one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule that produced the findings.
    pub rule: Rule,
    /// The severity they have now (a rule whose findings verdicts changed appears once per
    /// severity).
    pub severity: Severity,
    /// How many open findings have this rule and severity; never 0.
    pub count: usize,
}

/// Source ids by [`SourceState`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    /// Every source id the audit covers (the sum of the four below).
    pub total: usize,
    /// Ids whose entry gives a URL, DOI, archived copy or snapshot.
    pub verified: usize,
    /// Ids whose entry exists but gives no way to find the work.
    pub no_locator: usize,
    /// Ids a reference names but that have no `sources/<id>.yaml`.
    pub missing: usize,
    /// Ids whose entry exists but could not be read.
    pub unreadable: usize,
}

/// The share of an article's claims traced to a source with a locator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TracedShare {
    /// The article's slug (its claim file's name).
    pub article: String,
    /// The article's title, when its metadata gives one.
    pub title: Option<String>,
    /// How many claims the article has.
    pub claims: usize,
    /// How many of them are [`ClaimState::Traced`].
    pub traced: usize,
    /// Rounded percentage; `None` for an article without claims.
    pub percent: Option<u32>,
}

/// A place in a file of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Path relative to the dossier root.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// One open finding on the editor's worklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkItem {
    /// The finding's severity after any verdict changed it; the worklist is sorted on it.
    pub severity: Severity,
    /// The rule that produced the finding.
    pub rule: Rule,
    /// Where the finding points (a claim file or a source entry).
    pub at: Location,
    /// The passage of the article it concerns, when there is one.
    pub article_at: Option<Location>,
    /// The article's slug, for findings in a claim file.
    pub article: Option<String>,
    /// The id of the claim the finding concerns, if it concerns one.
    pub claim: Option<String>,
    /// The id of the source entry the finding concerns, if it concerns one.
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
    /// The finding's severity after any verdict changed it.
    pub severity: Severity,
    /// The rule that produced the finding.
    pub rule: Rule,
    /// What is wrong, as `check` words it.
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
    /// The claim file's path, relative to the dossier root (`claims/<slug>.yaml`).
    pub claim_file: String,
    /// The article's path, relative to the dossier root.
    pub path: String,
    /// The article's title, as its metadata gives it; `None` when it gives none.
    pub title: Option<String>,
    /// The byline, as the article gives it; `None` when it gives none.
    pub author: Option<String>,
    /// The publication date (ISO 8601), when the article gives one.
    pub date: Option<String>,
    /// The publication the article appeared in, when it says.
    pub outlet: Option<String>,
    /// Metadata fields the article does not give.
    pub missing: Vec<String>,
    /// How many references the claim file lists (list entries and sources named in the text).
    pub references: usize,
    /// The share of the article's claims traced to a source with a locator.
    pub traced: TracedShare,
    /// Findings about the article rather than one claim (metadata, stale file, references).
    pub findings: Vec<FindingNote>,
    /// One row per claim, in claim-file order.
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
    /// The claim's id in its claim file.
    pub id: String,
    /// Quote, reported speech or assertion.
    pub kind: ClaimKind,
    /// The claim's full words (renderers shorten them).
    pub text: String,
    /// Who the words belong to; `None` when the article names no one.
    pub speaker: Option<String>,
    /// The speaker's role, when the article states it.
    pub role: Option<String>,
    /// Position in the article: 1-based line of the claim's first character.
    pub line: usize,
    /// 1-based column (in characters) of the claim's first character.
    pub column: usize,
    /// How far the claim is traced, judged from its links.
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
    /// The source entry id (`sources/<id>.yaml`) the link points to.
    pub source: String,
    /// The id of the claim file's reference the link goes through (`ref-N`, `inline-N`), or
    /// [`crate::link::MANUAL_REFERENCE`] for an editor's link through none.
    pub reference: String,
    /// What made the link: a citation, a venue, word similarity or an editor.
    pub how: How,
    /// Similarity, for inferred links.
    pub score: Option<f64>,
    /// False for inferred suggestions, which an editor has not confirmed.
    pub confirmed: bool,
    /// What the dossier holds for the linked source id.
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
    /// The source id, as references name it.
    pub id: String,
    /// `sources/<id>.yaml` when the entry exists.
    pub file: Option<String>,
    /// Whether the entry exists, can be read and gives a locator.
    pub state: SourceState,
    /// The entry type (`article`, `web`, …).
    pub kind: Option<String>,
    /// The work's title; `None` when there is no entry or it gives none.
    pub title: Option<String>,
    /// The work's authors, in the entry's order; empty when it names none.
    pub authors: Vec<String>,
    /// Year (`2025`) or ISO date (`2025-04-21`) of publication, as the entry gives it.
    pub date: Option<String>,
    /// The publisher, or the containing work.
    pub publisher: Option<String>,
    /// The work's URL as the entry gives it; renderers link it only through [`web_url`].
    pub url: Option<String>,
    /// An archived copy of the work, e.g. a Wayback Machine URL.
    pub archive_url: Option<String>,
    /// The DOI, from `doi` or else from the entry's `serial-number` identifiers.
    pub doi: Option<String>,
    /// Path of the local copy of the source's text, relative to the dossier root.
    pub snapshot: Option<String>,
    /// The strings the articles cite the work as.
    pub cited_as: Vec<String>,
    /// Editors' notes on the entry.
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
    /// The slug of the article the claim is in.
    pub article: String,
    /// The claim's id in that article's claim file.
    pub claim: String,
    /// The id of the article's reference the link goes through (`ref-N`, `inline-N`, or
    /// [`crate::link::MANUAL_REFERENCE`]).
    pub reference: String,
    /// What made the link.
    pub how: How,
    /// Similarity from 0 to 1, for an inferred link; `None` for the others.
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
