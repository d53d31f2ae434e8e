//! Fetching against a server on 127.0.0.1 that each test starts itself: no test touches the
//! internet.

use assert_cmd::Command;
use dossier::fetch::{classify, get, FetchError, Liveness, Policy};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// A canned answer.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
    /// Send a Content-Length header.
    length: bool,
}

fn answer(status: u16, ct: &str, body: &str) -> Answer {
    Answer {
        status,
        headers: vec![("Content-Type".into(), ct.into())],
        body: body.as_bytes().to_vec(),
        delay: Duration::ZERO,
        length: true,
    }
}

fn redirect(status: u16, to: &str) -> Answer {
    Answer {
        status,
        headers: vec![("Location".into(), to.into())],
        body: Vec::new(),
        delay: Duration::ZERO,
        length: true,
    }
}

const PAGE: &str = "<html><head><title>x</title><script>var a='<p>no</p>';</script></head><body>\
    <nav>Home | World</nav><h1>Interview</h1><p>We must do everything possible to prevent \
    contradictions from escalating into confrontation.</p><p>Trade&nbsp;talks will go on.</p></body></html>";

const STORY: &str = "<html><head><title>Harbour</title></head><body><nav>Home | Sport</nav>\
    <article><h1>Harbour cranes idle as talks stall</h1><p>By Ana Ruiz</p>\
    <p>\u{201c}We will not sign this offer,\u{201d} said Tom Berg, the union's secretary.</p>\
    <p>The port handled 12 million tonnes in 2023.</p></article></body></html>";

/// Set when the server receives `/slow-edited`.
static SLOW_EDITED_ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Start a server answering by path; returns its base URL.
fn serve(route: fn(&str, &str) -> Answer) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let b = b.clone();
            std::thread::spawn(move || handle(stream, &b, route));
        }
    });
    base
}

fn handle(mut stream: TcpStream, base: &str, route: fn(&str, &str) -> Answer) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut ua = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if line.to_ascii_lowercase().starts_with("user-agent:") {
            ua = line[11..].trim().to_string();
        }
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut a = if path == "/ua" {
        answer(200, "text/plain", &ua)
    } else {
        route(&path, base)
    };
    std::thread::sleep(a.delay);
    let reason = match a.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Status",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\nConnection: close\r\n", a.status);
    if a.length {
        head.push_str(&format!("Content-Length: {}\r\n", a.body.len()));
    }
    for (k, v) in a.headers.drain(..) {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&a.body);
    let _ = stream.flush();
}

fn routes(path: &str, base: &str) -> Answer {
    match path {
        "/ok" => answer(200, "text/html; charset=utf-8", PAGE),
        "/text" => answer(200, "text/plain", "Plain words, kept as they are.\n"),
        "/news/harbour-story.html" => answer(200, "text/html", STORY),
        "/a" => redirect(301, "/b"),
        "/b" => redirect(301, &format!("{base}/ok")),
        "/temp" => redirect(302, "/ok"),
        "/loop1" => redirect(302, "/loop2"),
        "/loop2" => redirect(302, "/loop1"),
        "/js" => redirect(302, "javascript:alert(1)"),
        "/ftp" => redirect(301, "ftp://example.org/file"),
        "/gone" => answer(404, "text/html", "<p>Not here</p>"),
        "/busy" => answer(429, "text/plain", "slow down"),
        "/forbidden" => answer(403, "text/html", "<p>No bots</p>"),
        "/challenge" => answer(
            200,
            "text/html",
            "<html><head><title>Just a moment...</title></head><body>checking</body></html>",
        ),
        "/slow-edited" => {
            // The request arrives after fetch has read the entry: the test may now edit it.
            SLOW_EDITED_ASKED.store(true, std::sync::atomic::Ordering::SeqCst);
            Answer {
                delay: Duration::from_secs(2),
                ..answer(200, "text/plain", "late")
            }
        }
        "/slow" => Answer {
            delay: Duration::from_secs(3),
            ..answer(200, "text/plain", "late")
        },
        "/big" => answer(200, "text/plain", &"x".repeat(300_000)),
        "/big-unannounced" => Answer {
            length: false,
            ..answer(200, "text/plain", &"y".repeat(300_000))
        },
        "/pdf" => answer(200, "application/pdf", "%PDF-1.4"),
        "/archived" => answer(200, "text/html", "<p>The archived words of the page.</p>"),
        p if p.starts_with("/chain/") => {
            let n: u32 = p[7..].parse().unwrap_or(0);
            redirect(301, &format!("/chain/{}", n + 1))
        }
        p if p.starts_with("/wayback/available") => {
            let body = if p.contains("gone-archived") {
                format!(
                    r#"{{"url":"x","archived_snapshots":{{"closest":{{"available":true,"url":"{base}/archived","timestamp":"20250101000000","status":"200"}}}}}}"#
                )
            } else {
                r#"{"url":"x","archived_snapshots":{}}"#.to_string()
            };
            answer(200, "application/json", &body)
        }
        "/gone-archived" => answer(410, "text/plain", "gone"),
        _ => answer(404, "text/plain", "no such page"),
    }
}

