//! Sources named in the running text: "Reuters reported", "according to The Guardian",
//! "on Twitter", "Speaking to NBC News", "a UN report", "as published in Kommersant", and, in
//! Markdown, every link to another site.

use super::names::Names;
use super::outlets;
use super::references::Fields;
use super::text::{Sentence, WordStart};
use crate::article::Article;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

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
    pub start: usize,
    pub end: usize,
    pub orig: Option<(usize, usize)>,
    pub cue: Cue,
    pub fields: Fields,
    pub sentence: usize,
}

struct Res {
    before: WordStart,
    after: Regex,
    venue: WordStart,
    person_of: WordStart,
    report_noun: Regex,
    named_work: WordStart,
    data_from: WordStart,
    author_year: Regex,
    platform_user: Regex,
    and_by: WordStart,
    available: WordStart,
}

/// Words that must occur for the "according to X" family of patterns to match.
const BEFORE_CUES: &[&str] = &[
    "ccording to",
    "eported by",
    "ublished",
    "uoted",
    "ited by",
    "riting in",
    "riting for",
    "rites for",
    "rote for",
    "rote in",
    "nterview with",
    "told ",
    "peaking",
    "tatement to",
];

/// A family of patterns and the words that must occur in a sentence for any of them to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
enum Family {
    /// "told Jane Roe of the Valley Gazette".
    PersonOf = 1,
    /// "according to X", "writing for X".
    Before = 1 << 1,
    /// "X reported", "X quoted".
    After = 1 << 2,
    /// "a UN report".
    ReportNoun = 1 << 3,
    /// "data from X", "a study by X".
    FromBy = 1 << 4,
    /// "the Household Pulse Survey".
    Work = 1 << 5,
    /// "Twitter user X".
    User = 1 << 6,
    /// "Roe and Doe (2021)".
    Paren = 1 << 7,
    /// "available on X".
    Available = 1 << 8,
}

impl Family {
    const ALL: [Family; 9] = [
        Family::PersonOf,
        Family::Before,
        Family::After,
        Family::ReportNoun,
        Family::FromBy,
        Family::Work,
        Family::User,
        Family::Paren,
        Family::Available,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            Family::PersonOf => &["peaking", "told ", "nterview with"],
            Family::Before => BEFORE_CUES,
            Family::After => &[
                "reported",
                "revealed",
                "reports",
                "published",
                "broke the news",
                "said in a report",
                "disclosed",
                "quoted",
            ],
            Family::ReportNoun => &[
                " report",
                " study",
                " investigation",
                " survey",
                " analysis",
                " poll",
                " inquiry",
                " audit",
                " review",
            ],
            Family::FromBy => &[" from ", " by "],
            Family::Work => WORK_WORDS,
            Family::User => &[" user ", " blogger "],
            Family::Paren => &[" ("],
            Family::Available => &["available "],
        }
    }
}

/// The families whose words occur in `sent`, as a bit set of [`Family`] values: one scan of
/// the sentence for all of them, instead of one substring search per word.
fn families(sent: &str) -> u16 {
    static SCAN: OnceLock<(AhoCorasick, Vec<u16>)> = OnceLock::new();
    let (ac, masks) = SCAN.get_or_init(|| {
        let mut words: Vec<(&str, u16)> = Vec::new();
        for f in Family::ALL {
            for w in f.words() {
                match words.iter_mut().find(|(x, _)| x == w) {
                    Some((_, m)) => *m |= f as u16,
                    None => words.push((w, f as u16)),
                }
            }
        }
        let ac = AhoCorasick::new(words.iter().map(|(w, _)| w)).expect("static word list");
        (ac, words.into_iter().map(|(_, m)| m).collect())
    });
    let all = masks.iter().fold(0, |a, m| a | m);
    let mut found = 0;
    for m in ac.find_overlapping_iter(sent) {
        found |= masks[m.pattern().as_usize()];
        if found == all {
            break;
        }
    }
    found
}

