//! Editors overrule the extractor (issue 15, items 1 and 2): a source that is none is rejected
//! and stays rejected, and a corrected speaker survives re-extraction until its sentence
//! changes.

use assert_cmd::Command;
use dossier::model::{ClaimFile, SourceEntry};
use dossier::store::yaml;
use serde_json::Value;
use std::path::Path;

/// "the Mueller investigation" gives extract an inline source `mueller` that is no cited work.
const ARTICLE: &str = "Outlet: The Harbour Gazette
Date: 2025-03-04

What the Probe Found

By Ana Ruiz

Mueller reported in the Mueller investigation that 34 people were charged.

\"We will not pay for their mistakes,\" said Ward, the union leader.
";

fn run(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root)
        .env("DOSSIER_REVIEWER", "Ann Editor")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ok(root: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(root, args);
    assert_eq!(code, Some(0), "dossier {args:?}: {err}");
    out
}

fn dossier() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/probe.txt"), ARTICLE).unwrap();
    ok(dir.path(), &["extract"]);
    dir
}

fn claims(root: &Path) -> ClaimFile {
    yaml::from_str(&std::fs::read_to_string(root.join("claims/probe.yaml")).unwrap()).unwrap()
}

/// A finding as (rule, source id).
type Pair = (String, Option<String>);

/// The findings of `check --format json`, open and resolved, as (rule, source) pairs.
fn findings(root: &Path) -> (Vec<Pair>, Vec<Pair>) {
    let (_, out, err) = run(root, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let pairs = |key: &str| {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["source"].as_str().map(str::to_string),
                )
            })
            .collect::<Vec<_>>()
    };
    (pairs("findings"), pairs("resolved"))
}

