//! Direct quotations: quotation marks of every style, where the attribution sits, split and
//! multi-paragraph quotations, block quotations introduced by a colon, and what is not a quote
//! (scare quotes, titles, stray marks).

use dossier::article::{Article, Format};
use dossier::extract::{extract, Extraction};
use dossier::model::{Claim, ClaimKind};

use crate::common;

use common::fixture;

fn run(name: &str, text: &str) -> Extraction {
    let format = if name.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Text
    };
    let x = extract(&Article::from_text(
        &format!("articles/{name}"),
        text.to_string(),
        format,
    ));
    assert_spans(text, &x);
    x
}

fn load(name: &str) -> (String, Extraction) {
    let text = fixture(name);
    let x = run(name, &text);
    (text, x)
}

/// Every claim and reference points at exactly the bytes it reports.
fn assert_spans(text: &str, x: &Extraction) {
    for c in &x.claims {
        assert_eq!(&text[c.start..c.end], c.text, "claim {} span", c.id);
    }
    for r in &x.references {
        assert_eq!(&text[r.start..r.end], r.raw, "reference {} span", r.id);
    }
}

fn quotes(x: &Extraction) -> Vec<&Claim> {
    x.claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect()
}

/// The one quote whose text is exactly `text`.
fn quote<'a>(x: &'a Extraction, text: &str) -> &'a Claim {
    let found: Vec<&Claim> = quotes(x).into_iter().filter(|c| c.text == text).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one quote {text:?}, quotes were {:#?}",
        quotes(x).iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    found[0]
}

fn no_quote_containing(x: &Extraction, needle: &str) {
    let bad: Vec<&String> = x
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote && c.text.contains(needle))
        .map(|c| &c.text)
        .collect();
    assert!(bad.is_empty(), "{needle:?} must not be a quote: {bad:?}");
}

#[test]
fn straight_double_quotes_with_verb_before_name() {
    let (_, x) = load("quotes_marks.txt");
    let q = quote(&x, "We have waited four years for a reliable service,");
    assert_eq!(q.speaker.as_deref(), Some("Linda Okafor"));
    assert_eq!(q.role.as_deref(), Some("Mayor"));
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert!(q.flags.is_empty(), "{:?}", q.flags);
}

