//! The run memo: the whole output of a read-only command (`check`, `report`) kept with a
//! stamp of every file the run could have read, so that a run in which nothing changed
//! writes the remembered bytes and exits with the remembered code without reading, parsing
//! or checking anything.
//!
//! The stamp covers the metadata of every file under the dossier's input folders
//! ([`INPUT_DIRS`]) and of `dossier.toml`, of the files outside them the run read (an article
//! recorded elsewhere, a snapshot kept elsewhere), and of the dossier binary itself: path,
//! size, modification and status-change times, inode and device. Writing, adding,
//! removing, renaming or touching a file changes it (and no program can set a status-change
//! time back), so the memo misses and the command runs in full, its per-file caches doing
//! the rest. The command's arguments and whatever else shapes its output (colour, width,
//! the working directory) are part of the key.
//!
//! A memo is stored only when no input changed within [`RACY_FINE`] (or, on a file system
//! with whole-second times, [`RACY_COARSE`]) of the moment the stamp was taken: a file
//! changed in the same clock tick could otherwise keep its times, the "racily clean" case
//! git guards its index against. A symbolic link to a folder among the inputs makes the
//! stamp unusable: no memo is read or written.
//!
//! Like the rest of the cache it is only a shortcut: a memo that is cut short, does not
//! parse or names another key is ignored; `--no-cache` bypasses memos; a memo is written to
//! a temporary file and renamed into place whole, so two runs storing one at once leave one
//! whole memo. Storing a memo removes those made from another state of the input folders
//! (no later run can match them); of the rest, the [`KEEP`] most recently written are kept,
//! fewer when they would take more than [`MAX_TOTAL`] bytes together.

use super::cache::Cache;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{File, Metadata};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folders whose every file is an input of `check` and `report`.
pub const INPUT_DIRS: [&str; 4] = ["articles", "claims", "sources", "factchecks"];

/// Files of the dossier root that are inputs.
const INPUT_FILES: [&str; 1] = ["dossier.toml"];

/// How recent a change makes a file "racy" on a file system with sub-second times.
pub const RACY_FINE: Duration = Duration::from_millis(100);

/// How recent a change makes a file "racy" when its times are whole seconds.
pub const RACY_COARSE: Duration = Duration::from_secs(2);

/// Memos kept (one per command and format an editor or CI runs); older ones are removed
/// when a new one is stored.
pub const KEEP: usize = 8;

/// The most bytes the kept memos take together (the newest is always kept).
pub const MAX_TOTAL: u64 = 2 << 30;

/// The largest output remembered.
const MAX_BODY: u64 = 4 << 30;

/// The most extra files a memo lists.
const MAX_EXTRA: usize = 100_000;

/// A command's memo: looked up when it is made, stored with [`MemoWriter::finish`].
#[derive(Debug)]
pub struct Memo {
    root: PathBuf,
    /// `None`: no memo (cache disabled or inputs unusable).
    path: Option<PathBuf>,
    key: String,
    /// The stamp of the input folders, as a digest.
    stamp: String,
    started: SystemTime,
    /// Some input changed too recently for a memo to be stored.
    racy: bool,
}

/// What a memo remembers besides the output, written after it in the memo file.
#[derive(Serialize, Deserialize)]
struct Trailer {
    key: String,
    exit: u8,
    /// A line the command printed to stderr, if any.
    note: String,
    /// Input files outside [`INPUT_DIRS`], and the digest of their metadata.
    extra: Vec<String>,
    extra_stamp: String,
    len: u64,
    /// The stamp of the input folders the run started from (absent in older memos).
    #[serde(default)]
    stamp: String,
}

/// A remembered run.
#[derive(Debug)]
pub struct Hit {
    /// The exit code the run had.
    pub exit: u8,
    /// What it printed to stderr (empty: nothing).
    pub note: String,
    file: File,
    len: u64,
}

impl Hit {
    /// Copy the remembered output to `out`.
    pub fn copy_to(self, out: &mut dyn Write) -> std::io::Result<()> {
        let copied = std::io::copy(&mut self.file.take(self.len), out)?;
        if copied != self.len {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the remembered output was cut short",
            ));
        }
        Ok(())
    }

    /// The memo file and the length of the remembered output at its start, for a command
    /// that reads its output back in pieces rather than whole.
    pub fn into_file(self) -> (File, u64) {
        (self.file, self.len)
    }

    /// The remembered output.
    pub fn bytes(self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        self.copy_to(&mut out)?;
        Ok(out)
    }
}

