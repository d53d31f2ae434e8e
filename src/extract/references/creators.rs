//! Whether the creator an entry names is a person (or a list of people) or an organisation.

use regex::Regex;
use std::sync::OnceLock;

/// Does `who` read as the names of people ("Smith, J.", "Smith et al.", "Jane Roe and Max
/// Doe") rather than an organisation's?
pub(super) fn looks_like_person_list(who: &str) -> bool {
    // "Smith, J." / "Smith, J., & Doe, A." / "Smith et al." / "Jane Roe and Max Doe"
    let words: Vec<&str> = who.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let org = words
        .iter()
        .any(|w| ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    who.contains(" et al")
        || who.contains('&')
        || person_re().is_match(who)
        // "Jane Q. Roe": a personal name, unless it is a known outlet.
        || ((2..=4).contains(&words.len())
            && words.iter().all(capitalised)
            && !org
            && !crate::outlets::is_outlet(who))
        || (who.contains(" and ")
            && who.split_whitespace().all(|w| {
                w == "and" || w.chars().next().is_some_and(char::is_uppercase)
            })
            && !who.split_whitespace().any(|w| {
                ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
            }))
}

/// Words that make a name an organisation's, not a person's.
const ORG_WORDS: &[&str] = &[
    "Institute",
    "Gazette",
    "Monitor",
    "Herald",
    "Post",
    "Tribune",
    "Daily",
    "Weekly",
    "Courier",
    "Observer",
    "Chronicle",
    "Express",
    "Record",
    "Magazine",
    "Media",
    "Radio",
    "Network",
    "Statistics",
    "Authority",
    "Court",
    "Parliament",
    "Government",
    "Forum",
    "Trust",
    "Project",
    "Report",
    "Institution",
    "University",
    "Bank",
    "Board",
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
    "Foundation",
    "Association",
    "Society",
    "Press",
    "Times",
    "News",
    "Journal",
    "Review",
    "Group",
    "Fund",
    "Service",
    "Survey",
    "Organization",
    "Organisation",
    "Corporation",
    "Company",
    "Party",
];

/// "Smith, J.", "Okafor, J. A.": a surname and initials.
fn person_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\p{Lu}][\p{L}'-]+, (?:\p{Lu}\.\s?)*\p{Lu}\.?$").expect("static regex")
    })
}
