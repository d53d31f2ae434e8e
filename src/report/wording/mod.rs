//! The words of the editor's audit, written once for both reports: every heading, label,
//! sentence and phrase that the Markdown and the HTML renderer share.
//!
//! A phrase is a list of [`Span`]s, each saying what kind of piece it is (our own words,
//! text from the dossier, a code, a link to a source, a state); each renderer escapes and marks
//! up every kind its own way. The renderers decide markup only: tables, bars, badges, anchors.

mod articles;
mod findings;
mod sources;
mod summary;

pub(super) use articles::{
    article_fields, article_heading, checked, checked_line, link, original_missing, passage,
    speaker, word_diff,
};
pub(super) use findings::{
    claim_findings, finding_mark, note_detail, work_fields, work_subject, worklist_lede,
};
pub(super) use sources::{claim_use, relied_on, source_fields};
pub(super) use summary::{counts, severity_totals, source_states, traced_count, traced_name};

use super::audit::{
    Audit, ClaimState, EvidenceStatus, Filter, Rejected, SourceState, EXCERPT_CHARS,
};
use crate::check::Severity;
use crate::util::excerpt;
use std::collections::BTreeSet;

/// One piece of a phrase, by what it is; the renderer decides how it looks.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Span {
    /// Our own words, markup-free: Markdown writes them as they are, HTML escapes its special
    /// characters (an apostrophe becomes `&#39;`).
    Word(String),
    /// Text from an article or a YAML file, escaped by each renderer so it stays text.
    Text(String),
    /// Help text of ours, whose backtick pairs are code in both reports.
    Prose(String),
    /// A finding's message, or a suppression's reason: code spans in HTML, escaped text in
    /// Markdown.
    Message(String),
    /// An editor's note on a verdict: code spans in Markdown, escaped text in HTML.
    ReviewNote(String),
    /// A code span in both reports (a verdict after "by the verdict").
    Code(String),
    /// A code the tool defines (a rule code, a source's verdict): code in HTML, plain in
    /// Markdown.
    Term(String),
    /// Our words, stressed.
    Strong(String),
    /// The word `missing` for a field the entry lacks: stressed in Markdown; HTML marks the
    /// whole field instead (see [`Field::lacking`]).
    Missing,
    /// Words quoted from an article or an entry: curly quotes in Markdown, `<q>` in HTML.
    Quote(String),
    /// A URL from an entry: a link when it is http(s), else text.
    Url(String),
    /// A source id: a link to its card in HTML.
    Source(String),
    /// An article slug: a link to its card in HTML.
    Article(String),
    /// A claim id: a link to its row in HTML when its article is known.
    Claim {
        article: Option<String>,
        claim: String,
    },
    /// A source entry's state, in words.
    SourceState(SourceState),
    /// How far a claim is traced, in words.
    ClaimState(ClaimState),
    /// What the check of a claim against a snapshot found, in words.
    Evidence(EvidenceStatus),
    /// A severity: a badge in HTML.
    Severity(Severity),
    /// How a closed finding was closed (`resolved`, `suppressed`, `rejected`).
    Closed(&'static str),
    /// A tentative aside (a slug after a title): set apart in HTML.
    Aside(Vec<Span>),
    /// Items of one value: a plain list in HTML, `; ` between them in Markdown.
    List(Vec<Vec<Span>>),
    /// Source words a quote changed or left out, in a word diff.
    Removed(String),
    /// A quote's own words, in a word diff.
    Added(String),
    /// Why a `[[suppress]]` entry closed a finding, after `lead` (the file that says so):
    /// Markdown escapes the two as one text, HTML the reason alone as a message.
    Reason { lead: &'static str, why: String },
}

/// Our words.
fn word(s: impl Into<String>) -> Span {
    Span::Word(s.into())
}

/// Dossier text.
fn text(s: &str) -> Span {
    Span::Text(s.to_string())
}

/// The phrases of `items` one after another, with our words `sep` between them.
fn joined(items: impl IntoIterator<Item = Vec<Span>>, sep: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(word(sep));
        }
        out.extend(item);
    }
    out
}

