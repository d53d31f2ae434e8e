//! `dossier check`: link every claim to its sources and flag what cannot be traced.
//!
//! [`check`] turns a [`LoadedDossier`] into findings, each from one [`Rule`] with the severity
//! the configuration gives it. Reporters (in [`crate::report`]) present the findings.
//!
//! This module holds the result types and the orchestration ([`check_file`] for one claim
//! file, [`finish`] for what needs the whole dossier); the rules live one file per family,
//! each making its findings through the builder in `out`: `problems` (files that could not be
//! read as they should), `claims` (a claim file and its article), `evidence` (quotes against
//! snapshots), `sources` (source entries and snapshots), [`verdicts`] (what verdicts change and
//! raise), [`crossref`] (across articles) and `online` (`check --online`). [`run`] checks a
//! dossier on disk one claim file at a time, with the cache.

mod claims;
pub mod config;
pub mod crossref;
mod evidence;
pub mod finding;
mod online;
mod out;
mod problems;
pub mod rule;
pub mod run;
pub mod shard;
mod sources;
pub mod verdicts;

pub use config::{Config, FailOn};
pub use finding::{Finding, Related, Reviewed};
pub use online::online;
pub use rule::{Rule, Severity};
pub use shard::Shard;

use claims::check_claim_file;
use evidence::evidence_findings;
use out::{key_pos, At, Out};
use problems::problem_findings;
use sources::{check_source, snapshot_findings};

use crate::evidence::verify::{self, Evidence};
use crate::link::{self, Link};
use crate::store::load::{LoadedClaims, LoadedDossier, LoadedSource, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Counts for the one-line summary and the JSON `summary` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    /// Articles checked: the claim files that could be read (each describes one article).
    pub articles: usize,
    /// Claims in those claim files.
    pub claims: usize,
    /// References in those claim files.
    pub references: usize,
    /// Source entries checked: every readable one in the dossier, or for a check of some
    /// articles those their claim files cite.
    pub sources: usize,
    /// Open findings of severity error.
    pub errors: usize,
    /// Open findings of severity warning.
    pub warnings: usize,
    /// Open findings of severity note.
    pub notes: usize,
    /// Open findings per rule code.
    pub by_rule: BTreeMap<String, usize>,
    /// Findings an editor's verdict resolved or a `[[suppress]]` entry set aside (not counted
    /// above).
    pub resolved: usize,
}

/// The links of one claim file.
#[derive(Debug, Clone)]
pub struct FileLinks {
    /// The claim file, by its path in the dossier (`claims/<slug>.yaml`).
    pub file: String,
    /// Parallel to the claim file's claims.
    pub claims: Vec<Vec<Link>>,
}

/// What `check` found.
#[derive(Debug, Clone)]
pub struct CheckResult {
    /// Open findings: those no verdict resolved (some downgraded or raised by one).
    pub findings: Vec<Finding>,
    /// Findings an editor's verdict resolved or a `[[suppress]]` entry set aside, kept for
    /// the report.
    pub resolved: Vec<Finding>,
    /// The counts of the checked files and of the findings above.
    pub summary: Summary,
    /// The links of each claim file that could be read, in claim-file order.
    pub links: Vec<FileLinks>,
    /// Claims checked against snapshots, verified ones included.
    pub evidence: Vec<Evidence>,
}

impl CheckResult {
    /// Add findings made outside [`check`] (e.g. by `check --online`), keeping the order and
    /// the summary right.
    pub fn add(&mut self, more: Vec<Finding>) {
        self.findings.extend(more);
        sort_findings(&mut self.findings);
        self.summary = summarize(&self.findings, self.summary.clone());
    }

