//! Getting started: scaffolding an empty dossier (`dossier init`) and bringing an article into
//! one (`dossier add`). Neither ever overwrites a file: an existing `dossier.toml` stops `init`,
//! and an article whose name is taken is given another one.

use super::dossier::Dossier;
use super::lock::{LockError, LOCK_FILE};
use crate::article::{self, Article, Format, LoadError};
use crate::model::ids::slugify;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The `dossier.toml` that `init` writes: every setting shown, commented out, at its default.
/// A test checks that it parses, and that each commented setting parses when uncommented.
pub const CONFIG_TEMPLATE: &str = r#"# dossier.toml: settings for this dossier. Every line below is optional; delete this
# file and nothing changes. Unknown keys are refused with their position.

# The lowest severity that makes `dossier check` exit 1: error | warning | never.
# `dossier check --fail-on LEVEL` overrides it.
# fail-on = "error"

# Per-rule levels: error | warning | note | off. Rule codes are listed in the README and by
# `dossier check --format json` (each finding's "rule").
[rules]
# uncited-claim = "warning"
# incomplete-source = "warning"
# source-after-article = "warning"
# article-metadata = "warning"
"#;

/// Why a dossier could not be created or an article added. Nothing is written when one of
/// these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// `init` was run in a directory that already has a `dossier.toml`.
    #[error("{root}: already a dossier (it has a dossier.toml); nothing changed")]
    AlreadyDossier {
        /// That directory, canonicalised.
        root: PathBuf,
    },
    /// Creating a directory or file, or listing the articles already in the dossier, failed.
    #[error("{path}: {source}")]
    Io {
        /// The path being created or listed.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// `init` found something other than a directory where `articles/`, `claims/` or
    /// `sources/` should be.
    #[error("{path}: exists and is not a directory")]
    NotADirectory {
        /// Its path, below the dossier root.
        path: PathBuf,
    },
    /// `add` was given a file whose extension is neither an article's nor an HTML page's.
    #[error("{path}: not an article (articles are .txt, .md or .markdown files, or HTML pages)")]
    NotAnArticle {
        /// The file as given.
        path: PathBuf,
    },
    /// The article could not be read as article text, or a page held no readable text.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// `add` could not take the dossier's lock.
    #[error(transparent)]
    Lock(#[from] LockError),
}

impl crate::util::Advice for ScaffoldError {
    fn help(&self) -> &'static str {
        match self {
            ScaffoldError::AlreadyDossier { .. } => {
                "add articles with `dossier add FILE`; edit dossier.toml by hand to change settings"
            }
            ScaffoldError::Io { .. } => "check that the path exists and that you may write to it",
            ScaffoldError::NotADirectory { .. } => {
                "move the file out of the way, or run `dossier init` in another directory"
            }
            ScaffoldError::NotAnArticle { .. } => {
                "save the article as plain text (.txt), Markdown (.md) or a web page (.html) and add that file"
            }
            ScaffoldError::Load(e) => e.help(),
            ScaffoldError::Lock(e) => e.help(),
        }
    }
}

fn io(path: &Path, e: std::io::Error) -> ScaffoldError {
    ScaffoldError::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialized {
    /// The dossier root (canonical).
    pub root: PathBuf,
    /// What was created, relative to the root, in order: `articles/`, `claims/`, `sources/`,
    /// `dossier.toml`, `.gitignore` (those that already existed are left out).
    pub created: Vec<String>,
}

/// Scaffold a dossier in `dir` (created if missing): `articles/`, `claims/`, `sources/`, a
/// commented `dossier.toml`, and a `.gitignore` naming the writers' lock file and the parse
/// cache's folder (only when there is no `.gitignore` yet: an existing one is the editor's). A directory that already has a `dossier.toml` is refused; one that
/// has some of the directories (an older dossier without settings) keeps them untouched and
/// gets the missing parts.
pub fn init(dir: &Path) -> Result<Initialized, ScaffoldError> {
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let root = dir.canonicalize().map_err(|e| io(dir, e))?;
    let config = root.join("dossier.toml");
    if config.exists() {
        return Err(ScaffoldError::AlreadyDossier { root });
    }
    let dirs = ["articles", "claims", "sources"];
    // Check everything before creating anything, so that a refusal leaves no trace.
    for d in dirs {
        let p = root.join(d);
        if p.exists() && !p.is_dir() {
            return Err(ScaffoldError::NotADirectory { path: p });
        }
    }
    let mut created = Vec::new();
    for d in dirs {
        let p = root.join(d);
        if !p.is_dir() {
            std::fs::create_dir(&p).map_err(|e| io(&p, e))?;
            created.push(format!("{d}/"));
        }
    }
    match create_exclusive(&config, CONFIG_TEMPLATE.as_bytes()) {
        Ok(()) => created.push("dossier.toml".into()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::AlreadyDossier { root });
        }
        Err(e) => return Err(io(&config, e)),
    }
    let ignore = root.join(".gitignore");
    let ignored = format!("{LOCK_FILE}\n/{}/\n", super::cache::STATE_DIR);
    match create_exclusive(&ignore, ignored.as_bytes()) {
        Ok(()) => created.push(".gitignore".into()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(&ignore, e)),
    }
    Ok(Initialized { root, created })
}

