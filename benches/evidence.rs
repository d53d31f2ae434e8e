//! Quote verification benchmark: 10,000 quotes against snapshots of 100 MB and 200 MB.
//!
//! Snapshots are 1 MB files of the synthetic news prose of `benches/common` (deterministic:
//! file `i` is generated from seed `i`); generating them is not timed. The quotes, spread
//! evenly over the files, are 40 % verbatim passages (a fifth of them with an omission
//! marked `…`), 30 % passages with one word changed and 30 % shuffled words that are nowhere.
//! For each size, a child process (so that peak memory is its own) runs
//! `dossier::evidence::search` over every file with that file's quotes, and prints the time
//! spent searching, MB/s, the peak resident memory of the process (VmHWM, Linux) and the
//! verdict counts, which must match the mix. MB = 10^6 bytes.
//!
//! Run:
//!
//! ```text
//! cargo bench --bench evidence                 # 100 MB and 200 MB
//! DOSSIER_BENCH_MB="20 40" cargo bench --bench evidence
//! DOSSIER_BENCH_ONE=2 DOSSIER_BENCH_DEBUG=1 cargo bench --bench evidence  # every verdict, and
//!                                                        # each one that differs from the mix
//! ```
//!
//! Under `cargo test --benches` (no `--bench` argument) it runs once on 2 MB as a smoke test.

// Only the prose generator is used here.
#[allow(dead_code)]
mod common;

use dossier::evidence::normalize::words;
use dossier::evidence::{search, Mode, Outcome};
use std::time::{Duration, Instant};

const QUOTES: usize = 10_000;
const FILE_BYTES: usize = 1_000_000;

fn snapshot(i: usize) -> String {
    let mut text = String::with_capacity(FILE_BYTES + 20_000);
    for d in common::generate(FILE_BYTES, 1000 + i as u64) {
        text.push_str(&d.text);
        text.push_str("\n\n");
    }
    text
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Verbatim,
    Omission,
    Altered,
    Absent,
}

fn quotes(text: &str, n: usize, rng: &mut common::Rng) -> Vec<(String, Kind)> {
    let ws = words(text);
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let len = 12 + rng.below(14);
        let at = rng.below(ws.len() - len - 1);
        let span = &ws[at..at + len];
        let raw = |a: usize, b: usize| text[span[a].start..span[b].end].to_string();
        let kind = match k % 10 {
            0..=2 => Kind::Verbatim,
            3 => Kind::Omission,
            4..=6 => Kind::Altered,
            _ => Kind::Absent,
        };
        let q = match kind {
            Kind::Verbatim => raw(0, len - 1),
            Kind::Omission => format!("{} … {}", raw(0, 4), raw(len - 5, len - 1)),
            Kind::Altered => {
                let m = len / 2;
                format!("{} zeppelin {}", raw(0, m - 1), raw(m + 1, len - 1))
            }
            Kind::Absent => {
                let mut picked: Vec<&str> = (0..len)
                    .map(|_| ws[rng.below(ws.len())].norm.as_str())
                    .collect();
                rng.shuffle(&mut picked);
                picked.join(" ")
            }
        };
        out.push((q, kind));
    }
    out
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

/// Run one size in this process; returns a line of results.
fn one(mb: usize) -> String {
    let files = mb.max(1);
    let per_file = QUOTES.div_ceil(files);
    let mut rng = common::Rng::new(42);
    let mut searched = Duration::ZERO;
    let mut bytes = 0usize;
    let mut n = 0usize;
    // verified, altered, not found; and mismatches with the intended kind
    let (mut ver, mut alt, mut nf, mut wrong) = (0, 0, 0, 0);
    for i in 0..files {
        let text = snapshot(i);
        bytes += text.len();
        let take = per_file.min(QUOTES - n);
        let qs = quotes(&text, take, &mut rng);
        n += qs.len();
        let asks: Vec<(&str, Mode)> = qs.iter().map(|(q, _)| (q.as_str(), Mode::Quote)).collect();
        let t = Instant::now();
        let out = search(&text, &asks);
        searched += t.elapsed();
        for ((q, kind), o) in qs.iter().zip(&out) {
            match o {
                Outcome::Verified(_) => {
                    ver += 1;
                    wrong += usize::from(!matches!(kind, Kind::Verbatim | Kind::Omission));
                }
                Outcome::Altered { .. } => {
                    alt += 1;
                    wrong += usize::from(*kind != Kind::Altered);
                }
                _ => {
                    nf += 1;
                    wrong += usize::from(*kind != Kind::Absent);
                }
            }
            if std::env::var_os("DOSSIER_BENCH_DEBUG").is_some() {
                let got = match o {
                    Outcome::Verified(_) => "verified",
                    Outcome::Altered { .. } => "altered",
                    _ => "not-found",
                };
                eprintln!("{kind:?}\t{got}");
                let expected = match kind {
                    Kind::Verbatim | Kind::Omission => "verified",
                    Kind::Altered => "altered",
                    Kind::Absent => "not-found",
                };
                if got != expected {
                    eprintln!("MISMATCH {kind:?} -> {got}: {q:?}\n  {o:?}");
                }
            }
        }
    }
    let secs = searched.as_secs_f64();
    format!(
        "{:>6.1} MB  {:>6} quotes  search {:>7.2} s  {:>6.1} MB/s  peak RSS {:>7.1} MB  verified {ver} altered {alt} not-found {nf} (unexpected {wrong})",
        bytes as f64 / 1e6,
        n,
        secs,
        bytes as f64 / 1e6 / secs,
        peak_rss_mb().unwrap_or(f64::NAN),
    )
}

fn main() {
    if let Ok(mb) = std::env::var("DOSSIER_BENCH_ONE") {
        println!("{}", one(mb.parse().unwrap_or(1)));
        return;
    }
    let benching = std::env::args().any(|a| a == "--bench");
    if !benching {
        println!("evidence smoke test: {}", one(2));
        return;
    }
    let sizes: Vec<usize> = std::env::var("DOSSIER_BENCH_MB")
        .unwrap_or_else(|_| "100 200".into())
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    let exe = std::env::current_exe().expect("the bench's own path");
    for mb in sizes {
        let out = std::process::Command::new(&exe)
            .env("DOSSIER_BENCH_ONE", mb.to_string())
            .output()
            .expect("run one size");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
    }
}
