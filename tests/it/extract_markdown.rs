//! Markdown articles: headings, emphasis, block quotes, list-based reference sections and
//! links, all anchored in the original Markdown bytes.

use dossier::article::{Article, Format};
use dossier::extract::{extract, Extraction};
use dossier::model::{Claim, ClaimKind, Reference};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str) -> Extraction {
    common::extract_as(name, text, Format::Markdown)
}

fn load() -> (String, Extraction) {
    let text = fixture("markdown_article.md");
    let x = run("markdown_article.md", &text);
    (text, x)
}

fn claim<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    common::claim_starting(x, start)
}

fn link<'a>(x: &'a Extraction, url: &str) -> &'a Reference {
    let found: Vec<&Reference> = x
        .references
        .iter()
        .filter(|r| r.inline && r.url.as_deref() == Some(url))
        .collect();
    assert_eq!(found.len(), 1, "links to {url}: {:#?}", x.references);
    found[0]
}

#[test]
fn title_and_author_from_markdown() {
    let (_, x) = load();
    assert_eq!(
        x.article.title.as_deref(),
        Some("Orchard Growers Count the Cost of a Late Frost")
    );
    assert_eq!(x.article.author.as_deref(), Some("Priya Raman"));
    assert!(x.article.missing.contains(&"date".to_string()));
    assert!(!x.article.missing.contains(&"title".to_string()));
    assert!(!x.article.missing.contains(&"author".to_string()));
}

#[test]
fn headings_are_never_claims() {
    let (_, x) = load();
    for c in &x.claims {
        assert!(!c.text.starts_with('#'), "{:?}", c.text);
        for heading in [
            "Orchard Growers Count the Cost",
            "What growers say",
            "Sources",
        ] {
            assert!(!c.text.contains(heading), "{:?}", c.text);
        }
    }
}

#[test]
fn heading_full_of_facts_is_still_not_a_claim() {
    let text = "# Frost Hit 300 Orchards on April 14, 2025\n\n## Growers Lost 40 Percent of the Crop in 2025\n\nThe frost hit 300 orchards on April 14, 2025.\n";
    let x = run("facts.md", text);
    assert_eq!(x.claims.len(), 1, "{:#?}", x.claims);
    assert_eq!(
        x.claims[0].text,
        "The frost hit 300 orchards on April 14, 2025."
    );
    assert_eq!(x.claims[0].kind, ClaimKind::Assertion);
}

#[test]
fn external_link_is_an_inline_reference_with_its_markdown_syntax() {
    let (text, x) = load();
    let r = link(&x, "https://weather.osmere.gov/alerts/2025-04-14");
    assert_eq!(
        r.raw,
        "[county frost warning](https://weather.osmere.gov/alerts/2025-04-14)"
    );
    assert!(r.id.starts_with("inline-"));
    assert_eq!(r.cue.as_deref(), Some("link"));
    // An unknown host is named by its registrable domain, never a sub-host (issue 12).
    assert_eq!(r.outlet.as_deref(), Some("osmere.gov"));
    assert!(r.source.is_some());
    let (line, column) = (r.line, r.column);
    let line_text = text.lines().nth(line - 1).unwrap();
    assert!(line_text
        .chars()
        .skip(column - 1)
        .collect::<String>()
        .starts_with("[county frost warning]"));
}

#[test]
fn linked_source_in_an_assertion_is_cited() {
    let (_, x) = load();
    let r = link(&x, "https://www.osmeregrowers.org/frost-report");
    assert_eq!(
        r.raw,
        "[survey by the growers' association](https://www.osmeregrowers.org/frost-report)"
    );
    assert_eq!(r.outlet.as_deref(), Some("osmeregrowers.org"));
    let c = claim(&x, "Apple growers in the Vale of Osmere");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert!(c.cites.contains(&r.id), "{:?}", c.cites);
    // Emphasis stays as written in the claim text.
    assert!(c.text.contains("**a third**"));
    assert!(c
        .text
        .ends_with("(https://www.osmeregrowers.org/frost-report)."));
}

#[test]
fn relative_links_are_not_references() {
    let (_, x) = load();
    assert!(!x
        .references
        .iter()
        .any(|r| r.raw.contains("/live/frost-relief")));
}

#[test]
fn quote_containing_a_link_keeps_the_link_syntax() {
    let (_, x) = load();
    let q = claim(&x, "the [county frost warning](");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert_eq!(
        q.text,
        "the [county frost warning](https://weather.osmere.gov/alerts/2025-04-14) arrived two hours after the damage was done."
    );
    assert_eq!(q.speaker.as_deref(), Some("Carys Pugh"));
    let r = link(&x, "https://weather.osmere.gov/alerts/2025-04-14");
    assert!(q.cites.contains(&r.id));
}

#[test]
fn quote_with_emphasis_and_cue_before() {
    let (_, x) = load();
    let q = claim(&x, "The frost came in at four");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert!(q.text.ends_with("was _brown_."), "{:?}", q.text);
    assert_eq!(q.speaker.as_deref(), Some("Tom Ashby"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn block_quote_is_a_quote_with_its_speaker() {
    let (text, x) = load();
    let q = claim(&x, "We have never insured against frost");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert_eq!(
        q.text,
        "We have never insured against frost, and that was a mistake,"
    );
    assert_eq!(q.speaker.as_deref(), Some("Carys Pugh"));
    // The span starts after `> "`.
    assert!(text[..q.start].ends_with("> \""));
}

#[test]
fn list_based_reference_section() {
    let (_, x) = load();
    let listed: Vec<&Reference> = x.references.iter().filter(|r| !r.inline).collect();
    assert_eq!(listed.len(), 2, "{listed:#?}");
    assert_eq!(listed[0].id, "ref-1");
    assert_eq!(
        listed[0].outlet.as_deref(),
        Some("Osmere Growers' Association")
    );
    assert_eq!(listed[0].title.as_deref(), Some("Frost Damage Survey"));
    assert_eq!(
        listed[0].url.as_deref(),
        Some("https://www.osmeregrowers.org/frost-report")
    );
    assert!(!listed[0].raw.starts_with('-'));
    assert_eq!(listed[1].outlet.as_deref(), Some("Vale Weekly"));
    assert_eq!(
        listed[1].description.as_deref(),
        Some("Report on the April frost")
    );
    assert_eq!(listed[1].title, None);
}

#[test]
fn markdown_and_plain_text_agree_on_plain_prose() {
    let text = "Ferry Fares\n\nThe council voted 7-2 on Monday to award the contract to Bayline Marine.\n\n\"We have waited four years for a reliable service,\" said Mayor Linda Okafor.\n";
    let md = run("plain.md", text);
    let txt = extract(&Article::from_text(
        "articles/plain.txt",
        text.to_string(),
        Format::Text,
    ));
    let view = |x: &Extraction| {
        x.claims
            .iter()
            .map(|c| (c.kind, c.text.clone(), c.speaker.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(view(&md), view(&txt));
    assert_eq!(md.claims.len(), 2);
}
