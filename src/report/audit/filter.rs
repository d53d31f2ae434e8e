//! Narrowing the audit: to some articles, to some rules, to findings of a minimum severity.

use crate::check::{Finding, Rule, Severity};
use serde::Serialize;

/// What the audit covers. The default covers everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Article slugs (claim file names); empty for every article.
    pub articles: Vec<String>,
    /// Rules whose findings are kept; empty for every rule.
    pub rules: Vec<Rule>,
    /// The lowest severity of the findings kept.
    pub min_severity: Option<Severity>,
}

/// A filter value that names nothing in the dossier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// The filter names an article slug that is not the name of a claim file of the dossier.
    #[error("no article `{given}` in this dossier (articles: {})", known.join(", "))]
    UnknownArticle {
        /// The slug as the user gave it.
        given: String,
        /// The slug of every claim file of the dossier, in load order.
        known: Vec<String>,
    },
    /// A rule code the user gave is not the code of any rule.
    #[error("unknown rule `{given}` (rules: {})", known.join(", "))]
    UnknownRule {
        /// The code as the user gave it.
        given: String,
        /// Every rule's code, in [`Rule::ALL`] order.
        known: Vec<String>,
    },
}

impl crate::util::Advice for FilterError {
    /// How to fix the filter.
    fn help(&self) -> &'static str {
        match self {
            FilterError::UnknownArticle { .. } => {
                "give the name of a claim file under claims/ without `.yaml`"
            }
            FilterError::UnknownRule { .. } => "give one of the rule codes listed",
        }
    }
}

impl Filter {
    /// The rule with `code`, or an error listing every code.
    pub fn parse_rule(code: &str) -> Result<Rule, FilterError> {
        Rule::from_code(code).ok_or_else(|| FilterError::UnknownRule {
            given: code.to_string(),
            known: Rule::ALL.iter().map(|r| r.code().to_string()).collect(),
        })
    }

    /// Check that every article slug is one of `known`.
    pub fn check_articles(&self, known: &[String]) -> Result<(), FilterError> {
        match self.articles.iter().find(|a| !known.contains(a)) {
            Some(given) => Err(FilterError::UnknownArticle {
                given: given.clone(),
                known: known.to_vec(),
            }),
            None => Ok(()),
        }
    }

    /// Does the audit cover the article `slug`?
    pub fn covers_article(&self, slug: &str) -> bool {
        self.articles.is_empty() || self.articles.iter().any(|a| a == slug)
    }

    /// Does a finding pass the rule and severity filters?
    pub fn keeps(&self, f: &Finding) -> bool {
        (self.rules.is_empty() || self.rules.contains(&f.rule))
            && self.min_severity.is_none_or(|min| f.severity >= min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_list_the_valid_values() {
        let e = Filter::parse_rule("nope").unwrap_err();
        assert!(e.to_string().contains("uncited-claim"), "{e}");
        let f = Filter {
            articles: vec!["b".into()],
            ..Filter::default()
        };
        let e = f.check_articles(&["a".into(), "c".into()]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no article `b` in this dossier (articles: a, c)"
        );
    }
}
