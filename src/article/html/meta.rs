//! The page's metadata as its own tags give it: `<meta>`, `<title>`, `<link rel="canonical">`,
//! JSON-LD and `<time>`.

use super::furniture::{main_part, without_furniture};
use super::tokens::{squash, Tok};
use super::PageMeta;
use crate::util::url::has_web_scheme;
use std::collections::BTreeMap;

/// The largest JSON-LD block read for metadata.
const MAX_JSON_LD: usize = 256 * 1024;

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
pub(super) fn page_meta(toks: &[Tok]) -> PageMeta {
    let tags = Tags::read(toks);
    let outlet = tags.outlet();
    let title = tags.title(toks, outlet.as_deref());
    PageMeta {
        title: title.filter(|t| !t.is_empty()),
        author: tags.author(),
        date: tags.date(),
        outlet: outlet.filter(|o| !o.is_empty()),
        url: tags.url(),
    }
}

/// What a page's tags say about it, as one pass over its tokens finds them.
#[derive(Debug, Default)]
struct Tags {
    /// `<meta>` contents by lower-case key (`property`, `name` or `itemprop`), the first of
    /// each key.
    metas: BTreeMap<String, String>,
    /// The text of the first `<title>`.
    title_tag: Option<String>,
    /// The address of the first `<link rel="canonical">`.
    canonical: Option<String>,
    /// The date of the first `<time>` that gives one.
    time: Option<String>,
    ld: LdMeta,
}

impl Tags {
    /// Read the tags of a page.
    fn read(toks: &[Tok]) -> Tags {
        let mut tags = Tags::default();
        for (i, t) in toks.iter().enumerate() {
            if let Tok::Start { name, .. } = t {
                tags.tag(name, t, toks.get(i + 1));
            }
        }
        tags
    }

    /// Take what the start tag `t`, named `name` and followed by `next`, says.
    fn tag(&mut self, name: &str, t: &Tok, next: Option<&Tok>) {
        match name {
            "meta" => {
                let key = t
                    .attr("property")
                    .or(t.attr("name"))
                    .or(t.attr("itemprop"))
                    .map(|k| k.trim().to_ascii_lowercase());
                if let (Some(k), Some(v)) = (key, t.attr("content")) {
                    let v = squash(v);
                    if !v.is_empty() {
                        self.metas.entry(k).or_insert(v);
                    }
                }
            }
            "title" if self.title_tag.is_none() => {
                if let Some(Tok::Text(s)) = next {
                    self.title_tag = Some(squash(s)).filter(|s| !s.is_empty());
                }
            }
            "link" if self.canonical.is_none() => {
                let rel = t.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    self.canonical = t.attr("href").map(|h| h.trim().to_string());
                }
            }
            "time" if self.time.is_none() => {
                self.time = t
                    .attr("datetime")
                    .and_then(iso_date)
                    .or_else(|| t.attr("pubdate").and_then(iso_date));
            }
            "script"
                if t.attr("type")
                    .is_some_and(|ty| ty.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Some(Tok::Text(s)) = next {
                    if s.len() <= MAX_JSON_LD {
                        if let Ok(v) = serde_json::from_str::<serde_json::Value>(s) {
                            self.ld.read(&v);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The content of the `<meta>` tag keyed `k`.
    fn meta(&self, k: &str) -> Option<String> {
        self.metas.get(k).cloned()
    }

    /// The outlet (see [`page_meta`] for the order of preference).
    fn outlet(&self) -> Option<String> {
        self.meta("og:site_name")
            .or(self.ld.publisher.clone())
            .or(self.meta("application-name"))
    }

    /// The title (see [`page_meta`]); a `<title>` loses the name of the site after it.
    fn title(&self, toks: &[Tok], outlet: Option<&str>) -> Option<String> {
        self.meta("og:title")
            .or(self.ld.headline.clone())
            .or(self.meta("twitter:title"))
            .or(self.meta("dc.title"))
            .or(first_h1(toks))
            .or(self.title_tag.as_deref().map(|t| clean_title(t, outlet)))
    }

    /// The author, never an address (see [`page_meta`]).
    fn author(&self) -> Option<String> {
        self.meta("author")
            .map(|a| strip_by(&a))
            .or(self.ld.authors())
            .or(self
                .meta("article:author")
                .filter(|a| !looks_like_address(a)))
            .or(self.meta("dc.creator"))
            .or(self.meta("byl").map(|a| strip_by(&a)))
            .filter(|a| !a.is_empty() && !looks_like_address(a))
    }

    /// The publication date (see [`page_meta`]).
    fn date(&self) -> Option<String> {
        [
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
                self.ld
                    .date
                    .clone()
                    .or_else(|| self.metas.get(*k).and_then(|v| iso_date(v)))
            } else {
                self.metas.get(*k).and_then(|v| iso_date(v))
            }
        })
        .next()
        .or(self.time.clone())
    }

    /// The canonical http(s) address.
    fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .filter(|u| !u.is_empty())
            .or(self.meta("og:url"))
            .filter(|u| has_web_scheme(u))
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

fn looks_like_address(s: &str) -> bool {
    has_web_scheme(s) || s.starts_with('/') || s.contains("www.")
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
    crate::article::metadata::find_date(s.trim()).map(|(iso, _, _)| iso)
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

#[cfg(test)]
mod tests {
    use super::super::tests::{article, page, BODY};
    use super::super::{convert, PageMeta};

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
}
