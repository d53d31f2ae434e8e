//! Hostile input: editors' comments survive every command that rewrites their files (item 4).
//!
//! Each test writes comments into a file the way an editor would (on lines of their own and at
//! the ends of lines), runs the command that rewrites the file, and checks that every comment
//! is still there, at its place, that the file still reads back, and that running the command
//! again changes no byte.

use dossier::model::{ClaimFile, SourceEntry};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

const ARTICLE: &str = "Council delays the harbour vote\n\nBy Ana Ruiz\n\nPort Ellery, 3 March 2024\n\n\
\"We will not rush this,\" said Mayor Tom Reyes. The council spent 4.2 million euros on the \
study in 2023, according to the annual report.\n\nThe harbour handled 12 million tonnes of cargo in 2022.\n";

/// `dossier --root DIR ARGS`: exit code, stdout, stderr. No run may panic.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    super::dossier(dir, args, "Ann Editor")
}

fn extracted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), ARTICLE).unwrap();
    let (code, _, err) = run(dir.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    dir
}

fn claim_file(text: &str) -> ClaimFile {
    dossier::store::yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The id of the claim whose words contain `words`.
fn id_of(text: &str, words: &str) -> String {
    claim_file(text)
        .claims
        .iter()
        .find(|c| c.text.contains(words))
        .unwrap_or_else(|| panic!("no claim with {words:?}"))
        .id
        .clone()
}

/// The lines of claim `id`'s block in the claim file: from its `- id:` line to the next claim.
fn block_of<'a>(text: &'a str, id: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == format!("- id: {id}") || l.starts_with(&format!("- id: {id}  #")))
        .unwrap_or_else(|| panic!("no claim {id} in\n{text}"));
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with("- id: "))
        .map_or(lines.len(), |k| start + 1 + k);
    lines[start..end].to_vec()
}

/// `text` with `comment` put on a line of its own before the line starting with `before`.
fn comment_before(text: &str, before: &str, comment: &str) -> String {
    let at = text
        .find(&format!("\n{before}"))
        .unwrap_or_else(|| panic!("no line {before:?}"))
        + 1;
    format!("{}{comment}\n{}", &text[..at], &text[at..])
}

/// `text` with `comment` at the end of the first line containing `on` after `after`.
fn comment_after(text: &str, after: &str, on: &str, comment: &str) -> String {
    let from = text.find(after).unwrap();
    let at = from + text[from..].find(on).unwrap();
    let eol = at + text[at..].find('\n').unwrap();
    format!("{}  {comment}{}", &text[..eol], &text[eol..])
}

