//! The page's fragment ids: where each article, claim and source is, and links to them.

use super::escape;
use crate::report::audit::Audit;
use std::collections::HashMap;

/// Fragment ids of articles, claims and sources, by position: safe whatever the ids hold.
pub(super) struct Anchors<'a> {
    article: HashMap<&'a str, String>,
    claim: HashMap<(&'a str, &'a str), String>,
    source: HashMap<&'a str, String>,
}

impl<'a> Anchors<'a> {
    /// The ids of every article, claim and source of `audit`.
    pub(super) fn of(audit: &'a Audit) -> Anchors<'a> {
        let mut a = Anchors {
            article: HashMap::new(),
            claim: HashMap::new(),
            source: HashMap::new(),
        };
        for (i, art) in audit.articles.iter().enumerate() {
            let id = escape::anchor("article", i + 1);
            for (j, c) in art.claims.iter().enumerate() {
                a.claim
                    .entry((art.slug.as_str(), c.id.as_str()))
                    .or_insert_with(|| format!("{id}-claim-{}", j + 1));
            }
            a.article.entry(art.slug.as_str()).or_insert(id);
        }
        for (i, s) in audit.sources.iter().enumerate() {
            a.source
                .entry(s.id.as_str())
                .or_insert_with(|| escape::anchor("source", i + 1));
        }
        a
    }

    /// A source id, linked to its card when the page has one.
    pub(super) fn source_link(&self, id: &str) -> String {
        match self.source.get(id) {
            Some(anchor) => format!("<a href=\"#{anchor}\">{}</a>", escape::text(id)),
            None => escape::text(id),
        }
    }

    /// A claim id, linked to its row when the page has one.
    pub(super) fn claim_link(&self, article: &str, claim: &str) -> String {
        match self.claim.get(&(article, claim)) {
            Some(anchor) => format!("<a href=\"#{anchor}\">{}</a>", escape::text(claim)),
            None => escape::text(claim),
        }
    }

    /// An article slug, linked to its card when the page has one.
    pub(super) fn article_link(&self, slug: &str) -> String {
        match self.article.get(slug) {
            Some(anchor) => format!("<a href=\"#{anchor}\">{}</a>", escape::text(slug)),
            None => escape::text(slug),
        }
    }
}
