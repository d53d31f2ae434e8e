//! Locations as CI tools read them (GitHub annotations, SARIF): paths relative to the
//! repository root, and regions with a start and an end computed from the files' texts.
//!
//! A finding about a claim or a reference carries two places: the YAML value in the claim file
//! (`file`, `line`, `column`, `span`) and the passage of the article (`related`). An editor
//! fixes the article, so CI tools get the article passage as the primary location and the YAML
//! value as a related one; a finding with no article passage keeps its YAML location.

use super::Texts;
use crate::check::Finding;
use std::collections::HashMap;
use std::path::Path;

/// How the files of a dossier are named for CI tools: the dossier-relative path behind a
/// prefix that makes it relative to the repository root (the nearest folder at or above the
/// dossier holding a `.git` directory or file), else to the working directory when the dossier
/// is inside it, else to the dossier root itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiPaths {
    /// `""`, or the dossier's folder below the base with a trailing `/` (`newsroom/`).
    prefix: String,
    base: Base,
}

/// What [`CiPaths`] are relative to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Base {
    /// The dossier root: no repository around it, and not run from a folder holding it.
    #[default]
    Dossier,
    /// The repository root.
    Repository,
    /// The working directory, which holds the dossier.
    WorkingDirectory,
}

impl CiPaths {
    /// The paths of a dossier at `root`, for a process whose working directory is `cwd`.
    /// Both are made absolute and canonical where they can be; nothing but the file system is
    /// consulted (no `git` process).
    pub fn new(root: &Path, cwd: &Path) -> CiPaths {
        let abs = |p: &Path| {
            let p = if p.is_absolute() {
                p.to_path_buf()
            } else {
                cwd.join(p)
            };
            p.canonicalize().unwrap_or(p)
        };
        let root = abs(root);
        if let Some(top) = root
            .ancestors()
            .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok())
        {
            return CiPaths::below(&root, top, Base::Repository);
        }
        let cwd = abs(cwd);
        if root.starts_with(&cwd) {
            return CiPaths::below(&root, &cwd, Base::WorkingDirectory);
        }
        CiPaths::dossier_relative()
    }

    fn below(root: &Path, base_dir: &Path, base: Base) -> CiPaths {
        let mut prefix = String::new();
        for c in root
            .strip_prefix(base_dir)
            .unwrap_or(Path::new(""))
            .components()
        {
            prefix.push_str(&c.as_os_str().to_string_lossy());
            prefix.push('/');
        }
        CiPaths { prefix, base }
    }

    /// Paths exactly as the dossier names them (relative to its root).
    pub fn dossier_relative() -> CiPaths {
        CiPaths::default()
    }

    /// `file` (relative to the dossier root, `/`-separated) relative to the base.
    pub fn path(&self, file: &str) -> String {
        format!("{}{file}", self.prefix)
    }

    /// What the paths are relative to.
    pub fn base(&self) -> Base {
        self.base
    }
}

/// A 1-based position in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// The line, counting from 1.
    pub line: usize,
    /// In characters (Unicode scalar values).
    pub column: usize,
    /// In UTF-16 code units (SARIF's default `columnKind`).
    pub column_utf16: usize,
}

/// One place of a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Relative to the dossier root.
    pub file: String,
    /// Where the place begins: computed from the file's text, or the line and column the
    /// finding recorded when the text is missing or no longer fits them.
    pub start: Pos,
    /// Just past the last character, when the place is a non-empty range whose text is known.
    pub end: Option<Pos>,
    /// What the place is, for a related location.
    pub message: String,
}

/// Where CI tools should point for one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The place to annotate: the article passage when the finding has one, else the YAML
    /// value (or the finding's only place).
    pub primary: Region,
    /// The other place, when the finding has two: the YAML value behind an article passage,
    /// or the related place of a finding whose primary place is not in an article.
    pub related: Option<Region>,
}

/// The positions of some byte offsets of `text`, in one pass over it (`None` for an offset
/// past the end or inside a character).
pub fn positions(text: &str, offsets: &[usize]) -> Vec<Option<Pos>> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![None; offsets.len()];
    let mut at = 0;
    let mut pos = Pos {
        line: 1,
        column: 1,
        column_utf16: 1,
    };
    let mut chars = text.chars();
    for i in order {
        let target = offsets[i];
        if target > text.len() || !text.is_char_boundary(target) {
            continue;
        }
        while at < target {
            let Some(c) = chars.next() else { break };
            at += c.len_utf8();
            if c == '\n' {
                pos.line += 1;
                pos.column = 1;
                pos.column_utf16 = 1;
            } else {
                pos.column += 1;
                pos.column_utf16 += c.len_utf16();
            }
        }
        out[i] = Some(pos);
    }
    out
}

/// One place as a finding records it: a file, its line and column (in characters) and the
/// byte range of the value.
struct Place<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    span: (usize, usize),
    message: String,
}

