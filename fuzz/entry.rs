//! The fuzzing entry points, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`) and by
//! `tests/it/fuzz_corpus.rs`, which replays every committed input through these same functions
//! under a normal `cargo test`.
//!
//! Each function takes arbitrary bytes, drives one part of the library with them, and panics
//! only when an invariant breaks (a claim whose text is not the article's bytes at its span, a
//! claim file that does not read back as written) or when the library itself panics.
//!
//! Inputs with several parts separate them with a NUL byte; a part that is not UTF-8 is
//! replaced lossily (the loaders only ever see `String`s).

#![allow(dead_code)]

use dossier::article::{load::validate_article_bytes, Article, Format};
use dossier::check::{check, Config};
use dossier::extract::{extract, references};
use dossier::report::audit::{self, Filter};
use dossier::report::{render_html, render_markdown};
use dossier::report::{Github, Human, Json, Reporter, Sarif, Texts};
use dossier::store::load::{parse_claim_file, parse_source_entry, LoadedDossier};
use dossier::store::{claims, yaml};
use std::path::Path;

/// Inputs larger than this are cut: the loaders and extraction are linear-ish, and the fuzzer
/// learns nothing from size alone.
const MAX_INPUT: usize = 64 * 1024;

fn parts(data: &[u8], n: usize) -> Vec<String> {
    let data = &data[..data.len().min(MAX_INPUT)];
    let mut out: Vec<String> = data
        .splitn(n, |&b| b == 0)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    out.resize(n, String::new());
    out
}

/// Run every rule and every renderer over a loaded dossier; none may panic.
fn check_and_render(d: &LoadedDossier) {
    let result = check(d, &Config::default());
    let texts = Texts::of(d);
    let reporters: [&dyn Reporter; 5] = [
        &Human {
            color: false,
            width: 80,
            only: None,
        },
        &Human {
            color: true,
            width: 20,
            only: None,
        },
        &Json { jobs: 1 },
        &Github::default(),
        &Sarif::default(),
    ];
    for r in reporters {
        let _ = r.render(&result, &texts);
    }
    let audit = audit::build(d, &result, &Filter::default(), 2).expect("no filter cannot fail");
    let _ = render_markdown(&audit);
    let _ = render_html(&audit);
    let json = audit.to_json();
    serde_json::from_str::<serde_json::Value>(&json).expect("the report's JSON parses");
}

/// Article bytes (first byte: Text or Markdown) through validation, extraction, the claim file
/// round trip and check.
pub fn article(data: &[u8]) {
    let Some((&fmt, rest)) = data.split_first() else {
        return;
    };
    let (format, path) = if fmt & 1 == 0 {
        (Format::Text, "articles/fuzz.txt")
    } else {
        (Format::Markdown, "articles/fuzz.md")
    };
    let rest = &rest[..rest.len().min(MAX_INPUT)];
    let Ok(text) = validate_article_bytes(Path::new(path), rest.to_vec()) else {
        return;
    };
    let a = Article::from_text(path, text, format);
    let x = extract(&a);
    for c in &x.claims {
        assert_eq!(
            a.original.get(c.start..c.end),
            Some(c.text.as_str()),
            "claim {} is not the article's bytes at its span",
            c.id
        );
    }
    let again = extract(&a);
    assert!(again == x, "extraction is not deterministic");
    let rendered = claims::render_claim_file(&x).expect("a claim file always serialises");
    let (loaded, problems) = parse_claim_file("claims/fuzz.yaml", rendered.clone())
        .unwrap_or_else(|p| panic!("a written claim file does not read back: {p:?}\n{rendered}"));
    let written = claims::claim_file_of(&x);
    assert!(
        loaded.data.claims == written.claims && loaded.data.references == written.references,
        "the claim file does not read back as written"
    );
    let mut d = LoadedDossier {
        problems,
        ..LoadedDossier::default()
    };
    d.articles.insert(path.to_string(), a.original.clone());
    d.claims.push(loaded);
    for (id, entry) in &x.sources {
        let file = format!("sources/{id}.yaml");
        let text = yaml::to_string(entry, None).expect("a stub always serialises");
        let s = parse_source_entry(id, &file, text)
            .unwrap_or_else(|p| panic!("a written source stub does not read back: {p:?}"));
        d.sources.insert(id.clone(), s);
    }
    check_and_render(&d);
}

/// Reference-list entries: each line parsed alone, then the lines as the reference section of
/// an article.
pub fn reference(data: &[u8]) {
    let text = parts(data, 1).remove(0);
    for line in text.lines() {
        let _ = references::is_section_heading(line);
        let _ = references::strip_marker(line);
        let _ = references::parse_entry(line);
    }
    let doc = format!(
        "A headline for the test\n\nThe council said the figures were wrong, according to the report [1].\n\nReferences\n\n{text}\n"
    );
    article(&[&[0u8][..], doc.as_bytes()].concat());
}

