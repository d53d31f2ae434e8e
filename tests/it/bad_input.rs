//! Hostile and broken input, end to end: every case ends in its documented finding (check,
//! exit 1) or error (extract, exit 2), names the file, never panics, and never writes half a
//! result. Time and memory are bounded by construction (file size limits, the YAML parser's
//! budget, no blocking reads of special files), not by timing anything here.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

const ARTICLE: &str =
    "Council delays the harbour vote\n\nBy Ana Ruiz\n\nPort Ellery, 3 March 2024\n\n\
\"We will not rush this,\" said Mayor Tom Reyes. The council spent 4.2 million euros on the \
study in 2023, according to the annual report [1].\n\nReferences\n\n1. Port Ellery Council \
(2023). Annual report. https://example.org/report\n";

/// `dossier --root DIR ARGS`: exit code, stdout, stderr. No run may panic.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "dossier panicked: {err}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal (stack overflow?): {err}"));
    (code, String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// A dossier with one extracted article, `articles/a.txt`.
fn extracted() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), ARTICLE).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// The findings of `dossier check --format json`, which must exit 1.
fn findings(dir: &Path) -> Vec<Value> {
    let (code, out, err) = run(dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "check should find the problem: {err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["findings"].as_array().unwrap().clone()
}

/// The one finding about `file` with rule `rule`; its message must contain `says`.
fn finding_about(dir: &Path, file: &str, rule: &str, says: &str) -> Value {
    let all = findings(dir);
    let found: Vec<&Value> = all
        .iter()
        .filter(|f| f["file"] == file && f["rule"] == rule)
        .collect();
    assert_eq!(found.len(), 1, "one {rule} finding on {file} in {all:#?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains(says), "{message:?} should say {says:?}");
    assert!(found[0]["line"].as_u64().unwrap() >= 1);
    found[0].clone()
}

/// `dossier extract` must fail with exit 2, say `says`, and write nothing.
fn extract_refuses(dir: &Path, says: &str) {
    let (code, _, err) = run(dir, &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(says), "{err:?} should say {says:?}");
    assert!(!dir.join("claims").exists(), "extract wrote claim files");
    assert!(!dir.join("sources").exists(), "extract wrote source stubs");
}

fn fresh(articles: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    for (name, bytes) in articles {
        std::fs::write(dir.path().join("articles").join(name), bytes).unwrap();
    }
    dir
}

fn claim_file(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("claims/a.yaml")).unwrap()
}

/// An alias bomb: 9^12 strings once every alias is expanded.
fn billion_laughs(key: &str) -> String {
    let mut s = format!("{key}: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ('a'..'l').zip('b'..='l') {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        s.push_str(&format!("x{name}: &{name} [{refs}]\n"));
    }
    s
}

#[test]
fn truncated_claim_file() {
    let dir = extracted();
    let text = claim_file(dir.path());
    // Cut inside a double-quoted value: the document ends in the middle of a string.
    let cut = text.find(": \"").expect("a quoted value") + 5;
    std::fs::write(dir.path().join("claims/a.yaml"), &text[..cut]).unwrap();
    let f = finding_about(dir.path(), "claims/a.yaml", "invalid-yaml", "");
    assert!(f["line"].as_u64().unwrap() > 1, "{f:#}");
}

#[test]
fn malformed_yaml() {
    let dir = extracted();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "version: 1\narticle: {path: \"articles/a.txt\nclaims: [\n",
    )
    .unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "invalid-yaml",
        "unclosed quote",
    );
}

#[test]
fn alias_bombs_are_refused() {
    let dir = extracted();
    std::fs::write(
        dir.path().join("sources/bomb.yaml"),
        billion_laughs("notes"),
    )
    .unwrap();
    let mut claims = claim_file(dir.path());
    claims.push_str(&billion_laughs("xbomb"));
    std::fs::write(dir.path().join("claims/a.yaml"), claims).unwrap();
    let all = findings(dir.path());
    for file in ["sources/bomb.yaml", "claims/a.yaml"] {
        assert!(
            all.iter()
                .any(|f| f["file"] == file && f["severity"] == "error"),
            "{file} refused: {all:#?}"
        );
    }
    // An expansion bomb inside a field whose type would accept it is stopped by the budget.
    let s = format!(
        "type: web\nnotes: [&a \"{}\"{}]\n",
        "x".repeat(1 << 20),
        ", *a".repeat(100_000)
    );
    std::fs::write(dir.path().join("sources/bomb.yaml"), s).unwrap();
    finding_about(
        dir.path(),
        "sources/bomb.yaml",
        "invalid-yaml",
        "too large or too deeply nested",
    );
}

