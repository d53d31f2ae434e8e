//! The article's body written as Markdown from the page's tokens: one block per paragraph,
//! heading, list item or quoted paragraph, links kept.

use super::escape::{escape, escape_into, escape_line};
use super::furniture::without_furniture;
use super::tokens::{is_in, Tok};
use crate::util::url::WebUrl;

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "tr",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "address",
    "center",
    "figcaption",
    "details",
    "summary",
    "body",
    "html",
];

/// The kind of the block being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Para,
    Heading(usize),
    Item,
}

/// Writes Markdown blocks from text and tags.
struct Writer<'a> {
    out: String,
    cur: String,
    kind: Kind,
    /// The marker of the list item being written (`- `, `3. `), before its first block.
    item: Option<String>,
    quote: usize,
    /// Open lists: `None` for a bulleted list, `Some(n)` for a numbered one at item `n`.
    lists: Vec<Option<u32>>,
    /// An open link: where its `[` is in `cur`, and its address.
    link: Option<(usize, String)>,
    base: Option<&'a WebUrl>,
    title: Option<&'a str>,
}

impl Writer<'_> {
    fn text(&mut self, s: &str) {
        let mut collapsed = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_control() && !c.is_whitespace() {
                continue;
            }
            if c.is_whitespace() && c != '\u{a0}' {
                let at_start = self.cur.is_empty() && collapsed.is_empty();
                let link_opened = self
                    .link
                    .as_ref()
                    .is_some_and(|(at, _)| self.cur.len() == at + 1);
                let after_space = collapsed.ends_with(' ')
                    || (collapsed.is_empty() && (self.cur.ends_with([' ', '\n']) || link_opened));
                if !at_start && !after_space {
                    collapsed.push(' ');
                }
            } else {
                collapsed.push(c);
            }
        }
        escape_into(&mut self.cur, &collapsed, self.link.is_some());
    }

    fn line_break(&mut self) {
        while self.cur.ends_with(' ') {
            self.cur.pop();
        }
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
    }

    /// End the block being written.
    fn flush(&mut self) {
        if let Some((at, _)) = self.link.take() {
            self.cur.remove(at);
        }
        let kind = std::mem::replace(&mut self.kind, Kind::Para);
        let text = std::mem::take(&mut self.cur);
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        // Each paragraph of a quotation is a block quote of its own.
        let quote = "> ".repeat(self.quote);
        match kind {
            Kind::Heading(level) => {
                let line = lines.join(" ");
                // The title is already the article's first line.
                if level <= 2 && self.title.is_some_and(|t| escape(t) == line) {
                    return;
                }
                self.out.push_str(&quote);
                self.out.push_str(&"#".repeat(level.clamp(2, 6)));
                self.out.push(' ');
                self.out.push_str(&escape_line(&line));
                self.out.push('\n');
            }
            Kind::Para | Kind::Item => {
                let marker = match kind {
                    Kind::Item => self.item.take(),
                    _ => None,
                };
                let indent = " ".repeat(marker.as_ref().map_or(0, String::len));
                for (k, l) in lines.iter().enumerate() {
                    self.out.push_str(&quote);
                    match (&marker, k) {
                        (Some(m), 0) => self.out.push_str(m),
                        (Some(_), _) => self.out.push_str(&indent),
                        _ => {}
                    }
                    self.out.push_str(&escape_line(l));
                    // A hard line break keeps the page's line break in the analysis text.
                    self.out
                        .push_str(if k + 1 < lines.len() { "\\\n" } else { "\n" });
                }
            }
        }
        self.out.push('\n');
    }

    fn start(&mut self, t: &Tok) {
        let Tok::Start { name, .. } = t else {
            return;
        };
        let name = name.as_str();
        match name {
            "br" => return self.line_break(),
            "a" => {
                if self.link.is_none() {
                    if let Some(u) = t.attr("href").and_then(|h| self.resolve(h)) {
                        self.link = Some((self.cur.len(), u));
                        self.cur.push('[');
                    }
                }
                return;
            }
            "img" | "input" => return self.text(" "),
            "td" | "th" => return self.text(" "),
            _ => {}
        }
        if !is_in(BLOCKS, name) {
            return;
        }
        self.flush();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.kind = Kind::Heading(usize::from(name.as_bytes()[1] - b'0'));
            }
            "blockquote" => self.quote += 1,
            "ul" => self.lists.push(None),
            "ol" => self.lists.push(Some(0)),
            "li" => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_string(),
                };
                self.item = Some(marker);
                self.kind = Kind::Item;
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "a" => {
                if let Some((at, url)) = self.link.take() {
                    let mut spaced = false;
                    while self.cur.ends_with(' ') {
                        self.cur.pop();
                        spaced = true;
                    }
                    if self.cur.len() > at + 1 {
                        self.cur.push_str("](");
                        self.cur.push_str(&url);
                        self.cur.push(')');
                        if spaced {
                            self.cur.push(' ');
                        }
                    } else {
                        self.cur.truncate(at);
                    }
                }
                return;
            }
            "td" | "th" => return self.text(" "),
            _ => {}
        }
        if !is_in(BLOCKS, name) {
            return;
        }
        let kind = self.kind;
        self.flush();
        match name {
            "blockquote" => self.quote = self.quote.saturating_sub(1),
            "ul" | "ol" => {
                self.lists.pop();
            }
            // Text after a list item's end, inside the list, is a paragraph of its own.
            "li" if kind == Kind::Item => self.item = None,
            _ => {}
        }
    }

    /// An absolute http(s) address for a link, percent-encoded where Markdown needs it; `None`
    /// for fragments, scripts and other schemes.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let u = WebUrl::link(self.base, href)?;
        Some(
            u.normalized()
                .replace('(', "%28")
                .replace(')', "%29")
                .replace('<', "%3C")
                .replace('>', "%3E"),
        )
    }
}

