//! Where sentences end: the one sentence splitter, used by extraction on an article's
//! analysis text, by the evidence search to widen a match in a snapshot to its sentences, and
//! by the review to show a claim with the sentences around it.
//!
//! A sentence ends at `.`, `!`, `?` or `…`, taken together with any further marks and closing
//! quotes or brackets after it, when white space (or the end) follows and the next sentence
//! starts with a capital, a digit, an opening quote or bracket, or a dash. A period after an
//! abbreviation ("Dr.", "U.S.", an initial) ends nothing; neither does a mark inside a
//! protected span (a quotation). A footnote number glued to the mark (`…1969.1` or
//! `…1969.[1]`) is taken off the sentence and reported as its marker.
//!
//! One pass over the text, with a bounded look back for the abbreviation: linear in its length.

/// A sentence: `start..end` of the text (no white space at either end), and the footnote
/// number glued to its final mark, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset in the text of the sentence's first character.
    pub start: usize,
    /// Byte offset in the text just past the sentence's last character (its final mark or
    /// closing quote, before any footnote number).
    pub end: usize,
    /// The footnote number glued to the final mark (`1` of `…1969.1` or `…1969.[1]`), taken
    /// off the sentence; `None` when there is none.
    pub marker: Option<u32>,
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "adm",
    "st", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "fig",
    "p", "pp", "vol", "ed", "eds", "cong", "res", "rev", "hon", "mt", "ft", "est", "dept", "univ",
    "assn", "bros", "cf", "al", "op", "cit", "ibid", "art", "sec", "ch",
];

/// How far back the word before a period is looked for, in bytes.
const WORD_LOOKBACK: usize = 32;

/// Is `word` (with its period) an abbreviation, an initial ("J.") or a dotted abbreviation
/// ("U.S.", "D.C.") rather than the end of a sentence?
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let w = w.trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Is `pos` inside one of `spans` (sorted by start, not overlapping)?
pub fn inside(spans: &[(usize, usize)], pos: usize) -> bool {
    let i = spans.partition_point(|&(s, _)| s <= pos);
    i > 0 && pos < spans[i - 1].1
}

/// The sentences of `text[start..end]`, in order. `protected` lists spans (sorted by start,
/// not overlapping) inside which no sentence ends. `start` and `end` must be character
/// boundaries of `text`.
pub fn split(text: &str, start: usize, end: usize, protected: &[(usize, usize)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut s = skip_space(text, start, end);
    let mut i = s;
    while i < end {
        let Some(mark) = char_at(text, i, end).filter(|&c| is_mark(c)) else {
            i += 1;
            continue;
        };
        if inside(protected, i) {
            i += mark.len_utf8();
            continue;
        }
        let j = past_closers(text, i + mark.len_utf8(), end);
        match end_at(text, s, i, j, end) {
            Some((sentence_end, marker, after)) => {
                push(&mut out, text, s, sentence_end, marker);
                s = skip_space(text, after, end);
                i = s;
            }
            None => i = j,
        }
    }
    if s < end {
        push(&mut out, text, s, end, None);
    }
    out
}

/// Does the mark at `i` (its closers run to `j`) end the sentence that began at `s`? If so:
/// where the sentence ends, its footnote marker, and where the text after it begins.
fn end_at(
    text: &str,
    s: usize,
    i: usize,
    j: usize,
    end: usize,
) -> Option<(usize, Option<u32>, usize)> {
    if let Some((n, after)) = bracketed_marker(text, j, end) {
        return Some((j, n, after));
    }
    // A footnote number glued to the mark: at most three digits, then white space or the end.
    let bytes = text.as_bytes();
    let mut k = j;
    while k < end && bytes[k].is_ascii_digit() && k - j < 3 {
        k += 1;
    }
    let marker = (k > j && (k == end || is_space_at(text, k, end)))
        .then(|| text[j..k].parse::<u32>().ok())
        .flatten();
    let after = if marker.is_some() { k } else { j };
    let at_end = after >= end;
    let next_starts = at_end
        || (is_space_at(text, after, end) && {
            let n = skip_space(text, after, end);
            n >= end || char_at(text, n, end).is_some_and(starts_sentence)
        });
    let abbreviation =
        bytes[i] == b'.' && j == i + 1 && is_abbreviation(&format!("{}.", word_before(text, s, i)));
    (next_starts && !abbreviation).then_some((j, marker, after))
}

/// A bracketed footnote number glued to the mark ("…agreement.[1]") and followed by white
/// space or the end: its number and where the text after it begins.
fn bracketed_marker(text: &str, j: usize, end: usize) -> Option<(Option<u32>, usize)> {
    if text.as_bytes().get(j) != Some(&b'[') || j >= end {
        return None;
    }
    // "[" + at most three digits + "]": looked for no further, so a "[" never sends the
    // search to the end of the text.
    let window = (j + 5).min(end);
    let close = j + text.as_bytes()[j..window].iter().position(|&b| b == b']')?;
    let digits = &text[j + 1..close];
    let short = close - j <= 4 && close > j + 1 && digits.bytes().all(|b| b.is_ascii_digit());
    (short && (close + 1 == end || is_space_at(text, close + 1, end)))
        .then(|| (digits.parse::<u32>().ok(), close + 1))
}

/// The word before byte `i`, looked for no further back than [`WORD_LOOKBACK`] nor before `s`.
fn word_before(text: &str, s: usize, i: usize) -> &str {
    let mut from = i.saturating_sub(WORD_LOOKBACK).max(s);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..i]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Marks that can end a sentence.
fn is_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Past the further marks, closing quotes and brackets that belong to a sentence's end.
fn past_closers(text: &str, mut j: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, j, end)
        .filter(|&c| is_mark(c) || matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»'))
    {
        j += c.len_utf8();
    }
    j
}

/// Can a sentence start with `c`?
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || "\"'([-“‘«".contains(c)
}

