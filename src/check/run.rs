//! `check` of a dossier on disk, one claim file at a time, reusing the cached check of every
//! claim file whose inputs did not change.
//!
//! A claim file's check ([`FileCheck`]) depends on the claim file, its article, the source
//! entries it names (with their snapshots) and the configuration, nothing else. It is cached
//! in `.dossier/cache/results/` under the hash of the claim file's bytes and the
//! configuration, together with what else it read: the hash of the article's bytes and a
//! fingerprint of each source entry it names. A run reads the claim file, looks the entry up
//! and uses it only when the article and every one of those sources still have the recorded
//! fingerprints; anything else (a changed article, an edited source entry, a new snapshot, a
//! damaged entry) checks the file again. So an edited source entry re-checks exactly the
//! claim files that name it. Only the source entries are held for the whole run; a claim
//! file's data and its article are dropped once it is checked.

use super::problems::{unextracted, unknown_suppressed_ids};
use super::{finish, CheckResult, Config, Context, FileCheck};
use crate::evidence::verify::Snapshots;
use crate::store::cache::Cache;
use crate::store::dossier::Dossier;
use crate::store::load::{self, LoadedDossier, LoadedSource};
use crate::util::sha256_hex;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

/// How to run the check.
pub struct Options<'a> {
    /// Threads for reading and checking the files.
    pub jobs: usize,
    /// Where parsed files and claim files' checks are looked up and stored.
    pub cache: &'a Cache,
    /// Called once per file read.
    pub tick: &'a (dyn Fn() + Sync),
    /// Which claim files (by path in the dossier, `claims/<slug>.yaml`) to check.
    pub wanted: &'a (dyn Fn(&str) -> bool + Sync),
}

/// What a run produced.
#[derive(Debug)]
pub struct Checked {
    /// The findings, links, evidence and summary of the check.
    pub result: CheckResult,
    /// The source entries (and their problems), as `check --online` needs them; no claims.
    pub sources: LoadedDossier,
    /// Each claim file checked: its path, its article's path (when it could be read), and its
    /// numbers of claims and references.
    pub files: Vec<CheckedFile>,
    /// How many claim files' checks came from the cache.
    pub reused: usize,
}

/// A claim file a run checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    /// The claim file's path in the dossier (`claims/<slug>.yaml`).
    pub file: String,
    /// The path of the article it records, relative to the dossier root; `None` when the
    /// claim file could not be read.
    pub article: Option<String>,
    /// The source ids its references name.
    pub cites: Vec<String>,
    /// How many claims it holds (0 when it could not be read).
    pub claims: usize,
    /// How many references it holds (0 when it could not be read).
    pub references: usize,
}

/// The cached check of one claim file and what it was made from.
#[derive(Serialize, Deserialize)]
struct Entry {
    /// The article's path and a fingerprint of its bytes (or of why it could not be read).
    article: (String, String),
    /// Fingerprints of the source entries the claim file names, by id.
    sources: Vec<(String, String)>,
    check: FileCheck,
    /// The byte spans of the findings (not part of their serialised form), in order:
    /// open findings, then resolved ones; each with the span of its related location.
    spans: Vec<Spans>,
}

/// A finding's byte span and its related location's.
type Spans = ((usize, usize), Option<(usize, usize)>);

