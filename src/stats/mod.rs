//! Figures computed from the store for the weak-topics and statistics screens. No drawing
//! here; chart figures can be computed on a worker thread with its own read-only connection.

pub mod charts;
pub mod topics;

use std::path::PathBuf;
use std::thread::JoinHandle;

use charts::{ChartInput, Charts, compute};

use crate::schedule::CardState;
use crate::store::Store;
use crate::study::Collection;

/// The chart figures for one deck (or all), computed off the UI thread.
pub struct ChartsJob {
    handle: Option<JoinHandle<Result<Charts, String>>>,
}

impl ChartsJob {
    /// Starts computing: the card states are copied now, the review log is read by the worker.
    /// A collection without a data directory (tests) is computed here and now.
    pub fn start(coll: &Collection, deck: Option<usize>) -> ChartsJob {
        let today = coll.clock().today();
        let deck_id = deck
            .and_then(|d| coll.library.decks.get(d))
            .map(|d| d.deck.id.clone());
        let states: Vec<Option<CardState>> = match deck {
            Some(d) => coll.states.get(d).cloned().unwrap_or_default(),
            None => coll.states.iter().flatten().copied().collect(),
        };
        let Some(dir) = coll.data_dir.clone().filter(|_| coll.read_only.is_none()) else {
            let input = ChartInput {
                today,
                deck: deck_id.as_deref(),
                states: &states,
            };
            let r = compute(coll.store.connection(), &input).map_err(|e| e.to_string());
            return ChartsJob {
                handle: Some(std::thread::spawn(move || r)),
            };
        };
        ChartsJob {
            handle: Some(std::thread::spawn(move || {
                worker(dir, today, deck_id, states)
            })),
        }
    }

    /// The figures once ready.
    pub fn poll(&mut self) -> Option<Result<Charts, String>> {
        if self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            let h = self.handle.take()?;
            return Some(
                h.join()
                    .unwrap_or_else(|_| Err("the statistics worker stopped".into())),
            );
        }
        None
    }

    /// Waits for the figures (for tests and tools).
    pub fn wait(mut self) -> Result<Charts, String> {
        match self.handle.take() {
            Some(h) => h
                .join()
                .unwrap_or_else(|_| Err("the statistics worker stopped".into())),
            None => Err("already taken".into()),
        }
    }
}

fn worker(
    dir: PathBuf,
    today: i64,
    deck: Option<String>,
    states: Vec<Option<CardState>>,
) -> Result<Charts, String> {
    let store = Store::open_read_only(&dir).map_err(|e| e.to_string())?;
    let input = ChartInput {
        today,
        deck: deck.as_deref(),
        states: &states,
    };
    compute(store.connection(), &input).map_err(|e| e.to_string())
}
