//! Footnotes and endnotes that no heading introduces: which blocks they are, their numbers,
//! and the span of each cited work within a note.

use crate::article::{Article, BlockKind, Marker};
use regex::Regex;
use std::sync::OnceLock;

/// The footnote number of a block, if it opens with one (`1. `, `1\. `, `12 ` before a capital,
/// `[^3]: `).
fn note_number(article: &Article, k: usize) -> Option<u32> {
    let b = &article.layout.blocks[k];
    if let Some(Marker::Numbered(n) | Marker::BareNumber(n)) = b.marker {
        return Some(n);
    }
    let text = article.text();
    if let Some((Marker::Numbered(n) | Marker::BareNumber(n), _)) =
        crate::article::layout::list_marker(&text[b.start..b.end])
    {
        return Some(n);
    }
    // A Markdown footnote definition: the label stands before the block in the original.
    let (os, _) = article.original_span(b.start, b.end);
    let line_start = article.original[..os].rfind('\n').map_or(0, |p| p + 1);
    let head = article.original[line_start..os].trim();
    let label = head.strip_prefix("[^")?.strip_suffix("]:")?;
    label.parse().ok()
}

/// Is there a thematic break (`* * *`, `---`, `___`) in the original between two blocks?
fn break_between(article: &Article, prev_end: usize, next_start: usize) -> bool {
    let (_, a) = article.original_span(prev_end, prev_end);
    let (b, _) = article.original_span(next_start, next_start);
    article.original.get(a..b.max(a)).is_some_and(|gap| {
        gap.lines().any(|l| {
            let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            t.len() >= 3
                && (t.chars().all(|c| c == '*')
                    || t.chars().all(|c| c == '-')
                    || t.chars().all(|c| c == '_'))
        })
    })
}

/// Footnote numbers glued to the end of a sentence ("in 1969.1", "agreed.”12") or given as
/// anchor links (`[3](#fn3)`), as a set.
fn body_markers(article: &Article) -> std::collections::HashSet<u32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r#"[\p{Ll}\p{Lu}.,;:)"”’%](\d{1,3})(?:\s|$)|\]\((?:#fn|#footnote|#note|#ref)[\w-]*\)"#,
        )
        .expect("static regex")
    });
    let mut out = std::collections::HashSet::new();
    for c in re.captures_iter(&article.original) {
        if let Some(n) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
            out.insert(n);
        }
    }
    for l in &article.layout.links {
        if let Some(n) = l.url.strip_prefix('#').and_then(|f| {
            f.trim_start_matches(|c: char| c.is_alphabetic() || c == '-' || c == '_')
                .parse()
                .ok()
        }) {
            out.insert(n);
        }
    }
    out
}

/// Blocks that are footnotes or endnotes without a heading, with their numbers: a run of
/// numbered blocks counting up from 1 after a thematic break, or closing the article when the
/// text carries footnote markers; Markdown footnote definitions; and, in text taken from a PDF,
/// a block opening with a bare number that a sentence of the body carries as its marker.
pub fn note_blocks(article: &Article) -> Vec<Option<u32>> {
    let blocks = &article.layout.blocks;
    let mut out = vec![None; blocks.len()];
    let numbers: Vec<Option<u32>> = (0..blocks.len())
        .map(|k| {
            (article.furniture[k].is_none() && blocks[k].kind != BlockKind::Heading)
                .then(|| note_number(article, k))
                .flatten()
        })
        .collect();
    if numbers.iter().all(Option::is_none) {
        return out;
    }
    let markers = body_markers(article);
    let mut k = 0;
    while k < blocks.len() {
        if numbers[k] != Some(1) {
            k += 1;
            continue;
        }
        // The run of notes 1, 2, 3 … (furniture in between is skipped).
        let mut run = vec![k];
        let mut want = 2;
        let mut j = k + 1;
        while j < blocks.len() {
            if article.furniture[j].is_some() {
                j += 1;
                continue;
            }
            if numbers[j] == Some(want) {
                run.push(j);
                want += 1;
                j += 1;
            } else {
                break;
            }
        }
        let after_break = k > 0 && break_between(article, blocks[k - 1].end, blocks[k].start);
        let closes = (j..blocks.len()).all(|x| {
            article.furniture[x].is_some()
                || article.text()[blocks[x].body..blocks[x].end]
                    .split_whitespace()
                    .count()
                    <= 6
        });
        let marked = run
            .iter()
            .filter(|&&b| numbers[b].is_some_and(|n| markers.contains(&n)))
            .count()
            * 2
            >= run.len();
        if after_break || (closes && marked) {
            for &b in &run {
                out[b] = numbers[b];
            }
        }
        k = j.max(k + 1);
    }
    for k in 0..blocks.len() {
        if out[k].is_some() {
            continue;
        }
        let pdf_note =
            matches!(blocks[k].marker, Some(Marker::BareNumber(n)) if markers.contains(&n));
        let md_note = blocks[k].marker.is_none()
            && numbers[k].is_some()
            && crate::article::layout::list_marker(&article.text()[blocks[k].start..blocks[k].end])
                .is_none();
        if pdf_note || md_note {
            out[k] = numbers[k];
        }
    }
    out
}

