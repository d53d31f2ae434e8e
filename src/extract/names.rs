//! Names in the article and who said what: finding capitalised name runs, telling people from
//! organisations, and resolving a subject ("Lavrov", "he", "the President") to the fullest name
//! the article gives.

use super::lexicon::{self, contains};
use super::text::{lower, Sentence, Token};
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
    /// Person nouns of its title, the role words before it and its appositive ("minister",
    /// "blogger"): what a later "the minister" or "the blogger" can point back to.
    pub roles: Vec<String>,
    /// Preceded by "a"/"an": a common noun ("a Frenchwoman"), not a name.
    pub indefinite: bool,
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
    Pronoun {
        word: String,
        at: usize,
    },
    Description(String),
    Name(usize),
    /// "the minister", "the blogger": the last person named with that role, else the text's
    /// own description.
    Role {
        noun: String,
        description: String,
        at: usize,
    },
}

/// Every name of an article, and what is known about each.
#[derive(Debug, Default)]
pub struct Names {
    pub mentions: Vec<Mention>,
    full: HashMap<String, usize>,
    people: HashSet<String>,
    /// Acronyms the text defines ("Defense Intelligence Agency (DIA)") → the full name.
    acronyms: HashMap<String, String>,
    /// Organisations named "X of Y", by their head "x" ("Supreme Court of Argentina").
    org_heads: HashMap<String, usize>,
    /// Person mentions by the role nouns they carry, in text order.
    by_role: HashMap<String, Vec<usize>>,
    /// Where each sentence starts, to place a pronoun in its sentence.
    sentence_starts: Vec<usize>,
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
        // "Attorney-General", "Vice-Chancellor": a compound of title words.
        || (w.contains('-') && w.split('-').all(|p| contains(&lexicon::TITLES, p)))
}

/// A noun for a person's role or relation ("minister", "spokesman", "mother", "blogger"),
/// as opposed to one for a body or a document ("ministry", "report").
pub fn is_person_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    let one = |w: &str| {
        (contains(&lexicon::ROLE_NOUNS, w) || is_title(w))
            && !contains(&lexicon::ORG_WORDS, w)
            && !contains(&lexicon::NON_PERSON_ROLES, w)
    };
    one(&w) || (w.contains('-') && w.split('-').any(one))
}

