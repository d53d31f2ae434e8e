//! `dossier explain [RULE]`: what a check rule flags, its default severity, how to fix what it
//! flags and an example, from the same table `check` reports with (`src/check/rule.rs`).

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Context, Exit, Format};
use dossier::check::Rule;
use serde_json::json;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's code, as `check` prints it (e.g. `uncited-claim`). Without it, every rule is
    /// listed, one a line.
    rule: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

fn json_of(r: Rule) -> serde_json::Value {
    json!({
        "rule": r.code(),
        "severity": r.default_severity().as_str(),
        "label": r.label(),
        "summary": r.summary(),
        "help": r.help(),
        "example": r.example(),
    })
}

fn human_of(r: Rule) -> String {
    let example: String = r.example().lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "{code}: {summary}\n\
         default severity: {sev} (set another in dossier.toml: [rules] {code} = \"error\" | \"warning\" | \"note\" | \"off\")\n\
         \n\
         how to fix: {help}\n\
         \n\
         example:\n{example}",
        code = r.code(),
        summary = r.summary(),
        sev = r.default_severity().as_str(),
        help = r.help(),
    )
}

pub fn run(_ctx: &Context, args: ExplainArgs) -> Result<Exit, Problem> {
    let json = args.format == Format::Json;
    let text = match &args.rule {
        None if json => {
            let all: Vec<_> = Rule::ALL.iter().map(|r| json_of(*r)).collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        None => {
            let width = Rule::ALL.iter().map(|r| r.code().len()).max().unwrap_or(0);
            let mut s: String = Rule::ALL
                .iter()
                .map(|r| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        r.code(),
                        r.default_severity().as_str(),
                        r.summary()
                    )
                })
                .collect();
            s.push_str("\n`dossier explain RULE` tells more about one of them.\n");
            s
        }
        Some(given) => match Rule::from_code(given.trim()) {
            Some(r) if json => serde_json::to_string_pretty(&json_of(r)).unwrap_or_default() + "\n",
            Some(r) => human_of(r),
            None => {
                let close = dossier::review::suggest(
                    given.trim(),
                    Rule::ALL.iter().map(|r| r.code().to_string()),
                );
                let hint = if close.is_empty() {
                    String::new()
                } else {
                    format!("; did you mean {}?", close.join(", "))
                };
                emit(FileProblem::new(
                    format!("no rule `{given}`{hint}"),
                    "run `dossier explain` to list every rule",
                ));
                return Ok(Exit::Error);
            }
        },
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(Exit::Ok),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Exit::Ok),
        Err(_) => Ok(Exit::Error),
    }
}
