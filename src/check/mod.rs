//! `dossier check`: link every claim to its sources and flag what cannot be traced.
//!
//! [`check`] turns a [`LoadedDossier`] into findings, each from one [`Rule`] with the severity
//! the configuration gives it. Reporters (in [`crate::report`]) present the findings.

pub mod config;
pub mod crossref;
pub mod finding;
mod online;
pub mod review;
pub mod rule;
pub mod run;
pub mod shard;

pub use config::{Config, FailOn};
pub use finding::{Finding, Related, Reviewed};
pub use online::online;
pub use rule::{Rule, Severity};
pub use shard::Shard;

use crate::evidence::verify::{self, Evidence};
use crate::link::{self, Link};
use crate::model::review::{Review, Verdict};
use crate::store::load::{
    Keys, LoadedClaims, LoadedDossier, LoadedSource, Pos, Problem, ProblemKind,
};
use crate::util::excerpt;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Counts for the one-line summary and the JSON `summary` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub references: usize,
    pub sources: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings per rule code.
    pub by_rule: BTreeMap<String, usize>,
    /// Findings an editor's verdict resolved (not counted above).
    pub resolved: usize,
}

/// The links of one claim file.
#[derive(Debug, Clone)]
pub struct FileLinks {
    pub file: String,
    /// Parallel to the claim file's claims.
    pub claims: Vec<Vec<Link>>,
}

/// What `check` found.
#[derive(Debug, Clone)]
pub struct CheckResult {
    /// Open findings: those no verdict resolved (some downgraded or raised by one).
    pub findings: Vec<Finding>,
    /// Findings an editor's verdict resolved, kept for the report.
    pub resolved: Vec<Finding>,
    pub summary: Summary,
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

struct Out<'a> {
    config: &'a Config,
    findings: Vec<Finding>,
}

struct At<'a> {
    file: &'a str,
    pos: Pos,
}

impl<'c> Out<'c> {
    /// A finding of `rule` at `at`, made when [`Draft::push`] is called: say what else it
    /// concerns first (its claim, source entry, help, related place).
    fn add(&mut self, rule: Rule, at: At, message: String) -> Draft<'_, 'c> {
        Draft {
            out: self,
            finding: Finding {
                rule,
                severity: Severity::Note,
                message,
                file: at.file.to_string(),
                line: at.pos.line.max(1),
                column: at.pos.column.max(1),
                claim: None,
                source: None,
                help: std::borrow::Cow::Borrowed(rule.help()),
                related: None,
                review: None,
                suppressed: None,
                evidence: None,
                span: (at.pos.offset, at.pos.offset + at.pos.len),
            },
        }
    }
}

/// A finding being made ([`Out::add`]).
#[must_use = "a finding is only made by `push`"]
struct Draft<'o, 'c> {
    out: &'o mut Out<'c>,
    finding: Finding,
}

impl Draft<'_, '_> {
    /// The claim it concerns, if any.
    fn claim(mut self, id: Option<&str>) -> Self {
        self.finding.claim = id.map(str::to_string);
        self
    }

    /// The source entry it concerns, if any.
    fn source(mut self, id: Option<&str>) -> Self {
        self.finding.source = id.map(str::to_string);
        self
    }

    /// How to put it right, instead of its rule's general help.
    fn help(mut self, help: String) -> Self {
        self.finding.help = help.into();
        self
    }

    /// [`Draft::help`] when there is one.
    fn help_if(self, help: Option<String>) -> Self {
        match help {
            Some(h) => self.help(h),
            None => self,
        }
    }

    /// The second place it concerns (the sentence in the article), if any.
    fn related(mut self, related: Option<Related>) -> Self {
        self.finding.related = related.map(Box::new);
        self
    }

    /// Make the finding, with the severity the configuration gives its rule (none when the
    /// rule is turned off).
    fn push(mut self) {
        if let Some(severity) = self.out.config.severity(self.finding.rule) {
            self.finding.severity = severity;
            self.out.findings.push(self.finding);
        }
    }
}

fn key_pos(keys: Option<&Keys>, names: &[&str]) -> Pos {
    keys.and_then(|k| names.iter().find_map(|n| k.get(*n)))
        .copied()
        .unwrap_or(Pos {
            line: 1,
            column: 1,
            offset: 0,
            len: 0,
        })
}