/// Dossier texts with our words `sep` between them.
fn joined_text(items: &[String], sep: &str) -> Vec<Span> {
    joined(items.iter().map(|s| vec![text(s)]), sep)
}

/// The page's title and top heading.
pub(super) const TITLE: &str = "Sourcing audit";
/// Headings of the report's parts.
pub(super) const SUMMARY: &str = "Summary";
pub(super) const WORKLIST: &str = "Editor's worklist";
pub(super) const ARTICLES: &str = "Articles";
pub(super) const SOURCES: &str = "Sources";
pub(super) const REJECTED: &str = "Rejected";
/// Headings of the summary's tables.
pub(super) const BY_RULE: &str = "Findings by rule";
pub(super) const BY_STATE: &str = "Sources by state";
pub(super) const TRACED: &str = "Claims traced to a source with a locator";
/// Heads of the lists of findings beside an article and a source, and of checked claims.
pub(super) const ARTICLE_FINDINGS: &str = "Findings about the article as a whole";
pub(super) const SOURCE_FINDINGS: &str = "Findings";
pub(super) const CHECKED: &str = "Checked against source snapshots";
/// The head of a source's suggested claims, and its aside.
pub(super) const SUGGESTIONS: (&str, &str) = (
    "Suggestions, not yet confirmed",
    "(inferred from shared words)",
);

/// What an empty part says.
pub(super) const NO_ARTICLES: &str = "No articles.";
pub(super) const NO_SOURCES: &str = "No sources.";
pub(super) const NO_OPEN_FINDINGS: &str = "No open findings.";
pub(super) const NOTHING_TO_DO: &str = "Nothing to do: no open findings.";
pub(super) const NO_CLAIMS: &str = "No claims were extracted from this article.";
pub(super) const NOT_RELIED_ON: &str = "No claim relies on it.";
/// A table cell with nothing in it.
pub(super) const NONE: &str = "—";
/// The label of the findings table's total row.
pub(super) const ALL_RULES: &str = "All rules";

/// Column heads of the summary's and the articles' tables.
pub(super) const RULE_COLUMNS: [&str; 3] = ["Rule", "Severity", "Findings"];
pub(super) const STATE_COLUMNS: [&str; 2] = ["State", "Sources"];
pub(super) const TRACED_COLUMNS: [&str; 4] = ["Article", "Claims", "Traced", "Share"];
pub(super) const CLAIM_COLUMNS: [&str; 8] = [
    "Claim", "Kind", "Speaker", "Excerpt", "Sources", "State", "Findings", "Verdict",
];

/// `1 claim`, `2 claims`.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `Filtered to articles a, b; rules R; severity warning and above.`, or `None` when the
/// audit covers everything.
pub(super) fn filter_line(f: &Filter) -> Option<Vec<Span>> {
    let mut parts = Vec::new();
    if !f.articles.is_empty() {
        let mut p = vec![word("articles ")];
        p.extend(joined_text(&f.articles, ", "));
        parts.push(p);
    }
    if !f.rules.is_empty() {
        let r: Vec<&str> = f.rules.iter().map(|r| r.code()).collect();
        parts.push(vec![word(format!("rules {}", r.join(", ")))]);
    }
    if let Some(s) = f.min_severity {
        parts.push(vec![word(format!("severity {} and above", s.as_str()))]);
    }
    if parts.is_empty() {
        return None;
    }
    let mut out = vec![word("Filtered to ")];
    out.extend(joined(parts, "; "));
    out.push(word("."));
    Some(out)
}

/// The ids of the sources marked as demonstration data.
pub(super) fn demonstration_sources(audit: &Audit) -> BTreeSet<&str> {
    audit
        .sources
        .iter()
        .filter(|s| s.demonstration)
        .map(|s| s.id.as_str())
        .collect()
}

/// The warning atop a report whose dossier holds made-up sources (`ids`).
pub(super) fn demonstration_banner(ids: &BTreeSet<&str>) -> Vec<Span> {
    let mut s = vec![
        Span::Strong("Demonstration data.".to_string()),
        word(format!(
            " {} marked as made up (",
            plural(ids.len(), "source entry is", "source entries are")
        )),
        Span::Code("DEMONSTRATION".to_string()),
        word("): "),
    ];
    s.extend(joined(
        ids.iter().map(|id| vec![Span::Source(id.to_string())]),
        ", ",
    ));
    s.push(word(
        ". What is verified against them says nothing about any published text.",
    ));
    s
}

