//! Building the [`Names`] of an article: a mention for each name run, its name told from its
//! title, a person told from a body, and what the text defines (acronyms, surnames used alone).

use super::super::lexicon::{self, contains};
use super::super::text::{lower, Sentence, Token};
use super::runs::runs;
use super::{
    is_acronym, is_handle, is_org_word, is_person_noun, is_title, name_like, Mention, Names,
};
use std::collections::HashSet;

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
                super::super::text::token_iter(text, s.start, s.end)
                    .filter(|t| !super::super::text::inside(quotes, t.start)),
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
            for (a, b) in runs(toks) {
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
                let m = mention_of(text, toks, a, b, *si);
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
}

/// The mention made of the name run `toks[a..b]` of sentence `sentence`: its name split from
/// its title, whether it is a body's, and what the words around it tell of it.
fn mention_of(text: &str, toks: &[Token], a: usize, b: usize, sentence: usize) -> Mention {
    let run = &toks[a..b];
    if b == a + 1 && is_handle(&run[0]) {
        return handle_mention(text, toks, a, sentence);
    }
    let title_end = title_end(run);
    let (name_start, name_end, title_only) = name_bounds(run, title_end);
    let span = |x: usize, y: usize| span_text(text, run, x, y);
    let name = span(name_start, name_end);
    let is_org = names_a_body(&run[name_start..name_end], &name);
    // An honorific alone ("Mr", "Dr.") is not a role.
    let honorific = title_end == 1
        && matches!(
            run[0].word.to_lowercase().trim_end_matches('.'),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame"
        );
    let role_title =
        (title_end > 0 && !title_only && !honorific).then(|| span(0, title_end.min(name_start)));
    let before = Before::of(toks, a);
    let appositive = appositive(text, toks, b);
    let person = !is_org && (title_end > 0 || !before.roles.is_empty() || appositive.is_some());
    let start = match (title_only, before.determiner) {
        (true, Some(d)) => toks[d].start,
        _ => run[0].start + run[0].leading().len(),
    };
    let last = &run[run.len() - 1];
    let end = last.start + last.leading().len() + last.word.len();
    let written = if title_only {
        text[start..end].to_string()
    } else if is_org && before.determiner.is_some_and(|d| toks[d].word == "the") {
        // "the Pentagon", "the Foreign Ministry of Iraq": bodies keep their article.
        format!("the {}", span(0, name_end))
    } else {
        span(0, name_end)
    };
    let mut roles: Vec<String> = run[..title_end.min(run.len())]
        .iter()
        .chain(before.roles.iter().map(|&k| &toks[k]))
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
    let indefinite = before
        .determiner
        .is_some_and(|d| matches!(toks[d].word, "a" | "an"));
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
        object: before.object,
        person,
        sentence,
    }
}

/// The mention of a handle standing alone (`toks[a]`, "@riverwatch"): a person's, its role
/// the person noun right before it ("blogger @riverwatch").
fn handle_mention(text: &str, toks: &[Token], a: usize, sentence: usize) -> Mention {
    let t = &toks[a];
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
    Mention {
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
    }
}

/// Where the titles at the head of a run end: after its last title word, with "of X"
/// continuations ("Secretary of Defense").
fn title_end(run: &[Token]) -> usize {
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
    title_end
}

/// The name's tokens within a run whose titles end at `title_end`, and whether the run is
/// only titles ("the President"): then the whole run stands for the name.
fn name_bounds(run: &[Token], title_end: usize) -> (usize, usize, bool) {
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
    if name_start >= name_end {
        (0, run.len(), true)
    } else {
        (name_start, name_end, false)
    }
}

/// The text of the run's tokens `x..y`, from the first one's word to the last one's.
fn span_text(text: &str, run: &[Token], x: usize, y: usize) -> String {
    let s = run[x].start + run[x].leading().len();
    let last = &run[y - 1];
    let e = last.start + last.leading().len() + last.word.len();
    text[s..e.max(s)].to_string()
}

/// Does the name `name` (its tokens `name_toks`) name a body: an organisation word, only
/// acronyms and figures, a figure, or a known outlet?
fn names_a_body(name_toks: &[Token], name: &str) -> bool {
    name_toks.iter().any(|t| is_org_word(t.word))
        || name_toks
            .iter()
            .all(|t| is_acronym(t.word) || t.word.starts_with(|c: char| c.is_ascii_digit()))
        || name_toks
            .iter()
            .any(|t| t.word.starts_with(|c: char| c.is_ascii_digit()))
        || super::super::outlets::is_outlet(name)
}

/// What the words before a name run tell of it.
struct Before {
    /// Role nouns right before the run ("grower", "the blogger"), as token indices.
    roles: Vec<usize>,
    /// A determiner before those ("the President", "a Frenchwoman"), as a token index.
    determiner: Option<usize>,
    /// The name stands after a preposition or a verb: an object.
    object: bool,
}

impl Before {
    /// The words before the run starting at token `a`.
    fn of(toks: &[Token], a: usize) -> Before {
        // Before the run: a determiner (for "the President"), role nouns and a preposition.
        let mut p = a;
        let mut roles = Vec::new();
        while p > 0 && roles.len() < 4 {
            let t = &toks[p - 1];
            let lw = lower(t.word);
            if contains(&lexicon::ROLE_NOUNS, &lw)
                && (t.trailing().is_empty() || t.trailing() == ",")
            {
                roles.push(p - 1);
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
        Before {
            roles,
            determiner,
            object,
        }
    }
}

/// An appositive role after the run ending at token `b` (exclusive): ", the chief executive of
/// Hong Kong,". Only a phrase naming a person's role counts: not ", the United States has …"
/// nor ", a city of 300,000,".
fn appositive(text: &str, toks: &[Token], b: usize) -> Option<String> {
    if toks[b - 1].trailing() != "," {
        return None;
    }
    let first = toks.get(b)?;
    if !matches!(first.word, "the" | "a" | "an") {
        return None;
    }
    let mut e = b;
    while e < toks.len() && e < b + 14 {
        e += 1;
        if !toks[e - 1].trailing().is_empty() {
            break;
        }
    }
    let has_role = toks[b..e].iter().take(6).any(|t| is_person_noun(t.word));
    has_role.then(|| {
        let s0 = toks[b].start;
        let last = &toks[e - 1];
        let e0 = last.start + last.leading().len() + last.word.len();
        text[s0..e0].to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

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
}