#[test]
fn curly_quotes_with_cue_after() {
    let (_, x) = load("quotes_marks.txt");
    let q = quote(
        &x,
        "The price is far higher than anyone was told in the spring,",
    );
    assert_eq!(q.speaker.as_deref(), Some("Tomas Berg"));
    assert_eq!(q.role.as_deref(), Some("Councillor"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn guillemets_are_quotation_marks() {
    let (text, x) = load("quotes_marks.txt");
    let q = quote(
        &x,
        "Nous allons tenir tous nos engagements envers les habitants",
    );
    assert_eq!(q.speaker.as_deref(), Some("Henri Lacroix"));
    // The span is the inside of the marks.
    assert_eq!(&text[q.start - '«'.len_utf8()..q.start], "«");
    assert_eq!(&text[q.end..q.end + '»'.len_utf8()], "»");
}

#[test]
fn german_low_high_quotes_are_quotation_marks() {
    let (text, x) = load("quotes_marks.txt");
    let q = quote(&x, "Wir haben mit Bayline sehr gute Erfahrungen gemacht");
    assert_eq!(q.speaker.as_deref(), Some("Jutta Brandt"));
    assert!(text[..q.start].ends_with('„'));
    assert!(text[q.end..].starts_with('“'));
}

#[test]
fn cue_before_the_quote() {
    let (_, x) = load("quotes_marks.txt");
    let q = quote(
        &x,
        "The new boats will be docked at pier three from the first of June.",
    );
    assert_eq!(q.speaker.as_deref(), Some("Olu Adeyemi"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn quote_claims_report_line_and_column_of_their_first_word() {
    let (text, x) = load("quotes_marks.txt");
    for q in quotes(&x) {
        let line_start = text[..q.start].rfind('\n').map_or(0, |p| p + 1);
        let line = text[..q.start].matches('\n').count() + 1;
        let column = text[line_start..q.start].chars().count() + 1;
        assert_eq!((q.line, q.column), (line, column), "{:?}", q.text);
    }
    assert_eq!(quotes(&x).len(), 5);
}

#[test]
fn split_quote_gives_two_claims_with_one_speaker() {
    let (_, x) = load("quotes_split.txt");
    let a = quote(&x, "The wall will hold a one-in-two-hundred-year flood,");
    let b = quote(&x, "and it can be raised again if the climate demands it.");
    assert_eq!(a.speaker.as_deref(), Some("Grace Hallam"));
    assert_eq!(b.speaker, a.speaker);
    assert!(a.end < b.start);
    assert_ne!(a.id, b.id);
}

#[test]
fn split_quote_with_comma_outside_the_marks() {
    let (_, x) = load("quotes_split.txt");
    let a = quote(&x, "We started in March");
    let b = quote(&x, "and nobody on the crew missed a single shift.");
    assert_eq!(a.speaker.as_deref(), Some("Grace Hallam"));
    assert_eq!(b.speaker.as_deref(), Some("Grace Hallam"));
    assert_eq!(a.cue.as_deref(), Some("said"));
}

#[test]
fn quote_following_an_attributed_quote_keeps_its_speaker() {
    let (_, x) = load("quotes_split.txt");
    let a = quote(&x, "My insurance premium doubled after the flood of 2019,");
    assert_eq!(a.speaker.as_deref(), Some("Dev Mistry"));
    assert_eq!(a.cue.as_deref(), Some("added"));
    let b = quote(&x, "I hope it comes down now.");
    assert_eq!(b.speaker.as_deref(), Some("Dev Mistry"));
}

#[test]
fn multi_paragraph_quote_is_one_flagged_claim() {
    let (_, x) = load("quotes_multipara.txt");
    let multi: Vec<&Claim> = quotes(&x)
        .into_iter()
        .filter(|c| c.text.contains("courtroom was so full"))
        .collect();
    assert_eq!(multi.len(), 1, "{multi:#?}");
    let q = multi[0];
    assert!(q
        .text
        .starts_with("When the first defendants came before me"));
    assert!(q.text.contains("Some of them had walked twenty miles"));
    assert!(q
        .text
        .ends_with("I still think about those weeks every winter."));
    assert_eq!(q.flags, vec!["multi-paragraph".to_string()]);
    assert_eq!(q.speaker.as_deref(), Some("Margaret Ellison"));
    // The inner paragraphs are not quotes of their own.
    assert!(!quotes(&x)
        .iter()
        .any(|c| c.text.starts_with("Some of them") || c.text.starts_with("I still think")));
}

#[test]
fn block_quote_introduced_by_colon_paragraph() {
    let (_, x) = load("quotes_multipara.txt");
    let q = quote(
        &x,
        "This is the first time in forty years that the society has given the award to a judge who sat on the strike trials.",
    );
    assert_eq!(q.speaker.as_deref(), Some("Robert Ngata"));
    assert_eq!(q.cue.as_deref(), Some("confirmed"));
    assert!(q.flags.is_empty());
    // "Ngata confirmed:" introduces the quotation; it is not a claim of its own.
    assert!(!x.claims.iter().any(|c| c.text.contains("Ngata confirmed")));
}

#[test]
fn scare_quotes_are_not_quotes() {
    let (_, x) = load("quotes_not_quotes.txt");
    no_quote_containing(&x, "common-sense");
    no_quote_containing(&x, "shadow budget");
}

#[test]
fn titles_are_not_quotes() {
    let (_, x) = load("quotes_not_quotes.txt");
    no_quote_containing(&x, "The Long Road Home");
    // Anything after "titled" is a title, even in lower case and longer than three words.
    no_quote_containing(&x, "tighten our belts");
}

#[test]
fn short_complete_utterance_after_a_verb_is_a_quote() {
    let (_, x) = load("quotes_not_quotes.txt");
    let q = quote(&x, "We lost,");
    assert_eq!(q.speaker.as_deref(), Some("Paul Okonjo"));
    assert_eq!(q.cue.as_deref(), Some("said"));
    // And the real quote in the same article is still found.
    let q = quote(
        &x,
        "This budget will close eleven rural clinics before Christmas.",
    );
    assert_eq!(q.speaker.as_deref(), Some("Sara Lindqvist"));
    assert_eq!(quotes(&x).len(), 2, "{:#?}", quotes(&x));
}

#[test]
fn short_fragment_without_a_verb_of_saying_is_not_a_quote() {
    let text = "Budget Row\n\nThe minister called the cuts \"a necessary evil\" on Monday.\n\nThe opposition walked out of the chamber on Monday.\n";
    let x = run("short.txt", text);
    no_quote_containing(&x, "necessary evil");
}

#[test]
fn unclosed_quote_stops_at_its_paragraph() {
    let (_, x) = load("quotes_unbalanced.txt");
    let stray: Vec<&Claim> = quotes(&x)
        .into_iter()
        .filter(|c| c.text.contains("another delay"))
        .collect();
    assert_eq!(stray.len(), 1);
    let q = stray[0];
    assert!(q.flags.contains(&"unclosed-quote".to_string()));
    // It does not swallow the rest of the article.
    assert!(!q.text.contains('\n'), "{:?}", q.text);
    assert!(!q.text.contains("treasurer"));
    // Later quotations and statements are still found.
    let later = quote(&x, "The accounts are in order,");
    assert_eq!(later.speaker.as_deref(), Some("Ken Osei"));
    assert!(later.flags.is_empty());
    assert!(x
        .claims
        .iter()
        .any(|c| c.kind == ClaimKind::Assertion && c.text.contains("accounts for 2024")));
}

#[test]
fn stray_marks_anywhere_do_not_crash() {
    let cases = [
        "\"",
        "Title\n\n\"",
        "Title\n\n“ ” « » „ \" \"\n",
        "Title\n\nHe said, \"\n\n\"\n\n\"",
        "Title\n\n„Hallo“ « x",
        "Title\n\nThe 6\" pipe burst on Monday, said Ana Ruiz.\n\n\"The pipe was old,\" Ruiz said.\n",
    ];
    for text in cases {
        let x = run("stray.txt", text);
        for c in &x.claims {
            assert!(c.start <= c.end && c.end <= text.len());
        }
    }
}

#[test]
fn inch_mark_does_not_hide_the_following_quote() {
    let text = "Water Main Bursts\n\nThe 6\" pipe under Elm Street burst on Monday.\n\n\"The pipe was laid in 1952 and nobody replaced it,\" said Ana Ruiz.\n";
    let x = run("pipe.txt", text);
    let q = quote(&x, "The pipe was laid in 1952 and nobody replaced it,");
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn quote_ids_are_stable_and_unique() {
    let (text, x) = load("quotes_marks.txt");
    let again = run("quotes_marks.txt", &text);
    let ids: Vec<&String> = x.claims.iter().map(|c| &c.id).collect();
    let ids_again: Vec<&String> = again.claims.iter().map(|c| &c.id).collect();
    assert_eq!(ids, ids_again);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    for q in quotes(&x) {
        assert!(q.id.starts_with("q-"), "{}", q.id);
    }
}

#[test]
fn editing_another_paragraph_keeps_quote_ids() {
    let (text, x) = load("quotes_marks.txt");
    let edited = text.replace("voted 7-2 on Monday", "voted 7-2 late on Monday night");
    assert_ne!(edited, text);
    let y = run("quotes_marks.txt", &edited);
    for q in quotes(&x) {
        let same = y.claims.iter().find(|c| c.text == q.text).unwrap();
        assert_eq!(same.id, q.id, "{:?}", q.text);
    }
}

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\"",
            "“",
            "”",
            "«",
            "»",
            "„",
            "'",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            ",",
            ".",
            ":",
            "?",
            "said",
            "Anna",
            "Petrova",
            "she",
            "We",
            "lost",
            "the",
            "talks",
            "titled",
            "[1]",
            "é",
            "—",
            "2025",
            "References",
            "1.",
            "- ",
            "# ",
            "> ",
            "[x](https://a.example/b)",
            "\r\n",
            "\u{feff}",
            "…",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Whatever the mix of marks and words, extraction finishes and every span holds.
        #[test]
        fn any_mix_of_marks_extracts_with_exact_spans(
            parts in prop::collection::vec(piece(), 0..80),
            markdown in any::<bool>(),
        ) {
            let text: String = parts.concat();
            let name = if markdown { "p.md" } else { "p.txt" };
            let x = run(name, &text);
            for c in &x.claims {
                prop_assert!(c.start <= c.end && c.end <= text.len());
                prop_assert!(c.line >= 1 && c.column >= 1);
            }
        }
    }
}
