//! Aligning a quote with a bounded stretch of source words: a semi-global word edit distance
//! (the quote must be matched whole, the stretch of source may start and end anywhere), where
//! an omission may skip any number of source words and an editorial insertion up to
//! [`MAX_INSERTION`](super::normalize::MAX_INSERTION), both at no cost.
//!
//! A small problem (at most [`FULL_CELLS`] cells) is solved whole. A larger one is solved in a
//! band: the words [`super::search`] found in common (its anchors) are chained in order, and
//! each quote word is compared only with the source words within [`BAND`] words of a diagonal
//! through the anchors around it (wider where an omission lies between two anchors, never
//! wider than [`MAX_ROW`]). Time and memory are then linear in the quote's length, whatever the
//! stretch; a long quote that drifts further than the band from every anchor only costs more
//! edits than it would in a full alignment.

use super::diff::{DiffKind, DiffPart};
use super::normalize::{Piece, Word, MAX_INSERTION};

/// Largest problem (quote pieces × stretch words) aligned without a band.
pub const FULL_CELLS: usize = 1 << 22;
/// Source words either side of an anchor's diagonal compared with each quote word.
pub const BAND: usize = 64;
/// Widest row of a banded alignment, in source words.
pub const MAX_ROW: usize = 2 * BAND + 512;

const INF: u32 = u32::MAX / 2;
// A cell's step back: one of these, or the column an omission or insertion skipped from.
const DIAG: u32 = u32::MAX;
const UP: u32 = u32::MAX - 1;
const LEFT: u32 = u32::MAX - 2;

/// The best alignment of a quote with part of a stretch of words.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Word edits needed: 0 when the quote is verbatim (after normalisation).
    pub cost: u32,
    /// Source words matched, as a range of indices into the stretch.
    pub from: usize,
    /// Index into the stretch just past the last source word matched (the range's end,
    /// exclusive).
    pub to: usize,
    /// Quote words equal to their source word.
    pub same: usize,
    /// The word diff between quote and matched words, in reading order, neighbouring parts of
    /// one kind merged.
    pub diff: Vec<DiffPart>,
}

/// Align `pieces` (of `quote`) with `words` (of `text`), comparing every piece with every word.
pub fn align(quote: &str, pieces: &[Piece], text: &str, words: &[Word]) -> Option<Alignment> {
    align_near(quote, pieces, text, words, &[])
}

/// Align `pieces` with `words` near `anchors`: `(piece, word)` index pairs known to be equal.
/// Without anchors, or when the problem is small, every piece is compared with every word.
pub fn align_near(
    quote: &str,
    pieces: &[Piece],
    text: &str,
    words: &[Word],
    anchors: &[(usize, usize)],
) -> Option<Alignment> {
    let n = pieces.len();
    let m = words.len();
    if n == 0 {
        return None;
    }
    let problem = Problem {
        quote,
        pieces,
        text,
        words,
    };
    let table = problem.fill(bands(n, m, anchors));
    let (lo, _) = table.band[n];
    let last = &table.last;
    let cost = *last.iter().min()?;
    if cost >= INF {
        return None;
    }
    // A verbatim match: the first. Otherwise the end that explains the most quote words by
    // source words (substitutions rather than words missing from the source).
    let to = lo
        + if cost == 0 {
            last.iter().position(|&v| v == 0)?
        } else {
            last.iter().rposition(|&v| v == cost)?
        };
    let path = problem.trace(&table, to)?;
    Some(Alignment {
        cost,
        from: path.from,
        to,
        same: path.same,
        diff: super::diff::merge(path.parts),
    })
}

/// The quote and the stretch of source being aligned.
struct Problem<'a> {
    quote: &'a str,
    pieces: &'a [Piece],
    text: &'a str,
    words: &'a [Word],
}

/// The filled table of an alignment: row i (0..=n) after the first i pieces of the quote.
struct Table {
    /// Row i's cells are columns `band[i].0..=band[i].1`.
    band: Vec<(usize, usize)>,
    /// Where row i's steps start in `step`.
    offset: Vec<usize>,
    /// Each cell's step back.
    step: Vec<u32>,
    /// The costs of the last row.
    last: Vec<u32>,
}

/// The alignment traced back from its end.
struct Path {
    /// The source word it starts at.
    from: usize,
    /// Quote words equal to their source word.
    same: usize,
    /// The edits, in order.
    parts: Vec<DiffPart>,
}

