//! The screen as a pure function of the session: [`render`] turns an [`App`] and a terminal
//! size into styled lines and a cursor position. The terminal code only paints them.

use super::model::Card;
use super::state::{App, Chooser, LineEditor, Mode, Tone};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How a piece of text looks. Without colour only the text is shown, so anything that
/// matters (the claim's words in its passage, the chosen row) is also marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Title,
    Dim,
    Heading,
    Focus,
    Error,
    Warning,
    Note,
    Saved,
    Problem,
    Selected,
    Key,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

pub type Line = Vec<Span>;

/// What to paint: exactly `height` lines, none wider than `width` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub lines: Vec<Line>,
    /// Where the terminal cursor goes (column, row), when a line is being edited.
    pub cursor: Option<(u16, u16)>,
}

#[cfg(test)]
impl Screen {
    /// The text of each line, without styles.
    pub fn text(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }
}

/// A piece of a line. Control characters (a line feed in a claim, an escape sequence in a
/// note) become spaces: text from articles and YAML must never move the cursor or change the
/// terminal's state.
fn span(text: impl Into<String>, style: Style) -> Span {
    let mut text = text.into();
    if text.contains(char::is_control) {
        text = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
    }
    Span { text, style }
}

fn plain(text: impl Into<String>) -> Line {
    vec![span(text, Style::Plain)]
}

fn width_of(line: &Line) -> usize {
    line.iter().map(|s| s.text.width()).sum()
}

/// Cut `s` to at most `width` columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Cut a styled line to `width` columns.
fn clip(line: Line, width: usize) -> Line {
    let mut out = Vec::new();
    let mut left = width;
    let total = width_of(&line);
    for s in line {
        if left == 0 {
            break;
        }
        let w = s.text.width();
        if w <= left && (total <= width || w < left) {
            left -= w;
            out.push(s);
        } else {
            out.push(span(truncate(&s.text, left), s.style));
            break;
        }
    }
    out
}

