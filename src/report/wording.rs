//! The words of the editor's audit, written once for both reports: every heading, label,
//! sentence and phrase that the Markdown and the HTML renderer share.
//!
//! A phrase is a list of [`Span`]s, each saying what kind of piece it is (our own words,
//! text from the dossier, a code, a link to a source, a state); each renderer escapes and marks
//! up every kind its own way. The renderers decide markup only: tables, bars, badges, anchors.

use super::audit::{
    how_label, passage_caption, verdict_effect, ArticleAudit, Audit, ClaimAudit, ClaimState,
    ClaimUse, Evidence, EvidenceStatus, Filter, FindingCounts, FindingNote, LinkAudit, Rejected,
    SourceAudit, SourceCounts, SourceState, Summary, TracedShare, WorkItem, EXCERPT_CHARS,
};
use crate::check::{Reviewed, Severity};
use crate::evidence::verify::{EvidencePassage, Original};
use crate::evidence::{DiffKind, DiffPart};
use crate::link::How;
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

/// One of the summary's counts: its number, its column head and its label under the number.
pub(super) struct Count {
    pub n: usize,
    pub column: &'static str,
    pub label: &'static str,
}

/// The summary's counts, in the order both reports give them.
pub(super) fn counts(s: &Summary) -> [Count; 8] {
    let c = |n, column, label| Count { n, column, label };
    [
        c(s.articles, "Articles", "articles"),
        c(s.claims.total, "Claims", "claims"),
        c(s.claims.quote, "Quotes", "quotes"),
        c(s.claims.reported, "Reported", "reported"),
        c(s.claims.assertion, "Assertions", "assertions"),
        c(s.references, "References", "references"),
        c(s.sources.total, "Sources", "sources"),
        c(s.findings.total, "Findings", "open findings"),
    ]
}

/// `1 error, 2 warnings, 0 notes`.
pub(super) fn severity_totals(f: &FindingCounts) -> String {
    format!(
        "{}, {}, {}",
        plural(f.errors, "error", "errors"),
        plural(f.warnings, "warning", "warnings"),
        plural(f.notes, "note", "notes")
    )
}

/// How many sources are in each state, in the order of the summary's table.
pub(super) fn source_states(c: &SourceCounts) -> [(SourceState, usize); 4] {
    [
        (SourceState::Verified, c.verified),
        (SourceState::NoLocator, c.no_locator),
        (SourceState::Missing, c.missing),
        (SourceState::Unreadable, c.unreadable),
    ]
}

/// An article in the traced-share table: its title with its slug aside, or its slug.
pub(super) fn traced_name(t: &TracedShare) -> Vec<Span> {
    match &t.title {
        Some(title) => vec![
            text(title),
            word(" "),
            Span::Aside(vec![word("("), text(&t.article), word(")")]),
        ],
        None => vec![text(&t.article)],
    }
}

/// `3 of 4 claims`: how many of an article's claims are traced.
pub(super) fn traced_count(t: &TracedShare) -> String {
    format!("{} of {}", t.traced, plural(t.claims, "claim", "claims"))
}

/// The line above the worklist.
pub(super) fn worklist_lede(n: usize) -> String {
    format!(
        "{}, errors first, then in article order.",
        plural(n, "open finding", "open findings")
    )
}

