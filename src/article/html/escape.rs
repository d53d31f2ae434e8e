//! Escaping page text so that Markdown reads it back as written.

/// Append `s` to Markdown text, escaped where Markdown would read it as syntax: `\\`, `` ` ``,
/// `*`, `_`, `<` and `~` always; `&` where it would start a character reference; brackets
/// where they would make a link or footnote (`](`, `][`, `]:`, `[^`), and every bracket inside
/// a link's text. Editorial brackets in quotations (`[the council]`) otherwise stay as written.
pub(super) fn escape_into(out: &mut String, s: &str, in_link: bool) {
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
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, false);
    out
}

/// A line of escaped text that must not start a Markdown block (`#`, `>`, `-`, `+`, `=`, `1.`).
pub(super) fn escape_line(l: &str) -> String {
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
