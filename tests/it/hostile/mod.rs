//! Regression tests for hostile input (issue 13): one test binary, one module per family of
//! promise. Each test names the numbered failure of the issue it guards.

mod comments;
mod evidence;
mod files;
mod io;

use std::path::Path;

/// `dossier --root DIR ARGS`, as the reviewer `reviewer`: exit code, stdout, stderr. No run
/// may panic or be killed by a signal.
fn dossier(dir: &Path, args: &[&str], reviewer: &str) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .arg("--root")
        .arg(dir)
        .args(args)
        .env("DOSSIER_REVIEWER", reviewer)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "dossier panicked: {err}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {err}"));
    (code, String::from_utf8_lossy(&out.stdout).into_owned(), err)
}
