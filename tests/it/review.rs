//! Editors' decisions: `dossier review`, `link`, `unlink`, and what `check` makes of them.

use assert_cmd::Command;
use dossier::model::{ClaimFile, SourceEntry};
use dossier::store::yaml;
use serde_json::Value;
use std::path::Path;

const ARTICLE: &str = "Outlet: The Harbour Gazette
Date: 2025-03-04

Port Strike Enters Second Week

By Ana Ruiz

Dock workers in Portmouth have been on strike since February 24, 2025 [1].

In 2024, cargo delays caused by port labour disputes were estimated at 3 million euros.

The strike has delayed 40 cargo ships.

The mayor met union leaders on March 1, 2025.

References

1. Harbour Gazette. (2025). “Dockers Walk Out Over Pay”. https://gazette.example/dockers-walk-out
2. Shipping Weekly. (2024). “Cargo Delays and Port Labour”
";

const WEEKLY: &str = "shipping-weekly-2024-cargo-delays-and-port-labour";
const GAZETTE: &str = "harbour-gazette-2025-dockers-walk-out-over-pay";

fn dossier() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/port.txt"), ARTICLE).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, Some(0), "{err}");
    dir
}

fn run(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root)
        .env("DOSSIER_REVIEWER", "Ann Editor")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Does the diagnostic `err` (wrapped by miette at any hyphen or space) say `what`?
fn says(err: &str, what: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect()
    };
    squash(err).contains(&squash(what))
}

fn claims(root: &Path) -> ClaimFile {
    yaml::from_str(&std::fs::read_to_string(root.join("claims/port.yaml")).unwrap()).unwrap()
}

/// The id of the claim whose words start with `start`.
fn id_of(root: &Path, start: &str) -> String {
    let f = claims(root);
    let hits: Vec<_> = f
        .claims
        .iter()
        .filter(|c| c.text.starts_with(start))
        .collect();
    assert_eq!(hits.len(), 1, "one claim starting {start:?}");
    hits[0].id.clone()
}

