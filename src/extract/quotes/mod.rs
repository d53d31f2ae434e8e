//! Finding quotation marks and pairing them into quoted spans, then telling quotations from
//! scare quotes and titles.
//!
//! Marks are read from the original text so that their direction survives normalisation: `“`,
//! `„`, `«` open; `”`, `»` close; a straight `"` opens or closes by its neighbours. A quotation
//! may run over several paragraphs when each continued paragraph opens with a mark and only the
//! last one closes. An opening mark that is never closed yields a quotation to the end of its
//! paragraph, flagged `unclosed-quote`, when it is long enough to be one.
//!
//! The parts: this file pairs the marks ([`scan`]) and takes a cheap look at raw text
//! ([`looks_quoted`]); [`blocks`] finds block quotations without marks, using [`intro`] to
//! read how a paragraph ending in a colon introduces the next; [`titles`] tells the title of a
//! work from someone's words.

mod blocks;
mod intro;
mod titles;

pub use blocks::{blocks, with_blocks};
pub use intro::{intro_kind, Intro};
pub use titles::{introduces_title, looks_like_title};

use crate::article::{Article, Block, BlockKind};

/// A span between quotation marks, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct QuoteSpan {
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark, if the quotation was closed.
    pub close: Option<usize>,
    /// The quoted text (between the marks, trimmed).
    pub start: usize,
    /// Byte offset in the analysis text just past the quoted text (before the closing mark;
    /// the end of the paragraph when unclosed).
    pub end: usize,
    /// Index (into the article's blocks) of the block holding the opening mark.
    pub block: usize,
    /// The quotation runs over several paragraphs, each continued one opening with a mark.
    pub multi_paragraph: bool,
    /// A block quotation without quote marks (see [`blocks`]): `open` is where its words start
    /// and `close` is `None`.
    pub unmarked: bool,
    /// For an unmarked block quotation: the block holding its introducing line, if any.
    pub intro: Option<usize>,
    /// For an unmarked block quotation: a handle label (`@user:`) or a signature line
    /// (`-- Name`) that names the speaker.
    pub label: Option<(usize, usize)>,
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
    let blocks = &article.layout.blocks;
    let mut scanner = Scanner {
        article,
        text: article.text(),
        out: Vec::new(),
        open: None,
        multi: false,
    };
    for (bi, &b) in body.iter().enumerate() {
        if blocks[b].kind == BlockKind::Heading {
            continue;
        }
        scanner.pair_marks(b);
        let next = body.get(bi + 1).map(|&n| &blocks[n]);
        scanner.end_block(&blocks[b], next);
    }
    let mut out = scanner.out;
    out.retain(|q| q.end > q.start);
    out
}

/// The pairing state [`scan`] carries from one body block to the next.
struct Scanner<'a> {
    article: &'a Article,
    text: &'a str,
    /// The quotations paired so far.
    out: Vec<QuoteSpan>,
    /// An open quotation: (mark position, style, block index).
    open: Option<(usize, Mark, usize)>,
    /// The open quotation has run over a paragraph break.
    multi: bool,
}

impl Scanner<'_> {
    /// The marks of a block, each with its direction as the original text gives it.
    fn marks(&self, block: &Block) -> Vec<(usize, Mark)> {
        let norm = &self.article.layout.norm;
        self.text[block.body..block.end]
            .match_indices('"')
            .map(|(i, _)| {
                let pos = block.body + i;
                // A mark at the edge of a link's text maps to the link's `[` or `)` in the
                // original (or came from an entity): its direction is then read from its
                // neighbours.
                let m = norm
                    .orig_char(&self.article.original, pos)
                    .and_then(mark_of)
                    .unwrap_or(Mark::Either);
                (pos, m)
            })
            .collect()
    }

    /// Pair the marks of block `b` among themselves and with a quotation left open before it.
    fn pair_marks(&mut self, b: usize) {
        let article = self.article;
        let block = &article.layout.blocks[b];
        let marks = self.marks(block);
        let mut skip_first = false;
        if let Some((_, _, ob)) = self.open {
            // A quotation continued from the previous paragraph: this one opens with a mark.
            if ob != b
                && marks
                    .first()
                    .is_some_and(|&(p, m)| p == block.body && m != Mark::Close)
            {
                skip_first = true;
            }
        }
        // Inside an HTML attribute value (`allow="autoplay; encrypted-media"`).
        let mut in_attr = false;
        for (k, &(pos, m)) in marks.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            if in_attr {
                in_attr = m != Mark::Either;
                continue;
            }
            if self.open.is_none() && m == Mark::Either && self.text[..pos].ends_with('=') {
                in_attr = true;
                continue;
            }
            self.mark(pos, m, b);
        }
    }

    /// The mark `m` at `pos` in block `b`: it opens a quotation, closes the open one, or
    /// opens anew after a stray opening mark.
    fn mark(&mut self, pos: usize, m: Mark, b: usize) {
        let text = self.text;
        match self.open {
            None => {
                let opens = match m {
                    Mark::Open | Mark::OpenLow => true,
                    Mark::Either => straight_opens(text, pos) || !looks_closing(text, pos),
                    Mark::Close => false,
                };
                if opens {
                    self.open = Some((pos, m, b));
                    self.multi = false;
                }
            }
            Some((o, style, ob)) => {
                let closes = match (style, m) {
                    (Mark::OpenLow, Mark::Open | Mark::Close | Mark::Either) => true,
                    (_, Mark::Close | Mark::Either) => true,
                    (_, Mark::Open | Mark::OpenLow) => false,
                };
                if closes {
                    push(&mut self.out, text, o, Some(pos), ob, self.multi);
                    self.open = None;
                } else {
                    // A new opening mark while one is open: the first was stray.
                    self.open = Some((pos, m, b));
                    self.multi = false;
                }
            }
        }
    }

    /// At the end of `block`, a quotation still open goes on into the `next` block when that
    /// opens with a mark; else it runs to the end of its paragraph.
    fn end_block(&mut self, block: &Block, next: Option<&Block>) {
        let Some((o, _, ob)) = self.open else {
            return;
        };
        let text = self.text;
        let continues = next.is_some_and(|n| {
            n.kind != BlockKind::Heading
                && text[n.body..].starts_with('"')
                && self
                    .article
                    .layout
                    .norm
                    .orig_char(&self.article.original, n.body)
                    .and_then(mark_of)
                    .is_some_and(|m| m != Mark::Close)
        });
        if continues {
            self.multi = true;
        } else {
            // Unclosed: the quotation runs to the end of its paragraph.
            let q = QuoteSpan {
                open: o,
                close: None,
                start: o + 1,
                end: block.end,
                block: ob,
                multi_paragraph: self.multi,
                unmarked: false,
                intro: None,
                label: None,
            };
            self.out.push(trim(text, q));
            self.open = None;
            self.multi = false;
        }
    }
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
        unmarked: false,
        intro: None,
        label: None,
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

