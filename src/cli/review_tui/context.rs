//! The passage of the article around a claim: the sentence it stands in, and one sentence
//! either side when they are in the same paragraph, with white space made single spaces.

/// A claim in its context, ready to be shown: `before` + `focus` + `after`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    pub before: String,
    pub focus: String,
    pub after: String,
}

/// Byte offsets just after each sentence end in `text[from..to]` (absolute offsets) but the
/// last, by the one sentence splitter.
fn sentence_ends(text: &str, from: usize, to: usize) -> Vec<usize> {
    let sentences = dossier::util::sentences::split(text, from, to, &[]);
    let ends = sentences.iter().map(|s| s.end);
    ends.take(sentences.len().saturating_sub(1)).collect()
}

/// The paragraph (bounded by blank lines) holding `start..end`.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    let para_start = text[..start].rfind("\n\n").map_or(0, |p| p + 2);
    let para_end = text[end..].find("\n\n").map_or(text.len(), |p| end + p);
    (para_start, para_end.max(end))
}

/// Collapse runs of white space into one space (kept at either end: it separates the claim
/// from its context).
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The passage around bytes `start..end` of `text`. Offsets that do not fall on character
/// boundaries inside the text (a hand-edited claim file) give `None`.
pub fn passage(text: &str, start: usize, end: usize) -> Option<Passage> {
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let (ps, pe) = paragraph(text, start, end);
    let ends = sentence_ends(text, ps, pe);
    // Sentence boundaries before the claim, nearest last; and after it, nearest first.
    let before: Vec<usize> = ends.iter().copied().filter(|&e| e <= start).collect();
    let after: Vec<usize> = ends.iter().copied().filter(|&e| e >= end).collect();
    // One sentence of context either side, within the paragraph.
    let from = before
        .len()
        .checked_sub(2)
        .map_or(ps, |i| before[i])
        .max(ps);
    let to = after.get(1).copied().unwrap_or(pe).min(pe);
    let before_text = squash(&text[from..start]);
    let after_text = squash(&text[end..to]);
    Some(Passage {
        before: before_text.trim_start().to_string(),
        focus: squash(&text[start..end]).trim().to_string(),
        after: after_text.trim_end().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, claim: &str) -> Passage {
        let start = text.find(claim).unwrap();
        passage(text, start, start + claim.len()).unwrap()
    }

    #[test]
    fn one_sentence_either_side_within_the_paragraph() {
        let text = "Title\n\nFirst one. Second one. The council voted 7 to 2. Fourth one. Fifth.\n\nNext paragraph.";
        let p = around(text, "The council voted 7 to 2.");
        assert_eq!(p.before, "Second one. ");
        assert_eq!(p.focus, "The council voted 7 to 2.");
        assert_eq!(p.after, " Fourth one.");
    }

    #[test]
    fn a_quote_keeps_its_marks_and_attribution() {
        let text =
            "He spoke.\n\n“We had no other way,” Mayor Berg said. Then he left.\nFor good.\n\nEnd.";
        let p = around(text, "We had no other way,");
        assert_eq!(p.before, "“");
        assert_eq!(p.after, "” Mayor Berg said. Then he left.");
    }

    #[test]
    fn an_abbreviation_does_not_cut_the_sentence_before() {
        let text = "Intro.\n\nShe met Dr. Berg in St. Ives. The ferry stopped at midnight. End.";
        let p = around(text, "The ferry stopped at midnight.");
        assert_eq!(p.before, "She met Dr. Berg in St. Ives. ");
        assert_eq!(p.after, " End.");
    }

    #[test]
    fn white_space_is_squashed_and_paragraphs_bound_the_passage() {
        let text = "Intro.\n\nA claim\nwrapped  over lines\n\nOther.";
        let p = around(text, "A claim\nwrapped  over lines");
        assert_eq!(p.focus, "A claim wrapped over lines");
        assert_eq!((p.before.as_str(), p.after.as_str()), ("", ""));
    }

    #[test]
    fn bad_offsets_give_nothing() {
        assert_eq!(passage("abc", 2, 9), None);
        assert_eq!(passage("é", 1, 2), None);
        assert_eq!(passage("abc", 2, 1), None);
    }
}
