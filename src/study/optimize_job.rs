//! "Optimise my parameters" off the UI thread: a worker reads the review log through its own
//! read-only connection, fits FSRS parameters with progress, and hands back both evaluations.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use fsrs::CombinedProgressState;

use crate::schedule::optimize::{OptimizeResult, optimize};
use crate::store::Store;

pub struct OptimizeJob {
    progress: Arc<Mutex<CombinedProgressState>>,
    handle: Option<JoinHandle<Result<OptimizeResult, String>>>,
}

impl OptimizeJob {
    /// Starts optimising over the reviews in the data directory's progress file.
    pub fn start(data_dir: PathBuf, current: Vec<f32>, offset_secs: i32) -> OptimizeJob {
        let progress = CombinedProgressState::new_shared();
        let p = Arc::clone(&progress);
        let handle = std::thread::spawn(move || {
            let store = Store::open_read_only(&data_dir).map_err(|e| e.to_string())?;
            let events = store.optimizer_events().map_err(|e| e.to_string())?;
            optimize(&events, &current, offset_secs, Some(p)).map_err(|e| e.to_string())
        });
        OptimizeJob {
            progress,
            handle: Some(handle),
        }
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
    pub fn poll(&mut self) -> Option<Result<OptimizeResult, String>> {
        if self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            let h = self.handle.take()?;
            return Some(
                h.join()
                    .unwrap_or_else(|_| Err("the optimiser stopped unexpectedly".into())),
            );
        }
        None
    }

    /// Asks the worker to stop at its next progress report.
    pub fn cancel(&self) {
        if let Ok(mut p) = self.progress.lock() {
            p.want_abort = true;
        }
    }
}
