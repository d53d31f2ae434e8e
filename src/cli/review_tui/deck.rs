//! Where the review's cards come from: made from the dossier ([`Made`]), or read back one at
//! a time from the queue a previous review remembered ([`Remembered`]) when no file changed
//! since, so that a large dossier shows its first card without loading anything. Either way a
//! card's passage is read from its article when the card is dealt.
//!
//! A remembered queue is a run memo ([`dossier::store::memo`]) whose output is the deck:
//!
//! ```text
//! MAGIC  header length (u64 LE)  header (JSON: the source ids)
//! card 0 (JSON) card 1 ...       offsets of the cards (u64 LE each)
//! number of cards (u64 LE)       offset of the offsets (u64 LE)
//! ```
//!
//! A deck that does not have that shape is not used; the queue is made again.

use super::context::passage;
use super::model::{Card, Deck};
use dossier::store::memo::{Hit, MemoWriter};
use dossier::store::Dossier;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The first bytes of a remembered deck (and its format's version).
const MAGIC: &[u8] = b"dossier review deck 1\n";

/// Cards made from the loaded dossier, without their passages.
pub struct Made {
    pub cards: Arc<Vec<Card>>,
    pub reader: Articles,
}

impl Deck for Made {
    fn len(&self) -> usize {
        self.cards.len()
    }
    fn card(&mut self, index: usize) -> Card {
        let mut card = self.cards.get(index).cloned().unwrap_or_default();
        self.reader.show(&mut card);
        card
    }
}

/// Reads the article of each card dealt (the last one kept: neighbouring cards are mostly
/// about the same article) and puts the claim's passage on the card.
pub struct Articles {
    dossier: Dossier,
    last: Option<(String, Option<String>)>,
}

impl Articles {
    pub fn new(dossier: Dossier) -> Articles {
        Articles {
            dossier,
            last: None,
        }
    }

    /// Fill in the passage of a card about a claim, from its article as it is now: only when
    /// the article still has the claim's words at their anchor; otherwise say why not.
    pub fn show(&mut self, card: &mut Card) {
        let Some(at) = &card.anchor else {
            return;
        };
        if self
            .last
            .as_ref()
            .is_none_or(|(path, _)| *path != at.article)
        {
            let text = dossier::store::load::article_text(&self.dossier, &at.article).ok();
            self.last = Some((at.article.clone(), text));
        }
        let text = self.last.as_ref().and_then(|(_, t)| t.as_deref());
        card.passage = text.and_then(|text| {
            (!at.vanished && text.get(at.start..at.end) == Some(card.text.as_str()))
                .then(|| passage(text, at.start, at.end))
                .flatten()
        });
        card.no_passage = card.passage.is_none().then(|| {
            if at.vanished {
                "these words are gone from the article; the claim is kept for the editor's work on it".into()
            } else if text.is_some() {
                "the article no longer has these words here; `dossier extract` re-anchors them"
                    .into()
            } else {
                format!("{} cannot be read; the words as recorded:", at.article)
            }
        });
    }
}

/// Write `cards` and `sources` to `memo` as a deck, and store it, unless `abandon` is set
/// first (a decision was saved: the deck no longer matches the files, and would never be
/// used). `read` lists the files outside the dossier's folders the queue was made from.
pub fn remember(
    mut memo: MemoWriter,
    cards: &[Card],
    sources: &[String],
    read: &[String],
    abandon: &AtomicBool,
) {
    let Ok(header) = serde_json::to_vec(sources) else {
        return;
    };
    let mut buf = Vec::with_capacity(1 << 20);
    buf.extend_from_slice(MAGIC);
    buf.extend_from_slice(&(header.len() as u64).to_le_bytes());
    buf.extend_from_slice(&header);
    let mut at = buf.len() as u64;
    let mut offsets = Vec::with_capacity(cards.len());
    for card in cards {
        if abandon.load(Ordering::Relaxed) {
            return;
        }
        let before = buf.len();
        offsets.push(at);
        if serde_json::to_writer(&mut buf, card).is_err() {
            return;
        }
        at += (buf.len() - before) as u64;
        if buf.len() >= 1 << 20 {
            memo.add(&buf);
            buf.clear();
        }
    }
    for o in &offsets {
        buf.extend_from_slice(&o.to_le_bytes());
    }
    buf.extend_from_slice(&(cards.len() as u64).to_le_bytes());
    buf.extend_from_slice(&at.to_le_bytes());
    memo.add(&buf);
    if !abandon.load(Ordering::Relaxed) {
        memo.finish(0, "", read);
    }
}

/// A deck read back from a remembered queue, one card at a time.
pub struct Remembered {
    file: File,
    /// Where each card starts in the file, and where the last one ends.
    offsets: Vec<u64>,
    reader: Articles,
}

impl Remembered {
    /// The remembered deck of `hit` and the source ids it holds, when it has the shape a
    /// deck has and its first card reads.
    pub fn open(hit: Hit, reader: Articles) -> Option<(Remembered, Vec<String>)> {
        let (file, len) = hit.into_file();
        Self::from_file(file, len, reader)
    }

    fn from_file(mut file: File, len: u64, reader: Articles) -> Option<(Remembered, Vec<String>)> {
        let mut head = vec![0u8; MAGIC.len() + 8];
        file.read_exact(&mut head).ok()?;
        if &head[..MAGIC.len()] != MAGIC {
            return None;
        }
        let header_len = u64::from_le_bytes(head[MAGIC.len()..].try_into().ok()?);
        let header_end = (head.len() as u64).checked_add(header_len)?;
        let tail_at = len.checked_sub(16)?;
        file.seek(SeekFrom::Start(tail_at)).ok()?;
        let mut tail = [0u8; 16];
        file.read_exact(&mut tail).ok()?;
        let n = u64::from_le_bytes(tail[..8].try_into().ok()?);
        let table_at = u64::from_le_bytes(tail[8..].try_into().ok()?);
        // The offsets fill exactly the space between the cards and the tail.
        if n.checked_mul(8)?.checked_add(table_at)? != tail_at || header_end > table_at {
            return None;
        }
        let mut table = vec![0u8; usize::try_from(n * 8).ok()?];
        file.seek(SeekFrom::Start(table_at)).ok()?;
        file.read_exact(&mut table).ok()?;
        let mut offsets: Vec<u64> = table
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        offsets.push(table_at);
        // Cards follow the header, one after another, none empty.
        if offsets.first().is_some_and(|&o| o != header_end)
            || offsets.windows(2).any(|w| w[0] >= w[1])
        {
            return None;
        }
        let mut header = vec![0u8; usize::try_from(header_len).ok()?];
        file.seek(SeekFrom::Start(MAGIC.len() as u64 + 8)).ok()?;
        file.read_exact(&mut header).ok()?;
        let sources: Vec<String> = serde_json::from_slice(&header).ok()?;
        let mut deck = Remembered {
            file,
            offsets,
            reader,
        };
        if deck.len() > 0 {
            deck.read(0)?;
        }
        Some((deck, sources))
    }

    fn read(&mut self, index: usize) -> Option<Card> {
        let (from, to) = (*self.offsets.get(index)?, *self.offsets.get(index + 1)?);
        let mut bytes = vec![0u8; usize::try_from(to.checked_sub(from)?).ok()?];
        self.file.seek(SeekFrom::Start(from)).ok()?;
        self.file.read_exact(&mut bytes).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

impl Deck for Remembered {
    fn len(&self) -> usize {
        self.offsets.len() - 1
    }
    fn card(&mut self, index: usize) -> Card {
        match self.read(index) {
            Some(mut card) => {
                self.reader.show(&mut card);
                card
            }
            // The memo was whole when the review opened; only damage since can do this.
            None => Card {
                name: format!("item {}", index + 1),
                kind: "unreadable".into(),
                no_passage: Some(
                    "the remembered queue cannot be read here: quit (q) and run `dossier review --no-cache`"
                        .into(),
                ),
                ..Card::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::review_tui::model::{Anchor, FindingLine};
    use dossier::review::Target;
    use std::io::Write;

    fn cards() -> Vec<Card> {
        (0..3)
            .map(|i| Card {
                target: Some(Target::Source {
                    id: format!("s{i}"),
                }),
                name: format!("a/q-{i}"),
                kind: "quote".into(),
                text: "The council voted 7 to 2.".into(),
                anchor: Some(Anchor {
                    article: "articles/a.txt".into(),
                    start: 6,
                    end: 31,
                    vanished: false,
                }),
                findings: vec![FindingLine {
                    severity: "warning".into(),
                    rule: "uncited-claim".into(),
                    message: format!("finding {i}"),
                }],
                ..Card::default()
            })
            .collect()
    }

    /// The bytes `remember` gives the memo, written through a real memo of a dossier in
    /// `dir`, and that memo found again.
    fn remembered(dir: &std::path::Path, cards: &[Card]) -> Option<(Remembered, Vec<String>)> {
        let dossier = Dossier {
            root: dir.to_path_buf(),
        };
        let cache = dossier::store::cache::Cache::new(&dossier, true);
        let memo = dossier::store::memo::Memo::new(&cache, "review test", "");
        let writer = memo.writer()?;
        let sources = vec!["s0".to_string(), "s1".to_string()];
        remember(writer, cards, &sources, &[], &AtomicBool::new(false));
        let memo = dossier::store::memo::Memo::new(&cache, "review test", "");
        Remembered::open(memo.hit()?, Articles::new(dossier))
    }

    fn dossier_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("articles")).unwrap();
        std::fs::write(
            dir.path().join("articles/a.txt"),
            "Intro.\n\nFirst. The council voted 7 to 2. Then.\n",
        )
        .unwrap();
        // Old enough that the memo is not refused as racily written.
        std::thread::sleep(std::time::Duration::from_millis(150));
        dir
    }

    #[test]
    fn a_remembered_deck_deals_the_same_cards_with_passages_from_the_article() {
        let dir = dossier_dir();
        // The anchor names where the words are now.
        let mut made = cards();
        for c in &mut made {
            c.anchor.as_mut().unwrap().start = 15;
            c.anchor.as_mut().unwrap().end = 40;
        }
        let (mut deck, sources) = remembered(dir.path(), &made).expect("the deck is remembered");
        assert_eq!(sources, ["s0", "s1"]);
        assert_eq!(deck.len(), 3);
        let mut fresh = Made {
            cards: Arc::new(made.clone()),
            reader: Articles::new(Dossier {
                root: dir.path().to_path_buf(),
            }),
        };
        for i in [2, 0, 1] {
            let card = deck.card(i);
            assert_eq!(card, fresh.card(i));
            assert_eq!(card.name, format!("a/q-{i}"));
            let p = card.passage.expect("the passage is read from the article");
            assert_eq!(p.focus, "The council voted 7 to 2.");
            assert_eq!(p.before, "First. ");
        }
    }

    #[test]
    fn words_no_longer_at_their_anchor_are_shown_as_recorded_with_the_reason() {
        let dir = dossier_dir();
        let mut reader = Articles::new(Dossier {
            root: dir.path().to_path_buf(),
        });
        let mut card = cards().remove(0);
        reader.show(&mut card);
        assert_eq!(card.passage, None);
        assert!(card
            .no_passage
            .unwrap()
            .contains("no longer has these words"));
        let mut gone = cards().remove(0);
        gone.anchor.as_mut().unwrap().article = "articles/missing.txt".into();
        reader.show(&mut gone);
        assert!(gone.no_passage.unwrap().contains("cannot be read"));
    }

    #[test]
    fn a_damaged_deck_is_not_used() {
        let dir = dossier_dir();
        let (deck, _) = remembered(dir.path(), &cards()).unwrap();
        // The deck ends 16 bytes after its offsets; the memo's own trailer follows.
        let body_len = *deck.offsets.last().unwrap() as usize + 3 * 8 + 16;
        let mut good = Vec::new();
        let mut file = deck.file;
        file.seek(SeekFrom::Start(0)).unwrap();
        file.read_to_end(&mut good).unwrap();
        let body = &good[..body_len];
        let open = |bytes: &[u8]| {
            let mut f = tempfile::tempfile().unwrap();
            f.write_all(bytes).unwrap();
            f.seek(SeekFrom::Start(0)).unwrap();
            let reader = Articles::new(Dossier {
                root: dir.path().to_path_buf(),
            });
            Remembered::from_file(f, bytes.len() as u64, reader).map(|(d, _)| d.len())
        };
        assert_eq!(open(body), Some(3));
        // Cut short, garbage, another version, offsets out of order, a first card that
        // does not parse.
        assert_eq!(open(&body[..body.len() - 1]), None);
        assert_eq!(open(b"not a deck at all, not a deck at all"), None);
        let mut other = body.to_vec();
        other[MAGIC.len() - 2] = b'2';
        assert_eq!(open(&other), None);
        let mut swapped = body.to_vec();
        let table = body_len - 16 - 3 * 8;
        swapped[table + 8..table + 16].copy_from_slice(&0u64.to_le_bytes());
        assert_eq!(open(&swapped), None);
        let mut bad = body.to_vec();
        let first = MAGIC.len() + 8 + br#"["s0","s1"]"#.len(); // the first card's `{`
        assert_eq!(bad[first], b'{');
        bad[first] = b']';
        assert_eq!(open(&bad), None);
    }
}
