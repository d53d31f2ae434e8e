//! # dossier
//!
//! Audit the sourcing of opinion and news writing.
//!
//! The pipeline, in the order data flows:
//!
//! 1. [`article`]: an article file is read, refused with a precise diagnostic when it cannot be
//!    an article (empty, not UTF-8, binary), normalised into analysis text that maps back to
//!    the original bytes, laid out into blocks, and stripped of page furniture; its metadata
//!    (title, author, date, outlet) is read.
//! 2. [`extract`]: direct quotations with speaker and cue, reported speech, checkable
//!    assertions and the reference list (plus sources named in the text) are extracted.
//! 3. [`model`]: the claim file and source entry types, and their stable ids.
//! 4. [`store`]: the dossier on disk: finding articles, reading and writing YAML (through one
//!    module, [`store::yaml`]), atomic writes, and keeping claim files in step with articles.
//!
//! The library never prints; the `dossier` binary decides how to show results.

pub mod article;
pub mod check;
pub mod evidence;
pub mod extract;
pub mod factchecks;
pub mod fetch;
pub mod fsutil;
pub mod link;
pub mod model;
pub mod outlets;
pub mod par;
pub mod report;
pub mod review;
pub mod schema;
pub mod store;
pub mod suggest;
