//! The parse cache: what reading a claim file or source entry produced (its data and the
//! positions of its values), kept in `.dossier/cache/` under the hash of the file's bytes, so
//! that a run parses YAML only for the files that changed since the last one.
//!
//! The cache is only ever a shortcut: an entry is used when its bytes deserialise, it names
//! the key it was looked up by, and that key covers the file's exact bytes, what kind of file
//! it is and this build: its version and the identity of its executable (size, times, inode),
//! so neither a new release nor a rebuilt development binary trusts another build's entries.
//! Anything else — a truncated or garbage file, another version's entry, a folder that cannot
//! be written, a symbolic link out of the dossier — is ignored, and the file is parsed as if
//! there were no cache. Entries are written atomically (temporary file, then rename), so two
//! processes writing the same entry at once leave one whole entry; they are not fsynced, since
//! a lost or torn entry is detected and rebuilt. Output never depends on the cache.

use super::dossier::Dossier;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The folder of dossier's own working files, relative to the dossier root (git-ignored by
/// `dossier init`).
pub const STATE_DIR: &str = ".dossier";

/// The cache folder, relative to the dossier root.
pub const CACHE_DIR: &str = ".dossier/cache";

/// Bumped whenever what is cached changes shape; with the crate version it keys every entry.
const CACHE_FORMAT: u32 = 4;

/// Where cached entries are read and written, or nowhere (`--no-cache`).
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
    dir: Option<PathBuf>,
    /// The keys looked up in this run: after a run that read every file, the other entries
    /// belong to files since changed or deleted, and [`Cache::prune`] removes them.
    used: Arc<Mutex<HashSet<String>>>,
    /// What identifies this build (see [`Cache::build`]); part of every key.
    build: Arc<str>,
}

/// What an entry file holds: the key it was stored under, and the value.
#[derive(Serialize)]
struct EntryOut<'a, T> {
    key: &'a str,
    value: &'a T,
}

#[derive(Deserialize)]
struct EntryIn<T> {
    key: String,
    value: T,
}

impl Cache {
    /// The dossier's cache, or a disabled one.
    pub fn new(dossier: &Dossier, enabled: bool) -> Cache {
        Cache {
            root: dossier.root.clone(),
            dir: enabled.then(|| dossier.root.join(CACHE_DIR)),
            used: Arc::default(),
            build: Arc::from(this_build()),
        }
    }

    /// A cache that never reads or writes anything.
    pub fn disabled() -> Cache {
        Cache {
            root: PathBuf::new(),
            dir: None,
            used: Arc::default(),
            build: Arc::from(this_build()),
        }
    }

    /// Whether entries are looked up and written at all (not with `--no-cache`).
    pub fn enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// The dossier root.
    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// The cache folder, unless the cache is disabled.
    pub fn dir(&self) -> Option<&std::path::Path> {
        self.dir.as_deref()
    }

    /// What identifies the running build: the crate version and a digest of the
    /// executable's metadata. Entries and remembered runs of another build are never used,
    /// so a development rebuild that changed a rule without a version bump starts afresh.
    pub fn build(&self) -> &str {
        &self.build
    }

    /// The key of a file of `kind` whose bytes are `text`.
    fn key(&self, kind: &str, text: &str) -> String {
        self.key_of(kind, &[text.as_bytes()])
    }

    /// The key of an entry of `kind` that depends on `parts`.
    fn key_of(&self, kind: &str, parts: &[&[u8]]) -> String {
        let mut h = Sha256::new();
        h.update((self.build.len() as u64).to_le_bytes());
        h.update(self.build.as_bytes());
        h.update(CACHE_FORMAT.to_le_bytes());
        h.update((kind.len() as u64).to_le_bytes());
        h.update(kind.as_bytes());
        // One part is hashed as it is (the key of a file's bytes); several are each
        // length-prefixed. Every kind uses one number of parts.
        for p in parts {
            if parts.len() > 1 {
                h.update((p.len() as u64).to_le_bytes());
            }
            h.update(p);
        }
        crate::util::hex(&h.finalize())
    }

