//! Finding many claims in one snapshot at once, in time linear in the snapshot's size.
//!
//! 1. Every request is cut into word shingles (three words, fewer for very short quotes); the
//!    shingles of all requests go into one table.
//! 2. One pass over the snapshot's words counts how often each shingle occurs; each request
//!    keeps as anchors its shingles that occur at most [`ANCHOR_MAX`] times (and always its
//!    rarest one, so a verbatim quote of common words is still found).
//! 3. A second pass records where the anchors occur. Hits of one request that fall within a
//!    quote's length of each other form a candidate region; the best few regions are aligned
//!    word by word ([`super::align`]), each in time bounded by the quote's length squared.
//!
//! Nothing compares a quote with every window of the snapshot.

use super::align::{align_near, Alignment};
use super::diff::DiffPart;
use super::normalize::{for_each_word, for_each_word_ref, quote_pieces, words, Piece};

/// The scan's lookups (one per word of the snapshot) are keyed by the claims' own words.
pub(crate) use crate::util::hash::FastMap as Map;

/// A shingle occurring more often than this in a snapshot is not an anchor (unless it is the
/// request's rarest).
pub const ANCHOR_MAX: u32 = 64;
/// Candidate regions aligned per quote.
pub const CANDIDATES: usize = 4;
/// Source words an omission may stand for, at most.
pub const MAX_OMISSION: usize = 400;
/// Least share of a quote's words that must match for `altered` rather than `not found`.
pub const ALTERED_MIN: f64 = 0.6;
/// Least share of a claim's content words a passage must hold to be suggested.
pub const SUPPORT_MIN: f64 = 0.5;
/// How far a supporting match is widened to its sentences, at most, each way (bytes).
const WIDEN_MAX: usize = 400;
/// Anchor hits kept per request, at least; more when there are few requests, as long as all
/// requests together keep at most [`HITS_TOTAL`].
const HITS_MAX: usize = 4096;
const HITS_TOTAL: usize = 1 << 23;

/// What to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A direct quotation: verified, altered or not found.
    Quote,
    /// Reported speech or an assertion: the passages that may support it, as suggestions.
    Support,
}

/// A passage of the snapshot's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Byte range in the snapshot text.
    pub start: usize,
    /// Byte offset in the snapshot text just past the passage (the range's end, exclusive).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// The passage, with runs of whitespace as one space.
    pub text: String,
}

/// The verdict on one request.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Word for word in the snapshot, after normalisation.
    Verified(Passage),
    /// A close passage that differs: `similarity` is the share of the quote's words matched.
    Altered {
        /// The source words the quote was aligned with.
        passage: Passage,
        /// Between 0 and 1, rounded to two decimals; at least [`ALTERED_MIN`].
        similarity: f64,
        /// How the quote differs from the passage, word by word.
        diff: Vec<DiffPart>,
    },
    /// Nowhere in the snapshot; the closest passage, if any came near.
    NotFound {
        /// The best alignment found and its similarity (as for [`Outcome::Altered`]), when
        /// below the bar; `None` when no passage shared a word with the quote.
        closest: Option<(Passage, f64)>,
    },
    /// Passages that may support a reported statement or assertion, best first.
    Supports(Vec<(Passage, f64)>),
    /// Nothing to look for (no words outside brackets and omissions).
    Empty,
}

struct Probe {
    mode: Mode,
    pieces: Vec<Piece>,
    /// Interned ids of the words, without gaps, and each word's index in `pieces`.
    ids: Vec<u32>,
    /// Shingle size.
    k: usize,
    /// Shingle keys with their offset (index into `ids`).
    shingles: Vec<(u64, usize)>,
    /// Ranges of `ids` between omissions and insertions.
    segments: Vec<(usize, usize)>,
    quote_words: usize,
    has_omission: bool,
}

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "with", "is", "are", "was",
    "were", "be", "by", "at", "as", "from", "that", "this", "it", "its", "has", "have", "had",
    "not", "but", "will", "would", "said", "says", "he", "she", "they", "we", "i", "you",
];

