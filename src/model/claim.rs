//! Claim files: `claims/<slug>.yaml`.

use super::correction::{Correctable, Correction};
use super::review::{LinkDecision, Review};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimFile {
    /// The format version of the file, as `extract` wrote it; a file of a version this build
    /// does not know is refused, never rewritten in an older form.
    #[serde(deserialize_with = "known_version")]
    #[schemars(with = "u32")]
    pub version: u32,
    /// The article the file describes: its path, fingerprint and metadata.
    pub article: ArticleRecord,
    /// The article's references: the reference-list entries (`ref-N`) first, then the sources
    /// named in the text (`inline-N`).
    pub references: Vec<Reference>,
    /// The quotes, reported statements and assertions of the article, in text order, and
    /// those an editor added by hand.
    pub claims: Vec<Claim>,
}

/// Accept only a format version this build reads.
fn known_version<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v == super::FORMAT_VERSION {
        Ok(v)
    } else if v > super::FORMAT_VERSION {
        Err(serde::de::Error::custom(format!(
            "version {v} was written by a newer dossier (this one reads version {}); upgrade dossier to read or change this file",
            super::FORMAT_VERSION
        )))
    } else {
        Err(serde::de::Error::custom(format!(
            "unknown version {v} (this dossier reads version {})",
            super::FORMAT_VERSION
        )))
    }
}

/// The article a claim file describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecord {
    /// Path of the article, relative to the dossier root.
    pub path: String,
    /// `sha256:<hex>` of the article bytes at extraction time.
    pub fingerprint: String,
    /// The headline: a `Title:` line, a Markdown `#` heading near the top, or the first
    /// heading-like block; null when the article has none.
    pub title: Option<String>,
    /// The writer, from an `Author:` line, the byline, a credit line or a bio box; null when
    /// the article names none.
    pub author: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// The publication, from an `Outlet:` line, the byline, a republication notice or a
    /// copyright line; null when the article names none.
    pub outlet: Option<String>,
    /// Metadata fields the article does not give.
    #[serde(default)]
    pub missing: Vec<String>,
}

/// What kind of claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// Words in quotation marks attributed to someone.
    Quote,
    /// What someone said, in the writer's words ("Lavrov confirmed that …").
    Reported,
    /// A checkable statement of fact in the writer's own voice.
    Assertion,
}

impl ClaimKind {
    /// The kebab-case name used in claim files, on the command line and in JSON (`quote`,
    /// `reported`, `assertion`).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Reported => "reported",
            ClaimKind::Assertion => "assertion",
        }
    }

    /// The kind a name (`quote`, `reported`, `assertion`) gives; `None` for any other name.
    pub fn from_name(name: &str) -> Option<ClaimKind> {
        [ClaimKind::Quote, ClaimKind::Reported, ClaimKind::Assertion]
            .into_iter()
            .find(|k| k.as_str() == name)
    }

    /// The prefix of claim ids of this kind: `q` for a quote, `r` for reported speech, `a`
    /// for an assertion.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ClaimKind::Quote => "q",
            ClaimKind::Reported => "r",
            ClaimKind::Assertion => "a",
        }
    }
}

/// One claim, anchored in its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable id: derived from the kind and the words, so unrelated edits leave it alone.
    pub id: String,
    /// Whether the claim is a quote, reported speech or an assertion.
    pub kind: ClaimKind,
    /// Exactly the article's bytes at `start..end`.
    pub text: String,
    /// Who the words belong to: the fullest name the article gives, or its own description of
    /// an unnamed source; null only when the text names no one.
    pub speaker: Option<String>,
    /// The speaker's role when the article states it ("Russian Foreign Minister").
    pub role: Option<String>,
    /// The attribution words ("noted", "said in a statement").
    pub cue: Option<String>,
    /// Where the words were published, when the article says ("Kommersant").
    pub venue: Option<String>,
    /// Why an assertion counts as checkable (`date`, `number`, `named-actor`, `past-event`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// Oddities worth an editor's look (`unclosed-quote`, `multi-paragraph`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// 1-based line of `start` in the article.
    pub line: usize,
    /// 1-based column, in characters, of `start` on its line.
    pub column: usize,
    /// Byte offset in the article where the claim begins.
    pub start: usize,
    /// Byte offset in the article just past the claim's last byte.
    pub end: usize,
    /// Up to 40 characters of the article before the claim, for re-anchoring when the
    /// article changes.
    pub prefix: String,
    /// Up to 40 characters of the article after the claim, for re-anchoring when the article
    /// changes.
    pub suffix: String,
    /// Ids of the references this claim points to.
    #[serde(default)]
    pub cites: Vec<String>,
    /// An editor's verdict on the claim (`dossier review`). Kept by every re-extraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Editors' notes. Kept by every re-extraction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Editors' decisions confirming or rejecting sources of this claim (`dossier link`,
    /// `dossier unlink`). Kept by every re-extraction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkDecision>,
    /// Editors' values for extracted fields (`speaker`, `role`, `cue`, `venue`, `kind`), kept
    /// by every re-extraction (`dossier correct`, or an edit of the field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// A hash of the correctable fields as dossier last wrote them: when they no longer match
    /// it, an editor changed them, and the next extract records the change as a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted: Option<String>,
    /// True for a claim an editor added by hand: extract keeps it (re-anchored by its words)
    /// although it does not find it itself.
    #[serde(default, skip_serializing_if = "is_false")]
    pub manual: bool,
    /// True when the claim's words are no longer in the article: extract keeps the claim for
    /// the editor's work on it, and check reports it as `stale-claim`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vanished: bool,
}

