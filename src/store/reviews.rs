//! The review log: one row per answer, written with the card's new state in one transaction;
//! undo; counts per day for the daily limits. Reading the log back is in `review_rows`.

use std::collections::HashMap;

use rusqlite::params;

use super::schema::MODE_NAMES;
use super::sync::LOCAL;
use super::sync::journal::Provenance;
use super::{Store, StoreError, write_state, write_state_learned};
use crate::quiz::Confidence;
use crate::schedule::state::{CardState, Queue};

/// The setting that keeps figures derived from the review log (the statistics' day figures,
/// see `day_figures`), and the one that holds the last review id they count. Undoing a
/// review they count drops both, so that they are never wrong.
pub const DAY_FIGURES_KEY: &str = "stats.day_figures";
pub const DAY_FIGURES_THROUGH_KEY: &str = "stats.day_figures.through";

/// One answer, as written to the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    pub deck_id: String,
    pub card_id: String,
    pub time_ms: i64,
    pub grade: u8,
    pub correct: bool,
    /// The answer mode's name (one of [`MODE_NAMES`]).
    pub mode: String,
    /// What was answered; the log keeps it only when it was wrong.
    pub answer: Option<String>,
    pub taken_ms: i64,
    /// How sure the learner said they were before the answer showed (`None`: not asked).
    pub confidence: Option<Confidence>,
    pub day: i64,
    /// The state before the answer; `None` for a card never answered. The log keeps only its
    /// queue; the session keeps the whole state for undo.
    pub before: Option<CardState>,
    /// The state the answer gives the card, written as its state.
    pub after: CardState,
}

/// A review read back from the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    pub deck_id: String,
    pub card_id: String,
    pub time_ms: i64,
    pub day: i64,
    pub grade: u8,
    pub correct: bool,
    /// The answer mode's name ("?" for a number this build does not know).
    pub mode: &'static str,
    /// Where the card was before the answer.
    pub queue_before: Queue,
    pub taken_ms: i64,
    /// The words of a wrong answer.
    pub answer: Option<String>,
    pub confidence: Option<Confidence>,
}

const INSERT_REVIEW: &str = "INSERT INTO review
     (time_ms, key, day, grade, correct, mode, queue_before, taken_ms, answer, confidence,
      origin, seq, order_ms, tz, due_ms, fact, id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

/// The first review id of each study day, for [`since_day`]: kept in the transaction that
/// writes the review (ids grow, so the first one written for a day is its smallest).
const NOTE_DAY: &str = "INSERT OR IGNORE INTO review_day (day, first_id) VALUES (?1, ?2)";

/// A condition on the reviews (as `r`) of study day `?{param}` and later, for a WHERE clause:
/// the day table gives the first review to look at, so that SQLite reads the log from there on
/// instead of all of it. Right even when the clock went back (a later review on an earlier
/// day): a day's first id is the smallest id on it, and every review of the days asked for
/// comes at or after the smallest of those.
pub(super) fn since_day(param: usize) -> String {
    format!(
        "r.id >= (SELECT coalesce(min(first_id), 9223372036854775807) FROM review_day
                  WHERE day >= ?{param}) AND r.day >= ?{param}"
    )
}

/// A mode's number in the log.
pub(in crate::store) fn mode_code(name: &str) -> Result<i64, StoreError> {
    MODE_NAMES
        .iter()
        .position(|m| *m == name)
        .map(|i| i as i64)
        .ok_or_else(|| StoreError::Io(std::io::Error::other(format!("unknown answer mode {name}"))))
}

/// Writes one review row (and notes its day); returns its id.
pub(super) fn insert_review(
    tx: &rusqlite::Connection,
    key: i64,
    r: &ReviewRecord,
    p: &Provenance,
    fact: Option<u64>,
) -> Result<i64, StoreError> {
    let answer = if r.correct { None } else { r.answer.as_deref() };
    let row = LogRow {
        time_ms: r.time_ms,
        day: r.day,
        grade: r.grade,
        correct: r.correct,
        mode: mode_code(&r.mode)?,
        queue_before: r.before.map_or(Queue::New, |b| b.queue),
        taken_ms: r.taken_ms,
        confidence: r.confidence,
    };
    insert_row(tx, key, &row, answer, p, fact)
}

/// The columns of a review row but its card, words and provenance.
pub(in crate::store) struct LogRow {
    pub time_ms: i64,
    pub day: i64,
    pub grade: u8,
    pub correct: bool,
    pub mode: i64,
    pub queue_before: Queue,
    pub taken_ms: i64,
    /// How sure the learner said they were (`None`: not asked, as in every imported review).
    pub confidence: Option<Confidence>,
}

/// Writes a review row with where it comes from (`p`) and the fingerprint of the fact it taught
/// (`fact`), and notes its day; returns its id.
pub(in crate::store) fn insert_row(
    tx: &rusqlite::Connection,
    key: i64,
    r: &LogRow,
    answer: Option<&str>,
    p: &Provenance,
    fact: Option<u64>,
) -> Result<i64, StoreError> {
    let id = write_row(tx, key, r, answer, p, fact)?;
    note_day(tx, r.day, id)?;
    Ok(id)
}

