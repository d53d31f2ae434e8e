//! Reading a whole dossier for checking: claim files and source entries with the position of
//! every value (for diagnostics that point at the exact YAML line), and the articles they
//! describe. Problems with the files themselves are collected, not fatal.

use super::cache::Cache;
use super::dossier::Dossier;
use super::yaml;
use crate::model::{ClaimFile, SourceEntry};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Component, Path};

/// A position in a file: 1-based line and column, and the byte range of the value. Kept in
/// the parse cache as a 4-tuple, the most compact JSON form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(
    from = "(usize, usize, usize, usize)",
    into = "(usize, usize, usize, usize)"
)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub len: usize,
}

impl From<(usize, usize, usize, usize)> for Pos {
    fn from((line, column, offset, len): (usize, usize, usize, usize)) -> Pos {
        Pos {
            line,
            column,
            offset,
            len,
        }
    }
}

impl From<Pos> for (usize, usize, usize, usize) {
    fn from(p: Pos) -> Self {
        (p.line, p.column, p.offset, p.len)
    }
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
    /// An article no claim file describes.
    Unextracted,
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
    /// What to do about it, when the rule's general help does not fit (a file that could
    /// not be read is not a YAML syntax error).
    pub help: Option<Unreadable>,
}

/// Why a claim file or source entry could not be read, for the help that goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    NotAFile,
    TooLarge,
    NotUtf8,
    Outside,
    Io,
}

impl Unreadable {
    fn of(e: &super::fs::ReadError) -> Unreadable {
        use super::fs::ReadError;
        match e {
            ReadError::NotAFile => Unreadable::NotAFile,
            ReadError::TooLarge { .. } => Unreadable::TooLarge,
            ReadError::NotUtf8 { .. } => Unreadable::NotUtf8,
            ReadError::Outside { .. } => Unreadable::Outside,
            ReadError::Io(_) => Unreadable::Io,
        }
    }

    /// What an editor does about it.
    pub fn help(self) -> &'static str {
        match self {
            Unreadable::NotAFile => "dossier reads only regular files here: replace it with the YAML file itself, or move it out of the folder",
            Unreadable::TooLarge => "dossier never writes a claim file or source entry this large (64 MiB): if it was made by hand, split it (one claim file per article, long source text in a snapshot under sources/snapshots/); if its article is that large, split the article",
            Unreadable::NotUtf8 => "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
            Unreadable::Outside => "replace the link with the file itself (or a link to a file inside the dossier)",
            Unreadable::Io => "check that the file exists and that you may read it",
        }
    }
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

    /// The articles its claim files record and the snapshots its source entries name (paths
    /// in the dossier, in load order): what a run on it read besides the claim files and
    /// source entries ([`crate::store::memo`] stamps them).
    pub fn named_files(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .claims
            .iter()
            .map(|c| c.data.article.path.clone())
            .collect();
        out.extend(
            self.sources
                .values()
                .filter_map(|s| s.data.snapshot.as_ref().map(|x| x.path().to_string())),
        );
        out
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
    /// The positions of its references' and claims' values were left out to save memory
    /// ([`load_slim`]): `reference_keys` and `claim_keys` are empty, and whoever needs them
    /// (a fresh check) parses the file again ([`LoadedClaims::with_positions`]).
    pub slim: bool,
}

impl LoadedClaims {
    /// Without the positions of its references' and claims' values (most of what a parsed
    /// claim file takes in memory): the audit and the desk never point at them.
    fn slimmed(mut self) -> LoadedClaims {
        self.reference_keys = Vec::new();
        self.claim_keys = Vec::new();
        self.slim = true;
        self
    }

    /// This claim file with every position, parsed again (through `cache`) if it was slimmed.
    pub fn with_positions(&self, cache: &Cache) -> std::borrow::Cow<'_, LoadedClaims> {
        if !self.slim {
            return std::borrow::Cow::Borrowed(self);
        }
        match parse_claim_file_cached(&self.file, self.text.clone(), cache) {
            Ok((full, _)) => std::borrow::Cow::Owned(full),
            // (It parsed a moment ago from these very bytes.)
            Err(_) => std::borrow::Cow::Borrowed(self),
        }
    }
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
    /// The dossier's root directory (snapshots are read from it); empty when the dossier was
    /// built in memory.
    pub root: std::path::PathBuf,
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
    // The deserialiser stops at the first value of the wrong type, which may come before a
    // syntax error further on: a document that is not YAML at all is invalid YAML, whatever
    // the first complaint was, and its syntax error is the one to show.
    // (A duplicate key is left to the first complaint.)
    let (e, syntax) = match yaml::from_str::<IgnoredAny>(text) {
        Err(syntax) if !syntax.message.contains("duplicate mapping key") => (syntax, true),
        _ => (e, false),
    };
    let m = e.message.as_str();
    let kind = if syntax {
        ProblemKind::InvalidYaml
    } else if m.contains("unknown field") {
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
        || wrong_scalar_type(m)
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
        help: None,
    }
}

