//! Finding quotation marks and pairing them into quoted spans, then telling quotations from
//! scare quotes and titles.
//!
//! Marks are read from the original text so that their direction survives normalisation: `“`,
//! `„`, `«` open; `”`, `»` close; a straight `"` opens or closes by its neighbours. A quotation
//! may run over several paragraphs when each continued paragraph opens with a mark and only the
//! last one closes. An opening mark that is never closed yields a quotation to the end of its
//! paragraph, flagged `unclosed-quote`, when it is long enough to be one.

use crate::article::{Article, BlockKind};

/// A span between quotation marks, in normalised coordinates.
#[derive(Debug, Clone)]
pub struct QuoteSpan {
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark, if the quotation was closed.
    pub close: Option<usize>,
    /// The quoted text (between the marks, trimmed).
    pub start: usize,
    pub end: usize,
    /// Index (into the article's blocks) of the block holding the opening mark.
    pub block: usize,
    pub multi_paragraph: bool,
    /// A block quotation without quote marks (see [`blocks`]): `open` is where its words start
    /// and `close` is `None`.
    pub unmarked: bool,
    /// For an unmarked block quotation: the block holding its introducing line, if any.
    pub intro: Option<usize>,
    /// For an unmarked block quotation: a handle label (`@user:`) or a signature line
    /// (`-- Name`) that names the speaker.
    pub label: Option<(usize, usize)>,
}

impl QuoteSpan {
    /// Just after the closing mark (or the end of the text when unclosed).
    pub fn after(&self) -> usize {
        self.close.map_or(self.end, |c| c + 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    /// „ opens a quotation that “ closes.
    OpenLow,
    Close,
    Either,
}

fn mark_of(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' | '\u{00ab}' | '\u{201f}' => Some(Mark::Open),
        '\u{201e}' => Some(Mark::OpenLow),
        '\u{201d}' | '\u{00bb}' => Some(Mark::Close),
        '"' | '\u{2033}' | '\u{ff02}' => Some(Mark::Either),
        _ => None,
    }
}

/// Does a straight mark at `pos` look like an opening one, judging by its neighbours?
fn straight_opens(text: &str, pos: usize) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos + 1..].chars().next();
    let before_open = before.is_none_or(|c| c.is_whitespace() || "([{-/:".contains(c));
    let after_word = after.is_some_and(|c| !c.is_whitespace());
    before_open && after_word
}

/// Pair the quotation marks of the given body blocks.
pub fn scan(article: &Article, body: &[usize]) -> Vec<QuoteSpan> {
    let text = article.text();
    let norm = &article.layout.norm;
    let blocks = &article.layout.blocks;
    let mut out = Vec::new();
    // An open quotation: (mark position, style, block index).
    let mut open: Option<(usize, Mark, usize)> = None;
    let mut multi = false;
    for (bi, &b) in body.iter().enumerate() {
        let block = &blocks[b];
        if block.kind == BlockKind::Heading {
            continue;
        }
        let marks: Vec<(usize, Mark)> = text[block.body..block.end]
            .match_indices('"')
            .map(|(i, _)| {
                let pos = block.body + i;
                // A mark at the edge of a link's text maps to the link's `[` or `)` in the
                // original (or came from an entity): its direction is then read from its
                // neighbours.
                let m = norm
                    .orig_char(&article.original, pos)
                    .and_then(mark_of)
                    .unwrap_or(Mark::Either);
                (pos, m)
            })
            .collect();
        let mut skip_first = false;
        if let Some((_, _, ob)) = open {
            // A quotation continued from the previous paragraph: this one opens with a mark.
            if ob != b
                && marks
                    .first()
                    .is_some_and(|&(p, m)| p == block.body && m != Mark::Close)
            {
                skip_first = true;
            }
        }
        // Inside an HTML attribute value (`allow="autoplay; encrypted-media"`).
        let mut in_attr = false;
        for (k, &(pos, m)) in marks.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            if in_attr {
                in_attr = m != Mark::Either;
                continue;
            }
            if open.is_none() && m == Mark::Either && text[..pos].ends_with('=') {
                in_attr = true;
                continue;
            }
            match open {
                None => {
                    let opens = match m {
                        Mark::Open | Mark::OpenLow => true,
                        Mark::Either => straight_opens(text, pos) || !looks_closing(text, pos),
                        Mark::Close => false,
                    };
                    if opens {
                        open = Some((pos, m, b));
                        multi = false;
                    }
                }
                Some((o, style, ob)) => {
                    let closes = match (style, m) {
                        (Mark::OpenLow, Mark::Open | Mark::Close | Mark::Either) => true,
                        (_, Mark::Close | Mark::Either) => true,
                        (_, Mark::Open | Mark::OpenLow) => false,
                    };
                    if closes {
                        push(&mut out, text, o, Some(pos), ob, multi);
                        open = None;
                    } else {
                        // A new opening mark while one is open: the first was stray.
                        open = Some((pos, m, b));
                        multi = false;
                    }
                }
            }
        }
        if let Some((o, _, ob)) = open {
            let next = body.get(bi + 1).map(|&n| &blocks[n]);
            let continues = next.is_some_and(|n| {
                n.kind != BlockKind::Heading
                    && text[n.body..].starts_with('"')
                    && norm
                        .orig_char(&article.original, n.body)
                        .and_then(mark_of)
                        .is_some_and(|m| m != Mark::Close)
            });
            if continues {
                multi = true;
            } else {
                // Unclosed: the quotation runs to the end of its paragraph.
                let q = QuoteSpan {
                    open: o,
                    close: None,
                    start: o + 1,
                    end: block.end,
                    block: ob,
                    multi_paragraph: multi,
                    unmarked: false,
                    intro: None,
                    label: None,
                };
                out.push(trim(text, q));
                open = None;
                multi = false;
            }
        }
    }
    out.retain(|q| q.end > q.start);
    out
}

