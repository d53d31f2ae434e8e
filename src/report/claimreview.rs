//! `report --format claimreview`: schema.org `ClaimReview` JSON-LD for every claim with an
//! editor's verdict that is a rating, as search engines and fact-check feeds read it.
//!
//! The verdicts map onto a 1–5 rating (`worstRating` 1, `bestRating` 5):
//!
//! | verdict | `alternateName` | `ratingValue` |
//! |---|---|---|
//! | `verified` | True | 5 |
//! | `supported` | Supported | 4 |
//! | `needs-source` | Unsupported | 3 |
//! | `disputed` | Disputed | 2 |
//! | `false` | False | 1 |
//! | `accepted-unverifiable` | not exported (not a rating) | |
//!
//! Stale reviews (the words changed since) and claims no longer in their article are not
//! exported. The output is an array sorted by claim file and claim id.

use crate::check::config::Publisher;
use crate::model::review::Verdict;
use crate::model::{Claim, ClaimFile, ClaimKind};
use crate::store::load::LoadedDossier;
use serde_json::{json, Map, Value};

/// Why the export cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClaimReviewError {
    /// `dossier.toml` has no `[publisher]` table, or its `name` is empty: every ClaimReview
    /// must name the organisation that publishes it.
    #[error("dossier.toml has no [publisher]: a ClaimReview must name the organisation that publishes it")]
    NoPublisher,
}

impl crate::util::Advice for ClaimReviewError {
    fn help(&self) -> &'static str {
        "add to dossier.toml:\n[publisher]\nname = \"Your newsroom\"\nurl = \"https://example.org\"\nreview-url = \"https://example.org/checks/{article}#{claim}\"  # optional"
    }
}

/// The rating a verdict exports as: (`alternateName`, `ratingValue`), or `None` for a
/// verdict that is not a rating.
pub fn rating(verdict: Verdict) -> Option<(&'static str, u8)> {
    match verdict {
        Verdict::Verified => Some(("True", 5)),
        Verdict::Supported => Some(("Supported", 4)),
        Verdict::NeedsSource => Some(("Unsupported", 3)),
        Verdict::Disputed => Some(("Disputed", 2)),
        Verdict::False => Some(("False", 1)),
        // Not a rating of the claim's truth: an editor's decision about the record.
        Verdict::AcceptedUnverifiable | Verdict::NotAClaim | Verdict::NotASource => None,
    }
}

/// The ClaimReview JSON-LD of the dossier's rated claims, as pretty-printed JSON.
pub fn render_claimreview(
    dossier: &LoadedDossier,
    publisher: Option<&Publisher>,
) -> Result<String, ClaimReviewError> {
    let publisher = publisher
        .filter(|p| !p.name.trim().is_empty())
        .ok_or(ClaimReviewError::NoPublisher)?;
    let mut files: Vec<_> = dossier.claims.iter().collect();
    files.sort_by(|a, b| a.file.cmp(&b.file));
    let mut out = Vec::new();
    for f in files {
        let slug = std::path::Path::new(&f.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let mut claims: Vec<&Claim> = f.data.claims.iter().collect();
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        for c in claims {
            if let Some(v) = review_of(&f.data, c, publisher, &slug) {
                out.push(v);
            }
        }
    }
    let mut text = serde_json::to_string_pretty(&Value::Array(out)).unwrap_or_default();
    text.push('\n');
    Ok(text)
}

fn review_of(file: &ClaimFile, c: &Claim, publisher: &Publisher, slug: &str) -> Option<Value> {
    let review = c
        .review
        .as_ref()
        .filter(|_| !c.review_is_stale() && !c.vanished)?;
    let (name, value) = rating(review.verdict)?;
    let a = &file.article;
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    if let Some(t) = &a.title {
        appearance.insert("headline".into(), json!(t));
    }
    if let Some(d) = &a.date {
        appearance.insert("datePublished".into(), json!(d));
    }
    if let Some(o) = &a.outlet {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": o}),
        );
    }
    let claimant = match c.kind {
        ClaimKind::Assertion => a.author.as_deref().or(c.speaker.as_deref()),
        _ => c.speaker.as_deref(),
    };
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(who) = claimant {
        item.insert(
            "author".into(),
            json!({"@type": party_type(who), "name": who}),
        );
    }
    item.insert("appearance".into(), Value::Object(appearance));
    if let Some(d) = &a.date {
        item.insert("datePublished".into(), json!(d));
    }
    let mut author = Map::new();
    author.insert("@type".into(), json!("Organization"));
    author.insert("name".into(), json!(publisher.name.trim()));
    if let Some(u) = &publisher.url {
        author.insert("url".into(), json!(u));
    }
    let mut v = Map::new();
    v.insert("@context".into(), json!("https://schema.org"));
    v.insert("@type".into(), json!("ClaimReview"));
    v.insert("author".into(), Value::Object(author));
    v.insert(
        "claimReviewed".into(),
        json!(c.text.split_whitespace().collect::<Vec<_>>().join(" ")),
    );
    v.insert("datePublished".into(), json!(review.date));
    v.insert("itemReviewed".into(), Value::Object(item));
    v.insert(
        "reviewRating".into(),
        json!({"@type": "Rating", "alternateName": name, "name": name, "ratingValue": value, "bestRating": 5, "worstRating": 1}),
    );
    if let Some(t) = &publisher.review_url {
        v.insert(
            "url".into(),
            json!(t.replace("{article}", slug).replace("{claim}", &c.id)),
        );
    }
    Some(Value::Object(v))
}

/// `Organization` for a speaker named as a body (a ministry, an agency, a company …),
/// else `Person`.
pub fn party_type(name: &str) -> &'static str {
    const BODIES: &[&str] = &[
        "ministry",
        "department",
        "agency",
        "office",
        "government",
        "council",
        "commission",
        "committee",
        "union",
        "association",
        "company",
        "corporation",
        "inc",
        "ltd",
        "bank",
        "party",
        "institute",
        "university",
        "authority",
        "service",
        "police",
        "army",
    ];
    let words = crate::factchecks::matching::word_set(name);
    if BODIES.iter().any(|b| words.contains(*b)) {
        "Organization"
    } else {
        "Person"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_has_a_rating_or_is_skipped_on_purpose() {
        assert_eq!(rating(Verdict::False), Some(("False", 1)));
        assert_eq!(rating(Verdict::Verified), Some(("True", 5)));
        assert_eq!(rating(Verdict::AcceptedUnverifiable), None);
        assert_eq!(rating(Verdict::NotAClaim), None);
        assert_eq!(rating(Verdict::NotASource), None);
        let values: Vec<u8> = Verdict::ALL
            .iter()
            .filter_map(|v| rating(*v))
            .map(|r| r.1)
            .collect();
        assert_eq!(values, vec![5, 4, 3, 2, 1]);
    }

    #[test]
    fn bodies_are_organizations() {
        assert_eq!(party_type("the Ministry of Transport"), "Organization");
        assert_eq!(party_type("Dockworkers' Union"), "Organization");
        assert_eq!(party_type("Jo Port"), "Person");
    }
}
