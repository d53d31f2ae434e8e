//! The claims of an article checked against source snapshots, with their word diffs.

use super::escape;
use super::Md;
use crate::report::audit::{passage_caption, ArticleAudit, ClaimAudit, Evidence, EXCERPT_CHARS};

/// Claims checked against source snapshots: verdicts for quotes, suggestions otherwise.
pub(super) fn evidence(md: &mut Md, a: &ArticleAudit, demo: &std::collections::BTreeSet<&str>) {
    let checked: Vec<(&ClaimAudit, &Evidence)> = a
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter().map(move |e| (c, e)))
        .collect();
    if checked.is_empty() {
        return;
    }
    md.line("Checked against source snapshots:");
    md.blank();
    for (c, e) in checked {
        let mut line = format!(
            "- {} · **{}** in {} ({}{}",
            escape::text(&c.id),
            e.status.label(),
            escape::text(&e.source),
            if demo.contains(e.source.as_str()) {
                "**demonstration data**, made up; "
            } else {
                ""
            },
            escape::text(&e.snapshot),
        );
        if let Some(s) = e.similarity {
            line.push_str(&format!(", {:.0}% of the words", s * 100.0));
        }
        if let Some(l) = &e.languages {
            line.push_str(&format!(
                ", a quote in {} of a source in {}",
                escape::text(crate::evidence::language::name_of(&l.quote)),
                escape::text(crate::evidence::language::name_of(&l.source))
            ));
        }
        line.push_str("): “");
        line.push_str(&escape::short(&c.text, EXCERPT_CHARS));
        line.push('”');
        md.line(&line);
        if !e.diff.is_empty() {
            md.line(&format!(
                "  - word diff (~~source~~ **quote**): {}",
                diff_md(&e.diff)
            ));
        }
        for p in &e.passages {
            md.line(&format!(
                "  - {}: “{}”",
                passage_caption(e.status, p),
                escape::text(&p.text)
            ));
        }
        if let Some(o) = e.original.as_ref().filter(|o| !o.found) {
            md.line(&format!(
                "  - the original the review records is **not in the snapshot**: “{}”",
                escape::text(&o.text)
            ));
        }
    }
    md.blank();
}

fn diff_md(parts: &[crate::evidence::DiffPart]) -> String {
    use crate::evidence::DiffKind;
    parts
        .iter()
        .map(|p| match p.kind {
            DiffKind::Same | DiffKind::Inserted => escape::text(&p.text),
            DiffKind::Source => format!("~~{}~~", escape::text(&p.text)),
            DiffKind::Quote => format!("**{}**", escape::text(&p.text)),
            DiffKind::Omitted => "\\[…\\]".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
