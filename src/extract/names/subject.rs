//! The subject of a verb of saying, before or after it ("Lavrov said", "said a protester",
//! "Jane Doe, who chairs the panel, said"): a name, a pronoun, a role or a description in the
//! text's own words, left for [`Names::resolve`] to make a speaker of.

use super::super::lexicon::{self, contains};
use super::super::text::{lower, Token};
use super::{is_person_noun, is_title, Names, Subject};

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

/// "the", "a" or "an", with nothing after it before the next word.
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

/// The words of `toks[a..b]` as written, the last one without its punctuation.
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
