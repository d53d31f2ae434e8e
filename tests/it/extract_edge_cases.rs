//! Edge cases found by writing fixture articles: role words between a verb and a name,
//! possessives and appositions, pronouns after objects, unnamed sources with relative clauses,
//! glued citation markers, APA authors, Markdown links in reference entries, and scraped pages
//! laid out one paragraph per line. Each test failed against the first extractor and guards
//! the fix.

use dossier::article::Format;
use dossier::extract::Extraction;
use dossier::model::{Claim, ClaimKind, Reference};

use crate::common;

fn run_as(name: &str, text: &str, format: Format) -> Extraction {
    common::extract_as(name, text, format)
}

fn run(text: &str) -> Extraction {
    run_as("gap.txt", text, Format::Text)
}

fn claim<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    common::claim_starting(x, start)
}

fn listed(x: &Extraction) -> Vec<&Reference> {
    x.references.iter().filter(|r| !r.inline).collect()
}

// ---------------------------------------------------------------------------------------------
// Quotes and speakers
// ---------------------------------------------------------------------------------------------

/// `"…," said project lead Grace Hallam, "…"`: a lower-case role between the verb and the name.
/// Expected: both halves spoken by "Grace Hallam" (cue "said").
#[test]
fn said_role_then_name_in_a_split_quote() {
    let x = run("Flood Wall Finished\n\n\"The wall will hold a two-hundred-year flood,\" said project lead Grace Hallam, \"and it can be raised again.\"\n");
    for start in ["The wall will hold", "and it can be raised"] {
        let q = claim(&x, start);
        assert_eq!(q.speaker.as_deref(), Some("Grace Hallam"), "{start}");
        assert_eq!(q.cue.as_deref(), Some("said"), "{start}");
    }
}

/// `"…," said chief engineer Luis Romero.` (the name appears nowhere else).
/// Expected: speaker "Luis Romero" (role "chief engineer" would be a bonus).
#[test]
fn said_role_then_name_after_a_quote() {
    let x = run("Bridge Closed\n\n\"The steel under the eastern span is corroded,\" said chief engineer Luis Romero.\n");
    let q = claim(&x, "The steel under");
    assert_eq!(q.speaker.as_deref(), Some("Luis Romero"));
}

