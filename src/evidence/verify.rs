//! The evidence pass of `dossier check`: every claim with a confirmed link to a source that
//! has a snapshot is looked up in it, one claim file at a time (each snapshot read once per
//! run, all the file's claims on it searched in one pass); every recorded snapshot hash is
//! compared with the file.

use super::diff::DiffPart;
use super::language::{self, Languages};
use super::search::{search, Mode, Outcome, Passage};
use super::snapshot::{text_of, Format};
use crate::link::Link;
use crate::model::ClaimKind;
use crate::store::load::{snapshot_problem, LoadedClaims, LoadedDossier, LoadedSource};
use crate::util::sha256_hex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Longest passage kept, in characters.
pub const PASSAGE_CHARS: usize = 400;

/// What the snapshot says about a claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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
    /// The status in the words reports show it in ("not found", "possible support").
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidencePassage {
    /// 1-based line in the snapshot's readable text.
    pub line: usize,
    /// The passage with runs of white space as one space, cut to [`PASSAGE_CHARS`].
    pub text: String,
    /// Share of the claim's words matched (altered, closest or suggested passages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// One claim checked against one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The claim file.
    pub file: String,
    /// The claim's id within that file.
    pub claim: String,
    /// The id of the source whose snapshot was searched.
    pub source: String,
    /// The snapshot's path.
    pub snapshot: String,
    /// What the snapshot says: verified, altered, not found, translated or suggested.
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema, Deserialize)]
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
    /// The id of the source entry that recorded the hash.
    pub source: String,
    /// The source entry's file.
    pub file: String,
    /// The snapshot's path, relative to the dossier root.
    pub path: String,
    /// The hash the source entry records, trimmed of white space.
    pub recorded: String,
    /// The lower-case hex SHA-256 of the file's bytes now.
    pub actual: String,
}

/// What the evidence pass found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verification {
    /// By claim file, claim order, then source.
    pub evidence: Vec<Evidence>,
    /// Snapshots whose bytes no longer match their recorded hash, in path order.
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
    out.changed = changed_snapshots(&dossier.root, &dossier.sources);
    let snapshots = Snapshots::new(&dossier.root);
    for (c, file_links) in dossier.claims.iter().zip(links) {
        out.evidence
            .extend(verify_file(&dossier.sources, c, file_links, &snapshots));
    }
    out
}

/// The readable texts of the snapshots read so far in a run, by path: a snapshot cited by
/// many claim files is read once. `None` for a snapshot that cannot be used (its problem is
/// reported by the loader as `invalid-path`).
#[derive(Debug)]
pub struct Snapshots {
    root: PathBuf,
    texts: Mutex<HashMap<String, Option<Arc<str>>>>,
}

impl Snapshots {
    /// Snapshots read from the dossier at `root`; an empty root (a dossier built in memory)
    /// has none.
    pub fn new(root: &Path) -> Snapshots {
        Snapshots {
            root: root.to_path_buf(),
            texts: Mutex::default(),
        }
    }

    fn text(&self, path: &str) -> Option<Arc<str>> {
        if self.root.as_os_str().is_empty() || path.trim().is_empty() {
            return None;
        }
        if let Some(t) = self.texts.lock().ok()?.get(path) {
            return t.clone();
        }
        let text = (snapshot_problem(&self.root, path).is_none())
            .then(|| {
                // Bounded, regular files only: the loader reports any other snapshot.
                crate::store::fs::read_limited(
                    &self.root.join(path),
                    super::snapshot::MAX_SNAPSHOT_BYTES,
                )
                .ok()
            })
            .flatten()
            .map(|bytes| Arc::from(text_of(&bytes, Format::of(path))));
        self.texts
            .lock()
            .ok()?
            .entry(path.to_string())
            .or_insert(text)
            .clone()
    }
}