/// A claim file (first part) over an article (second part), through the loader and check.
pub fn claim_yaml(data: &[u8]) {
    let mut p = parts(data, 2);
    let article = p.pop().unwrap_or_default();
    let yaml_text = p.pop().unwrap_or_default();
    let mut d = LoadedDossier::default();
    match parse_claim_file("claims/fuzz.yaml", yaml_text) {
        Ok((loaded, problems)) => {
            d.problems = problems;
            d.articles
                .insert(loaded.data.article.path.clone(), article.clone());
            d.claims.push(loaded);
        }
        Err(problem) => d.problems.push(problem),
    }
    check_and_render(&d);
}

/// A source entry (first part), optionally with a claim file citing sources (second part) and
/// its article (third part), through the loaders and check.
pub fn source_yaml(data: &[u8]) {
    let p = parts(data, 3);
    let mut d = LoadedDossier::default();
    match parse_source_entry("fuzz-source", "sources/fuzz-source.yaml", p[0].clone()) {
        Ok(s) => {
            d.sources.insert(s.id.clone(), s);
        }
        Err(problem) => {
            d.unreadable_sources.insert("fuzz-source".into());
            d.problems.push(problem);
        }
    }
    if let Ok((loaded, problems)) = parse_claim_file("claims/fuzz.yaml", p[1].clone()) {
        d.problems.extend(problems);
        d.articles
            .insert(loaded.data.article.path.clone(), p[2].clone());
        d.claims.push(loaded);
    }
    check_and_render(&d);
}

/// A quote (first part) looked up in a snapshot's text (second part): every outcome's passage
/// is the text at its range; the quote's words set in the text between spaces are verified; a
/// banded alignment with arbitrary anchors never panics.
pub fn evidence(data: &[u8]) {
    use dossier::evidence::align::align_near;
    use dossier::evidence::normalize::{quote_pieces, words};
    use dossier::evidence::{search, Mode, Outcome};
    let p = parts(data, 2);
    let (quote, text) = (&p[0], &p[1]);
    let check = |text: &str, o: &Outcome| {
        let passages: Vec<&dossier::evidence::Passage> = match o {
            Outcome::Verified(p) => vec![p],
            Outcome::Altered {
                passage,
                similarity,
                ..
            } => {
                assert!((0.0..=1.0).contains(similarity));
                vec![passage]
            }
            Outcome::NotFound { closest } => closest.iter().map(|(p, _)| p).collect(),
            Outcome::Supports(list) => list.iter().map(|(p, _)| p).collect(),
            Outcome::Empty => vec![],
        };
        for p in passages {
            assert!(
                text.get(p.start..p.end).is_some(),
                "a passage outside the text"
            );
        }
    };
    for (i, o) in search(text, &[(quote, Mode::Quote), (quote, Mode::Support)])
        .iter()
        .enumerate()
    {
        check(text, o);
        let _ = i;
    }
    // Without omissions or insertions, a quote set in the text is there word for word.
    let plain: String = quote
        .chars()
        .filter(|c| !matches!(c, '.' | '…' | '[' | ']'))
        .collect();
    let within = format!("{text} {plain} {text}");
    let out = search(&within, &[(&plain, Mode::Quote)]);
    check(&within, &out[0]);
    // Only for quotes without a repeated word: a quote like `h h h h` has one shingle at every
    // offset, and the search's candidate regions (tightest cluster first) may all fall on short
    // runs of it elsewhere in the text (fuzz/README: a known limit of the region scoring).
    let ws = words(&plain);
    let mut norms: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    norms.sort_unstable();
    let repeated = norms.windows(2).any(|w| w[0] == w[1]);
    if !ws.is_empty() && !repeated {
        assert!(
            matches!(out[0], Outcome::Verified(_)),
            "a quote set in the text is not verified: {:?}",
            out[0]
        );
    }
    // Any anchors, right or wrong, only guide the band.
    let pieces = quote_pieces(quote);
    let ws = words(text);
    let anchors: Vec<(usize, usize)> = data
        .chunks(2)
        .take(64)
        .map(|c| {
            (
                c[0] as usize % (pieces.len() + 1),
                *c.last().unwrap_or(&0) as usize * 97 % (ws.len() + 1),
            )
        })
        .collect();
    if let Some(a) = align_near(quote, &pieces, text, &ws, &anchors) {
        assert!(a.from <= a.to && a.to <= ws.len());
    }
}

/// HTML bytes (after an optional charset label and a NUL) through charset detection and
/// reduction to text: deterministic, tidy, and text without markup keeps every word.
pub fn html(data: &[u8]) {
    use dossier::evidence::normalize::words;
    use dossier::evidence::snapshot::{readable_text, text_of, Format};
    use dossier::util::charset::decode;
    let data = &data[..data.len().min(MAX_INPUT)];
    let (charset, body) = match data.iter().position(|&b| b == 0) {
        Some(k) if k < 40 => (std::str::from_utf8(&data[..k]).ok(), &data[k + 1..]),
        _ => (None, data),
    };
    let page = decode(body, charset, true);
    let text = readable_text(&page);
    assert_eq!(text, readable_text(&page), "reduction is not deterministic");
    assert!(!text.contains("\n\n\n"), "more than one blank line");
    assert!(text.is_empty() || text.ends_with('\n'));
    if !page.contains(['<', '&']) {
        let a: Vec<String> = words(&page).into_iter().map(|w| w.norm).collect();
        let b: Vec<String> = words(&text).into_iter().map(|w| w.norm).collect();
        assert_eq!(a, b, "text without markup lost words");
    }
    for f in [Format::Text, Format::Markdown, Format::Html] {
        let _ = text_of(body, f);
    }
}

