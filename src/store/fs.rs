//! Atomic file replacement: write a temporary file in the same directory, flush it to disk,
//! then rename it over the target. A reader sees the old file or the new one, never half.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Bounded reads live in the leaf module [`crate::fsutil`]; re-exported for the store's callers.
pub use crate::fsutil::{read_limited, read_text_limited, ReadError};

/// Replace `path` with `contents` atomically, creating parent directories as needed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Create `path` with `contents` only if it does not exist yet (never overwrites). Returns
/// whether the file was written.
pub fn create_new(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    write_atomic(path, contents)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_never_overwrites_when_asked_not_to() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.yaml");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!create_new(&p, b"three").unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
    }
}
