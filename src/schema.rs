//! JSON Schemas for the files dossier writes and the JSON it prints, generated from the types
//! themselves. The committed copies under `schemas/` are checked against these by a test, so
//! they cannot drift; editors' YAML language servers use them to validate and complete claim
//! and source files.

use schemars::JsonSchema;

/// File names of the schemas, as referenced from claim and source files.
pub const CLAIMS: &str = "claims.schema.json";
pub const SOURCE: &str = "source.schema.json";
pub const CHECK: &str = "check.schema.json";

fn render<T: JsonSchema>(title: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("title".into(), title.into());
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// Every schema: (file name, contents).
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        (
            CLAIMS,
            render::<crate::model::ClaimFile>("dossier claim file (claims/<slug>.yaml)"),
        ),
        (
            SOURCE,
            render::<crate::model::SourceEntry>("dossier source entry (sources/<id>.yaml)"),
        ),
        (
            CHECK,
            render::<crate::report::JsonReport>("dossier check --format json"),
        ),
    ]
}

/// The first-line comment that points YAML language servers at a schema, from a file one
/// directory below the dossier root.
pub fn modeline(schema: &str) -> String {
    format!("../schemas/{schema}")
}
