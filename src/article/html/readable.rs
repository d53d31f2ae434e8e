//! The readability pass: the page written back as HTML without its furniture, and the readable
//! part [`dom_smoothie`] chooses from it.

use super::furniture::without_furniture;
use super::tokens::Tok;
use crate::util::url::WebUrl;

/// The readable part of a page as HTML, by the readability pass; `None` when it finds none.
pub(super) fn readable_part(html: &str, base: Option<&WebUrl>) -> Option<String> {
    let cfg = dom_smoothie::Config {
        // The metadata is read from the tags by `page_meta`.
        disable_json_ld: true,
        // Classes stay, so that the Markdown pass drops the furniture it kept on a short page.
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut r =
        dom_smoothie::Readability::new(html, base.map(WebUrl::normalized), Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    Some(article.content.to_string())
}

/// The tokens written back as HTML (for the readability pass), furniture left out.
pub(super) fn cleaned_html(toks: &[Tok]) -> String {
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
