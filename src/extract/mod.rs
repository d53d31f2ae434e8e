//! Extraction: from a loaded article to its references and claims.
//!
//! The steps, each in its own module:
//! 1. [`references`]: reference sections and their entries are set aside and parsed;
//! 2. [`quotes`]: quotation marks are paired over the body text;
//! 3. [`text`]: body blocks are split into sentences (never inside a quotation);
//! 4. [`names`]: names are collected, people told from organisations;
//! 5. [`inline`]: sources named in the text and Markdown links are found;
//! 6. [`attribution`] and `quoted`: each quotation gets its speaker and cue;
//! 7. [`statements`]: remaining sentences become reported speech or assertions;
//! 8. `citations`: the references become records, and each claim is linked to those its
//!    sentence points to; then claims are given stable ids.

pub mod attribution;
mod citations;
pub mod inline;
pub mod lexicon;
pub mod names;
pub use crate::outlets;
mod quoted;
pub mod quotes;
pub mod references;
pub mod statements;
pub mod text;

use crate::article::{Article, BlockKind};
use crate::model::source::{OneOrMany, SourceUrl};
use crate::model::{ids, ArticleRecord, Claim, ClaimKind, Reference, SourceEntry};
use names::{Names, Speaker};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use text::{Sentence, Token};

/// The result of extracting one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The article's path, fingerprint and metadata, with the metadata fields it lacks.
    pub article: ArticleRecord,
    /// The reference-list entries (`ref-N`) first, then the sources named in the text
    /// (`inline-N`).
    pub references: Vec<Reference>,
    /// Quotes, reported speech and assertions, in the order they appear in the article.
    pub claims: Vec<Claim>,
    /// Stub entries for every cited work, by source id.
    pub sources: BTreeMap<String, SourceEntry>,
}

/// A claim before it is given its id and location.
struct Found {
    kind: ClaimKind,
    start: usize,
    end: usize,
    speaker: Option<Speaker>,
    cue: Option<String>,
    venue: Option<String>,
    reasons: Vec<String>,
    flags: Vec<String>,
    sentence: Option<usize>,
}

/// Transcript speaker turns ("MR. GIBBS:", "Q") are labels, not part of what is said.
fn turn_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:(?:MR|MRS|MS|DR|SEN|REP|GEN)\.\s+)?[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}:\s+|^Q\s{2,}").expect("static regex"))
}

/// Extract references and claims from an article.
pub fn extract(article: &Article) -> Extraction {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let references::Found {
        entries,
        in_refs,
        notes,
    } = references::find_entries(article);
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| article.furniture[i].is_none() && !in_refs[i])
        .collect();
    let prose: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&i| blocks[i].kind != BlockKind::Heading)
        .collect();

    // Quotations in marks, and block quotations without them (one per paragraph).
    let spans = quotes::with_blocks(article, &prose, quotes::scan(article, &prose));
    let protected: Vec<(usize, usize)> = spans.iter().map(|q| (q.open, q.after())).collect();
    // No sentence ends inside a quotation, except on the punctuation just before its closing
    // mark (`… prayers." President Duda remarked`).
    let no_split: Vec<(usize, usize)> = spans
        .iter()
        .map(|q| {
            (
                q.open,
                q.close.map_or(q.end, |c| c.saturating_sub(1)).max(q.open),
            )
        })
        .collect();
    let inner: Vec<(usize, usize)> = spans.iter().map(|q| (q.start, q.end)).collect();

    let mut sentences: Vec<Sentence> = Vec::new();
    for &b in &prose {
        let block = &blocks[b];
        let start = turn_label()
            .find(&text[block.body..block.end])
            .map_or(block.body, |m| block.body + m.end());
        sentences.extend(text::split_sentences(text, b, start, block.end, &no_split));
    }
    let names = Names::build(text, &sentences, &inner);
    let inline = inline::find(article, &sentences, &inner, &names, &notes);
    let mut inline_by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, x) in inline.iter().enumerate() {
        inline_by_sentence.entry(x.sentence).or_default().push(k);
    }

    let mut found: Vec<Found> = Vec::new();
    let quote_claims = quoted::find_quotes(
        article,
        &spans,
        &sentences,
        &names,
        (&inline, &inline_by_sentence),
        &prose,
    );
    found.extend(quote_claims);
    let quoted_sentences: std::collections::HashSet<usize> =
        found.iter().filter_map(|f| f.sentence).collect();
    found.extend(find_statements(
        article,
        &sentences,
        &quoted_sentences,
        &protected,
        &names,
    ));
    apply_venues(&mut found, &sentences, &inline, &names, text);
    found.sort_by_key(|f| (f.start, f.end));

    let references = citations::build_references(article, &entries, &inline);
    let cites = citations::link_citations(
        article,
        &found,
        &sentences,
        &entries,
        (&inline, &inline_by_sentence),
        &references,
    );
    let claims = build_claims(article, found, cites);
    let sources = build_sources(&references);
    let meta = &article.metadata;
    Extraction {
        article: ArticleRecord {
            path: article.path.clone(),
            fingerprint: article.fingerprint.clone(),
            title: meta.title.clone(),
            author: meta.author.clone(),
            date: meta.date.clone(),
            outlet: meta.outlet.clone(),
            missing: meta.missing(),
        },
        references,
        claims,
        sources,
    }
}

