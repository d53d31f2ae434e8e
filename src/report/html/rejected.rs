//! The report's list of what editors rejected (`not-a-claim`, `not-a-source`), collapsed.

use super::spans::render;
use super::Anchors;
use crate::report::audit::Rejected;
use crate::report::wording as w;

/// A collapsed `<details>` section listing each rejected item with who rejected it, when and
/// why; nothing when none was rejected.
pub(super) fn section(h: &mut String, rejected: &[Rejected], anchors: &Anchors) {
    if rejected.is_empty() {
        return;
    }
    h.push_str(&format!(
        "<section id=\"rejected\">\n<h2>{}</h2>\n<details>\n",
        w::REJECTED
    ));
    h.push_str(&format!(
        "<summary>{}</summary>\n<ul>\n",
        Rejected::summary(rejected.len())
    ));
    for r in rejected {
        h.push_str(&format!("<li>{}</li>\n", render(&w::rejected(r), anchors)));
    }
    h.push_str("</ul>\n</details>\n</section>\n");
}
