//! Name runs: which capitalised words of a sentence (with the particles, `of`, `for` and `and`
//! that may join them) stand together as one name, and where a run starts once words capitalised
//! only by the sentence are dropped.

use super::super::lexicon::{self, contains};
use super::super::text::{lower, Token};
use super::{breaks_after, is_handle, is_org_word, is_title, name_like};

/// Do the capitalised words from `toks[k]` end in an organisation word before the run breaks?
fn and_joins_org(toks: &[Token], k: usize) -> bool {
    for t in toks.iter().skip(k).take(4) {
        if !name_like(t) || !t.leading().is_empty() {
            return false;
        }
        if is_org_word(t.word) {
            return true;
        }
        if breaks_after(t) {
            return false;
        }
    }
    false
}

/// Group tokens into capitalised runs: `(first, last_exclusive)` token indices.
pub(super) fn runs(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A social-media handle is a name of its own: "@riverwatch".
        if is_handle(&toks[i]) {
            out.push((i, i + 1));
            i += 1;
            continue;
        }
        if !name_like(&toks[i]) || !toks[i].leading().is_empty() && toks[i].leading().contains('"')
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && !breaks_after(&toks[j - 1]) {
            let t = &toks[j];
            if t.leading().contains(['(', '"', '[']) {
                break;
            }
            if name_like(t)
                || (t.word.starts_with(|c: char| c.is_ascii_digit()) && !t.word.contains(','))
            {
                j += 1;
                continue;
            }
            // Connectors between capitalised words: particles and "of" always; "for" after a
            // title ("Envoy for Climate John Kerry"); "and" when the words after it end an
            // organisation's or a title's name ("Trade and Development Agency",
            // "Secretary for European and Eurasian Affairs Jane Doe").
            let lw = lower(t.word);
            let has_title = toks[i..j].iter().any(|t| is_title(t.word));
            let after_title = has_title
                && toks[i..j].iter().any(|t| matches!(t.word, "of" | "for"))
                && toks[j + 1..]
                    .iter()
                    .take(3)
                    .take_while(|t| name_like(t) && t.leading().is_empty())
                    .count()
                    == 3;
            let joins = contains(&lexicon::NAME_PARTICLES, &lw)
                || lw == "of"
                || (lw == "for" && has_title)
                || (matches!(&*lw, "and" | "&") && (after_title || and_joins_org(toks, j + 1)));
            if joins && j + 1 < toks.len() && !breaks_after(t) {
                let mut k = j + 1;
                if lw == "of"
                    && toks[k].word == "the"
                    && k + 1 < toks.len()
                    && !breaks_after(&toks[k])
                {
                    k += 1;
                }
                if name_like(&toks[k]) && toks[k].leading().is_empty() {
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        // Drop leading words that are capitalised only because they start a sentence or are
        // function words ("The", "In", "According").
        let mut s = i;
        while s < j && contains(&lexicon::NOT_NAMES, &lower(toks[s].word)) {
            s += 1;
        }
        // A role noun capitalised only because it opens the sentence ("Grower Tom Ashby").
        if s == 0 && j > 1 && contains(&lexicon::ROLE_NOUNS, &lower(toks[0].word)) {
            s = 1;
        }
        // Trailing connectors cannot end a run.
        let mut e = j;
        while e > s
            && !name_like(&toks[e - 1])
            && !toks[e - 1].word.starts_with(|c: char| c.is_ascii_digit())
        {
            e -= 1;
        }
        if s < e
            && toks[s..e]
                .iter()
                .any(|t| t.word.chars().any(char::is_alphabetic) && name_like(t))
        {
            out.push((s, e));
        }
        i = j.max(i + 1);
    }
    out
}
