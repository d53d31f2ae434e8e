//! Page furniture by tag, class, id, role or visibility, taken out of the tokens; and the
//! page's main element.

use super::tokens::{is_in, Tok, VOID};

/// The tokens of the page's main element (`itemprop="articleBody"`, else `<article>`, else
/// `<main>` or `role="main"`), else all of them.
pub(super) fn main_part(toks: &[Tok]) -> &[Tok] {
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

/// The tokens without the furniture elements and all they hold (see [`is_furniture`]); `None`
/// where one was taken out.
pub(super) fn without_furniture(toks: &[Tok]) -> Vec<Option<&Tok>> {
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

#[cfg(test)]
mod tests {
    use super::super::convert;
    use super::super::markdown::body_markdown;
    use super::super::tests::page;
    use super::super::tokens::tokens;
    use super::*;

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
}
