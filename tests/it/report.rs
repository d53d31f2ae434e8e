//! `dossier report`: the editor's audit in Markdown, HTML and JSON.
//!
//! Snapshots of a small fixture dossier are compared byte for byte with files under
//! tests/snapshots/. After an intended change of output, rewrite them:
//! `DOSSIER_UPDATE_GOLDEN=1 cargo test --test it` (see `golden`).

use assert_cmd::Command;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures/report").join(name)
}

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(root: &Path, args: &[&str]) -> Out {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    Out {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Run `report` with `args` and expect it to succeed.
fn report(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let out = run(root, &all);
    assert_eq!(out.code, Some(0), "report {args:?} failed: {}", out.stderr);
    out.stdout
}

fn json(root: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&report(root, &all)).unwrap()
}

fn snapshot(name: &str, actual: &str) {
    crate::golden::assert_golden(&manifest().join("tests/snapshots").join(name), actual);
}

/// A fresh dossier holding the repository's own articles, extracted.
fn repo_dossier() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for entry in std::fs::read_dir(manifest().join("articles")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, articles.join(p.file_name().unwrap())).unwrap();
    }
    let out = run(dir.path(), &["extract"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    dir
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Cells of a raw table row: unescaped `|` separate them; rows have leading and trailing pipes.
fn raw_cells(row: &str) -> usize {
    let mut pipes = 0usize;
    let mut chars = row.trim().chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes.saturating_sub(1)
}

/// A parsed Markdown table: the header's cells and each row's cells, as plain text.
#[derive(Debug, Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Parse Markdown; check every table row against its header, in the parse and in the source
/// text; return the tables.
fn tables(md: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut in_head = false;
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    for (event, range) in Parser::new_ext(md, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => out.push(Table::default()),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row = Some(Vec::new());
                let line = md[range].lines().next().unwrap_or("");
                out.last_mut().unwrap().header = vec![String::new(); raw_cells(line)];
            }
            Event::Start(Tag::TableRow) => {
                row = Some(Vec::new());
                let n = out.last().unwrap().header.len();
                assert_eq!(
                    raw_cells(&md[range.clone()]),
                    n,
                    "row with the wrong number of cells: {}",
                    &md[range]
                );
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                    r.push(c);
                }
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                let t = out.last_mut().unwrap();
                let cells = row.take().unwrap();
                assert_eq!(cells.len(), t.header.len(), "header {cells:?}");
                t.header = cells;
            }
            Event::End(TagEnd::TableRow) if !in_head => {
                let t = out.last_mut().unwrap();
                let cells = row.take().unwrap();
                assert_eq!(cells.len(), t.header.len(), "{cells:?} vs {:?}", t.header);
                t.rows.push(cells);
            }
            _ => {}
        }
    }
    assert!(!out.is_empty(), "no tables parsed");
    out
}

/// The code spans dossier's own help texts contain (`url:`, `dossier extract`, …): the only
/// ones a report may show.
fn help_code_spans() -> Vec<String> {
    dossier::check::Rule::ALL
        .iter()
        .flat_map(|r| r.help().split('`').skip(1).step_by(2).map(str::to_string))
        .collect()
}

/// Markdown holds no HTML, no code spans but those of dossier's help texts, no emphasis or
/// strikethrough from text, no links but http(s) autolinks, no images.
fn assert_inert_markdown(md: &str) {
    let allowed = help_code_spans();
    for event in Parser::new_ext(md, markdown_options()) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the Markdown: {h}"),
            Event::Code(c) if !allowed.iter().any(|a| a == &**c) => {
                panic!("a code span from text: {c}")
            }
            Event::Start(Tag::Emphasis) | Event::Start(Tag::Strikethrough) => {
                panic!("markup from text: {event:?}")
            }
            Event::Start(Tag::Image { .. }) => panic!("an image: {event:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let d = dest_url.to_ascii_lowercase();
                assert!(
                    d.starts_with("https://") || d.starts_with("http://"),
                    "a link to {dest_url}"
                );
            }
            Event::Start(Tag::Heading { .. }) => {}
            _ => {}
        }
    }
}

