//! Every file dossier opens and every file it writes goes through here: bounded reads of
//! regular files, and atomic writes that stay inside the dossier. Part of the leaf module
//! [`crate::util`], so that both [`crate::article`] (reading articles) and [`crate::store`]
//! (reading and writing YAML) can use it without depending on each other.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why [`read_limited`] refused a file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be looked at, opened or read (it does not exist, permission is
    /// denied, …).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The path is a directory, a FIFO, a device or anything else but a regular file.
    #[error("not a regular file")]
    NotAFile,
    /// The file holds more bytes than the limit the caller gave.
    #[error("the file is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// The file's size in bytes, as far as it was found (at opening, or by reading
        /// past the limit).
        size: u64,
        /// The largest size allowed, in bytes.
        limit: u64,
    },
    /// The bytes are not UTF-8 text (from [`utf8`] and the readers of text built on it).
    #[error("not valid UTF-8 at line {line}, column {column} (byte {offset} starts an invalid sequence)")]
    NotUtf8 {
        /// Byte offset where the first invalid sequence starts.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column, in characters, of that byte on its line.
        column: usize,
    },
    /// The path leads outside the dossier through a symbolic link ([`read_text_inside`]).
    #[error("a symbolic link that leads outside the dossier (to {}); dossier reads only files inside it", real.display())]
    Outside {
        /// Where the path leads once every symbolic link is resolved.
        real: PathBuf,
    },
}

