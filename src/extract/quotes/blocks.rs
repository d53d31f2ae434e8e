//! Block quotations without quote marks.
//!
//! Two shapes are quotations although no mark delimits them (one quotation per paragraph):
//!
//! | shape | example | rule |
//! |---|---|---|
//! | Markdown block quote | `The blogger wrote:` + `> Words …` | every `>` paragraph is a quotation, except callouts (`Note:`, `Update:`), data (mostly figures) and a closing signature line (`-- Jane Doe`), which names the speaker instead |
//! | colon-introduced paragraph | `Mira Tal tweeted:` + `Words …` | the paragraph right after a paragraph ending in a colon whose last sentence attributes words: a verb of saying or writing (`wrote`, `tweeted`, `commented`, `quipping`) or a speech noun after a determiner (`The letter begins:`, `In her words, …:`) |
//! | translation | a Cyrillic tweet + its English version | the next paragraph in another language than the quotation before it is a second quotation of the same speaker |
//! | run | `and:` + a second tweet | a bare connector ending in a colon (`and:`, `and later:`) introduces one more quotation of the same attribution |
//! | continued voice | a letter's second paragraph | a later paragraph continues the run only in the speaker's voice: it has a first- or second-person pronoun of a person the run's first quotation uses (`I` … `my`, `we` … `our`), no quote mark, no verb of saying, and no capitalised word of the introducing paragraph (a writer's paragraph names the speaker in the third person) |
//!
//! Not quotations: the writer's list (`the following:`, `as follows:`, `include:`, `such as:`,
//! a count before the colon as in `there were three options:`, list items), a clause the colon
//! explains (`critics say the plan has a flaw:`: a finite verb of saying followed by `is`,
//! `has`, `was` … without `that`), an intro without an attribution (`This means:` in plain text, `surrounded by
//! the police:`), image captions (`Photo by …`, `(CC BY …)`), blocks of figures, headings, and a
//! paragraph that stands in quote marks itself (the ordinary rule takes it). A run ends at a
//! heading, a list, a paragraph ending in a colon, or a paragraph in the writer's voice (one
//! with a third-person attribution of its own, `…, she told the chamber.`). A
//! leading handle label (`@user: `, Markdown `[@user](…): `) names the speaker and is left out
//! of the words.

use super::intro::{intro_kind, lower_words, Intro, DETERMINERS, INTRO_VERBS};
use super::{word_count, QuoteSpan};
use crate::article::{Article, Block, BlockKind};

/// Length of a leading handle label (`@user: `), which names the speaker.
fn handle_label(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('@')?;
    let name = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    if name == 0 || name > 30 {
        return None;
    }
    let after = rest[name..].strip_prefix(':')?;
    let words = after.trim_start();
    if words.is_empty() || words.len() == after.len() {
        return None;
    }
    Some(s.len() - words.len())
}

/// A signature line closing a block quote (`-- Jane Doe, mayor`): the name's range.
fn signature(s: &str) -> Option<(usize, usize)> {
    let rest = s
        .strip_prefix("--")
        .or_else(|| s.strip_prefix('-'))
        .or_else(|| s.strip_prefix('~'))?;
    let name = rest.trim_start();
    let start = s.len() - name.len();
    if word_count(name) == 0 || word_count(name) > 12 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let end = name.find([',', '(', ';']).unwrap_or(name.len());
    Some((start, start + name[..end].trim_end().len()))
}

/// A callout, not a quotation: `Note: …`, `Update: …`, `Editor's note: …`.
fn callout(s: &str) -> bool {
    let head: String = s.chars().take(24).collect::<String>().to_lowercase();
    let head = head.trim_start_matches(['[', '!', '*', '_']);
    [
        "note",
        "update",
        "correction",
        "editor's note",
        "disclaimer",
        "warning:",
        "tip",
        "important",
    ]
    .iter()
    .any(|c| {
        head.starts_with(c)
            && head[c.len()..]
                .trim_start_matches(['*', '_', ']'])
                .starts_with([':', ' ', '\n'])
            && head.contains(':')
            || head.starts_with(&format!("{c}]"))
    })
}

/// An image caption standing in for a photo.
fn caption(s: &str) -> bool {
    [
        "Photo by",
        "Photo:",
        "Photograph:",
        "Image:",
        "Picture:",
        "Credit:",
        "Screenshot",
        "(CC BY",
        "CC BY-",
        "Wikimedia Commons",
        "on Flickr",
        "Getty Images",
        "AP Photo",
    ]
    .iter()
    .any(|c| s.contains(c))
}

