//! Is a quoted span the title of a work or a term rather than someone's words? Read from the
//! span itself (title case) and from the words before it (`titled`, `the article`).

use super::intro::INTRO_VERBS;

/// Does the quoted text read like the title of a work ("Trump and NATO: A Love-Hate
/// Relationship") rather than someone's words? Title case capitalises every word of four
/// letters or more and every verb, so a lower-case `is` or `was` reads as a sentence ("Who is
/// Jo Tam?"). A title may end in a period (`"Plans for the Harbor Budget."`, American
/// punctuation) when it mixes capitals with lower-case function words.
pub fn looks_like_title(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let capitalised = |w: &&&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let lower_verb = words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "is" | "are" | "was" | "were" | "am" | "be" | "has" | "had" | "do" | "did" | "can"
        )
    });
    if content.len() < 2 || all_caps || lower_verb || !content.iter().all(capitalised) {
        return false;
    }
    let trimmed = s.trim_end_matches([',', ' ']);
    if trimmed.ends_with(['.', '!']) {
        let function_words = words
            .iter()
            .filter(|w| matches!(**w, "of" | "for" | "the" | "and" | "in" | "on" | "to" | "a"))
            .count();
        return content.len() >= 4 && function_words >= 1 && !trimmed.ends_with('!');
    }
    true
}

/// Nouns for works that name their title right after them, with no comma: `the article
/// "…"`, `her book "…"`.
const WORK_NOUNS: &[&str] = &[
    "article",
    "book",
    "novel",
    "report",
    "paper",
    "study",
    "essay",
    "film",
    "movie",
    "documentary",
    "song",
    "album",
    "poem",
    "play",
    "series",
    "episode",
    "chapter",
    "headline",
    "exhibit",
    "exhibition",
    "lecture",
    "sermon",
    "post",
    "column",
    "memo",
    "memorandum",
    "directive",
    "bill",
    "act",
    "resolution",
    "program",
    "programme",
    "campaign",
    "initiative",
    "project",
    "strategy",
];

/// Words that announce a title or a term, not a quotation: `titled "…"`, `the article "…"`,
/// a citation's `Jo Tam (2021), "…"`. A term noun after a verb of saying is the speaker's own
/// words: `posted the phrase "…"`.
pub fn introduces_title(pre: &str) -> bool {
    let bare = pre.trim_end();
    let trimmed = bare.trim_end_matches([',', ':', '.', ' ']);
    // Author (year), "Title," — the citation form of footnotes and reference lists.
    if let Some(inner) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('(').map(|(_, y)| y))
    {
        let year = inner.trim_end_matches(char::is_alphabetic);
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && bare.len() > trimmed.len()
        {
            return true;
        }
    }
    let mut words = bare
        .trim_end_matches([',', ':'])
        .rsplit(char::is_whitespace)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let last = words.next().unwrap_or_default();
    if WORK_NOUNS.contains(&last.as_str()) && !bare.ends_with([',', ':']) {
        return true;
    }
    let term = matches!(
        last.as_str(),
        "term" | "word" | "words" | "phrase" | "slogan" | "hashtag" | "label"
    );
    if term {
        let verb = words
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "this" | "that" | "these"))
            .unwrap_or_default();
        return !INTRO_VERBS.contains(&verb.as_str());
    }
    matches!(
        last.as_str(),
        "titled" | "entitled" | "headlined" | "dubbed" | "nicknamed" | "named" | "so-called"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert!(looks_like_title("Trump and NATO: A Love-Hate Relationship"));
        assert!(looks_like_title("Celebrating Earth Day,"));
        assert!(!looks_like_title("We are with you."));
        assert!(!looks_like_title("IMMEDIATELY CEASE all use of it."));
        assert!(introduces_title("a report titled"));
        assert!(!looks_like_title("What is so sad for me"));
    }

    #[test]
    fn more_titles() {
        assert!(!looks_like_title("Who is Mara Lind?"));
        assert!(looks_like_title("Where Is Mara Lind?"));
        assert!(looks_like_title(
            "Plans for Reducing the Harbor Authority's Debt."
        ));
        assert!(!looks_like_title("We Will Win This."));
        assert!(introduces_title("see Jo Tam (2021), "));
        assert!(introduces_title("a translation of the article "));
        assert!(!introduces_title("she wrote in the article, "));
        assert!(introduces_title("coined the phrase "));
        assert!(!introduces_title("he posted the phrase "));
    }
}
