//! Reading ClaimReview JSON-LD: one object, an array of them, or JSON Lines (one value per
//! line; any run of whitespace-separated values is read the same way); an object with an
//! `@graph` is read for the ClaimReview nodes in it, and `@type` may be an array.

use super::FactCheck;
use serde_json::Value;

/// The most items one import reads (a feed of every fact-check ever published is smaller).
pub const MAX_ITEMS: usize = 1_000_000;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    /// The text is not valid JSON (nor a run of JSON values).
    #[error("{file}:{line}:{column}: not valid JSON: {message}")]
    Json {
        /// The file, as the editor named it.
        file: String,
        /// 1-based line where the JSON parser stopped.
        line: usize,
        /// 1-based column where the JSON parser stopped.
        column: usize,
        /// The JSON parser's message, without its position.
        message: String,
    },
    /// A JSON value is not a ClaimReview object with a non-empty `claimReviewed`.
    #[error("{file}:{line}:{column}: {message}")]
    Item {
        /// The file, as the editor named it.
        file: String,
        /// 1-based line where the top-level value holding the item begins.
        line: usize,
        /// 1-based column, in characters, where that value begins.
        column: usize,
        /// What is wrong and with which item ("item 2 of the array is not a JSON object").
        message: String,
    },
    /// The file holds no ClaimReview at all (it is blank, or holds only empty arrays).
    #[error("{file}: no ClaimReview in the file")]
    Empty {
        /// The file, as the editor named it.
        file: String,
    },
    /// The file holds more than [`MAX_ITEMS`] fact-checks.
    #[error("{file}: more than {MAX_ITEMS} items")]
    TooMany {
        /// The file, as the editor named it.
        file: String,
    },
}

impl crate::util::Advice for ImportError {
    /// How to fix it.
    fn help(&self) -> &'static str {
        match self {
            ImportError::Json { .. } => "fix the JSON at the position shown; give one object, an array of objects, or one object per line (JSON Lines)",
            ImportError::Item { .. } => "give schema.org ClaimReview objects (`\"@type\": \"ClaimReview\"`) with a non-empty `claimReviewed`",
            ImportError::Empty { .. } => "give schema.org ClaimReview objects as JSON-LD: one object, an array, or JSON Lines",
            ImportError::TooMany { .. } => "split the file and import the parts one after the other",
        }
    }
}

/// The fact-checks of a ClaimReview JSON-LD text; `file` names it in errors.
pub fn parse_claim_reviews(file: &str, text: &str) -> Result<Vec<FactCheck>, ImportError> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut at = 0;
    loop {
        // Where the next value begins (after the white space the stream skips).
        let start = at + text[at..].len() - text[at..].trim_start().len();
        let Some(next) = stream.next() else { break };
        let value = next.map_err(|e| ImportError::Json {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        })?;
        at = stream.byte_offset();
        // The position is wanted only for an error: counting lines from the top for every
        // value would make a long JSON Lines file quadratic to read.
        let item_err = |message: String| {
            let (line, column) = crate::article::line_col(text, start);
            ImportError::Item {
                file: file.to_string(),
                line,
                column,
                message,
            }
        };
        let items: Vec<&Value> = match &value {
            Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        for (k, item) in items.into_iter().enumerate() {
            let place = if matches!(value, Value::Array(_)) {
                format!("item {} of the array", k + 1)
            } else {
                "this value".to_string()
            };
            collect(item, &place, &mut out).map_err(item_err)?;
            if out.len() > MAX_ITEMS {
                return Err(ImportError::TooMany {
                    file: file.to_string(),
                });
            }
        }
    }
    if out.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    Ok(out)
}

/// Add the fact-check `v` is (or, for an `@graph` wrapper, the ClaimReview nodes in it).
fn collect(v: &Value, place: &str, out: &mut Vec<FactCheck>) -> Result<(), String> {
    let Some(obj) = v.as_object() else {
        return Err(format!("{place} is not a JSON object"));
    };
    if let Some(graph) = obj.get("@graph") {
        let nodes: Vec<&Value> = match graph {
            Value::Array(a) => a.iter().collect(),
            g => vec![g],
        };
        let before = out.len();
        for n in nodes.into_iter().filter(|n| is_claim_review(n)) {
            out.push(fact_check(
                n,
                &format!("a ClaimReview in the @graph of {place}"),
            )?);
        }
        if out.len() == before && !is_claim_review(v) {
            return Err(format!("the @graph of {place} holds no ClaimReview"));
        }
        if !is_claim_review(v) {
            return Ok(());
        }
    }
    if !is_claim_review(v) {
        let ty = match obj.get("@type") {
            Some(t) => format!("its @type is {t}"),
            None => "it has no @type".to_string(),
        };
        return Err(format!("{place} is not a ClaimReview: {ty}"));
    }
    out.push(fact_check(v, place)?);
    Ok(())
}