/// An article read from a file or fetched, ready to be added.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Where it came from (a path or URL), for messages.
    pub origin: String,
    /// A name to fall back on when the article has no title (a file stem, the last URL
    /// segment).
    pub name_hint: String,
    /// Whether the text is plain text or Markdown, which decides the copy's extension
    /// (`.txt` or `.md`).
    pub format: Format,
    /// The article text `add` writes into `articles/` (for a page, the Markdown converted
    /// from it).
    pub text: String,
    /// The HTML page the article was converted from, kept in `originals/`.
    pub original: Option<Original>,
}

/// An HTML page converted into an article: `add` keeps it, byte for byte, as
/// `originals/<slug>.<extension>`, where nothing reads it as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    /// The page exactly as it was read or downloaded.
    pub bytes: Vec<u8>,
    /// `html`, `htm` or `xhtml`.
    pub extension: String,
    /// The page's file, when it was read from one: a page that sat in `articles/` is moved
    /// out once its article and its copy are written.
    pub file: Option<PathBuf>,
}

/// The folder, at the dossier's root, that keeps the pages articles were converted from.
pub const ORIGINALS_DIR: &str = "originals";

impl Incoming {
    /// Read an article file, refusing anything that is not article text (wrong extension,
    /// empty, not UTF-8, binary) with the loader's diagnostics.
    pub fn from_file(file: &Path) -> Result<Incoming, ScaffoldError> {
        if !article::is_article_file(file) {
            return Err(ScaffoldError::NotAnArticle {
                path: file.to_path_buf(),
            });
        }
        let name_hint = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if article::is_page_file(file) {
            let (bytes, html) = article::load::read_page(file)?;
            let extension = file.extension().map_or_else(
                || "html".into(),
                |e| e.to_string_lossy().to_ascii_lowercase(),
            );
            return Incoming::from_page(
                file.display().to_string(),
                name_hint,
                &html,
                None,
                Original {
                    bytes,
                    extension,
                    file: Some(file.to_path_buf()),
                },
            );
        }
        let text = article::load::read_article_text(file)?;
        Ok(Incoming {
            origin: file.display().to_string(),
            name_hint,
            format: Format::from_path(file),
            text,
            original: None,
        })
    }

    /// An HTML page (decoded to text) as a Markdown article converted from it (see
    /// [`article::html::convert`]); `url` is the address it was fetched from, if it was. A page
    /// without readable text is refused.
    pub fn from_page(
        origin: String,
        name_hint: String,
        html: &str,
        url: Option<&str>,
        original: Original,
    ) -> Result<Incoming, ScaffoldError> {
        let converted = article::html::convert(html, url);
        if !converted.has_body {
            return Err(LoadError::NoReadableText {
                path: PathBuf::from(&origin),
            }
            .into());
        }
        Ok(Incoming {
            origin,
            name_hint,
            format: Format::Markdown,
            text: converted.markdown,
            original: Some(original),
        })
    }

    /// The file name extension the copy gets.
    fn extension(&self) -> &'static str {
        match self.format {
            Format::Text => "txt",
            Format::Markdown => "md",
        }
    }
}

/// What `add` did with one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The article's path in the dossier.
    pub path: PathBuf,
    /// The same path as the dossier records it (`articles/<slug>.<ext>`).
    pub record: String,
    /// True when a byte-identical article was already in the dossier: nothing was copied and
    /// `path` is the existing copy.
    pub already_present: bool,
    /// Where the page an HTML article was converted from is kept (`originals/<slug>.html`, as
    /// the dossier records it).
    pub original: Option<String>,
}

/// The longest slug `add` gives an article (cut at a word boundary).
const MAX_SLUG: usize = 40;

/// The readable base name of an article: a slug of its title (first words, at most
/// [`MAX_SLUG`] characters), else of `name_hint`, else `article`.
pub fn article_slug(incoming: &Incoming) -> String {
    let parsed = Article::from_text("incoming", incoming.text.clone(), incoming.format);
    let from_title = parsed
        .metadata
        .title
        .as_deref()
        .map(|t| word_slug(t, MAX_SLUG))
        .unwrap_or_default();
    if !from_title.is_empty() {
        return from_title;
    }
    let from_name = word_slug(&incoming.name_hint, MAX_SLUG);
    if from_name.is_empty() {
        "article".into()
    } else {
        from_name
    }
}

