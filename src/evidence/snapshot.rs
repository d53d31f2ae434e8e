//! Snapshots: local copies of a source's text under `sources/snapshots/`, as plain text,
//! Markdown or HTML. HTML and Markdown are reduced to their readable text before quotes are
//! looked up in them; the content hash is over the file's bytes as stored.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The largest snapshot `check` reads (64 MiB): a larger file is reported, not read.
pub const MAX_SNAPSHOT_BYTES: u64 = 64 * 1024 * 1024;

/// How a snapshot file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// `.html`/`.htm` are HTML, `.md`/`.markdown` Markdown, anything else plain text.
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

/// The hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The readable text of a snapshot's bytes (invalid UTF-8 is replaced, not refused: a
/// snapshot is evidence, and the rest of it is still worth searching).
pub fn text_of(bytes: &[u8], format: Format) -> String {
    let raw = String::from_utf8_lossy(bytes);
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(&raw);
    match format {
        Format::Text => raw.to_string(),
        Format::Markdown => markdown_text(raw),
        Format::Html => readable_text(raw),
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
/// dropped; tags removed; character references decoded; one paragraph per block element,
/// separated by a blank line; whitespace inside a paragraph collapsed.
///
/// A careful reduction for finding words, not a full HTML parser: unclosed or stray tags cost
/// at most some boundaries between paragraphs.
pub fn readable_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        if b[i] != b'<' {
            let next = html[i..].find('<').map_or(html.len(), |n| i + n);
            // Line breaks in HTML source are spaces.
            let run = html[i..next].replace(['\n', '\r', '\t'], " ");
            decode_into(&run, &mut out);
            i = next;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |n| n + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |n| n + 1);
            continue;
        }
        let Some(end) = tag_end(rest) else {
            // A lone `<` in text.
            out.push('<');
            i += 1;
            continue;
        };
        let inner = &rest[1..end];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        i += end + 1;
        if name.is_empty() {
            // `<` followed by something that is no tag: keep it as text.
            decode_into(&rest[..end + 1], &mut out);
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !inner.trim_end().ends_with('/') {
            i += skip_element(&html[i..], &name);
            out.push_str("\n\n");
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push_str(if name == "br" { "\n" } else { "\n\n" });
        } else if matches!(name.as_str(), "img" | "input") {
            out.push(' ');
        }
    }
    tidy(&out)
}

/// Index of the `>` closing a tag that starts at `s[0] == '<'`, outside quoted attributes.
fn tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 2 || !(b[1].is_ascii_alphabetic() || b[1] == b'/') {
        return None;
    }
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(k),
            _ => {}
        }
    }
    None
}

/// Bytes to skip to get past the end of an element `name` whose start tag was just read.
///
/// The end tag is matched case-insensitively in place: lowercasing the rest of the page for
/// every skipped element would make a page with many of them quadratic.
fn skip_element(s: &str, name: &str) -> usize {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find("</") {
        let at = from + k;
        let name_end = at + 2 + name.len();
        let is_close = bytes
            .get(at + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_end)
                .is_none_or(|c| !c.is_ascii_alphanumeric());
        if is_close {
            return at + s[at..].find('>').map_or(s.len() - at, |n| n + 1);
        }
        from = at + 2;
    }
    s.len()
}

/// Append text with its character references decoded.
fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|n| n + 1);
        let (name, len) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        match entity(name) {
            Some(c) if !name.is_empty() => {
                out.push(c);
                rest = &rest[len..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(
            char::from_u32(code)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" => '\u{00AD}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "sbquo" => '‚',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "thinsp" | "ensp" | "emsp" => ' ',
        "zwj" | "zwnj" => '\u{200B}',
        _ => return None,
    })
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
    fn markdown_loses_its_markup() {
        let t =
            markdown_text("# Title\n\nSome *emphasis* and a [link](https://x.org).\n\n- item\n");
        assert_eq!(t, "Title\n\nSome emphasis and a link.\n\nitem\n");
    }

    #[test]
    fn formats_by_extension_and_hashes() {
        assert_eq!(Format::of("a/b.HTML"), Format::Html);
        assert_eq!(Format::of("a/b.md"), Format::Markdown);
        assert_eq!(Format::of("a/b.txt"), Format::Text);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
