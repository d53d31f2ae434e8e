//! Fetching a source entry's URL into a snapshot, and recording the attempt in the entry.
//!
//! The entry is read, one or two fields are changed (`snapshot`, `last-fetch`, and
//! `archive-url` when an archived copy was used and none was given) and it is written back
//! atomically; every other field stays as the editor wrote it. A failure is recorded in
//! `last-fetch` and never replaces a snapshot. A snapshot not taken by `fetch` (no hash, or a
//! hash the file no longer has) is never overwritten unless asked.

use super::archive;
use super::{classify, get, is_http, snapshot_text, time, Fetched, Liveness, Policy};
use crate::model::{FetchRecord, Snapshot, SnapshotRecord, SourceEntry};
use crate::store::comments::{CommentError, Comments};
use crate::store::{fs, yaml};
use crate::util::sha256_hex;
use std::path::Path;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Options {
    /// The limits of every request: time, redirects, size, User-Agent.
    pub policy: Policy,
    /// Ask the Internet Archive (at this API base) for a copy when the page is gone.
    pub archive: Option<String>,
    /// Replace a snapshot that `fetch` did not take.
    pub force: bool,
    /// How long to wait for another dossier writer's lock (see [`crate::store::lock`]).
    pub lock_wait: std::time::Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            policy: Policy::default(),
            archive: None,
            force: false,
            lock_wait: crate::store::lock::DEFAULT_WAIT,
        }
    }
}

/// What fetching one entry did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The source's id (its entry is `sources/<id>.yaml`).
    pub id: String,
    /// As recorded under `last-fetch`.
    pub record: FetchRecord,
    /// The snapshot written, if one was.
    pub snapshot: Option<String>,
    /// Lower-case hex SHA-256 of the snapshot written; `None` when none was.
    pub sha256: Option<String>,
}

impl Outcome {
    /// A snapshot was taken (from the page or an archived copy).
    pub fn succeeded(&self) -> bool {
        self.snapshot.is_some()
    }
}