#[test]
fn deeply_nested_yaml() {
    let dir = extracted();
    let deep = format!(
        "type: web\nnotes: {}{}\n",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    std::fs::write(dir.path().join("sources/deep.yaml"), deep).unwrap();
    let maps: String = (0..20_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    std::fs::write(
        dir.path().join("sources/maps.yaml"),
        format!("serial-number:\n{maps}"),
    )
    .unwrap();
    let all = findings(dir.path());
    for file in ["sources/deep.yaml", "sources/maps.yaml"] {
        assert!(
            all.iter()
                .any(|f| f["file"] == file && f["severity"] == "error"),
            "{file} refused: {all:#?}"
        );
    }
}

#[test]
fn duplicate_keys() {
    let dir = extracted();
    std::fs::write(
        dir.path().join("sources/dup.yaml"),
        "type: web\ntitle: One\ntitle: Two\n",
    )
    .unwrap();
    let f = finding_about(dir.path(), "sources/dup.yaml", "invalid-yaml", "duplicate");
    assert_eq!(f["line"], 3);
}

#[test]
fn wrong_types() {
    let dir = extracted();
    let text = claim_file(dir.path()).replacen("version: 1", "version: one", 1);
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    std::fs::write(
        dir.path().join("sources/typed.yaml"),
        "type: web\ntitle: [not, a, string]\n",
    )
    .unwrap();
    finding_about(dir.path(), "claims/a.yaml", "invalid-value", "invalid");
    finding_about(
        dir.path(),
        "sources/typed.yaml",
        "invalid-value",
        "expected string",
    );
}

#[test]
fn a_100_mb_article_is_refused_without_reading_it() {
    let line = b"All work and no play makes a dull article. ";
    let big = line.repeat(100 * 1024 * 1024 / line.len() + 1);
    assert!(big.len() >= 100 * 1024 * 1024);
    let dir = fresh(&[("ok.txt", ARTICLE.as_bytes()), ("big.txt", &big)]);
    extract_refuses(dir.path(), "16777216 bytes");

    // An article that grows past the limit after extraction: check reports it, too.
    let dir = extracted();
    std::fs::write(dir.path().join("articles/a.txt"), &big).unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "missing-article",
        "more than the limit",
    );
}

#[test]
fn a_file_of_nuls() {
    let nuls = vec![0u8; 4096];
    let dir = fresh(&[("nul.txt", &nuls)]);
    extract_refuses(dir.path(), "NUL byte");
    let dir = extracted();
    std::fs::write(dir.path().join("claims/a.yaml"), &nuls).unwrap();
    std::fs::write(dir.path().join("sources/nul.yaml"), &nuls).unwrap();
    let all = findings(dir.path());
    for file in ["claims/a.yaml", "sources/nul.yaml"] {
        assert!(
            all.iter()
                .any(|f| f["file"] == file && f["severity"] == "error"),
            "{file} refused: {all:#?}"
        );
    }
}

#[test]
fn invalid_utf8() {
    let dir = fresh(&[("latin1.txt", b"Caf\xe9 society \"said\" Ana.\n")]);
    extract_refuses(dir.path(), "not valid UTF-8");
    let dir = extracted();
    let mut bytes = claim_file(dir.path()).into_bytes();
    bytes.extend_from_slice(b"# caf\xe9\n");
    std::fs::write(dir.path().join("claims/a.yaml"), bytes).unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "invalid-yaml",
        "not valid UTF-8",
    );
}

#[test]
fn a_claim_file_whose_article_is_gone() {
    let dir = extracted();
    std::fs::remove_file(dir.path().join("articles/a.txt")).unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "missing-article",
        "articles/a.txt",
    );
    // A hand-edited path out of the dossier is not followed.
    let text = claim_file(dir.path()).replacen("path: articles/a.txt", "path: ../a.txt", 1);
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "missing-article",
        "outside the dossier",
    );
}

/// Make `path` unreadable. As root (as in many CI containers) permissions do not deny
/// anything, so the file is replaced by a dangling symbolic link instead: either way it
/// exists in the directory listing and cannot be read. Returns what the error will say.
#[cfg(unix)]
fn make_unreadable(path: &Path) -> &'static str {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(path).is_err() {
        return "Permission denied";
    }
    std::fs::remove_file(path).unwrap();
    std::os::unix::fs::symlink(path.with_extension("gone"), path).unwrap();
    assert!(
        std::fs::read(path).is_err(),
        "{} is still readable",
        path.display()
    );
    "No such file"
}

