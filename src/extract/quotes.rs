//! Finding quotation marks and pairing them into quoted spans, then telling quotations from
//! scare quotes and titles.
//!
//! Marks are read from the original text so that their direction survives normalisation: `“`,
//! `„`, `«` open; `”`, `»` close; a straight `"` opens or closes by its neighbours. A quotation
//! may run over several paragraphs when each continued paragraph opens with a mark and only the
//! last one closes. An opening mark that is never closed yields a quotation to the end of its
//! paragraph, flagged `unclosed-quote`, when it is long enough to be one.

use crate::article::{Article, BlockKind};

/// A span between quotation marks, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct QuoteSpan {
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark, if the quotation was closed.
    pub close: Option<usize>,
    /// The quoted text (between the marks, trimmed).
    pub start: usize,
    pub end: usize,
    /// Index (into the article's blocks) of the block holding the opening mark.
    pub block: usize,
    pub multi_paragraph: bool,
}

impl QuoteSpan {
    /// Just after the closing mark (or the end of the text when unclosed).
    pub fn after(&self) -> usize {
        self.close.map_or(self.end, |c| c + 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    /// „ opens a quotation that “ closes.
    OpenLow,
    Close,
    Either,
}

fn mark_of(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' | '\u{00ab}' | '\u{201f}' => Some(Mark::Open),
        '\u{201e}' => Some(Mark::OpenLow),
        '\u{201d}' | '\u{00bb}' => Some(Mark::Close),
        '"' | '\u{2033}' | '\u{ff02}' => Some(Mark::Either),
        _ => None,
    }
}

/// Does a straight mark at `pos` look like an opening one, judging by its neighbours?
fn straight_opens(text: &str, pos: usize) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos + 1..].chars().next();
    let before_open = before.is_none_or(|c| c.is_whitespace() || "([{-/:".contains(c));
    let after_word = after.is_some_and(|c| !c.is_whitespace());
    before_open && after_word
}

/// Pair the quotation marks of the given body blocks.
pub fn scan(article: &Article, body: &[usize]) -> Vec<QuoteSpan> {
    let text = article.text();
    let norm = &article.layout.norm;
    let blocks = &article.layout.blocks;
    let mut out = Vec::new();
    // An open quotation: (mark position, style, block index).
    let mut open: Option<(usize, Mark, usize)> = None;
    let mut multi = false;
    for (bi, &b) in body.iter().enumerate() {
        let block = &blocks[b];
        if block.kind == BlockKind::Heading {
            continue;
        }
        let marks: Vec<(usize, Mark)> = text[block.body..block.end]
            .match_indices('"')
            .filter_map(|(i, _)| {
                let pos = block.body + i;
                norm.orig_char(&article.original, pos)
                    .and_then(mark_of)
                    .map(|m| (pos, m))
            })
            .collect();
        let mut skip_first = false;
        if let Some((_, _, ob)) = open {
            // A quotation continued from the previous paragraph: this one opens with a mark.
            if ob != b
                && marks
                    .first()
                    .is_some_and(|&(p, m)| p == block.body && m != Mark::Close)
            {
                skip_first = true;
            }
        }
        for (k, &(pos, m)) in marks.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            match open {
                None => {
                    let opens = match m {
                        Mark::Open | Mark::OpenLow => true,
                        Mark::Either => straight_opens(text, pos) || !looks_closing(text, pos),
                        Mark::Close => false,
                    };
                    if opens {
                        open = Some((pos, m, b));
                        multi = false;
                    }
                }
                Some((o, style, ob)) => {
                    let closes = match (style, m) {
                        (Mark::OpenLow, Mark::Open | Mark::Close | Mark::Either) => true,
                        (_, Mark::Close | Mark::Either) => true,
                        (_, Mark::Open | Mark::OpenLow) => false,
                    };
                    if closes {
                        push(&mut out, text, o, Some(pos), ob, multi);
                        open = None;
                    } else {
                        // A new opening mark while one is open: the first was stray.
                        open = Some((pos, m, b));
                        multi = false;
                    }
                }
            }
        }
        if let Some((o, _, ob)) = open {
            let next = body.get(bi + 1).map(|&n| &blocks[n]);
            let continues = next.is_some_and(|n| {
                n.kind != BlockKind::Heading
                    && text[n.body..].starts_with('"')
                    && norm
                        .orig_char(&article.original, n.body)
                        .and_then(mark_of)
                        .is_some_and(|m| m != Mark::Close)
            });
            if continues {
                multi = true;
            } else {
                // Unclosed: the quotation runs to the end of its paragraph.
                let q = QuoteSpan {
                    open: o,
                    close: None,
                    start: o + 1,
                    end: block.end,
                    block: ob,
                    multi_paragraph: multi,
                };
                out.push(trim(text, q));
                open = None;
                multi = false;
            }
        }
    }
    out.retain(|q| q.end > q.start);
    out
}

