//! Argument parsing and dispatch to the subcommands.

mod check;
mod diagnostics;
mod exit;
mod extract;
mod factchecks;
mod fetch;
mod progress;
mod report;
// Editors' desk (issue 5).
mod correct;
mod link;
mod review;
// Getting started and the interactive review (issue 5, items 2 and 6).
mod add;
mod docs;
mod init;
// CI integration (issue 15, item 7).
mod explain;
mod review_tui;

pub use exit::Exit;

use clap::{Parser, Subcommand, ValueEnum};
use dossier::util::Advice;
use std::path::PathBuf;

/// Audit the sourcing of opinion and news writing.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// The dossier's root directory (default: found from the working directory upward).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Print nothing but errors and requested output.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Threads for reading and extracting files, 1 to 1024 (default: every core). Output does
    /// not depend on it.
    #[arg(long, short, global = true, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_JOBS))]
    jobs: Option<usize>,
    /// Parse every claim file and source entry again instead of reusing what
    /// `.dossier/cache/` kept from earlier runs (the output is the same either way).
    #[arg(long, global = true)]
    no_cache: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract quotes, reported speech, assertions and references from articles into
    /// claims/<slug>.yaml, and write a stub sources/<id>.yaml for every cited work.
    Extract(extract::ExtractArgs),
    /// Link every claim to its sources and report what cannot be traced. Exit 1 when a
    /// finding reaches the failure level.
    Check(check::CheckArgs),
    /// Write the editor's audit: a summary with each article's traced share, a worklist of
    /// open findings (most severe first), every claim by article and every source. Markdown,
    /// HTML or JSON; exit 0 whenever the report is written.
    Report(report::ReportArgs),
    // Editors' desk (issue 5).
    /// Record an editor's verdict on a claim or source entry (`--verdict`), or list the review
    /// queue (`--list`). Verdicts resolve, downgrade or raise the findings `check` reports.
    Review(review::ReviewArgs),
    /// Correct a field extract got wrong (a claim's speaker, role, cue, venue or kind; a
    /// reference's outlet, year, title or url). Every later extract keeps the editor's value.
    Correct(correct::CorrectArgs),
    /// Confirm a source entry as a source of a claim, by hand (a `manual` link).
    Link(link::LinkArgs),
    /// Reject a source entry as a source of a claim: no longer suggested, no longer counted.
    Unlink(link::LinkArgs),
    /// Fetch each source's URL (network, opt-in) into a snapshot under sources/snapshots/,
    /// recording status, final URL, time and hash in the entry. Exit 1 when any could not
    /// be fetched.
    Fetch(fetch::FetchArgs),
    /// Import published fact-checks (ClaimReview JSON-LD) that `check` matches claims
    /// against (`previously-fact-checked`), and confirm or reject those matches.
    Factchecks(factchecks::FactchecksArgs),
    // Getting started (issue 5, item 6).
    /// Create an empty dossier: articles/, claims/, sources/ and a commented dossier.toml.
    /// Refuses a directory that already has a dossier.toml.
    Init(init::InitArgs),
    /// Copy article files into articles/ under a readable name taken from the title (never
    /// overwriting), then extract them.
    Add(add::AddArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions(docs::CompletionsArgs),
    /// Print the manual page (roff) to stdout, or write every page into a directory.
    Man(docs::ManArgs),
    /// Explain a check rule: what it flags, its default severity, how to fix it, an example.
    /// Without a rule, list every rule.
    Explain(explain::ExplainArgs),
}

/// Output formats shared by the subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Write files and print a human summary.
    Human,
    /// Print JSON to stdout instead of writing files.
    Json,
}

