//! The report's list of what editors rejected (`not-a-claim`, `not-a-source`), collapsed.

use super::{escape, Md};
use crate::report::audit::{Rejected, EXCERPT_CHARS};

/// A collapsed `<details>` section listing each rejected item with who rejected it, when and
/// why; nothing when none was rejected.
pub(super) fn section(md: &mut Md, rejected: &[Rejected]) {
    if rejected.is_empty() {
        return;
    }
    md.line("## Rejected");
    md.blank();
    md.line("<details>");
    md.line(&format!(
        "<summary>{}</summary>",
        Rejected::summary(rejected.len())
    ));
    md.blank();
    for r in rejected {
        let what = escape::text(&r.label());
        let note = r
            .review
            .note
            .as_deref()
            .map(|n| format!(": {}", escape::prose(n)))
            .unwrap_or_default();
        md.line(&format!(
            "- {what} (\u{201c}{}\u{201d}): `{}` by {}, {}{note}",
            escape::short(&r.text, EXCERPT_CHARS),
            r.review.verdict,
            escape::text(&r.review.by),
            escape::text(&r.review.date),
        ));
    }
    md.blank();
    md.line("</details>");
    md.blank();
}
