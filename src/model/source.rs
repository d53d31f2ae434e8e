//! Source entries: `sources/<id>.yaml`, one per cited work, with hayagriva-compatible field
//! names so that the entries can feed a bibliography tool.

use serde::{Deserialize, Serialize};

/// A cited work. `extract` writes a stub with what the article says; editors complete it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// hayagriva entry type: `article`, `web`, `book`, `report`, `legislation`, `misc`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// Year or ISO date of publication.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The outlet, publisher or platform.
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// The strings the work was cited as, in the articles that cite it.
    #[serde(default, rename = "cited-as")]
    pub cited_as: Vec<String>,
}
