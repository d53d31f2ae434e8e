//! Cross-article attribution: the same words quoted in two articles of the dossier.
//!
//! - `conflicting-attribution` (warning): the same quote attributed to different speakers.
//!   "The same quote" is the same normalised words ([`crate::evidence::normalize`]: case,
//!   Unicode form, quotation marks, apostrophes, dashes and punctuation do not count), one
//!   quote's words possibly a stretch of the other's (a quote may be a fragment of a longer
//!   one), and each part of a quote with `…` omissions (or `[insertions]`) found, in order,
//!   in the other.
//! - `quote-variant` (note): two quotes giving materially different wordings of the same
//!   words: not the same quote, but a Dice similarity (twice the longest common subsequence
//!   of words over the sum of the lengths) of at least [`VARIANT_MIN`]. The finding carries
//!   the word diff.
//!
//! Speakers compare by normalised name (case, accents and punctuation ignored, a leading
//! title such as "Mr" or "Dr" dropped); a surname alone is the same speaker as a full name
//! ending with it ("Lavrov", "Sergei Lavrov"), and so are two names with one surname whose
//! first names begin with the same letter ("S. Lavrov", "Sergey Lavrov", "Sergei Lavrov"). A
//! quote with no speaker, or one the article only describes ("a senior official": no
//! capitalised word), conflicts with no one.
//!
//! Only quotes of at least [`MIN_WORDS`] words take part; only the first [`MAX_WORDS`] words
//! of a quote are compared. Quotes of one article never pair with each other, nor do quotes
//! of two claim files recording the same article path: the rules are about two articles.
//!
//! The work is linear in the number of quotes: every quote is cut into [`SHINGLE`]-word
//! shingles (within the parts between omissions), indexed by hash; a shingle found in more
//! than [`POSTING_MAX`] quotes is a stock phrase and finds no candidates; each quote
//! compares itself with at most [`CANDIDATES_MAX`] others, those sharing the most shingles
//! (at least [`SHARED_MIN`] and a quarter of the shorter quote's). Each comparison is bounded
//! by [`MAX_WORDS`]².
//!
//! Each quote in a pair gets its own finding (one per rule at most), on the claim's `text`
//! in its own claim file, naming the other quotes (the first [`NAMED_MAX`], in path order)
//! and pointing at the first one's sentence in its article as the related location. So a pair
//! gives two findings, one in each claim file, each reviewable and suppressible on its own:
//! a current verdict on the claim settles its findings as it settles the claim's others.

use super::finding::{Finding, Related};
use super::out::{At, Out};
use super::rule::Rule;
use super::{Config, FileCheck};
mod wording;

use crate::evidence::normalize::{quote_pieces, Piece};
use crate::evidence::search::Map;
use crate::model::review::Review;
use crate::store::load::{LoadedClaims, Pos};
use crate::util::excerpt;
use crate::util::hash::FastHasher;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::hash::Hasher;
pub use wording::word_diff;
use wording::{contained, intern, lcs_steps};

/// Fewest words a quote needs to take part.
pub const MIN_WORDS: usize = 6;
/// Words compared of a quote (the rest is not).
pub const MAX_WORDS: usize = 200;
/// Words in a shingle.
pub const SHINGLE: usize = 3;
/// A shingle in more quotes than this is a stock phrase: it finds no candidates.
pub const POSTING_MAX: usize = 32;
/// Most quotes one quote is compared with.
pub const CANDIDATES_MAX: usize = 16;
/// Fewest shingles two quotes must share to be compared.
pub const SHARED_MIN: usize = 2;
/// Least Dice similarity of two wordings of one quote.
pub const VARIANT_MIN: f64 = 0.75;
/// Most other quotes a finding names.
pub const NAMED_MAX: usize = 3;

