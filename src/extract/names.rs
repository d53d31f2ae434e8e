//! Names in the article and who said what: finding capitalised name runs, telling people from
//! organisations, and resolving a subject ("Lavrov", "he", "the President") to the fullest name
//! the article gives.

use super::lexicon::{self, contains};
use super::text::{tokens, Sentence, Token};
use std::collections::{HashMap, HashSet};

/// A name (person, organisation, document) mentioned outside quotations.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Normalised span of the whole run, title included.
    pub start: usize,
    pub end: usize,
    /// The run as written, title included.
    pub written: String,
    /// The name without titles ("Sergey Lavrov").
    pub name: String,
    /// Title or role in front of the name ("Russian Foreign Minister"), or an appositive role.
    pub role: Option<String>,
    pub is_org: bool,
    /// Only titles, no name ("the President").
    pub title_only: bool,
    /// The name stands after a preposition ("speaking to Martin Smith").
    pub object: bool,
    /// There is evidence in the run itself that this is a person (a title, a role noun before).
    pub person: bool,
    pub sentence: usize,
}

impl Mention {
    pub fn surname(&self) -> String {
        self.name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase()
    }
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
}

/// The subject of an attribution, before resolution.
#[derive(Debug, Clone)]
pub enum Subject {
    Pronoun { word: String, at: usize },
    Description(String),
    Name(usize),
}

/// Every name of an article, and what is known about each.
#[derive(Debug, Default)]
pub struct Names {
    pub mentions: Vec<Mention>,
    full: HashMap<String, usize>,
    people: HashSet<String>,
}

fn is_title(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    let w = w
        .strip_prefix("then-")
        .or_else(|| w.strip_prefix("ex-"))
        .or_else(|| w.strip_prefix("former-"))
        .unwrap_or(w);
    contains(&lexicon::TITLES, w)
}

