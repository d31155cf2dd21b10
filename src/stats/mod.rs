//! Figures for the weak-topic and statistics screens, from the store's queries. No drawing
//! here; the statistics are computed on a worker (a [`Job`]) with its own connection.

pub mod calibration;
pub mod charts;
pub mod table;
pub mod topics;

use std::collections::HashSet;
use std::sync::Arc;

use charts::{ChartInput, Charts, HISTORY_DAYS, compute};
use table::{CardTable, card_table};
use topics::{RecallAt, TopicInput, compute_topics};

use crate::schedule::CardState;
use crate::store::Store;
use crate::study::{Collection, Job, StudyResult, Waker};

/// What the worker needs, copied from the collection when the job starts.
struct Work {
    today: i64,
    deck: Option<usize>,
    deck_id: Option<String>,
    states: Vec<Vec<Option<CardState>>>,
    table: Arc<CardTable>,
    now_ms: i64,
    offset_secs: i32,
    decay: f32,
}

impl Work {
    fn run(&self, store: &Store, write_cache: bool) -> StudyResult<Charts> {
        let scope: Vec<Option<CardState>> = match self.deck {
            Some(d) => self.states.get(d).cloned().unwrap_or_default(),
            None => self.states.iter().flatten().copied().collect(),
        };
        let input = ChartInput {
            today: self.today,
            deck: self.deck_id.as_deref(),
            states: &scope,
        };
        let mut charts = compute(store, &input, write_cache)?;
        let confident = store.confident_answers(self.today - HISTORY_DAYS + 1)?;
        charts.calibration = calibration::calibration(&confident, &self.table, self.deck);
        let topics = TopicInput {
            table: Arc::clone(&self.table),
            states: &self.states,
            now_ms: self.now_ms,
            offset_secs: self.offset_secs,
            decay: self.decay,
            at: RecallAt::InAWeek,
        };
        charts.topics = compute_topics(store, &topics)?;
        if let Some(d) = self.deck {
            let own = self.table.deck_topics(d);
            let names: HashSet<&str> = own
                .iter()
                .filter_map(|&t| self.table.topics.get(t as usize))
                .map(String::as_str)
                .collect();
            charts.topics.retain(|t| names.contains(t.topic.as_str()));
        }
        Ok(charts)
    }
}

/// Starts computing the chart figures of one deck (or all): the card states are copied now,
/// the review log is read by the worker through its own connection (writable when this copy
/// of the app writes, so that it keeps the day figures' cache). A collection without a data
/// directory (tests) is computed here and now.
pub fn charts_job(coll: &Collection, deck: Option<usize>, wake: Waker) -> Job<Charts> {
    const WHAT: &str = "statistics worker";
    let clock = coll.clock();
    let work = Work {
        today: clock.today(),
        deck,
        deck_id: deck
            .and_then(|d| coll.library().decks.get(d))
            .map(|d| d.deck.id.clone()),
        states: coll.states().to_vec(),
        table: card_table(coll),
        now_ms: clock.now_ms,
        offset_secs: clock.offset_secs,
        decay: coll.scheduler().decay(),
    };
    let Some(dir) = coll.data_dir().map(std::path::Path::to_path_buf) else {
        return Job::ready(WHAT, work.run(coll.store(), false));
    };
    let writable = coll.read_only().is_none();
    Job::spawn(WHAT, wake, move || {
        let store = Store::open_beside(&dir, writable)?;
        work.run(&store, writable)
    })
}
