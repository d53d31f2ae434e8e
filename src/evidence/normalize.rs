//! Word-level normalisation for comparing a quote with its source.
//!
//! Both sides are cut into words, each kept with its byte range in the original text (for
//! passages and diffs) and a normalised form (for comparison). The rules:
//!
//! - **Unicode**: words compare in normalisation form C, so a decomposed `café` (`e` and a
//!   combining accent) is the composed one; offsets stay those of the original text;
//! - **case**: words compare in lower case;
//! - **quotes and apostrophes**: curly and straight forms are one (`don’t` = `don't`);
//! - **dashes and hyphens**: every dash (`-`, `‐`, `–`, `—`, `−`, …) separates words, so
//!   `well-known` = `well–known` = `well known`;
//! - **whitespace and punctuation**: only words count; runs of spaces, line breaks and
//!   punctuation between them do not; soft hyphens and zero-width characters inside a word are
//!   dropped;
//! - **omissions** (quote side only): `…` or `...` (or more dots) stands for words the writer
//!   left out; it may match any stretch of the source, including none;
//! - **editorial insertions** (quote side only): `[words in brackets]` are the writer's, not
//!   the speaker's; they may stand for up to [`MAX_INSERTION`] words of the source, or none.

/// Longest stretch of source words a `[bracketed]` insertion may stand for.
pub const MAX_INSERTION: usize = 6;

/// A word of a text: its normalised form and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The form words compare by: lower case, composed (NFC), invisible characters dropped,
    /// every apostrophe written `'`.
    pub norm: String,
    /// Byte offset in the text where the word begins.
    pub start: usize,
    /// Byte offset in the text just past the word's last character.
    pub end: usize,
}

/// A piece of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A word the speaker is quoted as saying.
    Word(Word),
    /// `…` or `...`: any number of source words left out.
    Omission,
    /// `[…]`: the writer's words, standing for at most [`MAX_INSERTION`] source words.
    Insertion {
        /// Byte offset in the quote of the opening `[`.
        start: usize,
        /// Byte offset in the quote just past the closing `]`.
        end: usize,
    },
}