fn is_org_word(word: &str) -> bool {
    contains(&lexicon::ORG_WORDS, &word.to_lowercase())
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Is `t` a capitalised word that can be part of a name run?
fn name_like(t: &Token) -> bool {
    if t.word.is_empty() {
        return false;
    }
    if t.is_capitalized() {
        return true;
    }
    // "then-Congressman", "ex-President"
    if let Some((pre, rest)) = t.word.split_once('-') {
        return matches!(pre, "then" | "ex" | "former")
            && rest.chars().next().is_some_and(char::is_uppercase);
    }
    false
}

fn breaks_after(t: &Token) -> bool {
    let tr = t.trailing();
    if tr.is_empty() {
        return false;
    }
    if tr == "." && super::text::is_abbreviation(t.raw) {
        return false;
    }
    true
}

/// Group tokens into capitalised runs: `(first, last_exclusive)` token indices.
fn runs(toks: &[Token], sentence_start: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_like(&toks[i]) || !toks[i].leading().is_empty() && toks[i].leading().contains('"')
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && !breaks_after(&toks[j - 1]) {
            let t = &toks[j];
            if t.leading().contains(['(', '"', '[']) {
                break;
            }
            if name_like(t)
                || (t.word.starts_with(|c: char| c.is_ascii_digit()) && !t.word.contains(','))
            {
                j += 1;
                continue;
            }
            // Connectors between capitalised words.
            let lw = t.word.to_lowercase();
            let joins = contains(&lexicon::NAME_PARTICLES, &lw) || lw == "of";
            if joins && j + 1 < toks.len() && !breaks_after(t) {
                let mut k = j + 1;
                if lw == "of"
                    && toks[k].word == "the"
                    && k + 1 < toks.len()
                    && !breaks_after(&toks[k])
                {
                    k += 1;
                }
                if name_like(&toks[k]) && toks[k].leading().is_empty() {
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        // Drop leading words that are capitalised only because they start a sentence or are
        // function words ("The", "In", "According").
        let mut s = i;
        while s < j && contains(&lexicon::NOT_NAMES, &toks[s].word.to_lowercase()) {
            s += 1;
        }
        // A role noun capitalised only because it opens the sentence ("Grower Tom Ashby").
        if s == 0 && j > 1 && contains(&lexicon::ROLE_NOUNS, &toks[0].word.to_lowercase()) {
            s = 1;
        }
        let _ = sentence_start;
        // Trailing connectors cannot end a run.
        let mut e = j;
        while e > s
            && !name_like(&toks[e - 1])
            && !toks[e - 1].word.starts_with(|c: char| c.is_ascii_digit())
        {
            e -= 1;
        }
        if s < e
            && toks[s..e]
                .iter()
                .any(|t| t.word.chars().any(char::is_alphabetic) && name_like(t))
        {
            out.push((s, e));
        }
        i = j.max(i + 1);
    }
    out
}

impl Names {
    /// Collect the names of the given sentences, ignoring text inside `quotes`.
    pub fn build(text: &str, sentences: &[Sentence], quotes: &[(usize, usize)]) -> Names {
        let mut names = Names::default();
        let mut capitalised_mid: HashSet<String> = HashSet::new();
        let mut all_tokens: Vec<(usize, Vec<Token>)> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let toks: Vec<Token> = tokens(text, s.start, s.end)
                .into_iter()
                .filter(|t| !super::text::inside(quotes, t.start))
                .collect();
            for t in toks.iter().skip(1) {
                if t.is_capitalized() {
                    capitalised_mid.insert(t.word.to_string());
                }
            }
            all_tokens.push((si, toks));
        }
        for (si, toks) in &all_tokens {
            for (a, b) in runs(toks, 0) {
                // A lone sentence-initial word is a name only if it is capitalised elsewhere too.
                if a == 0
                    && b == 1
                    && !capitalised_mid.contains(toks[0].word)
                    && !is_acronym(toks[0].word)
                {
                    continue;
                }
                let m = names.mention_of(text, toks, a, b, *si);
                // A subject of a verb of saying is a speaker: people and bodies both qualify,
                // and a bare surname used this way marks the person.
                let next = toks[b..].iter().find(|t| {
                    !contains(&lexicon::VERB_FILLERS, &t.word.to_lowercase()) || t.word == "told"
                });
                if let Some(n) = next {
                    if contains(&lexicon::SAY_VERBS, &n.word.to_lowercase()) && !m.is_org {
                        names.people.insert(m.surname());
                    }
                }
                if m.person {
                    names.people.insert(m.surname());
                }
                names.mentions.push(m);
            }
        }
        for (i, m) in names.mentions.iter().enumerate() {
            if !m.is_org && !m.title_only && m.name.split_whitespace().count() >= 2 {
                names.full.entry(m.surname()).or_insert(i);
            }
        }
        // A full name whose surname is used as a person elsewhere is a person too.
        names
    }

    fn mention_of(
        &self,
        text: &str,
        toks: &[Token],
        a: usize,
        b: usize,
        sentence: usize,
    ) -> Mention {
        let run = &toks[a..b];
        // Titles: the last title word of the run, with "of X" continuations ("Secretary of Defense").
        let mut title_end = 0;
        let mut k = 0;
        while k < run.len() {
            if is_title(run[k].word) {
                title_end = k + 1;
                if k + 2 < run.len() && run[k + 1].word == "of" && run[k + 2].is_capitalized() {
                    title_end = k + 3;
                    k += 3;
                    continue;
                }
            }
            k += 1;
        }
        // Organisation words followed by a capitalised name split the run
        // ("Amnesty International Man-kei Tam").
        let mut name_start = title_end;
        for k in title_end..run.len().saturating_sub(1) {
            if is_org_word(run[k].word)
                && run[k + 1].is_capitalized()
                && run[k + 1].word.chars().any(char::is_alphabetic)
                && !contains(&lexicon::NAME_PARTICLES, run[k + 1].word)
            {
                name_start = k + 1;
            }
        }
        let mut name_end = run.len();
        if name_start < name_end {
            let head_has_org = run[name_start..]
                .iter()
                .take_while(|t| t.word != "of")
                .any(|t| is_org_word(t.word));
            if !head_has_org {
                if let Some(p) = run[name_start..].iter().position(|t| t.word == "of") {
                    if p > 0 {
                        name_end = name_start + p;
                    }
                }
            }
        }
        let title_only = name_start >= name_end;
        let (name_start, name_end) = if title_only {
            (0, run.len())
        } else {
            (name_start, name_end)
        };
        let span_text = |x: usize, y: usize| -> String {
            let s = run[x].start + run[x].leading().len();
            let last = &run[y - 1];
            let e = last.start + last.leading().len() + last.word.len();
            text[s..e.max(s)].to_string()
        };
        let name = span_text(name_start, name_end);
        let name_toks = &run[name_start..name_end];
        let is_org = name_toks.iter().any(|t| is_org_word(t.word))
            || name_toks
                .iter()
                .all(|t| is_acronym(t.word) || t.word.starts_with(|c: char| c.is_ascii_digit()))
            || name_toks
                .iter()
                .any(|t| t.word.starts_with(|c: char| c.is_ascii_digit()))
            || super::outlets::is_outlet(&name);
        let role_title =
            (title_end > 0 && !title_only).then(|| span_text(0, title_end.min(name_start)));
        // Before the run: a determiner (for "the President"), role nouns and a preposition.
        let mut p = a;
        let mut role_before = Vec::new();
        while p > 0 && role_before.len() < 4 {
            let t = &toks[p - 1];
            let lw = t.word.to_lowercase();
            if contains(&lexicon::ROLE_NOUNS, &lw)
                && (t.trailing().is_empty() || t.trailing() == ",")
            {
                role_before.push(p - 1);
                p -= 1;
            } else {
                break;
            }
        }
        let mut q = p;
        let mut determiner = None;
        if q > 0
            && matches!(toks[q - 1].word, "the" | "a" | "an")
            && toks[q - 1].trailing().is_empty()
        {
            determiner = Some(q - 1);
            q -= 1;
        }
        // A name right after a preposition or a verb ("speaking to Martin Smith", "met Alan
        // Whitby") is an object; after punctuation, a conjunction or a capitalised word it can
        // be a subject.
        let object = q > 0 && {
            let p = &toks[q - 1];
            let lw = p.word.to_lowercase();
            p.trailing().is_empty()
                && !p.is_capitalized()
                && !p.word.is_empty()
                && !contains(&lexicon::CONJUNCTIONS, &lw)
        };
        // An appositive role after the name: ", the chief executive of Hong Kong,".
        let mut appositive = None;
        if run[run.len() - 1].trailing() == "," {
            if let Some(first) = toks.get(b) {
                if matches!(first.word, "the" | "a" | "an") {
                    let mut e = b;
                    while e < toks.len() && e < b + 14 {
                        e += 1;
                        if !toks[e - 1].trailing().is_empty() {
                            break;
                        }
                    }
                    let s0 = toks[b].start;
                    let last = &toks[e - 1];
                    let e0 = last.start + last.leading().len() + last.word.len();
                    appositive = Some(text[s0..e0].to_string());
                }
            }
        }
        let person = !is_org && (title_end > 0 || !role_before.is_empty() || appositive.is_some());
        let start = match (title_only, determiner) {
            (true, Some(d)) => toks[d].start,
            _ => run[0].start + run[0].leading().len(),
        };
        let last = &run[run.len() - 1];
        let end = last.start + last.leading().len() + last.word.len();
        let written = if title_only {
            text[start..end].to_string()
        } else if is_org && determiner.is_some_and(|d| toks[d].word == "the") {
            // "the Pentagon", "the Foreign Ministry of Iraq": bodies keep their article.
            format!("the {}", span_text(0, name_end))
        } else {
            span_text(0, name_end)
        };
        Mention {
            start,
            end,
            written,
            name: if title_only {
                text[start..end].to_string()
            } else {
                name
            },
            role: role_title.or(appositive),
            is_org,
            title_only,
            object,
            person,
            sentence,
        }
    }

    fn is_person(&self, m: &Mention) -> bool {
        !m.is_org && (m.person || self.people.contains(&m.surname()))
    }

    /// The mention whose run ends at normalised offset `end` (exclusive), if any.
    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.end < end);
        (i < self.mentions.len() && self.mentions[i].end == end).then_some(i)
    }

    /// The mention covering normalised offset `pos`, if any.
    pub fn mention_at(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.start <= pos);
        (i > 0 && pos < self.mentions[i - 1].end).then(|| i - 1)
    }

    /// Indices of the mentions lying within `start..end`.
    pub fn mentions_within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        a..b.max(a)
    }

    /// The mention starting at normalised offset `start`, if any.
    pub fn mention_starting_at(&self, start: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.start < start);
        self.mentions
            .get(i)
            .filter(|m| m.start <= start + 4)
            .map(|_| i)
    }

    /// Resolve a subject to a speaker.
    pub fn resolve(&self, subject: &Subject) -> Option<Speaker> {
        match subject {
            Subject::Description(d) => Some(Speaker {
                name: d.clone(),
                role: None,
            }),
            Subject::Name(i) => Some(self.speaker_of(*i)),
            Subject::Pronoun { word, at } => {
                // Look back a bounded number of names: antecedents are near.
                let upto = self.mentions.partition_point(|m| m.end <= *at);
                let before = self.mentions[..upto].iter().enumerate().rev().take(200);
                let found = match word.as_str() {
                    "he" | "she" | "him" | "her" | "his" => before
                        .filter(|(_, m)| self.is_person(m) && !m.object)
                        .map(|(i, _)| i)
                        .next(),
                    "who" => before.map(|(i, _)| i).next(),
                    _ => before.filter(|(_, m)| !m.object).map(|(i, _)| i).next(),
                }?;
                Some(self.speaker_of(found))
            }
        }
    }

    /// The fullest name for a mention, with its role.
    pub fn speaker_of(&self, i: usize) -> Speaker {
        let m = &self.mentions[i];
        if m.is_org || m.title_only {
            return Speaker {
                name: m.written.clone(),
                role: None,
            };
        }
        if let Some(&fi) = self.full.get(&m.surname()) {
            let f = &self.mentions[fi];
            let first_matches = m.name.split_whitespace().count() < 2
                || f.name.split_whitespace().next() == m.name.split_whitespace().next();
            if first_matches {
                return Speaker {
                    name: f.name.clone(),
                    role: m.role.clone().or_else(|| f.role.clone()),
                };
            }
        }
        let name = if m.name.split_whitespace().count() < 2 {
            m.written.clone()
        } else {
            m.name.clone()
        };
        Speaker {
            name,
            role: m.role.clone(),
        }
    }

    /// Is there a mention of a person with this surname?
    pub fn knows_person(&self, name: &str) -> bool {
        let key = name.split_whitespace().last().unwrap_or("").to_lowercase();
        self.people.contains(&key)
    }
}

