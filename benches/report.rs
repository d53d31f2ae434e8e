//! Report rendering benchmark.
//!
//! Builds an in-memory dossier of 1,000 synthetic articles with 40 claims each (quotes,
//! reported speech and assertions; numbered references, inline mentions; source entries with
//! and without locators, some missing), runs `check` on it, builds the audit, and times, best
//! of 3 runs each: building the audit, and rendering it as Markdown, HTML and JSON. It prints
//! seconds, MB of output and MB/s for each. MB = 10^6 bytes.
//!
//! Run:
//!
//! ```text
//! cargo bench --bench report
//! DOSSIER_BENCH_ARTICLES=200 cargo bench --bench report   # a smaller dossier
//! ```
//!
//! Under `cargo test --benches` (no `--bench` argument) it runs once on 20 articles as a
//! smoke test.

use dossier::check::{check, Config};
use dossier::model::source::SourceUrl;
use dossier::model::{ArticleRecord, Claim, ClaimFile, ClaimKind, Reference, SourceEntry};
use dossier::report::audit::{self, Filter};
use dossier::report::{render_html, render_markdown};
use dossier::store::load::{LoadedClaims, LoadedDossier, LoadedSource};
use std::hint::black_box;
use std::time::{Duration, Instant};

const DEFAULT_ARTICLES: usize = 1000;
const SMOKE_ARTICLES: usize = 20;
const CLAIMS: usize = 40;
const REFERENCES: usize = 6;
const RUNS: usize = 3;

const SPEAKERS: &[(&str, Option<&str>)] = &[
    ("Maria Costa", Some("union leader")),
    ("Paul Dube", Some("Finance director")),
    ("Lena Hart", Some("Mayor")),
    ("a senior official", None),
    ("Sergey Lavrov", Some("Russian Foreign Minister")),
];

const WORDS: &[&str] = &[
    "council",
    "budget",
    "harbour",
    "strike",
    "reserves",
    "shortfall",
    "tariffs",
    "ceasefire",
    "energy",
    "exports",
    "library",
    "hours",
    "cargo",
    "ships",
    "delayed",
    "pay",
    "offer",
    "vote",
    "election",
    "sanctions",
    "treaty",
    "agreement",
    "percent",
    "million",
    "week",
];

/// A deterministic sentence of `n` words, varied by `seed`.
fn sentence(seed: usize, n: usize) -> String {
    let mut s: Vec<&str> = (0..n)
        .map(|i| WORDS[(seed.wrapping_mul(31) + i * 7 + i * i) % WORDS.len()])
        .collect();
    s[0] = "The";
    format!("{} in {}.", s.join(" "), 2000 + seed % 25)
}

fn source_id(article: usize, r: usize) -> String {
    // Outlets are shared between articles, so sources are cited many times.
    format!(
        "outlet-{}-{}-report-{}",
        r,
        2020 + article % 5,
        article % 50
    )
}

fn claim_file(a: usize) -> ClaimFile {
    let references: Vec<Reference> = (0..REFERENCES)
        .map(|r| Reference {
            id: format!("ref-{}", r + 1),
            raw: format!("Outlet {r}. ({}). “{}”", 2020 + a % 5, sentence(a + r, 5)),
            number: Some(r as u32 + 1),
            author: None,
            outlet: Some(format!("Outlet {r}")),
            year: Some(2020 + (a % 5) as i32),
            title: Some(sentence(a + r, 5)),
            description: None,
            url: None,
            doi: None,
            accessed: None,
            inline: false,
            cue: None,
            same_as: None,
            source: Some(source_id(a, r)),
            line: 200 + r,
            column: 1,
            start: 0,
            end: 0,
            corrections: Vec::new(),
            extracted: None,
        })
        .collect();
    let claims: Vec<Claim> = (0..CLAIMS)
        .map(|c| {
            let kind = [ClaimKind::Quote, ClaimKind::Reported, ClaimKind::Assertion][c % 3];
            let (speaker, role) = SPEAKERS[(a + c) % SPEAKERS.len()];
            let attributed = kind != ClaimKind::Assertion;
            Claim {
                id: format!("{}-{a:04x}{c:04x}", kind.id_prefix()),
                kind,
                text: sentence(a * CLAIMS + c, 12 + c % 20),
                speaker: attributed.then(|| speaker.to_string()),
                role: role.filter(|_| attributed).map(str::to_string),
                cue: attributed.then(|| "said".to_string()),
                venue: (c % 7 == 0).then(|| "Outlet 2".to_string()),
                reasons: Vec::new(),
                flags: Vec::new(),
                line: 5 + c * 2,
                column: 1,
                start: 0,
                end: 0,
                prefix: String::new(),
                suffix: String::new(),
                cites: if c % 3 == 0 {
                    vec![format!("ref-{}", 1 + c % REFERENCES)]
                } else {
                    Vec::new()
                },
                review: None,
                notes: Vec::new(),
                links: Vec::new(),
                manual: false,
                vanished: false,
                corrections: Vec::new(),
                extracted: None,
            }
        })
        .collect();
    ClaimFile {
        version: 1,
        article: ArticleRecord {
            path: format!("articles/article-{a:04}.txt"),
            fingerprint: "sha256:0".into(),
            title: Some(format!("Article {a}: {}", sentence(a, 6))),
            author: (!a.is_multiple_of(4)).then(|| "Ana Ruiz".to_string()),
            date: Some(format!("2025-{:02}-{:02}", 1 + a % 12, 1 + a % 28)),
            outlet: (!a.is_multiple_of(5)).then(|| "The Harbour Gazette".to_string()),
            missing: Vec::new(),
        },
        references,
        claims,
    }
}

