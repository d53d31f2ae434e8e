//! Making article and YAML text inert in HTML.

use crate::report::audit::web_url;
use crate::util::excerpt;

/// Text for an element's content or a quoted attribute value: `& < > " '` become entities,
/// and so does `:`, so that no scheme (`javascript:`) ever appears in the page as written;
/// control characters other than line breaks and tabs are dropped.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            ':' => out.push_str("&#58;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => push_escaped(&mut out, c),
        }
    }
    out
}

/// Our own words (headings, labels, sentences): `& < > " '` become entities. A colon stays
/// as it is: our words name no scheme.
pub(crate) fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// `c`, or its entity when it is one of `& < > " '`.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// [`text`] with each pair of backticks made a `<code>` span, for messages and help that
/// name YAML keys and commands that way. The content is escaped first, so a span can only
/// ever hold text; a lone backtick stays a backtick.
pub(crate) fn prose(s: &str) -> String {
    let escaped = text(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    let mut out = String::with_capacity(escaped.len() + 32);
    let pairs = (parts.len() - 1) / 2;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            let opening = i % 2 == 1;
            let paired = i.div_ceil(2) <= pairs;
            out.push_str(match (paired, opening) {
                (true, true) => "<code>",
                (true, false) => "</code>",
                (false, _) => "`",
            });
        }
        out.push_str(part);
    }
    out
}

/// [`text`] on one line, shortened to at most `n` characters (with an ellipsis when cut).
pub(crate) fn short(s: &str, n: usize) -> String {
    text(&excerpt(s, n))
}

/// The URL, escaped for an `href`, when it is http(s) (see [`web_url`]); `None` for
/// anything else.
pub(crate) fn href(url: &str) -> Option<String> {
    web_url(url).map(|u| u.replace('&', "&amp;"))
}

/// A fragment id made only of ASCII letters, digits and `-`.
pub(crate) fn anchor(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_and_schemes() {
        assert_eq!(
            text("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(text("javascript:alert(1)"), "javascript&#58;alert(1)");
        assert_eq!(text("a\u{0}b"), "ab");
    }

    #[test]
    fn our_words_keep_their_colons() {
        assert_eq!(
            words("Editor's note: a <b> & \"c\""),
            "Editor&#39;s note: a &lt;b&gt; &amp; &quot;c&quot;"
        );
    }

    #[test]
    fn backtick_pairs_become_code() {
        assert_eq!(
            prose("add `url:` or `doi`"),
            "add <code>url&#58;</code> or <code>doi</code>"
        );
        assert_eq!(prose("a `b` c `d"), "a <code>b</code> c `d");
        assert_eq!(prose("`<b>`"), "<code>&lt;b&gt;</code>");
    }

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(
            href("https://x.org/?a=1&b=2").as_deref(),
            Some("https://x.org/?a=1&amp;b=2")
        );
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("JavaScript:alert(1)"), None);
        assert_eq!(
            href("https://x.org/\"onmouseover=\"x").as_deref(),
            Some("https://x.org/%22onmouseover=%22x")
        );
        // White space makes it no web URL (check reports it): not a link at all.
        assert_eq!(href("https://x.org/\" onmouseover=\"x"), None);
        assert_eq!(href("data:text/html,hi"), None);
    }
}