/// Word-wrap styled text to `width` columns, each line starting with `indent` spaces.
fn wrap(parts: &[Span], width: usize, indent: usize) -> Vec<Line> {
    let avail = width.saturating_sub(indent).max(1);
    // Words keep their style; a space between words takes the style of the word before it.
    let mut words: Vec<(String, Style, bool)> = Vec::new(); // (word, style, space before)
    let mut pending_space = false;
    for s in parts {
        let mut cur = String::new();
        for c in s.text.chars() {
            if c == ' ' {
                if !cur.is_empty() {
                    words.push((std::mem::take(&mut cur), s.style, pending_space));
                }
                pending_space = true;
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            words.push((cur, s.style, pending_space));
            pending_space = false;
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut used = 0;
    for (word, style, space) in words {
        let ww = word.width();
        let sep = usize::from(space && used > 0);
        if used > 0 && used + sep + ww > avail {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 && space {
            let st = line.last().map_or(Style::Plain, |s: &Span| s.style);
            // A space inside the focus is focus too; at its edge, plain.
            let st = if st == style { st } else { Style::Plain };
            line.push(span(" ", st));
            used += 1;
        }
        if ww <= avail - used {
            line.push(span(word, style));
            used += ww;
        } else {
            // A word longer than the line: split it.
            let mut piece = String::new();
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + piece.width() + cw > avail {
                    line.push(span(std::mem::take(&mut piece), style));
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                piece.push(c);
            }
            used += piece.width();
            line.push(span(piece, style));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .map(|mut l| {
            if indent > 0 {
                l.insert(0, span(pad.clone(), Style::Plain));
            }
            l
        })
        .collect()
}

fn severity_style(sev: &str) -> Style {
    match sev {
        "error" => Style::Error,
        "warning" => Style::Warning,
        _ => Style::Note,
    }
}

/// The claim's passage, wrapped; the focus marked in the text when there is no colour.
fn passage_lines(card: &Card, width: usize, colour: bool) -> Vec<Line> {
    let (before, focus, after) = match &card.passage {
        Some(p) => (p.before.clone(), p.focus.clone(), p.after.clone()),
        None if card.text.is_empty() => return Vec::new(),
        None => (String::new(), card.text.clone(), String::new()),
    };
    let focus = if colour {
        focus
    } else {
        format!("<<{focus}>>")
    };
    wrap(
        &[
            span(before, Style::Plain),
            span(focus, Style::Focus),
            span(after, Style::Plain),
        ],
        width,
        2,
    )
}

/// Keep at most `n` lines of the passage, around the first line of the claim itself.
fn window(lines: Vec<Line>, n: usize) -> Vec<Line> {
    if lines.len() <= n {
        return lines;
    }
    let first = lines
        .iter()
        .position(|l| l.iter().any(|s| s.style == Style::Focus))
        .unwrap_or(0);
    let start = first.saturating_sub(1).min(lines.len() - n);
    lines.into_iter().skip(start).take(n).collect()
}

fn card_body(app: &App, card: &Card, width: usize, height: usize, colour: bool) -> Vec<Line> {
    let mut head: Vec<Line> = Vec::new();
    let mut loc = vec![span(card.location.clone(), Style::Dim)];
    if let Some(s) = &card.speaker {
        loc.push(span(" · ", Style::Dim));
        loc.push(span(s.clone(), Style::Plain));
    }
    head.push(loc);
    if let Some(why) = &card.no_passage {
        head.push(vec![span(why.clone(), Style::Warning)]);
    }
    let passage = if card.details.is_empty() {
        passage_lines(card, width, colour)
    } else {
        card.details
            .iter()
            .map(|d| vec![span("  ", Style::Plain), span(d.clone(), Style::Plain)])
            .collect()
    };

    let mut rest: Vec<Line> = Vec::new();
    if let Some(s) = &card.stale_review {
        rest.push(vec![
            span(
                "Earlier verdict, given before the words changed: ",
                Style::Warning,
            ),
            span(s.clone(), Style::Plain),
        ]);
    }
    rest.push(vec![span("Findings", Style::Heading)]);
    if card.findings.is_empty() {
        rest.push(plain("  none open"));
    }
    for f in &card.findings {
        rest.push(vec![
            span("  ", Style::Plain),
            span(format!("{:<7}", f.severity), severity_style(&f.severity)),
            span(" ", Style::Plain),
            span(f.rule.clone(), Style::Key),
            span(": ", Style::Plain),
            span(f.message.clone(), Style::Plain),
        ]);
    }
    if card.linkable {
        rest.push(vec![span("Sources", Style::Heading)]);
        if card.linked.is_empty() && card.suggested.is_empty() {
            rest.push(plain("  none linked, none suggested (o: pick one)"));
        }
        for (what, list) in [("linked   ", &card.linked), ("suggested", &card.suggested)] {
            for s in list {
                rest.push(vec![
                    span(format!("  {what} "), Style::Dim),
                    span(s.id.clone(), Style::Plain),
                    span(format!("  {}", s.label), Style::Dim),
                ]);
            }
        }
    }
    if !card.notes.is_empty() {
        rest.push(vec![span("Notes", Style::Heading)]);
        for n in &card.notes {
            rest.push(plain(format!("  - {n}")));
        }
    }
    let outcome = &app.outcomes[app.pos];
    if !outcome.is_empty() {
        rest.push(vec![
            span("This session: ", Style::Dim),
            span(outcome.join(", "), Style::Saved),
        ]);
    }

    // Fit the height: the passage gives way first (down to three lines), then the rest.
    let budget = height.saturating_sub(head.len() + rest.len()).max(3);
    let passage = window(passage, budget);
    let mut body: Vec<Line> = head;
    body.extend(passage);
    body.extend(rest);
    if body.len() > height {
        body.truncate(height.saturating_sub(1));
        body.push(vec![span("… more below; enlarge the window", Style::Dim)]);
    }
    body
}

fn help_body(app: &App) -> Vec<Line> {
    let mut out = vec![vec![span("Keys", Style::Heading)]];
    for (i, v) in app.queue.verdicts.iter().enumerate() {
        out.push(vec![
            span(format!("  {}      ", i + 1), Style::Key),
            span(format!("{:<22}", v.name), Style::Plain),
            span(v.meaning.clone(), Style::Dim),
        ]);
    }
    for (k, what) in [
        (
            "c",
            "confirm the suggested source (a chooser when there are several)",
        ),
        ("o", "pick any source entry (type to filter, ↑/↓, Enter)"),
        ("n", "add a note (Enter saves, Esc cancels)"),
        ("space", "skip to the next item (also → j Tab)"),
        ("b", "back to the previous item (also ← k)"),
        ("q", "quit (also Ctrl-C); every decision is already saved"),
        ("?", "this help"),
    ] {
        out.push(vec![
            span(format!("  {k:<6} "), Style::Key),
            span(what, Style::Plain),
        ]);
    }
    out.push(Vec::new());
    out.push(plain(
        "A verdict is saved at once and moves to the next item; links and notes stay.",
    ));
    out
}

fn chooser_body(app: &App, ch: &Chooser, height: usize, colour: bool) -> Vec<Line> {
    let title = if ch.only.is_some() {
        "Confirm which suggested source?"
    } else {
        "Link which source entry?"
    };
    let mut out = vec![vec![span(title, Style::Heading)]];
    let choices = app.choices(ch);
    if choices.is_empty() {
        out.push(plain("  no source id contains that text"));
        return out;
    }
    let rows = height.saturating_sub(2).max(1);
    let start = ch.selected.saturating_sub(rows - 1);
    for (i, id) in choices.iter().enumerate().skip(start).take(rows) {
        if i == ch.selected {
            let marker = if colour { "  " } else { "> " };
            out.push(vec![span(format!("{marker}{id}"), Style::Selected)]);
        } else {
            out.push(plain(format!("  {id}")));
        }
    }
    if choices.len() > start + rows {
        out.push(vec![span(
            format!("  … {} more", choices.len() - start - rows),
            Style::Dim,
        )]);
    }
    out
}

/// The verdict keys, fitted to the width: names shortened when they do not fit.
fn verdict_keys(app: &App, width: usize) -> Line {
    let names: Vec<&str> = app.queue.verdicts.iter().map(|v| v.name.as_str()).collect();
    let build = |max: usize, sep: &str| -> Line {
        let mut l = Vec::new();
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                l.push(span(sep, Style::Plain));
            }
            l.push(span(format!("{}", i + 1), Style::Key));
            l.push(span(format!(" {}", truncate(n, max)), Style::Plain));
        }
        l
    };
    let longest = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for sep in ["  ", " "] {
        let l = build(longest, sep);
        if width_of(&l) <= width {
            return l;
        }
    }
    let mut max = longest;
    while max > 3 {
        max -= 1;
        let l = build(max, " ");
        if width_of(&l) <= width {
            return l;
        }
    }
    build(3, " ")
}

fn keys_line(pairs: &[(&str, &str)]) -> Line {
    let mut l = Vec::new();
    for (i, (k, what)) in pairs.iter().enumerate() {
        if i > 0 {
            l.push(span("  ", Style::Plain));
        }
        l.push(span(*k, Style::Key));
        l.push(span(format!(" {what}"), Style::Plain));
    }
    l
}

/// A line editor on one row: `label` then the text, scrolled so the cursor stays visible.
/// Returns the line and the cursor column.
fn editor_line(label: &str, ed: &LineEditor, width: usize) -> (Line, u16) {
    let room = width.saturating_sub(label.width() + 1).max(1);
    let mut start = 0;
    let w = |a: usize, b: usize| -> usize {
        ed.text[a..b].iter().map(|c| c.width().unwrap_or(0)).sum()
    };
    while w(start, ed.cursor) >= room {
        start += 1;
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in &ed.text[start..] {
        let cw = c.width().unwrap_or(0);
        if used + cw > room {
            break;
        }
        shown.push(*c);
        used += cw;
    }
    let col = label.width() + w(start, ed.cursor);
    (
        vec![span(label, Style::Heading), span(shown, Style::Plain)],
        col as u16,
    )
}

/// The smallest terminal the review draws itself on; below it, it asks for more room.
const MIN_WIDTH: usize = 20;
const MIN_HEIGHT: usize = 8;

/// Draw the session on a `width` × `height` terminal.
pub fn render(app: &App, width: u16, height: u16, colour: bool) -> Screen {
    let (width, height) = (usize::from(width), usize::from(height));
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        let mut lines = vec![vec![span(
            truncate(
                &format!("dossier review: enlarge the window to {MIN_WIDTH}×{MIN_HEIGHT} or more"),
                width,
            ),
            Style::Problem,
        )]];
        lines.resize(height.max(1), Vec::new());
        return Screen {
            lines,
            cursor: None,
        };
    }
    let total = app.queue.deck.len();
    let mut lines: Vec<Line> = Vec::new();

    // Title bar.
    let (left, right) = match app.card() {
        Some(c) => (
            format!(" dossier review  {}/{}  {}", app.pos + 1, total, c.name),
            format!("{} ", c.kind),
        ),
        None => (
            format!(" dossier review  end of the queue ({total} item(s))"),
            String::new(),
        ),
    };
    let left = truncate(&left, width.saturating_sub(right.width() + 1));
    let gap = width.saturating_sub(left.width() + right.width());
    lines.push(vec![span(
        format!("{left}{}{right}", " ".repeat(gap)),
        Style::Title,
    )]);

    let body_height = height - 4;
    let mut body = match (&app.mode, app.card()) {
        (Mode::Help, _) => help_body(app),
        (Mode::Choose(ch), _) => chooser_body(app, ch, body_height, colour),
        (_, Some(card)) => card_body(app, card, width, body_height, colour),
        (_, None) => {
            let decided = app
                .outcomes
                .iter()
                .filter(|o| !o.is_empty() && o.iter().any(|x| x != "skipped"))
                .count();
            let skipped = app
                .outcomes
                .iter()
                .filter(|o| o.iter().all(|x| x == "skipped") && !o.is_empty())
                .count();
            vec![
                Vec::new(),
                plain(format!(
                    "  That was the last item: {decided} decided, {skipped} skipped."
                )),
                plain("  Every decision is saved. b goes back, q quits."),
            ]
        }
    };
    body.truncate(body_height);
    while body.len() < body_height {
        body.push(Vec::new());
    }
    lines.extend(body);

    // Status line.
    lines.push(match &app.status {
        Some((tone, msg)) => {
            let style = match tone {
                Tone::Info => Style::Dim,
                Tone::Saved => Style::Saved,
                Tone::Problem => Style::Problem,
            };
            vec![span(msg.clone(), style)]
        }
        None => Vec::new(),
    });

    // Footer: two lines of keys, or the line being edited.
    let mut cursor = None;
    match &app.mode {
        Mode::Note(ed) => {
            let (l, col) = editor_line("Note: ", ed, width);
            cursor = Some((col, (height - 2) as u16));
            lines.push(l);
            lines.push(keys_line(&[
                ("Enter", "save"),
                ("Esc", "cancel"),
                ("←/→", "move"),
                ("Ctrl-U", "clear"),
            ]));
        }
        Mode::Choose(ch) => {
            let (l, col) = editor_line("Filter: ", &ch.filter, width);
            cursor = Some((col, (height - 2) as u16));
            lines.push(l);
            lines.push(keys_line(&[
                ("type", "to filter"),
                ("↑/↓", "choose"),
                ("Enter", "link"),
                ("Esc", "cancel"),
            ]));
        }
        Mode::Help => {
            lines.push(Vec::new());
            lines.push(keys_line(&[("any key", "back to the review")]));
        }
        Mode::Browse => {
            lines.push(verdict_keys(app, width));
            lines.push(keys_line(&[
                ("c", "confirm"),
                ("o", "other source"),
                ("n", "note"),
                ("space", "skip"),
                ("b", "back"),
                ("q", "quit"),
                ("?", "help"),
            ]));
        }
    }
    let lines = lines.into_iter().map(|l| clip(l, width)).collect();
    Screen { lines, cursor }
}

#[cfg(test)]
mod tests {
    use super::super::context::Passage;
    use super::super::model::{FindingLine, Queue, SourceLine, VerdictChoice};
    use super::super::state::{App, Key};
    use super::*;

    fn verdicts() -> Vec<VerdictChoice> {
        [
            "verified",
            "supported",
            "accepted-unverifiable",
            "needs-source",
            "disputed",
            "false",
        ]
        .iter()
        .map(|v| VerdictChoice {
            name: v.to_string(),
            meaning: format!("means {v}"),
        })
        .collect()
    }

    fn lavrov() -> Card {
        Card {
            target: None,
            anchor: None,
            name: "no-tariffs/q-2afe18ad".into(),
            kind: "quote".into(),
            location: "articles/no-tariffs.txt:55:2".into(),
            speaker: Some("Sergey Lavrov (Russian Foreign Minister), noted".into()),
            passage: Some(Passage {
                before: "Moscow prefers pragmatic dialogue rather than ideological confrontation. “".into(),
                focus: "Russia and the US… must do everything possible to prevent contradictions from escalating into confrontation,".into(),
                after: "” Lavrov noted. Such rhetoric resonates.".into(),
            }),
            text: String::new(),
            details: Vec::new(),
            findings: vec![FindingLine {
                severity: "warning".into(),
                rule: "uncited-claim".into(),
                message: "the quote has no explicit or venue link to a source".into(),
            }],
            linked: vec![SourceLine {
                id: "kommersant-2025".into(),
                label: "venue · no locator".into(),
            }],
            suggested: vec![SourceLine {
                id: "politico-2024-trump-and-nato".into(),
                label: "inferred 0.42".into(),
            }],
            notes: vec!["ask the author for the interview date".into()],
            stale_review: None,
            no_passage: None,
            linkable: true,
        }
    }

    fn app(cards: Vec<Card>) -> App {
        App::new(Queue {
            deck: Box::new(cards),
            verdicts: verdicts(),
            sources: vec![
                "kommersant-2025".into(),
                "politico-2024-trump-and-nato".into(),
            ],
        })
    }

    #[test]
    fn control_characters_from_the_dossier_never_reach_the_terminal() {
        let mut card = lavrov();
        card.notes = vec!["one\ntwo \u{1b}[41mRED\u{7}".into()];
        card.findings[0].message = "tab\there\r".into();
        let screen = render(&app(vec![card]), 80, 24, true);
        let text = screen.text().join("\n");
        assert!(text.contains("one two  [41mRED"), "{text}");
        for l in screen.text() {
            assert!(!l.contains(char::is_control), "{l:?}");
        }
    }

    fn fits(s: &Screen, w: usize, h: usize) {
        assert_eq!(s.lines.len(), h);
        for l in s.text() {
            assert!(l.width() <= w, "{} > {w}: {l:?}", l.width());
        }
    }

    #[test]
    fn a_claim_fits_80_by_24_with_everything_an_editor_needs() {
        let a = app(vec![lavrov()]);
        let s = render(&a, 80, 24, true);
        fits(&s, 80, 24);
        let t = s.text().join("\n");
        for want in [
            "1/1",
            "no-tariffs/q-2afe18ad",
            "articles/no-tariffs.txt:55:2",
            "Sergey Lavrov",
            "prevent contradictions",
            "Lavrov noted",
            "uncited-claim",
            "kommersant-2025",
            "politico-2024-trump-and-nato",
            "ask the author",
            "1 verified",
            "6 false",
            "c confirm",
            "q quit",
        ] {
            assert!(t.contains(want), "{want} missing from\n{t}");
        }
        // The claim's words carry the focus style; the words around them do not.
        let focus: String = s
            .lines
            .iter()
            .flatten()
            .filter(|sp| sp.style == Style::Focus)
            .map(|sp| sp.text.as_str())
            .collect();
        assert!(focus.starts_with("Russia and the US…"), "{focus}");
        assert!(!focus.contains("Lavrov noted"));
        assert!(!t.contains("<<"), "no markers when colour shows the focus");
    }

    #[test]
    fn a_claim_whose_article_changed_shows_its_recorded_words_and_why() {
        let mut c = lavrov();
        c.passage = None;
        c.text = "the words as extracted".into();
        c.no_passage = Some("the article no longer has these words here".into());
        let s = render(&app(vec![c]), 80, 24, true);
        let t = s.text().join("\n");
        assert!(t.contains("no longer has these words"), "{t}");
        let focus: String = s
            .lines
            .iter()
            .flatten()
            .filter(|sp| sp.style == Style::Focus)
            .map(|sp| sp.text.as_str())
            .collect();
        assert_eq!(focus, "the words as extracted");
    }

    #[test]
    fn without_colour_the_claim_is_marked_in_the_text() {
        let s = render(&app(vec![lavrov()]), 80, 24, false);
        let t = s.text().join(" ");
        assert!(t.contains("<<Russia and the US…"), "{t}");
        assert!(t.contains("confrontation,>>”"), "{t}");
    }

    #[test]
    fn a_small_terminal_keeps_the_claim_and_the_keys() {
        let mut long = lavrov();
        let p = long.passage.as_mut().unwrap();
        p.before = "Earlier words. ".repeat(40);
        p.after = " Later words.".repeat(40);
        for (w, h) in [(80, 24), (40, 12), (20, 8)] {
            let s = render(&app(vec![long.clone()]), w, h, true);
            fits(&s, w as usize, h as usize);
            let spans: Vec<&Span> = s.lines.iter().flatten().collect();
            assert!(
                spans.iter().any(|sp| sp.style == Style::Focus),
                "{w}x{h}: the claim is on screen"
            );
            let t = s.text();
            assert!(t[h as usize - 1].starts_with('c'), "{w}x{h}: {t:?}");
        }
    }

    #[test]
    fn a_tiny_window_asks_for_room_instead_of_garbling() {
        let s = render(&app(vec![lavrov()]), 15, 4, true);
        fits(&s, 15, 4);
        assert!(s.text()[0].starts_with("dossier review"), "{:?}", s.text());
        assert!(render(&app(vec![lavrov()]), 20, 8, true).text()[7].starts_with('c'));
    }

    #[test]
    fn the_verdict_keys_shrink_to_fit() {
        let a = app(vec![lavrov()]);
        let wide = verdict_keys(&a, 200);
        assert!(width_of(&wide) > 80);
        let narrow = verdict_keys(&a, 80);
        assert!(width_of(&narrow) <= 80);
        let t: String = narrow.iter().map(|s| s.text.as_str()).collect();
        for i in 1..=6 {
            assert!(t.contains(&format!("{i} ")), "{t}");
        }
    }

    #[test]
    fn modes_draw_their_own_footer_and_cursor() {
        let mut a = app(vec![lavrov()]);
        let mut be = super::super::model::Memory::default();
        a.handle(Key::Char('n'), &mut be);
        for c in "hello".chars() {
            a.handle(Key::Char(c), &mut be);
        }
        let s = render(&a, 80, 24, true);
        assert_eq!(s.text()[22], "Note: hello");
        assert_eq!(s.cursor, Some((11, 22)));
        a.handle(Key::Esc, &mut be);
        a.handle(Key::Char('o'), &mut be);
        a.handle(Key::Char('p'), &mut be);
        let s = render(&a, 80, 24, false);
        let t = s.text().join("\n");
        assert!(t.contains("> politico-2024-trump-and-nato"), "{t}");
        assert!(!t.contains("kommersant-2025"), "filtered out:\n{t}");
        a.handle(Key::Esc, &mut be);
        a.handle(Key::Char('?'), &mut be);
        let t = render(&a, 80, 24, true).text().join("\n");
        assert!(
            t.contains("accepted-unverifiable") && t.contains("means disputed"),
            "{t}"
        );
    }

    #[test]
    fn long_notes_scroll_to_keep_the_cursor_on_screen() {
        let ed = LineEditor {
            text: "x".repeat(100).chars().collect(),
            cursor: 100,
        };
        let (l, col) = editor_line("Note: ", &ed, 40);
        assert!(width_of(&l) <= 40);
        assert!(usize::from(col) < 40);
    }

    #[test]
    fn the_end_screen_counts_what_was_done() {
        let mut a = app(vec![lavrov(), lavrov()]);
        let mut be = super::super::model::Memory::default();
        a.handle(Key::Char('1'), &mut be);
        a.handle(Key::Char(' '), &mut be);
        let t = render(&a, 80, 24, true).text().join("\n");
        assert!(t.contains("1 decided, 1 skipped"), "{t}");
    }

    #[test]
    fn wrapping_never_exceeds_the_width_even_for_long_words() {
        let parts = [span("a ".repeat(10) + &"x".repeat(50), Style::Plain)];
        for l in wrap(&parts, 20, 2) {
            assert!(width_of(&l) <= 20, "{l:?}");
        }
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
    }
}
