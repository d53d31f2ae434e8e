//! Reference lists: finding the sections (References, Sources, Notes, Footnotes, resource
//! lists …) and their entries; footnotes that no heading introduces are found by `notes`, and
//! each entry is parsed into outlet, year, title, URL and DOI by `parse` (with `creators`
//! telling people from organisations).

mod creators;
mod notes;
mod parse;

pub use notes::note_blocks;
pub use parse::parse_entry;

use crate::article::{Article, BlockKind, Furniture, Marker};
use notes::{note_span, split_works};
use regex::Regex;
use std::sync::OnceLock;

/// A reference-list entry, located in normalised coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Index (into the article's blocks) of the block holding the entry.
    pub block: usize,
    /// Byte offset in the analysis text where the entry begins, after its list marker.
    pub start: usize,
    /// Byte offset in the analysis text just past the entry, without a footnote marker glued
    /// to its end.
    pub end: usize,
    /// The entry's number from its marker (`1.`, `[1]`) or its footnote; `None` for a bulleted
    /// or unmarked entry.
    pub number: Option<u32>,
    /// What the entry says about the cited work, parsed from its original text.
    pub fields: Fields,
}

/// What an entry (or an inline mention) says about the cited work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The author or authors as the entry writes them ("Smith, J., & Doe, A."); `None` when
    /// it names none.
    pub author: Option<String>,
    /// The publication, publisher or site; failing one in the words, the outlet its address
    /// belongs to. `None` when neither says.
    pub outlet: Option<String>,
    /// The year of publication; `None` when the entry gives none.
    pub year: Option<i32>,
    /// The title of the cited work, trimmed of the punctuation around it; `None` when none can
    /// be told.
    pub title: Option<String>,
    /// A bracketed description standing in for a title: `[Lavrov's statements on …]`.
    pub description: Option<String>,
    /// The web address the entry (or the link) gives; `None` when there is none.
    pub url: Option<String>,
    /// The bare DOI (`10.1234/abc`), without a `doi:` or `https://doi.org/` prefix.
    pub doi: Option<String>,
    /// ISO date the cited page was accessed, when the entry says.
    pub accessed: Option<String>,
    /// "Ibid." / "Op. cit.": the same work as the entry before.
    pub ibid: bool,
    /// An explanatory note rather than a citation.
    pub note: bool,
}

/// Is this block text the heading of a reference section?
pub fn is_section_heading(text: &str) -> bool {
    static HEADING: OnceLock<Regex> = OnceLock::new();
    let heading = HEADING.get_or_init(|| {
        Regex::new(r"(?i)^(?:\d+\.?\s+)?(?:references?|reference list|sources?(?: and notes)?|notes|end ?notes|foot ?notes|bibliography|works cited|citations|further reading|literature|web resources|resources|related [\w ]*reports?|selected [\w ]*|[\w ]*\b(?:speeches|statements|resources|reports|readings|links|sources)\b[\w ]*)\s*:?$")
            .expect("static regex")
    });
    let t = text.trim();
    t.split_whitespace().count() <= 8 && heading.is_match(t)
}

/// What [`find_entries`] finds.
pub struct Found {
    /// The entries, in text order.
    pub entries: Vec<Entry>,
    /// Parallel to the blocks: whether each block belongs to a reference section (headings and
    /// entries do; prose paragraphs inside a section stay body text).
    pub in_refs: Vec<bool>,
    /// Parallel to the blocks: the note number of each footnote or endnote block that no
    /// heading introduces ([`note_blocks`]).
    pub notes: Vec<Option<u32>>,
}

/// Find reference sections, footnotes and their entries.
pub fn find_entries(article: &Article) -> Found {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let mut in_refs = vec![false; blocks.len()];
    let mut entries = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let heading_like = b.kind == BlockKind::Heading
            || (b.kind == BlockKind::Paragraph
                && text[b.body..b.end].split_whitespace().count() <= 4);
        if !(heading_like
            && article.furniture[i].is_none()
            && is_section_heading(&text[b.body..b.end]))
        {
            i += 1;
            continue;
        }
        in_refs[i] = true;
        // The section runs to the next heading or piece of furniture.
        let mut j = i + 1;
        while j < blocks.len()
            && blocks[j].kind != BlockKind::Heading
            && article.furniture[j].is_none_or(|f| f == Furniture::Placeholder)
        {
            j += 1;
        }
        let section: Vec<usize> = (i + 1..j)
            .filter(|&k| article.furniture[k].is_none())
            .collect();
        let marked = section.iter().any(|&k| blocks[k].marker.is_some());
        for &k in &section {
            let bk = &blocks[k];
            let body = text[bk.body..bk.end].trim();
            let is_entry = if marked {
                bk.marker.is_some()
            } else {
                matches!(bk.kind, BlockKind::Line | BlockKind::Paragraph) && !body.ends_with(':')
            };
            if !is_entry {
                continue;
            }
            in_refs[k] = true;
            let number = match bk.marker {
                Some(Marker::Numbered(n) | Marker::BareNumber(n)) => Some(n),
                _ => None,
            };
            let end = bk.body + strip_marker(&text[bk.body..bk.end]).len();
            let (os, oe) = article.original_span(bk.body, end);
            let raw = &article.original[os..oe];
            entries.push(Entry {
                block: k,
                start: bk.body,
                end,
                number,
                fields: parse_entry(raw),
            });
        }
        i = j.max(i + 1);
    }
    // Footnotes and endnotes that no heading introduces.
    let notes = note_blocks(article);
    for (k, n) in notes.iter().enumerate() {
        let Some(n) = *n else {
            continue;
        };
        if in_refs[k] {
            continue;
        }
        let bk = &blocks[k];
        let (start, end) = note_span(text, bk.start, bk.end);
        for (a, b) in split_works(text, start, end) {
            let (os, oe) = article.original_span(a, b);
            entries.push(Entry {
                block: k,
                start: a,
                end: b,
                number: Some(n),
                fields: parse_entry(&article.original[os..oe]),
            });
        }
    }
    entries.sort_by_key(|e| e.start);
    // "Ibid." takes the work of the entry before it.
    for k in 1..entries.len() {
        if entries[k].fields.ibid {
            let prev = entries[k - 1].fields.clone();
            let f = &mut entries[k].fields;
            f.author = f.author.take().or(prev.author);
            f.outlet = f.outlet.take().or(prev.outlet);
            f.title = f.title.take().or(prev.title);
            f.year = f.year.or(prev.year);
            f.url = f.url.take().or(prev.url);
        }
    }
    Found {
        entries,
        in_refs,
        notes,
    }
}

/// A footnote marker glued to the end of an entry ("(2025-)9") is not part of it.
pub fn strip_marker(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if t.len() < s.len() && s.len() - t.len() <= 2 && t.ends_with([')', '"', '\u{201d}']) {
        t
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn section_headings() {
        for h in [
            "References",
            "Sources:",
            "Footnotes",
            "Web Resources",
            "Related CRS Report",
            "Selected Speeches and Recognitions",
            "Works Cited",
        ] {
            assert!(is_section_heading(h), "{h}");
        }
        for h in [
            "Recent Commemorative Legislation",
            "Why Are Russians Trusting Trump?",
            "Energy Diplomacy",
        ] {
            assert!(!is_section_heading(h), "{h}");
        }
    }
}
