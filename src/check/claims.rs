//! The rules on one claim file: its article's metadata, each claim's links, sources and
//! reviews, references nothing relies on, and fact-checks stored in the dossier.

use super::out::{key_pos, At, Out};
use super::verdicts::{self, review_findings, ReviewSubject};
use super::{source_rejected, Context, Related, Rule};
use crate::link::{self, Link};
use crate::model::review::Verdict;
use crate::model::Claim;
use crate::store::load::{Keys, LoadedClaims};
use crate::util::excerpt;
use std::collections::BTreeSet;

/// The rules on one claim file and its article (`article`, when it could be read), given the
/// links made for each of its claims (parallel to them).
pub(super) fn check_claim_file(
    out: &mut Out,
    ctx: &Context,
    c: &LoadedClaims,
    article: Option<&str>,
    links: &[Vec<Link>],
) {
    let article_changed = article_findings(out, c, article);
    let article_path = c.data.article.path.as_str();
    let ref_ids: BTreeSet<&str> = c.data.references.iter().map(|r| r.id.as_str()).collect();
    for (k, claim) in c.data.claims.iter().enumerate() {
        let here = Here {
            file: &c.file,
            article_path,
            keys: c.claim_keys.get(k),
            claim,
            related: article.map(|text| {
                let (line, column) = (claim.line, claim.column);
                let span = if claim.end <= text.len() && claim.start <= claim.end {
                    (claim.start, claim.end)
                } else {
                    (0, 0)
                };
                Related {
                    file: article_path.to_string(),
                    line,
                    column,
                    message: "in the article".into(),
                    span,
                }
            }),
        };
        if claim.vanished {
            vanished(out, &here);
            continue;
        }
        record_findings(out, ctx, &here, article, article_changed, &ref_ids);
        let claim_links = links.get(k).map_or(&[][..], Vec::as_slice);
        sourcing_findings(out, ctx, &here, claim_links);
    }
    reference_findings(out, ctx, c, article, links);
}

/// One claim of the claim file being checked, and where its findings point.
struct Here<'a> {
    file: &'a str,
    article_path: &'a str,
    keys: Option<&'a Keys>,
    claim: &'a Claim,
    /// The claim's sentence in the article, when the article could be read.
    related: Option<Related>,
}

