//! Who wrote it, as a page says: bylines (`By Jo Kim and Ana Ruiz, Reuters`), author credit
//! lines and bios, republication and copyright notices, and the words that tell a person's
//! name from a role or an outlet in them.

use super::find_date;
use regex::Regex;
use std::sync::OnceLock;

/// Words that name a role or an affiliation in a byline or an author's credit line.
const ROLE_WORDS: &[&str] = &[
    "professor",
    "lecturer",
    "reader",
    "fellow",
    "researcher",
    "research",
    "director",
    "secretary",
    "minister",
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "university",
    "institute",
    "college",
    "school",
    "centre",
    "center",
    "department",
    "faculty",
    "president",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "officer",
    "analyst",
    "economist",
    "scientist",
    "journalist",
    "member",
    "governor",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senator",
    "representative",
    "founder",
    "partner",
    "student",
    "candidate",
    "associate",
    "assistant",
    "senior",
    "head",
    "dean",
    "adviser",
    "advisor",
    "consultant",
    "manager",
    "coordinator",
    "lawyer",
    "attorney",
    "historian",
    "scholar",
    "lead",
    "staff",
    "bureau",
    "producer",
    "author",
    "teacher",
    "lab",
    "laboratory",
    "programme",
    "program",
    "council",
    "deputy",
    "envoy",
    "commissioner",
    "emeritus",
    "visiting",
    "phd",
    "candidate",
];

/// Words that mark the name of a publication or a news organisation.
pub(super) const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "press",
    "journal",
    "herald",
    "daily",
    "tribune",
    "gazette",
    "guardian",
    "telegraph",
    "courier",
    "review",
    "magazine",
    "media",
    "radio",
    "tv",
    "television",
    "network",
    "agency",
    "wire",
    "chronicle",
    "observer",
    "standard",
    "mail",
    "express",
    "independent",
    "monitor",
    "record",
    "register",
    "examiner",
    "bulletin",
    "inquirer",
    "dispatch",
    "insider",
    "weekly",
    "online",
    "broadcasting",
    "service",
    "reuters",
    "bloomberg",
    "afp",
    "ap",
    "upi",
];

pub(super) fn lower_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn has_role_word(s: &str) -> bool {
    lower_words(s).any(|w| ROLE_WORDS.contains(&w.as_str()))
}

fn outlet_like(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("The ")
        || s.contains(".com")
        || lower_words(s).any(|w| OUTLET_WORDS.contains(&w.as_str()))
}

/// Lower-case particles inside personal names (`Ludwig van Beethoven`).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "bin", "ibn",
    "al", "la", "le", "ter",
];

/// A personal name: one to five capitalised words (initials and name particles allowed).
pub(super) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && s.len() < 60
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            PARTICLES.contains(w)
                || (w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c)))
        })
}

/// A list of personal names: `Jane Doe`, `Jane Doe and John Roe`, `A. Bee & C. Dee`.
fn is_name_list(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.split(" and ")
            .flat_map(|p| p.split(" & "))
            .all(|p| is_name(p.trim()))
}

/// What a byline gives: the author (a slice of the line), the outlet and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline<'a> {
    /// The name or names after the lead ("By"), as written: `Jane Doe and John Roe`.
    pub author: &'a str,
    /// The outlet named after the author (`for The Daily Planet`, `, The Daily Planet`);
    /// `None` when the line names none.
    pub outlet: Option<&'a str>,
    /// The date on the line, as ISO 8601 (`YYYY-MM-DD`); `None` when it gives none.
    pub date: Option<String>,
}

fn byline_lead() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:By|BY|Written by|Words by|Posted by|Reported by|Story by|Text by)\s+")
            .expect("static regex")
    })
}

/// Read a byline: `By Jane Doe`, `By Jane Doe and John Roe, The Daily Planet`,
/// `By Jane Doe | Staff Writer | March 3, 2024`, `Posted by Jane Doe on March 3, 2024`,
/// `By Jane Doe for The Daily Planet`. `None` when the line is a sentence that merely starts
/// with "By" (`By Tuesday, the council had voted.`).
pub fn parse_byline(t: &str) -> Option<Byline<'_>> {
    let lead = byline_lead().find(t)?.end();
    let rest = &t[lead..];
    if rest.split_whitespace().count() > 24 {
        return None;
    }
    let (date, before, after) = match find_date(rest) {
        Some((iso, s, e)) => (Some(iso), &rest[..s], &rest[e..]),
        None => (None, rest, ""),
    };
    // Segments of the line, as slices of `t`.
    let mut segs: Vec<(&str, bool)> = Vec::new();
    for part in [before, after] {
        for seg in part.split([',', '|', '·', '•', '—', '–', ';']) {
            let mut seg = seg;
            let mut after_for = false;
            for cut in [" for ", " on ", " at ", " in "] {
                if let Some(p) = seg.find(cut) {
                    if is_name_list(&seg[..p]) || seg[..p].trim().is_empty() {
                        segs.push((&seg[..p], after_for));
                        after_for = cut == " for ";
                        seg = &seg[p + cut.len()..];
                    }
                }
            }
            segs.push((seg, after_for));
        }
    }
    let mut author: Option<(usize, usize)> = None;
    let mut authors_open = true;
    let mut outlet = None;
    let base = t.as_ptr() as usize;
    for (i, (seg, after_for)) in segs.iter().enumerate() {
        let s = seg.trim().trim_end_matches('.').trim();
        let lower = s.to_lowercase();
        if s.is_empty()
            || [
                "on",
                "at",
                "in",
                "published",
                "updated",
                "posted",
                "last updated",
            ]
            .contains(&lower.as_str())
        {
            continue;
        }
        let at = s.as_ptr() as usize - base;
        let range = (at, at + s.len());
        if s.starts_with(char::is_lowercase) {
            // Lower-case words: a sentence, not a byline.
            return None;
        }
        if i == 0 {
            if !is_name_list(s) {
                return None;
            }
            author = Some(range);
        } else if *after_for || (outlet.is_none() && outlet_like(s) && !has_role_word(s)) {
            if outlet.is_none() {
                outlet = t.get(range.0..range.1);
            }
            authors_open = false;
        } else if authors_open && is_name_list(s) && !has_role_word(s) && s.contains(' ') {
            author = author.map(|(a, _)| (a, range.1));
        } else {
            // A role ("Staff Writer"), a place or a handle.
            authors_open = false;
        }
    }
    let (a, b) = author?;
    let author = t.get(a..b)?;
    Some(Byline {
        author,
        outlet,
        date,
    })
}

