//! The extraction pipeline over a dossier: load and extract articles (in parallel), refuse a
//! run in which two articles would share a claim file, and, under the dossier's lock, merge the
//! extractions into the claim files and write them (or, in check mode, report which files are
//! out of date). The `dossier extract` command only chooses the articles, calls
//! [`extract_dossier`] and prints what it returns; this module never prints.

use super::claims::{self, StoreError, Written};
use super::dossier::{Dossier, DossierError};
use super::lock::LockError;
use crate::article::{Article, LoadError};
use crate::extract::{extract, Extraction};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a run does with the extractions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractMode {
    /// Merge into the claim files and write those that change, and create missing source stubs.
    Write,
    /// Write nothing; report the files that are missing or out of date.
    Check,
    /// Only extract: read no claim file, take no lock, write nothing (`--format json`).
    ExtractOnly,
}

/// How to run.
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions {
    /// Threads for loading and extracting articles (1 extracts on the calling thread).
    pub jobs: usize,
    /// Whether to write the files, only check them, or only extract.
    pub mode: ExtractMode,
    /// How long a writer waits for another one to release the dossier's lock.
    pub lock_wait: Duration,
}

/// An article that could not be loaded.
#[derive(Debug)]
pub struct Unloadable {
    /// The file as given.
    pub file: PathBuf,
    /// Its path as the dossier records it.
    pub record: String,
    /// Why the article could not be read or prepared.
    pub error: LoadError,
}

/// Why a file needs `dossier extract` (check mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingState {
    /// The file does not exist yet: writing would create it.
    Missing,
    /// The file exists but differs from what extract would write, or something other than a
    /// regular file has its name.
    OutOfDate,
}

/// A file that writing would create or rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The file on disk, below the dossier root.
    pub path: PathBuf,
    /// Its path relative to the dossier root, `/`-separated.
    pub record: String,
    /// Whether the file is missing or out of date.
    pub state: PendingState,
}

/// What a run did.
#[derive(Debug)]
pub struct ExtractOutcome {
    /// Each article's slug (the name of its claim file) and extraction, in input order.
    pub extractions: Vec<(String, Extraction)>,
    /// [`ExtractMode::Write`]: what was written.
    pub written: Option<Written>,
    /// [`ExtractMode::Check`]: the files that are missing or out of date (empty: all up to date).
    pub pending: Vec<Pending>,
}

impl ExtractOutcome {
    /// How many claims the run extracted, over all its articles.
    pub fn claims(&self) -> usize {
        self.extractions.iter().map(|(_, x)| x.claims.len()).sum()
    }

