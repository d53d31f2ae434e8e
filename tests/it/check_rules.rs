//! `dossier check` on small dossiers built for each rule: every rule fires when it should and
//! stays quiet when it should not, with the documented exit codes.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// An article whose every claim cites a complete reference with a URL.
const TRACED: &str = "\
Outlet: The Daily Ledger
Date: 2024-05-02
Author: Jane Roe

Harbour Bridge Reopens After Repairs

The Harbour Bridge reopened on May 1, 2024 after eleven months of repairs [1].

\"We finished two weeks early,\" said city engineer Tom Okafor [2].

References

1. City of Portmouth. (2024). \u{201c}Harbour Bridge Works Completed\u{201d}. https://portmouth.example/bridge
2. Portmouth Herald. (2024). \u{201c}Engineers Finish Bridge Early\u{201d}. https://herald.example/bridge-early
";

fn dossier(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    for (name, text) in articles {
        std::fs::write(dir.path().join("articles").join(name), text).unwrap();
    }
    dossier_cmd(dir.path()).arg("extract").assert().success();
    dir
}

fn dossier_cmd(root: &Path) -> Command {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.current_dir(root)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    c
}

/// Run check with JSON output; return (exit code, findings).
fn check(root: &Path) -> (i32, Vec<Value>) {
    let out = dossier_cmd(root)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (code, v["findings"].as_array().unwrap().clone())
}

fn rules(findings: &[Value]) -> Vec<String> {
    let mut r: Vec<String> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    r.sort();
    r
}

fn count(findings: &[Value], rule: &str) -> usize {
    findings.iter().filter(|f| f["rule"] == rule).count()
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_fully_traced_dossier_passes() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let (code, findings) = check(d.path());
    assert_eq!(findings, Vec::<Value>::new());
    assert_eq!(code, 0);
}

