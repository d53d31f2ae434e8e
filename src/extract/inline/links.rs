//! Markdown links as citations: which links cite something (not the article's own site, a
//! glossary entry or an image credit), and how a source the text names merges with its link.

use super::super::names::Names;
use super::super::outlets;
use super::super::references::Fields;
use super::super::text::Sentence;
use super::{Cue, Inline};
use crate::article::Article;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// A source named in the text through a link (`told [Reuters](…)`, `according to [the
/// Ledger](…)`) is one reference: the link, under the name and cue the text gives it. Both
/// lists are sorted by start, so this is one pass over each.
pub(super) fn merge_linked(mut named: Vec<Inline>, mut links: Vec<Inline>) -> Vec<Inline> {
    named.sort_by_key(|x| (x.start, x.end));
    links.sort_by_key(|x| (x.start, x.end));
    let mut out = Vec::with_capacity(named.len() + links.len());
    let mut l = 0;
    for x in named {
        while l < links.len() && links[l].end <= x.start {
            l += 1;
        }
        let mut merged = false;
        let mut k = l;
        while k < links.len() && links[k].start < x.end {
            let link = &mut links[k];
            if link.cue == Cue::Link && x.start <= link.start && link.end <= x.end {
                link.cue = x.cue;
                if x.fields.outlet.is_some() {
                    link.fields.outlet.clone_from(&x.fields.outlet);
                }
                merged = true;
                break;
            }
            k += 1;
        }
        if !merged {
            out.push(x);
        }
    }
    out.extend(links);
    out
}

/// Every Markdown link to another site is a citation. Links to the article's own site
/// (navigation, cross-references, author profiles, the republication notice), to encyclopedia
/// pages for a term, and image credits are not.
pub(super) fn links(article: &Article, sentences: &[Sentence], names: &Names) -> Vec<Inline> {
    let text = article.text();
    let own = own_sites(article, sentences);
    let mut out = Vec::new();
    // The mentions' names as host labels spell them, made once for all links (on first need).
    let mut squashed: Option<Vec<String>> = None;
    for link in &article.layout.links {
        let Some(host) = outlets::host_of(&link.url) else {
            continue;
        };
        if own.contains(&outlets::site_of(&host)) || is_not_a_citation(&host, &link.url) {
            continue;
        }
        let Some(si) = super::super::text::sentence_at(sentences, link.start) else {
            continue;
        };
        let s = &sentences[si];
        if is_credit(&text[s.start..s.end]) {
            continue;
        }
        let link_text = &text[link.start..link.end];
        let after = text.get(link.end..s.end.max(link.end)).unwrap_or("");
        // `[Directive 3000.09](url), "Autonomy in Weapon Systems,"`: the title that follows.
        let following_title = after
            .strip_prefix(", \"")
            .and_then(|rest| rest.split_once('"'))
            .map(|(t, _)| t.trim_end_matches(',').to_string());
        let sentence_initial = link.start == s.start;
        let named = link_text.split_whitespace().enumerate().any(|(k, w)| {
            (k > 0 || !sentence_initial) && w.chars().next().is_some_and(|c| c.is_uppercase())
        }) || link_text.chars().any(|c| c.is_ascii_digit());
        let title = following_title.or_else(|| named.then(|| link_text.to_string()));
        let year = outlets::year_in_url(&link.url)
            .or_else(|| leading_year(text.get(s.start..link.start).unwrap_or("")));
        // A site the article names ("Anthropic" for anthropic.com, "Quiet Harbour Review" for
        // quietharbourreview.org) goes by that name, unless the table knows it.
        let named_site = outlets::known_host(&host)
            .is_none()
            .then(|| {
                let squashed = squashed.get_or_insert_with(|| {
                    let names = names.mentions.iter().map(|m| outlets::squash_name(&m.name));
                    names.collect()
                });
                let labels = outlets::SiteLabels::of(&host);
                let first = squashed.iter().position(|n| labels.spell(n))?;
                Some(names.mentions[first].name.clone())
            })
            .flatten();
        out.push(Inline {
            start: link.start,
            end: link.end,
            orig: Some((link.orig_start, link.orig_end)),
            cue: Cue::Link,
            fields: Fields {
                outlet: named_site.or_else(|| outlets::outlet_for_url(&link.url)),
                url: Some(link.url.clone()),
                title,
                year,
                ..Fields::default()
            },
            sentence: si,
        });
    }
    out
}

/// Links that cite nothing: encyclopedia and dictionary entries for a term, image files and
/// media repositories (photo credits).
fn is_not_a_citation(host: &str, url: &str) -> bool {
    let site = outlets::site_of(host);
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path
        .split_once('/')
        .map_or("", |x| x.1)
        .to_ascii_lowercase();
    let glossary = matches!(
        site.as_str(),
        "wikipedia.org"
            | "wiktionary.org"
            | "britannica.com"
            | "investopedia.com"
            | "merriam-webster.com"
            | "dictionary.com"
    ) || (site == "wikimedia.org");
    let image = [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|e| path.ends_with(e))
        && !host.contains("tumblr");
    glossary || image
}