/// A paragraph with an attribution of its own in the third person (`…, she told the
/// chamber.`) is the writer's account of what was said, not the words themselves.
fn narrated(s: &str) -> bool {
    let words = lower_words(s);
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "he" | "she" | "they")
            && INTRO_VERBS.contains(&w[1].as_str())
            && !matches!(w[1].as_str(), "say" | "write" | "quote" | "read" | "put")
    })
}

/// Mostly figures: a data table, which reproduces no one's words.
fn figures(s: &str) -> bool {
    let toks: Vec<&str> = s.split_whitespace().collect();
    let numeric = toks
        .iter()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .count();
    !toks.is_empty() && numeric * 2 > toks.len()
}

const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "it", "you", "we", "they", "are", "with", "be", "this",
    "have", "will", "for", "was", "not", "on", "your", "our", "their", "from", "i",
];

/// Is the paragraph in another language than English? Its letters are mostly of another
/// script (Cyrillic, Greek, Arabic, CJK …), or it has 6+ words, none of them a common English
/// function word, and letters with diacritics (`Nem tudom, hogy miért …`). Telegraphic English
/// ("Hunger weaponised. Humanitarians killed.") has no diacritics and stays English.
fn foreign(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let latin = s
        .chars()
        .filter(|&c| c.is_alphabetic() && c <= '\u{024f}')
        .count();
    if letters > 0 && latin * 2 < letters {
        return true;
    }
    let words = lower_words(s);
    let diacritics = s
        .chars()
        .filter(|&c| c.is_alphabetic() && !c.is_ascii() && c <= '\u{024f}')
        .count();
    words.len() >= 6 && diacritics >= 2 && !words.iter().any(|w| ENGLISH.contains(&w.as_str()))
}

/// First- and second-person pronouns, by person: a quoted voice keeps to its own (`I` … `I`,
/// `we` … `our`), while a writer's own `I` after a quoted `we` is a new voice.
const PERSONS: [&[&str]; 3] = [
    &[
        "i", "i'm", "i've", "i'll", "i'd", "me", "my", "mine", "myself",
    ],
    &[
        "we",
        "we're",
        "we've",
        "we'll",
        "we'd",
        "us",
        "our",
        "ours",
        "ourselves",
    ],
    &[
        "you", "you're", "you've", "you'll", "you'd", "your", "yours", "yourself",
    ],
];

/// Which of [`PERSONS`] a paragraph uses, as bits.
fn persons(s: &str) -> u8 {
    let mut bits = 0;
    for w in lower_words(s) {
        for (k, p) in PERSONS.iter().enumerate() {
            if p.contains(&w.as_str()) {
                bits |= 1 << k;
            }
        }
    }
    bits
}

/// Does a later paragraph of a run still speak in the quoted voice (`voice`: the persons of
/// the run's first quotation)? See the module's table.
fn same_voice(s: &str, voice: u8, intro_names: &[&str]) -> bool {
    if s.contains('"') {
        return false;
    }
    let words = lower_words(s);
    let says = words.iter().any(|w| INTRO_VERBS.contains(&w.as_str()));
    let names_speaker = s.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s");
        intro_names.contains(&w)
    });
    persons(s) & voice != 0 && !says && !names_speaker
}

/// Capitalised words of an introducing paragraph, but the sentence-initial function words.
fn capitalised(s: &str) -> Vec<&str> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
        })
        .filter(|w| {
            w.chars().count() >= 3
                && w.starts_with(char::is_uppercase)
                && !DETERMINERS.contains(&w.to_lowercase().as_str())
                && !matches!(
                    *w,
                    "In" | "On"
                        | "At"
                        | "During"
                        | "After"
                        | "Before"
                        | "When"
                        | "While"
                        | "And"
                        | "But"
                        | "For"
                        | "With"
                        | "From"
                        | "Yesterday"
                        | "Today"
                )
        })
        .collect()
}

