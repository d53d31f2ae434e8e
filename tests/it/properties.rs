//! Invariants over generated input (proptest):
//! - every claim's (and reference's) text is exactly the article's bytes at its span, for any
//!   text, plain or Markdown;
//! - extraction is deterministic, and extracting twice writes byte-identical files (the second
//!   run has nothing to change);
//! - check and every renderer (human, JSON, GitHub, SARIF; Markdown, HTML and JSON reports)
//!   never panic, whatever the claim files and source entries hold.

use dossier::article::{Article, Format};
use dossier::check::{check, Config};
use dossier::extract::extract;
use dossier::model::review::text_fingerprint;
use dossier::model::source::{OneOrMany, SourceUrl};
use dossier::model::{ArticleRecord, Claim, ClaimFile, ClaimKind, Reference, SourceEntry};
use dossier::model::{LinkAction, LinkDecision, Review, Snapshot, Verdict};
use dossier::report::audit::{self, Filter};
use dossier::report::{render_html, render_markdown};
use dossier::report::{Github, Human, Json, Reporter, Sarif, Texts};
use dossier::store::load::{parse_claim_file, parse_source_entry, LoadedDossier};
use dossier::store::{claims, yaml, Dossier};
use proptest::prelude::*;

/// Pieces of news prose: quotation marks of every style, attribution, names, numbers, dates,
/// reference headings and entries, Markdown syntax, odd white space and non-ASCII.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "'",
    " said ",
    " told reporters",
    ", according to ",
    "Maria Lopez",
    "the minister",
    "Dr. Ahmed Khan,",
    "the council",
    "Reuters",
    " in 2019",
    " 42 per cent",
    " on 3 March 2021",
    ". ",
    "? ",
    "!\n",
    "\n",
    "\n\n",
    "References\n",
    "Sources:\n",
    "1. ",
    "[2] ",
    "Smith, J. (2020). A title. The Times. https://example.org/a\n",
    "doi:10.1000/xyz ",
    "# ",
    "## ",
    "> ",
    "* ",
    "**",
    "_",
    "`",
    "[link](https://x.org)",
    "[^1]",
    "[^1]: note\n",
    "¹",
    "—",
    "…",
    "\t",
    "\r\n",
    "é",
    "日本",
    "🙂",
    "\u{feff}",
    "\u{200b}",
    "Advertisement\n",
    "Share this article\n",
    "Photo: AP\n",
    "(",
    ")",
    ":",
    ";",
];

fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        // Random pieces glued together: plausible article structure.
        prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat()),
        // Anything at all.
        any::<String>(),
        // Words and marks from a small alphabet, to hit pairing edge cases often.
        "[a-zA-Z \"“”‘’«»\\n.,:;'-]{0,400}",
    ]
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Text), Just(Format::Markdown)]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![any::<String>(), prose()])
}

/// An editor's review: any verdict and words; `judged` the claim's own fingerprint (a current
/// review) when the flag says so, else arbitrary (a stale one).
fn review() -> impl Strategy<Value = Option<(Review, bool)>> {
    prop::option::of(
        (
            0..Verdict::ALL.len(),
            any::<String>(),
            opt_text(),
            opt_text(),
            any::<bool>(),
        )
            .prop_map(|(v, by, note, source, current)| {
                let mut r = Review::new(Verdict::ALL[v], &by, "2025-01-01");
                r.note = note;
                r.source = source;
                r.judged = by;
                (r, current)
            }),
    )
}

fn link_decisions() -> impl Strategy<Value = Vec<LinkDecision>> {
    prop::collection::vec(
        ("[a-z0-9-]{1,20}|.{0,10}", any::<bool>(), opt_text()).prop_map(
            |(source, confirm, note)| LinkDecision {
                source,
                action: if confirm {
                    LinkAction::Confirm
                } else {
                    LinkAction::Reject
                },
                by: "ed".into(),
                date: "2025-01-01".into(),
                note,
            },
        ),
        0..3,
    )
}

