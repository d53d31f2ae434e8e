//! Findings for the problems met while reading files (invalid YAML, unknown fields, bad
//! values, duplicate ids, paths, missing or unextracted articles), and the problems of the
//! dossier as a whole: articles never extracted, `[[suppress]]` entries naming unknown ids.

use super::out::{At, Out};
use super::run::CheckedFile;
use super::{Config, Rule};
use crate::store::dossier::Dossier;
use crate::store::load::{self, LoadedDossier, Problem, ProblemKind};
use std::collections::BTreeSet;

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
        .help_if(p.help.map(|h| h.help()))
        .push();
    }
}

/// The articles in `articles/` that no claim file describes, each a problem of its own,
/// among those whose claim file (`claims/<name>.yaml`, where `extract` would write it)
/// `wanted` accepts. An article whose claim file exists but cannot be read is not one of
/// them: that file's own problem is reported.
pub(super) fn unextracted(
    dossier: &Dossier,
    checked: &[CheckedFile],
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<load::Problem> {
    let Ok(articles) = dossier.articles() else {
        // An articles/ folder that cannot be listed is `extract`'s to report.
        return Vec::new();
    };
    let described: BTreeSet<&str> = checked
        .iter()
        .filter_map(|c| c.article.as_deref())
        .collect();
    let files: BTreeSet<&str> = checked.iter().map(|c| c.file.as_str()).collect();
    let mut out = Vec::new();
    for a in articles {
        let record = dossier.record_path(&a);
        let claim_file = format!("claims/{}.yaml", crate::util::file_stem(&record));
        if described.contains(record.as_str())
            || files.contains(claim_file.as_str())
            || !wanted(&claim_file)
        {
            continue;
        }
        out.push(load::Problem {
            kind: load::ProblemKind::Unextracted,
            message: format!("{record} has no claim file: it has not been extracted"),
            file: record,
            pos: load::Pos {
                line: 1,
                column: 1,
                ..load::Pos::default()
            },
            source: None,
            help: None,
        });
    }
    out
}

/// `[[suppress]]` entries of `dossier.toml` naming a claim or source id the dossier does
/// not have (a typo would silently suppress nothing): an `invalid-value` problem each, with
/// the closest ids.
pub(super) fn unknown_suppressed_ids(
    dossier: &Dossier,
    config: &Config,
    claims: &BTreeSet<&str>,
    sources: &LoadedDossier,
) -> Vec<load::Problem> {
    let text = crate::util::fs::read_text_limited(
        &dossier.root.join("dossier.toml"),
        super::config::MAX_CONFIG_BYTES,
    )
    .unwrap_or_default();
    let mut out = Vec::new();
    for s in &config.suppress {
        let wrong = [
            (
                "claim",
                s.claim.as_deref(),
                claims.contains(s.claim.as_deref().unwrap_or("")),
            ),
            (
                "source",
                s.source.as_deref(),
                s.source.as_deref().is_some_and(|id| {
                    sources.sources.contains_key(id) || sources.unreadable_sources.contains(id)
                }),
            ),
        ];
        for (what, id, known) in wrong {
            let Some(id) = id.filter(|_| !known) else {
                continue;
            };
            let near = match what {
                "claim" => crate::suggest::suggest(id, claims.iter().map(|c| c.to_string())),
                _ => crate::suggest::suggest(id, sources.sources.keys().cloned()),
            };
            let hint = match near.first() {
                Some(n) => format!("; did you mean `{n}`?"),
                None => String::new(),
            };
            let quoted = format!("\"{id}\"");
            let offset = text.find(&quoted).unwrap_or(0);
            let (line, column) = crate::article::line_col(&text, offset);
            out.push(load::Problem {
                kind: load::ProblemKind::InvalidValue,
                file: "dossier.toml".into(),
                pos: load::Pos {
                    line,
                    column,
                    offset,
                    len: if offset > 0 { quoted.len() } else { 0 },
                },
                message: format!(
                    "[[suppress]] names {what} `{id}`, which this dossier does not have{hint}"
                ),
                source: None,
                help: None,
            });
        }
    }
    out
}
