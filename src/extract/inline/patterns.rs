//! The patterns that name sources in prose, and the families they fall in: the words that
//! must occur in a sentence for each family to match, found in one scan.

use super::super::text::WordStart;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// The compiled patterns, one per way of naming a source.
pub(super) struct Res {
    pub(super) before: WordStart,
    pub(super) after: Regex,
    pub(super) venue: WordStart,
    pub(super) person_of: WordStart,
    pub(super) report_noun: Regex,
    pub(super) named_work: WordStart,
    pub(super) data_from: WordStart,
    pub(super) author_year: Regex,
    pub(super) platform_user: Regex,
    pub(super) and_by: WordStart,
    pub(super) available: WordStart,
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
pub(super) enum Family {
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
pub(super) fn families(sent: &str) -> u16 {
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

/// An outlet's name, captured as `o`: up to six capitalised words, with connectives.
const OUTLET: &str = r"(?P<o>(?:[Tt]he )?[\p{Lu}][\p{L}\d&.'-]*(?: (?:of |and |for |the |&)?[\p{Lu}\d][\p{L}\d&.'-]*){0,5})";

/// The patterns, compiled on first use.
pub(super) fn res() -> &'static Res {
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

/// Words that make a capitalised name the name of a survey, an index, a report or a data set.
pub(super) const WORK_WORDS: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use super::*;
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
