//! The audit as CommonMark with GFM tables: summary, editor's worklist, articles, sources.
//!
//! Every piece of article or YAML text goes through [`escape`], so it renders as the words it
//! is and never as markup. The document holds no HTML at all. The words are the shared
//! [`wording`](super::wording)'s; this module decides their Markdown.

mod escape;
mod evidence;
mod rejected;
mod spans;

use super::audit::{
    ArticleAudit, Audit, ClaimAudit, FindingCounts, FindingNote, SourceAudit, TracedShare,
    WorkItem, EXCERPT_CHARS,
};
use super::wording as w;
use crate::check::Severity;
use spans::{cell, field, render};
use std::collections::BTreeSet;

/// Cells of a text bar.
const BAR_CELLS: u32 = 10;

/// Render the audit as Markdown.
pub fn render_markdown(audit: &Audit) -> String {
    let mut md = Md::default();
    md.heading(1, w::TITLE);
    if let Some(f) = w::filter_line(&audit.filter) {
        md.para(&render(&f));
    }
    let demo = w::demonstration_sources(audit);
    if !demo.is_empty() {
        md.para(&format!("> {}", render(&w::demonstration_banner(&demo))));
    }
    summary(&mut md, audit);
    worklist(&mut md, &audit.worklist);
    md.heading(2, w::ARTICLES);
    if audit.articles.is_empty() {
        md.para(w::NO_ARTICLES);
    }
    for a in &audit.articles {
        article(&mut md, a, &demo);
    }
    md.heading(2, w::SOURCES);
    if audit.sources.is_empty() {
        md.para(w::NO_SOURCES);
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

    /// A heading of `level` (its text already escaped), then a blank line.
    fn heading(&mut self, level: usize, text: &str) {
        self.line(&format!("{} {text}", "#".repeat(level)));
        self.blank();
    }

    /// A paragraph of one line, then a blank line.
    fn para(&mut self, text: &str) {
        self.line(text);
        self.blank();
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

fn summary(md: &mut Md, audit: &Audit) {
    let s = &audit.summary;
    md.heading(2, w::SUMMARY);
    let counts = w::counts(s);
    let header: Vec<&str> = counts.iter().map(|c| c.column).collect();
    let row: Vec<String> = counts.iter().map(|c| c.n.to_string()).collect();
    md.table(&header, &[true; 8], &[row]);
    findings_by_rule(md, &s.findings);
    md.heading(3, w::BY_STATE);
    let rows: Vec<Vec<String>> = w::source_states(&s.sources)
        .into_iter()
        .map(|(state, n)| vec![state.label().to_string(), n.to_string()])
        .collect();
    md.table(&w::STATE_COLUMNS, &[false, true], &rows);
    traced(md, &s.traced);
}

/// The table of open findings by rule, with a total row.
fn findings_by_rule(md: &mut Md, f: &FindingCounts) {
    md.heading(3, w::BY_RULE);
    if f.by_rule.is_empty() {
        md.para(w::NO_OPEN_FINDINGS);
        return;
    }
    let mut rows: Vec<Vec<String>> = f
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
        format!("**{}**", w::ALL_RULES),
        w::severity_totals(f),
        format!("**{}**", f.total),
    ]);
    md.table(&w::RULE_COLUMNS, &[false, false, true], &rows);
}

/// The table of each article's traced share.
fn traced(md: &mut Md, traced: &[TracedShare]) {
    md.heading(3, w::TRACED);
    if traced.is_empty() {
        md.para(w::NO_ARTICLES);
        return;
    }
    let rows: Vec<Vec<String>> = traced
        .iter()
        .map(|t| {
            vec![
                cell(&w::traced_name(t)),
                t.claims.to_string(),
                t.traced.to_string(),
                bar(t),
            ]
        })
        .collect();
    md.table(&w::TRACED_COLUMNS, &[false, true, true, false], &rows);
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Note => "Note",
    }
}

