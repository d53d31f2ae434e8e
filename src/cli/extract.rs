//! `dossier extract`: parses the arguments, runs [`dossier::store::extract_dossier`] and
//! prints what it did.

use super::diagnostics::{emit, FileProblem, Problem};
use super::progress::Progress;
use super::{Context, Exit, Format};
use dossier::article::LoadError;
use dossier::store::claims::ArticleJson;
use dossier::store::extraction::{select_articles, PendingState};
use dossier::store::{extract_dossier, ExtractError, ExtractMode, ExtractOptions, ExtractOutcome};

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
    let p = FileProblem::of(e);
    match e.offset() {
        Some(off) => {
            let bytes =
                dossier::util::fs::read_limited(file, dossier::article::load::MAX_ARTICLE_BYTES)
                    .unwrap_or_default();
            p.at(shown, String::from_utf8_lossy(&bytes).into_owned(), off)
        }
        None => p,
    }
}

/// Show why the run stopped.
fn emit_error(e: &ExtractError) {
    match e {
        ExtractError::Unloadable {
            unloadable,
            duplicate,
        } => {
            for u in unloadable {
                emit(load_problem(&u.error, &u.file, &u.record));
            }
            if let Some(d) = duplicate {
                emit(FileProblem::of(d));
            }
        }
        ExtractError::Lock(e) => emit(FileProblem::of(e)),
        ExtractError::Store(e) => emit(FileProblem::of(e)),
    }
}

pub fn run(ctx: &Context, args: ExtractArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    let cwd = std::env::current_dir().unwrap_or_else(|_| dossier.root.clone());
    let files = select_articles(&dossier, &cwd, &args.paths)?;
    if files.is_empty() {
        emit(FileProblem::new(
            format!(
                "no articles to extract in {}",
                dossier.articles_dir().display()
            ),
            "put .txt or .md articles into articles/, or name them on the command line",
        ));
        return Ok(Exit::Error);
    }
    let json = args.format == Format::Json;
    let opts = ExtractOptions {
        jobs: ctx.jobs,
        mode: if json {
            ExtractMode::ExtractOnly
        } else if args.check {
            ExtractMode::Check
        } else {
            ExtractMode::Write
        },
        lock_wait: super::review::lock_wait(),
    };
    let progress = Progress::new("extract", Some(files.len()), ctx.quiet, json);
    let outcome = extract_dossier(&dossier, &files, &opts, || progress.tick());
    progress.finish();
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => {
            emit_error(&e);
            return Ok(Exit::Error);
        }
    };
    match opts.mode {
        ExtractMode::ExtractOnly => Ok(print_json(&outcome, ctx.jobs)),
        ExtractMode::Check => {
            if outcome.pending.is_empty() {
                if !ctx.quiet {
                    eprintln!(
                        "extract --check: {} claim file(s) up to date",
                        outcome.extractions.len()
                    );
                }
                return Ok(Exit::Ok);
            }
            for p in &outcome.pending {
                let what = match p.state {
                    PendingState::OutOfDate => "out of date",
                    PendingState::Missing => "missing",
                };
                println!(
                    "{}",
                    dossier::report::terminal_safe(&format!("{}: {what}", p.record))
                );
            }
            eprintln!(
                "extract --check: {} file(s) need `dossier extract`",
                outcome.pending.len()
            );
            Ok(Exit::Findings)
        }
        ExtractMode::Write => {
            if let (false, Some(w)) = (ctx.quiet, &outcome.written) {
                eprintln!(
                    "extracted {} article(s): {} claim(s), {} reference(s); {} claim file(s) written, {} unchanged, {} new source stub(s)",
                    outcome.extractions.len(),
                    outcome.claims(),
                    outcome.references(),
                    w.claim_files,
                    w.unchanged,
                    w.new_sources
                );
            }
            Ok(Exit::Ok)
        }
    }
}

/// `--format json`: the extractions on stdout.
fn print_json(outcome: &ExtractOutcome, jobs: usize) -> Exit {
    let articles: Vec<ArticleJson> = outcome
        .extractions
        .iter()
        .map(|(_, x)| ArticleJson {
            article: &x.article,
            references: &x.references,
            claims: &x.claims,
        })
        .collect();
    // Buffered: stdout is line-buffered, and pretty JSON is many short lines.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written =
        dossier::report::write_extract_json(&mut out, &articles, jobs).and_then(|_| out.flush());
    match written {
        Ok(()) => Exit::Ok,
        Err(e) => {
            emit(FileProblem::new(
                format!("cannot write JSON to stdout: {e}"),
                "check the pipe or file stdout goes to",
            ));
            Exit::Error
        }
    }
}
