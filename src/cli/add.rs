//! `dossier add`.

use super::diagnostics::{emit, FileProblem};
use super::extract::ExtractArgs;
use super::{Context, Exit};
use dossier::store::scaffold::{self, Incoming, ScaffoldError};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Article files (.txt, .md) to copy into articles/; a URL is refused for now (save the
    /// page and add the file).
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,
}

/// An http(s) address rather than a file name.
fn is_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetch an article from the web. The one place a fetcher plugs in: it returns the page's
/// text as an [`Incoming`] (origin = the URL, name_hint = the last path segment).
fn fetch(url: &str) -> Result<Incoming, Box<FileProblem>> {
    Err(Box::new(FileProblem::new(
        format!("{url}: fetching is not built in yet; save the page and add the file"),
        "save the article's text as a .txt or .md file (or use your browser's reader view and \
         copy the text), then run `dossier add FILE`",
    )))
}

fn load(input: &str) -> Result<Incoming, Box<FileProblem>> {
    if is_url(input) {
        return fetch(input);
    }
    Incoming::from_file(&PathBuf::from(input)).map_err(|e| {
        Box::new(match &e {
            ScaffoldError::Load(le) => match le.offset() {
                Some(off) => {
                    let bytes = std::fs::read(input).unwrap_or_default();
                    FileProblem::new(e.to_string(), e.help()).at(
                        input,
                        String::from_utf8_lossy(&bytes).into_owned(),
                        off,
                    )
                }
                None => FileProblem::new(e.to_string(), e.help()),
            },
            _ => FileProblem::new(e.to_string(), e.help()),
        })
    })
}

pub fn run(ctx: &Context, args: AddArgs) -> Exit {
    let dossier = match ctx.dossier() {
        Ok(d) => d,
        Err(e) => {
            emit(FileProblem::new(
                e.to_string(),
                "create one with `dossier init`, or pass --root DIR",
            ));
            return Exit::Error;
        }
    };
    // Read every input before copying any: one bad input leaves the dossier untouched.
    let mut incoming = Vec::new();
    let mut failed = false;
    for input in &args.inputs {
        match load(input) {
            Ok(i) => incoming.push(i),
            Err(p) => {
                emit(*p);
                failed = true;
            }
        }
    }
    if failed {
        return Exit::Error;
    }
    let mut to_extract = Vec::new();
    for inc in &incoming {
        match scaffold::add(&dossier, inc) {
            Ok(added) => {
                if !ctx.quiet {
                    if added.already_present {
                        eprintln!("{}: already in the dossier as {}", inc.origin, added.record);
                    } else {
                        eprintln!("{}: added as {}", inc.origin, added.record);
                    }
                }
                to_extract.push(added.path);
            }
            Err(e) => {
                emit(FileProblem::new(e.to_string(), e.help()));
                return Exit::Error;
            }
        }
    }
    to_extract.sort();
    to_extract.dedup();
    super::extract::run(ctx, ExtractArgs::of(to_extract))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_apart_from_file_names() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("articles/https-story.md"));
    }
}
