//! `factchecks/factchecks.yaml`: the fact-checks imported into the dossier, sorted by url
//! and words, each once; written atomically, and editors' match decisions kept across
//! re-imports.

use super::FactCheck;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Where the fact-checks live, relative to the dossier root.
pub const STORE_PATH: &str = "factchecks/factchecks.yaml";

/// The version of the store's format.
pub const STORE_VERSION: u32 = 1;

/// The stored fact-checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactCheckStore {
    /// The format the file is written in; [`STORE_VERSION`] in every store this dossier reads
    /// or writes.
    pub version: u32,
    /// Every imported fact-check once, sorted by url, then words.
    pub factchecks: Vec<FactCheck>,
}

/// Why the store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but could not be read (not a regular file, too large, not UTF-8, a link
    /// leading out of the dossier, or an I/O error); holds the reason.
    #[error("{STORE_PATH}: cannot be read: {0}")]
    Read(String),
    /// The file is not YAML of the store's shape.
    #[error("{STORE_PATH}:{line}:{column}: {message}")]
    Yaml {
        /// 1-based line of the problem (1 when the parser gives none).
        line: usize,
        /// 1-based column of the problem (1 when the parser gives none).
        column: usize,
        /// The YAML reader's message.
        message: String,
    },
    /// The file's `version` is not [`STORE_VERSION`]; holds the version it names.
    #[error("{STORE_PATH}: version {0} is not one this dossier reads (it reads {STORE_VERSION})")]
    Version(u32),
    /// The store could not be serialised or its file written; holds the reason.
    #[error("{STORE_PATH}: cannot be written: {0}")]
    Write(String),
}

impl crate::util::Advice for StoreError {
    fn help(&self) -> &'static str {
        match self {
            StoreError::Yaml { .. } => "fix the YAML at the position shown, or delete the file and import the fact-checks again (editors' decisions in it are then lost)",
            StoreError::Version(_) => "use the dossier version that wrote the file",
            _ => "check that the file is a readable regular file inside the dossier",
        }
    }
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    /// Fact-checks whose url and words were not in the store before.
    pub added: usize,
    /// Fact-checks already stored whose other fields the import changed.
    pub updated: usize,
    /// Fact-checks already stored exactly as imported.
    pub unchanged: usize,
}

impl FactCheckStore {
    /// The store of the dossier at `root`, with its text (empty when there is none).
    pub fn load(root: &Path) -> Result<(FactCheckStore, String), StoreError> {
        let path = root.join(STORE_PATH);
        if !path.exists() {
            return Ok((FactCheckStore::default(), String::new()));
        }
        let text =
            crate::store::fs::read_text_inside(root, &path, crate::store::yaml::MAX_YAML_BYTES)
                .map_err(|e| StoreError::Read(e.to_string()))?;
        let store = Self::parse(&text)?;
        Ok((store, text))
    }

    /// The store written in `text`, refused when it is not valid YAML of the store's shape or
    /// names another version.
    pub fn parse(text: &str) -> Result<FactCheckStore, StoreError> {
        let store: FactCheckStore =
            crate::store::yaml::from_str(text).map_err(|e| StoreError::Yaml {
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                message: e.message.clone(),
            })?;
        if store.version != STORE_VERSION {
            return Err(StoreError::Version(store.version));
        }
        Ok(store)
    }

    /// Add `new` fact-checks (their words' white space made single spaces): one with the url and words of a stored one replaces its
    /// fields but keeps the editors' decisions on it. Sorted afterwards.
    pub fn merge(&mut self, new: Vec<FactCheck>) -> Imported {
        let mut counts = Imported::default();
        let mut by_key: BTreeMap<(String, String), FactCheck> =
            std::mem::take(&mut self.factchecks)
                .into_iter()
                .map(|f| (f.key(), f))
                .collect();
        for mut f in new {
            // Stored with its white space made single spaces, as the key compares it.
            f.claim_reviewed = f.key().1;
            match by_key.get_mut(&f.key()) {
                Some(old) => {
                    f.decisions = std::mem::take(&mut old.decisions);
                    old.decisions.clone_from(&f.decisions);
                    if *old == f {
                        counts.unchanged += 1;
                    } else {
                        counts.updated += 1;
                    }
                    *old = f;
                }
                None => {
                    counts.added += 1;
                    by_key.insert(f.key(), f);
                }
            }
        }
        self.version = STORE_VERSION;
        self.factchecks = by_key.into_values().collect();
        counts
    }

    /// The store as YAML.
    pub fn to_yaml(&self) -> Result<String, StoreError> {
        crate::store::yaml::to_string(self, None).map_err(|e| StoreError::Write(e.to_string()))
    }

    /// Write the store into the dossier at `root`, atomically.
    pub fn save(&self, root: &Path) -> Result<(), StoreError> {
        let text = self.to_yaml()?;
        let path = root.join(STORE_PATH);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Write(e.to_string()))?;
        }
        crate::store::fs::write_inside(root, &path, text.as_bytes())
            .map_err(|e| StoreError::Write(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factchecks::MatchDecision;
    use crate::model::review::LinkAction;

    fn fc(url: &str, words: &str, rating: &str) -> FactCheck {
        FactCheck {
            url: Some(url.into()),
            claim_reviewed: words.into(),
            rating: Some(rating.into()),
            fact_checker: None,
            date: None,
            claimant: None,
            decisions: Vec::new(),
        }
    }

    #[test]
    fn merge_deduplicates_keeps_decisions_and_is_idempotent() {
        let mut s = FactCheckStore::default();
        let a = fc("https://b.example/1", "Ships were  delayed.", "False");
        let b = fc("https://a.example/2", "Fares doubled.", "True");
        assert_eq!(s.merge(vec![a.clone(), b.clone(), a.clone()]).added, 2);
        assert_eq!(s.factchecks[0].url.as_deref(), Some("https://a.example/2"));
        s.factchecks[1].decisions.push(MatchDecision {
            claim: "q-1".into(),
            action: LinkAction::Reject,
            by: None,
            date: None,
        });
        let yaml = s.to_yaml().unwrap();
        let again = s.merge(vec![
            b,
            fc("https://b.example/1", "Ships were delayed.", "False"),
        ]);
        assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 2));
        assert_eq!(s.to_yaml().unwrap(), yaml);
        assert_eq!(FactCheckStore::parse(&yaml).unwrap(), s);
        let changed = s.merge(vec![fc(
            "https://b.example/1",
            "Ships were delayed.",
            "Mostly false",
        )]);
        assert_eq!(changed.updated, 1);
        assert_eq!(s.factchecks[1].decision("q-1"), Some(LinkAction::Reject));
    }
}
