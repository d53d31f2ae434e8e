//! How a name captured by a pattern is read: tidied, and told for an outlet, an
//! organisation, a person or a modifier.

use super::super::lexicon;
use super::super::names::Names;
use super::super::outlets;

/// Trim an outlet capture: drop a trailing possessive or dangling connector and a leading
/// lower-case "the".
pub(super) fn tidy(o: &str) -> &str {
    let mut o = o.trim().trim_end_matches([',', '.']);
    for suffix in [" and", " of", " the", " for", " &"] {
        o = o.strip_suffix(suffix).unwrap_or(o);
    }
    o.strip_prefix("the ").unwrap_or(o)
}

/// A name that reads as a newspaper's or broadcaster's the outlet table does not know ("the
/// Valley Gazette"), and that the article does not use for a person.
pub(super) fn unknown_masthead(names: &Names, o: &str) -> bool {
    outlets::looks_like_outlet(o) && !names.knows_person(o)
}

/// Could `o` be an outlet's name: not empty, not a possessive fragment, not a common word, a
/// person the article names or a month?
pub(super) fn is_plausible_outlet(names: &Names, o: &str) -> bool {
    let bare = o.strip_prefix("The ").unwrap_or(o);
    let first = bare.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.strip_suffix("'s").unwrap_or(&first);
    !o.is_empty()
        && !o.contains("'s")
        && !lexicon::contains(&lexicon::NOT_NAMES, first)
        && !names.knows_person(o)
        && crate::article::metadata::month_number(o).is_none()
}

/// The possessor of "ABC Radio's AM program": "ABC Radio".
pub(super) fn possessor(o: &str) -> &str {
    o.split_once("'s")
        .or_else(|| o.split_once("\u{2019}s"))
        .map_or(o, |(head, _)| head.trim_end())
}

/// Is a single unknown word, followed by a lower-case word, a modifier ("Russian media",
/// "Michigan voters") rather than a name?
pub(super) fn modifies_next_word(o: &str, after: &str) -> bool {
    let single = !o.contains(' ');
    let acronym = o
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let next_lower = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        && !after.starts_with([',', '.', ';', ':']);
    single && !acronym && !outlets::is_outlet(o) && next_lower
}

/// The fuller name of an organisation the text names elsewhere: "Michigan" for "the
/// University of Michigan" mentioned before.
pub(super) fn fuller_org(names: &Names, short: &str) -> Option<String> {
    names
        .mentions
        .iter()
        .filter(|m| m.is_org && m.name != short && m.name.split_whitespace().count() > 1)
        .find(|m| m.name.split_whitespace().any(|w| w == short))
        .map(|m| m.name.clone())
}

/// Words that make a capitalised name an organisation's.
const ORG_NOUNS: &[&str] = &[
    "Trust",
    "Institute",
    "Institution",
    "Foundation",
    "Bank",
    "University",
    "College",
    "Center",
    "Centre",
    "Council",
    "Office",
    "Bureau",
    "Department",
    "Ministry",
    "Agency",
    "Committee",
    "Commission",
    "Association",
    "Society",
    "Group",
    "Fund",
    "Service",
    "Organization",
    "Organisation",
    "Authority",
    "Court",
    "Parliament",
    "Government",
    "Forum",
    "Project",
    "Network",
    "Media",
    "News",
    "Times",
    "Post",
    "Journal",
    "Radio",
    "Review",
    "Corporation",
    "Company",
    "Party",
    "Laboratory",
    "Observatory",
    "Coalition",
    "Alliance",
    "Union",
    "League",
];

/// Does a name of several words, at `at`, name an organisation rather than a person: a known
/// outlet, an acronym, a name with an article in front ("Le Temps"), or one the names model
/// takes for an organisation? A single word passes (bylines rarely name a reporter so).
pub(super) fn names_an_organisation(names: &Names, at: usize, o: &str) -> bool {
    let words: Vec<&str> = o.split_whitespace().collect();
    if words.len() < 2 || outlets::is_outlet(o) || outlets::expand_acronym(o).is_some() {
        return true;
    }
    let first = words[0].to_lowercase();
    if matches!(
        first.as_str(),
        "the"
            | "le"
            | "la"
            | "les"
            | "el"
            | "los"
            | "las"
            | "il"
            | "der"
            | "die"
            | "das"
            | "de"
            | "o"
            | "a"
    ) {
        return true;
    }
    if words.iter().any(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            || ORG_NOUNS.contains(w)
    }) {
        return true;
    }
    names
        .mention_at(at)
        .map(|i| &names.mentions[i])
        .is_some_and(|m| m.is_org)
}

/// "Reuters and NBC" names two outlets.
pub(super) fn split_outlets(o: &str) -> Vec<&str> {
    let parts: Vec<&str> = o
        .split(" and ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| outlets::is_outlet(p) || p.split_whitespace().count() <= 2)
    {
        parts
    } else {
        vec![o]
    }
}
