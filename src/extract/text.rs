//! Sentences, clauses and words of the normalised analysis text.

use std::borrow::Cow;

/// A sentence inside one block, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index (into the article's blocks) of the block the sentence is in.
    pub block: usize,
    /// Byte offset in the analysis text where the sentence begins.
    pub start: usize,
    /// Byte offset in the analysis text just past the sentence's final punctuation (a
    /// footnote number glued to it is left out: see `markers`).
    pub end: usize,
    /// Footnote-style numbers glued to the sentence's final punctuation ("…1969.1").
    pub markers: Vec<u32>,
}

use crate::util::sentences::skip_space;
pub use crate::util::sentences::{inside, is_abbreviation};

/// Split `text[start..end]` (block `block`) into sentences, by the one sentence splitter
/// ([`crate::util::sentences`]). `protected` lists spans (quotations) inside which no sentence
/// ends.
pub fn split_sentences(
    text: &str,
    block: usize,
    start: usize,
    end: usize,
    protected: &[(usize, usize)],
) -> Vec<Sentence> {
    crate::util::sentences::split(text, start, end, protected)
        .into_iter()
        .map(|s| Sentence {
            block,
            start: s.start,
            end: s.end,
            markers: s.marker.into_iter().collect(),
        })
        .collect()
}

/// Does `start..end` overlap one of `spans` (sorted by start, not overlapping)?
pub fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|&(s, _)| s < end);
    i > 0 && spans[i - 1].1 > start
}

/// Index of the sentence holding byte `pos`, if any (sentences are sorted and disjoint).
/// A regular expression written with an ASCII word boundary, `(?-u:\b)`, as its first item
/// and an ASCII word character right after it, and no other boundary: searched so that it
/// finds exactly what the same pattern with Unicode's `\b` would find. The regex crate's fast
/// automaton cannot evaluate Unicode's `\b` on text that is not all ASCII (curly quotes,
/// accented names) and falls back to a much slower engine; the ASCII boundary never does. The
/// two differ only where the preceding character is a non-ASCII letter or digit ("é" in
/// "caféon"), which Unicode counts as a word character: such a match is skipped and the
/// search resumes one character later, as Unicode's `\b` would have failed there.
pub struct WordStart(pub regex::Regex);

impl WordStart {
    /// The successive non-overlapping matches, as `Regex::captures_iter` with Unicode's `\b`.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> WordStartMatches<'r, 'h> {
        WordStartMatches {
            re: &self.0,
            haystack,
            pos: 0,
        }
    }
}

/// The iterator of [`WordStart::captures_iter`].
pub struct WordStartMatches<'r, 'h> {
    re: &'r regex::Regex,
    haystack: &'h str,
    pos: usize,
}

impl<'h> Iterator for WordStartMatches<'_, 'h> {
    type Item = regex::Captures<'h>;

    fn next(&mut self) -> Option<Self::Item> {
        let h = self.haystack;
        while self.pos <= h.len() {
            let c = self.re.captures_at(h, self.pos)?;
            let m = c.get(0)?;
            if !word_char_before(h, m.start()) {
                // Past an empty match, step over one character as the regex crate does.
                self.pos = if m.end() > m.start() {
                    m.end()
                } else {
                    m.end() + h[m.end()..].chars().next().map_or(1, char::len_utf8)
                };
                return Some(c);
            }
            // The match starts with an ASCII character, so one byte on is a boundary.
            self.pos = m.start() + 1;
        }
        None
    }
}

/// Is the character before byte `pos` a word character in the Unicode sense of `\w`?
fn word_char_before(h: &str, pos: usize) -> bool {
    match h[..pos].chars().next_back() {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric() || c == '_',
        Some(c) => {
            static W: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            W.get_or_init(|| regex::Regex::new(r"^\w$").expect("static regex"))
                .is_match(c.encode_utf8(&mut [0; 4]))
        }
    }
}

/// Index of the sentence (of `sentences`, in text order) that holds byte `pos`; `None` when
/// `pos` lies between sentences or outside them all.
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= pos);
    (i > 0 && pos < sentences[i - 1].end.max(sentences[i - 1].start + 1)).then(|| i - 1)
}

/// A word of the analysis text with its position; `word` has surrounding punctuation removed
/// (but keeps inner apostrophes, hyphens and dots).
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// Byte offset in the analysis text where the token (with its leading punctuation) begins.
    pub start: usize,
    /// Byte offset in the analysis text just past the token (with its trailing punctuation).
    pub end: usize,
    /// The token as written between white space, punctuation included.
    pub raw: &'a str,
    /// The word alone: leading and trailing punctuation and a possessive `'s` removed.
    pub word: &'a str,
    /// Offset of `word` within `raw`.
    lead: usize,
}