fn credit_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|del|der|di|du|bin|al|la|le)){1,4},\s")
            .expect("static regex")
    })
}

/// An author's credit line: `Jane Doe, Professor of History, Midvale University`, several
/// joined by `and` or `;`. Returns the names (slices of `t`).
pub fn parse_credit(t: &str) -> Option<Vec<&str>> {
    let t0 = t.trim();
    if t0.split_whitespace().count() > 70
        || t0.contains(['"', '“', '”', ':', '!', '?'])
        || (t0.ends_with('.') && t0.rsplit(' ').next().is_none_or(|w| w.len() > 4))
    {
        return None;
    }
    // Split into people: at ";" and at " and " when a new "Name," follows.
    let mut people: Vec<&str> = Vec::new();
    for piece in t0.split(';') {
        let mut rest = piece.trim();
        loop {
            let next = rest
                .match_indices(" and ")
                .map(|(p, _)| p)
                .find(|&p| credit_name().is_match(rest[p + 5..].trim_start()));
            match next {
                Some(p) => {
                    people.push(rest[..p].trim());
                    rest = rest[p + 5..].trim_start();
                }
                None => {
                    people.push(rest);
                    break;
                }
            }
        }
    }
    let mut names = Vec::new();
    for p in people {
        let m = credit_name().find(p)?;
        let name = p[..m.end()].trim_end().trim_end_matches(',');
        let role = &p[m.end()..];
        if !is_name(name) || !has_role_word(role) {
            return None;
        }
        names.push(name);
    }
    (!names.is_empty()).then_some(names)
}

fn bio_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|del|der|di|du|bin|al|la|le)){1,4})(?:\s+\([^)]{1,60}\))?,?\s+(?:is|was|has been|serves as)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?(?P<role>professor|lecturer|reader|fellow|researcher|journalist|writer|editor|columnist|correspondent|reporter|author|contributor|director|analyst|economist|scientist|historian|scholar|student|postdoc|teacher)s?\b")
            .expect("static regex")
    })
}

/// The name in an author bio: `Jane Doe is a professor of history at Midvale University.`
pub fn bio_name(t: &str) -> Option<&str> {
    if t.split_whitespace().count() > 80 {
        return None;
    }
    let caps = bio_re().captures(t.trim_start())?;
    let name = caps.name("name")?.as_str();
    is_name(name).then_some(name)
}

pub(super) fn disclosure_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}) does not work for, consult, own shares in")
            .expect("static regex")
    })
}

fn republished_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i:(?:republished|originally published|first published|reproduced|reprinted|appeared)(?: with (?:the )?permission)? (?:from|by|in|on|courtesy of|of))\s+(?P<o>(?:(?i:the)\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+(?:(?:of|the|and|for|on|&)\s+)?\p{Lu}[\p{L}\d&'’.-]*){0,6})")
            .expect("static regex")
    })
}

/// The outlet a republication notice names: `This article is republished from The Ferry
/// Review under a Creative Commons license.`
pub fn republished_from(t: &str) -> Option<&str> {
    let o = republished_re().captures(t)?.name("o")?.as_str();
    let o = o.trim_end_matches('.');
    (!o.is_empty()).then_some(o)
}

fn copyright_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©|\([cC]\))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?,?\s+)?(?P<o>\p{Lu}[^.|;©]{1,60}?)\s*(?:[.|;]|,?\s+(?i:all rights reserved)|$)")
            .expect("static regex")
    })
}

/// The holder a copyright line names, when it is an organisation: `© 2024 The Ferry Review.
/// All rights reserved.`
pub fn copyright_holder(t: &str) -> Option<&str> {
    let lower = t.to_lowercase();
    if lower.contains("photo") || lower.contains("image") || lower.contains(" by ") {
        return None;
    }
    let o = copyright_re()
        .captures(t.trim())?
        .name("o")?
        .as_str()
        .trim();
    let o = o.trim_end_matches(',').trim();
    (outlet_like(o) || !is_name(o))
        .then_some(o)
        .filter(|o| !o.to_lowercase().starts_with("all rights"))
}

/// Collapse runs of white space (no-break spaces included) to one space.
pub(super) fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `A`, `A and B`, `A, B and C`.
pub(super) fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