fn policy() -> Policy {
    Policy {
        timeout: Duration::from_millis(1500),
        max_redirects: 5,
        max_bytes: 100_000,
        ..Policy::default()
    }
}

#[test]
fn a_page_is_fetched_with_an_honest_user_agent() {
    let base = serve(routes);
    let f = get(&format!("{base}/ok"), &policy()).unwrap();
    assert_eq!(f.status, 200);
    assert_eq!(classify(&Ok(f.clone())), Liveness::Live);
    let ua = get(&format!("{base}/ua"), &policy()).unwrap();
    let ua = String::from_utf8(ua.body).unwrap();
    assert!(
        ua.starts_with(&format!("dossier/{} (+", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );
}

#[test]
fn permanent_redirect_chains_are_followed_and_reported_as_moves() {
    let base = serve(routes);
    let r = get(&format!("{base}/a"), &policy());
    let f = r.as_ref().unwrap();
    assert_eq!(f.final_url, format!("{base}/ok"));
    assert_eq!(f.redirects.len(), 2);
    assert_eq!(
        classify(&r),
        Liveness::Moved {
            to: format!("{base}/ok")
        }
    );
    // A temporary redirect is no move.
    assert_eq!(
        classify(&get(&format!("{base}/temp"), &policy())),
        Liveness::Live
    );
}

#[test]
fn redirect_loops_and_long_chains_stop() {
    let base = serve(routes);
    assert!(matches!(
        get(&format!("{base}/loop1"), &policy()),
        Err(FetchError::RedirectLoop(_))
    ));
    assert_eq!(
        get(&format!("{base}/chain/0"), &policy()),
        Err(FetchError::TooManyRedirects(5))
    );
}

#[test]
fn only_http_is_fetched_and_followed() {
    let base = serve(routes);
    for url in [
        "ftp://example.org/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
    ] {
        let r = get(url, &policy());
        assert_eq!(r, Err(FetchError::Scheme(url.to_string())));
        assert!(matches!(classify(&r), Liveness::Refused { .. }));
    }
    for path in ["/js", "/ftp"] {
        let r = get(&format!("{base}{path}"), &policy());
        assert!(
            matches!(r, Err(FetchError::RedirectScheme(_))),
            "{path}: {r:?}"
        );
        assert!(matches!(classify(&r), Liveness::Refused { .. }));
    }
}

#[test]
fn gone_pages_are_dead_and_bot_walls_are_not() {
    let base = serve(routes);
    assert_eq!(
        classify(&get(&format!("{base}/gone"), &policy())),
        Liveness::Dead { status: 404 }
    );
    for path in ["/busy", "/forbidden", "/challenge"] {
        let c = classify(&get(&format!("{base}{path}"), &policy()));
        assert!(
            matches!(c, Liveness::CouldNotVerify { .. }),
            "{path}: {c:?}"
        );
    }
}

#[test]
fn a_slow_server_times_out() {
    let base = serve(routes);
    let r = get(&format!("{base}/slow"), &policy());
    assert!(matches!(r, Err(FetchError::Timeout(_))), "{r:?}");
    assert!(matches!(classify(&r), Liveness::CouldNotVerify { .. }));
}

#[test]
fn oversized_bodies_are_refused_announced_or_not() {
    let base = serve(routes);
    for path in ["/big", "/big-unannounced"] {
        assert_eq!(
            get(&format!("{base}{path}"), &policy()),
            Err(FetchError::TooLarge(100_000)),
            "{path}"
        );
    }
}

// The command line.

fn dossier_with(sources: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("sources")).unwrap();
    std::fs::create_dir_all(d.path().join("claims")).unwrap();
    std::fs::create_dir_all(d.path().join("articles")).unwrap();
    for (id, url) in sources {
        std::fs::write(
            d.path().join(format!("sources/{id}.yaml")),
            format!(
                "# yaml-language-server: $schema=../schemas/source.schema.json\ntype: web\ntitle: The interview\nauthor: [A. Writer, B. Writer]\ndate: 2025-04-01\nurl: {url}\npublisher: Outlet\ncited-as:\n- Outlet (2025)\nnotes:\n- checked by the desk\n"
            ),
        )
        .unwrap();
    }
    d
}

fn dossier_cmd(root: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.arg("--root").arg(root);
    c
}

fn entry(root: &std::path::Path, id: &str) -> dossier::model::SourceEntry {
    let text = std::fs::read_to_string(root.join(format!("sources/{id}.yaml"))).unwrap();
    dossier::store::yaml::from_str(&text).unwrap()
}

#[test]
fn fetch_writes_a_snapshot_and_keeps_everything_the_editor_wrote() {
    let base = serve(routes);
    let d = dossier_with(&[
        ("page", &format!("{base}/a")),
        ("gone", &format!("{base}/gone")),
    ]);
    let before = entry(d.path(), "page");
    let out = dossier_cmd(d.path())
        .args(["fetch", "page"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = entry(d.path(), "page");
    let snap = after.snapshot.clone().unwrap();
    assert_eq!(snap.path(), "sources/snapshots/page.txt");
    let text = std::fs::read_to_string(d.path().join(snap.path())).unwrap();
    assert!(
        text.contains("prevent contradictions from escalating"),
        "{text}"
    );
    assert!(!text.contains("no") || !text.contains("<p>"), "{text}");
    assert!(
        !text.contains("Home | World"),
        "navigation is dropped: {text}"
    );
    let dossier::model::Snapshot::Recorded(r) = &snap else {
        panic!("{snap:?}")
    };
    assert_eq!(r.url.as_deref(), Some(format!("{base}/ok").as_str()));
    assert_eq!(
        r.sha256.as_deref(),
        Some(dossier::util::sha256_hex(text.as_bytes()).as_str())
    );
    let lf = after.last_fetch.clone().unwrap();
    assert_eq!((lf.outcome.as_str(), lf.status), ("moved", Some(200)));
    // Everything else is as the editor wrote it, schema line included.
    let same = dossier::model::SourceEntry {
        snapshot: None,
        last_fetch: None,
        ..after.clone()
    };
    assert_eq!(same, before);
    let raw = std::fs::read_to_string(d.path().join("sources/page.yaml")).unwrap();
    assert!(raw.starts_with("# yaml-language-server: $schema=../schemas/source.schema.json\n"));
    // The snapshot is then used by check, and its hash verified.
    std::fs::write(d.path().join(snap.path()), "edited").unwrap();
    let out = dossier_cmd(d.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "snapshot-changed" && f["source"] == "page"));
}

#[test]
fn failures_are_recorded_never_cached_as_snapshots() {
    let base = serve(routes);
    let d = dossier_with(&[
        ("gone", &format!("{base}/gone")),
        ("busy", &format!("{base}/busy")),
        ("big", &format!("{base}/big")),
        ("js", &format!("{base}/js")),
        ("pdf", &format!("{base}/pdf")),
    ]);
    let out = dossier_cmd(d.path())
        .args(["fetch", "--max-bytes", "100000", "--timeout", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for (id, outcome) in [
        ("gone", "dead"),
        ("busy", "could-not-verify"),
        ("big", "refused"),
        ("js", "refused"),
        ("pdf", "refused"),
    ] {
        let e = entry(d.path(), id);
        assert_eq!(e.snapshot, None, "{id}");
        let lf = e.last_fetch.unwrap();
        assert_eq!(lf.outcome, outcome, "{id}: {lf:?}");
        assert!(err.contains(&format!("{id}: {outcome}")), "{err}");
    }
    assert!(err.contains("javascript:alert(1)"), "{err}");
    assert!(err.contains("larger than the cap"), "{err}");
    assert!(!d.path().join("sources/snapshots").exists());
}

#[test]
fn archive_copies_stand_in_for_gone_pages() {
    let base = serve(routes);
    let d = dossier_with(&[
        ("saved", &format!("{base}/gone-archived")),
        ("lost", &format!("{base}/gone")),
    ]);
    let out = dossier_cmd(d.path())
        .args(["fetch", "--archive", "--archive-api", &base])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "`lost` has no copy");
    let saved = entry(d.path(), "saved");
    assert_eq!(saved.last_fetch.unwrap().outcome, "archived");
    assert_eq!(
        saved.archive_url.as_deref(),
        Some(format!("{base}/archived").as_str())
    );
    let text = std::fs::read_to_string(d.path().join("sources/snapshots/saved.txt")).unwrap();
    assert_eq!(text, "The archived words of the page.\n");
    let lost = entry(d.path(), "lost");
    assert_eq!(lost.snapshot, None);
    assert!(lost
        .last_fetch
        .unwrap()
        .message
        .unwrap()
        .contains("no copy"));
}

#[test]
fn hand_written_snapshots_are_never_overwritten_and_comments_are_kept() {
    let base = serve(routes);
    let d = dossier_with(&[("page", &format!("{base}/ok"))]);
    let p = d.path().join("sources/page.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::create_dir_all(d.path().join("sources/snapshots")).unwrap();
    std::fs::write(d.path().join("sources/snapshots/page.txt"), "typed by hand").unwrap();
    std::fs::write(&p, format!("{text}snapshot: sources/snapshots/page.txt\n")).unwrap();
    let out = dossier_cmd(d.path())
        .args(["fetch", "page"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(d.path().join("sources/snapshots/page.txt")).unwrap(),
        "typed by hand"
    );
    assert_eq!(
        entry(d.path(), "page").last_fetch.unwrap().outcome,
        "refused"
    );
    // With comments in the entry, the attempt is recorded and the comments kept.
    std::fs::write(&p, format!("{text}# ask the desk\n")).unwrap();
    let out = dossier_cmd(d.path())
        .args(["fetch", "page"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read_to_string(&p)
        .unwrap()
        .ends_with("# ask the desk\n"));
    assert_eq!(
        entry(d.path(), "page").last_fetch.unwrap().outcome,
        "refused"
    );
}

#[test]
fn check_online_reports_liveness_and_writes_nothing() {
    let base = serve(routes);
    let d = dossier_with(&[
        ("live", &format!("{base}/ok")),
        ("moved", &format!("{base}/a")),
        ("gone", &format!("{base}/gone")),
        ("busy", &format!("{base}/busy")),
        ("js", &format!("{base}/js")),
    ]);
    let before: Vec<String> = ["live", "moved", "gone", "busy", "js"]
        .iter()
        .map(|id| std::fs::read_to_string(d.path().join(format!("sources/{id}.yaml"))).unwrap())
        .collect();
    let out = dossier_cmd(d.path())
        .args(["check", "--online", "--timeout", "2", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rule_of = |src: &str| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["source"] == src)
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(rule_of("live").is_empty(), "{:?}", rule_of("live"));
    assert_eq!(rule_of("moved"), ["moved-link"]);
    assert_eq!(rule_of("gone"), ["dead-link"]);
    assert_eq!(rule_of("busy"), ["link-unverified"]);
    assert_eq!(rule_of("js"), ["link-unverified"]);
    let after: Vec<String> = ["live", "moved", "gone", "busy", "js"]
        .iter()
        .map(|id| std::fs::read_to_string(d.path().join(format!("sources/{id}.yaml"))).unwrap())
        .collect();
    assert_eq!(before, after);
    assert!(!d.path().join("sources/snapshots").exists());
    // Offline, none of these findings.
    let out = dossier_cmd(d.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "dead-link"));
}

#[test]
fn an_entry_edited_while_its_page_is_fetched_keeps_the_edit() {
    use dossier::fetch::source::{fetch_source, Options, SourceError};
    let base = serve(routes);
    let d = dossier_with(&[("late", &format!("{base}/slow-edited"))]);
    let path = d.path().join("sources/late.yaml");
    let root = d.path().to_path_buf();
    let opts = Options {
        policy: Policy {
            timeout: Duration::from_secs(20),
            ..policy()
        },
        ..Options::default()
    };
    let fetching = std::thread::spawn(move || fetch_source(&root, "late", &opts));
    // The server answers two seconds after the request; the editor saves a change meanwhile.
    let asked = std::time::Instant::now();
    while !SLOW_EDITED_ASKED.load(std::sync::atomic::Ordering::SeqCst) {
        assert!(asked.elapsed() < Duration::from_secs(60), "no request came");
        std::thread::sleep(Duration::from_millis(5));
    }
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("checked by the desk", "publisher confirmed by phone");
    std::fs::write(&path, &edited).unwrap();
    match fetching.join().unwrap() {
        Err(SourceError::Changed { .. }) => {}
        other => panic!("expected the fetch to stand down, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert!(!d.path().join("sources/snapshots").exists());
}

#[test]
fn add_fetches_an_article_page_as_readable_text_and_extracts_it() {
    let base = serve(routes);
    let d = tempfile::tempdir().unwrap();
    dossier_cmd(d.path()).arg("init").assert().success();
    let out = dossier_cmd(d.path())
        .args(["add", &format!("{base}/news/harbour-story.html")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let articles: Vec<_> = std::fs::read_dir(d.path().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(articles.len(), 1, "{articles:?}");
    let text = std::fs::read_to_string(&articles[0]).unwrap();
    assert!(
        text.contains("Harbour cranes idle as talks stall"),
        "{text}"
    );
    assert!(
        !text.contains('<') && !text.contains("Home | Sport"),
        "{text}"
    );
    let claims = std::fs::read_dir(d.path().join("claims")).unwrap().count();
    assert_eq!(claims, 1, "the fetched article was extracted");
    let claim_file = std::fs::read_to_string(
        std::fs::read_dir(d.path().join("claims"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    assert!(claim_file.contains("Tom Berg"), "{claim_file}");

    // A page that is gone adds nothing.
    let out = dossier_cmd(d.path())
        .args(["add", &format!("{base}/gone")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
    assert_eq!(
        std::fs::read_dir(d.path().join("articles"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn fetch_never_replaces_a_file_it_did_not_write_and_keeps_comments() {
    let base = serve(routes);
    let d = dossier_with(&[("saved", &format!("{base}/text"))]);
    // An editor saved the source's text by hand where fetch would put its snapshot.
    let by_hand = d.path().join("sources/snapshots/saved.txt");
    std::fs::create_dir_all(by_hand.parent().unwrap()).unwrap();
    std::fs::write(&by_hand, "Transcribed from the print edition.\n").unwrap();
    let out = dossier_cmd(d.path())
        .args(["fetch", "saved"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&by_hand).unwrap(),
        "Transcribed from the print edition.\n"
    );
    let e = entry(d.path(), "saved");
    assert_eq!(e.snapshot, None);
    assert_eq!(e.last_fetch.unwrap().outcome, "refused");
    // Asked to, it replaces the file.
    let out = dossier_cmd(d.path())
        .args(["fetch", "--force", "saved"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&by_hand).unwrap(),
        "Plain words, kept as they are.\n"
    );

    // A comment at the end of a line stays at the end of its line.
    let path = d.path().join("sources/saved.yaml");
    let commented = std::fs::read_to_string(&path).unwrap().replace(
        "type: web",
        "type: web   # the desk: check the print edition",
    );
    std::fs::write(&path, &commented).unwrap();
    let out = dossier_cmd(d.path())
        .args(["fetch", "saved"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("\ntype: web  # the desk: check the print edition\n"));
}
