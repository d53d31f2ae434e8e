//! Building the [`Audit`] from a loaded dossier and what `check` found in it.

use super::{
    ArticleAudit, Audit, ClaimAudit, ClaimCounts, ClaimState, ClaimUse, Evidence, Filter,
    FilterError, FindingCounts, FindingNote, LinkAudit, Location, RuleCount, SourceAudit,
    SourceCounts, SourceState, Summary, TracedShare, WorkItem, AUDIT_VERSION, EXCERPT_CHARS,
};
use crate::check::{CheckResult, Finding, Severity};
use crate::link::{self, Link};
use crate::model::source::OneOrMany;
use crate::model::{Claim, ClaimKind};
use crate::store::load::{LoadedClaims, LoadedDossier};
use crate::util::excerpt;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One article in scope, with its links.
struct InScope<'a> {
    slug: String,
    loaded: &'a LoadedClaims,
    links: &'a [Vec<Link>],
}

/// Build the audit of `dossier` from `result`, narrowed by `filter`, on up to `jobs` threads
/// (the audit is the same for any number).
///
/// Fails only when the filter names an article the dossier does not have.
pub fn build(
    dossier: &LoadedDossier,
    result: &CheckResult,
    filter: &Filter,
    jobs: usize,
) -> Result<Audit, FilterError> {
    let slugs: Vec<String> = dossier
        .claims
        .iter()
        .map(|c| crate::util::file_stem(&c.file))
        .collect();
    filter.check_articles(&slugs)?;
    let links_by_file: HashMap<&str, &[Vec<Link>]> = result
        .links
        .iter()
        .map(|l| (l.file.as_str(), l.claims.as_slice()))
        .collect();
    let scope: Vec<InScope> = dossier
        .claims
        .iter()
        .zip(slugs)
        .filter(|(_, slug)| filter.covers_article(slug))
        .map(|(loaded, slug)| InScope {
            slug,
            loaded,
            links: links_by_file
                .get(loaded.file.as_str())
                .copied()
                .unwrap_or(&[]),
        })
        .collect();

    let source_ids = sources_in_scope(dossier, &scope, filter.articles.is_empty());
    let findings = findings_in_scope(dossier, &result.findings, filter, &scope, &source_ids);
    let resolved = findings_in_scope(dossier, &result.resolved, filter, &scope, &source_ids);
    let notes = Notes::of(&findings, &resolved);
    let state_of = |id: &str| source_state(dossier, id);

    let mut evidence: HashMap<(&str, &str), Vec<Evidence>> = HashMap::new();
    for e in &result.evidence {
        evidence
            .entry((e.file.as_str(), e.claim.as_str()))
            .or_default()
            .push(e.clone());
    }
    let articles: Vec<ArticleAudit> = crate::par::map(&scope, jobs, |a| {
        article_audit(a, &notes, &state_of, &evidence)
    });
    let sources = source_audits(dossier, &scope, &source_ids, &notes);
    let worklist = worklist(&findings, &scope, jobs);
    let mut summary = summary(&articles, &sources, &findings);
    summary.findings.resolved = resolved.len();
    Ok(Audit {
        version: AUDIT_VERSION,
        filter: filter.clone(),
        summary,
        worklist,
        articles,
        sources,
    })
}

fn source_state(dossier: &LoadedDossier, id: &str) -> SourceState {
    match dossier.sources.get(id) {
        Some(s) if s.data.has_locator() => SourceState::Verified,
        Some(_) => SourceState::NoLocator,
        None if dossier.unreadable_sources.contains(id) => SourceState::Unreadable,
        None => SourceState::Missing,
    }
}

/// The source ids the audit covers: every one the dossier knows of, or (for some articles)
/// those their references and links name.
fn sources_in_scope(dossier: &LoadedDossier, scope: &[InScope], all: bool) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    if all {
        ids.extend(dossier.sources.keys().cloned());
        ids.extend(dossier.unreadable_sources.iter().cloned());
    }
    for a in scope {
        ids.extend(
            a.loaded
                .data
                .references
                .iter()
                .filter_map(|r| r.source.clone()),
        );
        ids.extend(a.links.iter().flatten().map(|l| l.source.clone()));
    }
    ids
}

