//! HTML articles (issue 15): a page saved from a browser is added, converted once into a
//! Markdown article of its readable text with the page kept in `originals/`, and extracted with
//! its title, byline, date and outlet from its meta tags. Page furniture never becomes a claim,
//! spans are exact in the article file, and a page left in `articles/` is reported.

use std::path::{Path, PathBuf};

fn dossier(dir: &Path, args: &[&str]) -> (i32, String, String) {
    crate::common::dossier_in(dir, "Ann Editor", args)
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/harbour-fees.html")
}

const SLUG: &str = "harbour-fees-to-double-from-april";

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = dossier(dir.path(), &["init", "d"]);
    assert_eq!(code, 0, "{err}");
    let root = dir.path().join("d");
    (dir, root)
}

/// The one article of `extract --format json`.
fn extracted(root: &Path) -> serde_json::Value {
    let (code, out, err) = dossier(root, &["extract", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1, "{v:#}");
    articles[0].clone()
}

#[test]
fn a_saved_page_is_added_and_extracted_with_its_meta_tags() {
    let (_dir, root) = fresh();
    let page = fixture();
    let (code, _, err) = dossier(&root, &["add", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "added as articles/{SLUG}.md (the page kept as originals/{SLUG}.html)"
        )),
        "{err}"
    );
    // The page is kept byte for byte, outside articles/; the article is Markdown.
    let kept = std::fs::read(root.join(format!("originals/{SLUG}.html"))).unwrap();
    assert_eq!(kept, std::fs::read(&page).unwrap());
    let md_path = root.join(format!("articles/{SLUG}.md"));
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(
        md.starts_with("# Harbour fees to double from April, council confirms\n"),
        "{md}"
    );

    let a = extracted(&root);
    assert_eq!(a["path"], format!("articles/{SLUG}.md"));
    assert_eq!(
        a["title"],
        "Harbour fees to double from April, council confirms"
    );
    assert_eq!(a["author"], "Maria Okafor");
    assert_eq!(a["date"], "2025-03-04");
    assert_eq!(a["outlet"], "The Harbour Times");
    assert_eq!(a["missing"], serde_json::json!([]));

    // Every claim and reference holds exactly the article's bytes at its span.
    let claims = a["claims"].as_array().unwrap();
    for c in claims {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&md[s..e], c["text"].as_str().unwrap(), "{c:#}");
    }
    for r in a["references"].as_array().unwrap() {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&md[s..e], r["raw"].as_str().unwrap(), "{r:#}");
    }
    // The attributed quote, curly quotes and all, with its speaker.
    let quote = claims
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("We cannot keep the harbour open on goodwill alone")
        })
        .expect("the quote is a claim");
    assert_eq!(quote["kind"], "quote");
    assert_eq!(quote["speaker"], "Dana Whitfield");
    let (s, e) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert!(
        md[..s].ends_with('“') || md[s..e].starts_with('“'),
        "{:?}",
        &md[s.saturating_sub(3)..e]
    );
    // The link in the body is a reference with its address.
    assert!(a["references"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["url"] == "https://council.example/budget-2025"));

    // Page furniture is in neither the article nor its claims.
    for furniture in [
        "cookies",
        "Accept all",
        "Subscribe",
        "Share on",
        "Related stories",
        "Ferry operator",
        "Fishing fleet",
        "morning briefing",
        "All rights reserved",
        "Privacy policy",
        "dataLayer",
    ] {
        assert!(!md.contains(furniture), "{furniture} in the article:\n{md}");
    }

    // The claim file is up to date, and adding the page again changes nothing.
    let (code, _, err) = dossier(&root, &["extract", "--check"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = dossier(&root, &["add", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("already in the dossier"), "{err}");
    let names = |d: &str| std::fs::read_dir(root.join(d)).unwrap().count();
    assert_eq!((names("articles"), names("originals")), (1, 1));
}

#[test]
fn a_page_dropped_into_articles_is_reported_then_added_in_place() {
    let (_dir, root) = fresh();
    let dropped = root.join("articles/saved.html");
    std::fs::copy(fixture(), &dropped).unwrap();
    let (code, _, err) = dossier(&root, &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("articles/saved.html")
            && err.contains("HTML page")
            && err.contains("dossier add"),
        "{err}"
    );
    assert!(!root.join("claims").read_dir().unwrap().any(|_| true));

    // `add` on it converts it and moves the page out of articles/.
    let (code, _, err) = dossier(&root, &["add", "articles/saved.html"]);
    assert_eq!(code, 0, "{err}");
    assert!(!dropped.exists());
    assert!(root.join(format!("originals/{SLUG}.html")).is_file());
    let (code, _, err) = dossier(&root, &["extract", "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn hostile_pages_are_refused_with_a_diagnostic() {
    let (dir, root) = fresh();
    // Binary bytes behind an .html name.
    let binary = dir.path().join("photo.html");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, _, err) = dossier(&root, &["add", binary.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("NUL byte"), "{err}");
    // A page larger than any article (sparse: no disk is spent).
    let huge = dir.path().join("huge.html");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap();
    drop(f);
    let (code, _, err) = dossier(&root, &["add", huge.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("67108864 bytes"), "{err}");
    // A page whose article needs JavaScript to appear.
    let app = dir.path().join("app.html");
    std::fs::write(
        &app,
        "<html><head><title>App</title></head><body><div id=root></div><script>boot()</script></body></html>",
    )
    .unwrap();
    let (code, _, err) = dossier(&root, &["add", app.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no readable text"), "{err}");
    // Nothing was added.
    assert!(!root.join("articles").read_dir().unwrap().any(|_| true));
    assert!(!root.join("originals").exists());
}
