//! Extraction throughput benchmark.
//!
//! Generates a deterministic synthetic corpus of invented news articles (plain text and
//! Markdown, 64 MB by default; see `common/mod.rs`) and measures, best of 3 runs each:
//!
//! 1. the floor: one pass over the same bytes (UTF-8 validation and a newline count);
//! 2. `Article::from_text` + `extract` over every article on one thread;
//! 3. the same split into chunks over all cores with `std::thread::scope`.
//!
//! It prints the corpus size, the claims and references found, seconds and MB/s for each
//! measurement, and how many times slower than the floor extraction is. MB = 10^6 bytes.
//!
//! Run:
//!
//! ```text
//! cargo bench --bench extract
//! DOSSIER_BENCH_MB=4 cargo bench --bench extract   # quick run on a 4 MB corpus
//! ```
//!
//! Under `cargo test --benches` (no `--bench` argument) it runs once on a tiny corpus as a
//! smoke test.

mod common;

use common::Doc;
use dossier::article::Article;
use dossier::extract::extract;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: u64 = 0x00D0_5513_2025_0001;
const DEFAULT_MB: f64 = 64.0;
const SMOKE_MB: f64 = 0.25;
const RUNS: usize = 3;

/// What extraction found, to check every run does the same work.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Found {
    claims: usize,
    references: usize,
}

impl Found {
    fn add(self, other: Found) -> Found {
        Found {
            claims: self.claims + other.claims,
            references: self.references + other.references,
        }
    }
}

fn extract_one(doc: &Doc, text: String) -> Found {
    let article = Article::from_text(&doc.path, text, doc.format);
    let x = extract(&article);
    let found = Found {
        claims: x.claims.len(),
        references: x.references.len(),
    };
    black_box(x);
    found
}

/// The floor: validate and scan every byte once.
fn floor(docs: &[Doc]) -> (Duration, usize) {
    let start = Instant::now();
    let mut lines = 0;
    for doc in docs {
        let s = std::str::from_utf8(black_box(doc.text.as_bytes())).expect("valid UTF-8");
        lines += s.bytes().filter(|&b| b == b'\n').count();
    }
    (start.elapsed(), black_box(lines))
}

/// The articles' texts as owned strings, made before the clock starts (`from_text` takes one).
fn owned(docs: &[Doc]) -> Vec<String> {
    docs.iter().map(|d| d.text.clone()).collect()
}

fn single(docs: &[Doc]) -> (Duration, Found) {
    let texts = owned(docs);
    let start = Instant::now();
    let mut found = Found::default();
    for (doc, text) in docs.iter().zip(texts) {
        found = found.add(extract_one(doc, text));
    }
    (start.elapsed(), found)
}

fn parallel(docs: &[Doc], threads: usize) -> (Duration, Found) {
    let mut texts = owned(docs);
    let chunk = docs.len().div_ceil(threads).max(1);
    let start = Instant::now();
    let found = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .zip(texts.chunks_mut(chunk))
            .map(|(docs, texts)| {
                s.spawn(move || {
                    let mut found = Found::default();
                    for (doc, text) in docs.iter().zip(texts.iter_mut()) {
                        found = found.add(extract_one(doc, std::mem::take(text)));
                    }
                    found
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("benchmark thread panicked"))
            .fold(Found::default(), Found::add)
    });
    (start.elapsed(), found)
}

/// Best (shortest) time of `runs` runs, and the result of the last one.
fn best<T>(runs: usize, mut f: impl FnMut() -> (Duration, T)) -> (Duration, T) {
    let (mut t, mut out) = f();
    for _ in 1..runs {
        let (t2, out2) = f();
        t = t.min(t2);
        out = out2;
    }
    (t, out)
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let mb = match std::env::var("DOSSIER_BENCH_MB") {
        Ok(v) => match v.trim().parse::<f64>() {
            Ok(x) if x > 0.0 => x,
            _ => panic!("DOSSIER_BENCH_MB must be a positive number of MB, got {v:?}"),
        },
        Err(_) if benching => DEFAULT_MB,
        Err(_) => SMOKE_MB,
    };
    let runs = if benching { RUNS } else { 1 };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());

    let t = Instant::now();
    let docs = common::generate((mb * 1e6) as usize, SEED);
    let gen = t.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let markdown = docs.iter().filter(|d| d.path.ends_with(".md")).count();
    let size = bytes as f64 / 1e6;
    eprintln!(
        "generated {size:.1} MB in {} articles ({:.2} s); measuring, best of {runs}...",
        docs.len(),
        gen.as_secs_f64()
    );

    let (t_floor, _) = best(runs, || floor(&docs));
    let (t_single, found) = best(runs, || single(&docs));
    let (t_par, found_par) = best(runs, || parallel(&docs, threads));
    assert_eq!(found, found_par, "parallel run found different results");

    let secs = |t: Duration| t.as_secs_f64().max(1e-9);
    let row = |name: &str, t: Duration| {
        println!(
            "{name:<34} {:>9.3} {:>10.1} {:>9.0}x",
            secs(t),
            size / secs(t),
            secs(t) / secs(t_floor)
        );
    };
    println!();
    println!("dossier extract benchmark ({threads} cores, seed {SEED:#x}, best of {runs})");
    println!(
        "corpus: {size:.1} MB, {} articles ({} Markdown, {} plain text)",
        docs.len(),
        markdown,
        docs.len() - markdown
    );
    println!(
        "found:  {} claims, {} references",
        found.claims, found.references
    );
    println!();
    println!(
        "{:<34} {:>9} {:>10} {:>10}",
        "measurement", "seconds", "MB/s", "vs floor"
    );
    row("floor (UTF-8 check + newlines)", t_floor);
    row("from_text + extract, 1 thread", t_single);
    row(&format!("from_text + extract, {threads} threads"), t_par);
}
