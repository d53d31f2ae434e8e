//! A source's card: its fields, its findings and the claims that rely on it or may.

use super::escape;
use super::spans::{field, render};
use super::{notes, Anchors, DEMO_BADGE};
use crate::report::audit::{ClaimUse, SourceAudit};
use crate::report::wording as w;

/// The card of the `i`th source.
pub(super) fn source(h: &mut String, i: usize, s: &SourceAudit, anchors: &Anchors) {
    let id = escape::anchor("source", i + 1);
    let made_up = if s.demonstration {
        format!(" {DEMO_BADGE}")
    } else {
        String::new()
    };
    h.push_str(&format!(
        "<article class=\"card\" id=\"{id}\">\n<h3>{}{made_up}</h3>\n",
        escape::text(&s.id)
    ));
    if s.demonstration {
        h.push_str(&format!(
            "<p class=\"demo-banner\">{}</p>\n",
            render(&w::demonstration_entry(), anchors)
        ));
    }
    h.push_str("<dl class=\"fields\">\n");
    for f in w::source_fields(s) {
        h.push_str(&field(&f, anchors));
    }
    h.push_str("</dl>\n");
    notes(h, w::SOURCE_FINDINGS, &s.findings, anchors);
    if s.relied_on_by.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", w::NOT_RELIED_ON));
    } else {
        h.push_str(&format!(
            "<p><strong>{}</strong></p>\n<ul class=\"notes\">\n",
            w::relied_on(s.relied_on_by.len())
        ));
        claim_uses(h, &s.relied_on_by, anchors);
    }
    if !s.suggested_for.is_empty() {
        let (head, aside) = w::SUGGESTIONS;
        h.push_str(&format!("<p><strong>{head}</strong> <span class=\"tentative\">{aside}</span></p>\n<ul class=\"notes tentative\">\n"));
        claim_uses(h, &s.suggested_for, anchors);
    }
    h.push_str("</article>\n");
}

/// The claims that use a source, as the items of a list, and its end.
fn claim_uses(h: &mut String, uses: &[ClaimUse], anchors: &Anchors) {
    for u in uses {
        h.push_str(&format!("<li>{}</li>\n", render(&w::claim_use(u), anchors)));
    }
    h.push_str("</ul>\n");
}
