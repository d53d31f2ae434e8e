//! Turning extractions into files: the claim file of each article and a stub entry for every
//! cited work that has none, and checking whether the committed files are up to date.
//!
//! A claim file that exists is never simply replaced: the new extraction is merged into it
//! ([`super::merge`]), keeping editors' reviews, notes, link decisions and hand-added claims.
//! Source entries are only ever created. Callers that write hold the dossier's lock
//! ([`super::lock`]) from [`plan`] to [`write`], so that no other process changes a claim file
//! between its reading and its rewriting.

use super::dossier::{Dossier, DossierError};
use super::{fs, yaml};
use crate::extract::Extraction;
use crate::model::{ArticleRecord, Claim, ClaimFile, Reference, FORMAT_VERSION};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The JSON form of one article's extraction (`dossier extract --format json`).
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// The article's record (its path in the dossier, fingerprint and metadata), its fields
    /// placed directly in the object rather than under a key of their own.
    #[serde(flatten)]
    pub article: &'a ArticleRecord,
    /// The works the article cites, as extract found them.
    pub references: &'a [Reference],
    /// The claims extract found in the article.
    pub claims: &'a [Claim],
}

/// `{"articles": [...]}`.
#[derive(Debug, Serialize)]
pub struct ExtractJson<'a> {
    /// One object per article, in the order the articles were extracted.
    pub articles: Vec<ArticleJson<'a>>,
}

/// What a planned file is; it decides how the file may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlannedKind {
    /// The new extraction merged into the existing file; replaced when that changes it.
    ClaimFile,
    /// Only ever created: editors complete source entries.
    SourceStub,
    /// A JSON Schema the YAML files point to; replaced when it changes.
    Schema,
}

/// A file extract wants on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Where the file goes, below the dossier root: `claims/<slug>.yaml`, `sources/<id>.yaml`
    /// or `schemas/<name>`.
    pub path: PathBuf,
    /// The whole text the file is to hold (YAML, or JSON for a schema).
    pub contents: String,
    /// What the file is, which decides whether an existing one may be replaced.
    pub kind: PlannedKind,
}

impl Planned {
    fn replace(&self) -> bool {
        self.kind != PlannedKind::SourceStub
    }
}

/// Why writing failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A problem with the dossier rather than with one file; two articles that would share a
    /// claim file come this way ([`DossierError::DuplicateSlug`]).
    #[error(transparent)]
    Dossier(#[from] DossierError),
    /// A claim file or source stub could not be turned into YAML (a bug in dossier: its own
    /// data always serialises).
    #[error("{path}: cannot serialise: {message}")]
    Serialise {
        /// The file that was being rendered, on disk.
        path: PathBuf,
        /// The YAML serialiser's message.
        message: String,
    },
    /// A planned file could not be written: no room, no permission, or a target that is not
    /// a regular file or leads out of the dossier.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file that could not be written, on disk; empty if the batch did not say which.
        path: PathBuf,
        /// The operating system's error, or why the target was refused.
        #[source]
        source: std::io::Error,
    },
    /// The claim file already on disk, which the new extraction is merged into, could not be
    /// read (not a regular file, too large, not UTF-8, outside the dossier, or an I/O error).
    /// A claim file that does not exist yet is not an error.
    #[error("{path}: cannot write: cannot read the existing file: {source}")]
    ReadExisting {
        /// The existing claim file, on disk.
        path: PathBuf,
        /// Why it could not be read.
        #[source]
        source: fs::ReadError,
    },
    /// The article had to be read again (to check it is unchanged before merging editors'
    /// work into its claim file) and could not be.
    #[error("{path}: cannot write: cannot read the article again: {source}")]
    ReadArticle {
        /// The article's file on disk.
        path: PathBuf,
        /// Why it could not be read.
        #[source]
        source: fs::ReadError,
    },
    /// The existing claim file does not parse as a claim file, or its comments cannot be
    /// read, so extract refuses to overwrite it.
    #[error("{path}: this claim file holds content extract does not recognise ({message}); extract will not overwrite it")]
    Unrecognised {
        /// The existing claim file, on disk.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
    /// The article on disk no longer has the fingerprint it was extracted with: it was saved
    /// while extract ran, so merging into its claim file would mix two versions.
    #[error("{path}: the article changed while it was being extracted")]
    ArticleChanged {
        /// The article's file on disk.
        path: PathBuf,
    },
    /// A claim file would be larger than dossier reads back ([`yaml::MAX_YAML_BYTES`]); the
    /// whole plan is refused before anything is written.
    #[error("{article}: its claim file would be {size} bytes, more than the {limit} bytes dossier reads back; nothing was written")]
    TooLarge {
        /// The article's path as the dossier records it (`articles/…`).
        article: String,
        /// The size the rendered claim file would have, in bytes.
        size: u64,
        /// The largest claim file dossier reads, in bytes.
        limit: u64,
    },
    /// The editors' comments could not be placed in the rewritten file (nothing is written).
    #[error("{path}:{line}: {message}")]
    Comments {
        /// The existing claim file the comments were read from, on disk.
        path: PathBuf,
        /// 1-based line of the first comment in that file (1 if it has none).
        line: usize,
        /// Why the comments could not be placed.
        message: String,
    },
}

