//! "Optimise my parameters" off the UI thread: a worker reads the review log through its own
//! read-only connection, fits FSRS parameters with progress, and hands back both evaluations.

use std::sync::{Arc, Mutex};

use fsrs::CombinedProgressState;

use super::Collection;
use super::error::{StudyError, StudyResult};
use super::job::{Job, Waker};
use crate::schedule::optimize::{OptimizeResult, optimize};
use crate::store::Store;

pub struct OptimizeJob {
    progress: Arc<Mutex<CombinedProgressState>>,
    job: Job<OptimizeResult>,
}

impl OptimizeJob {
    /// Starts optimising over the reviews in the collection's progress file.
    pub fn start(coll: &Collection, wake: Waker) -> StudyResult<OptimizeJob> {
        coll.writable()?;
        let dir = coll
            .data_dir()
            .ok_or_else(|| StudyError::Deck("there is no progress file to optimise from".into()))?
            .to_path_buf();
        let current = coll.settings().fsrs_parameters.clone();
        let offset_secs = coll.clock().offset_secs;
        let progress = CombinedProgressState::new_shared();
        let p = Arc::clone(&progress);
        let job = Job::spawn("optimiser", wake, move || {
            let store = Store::open_read_only(&dir)?;
            let events = store.optimizer_events()?;
            Ok(optimize(&events, &current, offset_secs, Some(p))?)
        });
        Ok(OptimizeJob { progress, job })
    }

    /// Training progress from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.progress
            .lock()
            .map(|p| {
                if p.total() == 0 {
                    0.0
                } else {
                    p.current() as f32 / p.total() as f32
                }
            })
            .unwrap_or(0.0)
    }

    /// The result once the worker is done; `None` while it runs.
    pub fn take(&mut self) -> Option<StudyResult<OptimizeResult>> {
        self.job.try_take()
    }

    /// Asks the worker to stop at its next progress report.
    pub fn cancel(&self) {
        if let Ok(mut p) = self.progress.lock() {
            p.want_abort = true;
        }
    }
}
