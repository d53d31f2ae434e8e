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
    /// Worth a look; never makes `check` fail.
    Note,
    /// Worth fixing; makes `check` fail when `fail-on` is `warning`.
    Warning,
    /// Must be fixed; makes `check` fail unless `fail-on` is `never`.
    Error,
}

impl Severity {
    /// The lower-case name used in `dossier.toml`, JSON and reports (`note`, `warning`,
    /// `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident => $code:literal, $sev:ident, $label:literal, $summary:literal, $help:literal, $example:literal; )*) => {
        /// A check rule. The kebab-case code is stable: configuration, JSON, SARIF and CI
        /// annotations use it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum Rule { $( #[doc = $summary] $variant, )* }

        impl Rule {
            /// Every rule, in documentation order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable kebab-case code (`uncited-claim`).
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            /// The severity of the rule's findings unless `dossier.toml` sets another.
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

            /// What a case the rule flags looks like (for `dossier explain`).
            pub fn example(self) -> &'static str {
                match self { $( Rule::$variant => $example, )* }
            }

            /// Does the rule compare claims of several articles (so that only a check of
            /// the whole dossier, or shard 1, can report it)?
            pub fn is_cross_article(self) -> bool {
                matches!(self, Rule::ConflictingAttribution | Rule::QuoteVariant)
            }

            /// The rule with this code; `None` for a code no rule has.
            pub fn from_code(code: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.code() == code)
            }
        }
    };
}

