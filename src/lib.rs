//! # dossier
//!
//! Audit the sourcing of opinion and news writing.
//!
//! The pipeline, in the order data flows (the layers of `ARCHITECTURE.md`; no module uses one
//! further down this list):
//!
//! 1. [`util`], [`par`], [`suggest`], [`outlets`]: shared helpers, one of each (bounded reads
//!    and atomic writes, URLs, hashes, excerpts; threads; did-you-mean; the outlet host table).
//! 2. [`model`]: the claim file and source entry types, reviews and corrections, their ids and
//!    schemas; [`link`]: how a claim is tied to a source.
//! 3. [`article`]: an article file is read, refused with a precise diagnostic when it cannot be
//!    an article (empty, not UTF-8, binary), normalised into analysis text that maps back to
//!    the original bytes, laid out into blocks, and stripped of page furniture; its metadata
//!    (title, author, date, outlet) is read.
//! 4. [`extract`]: direct quotations with speaker and cue, reported speech, checkable
//!    assertions and the reference list (plus sources named in the text) are extracted.
//! 5. [`store`]: the dossier on disk: finding articles, reading and writing YAML (through one
//!    module, [`store::yaml`]), atomic writes, the parse cache, and keeping claim files in step
//!    with articles while keeping what editors wrote.
//! 6. [`evidence`]: what a source's snapshot says about a quote; [`fetch`]: the opt-in
//!    network; [`factchecks`]: fact-checks published elsewhere, matched against claims.
//! 7. [`check`]: every rule, one table of stable codes, run per claim file and cached.
//! 8. [`report`]: one reporter per output format, and the audit that Markdown and HTML share;
//!    [`schema`]: the JSON Schemas of all of it.
//! 9. [`review`]: the editors' desk (queue, verdicts, notes, links, corrections).
//!
//! The library never prints; the `dossier` binary decides how to show results.
//!
//! Extraction on a string, the first two steps:
//!
//! ```
//! use dossier::article::{Article, Format};
//! use dossier::model::ClaimKind;
//!
//! let text = "Ferries will stop at midnight.\n\n\
//!             \"We cannot staff the night crossings,\" said Mayor Ana Ruiz.\n";
//! let article = Article::from_text("articles/ferries.txt", text.to_string(), Format::Text);
//! let found = dossier::extract::extract(&article);
//! let quote = found
//!     .claims
//!     .iter()
//!     .find(|c| c.kind == ClaimKind::Quote)
//!     .expect("the quotation is found");
//! assert_eq!(quote.text, "We cannot staff the night crossings,");
//! assert_eq!(quote.speaker.as_deref(), Some("Ana Ruiz"));
//! // Every claim is the article's own bytes at its span.
//! assert_eq!(&text[quote.start..quote.end], quote.text);
//! ```

// The library never prints: what to show, and where, is the binary's choice.
#![deny(clippy::print_stdout, clippy::print_stderr)]
// What is public is reachable from the crate root; internals are `pub(crate)`.
#![warn(unreachable_pub)]
// Every public item says what it is: the library is read by the binary, the tests and the next
// engineer, and the docs of serialised types become the JSON Schemas' descriptions.
#![warn(missing_docs)]

pub mod article;
pub mod check;
pub mod evidence;
pub mod extract;
pub mod factchecks;
pub mod fetch;
pub mod link;
pub mod model;
pub mod outlets;
pub mod par;
pub mod report;
pub mod review;
pub mod schema;
pub mod store;
pub mod suggest;
pub mod util;