fn is_org_word(word: &str) -> bool {
    contains(&lexicon::ORG_WORDS, &lower(word))
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

/// How many of the last words of a title's complement are the person's name: the surname,
/// the given name before it and any initials or particles between ("Enoh T. Ebong"); none
/// when the words end in an organisation's name ("of the Trade and Development Agency").
fn trailing_name_len(seg: &[Token]) -> usize {
    let Some(last) = seg.last() else {
        return 0;
    };
    if is_org_word(last.word) || is_title(last.word) || !name_like(last) {
        return 0;
    }
    let mut n = 1;
    let mut given = false;
    while n < seg.len() {
        let p = &seg[seg.len() - 1 - n];
        let initial = p.word.chars().count() == 1 && p.raw.ends_with('.');
        if initial || contains(&lexicon::NAME_PARTICLES, p.word) {
            n += 1;
            continue;
        }
        if !given && name_like(p) && !is_org_word(p.word) && !is_title(p.word) {
            given = true;
            n += 1;
            continue;
        }
        break;
    }
    if n == seg.len() {
        // The whole complement would be the name: keep one word of it as the title's object.
        n - 1
    } else {
        n
    }
}

/// Do the capitalised words from `toks[k]` end in an organisation word before the run breaks?
fn and_joins_org(toks: &[Token], k: usize) -> bool {
    for t in toks.iter().skip(k).take(4) {
        if !name_like(t) || !t.leading().is_empty() {
            return false;
        }
        if is_org_word(t.word) {
            return true;
        }
        if breaks_after(t) {
            return false;
        }
    }
    false
}

/// Does the sentence go on, after its first word, in a way only a name allows: an appositive
/// naming a person's role (", a mother of four,") or a verb of saying?
fn introduces_person(toks: &[Token]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    if first.trailing() == "," {
        let appositive = toks.iter().skip(1).take(5);
        let starts = toks
            .get(1)
            .is_some_and(|t| matches!(t.word, "a" | "an" | "the"));
        if starts && appositive.clone().any(|t| is_person_noun(t.word)) {
            return true;
        }
        // "Putin, speaking in Moscow, said": a participial aside, then a verb of saying.
        let aside = toks
            .get(1)
            .is_some_and(|t| !t.is_capitalized() && t.word.ends_with("ing"));
        let closes = toks
            .iter()
            .take(14)
            .skip(1)
            .position(|t| t.trailing() == ",")
            .and_then(|k| toks.get(k + 2))
            .is_some_and(|t| contains(&lexicon::SAY_VERBS, t.word));
        return aside && closes;
    }
    first.trailing().is_empty()
        && toks
            .get(1)
            .is_some_and(|t| contains(&lexicon::SAY_VERBS, t.word))
}

/// "@riverwatch": a handle, the name a user posts under.
fn is_handle(t: &Token) -> bool {
    t.leading().ends_with('@')
        && !t.word.is_empty()
        && t.word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// Group tokens into capitalised runs: `(first, last_exclusive)` token indices.
fn runs(toks: &[Token], sentence_start: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A social-media handle is a name of its own: "@riverwatch".
        if is_handle(&toks[i]) {
            out.push((i, i + 1));
            i += 1;
            continue;
        }
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
            // Connectors between capitalised words: particles and "of" always; "for" after a
            // title ("Envoy for Climate John Kerry"); "and" when the words after it end an
            // organisation's or a title's name ("Trade and Development Agency",
            // "Secretary for European and Eurasian Affairs Jane Doe").
            let lw = lower(t.word);
            let has_title = toks[i..j].iter().any(|t| is_title(t.word));
            let after_title = has_title
                && toks[i..j].iter().any(|t| matches!(t.word, "of" | "for"))
                && toks[j + 1..]
                    .iter()
                    .take(3)
                    .take_while(|t| name_like(t) && t.leading().is_empty())
                    .count()
                    == 3;
            let joins = contains(&lexicon::NAME_PARTICLES, &lw)
                || lw == "of"
                || (lw == "for" && has_title)
                || (matches!(&*lw, "and" | "&") && (after_title || and_joins_org(toks, j + 1)));
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
        while s < j && contains(&lexicon::NOT_NAMES, &lower(toks[s].word)) {
            s += 1;
        }
        // A role noun capitalised only because it opens the sentence ("Grower Tom Ashby").
        if s == 0 && j > 1 && contains(&lexicon::ROLE_NOUNS, &lower(toks[0].word)) {
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
        // Borrowed from `text`: a String per capitalised word was most of this set's cost.
        let mut capitalised_mid: HashSet<&str> = HashSet::new();
        // Every sentence's tokens in one vector, each sentence a range of it: one small
        // vector per sentence costs far more than its tokens on a text of short lines.
        let mut all_tokens: Vec<Token> = Vec::new();
        let mut ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(sentences.len());
        names.sentence_starts = sentences.iter().map(|s| s.start).collect();
        for (si, s) in sentences.iter().enumerate() {
            let from = all_tokens.len();
            all_tokens.extend(
                super::text::token_iter(text, s.start, s.end)
                    .filter(|t| !super::text::inside(quotes, t.start)),
            );
            for t in all_tokens[from..].iter().skip(1) {
                if t.is_capitalized() {
                    capitalised_mid.insert(t.word);
                }
            }
            ranges.push((si, from..all_tokens.len()));
        }
        for (si, range) in &ranges {
            let toks = &all_tokens[range.clone()];
            let opens = toks
                .first()
                .is_some_and(|t| t.start == sentences[*si].start);
            for (a, b) in runs(toks, 0) {
                // A lone sentence-initial word is a name only if it is capitalised elsewhere
                // too, or if what follows makes it one: an appositive role ("Nura, a mother of
                // four,") or a verb of saying ("Nura said").
                if a == 0
                    && b == 1
                    && opens
                    && !is_handle(&toks[0])
                    && !capitalised_mid.contains(toks[0].word)
                    && !is_acronym(toks[0].word)
                    && !introduces_person(toks)
                {
                    continue;
                }
                let m = names.mention_of(text, toks, a, b, *si);
                // A subject of a verb of saying is a speaker: people and bodies both qualify,
                // and a bare surname used this way marks the person.
                let next = toks[b..].iter().find(|t| {
                    !contains(&lexicon::VERB_FILLERS, &lower(t.word)) || t.word == "told"
                });
                if let Some(n) = next {
                    if contains(&lexicon::SAY_VERBS, &lower(n.word)) && !m.is_org {
                        names.people.insert(m.surname());
                    }
                }
                if m.person {
                    names.people.insert(m.surname());
                }
                names.mentions.push(m);
            }
        }
        // Surnames used alone: a full name whose surname also stands alone is a person's.
        let alone: HashSet<String> = names
            .mentions
            .iter()
            .filter(|m| !m.is_org && !m.title_only && !m.name.contains(' '))
            .map(Mention::surname)
            .collect();
        for (i, m) in names.mentions.iter().enumerate() {
            if !m.is_org && !m.title_only && m.name.split_whitespace().nth(1).is_some() {
                let surname = m.surname();
                if alone.contains(&surname) {
                    names.people.insert(surname.clone());
                }
                names.full.entry(surname).or_insert(i);
            }
            if m.is_org && !m.title_only {
                if let Some((head, _)) = m.name.split_once(" of ") {
                    names.org_heads.entry(head.to_lowercase()).or_insert(i);
                }
            }
            if !m.is_org {
                for r in &m.roles {
                    names.by_role.entry(r.clone()).or_default().push(i);
                }
            }
        }
        for (_, range) in &ranges {
            names.define_acronyms(&all_tokens[range.clone()]);
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
        if b == a + 1 && is_handle(&run[0]) {
            let t = &run[0];
            let start = t.start + t.leading().len() - 1;
            let end = t.start + t.leading().len() + t.word.len();
            let prev = a.checked_sub(1).map(|p| &toks[p]);
            let role = prev.filter(|p| is_person_noun(p.word) && p.trailing().is_empty());
            let object = prev.is_some_and(|p| {
                p.trailing().is_empty()
                    && !p.is_capitalized()
                    && role.is_none()
                    && !contains(&lexicon::CONJUNCTIONS, &lower(p.word))
                    && p.word != "named"
            });
            let name = text[start..end].to_string();
            return Mention {
                start,
                end,
                written: name.clone(),
                name,
                role: None,
                is_org: false,
                title_only: false,
                object,
                person: true,
                sentence,
                roles: role
                    .map(|r| vec![r.word.to_lowercase()])
                    .unwrap_or_default(),
                indefinite: false,
            };
        }
        // Titles: the last title word of the run, with "of X" continuations ("Secretary of Defense").
        let mut title_end = 0;
        let mut k = 0;
        while k < run.len() {
            if is_title(run[k].word) {
                title_end = k + 1;
                if k + 2 < run.len() && matches!(run[k + 1].word, "of" | "for") {
                    let c = if run[k + 2].word == "the" {
                        k + 3
                    } else {
                        k + 2
                    };
                    if c < run.len() && run[c].is_capitalized() {
                        // A long complement ("Secretary for European and Eurasian Affairs
                        // Robin Dunnigan"): the name is the last words, the rest is title.
                        if run.len() - c >= 3 {
                            title_end = run.len() - trailing_name_len(&run[c..]);
                            break;
                        }
                        title_end = c + 1;
                        k = c + 1;
                        continue;
                    }
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
        // An honorific alone ("Mr", "Dr.") is not a role.
        let honorific = title_end == 1
            && matches!(
                run[0].word.to_lowercase().trim_end_matches('.'),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame"
            );
        let role_title = (title_end > 0 && !title_only && !honorific)
            .then(|| span_text(0, title_end.min(name_start)));
        // Before the run: a determiner (for "the President"), role nouns and a preposition.
        let mut p = a;
        let mut role_before = Vec::new();
        while p > 0 && role_before.len() < 4 {
            let t = &toks[p - 1];
            let lw = lower(t.word);
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
            let lw = lower(p.word);
            p.trailing().is_empty()
                && !p.is_capitalized()
                && !p.word.is_empty()
                && !contains(&lexicon::CONJUNCTIONS, &lw)
        };
        // An appositive role after the name: ", the chief executive of Hong Kong,". Only a
        // phrase naming a person's role counts: not ", the United States has …" nor ", a city
        // of 300,000,".
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
                    let has_role = toks[b..e].iter().take(6).any(|t| is_person_noun(t.word));
                    if has_role {
                        let s0 = toks[b].start;
                        let last = &toks[e - 1];
                        let e0 = last.start + last.leading().len() + last.word.len();
                        appositive = Some(text[s0..e0].to_string());
                    }
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
        let mut roles: Vec<String> = run[..title_end.min(run.len())]
            .iter()
            .chain(role_before.iter().map(|&k| &toks[k]))
            .filter(|t| is_person_noun(t.word))
            .map(|t| t.word.to_lowercase())
            .collect();
        if let Some(a) = &appositive {
            roles.extend(
                a.split_whitespace()
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .filter(|w| is_person_noun(w)),
            );
        }
        let indefinite = determiner.is_some_and(|d| matches!(toks[d].word, "a" | "an"));
        Mention {
            roles,
            indefinite,
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

    /// Record the acronyms defined in a sentence: capitalised words directly followed by
    /// "(ACR)" whose capital letters spell the acronym ("U.S. Trade and Development Agency
    /// (USTDA)"). Looks back at most 12 words.
    fn define_acronyms(&mut self, toks: &[Token]) {
        for (k, t) in toks.iter().enumerate() {
            if k == 0 || !t.leading().starts_with('(') || !t.trailing().starts_with(')') {
                continue;
            }
            let acr = t.word;
            if !is_acronym(acr) || acr.chars().count() > 8 || self.acronyms.contains_key(acr) {
                continue;
            }
            let want: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
            let mut caps = String::new();
            let mut first = k;
            for j in (k.saturating_sub(12)..k).rev() {
                let w = &toks[j];
                if j + 1 < k && !w.trailing().is_empty() {
                    break;
                }
                if !name_like(w) {
                    if matches!(w.word, "of" | "for" | "and" | "the" | "on" | "in" | "&") {
                        continue;
                    }
                    break;
                }
                let letters: String = w.word.chars().filter(|c| c.is_uppercase()).collect();
                caps.insert_str(0, &letters);
                first = j;
                if caps == want {
                    break;
                }
                if caps.len() > want.len() {
                    break;
                }
            }
            if caps != want || first == k {
                continue;
            }
            let full = toks[first..k]
                .iter()
                .map(|t| t.raw)
                .collect::<Vec<_>>()
                .join(" ");
            let full = full
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches([',', ';', ':', '"']);
            self.acronyms.insert(acr.to_string(), full.to_string());
        }
    }

    /// The full name of an acronym the text defines.
    pub fn expand(&self, name: &str) -> Option<&str> {
        let n = name.strip_prefix("the ").unwrap_or(name);
        self.acronyms.get(n).map(String::as_str)
    }

    /// The last person mention before `at` carrying the role noun `noun` ("the minister" →
    /// "Foreign Minister Anna Petrova").
    pub fn with_role(&self, noun: &str, at: usize) -> Option<usize> {
        let noun = noun.to_lowercase();
        if !is_person_noun(&noun) {
            return self.body_named(&noun, at);
        }
        let list = self.by_role.get(&noun)?;
        let k = list.partition_point(|&i| self.mentions[i].end <= at);
        k.checked_sub(1).map(|k| list[k])
    }

    /// "the agency", "the ministry": the last organisation before `at` (within 200 names)
    /// whose name holds that word ("the Coastal Fisheries Agency").
    fn body_named(&self, noun: &str, at: usize) -> Option<usize> {
        if !is_org_word(noun) {
            return None;
        }
        let upto = self.mentions.partition_point(|m| m.end <= at);
        self.mentions[..upto]
            .iter()
            .enumerate()
            .rev()
            .take(200)
            .find(|(_, m)| {
                m.is_org
                    && m.name
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(noun))
            })
            .map(|(i, _)| i)
    }

    /// The antecedent of "he"/"she" at `at`: walking back over at most 200 names, the last
    /// subject that names a person (a title, a role, a surname used alone, or a full name that
    /// is no body's), never an organisation, an event or a platform named by one word. An
    /// object in the pronoun's own sentence is skipped ("Speaking to Martin Smith, he said");
    /// an object in an earlier sentence counts when no subject follows it there ("comments by
    /// Min Aung Hlaing. … he said").
    fn person_before(&self, at: usize) -> Option<usize> {
        let own = self
            .sentence_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1);
        let upto = self.mentions.partition_point(|m| m.end <= at);
        let mut object: Option<(usize, usize)> = None;
        for (i, m) in self.mentions[..upto].iter().enumerate().rev().take(200) {
            if m.indefinite || !self.person_like(m) {
                continue;
            }
            if !m.object {
                return match object {
                    Some((oi, os)) if os > m.sentence => Some(oi),
                    _ => Some(i),
                };
            }
            if m.sentence < own && object.is_none() {
                object = Some((i, m.sentence));
            }
        }
        object.map(|(i, _)| i)
    }

    /// A person, or a full name (two words or more) that is no body's: what a pronoun or a
    /// new speaker can be.
    pub fn person_like(&self, m: &Mention) -> bool {
        self.is_person(m)
            || !m.is_org
                && !m.title_only
                && m.name.split_whitespace().count() >= 2
                && !m.name.chars().any(|c| c.is_ascii_digit())
    }

    /// Is there evidence that this mention names a person?
    pub fn is_person(&self, m: &Mention) -> bool {
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
            Subject::Role {
                noun,
                description,
                at,
            } => Some(match self.with_role(noun, *at) {
                Some(i) => self.speaker_of(i),
                None => Speaker {
                    name: description.clone(),
                    role: None,
                },
            }),
            Subject::Pronoun { word, at } => {
                // Look back a bounded number of names: antecedents are near.
                let upto = self.mentions.partition_point(|m| m.end <= *at);
                let before = self.mentions[..upto].iter().enumerate().rev().take(200);
                let found = match word.as_str() {
                    "he" | "she" | "him" | "her" | "his" => self.person_before(*at),
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
        if let Some(full) = self.expand(&m.name) {
            // "the DIA" → "Defense Intelligence Agency", as the text defined it.
            return Speaker {
                name: full.to_string(),
                role: None,
            };
        }
        if m.is_org && !m.title_only && !m.name.contains(" of ") {
            // "the Supreme Court" after "the Supreme Court of Argentina".
            if let Some(&fi) = self.org_heads.get(&m.name.to_lowercase()) {
                return Speaker {
                    name: self.mentions[fi].name.clone(),
                    role: None,
                };
            }
        }
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
    if let Some(s) = relative_subject(names, toks, v) {
        return Some(s);
    }
    let mut i = v;
    let mut skipped = 0;
    while i > 0 {
        let t = &toks[i - 1];
        let lw = lower(t.word);
        if skipped < 3
            && t.trailing().is_empty()
            && (contains(&lexicon::VERB_FILLERS, &lw)
                || (lw.ends_with("ly") && !t.is_capitalized()))
        {
            i -= 1;
            skipped += 1;
            continue;
        }
        // Parenthetical: skip back to its opening ("Ron Wyden (D-Ore.), said").
        if t.raw.trim_end_matches([',', ';']).ends_with(')') {
            let mut j = i - 1;
            while j > 0 && !toks[j].raw.starts_with('(') {
                j -= 1;
            }
            i = j;
            continue;
        }
        // A language marker between the verb and its subject: "had written [ru]:".
        if t.raw.starts_with('[') && t.word.chars().count() <= 3 && !t.is_capitalized() {
            i -= 1;
            continue;
        }
        break;
    }
    if i == 0 {
        return None;
    }
    let t = &toks[i - 1];
    let lw = lower(t.word);
    if matches!(&*lw, "he" | "she" | "they" | "it" | "who" | "we") && t.trailing().is_empty() {
        return Some(Subject::Pronoun {
            word: lw.into_owned(),
            at: t.start,
        });
    }
    // "Many of them say", "Several residents said".
    for back in [3, 2] {
        if i >= back && t.trailing().is_empty() {
            if let Some(g) = group_subject(toks, i - back) {
                if let Subject::Description(d) = &g {
                    if d.split_whitespace().count() == back {
                        return Some(g);
                    }
                }
            }
        }
    }
    if t.trailing() == "," {
        // An appositive ", the chief executive of Hong Kong," or ", Director of the Office of
        // Y," after a name, or a name set off by commas.
        // Up to three appositives may follow one another ("Orlov, 44, a lawyer, told").
        let mut close = i - 1;
        for _ in 0..3 {
            let open = (0..close)
                .rev()
                .take(16)
                .find(|&j| toks[j].trailing() == ",");
            let Some(o) = open else {
                break;
            };
            let first = &toks[o + 1];
            let aside = matches!(first.word, "the" | "a" | "an")
                || !first.is_capitalized()
                || is_title(first.word);
            if !aside {
                break;
            }
            let p = &toks[o];
            // "the agency's director, Dr. Jane Roe, said": a titled name set off after a
            // lower-case role is who the role is, so the name is the subject.
            if is_title(first.word) && !p.is_capitalized() {
                if let Some(Subject::Name(m)) = subject_at(names, toks, close + 1) {
                    if !names.mentions[m].title_only {
                        return Some(Subject::Name(m));
                    }
                }
            }
            let pend = p.start + p.leading().len() + p.word.len();
            if let Some(m) = names.mention_ending_at(pend) {
                return Some(Subject::Name(m));
            }
            if let Some(s) = subject_at(names, toks, o + 1) {
                return Some(s);
            }
            // ", speaking in Moscow, said": the name in the aside is not the subject.
            if !first.is_capitalized() && first.word.ends_with("ing") {
                return None;
            }
            close = o;
        }
        return subject_at(names, toks, i);
    }
    if !t.trailing().is_empty() {
        return None;
    }
    subject_at(names, toks, i)
}

/// "who … said": the phrase the relative pronoun stands for, within 12 words before the
/// verb. A name ("Jane Doe, who chairs the panel, said") or a description in the text's own
/// words, with a short relative clause kept ("a passer-by who had seen it said" → "a passer-by
/// who had seen it").
fn relative_subject(names: &Names, toks: &[Token], v: usize) -> Option<Subject> {
    let lo = v.saturating_sub(12);
    let mut w = None;
    for j in (lo..v).rev() {
        if j + 1 < v && toks[j].trailing().contains(['.', ';', ':', '!', '?']) {
            return None;
        }
        if j + 1 < v && contains(&lexicon::SAY_VERBS, toks[j].word) {
            return None;
        }
        if toks[j].word == "who" {
            w = Some(j);
            break;
        }
    }
    let w = w.filter(|&w| w > 0)?;
    let clause_plain = (w + 1..v).all(|j| toks[j].trailing().is_empty())
        && toks[w].trailing().is_empty()
        && v - w >= 2
        && v - w <= 9;
    let ante = &toks[w - 1];
    let end = ante.start + ante.leading().len() + ante.word.len();
    if let Some(m) = names.mention_ending_at(end) {
        // The clause belongs to the phrase right before it: a person even as an object ("met
        // the Senator, who said"), a body only as a subject.
        let mm = &names.mentions[m];
        if !mm.indefinite && (!mm.object || !mm.is_org && names.is_person(mm)) {
            return Some(Subject::Name(m));
        }
    }
    // A description: the nearest determiner before "who" that opens a phrase about a person.
    let mut d = None;
    for j in (w.saturating_sub(10)..w).rev() {
        if j + 1 < w && !toks[j].trailing().is_empty() {
            break;
        }
        if is_determiner(&toks[j]) {
            let person = toks[j + 1..w].iter().any(|t| is_person_noun(t.word))
                || toks.get(j + 1).is_some_and(|t| {
                    t.is_capitalized() && matches!(&*lower(toks[j].word), "a" | "an")
                });
            if person {
                d = Some(j);
                break;
            }
        }
    }
    let d = d?;
    // An appositive after a name: "Jane Doe, the head of the agency, who …".
    if d > 0 && toks[d - 1].trailing() == "," {
        let p = &toks[d - 1];
        let end = p.start + p.leading().len() + p.word.len();
        if let Some(m) = names.mention_ending_at(end) {
            if !names.mentions[m].is_org {
                return Some(Subject::Name(m));
            }
        }
    }
    let stop = if clause_plain { v } else { w };
    Some(describe(toks, d, stop))
}

/// A description of an unnamed speaker from `toks[a..b]`: a short "the <role>" points back to
/// the last person named with that role; anything else is kept as the text's words.
fn describe(toks: &[Token], a: usize, b: usize) -> Subject {
    let text = join(toks, a, b);
    let first = lower(toks[a].word);
    let last = &toks[b - 1];
    if first == "the"
        && b - a <= 3
        && contains(&lexicon::ROLE_NOUNS, &lower(last.word))
        && !last.is_capitalized()
    {
        return Subject::Role {
            noun: last.word.to_lowercase(),
            description: text,
            at: toks[a].start,
        };
    }
    Subject::Description(text)
}

/// The subject whose last token is `toks[i - 1]`.
fn subject_at(names: &Names, toks: &[Token], i: usize) -> Option<Subject> {
    if i == 0 {
        return None;
    }
    let t = &toks[i - 1];
    let end = t.start + t.leading().len() + t.word.len();
    if let Some(m) = names.mention_ending_at(end) {
        let mm = &names.mentions[m];
        // "a Frenchwoman said": a common noun, kept as the text's description.
        if mm.indefinite && !mm.name.contains(' ') {
            if let Some(d) = (i.saturating_sub(3)..i)
                .rev()
                .find(|&j| is_determiner(&toks[j]))
            {
                return Some(Subject::Description(join(toks, d, i)));
            }
        }
        // "Jane Doe from the Acme Institute wrote": the person, not her employer.
        if mm.is_org && mm.object {
            let first = (i.saturating_sub(8)..i)
                .find(|&k| toks[k].start + toks[k].leading().len() == mm.start);
            let mut k = first.unwrap_or(0);
            if k > 0 && toks[k - 1].word == "the" {
                k -= 1;
            }
            let prep = k > 0 && matches!(toks[k - 1].word, "from" | "at" | "of" | "with" | "for");
            if let Some(p) = m.checked_sub(1).map(|pm| &names.mentions[pm]) {
                let pe = toks.get(k.wrapping_sub(2)).filter(|_| k >= 2);
                let adjacent =
                    pe.is_some_and(|t| t.start + t.leading().len() + t.word.len() == p.end);
                if first.is_some() && prep && adjacent && !p.is_org && !p.title_only {
                    return Some(Subject::Name(m - 1));
                }
            }
            // "A spokesman for the Interior Ministry told": the unnamed person, described.
            if first.is_some() && prep && k >= 2 && is_person_noun(toks[k - 2].word) {
                let det = (k.saturating_sub(5)..k - 1)
                    .rev()
                    .find(|&d| is_determiner(&toks[d]) || toks[d].word == "one");
                if let Some(d) = det {
                    return Some(describe(toks, d, i));
                }
            }
        }
        return Some(Subject::Name(m));
    }
    // "a 2025 DIA statement said", "the agency's report states": the body that issued it.
    if i >= 2 && contains(&lexicon::SPEECH_NOUNS, &lower(t.word)) {
        let p = &toks[i - 2];
        let pend = p.start + p.leading().len() + p.word.len();
        if p.trailing().is_empty() {
            if let Some(m) = names.mention_ending_at(pend) {
                if names.mentions[m].is_org {
                    return Some(Subject::Name(m));
                }
            }
        }
    }
    description_before(toks, i)
}

fn is_determiner(t: &Token) -> bool {
    matches!(&*lower(t.word), "the" | "a" | "an") && t.trailing().is_empty()
}

/// A description ending at `toks[i - 1]` that names an unnamed speaker: "a senior official",
/// "The President of the union", "The spokesperson for the port authority".
fn description_before(toks: &[Token], i: usize) -> Option<Subject> {
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
        let lw = lower(t.word);
        contains(&lexicon::ROLE_NOUNS, &lw)
            || contains(&lexicon::SPEECH_NOUNS, &lw)
            || (t.is_capitalized() && is_title(t.word))
    });
    has_role.then(|| describe(toks, start, i))
}

/// Find the subject after a verb at token `v` ("said Lavrov", "said a protester using …").
pub fn subject_after(names: &Names, toks: &[Token], v: usize) -> Option<Subject> {
    let first = toks.get(v + 1)?;
    let lw = lower(first.word);
    if matches!(&*lw, "he" | "she" | "they" | "it") {
        return Some(Subject::Pronoun {
            word: lw.into_owned(),
            at: first.start,
        });
    }
    let numeral = lw.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            &*lw,
            "one" | "another" | "two" | "three" | "his" | "her" | "their" | "its"
        );
    if matches!(&*lw, "the" | "a" | "an") || numeral && first.trailing().is_empty() {
        let mut e = v + 1;
        while e < toks.len() && e < v + 14 {
            e += 1;
            if !toks[e - 1].trailing().is_empty() {
                break;
            }
        }
        // "said the spokesman for the ministry, Ivan Petrov": the name in apposition.
        if toks[e - 1].trailing() == "," {
            if let Some(n) = toks.get(e) {
                if let Some(m) = names.mention_at(n.start + n.leading().len()) {
                    let mm = &names.mentions[m];
                    if !mm.is_org && !mm.title_only && mm.start == n.start + n.leading().len() {
                        return Some(Subject::Name(m));
                    }
                }
            }
        }
        // "the President" is a title-only mention; longer descriptions are kept as written.
        if let Some(m) = names.mention_starting_at(first.start) {
            let mm = &names.mentions[m];
            if !mm.title_only && !mm.indefinite {
                return Some(Subject::Name(m));
            }
        }
        return Some(describe(toks, v + 1, e));
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
    let m = names.mention_at(start)?;
    Some(Subject::Name(past_bare_title(names, m)))
}

/// A bare title is not a speaker: "said Deputy Assistant Secretary for Oceans, Jane Doe" names
/// Jane Doe, the person right after it.
pub fn past_bare_title(names: &Names, m: usize) -> usize {
    let mm = &names.mentions[m];
    if !mm.title_only || mm.written.starts_with(|c: char| c.is_lowercase()) {
        return m;
    }
    match names.mentions.get(m + 1) {
        Some(n) if !n.is_org && !n.title_only && n.start <= mm.end + 3 => m + 1,
        _ => m,
    }
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

/// A group named by a quantifier and its noun: "Several members", "Many of them", "Two
/// witnesses".
pub fn group_subject(toks: &[Token], a: usize) -> Option<Subject> {
    let q = toks.get(a)?.word.to_lowercase();
    if !matches!(
        q.as_str(),
        "several"
            | "many"
            | "some"
            | "most"
            | "few"
            | "two"
            | "three"
            | "four"
            | "five"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "both"
            | "others"
    ) || !toks[a].trailing().is_empty()
    {
        return None;
    }
    let mut e = a + 1;
    while e < toks.len() && e < a + 4 {
        let t = &toks[e];
        let w = t.word.to_lowercase();
        if t.is_capitalized() && w != "of"
            || w.ends_with("ly")
            || contains(&lexicon::VERB_FILLERS, &w)
            || contains(&lexicon::SAY_VERBS, &w)
        {
            break;
        }
        e += 1;
        if !t.trailing().is_empty() || matches!(w.as_str(), "them" | "us" | "those") {
            break;
        }
    }
    (e > a + 1).then(|| Subject::Description(join_words(&toks[a..e])))
}

/// The words of `toks` as written, without the first one's leading marks and the last one's
/// trailing punctuation.
pub fn join_words(toks: &[Token]) -> String {
    let mut out: Vec<&str> = toks.iter().map(|t| t.raw).collect();
    if let (Some(first), Some(t)) = (out.first_mut(), toks.first()) {
        *first = &first[t.leading().len()..];
    }
    let s = out.join(" ");
    s.trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
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