/// The warning on the card of a made-up source.
pub(super) fn demonstration_entry() -> Vec<Span> {
    vec![
        Span::Strong("Demonstration data".to_string()),
        word(": this entry and its snapshot are made up; they are not a published work."),
    ]
}

/// A labelled value of a card or a worklist item.
pub(super) struct Field {
    pub label: &'static str,
    pub value: Vec<Span>,
    /// True when the value says what is missing (HTML marks such a field).
    pub lacking: bool,
}

impl Field {
    /// A field with a value.
    fn of(label: &'static str, value: Vec<Span>) -> Field {
        Field {
            label,
            value,
            lacking: false,
        }
    }

    /// A field that says what is missing.
    fn lacking(label: &'static str, value: Vec<Span>) -> Field {
        Field {
            label,
            value,
            lacking: true,
        }
    }

    /// A metadata field: its value, or `missing` when it is absent or blank.
    fn given(label: &'static str, value: Option<&str>) -> Field {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => Field::of(label, vec![text(v)]),
            None => Field::lacking(label, vec![Span::Missing]),
        }
    }
}

/// A rejected claim or source entry: what it is, its words, and whose verdict rejected it
/// when and why.
pub(super) fn rejected(r: &Rejected) -> Vec<Span> {
    let mut s = vec![
        text(&r.label()),
        word(" (“"),
        text(&excerpt(&r.text, EXCERPT_CHARS)),
        word("”): "),
        Span::Code(r.review.verdict.to_string()),
        word(" by "),
        text(&r.review.by),
        word(", "),
        text(&r.review.date),
    ];
    if let Some(n) = &r.review.note {
        s.extend([word(": "), Span::ReviewNote(n.clone())]);
    }
    s
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::check::{Reviewed, Rule};
    use crate::model::review::{Review, Verdict};
    use crate::model::ClaimKind;
    use crate::report::audit::{ClaimAudit, FindingNote};

    /// A phrase as plain text, marking only what tells kinds apart: `code`, **stress**,
    /// “quotes”, and `[-removed-]`/`{+added+}` words.
    pub(in crate::report::wording) fn plain(spans: &[Span]) -> String {
        spans.iter().map(plain_span).collect()
    }

    fn plain_span(s: &Span) -> String {
        match s {
            Span::Word(t)
            | Span::Text(t)
            | Span::Prose(t)
            | Span::Message(t)
            | Span::ReviewNote(t)
            | Span::Term(t)
            | Span::Url(t)
            | Span::Source(t)
            | Span::Article(t)
            | Span::Claim { claim: t, .. } => t.clone(),
            Span::Code(t) => format!("`{t}`"),
            Span::Strong(t) => format!("**{t}**"),
            Span::Missing => "**missing**".to_string(),
            Span::Quote(t) => format!("“{t}”"),
            Span::SourceState(s) => s.label().to_string(),
            Span::ClaimState(s) => s.label().to_string(),
            Span::Evidence(s) => s.label().to_string(),
            Span::Severity(s) => s.as_str().to_string(),
            Span::Closed(w) => w.to_string(),
            Span::Aside(inner) => plain(inner),
            Span::List(items) => items
                .iter()
                .map(|i| plain(i))
                .collect::<Vec<_>>()
                .join("; "),
            Span::Removed(t) => format!("[-{t}-]"),
            Span::Added(t) => format!("{{+{t}+}}"),
            Span::Reason { lead, why } => format!("{lead}{why}"),
        }
    }

    /// A verdict's effect on a finding that was a warning.
    pub(in crate::report::wording) fn reviewed(verdict: Verdict) -> Reviewed {
        Reviewed {
            verdict,
            by: "Ed".to_string(),
            date: "2025-01-02".to_string(),
            effect: verdict.effect(),
            was: Severity::Warning,
        }
    }

    /// An open finding of `rule`.
    pub(in crate::report::wording) fn note(rule: Rule, severity: Severity) -> FindingNote {
        FindingNote {
            severity,
            rule,
            message: "no source for `q-1`".to_string(),
            review: None,
            suppressed: None,
        }
    }

    /// A quote `id` saying `text`, with no links, findings or review.
    pub(in crate::report::wording) fn claim(id: &str, text: &str) -> ClaimAudit {
        ClaimAudit {
            id: id.to_string(),
            kind: ClaimKind::Quote,
            text: text.to_string(),
            speaker: None,
            role: None,
            line: 1,
            column: 1,
            state: ClaimState::Untraced,
            links: Vec::new(),
            findings: Vec::new(),
            verdict: None,
            review: None,
            review_stale: false,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn plurals_are_singular_for_one_only() {
        assert_eq!(plural(0, "claim", "claims"), "0 claims");
        assert_eq!(plural(1, "claim", "claims"), "1 claim");
        assert_eq!(
            plural(2, "source entry is", "source entries are"),
            "2 source entries are"
        );
    }

    #[test]
    fn the_filter_line_names_what_the_audit_covers() {
        assert_eq!(filter_line(&Filter::default()), None);
        let f = Filter {
            articles: vec!["port".to_string(), "a|b".to_string()],
            rules: vec![Rule::UncitedClaim, Rule::MissingSource],
            min_severity: Some(Severity::Warning),
        };
        let line = filter_line(&f).unwrap();
        assert_eq!(
            plain(&line),
            "Filtered to articles port, a|b; rules uncited-claim, missing-source; severity warning and above."
        );
        // Slugs are the dossier's text, to be escaped; the rest is ours.
        assert!(line.contains(&Span::Text("a|b".to_string())));
        let only = Filter {
            min_severity: Some(Severity::Error),
            ..Filter::default()
        };
        assert_eq!(
            plain(&filter_line(&only).unwrap()),
            "Filtered to severity error and above."
        );
    }

    #[test]
    fn the_demonstration_banner_counts_and_links_the_made_up_sources() {
        let one: BTreeSet<&str> = ["harbour"].into_iter().collect();
        assert_eq!(
            plain(&demonstration_banner(&one)),
            "**Demonstration data.** 1 source entry is marked as made up (`DEMONSTRATION`): harbour. What is verified against them says nothing about any published text."
        );
        let two: BTreeSet<&str> = ["b", "a"].into_iter().collect();
        let banner = demonstration_banner(&two);
        assert!(plain(&banner)
            .contains(" 2 source entries are marked as made up (`DEMONSTRATION`): a, b. "));
        assert!(banner.contains(&Span::Source("a".to_string())));
        assert_eq!(
            plain(&demonstration_entry()),
            "**Demonstration data**: this entry and its snapshot are made up; they are not a published work."
        );
    }

    #[test]
    fn a_rejected_item_says_who_rejected_it_when_and_why() {
        let mut review = Review::new(Verdict::NotAClaim, "Ed", "2025-01-02");
        let mut r = Rejected {
            article: Some("port".to_string()),
            id: "q-1".to_string(),
            text: "We will   double it".to_string(),
            review: review.clone(),
        };
        assert_eq!(
            plain(&rejected(&r)),
            "claim port/q-1 (“We will double it”): `not-a-claim` by Ed, 2025-01-02"
        );
        review.note = Some("a `title`".to_string());
        r.review = review;
        r.article = None;
        let s = rejected(&r);
        assert_eq!(
            plain(&s),
            "source q-1 (“We will double it”): `not-a-claim` by Ed, 2025-01-02: a `title`"
        );
        assert_eq!(s.last(), Some(&Span::ReviewNote("a `title`".to_string())));
    }

    #[test]
    fn a_field_without_a_value_says_missing() {
        let f = Field::given("Title", Some("  "));
        assert!(f.lacking);
        assert_eq!(plain(&f.value), "**missing**");
        let f = Field::given("Title", Some("Port"));
        assert!(!f.lacking);
        assert_eq!(f.value, vec![Span::Text("Port".to_string())]);
    }
}
