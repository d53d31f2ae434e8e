//! `dossier extract`.

use super::diagnostics::{emit, FileProblem};
use super::progress::Progress;
use super::{Context, Exit, Format};
use dossier::article::{Article, LoadError};
use dossier::extract::{extract, Extraction};
use dossier::store::claims::{self, ArticleJson, ExtractJson};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles (or directories of articles) to extract; default: every article in articles/.
    paths: Vec<PathBuf>,
    /// `human` writes claim and source files; `json` prints the extraction and writes nothing.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write nothing; exit 1 if any claim file or source stub is missing or out of date.
    #[arg(long)]
    check: bool,
}

impl ExtractArgs {
    /// Extract exactly these articles, writing claim files (what `dossier add` does next).
    pub fn of(paths: Vec<PathBuf>) -> ExtractArgs {
        ExtractArgs {
            paths,
            format: Format::Human,
            check: false,
        }
    }
}

fn load_problem(e: &LoadError, file: &std::path::Path, shown: &str) -> FileProblem {
    let p = FileProblem::new(e.to_string(), e.help());
    match e.offset() {
        Some(off) => {
            let bytes = std::fs::read(file).unwrap_or_default();
            p.at(shown, String::from_utf8_lossy(&bytes).into_owned(), off)
        }
        None => p,
    }
}

/// One article's outcome: its slug and extraction, or the file that could not be loaded.
type Outcome = Result<(String, Extraction), (PathBuf, String, LoadError)>;

/// Load and extract the articles on `jobs` threads; results keep the input order.
fn extract_all(files: &[(PathBuf, String)], jobs: usize, progress: &Progress) -> Vec<Outcome> {
    dossier::par::map(files, jobs, |(file, record)| {
        let r = match Article::load(file, record) {
            Ok(a) => Ok((a.slug.clone(), extract(&a))),
            Err(e) => Err((file.clone(), record.clone(), e)),
        };
        progress.tick();
        r
    })
}

pub fn run(ctx: &Context, args: ExtractArgs) -> Exit {
    let dossier = match ctx.dossier() {
        Ok(d) => d,
        Err(e) => {
            emit(FileProblem::new(e.to_string(), e.help()));
            return Exit::Error;
        }
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| dossier.root.clone());
    let files = if args.paths.is_empty() {
        dossier.articles()
    } else {
        dossier.resolve_articles(&cwd, &args.paths)
    };
    let files = match files {
        Ok(f) => f,
        Err(e) => {
            emit(FileProblem::new(e.to_string(), e.help()));
            return Exit::Error;
        }
    };
    if files.is_empty() {
        emit(FileProblem::new(
            format!(
                "no articles to extract in {}",
                dossier.articles_dir().display()
            ),
            "put .txt or .md articles into articles/, or name them on the command line",
        ));
        return Exit::Error;
    }
    let listed: Vec<(PathBuf, String)> = files
        .iter()
        .map(|f| (f.clone(), dossier.record_path(f)))
        .collect();
    let mut extractions = Vec::new();
    let mut failed = false;
    let progress = Progress::new(
        "extract",
        Some(listed.len()),
        ctx.quiet,
        args.format == Format::Json,
    );
    let outcomes = extract_all(&listed, ctx.jobs, &progress);
    progress.finish();
    for r in outcomes {
        match r {
            Ok(x) => extractions.push(x),
            Err((file, record, e)) => {
                emit(load_problem(&e, &file, &record));
                failed = true;
            }
        }
    }
    // Two articles with one slug would overwrite each other's claim file.
    let mut slugs = std::collections::BTreeMap::new();
    for (slug, x) in &extractions {
        if let Some(first) = slugs.insert(slug.clone(), x.article.path.clone()) {
            let e = dossier::store::DossierError::DuplicateSlug {
                slug: slug.clone(),
                first,
                second: x.article.path.clone(),
            };
            emit(FileProblem::new(e.to_string(), e.help()));
            return Exit::Error;
        }
    }
    if failed {
        // Never a partial write: one unreadable article stops the whole run.
        return Exit::Error;
    }
    if args.format == Format::Json {
        let doc = ExtractJson {
            articles: extractions
                .iter()
                .map(|(_, x)| ArticleJson {
                    article: &x.article,
                    references: &x.references,
                    claims: &x.claims,
                })
                .collect(),
        };
        // Buffered: stdout is line-buffered, and pretty JSON is many short lines.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = serde_json::to_writer_pretty(&mut out, &doc)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out))
            .and_then(|_| out.flush());
        return match written {
            Ok(()) => Exit::Ok,
            Err(e) => {
                emit(FileProblem::new(
                    format!("cannot write JSON to stdout: {e}"),
                    "check the pipe or file stdout goes to",
                ));
                Exit::Error
            }
        };
    }
    // Writers hold the dossier's lock from reading the claim files (to merge into them) to
    // writing them back, so that a concurrent `dossier review` is never overwritten.
    let _lock = if args.check {
        None
    } else {
        match dossier.lock(super::review::lock_wait()) {
            Ok(l) => Some(l),
            Err(e) => {
                emit(FileProblem::new(e.to_string(), e.help()));
                return Exit::Error;
            }
        }
    };
    let plan = match claims::plan(&dossier, &extractions) {
        Ok(p) => p,
        Err(e) => {
            emit(FileProblem::new(e.to_string(), e.help()));
            return Exit::Error;
        }
    };
    if args.check {
        let pending = claims::pending(&plan);
        if pending.is_empty() {
            if !ctx.quiet {
                eprintln!(
                    "extract --check: {} claim file(s) up to date",
                    extractions.len()
                );
            }
            return Exit::Ok;
        }
        for p in &pending {
            let rel = dossier.record_path(&p.path);
            let what = if p.path.exists() {
                "out of date"
            } else {
                "missing"
            };
            println!("{rel}: {what}");
        }
        eprintln!(
            "extract --check: {} file(s) need `dossier extract`",
            pending.len()
        );
        return Exit::Findings;
    }
    match claims::write(&plan) {
        Ok(w) => {
            if !ctx.quiet {
                let n_claims: usize = extractions.iter().map(|(_, x)| x.claims.len()).sum();
                let n_refs: usize = extractions.iter().map(|(_, x)| x.references.len()).sum();
                eprintln!(
                    "extracted {} article(s): {} claim(s), {} reference(s); {} claim file(s) written, {} unchanged, {} new source stub(s)",
                    extractions.len(),
                    n_claims,
                    n_refs,
                    w.claim_files,
                    w.unchanged,
                    w.new_sources
                );
            }
            Exit::Ok
        }
        Err(e) => {
            emit(FileProblem::new(e.to_string(), e.help()));
            Exit::Error
        }
    }
}