#[cfg(unix)]
#[test]
fn unreadable_files() {
    let dir = fresh(&[
        ("ok.txt", ARTICLE.as_bytes()),
        ("locked.txt", ARTICLE.as_bytes()),
    ]);
    let says = make_unreadable(&dir.path().join("articles/locked.txt"));
    extract_refuses(dir.path(), says);

    let dir = extracted();
    std::fs::write(dir.path().join("sources/locked.yaml"), "type: web\n").unwrap();
    let says = make_unreadable(&dir.path().join("sources/locked.yaml"));
    finding_about(dir.path(), "sources/locked.yaml", "invalid-yaml", says);
    let says = make_unreadable(&dir.path().join("claims/a.yaml"));
    finding_about(dir.path(), "claims/a.yaml", "invalid-yaml", says);
}

#[cfg(unix)]
#[test]
fn special_files_are_not_read() {
    // A directory with a claim file's name, and a FIFO with an article's name (reading it
    // would block forever).
    let dir = extracted();
    std::fs::create_dir(dir.path().join("claims/dir.yaml")).unwrap();
    finding_about(
        dir.path(),
        "claims/dir.yaml",
        "invalid-yaml",
        "not a regular file",
    );
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("articles/pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pipe.txt: not a regular file"), "{err}");
    std::fs::remove_file(dir.path().join("articles/pipe.txt")).unwrap();

    // A FIFO as a source's snapshot: check reports it instead of waiting on it.
    std::fs::create_dir_all(dir.path().join("sources/snapshots")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("sources/snapshots/pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::write(
        dir.path().join("sources/piped.yaml"),
        "type: web\nsnapshot: sources/snapshots/pipe.txt\n",
    )
    .unwrap();
    finding_about(
        dir.path(),
        "sources/piped.yaml",
        "invalid-path",
        "not a regular file",
    );
    // And `dossier add` does not wait on a FIFO among the articles it compares with.
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("articles/pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let new = dir.path().join("new.txt");
    std::fs::write(&new, "A second article.\n\n\"It works,\" said Ann Lee.\n").unwrap();
    let (code, _, err) = run(dir.path(), &["add", new.to_str().unwrap()]);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("articles/new.txt").is_file(), "{err}");
    assert!(dir.path().join("claims/new.yaml").is_file(), "{err}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_dossier_are_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), ARTICLE).unwrap();
    std::fs::write(outside.path().join("secret.yaml"), "type: web\n").unwrap();

    // An article that is a link out: extract refuses, writing nothing.
    let dir = fresh(&[("ok.txt", ARTICLE.as_bytes())]);
    symlink(
        outside.path().join("secret.txt"),
        dir.path().join("articles/secret.txt"),
    )
    .unwrap();
    extract_refuses(dir.path(), "outside the dossier");
    // Naming it on the command line is refused as well.
    let (code, _, err) = run(dir.path(), &["extract", "articles/secret.txt"]);
    assert_eq!(code, 2, "{err}");

    // A directory of articles that is a link out.
    let dir = fresh(&[("ok.txt", ARTICLE.as_bytes())]);
    symlink(outside.path(), dir.path().join("articles/more")).unwrap();
    extract_refuses(dir.path(), "outside the dossier");

    // A link cycle inside the dossier ends (each directory is read once).
    let dir = fresh(&[("ok.txt", ARTICLE.as_bytes())]);
    symlink(
        dir.path().join("articles"),
        dir.path().join("articles/again"),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");

    // Claim files, source entries and the article a claim file names: not read through a
    // link out.
    let dir = extracted();
    symlink(
        outside.path().join("secret.yaml"),
        dir.path().join("sources/secret.yaml"),
    )
    .unwrap();
    finding_about(
        dir.path(),
        "sources/secret.yaml",
        "invalid-yaml",
        "leads outside the dossier",
    );
    std::fs::remove_file(dir.path().join("sources/secret.yaml")).unwrap();
    std::fs::remove_file(dir.path().join("articles/a.txt")).unwrap();
    symlink(
        outside.path().join("secret.txt"),
        dir.path().join("articles/a.txt"),
    )
    .unwrap();
    finding_about(
        dir.path(),
        "claims/a.yaml",
        "missing-article",
        "outside the dossier",
    );
}