fn key(ids: &[u32]) -> u64 {
    // Three 21-bit ids; ids beyond that share a slot, which costs precision, never a verdict
    // (every candidate is aligned).
    ids.iter().fold(ids.len() as u64, |acc, &id| {
        (acc << 21) | u64::from(id & 0x1F_FFFF)
    })
}

/// Search `text` for every request; one outcome per request, in order.
pub fn search(text: &str, requests: &[(&str, Mode)]) -> Vec<Outcome> {
    let mut vocab: Map<String, u32> = Map::default();
    let probes: Vec<Probe> = requests
        .iter()
        .map(|(q, mode)| probe(q, *mode, &mut vocab))
        .collect();
    // Which shingle sizes are in use, and the table of all shingles.
    let mut table: Map<u64, Vec<(u32, u32)>> = Map::default();
    let mut sizes = [false; 4];
    for (p, probe) in probes.iter().enumerate() {
        sizes[probe.k] = probe.k > 0;
        for &(s, off) in &probe.shingles {
            table.entry(s).or_default().push((p as u32, off as u32));
        }
    }
    if table.is_empty() {
        return probes.iter().map(|_| Outcome::Empty).collect();
    }
    // Pass 1: occurrences of each shingle.
    let mut counts: Map<u64, u32> = table.keys().map(|&k| (k, 0)).collect();
    scan(text, &vocab, &sizes, |_, _, s| {
        if let Some(c) = counts.get_mut(&s) {
            *c += 1;
        }
    });
    // Anchors: rare shingles, and the rarest shingle of every quarter of every segment
    // (between omissions), so that a quote made only of common phrases is still anchored all
    // along; rarest first, within a budget of hits per request, so that common phrases never
    // crowd out rare ones.
    let hits_max = HITS_MAX.max(HITS_TOTAL / probes.len().max(1));
    let mut anchors: Map<u64, Vec<(u32, u32)>> = Map::default();
    for (p, probe) in probes.iter().enumerate() {
        let mut chosen: Vec<(u64, usize)> = Vec::new();
        let mut used = 0usize;
        for &(a, b) in &probe.segments {
            let len = b - a;
            let quarter = len.div_ceil(4).max(1);
            for q in (a..b).step_by(quarter) {
                // Shingles are in offset order: the quarter's are one slice.
                let end = (q + quarter).min(b);
                let lo = probe.shingles.partition_point(|&(_, off)| off < q);
                let hi = probe.shingles.partition_point(|&(_, off)| off < end);
                let mut part: Vec<(u32, u64, usize)> = probe.shingles[lo..hi]
                    .iter()
                    .map(|&(s, off)| (counts[&s], s, off))
                    .filter(|&(c, _, _)| c > 0)
                    .collect();
                part.sort_unstable();
                for (k, &(c, s, off)) in part.iter().enumerate() {
                    let wanted = k == 0 || c <= ANCHOR_MAX;
                    if wanted && (k == 0 || used + c as usize <= hits_max) {
                        used += c as usize;
                        chosen.push((s, off));
                    }
                }
            }
        }
        for (s, off) in chosen {
            anchors.entry(s).or_default().push((p as u32, off as u32));
        }
    }
    drop(table);
    // Pass 2: where the anchors are. `starts` keeps each word's byte offset.
    let mut hits: Vec<Vec<(u32, u32)>> = vec![Vec::new(); probes.len()];
    let mut starts: Vec<u32> = Vec::new();
    scan(text, &vocab, &sizes, |index, start, s| {
        if index == starts.len() {
            starts.push(start as u32);
        }
        if let Some(list) = anchors.get(&s) {
            for &(p, off) in list {
                let h = &mut hits[p as usize];
                if h.len() < hits_max {
                    h.push((index as u32, off));
                }
            }
        }
    });
    let lines = Lines::of(text);
    requests
        .iter()
        .zip(probes.iter().zip(hits))
        .map(|((q, _), (probe, h))| decide(text, q, probe, h, &starts, &vocab, &lines))
        .collect()
}

