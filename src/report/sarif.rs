//! SARIF 2.1.0, for code-scanning dashboards.

use super::{Reporter, Texts};
use crate::check::{CheckResult, Rule, Severity};
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

fn location(file: &str, line: usize, column: usize, message: Option<&str>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file, "uriBaseId": "%SRCROOT%" },
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