/// HTML holds no script, no `javascript:`, only http(s) and in-page links, and every table's
/// rows have as many cells as its header.
fn assert_safe_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("javascript:"), "a javascript: URL");
    assert!(!lower.contains("<img"), "an image element");
    // No element carries an event handler (text may say "onerror"; a tag may not).
    for tag in lower.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        assert!(
            !tag.split_whitespace().skip(1).any(|a| a.starts_with("on")),
            "an event handler in <{tag}>"
        );
    }
    for href in lower.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#') || href.starts_with("http://") || href.starts_with("https://"),
            "link to {}",
            &href[..href.find('"').unwrap_or(href.len())]
        );
    }
    for (open, close) in [
        ("<table", "</table>"),
        ("<tr", "</tr>"),
        ("<td", "</td>"),
        ("<th ", "</th>"),
        ("<ul", "</ul>"),
        ("<li", "</li>"),
        ("<dl", "</dl>"),
        ("<a ", "</a>"),
        ("<q>", "</q>"),
    ] {
        let extra = if open == "<th " {
            lower.matches("<th>").count()
        } else {
            0
        };
        assert_eq!(
            lower.matches(open).count() + extra,
            lower.matches(close).count(),
            "unbalanced {open}"
        );
    }
    let mut tables = 0;
    for table in lower.split("<table").skip(1) {
        tables += 1;
        let table = &table[..table.find("</table>").expect("closed table")];
        let counts: Vec<usize> = table
            .split("<tr")
            .skip(1)
            .map(|row| row.matches("<td").count() + row.matches("<th").count())
            .collect();
        assert!(counts.len() >= 2, "a table without rows");
        assert!(
            counts.iter().all(|&n| n == counts[0]),
            "rows of different widths: {counts:?}"
        );
    }
    assert!(tables > 0);
}

#[test]
fn the_repositorys_dossier_is_audited_in_full() {
    let d = repo_dossier();
    let md = report(d.path(), &[]);
    let summary = &md[md.find("## Summary").unwrap()..md.find("## Editor's worklist").unwrap()];
    for title in [
        "No Tariffs, Just Trust",
        "US-Russia Relations: What Will be the New Trump Administration",
    ] {
        let row = summary
            .lines()
            .find(|l| l.starts_with("| ") && l.contains(title))
            .unwrap_or_else(|| panic!("{title} not in the summary:\n{summary}"));
        assert!(row.ends_with("% |") && row.contains('░'), "{row}");
    }
    tables(&md);
    assert_inert_markdown(&md);

    // The worklist begins with the most severe findings and never gets more severe.
    let audit = json(d.path(), &[]);
    let rank = |s: &str| ["note", "warning", "error"].iter().position(|x| *x == s);
    let sev: Vec<usize> = audit["worklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| rank(w["severity"].as_str().unwrap()).unwrap())
        .collect();
    assert!(!sev.is_empty());
    assert!(sev.windows(2).all(|w| w[0] >= w[1]), "{sev:?}");
    let check: Value =
        serde_json::from_str(&run(d.path(), &["check", "--format", "json"]).stdout).unwrap();
    let worst = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| rank(f["severity"].as_str().unwrap()))
        .max();
    assert_eq!(Some(sev[0]), worst);
    assert_eq!(
        audit["worklist"].as_array().unwrap().len(),
        check["findings"].as_array().unwrap().len()
    );
    let first = md
        .lines()
        .find(|l| l.starts_with("1. "))
        .expect("a numbered worklist");
    assert!(first.contains("**Error**"), "{first}");

    // Every claim and source check knows of appears in the Markdown and the HTML.
    let html = report(d.path(), &["--format", "html"]);
    let dossier = dossier::store::Dossier::at(d.path()).unwrap();
    let loaded = dossier::store::load::load(&dossier);
    let result = dossier::check::check(&loaded, &dossier::check::Config::default());
    let mut ids: Vec<String> = loaded
        .claims
        .iter()
        .flat_map(|c| c.data.claims.iter().map(|x| x.id.clone()))
        .collect();
    ids.extend(loaded.sources.keys().cloned());
    ids.extend(
        result
            .links
            .iter()
            .flat_map(|f| f.claims.iter().flatten().map(|l| l.source.clone())),
    );
    ids.extend(result.findings.iter().filter_map(|f| f.claim.clone()));
    ids.extend(result.findings.iter().filter_map(|f| f.source.clone()));
    assert!(ids.len() > 25);
    for id in &ids {
        assert!(md.contains(id.as_str()), "{id} missing from the Markdown");
        assert!(html.contains(id.as_str()), "{id} missing from the HTML");
    }
    assert_safe_html(&html);
}

