//! `dossier report`: the editor's audit, as Markdown, HTML or JSON, to stdout or a file.

use super::diagnostics::{emit, FileProblem, Problem};
use super::progress::Progress;
use super::{Context, Exit};
use dossier::check::Severity;
use dossier::report::audit::{self, Filter};
use dossier::report::{render_html, render_markdown};
use dossier::store::memo::Memo;
use std::io::Write;
use std::path::PathBuf;

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// CommonMark with GFM tables.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// The audit model as JSON (`"version": 1`).
    Json,
    /// schema.org ClaimReview JSON-LD of the claims with a verdict (needs `[publisher]`).
    Claimreview,
}

/// A minimum severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Note => Severity::Note,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// Options of `dossier report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    format: ReportFormat,
    /// Write the report to FILE (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only this article: its claim file's name without `.yaml`. Repeatable.
    #[arg(long, value_name = "SLUG")]
    article: Vec<String>,
    /// Only findings of this rule (e.g. `uncited-claim`). Repeatable.
    #[arg(long, value_name = "CODE")]
    rule: Vec<String>,
    /// Only findings of at least this severity.
    #[arg(long, value_enum, value_name = "LEVEL")]
    severity: Option<Level>,
}

/// Build the audit and write it; exit 0 whatever it finds, 2 when it cannot be made.
pub fn run(ctx: &Context, args: ReportArgs) -> Result<Exit, Problem> {
    let mut rules = Vec::new();
    for code in &args.rule {
        match Filter::parse_rule(code) {
            Ok(r) => rules.push(r),
            Err(e) => return Err(e.into()),
        }
    }
    let filter = Filter {
        articles: args.article.clone(),
        rules,
        min_severity: args.severity.map(Severity::from),
    };
    let dossier = ctx.dossier()?;
    let Some(config) = super::diagnostics::load_config(&dossier) else {
        return Ok(Exit::Error);
    };
    // One cache for the whole run: it records every entry looked up, and the prune below
    // keeps exactly those (a second handle would know only its own and delete the rest).
    let cache = ctx.cache(&dossier);
    // A report with nothing changed since the last one like it replays that one.
    let memo = Memo::new(
        &cache,
        "report",
        &format!(
            "{:?} {:?} {:?} {:?} to-file={}",
            args.format,
            args.article,
            args.rule,
            args.severity,
            args.output.is_some()
        ),
    );
    if let Some(hit) = memo.hit() {
        if let Some(exit) = Exit::from_code(hit.exit) {
            let note = hit.note.clone();
            let replayed = super::replay(hit, args.output.as_deref());
            if replayed.is_none() && !ctx.quiet && args.output.is_some() {
                eprintln!("{}", written_note(&args, &note));
            }
            return Ok(replayed.unwrap_or(exit));
        }
    }
    let progress = Progress::new(
        "report: files read",
        None,
        ctx.quiet,
        matches!(args.format, ReportFormat::Json | ReportFormat::Claimreview),
    );
    let loaded = dossier::store::load::load_slim(&dossier, ctx.jobs, &|| progress.tick(), &cache);
    // (The cache is pruned once the check below has looked up its entries too.)
    progress.finish();
    let any_claim_file = !loaded.claims.is_empty()
        || loaded
            .problems
            .iter()
            .any(|p| p.file.starts_with("claims/"));
    if !any_claim_file {
        emit(FileProblem::new(
            format!(
                "{}: no claim files in claims/: nothing has been extracted yet",
                dossier.root.display()
            ),
            "run `dossier extract` first",
        ));
        return Ok(Exit::Error);
    }
    let result = dossier::check::run::check_loaded(&dossier, &loaded, &config, &cache, ctx.jobs);
    // Every file and every claim file's check was looked up: the rest of the cache is stale.
    cache.prune();
    // What the report read besides the input folders: articles and snapshots kept elsewhere.
    let read = loaded.named_files();
    // (`note`: what the report holds, said again when it is replayed into a file.)
    let remember = |text: &str, note: &str, exit: Exit| {
        if let (Exit::Ok, Some(mut m)) = (exit, memo.writer()) {
            m.add(text.as_bytes());
            m.finish(exit as u8, note, &read);
        }
    };
    if args.format == ReportFormat::Claimreview {
        return match dossier::report::render_claimreview(&loaded, config.publisher.as_ref()) {
            Ok(text) => {
                let what = "report: ClaimReview JSON-LD".to_string();
                let exit = write_out(ctx, &args, &text, &what);
                remember(&text, &what, exit);
                Ok(exit)
            }
            Err(e) => Err(e.into()),
        };
    }
    let audit = audit::build(&loaded, &result, &filter, ctx.jobs)?;
    // The audit holds all the report shows: the parsed claim files and the check's results
    // are freed before the text is made, so the two never take memory at once.
    drop(result);
    drop(loaded);
    let text = match args.format {
        ReportFormat::Markdown => render_markdown(&audit),
        ReportFormat::Html => render_html(&audit),
        // (ClaimReview returned above.)
        ReportFormat::Json | ReportFormat::Claimreview => audit.to_json(),
    };
    let what = format!(
        "report: {} article(s), {} open finding(s)",
        audit.summary.articles, audit.summary.findings.total
    );
    let exit = write_out(ctx, &args, &text, &what);
    remember(&text, &what, exit);
    Ok(exit)
}

/// The line saying where the report went (`what` is what it holds), for `--output`.
fn written_note(args: &ReportArgs, what: &str) -> String {
    match &args.output {
        Some(path) => format!("{what} written to {}", path.display()),
        None => String::new(),
    }
}

/// Write `text` to `--output` (atomically; `what` says what was written) or stdout.
fn write_out(ctx: &Context, args: &ReportArgs, text: &str, what: &str) -> Exit {
    match &args.output {
        Some(path) => match dossier::store::fs::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                if !ctx.quiet {
                    eprintln!("{}", written_note(args, what));
                }
                Exit::Ok
            }
            Err(e) => {
                emit(FileProblem::new(
                    format!("{}: cannot write the report: {e}", path.display()),
                    "check the path and that you may write there",
                ));
                Exit::Error
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => Exit::Ok,
                Err(_) => Exit::Error,
            }
        }
    }
}
