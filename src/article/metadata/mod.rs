//! Article metadata: title, author, date and outlet, each recorded as missing when absent.

use super::furniture::Furniture;
use super::layout::{Block, BlockKind};
use super::normalize::Normalized;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

mod credits;

pub use credits::{
    bio_name, copyright_holder, parse_byline, parse_credit, republished_from, Byline,
};
use credits::{disclosure_re, is_name, join_names, lower_words, tidy, OUTLET_WORDS};

/// What the article says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The headline as the article writes it (a `Title:` line, a `#` heading, else the first
    /// heading-like block near the top); `None` when none is found.
    pub title: Option<String>,
    /// The author's name, from an `Author:` line, a byline, a credit line or a bio box; several
    /// are joined as "A, B and C". `None` when the article names nobody.
    pub author: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The publication's name, from an `Outlet:` line (or the outlet of a `Source:` address), a
    /// byline, a republication notice, a copyright line or a masthead; `None` when none is found.
    pub outlet: Option<String>,
}

impl Metadata {
    /// Names of the fields the article does not give.
    pub fn missing(&self) -> Vec<String> {
        let mut m = Vec::new();
        for (name, v) in [
            ("title", &self.title),
            ("author", &self.author),
            ("date", &self.date),
            ("outlet", &self.outlet),
        ] {
            if v.is_none() {
                m.push(name.to_string());
            }
        }
        m
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number for a full or abbreviated English month name.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&n) && (n.len() >= 3))
        .filter(|&i| n.len() == 3 || MONTHS[i] == n || (n == "sept" && i == 8))
        .map(|i| i as u32 + 1)
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?
            (?:
              (?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})
            | (?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>[A-Z][a-z]{2,8}\.?)\s+(?P<year2>(?:19|20)\d{2})
            | (?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})
            | (?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>(?:19|20)\d{2})
            )",
        )
        .expect("static regex")
    })
}

/// The first full date in `s`: its ISO form and its byte range.
pub fn find_date(s: &str) -> Option<(String, usize, usize)> {
    // Every format has a four-digit year: skip the regular expression when there is none.
    if !s
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    for caps in date_re().captures_iter(s) {
        let whole = caps.get(0)?;
        let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(mon) = caps.name("mon") {
            (num("year"), month_number(mon.as_str()), num("day"))
        } else if let Some(mon) = caps.name("mon2") {
            (num("year2"), month_number(mon.as_str()), num("day2"))
        } else if caps.name("iy").is_some() {
            (num("iy"), num("im"), num("id"))
        } else {
            (num("uy"), num("um"), num("ud"))
        };
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((format!("{y:04}-{m:02}-{d:02}"), whole.start(), whole.end()));
            }
        }
    }
    None
}

/// Find the first full date in `s`: its ISO form and the length of the matched text (counted
/// from the start of `s`, so callers can tell a date line from a sentence that mentions one).
pub fn parse_date(s: &str) -> Option<(String, usize)> {
    let (iso, start, end) = find_date(s)?;
    // Date lines may carry a short lead such as "Updated" or "Published on".
    if s[..start].split_whitespace().count() <= 3 {
        Some((iso, end))
    } else {
        Some((iso, end - start))
    }
}

