//! Source entries: `sources/<id>.yaml`, one per cited work, with hayagriva-compatible field
//! names (so that the entries can feed a bibliography tool) plus dossier's own fields.

use super::review::Review;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A cited work. `extract` writes a stub with what the article says; editors complete it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceEntry {
    /// hayagriva entry type: `article`, `web`, `book`, `report`, `legislation`, `misc`, …
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub title: Option<String>,
    /// One author or a list of authors.
    #[serde(default)]
    pub author: Option<OneOrMany>,
    /// Year (`2025`) or ISO date (`2025-04-21`) of publication.
    #[serde(default)]
    pub date: Option<String>,
    /// The URL, or `{value, date}` with the date it was accessed.
    #[serde(default)]
    pub url: Option<Url>,
    /// The outlet, publisher or platform.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The containing work (newspaper, journal, site), as a hayagriva entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
    /// Identifiers: `doi`, `isbn`, `issn`, …
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub serial_number: BTreeMap<String, String>,
    /// ISO 639 language code of the work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// hayagriva's free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A DOI, when not given under `serial-number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// dossier: the strings the work was cited as, in the articles that cite it.
    #[serde(default)]
    pub cited_as: Vec<String>,
    /// dossier: an archived copy (e.g. a Wayback Machine URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_url: Option<String>,
    /// dossier: path, relative to the dossier root, of a local copy of the source's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
    /// dossier: editors' notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// dossier: an editor's verdict on the entry (`dossier review SOURCE-ID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// A string or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn first(&self) -> Option<&str> {
        match self {
            OneOrMany::One(s) => Some(s),
            OneOrMany::Many(v) => v.first().map(String::as_str),
        }
    }
}

/// A URL as a plain string or with the date it was accessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Url {
    Plain(String),
    Dated {
        value: String,
        #[serde(default)]
        date: Option<String>,
    },
}

impl Url {
    pub fn value(&self) -> &str {
        match self {
            Url::Plain(s) => s,
            Url::Dated { value, .. } => value,
        }
    }
}

/// The containing work of an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Parent {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

impl SourceEntry {
    /// `sha256:<hex>` of the entry without its review, as a review records what it judged:
    /// any change to the entry's fields after the review makes the review stale.
    pub fn fingerprint(&self) -> String {
        let mut bare = self.clone();
        bare.review = None;
        let text = serde_json::to_string(&bare).unwrap_or_default();
        crate::article::fingerprint(text.as_bytes())
    }

    /// Is the review, if any, about another version of the entry?
    pub fn review_is_stale(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.judged != self.fingerprint())
    }

    /// A URL, DOI, archived copy or snapshot: something a reader can follow. A URL counts only
    /// when it is http(s); see [`SourceEntry::non_web_urls`].
    pub fn has_locator(&self) -> bool {
        let nonempty = |s: &Option<String>| s.as_deref().is_some_and(|v| !v.trim().is_empty());
        self.url.as_ref().is_some_and(|u| is_web_url(u.value()))
            || self.archive_url.as_deref().is_some_and(is_web_url)
            || nonempty(&self.doi)
            || self
                .serial_number
                .get("doi")
                .is_some_and(|d| !d.trim().is_empty())
            || nonempty(&self.snapshot)
    }

    /// The fields (`url`, `archive-url`) holding something other than an http(s) URL, such as
    /// `javascript:…`, a bare path or a typo.
    pub fn non_web_urls(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if let Some(u) = &self.url {
            if !u.value().trim().is_empty() && !is_web_url(u.value()) {
                out.push(("url", u.value()));
            }
        }
        if let Some(u) = self.archive_url.as_deref() {
            if !u.trim().is_empty() && !is_web_url(u) {
                out.push(("archive-url", u));
            }
        }
        out
    }

    /// The outlet or publisher, from `publisher` or the parent entry.
    pub fn outlet(&self) -> Option<&str> {
        self.publisher
            .as_deref()
            .or_else(|| {
                self.parent
                    .as_ref()
                    .and_then(|p| p.title.as_deref().or(p.publisher.as_deref()))
            })
            .filter(|s| !s.trim().is_empty())
    }

    /// The year of publication, when `date` starts with one.
    pub fn year(&self) -> Option<i32> {
        self.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    }
}

/// An absolute http or https URL with something after the scheme.
pub fn is_web_url(url: &str) -> bool {
    let u = url.trim();
    ["https://", "http://"].iter().any(|scheme| {
        u.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
            && u.len() > scheme.len()
            && !u.contains(char::is_whitespace)
    })
}
