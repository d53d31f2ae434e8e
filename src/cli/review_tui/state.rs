//! The review session as a state machine: keys in, decisions out (through a [`Backend`]), and
//! everything the screen shows kept in [`App`]. No terminal here, so it is tested directly.

use super::model::{Backend, Card, Decision, Queue, SourceLine};
use std::collections::{BTreeMap, BTreeSet};

/// A key, as the review understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    Tab,
    /// Ctrl-C: leave at once, from anywhere.
    Interrupt,
    /// Ctrl-U: clear the line being edited.
    ClearLine,
}

/// A line being edited (a note, or the chooser's filter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    pub text: Vec<char>,
    /// Cursor position, in characters.
    pub cursor: usize,
}

impl LineEditor {
    pub fn value(&self) -> String {
        self.text.iter().collect()
    }

    /// Apply an editing key; returns false for keys the editor does not handle.
    fn edit(&mut self, key: Key) -> bool {
        match key {
            Key::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += 1;
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.cursor);
            }
            Key::Delete if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
            }
            Key::Left => self.cursor = self.cursor.saturating_sub(1),
            Key::Right => self.cursor = (self.cursor + 1).min(self.text.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.text.len(),
            Key::ClearLine => *self = LineEditor::default(),
            Key::Backspace | Key::Delete => {}
            _ => return false,
        }
        true
    }
}

/// Picking a source: a filter typed by the editor and a highlighted row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chooser {
    pub filter: LineEditor,
    pub selected: usize,
    /// When set, only these ids are offered (the card's suggestions).
    pub only: Option<Vec<String>>,
}

/// What the screen is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Help,
    Note(LineEditor),
    Choose(Chooser),
}

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Saved,
    Problem,
}

/// The review session.
pub struct App {
    pub queue: Queue,
    /// The card shown; `queue.deck.len()` is the end screen.
    pub pos: usize,
    /// The card shown and those this session changed (notes, links), by position; any other
    /// card is dealt again from the deck when it is shown, so memory does not grow with the
    /// cards an editor steps through.
    pub shown: BTreeMap<usize, Card>,
    /// The positions of the cards this session changed.
    changed: BTreeSet<usize>,
    /// What was decided about each card in this session, in words.
    pub outcomes: Vec<Vec<String>>,
    pub mode: Mode,
    pub status: Option<(Tone, String)>,
    pub done: bool,
}

impl App {
    pub fn new(queue: Queue) -> App {
        let n = queue.deck.len();
        let mut app = App {
            queue,
            pos: 0,
            shown: BTreeMap::new(),
            changed: BTreeSet::new(),
            outcomes: vec![Vec::new(); n],
            mode: Mode::Browse,
            status: None,
            done: false,
        };
        app.deal();
        app
    }

    /// Make the card at the current position, unless it is at hand; let go of the others
    /// this session did not change.
    fn deal(&mut self) {
        let (pos, changed) = (self.pos, &self.changed);
        self.shown.retain(|k, _| *k == pos || changed.contains(k));
        if self.pos < self.queue.deck.len() && !self.shown.contains_key(&self.pos) {
            let card = self.queue.deck.card(self.pos);
            self.shown.insert(self.pos, card);
        }
    }

    pub fn card(&self) -> Option<&Card> {
        self.shown.get(&self.pos)
    }

    /// The source ids the chooser offers under its current filter.
    pub fn choices(&self, chooser: &Chooser) -> Vec<String> {
        let filter = chooser.filter.value().to_lowercase();
        let pool: &[String] = chooser.only.as_deref().unwrap_or(&self.queue.sources);
        pool.iter()
            .filter(|id| id.to_lowercase().contains(filter.trim()))
            .cloned()
            .collect()
    }

    fn say(&mut self, tone: Tone, msg: impl Into<String>) {
        self.status = Some((tone, msg.into()));
    }

    fn move_to(&mut self, pos: usize) {
        self.pos = pos.min(self.queue.deck.len());
        self.status = None;
        self.deal();
    }

