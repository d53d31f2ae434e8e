//! `dossier extract` end to end, in temporary dossiers: the files it writes, idempotence,
//! `--check`, `--format json`, and refusing bad input without writing anything.

use assert_cmd::Command;
use dossier::model::{ClaimFile, ClaimKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A temporary dossier whose articles/ holds the given files.
fn dossier(articles: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    for (name, bytes) in articles {
        std::fs::write(dir.path().join("articles").join(name), bytes).unwrap();
    }
    dir
}

fn dossier_cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// Run `dossier <args>` in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = dossier_cmd(dir).args(args).output().unwrap();
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file under claims/ and sources/, with its bytes.
fn written(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["claims", "sources"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            out.insert(
                p.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            );
        }
    }
    out
}

fn claim_file(dir: &Path, slug: &str) -> ClaimFile {
    let path = dir.join("claims").join(format!("{slug}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    dossier::store::yaml::from_str(&text).unwrap()
}

fn two_article_dossier() -> TempDir {
    dossier(&[
        ("grain-talks.txt", &fixture("references_numbered.txt")),
        ("border-talks.txt", &fixture("speakers.txt")),
    ])
}

#[test]
fn extract_writes_claim_files_and_source_stubs() {
    let d = two_article_dossier();
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{stderr}");

    let grain = claim_file(d.path(), "grain-talks");
    assert_eq!(grain.version, 1);
    assert_eq!(grain.article.path, "articles/grain-talks.txt");
    assert_eq!(
        grain.article.title.as_deref(),
        Some("Grain Corridor Talks Stall Again")
    );
    let article = fixture("references_numbered.txt");
    assert_eq!(
        grain.article.fingerprint,
        dossier::article::fingerprint(&article)
    );
    assert!(grain.references.iter().any(|r| r.id == "ref-1"));
    for c in &grain.claims {
        assert_eq!(&article[c.start..c.end], c.text.as_bytes());
    }

    let border = claim_file(d.path(), "border-talks");
    let q = border
        .claims
        .iter()
        .find(|c| c.text == "We will not sign a document that redraws the border by stealth,")
        .expect("quote in the claim file");
    assert_eq!(q.kind, ClaimKind::Quote);
    assert_eq!(q.speaker.as_deref(), Some("Anna Petrova"));

    // A stub for every cited work, under its source id.
    for r in grain.references.iter().chain(&border.references) {
        if let Some(id) = &r.source {
            let stub = d.path().join("sources").join(format!("{id}.yaml"));
            assert!(stub.is_file(), "missing stub {stub:?}");
        }
    }
    assert!(d
        .path()
        .join("sources/black-sea-monitor-2025-grain-corridor-talks-end-without.yaml")
        .is_file());
    assert!(d.path().join("sources/radio-centrale.yaml").is_file());
    let stub = std::fs::read_to_string(d.path().join("sources/radio-centrale.yaml")).unwrap();
    assert!(stub.contains("Radio Centrale"), "{stub}");
}

#[test]
fn rerunning_extract_changes_no_byte() {
    let d = two_article_dossier();
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    let before = written(d.path());
    assert!(before.len() > 2, "{:?}", before.keys());
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(written(d.path()), before);
}

#[test]
fn existing_source_entries_are_never_overwritten() {
    let d = two_article_dossier();
    std::fs::create_dir(d.path().join("sources")).unwrap();
    let edited = "type: web\ntitle: Radio Centrale evening news\nurl: https://radiocentrale.example/news\npublisher: Radio Centrale\ncited-as: []\n";
    std::fs::write(d.path().join("sources/radio-centrale.yaml"), edited).unwrap();
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("sources/radio-centrale.yaml")).unwrap(),
        edited
    );
    assert!(d.path().join("sources/reuters.yaml").is_file());
}