fn find_statements(
    article: &Article,
    sentences: &[Sentence],
    quoted: &std::collections::HashSet<usize>,
    protected: &[(usize, usize)],
    names: &Names,
) -> Vec<Found> {
    let text = article.text();
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if quoted.contains(&si) {
            continue;
        }
        let sentence = &text[s.start..s.end];
        let final_char = sentence.trim_end_matches(['"', '\'', ')']).chars().last();
        if matches!(final_char, Some('?') | Some('!')) {
            continue;
        }
        for (cs, ce) in text::clauses(text, s.start, s.end, protected) {
            // Tokenised once: the words for reported speech, every token for assertions.
            let all = text::tokens(text, cs, ce);
            let toks: Vec<Token> = all.iter().filter(|t| !t.word.is_empty()).copied().collect();
            if let Some(r) = statements::reported(names, &toks) {
                if final_char == Some(',') {
                    continue;
                }
                out.push(Found {
                    kind: ClaimKind::Reported,
                    start: cs,
                    end: ce,
                    speaker: r.speaker,
                    cue: Some(r.cue),
                    venue: None,
                    reasons: Vec::new(),
                    flags: Vec::new(),
                    sentence: Some(si),
                });
                continue;
            }
            if final_char != Some('.') {
                continue;
            }
            let pieces = match statements::assertion_reasons_of(names, text, cs, ce, &all) {
                Some(reasons) => vec![(cs, ce, reasons)],
                None => statements::sub_clauses(text, cs, ce)
                    .into_iter()
                    .skip(1)
                    .filter_map(|(a, b)| {
                        statements::assertion_reasons(names, text, a, b).map(|r| (a, b, r))
                    })
                    .collect(),
            };
            for (a, b, reasons) in pieces {
                out.push(Found {
                    kind: ClaimKind::Assertion,
                    start: a,
                    end: b,
                    speaker: None,
                    cue: None,
                    venue: None,
                    reasons,
                    flags: Vec::new(),
                    sentence: Some(si),
                });
            }
        }
    }
    out
}

/// "Statements from Sergey Lavrov, as published in Kommersant, …": every claim of that speaker
/// without a venue of its own was published there.
fn apply_venues(
    found: &mut [Found],
    sentences: &[Sentence],
    inline: &[inline::Inline],
    names: &Names,
    text: &str,
) {
    let mut by_speaker: HashMap<String, String> = HashMap::new();
    for x in inline.iter().filter(|x| x.cue == inline::Cue::Venue) {
        // "as quoted in X" speaks of everything the speaker said there; "X quoted Y as
        // saying" of one quotation only.
        let phrase = text[x.start..x.end].to_lowercase();
        if !(phrase.contains("published")
            || phrase.contains("quoted ")
            || phrase.contains("interview"))
        {
            continue;
        }
        let s = &sentences[x.sentence];
        for i in names.mentions_within(s.start, s.end) {
            let m = &names.mentions[i];
            if m.end <= s.end && !m.is_org {
                let sp = names.speaker_of(i);
                if let Some(outlet) = &x.fields.outlet {
                    by_speaker.entry(sp.name).or_insert_with(|| outlet.clone());
                }
            }
        }
    }
    for f in found.iter_mut() {
        if f.kind == ClaimKind::Assertion || f.venue.is_some() {
            continue;
        }
        if let Some(sp) = &f.speaker {
            f.venue = by_speaker.get(&sp.name).cloned();
        }
    }
}

/// Names and phrases are found in the normalised text; give them back as the article writes
/// them (curly apostrophes, dashes). Memoised: an article has few distinct names.
struct AsWritten<'a> {
    article: &'a Article,
    cache: HashMap<String, String>,
}

impl AsWritten<'_> {
    fn get(&mut self, s: &str) -> String {
        if !s.contains(['\'', '"', '-']) {
            return s.to_string();
        }
        if let Some(hit) = self.cache.get(s) {
            return hit.clone();
        }
        let found = self.article.text().find(s).map(|at| {
            let (a, b) = self.article.original_span(at, at + s.len());
            self.article.original[a..b].to_string()
        });
        let out = found.unwrap_or_else(|| s.to_string());
        self.cache.insert(s.to_string(), out.clone());
        out
    }

    fn opt(&mut self, s: Option<String>) -> Option<String> {
        s.map(|s| self.get(&s))
    }
}