    /// Record a decision about the current card; returns whether it was saved.
    fn decide(&mut self, backend: &mut dyn Backend, decision: Decision) -> bool {
        let Some(card) = self.shown.get(&self.pos) else {
            return false;
        };
        match backend.apply(self.pos, card, &decision) {
            Ok(msg) => {
                let what = match &decision {
                    Decision::Verdict(v) => format!("verdict {v}"),
                    Decision::Link(s) => format!("linked {s}"),
                    Decision::Note(_) => "note".to_string(),
                };
                self.outcomes[self.pos].push(what);
                // Keep the card in step with what was saved.
                let Some(card) = self.shown.get_mut(&self.pos) else {
                    return true;
                };
                if !matches!(decision, Decision::Verdict(_)) {
                    self.changed.insert(self.pos);
                }
                match &decision {
                    Decision::Link(s) => {
                        card.suggested.retain(|l| &l.id != s);
                        if !card.linked.iter().any(|l| &l.id == s) {
                            card.linked.push(SourceLine {
                                id: s.clone(),
                                label: "manual, confirmed now".into(),
                            });
                        }
                    }
                    Decision::Note(n) => card.notes.push(n.clone()),
                    Decision::Verdict(_) => {}
                }
                self.say(Tone::Saved, msg);
                true
            }
            Err(e) => {
                self.say(Tone::Problem, format!("not saved: {e}"));
                false
            }
        }
    }

    /// Handle one key.
    pub fn handle(&mut self, key: Key, backend: &mut dyn Backend) {
        if key == Key::Interrupt {
            self.done = true;
            return;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => self.browse(key, backend),
            Mode::Help => {
                // Any key leaves the help; `q` still quits.
                if key == Key::Char('q') {
                    self.done = true;
                }
            }
            Mode::Note(mut ed) => match key {
                Key::Enter => {
                    let note = ed.value().trim().to_string();
                    if note.is_empty() {
                        self.say(Tone::Info, "empty note not saved");
                    } else {
                        self.decide(backend, Decision::Note(note));
                    }
                }
                Key::Esc => self.say(Tone::Info, "note discarded"),
                k => {
                    ed.edit(k);
                    self.mode = Mode::Note(ed);
                }
            },
            Mode::Choose(mut ch) => match key {
                Key::Esc => self.say(Tone::Info, "no source chosen"),
                Key::Enter => {
                    let choices = self.choices(&ch);
                    match choices.get(ch.selected) {
                        Some(id) => {
                            let id = id.clone();
                            self.decide(backend, Decision::Link(id));
                        }
                        None => {
                            self.say(Tone::Problem, "no source matches; Esc to cancel");
                            self.mode = Mode::Choose(ch);
                        }
                    }
                }
                Key::Up => {
                    ch.selected = ch.selected.saturating_sub(1);
                    self.mode = Mode::Choose(ch);
                }
                Key::Down | Key::Tab => {
                    let n = self.choices(&ch).len();
                    if ch.selected + 1 < n {
                        ch.selected += 1;
                    }
                    self.mode = Mode::Choose(ch);
                }
                k => {
                    if ch.filter.edit(k) {
                        ch.selected = 0;
                    }
                    self.mode = Mode::Choose(ch);
                }
            },
        }
    }

    fn browse(&mut self, key: Key, backend: &mut dyn Backend) {
        let at_end = self.pos >= self.queue.deck.len();
        match key {
            Key::Char('q') => self.done = true,
            // Not a way out: over a slow link an arrow key can arrive as a lone Esc.
            Key::Esc => self.say(Tone::Info, "q quits; every decision is already saved"),
            Key::Char('?') | Key::Char('h') => self.mode = Mode::Help,
            Key::Char(' ') | Key::Right | Key::Char('j') | Key::Tab if !at_end => {
                if self.outcomes[self.pos].is_empty() {
                    self.outcomes[self.pos].push("skipped".into());
                }
                self.move_to(self.pos + 1);
            }
            Key::Char('b') | Key::Left | Key::Char('k') | Key::Backspace => {
                if self.pos == 0 {
                    self.say(Tone::Info, "this is the first item");
                } else {
                    self.move_to(self.pos - 1);
                }
            }
            _ if at_end => self.say(Tone::Info, "end of the queue: b to go back, q to quit"),
            Key::Char(c @ '1'..='9') => {
                let i = (c as usize) - ('1' as usize);
                match self.queue.verdicts.get(i) {
                    Some(v) => {
                        let name = v.name.clone();
                        if self.decide(backend, Decision::Verdict(name)) {
                            let msg = self.status.clone();
                            self.move_to(self.pos + 1);
                            self.status = msg;
                        }
                    }
                    None => self.say(Tone::Info, format!("no verdict on key {c}; ? for help")),
                }
            }
            Key::Char('c') => self.confirm_suggestion(backend),
            Key::Char('o') => {
                if self.card().is_some_and(|c| c.linkable) {
                    if self.queue.sources.is_empty() {
                        self.say(Tone::Info, "the dossier has no source entries yet");
                    } else {
                        self.mode = Mode::Choose(Chooser::default());
                    }
                } else {
                    self.say(Tone::Info, "a source entry is not linked to sources");
                }
            }
            Key::Char('n') => self.mode = Mode::Note(LineEditor::default()),
            _ => self.say(Tone::Info, "unknown key; ? for help"),
        }
    }

