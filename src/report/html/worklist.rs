//! The page's editor's worklist: one item per open finding, most severe first.

use super::escape;
use super::spans::{badge, field, render};
use super::Anchors;
use crate::report::audit::WorkItem;
use crate::report::wording as w;

/// The worklist section.
pub(super) fn worklist(h: &mut String, items: &[WorkItem], anchors: &Anchors) {
    h.push_str(&format!(
        "<section id=\"worklist\">\n<h2>{}</h2>\n",
        escape::words(w::WORKLIST)
    ));
    if items.is_empty() {
        h.push_str(&format!("<p>{}</p>\n</section>\n", w::NOTHING_TO_DO));
        return;
    }
    h.push_str(&format!(
        "<p class=\"lede\">{}</p>\n<ol class=\"worklist\">\n",
        w::worklist_lede(items.len())
    ));
    for it in items {
        let mut head = format!("{} <code>{}</code>", badge(it.severity), it.rule.code());
        for part in w::work_subject(it) {
            head.push_str(&format!(" · {}", render(&part, anchors)));
        }
        h.push_str(&format!(
            "<li class=\"sev-{}\">\n<p class=\"item-head\">{head}</p>\n<dl class=\"fields\">\n",
            it.severity.as_str()
        ));
        for f in w::work_fields(it) {
            h.push_str(&field(&f, anchors));
        }
        h.push_str("</dl>\n</li>\n");
    }
    h.push_str("</ol>\n</section>\n");
}
