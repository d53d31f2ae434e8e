//! `check --shard K/N`: one of N deterministic slices of a dossier's articles, so that a CI
//! matrix of N runners checks a large dossier in parallel.
//!
//! A claim file belongs to shard `1 + h mod N`, where `h` is a hash of its path in the
//! dossier: its shard never changes when other articles are added, removed or edited. A
//! shard reports the findings of its claim files and their articles; the findings of no
//! article (source entries, unused sources, duplicate source ids, the settings) come from
//! shard 1 alone, which therefore reads every claim file. So do the cross-article findings
//! (`conflicting-attribution`, `quote-variant`): although each is on a claim file, it comes
//! from comparing every claim file's quotes, which only shard 1 reads, so shard 1 reports
//! them all, whichever shard the claim file is in, and the other shards none. Every finding
//! of a whole-dossier check is reported by exactly one shard.
//!
//! A check of some articles (`check ARTICLE…`) reports no cross-article findings: it reads
//! only their claim files, and an article's quotes can only be compared with every other
//! article's. Run the whole check (or shard 1) for them.

use super::run::CheckedFile;
use super::{CheckResult, Summary};
use crate::store::load::LoadedDossier;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// The most shards a dossier may be split into.
pub const MAX_SHARDS: u32 = 1000;

/// Shard `k` of `n` (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    k: u32,
    n: u32,
}

/// Why a `K/N` shard could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` is not a shard: give K/N with 1 ≤ K ≤ N ≤ {MAX_SHARDS}, e.g. 2/4")]
pub struct ShardError {
    /// The text given for the shard, as the user wrote it.
    pub given: String,
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let err = || ShardError {
            given: s.to_string(),
        };
        let (k, n) = s.trim().split_once('/').ok_or_else(err)?;
        let k: u32 = k.trim().parse().map_err(|_| err())?;
        let n: u32 = n.trim().parse().map_err(|_| err())?;
        if k == 0 || k > n || n > MAX_SHARDS {
            return Err(err());
        }
        Ok(Shard { k, n })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

impl Shard {
    /// The shard (1-based) of the claim file at `file` (its path in the dossier, e.g.
    /// `claims/harbour-vote.yaml`) among `n`.
    fn of(file: &str, n: u32) -> u32 {
        let digest = Sha256::digest(file.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        (u64::from_be_bytes(first) % u64::from(n)) as u32 + 1
    }

    /// Does the claim file at `file` belong to this shard?
    pub fn holds(&self, file: &str) -> bool {
        Shard::of(file, self.n) == self.k
    }

    /// Does this shard report the findings of no article (and so read every claim file)?
    pub fn reports_dossier_wide(&self) -> bool {
        self.k == 1
    }

    /// Which claim files this shard must read: its own, or all of them for shard 1.
    pub fn reads(&self, file: &str) -> bool {
        self.reports_dossier_wide() || self.holds(file)
    }

    /// The part of a check of `loaded` (which read at least [`Shard::reads`]'s claim files)
    /// that this shard reports, with its summary counted again.
    pub fn narrow(&self, loaded: &LoadedDossier, result: CheckResult) -> CheckResult {
        // A claim file that could not be parsed is still the shard's by its path.
        let mut files: Vec<CheckedFile> = loaded
            .claims
            .iter()
            .map(|c| CheckedFile {
                file: c.file.clone(),
                article: Some(c.data.article.path.clone()),
                cites: Vec::new(),
                claims: c.data.claims.len(),
                references: c.data.references.len(),
            })
            .collect();
        files.extend(
            loaded
                .problems
                .iter()
                .filter(|p| p.file.starts_with("claims/"))
                .map(|p| CheckedFile {
                    file: p.file.clone(),
                    article: None,
                    cites: Vec::new(),
                    claims: 0,
                    references: 0,
                }),
        );
        self.narrow_files(&files, result)
    }

    /// The part of a check of the claim files `checked` (at least [`Shard::reads`]'s) that
    /// this shard reports, with its summary counted again.
    pub fn narrow_files(&self, checked: &[CheckedFile], result: CheckResult) -> CheckResult {
        let mine: Vec<&CheckedFile> = checked.iter().filter(|c| self.holds(&c.file)).collect();
        let files: BTreeSet<&str> = mine.iter().map(|c| c.file.as_str()).collect();
        let articles: BTreeSet<&str> = mine.iter().filter_map(|c| c.article.as_deref()).collect();
        // Every claim file and article checked, to tell "another shard's" from "no article's".
        let any_claims: BTreeSet<&str> = checked
            .iter()
            .flat_map(|c| std::iter::once(c.file.as_str()).chain(c.article.as_deref()))
            .collect();
        let keep = |f: &super::Finding| {
            if f.rule.is_cross_article() {
                return self.reports_dossier_wide();
            }
            let file = f.file.as_str();
            files.contains(file)
                || articles.contains(file)
                || (self.reports_dossier_wide() && !any_claims.contains(file))
        };
        let parsed: Vec<&&CheckedFile> = mine.iter().filter(|c| c.article.is_some()).collect();
        let base = Summary {
            articles: parsed.len(),
            claims: parsed.iter().map(|c| c.claims).sum(),
            references: parsed.iter().map(|c| c.references).sum(),
            sources: if self.reports_dossier_wide() {
                result.summary.sources
            } else {
                0
            },
            ..Summary::default()
        };
        result.narrowed(keep, &files, base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_of_n_is_read_and_checked() {
        assert_eq!("2/4".parse::<Shard>().unwrap(), Shard { k: 2, n: 4 });
        assert_eq!(" 1 / 1 ".parse::<Shard>().unwrap().to_string(), "1/1");
        for bad in ["0/4", "5/4", "4", "a/b", "1/0", "1/1001", "-1/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_file_is_in_exactly_one_shard_and_stays_there() {
        let files: Vec<String> = (0..500).map(|i| format!("claims/a-{i}.yaml")).collect();
        for n in [1, 2, 3, 7] {
            let shards: Vec<Shard> = (1..=n).map(|k| Shard { k, n }).collect();
            for f in &files {
                assert_eq!(
                    shards.iter().filter(|s| s.holds(f)).count(),
                    1,
                    "{f} in {n}"
                );
            }
            // Roughly even: no shard empty among 500 files.
            for s in &shards {
                assert!(files.iter().any(|f| s.holds(f)), "shard {s} is empty");
            }
        }
        // The shard of a file depends on its own path only.
        assert_eq!(Shard::of("claims/x.yaml", 4), Shard::of("claims/x.yaml", 4));
        assert!(Shard { k: 1, n: 3 }.reads("claims/anything.yaml"));
    }
}
