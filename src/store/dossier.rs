//! Where a dossier lives: its root (found from the working directory upward) and the layout
//! below it: `articles/`, `claims/`, `sources/`.

use std::path::{Path, PathBuf};

/// Problems with the dossier itself, as opposed to one of its files.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    /// [`Dossier::discover`] found neither a `dossier.toml` nor an `articles/` directory in
    /// the starting directory or any of its parents.
    #[error("no dossier found in {start} or any parent directory (looked for a dossier.toml or an articles/ directory)")]
    NotFound {
        /// The directory the search began in, canonicalised.
        start: PathBuf,
    },
    /// A path could not be resolved, or a directory could not be listed.
    #[error("{path}: {source}")]
    Io {
        /// The path as it was being used: as given, or a directory below `articles/`.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// [`Dossier::at`] was given something that is not a directory (`--root`).
    #[error("{path}: not a directory; --root must be a dossier directory")]
    NotADirectory {
        /// The path given, canonicalised.
        path: PathBuf,
    },
    /// A path given on the command line is neither a directory nor an article file.
    #[error("{path}: not an article (articles are .txt, .md or .markdown files)")]
    NotAnArticle {
        /// The path as given.
        path: PathBuf,
    },
    /// A given article path, or a symbolic link found under `articles/`, leads outside the
    /// dossier, where dossier never reads.
    #[error("{path}: the file is outside the dossier at {root}")]
    OutsideDossier {
        /// The path as given, or the link or directory met under `articles/`.
        path: PathBuf,
        /// The dossier's root directory.
        root: PathBuf,
    },
    /// Two articles of one run have the same file stem, so both would write
    /// `claims/<slug>.yaml`.
    #[error("two articles would share the claim file claims/{slug}.yaml: {first} and {second}")]
    DuplicateSlug {
        /// The shared slug: the claim file's name without `.yaml`.
        slug: String,
        /// The recorded path (`articles/…`) of the first of the two, in input order.
        first: String,
        /// The recorded path of the second.
        second: String,
    },
}

impl crate::util::Advice for DossierError {
    fn help(&self) -> &'static str {
        match self {
            DossierError::NotFound { .. } => "run dossier from inside a dossier, pass --root DIR, or create one with an articles/ directory",
            DossierError::Io { .. } => "check that the path exists and that you may read and write it",
            DossierError::NotADirectory { .. } => "pass the dossier's directory (the one holding articles/ and dossier.toml) to --root",
            DossierError::NotAnArticle { .. } => "rename the file with a .txt or .md extension, or pass only article files",
            DossierError::OutsideDossier { .. } => "copy the article into the dossier's articles/ directory first",
            DossierError::DuplicateSlug { .. } => "rename one of the two articles so that their file names differ",
        }
    }
}

/// A dossier on disk.
#[derive(Debug, Clone)]
pub struct Dossier {
    /// The dossier's root directory, the one holding `articles/`, `claims/` and `sources/`;
    /// canonical (absolute, links resolved) when made by [`Dossier::discover`] or
    /// [`Dossier::at`]. Every file of the dossier lies below it.
    pub root: PathBuf,
}

