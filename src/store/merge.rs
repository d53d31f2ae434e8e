//! Re-extraction never loses an editor's work: the new extraction of an article is merged into
//! its existing claim file.
//!
//! The new extraction is authoritative for what extract finds (the article record, the
//! references, the claims and their fields). What editors wrote is carried over:
//!
//! 1. Each old claim carrying editor work (a review, notes, link decisions) or added by hand
//!    (`manual: true`, or an id extract never gives) is matched to a new claim of the same
//!    kind: by id (same words, wherever they moved), else by the same words, else by context
//!    (the new claim sits between the old prefix and the old suffix: the sentence was edited
//!    in place), else by shared words (at least half of all their distinct words). A
//!    hand-added claim is matched by id or the same words only. The match gets the old
//!    claim's review, notes, link decisions and `manual` flag. A review keeps its `judged`
//!    fingerprint, so a review carried to edited words is reported as `stale-review`, never
//!    silently applied.
//! 2. An old claim with editor work that matches nothing is kept: re-anchored where its exact
//!    words now are (nearest its old context), or, when they are gone, kept where it was with
//!    `vanished: true` (check reports `stale-claim`).
//! 3. Old claims without editor work that match nothing are extract's own output from an older
//!    version of the article, and are dropped.
//!
//! Kept claims are placed among the new ones by their position, so that merging the same
//! extraction again changes nothing.
//!
//! A claim an editor wrote a YAML comment on is matched the same way (so that the comment
//! follows the claim to its edited words, see [`super::comments`]), but a comment alone does
//! not keep a claim that matches nothing: its comment is kept without it.

use crate::model::correction::{self, Correctable, Stamp};
use crate::model::{Claim, ClaimFile, Reference};
use std::collections::{BTreeSet, HashMap};

/// Merge a new extraction (`new`, of the article whose text is `article`) into the claim file
/// that was on disk (`old`). Corrections found on the way are recorded as by an unknown
/// editor, today; [`merge_commented`] takes who and when.
pub fn merge(old: &ClaimFile, new: ClaimFile, article: &str) -> ClaimFile {
    merge_commented(old, new, article, &BTreeSet::new()).0
}

/// Who and when for corrections when the caller does not say: an unknown editor, today.
fn unknown_editor() -> Stamp {
    Stamp {
        by: "unknown editor".to_string(),
        date: crate::model::review::today(),
    }
}

/// Carry each old reference's corrections (and the fields an editor changed by hand) to the
/// new reference it became: the one with the same words, else the same id.
fn merge_references(old: &[Reference], new: &mut [Reference], stamp: &dyn Fn() -> Stamp) {
    let worked: Vec<&Reference> = old.iter().filter(|r| r.has_editor_work()).collect();
    if worked.is_empty() {
        return;
    }
    let mut taken = vec![false; new.len()];
    let mut rest = Vec::new();
    for o in worked {
        match new.iter().position(|n| n.raw == o.raw && n.id == o.id) {
            Some(i) if !taken[i] => {
                taken[i] = true;
                correction::carry(o, &mut new[i], stamp);
            }
            _ => rest.push(o),
        }
    }
    for o in rest {
        let at = (0..new.len())
            .find(|&i| !taken[i] && new[i].raw == o.raw)
            .or_else(|| (0..new.len()).find(|&i| !taken[i] && new[i].id == o.id));
        if let Some(i) = at {
            taken[i] = true;
            correction::carry(o, &mut new[i], stamp);
        }
    }
}

/// [`merge`], where the old claims with the ids `commented` carry editors' comments: they are
/// matched as claims with editor work are. Also returns what became of each of those and of
/// each claim with editor work whose id changed: the new id, or `None` when it was dropped.
pub fn merge_commented(
    old: &ClaimFile,
    new: ClaimFile,
    article: &str,
    commented: &BTreeSet<String>,
) -> (ClaimFile, HashMap<String, Option<String>>) {
    merge_stamped(old, new, article, commented, &unknown_editor)
}

