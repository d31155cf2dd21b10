//! A card's review history, read off the UI thread. The log keeps no index by card (it would
//! be a quarter of the progress file), so one card's reviews are a pass over the whole log:
//! tens of milliseconds at a million reviews, too long for a frame.

use super::Collection;
use super::error::StudyError;
use super::job::{Job, Waker};
use crate::schedule::queue::Slot;
pub use crate::store::ReviewRow;
use crate::store::Store;

/// The history of one card: being read, or read.
pub struct HistoryJob {
    pub slot: Slot,
    job: Job<Vec<ReviewRow>>,
}

impl HistoryJob {
    /// Starts reading the reviews of the card at `slot`: on a worker with its own read-only
    /// connection when the progress is a file, at once for a store in memory.
    pub fn start(coll: &Collection, slot: Slot, wake: Waker) -> HistoryJob {
        const WHAT: &str = "history reader";
        let job = match (coll.ids(slot), coll.store().data_dir()) {
            (None, _) => Job::ready(WHAT, Ok(Vec::new())),
            (Some((deck, card)), Some(dir)) => {
                let dir = dir.to_path_buf();
                Job::spawn(WHAT, wake, move || {
                    Ok(Store::open_read_only(&dir)?.card_reviews(&deck, &card)?)
                })
            }
            (Some((deck, card)), None) => Job::ready(
                WHAT,
                coll.store()
                    .card_reviews(&deck, &card)
                    .map_err(StudyError::from),
            ),
        };
        HistoryJob { slot, job }
    }

    /// The reviews, oldest first, once read (`None` while the worker reads).
    pub fn poll(&mut self) -> Option<&Result<Vec<ReviewRow>, StudyError>> {
        self.job.poll()
    }
}
