//! Golden tests: `dossier check` output in every format, on a small fixture dossier, compared
//! byte for byte with committed expectations. After an intended change of output, update them:
//! `DOSSIER_UPDATE_GOLDEN=1 cargo test --test it` (see `golden`).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/golden")
}

/// A fresh dossier holding the fixture's articles, extracted.
fn dossier() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for entry in std::fs::read_dir(fixture().join("articles")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, articles.join(p.file_name().unwrap())).unwrap();
    }
    run(dir.path(), &["extract"]);
    dir
}

fn run(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn golden(name: &str, actual: &str) {
    crate::golden::assert_golden(&fixture().join(name), actual);
}

#[test]
fn every_format_matches_its_golden_file() {
    let d = dossier();
    for (format, file) in [
        ("human", "expected.human.txt"),
        ("json", "expected.json"),
        ("github", "expected.github.txt"),
        ("sarif", "expected.sarif.json"),
    ] {
        let (code, out) = run(d.path(), &["check", "--format", format, "--color", "never"]);
        // The fixture has an unverifiable source (an error) so check fails.
        assert_eq!(code, Some(1), "{format}");
        golden(file, &out);
    }
}

#[test]
fn human_output_points_at_the_yaml_value_and_the_article_passage() {
    let d = dossier();
    let (_, out) = run(d.path(), &["check", "--color", "never"]);
    // The unverifiable source: a label on its `url: null` line.
    assert!(out.contains("unverifiable-source"), "{out}");
    assert!(out.contains("url: null"), "{out}");
    // The uncited assertion: the claim file and, related, the article sentence.
    assert!(out.contains("uncited-claim"), "{out}");
    assert!(
        out.contains("The strike has delayed 40 cargo ships."),
        "{out}"
    );
    assert!(out.contains("articles/port-strike.txt"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour codes under --color never"
    );
    assert!(
        out.trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("checked 1 article"),
        "{out}"
    );
}

#[test]
fn github_annotations_are_well_formed() {
    let d = dossier();
    let (_, out) = run(d.path(), &["check", "--format", "github"]);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert!(!annotations.is_empty());
    for a in annotations {
        let (head, message) = a[2..].split_once("::").unwrap();
        let (level, props) = head.split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&level), "{a}");
        for key in ["file=", "line=", "col=", "title="] {
            assert!(props.contains(key), "{a}");
        }
        assert!(!message.contains('\n'));
    }
}

#[test]
fn sarif_is_a_2_1_0_log_with_rules_and_results() {
    let d = dossier();
    let (_, out) = run(d.path(), &["check", "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
}