/// [`merge_commented`], where `stamp` says who and when for the corrections found on the way
/// (asked only when there is one).
pub fn merge_stamped(
    old: &ClaimFile,
    mut new: ClaimFile,
    article: &str,
    commented: &BTreeSet<String>,
    stamp: &dyn Fn() -> Stamp,
) -> (ClaimFile, HashMap<String, Option<String>>) {
    merge_references(&old.references, &mut new.references, stamp);
    let mut renamed: HashMap<String, Option<String>> = HashMap::new();
    let mut taken = vec![false; new.claims.len()];
    let mut kept: Vec<Claim> = Vec::new();
    let by_id: HashMap<&str, usize> = new
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut matches: Vec<(usize, &Claim)> = Vec::new();
    let worked: Vec<&Claim> = old
        .claims
        .iter()
        .filter(|c| c.has_editor_work() || commented.contains(&c.id))
        .collect();
    // Matching by id first for every claim, so that a context match cannot take a claim that
    // another old claim owns by id.
    let mut rest: Vec<&Claim> = Vec::new();
    for o in worked {
        match by_id.get(o.id.as_str()) {
            // A kind the editor corrected keeps the id extract gave the other kind.
            Some(&i) if !taken[i] && (new.claims[i].kind == o.kind || edits_kind(o)) => {
                taken[i] = true;
                matches.push((i, o));
            }
            _ => rest.push(o),
        }
    }
    // The index of the new claims' words is built only when some claim must be matched by
    // them: most merges match every claim by id.
    if !rest.is_empty() {
        let index = NewClaims::new(&new.claims);
        for o in rest {
            match find_match(o, &new.claims, &index, &taken, article) {
                Some(i) => {
                    taken[i] = true;
                    matches.push((i, o));
                }
                None if o.has_editor_work() => kept.push(reanchor(o, article)),
                None => {
                    renamed.insert(o.id.clone(), None);
                }
            }
        }
    }
    for (i, o) in matches {
        let c = &mut new.claims[i];
        if c.id != o.id {
            renamed.insert(o.id.clone(), Some(c.id.clone()));
        }
        c.review = o.review.clone();
        c.notes = o.notes.clone();
        c.links = o.links.clone();
        c.manual = o.manual;
        correction::carry(o, c, stamp);
    }
    if kept.is_empty() {
        return (new, renamed);
    }
    // Each kept claim goes before the first new claim that starts after it.
    let slot = |k: &Claim| {
        new.claims
            .iter()
            .position(|c| c.start > k.start)
            .unwrap_or(new.claims.len())
    };
    let mut placed: Vec<(usize, Claim)> = kept.into_iter().map(|k| (slot(&k), k)).collect();
    placed.sort_by_key(|(s, _)| *s);
    let mut out = Vec::with_capacity(new.claims.len() + placed.len());
    let mut placed = placed.into_iter().peekable();
    for (i, c) in std::mem::take(&mut new.claims).into_iter().enumerate() {
        while let Some((_, k)) = placed.next_if(|(s, _)| *s <= i) {
            out.push(k);
        }
        out.push(c);
    }
    out.extend(placed.map(|(_, k)| k));
    new.claims = out;
    (new, renamed)
}

/// Does the claim's kind differ from extract's by an editor's hand or correction?
fn edits_kind(o: &Claim) -> bool {
    o.hand_edited() || o.corrections.iter().any(|c| c.field == "kind")
}

/// The new claims by their words, and each one's set of words (made on first need), so that
/// matching many old claims does not compare or split every new claim's text again for each.
struct NewClaims<'a> {
    by_text: HashMap<&'a str, Vec<usize>>,
    words: Vec<std::cell::OnceCell<BTreeSet<String>>>,
}

