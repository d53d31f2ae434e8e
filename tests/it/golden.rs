//! The one golden-file mechanism of the tests: an output compared byte for byte with a
//! committed file, which `DOSSIER_UPDATE_GOLDEN=1 cargo test --test it` rewrites after an
//! intended change of output (then read the diff before committing it).

use std::path::Path;

/// The switch that rewrites golden files instead of comparing with them.
pub const UPDATE: &str = "DOSSIER_UPDATE_GOLDEN";

/// Whether this run rewrites golden files.
pub fn updating() -> bool {
    std::env::var_os(UPDATE).is_some()
}

/// `actual` is the committed contents of `path`, or, when [`updating`], becomes them.
pub fn assert_golden(path: &Path, actual: &str) {
    if updating() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run {UPDATE}=1 cargo test --test it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output ({UPDATE}=1 cargo test --test it to accept it):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}
