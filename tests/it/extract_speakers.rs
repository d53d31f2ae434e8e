//! Who said it: fullest names and roles, pronouns, interviewers, unnamed sources, quotes nobody
//! is credited with, and the venue the words were published in.

use dossier::article::Format;
use dossier::extract::Extraction;
use dossier::model::{Claim, ClaimKind};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str) -> Extraction {
    common::extract_as(name, text, Format::Text)
}

fn load(name: &str) -> Extraction {
    run(name, &fixture(name))
}

/// The one quote whose text is exactly `text`.
fn quote<'a>(x: &'a Extraction, text: &str) -> &'a Claim {
    let found: Vec<&Claim> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote && c.text == text)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one quote {text:?} among {:#?}",
        x.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    found[0]
}

#[test]
fn surname_resolves_to_the_fullest_name_and_role() {
    let x = load("speakers.txt");
    let q = quote(
        &x,
        "We will not sign a document that redraws the border by stealth,",
    );
    assert_eq!(q.speaker.as_deref(), Some("Anna Petrova"));
    assert_eq!(q.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn pronoun_resolves_to_the_person_just_named() {
    let x = load("speakers.txt");
    let q = quote(
        &x,
        "The talks were frank, and they will continue next month.",
    );
    assert_eq!(q.speaker.as_deref(), Some("Anna Petrova"));
    assert_eq!(q.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn interviewer_is_not_the_speaker() {
    let x = load("speakers.txt");
    let q = quote(&x, "We are further apart than the communique suggests.");
    assert_eq!(q.speaker.as_deref(), Some("Markus Feldner"));
    assert_ne!(q.speaker.as_deref(), Some("Daniel Moreau"));
    // "Speaking to … of Radio Centrale" names where the words were said.
    assert_eq!(q.venue.as_deref(), Some("Radio Centrale"));
}

#[test]
fn unnamed_source_keeps_the_articles_words() {
    let x = load("speakers.txt");
    let q = quote(&x, "There is no deal on the table today,");
    assert_eq!(q.speaker.as_deref(), Some("a senior official"));
    assert_eq!(q.role, None);
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn speaker_is_null_when_nothing_attributes_the_quote() {
    let x = load("speakers.txt");
    let q = quote(&x, "Nothing has been agreed on the northern crossings.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.cue, None);
}

#[test]
fn surname_only_speaker_without_a_full_name_is_kept() {
    let text = "Harbour Dispute\n\n\"We were never consulted,\" Okafor said on Monday.\n";
    let x = run("surname.txt", text);
    let q = quote(&x, "We were never consulted,");
    assert_eq!(q.speaker.as_deref(), Some("Okafor"));
}

#[test]
fn different_people_with_different_surnames_are_kept_apart() {
    let text = "Clinic Closures\n\nHealth Minister Sara Lindqvist visited Umea on Friday with mayor Jonas Berg.\n\n\"We will keep the clinic open,\" Lindqvist said.\n\n\"I will believe it when I see the budget,\" Berg said.\n";
    let x = run("two.txt", text);
    assert_eq!(
        quote(&x, "We will keep the clinic open,")
            .speaker
            .as_deref(),
        Some("Sara Lindqvist")
    );
    assert_eq!(
        quote(&x, "I will believe it when I see the budget,")
            .speaker
            .as_deref(),
        Some("Jonas Berg")
    );
}

#[test]
fn role_in_an_apposition_after_the_name() {
    let x = load("venues.txt");
    let q = quote(&x, "We will restore every hectare we disturb,");
    assert_eq!(q.speaker.as_deref(), Some("Carla Mendes"));
    assert_eq!(
        q.role.as_deref(),
        Some("the chief executive of Alto Minerals")
    );
}

#[test]
fn as_published_in_gives_later_quotes_their_venue() {
    let x = load("venues.txt");
    for text in [
        "We will restore every hectare we disturb,",
        "The lake will be cleaner when we leave than when we arrived,",
    ] {
        let q = quote(&x, text);
        assert_eq!(q.speaker.as_deref(), Some("Carla Mendes"), "{text}");
        assert_eq!(q.venue.as_deref(), Some("The Daily Ledger"), "{text}");
    }
    let r = x
        .references
        .iter()
        .find(|r| r.inline && r.outlet.as_deref() == Some("The Daily Ledger"))
        .expect("the venue is an inline reference");
    assert_eq!(r.cue.as_deref(), Some("venue"));
    assert_eq!(r.raw, "as published in The Daily Ledger");
}

#[test]
fn wrote_on_twitter_gives_venue_twitter() {
    let x = load("venues.txt");
    let q = quote(
        &x,
        "Alto Minerals has broken this promise at every site it has ever run.",
    );
    assert_eq!(q.speaker.as_deref(), Some("Theo Brandt"));
    assert_eq!(q.venue.as_deref(), Some("Twitter"));
    assert!(q.cue.as_deref().is_some_and(|c| c.starts_with("wrote")));
    // The venue of one speaker does not leak onto another's words.
    assert_ne!(q.venue.as_deref(), Some("The Daily Ledger"));
    let twitter = x
        .references
        .iter()
        .find(|r| r.outlet.as_deref() == Some("Twitter"))
        .expect("Twitter is an inline reference");
    assert!(q.cites.contains(&twitter.id), "{:?}", q.cites);
}

#[test]
fn quote_without_a_venue_has_none() {
    let x = load("speakers.txt");
    let q = quote(
        &x,
        "We will not sign a document that redraws the border by stealth,",
    );
    assert_eq!(q.venue, None);
}