/// Does the sentence credit a photo or an image ("Photo by @user on Flickr")?
fn is_credit(sentence: &str) -> bool {
    // Every match holds one of these in ASCII letters of either case: they have no "k" or
    // "s", the only ASCII letters `(?i)` also matches outside ASCII ("ſ", the Kelvin sign).
    // A cheap scan for them spares the slower Unicode-word-boundary engine most sentences.
    static CUES: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "photo", "image", "picture", "illu", "creen", "video", "credit", "cc b",
            ])
            .expect("static word list")
    });
    if !cues.is_match(sentence) {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:photos?|images?|pictures?|illustrations?|screenshot|video still)(?: taken)? (?:by|courtesy of|credit|from|via)\b|\b(?:photo|image) credit\b|^(?:photo|image|credit|source image)s?:|\bcc by(?:-sa|-nd|-nc)*\b.*\b(?:commons|flickr)\b")
            .expect("static regex")
    })
    .is_match(sentence)
}

/// Path segments of author pages ("/profiles/jane-roe-123").
fn is_profile_path(url: &str) -> bool {
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path.split_once('/').map_or("", |x| x.1);
    path.split('/').next().is_some_and(|seg| {
        matches!(
            seg.to_ascii_lowercase().as_str(),
            "profiles"
                | "profile"
                | "author"
                | "authors"
                | "contributors"
                | "contributor"
                | "people"
                | "staff"
                | "byline"
                | "writers"
        )
    })
}

/// The sites the article itself was published on: from its metadata block and outlet, from a
/// republication notice ("republished from [The Ledger](…)"), from links to author profiles,
/// and from first-person cross-references ("part of our special coverage [X](…)").
fn own_sites(article: &Article, sentences: &[Sentence]) -> Vec<String> {
    static NOTICE: OnceLock<Regex> = OnceLock::new();
    let notice = NOTICE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:republished (?:from|by|on|with permission)|originally (?:published|appeared|posted) (?:in|on|at|by)|first (?:published|appeared) (?:in|on|at|by)|part of our\b|read (?:the )?original article|read more of our|our (?:special )?coverage)").expect("static regex")
    });
    let text = article.text();
    let mut own: Vec<String> = own_site(article).into_iter().collect();
    let outlet = article.metadata.outlet.as_deref();
    for link in &article.layout.links {
        let Some(host) = outlets::host_of(&link.url) else {
            continue;
        };
        let site = outlets::site_of(&host);
        if own.contains(&site) {
            continue;
        }
        let by_outlet = outlet.is_some_and(|o| {
            outlets::known_host(&host).is_some_and(|n| n.eq_ignore_ascii_case(o))
                || outlets::site_spells(&host, o)
        });
        let by_notice = super::super::text::sentence_at(sentences, link.start)
            .is_some_and(|si| notice.is_match(&text[sentences[si].start..sentences[si].end]));
        if by_outlet || by_notice || is_profile_path(&link.url) {
            own.push(site);
        }
    }
    own
}

/// The site named in the article's metadata block (`Source: …`, `URL: …`).
fn own_site(article: &Article) -> Option<String> {
    let text = article.text();
    for (b, f) in article
        .layout
        .blocks
        .iter()
        .zip(&article.furniture)
        .take(12)
    {
        if f.is_none() {
            continue;
        }
        for line in text[b.body..b.end].lines() {
            if let Some((k, v)) = line.split_once(':') {
                let k = k.trim().to_lowercase();
                if k == "source" || k == "url" {
                    if let Some(h) = outlets::host_of(v.trim()) {
                        return Some(outlets::site_of(&h));
                    }
                }
            }
        }
    }
    None
}

/// "On February 27, 2026, …" or "In July 2025, …": the year a sentence opens with.
fn leading_year(prefix: &str) -> Option<i32> {
    let opener = ["On ", "In ", "By ", "Since ", "As of ", "During ", "Until "];
    if !opener.iter().any(|o| prefix.starts_with(o)) {
        return None;
    }
    let head = prefix.split(", ").take(2).collect::<Vec<_>>().join(", ");
    let head = head
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)?;
    head.parse().ok().filter(|y| (1800..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn photo_credits_are_recognised_in_any_case_and_spelling() {
        for credit in [
            "Photo by Ada Quill on Unsplash.",
            "ILLUSTRATIONS BY THE DESK",
            "Screenshot via the council's stream.",
            "Image credit: Valley Gazette",
            "Credits: the author",
            "Source images: county archive",
            "Pictures taken by a resident",
            "Video still from the hearing footage",
            "Map CC BY-SA 4.0, via Wikimedia Commons",
            // `(?i)` matches the long s and the Kelvin sign as "s" and "k".
            "Illuſtration by Tam",
            "Photoſ courteſy of the family",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for prose in [
            "The council approved the plan by a vote of 5 to 2.",
            "Her photos of the flood went viral.",
            "The screenplay was credited to two writers.",
            "“Imagine,” she said, “a city without cars.”",
        ] {
            assert!(!is_credit(prose), "{prose}");
        }
    }
}