pub fn run() -> Exit {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                Exit::Error
            } else {
                Exit::Ok
            };
            let _ = e.print();
            return code;
        }
    };
    let ctx = Context {
        root: cli.root,
        quiet: cli.quiet,
        jobs: cli.jobs.unwrap_or_else(dossier::par::default_jobs),
        cache: !cli.no_cache,
    };
    let ran = match cli.command {
        Command::Extract(args) => extract::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Review(args) => review::run(&ctx, args),
        Command::Correct(args) => correct::run(&ctx, args),
        Command::Link(args) => link::run(&ctx, args, true),
        Command::Unlink(args) => link::run(&ctx, args, false),
        Command::Fetch(args) => fetch::run(&ctx, args),
        Command::Factchecks(args) => factchecks::run(&ctx, args),
        Command::Init(args) => init::run(&ctx, args),
        Command::Add(args) => add::run(&ctx, args),
        Command::Completions(args) => docs::completions(&ctx, args),
        Command::Man(args) => docs::man(&ctx, args),
        Command::Explain(args) => explain::run(&ctx, args),
    };
    // A problem a subcommand passed up with `?` is shown once, here.
    ran.unwrap_or_else(|problem| {
        diagnostics::emit(*problem);
        Exit::Error
    })
}

/// `--timeout SECS` of the network commands: 1 to [`dossier::fetch::MAX_TIMEOUT`] seconds,
/// refused at parsing otherwise (exit 2).
fn timeout_secs() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(1..=dossier::fetch::MAX_TIMEOUT.as_secs())
}

/// A URL argument (`review --url`): an http(s) URL as browsers parse it (see
/// [`dossier::util::url::WebUrl`]), kept as given but trimmed; anything else is refused at
/// parsing.
fn web_url_arg(s: &str) -> Result<String, String> {
    dossier::util::url::WebUrl::parse(s)
        .map(|u| u.as_str().to_string())
        .map_err(|e| format!("{e}; {}", e.help()))
}

/// A date argument (`review --date`, `link --date`): an ISO 8601 calendar date that exists
/// (see [`dossier::model::review::is_iso_date`]).
fn date_arg(s: &str) -> Result<String, String> {
    let s = s.trim();
    if dossier::model::review::is_iso_date(s) {
        Ok(s.to_string())
    } else {
        Err("not a calendar date: give YYYY-MM-DD, a day that exists (e.g. 2025-02-28)".into())
    }
}

/// The most threads `--jobs` may ask for: each is a thread the process starts.
const MAX_JOBS: u64 = 1024;

/// Options every subcommand sees.
pub struct Context {
    pub root: Option<PathBuf>,
    pub quiet: bool,
    /// Threads to use (at least 1).
    pub jobs: usize,
    /// Use the parse cache (`--no-cache` turns it off).
    pub cache: bool,
}

impl Context {
    /// The dossier to work on.
    pub fn dossier(&self) -> Result<dossier::store::Dossier, dossier::store::DossierError> {
        match &self.root {
            Some(r) => dossier::store::Dossier::at(r),
            None => {
                let cwd =
                    std::env::current_dir().map_err(|e| dossier::store::DossierError::Io {
                        path: ".".into(),
                        source: e,
                    })?;
                dossier::store::Dossier::discover(&cwd)
            }
        }
    }

    /// The parse cache of `dossier`, or a disabled one under `--no-cache`.
    pub fn cache(&self, dossier: &dossier::store::Dossier) -> dossier::store::cache::Cache {
        dossier::store::cache::Cache::new(dossier, self.cache)
    }
}

/// Write a remembered run's output where this run's would go; `Some(Exit::Error)` when it
/// cannot be written.
pub(crate) fn replay(
    hit: dossier::store::memo::Hit,
    output: Option<&std::path::Path>,
) -> Option<Exit> {
    let written = match output {
        Some(path) => hit
            .bytes()
            .and_then(|bytes| dossier::store::fs::write_atomic(path, &bytes))
            .map_err(|e| {
                diagnostics::emit(diagnostics::FileProblem::new(
                    format!("{}: cannot write the output: {e}", path.display()),
                    "check the path and that you may write there",
                ));
            }),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            hit.copy_to(&mut out)
                .and_then(|_| out.flush())
                .map_err(|_| ())
        }
    };
    written.err().map(|()| Exit::Error)
}