/// A straight mark glued to the end of a word ("word"" ) reads as closing.
fn looks_closing(text: &str, pos: usize) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || ",.;:!?)".contains(c))
}

fn push(
    out: &mut Vec<QuoteSpan>,
    text: &str,
    open: usize,
    close: Option<usize>,
    block: usize,
    multi: bool,
) {
    let q = QuoteSpan {
        open,
        close,
        start: open + 1,
        end: close.unwrap_or(open + 1),
        block,
        multi_paragraph: multi,
        unmarked: false,
        intro: None,
        label: None,
    };
    out.push(trim(text, q));
}

fn trim(text: &str, mut q: QuoteSpan) -> QuoteSpan {
    let s = &text[q.start..q.end];
    q.start += s.len() - s.trim_start().len();
    q.end -= s.len() - s.trim_end().len();
    q.end = q.end.max(q.start);
    q
}

// ---------------------------------------------------------------------------------------------
// Block quotations without quote marks.
//
// Two shapes are quotations although no mark delimits them (one quotation per paragraph):
//
// | shape | example | rule |
// |---|---|---|
// | Markdown block quote | `The blogger wrote:` + `> Words …` | every `>` paragraph is a quotation, except callouts (`Note:`, `Update:`), data (mostly figures) and a closing signature line (`-- Jane Doe`), which names the speaker instead |
// | colon-introduced paragraph | `Mira Tal tweeted:` + `Words …` | the paragraph right after a paragraph ending in a colon whose last sentence attributes words: a verb of saying or writing (`wrote`, `tweeted`, `commented`, `quipping`) or a speech noun after a determiner (`The letter begins:`, `In her words, …:`) |
// | translation | a Cyrillic tweet + its English version | the next paragraph in another language than the quotation before it is a second quotation of the same speaker |
// | run | `and:` + a second tweet | a bare connector ending in a colon (`and:`, `and later:`) introduces one more quotation of the same attribution |
// | continued voice | a letter's second paragraph | a later paragraph continues the run only in the speaker's voice: it has a first- or second-person pronoun of a person the run's first quotation uses (`I` … `my`, `we` … `our`), no quote mark, no verb of saying, and no capitalised word of the introducing paragraph (a writer's paragraph names the speaker in the third person) |
//
// Not quotations: the writer's list (`the following:`, `as follows:`, `include:`, `such as:`,
// a count before the colon as in `there were three options:`, list items), a clause the colon
// explains (`critics say the plan has a flaw:`: a finite verb of saying followed by `is`,
// `has`, `was` … without `that`), an intro without an attribution (`This means:` in plain text, `surrounded by
// the police:`), image captions (`Photo by …`, `(CC BY …)`), blocks of figures, headings, and a
// paragraph that stands in quote marks itself (the ordinary rule takes it). A run ends at a
// heading, a list, a paragraph ending in a colon, or a paragraph in the writer's voice (one
// with a third-person attribution of its own, `…, she told the chamber.`). A
// leading handle label (`@user: `, Markdown `[@user](…): `) names the speaker and is left out
// of the words.
// ---------------------------------------------------------------------------------------------

