//! Part of stage 5 (index): the order in which the extraction workers' outcomes reach the
//! thread that writes the index. Workers finish files in any order; the writer takes them
//! in the walk's order (an archive's parts in their order, before its final outcome), so
//! which copy of a story founds it does not depend on which worker was quicker.
//!
//! [`Feed`] hands files to workers and bounds how far ahead of the writer they may run:
//! at most [`AHEAD`] files past the first one not yet written, and a worker streaming an
//! archive that is not the next to be written stops after [`PARTS_AHEAD`] parts until it
//! is (the worker on the next file never waits, so the writer always moves on).
//! [`InOrder`] is the writer's side: outcomes that came early wait there for their turn.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// How many files past the first not yet written a worker may take.
pub(super) const AHEAD: usize = 256;

/// How many parts of an archive that is not the next to be written a worker may send
/// before it waits for its turn: what waits for the writer stays a few parts.
pub(super) const PARTS_AHEAD: usize = 4;

/// Files for the workers, in the walk's order.
pub(super) struct Feed {
    files: usize,
    state: Mutex<State>,
    moved: Condvar,
}

struct State {
    /// The next file to hand out.
    taken: usize,
    /// The first file whose outcome is not yet written.
    written: usize,
    stopped: bool,
}

impl Feed {
    pub(super) fn new(files: usize) -> Feed {
        Feed {
            files,
            state: Mutex::new(State {
                taken: 0,
                written: 0,
                stopped: false,
            }),
            moved: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        self.moved
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The next file for a worker, once it is at most [`AHEAD`] past the first not yet
    /// written; None when every file is taken or the writer stopped.
    pub(super) fn take(&self) -> Option<usize> {
        let mut s = self.lock();
        while !s.stopped && s.taken < self.files && s.taken >= s.written + AHEAD {
            s = self.wait(s);
        }
        if s.stopped || s.taken >= self.files {
            return None;
        }
        s.taken += 1;
        Some(s.taken - 1)
    }

    /// Before a worker sends part `sent` (counted from 0) of file `i`: waits while `i` is
    /// not the next to be written and [`PARTS_AHEAD`] parts are already sent. False when
    /// the writer stopped.
    pub(super) fn may_send_part(&self, i: usize, sent: usize) -> bool {
        let mut s = self.lock();
        while !s.stopped && sent >= PARTS_AHEAD && s.written < i {
            s = self.wait(s);
        }
        !s.stopped
    }

    /// The writer wrote every outcome of the files before `next`.
    pub(super) fn written(&self, next: usize) {
        self.lock().written = next;
        self.moved.notify_all();
    }

    /// The writer stopped (an error, or a panic): waiting workers end.
    pub(super) fn stop(&self) {
        self.lock().stopped = true;
        self.moved.notify_all();
    }
}

/// Stops the [`Feed`] when dropped: on the writer's return and on its panic alike, so no
/// worker is left waiting for a turn that will not come.
pub(super) struct StopOnDrop<'a>(pub(super) &'a Feed);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// The writer's side: outcomes of files, taken in any order, given out in file order.
pub(super) struct InOrder<T> {
    next: usize,
    waiting: BTreeMap<usize, Vec<T>>,
}

impl<T> InOrder<T> {
    pub(super) fn new() -> Self {
        InOrder {
            next: 0,
            waiting: BTreeMap::new(),
        }
    }

    /// The first file whose final outcome has not been given out.
    pub(super) fn next(&self) -> usize {
        self.next
    }

    /// Takes `item`, an outcome of file `i` (`is_final`: its last one), and gives `out`
    /// every outcome that is now in order, with its file.
    pub(super) fn push<E>(
        &mut self,
        i: usize,
        item: T,
        is_final: impl Fn(&T) -> bool,
        mut out: impl FnMut(usize, T) -> Result<(), E>,
    ) -> Result<(), E> {
        if i != self.next {
            self.waiting.entry(i).or_default().push(item);
            return Ok(());
        }
        let done = is_final(&item);
        out(i, item)?;
        if !done {
            return Ok(());
        }
        self.next += 1;
        // Files that finished while an earlier one was read.
        while let Some(items) = self.waiting.remove(&self.next) {
            let done = items.last().is_some_and(&is_final);
            for item in items {
                out(self.next, item)?;
            }
            if !done {
                break;
            }
            self.next += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outcomes as (file, part number, final), pushed in the order given.
    type Pushed = [(usize, u32, bool)];

    /// What comes out of pushing `pushed`: (file, part number).
    fn run(pushed: &[(usize, u32, bool)]) -> Vec<(usize, u32)> {
        let mut order = InOrder::new();
        let mut out = Vec::new();
        for &(i, n, last) in pushed {
            order
                .push(
                    i,
                    (n, last),
                    |(_, last)| *last,
                    |i, (n, _)| {
                        out.push((i, n));
                        Ok::<(), ()>(())
                    },
                )
                .unwrap();
        }
        out
    }

    #[test]
    fn outcomes_come_out_in_file_order_whatever_order_they_came_in() {
        let cases: &[(&Pushed, &[(usize, u32)])] = &[
            // In order already.
            (&[(0, 0, true), (1, 0, true)], &[(0, 0), (1, 0)]),
            // Reversed.
            (
                &[(2, 0, true), (1, 0, true), (0, 0, true)],
                &[(0, 0), (1, 0), (2, 0)],
            ),
            // An archive (file 0) streams parts while file 1 finishes first.
            (
                &[(0, 0, false), (1, 0, true), (0, 1, false), (0, 2, true)],
                &[(0, 0), (0, 1), (0, 2), (1, 0)],
            ),
            // An archive that is not next (file 1) sends parts early, then more once it
            // is next: they keep their order, and come before its final outcome.
            (
                &[
                    (1, 0, false),
                    (1, 1, false),
                    (0, 0, true),
                    (1, 2, false),
                    (2, 0, true),
                    (1, 3, true),
                ],
                &[(0, 0), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0)],
            ),
        ];
        for (pushed, want) in cases {
            assert_eq!(run(pushed), *want, "{pushed:?}");
        }
    }

    #[test]
    fn nothing_is_given_out_before_its_turn() {
        let mut order = InOrder::new();
        let mut out = Vec::new();
        let mut push = |order: &mut InOrder<usize>, i: usize| {
            order
                .push(
                    i,
                    i,
                    |_| true,
                    |i, _| {
                        out.push(i);
                        Ok::<(), ()>(())
                    },
                )
                .unwrap()
        };
        for i in (1..5).rev() {
            push(&mut order, i);
        }
        assert_eq!(order.next(), 0);
        push(&mut order, 0);
        assert_eq!(order.next(), 5);
        assert_eq!(out, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn workers_wait_past_the_window_and_end_when_stopped() {
        let feed = Feed::new(AHEAD + 10);
        for want in 0..AHEAD {
            assert_eq!(feed.take(), Some(want));
        }
        // The next take would wait for the writer; once it writes file 0, it goes on.
        feed.written(1);
        assert_eq!(feed.take(), Some(AHEAD));
        // A part of a file that is not next, past PARTS_AHEAD, waits; stopped, it ends.
        assert!(feed.may_send_part(5, 0));
        std::thread::scope(|s| {
            let waiting = s.spawn(|| feed.may_send_part(5, PARTS_AHEAD));
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert!(!waiting.is_finished());
            feed.stop();
            assert!(!waiting.join().unwrap());
        });
        assert_eq!(feed.take(), None);
    }
}
