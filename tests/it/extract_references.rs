//! Reference sections and their entries, sources named in the text, citations from claims to
//! references, and the source stubs they call for.

use dossier::article::Format;
use dossier::extract::Extraction;
use dossier::model::{Claim, Reference};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str) -> Extraction {
    common::extract_as(name, text, Format::Text)
}

fn load(name: &str) -> Extraction {
    run(name, &fixture(name))
}

fn reference<'a>(x: &'a Extraction, id: &str) -> &'a Reference {
    x.references
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no reference {id} among {:#?}", x.references))
}

fn claim<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    common::claim_starting(x, start)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn numbered_list_entries_are_list_references() {
    let x = load("references_numbered.txt");
    let listed: Vec<&Reference> = x.references.iter().filter(|r| !r.inline).collect();
    assert_eq!(listed.len(), 6, "{listed:#?}");
    for (k, r) in listed.iter().enumerate() {
        assert_eq!(r.id, format!("ref-{}", k + 1));
        assert_eq!(r.number, Some(k as u32 + 1));
        assert!(
            !r.raw.starts_with(char::is_numeric),
            "marker kept: {}",
            r.raw
        );
    }
    // The section heading and entries are not claims.
    assert!(!x
        .claims
        .iter()
        .any(|c| c.text.contains("Black Sea Monitor") || c.text == "References"));
}

#[test]
fn apa_like_entry_gives_outlet_year_and_title() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-1");
    assert_eq!(
        r.raw,
        "Black Sea Monitor. (2025). “Grain Corridor Talks End Without Deal.”"
    );
    assert_eq!(r.outlet.as_deref(), Some("Black Sea Monitor"));
    assert_eq!(r.year, Some(2025));
    assert_eq!(
        r.title.as_deref(),
        Some("Grain Corridor Talks End Without Deal")
    );
    assert_eq!(r.url, None);
    assert!(!r.inline);
}

#[test]
fn bracketed_description_is_kept_and_title_is_null() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-2");
    assert_eq!(r.outlet.as_deref(), Some("Harbour Statistics Office"));
    assert_eq!(r.year, Some(2025));
    assert_eq!(r.title, None);
    assert_eq!(
        r.description.as_deref(),
        Some("Quarterly export figures for the Odesa ports")
    );
}

#[test]
fn chicago_footnote_gives_author_title_and_outlet() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-3");
    assert_eq!(r.author.as_deref(), Some("Maria Lensky"));
    assert_eq!(
        r.title.as_deref(),
        Some("The Long Winter of the Grain Trade")
    );
    assert_eq!(r.outlet.as_deref(), Some("Maritime Review"));
    assert_eq!(r.year, Some(2025));
}

#[test]
fn ibid_points_at_the_previous_entry() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-4");
    assert_eq!(r.raw, "Ibid.");
    assert_eq!(r.same_as.as_deref(), Some("ref-3"));
    assert_eq!(r.source, reference(&x, "ref-3").source);
    assert!(r.source.is_some());
}

#[test]
fn url_and_access_date() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-5");
    assert_eq!(
        r.url.as_deref(),
        Some("https://www.worldfoodcouncil.org/outlook-2024")
    );
    assert_eq!(r.accessed.as_deref(), Some("2025-03-03"));
    assert_eq!(r.title.as_deref(), Some("Food Security Outlook"));
    assert_eq!(r.year, Some(2024));
}

#[test]
fn doi_is_extracted() {
    let x = load("references_numbered.txt");
    let r = reference(&x, "ref-6");
    assert_eq!(r.doi.as_deref(), Some("10.1234/jse.2023.0042"));
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.title.as_deref(), Some("Freight insurance and war risk"));
}

#[test]
fn bracket_markers_link_claims_to_numbered_entries() {
    let x = load("references_numbered.txt");
    assert_eq!(claim(&x, "Negotiators left Istanbul").cites, vec!["ref-1"]);
    assert_eq!(claim(&x, "Exports had fallen").cites, vec!["ref-2"]);
    assert_eq!(claim(&x, "Insurers raised").cites, vec!["ref-3"]);
}

#[test]
fn reported_by_names_an_inline_source() {
    let x = load("references_numbered.txt");
    let c = claim(&x, "Shipments through the corridor fell");
    assert_eq!(c.cites.len(), 1);
    let r = reference(&x, &c.cites[0]);
    assert!(r.inline);
    assert!(r.id.starts_with("inline-"));
    assert_eq!(r.raw, "Reuters reported");
    assert_eq!(r.outlet.as_deref(), Some("Reuters"));
    assert_eq!(r.cue.as_deref(), Some("report"));
    assert_eq!(r.number, None);
}

#[test]
fn according_to_names_an_inline_source() {
    let x = load("references_numbered.txt");
    let c = claim(&x, "The ministry's own figures");
    assert_eq!(c.cites.len(), 1);
    let r = reference(&x, &c.cites[0]);
    assert!(r.inline);
    assert_eq!(r.outlet.as_deref(), Some("The Guardian"));
    assert_eq!(r.raw, "according to The Guardian");
}