impl crate::util::Advice for StoreError {
    fn help(&self) -> &'static str {
        match self {
            StoreError::Dossier(e) => e.help(),
            StoreError::Serialise { .. } => "this is a bug in dossier; please report it with the article",
            StoreError::Write { .. } | StoreError::ReadExisting { .. } | StoreError::ReadArticle { .. } => {
                "check free space and permissions of the dossier directories"
            }
            StoreError::Unrecognised { .. } => "fix the file (`dossier check` shows where), or move it aside, and run extract again",
            StoreError::ArticleChanged { .. } => "run extract again once the article is saved",
            StoreError::TooLarge { .. } => "split the article into smaller ones, or leave it out of the dossier",
            StoreError::Comments { .. } => "move the comment into the claim's `notes:` (or delete it) and run extract again",
        }
    }
}

/// The claim file of an extraction alone.
pub fn claim_file_of(x: &Extraction) -> ClaimFile {
    use crate::model::Correctable;
    let mut f = ClaimFile {
        version: FORMAT_VERSION,
        article: x.article.clone(),
        references: x.references.clone(),
        claims: x.claims.clone(),
    };
    // What extract found, recorded so that the next run tells an editor's change from it.
    for r in &mut f.references {
        r.extracted = Some(r.fields_hash());
    }
    for c in &mut f.claims {
        c.extracted = Some(c.fields_hash());
    }
    f
}

/// Render a claim file as YAML.
pub fn render(file: &ClaimFile) -> Result<String, yaml::YamlError> {
    yaml::to_string(
        file,
        Some(&crate::model::schema::modeline(
            crate::model::schema::CLAIMS,
        )),
    )
}

/// Render an extraction as its claim file (as on first extraction, with nothing to merge).
pub fn render_claim_file(x: &Extraction) -> Result<String, yaml::YamlError> {
    render(&claim_file_of(x))
}