/// The trailer of a memo file, and the length of the output before it.
fn read_trailer(file: &mut File) -> Option<(Trailer, u64)> {
    let total = file.metadata().ok()?.len();
    let tail_len = total.checked_sub(8)?;
    file.seek(SeekFrom::Start(tail_len)).ok()?;
    let mut n = [0u8; 8];
    file.read_exact(&mut n).ok()?;
    let trailer_len = u64::from_le_bytes(n);
    let body_len = tail_len.checked_sub(trailer_len)?;
    if trailer_len > 64 << 20 {
        return None;
    }
    file.seek(SeekFrom::Start(body_len)).ok()?;
    let mut trailer = Vec::new();
    file.take(trailer_len).read_to_end(&mut trailer).ok()?;
    Some((serde_json::from_slice(&trailer).ok()?, body_len))
}

/// The digest of a file's metadata as the stamp records it, and whether it changed within
/// the racy window before `started`.
pub(super) fn stat_into(
    h: &mut Sha256,
    rel: &str,
    m: Option<&Metadata>,
    started: SystemTime,
) -> bool {
    h.update((rel.len() as u64).to_le_bytes());
    h.update(rel.as_bytes());
    let Some(m) = m else {
        h.update(b"absent");
        return false;
    };
    h.update(m.len().to_le_bytes());
    let times = times(m);
    let coarse = times.iter().all(|t| t.1 == 0);
    let window = if coarse { RACY_COARSE } else { RACY_FINE };
    let mut racy = false;
    for (secs, nanos) in times {
        h.update(secs.to_le_bytes());
        h.update(nanos.to_le_bytes());
        let at = u64::try_from(secs)
            .ok()
            .map(|s| SystemTime::UNIX_EPOCH + Duration::new(s, nanos));
        racy |= at.is_none_or(|t| t + window > started);
    }
    h.update(identity(m));
    racy
}

/// Modification and status-change times: (seconds, nanoseconds).
#[cfg(unix)]
fn times(m: &Metadata) -> Vec<(i64, u32)> {
    use std::os::unix::fs::MetadataExt;
    let nanos = |n: i64| u32::try_from(n).unwrap_or(0);
    vec![
        (m.mtime(), nanos(m.mtime_nsec())),
        (m.ctime(), nanos(m.ctime_nsec())),
    ]
}

#[cfg(not(unix))]
fn times(m: &Metadata) -> Vec<(i64, u32)> {
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .unwrap_or_default();
    vec![(i64::try_from(t.as_secs()).unwrap_or(0), t.subsec_nanos())]
}

#[cfg(unix)]
fn identity(m: &Metadata) -> [u8; 16] {
    use std::os::unix::fs::MetadataExt;
    let mut out = [0; 16];
    out[..8].copy_from_slice(&m.ino().to_le_bytes());
    out[8..].copy_from_slice(&m.dev().to_le_bytes());
    out
}

#[cfg(not(unix))]
fn identity(_: &Metadata) -> [u8; 16] {
    [0; 16]
}

/// The stamp of the input folders and files: `None` when it cannot be trusted (a folder
/// that cannot be listed, a symbolic link to a folder). Paths in sorted order.
fn walk(root: &Path, started: SystemTime) -> Option<(String, bool)> {
    let mut files: Vec<(String, Metadata)> = Vec::new();
    for dir in INPUT_DIRS {
        let dir = root.join(dir);
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
        collect(root, &dir, &mut files)?;
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = Sha256::new();
    let mut racy = false;
    for (rel, m) in &files {
        racy |= stat_into(&mut h, rel, Some(m), started);
    }
    for f in INPUT_FILES {
        let m = std::fs::metadata(root.join(f)).ok();
        racy |= stat_into(&mut h, f, m.as_ref(), started);
    }
    Some((crate::util::hex(&h.finalize()), racy))
}

/// The files under `dir` (recursively), by path relative to `root`; a missing `dir` has
/// none. `None` when something cannot be listed or is a symbolic link to a folder.
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Metadata)>) -> Option<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(()),
        Err(_) => return None,
    };
    for e in entries {
        let e = e.ok()?;
        let path = e.path();
        let kind = e.file_type().ok()?;
        if kind.is_dir() {
            collect(root, &path, out)?;
            continue;
        }
        // A link is stamped by what it leads to; a link to a folder would hide its files.
        let m = std::fs::metadata(&path).ok();
        if m.as_ref().is_some_and(Metadata::is_dir) {
            return None;
        }
        let rel = path.strip_prefix(root).ok()?.to_string_lossy().into_owned();
        match m {
            Some(m) => out.push((rel, m)),
            // A dangling link: stamped by the link itself.
            None => out.push((rel, std::fs::symlink_metadata(&path).ok()?)),
        }
    }
    Some(())
}

