//! Names in the article and who said what: finding capitalised name runs, telling people from
//! organisations, and resolving a subject ("Lavrov", "he", "the President") to the fullest name
//! the article gives.
//!
//! The parts: this file holds the types, the tests on single words and the lookups on the
//! names found (resolving a subject to a speaker); [`runs`] groups capitalised words into name
//! runs, [`mentions`] makes the mentions of an article from them, and [`subject`] finds the
//! subject of a verb of saying.

mod mentions;
mod runs;
mod subject;

pub use subject::{group_subject, join_words, past_bare_title, subject_after, subject_before};

use super::lexicon::{self, contains};
use super::text::{lower, Token};
use std::collections::{HashMap, HashSet};

/// A name (person, organisation, document) mentioned outside quotations.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Normalised span of the whole run, title included.
    pub start: usize,
    /// Byte offset in the analysis text just past the run's last word.
    pub end: usize,
    /// The run as written, title included.
    pub written: String,
    /// The name without titles ("Sergey Lavrov").
    pub name: String,
    /// Title or role in front of the name ("Russian Foreign Minister"), or an appositive role.
    pub role: Option<String>,
    /// The name is a body's (organisation, court, ministry, publication), not a person's.
    pub is_org: bool,
    /// Only titles, no name ("the President").
    pub title_only: bool,
    /// The name stands after a preposition ("speaking to Martin Smith").
    pub object: bool,
    /// There is evidence in the run itself that this is a person (a title, a role noun before).
    pub person: bool,
    /// Index of the sentence it is in, among the sentences the extraction split the article
    /// into.
    pub sentence: usize,
    /// Person nouns of its title, the role words before it and its appositive ("minister",
    /// "blogger"): what a later "the minister" or "the blogger" can point back to.
    pub roles: Vec<String>,
    /// Preceded by "a"/"an": a common noun ("a Frenchwoman"), not a name.
    pub indefinite: bool,
}

impl Mention {
    /// The last word of the name, in lower case: the key a later "Lavrov" is matched by.
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
    /// The fullest name the article gives ("Sergey Lavrov"), a body's name, or the text's own
    /// description of an unnamed speaker ("a senior official").
    pub name: String,
    /// The speaker's title or role as the article states it ("Russian Foreign Minister");
    /// `None` when it states none, and always for a body or a description.
    pub role: Option<String>,
}

/// The subject of an attribution, before resolution.
#[derive(Debug, Clone)]
pub enum Subject {
    /// A pronoun ("he", "she", "they", "who"), resolved to a name mentioned before it.
    Pronoun {
        /// The pronoun in lower case.
        word: String,
        /// Byte offset in the analysis text where the pronoun stands.
        at: usize,
    },
    /// An unnamed speaker in the text's own words ("a senior official", "many residents"),
    /// kept as it is.
    Description(String),
    /// A name: the index of its mention in [`Names::mentions`].
    Name(usize),
    /// "the minister", "the blogger": the last person named with that role, else the text's
    /// own description.
    Role {
        /// The role noun in lower case ("minister").
        noun: String,
        /// The words as written ("the minister"), the speaker when no one was named with
        /// that role.
        description: String,
        /// Byte offset in the analysis text where the description starts.
        at: usize,
    },
}

/// Every name of an article, and what is known about each.
#[derive(Debug, Default)]
pub struct Names {
    /// Every name mentioned outside quotations, in text order.
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

/// "@riverwatch": a handle, the name a user posts under.
fn is_handle(t: &Token) -> bool {
    t.leading().ends_with('@')
        && !t.word.is_empty()
        && t.word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

impl Names {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::split_sentences;

    /// The names of a text of plain sentences.
    pub(super) fn names(t: &str) -> Names {
        let s = split_sentences(t, 0, 0, t.len(), &[]);
        Names::build(t, &s, &[])
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