/// How a paragraph ending in a colon introduces what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intro {
    /// An attribution: the next paragraph gives someone's words.
    Attribution,
    /// A bare connector (`and:`) continuing the attribution before it.
    Connector,
    /// Anything else: the writer's list, explanation or caption.
    Other,
}

/// Verbs (and their `-ing` forms) that introduce someone's words in a block quotation.
const INTRO_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "wrote",
    "writes",
    "write",
    "writing",
    "tweeted",
    "tweets",
    "tweeting",
    "retweeted",
    "posted",
    "posts",
    "posting",
    "reposted",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "stated",
    "states",
    "stating",
    "explained",
    "explains",
    "explaining",
    "remarked",
    "remarks",
    "declared",
    "declares",
    "declaring",
    "announced",
    "announces",
    "announcing",
    "replied",
    "replies",
    "replying",
    "responded",
    "responds",
    "responding",
    "answered",
    "answering",
    "continued",
    "continues",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "commented",
    "comments",
    "commenting",
    "told",
    "tells",
    "telling",
    "asked",
    "asks",
    "asking",
    "recalled",
    "recalls",
    "recalling",
    "quipped",
    "quipping",
    "joked",
    "joking",
    "shouted",
    "concluded",
    "concludes",
    "concluding",
    "warned",
    "warns",
    "warning",
    "pleaded",
    "urged",
    "conceded",
    "admitted",
    "acknowledged",
    "observed",
    "opined",
    "mused",
    "messaged",
    "texted",
    "emailed",
    "blogged",
    "shared",
    "quoted",
    "quotes",
    "quoting",
    "quote",
    "reads",
    "read",
    "proclaimed",
    "summed",
    "put",
];

/// Nouns naming someone's words; they attribute when a determiner or possessive goes before
/// (`the letter`, `his farewell address`, `a Jane Doe tweet`).
const INTRO_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "words",
    "remarks",
    "letter",
    "letters",
    "tweet",
    "tweets",
    "post",
    "posts",
    "message",
    "messages",
    "email",
    "e-mail",
    "speech",
    "address",
    "testimony",
    "announcement",
    "comment",
    "comments",
    "reply",
    "response",
    "interview",
    "op-ed",
    "editorial",
    "column",
    "caption",
    "petition",
    "proclamation",
    "declaration",
    "text",
    "passage",
    "excerpt",
    "transcript",
    "memo",
    "note",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose",
];

/// Words that announce the writer's own list or pointer, not someone's words.
const LIST_CUES: &[&str] = &[
    "following",
    "follows",
    "include",
    "includes",
    "including",
    "included",
    "namely",
    "below",
    "above",
    "such",
    "example",
    "instance",
    "e.g",
];

const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "several", "few", "couple", "multiple", "dozen", "handful", "both",
];

const CONNECTORS: &[&str] = &[
    "and",
    "also",
    "then",
    "later",
    "again",
    "plus",
    "or",
    "but",
    "next",
    "finally",
    "another",
    "still",
    "further",
    "furthermore",
    "moreover",
    "earlier",
];

/// The last sentence of a paragraph: the text after the last `. `, `? ` or `! ` that is
/// followed by a capital or a quote mark.
fn last_sentence(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &c) in bytes.iter().enumerate() {
        // `. Next`, or `." Next` / `.) Next` after a closing mark or bracket.
        let gap = match bytes.get(i + 1) {
            Some(b' ') => 1,
            Some(b'"' | b')' | b'\'') if bytes.get(i + 2) == Some(&b' ') => 2,
            _ => 0,
        };
        if matches!(c, b'.' | b'?' | b'!') && gap > 0 {
            let rest = s[i + 1 + gap..].trim_start();
            let before = s[..i].rsplit(' ').next().unwrap_or("");
            if rest
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n == '"')
                && !super::text::is_abbreviation(&format!("{before}."))
            {
                from = i + 1 + gap;
            }
        }
    }
    s[from..].trim_start()
}

