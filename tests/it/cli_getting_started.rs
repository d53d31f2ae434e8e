//! Getting started, end to end: `dossier init`, `dossier add`, `dossier completions`,
//! `dossier man`, in temporary directories.

use assert_cmd::Command;
use dossier::check::config::Config;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Run `dossier <args>` in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), Vec::new());
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const STORY: &str = "# Harbour Fees Doubled: What the Council Decided\n\n\
By Ana Ruiz | The Coastal Post | 3 March 2025\n\n\
The council voted 7 to 2 on 1 March 2025 to double harbour fees.\n\n\
\"We had no other way to pay for the dredging,\" Mayor Jan Berg said.\n";

#[test]
fn init_scaffolds_a_dossier_whose_settings_parse() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = run(tmp.path(), &["init", "desk"]);
    assert_eq!(code, 0, "{err}");
    let root = tmp.path().join("desk");
    for d in ["articles", "claims", "sources"] {
        assert!(root.join(d).is_dir(), "{d}/ created");
    }
    let toml = std::fs::read_to_string(root.join("dossier.toml")).unwrap();
    assert!(
        toml.lines().any(|l| l.starts_with('#')),
        "the settings are explained"
    );
    Config::parse("dossier.toml", &toml).expect("the written dossier.toml parses");
    assert_eq!(
        std::fs::read_to_string(root.join(".gitignore")).unwrap(),
        ".dossier.lock\n/.dossier/\n",
        "the writers' lock file and the parse cache are kept out of version control"
    );
    // `check` accepts the fresh, empty dossier (no articles yet is not an error for check).
    let (code, _, err) = run(&root, &["check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn init_never_clobbers_an_existing_dossier() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init"]).0, 0);
    std::fs::write(tmp.path().join("dossier.toml"), "fail-on = \"warning\"\n").unwrap();
    std::fs::write(tmp.path().join("articles/a.txt"), STORY).unwrap();
    let before = snapshot(tmp.path());
    let (code, _, err) = run(tmp.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(err.contains("already a dossier"), "{err}");
    assert_eq!(
        snapshot(tmp.path()),
        before,
        "a second init changes nothing"
    );
}

#[test]
fn init_completes_an_older_dossier_without_touching_its_articles() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("articles")).unwrap();
    std::fs::write(tmp.path().join("articles/a.txt"), STORY).unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "/drafts\n").unwrap();
    let (code, _, err) = run(tmp.path(), &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("claims/, sources/, dossier.toml"), "{err}");
    assert!(!err.contains(".gitignore"), "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap(),
        "/drafts\n",
        "an editor's .gitignore is left alone"
    );
    assert!(!err.contains("articles/,"), "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("articles/a.txt")).unwrap(),
        STORY
    );
}

#[test]
fn init_refuses_a_file_in_the_way_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("claims"), "not a directory").unwrap();
    let (code, _, err) = run(tmp.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a directory"), "{err}");
    assert_eq!(files_in(tmp.path()), ["claims"]);
}

/// A fresh dossier in a temporary directory, plus a scratch directory outside it.
fn fresh() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("dossier");
    let outside = tmp.path().join("downloads");
    std::fs::create_dir(&outside).unwrap();
    assert_eq!(run(tmp.path(), &["init", "dossier"]).0, 0);
    (tmp, root, outside)
}

