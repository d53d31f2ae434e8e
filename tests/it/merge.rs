//! Re-extraction never loses an editor's work: reviews, notes, link decisions and hand-added
//! claims survive every `dossier extract`, and a review of words that changed becomes
//! `stale-review` instead of applying to the new words.

use assert_cmd::Command;
use dossier::article::{Article, Format};
use dossier::model::review::{text_fingerprint, LinkAction, LinkDecision, Review, Verdict};
use dossier::model::{ClaimFile, SourceEntry};
use dossier::store::merge::merge;
use dossier::store::yaml;
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

const ARTICLE: &str = "Outlet: The Harbour Gazette
Date: 2025-03-04

Port Strike Enters Second Week

By Ana Ruiz

Dock workers in Portmouth have been on strike since February 24, 2025 [1].

The strike has delayed 40 cargo ships.

The mayor met union leaders on March 1, 2025.

References

1. Harbour Gazette. (2025). “Dockers Walk Out Over Pay”. https://gazette.example/dockers-walk-out
";

const GAZETTE: &str = "harbour-gazette-2025-dockers-walk-out-over-pay";

fn run(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root)
        .env("DOSSIER_REVIEWER", "Ann Editor")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ok(root: &Path, args: &[&str]) {
    let (code, _, err) = run(root, args);
    assert_eq!(code, Some(0), "dossier {args:?}: {err}");
}

fn claims(root: &Path) -> ClaimFile {
    yaml::from_str(&std::fs::read_to_string(root.join("claims/port.yaml")).unwrap()).unwrap()
}

fn write_article(root: &Path, text: &str) {
    std::fs::write(root.join("articles/port.txt"), text).unwrap();
}

fn findings(root: &Path) -> Vec<(String, Option<String>)> {
    let (_, out, _) = run(root, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["claim"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn reviews_survive_edits_go_stale_with_their_words_and_outlive_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("articles")).unwrap();
    write_article(root, ARTICLE);
    ok(root, &["extract"]);
    let id = claims(root)
        .claims
        .iter()
        .find(|c| c.text.starts_with("The strike has delayed"))
        .unwrap()
        .id
        .clone();
    ok(
        root,
        &["review", &id, "--verdict", "verified", "--note", "port log"],
    );
    ok(root, &["review", &id, "--note", "asked for the full log"]);
    ok(root, &["link", &id, GAZETTE]);
    // A claim added by hand, and a source entry completed by hand.
    let path = root.join("claims/port.yaml");
    let mut f = claims(root);
    let mut hand = f.claims[0].clone();
    hand.id = "hand-1".into();
    hand.kind = dossier::model::ClaimKind::Assertion;
    hand.text = "Dock workers in Portmouth".into();
    hand.manual = true;
    hand.prefix.clear();
    hand.suffix.clear();
    hand.notes = vec!["the union's count".into()];
    f.claims.push(hand);
    std::fs::write(&path, yaml::to_string(&f, None).unwrap()).unwrap();
    let source = root.join(format!("sources/{GAZETTE}.yaml"));
    let mut e: SourceEntry = yaml::from_str(&std::fs::read_to_string(&source).unwrap()).unwrap();
    e.archive_url = Some("https://archive.example/dockers".into());
    e.notes.push("paywalled".into());
    let completed = yaml::to_string(&e, None).unwrap();
    std::fs::write(&source, &completed).unwrap();
    let reviewed = claims(root)
        .claims
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    assert!(!findings(root).contains(&("uncited-claim".into(), Some(id.clone()))));

    // 1. An unrelated paragraph changes: everything is intact.
    let edited = ARTICLE.replace(
        "The mayor met union leaders on March 1, 2025.",
        "Talks resumed on March 2, 2025.\n\nThe mayor met union leaders on March 1, 2025.",
    );
    write_article(root, &edited);
    ok(root, &["extract"]);
    let after = claims(root);
    let c = after
        .claims
        .iter()
        .find(|c| c.id == id)
        .expect("claim kept");
    assert_eq!(c.review, reviewed.review);
    assert_eq!(c.notes, reviewed.notes);
    assert_eq!(c.links, reviewed.links);
    let hand = after
        .claims
        .iter()
        .find(|c| c.id == "hand-1")
        .expect("hand claim kept");
    assert_eq!(&edited[hand.start..hand.end], "Dock workers in Portmouth");
    assert_eq!(hand.notes, ["the union's count"]);
    assert_eq!(std::fs::read_to_string(&source).unwrap(), completed);
    let f = findings(root);
    assert!(
        !f.iter()
            .any(|(r, _)| r == "stale-review" || r == "stale-claim"),
        "{f:?}"
    );
    assert!(!f.contains(&("uncited-claim".into(), Some(id.clone()))));
    // Idempotent: nothing changes on a second run, and --check agrees.
    let bytes = std::fs::read(&path).unwrap();
    ok(root, &["extract"]);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    ok(root, &["extract", "--check"]);

    // 2. The reviewed sentence changes: the review follows it and is stale.
    let edited2 = edited.replace("delayed 40 cargo ships", "delayed 400 cargo ships");
    write_article(root, &edited2);
    ok(root, &["extract"]);
    let after = claims(root);
    let c = after
        .claims
        .iter()
        .find(|c| c.text.contains("400 cargo"))
        .expect("the edited claim");
    assert_eq!(
        c.review, reviewed.review,
        "the review is kept, not re-judged"
    );
    assert_eq!(c.notes, reviewed.notes);
    assert_eq!(c.links, reviewed.links);
    let new_id = c.id.clone();
    let f = findings(root);
    assert!(
        f.contains(&("stale-review".into(), Some(new_id.clone()))),
        "{f:?}"
    );
    ok(root, &["extract", "--check"]);

    // 3. The sentence is deleted: the claim is kept, marked vanished, as `stale-claim`.
    let edited3 = edited2.replace("The strike has delayed 400 cargo ships.\n\n", "");
    write_article(root, &edited3);
    ok(root, &["extract"]);
    let after = claims(root);
    let c = after.claims.iter().find(|c| c.id == new_id).expect("kept");
    assert!(c.vanished);
    assert_eq!(c.review, reviewed.review);
    assert_eq!(c.notes, reviewed.notes);
    assert_eq!(c.links, reviewed.links);
    assert!(findings(root).contains(&("stale-claim".into(), Some(new_id.clone()))));
    assert!(after.claims.iter().any(|c| c.id == "hand-1"));
    assert_eq!(std::fs::read_to_string(&source).unwrap(), completed);
    let bytes = std::fs::read(&path).unwrap();
    ok(root, &["extract"]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "idempotent with a vanished claim"
    );
    ok(root, &["extract", "--check"]);
}

#[test]
fn an_unreadable_claim_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("articles")).unwrap();
    write_article(root, ARTICLE);
    ok(root, &["extract"]);
    let path = root.join("claims/port.yaml");
    let broken = format!("{}\n  stray: [\n", std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &broken).unwrap();
    let (code, _, _) = run(root, &["extract"]);
    assert_eq!(code, Some(2));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

