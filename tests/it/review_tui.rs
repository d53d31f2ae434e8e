//! The interactive `dossier review`, driven end to end through a pseudo-terminal: the real
//! binary runs on the slave side of a pty, keys are written to the master, the screen is
//! rebuilt with a VT100 parser, and the claim files are checked afterwards.
#![cfg(unix)]

use dossier::model::review::{LinkAction, Verdict};
use dossier::model::ClaimFile;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Generous: the binary may be slow to start on a loaded machine. Nothing waits this long
/// unless something is wrong.
const TIMEOUT: Duration = Duration::from_secs(30);

struct Pty {
    master: std::fs::File,
    child: Child,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has rows and columns")
}

fn winsize(cols: u16, rows: u16) -> rustix::termios::Winsize {
    rustix::termios::Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Pty {
    /// Run `dossier <args>` in `dir` on a `cols` × `rows` pseudo-terminal.
    fn spawn(dir: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        rustix::termios::tcsetwinsize(&master, winsize(cols, rows)).expect("window size");
        let slave_path = PathBuf::from(std::ffi::OsStr::from_bytes(name.as_bytes()));
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&slave_path)
            .expect("open the pty slave");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .env_remove("DOSSIER_REVIEWER")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        for (k, v) in env {
            cmd.env(k, v);
        }
        // A session of its own with the pty as controlling terminal, so that a window size
        // change reaches the program as SIGWINCH, as in a real terminal.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(std::io::stdin())?;
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn dossier");
        drop(cmd); // close our copies of the slave, so the master sees the end
        let master = std::fs::File::from(master);
        let mut reader = master.try_clone().unwrap();
        let (tx, output) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Pty {
            master,
            child,
            output,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn row(&self, row: u16) -> String {
        let (_, cols) = self.parser.screen().size();
        self.parser
            .screen()
            .contents_between(row, 0, row, cols.get())
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Read output until `done(screen)` holds; panics with the screen after [`TIMEOUT`].
    fn wait_for(&mut self, what: &str, done: impl Fn(&Pty) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(self) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "timed out waiting for {what}; the screen:\n{}",
                        self.screen()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "dossier ended while waiting for {what}; the screen:\n{}",
                        self.screen()
                    )
                }
            }
        }
    }

    fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_for(&format!("{text:?}"), move |p| p.screen().contains(&t));
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        rustix::termios::tcsetwinsize(&self.master, winsize(cols, rows)).unwrap();
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// Wait for the program to end, reading what it still prints; its exit status.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                // Read what it wrote last (restoring the terminal, the summary): the reader
                // ends when the pty reports that no one holds the other side any more.
                loop {
                    let left = deadline.saturating_duration_since(Instant::now());
                    match self.output.recv_timeout(left) {
                        Ok(bytes) => self.parser.process(&bytes),
                        Err(RecvTimeoutError::Disconnected) => return status,
                        Err(RecvTimeoutError::Timeout) => {
                            panic!("the pty stayed open after dossier exited")
                        }
                    }
                }
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("dossier did not exit; the screen:\n{}", self.screen());
            }
            // Polling the exit status, not asserting on timing.
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A copy of this repository's own dossier (two op-eds, their claims and sources).
fn repo_dossier() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"));
    for d in ["articles", "claims", "sources", "schemas"] {
        copy_dir(&src.join(d), &tmp.path().join(d));
    }
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, except the desk's lock file (which writers create
/// and leave, empty).
/// Every file of the dossier but dossier's own working files (the write lock, the parse
/// cache under `.dossier/`), which are not the editor's.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() && e.file_name() == ".dossier" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if e.file_name() != ".dossier.lock" {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn claim_file(dir: &Path, slug: &str) -> ClaimFile {
    let text = std::fs::read_to_string(dir.join(format!("claims/{slug}.yaml"))).unwrap();
    dossier::store::yaml::from_str(&text).unwrap()
}

