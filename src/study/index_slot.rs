//! The collection's quiz index, built on a worker (a [`Job`]): at 100,000 cards it takes about
//! as long as opening the window, and the home screen does not need it. The worker is started
//! when asked ([`IndexSlot::start`]: once the first frame is on screen, since on two cores a
//! worker beside the opening slows the opening down); the first use waits for it, or builds
//! the index on the spot when no worker was started or the worker stopped. A card that cannot
//! be read (its deck's copy in the deck cache is damaged) makes the index an error that every
//! use returns, without building again, until the collection has had the copy written again
//! and asks once for another try ([`IndexSlot::retry`]). A new library gets a new slot, so the
//! index never lags behind the decks.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::error::{StudyError, StudyResult};
use super::job::{Job, no_waker};
use crate::deck::{CardReadError, Library};
use crate::quiz::QuizIndex;

/// The quiz index of one library: built, or being built.
pub struct IndexSlot {
    built: OnceLock<QuizIndex>,
    /// The worker building it, until the index is first asked for.
    worker: Mutex<Option<Job<QuizIndex>>>,
    /// Why the last build failed, until [`IndexSlot::retry`].
    failed: Mutex<Option<CardReadError>>,
    /// Whether the slot has tried again once already.
    retried: Mutex<bool>,
    /// The library it is of, to build it here if there is no worker.
    library: Arc<Library>,
}

impl IndexSlot {
    /// The index of `library`, not built yet.
    pub fn new(library: Arc<Library>) -> IndexSlot {
        IndexSlot {
            built: OnceLock::new(),
            worker: Mutex::new(None),
            failed: Mutex::new(None),
            retried: Mutex::new(false),
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
            Ok(ix?)
        }));
    }

    /// The index, waiting for the worker the first time (or building it here, if no worker
    /// was started or it stopped); the error of a card that could not be read.
    pub fn get(&self) -> StudyResult<&QuizIndex> {
        if let Some(ix) = self.built.get() {
            return Ok(ix);
        }
        // Held while building: a second use waits for this build rather than making another.
        let mut failed = self.failed.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = &*failed {
            return Err(e.clone().into());
        }
        if let Some(ix) = self.built.get() {
            return Ok(ix);
        }
        let worker = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let built = match worker.map(Job::wait) {
            Some(Ok(ix)) => Ok(ix),
            Some(Err(StudyError::CardRead(e))) => Err(e),
            Some(Err(_)) | None => QuizIndex::build(&self.library),
        };
        match built {
            Ok(ix) => Ok(self.built.get_or_init(|| ix)),
            Err(e) => {
                *failed = Some(e.clone());
                Err(e.into())
            }
        }
    }

    /// Whether the last build failed on a card that could not be read.
    pub fn failed(&self) -> bool {
        self.failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Forgets a failed build and starts another on a worker (the damaged copies have been
    /// written again), once: should that fail too, the error stays until the decks are
    /// loaded again.
    pub fn retry(&self) {
        let mut retried = self.retried.lock().unwrap_or_else(PoisonError::into_inner);
        if std::mem::replace(&mut *retried, true) {
            return;
        }
        *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.start();
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
        let here = QuizIndex::build(&lib).unwrap();
        let on_worker = IndexSlot::new(Arc::clone(&lib));
        on_worker.start();
        on_worker.start();
        let on_first_use = IndexSlot::new(Arc::clone(&lib));
        for slot in [&on_worker, &on_first_use] {
            assert_eq!(slot.get().unwrap().persons.len(), here.persons.len());
            assert_eq!(slot.get().unwrap().dates, here.dates);
            // Asked again (or started again), the same index: no second build.
            slot.start();
            assert!(std::ptr::eq(slot.get().unwrap(), slot.get().unwrap()));
        }
    }
}
