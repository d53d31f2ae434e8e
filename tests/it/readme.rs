//! The README documents every check rule with its default severity; this keeps the table in
//! step with the code.

use dossier::check::Rule;

#[test]
fn every_rule_is_documented_with_its_default_severity() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in Rule::ALL {
        let row = format!(
            "| `{}` | {} |",
            rule.code(),
            rule.default_severity().as_str()
        );
        assert!(readme.contains(&row), "README lacks the row starting {row}");
    }
}

#[test]
fn the_readme_opens_with_the_two_set_up_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let head: String = readme.lines().take(20).collect::<Vec<_>>().join("\n");
    assert!(head.contains("cargo run --release -- "), "{head}");
    assert!(head.contains("cargo test"), "{head}");
}
