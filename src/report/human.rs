//! Human output: miette diagnostics with the rule code, a label on the exact YAML value and,
//! as a related diagnostic, the passage of the article.

use super::{summary_line, Reporter, Texts};
use crate::check::{CheckResult, Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use std::fmt;
use std::sync::Arc;

/// Terminal output.
#[derive(Debug, Clone)]
pub struct Human {
    pub color: bool,
    pub width: usize,
}

struct Diag {
    message: String,
    code: &'static str,
    severity: Severity,
    help: Option<String>,
    src: Option<NamedSource<Arc<str>>>,
    span: Option<(SourceSpan, String)>,
    related: Vec<Diag>,
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (span, label) = self.span.clone()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(label),
            span,
        ))))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn span_in(text: &str, span: (usize, usize), line: usize, column: usize) -> SourceSpan {
    let (mut s, mut e) = span;
    if s == 0 && e == 0 && (line > 1 || column > 1) {
        s = crate::store::load::offset_of(text, line, column);
        e = s;
    }
    s = floor_boundary(text, s);
    e = floor_boundary(text, e.max(s));
    // Keep labels on one line so that long claims do not flood the terminal.
    if let Some(nl) = text[s..e].find('\n') {
        e = s + nl;
    }
    SourceSpan::from((s, e - s))
}

/// The largest character boundary at or before `pos` (hand-edited offsets may point inside a
/// character, or past the end).
fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn diag_of(f: &Finding, texts: &Texts) -> Diag {
    let src = texts.get(&f.file);
    let span = src.as_ref().map(|t| {
        (
            span_in(t, f.span, f.line, f.column),
            f.rule.label().to_string(),
        )
    });
    let related = f
        .related
        .as_ref()
        .and_then(|r| {
            let text = texts.get(&r.file)?;
            let span = span_in(&text, r.span, r.line, r.column);
            Some(Diag {
                message: format!("{}:{}:{}", r.file, r.line, r.column),
                code: "",
                severity: Severity::Note,
                help: None,
                src: Some(NamedSource::new(&r.file, text)),
                span: Some((span, r.message.clone())),
                related: Vec::new(),
            })
        })
        .into_iter()
        .collect();
    Diag {
        // The snippet header names the file and position; without a snippet the message must.
        message: if src.is_some() {
            f.message.clone()
        } else {
            format!("{}:{}:{}: {}", f.file, f.line, f.column, f.message)
        },
        code: f.rule.code(),
        severity: f.severity,
        help: Some(f.help.clone()),
        src: src.map(|t| NamedSource::new(&f.file, t)),
        span,
        related,
    }
}

impl Reporter for Human {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false);
        let mut out = String::new();
        for f in &result.findings {
            let d = diag_of(f, texts);
            if handler.render_report(&mut out, &d).is_err() {
                out.push_str(&format!(
                    "{}: {} [{}]\n",
                    f.severity.as_str(),
                    d.message,
                    f.rule.code()
                ));
            }
            out.push('\n');
        }
        out.push_str(&summary_line(result));
        out.push('\n');
        out
    }
}