fn worklist(md: &mut Md, items: &[WorkItem]) {
    md.heading(2, w::WORKLIST);
    if items.is_empty() {
        md.para(w::NOTHING_TO_DO);
        return;
    }
    md.para(&w::worklist_lede(items.len()));
    for (n, it) in items.iter().enumerate() {
        let marker = format!("{}. ", n + 1);
        let pad = " ".repeat(marker.len());
        let mut head = format!(
            "{marker}**{}** · {}",
            severity_word(it.severity),
            it.rule.code()
        );
        let what: Vec<String> = w::work_subject(it).iter().map(|p| render(p)).collect();
        if !what.is_empty() {
            head.push_str(&format!(" · {}", what.join(" ")));
        }
        md.line(&head);
        for f in w::work_fields(it) {
            md.line(&field(&pad, &f));
        }
    }
    md.blank();
}

/// The findings beside an article or a source, under `title`; nothing when there are none.
fn notes(md: &mut Md, title: &str, list: &[FindingNote]) {
    if list.is_empty() {
        return;
    }
    md.para(&format!("{title}:"));
    for n in list {
        md.line(&format!(
            "- **{}** · {}: {}",
            n.severity.as_str(),
            n.rule.code(),
            render(&w::note_detail(n))
        ));
    }
    md.blank();
}

fn article(md: &mut Md, a: &ArticleAudit, demo: &BTreeSet<&str>) {
    md.heading(3, &escape::text(w::article_heading(a)));
    for f in w::article_fields(a) {
        md.line(&field("", &f));
    }
    md.line(&format!(
        "- Traced: {} ({})",
        bar(&a.traced),
        w::traced_count(&a.traced)
    ));
    md.blank();
    notes(md, w::ARTICLE_FINDINGS, &a.findings);
    if a.claims.is_empty() {
        md.para(w::NO_CLAIMS);
        return;
    }
    let rows: Vec<Vec<String>> = a.claims.iter().map(claim_row).collect();
    md.table(&w::CLAIM_COLUMNS, &[], &rows);
    evidence::evidence(md, a, demo);
}

fn claim_row(c: &ClaimAudit) -> Vec<String> {
    let sources = if c.links.is_empty() {
        w::NONE.to_string()
    } else {
        let links: Vec<String> = c.links.iter().map(|l| render(&w::link(l))).collect();
        links.join("; ")
    };
    vec![
        escape::cell(&c.id),
        c.kind.as_str().to_string(),
        w::speaker(c).map_or(w::NONE.to_string(), |s| cell(&s)),
        escape::short(&c.text, EXCERPT_CHARS),
        sources,
        render(&[w::Span::ClaimState(c.state)]),
        render(&w::claim_findings(c)),
        c.verdict
            .as_deref()
            .map_or(w::NONE.to_string(), escape::cell),
    ]
}

fn source(md: &mut Md, s: &SourceAudit) {
    md.heading(3, &escape::text(&s.id));
    if s.demonstration {
        md.para(&render(&w::demonstration_entry()));
    }
    for f in w::source_fields(s) {
        md.line(&field("", &f));
    }
    md.blank();
    notes(md, w::SOURCE_FINDINGS, &s.findings);
    if s.relied_on_by.is_empty() {
        md.para(w::NOT_RELIED_ON);
    } else {
        let head = format!("{}:", w::relied_on(s.relied_on_by.len()));
        claim_uses(md, &head, &s.relied_on_by);
    }
    if !s.suggested_for.is_empty() {
        let (head, aside) = w::SUGGESTIONS;
        claim_uses(md, &format!("{head} {aside}:"), &s.suggested_for);
    }
}

/// The claims that use a source, under `head`.
fn claim_uses(md: &mut Md, head: &str, uses: &[super::audit::ClaimUse]) {
    md.para(head);
    for u in uses {
        md.line(&format!("- {}", render(&w::claim_use(u))));
    }
    md.blank();
}
