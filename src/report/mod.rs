//! Reporters: each output format of `dossier check` is one [`Reporter`] over the same
//! findings. Reporters return text; the binary decides where it goes.

pub mod audit;
mod github;
mod html;
mod human;
mod json;
// CI locations: repository-relative paths, article-first regions (issue 15).
pub mod locate;
mod markdown;
pub mod safe;
mod sarif;

pub use github::Github;
pub use human::Human;
pub use json::{Json, JsonReport, JSON_VERSION};
pub use locate::CiPaths;
pub use safe::terminal_safe;
pub use sarif::{Sarif, FINGERPRINT_KEY, RULES_ANCHOR};

pub use audit::Audit;
pub use html::render_html;
pub use markdown::render_markdown;

use crate::check::CheckResult;
use std::collections::HashMap;
use std::sync::Arc;

/// The texts of the files findings point into, for reporters that quote them.
#[derive(Debug, Default, Clone)]
pub struct Texts {
    files: HashMap<String, Arc<str>>,
}

impl Texts {
    pub fn new() -> Self {
        Texts::default()
    }

    pub fn insert(&mut self, file: &str, text: &str) {
        self.files
            .entry(file.to_string())
            .or_insert_with(|| Arc::from(text));
    }

    pub fn get(&self, file: &str) -> Option<Arc<str>> {
        self.files.get(file).cloned()
    }

    /// The texts of every claim file, source entry and article of a loaded dossier.
    pub fn of(d: &crate::store::load::LoadedDossier) -> Texts {
        let mut t = Texts::new();
        for c in &d.claims {
            t.insert(&c.file, &c.text);
        }
        for s in d.sources.values() {
            t.insert(&s.file, &s.text);
        }
        for (path, text) in &d.articles {
            t.insert(path, text);
        }
        t
    }
}

/// Renders check results in one format.
pub trait Reporter {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String;
}

/// The one-line summary closing the human output.
pub fn summary_line(result: &CheckResult) -> String {
    let s = &result.summary;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "checked {}, {}, {}: {}, {}, {}",
        plural(s.articles, "article", "articles"),
        plural(s.claims, "claim", "claims"),
        plural(s.sources, "source", "sources"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.notes, "note", "notes"),
    );
    if s.resolved > 0 {
        line.push_str(&format!(
            "; {} resolved by editors' verdicts",
            plural(s.resolved, "finding", "findings")
        ));
    }
    line
}
