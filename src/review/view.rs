//! A read-only view of the desk: the dossier loaded and checked once ([`DeskView`]), and
//! everything a reviewer needs to judge one claim ([`ClaimView`]).

use super::ClaimRef;
use serde::Serialize;

/// Everything a reviewer needs to judge one claim, from one [`DeskView`] of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimView {
    /// The claim viewed, as it was asked for.
    pub target: ClaimRef,
    /// The claim as its claim file holds it (with its review, notes and corrections).
    pub claim: crate::model::Claim,
    /// The article's path, relative to the dossier root.
    pub article_path: String,
    /// The claim's paragraph in the article: the text before the claim, the claim's own
    /// words as they stand in the article now (empty when they are gone), the text after.
    /// At most [`CONTEXT_CHARS`] characters on each side.
    pub before: String,
    /// The claim's words in the article; empty when the claim vanished or the article no
    /// longer has them at its offsets.
    pub words: String,
    /// The rest of the claim's paragraph after it; empty when `words` is.
    pub after: String,
    /// Confirmed links first, then inferred suggestions, highest score first.
    pub links: Vec<crate::link::Link>,
    /// Open findings about the claim, in check's order.
    pub findings: Vec<crate::check::Finding>,
    /// Findings about it a verdict resolved.
    pub resolved: Vec<crate::check::Finding>,
    /// True when the claim's review judged other words.
    pub review_stale: bool,
}

/// Most characters of article context on each side of a claim in a [`ClaimView`].
pub const CONTEXT_CHARS: usize = 600;

/// The dossier loaded and checked once, to look at many claims without reloading.
#[derive(Debug, Clone)]
pub struct DeskView {
    /// The dossier's claim files, source entries and articles, as loaded for the view.
    pub loaded: crate::store::load::LoadedDossier,
    /// What `check` found in them, with the links of every claim.
    pub result: crate::check::CheckResult,
}

impl DeskView {
    /// The view of one claim, if the view holds it.
    pub fn claim_view(&self, target: &ClaimRef) -> Option<ClaimView> {
        let (k, file) = self
            .loaded
            .claims
            .iter()
            .enumerate()
            .find(|(_, c)| c.file == target.file)?;
        let (i, claim) = file
            .data
            .claims
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == target.id)?;
        let article_path = file.data.article.path.clone();
        let text = self
            .loaded
            .articles
            .get(&article_path)
            .map_or("", String::as_str);
        let here = !claim.vanished && text.get(claim.start..claim.end) == Some(claim.text.as_str());
        let (before, words, after) = if here {
            let para_start = text[..claim.start].rfind("\n\n").map_or(0, |p| p + 2);
            let para_end = text[claim.end..]
                .find("\n\n")
                .map_or(text.len(), |p| claim.end + p);
            (
                tail_chars(&text[para_start..claim.start], CONTEXT_CHARS),
                claim.text.clone(),
                head_chars(&text[claim.end..para_end], CONTEXT_CHARS),
            )
        } else {
            (String::new(), String::new(), String::new())
        };
        let all = self
            .result
            .links
            .iter()
            .find(|l| l.file == file.file)
            .or_else(|| self.result.links.get(k))
            .and_then(|l| l.claims.get(i))
            .cloned()
            .unwrap_or_default();
        let mut links: Vec<crate::link::Link> =
            all.iter().filter(|l| l.confirmed()).cloned().collect();
        links.extend(crate::link::suggestions(&all).into_iter().cloned());
        let about = |f: &&crate::check::Finding| {
            f.file == target.file && f.claim.as_deref() == Some(target.id.as_str())
        };
        Some(ClaimView {
            target: target.clone(),
            claim: claim.clone(),
            article_path,
            before,
            words,
            after,
            links,
            findings: self.result.findings.iter().filter(about).cloned().collect(),
            resolved: self.result.resolved.iter().filter(about).cloned().collect(),
            review_stale: claim.review_is_stale(),
        })
    }
}

fn tail_chars(s: &str, n: usize) -> String {
    let skip = s.chars().count().saturating_sub(n);
    s.chars().skip(skip).collect()
}

fn head_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