#[test]
fn check_is_clean_after_extract_and_stale_after_an_edit() {
    let d = two_article_dossier();
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    let (code, stdout, stderr) = run(d.path(), &["extract", "--check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("claims/"), "{stdout}");

    let article = d.path().join("articles/border-talks.txt");
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str("\nThe delegation flew home on March 14.\n");
    std::fs::write(&article, text).unwrap();
    let before = written(d.path());
    let (code, stdout, _) = run(d.path(), &["extract", "--check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("claims/border-talks.yaml"), "{stdout}");
    assert!(!stdout.contains("claims/grain-talks.yaml"), "{stdout}");
    // --check writes nothing.
    assert_eq!(written(d.path()), before);

    assert_eq!(run(d.path(), &["extract"]).0, 0);
    assert_eq!(run(d.path(), &["extract", "--check"]).0, 0);
}

#[test]
fn check_on_a_fresh_dossier_reports_missing_files_and_writes_nothing() {
    let d = two_article_dossier();
    let (code, stdout, _) = run(d.path(), &["extract", "--check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("claims/grain-talks.yaml"), "{stdout}");
    assert!(stdout.contains("claims/border-talks.yaml"), "{stdout}");
    assert!(written(d.path()).is_empty());
}

#[test]
fn check_notices_a_deleted_source_stub() {
    let d = two_article_dossier();
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    std::fs::remove_file(d.path().join("sources/reuters.yaml")).unwrap();
    let (code, stdout, _) = run(d.path(), &["extract", "--check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("sources/reuters.yaml"), "{stdout}");
}

#[test]
fn json_prints_the_documented_keys_and_writes_nothing() {
    let d = two_article_dossier();
    let (code, stdout, stderr) = run(d.path(), &["extract", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(written(d.path()).is_empty());
    assert!(!d.path().join("claims").exists() || written(d.path()).is_empty());

    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for a in articles {
        for key in [
            "path",
            "title",
            "author",
            "date",
            "outlet",
            "fingerprint",
            "missing",
            "references",
            "claims",
        ] {
            assert!(a.get(key).is_some(), "no {key} in {a}");
        }
    }
    let grain = articles
        .iter()
        .find(|a| a["path"] == "articles/grain-talks.txt")
        .unwrap();
    let bytes = fixture("references_numbered.txt");
    let claims = grain["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for c in claims {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[s..e], c["text"].as_str().unwrap().as_bytes());
        assert!(["quote", "reported", "assertion"].contains(&c["kind"].as_str().unwrap()));
    }
    let r1 = grain["references"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ref-1")
        .unwrap();
    assert_eq!(r1["outlet"], "Black Sea Monitor");
    assert_eq!(r1["year"], 2025);
}

#[test]
fn json_with_a_path_prints_only_that_article() {
    let d = two_article_dossier();
    let (code, stdout, stderr) = run(
        d.path(),
        &["extract", "--format", "json", "articles/border-talks.txt"],
    );
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["path"], "articles/border-talks.txt");
    assert!(written(d.path()).is_empty());
}

#[test]
fn extract_with_a_path_writes_only_that_claim_file() {
    let d = two_article_dossier();
    let (code, _, stderr) = run(d.path(), &["extract", "articles/border-talks.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(d.path().join("claims/border-talks.yaml").is_file());
    assert!(!d.path().join("claims/grain-talks.yaml").exists());
}

#[test]
fn root_option_works_from_anywhere() {
    let d = two_article_dossier();
    let elsewhere = tempfile::tempdir().unwrap();
    let root = d.path().to_str().unwrap();
    let (code, _, stderr) = run(elsewhere.path(), &["--root", root, "extract"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(d.path().join("claims/grain-talks.yaml").is_file());
    assert!(std::fs::read_dir(elsewhere.path())
        .unwrap()
        .next()
        .is_none());
}

#[test]
fn extract_runs_from_a_subdirectory_of_the_dossier() {
    let d = two_article_dossier();
    let (code, _, stderr) = run(&d.path().join("articles"), &["extract"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(d.path().join("claims/border-talks.yaml").is_file());
}

#[test]
fn invalid_utf8_names_file_line_and_column() {
    let d = dossier(&[(
        "cafe.txt",
        b"Price Rise\n\nThe mayor said caf\xe9 prices rose by a third.\n",
    )]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    // Line 3; "The mayor said caf" is 18 characters, so the bad byte is in column 19.
    assert!(stderr.contains("cafe.txt:3:19"), "{stderr}");
    assert!(stderr.contains("UTF-8"), "{stderr}");
    assert!(written(d.path()).is_empty());
}

#[test]
fn empty_article_is_an_error() {
    let d = dossier(&[("empty.txt", b"")]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("empty"), "{stderr}");
    assert!(written(d.path()).is_empty());
}

#[test]
fn nul_bytes_are_an_error() {
    let d = dossier(&[("binary.txt", b"Title\n\nSome\0text.\n")]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("binary.txt:3:5"), "{stderr}");
    assert!(stderr.contains("NUL"), "{stderr}");
}

#[test]
fn one_bad_article_means_nothing_is_written() {
    let d = dossier(&[
        ("good.txt", &fixture("speakers.txt")),
        ("bad.txt", b"Title\n\n\xff\xfe broken\n"),
    ]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("bad.txt:3:1"), "{stderr}");
    assert!(
        written(d.path()).is_empty(),
        "{:?}",
        written(d.path()).keys()
    );
    assert!(!d.path().join("claims/good.yaml").exists());
    // Nor are existing claim files touched.
    std::fs::remove_file(d.path().join("articles/bad.txt")).unwrap();
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    let before = written(d.path());
    std::fs::write(d.path().join("articles/bad.txt"), b"").unwrap();
    std::fs::write(
        d.path().join("articles/good.txt"),
        [
            fixture("speakers.txt"),
            b"\nMore text was added on Monday.\n".to_vec(),
        ]
        .concat(),
    )
    .unwrap();
    assert_eq!(run(d.path(), &["extract"]).0, 2);
    assert_eq!(written(d.path()), before);
}

#[test]
fn article_outside_the_dossier_is_an_error() {
    let d = two_article_dossier();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("elsewhere.txt");
    std::fs::write(&file, fixture("speakers.txt")).unwrap();
    let (code, _, stderr) = run(d.path(), &["extract", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("elsewhere.txt"), "{stderr}");
    assert!(stderr.contains("outside"), "{stderr}");
    assert!(written(d.path()).is_empty());
}

#[test]
fn missing_article_path_is_an_error() {
    let d = two_article_dossier();
    let (code, _, stderr) = run(d.path(), &["extract", "articles/nope.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nope.txt"), "{stderr}");
}

#[test]
fn no_articles_is_an_error() {
    let d = dossier(&[]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no articles"), "{stderr}");
    // Files that are not articles do not count.
    std::fs::write(d.path().join("articles/notes.yaml"), "a: 1\n").unwrap();
    assert_eq!(run(d.path(), &["extract"]).0, 2);
}

#[test]
fn no_dossier_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no dossier"), "{stderr}");
}

#[test]
fn two_articles_with_one_slug_are_an_error() {
    let d = dossier(&[
        ("talks.txt", &fixture("speakers.txt")),
        ("talks.md", &fixture("markdown_article.md")),
    ]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("talks.txt") && stderr.contains("talks.md"),
        "{stderr}"
    );
    assert!(written(d.path()).is_empty());
}

#[test]
fn hand_edited_claim_file_is_not_overwritten() {
    let d = two_article_dossier();
    std::fs::create_dir(d.path().join("claims")).unwrap();
    std::fs::write(d.path().join("claims/grain-talks.yaml"), "my notes: keep\n").unwrap();
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("grain-talks.yaml"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("claims/grain-talks.yaml")).unwrap(),
        "my notes: keep\n"
    );
}

#[test]
fn unbalanced_quote_article_extracts() {
    let d = dossier(&[("council.txt", &fixture("quotes_unbalanced.txt"))]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{stderr}");
    let f = claim_file(d.path(), "council");
    assert!(f
        .claims
        .iter()
        .any(|c| c.flags.contains(&"unclosed-quote".to_string())));
    assert!(f
        .claims
        .iter()
        .any(|c| c.text == "The accounts are in order,"));
}

#[test]
fn ten_megabyte_single_line_article_extracts() {
    let filler =
        "the river rose slowly and the town waited while the rain kept falling on the hills ";
    let mut text =
        String::from("\"We are ready for the worst,\" said Mayor Linda Okafor on Monday. ");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(filler);
    }
    text.push('.');
    assert!(!text.contains('\n'));
    let d = dossier(&[("flood-watch.txt", text.as_bytes())]);
    let (code, _, stderr) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{stderr}");
    let f = claim_file(d.path(), "flood-watch");
    let q = f
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Quote)
        .expect("the quote");
    assert_eq!(q.text, "We are ready for the worst,");
    assert_eq!(q.speaker.as_deref(), Some("Linda Okafor"));
    for c in &f.claims {
        assert_eq!(&text[c.start..c.end], c.text);
    }
}

#[test]
fn bom_and_crlf_extract_with_spans_into_the_original_bytes() {
    let text = "\u{feff}Harbour Council Approves Ferry Contract\r\n\r\nThe council voted 7-2 on Monday to award the contract to Bayline Marine.\r\n\r\n\"We have waited four years for a reliable service,\" said Mayor Linda Okafor.\r\n\r\nCouncillor Tomas Berg said, \"The price is far higher than anyone was told.\"\r\n";
    let d = dossier(&[("ferry.txt", text.as_bytes())]);
    let (code, stdout, stderr) = run(d.path(), &["extract", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let a = &doc["articles"][0];
    assert_eq!(a["title"], "Harbour Council Approves Ferry Contract");
    let claims = a["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3, "{claims:#?}");
    for c in claims {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        let got = &text[s..e];
        assert_eq!(got, c["text"].as_str().unwrap());
        assert!(!got.contains('\r'));
    }
    let q = claims
        .iter()
        .find(|c| c["kind"] == "quote" && c["speaker"] == "Linda Okafor")
        .expect("Okafor's quote");
    assert_eq!(
        q["text"],
        "We have waited four years for a reliable service,"
    );
    assert_eq!(q["line"], 5);
    assert_eq!(q["column"], 2);

    // And the files written from it are stable too.
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    let before = written(d.path());
    assert_eq!(run(d.path(), &["extract", "--check"]).0, 0);
    assert_eq!(run(d.path(), &["extract"]).0, 0);
    assert_eq!(written(d.path()), before);
}

#[test]
fn quiet_prints_nothing_on_success() {
    let d = two_article_dossier();
    let (code, stdout, stderr) = run(d.path(), &["--quiet", "extract"]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}
