//! The report's list of what editors rejected (`not-a-claim`, `not-a-source`), collapsed.

use super::spans::render;
use super::Md;
use crate::report::audit::Rejected;
use crate::report::wording as w;

/// A collapsed `<details>` section listing each rejected item with who rejected it, when and
/// why; nothing when none was rejected.
pub(super) fn section(md: &mut Md, rejected: &[Rejected]) {
    if rejected.is_empty() {
        return;
    }
    md.heading(2, w::REJECTED);
    md.line("<details>");
    md.para(&format!(
        "<summary>{}</summary>",
        Rejected::summary(rejected.len())
    ));
    for r in rejected {
        md.line(&format!("- {}", render(&w::rejected(r))));
    }
    md.blank();
    md.line("</details>");
    md.blank();
}
