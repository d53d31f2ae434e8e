//! Hostile input: files dossier reads and writes: size limits, symlinks, FIFOs, versions (items 1, 5, 6, 11).

use std::path::Path;
use std::time::{Duration, Instant};
use tempfile::TempDir;

const ARTICLE: &str =
    "Council delays the harbour vote\n\nBy Ana Ruiz\n\nPort Ellery, 3 March 2024\n\n\
\"We will not rush this,\" said Mayor Tom Reyes. The council spent 4.2 million euros on the \
study in 2023, according to the annual report [1].\n\nReferences\n\n1. Port Ellery Council \
(2023). Annual report. https://example.org/report\n";

/// `dossier --root DIR ARGS`: exit code, stdout, stderr. No run may panic.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    super::dossier(dir, args, "Test")
}

/// [`run`], killed and failed if it has not ended within 10 s (a blocking open of a FIFO).
#[cfg(unix)]
fn run_bounded(dir: &Path, args: &[&str]) -> (i32, String) {
    use std::io::Read;
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let mut child = std::process::Command::new(bin)
        .arg("--root")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            assert!(!err.contains("panicked"), "dossier panicked: {err}");
            return (status.code().unwrap_or(-1), err);
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier {args:?} hung (killed after 10 s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn dossier_with(article: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), article).unwrap();
    dir
}

