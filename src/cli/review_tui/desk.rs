//! The review on a real dossier: cards built from the desk's queue (and the audit, for each
//! claim's links and suggestions), decisions recorded through [`Desk`] — each one a locked,
//! atomic write of the one file it concerns.

use super::deck::{remember, Articles, Made, Remembered};
use super::model::{
    Anchor, Backend, Card, Decision, FindingLine, Queue, SourceLine, VerdictChoice,
};
use dossier::check::Config;
use dossier::model::review::{Review, Verdict};
use dossier::model::Claim;
use dossier::report::audit::{self, how_label, Filter};
use dossier::review::{Change, Desk, QueueItem, Target};
use dossier::store::cache::Cache;
use dossier::store::load::{LoadedClaims, LoadedDossier};
use dossier::store::memo::Memo;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Records decisions through the desk, as `by` on `date`. Its messages are short: the title
/// bar already names the item.
pub struct DeskBackend {
    pub desk: Desk,
    pub by: String,
    pub date: String,
    /// Set once a decision is saved: the queue being remembered no longer matches the files.
    pub decided: Arc<AtomicBool>,
}

/// The desk's key for `not-a-claim` on a claim and `not-a-source` on a source entry.
const REJECT: &str = "reject";

impl Backend for DeskBackend {
    fn apply(&mut self, index: usize, card: &Card, decision: &Decision) -> Result<String, String> {
        let target = card
            .target
            .as_ref()
            .ok_or_else(|| format!("queue item {} cannot be decided here", index + 1))?;
        let saved = self.record(target, decision);
        if saved.is_ok() {
            self.decided.store(true, Ordering::Relaxed);
        }
        saved
    }
}

impl DeskBackend {
    fn record(&mut self, target: &Target, decision: &Decision) -> Result<String, String> {
        match decision {
            Decision::Verdict(name) => {
                // One key rejects whatever the item is: a claim as no claim, a source entry as
                // no source.
                let verdict = match (name.as_str(), target) {
                    (REJECT, Target::Claim(_)) => Verdict::NotAClaim,
                    (REJECT, Target::Source { .. }) => Verdict::NotASource,
                    _ => {
                        Verdict::from_name(name).ok_or_else(|| format!("unknown verdict {name}"))?
                    }
                };
                let r = self
                    .desk
                    .set_review(target, Review::new(verdict, &self.by, &self.date))
                    .map_err(|e| e.to_string())?;
                Ok(format!("saved: {} ({}, {})", r.verdict, r.by, r.date))
            }
            Decision::Link(source) => {
                let Target::Claim(claim) = target else {
                    return Err("a source entry is not linked to sources".into());
                };
                match self.desk.link(claim, source, &self.by, &self.date, None) {
                    Ok(Change::Recorded) => Ok(format!("saved: linked to {source}")),
                    Ok(Change::Unchanged) => Ok(format!("already linked to {source}")),
                    Err(e) => Err(e.to_string()),
                }
            }
            Decision::Note(note) => {
                self.desk
                    .add_note(target, note)
                    .map_err(|e| e.to_string())?;
                Ok("saved: note".to_string())
            }
        }
    }
}

/// What the memo of the interactive review's queue is called, with the deck's version.
const MEMO: (&str, &str) = ("review", "deck 1");

/// The queue, and the thread remembering it for the next review (when it was made now and
/// can be remembered), which stops early once `decided` is set.
pub fn open(
    desk: &Desk,
    config: &Config,
    decided: &Arc<AtomicBool>,
) -> (Queue, Option<JoinHandle<()>>) {
    // Stamped before anything is read: a file changed from here on is a different memo.
    let memo = Memo::new(&Cache::new(&desk.dossier, desk.cache), MEMO.0, MEMO.1);
    let articles = || Articles::new(desk.dossier.clone());
    if let Some(hit) = memo.hit() {
        if let Some((deck, sources)) = Remembered::open(hit, articles()) {
            let queue = Queue {
                deck: Box::new(deck),
                verdicts: verdicts(),
                sources,
            };
            return (queue, None);
        }
    }
    // One load and check for the queue and the cards: links with the state of their source
    // entries come from the same audit the queue is ordered by.
    let view = desk.view(config);
    let loaded = &view.loaded;
    let jobs = dossier::par::default_jobs();
    let mut audit = audit::build(loaded, &view.result, &Filter::default(), jobs).ok();
    let items = audit
        .as_mut()
        .map(|a| dossier::review::queue_of(loaded, std::mem::take(&mut a.worklist)))
        .unwrap_or_default();
    let index = Index::new(loaded, audit.as_ref());
    // Each card is made from the index alone, so they are made on every core.
    let cards = Arc::new(dossier::par::map(&items, jobs, |item| card(&index, item)));
    drop(index);
    let sources: Vec<String> = loaded.sources.keys().cloned().collect();
    let remembering = memo.writer().map(|writer| {
        let (cards, sources, read) = (cards.clone(), sources.clone(), loaded.named_files());
        let decided = decided.clone();
        std::thread::spawn(move || remember(writer, &cards, &sources, &read, &decided))
    });
    // The loaded dossier and the audit are no longer needed; on a large dossier freeing them
    // takes a second, which the first screen need not wait for.
    std::thread::spawn(move || drop((audit, view, items)));
    let queue = Queue {
        deck: Box::new(Made {
            cards,
            reader: articles(),
        }),
        verdicts: verdicts(),
        sources,
    };
    (queue, remembering)
}