/// The body of the article as Markdown: furniture dropped, one block per paragraph, heading,
/// list item or quoted paragraph.
pub(super) fn body_markdown(toks: &[Tok], base: Option<&WebUrl>, title: Option<&str>) -> String {
    let mut w = Writer {
        out: String::new(),
        cur: String::new(),
        kind: Kind::Para,
        item: None,
        quote: 0,
        lists: Vec::new(),
        link: None,
        base,
        title,
    };
    for t in without_furniture(toks) {
        match t {
            None => w.flush(),
            Some(t @ Tok::Start { .. }) => w.start(t),
            Some(Tok::End(name)) => w.end(name),
            Some(Tok::Text(s)) => w.text(s),
        }
    }
    w.flush();
    let end = w.out.trim_end().len();
    w.out.truncate(end);
    if !w.out.is_empty() {
        w.out.push('\n');
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::super::convert;
    use super::super::furniture::main_part;
    use super::super::tests::page;
    use super::super::tokens::tokens;
    use super::*;
    use crate::article::{Article, Format};

    #[test]
    fn blocks_become_markdown_headings_quotes_lists_and_links() {
        let html = page(
            r#"<link rel="canonical" href="https://coast.example/news/ferry">"#,
            r##"<article><h2>What changes</h2><p>Boats leave at <b>six</b>
            and <a href="/timetable">the timetable</a> is online; <a href="javascript:void(0)">menu</a>
            and <a href="#top">top</a>.</p>
            <blockquote><p>First quoted paragraph.</p><p>Second one.</p></blockquote>
            <ol><li>One stop</li><li>Two stops</li></ol><ul><li>Pier</li></ul>
            <p>Line one<br>line two</p></article>"##,
        );
        let md = body_markdown(
            main_part(&tokens(&html)),
            WebUrl::parse("https://coast.example/news/ferry")
                .ok()
                .as_ref(),
            None,
        );
        assert_eq!(
            md,
            "## What changes\n\nBoats leave at six and [the timetable](https://coast.example/timetable) is online; menu and top.\n\n\
             > First quoted paragraph.\n\n> Second one.\n\n1. One stop\n\n2. Two stops\n\n- Pier\n\nLine one\\\nline two\n"
        );
        // Relative links resolve against the canonical address in `convert` too.
        assert!(convert(&html, None)
            .markdown
            .contains("(https://coast.example/timetable)"));
    }

    #[test]
    fn text_that_looks_like_markdown_is_escaped_and_reads_back_unchanged() {
        let html = page(
            "",
            "<article><p># 1 rule: 5 * 3 = 15, snake_case, AT&amp;T &amp;amp; [sic] [x](y) `c` &lt;b&gt;</p>\
             <p>1999. A year.</p><p>- not a list</p></article>",
        );
        let toks = tokens(&html);
        let md = body_markdown(main_part(&toks), None, None);
        assert_eq!(
            md,
            "\\# 1 rule: 5 \\* 3 = 15, snake\\_case, AT&T \\&amp; [sic] [x\\](y) \\`c\\` \\<b>\n\n\
             1999\\. A year.\n\n\\- not a list\n"
        );
        let a = Article::from_text("a.md", md, Format::Markdown);
        let text = a.text();
        assert!(
            text.contains("# 1 rule: 5 * 3 = 15, snake_case, AT&T &amp; [sic] [x](y) `c` <b>"),
            "{text}"
        );
        assert!(
            text.contains("1999. A year.") && text.contains("- not a list"),
            "{text}"
        );
    }
}
