//! The finding builder every rule family uses: [`Out`] gathers a claim file's or the
//! dossier's findings, [`Out::add`] starts one at a place ([`At`]) and [`Draft::push`] makes it
//! with the severity the configuration gives its rule.

use super::{Config, Finding, Related, Rule, Severity};
use crate::store::load::{Keys, Pos};
use std::borrow::Cow;

/// The findings of one claim file's check, or of the dossier-wide rules, as they are made.
pub(super) struct Out<'a> {
    pub(super) config: &'a Config,
    pub(super) findings: Vec<Finding>,
}

/// Where a finding points: a file of the dossier and a position in it.
pub(super) struct At<'a> {
    pub(super) file: &'a str,
    pub(super) pos: Pos,
}

impl<'c> Out<'c> {
    /// A finding of `rule` at `at`, made when [`Draft::push`] is called: say what else it
    /// concerns first (its claim, source entry, help, related place).
    pub(super) fn add(&mut self, rule: Rule, at: At, message: String) -> Draft<'_, 'c> {
        Draft {
            out: self,
            finding: Finding {
                rule,
                severity: Severity::Note,
                message,
                file: at.file.to_string(),
                line: at.pos.line.max(1),
                column: at.pos.column.max(1),
                claim: None,
                source: None,
                help: Cow::Borrowed(rule.help()),
                related: None,
                review: None,
                suppressed: None,
                evidence: None,
                span: (at.pos.offset, at.pos.offset + at.pos.len),
            },
        }
    }
}

/// A finding being made ([`Out::add`]).
#[must_use = "a finding is only made by `push`"]
pub(super) struct Draft<'o, 'c> {
    pub(super) out: &'o mut Out<'c>,
    pub(super) finding: Finding,
}

impl Draft<'_, '_> {
    /// The claim it concerns, if any.
    pub(super) fn claim(mut self, id: Option<&str>) -> Self {
        self.finding.claim = id.map(str::to_string);
        self
    }

    /// The source entry it concerns, if any.
    pub(super) fn source(mut self, id: Option<&str>) -> Self {
        self.finding.source = id.map(str::to_string);
        self
    }

    /// How to put it right, instead of its rule's general help.
    pub(super) fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.finding.help = help.into();
        self
    }

    /// [`Draft::help`] when there is one.
    pub(super) fn help_if(self, help: Option<impl Into<Cow<'static, str>>>) -> Self {
        match help {
            Some(h) => self.help(h),
            None => self,
        }
    }

    /// The second place it concerns (the sentence in the article), if any.
    pub(super) fn related(mut self, related: Option<Related>) -> Self {
        self.finding.related = related.map(Box::new);
        self
    }

    /// Make the finding, with the severity the configuration gives its rule (none when the
    /// rule is turned off).
    pub(super) fn push(mut self) {
        if let Some(severity) = self.out.config.severity(self.finding.rule) {
            self.finding.severity = severity;
            self.out.findings.push(self.finding);
        }
    }
}

pub(super) fn key_pos(keys: Option<&Keys>, names: &[&str]) -> Pos {
    keys.and_then(|k| names.iter().find_map(|n| k.get(*n)))
        .copied()
        .unwrap_or(Pos {
            line: 1,
            column: 1,
            offset: 0,
            len: 0,
        })
}