fn build_claims(article: &Article, found: Vec<Found>, cites: Vec<Vec<String>>) -> Vec<Claim> {
    let mut written = AsWritten {
        article,
        cache: HashMap::new(),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(found.len());
    for (f, cites) in found.into_iter().zip(cites) {
        let (os, oe) = article.original_span(f.start, f.end);
        let text = article.original[os..oe].to_string();
        let key = format!(
            "{}\u{0}{}",
            f.kind.as_str(),
            article.text()[f.start..f.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        );
        let base = format!("{}-{}", f.kind.id_prefix(), ids::short_hash(&key, 8));
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let (line, column) = article.line_col(os);
        out.push(Claim {
            id,
            kind: f.kind,
            text,
            speaker: written.opt(f.speaker.as_ref().map(|s| s.name.clone())),
            role: written.opt(f.speaker.and_then(|s| s.role)),
            cue: written.opt(f.cue),
            venue: written.opt(f.venue),
            reasons: f.reasons,
            flags: f.flags,
            line,
            column,
            start: os,
            end: oe,
            prefix: context_before(&article.original, os, 40),
            suffix: context_after(&article.original, oe, 40),
            cites,
            review: None,
            notes: Vec::new(),
            links: Vec::new(),
            corrections: Vec::new(),
            extracted: None,
            manual: false,
            vanished: false,
        });
    }
    out
}

/// Up to `n` characters before byte `at`.
pub fn context_before(s: &str, at: usize, n: usize) -> String {
    let head = &s[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    head[start..].to_string()
}

/// Up to `n` characters after byte `at`.
pub fn context_after(s: &str, at: usize, n: usize) -> String {
    s[at..].chars().take(n).collect()
}

fn build_sources(refs: &[Reference]) -> BTreeMap<String, SourceEntry> {
    let mut out: BTreeMap<String, SourceEntry> = BTreeMap::new();
    for r in refs {
        let Some(id) = &r.source else {
            continue;
        };
        let entry = out.entry(id.clone()).or_insert_with(|| SourceEntry {
            kind: source_type(r),
            title: r.title.clone(),
            author: r.author.clone().map(OneOrMany::One),
            date: r.year.map(|y| y.to_string()),
            url: r.url.clone().map(SourceUrl::Plain),
            publisher: r.outlet.clone(),
            doi: r.doi.clone(),
            ..SourceEntry::default()
        });
        if !entry.cited_as.contains(&r.raw) {
            entry.cited_as.push(r.raw.clone());
        }
        entry.title = entry.title.take().or_else(|| r.title.clone());
        entry.url = entry
            .url
            .take()
            .or_else(|| r.url.clone().map(SourceUrl::Plain));
        entry.date = entry.date.take().or_else(|| r.year.map(|y| y.to_string()));
    }
    out
}

fn source_type(r: &Reference) -> String {
    let t = if r.outlet.as_deref() == Some("U.S. Congress") {
        "legislation"
    } else if r.url.is_some() && r.title.is_none() {
        "web"
    } else if r.raw.contains("Report") {
        "report"
    } else if r.inline {
        "misc"
    } else {
        "article"
    };
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    /// A quote whose words the text places on a platform links to that platform through
    /// `venue`, so the check counts it as sourced (no `uncited-claim`).
    #[test]
    fn a_venue_is_an_inline_reference_the_claim_links_to() {
        let a = Article::from_text(
            "v.txt",
            "\"We will rebuild the pier before summer,\" Harbourmaster Ilse Varga wrote on Twitter.\n"
                .to_string(),
            Format::Text,
        );
        let x = extract(&a);
        let q = x
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Quote)
            .expect("a quote");
        assert_eq!(q.venue.as_deref(), Some("Twitter"));
        let r = x
            .references
            .iter()
            .find(|r| r.inline && r.outlet.as_deref() == Some("Twitter"))
            .expect("the venue is a reference");
        assert!(r.source.is_some());
        let file = crate::model::ClaimFile {
            version: 1,
            article: x.article.clone(),
            references: x.references.clone(),
            claims: x.claims.clone(),
        };
        let links = crate::link::link_claims(&file);
        let k = x.claims.iter().position(|c| c.id == q.id).unwrap_or(0);
        assert!(crate::link::is_sourced(&links[k]), "{:#?}", links[k]);
    }

    /// "The X quoted Y as saying" places one quotation in X, not everything Y says elsewhere.
    #[test]
    fn a_paper_quoting_someone_is_the_venue_of_that_quote_only() {
        let a = Article::from_text(
            "v.txt",
            "Councillor Rui Almeida spoke to reporters. \"The ferry will run until midnight from May,\" he told them.\n\nThe Harbour Courier quoted Almeida as saying that \"the fares will not rise this year.\"\n"
                .to_string(),
            Format::Text,
        );
        let x = extract(&a);
        let venue_of = |start: &str| {
            x.claims
                .iter()
                .find(|c| c.kind == ClaimKind::Quote && c.text.starts_with(start))
                .map(|c| c.venue.clone())
        };
        assert_eq!(venue_of("The ferry"), Some(None), "{:#?}", x.claims);
        assert_eq!(
            venue_of("the fares"),
            Some(Some("The Harbour Courier".to_string())),
            "{:#?}",
            x.claims
        );
    }
}