/// Does a date line say when the article was published or last updated?
pub fn labelled_date(t: &str) -> bool {
    let l = t.trim_start().to_lowercase();
    [
        "published",
        "posted",
        "updated",
        "last updated",
        "last update",
        "last modified",
        "first published",
        "originally published",
        "date:",
        "released",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// How many blocks from the top of the page metadata is looked for.
const HEAD: usize = 15;
/// How many blocks from the end of the page author boxes and notices are looked for.
const TAIL: usize = 6;

/// Read the metadata from the article's blocks and their furniture classification.
///
/// Each field comes from the article's own text, never from page furniture such as search
/// widgets, filter panels, archive headers or navigation (those blocks are classified as
/// furniture first and skipped here):
///
/// | field | where, in order of preference |
/// |---|---|
/// | title | a `Title:` line; a Markdown `#` heading near the top; the first heading-like block that is not furniture |
/// | author | an `Author:` line; a byline (`By Jane Doe, The Daily Planet`, `Posted by …`); a credit line (`Jane Doe, Professor of History, Midvale University`); a bio box (`Jane Doe is a professor of …`); a disclosure statement naming the author |
/// | date | a `Date:` line; a date line near the top (`Updated March 3, 2024`); a date in a byline; a `Published:`/`Last updated:` line anywhere; a date ending the headline |
/// | outlet | an `Outlet:`/`Publisher:`/`Source:` line; a byline's outlet (`By Jane Doe, The Daily Planet`); a republication notice (`This article is republished from X`); a copyright line (`© 2024 X`) |
pub fn extract(
    norm: &Normalized,
    original: &str,
    blocks: &[Block],
    furniture: &[Option<Furniture>],
) -> Metadata {
    let src = Source {
        norm,
        original,
        text: norm.text(),
        blocks,
        furniture,
    };
    let mut meta = Metadata::default();
    src.key_lines(&mut meta);
    let title = src.title(&mut meta);
    src.top_date(&mut meta);
    src.credits(&mut meta);
    src.late_date(&mut meta, title.block);
    src.notice_outlet(&mut meta, title.masthead);
    meta
}

/// The article as the metadata passes of [`extract`] read it.
struct Source<'a> {
    norm: &'a Normalized,
    original: &'a str,
    /// The analysis text.
    text: &'a str,
    blocks: &'a [Block],
    /// Parallel to `blocks`.
    furniture: &'a [Option<Furniture>],
}

/// Where the title was found: its block's start, and a masthead passed over above it.
struct Title<'a> {
    block: Option<usize>,
    masthead: Option<&'a str>,
}

impl<'a> Source<'a> {
    /// A value, a slice of the analysis text, recorded as the article writes it, with white
    /// space tidied.
    fn orig(&self, s: &str) -> String {
        let text = self.text;
        let base = text.as_ptr() as usize;
        let at = (s.as_ptr() as usize).wrapping_sub(base);
        let raw = if at <= text.len() && at + s.len() <= text.len() {
            let (a, b) = (self.norm.orig_start(at), self.norm.orig_end(at + s.len()));
            self.original.get(a..b.max(a)).unwrap_or(s)
        } else {
            s
        };
        // Markdown syntax around a value (`**`, `[...](...)`) is not part of it.
        let raw = if raw.contains(['[', '*', '_']) && !s.contains(['[', '*', '_']) {
            s
        } else {
            raw
        };
        tidy(raw)
    }