/// Editors' comments through extract's merge: an article (first part) is extracted into a claim
/// file; comments are written into it at the lines the second part picks (whole-line or at the
/// end of a line); the edited article (third part) is extracted and merged into it as
/// `dossier extract` does. Every comment must be in the result exactly once, the result must
/// read back as the merged claim file, and merging again must change no byte. With an odd first
/// byte, the first part is any YAML instead: its comments are carried into its data written
/// again (keys sorted), which must read back as that data with every comment, idempotently.
pub fn merge_comments(data: &[u8]) {
    use dossier::store::comments::{self, CommentError, Comments};
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let p = parts(rest, 3);
    if mode & 1 == 1 {
        let Ok(value) = yaml::from_str::<serde_json::Value>(&p[0]) else {
            return;
        };
        let Ok(found) = Comments::of(&p[0]) else {
            return;
        };
        let new = yaml::to_string(&value, None).expect("a value always serialises");
        match found.carry(&new) {
            Ok(out) => {
                let back: serde_json::Value = yaml::from_str(&out)
                    .unwrap_or_else(|e| panic!("the result does not read back: {e}\n{out}"));
                assert!(back == value, "the result holds other data:\n{out}");
                let kept = Comments::of(&out).expect("the result parses");
                assert_eq!(
                    kept.list().count(),
                    found.list().count(),
                    "comments lost or added:\n{out}"
                );
                let again = comments::carry(&out, &new).expect("carrying again works");
                assert!(again == out, "not idempotent:\n{out}\n---\n{again}");
            }
            Err(CommentError::Refused(_)) => {}
            Err(e) => panic!("the rewrite of parsed YAML does not parse: {e}"),
        }
        return;
    }
    let x = extract(&Article::from_text(
        "articles/a.txt",
        p[0].clone(),
        Format::Text,
    ));
    let fresh = claims::render_claim_file(&x).expect("a claim file always serialises");
    // Comments at the lines the second part picks: two bytes each (line, kind).
    let mut lines: Vec<String> = fresh.lines().map(str::to_string).collect();
    let mut tokens = Vec::new();
    for (k, pick) in p[1].as_bytes().chunks(2).take(32).enumerate() {
        let line = 1 + pick[0] as usize % lines.len().saturating_sub(1).max(1);
        let token = format!("cmt{k}z");
        if line >= lines.len() {
            continue;
        }
        if pick.get(1).is_some_and(|b| b & 1 == 1) {
            lines[line].push_str(&format!("  # {token}"));
        } else {
            lines.insert(line, format!("# {token}"));
        }
        tokens.push(token);
    }
    let old_text = lines.join("\n") + "\n";
    let old: dossier::model::ClaimFile = yaml::from_str(&old_text)
        .unwrap_or_else(|e| panic!("comments broke the claim file: {e}\n{old_text}"));
    let edited = if p[2].is_empty() { &p[0] } else { &p[2] };
    let a2 = Article::from_text("articles/a.txt", edited.clone(), Format::Text);
    let x2 = extract(&a2);
    let step = |old_text: &str, old: &dossier::model::ClaimFile| {
        let mut found = Comments::of(old_text).expect("the claim file parses");
        let commented = found.item_ids("claims");
        let (merged, renamed) = dossier::store::merge::merge_commented(
            old,
            claims::claim_file_of(&x2),
            &a2.original,
            &commented,
        );
        found.rename_items("claims", &renamed);
        let text = claims::render(&merged).expect("a claim file always serialises");
        let out = found
            .carry(&text)
            .unwrap_or_else(|e| panic!("comments refused: {e}\n{old_text}"));
        (merged, out)
    };
    let (merged, out) = step(&old_text, &old);
    let back: dossier::model::ClaimFile = yaml::from_str(&out)
        .unwrap_or_else(|e| panic!("the result does not read back: {e}\n{out}"));
    assert!(back == merged, "the result holds other data:\n{out}");
    let kept = Comments::of(&out).expect("the result parses");
    for t in &tokens {
        let n = kept.list().filter(|c| c.text.contains(t.as_str())).count();
        assert_eq!(
            n, 1,
            "comment {t} is there {n} times:\n{old_text}\n---\n{out}"
        );
    }
    let (_, again) = step(&out, &back);
    assert!(
        again == out,
        "a second merge changes the file:\n{out}\n---\n{again}"
    );
}