fn extracted() -> TempDir {
    let dir = dossier_with(ARTICLE);
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// The id of the first claim in `claims/a.yaml`.
fn first_claim(dir: &Path) -> String {
    let text = std::fs::read_to_string(dir.join("claims/a.yaml")).unwrap();
    let claims = &text[text.find("\nclaims:").unwrap()..];
    let line = claims
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("- id: "))
        .unwrap();
    line.trim().to_string()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

/// A 10,000-claim article (far over the YAML parser's default budget of 250,000 nodes) goes
/// through extract, check (JSON and human), review and extract again. About 25 s in a debug
/// build, most of it YAML: the parser is optimised in the dev profile (Cargo.toml).
#[test]
fn item_1_ten_thousand_claim_article_round_trips() {
    let mut text = String::from("Port budget lines\n\n");
    for p in 0..1000 {
        for i in 0..10 {
            let n = p * 10 + i;
            text.push_str(&format!(
                "The council spent {n} million euros on item {n} in 2023. "
            ));
        }
        text.push_str("\n\n");
    }
    let dir = dossier_with(&text);
    let root = dir.path();
    let (code, out, err) = run(root, &["extract"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        format!("{out}{err}").contains("10000 claim(s)"),
        "{out}{err}"
    );
    // Far more nodes than the YAML parser's default budget of 250,000: still readable.
    let (code, out, err) = run(root, &["check", "--format", "json"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(!out.contains("invalid-yaml"), "the claim file reads back");
    // The human report reads each snippet from its lines, not from the start of the file.
    let (code, out, err) = run(root, &["check", "--color", "never"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(out.contains("claims/a.yaml:"), "{out}");
    let id = first_claim(root);
    let (code, _, err) = run(root, &["review", &id, "--verdict", "accepted-unverifiable"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(root, &["extract"]);
    assert_eq!(code, 0, "{err}");
    let claims = std::fs::read_to_string(root.join("claims/a.yaml")).unwrap();
    assert!(
        claims.contains("accepted-unverifiable"),
        "the verdict is kept"
    );
}

#[cfg(unix)]
fn symlinked_dir_is_refused(name: &str) {
    let dir = dossier_with(ARTICLE);
    let outside = tempfile::tempdir().unwrap();
    let target = dir.path().join(name);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(outside.path(), &target).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "a write outside the dossier is an error: {err}");
    assert!(err.contains("outside the dossier"), "{err}");
    assert_eq!(files_in(outside.path()), 0, "nothing was written outside");
}

#[cfg(unix)]
#[test]
fn item_5_claims_dir_symlinked_outside_is_refused() {
    symlinked_dir_is_refused("claims");
}

#[cfg(unix)]
#[test]
fn item_5_sources_dir_symlinked_outside_is_refused() {
    symlinked_dir_is_refused("sources");
}

#[cfg(unix)]
#[test]
fn item_5_schemas_dir_symlinked_outside_is_refused() {
    symlinked_dir_is_refused("schemas");
}

#[cfg(unix)]
#[test]
fn item_5_schema_file_symlinked_outside_is_not_overwritten() {
    let dir = extracted();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.json");
    std::fs::write(&victim, "keep").unwrap();
    let schema = dir.path().join("schemas/claims.schema.json");
    std::fs::remove_file(&schema).unwrap();
    std::os::unix::fs::symlink(&victim, &schema).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}

#[test]
fn item_5_fetch_and_review_ids_may_not_leave_the_dossier() {
    let top = tempfile::tempdir().unwrap();
    let root = top.path().join("d");
    std::fs::create_dir_all(root.join("articles")).unwrap();
    std::fs::create_dir_all(root.join("sources")).unwrap();
    std::fs::create_dir_all(top.path().join("x")).unwrap();
    let evil = top.path().join("x/evil.yaml");
    let entry = "type: web\ntitle: Evil\nurl: http://127.0.0.1:9/\n";
    std::fs::write(&evil, entry).unwrap();
    let (code, _, err) = run(&root, &["fetch", "../../x/evil"]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("not a source id"), "{err}");
    let (code, _, err) = run(&root, &["review", "../x/evil", "--verdict", "verified"]);
    assert_ne!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&evil).unwrap(), entry);
    assert_eq!(
        files_in(&top.path().join("x")),
        1,
        "nothing written beside it"
    );
}

#[cfg(unix)]
#[test]
fn item_6_fifo_claim_file_does_not_hang_extract() {
    let dir = dossier_with(ARTICLE);
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    mkfifo(&dir.path().join("claims/a.yaml"));
    let (code, err) = run_bounded(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("claims/a.yaml"), "{err}");
}

#[cfg(unix)]
#[test]
fn item_6_fifo_yaml_in_claims_does_not_hang_review_or_link() {
    let dir = extracted();
    mkfifo(&dir.path().join("claims/z.yaml"));
    let id = first_claim(dir.path());
    // Not a hang, and not a queue that looks complete: the FIFO is named and the list fails.
    let (code, err) = run_bounded(dir.path(), &["review", "--list"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("claims/z.yaml") && err.contains("not a regular file"),
        "{err}"
    );
    assert!(err.contains("none of its claims"), "{err}");
    let (code, err) = run_bounded(dir.path(), &["review", &id, "--verdict", "verified"]);
    assert_eq!(code, 0, "the readable claim file is reviewed: {err}");
    run_bounded(dir.path(), &["link", &id, "port-ellery-council-2023"]);
}

#[cfg(unix)]
#[test]
fn item_6_fifo_dossier_toml_does_not_hang_check_report_or_review() {
    let dir = extracted();
    mkfifo(&dir.path().join("dossier.toml"));
    for args in [&["check"][..], &["report"], &["review", "--list"]] {
        let (code, err) = run_bounded(dir.path(), args);
        assert_ne!(code, 0, "{args:?}: {err}");
        assert!(err.contains("dossier.toml"), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn item_6_fifo_schema_file_does_not_hang_extract() {
    let dir = extracted();
    let schema = dir.path().join("schemas/claims.schema.json");
    std::fs::remove_file(&schema).unwrap();
    mkfifo(&schema);
    let (code, err) = run_bounded(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("claims.schema.json"), "{err}");
}

/// A claim file over the read limit (made by hand: extract never writes one) is reported as
/// too large, with what to do about it, not as a YAML syntax error.
#[test]
fn item_1_oversized_hand_made_claim_file_says_what_to_do() {
    let dir = extracted();
    // A sparse file: its size is refused before a byte is read.
    let f = std::fs::File::create(dir.path().join("claims/huge.yaml")).unwrap();
    f.set_len(65 << 20).unwrap();
    drop(f);
    let (code, out, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "claims/huge.yaml")
        .unwrap()
        .clone();
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("more than the limit"),
        "{f}"
    );
    let help = f["help"].as_str().unwrap();
    assert!(
        help.contains("never writes") && help.contains("split"),
        "{help}"
    );
    assert!(!help.contains("YAML syntax"), "{help}");
}

/// One line of 15 MB (under the 16 MiB article limit) would make a claim file over the read
/// limit: extract refuses it, names the article and writes nothing.
/// Slow in a debug build (a minute of extraction); run with `--release -- --ignored item_1`.
#[test]
#[ignore = "a minute in a debug build; run with --release -- --ignored"]
fn item_1_one_line_article_of_15_mb_is_refused_not_written_unreadable() {
    let mut text = String::from("Budget lines\n\n");
    let mut n = 0;
    while text.len() < 15_000_000 {
        text.push_str(&format!(
            "The council spent {n} million euros on item {n} in 2023. "
        ));
        n += 1;
    }
    let dir = dossier_with(&text);
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("articles/a.txt") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!dir.path().join("claims/a.yaml").exists());
}

#[test]
fn item_11_claim_file_of_a_newer_version_is_refused_not_rewritten() {
    let dir = extracted();
    let path = dir.path().join("claims/a.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("version: 1\n", "version: 99\n");
    std::fs::write(&path, &text).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("newer dossier"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "not rewritten"
    );
    let (code, out, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(out.contains("newer dossier"), "{out}");
}

#[test]
fn item_11_invalid_utf8_claim_file_is_located_by_line_and_column() {
    let dir = extracted();
    let mut bytes = b"version: 1\narticle:\n  path: ab".to_vec();
    bytes.push(0xff);
    std::fs::write(dir.path().join("claims/b.yaml"), bytes).unwrap();
    let (code, out, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "claims/b.yaml")
        .unwrap()
        .clone();
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(11)),
        "{f}"
    );
}

#[test]
fn item_11_root_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("passwd");
    std::fs::write(&file, "root:x:0:0\n").unwrap();
    let (code, _, err) = run(&file, &["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("not a directory; --root must be a dossier"),
        "{err}"
    );
    assert!(!err.contains("dossier.toml:1:1"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn item_11_non_utf8_article_name_is_refused_at_extract() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join("articles").join(name), ARTICLE).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert_eq!(files_in(&dir.path().join("claims")), 0, "nothing extracted");
}

#[test]
fn item_11_renamed_article_says_how_to_keep_its_verdicts() {
    let dir = extracted();
    let root = dir.path();
    let id = first_claim(root);
    let (code, _, err) = run(root, &["review", &id, "--verdict", "accepted-unverifiable"]);
    assert_eq!(code, 0, "{err}");
    std::fs::rename(root.join("articles/a.txt"), root.join("articles/b.txt")).unwrap();
    let (_, out, _) = run(root, &["check", "--format", "json"]);
    assert!(out.contains("rename the claim file"), "{out}");
    // Doing what the help says keeps the verdict.
    std::fs::rename(root.join("claims/a.yaml"), root.join("claims/b.yaml")).unwrap();
    let (code, _, err) = run(root, &["extract"]);
    assert_eq!(code, 0, "{err}");
    let b = std::fs::read_to_string(root.join("claims/b.yaml")).unwrap();
    assert!(
        b.contains("accepted-unverifiable") && b.contains("articles/b.txt"),
        "{b}"
    );
    let (_, out, _) = run(root, &["check", "--format", "json"]);
    assert!(!out.contains("missing-article"), "{out}");
}
