//! Aligning a quote with a bounded stretch of source words: a semi-global word edit distance
//! (the quote must be matched whole, the stretch of source may start and end anywhere), where
//! an omission may skip any number of source words and an editorial insertion up to
//! [`MAX_INSERTION`](super::normalize::MAX_INSERTION), both at no cost.
//!
//! Cost is O(quote words × stretch words); [`super::search`] keeps both bounded.

use super::diff::{DiffKind, DiffPart};
use super::normalize::{Piece, Word, MAX_INSERTION};

/// The best alignment of a quote with part of a stretch of words.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Word edits needed: 0 when the quote is verbatim (after normalisation).
    pub cost: u32,
    /// Source words matched, as a range of indices into the stretch.
    pub from: usize,
    pub to: usize,
    /// Quote words equal to their source word.
    pub same: usize,
    pub diff: Vec<DiffPart>,
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Start,
    Diag,
    Up,
    Left,
    Skip(usize),
}

/// Align `pieces` (of `quote`) with `words` (of `text`).
pub fn align(quote: &str, pieces: &[Piece], text: &str, words: &[Word]) -> Option<Alignment> {
    let n = pieces.len();
    let m = words.len();
    if n == 0 {
        return None;
    }
    let w = m + 1;
    let mut d = vec![0u32; (n + 1) * w];
    let mut step = vec![Step::Start; (n + 1) * w];
    for i in 1..=n {
        let (prev, cur) = d.split_at_mut(i * w);
        let prev = &prev[(i - 1) * w..];
        let cur = &mut cur[..w];
        let st = &mut step[i * w..(i + 1) * w];
        match &pieces[i - 1] {
            Piece::Word(q) => {
                cur[0] = prev[0] + 1;
                st[0] = Step::Up;
                for j in 1..=m {
                    let sub = prev[j - 1] + u32::from(q.norm != words[j - 1].norm);
                    let up = prev[j] + 1;
                    let left = cur[j - 1] + 1;
                    let (v, s) = if sub <= up && sub <= left {
                        (sub, Step::Diag)
                    } else if up <= left {
                        (up, Step::Up)
                    } else {
                        (left, Step::Left)
                    };
                    cur[j] = v;
                    st[j] = s;
                }
            }
            Piece::Omission => {
                // Any number of words: a running minimum (ties: the latest, skipping fewest).
                let (mut best, mut at) = (u32::MAX, 0);
                for j in 0..=m {
                    if prev[j] <= best {
                        best = prev[j];
                        at = j;
                    }
                    cur[j] = best;
                    st[j] = Step::Skip(at);
                }
            }
            Piece::Insertion { .. } => {
                for j in 0..=m {
                    let lo = j.saturating_sub(MAX_INSERTION);
                    let (mut best, mut at) = (u32::MAX, j);
                    // Prefer skipping the fewest words.
                    for (k, &v) in prev.iter().enumerate().take(j + 1).skip(lo).rev() {
                        if v < best {
                            best = v;
                            at = k;
                        }
                    }
                    cur[j] = best;
                    st[j] = Step::Skip(at);
                }
            }
        }
    }
    let last = &d[n * w..];
    let cost = *last.iter().min()?;
    // A verbatim match: the first. Otherwise the end that explains the most quote words by
    // source words (substitutions rather than words missing from the source).
    let to = if cost == 0 {
        last.iter().position(|&v| v == 0)?
    } else {
        last.iter().rposition(|&v| v == cost)?
    };
    // Trace back.
    let mut parts: Vec<DiffPart> = Vec::new();
    let (mut i, mut j) = (n, to);
    let mut same = 0;
    while i > 0 {
        match step[i * w + j] {
            Step::Diag => {
                let q = pieces[i - 1].word().map_or("", |x| &quote[x.start..x.end]);
                let s = &text[words[j - 1].start..words[j - 1].end];
                if pieces[i - 1].word().map(|x| &x.norm) == Some(&words[j - 1].norm) {
                    same += 1;
                    parts.push(DiffPart::new(DiffKind::Same, q));
                } else {
                    parts.push(DiffPart::new(DiffKind::Quote, q));
                    parts.push(DiffPart::new(DiffKind::Source, s));
                }
                i -= 1;
                j -= 1;
            }
            Step::Up => {
                let q = pieces[i - 1].word().map_or("", |x| &quote[x.start..x.end]);
                parts.push(DiffPart::new(DiffKind::Quote, q));
                i -= 1;
            }
            Step::Left => {
                parts.push(DiffPart::new(
                    DiffKind::Source,
                    &text[words[j - 1].start..words[j - 1].end],
                ));
                j -= 1;
            }
            Step::Skip(k) => {
                let skipped: Vec<&str> =
                    words[k..j].iter().map(|x| &text[x.start..x.end]).collect();
                match &pieces[i - 1] {
                    Piece::Insertion { start, end } => {
                        parts.push(DiffPart::new(DiffKind::Inserted, &quote[*start..*end]))
                    }
                    _ => parts.push(DiffPart::new(DiffKind::Omitted, &skipped.join(" "))),
                }
                i -= 1;
                j = k;
            }
            Step::Start => break,
        }
    }
    parts.reverse();
    Some(Alignment {
        cost,
        from: j,
        to,
        same,
        diff: super::diff::merge(parts),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::normalize::{quote_pieces, words};

    fn run(q: &str, t: &str) -> Alignment {
        align(q, &quote_pieces(q), t, &words(t)).unwrap()
    }

    #[test]
    fn verbatim_costs_nothing_and_finds_the_passage() {
        let t = "so he said that we must act now, and left";
        let a = run("We must act now", t);
        assert_eq!(a.cost, 0);
        assert_eq!((a.from, a.to), (4, 8));
    }

    #[test]
    fn an_omission_skips_words_for_free() {
        let a = run("we must… act now", "we must, if we can, act now");
        assert_eq!(a.cost, 0);
        assert!(a
            .diff
            .iter()
            .any(|p| p.kind == DiffKind::Omitted && p.text == "if we can"));
    }

    #[test]
    fn an_insertion_stands_for_a_few_words_or_none() {
        assert_eq!(run("[Moscow] wants peace", "Russia wants peace").cost, 0);
        assert_eq!(run("it [really] works", "it works").cost, 0);
        // Not for a whole paragraph.
        let long = format!("it {} works", "x ".repeat(MAX_INSERTION + 3));
        assert!(run("it [really] works", &long).cost > 0);
    }

    #[test]
    fn a_substitution_costs_one() {
        let a = run("we must stop now", "we must act now");
        assert_eq!(a.cost, 1);
        assert_eq!(a.same, 3);
    }
}
