//! Splitting an article into blocks: headings, paragraphs, list items and single lines.
//!
//! Plain text is split at blank lines. A multi-line paragraph stays one prose block when any of
//! its lines continues the previous one (starts in lower case: hard-wrapped prose); otherwise
//! each line is a block of its own (lists, reference entries, page furniture). Markdown is laid
//! out by pulldown-cmark, and its inline syntax is reduced to text in the analysis copy so that
//! links and emphasis do not get in the way of the extractor.

use super::normalize::{Builder, Normalized};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::sync::OnceLock;

/// What sort of block a [`Block`] is, which decides how the extractor reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A title or section heading (Markdown `#`, or a short stand-alone line in plain text).
    Heading,
    /// Running prose.
    Paragraph,
    /// An entry of a bulleted or numbered list.
    ListItem,
    /// One line of a paragraph whose lines are separate entries.
    Line,
}

/// How a list entry is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `1.`, `1)`, `[1]`, `(1)`.
    Numbered(u32),
    /// A bare number followed by a space, as footnotes extracted from PDFs have.
    BareNumber(u32),
    /// `•`, `-`, `*`, `▪` and friends.
    Bullet,
}

/// One block of the article, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct Block {
    /// Heading, paragraph, list item or separate line.
    pub kind: BlockKind,
    /// Start and end of the block (end exclusive), trimmed of surrounding white space.
    pub start: usize,
    /// Byte offset in the analysis text just past the block's last character.
    pub end: usize,
    /// Where the block's content starts, after any list marker.
    pub body: usize,
    /// The list marker the block starts with; `None` for anything but a list entry. Markdown
    /// list items are always [`Marker::Bullet`], numbered or not.
    pub marker: Option<Marker>,
    /// Index of the blank-line-separated paragraph the block belongs to.
    pub para: usize,
    /// Inside a Markdown block quote (`> …`); always false in plain text.
    pub quoted: bool,
}

/// A Markdown hyperlink: its text in normalised coordinates, and the whole `[text](url)` in the
/// original.
#[derive(Debug, Clone)]
pub struct Link {
    /// Byte offset in the analysis text where the link's text begins.
    pub start: usize,
    /// Byte offset in the analysis text just past the link's text.
    pub end: usize,
    /// Byte offset in the original article where the whole `[text](url)` begins.
    pub orig_start: usize,
    /// Byte offset in the original article just past the whole `[text](url)`.
    pub orig_end: usize,
    /// The link's destination exactly as the Markdown gives it, not resolved.
    pub url: String,
}

/// The analysis view of an article.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The analysis text, with the map from its offsets back to the original.
    pub norm: Normalized,
    /// Every block of the article, in reading order.
    pub blocks: Vec<Block>,
    /// The Markdown hyperlinks, in reading order; always empty for a plain-text article.
    pub links: Vec<Link>,
}

fn marker_re() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:(?P<num>\d{1,3})[.)]|\[(?P<br>\d{1,3})\]|\((?P<par>\d{1,3})\)|(?P<bul>[•▪●◦‣■□➢►*+-])|(?P<bare>\d{1,3}))\s+",
        )
        .expect("static regex")
    })
}