/// The contents to write at `path` for `x`: the extraction merged into the file already
/// there, if any.
fn merged(dossier: &Dossier, path: &Path, x: &Extraction) -> Result<String, StoreError> {
    let serialise = |f: &ClaimFile| {
        render(f).map_err(|e| StoreError::Serialise {
            path: path.to_path_buf(),
            message: e.message,
        })
    };
    let new = claim_file_of(x);
    let fresh = serialise(&new)?;
    let existing = match fs::read_text_inside(&dossier.root, path, yaml::MAX_YAML_BYTES) {
        Ok(t) => t,
        Err(fs::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(fresh),
        Err(e) => {
            return Err(StoreError::ReadExisting {
                path: path.to_path_buf(),
                source: e,
            })
        }
    };
    // Unchanged: nothing to merge (the common case of a re-run), and no need to parse.
    if existing == fresh {
        return Ok(fresh);
    }
    let old: ClaimFile = yaml::from_str(&existing).map_err(|e| StoreError::Unrecognised {
        path: path.to_path_buf(),
        message: e.message,
    })?;
    // Editors' comments are carried into the rewrite, each to its place.
    let mut comments =
        super::comments::Comments::of(&existing).map_err(|e| StoreError::Unrecognised {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let carry = |comments: &super::comments::Comments, text: String| {
        comments.carry(&text).map_err(|e| StoreError::Comments {
            path: path.to_path_buf(),
            line: comments.first().map_or(1, |c| c.line),
            message: e.to_string(),
        })
    };
    let commented = comments.item_ids("claims");
    if !old
        .claims
        .iter()
        .any(|c| c.has_editor_work() || commented.contains(&c.id))
        && !old.references.iter().any(|r| r.has_editor_work())
    {
        return carry(&comments, fresh);
    }
    let article_path = dossier.root.join(&x.article.path);
    let article = fs::read_limited(&article_path, crate::article::load::MAX_ARTICLE_BYTES)
        .map_err(|e| StoreError::ReadArticle {
            path: article_path.clone(),
            source: e,
        })?;
    if crate::article::fingerprint(&article) != x.article.fingerprint {
        return Err(StoreError::ArticleChanged { path: article_path });
    }
    let article = String::from_utf8_lossy(&article);
    let stamp = || crate::model::correction::Stamp {
        by: super::dossier::editor_name(&dossier.root, None)
            .unwrap_or_else(|| "unknown editor".to_string()),
        date: crate::model::review::today(),
    };
    let (merged, renamed) = super::merge::merge_stamped(&old, new, &article, &commented, &stamp);
    comments.rename_items("claims", &renamed);
    carry(&comments, serialise(&merged)?)
}

/// Every file the extractions call for.
pub fn plan(
    dossier: &Dossier,
    extractions: &[(String, Extraction)],
) -> Result<Vec<Planned>, StoreError> {
    plan_with(dossier, extractions, 1)
}

/// [`plan`], merging and rendering the claim files on up to `jobs` threads. The result, and
/// the error when there is one (that of the first article in input order), do not depend on
/// `jobs`.
pub fn plan_with(
    dossier: &Dossier,
    extractions: &[(String, Extraction)],
    jobs: usize,
) -> Result<Vec<Planned>, StoreError> {
    let rendered = crate::par::map(extractions, jobs, |(slug, x)| {
        let path = dossier.claim_path(slug);
        merged(dossier, &path, x).map(|contents| (path, contents))
    });
    let mut out = Vec::new();
    let mut stubs = std::collections::BTreeMap::new();
    for ((_, x), r) in extractions.iter().zip(rendered) {
        let (path, contents) = r?;
        // Never write what the reader would refuse (see [`yaml::MAX_YAML_BYTES`]).
        if contents.len() as u64 > yaml::MAX_YAML_BYTES {
            return Err(StoreError::TooLarge {
                article: x.article.path.clone(),
                size: contents.len() as u64,
                limit: yaml::MAX_YAML_BYTES,
            });
        }
        out.push(Planned {
            path,
            contents,
            kind: PlannedKind::ClaimFile,
        });
        for (id, entry) in &x.sources {
            stubs.entry(id.clone()).or_insert_with(|| entry.clone());
        }
    }
    for (id, entry) in stubs {
        let path = dossier.source_path(&id);
        let modeline = crate::model::schema::modeline(crate::model::schema::SOURCE);
        let contents =
            yaml::to_string(&entry, Some(&modeline)).map_err(|e| StoreError::Serialise {
                path: path.clone(),
                message: e.message,
            })?;
        out.push(Planned {
            path,
            contents,
            kind: PlannedKind::SourceStub,
        });
    }
    for (name, contents) in crate::model::schema::records() {
        out.push(Planned {
            path: dossier.root.join("schemas").join(name),
            contents,
            kind: PlannedKind::Schema,
        });
    }
    Ok(out)
}

/// Is the file at `path` exactly `contents`? Read through the bounded reader, so that a FIFO
/// or a huge file in its place is "different", never a hang.
fn same_contents(path: &Path, contents: &str) -> bool {
    fs::read_limited(path, contents.len() as u64).is_ok_and(|b| b == contents.as_bytes())
}

/// What writing the plan would change: files that would be created or rewritten.
pub fn pending(plan: &[Planned]) -> Vec<&Planned> {
    plan.iter()
        .filter(|p| {
            if std::fs::symlink_metadata(&p.path).is_ok_and(|m| m.file_type().is_file()) {
                p.replace() && !same_contents(&p.path, &p.contents)
            } else {
                true
            }
        })
        .collect()
}

/// Outcome of writing a plan.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    /// Claim files created or rewritten.
    pub claim_files: usize,
    /// Claim files left untouched because they already held exactly the new contents.
    pub unchanged: usize,
    /// Source stubs created; an entry that already existed is never rewritten and not
    /// counted.
    pub new_sources: usize,
}

/// Write the plan: claim files atomically when changed, source stubs only where none exists.
/// A claim file that does not parse never gets this far: [`plan`] refuses it
/// ([`StoreError::Unrecognised`]) before anything is written.
///
/// Every write stays inside the dossier: a claims/, sources/ or schemas/ directory that is a
/// symbolic link out of it, or a target that is not a regular file, is refused.
pub fn write(dossier: &Dossier, plan: &[Planned]) -> Result<Written, StoreError> {
    write_with(dossier, plan, 1)
}

/// Threads for writing files when `jobs` threads extract: writing is mostly waiting for the
/// disk to flush, so several flushes in flight per core keep it busy.
pub fn write_threads(jobs: usize) -> usize {
    if jobs <= 1 {
        1
    } else {
        jobs.saturating_mul(4).min(32)
    }
}

/// [`write`] with the comparisons and writes spread over [`write_threads`]`(jobs)` threads,
/// through [`fs::write_batch_inside`]: every changed file is written and flushed to a
/// temporary file first, and only when all of them are on disk are they renamed into place,
/// so a failed write leaves the dossier as it was.
pub fn write_with(dossier: &Dossier, plan: &[Planned], jobs: usize) -> Result<Written, StoreError> {
    let threads = write_threads(jobs);
    let mut w = Written::default();
    // Files to replace that already hold these bytes are left alone (not even touched).
    let same = crate::par::map(plan, threads, |p| {
        p.replace() && same_contents(&p.path, &p.contents)
    });
    let mut batch = Vec::new();
    let mut batched = Vec::new();
    for (p, same) in plan.iter().zip(same) {
        if same {
            w.unchanged += usize::from(p.kind == PlannedKind::ClaimFile);
            continue;
        }
        batch.push(fs::BatchFile {
            path: &p.path,
            contents: p.contents.as_bytes(),
            create_only: !p.replace(),
        });
        batched.push(p);
    }
    let written =
        fs::write_batch_inside(&dossier.root, &batch, threads).map_err(|e| StoreError::Write {
            path: batched
                .get(e.index)
                .map_or_else(PathBuf::new, |p| p.path.clone()),
            source: e.error,
        })?;
    for (p, written) in batched.into_iter().zip(written) {
        match p.kind {
            PlannedKind::ClaimFile => w.claim_files += 1,
            PlannedKind::SourceStub => w.new_sources += usize::from(written),
            PlannedKind::Schema => {}
        }
    }
    Ok(w)
}
