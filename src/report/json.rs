//! JSON output: `{"version": 1, "findings": [...], "summary": {...}}`, described by
//! `schemas/check.schema.json`.

use super::{Reporter, Texts};
use crate::check::{CheckResult, Finding, Summary};
use schemars::JsonSchema;
use serde::Serialize;

/// Version of the JSON output format.
pub const JSON_VERSION: u32 = 1;

/// The JSON document `check --format json` prints.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub findings: &'a [Finding],
    /// Findings an editor's verdict resolved; each carries its `review`.
    pub resolved: &'a [Finding],
    pub summary: &'a Summary,
}

/// Machine-readable output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Reporter for Json {
    fn render(&self, result: &CheckResult, _texts: &Texts) -> String {
        let doc = JsonReport {
            version: JSON_VERSION,
            findings: &result.findings,
            resolved: &result.resolved,
            summary: &result.summary,
        };
        let mut s = serde_json::to_string_pretty(&doc)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
