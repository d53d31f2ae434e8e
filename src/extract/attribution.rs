//! Who said a quotation: the attribution after it ("…," Lavrov noted), before it (Lavrov
//! said, "…"), in the colon-ended paragraph that introduces it ("Lavrov confirmed:"), or, for a
//! quotation with none, the speaker of the quotation just before it in the same or the
//! previous paragraph.

use super::lexicon::{self, contains};
use super::names::{subject_after, subject_before, Names, Speaker, Subject};
use super::text::{tokens, Token};

/// A resolved attribution.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
}

fn is_say(t: &Token) -> bool {
    !t.is_capitalized() && contains(&lexicon::SAY_VERBS, t.word)
}

/// The cue: the verb and the lower-case words that complete it ("said in a statement").
fn cue_from(toks: &[Token], v: usize, extend: bool) -> String {
    let mut words = vec![toks[v].word.to_string()];
    if v > 0
        && matches!(toks[v - 1].word, "has" | "had" | "have")
        && toks[v - 1].trailing().is_empty()
    {
        words.insert(0, toks[v - 1].word.to_string());
    }
    if extend && toks[v].trailing().is_empty() {
        for t in toks.iter().skip(v + 1).take(6) {
            if t.is_capitalized() || t.word.is_empty() {
                break;
            }
            words.push(t.word.to_string());
            if !t.trailing().is_empty() {
                break;
            }
        }
    }
    // A cue ends on its verb or a preposition's object, never on a dangling article.
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("the" | "a" | "an" | "to" | "of" | "that")
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// Attribution in the words right after a closing mark: `," Lavrov noted.` / `," said Lavrov`.
pub fn after(names: &Names, toks: &[Token]) -> Option<Attribution> {
    let first = toks.first()?;
    if is_say(first) {
        let subject = subject_after(names, toks, 0)?;
        return Some(Attribution {
            speaker: names.resolve(&subject),
            cue: Some(cue_from(toks, 0, false)),
        });
    }
    for v in 1..toks.len().min(10) {
        if is_say(&toks[v]) {
            let subject = subject_before(names, &toks[..=v], v)?;
            return Some(Attribution {
                speaker: names.resolve(&subject),
                cue: Some(cue_from(toks, v, true)),
            });
        }
        // Only a subject can stand between the quotation and its verb.
        if !toks[v - 1].trailing().is_empty() && !super::text::is_abbreviation(toks[v - 1].raw) {
            return None;
        }
    }
    None
}

/// Attribution in the words before an opening mark: the last verb of saying (or a possessive
/// with a noun of saying: "the Pentagon's request for").
pub fn before(names: &Names, toks: &[Token]) -> Option<Attribution> {
    for v in (0..toks.len()).rev() {
        let t = &toks[v];
        // "According to Peter Costa, "…""
        if t.word.eq_ignore_ascii_case("according")
            && toks.get(v + 1).is_some_and(|n| n.word == "to")
        {
            if let Some(n) = toks.get(v + 2) {
                if let Some(m) = names.mention_at(n.start + n.leading().len()) {
                    return Some(Attribution {
                        speaker: names.resolve(&Subject::Name(m)),
                        cue: Some("according to".to_string()),
                    });
                }
            }
        }
        if is_say(t) {
            // "who said" → the name before "who"; "said Lavrov, "…"" → the name after.
            // The cue takes the words after the verb only when the subject came before it.
            let (subject, extend) = match subject_before(names, toks, v) {
                Some(s) => (s, true),
                None => (subject_after(names, toks, v)?, false),
            };
            return Some(Attribution {
                speaker: names.resolve(&subject),
                cue: Some(cue_from(toks, v, extend)),
            });
        }
        if contains(&lexicon::SPEECH_NOUNS, t.word) && v > 0 {
            let p = &toks[v - 1];
            let possessive =
                p.raw.ends_with("'s") || matches!(p.word, "its" | "his" | "her" | "their");
            if possessive && p.trailing().is_empty() || p.raw.ends_with("'s") {
                let subject = if matches!(p.word, "its" | "his" | "her" | "their") {
                    let word = if p.word == "his" {
                        "he"
                    } else if p.word == "her" {
                        "she"
                    } else {
                        "it"
                    };
                    Subject::Pronoun {
                        word: word.to_string(),
                        at: p.start,
                    }
                } else {
                    let start = p.start + p.leading().len();
                    let end = start + p.word.len();
                    let m = names.mention_ending_at(end)?;
                    Subject::Name(m)
                };
                return Some(Attribution {
                    speaker: names.resolve(&subject),
                    cue: Some(t.word.to_string()),
                });
            }
        }
    }
    None
}

/// Attribution in a paragraph ending with a colon that introduces a block quotation:
/// "Lavrov confirmed:" / "According to Lavrov's recent interview:".
pub fn intro(names: &Names, text: &str, start: usize, end: usize) -> Option<Attribution> {
    let toks = tokens(text, start, end);
    before(names, &toks).filter(|a| a.speaker.is_some())
}
