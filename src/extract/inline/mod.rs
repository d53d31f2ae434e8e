//! Sources named in the running text: "Reuters reported", "according to The Guardian",
//! "on Twitter", "Speaking to NBC News", "a UN report", "as published in Kommersant", and, in
//! Markdown, every link to another site.
//!
//! Each sentence's prose is searched by `prose` with the patterns of `patterns`, the names
//! they capture read by `naming` and the verbs near a venue by `verbs`; `links` adds the links
//! and merges each with the source the text names through it.

mod links;
mod naming;
mod patterns;
mod prose;
mod verbs;

use super::names::Names;
use super::references::Fields;
use super::text::Sentence;
use crate::article::Article;

/// How the text names the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// "X reported", "according to X": the writer relies on X.
    Report,
    /// "on Twitter", "told NBC News", "as published in Kommersant": where words were published.
    Venue,
    /// A hyperlink.
    Link,
}

/// A source named in the text, in normalised coordinates (`orig` for links, whose raw text is
/// the Markdown syntax).
#[derive(Debug, Clone)]
pub struct Inline {
    /// Byte offset in the analysis text where the naming phrase (or the link's text) begins.
    pub start: usize,
    /// Byte offset in the analysis text just past the naming phrase (or the link's text).
    pub end: usize,
    /// For a link, the original byte range of the whole `[text](url)`; `None` for a source
    /// named in prose.
    pub orig: Option<(usize, usize)>,
    /// Whether the text relies on the source, names where words were published, or links it.
    pub cue: Cue,
    /// What the phrase or link says about the work: outlet, title, year, address.
    pub fields: Fields,
    /// Index of the sentence it is in, among the body sentences passed to [`find`].
    pub sentence: usize,
}