/// Why an entry could not be fetched at all (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The source entry could not be read (missing, not a regular file, too large, not UTF-8).
    #[error("cannot read {path}: {error}")]
    Read {
        /// The entry's path relative to the dossier root (`sources/<id>.yaml`).
        path: String,
        /// Why it could not be read.
        #[source]
        error: crate::util::fs::ReadError,
    },
    /// The source entry is not valid YAML of a source entry's shape.
    #[error("{path} is not a valid source entry: {error}")]
    Invalid {
        /// The entry's path relative to the dossier root (`sources/<id>.yaml`).
        path: String,
        /// What is wrong, and where when the parser knows.
        error: yaml::YamlError,
    },
    /// A comment in the entry has no place in the rewritten entry, so writing would lose it.
    #[error("{path}:{line}:{column}: this comment cannot be kept in the rewritten entry; nothing was written")]
    Comments {
        /// The entry's path relative to the dossier root (`sources/<id>.yaml`).
        path: String,
        /// 1-based line of the comment.
        line: usize,
        /// 1-based column of the comment.
        column: usize,
    },
    /// The entry has no `url`, or an empty one; holds the source's id.
    #[error("source {0} has no URL to fetch")]
    NoUrl(String),
    /// The entry or the snapshot could not be written to disk.
    #[error("cannot write {path}: {error}")]
    Write {
        /// The file that could not be written, relative to the dossier root.
        path: String,
        /// The operating system's error (or a path that would leave the dossier).
        #[source]
        error: std::io::Error,
    },
    /// The updated entry could not be made into YAML, or the editor's comments could not be
    /// read back from it: nothing was written.
    #[error("cannot write {path}: {error}")]
    Serialise {
        /// The entry's path relative to the dossier root (`sources/<id>.yaml`).
        path: String,
        /// What the YAML writer or the comment reader met.
        #[source]
        error: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The entry's text changed between the first read and the read under the lock.
    #[error("{path} changed while its URL was being fetched; nothing was written")]
    Changed {
        /// The entry's path relative to the dossier root (`sources/<id>.yaml`).
        path: String,
    },
    /// The dossier's write lock could not be taken.
    #[error(transparent)]
    Lock(#[from] crate::store::lock::LockError),
    /// The id cannot name a file in `sources/` (empty, a leading dot, a path separator or a
    /// control character); holds the message saying so.
    #[error("{0}")]
    BadId(String),
}

/// Fetch the URL of `sources/<id>.yaml` under `root` into `sources/snapshots/<id>.<ext>`.
///
/// The requests are made without holding the dossier's write lock (they may take a while);
/// the entry is then read again under the lock, and nothing is written if it changed in the
/// meantime, so an editor's concurrent edit is never overwritten.
pub fn fetch_source(root: &Path, id: &str, opts: &Options) -> Result<Outcome, SourceError> {
    crate::model::ids::check_file_id(id).map_err(SourceError::BadId)?;
    let rel = format!("sources/{id}.yaml");
    let path = root.join(&rel);
    let (text, mut entry, modeline, comments) = read_entry(&path, &rel)?;
    let url = entry
        .url
        .as_ref()
        .map(|u| u.value().trim().to_string())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| SourceError::NoUrl(id.to_string()))?;
    let result = get(&url, &opts.policy);
    let liveness = classify(&result);
    let archived_copy = match (&liveness, &opts.archive) {
        (Liveness::Dead { .. }, Some(base)) => Some(archive_fetch(&url, base, &opts.policy)),
        _ => None,
    };
    let _lock = crate::store::lock::DossierLock::acquire(root, opts.lock_wait)?;
    if read_entry(&path, &rel)?.0 != text {
        return Err(SourceError::Changed { path: rel });
    }
    let mut record = FetchRecord {
        time: time::now_rfc3339(),
        url: url.clone(),
        outcome: liveness.word().to_string(),
        status: result.as_ref().ok().map(|f| f.status),
        final_url: result
            .as_ref()
            .ok()
            .map(|f| f.final_url.clone())
            .filter(|f| *f != url),
        message: None,
    };
    let mut out = Outcome {
        id: id.to_string(),
        record: record.clone(),
        snapshot: None,
        sha256: None,
    };
    match (&liveness, &result) {
        (Liveness::Live | Liveness::Moved { .. }, Ok(f)) => {
            match keep(root, id, &entry, f, opts, &record.time)? {
                Ok((snap, sha)) => {
                    entry.snapshot = Some(snap.clone());
                    out.snapshot = Some(snap.path().to_string());
                    out.sha256 = Some(sha);
                    if let Liveness::Moved { to } = &liveness {
                        record.message = Some(format!("moved permanently to {to}"));
                    }
                }
                Err(why) => {
                    record.outcome = "refused".into();
                    record.message = Some(why);
                }
            }
        }
        (Liveness::Live, Err(e)) => {
            // Too large to keep.
            record.outcome = "refused".into();
            record.message = Some(e.to_string());
        }
        (Liveness::Dead { status }, _) => {
            record.message = Some(format!("HTTP {status}: the page is gone"));
            if let Some(copy) = archived_copy {
                archived(root, id, &mut entry, copy, opts, &mut record, &mut out)?;
            }
        }
        (Liveness::CouldNotVerify { reason } | Liveness::Refused { reason }, _) => {
            record.message = Some(reason.clone());
        }
        (Liveness::Moved { .. }, Err(_)) => {}
    }
    entry.last_fetch = Some(record.clone());
    out.record = record;
    let yaml =
        yaml::to_string(&entry, modeline.as_deref()).map_err(|e| SourceError::Serialise {
            path: rel.clone(),
            error: Box::new(e),
        })?;
    // The editor's comments, each carried to its place in the rewritten entry.
    let yaml = comments.carry(&yaml).map_err(|e| match e {
        CommentError::Refused(r) => SourceError::Comments {
            path: rel.clone(),
            line: r.line,
            column: r.column,
        },
        CommentError::Parse { .. } => SourceError::Serialise {
            path: rel.clone(),
            error: Box::new(e),
        },
    })?;
    fs::write_inside(root, &path, yaml.as_bytes())
        .map_err(|error| SourceError::Write { path: rel, error })?;
    Ok(out)
}

