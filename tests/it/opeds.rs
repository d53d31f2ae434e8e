//! Acceptance: the repository's own dossier, the two op-eds in articles/, extracts and checks
//! as the extract and check issues require.

use assert_cmd::Command;
use dossier::article::Article;
use dossier::extract::{extract, Extraction};
use dossier::model::ClaimKind;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(name: &str) -> Extraction {
    let path = format!("articles/{name}");
    extract(&Article::load(&root().join(&path), &path).unwrap())
}

#[test]
fn no_tariffs_just_trust() {
    let x = load("no-tariffs-just-trust.txt");
    let quotes: Vec<_> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect();
    let starts = [
        "Trump has repeatedly said that the colossal mistake",
        "Russia and the US… must do everything possible to prevent contradictions",
        "The US and EU organized and funded the anti-constitutional coup in Kiev in 2014.",
        "Trump initiated direct talks with Russia in February…",
    ];
    assert_eq!(quotes.len(), 4, "{quotes:#?}");
    for (q, start) in quotes.iter().zip(starts) {
        assert!(q.text.starts_with(start), "{}", q.text);
        assert_eq!(q.speaker.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(q.role.as_deref(), Some("Russian Foreign Minister"));
        assert_eq!(q.venue.as_deref(), Some("Kommersant"));
    }
    let reported: Vec<_> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Reported)
        .collect();
    assert_eq!(reported.len(), 4, "{reported:#?}");
    for (r, start) in reported.iter().zip([
        "Lavrov emphasized that Trump",
        "Lavrov squarely blamed",
        "Lavrov confirmed that",
        "Lavrov emphasized that the EU",
    ]) {
        assert!(r.text.starts_with(start), "{}", r.text);
        assert_eq!(r.speaker.as_deref(), Some("Sergey Lavrov"));
    }
    // No claim from the page furniture.
    let noise = [
        "Gillespie",
        "Climate Resilience",
        "cookies",
        "LEAVE A REPLY",
        "researcher and veteran journalist",
        "Related stories",
    ];
    for c in &x.claims {
        assert!(
            !noise.iter().any(|n| c.text.contains(n)),
            "claim from page noise: {}",
            c.text
        );
    }
    // The eight numbered references, and the inline Kommersant mention.
    let listed: Vec<_> = x.references.iter().filter(|r| !r.inline).collect();
    assert_eq!(listed.len(), 8);
    let want: [(&str, i32, Option<&str>); 8] = [
        ("Kommersant", 2025, None),
        ("Global Times", 2025, None),
        (
            "Politico",
            2024,
            Some("Trump and NATO: A Love-Hate Relationship"),
        ),
        (
            "Foreign Policy",
            2024,
            Some("Putin’s View on NATO and Trump"),
        ),
        (
            "The Atlantic Council",
            2023,
            Some("Shadow Diplomacy and Backchannels in US-Russia Talks"),
        ),
        (
            "BBC",
            2024,
            Some("Russia’s Role in US Elections: What We Know"),
        ),
        (
            "Brookings Institution",
            2025,
            Some("Energy Diplomacy Between the US and Russia"),
        ),
        (
            "National Security Archive",
            2024,
            Some("Declassified Documents on US-Russia Cyber Talks"),
        ),
    ];
    for (r, (outlet, year, title)) in listed.iter().zip(want) {
        assert_eq!(
            (r.outlet.as_deref(), r.year, r.title.as_deref()),
            (Some(outlet), Some(year), title)
        );
    }
    assert_eq!(
        listed[1].description.as_deref(),
        Some("Lavrov’s statements on US-Russia relations")
    );
    let inline: Vec<_> = x.references.iter().filter(|r| r.inline).collect();
    assert_eq!(inline.len(), 1);
    assert_eq!(inline[0].raw, "as published in Kommersant");
    assert_eq!(inline[0].source, listed[0].source);
    // Metadata.
    assert_eq!(
        x.article.title.as_deref(),
        Some("No Tariffs, Just Trust: What’s Going on Between Trump and Russia?")
    );
    assert_eq!(x.article.author.as_deref(), Some("Saeed Minhas"));
    assert_eq!(x.article.date.as_deref(), Some("2025-04-21"));
}