/// As [`insert_row`] without noting the day: the caller notes the first id of each day it
/// wrote (a merge, once per day rather than per review).
pub(in crate::store) fn write_row(
    tx: &rusqlite::Connection,
    key: i64,
    r: &LogRow,
    answer: Option<&str>,
    p: &Provenance,
    fact: Option<u64>,
) -> Result<i64, StoreError> {
    // This device's review whose sequence number is above every id takes it as its id, and
    // its `seq` stays NULL (the number is the id, as for every review before schema 6): four
    // bytes a review less on a machine whose numbers and ids go together.
    let as_id = p.origin == LOCAL
        && p.seq
            > tx.prepare_cached("SELECT coalesce(max(id), 0) FROM review")?
                .query_row([], |r| r.get::<_, i64>(0))?;
    tx.prepare_cached(INSERT_REVIEW)?.execute(params![
        r.time_ms,
        key,
        r.day,
        r.grade,
        r.correct,
        r.mode,
        r.queue_before as u8,
        r.taken_ms,
        answer,
        r.confidence.map(Confidence::code),
        p.origin,
        (!as_id).then_some(p.seq),
        p.order_ms,
        p.tz,
        p.due_ms,
        fact.map(|f| f as i64),
        as_id.then_some(p.seq)
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Notes review `id` as the first of study `day` unless the day has one (ids grow).
pub(in crate::store) fn note_day(
    tx: &rusqlite::Connection,
    day: i64,
    id: i64,
) -> Result<(), StoreError> {
    tx.prepare_cached(NOTE_DAY)?.execute(params![day, id])?;
    Ok(())
}

/// Writes an answer given on this device now (in time zone `tz`, teaching the fact `learned`
/// when known: its fingerprint, kept with the review, and its words, kept with the state) and
/// the card's new state inside `tx`, one write of the state row: the review gets this device's
/// next sequence number and becomes the card's (`key`) last in replay order. Returns the
/// review's id.
pub(super) fn write_local_answer(
    tx: &rusqlite::Connection,
    key: i64,
    r: &ReviewRecord,
    tz: Option<i32>,
    learned: Option<(u64, &str)>,
) -> Result<i64, StoreError> {
    let p = Provenance::local_in(tx, key, r.time_ms, tz, Some(r.after.due_ms))?;
    let id = insert_review(tx, key, r, &p, learned.map(|(f, _)| f))?;
    p.note_last_in(tx, key, r.time_ms)?;
    write_state_learned(tx, key, &r.after, learned.map(|(f, w)| (f, Some(w))))?;
    Ok(id)
}

impl Store {
    /// Writes an answer and the card's new state in one transaction; returns the review's id.
    /// The time zone it was given in is taken to be this machine's at its time.
    pub fn record_answer(&mut self, r: &ReviewRecord) -> Result<i64, StoreError> {
        self.record_answer_in(r, None)
    }

    /// Writes an answer given in the time zone `tz` (seconds east of UTC; `None`: this
    /// machine's at its time) and the card's new state in one transaction, with this device's
    /// next sequence number; returns the review's id.
    pub fn record_answer_in(
        &mut self,
        r: &ReviewRecord,
        tz: Option<i32>,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, &r.deck_id, &r.card_id)?;
        let id = write_local_answer(&tx, key, r, tz, None)?;
        tx.commit()?;
        Ok(id)
    }

    /// Writes many answers in one transaction (imports and generated collections): each card's
    /// state is the `after` of its last record here.
    pub fn record_many(&mut self, records: &[ReviewRecord]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut last: HashMap<i64, (CardState, Provenance, i64)> = HashMap::new();
            let mut keys: HashMap<(&str, &str), i64> = HashMap::new();
            for r in records {
                let key = match keys.get(&(r.deck_id.as_str(), r.card_id.as_str())) {
                    Some(&k) => k,
                    None => {
                        let k = Self::key_in(&tx, &r.deck_id, &r.card_id)?;
                        keys.insert((&r.deck_id, &r.card_id), k);
                        k
                    }
                };
                // Written in the order given: each card's last record is its last review.
                let p = Provenance::imported_in(&tx)?;
                insert_review(&tx, key, r, &p, None)?;
                last.insert(key, (r.after, p, r.time_ms));
            }
            for (key, (state, p, time_ms)) in &last {
                write_state(&tx, *key, state)?;
                p.note_last_in(&tx, *key, *time_ms)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Answers per deck on a study day, as the daily limits count them: (new cards
    /// introduced, reviews of cards that were in review). Answers to cards in their learning
    /// or relearning steps count toward neither, as in Anki: ten new cards answered Again
    /// would otherwise use up twenty reviews of the day.
    pub fn day_counts(&self, day: i64) -> Result<HashMap<String, (u32, u32)>, StoreError> {
        let sql = format!(
            "SELECT c.deck_id, r.queue_before = 0, count(*) FROM review r JOIN card c ON c.key = r.key
             WHERE {} AND r.day = ?1 AND r.queue_before IN (0, {review})
             GROUP BY c.deck_id, r.queue_before = 0",
            since_day(1),
            review = Queue::Review as u8
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([day], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut out: HashMap<String, (u32, u32)> = HashMap::new();
        for row in rows {
            let (deck, was_new, n) = row?;
            let e = out.entry(deck).or_default();
            if was_new {
                e.0 += n;
            } else {
                e.1 += n;
            }
        }
        Ok(out)
    }

    /// Every review as the optimiser needs it: card key, time and grade.
    pub fn optimizer_events(&self) -> Result<Vec<crate::schedule::optimize::Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, time_ms, grade FROM review")?;
        let rows = stmt.query_map([], |r| {
            Ok(crate::schedule::optimize::Event {
                card: r.get(0)?,
                time_ms: r.get(1)?,
                rating: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn review_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review", [], |r| r.get(0))?)
    }
}
