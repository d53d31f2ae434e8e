//! Reported speech ("Lavrov confirmed that …") and checkable assertions in the writer's voice.

use super::lexicon::{self, contains};
use super::names::{subject_before, Names, Speaker};
use super::text::{tokens, Token};
use regex::Regex;
use std::sync::OnceLock;

/// Reported speech found in a clause.
pub struct Reported {
    /// The subject of the verb of saying, resolved by [`Names::resolve`].
    pub speaker: Option<Speaker>,
    /// The verb of saying as written, with a following "that" ("confirmed that").
    pub cue: String,
}

/// Is the clause `toks` reported speech? A named (or resolvable) subject, a verb of saying,
/// and something said after it.
pub fn reported(names: &Names, toks: &[Token]) -> Option<Reported> {
    for v in 1..toks.len().min(24) {
        let t = &toks[v];
        if t.is_capitalized() || !contains(&lexicon::REPORT_VERBS, t.word) {
            continue;
        }
        let prev = toks[v - 1].word.to_lowercase();
        if matches!(
            prev.as_str(),
            "was" | "were" | "is" | "are" | "been" | "be" | "who" | "which" | "that"
        ) {
            continue;
        }
        // Something must be said: "confirmed:" alone introduces a quotation.
        let rest = &toks[v + 1..];
        if rest.len() < 3 || !t.trailing().is_empty() && t.trailing() != "," {
            continue;
        }
        let subject = subject_before(names, toks, v)?;
        let speaker = names.resolve(&subject)?;
        let mut cue = t.word.to_string();
        if rest.first().is_some_and(|r| r.word == "that") {
            cue.push_str(" that");
        }
        return Some(Reported {
            speaker: Some(speaker),
            cue,
        });
    }
    None
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Only ever asked whether it matches, so Unicode's `\b` on each side is written as
        // "start, end or a non-word character": the regex crate's fast automaton cannot
        // evaluate `\b` on text with curly quotes and falls back to a slower engine. The two
        // forms match the same texts: every word here begins and ends with a word character,
        // and `\d[\d,.]*\b` matches where the digits are followed by a non-word character
        // (a comma or point counts) or the end.
        Regex::new(r"(?:^|\W)(?:\d+|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|third|quarter|percent|twice))(?:\W|$)")
            .expect("static regex")
    })
}

fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]").expect("static regex"))
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `\b` written as in `number_re`, for the same reason: every alternative begins and
        // ends with a word character.
        Regex::new(r"(?:^|\W)(?i:1[5-9]\d{2}|20\d{2}|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last (?:night|week|month|year)|this (?:week|month|year)|ago)(?:\W|$)")
            .expect("static regex")
    })
}

/// Why a clause is a checkable assertion, or `None` when it is not one.
pub fn assertion_reasons(
    names: &Names,
    text: &str,
    start: usize,
    end: usize,
) -> Option<Vec<String>> {
    assertion_reasons_of(names, text, start, end, &tokens(text, start, end))
}

/// [`assertion_reasons`] of a clause whose tokens (`tokens(text, start, end)`, punctuation-only
/// ones included) the caller already has.
pub fn assertion_reasons_of(
    names: &Names,
    text: &str,
    start: usize,
    end: usize,
    toks: &[Token],
) -> Option<Vec<String>> {
    let clause = &text[start..end];
    if toks.iter().filter(|t| !t.word.is_empty()).count() < 3 {
        return None;
    }
    // One pass, one lower-casing per word: is the clause hedged, is it in a past or finite
    // form, does it tell of an event?
    let (mut hedged, mut past, mut event) = (false, false, false);
    for (k, t) in toks.iter().enumerate() {
        let w = t.lower();
        let capitalised = t.is_capitalized();
        // Hedges are lower-case words ("may"), not names that share their spelling ("May 1").
        hedged |= (k == 0 || !capitalised) && t.word != "May" && contains(&lexicon::HEDGES, &w);
        if hedged {
            break;
        }
        let irregular = contains(&lexicon::IRREGULAR_PAST, &w);
        let ed = w.ends_with("ed") && w.len() > 4 && !capitalised;
        let after_det = k > 0
            && matches!(
                toks[k - 1].word,
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            );
        past |= contains(&lexicon::FINITE_AUX, &w) || irregular || (ed && !after_det);
        event |= irregular
            || matches!(&*w, "has" | "have" | "had" | "was" | "were" | "did")
            || (ed && !event && !present_passive(toks, k));
    }
    if hedged || clause.contains("is reported to") || clause.contains("are reported to") {
        return None;
    }
    if !past {
        return None;
    }
    let mut reasons = Vec::new();
    let has_date = date_re().is_match(clause);
    // Citation markers ("[1]") are not figures. Blanking a marker can only remove matches
    // (its brackets and the blank are all non-word characters), so a clause without a
    // number or without a bracket needs no blanking.
    let has_number = number_re().is_match(clause)
        && (!clause.contains('[') || number_re().is_match(&marker_re().replace_all(clause, " ")));
    let named = names
        .mentions_within(start, end)
        .any(|i| names.mentions[i].end <= end && !names.mentions[i].title_only);
    if has_date {
        reasons.push("date".to_string());
    }
    if has_number {
        reasons.push("number".to_string());
    }
    if named {
        reasons.push("named-actor".to_string());
    }
    if event {
        reasons.push("past-event".to_string());
    }
    let anchored = named || has_number || has_date;
    let concrete = event || has_number || has_date;
    (anchored && concrete).then_some(reasons)
}