impl Token<'_> {
    /// Does the word start with a capital letter?
    pub fn is_capitalized(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }
    /// The word in lower case (see [`lower`]).
    pub fn lower(&self) -> Cow<'_, str> {
        lower(self.word)
    }
    /// Punctuation right after the word (",", ".", ":" …); a possessive `'s` is part of the
    /// word, not punctuation after it.
    pub fn trailing(&self) -> &str {
        let t = &self.raw[self.lead + self.word.len()..];
        t.strip_prefix("'s").unwrap_or(t)
    }
    /// Punctuation right before the word ("(", a quotation mark …).
    pub fn leading(&self) -> &str {
        &self.raw[..self.lead]
    }
}

/// `s` in lower case, borrowed when it already is (most words of running text), so lexicon
/// look-ups allocate only for capitalised or non-ASCII words.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Split `text[start..end]` into tokens at white space.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    token_iter(text, start, end).collect()
}

/// [`tokens`], one at a time.
pub fn token_iter(text: &str, start: usize, end: usize) -> impl Iterator<Item = Token<'_>> {
    let slice = &text[start..end];
    let base = slice.as_ptr() as usize;
    slice.split_whitespace().map(move |raw| {
        // `raw` is a sub-slice of `slice`: its offset is the pointer difference.
        let off = raw.as_ptr() as usize - base;
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = raw.len() - trimmed.len();
        let word = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        let word = word.strip_suffix("'s").unwrap_or(word);
        Token {
            start: start + off,
            end: start + off + raw.len(),
            raw,
            word,
            lead,
        }
    })
}

/// Clause boundaries inside a sentence: after a semicolon.
pub fn clauses(
    text: &str,
    start: usize,
    end: usize,
    protected: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for (i, c) in text[start..end].char_indices() {
        let p = start + i;
        if c == ';' && !inside(protected, p) {
            let e = trim_end(text, s, p);
            if e > s {
                out.push((s, e));
            }
            s = skip_space(text, p + 1, end);
        }
    }
    let e = trim_end(text, s, end);
    if e > s {
        out.push((s, e));
    }
    out
}

fn trim_end(text: &str, s: usize, e: usize) -> usize {
    s + text[s..e].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII boundary with the check of the preceding character finds what Unicode's
    /// `\b` finds, also after accented letters, digits of other scripts and curly quotes.
    #[test]
    fn word_start_matches_as_unicode_boundary() {
        let ascii = WordStart(regex::Regex::new(r"(?-u:\b)(?:on|to) (?P<w>[\p{Lu}]\w*)").unwrap());
        let unicode = regex::Regex::new(r"\b(?:on|to) (?P<w>[\p{Lu}]\w*)").unwrap();
        for text in [
            "He spoke to Reuters on Tuesday.",
            "The café on Main Street; a caféon Main; Zoëto Paris.",
            "“on Fox” and ‘to Élise’, ٣on Monday, _on Sunday, x on Ybor",
            "on Air",
            "éon Air",
            "",
        ] {
            let got: Vec<_> = ascii
                .captures_iter(text)
                .map(|c| (c.get(0).unwrap().range(), c["w"].to_string()))
                .collect();
            let want: Vec<_> = unicode
                .captures_iter(text)
                .map(|c| (c.get(0).unwrap().range(), c["w"].to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        let in_cafe: Vec<_> = ascii
            .captures_iter("caféon Main, then on Elm")
            .map(|c| c["w"].to_string())
            .collect();
        assert_eq!(in_cafe, ["Elm"]);
    }

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, 0, 0, t.len(), &[])
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        assert_eq!(
            split("Dr. Tomasz Stefaniak spoke. The U.S. Court of Appeals ruled. President Donald J. Trump left."),
            vec![
                "Dr. Tomasz Stefaniak spoke.",
                "The U.S. Court of Appeals ruled.",
                "President Donald J. Trump left."
            ]
        );
    }

    #[test]
    fn footnote_markers_are_taken_off_the_sentence() {
        let t = "It was held on September 20, 1969.1 Planning began.2";
        let got = split_sentences(t, 0, 0, t.len(), &[]);
        assert_eq!(
            &t[got[0].start..got[0].end],
            "It was held on September 20, 1969."
        );
        assert_eq!(got[0].markers, vec![1]);
        assert_eq!(&t[got[1].start..got[1].end], "Planning began.");
        assert_eq!(got[1].markers, vec![2]);
    }

    #[test]
    fn no_sentence_ends_inside_a_quotation() {
        let t = "\"One. Two,\" she said. Next.";
        let got = split_sentences(t, 0, 0, t.len(), &[(1, 10)]);
        assert_eq!(got.len(), 2);
        assert_eq!(&t[got[0].start..got[0].end], "\"One. Two,\" she said.");
    }

    #[test]
    fn decimals_do_not_end_sentences() {
        assert_eq!(
            split("It rose 3.5 percent. Then fell."),
            vec!["It rose 3.5 percent.", "Then fell."]
        );
    }

    #[test]
    fn tokens_strip_punctuation_and_possessives() {
        let t = "\"Lavrov's view,\" (said)";
        let toks = tokens(t, 0, t.len());
        assert_eq!(toks[0].word, "Lavrov");
        assert_eq!(toks[1].word, "view");
        assert_eq!(toks[1].trailing(), ",\"");
        assert_eq!(toks[2].word, "said");
    }
}