fn check_json(root: &Path) -> Value {
    let (_, out, err) = run(root, &["check", "--format", "json"]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"))
}

/// (rule, severity, verdict) of the open findings about `claim`.
fn open_for(check: &Value, claim: &str) -> Vec<(String, String, Option<String>)> {
    list_for(&check["findings"], "claim", claim)
}

fn list_for(list: &Value, key: &str, id: &str) -> Vec<(String, String, Option<String>)> {
    list.as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|f| f[key] == id)
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["review"]["verdict"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn s(rule: &str, sev: &str, verdict: Option<&str>) -> (String, String, Option<String>) {
    (rule.into(), sev.into(), verdict.map(str::to_string))
}

#[test]
fn verdicts_resolve_downgrade_and_raise_findings() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    let mayor = id_of(root, "The mayor met");
    let dock = id_of(root, "Dock workers");
    let before = check_json(root);
    assert_eq!(
        open_for(&before, &ships),
        vec![s("uncited-claim", "warning", None)]
    );
    assert!(open_for(&before, &dock).is_empty(), "dock is cited [1]");

    let (code, _, err) = run(
        root,
        &[
            "review",
            &ships,
            "--verdict",
            "verified",
            "--note",
            "port log",
            "--url",
            "https://port.example/log",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("verified (Ann Editor, "), "{err}");
    run(
        root,
        &["review", &mayor, "--verdict", "accepted-unverifiable"],
    );
    run(
        root,
        &["review", &dock, "--verdict", "needs-source", "--by", "Bo"],
    );

    let after = check_json(root);
    // verified: resolved, out of the open findings but kept with its verdict.
    assert!(open_for(&after, &ships).is_empty());
    assert_eq!(
        list_for(&after["resolved"], "claim", &ships),
        vec![s("uncited-claim", "warning", Some("verified"))]
    );
    // accepted-unverifiable: downgraded to a note.
    assert_eq!(
        open_for(&after, &mayor),
        vec![s("uncited-claim", "note", Some("accepted-unverifiable"))]
    );
    // needs-source: an error although the sentence cites [1].
    assert_eq!(
        open_for(&after, &dock),
        vec![s("uncited-claim", "error", Some("needs-source"))]
    );
    assert_eq!(after["summary"]["resolved"], 1);
    assert_eq!(
        after["summary"]["warnings"].as_u64().unwrap() + 2,
        before["summary"]["warnings"].as_u64().unwrap()
    );

    // The review is in the claim file, with who, when, evidence and what was judged.
    let f = claims(root);
    let c = f.claims.iter().find(|c| c.id == ships).unwrap();
    let r = c.review.as_ref().unwrap();
    assert_eq!(r.by, "Ann Editor");
    assert_eq!(r.note.as_deref(), Some("port log"));
    assert_eq!(r.url.as_deref(), Some("https://port.example/log"));
    assert_eq!(r.judged, dossier::model::review::text_fingerprint(&c.text));
    assert!(dossier::model::review::is_iso_date(&r.date));
    // Re-extraction keeps the verdicts: the files are what extract would write.
    let (code, _, err) = run(root, &["extract", "--check"]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn disputed_and_false_add_findings_of_their_own() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    let mayor = id_of(root, "The mayor met");
    run(
        root,
        &[
            "review",
            &ships,
            "--verdict",
            "disputed",
            "--note",
            "the log says 12",
        ],
    );
    run(root, &["review", &mayor, "--verdict", "false"]);
    let c = check_json(root);
    let ships_open = open_for(&c, &ships);
    assert!(
        ships_open.contains(&s("disputed", "warning", None)),
        "{ships_open:?}"
    );
    assert!(ships_open.contains(&s("uncited-claim", "warning", Some("disputed"))));
    let msg = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "disputed")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("the log says 12"), "{msg}");
    assert!(open_for(&c, &mayor).contains(&s("refuted", "error", None)));
    let (code, _, _) = run(root, &["check"]);
    assert_eq!(code, Some(1));
}

#[test]
fn a_verdict_on_other_words_is_stale_and_not_applied() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    run(root, &["review", &ships, "--verdict", "verified"]);
    // Someone changes the claim's words by hand (a re-extraction of an edited sentence does
    // the same; see tests/merge.rs).
    let path = root.join("claims/port.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("delayed 40 cargo", "delayed 400 cargo")).unwrap();
    let c = check_json(root);
    let open = open_for(&c, &ships);
    assert!(open.contains(&s("stale-review", "error", None)), "{open:?}");
    assert!(
        open.contains(&s("uncited-claim", "warning", None)),
        "the old verdict must not apply to new words: {open:?}"
    );
    // A stale review puts the claim back in the queue.
    let (_, out, _) = run(root, &["review", "--list", "--format", "json"]);
    let q: Value = serde_json::from_str(&out).unwrap();
    let item = q["queue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["target"]["id"] == ships.as_str())
        .expect("stale claim queued");
    assert_eq!(item["stale_review"]["verdict"], "verified");
}

#[test]
fn source_reviews_judge_the_entry_and_go_stale_when_it_changes() {
    let d = dossier();
    let root = d.path();
    let c = check_json(root);
    assert_eq!(
        list_for(&c["findings"], "source", WEEKLY)
            .into_iter()
            .filter(|f| f.0 == "unverifiable-source")
            .count(),
        1
    );
    let (code, _, err) = run(
        root,
        &[
            "review",
            WEEKLY,
            "--verdict",
            "verified",
            "--note",
            "print edition, library copy",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let c = check_json(root);
    assert!(!list_for(&c["findings"], "source", WEEKLY)
        .iter()
        .any(|f| f.0 == "unverifiable-source"));
    assert!(list_for(&c["resolved"], "source", WEEKLY).contains(&s(
        "unverifiable-source",
        "error",
        Some("verified")
    )));
    // Editing the entry afterwards makes the verdict stale.
    let path = root.join(format!("sources/{WEEKLY}.yaml"));
    let mut e: SourceEntry = yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    e.title = Some("Another title".into());
    std::fs::write(&path, yaml::to_string(&e, None).unwrap()).unwrap();
    let c = check_json(root);
    let open = list_for(&c["findings"], "source", WEEKLY);
    assert!(open.contains(&s("stale-review", "error", None)), "{open:?}");
    assert!(open.contains(&s("unverifiable-source", "error", None)));
}

#[test]
fn link_confirms_and_unlink_rejects_sources() {
    let d = dossier();
    let root = d.path();
    let delays = id_of(root, "In 2024, cargo delays");
    let dock = id_of(root, "Dock workers");
    let help = |c: &Value, id: &str| {
        c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["claim"] == id && f["rule"] == "uncited-claim")
            .map(|f| f["help"].as_str().unwrap().to_string())
    };
    let c = check_json(root);
    assert!(help(&c, &delays).unwrap().contains(WEEKLY), "suggested");

    // Rejecting the suggestion: it is not offered again.
    let (code, _, err) = run(root, &["unlink", &delays, WEEKLY, "--note", "other year"]);
    assert_eq!(code, Some(0), "{err}");
    let c = check_json(root);
    assert!(!help(&c, &delays).unwrap().contains(WEEKLY));

    // Confirming it by hand: a manual link, counted as a source.
    let (code, _, err) = run(root, &["link", &delays, WEEKLY]);
    assert_eq!(code, Some(0), "{err}");
    let c = check_json(root);
    assert!(help(&c, &delays).is_none(), "sourced by the manual link");
    assert!(!c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "unused-reference" && f["source"] == WEEKLY));
    let f = claims(root);
    let claim = f.claims.iter().find(|c| c.id == delays).unwrap();
    assert_eq!(claim.links.len(), 1, "one decision per source: the last");
    assert_eq!(claim.links[0].by, "Ann Editor");
    // Linking again changes nothing.
    let before = std::fs::read(root.join("claims/port.yaml")).unwrap();
    let (_, _, err) = run(root, &["link", &delays, WEEKLY]);
    assert!(err.contains("already recorded"), "{err}");
    assert_eq!(
        std::fs::read(root.join("claims/port.yaml")).unwrap(),
        before
    );

    // A manual link to an entry that is later deleted is a missing-source finding, and can be
    // taken away although the entry is gone.
    std::fs::remove_file(root.join(format!("sources/{WEEKLY}.yaml"))).unwrap();
    let c = check_json(root);
    assert!(list_for(&c["findings"], "claim", &delays).contains(&s(
        "missing-source",
        "error",
        None
    )));
    let (code, _, err) = run(root, &["unlink", &delays, WEEKLY]);
    assert_eq!(code, Some(0), "{err}");
    let c = check_json(root);
    assert!(!list_for(&c["findings"], "claim", &delays).contains(&s(
        "missing-source",
        "error",
        None
    )));

    // Unlinking an explicit citation: the article cites [1], the editor says it does not
    // support the claim, so the claim is uncited.
    assert!(help(&c, &dock).is_none());
    run(root, &["unlink", &dock, GAZETTE]);
    let c = check_json(root);
    assert!(help(&c, &dock).is_some());
}

#[test]
fn unknown_ids_are_refused_with_suggestions() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    let typo = format!("{}x", &ships[..ships.len() - 1]);
    let before = std::fs::read(root.join("claims/port.yaml")).unwrap();
    let (code, _, err) = run(root, &["review", &typo, "--verdict", "verified"]);
    assert_eq!(code, Some(2));
    assert!(
        says(&err, &format!("no claim or source entry `{typo}`")),
        "{err}"
    );
    assert!(says(&err, &ships), "suggests the close id: {err}");
    let (code, _, err) = run(root, &["link", &ships, "shipping-weekly-2024"]);
    assert_eq!(code, Some(2));
    assert!(says(&err, WEEKLY), "{err}");
    let (code, _, err) = run(root, &["review", &ships, "--verdict", "maybe"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("accepted-unverifiable"),
        "lists the verdicts: {err}"
    );
    let (code, _, err) = run(
        root,
        &[
            "review",
            &ships,
            "--verdict",
            "verified",
            "--date",
            "4.3.2025",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(says(&err, "YYYY-MM-DD"), "{err}");
    assert_eq!(
        std::fs::read(root.join("claims/port.yaml")).unwrap(),
        before
    );
}

#[test]
fn the_queue_lists_unreviewed_items_most_severe_first() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    let (code, out, _) = run(root, &["review", "--list", "--format", "json"]);
    assert_eq!(code, Some(0));
    let q: Value = serde_json::from_str(&out).unwrap();
    let items = q["queue"].as_array().unwrap();
    let names: Vec<String> = items
        .iter()
        .map(|i| i["target"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names[0], WEEKLY,
        "the error (no locator) comes first: {names:?}"
    );
    assert!(names.contains(&ships));
    let severities: Vec<&str> = items
        .iter()
        .map(|i| i["findings"][0]["severity"].as_str().unwrap())
        .collect();
    let rank = |s: &str| ["error", "warning", "note"].iter().position(|x| *x == s);
    assert!(
        severities.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{severities:?}"
    );

    run(root, &["review", &ships, "--verdict", "supported"]);
    let (_, out, _) = run(root, &["review", "--list"]);
    assert!(
        !out.contains(&ships),
        "reviewed claims leave the queue: {out}"
    );
    assert!(out.contains(WEEKLY));
}

#[test]
fn review_without_a_claim_needs_a_terminal_or_a_claim() {
    let d = dossier();
    // Not on a terminal (the test's pipes): refused, pointing to the scriptable review. The
    // interactive review itself is driven through a pty in tests/review_tui.rs.
    let (code, _, err) = run(d.path(), &["review"]);
    assert_eq!(code, Some(2));
    assert!(says(&err, "needs a terminal"), "{err}");
    assert!(says(&err, "dossier review CLAIM --verdict"), "{err}");
    // Options that decide something need the claim they are about.
    let (code, _, err) = run(d.path(), &["review", "--verdict", "verified"]);
    assert_eq!(code, Some(2));
    assert!(says(&err, "name the claim or source entry"), "{err}");
}

#[test]
fn the_report_shows_verdicts_and_what_they_did() {
    let d = dossier();
    let root = d.path();
    let ships = id_of(root, "The strike has delayed");
    let mayor = id_of(root, "The mayor met");
    run(
        root,
        &[
            "review",
            &ships,
            "--verdict",
            "verified",
            "--date",
            "2025-03-05",
        ],
    );
    run(
        root,
        &[
            "review",
            &mayor,
            "--verdict",
            "accepted-unverifiable",
            "--date",
            "2025-03-05",
        ],
    );
    let (code, md, err) = run(root, &["report"]);
    assert_eq!(code, Some(0), "{err}");
    // The claims table: the verdict column, and the resolved finding still listed.
    let row = md
        .lines()
        .find(|l| l.starts_with(&format!("| {ships} ")))
        .unwrap_or_else(|| panic!("no row for {ships}:\n{md}"));
    assert!(
        row.ends_with("| resolved uncited-claim | verified |"),
        "{row}"
    );
    let row = md
        .lines()
        .find(|l| l.starts_with(&format!("| {mayor} ")))
        .unwrap();
    assert!(
        row.ends_with("| note uncited-claim | accepted-unverifiable |"),
        "{row}"
    );
    // The worklist: the downgraded item says so; the resolved one is not open.
    assert!(
        md.contains("- Reviewed: downgraded from warning by the verdict `accepted-unverifiable` of Ann Editor, 2025-03-05"),
        "{md}"
    );
    let worklist = &md[md.find("## Editor's worklist").unwrap()..];
    let worklist = &worklist[..worklist[3..]
        .find("\n## ")
        .map_or(worklist.len(), |i| i + 3)];
    assert!(!worklist.contains(&ships), "{worklist}");
    let (_, html, _) = run(root, &["report", "--format", "html"]);
    assert!(html.contains("<span class=\"resolved\">resolved</span>"));
    let (_, json, _) = run(root, &["report", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["findings"]["resolved"], 1);
    let claim = v["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == ships.as_str())
        .unwrap();
    assert_eq!(claim["verdict"], "verified");
    assert_eq!(claim["review"]["by"], "Ann Editor");
    assert_eq!(claim["review_stale"], false);
}

#[test]
fn the_desk_shows_a_claim_in_context_with_its_links_and_findings() {
    use dossier::review::{Desk, Target};
    let d = dossier();
    let root = d.path();
    let desk = Desk::new(dossier::store::Dossier::at(root).unwrap());
    let delays = id_of(root, "In 2024, cargo delays");
    let Target::Claim(target) = desk.resolve_target(&delays).unwrap() else {
        panic!("a claim");
    };
    let view = desk.view(&dossier::check::Config::default());
    let v = view.claim_view(&target).unwrap();
    assert_eq!(v.article_path, "articles/port.txt");
    assert!(v.words.starts_with("In 2024, cargo delays"));
    assert_eq!(
        (v.before.as_str(), v.after.as_str()),
        ("", ""),
        "a one-sentence paragraph"
    );
    assert_eq!(v.links.len(), 1);
    assert_eq!(v.links[0].source, WEEKLY);
    assert!(!v.links[0].confirmed(), "a suggestion");
    let rules: Vec<&str> = v.findings.iter().map(|f| f.rule.code()).collect();
    assert_eq!(rules, ["uncited-claim"]);
    // After a link and a verdict, a fresh view shows both.
    desk.link(&target, WEEKLY, "Ann", "2025-03-05", None)
        .unwrap();
    let mut r =
        dossier::model::Review::new(dossier::model::Verdict::Supported, "Ann", "2025-03-05");
    r.note = Some("the weekly's figure".into());
    let stored = desk.set_review(&Target::Claim(target.clone()), r).unwrap();
    assert!(stored.judged.starts_with("sha256:"));
    let v = desk
        .view(&dossier::check::Config::default())
        .claim_view(&target)
        .unwrap();
    assert!(v.links[0].confirmed());
    assert_eq!(v.links[0].how, dossier::link::How::Manual);
    assert!(
        v.findings.is_empty() && v.resolved.is_empty(),
        "sourced now: nothing to resolve"
    );
    assert_eq!(
        v.claim.review.unwrap().note.as_deref(),
        Some("the weekly's figure")
    );
}

#[test]
fn a_broken_dossier_toml_stops_the_review_queue_at_its_line() {
    let d = dossier();
    std::fs::write(
        d.path().join("dossier.toml"),
        "fail-on = \"error\"\n[rules]\nno-such-rule = \"warning\"\n",
    )
    .unwrap();
    let (code, out, err) = run(d.path(), &["review", "--list"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(says(&err, "no-such-rule"), "{err}");
    // The diagnostic shows the file at the offending line, as `check` does.
    assert!(err.contains("dossier.toml:3:"), "{err}");
}

#[test]
fn a_source_entry_saved_as_yml_is_reviewed_in_its_own_file() {
    let d = dossier();
    let yaml = d.path().join(format!("sources/{WEEKLY}.yaml"));
    let yml = d.path().join(format!("sources/{WEEKLY}.yml"));
    std::fs::rename(&yaml, &yml).unwrap();
    let (code, _, err) = run(d.path(), &["review", WEEKLY, "--verdict", "verified"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!yaml.exists(), "no second entry was made");
    let entry: SourceEntry = yaml::from_str(&std::fs::read_to_string(&yml).unwrap()).unwrap();
    assert_eq!(entry.review.unwrap().verdict.as_str(), "verified");
}
