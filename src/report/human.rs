//! Human output: miette diagnostics with the rule code, a label on the exact YAML value and,
//! as a related diagnostic, the passage of the article.

use super::safe::{self, terminal_safe, OffsetMap};
use super::{summary_line, Reporter, Texts};
use crate::check::{CheckResult, FailOn, Finding, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Terminal output.
#[derive(Debug, Clone)]
pub struct Human {
    /// Colour the diagnostics with ANSI escapes (the binary decides from `--color`, the
    /// terminal and `NO_COLOR`).
    pub color: bool,
    /// Terminal columns to lay the diagnostics out for (long lines are cut to fit).
    pub width: usize,
    /// `--quiet`: only the findings that fail the run at this threshold, and nothing at all
    /// (not even the summary) when none does.
    pub only: Option<FailOn>,
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
    /// The labelled line cut to the terminal's width, when it is wider (see [`Crop`]).
    crop: Option<Arc<Crop>>,
    /// The terminal columns a line may take, once [`Indexed::fitted`]: a context line wider
    /// than that is left out rather than wrapped by the terminal.
    room: Option<usize>,
}

/// A line too wide for the terminal, shown as the part around its label: `…` + the bytes
/// `start..end` of the text + `…`. The text's own offsets are kept (the snippet starts at
/// `start` less the leading ellipsis), so miette places the label under the same words.
struct Crop {
    /// 0-based line number.
    line: usize,
    /// What is shown, ellipses included.
    shown: String,
    /// Offset of `shown`'s first byte in the text's coordinates.
    offset: usize,
}

/// The ellipsis marking a cut line end (one column wide, three bytes).
const ELLIPSIS: &str = "\u{2026}";

impl Indexed {
    fn new(name: &str, text: Arc<str>) -> Indexed {
        let line_starts = line_starts(&text);
        Indexed {
            name: terminal_safe(name).into_owned(),
            text,
            line_starts,
            crop: None,
            room: None,
        }
    }

    /// The byte range of line `line` without its line break.
    fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The 0-based column of byte `offset`, counted in characters as an editor counts them
    /// (miette counts bytes).
    fn column_of(&self, offset: usize) -> usize {
        let start = self.line_starts[self.line_of(offset)];
        self.text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
    }

    /// This text for a label on `span`, with the span's line cut around it when the line is
    /// wider than `width` terminal columns; and the span, shortened to fit when it is wider
    /// itself (the label then sits under the claim's first words).
    fn fitted(&self, span: SourceSpan, width: usize) -> (Indexed, SourceSpan) {
        let line = self.line_of(span.offset());
        let (ls, le) = self.line_range(line);
        let text = &self.text[ls..le];
        let mut fitted = self.clone();
        fitted.room = Some(width);
        if display_width(text) <= width {
            return (fitted, span);
        }
        let room = width.saturating_sub(2).max(1);
        let (s, e) = (
            span.offset().clamp(ls, le),
            (span.offset() + span.len()).clamp(ls, le),
        );
        // The label: at most `room` columns, cut at a character boundary.
        let e = s + prefix_within(&self.text[s..e.max(s)], room);
        let label_width = display_width(&self.text[s..e]);
        // Around it: a third of what is left before, the rest after, any unused share of one
        // side given to the other; the start moved to a word's start when one is near.
        let spare = room - label_width.min(room);
        let after_avail = display_width(&self.text[e..le]);
        let before_share = (spare / 3).max(spare.saturating_sub(after_avail));
        let mut x = s - suffix_within(&self.text[ls..s], before_share);
        if x > ls {
            if let Some(sp) = self.text[x..s].find(' ') {
                x += sp + 1;
            }
        }
        let used = display_width(&self.text[x..e]);
        let y = e + prefix_within(&self.text[e..le], room.saturating_sub(used));
        // A leading ellipsis takes three bytes before `x`: cut only when that many were cut.
        let lead = x - ls >= ELLIPSIS.len();
        let x = if lead { x } else { ls };
        let mut shown = String::with_capacity(y - x + 2 * ELLIPSIS.len());
        if lead {
            shown.push_str(ELLIPSIS);
        }
        shown.push_str(&self.text[x..y]);
        if y < le {
            shown.push_str(ELLIPSIS);
        }
        let crop = Crop {
            line,
            shown,
            offset: if lead { x - ELLIPSIS.len() } else { x },
        };
        fitted.crop = Some(Arc::new(crop));
        (fitted, SourceSpan::from((s, e - s)))
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
        let column = self.column_of(span.offset());
        if let Some(c) = &self.crop {
            if self.line_of(span.offset()) == c.line {
                // Only the cut line: its neighbours may be as wide.
                return Ok(Box::new(miette::MietteSpanContents::new_named(
                    self.name.clone(),
                    c.shown.as_bytes(),
                    SourceSpan::from((c.offset, c.shown.len())),
                    c.line,
                    column,
                    1,
                )));
            }
        }
        let line = self.line_of(span.offset());
        if let Some(room) = self.room {
            let last = self.line_of(span.offset() + span.len());
            let around =
                line.saturating_sub(before)..=(last + after).min(self.line_starts.len() - 1);
            let too_wide = around.into_iter().any(|l| {
                let (s, e) = self.line_range(l);
                display_width(&self.text[s..e]) > room
            });
            if too_wide && line == last {
                // Only the labelled line, which fits: its neighbours would wrap.
                let (s, e) = self.line_range(line);
                return Ok(Box::new(miette::MietteSpanContents::new_named(
                    self.name.clone(),
                    &self.text.as_bytes()[s..e],
                    SourceSpan::from((s, e - s)),
                    line,
                    column,
                    1,
                )));
            }
        }
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
            column,
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

/// Terminal columns of `s` (a tab counted as miette shows it, four columns).
fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if c == '\t' {
        4
    } else {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
    }
}

/// Bytes of the longest prefix of `s` at most `cols` columns wide.
fn prefix_within(s: &str, cols: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += char_width(c);
        if used > cols {
            return i;
        }
    }
    s.len()
}

/// Bytes of the longest suffix of `s` at most `cols` columns wide.
fn suffix_within(s: &str, cols: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        used += char_width(c);
        if used > cols {
            return s.len() - i - c.len_utf8();
        }
    }
    s.len()
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

    /// The safe text and the label span of a finding's position, the span's line cut to fit
    /// a terminal `width` columns wide (miette's gutter included).
    fn fitted(
        &self,
        pos: (usize, usize),
        line: usize,
        column: usize,
        width: usize,
    ) -> (Indexed, SourceSpan) {
        let span = self.span(pos, line, column);
        // The gutter: " 123 │ ", for the last line number a snippet may show.
        let last_line = self.safe.line_of(span.offset()) + 2;
        let gutter = last_line.to_string().len() + 4;
        self.safe
            .fitted(span, width.saturating_sub(gutter + 1).max(MIN_TEXT_WIDTH))
    }
}

