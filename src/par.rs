//! Independent work items (articles, claim files, source entries) on several threads, with the
//! results in input order, so that output never depends on the number of threads or on which
//! thread finished first.
//!
//! Plain `std::thread::scope`: the work items are few and coarse (a file each), so a shared
//! counter handing out the next index balances the load well enough, and no thread-pool
//! dependency is needed.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads to use when the user did not say: every core the process may use.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` applied to every item, on up to `jobs` threads; `out[i] == f(&items[i])`.
///
/// With `jobs <= 1` (or fewer than two items) everything runs on the calling thread. A panic in
/// `f` is a bug, and is re-raised on the calling thread rather than losing items.
pub fn map<T, R, F>(items: &[T], jobs: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = jobs.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    // Every index below items.len() was handed out exactly once and its thread joined.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_whatever_the_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_square = |x: &u64| {
            // Uneven work, so that threads finish out of order.
            if x.is_multiple_of(7) {
                std::thread::yield_now();
            }
            x * x
        };
        let one = map(&items, 1, slow_square);
        for jobs in [2, 3, 8, 2000] {
            assert_eq!(map(&items, jobs, slow_square), one, "jobs = {jobs}");
        }
        assert_eq!(one[999], 999 * 999);
    }

    #[test]
    fn empty_and_single_inputs() {
        assert!(map(&[] as &[u8], 4, |x| *x).is_empty());
        assert_eq!(map(&[5u8], 4, |x| *x + 1), vec![6]);
    }

    #[test]
    fn a_panicking_item_is_not_silently_dropped() {
        let r = std::panic::catch_unwind(|| {
            map(&[1, 2, 3, 4], 2, |x| {
                assert!(*x != 3, "boom");
                *x
            })
        });
        assert!(r.is_err());
    }

    #[test]
    fn every_item_runs_exactly_once() {
        let count = AtomicUsize::new(0);
        let items: Vec<usize> = (0..500).collect();
        let out = map(&items, 4, |x| {
            count.fetch_add(1, Ordering::Relaxed);
            *x
        });
        assert_eq!(count.load(Ordering::Relaxed), 500);
        assert_eq!(out, items);
    }
}
