//! Article metadata: title, author, date and outlet, each recorded as missing when absent.

use super::furniture::Furniture;
use super::layout::{Block, BlockKind};
use super::normalize::Normalized;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// What the article says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
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
            | (?P<day2>\d{1,2})\s+(?P<mon2>[A-Z][a-z]{2,8}\.?)\s+(?P<year2>(?:19|20)\d{2})
            | (?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})
            | (?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>(?:19|20)\d{2})
            )",
        )
        .expect("static regex")
    })
}

/// Find the first full date in `s`: its ISO form and the length of the matched text (counted
/// from the start of `s`, so callers can tell a date line from a sentence that mentions one).
pub fn parse_date(s: &str) -> Option<(String, usize)> {
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
                let prefix = &s[..whole.start()];
                let lead = prefix.split_whitespace().count();
                // Date lines may carry a short lead such as "Updated" or "Published on".
                if lead <= 3 {
                    return Some((format!("{y:04}-{m:02}-{d:02}"), whole.end()));
                }
                return Some((format!("{y:04}-{m:02}-{d:02}"), whole.len()));
            }
        }
    }
    None
}

/// Read the metadata from the article's blocks and their furniture classification.
pub fn extract(
    norm: &Normalized,
    original: &str,
    blocks: &[Block],
    furniture: &[Option<Furniture>],
) -> Metadata {
    let text = norm.text();
    // Values are slices of the analysis text; record them as the article writes them.
    let orig = |s: &str| -> String {
        let base = text.as_ptr() as usize;
        let at = (s.as_ptr() as usize).wrapping_sub(base);
        if at <= text.len() && at + s.len() <= text.len() {
            let (a, b) = (norm.orig_start(at), norm.orig_end(at + s.len()));
            original.get(a..b.max(a)).unwrap_or(s).to_string()
        } else {
            s.to_string()
        }
    };
    let mut meta = Metadata::default();
    let body = |b: &Block| text[b.body..b.end].trim();
    // Key: value metadata lines (Markdown front matter rendered as bold labels, PDF headers).
    for (b, f) in blocks.iter().zip(furniture).take(12) {
        if *f != Some(Furniture::Metadata) {
            continue;
        }
        for line in body(b).lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim().to_lowercase(), value.trim());
            if value.is_empty() {
                continue;
            }
            if key.starts_with("author") || key == "by" || key == "writer" {
                meta.author.get_or_insert_with(|| orig(value));
            } else if key.contains("date") || key == "published" || key == "updated" {
                if let Some((iso, _)) = parse_date(value) {
                    meta.date.get_or_insert(iso);
                }
            } else if key == "outlet" || key == "publisher" || key == "publication" || key == "site"
            {
                meta.outlet.get_or_insert_with(|| orig(value));
            } else if key == "source" || key == "url" {
                if let Some(outlet) = crate::outlets::outlet_for_url(value) {
                    meta.outlet.get_or_insert(outlet);
                }
            } else if key == "title" {
                meta.title.get_or_insert_with(|| orig(value));
            }
        }
    }
    // Title: the first heading-like block near the top that is not furniture.
    for (b, f) in blocks.iter().zip(furniture).take(8) {
        if f.is_some() {
            continue;
        }
        let t = body(b);
        let ends_sentence = t.ends_with('.') || t.ends_with(':');
        if b.kind == BlockKind::Heading || (!ends_sentence && t.split_whitespace().count() <= 30) {
            meta.title.get_or_insert_with(|| orig(t));
            break;
        }
    }
    // Date: the first date line near the top.
    for (b, f) in blocks.iter().zip(furniture).take(15) {
        if *f == Some(Furniture::Dateline) || b.kind == BlockKind::Line {
            if let Some((iso, len)) = parse_date(body(b)) {
                if *f == Some(Furniture::Dateline) || len * 2 >= body(b).len() {
                    meta.date.get_or_insert(iso);
                    break;
                }
            }
        }
    }
    // Author: a byline, a bio box's name line, or the line after an "Author" heading.
    for (i, (b, f)) in blocks.iter().zip(furniture).enumerate() {
        let t = body(b);
        match f {
            Some(Furniture::Byline) => {
                let name = t.split_once(char::is_whitespace).map_or("", |x| x.1);
                let name = name.trim_start_matches("by ").trim();
                let name = name.split(['|', ',']).next().unwrap_or(name).trim();
                if !name.is_empty() {
                    meta.author.get_or_insert_with(|| orig(name));
                }
            }
            Some(Furniture::AuthorBio) if super::furniture::is_name_line(t) => {
                meta.author.get_or_insert_with(|| orig(t));
            }
            None if b.kind == BlockKind::Heading
                && t.to_lowercase().starts_with("author")
                && !t.contains(':') =>
            {
                if let Some(next) = blocks.get(i + 1) {
                    let n = body(next);
                    if super::furniture::is_name_line(n) {
                        meta.author.get_or_insert_with(|| orig(n));
                    }
                }
            }
            _ => {}
        }
    }
    meta
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
}
