//! The review queue: the claims and source entries with open findings and no current
//! review, most severe first, made from the audit's worklist in one pass.

use super::{ClaimRef, Target};
use crate::model::review::Review;
use crate::report::audit::{self, WorkItem};
use crate::store::load;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One entry of the review queue: a claim or source with open findings and no current review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueItem {
    /// The claim or source entry to review.
    pub target: Target,
    /// The claim's words, shortened, for claims.
    pub excerpt: Option<String>,
    /// Its open findings, in worklist order.
    pub findings: Vec<WorkItem>,
    /// A review that no longer applies because the words changed (`stale-review`).
    pub stale_review: Option<Review>,
}

/// The review queue, and the files it could not include.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    /// What to review, one item per claim or source entry, in worklist order: the item of
    /// the most severe finding first, then by file and position.
    pub items: Vec<QueueItem>,
    /// Claim files and source entries that could not be read or parsed: their claims (or
    /// the entry) are missing from `items`, so the queue is incomplete until they are fixed.
    pub unread: Vec<load::Problem>,
    /// The articles and snapshots the claim files and source entries name (paths in the
    /// dossier): with the folders they are usually in, what the queue was made from.
    pub read: Vec<String>,
}

/// The load problems that keep a whole claim file or source entry out of the dossier.
pub(super) fn unread_files(loaded: &load::LoadedDossier) -> Vec<load::Problem> {
    use load::ProblemKind::{InvalidValue, InvalidYaml, UnknownField};
    let loaded_files: HashSet<&str> = loaded.claims.iter().map(|c| c.file.as_str()).collect();
    loaded
        .problems
        .iter()
        .filter(|p| matches!(p.kind, InvalidYaml | UnknownField | InvalidValue))
        .filter(|p| match &p.source {
            Some(id) => !loaded.sources.contains_key(id),
            None => !loaded_files.contains(p.file.as_str()),
        })
        .cloned()
        .collect()
}

/// The review queue of a dossier already loaded, checked and audited, from the audit's
/// worklist (see [`Desk::queue`](super::Desk::queue)).
pub fn queue_of(loaded: &load::LoadedDossier, worklist: Vec<audit::WorkItem>) -> Vec<QueueItem> {
    let mut out: Vec<QueueItem> = Vec::new();
    // Where each target's item is in `out` (or None when a current verdict keeps it out),
    // and each claim's review, so that the queue is built in one pass over the worklist.
    let mut seen: HashMap<Target, Option<usize>> = Default::default();
    let claim_reviews: HashMap<(&str, &str), &crate::model::Claim> = loaded
        .claims
        .iter()
        .flat_map(|f| {
            f.data
                .claims
                .iter()
                .map(move |c| ((f.file.as_str(), c.id.as_str()), c))
        })
        .collect();
    // The worklist is taken, not copied: half a million items on a large dossier.
    for item in worklist {
        let target = match (&item.claim, &item.source, &item.article) {
            (Some(id), _, Some(article)) => Target::Claim(ClaimRef {
                file: item.at.file.clone(),
                article: article.clone(),
                id: id.clone(),
            }),
            (None, Some(source), _) if item.at.file.starts_with("sources/") => {
                Target::Source { id: source.clone() }
            }
            _ => continue,
        };
        match seen.get(&target) {
            Some(Some(i)) => {
                out[*i].findings.push(item);
                continue;
            }
            Some(None) => continue,
            None => {}
        }
        let (review, stale) = match &target {
            Target::Claim(c) => claim_reviews
                .get(&(c.file.as_str(), c.id.as_str()))
                .map_or((None, false), |x| (x.review.clone(), x.review_is_stale())),
            Target::Source { id } => loaded.sources.get(id).map_or((None, false), |s| {
                (s.data.review.clone(), s.data.review_is_stale())
            }),
        };
        if review.is_some() && !stale {
            seen.insert(target, None);
            continue;
        }
        seen.insert(target.clone(), Some(out.len()));
        out.push(QueueItem {
            target,
            excerpt: item.excerpt.clone(),
            findings: vec![item],
            stale_review: review.filter(|_| stale),
        });
    }
    out
}
