//! Replays every committed fuzzing input (`fuzz/crashes/<target>/*`) through the same entry
//! points the cargo-fuzz targets call, so that a crash once found stays fixed. The inputs are
//! the (minimised) crashes the fuzzer finds, and hand-made inputs for edge paths; the fuzz
//! runs recorded in the README found no crash.

#[path = "../../fuzz/entry.rs"]
mod entry;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/crashes")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{}: no inputs to replay", dir.display());
    for input in inputs {
        let data = std::fs::read(&input).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} panics again", input.display());
    }
}

#[test]
fn article_inputs() {
    replay("article", entry::article);
}

#[test]
fn reference_inputs() {
    replay("reference", entry::reference);
}

#[test]
fn claim_yaml_inputs() {
    replay("claim_yaml", entry::claim_yaml);
}

#[test]
fn source_yaml_inputs() {
    replay("source_yaml", entry::source_yaml);
}

#[test]
fn evidence_inputs() {
    replay("evidence", entry::evidence);
}

#[test]
fn html_inputs() {
    replay("html", entry::html);
}

#[test]
fn merge_comments_inputs() {
    replay("merge_comments", entry::merge_comments);
}