/// A straight mark glued to the end of a word ("word"" ) reads as closing.
fn looks_closing(text: &str, pos: usize) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || ",.;:!?)".contains(c))
}

fn push(
    out: &mut Vec<QuoteSpan>,
    text: &str,
    open: usize,
    close: Option<usize>,
    block: usize,
    multi: bool,
) {
    let q = QuoteSpan {
        open,
        close,
        start: open + 1,
        end: close.unwrap_or(open + 1),
        block,
        multi_paragraph: multi,
    };
    out.push(trim(text, q));
}

fn trim(text: &str, mut q: QuoteSpan) -> QuoteSpan {
    let s = &text[q.start..q.end];
    q.start += s.len() - s.trim_start().len();
    q.end -= s.len() - s.trim_end().len();
    q.end = q.end.max(q.start);
    q
}

/// Number of words in a span.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Does the quoted text read like the title of a work ("Trump and NATO: A Love-Hate
/// Relationship") rather than someone's words?
pub fn looks_like_title(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let trimmed = s.trim_end_matches([',', ' ']);
    if trimmed.ends_with(['.', '!']) {
        return false;
    }
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    content.len() >= 2
        && !all_caps
        && content.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Words that announce a title or a term, not a quotation: `titled "…"`.
pub fn introduces_title(pre: &str) -> bool {
    let last = pre
        .trim_end()
        .trim_end_matches([',', ':'])
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "titled"
            | "entitled"
            | "headlined"
            | "dubbed"
            | "nicknamed"
            | "named"
            | "term"
            | "word"
            | "phrase"
            | "slogan"
            | "hashtag"
            | "so-called"
            | "label"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    fn quotes(src: &str) -> Vec<String> {
        let a = Article::from_text("a.txt", src.to_string(), Format::Text);
        let body: Vec<usize> = (0..a.layout.blocks.len()).collect();
        scan(&a, &body)
            .iter()
            .map(|q| {
                let (s, e) = a.original_span(q.start, q.end);
                a.original[s..e].to_string()
            })
            .collect()
    }

    #[test]
    fn straight_curly_guillemets_and_low_marks() {
        assert_eq!(
            quotes("He said \"one two\" and “three four” and «five six» and „seven eight“ too."),
            vec!["one two", "three four", "five six", "seven eight"]
        );
    }

    #[test]
    fn multi_paragraph_quotation() {
        let got = quotes("She said: “First paragraph here.\n\n“Second paragraph ends.”\n\nAfter.");
        assert_eq!(
            got,
            vec!["First paragraph here.\n\n“Second paragraph ends."]
        );
    }

    #[test]
    fn unclosed_quotation_runs_to_paragraph_end() {
        let got = quotes("He said “this never closes, and the paragraph ends.\n\nNext paragraph.");
        assert_eq!(got, vec!["this never closes, and the paragraph ends."]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(
            quotes("A stray” mark, then “a real one”."),
            vec!["a real one"]
        );
    }

    #[test]
    fn titles() {
        assert!(looks_like_title("Trump and NATO: A Love-Hate Relationship"));
        assert!(looks_like_title("Celebrating Earth Day,"));
        assert!(!looks_like_title("We are with you."));
        assert!(!looks_like_title("IMMEDIATELY CEASE all use of it."));
        assert!(introduces_title("a report titled"));
        assert!(!looks_like_title("What is so sad for me"));
    }
}
