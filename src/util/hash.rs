//! The one fast hasher, for the maps and sets whose keys are the crate's own words: the word
//! lists the extractor looks up millions of times, and the evidence search's and cross-check's
//! word and shingle tables. The keys never come from an adversary that could pick them to
//! collide (a hand-kept list, or words a whole run looks up anyway), so SipHash's defence
//! against hash flooding buys nothing here and costs most of a lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher taking eight bytes at a time (the scheme of rustc's FxHash).
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` with the [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with the [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_hash_is_the_same_every_run_and_tells_words_apart() {
        let hash = |s: &str| BuildHasherDefault::<FastHasher>::default().hash_one(s);
        assert_eq!(hash("ferry"), hash("ferry"));
        let words = ["said", "says", "saying", "ferry", "ferries", "", "a", "aa"];
        let hashes: HashSet<u64> = words.iter().map(|w| hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        // Words longer than one eight-byte chunk differ in their later chunks too.
        assert_ne!(hash("spokesperson said"), hash("spokesperson says"));
    }

    #[test]
    fn maps_and_sets_answer_membership() {
        let set: FastSet<&str> = ["said", "told"].into_iter().collect();
        assert!(set.contains("said") && !set.contains("Said"));
        let mut map: FastMap<String, u32> = FastMap::default();
        *map.entry("ferry".into()).or_default() += 2;
        assert_eq!(map.get("ferry"), Some(&2));
    }
}
