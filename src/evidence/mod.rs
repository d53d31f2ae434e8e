//! Evidence: checking a claim against a local copy (a *snapshot*) of its source's text.
//!
//! - [`normalize`]: words and the normalisation rules (case, quotes, dashes, whitespace,
//!   omissions, editorial insertions);
//! - [`search`]: finding many claims in one snapshot in linear time, with an exact verdict for
//!   quotes (verified, altered, not found) and supporting passages for other claims;
//! - [`align`]: the bounded word alignment behind a verdict, and [`diff`] its word diff;
//! - [`language`]: whether a quote not found is a translation (the quote and its snapshot
//!   confidently in different languages);
//! - [`snapshot`]: reading a snapshot (plain text, Markdown, HTML reduced to its text) and
//!   its content hash;
//! - [`verify`]: the pass `dossier check` runs over every snapshot of a dossier.

pub mod align;
pub mod diff;
pub mod language;
pub mod normalize;
pub mod search;
pub mod snapshot;
pub mod verify;

pub use diff::{DiffKind, DiffPart};
pub use search::{search, Mode, Outcome, Passage};
