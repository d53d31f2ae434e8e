//! JSON output: `{"version": 1, "findings": [...], "summary": {...}}`, described by
//! `schemas/check.schema.json`.

use super::{Reporter, Texts};
use crate::check::{CheckResult, Finding, Summary};
use crate::evidence::verify::Evidence;
use schemars::JsonSchema;
use serde::Serialize;
use std::io::Write;

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
    /// Claims checked against source snapshots, verified ones included (absent when no
    /// claim's source has a snapshot).
    #[serde(default, skip_serializing_if = "<[Evidence]>::is_empty")]
    pub evidence: &'a [Evidence],
}

/// Machine-readable output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Reporter for Json {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String {
        let mut out = Vec::new();
        match self.write(result, texts, &mut out) {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }

    fn write(
        &self,
        result: &CheckResult,
        _texts: &Texts,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let doc = JsonReport {
            version: JSON_VERSION,
            findings: &result.findings,
            resolved: &result.resolved,
            summary: &result.summary,
            evidence: &result.evidence,
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, &doc)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}
