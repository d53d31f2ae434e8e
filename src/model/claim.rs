//! Claim files: `claims/<slug>.yaml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimFile {
    pub version: u32,
    pub article: ArticleRecord,
    pub references: Vec<Reference>,
    pub claims: Vec<Claim>,
}

/// The article a claim file describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecord {
    /// Path of the article, relative to the dossier root.
    pub path: String,
    /// `sha256:<hex>` of the article bytes at extraction time.
    pub fingerprint: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
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
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Reported => "reported",
            ClaimKind::Assertion => "assertion",
        }
    }

    /// The prefix of claim ids of this kind.
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
    /// 1-based line and column (in characters) of `start`.
    pub line: usize,
    pub column: usize,
    /// Byte offsets into the article.
    pub start: usize,
    pub end: usize,
    /// Up to 40 characters before and after, for re-anchoring when the article changes.
    pub prefix: String,
    pub suffix: String,
    /// Ids of the references this claim points to.
    #[serde(default)]
    pub cites: Vec<String>,
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
    pub number: Option<u32>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
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
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}