fn lower_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How a paragraph ending in a colon (`para`, the whole paragraph) introduces the next one.
pub fn intro_kind(para: &str) -> Intro {
    let para = para.trim_end();
    let Some(body) = para.strip_suffix(':') else {
        return Intro::Other;
    };
    let sentence = last_sentence(body);
    let words = lower_words(sentence);
    if words.is_empty() {
        return Intro::Other;
    }
    if words.len() <= 3 && words.iter().all(|w| CONNECTORS.contains(&w.as_str())) {
        return Intro::Connector;
    }
    let raw: Vec<&str> = sentence.split_whitespace().collect();
    // The verb nearest the colon is the one that introduces the words.
    let verb = words
        .iter()
        .rposition(|w| INTRO_VERBS.contains(&w.as_str()));
    let noun = words.iter().enumerate().position(|(k, w)| {
        INTRO_NOUNS.contains(&w.as_str())
            && !(w == "words" && k > 0 && words[k - 1] == "other")
            && (k.saturating_sub(3)..k).any(|j| {
                DETERMINERS.contains(&words[j].as_str())
                    || raw.get(j).is_some_and(|r| {
                        r.trim_end_matches(|c: char| !c.is_alphanumeric())
                            .ends_with("'s")
                    })
            })
    });
    if verb.is_none() && noun.is_none() {
        return Intro::Other;
    }
    // A clause after the verb that the colon then explains is the writer's: `critics say the
    // plan has a flaw:`. A that-clause reports the gist, and the words may still follow
    // (`quipping that the police would come next:`).
    // (A participle opens the sentence instead: `Writing on her blog, Jo Tam was blunt:`.)
    if let Some(v) = verb.filter(|&v| !words[v].ends_with("ing")) {
        let that = words[v + 1..].iter().take(2).any(|w| w == "that");
        let clause = words[v + 1..].iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been"
            )
        });
        if clause && !that {
            return Intro::Other;
        }
    }
    // A count just before the colon announces the writer's list: `said there were three
    // options:`.
    if words
        .iter()
        .rev()
        .take(4)
        .any(|w| COUNTS.contains(&w.as_str()))
    {
        return Intro::Other;
    }
    // `the following statement:` and `wrote as follows:` still attribute; `the following:`,
    // `include:` and `as noted above:` do not.
    for (k, w) in words.iter().enumerate() {
        if !LIST_CUES.contains(&w.as_str()) {
            continue;
        }
        let speech_next = w == "following"
            && words
                .get(k + 1)
                .is_some_and(|n| INTRO_NOUNS.contains(&n.as_str()));
        let verb_as = w == "follows"
            && k >= 2
            && words[k - 1] == "as"
            && INTRO_VERBS.contains(&words[k - 2].as_str())
            && !matches!(words[k - 2].as_str(), "noted" | "stated");
        if !(speech_next || verb_as) {
            return Intro::Other;
        }
    }
    Intro::Attribution
}

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
/// the run's first quotation)? See the table above.
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