const OUTLET: &str = r"(?P<o>(?:[Tt]he )?[\p{Lu}][\p{L}\d&.'-]*(?: (?:of |and |for |the |&)?[\p{Lu}\d][\p{L}\d&.'-]*){0,5})";

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        // Names are Unicode letters, so these automata have many states; a larger lazy-DFA
        // cache than the default keeps them from being rebuilt sentence after sentence.
        let re = |s: String| {
            regex::RegexBuilder::new(&s)
                .dfa_size_limit(16 << 20)
                .build()
                .expect("static regex")
        };
        Res {
            before: WordStart(re(format!(r"(?P<cue>(?-u:\b)(?:[Aa]ccording to|[Rr]eported by|[Aa]s reported by|[Pp]ublished by|[Aa]s published (?:in|by)|[Qq]uoted (?:in|by)|[Cc]ited by|[Ww]riting in|[Ww]rote in|[Ww]riting for|[Ww]rites for|[Ww]rote for|[Ss]aid in an interview with|[Ii]n an interview with|[Tt]old|[Ss]peaking to|[Ss]peaking with|[Ii]n a statement to)) {OUTLET}"))),
            after: re(format!(r"{OUTLET} (?:(?:blog|website|site|newspaper|daily|weekly|magazine|portal|agency|channel|broadcaster|tabloid) )?(?P<cue>(?:first |later |also |has |had )?(?:reported|revealed|reports|published|broke the news|said in a report|disclosed|quoted))\b")),
            venue: WordStart(re(format!(r"(?P<cue>(?-u:\b)(?:on|to|with|in|via)) (?:(?:his|her|their|its|the|a|an) )?{OUTLET}"))),
            person_of: WordStart(re(format!(r"(?P<cue>(?-u:\b)(?:[Ss]peaking to|[Tt]old|[Ii]n an interview with)) [\p{{Lu}}][\p{{L}}'-]+(?: [\p{{Lu}}][\p{{L}}'-]+){{0,3}} of {OUTLET}"))),
            report_noun: re(r"\b(?:[Aa]|[Aa]n|[Tt]he) (?P<o>[\p{Lu}][\p{L}.&-]*(?: (?:of |for |and |the )*[\p{Lu}][\p{L}.&-]*){0,4}) (?:\([\p{Lu}]{2,}\) )?(?P<cue>report|study|survey|analysis|poll|inquiry|audit|review|index|minutes|data|statistics|figures|estimates)\b".to_string()),
            named_work: WordStart(re(r"(?-u:\b)(?:[Tt]he|[Aa]n?) (?:(?P<o>[\p{Lu}][\p{L}.&-]*(?: (?:of |and |for |the )*[\p{Lu}][\p{L}.&-]*){0,8})'s )?(?P<t>[\p{Lu}][\p{L}-]*(?: (?:of |and |for |on |the )*[\p{Lu}][\p{L}-]*){0,8})".to_string())),
            data_from: WordStart(re(format!(r"(?-u:\b)(?P<cue>(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Rr]esearch|[Aa] (?:report|study|survey|poll)(?: released| published)?|prepared|compiled|conducted|commissioned|issued) (?:from|by)) (?:the )?{OUTLET}"))),
            platform_user: re(r"\b(?P<o>[\p{Lu}][\p{L}]+) (?:user|blogger) @?[\p{Lu}@]".to_string()),
            author_year: re(r"\b(?P<who>[\p{Lu}][\p{L}'-]+(?: (?:and|&) [\p{Lu}][\p{L}'-]+| et al\.?)?) \((?P<y>1[89]\d\d|20\d\d)[a-z]?\)".to_string()),
            and_by: WordStart(re(format!(r"(?-u:\b)and (?P<cue>by) {OUTLET}"))),
            available: WordStart(re(r"(?-u:\b)available (?:through|from|at|via|on) (?P<o>(?:the )?[\p{Lu}][\p{L}'-]*(?: (?:of |the |at |and |for )*[\p{Lu}][\p{L}'-]*,?)*)".to_string())),
        }
    })
}

/// Trim an outlet capture: drop a trailing possessive or dangling connector and a leading
/// lower-case "the".
fn tidy(o: &str) -> &str {
    let mut o = o.trim().trim_end_matches([',', '.']);
    for suffix in [" and", " of", " the", " for", " &"] {
        o = o.strip_suffix(suffix).unwrap_or(o);
    }
    o.strip_prefix("the ").unwrap_or(o)
}

/// A name that reads as a newspaper's or broadcaster's the outlet table does not know ("the
/// Valley Gazette"), and that the article does not use for a person.
fn unknown_masthead(names: &Names, o: &str) -> bool {
    outlets::looks_like_outlet(o) && !names.knows_person(o)
}

fn is_plausible_outlet(names: &Names, o: &str) -> bool {
    let bare = o.strip_prefix("The ").unwrap_or(o);
    let first = bare.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.strip_suffix("'s").unwrap_or(&first);
    !o.is_empty()
        && !o.contains("'s")
        && !super::lexicon::contains(&super::lexicon::NOT_NAMES, first)
        && !names.knows_person(o)
        && crate::article::metadata::month_number(o).is_none()
}