/// `slugify`, but cut at a word boundary rather than inside a word.
fn word_slug(s: &str, max: usize) -> String {
    let full = slugify(s, usize::MAX / 2);
    if full.len() <= max {
        return full;
    }
    let cut = &full[..max];
    match cut.rfind('-') {
        Some(i) if i > 0 => cut[..i].to_string(),
        _ => cut.to_string(),
    }
}

/// Copy an article into `articles/` under a readable, unused name: the slug of its title, with
/// `-2`, `-3`, … appended when an article or claim file already uses that slug. An article
/// already in the dossier byte for byte is not copied again. Never overwrites a file. Holds the
/// dossier's write lock meanwhile, so that two `add`s of one article do not make two copies.
///
/// `wait` is how long to wait for another writer's lock.
pub fn add(
    dossier: &Dossier,
    incoming: &Incoming,
    wait: std::time::Duration,
) -> Result<Added, ScaffoldError> {
    let _lock = dossier.lock(wait)?;
    let existing = dossier.articles().map_err(|e| {
        io(
            &dossier.articles_dir(),
            std::io::Error::other(e.to_string()),
        )
    })?;
    let mut taken = std::collections::BTreeSet::new();
    for a in &existing {
        // Only a regular file of the same length can be the same article: nothing else is
        // read (a FIFO would block, a huge file would cost its size).
        let same_length = std::fs::metadata(a)
            .is_ok_and(|m| m.is_file() && m.len() == incoming.text.len() as u64);
        if same_length
            && super::fs::read_limited(a, article::load::MAX_ARTICLE_BYTES)
                .is_ok_and(|bytes| bytes == incoming.text.as_bytes())
        {
            let record = dossier.record_path(a);
            let original = incoming.original.as_ref().and_then(|o| {
                let kept = original_path(dossier, &crate::util::file_stem(&record), o);
                let same = super::fs::read_limited(&kept, article::load::MAX_ARTICLE_BYTES)
                    .is_ok_and(|b| b == o.bytes);
                same.then(|| {
                    move_out_of_articles(dossier, o);
                    dossier.record_path(&kept)
                })
            });
            return Ok(Added {
                path: a.clone(),
                record,
                already_present: true,
                original,
            });
        }
        taken.insert(crate::util::file_stem(&dossier.record_path(a)));
    }
    // A claim file without its article still holds an editor's work: never reuse its slug.
    let claims_dir = dossier.root.join("claims");
    if let Ok(entries) = std::fs::read_dir(&claims_dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".yaml") {
                taken.insert(stem.to_string());
            }
        }
    }
    let base = article_slug(incoming);
    let dir = dossier.articles_dir();
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    for n in 1.. {
        let slug = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if taken.contains(&slug) {
            continue;
        }
        let path = dir.join(format!("{slug}.{}", incoming.extension()));
        // The page first, under the same slug: an article converted from a page never appears
        // without it. A crash in between leaves only a copy of the page, which a later `add` of
        // the same page takes as its own.
        let mut kept = None;
        if let Some(o) = &incoming.original {
            let p = original_path(dossier, &slug, o);
            let parent = dossier.root.join(ORIGINALS_DIR);
            std::fs::create_dir_all(&parent).map_err(|e| io(&parent, e))?;
            match create_exclusive(&p, &o.bytes) {
                Ok(()) => kept = Some((p, true)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let same = super::fs::read_limited(&p, article::load::MAX_ARTICLE_BYTES)
                        .is_ok_and(|b| b == o.bytes);
                    if !same {
                        continue;
                    }
                    kept = Some((p, false));
                }
                Err(e) => return Err(io(&p, e)),
            }
        }
        match create_exclusive(&path, incoming.text.as_bytes()) {
            Ok(()) => {
                if let Some(o) = &incoming.original {
                    move_out_of_articles(dossier, o);
                }
                return Ok(Added {
                    record: dossier.record_path(&path),
                    path,
                    already_present: false,
                    original: kept.map(|(p, _)| dossier.record_path(&p)),
                });
            }
            Err(e) => {
                // The copy of the page made for this name goes with it.
                if let Some((p, true)) = &kept {
                    let _ = std::fs::remove_file(p);
                }
                // Some other file (not an article, or written meanwhile) has the name.
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    continue;
                }
                return Err(io(&path, e));
            }
        }
    }
    unreachable!("the loop over suffixes only ends by returning")
}

/// Where the page of the article `slug` is kept: `originals/<slug>.<extension>`.
fn original_path(dossier: &Dossier, slug: &str, o: &Original) -> PathBuf {
    dossier
        .root
        .join(ORIGINALS_DIR)
        .join(format!("{slug}.{}", o.extension))
}