fn io(path: &Path, e: std::io::Error) -> DossierError {
    DossierError::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

impl Dossier {
    /// Find the dossier containing `start`: the nearest directory upward holding a
    /// `dossier.toml` or an `articles/` directory.
    pub fn discover(start: &Path) -> Result<Dossier, DossierError> {
        let start = start.canonicalize().map_err(|e| io(start, e))?;
        for dir in start.ancestors() {
            if dir.join("dossier.toml").is_file() || dir.join("articles").is_dir() {
                return Ok(Dossier {
                    root: dir.to_path_buf(),
                });
            }
        }
        Err(DossierError::NotFound { start })
    }

    /// A dossier rooted exactly at `root`.
    pub fn at(root: &Path) -> Result<Dossier, DossierError> {
        let root = root.canonicalize().map_err(|e| io(root, e))?;
        if !root.is_dir() {
            return Err(DossierError::NotADirectory { path: root });
        }
        Ok(Dossier { root })
    }

    /// The `articles/` directory below the root (it may not exist).
    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    /// Where the claim file of the article with this slug (its file stem) lives:
    /// `claims/<slug>.yaml` below the root, whether or not it exists.
    pub fn claim_path(&self, slug: &str) -> PathBuf {
        self.root.join("claims").join(format!("{slug}.yaml"))
    }

    /// Where the source entry with this id lives: `sources/<id>.yaml` below the root, whether
    /// or not it exists.
    pub fn source_path(&self, id: &str) -> PathBuf {
        self.root.join("sources").join(format!("{id}.yaml"))
    }

    /// Every article under `articles/` (recursively), sorted by path.
    ///
    /// A symbolic link is followed only when it leads to a place inside the dossier (a link
    /// out of it is an error, as dossier never reads outside its root), and each directory is
    /// visited once, so that a link cycle ends.
    pub fn articles(&self) -> Result<Vec<PathBuf>, DossierError> {
        let dir = self.articles_dir();
        let mut out = Vec::new();
        if !dir.is_dir() {
            return Ok(out);
        }
        let mut visited = std::collections::HashSet::new();
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            let real = d.canonicalize().map_err(|e| io(&d, e))?;
            if !real.starts_with(&self.root) {
                return Err(DossierError::OutsideDossier {
                    path: d,
                    root: self.root.clone(),
                });
            }
            if !visited.insert(real) {
                continue;
            }
            for entry in std::fs::read_dir(&d).map_err(|e| io(&d, e))? {
                let entry = entry.map_err(|e| io(&d, e))?;
                let path = entry.path();
                let name = entry.file_name();
                if name.to_string_lossy().starts_with('.') {
                    continue;
                }
                let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
                if is_link {
                    // A dangling link is kept (if it has an article's name): reading it then
                    // says what is wrong.
                    if let Ok(real) = path.canonicalize() {
                        if !real.starts_with(&self.root) {
                            return Err(DossierError::OutsideDossier {
                                path,
                                root: self.root.clone(),
                            });
                        }
                    }
                }
                if path.is_dir() {
                    stack.push(path);
                } else if crate::article::is_article_file(&path) {
                    out.push(path);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// Resolve article paths given on the command line (relative to `cwd`).
    pub fn resolve_articles(
        &self,
        cwd: &Path,
        given: &[PathBuf],
    ) -> Result<Vec<PathBuf>, DossierError> {
        let mut out = Vec::new();
        for g in given {
            let p = if g.is_absolute() {
                g.clone()
            } else {
                cwd.join(g)
            };
            let p = p.canonicalize().map_err(|e| io(g, e))?;
            if !p.starts_with(&self.root) {
                return Err(DossierError::OutsideDossier {
                    path: g.clone(),
                    root: self.root.clone(),
                });
            }
            if p.is_dir() {
                let sub = Dossier {
                    root: self.root.clone(),
                };
                let all = sub.articles()?;
                out.extend(all.into_iter().filter(|a| a.starts_with(&p)));
            } else if crate::article::is_article_file(&p) {
                out.push(p);
            } else {
                return Err(DossierError::NotAnArticle { path: g.clone() });
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// Take the dossier's write lock (see [`super::lock`]), waiting up to `wait`.
    pub fn lock(
        &self,
        wait: std::time::Duration,
    ) -> Result<super::lock::DossierLock, super::lock::LockError> {
        super::lock::DossierLock::acquire(&self.root, wait)
    }

    /// The path of `file` as recorded in claim files.
    pub fn record_path(&self, file: &Path) -> String {
        crate::article::record_path(&self.root, file)
    }
}

/// Who is deciding: `by`, else $DOSSIER_REVIEWER, else git's `user.name` in the dossier at
/// `root`, else $USER (or $USERNAME). Used for verdicts and for the corrections `extract`
/// finds.
pub fn editor_name(root: &Path, by: Option<&str>) -> Option<String> {
    let nonempty = |s: String| {
        let t = s.trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    if let Some(b) = by {
        return nonempty(b.to_string());
    }
    if let Some(v) = std::env::var("DOSSIER_REVIEWER").ok().and_then(nonempty) {
        return Some(v);
    }
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(nonempty);
    git.or_else(|| std::env::var("USER").ok().and_then(nonempty))
        .or_else(|| std::env::var("USERNAME").ok().and_then(nonempty))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_root_names_the_path_and_keeps_the_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dossier");
        let err = Dossier::at(&missing).unwrap_err();
        assert!(err.to_string().contains("no-such-dossier"), "{err}");
        // The operating system's error stays reachable, with its kind, for whoever needs more
        // than the message.
        let source = std::error::Error::source(&err).expect("the I/O error is kept");
        let io = source
            .downcast_ref::<std::io::Error>()
            .expect("an io::Error");
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    }
}
