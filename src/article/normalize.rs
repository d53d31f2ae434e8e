//! Normalised analysis text with a map back to the original bytes.
//!
//! Extraction reads a normalised copy of the article: curly and straight quotes become `"` and
//! `'`, dashes become `-` (en dash) or `--` (em dash), ellipses become `...`, exotic spaces
//! become plain spaces, soft hyphens and zero-width characters vanish, and CRLF becomes LF.
//! Every byte of the normalised text remembers the original byte it came from, so any span
//! found in the analysis text maps back to an exact span of the article as written.

/// Analysis text plus, for each of its bytes, the offset of the original byte it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// `map[i]` is the original offset of normalised byte `i`; `map[text.len()]` is the end.
    map: Vec<u32>,
    /// For each normalised byte, the end of the original character it came from.
    map_end: Vec<u32>,
}

impl Normalized {
    /// The analysis text itself: quotes, dashes, spaces and line ends normalised.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Original byte offset where the normalised span starting at `start` begins.
    pub fn orig_start(&self, start: usize) -> usize {
        self.map[start.min(self.text.len())] as usize
    }

    /// Original byte offset where the normalised span ending at `end` (exclusive) ends.
    pub fn orig_end(&self, end: usize) -> usize {
        if end == 0 {
            return self.map[0] as usize;
        }
        let end = end.min(self.text.len());
        self.map_end[end - 1] as usize
    }

    /// The original character at normalised byte `pos`, read from `original`.
    pub fn orig_char(&self, original: &str, pos: usize) -> Option<char> {
        original.get(self.orig_start(pos)..)?.chars().next()
    }

    /// Normalised offset of the first byte whose original offset is at or after `orig`.
    pub fn from_orig(&self, orig: usize) -> usize {
        self.map[..self.text.len()].partition_point(|&m| (m as usize) < orig)
    }
}

/// Builds a [`Normalized`] text from pieces of an original document.
pub struct Builder<'a> {
    original: &'a str,
    out: Normalized,
}

/// Is `b` a byte that normalisation copies unchanged (ASCII other than CR and tab)?
fn is_plain(b: u8) -> bool {
    b.is_ascii() && b != b'\r' && b != b'\t'
}

/// Length of the run of plain bytes at the start of `bytes`.
fn plain_ascii_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !is_plain(b))
        .unwrap_or(bytes.len())
}