impl<'a> NewClaims<'a> {
    fn new(new: &'a [Claim]) -> NewClaims<'a> {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in new.iter().enumerate() {
            by_text.entry(c.text.as_str()).or_default().push(i);
        }
        NewClaims {
            by_text,
            words: std::iter::repeat_with(std::cell::OnceCell::new)
                .take(new.len())
                .collect(),
        }
    }

    /// The new claims whose words are `text`, in order.
    fn with_text(&self, text: &str) -> &[usize] {
        self.by_text.get(text).map_or(&[], Vec::as_slice)
    }

    fn words(&self, new: &[Claim], i: usize) -> &BTreeSet<String> {
        self.words[i].get_or_init(|| words(&new[i].text))
    }
}

/// The new claim an old one became, if any.
fn find_match(
    o: &Claim,
    new: &[Claim],
    index: &NewClaims,
    taken: &[bool],
    article: &str,
) -> Option<usize> {
    let free = || {
        new.iter()
            .enumerate()
            .filter(|(i, c)| !taken[*i] && c.kind == o.kind)
    };
    let nearest = |it: Vec<usize>| {
        it.into_iter()
            .min_by_key(|&i| new[i].start.abs_diff(o.start))
    };
    // The same words.
    let same_text = index.with_text(&o.text);
    let same: Vec<usize> = same_text
        .iter()
        .copied()
        .filter(|&i| !taken[i] && new[i].kind == o.kind)
        .collect();
    if let Some(i) = nearest(same) {
        return Some(i);
    }
    // Its words are still there, but another old claim with the same words (a sentence the
    // article repeats) took them: keep this one beside it, re-anchored on those words, rather
    // than hand its verdict to some neighbouring sentence through its context.
    if same_text.iter().any(|&i| new[i].kind == o.kind) {
        return None;
    }
    if o.is_hand_added() {
        // A hand-added claim is its editor's words: only the very same words replace it.
        return None;
    }
    // Edited in place: the old context is still right around a new claim, on each side where
    // there was some.
    let meaningful = |s: &str| s.trim().chars().count() >= 8;
    let context: Vec<usize> = free()
        .filter(|(_, c)| {
            let before = article.get(..c.start).unwrap_or("");
            let after = article.get(c.end..).unwrap_or("");
            (meaningful(&o.prefix) || meaningful(&o.suffix))
                && (!meaningful(&o.prefix) || before.ends_with(&o.prefix))
                && (!meaningful(&o.suffix) || after.starts_with(&o.suffix))
        })
        .map(|(i, _)| i)
        .collect();
    if let Some(i) = nearest(context) {
        return Some(i);
    }
    // Mostly the same words (the sentence and its surroundings were edited).
    let ow = words(&o.text);
    free()
        .map(|(i, _)| (i, similarity(&ow, index.words(new, i))))
        .filter(|(_, s)| *s >= 0.5)
        .max_by(|a, b| {
            a.1.partial_cmp(&b.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(
                    new[b.0]
                        .start
                        .abs_diff(o.start)
                        .cmp(&new[a.0].start.abs_diff(o.start)),
                )
        })
        .map(|(i, _)| i)
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// An old claim that no new claim matched, placed where its words now are, or marked vanished.
fn reanchor(o: &Claim, article: &str) -> Claim {
    let mut c = o.clone();
    let at = if o.text.is_empty() {
        None
    } else {
        article
            .match_indices(o.text.as_str())
            .map(|(i, _)| i)
            .max_by_key(|&i| {
                let before = article.get(..i).unwrap_or("");
                let after = article.get(i + o.text.len()..).unwrap_or("");
                (
                    before.ends_with(&o.prefix),
                    after.starts_with(&o.suffix),
                    std::cmp::Reverse(i.abs_diff(o.start)),
                )
            })
    };
    match at {
        Some(start) => {
            let end = start + o.text.len();
            let (line, column) = crate::article::line_col(article, start);
            c.start = start;
            c.end = end;
            c.line = line;
            c.column = column;
            c.prefix = crate::extract::context_before(article, start, 40);
            c.suffix = crate::extract::context_after(article, end, 40);
            c.vanished = false;
        }
        None => c.vanished = true,
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::model::review::{text_fingerprint, Review, Verdict};

    fn extract(text: &str) -> ClaimFile {
        let x = crate::extract::extract(&Article::from_text(
            "articles/a.txt",
            text.to_string(),
            Format::Text,
        ));
        ClaimFile {
            version: 1,
            article: x.article,
            references: x.references,
            claims: x.claims,
        }
    }

    fn reviewed(mut f: ClaimFile, start: &str) -> ClaimFile {
        let c = f
            .claims
            .iter_mut()
            .find(|c| c.text.starts_with(start))
            .unwrap();
        let mut r = Review::new(Verdict::Verified, "Ann", "2025-01-01");
        r.judged = text_fingerprint(&c.text);
        c.review = Some(r);
        c.notes.push("checked".into());
        f
    }

    const A: &str = "The council approved the budget on March 3, 2024.\n\nThe mayor resigned in 2023 after the audit.\n\nTaxes rose by 4% in 2022.\n";

    #[test]
    fn moved_edited_and_deleted_claims_keep_their_reviews() {
        let old = reviewed(extract(A), "The mayor resigned");
        // Moved: a new paragraph before it.
        let moved = format!("Rain fell all week in 2021.\n\n{A}");
        let m = merge(&old, extract(&moved), &moved);
        let c = m.claims.iter().find(|c| c.review.is_some()).unwrap();
        assert_eq!(&moved[c.start..c.end], c.text);
        assert!(!m.claims.iter().any(|c| c.vanished));
        // Idempotent.
        assert_eq!(merge(&m, extract(&moved), &moved), m);
        // Edited in place: the review follows, and is stale.
        let edited = A.replace("resigned in 2023", "resigned in 2022");
        let e = merge(&old, extract(&edited), &edited);
        let c = e.claims.iter().find(|c| c.review.is_some()).unwrap();
        assert!(c.text.contains("2022") && c.review_is_stale() && !c.vanished);
        assert_eq!(c.notes, ["checked"]);
        // Deleted: kept, vanished.
        let gone = A.replace("The mayor resigned in 2023 after the audit.\n\n", "");
        let g = merge(&old, extract(&gone), &gone);
        let c = g.claims.iter().find(|c| c.review.is_some()).unwrap();
        assert!(c.vanished);
        assert_eq!(merge(&g, extract(&gone), &gone), g);
    }

    #[test]
    fn a_repeated_sentence_keeps_both_reviews_on_its_own_words() {
        const REPEAT: &str = "The mayor resigned in 2023 after the audit.\n\nThe mayor resigned in 2023 after the audit.\n";
        let mut old = extract(REPEAT);
        for (k, c) in old.claims.iter_mut().enumerate() {
            let mut r = Review::new(Verdict::Verified, &format!("editor-{k}"), "2025-01-01");
            r.judged = text_fingerprint(&c.text);
            c.review = Some(r);
        }
        // The article now says it once, after a sentence it repeats: the sentence before the
        // mayor's is also the one before the second "The council" (the same context).
        let once = "The council approved the budget on March 3, 2024.\n\nThe council approved the budget on March 3, 2024.\n\nThe mayor resigned in 2023 after the audit.\n";
        let m = merge(&old, extract(once), once);
        let reviewed: Vec<&Claim> = m.claims.iter().filter(|c| c.review.is_some()).collect();
        assert_eq!(reviewed.len(), 2);
        for c in &reviewed {
            assert!(
                c.text.starts_with("The mayor") && !c.review_is_stale(),
                "{c:?}"
            );
        }
        assert_eq!(
            merge(&m, extract(once), once),
            m,
            "a second merge moves nothing"
        );
    }

    #[test]
    fn hand_added_claims_are_reanchored() {
        let mut old = extract(A);
        let mut hand = old.claims[0].clone();
        hand.id = "my-claim".into();
        hand.text = "Taxes rose".into();
        hand.manual = true;
        hand.start = 0;
        hand.prefix = String::new();
        hand.suffix = String::new();
        old.claims.push(hand);
        let moved = format!("Intro.\n\n{A}");
        let m = merge(&old, extract(&moved), &moved);
        let c = m.claims.iter().find(|c| c.id == "my-claim").unwrap();
        assert_eq!(&moved[c.start..c.end], "Taxes rose");
        assert!(!c.vanished);
        assert_eq!(merge(&m, extract(&moved), &moved), m);
        // Without the flag, an id extract never gives marks it as hand-added too.
        let mut unflagged = m.clone();
        for c in &mut unflagged.claims {
            c.manual = false;
        }
        let u = merge(&unflagged, extract(&moved), &moved);
        assert!(u.claims.iter().any(|c| c.id == "my-claim"));
    }

    #[test]
    fn extract_ids_are_recognised() {
        use crate::model::claim::is_extract_id;
        for id in ["q-2afe18ad", "a-3d0af059-2", "r-00000000"] {
            assert!(is_extract_id(id), "{id}");
        }
        for id in [
            "my-claim",
            "q-2afe18a",
            "q-2AFE18AD",
            "x-2afe18ad",
            "a-3d0af059-",
            "a-3d0af059-x",
        ] {
            assert!(!is_extract_id(id), "{id}");
        }
    }

    /// As extract writes it: with the hash of each item's fields.
    fn written(text: &str) -> ClaimFile {
        crate::store::claims::claim_file_of(&crate::extract::extract(&Article::from_text(
            "articles/a.txt",
            text.to_string(),
            Format::Text,
        )))
    }

    fn stamp() -> Stamp {
        Stamp {
            by: "Ann".into(),
            date: "2025-01-02".into(),
        }
    }

    const SAID: &str = "\"We will not pay for their mistakes,\" said Ward, the union leader.\n\nThe mayor resigned in 2023 after the audit.\n";

    fn merged(old: &ClaimFile, text: &str) -> ClaimFile {
        merge_stamped(old, written(text), text, &BTreeSet::new(), &stamp).0
    }

    #[test]
    fn a_hand_edited_speaker_becomes_a_correction_and_stays() {
        let mut old = written(SAID);
        let q = old
            .claims
            .iter_mut()
            .find(|c| c.kind == crate::model::ClaimKind::Quote)
            .unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Ward"));
        q.speaker = Some("Bob Ward".into());
        let m = merged(&old, SAID);
        let q = m
            .claims
            .iter()
            .find(|c| c.kind == crate::model::ClaimKind::Quote)
            .unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Bob Ward"));
        assert_eq!(q.corrections.len(), 1);
        assert_eq!(q.corrections[0].extracted.as_deref(), Some("Ward"));
        assert_eq!(q.corrections[0].by, "Ann");
        assert!(!q.hand_edited() && q.stale_corrections().is_empty());
        assert_eq!(merged(&m, SAID), m, "a second merge changes nothing");
        // The sentence changes: kept, and stale.
        let edited = SAID.replace("will not", "will never");
        let e = merged(&m, &edited);
        let q = e
            .claims
            .iter()
            .find(|c| c.kind == crate::model::ClaimKind::Quote)
            .unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Bob Ward"));
        assert_eq!(q.stale_corrections().len(), 1);
    }

    #[test]
    fn extract_output_without_a_hash_is_not_taken_for_an_edit() {
        // A file written before corrections existed: its values are extract's own, and a
        // newer extraction replaces them.
        let mut old = written(SAID);
        for c in &mut old.claims {
            c.extracted = None;
            c.speaker = Some("Someone Else".into());
        }
        let m = merged(&old, SAID);
        assert!(m.claims.iter().all(|c| c.corrections.is_empty()));
        assert!(m
            .claims
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Ward")));
    }

    #[test]
    fn a_corrected_kind_keeps_its_claim_and_id() {
        let mut old = written(SAID);
        let a = old
            .claims
            .iter_mut()
            .find(|c| c.kind == crate::model::ClaimKind::Assertion)
            .unwrap();
        let id = a.id.clone();
        a.kind = crate::model::ClaimKind::Reported;
        let m = merged(&old, SAID);
        let c = m.claims.iter().find(|c| c.id == id).unwrap();
        assert_eq!(c.kind, crate::model::ClaimKind::Reported);
        assert_eq!(
            m.claims.len(),
            old.claims.len(),
            "no second copy of the claim"
        );
        assert_eq!(merged(&m, SAID), m);
    }

    #[test]
    fn a_hand_edited_reference_keeps_its_outlet() {
        const CITED: &str = "Prices rose by 4% in 2022, Reuters reported.\n";
        let mut old = written(CITED);
        assert!(!old.references.is_empty());
        old.references[0].outlet = Some("Reuters News Agency".into());
        let m = merged(&old, CITED);
        assert_eq!(
            m.references[0].outlet.as_deref(),
            Some("Reuters News Agency")
        );
        assert_eq!(m.references[0].corrections.len(), 1);
        assert_eq!(merged(&m, CITED), m);
    }
}
