//! Generate a complete synthetic dossier, for trying `dossier` at scale and for benchmarks.
//!
//! The articles come from the deterministic corpus generator the extraction benchmark uses
//! (`benches/common/mod.rs`): invented news and opinion pieces, plain text and Markdown, with
//! quotations, reported speech, assertions, reference lists and scraped page furniture. The
//! same N and seed always give the same bytes.
//!
//! ```text
//! # 1. write DIR/articles/ (N articles; DIR defaults to target/gen-dossier-N)
//! cargo run --release --example gen-dossier -- 1000
//! # 2. extract: writes DIR/claims/ and a stub DIR/sources/<id>.yaml per cited work
//! cargo run --release -- --root target/gen-dossier-1000 extract
//! # 3. optional: complete ~60% of the source stubs (url, title, date, publisher), and give a
//! #    few of those a snapshot under DIR/sources/snapshots/, as an editor would; a snapshot
//! #    repeats some of the words the articles attribute to that source (now and then with
//! #    one word changed, as a misquotation would be)
//! cargo run --release --example gen-dossier -- 1000 --complete-sources
//! # 4. audit it
//! cargo run --release -- --root target/gen-dossier-1000 check
//! ```
//!
//! Options: `N [DIR] [--seed S] [--scale F] [--complete-sources]`. `--seed` takes a decimal or
//! `0x` hex number; use the same seed for steps 1 and 3. `--scale` multiplies the length of the
//! articles' bodies (default 1.6, about 8 KB and 55 claims an article; the benchmark corpus is
//! 1.0).
//!
//! Step 1 replaces `articles/`, `claims/` and `sources/` in DIR, and so only writes into an
//! empty or missing directory, or one this generator made before (it leaves a `.gen-dossier`
//! marker file). Source stubs are written by `dossier extract`, which never overwrites an
//! existing entry, so completing them is a separate step run after extract: it rewrites the
//! chosen `sources/*.yaml` in place (fine for a generated dossier; never do this to a real one).

#[allow(dead_code)]
#[path = "../benches/common/mod.rs"]
mod common;

use common::Rng;
use dossier::model::source::{SourceEntry, SourceUrl};
use dossier::model::{ClaimFile, ClaimKind};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DEFAULT_SEED: u64 = 0x00D0_5513_2025_0001;
const DEFAULT_SCALE: f64 = 1.6;
const MARKER: &str = ".gen-dossier";
/// Share of source entries `--complete-sources` fills in.
const COMPLETE_SHARE: f64 = 0.6;
/// Share of the completed entries that also get a snapshot.
const SNAPSHOT_SHARE: f64 = 0.1;
/// The same for entries that some quotation or reported statement is linked to.
const SNAPSHOT_SHARE_QUOTED: f64 = 0.5;
/// How many of the words attributed to a source its snapshot repeats.
const SNAPSHOT_QUOTES: usize = 2;
/// Share of repeated words that the snapshot gives with one word changed, as when an article
/// misquotes its source.
const MISQUOTE_SHARE: f64 = 0.2;
/// How many sentences a snapshot's body has.
const SNAPSHOT_SENTENCES: usize = 4;

const PUBLISHERS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "BBC",
    "The Guardian",
    "Port Ellery Gazette",
    "Lindmoor Courier",
    "Centre for Civic Data",
    "National Audit Office",
];
const SECTIONS: &[&str] = &["news", "local", "politics", "business", "region", "reports"];

struct Options {
    n: usize,
    dir: PathBuf,
    seed: u64,
    scale: f64,
    complete_sources: bool,
}

const USAGE: &str = "usage: gen-dossier N [DIR] [--seed S] [--scale F] [--complete-sources]";

fn parse_u64(s: &str) -> Option<u64> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16).ok(),
        None => s.replace('_', "").parse().ok(),
    }
}

fn parse_args() -> Result<Options, String> {
    let mut n = None;
    let mut dir = None;
    let mut seed = DEFAULT_SEED;
    let mut scale = DEFAULT_SCALE;
    let mut complete_sources = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => {
                let v = args.next().ok_or("--seed needs a value")?;
                seed = parse_u64(&v).ok_or(format!("--seed: not a number: {v}"))?;
            }
            "--scale" => {
                let v = args.next().ok_or("--scale needs a value")?;
                scale = v
                    .parse()
                    .ok()
                    .filter(|x: &f64| *x > 0.0 && x.is_finite())
                    .ok_or(format!("--scale: not a positive number: {v}"))?;
            }
            "--complete-sources" => complete_sources = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s if n.is_none() => {
                let v: usize = s
                    .parse()
                    .map_err(|_| format!("N must be a number of articles, got {s:?}"))?;
                n = Some(v);
            }
            s if dir.is_none() => dir = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s:?}\n{USAGE}")),
        }
    }
    let n = n.ok_or(USAGE)?;
    let dir = dir.unwrap_or_else(|| PathBuf::from(format!("target/gen-dossier-{n}")));
    Ok(Options {
        n,
        dir,
        seed,
        scale,
        complete_sources,
    })
}

