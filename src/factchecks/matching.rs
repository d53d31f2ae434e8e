//! Claim matching: the stored fact-checks whose `claimReviewed` says what a claim says.
//!
//! Both texts are reduced to their sets of normalised words (lower-cased, NFC, the
//! evidence search's word rules). Two sets match when their Jaccard similarity
//! (shared words / all words) is at least [`THRESHOLD`] and they share at least
//! [`MIN_SHARED`] words. Candidates come from an inverted index (word → fact-checks), so a
//! claim costs the lengths of its words' posting lists, not the number of fact-checks; words
//! in more than [`MAX_POSTING`] fact-checks are too common to find candidates by (they still
//! count in the similarity).

use super::FactCheck;
use std::collections::{BTreeSet, HashMap};

/// The least Jaccard similarity of a match.
pub const THRESHOLD: f64 = 0.6;
/// The fewest words a claim and a fact-check must share.
pub const MIN_SHARED: usize = 3;
/// A word in more fact-checks than this does not propose candidates.
pub const MAX_POSTING: usize = 2_000;
/// The most matches reported per claim.
pub const MAX_MATCHES: usize = 3;

/// The stored fact-checks, indexed by word.
#[derive(Debug, Default)]
pub struct Index {
    factchecks: Vec<FactCheck>,
    words: Vec<BTreeSet<String>>,
    postings: HashMap<String, Vec<u32>>,
    /// A fingerprint of the store, for the check cache's key.
    pub fingerprint: String,
}

/// A fact-check matching a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    /// The stored fact-check whose `claimReviewed` matches.
    pub factcheck: &'a FactCheck,
    /// Jaccard similarity of the two word sets, from [`THRESHOLD`] to 1.
    pub similarity: f64,
}

/// The set of normalised words of `text`.
pub fn word_set(text: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    crate::evidence::normalize::for_each_word_ref(text, |_, _, w| {
        if !set.contains(w) {
            set.insert(w.to_string());
        }
    });
    set
}

impl Index {
    /// The index of `factchecks`; `fingerprint` identifies the store they came from.
    pub fn new(factchecks: Vec<FactCheck>, fingerprint: String) -> Index {
        let words: Vec<BTreeSet<String>> = factchecks
            .iter()
            .map(|f| word_set(&f.claim_reviewed))
            .collect();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (k, set) in words.iter().enumerate() {
            for w in set {
                postings.entry(w.clone()).or_default().push(k as u32);
            }
        }
        Index {
            factchecks,
            words,
            postings,
            fingerprint,
        }
    }

    /// Does the store hold no fact-check at all?
    pub fn is_empty(&self) -> bool {
        self.factchecks.is_empty()
    }

    /// The fact-checks matching `text`, most similar first (then by url), at most
    /// [`MAX_MATCHES`].
    pub fn matches(&self, text: &str) -> Vec<Match<'_>> {
        if self.factchecks.is_empty() {
            return Vec::new();
        }
        let mine = word_set(text);
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for w in &mine {
            if let Some(p) = self.postings.get(w).filter(|p| p.len() <= MAX_POSTING) {
                for &k in p {
                    *shared.entry(k).or_default() += 1;
                }
            }
        }
        let mut out: Vec<Match> = shared
            .into_keys()
            .filter_map(|k| {
                let theirs = self.words.get(k as usize)?;
                let both = mine.intersection(theirs).count();
                let all = mine.len() + theirs.len() - both;
                let similarity = both as f64 / all.max(1) as f64;
                (both >= MIN_SHARED && similarity >= THRESHOLD).then(|| Match {
                    factcheck: &self.factchecks[k as usize],
                    similarity,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then_with(|| a.factcheck.cmp(b.factcheck))
        });
        out.truncate(MAX_MATCHES);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(words: &str) -> FactCheck {
        FactCheck {
            url: Some(format!("https://checks.example/{}", words.len())),
            claim_reviewed: words.into(),
            rating: None,
            fact_checker: None,
            date: None,
            claimant: None,
            decisions: Vec::new(),
        }
    }

    #[test]
    fn matches_rewordings_above_the_threshold_only() {
        let index = Index::new(
            vec![
                fc("The harbour strike delayed forty cargo ships in March."),
                fc("Bread prices doubled in a year."),
            ],
            String::new(),
        );
        // Case, punctuation and one dropped word: a match.
        let m = index.matches("the harbour strike delayed forty cargo ships in march");
        assert_eq!(m.len(), 1);
        assert!(m[0].similarity > 0.99);
        let m = index.matches("The harbour strike delayed forty ships in March");
        assert_eq!(m.len(), 1, "{m:?}");
        // A near miss: some of the words, another claim.
        assert!(index
            .matches("The harbour strike ended in March after talks")
            .is_empty());
        // Too few words to say anything.
        assert!(Index::new(vec![fc("Yes.")], String::new())
            .matches("Yes.")
            .is_empty());
    }
}
