//! Figures computed from the store for the weak-topics and statistics screens. No drawing
//! here; the statistics are computed on a worker thread with its own connection.

pub mod charts;
pub mod day_cache;
pub mod topics;

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use charts::{ChartInput, Charts, compute};
use rusqlite::Connection;
use topics::{TopicInput, TopicTable, compute_topics, topic_table};

use crate::schedule::CardState;
use crate::study::Collection;

/// The chart figures for one deck (or all), computed off the UI thread.
pub struct ChartsJob {
    handle: Option<JoinHandle<Result<Charts, String>>>,
}

/// What the worker needs, copied from the collection when the job starts.
struct Work {
    today: i64,
    deck: Option<usize>,
    deck_id: Option<String>,
    states: Vec<Vec<Option<CardState>>>,
    table: Arc<TopicTable>,
    now_ms: i64,
    offset_secs: i32,
    decay: f32,
}

impl Work {
    fn run(&self, conn: &Connection, write_cache: bool) -> Result<Charts, String> {
        let scope: Vec<Option<CardState>> = match self.deck {
            Some(d) => self.states.get(d).cloned().unwrap_or_default(),
            None => self.states.iter().flatten().copied().collect(),
        };
        let input = ChartInput {
            today: self.today,
            deck: self.deck_id.as_deref(),
            states: &scope,
        };
        let mut charts = compute(conn, &input, write_cache).map_err(|e| e.to_string())?;
        let topics = TopicInput {
            table: Arc::clone(&self.table),
            states: &self.states,
            now_ms: self.now_ms,
            offset_secs: self.offset_secs,
            decay: self.decay,
        };
        charts.topics = compute_topics(conn, &topics).map_err(|e| e.to_string())?;
        if let Some(d) = self.deck {
            let own = self.table.deck_topics(d);
            let names: std::collections::HashSet<&str> = own
                .iter()
                .filter_map(|&t| self.table.topics.get(t as usize))
                .map(String::as_str)
                .collect();
            charts.topics.retain(|t| names.contains(t.topic.as_str()));
        }
        Ok(charts)
    }
}

impl ChartsJob {
    /// Starts computing: the card states are copied now, the review log is read by the worker.
    /// A collection without a data directory (tests) is computed here and now.
    pub fn start(coll: &Collection, deck: Option<usize>) -> ChartsJob {
        let clock = coll.clock();
        let work = Work {
            today: clock.today(),
            deck,
            deck_id: deck
                .and_then(|d| coll.library.decks.get(d))
                .map(|d| d.deck.id.clone()),
            states: coll.states.clone(),
            table: topic_table(&coll.library),
            now_ms: clock.now_ms,
            offset_secs: clock.offset_secs,
            decay: coll.scheduler.decay(),
        };
        let Some(dir) = coll.data_dir.clone() else {
            let r = work.run(coll.store.connection(), false);
            return ChartsJob {
                handle: Some(std::thread::spawn(move || r)),
            };
        };
        let writable = coll.read_only.is_none();
        ChartsJob {
            handle: Some(std::thread::spawn(move || worker(dir, writable, &work))),
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

/// The worker: its own connection to the progress file (writable when this copy of the app
/// writes, so that it can keep the day figures' cache; read-only otherwise).
fn worker(dir: PathBuf, writable: bool, work: &Work) -> Result<Charts, String> {
    let path = dir.join(crate::store::FILE_NAME);
    let conn = if writable {
        Connection::open(&path).map_err(|e| e.to_string())?
    } else {
        crate::store::recovery::open_file_read_only(&path).map_err(|e| e.to_string())?
    };
    let _ = conn.busy_timeout(std::time::Duration::from_millis(500));
    work.run(&conn, writable)
}