/// Find named sources in the given body sentences.
pub fn find(
    article: &Article,
    sentences: &[Sentence],
    quotes: &[(usize, usize)],
    names: &Names,
    notes: &[Option<u32>],
) -> Vec<Inline> {
    let text = article.text();
    let r = res();
    let mut found: Vec<Inline> = Vec::new();
    let outside = |s: usize, e: usize| !super::text::overlaps(quotes, s, e);
    // Footnotes are references themselves; what they name is part of that entry.
    for (si, s) in sentences.iter().enumerate() {
        if notes.get(s.block).is_some_and(Option::is_some) {
            continue;
        }
        let sent = &text[s.start..s.end];
        // One pass of cheap substring tests spares the regular expressions most sentences.
        let present = families(sent);
        let has = |family: Family| present & family as u16 != 0;
        let mut out: Vec<Inline> = Vec::new();
        let add = |out: &mut Vec<Inline>, start: usize, end: usize, outlet: &str, cue: Cue| {
            let (a, b) = (s.start + start, s.start + end);
            if !outside(a, b)
                || out
                    .iter()
                    .any(|x| x.start == a && x.fields.outlet.as_deref() == Some(outlet))
            {
                return;
            }
            out.push(Inline {
                start: a,
                end: b,
                orig: None,
                cue,
                fields: Fields {
                    outlet: Some(outlet.to_string()),
                    ..Fields::default()
                },
                sentence: si,
            });
        };
        for c in (has(Family::PersonOf))
            .then(|| r.person_of.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = tidy(&c["o"]);
            if outlets::is_outlet(o) || !names.knows_person(o) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let end = whole.start
                    + c.get(0)
                        .map_or(0, |m| m.as_str().find(o).unwrap_or(0) + o.len());
                add(&mut out, whole.start, end, o, Cue::Venue);
            }
        }
        for c in (has(Family::Before))
            .then(|| r.before.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let cue = c.name("cue").map_or("", |m| m.as_str()).to_lowercase();
            let o = tidy(&c["o"]);
            let venue_cue = cue.starts_with("told")
                || cue.starts_with("speaking")
                || cue.contains("interview")
                || cue.contains("statement to")
                || cue.contains("published")
                || cue.contains("writing")
                || cue.contains("wrote")
                || cue.contains("quoted");
            // "told X" and "speaking to X" name an outlet only when X is one.
            if venue_cue
                && (cue.starts_with("told") || cue.starts_with("speaking"))
                && !outlets::is_outlet(o)
                && !unknown_masthead(names, o)
            {
                continue;
            }
            if !is_plausible_outlet(names, o) {
                continue;
            }
            let start = c.get(0).map_or(0, |m| m.start());
            let end = c["o"]
                .find(o)
                .map_or(0, |p| c.name("o").map_or(0, |m| m.start()) + p + o.len());
            // "according to Russian media": a single word before a lower-case noun is a
            // modifier (a nationality, a place), not the source's name.
            if modifies_next_word(o, &sent[end..]) {
                continue;
            }
            let kind = if venue_cue { Cue::Venue } else { Cue::Report };
            for name in split_outlets(o) {
                add(&mut out, start, end, name, kind);
            }
            // "reported by The Guardian … and by Associated Press"
            if cue.contains("by") {
                for c2 in r.and_by.captures_iter(&sent[end..]) {
                    let o2 = tidy(&c2["o"]);
                    if is_plausible_outlet(names, o2) {
                        let s2 = end + c2.name("cue").map_or(0, |m| m.start());
                        let e2 = end + c2.name("o").map_or(0, |m| m.start()) + o2.len();
                        add(&mut out, s2, e2, o2, Cue::Report);
                    }
                }
            }
        }
        for c in (has(Family::After))
            .then(|| r.after.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o_full = &c["o"];
            // The outlet is the capitalised run right before the verb ("broadcaster PBS").
            let o = tidy(o_full);
            if !is_plausible_outlet(names, o) {
                continue;
            }
            let start = c.name("o").map_or(0, |m| m.start()) + o_full.find(o).unwrap_or(0);
            let end = c.get(0).map_or(0, |m| m.end());
            // "Ada Quill reports": a reporter is not an outlet.
            if !unknown_masthead(names, o) && !names_an_organisation(names, s.start + start, o) {
                continue;
            }
            // "The Harbour Times quoted her as saying": where her words were published.
            let cue = c.name("cue").map_or("", |m| m.as_str());
            let kind = if cue.ends_with("quoted") {
                Cue::Venue
            } else {
                Cue::Report
            };
            add(&mut out, start, end, o, kind);
        }
        for c in may_have_communication_verb(sent)
            .then(|| r.venue.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = tidy(&c["o"]);
            // "on ABC Radio's AM program": the possessor is the outlet.
            let o = possessor(o);
            // A known outlet, or a masthead the list does not know ("in the Valley Gazette"); a
            // person is never "the" Jane Post, so after "the" the masthead word decides.
            let after_the = c
                .get(0)
                .is_some_and(|m| m.as_str().to_lowercase().contains(" the "));
            let masthead = outlets::looks_like_outlet(o) && (after_the || !names.knows_person(o));
            if !outlets::is_outlet(o) && !masthead {
                continue;
            }
            let start = c.get(0).map_or(0, |m| m.start());
            let end = c.name("o").map_or(0, |m| m.start()) + c["o"].find(o).unwrap_or(0) + o.len();
            // A venue is where words were said or published: a verb of saying or publishing
            // stands near ("wrote … on Twitter", "Trump, also on Twitter, defended …").
            if !near_communication_verb(&sent[..start], &sent[end..]) {
                continue;
            }
            if out
                .iter()
                .any(|x| x.start <= s.start + start && s.start + end <= x.end)
            {
                continue;
            }
            add(&mut out, start, end, o, Cue::Venue);
        }
        for c in (has(Family::ReportNoun))
            .then(|| r.report_noun.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = &c["o"];
            if names.knows_person(o)
                || super::lexicon::contains(&super::lexicon::NOT_NAMES, &o.to_lowercase())
            {
                continue;
            }
            let at = s.start + c.name("o").map_or(0, |m| m.start());
            if o.contains(' ') && !names_an_organisation(names, at, o) {
                continue;
            }
            let expanded = outlets::expand_acronym(o)
                .map(str::to_string)
                .or_else(|| fuller_org(names, o))
                .unwrap_or_else(|| o.to_string());
            let whole = c.get(0).map_or(0..0, |m| m.range());
            add(&mut out, whole.start, whole.end, &expanded, Cue::Report);
        }
        // "Data from the Federal Reserve Bank of Atlanta show", "a study by the Lantern Trust".
        for c in (has(Family::FromBy))
            .then(|| r.data_from.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = possessor(tidy(&c["o"]));
            let at = s.start + c.name("o").map_or(0, |m| m.start());
            let start = c.get(0).map_or(0, |m| m.start());
            let end = c.name("o").map_or(0, |m| m.start()) + c["o"].find(o).unwrap_or(0) + o.len();
            if o.is_empty()
                || names.knows_person(o)
                || modifies_next_word(o, &sent[end..])
                || !names_an_organisation(names, at, o)
            {
                continue;
            }
            let o = outlets::expand_acronym(o).unwrap_or(o);
            add(&mut out, start, end, o, Cue::Report);
        }
        // Named surveys, indexes and reports: "the Lantern Bank's Survey of Household Budgets",
        // "the Household Pulse Survey".
        for c in (has(Family::Work))
            .then(|| r.named_work.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let t = c["t"].trim();
            if !t
                .split_whitespace()
                .any(|w| WORK_WORDS.iter().any(|k| k.trim() == w))
                || t.split_whitespace().count() < 2
            {
                continue;
            }
            let outlet = c.name("o").map(|o| {
                let o = o.as_str();
                outlets::expand_acronym(o)
                    .map(str::to_string)
                    .unwrap_or_else(|| o.to_string())
            });
            if outlet.as_deref().is_some_and(|o| names.knows_person(o)) {
                continue;
            }
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let end = whole.start + c.get(0).map_or("", |m| m.as_str()).trim_end().len();
            let (a, b) = (s.start + whole.start, s.start + end);
            if !outside(a, b) || out.iter().any(|x| x.start <= a && b <= x.end) {
                continue;
            }
            // A linked title is the link's citation; a shorter form of a title already found
            // ("the Financial Accounts" after "the Financial Accounts of the United States")
            // is the same work.
            if article
                .layout
                .links
                .iter()
                .any(|l| l.start < b && a < l.end)
                || found
                    .iter()
                    .chain(out.iter())
                    .any(|x| x.fields.title.as_deref().is_some_and(|y| y.starts_with(t)))
            {
                continue;
            }
            // A report already found at this place ("the Atlanta Fed survey") gains its title.
            out.retain(|x| !(x.start >= a && x.end <= b));
            out.push(Inline {
                start: a,
                end: b,
                orig: None,
                cue: Cue::Report,
                fields: Fields {
                    outlet,
                    title: Some(t.to_string()),
                    ..Fields::default()
                },
                sentence: si,
            });
        }
        // "Twitter user Ada Quill", "the Facebook page of …": the platform is the venue.
        for c in (has(Family::User))
            .then(|| r.platform_user.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = &c["o"];
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let (a, b) = (s.start + whole.start, s.start + whole.end);
            if outlets::is_outlet(o) && !out.iter().any(|x| x.start < b && a < x.end) {
                add(&mut out, whole.start, whole.end, o, Cue::Venue);
            }
        }
        // Author-year citations in the running text: "Roe and Doe (2021) find".
        for c in (has(Family::Paren))
            .then(|| r.author_year.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let (a, b) = (s.start + whole.start, s.start + whole.end);
            if !outside(a, b) {
                continue;
            }
            let who = &c["who"];
            if outlets::is_outlet(who)
                || super::lexicon::contains(&super::lexicon::NOT_NAMES, &who.to_lowercase())
            {
                continue;
            }
            out.push(Inline {
                start: a,
                end: b,
                orig: None,
                cue: Cue::Report,
                fields: Fields {
                    author: Some(who.to_string()),
                    year: c["y"].parse().ok(),
                    ..Fields::default()
                },
                sentence: si,
            });
        }
        for c in (has(Family::Available))
            .then(|| r.available.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let o = c["o"].trim_end_matches([',', '.']);
            let o = o.strip_prefix("the ").unwrap_or(o);
            // "available on the Board's website": a possessive fragment names no source.
            if o.contains("'s") || o.contains('\u{2019}') || !is_plausible_outlet(names, o) {
                continue;
            }
            let start = c.name("o").map_or(0, |m| m.start());
            add(
                &mut out,
                start,
                start + c["o"].trim_end_matches([',', '.']).len(),
                o,
                Cue::Report,
            );
        }
        found.append(&mut out);
    }
    let mut out = merge_linked(found, links(article, sentences, names));
    out.sort_by_key(|x| (x.start, x.end));
    out
}

