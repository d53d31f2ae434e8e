//! Safe writes: concurrent `dossier` processes never lose each other's work (they take turns
//! under the dossier lock), and a process killed in the middle of writing leaves every file
//! whole: the old version or the new one.

use dossier::model::{ClaimFile, SourceEntry};
use dossier::store::yaml;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("dossier")
}

fn spawn(root: &Path, args: &[&str]) -> Child {
    Command::new(bin())
        .current_dir(root)
        .env("DOSSIER_REVIEWER", "Ann Editor")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn ok(root: &Path, args: &[&str]) {
    let out = spawn(root, args).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An article of `n` one-sentence paragraphs, each a claim; `variant` changes an unrelated
/// opening paragraph so that every extraction rewrites the claim file.
fn article(n: usize, variant: usize) -> String {
    let mut out =
        String::from("Outlet: The Gazette\nDate: 2025-03-04\n\nMany Ships\n\nBy Ana Ruiz\n\n");
    out.push_str(&format!(
        "This is edition number {variant} of the list.\n\n"
    ));
    for k in 0..n {
        out.push_str(&format!(
            "Inspectors counted {} ships in berth {k} on March {}, 2024.\n\n",
            k + 3,
            k % 28 + 1
        ));
    }
    out
}

fn dossier(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/ships.txt"), article(n, 0)).unwrap();
    ok(dir.path(), &["extract"]);
    dir
}

fn claim_file(root: &Path) -> ClaimFile {
    let text = std::fs::read_to_string(root.join("claims/ships.yaml")).unwrap();
    yaml::from_str(&text).unwrap_or_else(|e| panic!("claims/ships.yaml is torn: {e}"))
}

/// Every YAML file of the dossier parses.
fn all_files_parse(root: &Path) {
    for dir in ["claims", "sources"] {
        for e in std::fs::read_dir(root.join(dir)).into_iter().flatten() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml") {
                let text = std::fs::read_to_string(&p).unwrap();
                if dir == "claims" {
                    yaml::from_str::<ClaimFile>(&text)
                        .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                } else {
                    yaml::from_str::<SourceEntry>(&text)
                        .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                }
            }
        }
    }
}

/// The ids of the claims about ships (not the opening paragraph, which changes).
fn ship_claims(root: &Path) -> Vec<String> {
    claim_file(root)
        .claims
        .iter()
        .filter(|c| c.text.starts_with("Inspectors"))
        .map(|c| c.id.clone())
        .collect()
}

