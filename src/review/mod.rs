//! The editor's desk: the review queue, and recording verdicts, notes and link decisions.
//!
//! A [`Desk`] works on one dossier. Every change is a load–modify–write of the one YAML file
//! it concerns, made under the dossier's write lock ([`crate::store::lock`]) and written
//! atomically, so concurrent `dossier` processes never lose each other's work. The library
//! never prints; callers present the results.

pub mod correct;
mod error;
mod queue;
mod view;

pub use error::ReviewError;
pub use queue::{queue_of, Queue, QueueItem};
pub use view::{ClaimView, DeskView, CONTEXT_CHARS};

pub use crate::suggest::suggest;

use crate::check::Config;
use crate::model::review::{text_fingerprint, LinkAction, LinkDecision, Review};
use crate::model::{ClaimFile, SourceEntry};
use crate::report::audit::{self, Filter};
pub use crate::store::dossier::editor_name;
use crate::store::dossier::Dossier;
use crate::store::lock::DEFAULT_WAIT;
use crate::store::{fs, load, yaml};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;

/// A claim of the dossier: its claim file and id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimRef {
    /// The claim file, relative to the dossier root (`claims/<slug>.yaml`).
    pub file: String,
    /// The article's slug (the claim file's name without `.yaml`).
    pub article: String,
    /// The claim's id within that file.
    pub id: String,
}

impl std::fmt::Display for ClaimRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.article, self.id)
    }
}

/// What a verdict or a note is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    /// A claim, by its claim file and id.
    Claim(ClaimRef),
    /// A source entry.
    Source {
        /// The source id: the entry's file name in `sources/` without `.yaml`.
        id: String,
    },
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Claim(c) => write!(f, "claim {c}"),
            Target::Source { id } => write!(f, "source {id}"),
        }
    }
}

/// What a link or unlink changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The decision was recorded.
    Recorded,
    /// The same decision was already recorded; nothing was written.
    Unchanged,
}

/// The editor's desk on one dossier.
#[derive(Debug, Clone)]
pub struct Desk {
    /// The dossier the desk reads and changes.
    pub dossier: Dossier,
    /// How long a change waits for another writer's lock.
    pub wait: Duration,
    /// Whether loading the dossier (queue, snapshot) may use the parse cache.
    pub cache: bool,
}

impl Desk {
    /// A desk on `dossier` that waits [`DEFAULT_WAIT`] for the lock and uses the parse cache.
    pub fn new(dossier: Dossier) -> Desk {
        Desk {
            dossier,
            wait: DEFAULT_WAIT,
            cache: true,
        }
    }

    /// The review queue: every claim and source entry with open findings and no current
    /// review, in the order of the report's worklist (most severe first, then by file and
    /// position). A claim whose review went stale is back in the queue.
    pub fn queue(&self, config: &Config) -> Queue {
        let (loaded, result) = self.load_and_check(config);
        let items = match audit::build(
            &loaded,
            &result,
            &Filter::default(),
            crate::par::default_jobs(),
        ) {
            Ok(a) => queue_of(&loaded, a.worklist),
            Err(_) => Vec::new(),
        };
        Queue {
            items,
            unread: queue::unread_files(&loaded),
            read: loaded.named_files(),
        }
    }

    /// Load and check the dossier once, for [`DeskView::claim_view`].
    pub fn view(&self, config: &Config) -> DeskView {
        let (loaded, result) = self.load_and_check(config);
        DeskView { loaded, result }
    }

    /// Load the dossier and check it, through the cache (when allowed): both the parse of
    /// each file and each claim file's check are reused when their inputs are unchanged.
    fn load_and_check(&self, config: &Config) -> (load::LoadedDossier, crate::check::CheckResult) {
        let cache = crate::store::cache::Cache::new(&self.dossier, self.cache);
        let jobs = crate::par::default_jobs();
        let loaded = load::load_slim(&self.dossier, jobs, &|| {}, &cache);
        let result = crate::check::run::check_loaded(&self.dossier, &loaded, config, &cache, jobs);
        cache.prune();
        (loaded, result)
    }

