//! The summary's words: its counts, the findings' totals, the sources by state and each
//! article's traced share.

use super::{plural, text, word, Span};
use crate::report::audit::{FindingCounts, SourceCounts, SourceState, Summary, TracedShare};

/// One of the summary's counts: its number, its column head and its label under the number.
pub(in crate::report) struct Count {
    pub n: usize,
    pub column: &'static str,
    pub label: &'static str,
}

/// The summary's counts, in the order both reports give them.
pub(in crate::report) fn counts(s: &Summary) -> [Count; 8] {
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
pub(in crate::report) fn severity_totals(f: &FindingCounts) -> String {
    format!(
        "{}, {}, {}",
        plural(f.errors, "error", "errors"),
        plural(f.warnings, "warning", "warnings"),
        plural(f.notes, "note", "notes")
    )
}

/// How many sources are in each state, in the order of the summary's table.
pub(in crate::report) fn source_states(c: &SourceCounts) -> [(SourceState, usize); 4] {
    [
        (SourceState::Verified, c.verified),
        (SourceState::NoLocator, c.no_locator),
        (SourceState::Missing, c.missing),
        (SourceState::Unreadable, c.unreadable),
    ]
}

/// An article in the traced-share table: its title with its slug aside, or its slug.
pub(in crate::report) fn traced_name(t: &TracedShare) -> Vec<Span> {
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
pub(in crate::report) fn traced_count(t: &TracedShare) -> String {
    format!("{} of {}", t.traced, plural(t.claims, "claim", "claims"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::plain;
    use super::*;

    #[test]
    fn counts_have_a_column_head_and_a_label() {
        let s = Summary {
            articles: 2,
            ..Summary::default()
        };
        let c = counts(&s);
        assert_eq!(
            (c[0].n, c[0].column, c[0].label),
            (2, "Articles", "articles")
        );
        assert_eq!((c[7].column, c[7].label), ("Findings", "open findings"));
    }

    #[test]
    fn totals_name_each_severity_in_its_number() {
        let f = FindingCounts {
            total: 3,
            errors: 1,
            warnings: 2,
            ..FindingCounts::default()
        };
        assert_eq!(severity_totals(&f), "1 error, 2 warnings, 0 notes");
    }

    #[test]
    fn states_come_in_the_tables_order() {
        let c = SourceCounts {
            missing: 4,
            ..SourceCounts::default()
        };
        let s = source_states(&c);
        assert_eq!(s[0], (SourceState::Verified, 0));
        assert_eq!(s[2], (SourceState::Missing, 4));
    }

    #[test]
    fn an_article_is_named_by_its_title_with_its_slug_aside() {
        let t = TracedShare::new("port", Some("Port strike"), 3, 1);
        let name = traced_name(&t);
        assert_eq!(plain(&name), "Port strike (port)");
        assert!(matches!(name.last(), Some(Span::Aside(_))));
        assert_eq!(
            plain(&traced_name(&TracedShare::new("port", None, 3, 1))),
            "port"
        );
        assert_eq!(traced_count(&t), "1 of 3 claims");
        assert_eq!(
            traced_count(&TracedShare::new("a", None, 1, 0)),
            "0 of 1 claim"
        );
    }
}
