//! Sources named in the prose of one sentence: each family of patterns ("told X of Y",
//! "according to X", "X reported", "on Twitter", "a UN report", "data from X", a named survey,
//! "Twitter user X", "Roe and Doe (2021)", "available on X") in turn.

use super::super::lexicon;
use super::super::names::Names;
use super::super::outlets;
use super::super::references::Fields;
use super::super::text::Sentence;
use super::naming::{
    fuller_org, is_plausible_outlet, modifies_next_word, names_an_organisation, possessor,
    split_outlets, tidy, unknown_masthead,
};
use super::patterns::{families, res, Family, WORK_WORDS};
use super::verbs::{may_have_communication_verb, near_communication_verb};
use super::{Cue, Inline};
use crate::article::Article;

/// What every sentence of an article is searched with.
pub(super) struct Context<'a> {
    pub(super) article: &'a Article,
    pub(super) names: &'a Names,
    /// The quotations, in normalised coordinates: nothing named inside one is a source.
    pub(super) quotes: &'a [(usize, usize)],
}

/// The sources sentence `si` names in its prose, given those found in earlier sentences.
pub(super) fn named_in(
    cx: &Context<'_>,
    earlier: &[Inline],
    s: &Sentence,
    si: usize,
) -> Vec<Inline> {
    let sent = &cx.article.text()[s.start..s.end];
    // One pass of cheap substring tests spares the regular expressions most sentences.
    let present = families(sent);
    let has = |family: Family| present & family as u16 != 0;
    let mut scan = Scan {
        cx,
        earlier,
        s,
        si,
        sent,
        out: Vec::new(),
    };
    if has(Family::PersonOf) {
        scan.person_of();
    }
    if has(Family::Before) {
        scan.before();
    }
    if has(Family::After) {
        scan.after();
    }
    if may_have_communication_verb(sent) {
        scan.venues();
    }
    if has(Family::ReportNoun) {
        scan.report_nouns();
    }
    if has(Family::FromBy) {
        scan.data_from();
    }
    if has(Family::Work) {
        scan.named_works();
    }
    if has(Family::User) {
        scan.platform_users();
    }
    if has(Family::Paren) {
        scan.author_years();
    }
    if has(Family::Available) {
        scan.available();
    }
    scan.out
}

/// One sentence being searched, and the sources found in it so far (offsets within the
/// sentence until they are added).
struct Scan<'a> {
    cx: &'a Context<'a>,
    /// The sources found in earlier sentences.
    earlier: &'a [Inline],
    s: &'a Sentence,
    si: usize,
    /// The sentence's text.
    sent: &'a str,
    out: Vec<Inline>,
}