/// The snapshots whose bytes no longer have the hash their source entry recorded.
pub fn changed_snapshots(
    root: &Path,
    sources: &BTreeMap<String, LoadedSource>,
) -> Vec<ChangedSnapshot> {
    let mut out = Vec::new();
    if root.as_os_str().is_empty() {
        return out;
    }
    // Usable snapshots with a recorded hash, by path, and the sources recording one.
    let mut paths: BTreeMap<&str, Vec<(&LoadedSource, &str)>> = BTreeMap::new();
    for s in sources.values() {
        let Some(snap) = &s.data.snapshot else {
            continue;
        };
        let p = snap.path();
        if let Some(h) = snap.sha256() {
            if !p.trim().is_empty() && snapshot_problem(root, p).is_none() {
                paths.entry(p).or_default().push((s, h));
            }
        }
    }
    for (path, recorded) in paths {
        let Ok(bytes) =
            crate::store::fs::read_limited(&root.join(path), super::snapshot::MAX_SNAPSHOT_BYTES)
        else {
            continue;
        };
        let actual = sha256_hex(&bytes);
        for (s, h) in recorded {
            if !h.trim().eq_ignore_ascii_case(&actual) {
                out.push(ChangedSnapshot {
                    source: s.id.clone(),
                    file: s.file.clone(),
                    path: path.to_string(),
                    recorded: h.trim().to_string(),
                    actual: actual.clone(),
                });
            }
        }
    }
    out
}

/// Check the linked claims of one claim file against their sources' snapshots, in claim
/// order, then by source. `links` is parallel to the file's claims.
pub fn verify_file(
    sources: &BTreeMap<String, LoadedSource>,
    c: &LoadedClaims,
    links: &[Vec<Link>],
    snapshots: &Snapshots,
) -> Vec<Evidence> {
    // The requests of this file, by snapshot path, each with its place for the order.
    let mut requests: BTreeMap<&str, Vec<(usize, Request)>> = BTreeMap::new();
    for (k, (claim, claim_links)) in c.data.claims.iter().zip(links.iter()).enumerate() {
        let mut done: Vec<&str> = Vec::new();
        for l in claim_links.iter().filter(|l| l.confirmed()) {
            if done.contains(&l.source.as_str()) {
                continue;
            }
            done.push(&l.source);
            let Some(src) = sources.get(&l.source) else {
                continue;
            };
            let Some(path) = src.data.snapshot.as_ref().map(|s| s.path()) else {
                continue;
            };
            requests.entry(path).or_default().push((
                k,
                Request {
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
                },
            ));
        }
    }
    let mut order: BTreeMap<(usize, &str), Evidence> = BTreeMap::new();
    for (path, reqs) in &requests {
        let Some(text) = snapshots.text(path) else {
            continue;
        };
        // The recorded originals are searched in the same pass, after the claims.
        let mut asks: Vec<(&str, Mode)> = reqs.iter().map(|(_, r)| (r.text, r.mode)).collect();
        asks.extend(
            reqs.iter()
                .filter_map(|(_, r)| r.original.map(|o| (o, Mode::Quote))),
        );
        let mut outcomes = search(&text, &asks).into_iter();
        let found: Vec<Outcome> = outcomes.by_ref().take(reqs.len()).collect();
        let mut originals = outcomes;
        // The snapshot's language, detected once and only if a quote is not found in it.
        let mut snapshot_language = None;
        for ((k, r), outcome) in reqs.iter().zip(found) {
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
            order.insert((*k, r.source), e);
        }
    }
    order.into_values().collect()
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
        text: crate::util::excerpt(&p.text, PASSAGE_CHARS),
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

/// The message and help of a `quote-translated` finding on `e`, a translated quote's
/// evidence; `rule_help` is the rule's own advice.
pub fn translated_finding(e: &Evidence, rule_help: &str) -> (String, String) {
    let (quote, source) = e.languages.as_ref().map_or(("", ""), |l| {
        (language::name_of(&l.quote), language::name_of(&l.source))
    });
    let message = format!(
        "quote {} is in {quote} and the snapshot {} of source {} is in {source}: a translation, which cannot be checked word for word",
        e.claim, e.snapshot, e.source
    );
    let original = match &e.original {
        Some(o) if o.found => format!(
            "the original words its review records are in the snapshot (line {}); ",
            o.line.unwrap_or(0)
        ),
        Some(_) => "the original words its review records are NOT in the snapshot: correct them; "
            .to_string(),
        None => String::new(),
    };
    (
        message,
        format!("the source is in {source}; {original}{rule_help}"),
    )
}
