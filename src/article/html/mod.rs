//! HTML pages as articles: a page saved from a browser (or fetched by `dossier add URL`) is
//! converted once into a Markdown article, its readable part only, headed by the title and a
//! block of `Author:` / `Date:` / `Outlet:` lines read from the page's own tags.
//!
//! The Markdown file is then the article: extraction runs on it like on any Markdown article,
//! so every claim span is exact in it. The page itself is kept beside it, byte for byte (see
//! `store::scaffold::add`), and is never extracted.
//!
//! The readable part is chosen by [`dom_smoothie`] (a port of Mozilla's Readability), which
//! drops navigation, cookie banners, share buttons, related links and footers. Its output, or
//! the whole page when it finds nothing or the page nests too deeply for it (see
//! [`MAX_DEPTH`]), is written as Markdown by a linear pass over html5gum's tokens that also
//! drops furniture by tag (`nav`, `aside`, `footer`, `form`, …) and by class, id or role
//! (`cookie-banner`, `share-tools`, `role="navigation"`, …).

/// The deepest element nesting handed to the readability pass. Its cost grows faster than
/// linearly with depth (measured: 2,000 nested `div`s take 3 s, 8,000 take 40 s), while real
/// pages nest a few dozen deep; a deeper page is converted by the linear fallback alone.
pub const MAX_DEPTH: usize = 256;

mod escape;
mod furniture;
mod markdown;
mod meta;
mod readable;
mod tokens;

use crate::util::url::{has_web_scheme, WebUrl};
use escape::{escape, escape_line};
use furniture::main_part;
use markdown::body_markdown;
use meta::page_meta;
use readable::{cleaned_html, readable_part};
use tokens::{max_depth, tokens};

/// What a page says about itself in its tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline, from `og:title`, JSON-LD, `<h1>` or `<title>` (without a trailing
    /// ` | Site`); `None` when the page names none.
    pub title: Option<String>,
    /// The author's name, several joined as "A, B and C"; never a web address. `None` when the
    /// tags name nobody.
    pub author: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The site or publisher's name (`og:site_name`, JSON-LD `publisher`); `None` when the tags
    /// give none.
    pub outlet: Option<String>,
    /// The page's canonical address (`<link rel="canonical">`, `og:url`).
    pub url: Option<String>,
}

/// A page converted into a Markdown article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The whole article: title heading, metadata lines, body.
    pub markdown: String,
    /// What the page's tags said, from which the title heading and metadata lines were written.
    pub meta: PageMeta,
    /// True when the readability pass chose the body; false when the fallback did.
    pub readability: bool,
    /// True when the body holds some text (a page that needs JavaScript to show its article
    /// has none).
    pub has_body: bool,
}