/// Check the claim files of `dossier` that `options.wanted` accepts, with every source entry.
pub fn run(dossier: &Dossier, config: &Config, options: &Options) -> Checked {
    let sources = load::load_selected(dossier, options.jobs, options.tick, options.cache, &|_| {
        false
    });
    let fingerprints = source_fingerprints(dossier, &sources.sources, options.jobs);
    let snapshots = Snapshots::new(&dossier.root);
    let (factchecks, factcheck_problem) = crate::factchecks::load_index(&dossier.root);
    let ctx = Context {
        sources: &sources.sources,
        unreadable: &sources.unreadable_sources,
        snapshots: &snapshots,
        factchecks: &factchecks,
        jobs: options.jobs,
    };
    // The stored fact-checks are an input of every claim file's check.
    let config_key = format!("{config:?}\nfactchecks {}", factchecks.fingerprint);
    let mut paths = load::yaml_files(&dossier.root.join("claims"));
    let present = paths.len();
    paths.retain(|p| (options.wanted)(&dossier.record_path(p)));
    let all = paths.len() == present;
    let checked = crate::par::map(&paths, options.jobs, |path| {
        let r = check_path(
            dossier,
            config,
            &ctx,
            &fingerprints,
            &config_key,
            options,
            path,
        );
        (options.tick)();
        r
    });
    let reused = checked.iter().filter(|(_, hit)| *hit).count();
    let files: Vec<FileCheck> = checked.into_iter().map(|(f, _)| f).collect();
    let list: Vec<CheckedFile> = files
        .iter()
        .map(|f| CheckedFile {
            file: f.file.clone(),
            article: f.article.as_ref().map(|a| a.path.clone()),
            cites: f
                .article
                .as_ref()
                .map_or_else(Vec::new, |a| a.cites.clone()),
            claims: f.claims,
            references: f.references,
        })
        .collect();
    let mut problems = sources.problems.clone();
    problems.extend(factcheck_problem);
    problems.extend(unextracted(dossier, &list, options.wanted));
    if all {
        // The set of every claim id only when a suppression names a claim: at 10,000
        // articles building it was a tenth of a warm check.
        let claim_ids: BTreeSet<&str> = if config.suppress.iter().any(|s| s.claim.is_some()) {
            files
                .iter()
                .filter_map(|f| f.article.as_ref())
                .flat_map(|a| a.claims.iter().map(String::as_str))
                .collect()
        } else {
            BTreeSet::new()
        };
        problems.extend(unknown_suppressed_ids(
            dossier, config, &claim_ids, &sources,
        ));
    }
    let result = finish(config, &ctx, &problems, files, &dossier.root, all);
    if all {
        // Every claim file and source entry was looked up: the rest of the cache is stale.
        options.cache.prune();
    }
    Checked {
        result,
        sources,
        files: list,
        reused,
    }
}

/// The claim files of the articles `articles` (paths in the dossier, `articles/…`), where
/// `extract` writes them.
pub fn claim_files_of(articles: &[String]) -> BTreeSet<String> {
    articles
        .iter()
        .map(|a| format!("claims/{}.yaml", crate::util::file_stem(a)))
        .collect()
}

/// The part of a check that concerns the articles `articles` (paths in the dossier): their
/// claim files and the articles themselves, and the source entries those claim files cite
/// (`sources` gives each entry's file), with the summary counted again.
pub fn narrow_to_articles(
    checked: &[CheckedFile],
    articles: &[String],
    sources: &LoadedDossier,
    result: CheckResult,
) -> CheckResult {
    let chosen: BTreeSet<&str> = articles.iter().map(String::as_str).collect();
    let claim_files = claim_files_of(articles);
    let mine: Vec<&CheckedFile> = checked
        .iter()
        .filter(|c| {
            claim_files.contains(&c.file)
                || c.article.as_deref().is_some_and(|a| chosen.contains(a))
        })
        .collect();
    let cited: BTreeSet<&str> = mine
        .iter()
        .flat_map(|c| c.cites.iter())
        .map(String::as_str)
        .collect();
    let mut keep: BTreeSet<&str> = chosen.clone();
    keep.extend(mine.iter().map(|c| c.file.as_str()));
    keep.extend(mine.iter().filter_map(|c| c.article.as_deref()));
    keep.extend(
        cited
            .iter()
            .filter_map(|id| sources.sources.get(*id).map(|s| s.file.as_str())),
    );
    let files: BTreeSet<&str> = mine.iter().map(|c| c.file.as_str()).collect();
    let parsed: Vec<&&CheckedFile> = mine.iter().filter(|c| c.article.is_some()).collect();
    let base = super::Summary {
        articles: parsed.len(),
        claims: parsed.iter().map(|c| c.claims).sum(),
        references: parsed.iter().map(|c| c.references).sum(),
        sources: cited
            .iter()
            .filter(|id| sources.sources.contains_key(**id))
            .count(),
        ..super::Summary::default()
    };
    result.narrowed(|f| keep.contains(f.file.as_str()), &files, base)
}