/// The article's metadata, a quoting article with no quote extracted, and whether the article
/// changed since its claims were extracted (which it returns).
fn article_findings(out: &mut Out, c: &LoadedClaims, article: Option<&str>) -> bool {
    let file = c.file.as_str();
    let data = &c.data;
    let article_path = data.article.path.as_str();

    // The article's own metadata.
    let missing: Vec<&str> = [
        ("date", &data.article.date),
        ("author", &data.article.author),
        ("outlet", &data.article.outlet),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect();
    if !missing.is_empty() {
        let at = At {
            file,
            pos: key_pos(Some(&c.article_keys), &missing),
        };
        let help = format!(
            "add the missing {} to the article (a byline, a date line, the outlet's name), then run `dossier extract`",
            missing.join(" and ")
        );
        out.add(
            Rule::ArticleMetadata,
            at,
            format!("{article_path} gives no {}", missing.join(", ")),
        )
        .help(help)
        .push();
    }

    // No silent zero: the article quotes someone, but no quote claim came out of it.
    if let Some(text) = article {
        let has_quote = data
            .claims
            .iter()
            .any(|x| x.kind == crate::model::ClaimKind::Quote && !x.vanished);
        let markdown = crate::article::Format::from_path(std::path::Path::new(article_path))
            == crate::article::Format::Markdown;
        if !has_quote && crate::extract::quotes::looks_quoted(text, markdown) {
            let at = At {
                file,
                pos: key_pos(Some(&c.article_keys), &["path"]),
            };
            let message = format!(
                "{article_path} has quotation marks or block quotations, but no quote was extracted from it"
            );
            out.add(Rule::NoClaimsExtracted, at, message).push();
        }
    }

    // Is the claim file still in step with its article?
    let mut article_changed = false;
    if let Some(text) = article {
        if crate::article::fingerprint(text.as_bytes()) != data.article.fingerprint {
            article_changed = true;
            out.add(
                Rule::StaleClaim,
                At {
                    file,
                    pos: key_pos(Some(&c.article_keys), &["fingerprint"]),
                },
                format!("{article_path} changed since its claims were extracted"),
            )
            .push();
        }
    }
    article_changed
}

/// `stale-claim` for a claim whose words are no longer in the article.
fn vanished(out: &mut Out, h: &Here) {
    let (file, article_path, keys, claim) = (h.file, h.article_path, h.keys, h.claim);
    let message = format!(
            "the words of claim {} are no longer in {article_path}; the claim is kept for the editor's work on it",
            claim.id
        );
    let at = At {
        file,
        pos: key_pos(keys, &["vanished", "text"]),
    };
    out.add(Rule::StaleClaim, at, message)
        .claim(Some(&claim.id))
        .help(
            "restore the words in the article, or delete the claim from the claim file \
             once its review and notes are no longer needed",
        )
        .push();
}

/// What the claim's record says: its review and corrections, stored fact-checks, links by
/// hand to missing sources, its place in the article, and the references it cites.
fn record_findings(
    out: &mut Out,
    ctx: &Context,
    h: &Here,
    article: Option<&str>,
    article_changed: bool,
    ref_ids: &BTreeSet<&str>,
) {
    let (file, article_path, keys, claim) = (h.file, h.article_path, h.keys, h.claim);
    let related = &h.related;
    review_findings(
        out,
        At {
            file,
            pos: key_pos(keys, &["review", "text"]),
        },
        ReviewSubject {
            review: claim.review.as_ref(),
            stale: claim.review_is_stale(),
            claim: Some(&claim.id),
            source: None,
            related: related.clone(),
        },
    );
    if let Some(message) =
        verdicts::stale_corrections_message(claim, &format!("claim {}", claim.id))
    {
        out.add(
            Rule::StaleCorrection,
            At {
                file,
                pos: key_pos(keys, &["corrections", "text"]),
            },
            message,
        )
        .claim(Some(&claim.id))
        .related(related.clone())
        .push();
    }
    factcheck_findings(
        out,
        ctx,
        At {
            file,
            pos: key_pos(keys, &["text"]),
        },
        claim,
        related.clone(),
    );
    for d in &claim.links {
        if d.action == crate::model::LinkAction::Confirm
            && !ctx.sources.contains_key(&d.source)
            && !ctx.unreadable.contains(&d.source)
        {
            out.add(
                Rule::MissingSource,
                At {
                    file,
                    pos: key_pos(keys, &["links"]),
                },
                format!(
                    "claim {} is linked by hand to sources/{}.yaml, which does not exist",
                    claim.id, d.source
                ),
            )
            .claim(Some(&claim.id))
            .source(Some(&d.source))
            .help("create the source entry, or remove the link with `dossier unlink`")
            .push();
        }
    }
    if let Some(text) = article {
        let here = text.get(claim.start..claim.end);
        if here != Some(claim.text.as_str()) && !article_changed {
            out.add(
                Rule::StaleClaim,
                At {
                    file,
                    pos: key_pos(keys, &["text"]),
                },
                format!(
                    "claim {} is no longer at its place in {article_path}",
                    claim.id
                ),
            )
            .claim(Some(&claim.id))
            .related(related.clone())
            .push();
        }
    }
    for cited in &claim.cites {
        if !ref_ids.contains(cited.as_str()) {
            out.add(
                Rule::UnknownReference,
                At {
                    file,
                    pos: key_pos(keys, &["cites"]),
                },
                format!(
                    "claim {} cites `{cited}`, which this claim file does not define",
                    claim.id
                ),
            )
            .claim(Some(&claim.id))
            .push();
        }
    }
}

/// Whether the claim is sourced: `uncited-claim`, with suggestions when some source may
/// support it, or when an editor judged that it needs a source although one is linked.
fn sourcing_findings(out: &mut Out, ctx: &Context, h: &Here, claim_links: &[Link]) {
    let (file, keys, claim) = (h.file, h.keys, h.claim);
    let related = &h.related;
    // A source an editor rejected (`not-a-source`) sources nothing: a claim resting on it
    // alone is uncited, and it is no one's suggestion.
    let kept: Vec<Link>;
    let claim_links = if claim_links.iter().any(|l| source_rejected(ctx, &l.source)) {
        kept = claim_links
            .iter()
            .filter(|l| !source_rejected(ctx, &l.source))
            .cloned()
            .collect();
        &kept[..]
    } else {
        claim_links
    };
    let needs_source = claim
        .review
        .as_ref()
        .is_some_and(|r| r.verdict == Verdict::NeedsSource)
        && !claim.review_is_stale();
    if needs_source && link::is_sourced(claim_links) {
        out.add(
            Rule::UncitedClaim,
            At {
                file,
                pos: key_pos(keys, &["review", "text"]),
            },
            format!(
                "{} needs a source, an editor judged, although one is linked: \"{}\"",
                link::describe(claim),
                excerpt(&claim.text, 80)
            ),
        )
        .claim(Some(&claim.id))
        .help("cite a source that supports the claim, then record a new verdict")
        .related(related.clone())
        .push();
    } else if !link::is_sourced(claim_links) {
        let suggestions = link::suggestions(claim_links);
        // Without suggestions, the rule's own help.
        let help = (!suggestions.is_empty()).then(|| {
            let s: Vec<String> = suggestions
                .iter()
                .take(3)
                .map(|l| {
                    format!(
                        "{} via {} (score {:.2})",
                        l.source,
                        l.reference,
                        l.score.unwrap_or(0.0)
                    )
                })
                .collect();
            format!(
                "cite a source for it in the article; possible sources, not yet confirmed: {}",
                s.join("; ")
            )
        });
        out.add(
            Rule::UncitedClaim,
            At {
                file,
                pos: key_pos(keys, &["text"]),
            },
            format!(
                "{} has no source: \"{}\"",
                link::describe(claim),
                excerpt(&claim.text, 80)
            ),
        )
        .claim(Some(&claim.id))
        .help_if(help)
        .related(related.clone())
        .push();
    }
}

/// The references: entries that exist, and entries that something relies on.
fn reference_findings(
    out: &mut Out,
    ctx: &Context,
    c: &LoadedClaims,
    article: Option<&str>,
    links: &[Vec<Link>],
) {
    let file = c.file.as_str();
    let data = &c.data;
    let article_path = data.article.path.as_str();
    let relied: BTreeSet<&str> = links
        .iter()
        .flatten()
        .filter(|l| l.confirmed())
        .map(|l| l.reference.as_str())
        .collect();
    let relied_sources: BTreeSet<&str> = links
        .iter()
        .flatten()
        .filter(|l| l.confirmed())
        .map(|l| l.source.as_str())
        .collect();
    for (k, r) in data.references.iter().enumerate() {
        let keys = c.reference_keys.get(k);
        let related = article.map(|_| Related {
            file: article_path.to_string(),
            line: r.line,
            column: r.column,
            message: "cited here".into(),
            span: (r.start, r.end),
        });
        if let Some(message) =
            verdicts::stale_corrections_message(r, &format!("reference {}", r.id))
        {
            out.add(
                Rule::StaleCorrection,
                At {
                    file,
                    pos: key_pos(keys, &["corrections", "raw"]),
                },
                message,
            )
            .source(r.source.as_deref())
            .related(related.clone())
            .push();
        }
        if let Some(id) = &r.source {
            if !ctx.sources.contains_key(id) && !ctx.unreadable.contains(id) {
                out.add(
                    Rule::MissingSource,
                    At {
                        file,
                        pos: key_pos(keys, &["source"]),
                    },
                    format!(
                        "reference {} points to sources/{id}.yaml, which does not exist",
                        r.id
                    ),
                )
                .source(Some(id))
                .related(related.clone())
                .push();
            }
            if !r.inline && !relied.contains(r.id.as_str()) && !relied_sources.contains(id.as_str())
            {
                let candidates: Vec<String> = data
                    .claims
                    .iter()
                    .zip(links)
                    .filter_map(|(cl, ls)| {
                        ls.iter()
                            .find(|l| !l.confirmed() && l.reference == r.id)
                            .map(|l| format!("{} (score {:.2})", cl.id, l.score.unwrap_or(0.0)))
                    })
                    .collect();
                let help = (!candidates.is_empty()).then(|| {
                    format!(
                        "claims that may rest on it, not yet confirmed: {}",
                        candidates.join(", ")
                    )
                });
                out.add(
                    Rule::UnusedReference,
                    At {
                        file,
                        pos: key_pos(keys, &["raw"]),
                    },
                    format!(
                        "reference {} ({}) is listed but no claim relies on it",
                        r.id,
                        excerpt(&r.raw, 60)
                    ),
                )
                .source(Some(id))
                .help_if(help)
                .related(related)
                .push();
            }
        }
    }
}

/// `previously-fact-checked`: the stored fact-checks that reviewed what `claim` says, but
/// those an editor rejected for it.
pub(super) fn factcheck_findings(
    out: &mut Out,
    ctx: &Context,
    at: At,
    claim: &crate::model::Claim,
    related: Option<Related>,
) {
    let matches = ctx.factchecks.matches(&claim.text);
    for m in matches {
        let f = m.factcheck;
        let decision = f.decision(&claim.id);
        if decision == Some(crate::model::review::LinkAction::Reject) {
            continue;
        }
        let rating = f.rating.as_deref().unwrap_or("no rating given");
        let by = f
            .fact_checker
            .as_deref()
            .unwrap_or("an unnamed fact-checker");
        let date = f
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let url = f.url.as_deref().unwrap_or("no url given");
        let confirmed = if decision.is_some() {
            " (confirmed by an editor)"
        } else {
            ""
        };
        let message = format!(
            "claim {} was fact-checked before{confirmed}: rated \"{}\" by {}{date}, {} (similarity {:.2}): \"{}\"",
            claim.id,
            excerpt(rating, 60),
            excerpt(by, 60),
            excerpt(url, 200),
            m.similarity,
            excerpt(&f.claim_reviewed, 80),
        );
        let help = format!(
            "read the fact-check; if it is about this claim, confirm with `dossier factchecks confirm {} {url}`, else reject it with `dossier factchecks reject {} {url}`",
            claim.id, claim.id
        );
        out.add(
            Rule::PreviouslyFactChecked,
            At {
                file: at.file,
                pos: at.pos,
            },
            message,
        )
        .claim(Some(&claim.id))
        .help(help)
        .related(related.clone())
        .push();
    }
}
