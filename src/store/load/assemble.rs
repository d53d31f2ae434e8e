//! Loading the whole dossier: its claim files, the articles they name and its source
//! entries, read and parsed in parallel and then assembled in path order.

use super::files::{
    missing_article, read_article, read_yaml_file, snapshot_problem, unreadable, yaml_files,
    ArticleProblem,
};
use super::parse::{parse_claim_file_cached, parse_source_entry_cached};
use super::{LoadedClaims, LoadedDossier, LoadedSource, Pos, Problem, ProblemKind};
use crate::store::cache::Cache;
use crate::store::dossier::Dossier;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A claim file read and parsed, with the problems found inside it; or why it could not be.
type ParsedClaimFile = Result<(LoadedClaims, Vec<Problem>), Problem>;

/// A source entry read and parsed, with its snapshot path and what is wrong with it if
/// something is; or its problem, and whether the file was read but did not parse.
type ParsedSource = Result<(LoadedSource, Option<(String, &'static str)>), (Problem, bool)>;

/// The article texts of the claim files by recorded path, or why each could not be read.
type Articles = BTreeMap<String, Result<String, ArticleProblem>>;

/// A source entry to read: its path on disk, its path in the dossier and its id.
struct SourceFile {
    path: PathBuf,
    file: String,
    id: String,
}

/// What a load reads the dossier's files with.
struct Reader<'a> {
    dossier: &'a Dossier,
    jobs: usize,
    /// Called once per file read.
    tick: &'a (dyn Fn() + Sync),
    cache: &'a Cache,
}

/// Read the claim files `wanted` accepts (without their claims' and references' positions
/// when `slim`), their articles and every source entry, in parallel; then assemble them in
/// path order, collecting the problems.
pub(super) fn load_inner(
    dossier: &Dossier,
    jobs: usize,
    tick: &(dyn Fn() + Sync),
    cache: &Cache,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    slim: bool,
) -> LoadedDossier {
    let reader = Reader {
        dossier,
        jobs,
        tick,
        cache,
    };
    let mut out = LoadedDossier {
        root: dossier.root.clone(),
        ..LoadedDossier::default()
    };
    let claims = reader.claim_files(wanted, slim);
    let articles = reader.articles(&claims);
    add_claims(&mut out, claims, articles);
    let entries = source_files(dossier, &mut out.problems);
    let sources = reader.source_entries(&entries);
    add_sources(&mut out, sources);
    out
}

impl Reader<'_> {
    /// The claim files (in `claims/`) whose path in the dossier `wanted` accepts, read and
    /// parsed (slimmed if `slim`), in path order.
    fn claim_files(
        &self,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        slim: bool,
    ) -> Vec<ParsedClaimFile> {
        let dossier = self.dossier;
        let claim_paths: Vec<_> = yaml_files(&dossier.root.join("claims"))
            .into_iter()
            .filter(|p| wanted(&dossier.record_path(p)))
            .collect();
        crate::par::map(&claim_paths, self.jobs, |path| {
            let file = dossier.record_path(path);
            let r = match read_yaml_file(&dossier.root, path) {
                Ok(text) => parse_claim_file_cached(&file, text, self.cache),
                Err(e) => Err(unreadable(file, e, None)),
            };
            let r = r.map(|(c, problems)| (if slim { c.slimmed() } else { c }, problems));
            (self.tick)();
            r
        })
    }

    /// The articles the claim files name, each read once (in the order the claim files
    /// first name it).
    fn articles(&self, claims: &[ParsedClaimFile]) -> Articles {
        let mut wanted = Vec::new();
        let mut seen_articles = std::collections::BTreeSet::new();
        for (c, _) in claims.iter().flatten() {
            if seen_articles.insert(c.data.article.path.as_str()) {
                wanted.push(c.data.article.path.clone());
            }
        }
        let texts = crate::par::map(&wanted, self.jobs, |record| {
            let t = read_article(self.dossier, record);
            (self.tick)();
            t
        });
        wanted.into_iter().zip(texts).collect()
    }

    /// The source entries read and parsed, each with what is wrong with its snapshot path.
    fn source_entries(&self, entries: &[SourceFile]) -> Vec<ParsedSource> {
        let root = &self.dossier.root;
        crate::par::map(entries, self.jobs, |SourceFile { path, file, id }| {
            let r = match read_yaml_file(root, path) {
                Ok(text) => {
                    parse_source_entry_cached(id, file, text, self.cache).map_err(|p| (p, true))
                }
                Err(e) => Err((unreadable(file.clone(), e, Some(id.clone())), false)),
            };
            let r = r.map(|loaded| {
                let snapshot = loaded
                    .data
                    .snapshot
                    .as_ref()
                    .map(|s| s.path())
                    .and_then(|s| snapshot_problem(root, s).map(|reason| (s.to_string(), reason)));
                (loaded, snapshot)
            });
            (self.tick)();
            r
        })
    }
}

/// Add the claim files to `out` with their problems, and the article of each (taken from
/// `articles`), or the problem of an article that could not be read.
fn add_claims(out: &mut LoadedDossier, claims: Vec<ParsedClaimFile>, mut articles: Articles) {
    for r in claims {
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
            let text = articles
                .get_mut(article_path)
                .map(|t| std::mem::replace(t, Err(ArticleProblem::Taken)));
            match text {
                Some(Ok(t)) => {
                    out.articles.insert(article_path.clone(), t);
                }
                Some(Err(why)) => out.problems.push(missing_article(&loaded, &why.describe())),
                None => {}
            }
        }
        out.claims.push(loaded);
    }
}

/// The source entries (in `sources/`) to read, in path order; an entry whose id another one
/// already has (letter case aside) is a `duplicate-id` problem instead.
fn source_files(dossier: &Dossier, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut entries = Vec::new();
    for path in yaml_files(&dossier.root.join("sources")) {
        let file = dossier.record_path(&path);
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(first) = seen.insert(id.to_lowercase(), file.clone()) {
            problems.push(Problem {
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
        entries.push(SourceFile { path, file, id });
    }
    entries
}

/// Add the source entries to `out`, with the problems of their snapshot paths; an entry that
/// was read but did not parse is also recorded as unreadable.
fn add_sources(out: &mut LoadedDossier, sources: Vec<ParsedSource>) {
    for r in sources {
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
}
