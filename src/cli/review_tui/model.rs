//! What the interactive review shows and decides, independent of where decisions are stored:
//! a [`Card`] per queue entry, dealt by a [`Deck`] when it is shown, the [`Decision`]s an
//! editor can make, and the [`Backend`] that records them.

use super::context::Passage;
use dossier::review::Target;
use serde::{Deserialize, Serialize};

/// One entry of the review queue, as shown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Card {
    /// What a decision about the card is recorded on; `None` only in tests.
    pub target: Option<Target>,
    /// How the entry is named on the command line (`article/q-1a2b3c4d`, or a source id).
    pub name: String,
    /// `quote`, `reported`, `assertion`, or `source`.
    pub kind: String,
    /// Where it is: `articles/x.txt:55:2` for a claim, `sources/id.yaml` for a source.
    pub location: String,
    /// Who said it, in words (`Sergey Lavrov (Russian Foreign Minister), noted`).
    pub speaker: Option<String>,
    /// The claim in its article; `None` when the article cannot be shown. Filled in from
    /// [`Card::anchor`] when the card is dealt, not kept for every card of the queue.
    pub passage: Option<Passage>,
    /// Where the claim's words are in its article, to show the passage from.
    pub anchor: Option<Anchor>,
    /// The claim's recorded words, shown when there is no passage.
    pub text: String,
    /// Why there is no passage, when there is none for a claim.
    pub no_passage: Option<String>,
    /// For a source entry: its fields, one `name: value` per line.
    pub details: Vec<String>,
    /// Open findings, worklist order.
    pub findings: Vec<FindingLine>,
    /// Sources the claim is linked to (confirmed), and suggested (inferred) ones.
    pub linked: Vec<SourceLine>,
    pub suggested: Vec<SourceLine>,
    /// Editors' notes already recorded.
    pub notes: Vec<String>,
    /// A verdict given before the words changed (`stale-review`), in words.
    pub stale_review: Option<String>,
    /// Whether links can be made (claims yes, source entries no).
    pub linkable: bool,
}

/// Where a claim's recorded words stand in its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article, as its claim file records it (a path in the dossier).
    pub article: String,
    /// Byte offsets of the words in the article.
    pub start: usize,
    pub end: usize,
    /// The words are gone from the article (the claim is kept for the editor's work on it).
    pub vanished: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingLine {
    /// `error`, `warning`, `note`.
    pub severity: String,
    pub rule: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceLine {
    pub id: String,
    /// How it is linked and what the entry lacks (`venue · no locator`, `inferred 0.42`).
    pub label: String,
}

/// A verdict the editor can give: its name in files and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictChoice {
    pub name: String,
    pub meaning: String,
}

/// What the editor decided about a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Give a verdict (by name).
    Verdict(String),
    /// Confirm a source entry as a source of the claim.
    Link(String),
    /// Add a note.
    Note(String),
}

/// Where decisions are recorded. Each call saves at once (or fails and changes nothing).
pub trait Backend {
    /// Record `decision` about the card at `index` of the queue; returns a short
    /// confirmation for the status line.
    fn apply(&mut self, index: usize, card: &Card, decision: &Decision) -> Result<String, String>;
}

/// The cards of the queue, in order, each made (its passage read from the article) when it
/// is dealt: a queue of half a million entries shows its first card without making the rest.
pub trait Deck: Send {
    /// How many cards the queue has.
    fn len(&self) -> usize;
    /// The card at `index` (below [`Deck::len`]).
    fn card(&mut self, index: usize) -> Card;
}

/// Cards already made: the unit tests' deck.
impl Deck for Vec<Card> {
    fn len(&self) -> usize {
        <[Card]>::len(self)
    }
    fn card(&mut self, index: usize) -> Card {
        self.get(index).cloned().unwrap_or_default()
    }
}

/// Everything the review starts from.
pub struct Queue {
    pub deck: Box<dyn Deck>,
    pub verdicts: Vec<VerdictChoice>,
    /// Every source entry id, for the chooser.
    pub sources: Vec<String>,
}

/// An in-memory backend: records decisions in a list. Used by the unit tests.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Memory {
    pub log: Vec<(usize, Decision)>,
    /// Make every call fail with this message.
    pub fail: Option<String>,
}

#[cfg(test)]
impl Backend for Memory {
    fn apply(&mut self, index: usize, _card: &Card, decision: &Decision) -> Result<String, String> {
        if let Some(f) = &self.fail {
            return Err(f.clone());
        }
        self.log.push((index, decision.clone()));
        Ok(format!("saved {decision:?}"))
    }
}