    /// How many references the run extracted, over all its articles.
    pub fn references(&self) -> usize {
        self.extractions
            .iter()
            .map(|(_, x)| x.references.len())
            .sum()
    }
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Some articles could not be loaded, so nothing was written (never a partial write).
    /// `duplicate` is set when, besides, two of the loaded articles share a slug.
    #[error("{} article(s) could not be loaded", unloadable.len())]
    Unloadable {
        /// Every article that could not be loaded, in input order.
        unloadable: Vec<Unloadable>,
        /// The [`DossierError::DuplicateSlug`] of two loaded articles that share a slug, if
        /// any, so that both problems are reported at once.
        duplicate: Option<DossierError>,
    },
    /// A writing run could not take the dossier's lock: another writer held it for the whole
    /// wait, or the lock file could not be opened.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// A claim file could not be merged, or a file could not be written; also two articles
    /// sharing a slug ([`DossierError::DuplicateSlug`] inside [`StoreError::Dossier`]).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The articles a command names: every article of the dossier when `given` is empty, else
/// the given files and directories (relative to `cwd`), which must lie inside the dossier.
pub fn select_articles(
    dossier: &Dossier,
    cwd: &Path,
    given: &[PathBuf],
) -> Result<Vec<PathBuf>, DossierError> {
    if given.is_empty() {
        dossier.articles()
    } else {
        dossier.resolve_articles(cwd, given)
    }
}

/// The first pair of extractions that would write the same claim file.
fn duplicate_slug(extractions: &[(String, Extraction)]) -> Option<DossierError> {
    let mut slugs = std::collections::BTreeMap::new();
    for (slug, x) in extractions {
        if let Some(first) = slugs.insert(slug.as_str(), x.article.path.as_str()) {
            return Some(DossierError::DuplicateSlug {
                slug: slug.clone(),
                first: first.to_string(),
                second: x.article.path.clone(),
            });
        }
    }
    None
}

/// Extract `files` (articles of `dossier`) and write, check or only return the result, as
/// `opts.mode` says. `on_progress` is called once per article extracted, from any thread.
///
/// Writers hold the dossier's lock from reading the claim files (to merge into them) to
/// writing them back, so that a concurrent `dossier review` is never overwritten.
pub fn extract_dossier(
    dossier: &Dossier,
    files: &[PathBuf],
    opts: &ExtractOptions,
    on_progress: impl Fn() + Sync,
) -> Result<ExtractOutcome, ExtractError> {
    let listed: Vec<(&PathBuf, String)> =
        files.iter().map(|f| (f, dossier.record_path(f))).collect();
    let loaded = crate::par::map(&listed, opts.jobs, |(file, record)| {
        let r = match Article::load(file, record) {
            Ok(a) => Ok((a.slug.clone(), extract(&a))),
            Err(error) => Err(Unloadable {
                file: (*file).clone(),
                record: record.clone(),
                error,
            }),
        };
        on_progress();
        r
    });
    let mut extractions = Vec::with_capacity(loaded.len());
    let mut unloadable = Vec::new();
    for r in loaded {
        match r {
            Ok(x) => extractions.push(x),
            Err(u) => unloadable.push(u),
        }
    }
    let duplicate = duplicate_slug(&extractions);
    if !unloadable.is_empty() {
        return Err(ExtractError::Unloadable {
            unloadable,
            duplicate,
        });
    }
    if let Some(e) = duplicate {
        return Err(StoreError::Dossier(e).into());
    }
    let mut outcome = ExtractOutcome {
        extractions,
        written: None,
        pending: Vec::new(),
    };
    if opts.mode == ExtractMode::ExtractOnly {
        return Ok(outcome);
    }
    let _lock = match opts.mode {
        ExtractMode::Write => Some(dossier.lock(opts.lock_wait)?),
        _ => None,
    };
    let plan = claims::plan_with(dossier, &outcome.extractions, opts.jobs)?;
    if opts.mode == ExtractMode::Check {
        outcome.pending = claims::pending(&plan)
            .into_iter()
            .map(|p| Pending {
                record: dossier.record_path(&p.path),
                state: if p.path.exists() {
                    PendingState::OutOfDate
                } else {
                    PendingState::Missing
                },
                path: p.path.clone(),
            })
            .collect();
    } else {
        outcome.written = Some(claims::write_with(dossier, &plan, opts.jobs)?);
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The Harbour Gazette\n\nCity council votes on new ferry\n\n\
        \"We will run the ferry every hour,\" said Mayor Lena Okafor on Tuesday.\n";

    fn dossier_with(articles: &[(&str, &str)]) -> (tempfile::TempDir, Dossier) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in articles {
            let p = dir.path().join("articles").join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let d = Dossier::at(dir.path()).unwrap();
        (dir, d)
    }

    fn opts(mode: ExtractMode) -> ExtractOptions {
        ExtractOptions {
            jobs: 2,
            mode,
            lock_wait: Duration::from_secs(5),
        }
    }

    fn run(d: &Dossier, mode: ExtractMode) -> Result<ExtractOutcome, ExtractError> {
        let files = select_articles(d, &d.root, &[]).unwrap();
        extract_dossier(d, &files, &opts(mode), || {})
    }

    #[test]
    fn writes_the_claim_file_once_and_then_reports_nothing_changed() {
        let (_dir, d) = dossier_with(&[("ferry.txt", ARTICLE)]);
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let files = select_articles(&d, &d.root, &[]).unwrap();
        let first = extract_dossier(&d, &files, &opts(ExtractMode::Check), || {
            ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        assert_eq!(ticks.into_inner(), 1, "one progress call per article");
        assert!(first
            .pending
            .iter()
            .any(|p| p.record == "claims/ferry.yaml" && p.state == PendingState::Missing));
        assert!(!d.claim_path("ferry").exists(), "check mode writes nothing");

        let first = run(&d, ExtractMode::Write).unwrap();
        let w = first.written.clone().unwrap();
        assert_eq!((w.claim_files, w.unchanged), (1, 0));
        assert!(first.claims() >= 1);
        let written = std::fs::read_to_string(d.claim_path("ferry")).unwrap();
        assert!(written.contains("Lena Okafor"), "{written}");

        let second = run(&d, ExtractMode::Write).unwrap();
        let w = second.written.unwrap();
        assert_eq!((w.claim_files, w.unchanged, w.new_sources), (0, 1, 0));
        assert!(run(&d, ExtractMode::Check).unwrap().pending.is_empty());
    }

    #[test]
    fn extract_only_touches_no_file() {
        let (dir, d) = dossier_with(&[("ferry.txt", ARTICLE)]);
        let out = run(&d, ExtractMode::ExtractOnly).unwrap();
        assert_eq!(out.extractions.len(), 1);
        assert_eq!(out.extractions[0].0, "ferry");
        assert!(out.written.is_none());
        assert!(!dir.path().join("claims").exists());
        assert!(!dir.path().join(super::super::lock::LOCK_FILE).exists());
    }

    #[test]
    fn an_unreadable_article_stops_the_run_before_anything_is_written() {
        let (dir, d) = dossier_with(&[("ferry.txt", ARTICLE), ("empty.txt", "")]);
        match run(&d, ExtractMode::Write) {
            Err(ExtractError::Unloadable {
                unloadable,
                duplicate: None,
            }) => {
                assert_eq!(unloadable.len(), 1);
                assert_eq!(unloadable[0].record, "articles/empty.txt");
                assert!(matches!(unloadable[0].error, LoadError::Empty { .. }));
            }
            other => panic!("expected Unloadable, got {other:?}"),
        }
        assert!(!dir.path().join("claims").exists());
    }

    #[test]
    fn two_articles_with_one_slug_are_refused() {
        let (dir, d) = dossier_with(&[("a/ferry.txt", ARTICLE), ("b/ferry.md", ARTICLE)]);
        match run(&d, ExtractMode::Write) {
            Err(ExtractError::Store(StoreError::Dossier(DossierError::DuplicateSlug {
                slug,
                first,
                second,
            }))) => {
                assert_eq!(slug, "ferry");
                assert_eq!(first, "articles/a/ferry.txt");
                assert_eq!(second, "articles/b/ferry.md");
            }
            other => panic!("expected DuplicateSlug, got {other:?}"),
        }
        assert!(!dir.path().join("claims").exists());
    }
}
