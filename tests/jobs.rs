//! `--jobs`: the thread count changes how fast dossier runs, never what it writes or prints.

#[allow(dead_code)]
#[path = "../benches/common/mod.rs"]
mod corpus;

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::Path;

/// A dossier of `n` generated articles (plain text and Markdown, every quote and reference
/// style the generator has).
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for i in 0..n {
        let doc = corpus::article(0x5CA1E, i);
        let name = Path::new(&doc.path).file_name().unwrap().to_owned();
        std::fs::write(articles.join(name), doc.text).unwrap();
    }
    dir
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// `dossier --root DIR -j JOBS ARGS`: exit code and stdout.
fn run(dir: &Path, jobs: &str, args: &[&str]) -> (i32, Vec<u8>) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(dir)
        .args(["--jobs", jobs])
        .args(args)
        .output()
        .unwrap();
    (out.status.code().unwrap(), out.stdout)
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let one = generated(20);
    let many = generated(20);
    assert_eq!(run(one.path(), "1", &["extract"]).0, 0);
    assert_eq!(run(many.path(), "7", &["extract"]).0, 0);
    let (a, b) = (files(one.path()), files(many.path()));
    assert!(a.keys().filter(|k| k.starts_with("claims/")).count() == 20);
    assert!(a.keys().any(|k| k.starts_with("sources/")));
    assert_eq!(a, b, "extract -j 1 and -j 7 wrote different files");

    for args in [
        &["extract", "--format", "json"][..],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "human", "--color", "never"],
        &["report", "--format", "markdown"],
        &["report", "--format", "html"],
        &["report", "--format", "json"],
    ] {
        let single = run(one.path(), "1", args);
        assert!(!single.1.is_empty(), "{args:?} printed nothing");
        for jobs in ["2", "5"] {
            assert_eq!(
                run(one.path(), jobs, args),
                single,
                "{args:?} with -j {jobs}"
            );
        }
    }
}

#[test]
fn zero_jobs_is_refused() {
    let dir = generated(1);
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(dir.path())
        .args(["-j", "0", "extract"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("claims").exists());
}

#[test]
fn progress_never_reaches_a_pipe() {
    // Under cargo test stderr is a pipe: a long extract prints only its summary line.
    let dir = generated(30);
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(dir.path())
        .env_remove("CI")
        .arg("extract")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\r') && !err.contains("\x1b["), "{err:?}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
