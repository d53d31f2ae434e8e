//! `dossier completions` and `dossier man`: shell completions and manual pages, generated from
//! the same definitions as the argument parser, so they never fall out of step.

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Cli, Context, Exit};
use clap::CommandFactory;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write dossier.1 and one page per subcommand (dossier-check.1, …) into DIR instead of
    /// printing dossier.1 to stdout.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
}

fn stdout_problem(e: std::io::Error) -> Result<Exit, Problem> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(Exit::Ok);
    }
    Err(Box::new(FileProblem::new(
        format!("cannot write to stdout: {e}"),
        "check the pipe or file stdout goes to",
    )))
}

pub fn completions(_ctx: &Context, args: CompletionsArgs) -> Result<Exit, Problem> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "dossier", &mut buf);
    match std::io::stdout().lock().write_all(&buf) {
        Ok(()) => Ok(Exit::Ok),
        Err(e) => stdout_problem(e),
    }
}

/// The page for `cmd`, as roff.
fn render(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    Ok(buf)
}

/// Every page: `dossier.1`, then `dossier-<sub>.1` for each subcommand, in definition order.
fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = vec![("dossier.1".to_string(), render(cmd.clone())?)];
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        // After `build`, a subcommand's display name is `dossier-<sub>`: the page's title.
        let name = sub
            .get_display_name()
            .map_or_else(|| format!("dossier-{}", sub.get_name()), str::to_string);
        out.push((format!("{name}.1"), render(sub.clone())?));
    }
    Ok(out)
}

pub fn man(ctx: &Context, args: ManArgs) -> Result<Exit, Problem> {
    let pages = match pages() {
        Ok(p) => p,
        Err(e) => {
            emit(FileProblem::new(
                format!("cannot render the manual: {e}"),
                "this is a bug in dossier; please report it",
            ));
            return Ok(Exit::Error);
        }
    };
    let Some(dir) = args.output else {
        let main = &pages[0].1;
        return match std::io::stdout().lock().write_all(main) {
            Ok(()) => Ok(Exit::Ok),
            Err(e) => stdout_problem(e),
        };
    };
    for (name, bytes) in &pages {
        let path = dir.join(name);
        if let Err(e) = dossier::store::fs::write_atomic(&path, bytes) {
            emit(FileProblem::new(
                format!("{}: cannot write: {e}", path.display()),
                "check that the directory exists and that you may write to it",
            ));
            return Ok(Exit::Error);
        }
    }
    if !ctx.quiet {
        eprintln!("wrote {} manual page(s) to {}", pages.len(), dir.display());
    }
    Ok(Exit::Ok)
}
