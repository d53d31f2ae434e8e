//! Findings of the evidence pass: quotes checked against their sources' snapshots.

use super::out::{key_pos, At, Out};
use super::{Related, Rule};
use crate::evidence::verify::{self, Evidence};
use crate::store::load::LoadedClaims;
use crate::util::excerpt;

/// Findings of the evidence pass over one claim file: altered and missing quotes.
pub(super) fn evidence_findings(
    out: &mut Out,
    c: &LoadedClaims,
    article: Option<&str>,
    evidence: &[Evidence],
) {
    // The first claim of each id (an id used twice is a `duplicate-id` problem).
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, x) in c.data.claims.iter().enumerate() {
        index.entry(x.id.as_str()).or_insert(k);
    }
    for e in evidence {
        let rule = match e.status {
            verify::Status::Altered => Rule::QuoteAltered,
            verify::Status::NotFound => Rule::QuoteNotFound,
            verify::Status::Translated => Rule::QuoteTranslated,
            _ => continue,
        };
        let Some(&k) = index.get(e.claim.as_str()) else {
            continue;
        };
        let claim = &c.data.claims[k];
        let related = article.map(|text| Related {
            file: c.data.article.path.clone(),
            line: claim.line,
            column: claim.column,
            message: "in the article".into(),
            span: if claim.end <= text.len() && claim.start <= claim.end {
                (claim.start, claim.end)
            } else {
                (0, 0)
            },
        });
        let passage = e.passages.first();
        let (message, help) = match rule {
            Rule::QuoteTranslated => crate::evidence::verify::translated_finding(e, rule.help()),
            Rule::QuoteAltered => (
                format!(
                    "quote {} differs from source {} ({:.0}% of its words match the passage at {} line {})",
                    claim.id,
                    e.source,
                    e.similarity.unwrap_or(0.0) * 100.0,
                    e.snapshot,
                    passage.map_or(0, |p| p.line),
                ),
                format!(
                    "word diff, source → quote: {}; {}",
                    crate::evidence::diff::plain_compact(&e.diff, 6),
                    rule.help()
                ),
            ),
            _ => (
                format!(
                    "quote {} is not in the snapshot {} of source {}: \"{}\"",
                    claim.id,
                    e.snapshot,
                    e.source,
                    excerpt(&claim.text, 60)
                ),
                match passage {
                    Some(p) => format!(
                        "the closest passage (line {}, {:.0}% of the words) reads \"{}\"; {}",
                        p.line,
                        p.score.unwrap_or(0.0) * 100.0,
                        excerpt(&p.text, 120),
                        rule.help()
                    ),
                    None => rule.help().to_string(),
                },
            ),
        };
        let before = out.findings.len();
        out.add(
            rule,
            At {
                file: &c.file,
                pos: key_pos(c.claim_keys.get(k), &["text"]),
            },
            message,
        )
        .claim(Some(&claim.id))
        .source(Some(&e.source))
        .help(help)
        .related(related)
        .push();
        if let Some(f) = out.findings.get_mut(before) {
            f.evidence = Some(Box::new(e.clone()));
        }
    }
}