impl Scan<'_> {
    /// Is the span `a..b` (in the article) outside every quotation?
    fn outside(&self, a: usize, b: usize) -> bool {
        !super::super::text::overlaps(self.cx.quotes, a, b)
    }

    /// Add the outlet named at `start..end` of the sentence, unless a quotation holds it or it
    /// is already found there.
    fn add(&mut self, start: usize, end: usize, outlet: &str, cue: Cue) {
        let (a, b) = (self.s.start + start, self.s.start + end);
        if !self.outside(a, b)
            || self
                .out
                .iter()
                .any(|x| x.start == a && x.fields.outlet.as_deref() == Some(outlet))
        {
            return;
        }
        self.out.push(Inline {
            start: a,
            end: b,
            orig: None,
            cue,
            fields: Fields {
                outlet: Some(outlet.to_string()),
                ..Fields::default()
            },
            sentence: self.si,
        });
    }

    /// "Speaking to Martin Smith of PBS": the outlet the person is of is the venue.
    fn person_of(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().person_of.captures_iter(sent) {
            let o = tidy(&c["o"]);
            if outlets::is_outlet(o) || !names.knows_person(o) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let end = whole.start
                    + c.get(0)
                        .map_or(0, |m| m.as_str().find(o).unwrap_or(0) + o.len());
                self.add(whole.start, end, o, Cue::Venue);
            }
        }
    }

    /// "according to X", "reported by X", "writing for X", "told X": a report, or a venue
    /// when the cue is one of saying or publishing.
    fn before(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().before.captures_iter(sent) {
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
                self.add(start, end, name, kind);
            }
            if cue.contains("by") {
                self.and_by(end);
            }
        }
    }

    /// "reported by The Guardian … and by Associated Press": the further outlets after `end`.
    fn and_by(&mut self, end: usize) {
        let (sent, names) = (self.sent, self.cx.names);
        for c2 in res().and_by.captures_iter(&sent[end..]) {
            let o2 = tidy(&c2["o"]);
            if is_plausible_outlet(names, o2) {
                let s2 = end + c2.name("cue").map_or(0, |m| m.start());
                let e2 = end + c2.name("o").map_or(0, |m| m.start()) + o2.len();
                self.add(s2, e2, o2, Cue::Report);
            }
        }
    }

    /// "TVN24 reported", "broadcaster PBS revealed", "The Harbour Times quoted her".
    fn after(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().after.captures_iter(sent) {
            let o_full = &c["o"];
            // The outlet is the capitalised run right before the verb ("broadcaster PBS").
            let o = tidy(o_full);
            if !is_plausible_outlet(names, o) {
                continue;
            }
            let start = c.name("o").map_or(0, |m| m.start()) + o_full.find(o).unwrap_or(0);
            let end = c.get(0).map_or(0, |m| m.end());
            // "Ada Quill reports": a reporter is not an outlet.
            if !unknown_masthead(names, o) && !names_an_organisation(names, self.s.start + start, o)
            {
                continue;
            }
            // "The Harbour Times quoted her as saying": where her words were published.
            let cue = c.name("cue").map_or("", |m| m.as_str());
            let kind = if cue.ends_with("quoted") {
                Cue::Venue
            } else {
                Cue::Report
            };
            self.add(start, end, o, kind);
        }
    }

    /// "wrote on Twitter", "in the Valley Gazette", "via Twitter": an outlet next to a verb of
    /// saying or publishing is the venue.
    fn venues(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().venue.captures_iter(sent) {
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
            let (a, b) = (self.s.start + start, self.s.start + end);
            if self.out.iter().any(|x| x.start <= a && b <= x.end) {
                continue;
            }
            self.add(start, end, o, Cue::Venue);
        }
    }

    /// "A UN report", "the Dallas Fed survey": the body whose report it is.
    fn report_nouns(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().report_noun.captures_iter(sent) {
            let o = &c["o"];
            if names.knows_person(o) || lexicon::contains(&lexicon::NOT_NAMES, &o.to_lowercase()) {
                continue;
            }
            let at = self.s.start + c.name("o").map_or(0, |m| m.start());
            if o.contains(' ') && !names_an_organisation(names, at, o) {
                continue;
            }
            let expanded = outlets::expand_acronym(o)
                .map(str::to_string)
                .or_else(|| fuller_org(names, o))
                .unwrap_or_else(|| o.to_string());
            let whole = c.get(0).map_or(0..0, |m| m.range());
            self.add(whole.start, whole.end, &expanded, Cue::Report);
        }
    }

    /// "Data from the Federal Reserve Bank of Atlanta", "a study by the Lantern Trust".
    fn data_from(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().data_from.captures_iter(sent) {
            let o = possessor(tidy(&c["o"]));
            let at = self.s.start + c.name("o").map_or(0, |m| m.start());
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
            self.add(start, end, o, Cue::Report);
        }
    }

    /// "the Lantern Bank's Survey of Household Budgets", "the Household Pulse Survey": a
    /// named work, with its publisher when the text gives one.
    fn named_works(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().named_work.captures_iter(sent) {
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
            let (a, b) = (self.s.start + whole.start, self.s.start + end);
            if !self.outside(a, b) || self.out.iter().any(|x| x.start <= a && b <= x.end) {
                continue;
            }
            // A linked title is the link's citation; a shorter form of a title already found
            // ("the Financial Accounts" after "the Financial Accounts of the United States")
            // is the same work.
            if self
                .cx
                .article
                .layout
                .links
                .iter()
                .any(|l| l.start < b && a < l.end)
                || self
                    .earlier
                    .iter()
                    .chain(self.out.iter())
                    .any(|x| x.fields.title.as_deref().is_some_and(|y| y.starts_with(t)))
            {
                continue;
            }
            // A report already found at this place ("the Atlanta Fed survey") gains its title.
            self.out.retain(|x| !(x.start >= a && x.end <= b));
            self.out.push(Inline {
                start: a,
                end: b,
                orig: None,
                cue: Cue::Report,
                fields: Fields {
                    outlet,
                    title: Some(t.to_string()),
                    ..Fields::default()
                },
                sentence: self.si,
            });
        }
    }

    /// "Twitter user Ada Quill", "the Facebook page of …": the platform is the venue.
    fn platform_users(&mut self) {
        let sent = self.sent;
        for c in res().platform_user.captures_iter(sent) {
            let o = &c["o"];
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let (a, b) = (self.s.start + whole.start, self.s.start + whole.end);
            if outlets::is_outlet(o) && !self.out.iter().any(|x| x.start < b && a < x.end) {
                self.add(whole.start, whole.end, o, Cue::Venue);
            }
        }
    }

    /// Author-year citations in the running text: "Roe and Doe (2021) find".
    fn author_years(&mut self) {
        let sent = self.sent;
        for c in res().author_year.captures_iter(sent) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let (a, b) = (self.s.start + whole.start, self.s.start + whole.end);
            if !self.outside(a, b) {
                continue;
            }
            let who = &c["who"];
            if outlets::is_outlet(who)
                || lexicon::contains(&lexicon::NOT_NAMES, &who.to_lowercase())
            {
                continue;
            }
            self.out.push(Inline {
                start: a,
                end: b,
                orig: None,
                cue: Cue::Report,
                fields: Fields {
                    author: Some(who.to_string()),
                    year: c["y"].parse().ok(),
                    ..Fields::default()
                },
                sentence: self.si,
            });
        }
    }

    /// "available on the Open Data Portal": where the data are published.
    fn available(&mut self) {
        let (sent, names) = (self.sent, self.cx.names);
        for c in res().available.captures_iter(sent) {
            let o = c["o"].trim_end_matches([',', '.']);
            let o = o.strip_prefix("the ").unwrap_or(o);
            // "available on the Board's website": a possessive fragment names no source.
            if o.contains("'s") || o.contains('\u{2019}') || !is_plausible_outlet(names, o) {
                continue;
            }
            let start = c.name("o").map_or(0, |m| m.start());
            self.add(
                start,
                start + c["o"].trim_end_matches([',', '.']).len(),
                o,
                Cue::Report,
            );
        }
    }
}