/// [`super::check`] of a dossier already loaded (as `report` and the review load it), each
/// claim file's check taken from the cache when what it was made from is unchanged, and
/// cached when it is not. The result is the same as [`super::check`]'s.
pub fn check_loaded(
    dossier: &Dossier,
    loaded: &LoadedDossier,
    config: &Config,
    cache: &Cache,
    jobs: usize,
) -> CheckResult {
    let fingerprints = source_fingerprints(dossier, &loaded.sources, jobs);
    let snapshots = Snapshots::new(&loaded.root);
    let (factchecks, factcheck_problem) = crate::factchecks::load_index(&dossier.root);
    let ctx = Context {
        sources: &loaded.sources,
        unreadable: &loaded.unreadable_sources,
        snapshots: &snapshots,
        factchecks: &factchecks,
        jobs,
    };
    // The stored fact-checks are an input of every claim file's check.
    let config_key = format!("{config:?}\nfactchecks {}", factchecks.fingerprint);
    // The problems of each claim file go with its check, as in [`run`].
    let mut own: HashMap<&str, Vec<load::Problem>> = HashMap::new();
    let mut rest: Vec<load::Problem> = factcheck_problem.into_iter().collect();
    let parsed: BTreeSet<&str> = loaded.claims.iter().map(|c| c.file.as_str()).collect();
    for p in &loaded.problems {
        match parsed.get(p.file.as_str()) {
            Some(f) => own.entry(f).or_default().push(p.clone()),
            None => rest.push(p.clone()),
        }
    }
    let files = crate::par::map(&loaded.claims, jobs, |c| {
        let problems = own.get(c.file.as_str()).map_or(&[][..], Vec::as_slice);
        let Some(text) = loaded.articles.get(&c.data.article.path) else {
            // Its article could not be read: checked as it is, not cached.
            return super::check_file(config, &ctx, &c.with_positions(cache), None, problems);
        };
        let parts: [&[u8]; 2] = [config_key.as_bytes(), c.text.as_bytes()];
        if let Some(entry) = cache.get_parts::<Entry>("results", &parts) {
            let now = |_: &str| sha256_hex(text.as_bytes());
            if let Some(check) = reuse(entry, &fingerprints, now) {
                return check;
            }
        }
        let article = Ok(text.clone());
        let shared = Shared {
            config,
            ctx: &ctx,
            fingerprints: &fingerprints,
            config_key: &config_key,
            cache,
        };
        fresh(&shared, &c.with_positions(cache), &article, problems)
    });
    finish(config, &ctx, &rest, files, &loaded.root, true)
}

/// The check of one claim file, and whether it came from the cache.
fn check_path(
    dossier: &Dossier,
    config: &Config,
    ctx: &Context,
    fingerprints: &BTreeMap<&str, String>,
    config_key: &str,
    options: &Options,
    path: &std::path::Path,
) -> (FileCheck, bool) {
    let (file, text) = load::read_claim_file(dossier, path);
    let text = match text {
        Ok(t) => t,
        Err(p) => return (super::unreadable_file(config, &file, &[p]), false),
    };
    let parts: [&[u8]; 2] = [config_key.as_bytes(), text.as_bytes()];
    if let Some(entry) = options.cache.get_parts::<Entry>("results", &parts) {
        let article_now = |path: &str| article_print(&load::article_text(dossier, path));
        if let Some(check) = reuse(entry, fingerprints, article_now) {
            // The parse of the claim file stays in the cache for the next change.
            options.cache.keep("claims", &text);
            return (check, true);
        }
    }
    let (loaded, mut problems) = match load::parse_claim_file_cached(&file, text, options.cache) {
        Ok(x) => x,
        Err(p) => return (super::unreadable_file(config, &file, &[p]), false),
    };
    let article = load::article_text(dossier, &loaded.data.article.path);
    if let Err(why) = &article {
        problems.push(load::missing_article(&loaded, why));
    }
    let shared = Shared {
        config,
        ctx,
        fingerprints,
        config_key,
        cache: options.cache,
    };
    let check = fresh(&shared, &loaded, &article, &problems);
    (check, false)
}

/// What every claim file's fresh check in one run shares: the settings (and their key in
/// the cache), the source entries with their fingerprints, and the cache the checks go to.
struct Shared<'a> {
    config: &'a Config,
    ctx: &'a Context<'a>,
    fingerprints: &'a BTreeMap<&'a str, String>,
    config_key: &'a str,
    cache: &'a Cache,
}

/// Check a claim file and cache the check with what it was made from.
fn fresh(
    shared: &Shared,
    loaded: &load::LoadedClaims,
    article: &Result<String, String>,
    problems: &[load::Problem],
) -> FileCheck {
    let Shared {
        config,
        ctx,
        fingerprints,
        config_key,
        cache,
    } = *shared;
    let article_print = article_print(article);
    let check = super::check_file(config, ctx, loaded, article.as_deref().ok(), problems);
    let mut named: BTreeSet<&str> = BTreeSet::new();
    named.extend(
        loaded
            .data
            .references
            .iter()
            .filter_map(|r| r.source.as_deref()),
    );
    named.extend(
        loaded
            .data
            .claims
            .iter()
            .flat_map(|c| c.links.iter().map(|l| l.source.as_str())),
    );
    named.extend(check.links.iter().flatten().map(|l| l.source.as_str()));
    let entry = Entry {
        article: (loaded.data.article.path.clone(), article_print),
        sources: named
            .into_iter()
            .map(|id| (id.to_string(), fingerprint_of(fingerprints, ctx, id)))
            .collect(),
        spans: check
            .findings
            .iter()
            .chain(&check.resolved)
            .map(|f| (f.span, f.related.as_ref().map(|r| r.span)))
            .collect(),
        check,
    };
    let parts: [&[u8]; 2] = [config_key.as_bytes(), loaded.text.as_bytes()];
    // A finding's help is most often its rule's: the entry leaves that out (about a third
    // of its size) and `reuse` puts it back.
    let mut entry = entry;
    let mut taken = Vec::new();
    for f in entry
        .check
        .findings
        .iter_mut()
        .chain(&mut entry.check.resolved)
    {
        let default = f.help == f.rule.help();
        if default {
            f.help = Cow::Borrowed("");
        }
        taken.push(default);
    }
    cache.put_parts("results", &parts, &entry);
    for (f, taken) in entry
        .check
        .findings
        .iter_mut()
        .chain(&mut entry.check.resolved)
        .zip(taken)
    {
        if taken {
            f.help = Cow::Borrowed(f.rule.help());
        }
    }
    entry.check
}

