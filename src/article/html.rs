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

use std::collections::BTreeMap;

/// The deepest element nesting handed to the readability pass. Its cost grows faster than
/// linearly with depth (measured: 2,000 nested `div`s take 3 s, 8,000 take 40 s), while real
/// pages nest a few dozen deep; a deeper page is converted by the linear fallback alone.
pub const MAX_DEPTH: usize = 256;

/// The largest JSON-LD block read for metadata.
const MAX_JSON_LD: usize = 256 * 1024;

/// What a page says about itself in its tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    pub outlet: Option<String>,
    /// The page's canonical address (`<link rel="canonical">`, `og:url`).
    pub url: Option<String>,
}

/// A page converted into a Markdown article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The whole article: title heading, metadata lines, body.
    pub markdown: String,
    pub meta: PageMeta,
    /// True when the readability pass chose the body; false when the fallback did.
    pub readability: bool,
    /// True when the body holds some text (a page that needs JavaScript to show its article
    /// has none).
    pub has_body: bool,
}

/// A start tag, an end tag or text, as the tokenizer gave them (names lower-case, character
/// references decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    Text(String),
}

impl Tok {
    fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Tok::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// The page as tokens, in time linear in its size.
fn tokens(html: &str) -> Vec<Tok> {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};
    let mut out: Vec<Tok> = Vec::new();
    let mut attr_name: Option<String> = None;
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let emitter = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match ev {
            CallbackEvent::OpenStartTag { name } => {
                attr_name = None;
                out.push(Tok::Start {
                    name: lossy(name),
                    attrs: Vec::new(),
                    self_closing: false,
                });
            }
            CallbackEvent::AttributeName { name } => attr_name = Some(lossy(name)),
            CallbackEvent::AttributeValue { value } => {
                if let (Some(name), Some(Tok::Start { attrs, .. })) =
                    (attr_name.take(), out.last_mut())
                {
                    // The first of two attributes with one name wins, as in a browser.
                    if !attrs.iter().any(|(k, _)| *k == name) {
                        attrs.push((name, lossy(value)));
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                attr_name = None;
                if let Some(Tok::Start {
                    self_closing: s, ..
                }) = out.last_mut()
                {
                    *s = self_closing;
                }
            }
            CallbackEvent::EndTag { name } => out.push(Tok::End(lossy(name))),
            CallbackEvent::String { value } => match out.last_mut() {
                Some(Tok::Text(t)) => t.push_str(&String::from_utf8_lossy(value)),
                _ => out.push(Tok::Text(lossy(value))),
            },
            _ => {}
        }
        None
    });
    let mut emitter = emitter;
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
    out
}

/// Elements that hold no content and are never closed.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements a browser closes by itself when the next one opens: they do not nest.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption", "head", "body", "html",
];