    /// The part of this result about some files: the findings `keep` accepts, the links and
    /// evidence of the claim files `files`, and the summary `base` with its finding counts
    /// (and `resolved`) counted again. `base` gives the articles, claims, references and
    /// sources the part covers.
    pub fn narrowed(
        self,
        keep: impl Fn(&Finding) -> bool,
        files: &BTreeSet<&str>,
        base: Summary,
    ) -> CheckResult {
        let findings: Vec<_> = self.findings.into_iter().filter(|f| keep(f)).collect();
        let resolved: Vec<_> = self.resolved.into_iter().filter(|f| keep(f)).collect();
        let base = Summary {
            resolved: resolved.len(),
            ..base
        };
        CheckResult {
            summary: summarize(&findings, base),
            findings,
            resolved,
            links: self
                .links
                .into_iter()
                .filter(|l| files.contains(l.file.as_str()))
                .collect(),
            evidence: self
                .evidence
                .into_iter()
                .filter(|e| files.contains(e.file.as_str()))
                .collect(),
        }
    }

    /// The most severe finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// What `check` needs of the dossier besides one claim file and its article: the source
/// entries, and where snapshots are read from.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The dossier's readable source entries, by id.
    pub sources: &'a BTreeMap<String, LoadedSource>,
    /// Ids of source entries that exist but could not be read.
    pub unreadable: &'a BTreeSet<String>,
    /// The snapshot texts, read once each from the dossier for the whole run.
    pub snapshots: &'a verify::Snapshots,
    /// The fact-checks stored in the dossier (`previously-fact-checked`).
    pub factchecks: &'a crate::factchecks::Index,
    /// Threads for the dossier-wide work (the cross-article rules).
    pub jobs: usize,
}

/// The check of one claim file: everything in it depends only on the claim file, its
/// article, the source entries it names (and their snapshots) and the configuration, which
/// is what lets a run reuse it from the cache when none of those changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileCheck {
    /// The claim file.
    pub file: String,
    /// Open findings about the claim file and its article, after the verdicts in it.
    pub findings: Vec<Finding>,
    /// Findings about the claim file and its article that a verdict in it resolved.
    pub resolved: Vec<Finding>,
    /// Parallel to the claim file's claims (empty when it could not be read).
    pub links: Vec<Vec<Link>>,
    /// Its claims checked against their sources' snapshots.
    pub evidence: Vec<Evidence>,
    /// How many claims the claim file holds (0 when it could not be read).
    pub claims: usize,
    /// How many references the claim file holds (0 when it could not be read).
    pub references: usize,
    /// The article's recorded path and date, and the sources its references name, for the
    /// source entries' checks (`source-after-article`); `None` when the file could not be read.
    pub article: Option<ArticleFacts>,
    /// The quotes the cross-article rules compare ([`crossref`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<crossref::QuoteFacts>,
}

/// What the source checks need of a claim file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// The article's path as the claim file records it, relative to the dossier root.
    pub path: String,
    /// The article's date as the claim file records it (ISO 8601); `None` when the article
    /// gives none.
    pub date: Option<String>,
    /// Source ids named by the references, sorted, each once.
    pub cites: Vec<String>,
    /// The ids of the file's claims, in order.
    pub claims: Vec<String>,
}

/// Whether the source entry `id` has a current `not-a-source` verdict.
fn source_rejected(ctx: &Context, id: &str) -> bool {
    ctx.sources.get(id).is_some_and(verdicts::is_rejected)
}

/// Check a loaded dossier.
pub fn check(dossier: &LoadedDossier, config: &Config) -> CheckResult {
    let snapshots = verify::Snapshots::new(&dossier.root);
    let (factchecks, problem) = crate::factchecks::load_index(&dossier.root);
    let ctx = Context {
        sources: &dossier.sources,
        unreadable: &dossier.unreadable_sources,
        snapshots: &snapshots,
        factchecks: &factchecks,
        jobs: crate::par::default_jobs(),
    };
    let mut problems = dossier.problems.clone();
    problems.extend(problem);
    let files: Vec<FileCheck> = dossier
        .claims
        .iter()
        .map(|c| {
            let article = dossier
                .articles
                .get(&c.data.article.path)
                .map(String::as_str);
            check_file(config, &ctx, c, article, &[])
        })
        .collect();
    finish(config, &ctx, &problems, files, &dossier.root, true)
}

