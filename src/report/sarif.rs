//! SARIF 2.1.0, for code-scanning dashboards.
//!
//! Paths are relative to the repository root (see [`CiPaths`]), under the base id
//! `%SRCROOT%` that `originalUriBaseIds` describes; the primary location of a finding about a
//! claim or a reference is its article passage, with the YAML value as a related location;
//! columns are UTF-16 code units, SARIF's default `columnKind`, declared as such.

use super::locate::{locate, Base, CiPaths, Region};
use super::{Reporter, Texts};
use crate::check::{CheckResult, FailOn, Rule, Severity};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

/// SARIF log.
#[derive(Debug, Clone, Default)]
pub struct Sarif {
    /// How file names are written (default: as the dossier names them).
    pub paths: CiPaths,
    /// The failure level the run's exit code reflects (`invocations`).
    pub fail_on: FailOn,
}

impl Sarif {
    /// A SARIF log whose file names are written as `paths` says, for a run failing at
    /// `fail_on`.
    pub fn new(paths: CiPaths, fail_on: FailOn) -> Sarif {
        Sarif { paths, fail_on }
    }
}

/// The heading of the README's rule table, as GitHub and crates.io make it an anchor
/// (`## What check flags`): every rule's `helpUri` points there.
pub const RULES_ANCHOR: &str = "what-check-flags";

/// The key of the fingerprint in each result's `partialFingerprints`: the scheme is
/// [`Finding::fingerprint`](crate::check::Finding::fingerprint); a change of scheme gets a new
/// version so that dashboards do not match old and new.
pub const FINGERPRINT_KEY: &str = "dossierFinding/v1";

/// Where the README is read: the package's repository when `Cargo.toml` names one, else its
/// crates.io page.
fn readme_uri() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    let base = if repository.is_empty() {
        "https://crates.io/crates/dossier"
    } else {
        repository
    };
    format!("{base}#{RULES_ANCHOR}")
}

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

/// A relative file name as the relative URI SARIF requires (`claims/my file #1.yaml`
/// → `claims/my%20file%20%231.yaml`).
fn uri(file: &str) -> String {
    utf8_percent_encode(file, PATH).to_string()
}

fn location(paths: &CiPaths, r: &Region, with_message: bool) -> Value {
    let mut region = json!({
        "startLine": r.start.line,
        "startColumn": r.start.column_utf16,
    });
    if let Some(end) = r.end {
        region["endLine"] = json!(end.line);
        region["endColumn"] = json!(end.column_utf16);
    }
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&paths.path(&r.file)), "uriBaseId": "%SRCROOT%" },
            "region": region
        }
    });
    if with_message && !r.message.is_empty() {
        loc["message"] = json!({ "text": r.message });
    }
    loc
}

impl Reporter for Sarif {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String {
        let help_uri = readme_uri();
        let rules: Vec<Value> = Rule::ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.code(),
                    "shortDescription": { "text": r.summary() },
                    "help": {
                        "text": format!("{}. Example: {}", r.help(), r.example()),
                        "markdown": format!("{}.\n\nExample:\n\n    {}", r.help(), r.example().replace('\n', "\n    ")),
                    },
                    "helpUri": help_uri,
                    "defaultConfiguration": { "level": level(r.default_severity()) }
                })
            })
            .collect();
        let located = locate(&result.findings, texts);
        let results: Vec<Value> = result
            .findings
            .iter()
            .zip(&located)
            .map(|(f, at)| {
                let mut r = json!({
                    "ruleId": f.rule.code(),
                    "ruleIndex": Rule::ALL.iter().position(|x| *x == f.rule).unwrap_or(0),
                    "level": level(f.severity),
                    "message": { "text": format!("{} ({})", f.message, f.help) },
                    "locations": [location(&self.paths, &at.primary, false)],
                    "partialFingerprints": { FINGERPRINT_KEY: f.fingerprint() },
                });
                if let Some(rel) = &at.related {
                    r["relatedLocations"] = json!([location(&self.paths, rel, true)]);
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
        // As `dossier check` exits: 1 when a finding reaches the failure level, else 0 (a run
        // that cannot check, exit 2, writes no log).
        let fails = result.worst().is_some_and(|s| self.fail_on.fails(s));
        let (code, meaning) = if fails {
            (1, "findings at or above the failure level")
        } else {
            (0, "nothing at or above the failure level")
        };
        let base = match self.paths.base() {
            Base::Repository => "the repository root (the folder holding .git)",
            Base::WorkingDirectory => "the working directory dossier ran in",
            Base::Dossier => "the dossier root (the folder holding articles/)",
        };
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
                "originalUriBaseIds": {
                    "%SRCROOT%": { "description": { "text": format!("Paths are relative to {base}.") } }
                },
                "columnKind": "utf16CodeUnits",
                "invocations": [{
                    "executionSuccessful": true,
                    "exitCode": code,
                    "exitCodeDescription": meaning
                }],
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