fn source_entry(id: &str, k: usize) -> SourceEntry {
    SourceEntry {
        kind: "article".into(),
        title: (!k.is_multiple_of(4)).then(|| format!("Report {k}")),
        date: Some(format!("{}", 2020 + k % 5)),
        url: k
            .is_multiple_of(3)
            .then(|| SourceUrl::Plain(format!("https://example.org/{id}"))),
        publisher: Some(format!("Outlet {}", k % 6)),
        cited_as: vec![format!("Outlet {}. ({})", k % 6, 2020 + k % 5)],
        ..SourceEntry::default()
    }
}

/// The synthetic dossier, as `load` would return it.
fn dossier(articles: usize) -> LoadedDossier {
    let mut d = LoadedDossier::default();
    for a in 0..articles {
        d.claims.push(LoadedClaims {
            file: format!("claims/article-{a:04}.yaml"),
            text: String::new(),
            data: claim_file(a),
            article_keys: Default::default(),
            reference_keys: Vec::new(),
            claim_keys: Vec::new(),
            slim: false,
        });
    }
    let ids: std::collections::BTreeSet<String> = d
        .claims
        .iter()
        .flat_map(|c| c.data.references.iter().filter_map(|r| r.source.clone()))
        .collect();
    for (k, id) in ids.into_iter().enumerate() {
        // Every tenth cited source has no entry: a `missing` source.
        if k % 10 == 9 {
            continue;
        }
        d.sources.insert(
            id.clone(),
            LoadedSource {
                file: format!("sources/{id}.yaml"),
                data: source_entry(&id, k),
                id,
                text: String::new(),
                keys: Default::default(),
            },
        );
    }
    d
}

/// Best of `runs`: the shortest time and the last result.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(black_box(r));
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let articles = std::env::var("DOSSIER_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching {
            DEFAULT_ARTICLES
        } else {
            SMOKE_ARTICLES
        });
    let runs = if benching { RUNS } else { 1 };

    let t = Instant::now();
    let d = dossier(articles);
    let result = check(&d, &Config::default());
    let setup = t.elapsed();
    println!("dossier report benchmark (best of {runs})");
    println!(
        "dossier: {} articles, {} claims, {} sources, {} findings (built and checked in {:.3} s)",
        result.summary.articles,
        result.summary.claims,
        result.summary.sources,
        result.findings.len(),
        setup.as_secs_f64()
    );

    let (t_build, audit) = best(runs, || {
        audit::build(
            &d,
            &result,
            &Filter::default(),
            dossier::par::default_jobs(),
        )
        .expect("no filter, no error")
    });
    println!("build audit:      {:8.3} s", t_build.as_secs_f64());
    let mut rows = Vec::new();
    for (name, render) in [
        ("markdown", render_markdown as fn(&audit::Audit) -> String),
        ("html", render_html),
        ("json", |a: &audit::Audit| a.to_json()),
    ] {
        let (t, out) = best(runs, || render(&audit));
        let mb = out.len() as f64 / 1e6;
        rows.push((name, t, mb));
        println!(
            "render {name:<9} {:8.3} s  {:8.2} MB  {:8.1} MB/s",
            t.as_secs_f64(),
            mb,
            mb / t.as_secs_f64().max(1e-9)
        );
    }
    assert!(rows.iter().all(|(_, _, mb)| *mb > 0.0));
}
