//! A card's review history, read off the UI thread. The log keeps no index by card (it would
//! be a quarter of the progress file), so one card's reviews are a pass over the whole log:
//! tens of milliseconds at a million reviews, too long for a frame.

use std::thread::JoinHandle;

use crate::schedule::queue::Slot;
use crate::store::{ReviewRow, Store};
use crate::study::Collection;

/// The history of one card: being read, or read.
pub struct HistoryJob {
    pub slot: Slot,
    running: Option<JoinHandle<Result<Vec<ReviewRow>, String>>>,
    done: Option<Result<Vec<ReviewRow>, String>>,
}

impl HistoryJob {
    /// Starts reading the reviews of the card at `slot`: on a worker with its own read-only
    /// connection when the progress is a file, at once for a store in memory.
    pub fn start(coll: &Collection, slot: Slot) -> HistoryJob {
        let mut job = HistoryJob {
            slot,
            running: None,
            done: None,
        };
        let Some(card) = coll.card(slot) else {
            job.done = Some(Ok(Vec::new()));
            return job;
        };
        let deck = coll
            .deck(slot)
            .map(|d| d.deck.id.clone())
            .unwrap_or_default();
        let card = card.id.clone();
        match coll.store.data_dir() {
            Some(dir) => {
                let dir = dir.to_path_buf();
                job.running = Some(std::thread::spawn(move || {
                    Store::open_read_only(&dir)
                        .and_then(|s| s.card_reviews(&deck, &card))
                        .map_err(|e| e.to_string())
                }));
            }
            None => {
                job.done = Some(
                    coll.store
                        .card_reviews(&deck, &card)
                        .map_err(|e| e.to_string()),
                );
            }
        }
        job
    }

    /// The reviews, oldest first, once read (`None` while the worker reads).
    pub fn poll(&mut self) -> Option<&Result<Vec<ReviewRow>, String>> {
        if self.running.as_ref().is_some_and(JoinHandle::is_finished)
            && let Some(h) = self.running.take()
        {
            self.done = Some(
                h.join()
                    .unwrap_or_else(|_| Err("reading the history stopped unexpectedly".into())),
            );
        }
        self.done.as_ref()
    }
}
