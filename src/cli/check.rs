//! `dossier check`.

use super::diagnostics::{emit, FileProblem, Problem};
use super::progress::Progress;
use super::{Context, Exit};
use dossier::check::run::Checked;
use dossier::check::{CheckResult, Config, FailOn};
use dossier::report::{CiPaths, Github, Human, Json, Reporter, Sarif, Texts};
use dossier::store::memo::{Memo, MemoWriter, Tee};
use dossier::store::Dossier;
use std::io::{IsTerminal, Write};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people, with the offending YAML value and the article passage.
    Human,
    /// One JSON document (see schemas/check.schema.json).
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// The lowest severity that makes the exit code 1 (default: dossier.toml's `fail-on`, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Colour in human output (NO_COLOR turns it off under `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Also request every source's URL (network): dead-link, moved-link and link-unverified
    /// findings. Writes nothing.
    #[arg(long)]
    online: bool,
    /// Seconds allowed for each request under --online (1 to 3600).
    #[arg(
        long,
        default_value_t = 15,
        value_name = "SECS",
        requires = "online",
        value_parser = super::timeout_secs()
    )]
    timeout: u64,
    /// Check only shard K of N (e.g. `--shard 2/4`): the articles whose claim files hash to
    /// it, for a CI matrix of N runners. Findings of no article (source entries) and the
    /// cross-article ones come from shard 1; every finding of a full check comes from exactly
    /// one shard.
    #[arg(long, value_name = "K/N")]
    shard: Option<dossier::check::Shard>,
    /// Write the findings to FILE (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Check only these articles (files or folders under articles/), their claim files and
    /// the source entries they cite: for a pre-commit hook or a pull request's changed files
    /// (the cross-article rules, which need every article, are left out).
    #[arg(value_name = "ARTICLE")]
    paths: Vec<std::path::PathBuf>,
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    let Some(config) = super::diagnostics::load_config(&dossier) else {
        return Ok(Exit::Error);
    };
    if !dossier.root.join("claims").is_dir() {
        emit(FileProblem::new(
            format!(
                "{}: no claims/ directory: nothing has been extracted yet",
                dossier.root.display()
            ),
            "run `dossier extract` first",
        ));
        return Ok(Exit::Error);
    }
    let progress = Progress::new(
        "check: files read",
        None,
        ctx.quiet,
        args.format != CheckFormat::Human,
    );
    let shard = args.shard;
    let cache = ctx.cache(&dossier);
    let chosen = chosen_articles(&dossier, &args.paths)?;
    let color = use_color(args.color, args.output.is_none());
    let width = terminal_width(args.output.is_none());
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or_default();
    let cwd = std::env::current_dir().unwrap_or_default();
    // A run with nothing changed since the last one like it replays that one's output; the
    // network check always runs.
    let memo = (!args.online).then(|| {
        let shape = format!(
            "{:?} {fail_on:?} color={color} width={width} quiet={} shard={shard:?} {chosen:?} cwd={cwd:?}",
            args.format, ctx.quiet
        );
        Memo::new(&cache, "check", &shape)
    });
    if let Some(hit) = memo.as_ref().and_then(Memo::hit) {
        if let Some(exit) = Exit::from_code(hit.exit) {
            return Ok(super::replay(hit, args.output.as_deref()).unwrap_or(exit));
        }
    }
    let claim_files = chosen.as_deref().map(dossier::check::run::claim_files_of);
    let wanted = |file: &str| {
        shard.is_none_or(|s| s.reads(file)) && claim_files.as_ref().is_none_or(|c| c.contains(file))
    };
    let checked = dossier::check::run::run(
        &dossier,
        &config,
        &dossier::check::run::Options {
            jobs: ctx.jobs,
            cache: &cache,
            tick: &|| progress.tick(),
            wanted: &wanted,
        },
    );
    progress.finish();
    let checked = with_findings(&args, &config, checked, chosen.as_deref());
    let result = &checked.result;
    let texts = Texts::from_disk(&dossier.root);
    // CI paths: relative to the repository root, else the working directory (issue 15).
    let ci_paths = || CiPaths::new(&dossier.root, &cwd);
    let reporter: Box<dyn Reporter> = match args.format {
        CheckFormat::Human => Box::new(Human {
            color,
            width,
            only: ctx.quiet.then_some(fail_on),
        }),
        CheckFormat::Json => Box::new(Json { jobs: ctx.jobs }),
        CheckFormat::Github => Box::new(Github::new(ci_paths())),
        CheckFormat::Sarif => Box::new(Sarif::new(ci_paths(), fail_on)),
    };
    let mut memo_out = memo.as_ref().and_then(Memo::writer);
    let findings = Findings {
        reporter: reporter.as_ref(),
        result,
        texts: &texts,
    };
    if !findings.write(args.output.as_deref(), memo_out.as_mut()) {
        return Ok(Exit::Error);
    }
    let exit = match result.worst() {
        Some(s) if fail_on.fails(s) => Exit::Findings,
        _ => Exit::Ok,
    };
    if let Some(m) = memo_out {
        m.finish(exit as u8, "", &files_read(&checked));
    }
    // The process ends next: freeing half a million findings one by one (a third of a second
    // on a large dossier) would only keep the pipeline waiting. They hold no file.
    std::mem::forget(checked.result);
    Ok(exit)
}