/// What the cross-article rules need of a quote, kept with its claim file's cached check so
/// that a warm run needs no claim file parsed.
/// (Short field names: one is cached for every quote of the dossier.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteFacts {
    /// The claim's id.
    #[serde(rename = "c")]
    pub claim: String,
    /// Who the claim file says spoke the words; `None` when it names no one.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The normalised words, space-separated, `…` where the quote leaves words out.
    #[serde(rename = "w")]
    pub words: String,
    /// The claim's `text` in the claim file: line, column, byte offset, byte length.
    pub at: (usize, usize, usize, usize),
    /// The quote in the article: line, column, start and end byte.
    #[serde(rename = "in")]
    pub article: (usize, usize, usize, usize),
    /// The claim's current verdict, if any.
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<Review>>,
}

/// The quotes of a claim file that take part (of at least [`MIN_WORDS`] words), in order.
pub fn quote_facts(c: &LoadedClaims, article: Option<&str>) -> Vec<QuoteFacts> {
    let mut out = Vec::new();
    for (k, claim) in c.data.claims.iter().enumerate() {
        if claim.kind != crate::model::ClaimKind::Quote || claim.vanished {
            continue;
        }
        let words = normal_words(&claim.text);
        if words.split(' ').filter(|w| *w != "…").count() < MIN_WORDS {
            continue;
        }
        let pos = super::key_pos(c.claim_keys.get(k), &["text"]);
        let span = match article {
            Some(text) if claim.start <= claim.end && claim.end <= text.len() => {
                (claim.start, claim.end)
            }
            _ => (0, 0),
        };
        out.push(QuoteFacts {
            claim: claim.id.clone(),
            speaker: claim.speaker.clone(),
            words,
            at: (pos.line, pos.column, pos.offset, pos.len),
            article: (claim.line, claim.column, span.0, span.1),
            review: claim
                .review
                .clone()
                .filter(|_| !claim.review_is_stale())
                .map(Box::new),
        });
    }
    out
}

/// A quote's normalised words (at most [`MAX_WORDS`]), space-separated, with `…` for each
/// omission or editorial insertion between them.
pub fn normal_words(quote: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    let pieces = quote_pieces(quote);
    // Initials run together (`U.S.`, `E.U.`) are one word, as written without the dots.
    let mut joined: Vec<String> = Vec::with_capacity(pieces.len());
    let mut initials = String::new();
    let single = |p: &Piece| p.word().is_some_and(|w| w.norm.chars().count() == 1);
    for (k, p) in pieces.iter().enumerate() {
        let next_single = pieces.get(k + 1).is_some_and(single);
        match p {
            Piece::Word(w) if single(p) && (next_single || !initials.is_empty()) => {
                initials.push_str(&w.norm);
                if !next_single {
                    joined.push(std::mem::take(&mut initials));
                }
            }
            Piece::Word(w) => joined.push(w.norm.clone()),
            Piece::Omission | Piece::Insertion { .. } => joined.push("…".into()),
        }
    }
    for w in &joined {
        let w = w.as_str();
        if w != "…" {
            n += 1;
        }
        if n > MAX_WORDS {
            break;
        }
        if w == "…" && out.ends_with('…') {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches(" …").to_string()
}

/// A speaker's name as compared: folded tokens, or `None` for no speaker or a description.
pub fn speaker_key(name: &str) -> Option<Vec<String>> {
    use unicode_normalization::UnicodeNormalization;
    if !name
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let folded: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut tokens: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    while tokens.len() > 1
        && matches!(
            tokens[0].as_str(),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "sir" | "dame"
        )
    {
        tokens.remove(0);
    }
    (!tokens.is_empty()).then_some(tokens)
}

/// Are two speaker keys one person?
pub fn same_speaker(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    if la != lb {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        return true;
    }
    a[0].chars().next() == b[0].chars().next()
}

/// One quote as compared.
struct Quote<'a> {
    file: &'a str,
    article: &'a str,
    facts: &'a QuoteFacts,
    /// The keys of its shingles, sorted, each once.
    shingles: Vec<u64>,
}

/// An omission among a quote's words.
const GAP: &str = "…";

impl<'a> Quote<'a> {
    /// The quote, if it has at least [`MIN_WORDS`] words.
    fn new(file: &'a str, article: &'a str, facts: &'a QuoteFacts) -> Option<Quote<'a>> {
        let words = compared_words(facts);
        if words.iter().filter(|w| **w != GAP).count() < MIN_WORDS {
            return None;
        }
        // Shingles of word hashes: two quotes sharing one are compared word by word, so a
        // collision of hashes costs a comparison, never a finding.
        let keys: Vec<u64> = words.iter().map(|w| word_key(w)).collect();
        let mut shingles: Vec<u64> = Vec::new();
        for part in parts(&words, &keys) {
            let k = SHINGLE.min(part.len());
            shingles.extend(part.windows(k).map(shingle_key));
        }
        shingles.sort_unstable();
        shingles.dedup();
        Some(Quote {
            file,
            article,
            facts,
            shingles,
        })
    }

    fn speaker(&self) -> Option<Vec<String>> {
        self.facts.speaker.as_deref().and_then(speaker_key)
    }
}

/// The words of a quote as compared: at most [`MAX_WORDS`], [`GAP`] where words are left
/// out (never two in a row, none first).
fn compared_words(facts: &QuoteFacts) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    let mut n = 0;
    for w in facts.words.split(' ').filter(|w| !w.is_empty()) {
        if w == GAP {
            if words.last().is_some_and(|l| *l != GAP) {
                words.push(GAP);
            }
        } else if n < MAX_WORDS {
            words.push(w);
            n += 1;
        }
    }
    words
}

/// The stretches of `keys` between omissions (`words` says where they are).
fn parts<'k>(words: &[&str], keys: &'k [u64]) -> Vec<&'k [u64]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, w) in words.iter().enumerate() {
        if *w == GAP {
            if k > start {
                out.push(&keys[start..k]);
            }
            start = k + 1;
        }
    }
    if keys.len() > start {
        out.push(&keys[start..]);
    }
    out
}