impl Problem<'_> {
    /// Compute the rows of the table within `band`, keeping every cell's step and the costs of
    /// the last row.
    fn fill(&self, band: Vec<(usize, usize)>) -> Table {
        let n = self.pieces.len();
        // Row i's cells are columns band[i].0..=band[i].1; their steps start at offset[i].
        let mut offset = Vec::with_capacity(n + 1);
        let mut total = 0usize;
        for &(lo, hi) in &band {
            offset.push(total);
            total += hi + 1 - lo;
        }
        let mut step = vec![0u32; total];
        let (lo0, hi0) = band[0];
        let mut prev: Vec<u32> = vec![0; hi0 + 1 - lo0];
        let mut cur: Vec<u32> = Vec::new();
        // Prefix minimum of the previous row, for omissions: (value, column), latest on ties.
        let mut pmin: Vec<(u32, usize)> = Vec::new();
        for i in 1..=n {
            let (plo, phi) = band[i - 1];
            let (lo, hi) = band[i];
            let row = Row {
                prev: &prev,
                plo,
                phi,
                lo,
                hi,
            };
            cur.clear();
            let st = &mut step[offset[i]..offset[i] + (hi + 1 - lo)];
            match &self.pieces[i - 1] {
                Piece::Word(q) => row.word(q, self.words, &mut cur, st),
                Piece::Omission => row.omission(&mut pmin, &mut cur, st),
                Piece::Insertion { .. } => row.insertion(&mut cur, st),
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        Table {
            band,
            offset,
            step,
            last: prev,
        }
    }

    /// Trace the alignment back from column `to` of the last row; `None` when a step leads
    /// out of the band.
    fn trace(&self, table: &Table, to: usize) -> Option<Path> {
        let (quote, pieces, text, words) = (self.quote, self.pieces, self.text, self.words);
        let mut parts: Vec<DiffPart> = Vec::new();
        let (mut i, mut j) = (pieces.len(), to);
        let mut same = 0;
        while i > 0 {
            let (lo, hi) = table.band[i];
            if j < lo || j > hi {
                // Not reachable from a finite cell; no alignment rather than a wrong one.
                return None;
            }
            match table.step[table.offset[i] + j - lo] {
                DIAG => {
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
                UP => {
                    let q = pieces[i - 1].word().map_or("", |x| &quote[x.start..x.end]);
                    parts.push(DiffPart::new(DiffKind::Quote, q));
                    i -= 1;
                }
                LEFT => {
                    parts.push(DiffPart::new(
                        DiffKind::Source,
                        &text[words[j - 1].start..words[j - 1].end],
                    ));
                    j -= 1;
                }
                k => {
                    let k = (k as usize).min(j);
                    match &pieces[i - 1] {
                        Piece::Insertion { start, end } => {
                            parts.push(DiffPart::new(DiffKind::Inserted, &quote[*start..*end]))
                        }
                        _ => {
                            let skipped: Vec<&str> =
                                words[k..j].iter().map(|x| &text[x.start..x.end]).collect();
                            parts.push(DiffPart::new(DiffKind::Omitted, &skipped.join(" ")))
                        }
                    }
                    i -= 1;
                    j = k;
                }
            }
        }
        parts.reverse();
        Some(Path {
            from: j,
            same,
            parts,
        })
    }
}

/// One row of the table, computed from the row before.
struct Row<'p> {
    /// The previous row's costs, for columns `plo..=phi`.
    prev: &'p [u32],
    plo: usize,
    phi: usize,
    /// This row's columns: `lo..=hi`.
    lo: usize,
    hi: usize,
}

impl Row<'_> {
    /// The previous row's cost at column `j`; infinite outside its band.
    fn get(&self, j: usize) -> u32 {
        if j >= self.plo && j <= self.phi {
            self.prev[j - self.plo]
        } else {
            INF
        }
    }

    /// The row of quote word `q`: matched or substituted (diagonal), missing from the source
    /// (up), or a source word the quote lacks (left). Costs go to `cur`, steps to `st`.
    fn word(&self, q: &Word, words: &[Word], cur: &mut Vec<u32>, st: &mut [u32]) {
        let lo = self.lo;
        for j in lo..=self.hi {
            let up = (self.get(j) + 1).min(INF);
            let (v, s) = if j == 0 {
                (up, UP)
            } else {
                let sub = (self.get(j - 1) + u32::from(q.norm != words[j - 1].norm)).min(INF);
                let left = if j > lo {
                    (cur[j - 1 - lo] + 1).min(INF)
                } else {
                    INF
                };
                if sub <= up && sub <= left {
                    (sub, DIAG)
                } else if up <= left {
                    (up, UP)
                } else {
                    (left, LEFT)
                }
            };
            cur.push(v);
            st[j - lo] = s;
        }
    }

    /// The row of an omission: any number of words, a running minimum of the previous row
    /// (ties: the latest, skipping fewest), kept in `pmin`.
    fn omission(&self, pmin: &mut Vec<(u32, usize)>, cur: &mut Vec<u32>, st: &mut [u32]) {
        let (plo, phi) = (self.plo, self.phi);
        pmin.clear();
        let (mut best, mut at) = (u32::MAX, plo);
        for (k, &v) in self.prev.iter().enumerate() {
            if v <= best {
                best = v;
                at = plo + k;
            }
            pmin.push((best, at));
        }
        for j in self.lo..=self.hi {
            let (v, at) = if j < plo {
                (INF, j)
            } else {
                pmin[j.min(phi) - plo]
            };
            cur.push(v.min(INF));
            st[j - self.lo] = at as u32;
        }
    }

    /// The row of an editorial insertion: it stands for up to [`MAX_INSERTION`] source words.
    fn insertion(&self, cur: &mut Vec<u32>, st: &mut [u32]) {
        let (plo, phi) = (self.plo, self.phi);
        for j in self.lo..=self.hi {
            let from = j.saturating_sub(MAX_INSERTION).max(plo);
            let (mut best, mut at) = (INF, j);
            // Prefer skipping the fewest words.
            for k in (from..=j.min(phi)).rev() {
                let v = self.prev[k - plo];
                if v < best {
                    best = v;
                    at = k;
                }
            }
            cur.push(best);
            st[j - self.lo] = at as u32;
        }
    }
}

