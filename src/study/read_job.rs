//! Reading a file from another app (an Anki package of years of reviews takes seconds) off
//! the UI thread, with its progress for a bar; the import itself is then a command run
//! through the collection.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::StudyResult;
use super::job::{Job, Waker};
use crate::interop::{Foreign, Options, read};

pub struct ReadJob {
    progress: Arc<AtomicU32>,
    job: Job<Foreign>,
}

impl ReadJob {
    /// Starts reading `path`; `wake` is called when it is read.
    pub fn start(path: PathBuf, opts: Options, wake: Waker) -> ReadJob {
        let progress = Arc::new(AtomicU32::new(0));
        let p = Arc::clone(&progress);
        let job = Job::spawn("import reader", wake, move || {
            let report = |f: f32| p.store(f.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
            Ok(read(&path, &opts, &report)?)
        });
        ReadJob { progress, job }
    }

    /// How much is read, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// What the file holds once it is read; `None` while the worker reads.
    pub fn take(&mut self) -> Option<StudyResult<Foreign>> {
        self.job.try_take()
    }
}