/// A cheap look at an article's raw text, without extracting it: does it hold a quotation in
/// marks of 4+ words that is not a title, a Markdown block quote, or a paragraph introduced by
/// an attribution ending in a colon? (`dossier check` warns when such an article has no quote
/// claim.)
pub fn looks_quoted(original: &str, markdown: bool) -> bool {
    let mut prev_intro = false;
    for para in original
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if markdown && para.starts_with('#') {
            prev_intro = false;
            continue;
        }
        if markdown && para.starts_with('>') && word_count(para) >= 4 {
            return true;
        }
        let listed = crate::article::layout::list_marker(para).is_some();
        if prev_intro && !listed && word_count(para) >= 1 {
            return true;
        }
        prev_intro = para.ends_with(':') && intro_kind(para) == Intro::Attribution;
        // (position of the opening mark, start of the words)
        let mut open: Option<(usize, usize)> = None;
        for (i, c) in para.char_indices() {
            match (c, open) {
                ('\u{201c}' | '\u{201e}' | '\u{00ab}', _) | ('"', None) => {
                    open = Some((i, i + c.len_utf8()))
                }
                ('"' | '\u{201d}' | '\u{00bb}', Some((m, o))) => {
                    let inner = &para[o..i];
                    if word_count(inner) >= 4
                        && !looks_like_title(inner)
                        && !para[..m].ends_with('=')
                    {
                        return true;
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    false
}

/// Number of words in a span.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    /// The quotations in marks of a plain-text article, as written.
    pub(super) fn quotes(src: &str) -> Vec<String> {
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
    fn html_attributes_are_not_quotations() {
        assert!(quotes(
            "<iframe width=\"560\" src=\"https://video.example/x\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope\"></iframe>"
        )
        .is_empty());
        assert_eq!(
            quotes("The chair said \"we will meet again next week\" and left."),
            vec!["we will meet again next week"]
        );
    }

    #[test]
    fn marks_at_the_edges_of_a_link_text_are_read() {
        let src = "Stickers reading [\"Where did the money go?\"](https://img.example/a.jpg) appeared overnight.\n";
        let a = Article::from_text("a.md", src.to_string(), Format::Markdown);
        let body: Vec<usize> = (0..a.layout.blocks.len()).collect();
        let got: Vec<&str> = scan(&a, &body)
            .iter()
            .map(|q| &a.text()[q.start..q.end])
            .collect();
        assert_eq!(got, vec!["Where did the money go?"]);
    }

    #[test]
    fn looks_quoted_sees_marks_blocks_and_colon_intros() {
        assert!(looks_quoted(
            "The mayor said \u{201c}we will rebuild the pier\u{201d}.",
            false
        ));
        assert!(looks_quoted("Intro.\n\n> Words of someone here.\n", true));
        assert!(looks_quoted("Jo Tam tweeted:\n\nWe won.\n", false));
        assert!(!looks_quoted(
            "A \"scare\" quote and the \"Harbour Bridge Works Report\".",
            false
        ));
        assert!(!looks_quoted("The plan includes:\n\n1. A road.\n", false));
        assert!(!looks_quoted(
            "<iframe allow=\"a; b; c; d; e\"></iframe>",
            false
        ));
    }
}
