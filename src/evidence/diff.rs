//! Word diffs between a quote and the passage it was matched to, and their plain-text form.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a part of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DiffKind {
    /// Words the quote and the source share.
    Same,
    /// Words in the source that the quote changed or left out without saying so.
    Source,
    /// Words in the quote that the source does not have.
    Quote,
    /// Source words the quote marks as left out (`…`).
    Omitted,
    /// The writer's `[bracketed]` words.
    Inserted,
}

/// A run of words of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffPart {
    /// Whether the words are shared, the source's, the quote's, omitted or inserted.
    pub kind: DiffKind,
    /// The words as the quote or the source writes them, separated by single spaces (for
    /// [`DiffKind::Omitted`], the source words left out, empty when it stands for none).
    pub text: String,
}

impl DiffPart {
    /// A part of `kind` holding a copy of `text`.
    pub fn new(kind: DiffKind, text: &str) -> DiffPart {
        DiffPart {
            kind,
            text: text.to_string(),
        }
    }
}

/// Join neighbouring parts of one kind, and order each change as source then quote.
pub fn merge(parts: Vec<DiffPart>) -> Vec<DiffPart> {
    // Within a run of changes, put the source words first, then the quote's.
    let mut ordered: Vec<DiffPart> = Vec::with_capacity(parts.len());
    let mut run: Vec<DiffPart> = Vec::new();
    let flush = |run: &mut Vec<DiffPart>, out: &mut Vec<DiffPart>| {
        run.sort_by_key(|p| p.kind != DiffKind::Source);
        out.append(run);
    };
    for p in parts {
        if p.text.is_empty() && p.kind != DiffKind::Omitted {
            continue;
        }
        if matches!(p.kind, DiffKind::Source | DiffKind::Quote) {
            run.push(p);
        } else {
            flush(&mut run, &mut ordered);
            ordered.push(p);
        }
    }
    flush(&mut run, &mut ordered);
    let mut out: Vec<DiffPart> = Vec::with_capacity(ordered.len());
    for p in ordered {
        match out.last_mut() {
            Some(last) if last.kind == p.kind && p.kind != DiffKind::Omitted => {
                last.text.push(' ');
                last.text.push_str(&p.text);
            }
            _ => out.push(p),
        }
    }
    out
}

/// The diff as one line of text: shared words as they are, `[-source words-]`,
/// `{+quote words+}`, `[…]` for an omission and the writer's `[insertions]` as written.
pub fn plain(parts: &[DiffPart]) -> String {
    let pieces: Vec<String> = parts
        .iter()
        .map(|p| match p.kind {
            DiffKind::Same | DiffKind::Inserted => p.text.clone(),
            DiffKind::Source => format!("[-{}-]", p.text),
            DiffKind::Quote => format!("{{+{}+}}", p.text),
            DiffKind::Omitted => "[…]".to_string(),
        })
        .collect();
    pieces.join(" ")
}

/// [`plain`], with long runs of shared words shortened to `context` words on each side of a
/// change (`…` marks what is left out), for one-line messages.
pub fn plain_compact(parts: &[DiffPart], context: usize) -> String {
    let last = parts.len().saturating_sub(1);
    let shortened: Vec<DiffPart> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.kind != DiffKind::Same {
                return p.clone();
            }
            let words: Vec<&str> = p.text.split(' ').collect();
            let keep_head = if i == last { context } else { 0 };
            let keep_tail = if i == 0 { context } else { 0 };
            let (head, tail) = match (i == 0, i == last) {
                (true, true) => return p.clone(),
                (true, false) => (0, keep_tail),
                (false, true) => (keep_head, 0),
                (false, false) => (context, context),
            };
            if words.len() <= head + tail + 1 {
                return p.clone();
            }
            let mut text = words[..head].join(" ");
            if !text.is_empty() {
                text.push(' ');
            }
            text.push('…');
            if tail > 0 {
                text.push(' ');
                text.push_str(&words[words.len() - tail..].join(" "));
            }
            DiffPart::new(DiffKind::Same, &text)
        })
        .collect();
    plain(&shortened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_diffs_keep_context_around_changes() {
        let parts = vec![
            DiffPart::new(DiffKind::Same, "one two three four five six"),
            DiffPart::new(DiffKind::Source, "act"),
            DiffPart::new(DiffKind::Quote, "stop"),
            DiffPart::new(DiffKind::Same, "seven eight nine ten"),
        ];
        assert_eq!(
            plain_compact(&parts, 2),
            "… five six [-act-] {+stop+} seven eight …"
        );
        assert_eq!(plain_compact(&parts, 10), plain(&parts));
    }

    #[test]
    fn changes_read_source_then_quote() {
        let parts = merge(vec![
            DiffPart::new(DiffKind::Same, "we"),
            DiffPart::new(DiffKind::Same, "must"),
            DiffPart::new(DiffKind::Quote, "stop"),
            DiffPart::new(DiffKind::Source, "act"),
            DiffPart::new(DiffKind::Same, "now"),
        ]);
        assert_eq!(plain(&parts), "we must [-act-] {+stop+} now");
    }
}