fn claim() -> impl Strategy<Value = Claim> {
    (
        (
            "[a-z]-[0-9a-f]{0,8}|.{0,6}",
            prop_oneof![
                Just(ClaimKind::Quote),
                Just(ClaimKind::Reported),
                Just(ClaimKind::Assertion)
            ],
            prose(),
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (
            prop::collection::vec(any::<String>(), 0..3),
            0usize..5000,
            0usize..5000,
            any::<usize>(),
            any::<String>(),
            prop::collection::vec("r-[0-9]|inline-[0-9]|.{0,4}", 0..3),
        ),
        (
            review(),
            prop::collection::vec(any::<String>(), 0..2),
            link_decisions(),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (id, kind, text, speaker, role, venue),
                (flags, start, len, line, prefix, cites),
                (review, notes, links, manual, vanished),
            )| {
                let review = review.map(|(mut r, current)| {
                    if current {
                        r.judged = text_fingerprint(&text);
                    }
                    r
                });
                Claim {
                    id,
                    kind,
                    text,
                    speaker,
                    role,
                    cue: None,
                    venue,
                    reasons: Vec::new(),
                    flags,
                    line,
                    column: start,
                    start,
                    end: start.wrapping_add(len),
                    prefix: prefix.clone(),
                    suffix: prefix,
                    cites,
                    review,
                    notes,
                    links,
                    manual,
                    vanished,
                    corrections: Vec::new(),
                    extracted: None,
                }
            },
        )
}

fn reference() -> impl Strategy<Value = Reference> {
    (
        "r-[0-9]|inline-[0-9]|.{0,4}",
        prose(),
        opt_text(),
        prop::option::of("[a-z0-9-]{1,20}|.{0,10}"),
        prop::option::of(prop_oneof![
            "https?://[a-z.]{1,12}/[a-z0-9/%?#&=]{0,20}",
            any::<String>()
        ]),
        any::<bool>(),
        0usize..5000,
    )
        .prop_map(|(id, raw, title, source, url, inline, start)| Reference {
            id,
            raw,
            number: None,
            author: None,
            outlet: None,
            year: None,
            title,
            description: None,
            url,
            doi: None,
            accessed: None,
            inline,
            cue: None,
            same_as: None,
            source,
            line: 1,
            column: 1,
            start,
            end: start + 3,
            corrections: Vec::new(),
            extracted: None,
        })
}

fn source_entry() -> impl Strategy<Value = SourceEntry> {
    (
        (
            "web|article|report|.{0,5}",
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (
            prop::option::of(prop_oneof![
                "https?://[a-z.]{1,12}/[a-z0-9/]{0,20}".prop_map(SourceUrl::Plain),
                any::<String>().prop_map(SourceUrl::Plain),
                (any::<String>(), opt_text())
                    .prop_map(|(value, date)| SourceUrl::Dated { value, date }),
            ]),
            prop::collection::vec(any::<String>(), 0..3),
            opt_text(),
            prop::collection::vec(any::<String>(), 0..2),
        ),
        review(),
    )
        .prop_map(
            |((kind, title, author, date), (url, cited_as, snapshot, notes), review)| {
                let mut entry = SourceEntry {
                    kind,
                    title,
                    author: author.map(OneOrMany::One),
                    date,
                    url,
                    cited_as,
                    snapshot: snapshot.map(Snapshot::Path),
                    notes,
                    ..SourceEntry::default()
                };
                entry.review = review.map(|(mut r, current)| {
                    if current {
                        r.judged = entry.fingerprint();
                    }
                    r
                });
                entry
            },
        )
}

fn render_everything(d: &LoadedDossier) {
    let result = check(d, &Config::default());
    let texts = Texts::of(d);
    let reporters: [&dyn Reporter; 5] = [
        &Human {
            color: false,
            width: 100,
            only: None,
        },
        &Human {
            color: true,
            width: 10,
            only: None,
        },
        &Json { jobs: 2 },
        &Github::default(),
        &Sarif::default(),
    ];
    for r in reporters {
        let _ = r.render(&result, &texts);
    }
    let a = audit::build(d, &result, &Filter::default(), 1).unwrap();
    // The audit does not depend on the number of threads that built it.
    let threaded = audit::build(d, &result, &Filter::default(), 3).unwrap();
    assert_eq!(a.to_json(), threaded.to_json());
    let _ = render_markdown(&a);
    let _ = render_html(&a);
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    assert!(json.is_object());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn claims_and_references_are_the_bytes_at_their_spans(text in prose(), format in format()) {
        let a = Article::from_text("articles/p.txt", text.clone(), format);
        let x = extract(&a);
        for c in &x.claims {
            prop_assert_eq!(text.get(c.start..c.end), Some(c.text.as_str()), "claim {}", &c.id);
        }
        for r in &x.references {
            prop_assert_eq!(text.get(r.start..r.end), Some(r.raw.as_str()), "reference {}", &r.id);
        }
        prop_assert!(extract(&a) == x, "extraction is not deterministic");
    }

    #[test]
    fn render_and_check_never_panic(
        claim_list in prop::collection::vec(claim(), 0..6),
        refs in prop::collection::vec(reference(), 0..4),
        sources in prop::collection::vec(source_entry(), 0..4),
        article_text in prose(),
        title in opt_text(),
    ) {
        let file = ClaimFile {
            version: 1,
            article: ArticleRecord {
                path: "articles/p.txt".into(),
                fingerprint: "sha256:0".into(),
                title,
                author: None,
                date: None,
                outlet: None,
                missing: Vec::new(),
            },
            references: refs,
            claims: claim_list,
        };
        let text = yaml::to_string(&file, None).unwrap();
        let (loaded, problems) = parse_claim_file("claims/p.yaml", text).unwrap();
        prop_assert!(loaded.data == file, "the claim file does not read back as written");
        let mut d = LoadedDossier { problems, ..LoadedDossier::default() };
        d.articles.insert("articles/p.txt".into(), article_text);
        d.claims.push(loaded);
        for (i, s) in sources.iter().enumerate() {
            let id = format!("source-{i}");
            let text = yaml::to_string(s, None).unwrap();
            let loaded = parse_source_entry(&id, &format!("sources/{id}.yaml"), text).unwrap();
            d.sources.insert(id, loaded);
        }
        render_everything(&d);
    }
}

proptest! {
    // Each case writes a dossier to disk: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn extracting_twice_writes_identical_files(
        texts in prop::collection::vec((prose(), any::<bool>()), 1..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("articles")).unwrap();
        let dossier = Dossier::at(dir.path()).unwrap();
        // Articles are loaded afresh each time, as two runs of `dossier extract` would.
        let extract_all = || -> Vec<_> {
            texts
                .iter()
                .enumerate()
                .map(|(i, (t, md))| {
                    let (name, format) = if *md {
                        (format!("a{i}.md"), Format::Markdown)
                    } else {
                        (format!("a{i}.txt"), Format::Text)
                    };
                    let a = Article::from_text(&format!("articles/{name}"), t.clone(), format);
                    (a.slug.clone(), extract(&a))
                })
                .collect()
        };
        let extractions = extract_all();
        let first = claims::plan(&dossier, &extractions).unwrap();
        claims::write(&dossier, &first).unwrap();
        let written: Vec<_> = first.iter().map(|p| std::fs::read(&p.path).unwrap()).collect();
        let again = extract_all();
        let second = claims::plan(&dossier, &again).unwrap();
        prop_assert!(claims::pending(&second).is_empty(), "a second extract would change files");
        let w = claims::write(&dossier, &second).unwrap();
        prop_assert_eq!(w.claim_files + w.new_sources, 0);
        let rewritten: Vec<_> = first.iter().map(|p| std::fs::read(&p.path).unwrap()).collect();
        prop_assert_eq!(written, rewritten);
        // Every claim file reads back through the loader without a problem.
        for p in first.iter().filter(|p| p.kind == claims::PlannedKind::ClaimFile) {
            let (_, problems) = parse_claim_file("claims/x.yaml", p.contents.clone()).unwrap();
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
    }
}
