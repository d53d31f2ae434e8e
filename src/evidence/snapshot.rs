//! Snapshots: local copies of a source's text under `sources/snapshots/`, as plain text,
//! Markdown or HTML. HTML and Markdown are reduced to their readable text before quotes are
//! looked up in them; the content hash is over the file's bytes as stored.

use std::path::Path;

pub use crate::model::source::MAX_SNAPSHOT_BYTES;

/// How a snapshot file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, searched as it is.
    Text,
    /// Markdown, searched without its markup (see [`markdown_text`]).
    Markdown,
    /// An HTML page, searched in its readable text (see [`readable_text`]).
    Html,
}

impl Format {
    /// `.html`/`.htm`/`.xhtml` are HTML, `.md`/`.markdown` Markdown, anything else plain text.
    pub fn of(path: &str) -> Format {
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// The readable text of a snapshot's bytes. HTML is decoded in its declared character
/// encoding (see [`crate::util::charset::decode`]); plain text and Markdown are UTF-8 unless they start with a
/// byte-order mark. Bytes invalid in the encoding are replaced, not refused: a snapshot is
/// evidence, and the rest of it is still worth searching.
pub fn text_of(bytes: &[u8], format: Format) -> String {
    let raw = crate::util::charset::decode(bytes, None, format == Format::Html);
    match format {
        Format::Text => raw,
        Format::Markdown => markdown_text(&raw),
        Format::Html => readable_text(&raw),
    }
}

/// Markdown without its markup: the words of paragraphs, headings, lists and code, one
/// paragraph per blank-line-separated block.
pub fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(md.len());
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    tidy(&out)
}

/// Elements whose content is never readable text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "form", "button",
    "select", "textarea", "object", "canvas", "aside", "footer",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "header",
    "main",
    "title",
    "body",
    "html",
];

/// The readable text of an HTML page: scripts, styles, navigation, forms, asides and footers
/// dropped; tags removed; character references decoded (every named reference of HTML5);
/// one paragraph per block element, separated by a blank line; whitespace inside a paragraph
/// collapsed.
///
/// The page goes through an HTML5 tokenizer (html5gum), in time linear in its size; text is
/// what a browser would show as text, so a `<` that opens no tag stays, and a tag left open at
/// the end of the page is no text.
pub fn readable_text(html: &str) -> String {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};
    let mut out = String::with_capacity(html.len() / 2);
    // The skipped element being passed over, how deeply it nests in itself, and whether its
    // start tag was just opened (a self-closing `<svg/>` has no content to skip).
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    let mut just_opened = false;
    let emitter = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match ev {
            CallbackEvent::OpenStartTag { name } => {
                just_opened = false;
                match &mut skipping {
                    Some((n, depth)) if n.as_slice() == name => *depth += 1,
                    // A page without `</head>`: its body still counts.
                    Some((n, _)) if n.as_slice() == b"head" && name == b"body" => {
                        skipping = None;
                    }
                    Some(_) => {}
                    None => {
                        if is_in(SKIPPED, name) {
                            skipping = Some((name.to_vec(), 1));
                            just_opened = true;
                            out.push_str("\n\n");
                        } else {
                            boundary(name, &mut out);
                        }
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if just_opened && self_closing {
                    skipping = None;
                }
                just_opened = false;
            }
            CallbackEvent::EndTag { name } => {
                just_opened = false;
                match &mut skipping {
                    Some((n, depth)) if n.as_slice() == name => {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    }
                    Some(_) => {}
                    None => boundary(name, &mut out),
                }
            }
            CallbackEvent::String { value } if skipping.is_none() => {
                // Line breaks in HTML source are spaces.
                let text = String::from_utf8_lossy(value);
                for c in text.chars() {
                    out.push(if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    });
                }
            }
            _ => {}
        }
        None
    });
    let mut emitter = emitter;
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
    tidy(&out)
}

fn is_in(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// The text a tag (start or end) adds: a paragraph break for a block, a line break for `br`,
/// a space for an image or input.
fn boundary(name: &[u8], out: &mut String) {
    if name == b"br" {
        out.push('\n');
    } else if is_in(BLOCKS, name) {
        out.push_str("\n\n");
    } else if matches!(name, b"img" | b"input") {
        out.push(' ');
    }
}

/// Collapse whitespace inside paragraphs and keep one blank line between them.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for para in s.split("\n\n") {
        let lines: Vec<String> = para
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&lines.join("\n"));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_reduced_to_its_paragraphs() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title><style>p{x:1}</style>
            <script>var s = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
            <!-- comment <p>gone</p> -->
            <h1>Lavrov&rsquo;s interview</h1>
            <p class="lead" data-x="a>b">Russia and the US&nbsp;&hellip; must
               <em>do</em> everything&#x2014;possible &amp; more.</p><p>Second<br>line &#8220;q&#8221;</p>
            <footer>© Publisher</footer></body></html>"#;
        let t = readable_text(html);
        assert_eq!(
            t,
            "Lavrov’s interview\n\nRussia and the US … must do everything—possible & more.\n\nSecond\nline “q”\n"
        );
    }

    #[test]
    fn skipped_elements_end_at_their_own_end_tag_in_any_case() {
        let html = "<p>Before.</p><SCRIPT>if (a </scripts> b) {}</Script ><p>After.</p>\
            <button>Share</BUTTON><p>Last.</p>";
        let t = readable_text(html);
        assert!(
            t.contains("Before.") && t.contains("After.") && t.contains("Last."),
            "{t}"
        );
        assert!(!t.contains("if (a") && !t.contains("Share"), "{t}");
    }

    #[test]
    fn broken_html_loses_nothing_readable() {
        assert_eq!(
            readable_text("a < b and c&d &bogus; <p>x"),
            "a < b and c&d &bogus;\n\nx\n"
        );
        assert_eq!(readable_text("<script>never closed"), "");
        assert_eq!(readable_text("x<SCRIPT type=a>y</Script >z"), "x\n\nz\n");
    }

    #[test]
    fn every_named_reference_decodes_and_nesting_is_followed() {
        assert_eq!(
            readable_text("<p>caf&eacute; &Aring; &notin; &NotNestedGreaterGreater;</p>"),
            "café Å ∉ \u{2AA2}\u{338}\n"
        );
        // A nav inside a nav ends at the outer end tag; a self-closing svg hides nothing.
        assert_eq!(
            readable_text("<nav>a<nav>b</nav>c</nav>d<svg/>e"),
            "d\n\ne\n"
        );
        // A head never closed ends where the body starts.
        assert_eq!(readable_text("<head><title>T</title><body><p>x"), "x\n");
    }

    #[test]
    fn markdown_loses_its_markup() {
        let t =
            markdown_text("# Title\n\nSome *emphasis* and a [link](https://x.org).\n\n- item\n");
        assert_eq!(t, "Title\n\nSome emphasis and a link.\n\nitem\n");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of("a/b.HTML"), Format::Html);
        assert_eq!(Format::of("a/b.md"), Format::Markdown);
        assert_eq!(Format::of("a/b.txt"), Format::Text);
    }
}