/// The narrowest text column a snippet is cut to, however narrow the terminal.
const MIN_TEXT_WIDTH: usize = 20;

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

fn diag_of(f: &Finding, texts: &Texts, safe_texts: &mut SafeTexts, width: usize) -> Diag {
    let (src, span) = match safe_texts.get(texts, &f.file) {
        Some(t) => {
            let (src, span) = t.fitted(f.span, f.line, f.column, width);
            (Some(src), Some((span, f.rule.label().to_string())))
        }
        None => (None, None),
    };
    let related = f
        .related
        .as_ref()
        .and_then(|r| {
            let text = safe_texts.get(texts, &r.file)?;
            let (src, span) = text.fitted(r.span, r.line, r.column, width);
            Some(Diag {
                message: terminal_safe(&format!("{}:{}:{}", r.file, r.line, r.column)).into_owned(),
                code: "",
                severity: Severity::Note,
                help: None,
                src: Some(src),
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
        src,
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
        let shown = |f: &&Finding| self.only.is_none_or(|t| t.fails(f.severity));
        if self.only.is_some() && !result.findings.iter().any(|f| shown(&f)) {
            return out;
        }
        for f in result.findings.iter().filter(shown) {
            let d = diag_of(f, texts, &mut safe_texts, self.width);
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
            let whole = WholeText(
                d,
                CharColumns(miette::NamedSource::new("f.yaml", text.clone()), text),
            );
            handler.render_report(&mut out, &whole).unwrap();
        }
        out
    }

    /// The same diagnostic read from miette's own `NamedSource` over the whole text.
    struct WholeText(Diag, CharColumns);

    /// miette's own reader, its columns counted in characters (as ours are) instead of bytes.
    struct CharColumns(miette::NamedSource<Arc<str>>, Arc<str>);

    impl miette::SourceCode for CharColumns {
        fn read_span<'a>(
            &'a self,
            span: &SourceSpan,
            before: usize,
            after: usize,
        ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
            let c = self.0.read_span(span, before, after)?;
            let head = &self.1[..span.offset()];
            let line_start = head.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            Ok(Box::new(miette::MietteSpanContents::new_named(
                c.name().unwrap_or_default().to_string(),
                c.data(),
                *c.span(),
                c.line(),
                head[line_start..].chars().count(),
                c.line_count(),
            )))
        }
    }

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

    /// The snippet of a label on `span` of `text` as a terminal `width` columns wide shows it.
    fn render_fitted(text: &str, span: (usize, usize), width: usize) -> String {
        let whole = Indexed::new("a.txt", Arc::from(text));
        let line = whole.line_of(span.0) + 2;
        let room = width
            .saturating_sub(line.to_string().len() + 5)
            .max(MIN_TEXT_WIDTH);
        let (src, span) = whole.fitted(SourceSpan::from(span), room);
        let d = Diag {
            message: "m".into(),
            code: "c",
            severity: Severity::Warning,
            help: None,
            src: Some(src),
            span: Some((span, "here".into())),
            related: Vec::new(),
        };
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(width)
            .with_links(false);
        let mut out = String::new();
        handler.render_report(&mut out, &d).unwrap();
        out
    }

    /// The display column where `needle` starts in the first line of `out` containing it.
    fn column_in(out: &str, needle: &str) -> Option<usize> {
        out.lines()
            .find_map(|l| l.find(needle).map(|at| display_width(&l[..at])))
    }

    /// Every snippet line of `out` fits `width` terminal columns.
    fn assert_fits(out: &str, width: usize) {
        for l in out.lines().filter(|l| l.contains(" │ ")) {
            assert!(
                display_width(l) <= width,
                "wider than {width}: {l:?}\n{out}"
            );
        }
    }

    #[test]
    fn a_long_line_is_cut_around_its_label_at_any_width() {
        let mut line = String::new();
        for i in 0..60 {
            line.push_str(&format!("mot{i} é "));
        }
        let before = line.len();
        line.push_str("the minister said so ");
        for i in 0..60 {
            line.push_str(&format!("word{i} "));
        }
        let text = format!("first line\n{line}\nlast line\n");
        let at = text.find("the minister").unwrap();
        let chars_before = text[..at].chars().count() - "first line\n".len();
        for width in [30, 45, 60, 80, 100, 140] {
            let out = render_fitted(&text, (at, "the minister said".len()), width);
            let header = format!("[a.txt:2:{}]", chars_before + 1);
            assert!(out.contains(&header), "width {width}: {out}");
            assert_fits(&out, width);
            // The underline starts under the claim's first word.
            let word = column_in(&out, "the minister").expect("the claim is shown");
            let mark = out
                .lines()
                .find(|l| l.trim_start().starts_with('·') && l.contains('─'))
                .and_then(|l| l.find('─').map(|at| display_width(&l[..at])));
            assert_eq!(mark, Some(word), "width {width}: {out}");
            assert!(out.contains('\u{2026}'), "the cut is marked: {out}");
        }
        assert!(before > 200);
    }

    #[test]
    fn a_label_wider_than_the_terminal_sits_under_its_first_words() {
        let claim = "word ".repeat(80);
        let text = format!("intro {claim}end\n");
        let out = render_fitted(&text, (6, claim.len()), 50);
        assert_fits(&out, 50);
        assert!(out.contains("[a.txt:1:7]"), "{out}");
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        let text = "a short line with a claim in it\nnext\n";
        let at = text.find("claim").unwrap();
        let out = render_fitted(text, (at, 5), 80);
        assert!(out.contains("1 │ a short line with a claim in it"), "{out}");
        assert!(!out.contains('\u{2026}'), "{out}");
        assert!(out.contains("2 │ next"), "context lines stay: {out}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é ü ö claim\n";
        let at = text.find("claim").unwrap();
        let out = render_fitted(text, (at, 5), 80);
        assert!(out.contains("[a.txt:1:7]"), "{out}");
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
            // No span starts or ends between the two bytes of a CR LF (a real span never does).
            let inside_crlf = |p: usize| p > 0 && text[..p].ends_with('\r') && text[p..].starts_with('\n');
            let mut s = floor_boundary(&text, a % (text.len() + 1));
            if inside_crlf(s) {
                s -= 1;
            }
            let mut e = floor_boundary(&text, (s + len).min(text.len()));
            if inside_crlf(e) {
                e -= 1;
            }
            prop_assert_eq!(render(&text, (s, e - s), true), render(&text, (s, e - s), false));
        }
    }
}
