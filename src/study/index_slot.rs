//! The collection's quiz index, built on a worker (a [`Job`]): at 100,000 cards it takes about
//! as long as opening the window, and the home screen does not need it. The worker is started
//! when asked ([`IndexSlot::start`]: once the first frame is on screen, since on two cores a
//! worker beside the opening slows the opening down); the first use waits for it, or builds
//! the index on the spot when no worker was started or the worker failed. A new library gets a
//! new slot, so the index never lags behind the decks.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::job::{Job, no_waker};
use crate::deck::Library;
use crate::quiz::QuizIndex;

/// The quiz index of one library: built, or being built.
pub struct IndexSlot {
    built: OnceLock<QuizIndex>,
    /// The worker building it, until the index is first asked for.
    worker: Mutex<Option<Job<QuizIndex>>>,
    /// The library it is of, to build it here if there is no worker.
    library: Arc<Library>,
}

impl IndexSlot {
    /// The index of `library`, not built yet.
    pub fn new(library: Arc<Library>) -> IndexSlot {
        IndexSlot {
            built: OnceLock::new(),
            worker: Mutex::new(None),
            library,
        }
    }

    /// Starts building the index on a worker, unless it is built or being built.
    pub fn start(&self) {
        let mut worker = self.worker.lock().unwrap_or_else(PoisonError::into_inner);
        if worker.is_some() || self.built.get().is_some() {
            return;
        }
        let lib = Arc::clone(&self.library);
        *worker = Some(Job::spawn("quiz index", no_waker(), move || {
            let ix = QuizIndex::build(&lib);
            crate::malloc::trim();
            Ok(ix)
        }));
    }

    /// The index, waiting for the worker the first time (or building it here, if no worker
    /// was started or it failed).
    pub fn get(&self) -> &QuizIndex {
        self.built.get_or_init(|| {
            let worker = self
                .worker
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            worker
                .and_then(|j| j.wait().ok())
                .unwrap_or_else(|| QuizIndex::build(&self.library))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::IndexSlot;
    use crate::deck::Library;
    use crate::quiz::QuizIndex;

    #[test]
    fn the_worker_builds_what_building_here_would() {
        let lib = Arc::new(Library::builtin());
        let here = QuizIndex::build(&lib);
        let on_worker = IndexSlot::new(Arc::clone(&lib));
        on_worker.start();
        on_worker.start();
        let on_first_use = IndexSlot::new(Arc::clone(&lib));
        for slot in [&on_worker, &on_first_use] {
            assert_eq!(slot.get().persons.len(), here.persons.len());
            assert_eq!(slot.get().dates, here.dates);
            // Asked again (or started again), the same index: no second build.
            slot.start();
            assert!(std::ptr::eq(slot.get(), slot.get()));
        }
    }
}
