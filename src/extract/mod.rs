//! Extraction: from a loaded article to its references and claims.
//!
//! The steps, each in its own module:
//! 1. [`references`]: reference sections and their entries are set aside and parsed;
//! 2. [`quotes`]: quotation marks are paired over the body text;
//! 3. [`text`]: body blocks are split into sentences (never inside a quotation);
//! 4. [`names`]: names are collected, people told from organisations;
//! 5. [`inline`]: sources named in the text and Markdown links are found;
//! 6. [`attribution`]: each quotation gets its speaker and cue;
//! 7. [`statements`]: remaining sentences become reported speech or assertions;
//! 8. claims are linked to the references their sentences point to, and given stable ids.

pub mod attribution;
pub mod inline;
pub mod lexicon;
pub mod names;
pub use crate::outlets;
pub mod quotes;
pub mod references;
pub mod statements;
pub mod text;

use crate::article::{Article, BlockKind};
use crate::model::source::{OneOrMany, Url};
use crate::model::{ids, ArticleRecord, Claim, ClaimKind, Reference, SourceEntry};
use names::{Names, Speaker};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use text::{Sentence, Token};

/// The result of extracting one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    pub article: ArticleRecord,
    pub references: Vec<Reference>,
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
    let quote_claims = find_quotes(
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

    let references = build_references(article, &entries, &inline);
    let cites = link_citations(
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

/// Words of a span, with punctuation-only tokens and quoted words left out.
fn words_outside<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    quotes: &[(usize, usize)],
) -> Vec<Token<'a>> {
    text::token_iter(text, start, end)
        .filter(|t| !t.word.is_empty() && !text::inside(quotes, t.start))
        .collect()
}