fn probe(q: &str, mode: Mode, vocab: &mut Map<String, u32>) -> Probe {
    let pieces = quote_pieces(q);
    let mut intern = |w: &str| {
        let next = vocab.len() as u32;
        *vocab.entry(w.to_string()).or_insert(next)
    };
    let mut ids = Vec::new();
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut seg_start = 0;
    for p in &pieces {
        match p {
            Piece::Word(w) => {
                if mode == Mode::Support && (STOP.contains(&w.norm.as_str()) || w.norm.len() < 3) {
                    continue;
                }
                ids.push(intern(&w.norm));
            }
            _ => {
                segments.push((seg_start, ids.len()));
                seg_start = ids.len();
            }
        }
    }
    segments.push((seg_start, ids.len()));
    let longest = segments.iter().map(|(a, b)| b - a).max().unwrap_or(0);
    let k = match mode {
        Mode::Quote => longest.min(3),
        Mode::Support => usize::from(!ids.is_empty()),
    };
    let mut shingles = Vec::new();
    if k > 0 {
        for &(a, b) in &segments {
            if b - a >= k {
                for off in a..=b - k {
                    shingles.push((key(&ids[off..off + k]), off));
                }
            }
        }
    }
    let quote_words = pieces.iter().filter(|p| p.word().is_some()).count();
    let has_omission = pieces.iter().any(|p| matches!(p, Piece::Omission));
    Probe {
        mode,
        pieces,
        ids,
        k,
        shingles,
        segments,
        quote_words,
        has_omission,
    }
}

/// Every word of `text` with its index and byte offset, and the key of each shingle of the
/// sizes in use that ends at it (words outside `vocab` end no shingle).
fn scan(
    text: &str,
    vocab: &Map<String, u32>,
    sizes: &[bool; 4],
    mut f: impl FnMut(usize, usize, u64),
) {
    const NONE: u32 = u32::MAX;
    let mut last = [NONE; 3];
    let mut index = 0;
    for_each_word_ref(text, |start, _, norm| {
        let id = vocab.get(norm).copied().unwrap_or(NONE);
        last = [last[1], last[2], id];
        let mut any = false;
        for k in 1..=3 {
            if sizes[k] && last[3 - k..].iter().all(|&x| x != NONE) {
                f(index, start, key(&last[3 - k..]));
                any = true;
            }
        }
        if !any {
            // Still report the word, for its offset.
            f(index, start, u64::MAX);
        }
        index += 1;
    });
}

/// The candidate regions of a probe, best first: ranges of word indices.
/// `hits` are sorted.
fn regions(probe: &Probe, hits: &[(u32, u32)], words_total: usize) -> Vec<(usize, usize)> {
    if hits.is_empty() {
        return Vec::new();
    }
    // A hit at word `i` for offset `o` puts the probe's first word near `i - o`.
    let len = probe.ids.len();
    let span = match (probe.mode, probe.has_omission) {
        (Mode::Support, _) => 3 * len + 20,
        (Mode::Quote, true) => len + MAX_OMISSION,
        (Mode::Quote, false) => len + len / 2 + 4,
    };
    // Windows of `span` words, scored by the number of distinct offsets they hold.
    let mut scored: Vec<(usize, usize, usize)> = Vec::new();
    let mut j = 0;
    // Hits per offset in the window, and how many offsets have any.
    let mut seen = vec![0u32; len + 1];
    let mut distinct = 0;
    for i in 0..hits.len() {
        while j < hits.len() && (hits[j].0 as usize) < hits[i].0 as usize + span {
            let c = &mut seen[(hits[j].1 as usize).min(len)];
            distinct += usize::from(*c == 0);
            *c += 1;
            j += 1;
        }
        let first = hits[i].0 as usize;
        let last = hits[j - 1].0 as usize;
        scored.push((distinct, first, last));
        let c = &mut seen[(hits[i].1 as usize).min(len)];
        *c -= 1;
        distinct -= usize::from(*c == 0);
    }
    // Most distinct offsets first; then the tightest cluster (fewest words between its
    // hits, as in the quote itself); then the earliest.
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then((a.2 - a.1).cmp(&(b.2 - b.1)))
            .then(a.1.cmp(&b.1))
    });
    let slack = len / 2 + probe.k + 4;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (_, first, last) in scored {
        let (from, to) = match probe.mode {
            Mode::Quote => (
                first.saturating_sub(len + slack),
                (last + len + slack).min(words_total),
            ),
            Mode::Support => (first, (last + 1).min(words_total)),
        };
        if out.iter().any(|&(a, b)| from < b && a < to) {
            continue;
        }
        out.push((from, to));
        if out.len() == CANDIDATES {
            break;
        }
    }
    out
}