/// "are not widely publicized", "without being wrapped": a participle in the present passive
/// describes no past event.
fn present_passive(toks: &[Token], k: usize) -> bool {
    toks[..k]
        .iter()
        .rev()
        .map(|t| t.lower())
        .find(|w| !(w.ends_with("ly") || w == "not" || w == "also" || w == "often"))
        .is_some_and(|w| matches!(&*w, "am" | "is" | "are" | "be" | "being" | "get" | "gets"))
}

/// Split points inside a hedged sentence whose other half may still be checkable.
pub fn sub_clauses(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    const AFTER_COMMA: [&str; 7] = [
        "but ",
        "yet ",
        "particularly ",
        "especially ",
        "though ",
        "although ",
        "while ",
    ];
    let s = &text[start..end];
    let mut cuts = vec![0];
    // Every cue begins ", ": one scan for the comma and space, then a look at what follows.
    for (i, _) in s.match_indices(", ") {
        let rest = &s[i + 2..];
        if AFTER_COMMA.iter().any(|w| rest.starts_with(w)) {
            cuts.push(i + 2);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for (k, &c) in cuts.iter().enumerate() {
        let e = cuts.get(k + 1).map_or(s.len(), |&n| n - 2);
        let piece = s[c..e].trim_end_matches([',', ' ']);
        if !piece.is_empty() {
            out.push((start + c, start + c + piece.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hedged_sentence_splits_at_a_comma_and_a_contrast_word() {
        let text =
            "The plan may work, but the council approved it in 2024, while costs, yet again, rose.";
        let pieces: Vec<&str> = sub_clauses(text, 0, text.len())
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            pieces,
            vec![
                "The plan may work",
                "but the council approved it in 2024",
                "while costs",
                "yet again, rose."
            ]
        );
        // A comma alone, or a contrast word without one, is no split.
        let plain = "Costs rose but the council, in 2024, approved it.";
        assert_eq!(sub_clauses(plain, 0, plain.len()), vec![(0, plain.len())]);
    }

    #[test]
    fn an_assertion_needs_a_past_event_and_an_anchor_and_no_hedge() {
        let names = Names::default();
        let reasons = |t: &str| assertion_reasons(&names, t, 0, t.len());
        assert_eq!(
            reasons("The council approved 40 new buses in 2024."),
            Some(vec![
                "date".to_string(),
                "number".to_string(),
                "past-event".to_string()
            ])
        );
        // Hedged, present-tense, or with nothing to anchor it.
        assert_eq!(
            reasons("The council may have approved 40 buses in 2024."),
            None
        );
        assert_eq!(reasons("The council approves 40 buses every year."), None);
        assert_eq!(reasons("The council approved the buses."), None);
        // "are published" is a present passive, not an event; a citation marker no figure.
        assert_eq!(
            reasons("Minutes are published for 12 towns."),
            Some(vec!["number".to_string()])
        );
        assert_eq!(reasons("The mayor approved the buses [12]."), None);
        // "May" as a month is no hedge.
        assert_eq!(
            reasons("The ferry sank in May 2023."),
            Some(vec![
                "date".to_string(),
                "number".to_string(),
                "past-event".to_string()
            ])
        );
    }

    /// `number_re` and `date_re` spell `\b` as "start, end or a non-word character"; on these
    /// clauses they agree with the same words written between `\b`s.
    #[test]
    fn number_and_date_agree_with_word_boundaries() {
        let number =
            Regex::new(r"(?i)\b(?:\d[\d,.]*|two|six|ten|hundred|hundreds|twice)\b").unwrap();
        let date = Regex::new(r"(?i)\b(?:20\d{2}|june|ago|last (?:week|year))\b").unwrap();
        let cases = [
            ("It cost 5,000 euros.", true, false),
            ("It cost 5a euros.", false, false),
            ("Version 3.", true, false),
            ("“Ten” were often late, in 2024.", true, true),
            ("The hundreds came two weeks ago", true, true),
            ("Hundredsfold, tenfold, agony", false, false),
            ("Zoëten café2024 éago", false, false),
            ("ſix TEN last Week", true, true),
            ("٣٤ ten", true, false),
            ("x٣", false, false),
            ("June", false, true),
            ("", false, false),
        ];
        for (clause, has_number, has_date) in cases {
            assert_eq!(number.is_match(clause), has_number, "{clause}");
            assert_eq!(date.is_match(clause), has_date, "{clause}");
            assert_eq!(number_re().is_match(clause), has_number, "{clause}");
            assert_eq!(date_re().is_match(clause), has_date, "{clause}");
        }
    }
}
