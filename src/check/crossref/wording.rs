//! Word-level comparison of two quotes: whether one's parts are found in the other, their
//! longest common subsequence, and the one-line word diff a finding shows.

use super::MAX_WORDS;
use crate::evidence::diff::{self, DiffKind, DiffPart};
use std::collections::HashMap;

/// Is every part of `a` (split at `…`) found, in order and each contiguous, in `b`'s words?
pub(super) fn contained(a: &[Vec<u32>], b: &[u32]) -> bool {
    let mut from = 0;
    for part in a {
        if part.is_empty() {
            continue;
        }
        let Some(at) = b
            .get(from..)
            .unwrap_or(&[])
            .windows(part.len())
            .position(|w| w == part.as_slice())
        else {
            return false;
        };
        from += at + part.len();
    }
    true
}

/// The longest common subsequence of `a` and `b` as diff steps: `(in a, in b)` pairs, one of
/// them `None` for a word only one side has. O(|a|·|b|), both at most [`MAX_WORDS`].
pub(super) fn lcs_steps(a: &[u32], b: &[u32]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[at(i, j)] = if a[i] == b[j] {
                t[at(i + 1, j + 1)] + 1
            } else {
                t[at(i + 1, j)].max(t[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if j < m && (i == n || t[at(i, j + 1)] >= t[at(i + 1, j)]) {
            out.push((None, Some(j)));
            j += 1;
        } else {
            out.push((Some(i), None));
            i += 1;
        }
    }
    out
}

/// The word diff from `other`'s words to `this` one's, shortened for a one-line message:
/// `[-other's words-]` and `{+this quote's+}`.
pub fn word_diff(other: &[&str], this: &[&str]) -> String {
    let other: Vec<&str> = other
        .iter()
        .copied()
        .filter(|w| *w != "…")
        .take(MAX_WORDS)
        .collect();
    let this: Vec<&str> = this
        .iter()
        .copied()
        .filter(|w| *w != "…")
        .take(MAX_WORDS)
        .collect();
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let o: Vec<u32> = other.iter().map(|w| intern(&mut ids, w)).collect();
    let t: Vec<u32> = this.iter().map(|w| intern(&mut ids, w)).collect();
    let parts: Vec<DiffPart> = lcs_steps(&o, &t)
        .into_iter()
        .map(|step| match step {
            (Some(i), Some(_)) => DiffPart::new(DiffKind::Same, other[i]),
            (Some(i), None) => DiffPart::new(DiffKind::Source, other[i]),
            (None, Some(j)) => DiffPart::new(DiffKind::Quote, this[j]),
            (None, None) => DiffPart::new(DiffKind::Same, ""),
        })
        .collect();
    diff::plain_compact(&diff::merge(parts), 4)
}

pub(super) fn intern<'a, S: std::hash::BuildHasher>(
    ids: &mut HashMap<&'a str, u32, S>,
    w: &'a str,
) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(w).or_insert(next)
}