fn word_key(w: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(w.as_bytes());
    h.write_usize(w.len());
    h.finish()
}

fn shingle_key(words: &[u64]) -> u64 {
    let mut h = FastHasher::default();
    for &w in words {
        h.write_u64(w);
    }
    h.finish()
}

/// How two quotes relate, compared word by word.
fn relation(a: &Quote, b: &Quote) -> Option<Relation> {
    let (aw, bw) = (compared_words(a.facts), compared_words(b.facts));
    // Word ids for this pair alone.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let a_ids: Vec<u32> = aw.iter().map(|w| intern(&mut ids, w)).collect();
    let b_ids: Vec<u32> = bw.iter().map(|w| intern(&mut ids, w)).collect();
    let gap = ids.get(GAP).copied();
    let split = |v: &[u32]| -> Vec<Vec<u32>> {
        v.split(|w| Some(*w) == gap)
            .filter(|p| !p.is_empty())
            .map(<[u32]>::to_vec)
            .collect()
    };
    let flat = |v: &[u32]| -> Vec<u32> { v.iter().copied().filter(|w| Some(*w) != gap).collect() };
    let (a_flat, b_flat) = (flat(&a_ids), flat(&b_ids));
    if contained(&split(&a_ids), &b_flat) || contained(&split(&b_ids), &a_flat) {
        return match (a.speaker(), b.speaker()) {
            (Some(x), Some(y)) if !same_speaker(&x, &y) => Some(Relation::Conflict),
            _ => None,
        };
    }
    let (n, m) = (a_flat.len(), b_flat.len());
    // Dice ≥ 0.75 needs the shorter at least 0.6 of the longer.
    if n.min(m) * 5 < n.max(m) * 3 {
        return None;
    }
    let common = lcs_steps(&a_flat, &b_flat)
        .iter()
        .filter(|s| s.0.is_some() && s.1.is_some())
        .count();
    let dice = 2.0 * common as f64 / (n + m) as f64;
    (dice >= VARIANT_MIN).then_some(Relation::Variant)
}

/// How two quotes relate.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    /// The same words, attributed to two speakers.
    Conflict,
    /// Two wordings of one quote.
    Variant,
}

