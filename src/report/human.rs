//! Human output: miette diagnostics with the rule code, a label on the exact YAML value and,
//! as a related diagnostic, the passage of the article.

use super::safe::{self, terminal_safe, OffsetMap};
use super::{summary_line, Reporter, Texts};
use crate::check::{CheckResult, Finding, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
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
    src: Option<Indexed>,
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

/// A file's (terminal-safe) text with the offsets of its line starts, so that a snippet is
/// read from the lines around its span only. miette's own `str` source scans from the start
/// of the file for every snippet, which made the human report quadratic in the findings of a
/// large claim file (10,000 claims: two minutes).
#[derive(Clone)]
struct Indexed {
    name: String,
    text: Arc<str>,
    /// Byte offset of the start of each line; `line_starts[0] == 0`.
    line_starts: Arc<[usize]>,
}

impl Indexed {
    fn new(name: &str, text: Arc<str>) -> Indexed {
        let line_starts = line_starts(&text);
        Indexed {
            name: terminal_safe(name).into_owned(),
            text,
            line_starts,
        }
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// Offsets of the starts of the lines of `text`, counting a line feed, a lone carriage return
/// and a CR LF pair as one line break each (as miette does).
fn line_starts(text: &str) -> Arc<[usize]> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts.into()
}

impl miette::SourceCode for Indexed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        // A window of whole lines, one more on each side than the snippet needs, read with
        // miette's own reader so that the snippet is exactly what it would show for the
        // whole file; then its offsets and line numbers are moved back to the file's.
        let first = self.line_of(span.offset()).saturating_sub(before + 1);
        let last = self.line_of(span.offset() + span.len()) + after + 2;
        let start = self.line_starts[first];
        let end = self
            .line_starts
            .get(last)
            .copied()
            .unwrap_or(self.text.len());
        let window = &self.text[start..end];
        if span.offset() < start || span.offset() + span.len() > end {
            return Err(miette::MietteError::OutOfBounds);
        }
        let local = SourceSpan::from((span.offset() - start, span.len()));
        let c = window.read_span(&local, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            SourceSpan::from((c.span().offset() + start, c.span().len())),
            c.line() + first,
            c.column(),
            c.line_count() + first,
        )))
    }
}

fn span_in(
    text: &str,
    starts: &[usize],
    span: (usize, usize),
    line: usize,
    column: usize,
) -> SourceSpan {
    let (mut s, mut e) = span;
    if s == 0 && e == 0 && (line > 1 || column > 1) {
        // No span recorded: the line and column (1-based, the column in characters).
        let start = match line.checked_sub(1).and_then(|l| starts.get(l)) {
            Some(&start) => start,
            None => text.len(),
        };
        let rest = &text[start..];
        s = start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i);
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

/// A file's text as written with its line starts, its terminal-safe form indexed by line, and
/// the map between their offsets (none when the two are the same text).
#[derive(Clone)]
struct SafeText {
    original: Arc<str>,
    original_lines: Arc<[usize]>,
    safe: Indexed,
    map: Option<Arc<OffsetMap>>,
}

impl SafeText {
    /// The label span of a finding's position, in the safe text.
    fn span(&self, span: (usize, usize), line: usize, column: usize) -> SourceSpan {
        let s = span_in(&self.original, &self.original_lines, span, line, column);
        safe_span(s, self.map.as_ref())
    }
}

impl SafeTexts {
    fn get(&mut self, texts: &Texts, file: &str) -> Option<SafeText> {
        if let Some(t) = self.0.get(file) {
            return Some(t.clone());
        }
        let original = texts.get(file)?;
        let (safe, map) = safe::mapped(&original);
        let entry = match safe {
            Cow::Borrowed(_) => {
                let safe = Indexed::new(file, original.clone());
                SafeText {
                    original: original.clone(),
                    original_lines: safe.line_starts.clone(),
                    safe,
                    map: None,
                }
            }
            Cow::Owned(t) => SafeText {
                original_lines: line_starts(&original),
                original: original.clone(),
                safe: Indexed::new(file, Arc::from(t)),
                map: Some(Arc::new(map)),
            },
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
    let span = src
        .as_ref()
        .map(|t| (t.span(f.span, f.line, f.column), f.rule.label().to_string()));
    let related = f
        .related
        .as_ref()
        .and_then(|r| {
            let text = safe_texts.get(texts, &r.file)?;
            let span = text.span(r.span, r.line, r.column);
            Some(Diag {
                message: terminal_safe(&format!("{}:{}:{}", r.file, r.line, r.column)).into_owned(),
                code: "",
                severity: Severity::Note,
                help: None,
                src: Some(text.safe),
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
        src: src.map(|t| t.safe),
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A diagnostic with one label on `span` of `text`, its source either the line-indexed
    /// window reader or miette's own whole-text reader.
    fn render(text: &str, span: (usize, usize), indexed: bool) -> String {
        let text: Arc<str> = Arc::from(text);
        let mut d = Diag {
            message: "m".into(),
            code: "c",
            severity: Severity::Warning,
            help: None,
            src: Some(Indexed::new("f.yaml", text.clone())),
            span: Some((SourceSpan::from((span.0, span.1)), "here".into())),
            related: Vec::new(),
        };
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(80)
            .with_links(false);
        let mut out = String::new();
        if indexed {
            handler.render_report(&mut out, &d).unwrap();
        } else {
            d.src = None;
            let whole = WholeText(d, miette::NamedSource::new("f.yaml", text));
            handler.render_report(&mut out, &whole).unwrap();
        }
        out
    }

    /// The same diagnostic read from miette's own `NamedSource` over the whole text.
    struct WholeText(Diag, miette::NamedSource<Arc<str>>);

    impl fmt::Debug for WholeText {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt(f)
        }
    }
    impl fmt::Display for WholeText {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(&self.0, f)
        }
    }
    impl std::error::Error for WholeText {}
    impl Diagnostic for WholeText {
        fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
            self.0.code()
        }
        fn severity(&self) -> Option<miette::Severity> {
            self.0.severity()
        }
        fn source_code(&self) -> Option<&dyn miette::SourceCode> {
            Some(&self.1)
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            self.0.labels()
        }
    }

    #[test]
    fn snippet_deep_in_a_file_shows_its_own_line_number() {
        let mut text = String::new();
        for i in 1..=5000 {
            text.push_str(&format!("line {i}\n"));
        }
        let at = text.find("line 4321").unwrap();
        let out = render(&text, (at, 9), true);
        assert!(out.contains("[f.yaml:4321:1]"), "{out}");
        assert!(out.contains("4320 │ line 4320"), "{out}");
        assert_eq!(out, render(&text, (at, 9), false));
    }

    proptest! {
        /// The windowed reader shows exactly what miette shows from the whole text, for any
        /// mix of line endings and any span, so the human report did not change with it.
        #[test]
        fn windowed_snippets_equal_whole_text_snippets(
            parts in proptest::collection::vec(
                prop_oneof!["[a-z é]{0,6}", Just("\n".to_string()), Just("\r\n".to_string()), Just("\r".to_string())],
                1..60,
            ),
            a in 0usize..400,
            len in 0usize..40,
        ) {
            let text: String = parts.concat();
            let s = floor_boundary(&text, a % (text.len() + 1));
            let e = floor_boundary(&text, (s + len).min(text.len()));
            prop_assert_eq!(render(&text, (s, e - s), true), render(&text, (s, e - s), false));
        }
    }
}