#[test]
fn uncited_claims_are_flagged_and_cited_ones_are_not() {
    let text = TRACED.replace(" [1].", ".");
    let d = dossier(&[("bridge.txt", &text)]);
    let (code, findings) = check(d.path());
    let uncited: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "uncited-claim")
        .collect();
    assert_eq!(uncited.len(), 1, "{findings:#?}");
    let f = uncited[0];
    assert_eq!(f["file"], "claims/bridge.yaml");
    assert!(f["claim"].as_str().unwrap().starts_with("a-"));
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("Harbour Bridge reopened"));
    // The reference it no longer cites is now unused, with the claim as an inferred candidate.
    let unused: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "unused-reference")
        .collect();
    assert_eq!(unused.len(), 1);
    assert!(
        unused[0]["help"]
            .as_str()
            .unwrap()
            .contains(f["claim"].as_str().unwrap()),
        "{unused:#?}"
    );
    // Both are warnings: the default failure level is error.
    assert_eq!(code, 0);
    let out = dossier_cmd(d.path())
        .args(["check", "--format", "json", "--fail-on", "warning"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_article_that_quotes_but_yields_no_quote_claim_is_flagged() {
    // The extractor takes a phrase after "dubbed" for a name, not a quotation; an editor
    // should look at the article rather than trust a silent zero.
    let text = TRACED.replace(
        "\"We finished two weeks early,\" said city engineer Tom Okafor [2].",
        "Residents backed a campaign dubbed \"keep our harbour bridge open\" [2].",
    );
    let d = dossier(&[("bridge.txt", &text)]);
    let (code, findings) = check(d.path());
    let flagged: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "no-claims-extracted")
        .collect();
    assert_eq!(flagged.len(), 1, "{findings:#?}");
    assert_eq!(flagged[0]["file"], "claims/bridge.yaml");
    assert_eq!(flagged[0]["severity"], "warning");
    assert!(flagged[0]["help"].as_str().unwrap().contains("by hand"));
    assert_eq!(code, 0);
    // An article whose quote was found, and one that quotes no one, stay quiet.
    let d = dossier(&[("bridge.txt", TRACED)]);
    assert_eq!(count(&check(d.path()).1, "no-claims-extracted"), 0);
    let unquoted = TRACED.replace(
        "\"We finished two weeks early,\" said city engineer Tom Okafor [2].",
        "City engineer Tom Okafor finished the work early [2].",
    );
    let d = dossier(&[("bridge.txt", &unquoted)]);
    assert_eq!(count(&check(d.path()).1, "no-claims-extracted"), 0);
}

#[test]
fn missing_source_entry() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let stub = std::fs::read_dir(d.path().join("sources"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::remove_file(&stub).unwrap();
    let (code, findings) = check(d.path());
    assert_eq!(rules(&findings), vec!["missing-source"]);
    assert_eq!(
        findings[0]["source"],
        stub.file_stem().unwrap().to_str().unwrap()
    );
    assert_eq!(code, 1);
}

#[test]
fn unverifiable_and_incomplete_sources() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let id = "city-of-portmouth-2024-harbour-bridge-works-completed";
    let rel = format!("sources/{id}.yaml");
    edit(
        d.path(),
        &rel,
        "url: https://portmouth.example/bridge",
        "url: null",
    );
    edit(
        d.path(),
        &rel,
        "title: Harbour Bridge Works Completed",
        "title: null",
    );
    let (code, findings) = check(d.path());
    assert_eq!(
        rules(&findings),
        vec!["incomplete-source", "unverifiable-source"]
    );
    let u = findings
        .iter()
        .find(|f| f["rule"] == "unverifiable-source")
        .unwrap();
    assert_eq!(u["file"], rel);
    assert_eq!(u["source"], id);
    // It points at the `url:` value.
    let text = std::fs::read_to_string(d.path().join(&rel)).unwrap();
    let line = text
        .lines()
        .nth(u["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    assert!(line.starts_with("url:"), "{line}");
    assert_eq!(code, 1);
    // An archived copy is a locator too.
    edit(
        d.path(),
        &rel,
        "url: null",
        "url: null\narchive-url: https://web.archive.org/web/2024/x",
    );
    let (_, findings) = check(d.path());
    assert_eq!(count(&findings, "unverifiable-source"), 0);
}

#[test]
fn a_url_that_is_not_a_web_address_is_no_locator() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let id = "city-of-portmouth-2024-harbour-bridge-works-completed";
    let rel = format!("sources/{id}.yaml");
    edit(
        d.path(),
        &rel,
        "url: https://portmouth.example/bridge",
        "url: javascript:alert(1)",
    );
    let (code, findings) = check(d.path());
    assert_eq!(
        rules(&findings),
        vec!["invalid-value", "unverifiable-source"]
    );
    let bad = findings
        .iter()
        .find(|f| f["rule"] == "invalid-value")
        .unwrap();
    assert!(bad["message"].as_str().unwrap().contains("`url`"), "{bad}");
    assert_eq!(code, 1);
    // A real archived copy makes it traceable again; the bad `url` is still reported.
    edit(
        d.path(),
        &rel,
        "url: javascript:alert(1)",
        "url: javascript:alert(1)\narchive-url: https://web.archive.org/web/2024/x",
    );
    let (_, findings) = check(d.path());
    assert_eq!(rules(&findings), vec!["invalid-value"]);
}

#[test]
fn stale_claims_after_the_article_changes() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    edit(
        d.path(),
        "articles/bridge.txt",
        "eleven months",
        "twelve months",
    );
    let (code, findings) = check(d.path());
    assert_eq!(count(&findings, "stale-claim"), 1, "{findings:#?}");
    assert_eq!(code, 1);
    dossier_cmd(d.path()).arg("extract").assert().success();
    let (code, findings) = check(d.path());
    assert_eq!(count(&findings, "stale-claim"), 0);
    assert_eq!(code, 0);
}

#[test]
fn a_claim_edited_by_hand_no_longer_matches_its_anchor() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    edit(
        d.path(),
        "claims/bridge.yaml",
        "eleven months",
        "ten months",
    );
    let (_, findings) = check(d.path());
    let stale: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "stale-claim")
        .collect();
    assert_eq!(stale.len(), 1);
    assert!(stale[0]["claim"].is_string());
}

