//! The words of an article's card: its fields, its claims' speakers and links, and the claims
//! checked against source snapshots with their word diffs and passages.

use super::{joined, joined_text, text, word, Field, Span};
use crate::evidence::verify::{EvidencePassage, Original};
use crate::evidence::{DiffKind, DiffPart};
use crate::link::How;
use crate::report::audit::{
    how_label, passage_caption, ArticleAudit, ClaimAudit, Evidence, EvidenceStatus, LinkAudit,
    SourceState, EXCERPT_CHARS,
};
use crate::util::excerpt;

/// What an article is headed by: its title, or its slug.
pub(in crate::report) fn article_heading(a: &ArticleAudit) -> &str {
    a.title.as_deref().unwrap_or(&a.slug)
}

/// An article card's fields, from its slug to its references.
pub(in crate::report) fn article_fields(a: &ArticleAudit) -> Vec<Field> {
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
pub(in crate::report) fn speaker(c: &ClaimAudit) -> Option<Vec<Span>> {
    let s = c.speaker.as_deref()?;
    Some(match &c.role {
        Some(r) => vec![text(s), word(", "), text(r)],
        None => vec![text(s)],
    })
}

/// The score of an inferred link after `lead` (`" 0.42"`); nothing for any other link.
pub(super) fn score(how: How, score: Option<f64>, lead: &str) -> String {
    score
        .filter(|_| how == How::Inferred)
        .map(|s| format!("{lead}{s:.2}"))
        .unwrap_or_default()
}

/// A claim's link to a source: the source, how and through which reference it was made,
/// and what is doubtful about it.
pub(in crate::report) fn link(l: &LinkAudit) -> Vec<Span> {
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
pub(in crate::report) fn checked(a: &ArticleAudit) -> Vec<(&ClaimAudit, &Evidence)> {
    a.claims
        .iter()
        .flat_map(|c| c.evidence.iter().map(move |e| (c, e)))
        .collect()
}

/// A claim checked against a snapshot, in parts the renderer arranges (each marks a
/// made-up source its own way): `LEAD (DETAILS): WORDS`.
pub(in crate::report) struct CheckedLine {
    /// `ID · STATUS in SOURCE`.
    pub lead: Vec<Span>,
    /// The snapshot, how many of the words match and the languages of a translation.
    pub details: Vec<Span>,
    /// The claim's words, quoted.
    pub words: Vec<Span>,
}

/// The line of one check of a claim against a snapshot.
pub(in crate::report) fn checked_line(c: &ClaimAudit, e: &Evidence) -> CheckedLine {
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
pub(in crate::report) fn word_diff(parts: &[DiffPart]) -> Vec<Span> {
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
pub(in crate::report) fn passage(status: EvidenceStatus, p: &EvidencePassage) -> Vec<Span> {
    vec![
        word(format!("{}: “", passage_caption(status, p))),
        text(&p.text),
        word("”"),
    ]
}

/// The original a review records for a translation, which the snapshot does not hold.
pub(in crate::report) fn original_missing(o: &Original) -> Vec<Span> {
    vec![
        word("the original the review records is "),
        Span::Strong("not in the snapshot".to_string()),
        word(": “"),
        text(&o.text),
        word("”"),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::tests::{claim, plain};
    use super::*;
    use crate::evidence::language::Languages;
    use crate::report::audit::TracedShare;

    fn article() -> ArticleAudit {
        ArticleAudit {
            slug: "port".to_string(),
            claim_file: "claims/port.yaml".to_string(),
            path: "articles/port.txt".to_string(),
            title: None,
            author: Some("Ann".to_string()),
            date: None,
            outlet: None,
            missing: vec!["date".to_string(), "outlet".to_string()],
            references: 2,
            traced: TracedShare::new("port", None, 0, 0),
            findings: Vec::new(),
            claims: Vec::new(),
        }
    }

    fn evidence(status: EvidenceStatus) -> Evidence {
        Evidence {
            file: "claims/port.yaml".to_string(),
            claim: "q-1".to_string(),
            source: "gazette".to_string(),
            snapshot: "sources/snapshots/gazette.txt".to_string(),
            status,
            similarity: None,
            passages: Vec::new(),
            diff: Vec::new(),
            languages: None,
            original: None,
        }
    }

    #[test]
    fn an_article_without_a_title_is_headed_by_its_slug_and_says_what_it_lacks() {
        let a = article();
        assert_eq!(article_heading(&a), "port");
        let fields = article_fields(&a);
        let labels: Vec<&str> = fields.iter().map(|f| f.label).collect();
        assert_eq!(
            labels,
            [
                "Slug",
                "Article",
                "Claim file",
                "Title",
                "Author",
                "Date",
                "Outlet",
                "Missing",
                "References"
            ]
        );
        assert!(fields[3].lacking && plain(&fields[3].value) == "**missing**");
        assert!(!fields[4].lacking);
        assert!(fields[7].lacking);
        assert_eq!(plain(&fields[7].value), "date, outlet");
        assert_eq!(plain(&fields[8].value), "2");
    }

    #[test]
    fn a_speaker_comes_with_a_role() {
        let mut c = claim("q-1", "w");
        assert_eq!(speaker(&c), None);
        c.speaker = Some("Ann".to_string());
        assert_eq!(plain(&speaker(&c).unwrap()), "Ann");
        c.role = Some("mayor".to_string());
        assert_eq!(plain(&speaker(&c).unwrap()), "Ann, mayor");
    }

    #[test]
    fn a_link_says_how_it_was_made_and_what_is_doubtful() {
        let mut l = LinkAudit {
            source: "gazette".to_string(),
            reference: "ref-1".to_string(),
            how: How::Inferred,
            score: Some(0.4242),
            confirmed: false,
            source_state: SourceState::Verified,
        };
        assert_eq!(
            plain(&link(&l)),
            "gazette (inferred 0.42, ref-1; not yet confirmed)"
        );
        l.how = How::Explicit;
        l.confirmed = true;
        l.source_state = SourceState::NoLocator;
        assert_eq!(plain(&link(&l)), "gazette (explicit, ref-1; no locator)");
        l.source_state = SourceState::Verified;
        assert_eq!(plain(&link(&l)), "gazette (explicit, ref-1)");
        assert_eq!(link(&l)[0], Span::Source("gazette".to_string()));
    }

    #[test]
    fn a_check_says_what_it_found_where() {
        let c = claim("q-1", "We will double   the fees");
        let mut e = evidence(EvidenceStatus::Altered);
        e.similarity = Some(0.912);
        let line = checked_line(&c, &e);
        assert_eq!(plain(&line.lead), "q-1 · altered in gazette");
        assert_eq!(line.lead[2], Span::Evidence(EvidenceStatus::Altered));
        assert_eq!(
            plain(&line.details),
            "sources/snapshots/gazette.txt, 91% of the words"
        );
        assert_eq!(plain(&line.words), "“We will double the fees”");
        let mut t = evidence(EvidenceStatus::Translated);
        t.languages = Some(Languages {
            quote: "eng".to_string(),
            source: "rus".to_string(),
        });
        assert_eq!(
            plain(&checked_line(&c, &t).details),
            "sources/snapshots/gazette.txt, a quote in English of a source in Russian"
        );
        assert_eq!(
            plain(&checked_line(&c, &t).lead),
            "q-1 · translated in gazette"
        );
    }

    #[test]
    fn only_claims_with_checks_are_checked() {
        let mut a = article();
        let mut c = claim("q-1", "w");
        a.claims.push(claim("q-0", "unchecked"));
        c.evidence = vec![
            evidence(EvidenceStatus::Verified),
            evidence(EvidenceStatus::Suggested),
        ];
        a.claims.push(c);
        let ids: Vec<&str> = checked(&a).iter().map(|(c, _)| c.id.as_str()).collect();
        assert_eq!(ids, ["q-1", "q-1"]);
    }

    #[test]
    fn a_word_diff_has_its_legend() {
        let parts = [
            DiffPart::new(DiffKind::Same, "We will"),
            DiffPart::new(DiffKind::Source, "raise"),
            DiffPart::new(DiffKind::Quote, "double"),
            DiffPart::new(DiffKind::Omitted, "the old"),
            DiffPart::new(DiffKind::Inserted, "[port]"),
        ];
        assert_eq!(
            plain(&word_diff(&parts)),
            "word diff ([-source-] {+quote+}): We will [-raise-] {+double+} […] [port]"
        );
    }

    #[test]
    fn passages_say_what_they_are_to_the_claim() {
        let p = EvidencePassage {
            line: 12,
            text: "We will raise".to_string(),
            score: Some(0.71),
        };
        assert_eq!(
            plain(&passage(EvidenceStatus::NotFound, &p)),
            "closest passage (line 12, 71%): “We will raise”"
        );
        let o = Original {
            text: "Экипажам".to_string(),
            found: false,
            line: None,
        };
        assert_eq!(
            plain(&original_missing(&o)),
            "the original the review records is **not in the snapshot**: “Экипажам”"
        );
    }
}