#[test]
fn snapshots_of_the_small_fixture() {
    let root = fixture("small");
    let md = report(&root, &[]);
    let html = report(&root, &["--format", "html"]);
    let json = report(&root, &["--format", "json"]);
    // Two runs give the same bytes.
    assert_eq!(md, report(&root, &[]));
    assert_eq!(html, report(&root, &["--format", "html"]));
    assert_eq!(json, report(&root, &["--format", "json"]));
    snapshot("report-small.md", &md);
    snapshot("report-small.html", &html);
    snapshot("report-small.json", &json);
}

#[test]
fn markdown_tables_are_well_formed() {
    let md = report(&fixture("small"), &[]);
    let t = tables(&md);
    // Summary, rules, source states, traced shares, one claims table per article.
    assert_eq!(t.len(), 6);
    let claims = t.iter().find(|t| t.header[0] == "Claim").unwrap();
    assert_eq!(claims.header.len(), 8);
    assert_eq!(claims.header[7], "Verdict");
    assert!(claims.rows.iter().all(|r| r[7] == "—"));
    let traced = t.iter().find(|t| t.header[0] == "Article").unwrap();
    let shares: Vec<&str> = traced.rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(shares, ["█████░░░░░ 50%", "███░░░░░░░ 33%"]);
    assert_inert_markdown(&md);
}

