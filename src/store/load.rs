//! Reading a whole dossier for checking: claim files and source entries with the position of
//! every value (for diagnostics that point at the exact YAML line), and the articles they
//! describe. Problems with the files themselves are collected, not fatal.

use super::dossier::Dossier;
use super::yaml;
use crate::model::{ClaimFile, SourceEntry};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Component, Path};

/// A position in a file: 1-based line and column, and the byte range of the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub len: usize,
}

/// Positions of the values of a YAML mapping, by key.
pub type Keys = BTreeMap<String, Pos>;

/// What is wrong with a file of the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    InvalidYaml,
    UnknownField,
    InvalidValue,
    DuplicateId,
    InvalidPath,
    MissingArticle,
}

/// A problem found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Path relative to the dossier root.
    pub file: String,
    pub pos: Pos,
    pub message: String,
    pub source: Option<String>,
}

impl LoadedDossier {
    /// The text of a file of the dossier (claim file, source entry or article), if loaded.
    pub fn text_of(&self, file: &str) -> Option<&str> {
        self.claims
            .iter()
            .find(|c| c.file == file)
            .map(|c| c.text.as_str())
            .or_else(|| {
                self.sources
                    .values()
                    .find(|s| s.file == file)
                    .map(|s| s.text.as_str())
            })
            .or_else(|| self.articles.get(file).map(String::as_str))
    }
}

/// A claim file with the positions of its values.
#[derive(Debug, Clone)]
pub struct LoadedClaims {
    pub file: String,
    pub text: String,
    pub data: ClaimFile,
    pub article_keys: Keys,
    pub reference_keys: Vec<Keys>,
    pub claim_keys: Vec<Keys>,
}

/// A source entry with the positions of its values.
#[derive(Debug, Clone)]
pub struct LoadedSource {
    pub id: String,
    pub file: String,
    pub text: String,
    pub data: SourceEntry,
    pub keys: Keys,
}

/// Everything `check` needs.
#[derive(Debug, Clone, Default)]
pub struct LoadedDossier {
    pub claims: Vec<LoadedClaims>,
    pub sources: BTreeMap<String, LoadedSource>,
    /// Article texts by recorded path, for the claim files that name them.
    pub articles: BTreeMap<String, String>,
    /// Ids of source entries that exist but could not be read (their problem is reported).
    pub unreadable_sources: std::collections::BTreeSet<String>,
    pub problems: Vec<Problem>,
}

#[derive(Deserialize)]
struct ClaimLocs {
    #[serde(default)]
    article: BTreeMap<String, Spanned<IgnoredAny>>,
    #[serde(default)]
    references: Vec<BTreeMap<String, Spanned<IgnoredAny>>>,
    #[serde(default)]
    claims: Vec<BTreeMap<String, Spanned<IgnoredAny>>>,
}

fn keys(map: BTreeMap<String, Spanned<IgnoredAny>>) -> Keys {
    map.into_iter()
        .map(|(k, v)| {
            let span = v.referenced.span();
            let pos = Pos {
                line: v.referenced.line() as usize,
                column: v.referenced.column() as usize,
                offset: span.byte_offset().unwrap_or(0) as usize,
                len: span.byte_len().unwrap_or(0) as usize,
            };
            (k, pos)
        })
        .collect()
}

fn problem_of(file: &str, text: &str, e: yaml::YamlError) -> Problem {
    let m = e.message.as_str();
    let kind = if m.contains("unknown field") {
        ProblemKind::UnknownField
    } else if [
        "invalid type",
        "invalid value",
        "missing field",
        "did not match any variant",
        "expected sequence",
        "expected mapping",
        "expected a ",
        "expected scalar",
        "invalid length",
    ]
    .iter()
    .any(|p| m.contains(p))
    {
        ProblemKind::InvalidValue
    } else {
        ProblemKind::InvalidYaml
    };
    let line = e.line.unwrap_or(1).max(1);
    let column = e.column.unwrap_or(1).max(1);
    Problem {
        kind,
        file: file.to_string(),
        pos: Pos {
            line,
            column,
            offset: offset_of(text, line, column),
            len: 0,
        },
        message: first_line(&e.message),
        source: None,
    }
}

/// The first line of a parser message, without the position prefix reported separately.
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or(s).trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let stripped = line
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .filter(|(pos, _)| pos.contains("column"))
        .map_or(line, |(_, msg)| msg);
    stripped.to_string()
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The `.yaml` / `.yml` files directly in `dir` (not hidden ones), sorted.
pub fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        })
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

