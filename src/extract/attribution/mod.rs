//! Who said a quotation, as an ordered set of small rules ("sieves") over the names of the
//! article, in two stages.
//!
//! **Quote → mention.** Each sieve looks at the words around one quotation (the words of its
//! sentence before the opening mark, and after the closing mark up to the next quotation or the
//! sentence end) and either finds the words that name the speaker (a [`Subject`]) or passes.
//! The first sieve that finds a speaker wins. Before any sieve runs, the speaker's quotation
//! markers (`and I quote`, `end quote`) are taken out of the window ([`Window::new`]).
//!
//! | # | sieve | pattern | example | test |
//! |---|-------|---------|---------|------|
//! | 0 | [`Window::new`] | the speaker's quotation markers are set aside | `he told Halvorsen, and I quote, that …` | `told_and_i_quote` |
//! | 1 | [`adjacent_cue`] | verb of saying within 3 words before the mark | `Later Mr. Bao said, "…"` | `adjacent_cue_binds_tightest` |
//! | 2 | [`cue_after`] | verb after the quote, subject after or before it, past appositives and parentheticals; `was quoted as saying` | `"…," said Sen. Jane Doe (D-XX)` / `"…," Admiral Correll stated` / `"…," the spokesman, Ivo Marek, told` | `cue_after_with_titles`, `cue_after_past_an_appositive` |
//! | 3 | [`cue_before`] | scanning back from the mark, the first word where one of 3a-3f holds: | | |
//! | 3a | [`quoted_as_saying`] | `X quoted Y as saying`, `Y was quoted as saying` | `The Ledger quoted Ann Ruiz as saying: "…"` | `quoted_as_saying_names_the_quoted` |
//! | 3b | [`according_to`] | `according to X`, `according to a note issued by X` | `According to a note issued by the Harbour Authority, "…"` | `according_to_follows_the_agent` |
//! | 3c | [`by_agent`] | a verb or noun of saying with `by X` | `Assurances by the presiding judge that "…"` | `by_agent_names_the_agent` |
//! | 3d | [`participle_cue`] | `X did Y, saying "…"` | `Ken Obi welcomed the plan, saying that it was "…"` | `participle_cue_takes_the_clause_subject` |
//! | 3e | [`say_verb`] | verb of saying; subject before it (name, pronoun, appositive chain, `who`-clause, `X from Org`, `a spokesman for Org`, a group `Many of them`) or after it (past a bare title); `X's op-ed (in Outlet) notes` → X, never the outlet | `said Deputy Assistant Secretary for Trade, Omar Haddad` / `Mark Ellery's opinion piece in The Northern Sentinel notes that "…"` | `long_titles_give_the_name`, `possessive_work_names_the_author`, `relative_clauses_and_asides`, `appositives_in_a_row_and_parentheticals`, `a_person_from_an_organisation`, `groups_speak_by_quantifier`, `documents_direct_and_provide`, `handles_name_their_users` |
//! | 3f | [`speech_noun`] | possessive with a noun of saying | `rejected Dana Cole's demand for "…"` | `speech_noun_possessive` |
//! | 4 | [`clause_subject`] | quote after a comma or colon with no verb of saying: the subject the clause opens with (a name, a body, a role, a document described in the text's words) | `Jo Kimura, also on local radio, defended the plan, "…"` / `Senator Ida Voss issued the following statement:` / `An editorial published in a regional weekly … captured the mood:` | `clause_subject_before_a_comma`, `bodies_and_roles_as_clause_subjects`, `descriptions_of_unnamed_speakers` |
//!
//! In `find_quotes` (the extraction module) three more run, in this order, for a quotation
//! still without a speaker: 5. the colon-ended paragraph introducing a block quotation
//! ([`intro`], which runs sieves 0-4 on that sentence); 6. the subject of the sentence just
//! before, in the same paragraph, when that sentence names a person and holds no quotation
//! ([`previous_subject`]; tests `previous_sentence_subject_speaks`,
//! `previous_subject_after_an_opening_role`); 7. conversation continuity, which carries the
//! previous quotation's speaker on (same or next paragraph, or the second half of a split
//! quotation) only when no other person is named as a subject in between
//! ([`names_someone_between`]; tests `continuity_stops_at_a_new_name`,
//! `split_quote_continues_its_speaker`).
//!
//! **Mention → entity** (`Names::resolve` and `Names::speaker_of`, with indexes built once per
//! article: surname → full name, acronym → expansion, role noun → people, "X of Y" heads):
//! acronyms the text defines resolve to the full name wherever used (`the CFB` → `Coastal
//! Fisheries Board`); `the Supreme Court` to an earlier `Supreme Court of X`; a surname or
//! `Mr./Ms./Dr. Surname` to the fullest name; `he`/`she` to the last subject with evidence of
//! being a person (a title, a role, a surname used alone, a full name that is no body's) —
//! never a body, a one-word event or platform, or the writer; a role noun (`the minister`,
//! `the blogger`, `the agency`) to the last person (or body) named with that role, else the
//! text's own words (`the presiding judge`); a bare title is never a speaker; Markdown link
//! syntax is never part of a name. Tests: `acronyms_resolve_to_the_full_name`,
//! `courts_resolve_to_their_full_name`, `role_nouns_point_back`, `pronouns_skip_events`,
//! `a_person_named_once_at_the_sentence_start`, `link_syntax_is_not_part_of_a_name`.