/// Read and parse a source entry: its text, the entry, its schema modeline and the editor's
/// comments (read from the parser's events), which the rewrite keeps.
fn read_entry(
    path: &Path,
    rel: &str,
) -> Result<(String, SourceEntry, Option<String>, Comments), SourceError> {
    let text = crate::store::fs::read_text_limited(path, yaml::MAX_YAML_BYTES).map_err(|e| {
        SourceError::Read {
            path: rel.to_string(),
            error: e,
        }
    })?;
    let entry: SourceEntry = yaml::from_str(&text).map_err(|error| SourceError::Invalid {
        path: rel.to_string(),
        error,
    })?;
    let modeline = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
        .map(str::to_string);
    let comments = Comments::of(&text).map_err(|e| SourceError::Invalid {
        path: rel.to_string(),
        error: match e {
            CommentError::Parse {
                line,
                column,
                message,
            } => yaml::YamlError {
                message,
                line: Some(line),
                column: Some(column),
            },
            other => yaml::YamlError {
                message: other.to_string(),
                line: None,
                column: None,
            },
        },
    })?;
    Ok((text, entry, modeline, comments))
}

/// What asking the Internet Archive gave: its copy's URL and the fetched copy, or why not.
type ArchivedCopy = Result<(String, Result<Fetched, super::FetchError>), String>;

/// Ask the Internet Archive for a copy of `url` and fetch it (network; no lock held).
fn archive_fetch(url: &str, base: &str, policy: &Policy) -> ArchivedCopy {
    match archive::lookup(url, base, policy) {
        Ok(Some(c)) => {
            let fetched = get(&c.url, policy);
            Ok((c.url, fetched))
        }
        Ok(None) => Err("the Internet Archive has no copy".to_string()),
        Err(e) => Err(format!("asking the Internet Archive failed: {e}")),
    }
}

fn archived(
    root: &Path,
    id: &str,
    entry: &mut SourceEntry,
    copy: ArchivedCopy,
    opts: &Options,
    record: &mut FetchRecord,
    out: &mut Outcome,
) -> Result<(), SourceError> {
    let (copy_url, fetched) = match copy {
        Ok(c) => c,
        Err(why) => {
            record.message = Some(format!(
                "{}; {why}",
                record.message.as_deref().unwrap_or("gone")
            ));
            return Ok(());
        }
    };
    match fetched {
        Ok(f) if (200..300).contains(&f.status) => {
            match keep(root, id, entry, &f, opts, &record.time)? {
                Ok((snap, sha)) => {
                    record.outcome = "archived".into();
                    record.message = Some(format!("the page is gone; archived copy {}", copy_url));
                    if entry
                        .archive_url
                        .as_deref()
                        .is_none_or(|a| a.trim().is_empty())
                    {
                        entry.archive_url = Some(copy_url.clone());
                    }
                    out.snapshot = Some(snap.path().to_string());
                    out.sha256 = Some(sha);
                    entry.snapshot = Some(snap);
                }
                Err(why) => {
                    record.message = Some(format!("the page is gone; archived copy refused: {why}"))
                }
            }
        }
        other => {
            let why = match other {
                Ok(f) => format!("HTTP {}", f.status),
                Err(e) => e.to_string(),
            };
            record.message = Some(format!(
                "the page is gone; its archived copy {} could not be fetched: {why}",
                copy_url
            ));
        }
    }
    Ok(())
}

