//! Cross-article attribution (`conflicting-attribution`, `quote-variant`) on the made-up
//! dossier in tests/fixtures/crossref/: summit.txt quotes Sergei Lavrov, talks.txt gives the
//! same words to Vladimir Putin, digest.txt quotes them with an omission from "Lavrov", and
//! gives Lavrov's other quote in another wording.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("DOSSIER_REVIEWER", "Test Editor")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The fixture copied into a temporary directory and extracted.
fn extracted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crossref");
    std::fs::copy(src.join("dossier.toml"), dir.path().join("dossier.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    for name in ["summit.txt", "talks.txt", "digest.txt"] {
        std::fs::copy(
            src.join("articles").join(name),
            dir.path().join("articles").join(name),
        )
        .unwrap();
    }
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    dir
}

fn check_json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert!(code <= 1, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The cross-article findings: (rule, file, message, help, related file).
fn cross(doc: &Value, list: &str) -> Vec<(String, String, String, String, String)> {
    doc[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let r = f["rule"].as_str().unwrap();
            r == "conflicting-attribution" || r == "quote-variant"
        })
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (
                s("rule"),
                s("file"),
                s("message"),
                s("help"),
                f["related"]["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn one_quote_from_two_speakers_is_flagged_in_both_articles() {
    let dir = extracted();
    let doc = check_json(dir.path(), &["--no-cache"]);
    let found = cross(&doc, "findings");
    let conflicts: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "conflicting-attribution")
        .collect();
    let files: Vec<&str> = conflicts.iter().map(|f| f.1.as_str()).collect();
    // Summit (Sergei Lavrov) and digest (Lavrov, with an omission) against talks (Putin);
    // summit and digest are one speaker, so neither names the other.
    assert_eq!(
        files,
        [
            "claims/digest.yaml",
            "claims/summit.yaml",
            "claims/talks.yaml"
        ]
    );
    let talks = conflicts[2];
    assert!(talks.2.contains("to Vladimir Putin"), "{}", talks.2);
    assert!(
        talks.2.contains("articles/digest.txt (claim")
            && talks.2.contains(", Lavrov)")
            && talks.2.contains("articles/summit.txt (claim")
            && talks.2.contains(", Sergei Lavrov)"),
        "{}",
        talks.2
    );
    assert_eq!(
        talks.4, "articles/digest.txt",
        "the first other, in path order"
    );
    let summit = conflicts[1];
    assert!(summit.2.contains("Vladimir Putin"), "{}", summit.2);
    assert!(!summit.2.contains("digest"), "{}", summit.2);
    assert_eq!(summit.4, "articles/talks.txt");
    for f in &conflicts {
        let sev = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["message"] == f.2.as_str())
            .unwrap()["severity"]
            .clone();
        assert_eq!(sev, "warning");
    }
}

#[test]
fn another_wording_is_a_note_with_the_word_diff() {
    let dir = extracted();
    let doc = check_json(dir.path(), &["--no-cache"]);
    let variants: Vec<_> = cross(&doc, "findings")
        .into_iter()
        .filter(|f| f.0 == "quote-variant")
        .collect();
    let files: Vec<&str> = variants.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(files, ["claims/digest.yaml", "claims/summit.yaml"]);
    assert!(
        variants[0].3.contains("[-continue-] {+resume+}"),
        "{}",
        variants[0].3
    );
    assert!(
        variants[1].3.contains("[-resume-] {+continue+}"),
        "{}",
        variants[1].3
    );
    assert_eq!(doc["summary"]["by_rule"]["quote-variant"], 2);
}

#[test]
fn the_cache_settings_and_verdicts_apply_to_cross_article_findings() {
    let dir = extracted();
    let cold = run(dir.path(), &["check", "--format", "json", "--no-cache"]);
    let filling = run(dir.path(), &["check", "--format", "json"]);
    let warm = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(cold.1, filling.1, "filling the cache");
    assert_eq!(cold.1, warm.1, "from the cache");

    // A check of some articles compares nothing: it has not read the others.
    let some = check_json(dir.path(), &["articles/talks.txt"]);
    assert!(cross(&some, "findings").is_empty());

    // A verdict on the claim settles its finding, as it settles the claim's others.
    let doc = check_json(dir.path(), &[]);
    let talks_claim = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "conflicting-attribution" && f["file"] == "claims/talks.yaml")
        .unwrap()["claim"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, _, err) = run(
        dir.path(),
        &[
            "review",
            &format!("talks/{talks_claim}"),
            "--verdict",
            "verified",
            "--date",
            "2025-03-09",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc = check_json(dir.path(), &[]);
    let open = cross(&doc, "findings");
    assert!(!open.iter().any(|f| f.1 == "claims/talks.yaml"), "{open:?}");
    assert_eq!(
        open.iter()
            .filter(|f| f.0 == "conflicting-attribution")
            .count(),
        2
    );
    let closed = cross(&doc, "resolved");
    assert_eq!(closed.len(), 1, "{closed:?}");
    assert_eq!(closed[0].1, "claims/talks.yaml");
    assert_eq!(
        doc,
        check_json(dir.path(), &["--no-cache"]),
        "verdict, warm and cold"
    );

    // The rules can be turned off.
    std::fs::write(
        dir.path().join("dossier.toml"),
        "[rules]\nconflicting-attribution = \"off\"\nquote-variant = \"off\"\n",
    )
    .unwrap();
    let doc = check_json(dir.path(), &[]);
    assert!(cross(&doc, "findings").is_empty());
    assert!(cross(&doc, "resolved").is_empty());
}