impl Piece {
    /// The word this piece is; `None` for an omission or an insertion.
    pub fn word(&self) -> Option<&Word> {
        match self {
            Piece::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Characters dropped inside a word: soft hyphen and zero-width characters.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
}

/// Part of a word: letters, digits, combining marks, and apostrophes between letters.
fn wordish(c: char) -> bool {
    c.is_alphanumeric() || invisible(c) || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (decomposed accents, vowel signs), which belong to the word they follow.
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// Call `f` with every word of `text`, in order, without building a list.
pub fn for_each_word(text: &str, mut f: impl FnMut(Word)) {
    for_each_word_ref(text, |start, end, norm| {
        f(Word {
            norm: norm.to_string(),
            start,
            end,
        })
    });
}

/// Call `f(start, end, normalised)` with every word of `text`; the normalised form is lent
/// from one reused buffer, so that scanning a long text allocates nothing per word.
pub fn for_each_word_ref(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    use unicode_normalization::UnicodeNormalization;
    let mut norm = String::with_capacity(32);
    let mut nfc = String::with_capacity(32);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !wordish(c) || invisible(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        norm.clear();
        push_lower(&mut norm, c);
        while let Some(&(j, d)) = it.peek() {
            if wordish(d) {
                if !invisible(d) {
                    push_lower(&mut norm, d);
                }
                end = j + d.len_utf8();
                it.next();
            } else if apostrophe(d) {
                // An apostrophe inside a word (don't, l'état) belongs to it.
                let mut ahead = it.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if e.is_alphanumeric() => {
                        norm.push('\'');
                        it.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        if norm.is_ascii() {
            f(start, end, &norm);
        } else {
            // Composed form (NFC), after lower-casing: one spelling for every encoding.
            nfc.clear();
            nfc.extend(norm.nfc());
            f(start, end, &nfc);
        }
    }
}

fn push_lower(s: &mut String, c: char) {
    if c.is_ascii() {
        s.push(c.to_ascii_lowercase());
    } else {
        s.extend(c.to_lowercase());
    }
}

/// The words of a text.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w));
    out
}

/// The pieces of a quote: its words, omissions and editorial insertions. Leading and trailing
/// omissions are dropped (a quote may begin or end mid-sentence anyway), and so are runs of
/// omissions and insertions next to each other, which merge into one omission.
pub fn quote_pieces(quote: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut rest_start = 0;
    let bytes = quote.as_bytes();
    let mut i = 0;
    let flush = |out: &mut Vec<Piece>, from: usize, to: usize| {
        for_each_word(&quote[from..to], |mut w| {
            w.start += from;
            w.end += from;
            out.push(Piece::Word(w));
        });
    };
    while i < quote.len() {
        let rest = &quote[i..];
        let gap = if rest.starts_with('…') {
            Some((Piece::Omission, '…'.len_utf8()))
        } else if rest.starts_with("..") {
            let n = rest.bytes().take_while(|&b| b == b'.').count();
            Some((Piece::Omission, n))
        } else if bytes[i] == b'[' {
            rest.find(']').map(|close| {
                (
                    Piece::Insertion {
                        start: i,
                        end: i + close + 1,
                    },
                    close + 1,
                )
            })
        } else {
            None
        };
        match gap {
            Some((piece, len)) => {
                flush(&mut out, rest_start, i);
                push_gap(&mut out, piece);
                i += len;
                rest_start = i;
            }
            None => {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    flush(&mut out, rest_start, quote.len());
    while matches!(out.last(), Some(Piece::Omission)) {
        out.pop();
    }
    let lead = out
        .iter()
        .take_while(|p| matches!(p, Piece::Omission))
        .count();
    out.drain(..lead);
    out
}

fn push_gap(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last(), &piece) {
        // Two gaps in a row are one omission.
        (Some(Piece::Omission), _) => {}
        (Some(Piece::Insertion { .. }), _) => {
            out.pop();
            out.push(Piece::Omission);
        }
        _ => out.push(piece),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(norms("The US"), norms("the us"));
    }

    #[test]
    fn curly_and_straight_apostrophes_are_one() {
        assert_eq!(norms("don’t stop"), vec!["don't", "stop"]);
        assert_eq!(norms("don't stop"), norms("don’t stop"));
        // Quotation marks around words are not part of them.
        assert_eq!(norms("“‘trust’”"), vec!["trust"]);
        assert_eq!(norms("'trust'"), vec!["trust"]);
    }

    #[test]
    fn every_dash_separates_words() {
        for t in [
            "well-known",
            "well–known",
            "well — known",
            "well‐known",
            "well−known",
        ] {
            assert_eq!(norms(t), vec!["well", "known"], "{t}");
        }
    }

    #[test]
    fn decomposed_and_composed_letters_are_one() {
        let nfd = "cafe\u{301} Cre\u{300}me";
        assert_eq!(norms(nfd), vec!["café", "crème"]);
        assert_eq!(norms(nfd), norms("café Crème"));
        // The word is still the original text at its place.
        let w = words(nfd);
        assert_eq!(&nfd[w[0].start..w[0].end], "cafe\u{301}");
    }

    #[test]
    fn whitespace_and_punctuation_do_not_count() {
        assert_eq!(norms("a  b\n\tc, d!"), norms("a b c d"));
        assert_eq!(norms("colos\u{00AD}sal"), vec!["colossal"]);
    }

    #[test]
    fn words_keep_their_place() {
        let t = "Hé, “don’t”";
        let w = words(t);
        assert_eq!(&t[w[0].start..w[0].end], "Hé");
        assert_eq!(&t[w[1].start..w[1].end], "don’t");
    }

    #[test]
    fn omissions_in_either_spelling() {
        for q in ["a b… c", "a b... c", "a b .... c", "a b … c"] {
            let p = quote_pieces(q);
            assert_eq!(p.len(), 4, "{q}: {p:?}");
            assert_eq!(p[2], Piece::Omission, "{q}");
        }
        // At the ends they say nothing.
        let p = quote_pieces("…a b...");
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn bracketed_insertions_are_the_writers() {
        let q = "[The US] must act";
        let p = quote_pieces(q);
        assert!(matches!(p[0], Piece::Insertion { start: 0, end: 8 }));
        assert_eq!(p.len(), 3);
        // An unclosed bracket is just punctuation.
        assert_eq!(quote_pieces("a [b").len(), 2);
        // An insertion beside an omission is one omission.
        assert_eq!(quote_pieces("a … [and] b")[1], Piece::Omission);
    }
}