/// A page that sat in `articles/` (where it would be reported as not an article) is removed
/// once its article and its copy in `originals/` are written. A page anywhere else is the
/// editor's and stays.
fn move_out_of_articles(dossier: &Dossier, o: &Original) {
    let Some(file) = &o.file else { return };
    let Ok(real) = file.canonicalize() else {
        return;
    };
    if real.starts_with(dossier.articles_dir()) {
        let _ = std::fs::remove_file(&real);
    }
}

/// Write `contents` to `path` only if `path` does not exist, atomically: the file appears
/// complete or not at all, and an existing file is never replaced (not even by a concurrent
/// writer). Fails with `AlreadyExists` when the name is taken.
pub fn create_exclusive(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.new", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        // A hard link, unlike a rename, refuses to replace an existing file.
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            // File systems without hard links: exclusive creation, then the contents.
            Err(_) => {
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)?;
                let written = f.write_all(contents).and_then(|_| f.sync_all());
                if written.is_err() {
                    let _ = std::fs::remove_file(path);
                }
                written
            }
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    if result.is_ok() {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::config::Config;

    #[test]
    fn the_config_template_parses_and_so_does_every_setting_it_shows() {
        let c = Config::parse("dossier.toml", CONFIG_TEMPLATE).unwrap();
        assert_eq!(c.fail_on, None);
        assert!(c.rules.is_empty());
        // Uncommenting any one commented setting still gives a valid file.
        let settings: Vec<&str> = CONFIG_TEMPLATE
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.contains(" = "))
            .collect();
        assert!(settings.len() >= 5, "{settings:?}");
        for s in settings {
            let text = CONFIG_TEMPLATE.replacen(&format!("# {s}"), s, 1);
            let c = Config::parse("dossier.toml", &text)
                .unwrap_or_else(|e| panic!("uncommenting `{s}`: {e}"));
            assert!(c.fail_on.is_some() || !c.rules.is_empty(), "{s}");
        }
    }

    #[test]
    fn slugs_come_from_the_title_cut_at_a_word() {
        let inc = |text: &str, hint: &str| Incoming {
            origin: "x".into(),
            name_hint: hint.into(),
            format: Format::Markdown,
            text: text.into(),
            original: None,
        };
        assert_eq!(
            article_slug(&inc("# Crème brûlée: a history\n\nText.\n", "x")),
            "creme-brulee-a-history"
        );
        let long = "# One two three four five six seven eight nine ten eleven twelve\n\nBody.\n";
        assert_eq!(
            article_slug(&inc(long, "x")),
            "one-two-three-four-five-six-seven-eight"
        );
        // No title: the file name; nothing usable at all: `article`.
        assert_eq!(
            article_slug(&inc("just text.\n", "My Draft (v2)")),
            "my-draft-v2"
        );
        assert_eq!(article_slug(&inc("just text.\n", "!!!")), "article");
        assert_eq!(word_slug("abcdef ghij", 8), "abcdef");
        assert_eq!(word_slug("abcdefghij", 4), "abcd");
    }

    #[test]
    fn exclusive_creation_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        create_exclusive(&p, b"one").unwrap();
        let e = create_exclusive(&p, b"two").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_page_and_its_article_share_a_free_slug_and_the_page_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path()).unwrap();
        let dossier = Dossier::at(dir.path()).unwrap();
        let wait = std::time::Duration::from_secs(5);
        let page = |body: &str| {
            let f = dir.path().join("saved.html");
            std::fs::write(
                &f,
                format!("<html><head><title>Tide tables</title></head><body><article><p>{body}</p></article></body></html>"),
            )
            .unwrap();
            Incoming::from_file(&f).unwrap()
        };
        let first = add(&dossier, &page("High tide is at six."), wait).unwrap();
        assert_eq!(first.record, "articles/tide-tables.md");
        assert_eq!(
            first.original.as_deref(),
            Some("originals/tide-tables.html")
        );
        // A page left over from an interrupted add, with other bytes, takes no name from a
        // new one: both files move on to the next slug together.
        std::fs::write(dir.path().join("originals/tide-tables-2.html"), "other").unwrap();
        let second = add(&dossier, &page("Low tide is at noon."), wait).unwrap();
        assert_eq!(second.record, "articles/tide-tables-3.md");
        assert_eq!(
            second.original.as_deref(),
            Some("originals/tide-tables-3.html")
        );
        let kept =
            std::fs::read_to_string(dir.path().join("originals/tide-tables-3.html")).unwrap();
        assert!(kept.contains("Low tide is at noon."));
        // The page outside the dossier is the editor's: it stays where it was.
        assert!(dir.path().join("saved.html").is_file());
        // The article is the page's readable text, with its title.
        let md = std::fs::read_to_string(&second.path).unwrap();
        assert_eq!(md, "# Tide tables\n\nLow tide is at noon.\n");
    }
}