#[test]
fn add_copies_under_the_title_and_extracts() {
    let (_tmp, root, outside) = fresh();
    let file = outside.join("download (3).md");
    std::fs::write(&file, STORY).unwrap();
    let (code, _, err) = run(&root, &["add", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let name = "harbour-fees-doubled-what-the-council";
    assert_eq!(files_in(&root.join("articles")), [format!("{name}.md")]);
    assert_eq!(
        std::fs::read(root.join(format!("articles/{name}.md"))).unwrap(),
        STORY.as_bytes(),
        "copied byte for byte"
    );
    let claims = std::fs::read_to_string(root.join(format!("claims/{name}.yaml"))).unwrap();
    assert!(claims.contains("Jan Berg"), "extracted:\n{claims}");
    assert!(
        err.contains(&format!("added as articles/{name}.md")),
        "{err}"
    );
    // The source is left alone.
    assert!(file.exists());
}

#[test]
fn add_falls_back_to_the_file_name_without_a_title() {
    let (_tmp, root, outside) = fresh();
    let file = outside.join("Council Notes.txt");
    std::fs::write(
        &file,
        "the council met.\n\nit voted 7 to 2 on 1 March 2025.\n",
    )
    .unwrap();
    let (code, _, err) = run(&root, &["add", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(files_in(&root.join("articles")), ["council-notes.txt"]);
    assert!(root.join("claims/council-notes.yaml").exists());
}

#[test]
fn add_never_overwrites_and_recognises_what_it_already_has() {
    let (_tmp, root, outside) = fresh();
    let a = outside.join("a.md");
    std::fs::write(&a, STORY).unwrap();
    assert_eq!(run(&root, &["add", a.to_str().unwrap()]).0, 0);
    let base = "harbour-fees-doubled-what-the-council";

    // The same bytes again: nothing copied.
    let before = snapshot(&root);
    let (code, _, err) = run(&root, &["add", a.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("already in the dossier"), "{err}");
    assert_eq!(snapshot(&root), before);

    // Another article with the same title: a second name, the first untouched.
    let b = outside.join("b.md");
    std::fs::write(&b, format!("{STORY}\nA correction was added later.\n")).unwrap();
    assert_eq!(run(&root, &["add", b.to_str().unwrap()]).0, 0);
    assert_eq!(
        files_in(&root.join("articles")),
        [format!("{base}-2.md"), format!("{base}.md")]
    );
    assert_eq!(
        std::fs::read(root.join(format!("articles/{base}.md"))).unwrap(),
        STORY.as_bytes()
    );

    // A claim file whose article is gone still holds an editor's work: its slug is not reused.
    std::fs::remove_file(root.join(format!("articles/{base}.md"))).unwrap();
    let kept = std::fs::read(root.join(format!("claims/{base}.yaml"))).unwrap();
    let c = outside.join("c.md");
    std::fs::write(&c, format!("{STORY}\nA second correction.\n")).unwrap();
    assert_eq!(run(&root, &["add", c.to_str().unwrap()]).0, 0);
    assert!(root.join(format!("articles/{base}-3.md")).exists());
    assert_eq!(
        std::fs::read(root.join(format!("claims/{base}.yaml"))).unwrap(),
        kept
    );
}

#[test]
fn add_refuses_bad_input_and_writes_nothing() {
    let (_tmp, root, outside) = fresh();
    let good = outside.join("good.md");
    std::fs::write(&good, STORY).unwrap();
    let bad = outside.join("bad.txt");
    std::fs::write(&bad, b"caf\xe9 au lait\n").unwrap();
    let pdf = outside.join("paper.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let before = snapshot(&root);

    let (code, _, err) = run(
        &root,
        &["add", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("1:4"), "points at the byte: {err}");

    let (code, _, err) = run(&root, &["add", pdf.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not an article"), "{err}");

    let (code, _, err) = run(&root, &["add", outside.join("nope.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");

    assert_eq!(snapshot(&root), before, "nothing was copied or extracted");
}

#[test]
fn a_url_that_cannot_be_fetched_stops_add_before_anything_is_copied() {
    let (_tmp, root, outside) = fresh();
    let good = outside.join("good.md");
    std::fs::write(&good, STORY).unwrap();
    let before = snapshot(&root);
    // Port 1 on this machine: the connection is refused at once, and no test touches the
    // internet.
    let (code, _, err) = run(
        &root,
        &[
            "add",
            good.to_str().unwrap(),
            "http://127.0.0.1:1/news/story",
        ],
    );
    assert_eq!(code, 2);
    // miette wraps long messages: compare the words, not the line breaks.
    let words = err
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("http://127.0.0.1:1/news/story:"), "{err}");
    assert!(words.contains("then run `dossier add FILE`"), "{err}");
    assert_eq!(snapshot(&root), before);
}

#[test]
fn add_outside_a_dossier_points_to_init() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("a.md");
    std::fs::write(&f, STORY).unwrap();
    let (code, _, err) = run(tmp.path(), &["add", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("dossier init"), "{err}");
    assert_eq!(files_in(tmp.path()), ["a.md"]);
}

#[test]
fn completions_cover_every_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, bash, _) = run(tmp.path(), &["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(bash.contains("complete -F"), "a bash completion script");
    for sub in [
        "extract",
        "check",
        "report",
        "init",
        "add",
        "completions",
        "man",
    ] {
        assert!(bash.contains(sub), "bash completes {sub}");
    }
    let (code, zsh, _) = run(tmp.path(), &["completions", "zsh"]);
    assert_eq!(code, 0);
    assert!(
        zsh.starts_with("#compdef dossier"),
        "{}",
        &zsh[..40.min(zsh.len())]
    );
    let (code, fish, _) = run(tmp.path(), &["completions", "fish"]);
    assert_eq!(code, 0);
    assert!(fish.contains("complete -c dossier"));
    let (code, _, err) = run(tmp.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn man_prints_the_page_or_writes_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, page, _) = run(tmp.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(
        page.contains(".TH dossier 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains(".SH SYNOPSIS"));
    for sub in ["extract", "check", "report", "init", "add"] {
        assert!(page.contains(sub), "the main page lists {sub}");
    }
    let (code, _, err) = run(tmp.path(), &["man", "--output", "man1"]);
    assert_eq!(code, 0, "{err}");
    let pages = files_in(&tmp.path().join("man1"));
    for want in [
        "dossier.1",
        "dossier-check.1",
        "dossier-init.1",
        "dossier-add.1",
    ] {
        assert!(pages.iter().any(|p| p == want), "{want} in {pages:?}");
    }
    let check = std::fs::read_to_string(tmp.path().join("man1/dossier-check.1")).unwrap();
    assert!(check.contains(".TH dossier-check 1"));
    assert!(check.contains("fail\\-on"), "options are documented");
}

#[test]
fn concurrent_adds_of_one_article_make_one_copy() {
    let (_tmp, root, outside) = fresh();
    let a = outside.join("a.md");
    std::fs::write(&a, STORY).unwrap();
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["add", "-q", a.to_str().unwrap()])
                .current_dir(&root)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        files_in(&root.join("articles")),
        ["harbour-fees-doubled-what-the-council.md"]
    );
    assert_eq!(
        files_in(&root.join("claims")),
        ["harbour-fees-doubled-what-the-council.yaml"]
    );
}
