//! The audit as CommonMark with GFM tables: summary, editor's worklist, articles, sources.
//!
//! Every piece of article or YAML text goes through [`escape`], so it renders as the words it
//! is and never as markup. The document holds no HTML at all.

mod escape;
mod evidence;
mod rejected;

use super::audit::{
    how_label, ArticleAudit, Audit, ClaimAudit, ClaimUse, FindingNote, LinkAudit, SourceAudit,
    SourceState, TracedShare, WorkItem, EXCERPT_CHARS,
};
use crate::check::Severity;
use crate::link::How;

/// Cells of a text bar.
const BAR_CELLS: u32 = 10;

/// Render the audit as Markdown.
pub fn render_markdown(audit: &Audit) -> String {
    let mut md = Md::default();
    md.line("# Sourcing audit");
    md.blank();
    if let Some(f) = filter_line(audit) {
        md.line(&f);
        md.blank();
    }
    let demo = demonstration_sources(audit);
    if !demo.is_empty() {
        let ids: Vec<String> = demo.iter().map(|id| escape::text(id)).collect();
        md.line(&format!(
            "> **Demonstration data.** {} marked as made up (`DEMONSTRATION`): {}. What is verified against them says nothing about any published text.",
            plural(demo.len(), "source entry is", "source entries are"),
            ids.join(", ")
        ));
        md.blank();
    }
    summary(&mut md, audit);
    worklist(&mut md, &audit.worklist);
    md.line("## Articles");
    md.blank();
    if audit.articles.is_empty() {
        md.line("No articles.");
        md.blank();
    }
    for a in &audit.articles {
        article(&mut md, a, &demo);
    }
    md.line("## Sources");
    md.blank();
    if audit.sources.is_empty() {
        md.line("No sources.");
        md.blank();
    }
    for s in &audit.sources {
        source(&mut md, s);
    }
    rejected::section(&mut md, &audit.rejected());
    let mut out = md.0;
    // One final newline.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The ids of the sources marked as demonstration data.
fn demonstration_sources(audit: &Audit) -> std::collections::BTreeSet<&str> {
    audit
        .sources
        .iter()
        .filter(|s| s.demonstration)
        .map(|s| s.id.as_str())
        .collect()
}

#[derive(Default)]
struct Md(String);

impl Md {
    fn line(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }

    /// A GFM table; cells must already be escaped.
    fn table(&mut self, header: &[&str], right: &[bool], rows: &[Vec<String>]) {
        self.line(&format!("| {} |", header.join(" | ")));
        let rule: Vec<&str> = (0..header.len())
            .map(|i| {
                if right.get(i).copied().unwrap_or(false) {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        self.line(&format!("|{}|", rule.join("|")));
        for r in rows {
            self.line(&format!("| {} |", r.join(" | ")));
        }
        self.blank();
    }
}

fn filter_line(audit: &Audit) -> Option<String> {
    let f = &audit.filter;
    let mut parts = Vec::new();
    if !f.articles.is_empty() {
        let a: Vec<String> = f.articles.iter().map(|a| escape::text(a)).collect();
        parts.push(format!("articles {}", a.join(", ")));
    }
    if !f.rules.is_empty() {
        let r: Vec<&str> = f.rules.iter().map(|r| r.code()).collect();
        parts.push(format!("rules {}", r.join(", ")));
    }
    if let Some(s) = f.min_severity {
        parts.push(format!("severity {} and above", s.as_str()));
    }
    (!parts.is_empty()).then(|| format!("Filtered to {}.", parts.join("; ")))
}

/// `█████░░░░░ 50%`, or `n/a` without claims.
fn bar(t: &TracedShare) -> String {
    match t.percent {
        None => "n/a".to_string(),
        Some(p) => {
            let full = t.filled(BAR_CELLS) as usize;
            format!(
                "{}{} {p}%",
                "█".repeat(full),
                "░".repeat(BAR_CELLS as usize - full)
            )
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(md: &mut Md, audit: &Audit) {
    let s = &audit.summary;
    md.line("## Summary");
    md.blank();
    md.table(
        &[
            "Articles",
            "Claims",
            "Quotes",
            "Reported",
            "Assertions",
            "References",
            "Sources",
            "Findings",
        ],
        &[true; 8],
        &[vec![
            s.articles.to_string(),
            s.claims.total.to_string(),
            s.claims.quote.to_string(),
            s.claims.reported.to_string(),
            s.claims.assertion.to_string(),
            s.references.to_string(),
            s.sources.total.to_string(),
            s.findings.total.to_string(),
        ]],
    );

    md.line("### Findings by rule");
    md.blank();
    if s.findings.by_rule.is_empty() {
        md.line("No open findings.");
        md.blank();
    } else {
        let mut rows: Vec<Vec<String>> = s
            .findings
            .by_rule
            .iter()
            .map(|r| {
                vec![
                    r.rule.code().to_string(),
                    r.severity.as_str().to_string(),
                    r.count.to_string(),
                ]
            })
            .collect();
        rows.push(vec![
            "**All rules**".to_string(),
            format!(
                "{}, {}, {}",
                plural(s.findings.errors, "error", "errors"),
                plural(s.findings.warnings, "warning", "warnings"),
                plural(s.findings.notes, "note", "notes")
            ),
            format!("**{}**", s.findings.total),
        ]);
        md.table(
            &["Rule", "Severity", "Findings"],
            &[false, false, true],
            &rows,
        );
    }

    md.line("### Sources by state");
    md.blank();
    let c = &s.sources;
    let rows: Vec<Vec<String>> = [
        (SourceState::Verified, c.verified),
        (SourceState::NoLocator, c.no_locator),
        (SourceState::Missing, c.missing),
        (SourceState::Unreadable, c.unreadable),
    ]
    .into_iter()
    .map(|(state, n)| vec![state.label().to_string(), n.to_string()])
    .collect();
    md.table(&["State", "Sources"], &[false, true], &rows);

    md.line("### Claims traced to a source with a locator");
    md.blank();
    if s.traced.is_empty() {
        md.line("No articles.");
        md.blank();
    } else {
        let rows: Vec<Vec<String>> = s
            .traced
            .iter()
            .map(|t| {
                let name = match &t.title {
                    Some(title) => {
                        format!("{} ({})", escape::text(title), escape::text(&t.article))
                    }
                    None => escape::cell(&t.article),
                };
                vec![name, t.claims.to_string(), t.traced.to_string(), bar(t)]
            })
            .collect();
        md.table(
            &["Article", "Claims", "Traced", "Share"],
            &[false, true, true, false],
            &rows,
        );
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Note => "Note",
    }
}

fn worklist(md: &mut Md, items: &[WorkItem]) {
    md.line("## Editor's worklist");
    md.blank();
    if items.is_empty() {
        md.line("Nothing to do: no open findings.");
        md.blank();
        return;
    }
    md.line(&format!(
        "{}, errors first, then in article order.",
        plural(items.len(), "open finding", "open findings")
    ));
    md.blank();
    for (n, it) in items.iter().enumerate() {
        let marker = format!("{}. ", n + 1);
        let pad = " ".repeat(marker.len());
        let mut what = Vec::new();
        if let Some(c) = &it.claim {
            what.push(format!("claim {}", escape::text(c)));
        }
        if let Some(s) = &it.source {
            what.push(format!("source {}", escape::text(s)));
        }
        if let Some(a) = &it.article {
            what.push(format!("in {}", escape::text(a)));
        }
        let mut head = format!(
            "{marker}**{}** · {}",
            severity_word(it.severity),
            it.rule.code()
        );
        if !what.is_empty() {
            head.push_str(&format!(" · {}", what.join(" ")));
        }
        md.line(&head);
        let mut at = format!(
            "{}:{}:{}",
            escape::text(&it.at.file),
            it.at.line,
            it.at.column
        );
        if let Some(r) = &it.article_at {
            at.push_str(&format!(
                " (article {} line {})",
                escape::text(&r.file),
                r.line
            ));
        }
        md.line(&format!("{pad}- Where: {at}"));
        if let Some(e) = &it.excerpt {
            md.line(&format!("{pad}- Excerpt: “{}”", escape::text(e)));
        }
        md.line(&format!("{pad}- Problem: {}", escape::text(&it.message)));
        md.line(&format!("{pad}- Fix: {}", escape::prose(&it.help)));
        if let Some(r) = &it.review {
            md.line(&format!("{pad}- Reviewed: {}", reviewed(r)));
        }
    }
    md.blank();
}

fn field(md: &mut Md, name: &str, value: Option<&str>) {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => md.line(&format!("- {name}: {}", escape::text(v))),
        None => md.line(&format!("- {name}: **missing**")),
    }
}

fn note(n: &FindingNote) -> String {
    let mut s = format!(
        "**{}** · {}: {}",
        n.severity.as_str(),
        n.rule.code(),
        escape::text(&n.message)
    );
    if let Some(r) = &n.review {
        s.push_str(&format!(" ({})", reviewed(r)));
    }
    if let Some(why) = &n.suppressed {
        s.push_str(&format!(
            " (suppressed in dossier.toml: {})",
            escape::text(why)
        ));
    }
    s
}

/// What a verdict did to a finding, in words.
fn reviewed(r: &crate::check::Reviewed) -> String {
    let did = super::audit::verdict_effect(r);
    format!(
        "{did} by the verdict `{}` of {}, {}",
        r.verdict,
        escape::text(&r.by),
        escape::text(&r.date)
    )
}

fn article(md: &mut Md, a: &ArticleAudit, demo: &std::collections::BTreeSet<&str>) {
    let heading = a.title.as_deref().unwrap_or(&a.slug);
    md.line(&format!("### {}", escape::text(heading)));
    md.blank();
    md.line(&format!("- Slug: {}", escape::text(&a.slug)));
    md.line(&format!("- Article: {}", escape::text(&a.path)));
    md.line(&format!("- Claim file: {}", escape::text(&a.claim_file)));
    field(md, "Title", a.title.as_deref());
    field(md, "Author", a.author.as_deref());
    field(md, "Date", a.date.as_deref());
    field(md, "Outlet", a.outlet.as_deref());
    if !a.missing.is_empty() {
        let m: Vec<String> = a.missing.iter().map(|m| escape::text(m)).collect();
        md.line(&format!("- Missing: {}", m.join(", ")));
    }
    md.line(&format!("- References: {}", a.references));
    md.line(&format!(
        "- Traced: {} ({} of {})",
        bar(&a.traced),
        a.traced.traced,
        plural(a.traced.claims, "claim", "claims")
    ));
    md.blank();
    if !a.findings.is_empty() {
        md.line("Findings about the article as a whole:");
        md.blank();
        for n in &a.findings {
            md.line(&format!("- {}", note(n)));
        }
        md.blank();
    }
    if a.claims.is_empty() {
        md.line("No claims were extracted from this article.");
        md.blank();
        return;
    }
    let rows: Vec<Vec<String>> = a.claims.iter().map(claim_row).collect();
    md.table(
        &[
            "Claim", "Kind", "Speaker", "Excerpt", "Sources", "State", "Findings", "Verdict",
        ],
        &[],
        &rows,
    );
    evidence::evidence(md, a, demo);
}

fn link_cell(l: &LinkAudit) -> String {
    let mut how = how_label(l.how).to_string();
    if let Some(score) = l.score.filter(|_| l.how == How::Inferred) {
        how.push_str(&format!(" {score:.2}"));
    }
    let mut notes = vec![format!("{how}, {}", escape::text(&l.reference))];
    if !l.confirmed {
        notes.push("not yet confirmed".to_string());
    } else if l.source_state != SourceState::Verified {
        notes.push(l.source_state.label().to_string());
    }
    format!("{} ({})", escape::text(&l.source), notes.join("; "))
}

fn claim_row(c: &ClaimAudit) -> Vec<String> {
    let speaker = match (&c.speaker, &c.role) {
        (Some(s), Some(r)) => format!("{}, {}", escape::text(s), escape::text(r)),
        (Some(s), None) => escape::cell(s),
        (None, _) => "—".to_string(),
    };
    let sources = if c.links.is_empty() {
        "—".to_string()
    } else {
        c.links.iter().map(link_cell).collect::<Vec<_>>().join("; ")
    };
    let findings = if c.findings.is_empty() {
        "—".to_string()
    } else {
        c.findings
            .iter()
            .map(|f| {
                if let Some(why) = &f.suppressed {
                    format!(
                        "suppressed {} ({})",
                        f.rule.code(),
                        escape::cell(&format!("dossier.toml: {why}"))
                    )
                } else if f.resolved() {
                    format!("{} {}", f.closed_as(), f.rule.code())
                } else {
                    format!("{} {}", f.severity.as_str(), f.rule.code())
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        escape::cell(&c.id),
        c.kind.as_str().to_string(),
        speaker,
        escape::short(&c.text, EXCERPT_CHARS),
        sources,
        c.state.label().to_string(),
        findings,
        c.verdict.as_deref().map_or("—".to_string(), escape::cell),
    ]
}

fn claim_use(u: &ClaimUse) -> String {
    let mut how = format!("{}, {}", how_label(u.how), escape::text(&u.reference));
    if let Some(score) = u.score.filter(|_| u.how == How::Inferred) {
        how.push_str(&format!(", score {score:.2}"));
    }
    format!(
        "- {} · {} ({how}): “{}”",
        escape::text(&u.article),
        escape::text(&u.claim),
        escape::text(&u.excerpt)
    )
}

fn source(md: &mut Md, s: &SourceAudit) {
    md.line(&format!("### {}", escape::text(&s.id)));
    md.blank();
    if s.demonstration {
        md.line("**Demonstration data**: this entry and its snapshot are made up; they are not a published work.");
        md.blank();
    }
    md.line(&format!("- State: {}", s.state.label()));
    match &s.file {
        Some(f) => md.line(&format!("- Entry: {}", escape::text(f))),
        None => md.line(&format!(
            "- Entry: **missing** (no sources/{}.yaml)",
            escape::text(&s.id)
        )),
    }
    if s.file.is_some() {
        if let Some(k) = &s.kind {
            md.line(&format!("- Type: {}", escape::text(k)));
        }
        field(md, "Title", s.title.as_deref());
        if !s.authors.is_empty() {
            let a: Vec<String> = s.authors.iter().map(|a| escape::text(a)).collect();
            md.line(&format!("- Author: {}", a.join("; ")));
        }
        field(md, "Date", s.date.as_deref());
        field(md, "Publisher", s.publisher.as_deref());
        for (name, value) in [("URL", &s.url), ("Archived copy", &s.archive_url)] {
            if let Some(u) = value {
                md.line(&format!("- {name}: {}", escape::url(u)));
            }
        }
        if let Some(d) = &s.doi {
            md.line(&format!("- DOI: {}", escape::text(d)));
        }
        if let Some(p) = &s.snapshot {
            md.line(&format!("- Snapshot: {}", escape::text(p)));
        }
        if !s.cited_as.is_empty() {
            let c: Vec<String> = s
                .cited_as
                .iter()
                .map(|c| format!("“{}”", escape::text(c)))
                .collect();
            md.line(&format!("- Cited as: {}", c.join("; ")));
        }
        for n in &s.notes {
            md.line(&format!("- Editor's note: {}", escape::text(n)));
        }
        if let Some(r) = &s.review {
            let stale = if s.review_stale {
                " — stale: the entry changed since"
            } else {
                ""
            };
            md.line(&format!(
                "- Verdict: {} ({}, {}){stale}",
                r.verdict,
                escape::text(&r.by),
                escape::text(&r.date)
            ));
        }
    }
    if s.missing.is_empty() {
        md.line("- Missing: nothing");
    } else {
        let m: Vec<String> = s.missing.iter().map(|m| escape::text(m)).collect();
        md.line(&format!("- Missing: {}", m.join(", ")));
    }
    if !s.cited_by.is_empty() {
        let c: Vec<String> = s.cited_by.iter().map(|c| escape::text(c)).collect();
        md.line(&format!("- Cited by: {}", c.join(", ")));
    }
    md.blank();
    if !s.findings.is_empty() {
        md.line("Findings:");
        md.blank();
        for n in &s.findings {
            md.line(&format!("- {}", note(n)));
        }
        md.blank();
    }
    if s.relied_on_by.is_empty() {
        md.line("No claim relies on it.");
        md.blank();
    } else {
        md.line(&format!(
            "Relied on by {}:",
            plural(s.relied_on_by.len(), "claim", "claims")
        ));
        md.blank();
        for u in &s.relied_on_by {
            md.line(&claim_use(u));
        }
        md.blank();
    }
    if !s.suggested_for.is_empty() {
        md.line("Suggestions, not yet confirmed (inferred from shared words):");
        md.blank();
        for u in &s.suggested_for {
            md.line(&claim_use(u));
        }
        md.blank();
    }
}