/// The hits of a region that can guide its alignment: those of quote offsets found only once
/// in the region (a repeated phrase says nothing about where the quote lies), or, when every
/// offset repeats, the hits on the diagonal most of them share. At most one hit per offset.
fn anchor_hits(hits: &[(u32, u32)], offsets: usize) -> Vec<(u32, u32)> {
    let at = |o: u32| (o as usize).min(offsets);
    let mut count = vec![0u32; offsets + 1];
    for &(_, o) in hits {
        count[at(o)] = count[at(o)].saturating_add(1);
    }
    let unique: Vec<(u32, u32)> = hits
        .iter()
        .copied()
        .filter(|&(_, o)| count[at(o)] == 1)
        .collect();
    if !unique.is_empty() {
        return unique;
    }
    // The most common diagonal (word index minus offset), from a bounded sample.
    let mut diagonals: Vec<i64> = hits
        .iter()
        .step_by(hits.len().div_ceil(1 << 16).max(1))
        .map(|&(i, o)| i64::from(i) - i64::from(o))
        .collect();
    diagonals.sort_unstable();
    let mut best = (0usize, 0i64);
    let mut k = 0;
    while k < diagonals.len() {
        let run = diagonals[k..].partition_point(|&d| d == diagonals[k]);
        if run > best.0 {
            best = (run, diagonals[k]);
        }
        k += run;
    }
    let mut seen = vec![false; offsets + 1];
    hits.iter()
        .copied()
        .filter(|&(i, o)| i64::from(i) - i64::from(o) == best.1)
        .filter(|&(_, o)| !std::mem::replace(&mut seen[at(o)], true))
        .collect()
}

/// Byte offsets of the line starts of a text, for line numbers in O(log n).
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        let mut v = vec![0];
        v.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines(v)
    }

    /// 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }
}

