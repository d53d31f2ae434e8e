//! `dossier fetch`: the one command that writes from the network (opt-in).

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Context, Exit};
use dossier::fetch::source::{fetch_source, fetchable, Options, SourceError};
use dossier::fetch::{archive, Policy};
use dossier::report::terminal_safe as safe;
use dossier::util::Advice;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// Source ids (`sources/<id>.yaml`) to fetch; default: every entry with an http(s) URL.
    #[arg(value_name = "SOURCE")]
    sources: Vec<String>,
    /// When a page is gone (404, 410), ask the Internet Archive for an archived copy.
    #[arg(long)]
    archive: bool,
    /// Replace snapshots that fetch did not take (written by hand, or edited since).
    #[arg(long)]
    force: bool,
    /// Seconds allowed for each request, body included (1 to 3600).
    #[arg(long, default_value_t = 20, value_name = "SECS", value_parser = super::timeout_secs())]
    timeout: u64,
    /// Largest page kept, in bytes (1 to 67108864, the 64 MiB a snapshot may be).
    #[arg(
        long,
        default_value_t = 10 * 1024 * 1024,
        value_name = "BYTES",
        value_parser = clap::value_parser!(u64).range(1..=dossier::fetch::MAX_BODY_BYTES)
    )]
    max_bytes: u64,
    /// Redirects followed, each checked (only to http(s)); 0 to 20.
    #[arg(long, default_value_t = 5, value_name = "N", value_parser = max_redirects())]
    max_redirects: usize,
    /// Base URL of the archive's availability API (for tests and mirrors).
    #[arg(long, hide = true, default_value = archive::DEFAULT_BASE, value_parser = super::web_url_arg)]
    archive_api: String,
}

/// `--max-redirects`: 0 to [`dossier::fetch::MAX_REDIRECTS`].
fn max_redirects() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(0..=dossier::fetch::MAX_REDIRECTS as u64)
}

pub fn run(ctx: &Context, args: FetchArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    let loaded = dossier::store::load::load(&dossier);
    let ids: Vec<String> = if args.sources.is_empty() {
        loaded
            .sources
            .values()
            .filter(|s| fetchable(&s.data))
            .map(|s| s.id.clone())
            .collect()
    } else {
        for id in &args.sources {
            if !dossier
                .root
                .join("sources")
                .join(format!("{id}.yaml"))
                .is_file()
            {
                emit(FileProblem::new(
                    format!("no source entry sources/{id}.yaml"),
                    "give the id of an entry in sources/ (its file name without .yaml)",
                ));
                return Ok(Exit::Error);
            }
        }
        args.sources.clone()
    };
    let opts = Options {
        policy: Policy {
            timeout: Duration::from_secs(args.timeout.max(1)),
            max_redirects: args.max_redirects,
            max_bytes: args.max_bytes,
            ..Policy::default()
        },
        archive: args.archive.then(|| args.archive_api.clone()),
        force: args.force,
        lock_wait: super::review::lock_wait(),
    };
    let mut failed = 0;
    for id in &ids {
        match fetch_source(&dossier.root, id, &opts) {
            Ok(o) => {
                let r = &o.record;
                let line = match (&o.snapshot, &o.sha256) {
                    (Some(path), Some(sha)) => format!(
                        "{id}: {} {} → {path} (sha256 {})",
                        r.outcome,
                        r.final_url.as_deref().unwrap_or(&r.url),
                        &sha[..12.min(sha.len())]
                    ),
                    _ => {
                        failed += 1;
                        format!(
                            "{id}: {}{}: {} (recorded under last-fetch; no snapshot written)",
                            r.outcome,
                            r.status.map(|s| format!(" (HTTP {s})")).unwrap_or_default(),
                            r.message.as_deref().unwrap_or("")
                        )
                    }
                };
                let line = safe(&line);
                if o.succeeded() {
                    if !ctx.quiet {
                        println!("{line}");
                    }
                } else {
                    eprintln!("{line}");
                }
            }
            Err(e) => {
                failed += 1;
                let help = match &e {
                    SourceError::NoUrl(_) => "add `url:` to the entry",
                    SourceError::Changed { .. } => {
                        "someone edited the entry meanwhile; run `dossier fetch` for it again"
                    }
                    SourceError::Lock(e) => e.help(),
                    SourceError::Comments { .. } => {
                        "move the comment into `notes:` (or delete it) and run `dossier fetch` again"
                    }
                    _ => "fix the entry (see `dossier check`)",
                };
                emit(FileProblem::new(e.to_string(), help));
            }
        }
    }
    if !ctx.quiet {
        println!("fetched {} of {} source(s)", ids.len() - failed, ids.len());
    }
    if failed > 0 {
        Ok(Exit::Findings)
    } else {
        Ok(Exit::Ok)
    }
}