/// A source named in the text through a link (`told [Reuters](…)`, `according to [the
/// Ledger](…)`) is one reference: the link, under the name and cue the text gives it. Both
/// lists are sorted by start, so this is one pass over each.
fn merge_linked(mut named: Vec<Inline>, mut links: Vec<Inline>) -> Vec<Inline> {
    named.sort_by_key(|x| (x.start, x.end));
    links.sort_by_key(|x| (x.start, x.end));
    let mut out = Vec::with_capacity(named.len() + links.len());
    let mut l = 0;
    for x in named {
        while l < links.len() && links[l].end <= x.start {
            l += 1;
        }
        let mut merged = false;
        let mut k = l;
        while k < links.len() && links[k].start < x.end {
            let link = &mut links[k];
            if link.cue == Cue::Link && x.start <= link.start && link.end <= x.end {
                link.cue = x.cue;
                if x.fields.outlet.is_some() {
                    link.fields.outlet.clone_from(&x.fields.outlet);
                }
                merged = true;
                break;
            }
            k += 1;
        }
        if !merged {
            out.push(x);
        }
    }
    out.extend(links);
    out
}

/// Words that make a capitalised name the name of a survey, an index, a report or a data set.
const WORK_WORDS: &[&str] = &[
    " Survey",
    " Index",
    " Report",
    " Study",
    " Outlook",
    " Accounts",
    " Book",
    " Poll",
    " Census",
    " Database",
    " Barometer",
    " Monitor",
    " Tracker",
    " Yearbook",
    " Indicators",
];

