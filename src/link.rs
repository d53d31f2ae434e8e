//! Linking claims to source entries. Every link records how it was made:
//!
//! - `explicit`: the claim's sentence cites the reference (a footnote marker, `[n]`,
//!   `(Outlet, Year)`, a named source or a hyperlink);
//! - `venue`: the article says where the words were published ("as published in Kommersant")
//!   and that outlet is one of its references;
//! - `inferred`: the claim's words resemble a reference's title or description. A suggestion
//!   with a score, never counted as a source until an editor confirms it;
//! - `manual`: an editor confirmed the source for the claim (`dossier link`).
//!
//! An editor's rejection (`dossier unlink`) removes the link to that source whatever made it:
//! an inferred suggestion is no longer offered, and an explicit or venue link no longer counts
//! (the article cites the work, but the editor judged that it does not support the claim).
//! When a claim holds several decisions about one source, the last one counts.

use crate::model::{Claim, ClaimFile, ClaimKind, LinkAction, Reference};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// How a link was made.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// The claim's sentence cites the reference: a footnote marker, `[n]`, `(Outlet, Year)`,
    /// a named source or a hyperlink.
    Explicit,
    /// The article says where the words were published, and that outlet is one of its
    /// references.
    Venue,
    /// The claim's words resemble the reference's title or description: a suggestion with a
    /// score, not a source until an editor confirms it.
    Inferred,
    /// An editor confirmed the source for the claim (`dossier link`).
    Manual,
}

/// A link from a claim to a source entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    /// The source entry id (`sources/<id>.yaml`).
    pub source: String,
    /// The reference of the claim file through which the link was made.
    pub reference: String,
    /// How the link was made; every kind but `inferred` counts as a source of the claim.
    pub how: How,
    /// Similarity for inferred links, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Link {
    /// Explicit, venue and manual links are sources; inferred ones are suggestions.
    pub fn confirmed(&self) -> bool {
        self.how != How::Inferred
    }
}

/// Minimum similarity for an inferred suggestion.
pub const INFER_THRESHOLD: f64 = 0.3;

const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "with", "between", "what", "we",
    "know", "is", "are", "was", "were", "be", "by", "at", "as", "from", "that", "this", "it",
    "its", "his", "her", "their", "has", "have", "had", "not", "but", "about", "into", "over",
    "how", "why", "who", "which", "will", "would", "than", "more", "also",
];

/// Content words of a text, lower-cased and crudely stemmed.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|w| {
            w.trim_matches(|c| c == '\'' || c == '\u{2019}')
                .to_lowercase()
        })
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| w.chars().count() > 1 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

fn stem(w: &str) -> String {
    for suffix in ["ies", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 4 {
                return if suffix == "ies" {
                    format!("{base}y")
                } else {
                    base.to_string()
                };
            }
        }
    }
    w.to_string()
}

fn norm_outlet(o: &str) -> String {
    let l = o.trim().to_lowercase();
    l.strip_prefix("the ").unwrap_or(&l).to_string()
}

