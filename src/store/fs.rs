//! The dossier's reads and writes, all through the leaf module [`crate::util::fs`]: bounded
//! reads of regular files, atomic writes that never leave the dossier.

use crate::util::fs::check_target;
pub use crate::util::fs::{
    create_new_inside, read_limited, read_text_inside, read_text_limited, resolve_inside, utf8,
    write_atomic, write_inside, ReadError,
};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file of a [`write_batch_inside`].
#[derive(Debug, Clone, Copy)]
pub struct BatchFile<'a> {
    /// The file to write. Its directory must lie inside the dossier root once symbolic links
    /// are resolved; missing directories are created.
    pub path: &'a Path,
    /// The bytes the file is to hold.
    pub contents: &'a [u8],
    /// Only create the file: one that exists already is left alone (source stubs).
    pub create_only: bool,
}

/// Why a batch stopped: the first file, in batch order, that could not be written.
#[derive(Debug)]
pub struct BatchError {
    /// Its index in the batch.
    pub index: usize,
    /// Why that file could not be written to its temporary file or renamed into place.
    pub error: std::io::Error,
}

/// A temporary file written and flushed, waiting to be renamed over its target.
struct Staged {
    tmp: PathBuf,
    target: PathBuf,
}

/// Write the temporary file of `f`, flushed to disk; `None` when `f` is create-only and its
/// target exists. Leaves no temporary file behind on failure.
fn stage(root: &Path, f: &BatchFile) -> std::io::Result<Option<Staged>> {
    let target = resolve_inside(root, f.path)?;
    if f.create_only && std::fs::symlink_metadata(&target).is_ok() {
        check_target(&target)?;
        return Ok(None);
    }
    check_target(&target)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    // The name the lock holder's sweep knows (see `crate::store::lock`).
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // A leftover of a killed run with this pid is ours to replace; never follow a link there.
    if std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.file_type().is_file()) {
        let _ = std::fs::remove_file(&tmp);
    }
    let mut created = false;
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        created = true;
        file.write_all(f.contents)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(Some(Staged { tmp, target })),
        Err(e) => {
            if created {
                let _ = std::fs::remove_file(&tmp);
            }
            Err(e)
        }
    }
}

/// Write several files of the dossier at `root`, each atomically as [`write_inside`] does
/// (temporary file, flushed to disk, renamed over the target), with the slow part spread over
/// up to `threads` threads. Returns, per file, whether it was written (`false`: a create-only
/// file that existed).
///
/// In three steps: (1) every temporary file is written and flushed, in parallel; if any of
/// them fails, all are removed and nothing is renamed, so the dossier is left exactly as it
/// was; (2) the temporary files are renamed over their targets, in batch order; (3) each
/// directory written to is flushed once, which makes the renames durable (instead of once per
/// file). A reader, a power cut or a `kill -9` sees each file old or new, never half of one.
/// Targets outside the dossier, or that are not regular files, are refused as by
/// [`write_inside`].
pub fn write_batch_inside(
    root: &Path,
    files: &[BatchFile],
    threads: usize,
) -> Result<Vec<bool>, BatchError> {
    let staged = crate::par::map(files, threads, |f| stage(root, f));
    let remove_all = |staged: &[std::io::Result<Option<Staged>>]| {
        for s in staged.iter().flatten().flatten() {
            let _ = std::fs::remove_file(&s.tmp);
        }
    };
    if let Some(index) = staged.iter().position(Result::is_err) {
        remove_all(&staged);
        let error = match staged.into_iter().nth(index) {
            Some(Err(e)) => e,
            _ => std::io::Error::other("lost the error of a staged write"),
        };
        return Err(BatchError { index, error });
    }
    let staged: Vec<Option<Staged>> = staged.into_iter().flatten().collect();
    let mut dirs = std::collections::BTreeSet::new();
    for (index, s) in staged.iter().enumerate() {
        let Some(s) = s else { continue };
        if let Err(error) = std::fs::rename(&s.tmp, &s.target) {
            for rest in staged[index..].iter().flatten() {
                let _ = std::fs::remove_file(&rest.tmp);
            }
            return Err(BatchError { index, error });
        }
        if let Some(d) = s.target.parent() {
            dirs.insert(d.to_path_buf());
        }
    }
    // Make the renames durable where the platform allows it.
    for d in dirs {
        if let Ok(d) = std::fs::File::open(d) {
            let _ = d.sync_all();
        }
    }
    Ok(staged.iter().map(Option::is_some).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporaries(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_batch_writes_replaces_and_creates_only_where_asked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let claims = root.join("claims");
        std::fs::create_dir_all(&claims).unwrap();
        std::fs::write(claims.join("old.yaml"), "old").unwrap();
        std::fs::write(claims.join("kept.yaml"), "edited by hand").unwrap();
        let (old, kept, new, deep) = (
            claims.join("old.yaml"),
            claims.join("kept.yaml"),
            claims.join("new.yaml"),
            root.join("sources/sub/new.yaml"),
        );
        let files = [
            BatchFile {
                path: &old,
                contents: b"replaced",
                create_only: false,
            },
            BatchFile {
                path: &kept,
                contents: b"stub",
                create_only: true,
            },
            BatchFile {
                path: &new,
                contents: b"fresh",
                create_only: false,
            },
            BatchFile {
                path: &deep,
                contents: b"stub",
                create_only: true,
            },
        ];
        for threads in [1, 3] {
            let written = write_batch_inside(root, &files, threads).unwrap();
            assert_eq!(written, [true, false, true, true], "threads = {threads}");
            assert_eq!(std::fs::read_to_string(&old).unwrap(), "replaced");
            assert_eq!(std::fs::read_to_string(&kept).unwrap(), "edited by hand");
            assert_eq!(std::fs::read_to_string(&new).unwrap(), "fresh");
            assert_eq!(std::fs::read_to_string(&deep).unwrap(), "stub");
            assert!(temporaries(&claims).is_empty());
            std::fs::remove_file(&deep).unwrap();
        }
    }

    #[test]
    fn one_failing_file_leaves_every_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let claims = root.join("claims");
        std::fs::create_dir_all(claims.join("a-directory.yaml")).unwrap();
        std::fs::write(claims.join("first.yaml"), "first, old").unwrap();
        let (first, bad, last) = (
            claims.join("first.yaml"),
            claims.join("a-directory.yaml"),
            claims.join("last.yaml"),
        );
        let files = [
            BatchFile {
                path: &first,
                contents: b"first, new",
                create_only: false,
            },
            BatchFile {
                path: &bad,
                contents: b"x",
                create_only: false,
            },
            BatchFile {
                path: &last,
                contents: b"last",
                create_only: false,
            },
        ];
        for threads in [1, 2] {
            let e = write_batch_inside(root, &files, threads).unwrap_err();
            assert_eq!(e.index, 1, "the failing file is named");
            assert_eq!(std::fs::read_to_string(&first).unwrap(), "first, old");
            assert!(!last.exists(), "nothing is renamed into place");
            assert!(temporaries(&claims).is_empty(), "no temporary file is left");
        }
    }

    #[test]
    fn a_batch_stays_inside_the_dossier() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path(), root.join("claims")).unwrap();
            let p = root.join("claims/x.yaml");
            let files = [BatchFile {
                path: &p,
                contents: b"x",
                create_only: false,
            }];
            let e = write_batch_inside(root, &files, 1).unwrap_err();
            assert_eq!(e.index, 0);
            assert!(!outside.path().join("x.yaml").exists());
        }
    }
}
