//! Reporters: each output format of `dossier check` is one [`Reporter`] over the same
//! findings. Reporters return text; the binary decides where it goes.

pub mod audit;
pub mod claimreview;
mod github;
mod html;
mod human;
mod json;
// CI locations: repository-relative paths, article-first regions (issue 15).
pub mod locate;
mod markdown;
pub mod safe;
mod sarif;
mod wording;

pub use github::Github;
pub use human::Human;
pub use json::{
    write_extract_json, write_json_items, write_json_value, Json, JsonReport, JSON_VERSION,
};
pub use locate::CiPaths;
pub use safe::terminal_safe;
pub use sarif::{Sarif, FINGERPRINT_KEY, RULES_ANCHOR};

pub use audit::Audit;
pub use claimreview::{render_claimreview, ClaimReviewError};
pub use html::render_html;
pub use markdown::render_markdown;

use crate::check::CheckResult;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The texts of the files findings point into, for reporters that quote them: given, or
/// read from the dossier when first asked for.
#[derive(Debug, Default, Clone)]
pub struct Texts {
    files: HashMap<String, Arc<str>>,
    /// The dossier to read other files from, and what was read.
    disk: Option<Arc<Disk>>,
}

#[derive(Debug)]
struct Disk {
    root: std::path::PathBuf,
    read: Mutex<HashMap<String, Option<Arc<str>>>>,
}

impl Disk {
    /// A file of the dossier by its path in it, read as the loader reads it: a bounded
    /// regular UTF-8 file inside the dossier, else nothing (the finding is then shown
    /// without a snippet).
    fn read(&self, file: &str) -> Option<Arc<str>> {
        let rel = std::path::Path::new(file);
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return None;
        }
        crate::store::fs::read_text_inside(&self.root, &self.root.join(rel), MAX_SHOWN_BYTES)
            .ok()
            .map(Arc::from)
    }
}

/// The largest file a reporter quotes from (claim files, source entries and articles are
/// all smaller).
const MAX_SHOWN_BYTES: u64 = 64 * 1024 * 1024;

impl Texts {
    /// No texts, and no dossier to read them from: reporters show findings without snippets.
    pub fn new() -> Self {
        Texts::default()
    }

    /// Give the text of `file` (its path relative to the dossier root); the first text given
    /// for a file is kept.
    pub fn insert(&mut self, file: &str, text: &str) {
        self.files
            .entry(file.to_string())
            .or_insert_with(|| Arc::from(text));
    }

    /// Texts read from the dossier at `root` when a reporter asks for them.
    pub fn from_disk(root: &std::path::Path) -> Texts {
        Texts {
            files: HashMap::new(),
            disk: Some(Arc::new(Disk {
                root: root.to_path_buf(),
                read: Mutex::default(),
            })),
        }
    }

    /// The text of `file` (relative to the dossier root): as given, else read once from the
    /// dossier and remembered; `None` when it is neither given nor readable there.
    pub fn get(&self, file: &str) -> Option<Arc<str>> {
        if let Some(t) = self.files.get(file) {
            return Some(t.clone());
        }
        let disk = self.disk.as_ref()?;
        if let Some(t) = disk.read.lock().ok()?.get(file) {
            return t.clone();
        }
        let text = disk.read(file);
        disk.read
            .lock()
            .ok()?
            .insert(file.to_string(), text.clone());
        text
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
    /// The whole output for `result`, quoting the files' texts from `texts` where the
    /// format shows snippets.
    fn render(&self, result: &CheckResult, texts: &Texts) -> String;

    /// Write what [`Reporter::render`] returns to `out`; a reporter whose output can be
    /// large writes it as it goes instead of holding it whole.
    fn write(
        &self,
        result: &CheckResult,
        texts: &Texts,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(self.render(result, texts).as_bytes())
    }
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