#[test]
fn a_rejected_source_stays_rejected_through_re_extraction() {
    let d = dossier();
    let root = d.path();
    let stub = root.join("sources/mueller.yaml");
    assert!(
        stub.exists(),
        "extract took `Mueller reported` for a source"
    );
    let (open, _) = findings(root);
    assert!(
        open.iter().any(|(_, s)| s.as_deref() == Some("mueller")),
        "{open:?}"
    );

    // The wrong verdict for a source is refused, with the right one named.
    let (code, _, err) = run(root, &["review", "mueller", "--verdict", "not-a-claim"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not-a-source"), "{err}");

    let uncited = |pairs: &[Pair]| pairs.iter().filter(|(r, _)| r == "uncited-claim").count();
    let uncited_before = uncited(&open);

    ok(root, &["review", "mueller", "--verdict", "not-a-source"]);
    ok(root, &["extract"]);
    // The entry is the one the editor rejected, not a fresh stub.
    let entry: SourceEntry = yaml::from_str(&std::fs::read_to_string(&stub).unwrap()).unwrap();
    let review = entry
        .review
        .clone()
        .expect("the rejection survives extract");
    assert_eq!(review.verdict.as_str(), "not-a-source");
    assert!(!entry.review_is_stale());

    let (open, resolved) = findings(root);
    assert!(
        !open.iter().any(|(_, s)| s.as_deref() == Some("mueller")),
        "no open finding about the rejected source: {open:?}"
    );
    assert!(
        resolved
            .iter()
            .any(|(r, s)| r == "unverifiable-source" && s.as_deref() == Some("mueller")),
        "closed, not lost: {resolved:?}"
    );
    // The claim that rested on it alone is now uncited: a rejected source traces nothing.
    assert_eq!(uncited(&open), uncited_before + 1, "{open:?}");

    for format in ["markdown", "html"] {
        let report = ok(root, &["report", "--format", format]);
        let at = report.find("Rejected").expect("a rejected section");
        let section = &report[at..];
        assert!(section.contains("<details>"), "collapsed: {section}");
        assert!(
            section.contains("source mueller") && section.contains("not-a-source"),
            "{section}"
        );
    }
}

#[test]
fn a_rejected_claim_produces_no_findings_and_is_listed() {
    let d = dossier();
    let root = d.path();
    let quote = claims(root)
        .claims
        .into_iter()
        .find(|c| c.text.starts_with("We will not pay"))
        .unwrap();
    let (code, _, err) = run(root, &["review", &quote.id, "--verdict", "not-a-source"]);
    assert_eq!(code, Some(2), "{err}");
    ok(root, &["review", &quote.id, "--verdict", "not-a-claim"]);
    ok(root, &["extract"]);
    let (_, out, _) = run(root, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let about = |key: &str| {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["claim"].as_str() == Some(quote.id.as_str()))
            .count()
    };
    assert_eq!(about("findings"), 0, "{out}");
    assert!(about("resolved") > 0, "{out}");
    let report = ok(root, &["report", "--format", "markdown"]);
    assert!(
        report.contains(&format!("claim probe/{}", quote.id)),
        "{report}"
    );
}

#[test]
fn a_corrected_speaker_is_kept_then_flagged_stale_when_its_sentence_changes() {
    let d = dossier();
    let root = d.path();
    let file = root.join("claims/probe.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("speaker: Ward\n"), "{text}");
    // The editor changes the speaker in the claim file, nothing else.
    std::fs::write(
        &file,
        text.replace("speaker: Ward\n", "speaker: Bob Ward\n"),
    )
    .unwrap();

    // Re-extract the unchanged article: the editor's value is kept, as a correction.
    ok(root, &["extract"]);
    let quote = |f: &ClaimFile| {
        f.claims
            .iter()
            .find(|c| c.text.contains("pay for their mistakes"))
            .cloned()
            .unwrap()
    };
    let c = quote(&claims(root));
    assert_eq!(c.speaker.as_deref(), Some("Bob Ward"));
    assert_eq!(c.corrections.len(), 1);
    let k = &c.corrections[0];
    assert_eq!(
        (k.field.as_str(), k.value.as_deref(), k.extracted.as_deref()),
        ("speaker", Some("Bob Ward"), Some("Ward"))
    );
    assert_eq!(k.by, "Ann Editor");
    // Again: nothing changes.
    let before = std::fs::read_to_string(&file).unwrap();
    ok(root, &["extract"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    let (open, _) = findings(root);
    assert!(
        !open.iter().any(|(r, _)| r == "stale-correction"),
        "{open:?}"
    );

    // The sentence changes: the correction is kept, and reported as stale.
    std::fs::write(
        root.join("articles/probe.txt"),
        ARTICLE.replace("We will not pay", "We will never pay"),
    )
    .unwrap();
    ok(root, &["extract"]);
    let c = quote(&claims(root));
    assert!(c.text.contains("never"));
    assert_eq!(c.speaker.as_deref(), Some("Bob Ward"));
    let (open, _) = findings(root);
    assert!(
        open.iter().any(|(r, _)| r == "stale-correction"),
        "{open:?}"
    );

    // Confirmed by the editor: no longer stale, still kept.
    ok(root, &["correct", &c.id, "--confirm"]);
    ok(root, &["extract"]);
    let (open, _) = findings(root);
    assert!(
        !open.iter().any(|(r, _)| r == "stale-correction"),
        "{open:?}"
    );
    assert_eq!(quote(&claims(root)).speaker.as_deref(), Some("Bob Ward"));
}

#[test]
fn the_correct_command_records_and_drops_corrections() {
    let d = dossier();
    let root = d.path();
    let id = claims(root)
        .claims
        .iter()
        .find(|c| c.text.starts_with("We will not pay"))
        .unwrap()
        .id
        .clone();
    ok(
        root,
        &[
            "correct",
            &id,
            "--speaker",
            "Bob Ward",
            "--role",
            "union chair",
        ],
    );
    ok(root, &["extract"]);
    let c = claims(root)
        .claims
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    assert_eq!(c.speaker.as_deref(), Some("Bob Ward"));
    assert_eq!(c.role.as_deref(), Some("union chair"));
    ok(root, &["correct", &id, "--drop", "role"]);
    ok(root, &["extract"]);
    let c = claims(root)
        .claims
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    assert_eq!(c.role.as_deref(), Some("the union leader"));
    assert_eq!(c.corrections.len(), 1);

    // A reference, named ARTICLE/REF-ID.
    ok(
        root,
        &[
            "correct",
            "probe/inline-1",
            "--outlet",
            "US Department of Justice",
        ],
    );
    ok(root, &["extract"]);
    let f = claims(root);
    assert_eq!(
        f.references[0].outlet.as_deref(),
        Some("US Department of Justice")
    );
}

#[test]
fn bad_corrections_are_refused_with_a_suggestion() {
    let d = dossier();
    let root = d.path();
    let id = claims(root).claims[1].id.clone();
    let before = std::fs::read_to_string(root.join("claims/probe.yaml")).unwrap();
    let mistyped = format!("{}x", id);
    let cases: [(&[&str], &str); 4] = [
        (&["correct", &mistyped, "--speaker", "Bob"], "did you mean"),
        (&["correct", &id, "--speaker", " "], "empty"),
        (&["correct", &id, "--kind", "quot"], "not a valid kind"),
        (
            &["correct", "probe/inline-9", "--outlet", "X"],
            "did you mean",
        ),
    ];
    for (args, says) in cases {
        let (code, _, err) = run(root, args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let (code, _, err) = run(root, &["correct", &id, "--speeker", "Bob"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--speaker"), "{err}");
    assert_eq!(
        std::fs::read_to_string(root.join("claims/probe.yaml")).unwrap(),
        before,
        "nothing written"
    );
}