fn io<T>(what: &Path, r: std::io::Result<T>) -> Result<T, String> {
    r.map_err(|e| format!("{}: {e}", what.display()))
}

/// Write N articles into `dir/articles/`, clearing what an earlier run left.
fn generate(opts: &Options) -> Result<(), String> {
    let dir = &opts.dir;
    if dir.exists() {
        let empty = io(dir, fs::read_dir(dir))?.next().is_none();
        if !empty && !dir.join(MARKER).exists() {
            return Err(format!(
                "{}: not empty and not made by gen-dossier; refusing to overwrite it",
                dir.display()
            ));
        }
        for sub in ["articles", "claims", "sources", "schemas"] {
            let p = dir.join(sub);
            if p.exists() {
                io(&p, fs::remove_dir_all(&p))?;
            }
        }
    }
    let articles = dir.join("articles");
    io(&articles, fs::create_dir_all(&articles))?;
    io(
        dir,
        fs::write(
            dir.join(MARKER),
            format!(
                "n = {}\nseed = {:#x}\nscale = {}\n",
                opts.n, opts.seed, opts.scale
            ),
        ),
    )?;
    let (mut bytes, mut md) = (0, 0);
    for i in 0..opts.n {
        let doc = common::article_scaled(opts.seed, i, opts.scale);
        let name = Path::new(&doc.path)
            .file_name()
            .expect("generated paths have a file name")
            .to_string_lossy()
            .replacen("bench-", "gen-", 1);
        if name.ends_with(".md") {
            md += 1;
        }
        bytes += doc.text.len();
        let p = articles.join(name);
        io(&p, fs::write(&p, &doc.text))?;
    }
    eprintln!(
        "wrote {} articles ({md} Markdown, {} plain text, {:.1} MB) to {}",
        opts.n,
        opts.n - md,
        bytes as f64 / 1e6,
        articles.display()
    );
    eprintln!(
        "next: dossier --root {} extract   (then, optionally, this example again with --complete-sources)",
        dir.display()
    );
    Ok(())
}

/// FNV-1a, to turn a source id into a seed independent of directory order.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A title for an entry that has none, from the words of its id after the year.
fn title_from_id(id: &str, publisher: &str, year: i64) -> String {
    let words: Vec<&str> = id.split('-').collect();
    let after_year = words
        .iter()
        .position(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .map(|i| &words[i + 1..])
        .unwrap_or(&[]);
    if after_year.len() >= 2 {
        cap(&after_year.join(" "))
    } else {
        format!("{publisher}: coverage and figures, {year}")
    }
}

/// Fill in one entry. Returns the snapshot text to write, if this entry gets one.
///
/// Every random draw is made whatever the entry holds, so that running this twice gives the
/// same files. A date the stub has is kept (so that completion does not make sources
/// postdate the articles citing them); a missing one becomes a day in 2015, before every
/// generated article.
fn complete(id: &str, e: &mut SourceEntry, quoted: &[String], rng: &mut Rng) -> Option<String> {
    let (m, d) = (rng.range(1, 12), rng.range(1, 28));
    let year = e.year().map_or(2015, i64::from);
    if e.date.as_deref().is_none_or(|d| d.trim().is_empty()) {
        e.date = Some(format!("{year}-{m:02}-{d:02}"));
    }
    let drawn = *rng.pick(PUBLISHERS);
    let publisher = match e.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => p.to_string(),
        None => drawn.to_string(),
    };
    let title = match e.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => t.to_string(),
        None => title_from_id(id, &publisher, year),
    };
    let host = match slug(publisher.trim_start_matches("The ")).as_str() {
        "" => "www.example.org".to_string(),
        s => format!("www.{}.example", s.replace('-', "")),
    };
    let path: Vec<String> = slug(&title).split('-').take(8).map(String::from).collect();
    let url = format!(
        "https://{host}/{}/{year}/{m:02}/{d:02}/{}-{}",
        rng.pick(SECTIONS),
        path.join("-"),
        rng.range(1000, 99999)
    );
    let dated = rng.chance(0.5);
    let accessed = format!(
        "{}-{:02}-{:02}",
        year + rng.range(1, 3),
        rng.range(1, 12),
        rng.range(1, 28)
    );
    e.url = Some(if dated {
        SourceUrl::Dated {
            value: url,
            date: Some(accessed),
        }
    } else {
        SourceUrl::Plain(url)
    });
    e.publisher = Some(publisher.clone());
    e.title = Some(title.clone());
    let share = if quoted.is_empty() {
        SNAPSHOT_SHARE
    } else {
        SNAPSHOT_SHARE_QUOTED
    };
    if !rng.chance(share) {
        return None;
    }
    e.snapshot = Some(dossier::model::Snapshot::Path(format!(
        "sources/snapshots/{id}.txt"
    )));
    let date = e.date.clone().unwrap_or_default();
    let mut text = format!("{title}\n\n{publisher}, {date}\n\n");
    let mut body = vec![
        "The figures in this report were compiled from council minutes and public filings.",
        "Officials declined to comment on the revised cost estimates before publication.",
        "Several residents said they had not been told about the consultation in advance.",
        "The review found that earlier projections had not accounted for rising prices.",
        "A spokesperson said the full data would be released later in the year.",
        "The committee is expected to consider the findings at its next meeting.",
    ];
    rng.shuffle(&mut body);
    body.truncate(SNAPSHOT_SENTENCES);
    text.push_str(&body.join(" "));
    for words in quoted.iter().take(SNAPSHOT_QUOTES) {
        let misquote = rng.chance(MISQUOTE_SHARE);
        let words = if misquote {
            change_a_word(words)
        } else {
            words.clone()
        };
        text.push_str(&format!("\n\nThe statement read: \u{201c}{words}\u{201d}"));
    }
    text.push_str("\n\n(Local copy kept by the dossier editors; generated text.)\n");
    Some(text)
}