rules! {
    UncitedClaim => "uncited-claim", Warning, "no source for this claim",
        "A quote, reported statement or assertion has no confirmed source.",
        "cite a source for it in the article (a reference marker, a named outlet or a link); suggested references, if any, are listed",
        "articles/port-strike.txt: The strike has delayed 40 cargo ships.\n(an assertion whose sentence has no reference marker, named outlet or link)";
    MissingSource => "missing-source", Error, "no such source entry",
        "A reference points to a source entry that does not exist.",
        "run `dossier extract` to create the stub in sources/, or correct the reference's `source`",
        "claims/port-strike.yaml: references: [{id: ref-1, source: port-authority}]\n(and no sources/port-authority.yaml)";
    UnverifiableSource => "unverifiable-source", Error, "no locator",
        "A source entry has no locator: no URL, DOI, archived copy or snapshot.",
        "add `url:` (and ideally `archive-url:`), a DOI under `serial-number:`, or a `snapshot:` of the source text",
        "sources/port-authority.yaml: title: Statement on the strike\n                             url: null";
    IncompleteSource => "incomplete-source", Warning, "missing here",
        "A source entry lacks a title, a date or a publisher.",
        "fill in `title:`, `date:` and `publisher:` (or `parent:`) from the cited work",
        "sources/shipping-weekly.yaml: url: https://example.org/cargo-delays\n                              title: null\n                              date: null";
    UnusedReference => "unused-reference", Warning, "nothing relies on this",
        "The article lists a reference that no claim relies on.",
        "point a claim at it (a reference marker in the sentence), or drop it from the article's list; inferred candidates, if any, are listed",
        "articles/port-strike.txt: References: 2. Shipping Weekly (2024). \"Cargo Delays.\"\n(no sentence of the article cites [2] or Shipping Weekly)";
    StaleClaim => "stale-claim", Error, "out of date",
        "The article changed since extraction, or a claim's text is no longer at its anchor.",
        "run `dossier extract` to bring the claim file up to date with the article",
        "articles/port-strike.txt now reads \"delayed 41 cargo ships\", edited after `dossier extract`;\nclaims/port-strike.yaml still holds \"delayed 40 cargo ships\"";
    SourceAfterArticle => "source-after-article", Warning, "later than the article",
        "A source is dated after the article that cites it.",
        "check the source's `date:`, or whether the article was updated after publication",
        "an article dated 2024-03-01 citing sources/report.yaml with date: 2024-05-10";
    ArticleMetadata => "article-metadata", Warning, "missing",
        "The article gives no date, author or outlet.",
        "add the missing byline, date line or outlet to the article file",
        "articles/port-strike.txt: a headline and a body, but no \"By …\" byline and no date line";
    InvalidYaml => "invalid-yaml", Error, "here",
        "A claim file or source entry is not valid YAML.",
        "fix the YAML syntax at the position shown",
        "claims/port-strike.yaml: speaker: \"Jane Doe\n(the quotation mark is never closed)";
    UnknownField => "unknown-field", Error, "unknown field",
        "A claim file or source entry has a field dossier does not know.",
        "remove the field or correct its spelling (the JSON Schemas in schemas/ list every field)",
        "claims/port-strike.yaml: spekaer: Jane Doe";
    InvalidValue => "invalid-value", Error, "wrong value",
        "A field has a value of the wrong type or form.",
        "give the field a value of the documented type (the JSON Schemas in schemas/ describe each field)",
        "sources/report.yaml: url: ftp://example.org/report.pdf\n(a URL must be http or https)";
    DuplicateId => "duplicate-id", Error, "duplicate",
        "Two claims, references or source entries share an id.",
        "rename one of them, or merge the two source entries",
        "claims/port-strike.yaml: two claims with id: q-1a2b3c4d";
    InvalidPath => "invalid-path", Error, "bad path",
        "A snapshot path is absolute, leaves the dossier, or does not exist.",
        "store snapshots inside the dossier (e.g. sources/snapshots/) and give their path relative to the dossier root",
        "sources/report.yaml: snapshot: ../../elsewhere/report.txt";
    MissingArticle => "missing-article", Error, "no such article",
        "A claim file describes an article that no longer exists.",
        "restore the article; if it was renamed, rename the claim file to match (claims/<new name>.yaml) and run `dossier extract`, which keeps its verdicts; if it was withdrawn, delete the claim file",
        "claims/old-piece.yaml: article: {path: articles/old-piece.md, …}\n(and articles/old-piece.md was deleted or renamed)";
    UnextractedArticle => "unextracted-article", Error, "not extracted",
        "An article in articles/ has no claim file: it was added without running `dossier extract`, so none of its claims is checked.",
        "run `dossier extract` and commit the claim file and source stubs it writes",
        "articles/new-piece.md exists, but no claims/new-piece.yaml describes it";
    UnknownReference => "unknown-reference", Error, "undefined reference",
        "A claim cites a reference id that its claim file does not define.",
        "run `dossier extract` again, or correct the claim's `cites`",
        "claims/port-strike.yaml: cites: [ref-9]\n(the file defines only ref-1 and ref-2)";
    NoClaimsExtracted => "no-claims-extracted", Warning, "no quote extracted",
        "An article has quotation marks around 4+ words, a block quote or a colon-introduced quotation, but no quote claim was extracted from it.",
        "review the article: add the quotes extraction missed to its claim file by hand (`kind: quote`, `manual: true`), or set the rule to `off` if it quotes no one",
        "articles/port-strike.txt: The union called it \"a fair deal for every worker here.\"\n(and claims/port-strike.yaml holds no claim of kind: quote)";
    // Editors' reviews (issue 5).
    StaleReview => "stale-review", Error, "reviewed other words",
        "A review judged other words than the claim's (or other fields than the source entry's) current ones; its verdict is not applied.",
        "look at the claim again and record a new verdict with `dossier review ID --verdict …`",
        "claims/port-strike.yaml: review: {verdict: verified, judged: sha256:…}\n(on a claim whose words were edited after the review)";
    StaleCorrection => "stale-correction", Warning, "corrected other words",
        "An editor's correction of an extracted field (speaker, role, cue, venue, kind; outlet, year, title, url of a reference) was made for other words than the claim's (or reference's) current ones; extract still keeps the editor's value.",
        "check the field against the new words, then keep the correction with `dossier correct ID --confirm` or drop it with `dossier correct ID --drop FIELD`",
        "claims/port-strike.yaml: corrections: [{field: speaker, value: Bob Ward, judged: sha256:…}]\n(on a claim whose sentence was edited after the correction)";
    Disputed => "disputed", Warning, "disputed",
        "An editor disputes a claim or a source (verdict `disputed`).",
        "settle it: find better sourcing or correct the article, then record a new verdict",
        "claims/port-strike.yaml: review: {verdict: disputed, by: Ana Ruiz, note: the figure is contested}";
    Refuted => "refuted", Error, "judged false",
        "An editor judged a claim false, or a source unreliable (verdict `false`).",
        "correct or withdraw the claim in the article, or replace the unreliable source",
        "claims/port-strike.yaml: review: {verdict: \"false\", by: Ana Ruiz}";
    // Published fact-checks (issue 16).
    PreviouslyFactChecked => "previously-fact-checked", Note, "checked before",
        "A claim says what a published fact-check stored with `dossier factchecks import` reviewed (word similarity at least 0.6): a suggestion to confirm or reject.",
        "read the fact-check; confirm the match with `dossier factchecks confirm CLAIM URL`, or reject it with `dossier factchecks reject CLAIM URL`",
        "articles/port-strike.txt: \"The strike delayed forty ships,\" she said.\nfactchecks/factchecks.yaml: claim-reviewed: The strike delayed forty ships. (rated False by Checks Weekly)";
    // Across articles (issue 16).
    ConflictingAttribution => "conflicting-attribution", Warning, "attributed to someone else",
        "The same quote (normalised words, a fragment or `…` omissions allowed) is attributed to different speakers in two articles.",
        "find who said the words in the original source and correct the article that has it wrong (`dossier correct CLAIM --speaker NAME` if extraction misread the speaker), or record a verdict once checked",
        "articles/summit.txt: \"We must prevent a new confrontation at all costs,\" Lavrov said.\narticles/talks.txt: \"We must prevent a new confrontation at all costs,\" Putin said.";
    QuoteVariant => "quote-variant", Note, "quoted differently",
        "Two articles quote the same words in materially different wordings (at least 0.75 word similarity, not the same words); the word diff is given.",
        "check both wordings against the original source and quote it word for word, marking cuts with …",
        "articles/summit.txt: \"We must prevent a new confrontation at all costs,\" Lavrov said.\narticles/talks.txt: \"We must avoid a new confrontation at any cost,\" Lavrov said.";
    // Evidence: snapshots, quote verification and link liveness.
    SnapshotChanged => "snapshot-changed", Error, "hash differs",
        "A snapshot file no longer has the SHA-256 recorded when it was taken.",
        "restore the snapshot, take it again with `dossier fetch`, or, if you corrected it on purpose, record its new `sha256:`",
        "sources/report.yaml: snapshot: sources/snapshots/report.txt\n                     sha256: 3f9a…\n(and report.txt was edited since it was fetched)";
    QuoteAltered => "quote-altered", Warning, "differs from the source",
        "A quote differs from the closest passage of its source's snapshot.",
        "quote the source word for word, mark left-out words with … and your own words with [brackets], or check that the right source is cited",
        "article: \"We will pull out of the talks,\" she said.\nsnapshot of its source: We will drag out the talks.";
    QuoteNotFound => "quote-not-found", Warning, "not in the source",
        "A quote is nowhere in its source's snapshot, even approximately.",
        "check that the quote comes from this source and that the snapshot holds the whole text, or cite where the words were said",
        "article: \"Nobody told us anything,\" he said.\n(no passage of the cited source's snapshot holds these words, even approximately)";
    QuoteTranslated => "quote-translated", Note, "translated",
        "A quote is not in its source's snapshot, which is in another language: it is a translation, which no word-for-word check can verify.",
        "verify the translation against the source, and record the source's own words with `dossier review ID --verdict verified --source SOURCE --quote \"…\"` (check then looks them up in the snapshot)",
        "article: \"We will not give up,\" the minister said.\nsnapshot of its source (in Russian): Мы не сдадимся.";
    DeadLink => "dead-link", Warning, "gone",
        "A source's URL answers 404 or 410 (`check --online`, `fetch`).",
        "find where the page moved, or add an `archive-url:` (try `dossier fetch --archive`)",
        "sources/report.yaml: url: https://example.org/gone (answers 404 Not Found)";
    MovedLink => "moved-link", Note, "moved",
        "A source's URL redirects permanently elsewhere (`check --online`).",
        "update `url:` to the address the page moved to, after checking it is the same work",
        "sources/report.yaml: url: http://example.org/a (answers 301 Moved Permanently, to https://example.org/b)";
    LinkUnverified => "link-unverified", Note, "could not verify",
        "A source's URL could not be checked: blocked (403, 429, a bot challenge), a server error, a timeout or no connection.",
        "open the URL in a browser; if it works, nothing is wrong (many sites refuse automated requests)",
        "sources/report.yaml: url: https://example.org/paywalled (answers 403 Forbidden to automated requests)";
}