#[test]
fn source_dated_after_the_article() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    edit(
        d.path(),
        "sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml",
        "date: \"2024\"",
        "date: \"2024-06-01\"",
    );
    let (_, findings) = check(d.path());
    assert_eq!(rules(&findings), vec!["source-after-article"]);
    edit(
        d.path(),
        "sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml",
        "2024-06-01",
        "2024-04-30",
    );
    let (_, findings) = check(d.path());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn article_metadata_lists_what_is_missing() {
    let text = TRACED.replace("Outlet: The Daily Ledger\nDate: 2024-05-02\n", "");
    let d = dossier(&[("bridge.txt", &text)]);
    let (_, findings) = check(d.path());
    let m: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "article-metadata")
        .collect();
    assert_eq!(m.len(), 1, "{findings:#?}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("date") && msg.contains("outlet") && !msg.contains("author"),
        "{msg}"
    );
}

#[test]
fn schema_problems_point_at_the_yaml() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let rel = "sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml";
    edit(
        d.path(),
        rel,
        "type: article",
        "type: article\npublishr: Herald",
    );
    let (code, findings) = check(d.path());
    let f = findings
        .iter()
        .find(|f| f["rule"] == "unknown-field")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert_eq!(f["file"], rel);
    assert_eq!(f["line"], 3);
    assert!(f["message"].as_str().unwrap().contains("publishr"));
    assert_eq!(code, 1);

    edit(d.path(), rel, "publishr: Herald", "cited-as: 7");
    let (_, findings) = check(d.path());
    assert_eq!(count(&findings, "invalid-value"), 1, "{findings:#?}");

    edit(d.path(), rel, "cited-as: 7", "title: [unclosed");
    let (_, findings) = check(d.path());
    assert_eq!(count(&findings, "invalid-yaml"), 1, "{findings:#?}");
}

#[test]
fn snapshot_paths_must_stay_inside_the_dossier() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let rel = "sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml";
    for bad in [
        "/etc/hostname",
        "../outside.txt",
        "sources/snapshots/none.txt",
    ] {
        let text = std::fs::read_to_string(d.path().join(rel)).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("snapshot:"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(d.path().join(rel), format!("{text}snapshot: {bad}\n")).unwrap();
        let (code, findings) = check(d.path());
        assert_eq!(rules(&findings), vec!["invalid-path"], "{bad}");
        assert_eq!(code, 1);
    }
    std::fs::create_dir_all(d.path().join("sources/snapshots")).unwrap();
    std::fs::write(
        d.path().join("sources/snapshots/herald.txt"),
        "Engineers finished early. “We finished two weeks early,” Tom Okafor said.",
    )
    .unwrap();
    edit(
        d.path(),
        rel,
        "snapshot: sources/snapshots/none.txt",
        "snapshot: sources/snapshots/herald.txt",
    );
    let (code, findings) = check(d.path());
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(code, 0);
}

#[test]
fn duplicate_source_ids() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let src = d
        .path()
        .join("sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml");
    std::fs::copy(&src, src.with_extension("yml")).unwrap();
    let (_, findings) = check(d.path());
    assert_eq!(rules(&findings), vec!["duplicate-id"]);
}

#[test]
fn a_claim_file_whose_article_is_gone() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    std::fs::remove_file(d.path().join("articles/bridge.txt")).unwrap();
    let (code, findings) = check(d.path());
    assert!(rules(&findings).contains(&"missing-article".to_string()));
    assert_eq!(code, 1);
}

