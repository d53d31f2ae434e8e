//! Where a dossier lives: its root (found from the working directory upward) and the layout
//! below it: `articles/`, `claims/`, `sources/`.

use std::path::{Path, PathBuf};

/// Problems with the dossier itself, as opposed to one of its files.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    #[error("no dossier found in {start} or any parent directory (looked for a dossier.toml or an articles/ directory)")]
    NotFound { start: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a directory; --root must be a dossier directory")]
    NotADirectory { path: PathBuf },
    #[error("{path}: not an article (articles are .txt, .md or .markdown files)")]
    NotAnArticle { path: PathBuf },
    #[error("{path}: the file is outside the dossier at {root}")]
    OutsideDossier { path: PathBuf, root: PathBuf },
    #[error("two articles would share the claim file claims/{slug}.yaml: {first} and {second}")]
    DuplicateSlug {
        slug: String,
        first: String,
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

    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    pub fn claim_path(&self, slug: &str) -> PathBuf {
        self.root.join("claims").join(format!("{slug}.yaml"))
    }

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
