//! Quote verification through the command line: the example dossier `examples/demo` (made up:
//! an English snapshot giving a verified, an altered and a missing quote, and a Russian one
//! giving translated quotes) copied to a temporary directory and changed there.

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

fn demo_copy() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
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

const SNAP: &str = "sources/snapshots/harbour-gazette-2025.txt";
const GAZETTE: &str = "harbour-gazette-2025-interview-with-the-mayor-made";
const VESTNIK: &str = "severny-vestnik-2025-interview-with-captain-marin-made";

#[test]
fn a_snapshot_whose_hash_changed_is_a_finding() {
    let d = demo_copy();
    let v = json(d.path());
    let changed = |v: &Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "snapshot-changed" && f["source"] == GAZETTE)
    };
    assert!(!changed(&v));
    let p = d.path().join(SNAP);
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("raise the harbour", "double the harbour")).unwrap();
    let v = json(d.path());
    assert!(changed(&v));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "snapshot-changed")
        .unwrap();
    assert_eq!(f["severity"], "error");
    assert_eq!(f["file"], format!("sources/{GAZETTE}.yaml"));
    // The edited snapshot now holds the quote: it verifies, but the change stays flagged.
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "quote-altered"));
}

#[test]
fn every_output_format_carries_the_word_diff() {
    let d = demo_copy();
    for (format, needle) in [
        ("human", "[-raise-] {+double+}"),
        ("github", "[-raise-] {+double+}"),
        ("sarif", "[-raise-] {+double+}"),
        ("json", "\"kind\": \"source\""),
    ] {
        // The demonstration's findings are warnings and notes.
        let (code, out) = run(
            d.path(),
            &["check", "--format", format, "--fail-on", "warning"],
        );
        assert_eq!(code, Some(1));
        assert!(out.contains(needle), "{format}: {out}");
    }
    let (_, md) = run(d.path(), &["report"]);
    assert!(md.contains("~~raise~~ **double**"), "{md}");
    assert!(md.contains("**verified**") && md.contains("**not found**"));
    let (_, html) = run(d.path(), &["report", "--format", "html"]);
    assert!(html.contains("<del>raise</del> <ins>double</ins>"));
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
    assert_eq!(
        statuses,
        [
            "suggested",
            "verified",
            "altered",
            "not-found",
            "translated",
            "translated"
        ]
    );
}

#[test]
fn html_and_markdown_snapshots_are_read_as_their_text() {
    let d = demo_copy();
    let entry = d.path().join(format!("sources/{GAZETTE}.yaml"));
    let yaml = std::fs::read_to_string(&entry).unwrap();
    // Replace the snapshot by an HTML page holding the altered quote's exact words, split by
    // markup and written with entities.
    let html = "<html><head><script>var x = 'confrontation';</script></head><body><nav>Menu</nav>\
        <p>&ldquo;We will <em>double</em> the harbour fees for the largest cargo ships,&rdquo; \
        the mayor&rsquo;s office wrote.</p>\
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
        .filter(|e| e["source"] == GAZETTE && e["status"] != "suggested")
        .map(|e| (e["claim"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(statuses[1], ("q-1e78f5b8", "verified"), "{statuses:?}");
    assert!(
        statuses.len() == 3
            && statuses
                .iter()
                .all(|(c, s)| *c == "q-1e78f5b8" || *s == "not-found"),
        "{statuses:?}"
    );
}

#[test]
fn json_with_evidence_validates_against_the_committed_schema() {
    let d = demo_copy();
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
    let d = demo_copy();
    let p = d.path().join("claims/harbour-winter.yaml");
    let yaml = std::fs::read_to_string(&p).unwrap();
    // Treat the altered quote as reported speech.
    let edited = yaml.replace(
        "- id: q-1e78f5b8\n  kind: quote",
        "- id: q-1e78f5b8\n  kind: reported",
    );
    assert_ne!(edited, yaml);
    std::fs::write(&p, edited).unwrap();
    let v = json(d.path());
    let e = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["claim"] == "q-1e78f5b8")
        .unwrap();
    assert_eq!(e["status"], "suggested");
    assert!(e["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("raise the harbour fees"));
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["claim"] == "q-1e78f5b8" && f["rule"] == "quote-altered"));
    let (_, md) = run(d.path(), &["report"]);
    assert!(md.contains("**possible support**"), "{md}");
}

fn findings_of<'a>(v: &'a Value, claim: &str) -> Vec<&'a Value> {
    ["findings", "resolved"]
        .iter()
        .flat_map(|k| v[*k].as_array().unwrap())
        .filter(|f| f["claim"] == claim)
        .collect()
}