#[test]
fn config_sets_severities_and_the_failure_level() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let rel = "sources/portmouth-herald-2024-engineers-finish-bridge-early.yaml";
    edit(
        d.path(),
        rel,
        "url: https://herald.example/bridge-early",
        "url: null",
    );
    assert_eq!(check(d.path()).0, 1);
    std::fs::write(
        d.path().join("dossier.toml"),
        "[rules]\nunverifiable-source = \"warning\"\n",
    )
    .unwrap();
    let (code, findings) = check(d.path());
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(code, 0);
    std::fs::write(
        d.path().join("dossier.toml"),
        "fail-on = \"warning\"\n[rules]\nunverifiable-source = \"warning\"\n",
    )
    .unwrap();
    assert_eq!(check(d.path()).0, 1);
    std::fs::write(
        d.path().join("dossier.toml"),
        "[rules]\nunverifiable-source = \"off\"\n",
    )
    .unwrap();
    let (code, findings) = check(d.path());
    assert!(findings.is_empty());
    assert_eq!(code, 0);
    // The command line wins over the file.
    std::fs::write(d.path().join("dossier.toml"), "fail-on = \"never\"\n").unwrap();
    assert_eq!(check(d.path()).0, 0);
    let out = dossier_cmd(d.path())
        .args(["check", "--fail-on", "error"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_bad_config_is_a_usage_error_with_its_position() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    std::fs::write(
        d.path().join("dossier.toml"),
        "[rules]\nuncited-claims = \"off\"\n",
    )
    .unwrap();
    let out = dossier_cmd(d.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dossier.toml:2:1") && err.contains("uncited-claims"),
        "{err}"
    );
}

#[test]
fn no_dossier_or_nothing_extracted_is_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let out = dossier_cmd(empty.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir(empty.path().join("articles")).unwrap();
    let out = dossier_cmd(empty.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dossier extract"));
}

#[test]
fn a_missing_sources_directory_means_every_entry_is_missing() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    std::fs::remove_dir_all(d.path().join("sources")).unwrap();
    let (code, findings) = check(d.path());
    assert_eq!(count(&findings, "missing-source"), 2);
    assert_eq!(code, 1);
}

#[test]
fn json_output_validates_against_the_committed_schema() {
    let d = dossier(&[(
        "bridge.txt",
        &TRACED
            .replace(" [1].", ".")
            .replace("Date: 2024-05-02\n", ""),
    )]);
    let out = dossier_cmd(d.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["version"], 1);
    assert!(!value["findings"].as_array().unwrap().is_empty());
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/check.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for f in value["findings"].as_array().unwrap() {
        for key in [
            "rule", "severity", "message", "file", "line", "column", "claim", "source", "help",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
    }
}

#[test]
fn output_is_deterministic() {
    let d = dossier(&[
        ("bridge.txt", &TRACED.replace(" [1].", ".")),
        (
            "other.txt",
            "Opinion\n\nThe council met on Monday and approved 4 budgets.\n",
        ),
    ]);
    for format in ["human", "json", "github", "sarif"] {
        let a = dossier_cmd(d.path())
            .args(["check", "--format", format])
            .output()
            .unwrap()
            .stdout;
        let b = dossier_cmd(d.path())
            .args(["check", "--format", format])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(a, b, "{format}");
    }
}

#[test]
fn a_claim_citing_an_undefined_reference() {
    let d = dossier(&[("bridge.txt", TRACED)]);
    let (_, findings) = check(d.path());
    assert_eq!(count(&findings, "unknown-reference"), 0);
    edit(
        d.path(),
        "claims/bridge.yaml",
        "  cites:\n  - ref-1",
        "  cites:\n  - ref-9",
    );
    let (code, findings) = check(d.path());
    let f: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "unknown-reference")
        .collect();
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert!(f[0]["message"].as_str().unwrap().contains("ref-9"));
    assert_eq!(code, 1);
}

#[test]
fn hand_edited_offsets_inside_a_character_do_not_crash_any_format() {
    let text = TRACED.replace("eleven months", "eleven months (é)");
    let d = dossier(&[("bridge.txt", &text)]);
    let yaml = std::fs::read_to_string(d.path().join("claims/bridge.yaml")).unwrap();
    // Point the first claim's span into the middle of "é".
    let mut edited = String::new();
    let mut n = 0;
    let mut in_claims = false;
    for line in yaml.lines() {
        in_claims |= line == "claims:";
        if in_claims && line.starts_with("  start: ") && n == 0 {
            let at = text.find('é').unwrap() + 1;
            edited.push_str(&format!("  start: {at}\n"));
            n += 1;
            continue;
        }
        if in_claims && line.starts_with("  end: ") && n == 1 {
            edited.push_str(&format!("  end: {}\n", text.find('é').unwrap() + 4));
            n += 1;
            continue;
        }
        edited.push_str(line);
        edited.push('\n');
    }
    std::fs::write(d.path().join("claims/bridge.yaml"), edited).unwrap();
    for format in ["human", "json", "github", "sarif"] {
        let out = dossier_cmd(d.path())
            .args(["check", "--format", format])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// CI cannot be fooled by an article copied in without running `extract`, and a pre-commit
/// hook can check just the articles it was given, writing the findings where it says.
#[test]
fn an_unextracted_article_fails_check_and_paths_narrow_it() {
    let dir = dossier(&[("bridge.txt", TRACED)]);
    let root = dir.path();
    let (code, before) = check(root);
    assert!(!rules(&before).contains(&"unextracted-article".to_string()));
    assert_eq!(code, 0, "{before:?}");
    std::fs::write(
        root.join("articles/copied.txt"),
        "A Later Piece\n\nThe council met on Tuesday.\n",
    )
    .unwrap();
    let (code, after) = check(root);
    assert_eq!(code, 1, "an unextracted article is an error");
    let flagged: Vec<&Value> = after
        .iter()
        .filter(|f| f["rule"] == "unextracted-article")
        .collect();
    assert_eq!(flagged.len(), 1, "{after:?}");
    assert_eq!(flagged[0]["file"], "articles/copied.txt");

    // Only the article named: its findings, none of the other article's.
    let only = |path: &str| -> Value {
        let out = dossier_cmd(root)
            .args(["check", "--format", "json", path])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let copied = only("articles/copied.txt");
    assert_eq!(copied["summary"]["articles"], 0);
    let files: Vec<&str> = copied["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["articles/copied.txt"]);
    let bridge = only("articles/bridge.txt");
    assert_eq!(bridge["summary"]["articles"], 1);
    assert!(bridge["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "unextracted-article"));
    dossier_cmd(root)
        .args(["check", "articles/nowhere.txt"])
        .assert()
        .code(2);

    // --output: the same document in the file, nothing on stdout.
    let out = dossier_cmd(root)
        .args(["check", "--format", "json", "--output", "found.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let file: Value =
        serde_json::from_slice(&std::fs::read(root.join("found.json")).unwrap()).unwrap();
    assert_eq!(file["findings"].as_array().unwrap().len(), after.len());
}

/// `[[suppress]]` in dossier.toml: matched findings leave the open list, are listed with their
/// reason, and a mistyped id is refused with the closest one.
#[test]
fn suppressions_close_findings_with_their_reason() {
    let untraced = "\
Outlet: The Daily Ledger
Date: 2024-05-02
Author: Jane Roe

Council Votes

\"We will not raise the fees this year,\" said Mayor Ada Lind.
";
    let dir = dossier(&[("bridge.txt", TRACED), ("council.txt", untraced)]);
    let root = dir.path();
    let (_, open) = check(root);
    let uncited: Vec<&Value> = open
        .iter()
        .filter(|f| f["rule"] == "uncited-claim")
        .collect();
    assert!(!uncited.is_empty(), "{open:?}");
    std::fs::write(
        root.join("dossier.toml"),
        "[[suppress]]\nrule = \"uncited-claim\"\narticles = [\"articles/council.*\"]\nreason = \"the mayor said it on the record at the meeting\"\n",
    )
    .unwrap();
    let out = dossier_cmd(root)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "uncited-claim"));
    let closed: Vec<&Value> = doc["resolved"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "uncited-claim")
        .collect();
    assert_eq!(closed.len(), uncited.len());
    assert!(closed
        .iter()
        .all(|f| f["suppressed"] == "the mayor said it on the record at the meeting"));
    let report = dossier_cmd(root).args(["report"]).output().unwrap();
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(
        md.contains("suppressed uncited-claim (dossier.toml: the mayor said it on the record"),
        "{md}"
    );

    // A claim id that is not in the dossier would suppress nothing: refused, with a hint.
    let claim = closed[0]["claim"].as_str().unwrap().to_string();
    let typo = format!("{}x", claim);
    std::fs::write(
        root.join("dossier.toml"),
        format!("[[suppress]]\nclaim = \"{typo}\"\nreason = \"checked\"\n"),
    )
    .unwrap();
    let (code, found) = check(root);
    assert_eq!(code, 1);
    let bad: Vec<&Value> = found
        .iter()
        .filter(|f| f["rule"] == "invalid-value" && f["file"] == "dossier.toml")
        .collect();
    assert_eq!(bad.len(), 1, "{found:?}");
    let message = bad[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("did you mean `{claim}`")),
        "{message}"
    );
    assert_eq!(bad[0]["line"], 2);
}
