//! Sentences, clauses and words of the normalised analysis text.

use std::borrow::Cow;

/// A sentence inside one block, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    /// Footnote-style numbers glued to the sentence's final punctuation ("…1969.1").
    pub markers: Vec<u32>,
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "adm",
    "st", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "fig",
    "p", "pp", "vol", "ed", "eds", "cong", "res", "rev", "hon", "mt", "ft", "est", "dept", "univ",
    "assn", "bros", "cf", "al", "op", "cit", "ibid", "art", "sec", "ch",
];

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let w = w.trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    // Initials ("J.") and dotted abbreviations ("U.S.", "D.C.").
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Split `text[start..end]` into sentences. `protected` lists spans (quotations) inside which
/// no sentence ends.
pub fn split_sentences(
    text: &str,
    block: usize,
    start: usize,
    end: usize,
    protected: &[(usize, usize)],
) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut s = skip_space(text, start, end);
    let mut i = s;
    while i < end {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') && !inside(protected, i) {
            // Extend over repeated punctuation, closing quotes and brackets.
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // A bracketed marker glued to the punctuation: "…agreement.[1]".
            if j < end && bytes[j] == b'[' {
                let close = text[j..end].find(']').map(|p| j + p);
                if let Some(c) = close.filter(|&c| {
                    c - j <= 4 && c > j + 1 && text[j + 1..c].bytes().all(|b| b.is_ascii_digit())
                }) {
                    if c + 1 == end || bytes[c + 1].is_ascii_whitespace() {
                        let n = text[j + 1..c].parse::<u32>().ok();
                        let after = c + 1;
                        push(&mut out, text, block, s, j, n);
                        s = skip_space(text, after, end);
                        i = s;
                        continue;
                    }
                }
            }
            let sentence_end = j;
            // A footnote marker glued to the punctuation.
            let mut k = j;
            while k < end && bytes[k].is_ascii_digit() && k - j < 3 {
                k += 1;
            }
            let marker = (k > j && (k == end || bytes[k].is_ascii_whitespace()))
                .then(|| text[j..k].parse::<u32>().ok())
                .flatten();
            let after = if marker.is_some() { k } else { j };
            let at_end = after >= end;
            let next_ok = at_end
                || (bytes[after].is_ascii_whitespace() && {
                    let n = skip_space(text, after, end);
                    n >= end
                        || text[n..].chars().next().is_some_and(|ch| {
                            ch.is_uppercase() || ch.is_ascii_digit() || "\"'([-".contains(ch)
                        })
                });
            // The word before the mark (looking back a bounded distance).
            let mut from = i.saturating_sub(32).max(s);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let word_before = text[from..i]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let abbreviation =
                c == b'.' && j == i + 1 && is_abbreviation(&format!("{word_before}."));
            if next_ok
                && !abbreviation
                && (marker.is_some() || at_end || bytes[after].is_ascii_whitespace())
            {
                push(&mut out, text, block, s, sentence_end, marker);
                s = skip_space(text, after, end);
                i = s;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if s < end {
        push(&mut out, text, block, s, end, None);
    }
    out
}

fn push(
    out: &mut Vec<Sentence>,
    text: &str,
    block: usize,
    s: usize,
    e: usize,
    marker: Option<u32>,
) {
    let trimmed = text[s..e].trim_end();
    let e = s + trimmed.len();
    if e > s {
        out.push(Sentence {
            block,
            start: s,
            end: e,
            markers: marker.into_iter().collect(),
        });
    }
}

fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Is `pos` inside one of `spans` (sorted by start, not overlapping)?
pub fn inside(spans: &[(usize, usize)], pos: usize) -> bool {
    let i = spans.partition_point(|&(s, _)| s <= pos);
    i > 0 && pos < spans[i - 1].1
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

pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= pos);
    (i > 0 && pos < sentences[i - 1].end.max(sentences[i - 1].start + 1)).then(|| i - 1)
}

/// A word of the analysis text with its position; `word` has surrounding punctuation removed
/// (but keeps inner apostrophes, hyphens and dots).
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    pub word: &'a str,
    /// Offset of `word` within `raw`.
    lead: usize,
}

impl Token<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }
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