#[test]
fn trump_russia_policy() {
    let x = load("trump-russia-policy.txt");
    assert!(
        x.claims.iter().all(|c| c.kind != ClaimKind::Quote),
        "no quotes in this piece"
    );
    let assertions: Vec<&str> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Assertion)
        .map(|c| c.text.as_str())
        .collect();
    for needle in [
        "Intermediate-Range Nuclear Forces (INF) Treaty",
        "New START treaty extension",
        "several rounds of sanctions",
        "SolarWinds",
        "defense spending targets",
    ] {
        assert!(
            assertions.iter().any(|a| a.contains(needle)),
            "no assertion about {needle}: {assertions:#?}"
        );
    }
    for opinion in [
        "It is my expert opinion",
        "may follow a similar pattern",
        "would likely focus",
        "could escalate",
        "DISCLAIMER",
    ] {
        assert!(
            !assertions.iter().any(|a| a.contains(opinion)),
            "{opinion} taken as an assertion"
        );
    }
    assert_eq!(x.article.author.as_deref(), Some("Alexander Azadgan"));
    assert_eq!(x.article.date, None);
    assert!(x.article.missing.contains(&"date".to_string()));
    assert!(x.references.is_empty());
}

#[test]
fn checking_the_repository_dossier() {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the op-eds have sources without locators"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let has = |rule: &str, source: &str| {
        findings
            .iter()
            .any(|f| f["rule"] == rule && f["source"] == source)
    };
    assert!(
        has(
            "unverifiable-source",
            "global-times-2025-lavrov-s-statements-on-us"
        ) && has(
            "incomplete-source",
            "global-times-2025-lavrov-s-statements-on-us"
        )
    );
    // Kommersant is as the op-ed leaves it: no URL, no snapshot, so no locator and no title;
    // nothing is checked against a text (the demonstration lives in examples/demo).
    assert!(has("unverifiable-source", "kommersant-2025"));
    assert!(has("incomplete-source", "kommersant-2025"));
    assert!(v.get("evidence").is_none(), "{}", v["evidence"]);
    for rule in [
        "quote-altered",
        "quote-not-found",
        "quote-translated",
        "snapshot-changed",
    ] {
        assert!(!findings.iter().any(|f| f["rule"] == rule), "{rule}");
    }
    let titled = findings
        .iter()
        .filter(|f| {
            f["rule"] == "unused-reference" && f["file"] == "claims/no-tariffs-just-trust.yaml"
        })
        .count();
    assert!(titled >= 6, "the six titled references are unused");
    for s in [
        "politico-2024-trump-and-nato-a-love",
        "brookings-institution-2025-energy-diplomacy-between-the-us",
    ] {
        assert!(has("unverifiable-source", s), "{s}");
    }
    // Every Lavrov quote is linked to Kommersant through its venue: none is uncited.
    let uncited_oped: Vec<&Value> = findings
        .iter()
        .filter(|f| {
            f["rule"] == "uncited-claim" && f["file"] == "claims/no-tariffs-just-trust.yaml"
        })
        .collect();
    assert!(
        uncited_oped
            .iter()
            .all(|f| !f["claim"].as_str().unwrap().starts_with("q-")),
        "{uncited_oped:#?}"
    );
    // Every assertion of the uncited piece is flagged, and its missing date.
    let trump = load("trump-russia-policy.txt");
    for c in &trump.claims {
        assert!(
            findings
                .iter()
                .any(|f| f["rule"] == "uncited-claim" && f["claim"] == c.id.as_str()),
            "{}",
            c.text
        );
    }
    assert!(findings.iter().any(|f| f["rule"] == "article-metadata"
        && f["file"] == "claims/trump-russia-policy.yaml"
        && f["message"].as_str().unwrap().contains("date")));
}

#[test]
fn the_repository_report_shows_kommersant_without_a_locator() {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(root())
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let k = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "kommersant-2025")
        .unwrap();
    assert_eq!(k["state"], "no-locator");
    assert!(k.get("demonstration").is_none(), "real data is not marked");
    assert_eq!(k["snapshot"], Value::Null);
    // The four Lavrov quotes (and his reported statements) rest on it through their venue.
    let quotes: Vec<&str> = k["relied_on_by"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["how"] == "venue" && u["claim"].as_str().unwrap().starts_with("q-"))
        .map(|u| u["claim"].as_str().unwrap())
        .collect();
    assert_eq!(
        quotes,
        ["q-41abb731", "q-2afe18ad", "q-3a4f597c", "q-e165c9da"]
    );
    let md = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(root())
        .arg("report")
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("### kommersant-2025\n\n- State: no locator"),
        "{md}"
    );
    assert!(
        !md.contains("emonstration"),
        "nothing in the real dossier is made up"
    );
}