#[test]
fn according_to_two_outlets_gives_two_references() {
    let x = load("references_numbered.txt");
    let c = claim(&x, "The shortfall was confirmed");
    assert_eq!(c.cites.len(), 2, "{:?}", c.cites);
    let outlets: Vec<Option<&str>> = c
        .cites
        .iter()
        .map(|id| reference(&x, id).outlet.as_deref())
        .collect();
    assert_eq!(outlets, vec![Some("Reuters"), Some("NBC")]);
    for id in &c.cites {
        assert!(reference(&x, id).inline);
    }
}

#[test]
fn every_cited_work_has_a_stub_source_with_a_readable_id() {
    for name in [
        "references_numbered.txt",
        "references_bracketed.txt",
        "references_notes.txt",
    ] {
        let x = load(name);
        assert!(!x.sources.is_empty(), "{name}");
        for r in &x.references {
            if let Some(id) = &r.source {
                assert!(is_slug(id), "{name}: {id}");
                assert!(x.sources.contains_key(id), "{name}: no stub for {id}");
            }
        }
        for id in x.sources.keys() {
            assert!(
                x.references
                    .iter()
                    .any(|r| r.source.as_deref() == Some(id.as_str())),
                "{name}: stub {id} cited by no reference"
            );
        }
    }
}

#[test]
fn source_ids_name_outlet_year_and_title() {
    let x = load("references_numbered.txt");
    let id = reference(&x, "ref-1").source.clone().unwrap();
    assert!(id.starts_with("black-sea-monitor-2025"), "{id}");
    assert!(id.contains("grain-corridor"), "{id}");
    // The same outlet named inline twice is one source.
    let reuters: Vec<&Reference> = x
        .references
        .iter()
        .filter(|r| r.outlet.as_deref() == Some("Reuters"))
        .collect();
    assert_eq!(reuters.len(), 2);
    assert_eq!(reuters[0].source, reuters[1].source);
    assert_eq!(reuters[0].source.as_deref(), Some("reuters"));
}

#[test]
fn bracketed_entries_under_sources() {
    let x = load("references_bracketed.txt");
    let listed: Vec<&Reference> = x.references.iter().filter(|r| !r.inline).collect();
    assert_eq!(listed.len(), 3);
    let r = reference(&x, "ref-2");
    assert_eq!(r.number, Some(2));
    assert_eq!(r.outlet.as_deref(), Some("Coastal Gazette"));
    assert_eq!(
        r.description.as_deref(),
        Some("Report on the ferry operator's losses")
    );
    let r = reference(&x, "ref-3");
    assert_eq!(
        r.url.as_deref(),
        Some("https://ferryusers.example.org/survey-2024")
    );
    assert_eq!(claim(&x, "Fares on the island ferry").cites, vec!["ref-1"]);
    assert_eq!(claim(&x, "The operator reported").cites, vec!["ref-2"]);
    assert!(claim(&x, "Passenger numbers fell").cites.is_empty());
}

#[test]
fn bulleted_notes_with_chicago_footnotes_ibid_and_an_explanatory_note() {
    let x = load("references_notes.txt");
    let listed: Vec<&Reference> = x.references.iter().filter(|r| !r.inline).collect();
    assert_eq!(listed.len(), 4, "{listed:#?}");
    let r = listed[0];
    assert_eq!(r.author.as_deref(), Some("Erik Halvorsen"));
    assert_eq!(r.title.as_deref(), Some("The Last of the Herring Men"));
    assert_eq!(r.outlet.as_deref(), Some("Northern Coast Weekly"));
    assert_eq!(r.year, Some(2024));
    assert!(!r.raw.starts_with('•'));
    assert_eq!(listed[1].accessed.as_deref(), Some("2025-03-03"));
    assert_eq!(listed[2].same_as.as_deref(), Some(listed[1].id.as_str()));
    // An explanatory note cites no work.
    assert_eq!(listed[3].source, None);
    assert!(!x.claims.iter().any(|c| c.text.contains("Stornvik trawler")));
}

#[test]
fn every_section_heading_starts_a_reference_list() {
    for heading in [
        "References",
        "Sources",
        "Notes",
        "Footnotes",
        "Bibliography",
    ] {
        for (first, second) in [("1.", "2."), ("-", "-"), ("[1]", "[2]")] {
            let text = format!(
                "Ferry Fares Rise Again\n\nFares on the island ferry rose by 12 percent on April 1, 2025.\n\n{heading}\n\n{first} Island Transport Authority. (2025). “Fare Schedule 2025.”\n{second} Coastal Gazette (2024). [Report on the ferry operator's losses]\n"
            );
            let x = run("fares.txt", &text);
            let listed: Vec<&Reference> = x.references.iter().filter(|r| !r.inline).collect();
            assert_eq!(listed.len(), 2, "{heading} / {first}: {listed:#?}");
            assert_eq!(
                listed[0].outlet.as_deref(),
                Some("Island Transport Authority"),
                "{heading} / {first}"
            );
            assert_eq!(listed[1].year, Some(2024), "{heading} / {first}");
            assert_eq!(x.claims.len(), 1, "{heading} / {first}: {:#?}", x.claims);
        }
    }
}

#[test]
fn a_list_without_a_heading_is_not_a_reference_section() {
    let text = "Ferry Timetable Changes\n\nThe operator changed three sailings on Monday:\n\n- The 7:10 from Stornvik now leaves at 7:25.\n- The 12:40 return was cancelled on May 2, 2025.\n";
    let x = run("timetable.txt", text);
    assert!(x.references.iter().all(|r| r.inline), "{:#?}", x.references);
}