fn find_quotes(
    article: &Article,
    spans: &[quotes::QuoteSpan],
    sentences: &[Sentence],
    names: &Names,
    (inline, inline_by_sentence): (&[inline::Inline], &HashMap<usize, Vec<usize>>),
    prose: &[usize],
) -> Vec<Found> {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let all: Vec<(usize, usize)> = spans.iter().map(|q| (q.open, q.after())).collect();
    let mut out: Vec<Found> = Vec::new();
    let mut last: Option<(usize, Option<Speaker>, usize)> = None; // (paragraph, speaker, end)
    for (qi, q) in spans.iter().enumerate() {
        let content = &text[q.start..q.end];
        let n_words = quotes::word_count(content);
        let si = text::sentence_at(sentences, q.open);
        let (s_start, s_end) = si.map_or((q.open, q.after()), |i| {
            (sentences[i].start, sentences[i].end)
        });
        // Words around the quotation, up to the neighbouring quotations in the same sentence.
        let prev_end = qi
            .checked_sub(1)
            .map(|p| spans[p].after())
            .filter(|&a| a > s_start && a <= q.open)
            .unwrap_or(s_start);
        let next_open = spans
            .get(qi + 1)
            .map(|n| n.open)
            .filter(|&o| o < s_end)
            .unwrap_or(s_end);
        let pre = words_outside(text, prev_end, q.open, &all);
        // After a quotation that closes in a later sentence (a multi-paragraph one), the
        // attribution follows in the sentence of the closing mark.
        let close_end = q
            .close
            .and_then(|c| text::sentence_at(sentences, c))
            .map_or(s_end, |c| sentences[c].end);
        let post_end = if close_end > s_end {
            spans
                .get(qi + 1)
                .map(|n| n.open)
                .filter(|&o| o < close_end)
                .unwrap_or(close_end)
        } else {
            next_open
        };
        let post_end = post_end.max(q.after());
        let post = words_outside(text, q.after(), post_end, &all);
        let pre_text = &text[s_start..q.open];

        // The quote → mention sieves, in order (see the table in `attribution`).
        let window = attribution::Window::new(pre.clone(), post);
        let mut att = attribution::attribute(names, &window);
        // Split quotation: "A," she said, "B" — the second half shares the first's attribution.
        let split_from_previous = !q.unmarked
            && qi > 0
            && spans[qi - 1].block == q.block
            && spans[qi - 1].after() <= q.open
            && spans[qi - 1].after() >= s_start.min(spans[qi - 1].after())
            && words_outside(text, spans[qi - 1].after(), q.open, &all).len() <= 8;
        let block = &blocks[q.block];
        // Unmarked block: the first name of its introducing sentence, when no cue resolves.
        let mut intro_subject: Option<Speaker> = None;
        if att.is_none() && (q.unmarked || text[block.body..q.open].trim().is_empty()) {
            // A block quotation introduced by a paragraph ending in a colon.
            let intro_block = if q.unmarked {
                q.intro
            } else {
                prose
                    .binary_search(&q.block)
                    .ok()
                    .and_then(|pos| pos.checked_sub(1))
                    .map(|pos| prose[pos])
            };
            if let Some(ib) = intro_block {
                let pb = &blocks[ib];
                let ptext = text[pb.body..pb.end].trim_end();
                if ptext.ends_with(':') {
                    let last_sentence = sentences
                        .iter()
                        .rfind(|s| s.block == ib)
                        .map_or(pb.body, |s| s.start);
                    att = attribution::intro(names, text, last_sentence, pb.body + ptext.len());
                    // Unmarked block after a bare "This means:": the attribution is in the
                    // sentence before it ("As Jo Tam writes, … . This means:").
                    let bare = quotes::word_count(&text[last_sentence..pb.end]) <= 3;
                    if att.is_none() && q.unmarked && bare && last_sentence > pb.body {
                        let before = sentences
                            .iter()
                            .rfind(|s| s.block == ib && s.start < last_sentence)
                            .map_or(pb.body, |s| s.start);
                        att = attribution::intro(names, text, before, last_sentence);
                    }
                    if q.unmarked {
                        let end = pb.body + ptext.len();
                        intro_subject = names
                            .mentions_within(last_sentence, end)
                            .next()
                            .map(|m| names.speaker_of(m));
                    }
                }
            }
        }
        // Unmarked block: a handle label or signature line names the speaker.
        if att.is_none() && q.unmarked {
            att = q.label.map(|(ls, le)| attribution::Attribution {
                speaker: Some(names.mention_at(ls).map_or_else(
                    || Speaker {
                        name: text[ls..le].to_string(),
                        role: None,
                    },
                    |m| names.speaker_of(m),
                )),
                cue: None,
            });
        }
        if att.is_none() && intro_subject.is_some() {
            att = Some(attribution::Attribution {
                speaker: intro_subject,
                cue: None,
            });
        }
        let is_quote = if q.unmarked {
            true
        } else if n_words >= 4 {
            !quotes::looks_like_title(content) && !quotes::introduces_title(pre_text)
        } else {
            // Short spans are quotations only as complete utterances: `said "We couldn't win,"`.
            let starts_upper = content.chars().next().is_some_and(char::is_uppercase);
            let direct = pre.last().is_some_and(|t| {
                lexicon::contains(&lexicon::SAY_VERBS, t.word)
                    && pre_text.trim_end().ends_with([',', ':'])
                    || lexicon::contains(&lexicon::SAY_VERBS, t.word) && t.end + 2 >= q.open
            });
            n_words >= 1
                && starts_upper
                && direct
                && content.trim_end().ends_with([',', '.', '!', '?'])
        };
        if !is_quote {
            continue;
        }
        let para = blocks[q.block].para;
        // A quotation opening its sentence right after one that names a person as its subject
        // ("Ole Brandt also criticised the deal. "…"") is that person's.
        let opens_sentence = pre.is_empty();
        if att.is_none() && opens_sentence {
            if let Some(p) = si.and_then(|i| i.checked_sub(1)) {
                let ps = &sentences[p];
                let after_last = last.as_ref().is_none_or(|(_, _, end)| *end <= ps.start);
                if ps.block == q.block && after_last {
                    att = attribution::previous_subject(names, ps.start, ps.end).map(|sp| {
                        attribution::Attribution {
                            speaker: Some(sp),
                            cue: None,
                        }
                    });
                }
            }
        }
        // Conversation continuity: the previous speaker goes on, unless someone else is
        // named in between.
        if att.is_none() {
            if let Some((lp, speaker, end)) = &last {
                let close = *lp == para || *lp + 1 == para || split_from_previous;
                let interrupted = speaker.as_ref().is_some_and(|sp| {
                    attribution::names_someone_between(names, *end, q.open, &sp.name)
                });
                if close && speaker.is_some() && !interrupted {
                    att = Some(attribution::Attribution {
                        speaker: speaker.clone(),
                        cue: None,
                    });
                }
            }
        }
        let att = att.unwrap_or_default();
        last = Some((para, att.speaker.clone(), q.after()));
        let mut flags = Vec::new();
        if q.unmarked {
            flags.push("block-quote".to_string());
        } else if q.close.is_none() {
            flags.push("unclosed-quote".to_string());
        }
        if q.multi_paragraph {
            flags.push("multi-paragraph".to_string());
        }
        // A venue named in the attribution: "wrote … on Twitter", "Speaking to NBC News".
        let venue = si.and_then(|i| {
            inline_by_sentence
                .get(&i)?
                .iter()
                .map(|&k| &inline[k])
                .find(|x| x.cue == inline::Cue::Venue && (x.end <= q.open || x.start >= q.after()))
                .and_then(|x| x.fields.outlet.clone())
        });
        out.push(Found {
            kind: ClaimKind::Quote,
            start: q.start,
            end: q.end,
            speaker: att.speaker,
            cue: att.cue,
            venue,
            reasons: Vec::new(),
            flags,
            sentence: si,
        });
    }
    out
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

fn build_references(
    article: &Article,
    entries: &[references::Entry],
    inline: &[inline::Inline],
) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut list_sources: Vec<(String, String)> = Vec::new(); // (outlet lower, source id)
    let norm_outlet = |o: &str| {
        let l = o.trim().to_lowercase();
        l.strip_prefix("the ").unwrap_or(&l).to_string()
    };
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
    let mut written = AsWritten {
        article,
        cache: HashMap::new(),
    };
    for (k, x) in inline.iter().enumerate() {
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
        out.push(Reference {
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
        });
    }
    out
}

fn apa_in_text() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\((?P<who>[\p{Lu}][^()]*?),? (?P<year>\d{4})[a-z]?\)|\[(?P<num>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]").expect("static regex"))
}

/// Which references each claim points to: footnote markers, `[n]` markers, `(Outlet, Year)`,
/// and sources named or linked in the claim's sentence.
fn link_citations(
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
            url: r.url.clone().map(Url::Plain),
            publisher: r.outlet.clone(),
            doi: r.doi.clone(),
            ..SourceEntry::default()
        });
        if !entry.cited_as.contains(&r.raw) {
            entry.cited_as.push(r.raw.clone());
        }
        entry.title = entry.title.take().or_else(|| r.title.clone());
        entry.url = entry.url.take().or_else(|| r.url.clone().map(Url::Plain));
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