/// What `check` needs of the dossier besides one claim file and its article: the source
/// entries, and where snapshots are read from.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub sources: &'a BTreeMap<String, LoadedSource>,
    /// Ids of source entries that exist but could not be read.
    pub unreadable: &'a BTreeSet<String>,
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
    pub resolved: Vec<Finding>,
    /// Parallel to the claim file's claims (empty when it could not be read).
    pub links: Vec<Vec<Link>>,
    pub evidence: Vec<Evidence>,
    pub claims: usize,
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
    pub path: String,
    pub date: Option<String>,
    /// Source ids named by the references, sorted, each once.
    pub cites: Vec<String>,
    /// The ids of the file's claims, in order.
    pub claims: Vec<String>,
}

/// Whether the source entry `id` has a current `not-a-source` verdict.
fn source_rejected(ctx: &Context, id: &str) -> bool {
    ctx.sources.get(id).is_some_and(review::is_rejected)
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
    let (mut findings, mut resolved) = review::apply(out.findings, &review::claim_reviews(c));
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
    let (mut findings, mut resolved) =
        review::apply(out.findings, &review::source_reviews(ctx.sources.values()));
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
    let rejected = review::rejected_sources(ctx.sources.values());
    let mut findings = review::reject_sources(findings, &mut resolved, &rejected);
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

/// Findings for problems met while reading files.
fn problem_findings(out: &mut Out, problems: &[Problem]) {
    for p in problems {
        let rule = match p.kind {
            ProblemKind::InvalidYaml => Rule::InvalidYaml,
            ProblemKind::UnknownField => Rule::UnknownField,
            ProblemKind::InvalidValue => Rule::InvalidValue,
            ProblemKind::DuplicateId => Rule::DuplicateId,
            ProblemKind::InvalidPath => Rule::InvalidPath,
            ProblemKind::MissingArticle => Rule::MissingArticle,
            ProblemKind::Unextracted => Rule::UnextractedArticle,
        };
        out.add(
            rule,
            At {
                file: &p.file,
                pos: p.pos,
            },
            p.message.clone(),
        )
        .source(p.source.as_deref())
        .help_if(p.help.map(|h| h.help().to_string()))
        .push();
    }
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

/// Findings for snapshots that changed since they were taken.
fn snapshot_findings(out: &mut Out, ctx: &Context, changed: &[verify::ChangedSnapshot]) {
    for c in changed {
        let keys = ctx.sources.get(&c.source).map(|s| &s.keys);
        let message = format!(
            "snapshot {} of source {} changed since it was taken: sha256 {} was recorded, the file has {}",
            c.path,
            c.source,
            short(&c.recorded),
            short(&c.actual)
        );
        let help = format!(
            "{}; the file's sha256 is now {}",
            Rule::SnapshotChanged.help(),
            c.actual
        );
        let at = At {
            file: &c.file,
            pos: key_pos(keys, &["snapshot"]),
        };
        out.add(Rule::SnapshotChanged, at, message)
            .source(Some(&c.source))
            .help(help)
            .push();
    }
}

/// Findings of the evidence pass over one claim file: altered and missing quotes.
fn evidence_findings(
    out: &mut Out,
    c: &LoadedClaims,
    article: Option<&str>,
    evidence: &[Evidence],
) {
    // The first claim of each id (an id used twice is a `duplicate-id` problem).
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, x) in c.data.claims.iter().enumerate() {
        index.entry(x.id.as_str()).or_insert(k);
    }
    for e in evidence {
        let rule = match e.status {
            verify::Status::Altered => Rule::QuoteAltered,
            verify::Status::NotFound => Rule::QuoteNotFound,
            verify::Status::Translated => Rule::QuoteTranslated,
            _ => continue,
        };
        let Some(&k) = index.get(e.claim.as_str()) else {
            continue;
        };
        let claim = &c.data.claims[k];
        let related = article.map(|text| Related {
            file: c.data.article.path.clone(),
            line: claim.line,
            column: claim.column,
            message: "in the article".into(),
            span: if claim.end <= text.len() && claim.start <= claim.end {
                (claim.start, claim.end)
            } else {
                (0, 0)
            },
        });
        let passage = e.passages.first();
        let (message, help) = match rule {
            Rule::QuoteTranslated => crate::evidence::verify::translated_finding(e, rule.help()),
            Rule::QuoteAltered => (
                format!(
                    "quote {} differs from source {} ({:.0}% of its words match the passage at {} line {})",
                    claim.id,
                    e.source,
                    e.similarity.unwrap_or(0.0) * 100.0,
                    e.snapshot,
                    passage.map_or(0, |p| p.line),
                ),
                format!(
                    "word diff, source → quote: {}; {}",
                    crate::evidence::diff::plain_compact(&e.diff, 6),
                    rule.help()
                ),
            ),
            _ => (
                format!(
                    "quote {} is not in the snapshot {} of source {}: \"{}\"",
                    claim.id,
                    e.snapshot,
                    e.source,
                    excerpt(&claim.text, 60)
                ),
                match passage {
                    Some(p) => format!(
                        "the closest passage (line {}, {:.0}% of the words) reads \"{}\"; {}",
                        p.line,
                        p.score.unwrap_or(0.0) * 100.0,
                        excerpt(&p.text, 120),
                        rule.help()
                    ),
                    None => rule.help().to_string(),
                },
            ),
        };
        let before = out.findings.len();
        out.add(
            rule,
            At {
                file: &c.file,
                pos: key_pos(c.claim_keys.get(k), &["text"]),
            },
            message,
        )
        .claim(Some(&claim.id))
        .source(Some(&e.source))
        .help(help)
        .related(related)
        .push();
        if let Some(f) = out.findings.get_mut(before) {
            f.evidence = Some(Box::new(e.clone()));
        }
    }
}

/// The first 12 hex digits of a hash, enough to tell two apart in a message.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn check_claim_file(
    out: &mut Out,
    ctx: &Context,
    c: &LoadedClaims,
    article: Option<&str>,
    links: &[Vec<Link>],
) {
    let file = c.file.as_str();
    let data = &c.data;
    let article_path = data.article.path.as_str();

    // The article's own metadata.
    let missing: Vec<&str> = [
        ("date", &data.article.date),
        ("author", &data.article.author),
        ("outlet", &data.article.outlet),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect();
    if !missing.is_empty() {
        let at = At {
            file,
            pos: key_pos(Some(&c.article_keys), &missing),
        };
        let help = format!(
            "add the missing {} to the article (a byline, a date line, the outlet's name), then run `dossier extract`",
            missing.join(" and ")
        );
        out.add(
            Rule::ArticleMetadata,
            at,
            format!("{article_path} gives no {}", missing.join(", ")),
        )
        .help(help)
        .push();
    }

    // No silent zero: the article quotes someone, but no quote claim came out of it.
    if let Some(text) = article {
        let has_quote = data
            .claims
            .iter()
            .any(|x| x.kind == crate::model::ClaimKind::Quote && !x.vanished);
        let markdown = crate::article::Format::from_path(std::path::Path::new(article_path))
            == crate::article::Format::Markdown;
        if !has_quote && crate::extract::quotes::looks_quoted(text, markdown) {
            let at = At {
                file,
                pos: key_pos(Some(&c.article_keys), &["path"]),
            };
            let message = format!(
                "{article_path} has quotation marks or block quotations, but no quote was extracted from it"
            );
            out.add(Rule::NoClaimsExtracted, at, message).push();
        }
    }

    // Is the claim file still in step with its article?
    let mut article_changed = false;
    if let Some(text) = article {
        if crate::article::fingerprint(text.as_bytes()) != data.article.fingerprint {
            article_changed = true;
            out.add(
                Rule::StaleClaim,
                At {
                    file,
                    pos: key_pos(Some(&c.article_keys), &["fingerprint"]),
                },
                format!("{article_path} changed since its claims were extracted"),
            )
            .push();
        }
    }

    let ref_ids: BTreeSet<&str> = data.references.iter().map(|r| r.id.as_str()).collect();
    for (k, claim) in data.claims.iter().enumerate() {
        let keys = c.claim_keys.get(k);
        let related = article.map(|text| {
            let (line, column) = (claim.line, claim.column);
            let span = if claim.end <= text.len() && claim.start <= claim.end {
                (claim.start, claim.end)
            } else {
                (0, 0)
            };
            Related {
                file: article_path.to_string(),
                line,
                column,
                message: "in the article".into(),
                span,
            }
        });
        if claim.vanished {
            let message = format!(
                "the words of claim {} are no longer in {article_path}; the claim is kept for the editor's work on it",
                claim.id
            );
            let at = At {
                file,
                pos: key_pos(keys, &["vanished", "text"]),
            };
            out.add(Rule::StaleClaim, at, message)
                .claim(Some(&claim.id))
                .help(
                    "restore the words in the article, or delete the claim from the claim file \
                     once its review and notes are no longer needed"
                        .into(),
                )
                .push();
            continue;
        }
        review_findings(
            out,
            At {
                file,
                pos: key_pos(keys, &["review", "text"]),
            },
            claim.review.as_ref(),
            claim.review_is_stale(),
            Some(&claim.id),
            None,
            related.clone(),
        );
        if let Some(message) =
            review::stale_corrections_message(claim, &format!("claim {}", claim.id))
        {
            out.add(
                Rule::StaleCorrection,
                At {
                    file,
                    pos: key_pos(keys, &["corrections", "text"]),
                },
                message,
            )
            .claim(Some(&claim.id))
            .related(related.clone())
            .push();
        }
        factcheck_findings(
            out,
            ctx,
            At {
                file,
                pos: key_pos(keys, &["text"]),
            },
            claim,
            related.clone(),
        );
        for d in &claim.links {
            if d.action == crate::model::LinkAction::Confirm
                && !ctx.sources.contains_key(&d.source)
                && !ctx.unreadable.contains(&d.source)
            {
                out.add(
                    Rule::MissingSource,
                    At {
                        file,
                        pos: key_pos(keys, &["links"]),
                    },
                    format!(
                        "claim {} is linked by hand to sources/{}.yaml, which does not exist",
                        claim.id, d.source
                    ),
                )
                .claim(Some(&claim.id))
                .source(Some(&d.source))
                .help("create the source entry, or remove the link with `dossier unlink`".into())
                .push();
            }
        }
        if let Some(text) = article {
            let here = text.get(claim.start..claim.end);
            if here != Some(claim.text.as_str()) && !article_changed {
                out.add(
                    Rule::StaleClaim,
                    At {
                        file,
                        pos: key_pos(keys, &["text"]),
                    },
                    format!(
                        "claim {} is no longer at its place in {article_path}",
                        claim.id
                    ),
                )
                .claim(Some(&claim.id))
                .related(related.clone())
                .push();
            }
        }
        for cited in &claim.cites {
            if !ref_ids.contains(cited.as_str()) {
                out.add(
                    Rule::UnknownReference,
                    At {
                        file,
                        pos: key_pos(keys, &["cites"]),
                    },
                    format!(
                        "claim {} cites `{cited}`, which this claim file does not define",
                        claim.id
                    ),
                )
                .claim(Some(&claim.id))
                .push();
            }
        }
        let claim_links = links.get(k).map_or(&[][..], Vec::as_slice);
        // A source an editor rejected (`not-a-source`) sources nothing: a claim resting on it
        // alone is uncited, and it is no one's suggestion.
        let kept: Vec<Link>;
        let claim_links = if claim_links.iter().any(|l| source_rejected(ctx, &l.source)) {
            kept = claim_links
                .iter()
                .filter(|l| !source_rejected(ctx, &l.source))
                .cloned()
                .collect();
            &kept[..]
        } else {
            claim_links
        };
        let needs_source = claim
            .review
            .as_ref()
            .is_some_and(|r| r.verdict == Verdict::NeedsSource)
            && !claim.review_is_stale();
        if needs_source && link::is_sourced(claim_links) {
            out.add(
                Rule::UncitedClaim,
                At {
                    file,
                    pos: key_pos(keys, &["review", "text"]),
                },
                format!(
                    "{} needs a source, an editor judged, although one is linked: \"{}\"",
                    link::describe(claim),
                    excerpt(&claim.text, 80)
                ),
            )
            .claim(Some(&claim.id))
            .help("cite a source that supports the claim, then record a new verdict".into())
            .related(related.clone())
            .push();
        } else if !link::is_sourced(claim_links) {
            let suggestions = link::suggestions(claim_links);
            let help = if suggestions.is_empty() {
                Rule::UncitedClaim.help().to_string()
            } else {
                let s: Vec<String> = suggestions
                    .iter()
                    .take(3)
                    .map(|l| {
                        format!(
                            "{} via {} (score {:.2})",
                            l.source,
                            l.reference,
                            l.score.unwrap_or(0.0)
                        )
                    })
                    .collect();
                format!(
                    "cite a source for it in the article; possible sources, not yet confirmed: {}",
                    s.join("; ")
                )
            };
            out.add(
                Rule::UncitedClaim,
                At {
                    file,
                    pos: key_pos(keys, &["text"]),
                },
                format!(
                    "{} has no source: \"{}\"",
                    link::describe(claim),
                    excerpt(&claim.text, 80)
                ),
            )
            .claim(Some(&claim.id))
            .help(help)
            .related(related)
            .push();
        }
    }

    // References: entries that exist, and entries that something relies on.
    let relied: BTreeSet<&str> = links
        .iter()
        .flatten()
        .filter(|l| l.confirmed())
        .map(|l| l.reference.as_str())
        .collect();
    let relied_sources: BTreeSet<&str> = links
        .iter()
        .flatten()
        .filter(|l| l.confirmed())
        .map(|l| l.source.as_str())
        .collect();
    for (k, r) in data.references.iter().enumerate() {
        let keys = c.reference_keys.get(k);
        let related = article.map(|_| Related {
            file: article_path.to_string(),
            line: r.line,
            column: r.column,
            message: "cited here".into(),
            span: (r.start, r.end),
        });
        if let Some(message) = review::stale_corrections_message(r, &format!("reference {}", r.id))
        {
            out.add(
                Rule::StaleCorrection,
                At {
                    file,
                    pos: key_pos(keys, &["corrections", "raw"]),
                },
                message,
            )
            .source(r.source.as_deref())
            .related(related.clone())
            .push();
        }
        if let Some(id) = &r.source {
            if !ctx.sources.contains_key(id) && !ctx.unreadable.contains(id) {
                out.add(
                    Rule::MissingSource,
                    At {
                        file,
                        pos: key_pos(keys, &["source"]),
                    },
                    format!(
                        "reference {} points to sources/{id}.yaml, which does not exist",
                        r.id
                    ),
                )
                .source(Some(id))
                .related(related.clone())
                .push();
            }
            if !r.inline && !relied.contains(r.id.as_str()) && !relied_sources.contains(id.as_str())
            {
                let candidates: Vec<String> = data
                    .claims
                    .iter()
                    .zip(links)
                    .filter_map(|(cl, ls)| {
                        ls.iter()
                            .find(|l| !l.confirmed() && l.reference == r.id)
                            .map(|l| format!("{} (score {:.2})", cl.id, l.score.unwrap_or(0.0)))
                    })
                    .collect();
                let help = if candidates.is_empty() {
                    Rule::UnusedReference.help().to_string()
                } else {
                    format!(
                        "claims that may rest on it, not yet confirmed: {}",
                        candidates.join(", ")
                    )
                };
                out.add(
                    Rule::UnusedReference,
                    At {
                        file,
                        pos: key_pos(keys, &["raw"]),
                    },
                    format!(
                        "reference {} ({}) is listed but no claim relies on it",
                        r.id,
                        excerpt(&r.raw, 60)
                    ),
                )
                .source(Some(id))
                .help(help)
                .related(related)
                .push();
            }
        }
    }
}

/// The findings a review itself calls for: `stale-review` when it judged other words, and
/// `disputed` / `refuted` for those verdicts.
#[allow(clippy::too_many_arguments)]
fn review_findings(
    out: &mut Out,
    at: At,
    review: Option<&Review>,
    stale: bool,
    claim: Option<&str>,
    source: Option<&str>,
    related: Option<Related>,
) {
    let Some(r) = review else {
        return;
    };
    let what = match (claim, source) {
        (Some(c), _) => format!("claim {c}"),
        (None, Some(s)) => format!("source {s}"),
        (None, None) => "this".to_string(),
    };
    let changed = if claim.is_some() {
        "its words changed"
    } else {
        "the entry changed"
    };
    let (rule, message) = if stale {
        (
            Rule::StaleReview,
            format!(
                "the verdict `{}` on {what} ({}, {}) no longer applies: {changed} since the review",
                r.verdict, r.by, r.date
            ),
        )
    } else {
        match r.verdict {
            Verdict::Disputed => (
                Rule::Disputed,
                format!("{what} is disputed ({}, {})", r.by, r.date),
            ),
            Verdict::False => (
                Rule::Refuted,
                format!("{what} was judged false ({}, {})", r.by, r.date),
            ),
            _ => return,
        }
    };
    let message = match (&r.note, rule) {
        (Some(n), Rule::Disputed | Rule::Refuted) => format!("{message}: {}", excerpt(n, 120)),
        _ => message,
    };
    out.add(rule, at, message)
        .claim(claim)
        .source(source)
        .related(related)
        .push();
}

/// `previously-fact-checked`: the stored fact-checks that reviewed what `claim` says, but
/// those an editor rejected for it.
fn factcheck_findings(
    out: &mut Out,
    ctx: &Context,
    at: At,
    claim: &crate::model::Claim,
    related: Option<Related>,
) {
    let matches = ctx.factchecks.matches(&claim.text);
    for m in matches {
        let f = m.factcheck;
        let decision = f.decision(&claim.id);
        if decision == Some(crate::model::review::LinkAction::Reject) {
            continue;
        }
        let rating = f.rating.as_deref().unwrap_or("no rating given");
        let by = f
            .fact_checker
            .as_deref()
            .unwrap_or("an unnamed fact-checker");
        let date = f
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let url = f.url.as_deref().unwrap_or("no url given");
        let confirmed = if decision.is_some() {
            " (confirmed by an editor)"
        } else {
            ""
        };
        let message = format!(
            "claim {} was fact-checked before{confirmed}: rated \"{}\" by {}{date}, {} (similarity {:.2}): \"{}\"",
            claim.id,
            excerpt(rating, 60),
            excerpt(by, 60),
            excerpt(url, 200),
            m.similarity,
            excerpt(&f.claim_reviewed, 80),
        );
        let help = format!(
            "read the fact-check; if it is about this claim, confirm with `dossier factchecks confirm {} {url}`, else reject it with `dossier factchecks reject {} {url}`",
            claim.id, claim.id
        );
        out.add(
            Rule::PreviouslyFactChecked,
            At {
                file: at.file,
                pos: at.pos,
            },
            message,
        )
        .claim(Some(&claim.id))
        .help(help)
        .related(related.clone())
        .push();
    }
}

/// The findings of one source entry; `citing` are the claim files whose references name it.
fn check_source(out: &mut Out, s: &LoadedSource, citing: &[&ArticleFacts]) {
    let file = s.file.as_str();
    let e = &s.data;
    review_findings(
        out,
        At {
            file,
            pos: key_pos(Some(&s.keys), &["review", "type"]),
        },
        e.review.as_ref(),
        e.review_is_stale(),
        None,
        Some(&s.id),
        None,
    );
    if !e.has_locator() {
        out.add(
            Rule::UnverifiableSource,
            At {
                file,
                pos: key_pos(Some(&s.keys), &["url", "type"]),
            },
            format!("source {} has no URL, DOI, archived copy or snapshot", s.id),
        )
        .source(Some(&s.id))
        .push();
    }
    for (field, value) in e.non_web_urls() {
        out.add(
            Rule::InvalidValue,
            At {
                file,
                pos: key_pos(Some(&s.keys), &[field]),
            },
            format!(
                "`{field}` of source {} is not an http(s) URL: {}",
                s.id,
                excerpt(value, 60)
            ),
        )
        .source(Some(&s.id))
        .help("give the page's full address, starting with https:// or http://".to_string())
        .push();
    }
    let mut missing = Vec::new();
    if e.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        missing.push("title");
    }
    if e.date.as_deref().is_none_or(|t| t.trim().is_empty()) {
        missing.push("date");
    }
    if e.outlet().is_none() {
        missing.push("publisher");
    }
    if !missing.is_empty() {
        out.add(
            Rule::IncompleteSource,
            At {
                file,
                pos: key_pos(Some(&s.keys), &missing),
            },
            format!("source {} has no {}", s.id, missing.join(", ")),
        )
        .source(Some(&s.id))
        .push();
    }
    // Dated after an article that cites it?
    if let Some(date) = e.date.as_deref().filter(|d| d.len() >= 4) {
        for c in citing {
            let Some(article_date) = c.date.as_deref() else {
                continue;
            };
            let n = date.len().min(article_date.len());
            if date.get(..n) > article_date.get(..n) {
                out.add(
                    Rule::SourceAfterArticle,
                    At {
                        file,
                        pos: key_pos(Some(&s.keys), &["date"]),
                    },
                    format!(
                        "source {} is dated {date}, after {} ({article_date}) which cites it",
                        s.id, c.path
                    ),
                )
                .source(Some(&s.id))
                .push();
            }
        }
    }
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
                    file: format!("claims/{file}.yaml"),
                    line,
                    column,
                    message: format!("message {message}"),
                    claim: Some(format!("c-{i}")),
                    rule: Rule::UncitedClaim,
                    severity: Severity::Warning,
                    source: None,
                    help: "".into(),
                    related: None,
                    review: None,
                    suppressed: None,
                    evidence: None,
                    span: (0, 0),
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
