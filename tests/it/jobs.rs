//! `--jobs`, the parse cache and `check --shard` change how the work is done or split, never
//! what dossier writes or finds.

#[allow(dead_code)]
#[path = "../../benches/common/mod.rs"]
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

// The parse cache (`.dossier/cache/`): like the thread count, it changes how fast dossier
// runs, never what it prints.

/// `dossier --root DIR [--no-cache] ARGS`: exit code and stdout.
fn run_cached(dir: &Path, cache: bool, args: &[&str]) -> (i32, Vec<u8>) {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.arg("--root").arg(dir);
    if !cache {
        cmd.arg("--no-cache");
    }
    let out = cmd.args(args).output().unwrap();
    (out.status.code().unwrap(), out.stdout)
}

const READERS: &[&[&str]] = &[
    &["check", "--format", "json"],
    &["check", "--format", "sarif"],
    &["check", "--format", "github"],
    &["check", "--format", "human", "--color", "never"],
    &["report", "--format", "markdown"],
    &["report", "--format", "html"],
    &["report", "--format", "json"],
    &["review", "--list", "--format", "json"],
];

/// A copy of this repository's own dossier (articles, claims, sources).
fn repo_dossier() -> tempfile::TempDir {
    copy_dossier(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A copy of the dossier at `here` (its articles, claims, sources and dossier.toml).
fn copy_dossier(here: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in ["articles", "claims", "sources"].iter().flat_map(|d| {
        files(&here.join(d))
            .into_iter()
            .map(move |(r, b)| (format!("{d}/{r}"), b))
    }) {
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    if here.join("dossier.toml").exists() {
        std::fs::copy(here.join("dossier.toml"), dir.path().join("dossier.toml")).unwrap();
    }
    dir
}

fn cache_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let root = dir.join(".dossier/cache");
    if !root.exists() {
        return Vec::new();
    }
    files(&root).into_keys().map(|k| root.join(k)).collect()
}

/// Every reader's output: without the cache, with it while it fills, and from it.
fn same_with_and_without_cache(dir: &Path) {
    let plain: Vec<_> = READERS.iter().map(|a| run_cached(dir, false, a)).collect();
    assert!(cache_files(dir).is_empty(), "--no-cache writes no cache");
    for (args, plain) in READERS.iter().zip(plain) {
        assert!(!plain.1.is_empty(), "{args:?} printed nothing");
        assert_eq!(run_cached(dir, true, args), plain, "{args:?}, cold cache");
        assert_eq!(run_cached(dir, true, args), plain, "{args:?}, warm cache");
        // Without the remembered runs (`runs/`), from the per-file entries alone.
        let _ = std::fs::remove_dir_all(dir.join(".dossier/cache/runs"));
        assert_eq!(
            run_cached(dir, true, args),
            plain,
            "{args:?}, per-file entries"
        );
    }
    assert!(!cache_files(dir).is_empty(), "the cache was filled");
    // Once every reader has run (and remembered its run again), a warm run of any of them
    // finds what it needs and keeps it: no entry is written again (a new file) or removed.
    for args in READERS {
        run_cached(dir, true, args);
    }
    let before = cache_identities(dir);
    for args in READERS {
        run_cached(dir, true, args);
        assert_eq!(
            cache_identities(dir),
            before,
            "{args:?} rewrote or removed cache entries on a warm run"
        );
    }
}

/// Each cache file with its inode number: an entry written again (a temporary file renamed
/// over it) gets a new one.
#[cfg(unix)]
fn cache_identities(dir: &Path) -> Vec<(std::path::PathBuf, u64)> {
    use std::os::unix::fs::MetadataExt;
    cache_files(dir)
        .into_iter()
        .map(|p| {
            let ino = std::fs::metadata(&p).unwrap().ino();
            (p, ino)
        })
        .collect()
}

#[cfg(not(unix))]
fn cache_identities(dir: &Path) -> Vec<(std::path::PathBuf, u64)> {
    cache_files(dir).into_iter().map(|p| (p, 0)).collect()
}

#[test]
fn output_is_byte_identical_with_and_without_the_cache() {
    let repo = repo_dossier();
    same_with_and_without_cache(repo.path());
    // The example dossier: snapshots, verified, altered, missing and translated quotes.
    let demo = copy_dossier(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo"));
    same_with_and_without_cache(demo.path());
    let gen = generated(12);
    assert_eq!(run(gen.path(), "2", &["extract"]).0, 0);
    same_with_and_without_cache(gen.path());
}

/// A way of spoiling a cache entry's bytes.
type Damage = fn(&[u8]) -> Vec<u8>;

#[test]
fn a_damaged_or_foreign_cache_is_ignored() {
    let dir = repo_dossier();
    let want = run_cached(dir.path(), false, &["check", "--format", "json"]);
    assert_eq!(
        run_cached(dir.path(), true, &["check", "--format", "json"]),
        want
    );
    let entries = cache_files(dir.path());
    assert!(!entries.is_empty());
    let damages: [Damage; 4] = [
        |b| b[..b.len() / 2].to_vec(),
        |_| b"\x00\xff not json".to_vec(),
        |_| Vec::new(),
        // A well-formed entry of another key (as another version's would be).
        |b| {
            let s = String::from_utf8_lossy(b);
            s.replacen("\"key\":\"", "\"key\":\"0", 1).into_bytes()
        },
    ];
    for damage in damages {
        for e in &entries {
            let good = std::fs::read(e).unwrap();
            std::fs::write(e, damage(&good)).unwrap();
        }
        assert_eq!(
            run_cached(dir.path(), true, &["check", "--format", "json"]),
            want,
            "a damaged entry is parsed again, not trusted"
        );
    }
}

#[test]
fn an_edited_source_entry_changes_only_the_articles_citing_it() {
    let dir = generated(12);
    assert_eq!(run(dir.path(), "2", &["extract"]).0, 0);
    let findings = |d: &Path| -> BTreeMap<String, Vec<String>> {
        let (_, out) = run_cached(d, true, &["check", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in doc["findings"].as_array().unwrap() {
            by_file
                .entry(f["file"].as_str().unwrap().to_string())
                .or_default()
                .push(f.to_string());
        }
        by_file
    };
    let before = findings(dir.path());
    // A source cited by some articles loses its title and URL (incomplete, unverifiable).
    let claims = files(&dir.path().join("claims"));
    let (id, citing): (String, Vec<String>) = files(&dir.path().join("sources"))
        .into_keys()
        .filter_map(|k| k.strip_suffix(".yaml").map(str::to_string))
        .map(|id| {
            let needle = format!("source: {id}\n");
            let citing = claims
                .iter()
                .filter(|(_, t)| String::from_utf8_lossy(t).contains(&needle))
                .map(|(k, _)| format!("claims/{k}"))
                .collect();
            (id, citing)
        })
        .find(|(_, c): &(String, Vec<String>)| !c.is_empty() && c.len() < claims.len())
        .expect("a source cited by some articles only");
    let path = dir.path().join(format!("sources/{id}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let edited: String = text
        .lines()
        .map(|l| match l.split_once(':') {
            Some((k @ ("title" | "url"), _)) => format!("{k}: null\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    assert_ne!(edited, text, "the entry had a title or URL");
    std::fs::write(&path, edited).unwrap();
    let after = findings(dir.path());
    let source_file = format!("sources/{id}.yaml");
    for (file, f) in &before {
        if *file == source_file || citing.contains(file) {
            continue;
        }
        assert_eq!(after.get(file), Some(f), "{file} does not cite {id}");
    }
    assert_ne!(before, after, "the edit is seen, not served from the cache");
    assert_eq!(
        run_cached(dir.path(), false, &["check", "--format", "json"]),
        run_cached(dir.path(), true, &["check", "--format", "json"])
    );
    // The edited entry's old cache entry is gone: one parse per file and one check per
    // claim file, no more.
    let yaml = |d: &str| {
        files(&dir.path().join(d))
            .keys()
            .filter(|k| k.ends_with(".yaml"))
            .count()
    };
    let entries = cache_files(dir.path());
    let of_kind = |kind: &str| {
        let root = dir.path().join(".dossier/cache").join(kind);
        entries.iter().filter(|p| p.starts_with(&root)).count()
    };
    assert_eq!(of_kind("claims"), yaml("claims"), "{entries:?}");
    assert_eq!(of_kind("sources"), yaml("sources"), "{entries:?}");
    assert_eq!(of_kind("results"), yaml("claims"), "{entries:?}");
    assert_eq!(
        entries.len() - of_kind("runs"),
        2 * yaml("claims") + yaml("sources")
    );
}

#[test]
fn shards_together_find_exactly_what_one_check_finds() {
    let dir = generated(12);
    // Two articles giving one quote to two speakers: cross-article findings, which come from
    // shard 1 whichever shard their claim files are in.
    for (name, who) in [("zz-one", "Sergei Lavrov"), ("zz-two", "Vladimir Putin")] {
        std::fs::write(
            dir.path().join("articles").join(format!("{name}.txt")),
            format!(
                "A made-up piece\n\nBy Ana Ruiz\nHarbour Gazette, 2025-03-01\n\n\"We must do everything possible to prevent a new confrontation,\" said {who}.\n"
            ),
        )
        .unwrap();
    }
    assert_eq!(run(dir.path(), "2", &["extract"]).0, 0);
    // A claim file that does not parse belongs to a shard too.
    std::fs::write(dir.path().join("claims/broken.yaml"), "version: [\n").unwrap();
    let findings = |args: &[&str]| -> Vec<String> {
        let (code, out) = run_cached(dir.path(), true, args);
        assert!(code <= 1, "{args:?}");
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.to_string())
            .collect()
    };
    let mut whole = findings(&["check", "--format", "json"]);
    whole.sort();
    assert!(
        whole.iter().any(|f| f.contains("sources/")),
        "source findings exist"
    );
    let cross = |f: &str| {
        f.contains("\"rule\":\"conflicting-attribution\"")
            || f.contains("\"rule\":\"quote-variant\"")
    };
    for name in ["zz-one", "zz-two"] {
        assert!(
            whole.iter().any(|f| f.contains("conflicting-attribution")
                && f.contains(&format!("claims/{name}.yaml"))),
            "the cross-article finding of {name}"
        );
    }
    for n in [1, 2, 3, 5] {
        let mut union = Vec::new();
        let mut owner: BTreeMap<String, usize> = BTreeMap::new();
        for k in 1..=n {
            let shard = format!("{k}/{n}");
            let part = findings(&["check", "--format", "json", "--shard", &shard]);
            for f in &part {
                let doc: serde_json::Value = serde_json::from_str(f).unwrap();
                let file = doc["file"].as_str().unwrap().to_string();
                if cross(f) {
                    assert_eq!(k, 1, "{file}: cross-article findings come from shard 1");
                } else if file.starts_with("claims/") {
                    let o = *owner.entry(file.clone()).or_insert(k);
                    assert_eq!(o, k, "{file} reported by shards {o} and {k} of {n}");
                } else {
                    assert_eq!(k, 1, "{file}: findings of no article come from shard 1");
                }
            }
            union.extend(part);
        }
        union.sort();
        assert_eq!(union, whole, "the {n} shards together");
    }
    let (code, _) = run_cached(dir.path(), true, &["check", "--shard", "4/3"]);
    assert_eq!(code, 2, "a shard out of range is refused");
}

/// A cached check is used only while everything it was made from is unchanged: the claim
/// file, its article, the snapshots of its sources and the configuration.
#[test]
fn a_cached_check_sees_edited_articles_snapshots_and_settings() {
    // The example dossier: its sources have snapshots (the repo's own dossier has none).
    let dir = copy_dossier(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo"));
    let check = |cache: bool| run_cached(dir.path(), cache, &["check", "--format", "json"]);
    let fresh = check(false);
    assert_eq!(check(true), fresh, "cold cache");
    assert_eq!(check(true), fresh, "warm cache");
    let mut last = fresh;
    let snapshot = files(&dir.path().join("sources"))
        .into_keys()
        .find(|k| k.starts_with("snapshots/"))
        .expect("the dossier has a snapshot");
    let article = files(&dir.path().join("articles"))
        .into_keys()
        .next()
        .expect("an article");
    type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let edits: [Edit; 3] = [
        (
            "an article",
            Box::new(|| {
                let p = dir.path().join("articles").join(&article);
                let mut t = std::fs::read(&p).unwrap();
                t.extend_from_slice(b"\nOne more paragraph, added after extraction.\n");
                std::fs::write(p, t).unwrap();
            }),
        ),
        (
            "a snapshot",
            Box::new(|| {
                let p = dir.path().join("sources").join(&snapshot);
                let t = std::fs::read_to_string(&p).unwrap();
                std::fs::write(p, t.replacen(' ', " not ", 3)).unwrap();
            }),
        ),
        (
            "the settings",
            Box::new(|| {
                std::fs::write(
                    dir.path().join("dossier.toml"),
                    "[rules]\nquote-not-found = \"error\"\n",
                )
                .unwrap();
            }),
        ),
    ];
    for (what, edit) in edits {
        edit();
        let fresh = check(false);
        assert_ne!(fresh, last, "editing {what} changes the findings");
        assert_eq!(
            check(true),
            fresh,
            "after editing {what}: cache used stale results"
        );
        assert_eq!(check(true), fresh, "after editing {what}, warm");
        last = fresh;
    }
}

#[test]
fn a_remembered_run_writes_its_file_and_says_so_again() {
    let dir = repo_dossier();
    // Older than the moment a memo needs its inputs to be (see `store::memo`).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let report = |name: &str| {
        let out = Command::cargo_bin("dossier")
            .unwrap()
            .arg("--root")
            .arg(dir.path())
            .args(["report", "--format", "html", "-o"])
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        let file = std::fs::read(dir.path().join(name)).unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stderr).unwrap(),
            file,
        )
    };
    let first = report("a.html");
    assert!(
        dir.path()
            .join(".dossier/cache/runs")
            .read_dir()
            .unwrap()
            .count()
            > 0
    );
    let again = report("a.html");
    assert_eq!(
        again, first,
        "the replay prints and writes what the run did"
    );
    assert!(first.1.contains("written to"), "{}", first.1);
    // Replayed into another file, it names that file.
    let other = report("b.html");
    assert_eq!(other.2, first.2);
    assert!(other.1.contains("b.html"), "{}", other.1);
    let check = |d: &Path| {
        let out = Command::cargo_bin("dossier")
            .unwrap()
            .arg("--root")
            .arg(d)
            .args(["check", "--format", "sarif", "-o"])
            .arg(d.join("findings.sarif"))
            .output()
            .unwrap();
        (
            out.status.code(),
            std::fs::read(d.join("findings.sarif")).unwrap(),
        )
    };
    let first = check(dir.path());
    std::fs::remove_file(dir.path().join("findings.sarif")).unwrap();
    assert_eq!(
        check(dir.path()),
        first,
        "the replayed check writes its file"
    );
    let list = || {
        let out = Command::cargo_bin("dossier")
            .unwrap()
            .arg("--root")
            .arg(dir.path())
            .args(["review", "--list"])
            .output()
            .unwrap();
        (
            out.status.code(),
            out.stdout,
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let first = list();
    assert!(first.2.contains("waiting for review"), "{}", first.2);
    assert_eq!(
        list(),
        first,
        "the replayed queue says what the listing said"
    );
}