/// The cross-article findings of the claim files `files` (the whole dossier's), verdicts of
/// the claims applied: `(open, resolved)`. Quotes are prepared and matched on up to `jobs`
/// threads; the result does not depend on their number.
pub fn findings(config: &Config, files: &[FileCheck], jobs: usize) -> (Vec<Finding>, Vec<Finding>) {
    if config.severity(Rule::ConflictingAttribution).is_none()
        && config.severity(Rule::QuoteVariant).is_none()
    {
        return (Vec::new(), Vec::new());
    }
    let file_indices: Vec<usize> = (0..files.len()).collect();
    let quotes: Vec<Quote> = crate::par::map(&file_indices, jobs, |&k| {
        let f = &files[k];
        let Some(a) = &f.article else {
            return Vec::new();
        };
        f.quotes
            .iter()
            .filter_map(|q| Quote::new(&f.file, &a.path, q))
            .collect::<Vec<Quote>>()
    })
    .into_iter()
    .flatten()
    .collect();
    // For the shingles of 2 to POSTING_MAX quotes (most are of one), the quotes of each.
    let mut all: Vec<(u64, u32)> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        all.extend(q.shingles.iter().map(|&s| (s, i as u32)));
    }
    all.sort_unstable();
    let mut postings: Map<u64, (u32, u32)> = Map::default();
    let mut members: Vec<u32> = Vec::new();
    for group in all.chunk_by(|a, b| a.0 == b.0) {
        if (2..=POSTING_MAX).contains(&group.len()) {
            let start = members.len() as u32;
            members.extend(group.iter().map(|g| g.1));
            postings.insert(group[0].0, (start, group.len() as u32));
        }
    }
    drop(all);
    // Each quote's candidates: those of other articles sharing the most shingles.
    let indices: Vec<usize> = (0..quotes.len()).collect();
    let chunks: Vec<&[usize]> = indices.chunks(1024).collect();
    let best: Vec<Vec<(u32, u32)>> = crate::par::map(&chunks, jobs, |chunk| {
        let mut out = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for &i in *chunk {
            let q = &quotes[i];
            seen.clear();
            for s in &q.shingles {
                if let Some(&(start, len)) = postings.get(s) {
                    seen.extend(
                        members[start as usize..(start + len) as usize]
                            .iter()
                            .filter(|&&j| {
                                j as usize != i && quotes[j as usize].article != q.article
                            }),
                    );
                }
            }
            seen.sort_unstable();
            let mut mine: Vec<(u32, u32)> = Vec::new();
            for run in seen.chunk_by(|a, b| a == b) {
                let (n, j) = (run.len(), run[0]);
                let fewer = q.shingles.len().min(quotes[j as usize].shingles.len());
                if n >= SHARED_MIN.min(fewer) && n * 4 >= fewer {
                    mine.push((n as u32, j));
                }
            }
            mine.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let i = i as u32;
            out.extend(
                mine.iter()
                    .take(CANDIDATES_MAX)
                    .map(|&(_, j)| (i.min(j), i.max(j))),
            );
        }
        out
    });
    // Candidate pairs, each once (lower index first), then how each relates.
    let pairs: BTreeSet<(u32, u32)> = best.into_iter().flatten().collect();
    let pairs: Vec<(u32, u32)> = pairs.into_iter().collect();
    let relations = crate::par::map(&pairs, jobs, |&(i, j)| {
        relation(&quotes[i as usize], &quotes[j as usize])
    });
    let mut related: Vec<Vec<(Relation, u32)>> = vec![Vec::new(); quotes.len()];
    for (&(i, j), r) in pairs.iter().zip(relations) {
        if let Some(r) = r {
            related[i as usize].push((r, j));
            related[j as usize].push((r, i));
        }
    }
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    for (i, rel) in related.iter_mut().enumerate() {
        if rel.is_empty() {
            continue;
        }
        // The others in path order, each rule's first the related location.
        rel.sort_by(|x, y| {
            let (p, q) = (&quotes[x.1 as usize], &quotes[y.1 as usize]);
            (x.0, p.file, &p.facts.claim).cmp(&(y.0, q.file, &q.facts.claim))
        });
        for relation in [Relation::Conflict, Relation::Variant] {
            let others: Vec<&Quote> = rel
                .iter()
                .filter(|r| r.0 == relation)
                .map(|r| &quotes[r.1 as usize])
                .collect();
            if !others.is_empty() {
                push(&mut out, &quotes[i], &others, relation);
            }
        }
    }
    let mut reviews: super::verdicts::Reviews = HashMap::new();
    for q in &quotes {
        if let Some(r) = &q.facts.review {
            reviews.insert((q.file, Some(q.facts.claim.as_str())), &**r);
        }
    }
    super::verdicts::apply(out.findings, &reviews)
}