/// The primary and related location of every finding, in order. Positions are computed from
/// the texts (one pass per file, however many findings point into it); where a text is
/// missing or no longer matches the recorded line, the recorded line and column stand, with
/// no end.
pub fn locate(findings: &[Finding], texts: &Texts) -> Vec<Located> {
    let places: Vec<(Place, Option<Place>)> = findings
        .iter()
        .map(|f| {
            let yaml = |message: String| Place {
                file: &f.file,
                line: f.line,
                column: f.column,
                span: f.span,
                message,
            };
            match &f.related {
                Some(r) if r.file.starts_with("articles/") => (
                    Place {
                        file: &r.file,
                        line: r.line,
                        column: r.column,
                        span: r.span,
                        message: r.message.clone(),
                    },
                    Some(yaml("the YAML value".to_string())),
                ),
                Some(r) => (
                    yaml(String::new()),
                    Some(Place {
                        file: &r.file,
                        line: r.line,
                        column: r.column,
                        span: r.span,
                        message: r.message.clone(),
                    }),
                ),
                None => (yaml(String::new()), None),
            }
        })
        .collect();
    // Every offset wanted, per file, then one pass over each file.
    let mut wanted: HashMap<&str, Vec<usize>> = HashMap::new();
    for (a, b) in &places {
        for p in std::iter::once(a).chain(b.as_ref()) {
            let w = wanted.entry(p.file).or_default();
            w.push(p.span.0);
            w.push(p.span.1);
        }
    }
    let mut known: HashMap<&str, HashMap<usize, Pos>> = HashMap::new();
    for (file, mut offsets) in wanted {
        let Some(text) = texts.get(file) else {
            continue;
        };
        offsets.sort_unstable();
        offsets.dedup();
        let found = positions(&text, &offsets);
        let map = offsets
            .into_iter()
            .zip(found)
            .filter_map(|(o, p)| p.map(|p| (o, p)))
            .collect();
        known.insert(file, map);
    }
    let region = |p: &Place| {
        let at = known.get(p.file);
        let start = at.and_then(|m| m.get(&p.span.0)).copied();
        let (start, end) = match start {
            Some(s) if s.line == p.line => {
                let end = (p.span.1 > p.span.0)
                    .then(|| at.and_then(|m| m.get(&p.span.1)).copied())
                    .flatten();
                (s, end)
            }
            // No text, or a text the recorded position does not fit: keep what was recorded.
            _ => (
                Pos {
                    line: p.line.max(1),
                    column: p.column.max(1),
                    column_utf16: p.column.max(1),
                },
                None,
            ),
        };
        Region {
            file: p.file.to_string(),
            start,
            end,
            message: p.message.clone(),
        }
    };
    places
        .iter()
        .map(|(a, b)| Located {
            primary: region(a),
            related: b.as_ref().map(region),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_characters_and_utf16_units() {
        // "é" is one character, one UTF-16 unit; "𝄞" one character, two units.
        let text = "ab\né𝄞x\n";
        let p = positions(text, &[0, 3, 5, 9, 10, 11, 4, 99]);
        let pos = |line, column, column_utf16| {
            Some(Pos {
                line,
                column,
                column_utf16,
            })
        };
        assert_eq!(p[0], pos(1, 1, 1));
        assert_eq!(p[1], pos(2, 1, 1));
        assert_eq!(p[2], pos(2, 2, 2));
        assert_eq!(p[3], pos(2, 3, 4));
        assert_eq!(p[4], pos(2, 4, 5));
        assert_eq!(p[5], pos(3, 1, 1));
        // Inside "é", and past the end.
        assert_eq!(p[6], None);
        assert_eq!(p[7], None);
    }

    #[test]
    fn a_repository_root_is_found_above_the_dossier() {
        let repo = tempfile::tempdir().unwrap();
        let dossier = repo.path().join("desk/newsroom");
        std::fs::create_dir_all(&dossier).unwrap();
        // No repository: relative to the working directory holding the dossier, else to the
        // dossier (unless the temporary directory lies in a repository).
        let p = CiPaths::new(&dossier, repo.path());
        if p.base() != Base::Repository {
            assert_eq!(p.base(), Base::WorkingDirectory);
            assert_eq!(p.path("claims/a.yaml"), "desk/newsroom/claims/a.yaml");
            let elsewhere = tempfile::tempdir().unwrap();
            let p = CiPaths::new(&dossier, elsewhere.path());
            assert_eq!(p.base(), Base::Dossier);
            assert_eq!(p.path("claims/a.yaml"), "claims/a.yaml");
        }
        // A `.git` file (worktrees, submodules) marks the top level as a directory does.
        std::fs::write(repo.path().join("desk/.git"), "gitdir: elsewhere\n").unwrap();
        let p = CiPaths::new(&dossier, Path::new("/"));
        assert_eq!(p.base(), Base::Repository);
        assert_eq!(p.path("claims/a.yaml"), "newsroom/claims/a.yaml");
        // A relative root is taken from the working directory.
        let p = CiPaths::new(Path::new("newsroom"), &repo.path().join("desk"));
        assert_eq!(p.path("articles/x.md"), "newsroom/articles/x.md");
        std::fs::create_dir(dossier.join(".git")).unwrap();
        assert_eq!(CiPaths::new(&dossier, Path::new("/")).path("a"), "a");
    }
}
