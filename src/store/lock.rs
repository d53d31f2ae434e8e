//! One writer at a time: every command that writes to a dossier first takes an exclusive lock
//! on `.dossier.lock` at its root, and holds it from reading the files it changes to renaming
//! the new versions into place. Readers (`check`, `report`) take no lock: atomic writes mean
//! they always see whole files.
//!
//! The lock is an operating-system file lock (`File::lock`), so it is released when the
//! holder exits or is killed; the file itself is never deleted (deleting it would let two
//! processes lock two different files). The holder writes its process id into the file so a
//! waiting process can name it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name, at the dossier root.
pub const LOCK_FILE: &str = ".dossier.lock";

/// How long a writer waits for another one by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// The lock file could not be opened or created, is not a regular file, or the operating
    /// system refused to lock it.
    #[error("{path}: cannot open the lock file: {source}")]
    Open {
        /// The lock file ([`LOCK_FILE`] at the dossier root).
        path: PathBuf,
        /// The operating system's error, or why the file was refused.
        #[source]
        source: std::io::Error,
    },
    /// Another process held the lock for the whole wait.
    #[error("{path}: another dossier process{} is writing to this dossier; gave up after {waited} s", holder.map_or(String::new(), |p| format!(" (pid {p})")))]
    Busy {
        /// The lock file ([`LOCK_FILE`] at the dossier root).
        path: PathBuf,
        /// The process id the holder wrote into the lock file; `None` when it could not be
        /// read.
        holder: Option<u32>,
        /// How long this process waited, in whole seconds.
        waited: u64,
    },
}

impl crate::util::Advice for LockError {
    fn help(&self) -> &'static str {
        match self {
            LockError::Open { .. } => "check that you may write to the dossier's root directory",
            LockError::Busy { .. } => "wait for the other command to finish and run this one again; if no dossier process is running, the lock is already free and this was a race",
        }
    }
}

/// An exclusive lock on a dossier, released when dropped.
#[derive(Debug)]
pub struct DossierLock {
    file: File,
}

impl DossierLock {
    /// Take the lock on the dossier at `root`, waiting up to `wait` for another holder.
    pub fn acquire(root: &Path, wait: Duration) -> Result<DossierLock, LockError> {
        let path = root.join(LOCK_FILE);
        let open_err = |e: std::io::Error| LockError::Open {
            path: path.clone(),
            source: e,
        };
        // Never open a FIFO (it would block) or follow a link out of the dossier.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.file_type().is_file()) {
            return Err(open_err(std::io::Error::other(
                "not a regular file (a symbolic link, directory, FIFO or device); remove it and run the command again",
            )));
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(open_err)?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if started.elapsed() >= wait {
                        let mut text = String::new();
                        let _ = file.read_to_string(&mut text);
                        return Err(LockError::Busy {
                            path,
                            holder: text.trim().parse().ok(),
                            waited: started.elapsed().as_secs(),
                        });
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::Error(e)) => return Err(open_err(e)),
            }
        }
        // Name the holder; a failure here only loses the name in another process's message.
        let _ = file.set_len(0).and_then(|_| {
            file.rewind()?;
            write!(file, "{}", std::process::id())?;
            file.flush()
        });
        sweep_temporary_files(root);
        Ok(DossierLock { file })
    }
}

/// Remove the temporary files (`.<name>.<pid>.tmp`, see [`super::fs::write_atomic`]) a
/// killed writer left in the dossier's directories. Only the lock holder writes there, so any
/// such file belongs to a writer that died.
fn sweep_temporary_files(root: &Path) {
    for dir in ["claims", "sources", "schemas"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.ends_with(".tmp") && e.path().is_file() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

impl Drop for DossierLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_and_then_gives_up_naming_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = DossierLock::acquire(dir.path(), DEFAULT_WAIT).unwrap();
        match DossierLock::acquire(dir.path(), Duration::from_millis(30)) {
            Err(LockError::Busy { holder, .. }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(first);
        assert!(DossierLock::acquire(dir.path(), Duration::from_millis(30)).is_ok());
    }
}
