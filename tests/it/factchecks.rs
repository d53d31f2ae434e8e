//! ClaimReview out (`report --format claimreview`) and in (`factchecks import`), and the
//! `previously-fact-checked` matches `check` then reports, on the made-up dossier in
//! tests/fixtures/factchecks/.

use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    crate::common::dossier_in(dir, "Test Editor", args)
}

/// The fixture copied into a temporary directory, extracted, its quote judged `false`.
fn reviewed() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/factchecks");
    std::fs::copy(src.join("dossier.toml"), dir.path().join("dossier.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::copy(
        src.join("articles/harbour.txt"),
        dir.path().join("articles/harbour.txt"),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    let yaml = std::fs::read_to_string(dir.path().join("claims/harbour.yaml")).unwrap();
    let file: dossier::model::ClaimFile = dossier::store::yaml::from_str(&yaml).unwrap();
    let quote = file
        .claims
        .iter()
        .find(|c| c.kind == dossier::model::ClaimKind::Quote)
        .expect("a quote")
        .id
        .clone();
    let (code, _, err) = run(
        dir.path(),
        &[
            "review",
            &quote,
            "--verdict",
            "false",
            "--date",
            "2025-03-04",
        ],
    );
    assert_eq!(code, 0, "{err}");
    (dir, quote)
}

/// The properties Google's fact-check (ClaimReview) structured data documentation marks
/// required, as paths from the ClaimReview: on ClaimReview `claimReviewed`, `reviewRating`,
/// `url`; on Rating `alternateName`.
const REQUIRED: &[&str] = &[
    "claimReviewed",
    "reviewRating",
    "url",
    "reviewRating/alternateName",
];
/// And recommended: on ClaimReview `author`, `datePublished`, `itemReviewed`; on Claim
/// `appearance`, `author`, `datePublished` (`firstAppearance`, also recommended, is not
/// given: the article is where a claim appeared, not necessarily first); on Rating
/// `bestRating`, `name`, `ratingValue`, `worstRating`.
const RECOMMENDED: &[&str] = &[
    "author",
    "datePublished",
    "itemReviewed",
    "itemReviewed/appearance",
    "itemReviewed/author",
    "itemReviewed/datePublished",
    "reviewRating/bestRating",
    "reviewRating/name",
    "reviewRating/ratingValue",
    "reviewRating/worstRating",
];

fn at<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('/').try_fold(v, |v, k| v.get(k))
}

#[test]
fn export_has_the_documented_fields_and_round_trips_into_matches() {
    let (dir, quote) = reviewed();
    let (code, out, err) = run(dir.path(), &["report", "--format", "claimreview"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 1, "{out}");
    let r = &items[0];
    for k in REQUIRED.iter().chain(RECOMMENDED) {
        assert!(at(r, k).is_some(), "no {k}: {r}");
    }
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["reviewRating"]["alternateName"], "False");
    assert_eq!(r["reviewRating"]["ratingValue"], 1);
    assert_eq!(r["datePublished"], "2025-03-04");
    assert_eq!(
        r["url"],
        format!("https://gazette.example/checks/harbour#{quote}")
    );
    assert_eq!(r["author"]["name"], "Harbour Gazette fact desk (made up)");
    assert_eq!(r["itemReviewed"]["author"]["name"], "Jo Port");
    assert!(r["itemReviewed"]["appearance"].is_object());
    // Deterministic.
    assert_eq!(
        run(dir.path(), &["report", "--format", "claimreview"]).1,
        out
    );

    // Back in: the export matches the claim it came from.
    std::fs::write(dir.path().join("export.json"), &out).unwrap();
    let (code, _, err) = run(dir.path(), &["factchecks", "import", "export.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 added"), "{err}");
    let store = std::fs::read(dir.path().join("factchecks/factchecks.yaml")).unwrap();
    let (code, _, err) = run(dir.path(), &["factchecks", "import", "export.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 added, 0 updated, 1 unchanged"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("factchecks/factchecks.yaml")).unwrap(),
        store
    );
    let (_, json, _) = run(dir.path(), &["check", "--format", "json"]);
    let found: Vec<&str> = json
        .matches("\"rule\": \"previously-fact-checked\"")
        .collect();
    assert_eq!(found.len(), 1, "{json}");
    assert!(
        json.contains("rated \\\"False\\\" by Harbour Gazette fact desk (made up)"),
        "{json}"
    );

    // Rejected by the editor: no longer suggested (and the cached check is not reused).
    let url = format!("https://gazette.example/checks/harbour#{quote}");
    // A claim id with a typo is refused, with the id it was probably meant to be.
    let typo = format!("{quote}x");
    let (code, _, err) = run(dir.path(), &["factchecks", "reject", &typo, &url]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("did you mean {quote}")), "{err}");
    let (_, json, _) = run(dir.path(), &["check", "--format", "json"]);
    assert!(
        json.contains("previously-fact-checked"),
        "nothing was recorded: {json}"
    );
    let (code, _, err) = run(dir.path(), &["factchecks", "reject", &quote, &url]);
    assert_eq!(code, 0, "{err}");
    let (_, json, _) = run(dir.path(), &["check", "--format", "json"]);
    assert!(!json.contains("previously-fact-checked"), "{json}");
}

#[test]
fn a_new_import_is_seen_by_a_cached_check_and_near_misses_are_not_matches() {
    let (dir, _) = reviewed();
    let (_, before, _) = run(dir.path(), &["check", "--format", "json"]);
    assert!(!before.contains("previously-fact-checked"));
    let near =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/factchecks_near_miss.json");
    let (code, _, err) = run(
        dir.path(),
        &["factchecks", "import", near.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let (_, json, _) = run(dir.path(), &["check", "--format", "json"]);
    assert!(!json.contains("previously-fact-checked"), "{json}");
    // A close rewording, in JSON Lines, after the check above was cached.
    let line = r#"{"@type": ["ClaimReview"], "url": "https://checks.example/ships", "claimReviewed": "The strike delayed forty cargo ships in one week", "author": {"name": "Checks Weekly (made up)"}, "reviewRating": {"alternateName": "Mostly false"}}"#;
    std::fs::write(dir.path().join("feed.jsonl"), format!("{line}\n")).unwrap();
    let (code, _, err) = run(dir.path(), &["factchecks", "import", "feed.jsonl"]);
    assert_eq!(code, 0, "{err}");
    let (_, json, _) = run(dir.path(), &["check", "--format", "json"]);
    assert!(json.contains("previously-fact-checked"), "{json}");
    assert!(json.contains("https://checks.example/ships"), "{json}");
}

#[test]
fn bad_input_is_refused_with_its_place_and_nothing_written() {
    let (dir, _) = reviewed();
    std::fs::write(
        dir.path().join("bad.json"),
        "[\n  {\"@type\": \"ClaimReview\",\n   \"claimReviewed\": }\n]",
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["factchecks", "import", "bad.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.json:3:"), "{err}");
    std::fs::write(dir.path().join("other.json"), r#"{"@type": "NewsArticle"}"#).unwrap();
    let (code, _, err) = run(dir.path(), &["factchecks", "import", "other.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a ClaimReview"), "{err}");
    assert!(!dir.path().join("factchecks").exists());
    // No publisher: the export says what to add.
    std::fs::write(dir.path().join("dossier.toml"), "").unwrap();
    let (code, _, err) = run(dir.path(), &["report", "--format", "claimreview"]);
    assert_eq!(code, 2);
    assert!(err.contains("[publisher]"), "{err}");
}