/// The articles named on the command line (files or folders under articles/), as paths in
/// the dossier; `None` when none were, for a check of the whole dossier.
fn chosen_articles(
    dossier: &Dossier,
    paths: &[std::path::PathBuf],
) -> Result<Option<Vec<String>>, Problem> {
    if paths.is_empty() {
        return Ok(None);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| dossier.root.clone());
    let files = dossier.resolve_articles(&cwd, paths)?;
    Ok(Some(files.iter().map(|f| dossier.record_path(f)).collect()))
}

/// Whether human output is coloured: under `auto`, when it goes to a terminal (stdout, not
/// --output) and NO_COLOR is unset or empty.
fn use_color(color: Color, to_stdout: bool) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            to_stdout
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The run with its findings completed: the network check's added under --online, then
/// narrowed to the shard and to the chosen articles.
fn with_findings(
    args: &CheckArgs,
    config: &Config,
    mut checked: Checked,
    chosen: Option<&[String]>,
) -> Checked {
    let mut result = checked.result;
    if args.online {
        let policy = dossier::fetch::Policy {
            timeout: std::time::Duration::from_secs(args.timeout.max(1)),
            max_bytes: 2 * 1024 * 1024,
            ..dossier::fetch::Policy::default()
        };
        result.add(dossier::check::online(&checked.sources, config, &policy));
    }
    if let Some(s) = args.shard {
        result = s.narrow_files(&checked.files, result);
    }
    if let Some(articles) = chosen {
        result = dossier::check::run::narrow_to_articles(
            &checked.files,
            articles,
            &checked.sources,
            result,
        );
    }
    checked.result = result;
    checked
}

/// The findings as a reporter writes them.
struct Findings<'a> {
    reporter: &'a dyn Reporter,
    result: &'a CheckResult,
    texts: &'a Texts,
}

impl Findings<'_> {
    /// Write the findings to `output` (replaced atomically) or else stdout, and a copy to
    /// `memo`; false when they could not be written (said on stderr for a file).
    fn write(&self, output: Option<&Path>, mut memo: Option<&mut MemoWriter>) -> bool {
        let Some(path) = output else {
            let mut stdout = std::io::stdout().lock();
            let mut out = Tee {
                out: &mut stdout,
                memo,
            };
            return self
                .reporter
                .write(self.result, self.texts, &mut out)
                .and_then(|_| out.flush())
                .is_ok();
        };
        let mut bytes = Vec::new();
        let written = self
            .reporter
            .write(self.result, self.texts, &mut bytes)
            .and_then(|_| dossier::store::fs::write_atomic(path, &bytes));
        if let Err(e) = written {
            emit(FileProblem::new(
                format!("{}: cannot write the findings: {e}", path.display()),
                "check the path and that you may write there",
            ));
            return false;
        }
        if let Some(m) = memo.as_mut() {
            m.add(&bytes);
        }
        true
    }
}

/// What the run read besides the input folders: articles and snapshots kept elsewhere.
fn files_read(checked: &Checked) -> Vec<String> {
    let mut read: Vec<String> = checked
        .files
        .iter()
        .filter_map(|f| f.article.clone())
        .collect();
    // (The run's loaded dossier holds the source entries only: their snapshots.)
    read.extend(checked.sources.named_files());
    read
}

/// The width human diagnostics are laid out for: `COLUMNS` when set, else the terminal's
/// when stdout is one, else 100 columns.
fn terminal_width(to_stdout: bool) -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    from_env
        .or_else(|| {
            (to_stdout && std::io::stdout().is_terminal())
                .then(crossterm::terminal::size)
                .and_then(Result::ok)
                .map(|(cols, _)| usize::from(cols))
        })
        .filter(|&w| w > 0)
        .unwrap_or(100)
}