/// Check one claim file whose article reads `article` (`None`: it could not be read);
/// `problems` are the file's own, found while reading it.
pub fn check_file(
    config: &Config,
    ctx: &Context,
    c: &LoadedClaims,
    article: Option<&str>,
    problems: &[Problem],
) -> FileCheck {
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    problem_findings(&mut out, problems);
    let links = link::link_claims(&c.data);
    check_claim_file(&mut out, ctx, c, article, &links);
    let evidence = verify::verify_file(ctx.sources, c, &links, ctx.snapshots);
    evidence_findings(&mut out, c, article, &evidence);
    let (mut findings, mut resolved) = verdicts::apply(out.findings, &verdicts::claim_reviews(c));
    // Sorted here, so that the dossier's findings are sorted runs, one per claim file.
    sort_findings(&mut findings);
    sort_findings(&mut resolved);
    let cites: BTreeSet<&str> = c
        .data
        .references
        .iter()
        .filter_map(|r| r.source.as_deref())
        .collect();
    FileCheck {
        file: c.file.clone(),
        findings,
        resolved,
        links,
        evidence,
        claims: c.data.claims.len(),
        references: c.data.references.len(),
        article: Some(ArticleFacts {
            path: c.data.article.path.clone(),
            date: c.data.article.date.clone(),
            cites: cites.into_iter().map(str::to_string).collect(),
            claims: c.data.claims.iter().map(|x| x.id.clone()).collect(),
        }),
        quotes: crossref::quote_facts(c, article),
    }
}

/// The check of a claim file that could not be read: its problems only.
pub fn unreadable_file(config: &Config, file: &str, problems: &[Problem]) -> FileCheck {
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    problem_findings(&mut out, problems);
    sort_findings(&mut out.findings);
    FileCheck {
        file: file.to_string(),
        findings: out.findings,
        resolved: Vec::new(),
        links: Vec::new(),
        evidence: Vec::new(),
        claims: 0,
        references: 0,
        article: None,
        quotes: Vec::new(),
    }
}

/// The whole result from the claim files' checks (in claim-file order), the dossier-wide
/// `problems` (source entries' and others not in a [`FileCheck`]) and the source entries'
/// own checks. `whole`: `files` are every claim file of the dossier, so the cross-article
/// rules ([`crossref`]) apply; a run over some claim files leaves them out.
pub fn finish(
    config: &Config,
    ctx: &Context,
    problems: &[Problem],
    files: Vec<FileCheck>,
    root: &std::path::Path,
    whole: bool,
) -> CheckResult {
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    problem_findings(&mut out, problems);
    // Which claim files cite each source, in claim-file order: looked up per source below,
    // where a scan of every claim file per source was quadratic in the dossier's size.
    let mut citing: BTreeMap<&str, Vec<&ArticleFacts>> = BTreeMap::new();
    for a in files.iter().filter_map(|f| f.article.as_ref()) {
        for id in &a.cites {
            citing.entry(id.as_str()).or_default().push(a);
        }
    }
    for s in ctx.sources.values() {
        let by = citing.get(s.id.as_str()).map_or(&[][..], Vec::as_slice);
        check_source(&mut out, s, by);
    }
    snapshot_findings(&mut out, ctx, &verify::changed_snapshots(root, ctx.sources));
    let (mut findings, mut resolved) = verdicts::apply(
        out.findings,
        &verdicts::source_reviews(ctx.sources.values()),
    );
    if whole {
        let (open, closed) = crossref::findings(config, &files, ctx.jobs);
        findings.extend(open);
        resolved.extend(closed);
    }
    let mut summary = Summary {
        articles: files.iter().filter(|f| f.article.is_some()).count(),
        sources: ctx.sources.len(),
        ..Summary::default()
    };
    let mut links = Vec::with_capacity(files.len());
    // Sized once, not grown by doubling (each doubling moves every finding so far).
    findings.reserve(files.iter().map(|f| f.findings.len()).sum());
    resolved.reserve(files.iter().map(|f| f.resolved.len()).sum());
    let mut evidence = Vec::with_capacity(files.iter().map(|f| f.evidence.len()).sum());
    for f in files {
        summary.claims += f.claims;
        summary.references += f.references;
        findings.extend(f.findings);
        resolved.extend(f.resolved);
        evidence.extend(f.evidence);
        if f.article.is_some() {
            links.push(FileLinks {
                file: f.file,
                claims: f.links,
            });
        }
    }
    let rejected = verdicts::rejected_sources(ctx.sources.values());
    let mut findings = verdicts::reject_sources(findings, &mut resolved, &rejected);
    suppress(config, &mut findings, &mut resolved);
    sort_findings(&mut findings);
    sort_findings(&mut resolved);
    summary.resolved = resolved.len();
    let summary = summarize(&findings, summary);
    CheckResult {
        findings,
        resolved,
        summary,
        links,
        evidence,
    }
}