/// The findings the audit covers, in check's order.
fn findings_in_scope<'a>(
    dossier: &LoadedDossier,
    findings: &'a [Finding],
    filter: &Filter,
    scope: &[InScope],
    source_ids: &BTreeSet<String>,
) -> Vec<&'a Finding> {
    let every_article = filter.articles.is_empty();
    let claim_files: HashSet<&str> = dossier.claims.iter().map(|c| c.file.as_str()).collect();
    let in_scope: HashSet<&str> = scope.iter().map(|a| a.loaded.file.as_str()).collect();
    findings
        .iter()
        .filter(|f| filter.keeps(f))
        .filter(|f| {
            if every_article {
                return true;
            }
            // A finding in a claim file belongs to that article; any other belongs to the
            // source entry it concerns.
            if claim_files.contains(f.file.as_str()) || f.file.starts_with("claims/") {
                in_scope.contains(f.file.as_str())
            } else {
                f.source.as_ref().is_some_and(|s| source_ids.contains(s))
            }
        })
        .collect()
}

/// Findings grouped by what they are listed beside.
#[derive(Default)]
struct Notes<'a> {
    /// By claim file and claim id.
    claim: HashMap<(&'a str, &'a str), Vec<FindingNote>>,
    /// Findings in a claim file about no one claim, by claim file.
    article: HashMap<&'a str, Vec<FindingNote>>,
    /// By source id.
    source: HashMap<&'a str, Vec<FindingNote>>,
}

impl<'a> Notes<'a> {
    /// Open findings first, then resolved ones, each most severe first.
    fn of(findings: &[&'a Finding], resolved: &[&'a Finding]) -> Notes<'a> {
        let mut n = Notes::default();
        for f in findings.iter().chain(resolved) {
            let note = FindingNote {
                severity: f.severity,
                rule: f.rule,
                message: f.message.clone(),
                review: f.review.as_deref().cloned(),
                suppressed: f.suppressed.clone(),
            };
            match &f.claim {
                Some(c) => n
                    .claim
                    .entry((f.file.as_str(), c.as_str()))
                    .or_default()
                    .push(note.clone()),
                None => n
                    .article
                    .entry(f.file.as_str())
                    .or_default()
                    .push(note.clone()),
            }
            if let Some(s) = &f.source {
                n.source.entry(s.as_str()).or_default().push(note);
            }
        }
        for list in n
            .claim
            .values_mut()
            .chain(n.article.values_mut())
            .chain(n.source.values_mut())
        {
            list.sort_by_key(|x| (x.resolved(), Reverse(x.severity)));
        }
        n
    }
}

fn article_audit(
    a: &InScope,
    notes: &Notes,
    state_of: &dyn Fn(&str) -> SourceState,
    evidence: &HashMap<(&str, &str), Vec<Evidence>>,
) -> ArticleAudit {
    let data = &a.loaded.data;
    let file = a.loaded.file.as_str();
    let claims: Vec<ClaimAudit> = data
        .claims
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let links = a.links.get(k).map_or(&[][..], Vec::as_slice);
            let mut audit =
                claim_audit(c, links, state_of, notes.claim.get(&(file, c.id.as_str())));
            audit.evidence = evidence
                .get(&(file, c.id.as_str()))
                .cloned()
                .unwrap_or_default();
            audit
        })
        .collect();
    let traced = claims
        .iter()
        .filter(|c| c.state == ClaimState::Traced)
        .count();
    let r = &data.article;
    let mut missing: Vec<String> = Vec::new();
    for (name, value) in [
        ("title", &r.title),
        ("author", &r.author),
        ("date", &r.date),
        ("outlet", &r.outlet),
    ] {
        if value.is_none() || r.missing.iter().any(|m| m == name) {
            missing.push(name.to_string());
        }
    }
    for m in &r.missing {
        if !missing.contains(m) {
            missing.push(m.clone());
        }
    }
    ArticleAudit {
        slug: a.slug.clone(),
        claim_file: file.to_string(),
        path: r.path.clone(),
        title: r.title.clone(),
        author: r.author.clone(),
        date: r.date.clone(),
        outlet: r.outlet.clone(),
        missing,
        references: data.references.len(),
        traced: TracedShare::new(&a.slug, r.title.as_deref(), claims.len(), traced),
        findings: notes.article.get(file).cloned().unwrap_or_default(),
        claims,
    }
}

