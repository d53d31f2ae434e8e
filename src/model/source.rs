//! Source entries: `sources/<id>.yaml`, one per cited work, with hayagriva-compatible field
//! names (so that the entries can feed a bibliography tool) plus dossier's own fields.

use super::review::Review;
use crate::util::url::is_http;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest snapshot `check` reads (64 MiB): a larger file is reported, not read.
pub const MAX_SNAPSHOT_BYTES: u64 = 64 * 1024 * 1024;

/// A cited work. `extract` writes a stub with what the article says; editors complete it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceEntry {
    /// hayagriva entry type: `article`, `web`, `book`, `report`, `legislation`, `misc`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// The cited work's title.
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
    pub url: Option<SourceUrl>,
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
    /// dossier: a local copy of the source's text: its path relative to the dossier root, or
    /// `{path, url, taken, sha256}` recording where and when it was taken and its hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Snapshot>,
    /// dossier: editors' notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// dossier: an editor's verdict on the entry (`dossier review SOURCE-ID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// dossier: the last `dossier fetch` of the entry's URL, whether it worked or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<FetchRecord>,
}

/// A snapshot: a bare path (as written by hand), or a path with where and when it was taken
/// and the SHA-256 of the file's bytes (as `dossier fetch` writes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Snapshot {
    /// Only the path of the copy, relative to the dossier root.
    Path(String),
    /// The path with where and when the copy was taken and its hash.
    Recorded(SnapshotRecord),
}

/// A snapshot with its provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SnapshotRecord {
    /// Path relative to the dossier root, e.g. `sources/snapshots/<id>.txt`.
    pub path: String,
    /// Where the text was taken from (after redirects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When, as an RFC 3339 UTC time (`2025-06-01T12:00:00Z`) or a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    /// Lower-case hex SHA-256 of the file's bytes; `check` reports a file that no longer
    /// matches (`snapshot-changed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Free text, e.g. why the snapshot was written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Snapshot {
    /// The path of the copy, relative to the dossier root, however it is written.
    pub fn path(&self) -> &str {
        match self {
            Snapshot::Path(p) => p,
            Snapshot::Recorded(r) => &r.path,
        }
    }

    /// The recorded hash, if any.
    pub fn sha256(&self) -> Option<&str> {
        match self {
            Snapshot::Path(_) => None,
            Snapshot::Recorded(r) => r.sha256.as_deref(),
        }
    }
}

/// What the last fetch of a source's URL found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FetchRecord {
    /// RFC 3339 UTC time of the attempt.
    pub time: String,
    /// The URL asked for.
    pub url: String,
    /// `ok`, `moved`, `archived`, `dead`, `could-not-verify`, `refused` or `failed`.
    pub outcome: String,
    /// The final HTTP status, when a response came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The URL the redirects ended at, when it differs from `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// What went wrong, or what was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A string or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single string, as `extract` writes an author.
    One(String),
    /// A list of strings, in the order given.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The single string, or the first of the list; `None` for an empty list.
    pub fn first(&self) -> Option<&str> {
        match self {
            OneOrMany::One(s) => Some(s),
            OneOrMany::Many(v) => v.first().map(String::as_str),
        }
    }
}

/// A source entry's `url:` as written: a plain string, or with the date it was accessed (the
/// address itself is judged by `check`, as browsers parse it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum SourceUrl {
    /// The URL alone, as `extract` writes it.
    Plain(String),
    /// `{value, date}`: the URL with the date it was accessed.
    Dated {
        /// The URL.
        value: String,
        /// The date the URL was accessed (ISO 8601, `2025-04-21`).
        #[serde(default)]
        date: Option<String>,
    },
}

impl SourceUrl {
    /// The URL itself, without any access date.
    pub fn value(&self) -> &str {
        match self {
            SourceUrl::Plain(s) => s,
            SourceUrl::Dated { value, .. } => value,
        }
    }
}

/// The containing work of an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Parent {
    /// hayagriva entry type of the containing work (`newspaper`, `periodical`, `web`, …).
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The containing work's name (the newspaper, journal or site).
    #[serde(default)]
    pub title: Option<String>,
    /// Who publishes the containing work.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Year or ISO date of the containing work (an issue's date).
    #[serde(default)]
    pub date: Option<String>,
}

