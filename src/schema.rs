//! JSON Schemas for the files dossier writes and the JSON it prints, generated from the types
//! themselves. The committed copies under `schemas/` are checked against these by a test, so
//! they cannot drift; editors' YAML language servers use them to validate and complete claim
//! and source files (those two are [`crate::model::schema`], which `extract` writes).

pub use crate::model::schema::{modeline, CLAIMS, SOURCE};

/// File name of the schema of `check --format json`.
pub const CHECK: &str = "check.schema.json";

/// Every schema: (file name, contents).
pub fn all() -> Vec<(&'static str, String)> {
    let mut all = crate::model::schema::records();
    all.push((
        CHECK,
        crate::model::schema::render::<crate::report::JsonReport>("dossier check --format json"),
    ));
    all
}
