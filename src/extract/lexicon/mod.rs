//! Word lists the extractor relies on. Kept in one place so that a newcomer can see (and
//! extend) every piece of English the rules know: the lists themselves are data, in
//! `lexicon/tables.rs`; this module is how they are built and looked up.

use crate::util::hash::FastSet;
use std::sync::LazyLock;

mod tables;
pub use tables::*;

/// A set of words, built on first use.
pub type Words = LazyLock<WordSet>;

/// The set behind [`Words`], with the crate's one fast hasher: the extractor looks up
/// millions of short words in these fixed lists.
pub type WordSet = FastSet<&'static str>;

/// A word set of `list`, for a table's `LazyLock`.
fn words(list: &[&'static str]) -> WordSet {
    list.iter().copied().collect()
}

/// Is `word`, exactly as written (lists are lower case), in `set`?
pub fn contains(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_answer_membership() {
        assert!(contains(&SAY_VERBS, "said"));
        assert!(!contains(&SAY_VERBS, "Said"));
        assert!(!contains(&SAY_VERBS, "sandwich"));
    }
}
