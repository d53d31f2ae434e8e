//! Human output: miette diagnostics with the rule code, a label on the exact YAML value and,
//! as a related diagnostic, the passage of the article.

use super::safe::{self, terminal_safe, OffsetMap};
use super::{summary_line, Reporter, Texts};
use crate::check::{CheckResult, Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use std::borrow::Cow;
use std::collections::HashMap;
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

/// The terminal-safe texts of the files findings point into, each made once per report, with
/// the map of its offsets when characters had to be replaced (see [`super::safe`]).
#[derive(Default)]
struct SafeTexts(HashMap<String, SafeText>);

/// A file's text as written, its terminal-safe form, and the map between their offsets.
type SafeText = (Arc<str>, Arc<str>, Option<Arc<OffsetMap>>);

impl SafeTexts {
    fn get(&mut self, texts: &Texts, file: &str) -> Option<SafeText> {
        if let Some(t) = self.0.get(file) {
            return Some(t.clone());
        }
        let original = texts.get(file)?;
        let (safe, map) = safe::mapped(&original);
        let entry = match safe {
            Cow::Borrowed(_) => (original.clone(), original.clone(), None),
            Cow::Owned(t) => (original.clone(), Arc::from(t), Some(Arc::new(map))),
        };
        self.0.insert(file.to_string(), entry.clone());
        Some(entry)
    }
}

/// A span of the original text, moved to the same characters of its safe form.
fn safe_span(span: SourceSpan, map: Option<&Arc<OffsetMap>>) -> SourceSpan {
    match map {
        None => span,
        Some(m) => {
            let s = m.map(span.offset());
            let e = m.map(span.offset() + span.len());
            SourceSpan::from((s, e.saturating_sub(s)))
        }
    }
}

fn diag_of(f: &Finding, texts: &Texts, safe_texts: &mut SafeTexts) -> Diag {
    let src = safe_texts.get(texts, &f.file);
    let span = src.as_ref().map(|(original, _, map)| {
        (
            safe_span(span_in(original, f.span, f.line, f.column), map.as_ref()),
            f.rule.label().to_string(),
        )
    });
    let related = f
        .related
        .as_ref()
        .and_then(|r| {
            let (original, text, map) = safe_texts.get(texts, &r.file)?;
            let span = safe_span(span_in(&original, r.span, r.line, r.column), map.as_ref());
            Some(Diag {
                message: terminal_safe(&format!("{}:{}:{}", r.file, r.line, r.column)).into_owned(),
                code: "",
                severity: Severity::Note,
                help: None,
                src: Some(NamedSource::new(terminal_safe(&r.file), text)),
                span: Some((span, terminal_safe(&r.message).into_owned())),
                related: Vec::new(),
            })
        })
        .into_iter()
        .collect();
    let message = if src.is_some() {
        // The snippet header names the file and position; without a snippet the message must.
        f.message.clone()
    } else {
        format!("{}:{}:{}: {}", f.file, f.line, f.column, f.message)
    };
    Diag {
        message: terminal_safe(&message).into_owned(),
        code: f.rule.code(),
        severity: f.severity,
        help: Some(terminal_safe(&f.help).into_owned()),
        src: src.map(|(_, t, _)| NamedSource::new(terminal_safe(&f.file), t)),
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
        let mut safe_texts = SafeTexts::default();
        for f in &result.findings {
            let d = diag_of(f, texts, &mut safe_texts);
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