use super::lexicon::{self, contains};
use super::names::{
    group_subject, join_words, past_bare_title, subject_after, subject_before, Names, Speaker,
    Subject,
};
use super::text::{tokens, Token};

mod cues;

pub use cues::{according_to, by_agent, participle_cue, quoted_as_saying, say_verb, speech_noun};

/// A resolved attribution.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// Who said it, resolved to the fullest name the article gives; `None` when the words
    /// around the quotation name no one.
    pub speaker: Option<Speaker>,
    /// The attribution words ("said", "said in a statement", "according to"); `None` when no
    /// sieve found any.
    pub cue: Option<String>,
}

/// The words around one quotation, as the sieves see them.
pub struct Window<'a> {
    /// Words before the opening mark, in the same sentence.
    pub pre: Vec<Token<'a>>,
    /// Words after the closing mark, up to the next quotation or the sentence end.
    pub post: Vec<Token<'a>>,
}

impl<'a> Window<'a> {
    /// A window with the speaker's quotation markers taken out: "and I quote", "I quote",
    /// "end quote", "unquote".
    pub fn new(pre: Vec<Token<'a>>, post: Vec<Token<'a>>) -> Window<'a> {
        Window {
            pre: strip_markers(pre),
            post: strip_markers(post),
        }
    }
}

fn strip_markers(toks: Vec<Token>) -> Vec<Token> {
    let mut drop = vec![false; toks.len()];
    for k in 0..toks.len() {
        let w = toks[k].word.to_lowercase();
        if w == "quote" || w == "unquote" {
            drop[k] = true;
            if k > 0 && matches!(toks[k - 1].word, "I" | "end" | "close" | "End") {
                drop[k - 1] = true;
                if k > 1 && toks[k - 2].word.eq_ignore_ascii_case("and") {
                    drop[k - 2] = true;
                }
            }
        }
    }
    toks.into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(t, _)| t)
        .collect()
}

/// One sieve: the words around a quotation → its attribution, or nothing.
pub type Sieve = fn(&Names, &Window) -> Option<Attribution>;

/// The quote → mention sieves, in the order they run.
pub const SIEVES: &[(&str, Sieve)] = &[
    ("adjacent_cue", adjacent_cue),
    ("cue_after", cue_after),
    ("cue_before", cue_before),
    ("clause_subject", clause_subject),
];

/// Run the sieves in order; the first that names a speaker wins.
pub fn attribute(names: &Names, w: &Window) -> Option<Attribution> {
    SIEVES
        .iter()
        .find_map(|(_, sieve)| sieve(names, w).filter(|a| a.speaker.is_some()))
}

fn is_say(t: &Token) -> bool {
    !t.is_capitalized() && contains(&lexicon::SAY_VERBS, t.word)
}

fn found(names: &Names, subject: &Subject, cue: String) -> Option<Attribution> {
    Some(Attribution {
        speaker: names.resolve(subject),
        cue: Some(cue),
    })
}