/// Is `id` of the form extract gives claims: `q-`, `r-` or `a-`, eight lower-case hex digits,
/// optionally `-N`?
pub fn is_extract_id(id: &str) -> bool {
    let Some(rest) = ["q-", "r-", "a-"].iter().find_map(|p| id.strip_prefix(p)) else {
        return false;
    };
    let (hash, repeat) = match rest.split_once('-') {
        Some((h, n)) => (h, Some(n)),
        None => (rest, None),
    };
    hash.len() == 8
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && repeat.is_none_or(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Claim {
    /// Does the claim carry anything an editor wrote (a review, notes, link decisions), or was
    /// it added by hand?
    pub fn has_editor_work(&self) -> bool {
        self.review.is_some()
            || !self.notes.is_empty()
            || !self.links.is_empty()
            || !self.corrections.is_empty()
            || self.hand_edited()
            || self.is_hand_added()
    }

    /// Was the claim added by hand: marked `manual`, or with an id extract never gives (extract's
    /// ids are `q-`, `r-` or `a-`, eight hex digits, and `-N` for a repeat)?
    pub fn is_hand_added(&self) -> bool {
        self.manual || !is_extract_id(&self.id)
    }

    /// Is the review, if any, about other words than the claim's current ones?
    pub fn review_is_stale(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.judged != super::review::text_fingerprint(&self.text))
    }
}

/// A reference: an entry of the article's reference list, or a source named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// `ref-N` for list entries (N = the entry's number or position), `inline-N` for sources
    /// named in the text.
    pub id: String,
    /// The entry or phrase as written.
    pub raw: String,
    /// The number the list gives the entry (`1.`, `[1]`, a footnote number); null for an
    /// unnumbered entry and for sources named in the text.
    pub number: Option<u32>,
    /// The cited work's author, as the entry or the text names it.
    pub author: Option<String>,
    /// The outlet, publisher or organisation behind the cited work.
    pub outlet: Option<String>,
    /// The year of publication the entry or mention gives.
    pub year: Option<i32>,
    /// The cited work's title.
    pub title: Option<String>,
    /// A bracketed description standing in for a title (`[Lavrov's statements on …]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The address the entry or the text's link gives for the work.
    pub url: Option<String>,
    /// The DOI the entry gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// ISO 8601 date the cited page was accessed, when the entry says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// True for sources named in the running text.
    pub inline: bool,
    /// For inline mentions: `report` ("Reuters reported"), `venue` ("on Twitter"), `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// "Ibid.": the id of the entry this one repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    /// The source entry (`sources/<id>.yaml`) for the cited work; null for explanatory notes.
    pub source: Option<String>,
    /// 1-based line of `start` in the article.
    pub line: usize,
    /// 1-based column, in characters, of `start` on its line.
    pub column: usize,
    /// Byte offset in the article where the entry or phrase begins.
    pub start: usize,
    /// Byte offset in the article just past the entry or phrase.
    pub end: usize,
    /// Editors' values for extracted fields (`outlet`, `year`, `title`, `url`), kept by every
    /// re-extraction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// A hash of the correctable fields as dossier last wrote them: when they no longer match
    /// it, an editor changed them, and the next extract records the change as a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted: Option<String>,
}

impl Reference {
    /// Did an editor correct the reference, by command or by hand?
    pub fn has_editor_work(&self) -> bool {
        !self.corrections.is_empty() || self.hand_edited()
    }
}
