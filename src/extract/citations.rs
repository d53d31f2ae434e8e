//! The article's references as claim-file records, and which of them each claim points to:
//! footnote markers, `[n]` markers, `(Author, Year)` and the sources its sentence names or
//! links.

use super::text::Sentence;
use super::{inline, references, AsWritten, Found};
use crate::article::Article;
use crate::model::{ids, ClaimKind, Reference};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The article's references: the list entries first (`ref-n`), then the sources named in the
/// text (`inline-n`).
pub(super) fn build_references(
    article: &Article,
    entries: &[references::Entry],
    inline: &[inline::Inline],
) -> Vec<Reference> {
    let (mut out, list_sources) = entry_references(article, entries);
    let mut written = AsWritten {
        article,
        cache: HashMap::new(),
    };
    for (k, x) in inline.iter().enumerate() {
        out.push(inline_reference(article, &mut written, &list_sources, k, x));
    }
    out
}

/// An outlet's name for comparison: lower case, without a leading "the".
fn norm_outlet(o: &str) -> String {
    let l = o.trim().to_lowercase();
    l.strip_prefix("the ").unwrap_or(&l).to_string()
}

/// The records of the reference-list entries, and the (normalised outlet, source id) of each
/// entry that names both.
fn entry_references(
    article: &Article,
    entries: &[references::Entry],
) -> (Vec<Reference>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut list_sources: Vec<(String, String)> = Vec::new(); // (outlet lower, source id)
    for (k, e) in entries.iter().enumerate() {
        let (os, oe) = article.original_span(e.start, e.end);
        let (line, column) = article.line_col(os);
        let mut id = format!("ref-{}", e.number.unwrap_or(k as u32 + 1));
        if used_ids.contains_key(&id) {
            id = format!("ref-{}", k + 1);
        }
        used_ids.insert(id.clone(), out.len());
        let f = &e.fields;
        let source = if f.note {
            None
        } else {
            ids::source_id(
                f.outlet.as_deref(),
                f.author.as_deref(),
                f.year,
                f.title.as_deref().or(f.description.as_deref()),
                f.url.as_deref(),
            )
        };
        if let (Some(o), Some(s)) = (&f.outlet, &source) {
            list_sources.push((norm_outlet(o), s.clone()));
        }
        let same_as = f
            .ibid
            .then(|| out.last().map(|r: &Reference| r.id.clone()))
            .flatten();
        out.push(Reference {
            id,
            raw: article.original[os..oe].to_string(),
            number: e.number,
            author: f.author.clone(),
            outlet: f.outlet.clone(),
            year: f.year,
            title: f.title.clone(),
            description: f.description.clone(),
            url: f.url.clone(),
            doi: f.doi.clone(),
            accessed: f.accessed.clone(),
            inline: false,
            cue: None,
            same_as,
            source,
            line,
            column,
            start: os,
            end: oe,
            corrections: Vec::new(),
            extracted: None,
        });
    }
    // "Ibid." entries share the source of the entry they repeat.
    for k in 1..out.len() {
        if out[k].same_as.is_some() {
            out[k].source = out[k - 1].source.clone();
        }
    }
    (out, list_sources)
}