/// Convert a page (already decoded to text) into a Markdown article. `page_url` (the address it
/// was fetched from, when it was) resolves relative links; a page saved from a browser resolves
/// them against its canonical address.
pub fn convert(html: &str, page_url: Option<&str>) -> Converted {
    let toks = tokens(html);
    let meta = page_meta(&toks);
    let base = page_url
        .filter(|u| has_web_scheme(u))
        .or(meta.url.as_deref())
        .and_then(|u| WebUrl::link(None, u));
    // The readability pass sees the page without the furniture its tags name (it keeps some
    // of it on a short page): what both leave out is not article text.
    let readable = if max_depth(&toks) <= MAX_DEPTH {
        readable_part(&cleaned_html(&toks), base.as_ref())
    } else {
        None
    };
    let (body, readability) = match readable {
        Some(part) => {
            let body = body_markdown(&tokens(&part), base.as_ref(), meta.title.as_deref());
            if body.trim().is_empty() {
                (String::new(), false)
            } else {
                (body, true)
            }
        }
        None => (String::new(), false),
    };
    let body = if readability {
        body
    } else {
        body_markdown(main_part(&toks), base.as_ref(), meta.title.as_deref())
    };
    let mut md = String::with_capacity(body.len() + 256);
    if let Some(t) = &meta.title {
        md.push_str("# ");
        md.push_str(&escape_line(&escape(t)));
        md.push_str("\n\n");
    }
    let mut lines = Vec::new();
    for (key, v) in [
        ("Author", &meta.author),
        ("Date", &meta.date),
        ("Outlet", &meta.outlet),
    ] {
        if let Some(v) = v {
            lines.push(format!("{key}: {}", escape(v)));
        }
    }
    if !lines.is_empty() {
        // One paragraph of `Key: value` lines, read as the article's metadata lines.
        md.push_str(&lines.join("\n"));
        md.push_str("\n\n");
    }
    let has_body = !body.trim().is_empty();
    md.push_str(&body);
    Converted {
        markdown: md,
        meta,
        readability,
        has_body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    /// A whole page with this head and body.
    pub(super) fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    /// The converted article, checked to be read back by the Markdown layout with every
    /// claim's span exact.
    pub(super) fn article(html: &str) -> (Converted, Article) {
        let c = convert(html, None);
        let a = Article::from_text("articles/p.md", c.markdown.clone(), Format::Markdown);
        let x = crate::extract::extract(&a);
        for cl in &x.claims {
            assert_eq!(&c.markdown[cl.start..cl.end], cl.text, "claim {}", cl.id);
        }
        (c, a)
    }

    /// An article element of one paragraph.
    pub(super) const BODY: &str = "<article><p>The ferry will run twice a day from May, the operator said on Tuesday.</p></article>";

    #[test]
    fn the_quote_of_a_page_is_a_claim_with_an_exact_span() {
        let html = page(
            r#"<meta name="author" content="Ada Lund">"#,
            "<article><p>&ldquo;We will keep the ferry running,&rdquo; said Mayor Jon Berg.</p></article>",
        );
        let (c, _) = article(&html);
        let a = Article::from_text("articles/p.md", c.markdown.clone(), Format::Markdown);
        let x = crate::extract::extract(&a);
        let q = x
            .claims
            .iter()
            .find(|cl| cl.text.contains("We will keep the ferry running"))
            .expect("the quote is a claim");
        assert_eq!(&c.markdown[q.start..q.end], q.text);
        assert_eq!(q.speaker.as_deref(), Some("Jon Berg"));
    }

    #[test]
    fn a_page_nested_too_deeply_is_converted_by_the_linear_pass() {
        let n = MAX_DEPTH * 4;
        let html = format!(
            "<html><body>{}<p>Deep text, still read.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let c = convert(&html, None);
        assert!(!c.readability);
        assert_eq!(c.markdown, "Deep text, still read.\n");
        assert_eq!(
            max_depth(&tokens("<p>a<p>b<br><img><div><span>x</span></div>")),
            2
        );
    }

    #[test]
    fn a_page_without_text_has_no_body() {
        let c = convert(
            &page(
                "<title>App</title>",
                "<div id=\"root\"></div><script>boot()</script>",
            ),
            None,
        );
        assert!(!c.has_body);
        assert_eq!(c.markdown, "# App\n\n");
        // Control characters never reach the article.
        let c = convert("<p>a\u{0}b\u{7}c</p>", None);
        assert_eq!(c.markdown, "abc\n");
    }

    #[test]
    fn broken_markup_converts_without_panic_and_reads_back() {
        for html in [
            "",
            "<",
            "</blockquote></li></ol></a>text",
            "<li>orphan item<li>another",
            "<h2><a href='https://a.example/'>link heading</a></h2><p>x",
            "<a href='https://a.example/'><p>link across</p><p>blocks</p></a>",
            "<blockquote><blockquote><p>deep</p></blockquote>",
            "<ol><li><ul><li>nested</li></ul></li></ol>",
            "<p>\u{a0}\u{2028}\u{feff}x\r\ny</p>",
            "<a href='http://[::1'>bad url</a><a href='https://a.example/(x)'>paren</a>",
            "<svg/><p>after self-closing svg</p><nav/>still here",
            "<div class='ad'><div class='ad'><p>x</p></div><p>y</p></div><p>kept</p>",
        ] {
            let c = convert(html, Some("https://site.example/a/b"));
            let a = Article::from_text("a.md", c.markdown.clone(), Format::Markdown);
            let _ = crate::extract::extract(&a);
            assert!(!c.markdown.contains("\n\n\n"), "{html:?}: {:?}", c.markdown);
        }
        let c = convert(
            "<div class='ad'><div class='ad'><p>x</p></div><p>y</p></div><p>kept</p>",
            None,
        );
        assert_eq!(c.markdown, "kept\n");
        let c = convert("<a href='https://a.example/(x)'>paren</a>", None);
        assert_eq!(c.markdown, "[paren](https://a.example/%28x%29)\n");
    }
}