fn claim_audit(
    c: &Claim,
    links: &[Link],
    state_of: &dyn Fn(&str) -> SourceState,
    notes: Option<&Vec<FindingNote>>,
) -> ClaimAudit {
    let audit_link = |l: &Link| LinkAudit {
        source: l.source.clone(),
        reference: l.reference.clone(),
        how: l.how,
        score: l.score,
        confirmed: l.confirmed(),
        source_state: state_of(&l.source),
    };
    let mut out: Vec<LinkAudit> = links
        .iter()
        .filter(|l| l.confirmed())
        .map(audit_link)
        .collect();
    out.extend(link::suggestions(links).into_iter().map(audit_link));
    let state = if out
        .iter()
        .any(|l| l.confirmed && l.source_state == SourceState::Verified)
    {
        ClaimState::Traced
    } else if out.iter().any(|l| l.confirmed) {
        ClaimState::Unverified
    } else if !out.is_empty() {
        ClaimState::Suggested
    } else {
        ClaimState::Untraced
    };
    ClaimAudit {
        id: c.id.clone(),
        kind: c.kind,
        text: c.text.clone(),
        speaker: c.speaker.clone(),
        role: c.role.clone(),
        line: c.line,
        column: c.column,
        state,
        links: out,
        findings: notes.cloned().unwrap_or_default(),
        verdict: c.review.as_ref().map(|r| {
            if c.review_is_stale() {
                format!("{} (stale)", r.verdict)
            } else {
                r.verdict.to_string()
            }
        }),
        review: c.review.clone(),
        review_stale: c.review_is_stale(),
        evidence: Vec::new(),
    }
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn source_audits(
    dossier: &LoadedDossier,
    scope: &[InScope],
    ids: &BTreeSet<String>,
    notes: &Notes,
) -> Vec<SourceAudit> {
    // Who cites and relies on each source, in article and claim order.
    let mut cited_by: HashMap<&str, Vec<String>> = HashMap::new();
    let mut relied: HashMap<&str, Vec<ClaimUse>> = HashMap::new();
    let mut suggested: HashMap<&str, Vec<ClaimUse>> = HashMap::new();
    // Each article once per source: looked up, not searched for in the list (a source cited
    // by thousands of articles would make that quadratic).
    let mut citing: HashSet<(&str, &str)> = HashSet::new();
    for a in scope {
        for r in &a.loaded.data.references {
            if let Some(s) = &r.source {
                if citing.insert((s.as_str(), a.slug.as_str())) {
                    cited_by.entry(s.as_str()).or_default().push(a.slug.clone());
                }
            }
        }
        for (c, links) in a.loaded.data.claims.iter().zip(a.links) {
            for l in links {
                let using = ClaimUse {
                    article: a.slug.clone(),
                    claim: c.id.clone(),
                    reference: l.reference.clone(),
                    how: l.how,
                    score: l.score,
                    excerpt: excerpt(&c.text, EXCERPT_CHARS),
                };
                let to = if l.confirmed() {
                    &mut relied
                } else {
                    &mut suggested
                };
                to.entry(l.source.as_str()).or_default().push(using);
            }
        }
    }
    for list in suggested.values_mut() {
        // Stable: equal scores keep article and claim order.
        list.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    ids.iter()
        .map(|id| {
            let state = source_state(dossier, id);
            let entry = dossier.sources.get(id);
            let e = entry.map(|s| &s.data);
            let mut missing = Vec::new();
            match e {
                None if state == SourceState::Missing => missing.push("entry".to_string()),
                None => {}
                Some(e) => {
                    if !e.has_locator() {
                        missing.push("locator".into());
                    }
                    if nonempty(e.title.as_deref()).is_none() {
                        missing.push("title".into());
                    }
                    if nonempty(e.date.as_deref()).is_none() {
                        missing.push("date".into());
                    }
                    if e.outlet().is_none() {
                        missing.push("publisher".into());
                    }
                }
            }
            SourceAudit {
                id: id.clone(),
                file: entry.map(|s| s.file.clone()),
                state,
                kind: e.and_then(|e| nonempty(Some(&e.kind))),
                title: e.and_then(|e| nonempty(e.title.as_deref())),
                authors: match e.and_then(|e| e.author.as_ref()) {
                    Some(OneOrMany::One(a)) => vec![a.clone()],
                    Some(OneOrMany::Many(v)) => v.clone(),
                    None => Vec::new(),
                },
                date: e.and_then(|e| nonempty(e.date.as_deref())),
                publisher: e.and_then(|e| nonempty(e.outlet())),
                url: e.and_then(|e| nonempty(e.url.as_ref().map(|u| u.value()))),
                archive_url: e.and_then(|e| nonempty(e.archive_url.as_deref())),
                doi: e.and_then(|e| {
                    nonempty(e.doi.as_deref())
                        .or_else(|| nonempty(e.serial_number.get("doi").map(String::as_str)))
                }),
                snapshot: e.and_then(|e| nonempty(e.snapshot.as_ref().map(|s| s.path()))),
                cited_as: e.map(|e| e.cited_as.clone()).unwrap_or_default(),
                notes: e.map(|e| e.notes.clone()).unwrap_or_default(),
                missing,
                cited_by: cited_by.remove(id.as_str()).unwrap_or_default(),
                relied_on_by: relied.remove(id.as_str()).unwrap_or_default(),
                suggested_for: suggested.remove(id.as_str()).unwrap_or_default(),
                findings: notes.source.get(id.as_str()).cloned().unwrap_or_default(),
                review: e.and_then(|e| e.review.clone()),
                demonstration: e.is_some_and(crate::model::SourceEntry::is_demonstration),
                review_stale: e.is_some_and(|e| e.review_is_stale()),
            }
        })
        .collect()
}

fn worklist(findings: &[&Finding], scope: &[InScope], jobs: usize) -> Vec<WorkItem> {
    let slug_by_file: HashMap<&str, &str> = scope
        .iter()
        .map(|a| (a.loaded.file.as_str(), a.slug.as_str()))
        .collect();
    let claims: HashMap<(&str, &str), &Claim> = scope
        .iter()
        .flat_map(|a| {
            a.loaded
                .data
                .claims
                .iter()
                .map(move |c| ((a.loaded.file.as_str(), c.id.as_str()), c))
        })
        .collect();
    let mut items: Vec<WorkItem> = crate::par::map(findings, jobs, |f| WorkItem {
        severity: f.severity,
        rule: f.rule,
        at: Location {
            file: f.file.clone(),
            line: f.line,
            column: f.column,
        },
        article_at: f.related.as_ref().map(|r| Location {
            file: r.file.clone(),
            line: r.line,
            column: r.column,
        }),
        article: slug_by_file.get(f.file.as_str()).map(|s| s.to_string()),
        claim: f.claim.clone(),
        source: f.source.clone(),
        excerpt: f
            .claim
            .as_deref()
            .and_then(|c| claims.get(&(f.file.as_str(), c)))
            .map(|c| excerpt(&c.text, EXCERPT_CHARS)),
        message: f.message.clone(),
        help: f.help.to_string(),
        review: f.review.as_deref().cloned(),
    });
    // Check orders by file and position; keep that within each severity.
    items.sort_by_key(|i| Reverse(i.severity));
    items
}

fn summary(articles: &[ArticleAudit], sources: &[SourceAudit], findings: &[&Finding]) -> Summary {
    let mut claims = ClaimCounts::default();
    for c in articles.iter().flat_map(|a| &a.claims) {
        claims.total += 1;
        match c.kind {
            ClaimKind::Quote => claims.quote += 1,
            ClaimKind::Reported => claims.reported += 1,
            ClaimKind::Assertion => claims.assertion += 1,
        }
    }
    let mut counts = FindingCounts::default();
    let mut by_rule: BTreeMap<(Reverse<Severity>, &str), RuleCount> = BTreeMap::new();
    for f in findings {
        counts.total += 1;
        match f.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Note => counts.notes += 1,
        }
        by_rule
            .entry((Reverse(f.severity), f.rule.code()))
            .or_insert(RuleCount {
                rule: f.rule,
                severity: f.severity,
                count: 0,
            })
            .count += 1;
    }
    counts.by_rule = by_rule.into_values().collect();
    let mut source_counts = SourceCounts::default();
    for s in sources {
        source_counts.total += 1;
        match s.state {
            SourceState::Verified => source_counts.verified += 1,
            SourceState::NoLocator => source_counts.no_locator += 1,
            SourceState::Missing => source_counts.missing += 1,
            SourceState::Unreadable => source_counts.unreadable += 1,
        }
    }
    Summary {
        articles: articles.len(),
        claims,
        references: articles.iter().map(|a| a.references).sum(),
        findings: counts,
        sources: source_counts,
        traced: articles.iter().map(|a| a.traced.clone()).collect(),
    }
}