/// Read a regular file of at most `limit` bytes. Anything else (a directory, a FIFO or device
/// that could block or never end, a file over the limit) is refused before it is read, so
/// that memory stays bounded whatever the dossier holds.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    // Before opening: opening a FIFO for reading blocks until someone writes to it.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between stat and read: never read past the limit.
    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_limited`], as UTF-8 text.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    utf8(read_limited(path, limit)?)
}

/// [`read_text_limited`] of a file that must lie inside `root` once symbolic links are
/// resolved (`root` itself canonical or not).
pub fn read_text_inside(root: &Path, path: &Path, limit: u64) -> Result<String, ReadError> {
    if let (Ok(real), Ok(root)) = (path.canonicalize(), root.canonicalize()) {
        if !real.starts_with(&root) {
            return Err(ReadError::Outside { real });
        }
    }
    read_text_limited(path, limit)
}

/// Bytes as UTF-8 text, or where (line and column, from the valid prefix) they stop being it.
pub fn utf8(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let prefix = &e.as_bytes()[..offset];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(prefix).unwrap_or_default();
        let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
        ReadError::NotUtf8 {
            offset,
            line: prefix.matches('\n').count() + 1,
            column: prefix[line_start..].chars().count() + 1,
        }
    })
}

fn refuse(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, message)
}

/// Refuse a target that exists and is not a regular file: a symbolic link (which could lead
/// anywhere), a directory, a FIFO or a device.
pub fn check_target(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => Err(refuse(format!(
            "{} is not a regular file (a symbolic link, directory, FIFO or device); dossier replaces only regular files",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// Replace `path` with `contents` atomically, creating parent directories as needed: write a
/// temporary file in the same directory, flush it to disk, then rename it over the target, so
/// a reader sees the old file or the new one, never half. A target that is not a regular file
/// (a symbolic link, FIFO, directory) is refused.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    check_target(path)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // A leftover of a killed run with this pid is ours to replace; never follow a link there.
    if std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.file_type().is_file()) {
        let _ = std::fs::remove_file(&tmp);
    }
    let mut created = false;
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        created = true;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() && created {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Refuse a write to `path` unless its directory, once symbolic links are resolved, lies
/// inside `root`; creates the missing directories (only once the nearest existing one is
/// known to be inside). Returns the path to write, under the resolved directory.
pub fn resolve_inside(root: &Path, path: &Path) -> std::io::Result<PathBuf> {
    let root = root.canonicalize()?;
    let outside = |real: &Path| {
        refuse(format!(
            "{} leads outside the dossier (to {}) through a symbolic link; dossier writes only inside {}",
            path.display(),
            real.display(),
            root.display()
        ))
    };
    let name = path
        .file_name()
        .ok_or_else(|| refuse(format!("{} names no file", path.display())))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut existing = dir;
    while std::fs::symlink_metadata(existing).is_err() {
        match existing.parent() {
            Some(p) if !p.as_os_str().is_empty() => existing = p,
            _ => break,
        }
    }
    let real = existing.canonicalize()?;
    if !real.starts_with(&root) {
        return Err(outside(&real));
    }
    std::fs::create_dir_all(dir)?;
    let real = dir.canonicalize()?;
    if !real.starts_with(&root) {
        return Err(outside(&real));
    }
    Ok(real.join(name))
}

/// [`write_atomic`] of a file of the dossier at `root`: refused when the target's directory
/// resolves outside the dossier, or the target is not a regular file.
pub fn write_inside(root: &Path, path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_atomic(&resolve_inside(root, path)?, contents)
}

/// Write a file whose loss costs nothing (a cache entry) inside `root`: atomic like
/// [`write_inside`] (a temporary file renamed over the target, so a reader never sees half of
/// it) but not flushed to disk, and with a temporary name unique to the call, so that threads
/// and processes writing the same entry at once each rename a whole file.
pub fn write_cache_inside(root: &Path, path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let real = resolve_inside(root, path)?;
    check_target(&real)?;
    let name = real
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    let tmp = real.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(contents)?;
        drop(f);
        std::fs::rename(&tmp, &real)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Create `path` (inside `root`, as [`write_inside`]) with `contents` only if it does not
/// exist yet (never overwrites). Returns whether the file was written.
pub fn create_new_inside(root: &Path, path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    let real = resolve_inside(root, path)?;
    if std::fs::symlink_metadata(&real).is_ok() {
        check_target(&real)?;
        return Ok(false);
    }
    write_atomic(&real, contents)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limited_reads_refuse_large_files_and_non_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_limited(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&p, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_limited(dir.path(), 100),
            Err(ReadError::NotAFile)
        ));
        assert!(matches!(
            read_limited(&dir.path().join("none"), 100),
            Err(ReadError::Io(_))
        ));
        std::fs::write(&p, b"ab\xffc").unwrap();
        let e = read_text_limited(&p, 100).unwrap_err().to_string();
        assert!(e.contains("byte 2"), "{e}");
    }

    #[test]
    fn invalid_utf8_is_located_by_line_and_column() {
        let mut bytes = "a: b\nc: \u{e7}d".as_bytes().to_vec();
        bytes.push(0xff);
        match utf8(bytes) {
            Err(ReadError::NotUtf8 {
                offset,
                line,
                column,
            }) => assert_eq!((offset, line, column), (11, 2, 6)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn writes_replace_atomically_and_never_overwrite_when_asked_not_to() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.yaml");
        write_inside(dir.path(), &p, b"one").unwrap();
        write_inside(dir.path(), &p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!create_new_inside(dir.path(), &p, b"three").unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
    }

    #[cfg(unix)]
    #[test]
    fn writes_refuse_links_out_of_the_root_and_non_regular_targets() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink(outside.path(), root.join("claims")).unwrap();
        let e = write_inside(root, &root.join("claims/a.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("outside the dossier"), "{e}");
        let e = write_inside(root, &root.join("claims/new/a.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("outside the dossier"), "{e}");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
        std::fs::write(outside.path().join("t"), b"keep").unwrap();
        std::os::unix::fs::symlink(outside.path().join("t"), root.join("link.yaml")).unwrap();
        let e = write_inside(root, &root.join("link.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(create_new_inside(root, &root.join("link.yaml"), b"x").is_err());
        std::fs::create_dir(root.join("d.yaml")).unwrap();
        assert!(write_inside(root, &root.join("d.yaml"), b"x").is_err());
        assert_eq!(std::fs::read(outside.path().join("t")).unwrap(), b"keep");
    }
}