/// The title bar, ` dossier review  3/17  NAME  KIND `: the position, the item's name
/// (`article/id` for a claim, the id for a source entry) and its kind.
fn current_item(p: &Pty) -> (usize, String, String) {
    let title = p.row(0);
    let words: Vec<&str> = title.split_whitespace().collect();
    let [_, _, pos, name, .., kind] = words.as_slice() else {
        panic!("not a title bar: {title:?}")
    };
    let pos = pos
        .split_once('/')
        .and_then(|(a, _)| a.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no position in {title:?}"));
    (pos, name.to_string(), kind.to_string())
}

/// Skip (space) until the item shown is a claim satisfying `want`; its article and id.
fn skip_to_claim(p: &mut Pty, want: impl Fn(&Pty) -> bool) -> (String, String) {
    for _ in 0..100 {
        let (pos, name, kind) = current_item(p);
        if kind != "source" && want(p) {
            let (article, id) = name.split_once('/').expect("article/id");
            return (article.to_string(), id.to_string());
        }
        p.send(" ");
        p.wait_for("the next item", at_position(pos + 1));
    }
    panic!("no such claim in the queue:\n{}", p.screen())
}

/// The first source suggested for the claim shown.
fn suggestion(p: &Pty) -> Option<String> {
    p.screen()
        .lines()
        .find_map(|l| l.trim().strip_prefix("suggested "))
        .and_then(|rest| rest.split_whitespace().next().map(str::to_string))
}

fn at_position(n: usize) -> impl Fn(&Pty) -> bool {
    move |p: &Pty| {
        let t = p.row(0);
        t.contains(&format!(" {n}/"))
    }
}

#[test]
fn an_editor_reviews_claims_with_single_keys_and_every_decision_is_saved() {
    let tmp = repo_dossier();
    let dir = tmp.path();
    let before = snapshot(dir);
    let mut p = Pty::spawn(
        dir,
        &["review", "--by", "Tester", "--date", "2026-01-02"],
        80,
        24,
        &[],
    );
    p.wait_for("the first item", at_position(1));
    let screen = p.screen();
    assert!(
        screen.contains("1 verified"),
        "verdict keys shown:\n{screen}"
    );
    assert!(screen.contains("Findings"), "{screen}");

    // 1. A verdict: saved, and the review moves on.
    let (art1, id1) = skip_to_claim(&mut p, |_| true);
    let (pos, _, _) = current_item(&p);
    p.send("1");
    p.wait_for("the next item", at_position(pos + 1));
    assert!(
        p.screen().contains("saved: verified (Tester, 2026-01-02)"),
        "{}",
        p.screen()
    );

    // 2. A note, typed on the line editor (with a correction), saved on Enter.
    let (art2, id2) = skip_to_claim(&mut p, |_| true);
    p.send("n");
    p.wait_text("Note: ");
    p.send("ask the authx\x7for for the date\r");
    p.wait_text("saved: note");
    assert!(
        p.screen().contains("- ask the author for the date"),
        "{}",
        p.screen()
    );

    // 3. Skip forward to a claim with a suggested source, and confirm it.
    let (art3, id3) = skip_to_claim(&mut p, |p| suggestion(p).is_some());
    let suggested = suggestion(&p).unwrap();
    p.send("c");
    p.wait_for("the link to be saved", |p| {
        p.screen().contains("linked to") || p.screen().contains("Confirm which")
    });
    if p.screen().contains("Confirm which") {
        p.send("\r"); // several suggestions: the first (the one read above) is highlighted
        p.wait_text("linked to");
    }

    // 4. Back goes to the previous item; help shows the keys; q quits.
    let (pos, _, _) = current_item(&p);
    p.send("b");
    p.wait_for("the previous item", at_position(pos - 1));
    p.send("?");
    p.wait_text("confirm the suggested source");
    assert!(
        p.screen().contains("cannot be traced"),
        "verdicts are explained:\n{}",
        p.screen()
    );
    p.send("x");
    p.wait_for("the review again", |p| p.screen().contains("c confirm"));
    p.send("q");
    let status = p.wait_exit();
    assert!(status.success(), "{status:?}:\n{}", p.screen());

    // The files: exactly the decided claims changed.
    let c1 = claim_file(dir, &art1);
    let r = c1
        .claims
        .iter()
        .find(|c| c.id == id1)
        .unwrap()
        .review
        .clone()
        .unwrap();
    assert_eq!(
        (r.verdict, r.by.as_str(), r.date.as_str()),
        (Verdict::Verified, "Tester", "2026-01-02")
    );
    let c2 = claim_file(dir, &art2);
    let claim2 = c2.claims.iter().find(|c| c.id == id2).unwrap();
    assert_eq!(claim2.notes, ["ask the author for the date"]);
    assert!(claim2.review.is_none(), "a note is not a verdict");
    let c3 = claim_file(dir, &art3);
    let claim3 = c3.claims.iter().find(|c| c.id == id3).unwrap();
    assert!(
        claim3
            .links
            .iter()
            .any(|l| l.source == suggested && l.action == LinkAction::Confirm && l.by == "Tester"),
        "{:?}",
        claim3.links
    );
    let after = snapshot(dir);
    let touched: Vec<PathBuf> = [&art1, &art2, &art3]
        .iter()
        .map(|a| PathBuf::from(format!("claims/{a}.yaml")))
        .collect();
    for (path, bytes) in &before {
        if !touched.contains(path) {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "no file created or removed"
    );
    // In the touched files, every other claim is as it was.
    for a in [&art1, &art2, &art3] {
        let old: ClaimFile = dossier::store::yaml::from_str(
            std::str::from_utf8(&before[&PathBuf::from(format!("claims/{a}.yaml"))]).unwrap(),
        )
        .unwrap();
        let new = claim_file(dir, a);
        for (o, n) in old.claims.iter().zip(&new.claims) {
            if ![&id1, &id2, &id3].contains(&&o.id) {
                assert_eq!(o, n, "claim {} changed", o.id);
            }
        }
    }
}

#[test]
fn picking_another_source_filters_and_links_it() {
    let tmp = repo_dossier();
    let dir = tmp.path();
    let mut p = Pty::spawn(
        dir,
        &["review", "--by", "Tester"],
        80,
        24,
        &[("NO_COLOR", "1")],
    );
    p.wait_for("the first item", at_position(1));
    let (art, id) = skip_to_claim(&mut p, |_| true);
    // Without colour the claim is marked in the text.
    assert!(p.screen().contains("<<"), "{}", p.screen());
    p.send("o");
    p.wait_text("Link which source entry?");
    p.send("kommersant");
    p.wait_for("the filtered list", |p| {
        p.screen().contains("> kommersant-2025") && !p.screen().contains("global-times")
    });
    p.send("\r");
    p.wait_text("saved: linked to kommersant-2025");
    p.send("q");
    assert!(p.wait_exit().success());
    let f = claim_file(dir, &art);
    let c = f.claims.iter().find(|c| c.id == id).unwrap();
    assert!(c
        .links
        .iter()
        .any(|l| l.source == "kommersant-2025" && l.action == LinkAction::Confirm));
}

#[test]
fn a_resized_terminal_is_redrawn_to_its_new_size() {
    let tmp = repo_dossier();
    let mut p = Pty::spawn(tmp.path(), &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    p.wait_for("the footer on row 24", |p| p.row(23).contains("q quit"));
    p.resize(100, 30);
    p.wait_for("the footer on row 30", |p| p.row(29).contains("q quit"));
    // The title bar now spans 100 columns: the item's kind ends one column from the edge.
    p.wait_for("a 100-column title bar", |p| {
        p.row(0).trim_end().chars().count() == 99
    });
    let before = snapshot(tmp.path());
    p.send("q");
    assert!(p.wait_exit().success());
    assert_eq!(snapshot(tmp.path()), before, "looking changes nothing");
}

#[test]
fn ctrl_c_leaves_the_terminal_as_it_was() {
    let tmp = repo_dossier();
    let mut p = Pty::spawn(tmp.path(), &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    assert!(
        p.parser.screen().alternate_screen(),
        "the review uses the alternate screen"
    );
    p.send("\x03");
    assert!(p.wait_exit().success());
    let s = p.parser.screen();
    assert!(!s.alternate_screen(), "back on the main screen");
    assert!(!s.hide_cursor(), "the cursor is shown again");
    assert!(
        p.screen().contains("0 of"),
        "a summary is printed: {}",
        p.screen()
    );
}

#[test]
fn sigterm_also_restores_the_terminal() {
    let tmp = repo_dossier();
    let mut p = Pty::spawn(tmp.path(), &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    let pid = rustix::process::Pid::from_raw(p.child.id() as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
    p.wait_exit();
    let s = p.parser.screen();
    assert!(!s.alternate_screen() && !s.hide_cursor(), "{}", p.screen());
}

#[test]
fn without_a_terminal_it_refuses_and_points_to_the_scriptable_review() {
    let tmp = repo_dossier();
    let before = snapshot(tmp.path());
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["review", "--by", "Tester"])
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let words = err
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("needs a terminal"), "{err}");
    assert!(words.contains("dossier review CLAIM --verdict"), "{err}");
    assert!(words.contains("dossier review --list"), "{err}");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn a_dumb_terminal_is_refused_too() {
    let tmp = repo_dossier();
    let mut p = Pty::spawn(
        tmp.path(),
        &["review", "--by", "Tester"],
        80,
        24,
        &[("TERM", "dumb")],
    );
    p.wait_text("move the cursor");
    assert_eq!(p.wait_exit().code(), Some(2));
    assert!(p.screen().contains("--verdict"), "{}", p.screen());
}

#[test]
fn an_empty_queue_says_so_and_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["init", "-q"])
        .current_dir(tmp.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mut p = Pty::spawn(tmp.path(), &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_text("nothing to review");
    assert!(p.wait_exit().success());
}

/// `dossier <args>` in `dir`, without a terminal: the exit code.
fn run(dir: &Path, args: &[&str]) -> i32 {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    out.status.code().expect("an exit code")
}

#[test]
fn from_init_to_a_clean_check_as_the_readme_walks_it() {
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("harbour.md");
    std::fs::write(
        &story,
        "# Harbour Fees Doubled: What the Council Decided\n\n\
         By Ana Ruiz | The Coastal Post | 3 March 2025\n\n\
         The council voted 7 to 2 on 1 March 2025 to double harbour fees.\n\n\
         \"We had no other way to pay for the dredging,\" Mayor Jan Berg said.\n\n\
         ## References\n\n\
         1. Harbour Gazette. (2025). \"Council doubles harbour fees\".\n",
    )
    .unwrap();
    assert_eq!(run(tmp.path(), &["init", "desk"]), 0);
    let dir = tmp.path().join("desk");
    assert_eq!(run(&dir, &["add", story.to_str().unwrap()]), 0);
    assert_eq!(
        run(&dir, &["check"]),
        1,
        "the source entry has no locator: an error"
    );

    let mut p = Pty::spawn(&dir, &["review", "--by", "Ann Editor"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    while !p.screen().contains("That was the last item") {
        let (pos, _, kind) = current_item(&p);
        if kind == "source" {
            // The editor found the work and it is what the entry says.
            p.send("1");
        } else {
            // The quote comes from the Gazette's report: link it, then call it supported.
            p.send("o");
            p.wait_text("Link which source entry?");
            p.send("gazette\r");
            p.wait_text("saved: linked to harbour-gazette");
            p.send("2");
        }
        p.wait_for("the next item", move |p| {
            p.row(0).contains(&format!(" {}/", pos + 1)) || p.screen().contains("last item")
        });
    }
    assert!(p.screen().contains("decided, 0 skipped"), "{}", p.screen());
    p.send("q");
    assert!(p.wait_exit().success());
    assert_eq!(
        run(&dir, &["check"]),
        0,
        "every finding decided: a clean check"
    );
    assert_eq!(run(&dir, &["review", "--list"]), 0);
}

#[test]
fn a_claim_whose_words_moved_is_shown_as_recorded_with_the_reason() {
    let tmp = repo_dossier();
    let article = tmp.path().join("articles/no-tariffs-just-trust.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    let claims = claim_file(tmp.path(), "no-tariffs-just-trust");
    let quote = claims
        .claims
        .iter()
        .find(|c| c.kind == dossier::model::ClaimKind::Quote)
        .expect("the op-ed quotes Lavrov");
    // Insert words before the quote: its recorded offsets no longer hold its words.
    let edited = format!(
        "{}An editor's insertion. {}",
        &text[..quote.start],
        &text[quote.start..]
    );
    std::fs::write(&article, edited).unwrap();
    let mut p = Pty::spawn(tmp.path(), &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    let (article, id) = skip_to_claim(&mut p, |p| p.screen().contains("no longer has these words"));
    // The words shown are the recorded ones (the article's bytes at the old offsets are not).
    let recorded = &claims.claims.iter().find(|c| c.id == id).unwrap().text;
    assert_eq!(article, "no-tariffs-just-trust");
    let first_words: String = recorded
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        p.screen().contains(&first_words),
        "{first_words:?} in\n{}",
        p.screen()
    );
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn a_claim_whose_words_are_gone_is_kept_and_says_so() {
    let tmp = repo_dossier();
    let dir = tmp.path();
    let claims = claim_file(dir, "trump-russia-policy");
    let gone = claims
        .claims
        .iter()
        .find(|c| c.kind == dossier::model::ClaimKind::Assertion)
        .expect("the piece makes assertions")
        .clone();
    // An editor's note, then the sentence is cut from the article and extract runs again.
    let target = format!("trump-russia-policy/{}", gone.id);
    assert_eq!(
        run(dir, &["review", &target, "--note", "check the date"]),
        0
    );
    let article = dir.join("articles/trump-russia-policy.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replacen(&gone.text, "", 1)).unwrap();
    assert_eq!(run(dir, &["extract"]), 0);

    let mut p = Pty::spawn(dir, &["review", "--by", "Tester"], 80, 24, &[]);
    p.wait_for("the first item", at_position(1));
    let (_, id) = skip_to_claim(&mut p, |p| p.screen().contains("gone from the article"));
    assert_eq!(id, gone.id);
    assert!(p.screen().contains("- check the date"), "{}", p.screen());
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The screens of the first `n` items of a review of `dir` (space to step on), then quit.
fn first_screens(dir: &Path, before: &[&str], n: usize) -> Vec<String> {
    let mut args = before.to_vec();
    args.extend(["review", "--by", "Tester", "--date", "2026-01-02"]);
    let mut p = Pty::spawn(dir, &args, 80, 24, &[]);
    let mut screens = Vec::new();
    for pos in 1..=n {
        p.wait_for("the item", at_position(pos));
        screens.push(p.screen());
        p.send(" ");
    }
    p.send("q");
    assert!(p.wait_exit().success());
    screens
}

/// The remembered queues (run memos that hold a review deck) under `dir`'s cache.
fn remembered_decks(dir: &Path) -> usize {
    let runs = dir.join(".dossier/cache/runs");
    std::fs::read_dir(runs)
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    std::fs::read(e.path()).is_ok_and(|b| b.starts_with(b"dossier review deck"))
                })
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn a_review_reopened_on_unchanged_files_deals_the_same_cards_and_a_decision_is_never_undone() {
    let tmp = repo_dossier();
    let dir = tmp.path();
    // Files written within the last moments are never remembered (their times could hide
    // a change); give the copy that moment.
    std::thread::sleep(Duration::from_millis(300));
    let made = first_screens(dir, &[], 4);
    assert_eq!(remembered_decks(dir), 1, "the queue made is remembered");
    let remembered = first_screens(dir, &[], 4);
    assert_eq!(
        remembered, made,
        "the remembered queue deals the same cards"
    );
    assert_eq!(first_screens(dir, &["--no-cache"], 4), made);

    // A verdict on the first item: the next review starts from the files, without it.
    // The title bar: ` dossier review  1/25  NAME  KIND `.
    let first_name = |screen: &str| {
        let title = screen.lines().next().unwrap_or_default();
        title
            .split_whitespace()
            .nth(3)
            .unwrap_or_default()
            .to_string()
    };
    let mut p = Pty::spawn(
        dir,
        &["review", "--by", "Tester", "--date", "2026-01-02"],
        80,
        24,
        &[],
    );
    p.wait_for("the first item", at_position(1));
    p.send("1");
    p.wait_text("saved: verified");
    p.send("q");
    assert!(p.wait_exit().success());
    let after = first_screens(dir, &[], 1);
    assert_ne!(first_name(&after[0]), first_name(&made[0]), "{}", after[0]);
    assert_eq!(first_name(&after[0]), first_name(&made[1]));
}
