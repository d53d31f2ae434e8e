//! The report's list of what editors rejected (`not-a-claim`, `not-a-source`), collapsed.

use super::escape;
use crate::report::audit::{Rejected, EXCERPT_CHARS};

/// A collapsed `<details>` section listing each rejected item with who rejected it, when and
/// why; nothing when none was rejected.
pub(super) fn section(h: &mut String, rejected: &[Rejected]) {
    if rejected.is_empty() {
        return;
    }
    h.push_str("<section id=\"rejected\">\n<h2>Rejected</h2>\n<details>\n");
    h.push_str(&format!(
        "<summary>{}</summary>\n<ul>\n",
        Rejected::summary(rejected.len())
    ));
    for r in rejected {
        let what = escape::text(&r.label());
        let note = r
            .review
            .note
            .as_deref()
            .map(|n| format!(": {}", escape::text(n)))
            .unwrap_or_default();
        h.push_str(&format!(
            "<li>{what} (\u{201c}{}\u{201d}): <code>{}</code> by {}, {}{note}</li>\n",
            escape::short(&r.text, EXCERPT_CHARS),
            r.review.verdict,
            escape::text(&r.review.by),
            escape::text(&r.review.date),
        ));
    }
    h.push_str("</ul>\n</details>\n</section>\n");
}
