//! An article's card: its metadata, its findings, its table of claims and the claims checked
//! against source snapshots.

use super::escape;
use super::spans::{field, render};
use super::{bar, notes, table, Anchors, Row, DEMO_BADGE};
use crate::report::audit::{ArticleAudit, ClaimAudit, LinkAudit, EXCERPT_CHARS};
use crate::report::wording::{self as w, Span};
use std::collections::BTreeSet;

/// The card of the `i`th article.
pub(super) fn article(
    h: &mut String,
    i: usize,
    a: &ArticleAudit,
    anchors: &Anchors,
    demo: &BTreeSet<&str>,
) {
    let id = escape::anchor("article", i + 1);
    h.push_str(&format!(
        "<article class=\"card\" id=\"{id}\">\n<h3>{}</h3>\n<dl class=\"fields\">\n",
        escape::text(w::article_heading(a))
    ));
    for f in w::article_fields(a) {
        h.push_str(&field(&f, anchors));
    }
    h.push_str("</dl>\n");
    h.push_str(&format!(
        "<div class=\"share\">{} traced: {}</div>\n",
        bar(&a.traced),
        w::traced_count(&a.traced)
    ));
    notes(h, w::ARTICLE_FINDINGS, &a.findings, anchors);
    if a.claims.is_empty() {
        h.push_str(&format!("<p>{}</p>\n</article>\n", w::NO_CLAIMS));
        return;
    }
    let rows: Vec<Row> = a
        .claims
        .iter()
        .enumerate()
        .map(|(j, c)| Row {
            id: Some(format!("{id}-claim-{}", j + 1)),
            class: "",
            cells: claim_row(c, anchors),
        })
        .collect();
    table(h, "claims", &w::CLAIM_COLUMNS, &[], &rows);
    evidence(h, a, anchors, demo);
    h.push_str("</article>\n");
}

/// A claim's row of cells, with their classes.
fn claim_row<'a>(c: &ClaimAudit, anchors: &Anchors) -> Vec<(String, &'a str)> {
    let sources = if c.links.is_empty() {
        w::NONE.to_string()
    } else {
        let items: String = c.links.iter().map(|l| link(l, anchors)).collect();
        format!("<ul class=\"plain\">{items}</ul>")
    };
    vec![
        (escape::text(&c.id), "id"),
        (c.kind.as_str().to_string(), "kind"),
        (
            w::speaker(c).map_or(w::NONE.to_string(), |s| render(&s, anchors)),
            "speaker",
        ),
        (escape::short(&c.text, EXCERPT_CHARS), "excerpt"),
        (sources, "sources"),
        (render(&[Span::ClaimState(c.state)], anchors), ""),
        (render(&w::claim_findings(c), anchors), ""),
        (
            c.verdict
                .as_deref()
                .map_or(w::NONE.to_string(), escape::text),
            "",
        ),
    ]
}

/// A claim's link as a list item, set apart while it is not confirmed.
fn link(l: &LinkAudit, anchors: &Anchors) -> String {
    let class = if l.confirmed {
        ""
    } else {
        " class=\"tentative\""
    };
    format!("<li{class}>{}</li>", render(&w::link(l), anchors))
}

/// Claims checked against source snapshots: verdicts for quotes, suggestions otherwise.
fn evidence(h: &mut String, a: &ArticleAudit, anchors: &Anchors, demo: &BTreeSet<&str>) {
    let checked = w::checked(a);
    if checked.is_empty() {
        return;
    }
    h.push_str(&format!(
        "<h4>{}</h4>\n<ul class=\"evidence\">\n",
        w::CHECKED
    ));
    for (c, e) in checked {
        let line = w::checked_line(c, e);
        let made_up = if demo.contains(e.source.as_str()) {
            format!(" {DEMO_BADGE}")
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<li>{}{made_up} ({}): {}",
            render(&line.lead, anchors),
            render(&line.details, anchors),
            render(&line.words, anchors)
        ));
        if !e.diff.is_empty() {
            h.push_str(&format!(
                "<div class=\"diff\">{}</div>",
                render(&w::word_diff(&e.diff), anchors)
            ));
        }
        for p in &e.passages {
            let passage = render(&w::passage(e.status, p), anchors);
            h.push_str(&format!("<blockquote>{passage}</blockquote>"));
        }
        if let Some(o) = e.original.as_ref().filter(|o| !o.found) {
            let original = render(&w::original_missing(o), anchors);
            h.push_str(&format!("<blockquote>{original}</blockquote>"));
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n");
}