/// Length of the run of bytes before the next plain one: the characters that need the slow
/// path. A plain byte is ASCII, so it never falls inside a multi-byte character, and a CR
/// stays with the LF after it (it is looked at together with that LF).
fn plain_run_or_end(bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() && !is_plain(bytes[i]) {
        i += 1;
    }
    if i > 0 && bytes[i - 1] == b'\r' && bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

impl<'a> Builder<'a> {
    /// An empty builder over `original`, the document whose byte offsets the map records.
    pub fn new(original: &'a str) -> Self {
        Builder {
            original,
            out: Normalized {
                text: String::with_capacity(original.len()),
                map: Vec::with_capacity(original.len() + 1),
                map_end: Vec::with_capacity(original.len()),
            },
        }
    }

    /// Current length of the normalised text.
    pub fn len(&self) -> usize {
        self.out.text.len()
    }

    /// Has nothing been appended yet?
    pub fn is_empty(&self) -> bool {
        self.out.text.is_empty()
    }

    /// The normalised text built so far.
    pub fn text(&self) -> &str {
        &self.out.text
    }

    fn emit(&mut self, s: &str, from: usize, to: usize) {
        self.out.text.push_str(s);
        for _ in 0..s.len() {
            self.out.map.push(from as u32);
            self.out.map_end.push(to as u32);
        }
    }

    /// Append `original[range]`, normalising characters on the way.
    pub fn push_range(&mut self, start: usize, end: usize) {
        let original = self.original;
        let mut pos = start;
        while pos < end {
            // Fast path: a run of plain ASCII (anything but CR and tab) is copied as it is,
            // each byte mapping to itself; only the characters after it go one by one.
            let run = plain_ascii_run(&original.as_bytes()[pos..end]);
            if run > 0 {
                self.out.text.push_str(&original[pos..pos + run]);
                self.out.map.extend((pos..pos + run).map(|i| i as u32));
                self.out
                    .map_end
                    .extend((pos + 1..=pos + run).map(|i| i as u32));
                pos += run;
            }
            let next = pos + plain_run_or_end(&original.as_bytes()[pos..end]);
            self.push_chars(pos, next);
            pos = next;
        }
    }

    /// Append `original[start..end]` character by character, normalising each.
    fn push_chars(&mut self, start: usize, end: usize) {
        let original = self.original;
        let slice = &original[start..end];
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let from = start + i;
            let to = from + c.len_utf8();
            match c {
                '\r' => {
                    if iter.peek().map(|&(_, n)| n) != Some('\n') {
                        self.emit("\n", from, to);
                    }
                }
                '\u{feff}' | '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {}
                '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                    self.emit(" ", from, to)
                }
                '\u{2028}' | '\u{2029}' => self.emit("\n", from, to),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
                | '\u{2033}' | '\u{ff02}' => self.emit("\"", from, to),
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2039}' | '\u{203a}'
                | '\u{2032}' | '\u{02bc}' => self.emit("'", from, to),
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => {
                    self.emit("-", from, to)
                }
                '\u{2014}' | '\u{2015}' => self.emit("--", from, to),
                '\u{2026}' => self.emit("...", from, to),
                '\t' => self.emit(" ", from, to),
                _ => {
                    let mut buf = [0u8; 4];
                    self.emit(c.encode_utf8(&mut buf), from, to)
                }
            }
        }
    }

    /// Append synthetic text (e.g. a paragraph break between Markdown blocks) that stands for
    /// the zero-width position `at` of the original.
    pub fn push_synthetic(&mut self, s: &str, at: usize) {
        self.emit(s, at, at);
    }

    /// Make the normalised span `start..end` map to the whole original span
    /// `orig_start..orig_end` at its edges (used for Markdown links, so that a span ending on a
    /// link's text ends after its `](url)`).
    pub fn stretch(&mut self, start: usize, end: usize, orig_start: usize, orig_end: usize) {
        if start >= end || end > self.out.text.len() {
            return;
        }
        let first_len = self.out.text[start..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        for i in start..start + first_len {
            self.out.map[i] = orig_start as u32;
        }
        let last_len = self.out.text[..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        for i in end - last_len..end {
            self.out.map_end[i] = orig_end as u32;
        }
    }

    /// The finished text, its map closed with the original offset of its end.
    pub fn finish(mut self) -> Normalized {
        let end = self.original.len() as u32;
        let last = self.out.map_end.last().copied().unwrap_or(end);
        self.out
            .map
            .push(last.max(self.out.map.last().copied().unwrap_or(0)));
        self.out
    }
}

/// Normalise a whole plain-text document.
pub fn normalize(original: &str) -> Normalized {
    let mut b = Builder::new(original);
    b.push_range(0, original.len());
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain-ASCII fast path of `push_range` builds exactly what the character-by-character
    /// path builds: the same text and the same maps, for whole texts and for pieces of them.
    #[test]
    fn the_ascii_fast_path_agrees_with_the_character_path() {
        let texts = [
            "Plain words only.",
            "Line one\r\nline two\rline three\r",
            "\r\n\r\n\tTabbed “quote”—dash… it’s\u{a0}fine\u{200b}.\r",
            "é\r\nà\r\u{2028}x\u{feff}y\t\r\n",
            "",
        ];
        for text in texts {
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &a in &cuts {
                for &b in cuts.iter().filter(|&&b| b >= a) {
                    let mut fast = Builder::new(text);
                    fast.push_range(a, b);
                    let mut slow = Builder::new(text);
                    slow.push_chars(a, b);
                    let (fast, slow) = (fast.finish(), slow.finish());
                    assert_eq!(fast.text, slow.text, "{text:?}[{a}..{b}]");
                    assert_eq!(fast.map, slow.map, "{text:?}[{a}..{b}]");
                    assert_eq!(fast.map_end, slow.map_end, "{text:?}[{a}..{b}]");
                }
            }
        }
    }

    #[test]
    fn curly_quotes_dashes_and_ellipses_are_normalised() {
        let n = normalize("“Yes—no…” it’s\u{a0}fine");
        assert_eq!(n.text(), "\"Yes--no...\" it's fine");
    }

    #[test]
    fn spans_map_back_to_exact_original_bytes() {
        let original = "He said “Russia… must”.";
        let n = normalize(original);
        let start = n.text().find("Russia").unwrap();
        let end = n.text().find("must").unwrap() + 4;
        assert_eq!(
            &original[n.orig_start(start)..n.orig_end(end)],
            "Russia… must"
        );
        // A span ending inside an expansion still ends on a character boundary.
        let dots = n.text().find("...").unwrap();
        assert_eq!(&original[n.orig_start(dots)..n.orig_end(dots + 1)], "…");
    }

    #[test]
    fn crlf_becomes_lf_and_bom_vanishes() {
        let original = "\u{feff}a\r\nb\rc";
        let n = normalize(original);
        assert_eq!(n.text(), "a\nb\nc");
        assert_eq!(n.orig_start(0), 3);
        assert_eq!(n.from_orig(3), 0);
    }
}
