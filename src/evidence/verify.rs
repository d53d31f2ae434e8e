//! The evidence pass of `dossier check`: every claim with a confirmed link to a source that
//! has a snapshot is looked up in it, one snapshot at a time (each read once, all its claims
//! searched in one pass); every recorded snapshot hash is compared with the file.

use super::diff::DiffPart;
use super::language::{self, Languages};
use super::search::{search, Mode, Outcome, Passage};
use super::snapshot::{sha256_hex, text_of, Format};
use crate::link::Link;
use crate::model::ClaimKind;
use crate::store::load::{snapshot_problem, LoadedDossier};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Longest passage kept, in characters.
pub const PASSAGE_CHARS: usize = 400;

/// What the snapshot says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The quote is in the snapshot word for word (after normalisation).
    Verified,
    /// A close passage differs from the quote; see the diff.
    Altered,
    /// The quote is not in the snapshot.
    NotFound,
    /// The quote is not in the snapshot, which is in another language: a translation, which
    /// only an editor can check ([`super::language`]).
    Translated,
    /// Reported speech or an assertion: passages that may support it (never a verdict).
    Suggested,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Altered => "altered",
            Status::NotFound => "not found",
            Status::Translated => "translated",
            Status::Suggested => "possible support",
        }
    }
}

/// A passage of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EvidencePassage {
    /// 1-based line in the snapshot's readable text.
    pub line: usize,
    pub text: String,
    /// Share of the claim's words matched (altered, closest or suggested passages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// One claim checked against one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evidence {
    /// The claim file.
    pub file: String,
    pub claim: String,
    pub source: String,
    /// The snapshot's path.
    pub snapshot: String,
    pub status: Status,
    /// Share of the quote's words matched, for an altered quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The matching passage (verified, altered), the closest one (not found, when any came
    /// near) or the suggested ones, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<EvidencePassage>,
    /// Word diff from the passage to the quote, for an altered quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffPart>,
    /// The quote's and the snapshot's languages, for a translated quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Languages>,
    /// For a translated quote whose review records the source's own words (`review.quote`):
    /// those words, checked against the snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
}

/// The original-language passage an editor recorded for a translated quote (the `quote` of
/// the claim's review), looked up word for word in the snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Original {
    /// The words the review records.
    pub text: String,
    /// True when they are in the snapshot word for word (after normalisation).
    pub found: bool,
    /// 1-based line of the passage in the snapshot's readable text, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// A snapshot whose bytes no longer have the recorded hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedSnapshot {
    pub source: String,
    /// The source entry's file.
    pub file: String,
    pub path: String,
    pub recorded: String,
    pub actual: String,
}

/// What the evidence pass found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verification {
    /// By claim file, claim order, then source.
    pub evidence: Vec<Evidence>,
    pub changed: Vec<ChangedSnapshot>,
}

struct Request<'a> {
    file: &'a str,
    claim: &'a str,
    text: &'a str,
    mode: Mode,
    source: &'a str,
    /// For a quote, the source's own words its review records (`review.quote`, when the
    /// review names no other source): checked if the quote turns out to be translated.
    original: Option<&'a str>,
}

