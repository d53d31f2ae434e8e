//! `dossier add`.

use super::diagnostics::{emit, FileProblem, Problem};
use super::extract::ExtractArgs;
use super::{Context, Exit};
use dossier::article::Format;
use dossier::store::scaffold::{self, Incoming, Original, ScaffoldError};

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Article files (.txt, .md) to copy into articles/, HTML pages saved from a browser
    /// (.html, .htm), or http(s) URLs to fetch (network): a page becomes a .md article of its
    /// readable text and metadata, the page itself kept in originals/.
    #[arg(required = true, value_name = "FILE|URL")]
    inputs: Vec<String>,
    /// Seconds allowed for fetching each URL, body included (1 to 3600).
    #[arg(long, default_value_t = 20, value_name = "SECS", value_parser = super::timeout_secs())]
    timeout: u64,
}

/// An http(s) address rather than a file name.
fn is_url(s: &str) -> bool {
    dossier::util::url::has_web_scheme(s)
}

const SAVE_IT: &str = "save the page from your browser (or the article's text as a .txt or .md \
     file), then run `dossier add FILE`";

/// Fetch an article from the web (the one network use of `add`, asked for by giving a URL):
/// the page's readable text as an [`Incoming`] (origin = the URL, name_hint = the last path
/// segment of the address it was finally served from).
fn fetch(url: &str, timeout: u64) -> Result<Incoming, Box<FileProblem>> {
    use dossier::fetch::{get, snapshot_text, Policy};
    let policy = Policy {
        timeout: std::time::Duration::from_secs(timeout.max(1)),
        ..Policy::default()
    };
    let problem = |what: String| Box::new(FileProblem::new(format!("{url}: {what}"), SAVE_IT));
    let page = get(url, &policy).map_err(|e| problem(e.to_string()))?;
    if !(200..300).contains(&page.status) {
        let why = match page.status {
            401 | 403 | 429 => "the site refused an automated request",
            404 | 410 => "the page is gone",
            _ => "no page was served",
        };
        return Err(problem(format!("HTTP {}: {why}", page.status)));
    }
    let path = page
        .final_url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    let name_hint = last.split('.').next().unwrap_or(last).to_string();
    let media = page.media_type();
    let is_html = matches!(media.as_str(), "text/html" | "application/xhtml+xml")
        || (media.is_empty() && page.body.trim_ascii_start().starts_with(b"<"));
    if is_html {
        // Decoded in the charset the server declared, else the page's own (BOM, `<meta>`).
        let html = dossier::util::charset::decode(&page.body, page.content_type.as_deref(), true);
        let original = Original {
            bytes: page.body.clone(),
            extension: "html".into(),
            file: None,
        };
        return Incoming::from_page(
            url.to_string(),
            name_hint,
            &html,
            Some(&page.final_url),
            original,
        )
        .map_err(|e| problem(e.to_string()));
    }
    let Some((text, ext)) = snapshot_text(&page) else {
        return Err(problem(format!(
            "the content type {} is not text",
            page.content_type.as_deref().unwrap_or("(none)")
        )));
    };
    // The same checks as for a file (empty, NUL bytes, …), under the URL's name.
    let text = dossier::article::load::validate_article_bytes(
        std::path::Path::new(url),
        text.into_bytes(),
    )
    .map_err(|e| problem(e.to_string()))?;
    Ok(Incoming {
        origin: url.to_string(),
        name_hint,
        format: if ext == "md" {
            Format::Markdown
        } else {
            Format::Text
        },
        text,
        original: None,
    })
}

fn load(input: &str, timeout: u64) -> Result<Incoming, Box<FileProblem>> {
    if is_url(input) {
        return fetch(input, timeout);
    }
    Incoming::from_file(&PathBuf::from(input)).map_err(|e| {
        Box::new(match &e {
            ScaffoldError::Load(le) => match le.offset() {
                Some(off) => {
                    let bytes = dossier::util::fs::read_limited(
                        std::path::Path::new(input),
                        dossier::article::load::MAX_ARTICLE_BYTES,
                    )
                    .unwrap_or_default();
                    FileProblem::of(&e).at(input, String::from_utf8_lossy(&bytes).into_owned(), off)
                }
                None => FileProblem::of(&e),
            },
            _ => FileProblem::of(&e),
        })
    })
}

pub fn run(ctx: &Context, args: AddArgs) -> Result<Exit, Problem> {
    let dossier = match ctx.dossier() {
        Ok(d) => d,
        Err(e) => {
            emit(FileProblem::new(
                e.to_string(),
                "create one with `dossier init`, or pass --root DIR",
            ));
            return Ok(Exit::Error);
        }
    };
    // Read every input before copying any: one bad input leaves the dossier untouched.
    let mut incoming = Vec::new();
    let mut failed = false;
    for input in &args.inputs {
        match load(input, args.timeout) {
            Ok(i) => incoming.push(i),
            Err(p) => {
                emit(*p);
                failed = true;
            }
        }
    }
    if failed {
        return Ok(Exit::Error);
    }
    let mut to_extract = Vec::new();
    for inc in &incoming {
        match scaffold::add(&dossier, inc, super::review::lock_wait()) {
            Ok(added) => {
                if !ctx.quiet {
                    let mut line = if added.already_present {
                        format!("{}: already in the dossier as {}", inc.origin, added.record)
                    } else {
                        format!("{}: added as {}", inc.origin, added.record)
                    };
                    if let Some(kept) = &added.original {
                        line.push_str(&format!(" (the page kept as {kept})"));
                    }
                    eprintln!("{}", dossier::report::terminal_safe(&line));
                }
                to_extract.push(added.path);
            }
            Err(e) => return Err(e.into()),
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
