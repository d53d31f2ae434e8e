//! The claims of an article checked against source snapshots, with their word diffs.

use super::spans::render;
use super::Md;
use crate::report::audit::ArticleAudit;
use crate::report::wording as w;

/// Claims checked against source snapshots: verdicts for quotes, suggestions otherwise.
pub(super) fn evidence(md: &mut Md, a: &ArticleAudit, demo: &std::collections::BTreeSet<&str>) {
    let checked = w::checked(a);
    if checked.is_empty() {
        return;
    }
    md.para(&format!("{}:", w::CHECKED));
    for (c, e) in checked {
        let line = w::checked_line(c, e);
        let made_up = if demo.contains(e.source.as_str()) {
            "**demonstration data**, made up; "
        } else {
            ""
        };
        md.line(&format!(
            "- {} ({made_up}{}): {}",
            render(&line.lead),
            render(&line.details),
            render(&line.words)
        ));
        if !e.diff.is_empty() {
            md.line(&format!("  - {}", render(&w::word_diff(&e.diff))));
        }
        for p in &e.passages {
            md.line(&format!("  - {}", render(&w::passage(e.status, p))));
        }
        if let Some(o) = e.original.as_ref().filter(|o| !o.found) {
            md.line(&format!("  - {}", render(&w::original_missing(o))));
        }
    }
    md.blank();
}