/// Unmarked block quotations among the body blocks `prose` (see the table above), given the
/// quotations in marks `marked` (sorted).
pub fn blocks(article: &Article, prose: &[usize], marked: &[QuoteSpan]) -> Vec<QuoteSpan> {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let marks: Vec<(usize, usize)> = marked.iter().map(|q| (q.open, q.after())).collect();
    let mut out: Vec<QuoteSpan> = Vec::new();
    // The open run: (intro block, is a Markdown block quote, quotations so far, index in `out`
    // where the run starts).
    struct Run {
        intro: Option<usize>,
        markdown: bool,
        count: usize,
        first: usize,
        /// The last quotation was the translation of the one before it.
        translation: bool,
    }
    let mut run: Option<Run> = None;
    for (pos, &b) in prose.iter().enumerate() {
        let block = &blocks[b];
        let para = &text[block.body..block.end];
        let prev = pos.checked_sub(1).map(|p| &blocks[prose[p]]);
        let adjacent = prev.is_some_and(|p| p.para + 1 == block.para);
        if !adjacent {
            run = None;
        }
        if block.kind == BlockKind::Heading || para.trim().is_empty() {
            run = None;
            continue;
        }
        // In marks itself, or crossed by a quotation in marks: the ordinary rule applies.
        // (Quotations in marks are sorted and disjoint: those overlapping the block are a
        // range, and only its first and last can cross the block's edges.)
        let lo = marks.partition_point(|&(_, a)| a <= block.body);
        let hi = marks.partition_point(|&(o, _)| o < block.end).max(lo);
        let in_marks = para.starts_with('"')
            || (lo < hi && (marks[lo].0 < block.body || marks[hi - 1].1 > block.end));
        if block.quoted {
            if !run.as_ref().is_some_and(|r| r.markdown) {
                let intro = prev
                    .filter(|p| adjacent && !p.quoted)
                    .filter(|p| text[p.body..p.end].trim_end().ends_with(':'))
                    .map(|_| prose[pos - 1]);
                run = Some(Run {
                    intro,
                    markdown: true,
                    count: 0,
                    first: out.len(),
                    translation: false,
                });
            }
            let Some(r) = run.as_mut() else {
                continue;
            };
            if let Some((s, e)) = signature(para) {
                for q in &mut out[r.first..] {
                    q.label = Some((block.body + s, block.body + e));
                }
                continue;
            }
            if in_marks || callout(para) || figures(para) {
                continue;
            }
            out.push(block_span(text, b, block.body, block.end, r.intro));
            r.count += 1;
            continue;
        }
        if run.as_ref().is_some_and(|r| r.markdown) {
            run = None;
        }
        if para.trim_end().ends_with(':') {
            run = match intro_kind(para) {
                Intro::Attribution
                    if matches!(block.kind, BlockKind::Paragraph | BlockKind::Line) =>
                {
                    Some(Run {
                        intro: Some(b),
                        markdown: false,
                        count: 0,
                        first: out.len(),
                        translation: false,
                    })
                }
                Intro::Connector => run.filter(|r| r.count > 0).map(|r| Run {
                    count: 0,
                    first: out.len(),
                    translation: false,
                    ..r
                }),
                _ => None,
            };
            continue;
        }
        let Some(r) = run.as_mut() else {
            continue;
        };
        if block.kind != BlockKind::Paragraph
            || in_marks
            || caption(para)
            || figures(para)
            || narrated(para)
        {
            run = None;
            continue;
        }
        let last = out.last().map_or("", |q| &text[q.start..q.end]);
        let language_changes = r.count > 0 && !r.translation && foreign(last) != foreign(para);
        let accept = r.count == 0 || language_changes || {
            let names = r
                .intro
                .map(|i| capitalised(&text[blocks[i].body..blocks[i].end]))
                .unwrap_or_default();
            let voice = out
                .get(r.first)
                .map_or(0, |q| persons(&text[q.start..q.end]));
            same_voice(para, voice, &names)
        };
        if !accept {
            run = None;
            continue;
        }
        r.translation = language_changes;
        out.push(block_span(text, b, block.body, block.end, r.intro));
        r.count += 1;
    }
    out
}

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
        .filter(|m| !super::text::inside(&ranges, m.open))
        .collect();
    out.extend(found);
    out.sort_by_key(|q| q.open);
    out
}

