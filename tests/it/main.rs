//! dossier's end-to-end and integration tests, in one test binary (one link of the crate, where
//! one binary per file linked it 26 times): a module per suite, named as the suite it was.
//! Run one suite with `cargo test --test it SUITE::` (e.g. `cargo test --test it check_golden::`).
//!
//! Fixture dossiers and articles live in `tests/fixtures/`, golden outputs in
//! `tests/snapshots/` and `tests/fixtures/golden/`; `common` holds the helpers the extraction
//! suites share.

mod common;
mod golden;

mod architecture;
mod bad_input;
mod check_golden;
mod check_rules;
mod ci_integration;
mod cli_extract;
mod cli_getting_started;
mod concurrency;
mod corrections;
mod crossref;
mod evidence;
mod extract_edge_cases;
mod extract_furniture;
mod extract_markdown;
mod extract_quotes;
mod extract_references;
mod extract_speakers;
mod extract_statements;
mod factchecks;
mod fetch;
mod fuzz_corpus;
mod hostile;
mod html_articles;
mod jobs;
mod merge;
mod opeds;
mod properties;
mod readme;
mod report;
mod review;
mod review_tui;
mod schemas;
mod walkthrough;