/// Write the snapshot of a fetched page, unless the entry's current snapshot is one `fetch`
/// must not replace. The inner error says why nothing was written.
fn keep(
    root: &Path,
    id: &str,
    entry: &SourceEntry,
    f: &Fetched,
    opts: &Options,
    taken: &str,
) -> Result<Result<(Snapshot, String), String>, SourceError> {
    let Some((text, ext)) = snapshot_text(f) else {
        return Ok(Err(format!(
            "the content type {} is not text; no snapshot written",
            f.content_type.as_deref().unwrap_or("(none)")
        )));
    };
    // An empty page (or one whose text is only white space) is no copy of the work: it never
    // replaces a snapshot, nor stands for one.
    if text.trim().is_empty() {
        return Ok(Err(match &entry.snapshot {
            Some(s) => format!("the page gave no text; kept the snapshot {}", s.path()),
            None => "the page gave no text; no snapshot written".to_string(),
        }));
    }
    if let Some(existing) = &entry.snapshot {
        let ours = existing.sha256().is_some_and(|h| {
            crate::store::fs::read_limited(
                &root.join(existing.path()),
                crate::evidence::snapshot::MAX_SNAPSHOT_BYTES,
            )
            .map(|b| sha256_hex(&b).eq_ignore_ascii_case(h.trim()))
            .unwrap_or(true)
        });
        if !ours && !opts.force {
            return Ok(Err(format!(
                "the entry's snapshot {} was not taken by fetch (or was edited since); kept it (use --force to replace it)",
                existing.path()
            )));
        }
    }
    let rel = format!("sources/snapshots/{id}.{ext}");
    // The file fetch would write may be one an editor saved there, or another entry's
    // snapshot: replace it only when it is this entry's own snapshot, taken by fetch.
    let own = entry.snapshot.as_ref().is_some_and(|s| {
        s.path() == rel
            && s.sha256().is_some_and(|h| {
                crate::store::fs::read_limited(
                    &root.join(&rel),
                    crate::evidence::snapshot::MAX_SNAPSHOT_BYTES,
                )
                .is_ok_and(|b| sha256_hex(&b).eq_ignore_ascii_case(h.trim()))
            })
    });
    if root.join(&rel).exists() && !own && !opts.force {
        return Ok(Err(format!(
            "{rel} already exists and is not a snapshot fetch took for this entry; kept it (use --force to replace it)"
        )));
    }
    let bytes = text.into_bytes();
    fs::write_inside(root, &root.join(&rel), &bytes).map_err(|error| SourceError::Write {
        path: rel.clone(),
        error,
    })?;
    let sha = sha256_hex(&bytes);
    Ok(Ok((
        Snapshot::Recorded(SnapshotRecord {
            path: rel,
            url: Some(f.final_url.clone()),
            taken: Some(taken.to_string()),
            sha256: Some(sha.clone()),
            note: None,
        }),
        sha,
    )))
}

/// Is this URL one `fetch` would try?
pub fn fetchable(entry: &SourceEntry) -> bool {
    entry.url.as_ref().is_some_and(|u| is_http(u.value()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_read_from_the_parser_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.yaml");
        // A quote mark in a plain value opens nothing: the comment after it is one.
        let text = "type: web\ntitle: The 12\" single\npublisher: X  # confirm label\nurl: https://x.org/a#b\n";
        std::fs::write(&path, text).unwrap();
        let (_, mut entry, _, comments) = read_entry(&path, "sources/e.yaml").unwrap();
        let found: Vec<_> = comments.list().map(|c| (c.line, c.text.as_str())).collect();
        assert_eq!(found, [(3, "# confirm label")]);
        entry.notes.push("checked".into());
        let out = comments
            .carry(&yaml::to_string(&entry, None).unwrap())
            .unwrap();
        assert!(out.contains("publisher: X  # confirm label\n"), "{out}");
    }
}