/// The digest of the extra files' metadata, and whether one is racy.
fn extra_stamp(root: &Path, extra: &[String], started: SystemTime) -> (String, bool) {
    let mut h = Sha256::new();
    let mut racy = false;
    for rel in extra {
        let m = std::fs::metadata(root.join(rel)).ok();
        racy |= stat_into(&mut h, rel, m.as_ref(), started);
    }
    (crate::util::hex(&h.finalize()), racy)
}

/// Is `rel` (a path in the dossier) covered by the walk of the input folders and files?
fn walked(rel: &str) -> bool {
    INPUT_FILES.contains(&rel)
        || INPUT_DIRS
            .iter()
            .any(|d| rel.strip_prefix(d).is_some_and(|r| r.starts_with('/')))
}

impl Memo {
    /// The memo of `command` with `args` (everything besides the files that shapes its
    /// output) on the dossier of `cache`, stamped now: before the command reads anything.
    pub fn new(cache: &Cache, command: &str, args: &str) -> Memo {
        let started = SystemTime::now();
        let root = cache.root().to_path_buf();
        let none = |root: PathBuf| Memo {
            root,
            path: None,
            key: String::new(),
            stamp: String::new(),
            started,
            racy: true,
        };
        let Some(dir) = cache.dir() else {
            return none(root);
        };
        let Some((stamp, racy)) = walk(&root, started) else {
            return none(root);
        };
        let mut h = Sha256::new();
        for part in [
            // The build: a rebuilt dossier must not replay an older build's output.
            cache.build(),
            "memo 1",
            command,
            args,
            stamp.as_str(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let key = crate::util::hex(&h.finalize());
        Memo {
            path: Some(dir.join("runs").join(format!("{key}.memo"))),
            root,
            key,
            stamp,
            started,
            racy,
        }
    }

    /// The remembered run, if there is a sound one whose inputs are all unchanged.
    pub fn hit(&self) -> Option<Hit> {
        let path = self.path.as_ref()?;
        let mut file = File::open(path).ok()?;
        let (t, body_len) = read_trailer(&mut file)?;
        if t.key != self.key || t.len != body_len || t.extra.len() > MAX_EXTRA {
            return None;
        }
        if extra_stamp(&self.root, &t.extra, self.started).0 != t.extra_stamp {
            return None;
        }
        file.seek(SeekFrom::Start(0)).ok()?;
        Some(Hit {
            exit: t.exit,
            note: t.note,
            file,
            len: body_len,
        })
    }

    /// A writer for this run's output, to be finished with its exit code; `None` when no
    /// memo can be stored (no cache, unusable or too recently changed inputs).
    pub fn writer(&self) -> Option<MemoWriter> {
        let path = self.path.as_ref().filter(|_| !self.racy)?;
        let real = crate::util::fs::resolve_inside(&self.root, path).ok()?;
        let name = real.file_name()?.to_string_lossy().into_owned();
        let tmp = real.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .ok()?;
        Some(MemoWriter {
            file: Some(std::io::BufWriter::new(file)),
            tmp,
            real,
            root: self.root.clone(),
            key: self.key.clone(),
            stamp: self.stamp.clone(),
            started: self.started,
            len: 0,
        })
    }
}

/// The output of a run on its way into a memo. Write errors are not the command's: they
/// only cost the memo.
#[derive(Debug)]
pub struct MemoWriter {
    file: Option<std::io::BufWriter<File>>,
    tmp: PathBuf,
    real: PathBuf,
    root: PathBuf,
    key: String,
    stamp: String,
    started: SystemTime,
    len: u64,
}

impl MemoWriter {
    /// Add output.
    pub fn add(&mut self, bytes: &[u8]) {
        let ok = self
            .file
            .as_mut()
            .is_some_and(|f| f.write_all(bytes).is_ok());
        self.len += bytes.len() as u64;
        if !ok || self.len > MAX_BODY {
            self.file = None;
        }
    }

    /// Store the memo: the run exited with `exit`, printed `note` to stderr, and read the
    /// files `read` (paths in the dossier; those in the input folders need not be named).
    /// Nothing is stored when a file it read outside them changed during the run.
    pub fn finish(mut self, exit: u8, note: &str, read: &[String]) {
        let mut extra: Vec<String> = read.iter().filter(|r| !walked(r)).cloned().collect();
        extra.sort();
        extra.dedup();
        let (extra_stamp, racy) = extra_stamp(&self.root, &extra, self.started);
        let stored = (|| {
            let mut file = self.file.take()?;
            if racy || extra.len() > MAX_EXTRA {
                return None;
            }
            let trailer = serde_json::to_vec(&Trailer {
                key: self.key.clone(),
                exit,
                note: note.to_string(),
                extra,
                extra_stamp,
                len: self.len,
                stamp: self.stamp.clone(),
            })
            .ok()?;
            file.write_all(&trailer).ok()?;
            file.write_all(&(trailer.len() as u64).to_le_bytes()).ok()?;
            file.flush().ok()?;
            drop(file);
            std::fs::rename(&self.tmp, &self.real).ok()
        })();
        if stored.is_none() {
            let _ = std::fs::remove_file(&self.tmp);
        } else if let Some(dir) = self.real.parent() {
            keep_newest(dir, &self.stamp);
        }
    }
}

impl Drop for MemoWriter {
    fn drop(&mut self) {
        // Not finished (the command failed): no memo.
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Remove the memos of other states of the input folders (a file's status-change time never
/// goes back, so no later run can match them), all but the [`KEEP`] newest of the rest (fewer
/// beyond [`MAX_TOTAL`] bytes), and temporary files a killed run left.
fn keep_newest(dir: &Path, stamp: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut memos: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let Ok(m) = e.metadata() else { continue };
        if !m.is_file() {
            continue;
        }
        let at = m.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".memo") {
            let current = File::open(&path)
                .ok()
                .and_then(|mut f| read_trailer(&mut f))
                .is_some_and(|(t, _)| t.stamp == stamp);
            if current {
                memos.push((at, m.len(), path));
            } else {
                let _ = std::fs::remove_file(&path);
            }
        } else if name.ends_with(".tmp")
            && at.elapsed().is_ok_and(|age| age > Duration::from_secs(600))
        {
            let _ = std::fs::remove_file(&path);
        }
    }
    memos.sort_by(|a, b| b.cmp(a));
    let mut total = 0;
    for (k, (_, len, path)) in memos.into_iter().enumerate() {
        total += len;
        if k >= KEEP || (k > 0 && total > MAX_TOTAL) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A writer that sends everything to `out` and a copy to a memo.
pub struct Tee<'a> {
    /// Where the output really goes (usually stdout).
    pub out: &'a mut dyn Write,
    /// The memo being recorded; `None` when this run stores none, and the tee only forwards.
    pub memo: Option<&'a mut MemoWriter>,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        if let Some(m) = self.memo.as_deref_mut() {
            m.add(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Dossier;

    /// A dossier with an article, a claim file and settings, old enough to be remembered.
    fn dossier() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for (rel, text) in [
            ("articles/a.md", "The minister said so.\n"),
            ("claims/a.yaml", "article: a\n"),
            ("dossier.toml", "fail-on = \"warning\"\n"),
            ("elsewhere/b.md", "An article kept elsewhere.\n"),
        ] {
            std::fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            std::fs::write(root.join(rel), text).unwrap();
        }
        let cache = Cache::new(&Dossier { root }, true);
        settle(&cache);
        (dir, cache)
    }

    /// Wait until the files are older than the racy window.
    fn settle(cache: &Cache) {
        for _ in 0..50 {
            if Memo::new(cache, "probe", "").writer().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(60));
        }
        panic!("the files stayed too recent to remember a run");
    }

    fn remember(cache: &Cache, args: &str, out: &str, read: &[String]) {
        let memo = Memo::new(cache, "check", args);
        let mut w = memo.writer().expect("a memo can be stored");
        w.add(out.as_bytes());
        w.finish(1, "note", read);
    }

    fn replay(cache: &Cache, args: &str) -> Option<(u8, String, String)> {
        let hit = Memo::new(cache, "check", args).hit()?;
        let (exit, note) = (hit.exit, hit.note.clone());
        Some((exit, note, String::from_utf8(hit.bytes().unwrap()).unwrap()))
    }

    /// Rewrite a file with other bytes of the same length.
    fn same_size_edit(path: &Path) {
        let t = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, t.to_uppercase()).unwrap();
    }

    #[test]
    fn a_run_is_replayed_until_one_of_its_inputs_changes() {
        let (d, cache) = dossier();
        assert_eq!(replay(&cache, "json"), None, "nothing remembered yet");
        remember(&cache, "json", "the findings\n", &[]);
        assert_eq!(
            replay(&cache, "json"),
            Some((1, "note".into(), "the findings\n".into()))
        );
        assert_eq!(
            replay(&cache, "sarif"),
            None,
            "other arguments: another run"
        );
        // An edit right after the run, same size: the status-change time gives it away.
        same_size_edit(&d.path().join("articles/a.md"));
        assert_eq!(replay(&cache, "json"), None, "an edited article");
    }

    #[test]
    fn added_removed_and_outside_files_count() {
        let (d, cache) = dossier();
        type Edit = (&'static str, fn(&Path));
        let edits: [Edit; 4] = [
            ("a new source entry", |r| {
                std::fs::create_dir_all(r.join("sources")).unwrap();
                std::fs::write(r.join("sources/x.yaml"), "id: x\n").unwrap();
            }),
            ("a removed claim file", |r| {
                std::fs::remove_file(r.join("claims/a.yaml")).unwrap()
            }),
            ("edited settings", |r| {
                same_size_edit(&r.join("dossier.toml"))
            }),
            ("an article kept elsewhere", |r| {
                same_size_edit(&r.join("elsewhere/b.md"))
            }),
        ];
        for (what, edit) in edits {
            settle(&cache);
            remember(&cache, "json", "out", &["elsewhere/b.md".to_string()]);
            assert!(replay(&cache, "json").is_some(), "before {what}");
            edit(d.path());
            assert_eq!(replay(&cache, "json"), None, "after {what}");
        }
    }

    #[test]
    fn nothing_is_remembered_of_inputs_changed_a_moment_ago() {
        let (d, cache) = dossier();
        std::fs::write(d.path().join("articles/new.md"), "Just written.\n").unwrap();
        assert!(Memo::new(&cache, "check", "").writer().is_none());
        // A file outside the input folders read by the run, changed during it.
        settle(&cache);
        let memo = Memo::new(&cache, "check", "");
        let mut w = memo.writer().unwrap();
        w.add(b"out");
        std::fs::write(d.path().join("elsewhere/b.md"), "Changed meanwhile.\n").unwrap();
        w.finish(0, "", &["elsewhere/b.md".to_string()]);
        assert!(memo.hit().is_none());
    }

    #[test]
    fn a_damaged_memo_is_ignored() {
        let (d, cache) = dossier();
        remember(&cache, "json", "the findings\n", &[]);
        let dir = d.path().join(".dossier/cache/runs");
        let memo = std::fs::read_dir(&dir)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let good = std::fs::read(&memo).unwrap();
        let damages: [Vec<u8>; 4] = [
            good[..good.len() - 3].to_vec(),
            good[3..].to_vec(),
            b"garbage".to_vec(),
            Vec::new(),
        ];
        for bad in damages {
            std::fs::write(&memo, bad).unwrap();
            assert_eq!(replay(&cache, "json"), None);
        }
    }

    #[test]
    fn no_memo_without_the_cache() {
        let (d, _) = dossier();
        let cache_of = |root: &Path| {
            Cache::new(
                &Dossier {
                    root: root.canonicalize().unwrap(),
                },
                true,
            )
        };
        let off = Cache::new(
            &Dossier {
                root: d.path().to_path_buf(),
            },
            false,
        );
        assert!(Memo::new(&off, "check", "").writer().is_none());
        remember(&cache_of(d.path()), "json", "out", &[]);
        assert!(Memo::new(&off, "check", "json").hit().is_none());
    }

    #[test]
    fn memos_of_files_since_changed_are_removed_when_a_new_one_is_stored() {
        let (d, cache) = dossier();
        remember(&cache, "json", "before", &[]);
        remember(&cache, "sarif", "before", &[]);
        same_size_edit(&d.path().join("articles/a.md"));
        settle(&cache);
        let dir = d.path().join(".dossier/cache/runs");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        remember(&cache, "json", "after", &[]);
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "only the memo of the files as they are now is kept"
        );
        assert_eq!(replay(&cache, "json").unwrap().2, "after");
    }

    #[test]
    fn only_the_newest_memos_are_kept() {
        let (d, cache) = dossier();
        for k in 0..KEEP + 3 {
            remember(&cache, &format!("args {k}"), "out", &[]);
        }
        let dir = d.path().join(".dossier/cache/runs");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), KEEP);
        assert!(
            replay(&cache, &format!("args {}", KEEP + 2)).is_some(),
            "the newest"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_among_the_inputs_disables_the_memo() {
        let (d, cache) = dossier();
        let outside = tempfile::tempdir().unwrap();
        for link in ["sources", "articles/more"] {
            std::os::unix::fs::symlink(outside.path(), d.path().join(link)).unwrap();
            std::thread::sleep(Duration::from_millis(150));
            assert!(Memo::new(&cache, "check", "").writer().is_none(), "{link}");
            std::fs::remove_file(d.path().join(link)).unwrap();
        }
    }
}
