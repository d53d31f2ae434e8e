//! The shared helpers, one of each, in a leaf module: it uses nothing else of the crate, so any
//! module may use it without tying itself to another.
//!
//! - [`charset`]: bytes to text in the charset a page declares;
//! - [`fs`]: every read and write of a file (bounded reads, atomic writes inside the dossier);
//! - [`sentences`]: where sentences end, the one splitter;
//! - [`hash`]: the one fast hasher, for maps and sets keyed by the crate's own words;
//! - [`url`]: URLs from users and servers, parsed as browsers do, taken only when http(s);
//! - [`fingerprint`]: the `sha256:<hex>` that records name a text or file by;
//! - [`Advice`]: the fix an error suggests, for diagnostics;
//! - [`is_unsafe`]: the characters never written raw to a terminal or into a URL;
//! - [`hex`] and [`sha256_hex`]: digests as they appear in file names and records;
//! - [`excerpt`]: a text shortened to one line for a message or a report;
//! - [`file_stem`]: the name of a recorded path without its extension (an article's slug).

pub mod charset;
pub mod fs;
pub mod hash;
pub mod sentences;
pub mod url;

use sha2::{Digest, Sha256};

/// An error that says how to put it right: the one-line advice shown under its message
/// (`help:` in a diagnostic).
pub trait Advice: std::error::Error {
    /// How to put it right.
    fn help(&self) -> &'static str;
}

/// Lower-case hexadecimal of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The SHA-256 of `bytes` in lower-case hexadecimal (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `sha256:<hex>` of `bytes`: how records name an article's bytes, a text or a decision key.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(bytes))
}

/// Must `c` be kept from a terminal: a C0 control other than line feed and tab, DEL, a C1
/// control, or a bidirectional embedding, override or isolate (which reorder the text after
/// it, as in "Trojan Source")? (The terminal-safe rendering of text built on this is
/// `crate::report::safe`.)
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// At most `n` characters of `s`, on one line (runs of white space become one space), with an
/// ellipsis when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        return one_line;
    }
    let cut: String = one_line.chars().take(n.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The file name of a recorded path (`/` or `\` separated) without its last extension:
/// `claims/oped.yaml` → `oped`. A name that is all extension (`.hidden`) is kept whole.
pub fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_sha256_are_lower_case_and_whole() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn an_excerpt_is_one_line_and_cut_with_an_ellipsis() {
        assert_eq!(excerpt("a  short\n text", 20), "a short text");
        assert_eq!(excerpt("one two three four", 9), "one two…");
        // Counted in characters, not bytes.
        assert_eq!(excerpt("ééééé", 5), "ééééé");
        assert_eq!(excerpt("éééééé", 5), "éééé…");
    }

    #[test]
    fn a_file_stem_drops_the_folders_and_the_last_extension() {
        assert_eq!(file_stem("claims/oped.yaml"), "oped");
        assert_eq!(file_stem("articles\\sub\\a.b.md"), "a.b");
        assert_eq!(file_stem("noext"), "noext");
        assert_eq!(file_stem("dir/.hidden"), ".hidden");
    }
}