/// Find the subject of the verb at token `v` of `toks`, looking backwards.
pub fn subject_before(names: &Names, toks: &[Token], v: usize) -> Option<Subject> {
    let mut i = v;
    let mut skipped = 0;
    while i > 0 {
        let t = &toks[i - 1];
        let lw = t.word.to_lowercase();
        if skipped < 3
            && t.trailing().is_empty()
            && (contains(&lexicon::VERB_FILLERS, &lw)
                || (lw.ends_with("ly") && !t.is_capitalized()))
        {
            i -= 1;
            skipped += 1;
            continue;
        }
        // Parenthetical: skip back to its opening.
        if t.raw.ends_with(')') {
            let mut j = i - 1;
            while j > 0 && !toks[j].raw.starts_with('(') {
                j -= 1;
            }
            i = j;
            continue;
        }
        break;
    }
    if i == 0 {
        return None;
    }
    let t = &toks[i - 1];
    let lw = t.word.to_lowercase();
    if matches!(lw.as_str(), "he" | "she" | "they" | "it" | "who" | "we") && t.trailing().is_empty()
    {
        return Some(Subject::Pronoun {
            word: lw,
            at: t.start,
        });
    }
    if t.trailing() == "," {
        // An appositive ", the chief executive of Hong Kong," or a name set off by commas.
        let open = (0..i - 1)
            .rev()
            .take(16)
            .find(|&j| toks[j].trailing() == ",");
        if let Some(o) = open {
            let first = &toks[o + 1];
            if matches!(first.word, "the" | "a" | "an") || !first.is_capitalized() {
                return subject_at(names, toks, o + 1);
            }
        }
        return subject_at(names, toks, i);
    }
    if !t.trailing().is_empty() {
        return None;
    }
    subject_at(names, toks, i)
}