/// A parser message saying a value is not of the scalar type the field needs
/// (`expected string scalar`, `invalid u32`, `invalid bool`): a wrong value, not bad YAML.
fn wrong_scalar_type(m: &str) -> bool {
    const TYPES: &[&str] = &[
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64",
        "bool", "char", "string",
    ];
    let m = m.trim_start_matches("error: ");
    let m = m.split_once(": ").map_or(
        m,
        |(pos, rest)| {
            if pos.starts_with("line ") {
                rest
            } else {
                m
            }
        },
    );
    let mut words = m.split_whitespace();
    match (words.next(), words.next()) {
        (Some("invalid"), Some(t)) => TYPES.contains(&t),
        (Some("expected"), Some(t)) => TYPES.contains(&t),
        _ => false,
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
fn read_yaml_file(
    root: &Path,
    path: &Path,
) -> Result<String, (ProblemKind, String, Pos, Unreadable)> {
    super::fs::read_text_inside(root, path, yaml::MAX_YAML_BYTES).map_err(|e| {
        let pos = match e {
            super::fs::ReadError::NotUtf8 {
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

/// A claim file read in one pass of the parser with the positions of its values (see
/// [`yaml::Located`]); its fields mirror [`ClaimFile`]'s. Anything it does not accept (an
/// unknown version, a field it lacks) is read the slow way, which reports the problem.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocatedClaimFile {
    version: u32,
    article: yaml::Located<crate::model::ArticleRecord>,
    references: Vec<yaml::Located<crate::model::Reference>>,
    claims: Vec<yaml::Located<crate::model::Claim>>,
}

fn keys_of(keys: Vec<(String, yaml::Position)>) -> Keys {
    keys.into_iter()
        .map(|(k, p)| {
            let pos = Pos {
                line: p.line,
                column: p.column,
                offset: p.offset,
                len: p.len,
            };
            (k, pos)
        })
        .collect()
}

/// A claim file's data and the positions of its values: one pass when the file is as
/// dossier writes it, else two (the data, then the positions), the first reporting any problem.
fn claim_file_with_keys(
    file: &str,
    text: &str,
) -> Result<(ClaimFile, Keys, Vec<Keys>, Vec<Keys>), Problem> {
    if let Ok(f) = yaml::from_str::<LocatedClaimFile>(text) {
        if f.version == crate::model::FORMAT_VERSION {
            let (references, reference_keys) = f
                .references
                .into_iter()
                .map(|r| (r.value, keys_of(r.keys)))
                .unzip();
            let (claims, claim_keys) = f
                .claims
                .into_iter()
                .map(|c| (c.value, keys_of(c.keys)))
                .unzip();
            let data = ClaimFile {
                version: f.version,
                article: f.article.value,
                references,
                claims,
            };
            return Ok((data, keys_of(f.article.keys), reference_keys, claim_keys));
        }
    }
    let data: ClaimFile = yaml::from_str(text).map_err(|e| problem_of(file, text, e))?;
    let locs: ClaimLocs = yaml::from_str(text).unwrap_or(ClaimLocs {
        article: BTreeMap::new(),
        references: Vec::new(),
        claims: Vec::new(),
    });
    Ok((
        data,
        keys(locs.article),
        locs.references.into_iter().map(keys).collect(),
        locs.claims.into_iter().map(keys).collect(),
    ))
}

/// What reading a claim file produces, as the cache keeps it.
type ParsedClaims = (ClaimFile, Keys, Vec<Keys>, Vec<Keys>);

/// A claim file parsed on its own: the loaded file, or why it could not be read, plus the
/// problems found inside it (duplicate ids).
pub fn parse_claim_file(file: &str, text: String) -> Result<(LoadedClaims, Vec<Problem>), Problem> {
    parse_claim_file_cached(file, text, &Cache::disabled())
}

/// [`parse_claim_file`], through the parse cache: a file read before with the same bytes is
/// not parsed again. Only files that read without a problem are cached.
pub fn parse_claim_file_cached(
    file: &str,
    text: String,
    cache: &Cache,
) -> Result<(LoadedClaims, Vec<Problem>), Problem> {
    let parsed = match cache.get::<ParsedClaims>("claims", &text) {
        Some(p) => p,
        None => {
            let p = claim_file_with_keys(file, &text)?;
            cache.put("claims", &text, &p);
            p
        }
    };
    let (data, article_keys, reference_keys, claim_keys) = parsed;
    let loaded = LoadedClaims {
        file: file.to_string(),
        data,
        article_keys,
        reference_keys,
        claim_keys,
        text,
        slim: false,
    };
    let mut problems = Vec::new();
    duplicate_ids(&loaded, &mut problems);
    Ok((loaded, problems))
}

/// A source entry parsed on its own (without looking at its snapshot on disk).
pub fn parse_source_entry(id: &str, file: &str, text: String) -> Result<LoadedSource, Problem> {
    parse_source_entry_cached(id, file, text, &Cache::disabled())
}

/// [`parse_source_entry`] through the parse cache (see [`parse_claim_file_cached`]).
pub fn parse_source_entry_cached(
    id: &str,
    file: &str,
    text: String,
    cache: &Cache,
) -> Result<LoadedSource, Problem> {
    let cached = cache.get::<(SourceEntry, Keys)>("sources", &text);
    let fresh = cached.is_none();
    let (data, keys) = match cached {
        Some(c) => c,
        None => match yaml::from_str::<yaml::Located<SourceEntry>>(&text) {
            Ok(l) => (l.value, keys_of(l.keys)),
            Err(_) => {
                let data: SourceEntry = yaml::from_str(&text).map_err(|e| {
                    let mut p = problem_of(file, &text, e);
                    p.source = Some(id.to_string());
                    p
                })?;
                let locs: BTreeMap<String, Spanned<IgnoredAny>> =
                    yaml::from_str(&text).unwrap_or_default();
                (data, keys(locs))
            }
        },
    };
    if fresh {
        cache.put("sources", &text, &(&data, &keys));
    }
    Ok(LoadedSource {
        id: id.to_string(),
        file: file.to_string(),
        text,
        data,
        keys,
    })
}

fn unreadable(
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

/// Load the dossier's claim files, source entries and articles, on every core.
pub fn load(dossier: &Dossier) -> LoadedDossier {
    load_with(dossier, crate::par::default_jobs(), &|| {})
}

/// [`load`] on up to `jobs` threads, calling `tick` once per file read. The result does not
/// depend on `jobs`: files are read and parsed in parallel, and then assembled in path order.
pub fn load_with(dossier: &Dossier, jobs: usize, tick: &(dyn Fn() + Sync)) -> LoadedDossier {
    load_cached(dossier, jobs, tick, &Cache::new(dossier, true))
}

/// [`load_with`] through a given parse cache (e.g. a disabled one for `--no-cache`). The
/// caller prunes the cache ([`Cache::prune`]) once it has looked up all it will (a check
/// looks up its cached results after loading).
pub fn load_cached(
    dossier: &Dossier,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
    cache: &Cache,
) -> LoadedDossier {
    load_selected(dossier, jobs, tick, cache, &|_| true)
}

/// [`load_cached`] without the positions of the claims' and references' values
/// ([`LoadedClaims::slim`]), for the audit and the desk, which never point at them: about a
/// third less memory. Positions are dropped only when the parse cache is on, since a check
/// that needs them again takes them from there (with `--no-cache` it would parse twice).
pub fn load_slim(
    dossier: &Dossier,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
    cache: &Cache,
) -> LoadedDossier {
    load_inner(dossier, jobs, tick, cache, &|_| true, cache.enabled())
}

/// [`load_cached`] of the claim files whose path in the dossier (`claims/<slug>.yaml`)
/// `wanted` accepts (e.g. one shard's), with every source entry.
pub fn load_selected(
    dossier: &Dossier,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
    cache: &Cache,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> LoadedDossier {
    load_inner(dossier, jobs, tick, cache, wanted, false)
}

fn load_inner(
    dossier: &Dossier,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
    cache: &Cache,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    slim: bool,
) -> LoadedDossier {
    let mut out = LoadedDossier {
        root: dossier.root.clone(),
        ..LoadedDossier::default()
    };
    let claim_paths: Vec<_> = yaml_files(&dossier.root.join("claims"))
        .into_iter()
        .filter(|p| wanted(&dossier.record_path(p)))
        .collect();
    let parsed = crate::par::map(&claim_paths, jobs, |path| {
        let file = dossier.record_path(path);
        let r = match read_yaml_file(&dossier.root, path) {
            Ok(text) => parse_claim_file_cached(&file, text, cache),
            Err(e) => Err(unreadable(file, e, None)),
        };
        let r = r.map(|(c, problems)| (if slim { c.slimmed() } else { c }, problems));
        tick();
        r
    });
    // Each article once, in the order the claim files first name it.
    let mut wanted = Vec::new();
    let mut seen_articles = std::collections::BTreeSet::new();
    for (c, _) in parsed.iter().flatten() {
        if seen_articles.insert(c.data.article.path.as_str()) {
            wanted.push(c.data.article.path.clone());
        }
    }
    let texts = crate::par::map(&wanted, jobs, |record| {
        let t = read_article(dossier, record);
        tick();
        t
    });
    let mut texts: BTreeMap<String, Result<String, ArticleProblem>> =
        wanted.into_iter().zip(texts).collect();
    for r in parsed {
        let (loaded, problems) = match r {
            Ok(x) => x,
            Err(p) => {
                out.problems.push(p);
                continue;
            }
        };
        out.problems.extend(problems);
        let article_path = &loaded.data.article.path;
        if !out.articles.contains_key(article_path) {
            let text = texts
                .get_mut(article_path)
                .map(|t| std::mem::replace(t, Err(ArticleProblem::Taken)));
            match text {
                Some(Ok(t)) => {
                    out.articles.insert(article_path.clone(), t);
                }
                Some(Err(why)) => out.problems.push(Problem {
                    kind: ProblemKind::MissingArticle,
                    file: loaded.file.clone(),
                    pos: loaded.article_keys.get("path").copied().unwrap_or_default(),
                    message: format!(
                        "the article {article_path} this claim file describes {}",
                        why.describe()
                    ),
                    source: None,
                    help: None,
                }),
                None => {}
            }
        }
        out.claims.push(loaded);
    }
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut entries = Vec::new();
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
                help: None,
            });
            continue;
        }
        entries.push((path, file, id));
    }
    let parsed = crate::par::map(&entries, jobs, |(path, file, id)| {
        let r = match read_yaml_file(&dossier.root, path) {
            Ok(text) => parse_source_entry_cached(id, file, text, cache).map_err(|p| (p, true)),
            Err(e) => Err((unreadable(file.clone(), e, Some(id.clone())), false)),
        };
        let r = r.map(|loaded| {
            let snapshot = loaded
                .data
                .snapshot
                .as_ref()
                .map(|s| s.path())
                .and_then(|s| {
                    snapshot_problem(&dossier.root, s).map(|reason| (s.to_string(), reason))
                });
            (loaded, snapshot)
        });
        tick();
        r
    });
    for r in parsed {
        match r {
            Ok((loaded, snapshot)) => {
                if let Some((snapshot, reason)) = snapshot {
                    out.problems.push(Problem {
                        kind: ProblemKind::InvalidPath,
                        file: loaded.file.clone(),
                        pos: loaded.keys.get("snapshot").copied().unwrap_or_default(),
                        message: format!("snapshot `{snapshot}` {reason}"),
                        source: Some(loaded.id.clone()),
                        help: None,
                    });
                }
                out.sources.insert(loaded.id.clone(), loaded);
            }
            Err((p, parse_error)) => {
                if parse_error {
                    if let Some(id) = &p.source {
                        out.unreadable_sources.insert(id.clone());
                    }
                }
                out.problems.push(p);
            }
        }
    }
    out
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
enum ArticleProblem {
    Missing,
    Outside,
    Unreadable(String),
    /// Already moved into the result (a second claim file naming the same article, which is
    /// then reported again, as the first was).
    Taken,
}

impl ArticleProblem {
    fn describe(&self) -> String {
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

fn read_article(dossier: &Dossier, record: &str) -> Result<String, ArticleProblem> {
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
    super::fs::read_text_limited(&full, crate::article::load::MAX_ARTICLE_BYTES)
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
                    help: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow path: the data, then the positions in a second pass.
    fn two_passes(text: &str) -> (ClaimFile, Keys, Vec<Keys>, Vec<Keys>) {
        let data: ClaimFile = yaml::from_str(text).unwrap();
        let locs: ClaimLocs = yaml::from_str(text).unwrap();
        (
            data,
            keys(locs.article),
            locs.references.into_iter().map(keys).collect(),
            locs.claims.into_iter().map(keys).collect(),
        )
    }

    #[test]
    fn one_pass_reads_what_two_passes_read() {
        // Claim files as extract writes them, and one edited by hand in other YAML styles
        // (flow mappings, quoted and block scalars, comments, CRLF line ends).
        let written = [
            include_str!("../../claims/no-tariffs-just-trust.yaml"),
            include_str!("../../claims/trump-russia-policy.yaml"),
        ];
        let hand = written[1]
            .replacen("  date: ", "  date:   ", 1)
            .replace("  kind: assertion\n", "  kind: 'assertion' # edited\n")
            .replacen("  text: ", "  text: >-\n    ", 1)
            .replace("\n", "\r\n");
        assert!(hand.contains("'assertion' # edited") && hand.contains(">-"));
        for text in written.iter().copied().chain([hand.as_str()]) {
            assert!(yaml::from_str::<LocatedClaimFile>(text).is_ok(), "one pass");
            assert_eq!(
                claim_file_with_keys("c.yaml", text).unwrap(),
                two_passes(text)
            );
        }
        let flow = "version: 1\narticle: {path: articles/a.md, fingerprint: x, title: null, author: null, date: null, outlet: null}\nreferences: []\nclaims: []\n";
        assert_eq!(
            claim_file_with_keys("c.yaml", flow).unwrap(),
            two_passes(flow)
        );
    }

    #[test]
    fn a_slim_load_drops_claim_positions_and_gets_them_back_on_demand() {
        let dir = tempfile::tempdir().unwrap();
        let dossier = Dossier {
            root: dir.path().canonicalize().unwrap(),
        };
        std::fs::create_dir_all(dossier.root.join("claims")).unwrap();
        let text = include_str!("../../claims/trump-russia-policy.yaml");
        std::fs::write(dossier.root.join("claims/t.yaml"), text).unwrap();
        let full = |cache: &Cache| load_cached(&dossier, 1, &|| {}, cache).claims;
        let slim = |cache: &Cache| load_slim(&dossier, 1, &|| {}, cache).claims;
        let cache = Cache::new(&dossier, true);
        let (full, slim) = (full(&cache).remove(0), slim(&cache).remove(0));
        assert!(!full.slim && !full.claim_keys.is_empty());
        assert!(slim.slim && slim.claim_keys.is_empty() && slim.reference_keys.is_empty());
        assert_eq!(slim.data, full.data, "the data is all there");
        assert_eq!(slim.article_keys, full.article_keys);
        let back = slim.with_positions(&cache);
        assert_eq!(
            (&back.claim_keys, &back.reference_keys),
            (&full.claim_keys, &full.reference_keys)
        );
        // Without the cache nothing is dropped: getting it back would mean parsing again.
        let no_cache = load_slim(&dossier, 1, &|| {}, &Cache::disabled()).claims;
        assert!(!no_cache[0].slim && no_cache[0].claim_keys == full.claim_keys);
    }

    #[test]
    fn one_pass_source_entry_positions_match() {
        let text = "type: web\ntitle: 'The \"12\" single'\nurl: https://x.org\nnotes:\n  - a\n";
        let fast = yaml::from_str::<yaml::Located<SourceEntry>>(text).unwrap();
        let slow: BTreeMap<String, Spanned<IgnoredAny>> = yaml::from_str(text).unwrap();
        assert_eq!(keys_of(fast.keys), keys(slow));
    }

    #[test]
    fn one_pass_leaves_problems_to_the_slow_path() {
        let newer = include_str!("../../claims/trump-russia-policy.yaml").replacen(
            "version: 1",
            "version: 99",
            1,
        );
        let e = claim_file_with_keys("c.yaml", &newer).unwrap_err();
        assert!(e.message.contains("newer dossier"), "{}", e.message);
        let unknown = include_str!("../../claims/trump-russia-policy.yaml").replacen(
            "claims:",
            "colour: red\nclaims:",
            1,
        );
        let e = claim_file_with_keys("c.yaml", &unknown).unwrap_err();
        assert_eq!(e.kind, ProblemKind::UnknownField);
        assert!(e.pos.line > 1, "located: {e:?}");
    }

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
    fn scalars_of_the_wrong_type_are_invalid_values() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        #[serde(deny_unknown_fields)]
        struct Doc {
            n: u32,
            s: Option<String>,
        }
        for (text, kind) in [
            ("n: one\n", ProblemKind::InvalidValue),
            ("n: 1\ns: [a]\n", ProblemKind::InvalidValue),
            ("n: 1\ns: \"open\n", ProblemKind::InvalidYaml),
            ("n: 1\nn: 2\n", ProblemKind::InvalidYaml),
            ("n: 1\nx: 2\n", ProblemKind::UnknownField),
        ] {
            let e = yaml::from_str::<Doc>(text).unwrap_err();
            assert_eq!(problem_of("f.yaml", text, e).kind, kind, "{text:?}");
        }
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        let t = "ab\ncdé\nf";
        assert_eq!(offset_of(t, 2, 3), 5);
        assert_eq!(offset_of(t, 3, 1), t.len() - 1);
    }
}
