//! Making article and YAML text inert in Markdown: whatever a quote holds, it renders as the
//! same words and never as markup, a link, HTML or a broken table.

use crate::report::audit::web_url;
use crate::util::excerpt;

/// ASCII punctuation that can start or end Markdown syntax inline (`$` where renderers do
/// math), or split a table cell. Parentheses and `!` need no escape: with every bracket
/// escaped they cannot form a link or an image.
const PUNCTUATION: &[char] = &['\\', '`', '*', '_', '[', ']', '#', '|', '~', '$'];

/// Zero-width and unbreakable: it splits a pattern without changing what a reader sees.
const WORD_JOINER: char = '\u{2060}';

/// Text on one line, with every Markdown-significant character escaped: safe anywhere inline,
/// including at the start of a list item or heading and inside a table cell. No link can form
/// from it, not even a GFM autolink (see [`break_autolinks`]).
pub(crate) fn text(s: &str) -> String {
    break_autolinks(&inline(s))
}

/// `s` with a word joiner after the `www` of `www.`, the `:` of `://` and every `@`, where
/// GitHub-flavoured Markdown would otherwise make a link of plain text (`www.x.example`,
/// `https://x.example/a`, `name@x.example`, and an @mention). A backslash escape is not
/// enough: GitHub also links the text after escapes are resolved. The text reads the same.
fn break_autolinks(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let www = rest
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."));
        if www {
            out.push_str(&rest[..3]);
            out.push(WORD_JOINER);
            rest = &rest[3..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        if c == '@' || (c == ':' && rest.starts_with("//")) {
            out.push(WORD_JOINER);
        }
    }
    out
}

/// [`text`] before autolinks are broken.
fn inline(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    // A list marker, a setext underline or an ordered-list number at the very start would make
    // a block of the text.
    let digits = one_line.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in one_line.chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if PUNCTUATION.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// [`text`] shortened to at most `n` characters of the original (with an ellipsis when cut).
pub(crate) fn short(s: &str, n: usize) -> String {
    text(&excerpt(s, n))
}

/// A table cell: escaped text, or an em dash when there is none.
pub(crate) fn cell(s: &str) -> String {
    let t = text(s);
    if t.is_empty() {
        "—".to_string()
    } else {
        t
    }
}

/// Help text (ours, but it may quote a field or an id): segments between paired backticks
/// become code spans, everything else is [`text`]. A segment that could break out of its span
/// (a newline, a `|`) stays escaped text.
pub(crate) fn prose(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let paired = (parts.len() - 1) / 2 * 2;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        let code = i % 2 == 1 && i <= paired;
        if code && !part.is_empty() && !part.contains(['|', '\n', '\r']) {
            out.push('`');
            out.push_str(part);
            out.push('`');
        } else if code {
            out.push_str("\\`");
            out.push_str(&text(part));
            out.push_str("\\`");
        } else {
            if i > paired {
                out.push_str("\\`");
            }
            // `text` trims; keep the spaces that separate this segment from its code spans.
            if part.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            out.push_str(&text(part));
            if part.ends_with(char::is_whitespace) && !part.trim().is_empty() {
                out.push(' ');
            }
        }
    }
    out
}

/// A URL as an autolink when it is http(s) (see [`web_url`]); otherwise as escaped text.
pub(crate) fn url(s: &str) -> String {
    match web_url(s) {
        Some(u) => format!("<{u}>"),
        None => text(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_block_starts() {
        assert_eq!(text("a|b `c` *d* _e_"), "a\\|b \\`c\\` \\*d\\* \\_e\\_");
        assert_eq!(text("<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(
            text("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(text("- item\nnext"), "\\- item next");
        assert_eq!(text("1. one"), "1\\. one");
        assert_eq!(text("12) twelve"), "12\\) twelve");
        assert_eq!(text("U.S. 1.5"), "U.S. 1.5");
        assert_eq!(cell("  "), "—");
    }

    #[test]
    fn no_autolink_forms_from_text() {
        let j = WORD_JOINER;
        assert_eq!(
            text("see www.evil.example and WWW.x.org"),
            format!("see www{j}.evil.example and WWW{j}.x.org")
        );
        assert_eq!(
            text("“https://evil.example/phish”"),
            format!("“https:{j}//evil.example/phish”")
        );
        assert_eq!(
            text("ask me@x.org, @desk"),
            format!("ask me@{j}x.org, @{j}desk")
        );
        // Nothing else changes.
        assert_eq!(text("www 10:30 a.www.b"), format!("www 10:30 a.www{j}.b"));
        assert_eq!(text("wwwx. ww.x"), "wwwx. ww.x");
    }

    #[test]
    fn help_keeps_its_code_spans_and_nothing_else() {
        assert_eq!(prose("add `url:` here"), "add `url:` here");
        assert_eq!(prose("a `b|c` d"), "a \\`b\\|c\\` d");
        assert_eq!(prose("odd ` tick"), "odd \\` tick");
        assert_eq!(prose("<b> `x`"), "&lt;b&gt; `x`");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(url("https://x.org/a?b=1"), "<https://x.org/a?b=1>");
        assert_eq!(url("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(url("https://x.org/<b>"), "<https://x.org/%3Cb%3E>");
        assert_eq!(url("https://x.org/a|b"), "<https://x.org/a%7Cb>");
    }
}
