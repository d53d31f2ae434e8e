//! Loading the whole dossier: its claim files, the articles they name and its source
//! entries, read and parsed in parallel and then assembled in path order.

use super::files::{
    read_article, read_yaml_file, snapshot_problem, unreadable, yaml_files, ArticleProblem,
};
use super::parse::{parse_claim_file_cached, parse_source_entry_cached};
use super::{LoadedDossier, Pos, Problem, ProblemKind};
use crate::store::cache::Cache;
use crate::store::dossier::Dossier;
use std::collections::BTreeMap;

pub(super) fn load_inner(
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