/// The columns of each row (0..=n) to compute: all of them for a small problem or without
/// anchors, else a band around the chain of anchors.
fn bands(n: usize, m: usize, anchors: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if anchors.is_empty() || (n + 1).saturating_mul(m + 1) <= FULL_CELLS {
        return vec![(0, m); n + 1];
    }
    // Anchors as cells (row = piece + 1, column = word + 1).
    let chain = chain(anchors.iter().map(|&(p, w)| (p + 1, w + 1)));
    let mut out = Vec::with_capacity(n + 1);
    let mut next = 0;
    for i in 0..=n {
        while next < chain.len() && chain[next].0 <= i {
            next += 1;
        }
        // The diagonal through the anchor before this row, and the one through the anchor after.
        let before = next.checked_sub(1).map(|k| {
            let (r, c) = chain[k];
            c as i64 + (i - r) as i64
        });
        let after = chain.get(next).map(|&(r, c)| c as i64 - (r - i) as i64);
        let (a, b) = match (before, after) {
            (Some(x), Some(y)) => (x.min(y), x.max(y)),
            (Some(x), None) | (None, Some(x)) => (x, x),
            (None, None) => (0, m as i64),
        };
        let (mut lo, mut hi) = (a - BAND as i64, b + BAND as i64);
        if hi - lo > MAX_ROW as i64 {
            // Too far apart to cover both: keep to the nearer anchor.
            let near = match (before, after) {
                (Some(x), Some(y)) => {
                    let since = i - chain[next - 1].0;
                    let until = chain[next].0 - i;
                    if since <= until {
                        x
                    } else {
                        y
                    }
                }
                _ => a,
            };
            (lo, hi) = (near - BAND as i64, near + BAND as i64);
        }
        let lo = lo.clamp(0, m as i64) as usize;
        let hi = hi.clamp(0, m as i64) as usize;
        out.push((lo, hi.max(lo)));
    }
    out
}

/// The longest chain of cells increasing in both row and column (the anchors that agree with
/// each other), in order; O(h log h) for h cells.
fn chain(cells: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut cells: Vec<(usize, usize)> = cells.collect();
    // Rows ascending, columns descending within a row, so a row gives at most one cell.
    cells.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    cells.dedup();
    // tails[k]: index of the cell ending the best chain of length k + 1 (smallest column).
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; cells.len()];
    for (x, &(_, c)) in cells.iter().enumerate() {
        let k = tails.partition_point(|&t| cells[t].1 < c);
        back[x] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(x);
        } else {
            tails[k] = x;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(x) = at {
        out.push(cells[x]);
        at = back[x];
    }
    out.reverse();
    out
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
    fn a_long_quote_is_aligned_in_a_band_with_the_full_result() {
        // Words unique enough that anchors are exact; one word changed, one omitted.
        let source: Vec<String> = (0..3_000).map(|i| format!("w{}", i * 7 % 2_003)).collect();
        let mut quote: Vec<String> = source[500..2_000].to_vec();
        quote[700] = "changed".into();
        quote.remove(1_000);
        let (q, t) = (quote.join(" "), source.join(" "));
        let (pieces, ws) = (quote_pieces(&q), words(&t));
        assert!((pieces.len() + 1) * (ws.len() + 1) > FULL_CELLS);
        let anchors: Vec<(usize, usize)> = (0..pieces.len())
            .step_by(50)
            .map(|p| (p, 500 + p + usize::from(p >= 1_000)))
            .collect();
        let banded = align_near(&q, &pieces, &t, &ws, &anchors).unwrap();
        assert_eq!(banded.cost, 2);
        assert_eq!((banded.from, banded.to), (500, 2_000));
        assert_eq!(banded, align(&q, &pieces, &t, &ws).unwrap());
    }

    #[test]
    fn the_anchor_chain_keeps_the_longest_agreeing_run() {
        let c = chain([(1, 1), (2, 50), (3, 3), (4, 4), (4, 2), (5, 0)].into_iter());
        assert_eq!(c, vec![(1, 1), (3, 3), (4, 4)]);
    }

    #[test]
    fn a_substitution_costs_one() {
        let a = run("we must stop now", "we must act now");
        assert_eq!(a.cost, 1);
        assert_eq!(a.same, 3);
    }
}