/// Unmarked block quotations among the body blocks `prose` (see the module's table), given the
/// quotations in marks `marked` (sorted).
pub fn blocks(article: &Article, prose: &[usize], marked: &[QuoteSpan]) -> Vec<QuoteSpan> {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let mut d = Detector {
        text,
        blocks,
        marks: marked.iter().map(|q| (q.open, q.after())).collect(),
        out: Vec::new(),
        run: None,
    };
    for (pos, &b) in prose.iter().enumerate() {
        let block = &blocks[b];
        let para = &text[block.body..block.end];
        let prev = pos.checked_sub(1).map(|p| prose[p]);
        let adjacent = prev.is_some_and(|p| blocks[p].para + 1 == block.para);
        if !adjacent {
            d.run = None;
        }
        if block.kind == BlockKind::Heading || para.trim().is_empty() {
            d.run = None;
            continue;
        }
        let in_marks = d.in_marks(block, para);
        if block.quoted {
            d.quoted_block(b, prev.filter(|_| adjacent), in_marks);
            continue;
        }
        if d.run.as_ref().is_some_and(|r| r.markdown) {
            d.run = None;
        }
        if para.trim_end().ends_with(':') {
            d.introduce(b, para);
        } else {
            d.plain_paragraph(b, in_marks);
        }
    }
    d.out
}

/// The open run of block quotations.
struct Run {
    /// The block holding the introducing line, if any.
    intro: Option<usize>,
    /// A Markdown block quote (`>`), rather than paragraphs after a colon.
    markdown: bool,
    /// The quotations of the run so far.
    count: usize,
    /// Where the run starts in the quotations found.
    first: usize,
    /// The last quotation was the translation of the one before it.
    translation: bool,
}

/// What [`blocks`] carries from one paragraph to the next.
struct Detector<'a> {
    text: &'a str,
    blocks: &'a [Block],
    /// The quotations in marks, as (opening mark, just after the closing one), sorted.
    marks: Vec<(usize, usize)>,
    /// The block quotations found so far.
    out: Vec<QuoteSpan>,
    run: Option<Run>,
}

impl Detector<'_> {
    /// Is `block` (its words `para`) in marks itself, or crossed by a quotation in marks? The
    /// ordinary rule then applies.
    fn in_marks(&self, block: &Block, para: &str) -> bool {
        // (Quotations in marks are sorted and disjoint: those overlapping the block are a
        // range, and only its first and last can cross the block's edges.)
        let marks = &self.marks;
        let lo = marks.partition_point(|&(_, a)| a <= block.body);
        let hi = marks.partition_point(|&(o, _)| o < block.end).max(lo);
        para.starts_with('"')
            || (lo < hi && (marks[lo].0 < block.body || marks[hi - 1].1 > block.end))
    }

    /// A `>` paragraph `b`: it opens a Markdown run (introduced by the adjacent paragraph
    /// `prev` when that ends in a colon) or goes on with one. A signature line names the run's
    /// speaker; callouts and figures are no quotations.
    fn quoted_block(&mut self, b: usize, prev: Option<usize>, in_marks: bool) {
        let (text, blocks) = (self.text, self.blocks);
        let block = &blocks[b];
        let para = &text[block.body..block.end];
        if !self.run.as_ref().is_some_and(|r| r.markdown) {
            let intro = prev.filter(|&p| !blocks[p].quoted).filter(|&p| {
                text[blocks[p].body..blocks[p].end]
                    .trim_end()
                    .ends_with(':')
            });
            self.run = Some(Run {
                intro,
                markdown: true,
                count: 0,
                first: self.out.len(),
                translation: false,
            });
        }
        let Some(r) = self.run.as_mut() else {
            return;
        };
        if let Some((s, e)) = signature(para) {
            for q in &mut self.out[r.first..] {
                q.label = Some((block.body + s, block.body + e));
            }
            return;
        }
        if in_marks || callout(para) || figures(para) {
            return;
        }
        self.out
            .push(block_span(text, b, block.body, block.end, r.intro));
        r.count += 1;
    }

    /// A paragraph `b` ending in a colon (`para`): an attribution opens a run, a bare connector
    /// renews a run that has a quotation, anything else ends the run.
    fn introduce(&mut self, b: usize, para: &str) {
        let first = self.out.len();
        self.run = match intro_kind(para) {
            Intro::Attribution
                if matches!(self.blocks[b].kind, BlockKind::Paragraph | BlockKind::Line) =>
            {
                Some(Run {
                    intro: Some(b),
                    markdown: false,
                    count: 0,
                    first,
                    translation: false,
                })
            }
            Intro::Connector => self.run.take().filter(|r| r.count > 0).map(|r| Run {
                count: 0,
                first,
                translation: false,
                ..r
            }),
            _ => None,
        };
    }

    /// Any other paragraph `b`: the open run's next quotation, or the end of the run.
    fn plain_paragraph(&mut self, b: usize, in_marks: bool) {
        let (text, blocks) = (self.text, self.blocks);
        let Some(r) = &self.run else {
            return;
        };
        let block = &blocks[b];
        let para = &text[block.body..block.end];
        let writer = block.kind != BlockKind::Paragraph
            || in_marks
            || caption(para)
            || figures(para)
            || narrated(para);
        let next = if writer {
            None
        } else {
            self.next_in_run(r, para)
        };
        match (next, self.run.as_mut()) {
            (Some(translation), Some(r)) => {
                r.translation = translation;
                self.out
                    .push(block_span(text, b, block.body, block.end, r.intro));
                r.count += 1;
            }
            _ => self.run = None,
        }
    }

    /// Does `para` give the run `r`'s next quotation: its first one, a translation of the one
    /// before, or one more in the speaker's voice? `Some(whether it is a translation)` if so.
    fn next_in_run(&self, r: &Run, para: &str) -> Option<bool> {
        let text = self.text;
        let last = self.out.last().map_or("", |q| &text[q.start..q.end]);
        let language_changes = r.count > 0 && !r.translation && foreign(last) != foreign(para);
        let accept = r.count == 0 || language_changes || {
            let names = r
                .intro
                .map(|i| capitalised(&text[self.blocks[i].body..self.blocks[i].end]))
                .unwrap_or_default();
            let voice = self
                .out
                .get(r.first)
                .map_or(0, |q| persons(&text[q.start..q.end]));
            same_voice(para, voice, &names)
        };
        accept.then_some(language_changes)
    }
}