/// The possessor of "ABC Radio's AM program": "ABC Radio".
fn possessor(o: &str) -> &str {
    o.split_once("'s")
        .or_else(|| o.split_once("\u{2019}s"))
        .map_or(o, |(head, _)| head.trim_end())
}

/// Is a single unknown word, followed by a lower-case word, a modifier ("Russian media",
/// "Michigan voters") rather than a name?
fn modifies_next_word(o: &str, after: &str) -> bool {
    let single = !o.contains(' ');
    let acronym = o
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let next_lower = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        && !after.starts_with([',', '.', ';', ':']);
    single && !acronym && !outlets::is_outlet(o) && next_lower
}

/// Verbs of saying and publishing that make an outlet named next to them a venue.
fn is_communication_verb(w: &str) -> bool {
    let w = w.to_lowercase();
    super::lexicon::contains(&super::lexicon::SAY_VERBS, &w)
        || COMMUNICATION_WORDS.contains(&w.as_str())
}

/// Verbs and nouns of speaking and publishing besides the verbs of saying.
const COMMUNICATION_WORDS: &[&str] = &[
    "spoke",
    "speaks",
    "speaking",
    "spoken",
    "appeared",
    "appearing",
    "appears",
    "interview",
    "interviewed",
    "published",
    "publishes",
    "writing",
    "posting",
    "posts",
    "commented",
    "criticized",
    "criticised",
    "defended",
    "broadcast",
    "aired",
    "admitted",
    "wrote",
    "tweeted",
    "streamed",
    "announced",
    "shared",
    "replied",
    "responded",
    "reacted",
];

