//! Helpers shared by the test suites: reading fixtures, extracting with the span invariant
//! checked, finding the one claim a test is about, and running the binary in a dossier.
#![allow(dead_code)] // each suite uses a different subset

use dossier::article::{Article, Format};
use dossier::extract::{extract, Extraction};
use dossier::model::Claim;

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Extract `text` as `articles/<name>` and check that every claim and reference holds exactly
/// the article's bytes at its span.
pub fn extract_as(name: &str, text: &str, format: Format) -> Extraction {
    let x = extract(&Article::from_text(
        &format!("articles/{name}"),
        text.to_string(),
        format,
    ));
    for c in &x.claims {
        assert_eq!(&text[c.start..c.end], c.text, "claim {} span", c.id);
    }
    for r in &x.references {
        assert_eq!(&text[r.start..r.end], r.raw, "reference {} span", r.id);
    }
    x
}

/// The one claim whose text starts with `start`.
pub fn claim_starting<'a>(x: &'a Extraction, start: &str) -> &'a Claim {
    let found: Vec<&Claim> = x
        .claims
        .iter()
        .filter(|c| c.text.starts_with(start))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one claim starting {start:?} among {:#?}",
        x.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    found[0]
}

/// Run the `dossier` binary in `dir` (no colour, `reviewer` as the editor's name) and return
/// its exit code (`-1` when a signal ended it), stdout and stderr. Fails the test if it
/// panicked: no input may make dossier panic.
pub fn dossier_in(dir: &std::path::Path, reviewer: &str, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("DOSSIER_REVIEWER", reviewer)
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "dossier panicked: {err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}
