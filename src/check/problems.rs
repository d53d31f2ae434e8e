//! Findings for the problems met while reading files (invalid YAML, unknown fields, bad
//! values, duplicate ids, paths, missing or unextracted articles).

use super::out::{At, Out};
use super::Rule;
use crate::store::load::{Problem, ProblemKind};

/// Findings for problems met while reading files.
pub(super) fn problem_findings(out: &mut Out, problems: &[Problem]) {
    for p in problems {
        let rule = match p.kind {
            ProblemKind::InvalidYaml => Rule::InvalidYaml,
            ProblemKind::UnknownField => Rule::UnknownField,
            ProblemKind::InvalidValue => Rule::InvalidValue,
            ProblemKind::DuplicateId => Rule::DuplicateId,
            ProblemKind::InvalidPath => Rule::InvalidPath,
            ProblemKind::MissingArticle => Rule::MissingArticle,
            ProblemKind::Unextracted => Rule::UnextractedArticle,
        };
        out.add(
            rule,
            At {
                file: &p.file,
                pos: p.pos,
            },
            p.message.clone(),
        )
        .source(p.source.as_deref())
        .help_if(p.help.map(|h| h.help().to_string()))
        .push();
    }
}