/// The quotation of block `block` (its words `start..end`), less a leading handle label,
/// which names the speaker.
fn block_span(
    text: &str,
    block: usize,
    start: usize,
    end: usize,
    intro: Option<usize>,
) -> QuoteSpan {
    let para = &text[start..end];
    let (open, label) = match handle_label(para) {
        Some(len) => {
            let name_end = para[..len].trim_end().trim_end_matches(':').len();
            (start + len, Some((start, start + name_end)))
        }
        None => (start, None),
    };
    QuoteSpan {
        open,
        close: None,
        start: open,
        end,
        block,
        multi_paragraph: false,
        unmarked: true,
        intro,
        label,
    }
}

/// The quotations in marks `marked` together with the unmarked block quotations of `prose`,
/// sorted; a quotation in marks inside a block quotation is part of it, not one of its own.
pub fn with_blocks(article: &Article, prose: &[usize], marked: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    let found = blocks(article, prose, &marked);
    if found.is_empty() {
        return marked;
    }
    let ranges: Vec<(usize, usize)> = found.iter().map(|q| (q.open, q.end)).collect();
    let mut out: Vec<QuoteSpan> = marked
        .into_iter()
        .filter(|m| !crate::extract::text::inside(&ranges, m.open))
        .collect();
    out.extend(found);
    out.sort_by_key(|q| q.open);
    out
}

#[cfg(test)]
mod tests {
    use super::super::{scan, tests::quotes};
    use super::*;
    use crate::article::{Article, Format};

    /// Block quotations of an article: (words, intro paragraph, label).
    fn block_quotes(src: &str, format: Format) -> Vec<(String, Option<String>, Option<String>)> {
        let a = Article::from_text("a", src.to_string(), format);
        let prose: Vec<usize> = (0..a.layout.blocks.len())
            .filter(|&i| a.layout.blocks[i].kind != BlockKind::Heading)
            .collect();
        let marked = scan(&a, &prose);
        let t = a.text();
        with_blocks(&a, &prose, marked)
            .iter()
            .filter(|q| q.unmarked)
            .map(|q| {
                let b = |i: usize| {
                    let bl = &a.layout.blocks[i];
                    t[bl.body..bl.end].to_string()
                };
                (
                    t[q.start..q.end].to_string(),
                    q.intro.map(b),
                    q.label.map(|(s, e)| t[s..e].to_string()),
                )
            })
            .collect()
    }

