//! Bytes to text in the charset they declare, as browsers read web pages: articles saved as
//! HTML, snapshots and fetched pages all go through [`decode`].

/// How many bytes of an HTML page are searched for a `<meta>` charset, as browsers do.
const META_PRESCAN: usize = 1024;

/// Decode bytes to text. The encoding is, in order: a byte-order mark; the charset of the
/// HTTP `Content-Type` (`http_charset`, the whole header value or only its charset); for HTML,
/// a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// kilobyte; otherwise UTF-8, and for HTML that is not valid UTF-8 windows-1252 (the web's
/// default). Bytes invalid in the encoding become U+FFFD.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, html: bool) -> String {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let declared = http_charset
        .and_then(|h| charset_label(h.as_bytes()).or(Some(h.trim().as_bytes())))
        .and_then(Encoding::for_label)
        .or_else(|| {
            html.then(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN)]))
                .flatten()
        })
        // A page cannot declare itself UTF-16 in ASCII; browsers read it as UTF-8.
        .map(|e| {
            if e.is_single_byte() || e == UTF_8 {
                e
            } else {
                e.output_encoding()
            }
        });
    let enc = match declared {
        Some(e) => e,
        None if !html || std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The value after `charset=` in a header or `content` attribute, unquoted.
fn charset_label(s: &[u8]) -> Option<&[u8]> {
    let at = find_ci(s, b"charset")? + b"charset".len();
    let rest = trim_ascii_start(&s[at..]);
    let rest = trim_ascii_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// The encoding a `<meta>` tag of this prefix of a page declares, if any.
fn meta_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let mut from = 0;
    while let Some(k) = find_ci(&head[from..], b"<meta") {
        let at = from + k + 5;
        let end = head[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |n| at + n);
        if let Some(enc) = charset_label(&head[at..end]).and_then(encoding_rs::Encoding::for_label)
        {
            return Some(enc);
        }
        from = at;
    }
    None
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// Where `needle` (lower-case ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_decode_in_their_declared_charset() {
        let latin = b"<p>caf\xE9</p>";
        // The HTTP header first, whole or as its charset.
        assert_eq!(
            decode(latin, Some("text/html; charset=ISO-8859-1"), true),
            "<p>café</p>"
        );
        assert_eq!(decode(latin, Some("latin1"), true), "<p>café</p>");
        // Then `<meta>`, in either form.
        let meta = b"<meta charset='koi8-r'><p>\xF0\xD2\xC9";
        assert!(decode(meta, None, true).ends_with("При"));
        let equiv =
            b"<META HTTP-EQUIV=content-type CONTENT=\"text/html;charset=windows-1251\">\xCF";
        assert!(decode(equiv, None, true).ends_with('П'));
        // A byte-order mark wins over everything.
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("latin1"), true),
            "café"
        );
        assert_eq!(decode(b"\xFF\xFEa\x00", None, false), "a");
        // Undeclared: UTF-8 if it is, else windows-1252 for HTML, replacement for text.
        assert_eq!(decode("café".as_bytes(), None, true), "café");
        assert_eq!(decode(latin, None, true), "<p>café</p>");
        assert_eq!(decode(latin, None, false), "<p>caf\u{FFFD}</p>");
        // A page cannot declare itself UTF-16 in ASCII.
        assert_eq!(
            decode(b"<meta charset=utf-16>\xC3\xA9", None, true),
            "<meta charset=utf-16>é"
        );
    }
}