/// Load the dossier's claim files, source entries and articles.
pub fn load(dossier: &Dossier) -> LoadedDossier {
    let mut out = LoadedDossier::default();
    for path in yaml_files(&dossier.root.join("claims")) {
        let file = dossier.record_path(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                out.problems.push(Problem {
                    kind: ProblemKind::InvalidYaml,
                    file,
                    pos: Pos {
                        line: 1,
                        column: 1,
                        ..Pos::default()
                    },
                    message: format!("cannot read: {e}"),
                    source: None,
                });
                continue;
            }
        };
        let data: ClaimFile = match yaml::from_str(&text) {
            Ok(d) => d,
            Err(e) => {
                out.problems.push(problem_of(&file, &text, e));
                continue;
            }
        };
        let locs: ClaimLocs = yaml::from_str(&text).unwrap_or(ClaimLocs {
            article: BTreeMap::new(),
            references: Vec::new(),
            claims: Vec::new(),
        });
        let loaded = LoadedClaims {
            file,
            data,
            article_keys: keys(locs.article),
            reference_keys: locs.references.into_iter().map(keys).collect(),
            claim_keys: locs.claims.into_iter().map(keys).collect(),
            text,
        };
        duplicate_ids(&loaded, &mut out.problems);
        let article_path = loaded.data.article.path.clone();
        if let std::collections::btree_map::Entry::Vacant(slot) =
            out.articles.entry(article_path.clone())
        {
            match read_article(dossier, &article_path) {
                Some(t) => {
                    slot.insert(t);
                }
                None => out.problems.push(Problem {
                    kind: ProblemKind::MissingArticle,
                    file: loaded.file.clone(),
                    pos: loaded.article_keys.get("path").copied().unwrap_or_default(),
                    message: format!(
                        "the article {article_path} this claim file describes does not exist"
                    ),
                    source: None,
                }),
            }
        }
        out.claims.push(loaded);
    }
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for path in yaml_files(&dossier.root.join("sources")) {
        let file = dossier.record_path(&path);
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(first) = seen.insert(id.to_lowercase(), file.clone()) {
            out.problems.push(Problem {
                kind: ProblemKind::DuplicateId,
                file: file.clone(),
                pos: Pos {
                    line: 1,
                    column: 1,
                    ..Pos::default()
                },
                message: format!("source id `{id}` is also used by {first}"),
                source: Some(id.clone()),
            });
            continue;
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                out.problems.push(Problem {
                    kind: ProblemKind::InvalidYaml,
                    file,
                    pos: Pos {
                        line: 1,
                        column: 1,
                        ..Pos::default()
                    },
                    message: format!("cannot read: {e}"),
                    source: Some(id),
                });
                continue;
            }
        };
        let data: SourceEntry = match yaml::from_str(&text) {
            Ok(d) => d,
            Err(e) => {
                let mut p = problem_of(&file, &text, e);
                p.source = Some(id.clone());
                out.problems.push(p);
                out.unreadable_sources.insert(id);
                continue;
            }
        };
        let locs: BTreeMap<String, Spanned<IgnoredAny>> = yaml::from_str(&text).unwrap_or_default();
        let loaded = LoadedSource {
            id: id.clone(),
            file,
            text,
            data,
            keys: keys(locs),
        };
        if let Some(snapshot) = &loaded.data.snapshot {
            if let Some(reason) = snapshot_problem(&dossier.root, snapshot) {
                out.problems.push(Problem {
                    kind: ProblemKind::InvalidPath,
                    file: loaded.file.clone(),
                    pos: loaded.keys.get("snapshot").copied().unwrap_or_default(),
                    message: format!("snapshot `{snapshot}` {reason}"),
                    source: Some(id.clone()),
                });
            }
        }
        out.sources.insert(id, loaded);
    }
    out
}

fn read_article(dossier: &Dossier, record: &str) -> Option<String> {
    let rel = Path::new(record);
    if rel.is_absolute() || rel.components().any(|c| matches!(c, Component::ParentDir)) {
        return None;
    }
    std::fs::read_to_string(dossier.root.join(rel)).ok()
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
        Ok(_) => None,
    }
}

fn duplicate_ids(c: &LoadedClaims, problems: &mut Vec<Problem>) {
    let claims = c.data.claims.iter().map(|x| x.id.as_str());
    let references = c.data.references.iter().map(|x| x.id.as_str());
    for (what, ids, keys) in [
        ("claim", claims.collect::<Vec<_>>(), &c.claim_keys),
        (
            "reference",
            references.collect::<Vec<_>>(),
            &c.reference_keys,
        ),
    ] {
        let mut seen = std::collections::HashSet::new();
        for (k, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                problems.push(Problem {
                    kind: ProblemKind::DuplicateId,
                    file: c.file.clone(),
                    pos: keys
                        .get(k)
                        .and_then(|m| m.get("id"))
                        .copied()
                        .unwrap_or_default(),
                    message: format!("{what} id `{id}` is used twice"),
                    source: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_positions_are_read() {
        let m: BTreeMap<String, Spanned<IgnoredAny>> =
            yaml::from_str("type: web\ntitle: null\nurl: https://x.org\n").unwrap();
        let k = keys(m);
        assert_eq!((k["title"].line, k["title"].column), (2, 8));
        assert_eq!(k["url"].line, 3);
    }

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

    #[test]
    fn offsets_of_lines_and_columns() {
        let t = "ab\ncdé\nf";
        assert_eq!(offset_of(t, 2, 3), 5);
        assert_eq!(offset_of(t, 3, 1), t.len() - 1);
    }
}