/// How deeply the page's elements nest (end tags matched by count, not by name, which is
/// enough to bound the readability pass's cost).
fn max_depth(toks: &[Tok]) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for t in toks {
        match t {
            Tok::Start {
                name, self_closing, ..
            } if !self_closing && !is_in(VOID, name) && !is_in(SELF_ENDING, name) => {
                depth += 1;
                max = max.max(depth);
            }
            Tok::End(name) if !is_in(VOID, name) && !is_in(SELF_ENDING, name) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    max
}

fn is_in(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

/// White space collapsed and trimmed, control characters dropped.
fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Read the page's metadata from its tags: `<meta>` (Open Graph, `article:*`, `author`, Dublin
/// Core, …), `<title>`, `<link rel="canonical">`, JSON-LD and the first `<time datetime>`.
///
/// | field | in order of preference |
/// |---|---|
/// | title | `og:title`; JSON-LD `headline`; `twitter:title`; `dc.title`; the first `<h1>` of the main part, not furniture; `<title>` without a trailing ` \| Site` |
/// | author | `<meta name="author">`; JSON-LD `author` (names joined); `article:author` unless an address; `dc.creator`; `byl` (`By …`) |
/// | date | `article:published_time`; JSON-LD `datePublished`; `date`, `pubdate`, `publish-date`, `dc.date`, `dc.date.issued`, `dcterms.created`, `itemprop="datePublished"`; the first `<time datetime>` |
/// | outlet | `og:site_name`; JSON-LD `publisher.name`; `application-name` |
/// | url | `<link rel="canonical">`; `og:url` |
fn page_meta(toks: &[Tok]) -> PageMeta {
    let mut metas: BTreeMap<String, String> = BTreeMap::new();
    let mut title_tag: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut time: Option<String> = None;
    let mut ld = LdMeta::default();
    for (i, t) in toks.iter().enumerate() {
        if let Tok::Start { name, .. } = t {
            match name.as_str() {
                "meta" => {
                    let key = t
                        .attr("property")
                        .or(t.attr("name"))
                        .or(t.attr("itemprop"))
                        .map(|k| k.trim().to_ascii_lowercase());
                    if let (Some(k), Some(v)) = (key, t.attr("content")) {
                        let v = squash(v);
                        if !v.is_empty() {
                            metas.entry(k).or_insert(v);
                        }
                    }
                }
                "title" if title_tag.is_none() => {
                    if let Some(Tok::Text(s)) = toks.get(i + 1) {
                        title_tag = Some(squash(s)).filter(|s| !s.is_empty());
                    }
                }
                "link" if canonical.is_none() => {
                    let rel = t.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        canonical = t.attr("href").map(|h| h.trim().to_string());
                    }
                }
                "time" if time.is_none() => {
                    time = t
                        .attr("datetime")
                        .and_then(iso_date)
                        .or_else(|| t.attr("pubdate").and_then(iso_date));
                }
                "script"
                    if t.attr("type").is_some_and(|ty| {
                        ty.trim().eq_ignore_ascii_case("application/ld+json")
                    }) =>
                {
                    if let Some(Tok::Text(s)) = toks.get(i + 1) {
                        if s.len() <= MAX_JSON_LD {
                            if let Ok(v) = serde_json::from_str::<serde_json::Value>(s) {
                                ld.read(&v);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let meta = |k: &str| metas.get(k).cloned();
    let outlet = meta("og:site_name")
        .or(ld.publisher.clone())
        .or(meta("application-name"));
    let title = meta("og:title")
        .or(ld.headline.clone())
        .or(meta("twitter:title"))
        .or(meta("dc.title"))
        .or(first_h1(toks))
        .or(title_tag.map(|t| clean_title(&t, outlet.as_deref())));
    let author = meta("author")
        .map(|a| strip_by(&a))
        .or(ld.authors())
        .or(meta("article:author").filter(|a| !looks_like_address(a)))
        .or(meta("dc.creator"))
        .or(meta("byl").map(|a| strip_by(&a)))
        .filter(|a| !a.is_empty() && !looks_like_address(a));
    let date = [
        "article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
    ]
    .iter()
    .filter_map(|k| {
        if *k == "datepublished" {
            ld.date
                .clone()
                .or_else(|| metas.get(*k).and_then(|v| iso_date(v)))
        } else {
            metas.get(*k).and_then(|v| iso_date(v))
        }
    })
    .next()
    .or(time);
    let url = canonical
        .filter(|u| !u.is_empty())
        .or(meta("og:url"))
        .filter(|u| is_http(u));
    PageMeta {
        title: title.filter(|t| !t.is_empty()),
        author,
        date,
        outlet: outlet.filter(|o| !o.is_empty()),
        url,
    }
}

/// The text of the first `<h1>` of the page's main part, furniture (a logo in the site's
/// header) left out: the headline of a page without a title in its meta tags.
fn first_h1(toks: &[Tok]) -> Option<String> {
    let mut text: Option<String> = None;
    for t in without_furniture(main_part(toks)).into_iter().flatten() {
        match (t, &mut text) {
            (Tok::Start { name, .. }, None) if name == "h1" => text = Some(String::new()),
            (Tok::Text(s), Some(acc)) => acc.push_str(s),
            (Tok::End(name), Some(acc)) if name == "h1" => {
                let h = squash(acc);
                if !h.is_empty() {
                    return Some(h);
                }
                text = None;
            }
            _ => {}
        }
    }
    None
}

/// What a JSON-LD block says about the article it describes.
#[derive(Debug, Default)]
struct LdMeta {
    headline: Option<String>,
    author_names: Vec<String>,
    date: Option<String>,
    publisher: Option<String>,
}

impl LdMeta {
    /// Read the first article object of a JSON-LD value (an object, a list of objects, or an
    /// `@graph`).
    fn read(&mut self, v: &serde_json::Value) {
        use serde_json::Value;
        let objects: Vec<&Value> = match v {
            Value::Array(a) => a.iter().collect(),
            Value::Object(o) => match o.get("@graph") {
                Some(Value::Array(g)) => g.iter().collect(),
                _ => vec![v],
            },
            _ => Vec::new(),
        };
        let is_article = |o: &Value| {
            let ty = |t: &Value| {
                t.as_str()
                    .is_some_and(|s| s.ends_with("Article") || s == "BlogPosting" || s == "Report")
            };
            match o.get("@type") {
                Some(Value::Array(a)) => a.iter().any(ty),
                Some(t) => ty(t),
                None => false,
            }
        };
        let Some(o) = objects.into_iter().find(|o| is_article(o)) else {
            return;
        };
        let text = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .map(squash)
                .filter(|s| !s.is_empty())
        };
        if self.headline.is_none() {
            self.headline = text(o.get("headline"));
        }
        if self.date.is_none() {
            self.date = o
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(iso_date);
        }
        if self.publisher.is_none() {
            self.publisher = match o.get("publisher") {
                Some(p @ Value::Object(_)) => text(p.get("name")),
                Some(Value::Array(a)) => a.first().and_then(|p| text(p.get("name"))),
                p => text(p),
            };
        }
        if self.author_names.is_empty() {
            let names = |a: &Value| match a {
                Value::Object(_) => text(a.get("name")),
                other => text(Some(other)),
            };
            self.author_names = match o.get("author") {
                Some(Value::Array(a)) => a.iter().filter_map(names).collect(),
                Some(a) => names(a).into_iter().collect(),
                None => Vec::new(),
            };
            self.author_names.retain(|n| !looks_like_address(n));
        }
    }

    /// The authors, joined as a byline joins them (`A and B`, `A, B and C`).
    fn authors(&self) -> Option<String> {
        let n = &self.author_names;
        match n.len() {
            0 => None,
            1 => Some(n[0].clone()),
            _ => Some(format!(
                "{} and {}",
                n[..n.len() - 1].join(", "),
                n[n.len() - 1]
            )),
        }
    }
}

fn is_http(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

fn looks_like_address(s: &str) -> bool {
    is_http(s) || s.starts_with('/') || s.contains("www.")
}

/// `By Jane Doe` → `Jane Doe`.
fn strip_by(s: &str) -> String {
    let t = s.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => t[3..].trim().to_string(),
        _ => t.to_string(),
    }
}

/// The ISO date (`YYYY-MM-DD`) a date attribute gives, if it is a full date.
fn iso_date(s: &str) -> Option<String> {
    super::metadata::find_date(s.trim()).map(|(iso, _, _)| iso)
}

/// A `<title>` without the site's name after it: `Headline | Site`, `Headline - Site`.
fn clean_title(t: &str, site: Option<&str>) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(at) = t.rfind(sep) {
            let (head, tail) = (&t[..at], &t[at + sep.len()..]);
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            // Without a known site name only the clear separator `|` is cut.
            if !head.trim().is_empty() && (is_site || sep == " | ") {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// Convert a page (already decoded to text) into a Markdown article. `page_url` (the address it
/// was fetched from, when it was) resolves relative links; a page saved from a browser resolves
/// them against its canonical address.
pub fn convert(html: &str, page_url: Option<&str>) -> Converted {
    let toks = tokens(html);
    let meta = page_meta(&toks);
    let base = page_url
        .filter(|u| is_http(u))
        .or(meta.url.as_deref())
        .and_then(|u| url::Url::parse(u).ok());
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

/// The readable part of a page as HTML, by the readability pass; `None` when it finds none.
fn readable_part(html: &str, base: Option<&url::Url>) -> Option<String> {
    let cfg = dom_smoothie::Config {
        // The metadata is read from the tags by `page_meta`.
        disable_json_ld: true,
        // Classes stay, so that the Markdown pass drops the furniture it kept on a short page.
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut r = dom_smoothie::Readability::new(html, base.map(url::Url::as_str), Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    Some(article.content.to_string())
}

/// The tokens of the page's main element (`itemprop="articleBody"`, else `<article>`, else
/// `<main>` or `role="main"`), else all of them.
fn main_part(toks: &[Tok]) -> &[Tok] {
    let find = |pred: &dyn Fn(&Tok) -> bool| -> Option<&[Tok]> {
        let start = toks.iter().position(pred)?;
        let Tok::Start { name, .. } = &toks[start] else {
            return None;
        };
        let mut depth = 0usize;
        for (k, t) in toks.iter().enumerate().skip(start) {
            match t {
                Tok::Start {
                    name: n,
                    self_closing: false,
                    ..
                } if n == name => depth += 1,
                Tok::End(n) if n == name => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(&toks[start..=k]);
                    }
                }
                _ => {}
            }
        }
        Some(&toks[start..])
    };
    let named = |n: &'static str| move |t: &Tok| matches!(t, Tok::Start { name, .. } if name == n);
    find(&|t| {
        t.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    })
    .or_else(|| find(&named("article")))
    .or_else(|| find(&named("main")))
    .or_else(|| {
        find(&|t| {
            t.attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        })
    })
    .unwrap_or(toks)
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "figure", "nav", "aside", "footer", "header", "form",
    "button", "select", "textarea", "label", "dialog", "menu",
];

/// Words of a class or id that mark page furniture (`cookie-banner`, `share_tools`,
/// `relatedStories` is not split and stays).
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "toolbar",
];

/// Roles that mark page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// Is this start tag page furniture by its name, class, id, role or visibility?
fn is_furniture(t: &Tok) -> bool {
    let Tok::Start { name, .. } = t else {
        return false;
    };
    if is_in(SKIPPED, name) {
        return true;
    }
    if t.attr("hidden").is_some()
        || t.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || t.attr("role")
            .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    };
    t.attr("class").is_some_and(words) || t.attr("id").is_some_and(words)
}

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
    base: Option<&'a url::Url>,
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
        let u = match url::Url::parse(href) {
            Ok(u) => u,
            Err(url::ParseError::RelativeUrlWithoutBase) => self.base?.join(href).ok()?,
            Err(_) => return None,
        };
        if !matches!(u.scheme(), "http" | "https") {
            return None;
        }
        Some(
            u.as_str()
                .replace('(', "%28")
                .replace(')', "%29")
                .replace('<', "%3C")
                .replace('>', "%3E"),
        )
    }
}

/// The body of the article as Markdown: furniture dropped, one block per paragraph, heading,
/// list item or quoted paragraph.
fn body_markdown(toks: &[Tok], base: Option<&url::Url>, title: Option<&str>) -> String {
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

/// The tokens without the furniture elements and all they hold (see [`is_furniture`]); `None`
/// where one was taken out.
fn without_furniture(toks: &[Tok]) -> Vec<Option<&Tok>> {
    let mut out = Vec::with_capacity(toks.len());
    // The furniture element being passed over and how deeply it nests in itself.
    let mut skipping: Option<(&str, usize)> = None;
    for t in toks {
        match (t, &mut skipping) {
            (
                Tok::Start {
                    name, self_closing, ..
                },
                Some((n, depth)),
            ) => {
                if *n == name.as_str() && !self_closing {
                    *depth += 1;
                }
            }
            (Tok::End(name), Some((n, depth))) => {
                if *n == name.as_str() {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
            }
            (_, Some(_)) => {}
            (
                Tok::Start {
                    name, self_closing, ..
                },
                None,
            ) if is_furniture(t) => {
                out.push(None);
                if !is_in(VOID, name) && !*self_closing {
                    skipping = Some((name.as_str(), 1));
                }
            }
            (_, None) => out.push(Some(t)),
        }
    }
    out
}

/// The tokens written back as HTML (for the readability pass), furniture left out.
fn cleaned_html(toks: &[Tok]) -> String {
    let mut out = String::new();
    let esc = |out: &mut String, s: &str, attr: bool| {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' if !attr => out.push_str("&lt;"),
                '>' if !attr => out.push_str("&gt;"),
                '"' if attr => out.push_str("&quot;"),
                _ => out.push(c),
            }
        }
    };
    for t in without_furniture(toks).into_iter().flatten() {
        match t {
            Tok::Start { name, attrs, .. } => {
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    // Only names the tokenizer could have read back.
                    if k.is_empty() || k.contains(['"', '\'', '>', '/', '=', '<']) {
                        continue;
                    }
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    esc(&mut out, v, true);
                    out.push('"');
                }
                out.push('>');
            }
            Tok::End(name) => {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
            Tok::Text(s) => esc(&mut out, s, false),
        }
    }
    out
}

/// Append `s` to Markdown text, escaped where Markdown would read it as syntax: `\\`, `` ` ``,
/// `*`, `_`, `<` and `~` always; `&` where it would start a character reference; brackets
/// where they would make a link or footnote (`](`, `][`, `]:`, `[^`), and every bracket inside
/// a link's text. Editorial brackets in quotations (`[the council]`) otherwise stay as written.
fn escape_into(out: &mut String, s: &str, in_link: bool) {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let escape = match c {
            '\\' | '`' | '*' | '_' | '<' | '~' => true,
            '[' => in_link || next == Some('^'),
            ']' => in_link || matches!(next, Some('(' | '[' | ':')),
            '&' => {
                let rest = &s[i + 1..];
                let name = rest
                    .bytes()
                    .take(40)
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
                    .count();
                name > 0 && rest.as_bytes().get(name) == Some(&b';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Markdown-escaped text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, false);
    out
}

/// A line of escaped text that must not start a Markdown block (`#`, `>`, `-`, `+`, `=`, `1.`).
fn escape_line(l: &str) -> String {
    let first = l.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=')) {
        return format!("\\{l}");
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(l.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &l[..digits], &l[digits..]);
    }
    l.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    /// The converted article, checked to be read back by the Markdown layout with every
    /// claim's span exact.
    fn article(html: &str) -> (Converted, Article) {
        let c = convert(html, None);
        let a = Article::from_text("articles/p.md", c.markdown.clone(), Format::Markdown);
        let x = crate::extract::extract(&a);
        for cl in &x.claims {
            assert_eq!(&c.markdown[cl.start..cl.end], cl.text, "claim {}", cl.id);
        }
        (c, a)
    }

    const BODY: &str = "<article><p>The ferry will run twice a day from May, the operator said on Tuesday.</p></article>";

    #[test]
    fn metadata_comes_from_the_pages_own_tags() {
        let html = page(
            r#"<title>Ferry times change | Coast News</title>
            <meta property="og:title" content="Ferry times change in May">
            <meta name="author" content="Ada  Lund">
            <meta property="article:published_time" content="2024-05-02T08:00:00Z">
            <meta property="og:site_name" content="Coast News">"#,
            BODY,
        );
        let (c, a) = article(&html);
        assert_eq!(
            c.meta,
            PageMeta {
                title: Some("Ferry times change in May".into()),
                author: Some("Ada Lund".into()),
                date: Some("2024-05-02".into()),
                outlet: Some("Coast News".into()),
                url: None,
            }
        );
        // They reach the article's metadata as its own lines do.
        assert_eq!(
            a.metadata.title.as_deref(),
            Some("Ferry times change in May")
        );
        assert_eq!(a.metadata.author.as_deref(), Some("Ada Lund"));
        assert_eq!(a.metadata.date.as_deref(), Some("2024-05-02"));
        assert_eq!(a.metadata.outlet.as_deref(), Some("Coast News"));
    }

    #[test]
    fn metadata_fallbacks_title_tag_json_ld_and_time() {
        let html = page(
            r#"<title>Ferry times change | Coast News</title>
            <meta property="article:author" content="https://social.example/ada">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Lund"},{"name":"Bo Berg"}],
               "publisher":{"@type":"Organization","name":"Coast News Ltd"}}]}</script>"#,
            r#"<article><time datetime="2024-05-02">2 May</time><p>Text of the story, long enough.</p></article>"#,
        );
        let m = convert(&html, None).meta;
        assert_eq!(m.title.as_deref(), Some("Ferry times change"));
        assert_eq!(m.author.as_deref(), Some("Ada Lund and Bo Berg"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02"));
        assert_eq!(m.outlet.as_deref(), Some("Coast News Ltd"));
        // A `byl` meta tag loses its "By"; a title without a known site keeps its dash.
        let html = page(
            r#"<title>Sea - a history</title><meta name="byl" content="By Ada Lund">"#,
            BODY,
        );
        let m = convert(&html, None).meta;
        assert_eq!(m.author.as_deref(), Some("Ada Lund"));
        assert_eq!(m.title.as_deref(), Some("Sea - a history"));
        // Without a title tag of its own, the headline is the first `<h1>` that is not in the
        // site's furniture, rather than the shorter `<title>`.
        let html = page(
            "<title>Harbour</title>",
            "<header><h1>Coast News</h1></header><article><h1>Cranes idle as <em>talks</em> stall</h1><p>Text.</p></article>",
        );
        let c = convert(&html, None);
        assert_eq!(c.meta.title.as_deref(), Some("Cranes idle as talks stall"));
        assert!(
            c.markdown.starts_with("# Cranes idle as talks stall\n"),
            "{}",
            c.markdown
        );
    }

    #[test]
    fn page_furniture_is_dropped() {
        let html = page(
            "<title>T</title>",
            r#"<div class="cookie-banner"><p>We use cookies to improve your visit by 30%.</p></div>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div role="navigation">Sections</div>
            <main><h1>T</h1>
              <div class="share_tools"><a href="https://x.example/s">Share on X</a></div>
              <p>The harbour wall will be rebuilt in 2026, the council said.</p>
              <div aria-hidden="true">Advert text here</div>
              <aside><p>Related: the wall fell down in 1990.</p></aside>
              <div id="newsletter-box"><p>Sign up for 5 stories a day.</p></div>
            </main>
            <footer><p>Copyright 2024 Coast News.</p></footer>"#,
        );
        let toks = tokens(&html);
        let md = body_markdown(main_part(&toks), None, Some("T"));
        assert_eq!(
            md,
            "The harbour wall will be rebuilt in 2026, the council said.\n"
        );
        // Through the readability pass too.
        let c = convert(&html, None);
        assert!(
            c.markdown.contains("The harbour wall will be rebuilt"),
            "{}",
            c.markdown
        );
        for furniture in [
            "cookies",
            "Home",
            "Share",
            "Advert",
            "Related",
            "Sign up",
            "Copyright",
        ] {
            assert!(
                !c.markdown.contains(furniture),
                "{furniture}: {}",
                c.markdown
            );
        }
    }

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
            url::Url::parse("https://coast.example/news/ferry")
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