#[test]
fn an_english_quote_of_a_russian_snapshot_is_translated_not_missing() {
    let d = demo_copy();
    let v = json(d.path());
    // q-30bad42d: no review; q-12f20ab7: its review records the Russian words.
    for claim in ["q-30bad42d", "q-12f20ab7"] {
        let e = v["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["claim"] == claim)
            .unwrap();
        assert_eq!(e["status"], "translated", "{e}");
        assert_eq!(e["source"], VESTNIK);
        assert_eq!(e["languages"]["quote"], "eng");
        assert_eq!(e["languages"]["source"], "rus");
        let found = findings_of(&v, claim);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f["rule"], "quote-translated");
        assert_eq!(f["severity"], "note");
        assert!(f["message"].as_str().unwrap().contains("in English"));
        assert!(f["help"]
            .as_str()
            .unwrap()
            .starts_with("the source is in Russian;"));
    }
    // The open one is on the worklist; the reviewed one was resolved by its verdict, and its
    // recorded original was found in the snapshot.
    assert_eq!(findings_of(&v, "q-30bad42d")[0]["review"], Value::Null);
    let reviewed = findings_of(&v, "q-12f20ab7")[0];
    assert_eq!(reviewed["review"]["verdict"], "verified");
    assert!(reviewed["help"]
        .as_str()
        .unwrap()
        .contains("are in the snapshot (line 12)"));
    let e = &reviewed["evidence"];
    assert_eq!(e["original"]["found"], true);
    assert_eq!(e["original"]["line"], 12);
    // The same-language cases keep their verdicts.
    assert_eq!(findings_of(&v, "q-1e78f5b8")[0]["rule"], "quote-altered");
    assert_eq!(findings_of(&v, "q-0c99617c")[0]["rule"], "quote-not-found");
    // The report says what the quote is, and shows the original beside it.
    let (_, md) = run(d.path(), &["report"]);
    assert!(
        md.contains("**translated** in severny-vestnik")
            && md.contains("a quote in English of a source in Russian")
            && md.contains("the original the review records (line 12): “Экипажам"),
        "{md}"
    );
    let (_, html) = run(d.path(), &["report", "--format", "html"]);
    assert!(html.contains("a quote in English of a source in Russian"));
}

#[test]
fn a_recorded_original_that_is_not_in_the_snapshot_is_said_so() {
    let d = demo_copy();
    let p = d.path().join("claims/harbour-winter.yaml");
    let yaml = std::fs::read_to_string(&p).unwrap();
    let edited = yaml.replace(
        "quote: Экипажам сказали ждать льда",
        "quote: Экипажам сказали не ждать льда",
    );
    assert_ne!(edited, yaml);
    std::fs::write(&p, edited).unwrap();
    let v = json(d.path());
    let f = findings_of(&v, "q-12f20ab7")[0];
    assert_eq!(f["rule"], "quote-translated");
    assert!(f["help"].as_str().unwrap().contains("NOT in the snapshot"));
    assert_eq!(f["evidence"]["original"]["found"], false);
    let (_, md) = run(d.path(), &["report"]);
    assert!(md.contains("the original the review records is **not in the snapshot**"));
}

#[test]
fn a_short_quote_of_a_russian_snapshot_stays_not_found() {
    let d = demo_copy();
    let p = d.path().join("articles/harbour-winter.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    // Too short for its language to be trusted: today's verdict stands.
    let edited = text.replace(
        "\n\nReferences",
        "\n\n“We sail at dawn,” Marin said [2].\n\nReferences",
    );
    assert_ne!(edited, text);
    std::fs::write(&p, edited).unwrap();
    assert_eq!(run(d.path(), &["extract"]).0, Some(0));
    let v = json(d.path());
    let e = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == VESTNIK && e["status"] == "not-found")
        .unwrap_or_else(|| panic!("{:#}", v["evidence"]));
    let found = findings_of(&v, e["claim"].as_str().unwrap());
    assert_eq!(found[0]["rule"], "quote-not-found");
    // The long quotes of the same snapshot are still translated.
    assert_eq!(findings_of(&v, "q-30bad42d")[0]["rule"], "quote-translated");
}

#[test]
fn the_demo_says_in_its_rendered_report_that_it_is_made_up() {
    let d = demo_copy();
    let (_, md) = run(d.path(), &["report"]);
    let head: String = md.lines().take(4).collect::<Vec<_>>().join("\n");
    assert!(
        head.contains("> **Demonstration data.** 2 source entries"),
        "{head}"
    );
    assert!(md.contains("### DEMONSTRATION, MADE UP: The Port Stays Open All Winter"));
    assert!(md
        .contains("(**demonstration data**, made up; sources/snapshots/harbour-gazette-2025.txt)"));
    assert_eq!(
        md.matches("**Demonstration data**: this entry and its snapshot are made up")
            .count(),
        2
    );
    let (_, html) = run(d.path(), &["report", "--format", "html"]);
    assert!(html.contains("<p class=\"demo-banner\"><span class=\"badge demo\">demonstration</span> <strong>Demonstration data.</strong>"));
    assert!(html.contains(&format!(
        "{GAZETTE} <span class=\"badge demo\">demonstration</span>"
    )));
    // The JSON audit carries the mark on the entries, and only there.
    let (_, j) = run(d.path(), &["report", "--format", "json"]);
    let v: Value = serde_json::from_str(&j).unwrap();
    assert!(v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["demonstration"] == true));
}

#[test]
fn the_demo_dossier_is_in_step_with_its_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let (code, out) = run(&root, &["extract", "--check"]);
    assert_eq!(code, Some(0), "{out}");
}
