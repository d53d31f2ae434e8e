//! The JSON Schemas of the two record files, claim files and source entries, generated from
//! their types; `extract` writes them into each dossier's `schemas/` folder and points each file
//! at its schema in a first-line comment. (All the schemas dossier publishes, with the one of
//! `check --format json`, are [`crate::schema`].)

use schemars::JsonSchema;

/// File name of the claim-file schema, in the dossier's `schemas/` folder and in the
/// first-line comment of each claim file.
pub const CLAIMS: &str = "claims.schema.json";
/// File name of the source-entry schema, in the dossier's `schemas/` folder and in the
/// first-line comment of each source entry.
pub const SOURCE: &str = "source.schema.json";

/// The schema of `T` with a title, as pretty JSON ending in a line feed.
pub fn render<T: JsonSchema>(title: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("title".into(), title.into());
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The claim-file and source-entry schemas: (file name, contents).
pub fn records() -> Vec<(&'static str, String)> {
    vec![
        (
            CLAIMS,
            render::<super::ClaimFile>("dossier claim file (claims/<slug>.yaml)"),
        ),
        (
            SOURCE,
            render::<super::SourceEntry>("dossier source entry (sources/<id>.yaml)"),
        ),
    ]
}

/// The first-line comment that points YAML language servers at a schema, from a file one
/// directory below the dossier root.
pub fn modeline(schema: &str) -> String {
    format!("../schemas/{schema}")
}
