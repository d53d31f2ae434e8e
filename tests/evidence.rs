//! Quote verification through the command line: the repository's dossier (whose Kommersant
//! entry has a demonstration snapshot) copied to a temporary directory and changed there.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn repo_copy() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = tempfile::tempdir().unwrap();
    for dir in ["articles", "claims", "sources", "schemas"] {
        copy_dir(&root.join(dir), &d.path().join(dir));
    }
    d
}

fn run(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json(root: &Path) -> Value {
    serde_json::from_str(&run(root, &["check", "--format", "json"]).1).unwrap()
}

const SNAP: &str = "sources/snapshots/kommersant-2025.txt";

#[test]
fn a_snapshot_whose_hash_changed_is_a_finding() {
    let d = repo_copy();
    let v = json(d.path());
    let changed = |v: &Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "snapshot-changed" && f["source"] == "kommersant-2025")
    };
    assert!(!changed(&v));
    let p = d.path().join(SNAP);
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("pull Ukraine", "drag Ukraine")).unwrap();
    let v = json(d.path());
    assert!(changed(&v));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "snapshot-changed")
        .unwrap();
    assert_eq!(f["severity"], "error");
    assert_eq!(f["file"], "sources/kommersant-2025.yaml");
    // The edited snapshot now holds the quote: it verifies, but the change stays flagged.
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "quote-altered"));
}

#[test]
fn every_output_format_carries_the_word_diff() {
    let d = repo_copy();
    for (format, needle) in [
        ("human", "[-pull-] {+drag+}"),
        ("github", "[-pull-] {+drag+}"),
        ("sarif", "[-pull-] {+drag+}"),
        ("json", "\"kind\": \"source\""),
    ] {
        let (code, out) = run(d.path(), &["check", "--format", format]);
        assert_eq!(code, Some(1));
        assert!(out.contains(needle), "{format}: {out}");
    }
    let (_, md) = run(d.path(), &["report"]);
    assert!(md.contains("~~pull~~ **drag**"), "{md}");
    assert!(md.contains("**verified**") && md.contains("**not found**"));
    let (_, html) = run(d.path(), &["report", "--format", "html"]);
    assert!(html.contains("<del>pull</del> <ins>drag</ins>"));
    let (_, j) = run(d.path(), &["report", "--format", "json"]);
    let v: Value = serde_json::from_str(&j).unwrap();
    let statuses: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["claims"].as_array().unwrap())
        .flat_map(|c| c["evidence"].as_array().into_iter().flatten())
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["altered", "verified", "not-found", "verified"]);
}

#[test]
fn html_and_markdown_snapshots_are_read_as_their_text() {
    let d = repo_copy();
    let entry = d.path().join("sources/kommersant-2025.yaml");
    let yaml = std::fs::read_to_string(&entry).unwrap();
    // Replace the snapshot by an HTML page holding the altered quote's exact words, split by
    // markup and written with entities.
    let html = "<html><head><script>var x = 'confrontation';</script></head><body><nav>Menu</nav>\
        <p>Trump has repeatedly said that the <em>colossal</em> mistake which led to the current \
        events in Ukraine was the Biden administration&rsquo;s decision to drag Ukraine into NATO.</p>\
        </body></html>";
    std::fs::write(d.path().join("sources/snapshots/k.html"), html).unwrap();
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.starts_with("  ") && !l.starts_with("snapshot:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        &entry,
        format!("{yaml}snapshot: sources/snapshots/k.html\n"),
    )
    .unwrap();
    let v = json(d.path());
    let statuses: Vec<(&str, &str)> = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["claim"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(statuses[0], ("q-41abb731", "verified"), "{statuses:?}");
    assert!(
        statuses[1..].iter().all(|(_, s)| *s == "not-found"),
        "{statuses:?}"
    );
}

#[test]
fn json_with_evidence_validates_against_the_committed_schema() {
    let d = repo_copy();
    let v = json(d.path());
    assert!(!v["evidence"].as_array().unwrap().is_empty());
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/check.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn reported_speech_gets_suggestions_never_verdicts() {
    let d = repo_copy();
    let p = d.path().join("claims/no-tariffs-just-trust.yaml");
    let yaml = std::fs::read_to_string(&p).unwrap();
    // Treat the first Lavrov quote (altered in the demonstration snapshot) as reported speech.
    let edited = yaml.replace(
        "- id: q-41abb731\n  kind: quote",
        "- id: q-41abb731\n  kind: reported",
    );
    assert_ne!(edited, yaml);
    std::fs::write(&p, edited).unwrap();
    let v = json(d.path());
    let e = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["claim"] == "q-41abb731")
        .unwrap();
    assert_eq!(e["status"], "suggested");
    assert!(e["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("pull Ukraine into NATO"));
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["claim"] == "q-41abb731" && f["rule"] == "quote-altered"));
    let (_, md) = run(d.path(), &["report"]);
    assert!(md.contains("**possible support**"), "{md}");
}