impl SourceEntry {
    /// `sha256:<hex>` of the entry without its review, as a review records what it judged:
    /// any change to the entry's fields after the review makes the review stale. The record of
    /// the last `dossier fetch` is left out: fetching again says nothing new about the work.
    pub fn fingerprint(&self) -> String {
        let mut bare = self.clone();
        bare.review = None;
        bare.last_fetch = None;
        let text = serde_json::to_string(&bare).unwrap_or_default();
        crate::util::fingerprint(text.as_bytes())
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
        self.url.as_ref().is_some_and(|u| is_http(u.value()))
            || self.archive_url.as_deref().is_some_and(is_http)
            || nonempty(&self.doi)
            || self
                .serial_number
                .get("doi")
                .is_some_and(|d| !d.trim().is_empty())
            || self
                .snapshot
                .as_ref()
                .is_some_and(|s| !s.path().trim().is_empty())
    }

    /// The fields (`url`, `archive-url`) holding something other than an http(s) URL, such as
    /// `javascript:…`, a bare path or a typo.
    pub fn non_web_urls(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if let Some(u) = &self.url {
            if !u.value().trim().is_empty() && !is_http(u.value()) {
                out.push(("url", u.value()));
            }
        }
        if let Some(u) = self.archive_url.as_deref() {
            if !u.trim().is_empty() && !is_http(u) {
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

    /// Is the entry marked as demonstration data (made up, not a published work)? It is when
    /// its `note`, its snapshot's `note` or one of its `notes` begins with the word
    /// `DEMONSTRATION` in capitals. The report shows such entries with a badge.
    pub fn is_demonstration(&self) -> bool {
        let marked = |n: &str| {
            n.trim_start()
                .strip_prefix("DEMONSTRATION")
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        };
        let snapshot_note = match &self.snapshot {
            Some(Snapshot::Recorded(r)) => r.note.as_deref(),
            _ => None,
        };
        self.notes.iter().map(String::as_str).any(marked)
            || self.note.as_deref().is_some_and(marked)
            || snapshot_note.is_some_and(marked)
    }

    /// The year of publication, when `date` starts with one.
    pub fn year(&self) -> Option<i32> {
        self.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Review, Verdict};

    #[test]
    fn demonstration_entries_are_marked_by_a_note_in_capitals() {
        let mut entry = SourceEntry::default();
        assert!(!entry.is_demonstration());
        entry.notes = vec!["Demonstrations outside the port, says the caption".into()];
        assert!(!entry.is_demonstration(), "an ordinary word is no mark");
        entry
            .notes
            .push("DEMONSTRATIONS in capitals are still a word".into());
        assert!(!entry.is_demonstration());
        entry
            .notes
            .push("  DEMONSTRATION: made up for the example dossier".into());
        assert!(entry.is_demonstration());
        let snapshot_only = SourceEntry {
            snapshot: Some(Snapshot::Recorded(SnapshotRecord {
                path: "sources/snapshots/x.txt".into(),
                note: Some("DEMONSTRATION FIXTURE written by hand".into()),
                ..SnapshotRecord::default()
            })),
            ..SourceEntry::default()
        };
        assert!(snapshot_only.is_demonstration());
        let hayagriva_note = SourceEntry {
            note: Some("DEMONSTRATION".into()),
            ..SourceEntry::default()
        };
        assert!(hayagriva_note.is_demonstration());
    }

    #[test]
    fn a_source_review_goes_stale_on_an_edit_but_not_on_a_fetch() {
        let mut entry = SourceEntry {
            kind: "article".into(),
            title: Some("Energy Diplomacy".into()),
            ..SourceEntry::default()
        };
        let mut review = Review::new(Verdict::Verified, "Ann", "2025-01-01");
        review.judged = entry.fingerprint();
        entry.review = Some(review);
        entry.last_fetch = Some(FetchRecord {
            time: "2025-02-01T00:00:00Z".into(),
            url: "https://example.org/a".into(),
            outcome: "ok".into(),
            ..FetchRecord::default()
        });
        assert!(
            !entry.review_is_stale(),
            "recording a fetch judges nothing new"
        );
        entry.title = Some("Energy Diplomacy, revised".into());
        assert!(entry.review_is_stale(), "a changed title is another entry");
    }
}
