//! Applying editors' verdicts to findings: a current (not stale) review of a claim or a source
//! entry resolves, downgrades or raises the findings about what it judged, as
//! [`Verdict::effect`] says. Resolved findings leave the open list but are kept, with the
//! verdict, for the report. A review also raises findings of its own (`review_findings`):
//! `disputed` and `refuted` for those verdicts, `stale-review` for one that judged other words.

use super::finding::{Finding, Reviewed};
use super::rule::{Rule, Severity};
use super::{At, Out, Related};
use crate::model::review::{Review, Verdict, VerdictEffect};
use crate::store::load::{LoadedClaims, LoadedSource};
use crate::util::excerpt;
use std::collections::HashMap;

/// Rules about the dossier's files rather than a judgement an editor can make: no verdict
/// changes their findings.
pub fn settled_by_verdict(rule: Rule) -> bool {
    !matches!(
        rule,
        Rule::StaleClaim
            | Rule::InvalidYaml
            | Rule::UnknownField
            | Rule::InvalidValue
            | Rule::DuplicateId
            | Rule::InvalidPath
            | Rule::MissingSource
            | Rule::MissingArticle
            | Rule::UnextractedArticle
            | Rule::UnknownReference
            | Rule::StaleReview
            | Rule::StaleCorrection
            | Rule::Disputed
            | Rule::Refuted
    )
}

/// Current reviews by the file they are in and the claim they judge (`None`: a source entry).
pub type Reviews<'a> = HashMap<(&'a str, Option<&'a str>), &'a Review>;

/// The current review of each claim of one claim file, by file and id, leaving out stale
/// reviews and reviews of claims whose words vanished.
pub fn claim_reviews(c: &LoadedClaims) -> Reviews<'_> {
    let mut out = HashMap::new();
    for claim in &c.data.claims {
        if let Some(r) = &claim.review {
            if !claim.review_is_stale() && !claim.vanished {
                out.entry((c.file.as_str(), Some(claim.id.as_str())))
                    .or_insert(r);
            }
        }
    }
    out
}

/// The current review of each source entry, by its file.
pub fn source_reviews<'a>(sources: impl IntoIterator<Item = &'a LoadedSource>) -> Reviews<'a> {
    let mut out = HashMap::new();
    for s in sources {
        if let Some(r) = &s.data.review {
            if !s.data.review_is_stale() {
                out.insert((s.file.as_str(), None), r);
            }
        }
    }
    out
}

/// The message of a `stale-correction` finding about `what` (`claim q-…`, `reference ref-1`),
/// or `None` when its corrections are current.
pub fn stale_corrections_message<T: crate::model::Correctable>(
    item: &T,
    what: &str,
) -> Option<String> {
    let stale = item.stale_corrections();
    let first = stale.first()?;
    let fields: Vec<&str> = stale.iter().map(|c| c.field.as_str()).collect();
    Some(format!(
        "the correction of {} on {what} ({}, {}) was made for other words: they changed since",
        fields.join(", "),
        first.by,
        first.date
    ))
}

/// The source entries an editor rejected as no source (`not-a-source`, a current review),
/// by id, with their review.
pub fn rejected_sources<'a>(
    sources: impl IntoIterator<Item = &'a LoadedSource>,
) -> HashMap<&'a str, &'a Review> {
    sources
        .into_iter()
        .filter(|s| is_rejected(s))
        .filter_map(|s| Some((s.id.as_str(), s.data.review.as_ref()?)))
        .collect()
}

/// Whether a source entry has a current `not-a-source` verdict.
pub fn is_rejected(s: &LoadedSource) -> bool {
    s.data
        .review
        .as_ref()
        .is_some_and(|r| r.verdict.rejects() && !s.data.review_is_stale())
}

/// Close every finding, of any file, about a source an editor rejected (`rejected`, from
/// [`rejected_sources`]): a claim file's `missing-source` or `uncited-claim` about the id as
/// much as the entry's own findings. Findings about the dossier's files stay open. Returns
/// the findings still open; the closed ones are appended to `resolved`.
pub fn reject_sources(
    findings: Vec<Finding>,
    resolved: &mut Vec<Finding>,
    rejected: &HashMap<&str, &Review>,
) -> Vec<Finding> {
    if rejected.is_empty() {
        return findings;
    }
    let mut open = Vec::with_capacity(findings.len());
    for mut f in findings {
        let r = f.source.as_deref().and_then(|id| rejected.get(id)).copied();
        match r {
            Some(r) if settled_by_verdict(f.rule) || f.rule == Rule::MissingSource => {
                f.review = Some(Box::new(Reviewed {
                    verdict: r.verdict,
                    by: r.by.clone(),
                    date: r.date.clone(),
                    effect: VerdictEffect::Reject,
                    was: f.severity,
                }));
                resolved.push(f);
            }
            _ => open.push(f),
        }
    }
    open
}