#[test]
fn the_audit_model_covers_every_state() {
    let a = json(&fixture("small"), &[]);
    assert_eq!(a["version"], 1);
    let s = &a["summary"];
    assert_eq!(s["articles"], 2);
    assert_eq!(s["claims"]["total"], 7);
    assert_eq!(s["sources"]["verified"], 3);
    assert_eq!(s["sources"]["no_locator"], 3);
    assert_eq!(s["sources"]["missing"], 1);
    let states: Vec<&str> = a["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["claims"].as_array().unwrap())
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    for st in ["traced", "unverified", "untraced"] {
        assert!(states.contains(&st), "{st} in {states:?}");
    }
    let parks = a["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "parks-trust-2024-parks-budget-cuts-and-library")
        .unwrap();
    assert_eq!(parks["relied_on_by"].as_array().unwrap().len(), 0);
    assert_eq!(parks["suggested_for"][0]["how"], "inferred");
    let md = report(&fixture("small"), &[]);
    assert!(md.contains("Suggestions, not yet confirmed"));
    assert!(md.contains("- Entry: **missing** (no sources/reuters.yaml)"));
}

#[test]
fn injected_text_stays_text() {
    let root = fixture("injection");
    let md = report(&root, &[]);
    assert_inert_markdown(&md);
    let t = tables(&md);
    let claims = t.iter().find(|t| t.header[0] == "Claim").unwrap();
    let row = |id: &str| {
        claims
            .rows
            .iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("no row for {id}"))
    };
    // The speaker, with a pipe, a newline, an image tag and a link, is one cell of plain text.
    assert_eq!(
        row("q-f62484b6")[2],
        "Eve | Mallory <img src=x onerror=alert(1)>, `Chief` *Editor* [x](javascript:alert(1))"
    );
    assert_eq!(
        row("q-f62484b6")[3],
        "Pay | attention to `rm -rf` and <script>alert(1)</script> now,"
    );
    // A backslash before a pipe stays a backslash and a pipe.
    assert!(row("a-a6c959d5")[3].ends_with("2025 \\| with a pipe."));
    // Newlines, table syntax and a heading inside a claim: one cell, one line.
    assert_eq!(
        row("a-|<b>`x`")[3],
        "line one | a | b | |---|---| # heading - item <script>alert(1)</script>"
    );
    // The 5,000-character quote is cut to 200 characters with an ellipsis.
    let long = &row("q-a2c5349f")[3];
    assert_eq!(long.chars().count(), 200, "{long}");
    assert!(long.ends_with('…'));
    assert!(md.lines().all(|l| l.chars().count() < 2000));

    let html = report(&root, &["--format", "html"]);
    assert_safe_html(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Eve | Mallory\n&lt;img src=x onerror=alert(1)&gt;"));
    // Only the http(s) URL is a link.
    assert!(html.contains("href=\"https://evil.example/a%7Cb\""));
    let json = report(&root, &["--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    // The JSON model keeps the whole quote.
    let full = v["articles"][0]["claims"][2]["text"].as_str().unwrap();
    assert!(full.chars().count() > 4900);
}

#[test]
fn filters_narrow_the_audit() {
    let root = fixture("small");
    let a = json(&root, &["--article", "port-strike"]);
    assert_eq!(a["filter"]["articles"][0], "port-strike");
    assert_eq!(a["summary"]["articles"], 1);
    assert_eq!(a["articles"].as_array().unwrap().len(), 1);
    let sources: Vec<&str> = a["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "harbour-gazette-2025-dockers-walk-out-over-pay",
            "port-authority",
            "shipping-weekly-2024-cargo-delays-and-port-labour"
        ]
    );
    for w in a["worklist"].as_array().unwrap() {
        let file = w["at"]["file"].as_str().unwrap();
        assert!(
            !file.contains("council") && !file.contains("valley"),
            "{file}"
        );
    }
    let md = report(&root, &["--article", "port-strike"]);
    assert!(md.contains("Filtered to articles port-strike."));
    assert!(!md.contains("Council Passes"));

    let a = json(&root, &["--rule", "uncited-claim"]);
    let items = a["worklist"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|w| w["rule"] == "uncited-claim"));
    assert_eq!(a["summary"]["findings"]["total"], 2);
    // The rule filter narrows findings, not the claims shown.
    assert_eq!(a["summary"]["claims"]["total"], 7);

    let a = json(&root, &["--severity", "error"]);
    let items = a["worklist"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert!(items.iter().all(|w| w["severity"] == "error"));
    let a = json(
        &root,
        &[
            "--severity",
            "warning",
            "--rule",
            "missing-source",
            "--rule",
            "uncited-claim",
        ],
    );
    assert_eq!(a["worklist"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_filters_and_missing_dossiers_exit_2() {
    let root = fixture("small");
    let out = run(&root, &["report", "--article", "nope"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("no article `nope`"), "{}", out.stderr);
    assert!(
        out.stderr.contains("council-budget, port-strike"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());

    let out = run(&root, &["report", "--rule", "nope"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("unknown rule `nope`"), "{}", out.stderr);
    assert!(out.stderr.contains("uncited-claim"), "{}", out.stderr);

    let out = run(&root, &["report", "--severity", "fatal"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("warning"), "{}", out.stderr);

    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("articles")).unwrap();
    let out = run(empty.path(), &["report"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("dossier extract"), "{}", out.stderr);

    let missing = empty.path().join("no-such-dir");
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(empty.path())
        .arg("--root")
        .arg(&missing)
        .arg("report")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn findings_do_not_fail_the_report_and_output_goes_to_a_file() {
    let root = fixture("small");
    assert_eq!(run(&root, &["check"]).code, Some(1));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out/audit.html");
    let out = run(
        &root,
        &[
            "report",
            "--format",
            "html",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, report(&root, &["--format", "html"]));
    assert!(written.contains("<meta name=\"viewport\""));
    assert!(written.contains("@media print"));
    assert!(written.contains("style=\"width:50%\""));
}
