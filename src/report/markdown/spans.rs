//! How Markdown sets each kind of [`Span`] of the shared wording: dossier text escaped, codes
//! in backticks, stress in `**`, links as the plain ids they name.

use super::escape;
use crate::report::wording::{Field, Span};

/// A phrase as Markdown.
pub(super) fn render(spans: &[Span]) -> String {
    spans.iter().map(span).collect()
}

/// A phrase as a table cell: an em dash when it comes out empty.
pub(super) fn cell(spans: &[Span]) -> String {
    let s = render(spans);
    if s.is_empty() {
        crate::report::wording::NONE.to_string()
    } else {
        s
    }
}

/// A field as a list item, `- Label: value`, after `pad`.
pub(super) fn field(pad: &str, f: &Field) -> String {
    format!("{pad}- {}: {}", f.label, render(&f.value))
}

fn span(s: &Span) -> String {
    match s {
        Span::Word(w) | Span::Term(w) => w.clone(),
        Span::Closed(w) => w.to_string(),
        Span::Text(t)
        | Span::Message(t)
        | Span::Source(t)
        | Span::Article(t)
        | Span::Claim { claim: t, .. } => escape::text(t),
        Span::Prose(t) | Span::ReviewNote(t) => escape::prose(t),
        Span::Code(c) => format!("`{c}`"),
        Span::Strong(w) => format!("**{w}**"),
        Span::Missing => "**missing**".to_string(),
        Span::Quote(t) => format!("“{}”", escape::text(t)),
        Span::Url(u) => escape::url(u),
        Span::SourceState(s) => s.label().to_string(),
        Span::ClaimState(s) => s.label().to_string(),
        Span::Evidence(s) => format!("**{}**", s.label()),
        Span::Severity(s) => s.as_str().to_string(),
        Span::Aside(inner) => render(inner),
        Span::List(items) => items
            .iter()
            .map(|i| render(i))
            .collect::<Vec<_>>()
            .join("; "),
        Span::Removed(t) => format!("~~{}~~", escape::text(t)),
        Span::Added(t) => format!("**{}**", escape::text(t)),
        Span::Reason { lead, why } => escape::text(&format!("{lead}{why}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_set_its_own_way() {
        let s = [
            Span::Word("a*b ".to_string()),
            Span::Text("a*b ".to_string()),
            Span::Code("x".to_string()),
            Span::Term("r".to_string()),
            Span::Missing,
        ];
        assert_eq!(render(&s), "a*b a\\*b`x`r**missing**");
        // A reason is escaped with its lead, as one text; a message alone.
        let why = "- later".to_string();
        assert_eq!(
            render(&[Span::Reason {
                lead: "dossier.toml: ",
                why: why.clone()
            }]),
            "dossier.toml: - later"
        );
        assert_eq!(render(&[Span::Message(why)]), "\\- later");
        assert_eq!(cell(&[Span::Text(" ".to_string())]), "—");
    }
}