/// The cue: the verb and the lower-case words that complete it ("said in a statement").
fn cue_from(toks: &[Token], v: usize, extend: bool) -> String {
    let mut words = vec![toks[v].word.to_string()];
    if v > 0
        && matches!(toks[v - 1].word, "has" | "had" | "have")
        && toks[v - 1].trailing().is_empty()
    {
        words.insert(0, toks[v - 1].word.to_string());
    }
    if extend && toks[v].trailing().is_empty() {
        for t in toks.iter().skip(v + 1).take(6) {
            if t.is_capitalized() || t.word.is_empty() {
                break;
            }
            words.push(t.word.to_string());
            if !t.trailing().is_empty() {
                break;
            }
        }
    }
    // A cue ends on its verb or a preposition's object, never on a dangling article.
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("the" | "a" | "an" | "to" | "of" | "that")
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// Sieve 1: a verb of saying among the three words right before the mark binds tighter than
/// anything after the quotation (`wrote "…"`, `Mr. Bao said, "…"`).
pub fn adjacent_cue(names: &Names, w: &Window) -> Option<Attribution> {
    let pre = &w.pre;
    let near = &pre[pre.len().saturating_sub(3)..];
    before(names, near).filter(|a| a.speaker.is_some())?;
    before(names, pre)
}

/// Sieve 2: the attribution right after the closing mark.
pub fn cue_after(names: &Names, w: &Window) -> Option<Attribution> {
    after(names, &w.post)
}

/// Sieve 3: the attribution before the opening mark.
pub fn cue_before(names: &Names, w: &Window) -> Option<Attribution> {
    before(names, &w.pre)
}

/// Attribution in the words right after a closing mark: `," Lavrov noted.` / `," said Lavrov`.
pub fn after(names: &Names, toks: &[Token]) -> Option<Attribution> {
    let first = toks.first()?;
    if is_say(first) {
        let subject = subject_after(names, toks, 0)?;
        return found(names, &subject, cue_from(toks, 0, false));
    }
    // `"…," according to Jane Doe.`
    if let Some(a) = according_to(names, toks, 0) {
        return Some(a);
    }
    let mut commas = 0;
    for v in 1..toks.len().min(14) {
        if is_say(&toks[v]) {
            let subject = subject_before(names, &toks[..=v], v)?;
            return found(names, &subject, cue_from(toks, v, true));
        }
        // `"…," Haddad was quoted as saying by the agency.`
        if let Some(a) = quoted_as_saying(names, toks, v) {
            return Some(a);
        }
        // Only a subject can stand between the quotation and its verb, with at most two
        // commas setting off an appositive (`"…," the spokesman, Ivan Petrov, told …`,
        // `"…," Tom Reyes, 45, said`).
        let tr = toks[v - 1].trailing();
        if tr == "," && commas < 2 {
            commas += 1;
            continue;
        }
        if !tr.is_empty() && !super::text::is_abbreviation(toks[v - 1].raw) {
            return None;
        }
    }
    None
}

/// Attribution in the words before an opening mark: scanning back from the mark, the first
/// word where one of the patterns 3a-3f holds.
pub fn before(names: &Names, toks: &[Token]) -> Option<Attribution> {
    for v in (0..toks.len()).rev() {
        let hit = quoted_as_saying(names, toks, v)
            .or_else(|| according_to(names, toks, v))
            .or_else(|| by_agent(names, toks, v))
            .or_else(|| participle_cue(names, toks, v))
            .or_else(|| say_verb(names, toks, v))
            .or_else(|| speech_noun(names, toks, v));
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// The noun phrase starting at `toks[a]`: a pronoun, a name, a possessive with its noun, or a
/// description in the text's own words (up to 8 words, ending at punctuation or at a word
/// that starts a clause).
fn noun_phrase(names: &Names, toks: &[Token], a: usize) -> Option<Subject> {
    let t = toks.get(a)?;
    let lw = t.word.to_lowercase();
    let pronoun = match lw.as_str() {
        "he" | "him" => Some("he"),
        "she" | "her" if t.trailing().is_empty() || a + 1 == toks.len() => Some("she"),
        "they" | "them" => Some("they"),
        _ => None,
    };
    if let Some(p) = pronoun {
        return Some(Subject::Pronoun {
            word: p.to_string(),
            at: t.start,
        });
    }
    let mut e = a;
    while e < toks.len() && e < a + 8 {
        let w = toks[e].word.to_lowercase();
        if e > a
            && matches!(
                w.as_str(),
                "that" | "who" | "which" | "to" | "as" | "when" | "and" | "said" | "says"
            )
        {
            break;
        }
        e += 1;
        if !toks[e - 1].trailing().is_empty() {
            break;
        }
    }
    if let Some(m) = names.mention_at(t.start + t.leading().len()) {
        let mm = &names.mentions[m];
        // "Mayor Tim Oduya's office": the body speaks in its own words; "Ann Ruiz's letter":
        // the author does.
        let owner_end = toks[a..e]
            .iter()
            .position(|x| x.raw.ends_with("'s") || x.raw.ends_with("'s,"));
        if let Some(k) = owner_end {
            let work = toks[(a + k + 1).min(e)..e]
                .iter()
                .take(3)
                .any(|n| contains(&lexicon::SPEECH_NOUNS, &n.word.to_lowercase()));
            if work {
                return Some(Subject::Name(m));
            }
            if toks.get(a + k + 1).is_some_and(|n| !n.is_capitalized()) {
                return Some(Subject::Description(join_words(&toks[a..e])));
            }
        }
        if !mm.indefinite || mm.name.contains(' ') {
            return Some(Subject::Name(past_bare_title(names, m)));
        }
    }
    let first_det = matches!(
        lw.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one"
    );
    let numbered = t.word.starts_with(|c: char| c.is_ascii_digit());
    (first_det || numbered).then(|| Subject::Description(join_words(&toks[a..e])))
}

/// A description from its words: "The senator" may point back to a named senator.
fn describe_words(toks: &[Token]) -> Subject {
    let text = join_words(toks);
    match (toks.first(), toks.last()) {
        (Some(f), Some(l))
            if f.word.eq_ignore_ascii_case("the")
                && toks.len() <= 3
                && contains(&lexicon::ROLE_NOUNS, &l.word.to_lowercase()) =>
        {
            Subject::Role {
                noun: l.word.to_lowercase(),
                description: text,
                at: f.start,
            }
        }
        _ => Subject::Description(text),
    }
}

/// The subject a clause opens with: a pronoun, a name, or a description of a person or a
/// document ("An editorial in a local paper").
fn first_subject(names: &Names, toks: &[Token]) -> Option<Subject> {
    let mut a = 0;
    while a < toks.len()
        && a < 2
        && matches!(
            toks[a].word.to_lowercase().as_str(),
            "but" | "and" | "then" | "so" | "yet" | "still"
        )
    {
        a += 1;
    }
    let t = toks.get(a)?;
    let lw = t.word.to_lowercase();
    if matches!(lw.as_str(), "he" | "she" | "they" | "it") {
        return Some(Subject::Pronoun {
            word: lw,
            at: t.start,
        });
    }
    // "Senator Mary Lane issued …": a capitalised title or role word opening the sentence
    // may stand outside the name's run.
    let mention = names.mention_at(t.start + t.leading().len()).or_else(|| {
        let n = toks.get(a + 1)?;
        (super::names::is_person_noun(t.word) && t.trailing().is_empty())
            .then(|| names.mention_at(n.start + n.leading().len()))
            .flatten()
    });
    if let Some(m) = mention {
        let mm = &names.mentions[m];
        if mm.start > t.end + 1 || mm.object {
            return None;
        }
        if mm.indefinite && !mm.name.contains(' ') {
            return None;
        }
        return Some(Subject::Name(past_bare_title(names, m)));
    }
    if let Some(d) = group_subject(toks, a) {
        return Some(d);
    }
    if matches!(lw.as_str(), "the" | "a" | "an") {
        // A description up to its first clause boundary, holding a person or document noun.
        let mut e = a + 1;
        while e < toks.len() && e < a + 9 {
            let w = toks[e].word.to_lowercase();
            if matches!(
                w.as_str(),
                "that"
                    | "who"
                    | "which"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
            ) {
                break;
            }
            e += 1;
            if !toks[e - 1].trailing().is_empty() {
                break;
            }
        }
        // The head noun: the first person or document noun, within three words.
        let is_head = |t: &Token| {
            let w = t.word.to_lowercase();
            contains(&lexicon::ROLE_NOUNS, &w) || contains(&lexicon::SPEECH_NOUNS, &w)
        };
        let mut h = (a + 1..e.min(a + 4)).find(|&h| is_head(&toks[h]))?;
        // "The governor's office", "the company's lawyers": the possessor is not the head; the
        // noun it owns is.
        let possessive = |t: &Token| t.raw.ends_with("'s") || t.raw.ends_with("\u{2019}s");
        if possessive(&toks[h])
            && toks[h].trailing().is_empty()
            && toks.get(h + 1).is_some_and(|n| {
                h + 1 < e
                    && !n.is_capitalized()
                    && !n.word.is_empty()
                    && !contains(&lexicon::SAY_VERBS, n.word)
                    && !contains(&lexicon::VERB_FILLERS, n.word)
            })
        {
            h += 1;
        }
        // After the head only a phrase saying where or by whom: "An editorial published in
        // a weekly", "The senator from Ohio"; "The senator released a statement" stops at
        // the noun.
        let mut end = h + 1;
        if toks[h].trailing().is_empty() && end < e {
            let w = toks[end].word;
            let participle = matches!(
                w,
                "published" | "issued" | "written" | "printed" | "posted" | "released" | "run"
            ) && toks
                .get(end + 1)
                .is_some_and(|n| matches!(n.word, "in" | "by" | "on"));
            if participle || matches!(w, "of" | "in" | "from" | "at" | "for" | "with" | "on") {
                end = if participle { end + 2 } else { end + 1 };
                while end < e {
                    let t = &toks[end];
                    let prev_det = matches!(toks[end - 1].word, "a" | "an" | "the");
                    if !t.is_capitalized() && t.word.ends_with("ed") && !prev_det {
                        break;
                    }
                    end += 1;
                }
            }
        }
        return Some(describe_words(&toks[a..end.min(e).max(h + 1)]));
    }
    None
}

/// Sieve 4: a quotation after a comma or colon with no verb of saying: the subject of the
/// clause that introduces it (`Jo Kim, also on radio, defended the plan, "…"`, `The agency
/// issued the following statement:`).
pub fn clause_subject(names: &Names, w: &Window) -> Option<Attribution> {
    let pre = &w.pre;
    let last = pre.last()?;
    if !last.trailing().ends_with([',', ':']) || pre.len() > 30 {
        return None;
    }
    let subject = first_subject(names, pre)?;
    // The cue: the first lower-case word after the subject that is not a filler, nor the
    // noun a possessive owns ("the governor's office issued").
    let cue = pre
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(k, _)| {
            let p = &pre[k - 1];
            !(p.raw.ends_with("'s") || p.raw.ends_with("\u{2019}s"))
        })
        .map(|(_, t)| t)
        .find(|t| {
            !t.is_capitalized()
                && !t.word.is_empty()
                && !contains(&lexicon::VERB_FILLERS, t.word)
                && !contains(&lexicon::ROLE_NOUNS, t.word)
                && !contains(&lexicon::SPEECH_NOUNS, t.word)
                && !contains(&lexicon::OBJECT_PREPOSITIONS, t.word)
                && !matches!(
                    t.word,
                    "the" | "a" | "an" | "of" | "on" | "in" | "at" | "for"
                )
        })
        .map(|t| t.word.to_string());
    Some(Attribution {
        speaker: names.resolve(&subject),
        cue,
    })
}

/// Attribution in a paragraph ending with a colon that introduces a block quotation:
/// "Lavrov confirmed:" / "According to Lavrov's recent interview:".
pub fn intro(names: &Names, text: &str, start: usize, end: usize) -> Option<Attribution> {
    let w = Window::new(tokens(text, start, end), Vec::new());
    attribute(names, &w)
}

/// The subject of the sentence `s` (its first words) when it names a person: a quotation
/// standing alone right after "Jane Doe criticised the plan on radio." is hers.
pub fn previous_subject(names: &Names, start: usize, end: usize) -> Option<Speaker> {
    let i = names.mentions_within(start, end).next()?;
    let m = &names.mentions[i];
    // The first name of the sentence, after at most a short opening ("Her colleague, Dr.
    // Omar Sayed, disagreed.").
    if m.start > start + 24 || m.object || m.is_org || !names.is_person(m) {
        return None;
    }
    Some(names.speaker_of(i))
}

/// Is a person other than `speaker` named as a subject between `start` and `end` (outside
/// quotations)? Then a later quotation does not simply continue the previous speaker.
pub fn names_someone_between(names: &Names, start: usize, end: usize, speaker: &str) -> bool {
    names.mentions_within(start, end).any(|i| {
        let m = &names.mentions[i];
        !m.object
            && !m.is_org
            && !m.title_only
            && names.person_like(m)
            && names.speaker_of(i).name != speaker
    })
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};
    use crate::model::ClaimKind;

    /// Every quote of `text` with its speaker.
    fn speakers(text: &str, format: Format) -> Vec<(String, Option<String>)> {
        let a = Article::from_text("articles/t.txt", text.to_string(), format);
        crate::extract::extract(&a)
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quote)
            .map(|c| (c.text, c.speaker))
            .collect()
    }

    /// The speaker of the quote starting with `start`.
    fn speaker_of(text: &str, start: &str) -> Option<String> {
        speaker_in(text, start, Format::Text)
    }

    fn speaker_in(text: &str, start: &str, format: Format) -> Option<String> {
        let all = speakers(text, format);
        all.iter()
            .find(|(q, _)| q.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start:?} in {all:?}"))
            .1
            .clone()
    }

    #[test]
    fn adjacent_cue_binds_tightest() {
        let t = "Mr. Bao spoke after the vote.\n\nLater Mr. Bao said, \"The harbour will reopen within a week.\" Others disagreed.\n";
        assert_eq!(speaker_of(t, "The harbour").as_deref(), Some("Mr. Bao"));
    }

    #[test]
    fn cue_after_with_titles() {
        let t = "\"We will fund every rural clinic this year,\" said Sen. Jane Doe (D-XX).\n\n\"The fleet stays in port until the storm passes,\" Admiral Correll stated.\n";
        assert_eq!(speaker_of(t, "We will fund").as_deref(), Some("Jane Doe"));
        assert_eq!(
            speaker_of(t, "The fleet stays").as_deref(),
            Some("Admiral Correll")
        );
    }

    #[test]
    fn a_possessed_noun_heads_the_description() {
        let t = "The governor's office issued the following statement:\n\n\"This bill would have raised rates for every family in the state.\"\n";
        assert_eq!(
            speaker_of(t, "This bill").as_deref(),
            Some("The governor's office")
        );
        let a = crate::article::Article::from_text("articles/t.txt", t.to_string(), Format::Text);
        let cue = crate::extract::extract(&a)
            .claims
            .into_iter()
            .find(|c| c.kind == ClaimKind::Quote)
            .and_then(|c| c.cue);
        assert_eq!(cue.as_deref(), Some("issued"));
    }

    #[test]
    fn titled_name_after_a_role_is_the_speaker() {
        let t = "The agency's director, Dr. Helena Brandt, said the drought was \"the worst we have recorded since measurements began.\"\n\nThe port's harbour master, Capt. Ivo Rask, said: \"No ship has left since Sunday.\"\n";
        assert_eq!(
            speaker_of(t, "the worst we").as_deref(),
            Some("Helena Brandt")
        );
        assert_eq!(speaker_of(t, "No ship has").as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn long_titles_give_the_name() {
        let t = "\"Our ports are open to every partner in the region,\" said Deputy Assistant Secretary of State for Maritime and Coastal Affairs Lena Moravec.\n\n\"Grain shipments will double,\" said Deputy Assistant Secretary for Trade, Omar Haddad.\n\nPriya Nand, Director of the Office of Rural Water and Power, said: \"Every village will have clean water by 2030.\"\n";
        assert_eq!(speaker_of(t, "Our ports").as_deref(), Some("Lena Moravec"));
        assert_eq!(
            speaker_of(t, "Grain shipments").as_deref(),
            Some("Omar Haddad")
        );
        assert_eq!(
            speaker_of(t, "Every village").as_deref(),
            Some("Priya Nand")
        );
    }

    #[test]
    fn quoted_as_saying_names_the_quoted() {
        let t = "The Riverside Ledger quoted Ann Ruiz as saying: \"The bridge was never safe for trucks.\"\n\nTom Baird was quoted as saying \"the council ignored every warning we sent them.\"\n";
        assert_eq!(speaker_of(t, "The bridge").as_deref(), Some("Ann Ruiz"));
        assert_eq!(speaker_of(t, "the council").as_deref(), Some("Tom Baird"));
    }

    #[test]
    fn according_to_follows_the_agent() {
        let t = "According to a note issued by the Harbour Authority, \"no vessel may leave before dawn on Friday.\"\n\nAccording to Vera Lind, \"the tunnel will close for three months.\"\n";
        assert_eq!(
            speaker_of(t, "no vessel").as_deref(),
            Some("the Harbour Authority")
        );
        assert_eq!(speaker_of(t, "the tunnel").as_deref(), Some("Vera Lind"));
    }

    #[test]
    fn by_agent_names_the_agent() {
        let t = "Engineers doubted the design. Assurances by the chief engineer that \"the dam will hold through any flood\" did not calm the town.\n";
        assert_eq!(
            speaker_of(t, "the dam will").as_deref(),
            Some("the chief engineer")
        );
    }

    #[test]
    fn participle_cue_takes_the_clause_subject() {
        let t = "Ken Obi, a farmer from the valley, welcomed the plan, saying that it was \"the first good news we have had in ten years.\"\n";
        assert_eq!(speaker_of(t, "the first good").as_deref(), Some("Ken Obi"));
    }

    #[test]
    fn possessive_work_names_the_author() {
        let t = "Mark Ellery's opinion piece in The Northern Sentinel notes that \"every city that built tram lines saw rents rise.\"\n";
        assert_eq!(speaker_of(t, "every city").as_deref(), Some("Mark Ellery"));
    }

    #[test]
    fn speech_noun_possessive() {
        let t = "The ministry rejected Dana Cole's demand for \"an immediate and complete audit of the accounts.\"\n";
        assert_eq!(speaker_of(t, "an immediate").as_deref(), Some("Dana Cole"));
    }

    #[test]
    fn clause_subject_before_a_comma() {
        let t = "Jo Kimura, also on local radio, defended the plan, \"Nobody will lose a single bus route under this scheme.\"\n";
        assert_eq!(speaker_of(t, "Nobody will").as_deref(), Some("Jo Kimura"));
    }

    #[test]
    fn told_and_i_quote() {
        let t = "Ines Varga met the envoy twice. She told Halvorsen, and I quote, that she would \"rather close the mine than sell it to them.\"\n";
        assert_eq!(speaker_of(t, "rather close").as_deref(), Some("Ines Varga"));
    }

    #[test]
    fn acronyms_resolve_to_the_full_name() {
        let t = "The Coastal Fisheries Board (CFB) met on Monday. The CFB said it was \"deeply worried about the collapse of the cod stocks.\"\n\nLater the CFB added: \"Quotas will be cut by half next season.\"\n";
        assert_eq!(
            speaker_of(t, "deeply worried").as_deref(),
            Some("Coastal Fisheries Board")
        );
        assert_eq!(
            speaker_of(t, "Quotas will").as_deref(),
            Some("Coastal Fisheries Board")
        );
    }

    #[test]
    fn role_nouns_point_back() {
        let t = "Hungarian blogger Petra Sólyom has followed the case for years.\n\nThe blogger wrote: \"Nobody in the ministry has answered a single question.\"\n\nReassurances by the presiding judge that \"the verdict will be published in full\" calmed nobody.\n";
        assert_eq!(
            speaker_of(t, "Nobody in the").as_deref(),
            Some("Petra Sólyom")
        );
        assert_eq!(
            speaker_of(t, "the verdict").as_deref(),
            Some("the presiding judge")
        );
    }

    #[test]
    fn pronouns_skip_events() {
        let t = "Hana Ortiz survived the war as a child. Beyond the Famine, the country has known peace for decades. She said, \"We must never forget what hunger does to people.\"\n";
        assert_eq!(
            speaker_of(t, "We must never").as_deref(),
            Some("Hana Ortiz")
        );
    }

    #[test]
    fn descriptions_of_unnamed_speakers() {
        let t = "When the convoy reached the village, a farmer who had waited all night exclaimed, \"At last, the trucks are here!\"\n\nAn editorial published in a regional weekly days after the vote captured the mood, and I quote: \"The valley has been forgotten by everyone in the capital.\"\n";
        assert_eq!(
            speaker_of(t, "At last").as_deref(),
            Some("a farmer who had waited all night")
        );
        assert_eq!(
            speaker_of(t, "The valley has").as_deref(),
            Some("An editorial published in a regional weekly")
        );
    }

    #[test]
    fn a_person_named_once_at_the_sentence_start() {
        let t = "Amara, a nurse from the north, stayed. But she said, \"The clinic has had no power for a week.\"\n";
        assert_eq!(speaker_of(t, "The clinic").as_deref(), Some("Amara"));
    }

    #[test]
    fn previous_sentence_subject_speaks() {
        let t = "\"We expected more from our allies,\" Rosa Quint wrote on her blog.\n\nOle Brandt, a former adviser, also criticised the deal on the radio. \"This agreement gives away everything and gets nothing back.\"\n";
        assert_eq!(
            speaker_of(t, "This agreement").as_deref(),
            Some("Ole Brandt")
        );
    }

    #[test]
    fn continuity_stops_at_a_new_name() {
        let t = "\"The strike will go on until the end of the month,\" said union leader Mira Jovanović. \"Nobody goes back until the pay offer changes.\"\n\nDan Ebert, the mediator, arrived on Friday. Talks lasted an hour. \"We are further apart than we were last week.\"\n";
        assert_eq!(
            speaker_of(t, "Nobody goes back").as_deref(),
            Some("Mira Jovanović")
        );
        assert_eq!(speaker_of(t, "We are further").as_deref(), None);
    }

    #[test]
    fn courts_resolve_to_their_full_name() {
        let t = "The Supreme Court of Valdoria heard the appeal in May.\n\n\"No pardon can cover crimes of this gravity,\" the Supreme Court ruled.\n";
        assert_eq!(
            speaker_of(t, "No pardon").as_deref(),
            Some("Supreme Court of Valdoria")
        );
    }

    #[test]
    fn groups_speak_by_quantifier() {
        let t = "The club thanked the mayor. Several fans immediately posted replies, complaining, for example, \"We were never asked about the new stadium.\"\n\nOthers wrote to the paper. Many of them say, \"The old ground was good enough for us.\"\n";
        assert_eq!(
            speaker_of(t, "We were never").as_deref(),
            Some("Several fans")
        );
        assert_eq!(
            speaker_of(t, "The old ground").as_deref(),
            Some("Many of them")
        );
    }

    #[test]
    fn a_person_from_an_organisation() {
        let t = "As Lotte Brink from the Delta Institute wrote last week, \"the river has risen faster than any model predicted.\"\n";
        assert_eq!(speaker_of(t, "the river").as_deref(), Some("Lotte Brink"));
    }

    #[test]
    fn split_quote_continues_its_speaker() {
        let t = "\"The offer is fair,\" Ruth Adair said on Monday. \"It is also the last one we will make this year.\"\n";
        assert_eq!(speaker_of(t, "It is also").as_deref(), Some("Ruth Adair"));
    }

    #[test]
    fn cue_after_past_an_appositive() {
        let t = "\"We will not move the depot,\" the spokesman for the railway, Ivo Marek, told reporters.\n\n\"I have fished here all my life,\" Tomas Reyes, 61, said.\n\n\"The floods came twice,\" Reyes was quoted as saying by a local radio station.\n\nThe mayor was absent. \"Nobody ever warned us about the river,\" said one resident, who asked not to be named.\n";
        assert_eq!(speaker_of(t, "We will not").as_deref(), Some("Ivo Marek"));
        assert_eq!(
            speaker_of(t, "I have fished").as_deref(),
            Some("Tomas Reyes")
        );
        assert_eq!(speaker_of(t, "The floods").as_deref(), Some("Tomas Reyes"));
        assert_eq!(
            speaker_of(t, "Nobody ever").as_deref(),
            Some("one resident")
        );
    }

    #[test]
    fn bodies_and_roles_as_clause_subjects() {
        let t = "Senator Ida Voss issued the following statement: \"I will vote against the levy in its present form.\"\n\nThe Inland Water Agency published its figures. The agency said: \"Reservoirs are at their lowest level since 1976.\"\n\nThe governor released a statement: \"Every county will get emergency funds this week.\"\n";
        assert_eq!(speaker_of(t, "I will vote").as_deref(), Some("Ida Voss"));
        assert_eq!(
            speaker_of(t, "Reservoirs are").as_deref(),
            Some("Inland Water Agency")
        );
        assert_eq!(
            speaker_of(t, "Every county").as_deref(),
            Some("The governor")
        );
    }

    #[test]
    fn relative_clauses_and_asides() {
        let t = "The delegates met the governor, who told them: \"Every flooded school will be rebuilt by autumn.\"\n\nBrandt, speaking at a rally in Kessel, said: \"The mine will stay open as long as I am mayor.\"\n";
        assert_eq!(
            speaker_of(t, "Every flooded").as_deref(),
            Some("the governor")
        );
        assert_eq!(speaker_of(t, "The mine will").as_deref(), Some("Brandt"));
    }

    #[test]
    fn previous_subject_after_an_opening_role() {
        let t = "\"The virus is spreading in the villages,\" Dr. Lena Ostrova said.\n\nHer colleague, Dr. Omar Sayed, disagreed. \"The numbers are already falling in every district we track.\"\n";
        assert_eq!(
            speaker_of(t, "The numbers are").as_deref(),
            Some("Omar Sayed")
        );
    }

    #[test]
    fn documents_direct_and_provide() {
        let t = "The executive order directs agencies to \"give veterans priority in every round of hiring.\"\n";
        assert_eq!(
            speaker_of(t, "give veterans").as_deref(),
            Some("The executive order")
        );
    }

    #[test]
    fn handles_name_their_users() {
        let t = "Twitter user @harbourwatch wrote: \"The water in the bay has turned brown again this morning.\"\n\n@kestrel_77 tweeted: \"Nobody from the council has come to look at it.\"\n";
        assert_eq!(
            speaker_of(t, "The water in").as_deref(),
            Some("@harbourwatch")
        );
        assert_eq!(speaker_of(t, "Nobody from").as_deref(), Some("@kestrel_77"));
    }

    #[test]
    fn appositives_in_a_row_and_parentheticals() {
        let t = "\"This levy will ruin the small farms,\" Orsini, 44, a lawyer by training, told the radio.\n\nThe panel's chair, Senator Rhea Lund (D-Vt.), said: \"The public deserves answers about this program now.\"\n\nA spokesman for the Port Authority told reporters: \"The terminal will stay closed until Monday.\"\n";
        assert_eq!(speaker_of(t, "This levy").as_deref(), Some("Orsini"));
        assert_eq!(
            speaker_of(t, "The public deserves").as_deref(),
            Some("Rhea Lund")
        );
        assert_eq!(
            speaker_of(t, "The terminal").as_deref(),
            Some("A spokesman for the Port Authority")
        );
    }

    #[test]
    fn link_syntax_is_not_part_of_a_name() {
        let t = "In March, [Attorney-General Carla Brenner said](https://example.org/a) \"the new hospital will open before winter.\"\n";
        assert_eq!(
            speaker_in(t, "the new hospital", Format::Markdown).as_deref(),
            Some("Carla Brenner")
        );
    }
}
