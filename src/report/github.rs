//! GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line
//! per finding, so that findings show as annotations on the pull request.

use super::{summary_line, terminal_safe, Reporter, Texts};
use crate::check::{CheckResult, Severity};

/// GitHub annotations.
#[derive(Debug, Clone, Copy, Default)]
pub struct Github;

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
    fn render(&self, result: &CheckResult, _texts: &Texts) -> String {
        let mut out = String::new();
        for f in &result.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            out.push_str(&format!(
                "::{level} file={},line={},col={},title={}::{}\n",
                escape_property(&f.file),
                f.line,
                f.column,
                escape_property(f.rule.code()),
                escape_data(&format!("{} ({})", f.message, f.help)),
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
