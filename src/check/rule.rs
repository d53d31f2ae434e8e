//! The rules `dossier check` applies: stable codes, default severities, one-line
//! explanations and how to fix what they flag.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident => $code:literal, $sev:ident, $label:literal, $summary:literal, $help:literal; )*) => {
        /// A check rule. The kebab-case code is stable: configuration, JSON, SARIF and CI
        /// annotations use it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            /// Every rule, in documentation order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }

            /// A few words labelling the flagged value in diagnostics.
            pub fn label(self) -> &'static str {
                match self { $( Rule::$variant => $label, )* }
            }

            /// One line saying what the rule flags.
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $summary, )* }
            }

            /// How to fix what the rule flags.
            pub fn help(self) -> &'static str {
                match self { $( Rule::$variant => $help, )* }
            }

            pub fn from_code(code: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.code() == code)
            }
        }
    };
}

rules! {
    UncitedClaim => "uncited-claim", Warning, "no source for this claim",
        "A quote, reported statement or assertion has no confirmed source.",
        "cite a source for it in the article (a reference marker, a named outlet or a link); suggested references, if any, are listed";
    MissingSource => "missing-source", Error, "no such source entry",
        "A reference points to a source entry that does not exist.",
        "run `dossier extract` to create the stub in sources/, or correct the reference's `source`";
    UnverifiableSource => "unverifiable-source", Error, "no locator",
        "A source entry has no locator: no URL, DOI, archived copy or snapshot.",
        "add `url:` (and ideally `archive-url:`), a DOI under `serial-number:`, or a `snapshot:` of the source text";
    IncompleteSource => "incomplete-source", Warning, "missing here",
        "A source entry lacks a title, a date or a publisher.",
        "fill in `title:`, `date:` and `publisher:` (or `parent:`) from the cited work";
    UnusedReference => "unused-reference", Warning, "nothing relies on this",
        "The article lists a reference that no claim relies on.",
        "point a claim at it (a reference marker in the sentence), or drop it from the article's list; inferred candidates, if any, are listed";
    StaleClaim => "stale-claim", Error, "out of date",
        "The article changed since extraction, or a claim's text is no longer at its anchor.",
        "run `dossier extract` to bring the claim file up to date with the article";
    SourceAfterArticle => "source-after-article", Warning, "later than the article",
        "A source is dated after the article that cites it.",
        "check the source's `date:`, or whether the article was updated after publication";
    ArticleMetadata => "article-metadata", Warning, "missing",
        "The article gives no date, author or outlet.",
        "add the missing byline, date line or outlet to the article file";
    InvalidYaml => "invalid-yaml", Error, "here",
        "A claim file or source entry is not valid YAML.",
        "fix the YAML syntax at the position shown";
    UnknownField => "unknown-field", Error, "unknown field",
        "A claim file or source entry has a field dossier does not know.",
        "remove the field or correct its spelling (the JSON Schemas in schemas/ list every field)";
    InvalidValue => "invalid-value", Error, "wrong value",
        "A field has a value of the wrong type or form.",
        "give the field a value of the documented type (the JSON Schemas in schemas/ describe each field)";
    DuplicateId => "duplicate-id", Error, "duplicate",
        "Two claims, references or source entries share an id.",
        "rename one of them, or merge the two source entries";
    InvalidPath => "invalid-path", Error, "bad path",
        "A snapshot path is absolute, leaves the dossier, or does not exist.",
        "store snapshots inside the dossier (e.g. sources/snapshots/) and give their path relative to the dossier root";
    MissingArticle => "missing-article", Error, "no such article",
        "A claim file describes an article that no longer exists.",
        "restore the article; if it was renamed, rename the claim file to match (claims/<new name>.yaml) and run `dossier extract`, which keeps its verdicts; if it was withdrawn, delete the claim file";
    UnknownReference => "unknown-reference", Error, "undefined reference",
        "A claim cites a reference id that its claim file does not define.",
        "run `dossier extract` again, or correct the claim's `cites`";
    NoClaimsExtracted => "no-claims-extracted", Warning, "no quote extracted",
        "An article has quotation marks around 4+ words, a block quote or a colon-introduced quotation, but no quote claim was extracted from it.",
        "review the article: add the quotes extraction missed to its claim file by hand (`kind: quote`, `manual: true`), or set the rule to `off` if it quotes no one";
    // Editors' reviews (issue 5).
    StaleReview => "stale-review", Error, "reviewed other words",
        "A review judged other words than the claim's (or other fields than the source entry's) current ones; its verdict is not applied.",
        "look at the claim again and record a new verdict with `dossier review ID --verdict …`";
    Disputed => "disputed", Warning, "disputed",
        "An editor disputes a claim or a source (verdict `disputed`).",
        "settle it: find better sourcing or correct the article, then record a new verdict";
    Refuted => "refuted", Error, "judged false",
        "An editor judged a claim false, or a source unreliable (verdict `false`).",
        "correct or withdraw the claim in the article, or replace the unreliable source";
    // Evidence: snapshots, quote verification and link liveness.
    SnapshotChanged => "snapshot-changed", Error, "hash differs",
        "A snapshot file no longer has the SHA-256 recorded when it was taken.",
        "restore the snapshot, take it again with `dossier fetch`, or, if you corrected it on purpose, record its new `sha256:`";
    QuoteAltered => "quote-altered", Warning, "differs from the source",
        "A quote differs from the closest passage of its source's snapshot.",
        "quote the source word for word, mark left-out words with … and your own words with [brackets], or check that the right source is cited";
    QuoteNotFound => "quote-not-found", Warning, "not in the source",
        "A quote is nowhere in its source's snapshot, even approximately.",
        "check that the quote comes from this source and that the snapshot holds the whole text, or cite where the words were said";
    QuoteTranslated => "quote-translated", Note, "translated",
        "A quote is not in its source's snapshot, which is in another language: it is a translation, which no word-for-word check can verify.",
        "verify the translation against the source, and record the source's own words with `dossier review ID --verdict verified --source SOURCE --quote \"…\"` (check then looks them up in the snapshot)";
    DeadLink => "dead-link", Warning, "gone",
        "A source's URL answers 404 or 410 (`check --online`, `fetch`).",
        "find where the page moved, or add an `archive-url:` (try `dossier fetch --archive`)";
    MovedLink => "moved-link", Note, "moved",
        "A source's URL redirects permanently elsewhere (`check --online`).",
        "update `url:` to the address the page moved to, after checking it is the same work";
    LinkUnverified => "link-unverified", Note, "could not verify",
        "A source's URL could not be checked: blocked (403, 429, a bot challenge), a server error, a timeout or no connection.",
        "open the URL in a browser; if it works, nothing is wrong (many sites refuse automated requests)";
}
