//! The page's summary: the counts, the findings by rule, the sources by state and each
//! article's traced share.

use super::spans::{badge, render};
use super::{bar, table, Anchors, Row};
use crate::report::audit::{Audit, FindingCounts, SourceCounts, TracedShare};
use crate::report::wording::{self as w, Span};

/// The summary section.
pub(super) fn summary(h: &mut String, audit: &Audit, anchors: &Anchors) {
    let s = &audit.summary;
    h.push_str(&format!(
        "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"stats\">\n",
        w::SUMMARY
    ));
    for c in w::counts(s) {
        h.push_str(&format!(
            "<div class=\"stat\"><span class=\"n\">{}</span><span class=\"l\">{}</span></div>\n",
            c.n, c.label
        ));
    }
    h.push_str("</div>\n");
    findings_by_rule(h, &s.findings);
    sources_by_state(h, &s.sources, anchors);
    traced(h, &s.traced, anchors);
    h.push_str("</section>\n");
}

/// The table of open findings by rule, with a total row.
fn findings_by_rule(h: &mut String, f: &FindingCounts) {
    h.push_str(&format!("<h3>{}</h3>\n", w::BY_RULE));
    if f.by_rule.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", w::NO_OPEN_FINDINGS));
        return;
    }
    let mut rows: Vec<Row> = f
        .by_rule
        .iter()
        .map(|r| {
            Row::of(vec![
                (format!("<code>{}</code>", r.rule.code()), ""),
                (badge(r.severity), ""),
                (r.count.to_string(), "num"),
            ])
        })
        .collect();
    rows.push(Row {
        id: None,
        class: "total",
        cells: vec![
            (w::ALL_RULES.to_string(), ""),
            (w::severity_totals(f), ""),
            (f.total.to_string(), "num"),
        ],
    });
    table(h, "rules", &w::RULE_COLUMNS, &[false, false, true], &rows);
}

/// The table of sources by state.
fn sources_by_state(h: &mut String, c: &SourceCounts, anchors: &Anchors) {
    h.push_str(&format!("<h3>{}</h3>\n", w::BY_STATE));
    let rows: Vec<Row> = w::source_states(c)
        .into_iter()
        .map(|(state, n)| {
            Row::of(vec![
                (render(&[Span::SourceState(state)], anchors), ""),
                (n.to_string(), "num"),
            ])
        })
        .collect();
    table(h, "states", &w::STATE_COLUMNS, &[false, true], &rows);
}

/// The table of each article's traced share.
fn traced(h: &mut String, traced: &[TracedShare], anchors: &Anchors) {
    h.push_str(&format!("<h3>{}</h3>\n", w::TRACED));
    if traced.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", w::NO_ARTICLES));
        return;
    }
    let rows: Vec<Row> = traced
        .iter()
        .map(|t| {
            Row::of(vec![
                (render(&w::traced_name(t), anchors), ""),
                (t.claims.to_string(), "num"),
                (t.traced.to_string(), "num"),
                (bar(t), "bar-cell"),
            ])
        })
        .collect();
    table(
        h,
        "traced",
        &w::TRACED_COLUMNS,
        &[false, true, true, false],
        &rows,
    );
}