/// Recognise a list marker at the start of `line`; returns the marker and its length.
pub fn list_marker(line: &str) -> Option<(Marker, usize)> {
    let caps = marker_re().captures(line)?;
    let len = caps.get(0)?.end();
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let marker = if let Some(n) = num("num").or_else(|| num("br")).or_else(|| num("par")) {
        Marker::Numbered(n)
    } else if let Some(n) = num("bare") {
        // A bare number is a footnote marker only before a capital, a quote or a bracket.
        let next = line[len..].chars().next()?;
        if !(next.is_uppercase() || "\"'([".contains(next)) {
            return None;
        }
        Marker::BareNumber(n)
    } else if caps.name("bul").is_some() {
        // A lone hyphen followed by a digit is a negative number, not a bullet.
        if line[len..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        Marker::Bullet
    } else {
        return None;
    };
    Some((marker, len))
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Is this stand-alone line a heading? Short, no sentence-final punctuation.
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let n = words(t);
    if n == 0 || n > 14 || t.len() > 120 {
        return false;
    }
    // A footnote marker after the last word ("…in 2025.2", "…deal.[1]") ends a sentence.
    let unmarked = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '[' || c == ']');
    if unmarked.len() < t.len() && unmarked.ends_with(['.', '!', '?', '"', '\'', ')']) {
        return false;
    }
    let last = t.chars().last().unwrap_or('.');
    // A line ending in a colon introduces what follows ("Lavrov confirmed:"); it is prose.
    if matches!(last, '.' | ',' | ';' | ':' | '"' | '\'') {
        return false;
    }
    t.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Lay out a plain-text article.
pub fn layout_text(original: &str) -> Layout {
    let norm = super::normalize::normalize(original);
    let text = norm.text();
    let mut blocks = Vec::new();
    let mut para = 0usize;
    // Paragraphs are separated by lines holding only white space.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let end = pos + line.trim_end_matches('\n').len();
        lines.push((pos, end));
        pos += line.len();
    }
    let mut group: Vec<(usize, usize)> = Vec::new();
    let flush = |group: &mut Vec<(usize, usize)>, blocks: &mut Vec<Block>, para: &mut usize| {
        if group.is_empty() {
            return;
        }
        let wrapped = group.len() > 1
            && group[1..].iter().any(|&(s, e)| {
                // A line continuing a sentence starts in lower case and is prose (has a space);
                // a lone lower-case token ("spot_img") is not a continuation.
                let line = text[s..e].trim();
                line.chars().next().is_some_and(|c| c.is_lowercase()) && line.contains(' ')
            })
            && !group
                .iter()
                .any(|&(s, e)| list_marker(text[s..e].trim_start()).is_some());
        let pieces: Vec<(usize, usize)> = if wrapped || group.len() == 1 {
            vec![(group[0].0, group[group.len() - 1].1)]
        } else {
            group.clone()
        };
        let single = pieces.len() == 1;
        for (s, e) in pieces {
            let (s, e) = trim_range(text, s, e);
            let body_text = &text[s..e];
            let (marker, body) = match list_marker(body_text) {
                Some((m, len)) => (Some(m), s + len),
                None => (None, s),
            };
            let kind = if marker.is_some() {
                BlockKind::ListItem
            } else if single && !wrapped && looks_like_heading(body_text) {
                BlockKind::Heading
            } else if single {
                BlockKind::Paragraph
            } else {
                BlockKind::Line
            };
            blocks.push(Block {
                kind,
                start: s,
                end: e,
                body,
                marker,
                para: *para,
                quoted: false,
            });
        }
        *para += 1;
        group.clear();
    };
    for &(s, e) in &lines {
        if text[s..e].trim().is_empty() {
            flush(&mut group, &mut blocks, &mut para);
        } else {
            group.push((s, e));
        }
    }
    flush(&mut group, &mut blocks, &mut para);
    Layout {
        norm,
        blocks,
        links: Vec::new(),
    }
}

/// Lay out a Markdown article with pulldown-cmark.
pub fn layout_markdown(original: &str) -> Layout {
    let mut l = MarkdownLayout {
        original,
        b: Builder::new(original),
        blocks: Vec::new(),
        links: Vec::new(),
        open: None,
        item_depth: 0,
        skip_depth: 0,
        link_stack: Vec::new(),
        para: 0,
        quote_depth: 0,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(original, opts).into_offset_iter() {
        l.event(event, range);
    }
    l.close(original.len());
    Layout {
        norm: l.b.finish(),
        blocks: l.blocks,
        links: l.links,
    }
}

/// The state of a Markdown layout between pulldown-cmark's events.
struct MarkdownLayout<'a> {
    original: &'a str,
    /// The analysis text being built.
    b: Builder<'a>,
    blocks: Vec<Block>,
    links: Vec<Link>,
    /// The block being written: its kind and where it starts in the analysis text.
    open: Option<(BlockKind, usize)>,
    item_depth: usize,
    /// Depth inside code blocks, HTML blocks, tables and images, whose content is left out.
    skip_depth: usize,
    /// Open links: start in the analysis text, original range of the whole link, address.
    link_stack: Vec<(usize, usize, usize, String)>,
    para: usize,
    quote_depth: usize,
}