/// A cached check, if what it was made from is unchanged.
fn reuse(
    entry: Entry,
    fingerprints: &BTreeMap<&str, String>,
    article_now: impl FnOnce(&str) -> String,
) -> Option<FileCheck> {
    for (id, print) in &entry.sources {
        let now = fingerprints.get(id.as_str()).map_or(ABSENT, String::as_str);
        if now != print {
            return None;
        }
    }
    let (path, print) = &entry.article;
    if &article_now(path) != print {
        return None;
    }
    let mut check = entry.check;
    if entry.spans.len() != check.findings.len() + check.resolved.len() {
        return None;
    }
    for (f, (span, related)) in check
        .findings
        .iter_mut()
        .chain(check.resolved.iter_mut())
        .zip(entry.spans)
    {
        f.span = span;
        if f.help.is_empty() {
            f.help = Cow::Borrowed(f.rule.help());
        }
        if let (Some(r), Some(s)) = (f.related.as_mut(), related) {
            r.span = s;
        }
    }
    // Read back element by element, the lists have up to twice the room they need; they
    // are held until the whole dossier is checked.
    check.findings.shrink_to_fit();
    check.resolved.shrink_to_fit();
    check.quotes.shrink_to_fit();
    Some(check)
}

const ABSENT: &str = "absent";

fn article_print(article: &Result<String, String>) -> String {
    match article {
        Ok(t) => sha256_hex(t.as_bytes()),
        Err(why) => format!("unreadable: {why}"),
    }
}

fn fingerprint_of(fingerprints: &BTreeMap<&str, String>, ctx: &Context, id: &str) -> String {
    match fingerprints.get(id) {
        Some(p) => p.clone(),
        None if ctx.unreadable.contains(id) => "unreadable".into(),
        None => ABSENT.into(),
    }
}

/// A fingerprint of each source entry as a claim file's check sees it: its bytes, and the
/// bytes of its snapshot (or why the snapshot cannot be used). Entries that could not be
/// read get the fingerprint `unreadable`.
fn source_fingerprints<'a>(
    dossier: &Dossier,
    sources: &'a BTreeMap<String, LoadedSource>,
    jobs: usize,
) -> BTreeMap<&'a str, String> {
    let list: Vec<&LoadedSource> = sources.values().collect();
    let snapshot_prints: Mutex<HashMap<String, String>> = Mutex::default();
    let prints = crate::par::map(&list, jobs, |s| {
        let mut print = sha256_hex(s.text.as_bytes());
        if let Some(path) = s.data.snapshot.as_ref().map(|x| x.path()) {
            let known = snapshot_prints
                .lock()
                .ok()
                .and_then(|m| m.get(path).cloned());
            let snap = known.unwrap_or_else(|| {
                let p = snapshot_print(dossier, path);
                if let Ok(mut m) = snapshot_prints.lock() {
                    m.insert(path.to_string(), p.clone());
                }
                p
            });
            print.push(' ');
            print.push_str(&snap);
        }
        print
    });
    list.iter()
        .zip(prints)
        .map(|(s, p)| (s.id.as_str(), p))
        .collect()
}

fn snapshot_print(dossier: &Dossier, path: &str) -> String {
    if path.trim().is_empty() {
        return "none".into();
    }
    if let Some(why) = load::snapshot_problem(&dossier.root, path) {
        return format!("unusable: {why}");
    }
    match crate::store::fs::read_limited(
        &dossier.root.join(path),
        crate::evidence::snapshot::MAX_SNAPSHOT_BYTES,
    ) {
        Ok(bytes) => sha256_hex(&bytes),
        Err(e) => format!("unreadable: {e}"),
    }
}