/// The links of every claim of a claim file, parallel to `file.claims`.
pub fn link_claims(file: &ClaimFile) -> Vec<Vec<Link>> {
    let refs: HashMap<&str, &Reference> =
        file.references.iter().map(|r| (r.id.as_str(), r)).collect();
    // Word rarity across the article's claims and references, so that a word every claim
    // shares ("Trump", "Russia") counts for little.
    let claim_words: Vec<BTreeSet<String>> = file.claims.iter().map(|c| words(&c.text)).collect();
    let ref_words: Vec<(usize, BTreeSet<String>)> = file
        .references
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.inline && r.source.is_some())
        .filter_map(|(i, r)| {
            let t = [r.title.as_deref(), r.description.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            (!t.is_empty()).then(|| (i, words(&t)))
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for set in claim_words.iter().chain(ref_words.iter().map(|(_, w)| w)) {
        for w in set {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n_docs = (claim_words.len() + ref_words.len()).max(1) as f64;
    let idf = |w: &str| (1.0 + n_docs / (1.0 + *df.get(w).unwrap_or(&0) as f64)).ln();

    file.claims
        .iter()
        .zip(&claim_words)
        .map(|(claim, cw)| {
            let mut links: Vec<Link> = Vec::new();
            for rid in &claim.cites {
                if let Some(r) = refs.get(rid.as_str()) {
                    if let Some(s) = &r.source {
                        push(&mut links, s, &r.id, How::Explicit, None);
                    }
                }
            }
            if let Some(venue) = &claim.venue {
                let v = norm_outlet(venue);
                // Prefer an entry of the reference list; fall back to an inline mention.
                let hit = file
                    .references
                    .iter()
                    .filter(|r| {
                        r.outlet.as_deref().is_some_and(|o| norm_outlet(o) == v)
                            && r.source.is_some()
                    })
                    .min_by_key(|r| r.inline);
                if let Some(r) = hit {
                    if let Some(s) = &r.source {
                        push(&mut links, s, &r.id, How::Venue, None);
                    }
                }
            }
            if claim.kind != ClaimKind::Quote || links.is_empty() {
                for (i, rw) in &ref_words {
                    let r = &file.references[*i];
                    let total: f64 = rw.iter().map(|w| idf(w)).sum();
                    if total <= 0.0 {
                        continue;
                    }
                    let shared: f64 = rw.intersection(cw).map(|w| idf(w)).sum();
                    let score = (shared / total * 100.0).round() / 100.0;
                    if score >= INFER_THRESHOLD {
                        if let Some(s) = &r.source {
                            if !links.iter().any(|l| &l.source == s) {
                                push(&mut links, s, &r.id, How::Inferred, Some(score));
                            }
                        }
                    }
                }
            }
            apply_decisions(claim, file, &mut links);
            links
        })
        .collect()
}

/// The reference id recorded for a manual link that goes through no reference of the article.
pub const MANUAL_REFERENCE: &str = "manual";

/// Apply an editor's link decisions to the links found for `claim`.
fn apply_decisions(claim: &Claim, file: &ClaimFile, links: &mut Vec<Link>) {
    let mut last: Vec<(&str, LinkAction)> = Vec::new();
    for d in &claim.links {
        last.retain(|(s, _)| *s != d.source.as_str());
        last.push((d.source.as_str(), d.action));
    }
    for (source, action) in last {
        match action {
            LinkAction::Reject => links.retain(|l| l.source != source),
            LinkAction::Confirm => {
                links.retain(|l| !(l.source == source && l.how == How::Inferred));
                let reference = file
                    .references
                    .iter()
                    .find(|r| r.source.as_deref() == Some(source))
                    .map_or(MANUAL_REFERENCE, |r| r.id.as_str());
                push(links, source, reference, How::Manual, None);
            }
        }
    }
}

fn push(links: &mut Vec<Link>, source: &str, reference: &str, how: How, score: Option<f64>) {
    if links.iter().any(|l| l.source == source && l.how == how) {
        return;
    }
    links.push(Link {
        source: source.to_string(),
        reference: reference.to_string(),
        how,
        score,
    });
}

/// Does the claim have a confirmed source?
pub fn is_sourced(links: &[Link]) -> bool {
    links.iter().any(Link::confirmed)
}

/// The best inferred suggestions for a claim, highest score first.
pub fn suggestions(links: &[Link]) -> Vec<&Link> {
    let mut s: Vec<&Link> = links.iter().filter(|l| l.how == How::Inferred).collect();
    s.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.source.cmp(&b.source))
    });
    s
}

/// A short description of a claim for messages: kind and speaker.
pub fn describe(claim: &Claim) -> String {
    match (&claim.kind, &claim.speaker) {
        (ClaimKind::Quote, Some(s)) => format!("quote by {s}"),
        (ClaimKind::Reported, Some(s)) => format!("statement reported from {s}"),
        (ClaimKind::Quote, None) => "unattributed quote".to_string(),
        (ClaimKind::Reported, None) => "reported statement".to_string(),
        (ClaimKind::Assertion, _) => "assertion".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_stopwords() {
        let w = words("Russia’s Role in US Elections: What We Know");
        assert!(w.contains("russia") && w.contains("election") && w.contains("role"));
        assert!(!w.contains("what") && !w.contains("in"));
    }
}