impl MarkdownLayout<'_> {
    /// End the open block, if any, with a paragraph break taken from original offset `at`.
    fn close(&mut self, at: usize) {
        let quoted = self.quote_depth > 0;
        if let Some((kind, start)) = self.open.take() {
            let (s, e) = trim_range(self.b.text(), start, self.b.len());
            if e > s {
                self.blocks.push(Block {
                    kind,
                    start: s,
                    end: e,
                    body: s,
                    marker: (kind == BlockKind::ListItem).then_some(Marker::Bullet),
                    para: self.para,
                    quoted,
                });
                self.para += 1;
            }
            self.b.push_synthetic("\n\n", at);
        }
    }

    /// Take one event, at `range` of the original.
    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) | Tag::Image { .. },
            ) => self.skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Table | TagEnd::Image) => {
                self.skip_depth = self.skip_depth.saturating_sub(1)
            }
            _ if self.skip_depth > 0 => {}
            Event::Start(Tag::BlockQuote(_)) => {
                self.close(range.start);
                self.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.close(range.end);
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Heading { .. }) => {
                self.close(range.start);
                self.open = Some((BlockKind::Heading, self.b.len()));
            }
            Event::Start(Tag::Paragraph) if self.open.is_none() => {
                let kind = if self.item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                self.open = Some((kind, self.b.len()));
            }
            Event::Start(Tag::Item) => {
                self.close(range.start);
                self.item_depth += 1;
                self.open = Some((BlockKind::ListItem, self.b.len()));
            }
            Event::End(TagEnd::Item) => {
                self.close(range.end);
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => {
                if self.item_depth == 0 || matches!(self.open, Some((BlockKind::Heading, _))) {
                    self.close(range.end);
                } else {
                    self.b.push_synthetic("\n", range.end);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link_stack
                    .push((self.b.len(), range.start, range.end, dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, os, oe, url)) = self.link_stack.pop() {
                    self.b.stretch(start, self.b.len(), os, oe);
                    self.links.push(Link {
                        start,
                        end: self.b.len(),
                        orig_start: os,
                        orig_end: oe,
                        url,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if self.open.is_none() {
                    self.open = Some((BlockKind::Paragraph, self.b.len()));
                }
                if self.original.get(range.clone()) == Some(&*t) {
                    self.b.push_range(range.start, range.end);
                } else {
                    self.b.push_synthetic(&t, range.start);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.b.push_synthetic("\n", range.start),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(layout: &Layout) -> Vec<(BlockKind, &str)> {
        layout
            .blocks
            .iter()
            .map(|b| (b.kind, &layout.norm.text()[b.body..b.end]))
            .collect()
    }

    #[test]
    fn plain_text_paragraphs_lines_and_headings() {
        let l = layout_text(
            "Title Here\n\nA first paragraph that is\nwrapped onto two lines.\n\nWeb Resources\n\nNASA, \u{201c}Earth\u{201d}\nNOAA, \u{201c}Earth Day\u{201d}\n\n  1. Kommersant. (2025)\n",
        );
        assert_eq!(
            kinds(&l),
            vec![
                (BlockKind::Heading, "Title Here"),
                (
                    BlockKind::Paragraph,
                    "A first paragraph that is\nwrapped onto two lines."
                ),
                (BlockKind::Heading, "Web Resources"),
                (BlockKind::Line, "NASA, \"Earth\""),
                (BlockKind::Line, "NOAA, \"Earth Day\""),
                (BlockKind::ListItem, "Kommersant. (2025)"),
            ]
        );
        assert_eq!(l.blocks[5].marker, Some(Marker::Numbered(1)));
    }

    #[test]
    fn list_markers() {
        assert_eq!(
            list_marker("1. Foo").map(|m| m.0),
            Some(Marker::Numbered(1))
        );
        assert_eq!(
            list_marker("[12] Foo").map(|m| m.0),
            Some(Marker::Numbered(12))
        );
        assert_eq!(list_marker("• Foo").map(|m| m.0), Some(Marker::Bullet));
        assert_eq!(
            list_marker("3 Lewis G. Regenstein").map(|m| m.0),
            Some(Marker::BareNumber(3))
        );
        assert_eq!(list_marker("-5 degrees"), None);
        assert_eq!(list_marker("2025 was a year"), None);
    }

    #[test]
    fn markdown_links_reduce_to_their_text() {
        let src = "# Head\n\nTrump [directed](https://x.com/a) agencies.\n";
        let l = layout_markdown(src);
        assert_eq!(kinds(&l)[0], (BlockKind::Heading, "Head"));
        assert_eq!(
            kinds(&l)[1],
            (BlockKind::Paragraph, "Trump directed agencies.")
        );
        let link = &l.links[0];
        assert_eq!(
            &src[link.orig_start..link.orig_end],
            "[directed](https://x.com/a)"
        );
        let t = l.norm.text();
        let (s, e) = (t.find("directed").unwrap(), t.find(" agencies").unwrap());
        assert_eq!(
            &src[l.norm.orig_start(s)..l.norm.orig_end(e)],
            "[directed](https://x.com/a)"
        );
        // A span over the link text maps back to the whole link syntax.
        let b = &l.blocks[1];
        assert_eq!(
            &src[l.norm.orig_start(b.start)..l.norm.orig_end(b.end)],
            "Trump [directed](https://x.com/a) agencies."
        );
    }

    #[test]
    fn markdown_block_quotes_are_flagged() {
        let l = layout_markdown(
            "The mayor wrote:\n\n> We will rebuild the pier.\n>\n> Then we open it.\n\nAfter that.\n",
        );
        let flags: Vec<(bool, &str)> = l
            .blocks
            .iter()
            .map(|b| (b.quoted, &l.norm.text()[b.body..b.end]))
            .collect();
        assert_eq!(
            flags,
            vec![
                (false, "The mayor wrote:"),
                (true, "We will rebuild the pier."),
                (true, "Then we open it."),
                (false, "After that."),
            ]
        );
        assert!(layout_text("> not markdown here\n")
            .blocks
            .iter()
            .all(|b| !b.quoted));
    }
}