fn passage(text: &str, lines: &Lines, start: usize, end: usize) -> Passage {
    let line = lines.line(start);
    Passage {
        start,
        end,
        line,
        text: text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn byte_range(text: &str, starts: &[u32], from: usize, to: usize) -> (usize, usize) {
    let a = starts.get(from).map_or(text.len(), |&s| s as usize);
    let b = starts.get(to).map_or(text.len(), |&s| s as usize);
    (a, b)
}

fn decide(
    text: &str,
    quote: &str,
    probe: &Probe,
    hits: Vec<(u32, u32)>,
    starts: &[u32],
    vocab: &Map<String, u32>,
    lines: &Lines,
) -> Outcome {
    if probe.quote_words == 0 || probe.ids.is_empty() {
        return Outcome::Empty;
    }
    let mut hits = hits;
    hits.sort_unstable();
    let regions = regions(probe, &hits, starts.len());
    match probe.mode {
        Mode::Quote => {
            // The piece of each quote word (`ids` are the quote's words, in order).
            let word_piece: Vec<usize> = (0..probe.pieces.len())
                .filter(|&k| probe.pieces[k].word().is_some())
                .collect();
            let mut best: Option<(Alignment, usize)> = None;
            for (from, to) in regions {
                let (a, b) = byte_range(text, starts, from, to);
                let region = &text[a..b];
                let ws = words(region);
                // The region's anchor hits as (piece, word of the region) pairs: a hit at word
                // `i` for offset `o` is the shingle `o..o + k` ending at `i`.
                let k = probe.k;
                let first = hits.partition_point(|&(i, _)| (i as usize) < from);
                let end = first + hits[first..].partition_point(|&(i, _)| (i as usize) < to);
                let mut anchors: Vec<(usize, usize)> = Vec::new();
                for (i, o) in anchor_hits(&hits[first..end], probe.ids.len()) {
                    for t in 0..k {
                        let word = (i as usize + 1 + t).checked_sub(k + from);
                        let piece = word_piece.get(o as usize + t);
                        if let (Some(w), Some(&p)) = (word, piece) {
                            if w < ws.len() {
                                anchors.push((p, w));
                            }
                        }
                    }
                }
                if let Some(al) = align_near(quote, &probe.pieces, region, &ws, &anchors) {
                    let better = best.as_ref().is_none_or(|(x, xa)| {
                        (al.cost, a + ws.get(al.from).map_or(0, |w| w.start)) < (x.cost, *xa)
                    });
                    if better && al.to > al.from {
                        let at = a + ws[al.from].start;
                        let end = a + ws[al.to - 1].end;
                        best = Some((
                            Alignment {
                                from: at,
                                to: end,
                                ..al
                            },
                            at,
                        ));
                    }
                }
            }
            let Some((al, _)) = best else {
                return Outcome::NotFound { closest: None };
            };
            let p = passage(text, lines, al.from, al.to);
            let similarity = (1.0 - f64::from(al.cost) / probe.quote_words as f64).clamp(0.0, 1.0);
            let similarity = (similarity * 100.0).round() / 100.0;
            if al.cost == 0 {
                Outcome::Verified(p)
            } else if similarity >= ALTERED_MIN && al.same >= 2 {
                Outcome::Altered {
                    passage: p,
                    similarity,
                    diff: al.diff,
                }
            } else {
                Outcome::NotFound {
                    closest: (similarity > 0.0).then_some((p, similarity)),
                }
            }
        }
        Mode::Support => {
            let wanted: std::collections::BTreeSet<u32> = probe.ids.iter().copied().collect();
            let mut found: Vec<(Passage, f64)> = Vec::new();
            for (from, to) in regions {
                let (a, _) = byte_range(text, starts, from, to);
                // The end of the last word matched, not the start of the next.
                let last = starts.get(to.saturating_sub(1)).map_or(a, |&s| s as usize);
                let mut cut = (last + 256).min(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let mut b = cut;
                for_each_word(&text[last..cut], |w| b = b.min(last + w.end));
                let (a, b) = sentence_bounds(text, a, b.max(a));
                let mut have = std::collections::BTreeSet::new();
                for_each_word(&text[a..b], |w| {
                    if let Some(&id) = vocab.get(&w.norm) {
                        have.insert(id);
                    }
                });
                let score = have.intersection(&wanted).count() as f64 / wanted.len() as f64;
                let score = (score * 100.0).round() / 100.0;
                if score >= SUPPORT_MIN {
                    found.push((passage(text, lines, a, b), score));
                }
            }
            found.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.start.cmp(&y.0.start)));
            found.truncate(2);
            Outcome::Supports(found)
        }
    }
}

/// Widen a byte range to the sentences it touches (by the one sentence splitter), within its
/// line and at most [`WIDEN_MAX`] bytes further each way.
fn sentence_bounds(text: &str, a: usize, b: usize) -> (usize, usize) {
    let mut lo = a.saturating_sub(WIDEN_MAX);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let lo = text[lo..a].rfind('\n').map_or(lo, |p| lo + p + 1);
    let mut hi = (b + WIDEN_MAX).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let hi = text[b..hi].find('\n').map_or(hi, |p| b + p);
    let sentences = crate::util::sentences::split(text, lo, hi, &[]);
    // The sentence holding `a` (or the first after it), and the one holding the last byte.
    let first = sentences.partition_point(|s| s.end <= a);
    let start = sentences.get(first).map_or(a, |s| s.start.min(a));
    let last = b.saturating_sub(1).max(a);
    let end = sentences
        .iter()
        .skip(first)
        .find(|s| s.end > last)
        .map_or(b, |s| s.end.max(b));
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::diff::plain;

    fn one(text: &str, q: &str) -> Outcome {
        search(text, &[(q, Mode::Quote)]).remove(0)
    }

    /// Deterministic filler prose: words from a small lexicon, with sentences.
    fn filler(words: usize, seed: u64) -> String {
        const LEX: &[&str] = &[
            "policy",
            "minister",
            "talks",
            "the",
            "of",
            "government",
            "week",
            "said",
            "trade",
            "a",
            "in",
            "officials",
            "agreement",
            "and",
            "market",
            "security",
            "to",
            "report",
            "council",
            "energy",
            "on",
            "prices",
            "region",
            "border",
            "leaders",
            "plan",
        ];
        let mut s = seed;
        let mut out = String::new();
        for i in 0..words {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            out.push_str(LEX[(s >> 33) as usize % LEX.len()]);
            out.push(if i % 17 == 16 { '.' } else { ' ' });
            if i % 17 == 16 {
                out.push(' ');
            }
        }
        out
    }

    const SAYS: &str = "Russia and the United States must do everything possible to prevent \
        contradictions from escalating into confrontation, the minister said.";

    #[test]
    fn a_verbatim_quote_is_verified_in_a_long_text() {
        let text = format!("{} {SAYS} {}", filler(20_000, 1), filler(20_000, 2));
        match one(
            &text,
            "“Russia and the United States must do everything possible”",
        ) {
            Outcome::Verified(p) => {
                assert!(
                    p.text.starts_with("Russia and the United States must"),
                    "{}",
                    p.text
                )
            }
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn an_omission_with_an_ellipsis_is_verified() {
        for q in [
            "Russia and the United States… must do everything possible to prevent contradictions",
            "Russia and the United States ... must do everything possible",
        ] {
            let text = format!("{} {SAYS}", filler(500, 3));
            assert!(matches!(one(&text, q), Outcome::Verified(_)), "{q}");
        }
        // Even when the omission stands for a long stretch.
        let text = format!("We want peace. {} And we want trade.", filler(200, 4));
        assert!(matches!(
            one(&text, "We want peace… And we want trade."),
            Outcome::Verified(_)
        ));
    }

    #[test]
    fn a_bracketed_insertion_is_verified() {
        let text = format!("{} {SAYS}", filler(500, 5));
        let q = "[Moscow] and the United States must do everything possible";
        assert!(matches!(one(&text, q), Outcome::Verified(_)));
    }

    #[test]
    fn normalisation_makes_typography_irrelevant() {
        let text = "He said: \"We don't accept this - it's a well-known trick.\"";
        let q = "we don’t accept this — it’s a well–known  trick";
        assert!(matches!(one(text, q), Outcome::Verified(_)));
    }

    #[test]
    fn a_one_word_substitution_is_altered_with_its_diff() {
        let text = format!("{} {SAYS} {}", filler(5_000, 6), filler(5_000, 7));
        let q = "Russia and the United States must do everything possible to prevent \
                 contradictions from escalating into war";
        match one(&text, q) {
            Outcome::Altered {
                similarity,
                diff,
                passage,
            } => {
                assert!(similarity > 0.9 && similarity < 1.0, "{similarity}");
                let d = plain(&diff);
                assert!(
                    d.ends_with("escalating into [-confrontation-] {+war+}"),
                    "{d}"
                );
                assert!(
                    passage.text.ends_with("into confrontation"),
                    "{}",
                    passage.text
                );
            }
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn an_altered_quote_of_common_phrases_is_still_found() {
        // Both halves of the quote occur hundreds of times, apart; together only once.
        let a = "we were never given the full picture";
        let b = "we knew the risks and we went ahead";
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!("{a}, one said. Later {b}, said another {i}. "));
        }
        text.push_str(&format!("In the end {a} and {b}. "));
        for i in 0..300 {
            text.push_str(&format!("{b} again {i}. Still {a} again. "));
        }
        match one(&text, &format!("{a} but {b}")) {
            Outcome::Altered { diff, .. } => {
                assert!(plain(&diff).contains("[-and-] {+but+}"), "{}", plain(&diff))
            }
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn anchors_are_the_offsets_found_once_or_else_the_common_diagonal() {
        // Offset 1 is found twice: only offsets 0 and 2 guide.
        assert_eq!(
            anchor_hits(&[(10, 0), (11, 1), (30, 1), (12, 2)], 3),
            vec![(10, 0), (12, 2)]
        );
        // Every offset repeats: the diagonal most hits share (word - offset = 10), once each.
        let hits = [
            (10, 0),
            (11, 1),
            (11, 1),
            (20, 0),
            (21, 1),
            (12, 2),
            (40, 2),
        ];
        assert_eq!(anchor_hits(&hits, 3), vec![(10, 0), (11, 1), (12, 2)]);
    }

    #[test]
    fn a_support_match_widens_to_its_sentences_within_its_line() {
        let text = "First line.\nHe wrote: “The ferry stops at midnight.” Later, Dr. Berg said more.\nNext";
        let at = |w: &str| text.find(w).unwrap();
        let (s, e) = sentence_bounds(text, at("ferry"), at("midnight") + "midnight".len());
        assert_eq!(&text[s..e], "He wrote: “The ferry stops at midnight.”");
        let (s, e) = sentence_bounds(text, at("Berg"), at("said") + 4);
        assert_eq!(&text[s..e], "Later, Dr. Berg said more.");
    }

    #[test]
    fn passages_know_their_line() {
        let text = format!("{}\nsecond line\n\n{SAYS}\n", filler(300, 14));
        match one(&text, "must do everything possible") {
            Outcome::Verified(p) => assert_eq!(p.line, 4),
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn an_absent_quote_is_not_found_in_a_long_text() {
        let text = filler(200_000, 8);
        let q = "We will never negotiate about the fate of Crimea with anyone";
        assert!(matches!(one(&text, q), Outcome::NotFound { .. }));
    }

    #[test]
    fn a_verbatim_quote_of_common_words_is_still_found() {
        // Every shingle of the quote is frequent; the rarest still anchors it.
        let text = format!(
            "{} the policy of the government {}",
            filler(30_000, 9),
            filler(100, 10)
        );
        assert!(matches!(
            one(&text, "policy of the government"),
            Outcome::Verified(_)
        ));
    }

    #[test]
    fn many_requests_in_one_pass_keep_their_order() {
        let text = format!("{} {SAYS}", filler(1_000, 11));
        let out = search(
            &text,
            &[
                ("must do everything possible", Mode::Quote),
                ("something else entirely unrelated here", Mode::Quote),
                ("[…]", Mode::Quote),
            ],
        );
        assert!(matches!(out[0], Outcome::Verified(_)));
        assert!(matches!(out[1], Outcome::NotFound { .. }));
        assert!(matches!(out[2], Outcome::Empty));
    }

    #[test]
    fn supporting_passages_for_reported_speech() {
        let text = format!(
            "{}. Lavrov warned that contradictions could escalate into confrontation. {}",
            filler(2_000, 12),
            filler(2_000, 13)
        );
        let out = search(
            &text,
            &[(
                "Lavrov said contradictions risk escalating into confrontation",
                Mode::Support,
            )],
        );
        match &out[0] {
            Outcome::Supports(list) => {
                assert!(!list.is_empty());
                assert!(list[0].0.text.starts_with("Lavrov warned"), "{:?}", list);
            }
            o => panic!("{o:?}"),
        }
    }
}
