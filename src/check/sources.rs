//! The rules on source entries (incomplete, unverifiable, unused, dated after the articles
//! citing them) and on snapshots changed since they were taken.

use super::out::{key_pos, At, Out};
use super::verdicts::{review_findings, ReviewSubject};
use super::{ArticleFacts, Context, Rule};
use crate::evidence::verify;
use crate::store::load::LoadedSource;
use crate::util::excerpt;

/// Findings for snapshots that changed since they were taken.
pub(super) fn snapshot_findings(out: &mut Out, ctx: &Context, changed: &[verify::ChangedSnapshot]) {
    for c in changed {
        let keys = ctx.sources.get(&c.source).map(|s| &s.keys);
        let message = format!(
            "snapshot {} of source {} changed since it was taken: sha256 {} was recorded, the file has {}",
            c.path,
            c.source,
            hash_prefix(&c.recorded),
            hash_prefix(&c.actual)
        );
        let help = format!(
            "{}; the file's sha256 is now {}",
            Rule::SnapshotChanged.help(),
            c.actual
        );
        let at = At {
            file: &c.file,
            pos: key_pos(keys, &["snapshot"]),
        };
        out.add(Rule::SnapshotChanged, at, message)
            .source(Some(&c.source))
            .help(help)
            .push();
    }
}

/// The findings of one source entry; `citing` are the claim files whose references name it.
pub(super) fn check_source(out: &mut Out, s: &LoadedSource, citing: &[&ArticleFacts]) {
    let file = s.file.as_str();
    let e = &s.data;
    review_findings(
        out,
        At {
            file,
            pos: key_pos(Some(&s.keys), &["review", "type"]),
        },
        ReviewSubject {
            review: e.review.as_ref(),
            stale: e.review_is_stale(),
            claim: None,
            source: Some(&s.id),
            related: None,
        },
    );
    if !e.has_locator() {
        out.add(
            Rule::UnverifiableSource,
            At {
                file,
                pos: key_pos(Some(&s.keys), &["url", "type"]),
            },
            format!("source {} has no URL, DOI, archived copy or snapshot", s.id),
        )
        .source(Some(&s.id))
        .push();
    }
    for (field, value) in e.non_web_urls() {
        out.add(
            Rule::InvalidValue,
            At {
                file,
                pos: key_pos(Some(&s.keys), &[field]),
            },
            format!(
                "`{field}` of source {} is not an http(s) URL: {}",
                s.id,
                excerpt(value, 60)
            ),
        )
        .source(Some(&s.id))
        .help("give the page's full address, starting with https:// or http://")
        .push();
    }
    let mut missing = Vec::new();
    if e.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        missing.push("title");
    }
    if e.date.as_deref().is_none_or(|t| t.trim().is_empty()) {
        missing.push("date");
    }
    if e.outlet().is_none() {
        missing.push("publisher");
    }
    if !missing.is_empty() {
        out.add(
            Rule::IncompleteSource,
            At {
                file,
                pos: key_pos(Some(&s.keys), &missing),
            },
            format!("source {} has no {}", s.id, missing.join(", ")),
        )
        .source(Some(&s.id))
        .push();
    }
    // Dated after an article that cites it?
    if let Some(date) = e.date.as_deref().filter(|d| d.len() >= 4) {
        for c in citing {
            let Some(article_date) = c.date.as_deref() else {
                continue;
            };
            let n = date.len().min(article_date.len());
            if date.get(..n) > article_date.get(..n) {
                out.add(
                    Rule::SourceAfterArticle,
                    At {
                        file,
                        pos: key_pos(Some(&s.keys), &["date"]),
                    },
                    format!(
                        "source {} is dated {date}, after {} ({article_date}) which cites it",
                        s.id, c.path
                    ),
                )
                .source(Some(&s.id))
                .push();
            }
        }
    }
}

/// The first 12 hex digits of a hash, enough to tell two apart in a message.
fn hash_prefix(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