/// What a worklist item is about: `claim ID`, `source ID`, `in ARTICLE`, those it has.
pub(super) fn work_subject(it: &WorkItem) -> Vec<Vec<Span>> {
    let mut what = Vec::new();
    if let Some(c) = &it.claim {
        what.push(vec![
            word("claim "),
            Span::Claim {
                article: it.article.clone(),
                claim: c.clone(),
            },
        ]);
    }
    if let Some(s) = &it.source {
        what.push(vec![word("source "), Span::Source(s.clone())]);
    }
    if let Some(a) = &it.article {
        what.push(vec![word("in "), Span::Article(a.clone())]);
    }
    what
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

/// A worklist item's fields: where, the excerpt, the problem, the fix and any verdict.
pub(super) fn work_fields(it: &WorkItem) -> Vec<Field> {
    // The line and column are part of the location's text (HTML writes its colons as
    // entities, as in any text).
    let mut at = vec![
        text(&it.at.file),
        text(&format!(":{}:{}", it.at.line, it.at.column)),
    ];
    if let Some(r) = &it.article_at {
        at.extend([
            word(" (article "),
            text(&r.file),
            word(format!(" line {})", r.line)),
        ]);
    }
    let mut f = vec![Field::of("Where", at)];
    if let Some(e) = &it.excerpt {
        f.push(Field::of("Excerpt", vec![Span::Quote(e.clone())]));
    }
    f.push(Field::of(
        "Problem",
        vec![Span::Message(it.message.clone())],
    ));
    f.push(Field::of("Fix", vec![Span::Prose(it.help.clone())]));
    if let Some(r) = &it.review {
        f.push(Field::of("Reviewed", reviewed(r)));
    }
    f
}

/// What a verdict did to a finding, and whose verdict it was.
pub(super) fn reviewed(r: &Reviewed) -> Vec<Span> {
    vec![
        word(format!("{} by the verdict ", verdict_effect(r))),
        Span::Code(r.verdict.to_string()),
        word(" of "),
        text(&r.by),
        word(", "),
        text(&r.date),
    ]
}

/// A finding beside an article or a source, after its severity and rule: the message, the
/// verdict that changed it and the suppression that closed it.
pub(super) fn note_detail(n: &FindingNote) -> Vec<Span> {
    let mut s = vec![Span::Message(n.message.clone())];
    if let Some(r) = &n.review {
        s.push(word(" ("));
        s.extend(reviewed(r));
        s.push(word(")"));
    }
    if let Some(why) = &n.suppressed {
        s.extend([
            word(" (suppressed in dossier.toml: "),
            Span::Message(why.clone()),
            word(")"),
        ]);
    }
    s
}

/// How a finding is marked: how it was closed, or its severity while open.
pub(super) fn finding_mark(n: &FindingNote) -> Span {
    if n.resolved() {
        Span::Closed(n.closed_as())
    } else {
        Span::Severity(n.severity)
    }
}

/// A finding in a claim's row: its mark, its rule and the reason it was suppressed.
pub(super) fn claim_finding(n: &FindingNote) -> Vec<Span> {
    let mut s = vec![finding_mark(n), word(" "), Span::Term(n.rule.code().into())];
    if let Some(why) = &n.suppressed {
        s.extend([
            word(" ("),
            Span::Reason {
                lead: "dossier.toml: ",
                why: why.clone(),
            },
            word(")"),
        ]);
    }
    s
}

/// The findings in a claim's row: a list of them, or nothing.
pub(super) fn claim_findings(c: &ClaimAudit) -> Vec<Span> {
    if c.findings.is_empty() {
        return vec![word(NONE)];
    }
    vec![Span::List(c.findings.iter().map(claim_finding).collect())]
}

/// What an article is headed by: its title, or its slug.
pub(super) fn article_heading(a: &ArticleAudit) -> &str {
    a.title.as_deref().unwrap_or(&a.slug)
}

/// An article card's fields, from its slug to its references.
pub(super) fn article_fields(a: &ArticleAudit) -> Vec<Field> {
    let mut f = vec![
        Field::of("Slug", vec![text(&a.slug)]),
        Field::of("Article", vec![text(&a.path)]),
        Field::of("Claim file", vec![text(&a.claim_file)]),
        Field::given("Title", a.title.as_deref()),
        Field::given("Author", a.author.as_deref()),
        Field::given("Date", a.date.as_deref()),
        Field::given("Outlet", a.outlet.as_deref()),
    ];
    if !a.missing.is_empty() {
        f.push(Field::lacking("Missing", joined_text(&a.missing, ", ")));
    }
    f.push(Field::of(
        "References",
        vec![word(a.references.to_string())],
    ));
    f
}

/// Who said a claim (`speaker, role`), when it is known.
pub(super) fn speaker(c: &ClaimAudit) -> Option<Vec<Span>> {
    let s = c.speaker.as_deref()?;
    Some(match &c.role {
        Some(r) => vec![text(s), word(", "), text(r)],
        None => vec![text(s)],
    })
}

/// The score of an inferred link after `lead` (`" 0.42"`); nothing for any other link.
fn score(how: How, score: Option<f64>, lead: &str) -> String {
    score
        .filter(|_| how == How::Inferred)
        .map(|s| format!("{lead}{s:.2}"))
        .unwrap_or_default()
}

/// A claim's link to a source: the source, how and through which reference it was made,
/// and what is doubtful about it.
pub(super) fn link(l: &LinkAudit) -> Vec<Span> {
    let mut s = vec![
        Span::Source(l.source.clone()),
        word(format!(
            " ({}{}, ",
            how_label(l.how),
            score(l.how, l.score, " ")
        )),
        text(&l.reference),
    ];
    if !l.confirmed {
        s.push(word("; not yet confirmed"));
    } else if l.source_state != SourceState::Verified {
        s.push(word(format!("; {}", l.source_state.label())));
    }
    s.push(word(")"));
    s
}

/// The claims of an article checked against snapshots, each with one check.
pub(super) fn checked(a: &ArticleAudit) -> Vec<(&ClaimAudit, &Evidence)> {
    a.claims
        .iter()
        .flat_map(|c| c.evidence.iter().map(move |e| (c, e)))
        .collect()
}

/// A claim checked against a snapshot, in parts the renderer arranges (each marks a
/// made-up source its own way): `LEAD (DETAILS): WORDS`.
pub(super) struct CheckedLine {
    /// `ID · STATUS in SOURCE`.
    pub lead: Vec<Span>,
    /// The snapshot, how many of the words match and the languages of a translation.
    pub details: Vec<Span>,
    /// The claim's words, quoted.
    pub words: Vec<Span>,
}

/// The line of one check of a claim against a snapshot.
pub(super) fn checked_line(c: &ClaimAudit, e: &Evidence) -> CheckedLine {
    let mut details = vec![text(&e.snapshot)];
    if let Some(s) = e.similarity {
        details.push(word(format!(", {:.0}% of the words", s * 100.0)));
    }
    if let Some(l) = &e.languages {
        use crate::evidence::language::name_of;
        details.extend([
            word(", a quote in "),
            text(name_of(&l.quote)),
            word(" of a source in "),
            text(name_of(&l.source)),
        ]);
    }
    CheckedLine {
        lead: vec![
            text(&c.id),
            word(" · "),
            Span::Evidence(e.status),
            word(" in "),
            text(&e.source),
        ],
        details,
        words: vec![word("“"), text(&excerpt(&c.text, EXCERPT_CHARS)), word("”")],
    }
}

/// A word diff from a source's passage to a quote, after its legend.
pub(super) fn word_diff(parts: &[DiffPart]) -> Vec<Span> {
    let mut s = vec![
        word("word diff ("),
        Span::Removed("source".to_string()),
        word(" "),
        Span::Added("quote".to_string()),
        word("): "),
    ];
    s.extend(joined(
        parts.iter().map(|p| {
            vec![match p.kind {
                DiffKind::Same | DiffKind::Inserted => text(&p.text),
                DiffKind::Source => Span::Removed(p.text.clone()),
                DiffKind::Quote => Span::Added(p.text.clone()),
                DiffKind::Omitted => text("[…]"),
            }]
        }),
        " ",
    ));
    s
}

/// A passage of a snapshot, introduced by what it is to the claim.
pub(super) fn passage(status: EvidenceStatus, p: &EvidencePassage) -> Vec<Span> {
    vec![
        word(format!("{}: “", passage_caption(status, p))),
        text(&p.text),
        word("”"),
    ]
}

/// The original a review records for a translation, which the snapshot does not hold.
pub(super) fn original_missing(o: &Original) -> Vec<Span> {
    vec![
        word("the original the review records is "),
        Span::Strong("not in the snapshot".to_string()),
        word(": “"),
        text(&o.text),
        word("”"),
    ]
}

/// A source card's fields, from its state to the articles that cite it.
pub(super) fn source_fields(s: &SourceAudit) -> Vec<Field> {
    let mut f = vec![Field::of("State", vec![Span::SourceState(s.state)])];
    f.push(match &s.file {
        Some(file) => Field::of("Entry", vec![text(file)]),
        None => Field::lacking(
            "Entry",
            vec![
                Span::Missing,
                word(" (no sources/"),
                text(&s.id),
                word(".yaml)"),
            ],
        ),
    });
    if s.file.is_some() {
        f.extend(entry_fields(s));
    }
    f.push(if s.missing.is_empty() {
        Field::of("Missing", vec![word("nothing")])
    } else {
        Field::lacking("Missing", joined_text(&s.missing, ", "))
    });
    if !s.cited_by.is_empty() {
        let by = s.cited_by.iter().map(|c| vec![Span::Article(c.clone())]);
        f.push(Field::of("Cited by", joined(by, ", ")));
    }
    f
}

/// The fields of an existing source entry: what it says, its notes and its verdict.
fn entry_fields(s: &SourceAudit) -> Vec<Field> {
    let mut f = Vec::new();
    if let Some(k) = &s.kind {
        f.push(Field::of("Type", vec![text(k)]));
    }
    f.push(Field::given("Title", s.title.as_deref()));
    if !s.authors.is_empty() {
        f.push(Field::of("Author", joined_text(&s.authors, "; ")));
    }
    f.push(Field::given("Date", s.date.as_deref()));
    f.push(Field::given("Publisher", s.publisher.as_deref()));
    for (label, value) in [("URL", &s.url), ("Archived copy", &s.archive_url)] {
        if let Some(u) = value {
            f.push(Field::of(label, vec![Span::Url(u.clone())]));
        }
    }
    if let Some(d) = &s.doi {
        f.push(Field::of("DOI", vec![text(d)]));
    }
    if let Some(p) = &s.snapshot {
        f.push(Field::of("Snapshot", vec![text(p)]));
    }
    if !s.cited_as.is_empty() {
        let quoted = s.cited_as.iter().map(|c| vec![Span::Quote(c.clone())]);
        f.push(Field::of("Cited as", vec![Span::List(quoted.collect())]));
    }
    for n in &s.notes {
        f.push(Field::of("Editor's note", vec![text(n)]));
    }
    if let Some(r) = &s.review {
        let mut v = vec![
            Span::Term(r.verdict.to_string()),
            word(" ("),
            text(&r.by),
            word(", "),
            text(&r.date),
            word(")"),
        ];
        if s.review_stale {
            v.push(word(" — stale: the entry changed since"));
        }
        f.push(Field::of("Verdict", v));
    }
    f
}

/// The head of the claims that rely on a source: `Relied on by 2 claims`.
pub(super) fn relied_on(n: usize) -> String {
    format!("Relied on by {}", plural(n, "claim", "claims"))
}

/// A claim's use of a source: the article, the claim, how it links, and its words.
pub(super) fn claim_use(u: &ClaimUse) -> Vec<Span> {
    vec![
        Span::Article(u.article.clone()),
        word(" · "),
        Span::Claim {
            article: Some(u.article.clone()),
            claim: u.claim.clone(),
        },
        word(format!(" ({}, ", how_label(u.how))),
        text(&u.reference),
        word(format!("{}): ", score(u.how, u.score, ", score "))),
        Span::Quote(u.excerpt.clone()),
    ]
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