/// Could some word of `sent` be a verb of communication? When not, no venue in it can stand
/// near one. Exact: a word that lower-cases to one of these ASCII words is spelled in ASCII
/// letters of either case, except with the Kelvin sign (the one other character that
/// lower-cases to an ASCII letter), in which case the answer is yes.
fn may_have_communication_verb(sent: &str) -> bool {
    static CUES: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let mut words: Vec<&str> = super::lexicon::SAY_VERBS.iter().copied().collect();
        words.extend_from_slice(COMMUNICATION_WORDS);
        words.sort_unstable();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("static word list")
    });
    sent.contains('\u{212A}') || cues.is_match(sent)
}

/// Is there a verb of saying within six words before the venue or four words after it?
fn near_communication_verb(before: &str, after: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let b = words(before);
    let a = words(after);
    b.iter().rev().take(6).any(|w| is_communication_verb(w))
        || a.iter().take(4).any(|w| is_communication_verb(w))
}

/// The fuller name of an organisation the text names elsewhere: "Michigan" for "the
/// University of Michigan" mentioned before.
fn fuller_org(names: &Names, short: &str) -> Option<String> {
    names
        .mentions
        .iter()
        .filter(|m| m.is_org && m.name != short && m.name.split_whitespace().count() > 1)
        .find(|m| m.name.split_whitespace().any(|w| w == short))
        .map(|m| m.name.clone())
}

/// Words that make a capitalised name an organisation's.
const ORG_NOUNS: &[&str] = &[
    "Trust",
    "Institute",
    "Institution",
    "Foundation",
    "Bank",
    "University",
    "College",
    "Center",
    "Centre",
    "Council",
    "Office",
    "Bureau",
    "Department",
    "Ministry",
    "Agency",
    "Committee",
    "Commission",
    "Association",
    "Society",
    "Group",
    "Fund",
    "Service",
    "Organization",
    "Organisation",
    "Authority",
    "Court",
    "Parliament",
    "Government",
    "Forum",
    "Project",
    "Network",
    "Media",
    "News",
    "Times",
    "Post",
    "Journal",
    "Radio",
    "Review",
    "Corporation",
    "Company",
    "Party",
    "Laboratory",
    "Observatory",
    "Coalition",
    "Alliance",
    "Union",
    "League",
];

/// Does a name of several words, at `at`, name an organisation rather than a person: a known
/// outlet, an acronym, a name with an article in front ("Le Temps"), or one the names model
/// takes for an organisation? A single word passes (bylines rarely name a reporter so).
fn names_an_organisation(names: &Names, at: usize, o: &str) -> bool {
    let words: Vec<&str> = o.split_whitespace().collect();
    if words.len() < 2 || outlets::is_outlet(o) || outlets::expand_acronym(o).is_some() {
        return true;
    }
    let first = words[0].to_lowercase();
    if matches!(
        first.as_str(),
        "the"
            | "le"
            | "la"
            | "les"
            | "el"
            | "los"
            | "las"
            | "il"
            | "der"
            | "die"
            | "das"
            | "de"
            | "o"
            | "a"
    ) {
        return true;
    }
    if words.iter().any(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            || ORG_NOUNS.contains(w)
    }) {
        return true;
    }
    names
        .mention_at(at)
        .map(|i| &names.mentions[i])
        .is_some_and(|m| m.is_org)
}