    /// The text of a block after its list marker, trimmed.
    fn body(&self, b: &Block) -> &'a str {
        self.text[b.body..b.end].trim()
    }

    /// Key: value metadata lines (Markdown front matter rendered as bold labels, PDF headers).
    fn key_lines(&self, meta: &mut Metadata) {
        for (b, f) in self.blocks.iter().zip(self.furniture).take(12) {
            if *f != Some(Furniture::Metadata) {
                continue;
            }
            for line in self.body(b).lines() {
                let Some((key, value)) = line.split_once(':') else {
                    continue;
                };
                let (key, value) = (key.trim().to_lowercase(), value.trim());
                if value.is_empty() {
                    continue;
                }
                if key.starts_with("author") || key == "by" || key == "writer" {
                    meta.author
                        .get_or_insert_with(|| author_value(value, &|s: &str| self.orig(s)));
                } else if key.contains("date") || key == "published" || key == "updated" {
                    if let Some((iso, _)) = parse_date(value) {
                        meta.date.get_or_insert(iso);
                    }
                } else if key == "outlet"
                    || key == "publisher"
                    || key == "publication"
                    || key == "site"
                {
                    meta.outlet.get_or_insert_with(|| self.orig(value));
                } else if key == "source" || key == "url" {
                    if let Some(outlet) = crate::outlets::outlet_for_url(value) {
                        meta.outlet.get_or_insert(outlet);
                    }
                } else if key == "title" {
                    meta.title.get_or_insert_with(|| self.orig(value));
                }
            }
        }
    }

    /// Title: a Markdown `#` heading near the top, else the first heading-like block near the
    /// top that is not furniture.
    fn title(&self, meta: &mut Metadata) -> Title<'a> {
        let (blocks, furniture) = (self.blocks, self.furniture);
        let body = |b: &Block| self.body(b);
        let top_heading = blocks.iter().zip(furniture).take(12).find(|(b, f)| {
            f.is_none()
                && b.kind == BlockKind::Heading
                && self
                    .original
                    .get(self.norm.orig_start(b.start)..)
                    .is_some_and(|o| o.starts_with("# "))
        });
        let mut title = Title {
            block: None,
            masthead: None,
        };
        if let Some((b, _)) = top_heading {
            title.block = Some(b.start);
            meta.title.get_or_insert_with(|| self.orig(body(b)));
        }
        let heading_like = |b: &Block| {
            let t = body(b);
            let ends_sentence = t.ends_with('.') || t.ends_with(':');
            b.kind == BlockKind::Heading || (!ends_sentence && t.split_whitespace().count() <= 30)
        };
        if meta.title.is_none() {
            let candidates: Vec<&Block> = blocks
                .iter()
                .zip(furniture)
                .take(8)
                .filter(|(b, f)| f.is_none() && heading_like(b))
                .map(|(b, _)| b)
                .collect();
            // A masthead (`The Midvale Courier`) above the headline names the outlet, not the
            // article.
            let skip = match candidates.as_slice() {
                [first, second, ..]
                    if is_masthead(body(first)) && second.para <= first.para + 3 =>
                {
                    title.masthead = Some(body(first));
                    1
                }
                _ => 0,
            };
            if let Some(b) = candidates.get(skip) {
                title.block = Some(b.start);
                meta.title = Some(self.orig(body(b)));
            }
        }
        title
    }

    /// Date: the first date line near the top.
    fn top_date(&self, meta: &mut Metadata) {
        for (b, f) in self.blocks.iter().zip(self.furniture).take(HEAD) {
            if *f == Some(Furniture::Dateline) || b.kind == BlockKind::Line {
                if let Some((iso, len)) = parse_date(self.body(b)) {
                    if *f == Some(Furniture::Dateline) || len * 2 >= self.body(b).len() {
                        meta.date.get_or_insert(iso);
                        break;
                    }
                }
            }
        }
    }

    /// Author (and outlet, date): bylines, credit lines, bio boxes, "Author" headings, and
    /// failing those a disclosure statement naming the author.
    fn credits(&self, meta: &mut Metadata) {
        let blocks = self.blocks;
        let orig = |s: &str| self.orig(s);
        let mut disclosed = None;
        for (i, (b, f)) in blocks.iter().zip(self.furniture).enumerate() {
            let t = self.body(b);
            match f {
                Some(Furniture::Byline) => {
                    if let Some(by) = parse_byline(t) {
                        meta.author.get_or_insert_with(|| orig(by.author));
                        if let Some(o) = by.outlet {
                            meta.outlet.get_or_insert_with(|| orig(o));
                        }
                        if let (Some(d), true) = (by.date, i < HEAD) {
                            meta.date.get_or_insert(d);
                        }
                    } else if let Some(names) = parse_credit(t) {
                        let names: Vec<String> = names.into_iter().map(orig).collect();
                        meta.author.get_or_insert_with(|| join_names(&names));
                    }
                }
                Some(Furniture::AuthorBio) if super::furniture::is_name_line(t) => {
                    meta.author.get_or_insert_with(|| orig(t));
                }
                Some(Furniture::AuthorBio) => {
                    if let Some(name) = bio_name(t) {
                        meta.author.get_or_insert_with(|| orig(name));
                    }
                }
                Some(Furniture::Disclaimer) => {
                    if let Some(c) = disclosure_re().captures(t) {
                        disclosed = disclosed.or(c.name("name").map(|m| m.as_str()));
                    }
                }
                None if b.kind == BlockKind::Heading
                    && t.to_lowercase().starts_with("author")
                    && !t.contains(':') =>
                {
                    if let Some(next) = blocks.get(i + 1) {
                        let n = self.body(next);
                        if super::furniture::is_name_line(n) {
                            meta.author.get_or_insert_with(|| orig(n));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(name) = disclosed {
            meta.author.get_or_insert_with(|| orig(name));
        }
    }

    /// Date, failing a date line at the top: a "Published:" or "Last updated:" line anywhere,
    /// then a date that ends the headline ("Remarks at the Harbour Forum, March 3, 2024"), the
    /// block starting at `title_block`.
    fn late_date(&self, meta: &mut Metadata, title_block: Option<usize>) {
        let blocks = self.blocks;
        if meta.date.is_none() {
            meta.date = blocks
                .iter()
                .zip(self.furniture)
                .filter(|(b, f)| **f == Some(Furniture::Dateline) && labelled_date(self.body(b)))
                .find_map(|(b, _)| parse_date(self.body(b)).map(|d| d.0));
        }
        if meta.date.is_none() {
            if let Some(b) = title_block.and_then(|s| blocks.iter().find(|b| b.start == s)) {
                let t = self.body(b);
                if let Some((iso, _, end)) = find_date(t) {
                    if t[end..].trim().is_empty() && t[..end].contains(',') {
                        meta.date = Some(iso);
                    }
                }
            }
        }
    }

    /// Outlet, failing a metadata line or a byline: a republication notice, else a copyright
    /// line, near the top or the end of the page, else the `masthead` above the headline.
    fn notice_outlet(&self, meta: &mut Metadata, masthead: Option<&str>) {
        if meta.outlet.is_some() {
            return;
        }
        let n = self.blocks.len();
        let near = |i: usize| i < HEAD || i + TAIL >= n;
        let notices = || {
            self.blocks
                .iter()
                .zip(self.furniture)
                .enumerate()
                .filter(move |(i, (_, f))| near(*i) && **f == Some(Furniture::Disclaimer))
                .map(|(_, (b, _))| self.body(b))
        };
        meta.outlet = notices()
            .find_map(republished_from)
            .or_else(|| notices().find_map(copyright_holder))
            .or(masthead)
            .map(|s| self.orig(s));
    }
}

/// A newspaper's name set above the headline: `The Midvale Courier`, `The Daily Planet`.
fn is_masthead(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words[0] == "The"
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && lower_words(t).any(|w| OUTLET_WORDS.contains(&w.as_str()))
}

/// An `Author:` value: a catalogue-style inverted name with initials (`Doe, Jane Q.`) is put in
/// reading order; anything else is kept as written.
fn author_value(value: &str, orig: &impl Fn(&str) -> String) -> String {
    if let Some((last, first)) = value.split_once(", ") {
        let initial = first
            .split_whitespace()
            .any(|w| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase));
        if initial && is_name(last) && !last.contains(' ') && is_name(first) && !first.contains(',')
        {
            return format!("{} {}", orig(first), orig(last));
        }
    }
    orig(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_formats() {
        assert_eq!(
            parse_date("Monday, April 21, 2025").unwrap().0,
            "2025-04-21"
        );
        assert_eq!(parse_date("Updated April 9, 2026").unwrap().0, "2026-04-09");
        assert_eq!(parse_date("9 Sept. 2024").unwrap().0, "2024-09-09");
        assert_eq!(parse_date("04/21/2026").unwrap().0, "2026-04-21");
        assert_eq!(parse_date("2019-01-14").unwrap().0, "2019-01-14");
        assert!(parse_date("Mayday 12, 2020").is_none());
        assert!(parse_date("no date here").is_none());
    }

    #[test]
    fn a_date_line_is_distinguished_from_a_sentence_with_a_date() {
        let (_, len) = parse_date("Monday, January 14, 2019").unwrap();
        assert_eq!(len, "Monday, January 14, 2019".len());
        let s = "The first Earth Day was observed on April 22, 1970, after a call.";
        let (_, len) = parse_date(s).unwrap();
        assert!(len * 2 < s.len());
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(month_number("Ma"), None);
    }

    fn meta(src: &str) -> Metadata {
        let format = if src.starts_with("# ") {
            crate::article::Format::Markdown
        } else {
            crate::article::Format::Text
        };
        crate::article::Article::from_text("a.txt", src.to_string(), format).metadata
    }

    #[test]
    fn bylines_with_outlets_dates_and_several_authors() {
        let b = parse_byline("By Jane Doe, The Midvale Courier").unwrap();
        assert_eq!(
            (b.author, b.outlet),
            ("Jane Doe", Some("The Midvale Courier"))
        );
        let b = parse_byline("By Jane Doe and Omar Field | Staff Writers | March 3, 2024").unwrap();
        assert_eq!(b.author, "Jane Doe and Omar Field");
        assert_eq!(b.outlet, None);
        assert_eq!(b.date.as_deref(), Some("2024-03-03"));
        let b = parse_byline("By Jane Doe, Omar Field and Lu Pei").unwrap();
        assert_eq!(b.author, "Jane Doe, Omar Field and Lu Pei");
        let b = parse_byline("Posted by Kelvin R. Marsh on 3 March 2024").unwrap();
        assert_eq!(b.author, "Kelvin R. Marsh");
        assert_eq!(b.date.as_deref(), Some("2024-03-03"));
        let b = parse_byline("By Jane Doe for Harbour Weekly").unwrap();
        assert_eq!((b.author, b.outlet), ("Jane Doe", Some("Harbour Weekly")));
        assert!(parse_byline("By Tuesday, the council had voted to close it.").is_none());
        assert!(parse_byline("By then it was too late").is_none());
    }

    #[test]
    fn credit_lines_bios_notices_and_copyright() {
        assert_eq!(
            parse_credit("Mara Quill, Senior Lecturer, Midvale University"),
            Some(vec!["Mara Quill"])
        );
        assert_eq!(
            parse_credit("Mara Quill, Professor of Law and Economics, Midvale University and Ivo Stann, Research Fellow, Portside Institute"),
            Some(vec!["Mara Quill", "Ivo Stann"])
        );
        assert_eq!(
            parse_credit("Mara Quill, Reader in History, Midvale University; Ivo Stann, Associate Professor, Department of Law, Eastwick College"),
            Some(vec!["Mara Quill", "Ivo Stann"])
        );
        assert_eq!(parse_credit("New York, New York"), None);
        assert_eq!(
            parse_credit("Ivo Stann, who chairs the board, said the fares will rise."),
            None
        );
        assert_eq!(
            bio_name(
                "Ivo Stann is an associate professor of maritime history at Eastwick College."
            ),
            Some("Ivo Stann")
        );
        assert_eq!(
            bio_name("Ivo Stann is a member of the harbour board."),
            None
        );
        assert_eq!(
            republished_from("This article is republished from The Ferry Review under a Creative Commons license. Read the original article."),
            Some("The Ferry Review")
        );
        assert_eq!(
            republished_from("This story was originally published by Harbour Watch."),
            Some("Harbour Watch")
        );
        assert_eq!(
            copyright_holder("© 2024 The Midvale Courier. All rights reserved."),
            Some("The Midvale Courier")
        );
        assert_eq!(
            copyright_holder("Copyright 2019-2024 Portside Media Group"),
            Some("Portside Media Group")
        );
        assert_eq!(copyright_holder("© 2024 Jane Doe"), None);
        assert_eq!(copyright_holder("Photo © Jane Doe / Portside Media"), None);
    }

    #[test]
    fn a_scraped_search_page_gives_the_article_metadata_not_the_widget() {
        let m = meta(
            "Search\n\nAdvanced Search\n\nCurrent Filters\n\nArchive for the 'Harbour' Category\n\nHome > News > Harbour\n\nFerry fares to rise in spring\n\nBy Jane Doe, The Midvale Courier\n\nPublished: March 3, 2024\n\nShare on Facebook\n\nThe ferry company said on Monday that fares would rise by 12 percent in April.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Ferry fares to rise in spring"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.outlet.as_deref(), Some("The Midvale Courier"));
        assert_eq!(m.date.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn an_author_box_and_republication_notice_at_the_end() {
        let m = meta(
            "# Why the ferry should stay public\n\nThe harbour authority wants to sell the ferry line to a private operator, and the sale would close two of the five routes that islanders rely on.\n\n[Mara Quill](https://example.org/profiles/mq), Senior Lecturer, *[Midvale University](https://example.org/inst/mu)*\n\nThis article is republished from [The Ferry Review](https://example.org) under a Creative Commons license.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Why the ferry should stay public"));
        assert_eq!(m.author.as_deref(), Some("Mara Quill"));
        assert_eq!(m.outlet.as_deref(), Some("The Ferry Review"));
        assert_eq!(m.date, None);
    }

    #[test]
    fn dates_at_the_end_of_the_page_or_the_headline() {
        let m = meta(
            "Remarks at the Harbour Forum\n\nThank you all for coming to the harbour forum this evening, and thank you to the organisers for having me.\n\nLast updated: March 01, 2024\n",
        );
        assert_eq!(m.date.as_deref(), Some("2024-03-01"));
        let m = meta(
            "Briefing by the Harbour Master aboard the Ferry Osprey, 4/12/2023\n\nHARBOUR MASTER: Good morning, everyone, and thank you for joining this briefing on the ferry.\n",
        );
        assert_eq!(m.date.as_deref(), Some("2023-04-12"));
        // A date the body mentions near the end is not the article's date.
        let m = meta(
            "The ferry line closes\n\nThe harbour authority closed the line.\n\nIt first sailed on June 2, 1961.\n",
        );
        assert_eq!(m.date, None);
    }

    #[test]
    fn catalogue_style_author_names_are_put_in_reading_order() {
        let m = meta(
            "Ferry Finances\n\nAuthor(s): Quill, Mara T.\n\nThe ferry line lost money in 2023.\n",
        );
        assert_eq!(m.author.as_deref(), Some("Mara T. Quill"));
        let m = meta("Ferry Finances\n\nAuthor: Jane Doe, Harbour Desk\n\nThe ferry line lost money in 2023.\n");
        assert_eq!(m.author.as_deref(), Some("Jane Doe, Harbour Desk"));
    }

    #[test]
    fn no_break_spaces_in_a_title_are_tidied() {
        let m = meta(
            "Ferry fares to\u{a0}rise in spring\n\nThe ferry company said fares would rise.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Ferry fares to rise in spring"));
    }

    #[test]
    fn a_masthead_above_the_headline_is_the_outlet() {
        let m = meta(
            "The Midvale Courier\n\nFerry fares to rise in spring\n\nBy Jane Doe\n\nUpdated 9:40 a.m. ET, March 3rd, 2024\n\nThe ferry company said on Monday that fares would rise by 12 percent in April.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Ferry fares to rise in spring"));
        assert_eq!(m.outlet.as_deref(), Some("The Midvale Courier"));
        assert_eq!(m.date.as_deref(), Some("2024-03-03"));
        // A headline that happens to contain "News" is still the headline.
        let m = meta(
            "The News Nobody Read\n\nThe ferry company said on Monday that fares would rise by 12 percent in April.\n",
        );
        assert_eq!(m.title.as_deref(), Some("The News Nobody Read"));
        assert_eq!(m.outlet, None);
    }

    #[test]
    fn ordinal_day_first_dates() {
        assert_eq!(parse_date("3rd March 2024").unwrap().0, "2024-03-03");
        assert_eq!(parse_date("the 21st of June 2023").unwrap().0, "2023-06-21");
    }
}