/// Check every linked claim against its sources' snapshots. `links` is parallel to
/// `dossier.claims` (one list of links per claim).
pub fn verify(dossier: &LoadedDossier, links: &[&[Vec<Link>]]) -> Verification {
    let mut out = Verification::default();
    if dossier.root.as_os_str().is_empty() {
        return out;
    }
    // Usable snapshots by path, and the sources using each.
    let mut paths: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for s in dossier.sources.values() {
        if let Some(snap) = &s.data.snapshot {
            let p = snap.path();
            if !p.trim().is_empty() && snapshot_problem(&dossier.root, p).is_none() {
                paths.entry(p).or_default().push(&s.id);
            }
        }
    }
    let mut requests: BTreeMap<&str, Vec<Request>> = BTreeMap::new();
    for (c, file_links) in dossier.claims.iter().zip(links) {
        for (claim, claim_links) in c.data.claims.iter().zip(file_links.iter()) {
            let mut done: Vec<&str> = Vec::new();
            for l in claim_links.iter().filter(|l| l.confirmed()) {
                if done.contains(&l.source.as_str()) {
                    continue;
                }
                done.push(&l.source);
                let Some(src) = dossier.sources.get(&l.source) else {
                    continue;
                };
                let Some(path) = src.data.snapshot.as_ref().map(|s| s.path()) else {
                    continue;
                };
                if !paths.contains_key(path) {
                    continue;
                }
                requests.entry(path).or_default().push(Request {
                    file: &c.file,
                    claim: &claim.id,
                    text: &claim.text,
                    mode: if claim.kind == ClaimKind::Quote {
                        Mode::Quote
                    } else {
                        Mode::Support
                    },
                    source: &src.id,
                    original: (claim.kind == ClaimKind::Quote)
                        .then_some(claim.review.as_ref())
                        .flatten()
                        .filter(|r| r.source.as_deref().is_none_or(|s| s == src.id))
                        .and_then(|r| r.quote.as_deref())
                        .filter(|q| !q.trim().is_empty()),
                });
            }
        }
    }
    // Every snapshot in use or with a recorded hash is read once.
    let mut order: BTreeMap<(usize, usize, String), Evidence> = BTreeMap::new();
    let claim_order: BTreeMap<(&str, &str), (usize, usize)> = dossier
        .claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.data
                .claims
                .iter()
                .enumerate()
                .map(move |(k, cl)| ((c.file.as_str(), cl.id.as_str()), (i, k)))
        })
        .collect();
    for (path, sources) in &paths {
        // Bounded, regular files only: the loader reports any other snapshot (invalid-path).
        let Ok(bytes) = crate::store::fs::read_limited(
            &dossier.root.join(path),
            super::snapshot::MAX_SNAPSHOT_BYTES,
        ) else {
            continue;
        };
        let recorded: Vec<(&str, &str)> = sources
            .iter()
            .filter_map(|id| {
                let s = &dossier.sources[*id];
                s.data
                    .snapshot
                    .as_ref()
                    .and_then(|x| x.sha256())
                    .map(|h| (*id, h))
            })
            .collect();
        if !recorded.is_empty() {
            let actual = sha256_hex(&bytes);
            for (id, h) in recorded {
                if !h.trim().eq_ignore_ascii_case(&actual) {
                    out.changed.push(ChangedSnapshot {
                        source: id.to_string(),
                        file: dossier.sources[id].file.clone(),
                        path: path.to_string(),
                        recorded: h.trim().to_string(),
                        actual: actual.clone(),
                    });
                }
            }
        }
        let Some(reqs) = requests.get(path) else {
            continue;
        };
        let text = text_of(&bytes, Format::of(path));
        drop(bytes);
        // The recorded originals are searched in the same pass, after the claims.
        let mut asks: Vec<(&str, Mode)> = reqs.iter().map(|r| (r.text, r.mode)).collect();
        asks.extend(
            reqs.iter()
                .filter_map(|r| r.original.map(|o| (o, Mode::Quote))),
        );
        let mut outcomes = search(&text, &asks).into_iter();
        let found: Vec<Outcome> = outcomes.by_ref().take(reqs.len()).collect();
        let mut originals = outcomes;
        // The snapshot's language, detected once and only if a quote is not found in it.
        let mut snapshot_language = None;
        for (r, outcome) in reqs.iter().zip(found) {
            let original = r.original.and_then(|_| originals.next());
            let Some(mut e) = evidence_of(r, path, outcome) else {
                continue;
            };
            if e.status == Status::NotFound {
                let source = *snapshot_language.get_or_insert_with(|| language::of_snapshot(&text));
                if let Some(l) = language::translated(r.text, source) {
                    translate(&mut e, l, r.original.zip(original));
                }
            }
            let at = claim_order
                .get(&(r.file, r.claim))
                .copied()
                .unwrap_or((usize::MAX, usize::MAX));
            order.insert((at.0, at.1, r.source.to_string()), e);
        }
    }
    out.evidence = order.into_values().collect();
    out
}

/// Make a quote that was not found a translated one: the closest passage of another language
/// means nothing, so it is dropped; the recorded original, if any, says where the words are.
fn translate(e: &mut Evidence, languages: Languages, original: Option<(&str, Outcome)>) {
    e.status = Status::Translated;
    e.languages = Some(languages);
    e.passages.clear();
    e.original = original.map(|(words, outcome)| {
        let at = match outcome {
            Outcome::Verified(p) => Some(p),
            _ => None,
        };
        e.passages.extend(at.as_ref().map(|p| shown(p, None)));
        Original {
            text: words.to_string(),
            found: at.is_some(),
            line: at.map(|p| p.line),
        }
    });
}

fn shown(p: &Passage, score: Option<f64>) -> EvidencePassage {
    EvidencePassage {
        line: p.line,
        text: crate::check::excerpt(&p.text, PASSAGE_CHARS),
        score,
    }
}

fn evidence_of(r: &Request, path: &str, outcome: Outcome) -> Option<Evidence> {
    let mut e = Evidence {
        file: r.file.to_string(),
        claim: r.claim.to_string(),
        source: r.source.to_string(),
        snapshot: path.to_string(),
        status: Status::Verified,
        similarity: None,
        passages: Vec::new(),
        diff: Vec::new(),
        languages: None,
        original: None,
    };
    match outcome {
        Outcome::Empty => return None,
        Outcome::Verified(p) => e.passages.push(shown(&p, None)),
        Outcome::Altered {
            passage,
            similarity,
            diff,
        } => {
            e.status = Status::Altered;
            e.similarity = Some(similarity);
            e.passages.push(shown(&passage, Some(similarity)));
            e.diff = diff;
        }
        Outcome::NotFound { closest } => {
            e.status = Status::NotFound;
            if let Some((p, s)) = closest {
                e.passages.push(shown(&p, Some(s)));
            }
        }
        Outcome::Supports(list) => {
            if list.is_empty() {
                return None;
            }
            e.status = Status::Suggested;
            e.passages = list.iter().map(|(p, s)| shown(p, Some(*s))).collect();
        }
    }
    Some(e)
}