/// A note's own text: without its number and without a trailing "Return to text" link.
pub(super) fn note_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let body = &text[start..end];
    let skip = crate::article::layout::list_marker(body).map_or(0, |(_, len)| len);
    let mut e = end;
    let t = text[start + skip..e].trim_end();
    for tail in ["Return to text", "Back to text", "Return to top", "↩", "^"] {
        if let Some(head) = t.strip_suffix(tail) {
            e = start + skip + head.trim_end().len();
            break;
        }
    }
    (start + skip, e.max(start + skip))
}

/// A note citing two works gives two spans: works joined by "; and" when each names its
/// authors and year (`…, April 17; and Max Doe (2024), "…"`).
pub(super) fn split_works(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"; and (?:see )?\p{Lu}[\p{L}.'-]*(?:,? (?:and )?\p{Lu}[\p{L}.'-]*){0,12} \(\d{4}[a-z]?\)")
            .expect("static regex")
    });
    let note = &text[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    for m in re.find_iter(note) {
        // Not inside a quoted title.
        let quotes = note[..m.start()].matches(['"', '“', '”']).count();
        if quotes % 2 == 1 {
            continue;
        }
        out.push((start + from, start + m.start()));
        from = m.start() + "; and ".len();
    }
    out.push((start + from, end));
    out
}

#[cfg(test)]
mod tests {
    use super::super::{find_entries, Fields};
    use crate::article::Article;

    fn entries_of(src: &str, format: crate::article::Format) -> Vec<(String, Option<u32>, Fields)> {
        let a = Article::from_text("n.txt", src.to_string(), format);
        let entries = find_entries(&a).entries;
        entries
            .into_iter()
            .map(|e| {
                let (os, oe) = a.original_span(e.start, e.end);
                (a.original[os..oe].to_string(), e.number, e.fields)
            })
            .collect()
    }

    #[test]
    fn notes_after_a_thematic_break_need_no_heading() {
        let src = "# Remarks on rivers\n\nThe river rose in spring.[1](#fn1 \"footnote 1\") It fell in autumn.[2](#fn2 \"footnote 2\")\n\n* * *\n\n1\\. The views are mine alone. [Return to text](#f1)\n\n2\\. See Mara Quill (2019), \"Flood Cycles,\" _Journal of River Studies,_ vol. 3, pp. 1-9; and Tomas Reed and Ana Bell (2021), \"Dry Seasons (PDF),\" Working Paper 12 (Leeds: Northfield Water Institute, May). [Return to text](#f2)\n";
        let got = entries_of(src, crate::article::Format::Markdown);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert_eq!(got[0].0, "The views are mine alone.");
        assert_eq!(got[0].1, Some(1));
        assert!(
            got[1].0.starts_with("See Mara Quill (2019)"),
            "{}",
            got[1].0
        );
        assert!(got[1].0.ends_with("pp. 1-9"), "{}", got[1].0);
        assert_eq!(got[1].2.outlet.as_deref(), Some("Journal of River Studies"));
        assert_eq!(got[1].2.author.as_deref(), Some("Mara Quill"));
        assert_eq!(got[1].2.year, Some(2019));
        assert!(got[2].0.starts_with("Tomas Reed and Ana Bell (2021)"));
        assert_eq!(
            got[2].2.outlet.as_deref(),
            Some("Northfield Water Institute")
        );
        assert_eq!(got[2].2.title.as_deref(), Some("Dry Seasons (PDF)"));
    }

    #[test]
    fn pdf_notes_with_glued_markers_and_closing_note_lists() {
        let src = "The canal opened in 1911.1 Trade doubled within a decade.2\n\n1 Elsa Marr, “Canal Days,” Harbour Gazette, May 2, 1911, p. 4.\n\n2 Port Authority of Velm, “Annual Trade Figures,” https://velm.example/trade.\n";
        let got = entries_of(src, crate::article::Format::Text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].2.outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(got[1].1, Some(2));
        // A numbered list in the body, with no markers pointing at it, stays body text.
        let plain = "The plan has steps.\n\n1. Dig the trench.\n\n2. Lay the pipe.\n";
        assert!(entries_of(plain, crate::article::Format::Text).is_empty());
    }

    #[test]
    fn markdown_footnote_definitions_are_notes() {
        let src = "The bridge closed.[^1]\n\n[^1]: Harlow Evening Post, \"Bridge shut for repairs,\" March 3, 2022.\n";
        let got = entries_of(src, crate::article::Format::Markdown);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].1, Some(1));
        assert_eq!(got[0].2.title.as_deref(), Some("Bridge shut for repairs"));
    }
}