    fn confirm_suggestion(&mut self, backend: &mut dyn Backend) {
        let Some(card) = self.card() else { return };
        if !card.linkable {
            self.say(Tone::Info, "a source entry is not linked to sources");
            return;
        }
        let ids: Vec<String> = card.suggested.iter().map(|s| s.id.clone()).collect();
        match ids.as_slice() {
            [] => self.say(Tone::Info, "no suggested source; o picks any source"),
            [one] => {
                let one = one.clone();
                self.decide(backend, Decision::Link(one));
            }
            _ => {
                self.mode = Mode::Choose(Chooser {
                    only: Some(ids),
                    ..Chooser::default()
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Memory, VerdictChoice};
    use super::*;

    fn card(name: &str, suggested: &[&str]) -> Card {
        Card {
            name: name.into(),
            kind: "quote".into(),
            linkable: true,
            suggested: suggested
                .iter()
                .map(|s| SourceLine {
                    id: s.to_string(),
                    label: "inferred".into(),
                })
                .collect(),
            ..Card::default()
        }
    }

    fn app() -> App {
        App::new(Queue {
            deck: Box::new(vec![
                card("a/q-1", &["s1"]),
                card("a/q-2", &["s1", "s2"]),
                card("b/q-3", &[]),
            ]),
            verdicts: ["verified", "supported", "false"]
                .iter()
                .map(|v| VerdictChoice {
                    name: v.to_string(),
                    meaning: String::new(),
                })
                .collect(),
            sources: vec!["s1".into(), "s2".into(), "kommersant-2025".into()],
        })
    }

    fn keys(app: &mut App, be: &mut Memory, ks: &[Key]) {
        for k in ks {
            app.handle(*k, be);
        }
    }

    fn typed(s: &str) -> Vec<Key> {
        s.chars().map(Key::Char).collect()
    }

    #[test]
    fn a_verdict_is_saved_and_moves_on() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('2')]);
        assert_eq!(be.log, [(0, Decision::Verdict("supported".into()))]);
        assert_eq!(a.pos, 1);
        assert_eq!(a.outcomes[0], ["verdict supported"]);
        keys(&mut a, &mut be, &[Key::Char('9')]);
        assert_eq!(be.log.len(), 1, "an unassigned digit decides nothing");
        assert_eq!(a.pos, 1);
    }

    #[test]
    fn skip_back_and_the_end_of_the_queue() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('b')]);
        assert_eq!(a.pos, 0);
        keys(
            &mut a,
            &mut be,
            &[Key::Char(' '), Key::Right, Key::Char(' ')],
        );
        assert_eq!(a.pos, 3, "past the last card: the end screen");
        keys(&mut a, &mut be, &[Key::Char('1')]);
        assert!(be.log.is_empty(), "nothing to decide on the end screen");
        keys(&mut a, &mut be, &[Key::Left]);
        assert_eq!(a.pos, 2);
        assert_eq!(a.outcomes[0], ["skipped"]);
        assert!(!a.done);
        keys(&mut a, &mut be, &[Key::Char('q')]);
        assert!(a.done && be.log.is_empty());
    }

    #[test]
    fn one_suggestion_is_confirmed_at_once_several_open_the_chooser() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('c')]);
        assert_eq!(be.log, [(0, Decision::Link("s1".into()))]);
        assert!(a.shown[&0].suggested.is_empty());
        assert_eq!(a.shown[&0].linked[0].id, "s1");
        assert_eq!(a.pos, 0, "a link keeps the card, for its verdict");
        keys(&mut a, &mut be, &[Key::Char(' '), Key::Char('c')]);
        assert!(
            matches!(&a.mode, Mode::Choose(c) if c.only.as_deref() == Some(&["s1".to_string(), "s2".to_string()][..]))
        );
        keys(&mut a, &mut be, &[Key::Down, Key::Enter]);
        assert_eq!(be.log[1], (1, Decision::Link("s2".into())));
        assert_eq!(a.mode, Mode::Browse);
    }

    #[test]
    fn the_chooser_filters_as_the_editor_types() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('o')]);
        keys(&mut a, &mut be, &typed("KOMM"));
        let Mode::Choose(ch) = &a.mode else {
            panic!("{:?}", a.mode)
        };
        assert_eq!(a.choices(ch), ["kommersant-2025"]);
        keys(&mut a, &mut be, &typed("zzz"));
        keys(&mut a, &mut be, &[Key::Enter]);
        assert!(be.log.is_empty(), "nothing matches, nothing linked");
        keys(&mut a, &mut be, &[Key::Esc]);
        assert_eq!(a.mode, Mode::Browse);
        keys(
            &mut a,
            &mut be,
            &[Key::Char('o'), Key::Char('2'), Key::Enter],
        );
        assert_eq!(
            be.log,
            [(0, Decision::Link("s2".into()))],
            "digits filter too"
        );
    }

    #[test]
    fn only_the_card_shown_and_the_cards_changed_are_kept_in_memory() {
        let mut a = app();
        let mut be = Memory::default();
        keys(&mut a, &mut be, &[Key::Char('n')]);
        keys(&mut a, &mut be, &typed("ask"));
        keys(
            &mut a,
            &mut be,
            &[Key::Enter, Key::Char(' '), Key::Char(' ')],
        );
        assert_eq!(a.shown.keys().copied().collect::<Vec<_>>(), [0, 2]);
        // Back to the second card: dealt again from the deck; the first kept its note.
        keys(&mut a, &mut be, &[Key::Left]);
        assert_eq!(a.shown.keys().copied().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(a.card().unwrap().name, "a/q-2");
        keys(&mut a, &mut be, &[Key::Left]);
        assert_eq!(a.card().unwrap().notes, ["ask"]);
    }

    #[test]
    fn notes_are_edited_on_one_line_and_saved_on_enter() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('n')]);
        keys(&mut a, &mut be, &typed("chek wording"));
        keys(
            &mut a,
            &mut be,
            &[Key::Home, Key::Right, Key::Right, Key::Right],
        );
        keys(
            &mut a,
            &mut be,
            &[Key::Char('c'), Key::End, Key::Backspace, Key::Char('G')],
        );
        // `q` while typing is text, not quit.
        keys(&mut a, &mut be, &[Key::Char('q'), Key::Enter]);
        assert!(!a.done);
        assert_eq!(be.log, [(0, Decision::Note("check wordinGq".into()))]);
        assert_eq!(a.shown[&0].notes, ["check wordinGq"]);
        keys(&mut a, &mut be, &[Key::Char('n'), Key::Char('x'), Key::Esc]);
        keys(
            &mut a,
            &mut be,
            &[Key::Char('n'), Key::Char(' '), Key::Enter],
        );
        assert_eq!(be.log.len(), 1, "cancelled and blank notes are not saved");
    }

    #[test]
    fn a_failed_save_is_shown_and_the_card_stays() {
        let (mut a, mut be) = (app(), Memory::default());
        be.fail = Some("locked by another dossier process".into());
        keys(&mut a, &mut be, &[Key::Char('1')]);
        assert_eq!(a.pos, 0);
        let (tone, msg) = a.status.clone().unwrap();
        assert_eq!(tone, Tone::Problem);
        assert!(msg.contains("locked by another"), "{msg}");
        assert!(a.outcomes[0].is_empty());
    }

    #[test]
    fn help_and_interrupt() {
        let (mut a, mut be) = (app(), Memory::default());
        keys(&mut a, &mut be, &[Key::Char('?')]);
        assert_eq!(a.mode, Mode::Help);
        keys(&mut a, &mut be, &[Key::Char('1')]);
        assert_eq!(a.mode, Mode::Browse);
        assert!(
            be.log.is_empty(),
            "a key that closes the help does nothing else"
        );
        keys(&mut a, &mut be, &[Key::Esc]);
        assert!(!a.done, "a stray Esc does not end the review");
        keys(&mut a, &mut be, &[Key::Char('n'), Key::Interrupt]);
        assert!(a.done);
    }
}