    fn path(&self, kind: &str, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join(kind).join(&key[..2]).join(format!("{key}.json")))
    }

    /// The value cached for a file of `kind` with bytes `text`, if there is a sound one.
    pub fn get<T: DeserializeOwned>(&self, kind: &str, text: &str) -> Option<T> {
        self.get_keyed(kind, self.key(kind, text))
    }

    /// The value cached under `parts` (see [`Cache::put_parts`]), if there is a sound one.
    pub fn get_parts<T: DeserializeOwned>(&self, kind: &str, parts: &[&[u8]]) -> Option<T> {
        self.get_keyed(kind, self.key_of(kind, parts))
    }

    /// Keep the entry of a file of `kind` with bytes `text` through the next
    /// [`Cache::prune`] without reading it (a run that did not need it this time).
    pub fn keep(&self, kind: &str, text: &str) {
        if self.dir.is_some() {
            if let Ok(mut used) = self.used.lock() {
                used.insert(self.key(kind, text));
            }
        }
    }

    fn get_keyed<T: DeserializeOwned>(&self, kind: &str, key: String) -> Option<T> {
        let path = self.path(kind, &key)?;
        if let Ok(mut used) = self.used.lock() {
            used.insert(key.clone());
        }
        let bytes = crate::util::fs::read_limited(&path, MAX_ENTRY_BYTES).ok()?;
        let entry: EntryIn<T> = serde_json::from_slice(&bytes).ok()?;
        (entry.key == key).then_some(entry.value)
    }

    /// Remember `value` for a file of `kind` with bytes `text`. Failure to write is not an
    /// error: the next run parses the file again.
    pub fn put<T: Serialize>(&self, kind: &str, text: &str, value: &T) {
        self.put_keyed(kind, self.key(kind, text), value);
    }

    /// Remember `value` under a key made of `parts`: for an entry that depends on several
    /// files (a claim file's check depends on the claim file and the configuration; what
    /// else it depends on, the value itself records and its reader verifies).
    pub fn put_parts<T: Serialize>(&self, kind: &str, parts: &[&[u8]], value: &T) {
        self.put_keyed(kind, self.key_of(kind, parts), value);
    }

    fn put_keyed<T: Serialize>(&self, kind: &str, key: String, value: &T) {
        let Some(path) = self.path(kind, &key) else {
            return;
        };
        let Ok(bytes) = serde_json::to_vec(&EntryOut { key: &key, value }) else {
            return;
        };
        if bytes.len() as u64 > MAX_ENTRY_BYTES {
            return;
        }
        let _ = crate::util::fs::write_cache_inside(&self.root, &path, &bytes);
    }
}

impl Cache {
    /// Remove the entries this run did not look up, and temporary files a killed run left:
    /// called after a run that read every claim file and source entry, it keeps the cache
    /// the size of the dossier's current files. (An entry another process wrote meanwhile
    /// may go too; it is rebuilt when needed.)
    pub fn prune(&self) {
        let Some(dir) = &self.dir else { return };
        let Ok(used) = self.used.lock() else { return };
        let stale_tmp = |p: &std::path::Path| {
            std::fs::symlink_metadata(p)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(600))
        };
        // Never delete outside the dossier: a cache folder that is (or passes through) a
        // symbolic link leading out of it is left alone.
        let Ok(root) = self.root.canonicalize() else {
            return;
        };
        for kind in ["claims", "sources", "results"] {
            let kind_dir = dir.join(kind);
            if !kind_dir
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&root))
            {
                continue;
            }
            let Ok(buckets) = std::fs::read_dir(&kind_dir) else {
                continue;
            };
            for bucket in buckets.flatten() {
                if !bucket.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                let Ok(entries) = std::fs::read_dir(bucket.path()) else {
                    continue;
                };
                for e in entries.flatten() {
                    let name = e.file_name();
                    let name = name.to_string_lossy();
                    let path = e.path();
                    let remove = match name.strip_suffix(".json") {
                        Some(key) => !used.contains(key),
                        None => name.ends_with(".tmp") && stale_tmp(&path),
                    };
                    if remove && e.file_type().is_ok_and(|t| t.is_file()) {
                        let _ = std::fs::remove_file(&path);
                    }
                }
            }
        }
    }
}

/// The identity of the running build, computed once per process: the crate version, then
/// a digest of the executable's size, times and inode (or "unknown" where it cannot be found).
fn this_build() -> &'static str {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::metadata(p).ok());
        let stamp = match exe {
            Some(m) => {
                let mut h = Sha256::new();
                super::memo::stat_into(&mut h, "(dossier)", Some(&m), std::time::UNIX_EPOCH);
                crate::util::hex(&h.finalize())
            }
            None => "unknown".to_owned(),
        };
        format!("{} {stamp}", env!("CARGO_PKG_VERSION"))
    })
}