    fn words_of(src: &str, format: Format) -> Vec<String> {
        block_quotes(src, format).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn markdown_block_quote_gives_one_quotation_per_paragraph() {
        let got = block_quotes(
            "The harbour master wrote:\n\n> The pier is unsafe.\n>\n> We close it on Monday.\n\nThe pier reopened in May.\n",
            Format::Markdown,
        );
        assert_eq!(
            got,
            vec![
                (
                    "The pier is unsafe.".to_string(),
                    Some("The harbour master wrote:".to_string()),
                    None
                ),
                (
                    "We close it on Monday.".to_string(),
                    Some("The harbour master wrote:".to_string()),
                    None
                ),
            ]
        );
        // A `>` block needs no attributing intro: the syntax marks the quotation.
        assert_eq!(
            words_of(
                "That is:\n\n> trust built slowly between neighbours\n",
                Format::Markdown
            ),
            vec!["trust built slowly between neighbours"]
        );
    }

    #[test]
    fn markdown_callouts_figures_and_signatures_are_not_quotations() {
        assert!(words_of(
            "> Note: this story was updated on Friday.\n",
            Format::Markdown
        )
        .is_empty());
        assert!(words_of("> 2019 12.5 33\n", Format::Markdown).is_empty());
        let got = block_quotes(
            "> We stand together on this.\n>\n> -- Ana Ruiz, union steward\n",
            Format::Markdown,
        );
        assert_eq!(
            got,
            vec![(
                "We stand together on this.".to_string(),
                None,
                Some("Ana Ruiz".to_string())
            )]
        );
    }

    #[test]
    fn colon_introduced_paragraph_is_a_quotation_until_the_writer_speaks_again() {
        let src = "Council member Rafaela Ostrow tweeted:\n\nThe bridge stays closed until spring. Drivers deserve better.\n\nOstrow later deleted the post.\n";
        assert_eq!(
            words_of(src, Format::Text),
            vec!["The bridge stays closed until spring. Drivers deserve better."]
        );
    }

    #[test]
    fn a_run_continues_in_the_speaker_voice_only() {
        let src = "In her resignation letter, the treasurer of Elmford wrote:\n\nI have kept these accounts for twelve years.\n\nWe leave them in good order, and I thank you all.\n\nThe council accepted the resignation on Tuesday.\n\nI was not surprised, one member said later.\n";
        assert_eq!(
            words_of(src, Format::Text),
            vec![
                "I have kept these accounts for twelve years.",
                "We leave them in good order, and I thank you all."
            ]
        );
        // The writer's own "I" after a quoted "we" is a new voice.
        let src = "The union's steward, Ana Ruiz, wrote:\n\nWe will not sign this contract.\n\nI spoke to her a week later.\n";
        assert_eq!(
            words_of(src, Format::Text),
            vec!["We will not sign this contract."]
        );
        // A paragraph naming the speaker in the third person is the writer's.
        let src = "Ostrow wrote:\n\nI regret nothing.\n\nOstrow, you might say, regrets little.\n";
        assert_eq!(words_of(src, Format::Text), vec!["I regret nothing."]);
    }

    #[test]
    fn handle_label_names_the_speaker_and_is_left_out() {
        let got = block_quotes(
            "The fire chief replied an hour later:\n\n@chiefkell: Crews are still on scene.\n",
            Format::Text,
        );
        assert_eq!(got[0].0, "Crews are still on scene.");
        assert_eq!(got[0].2.as_deref(), Some("@chiefkell"));
        // The Markdown form, `[@user](url): `.
        let got = block_quotes(
            "The chief posted:\n\n> [@chiefkell](https://social.example/chiefkell): Roads are open again.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].0, "Roads are open again.");
        assert_eq!(got[0].2.as_deref(), Some("@chiefkell"));
    }

    #[test]
    fn translation_after_a_foreign_quotation_is_a_second_quotation() {
        let src = "The mayor of Varna, Petar Ilchev, wrote:\n\nНие ще построим нов мост до края на годината.\n\nWe will build a new bridge by the end of the year.\n\nIlchev gave no date for the tender.\n";
        assert_eq!(
            words_of(src, Format::Text),
            vec![
                "Ние ще построим нов мост до края на годината.",
                "We will build a new bridge by the end of the year."
            ]
        );
        // Latin-script languages are told by diacritics and the lack of English words.
        assert!(foreign(
            "Mañana vendrán más camiones, según el alcalde de Sevilla."
        ));
        assert!(!foreign(
            "Hunger weaponised. Humanitarians killed. Villages burned."
        ));
    }

    #[test]
    fn a_bare_connector_introduces_one_more_quotation() {
        let src = "Student Ilya Marin tweeted:\n\nBring water and stay calm.\n\nand:\n\nDo not block the ambulances.\n\nMarin was detained that night.\n";
        let got = block_quotes(src, Format::Text);
        assert_eq!(
            got.iter().map(|q| q.0.as_str()).collect::<Vec<_>>(),
            vec!["Bring water and stay calm.", "Do not block the ambulances."]
        );
        assert!(got
            .iter()
            .all(|q| q.1.as_deref() == Some("Student Ilya Marin tweeted:")));
        // "and:" with no quotation before it introduces nothing.
        assert!(words_of("and:\n\nDo not block the ambulances.\n", Format::Text).is_empty());
    }

    #[test]
    fn the_writer_lists_captions_and_headings_are_not_quotations() {
        for src in [
            "The agency's plan works as follows:\n\nFirst, the old bridge is closed.\n",
            "The survey results include:\n\nA rise in rents across the region.\n",
            "The square was soon full of riot police:\n\nPolice at the station. Photo by Jan Kowal on Flickr (CC BY 2.0).\n",
            "This means:\n\nThe city pays twice for the same road.\n",
            "In other words, the council has two options:\n\nIt can sell the land or lease it.\n",
            "The minister wrote:\n\n2019 45 12 2020 51 17\n",
            "The clerk wrote:\n\nBudget Hearing Results\n\nThe hearing ran late.\n",
            "The minister wrote:\n\n- a new school\n- a new clinic\n",
            "The mayor explained the plan:\n\nThe city will borrow less, she told the chamber.\n",
        ] {
            assert!(words_of(src, Format::Text).is_empty(), "{src}");
        }
    }

    #[test]
    fn a_block_in_marks_follows_the_ordinary_rule_and_marks_inside_a_block_are_its_own() {
        let a = "The mayor said:\n\n\u{201c}We will rebuild the pier.\u{201d}\n";
        assert!(words_of(a, Format::Text).is_empty());
        assert_eq!(quotes(a), vec!["We will rebuild the pier."]);
        let src = "> She told us \"this is the end of it all\" and left the hall.\n";
        let doc = Article::from_text("a", src.to_string(), Format::Markdown);
        let prose: Vec<usize> = (0..doc.layout.blocks.len()).collect();
        let all = with_blocks(&doc, &prose, scan(&doc, &prose));
        assert_eq!(all.len(), 1);
        assert!(all[0].unmarked);
    }

    /// Quote claims of a whole extraction: (text, speaker, flags).
    fn claims(src: &str, format: Format) -> Vec<(String, Option<String>, Vec<String>)> {
        let a = Article::from_text("a", src.to_string(), format);
        crate::extract::extract(&a)
            .claims
            .into_iter()
            .filter(|c| c.kind == crate::model::ClaimKind::Quote)
            .map(|c| (c.text, c.speaker, c.flags))
            .collect()
    }

    #[test]
    fn block_quotations_become_claims_with_the_intro_speaker() {
        let got = claims(
            "Harbour News\n\nCouncil member Rafaela Ostrow said on Monday:\n\nThe bridge stays closed until spring.\n\nThe council meets again in June.\n",
            Format::Text,
        );
        assert_eq!(
            got,
            vec![(
                "The bridge stays closed until spring.".to_string(),
                Some("Rafaela Ostrow".to_string()),
                vec!["block-quote".to_string()]
            )]
        );
        // No cue resolves: the intro's first name is the speaker.
        let got = claims(
            "Trade analyst Bram Okoye, in his weekly summary:\n\n> Tariffs will not bring the factories back.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].1.as_deref(), Some("Bram Okoye"));
        // After a bare "This means:", the attribution is in the sentence before.
        let got = claims(
            "As economist Jo Tam writes, cities grow unevenly. This means:\n\n> poorer districts wait longest for new transit lines.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].1.as_deref(), Some("Jo Tam"));
        // A handle label names the speaker when the intro names no one.
        let got = claims(
            "The reply came within minutes:\n\n> @harbourwatch: The pier was never inspected.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].0, "The pier was never inspected.");
        assert_eq!(got[0].1.as_deref(), Some("@harbourwatch"));
    }

    #[test]
    fn block_quotation_sentences_are_not_assertions() {
        let a = Article::from_text(
            "a",
            "Mayor Lena Hart wrote:\n\nThe city spent 4 million dollars on the pier in 2023.\n"
                .to_string(),
            Format::Text,
        );
        let x = crate::extract::extract(&a);
        assert!(x
            .claims
            .iter()
            .all(|c| c.kind == crate::model::ClaimKind::Quote));
        assert_eq!(x.claims.len(), 1);
    }
}