/// Split `findings` into the open ones (some downgraded or raised by a verdict) and the ones a
/// verdict resolved. A finding is judged by the review of its own file and claim: a claim
/// file's findings by the reviews in it, a source entry's by the entry's review.
pub fn apply(findings: Vec<Finding>, reviews: &Reviews) -> (Vec<Finding>, Vec<Finding>) {
    let mut open = Vec::with_capacity(findings.len());
    let mut resolved = Vec::new();
    for mut f in findings {
        if !settled_by_verdict(f.rule) {
            open.push(f);
            continue;
        }
        let key = (f.file.as_str(), f.claim.as_deref());
        let Some(r) = reviews.get(&key).copied() else {
            open.push(f);
            continue;
        };
        let effect = r.verdict.effect();
        let mark = Reviewed {
            verdict: r.verdict,
            by: r.by.clone(),
            date: r.date.clone(),
            effect,
            was: f.severity,
        };
        match effect {
            VerdictEffect::Resolve | VerdictEffect::Reject => {
                f.review = Some(Box::new(mark));
                resolved.push(f);
            }
            VerdictEffect::Downgrade => {
                f.help = format!(
                    "{}; downgraded from {} by the verdict `{}` of {}, {}",
                    f.help,
                    f.severity.as_str(),
                    r.verdict,
                    r.by,
                    r.date
                )
                .into();
                f.severity = Severity::Note;
                f.review = Some(Box::new(mark));
                open.push(f);
            }
            VerdictEffect::Raise => {
                if r.verdict == Verdict::NeedsSource {
                    f.help = format!(
                        "{}; an error by the verdict `{}` of {}, {}",
                        f.help, r.verdict, r.by, r.date
                    )
                    .into();
                    f.severity = Severity::Error;
                }
                f.review = Some(Box::new(mark));
                open.push(f);
            }
        }
    }
    (open, resolved)
}

/// What a review is on, for [`review_findings`]: a claim or a source entry, with the review
/// (if any), whether its words changed since, and the related location findings point to.
pub(super) struct ReviewSubject<'a> {
    pub review: Option<&'a Review>,
    pub stale: bool,
    pub claim: Option<&'a str>,
    pub source: Option<&'a str>,
    pub related: Option<Related>,
}

/// The findings a review itself calls for: `stale-review` when it judged other words, and
/// `disputed` / `refuted` for those verdicts.
pub(super) fn review_findings(out: &mut Out, at: At, on: ReviewSubject) {
    let ReviewSubject {
        review,
        stale,
        claim,
        source,
        related,
    } = on;
    let Some(r) = review else {
        return;
    };
    let what = match (claim, source) {
        (Some(c), _) => format!("claim {c}"),
        (None, Some(s)) => format!("source {s}"),
        (None, None) => "this".to_string(),
    };
    let changed = if claim.is_some() {
        "its words changed"
    } else {
        "the entry changed"
    };
    let (rule, message) = if stale {
        (
            Rule::StaleReview,
            format!(
                "the verdict `{}` on {what} ({}, {}) no longer applies: {changed} since the review",
                r.verdict, r.by, r.date
            ),
        )
    } else {
        match r.verdict {
            Verdict::Disputed => (
                Rule::Disputed,
                format!("{what} is disputed ({}, {})", r.by, r.date),
            ),
            Verdict::False => (
                Rule::Refuted,
                format!("{what} was judged false ({}, {})", r.by, r.date),
            ),
            _ => return,
        }
    };
    let message = match (&r.note, rule) {
        (Some(n), Rule::Disputed | Rule::Refuted) => format!("{message}: {}", excerpt(n, 120)),
        _ => message,
    };
    out.add(rule, at, message)
        .claim(claim)
        .source(source)
        .related(related)
        .push();
}