/// Wait until `child` starts writing the claim file: a temporary file appears in claims/, or
/// the claim file is no longer the one described by `before`. False when it exits first.
fn writing_started(root: &Path, before: &std::fs::Metadata, child: &mut Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let tmp = std::fs::read_dir(root.join("claims"))
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"));
        let changed = std::fs::metadata(root.join("claims/ships.yaml")).map_or(true, |m| {
            m.len() != before.len() || m.modified().ok() != before.modified().ok()
        });
        if tmp || changed {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    false
}

#[test]
fn concurrent_writers_take_turns_and_lose_nothing() {
    let d = dossier(40);
    let root = d.path();
    let ids = ship_claims(root);
    // Sixteen reviewers on sixteen claims of one file, two re-extractions and two links, all
    // at once.
    let mut children: Vec<(String, Child)> = ids[..16]
        .iter()
        .map(|id| {
            let note = format!("checked {id}");
            let c = spawn(
                root,
                &["review", id, "--verdict", "verified", "--note", &note],
            );
            (id.clone(), c)
        })
        .collect();
    std::fs::write(root.join("articles/ships.txt"), article(40, 1)).unwrap();
    for k in 0..2 {
        children.push((format!("extract {k}"), spawn(root, &["extract"])));
    }
    for id in &ids[20..22] {
        children.push((
            format!("note {id}"),
            spawn(root, &["review", id, "--note", "a second look"]),
        ));
    }
    for (what, c) in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let f = claim_file(root);
    for id in &ids[..16] {
        let c = f.claims.iter().find(|c| &c.id == id).unwrap();
        let r = c
            .review
            .as_ref()
            .unwrap_or_else(|| panic!("{id} lost its verdict"));
        assert_eq!(r.note.as_deref(), Some(format!("checked {id}").as_str()));
    }
    for id in &ids[20..22] {
        let c = f.claims.iter().find(|c| &c.id == id).unwrap();
        assert_eq!(c.notes, ["a second look"], "{id}");
    }
    assert!(f.article.fingerprint == dossier::article::fingerprint(article(40, 1).as_bytes()));
    all_files_parse(root);
}

#[test]
fn a_writer_killed_mid_write_leaves_whole_files_and_loses_nothing() {
    const N: usize = 1000;
    let d = dossier(N);
    let root = d.path();
    let ids = ship_claims(root);
    for id in ids.iter().step_by(300) {
        ok(
            root,
            &["review", id, "--verdict", "supported", "--note", id],
        );
    }
    let reviewed: Vec<&String> = ids.iter().step_by(300).collect();
    let mut killed_mid_write = 0;
    for round in 0..12u32 {
        std::fs::write(
            root.join("articles/ships.txt"),
            article(N, 1 + round as usize),
        )
        .unwrap();
        // Alternate extract (a large write) and review (a read-modify-write of the same file).
        let before = std::fs::metadata(root.join("claims/ships.yaml")).unwrap();
        let mut child = if round % 3 == 2 {
            let id = &ids[1 + round as usize];
            spawn(root, &["review", id, "--verdict", "disputed"])
        } else {
            spawn(root, &["extract"])
        };
        // Kill it as soon as it starts writing (a temporary file appears, or the claim file
        // changes), a little later in later rounds.
        if writing_started(root, &before, &mut child) {
            std::thread::sleep(Duration::from_micros(300 * u64::from(round % 4)));
            if child.try_wait().unwrap().is_none() {
                killed_mid_write += 1;
            }
        }
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();
        all_files_parse(root);
        let f = claim_file(root);
        for id in &reviewed {
            let c = f
                .claims
                .iter()
                .find(|c| &&c.id == id)
                .unwrap_or_else(|| panic!("round {round}: claim {id} lost"));
            assert_eq!(
                c.review.as_ref().and_then(|r| r.note.as_deref()),
                Some(id.as_str()),
                "round {round}: the verdict on {id} was lost"
            );
        }
    }
    assert!(
        killed_mid_write > 0,
        "no process was killed while writing; the test proved nothing"
    );
    // A killed writer's lock is released with it, and a full run afterwards completes and
    // clears the temporary files the killed writers left.
    ok(root, &["extract"]);
    ok(root, &["extract", "--check"]);
    all_files_parse(root);
    let leftovers: Vec<_> = std::fs::read_dir(root.join("claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_writer_that_cannot_get_the_lock_says_who_holds_it() {
    let d = dossier(3);
    let root = d.path();
    let id = ship_claims(root)[0].clone();
    let before = std::fs::read(root.join("claims/ships.yaml")).unwrap();
    let held = dossier::store::lock::DossierLock::acquire(root, Duration::from_secs(1)).unwrap();
    for args in [
        &["review", id.as_str(), "--verdict", "verified"][..],
        &["extract"][..],
    ] {
        let out = Command::new(bin())
            .current_dir(root)
            .env("DOSSIER_REVIEWER", "Ann Editor")
            .env("DOSSIER_LOCK_WAIT", "0.2")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err: String = String::from_utf8_lossy(&out.stderr)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect();
        assert!(
            err.contains(&format!("(pid{})", std::process::id())),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read(root.join("claims/ships.yaml")).unwrap(),
        before
    );
    drop(held);
    ok(root, &["review", &id, "--verdict", "verified"]);
}
