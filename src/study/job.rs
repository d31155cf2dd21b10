//! The one kind of background job: a worker thread computes a value and then wakes whoever
//! waits for it (the window passes a waker that asks egui for a repaint), so that the UI is
//! woken when the value is ready instead of polling for it. A panic of the worker becomes an
//! error of the job; when no thread can be started, the work runs on the spot.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::error::StudyError;

/// Called by a worker when its value is ready (the UI's is `ctx.request_repaint()`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that wakes nothing (tools and tests, which wait).
pub fn no_waker() -> Waker {
    Arc::new(|| {})
}

/// A value being computed on a worker thread, or computed (or the error that stopped it).
pub struct Job<T> {
    what: &'static str,
    state: State<T>,
}

enum State<T> {
    /// The worker; it returns `None` only if its work was taken (never, see `spawn`).
    Running(JoinHandle<Option<Result<T, StudyError>>>),
    Done(Result<T, StudyError>),
    Taken,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `what` (the name is also how a panic is reported);
    /// `wake` is called once the value is ready. When no thread can be started, the work runs
    /// here and now.
    pub fn spawn(
        what: &'static str,
        wake: Waker,
        work: impl FnOnce() -> Result<T, StudyError> + Send + 'static,
    ) -> Job<T> {
        // The work is handed over through a shared slot, so that it is still here to run if
        // the thread cannot be started.
        let slot = Arc::new(Mutex::new(Some(work)));
        let theirs = Arc::clone(&slot);
        let spawned = std::thread::Builder::new()
            .name(what.into())
            .spawn(move || {
                let work = theirs.lock().ok().and_then(|mut w| w.take());
                let value = work.map(|w| w());
                wake();
                value
            });
        let state = match spawned {
            Ok(h) => State::Running(h),
            Err(_) => {
                let work = slot.lock().ok().and_then(|mut w| w.take());
                State::Done(work.map_or(Err(StudyError::WorkerPanicked(what)), |w| w()))
            }
        };
        Job { what, state }
    }
}

impl<T> Job<T> {
    /// A job whose value is known already (work done on the spot).
    pub fn ready(what: &'static str, value: Result<T, StudyError>) -> Job<T> {
        Job {
            what,
            state: State::Done(value),
        }
    }

    /// Whether the value is ready (or was taken).
    pub fn is_done(&self) -> bool {
        match &self.state {
            State::Running(h) => h.is_finished(),
            _ => true,
        }
    }

    /// Collects the worker's value if it has finished.
    fn settle(&mut self) {
        if let State::Running(h) = &self.state
            && h.is_finished()
        {
            let State::Running(h) = std::mem::replace(&mut self.state, State::Taken) else {
                return;
            };
            self.state = State::Done(joined(h, self.what));
        }
    }

    /// The value once ready, without waiting; `None` while the worker runs (or once taken).
    pub fn poll(&mut self) -> Option<&Result<T, StudyError>> {
        self.settle();
        match &self.state {
            State::Done(v) => Some(v),
            _ => None,
        }
    }

    /// Takes the value once ready, without waiting.
    pub fn try_take(&mut self) -> Option<Result<T, StudyError>> {
        self.settle();
        match std::mem::replace(&mut self.state, State::Taken) {
            State::Done(v) => Some(v),
            other => {
                self.state = other;
                None
            }
        }
    }

    /// Waits for the value and takes it.
    pub fn wait(mut self) -> Result<T, StudyError> {
        match std::mem::replace(&mut self.state, State::Taken) {
            State::Running(h) => joined(h, self.what),
            State::Done(v) => v,
            State::Taken => Err(StudyError::WorkerPanicked(self.what)),
        }
    }
}

/// The worker's value, or the error its panic becomes.
fn joined<T>(
    h: JoinHandle<Option<Result<T, StudyError>>>,
    what: &'static str,
) -> Result<T, StudyError> {
    h.join()
        .ok()
        .flatten()
        .unwrap_or(Err(StudyError::WorkerPanicked(what)))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn the_worker_wakes_once_with_its_value() {
        let woken = Arc::new(AtomicUsize::new(0));
        let w = Arc::clone(&woken);
        let job = Job::spawn(
            "test job",
            Arc::new(move || {
                w.fetch_add(1, Ordering::SeqCst);
            }),
            || Ok(6 * 7),
        );
        assert_eq!(job.wait().unwrap(), 42);
        assert_eq!(woken.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_panic_is_an_error_that_names_the_job() {
        let mut job: Job<u8> = Job::spawn("sum worker", no_waker(), || panic!("boom"));
        while !job.is_done() {
            std::thread::yield_now();
        }
        let err = job.try_take().unwrap().unwrap_err();
        assert!(err.to_string().contains("sum worker"), "{err}");
        assert!(job.try_take().is_none(), "taken once");
    }
}
