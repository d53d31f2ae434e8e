//! Reported speech and checkable assertions, and what is neither: quotation intros, opinions,
//! predictions, hedges, questions and headings.

use dossier::article::Format;
use dossier::extract::Extraction;
use dossier::model::{Claim, ClaimKind};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str) -> Extraction {
    common::extract_as(name, text, Format::Text)
}

fn load() -> Extraction {
    run("statements.txt", &fixture("statements.txt"))
}

/// The one claim whose text starts with `start`.
fn claim<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    common::claim_starting(x, start)
}

fn no_claim_containing(x: &Extraction, needle: &str) {
    let bad: Vec<(ClaimKind, &String)> = x
        .claims
        .iter()
        .filter(|c| c.text.contains(needle))
        .map(|c| (c.kind, &c.text))
        .collect();
    assert!(bad.is_empty(), "{needle:?} must not be a claim: {bad:?}");
}

#[test]
fn confirmed_that_is_reported_speech() {
    let x = load();
    let c = claim(&x, "Board chair Helen Vasquez confirmed that");
    assert_eq!(c.kind, ClaimKind::Reported);
    assert_eq!(c.speaker.as_deref(), Some("Helen Vasquez"));
    assert!(
        c.cue.as_deref().is_some_and(|q| q.starts_with("confirmed")),
        "{:?}",
        c.cue
    );
    assert!(c.text.ends_with("18 percent of capacity."));
    assert!(c.reasons.is_empty());
}

#[test]
fn emphasized_that_resolves_the_surname() {
    let x = load();
    let c = claim(&x, "Vasquez emphasized that");
    assert_eq!(c.kind, ClaimKind::Reported);
    assert_eq!(c.speaker.as_deref(), Some("Helen Vasquez"));
    assert!(c
        .cue
        .as_deref()
        .is_some_and(|q| q.starts_with("emphasized")));
}

#[test]
fn quotation_intro_is_not_a_claim() {
    let x = load();
    no_claim_containing(&x, "Vasquez confirmed:");
    // The quotation it introduces is attributed through it.
    let q = claim(&x, "We have ordered two new pumping stations");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert_eq!(q.speaker.as_deref(), Some("Helen Vasquez"));
    assert_eq!(q.cue.as_deref(), Some("confirmed"));
}

#[test]
fn checkable_statement_is_an_assertion_with_reasons() {
    let x = load();
    let c = claim(&x, "The regional water board cut supplies");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert_eq!(c.speaker, None);
    assert_eq!(c.cue, None);
    for reason in ["date", "number"] {
        assert!(c.reasons.iter().any(|r| r == reason), "{:?}", c.reasons);
    }
    assert!(c.id.starts_with("a-"), "{}", c.id);
}

#[test]
fn assertion_naming_an_actor_and_a_date() {
    let x = load();
    let c = claim(
        &x,
        "The new pumping stations were ordered from Kessler Hydro",
    );
    assert_eq!(c.kind, ClaimKind::Assertion);
    for reason in ["date", "named-actor", "past-event"] {
        assert!(c.reasons.iter().any(|r| r == reason), "{:?}", c.reasons);
    }
}

#[test]
fn hedges_predictions_and_opinions_are_not_claims() {
    let x = load();
    for needle in [
        "may need to raise prices",
        "could return if the winter is dry",
        "hosepipe ban is likely",
        "It is my expert opinion",
    ] {
        no_claim_containing(&x, needle);
    }
}

#[test]
fn questions_and_headings_are_not_claims() {
    let x = load();
    no_claim_containing(&x, "Who will pay");
    no_claim_containing(&x, "What Comes Next");
    no_claim_containing(&x, "Water Board Under Pressure");
}

#[test]
fn only_the_expected_claims_are_found() {
    let x = load();
    let kinds: Vec<ClaimKind> = x.claims.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ClaimKind::Assertion,
            ClaimKind::Reported,
            ClaimKind::Reported,
            ClaimKind::Quote,
            ClaimKind::Assertion,
        ],
        "{:#?}",
        x.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    // Claims come in the article's order.
    assert!(x.claims.windows(2).all(|w| w[0].start < w[1].start));
}

#[test]
fn heading_with_numbers_and_dates_is_not_an_assertion() {
    let text = "Flood Report\n\nRiver Rose 4 Metres on March 2, 2025\n\nThe river rose four metres on March 2, 2025, flooding 300 homes.\n";
    let x = run("heading.txt", text);
    no_claim_containing(&x, "River Rose 4 Metres");
    let c = claim(&x, "The river rose four metres");
    assert_eq!(c.kind, ClaimKind::Assertion);
}

#[test]
fn opinion_without_facts_is_not_an_assertion() {
    let text = "Comment\n\nThe council should be ashamed of itself.\n\nI think the town deserves better leadership.\n\nThe mayor resigned on 3 June 2024.\n";
    let x = run("opinion.txt", text);
    no_claim_containing(&x, "ashamed");
    no_claim_containing(&x, "deserves better");
    let c = claim(&x, "The mayor resigned");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert!(c.reasons.iter().any(|r| r == "date"), "{:?}", c.reasons);
}

#[test]
fn said_without_that_is_reported_speech() {
    let text = "Inquiry\n\nRuth Amari said the inquiry had received 212 complaints by May.\n";
    let x = run("inquiry.txt", text);
    let c = claim(&x, "Ruth Amari said the inquiry");
    assert_eq!(c.kind, ClaimKind::Reported);
    assert_eq!(c.speaker.as_deref(), Some("Ruth Amari"));
    assert_eq!(c.cue.as_deref(), Some("said"));
}
