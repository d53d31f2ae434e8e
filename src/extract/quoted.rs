//! Quotation spans to quote claims: each span gets its speaker, cue and venue through the
//! sieves of [`super::attribution`], with what the article's layout adds (an introducing
//! paragraph ending in a colon, a split quotation, a block quotation).

use super::names::{Names, Speaker};
use super::text::{self, Sentence, Token};
use super::{attribution, inline, lexicon, quotes, Found};
use crate::article::Article;
use crate::model::ClaimKind;
use std::collections::HashMap;

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

pub(super) fn find_quotes(
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
        let si = text::sentence_at(sentences, q.open);
        let (s_start, s_end) = si.map_or((q.open, q.after()), |i| {
            (sentences[i].start, sentences[i].end)
        });
        let (pre, post) = around(text, spans, qi, sentences, (s_start, s_end), &all);
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
            (att, intro_subject) = introduced(article, q, sentences, names, prose);
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
        let is_quote = is_quotation(q, content, &pre, pre_text);
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
        let flags = flags_of(q);
        let venue = si.and_then(|i| venue_in(i, q, inline, inline_by_sentence));
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

/// Who a block quotation's introducing paragraph (one ending in a colon) names: its
/// attribution, and for an unmarked block the first name of its last sentence.
fn introduced(
    article: &Article,
    q: &quotes::QuoteSpan,
    sentences: &[Sentence],
    names: &Names,
    prose: &[usize],
) -> (Option<attribution::Attribution>, Option<Speaker>) {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let mut att = None;
    let mut intro_subject = None;
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
    let Some(ib) = intro_block else {
        return (att, intro_subject);
    };
    let pb = &blocks[ib];
    let ptext = text[pb.body..pb.end].trim_end();
    if !ptext.ends_with(':') {
        return (att, intro_subject);
    }
    let last_sentence = sentences
        .iter()
        .rfind(|s| s.block == ib)
        .map_or(pb.body, |s| s.start);
    att = attribution::intro(names, text, last_sentence, pb.body + ptext.len());
    // Unmarked block after a bare "This means:": the attribution is in the sentence before it
    // ("As Jo Tam writes, … . This means:").
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
    (att, intro_subject)
}

/// Is the span a quotation (not a title, a scare-quoted word or a term)? `pre` and `pre_text`
/// are the words and the text before it in its sentence.
fn is_quotation(q: &quotes::QuoteSpan, content: &str, pre: &[Token], pre_text: &str) -> bool {
    let n_words = quotes::word_count(content);
    if q.unmarked {
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
        n_words >= 1 && starts_upper && direct && content.trim_end().ends_with([',', '.', '!', '?'])
    }
}

/// What a quote claim says about its own marks: a block quotation, an unclosed or a
/// multi-paragraph one.
fn flags_of(q: &quotes::QuoteSpan) -> Vec<String> {
    let mut flags = Vec::new();
    if q.unmarked {
        flags.push("block-quote".to_string());
    } else if q.close.is_none() {
        flags.push("unclosed-quote".to_string());
    }
    if q.multi_paragraph {
        flags.push("multi-paragraph".to_string());
    }
    flags
}

/// A venue named in the attribution of the quotation in sentence `si`, outside its marks:
/// "wrote … on Twitter", "Speaking to NBC News".
fn venue_in(
    si: usize,
    q: &quotes::QuoteSpan,
    inline: &[inline::Inline],
    inline_by_sentence: &HashMap<usize, Vec<usize>>,
) -> Option<String> {
    inline_by_sentence
        .get(&si)?
        .iter()
        .map(|&k| &inline[k])
        .find(|x| x.cue == inline::Cue::Venue && (x.end <= q.open || x.start >= q.after()))
        .and_then(|x| x.fields.outlet.clone())
}

/// The words before and after quotation `qi` that may attribute it: within its sentence, up
/// to the neighbouring quotations; after one that closes in a later sentence (a
/// multi-paragraph quotation), up to the end of the sentence of its closing mark.
fn around<'a>(
    text: &'a str,
    spans: &[quotes::QuoteSpan],
    qi: usize,
    sentences: &[Sentence],
    (s_start, s_end): (usize, usize),
    all: &[(usize, usize)],
) -> (Vec<Token<'a>>, Vec<Token<'a>>) {
    let q = &spans[qi];
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
    let pre = words_outside(text, prev_end, q.open, all);
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
    let post = words_outside(text, q.after(), post_end, all);
    (pre, post)
}