/// The largest entry read or written: a parsed claim file is about as large as its YAML,
/// which is at most [`super::yaml::MAX_YAML_BYTES`]; positions add a little.
const MAX_ENTRY_BYTES: u64 = 2 * super::yaml::MAX_YAML_BYTES;

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().unwrap();
        let d = Dossier {
            root: dir.path().canonicalize().unwrap(),
        };
        let c = Cache::new(&d, true);
        (dir, c)
    }

    #[test]
    fn a_value_comes_back_for_the_same_bytes_only() {
        let (_d, c) = cache();
        c.put("claims", "a: 1\n", &vec![1u32, 2]);
        assert_eq!(c.get::<Vec<u32>>("claims", "a: 1\n"), Some(vec![1, 2]));
        assert_eq!(c.get::<Vec<u32>>("claims", "a: 2\n"), None, "other bytes");
        assert_eq!(c.get::<Vec<u32>>("sources", "a: 1\n"), None, "other kind");
    }

    #[test]
    fn another_build_never_reads_this_builds_entries() {
        let (_d, c) = cache();
        c.put("claims", "a: 1\n", &1u32);
        c.put_parts("results", &[b"a", b"b"], &2u32);
        // The same version rebuilt: the executable's stamp differs.
        let mut rebuilt = c.clone();
        rebuilt.build = Arc::from(format!("{} rebuilt", env!("CARGO_PKG_VERSION")));
        assert_eq!(rebuilt.get::<u32>("claims", "a: 1\n"), None);
        assert_eq!(rebuilt.get_parts::<u32>("results", &[b"a", b"b"]), None);
        assert_eq!(
            c.get::<u32>("claims", "a: 1\n"),
            Some(1),
            "this build still does"
        );
        assert!(c.build().starts_with(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn a_damaged_or_foreign_entry_is_ignored() {
        let (_d, c) = cache();
        c.put("claims", "x", &7u32);
        let key = c.key("claims", "x");
        let path = c.path("claims", &key).unwrap();
        let good = std::fs::read(&path).unwrap();
        for bad in [
            &good[..good.len() / 2],
            b"\x00\xffgarbage".as_slice(),
            br#"{"key":"0000","value":7}"#.as_slice(),
            br#"{"key":"KEY","value":"seven"}"#.as_slice(),
        ] {
            let bad = String::from_utf8_lossy(bad).replace("KEY", &key);
            std::fs::write(&path, bad).unwrap();
            assert_eq!(c.get::<u32>("claims", "x"), None);
        }
    }

    #[test]
    fn a_disabled_cache_keeps_nothing() {
        let c = Cache::disabled();
        c.put("claims", "x", &7u32);
        assert_eq!(c.get::<u32>("claims", "x"), None);
    }

    #[test]
    fn pruning_keeps_the_entries_this_run_used() {
        let (_d, c) = cache();
        c.put("claims", "old", &1u32);
        c.put("claims", "new", &2u32);
        let next = Cache {
            used: Arc::default(),
            ..c.clone()
        };
        assert_eq!(next.get::<u32>("claims", "new"), Some(2));
        next.prune();
        assert_eq!(next.get::<u32>("claims", "new"), Some(2), "used: kept");
        assert_eq!(next.get::<u32>("claims", "old"), None, "not used: removed");
    }

    #[cfg(unix)]
    #[test]
    fn pruning_never_deletes_outside_the_dossier() {
        let (d, c) = cache();
        let outside = tempfile::tempdir().unwrap();
        let bucket = outside.path().join("ab");
        std::fs::create_dir(&bucket).unwrap();
        let theirs = bucket.join("not-ours.json");
        std::fs::write(&theirs, "{}").unwrap();
        std::fs::create_dir_all(d.path().join(CACHE_DIR)).unwrap();
        std::os::unix::fs::symlink(outside.path(), d.path().join(CACHE_DIR).join("claims"))
            .unwrap();
        c.prune();
        assert!(theirs.exists(), "a file outside the dossier was deleted");
    }

    #[test]
    fn keys_differ_by_kind_and_bytes() {
        let c = Cache::disabled();
        assert_ne!(c.key("claims", "ab"), c.key("claimsa", "b"));
        assert_ne!(c.key("claims", "ab"), c.key("claims", "ab "));
        assert_eq!(c.key("claims", "ab").len(), 64);
    }
}
