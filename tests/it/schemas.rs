//! The JSON Schemas committed under schemas/ are the ones the types generate. To update them
//! after changing a type: `DOSSIER_UPDATE_GOLDEN=1 cargo test --test it schemas::` (see
//! `golden`).

use std::path::Path;

#[test]
fn committed_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for (name, contents) in dossier::schema::all() {
        crate::golden::assert_golden(&dir.join(name), &contents);
    }
}

#[test]
fn the_repository_claim_and_source_files_validate_against_their_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (dir, schema) in [
        ("claims", dossier::schema::CLAIMS),
        ("sources", dossier::schema::SOURCE),
    ] {
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("schemas").join(schema)).unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let mut n = 0;
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            // sources/ also holds snapshots/.
            if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            n += 1;
        }
        assert!(n > 0, "no files in {dir}/");
    }
}