/// Find named sources in the given body sentences.
pub fn find(
    article: &Article,
    sentences: &[Sentence],
    quotes: &[(usize, usize)],
    names: &Names,
    notes: &[Option<u32>],
) -> Vec<Inline> {
    let cx = prose::Context {
        article,
        names,
        quotes,
    };
    let mut found: Vec<Inline> = Vec::new();
    // Footnotes are references themselves; what they name is part of that entry.
    for (si, s) in sentences.iter().enumerate() {
        if notes.get(s.block).is_some_and(Option::is_some) {
            continue;
        }
        let mut out = prose::named_in(&cx, &found, s, si);
        found.append(&mut out);
    }
    let mut out = links::merge_linked(found, links::links(article, sentences, names));
    out.sort_by_key(|x| (x.start, x.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::extract::text::split_sentences;

    fn inline(src: &str, format: Format) -> Vec<(String, String, Cue)> {
        let a = Article::from_text("a.txt", src.to_string(), format);
        let t = a.text();
        let mut sentences = Vec::new();
        for (i, b) in a.layout.blocks.iter().enumerate() {
            sentences.extend(split_sentences(t, i, b.body, b.end, &[]));
        }
        let names = Names::build(t, &sentences, &[]);
        find(
            &a,
            &sentences,
            &[],
            &names,
            &crate::extract::references::note_blocks(&a),
        )
        .into_iter()
        .map(|x| {
            (
                t[x.start..x.end].to_string(),
                x.fields.outlet.unwrap_or_default(),
                x.cue,
            )
        })
        .collect()
    }

    #[test]
    fn unknown_mastheads_are_venues() {
        let got = inline(
            "Nadia Orr's op-ed in the Sacramento Ledger argues that \"the state has studied this for ten years.\"\n\nThe Riverside Tribune quoted Orr as saying that she \"would bring the bill back in January.\"\n\nOrr spoke in the Senate on Monday, said an aide.\n",
            Format::Text,
        );
        let venues: Vec<&str> = got
            .iter()
            .filter(|(_, _, c)| *c == Cue::Venue)
            .map(|(_, o, _)| o.as_str())
            .collect();
        assert!(venues.contains(&"Sacramento Ledger"), "{got:?}");
        assert!(
            venues.iter().any(|v| v.ends_with("Riverside Tribune")),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, o, _)| o.contains("Senate")), "{got:?}");
    }

    #[test]
    fn a_named_source_given_as_a_link_is_one_reference() {
        let got = inline(
            "\"We issued eleven warnings,\" a spokeswoman told [Reuters](https://www.reuters.com/world/drought-2023-06-12/).\n\nThe figures are in [a survey](https://www.example.org/s) by the ministry.\n",
            Format::Markdown,
        );
        let reuters: Vec<_> = got.iter().filter(|(_, o, _)| o == "Reuters").collect();
        assert_eq!(reuters.len(), 1, "{got:?}");
        assert_eq!(reuters[0].2, Cue::Venue, "{got:?}");
        // A link the text names no source around stays a plain link.
        assert!(
            got.iter()
                .any(|(t, _, c)| t == "a survey" && *c == Cue::Link),
            "{got:?}"
        );
    }

    #[test]
    fn outlets_named_in_prose() {
        let got = inline(
            "TVN24 reported he received surgery. Over 1000 were held, according to The Guardian. \
             It was reported by The Guardian as true and by Associated Press as false. \
             According to Reuters and NBC, he rules. A UN report concluded it.",
            Format::Text,
        );
        let want = [
            ("TVN24 reported", "TVN24"),
            ("according to The Guardian", "The Guardian"),
            ("reported by The Guardian", "The Guardian"),
            ("by Associated Press", "Associated Press"),
            ("According to Reuters and NBC", "Reuters"),
            ("According to Reuters and NBC", "NBC"),
            ("A UN report", "United Nations"),
        ];
        let got2: Vec<(&str, &str)> = got
            .iter()
            .map(|(a, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(got2, want);
    }

    #[test]
    fn venues_and_people_are_told_apart() {
        let got = inline(
            "Speaking to Martin Smith of PBS, he spoke. She wrote on Twitter. According to Lavrov's interview: yes. Lavrov said so.",
            Format::Text,
        );
        let outlets: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(outlets, vec!["PBS", "Twitter"]);
        assert!(got.iter().all(|g| g.2 == Cue::Venue));
    }

    #[test]
    fn venues_need_a_verb_of_saying_or_publishing() {
        let got = inline(
            "Writing for the Guardian, Ola Brandt disagreed. Mina Kask wrote on her Facebook page that it was over. \
             He admitted on ABC Radio's AM program that he erred. Leo Tamm criticized the plan via Twitter. \
             Groups that thrive on Twitter grew fast.",
            Format::Text,
        );
        let outlets: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            outlets,
            vec!["Guardian", "Facebook", "ABC Radio", "Twitter"],
            "{got:#?}"
        );
        assert!(got.iter().all(|g| g.2 == Cue::Venue));
    }

    #[test]
    fn modifiers_and_possessive_fragments_are_not_outlets() {
        let got = inline(
            "Prices rose, according to Latvian media. The data are available on the Board's website. \
             It was confirmed, according to Interfax.",
            Format::Text,
        );
        let outlets: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(outlets, vec!["Interfax"], "{got:#?}");
    }

    #[test]
    fn named_surveys_data_and_author_year_citations() {
        let a = Article::from_text(
            "a.txt",
            "Households expect less, the Lantern Bank's Survey of Household Budgets shows. \
             Data from the Federal Reserve Bank of Dallas show a pause. A Dallas Fed survey agrees. \
             Roe and Vale (2021) find the same."
                .to_string(),
            Format::Text,
        );
        let t = a.text();
        let mut sentences = Vec::new();
        for (i, b) in a.layout.blocks.iter().enumerate() {
            sentences.extend(split_sentences(t, i, b.body, b.end, &[]));
        }
        let names = Names::build(t, &sentences, &[]);
        type Got = (Option<String>, Option<String>, Option<String>, Option<i32>);
        let got: Vec<Got> = find(
            &a,
            &sentences,
            &[],
            &names,
            &crate::extract::references::note_blocks(&a),
        )
        .into_iter()
        .map(|x| {
            (
                x.fields.outlet,
                x.fields.title,
                x.fields.author,
                x.fields.year,
            )
        })
        .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            vec![
                (
                    s("Lantern Bank"),
                    s("Survey of Household Budgets"),
                    None,
                    None
                ),
                (s("Federal Reserve Bank of Dallas"), None, None, None),
                (s("Federal Reserve Bank of Dallas"), None, None, None),
                (None, None, s("Roe and Vale"), Some(2021)),
            ]
        );
    }

    #[test]
    fn own_site_glossary_and_credit_links_are_not_citations() {
        let got = inline(
            "Rents rose [sharply](https://www.reuters.com/x) as [studies show](https://quietledger.example.org/2030/01/rents). \
             The [term](https://en.wikipedia.org/wiki/Rent) is old. See [an earlier piece](https://quietledger.example.org/older).\n\n\
             Photo by [Ana](https://www.flickr.com/photos/ana/1) on Flickr.\n\n\
             [Ivo Pell](https://quietledger.example.org/profiles/ivo-pell-1), Lecturer\n\n\
             This article is republished from [The Quiet Ledger](https://quietledger.example.org) under a Creative Commons license.",
            Format::Markdown,
        );
        let outlets: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(outlets, vec!["Reuters"], "{got:#?}");
    }

    #[test]
    fn reporters_are_not_outlets_and_media_nouns_are_skipped() {
        let got = inline(
            "Ada Quill reports that the dam leaked. Szelcsend blog reported the leak. \
             Twitter user Ola Brandt posted a photo. A study prepared by the Marsh Water Trust found cracks.",
            Format::Text,
        );
        let outlets: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            outlets,
            vec!["Szelcsend", "Twitter", "Marsh Water Trust"],
            "{got:#?}"
        );
    }

    #[test]
    fn markdown_links_are_citations() {
        let got = inline(
            "On February 27, 2026, Trump [directed](https://truthsocial.com/@x/posts/1) it. See [E.O. 14347](https://www.federalregister.gov/documents/2025/09/10/x).",
            Format::Markdown,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "Truth Social");
        assert_eq!(got[1].1, "Federal Register");
    }
}