/// A multi-paragraph quotation whose attribution follows the final closing mark:
/// `"…full.⏎⏎"I still think about those weeks every winter," she said.`
/// Expected: one claim flagged multi-paragraph, speaker "Margaret Ellison" (cue "said").
#[test]
fn multi_paragraph_quote_attributed_after_its_close() {
    let x = run("Judge Recalls the Strike Trials\n\nFormer judge Margaret Ellison spoke at the law society dinner on Thursday.\n\n\"When the first defendants came before me, the courtroom was full.\n\n\"I still think about those weeks every winter,\" she said.\n");
    let q = claim(&x, "When the first defendants");
    assert_eq!(q.flags, vec!["multi-paragraph".to_string()]);
    assert_eq!(q.speaker.as_deref(), Some("Margaret Ellison"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

/// Pronoun after a sentence whose subject carries a lower-case role:
/// `Union leader Maria Costa met Transport Secretary Alan Whitby on Monday. She told reporters, "…"`
/// Expected: speaker "Maria Costa" (the subject; README: "pronouns resolve to the nearest person
/// who is a subject, not an object").
#[test]
fn pronoun_resolves_to_the_subject_not_the_object() {
    let x = run("Port Strike Enters Second Week\n\nUnion leader Maria Costa met Transport Secretary Alan Whitby on Monday. She told reporters, \"He offered us nothing new.\"\n");
    let q = claim(&x, "He offered us nothing new.");
    assert_eq!(q.speaker.as_deref(), Some("Maria Costa"));
}

/// A capitalised role noun opening the sentence is taken into the name:
/// `Grower Tom Ashby said, "It was brown."`
/// Expected: speaker "Tom Ashby".
#[test]
fn sentence_initial_role_noun_is_not_part_of_the_name() {
    let x = run(
        "Frost Damage\n\nGrower Tom Ashby said, \"The blossom was brown by six in the morning.\"\n",
    );
    let q = claim(&x, "The blossom was brown");
    assert_eq!(q.speaker.as_deref(), Some("Tom Ashby"));
}

/// A possessive before the apposition: `said Ashby's neighbour, Carys Pugh.`
/// Expected: speaker "Carys Pugh".
#[test]
fn possessive_before_an_apposition_is_not_the_speaker() {
    let x = run("Frost Damage\n\nTom Ashby lost his whole crop on Monday.\n\n\"We have never insured against floods,\" said Ashby's neighbour, Carys Pugh.\n");
    let q = claim(&x, "We have never insured");
    assert_eq!(q.speaker.as_deref(), Some("Carys Pugh"));
}

/// An unnamed source before the quote: `The President of the union said, "…"`.
/// Expected: speaker "The President of the union" (the article's words; the mirrored form
/// `"…," said the President of the union.` already gives "the President of the union").
#[test]
fn unnamed_source_before_the_quote_keeps_its_head_noun() {
    let x = run("Port Strike\n\nThe President of the union said, \"We will stay out until the pay claim is met.\"\n");
    let q = claim(&x, "We will stay out");
    let speaker = q.speaker.as_deref().unwrap_or_default().to_lowercase();
    assert_eq!(speaker, "the president of the union");
}

/// `According to Peter Costa, "the employers have not moved an inch."`
/// Expected: speaker "Peter Costa" (cue "according to").
#[test]
fn according_to_a_person_before_a_quote() {
    let x = run("Port Strike\n\n\"We will not go back,\" said the President of the union.\n\nAccording to Peter Costa, \"the employers have not moved an inch.\"\n");
    let q = claim(&x, "the employers have not moved");
    assert_eq!(q.speaker.as_deref(), Some("Peter Costa"));
}

/// An unnamed source with a relative clause and a colon:
/// `The spokesperson for the port authority, who asked not to be named, said: "Cargo is piling up."`
/// Expected: a speaker starting "The spokesperson for the port authority".
#[test]
fn unnamed_spokesperson_with_a_relative_clause() {
    let x = run("Port Strike\n\n\"The offer is fair,\" Transport Secretary Alan Whitby said.\n\nThe spokesperson for the port authority, who asked not to be named, said: \"Cargo is piling up.\"\n");
    let q = claim(&x, "Cargo is piling up.");
    let speaker = q.speaker.as_deref().unwrap_or_default().to_lowercase();
    assert!(
        speaker.starts_with("the spokesperson for the port authority"),
        "{:?}",
        q.speaker
    );
}

/// A possessive role after the name: `said Luis Romero, the department's chief engineer.`
/// Expected: role "the department's chief engineer".
#[test]
fn possessive_role_in_an_apposition_is_kept_whole() {
    let x = run("Bridge Closed\n\n\"The steel is corroded,\" said Luis Romero, the department's chief engineer.\n");
    let q = claim(&x, "The steel is corroded");
    assert_eq!(q.speaker.as_deref(), Some("Luis Romero"));
    assert_eq!(q.role.as_deref(), Some("the department's chief engineer"));
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

/// The month May is read as the modal "may" (a hedge), so the sentence is dropped:
/// `Homeowners sold 4,000 houses in May 2025.`
/// Expected: an assertion with reasons including "date" and "number".
#[test]
fn the_month_may_is_not_a_hedge() {
    let x = run("Housing Market Cools\n\nHomeowners sold 4,000 houses in May 2025.\n");
    let c = claim(&x, "Homeowners sold 4,000 houses");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert!(c.reasons.iter().any(|r| r == "date"), "{:?}", c.reasons);
}

/// A footnote marker glued after the full stop: `…on Friday.[1]` (and `…2025.2`).
/// Expected: an assertion citing ref-1 (README: "footnote markers glued to punctuation").
#[test]
fn assertion_ending_with_a_glued_bracket_marker() {
    let x = run("Grain Talks\n\nNegotiators left Istanbul on Friday without an agreement.[1]\n\nReferences\n\n1. Black Sea Monitor. (2025). “Grain Corridor Talks End Without Deal.”\n");
    let c = claim(&x, "Negotiators left Istanbul");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert_eq!(c.cites, vec!["ref-1"]);
}

/// Same, with a bare footnote number glued to the full stop: `…first quarter of 2025.2`.
/// Expected: an assertion citing ref-2.
#[test]
fn assertion_ending_with_a_glued_footnote_number() {
    let x = run("Grain Talks\n\nExports fell to 2.1 million tonnes in the first quarter of 2025.2\n\nNotes\n\n1. Black Sea Monitor. (2025). “Grain Corridor Talks End Without Deal.”\n2. Harbour Statistics Office (2025). [Quarterly export figures]\n");
    let c = claim(&x, "Exports fell to 2.1 million");
    assert_eq!(c.kind, ClaimKind::Assertion);
    assert_eq!(c.cites, vec!["ref-2"]);
}

/// A sentence ending `.[1]` is not split from the next one:
/// `…without an agreement.[1] The talks had lasted nine days.`
/// Expected: two assertions, the first citing ref-1.
#[test]
fn sentence_ends_after_a_glued_marker() {
    let x = run("Grain Talks\n\nNegotiators left Istanbul on Friday without an agreement.[1] The talks had lasted nine days.\n\nReferences\n\n1. Black Sea Monitor. (2025). “Grain Corridor Talks End Without Deal.”\n");
    let c = claim(&x, "The talks had lasted nine days.");
    assert_eq!(c.kind, ClaimKind::Assertion);
}

/// A citation marker is counted as a number: `…on Friday without an agreement [1].`
/// Expected: reasons without "number" (the sentence has no figure; `[1]` is a marker).
#[test]
fn citation_marker_is_not_a_number() {
    let x = run("Grain Talks\n\nNegotiators left Istanbul on Friday without an agreement [1].\n\nReferences\n\n1. Black Sea Monitor. (2025). “Grain Corridor Talks End Without Deal.”\n");
    let c = claim(&x, "Negotiators left Istanbul");
    assert_eq!(c.cites, vec!["ref-1"]);
    assert!(!c.reasons.iter().any(|r| r == "number"), "{:?}", c.reasons);
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/// APA entry with a personal author: `Okafor, J. (2023). “Freight insurance and war risk.”
/// Journal of Shipping Economics.`
/// Expected: author "Okafor, J.", outlet "Journal of Shipping Economics", year 2023.
#[test]
fn apa_personal_author_is_an_author_not_an_outlet() {
    let x = run("Shipping Costs\n\nWar-risk premiums doubled in 2023 [1].\n\nReferences\n\n1. Okafor, J. (2023). “Freight insurance and war risk.” Journal of Shipping Economics.\n");
    let r = listed(&x)[0];
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.author.as_deref(), Some("Okafor, J."));
    assert_eq!(r.outlet.as_deref(), Some("Journal of Shipping Economics"));
}

/// `[n]` markers in the text and a bulleted (unnumbered) reference list.
/// Expected: `…in October 2024 [1].` cites ref-1 (the first entry; README: ref-N is the
/// entry's number or position).
#[test]
fn bracket_markers_cite_entries_of_a_bulleted_list_by_position() {
    let x = run("Herring Fleet\n\nThe last herring boat left Stornvik harbour in October 2024 [1].\n\nCatches halved between 2015 and 2023 [2].\n\nNotes\n\n• Erik Halvorsen, “The Last of the Herring Men,” Northern Coast Weekly, October 12, 2024, p. 6.\n• Fisheries Agency. (2023). “Northern Grounds Stock Assessment.”\n");
    assert_eq!(claim(&x, "The last herring boat").cites, vec!["ref-1"]);
    assert_eq!(claim(&x, "Catches halved").cites, vec!["ref-2"]);
}

/// A Markdown link as the outlet of a list entry:
/// `- [Vale Weekly](https://valeweekly.co.uk/2025/04/frost) (2025). [Report on the April frost]`
/// Expected: outlet "Vale Weekly", year 2025, description "Report on the April frost", url kept,
/// title null.
#[test]
fn markdown_link_as_the_outlet_of_a_reference_entry() {
    let text = "# Frost\n\nThe frost hit 300 orchards on April 14, 2025.\n\n## Sources\n\n- [Vale Weekly](https://valeweekly.co.uk/2025/04/frost) (2025). [Report on the April frost]\n";
    let x = run_as("frost.md", text, Format::Markdown);
    let r = listed(&x)[0];
    assert_eq!(
        r.url.as_deref(),
        Some("https://valeweekly.co.uk/2025/04/frost")
    );
    assert_eq!(r.outlet.as_deref(), Some("Vale Weekly"));
    assert_eq!(r.year, Some(2025));
    assert_eq!(r.description.as_deref(), Some("Report on the April frost"));
    assert_eq!(r.title, None);
}

// ---------------------------------------------------------------------------------------------
// Page furniture and metadata
// ---------------------------------------------------------------------------------------------

/// An author bio box that follows a "Related stories" teaser section: the bio's name lines are
/// swallowed as teaser titles, so the bio is no longer recognised.
/// Expected: no claim from "Jane Roe is a journalist who has covered transport … since 2015."
#[test]
fn bio_box_after_a_teaser_section_is_furniture() {
    let text = "Bridge Closed\n\nBy Jane Roe\n\nThe transport department closed the Route 9 bridge on Monday.\n\nRelated stories\n\nTown Hall Roof Replaced After Storm Damage\n\nSchool Bus Contract Goes to Local Firm...\n\nJane Roe\n\nJane Roe\n\nJane Roe is a journalist who has covered transport for the Carver Courier since 2015.\n";
    let x = run(text);
    assert!(
        !x.claims.iter().any(|c| c.text.contains("is a journalist")),
        "{:#?}",
        x.claims
    );
    assert_eq!(x.claims.len(), 1);
}

/// A scraped page with one line per paragraph (no blank lines) that contains a lower-case
/// placeholder line (`spot_img`): the lower-case line makes the whole page one hard-wrapped
/// paragraph, which starts with the breadcrumb "HomeNews…" and is dropped as navigation.
/// Expected: title "Bridge Repairs Will Close Route 9", author "Jane Roe", date "2025-03-04",
/// and the body's quote by "Luis Romero".
#[test]
fn single_newline_page_with_a_placeholder_line_keeps_its_body() {
    let text = "HomeNewsBridge Repairs Will Close Route 9\nBridge Repairs Will Close Route 9\nBy Jane Roe\nTuesday, March 4, 2025\nspot_img\nThe transport department closed the Route 9 bridge on Monday after an inspection.\n\"The steel under the eastern span is corroded,\" said Luis Romero.\nLEAVE A REPLY\nPlease enter your comment!\n";
    let x = run(text);
    assert_eq!(
        x.article.title.as_deref(),
        Some("Bridge Repairs Will Close Route 9")
    );
    assert_eq!(x.article.author.as_deref(), Some("Jane Roe"));
    assert_eq!(x.article.date.as_deref(), Some("2025-03-04"));
    let q = claim(&x, "The steel under the eastern span");
    assert_eq!(q.speaker.as_deref(), Some("Luis Romero"));
}

/// `Key: value` header lines in a plain-text article:
/// `Publication: The Carver Courier⏎Date: March 4, 2025⏎Author: Jane Roe`
/// Expected: outlet "The Carver Courier", author "Jane Roe", date "2025-03-04", missing [].
#[test]
fn plain_text_metadata_header_lines() {
    let text = "Bridge Repairs Will Close Route 9\n\nPublication: The Carver Courier\nDate: March 4, 2025\nAuthor: Jane Roe\n\nThe transport department closed the bridge on Monday after an inspection found corroded steel.\n";
    let x = run(text);
    assert_eq!(x.article.date.as_deref(), Some("2025-03-04"));
    assert_eq!(x.article.outlet.as_deref(), Some("The Carver Courier"));
    assert_eq!(x.article.author.as_deref(), Some("Jane Roe"));
    assert!(x.article.missing.is_empty(), "{:?}", x.article.missing);
}
