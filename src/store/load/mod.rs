//! Reading a whole dossier for checking: claim files and source entries with the position of
//! every value (for diagnostics that point at the exact YAML line), and the articles they
//! describe. Problems with the files themselves are collected, not fatal.
//!
//! This module holds what a load produces and its entry points. Its parts: `files` reads the
//! files, `parse` parses one with its positions, `parse_error` words the parser's errors, and
//! `assemble` puts the whole dossier together.

mod assemble;
mod files;
mod parse;
mod parse_error;

pub use files::{article_text, missing_article, read_claim_file, snapshot_problem, yaml_files};
pub use parse::{
    parse_claim_file, parse_claim_file_cached, parse_source_entry, parse_source_entry_cached,
};
pub use parse_error::offset_of;

use super::cache::Cache;
use super::dossier::Dossier;
use crate::model::{ClaimFile, SourceEntry};
use assemble::load_inner;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A position in a file: 1-based line and column, and the byte range of the value. Kept in
/// the parse cache as a 4-tuple, the most compact JSON form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(
    from = "(usize, usize, usize, usize)",
    into = "(usize, usize, usize, usize)"
)]
pub struct Pos {
    /// 1-based line where the value starts.
    pub line: usize,
    /// 1-based column (in characters) where the value starts.
    pub column: usize,
    /// Byte offset of the value's start in the file's text (0 when the parser does not say).
    pub offset: usize,
    /// Length of the value's text in bytes; 0 when unknown, or when the position is a point
    /// (a parser error) rather than a value.
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
    /// The file is not valid YAML, or could not be read at all (the `invalid-yaml` rule).
    InvalidYaml,
    /// A mapping has a key the file's format does not know (`unknown-field`).
    UnknownField,
    /// A value has the wrong type or form, or a required field is missing (`invalid-value`).
    InvalidValue,
    /// Two claims or two references of one claim file, or two source entries (letter case
    /// aside), share an id (`duplicate-id`).
    DuplicateId,
    /// A source entry's snapshot path is absolute, leaves the dossier, or names no readable
    /// regular file of at most 64 MiB (`invalid-path`).
    InvalidPath,
    /// The article a claim file names does not exist, lies outside the dossier or cannot be
    /// read (`missing-article`).
    MissingArticle,
    /// An article no claim file describes.
    Unextracted,
}

/// A problem found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What sort of problem it is, which decides the check rule it is reported under.
    pub kind: ProblemKind,
    /// Path relative to the dossier root.
    pub file: String,
    /// Where in `file` the problem is: 1:1 when it concerns the whole file, all zeros when the
    /// value it concerns could not be located.
    pub pos: Pos,
    /// What is wrong, in an editor's words, without the position.
    pub message: String,
    /// The id of the source entry the problem belongs to; `None` for claim files, articles
    /// and `dossier.toml`.
    pub source: Option<String>,
    /// What to do about it, when the rule's general help does not fit (a file that could
    /// not be read is not a YAML syntax error).
    pub help: Option<Unreadable>,
}

/// Why a claim file or source entry could not be read, for the help that goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Something other than a regular file (a directory, FIFO, device or dangling link) has
    /// the file's name.
    NotAFile,
    /// The file is larger than the 64 MiB dossier reads ([`crate::store::yaml::MAX_YAML_BYTES`]).
    TooLarge,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file is a symbolic link that leads outside the dossier.
    Outside,
    /// The operating system refused the read (the file vanished, no permission, …).
    Io,
}

impl Unreadable {
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
    /// Its path relative to the dossier root (`claims/<slug>.yaml`), `/`-separated.
    pub file: String,
    /// The file's text as read; the positions are offsets into it.
    pub text: String,
    /// The parsed claim file.
    pub data: ClaimFile,
    /// Positions of the values of its `article:` mapping, by key.
    pub article_keys: Keys,
    /// Positions of each reference's values, by key, in the order of `data.references`
    /// (empty after a slim load, see [`LoadedClaims::slim`]).
    pub reference_keys: Vec<Keys>,
    /// Positions of each claim's values, by key, in the order of `data.claims` (empty after a
    /// slim load, see [`LoadedClaims::slim`]).
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
    /// The entry's id: its file name without the `.yaml` or `.yml` extension.
    pub id: String,
    /// Its path relative to the dossier root (`sources/<id>.yaml`), `/`-separated.
    pub file: String,
    /// The file's text as read; the positions are offsets into it.
    pub text: String,
    /// The parsed source entry.
    pub data: SourceEntry,
    /// Positions of its top-level values, by key.
    pub keys: Keys,
}

/// Everything `check` needs.
#[derive(Debug, Clone, Default)]
pub struct LoadedDossier {
    /// The claim files that could be read and parsed, in path order.
    pub claims: Vec<LoadedClaims>,
    /// The source entries that could be read and parsed, by id.
    pub sources: BTreeMap<String, LoadedSource>,
    /// Article texts by recorded path, for the claim files that name them.
    pub articles: BTreeMap<String, String>,
    /// Ids of source entries that exist but could not be read (their problem is reported).
    pub unreadable_sources: std::collections::BTreeSet<String>,
    /// Every problem met while loading: those of the claim files and their articles first,
    /// then those of the source entries.
    pub problems: Vec<Problem>,
    /// The dossier's root directory (snapshots are read from it); empty when the dossier was
    /// built in memory.
    pub root: std::path::PathBuf,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slim_load_drops_claim_positions_and_gets_them_back_on_demand() {
        let dir = tempfile::tempdir().unwrap();
        let dossier = Dossier {
            root: dir.path().canonicalize().unwrap(),
        };
        std::fs::create_dir_all(dossier.root.join("claims")).unwrap();
        let text = include_str!("../../../claims/trump-russia-policy.yaml");
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
}
