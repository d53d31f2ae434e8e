//! SARIF 2.1.0, for code-scanning dashboards.

use super::{Reporter, Texts};
use crate::check::{CheckResult, Rule, Severity};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

/// SARIF log.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sarif;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Bytes a relative URI reference may hold as they are in a path: RFC 3986's unreserved
/// characters and the `/` between segments. Everything else (a space, `#`, `?`, `%`, any
/// non-ASCII letter) is percent-encoded.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A dossier-relative file name as the relative URI SARIF requires (`claims/my file #1.yaml`
/// → `claims/my%20file%20%231.yaml`).
fn uri(file: &str) -> String {
    utf8_percent_encode(file, PATH).to_string()
}

fn location(file: &str, line: usize, column: usize, message: Option<&str>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(file), "uriBaseId": "%SRCROOT%" },
            "region": { "startLine": line, "startColumn": column }
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    loc
}

impl Reporter for Sarif {
    fn render(&self, result: &CheckResult, _texts: &Texts) -> String {
        let rules: Vec<Value> = Rule::ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.code(),
                    "shortDescription": { "text": r.summary() },
                    "help": { "text": r.help() },
                    "defaultConfiguration": { "level": level(r.default_severity()) }
                })
            })
            .collect();
        let results: Vec<Value> = result
            .findings
            .iter()
            .map(|f| {
                let mut r = json!({
                    "ruleId": f.rule.code(),
                    "ruleIndex": Rule::ALL.iter().position(|x| *x == f.rule).unwrap_or(0),
                    "level": level(f.severity),
                    "message": { "text": format!("{} ({})", f.message, f.help) },
                    "locations": [location(&f.file, f.line, f.column, None)],
                });
                if let Some(rel) = &f.related {
                    r["relatedLocations"] = json!([location(
                        &rel.file,
                        rel.line,
                        rel.column,
                        Some(&rel.message)
                    )]);
                }
                let mut props = serde_json::Map::new();
                if let Some(c) = &f.claim {
                    props.insert("claim".into(), json!(c));
                }
                if let Some(s) = &f.source {
                    props.insert("source".into(), json!(s));
                }
                if let Some(e) = &f.evidence {
                    // The passage, score and word diff of a quote finding.
                    props.insert("evidence".into(), json!(e));
                }
                if !props.is_empty() {
                    r["properties"] = Value::Object(props);
                }
                r
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "dossier",
                    "informationUri": "https://crates.io/crates/dossier",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules
                }},
                "results": results
            }]
        });
        let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_relative_uris() {
        assert_eq!(
            uri("claims/my file #1 %41?.yaml"),
            "claims/my%20file%20%231%20%2541%3F.yaml"
        );
        assert_eq!(uri("articles/café.md"), "articles/caf%C3%A9.md");
        assert_eq!(uri("sources/a-b_c.d~e.yaml"), "sources/a-b_c.d~e.yaml");
    }
}
