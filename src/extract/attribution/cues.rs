//! The sieves that start from a cue word inside the sentence rather than from the quotation
//! marks: `quoted as saying`, `according to`, a passive `by`, a participle (`adding`), a verb
//! of saying, and a speech noun (`in a statement`).

use super::super::lexicon::{self, contains};
use super::super::names::{subject_after, subject_before, Names, Subject};
use super::super::text::Token;
use super::{cue_from, first_subject, found, is_say, noun_phrase, Attribution};

/// Sieve 3a: `X quoted Y as saying`, `X quotes Y as saying to Z:`, `Y was quoted as saying`
/// → Y.
pub fn quoted_as_saying(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    if toks[v].word != "saying" || v < 2 || toks[v - 1].word != "as" {
        return None;
    }
    let cue = "quoted as saying".to_string();
    if v >= 3
        && matches!(toks[v - 2].word, "quoted" | "cited")
        && matches!(toks[v - 3].word, "was" | "were" | "is" | "been" | "being")
    {
        let subject = subject_before(names, toks, v - 3)?;
        return found(names, &subject, cue);
    }
    let q = (v.saturating_sub(10)..v - 1).rev().find(|&j| {
        matches!(
            toks[j].word,
            "quoted" | "quotes" | "quoting" | "cited" | "cites"
        )
    })?;
    let subject = noun_phrase(names, toks, q + 1)?;
    found(names, &subject, cue)
}

/// Sieve 3b: `according to X`, `according to a statement released by X`, `according to X's
/// statement` → X.
pub fn according_to(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    if !toks[v].word.eq_ignore_ascii_case("according")
        || toks.get(v + 1).is_none_or(|n| n.word != "to")
    {
        return None;
    }
    let cue = "according to".to_string();
    // "a statement released by X": the agent.
    let k = (v + 2..toks.len().min(v + 8)).find(|&k| toks[k].word == "by");
    if let Some(k) = k {
        let between = &toks[v + 2..k];
        if between
            .iter()
            .any(|t| contains(&lexicon::SPEECH_NOUNS, &t.word.to_lowercase()))
            && between.iter().all(|t| t.trailing().is_empty())
        {
            if let Some(s) = noun_phrase(names, toks, k + 1) {
                return found(names, &s, cue);
            }
        }
    }
    let subject = noun_phrase(names, toks, v + 2)?;
    found(names, &subject, cue)
}

/// Sieve 3c: a verb or noun of saying followed by `by X`: `was told by his commander to`,
/// `Assurances by the presiding judge that` → X.
pub fn by_agent(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    if toks[v].word != "by" || v == 0 || !toks[v - 1].trailing().is_empty() {
        return None;
    }
    let p = toks[v - 1].word.to_lowercase();
    let singular = p.strip_suffix('s').unwrap_or(&p);
    let of_saying = contains(&lexicon::SAY_VERBS, &p)
        || contains(&lexicon::SPEECH_NOUNS, &p)
        || contains(&lexicon::SPEECH_NOUNS, singular)
        || matches!(
            p.as_str(),
            "written"
                | "issued"
                | "released"
                | "published"
                | "posted"
                | "signed"
                | "made"
                | "given"
                | "quoted"
                | "spoken"
                | "delivered"
                | "voiced"
                | "expressed"
        );
    if !of_saying {
        return None;
    }
    let subject = noun_phrase(names, toks, v + 1)?;
    found(names, &subject, format!("{} by", toks[v - 1].word))
}

/// Sieve 3d: `X did Y, saying "…"` / `, adding that "…"`: the subject of the clause.
pub fn participle_cue(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    let w = toks[v].word;
    let participle = matches!(
        w,
        "saying"
            | "adding"
            | "noting"
            | "writing"
            | "arguing"
            | "explaining"
            | "stating"
            | "declaring"
            | "insisting"
            | "warning"
            | "claiming"
            | "telling"
            | "tweeting"
            | "posting"
            | "complaining"
    );
    if !participle || v == 0 || toks[v - 1].trailing() != "," {
        return None;
    }
    let subject = first_subject(names, &toks[..v])?;
    found(names, &subject, w.to_string())
}

/// Sieve 3e: a verb of saying, with its subject before it ("Lavrov said", "who said", a
/// possessive work: "Bob Ward's opinion piece in The Sentinel notes") or after it ("said
/// Lavrov").
pub fn say_verb(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    if !is_say(&toks[v]) {
        return None;
    }
    if let Some(owner) = work_owner(names, toks, v) {
        return found(names, &owner, toks[v].word.to_string());
    }
    // "who said" → the name before "who"; "said Lavrov, "…"" → the name after.
    // The cue takes the words after the verb only when the subject came before it.
    let (subject, extend) = match subject_before(names, toks, v) {
        Some(s) => (s, true),
        None => (subject_after(names, toks, v)?, false),
    };
    found(names, &subject, cue_from(toks, v, extend))
}

/// `X's statement / testimony / op-ed / opinion piece (in Outlet) notes`: the author X, never
/// the outlet the work appeared in.
fn work_owner(names: &Names, toks: &[Token], v: usize) -> Option<Subject> {
    for j in (v.saturating_sub(9)..v).rev() {
        let t = &toks[j];
        if !t.trailing().is_empty() && j + 1 < v {
            return None;
        }
        if !contains(&lexicon::SPEECH_NOUNS, &t.word.to_lowercase()) {
            continue;
        }
        // Between the work and the verb: nothing, or a phrase saying where it appeared.
        let rest = &toks[j + 1..v];
        if !rest.is_empty()
            && !matches!(
                rest[0].word,
                "in" | "on" | "for" | "at" | "published" | "posted" | "from"
            )
        {
            return None;
        }
        // The owner: a possessive within two words before the noun ("Ward's opinion piece").
        for k in (j.saturating_sub(2)..j).rev() {
            let o = &toks[k];
            if o.raw.ends_with("'s") {
                let end = o.start + o.leading().len() + o.word.len();
                return names.mention_ending_at(end).map(Subject::Name);
            }
            if matches!(o.word, "his" | "her") {
                let word = if o.word == "his" { "he" } else { "she" };
                return Some(Subject::Pronoun {
                    word: word.to_string(),
                    at: o.start,
                });
            }
        }
        return None;
    }
    None
}

/// Sieve 3f: a possessive with a noun of saying: `the Pentagon's request for "…"`, `its
/// statement`.
pub fn speech_noun(names: &Names, toks: &[Token], v: usize) -> Option<Attribution> {
    let t = &toks[v];
    if !contains(&lexicon::SPEECH_NOUNS, t.word) || v == 0 {
        return None;
    }
    let p = &toks[v - 1];
    let pronoun = matches!(p.word, "its" | "his" | "her" | "their");
    let possessive = p.raw.ends_with("'s") || pronoun;
    if !(possessive && p.trailing().is_empty() || p.raw.ends_with("'s")) {
        return None;
    }
    let subject = if pronoun {
        let word = match p.word {
            "his" => "he",
            "her" => "she",
            _ => "it",
        };
        Subject::Pronoun {
            word: word.to_string(),
            at: p.start,
        }
    } else {
        let start = p.start + p.leading().len();
        let end = start + p.word.len();
        Subject::Name(names.mention_ending_at(end)?)
    };
    found(names, &subject, t.word.to_string())
}