/// The verdicts the review offers, rejection as one choice.
fn verdicts() -> Vec<VerdictChoice> {
    Verdict::ALL
        .iter()
        .filter(|v| !v.rejects())
        .map(|v| VerdictChoice {
            name: v.as_str().to_string(),
            meaning: v.meaning().to_string(),
        })
        .chain(std::iter::once(VerdictChoice {
            name: REJECT.to_string(),
            meaning: "not a claim (not-a-claim) or not a source (not-a-source): extract was wrong"
                .to_string(),
        }))
        .collect()
}

/// Where each card finds its claim, its audited links and its source entry: looked up by key
/// once for the whole queue, not by a scan of every file per card (quadratic: minutes on a
/// dossier of 10,000 articles). Where a key occurs twice, the first occurrence counts.
struct Index<'a> {
    loaded: &'a LoadedDossier,
    claims: HashMap<(&'a str, &'a str), (&'a LoadedClaims, &'a Claim)>,
    audited: HashMap<(&'a str, &'a str), &'a audit::ClaimAudit>,
    sources: HashMap<&'a str, &'a audit::SourceAudit>,
}

impl<'a> Index<'a> {
    fn new(loaded: &'a LoadedDossier, audit: Option<&'a audit::Audit>) -> Index<'a> {
        let mut claims = HashMap::new();
        for f in &loaded.claims {
            for c in &f.data.claims {
                claims
                    .entry((f.file.as_str(), c.id.as_str()))
                    .or_insert((f, c));
            }
        }
        let mut audited = HashMap::new();
        let mut sources = HashMap::new();
        if let Some(a) = audit {
            let mut articles = std::collections::HashSet::new();
            for art in &a.articles {
                // Only an article's first appearance counts, as `find` would have it.
                if !articles.insert(art.slug.as_str()) {
                    continue;
                }
                for c in &art.claims {
                    audited
                        .entry((art.slug.as_str(), c.id.as_str()))
                        .or_insert(c);
                }
            }
            for s in &a.sources {
                sources.entry(s.id.as_str()).or_insert(s);
            }
        }
        Index {
            loaded,
            claims,
            audited,
            sources,
        }
    }
}

fn card(index: &Index, item: &QueueItem) -> Card {
    let findings = item
        .findings
        .iter()
        .map(|f| FindingLine {
            severity: f.severity.as_str().to_string(),
            rule: f.rule.code().to_string(),
            message: f.message.clone(),
        })
        .collect();
    let stale_review = item
        .stale_review
        .as_ref()
        .map(|r| format!("{} ({}, {})", r.verdict, r.by, r.date));
    match &item.target {
        Target::Claim(c) => {
            let found = index.claims.get(&(c.file.as_str(), c.id.as_str()));
            let mut card = Card {
                target: Some(item.target.clone()),
                name: c.to_string(),
                kind: "claim".into(),
                location: c.file.clone(),
                findings,
                stale_review,
                linkable: true,
                text: item.excerpt.clone().unwrap_or_default(),
                ..Card::default()
            };
            if let Some((file, claim)) = found {
                let path = &file.data.article.path;
                card.kind = claim.kind.as_str().to_string();
                card.location = format!("{path}:{}:{}", claim.line, claim.column);
                card.text = claim.text.clone();
                card.notes = claim.notes.clone();
                card.speaker = claim.speaker.as_ref().map(|s| {
                    let mut who = s.clone();
                    if let Some(r) = &claim.role {
                        who.push_str(&format!(" ({r})"));
                    }
                    if let Some(cue) = &claim.cue {
                        who.push_str(&format!(", {cue}"));
                    }
                    who
                });
                // The passage is read from the article when the card is shown.
                card.anchor = Some(Anchor {
                    article: path.clone(),
                    start: claim.start,
                    end: claim.end,
                    vanished: claim.vanished,
                });
            }
            if let Some(ca) = index.audited.get(&(c.article.as_str(), c.id.as_str())) {
                for l in &ca.links {
                    let line = SourceLine {
                        id: l.source.clone(),
                        label: match l.score {
                            Some(s) if !l.confirmed => format!("{} {s:.2}", how_label(l.how)),
                            _ => format!("{} · {}", how_label(l.how), l.source_state.label()),
                        },
                    };
                    if l.confirmed {
                        card.linked.push(line);
                    } else {
                        card.suggested.push(line);
                    }
                }
            }
            card
        }
        Target::Source { id } => {
            let mut details = Vec::new();
            if let Some(s) = index.sources.get(id.as_str()) {
                let mut field = |name: &str, v: Option<&String>| {
                    details.push(format!("{name}: {}", v.map_or("(none)", |s| s.as_str())));
                };
                field("title", s.title.as_ref());
                field("date", s.date.as_ref());
                field("publisher", s.publisher.as_ref());
                field("url", s.url.as_ref());
                if s.archive_url.is_some() {
                    field("archive-url", s.archive_url.as_ref());
                }
                if !s.authors.is_empty() {
                    details.push(format!("author: {}", s.authors.join("; ")));
                }
                if !s.cited_as.is_empty() {
                    details.push(format!("cited as: {}", s.cited_as.join(" | ")));
                }
                if !s.cited_by.is_empty() {
                    details.push(format!("cited by: {}", s.cited_by.join(", ")));
                }
            }
            if details.is_empty() {
                details.push("(the entry cannot be read)".into());
            }
            Card {
                target: Some(item.target.clone()),
                name: id.clone(),
                kind: "source".into(),
                location: format!("sources/{id}.yaml"),
                details,
                findings,
                stale_review,
                notes: index
                    .loaded
                    .sources
                    .get(id)
                    .map(|s| s.data.notes.clone())
                    .unwrap_or_default(),
                linkable: false,
                ..Card::default()
            }
        }
    }
}
