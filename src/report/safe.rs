//! Text from articles, YAML files and file names made inert for a terminal or a CI log: every
//! character that could move the cursor, change the terminal's state (an escape sequence
//! retitles the window, clears the screen, fakes a link) or reorder what is shown is replaced
//! by a visible `\u{…}` escape. Every human and GitHub printer passes its text through
//! [`terminal_safe`]; JSON and SARIF escape control characters through serde already.

use std::borrow::Cow;
use std::fmt::Write;

/// Must `c` be kept from a terminal (see [`crate::util::is_unsafe`])? A carriage return is
/// allowed only before a line feed (see [`terminal_safe`]).
pub use crate::util::is_unsafe;

/// `s` with every [`is_unsafe`] character replaced by its visible escape (`ESC` → `\u{1b}`);
/// a carriage return before a line feed stays. Borrowed when there is nothing to replace.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    let (text, _) = mapped(s);
    text
}

/// Byte offsets of a text mapped to the same places in its [`terminal_safe`] form, for
/// labels that point into the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// For each replaced character: the old offset just after it, and how many bytes longer
    /// the new text is from there on.
    shifts: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The offset in the new text of the character at `old` in the old one.
    pub fn map(&self, old: usize) -> usize {
        let k = self.shifts.partition_point(|&(end, _)| end <= old);
        match k {
            0 => old,
            k => old + self.shifts[k - 1].1,
        }
    }
}

/// [`terminal_safe`] with the map of old offsets to new ones.
pub fn mapped(s: &str) -> (Cow<'_, str>, OffsetMap) {
    let mut map = OffsetMap::default();
    let keep = |i: usize, c: char| !is_unsafe(c) || (c == '\r' && s[i + 1..].starts_with('\n'));
    if s.char_indices().all(|(i, c)| keep(i, c)) {
        return (Cow::Borrowed(s), map);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, c) in s.char_indices() {
        if keep(i, c) {
            out.push(c);
        } else {
            let before = out.len();
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
            let grew = (out.len() - before) - c.len_utf8();
            let total = map.shifts.last().map_or(0, |&(_, t)| t) + grew;
            map.shifts.push((i + c.len_utf8(), total));
        }
    }
    (Cow::Owned(out), map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(
            terminal_safe("a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{1b}[2Jc"
        );
        assert_eq!(terminal_safe("x\u{9b}31m\u{7f}"), "x\\u{9b}31m\\u{7f}");
        assert_eq!(terminal_safe("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(terminal_safe("over\rwrite"), "over\\u{d}write");
        // Layout stays: line feeds, tabs, CRLF line ends, and every printable letter.
        for same in [
            "one\ntwo\tthree",
            "crlf\r\nline",
            "Ünïcödé “quotes” – ok",
            "",
        ] {
            assert!(matches!(terminal_safe(same), Cow::Borrowed(_)), "{same:?}");
        }
    }

    #[test]
    fn offsets_follow_the_replacements() {
        let s = "ab\u{1b}cd\u{202e}ef";
        let (t, map) = mapped(s);
        for (old, c) in s.char_indices().filter(|&(_, c)| !is_unsafe(c)) {
            assert_eq!(t[map.map(old)..].chars().next(), Some(c), "{old}");
        }
        assert_eq!(map.map(s.len()), t.len());
        assert_eq!(map.map(0), 0);
    }
}