/// The subject whose last token is `toks[i - 1]`.
fn subject_at(names: &Names, toks: &[Token], i: usize) -> Option<Subject> {
    if i == 0 {
        return None;
    }
    let t = &toks[i - 1];
    let end = t.start + t.leading().len() + t.word.len();
    if let Some(m) = names.mention_ending_at(end) {
        return Some(Subject::Name(m));
    }
    description_before(toks, i).map(Subject::Description)
}

fn is_determiner(t: &Token) -> bool {
    matches!(t.word.to_lowercase().as_str(), "the" | "a" | "an") && t.trailing().is_empty()
}

/// A description ending at `toks[i - 1]` that names an unnamed speaker: "a senior official",
/// "The President of the union", "The spokesperson for the port authority".
fn description_before(toks: &[Token], i: usize) -> Option<String> {
    let phrase_start = |end: usize| -> Option<usize> {
        (end.saturating_sub(6)..end)
            .rev()
            .take_while(|&j| j + 1 == end || toks[j].trailing().is_empty())
            .find(|&j| is_determiner(&toks[j]))
    };
    let mut start = phrase_start(i)?;
    // "… of the union": extend over "of"/"for" to the phrase before.
    while start >= 2
        && matches!(toks[start - 1].word, "of" | "for")
        && toks[start - 2].trailing().is_empty()
    {
        match phrase_start(start - 1) {
            Some(s) => start = s,
            None => break,
        }
    }
    let has_role = toks[start..i].iter().any(|t| {
        let lw = t.word.to_lowercase();
        contains(&lexicon::ROLE_NOUNS, &lw) || (t.is_capitalized() && is_title(t.word))
    });
    has_role.then(|| join(toks, start, i))
}

