//! The words about findings: the worklist's items, the findings beside a card, the marks in a
//! claim's row and the verdicts that changed them.

use super::{plural, text, word, Field, Span, NONE};
use crate::check::Reviewed;
use crate::report::audit::{verdict_effect, ClaimAudit, FindingNote, WorkItem};

/// The line above the worklist.
pub(in crate::report) fn worklist_lede(n: usize) -> String {
    format!(
        "{}, errors first, then in article order.",
        plural(n, "open finding", "open findings")
    )
}

/// What a worklist item is about: `claim ID`, `source ID`, `in ARTICLE`, those it has.
pub(in crate::report) fn work_subject(it: &WorkItem) -> Vec<Vec<Span>> {
    let mut what = Vec::new();
    if let Some(c) = &it.claim {
        what.push(vec![
            word("claim "),
            Span::Claim {
                article: it.article.clone(),
                claim: c.clone(),
            },
        ]);
    }
    if let Some(s) = &it.source {
        what.push(vec![word("source "), Span::Source(s.clone())]);
    }
    if let Some(a) = &it.article {
        what.push(vec![word("in "), Span::Article(a.clone())]);
    }
    what
}

/// A worklist item's fields: where, the excerpt, the problem, the fix and any verdict.
pub(in crate::report) fn work_fields(it: &WorkItem) -> Vec<Field> {
    // The line and column are part of the location's text (HTML writes its colons as
    // entities, as in any text).
    let mut at = vec![
        text(&it.at.file),
        text(&format!(":{}:{}", it.at.line, it.at.column)),
    ];
    if let Some(r) = &it.article_at {
        at.extend([
            word(" (article "),
            text(&r.file),
            word(format!(" line {})", r.line)),
        ]);
    }
    let mut f = vec![Field::of("Where", at)];
    if let Some(e) = &it.excerpt {
        f.push(Field::of("Excerpt", vec![Span::Quote(e.clone())]));
    }
    f.push(Field::of(
        "Problem",
        vec![Span::Message(it.message.clone())],
    ));
    f.push(Field::of("Fix", vec![Span::Prose(it.help.clone())]));
    if let Some(r) = &it.review {
        f.push(Field::of("Reviewed", reviewed(r)));
    }
    f
}

/// What a verdict did to a finding, and whose verdict it was.
pub(in crate::report) fn reviewed(r: &Reviewed) -> Vec<Span> {
    vec![
        word(format!("{} by the verdict ", verdict_effect(r))),
        Span::Code(r.verdict.to_string()),
        word(" of "),
        text(&r.by),
        word(", "),
        text(&r.date),
    ]
}

/// A finding beside an article or a source, after its severity and rule: the message, the
/// verdict that changed it and the suppression that closed it.
pub(in crate::report) fn note_detail(n: &FindingNote) -> Vec<Span> {
    let mut s = vec![Span::Message(n.message.clone())];
    if let Some(r) = &n.review {
        s.push(word(" ("));
        s.extend(reviewed(r));
        s.push(word(")"));
    }
    if let Some(why) = &n.suppressed {
        s.extend([
            word(" (suppressed in dossier.toml: "),
            Span::Message(why.clone()),
            word(")"),
        ]);
    }
    s
}

/// How a finding is marked: how it was closed, or its severity while open.
pub(in crate::report) fn finding_mark(n: &FindingNote) -> Span {
    if n.resolved() {
        Span::Closed(n.closed_as())
    } else {
        Span::Severity(n.severity)
    }
}

/// A finding in a claim's row: its mark, its rule and the reason it was suppressed.
pub(in crate::report) fn claim_finding(n: &FindingNote) -> Vec<Span> {
    let mut s = vec![finding_mark(n), word(" "), Span::Term(n.rule.code().into())];
    if let Some(why) = &n.suppressed {
        s.extend([
            word(" ("),
            Span::Reason {
                lead: "dossier.toml: ",
                why: why.clone(),
            },
            word(")"),
        ]);
    }
    s
}

/// The findings in a claim's row: a list of them, or nothing.
pub(in crate::report) fn claim_findings(c: &ClaimAudit) -> Vec<Span> {
    if c.findings.is_empty() {
        return vec![word(NONE)];
    }
    vec![Span::List(c.findings.iter().map(claim_finding).collect())]
}

