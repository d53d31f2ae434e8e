//! How a paragraph ending in a colon introduces the next one: someone's words (an
//! attribution), one more quotation of the same attribution (a bare connector, `and:`), or the
//! writer's own list, explanation or caption. The word lists here are shared with the
//! block-quote detector and the title test.

/// How a paragraph ending in a colon introduces what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intro {
    /// An attribution: the next paragraph gives someone's words.
    Attribution,
    /// A bare connector (`and:`) continuing the attribution before it.
    Connector,
    /// Anything else: the writer's list, explanation or caption.
    Other,
}

/// Verbs (and their `-ing` forms) that introduce someone's words in a block quotation.
pub(super) const INTRO_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "wrote",
    "writes",
    "write",
    "writing",
    "tweeted",
    "tweets",
    "tweeting",
    "retweeted",
    "posted",
    "posts",
    "posting",
    "reposted",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "stated",
    "states",
    "stating",
    "explained",
    "explains",
    "explaining",
    "remarked",
    "remarks",
    "declared",
    "declares",
    "declaring",
    "announced",
    "announces",
    "announcing",
    "replied",
    "replies",
    "replying",
    "responded",
    "responds",
    "responding",
    "answered",
    "answering",
    "continued",
    "continues",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "commented",
    "comments",
    "commenting",
    "told",
    "tells",
    "telling",
    "asked",
    "asks",
    "asking",
    "recalled",
    "recalls",
    "recalling",
    "quipped",
    "quipping",
    "joked",
    "joking",
    "shouted",
    "concluded",
    "concludes",
    "concluding",
    "warned",
    "warns",
    "warning",
    "pleaded",
    "urged",
    "conceded",
    "admitted",
    "acknowledged",
    "observed",
    "opined",
    "mused",
    "messaged",
    "texted",
    "emailed",
    "blogged",
    "shared",
    "quoted",
    "quotes",
    "quoting",
    "quote",
    "reads",
    "read",
    "proclaimed",
    "summed",
    "put",
];

/// Nouns naming someone's words; they attribute when a determiner or possessive goes before
/// (`the letter`, `his farewell address`, `a Jane Doe tweet`).
pub(super) const INTRO_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "words",
    "remarks",
    "letter",
    "letters",
    "tweet",
    "tweets",
    "post",
    "posts",
    "message",
    "messages",
    "email",
    "e-mail",
    "speech",
    "address",
    "testimony",
    "announcement",
    "comment",
    "comments",
    "reply",
    "response",
    "interview",
    "op-ed",
    "editorial",
    "column",
    "caption",
    "petition",
    "proclamation",
    "declaration",
    "text",
    "passage",
    "excerpt",
    "transcript",
    "memo",
    "note",
];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose",
];

/// Words that announce the writer's own list or pointer, not someone's words.
const LIST_CUES: &[&str] = &[
    "following",
    "follows",
    "include",
    "includes",
    "including",
    "included",
    "namely",
    "below",
    "above",
    "such",
    "example",
    "instance",
    "e.g",
];

const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "several", "few", "couple", "multiple", "dozen", "handful", "both",
];

const CONNECTORS: &[&str] = &[
    "and",
    "also",
    "then",
    "later",
    "again",
    "plus",
    "or",
    "but",
    "next",
    "finally",
    "another",
    "still",
    "further",
    "furthermore",
    "moreover",
    "earlier",
];

/// The last sentence of a paragraph: the text after the last `. `, `? ` or `! ` that is
/// followed by a capital or a quote mark.
fn last_sentence(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &c) in bytes.iter().enumerate() {
        // `. Next`, or `." Next` / `.) Next` after a closing mark or bracket.
        let gap = match bytes.get(i + 1) {
            Some(b' ') => 1,
            Some(b'"' | b')' | b'\'') if bytes.get(i + 2) == Some(&b' ') => 2,
            _ => 0,
        };
        if matches!(c, b'.' | b'?' | b'!') && gap > 0 {
            let rest = s[i + 1 + gap..].trim_start();
            let before = s[..i].rsplit(' ').next().unwrap_or("");
            if rest
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n == '"')
                && !crate::extract::text::is_abbreviation(&format!("{before}."))
            {
                from = i + 1 + gap;
            }
        }
    }
    s[from..].trim_start()
}