/// The character at byte `i` when `i < end` and `i` starts one.
fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    if i >= end {
        return None;
    }
    text.get(i..end)?.chars().next()
}

fn is_space_at(text: &str, i: usize, end: usize) -> bool {
    char_at(text, i, end).is_some_and(char::is_whitespace)
}

/// Past the white space from byte `i` (never past `end`).
pub fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i, end).filter(|c| c.is_whitespace()) {
        i += c.len_utf8();
    }
    i
}

/// Add the sentence `s..e`, without its trailing white space, unless it is empty.
fn push(out: &mut Vec<Sentence>, text: &str, s: usize, e: usize, marker: Option<u32>) {
    let e = s + text[s..e].trim_end().len();
    if e > s {
        out.push(Sentence {
            start: s,
            end: e,
            marker,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split(t, 0, t.len(), &[])
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_end_no_sentence() {
        assert_eq!(
            sentences(
                "Dr. Ana Ruiz spoke. The U.S. Court of Appeals ruled. Mayor Jan K. Berg left."
            ),
            [
                "Dr. Ana Ruiz spoke.",
                "The U.S. Court of Appeals ruled.",
                "Mayor Jan K. Berg left."
            ]
        );
    }

    #[test]
    fn decimals_and_lower_case_continuations_end_no_sentence() {
        assert_eq!(
            sentences("Fares rose 3.5 percent. Who knew? not us. Then they fell!"),
            [
                "Fares rose 3.5 percent.",
                "Who knew? not us.",
                "Then they fell!"
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “no.” Then (briefly.) she spoke. «Fin.» Done…  And more."),
            [
                "He said “no.”",
                "Then (briefly.) she spoke.",
                "«Fin.»",
                "Done…",
                "And more."
            ]
        );
    }

    #[test]
    fn a_glued_footnote_number_is_the_sentences_marker() {
        let t = "The ferry sank in 1969.12 Divers came.[3] Nobody else did.";
        let got = split(t, 0, t.len(), &[]);
        let words: Vec<_> = got.iter().map(|s| (&t[s.start..s.end], s.marker)).collect();
        assert_eq!(
            words,
            [
                ("The ferry sank in 1969.", Some(12)),
                ("Divers came.", Some(3)),
                ("Nobody else did.", None)
            ]
        );
    }

    #[test]
    fn a_bracket_that_is_no_footnote_number_is_left_in_the_sentence() {
        assert_eq!(
            sentences("Fares rose.[citation needed] Then fell.[12345] Done.[7] End."),
            [
                "Fares rose.[citation needed] Then fell.[12345] Done.",
                "End."
            ]
        );
    }

    #[test]
    fn no_sentence_ends_inside_a_protected_span() {
        let t = "\"Stop. Now,\" she said. Next.";
        let got = split(t, 0, t.len(), &[(1, 11)]);
        assert_eq!(&t[got[0].start..got[0].end], "\"Stop. Now,\" she said.");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_range_is_split_in_the_texts_own_offsets() {
        let t = "Skip this. Keep one. Keep two. Skip";
        let got = split(t, 11, 30, &[]);
        assert_eq!(
            got.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
            [(11, 20), (21, 30)]
        );
    }

    #[test]
    fn white_space_and_an_empty_range_give_no_sentence() {
        assert!(split("   \n ", 0, 5, &[]).is_empty());
        assert!(split("Hello.", 3, 3, &[]).is_empty());
    }
}
