//! Reading the files of the dossier a load looks at: the YAML files of a folder, a claim
//! file or source entry (a regular UTF-8 file inside the dossier), the article a claim file
//! names, and the checks on a snapshot's path; and the problems when they cannot be read.

use super::{LoadedClaims, Pos, Problem, ProblemKind, Unreadable};
use crate::store::dossier::Dossier;
use crate::store::yaml;
use std::path::{Component, Path};

impl Unreadable {
    /// The kind of a read error, for its help.
    fn of(e: &crate::store::fs::ReadError) -> Unreadable {
        use crate::store::fs::ReadError;
        match e {
            ReadError::NotAFile => Unreadable::NotAFile,
            ReadError::TooLarge { .. } => Unreadable::TooLarge,
            ReadError::NotUtf8 { .. } => Unreadable::NotUtf8,
            ReadError::Outside { .. } => Unreadable::Outside,
            ReadError::Io(_) => Unreadable::Io,
        }
    }
}

/// The `.yaml`/`.yml` entries of `dir`, sorted. Entries that are not regular files (a
/// directory or a dangling link with a YAML name) are listed too, so that reading them
/// reports a problem instead of skipping them silently.
pub fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

/// Read a claim file or source entry of the dossier: a regular UTF-8 file of bounded size
/// that is inside the dossier (not a symbolic link out of it).
/// Where it fails to be one, the error gives the position (line and column of an invalid
/// UTF-8 sequence, else 1:1).
pub(super) fn read_yaml_file(
    root: &Path,
    path: &Path,
) -> Result<String, (ProblemKind, String, Pos, Unreadable)> {
    crate::store::fs::read_text_inside(root, path, yaml::MAX_YAML_BYTES).map_err(|e| {
        let pos = match e {
            crate::store::fs::ReadError::NotUtf8 {
                offset,
                line,
                column,
            } => Pos {
                line,
                column,
                offset,
                len: 1,
            },
            _ => Pos {
                line: 1,
                column: 1,
                ..Pos::default()
            },
        };
        (
            ProblemKind::InvalidYaml,
            format!("cannot read: {e}"),
            pos,
            Unreadable::of(&e),
        )
    })
}

pub(super) fn unreadable(
    file: String,
    (kind, message, pos, help): (ProblemKind, String, Pos, Unreadable),
    source: Option<String>,
) -> Problem {
    Problem {
        kind,
        file,
        pos,
        message,
        source,
        help: Some(help),
    }
}

/// Read the claim file at `path` (inside `claims/`): its path in the dossier and its text,
/// or the problem that kept it from being read.
pub fn read_claim_file(dossier: &Dossier, path: &Path) -> (String, Result<String, Problem>) {
    let file = dossier.record_path(path);
    let text = read_yaml_file(&dossier.root, path).map_err(|e| unreadable(file.clone(), e, None));
    (file, text)
}

/// The text of the article at `record` (a path in the dossier, as a claim file records it),
/// or why it cannot be read, in words that follow "the article … ".
pub fn article_text(dossier: &Dossier, record: &str) -> Result<String, String> {
    read_article(dossier, record).map_err(|why| why.describe())
}

/// The `missing-article` problem of a claim file whose article cannot be read (`why`, as
/// [`article_text`] says it).
pub fn missing_article(c: &LoadedClaims, why: &str) -> Problem {
    Problem {
        kind: ProblemKind::MissingArticle,
        file: c.file.clone(),
        pos: c.article_keys.get("path").copied().unwrap_or_default(),
        message: format!(
            "the article {} this claim file describes {why}",
            c.data.article.path
        ),
        source: None,
        help: None,
    }
}

/// Why the article a claim file names could not be read.
#[derive(Debug)]
pub(super) enum ArticleProblem {
    Missing,
    Outside,
    Unreadable(String),
    /// Already moved into the result (a second claim file naming the same article, which is
    /// then reported again, as the first was).
    Taken,
}

impl ArticleProblem {
    pub(super) fn describe(&self) -> String {
        match self {
            ArticleProblem::Missing | ArticleProblem::Taken => "does not exist".into(),
            ArticleProblem::Outside => {
                "is outside the dossier (an absolute path, `..`, or a symbolic link out of it)"
                    .into()
            }
            ArticleProblem::Unreadable(e) => format!("cannot be read: {e}"),
        }
    }
}

pub(super) fn read_article(dossier: &Dossier, record: &str) -> Result<String, ArticleProblem> {
    let rel = Path::new(record);
    if rel.is_absolute() || rel.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(ArticleProblem::Outside);
    }
    let full = dossier.root.join(rel);
    match full.canonicalize() {
        Err(_) => return Err(ArticleProblem::Missing),
        Ok(real) if !real.starts_with(&dossier.root) => return Err(ArticleProblem::Outside),
        Ok(_) => {}
    }
    crate::store::fs::read_text_limited(&full, crate::article::load::MAX_ARTICLE_BYTES)
        .map_err(|e| ArticleProblem::Unreadable(e.to_string()))
}

/// Why a snapshot path is unacceptable, if it is: it must be relative, stay inside the
/// dossier (no `..`, no symbolic link out) and exist.
pub fn snapshot_problem(root: &Path, snapshot: &str) -> Option<&'static str> {
    let p = Path::new(snapshot);
    if p.is_absolute() || snapshot.starts_with('/') || snapshot.starts_with('\\') {
        return Some("is absolute; give a path relative to the dossier root");
    }
    if p.components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Some("leaves the dossier (`..`); keep snapshots inside it");
    }
    let full = root.join(p);
    match full.canonicalize() {
        Err(_) => Some("does not exist"),
        Ok(real) if !real.starts_with(root) => {
            Some("is a symbolic link that leads outside the dossier")
        }
        Ok(real) => match std::fs::metadata(&real) {
            Ok(m) if !m.is_file() => Some("is not a regular file (a directory, FIFO or device)"),
            Ok(m) if m.len() > crate::model::source::MAX_SNAPSHOT_BYTES => {
                Some("is larger than the 64 MiB a snapshot may be")
            }
            Ok(_) => None,
            Err(_) => Some("cannot be read"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_paths_must_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("sources/snapshots")).unwrap();
        std::fs::write(root.join("sources/snapshots/a.txt"), "x").unwrap();
        assert_eq!(snapshot_problem(&root, "sources/snapshots/a.txt"), None);
        assert!(snapshot_problem(&root, "/etc/passwd").is_some());
        assert!(snapshot_problem(&root, "../outside.txt").is_some());
        assert!(snapshot_problem(&root, "sources/none.txt").is_some());
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("o.txt"), "x").unwrap();
            std::os::unix::fs::symlink(outside.path().join("o.txt"), root.join("sources/link.txt"))
                .unwrap();
            assert!(snapshot_problem(&root, "sources/link.txt")
                .unwrap()
                .contains("symbolic link"));
        }
    }
}