/// Find the subject after a verb at token `v` ("said Lavrov", "said a protester using …").
pub fn subject_after(names: &Names, toks: &[Token], v: usize) -> Option<Subject> {
    let first = toks.get(v + 1)?;
    let lw = first.word.to_lowercase();
    if matches!(lw.as_str(), "he" | "she" | "they" | "it") {
        return Some(Subject::Pronoun {
            word: lw,
            at: first.start,
        });
    }
    if matches!(lw.as_str(), "the" | "a" | "an") {
        let mut e = v + 1;
        while e < toks.len() && e < v + 14 {
            e += 1;
            if !toks[e - 1].trailing().is_empty() {
                break;
            }
        }
        // "the President" is a title-only mention; longer descriptions are kept as written.
        if let Some(m) = names.mention_starting_at(first.start) {
            let mm = &names.mentions[m];
            if !mm.title_only {
                return Some(Subject::Name(m));
            }
        }
        return Some(Subject::Description(join(toks, v + 1, e)));
    }
    // Lower-case words describing the speaker ("city engineer Tom Okafor").
    let mut j = v + 1;
    while j < toks.len()
        && j <= v + 4
        && !toks[j].is_capitalized()
        && toks[j - 1].trailing().is_empty()
        && !toks[j].word.is_empty()
    {
        j += 1;
    }
    let mut t = toks.get(j)?;
    // "said Ashby's neighbour, Carys Pugh": the name in apposition, not the possessor.
    if t.raw.ends_with("'s") {
        if let Some(k) = (j + 1..toks.len().min(j + 5)).find(|&k| toks[k].trailing() == ",") {
            if let Some(n) = toks.get(k + 1).filter(|n| n.is_capitalized()) {
                t = n;
            }
        }
    }
    let start = t.start + t.leading().len();
    names.mention_at(start).map(Subject::Name)
}

fn join(toks: &[Token], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let core_start = t.leading().len();
            if k + a + 1 == b {
                &t.raw[core_start..core_start + t.word.len()]
            } else {
                t.raw
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::split_sentences;

    fn names(t: &str) -> Names {
        let s = split_sentences(t, 0, 0, t.len(), &[]);
        Names::build(t, &s, &[])
    }

    #[test]
    fn titles_are_split_from_names() {
        let n = names(
            "Russian Foreign Minister Sergey Lavrov spoke. Senate Leader Mitch McConnell said no.",
        );
        let m = &n.mentions[0];
        assert_eq!(m.name, "Sergey Lavrov");
        assert_eq!(m.role.as_deref(), Some("Russian Foreign Minister"));
        assert_eq!(n.mentions[1].name, "Mitch McConnell");
    }

    #[test]
    fn surnames_resolve_to_full_names() {
        let t = "Russian Foreign Minister Sergey Lavrov spoke. Later Lavrov said more.";
        let n = names(t);
        let i = n
            .mentions
            .iter()
            .position(|m| m.written == "Lavrov")
            .unwrap();
        assert_eq!(n.speaker_of(i).name, "Sergey Lavrov");
    }

    #[test]
    fn organisations_split_from_people() {
        let n = names("The director of Amnesty International Man-kei Tam said so.");
        assert!(n
            .mentions
            .iter()
            .any(|m| m.name == "Man-kei Tam" && !m.is_org));
        let n = names("It was said by The Foreign Ministry of Iraq today.");
        assert!(n
            .mentions
            .iter()
            .any(|m| m.name == "Foreign Ministry of Iraq" && m.is_org));
    }

    #[test]
    fn a_surname_alone_keeps_its_title() {
        let t = "Members like Senator Cruz spoke.";
        let n = names(t);
        let i = n.mentions.iter().position(|m| m.name == "Cruz").unwrap();
        assert_eq!(n.speaker_of(i).name, "Senator Cruz");
    }

    #[test]
    fn pronouns_skip_objects() {
        let t = "Crown Prince Mohammad bin Salman of Saudi Arabia accepted it. Speaking to Martin Smith of PBS, he said so.";
        let n = names(t);
        let at = t.find("he said").unwrap();
        let s = n
            .resolve(&Subject::Pronoun {
                word: "he".into(),
                at,
            })
            .unwrap();
        assert_eq!(s.name, "Mohammad bin Salman");
    }
}