#[cfg(test)]
mod tests {
    use super::super::tests::{claim, note, plain, reviewed};
    use super::*;
    use crate::check::{Rule, Severity};
    use crate::model::review::Verdict;
    use crate::report::audit::Location;

    fn item() -> WorkItem {
        WorkItem {
            severity: Severity::Warning,
            rule: Rule::UncitedClaim,
            at: Location {
                file: "claims/port.yaml".to_string(),
                line: 3,
                column: 5,
            },
            article_at: Some(Location {
                file: "articles/port.txt".to_string(),
                line: 7,
                column: 1,
            }),
            article: Some("port".to_string()),
            claim: Some("q-1".to_string()),
            source: None,
            excerpt: Some("We will".to_string()),
            message: "no source".to_string(),
            help: "add a `source:`".to_string(),
            review: Some(reviewed(Verdict::AcceptedUnverifiable)),
        }
    }

    #[test]
    fn the_worklist_lede_counts_open_findings() {
        assert_eq!(
            worklist_lede(1),
            "1 open finding, errors first, then in article order."
        );
        assert!(worklist_lede(2).starts_with("2 open findings,"));
    }

    #[test]
    fn a_work_item_names_its_claim_in_its_article() {
        let what = work_subject(&item());
        let words: Vec<String> = what.iter().map(|p| plain(p)).collect();
        assert_eq!(words, ["claim q-1", "in port"]);
        assert_eq!(
            what[0][1],
            Span::Claim {
                article: Some("port".to_string()),
                claim: "q-1".to_string()
            }
        );
    }

    #[test]
    fn a_work_item_has_its_fields_in_order() {
        let fields = work_fields(&item());
        let labels: Vec<&str> = fields.iter().map(|f| f.label).collect();
        assert_eq!(labels, ["Where", "Excerpt", "Problem", "Fix", "Reviewed"]);
        assert_eq!(
            plain(&fields[0].value),
            "claims/port.yaml:3:5 (article articles/port.txt line 7)"
        );
        assert_eq!(plain(&fields[1].value), "“We will”");
        assert_eq!(
            fields[2].value,
            vec![Span::Message("no source".to_string())]
        );
        assert_eq!(
            fields[3].value,
            vec![Span::Prose("add a `source:`".to_string())]
        );
        assert_eq!(
            plain(&fields[4].value),
            "downgraded from warning by the verdict `accepted-unverifiable` of Ed, 2025-01-02"
        );
    }

    #[test]
    fn a_note_gives_its_verdict_and_suppression() {
        let mut n = note(Rule::UncitedClaim, Severity::Warning);
        assert_eq!(plain(&note_detail(&n)), "no source for `q-1`");
        n.review = Some(reviewed(Verdict::Disputed));
        n.suppressed = Some("minutes offline".to_string());
        assert_eq!(
            plain(&note_detail(&n)),
            "no source for `q-1` (raised from warning by the verdict `disputed` of Ed, 2025-01-02) (suppressed in dossier.toml: minutes offline)"
        );
    }

    #[test]
    fn a_claims_findings_are_marked_open_or_closed() {
        let mut c = claim("q-1", "words");
        assert_eq!(plain(&claim_findings(&c)), "—");
        let open = note(Rule::UncitedClaim, Severity::Warning);
        let mut resolved = note(Rule::QuoteAltered, Severity::Warning);
        resolved.review = Some(reviewed(Verdict::Verified));
        let mut suppressed = note(Rule::MissingSource, Severity::Error);
        suppressed.suppressed = Some("- later".to_string());
        c.findings = vec![open.clone(), resolved, suppressed];
        assert_eq!(
            plain(&claim_findings(&c)),
            "warning uncited-claim; resolved quote-altered; suppressed missing-source (dossier.toml: - later)"
        );
        assert_eq!(finding_mark(&open), Span::Severity(Severity::Warning));
        let last = claim_finding(&c.findings[2]);
        assert!(last.contains(&Span::Reason {
            lead: "dossier.toml: ",
            why: "- later".to_string()
        }));
    }
}
