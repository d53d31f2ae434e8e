//! The words of a source's card: its fields and the claims that use it.

use super::articles::score;
use super::{joined, joined_text, plural, text, word, Field, Span};
use crate::report::audit::{how_label, ClaimUse, SourceAudit};

/// A source card's fields, from its state to the articles that cite it.
pub(in crate::report) fn source_fields(s: &SourceAudit) -> Vec<Field> {
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
pub(in crate::report) fn relied_on(n: usize) -> String {
    format!("Relied on by {}", plural(n, "claim", "claims"))
}

/// A claim's use of a source: the article, the claim, how it links, and its words.
pub(in crate::report) fn claim_use(u: &ClaimUse) -> Vec<Span> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::plain;
    use super::*;
    use crate::link::How;
    use crate::model::review::{Review, Verdict};
    use crate::report::audit::SourceState;

    fn source() -> SourceAudit {
        SourceAudit {
            id: "gazette".to_string(),
            file: None,
            state: SourceState::Missing,
            kind: None,
            title: None,
            authors: Vec::new(),
            date: None,
            publisher: None,
            url: None,
            archive_url: None,
            doi: None,
            snapshot: None,
            cited_as: Vec::new(),
            notes: Vec::new(),
            missing: vec!["entry".to_string()],
            cited_by: vec!["port".to_string()],
            relied_on_by: Vec::new(),
            suggested_for: Vec::new(),
            findings: Vec::new(),
            review: None,
            review_stale: false,
            demonstration: false,
        }
    }

    fn labels(s: &SourceAudit) -> Vec<&'static str> {
        source_fields(s).iter().map(|f| f.label).collect()
    }

    #[test]
    fn a_missing_entry_says_which_file_it_lacks() {
        let s = source();
        assert_eq!(labels(&s), ["State", "Entry", "Missing", "Cited by"]);
        let f = source_fields(&s);
        assert!(f[1].lacking);
        assert_eq!(plain(&f[1].value), "**missing** (no sources/gazette.yaml)");
        assert_eq!(f[3].value, vec![Span::Article("port".to_string())]);
    }

    #[test]
    fn an_entry_gives_its_fields_notes_and_verdict() {
        let mut s = source();
        s.file = Some("sources/gazette.yaml".to_string());
        s.state = SourceState::Verified;
        s.kind = Some("web".to_string());
        s.title = Some("Gazette".to_string());
        s.authors = vec!["Ann".to_string(), "Bo".to_string()];
        s.url = Some("https://x.example/a".to_string());
        s.cited_as = vec!["Gazette, 2025".to_string(), "the Gazette".to_string()];
        s.notes = vec!["checked".to_string()];
        s.missing.clear();
        s.review = Some(Review::new(Verdict::Verified, "Ed", "2025-01-02"));
        s.review_stale = true;
        assert_eq!(
            labels(&s),
            [
                "State",
                "Entry",
                "Type",
                "Title",
                "Author",
                "Date",
                "Publisher",
                "URL",
                "Cited as",
                "Editor's note",
                "Verdict",
                "Missing",
                "Cited by"
            ]
        );
        let f = source_fields(&s);
        assert_eq!(plain(&f[4].value), "Ann; Bo");
        assert!(f[5].lacking);
        assert_eq!(
            f[7].value,
            vec![Span::Url("https://x.example/a".to_string())]
        );
        assert_eq!(plain(&f[8].value), "“Gazette, 2025”; “the Gazette”");
        assert_eq!(
            plain(&f[10].value),
            "verified (Ed, 2025-01-02) — stale: the entry changed since"
        );
        assert!(!f[11].lacking);
        assert_eq!(plain(&f[11].value), "nothing");
    }

    #[test]
    fn a_claims_use_of_a_source_says_how_it_links() {
        let mut u = ClaimUse {
            article: "port".to_string(),
            claim: "q-1".to_string(),
            reference: "ref-1".to_string(),
            how: How::Inferred,
            score: Some(0.5),
            excerpt: "We will".to_string(),
        };
        assert_eq!(
            plain(&claim_use(&u)),
            "port · q-1 (inferred, ref-1, score 0.50): “We will”"
        );
        u.how = How::Explicit;
        assert_eq!(
            plain(&claim_use(&u)),
            "port · q-1 (explicit, ref-1): “We will”"
        );
        assert_eq!(relied_on(1), "Relied on by 1 claim");
        assert_eq!(relied_on(3), "Relied on by 3 claims");
    }
}