/// "Reuters and NBC" names two outlets.
fn split_outlets(o: &str) -> Vec<&str> {
    let parts: Vec<&str> = o
        .split(" and ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| outlets::is_outlet(p) || p.split_whitespace().count() <= 2)
    {
        parts
    } else {
        vec![o]
    }
}

/// Every Markdown link to another site is a citation. Links to the article's own site
/// (navigation, cross-references, author profiles, the republication notice), to encyclopedia
/// pages for a term, and image credits are not.
fn links(article: &Article, sentences: &[Sentence], names: &Names) -> Vec<Inline> {
    let text = article.text();
    let own = own_sites(article, sentences);
    let mut out = Vec::new();
    // The mentions' names as host labels spell them, made once for all links (on first need).
    let mut squashed: Option<Vec<String>> = None;
    for link in &article.layout.links {
        let Some(host) = outlets::host_of(&link.url) else {
            continue;
        };
        if own.contains(&outlets::site_of(&host)) || is_not_a_citation(&host, &link.url) {
            continue;
        }
        let Some(si) = super::text::sentence_at(sentences, link.start) else {
            continue;
        };
        let s = &sentences[si];
        if is_credit(&text[s.start..s.end]) {
            continue;
        }
        let link_text = &text[link.start..link.end];
        let after = text.get(link.end..s.end.max(link.end)).unwrap_or("");
        // `[Directive 3000.09](url), "Autonomy in Weapon Systems,"`: the title that follows.
        let following_title = after
            .strip_prefix(", \"")
            .and_then(|rest| rest.split_once('"'))
            .map(|(t, _)| t.trim_end_matches(',').to_string());
        let sentence_initial = link.start == s.start;
        let named = link_text.split_whitespace().enumerate().any(|(k, w)| {
            (k > 0 || !sentence_initial) && w.chars().next().is_some_and(|c| c.is_uppercase())
        }) || link_text.chars().any(|c| c.is_ascii_digit());
        let title = following_title.or_else(|| named.then(|| link_text.to_string()));
        let year = outlets::year_in_url(&link.url)
            .or_else(|| leading_year(text.get(s.start..link.start).unwrap_or("")));
        // A site the article names ("Anthropic" for anthropic.com, "Quiet Harbour Review" for
        // quietharbourreview.org) goes by that name, unless the table knows it.
        let named_site = outlets::known_host(&host)
            .is_none()
            .then(|| {
                let squashed = squashed.get_or_insert_with(|| {
                    let names = names.mentions.iter().map(|m| outlets::squash_name(&m.name));
                    names.collect()
                });
                let labels = outlets::SiteLabels::of(&host);
                let first = squashed.iter().position(|n| labels.spell(n))?;
                Some(names.mentions[first].name.clone())
            })
            .flatten();
        out.push(Inline {
            start: link.start,
            end: link.end,
            orig: Some((link.orig_start, link.orig_end)),
            cue: Cue::Link,
            fields: Fields {
                outlet: named_site.or_else(|| outlets::outlet_for_url(&link.url)),
                url: Some(link.url.clone()),
                title,
                year,
                ..Fields::default()
            },
            sentence: si,
        });
    }
    out
}

/// Links that cite nothing: encyclopedia and dictionary entries for a term, image files and
/// media repositories (photo credits).
fn is_not_a_citation(host: &str, url: &str) -> bool {
    let site = outlets::site_of(host);
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path
        .split_once('/')
        .map_or("", |x| x.1)
        .to_ascii_lowercase();
    let glossary = matches!(
        site.as_str(),
        "wikipedia.org"
            | "wiktionary.org"
            | "britannica.com"
            | "investopedia.com"
            | "merriam-webster.com"
            | "dictionary.com"
    ) || (site == "wikimedia.org");
    let image = [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|e| path.ends_with(e))
        && !host.contains("tumblr");
    glossary || image
}

/// Does the sentence credit a photo or an image ("Photo by @user on Flickr")?
fn is_credit(sentence: &str) -> bool {
    // Every match holds one of these in ASCII letters of either case: they have no "k" or
    // "s", the only ASCII letters `(?i)` also matches outside ASCII ("ſ", the Kelvin sign).
    // A cheap scan for them spares the slower Unicode-word-boundary engine most sentences.
    static CUES: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "photo", "image", "picture", "illu", "creen", "video", "credit", "cc b",
            ])
            .expect("static word list")
    });
    if !cues.is_match(sentence) {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:photos?|images?|pictures?|illustrations?|screenshot|video still)(?: taken)? (?:by|courtesy of|credit|from|via)\b|\b(?:photo|image) credit\b|^(?:photo|image|credit|source image)s?:|\bcc by(?:-sa|-nd|-nc)*\b.*\b(?:commons|flickr)\b")
            .expect("static regex")
    })
    .is_match(sentence)
}

/// Path segments of author pages ("/profiles/jane-roe-123").
fn is_profile_path(url: &str) -> bool {
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path.split_once('/').map_or("", |x| x.1);
    path.split('/').next().is_some_and(|seg| {
        matches!(
            seg.to_ascii_lowercase().as_str(),
            "profiles"
                | "profile"
                | "author"
                | "authors"
                | "contributors"
                | "contributor"
                | "people"
                | "staff"
                | "byline"
                | "writers"
        )
    })
}