// --- property: merging a re-extraction never drops an editor's work ------------------------

const SENTENCES: &[&str] = &[
    "The council approved the budget on March 3, 2024.",
    "The mayor resigned in 2023 after the audit.",
    "Taxes rose by 4% in 2022.",
    "The port handled 12 million tonnes in 2021.",
    "The governor signed the bill on May 5, 2020.",
    "Unemployment fell to 5% in 2019.",
    "The bridge opened in 2018 after two delays.",
    "Police arrested 14 people on June 2, 2024.",
];

fn file_of(text: &str) -> ClaimFile {
    let x = dossier::extract::extract(&Article::from_text(
        "articles/p.txt",
        text.to_string(),
        Format::Text,
    ));
    ClaimFile {
        version: 1,
        article: x.article,
        references: x.references,
        claims: x.claims,
    }
}

fn article(paras: &[(usize, u8)]) -> String {
    paras
        .iter()
        .map(|&(s, edit)| {
            let t = SENTENCES[s % SENTENCES.len()];
            match edit % 4 {
                0 => t.replace("in 20", "in 19"),
                1 => format!("By contrast, {}", t.to_lowercase()),
                _ => t.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

/// The editor's marks: (note, reviewer, linked source) for every annotated claim.
fn marks(f: &ClaimFile) -> Vec<(String, String, String)> {
    let mut m: Vec<_> = f
        .claims
        .iter()
        .filter_map(|c| {
            let r = c.review.as_ref()?;
            Some((
                c.notes.join("|"),
                r.by.clone(),
                c.links.first()?.source.clone(),
            ))
        })
        .collect();
    m.sort();
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_never_drops_a_review_note_or_link(
        before in prop::collection::vec((0..SENTENCES.len(), 2u8..4), 1..7),
        after in prop::collection::vec((0..SENTENCES.len(), any::<u8>()), 0..7),
        annotate in prop::collection::vec(any::<bool>(), 7),
    ) {
        let old_text = article(&before);
        let mut old = file_of(&old_text);
        for (k, c) in old.claims.iter_mut().enumerate() {
            if !annotate.get(k).copied().unwrap_or(false) {
                continue;
            }
            let mut r = Review::new(Verdict::Supported, &format!("editor-{k}"), "2025-01-01");
            r.judged = text_fingerprint(&c.text);
            c.review = Some(r);
            c.notes.push(format!("note-{k}"));
            c.links.push(LinkDecision {
                source: format!("src-{k}"),
                action: LinkAction::Confirm,
                by: "x".into(),
                date: "2025-01-01".into(),
                note: None,
            });
        }
        let new_text = article(&after);
        let merged = merge(&old, file_of(&new_text), &new_text);
        prop_assert_eq!(marks(&merged), marks(&old));
        // Every claim not marked vanished holds exactly the article's bytes at its span.
        for c in merged.claims.iter().filter(|c| !c.vanished) {
            prop_assert_eq!(new_text.get(c.start..c.end), Some(c.text.as_str()));
        }
        // Merging the same extraction again changes nothing.
        prop_assert_eq!(&merge(&merged, file_of(&new_text), &new_text), &merged);
    }
}