fn speaker_name(q: &Quote) -> String {
    excerpt(q.facts.speaker.as_deref().unwrap_or("no one named"), 60)
}

fn push(out: &mut Out, q: &Quote, others: &[&Quote], relation: Relation) {
    let first = others[0];
    let named: Vec<String> = others
        .iter()
        .take(NAMED_MAX)
        .map(|o| match relation {
            Relation::Conflict => format!(
                "{} (claim {}, {})",
                o.article,
                o.facts.claim,
                speaker_name(o)
            ),
            Relation::Variant => format!("{} (claim {})", o.article, o.facts.claim),
        })
        .collect();
    let more = match others.len().saturating_sub(NAMED_MAX) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let words: Vec<&str> = q.facts.words.split(' ').collect();
    let quoted = excerpt(&words.join(" "), 60);
    let (rule, message, help) = match relation {
        Relation::Conflict => (
            Rule::ConflictingAttribution,
            format!(
                "quote {} attributes \"{quoted}\" to {}; the same words are attributed to someone else in {}{more}",
                q.facts.claim,
                speaker_name(q),
                named.join("; ")
            ),
            format!(
                "find who said these words in the original source; correct the article that has it wrong (`dossier correct {} --speaker NAME` if extraction misread the speaker), or record a verdict once checked",
                q.facts.claim
            ),
        ),
        Relation::Variant => {
            let theirs: Vec<&str> = first.facts.words.split(' ').collect();
            (
                Rule::QuoteVariant,
                format!(
                    "quote {} (\"{quoted}\") gives in other words what {}{more} quote{}",
                    q.facts.claim,
                    named.join("; "),
                    if others.len() == 1 { "s" } else { "" }
                ),
                format!(
                    "word diff, {} → this quote: {}; {}",
                    first.article,
                    word_diff(&theirs, &words),
                    Rule::QuoteVariant.help()
                ),
            )
        }
    };
    let (line, column, start, end) = first.facts.article;
    let related = Related {
        file: first.article.to_string(),
        line,
        column,
        message: match relation {
            Relation::Conflict => format!("the same words, attributed to {}", speaker_name(first)),
            Relation::Variant => "the other wording".to_string(),
        },
        span: (start, end),
    };
    let (l, c, offset, len) = q.facts.at;
    out.add(
        rule,
        At {
            file: q.file,
            pos: Pos {
                line: l,
                column: c,
                offset,
                len,
            },
        },
        message,
    )
    .claim(Some(&q.facts.claim))
    .help(help)
    .related(Some(related))
    .push();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<String> {
        speaker_key(s).unwrap()
    }

    #[test]
    fn words_are_normalised_and_omissions_kept() {
        assert_eq!(
            normal_words("“We WON’T — ever — give up,” …"),
            "we won't ever give up"
        );
        assert_eq!(
            normal_words("Russia and the US... must do [everything] possible"),
            "russia and the us … must do … possible"
        );
        // Leading and trailing omissions say nothing.
        assert_eq!(normal_words("… the talks …"), "the talks");
        assert_eq!(normal_words("cafe\u{301} Cre\u{300}me"), "café crème");
        assert_eq!(
            normal_words("the U.S. and the E. U. agree"),
            "the us and the eu agree"
        );
        assert_eq!(normal_words("plan B is a plan"), "plan b is a plan");
    }

    #[test]
    fn a_surname_is_the_full_name_and_descriptions_are_no_one() {
        assert!(same_speaker(&key("Sergei Lavrov"), &key("Lavrov")));
        assert!(same_speaker(&key("Sergey Lavrov"), &key("Sergei Lavrov")));
        assert!(same_speaker(&key("S. Lavrov"), &key("sergei LAVROV")));
        assert!(same_speaker(&key("Mr Lavrov"), &key("Sergei Lavrov")));
        assert!(same_speaker(&key("José Núñez"), &key("Jose Nunez")));
        assert!(!same_speaker(&key("Sergei Lavrov"), &key("Vladimir Putin")));
        assert!(!same_speaker(&key("Maria Zakharova"), &key("Lavrov")));
        assert!(!same_speaker(&key("Anna Berg"), &key("Tomas Berg")));
        assert_eq!(speaker_key("a senior official"), None);
        assert_eq!(speaker_key("  "), None);
    }

    fn parts(words: &str, vocab: &mut HashMap<String, u32>) -> Vec<Vec<u32>> {
        words
            .split(" … ")
            .map(|p| {
                p.split(' ')
                    .map(|w| {
                        let n = vocab.len() as u32;
                        *vocab.entry(w.to_string()).or_insert(n)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_omission_matches_its_parts_in_order() {
        let mut v = HashMap::new();
        let long = parts("we must do everything possible to prevent a war", &mut v);
        let flat: Vec<u32> = long.concat();
        let cut = parts("we must do … to prevent a war", &mut v);
        assert!(contained(&cut, &flat));
        let fragment = parts("everything possible to prevent", &mut v);
        assert!(contained(&fragment, &flat));
        let backwards = parts("to prevent a war … we must do", &mut v);
        assert!(!contained(&backwards, &flat));
        let changed = parts("we must do anything possible", &mut v);
        assert!(!contained(&changed, &flat));
    }

    #[test]
    fn the_word_diff_shows_what_changed() {
        let a: Vec<&str> = "we will not give up the fight".split(' ').collect();
        let b: Vec<&str> = "we shall not give up this fight".split(' ').collect();
        assert_eq!(
            word_diff(&a, &b),
            "we [-will-] {+shall+} not give up [-the-] {+this+} fight"
        );
        // Long quotes are compared up to MAX_WORDS and the shared words shortened.
        let long: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        let diff = word_diff(&long[..MAX_WORDS], &long[1..=MAX_WORDS]);
        assert!(diff.len() < 200, "{diff}");
    }

    fn file(name: &str, article: &str, quotes: &[(&str, Option<&str>, &str)]) -> FileCheck {
        FileCheck {
            file: format!("claims/{name}.yaml"),
            findings: Vec::new(),
            resolved: Vec::new(),
            links: Vec::new(),
            evidence: Vec::new(),
            claims: quotes.len(),
            references: 0,
            article: Some(super::super::ArticleFacts {
                path: format!("articles/{article}.txt"),
                date: None,
                cites: Vec::new(),
                claims: quotes.iter().map(|q| q.0.to_string()).collect(),
            }),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(k, (id, speaker, text))| QuoteFacts {
                    claim: id.to_string(),
                    speaker: speaker.map(str::to_string),
                    words: normal_words(text),
                    at: (k + 3, 9, k * 10, 5),
                    article: (k + 1, 1, 0, 0),
                    review: None,
                })
                .collect(),
        }
    }

    /// The findings' rule, file and claim, sorted; the same on one thread as on three.
    fn codes(files: &[FileCheck]) -> Vec<(String, String, String)> {
        let (open, _) = findings(&Config::default(), files, 3);
        assert_eq!(
            findings(&Config::default(), files, 1).0,
            open,
            "the thread count changed the findings"
        );
        let mut out: Vec<_> = open
            .iter()
            .map(|f| {
                (
                    f.rule.code().to_string(),
                    f.file.clone(),
                    f.claim.clone().unwrap_or_default(),
                )
            })
            .collect();
        out.sort();
        out
    }

    const WORDS: &str = "Russia and the US must do everything possible to prevent confrontation";

    #[test]
    fn the_same_words_from_two_speakers_conflict_on_both_sides() {
        let files = [
            file("a", "a", &[("q-a", Some("Sergei Lavrov"), WORDS)]),
            file(
                "b",
                "b",
                &[(
                    "q-b",
                    Some("Vladimir Putin"),
                    "“Russia and the U.S. … must do everything possible”",
                )],
            ),
            file("c", "c", &[("q-c", Some("Lavrov"), WORDS)]),
            file("d", "d", &[("q-d", None, WORDS)]),
        ];
        let got = codes(&files);
        assert_eq!(
            got,
            [
                ("conflicting-attribution", "claims/a.yaml", "q-a"),
                ("conflicting-attribution", "claims/b.yaml", "q-b"),
                ("conflicting-attribution", "claims/c.yaml", "q-c"),
            ]
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        );
        let (open, _) = findings(&Config::default(), &files, 2);
        let b = open
            .iter()
            .find(|f| f.claim.as_deref() == Some("q-b"))
            .unwrap();
        assert!(b.message.contains("Vladimir Putin"), "{}", b.message);
        assert!(b
            .message
            .contains("articles/a.txt (claim q-a, Sergei Lavrov)"));
        assert_eq!(b.related.as_ref().unwrap().file, "articles/a.txt");
        assert_eq!((b.line, b.column), (3, 9));
    }

    #[test]
    fn one_article_or_one_speaker_is_no_conflict() {
        let same_article = [
            file("a", "a", &[("q-1", Some("Lavrov"), WORDS)]),
            file("a2", "a", &[("q-2", Some("Putin"), WORDS)]),
        ];
        assert!(codes(&same_article).is_empty());
        let one_speaker = [
            file("a", "a", &[("q-1", Some("Sergey Lavrov"), WORDS)]),
            file("b", "b", &[("q-2", Some("Lavrov"), WORDS)]),
        ];
        assert!(codes(&one_speaker).is_empty());
        let short = [
            file("a", "a", &[("q-1", Some("Lavrov"), "we must do it now")]),
            file("b", "b", &[("q-2", Some("Putin"), "we must do it now")]),
        ];
        assert!(codes(&short).is_empty(), "under MIN_WORDS");
    }

    #[test]
    fn another_wording_is_a_variant_with_its_diff() {
        let files = [
            file("a", "a", &[("q-a", Some("Lavrov"), WORDS)]),
            file(
                "b",
                "b",
                &[(
                    "q-b",
                    Some("Lavrov"),
                    "Russia and America must do everything possible to prevent confrontation",
                )],
            ),
            file(
                "c",
                "c",
                &[(
                    "q-c",
                    Some("Lavrov"),
                    "Russia and the US will talk about confrontation next spring in Geneva",
                )],
            ),
        ];
        assert_eq!(
            codes(&files),
            [
                ("quote-variant", "claims/a.yaml", "q-a"),
                ("quote-variant", "claims/b.yaml", "q-b"),
            ]
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        );
        let (open, _) = findings(&Config::default(), &files, 2);
        let b = open
            .iter()
            .find(|f| f.claim.as_deref() == Some("q-b"))
            .unwrap();
        assert!(b.help.contains("[-the us-] {+america+}"), "{}", b.help);
    }

    #[test]
    fn stock_phrases_do_not_pair_everything() {
        // 100 articles sharing one sentence, each from another speaker: past POSTING_MAX the
        // shared shingles find no candidates, so the work stays linear and nothing is found.
        let names: Vec<String> = (0..100).map(|i| format!("Person{i} Name{i}")).collect();
        let files: Vec<FileCheck> = (0..100)
            .map(|i| {
                file(
                    &format!("f{i}"),
                    &format!("a{i}"),
                    &[("q", Some(names[i].as_str()), WORDS)],
                )
            })
            .collect();
        assert!(codes(&files).is_empty());
    }
}