#[test]
fn extract_keeps_comments_on_claims_that_survive_and_on_claims_whose_sentence_changed() {
    let d = extracted();
    let path = d.path().join("claims/a.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let quote = id_of(&text, "We will not rush this");
    let harbour = id_of(&text, "12 million tonnes");
    // The quote: a whole-line comment above it, one at the end of its speaker's line.
    let text = comment_before(
        &text,
        &format!("- id: {quote}"),
        "# desk: call the mayor's office",
    );
    let text = comment_after(
        &text,
        &format!("- id: {quote}"),
        "  speaker:",
        "# spelling?",
    );
    // The harbour claim: a whole-line comment above it and one at the end of its words.
    let text = comment_before(&text, &format!("- id: {harbour}"), "# port statistics");
    let text = comment_after(
        &text,
        &format!("- id: {harbour}"),
        "  text:",
        "# 2022 or 2021?",
    );
    // And one at the top of the file.
    let text = comment_before(&text, "version:", "# audited for the March issue");
    std::fs::write(&path, &text).unwrap();

    // The harbour sentence is edited: its claim gets new words and a new id.
    let edited = ARTICLE.replace("12 million tonnes", "13 million tonnes");
    std::fs::write(d.path().join("articles/a.txt"), edited).unwrap();
    let (code, _, err) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    let out = std::fs::read_to_string(&path).unwrap();
    let new_harbour = id_of(&out, "13 million tonnes");
    assert_ne!(new_harbour, harbour);

    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "# audited for the March issue", "{out}");
    let above = |id: &str| {
        let k = lines
            .iter()
            .position(|l| l.starts_with(&format!("- id: {id}")))
            .unwrap();
        lines[k - 1]
    };
    assert_eq!(above(&quote), "# desk: call the mayor's office", "{out}");
    assert!(block_of(&out, &quote)
        .iter()
        .any(|l| l.starts_with("  speaker: ") && l.ends_with("  # spelling?")));
    assert_eq!(above(&new_harbour), "# port statistics", "{out}");
    assert!(
        block_of(&out, &new_harbour)
            .iter()
            .any(|l| l.contains("13 million tonnes") && l.ends_with("  # 2022 or 2021?")),
        "{out}"
    );
    assert_eq!(claim_file(&out).claims.len(), 3, "{out}");

    // Once more: nothing changes, and extract --check agrees.
    let (code, _, err) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), out);
    let (code, _, err) = run(d.path(), &["extract", "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn review_of_a_claim_keeps_the_claim_files_comments() {
    let d = extracted();
    let path = d.path().join("claims/a.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let council = id_of(&text, "4.2 million euros");
    let text = comment_before(&text, &format!("- id: {council}"), "# budget line 7");
    let text = comment_after(
        &text,
        &format!("- id: {council}"),
        "  text:",
        "# euros, not dollars",
    );
    std::fs::write(&path, &text).unwrap();

    let (code, _, err) = run(d.path(), &["review", &council, "--verdict", "verified"]);
    assert_eq!(code, 0, "{err}");
    let out = std::fs::read_to_string(&path).unwrap();
    let block = block_of(&out, &council);
    assert!(out.contains("# budget line 7\n- id: "), "{out}");
    assert!(
        block
            .iter()
            .any(|l| l.starts_with("  text: ") && l.ends_with("  # euros, not dollars")),
        "{out}"
    );
    let file = claim_file(&out);
    let c = file.claims.iter().find(|c| c.id == council).unwrap();
    assert_eq!(c.review.as_ref().unwrap().by, "Ann Editor");

    // A note, then extract: the comments stay where they are, once each.
    let (code, _, err) = run(d.path(), &["review", &council, "--note", "phoned"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(d.path(), &["extract"]);
    assert_eq!(code, 0, "{err}");
    let again = std::fs::read_to_string(&path).unwrap();
    assert_eq!(again.matches("# budget line 7").count(), 1, "{again}");
    assert_eq!(again.matches("# euros, not dollars").count(), 1, "{again}");
}

/// A source entry an editor annotated, including a quote mark inside a plain value before a
/// comment (which a text scan takes for the start of a quoted string).
fn annotated_entry(url: &str, header: bool) -> String {
    let header = if header {
        "# from the desk's card index\n"
    } else {
        ""
    };
    format!(
        "# yaml-language-server: $schema=../schemas/source.schema.json\n\
         {header}type: web\n\
         title: The 12\" single\n\
         publisher: X  # confirm label\n\
         url: {url}   # the page moved once\n\
         notes:\n\
         - first pressing\n"
    )
}

fn assert_annotations_kept(text: &str, header: bool) {
    if header {
        assert!(
            text.contains("\n# from the desk's card index\ntype: web\n"),
            "{text}"
        );
    }
    assert!(text.contains("\npublisher: X  # confirm label\n"), "{text}");
    assert!(text.contains("  # the page moved once\n"), "{text}");
    dossier::store::yaml::from_str::<SourceEntry>(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
}

#[test]
fn review_of_a_source_with_a_note_keeps_the_entrys_comments() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("sources")).unwrap();
    let path = d.path().join("sources/single.yaml");
    std::fs::write(&path, annotated_entry("https://example.org/single", true)).unwrap();
    let (code, _, err) = run(d.path(), &["review", "single", "--note", "label confirmed"]);
    assert_eq!(code, 0, "{err}");
    let out = std::fs::read_to_string(&path).unwrap();
    assert_annotations_kept(&out, true);
    let entry: SourceEntry = dossier::store::yaml::from_str(&out).unwrap();
    assert_eq!(entry.notes, ["first pressing", "label confirmed"]);
    let (code, _, err) = run(d.path(), &["review", "single", "--verdict", "verified"]);
    assert_eq!(code, 0, "{err}");
    assert_annotations_kept(&std::fs::read_to_string(&path).unwrap(), true);
}

/// A server on 127.0.0.1 answering every request with a short text page; returns its URL.
fn serve_text() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/single", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let body = "The 12\" single, first pressing.\n";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

#[test]
fn fetch_is_not_fooled_by_a_quote_mark_and_keeps_the_comments() {
    let url = serve_text();
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("sources")).unwrap();
    let path = d.path().join("sources/single.yaml");
    std::fs::write(&path, annotated_entry(&url, false)).unwrap();
    let (code, _, err) = run(d.path(), &["fetch", "single"]);
    assert_eq!(code, 0, "{err}");
    let out = std::fs::read_to_string(&path).unwrap();
    // A text scan took the quote mark for the start of a quoted value and saw no comment.
    assert_annotations_kept(&out, false);
    let entry: SourceEntry = dossier::store::yaml::from_str(&out).unwrap();
    assert_eq!(entry.last_fetch.unwrap().outcome, "ok");
    assert!(entry.snapshot.is_some());
}