/// A cheap look at an article's raw text, without extracting it: does it hold a quotation in
/// marks of 4+ words that is not a title, a Markdown block quote, or a paragraph introduced by
/// an attribution ending in a colon? (`dossier check` warns when such an article has no quote
/// claim.)
pub fn looks_quoted(original: &str, markdown: bool) -> bool {
    let mut prev_intro = false;
    for para in original
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if markdown && para.starts_with('#') {
            prev_intro = false;
            continue;
        }
        if markdown && para.starts_with('>') && word_count(para) >= 4 {
            return true;
        }
        let listed = crate::article::layout::list_marker(para).is_some();
        if prev_intro && !listed && word_count(para) >= 1 {
            return true;
        }
        prev_intro = para.ends_with(':') && intro_kind(para) == Intro::Attribution;
        // (position of the opening mark, start of the words)
        let mut open: Option<(usize, usize)> = None;
        for (i, c) in para.char_indices() {
            match (c, open) {
                ('\u{201c}' | '\u{201e}' | '\u{00ab}', _) | ('"', None) => {
                    open = Some((i, i + c.len_utf8()))
                }
                ('"' | '\u{201d}' | '\u{00bb}', Some((m, o))) => {
                    let inner = &para[o..i];
                    if word_count(inner) >= 4
                        && !looks_like_title(inner)
                        && !para[..m].ends_with('=')
                    {
                        return true;
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    false
}

/// Number of words in a span.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Does the quoted text read like the title of a work ("Trump and NATO: A Love-Hate
/// Relationship") rather than someone's words? Title case capitalises every word of four
/// letters or more and every verb, so a lower-case `is` or `was` reads as a sentence ("Who is
/// Jo Tam?"). A title may end in a period (`"Plans for the Harbor Budget."`, American
/// punctuation) when it mixes capitals with lower-case function words.
pub fn looks_like_title(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let capitalised = |w: &&&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let lower_verb = words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "is" | "are" | "was" | "were" | "am" | "be" | "has" | "had" | "do" | "did" | "can"
        )
    });
    if content.len() < 2 || all_caps || lower_verb || !content.iter().all(capitalised) {
        return false;
    }
    let trimmed = s.trim_end_matches([',', ' ']);
    if trimmed.ends_with(['.', '!']) {
        let function_words = words
            .iter()
            .filter(|w| matches!(**w, "of" | "for" | "the" | "and" | "in" | "on" | "to" | "a"))
            .count();
        return content.len() >= 4 && function_words >= 1 && !trimmed.ends_with('!');
    }
    true
}

/// Nouns for works that name their title right after them, with no comma: `the article
/// "…"`, `her book "…"`.
const WORK_NOUNS: &[&str] = &[
    "article",
    "book",
    "novel",
    "report",
    "paper",
    "study",
    "essay",
    "film",
    "movie",
    "documentary",
    "song",
    "album",
    "poem",
    "play",
    "series",
    "episode",
    "chapter",
    "headline",
    "exhibit",
    "exhibition",
    "lecture",
    "sermon",
    "post",
    "column",
    "memo",
    "memorandum",
    "directive",
    "bill",
    "act",
    "resolution",
    "program",
    "programme",
    "campaign",
    "initiative",
    "project",
    "strategy",
];

/// Words that announce a title or a term, not a quotation: `titled "…"`, `the article "…"`,
/// a citation's `Jo Tam (2021), "…"`. A term noun after a verb of saying is the speaker's own
/// words: `posted the phrase "…"`.
pub fn introduces_title(pre: &str) -> bool {
    let bare = pre.trim_end();
    let trimmed = bare.trim_end_matches([',', ':', '.', ' ']);
    // Author (year), "Title," — the citation form of footnotes and reference lists.
    if let Some(inner) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('(').map(|(_, y)| y))
    {
        let year = inner.trim_end_matches(char::is_alphabetic);
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && bare.len() > trimmed.len()
        {
            return true;
        }
    }
    let mut words = bare
        .trim_end_matches([',', ':'])
        .rsplit(char::is_whitespace)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let last = words.next().unwrap_or_default();
    if WORK_NOUNS.contains(&last.as_str()) && !bare.ends_with([',', ':']) {
        return true;
    }
    let term = matches!(
        last.as_str(),
        "term" | "word" | "words" | "phrase" | "slogan" | "hashtag" | "label"
    );
    if term {
        let verb = words
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "this" | "that" | "these"))
            .unwrap_or_default();
        return !INTRO_VERBS.contains(&verb.as_str());
    }
    matches!(
        last.as_str(),
        "titled" | "entitled" | "headlined" | "dubbed" | "nicknamed" | "named" | "so-called"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    fn quotes(src: &str) -> Vec<String> {
        let a = Article::from_text("a.txt", src.to_string(), Format::Text);
        let body: Vec<usize> = (0..a.layout.blocks.len()).collect();
        scan(&a, &body)
            .iter()
            .map(|q| {
                let (s, e) = a.original_span(q.start, q.end);
                a.original[s..e].to_string()
            })
            .collect()
    }

    #[test]
    fn straight_curly_guillemets_and_low_marks() {
        assert_eq!(
            quotes("He said \"one two\" and “three four” and «five six» and „seven eight“ too."),
            vec!["one two", "three four", "five six", "seven eight"]
        );
    }

    #[test]
    fn multi_paragraph_quotation() {
        let got = quotes("She said: “First paragraph here.\n\n“Second paragraph ends.”\n\nAfter.");
        assert_eq!(
            got,
            vec!["First paragraph here.\n\n“Second paragraph ends."]
        );
    }

    #[test]
    fn unclosed_quotation_runs_to_paragraph_end() {
        let got = quotes("He said “this never closes, and the paragraph ends.\n\nNext paragraph.");
        assert_eq!(got, vec!["this never closes, and the paragraph ends."]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(
            quotes("A stray” mark, then “a real one”."),
            vec!["a real one"]
        );
    }

    #[test]
    fn titles() {
        assert!(looks_like_title("Trump and NATO: A Love-Hate Relationship"));
        assert!(looks_like_title("Celebrating Earth Day,"));
        assert!(!looks_like_title("We are with you."));
        assert!(!looks_like_title("IMMEDIATELY CEASE all use of it."));
        assert!(introduces_title("a report titled"));
        assert!(!looks_like_title("What is so sad for me"));
    }

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
    fn intro_kinds() {
        for s in [
            "Svetlana Orlova commented on the verdict:",
            "The letter begins [ru]:",
            "In his words, it was a year in which prices:",
            "The ministry issued the following statement:",
            "The notice reads as follows:",
            "Writing on her blog, Mara Lind was blunt:",
            "The collective responded, quipping that the police would come next:",
            "And I quote:",
            "Twitter, she argued, \"has become a weapon.\" Her letter begins:",
            "The band responded at once, quipping that the police would be next:",
        ] {
            assert_eq!(intro_kind(s), Intro::Attribution, "{s}");
        }
        for s in [
            "The votes were as follows:",
            "The measures include:",
            "In response to the flooding, the council adopted:",
            "Here are the figures:",
            "As noted above:",
            "The mayor said there were three options:",
            "Critics say the plan has two flaws:",
            "Critics say the plan has a flaw:",
            "She said the decision was simple:",
            "The votes were counted.",
        ] {
            assert_eq!(intro_kind(s), Intro::Other, "{s}");
        }
        assert_eq!(intro_kind("and:"), Intro::Connector);
        assert_eq!(intro_kind("And later:"), Intro::Connector);
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

    #[test]
    fn html_attributes_are_not_quotations() {
        assert!(quotes(
            "<iframe width=\"560\" src=\"https://video.example/x\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope\"></iframe>"
        )
        .is_empty());
        assert_eq!(
            quotes("The chair said \"we will meet again next week\" and left."),
            vec!["we will meet again next week"]
        );
    }

    #[test]
    fn marks_at_the_edges_of_a_link_text_are_read() {
        let src = "Stickers reading [\"Where did the money go?\"](https://img.example/a.jpg) appeared overnight.\n";
        let a = Article::from_text("a.md", src.to_string(), Format::Markdown);
        let body: Vec<usize> = (0..a.layout.blocks.len()).collect();
        let got: Vec<&str> = scan(&a, &body)
            .iter()
            .map(|q| &a.text()[q.start..q.end])
            .collect();
        assert_eq!(got, vec!["Where did the money go?"]);
    }

    #[test]
    fn more_titles() {
        assert!(!looks_like_title("Who is Mara Lind?"));
        assert!(looks_like_title("Where Is Mara Lind?"));
        assert!(looks_like_title(
            "Plans for Reducing the Harbor Authority's Debt."
        ));
        assert!(!looks_like_title("We Will Win This."));
        assert!(introduces_title("see Jo Tam (2021), "));
        assert!(introduces_title("a translation of the article "));
        assert!(!introduces_title("she wrote in the article, "));
        assert!(introduces_title("coined the phrase "));
        assert!(!introduces_title("he posted the phrase "));
    }

    #[test]
    fn looks_quoted_sees_marks_blocks_and_colon_intros() {
        assert!(looks_quoted(
            "The mayor said \u{201c}we will rebuild the pier\u{201d}.",
            false
        ));
        assert!(looks_quoted("Intro.\n\n> Words of someone here.\n", true));
        assert!(looks_quoted("Jo Tam tweeted:\n\nWe won.\n", false));
        assert!(!looks_quoted(
            "A \"scare\" quote and the \"Harbour Bridge Works Report\".",
            false
        ));
        assert!(!looks_quoted("The plan includes:\n\n1. A road.\n", false));
        assert!(!looks_quoted(
            "<iframe allow=\"a; b; c; d; e\"></iframe>",
            false
        ));
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