pub(super) fn lower_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How a paragraph ending in a colon (`para`, the whole paragraph) introduces the next one.
pub fn intro_kind(para: &str) -> Intro {
    let para = para.trim_end();
    let Some(body) = para.strip_suffix(':') else {
        return Intro::Other;
    };
    let sentence = last_sentence(body);
    let words = lower_words(sentence);
    if words.is_empty() {
        return Intro::Other;
    }
    if words.len() <= 3 && words.iter().all(|w| CONNECTORS.contains(&w.as_str())) {
        return Intro::Connector;
    }
    let raw: Vec<&str> = sentence.split_whitespace().collect();
    // The verb nearest the colon is the one that introduces the words.
    let verb = words
        .iter()
        .rposition(|w| INTRO_VERBS.contains(&w.as_str()));
    let noun = words.iter().enumerate().position(|(k, w)| {
        INTRO_NOUNS.contains(&w.as_str())
            && !(w == "words" && k > 0 && words[k - 1] == "other")
            && (k.saturating_sub(3)..k).any(|j| {
                DETERMINERS.contains(&words[j].as_str())
                    || raw.get(j).is_some_and(|r| {
                        r.trim_end_matches(|c: char| !c.is_alphanumeric())
                            .ends_with("'s")
                    })
            })
    });
    if verb.is_none() && noun.is_none() {
        return Intro::Other;
    }
    // A clause after the verb that the colon then explains is the writer's: `critics say the
    // plan has a flaw:`. A that-clause reports the gist, and the words may still follow
    // (`quipping that the police would come next:`).
    // (A participle opens the sentence instead: `Writing on her blog, Jo Tam was blunt:`.)
    if let Some(v) = verb.filter(|&v| !words[v].ends_with("ing")) {
        let that = words[v + 1..].iter().take(2).any(|w| w == "that");
        let clause = words[v + 1..].iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been"
            )
        });
        if clause && !that {
            return Intro::Other;
        }
    }
    // A count just before the colon announces the writer's list: `said there were three
    // options:`.
    if words
        .iter()
        .rev()
        .take(4)
        .any(|w| COUNTS.contains(&w.as_str()))
    {
        return Intro::Other;
    }
    // `the following statement:` and `wrote as follows:` still attribute; `the following:`,
    // `include:` and `as noted above:` do not.
    for (k, w) in words.iter().enumerate() {
        if !LIST_CUES.contains(&w.as_str()) {
            continue;
        }
        let speech_next = w == "following"
            && words
                .get(k + 1)
                .is_some_and(|n| INTRO_NOUNS.contains(&n.as_str()));
        let verb_as = w == "follows"
            && k >= 2
            && words[k - 1] == "as"
            && INTRO_VERBS.contains(&words[k - 2].as_str())
            && !matches!(words[k - 2].as_str(), "noted" | "stated");
        if !(speech_next || verb_as) {
            return Intro::Other;
        }
    }
    Intro::Attribution
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intro_kinds() {
        for s in [
            "Svetlana Orlova commented on the verdict:",
            "The letter begins [ru]:",
            "In his words, it was a year in which prices:",
            "The ministry issued the following statement:",
            "The notice reads as follows:",
            "Writing on her blog, Mara Lind was blunt:",
            "The collective responded, quipping that the police would come next:",
            "And I quote:",
            "Twitter, she argued, \"has become a weapon.\" Her letter begins:",
            "The band responded at once, quipping that the police would be next:",
        ] {
            assert_eq!(intro_kind(s), Intro::Attribution, "{s}");
        }
        for s in [
            "The votes were as follows:",
            "The measures include:",
            "In response to the flooding, the council adopted:",
            "Here are the figures:",
            "As noted above:",
            "The mayor said there were three options:",
            "Critics say the plan has two flaws:",
            "Critics say the plan has a flaw:",
            "She said the decision was simple:",
            "The votes were counted.",
        ] {
            assert_eq!(intro_kind(s), Intro::Other, "{s}");
        }
        assert_eq!(intro_kind("and:"), Intro::Connector);
        assert_eq!(intro_kind("And later:"), Intro::Connector);
    }
}