/// Move the open findings a `[[suppress]]` entry of the configuration matches to `resolved`,
/// marked with its reason (the first entry that matches).
fn suppress(config: &Config, findings: &mut Vec<Finding>, resolved: &mut Vec<Finding>) {
    if config.suppress.is_empty() {
        return;
    }
    // Globs were checked when the configuration was read; one that fails here matches nothing.
    let globs: Vec<Vec<regex::Regex>> = config
        .suppress
        .iter()
        .map(|s| {
            s.articles
                .iter()
                .filter_map(|g| config::glob(g).ok())
                .collect()
        })
        .collect();
    let mut open = Vec::with_capacity(findings.len());
    for mut f in std::mem::take(findings) {
        match config
            .suppress
            .iter()
            .zip(&globs)
            .find(|(s, g)| s.matches(&f, g))
        {
            Some((s, _)) => {
                f.suppressed = Some(s.reason.trim().to_string());
                resolved.push(f);
            }
            None => open.push(f),
        }
    }
    *findings = open;
}

fn sort_findings(findings: &mut [Finding]) {
    // A stable sort of the positions, then the findings moved into place: the same order as
    // a stable sort of the findings, without its buffer of half of them (88 MB at 500k).
    fn key(f: &Finding) -> (&String, usize, usize, Rule, &String) {
        (&f.file, f.line, f.column, f.rule, &f.message)
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| key(&findings[a]).cmp(&key(&findings[b])));
    permute(findings, &mut order);
}

/// Rearrange `items` so that `items[i]` becomes what `items[order[i]]` was (`order` is a
/// permutation; it is used up), by following each cycle of the permutation.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != at {
            let next = order[at];
            order[at] = at;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// `base` with its finding counts recomputed from `findings`.
fn summarize(findings: &[Finding], base: Summary) -> Summary {
    let mut summary = Summary {
        errors: 0,
        warnings: 0,
        notes: 0,
        by_rule: BTreeMap::new(),
        ..base
    };
    for f in findings {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Note => summary.notes += 1,
        }
        // Looked up before inserting: a String per finding was measurable at 500k findings.
        match summary.by_rule.get_mut(f.rule.code()) {
            Some(n) => *n += 1,
            None => {
                summary.by_rule.insert(f.rule.code().to_string(), 1);
            }
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Findings are sorted by file and position, and those that tie keep the order they
        /// came in (the output must not depend on how the sort is made).
        #[test]
        fn findings_sort_as_a_stable_sort_does(
            keys in proptest::collection::vec((0..3usize, 0..4usize, 0..2usize, 0..2usize), 0..60)
        ) {
            let mut findings: Vec<Finding> = keys
                .iter()
                .enumerate()
                .map(|(i, &(file, line, column, message))| Finding {
                    column,
                    claim: Some(format!("c-{i}")),
                    ..Finding::example(&format!("claims/{file}.yaml"), line, &format!("message {message}"))
                })
                .collect();
            let mut want = findings.clone();
            want.sort_by(|a, b| {
                (&a.file, a.line, a.column, a.rule, &a.message)
                    .cmp(&(&b.file, b.line, b.column, b.rule, &b.message))
            });
            sort_findings(&mut findings);
            prop_assert_eq!(findings, want);
        }
    }
}
