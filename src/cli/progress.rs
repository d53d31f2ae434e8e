//! A progress line on stderr for long runs: items done, rate and time left.
//!
//! Shown only to a person watching: stderr is a terminal, not under `--quiet`, not with a
//! machine-readable format, and not in CI (`CI` set, as every common CI service does). The
//! line is redrawn at most ten times a second and erased when the run ends, so that nothing of
//! it is left in the terminal's scrollback between the command's real output.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Whether to show progress, from everything that decides it.
pub fn wanted(stderr_is_terminal: bool, quiet: bool, machine_format: bool, ci: bool) -> bool {
    stderr_is_terminal && !quiet && !machine_format && !ci
}

/// Whether this process runs in CI: `CI` is set to anything but empty, `0` or `false`.
fn in_ci(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// The line for `done` of `total` (if known) items after `elapsed`.
pub fn line(what: &str, done: usize, total: Option<usize>, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    match total {
        Some(total) => {
            let left = if rate > 0.0 && done <= total {
                format!(", ~{} left", duration((total - done) as f64 / rate))
            } else {
                String::new()
            };
            format!("{what}: {done}/{total} ({rate:.0}/s{left})")
        }
        None => format!("{what}: {done} ({rate:.0}/s)"),
    }
}

fn duration(secs: f64) -> String {
    let s = secs.ceil() as u64;
    if s < 60 {
        format!("{s}s")
    } else {
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

/// Counts finished items from any thread and redraws the line now and then.
pub struct Progress {
    what: &'static str,
    total: Option<usize>,
    on: bool,
    done: AtomicUsize,
    start: Instant,
    last: Mutex<Instant>,
}

const EVERY: Duration = Duration::from_millis(100);

impl Progress {
    /// Progress for `what`, shown when [`wanted`] says so for this process.
    pub fn new(what: &'static str, total: Option<usize>, quiet: bool, machine: bool) -> Self {
        let ci = in_ci(std::env::var("CI").ok().as_deref());
        let on = wanted(std::io::stderr().is_terminal(), quiet, machine, ci);
        let now = Instant::now();
        Progress {
            what,
            total,
            on,
            done: AtomicUsize::new(0),
            start: now,
            last: Mutex::new(now),
        }
    }

    /// One more item done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.on {
            return;
        }
        // Whoever holds the lock draws; the others skip rather than wait.
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        let now = Instant::now();
        if now.duration_since(*last) < EVERY {
            return;
        }
        *last = now;
        let text = line(self.what, done, self.total, now.duration_since(self.start));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{text}");
        let _ = err.flush();
    }

    /// Erase the line (if one was drawn).
    pub fn finish(&self) {
        if self.on {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_to_a_person_at_a_terminal() {
        assert!(wanted(true, false, false, false));
        // Piped or redirected stderr, --quiet, JSON/SARIF/GitHub output, CI: silent.
        assert!(!wanted(false, false, false, false));
        assert!(!wanted(true, true, false, false));
        assert!(!wanted(true, false, true, false));
        assert!(!wanted(true, false, false, true));
        assert!(!wanted(false, true, true, true));
    }

    #[test]
    fn ci_is_recognised_from_its_variable() {
        assert!(in_ci(Some("true")));
        assert!(in_ci(Some("1")));
        assert!(!in_ci(None));
        assert!(!in_ci(Some("")));
        assert!(!in_ci(Some("false")));
        assert!(!in_ci(Some("0")));
    }

    #[test]
    fn the_line_gives_count_rate_and_time_left() {
        let l = line("extract", 250, Some(1000), Duration::from_secs(5));
        assert_eq!(l, "extract: 250/1000 (50/s, ~15s left)");
        let l = line("extract", 100, Some(10_000), Duration::from_secs(10));
        assert_eq!(l, "extract: 100/10000 (10/s, ~16m30s left)");
        assert_eq!(
            line("check", 300, None, Duration::from_secs(3)),
            "check: 300 (100/s)"
        );
        // Nothing done yet, or no time passed: no division by zero, no estimate.
        assert_eq!(
            line("extract", 0, Some(10), Duration::ZERO),
            "extract: 0/10 (0/s)"
        );
    }
}
