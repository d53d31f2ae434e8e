//! Hostile input: numbers, URLs and dates from the command line; escaping at every output (items 7, 8, 9, 11).

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use tempfile::TempDir;

/// `dossier --root DIR ARGS`: exit code, stdout, stderr. No run may panic.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    super::dossier(dir, args, "Ann Editor")
}

/// A dossier whose `articles/a.txt` (or `.md`) holds `text`, extracted.
fn extracted(name: &str, text: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles").join(name), text).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// The page the loopback server serves at `/page`, and as an article at `/article`.
const PAGE: &str = "<html><head><title>Harbour</title></head><body><article>\
    <h1>Harbour cranes idle as talks stall</h1><p>By Ana Ruiz</p>\
    <p>\u{201c}We will not sign this offer,\u{201d} said Tom Berg, the union's secretary.</p>\
    <p>The port handled 12 million tonnes in 2023.</p></article></body></html>";

/// A server on 127.0.0.1 answering `/page` and `/article` with [`PAGE`], `/empty` with an
/// empty page, anything else with 404; its base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/");
    let (status, body) = match path {
        "/page" | "/article" => ("200 OK", PAGE),
        "/empty" => ("200 OK", ""),
        _ => ("404 Not Found", "gone"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
    let _ = stream.flush();
}

/// A dossier with one source entry, `sources/page.yaml`, whose URL is `url`.
fn with_source(url: &str) -> TempDir {
    let d = tempfile::tempdir().unwrap();
    for sub in ["articles", "claims", "sources"] {
        std::fs::create_dir(d.path().join(sub)).unwrap();
    }
    std::fs::write(
        d.path().join("sources/page.yaml"),
        format!("type: web\ntitle: Harbour cranes idle\nurl: {url}\n"),
    )
    .unwrap();
    d
}

fn entry(root: &Path) -> dossier::model::SourceEntry {
    let text = std::fs::read_to_string(root.join("sources/page.yaml")).unwrap();
    dossier::store::yaml::from_str(&text).unwrap()
}

#[test]
fn item_7_huge_timeout_is_refused_not_a_panic() {
    let base = serve();
    let page = format!("{base}/page");
    let d = with_source(&page);
    let huge = "18446744073709551615";
    let article = format!("{base}/article");
    for args in [
        vec!["fetch", "--timeout", huge],
        vec!["check", "--online", "--timeout", huge],
        vec!["add", "--timeout", huge, &article],
        vec!["fetch", "--timeout", "0"],
        vec!["fetch", "--max-bytes", huge],
        vec!["fetch", "--max-bytes", "0"],
        vec!["fetch", "--max-redirects", huge],
        vec!["--jobs", huge, "check"],
    ] {
        let (code, _, err) = run(d.path(), &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is not in"), "{args:?} names the range: {err}");
    }
    // Nothing was fetched or written.
    assert_eq!(entry(d.path()).last_fetch, None);
    assert!(std::fs::read_dir(d.path().join("articles"))
        .unwrap()
        .next()
        .is_none());
    // The largest values allowed work.
    let (code, _, err) = run(
        d.path(),
        &[
            "fetch",
            "--timeout",
            "3600",
            "--max-bytes",
            "67108864",
            "--max-redirects",
            "20",
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn item_7_library_limits_saturate_instead_of_overflowing() {
    let base = serve();
    let policy = dossier::fetch::Policy {
        timeout: std::time::Duration::MAX,
        max_redirects: usize::MAX,
        max_bytes: u64::MAX,
        ..dossier::fetch::Policy::default()
    };
    let f = dossier::fetch::get(&format!("{base}/page"), &policy).unwrap();
    assert_eq!((f.status, f.body.len()), (200, PAGE.len()));
}

#[test]
fn item_7_an_empty_page_never_replaces_a_good_snapshot() {
    let base = serve();
    let d = with_source(&format!("{base}/page"));
    let (code, _, err) = run(d.path(), &["fetch"]);
    assert_eq!(code, 0, "{err}");
    let snap = d.path().join("sources/snapshots/page.txt");
    let good = std::fs::read_to_string(&snap).unwrap();
    assert!(good.contains("We will not sign this offer"), "{good}");
    let recorded = entry(d.path()).snapshot;
    // The same entry now points at a page that answers 200 with nothing.
    let yaml = std::fs::read_to_string(d.path().join("sources/page.yaml")).unwrap();
    std::fs::write(
        d.path().join("sources/page.yaml"),
        yaml.replace(
            &format!("\nurl: {base}/page"),
            &format!("\nurl: {base}/empty"),
        ),
    )
    .unwrap();
    let (code, _, err) = run(d.path(), &["fetch"]);
    assert_eq!(code, 1, "an empty page is a failure: {err}");
    assert!(err.contains("no text"), "{err}");
    assert_eq!(std::fs::read_to_string(&snap).unwrap(), good);
    let after = entry(d.path());
    assert_eq!(after.snapshot, recorded);
    assert_eq!(after.last_fetch.unwrap().outcome, "refused");
}

#[test]
fn item_7_a_link_with_a_multi_byte_letter_is_extracted() {
    let d = extracted(
        "a.md",
        "# Munich grows\n\nBy Ana Ruiz\n\nThe city grew by 3 per cent in 2023, according to \
         [Wikipedia](https://de.wikipedia.org/wiki/München) and \
         [the city](https://www.muenchen.de/rathaus/Stadtverwaltung/Statistik/2024/05/Bevölkerung-ü-2024-05).\n",
    );
    let (code, out, err) = run(d.path(), &["check", "--format", "json"]);
    assert!(code <= 1, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(doc["summary"]["claims"].as_u64().unwrap() >= 1, "{out}");
}

/// What an article may hold to take over a terminal: retitle the window, clear the screen,
/// a C1 CSI, a bell, a carriage return that overwrites the line, a right-to-left override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\r\u{202e}";

fn assert_inert(what: &str, s: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!s.contains(bad), "{what} lets {bad:?} through: {s:?}");
    }
    assert!(!s.contains("\r") || s.contains("\r\n"), "{what}: {s:?}");
}

#[test]
fn item_8_escape_sequences_never_reach_the_terminal() {
    let article = format!(
        "Council delays the vote\n\nBy Ana Ruiz\n\n\"We will not rush {HOSTILE} this,\" said Mayor \
         Tom Reyes. The council spent 4.2 million euros on the study in 2023.\n"
    );
    let d = extracted("a.txt", &article);
    for args in [
        vec!["check", "--color", "never"],
        vec!["check", "--color", "always"],
        vec!["check", "--format", "github"],
        vec!["review", "--list"],
    ] {
        let (code, out, err) = run(d.path(), &args);
        assert!(code <= 1, "{args:?}: {err}");
        assert!(out.contains("rush"), "{args:?} shows the quote: {out}");
        if args.contains(&"always") {
            // Colour stays, as SGR sequences dossier writes itself; the article's are escaped.
            assert!(out.contains("\\u{1b}]0;pwned"), "{out}");
            assert!(
                !out.contains("\u{1b}]0;") && !out.contains("\u{1b}[2J"),
                "{out:?}"
            );
        } else {
            assert_inert(&format!("{args:?}"), &out);
            assert!(
                out.contains("\\u{1b}]0;pwned"),
                "{args:?} shows what was there: {out}"
            );
        }
        assert_inert(&format!("{args:?} (stderr)"), &err);
    }
    // The echo of a verdict's reviewer.
    let claim = first_claim(d.path(), "a");
    let by = format!("Ann {HOSTILE} Editor");
    let (code, out, err) = run(
        d.path(),
        &["review", &claim, "--verdict", "verified", "--by", &by],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Ann \\u{1b}]0;pwned"), "{err}");
    assert_inert("review --by", &format!("{out}{err}"));
}

#[test]
fn item_9_report_text_never_becomes_a_link() {
    let article = "Council delays the vote\n\nBy Ana Ruiz\n\n\u{201c}Visit www.evil.example or \
        https://evil.example/phish, or write to press@evil.example,\u{201d} said Mayor Tom Reyes. \
        The council spent 4.2 million euros on the study in 2023 [1].\n\nReferences\n\n\
        1. Port Ellery Council (2023). \u{201c}Annual report https://example.org/annual\u{201d}.\n";
    let d = extracted("a.txt", article);
    let (code, md, err) = run(d.path(), &["report"]);
    assert_eq!(code, 0, "{err}");
    // GFM autolinks start at `www.`, `scheme://` or an e-mail's `@`: none is left in the text
    // outside the links dossier writes itself, `<https://…>`.
    let outside: String = md
        .split('<')
        .enumerate()
        .map(|(i, part)| match (i, part.split_once('>')) {
            (0, _) => part,
            (_, Some((link, rest))) if link.starts_with("https://") => {
                assert!(
                    !link.contains(char::is_whitespace) && link.is_ascii(),
                    "a link ends where its URL ends: {link:?}"
                );
                rest
            }
            _ => part,
        })
        .collect();
    for pattern in ["www.", "://", "@e", "@p"] {
        assert!(
            !outside.to_lowercase().contains(pattern),
            "{pattern} in {outside}"
        );
    }
    // The report's own link to the source's URL is there, ending where the URL ends.
    assert!(md.contains("<https://example.org/annual>"), "{md}");
    // Rendered, the quote reads as written, and the source's URL is the one link.
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut visible = String::new();
    let mut links = Vec::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => visible.push_str(&t),
            Event::SoftBreak | Event::HardBreak => visible.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            _ => {}
        }
    }
    let visible = visible.replace('\u{2060}', "");
    assert!(
        visible.contains(
            "Visit www.evil.example or https://evil.example/phish, or write to press@evil.example"
        ),
        "{visible}"
    );
    assert_eq!(links, ["https://example.org/annual"], "{md}");
}

#[test]
fn item_9_sarif_uris_are_percent_encoded() {
    let name = "my file #1 %41?.txt";
    let d = extracted(
        name,
        "Council delays the vote\n\nBy Ana Ruiz\n\nThe council spent 4.2 million euros on the study in 2023.\n",
    );
    let (_, out, err) = run(d.path(), &["check", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty(), "{out}");
    let mut seen = Vec::new();
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "{uri}"
        );
        seen.push(uri.to_string());
    }
    assert!(
        seen.iter()
            .any(|u| u == "claims/my%20file%20%231%20%2541%3F.yaml"),
        "{seen:?}"
    );
}

/// The first claim id in `claims/<slug>.yaml`.
fn first_claim(root: &Path, slug: &str) -> String {
    let text = std::fs::read_to_string(root.join(format!("claims/{slug}.yaml"))).unwrap();
    let file: dossier::model::ClaimFile = dossier::store::yaml::from_str(&text).unwrap();
    file.claims[0].id.clone()
}

#[test]
fn item_11_impossible_dates_are_refused() {
    let d = extracted(
        "a.txt",
        "Council delays the vote\n\nBy Ana Ruiz\n\nThe council spent 4.2 million euros on the study in 2023.\n",
    );
    let id = first_claim(d.path(), "a");
    let before = std::fs::read_to_string(d.path().join("claims/a.yaml")).unwrap();
    for date in ["2025-02-31", "2025-02-29", "2024-13-01", "2024-04-31"] {
        let (code, _, err) = run(
            d.path(),
            &["review", &id, "--verdict", "verified", "--date", date],
        );
        assert_eq!(code, 2, "{date}: {err}");
        assert!(err.contains("a day that exists"), "{err}");
        let (code, _, err) = run(d.path(), &["link", &id, "x", "--date", date]);
        assert_eq!(code, 2, "{date}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(d.path().join("claims/a.yaml")).unwrap(),
        before
    );
    let (code, _, err) = run(
        d.path(),
        &[
            "review",
            &id,
            "--verdict",
            "verified",
            "--date",
            "2024-02-29",
        ],
    );
    assert_eq!(code, 0, "a leap day exists: {err}");
}

#[test]
fn item_11_only_web_urls_are_recorded() {
    let d = extracted(
        "a.txt",
        "Council delays the vote\n\nBy Ana Ruiz\n\nThe council spent 4.2 million euros on the study in 2023.\n",
    );
    let id = first_claim(d.path(), "a");
    let before = std::fs::read_to_string(d.path().join("claims/a.yaml")).unwrap();
    for url in [
        "javascript:alert(document.cookie)",
        "JavaScript://%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https:evil.example",
        "https://exa mple.org/",
        "https://",
    ] {
        let (code, _, err) = run(
            d.path(),
            &["review", &id, "--verdict", "verified", "--url", url],
        );
        assert_eq!(code, 2, "{url}: {err}");
        assert!(err.contains("URL"), "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(d.path().join("claims/a.yaml")).unwrap(),
        before
    );
    let (code, _, err) = run(d.path(), &["add", "https://exa mple.org/story"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("white space"), "{err}");
    // A source entry holding one is flagged by check.
    std::fs::create_dir_all(d.path().join("sources")).unwrap();
    std::fs::write(
        d.path().join("sources/odd.yaml"),
        "type: web\ntitle: Odd\nurl: \"https://exa mple.org/report\"\n",
    )
    .unwrap();
    let (_, out, _) = run(d.path(), &["check", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "invalid-value" && f["file"] == "sources/odd.yaml"),
        "{out}"
    );
    let (code, _, err) = run(
        d.path(),
        &[
            "review",
            &id,
            "--verdict",
            "verified",
            "--url",
            "https://example.org/report",
        ],
    );
    assert_eq!(code, 0, "{err}");
}