/// The record of the `k`-th source named in the text: the work of the list entry with the
/// same outlet when there is one, its own source id otherwise.
fn inline_reference(
    article: &Article,
    written: &mut AsWritten,
    list_sources: &[(String, String)],
    k: usize,
    x: &inline::Inline,
) -> Reference {
    let (os, oe) = x
        .orig
        .unwrap_or_else(|| article.original_span(x.start, x.end));
    let (line, column) = article.line_col(os);
    let f = &x.fields;
    // A source named in the text that is also in the reference list is that entry's work.
    let listed = f.outlet.as_ref().and_then(|o| {
        list_sources
            .iter()
            .find(|(lo, _)| *lo == norm_outlet(o))
            .map(|(_, s)| s.clone())
    });
    let source = listed.or_else(|| {
        let title_for_id = if x.cue == inline::Cue::Link {
            None
        } else {
            f.title.as_deref()
        };
        ids::source_id(
            f.outlet.as_deref(),
            None,
            if x.cue == inline::Cue::Link {
                f.year
            } else {
                None
            },
            title_for_id,
            f.url.as_deref(),
        )
    });
    Reference {
        id: format!("inline-{}", k + 1),
        raw: article.original[os..oe].to_string(),
        number: None,
        author: written.opt(f.author.clone()),
        outlet: written.opt(f.outlet.clone()),
        year: f.year,
        title: written.opt(f.title.clone()),
        description: None,
        url: f.url.clone(),
        doi: None,
        accessed: None,
        inline: true,
        cue: Some(
            match x.cue {
                inline::Cue::Report => "report",
                inline::Cue::Venue => "venue",
                inline::Cue::Link => "link",
            }
            .to_string(),
        ),
        same_as: None,
        source,
        line,
        column,
        start: os,
        end: oe,
        corrections: Vec::new(),
        extracted: None,
    }
}

fn apa_in_text() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\((?P<who>[\p{Lu}][^()]*?),? (?P<year>\d{4})[a-z]?\)|\[(?P<num>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]").expect("static regex"))
}

/// Which references each claim points to: footnote markers, `[n]` markers, `(Outlet, Year)`,
/// and sources named or linked in the claim's sentence.
pub(super) fn link_citations(
    article: &Article,
    found: &[Found],
    sentences: &[Sentence],
    entries: &[references::Entry],
    (inline, by_sentence): (&[inline::Inline], &HashMap<usize, Vec<usize>>),
    refs: &[Reference],
) -> Vec<Vec<String>> {
    let text = article.text();
    let entry_ids: Vec<&Reference> = refs.iter().filter(|r| !r.inline).collect();
    let inline_ids: Vec<&Reference> = refs.iter().filter(|r| r.inline).collect();
    // `[n]` and footnote numbers point to the entry numbered n; when no entry carries a
    // number (a bulleted list), to the n-th entry.
    let mut numbered: HashMap<u32, String> = HashMap::new();
    let any_numbered = entries.iter().any(|e| e.number.is_some());
    for (k, (e, r)) in entries.iter().zip(&entry_ids).enumerate() {
        let n = if any_numbered {
            e.number
        } else {
            Some(k as u32 + 1)
        };
        if let Some(n) = n {
            numbered.entry(n).or_insert_with(|| r.id.clone());
        }
    }
    let by_number = |n: u32| numbered.get(&n).cloned();
    found
        .iter()
        .map(|f| {
            let mut cites: Vec<String> = Vec::new();
            let Some(si) = f.sentence else {
                return cites;
            };
            let s = &sentences[si];
            for &n in &s.markers {
                cites.extend(by_number(n));
            }
            let (cs, ce) = if f.kind == ClaimKind::Quote {
                (s.start, s.end)
            } else {
                (f.start, f.end)
            };
            for c in apa_in_text().captures_iter(&text[cs..ce]) {
                if let Some(nums) = c.name("num") {
                    for n in nums
                        .as_str()
                        .split([',', '-', '–'])
                        .filter_map(|x| x.trim().parse().ok())
                    {
                        cites.extend(by_number(n));
                    }
                } else if let (Some(who), Some(year)) = (c.name("who"), c.name("year")) {
                    let year: Option<i32> = year.as_str().parse().ok();
                    let who = who.as_str().to_lowercase();
                    for r in &entry_ids {
                        let name = r
                            .outlet
                            .as_deref()
                            .or(r.author.as_deref())
                            .unwrap_or("")
                            .to_lowercase();
                        if r.year == year
                            && !name.is_empty()
                            && (name.contains(&who) || who.contains(&name))
                        {
                            cites.push(r.id.clone());
                        }
                    }
                }
            }
            for &k in by_sentence.get(&si).map_or(&[][..], Vec::as_slice) {
                let x = &inline[k];
                if x.start >= cs && x.end <= ce.max(cs) || f.kind != ClaimKind::Quote {
                    cites.push(inline_ids[k].id.clone());
                }
            }
            cites.dedup();
            cites
        })
        .collect()
}
