//! GitHub Actions workflow commands: one
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` line per finding, so
//! that findings show as annotations on the pull request.
//!
//! Paths are relative to the repository root (see [`CiPaths`]), as GitHub resolves them; a
//! finding about a claim or a reference is annotated on its article passage, and its message
//! names the YAML value too. Columns count characters; `endColumn` is the last character's
//! and is given only when the passage is on one line (GitHub ignores columns across lines).

use super::locate::{locate, CiPaths};
use super::{summary_line, terminal_safe, Reporter, Texts};
use crate::check::{CheckResult, Severity};

/// GitHub annotations.
#[derive(Debug, Clone, Default)]
pub struct Github {
    /// How file names are written (default: as the dossier names them).
    pub paths: CiPaths,
}

impl Github {
    /// Annotations whose file names are written as `paths` says.
    pub fn new(paths: CiPaths) -> Github {
        Github { paths }
    }
}

/// Escape a workflow-command message; control characters never reach the log as they are
/// (see [`terminal_safe`]).
fn escape_data(s: &str) -> String {
    terminal_safe(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow-command property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String {
        let mut out = String::new();
        let located = locate(&result.findings, texts);
        for (f, at) in result.findings.iter().zip(&located) {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let p = &at.primary;
            let mut position = format!("line={}", p.start.line);
            match p.end {
                // `end` is just past the passage: its last character is one column before.
                Some(end) if end.line == p.start.line && end.column > p.start.column => {
                    position.push_str(&format!(
                        ",endLine={},col={},endColumn={}",
                        end.line,
                        p.start.column,
                        end.column - 1
                    ));
                }
                Some(end) if end.line > p.start.line => {
                    // A passage ending with its line's newline ends on that line.
                    let last = if end.column == 1 {
                        end.line - 1
                    } else {
                        end.line
                    };
                    position.push_str(&format!(",endLine={last},col={}", p.start.column));
                }
                _ => position.push_str(&format!(",col={}", p.start.column)),
            }
            let mut message = format!("{} ({})", f.message, f.help);
            if let Some(rel) = &at.related {
                message.push_str(&format!(
                    "; {}: {}:{}:{}",
                    rel.message,
                    self.paths.path(&rel.file),
                    rel.start.line,
                    rel.start.column
                ));
            }
            out.push_str(&format!(
                "::{level} file={},{position},title={}::{}\n",
                escape_property(&self.paths.path(&p.file)),
                escape_property(f.rule.code()),
                escape_data(&message),
            ));
        }
        out.push_str(&summary_line(result));
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("x\u{1b}[2J\r\n"), "x\\u{1b}[2J%0D%0A");
    }
}