/// The sites the article itself was published on: from its metadata block and outlet, from a
/// republication notice ("republished from [The Ledger](…)"), from links to author profiles,
/// and from first-person cross-references ("part of our special coverage [X](…)").
fn own_sites(article: &Article, sentences: &[Sentence]) -> Vec<String> {
    static NOTICE: OnceLock<Regex> = OnceLock::new();
    let notice = NOTICE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:republished (?:from|by|on|with permission)|originally (?:published|appeared|posted) (?:in|on|at|by)|first (?:published|appeared) (?:in|on|at|by)|part of our\b|read (?:the )?original article|read more of our|our (?:special )?coverage)").expect("static regex")
    });
    let text = article.text();
    let mut own: Vec<String> = own_site(article).into_iter().collect();
    let outlet = article.metadata.outlet.as_deref();
    for link in &article.layout.links {
        let Some(host) = outlets::host_of(&link.url) else {
            continue;
        };
        let site = outlets::site_of(&host);
        if own.contains(&site) {
            continue;
        }
        let by_outlet = outlet.is_some_and(|o| {
            outlets::known_host(&host).is_some_and(|n| n.eq_ignore_ascii_case(o))
                || outlets::site_spells(&host, o)
        });
        let by_notice = super::text::sentence_at(sentences, link.start)
            .is_some_and(|si| notice.is_match(&text[sentences[si].start..sentences[si].end]));
        if by_outlet || by_notice || is_profile_path(&link.url) {
            own.push(site);
        }
    }
    own
}

/// The site named in the article's metadata block (`Source: …`, `URL: …`).
fn own_site(article: &Article) -> Option<String> {
    let text = article.text();
    for (b, f) in article
        .layout
        .blocks
        .iter()
        .zip(&article.furniture)
        .take(12)
    {
        if f.is_none() {
            continue;
        }
        for line in text[b.body..b.end].lines() {
            if let Some((k, v)) = line.split_once(':') {
                let k = k.trim().to_lowercase();
                if k == "source" || k == "url" {
                    if let Some(h) = outlets::host_of(v.trim()) {
                        return Some(outlets::site_of(&h));
                    }
                }
            }
        }
    }
    None
}

/// "On February 27, 2026, …" or "In July 2025, …": the year a sentence opens with.
fn leading_year(prefix: &str) -> Option<i32> {
    let opener = ["On ", "In ", "By ", "Since ", "As of ", "During ", "Until "];
    if !opener.iter().any(|o| prefix.starts_with(o)) {
        return None;
    }
    let head = prefix.split(", ").take(2).collect::<Vec<_>>().join(", ");
    let head = head
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)?;
    head.parse().ok().filter(|y| (1800..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_without_a_verb_of_communication_is_passed_over_whole() {
        for (sent, has) in [
            ("She said on Radio Tam that the dam leaked.", true),
            ("He WROTE to the Gazette.", true),
            ("The council, speaking on Tuesday, agreed.", true),
            ("They appeared on Channel Nine.", true),
            ("The bridge reopened to traffic in May.", false),
            ("Crews drove to Harbour Point with supplies.", false),
            // The Kelvin sign lower-cases to "k": "as\u{212A}ed" is a verb of saying.
            ("She as\u{212A}ed on Radio Tam.", true),
        ] {
            assert_eq!(may_have_communication_verb(sent), has, "{sent}");
            // Never "no" where a word of the sentence is one.
            let any_word = sent
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .any(is_communication_verb);
            assert!(may_have_communication_verb(sent) || !any_word, "{sent}");
        }
    }

    #[test]
    fn photo_credits_are_recognised_in_any_case_and_spelling() {
        for credit in [
            "Photo by Ada Quill on Unsplash.",
            "ILLUSTRATIONS BY THE DESK",
            "Screenshot via the council's stream.",
            "Image credit: Valley Gazette",
            "Credits: the author",
            "Source images: county archive",
            "Pictures taken by a resident",
            "Video still from the hearing footage",
            "Map CC BY-SA 4.0, via Wikimedia Commons",
            // `(?i)` matches the long s and the Kelvin sign as "s" and "k".
            "Illuſtration by Tam",
            "Photoſ courteſy of the family",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for prose in [
            "The council approved the plan by a vote of 5 to 2.",
            "Her photos of the flood went viral.",
            "The screenplay was credited to two writers.",
            "“Imagine,” she said, “a city without cars.”",
        ] {
            assert!(!is_credit(prose), "{prose}");
        }
    }
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
    #[test]
    fn families_name_every_cue_word_present() {
        let f = families("The study was published by the Valley Gazette (2021).");
        for want in [
            Family::ReportNoun,
            Family::After,
            Family::Before,
            Family::FromBy,
            Family::Paren,
        ] {
            assert_ne!(f & want as u16, 0, "{want:?}");
        }
        for absent in [
            Family::User,
            Family::Available,
            Family::Work,
            Family::PersonOf,
        ] {
            assert_eq!(f & absent as u16, 0, "{absent:?}");
        }
        // Overlapping words are all seen: " report" inside " reported".
        let g = families("The Ledger reported it.");
        assert_ne!(g & Family::After as u16, 0);
        assert_ne!(g & Family::ReportNoun as u16, 0);
        assert_eq!(families("Nothing here."), 0);
    }
}
