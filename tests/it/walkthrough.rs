//! The README's "Getting started" walk, step by step: a fresh dossier, one article, to a clean
//! `dossier check` with the scriptable commands. If this test changes, change the README.

use std::path::Path;

const WEEKLY: &str = "shipping-weekly-2024-cargo-delays-and-port-labour";

fn dossier(dir: &Path, args: &[&str]) -> (i32, String, String) {
    crate::common::dossier_in(dir, "Ann Editor", args)
}

#[test]
fn from_a_fresh_dossier_to_a_clean_check() {
    let dir = tempfile::tempdir().unwrap();
    // 1. The dossier.
    let (code, _, err) = dossier(dir.path(), &["init", "harbour"]);
    assert_eq!(code, 0, "{err}");
    let root = &dir.path().join("harbour");

    // 2. Add the article: copied in under its title, and extracted.
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/walkthrough/port.txt");
    let (code, _, err) = dossier(root, &["add", article.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("added as articles/port-strike-enters-second-week.txt"),
        "{err}"
    );
    assert!(
        err.contains("4 claim(s), 2 reference(s)") && err.contains("2 new source stub(s)"),
        "{err}"
    );

    // 3. What needs doing.
    let (code, _, _) = dossier(root, &["check"]);
    assert_eq!(code, 1);
    let (_, queue, _) = dossier(root, &["review", "--list"]);
    let heads: Vec<&str> = queue.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        heads,
        [
            &format!("source {WEEKLY}  [error unverifiable-source]")[..],
            "port-strike-enters-second-week/a-aa80d3eb  [warning uncited-claim]",
            "port-strike-enters-second-week/a-52c58f19  [warning uncited-claim]",
            "port-strike-enters-second-week/a-0f299839  [warning uncited-claim]",
        ]
    );

    // 4. Complete the stubbed source entry.
    let entry = root.join(format!("sources/{WEEKLY}.yaml"));
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(text.contains("\nurl: null\n"));
    std::fs::write(
        &entry,
        text.replace(
            "\nurl: null\n",
            "\nurl: https://shipping-weekly.example/cargo-delays\n",
        ),
    )
    .unwrap();

    // 5. Confirm the suggested source.
    let (code, _, err) = dossier(
        root,
        &[
            "link",
            "a-aa80d3eb",
            WEEKLY,
            "--note",
            "the article's source for the 2024 figure",
        ],
    );
    assert_eq!(code, 0, "{err}");

    // 6. Verdicts.
    for args in [
        &[
            "review",
            "a-52c58f19",
            "--verdict",
            "verified",
            "--url",
            "https://port.example/arrivals",
            "--note",
            "port arrivals log, 4 March",
        ][..],
        &[
            "review",
            "a-0f299839",
            "--verdict",
            "accepted-unverifiable",
            "--note",
            "on the mayor's public diary",
        ][..],
    ] {
        let (code, _, err) = dossier(root, args);
        assert_eq!(code, 0, "{err}");
    }

    // 7. Clean: exit 0, one note left, an empty queue.
    let (code, out, _) = dossier(root, &["check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("0 errors, 0 warnings, 1 note; 1 finding resolved by editors' verdicts"),
        "{out}"
    );
    let (_, json, _) = dossier(root, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["warnings"], 0);
    assert_eq!(v["summary"]["notes"], 1);
    let (_, queue, _) = dossier(root, &["review", "--list"]);
    assert_eq!(queue, "");
    // Re-extraction keeps it clean.
    let (code, _, err) = dossier(root, &["extract"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(dossier(root, &["check"]).0, 0);
}