/// Is `v` an object whose `@type` (a string or an array) names ClaimReview?
fn is_claim_review(v: &Value) -> bool {
    let named = |t: &Value| {
        t.as_str().is_some_and(|s| {
            let s = s.trim();
            s == "ClaimReview" || s.ends_with("/ClaimReview") || s.ends_with(":ClaimReview")
        })
    };
    match v.get("@type") {
        Some(Value::Array(a)) => a.iter().any(named),
        Some(t) => named(t),
        None => false,
    }
}

fn fact_check(v: &Value, place: &str) -> Result<FactCheck, String> {
    let claim_reviewed = v
        .get("claimReviewed")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            format!("{place} is a ClaimReview without `claimReviewed` (the words it reviewed)")
        })?;
    Ok(FactCheck {
        url: text(v.get("url")),
        claim_reviewed: claim_reviewed.to_string(),
        rating: v
            .get("reviewRating")
            .and_then(|r| text(r.get("alternateName"))),
        fact_checker: name(v.get("author")),
        date: text(v.get("datePublished")),
        claimant: v.get("itemReviewed").and_then(|i| name(i.get("author"))),
        decisions: Vec::new(),
    })
}

/// A non-empty string, trimmed.
fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The name of a Person or Organization given as an object, a plain string, or an array
/// of them (the first that has one).
fn name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(a) => a.iter().find_map(|x| name(Some(x))),
        Value::String(_) => text(v),
        o => text(o.get("name")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"@context": "https://schema.org", "@type": "ClaimReview",
        "url": "https://checks.example/ports", "claimReviewed": "The strike delayed forty ships.",
        "author": {"@type": "Organization", "name": "Checks Weekly"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jo Port"}},
        "datePublished": "2025-03-02"}"#;

    #[test]
    fn reads_one_object_with_its_fields() {
        let f = parse_claim_reviews("f.json", ONE).unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].claim_reviewed, "The strike delayed forty ships.");
        assert_eq!(f[0].rating.as_deref(), Some("False"));
        assert_eq!(f[0].fact_checker.as_deref(), Some("Checks Weekly"));
        assert_eq!(f[0].claimant.as_deref(), Some("Jo Port"));
        assert_eq!(f[0].date.as_deref(), Some("2025-03-02"));
    }

    #[test]
    fn reads_arrays_json_lines_graphs_and_type_arrays() {
        let line = ONE.replace('\n', " ");
        assert_eq!(
            parse_claim_reviews("f", &format!("[{ONE}, {ONE}]"))
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            parse_claim_reviews("f", &format!("{line}\n{line}\n"))
                .unwrap()
                .len(),
            2
        );
        let graph = format!(r#"{{"@graph": [{{"@type": "WebPage"}}, {ONE}]}}"#);
        assert_eq!(parse_claim_reviews("f", &graph).unwrap().len(), 1);
        let typed = ONE.replace(r#""ClaimReview""#, r#"["Thing", "schema:ClaimReview"]"#);
        assert_eq!(parse_claim_reviews("f", &typed).unwrap().len(), 1);
    }

    #[test]
    fn bad_json_gives_its_line_and_column() {
        let e = parse_claim_reviews(
            "f.jsonl",
            "{\"@type\": \"ClaimReview\", \"claimReviewed\": \"x\"}\n{\"a\": }\n",
        );
        match e {
            Err(ImportError::Json { line, column, .. }) => assert_eq!((line, column), (2, 7)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_other_types_and_missing_claim_reviewed() {
        let e = parse_claim_reviews("f", "\n  {\"@type\": \"NewsArticle\"}").unwrap_err();
        assert!(e.to_string().starts_with("f:2:3: "), "{e}");
        assert!(e.to_string().contains("not a ClaimReview"), "{e}");
        let e = parse_claim_reviews("f", r#"[{"@type": "ClaimReview", "url": "x"}]"#).unwrap_err();
        assert!(
            e.to_string()
                .contains("item 1 of the array is a ClaimReview without `claimReviewed`"),
            "{e}"
        );
        // In JSON Lines, the item that is wrong, not the first one.
        let good = ONE.replace('\n', " ");
        let e = parse_claim_reviews("f", &format!("{good}\n{good}\n   [1]\n")).unwrap_err();
        assert!(e.to_string().starts_with("f:3:4: "), "{e}");
        assert!(matches!(
            parse_claim_reviews("f", "  \n"),
            Err(ImportError::Empty { .. })
        ));
    }
}
