//! Scraped page furniture yields no claims, the article body is still extracted in full, and
//! the metadata (title, author, date, outlet) is read, with what is absent listed as missing.

use dossier::article::Format;
use dossier::extract::Extraction;
use dossier::model::{Claim, ClaimKind};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str, format: Format) -> Extraction {
    common::extract_as(name, text, format)
}

fn load() -> Extraction {
    run(
        "furniture_page.txt",
        &fixture("furniture_page.txt"),
        Format::Text,
    )
}

fn claim<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    common::claim_starting(x, start)
}

const NOISE: &[&str] = &[
    "HomeNews",
    "spot_img",
    "Related stories",
    "Town Hall Roof",
    "Crews worked through the weekend",
    "School Bus Contract",
    "LEAVE A REPLY",
    "Please enter",
    "cookies",
    "is a journalist",
    "By Jane Roe",
    "Tuesday, March 4, 2025",
];

#[test]
fn page_noise_yields_no_claims() {
    let x = load();
    for c in &x.claims {
        for noise in NOISE {
            assert!(
                !c.text.contains(noise),
                "noise {noise:?} in claim {:?}",
                c.text
            );
        }
    }
}

#[test]
fn page_noise_yields_no_references() {
    let x = load();
    assert!(x.references.is_empty(), "{:#?}", x.references);
    assert!(x.sources.is_empty());
}

#[test]
fn every_body_claim_is_still_found() {
    let x = load();
    let a = claim(
        &x,
        "The state transport department closed the Route 9 bridge",
    );
    assert_eq!(a.kind, ClaimKind::Assertion);
    assert!(a.reasons.iter().any(|r| r == "date"), "{:?}", a.reasons);
    let q = claim(&x, "The steel under the eastern span");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert_eq!(q.speaker.as_deref(), Some("Luis Romero"));
    let r = claim(&x, "Romero said the bridge carried 18,000 vehicles");
    assert_eq!(r.kind, ClaimKind::Reported);
    assert_eq!(r.speaker.as_deref(), Some("Luis Romero"));
    assert_eq!(x.claims.len(), 3, "{:#?}", x.claims);
}

#[test]
fn title_byline_and_date_line() {
    let x = load();
    assert_eq!(
        x.article.title.as_deref(),
        Some("Bridge Repairs Will Close Route 9 for Six Weeks")
    );
    assert_eq!(x.article.author.as_deref(), Some("Jane Roe"));
    assert_eq!(x.article.date.as_deref(), Some("2025-03-04"));
    assert_eq!(x.article.outlet, None);
    assert_eq!(x.article.missing, vec!["outlet".to_string()]);
    assert_eq!(x.article.path, "articles/furniture_page.txt");
    assert!(x.article.fingerprint.starts_with("sha256:"));
    assert_eq!(x.article.fingerprint.len(), "sha256:".len() + 64);
}

#[test]
fn fingerprint_changes_with_the_bytes() {
    let text = fixture("furniture_page.txt");
    let a = run("f.txt", &text, Format::Text);
    let b = run("f.txt", &format!("{text}\n"), Format::Text);
    assert_ne!(a.article.fingerprint, b.article.fingerprint);
    let c = run("f.txt", &text, Format::Text);
    assert_eq!(a.article.fingerprint, c.article.fingerprint);
}

#[test]
fn nothing_known_is_all_missing() {
    let text = "the bridge closed.\n\nThe transport department closed the bridge on Monday after an inspection found corroded steel.\n";
    let x = run("bare.txt", text, Format::Text);
    assert_eq!(x.article.title, None);
    assert_eq!(x.article.author, None);
    assert_eq!(x.article.date, None);
    assert_eq!(
        x.article.missing,
        vec!["title", "author", "date", "outlet"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    );
    assert_eq!(x.claims.len(), 1);
}

#[test]
fn markdown_metadata_lines_give_outlet_author_and_date() {
    let text = "# Bridge Repairs Will Close Route 9\n\nPublication: The Carver Courier\nDate: March 4, 2025\nAuthor: Jane Roe\n\nThe transport department closed the bridge on Monday after an inspection found corroded steel.\n";
    let x = run("meta.md", text, Format::Markdown);
    assert_eq!(
        x.article.title.as_deref(),
        Some("Bridge Repairs Will Close Route 9")
    );
    assert_eq!(x.article.outlet.as_deref(), Some("The Carver Courier"));
    assert_eq!(x.article.author.as_deref(), Some("Jane Roe"));
    assert_eq!(x.article.date.as_deref(), Some("2025-03-04"));
    assert!(x.article.missing.is_empty(), "{:?}", x.article.missing);
    assert_eq!(x.claims.len(), 1, "{:#?}", x.claims);
}

#[test]
fn about_the_author_box_is_not_a_claim() {
    let text = "Bridge Repairs Will Close Route 9\n\nThe transport department closed the bridge on Monday after an inspection found corroded steel.\n\nAbout the author\n\nJane Roe has covered transport for the Carver Courier since 2015 and won a regional press award in 2022.\n";
    let x = run("about.txt", text, Format::Text);
    assert!(
        !x.claims.iter().any(|c| c.text.contains("Jane Roe")),
        "{:#?}",
        x.claims
    );
    assert_eq!(x.claims.len(), 1);
}

#[test]
fn cookie_notice_and_comment_form_between_paragraphs() {
    let text = "Bridge Repairs Will Close Route 9\n\nThe transport department closed the bridge on Monday after an inspection found corroded steel.\n\nThis website uses cookies to give you the best experience. Accept all to continue.\n\nLeave a comment\n\nThe bridge reopened to cyclists on March 20, 2025.\n";
    let x = run("cookies.txt", text, Format::Text);
    let texts: Vec<&str> = x.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "The transport department closed the bridge on Monday after an inspection found corroded steel.",
            "The bridge reopened to cyclists on March 20, 2025.",
        ]
    );
}

#[test]
fn prose_that_mentions_homes_and_cookies_is_kept() {
    let text = "Housing Market Cools\n\nHomeowners sold 4,000 houses in June 2025, the land registry reported.\n\nThe bakery on Mill Street sold 3,000 cookies at the fair in 2024.\n";
    let x = run("homes.txt", text, Format::Text);
    assert_eq!(x.claims.len(), 2, "{:#?}", x.claims);
}
