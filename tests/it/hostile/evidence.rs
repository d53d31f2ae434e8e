//! Hostile input: bounded alignment, HTML reduction, entity and charset decoding, NFC (items 2, 3, 10).
//!
//! Each test builds a dossier in a temporary directory: an article quoting a source through a
//! reference, its claim file from `dossier extract`, the source stub given a snapshot, and reads
//! the quote's verdict from `dossier check --format json`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn dossier_cmd(root: &Path) -> Command {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.current_dir(root)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    c
}

/// A dossier whose article quotes `quote` from one source, whose snapshot is `snapshot` (a file
/// named `name` under `sources/snapshots/`).
fn quoting(quote: &str, name: &str, snapshot: &[u8]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::create_dir_all(root.join("articles")).unwrap();
    std::fs::write(
        root.join("articles/bridge.txt"),
        format!(
            "Outlet: The Daily Ledger\nDate: 2024-05-02\nAuthor: Jane Roe\n\n\
             Harbour Bridge Reopens After Repairs\n\n\
             \u{201c}{quote},\u{201d} said city engineer Tom Okafor [1].\n\n\
             References\n\n\
             1. Portmouth Herald. (2024). \u{201c}Engineers Finish Bridge Early\u{201d}. https://herald.example/bridge-early\n"
        ),
    )
    .unwrap();
    dossier_cmd(root).arg("extract").assert().success();
    let sources: Vec<_> = std::fs::read_dir(root.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert_eq!(sources.len(), 1, "{sources:?}");
    let entry = std::fs::read_to_string(&sources[0]).unwrap();
    let entry: String = entry
        .lines()
        .filter(|l| !l.starts_with("snapshot:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        &sources[0],
        format!("{entry}snapshot: sources/snapshots/{name}\n"),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("sources/snapshots")).unwrap();
    std::fs::write(root.join("sources/snapshots").join(name), snapshot).unwrap();
    d
}

/// The evidence on the article's quote: its status and the whole record.
fn verdict(root: &Path) -> (String, Value) {
    let out = dossier_cmd(root)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let evidence = v["evidence"].as_array().cloned().unwrap_or_default();
    assert_eq!(evidence.len(), 1, "{v:#}");
    (
        evidence[0]["status"].as_str().unwrap().to_string(),
        evidence[0].clone(),
    )
}

/// `n` words of varied prose, deterministic by `seed`.
fn prose(n: usize, seed: u64) -> String {
    const LEX: &[&str] = &[
        "council",
        "bridge",
        "engineers",
        "repairs",
        "finished",
        "river",
        "traffic",
        "city",
        "budget",
        "steel",
        "cables",
        "months",
        "inspection",
        "harbour",
        "crews",
        "night",
        "weather",
        "delays",
        "contract",
        "concrete",
        "deck",
        "lanes",
        "workers",
        "mayor",
    ];
    let mut s = seed;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = LEX[(s >> 33) as usize % LEX.len()];
        // Numbered words now and then make most shingles rare, as in real prose.
        if i % 3 == 0 {
            out.push(format!("{w}{}", (s >> 40) % 1000));
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

#[test]
fn item_2_an_8000_word_quote_is_verified_and_one_changed_word_is_altered() {
    // Quadratic alignment took 4.3 GB for 7,000 words; `dossier check` on 20,000 words against
    // 2 MB is measured in the README (Quote verification against snapshots).
    let quote = prose(8_000, 7);
    let snapshot = format!("{}\n\n{quote}.\n\n{}\n", prose(20_000, 1), prose(20_000, 2));
    let d = quoting(&quote, "herald.txt", snapshot.as_bytes());
    let (status, _) = verdict(d.path());
    assert_eq!(status, "verified");
    // One word changed in the middle: altered, with that word in the diff.
    let mut words: Vec<&str> = quote.split(' ').collect();
    words[4_000] = "zeppelin";
    let altered = words.join(" ");
    let d = quoting(&altered, "herald.txt", snapshot.as_bytes());
    let (status, e) = verdict(d.path());
    assert_eq!(status, "altered", "{e:#}");
    let diff = e["diff"].to_string();
    assert!(diff.contains("zeppelin"), "{diff}");
}

#[test]
fn item_3_pathological_html_reduces_in_linear_time_and_keeps_the_quote() {
    // `<p>` then `x<` repeated, never closed: a quadratic reducer took minutes on this.
    let mut page =
        String::from("<html><body><p>We finished two weeks early, the engineer said.</p><p>");
    page.push_str(&"x<".repeat(512 * 1024));
    let d = quoting(
        "We finished two weeks early",
        "herald.html",
        page.as_bytes(),
    );
    let (status, e) = verdict(d.path());
    assert_eq!(status, "verified", "{e:#}");
}

#[test]
fn item_3_entities_decode_so_a_verbatim_quote_stays_verbatim() {
    let page = "<p>The caf&eacute; by the bridge &ndash; &Aring;sa&rsquo;s &ccedil;a &notin; "
        .to_string()
        + "reopens at dawn&hellip;</p>";
    let d = quoting(
        "The café by the bridge – Åsa’s ça ∉ reopens at dawn",
        "herald.html",
        page.as_bytes(),
    );
    assert_eq!(verdict(d.path()).0, "verified");
}

#[test]
fn item_3_a_page_in_its_declared_charset_is_decoded_not_replaced() {
    // windows-1252, declared by `<meta charset>`: é is the single byte 0xE9.
    let mut page =
        b"<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><p>The caf"
            .to_vec();
    page.push(0xE9);
    page.extend_from_slice(b" by the bridge reopens at dawn</p></body></html>");
    let d = quoting(
        "The café by the bridge reopens at dawn",
        "herald.html",
        &page,
    );
    assert_eq!(verdict(d.path()).0, "verified");
    // And an http-equiv declaration, ISO-8859-1.
    let page: Vec<u8> = [
        &b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Cr"[..],
        &[0xE8],
        &b"me br"[..],
        &[0xFB],
        &b"l\xE9e at the bridge today</p>"[..],
    ]
    .concat();
    let d = quoting("Crème brûlée at the bridge today", "herald.htm", &page);
    assert_eq!(verdict(d.path()).0, "verified");
}

#[test]
fn item_10_nfd_quote_matches_nfc_snapshot() {
    // The article spells é as e + U+0301 (as macOS file names and some editors do).
    let d = quoting(
        "The cafe\u{301} by the bridge reopens at dawn",
        "herald.txt",
        "The café by the bridge reopens at dawn, the owner said.".as_bytes(),
    );
    let (status, e) = verdict(d.path());
    assert_eq!(status, "verified", "{e:#}");
    // The passage is the snapshot's own text.
    assert!(
        e["passages"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("The café by the bridge"),
        "{e:#}"
    );
    // And the other way round: an NFC quote against an NFD snapshot.
    let d = quoting(
        "The café by the bridge reopens at dawn",
        "herald.txt",
        "The cafe\u{301} by the bridge reopens at dawn.".as_bytes(),
    );
    assert_eq!(verdict(d.path()).0, "verified");
}