    /// The claims `given` (`ID` or `ARTICLE/ID`) names, parsing only the claim files whose
    /// text mentions the id.
    fn claim_hits(&self, given: &str) -> Vec<ClaimRef> {
        let (article, id) = match given.rsplit_once('/') {
            Some((a, i)) => (Some(a.trim_end_matches(".yaml")), i),
            None => (None, given),
        };
        self.claims_where(|slug, text| {
            article.is_none_or(|a| a == slug) && !id.is_empty() && text.contains(id)
        })
        .into_iter()
        .filter(|c| c.id == id && article.is_none_or(|a| a == c.article))
        .collect()
    }

    /// Find a claim by `ID` (unique across the dossier) or `ARTICLE/ID`.
    pub fn resolve_claim(&self, given: &str) -> Result<ClaimRef, ReviewError> {
        let hits = self.claim_hits(given);
        match hits.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(ReviewError::UnknownClaim {
                given: given.to_string(),
                suggestions: suggest(
                    given,
                    self.all_claims()
                        .iter()
                        .flat_map(|c| [c.id.clone(), c.to_string()]),
                ),
            }),
            many => Err(ReviewError::AmbiguousClaim {
                given: given.to_string(),
                candidates: many.iter().map(|c| c.to_string()).collect(),
            }),
        }
    }

    /// Find a source entry by id.
    pub fn resolve_source(&self, given: &str) -> Result<String, ReviewError> {
        let ids = self.source_ids();
        if ids.iter().any(|s| s == given) {
            return Ok(given.to_string());
        }
        Err(ReviewError::UnknownSource {
            given: given.to_string(),
            suggestions: suggest(given, ids),
        })
    }

    /// A claim (`ID` or `ARTICLE/ID`) or, failing that, a source entry id.
    pub fn resolve_target(&self, given: &str) -> Result<Target, ReviewError> {
        // Suggestions (which parse every claim file) only for a name that matches nothing.
        if !self.claim_hits(given).is_empty() {
            return self.resolve_claim(given).map(Target::Claim);
        }
        if self.source_ids().iter().any(|s| s == given) {
            return Ok(Target::Source {
                id: given.to_string(),
            });
        }
        let claims = self.all_claims();
        let candidates = claims
            .iter()
            .flat_map(|c| [c.id.clone(), c.to_string()])
            .chain(self.source_ids());
        Err(ReviewError::UnknownTarget {
            given: given.to_string(),
            suggestions: suggest(given, candidates),
        })
    }

    /// Record `review` on the target, replacing any earlier one, and return it as stored:
    /// `judged` is set to the fingerprint of the claim's words (or of the source entry) now.
    pub fn set_review(&self, target: &Target, mut review: Review) -> Result<Review, ReviewError> {
        check_decision(&review.by, &review.date)?;
        if !review
            .verdict
            .applies_to(matches!(target, Target::Claim(_)))
        {
            return Err(ReviewError::WrongVerdict {
                verdict: review.verdict,
                target: target.to_string(),
            });
        }
        if let Some(s) = &review.source {
            self.resolve_source(s)?;
        }
        match target {
            Target::Claim(c) => self.modify_claims(&c.file, |file| {
                let claim = find_claim(file, c)?;
                review.judged = text_fingerprint(&claim.text);
                claim.review = Some(review.clone());
                Ok(review)
            }),
            Target::Source { id } => self.modify_source(id, |entry| {
                review.judged = entry.fingerprint();
                entry.review = Some(review.clone());
                Ok(review)
            }),
        }
    }

    /// Remove the target's review; returns the one removed, if any.
    pub fn clear_review(&self, target: &Target) -> Result<Option<Review>, ReviewError> {
        match target {
            Target::Claim(c) => {
                self.modify_claims(&c.file, |file| Ok(find_claim(file, c)?.review.take()))
            }
            Target::Source { id } => self.modify_source(id, |entry| Ok(entry.review.take())),
        }
    }

    /// Add an editor's note to a claim or source entry.
    pub fn add_note(&self, target: &Target, note: &str) -> Result<(), ReviewError> {
        match target {
            Target::Claim(c) => self.modify_claims(&c.file, |file| {
                find_claim(file, c)?.notes.push(note.to_string());
                Ok(())
            }),
            Target::Source { id } => self.modify_source(id, |entry| {
                entry.notes.push(note.to_string());
                Ok(())
            }),
        }
    }

    /// Confirm `source` as a source of the claim (a `manual` link).
    pub fn link(
        &self,
        claim: &ClaimRef,
        source: &str,
        by: &str,
        date: &str,
        note: Option<&str>,
    ) -> Result<Change, ReviewError> {
        self.decide(claim, source, LinkAction::Confirm, by, date, note)
    }

    /// Reject `source` as a source of the claim: an inferred suggestion is no longer made, and
    /// an explicit or venue link no longer counts.
    pub fn unlink(
        &self,
        claim: &ClaimRef,
        source: &str,
        by: &str,
        date: &str,
        note: Option<&str>,
    ) -> Result<Change, ReviewError> {
        self.decide(claim, source, LinkAction::Reject, by, date, note)
    }

    fn decide(
        &self,
        claim: &ClaimRef,
        source: &str,
        action: LinkAction,
        by: &str,
        date: &str,
        note: Option<&str>,
    ) -> Result<Change, ReviewError> {
        check_decision(by, date)?;
        let source = match self.resolve_source(source) {
            Ok(s) => s,
            // A link to an entry that was since deleted can still be taken away.
            Err(_) if action == LinkAction::Reject && self.has_decision(claim, source) => {
                source.to_string()
            }
            Err(e) => return Err(e),
        };
        self.modify_claims(&claim.file, |file| {
            let c = find_claim(file, claim)?;
            if c.links
                .iter()
                .rev()
                .find(|d| d.source == source)
                .is_some_and(|d| d.action == action)
            {
                return Ok(Change::Unchanged);
            }
            c.links.retain(|d| d.source != source);
            c.links.push(LinkDecision {
                source: source.clone(),
                action,
                by: by.to_string(),
                date: date.to_string(),
                note: note.map(str::to_string),
            });
            Ok(Change::Recorded)
        })
    }

    /// Does the claim hold a link decision about `source`?
    fn has_decision(&self, claim: &ClaimRef, source: &str) -> bool {
        fs::read_text_limited(&self.dossier.root.join(&claim.file), yaml::MAX_YAML_BYTES)
            .ok()
            .and_then(|t| yaml::from_str::<ClaimFile>(&t).ok())
            .is_some_and(|f| {
                f.claims
                    .iter()
                    .any(|c| c.id == claim.id && c.links.iter().any(|d| d.source == source))
            })
    }

    /// Every claim of the dossier, in claim-file order.
    fn all_claims(&self) -> Vec<ClaimRef> {
        self.claims_where(|_, _| true)
    }

    /// The claims of the claim files for which `wanted(slug, text)` holds, in claim-file order.
    fn claims_where(&self, wanted: impl Fn(&str, &str) -> bool) -> Vec<ClaimRef> {
        let mut out = Vec::new();
        for path in load::yaml_files(&self.dossier.root.join("claims")) {
            let Ok(text) = fs::read_text_inside(&self.dossier.root, &path, yaml::MAX_YAML_BYTES)
            else {
                continue;
            };
            if !wanted(&slug_of(&path), &text) {
                continue;
            }
            let Ok(data) = yaml::from_str::<ClaimFile>(&text) else {
                continue;
            };
            let file = self.dossier.record_path(&path);
            let article = slug_of(&path);
            out.extend(data.claims.into_iter().map(|c| ClaimRef {
                file: file.clone(),
                article: article.clone(),
                id: c.id,
            }));
        }
        out
    }

    fn source_ids(&self) -> Vec<String> {
        load::yaml_files(&self.dossier.root.join("sources"))
            .iter()
            .map(|p| slug_of(p))
            .collect()
    }

    /// Load, change and atomically rewrite one claim file, under the lock.
    fn modify_claims<T>(
        &self,
        file: &str,
        change: impl FnOnce(&mut ClaimFile) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        let path = self.dossier.root.join(file);
        let schema = crate::schema::modeline(crate::schema::CLAIMS);
        self.modify(&path, &schema, change)
    }

    /// Load, change and atomically rewrite one source entry, under the lock.
    fn modify_source<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut SourceEntry) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        // The entry's own file: `sources/<id>.yaml`, or `.yml` when that is how it was saved.
        let path = load::yaml_files(&self.dossier.root.join("sources"))
            .into_iter()
            .find(|p| slug_of(p) == id)
            .unwrap_or_else(|| self.dossier.source_path(id));
        let schema = crate::schema::modeline(crate::schema::SOURCE);
        self.modify(&path, &schema, change)
    }

    fn modify<D, T>(
        &self,
        path: &Path,
        schema: &str,
        change: impl FnOnce(&mut D) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError>
    where
        D: serde::de::DeserializeOwned + Serialize,
    {
        let _lock = self.dossier.lock(self.wait)?;
        let text =
            fs::read_text_inside(&self.dossier.root, path, yaml::MAX_YAML_BYTES).map_err(|e| {
                ReviewError::Read {
                    path: path.to_path_buf(),
                    source: e,
                }
            })?;
        let mut data: D = yaml::from_str(&text).map_err(|e| ReviewError::Parse {
            path: path.to_path_buf(),
            line: e.line.unwrap_or(1),
            column: e.column.unwrap_or(1),
            message: e.message,
        })?;
        let out = change(&mut data)?;
        let new = yaml::to_string(&data, Some(schema)).map_err(|e| ReviewError::Serialise {
            path: path.to_path_buf(),
            message: e.message,
        })?;
        // The editors' comments, each carried to its place in the new text (or nothing
        // written).
        let new = crate::store::comments::carry(&text, &new).map_err(|e| match e {
            crate::store::comments::CommentError::Parse {
                line,
                column,
                message,
            } => ReviewError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message,
            },
            crate::store::comments::CommentError::Refused(r) => ReviewError::Comments {
                path: path.to_path_buf(),
                line: r.line,
                column: r.column,
            },
        })?;
        if new != text {
            fs::write_inside(&self.dossier.root, path, new.as_bytes()).map_err(|e| {
                ReviewError::Write {
                    path: path.to_path_buf(),
                    source: e,
                }
            })?;
        }
        Ok(out)
    }
}

fn slug_of(path: &Path) -> String {
    crate::util::file_stem(&path.to_string_lossy())
}

fn check_decision(by: &str, date: &str) -> Result<(), ReviewError> {
    if by.trim().is_empty() {
        return Err(ReviewError::NoReviewer);
    }
    if !crate::model::review::is_iso_date(date) {
        return Err(ReviewError::InvalidDate {
            given: date.to_string(),
        });
    }
    Ok(())
}

fn find_claim<'a>(
    file: &'a mut ClaimFile,
    c: &ClaimRef,
) -> Result<&'a mut crate::model::Claim, ReviewError> {
    match file.claims.iter().position(|x| x.id == c.id) {
        Some(k) => Ok(&mut file.claims[k]),
        None => Err(ReviewError::UnknownClaim {
            given: c.to_string(),
            suggestions: suggest(&c.id, file.claims.iter().map(|x| x.id.clone())),
        }),
    }
}
