//! Verbs of saying and publishing, which make an outlet named next to them a venue.

use super::super::lexicon;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Verbs of saying and publishing that make an outlet named next to them a venue.
fn is_communication_verb(w: &str) -> bool {
    let w = w.to_lowercase();
    lexicon::contains(&lexicon::SAY_VERBS, &w) || COMMUNICATION_WORDS.contains(&w.as_str())
}

/// Verbs and nouns of speaking and publishing besides the verbs of saying.
const COMMUNICATION_WORDS: &[&str] = &[
    "spoke",
    "speaks",
    "speaking",
    "spoken",
    "appeared",
    "appearing",
    "appears",
    "interview",
    "interviewed",
    "published",
    "publishes",
    "writing",
    "posting",
    "posts",
    "commented",
    "criticized",
    "criticised",
    "defended",
    "broadcast",
    "aired",
    "admitted",
    "wrote",
    "tweeted",
    "streamed",
    "announced",
    "shared",
    "replied",
    "responded",
    "reacted",
];

/// Could some word of `sent` be a verb of communication? When not, no venue in it can stand
/// near one. Exact: a word that lower-cases to one of these ASCII words is spelled in ASCII
/// letters of either case, except with the Kelvin sign (the one other character that
/// lower-cases to an ASCII letter), in which case the answer is yes.
pub(super) fn may_have_communication_verb(sent: &str) -> bool {
    static CUES: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let mut words: Vec<&str> = lexicon::SAY_VERBS.iter().copied().collect();
        words.extend_from_slice(COMMUNICATION_WORDS);
        words.sort_unstable();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("static word list")
    });
    sent.contains('\u{212A}') || cues.is_match(sent)
}

/// Is there a verb of saying within six words before the venue or four words after it?
pub(super) fn near_communication_verb(before: &str, after: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let b = words(before);
    let a = words(after);
    b.iter().rev().take(6).any(|w| is_communication_verb(w))
        || a.iter().take(4).any(|w| is_communication_verb(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_sentence_without_a_verb_of_communication_is_passed_over_whole() {
        for (sent, has) in [
            ("She said on Radio Tam that the dam leaked.", true),
            ("He WROTE to the Gazette.", true),
            ("The council, speaking on Tuesday, agreed.", true),
            ("They appeared on Channel Nine.", true),
            ("The bridge reopened to traffic in May.", false),
            ("Crews drove to Harbour Point with supplies.", false),
            // The Kelvin sign lower-cases to "k": "as\u{212A}ed" is a verb of saying.
            ("She as\u{212A}ed on Radio Tam.", true),
        ] {
            assert_eq!(may_have_communication_verb(sent), has, "{sent}");
            // Never "no" where a word of the sentence is one.
            let any_word = sent
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .any(is_communication_verb);
            assert!(may_have_communication_verb(sent) || !any_word, "{sent}");
        }
    }
}
