//! How HTML sets each kind of [`Span`] of the shared wording: text escaped, codes in
//! `<code>`, states and severities as coloured labels, ids as links to their cards.

use super::escape;
use super::links::Anchors;
use crate::check::Severity;
use crate::report::audit::{ClaimState, EvidenceStatus, SourceState};
use crate::report::wording::{Field, Span};

/// A phrase as HTML.
pub(super) fn render(spans: &[Span], anchors: &Anchors) -> String {
    spans.iter().map(|s| span(s, anchors)).collect()
}

/// A field as a term and its description; a field that says what is missing is marked so.
pub(super) fn field(f: &Field, anchors: &Anchors) -> String {
    let class = if f.lacking { " class=\"missing\"" } else { "" };
    format!(
        "<dt>{}</dt><dd{class}>{}</dd>\n",
        escape::words(f.label),
        render(&f.value, anchors)
    )
}

/// A severity as a coloured badge.
pub(super) fn badge(s: Severity) -> String {
    format!("<span class=\"badge sev-{0}\">{0}</span>", s.as_str())
}

fn span(s: &Span, anchors: &Anchors) -> String {
    match s {
        Span::Word(w) => escape::words(w),
        Span::Text(t) | Span::ReviewNote(t) => escape::text(t),
        Span::Prose(t) | Span::Message(t) => escape::prose(t),
        Span::Code(c) | Span::Term(c) => format!("<code>{}</code>", escape::words(c)),
        Span::Strong(w) => format!("<strong>{}</strong>", escape::words(w)),
        Span::Missing => "missing".to_string(),
        Span::Quote(t) => format!("<q>{}</q>", escape::text(t)),
        Span::Url(u) => match escape::href(u) {
            Some(href) => format!(
                "<a href=\"{href}\" rel=\"noopener noreferrer\">{}</a>",
                escape::text(u)
            ),
            None => escape::text(u),
        },
        Span::Source(id) => anchors.source_link(id),
        Span::Article(slug) => anchors.article_link(slug),
        Span::Claim {
            article: Some(a),
            claim,
        } => anchors.claim_link(a, claim),
        Span::Claim {
            article: None,
            claim,
        } => escape::text(claim),
        Span::SourceState(s) => state(s.label(), source_class(*s)),
        Span::ClaimState(s) => state(s.label(), claim_class(*s)),
        Span::Evidence(s) => state(s.label(), evidence_class(*s)),
        Span::Severity(s) => badge(*s),
        Span::Closed(w) => format!("<span class=\"resolved\">{w}</span>"),
        Span::Aside(inner) => format!(
            "<span class=\"tentative\">{}</span>",
            render(inner, anchors)
        ),
        Span::List(items) => {
            let li: String = items
                .iter()
                .map(|i| format!("<li>{}</li>", render(i, anchors)))
                .collect();
            format!("<ul class=\"plain\">{li}</ul>")
        }
        Span::Removed(t) => format!("<del>{}</del>", escape::text(t)),
        Span::Added(t) => format!("<ins>{}</ins>", escape::text(t)),
        Span::Reason { lead, why } => format!("{}{}", escape::words(lead), escape::prose(why)),
    }
}

/// A state's words, coloured by `class`.
fn state(label: &str, class: &str) -> String {
    format!("<span class=\"state {class}\">{label}</span>")
}

fn source_class(s: SourceState) -> &'static str {
    match s {
        SourceState::Verified => "state-verified",
        SourceState::NoLocator => "state-no-locator",
        SourceState::Missing => "state-missing",
        SourceState::Unreadable => "state-unreadable",
    }
}

fn claim_class(s: ClaimState) -> &'static str {
    match s {
        ClaimState::Traced => "state-traced",
        ClaimState::Unverified => "state-unverified",
        ClaimState::Suggested => "state-suggested",
        ClaimState::Untraced => "state-untraced",
    }
}

fn evidence_class(s: EvidenceStatus) -> &'static str {
    match s {
        EvidenceStatus::Verified => "state-verified",
        EvidenceStatus::Altered => "state-unverified",
        EvidenceStatus::NotFound => "state-untraced",
        EvidenceStatus::Translated => "state-unverified",
        EvidenceStatus::Suggested => "state-suggested",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::audit::{Audit, Filter, Summary, AUDIT_VERSION};

    #[test]
    fn each_kind_is_set_its_own_way() {
        let audit = Audit {
            version: AUDIT_VERSION,
            filter: Filter::default(),
            summary: Summary::default(),
            worklist: Vec::new(),
            articles: Vec::new(),
            sources: Vec::new(),
        };
        let anchors = Anchors::of(&audit);
        let s = [
            Span::Word("Editor's: ".to_string()),
            Span::Text("a:b".to_string()),
            Span::Term("r".to_string()),
            Span::Source("gone".to_string()),
        ];
        assert_eq!(
            render(&s, &anchors),
            "Editor&#39;s: a&#58;b<code>r</code>gone"
        );
        let f = Field {
            label: "Title",
            value: vec![Span::Missing],
            lacking: true,
        };
        assert_eq!(
            field(&f, &anchors),
            "<dt>Title</dt><dd class=\"missing\">missing</dd>\n"
        );
        let reason = Span::Reason {
            lead: "dossier.toml: ",
            why: "see `x`".to_string(),
        };
        assert_eq!(
            render(&[reason], &anchors),
            "dossier.toml: see <code>x</code>"
        );
    }
}