/// The words of a quotation or reported statement, without surrounding quotation marks, on
/// one line.
fn spoken_words(text: &str) -> String {
    const MARKS: &[char] = &[
        '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', ' ',
    ];
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(MARKS)
        .to_string()
}

/// The words with their longest word replaced, so that a quote check has something to find.
fn change_a_word(words: &str) -> String {
    let longest = words
        .split(' ')
        .enumerate()
        .max_by_key(|(i, w)| {
            (
                w.chars().filter(|c| c.is_alphabetic()).count(),
                usize::MAX - i,
            )
        })
        .map(|(i, _)| i);
    words
        .split(' ')
        .enumerate()
        .map(|(i, w)| if Some(i) == longest { "[changed]" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// For every source id, the words of the quotations and reported statements linked to it (in
/// claim-file order), read from the claim files `dossier extract` wrote.
fn quoted_by_source(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let claims = dir.join("claims");
    let mut files: Vec<PathBuf> = io(&claims, fs::read_dir(&claims))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in files {
        let text = io(&path, fs::read_to_string(&path))?;
        let file: ClaimFile = dossier::store::yaml::from_str(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.message))?;
        for (claim, links) in file.claims.iter().zip(dossier::link::link_claims(&file)) {
            if !matches!(claim.kind, ClaimKind::Quote | ClaimKind::Reported) {
                continue;
            }
            let words = spoken_words(&claim.text);
            if words.split(' ').count() < 4 {
                continue;
            }
            for link in links.iter().filter(|l| l.confirmed()) {
                let list = out.entry(link.source.clone()).or_default();
                if !list.contains(&words) {
                    list.push(words.clone());
                }
            }
        }
    }
    Ok(out)
}

/// Rewrite a deterministic ~60% of `dir/sources/*.yaml` with a URL, title, date and publisher.
fn complete_sources(opts: &Options) -> Result<(), String> {
    let sources = opts.dir.join("sources");
    if !sources.is_dir() {
        return Err(format!(
            "{}: no sources/ yet: run `dossier --root {} extract` first",
            sources.display(),
            opts.dir.display()
        ));
    }
    let mut files: Vec<PathBuf> = io(&sources, fs::read_dir(&sources))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let snapshots = sources.join("snapshots");
    let quoted = quoted_by_source(&opts.dir)?;
    let (mut done, mut snaps) = (0, 0);
    for path in &files {
        let id = path
            .file_stem()
            .expect("yaml files have a stem")
            .to_string_lossy()
            .into_owned();
        let mut rng = Rng::new(opts.seed ^ fnv1a(&id));
        rng.next_u64();
        if !rng.chance(COMPLETE_SHARE) {
            continue;
        }
        let text = io(path, fs::read_to_string(path))?;
        let mut entry: SourceEntry = dossier::store::yaml::from_str(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.message))?;
        let words = quoted.get(&id).map_or(&[][..], Vec::as_slice);
        if let Some(snapshot) = complete(&id, &mut entry, words, &mut rng) {
            io(&snapshots, fs::create_dir_all(&snapshots))?;
            let p = snapshots.join(format!("{id}.txt"));
            io(&p, fs::write(&p, snapshot))?;
            snaps += 1;
        }
        let out = dossier::store::yaml::to_string(&entry, Some("../schemas/source.schema.json"))
            .map_err(|e| format!("{}: {}", path.display(), e.message))?;
        io(path, fs::write(path, out))?;
        done += 1;
    }
    eprintln!(
        "completed {done} of {} source entries ({snaps} with a snapshot) in {}",
        files.len(),
        sources.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|opts| {
        if opts.complete_sources {
            complete_sources(&opts)
        } else {
            generate(&opts)
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-dossier: {e}");
            ExitCode::FAILURE
        }
    }
}
